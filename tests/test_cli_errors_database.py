"""Pointing ``--db`` at the wrong thing: one clear line, exit 1, and nothing created or changed.

These run once, not per backend: each names its own database.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims import migrations
from cli.main import app

UNREACHABLE = "postgresql://nobody@127.0.0.1:1/x"


def run(db: str | Path, *args: str, input: str | None = None):
    return CliRunner().invoke(app, ["--db", str(db), "--as", "tester", *args], input=input)


def assert_clean_failure(result, match: str | None = None) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert message.startswith("Error: "), repr(result.exception)
    assert len(message.splitlines()) == 1, message
    if match is not None:
        assert match.lower() in message.lower(), message
    return message


def tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return sorted(name for (name,) in rows)


@pytest.fixture
def foreign_db(tmp_path) -> Path:
    """Some other application's SQLite database."""
    path = tmp_path / "other-app.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE foo (id integer primary key, name text)")
        connection.execute("INSERT INTO foo (name) VALUES ('keep me')")
    return path


@pytest.fixture
def newer_db(tmp_path, sqlite_template) -> Path:
    """A claims database migrated by a later version of claims than this one."""
    path = tmp_path / "newer.db"
    shutil.copy(sqlite_template, path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE claims_schema_version SET version_num = 'ffff'")
    return path


COMMANDS = [
    ["claim", "list"],
    ["claim", "add", "Exports rose."],
    ["source", "add", "Daily Planet"],
    ["article", "list"],
    ["review", "submit", "1"],
    ["report", "carriers"],
    ["seed"],
]
COMMAND_IDS = [" ".join(command) for command in COMMANDS]


# --- a SQLite file that does not exist ---------------------------------------------------------


@pytest.mark.parametrize("command", [*COMMANDS, ["sql", "SELECT 1"]], ids=[*COMMAND_IDS, "sql"])
def test_missing_sqlite_file(tmp_path, command):
    path = tmp_path / "missing.db"
    message = assert_clean_failure(run(path, *command), match="claims init")
    assert "missing.db" in message
    assert sorted(tmp_path.iterdir()) == []


def test_missing_sqlite_file_current_does_not_create_it(tmp_path):
    path = tmp_path / "missing.db"
    result = run(path, "db", "current")
    assert result.exit_code == 0, result.output
    assert "claims init" in result.stdout
    assert not path.exists()


def test_init_in_a_missing_folder(tmp_path):
    path = tmp_path / "no" / "such" / "folder" / "claims.db"
    assert_clean_failure(run(path, "init"), match="unable to open")
    assert not (tmp_path / "no").exists()


def test_empty_sqlite_file_needs_init(tmp_path):
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    assert_clean_failure(run(path, "claim", "list"), match="claims init")
    assert tables(path) == []


# --- another application's SQLite database -----------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["claim", "list"], ["init"], ["db", "upgrade"], ["db", "current"], ["source", "add", "X"]],
    ids=["claim list", "init", "db upgrade", "db current", "source add"],
)
def test_foreign_sqlite_database(foreign_db, command):
    assert_clean_failure(run(foreign_db, *command), match="not a claims database")
    assert tables(foreign_db) == ["foo"]
    with sqlite3.connect(foreign_db) as connection:
        assert connection.execute("SELECT name FROM foo").fetchall() == [("keep me",)]
        # its journal mode, which persists in the file, is left as its program set it
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not Path(f"{foreign_db}-wal").exists()


# --- a claims database from a newer version ----------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["claim", "list"],
        ["db", "upgrade"],
        ["init"],
        ["db", "current"],
        ["db", "downgrade", "base", "--yes"],
    ],
    ids=["claim list", "db upgrade", "init", "db current", "db downgrade"],
)
def test_database_newer_than_this_code(newer_db, command):
    message = assert_clean_failure(run(newer_db, *command), match="newer")
    assert "ffff" in message
    with sqlite3.connect(newer_db) as connection:
        assert connection.execute("SELECT version_num FROM claims_schema_version").fetchall() == [
            ("ffff",)
        ]
    assert "claims" in tables(newer_db)


# --- unreachable and unusable URLs -------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["claim", "list"],
        ["init"],
        ["db", "current"],
        ["db", "upgrade"],
        ["source", "add", "X"],
        ["sql", "SELECT 1"],
    ],
    ids=["claim list", "init", "db current", "db upgrade", "source add", "sql"],
)
def test_unreachable_postgresql(command):
    message = assert_clean_failure(run(UNREACHABLE, *command))
    assert "127.0.0.1" in message


