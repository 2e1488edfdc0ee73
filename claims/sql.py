"""Ad-hoc SQL for analysts: read-only by construction, capped in rows and time.

Read-only is enforced by the database, not by inspecting the SQL. SQLite opens the
file with ``mode=ro`` and ``query_only``, and an authorizer allows only
reading (so ``ATTACH`` or ``VACUUM INTO`` cannot create files). PostgreSQL
``PREPARE``s the statement in a read-only transaction: only a query can be prepared
(not ``COPY ... TO`` a server file), a prepared statement cannot carry a second command
(so ``COMMIT; DROP ...`` is refused), and the transaction refuses writes. The rows are then
read through a cursor, so the server computes no more of them than the row cap.

Named queries (``claims.named_queries``) ship with claims, so their SQL is trusted
and their parameters are bound by the driver (``run_bound_query``). On PostgreSQL
``role`` reads as a role such as the one ``claims db grant-readonly`` makes: that keeps
honest statements to its grants, but confines no one (see ``reading_engine``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sqlite3
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from claims.errors import DatabaseError, InvalidInput, ReadOnlyViolation
from claims.sql_bounds import MAX_ROW_LIMIT, MAX_TIMEOUT, MIN_TIMEOUT

DEFAULT_ROW_LIMIT = 1000
DEFAULT_TIMEOUT_SECONDS = 30.0


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool

    def frame(self, *, unique_columns: bool = False):
        """The rows as a DataFrame, which keeps the column names even when there are no rows.

        Columns keep the names the database gives them, a name given twice included
        (``SELECT 1 AS a, 2 AS a``; a join's two ``id`` columns). ``unique_columns`` renames
        the second ``a`` to ``a_2`` (see ``unique_names``), for a format whose rows are
        objects keyed by name: JSON would otherwise keep only one of them.

        Timestamps become text here, so that a table, CSV and JSON print the same thing
        (see ``timestamp_text``); so do NaN and infinities, which would otherwise print as
        a missing value (and JSON has no way to write them).
        """
        import pandas as pd

        columns = unique_names(self.columns) if unique_columns else list(self.columns)
        rows = [tuple(_cell(value) for value in row) for row in self.rows]
        frame = pd.DataFrame.from_records(rows, columns=columns)
        # pandas makes a column of ids with a NULL among them floats ("50.0"): keep them
        # whole numbers, the NULL as a missing value. By position: names may repeat.
        for number in range(len(columns)):
            column = frame.iloc[:, number]
            if column.dtype.kind == "f" and all(
                isinstance(row[number], int) or row[number] is None for row in rows
            ):
                frame.isetitem(number, column.astype("Int64"))
        return frame


def unique_names(columns: list[str]) -> list[str]:
    """The column names with each repeat suffixed ``_2``, ``_3`` ... (skipping a suffixed
    name the result has already): ``a, a, id`` becomes ``a, a_2, id``."""
    taken = set(columns)
    seen: set[str] = set()
    names = []
    for name in columns:
        if name in seen:
            number = 2
            while f"{name}_{number}" in taken:
                number += 1
            name = f"{name}_{number}"
            taken.add(name)
        seen.add(name)
        names.append(name)
    return names


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


# A float that is no number, as PostgreSQL spells it, in every format (as text in JSON).
_NON_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return timestamp_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        return _NON_FINITE[repr(value)]
    if isinstance(value, Decimal):
        # PostgreSQL's numeric (sum, avg, round): a number, as SQLite gives, not text
        if not value.is_finite():
            return _NON_FINITE.get(str(value).lower().replace("infinity", "inf"), "NaN")
        if value == value.to_integral_value():
            return int(value)
        as_float = float(value)
        # a number when a float holds it exactly as written, else its exact decimal text
        return as_float if Decimal(repr(as_float)) == value else str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return "\\x" + bytes(value).hex()  # as psql prints bytea, for either database
    return value


def check_limits(limit: int, timeout: float) -> None:
    if limit < 1:
        raise InvalidInput("--limit must be at least 1.")
    if limit > MAX_ROW_LIMIT:
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

    ``role`` (PostgreSQL only) reads as that role, e.g. one made by
    ``claims db grant-readonly``, so the server's grants apply on top (``reading_engine``).
    """
    if not sql or not sql.strip():
        raise InvalidInput("The SQL is empty: give one SELECT statement.")
    if not _COMMENTS.sub(" ", sql).strip(" \t\r\n;"):
        raise InvalidInput("The SQL holds only comments: give one SELECT statement.")
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
    from sqlalchemy import exc

    from claims.db import describe_operational_error

    engine = reading_engine(url, role)
    try:
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


def reading_engine(url: str, role: str | None = None):
    """A read-only engine for analysts' statements; the caller disposes of it.

    With ``role`` (PostgreSQL only), every connection acts as that role from the moment it
    opens (``SET ROLE``), so what runs before the statement (the schema check, a named
    query's look-up of a source) reads with the role's grants, as the statement does: a
    login that does not inherit the role's rights (``NOINHERIT``) reads nothing as itself.

    This confines honest statements only. A statement may hand the connection back to the
    login (``set_config('role', 'none', true)`` is a function call, and a query may call
    it), as may anyone connected with ``options=-crole=...``: only the rights of the login
    itself confine a statement written to escape.
    """
    from claims.db import readonly_engine

    if role is not None and not role.strip():
        raise InvalidInput("--role is empty: name the role to read as, or leave --role out.")
    engine = readonly_engine(url)
    if role is None:
        return engine
    if engine.dialect.name != "postgresql":
        engine.dispose()
        raise InvalidInput(
            "--role works on PostgreSQL only: SQLite has no roles (its file is "
            "opened read-only anyway)."
        )
    from sqlalchemy import event

    event.listen(engine, "connect", lambda connection, _record: _act_as(connection, role))
    return engine


def _act_as(connection, role: str) -> None:
    """Make a new connection act as ``role`` for its whole life (committed, so that rolling
    back a statement does not undo it)."""
    import psycopg
    from psycopg import sql

    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))
        connection.commit()
    except psycopg.Error as error:
        connection.rollback()
        from claims.errors import ClaimsError
        from claims.roles import check_role_name

        try:
            check_role_name(role)
            making = f" (`claims db grant-readonly {role}`)"
        except ClaimsError:  # a name grant-readonly would refuse to make
            making = ""
        raise DatabaseError(
            f"Cannot act as role {role} ({_first_line(error)}): the role must exist{making} "
            f"and be granted to you (GRANT {role} TO you)."
        ) from None


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
    if params is None:
        sql = sql.rstrip().rstrip(";").rstrip()  # "SELECT 1;;" is one statement, as on PostgreSQL
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


