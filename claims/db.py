"""Engines and sessions: SQLite tuned for a shared file, PostgreSQL through psycopg 3.

Callers own transactions: ``with open_session(url) as session`` commits when
the block ends and rolls everything back when it raises, so a command that
fails half-way leaves the database as it found it.
"""

from __future__ import annotations

import json
import os
import re
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import JSON, Connection, Engine, Table, create_engine, event, exc
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from claims.errors import DatabaseError
from claims.settings import display_url, sqlite_path

SQLITE_BUSY_TIMEOUT_MS = 10_000
T = TypeVar("T")
_checked_engines: weakref.WeakSet[Engine] = weakref.WeakSet()


def make_engine(
    url: str,
    *,
    readonly: bool = False,
    immediate: bool = True,
    foreign_keys: bool = True,
    bulk: bool = False,
) -> Engine:
    """Create an engine with the connection settings every claims connection needs.

    On SQLite, ``immediate`` transactions take the write lock up front (for
    commands that write); readers leave it free, which is what WAL is for.
    ``foreign_keys=False`` is for migrations only. ``bulk``, for a bulk import's
    look-ups on PostgreSQL: values written into the statements (``_bulk_arguments``).
    """
    if url.startswith("sqlite"):
        return _sqlite_engine(
            url, readonly=readonly, immediate=immediate, foreign_keys=foreign_keys
        )
    try:
        arguments = _bulk_arguments(url) if bulk else {}
        engine = create_engine(url, pool_pre_ping=True, connect_args=arguments)
    except (exc.NoSuchModuleError, ImportError):
        # A scheme SQLAlchemy does not know (ftp://), or one whose driver is not
        # installed (mysql://): either way, not a database claims works with.
        raise DatabaseError(
            f"Cannot use database URL {display_url(url)}: claims works with SQLite "
            "(sqlite:///file.db, or a file path) and PostgreSQL (postgresql://...)."
        ) from None
    except exc.ArgumentError as error:
        raise DatabaseError(f"Cannot use database URL {display_url(url)}: {error}") from None
    except ValueError:  # a port that is not a number, "postgresql://:::"
        raise DatabaseError(
            f"Cannot use database URL {display_url(url)}: it is malformed; write it as "
            "postgresql://user@host:port/database (the port a number), or give a file path."
        ) from None
    if bulk and engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _serial_plans)
    if readonly:
        engine = engine.execution_options(postgresql_readonly=True)
    return engine


def _bulk_arguments(url: str) -> dict:
    """psycopg's cursors send the values apart from the statement, and prepare a
    statement run five times. Both hurt the look-ups by key a bulk import makes a batch at
    a time (``key IN (...)`` with hundreds of keys): the server cannot hash a list of
    parameters, so a sequential scan compares every row with every key, and a prepared
    statement keeps the plan made when its table was nearly empty. A client-side cursor
    writes the values into the statement, as psycopg2 does: the list is a constant, and
    the statement is planned afresh each time. Only for the importer's own statements:
    elsewhere (``claims sql``) values stay apart from the statement."""
    from sqlalchemy.engine import make_url

    if make_url(url).get_driver_name() != "psycopg":
        return {}
    from psycopg import ClientCursor

    return {"cursor_factory": ClientCursor}


def _serial_plans(dbapi_connection, _record) -> None:
    """No parallel workers for a bulk import's statements: each is a look-up of a batch of
    keys, done in a tenth of a second, for which the server started two worker processes
    (tripling its CPU time for the statement) while the import's own processes already
    kept every core busy."""
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")
    dbapi_connection.commit()


# What the sqlite3 driver takes from a URL's query; anything else counts only in a file: URI.
_SQLITE_OPTIONS = {
    "timeout", "check_same_thread", "cached_statements", "isolation_level", "detect_types", "uri",
}  # fmt: skip


def _sqlite_engine(url: str, *, readonly: bool, immediate: bool, foreign_keys: bool) -> Engine:
    path = sqlite_path(url)
    _refuse_ignored_options(url)
    try:
        if readonly and path is not None:
            # A read-only *connection*, not a keyword filter: SQLite itself refuses writes.
            # The file's URL, not "sqlite://": messages name the engine's URL.
            engine = create_engine(url, creator=lambda: _sqlite_ro_connect(path))
        else:
            engine = create_engine(url)
    except (ValueError, exc.ArgumentError) as error:  # "?timeout=abc"
        raise DatabaseError(
            f"Cannot use database URL {display_url(url)}: {error}; a SQLite URL is "
            "sqlite:///file.db (options: ?timeout=SECONDS), or give a file path."
        ) from None

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
        if not readonly and path is not None and not _foreign(cursor):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        # IMMEDIATE takes the write lock up front, so two writers queue on the
        # busy timeout instead of one failing with "database is locked" mid-way.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate and not readonly else "BEGIN")

    return engine


