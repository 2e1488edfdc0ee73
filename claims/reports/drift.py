"""Drift findings, one row each: what changed from one appearance of a claim to the next.

The empty side of an addition or a drop (stored as "—") is an empty cell here,
null in JSON, so a tool cannot take the placeholder for words; a table shows "—"
again (``claims.reports.for_people``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from claims.drift.compare import NOTHING
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
    frame = read(session, drift_query(), KINDS)
    for column in ("before", "after"):
        frame[column] = frame[column].astype(object).where(frame[column] != NOTHING, None)
    return frame


def blank_placeholders(rows: list[dict]) -> list[dict]:
    """Findings as ``list_drift`` gives them, with the "—" of an empty side as None."""
    return [
        {
            key: None if key in ("before", "after") and value == NOTHING else value
            for key, value in row.items()
        }
        for row in rows
    ]


def any_comparable(session: Session) -> bool:
    """Whether some claim has two appearances, the least drift compares."""
    from sqlalchemy import func, select

    from claims.models import Appearance

    query = (
        select(Appearance.claim_id)
        .group_by(Appearance.claim_id)
        .having(func.count(Appearance.id) > 1)
        .limit(1)
    )
    return session.scalar(query) is not None
