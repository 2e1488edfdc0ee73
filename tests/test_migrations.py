"""One migration history for both databases: upgrade, check, round trip, refusals."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid

import pytest
from sqlalchemy import create_engine, exc, inspect, text

from claims import migrations
from claims.db import make_engine, open_session
from claims.errors import DatabaseError
from claims.models import Base
from tests.conftest import pg_base_url, with_search_path


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    """A database with nothing in it (not even migrated) on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    base = pg_base_url()
    if base is None:
        pytest.skip("PostgreSQL tests skipped: set CLAIMS_TEST_POSTGRES_URL to run them")
    schema = f"claims_mig_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield with_search_path(base, schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_creates_every_model_table(empty_url):
    migrations.upgrade(empty_url)
    assert set(Base.metadata.tables) <= _tables(empty_url)
    revision, head = migrations.current(empty_url)
    assert revision == head


def test_the_head_the_start_up_check_knows_is_alembics():
    assert migrations.HEAD == migrations.head_revision()


def test_models_and_migrations_agree(empty_url):
    """``alembic check``: autogenerate finds nothing to add after upgrading to head."""
    from alembic import command

    migrations.upgrade(empty_url)
    command.check(migrations.alembic_config(empty_url))


def test_downgrade_to_base_and_upgrade_again(empty_url):
    migrations.upgrade(empty_url)
    migrations.downgrade(empty_url, "base")
    assert _tables(empty_url) - {"claims_schema_version"} == set()
    migrations.upgrade(empty_url)
    assert set(Base.metadata.tables) <= _tables(empty_url)
    with open_session(empty_url) as session:  # usable after the round trip
        assert session.execute(text("SELECT count(*) FROM claims")).scalar() == 0


def test_unmigrated_database_is_refused_with_advice(empty_url):
    engine = create_engine(empty_url)
    engine.dispose()
    if empty_url.startswith("sqlite"):
        sqlite3.connect(empty_url.removeprefix("sqlite:///")).close()
    with pytest.raises(DatabaseError, match="claims init"):
        with open_session(empty_url):
            pass


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    url = f"sqlite:///{path}"
    with pytest.raises(DatabaseError, match="not a claims database"):
        with open_session(url):
            pass
    with pytest.raises(DatabaseError, match="not a claims database"):
        migrations.upgrade(url)
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"invoices"}


def test_database_newer_than_code_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'future.db'}"
    migrations.upgrade(url)
    with sqlite3.connect(tmp_path / "future.db") as connection:
        connection.execute("UPDATE claims_schema_version SET version_num = 'f00dfeed'")
    with pytest.raises(DatabaseError, match="newer than this version"):
        with open_session(url):
            pass
    with pytest.raises(DatabaseError, match="newer than this version"):
        migrations.upgrade(url)


def test_missing_sqlite_file_is_not_created(tmp_path):
    path = tmp_path / "nothing.db"
    with pytest.raises(DatabaseError, match="claims init"):
        with open_session(f"sqlite:///{path}"):
            pass
    assert migrations.current(f"sqlite:///{path}")[0] is None
    assert not path.exists()


def test_sqlite_connections_enforce_foreign_keys_and_wal(sqlite_template, tmp_path):
    path = tmp_path / "pragmas.db"
    path.write_bytes(sqlite_template.read_bytes())
    with open_session(f"sqlite:///{path}") as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def _plain_tables(path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [
            name
            for name, sql in connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            )
            if name in Base.metadata.tables
            and Base.metadata.tables[name].dialect_options["sqlite"].get("autoincrement")
            and "AUTOINCREMENT" not in sql.upper()
        ]


def test_sqlite_tables_keep_autoincrement_through_a_round_trip(tmp_path):
    """Ids are never reused: every rebuild of a table, down or up, keeps AUTOINCREMENT."""
    path = tmp_path / "round.db"
    url = f"sqlite:///{path}"
    migrations.upgrade(url)
    assert _plain_tables(path) == []
    migrations.downgrade(url, "0002")
    migrations.upgrade(url)
    assert _plain_tables(path) == []


