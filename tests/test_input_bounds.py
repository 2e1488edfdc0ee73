"""Input no command expects: numbers past what a database holds, blank names, usage slips.

Bad input gets one line on stderr starting with "Error: ", exit code 1, no traceback and
an unchanged database; usage errors keep click's exit code 2, also as one line.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

HUGE = str(2**63)  # one past the largest SQLite integer
PAST_POSTGRESQL = str(2**31)  # one past the largest id of a PostgreSQL integer column


@pytest.fixture
def data(cli):
    """A source, an article, a claim and its appearance, so a write that got through shows."""
    for args in (
        ["source", "add", "Daily Planet", "--kind", "outlet"],
        ["claim", "add", "The bridge will close in May."],
    ):
        result = cli(*args)
        assert result.exit_code == 0, result.output


def run(db: str | Path, *args: str, input: str | None = None):
    return CliRunner().invoke(app, ["--db", str(db), "--as", "tester", *args], input=input)


def one_line(result, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert message.startswith("Error: "), result.output
    assert len(message.splitlines()) == 1, message
    return message


# --- ids past what the database holds ----------------------------------------------------------

ID_COMMANDS = [
    (["claim", "show", "{}"], "No claim with id"),
    (["claim", "edit", "{}", "--text", "New text."], "No claim with id"),
    (["claim", "delete", "{}", "--yes"], "No claim with id"),
    (["article", "show", "{}"], "No article with id"),
    (["appearance", "show", "{}"], "No appearance with id"),
    (["appearance", "delete", "{}"], "No appearance with id"),
    (["appearance", "chain", "{}", "Xinhua"], "No appearance with id"),
    (["appearance", "add", "{}", "1", "-q", "bridge"], "No claim with id"),
    (["appearance", "add", "1", "{}", "-q", "bridge"], "No article with id"),
    (["appearance", "list", "--claim", "{}"], "No claim with id"),
    (["appearance", "list", "--article", "{}"], "No article with id"),
    (["drift", "{}"], "No claim with id"),
    (["suggest", "{}"], "No article with id"),
    (["match", "{}"], "No claim with id"),
    (["report", "graph", "{}", "-o", "graph.svg"], "No claim with id"),
    (["review", "submit", "{}"], "No claim with id"),
    (["review", "approve", "{}", "1"], "No claim with id"),
    (["review", "reject", "{}"], "No claim with id"),
    (["review", "reopen", "{}"], "No claim with id"),
    (["export", "--claim", "{}"], "No claim with id"),
]


@pytest.mark.parametrize("number", [HUGE, PAST_POSTGRESQL, str(10**30)])
@pytest.mark.parametrize(
    ("command", "match"), ID_COMMANDS, ids=[" ".join(c[:2]) for c, _ in ID_COMMANDS]
)
def test_an_id_past_the_database_is_an_unknown_id(
    failing, data, monkeypatch, tmp_path, command, match, number
):
    monkeypatch.chdir(tmp_path)  # report graph -o writes nowhere that matters
    args = [part.format(number) for part in command]
    message = failing(*args, match=f"{match} {number}")
    assert "Traceback" not in message


def test_the_largest_sqlite_id_is_still_looked_up(failing, data, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's ids stop at 2**31 - 1")
    failing("claim", "show", str(2**63 - 1), match=f"No claim with id {2**63 - 1}")


def test_a_source_number_past_the_database(failing, data):
    failing("source", "merge", f"#{HUGE}", "Daily Planet", match=f"No source #{HUGE}")


def test_a_source_number_past_postgresql(failing, data, db_url):
    """As any number no source has, on either database."""
    failing(
        "source",
        "merge",
        f"#{PAST_POSTGRESQL}",
        "Daily Planet",
        match=f"No source #{PAST_POSTGRESQL}",
    )
    failing("source", "show", f"#{PAST_POSTGRESQL}", match=f"No source #{PAST_POSTGRESQL}")


@pytest.mark.parametrize(
    ("command", "match"),
    [
        (["claim", "show", "-1"], "No claim with id -1"),
        (["article", "show", "-5"], "No article with id -5"),
        (["appearance", "delete", "-1"], "No appearance with id -1"),
    ],
)
def test_a_negative_id_says_what_ids_are(failing, data, command, match):
    message = failing(*command, match=match)
    assert "whole numbers from 1" in message


def test_a_count_past_the_database(cli, snapshot, data, tmp_path):
    """A count out of its range is a bad option value: a usage error."""
    before = snapshot()
    message = one_line(cli("import", str(tmp_path / "x.csv"), "--batch", HUGE), code=2)
    assert "'--batch'" in message and snapshot() == before


# --- claims sql --limit --------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [HUGE, str(2**62), "1000000001"])
def test_sql_limit_past_any_fetch(cli, data, limit):
    assert "'--limit'" in one_line(cli("sql", "SELECT 1", "--limit", limit), code=2)


# --- blank revision, file name and --db ---------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["db", "upgrade", ""], ["db", "upgrade", "  "], ["db", "downgrade", "", "--yes"]]
)
def test_a_blank_revision(failing, data, command):
    failing(*command, match="revision is empty")


def test_import_an_empty_file_name(failing, data):
    failing("import", "", match="The file name is empty")


@pytest.mark.parametrize("folder", ["/", ".."])
def test_import_a_folder_without_a_name(failing, data, folder):
    failing("import", folder, match="is a folder, not a file to import")


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
@pytest.mark.parametrize("command", [["init"], ["db", "current"], ["sql", "SELECT 1"]])
def test_a_blank_db_option(tmp_path, monkeypatch, blank, command):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMS_DATABASE_URL", raising=False)
    message = one_line(run(blank, *command))
    assert "--db is empty: give a file path or URL" in message
    assert list(tmp_path.iterdir()) == []


def test_a_blank_database_variable_counts_as_unset(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["db", "current"], env={"CLAIMS_DATABASE_URL": "   "})
    assert result.exit_code == 0, result.output
    assert "claims init" in result.stdout  # claims.db here, not created by looking
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_actor_is_refused_not_replaced_by_the_login(tmp_path, monkeypatch, blank):
    """`--as ""` meant somebody: the audit log must not silently record the login."""
    monkeypatch.delenv("CLAIMS_USER", raising=False)
    db = tmp_path / "claims.db"
    assert run(db, "init").exit_code == 0
    result = CliRunner().invoke(app, ["--db", str(db), "--as", blank, "claim", "add", "A claim."])
    assert "--as is empty" in one_line(result)
    listed = run(db, "claim", "list", "--format", "json")
    assert listed.stdout.strip() in ("", "[]"), listed.output


def test_a_blank_user_variable_counts_as_unset(tmp_path):
    db = tmp_path / "claims.db"
    assert run(db, "init").exit_code == 0
    result = CliRunner().invoke(
        app, ["--db", str(db), "claim", "add", "A claim."], env={"CLAIMS_USER": "  "}
    )
    assert result.exit_code == 0, result.output


# --- a --db that is no database -----------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"These are my notes, not a database.\n" * 20, "Notizen\n".encode("utf-16") * 50],
    ids=["text", "utf-16"],
)
def test_sql_on_a_file_that_is_not_a_database(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    message = one_line(run(path, "sql", "SELECT 1"))
    assert "not a SQLite database" in message and "--db" in message
    assert path.read_bytes() == content


def test_sql_on_a_database_that_is_not_ours(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE foo (x)")
    assert "not a claims database" in one_line(run(path, "sql", "SELECT 1"))


def test_db_current_in_a_missing_folder(tmp_path):
    path = tmp_path / "no" / "such" / "x.db"
    message = one_line(run(path, "db", "current"))
    assert "No folder" in message and "--db" in message
    assert not (tmp_path / "no").exists()


# --- messages that say what to do ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "match"),
    [
        ("ftp://x/y", "claims works with SQLite"),
        ("nosuchdb://x/y", "claims works with SQLite"),
        ("postgresql://:::", "malformed"),
        ("postgresql://nobody@127.0.0.1:notaport/x", "malformed"),
        ("postgresql://nobody@127.0.0.1:1/x", "server at 127.0.0.1:1 is not reachable"),
    ],
)
def test_unusable_urls_say_what_to_do(url, match):
    message = one_line(run(url, "claim", "list"))
    assert match in message
    assert "Can't load plugin" not in message and "invalid literal" not in message


def test_a_file_that_is_not_a_database_says_so(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 50)
    assert "not a SQLite database" in one_line(run(path, "claim", "list"))


def test_a_missing_folder_says_so(tmp_path):
    message = one_line(run(tmp_path / "missing" / "claims.db", "init"))
    assert "unable to open" in message and "folder is missing" in message


def test_a_read_only_database_says_why():
    from claims.db import describe_operational_error

    error = sqlite3.OperationalError("attempt to write a readonly database")
    message = describe_operational_error("sqlite:///claims.db", error)
    assert "read-only" in message and "-wal" in message and "\n" not in message


def test_an_out_of_range_number_on_postgresql_says_so():
    from claims.db import describe_operational_error

    class OutOfRange(Exception):
        sqlstate = "22003"

    message = describe_operational_error(
        "postgresql+psycopg://h/db", OutOfRange("integer out of range")
    )
    assert "larger than the database holds" in message


def test_a_long_bad_value_is_shown_by_its_start(cli, data):
    message = one_line(cli("claim", "list", "--status", "x" * 100_000), code=2)
    assert "Unknown status" in message
    assert len(message) < 300
    assert "x" * 80 + "…" in message


# --- usage errors: one line, exit 2 --------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["claim", "show", "abc"],
        ["claim", "show", "1.5"],
        ["claim", "show"],
        ["import", "f.csv", "--batch", "abc"],
        ["sql", "SELECT 1", "--timeout", "abc"],
        ["claim", "list", "-f", "xml"],
        ["sql", "SELECT 1", "-q", "carriers-of"],
        ["sql", "--list", "SELECT 1"],
        ["no-such-command"],
        ["--no-such-option", "claim", "list"],
    ],
    ids=lambda args: " ".join(args),
)
def test_usage_errors_are_one_line(failing, snapshot, cli, data, command):
    before = snapshot()
    message = one_line(cli(*command), code=2)
    assert "-h`" in message  # where to read how the command is used
    assert snapshot() == before


# --- a y/N question left unanswered --------------------------------------------------------------


def test_delete_without_an_answer_says_what_to_do(cli, snapshot, data):
    before = snapshot()
    result = cli("claim", "delete", "1", input="")
    assert result.exit_code == 1, result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last == "Error: No answer: nothing changed; give --yes to confirm without asking."
    assert "Aborted" not in result.stderr
    assert snapshot() == before


def test_delete_answered_no_changes_nothing(cli, snapshot, data):
    before = snapshot()
    result = cli("claim", "delete", "1", input="n\n")
    assert result.exit_code == 1, result.output
    assert result.stderr.strip().splitlines()[-1] == "Nothing changed."
    assert snapshot() == before


def test_no_command_still_shows_the_help():
    result = CliRunner().invoke(app, [])
    assert "Usage: " in result.output and "Commands" in result.output
    assert "Error" not in result.output


def test_every_whole_number_parameter_is_bounded():
    """The bound checks ride on Typer's own description of each parameter
    (``type_descriptor``): a Typer that described them otherwise would leave ids unbounded
    without a word. So every parameter must have that description, and every one whose
    annotation is a whole number must carry the check."""
    import typer.main

    from cli.common import ClaimsGroup

    group = typer.main.get_command(app)
    assert isinstance(group, ClaimsGroup)

    def walk(command, path=()):
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, (*path, name))

    described = [
        (path, param)
        for path, command in walk(group)
        for param in command.params
        if param.name not in ("help", "install_completion", "show_completion")
    ]
    assert all(hasattr(param, "type_descriptor") for _, param in described)
    whole = [
        (" ".join(path), param.name)
        for path, param in described
        if param.type_descriptor.annotation in (int, list[int])
    ]
    # a plain id, an optional one, a list of ids, a count
    for anchor in [("claim show", "claim_id"), ("match", "claim_id"), ("review submit", "ids")]:
        assert anchor in whole, anchor
    assert ("sql", "limit") in whole
    unbounded = [
        (" ".join(path), param.name)
        for path, param in described
        if param.type_descriptor.annotation in (int, list[int])
        and not getattr(param, "_claims_bounded", False)
    ]
    assert unbounded == []


def test_a_source_number_of_thousands_of_digits_is_no_source(failing, data):
    failing("source", "show", "#" + "9" * 5000, match="No source #")


def test_an_apostrophe_in_a_word_is_no_quotation_to_cut():
    from cli.common import one_line as shown

    message = (
        "'a statement from her office' describes a source without naming it, and one source "
        "of that name would gather every article's: edit the chain."
    )
    assert shown(message) == message
    long = "'" + "y" * 100 + "' is not a name the article's text holds."
    assert shown(long) == "'" + "y" * 80 + "…' is not a name the article's text holds."


def test_an_argument_that_is_no_utf8_text_is_refused_before_anything_runs(tmp_path):
    from cli.main import undecodable_argument

    bad = b"A bad \xff claim".decode("utf-8", "surrogateescape")
    message = undecodable_argument(["claim", "add", bad], {})
    assert "is not UTF-8 text (byte 0xff)" in message
    user = b"b\xe9b".decode("utf-8", "surrogateescape")
    refused = undecodable_argument([], {"CLAIMS_USER": user})
    assert "$CLAIMS_USER is not UTF-8 text (byte 0xe9)" in refused
    # a file's name may be any bytes: existing, given as --opt=PATH, or new in a folder
    named = tmp_path / b"f\xe9.txt".decode("utf-8", "surrogateescape")
    named.write_text("x")
    assert undecodable_argument(["article", "add", str(named)], {}) is None
    assert undecodable_argument([f"--db={named}", "claim", "list"], {}) is None
    new = tmp_path / b"out\xff.csv".decode("utf-8", "surrogateescape")
    assert undecodable_argument(["report", "carriers", "-o", str(new)], {}) is None


def test_the_command_refuses_such_an_argument_in_one_line(tmp_path):
    import os
    import subprocess
    import sys

    database = tmp_path / "c.db"
    argument = b"A bad \xff claim text here."
    command = [sys.executable, "-m", "cli.main", "--db", f"sqlite:///{database}"]
    result = subprocess.run(
        [*command, "claim", "add", argument],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: the argument"), lines
    assert not database.exists()


@pytest.mark.parametrize("where", ["option", "environment"])
def test_a_user_name_too_long_to_record_names_where_it_came_from(cli, db_url, where):
    from typer.testing import CliRunner

    from cli.main import app

    long = "u" * 250
    if where == "option":
        result = cli("claim", "add", "The bridge will close.", user=long)
        named = "--as"
    else:
        argv = ["--db", db_url, "claim", "add", "The bridge will close."]
        result = CliRunner().invoke(app, argv, env={"CLAIMS_USER": long})
        named = "$CLAIMS_USER"
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == (
        f"Error: {named} is 250 characters long; a name the audit log records is at most 200."
    )
