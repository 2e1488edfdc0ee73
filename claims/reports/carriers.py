"""Which outlet carries which claim: the claim × outlet matrix."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.models import Article, Source
from claims.reports._frame import name_key

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

FIXED_COLUMNS = ["claim_id", "claim", "status"]
# Rows per aggregated read: about 20 MB of text per string at most.
ID_SLICE = 1_000_000


def carriers(session: Session) -> pd.DataFrame:
    """One row per claim, one column per outlet, the number of appearances where it carries it.

    Every claim gets a row and every outlet that publishes an article gets a
    column, so a blank cell is an answer ("not carried there") rather than a
    row or column silently missing from the sheet. Outlet columns are ``Int64``
    (pandas' nullable integer): a count, or ``<NA>`` where the outlet does not
    carry the claim, which the CSV, JSON and Excel writers leave blank.

    The database is asked only for ids, each table read in one scan: a join
    and ``GROUP BY`` over every appearance costs it an index look-up per
    appearance and a sort, several times what numpy needs for the same sums
    (``bincount`` over cell positions). The ids come as comma-separated text,
    parsed by numpy, through the driver's own cursor: a ``Row`` or even a plain
    tuple per appearance cost more than the database's work. Only the claims'
    text is read row by row, since it ends up as a Python string per claim
    anyway.
    """
    import numpy as np
    import pandas as pd

    # Through the session first: it flushes pending changes, so the plain
    # cursor below sees every claim and appearance the session holds.
    outlets = session.execute(
        select(Source.id, Source.name).where(Source.id.in_(select(Article.publisher_id)))
    ).all()
    outlets.sort(key=lambda outlet: (name_key(outlet[1]), outlet[0]))
    connection = session.connection()
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute("SELECT id, text, status FROM claims ORDER BY id")
        claim_rows = cursor.fetchall()
        article_ids, publisher_ids = _id_pairs(
            np, cursor, connection.dialect.name, "articles", "id", "publisher_id"
        )
        claim_of, article_of = _id_pairs(
            np, cursor, connection.dialect.name, "appearances", "claim_id", "article_id"
        )
    finally:
        cursor.close()

    claim_ids = np.array([row[0] for row in claim_rows], dtype="int64")
    outlet_ids = np.array([source_id for source_id, _ in outlets], dtype="int64")
    counts = _counts(np, claim_ids, outlet_ids, article_ids, publisher_ids, claim_of, article_of)
    blank = counts == 0

    frame: dict[str, Any] = {
        "claim_id": claim_ids,
        "claim": pd.array([row[1] for row in claim_rows], dtype="str"),
        "status": pd.array([row[2] for row in claim_rows], dtype="str"),
    }
    labels = outlet_labels([name for _, name in outlets])
    for position, label in enumerate(labels):
        frame[label] = pd.arrays.IntegerArray(counts[position], blank[position])
    return pd.DataFrame(frame, copy=False)


def outlet_labels(names: list[str]) -> list[str]:
    """A column name per outlet, in order, each different from every other column's.

    An outlet keeps its own name unless a fixed column ("status") or an earlier
    outlet has it; it then becomes "status (outlet)", or "status (outlet 2)" when
    that too is an outlet's name. Every name is reserved before any is changed,
    so the labels depend only on the names: the same on every database.
    """
    taken = set(FIXED_COLUMNS)
    labels: list[str | None] = []
    for name in names:
        labels.append(None if name in taken else name)
        taken.add(name)
    for position, name in enumerate(names):
        if labels[position] is not None:
            continue
        number = 1 if name in FIXED_COLUMNS else 2
        label = f"{name} (outlet)" if number == 1 else f"{name} (outlet {number})"
        while label in taken:
            number += 1
            label = f"{name} (outlet {number})"
        labels[position] = label
        taken.add(label)
    return [label for label in labels if label is not None]


def _counts(
    np: Any,
    claim_ids: np.ndarray,
    outlet_ids: np.ndarray,
    article_ids: np.ndarray,
    publisher_ids: np.ndarray,
    claim_of: np.ndarray,
    article_of: np.ndarray,
) -> np.ndarray:
    """Appearances per (outlet, claim), ``outlet_ids`` by ``claim_ids`` (sorted).

    Laid out outlet after outlet, so that each outlet's counts are one
    contiguous run the frame keeps without a copy.
    """
    rows, columns = len(claim_ids), len(outlet_ids)
    if not (len(claim_of) and len(article_ids) and rows and columns):
        return np.zeros((columns, rows), dtype="int64")
    column_of_source = np.full(max(outlet_ids.max(), publisher_ids.max()) + 1, -1)
    column_of_source[outlet_ids] = np.arange(columns)
    column_of_article = np.full(max(article_ids.max(), article_of.max()) + 1, -1)
    column_of_article[article_ids] = column_of_source[publisher_ids]
    column_at = column_of_article[article_of]
    row_at = np.searchsorted(claim_ids, claim_of)
    # On PostgreSQL each read sees what was committed when it began: an
    # appearance whose claim, article or outlet an earlier read did not see was
    # added meanwhile, and is left out rather than counted in a neighbour's cell.
    seen = (column_at >= 0) & (claim_ids[np.minimum(row_at, rows - 1)] == claim_of)
    cells = column_at[seen] * rows + row_at[seen]
    return np.bincount(cells, minlength=rows * columns).reshape(columns, rows)


def _id_pairs(
    np: Any, cursor: Any, dialect: str, table: str, first: str, second: str
) -> tuple[np.ndarray, np.ndarray]:
    """Two id columns of every row of ``table``, read as aggregated text.

    Each pair is written side by side in one aggregate ("12,7,13,7,…"), so the
    pairing never rests on two aggregates happening to read rows in the same
    order. The table is read a slice of ids at a time, which keeps each string
    far below the databases' limits on a string's length however large the
    table grows.
    """
    if dialect == "sqlite":
        aggregate = f"group_concat({first} || ',' || {second})"
    else:
        aggregate = f"string_agg({first} || ',' || {second}, ',')"
    cursor.execute(f"SELECT max(id) FROM {table}")
    (last,) = cursor.fetchone()
    parts = []
    for low in range(0, (last or 0) + 1, ID_SLICE):
        cursor.execute(
            f"SELECT {aggregate} FROM {table} WHERE id >= {low} AND id < {low + ID_SLICE}"
        )
        (joined,) = cursor.fetchone()
        if joined is not None:
            parts.append(np.fromstring(joined, dtype="int64", sep=","))
    pairs = np.concatenate(parts) if parts else np.zeros(0, dtype="int64")
    pairs = pairs.reshape(-1, 2)
    return pairs[:, 0], pairs[:, 1]