@pytest.mark.parametrize(
    "url",
    [
        "nosuchdb://x/y",
        "postgresql://nobody@127.0.0.1:notaport/x",
        "sqlite:///x.db?timeout=abc",
        "sqlite:///x.db?check_same_thread=maybe",
        "sqlite:///x.db?mode=ro",
    ],
)
def test_unusable_url(url):
    assert_clean_failure(run(url, "claim", "list"))


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
@pytest.mark.parametrize("command", [["init"], ["claim", "list"]])
def test_a_database_in_memory_is_refused(url, command):
    assert_clean_failure(run(url, *command), match="a database in memory")


def test_a_file_whose_references_are_broken_is_not_migrated(tmp_path):
    path = tmp_path / "edited.db"
    assert run(path, "init").exit_code == 0
    assert run(path, "seed").exit_code == 0
    assert run(path, "db", "downgrade", "--yes", "0011").exit_code == 0
    with sqlite3.connect(path) as connection:  # as the sqlite3 shell edits it
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DELETE FROM articles WHERE id = 2")
    message = assert_clean_failure(run(path, "db", "upgrade"), match="Nothing was migrated")
    assert "row(s) of " in message and "foreign_key_check" in message
    assert migrations.current(f"sqlite:///{path}")[0] == "0011"


def test_a_trigger_dropped_by_hand_is_named_in_one_line(tmp_path):
    path = tmp_path / "edited.db"
    assert run(path, "init").exit_code == 0
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TRIGGER claims_fts_insert")
    assert_clean_failure(run(path, "init"), match="lacks the triggers claims_fts_insert")


# --- a path that is not a SQLite file ----------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["claim", "list"], ["init"], ["db", "current"]],
    ids=["claim list", "init", "db current"],
)
def test_db_is_a_text_file(tmp_path, command):
    path = tmp_path / "notes.txt"
    content = b"These are my notes, not a database.\n" * 20
    path.write_bytes(content)
    assert_clean_failure(run(path, *command), match="notes.txt")
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    "command",
    [
        ["claim", "list"],
        ["init"],
        ["sql", "SELECT 1"],
    ],
    ids=["claim list", "init", "sql"],
)
def test_db_is_a_folder(tmp_path, command):
    folder = tmp_path / "data"
    folder.mkdir()
    assert_clean_failure(run(folder, *command))
    assert sorted(folder.iterdir()) == []


# --- migrations to revisions that do not exist --------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["db", "upgrade", "zzzz"], ["db", "downgrade", "zzzz"]],
    ids=["upgrade", "downgrade"],
)
def test_migrate_to_unknown_revision(tmp_path, sqlite_template, command):
    path = tmp_path / "claims.db"
    shutil.copy(sqlite_template, path)
    assert_clean_failure(run(path, *command), match="zzzz")


@pytest.mark.parametrize("revision", ["0011", "-3", "0002"])
def test_a_downgrade_that_deletes_data_asks_first(tmp_path, sqlite_template, revision):
    """Not only base: undoing a revision whose data an upgrade does not bring back asks,
    naming what goes; with no answer nothing changes."""
    path = tmp_path / "claims.db"
    shutil.copy(sqlite_template, path)
    given = ["--", revision] if revision.startswith("-") else [revision]  # steps back
    result = run(path, "db", "downgrade", *given, input="")
    assert result.exit_code == 1, result.output
    said = "0011 (-3)" if revision == "-3" else revision  # the revision three steps back
    assert f"Downgrading to {said} deletes whether each article's text" in result.stderr
    assert "give --yes to confirm" in result.stderr
    assert migrations.current(f"sqlite:///{path}")[0] == migrations.HEAD
    if revision == "0002":
        assert "articles.raw_text" in result.stderr and "match_candidates" in result.stderr
    assert run(path, "db", "downgrade", "--yes", *given).exit_code == 0


def test_a_downgrade_to_head_undoes_nothing_and_asks_nothing(tmp_path, sqlite_template):
    path = tmp_path / "claims.db"
    shutil.copy(sqlite_template, path)
    result = run(path, "db", "downgrade", "head", input="")
    assert result.exit_code == 0, result.output
    assert "Go on?" not in result.stderr
    assert migrations.current(f"sqlite:///{path}")[0] == migrations.HEAD


def _one_below_head(tmp_path) -> tuple[Path, str, int]:
    """A database one revision below the newest: (its path, its revision, the migrations
    that lead up to it)."""
    path = tmp_path / "claims.db"
    below = migrations.known_revisions() - {migrations.HEAD}
    at = max(below)
    migrations.upgrade(f"sqlite:///{path}", at)
    return path, at, len(below)


