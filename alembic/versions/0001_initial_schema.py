"""Initial schema: sources and aliases, articles, claims, appearances, chain hops,
reviews and the audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON_DOCUMENT = sa.JSON(none_as_null=True).with_variant(
    postgresql.JSONB(none_as_null=True), "postgresql"
)

# An article's text is an immutable snapshot: quotation offsets point into it.
SQLITE_IMMUTABLE_TEXT = """
CREATE TRIGGER articles_text_immutable BEFORE UPDATE OF text, sha256 ON articles
WHEN NEW.text IS NOT OLD.text OR NEW.sha256 IS NOT OLD.sha256
BEGIN
    SELECT RAISE(ABORT, 'article text is immutable: add the new text as a new article');
END
"""
POSTGRESQL_IMMUTABLE_TEXT = (
    """
CREATE FUNCTION articles_text_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.text IS DISTINCT FROM OLD.text OR NEW.sha256 IS DISTINCT FROM OLD.sha256 THEN
        RAISE EXCEPTION 'article text is immutable: add the new text as a new article';
    END IF;
    RETURN NEW;
END
$$
""",
    """
CREATE TRIGGER articles_text_immutable BEFORE UPDATE OF text, sha256 ON articles
FOR EACH ROW EXECUTE FUNCTION articles_text_immutable()
""",
)

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("before_values", JSON_DOCUMENT, nullable=True),
        sa.Column("after_values", JSON_DOCUMENT, nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_log_entity"), ["entity", "entity_id"], unique=False
        )

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("verdict", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'in_review', 'approved', 'rejected')",
            name=op.f("ck_claims_status"),
        ),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_claims_text_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("key", name=op.f("uq_claims_key")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_status"), ["status"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=80), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('person', 'organisation', 'news_agency', 'outlet', 'state_body', 'media', 'other')",
            name=op.f("ck_sources_kind"),
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_sources_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publisher_id", sa.Integer(), nullable=False),
        sa.Column("origin_id", sa.Integer(), nullable=True),
        sa.Column("origin_cue", sa.String(length=100), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("title", sa.String(length=1000), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=20), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(text) > 0", name=op.f("ck_articles_text_not_empty")),
        sa.ForeignKeyConstraint(
            ["origin_id"], ["sources.id"], name=op.f("fk_articles_origin_id_sources")
        ),
        sa.ForeignKeyConstraint(
            ["publisher_id"], ["sources.id"], name=op.f("fk_articles_publisher_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("sha256", name=op.f("uq_articles_sha256")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_origin_id"), ["origin_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_articles_publisher_id"), ["publisher_id"], unique=False
        )

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "decision IN ('submitted', 'approved', 'rejected', 'reopened')",
            name=op.f("ck_reviews_decision"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_reviews_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviews_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "source_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_source_aliases_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_aliases")),
        sa.UniqueConstraint("source_id", "key", name=op.f("uq_source_aliases_source_id_key")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("source_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_source_aliases_source_id"), ["source_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_source_aliases_key"), ["key"], unique=False)

    op.create_table(
        "appearances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("quote_start", sa.Integer(), nullable=False),
        sa.Column("quote_end", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.String(length=200), nullable=False),
        sa.Column("suffix", sa.String(length=200), nullable=False),
        sa.Column("quoted", sa.Boolean(), nullable=False),
        sa.Column("provenance", sa.String(length=20), nullable=False),
        sa.Column("accepted_by", sa.String(length=200), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "provenance IN ('manual', 'proposed')", name=op.f("ck_appearances_provenance")
        ),
        sa.CheckConstraint(
            "quote_start >= 0 AND quote_end > quote_start", name=op.f("ck_appearances_span")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_appearances_article_id_articles")
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_appearances_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appearances")),
        sa.UniqueConstraint(
            "claim_id",
            "article_id",
            "quote_start",
            "quote_end",
            name=op.f("uq_appearances_claim_id_article_id_quote_start_quote_end"),
        ),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("appearances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appearances_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appearances_claim_id"), ["claim_id"], unique=False)

    op.create_table(
        "chain_hops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appearance_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("cue", sa.String(length=100), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "role IN ('stated', 'origin', 'publisher')", name=op.f("ck_chain_hops_role")
        ),
        sa.CheckConstraint("position >= 0", name=op.f("ck_chain_hops_position")),
        sa.ForeignKeyConstraint(
            ["appearance_id"],
            ["appearances.id"],
            name=op.f("fk_chain_hops_appearance_id_appearances"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_chain_hops_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain_hops")),
        sa.UniqueConstraint(
            "appearance_id", "position", name=op.f("uq_chain_hops_appearance_id_position")
        ),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("chain_hops", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chain_hops_appearance_id"), ["appearance_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_chain_hops_source_id"), ["source_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRESQL_IMMUTABLE_TEXT:
            op.execute(statement)
    else:
        op.execute(SQLITE_IMMUTABLE_TEXT)


def downgrade() -> None:
    op.execute(
        "DROP TRIGGER IF EXISTS articles_text_immutable"
        + (" ON articles" if op.get_bind().dialect.name == "postgresql" else "")
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS articles_text_immutable()")
    with op.batch_alter_table("chain_hops", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chain_hops_source_id"))
        batch_op.drop_index(batch_op.f("ix_chain_hops_appearance_id"))

    op.drop_table("chain_hops")
    with op.batch_alter_table("appearances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appearances_claim_id"))
        batch_op.drop_index(batch_op.f("ix_appearances_article_id"))

    op.drop_table("appearances")
    with op.batch_alter_table("source_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_aliases_key"))
        batch_op.drop_index(batch_op.f("ix_source_aliases_source_id"))

    op.drop_table("source_aliases")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviews_claim_id"))

    op.drop_table("reviews")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_publisher_id"))
        batch_op.drop_index(batch_op.f("ix_articles_origin_id"))

    op.drop_table("articles")
    op.drop_table("sources")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_status"))

    op.drop_table("claims")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_entity"))

    op.drop_table("audit_log")
