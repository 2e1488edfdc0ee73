"""``claims db grant-readonly``: memberships reachable only by SET ROLE, and login roles.

Roles are cluster-wide, so every test role has a unique name and is dropped with
whatever it was granted, whatever the test's outcome (as in test_roles.py).
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from tests.test_roles import drop_roles, role_name


@pytest.fixture
def make_role(pg_url):
    """``make_role("NOLOGIN NOINHERIT")`` creates a uniquely named role; all dropped after."""
    made: list[str] = []
    engine = create_engine(pg_url)

    def make(attributes: str = "NOLOGIN") -> str:
        name = role_name()
        made.append(name)
        with engine.begin() as connection:
            connection.execute(text(f'CREATE ROLE "{name}" {attributes}'))
        return name

    yield make
    engine.dispose()
    drop_roles(pg_url, list(reversed(made)))


def execute(url: str, *statements: str):
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def role_state(url: str, role: str):
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                text(
                    "SELECT r.rolcanlogin, has_table_privilege(r.oid, 'claims', 'SELECT'), "
                    "(SELECT count(*) FROM pg_db_role_setting s WHERE s.setrole = r.oid) "
                    "FROM pg_roles r WHERE r.rolname = :r"
                ),
                {"r": role},
            ).one()
    finally:
        engine.dispose()


def writer(url: str, make_role) -> str:
    """A role that may write to every claims table: what the brief's `w` is."""
    name = make_role("NOLOGIN")
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            schema = connection.execute(text("SELECT current_schema()")).scalar()
            connection.execute(
                text(
                    f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" '
                    f'TO "{name}"'
                )
            )
            connection.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO "{name}"'))
    finally:
        engine.dispose()
    return name


@pytest.mark.parametrize("depth", [1, 2], ids=["direct", "through-another-role"])
def test_member_of_a_writer_by_set_role_only_is_refused(cli, failing, pg_url, make_role, depth):
    w = writer(pg_url, make_role)
    r2 = make_role("NOLOGIN NOINHERIT")
    member_of = w if depth == 1 else make_role("NOLOGIN NOINHERIT")
    if depth == 2:
        execute(pg_url, f'GRANT "{w}" TO "{member_of}"')
    execute(pg_url, f'GRANT "{member_of}" TO "{r2}"')
    message = failing("db", "grant-readonly", r2, match=w)
    assert "SET ROLE" in message and "REVOKE" in message
    # Nothing was changed: no reading rights, no read-only setting on the role.
    assert role_state(pg_url, r2) == (False, False, 0)
    # Once the way to the writer is gone, a harmless membership does not stand in the way.
    execute(
        pg_url, f'REVOKE "{w}" FROM "{member_of}"' if depth == 2 else f'REVOKE "{w}" FROM "{r2}"'
    )
    harmless = make_role("NOLOGIN")
    execute(pg_url, f'GRANT "{harmless}" TO "{r2}"')
    result = cli("db", "grant-readonly", r2)
    assert result.exit_code == 0, result.output
    assert role_state(pg_url, r2) == (False, True, 1)


def test_member_of_a_superuser_is_refused(failing, pg_url, make_role):
    r2 = make_role("NOLOGIN NOINHERIT")
    execute(pg_url, f'GRANT postgres TO "{r2}"')
    failing("db", "grant-readonly", r2, match="superuser")


def test_an_existing_login_role_is_not_made_nologin(cli, failing, pg_url, make_role, monkeypatch):
    bob = make_role("LOGIN")
    message = failing("db", "grant-readonly", bob, match="can log in")
    assert f"TO {bob}" in message and "--login" in message
    assert role_state(pg_url, bob) == (True, False, 0)
    # Asked for explicitly, bob stays a login and becomes read-only.
    monkeypatch.setenv("CLAIMS_ROLE_PASSWORD", "s3cret")
    result = cli("db", "grant-readonly", bob, "--login")
    assert result.exit_code == 0, result.output
    assert role_state(pg_url, bob) == (True, True, 1)
