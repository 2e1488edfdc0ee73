"""Ad-hoc SQL for analysts: read-only by construction, capped in rows and time.

Read-only is enforced by the database, not by inspecting the SQL. SQLite opens
the file with ``mode=ro`` and ``query_only``, and an authorizer allows only
reading (so ``ATTACH`` or ``VACUUM INTO`` cannot create files). PostgreSQL runs
the statement as ``PREPARE``/``EXECUTE`` in a read-only transaction: only a
query can be prepared (not ``COPY ... TO`` a server file), a prepared statement
cannot carry a second command (so ``COMMIT; DROP ...`` is refused), and the
transaction refuses writes.

Named queries (``claims.named_queries``) ship with claims, so their SQL is trusted
and their parameters are bound by the driver (``run_bound_query``). On PostgreSQL
``role`` runs a statement as a role such as the one ``claims db grant-readonly`` makes.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from claims.errors import DatabaseError, InvalidInput, ReadOnlyViolation

DEFAULT_ROW_LIMIT = 1000
DEFAULT_TIMEOUT_SECONDS = 30.0
MAX_ROW_LIMIT = 1_000_000_000


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool

    def frame(self):
        """The rows as a DataFrame, which keeps the column names even when there are no rows.

        Timestamps become text here, so that a table, CSV and JSON print the same thing
        (see ``timestamp_text``).
        """
        import pandas as pd

        rows = [tuple(_cell(value) for value in row) for row in self.rows]
        frame = pd.DataFrame.from_records(rows, columns=self.columns)
        # pandas makes a column of ids with a NULL among them floats ("50.0"): keep them
        # whole numbers, the NULL as a missing value.
        for number, column in enumerate(self.columns):
            if frame[column].dtype.kind == "f" and all(
                isinstance(row[number], int) or row[number] is None for row in rows
            ):
                frame[column] = frame[column].astype("Int64")
        return frame


def timestamp_text(value: dt.datetime) -> str:
    """A timestamp as ``claims sql`` prints it, in every format: UTC, with microseconds and the
    offset, ``2026-12-05 12:56:18.678704+00:00``; one without a time zone as it is.

    Only PostgreSQL hands back timestamps. SQLite has no such type: its timestamps are the
    text claims stored (``2026-12-05 12:56:18.678704``, UTC without the offset), printed as
    they are, since nothing in a result says which text is a time.
    """
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.isoformat(sep=" ", timespec="microseconds")


def _cell(value: Any) -> Any:
    return timestamp_text(value) if isinstance(value, dt.datetime) else value


MIN_TIMEOUT = 0.001
MAX_TIMEOUT = 86_400


def check_limits(limit: int, timeout: float) -> None:
    if limit < 1:
        raise InvalidInput("--limit must be at least 1.")
    if limit > MAX_ROW_LIMIT:
        # The drivers fetch at most a C int's worth of rows at once; more would not fit
        # in memory anyway.
        raise InvalidInput(
            f"--limit is a number of rows, at most {MAX_ROW_LIMIT:,}: {limit} is more; "
            "for a whole table, use `claims export` or a narrower query."
        )
    # NaN compares false with everything, and less than a millisecond is 0 to PostgreSQL,
    # which means no limit at all: both would lift the limit they seem to set.
    if not MIN_TIMEOUT <= timeout <= MAX_TIMEOUT:
        raise InvalidInput(
            f"--timeout is in seconds, from {MIN_TIMEOUT} to {MAX_TIMEOUT:,} (a day): "
            f"{timeout} is not."
        )


def run_query(
    url: str,
    sql: str,
    *,
    limit: int = DEFAULT_ROW_LIMIT,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    role: str | None = None,
) -> QueryResult:
    """Run one read-only statement and return at most ``limit`` rows.

    ``role`` (PostgreSQL only) runs it as that role, e.g. one made by
    ``claims db grant-readonly``, so the server's grants apply on top.
    """
    if not sql or not sql.strip():
        raise InvalidInput("The SQL is empty: give one SELECT statement.")
    check_limits(limit, timeout)
    return _run(url, sql, None, limit=limit, timeout=timeout, role=role)


def run_bound_query(
    url: str,
    sql: str,
    params: dict[str, Any],
    *,
    limit: int = DEFAULT_ROW_LIMIT,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    role: str | None = None,
) -> QueryResult:
    """Run one of our own read-only statements with ``:name`` parameters bound by the driver.

    For SQL that ships with claims (named queries), not for text an analyst typed:
    on PostgreSQL it is sent with the extended protocol, which binds parameters and
    takes a single statement, inside the same read-only transaction.
    """
    check_limits(limit, timeout)
    return _run(url, sql, params, limit=limit, timeout=timeout, role=role)


def _run(url, sql, params, *, limit, timeout, role) -> QueryResult:
    if role is not None and not role.strip():
        raise InvalidInput("--role is empty: name the role to read as, or leave --role out.")
    from sqlalchemy import exc

    from claims.db import describe_operational_error, readonly_engine

    engine = readonly_engine(url)
    try:
        if role is not None and engine.dialect.name != "postgresql":
            raise InvalidInput(
                "--role works on PostgreSQL only: SQLite has no roles (its file is "
                "opened read-only anyway)."
            )
        _check_database(url, engine)
        try:
            raw = engine.raw_connection()
        except (exc.DBAPIError, engine.dialect.loaded_dbapi.Error) as error:
            raise DatabaseError(describe_operational_error(url, error)) from None
        try:
            if engine.dialect.name == "sqlite":
                return _run_sqlite(raw.driver_connection, sql, params, limit, timeout)
            if params is not None:
                from sqlalchemy import text

                # :name placeholders become the driver's %(name)s (and % is escaped).
                sql = text(sql).compile(dialect=engine.dialect).string
            return _run_postgresql(raw.driver_connection, sql, params, limit, timeout, role)
        finally:
            raw.close()
    finally:
        engine.dispose()


def _check_database(url: str, engine) -> None:
    """Refuse, as every other command does, a file that is not a claims database (a text
    file, a program) or one at another schema revision: SQLite opens any file, and a
    statement such as ``SELECT 1`` reads none of it."""
    from sqlalchemy import exc

    from claims.db import describe_operational_error
    from claims.migrations import ensure_current

    try:
        ensure_current(engine)
    except exc.DBAPIError as error:
        raise DatabaseError(describe_operational_error(url, error)) from None


def _run_sqlite(connection, sql: str, params, limit: int, timeout: float) -> QueryResult:
    connection.execute("PRAGMA query_only=ON")
    refused: list[str] = []

    def authorizer(action, arg1, arg2, database, trigger):
        answer = _sqlite_authorizer(action, arg1, arg2, database, trigger)
        if answer == sqlite3.SQLITE_DENY:
            refused.append(_sqlite_refusal(action, arg1))
        return answer

    connection.set_authorizer(authorizer)
    deadline = time.monotonic() + timeout
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        cursor = connection.execute(sql) if params is None else connection.execute(sql, params)
        return _fetch(cursor, limit)
    except sqlite3.OperationalError as error:
        message = str(error)
        if "interrupted" in message:
            raise DatabaseError(_timeout_message(timeout)) from None
        if any(word in message for word in ("readonly", "read-only", "query_only", "authoriz")):
            raise ReadOnlyViolation(_readonly_message(refused[0] if refused else message)) from None
        write = _SQLITE_WRITE_IN_QUERY.search(message)
        if write and re.search(
            _WRITE_AS_QUERY.format(word=write.group(1)), _COMMENTS.sub(" ", sql), re.IGNORECASE
        ):
            # SQLite's grammar has no INSERT, UPDATE or DELETE inside a query (WITH ... AS
            # (DELETE ...)): the parser stops at the word. It is a write all the same; the
            # same word elsewhere ("select update from ...") is a plain syntax error.
            detail = f"{write.group(1).upper()} inside a query is a write"
            raise ReadOnlyViolation(_readonly_message(detail)) from None
        raise InvalidInput(_sql_error(message)) from None
    except sqlite3.DatabaseError as error:
        if "not authorized" in str(error) or "authorization denied" in str(error):
            detail = refused[0] if refused else str(error)
            raise ReadOnlyViolation(_readonly_message(detail)) from None
        raise InvalidInput(_sql_error(str(error))) from None
    except (sqlite3.ProgrammingError, sqlite3.Warning) as error:
        raise InvalidInput(_sql_error(str(error))) from None
    finally:
        connection.set_progress_handler(None, 0)
        connection.set_authorizer(None)


# What an analyst's statement may do on SQLite: read, call functions, recurse, and
# ask the schema-describing pragmas. Everything else (ATTACH, VACUUM INTO, writes,
# setting pragmas) is denied before it runs.
_SQLITE_READ_ACTIONS = {"SQLITE_SELECT", "SQLITE_READ", "SQLITE_FUNCTION", "SQLITE_RECURSIVE"}
_SQLITE_READ_PRAGMAS = {
    "table_info",
    "table_xinfo",
    "table_list",
    "index_list",
    "index_info",
    "index_xinfo",
    "foreign_key_list",
    "collation_list",
    "function_list",
    "pragma_list",
    "compile_options",
    "data_version",  # read by FTS5 on every full-text query
}


_SQLITE_ALLOWED = {
    getattr(sqlite3, name) for name in _SQLITE_READ_ACTIONS if hasattr(sqlite3, name)
}


# A common table expression that writes: "WITH x AS [NOT] [MATERIALIZED] (DELETE ...".
_WRITE_AS_QUERY = r"\bas\s*(?:not\s+)?(?:materialized\s*)?\(\s*{word}\b"
_COMMENTS = re.compile(r"/\*.*?\*/|--[^\n]*", re.DOTALL)
_SQLITE_WRITE_IN_QUERY = re.compile(
    r'near "(insert|update|delete|replace)": syntax error', re.IGNORECASE
)
_SQLITE_WRITES = {"INSERT": "SQLITE_INSERT", "UPDATE": "SQLITE_UPDATE", "DELETE": "SQLITE_DELETE"}


def _sqlite_refusal(action: int, arg1: str | None) -> str:
    """What the authorizer refused, in the words of the SQL: for the one-line message."""
    for verb, name in _SQLITE_WRITES.items():
        if action == getattr(sqlite3, name):
            return f"{verb} of {arg1} is a write"
    if action == sqlite3.SQLITE_TRANSACTION:
        return f"{(arg1 or 'a transaction command').upper()} is not a query"
    if action == sqlite3.SQLITE_PRAGMA:
        return f"PRAGMA {arg1} may not be set or run here"
    return "only reading is allowed"


def _sqlite_authorizer(action, arg1, _arg2, _database, _trigger):
    if action in _SQLITE_ALLOWED:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() in _SQLITE_READ_PRAGMAS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_UPDATE and arg1 in ("sqlite_master", "sqlite_schema"):
        # Opening a virtual table (full-text search, json_each) declares its columns,
        # which SQLite authorises as an update of the schema table though nothing is
        # written. Ignoring it lets the table open; a real UPDATE of the schema is
        # refused by SQLite itself, and this connection is read-only anyway.
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_DENY


def _run_postgresql(
    connection, sql: str, params, limit: int, timeout: float, role: str | None
) -> QueryResult:
    import psycopg

    connection.rollback()  # the pool's ping may have opened a transaction
    connection.read_only = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {int(timeout * 1000)}")
            if role is not None:
                _set_role(cursor, role)
            if params is None:
                statement = sql.strip().rstrip(";").rstrip()
                cursor.execute(f"PREPARE claims_query AS {statement}", prepare=True)
                cursor.execute("EXECUTE claims_query")
            else:
                cursor.execute(sql, params)
            if cursor.description is None:
                raise InvalidInput("That statement returns no rows: give a SELECT.")
            return _fetch(cursor, limit)
    except psycopg.errors.ReadOnlySqlTransaction as error:
        detail = _first_line(error)
        if detail.startswith("cannot execute SELECT"):
            # The statement is a query whose WITH clause writes: the server names the query.
            detail = "its WITH clause changes data"
        raise ReadOnlyViolation(_readonly_message(detail)) from None
    except psycopg.errors.QueryCanceled:
        raise DatabaseError(_timeout_message(timeout)) from None
    except psycopg.errors.InsufficientPrivilege as error:
        if role is not None:
            raise DatabaseError(
                f"Role {role} may not read this ({_first_line(error)}): "
                f"`claims db grant-readonly {role}` grants reading every table and view."
            ) from None
        raise ReadOnlyViolation(_readonly_message(_first_line(error))) from None
    except psycopg.errors.SyntaxError as error:
        # Only a query can be PREPAREd, so a command fails here as a syntax error. Say
        # why when it is plainly a command; the server has refused it either way.
        first_word = _first_word(sql)
        if first_word in _COMMANDS:
            raise ReadOnlyViolation(
                _readonly_message(f"{first_word.upper()} is not a query")
            ) from None
        raise InvalidInput(_sql_error(_first_line(error))) from None
    except psycopg.Error as error:
        raise InvalidInput(_sql_error(_first_line(error))) from None
    finally:
        connection.rollback()


def _set_role(cursor, role: str) -> None:
    """Act as ``role`` for this transaction only: its grants decide what may be read."""
    import psycopg
    from psycopg import sql

    try:
        cursor.execute(sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(role)))
    except psycopg.Error as error:
        raise DatabaseError(
            f"Cannot act as role {role} ({_first_line(error)}): the role must exist "
            f"(`claims db grant-readonly {role}`) and be granted to you (GRANT {role} TO you)."
        ) from None


_COMMANDS = {
    "alter", "analyze", "call", "cluster", "comment", "commit", "copy", "create", "delete",
    "discard", "do", "drop", "grant", "import", "insert", "lock", "merge",
    "refresh", "reindex", "reset", "revoke", "rollback", "savepoint", "security", "set",
    "truncate", "update", "vacuum", "begin", "start", "end", "abort", "checkpoint", "load",
    "listen", "notify", "prepare", "execute", "deallocate", "declare", "fetch", "move",
    "close", "reassign",
}  # fmt: skip


def _first_word(sql: str) -> str:
    """The statement's first keyword, lower case, whatever follows it (``commit;`` is commit)."""
    found = re.match(r"\s*([A-Za-z_]+)", sql)
    return found.group(1).lower() if found else ""


def _sql_error(detail: str) -> str:
    return f"SQL error: {detail.strip().rstrip('.')}."


def _fetch(cursor, limit: int) -> QueryResult:
    columns = [column[0] for column in cursor.description or []]
    rows = [tuple(row) for row in cursor.fetchmany(limit + 1)]
    truncated = len(rows) > limit
    return QueryResult(columns=columns, rows=rows[:limit], truncated=truncated)


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _readonly_message(detail: str) -> str:
    return (
        f"claims sql is read-only ({detail}): change data with the claims commands "
        "(claim add, appearance add, ...) instead."
    )


def _timeout_message(timeout: float) -> str:
    return f"The query ran longer than {timeout:g} s and was stopped: narrow it or raise --timeout."
