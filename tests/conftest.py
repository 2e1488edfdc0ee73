"""Fixtures: every database test runs on SQLite and, when a server is given, on PostgreSQL.

Each test gets a fresh database migrated by Alembic (never ``create_all``):
SQLite copies a template file migrated once per run; PostgreSQL uses one schema
per run, migrated once, truncated after each test, and dropped at the end.
Set ``CLAIMS_TEST_POSTGRES_URL`` (``.ci/run`` does) to include PostgreSQL.
"""

from __future__ import annotations

import functools
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from claims import migrations
from claims.db import open_session
from claims.settings import normalise_url

PG_ENV = "CLAIMS_TEST_POSTGRES_URL"
REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
INQUIRER = SEEDS / "001_4ace570aaee01746.txt"
UNN = SEEDS / "000_6bdb5bb77a70b2ef.txt"


def pg_base_url() -> str | None:
    raw = os.environ.get(PG_ENV)
    return normalise_url(raw) if raw else None


def with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "claims.db"
    migrations.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str | None]:
    base = pg_base_url()
    if base is None:
        yield None
        return
    schema = f"claims_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = with_search_path(base, schema)
    try:
        migrations.upgrade(url)
        yield url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _truncate_all(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            tables = [
                t for t in inspect(connection).get_table_names() if t != "claims_schema_version"
            ]
            if tables:
                names = ", ".join(f'"{t}"' for t in tables)
                connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> Iterator[str]:
    """A fresh, migrated, empty claims database URL on each backend."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "claims.db"
        shutil.copy(template, path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("pg_schema_url")
    if url is None:
        pytest.skip(f"PostgreSQL tests skipped: set {PG_ENV} to a server URL to run them")
    try:
        yield url
    finally:
        _truncate_all(url)


@pytest.fixture
def session(db_url):
    """A session in one transaction, committed at the end of the test."""
    with open_session(db_url) as s:
        yield s


def table_rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every claims table, to compare a database before and after a command."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            names = sorted(inspect(connection).get_table_names())
            return {
                name: sorted(
                    (
                        tuple(str(v) for v in row)
                        for row in connection.execute(text(f'SELECT * FROM "{name}"'))
                    ),
                )
                for name in names
            }
    finally:
        engine.dispose()


@pytest.fixture
def snapshot(db_url) -> Callable[[], dict[str, list[tuple]]]:
    return lambda: table_rows(db_url)


def _build_command_once() -> None:
    """Typer rebuilds the click command tree on every ``CliRunner.invoke``, which costs
    more than most commands under test; build it once per run instead."""
    import typer.testing

    if hasattr(typer.testing, "_get_command"):
        typer.testing._get_command = functools.cache(typer.testing._get_command)


_build_command_once()


class Cli:
    """Runs the ``claims`` command in-process against the test database."""

    def __init__(self, url: str):
        self.url = url
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, user: str = "tester"):
        from cli.main import app

        argv = ["--db", self.url, "--as", user, *map(str, args)]
        return self.runner.invoke(app, argv, input=input)


@pytest.fixture
def cli(db_url) -> Cli:
    return Cli(db_url)


@pytest.fixture
def failing(cli, snapshot):
    """Run a command that must fail cleanly: exit 1, one-line message, database unchanged."""

    def run(*args: str, input: str | None = None, match: str | None = None):
        before = snapshot()
        result = cli(*args, input=input)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        message = result.stderr.strip()
        assert message.startswith("Error: "), result.output
        assert len(message.splitlines()) == 1, message
        if match is not None:
            assert match.lower() in message.lower(), message
        assert snapshot() == before, "the failed command changed the database"
        return message

    return run


@pytest.fixture
def pg_url(db_url):
    """The test's PostgreSQL database, for what only PostgreSQL has (roles)."""
    if not db_url.startswith("postgresql"):
        pytest.skip("roles are a PostgreSQL feature")
    return db_url