def test_downgrades_alembic_cannot_make_say_what_to_give_instead(tmp_path):
    """Not Alembic's "Destination head is not a valid downgrade target" or "Relative revision
    -99 didn't produce 99 migrations": where the schema is, and what would do."""
    path, at, count = _one_below_head(tmp_path)
    cases = [
        (["head"], f"at schema revision {at}, older than head ({migrations.HEAD}): going to "
         "it is an upgrade: run `claims db upgrade`"),
        (["--", "-99"], f"at schema revision {at}, which only {count} migrations lead up to: "
         f"give -1 to -{count}"),
        (["--", "+1"], "+1 counts steps up, and a downgrade goes down"),
        (["--", "-0"], "-0 counts no step"),
    ]  # fmt: skip
    for given, match in cases:
        message = assert_clean_failure(run(path, "db", "downgrade", "--yes", *given), match)
        assert "Destination" not in message and "didn't produce" not in message, message
        assert migrations.current(f"sqlite:///{path}")[0] == at


def test_an_upgrade_past_the_newest_says_how_far_it_can_go(tmp_path):
    path, at, _ = _one_below_head(tmp_path)
    assert_clean_failure(
        run(path, "db", "upgrade", "+5"),
        f"at schema revision {at}, with only 1 migration above it: +5 goes past the newest "
        f"({migrations.HEAD}); give +1 to +1",
    )
    assert run(path, "db", "upgrade", "+1").exit_code == 0
    assert_clean_failure(run(path, "db", "upgrade", "+1"), "the newest: there is nothing above")


def test_a_downgrade_of_an_empty_database_says_there_is_nothing_to_undo(tmp_path):
    path = tmp_path / "claims.db"
    assert_clean_failure(
        run(path, "db", "downgrade", "--yes", "--", "-1"), "has no schema (it is at base)"
    )


def test_a_downgrade_that_deletes_nothing_for_good_does_not_ask(tmp_path):
    path = tmp_path / "claims.db"
    migrations.upgrade(f"sqlite:///{path}", "0011")
    result = run(path, "db", "downgrade", "0005", input="")
    assert result.exit_code == 0, result.output
    assert "Go on?" not in result.stderr
    assert migrations.current(f"sqlite:///{path}")[0] == "0005"


def test_downgrade_to_base_without_an_answer_says_to_give_yes(cli, snapshot):
    """Input ran out at the question: nothing dropped, and the line says how to confirm."""
    before = snapshot()
    result = cli("db", "downgrade", "base", input="")
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("Downgrading to base deletes")  # the question, then one line
    assert lines[1:] == ["Error: No answer: nothing changed; give --yes to confirm without asking."]
    assert snapshot() == before


def test_sql_reads_a_database_in_a_folder_nobody_may_write(tmp_path):
    """A shared read-only copy: without its -shm file a WAL database cannot be read but as
    immutable, which nobody can change there anyway."""
    import os
    import subprocess
    import sys

    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        pytest.skip("needs root and setpriv to drop the right to write anywhere")
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "copy.db"
    assert run(path, "init").exit_code == 0
    assert run(path, "claim", "add", "The bridge will close in May.").exit_code == 0
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        command = [setpriv, "--bounding-set=-all", "--inh-caps=-all", sys.executable]
        command += ["-m", "cli.main", "--db", str(path), "sql", "SELECT text FROM claims"]
        result = subprocess.run(command, capture_output=True, text=True, cwd=os.getcwd())
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert result.returncode == 0, result.stderr
    assert "The bridge will close in May." in result.stdout
    # commits left in a log beside it would be missed: refused instead of read stale
    Path(f"{path}-wal").write_bytes(b"\x00" * 32)
    folder.chmod(0o555)
    try:
        stale = subprocess.run(command, capture_output=True, text=True, cwd=os.getcwd())
    finally:
        folder.chmod(0o755)
    assert stale.returncode == 1 and "Traceback" not in stale.stderr, stale.stderr


def test_a_migration_waiting_on_another_writer_says_the_database_is_busy(tmp_path, monkeypatch):
    import claims.db

    path = tmp_path / "busy.db"
    assert run(path, "init").exit_code == 0
    assert run(path, "db", "downgrade", "--yes", "0013").exit_code == 0
    monkeypatch.setattr(claims.db, "SQLITE_BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        message = assert_clean_failure(run(path, "db", "upgrade"), match="busy with other")
        assert "nothing was migrated" in message
    finally:
        holder.close()
    assert migrations.current(f"sqlite:///{path}")[0] != migrations.HEAD
    assert run(path, "db", "upgrade").exit_code == 0
