"""Articles say, in a column, whether their text was extracted from an HTML page.

Until now only the article's creation in the audit log said so (its note), which a
SQL user had to know to look for and which an export lost. ``extracted_from_html``
is true when ``raw_text`` is the text trafilatura extracted from a page (the page
itself is not kept), false when it is the text as received. Existing articles take
the value their audit note gives. The column is as immutable as the text it
describes: ``articles_raw_immutable`` now covers it on both databases.

On PostgreSQL the comment of ``appearances.quoted`` also says which marks pair: a
quotation opened by „ closes at “ or ”, one opened by » at «.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMMENT = (
    "True when the text was extracted from an HTML page (trafilatura): raw_text is then the "
    "extracted text, the page itself is not kept, and removed lists only what cleaning cut "
    "from that text. False when raw_text (or text) is the text as received."
)
# The audit note the articles service wrote on an HTML article's creation, before this
# column existed: what the column of an existing article is set from.
HTML_NOTE = (
    "Text extracted from an HTML page (trafilatura): raw_text is the extracted text, not "
    "the page, which is not kept; what the extraction left out (menus, banners, captions, "
    "teasers) is not listed in removed."
)
TABLE_BEFORE = (
    "Immutable snapshots of article texts. Triggers refuse any update of text or sha256 "
    "(articles_text_immutable) and of raw_text or removed (articles_raw_immutable), on SQLite "
    "and PostgreSQL alike: a changed text is a new article."
)
TABLE_NOW = (
    "Immutable snapshots of article texts. Triggers refuse any update of text or sha256 "
    "(articles_text_immutable) and of raw_text, removed or extracted_from_html "
    "(articles_raw_immutable), on SQLite and PostgreSQL alike: a changed text is a new article."
)
QUOTED_BEFORE = (
    'true when any part of it lies inside double quotation marks (“ ” „ « » or "), within '
    "its paragraph; an unclosed mark runs to the paragraph's end. Single quotes are not "
    "counted: they cannot be told from apostrophes"
)
QUOTED_NOW = (
    "true when any part of it lies inside quotation marks, within its paragraph: “…”, "
    '„…“, „…”, »…«, «…» or "…", each closed only by a mark that pairs with the one that '
    "opened; an unclosed mark runs to the paragraph's end. Single quotes and ‹ › are not "
    "counted: they cannot be told from apostrophes and arrows. Set when the appearance "
    "is recorded: appearances recorded before schema 0012 followed the earlier rule, "
    "under which “, „ and « only opened and ” and » only closed"
)
MESSAGE = "article text is immutable: add the new text as a new article"


def _sqlite_raw_trigger(columns: Sequence[str]) -> str:
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)
    return (
        f"CREATE TRIGGER articles_raw_immutable BEFORE UPDATE OF {', '.join(columns)} "
        f"ON articles\nWHEN {changed}\nBEGIN\n    SELECT RAISE(ABORT, '{MESSAGE}');\nEND"
    )


def _postgresql_raw_trigger(columns: Sequence[str]) -> tuple[str, str]:
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns)
    function = (
        "CREATE OR REPLACE FUNCTION articles_raw_immutable() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$\nBEGIN\n    IF {changed} THEN\n"
        f"        RAISE EXCEPTION '{MESSAGE}';\n    END IF;\n    RETURN NEW;\nEND\n$$"
    )
    trigger = (
        f"CREATE TRIGGER articles_raw_immutable BEFORE UPDATE OF {', '.join(columns)} "
        "ON articles FOR EACH ROW EXECUTE FUNCTION articles_raw_immutable()"
    )
    return function, trigger


SQLITE_TEXT_IMMUTABLE = """
CREATE TRIGGER articles_text_immutable BEFORE UPDATE OF text, sha256 ON articles
WHEN NEW.text IS NOT OLD.text OR NEW.sha256 IS NOT OLD.sha256
BEGIN
    SELECT RAISE(ABORT, 'article text is immutable: add the new text as a new article');
END
"""


def _raw_trigger(columns: Sequence[str]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS articles_raw_immutable ON articles")
        for statement in _postgresql_raw_trigger(columns):
            op.execute(statement)
    else:
        op.execute("DROP TRIGGER IF EXISTS articles_raw_immutable")
        op.execute(_sqlite_raw_trigger(columns))


def _quoted_comment(comment: str, before: str) -> None:
    op.alter_column(
        "appearances",
        "quoted",
        existing_type=sa.Boolean(),
        existing_nullable=False,
        comment=comment,
        existing_comment=before,
    )


def upgrade() -> None:
    # A plain ADD COLUMN on both databases: no rebuild, the table's triggers stay.
    op.add_column(
        "articles",
        sa.Column(
            "extracted_from_html",
            sa.Boolean(),
            nullable=False,
            server_default=sa.false(),
            comment=COMMENT,
        ),
    )
    op.execute(
        sa.text(
            "UPDATE articles SET extracted_from_html = :yes WHERE id IN (SELECT entity_id "
            "FROM audit_log WHERE entity = 'articles' AND action = 'create' AND note = :note)"
        ).bindparams(yes=True, note=HTML_NOTE)
    )
    _raw_trigger(("raw_text", "removed", "extracted_from_html"))
    if op.get_bind().dialect.name == "postgresql":  # SQLite keeps no comments
        op.create_table_comment("articles", TABLE_NOW, existing_comment=TABLE_BEFORE)
        _quoted_comment(QUOTED_NOW, QUOTED_BEFORE)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.create_table_comment("articles", TABLE_BEFORE, existing_comment=TABLE_NOW)
        _quoted_comment(QUOTED_BEFORE, QUOTED_NOW)
        _raw_trigger(("raw_text", "removed"))
        op.drop_column("articles", "extracted_from_html")
        return
    # SQLite rebuilds the table to drop a column, and its triggers go with the old one;
    # the rebuild keeps AUTOINCREMENT, so that a deleted article's id is never taken again.
    op.execute("DROP TRIGGER IF EXISTS articles_raw_immutable")
    with op.batch_alter_table(
        "articles", schema=None, table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.drop_column("extracted_from_html")
    op.execute("DROP TRIGGER IF EXISTS articles_text_immutable")
    op.execute(SQLITE_TEXT_IMMUTABLE)
    op.execute(_sqlite_raw_trigger(("raw_text", "removed")))
