"""Drift findings: their references kept by triggers instead of foreign keys.

``drift_findings`` is derived data, written only by the drift services, in bulk by
an import (two findings or more per appearance). Its four foreign keys were
checked row by row on every insert, which took three quarters of the server's
time writing findings on PostgreSQL. What they gave besides the check is kept
by triggers, the same on both databases: deleting an appearance or a claim
deletes its findings, deleting a source empties the findings' ``source_id``
(on PostgreSQL, truncating those tables too). The drift services check the
appearances a finding names when they store it (``store_drift_rows``).
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

# (table whose deletes are followed, trigger name, what to do with the deleted row's id;
# on PostgreSQL the findings table is named as {findings}, in the schema of the table
# whose delete fired it, and the id as $1)
TRIGGERS = (
    (
        "appearances",
        "appearances_drift_delete",
        "DELETE FROM {findings} WHERE from_appearance_id = {id} OR to_appearance_id = {id}",
    ),
    ("claims", "claims_drift_delete", "DELETE FROM {findings} WHERE claim_id = {id}"),
    (
        "sources",
        "sources_drift_delete",
        "UPDATE {findings} SET source_id = NULL WHERE source_id = {id}",
    ),
)
# PostgreSQL's TRUNCATE fires no row trigger; a key's ON DELETE reached the findings
# through TRUNCATE ... CASCADE, so these do.
TRUNCATE_TRIGGERS = (
    ("appearances", "appearances_drift_truncate", "DELETE FROM {findings}"),
    ("claims", "claims_drift_truncate", "DELETE FROM {findings}"),
    (
        "sources",
        "sources_drift_truncate",
        "UPDATE {findings} SET source_id = NULL WHERE source_id IS NOT NULL",
    ),
)


def _postgresql_function(name: str, action: str, *, row: bool) -> str:
    """A trigger function that runs as its owner, as a key's ON DELETE did (a role may
    delete appearances without being granted drift_findings), and names the findings
    table in the schema of the table whose change fired it: no search_path is trusted."""
    statement = action.format(findings="%I.drift_findings", id="$1")
    using = " USING OLD.id" if row else ""
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        "SET search_path = pg_catalog, pg_temp AS $$\n"
        f"BEGIN\n    EXECUTE format('{statement}', TG_TABLE_SCHEMA){using};\n"
        "    RETURN NULL;\nEND\n$$"
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


# A SQLite rebuild keeps AUTOINCREMENT only when asked (it once did not: see 0010).
KEEP_IDS = {"sqlite_autoincrement": True}


def _key_name(column: str, table: str) -> str:
    return f"fk_drift_findings_{column}_{table}"


def _comment(batch_op, column: str, comment: str, existing: str) -> None:
    batch_op.alter_column(
        column,
        existing_type=sa.Integer(),
        existing_nullable=column == "source_id",
        comment=comment,
        existing_comment=existing,
    )


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    with op.batch_alter_table("drift_findings", schema=None, table_kwargs=KEEP_IDS) as batch_op:
        for column, table, _, before, now in KEYS:
            batch_op.drop_constraint(_key_name(column, table), type_="foreignkey")
            _comment(batch_op, column, now, before)
    for table, name, action in TRIGGERS:
        if postgres:
            op.execute(_postgresql_function(name, action, row=True))
            op.execute(
                f"CREATE TRIGGER {name} AFTER DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {name}()"
            )
        else:
            statement = action.format(findings="drift_findings", id="OLD.id")
            op.execute(f"CREATE TRIGGER {name} AFTER DELETE ON {table} BEGIN {statement}; END")
    if postgres:
        for table, name, action in TRUNCATE_TRIGGERS:
            op.execute(_postgresql_function(name, action, row=False))
            op.execute(
                f"CREATE TRIGGER {name} AFTER TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, name, _ in TRIGGERS + (TRUNCATE_TRIGGERS if postgres else ()):
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgres else ""))
        if postgres:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    for column, table, on_delete, _, _ in KEYS:
        dangling = f"{column} NOT IN (SELECT id FROM {table})"
        if on_delete == "SET NULL":
            op.execute(f"UPDATE drift_findings SET {column} = NULL WHERE {dangling}")
        else:
            op.execute(f"DELETE FROM drift_findings WHERE {dangling}")
    with op.batch_alter_table("drift_findings", schema=None, table_kwargs=KEEP_IDS) as batch_op:
        for column, table, on_delete, before, now in KEYS:
            _comment(batch_op, column, before, now)
            batch_op.create_foreign_key(
                _key_name(column, table), table, [column], ["id"], ondelete=on_delete
            )
