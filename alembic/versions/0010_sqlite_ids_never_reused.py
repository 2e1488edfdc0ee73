"""SQLite: tables rebuilt by earlier migrations get AUTOINCREMENT back.

Alembic's batch mode rebuilds a SQLite table to alter it, and the rebuilt table kept
``AUTOINCREMENT`` only when asked. 0007 rebuilt ``drift_findings`` without it, and
0003's downgrade ``articles``: in those tables SQLite could hand a deleted row's id to
the next row, where the schema promises that ids are never reused (an audit entry's
``entity_id`` would then name two articles). Each table of this revision that should
have it and does not is rebuilt with it, its rows, indexes and triggers kept, and its
ids go on after the largest it holds or the audit log names for it (a deleted row's
id is in the log). The downgrade does nothing: a table with ``AUTOINCREMENT`` is what
every revision wants.

PostgreSQL's identity sequences never go back: nothing is done there.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables of this revision whose ids are AUTOINCREMENT on SQLite.
TABLES = (
    "sources",
    "source_aliases",
    "articles",
    "claims",
    "appearances",
    "chain_hops",
    "drift_findings",
    "suggestions",
    "reviews",
    "audit_log",
    "match_candidates",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for table in TABLES:
        found = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).scalar()
        if found is None or "AUTOINCREMENT" in found.upper():
            continue
        # The rebuild drops the table's own triggers (search index, immutable text): kept
        # here as written, and created again on the rebuilt table.
        triggers = [
            sql
            for (sql,) in bind.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
            )
        ]
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass
        for sql in triggers:
            op.execute(sql)
        _resume_after_logged_ids(bind, table)


def _resume_after_logged_ids(bind, table: str) -> None:
    """Start the table's sequence after every id the audit log names for it.

    The rebuild starts it after the largest id the table holds; the ids of rows deleted
    since AUTOINCREMENT was lost are known only to the audit log, which keeps every
    create and delete. Reused, they would make its entries name two rows.
    """
    logged = bind.exec_driver_sql(
        "SELECT max(entity_id) FROM audit_log WHERE entity = ?", (table,)
    ).scalar()
    if logged is None:
        return
    current = bind.exec_driver_sql(
        "SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)
    ).scalar()
    if current is None:
        op.execute(
            sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES (:name, :seq)").bindparams(
                name=table, seq=logged
            )
        )
    elif current < logged:
        op.execute(
            sa.text("UPDATE sqlite_sequence SET seq = :seq WHERE name = :name").bindparams(
                name=table, seq=logged
            )
        )


def downgrade() -> None:
    pass
