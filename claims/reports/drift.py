"""Drift findings, one row each: what changed from one appearance of a claim to the next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from claims.reports._frame import read
from claims.services.drift import drift_query

if TYPE_CHECKING:
    import pandas as pd

KINDS = {
    "claim_id": "int",
    "claim": "text",
    "from_appearance": "int",
    "to_appearance": "int",
    "from_outlet": "text",
    "to_outlet": "text",
    "kind": "text",
    "severity": "text",
    "before": "text",
    "after": "text",
    "detail": "text",
}


def drift(session: Session) -> pd.DataFrame:
    """The stored findings, by claim, in the order they were found (upstream to downstream)."""
    return read(session, drift_query(), KINDS)
