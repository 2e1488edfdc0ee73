"""Cleaning at ingest (raw text and what was cut) and machine proposals (suggestions).

Existing articles keep their text as it is: their raw_text and removed stay empty, meaning
"stored as received, nothing cut".

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON_DOCUMENT = sa.JSON(none_as_null=True).with_variant(
    postgresql.JSONB(none_as_null=True), "postgresql"
)

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The raw text and the record of cuts are as immutable as the text they explain.
SQLITE_RAW_IMMUTABLE = """
CREATE TRIGGER articles_raw_immutable BEFORE UPDATE OF raw_text, removed ON articles
WHEN NEW.raw_text IS NOT OLD.raw_text OR NEW.removed IS NOT OLD.removed
BEGIN
    SELECT RAISE(ABORT, 'article text is immutable: add the new text as a new article');
END
"""
POSTGRESQL_RAW_IMMUTABLE = (
    """
CREATE FUNCTION articles_raw_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.raw_text IS DISTINCT FROM OLD.raw_text OR NEW.removed IS DISTINCT FROM OLD.removed THEN
        RAISE EXCEPTION 'article text is immutable: add the new text as a new article';
    END IF;
    RETURN NEW;
END
$$
""",
    """
CREATE TRIGGER articles_raw_immutable BEFORE UPDATE OF raw_text, removed ON articles
FOR EACH ROW EXECUTE FUNCTION articles_raw_immutable()
""",
)
# SQLite's batch mode rebuilds the table on downgrade, which drops its triggers: the one from
# the first migration is created again afterwards.
SQLITE_TEXT_IMMUTABLE = """
CREATE TRIGGER articles_text_immutable BEFORE UPDATE OF text, sha256 ON articles
WHEN NEW.text IS NOT OLD.text OR NEW.sha256 IS NOT OLD.sha256
BEGIN
    SELECT RAISE(ABORT, 'article text is immutable: add the new text as a new article');