_SQLITE_SCHEMA_TABLES = ("sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_stat1")


def _sqlite_refusal(action: int, arg1: str | None) -> str:
    """What the authorizer refused, in the words of the SQL: for the one-line message."""
    for verb, name in _SQLITE_WRITES.items():
        if action == getattr(sqlite3, name):
            if arg1 in _SQLITE_SCHEMA_TABLES:
                return "changing the schema (CREATE, DROP, ALTER) or its statistics is a write"
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


# The statement an analyst types is prepared first (so it must be one query: a second
# command, or one that is no query, is refused by the server), then read through a cursor,
# so that the server computes no more rows than are fetched.
_PREPARE = "PREPARE claims_query AS "
_DECLARE = "DECLARE claims_cursor NO SCROLL CURSOR FOR "


def _run_postgresql(
    connection, sql: str, params, limit: int, timeout: float, role: str | None
) -> QueryResult:
    import psycopg

    connection.rollback()  # the pool's ping may have opened a transaction
    connection.read_only = True
    prefix = ""  # what precedes the statement's text in what is running: for error positions
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {int(timeout * 1000)}")
            if params is None and _first_word(sql) in _DESCRIBING:
                # No cursor can read them: sent alone with the extended protocol, which takes
                # one statement, in the read-only transaction (which refuses what EXPLAIN
                # ANALYZE would write).
                cursor.execute(sql.rstrip().rstrip(";").rstrip(), prepare=True)
                return _fetch(cursor, limit)
            if params is None:
                statement = sql.rstrip().rstrip(";").rstrip()
                prefix = _PREPARE
                cursor.execute(_PREPARE + statement, prepare=True)
                prefix = _DECLARE
                try:
                    cursor.execute(_DECLARE + statement, prepare=True)
                except (psycopg.errors.SyntaxError, psycopg.errors.FeatureNotSupported) as error:
                    # Prepared, yet no cursor can read it: a write (INSERT, UPDATE, DELETE,
                    # MERGE, SELECT ... INTO, or a WITH that writes).
                    write = _not_readable(error)
                    if write is None:
                        raise
                    raise ReadOnlyViolation(_readonly_message(write)) from None
            else:
                # Our own SELECTs, their parameters bound by the driver.
                prefix = _DECLARE
                cursor.execute(_DECLARE + sql, params)
            cursor.execute(f"FETCH FORWARD {limit + 1} FROM claims_cursor")
            return _fetch(cursor, limit)
    except psycopg.errors.ReadOnlySqlTransaction as error:
        raise ReadOnlyViolation(_readonly_message(_refused_write(error))) from None
    except psycopg.errors.QueryCanceled:
        raise DatabaseError(_timeout_message(timeout)) from None
    except psycopg.errors.InsufficientPrivilege as error:
        if role is not None:
            raise DatabaseError(
                f"Role {role} may not read this ({_postgresql_error(error, prefix)}): "
                f"`claims db grant-readonly {role}` grants reading every table and view."
            ) from None
        raise ReadOnlyViolation(_readonly_message(_postgresql_error(error, prefix))) from None
    except psycopg.errors.SyntaxError as error:
        # Only a query can be PREPAREd, so a command fails here as a syntax error. Say
        # why when it is plainly a command; the server has refused it either way.
        first_word = _first_word(sql)
        if first_word in _COMMANDS:
            raise ReadOnlyViolation(
                _readonly_message(f"{first_word.upper()} is not a query")
            ) from None
        raise InvalidInput(_sql_error(_postgresql_error(error, prefix))) from None
    except psycopg.Error as error:
        raise InvalidInput(_sql_error(_postgresql_error(error, prefix))) from None
    finally:
        connection.rollback()


