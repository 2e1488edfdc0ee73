"""``claims db grant-readonly`` run without the rights it needs, and role names that SQL must
quote. Roles are cluster-wide: each test role is unique and dropped (test_roles.py)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import Cli
from tests.test_roles import drop_roles, role_name
from tests.test_roles_membership import execute, made_roles, schema_of


def as_login(url: str, login: str) -> str:
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def role_exists(url: str, name: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            found = connection.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}
            ).first()
            return found is not None
    finally:
        engine.dispose()


@pytest.fixture
def make_role(pg_url):
    with made_roles(pg_url) as make:
        yield make


@pytest.fixture
def new_role(pg_url):
    name = role_name()
    yield name
    drop_roles(pg_url, [name])


@pytest.mark.parametrize(
    ("attributes", "denied"),
    [("LOGIN", "permission denied to create role"), ("LOGIN CREATEROLE", "permission denied")],
    ids=["no-createrole", "not-the-owner"],
)
def test_without_the_rights_it_says_so_in_one_line(pg_url, make_role, new_role, attributes, denied):
    login = make_role(attributes)
    schema = schema_of(pg_url)
    # Enough to find the claims schema, not enough to grant on it.
    execute(
        pg_url,
        f'GRANT USAGE ON SCHEMA "{schema}" TO "{login}"',
        f'GRANT SELECT ON claims_schema_version TO "{login}"',
    )
    result = Cli(as_login(pg_url, login))("db", "grant-readonly", new_role)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and message.startswith("Error: "), message
    assert denied in message and "owner" in message and "CREATEROLE" in message, message
    assert not role_exists(pg_url, new_role)


def test_a_name_with_capitals_is_quoted_in_the_hint(cli, pg_url, make_role):
    name = "Claims_Test_" + role_name()[-10:]
    analyst = make_role("LOGIN")
    try:
        result = cli("db", "grant-readonly", name)
        assert result.exit_code == 0, result.output
        hint = re.search(r"GRANT (.+) TO alice;", result.stderr)
        assert hint is not None and hint.group(1) == f'"{name}"', result.stderr
        execute(pg_url, f'GRANT {hint.group(1)} TO "{analyst}"')  # the hint works as printed
    finally:
        drop_roles(pg_url, [name])


def test_a_lower_case_name_is_printed_as_it_is(cli, new_role):
    result = cli("db", "grant-readonly", new_role)
    assert result.exit_code == 0, result.output
    assert f"GRANT {new_role} TO alice;" in result.stderr
