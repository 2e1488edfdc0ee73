"""The audit log's ``action`` column: its comment names every action written.

The comment listed create, update, delete, review decisions and import, but not
``merge``, which ``claims source merge`` writes; analysts reading the schema from
the server (``\\d+ audit_log``, ``pg_description``) were not told of it. Only the
comment changes. SQLite keeps no comments, so there nothing is done.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = (
    "create, update, delete, a review decision, or import (one entry per batch of a bulk "
    "import: entity import, no entity_id, counts and rows in after_values)"
)
NOW = (
    "create, update, delete, a review decision (submitted, approved, rejected, reopened), "
    "merge (a source merged into another: entity sources, entity_id the source merged away, "
    "after_values what moved where), or import (one entry per batch of a bulk import: entity "
    "import, no entity_id, counts and rows in after_values)"
)


def _comment(comment: str, existing: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column(
        "audit_log",
        "action",
        existing_type=sa.String(40),
        existing_nullable=False,
        comment=comment,
        existing_comment=existing,
    )


def upgrade() -> None:
    _comment(NOW, BEFORE)


def downgrade() -> None:
    _comment(BEFORE, NOW)
