"""Matching: candidate passages proposed for claims, and per-claim matching progress.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

Nothing to backfill: the candidate index is built from the articles' stored text when
matching runs, and candidates exist only once something has been matched.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "match_candidates",
        sa.Column("id", sa.Integer(), nullable=False, comment="Candidate number."),
        sa.Column(
            "claim_id", sa.Integer(), nullable=False, comment="The claim the passage may carry."
        ),
        sa.Column(
            "article_id", sa.Integer(), nullable=False, comment="The article holding the passage."
        ),
        sa.Column(
            "passage_start",
            sa.Integer(),
            nullable=False,
            comment="Where the passage starts: a character offset into articles.text.",
        ),
        sa.Column(
            "passage_end",
            sa.Integer(),
            nullable=False,
            comment="Where the passage ends (exclusive), a character offset.",
        ),
        sa.Column(
            "score",
            sa.Float(),
            nullable=False,
            comment="How alike the passage and the claim are, 0 to 1 (claims.similarity).",
        ),
        sa.Column(
            "status",
            sa.String(length=20),
            nullable=False,
            comment="pending until a reviewer accepts or rejects it.",
        ),
        sa.Column(
            "decided_by",
            sa.String(length=200),
            nullable=True,
            comment="Who accepted or rejected the candidate.",
        ),
        sa.Column(
            "decided_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="When the candidate was accepted or rejected (UTC).",
        ),
        sa.Column(
            "appearance_id",
            sa.Integer(),
            nullable=True,
            comment="The appearance recorded when the candidate was accepted.",
        ),
        sa.Column(
            "found_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When the matcher proposed the passage (UTC).",
        ),
        sa.CheckConstraint(
            "passage_start >= 0 AND passage_end > passage_start",
            name=op.f("ck_match_candidates_span"),
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'accepted', 'rejected')",
            name=op.f("ck_match_candidates_status"),
        ),
        sa.CheckConstraint("score >= 0 AND score <= 1", name=op.f("ck_match_candidates_score")),
        sa.ForeignKeyConstraint(
            ["appearance_id"],
            ["appearances.id"],
            name=op.f("fk_match_candidates_appearance_id_appearances"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_match_candidates_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_match_candidates_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_candidates")),
        sa.UniqueConstraint(
            "claim_id",
            "article_id",
            "passage_start",
            "passage_end",
            name=op.f("uq_match_candidates_claim_id_article_id_passage_start_passage_end"),
        ),
        comment="Passages proposed by `claims match` as carrying a claim, and what a reviewer "
        "decided about each.",
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("match_candidates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_match_candidates_claim_id"), ["claim_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_match_candidates_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_match_candidates_status"), ["status"], unique=False)

    op.create_table(
        "match_progress",
        sa.Column("claim_id", sa.Integer(), nullable=False, comment="The matched claim."),
        sa.Column(
            "fingerprint",
            sa.String(length=200),
            nullable=False,
            comment="The claim's version, its appearances and the highest article id when it "
            "was matched; a different value means match it again.",
        ),
        sa.Column(
            "candidates",
            sa.Integer(),
            nullable=False,
            comment="How many passages at or above the suggest threshold were found.",
        ),
        sa.Column(
            "matched_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When the claim was last matched (UTC).",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_match_progress_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_match_progress")),
        comment="One row per matched claim: what it was matched against, so a re-run skips "
        "claims whose inputs did not change.",
    )


def downgrade() -> None:
    op.drop_table("match_progress")
    with op.batch_alter_table("match_candidates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_candidates_status"))
        batch_op.drop_index(batch_op.f("ix_match_candidates_article_id"))
        batch_op.drop_index(batch_op.f("ix_match_candidates_claim_id"))
    op.drop_table("match_candidates")