def _not_readable(error: Exception) -> str | None:
    """How a statement that could be prepared, but not read through a cursor, writes; None
    when the server's refusal says nothing of a write."""
    detail = _first_line(error)
    if detail.startswith("SELECT ... INTO"):
        return "SELECT ... INTO creates a table"
    if "data-modifying" in detail:
        return "its WITH clause changes data"
    found = re.match(r'syntax error at or near "(insert|update|delete|merge)"', detail, re.I)
    return f"{found.group(1).upper()} is a write" if found else None


def _refused_write(error: Exception) -> str:
    """Why the read-only transaction refused the statement, in the statement's own terms:
    the server names the command, which for a query is SELECT whatever made it write."""
    detail = _first_line(error)
    found = re.match(r"cannot execute (.+?) in a read-only transaction", detail)
    if found is None:
        return detail
    command = found.group(1)
    if command == "SELECT":
        return "its WITH clause changes data"
    if command == "SELECT INTO":
        return "SELECT ... INTO creates a table"
    if command.startswith("SELECT FOR "):
        return f"SELECT ... {command.removeprefix('SELECT ')} locks rows for writing"
    return detail


_AT_CHARACTER = re.compile(r" at character \d+$")


def _postgresql_error(error, prefix: str) -> str:
    """The server's first line, its position counted in the statement as given: the server
    counts in what ran, which starts with ``prefix`` (``PREPARE claims_query AS ``)."""
    detail = _AT_CHARACTER.sub("", _first_line(error))
    position = getattr(getattr(error, "diag", None), "statement_position", None)
    if position and position.isdigit() and int(position) > len(prefix):
        detail += f" at character {int(position) - len(prefix)}"
    return detail


# Statements that describe rather than query, which PostgreSQL runs but cannot prepare.
_DESCRIBING = {"explain", "show"}
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
    found = re.match(r"\s*([A-Za-z_]+)", _COMMENTS.sub(" ", sql))
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