END
"""


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "raw_text",
                sa.Text(),
                nullable=True,
                comment="The text as received, before page debris was cut; sha256 is of this "
                "text. Empty for articles stored before cleaning existed (their text is as "
                "received).",
            )
        )
        batch_op.add_column(
            sa.Column(
                "removed",
                JSON_DOCUMENT,
                nullable=True,
                comment="What cleaning cut from raw_text: a list of {start, end, text, "
                "reason}, offsets into raw_text.",
            )
        )
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer(), nullable=False, comment="Proposal number."),
        sa.Column(
            "article_id",
            sa.Integer(),
            nullable=False,
            comment="The article the proposal was read from.",
        ),
        sa.Column(
            "kind",
            sa.String(length=20),
            nullable=False,
            comment="claim: a statement with its chain; origin: the article's origin source.",
        ),
        sa.Column(
            "key",
            sa.String(length=64),
            nullable=False,
            comment="Identity of the proposal (span and chain), so re-running proposes it once.",
        ),
        sa.Column(
            "sentence_start",
            sa.Integer(),
            nullable=False,
            comment="Start of the sentence in articles.text.",
        ),
        sa.Column("sentence_end", sa.Integer(), nullable=False, comment="End of the sentence."),
        sa.Column(
            "claim_text",
            sa.Text(),
            nullable=False,
            comment="The proposed claim wording (or, for an origin, the source's name).",
        ),
        sa.Column(
            "quote_start",
            sa.Integer(),
            nullable=False,
            comment="Start of the proposed quotation in articles.text.",
        ),
        sa.Column(
            "quote_end", sa.Integer(), nullable=False, comment="End of the proposed quotation."
        ),
        sa.Column(
            "quoted",
            sa.Boolean(),
            nullable=False,
            comment="True when the quotation is inside quotation marks.",
        ),
        sa.Column(
            "chain",
            JSON_DOCUMENT,
            nullable=False,
            comment="Proposed stated hops, origin first: {surface, name, source_id, new, cue, "
            "cue_start, cue_end, evidence_start, evidence_end, why}.",
        ),
        sa.Column(
            "confidence", sa.Float(), nullable=False, comment="How sure the extractor is, 0 to 1."
        ),
        sa.Column(
            "rule",
            sa.String(length=100),
            nullable=False,
            comment="Which rule proposed it (word order of the attribution).",
        ),
        sa.Column(
            "status",
            sa.String(length=20),
            nullable=False,
            comment="pending, accepted, rejected or skipped.",
        ),
        sa.Column(
            "decided_by",
            sa.String(length=200),
            nullable=True,
            comment="Who accepted, rejected or skipped it.",
        ),
        sa.Column(
            "decided_at", sa.DateTime(timezone=True), nullable=True, comment="When it was decided."
        ),
        sa.Column(
            "appearance_id",
            sa.Integer(),
            nullable=True,
            comment="The appearance an accepted proposal became.",
        ),
        sa.Column(
            "created_by", sa.String(length=200), nullable=False, comment="Who ran the proposer."
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="When it was proposed.",
        ),
        sa.CheckConstraint("kind IN ('claim', 'origin')", name=op.f("ck_suggestions_kind")),
        sa.CheckConstraint(
            "quote_start >= 0 AND quote_end >= quote_start", name=op.f("ck_suggestions_span")
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'accepted', 'rejected', 'skipped')",
            name=op.f("ck_suggestions_status"),
        ),
        sa.ForeignKeyConstraint(
            ["appearance_id"],
            ["appearances.id"],
            name=op.f("fk_suggestions_appearance_id_appearances"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_suggestions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestions")),
        sa.UniqueConstraint("article_id", "key", name=op.f("uq_suggestions_article_id_key")),
        comment="Proposed claims and origins, for review.",
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("suggestions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_suggestions_appearance_id"), ["appearance_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_suggestions_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_suggestions_status"), ["status"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRESQL_RAW_IMMUTABLE:
            op.execute(statement)
        _comment_text_columns(TEXT_COMMENTS)
    else:
        op.execute(SQLITE_RAW_IMMUTABLE)


# What articles.text and articles.sha256 mean once cleaning exists, and what they meant before.
TEXT_COMMENTS = {
    "text": "the text quotations anchor in: as received, minus the page debris cleaning cut "
    "(see raw_text and removed); line endings unified",
    "sha256": "SHA-256 (UTF-8) of the text as received: raw_text when cleaning cut something, "
    "else text; unique, so the same article is stored once",
}
EARLIER_TEXT_COMMENTS = {
    "text": "the full text, exactly as stored (line endings unified); quotation offsets point into"
    " it",
    "sha256": "SHA-256 of text (UTF-8); unique, so the same text is stored once",
}


def _comment_text_columns(comments: dict[str, str]) -> None:
    for column, words in comments.items():
        literal = "'" + words.replace("'", "''") + "'"
        op.execute(f'COMMENT ON COLUMN articles."{column}" IS {literal}')


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        _comment_text_columns(EARLIER_TEXT_COMMENTS)
    op.execute(
        "DROP TRIGGER IF EXISTS articles_raw_immutable" + (" ON articles" if postgres else "")
    )
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS articles_raw_immutable()")
    with op.batch_alter_table("suggestions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suggestions_status"))
        batch_op.drop_index(batch_op.f("ix_suggestions_article_id"))
        batch_op.drop_index(batch_op.f("ix_suggestions_appearance_id"))
    op.drop_table("suggestions")
    # The rebuild keeps AUTOINCREMENT, so that a deleted article's id is never taken again.
    with op.batch_alter_table(
        "articles", schema=None, table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.drop_column("removed")
        batch_op.drop_column("raw_text")
    if not postgres:
        op.execute("DROP TRIGGER IF EXISTS articles_text_immutable")
        op.execute(SQLITE_TEXT_IMMUTABLE)
