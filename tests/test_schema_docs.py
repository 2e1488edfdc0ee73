"""docs/schema.md is generated from the models' comments and the views, and PostgreSQL holds
the same words as COMMENT ON."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

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
    assert columns == schema_docs.VERSION_COLUMNS


# --- the page says what the databases hold --------------------------------------------------


def test_numbers_and_the_version_column_have_their_types():
    tables = Base.metadata.tables
    page = schema_docs.render()
    for column in (tables["suggestions"].c.confidence, tables["match_candidates"].c.score):
        assert schema_docs.type_name(column) == "number (double precision)"
        assert f"| `{column.name}` | number (double precision) |" in page
    assert "| `version_num` | text (≤ 32) |" in page


def test_the_page_names_each_constraint_as_each_database_does():
    page = schema_docs.render()
    assert (
        "unique `uq_match_candidates_claim_id_article_id_passage_start_passage_end` "
        "(on PostgreSQL `uq_match_candidates_claim_id_article_id_passage_start_p_f204`)"
    ) in page
    assert "primary key `pk_claims` (unnamed on SQLite)" in page
    assert "primary key `pk_match_progress`: `claim_id`" in page
    assert "primary key `claims_schema_version_pkc`" in page
    for name in ("ck_appearances_span", "ck_suggestions_span", "ck_claims_text_not_empty"):
        assert f"- check `{name}`: `" in page
    assert "`ix_`), the\nsame on both databases." not in page


def _database_names(connection, table: str) -> dict[str, set]:
    found = inspect(connection)
    return {
        "primary key": {found.get_pk_constraint(table)["name"]},
        "unique": {c["name"] for c in found.get_unique_constraints(table)},
        "check": {c["name"] for c in found.get_check_constraints(table)},
        "foreign key": {c["name"] for c in found.get_foreign_keys(table)},
        # Full-text indexes are PostgreSQL's own, outside the models (see the search section).
        "index": {
            i["name"]
            for i in found.get_indexes(table)
            if not i.get("duplicates_constraint") and not i.get("expressions")
        },
    }


def test_documented_constraint_names_are_the_databases(db_url):
    from sqlalchemy import (
        CheckConstraint,
        ForeignKeyConstraint,
        PrimaryKeyConstraint,
        UniqueConstraint,
    )

    kinds = {
        PrimaryKeyConstraint: "primary key",
        UniqueConstraint: "unique",
        CheckConstraint: "check",
        ForeignKeyConstraint: "foreign key",
    }
    dialect = "postgresql" if db_url.startswith("postgresql") else "sqlite"
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            for table in Base.metadata.tables.values():
                names = schema_docs.constraint_names(table, dialect)
                documented: dict[str, set] = {kind: set() for kind in kinds.values()}
                documented["index"] = {names[index.name] for index in table.indexes}
                for item in table.constraints:
                    documented[kinds[type(item)]].add(names[item.name])
                assert _database_names(connection, table.name) == documented, table.name
    finally:
        engine.dispose()


def test_documented_view_types_are_the_databases(db_url):
    postgres = db_url.startswith("postgresql")
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            for view in VIEWS.values():
                if postgres:
                    rows = connection.execute(
                        text(
                            "SELECT column_name, data_type FROM information_schema.columns "
                            "WHERE table_schema = current_schema() AND table_name = :v"
                        ),
                        {"v": view.name},
                    )
                    found = {name: kind for name, kind in rows}
                    documented = {n: t[1] for n, t in schema_docs.VIEW_TYPES[view.name].items()}
                else:
                    rows = connection.exec_driver_sql(f"PRAGMA table_info({view.name})")
                    found = {row[1]: row[2] for row in rows}
                    documented = {n: t[0] for n, t in schema_docs.VIEW_TYPES[view.name].items()}
                assert found == documented, view.name
    finally:
        engine.dispose()


def test_the_database_fills_in_only_ids(db_url):
    """Every other default is claims' own, so the page must say which columns have one."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            found = inspect(connection)
            for table in Base.metadata.tables.values():
                with_default = {c["name"] for c in found.get_columns(table.name) if c["default"]}
                from_database = {
                    c.name
                    for c in table.columns
                    if schema_docs.default_text(c) == "new id, from the database"
                }
                if db_url.startswith("sqlite"):
                    from_database = set()  # AUTOINCREMENT, not a DEFAULT clause
                from_database |= {
                    c.name
                    for c in table.columns
                    if schema_docs.default_text(c).endswith("(the database's too)")
                }
                assert with_default == from_database, table.name
    finally:
        engine.dispose()
    page = schema_docs.render()
    assert "Defaults are set by claims, not by the database." in page
    assert "| `created_at` | timestamp (UTC) | now (UTC) |" in page
    assert "| `quoted` | true/false | `false` |" in page


def test_every_trigger_on_articles_is_named(db_url):
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            if db_url.startswith("postgresql"):
                query = (
                    "SELECT DISTINCT trigger_name FROM information_schema.triggers "
                    "WHERE event_object_schema = current_schema() "
                    "AND event_object_table = 'articles'"
                )
            else:
                query = (
                    "SELECT name FROM sqlite_master "
                    "WHERE type = 'trigger' AND tbl_name = 'articles'"
                )
            names = set(connection.exec_driver_sql(query).scalars())
    finally:
        engine.dispose()
    assert {"articles_text_immutable", "articles_raw_immutable"} <= names
    page = schema_docs.render()
    for name in names:
        assert f"`{name}`" in page, name
