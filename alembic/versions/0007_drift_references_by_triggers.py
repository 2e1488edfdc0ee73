"""Drift findings: their references kept by triggers instead of foreign keys.

``drift_findings`` is derived data, written only by the drift services, in bulk by
an import (two findings or more per appearance). Its four foreign keys were
checked row by row on every insert, which took three quarters of the server's
time writing findings on PostgreSQL. What they gave besides the check is kept
by triggers, the same on both databases: deleting an appearance or a claim
deletes its findings, deleting a source empties the findings' ``source_id``.
The column comments now name the table each id refers to.

On SQLite the table is rebuilt (batch mode) to drop the keys; the rows are kept.
The downgrade deletes findings that refer to nothing (there should be none), then
puts the keys back.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table whose deletes are followed, trigger name, what to do with the deleted row's id)
TRIGGERS = (
    (
        "appearances",
        "appearances_drift_delete",
        "DELETE FROM drift_findings WHERE from_appearance_id = OLD.id; "
        "DELETE FROM drift_findings WHERE to_appearance_id = OLD.id;",
    ),
    ("claims", "claims_drift_delete", "DELETE FROM drift_findings WHERE claim_id = OLD.id;"),
    (
        "sources",
        "sources_drift_delete",
        "UPDATE drift_findings SET source_id = NULL WHERE source_id = OLD.id;",
    ),
)

# (column, referred table, ON DELETE, comment before, comment now)
KEYS = (
    (
        "claim_id",
        "claims",
        "CASCADE",
        "The claim whose appearances differ.",
        "The claim whose appearances differ (claims.id).",
    ),
    (
        "from_appearance_id",
        "appearances",
        "CASCADE",
        "The upstream appearance (earlier, or the one the other relies on).",
        "The upstream appearance (appearances.id): earlier, or the one the other relies on.",
    ),
    (
        "to_appearance_id",
        "appearances",
        "CASCADE",
        "The downstream appearance, where the change is seen.",
        "The downstream appearance (appearances.id), where the change is seen.",
    ),
    (
        "source_id",
        "sources",
        "SET NULL",
        "The chain source a names or attribution finding is about, if any.",
        "The chain source (sources.id) a names or attribution finding is about, if any.",
    ),
)


def _key_name(column: str, table: str) -> str:
    return f"fk_drift_findings_{column}_{table}"


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    with op.batch_alter_table("drift_findings", schema=None) as batch_op:
        for column, table, _, before, now in KEYS:
            batch_op.drop_constraint(_key_name(column, table), type_="foreignkey")
            batch_op.alter_column(
                column,
                existing_type=sa.Integer(),
                existing_nullable=column == "source_id",
                comment=now,
                existing_comment=before,
            )
    for table, name, action in TRIGGERS:
        if postgres:
            # The schema it is made in, whatever the deleting session's search_path.
            op.execute(
                f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql "
                f"SET search_path FROM CURRENT AS $$\n"
                f"BEGIN\n    {action}\n    RETURN NULL;\nEND\n$$"
            )
            op.execute(
                f"CREATE TRIGGER {name} AFTER DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}()"
            )
        else:
            op.execute(f"CREATE TRIGGER {name} AFTER DELETE ON {table} BEGIN {action} END")


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, name, _ in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgres else ""))
        if postgres:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    for column, table, on_delete, _, _ in KEYS:
        dangling = f"{column} NOT IN (SELECT id FROM {table})"
        if on_delete == "SET NULL":
            op.execute(f"UPDATE drift_findings SET {column} = NULL WHERE {dangling}")
        else:
            op.execute(f"DELETE FROM drift_findings WHERE {dangling}")
    with op.batch_alter_table("drift_findings", schema=None) as batch_op:
        for column, table, on_delete, before, now in KEYS:
            batch_op.alter_column(
                column,
                existing_type=sa.Integer(),
                existing_nullable=column == "source_id",
                comment=before,
                existing_comment=now,
            )
            batch_op.create_foreign_key(
                _key_name(column, table), table, [column], ["id"], ondelete=on_delete
            )
