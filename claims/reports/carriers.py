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

    The counts are grouped by publisher id, with no join to the sources table
    (names are unique, so an id is a name), and placed straight into the matrix
    with numpy rather than through ``pivot_table``: with a million appearances
    the pivot, not the query, was most of the time.
    """
    import numpy as np
    import pandas as pd

    claims = read(
        session,
        select(Claim.id.label("claim_id"), Claim.text.label("claim"), Claim.status).order_by(
            Claim.id
        ),
        {"claim_id": "int", "claim": "text", "status": "text"},
    )
    publishers = select(Article.publisher_id)
    outlets = session.execute(
        select(Source.id, Source.name).where(Source.id.in_(publishers)).distinct()
    ).all()
    outlets.sort(key=lambda outlet: name_key(outlet[1]))
    names = [name for _, name in outlets]
    column_of = {source_id: position for position, (source_id, _) in enumerate(outlets)}

    rows = session.execute(
        select(Appearance.claim_id, Article.publisher_id, func.count())
        .join(Article, Article.id == Appearance.article_id)
        .group_by(Appearance.claim_id, Article.publisher_id)
    ).all()
    # Column-major, so each outlet's column is one contiguous block the frame can keep.
    counts = np.zeros((len(claims), len(names)), dtype="int64", order="F")
    blank = np.ones((len(claims), len(names)), dtype=bool, order="F")
    if rows:
        # fromiter over plain ints: np.array(rows) probes every Row as a sequence, slowly.
        flat = (value for row in rows for value in row)
        data = np.fromiter(flat, "int64", 3 * len(rows)).reshape(-1, 3)
        claim_ids, publisher_ids, numbers = data[:, 0], data[:, 1], data[:, 2]
        row_at = pd.Index(claims["claim_id"]).get_indexer(claim_ids)
        column_at = np.fromiter((column_of[p] for p in publisher_ids), "int64", len(rows))
        counts[row_at, column_at] = numbers
        blank[row_at, column_at] = False
    # An outlet called "status" must not overwrite the status column.
    labels = [f"{n} (outlet)" if n in FIXED_COLUMNS else n for n in names]
    matrix = pd.DataFrame(
        {
            label: pd.arrays.IntegerArray(counts[:, j], blank[:, j])
            for j, label in enumerate(labels)
        },
        index=claims.index,
    )
    if not labels:
        matrix = pd.DataFrame(index=claims.index)
    return pd.concat([claims[FIXED_COLUMNS], matrix], axis=1)
