"""The articles table's comments name both immutability triggers and what an HTML page keeps.

The table's comment named only ``articles_text_immutable``, though
``articles_raw_immutable`` (0003) refuses updates of ``raw_text`` and ``removed``; and
``raw_text``'s said "the text as received", which for an HTML page is the text extracted
from it, the page itself not being kept. Only comments change. SQLite keeps no
comments: nothing is done there.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE_BEFORE = (
    "Immutable snapshots of article texts. A trigger (articles_text_immutable) refuses any "
    "update of text or sha256, on SQLite and PostgreSQL alike: a changed text is a new article."
)
TABLE_NOW = (
    "Immutable snapshots of article texts. Triggers refuse any update of text or sha256 "
    "(articles_text_immutable) and of raw_text or removed (articles_raw_immutable), on SQLite "
    "and PostgreSQL alike: a changed text is a new article."
)
RAW_BEFORE = (
    "The text as received, before page debris was cut; sha256 is of this text. Empty for "
    "articles stored before cleaning existed (their text is as received)."
)
RAW_NOW = (
    "The text as received, before page debris was cut; sha256 is of this text. For an HTML "
    "page, the text extracted from it (the page is not kept). Empty for articles stored "
    "before cleaning existed (their text is as received)."
)


def _comments(table: str, raw: str, table_before: str, raw_before: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_table_comment("articles", table, existing_comment=table_before)
    op.alter_column(
        "articles",
        "raw_text",
        existing_type=sa.Text(),
        existing_nullable=True,
        comment=raw,
        existing_comment=raw_before,
    )


def upgrade() -> None:
    _comments(TABLE_NOW, RAW_NOW, TABLE_BEFORE, RAW_BEFORE)


def downgrade() -> None:
    _comments(TABLE_BEFORE, RAW_BEFORE, TABLE_NOW, RAW_NOW)
