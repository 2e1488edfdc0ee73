"""Every claim's drift findings are recomputed once more, by the drift rules of this version.

The rules changed again: a number keeps its decimal mark and a currency or percent sign is
a word of its own ("$5" and "€5", "5%" and "5", "1.500" and "1,500" were the same words);
words only split or joined ("fuel taxes", "fuel-taxes"; "U.S.", "US") are typography; and
a hedge told of the past ("was expected to", "was said to") is a hedge. As revision 0013
did, this lists every claim in ``drift_pending``, which ``claims drift``, the next import
or any change to a claim completes; reports say how many wait. No finding is changed here.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        sa.text(
            "INSERT INTO drift_pending (claim_id) SELECT c.id FROM claims c WHERE NOT EXISTS "
            "(SELECT 1 FROM drift_pending p WHERE p.claim_id = c.id)"
        )
    )


def downgrade() -> None:
    # The claims listed stay listed: their findings are recomputed once more, by whatever
    # rules the code that runs then has, which is what the list is for.
    pass
