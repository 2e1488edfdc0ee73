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
from claims.report_catalog import DESCRIPTIONS  # noqa: F401  (re-exported)
from claims.reports import carriers, chains, claims, derivation, drift, outlets
from claims.reports.derivation import Progress

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from pandas import DataFrame

REPORTS: dict[str, Callable[[Session], DataFrame]] = {
    "carriers": carriers.carriers,
    "chains": chains.chains,
    "outlets": outlets.outlets,
    "claims": claims.claims,
    "drift": drift.drift,
    "derivation": derivation.derivation,
}


# Reports that can take minutes, and say how far they are (``progress(done, total)``).
SLOW = {"derivation"}


def workbook(
    session: Session, *, first: str | None = None, progress: Progress | None = None
) -> dict[str, DataFrame]:
    """Every report, as the sheets of one workbook: ``first`` leads, the rest keep their order."""
    order = list(REPORTS)
    if first is not None:
        build_name = _known(first)
        order.remove(build_name)
        order.insert(0, build_name)
    return {name: build(name, session, progress=progress) for name in order}


def workbook_pictures(session: Session) -> tuple[dict[str, Figure], list[str]]:
    """The pictures a workbook carries after its sheets, and notes for the person.

    The outlet network is drawn once there is one, unless it has more sources
    than a picture in a sheet can show readably (``WORKBOOK_SOURCES``): it is
    then left out, with one note saying how to draw it on its own, so a large
    database still gets its workbook quickly.
    """
    from claims.drawing import MAX_DRAWN_SOURCES, WORKBOOK_SOURCES, figure
    from claims.graphs import outlet_network

    network = outlet_network(session)
    if not network.number_of_edges():
        return {}, []
    sources = network.number_of_nodes()
    if sources > WORKBOOK_SOURCES:
        command = (
            "`claims report graph -o network.svg`"
            if sources <= MAX_DRAWN_SOURCES
            else "`claims report graph -o network.dot` (Graphviz)"
        )
        return {}, [
            f"The outlet network has {sources} sources, too many for a readable picture in "
            f"a workbook (at most {WORKBOOK_SOURCES}), so it was left out: draw it with {command}."
        ]
    return {"outlet network": figure(network)}, []


# What a table for people shows in an empty cell that means "none", per report; CSV,
# JSON and Excel leave the cell empty (null), so tools cannot take it for text.
PLACEHOLDERS: dict[str, dict[str, str]] = {
    "drift": {"before": drift.NOTHING, "after": drift.NOTHING},
    "chains": {"cues": chains.NO_CUE},
}


def for_people(name: str, frame: DataFrame) -> DataFrame:
    """``frame`` with the report's placeholders in its empty cells, for a table."""
    marks = PLACEHOLDERS.get(_known(name), {})
    if not marks or frame.empty:
        return frame
    frame = frame.copy()
    for column, mark in marks.items():
        frame[column] = frame[column].astype(object).where(frame[column].notna(), mark)
    return frame


def no_claims(session: Session) -> bool:
    """Whether the database holds no claim yet (a report is then empty for that reason)."""
    from sqlalchemy import exists, select

    from claims.models import Claim

    return not session.scalar(select(exists().where(Claim.id.is_not(None))))


def _known(name: str) -> str:
    key = (name or "").strip().lower()
    if key not in REPORTS:
        raise InvalidInput(f"Unknown report {name!r}: choose one of {', '.join(REPORTS)}.")
    return key


def build(name: str, session: Session, *, progress: Progress | None = None) -> DataFrame:
    """Run the report called ``name``; an unknown name lists the ones that exist.

    ``progress`` is told how far a ``SLOW`` report is; the others finish in seconds."""
    key = _known(name)
    if key in SLOW and progress is not None:
        return REPORTS[key](session, progress)
    return REPORTS[key](session)
