"""Drift findings between a claim's appearances, and the claim_drift view.

Creates ``drift_findings`` (recomputed by the services whenever a claim's
appearances or chains change), fills it for the appearances already stored,
and creates the ``claim_drift`` view, the same SQL on SQLite and PostgreSQL.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLAIM_DRIFT_VIEW = """
CREATE VIEW claim_drift AS
SELECT d.id AS finding_id,
       d.claim_id,
       c.text AS claim,
       d.from_appearance_id,
       d.to_appearance_id,
       fo.name AS from_outlet,
       tos.name AS to_outlet,
       d.kind,
       d.severity,
       d.before_text,
       d.after_text,
       d.detail
FROM drift_findings d
JOIN claims c ON c.id = d.claim_id
JOIN appearances fa ON fa.id = d.from_appearance_id
JOIN articles far ON far.id = fa.article_id
JOIN sources fo ON fo.id = far.publisher_id
JOIN appearances ta ON ta.id = d.to_appearance_id
JOIN articles tar ON tar.id = ta.article_id
JOIN sources tos ON tos.id = tar.publisher_id
"""


def upgrade() -> None:
    op.create_table(
        "drift_findings",
        sa.Column("id", sa.Integer(), nullable=False, comment="Finding number."),
        sa.Column(
            "claim_id", sa.Integer(), nullable=False, comment="The claim whose appearances differ."
        ),
        sa.Column(
            "from_appearance_id",
            sa.Integer(),
            nullable=False,
            comment="The upstream appearance (earlier, or the one the other relies on).",
        ),
        sa.Column(
            "to_appearance_id",
            sa.Integer(),
            nullable=False,
            comment="The downstream appearance, where the change is seen.",
        ),
        sa.Column(
            "kind",
            sa.String(length=20),
            nullable=False,
            comment="wording, names, hedging or attribution.",
        ),
        sa.Column(
            "severity",
            sa.String(length=10),
            nullable=False,
            comment="low, medium or high; changes inside quotation marks are high.",
        ),
        sa.Column(
            "before_text",
            sa.Text(),
            nullable=False,
            comment="What the upstream appearance has (an em dash when nothing).",
        ),
        sa.Column(
            "after_text",
            sa.Text(),
            nullable=False,
            comment="What the downstream appearance has instead (an em dash when nothing).",
        ),
        sa.Column(
            "detail", sa.Text(), nullable=False, comment="What kind of change, in plain words."
        ),
        sa.Column(
            "source_id",
            sa.Integer(),
            nullable=True,
            comment="The chain source a names or attribution finding is about, if any.",
        ),
        sa.CheckConstraint(
            "kind IN ('wording', 'names', 'hedging', 'attribution')",
            name=op.f("ck_drift_findings_kind"),
        ),
        sa.CheckConstraint(
            "severity IN ('low', 'medium', 'high')", name=op.f("ck_drift_findings_severity")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_drift_findings_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["from_appearance_id"],
            ["appearances.id"],
            name=op.f("fk_drift_findings_from_appearance_id_appearances"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_appearance_id"],
            ["appearances.id"],
            name=op.f("fk_drift_findings_to_appearance_id_appearances"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_drift_findings_source_id_sources"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drift_findings")),
        comment="How a claim changed between two of its appearances, upstream to downstream: "
        "wording, names, hedging or attribution. Recomputed automatically.",
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("drift_findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_drift_findings_claim_id"), ["claim_id"])
        batch_op.create_index(
            batch_op.f("ix_drift_findings_from_appearance_id"), ["from_appearance_id"]
        )
        batch_op.create_index(
            batch_op.f("ix_drift_findings_to_appearance_id"), ["to_appearance_id"]
        )
        batch_op.create_index(batch_op.f("ix_drift_findings_source_id"), ["source_id"])
    _backfill()
    op.execute(CLAIM_DRIFT_VIEW)
    if op.get_bind().dialect.name == "postgresql":
        _comment_on_view(keep=True)


VIEW_COMMENT = (
    "How a claim changed on its way: one row per drift finding between two of its "
    "appearances, upstream to downstream (wording, names, hedging or attribution), with "
    "both outlets. Kept current whenever a claim's appearances or chains change."
)
VIEW_COLUMN_COMMENTS = {
    "finding_id": "the finding (drift_findings.id)",
    "claim_id": "the claim (claims.id)",
    "claim": "the claim's text",
    "from_appearance_id": "the upstream appearance (appearances.id)",
    "to_appearance_id": "the downstream appearance, where the change is seen",
    "from_outlet": "the outlet that published the upstream appearance",
    "to_outlet": "the outlet that published the downstream appearance",
    "kind": "wording, names, hedging or attribution",
    "severity": "low, medium or high; changes inside quotation marks are high",
    "before_text": "what the upstream appearance has (an em dash when nothing)",
    "after_text": "what the downstream appearance has instead (an em dash when nothing)",
    "detail": "what kind of change, in plain words",
}


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _comment_on_view(*, keep: bool) -> None:
    """The view's words as COMMENT ON, as the earlier views have them (frozen here)."""
    op.execute(f"COMMENT ON VIEW claim_drift IS {_literal(VIEW_COMMENT)}")
    for column, text in VIEW_COLUMN_COMMENTS.items():
        op.execute(f'COMMENT ON COLUMN claim_drift."{column}" IS {_literal(text)}')


def _backfill() -> None:
    """Findings for the appearances already stored, read with this revision's columns only."""
    from claims.drift.pairs import drift, from_rows

    bind = op.get_bind()
    appearances = bind.execute(
        sa.text(
            "SELECT a.id, a.claim_id, a.quote, a.quoted, ar.publisher_id, ar.published "
            "FROM appearances a JOIN articles ar ON ar.id = a.article_id "
            "WHERE a.claim_id IN (SELECT claim_id FROM appearances "
            "GROUP BY claim_id HAVING count(*) > 1)"
        )
    ).all()
    if not appearances:
        return
    hops = bind.execute(
        sa.text(
            "SELECT h.appearance_id, h.source_id, s.name, h.cue, h.role "
            "FROM chain_hops h JOIN sources s ON s.id = h.source_id "
            "ORDER BY h.appearance_id, h.position"
        )
    ).all()
    table = sa.table(
        "drift_findings",
        *(
            sa.column(name)
            for name in (
                "claim_id",
                "from_appearance_id",
                "to_appearance_id",
                "kind",
                "severity",
                "before_text",
                "after_text",
                "detail",
                "source_id",
            )
        ),
    )
    rows = [
        {
            "claim_id": claim_id,
            "from_appearance_id": from_id,
            "to_appearance_id": to_id,
            "kind": finding.kind,
            "severity": finding.severity,
            "before_text": finding.before,
            "after_text": finding.after,
            "detail": finding.detail,
            "source_id": finding.source_id,
        }
        for claim_id, items in sorted(from_rows(appearances, hops).items())
        for from_id, to_id, finding in drift(items)
    ]
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS claim_drift")
    with op.batch_alter_table("drift_findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drift_findings_source_id"))
        batch_op.drop_index(batch_op.f("ix_drift_findings_to_appearance_id"))
        batch_op.drop_index(batch_op.f("ix_drift_findings_from_appearance_id"))
        batch_op.drop_index(batch_op.f("ix_drift_findings_claim_id"))
    op.drop_table("drift_findings")
