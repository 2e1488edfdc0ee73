"""``claims db grant-readonly``: a PostgreSQL role that reads everything and writes nothing.

Roles are cluster-wide, so every test role has a unique name and is dropped with
whatever it was granted, whatever the test's outcome.
"""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import create_engine, exc, text


def role_name() -> str:
    return f"claims_test_ro_{uuid.uuid4().hex[:10]}"


def drop_roles(url: str, names: list[str]) -> None:
    """Drop the test's roles that exist, with whatever they were granted or own."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for name in names:
                exists = connection.execute(
                    text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}
                ).first()
                if exists:
                    connection.execute(text(f'DROP OWNED BY "{name}"'))
                    connection.execute(text(f'DROP ROLE "{name}"'))
    finally:
        engine.dispose()


@pytest.fixture
def role(pg_url):
    name = role_name()
    yield name
    drop_roles(pg_url, [name])


def as_role(url: str, role: str, statement: str):
    """Run one statement as ``role`` (SET ROLE) and return its rows; always rolled back."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            with connection.begin():
                connection.execute(text(f'SET LOCAL ROLE "{role}"'))
                result = connection.execute(text(statement))
                return result.all() if result.returns_rows else None
    finally:
        engine.dispose()


def grant(cli, role, *extra):
    result = cli("db", "grant-readonly", role, *extra)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def data(cli):
    for args in (["source", "add", "Daily Planet", "--kind", "outlet"], ["claim", "add", "X."]):
        assert cli(*args).exit_code == 0


WRITES = [
    "INSERT INTO claims (text, key, status, created_by, created_at, updated_at, version) "
    "VALUES ('y', 'k', 'draft', 'me', now(), now(), 1)",
    "UPDATE claims SET text = 'changed'",
    "DELETE FROM claims",
    "TRUNCATE audit_log",
    "CREATE TABLE scratch (x integer)",
]


def test_role_reads_every_table_and_writes_nothing(cli, data, pg_url, role):
    result = grant(cli, role)
    assert "created" in result.stderr
    assert as_role(pg_url, role, "SELECT text FROM claims") == [("X.",)]
    tables = as_role(
        pg_url,
        role,
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
    )
    for (table,) in tables:
        as_role(pg_url, role, f'SELECT count(*) FROM "{table}"')
    for statement in WRITES:
        with pytest.raises(exc.ProgrammingError) as raised:
            as_role(pg_url, role, statement)
        assert isinstance(raised.value.orig, psycopg.errors.InsufficientPrivilege), statement
    assert as_role(pg_url, role, "SELECT count(*) FROM claims") == [(1,)]


def test_role_sessions_default_to_read_only(cli, pg_url, role):
    grant(cli, role)
    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection:
            setting = connection.execute(
                text(
                    "SELECT unnest(setconfig) FROM pg_db_role_setting s "
                    "JOIN pg_roles r ON r.oid = s.setrole WHERE r.rolname = :r"
                ),
                {"r": role},
            ).scalars()
            assert "default_transaction_read_only=on" in list(setting)
    finally:
        engine.dispose()


def test_grant_is_idempotent_and_takes_back_write_rights(cli, data, pg_url, role):
    grant(cli, role)
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(f'GRANT INSERT, UPDATE, DELETE ON claims TO "{role}"'))
    finally:
        engine.dispose()
    as_role(pg_url, role, "UPDATE claims SET notes = 'written by the role'")  # it could write
    result = grant(cli, role)
    assert "updated" in result.stderr
    with pytest.raises(exc.ProgrammingError):
        as_role(pg_url, role, "UPDATE claims SET notes = 'again'")
    assert as_role(pg_url, role, "SELECT count(*) FROM claims") == [(1,)]


def test_tables_created_later_are_readable(cli, pg_url, role):
    grant(cli, role)
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE later_table (x integer)"))
            connection.execute(text("CREATE VIEW later_view AS SELECT 1 AS one"))
        assert as_role(pg_url, role, "SELECT * FROM later_view") == [(1,)]
        assert as_role(pg_url, role, "SELECT count(*) FROM later_table") == [(0,)]
        with pytest.raises(exc.ProgrammingError):
            as_role(pg_url, role, "INSERT INTO later_table VALUES (1)")
    finally:
        with engine.begin() as connection:
            connection.execute(text("DROP VIEW IF EXISTS later_view"))
            connection.execute(text("DROP TABLE IF EXISTS later_table"))
        engine.dispose()


def test_login_role_then_back_to_nologin(cli, pg_url, role, monkeypatch):
    monkeypatch.setenv("CLAIMS_ROLE_PASSWORD", "s3cret'%;")
    grant(cli, role, "--login")

    def can_login():
        engine = create_engine(pg_url)
        try:
            with engine.connect() as connection:
                return connection.execute(
                    text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": role}
                ).scalar()
        finally:
            engine.dispose()

    assert can_login() is True
    monkeypatch.delenv("CLAIMS_ROLE_PASSWORD")
    grant(cli, role)
    assert can_login() is False


