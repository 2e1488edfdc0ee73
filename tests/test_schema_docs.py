"""docs/schema.md is generated from the models' comments and the views, and PostgreSQL holds
the same words as COMMENT ON."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from claims import schema_docs
from claims.models import Base
from claims.views import VIEWS

SCHEMA_PAGE = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def test_schema_page_is_up_to_date():
    assert SCHEMA_PAGE.read_text(encoding="utf-8") == schema_docs.render(), (
        "docs/schema.md is out of date: run `python -m claims.schema_docs > docs/schema.md`"
    )


def test_every_table_and_column_has_a_comment():
    assert schema_docs.missing_comments() == [], "give these comment= in claims/models.py"


def test_every_view_column_is_described():
    for view in VIEWS.values():
        assert view.description.strip(), view.name
        assert all(words.strip() for words in view.columns.values()), view.name


def test_the_page_describes_every_table_view_and_column():
    page = schema_docs.render()
    for table in Base.metadata.tables.values():
        assert f"## `{table.name}`\n\n{' '.join(table.comment.split())}\n" in page
        for column in table.columns:
            assert f"| `{column.name}` | {schema_docs.type_name(column)} |" in page
    for view in VIEWS.values():
        assert f"## `{view.name}`\n\nA view. {' '.join(view.description.split())}\n" in page
        for name in view.columns:
            assert f"| `{name}` |" in page


def test_the_generator_runs_as_a_module():
    result = subprocess.run(
        [sys.executable, "-m", "claims.schema_docs"], capture_output=True, text=True, check=True
    )
    assert result.stdout == schema_docs.render()


def test_views_module_stays_light():
    """Browsers' metadata and docs read the view descriptions without SQLAlchemy."""
    code = "import sys, claims.views\nprint('sqlalchemy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def _comments(url: str, relation: str, columns) -> tuple[str | None, dict[str, str | None]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            own = connection.scalar(
                text("SELECT obj_description(to_regclass(:r), 'pg_class')"), {"r": relation}
            )
            by_column = {
                name: connection.scalar(
                    text(
                        "SELECT col_description(a.attrelid, a.attnum) FROM pg_attribute a "
                        "WHERE a.attrelid = to_regclass(:r) AND a.attname = :c"
                    ),
                    {"r": relation, "c": name},
                )
                for name in columns
            }
            return own, by_column
    finally:
        engine.dispose()


def test_postgresql_holds_the_same_words(db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("comments are a PostgreSQL feature; SQLite has only docs/schema.md")
    for table in Base.metadata.tables.values():
        own, columns = _comments(db_url, table.name, [c.name for c in table.columns])
        assert own == table.comment
        assert columns == {c.name: c.comment for c in table.columns}
    for view in VIEWS.values():
        own, columns = _comments(db_url, view.name, view.columns)
        assert own == view.description
        assert columns == dict(view.columns)
    own, columns = _comments(db_url, "claims_schema_version", schema_docs.VERSION_COLUMNS)
    assert own == schema_docs.VERSION_TABLE_DESCRIPTION
    assert columns == {name: words for name, (_, words) in schema_docs.VERSION_COLUMNS.items()}
