"""Bad input to ``claims sql``, ``claims report`` and ``claims demo``, and usage errors.

Bad input gets one line on stderr starting with "Error: ", exit code 1, no
traceback and an unchanged database; usage errors keep click's exit code 2.
The other nouns have their own files (test_cli_errors_<noun>.py).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

LONG_QUERY = (
    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 1000000000) "
    "SELECT count(*) FROM c"
)


@pytest.fixture
def data(cli):
    """One source and one claim, so a write that got through would show."""
    for args in (["source", "add", "Daily Planet", "--kind", "outlet"], ["claim", "add", "X."]):
        result = cli(*args)
        assert result.exit_code == 0, result.output


def sqlite_only(db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite-specific statement")


# --- sql -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO claims (text, key, status, created_by) VALUES ('y', 'k', 'draft', 'me')",
        "UPDATE claims SET text = 'changed'",
        "DELETE FROM claims",
        "CREATE TABLE scratch (x integer)",
        "DROP TABLE claims",
        "ALTER TABLE claims ADD COLUMN extra integer",
        "CREATE INDEX scratch_ix ON claims (text)",
    ],
    ids=["insert", "update", "delete", "create-table", "drop-table", "alter", "create-index"],
)
def test_sql_refuses_writes(failing, data, statement):
    message = failing("sql", statement, match="read-only")
    assert "claims commands" in message


def test_sql_refuses_a_write_hidden_in_a_select(failing, data, db_url):
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite has no data-modifying CTEs")
    failing(
        "sql",
        "WITH gone AS (DELETE FROM claims RETURNING id) SELECT * FROM gone",
        match="read-only",
    )


def test_sql_refuses_pragma_writes_on_sqlite(failing, data, db_url):
    sqlite_only(db_url)
    failing("sql", "PRAGMA user_version = 5", match="read-only")


@pytest.mark.parametrize(
    "statement",
    ["SELECT 1; DELETE FROM claims", "COMMIT; DROP TABLE claims", "SELECT 1; SELECT 2"],
)
def test_sql_refuses_several_statements(failing, data, statement):
    failing("sql", statement)


@pytest.mark.parametrize(
    "statement", ["SELEC * FROM claims", "SELECT * FROM no_such_table", "SELECT (1"]
)
def test_sql_error(failing, data, statement):
    failing("sql", statement, match="SQL error")


@pytest.mark.parametrize("limit", ["0", "-5"])
def test_sql_limit_below_one(cli, data, limit):
    result = cli("sql", "SELECT 1", "--limit", limit)
    assert result.exit_code == 2 and "'--limit'" in result.stderr, result.output


@pytest.mark.parametrize("statement", ["", "   ", "\n"])
def test_sql_empty(failing, data, statement):
    failing("sql", statement, match="SQL is empty")


def test_sql_stopped_by_timeout(failing, data):
    """The message is the timeout's own ("ran longer than 0.5 s"), so the limit fired."""
    failing("sql", LONG_QUERY, "--timeout", "0.5", match="ran longer than 0.5 s")


@pytest.mark.parametrize("timeout", ["0", "-1", "nan", "inf", "0.0004", "1e12"])
def test_sql_timeout_that_would_set_no_limit(cli, data, timeout):
    """NaN, or under a millisecond (0 to PostgreSQL), would lift the limit they seem to set."""
    result = cli("sql", "SELECT 1", "--timeout", timeout)
    assert result.exit_code == 2 and "'--timeout'" in result.stderr, result.output


