"""``claims db grant-readonly``: memberships reachable only by SET ROLE, and login roles.

Roles are cluster-wide, so every test role has a unique name and is dropped with
whatever it was granted, whatever the test's outcome (as in test_roles.py).
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from tests.test_roles import drop_roles, role_name


@contextmanager
def made_roles(url: str):
    """``make("NOLOGIN NOINHERIT")`` creates a uniquely named role; all dropped after."""
    made: list[str] = []
    engine = create_engine(url)

    def make(attributes: str = "NOLOGIN") -> str:
        name = role_name()
        made.append(name)
        with engine.begin() as connection:
            connection.execute(text(f'CREATE ROLE "{name}" {attributes}'))
        return name

    try:
        yield make
    finally:
        engine.dispose()
        drop_roles(url, list(reversed(made)))


@pytest.fixture
def make_role(pg_url):
    with made_roles(pg_url) as make:
        yield make


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


def schema_of(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT current_schema()")).scalar()
    finally:
        engine.dispose()


def test_member_of_a_role_that_may_update_some_columns_is_refused(cli, failing, pg_url, make_role):
    w = make_role("NOLOGIN")
    schema = schema_of(pg_url)
    execute(
        pg_url,
        f'GRANT USAGE ON SCHEMA "{schema}" TO "{w}"',
        f'GRANT SELECT (id), UPDATE (notes, status) ON claims TO "{w}"',
    )
    reader = make_role("NOLOGIN")
    execute(pg_url, f'GRANT "{w}" TO "{reader}"')
    message = failing("db", "grant-readonly", reader, match=f"member of {w}, which may write")
    assert "claims" in message, message
    assert role_state(pg_url, reader) == (False, False, 0)


@pytest.mark.parametrize(
    ("predefined", "match"),
    [
        ("pg_write_server_files", "write files on the server"),
        ("pg_execute_server_program", "run programs on the server"),
        ("pg_write_all_data", "may write to"),
    ],
)
def test_member_of_a_predefined_role_that_writes_is_refused(
    failing, pg_url, make_role, predefined, match
):
    reader = make_role("NOLOGIN")
    execute(pg_url, f'GRANT {predefined} TO "{reader}"')
    message = failing("db", "grant-readonly", reader, match=f"member of {predefined}")
    assert match in message, message


def test_member_of_a_role_that_creates_roles_is_refused(failing, pg_url, make_role):
    creator = make_role("NOLOGIN CREATEROLE")
    reader = make_role("NOLOGIN")
    execute(pg_url, f'GRANT "{creator}" TO "{reader}"')
    failing("db", "grant-readonly", reader, match="CREATEROLE")


def test_a_function_that_runs_as_its_owner_is_a_way_to_write(failing, pg_url, make_role):
    reader = make_role("NOLOGIN")
    try:
        execute(
            pg_url,
            "CREATE FUNCTION claims_test_note(t text) RETURNS void LANGUAGE sql "
            "SECURITY DEFINER AS $$ UPDATE claims SET notes = t $$",
        )
        message = failing("db", "grant-readonly", reader, match="could still write")
        assert "claims_test_note(text)" in message, message
    finally:
        execute(pg_url, "DROP FUNCTION IF EXISTS claims_test_note(text)")
