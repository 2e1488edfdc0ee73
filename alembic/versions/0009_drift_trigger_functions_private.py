"""PostgreSQL: only the owner may attach the drift trigger functions to a table.

The six functions 0007 made run as their owner (``SECURITY DEFINER``, as a foreign
key's ``ON DELETE`` did) and act on ``drift_findings`` in the schema of whichever
table fired them. PostgreSQL lets every role execute a new function, so any role
that could create a table somewhere could attach one to a table of its own, beside
a ``drift_findings`` of its own with a trigger on it, and have its code run with the
owner's rights. Creating a trigger needs ``EXECUTE`` on its function; firing one
does not: revoking it from ``PUBLIC`` closes that door and leaves the triggers of
this schema working for every role that may delete.

SQLite has no such functions: nothing is done there.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTIONS = (
    "appearances_drift_delete",
    "claims_drift_delete",
    "sources_drift_delete",
    "appearances_drift_truncate",
    "claims_drift_truncate",
    "sources_drift_truncate",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in FUNCTIONS:
        op.execute(f"REVOKE EXECUTE ON FUNCTION {name}() FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in FUNCTIONS:
        op.execute(f"GRANT EXECUTE ON FUNCTION {name}() TO PUBLIC")