def _refuse_ignored_options(url: str) -> None:
    """A URL option the driver would ignore (with a warning) is refused: "?mode=ro" reads as
    a promise not to write that nothing would keep."""
    from sqlalchemy.engine import make_url

    try:
        query = make_url(url).query
    except exc.ArgumentError:
        return  # said where the engine is made
    if str(query.get("uri", "")).lower() in ("true", "1"):
        return
    ignored = sorted(set(query) - _SQLITE_OPTIONS)
    if ignored:
        raise DatabaseError(
            f"Cannot use database URL {display_url(url)}: SQLite takes "
            f"{', '.join(map(repr, ignored))} only in a file: URI "
            "(sqlite:///file:claims.db?mode=ro&uri=true); the options it takes otherwise are "
            f"{', '.join(sorted(_SQLITE_OPTIONS))}."
        )


def _foreign(cursor) -> bool:
    """Whether the file holds another program's tables and none of ours: left as it is
    (journal mode included, which persists in the file) until claims refuses it."""
    tables, ours = cursor.execute(
        "SELECT count(*), coalesce(sum(name = ?), 0) FROM sqlite_master WHERE type = 'table'",
        (_VERSION_TABLE,),
    ).fetchone()
    return bool(tables) and not ours


_VERSION_TABLE = "claims_schema_version"  # claims.migrations.VERSION_TABLE, without Alembic


def _sqlite_ro_connect(path):
    import sqlite3
    from urllib.request import pathname2url

    # Quoted, so a '#' or '?' in the file name cannot cut the URI (and drop mode=ro).
    uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        # A database in WAL mode needs its -shm file to be read: in a folder this user may
        # not write (a shared, read-only copy) it cannot be made. Such a copy is read as
        # immutable (no locks, no -shm), unless commits wait beside it in a log, which
        # that read would not see; a writer changing it meanwhile is not supported.
        connection.close()
        if "readonly" not in str(error) and "unable to open" not in str(error):
            raise
        if os.access(path.parent, os.W_OK) or _unfinished(path):
            raise
        connection = sqlite3.connect(f"{uri}&immutable=1", uri=True, check_same_thread=False)
    return connection


def _unfinished(path) -> bool:
    """Whether commits wait beside the file, in a write-ahead log or a rollback journal:
    read as immutable, the file alone would show the database without them."""
    for suffix in ("-wal", "-journal"):
        beside = path.with_name(path.name + suffix)
        if beside.exists() and beside.stat().st_size > 0:
            return True
    return False


def readonly_engine(url: str) -> Engine:
    """An engine whose connections cannot write, for analysts and ``claims sql``."""
    check_sqlite_file(url)
    return make_engine(url, readonly=True)


def locked(session: Session, model, row_id: int, *, key_share: bool = False):
    """The row of ``model`` with this id, locked for the transaction and read as committed
    now (not as the session last saw it), or None if it is gone.

    For a decision that must see another user's: their transaction is waited for, then its
    outcome read. ``key_share``: ``FOR NO KEY UPDATE``, which leaves the key checks of rows
    referring to it (``FOR KEY SHARE``) free; otherwise ``FOR UPDATE``. SQLite's writer
    holds the whole database already, and ignores the lock.
    """
    from sqlalchemy import select

    return session.scalar(
        select(model)
        .where(model.id == row_id)
        .with_for_update(key_share=key_share)
        .execution_options(populate_existing=True)
    )


