"""Every claim's drift findings are recomputed once, by the drift rules of this version.

``drift_findings`` is derived data: the drift rules compute it from the appearances
and their chains. The rules changed (the upstream an appearance is compared with is the
earlier appearance closest in words; hedges are read in context; a hedge changed inside
quotation marks is high; a copy of a copy compares clean), and findings computed before
would otherwise stay as the old rules left them until someone ran ``claims drift
--refresh``. This revision lists every claim in ``drift_pending``, which ``claims drift``,
the next import, or any change to a claim completes; reports say how many wait. No
finding is changed here: computing them is the library's work, not a migration's.

``drift_pending``'s comment says it is no longer only an import's list.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMMENT_BEFORE = (
    "Claims whose drift findings an import has yet to recompute; empty once it finishes. "
    "While a claim is listed, its drift_findings may lag its appearances (claims drift "
    "completes them)."
)
COMMENT_NOW = (
    "Claims whose drift findings are yet to be recomputed: by an import, which empties it "
    "once it finishes, or after an upgrade that changed the drift rules, which lists every "
    "claim. While a claim is listed, its drift_findings may lag its appearances or follow "
    "the earlier rules (claims drift completes them)."
)


def upgrade() -> None:
    op.execute(
        sa.text(
            "INSERT INTO drift_pending (claim_id) SELECT c.id FROM claims c WHERE NOT EXISTS "
            "(SELECT 1 FROM drift_pending p WHERE p.claim_id = c.id)"
        )
    )
    if op.get_bind().dialect.name == "postgresql":  # SQLite keeps no comments
        op.create_table_comment("drift_pending", COMMENT_NOW, existing_comment=COMMENT_BEFORE)


def downgrade() -> None:
    # The claims listed stay listed: their findings are recomputed once more, by whatever
    # rules the code that runs then has, which is what the list is for.
    if op.get_bind().dialect.name == "postgresql":
        op.create_table_comment("drift_pending", COMMENT_BEFORE, existing_comment=COMMENT_NOW)
