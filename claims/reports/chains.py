"""Every appearance with the chain of sources its words travelled along."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.chains import ARROW, render
from claims.models import Appearance, Article, ChainHop, Claim, Source
from claims.reports._frame import read

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = [
    "appearance_id",
    "claim_id",
    "claim",
    "outlet",
    "article_id",
    "article",
    "published",
    "quotation",
    "quoted",
    "chain",
    "cues",
    "provenance",
]
NO_CUE = "\u2014"
LABEL_CHARS = 60
# Read of the text for its label: enough that collapsing its spaces leaves LABEL_CHARS.
OPENING_CHARS = 4 * LABEL_CHARS


def chains(session: Session) -> pd.DataFrame:
    """One row per appearance, its chain rendered origin first, ordered by claim then date.

    Hops come from a single query grouped here, so the report costs two
    queries however many appearances there are.
    """
    frame = read(
        session,
        select(
            Appearance.id.label("appearance_id"),
            Appearance.claim_id,
            Claim.text.label("claim"),
            Source.name.label("outlet"),
            Article.id.label("article_id"),
            Article.title,
            func.substr(Article.text, 1, OPENING_CHARS).label("opening"),
            Article.published,
            Appearance.quote.label("quotation"),
            Appearance.quoted,
            Appearance.provenance,
        )
        .join(Claim, Claim.id == Appearance.claim_id)
        .join(Article, Article.id == Appearance.article_id)
        .join(Source, Source.id == Article.publisher_id),
        {
            "appearance_id": "int",
            "claim_id": "int",
            "claim": "text",
            "outlet": "text",
            "article_id": "int",
            "title": "text",
            "opening": "text",
            "published": "date",
            "quotation": "text",
            "quoted": "bool",
            "provenance": "text",
        },
    )
    hops: dict[int, list[tuple[str, str | None]]] = {}
    rows = session.execute(
        select(ChainHop.appearance_id, Source.name, ChainHop.cue)
        .join(Source, Source.id == ChainHop.source_id)
        .order_by(ChainHop.appearance_id, ChainHop.position)
    )
    for appearance_id, name, cue in rows:
        hops.setdefault(appearance_id, []).append((name, cue))

    # An untitled article is known by its opening words, on one line, cut as in listings.
    opening = frame["opening"].map(_opening, na_action="ignore")
    frame["article"] = frame["title"].where(frame["title"].notna(), opening)
    chain_of = frame["appearance_id"].map(lambda i: hops.get(i, []))
    frame["chain"] = chain_of.map(lambda chain: render([name for name, _ in chain])).astype("str")
    # Positional, one per hop ("told → said → —"); a chain with no cue at all has none
    # (null; "—" only in a table for people).
    frame["cues"] = chain_of.map(
        lambda chain: (
            ARROW.join(cue or NO_CUE for _, cue in chain) if any(cue for _, cue in chain) else None
        )
    ).astype(object)
    frame = frame.sort_values(
        ["claim_id", "published", "appearance_id"], na_position="last", kind="mergesort"
    )
    return frame[COLUMNS].reset_index(drop=True)


def _opening(text: str) -> str:
    """``article_label``'s cut of the text's opening, read only ``OPENING_CHARS`` long: a
    read that long may have stopped before the text did, and is marked cut."""
    first = " ".join(text.split())
    if len(first) <= LABEL_CHARS and len(text) < OPENING_CHARS:
        return first
    return first[: LABEL_CHARS - 1] + "…"