@contextmanager
def open_session(
    url: str, *, write: bool = True, check_schema: bool = True, engine: Engine | None = None
) -> Iterator[Session]:
    """One transaction on a claims database, committed on success and rolled back on error.

    The schema is checked first, so a missing, foreign, older or newer database
    gets a sentence saying what to do instead of an SQL error half-way through.
    ``write=False`` is for commands that only read: on SQLite they then do not
    queue behind (or block) writers. A program that opens many sessions passes
    its own ``engine`` (from ``make_engine``) to keep its pool and its cache of
    compiled statements; ``write`` is then the engine's business.
    """
    own_engine = engine is None
    if own_engine:
        check_sqlite_file(url)
        engine = make_engine(url, immediate=write)
    try:
        if check_schema and engine not in _checked_engines:
            from claims.migrations import ensure_current

            ensure_current(engine)
            if not own_engine:
                # A long-running program's engine is checked once, not per transaction.
                _checked_engines.add(engine)
        with Session(engine, expire_on_commit=False) as session, session.begin():
            yield session
    except exc.DBAPIError as error:
        # Unreachable server, a file that is not a database, a constraint a
        # concurrent writer won: one sentence, and the transaction is rolled back.
        # Contention is marked so that run_unit can try the whole unit again.
        from claims.retry import BUSY_MESSAGE, Contention, contention_kind

        message = describe_operational_error(url, error)
        kind = contention_kind(error)
        if kind == "busy":
            message = BUSY_MESSAGE
        if kind is not None:
            raise Contention(message, kind) from None
        raise DatabaseError(message) from None
    except StaleDataError:
        raise DatabaseError(
            "Someone else changed the same record meanwhile; nothing was saved: "
            "look at it again and retry."
        ) from None
    except OverflowError as error:
        # sqlite3 refuses a Python int beyond 64 bits before the statement runs: a
        # number someone typed (an id given as '#N'), not a bug of ours.
        if "SQLite INTEGER" not in str(error):
            raise
        largest = f"{2**63 - 1:,}"
        raise DatabaseError(
            f"Database error on {display_url(url)}: " + _TOO_LARGE.format(largest=largest)
        ) from None
    finally:
        if own_engine:
            engine.dispose()


def run_unit(
    url: str,
    work: Callable[[Session], T],
    *,
    write: bool = True,
    attempts: int | None = None,
    engine: Engine | None = None,
) -> T:
    """Run ``work(session)`` as one transaction, again from the start if it lost a race.

    A writer that waited out the busy timeout on SQLite, a serialization failure or
    deadlock on PostgreSQL, or a unique key another writer took first: the whole unit
    is rolled back and re-run after a growing, jittered pause, so the person sees either
    success or the rule's own message (e.g. "exists already"), never a lock error.
    """
    from claims.retry import retrying

    return retrying(lambda: _once(url, work, write, engine), attempts=attempts)


def _once(url: str, work: Callable[[Session], T], write: bool, engine: Engine | None) -> T:
    with open_session(url, write=write, engine=engine) as session:
        return work(session)


@contextmanager
def database_errors(url: str) -> Iterator[None]:
    """Driver errors outside ``open_session`` (e.g. on a read-only engine) as one line."""
    try:
        yield
    except exc.DBAPIError as error:
        raise DatabaseError(describe_operational_error(url, error)) from None


def check_sqlite_file(url: str, *, must_exist: bool = True) -> None:
    """Refuse a SQLite path that is a folder, or that does not exist (rather than create it)."""
    path = sqlite_path(url)
    if path is None:
        return
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file: point --db at a file.")
    if must_exist and not path.exists():
        raise DatabaseError(f"No claims database at {path}: run `claims init` first.")


_TOO_LARGE = (
    "a number given is larger than the database holds (ids go up to {largest}): "
    "check the ids and numbers given."
)
# What to do about the SQLite errors a wrong --db gives, by the start of the driver's
# message: each says what the file or its folder must be.
_SQLITE_ADVICE = {
    "file is not a database": (
        "it is not a SQLite database: point --db at a claims database (or at a new file "
        "for `claims init`)."
    ),
    "attempt to write a readonly database": (
        "the file or its folder is read-only: claims writes both (the -wal and -shm files "
        "beside the database), so make them writable, or work on a copy."
    ),
    "unable to open database file": (
        "its folder is missing or cannot be read: check --db (or create the folder)."
    ),
}


