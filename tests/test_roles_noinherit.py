"""``claims sql --role`` for a login that does not inherit the role's rights (NOINHERIT): all
it reads, the schema check and a named query's look-ups included, it reads as the role."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Cli
from tests.test_grant_readonly_rights import as_login
from tests.test_roles_membership import execute, made_roles


@pytest.fixture
def make_role(pg_url):
    with made_roles(pg_url) as make:
        yield make


@pytest.fixture
def noinherit(cli, pg_url, make_role):
    """A NOINHERIT login, member of a read-only role; it may read nothing as itself."""
    for args in (["source", "add", "Wire Agency", "--kind", "news_agency"], ["claim", "add", "X."]):
        assert cli(*args).exit_code == 0
    reader = make_role("NOLOGIN")
    assert cli("db", "grant-readonly", reader).exit_code == 0
    login = make_role("LOGIN NOINHERIT")
    execute(pg_url, f'GRANT "{reader}" TO "{login}"')
    return Cli(as_login(pg_url, login)), login, reader


def test_sql_as_the_role(noinherit):
    cli, login, reader = noinherit
    result = cli("sql", "SELECT current_user AS who, count(*) AS n FROM claims", "--role", reader)
    assert result.exit_code == 0, result.output
    assert json.loads(
        cli("sql", "SELECT current_user AS who", "--role", reader, "-f", "json").stdout
    ) == [{"who": reader}]


def test_a_named_query_looks_its_source_up_as_the_role(noinherit):
    cli, login, reader = noinherit
    result = cli("sql", "-q", "chains-through", "-p", "source=Wire Agency", "--role", reader)
    assert result.exit_code == 0, result.output
    result = cli("sql", "-q", "chains-through", "-p", "source=Nobody", "--role", reader)
    assert result.exit_code == 1 and "Unknown source 'Nobody'" in result.stderr, result.output


def test_the_role_is_no_wall_and_the_help_says_so(noinherit):
    """A statement can hand the connection back to the login; only the login confines it."""
    cli, login, reader = noinherit
    result = cli(
        "sql",
        "SELECT set_config('role', 'none', true) AS r, current_user AS who",
        "--role",
        reader,
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["who"] == login
    help_text = " ".join(cli("sql", "--help").stdout.split())
    assert "a statement can undo it" in help_text
    assert "is what confines an analyst" not in help_text