def test_sqlite_tables_rebuilt_without_autoincrement_get_it_back(tmp_path):
    """A database that went through the rebuilds that lost AUTOINCREMENT is mended, its rows
    and triggers kept, and its ids go on after every id the audit log names: a deleted
    row's id is not handed out again."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    from claims.services.claims import add_claim, delete_claim, get_claim
    from claims.services.sources import add_source

    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    migrations.upgrade(url, "0009")
    with open_session(url, check_schema=False) as session:
        add_source(session, name="Daily Planet", kind="outlet", actor="t")
        # Raw SQL: the articles service writes columns later revisions added.
        session.execute(
            text(
                "INSERT INTO articles (publisher_id, text, sha256, created_by, created_at) "
                "VALUES (1, 'An article says something.', :sha, 't', '2026-12-01 00:00:00')"
            ),
            {"sha": "a" * 64},
        )
        for number in range(3):
            add_claim(session, text=f"Claim number {number} is stated here.", actor="t")
    with open_session(url, check_schema=False) as session:
        delete_claim(session, get_claim(session, 3), actor="t")
    with sqlite3.connect(path) as connection:
        triggers_before = sorted(
            connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        )
    engine = make_engine(url, foreign_keys=False)  # as migrations rebuild tables
    with engine.begin() as connection:
        operations = Operations(MigrationContext.configure(connection))
        for table in ("articles", "claims", "drift_findings"):
            triggers = [
                sql
                for (sql,) in connection.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                    (table,),
                )
            ]
            with operations.batch_alter_table(table, recreate="always"):
                pass
            for sql in triggers:
                connection.exec_driver_sql(sql)
    engine.dispose()
    assert set(_plain_tables(path)) == {"articles", "claims", "drift_findings"}

    migrations.upgrade(url)
    assert _plain_tables(path) == []
    with sqlite3.connect(path) as connection:
        triggers_after = sorted(
            connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        )
        assert [id for (id,) in connection.execute("SELECT id FROM claims ORDER BY id")] == [1, 2]
    assert triggers_after == triggers_before
    with open_session(url) as session:
        claim = add_claim(session, text="A claim made after the repair.", actor="t")
        session.flush()
        assert claim.id == 4
        assert session.execute(text("SELECT count(*) FROM claims_fts")).scalar() == 3


# --- a revision in the wrong direction, or none at all ------------------------------------------


def _run_cli(url: str, *args: str):
    from typer.testing import CliRunner

    from cli.main import app

    return CliRunner().invoke(app, ["--db", url, *args])


def _one_line_failure(result, match: str) -> str:
    assert result.exit_code == 1, result.output
    message = result.stderr.strip()
    assert message.startswith("Error: ") and len(message.splitlines()) == 1, message
    assert match in message, message
    return message


def test_upgrade_to_an_older_revision_is_a_downgrade(empty_url):
    migrations.upgrade(empty_url)
    result = _run_cli(empty_url, "db", "upgrade", "0005")
    _one_line_failure(result, "run `claims db downgrade 0005`")
    assert migrations.current(empty_url)[0] == migrations.HEAD


def test_downgrade_to_a_newer_revision_is_an_upgrade(empty_url):
    migrations.upgrade(empty_url, "0005")
    result = _run_cli(empty_url, "db", "downgrade", "0008")
    _one_line_failure(result, "run `claims db upgrade 0008`")
    assert migrations.current(empty_url)[0] == "0005"


@pytest.mark.parametrize(
    "command", [("upgrade", "9999"), ("downgrade", "zzz")], ids=["upgrade", "downgrade"]
)
def test_an_unknown_revision_is_one_line(empty_url, command):
    migrations.upgrade(empty_url)
    result = _run_cli(empty_url, "db", *command)
    _one_line_failure(result, f"There is no schema revision {command[1]!r}")
    assert migrations.current(empty_url)[0] == migrations.HEAD


# --- articles say whether their text was extracted from a page ---------------------------------

# The audit note an HTML article's creation carried before the column existed.
HTML_NOTE = (
    "Text extracted from an HTML page (trafilatura): raw_text is the extracted text, not "
    "the page, which is not kept; what the extraction left out (menus, banners, captions, "
    "teasers) is not listed in removed."
)


def test_articles_added_from_pages_are_marked_by_the_upgrade(empty_url):
    """Existing articles take the flag their creation's audit note gave, and it is then as
    immutable as the text."""
    migrations.upgrade(empty_url, "0011")
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    engine = create_engine(empty_url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO sources (id, name, kind, created_by, created_at) "
                    "VALUES (1, 'Daily Planet', 'outlet', 't', :now)"
                ),
                {"now": now},
            )
            for number in (1, 2):
                connection.execute(
                    text(
                        "INSERT INTO articles (id, publisher_id, text, sha256, created_by, "
                        "created_at) VALUES (:id, 1, :text, :sha, 't', :now)"
                    ),
                    {"id": number, "text": f"Text {number}.", "sha": str(number) * 64, "now": now},
                )
                connection.execute(
                    text(
                        "INSERT INTO audit_log (at, actor, action, entity, entity_id, note) "
                        "VALUES (:now, 't', 'create', 'articles', :id, :note)"
                    ),
                    {"now": now, "id": number, "note": HTML_NOTE if number == 2 else None},
                )
        migrations.upgrade(empty_url)
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id, extracted_from_html FROM articles"))
            flags = {id: bool(flag) for id, flag in rows}
        assert flags == {1: False, 2: True}
        with pytest.raises(exc.DBAPIError, match="article text is immutable"):
            with engine.begin() as connection:
                connection.execute(text("UPDATE articles SET extracted_from_html = false"))
        with engine.begin() as connection:  # the other columns may still change
            connection.execute(text("UPDATE articles SET title = 'A title' WHERE id = 2"))
        migrations.downgrade(empty_url, "0011")
        with pytest.raises(exc.DBAPIError, match="article text is immutable"):
            with engine.begin() as connection:
                connection.execute(text("UPDATE articles SET raw_text = 'changed'"))
        with engine.begin() as connection:
            connection.execute(text("UPDATE articles SET title = 'Another' WHERE id = 2"))
    finally:
        engine.dispose()


@pytest.mark.parametrize("before", ["0012", "0013"])
def test_the_upgrade_that_changed_the_drift_rules_lists_every_claim_to_recompute(empty_url, before):
    """Findings the old rules stored are not kept as current: the upgrade lists every claim
    in drift_pending, and completing the list recomputes them."""
    from claims.services.drift import pending_drift, refresh_pending_drift

    migrations.upgrade(empty_url, before)
    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    engine = create_engine(empty_url)
    try:
        with engine.begin() as connection:
            for number in (1, 2, 3):
                connection.execute(
                    text(
                        "INSERT INTO claims (id, text, key, status, created_by, created_at, "
                        "updated_at, version) VALUES (:id, :text, :key, 'draft', 't', :now, "
                        ":now, 1)"
                    ),
                    {
                        "id": number,
                        "text": f"Claim {number}.",
                        "key": f"claim {number}",
                        "now": now,
                    },
                )
            connection.execute(text("INSERT INTO drift_pending (claim_id) VALUES (2)"))
        migrations.upgrade(empty_url)
        with engine.connect() as connection:
            listed = connection.execute(text("SELECT claim_id FROM drift_pending ORDER BY 1"))
            assert [row[0] for row in listed] == [1, 2, 3]
        with open_session(empty_url) as session:
            assert pending_drift(session) == 3
            assert refresh_pending_drift(session) == (3, 0)
            session.commit()
        with open_session(empty_url) as session:
            assert pending_drift(session) == 0
        migrations.downgrade(empty_url, before)
        migrations.upgrade(empty_url)
    finally:
        engine.dispose()
