"""Claims whose drift findings an import has yet to recompute.

Creates ``drift_pending``: a bulk import lists there, batch by batch, the
claims it gave appearances, and recomputes their findings once at the end,
removing them as it goes. Empty except while an import runs or after one was
cut short.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "drift_pending",
        sa.Column(
            "claim_id",
            sa.Integer(),
            nullable=False,
            comment="The claim whose findings are to be recomputed.",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_drift_pending_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_drift_pending")),
        comment="Claims whose drift findings an import has yet to recompute; empty once it "
        "finishes. While a claim is listed, its drift_findings may lag its appearances "
        "(claims drift completes them).",
    )


def downgrade() -> None:
    op.drop_table("drift_pending")
