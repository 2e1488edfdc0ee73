"""Reports: functions from a session to a pandas DataFrame, registered by name.

Writing them out as CSV, JSON or Excel is ``claims.output``'s job; the CLI
only picks a report, a format and a path. pandas is imported inside each
report, so importing this package keeps ``claims --help`` fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from claims.errors import InvalidInput
from claims.reports import carriers, chains, claims, outlets

if TYPE_CHECKING:
    from pandas import DataFrame

REPORTS: dict[str, Callable[[Session], DataFrame]] = {
    "carriers": carriers.carriers,
    "chains": chains.chains,
    "outlets": outlets.outlets,
    "claims": claims.claims,
}


def build(name: str, session: Session) -> DataFrame:
    """Run the report called ``name``; an unknown name lists the ones that exist."""
    report = REPORTS.get((name or "").strip().lower())
    if report is None:
        raise InvalidInput(f"Unknown report {name!r}: choose one of {', '.join(REPORTS)}.")
    return report(session)
