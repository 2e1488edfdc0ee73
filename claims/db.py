"""Engines and sessions: SQLite tuned for a shared file, PostgreSQL through psycopg 3.

Callers own transactions: ``with open_session(url) as session`` commits when
the block ends and rolls everything back when it raises, so a command that
fails half-way leaves the database as it found it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from claims.errors import DatabaseError
from claims.settings import display_url, sqlite_path

SQLITE_BUSY_TIMEOUT_MS = 10_000


def make_engine(
    url: str, *, readonly: bool = False, immediate: bool = True, foreign_keys: bool = True
) -> Engine:
    """Create an engine with the connection settings every claims connection needs.

    On SQLite, ``immediate`` transactions take the write lock up front (for
    commands that write); readers leave it free, which is what WAL is for.
    ``foreign_keys=False`` is for migrations only.
    """
    if url.startswith("sqlite"):
        return _sqlite_engine(
            url, readonly=readonly, immediate=immediate, foreign_keys=foreign_keys
        )
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (exc.ArgumentError, exc.NoSuchModuleError, ValueError) as error:
        raise DatabaseError(f"Cannot use database URL {display_url(url)}: {error}") from None
    if readonly:
        engine = engine.execution_options(postgresql_readonly=True)
    return engine


def _sqlite_engine(url: str, *, readonly: bool, immediate: bool, foreign_keys: bool) -> Engine:
    path = sqlite_path(url)
    if readonly and path is not None:
        # A read-only *connection*, not a keyword filter: SQLite itself refuses writes.
        engine = create_engine(
            "sqlite://",
            creator=lambda: _sqlite_ro_connect(path),
        )
    else:
        engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Take over transaction control from the sqlite3 module so that BEGIN is
        # ours (below): its implicit BEGINs break SAVEPOINT and locking.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        if not foreign_keys:
            # Migrating: batch mode rebuilds a table (copy, drop, rename back), and a
            # modern rename refuses while a view (claim_drift) names the dropped table.
            cursor.execute("PRAGMA legacy_alter_table=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if not readonly and path is not None:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        # IMMEDIATE takes the write lock up front, so two writers queue on the
        # busy timeout instead of one failing with "database is locked" mid-way.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate and not readonly else "BEGIN")

    return engine


def _sqlite_ro_connect(path):
    import sqlite3
    from urllib.request import pathname2url

    # Quoted, so a '#' or '?' in the file name cannot cut the URI (and drop mode=ro).
    uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def readonly_engine(url: str) -> Engine:
    """An engine whose connections cannot write, for analysts and ``claims sql``."""
    check_sqlite_file(url)
    return make_engine(url, readonly=True)


@contextmanager
def open_session(url: str, *, write: bool = True, check_schema: bool = True) -> Iterator[Session]:
    """One transaction on a claims database, committed on success and rolled back on error.

    The schema is checked first, so a missing, foreign, older or newer database
    gets a sentence saying what to do instead of an SQL error half-way through.
    ``write=False`` is for commands that only read: on SQLite they then do not
    queue behind (or block) writers.
    """
    check_sqlite_file(url)
    engine = make_engine(url, immediate=write)
    try:
        if check_schema:
            from claims.migrations import ensure_current

            ensure_current(engine)
        with Session(engine, expire_on_commit=False) as session, session.begin():
            yield session
    except exc.DBAPIError as error:
        # Unreachable server, a file that is not a database, a constraint a
        # concurrent writer won: one sentence, and the transaction is rolled back.
        raise DatabaseError(describe_operational_error(url, error)) from None
    except StaleDataError:
        raise DatabaseError(
            "Someone else changed the same record meanwhile; nothing was saved: "
            "look at it again and retry."
        ) from None
    finally:
        engine.dispose()


def check_sqlite_file(url: str, *, must_exist: bool = True) -> None:
    """Refuse a SQLite path that is a folder, or that does not exist (rather than create it)."""
    path = sqlite_path(url)
    if path is None:
        return
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file: point --db at a file.")
    if must_exist and not path.exists():
        raise DatabaseError(f"No claims database at {path}: run `claims init` first.")


def describe_operational_error(url: str, error: Exception) -> str:
    """One line for a driver error, wrapped by SQLAlchemy (``.orig``) or raw."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    first_line = lines[0] if lines else type(original).__name__
    return f"Database error on {display_url(url)}: {first_line}"