def test_sql_ids_with_a_null_stay_whole_numbers(cli, data):
    query = (
        "SELECT id, CASE WHEN id = 2 THEN id END AS even "
        "FROM (SELECT 1 AS id UNION ALL SELECT 2) AS t ORDER BY id"
    )
    result = cli("sql", query, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == ["1,", "2,2"]


def test_a_database_claims_cannot_use_is_one_line(failing):
    failing("--db", "mysql://someone@somewhere/claims", "init", match="works with SQLite")


def test_sql_statement_without_rows_on_postgresql(failing, data, db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL-specific statement")
    failing("sql", "DO $$ BEGIN PERFORM 1; END $$", match="read-only")


def test_sql_error_message_ends_with_one_period(failing, data, db_url):
    sqlite_only(db_url)
    message = failing("sql", "SELECT 1; SELECT 2", match="SQL error")
    assert not message.endswith("..")


def test_sql_attach_creates_no_file(cli, data, db_url, tmp_path):
    sqlite_only(db_url)
    target = tmp_path / "elsewhere.db"
    result = cli("sql", f"ATTACH DATABASE '{target}' AS elsewhere")
    assert not target.exists()
    assert result.exit_code == 1, result.output


def test_sql_vacuum_into_leaves_no_file(failing, data, db_url, tmp_path):
    sqlite_only(db_url)
    target = tmp_path / "copy.db"
    failing("sql", f"VACUUM INTO '{target}'", match="read-only")
    assert not target.exists()


def test_sql_copy_to_a_server_file_on_postgresql(failing, data, db_url, request):
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL-specific statement")
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            superuser = connection.execute(
                text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            ).scalar()
    finally:
        engine.dispose()
    if not superuser:
        pytest.skip("only a superuser may COPY to a server file")
    # A folder the server's own user can write into, so only read-only-ness can stop it.
    folder = Path(tempfile.mkdtemp(prefix="claims-copy-"))
    folder.chmod(0o777)
    try:
        target = folder / "leak.csv"
        failing("sql", f"COPY (SELECT 1) TO '{target}'", match="read-only")
        assert not target.exists()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- report --------------------------------------------------------------------------------


def test_report_xlsx_needs_an_output_file(failing, data):
    message = failing("report", "carriers", "--format", "xlsx", match="-o")
    assert "xlsx" in message


@pytest.mark.parametrize(
    "args",
    [
        ["report", "carriers", "--format", "xlsx"],
        ["report", "chains", "--format", "csv"],
        ["report", "outlets", "--format", "json"],
        ["report", "claims"],
        ["report", "all"],
    ],
    ids=["xlsx", "csv", "json", "table", "all"],
)
def test_report_into_a_missing_folder(failing, data, tmp_path, args):
    target = tmp_path / "no" / "such" / "folder" / "report.out"
    failing(*args, "-o", str(target), match="no/such/folder")
    assert not target.parent.exists()


def test_report_onto_a_folder(failing, data, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    failing("report", "carriers", "--format", "csv", "-o", str(folder), match="folder")


# --- demo ----------------------------------------------------------------------------------


def plain(*args: str):
    return CliRunner().invoke(app, ["--as", "tester", *args])


def assert_clean_failure(result, match: str | None = None) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert message.startswith("Error: "), repr(result.exception)
    assert len(message.splitlines()) == 1, message
    if match is not None:
        assert match.lower() in message.lower(), message
    return message


@pytest.mark.parametrize(
    "content",
    [b"my notes: do not delete\n", b"\x89PNG\r\n\x1a\n" + bytes(range(256))],
    ids=["text", "binary"],
)
def test_demo_refuses_to_replace_another_file(tmp_path, content):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    result = plain("demo", "--path", str(path))
    assert_clean_failure(result, match="not a demo database")
    assert path.read_bytes() == content


def test_demo_refuses_a_folder(tmp_path):
    result = plain("demo", "--path", str(tmp_path))
    assert_clean_failure(result, match=str(tmp_path))


def test_demo_in_a_missing_folder(tmp_path):
    path = tmp_path / "missing" / "demo.db"
    assert_clean_failure(plain("demo", "--path", str(path)))
    assert not path.parent.exists()


# --- usage errors keep exit code 2 -----------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["claim", "add"],
        ["claim", "show", "abc"],
        ["claim", "list", "--format", "xml"],
        ["source", "add"],
        ["source", "alias", "Xinhua"],
        ["article", "add"],
        ["article", "add", "file.txt"],
        ["appearance", "add", "1", "1"],
        ["appearance", "add", "1", "1", "-q", "words", "--occurrence", "two"],
        ["review", "approve"],
        ["review", "submit", "one"],
        ["report", "all"],
        ["report", "carriers", "--format", "pdf"],
        ["sql"],
        ["sql", "SELECT 1", "--limit", "ten"],
        ["no-such-command"],
    ],
    ids=lambda args: " ".join(args),
)
def test_usage_errors_exit_2(tmp_path, args):
    db = tmp_path / "claims.db"
    result = CliRunner().invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not db.exists()


def test_usage_error_leaves_an_existing_database_alone(tmp_path, sqlite_template):
    db = tmp_path / "claims.db"
    shutil.copy(sqlite_template, db)
    before = db.read_bytes()
    result = CliRunner().invoke(app, ["--db", str(db), "claim", "show", "abc"])
    assert result.exit_code == 2, result.output
    assert db.read_bytes() == before
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM claims").fetchone() == (0,)


def test_sql_with_an_empty_role(failing, data):
    failing("sql", "SELECT 1", "--role", "", match="--role is empty")


def test_a_search_path_naming_no_schema_says_so(failing):
    from tests.conftest import pg_base_url, with_search_path

    base = pg_base_url()
    if base is None:
        pytest.skip("PostgreSQL tests skipped: set CLAIMS_TEST_POSTGRES_URL to a server URL")
    url = with_search_path(base, "claims_no_such_schema")
    failing("--db", url, "init", match="search_path names does not exist")
