"""Ad-hoc SQL for analysts: read-only by construction, capped in rows and time.

Read-only is enforced by the database, not by inspecting the SQL: SQLite opens
the file with ``mode=ro`` and ``query_only``; PostgreSQL runs the statement in
a read-only transaction as a server-side prepared statement, which cannot
carry a second command (so ``COMMIT; DROP ...`` is refused by the server).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from claims.errors import DatabaseError, InvalidInput, ReadOnlyViolation

DEFAULT_ROW_LIMIT = 1000
DEFAULT_TIMEOUT_SECONDS = 30.0


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def frame(self):
        """The rows as a DataFrame, which keeps the column names even when there are no rows."""
        import pandas as pd

        return pd.DataFrame.from_records(self.rows, columns=self.columns)


def run_query(
    url: str,
    sql: str,
    *,
    limit: int = DEFAULT_ROW_LIMIT,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> QueryResult:
    """Run one read-only statement and return at most ``limit`` rows."""
    if not sql or not sql.strip():
        raise InvalidInput("The SQL is empty: give one SELECT statement.")
    if limit < 1:
        raise InvalidInput("--limit must be at least 1.")
    if timeout <= 0:
        raise InvalidInput("--timeout must be more than 0 seconds.")
    from claims.db import readonly_engine

    engine = readonly_engine(url)
    try:
        raw = engine.raw_connection()
        try:
            if engine.dialect.name == "sqlite":
                return _run_sqlite(raw.driver_connection, sql, limit, timeout)
            return _run_postgresql(raw.driver_connection, sql, limit, timeout)
        finally:
            raw.close()
    finally:
        engine.dispose()


def _run_sqlite(connection, sql: str, limit: int, timeout: float) -> QueryResult:
    import sqlite3

    connection.execute("PRAGMA query_only=ON")
    deadline = time.monotonic() + timeout
    connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        cursor = connection.execute(sql)
        return _fetch(cursor, limit)
    except sqlite3.OperationalError as error:
        message = str(error)
        if "interrupted" in message:
            raise DatabaseError(_timeout_message(timeout)) from None
        if "readonly" in message or "read-only" in message or "query_only" in message:
            raise ReadOnlyViolation(_readonly_message(message)) from None
        raise InvalidInput(f"SQL error: {message}.") from None
    except (sqlite3.ProgrammingError, sqlite3.Warning, sqlite3.DatabaseError) as error:
        raise InvalidInput(f"SQL error: {error}.") from None
    finally:
        connection.set_progress_handler(None, 0)


def _run_postgresql(connection, sql: str, limit: int, timeout: float) -> QueryResult:
    import psycopg

    connection.rollback()  # the pool's ping may have opened a transaction
    connection.read_only = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {int(timeout * 1000)}")
            cursor.execute(sql.rstrip().rstrip(";"), prepare=True)
            if cursor.description is None:
                raise InvalidInput("That statement returns no rows: give a SELECT.")
            return _fetch(cursor, limit)
    except psycopg.errors.ReadOnlySqlTransaction as error:
        raise ReadOnlyViolation(_readonly_message(_first_line(error))) from None
    except psycopg.errors.QueryCanceled:
        raise DatabaseError(_timeout_message(timeout)) from None
    except psycopg.errors.InsufficientPrivilege as error:
        raise ReadOnlyViolation(_readonly_message(_first_line(error))) from None
    except psycopg.Error as error:
        raise InvalidInput(f"SQL error: {_first_line(error)}.") from None
    finally:
        connection.rollback()


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
