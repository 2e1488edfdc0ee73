"""Per outlet: how much it carries, and on whose word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from claims.models import Appearance, Article, ChainHop, Source
from claims.reports._frame import name_key, read

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ["outlet", "articles", "claims", "appearances", "upstream"]


def outlets(session: Session) -> pd.DataFrame:
    """One row per outlet that publishes an article, with the sources its appearances rely on.

    ``upstream`` counts every other source on its appearances' chains, most
    relied-on first, so an outlet that mostly rewrites one wire shows it at once.
    """
    frame = read(
        session,
        select(
            Source.id.label("outlet_id"),
            Source.name.label("outlet"),
            func.count(Article.id).label("articles"),
        )
        .join(Article, Article.publisher_id == Source.id)
        .group_by(Source.id, Source.name),
        {"outlet_id": "int", "outlet": "text", "articles": "int"},
    )
    carried = read(
        session,
        select(
            Article.publisher_id.label("outlet_id"),
            func.count(distinct(Appearance.claim_id)).label("claims"),
            func.count(Appearance.id).label("appearances"),
        )
        .join(Appearance, Appearance.article_id == Article.id)
        .group_by(Article.publisher_id),
        {"outlet_id": "int", "claims": "int", "appearances": "int"},
    )
    frame = frame.merge(carried, on="outlet_id", how="left")
    for column in ("claims", "appearances"):
        frame[column] = frame[column].fillna(0).astype("int64")
    upstream = _upstream(session)
    frame["upstream"] = (
        frame["outlet_id"].map(lambda i: "; ".join(upstream.get(i, []))).astype("str")
    )
    order = sorted(range(len(frame)), key=lambda i: name_key(frame["outlet"].iloc[i]))
    return frame.iloc[order][COLUMNS].reset_index(drop=True)


def _upstream(session: Session) -> dict[int, list[str]]:
    """``{outlet id: ["Reuters ×12", "Xinhua ×5"]}``, most frequent first, ties by name."""
    hop_source = Source.__table__.alias("hop_source")
    rows = session.execute(
        select(Article.publisher_id, hop_source.c.name, func.count())
        .select_from(ChainHop)
        .join(Appearance, Appearance.id == ChainHop.appearance_id)
        .join(Article, Article.id == Appearance.article_id)
        .join(hop_source, hop_source.c.id == ChainHop.source_id)
        .where(ChainHop.source_id != Article.publisher_id)
        .group_by(Article.publisher_id, hop_source.c.id, hop_source.c.name)
    ).all()
    rendered: dict[int, list[str]] = {}
    for outlet_id, name, count in sorted(rows, key=lambda row: (-row[2], *name_key(row[1]))):
        rendered.setdefault(outlet_id, []).append(f"{name} \u00d7{count}")
    return rendered