@pytest.mark.parametrize("password", ["", "   "])
def test_an_empty_password_is_refused_and_no_role_made(failing, pg_url, role, password):
    failing("db", "grant-readonly", role, "--login", "--password", password, match="empty")
    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection:
            assert (
                connection.execute(
                    text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": role}
                ).scalar()
                == 0
            )
    finally:
        engine.dispose()


def test_claims_sql_runs_as_the_role(cli, data, pg_url, role):
    grant(cli, role)
    result = cli("sql", "SELECT current_user AS who, count(*) AS n FROM claims", "--role", role)
    assert result.exit_code == 0, result.output
    assert role in result.stdout
    result = cli("sql", "--query", "carriers-of", "--param", "claim=1", "--role", role)
    assert result.exit_code == 0, result.output


def test_claims_sql_role_without_reading_rights(cli, failing, data, pg_url, role):
    grant(cli, role)
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(f'REVOKE SELECT ON claims FROM "{role}"'))
    finally:
        engine.dispose()
    failing("sql", "SELECT * FROM claims", "--role", role, match="grant-readonly")


@pytest.mark.parametrize(("name", "hint"), [("claims_no_such_reader", True), ("Bad-Name", False)])
def test_a_role_that_does_not_exist_is_named_with_how_to_make_it_if_it_can_be(
    failing, data, pg_url, name, hint
):
    message = failing("sql", "SELECT 1", "--role", name, match="Cannot act as role")
    assert ("grant-readonly" in message) is hint, message


@pytest.mark.parametrize(
    "name,match", [("postgres", "superuser"), ("bad name", "not a usable role name")]
)
def test_refused_roles(failing, pg_url, name, match):
    failing("db", "grant-readonly", name, match=match)


def test_grant_readonly_on_sqlite_is_refused(failing, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite only")
    failing("db", "grant-readonly", "claims_reader", match="PostgreSQL")


def test_analysts_connect_as_the_role_through_the_url(cli, data, pg_url, role):
    """What the README tells analysts: options=-crole=ROLE in the URL, then pandas."""
    import pandas as pd

    import claims

    grant(cli, role)
    url = pg_url.replace("options=", f"options=-crole%3D{role}%20", 1)
    engine = claims.connect(url)
    try:
        frame = pd.read_sql("SELECT current_user AS who, count(*) AS n FROM claims", engine)
        assert (frame["who"].iloc[0], int(frame["n"].iloc[0])) == (role, 1)
        with pytest.raises(exc.DBAPIError):
            with engine.begin() as connection:
                connection.execute(text("DELETE FROM claims"))
    finally:
        engine.dispose()


def test_other_roles_cannot_attach_the_drift_trigger_functions(cli, pg_url, role):
    """The drift triggers' functions run as their owner: a role able to attach one to a table
    of its own could run its own code with the owner's rights through it."""
    grant(cli, role)
    engine = create_engine(pg_url)
    own = f"{role}_own"
    try:
        with engine.begin() as connection:
            schema = connection.execute(text("SELECT current_schema()")).scalar()
            connection.execute(text(f'CREATE SCHEMA "{own}" AUTHORIZATION "{role}"'))
        with engine.connect() as connection:
            connection.execute(text(f'SET ROLE "{role}"'))
            connection.execute(text("SET default_transaction_read_only = off"))
            connection.execute(text(f'CREATE TABLE "{own}".appearances (id integer)'))
            for function in ("appearances_drift_delete", "claims_drift_truncate"):
                with pytest.raises(exc.ProgrammingError, match="permission denied"):
                    with connection.begin_nested():
                        connection.execute(
                            text(
                                f'CREATE TRIGGER t AFTER DELETE ON "{own}".appearances '
                                f'FOR EACH ROW EXECUTE FUNCTION "{schema}".{function}()'
                            )
                        )
            connection.rollback()
    finally:
        engine.dispose()


def test_the_drift_triggers_still_fire_for_other_writers(cli, pg_url, role):
    """Revoking the functions from PUBLIC leaves this schema's own triggers working for a
    role that may delete appearances but is granted nothing on drift_findings."""
    assert cli("seed").exit_code == 0
    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE ROLE "{role}" NOLOGIN'))
            schema = connection.execute(text("SELECT current_schema()")).scalar()
            connection.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"'))
            connection.execute(text(f'GRANT SELECT, DELETE ON appearances, chain_hops TO "{role}"'))
            appearance = connection.execute(
                text("SELECT from_appearance_id FROM drift_findings LIMIT 1")
            ).scalar()
            assert appearance is not None
        with engine.begin() as connection:
            connection.execute(text(f'SET LOCAL ROLE "{role}"'))
            connection.execute(
                text("DELETE FROM chain_hops WHERE appearance_id = :a"), {"a": appearance}
            )
            connection.execute(text("DELETE FROM appearances WHERE id = :a"), {"a": appearance})
        with engine.connect() as connection:
            left = connection.execute(
                text(
                    "SELECT count(*) FROM drift_findings "
                    "WHERE from_appearance_id = :a OR to_appearance_id = :a"
                ),
                {"a": appearance},
            ).scalar()
        assert left == 0
    finally:
        engine.dispose()