def describe_operational_error(url: str, error: Exception) -> str:
    """One line for a driver error, wrapped by SQLAlchemy (``.orig``) or raw: what failed
    and, where we can tell, what to do."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    first_line = lines[0] if lines else type(original).__name__
    where = f"Database error on {display_url(url)}: {first_line}"
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate == "3F000":  # invalid_schema_name
        # "no schema has been selected to create in": the URL's search_path names a schema
        # the server does not have.
        return (
            f"{where}: the schema the URL's search_path names does not exist: create it "
            "(CREATE SCHEMA name) or fix the URL."
        )
    if sqlstate == "22003":  # numeric_value_out_of_range: an id beyond an integer column
        return f"{where}: " + _TOO_LARGE.format(largest=f"{2**31 - 1:,}")
    if sqlstate == "23503":  # foreign_key_violation: on READ COMMITTED, another writer's doing
        return f"{where}: {_foreign_key_advice(first_line)}"
    if sqlstate == "42501":  # insufficient_privilege
        return (
            f"{where}: this login lacks the right to do this: ask the owner of the claims "
            "tables (the user who ran `claims init`) to grant it, or connect as a login that "
            "has it."
        )
    if url.startswith("sqlite"):
        for start, advice in _SQLITE_ADVICE.items():
            if first_line.startswith(start):
                return f"{where}: {advice}"
    elif sqlstate is None and "FATAL:" in str(original):
        # The server answered (and refused): its reason is in the line; say what to check.
        refusal = _refused_connection(url, str(original))
        return f"{where}: {refusal}" if refusal else where
    elif sqlstate is None and _unreachable(original):
        return f"{where}: {_server(url)} is not reachable: check that it runs and the URL."
    return where


def _foreign_key_advice(first_line: str) -> str:
    """Services look a row up before they refer to it, and refuse to delete a row still
    referred to: a foreign key failing under them means another writer committed in
    between."""
    if first_line.startswith("update or delete"):
        return (
            "another user made a record refer to it meanwhile; nothing was saved: look "
            "again and retry."
        )
    return (
        "a record it refers to was deleted or merged by another user meanwhile; nothing "
        "was saved: look it up again and retry."
    )


# What to do when the PostgreSQL server answered a connection and refused it, by the words
# of its message (its FATAL line): the server runs, so the URL or the login is at fault.
_REFUSALS = (
    (
        "is not permitted to log in",
        "the role cannot log in (NOLOGIN): connect with a login role, and use a read-only "
        "role through it (`claims sql --role ROLE`, or options=-crole%3DROLE in the URL).",
    ),
    (
        "password authentication failed",
        "the password was refused: check it (in the URL, or in ~/.pgpass).",
    ),
    (
        "no pg_hba.conf entry",
        "the server does not let this user connect from this host: its pg_hba.conf must "
        "allow it (ask the server's administrator).",
    ),
)
_MISSING = re.compile(r'\b(role|database) "([^"]*)" does not exist')


def _refused_connection(url: str, text: str) -> str | None:
    """Advice for a connection the server answered and refused, when its reason is one the
    URL or the login can mend; None for others (the server starting up, too many clients),
    whose own words say it."""
    missing = _MISSING.search(text)
    if missing is not None:
        what, name = missing.groups()
        part = "the user name (before @)" if what == "role" else "the database name (after /)"
        create = "" if what == "role" else f", or create it (createdb {name})"
        return f"{_server(url)} has no {what} {name!r}: check {part} in the URL{create}."
    for words, advice in _REFUSALS:
        if words in text:
            return advice
    return None


def _unreachable(error: Exception) -> bool:
    """Whether psycopg could not reach the server (refused, unknown host, timed out)."""
    text = str(error).lower()
    return any(
        words in text
        for words in ("connection failed", "failed to resolve host", "could not translate host")
    )


def _server(url: str) -> str:
    """The server a PostgreSQL URL names, as host:port, for messages."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:
        return "the server"
    host = parsed.host or parsed.query.get("host") or "localhost"
    return f"the PostgreSQL server at {host}:{parsed.port or 5432}"


def insert_rows(
    connection: Connection,
    table: Table,
    rows: list[dict] | list[tuple],
    columns: Sequence[str] | None = None,
) -> None:
    """Many rows of one table whose ids are given or not needed back, in the connection's
    transaction: ``COPY`` on PostgreSQL, the driver's ``executemany`` elsewhere.

    For bulk writers: thousands of rows cost one round of the driver, not a
    statement (or SQLAlchemy's parameter processing) per row. Every row has the
    keys of the first; or, with ``columns``, every row is a tuple of those columns'
    values, in that order, which spares a writer a dict per row.

    psycopg sends an ``executemany`` as one statement per row; ``COPY`` streams
    them all in one go, inside the same transaction.
    """
    if not rows:
        return
    if columns is None:
        columns = list(rows[0])
        rows = [tuple([row[column] for column in columns]) for row in rows]
    if connection.dialect.name != "postgresql":
        # The driver's own executemany of plain tuples, each value through its column
        # type's bind processor (a time as SQLAlchemy stores it): no statement per row.
        dialect = connection.dialect
        processors = [
            (number, processor)
            for number, column in enumerate(columns)
            if (processor := table.c[column].type.dialect_impl(dialect).bind_processor(dialect))
        ]
        if processors:
            values = [list(row) for row in rows]
            for number, processor in processors:
                for value in values:
                    value[number] = processor(value[number])
            rows = [tuple(value) for value in values]
        marks = ", ".join("?" * len(columns))
        connection.exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows
        )
        return
    # COPY takes a JSON column's value as its text; None stays NULL, as none_as_null.
    documents = [n for n, column in enumerate(columns) if isinstance(table.c[column].type, JSON)]
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            if documents:
                row = list(row)
                for n in documents:
                    if row[n] is not None:
                        row[n] = json.dumps(row[n])
            copy.write_row(row)
    cursor.close()
