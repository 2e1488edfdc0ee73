"""Which outlet carries which claim: the claim × outlet matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.models import Appearance, Article, Claim, Source
from claims.reports._frame import name_key, read

if TYPE_CHECKING:
    import pandas as pd

FIXED_COLUMNS = ["claim_id", "claim", "status"]


def carriers(session: Session) -> pd.DataFrame:
    """One row per claim, one column per outlet, the number of appearances where it carries it.

    Every claim gets a row and every outlet that publishes an article gets a
    column, so a blank cell is an answer ("not carried there") rather than a
    row or column silently missing from the sheet.
    """
    import pandas as pd

    claims = read(
        session,
        select(Claim.id.label("claim_id"), Claim.text.label("claim"), Claim.status).order_by(
            Claim.id
        ),
        {"claim_id": "int", "claim": "text", "status": "text"},
    )
    publishers = select(Article.publisher_id)
    outlets = session.scalars(select(Source.name).where(Source.id.in_(publishers)).distinct())
    names = sorted(set(outlets), key=name_key)
    counts = read(
        session,
        select(Appearance.claim_id, Source.name.label("outlet"), func.count().label("n"))
        .join(Article, Article.id == Appearance.article_id)
        .join(Source, Source.id == Article.publisher_id)
        .group_by(Appearance.claim_id, Source.name),
        {"claim_id": "int", "outlet": "text", "n": "int"},
    )
    if counts.empty:
        matrix = pd.DataFrame(index=claims["claim_id"], columns=names, dtype="Int64")
    else:
        matrix = counts.pivot_table(
            index="claim_id", columns="outlet", values="n", aggfunc="sum"
        ).reindex(index=claims["claim_id"], columns=names)
    matrix = matrix.astype("Int64").reset_index(drop=True)
    # An outlet called "status" must not overwrite the status column.
    matrix.columns = [f"{n} (outlet)" if n in FIXED_COLUMNS else n for n in names]
    return pd.concat([claims[FIXED_COLUMNS], matrix], axis=1)
