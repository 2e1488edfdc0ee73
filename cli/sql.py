"""``claims sql``: read-only SQL for analysts, capped in rows and time, and named queries."""

from __future__ import annotations

import math
from typing import Annotated

import typer

from claims.sql_bounds import MAX_ROW_LIMIT, MAX_TIMEOUT, MIN_TIMEOUT
from cli.common import FormatOption, OutputFormat, emit, note, state


def _seconds(value: str | float) -> float:
    """--timeout's value. NaN compares false with both bounds, so the range check alone
    would call it too large; it is no number of seconds at all."""
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a number of seconds") from None
    if math.isnan(seconds):
        raise ValueError(
            f"{value} is not a number of seconds: give one from {MIN_TIMEOUT} to "
            f"{MAX_TIMEOUT:,} (a day)"
        )
    if not MIN_TIMEOUT <= seconds <= MAX_TIMEOUT:
        # Under a millisecond is 0 to PostgreSQL, which means no limit at all.
        raise ValueError(
            f"{value} seconds is out of range: give from {MIN_TIMEOUT} to {MAX_TIMEOUT:,} (a day)"
        )
    return seconds


def sql(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(metavar="SQL", help="One SELECT statement (or use --query NAME)."),
    ] = None,
    named: Annotated[
        str | None,
        typer.Option("--query", "-q", metavar="NAME", help="Run a named query (see --list)."),
    ] = None,
    params: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            metavar="NAME=VALUE",
            help="A parameter of the named query; repeat for each.",
        ),
    ] = None,
    list_queries: Annotated[
        bool, typer.Option("--list", help="List the named queries and their parameters.")
    ] = False,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            metavar="N",
            min=1,
            max=MAX_ROW_LIMIT,
            help="Return at most this many rows.",
        ),
    ] = 1000,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            metavar="S",
            parser=_seconds,
            min=MIN_TIMEOUT,  # shown in the help; _seconds checks them
            max=MAX_TIMEOUT,
            help="Stop the query after this many seconds.",
        ),
    ] = 30.0,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            metavar="ROLE",
            envvar="CLAIMS_SQL_ROLE",
            show_envvar=True,
            help="PostgreSQL: read as this role (e.g. one made by `claims db grant-readonly`), "
            "with its grants. It keeps honest queries to the role's rights; a statement can "
            "undo it, so only the login you connect as confines a hostile one.",
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run read-only SQL or a named query (writes are refused by the database itself).

    Nothing the statement does persists, but it runs with your connection's rights: as a
    PostgreSQL superuser it can still call server functions such as pg_read_file(),
    pg_notify() or set_config(). --role reads as a role made by `claims db grant-readonly`,
    but a statement can switch back to your login (set_config('role', 'none', true)): what
    confines an analyst is connecting with a login that has no other rights (one that is
    only a member of that role, or one made with --login).

    Columns keep the names the database gives them, a name given twice included; in JSON,
    whose keys must differ, the second "a" becomes "a_2" (a third "a_3"). NaN and infinite
    numbers print as NaN, Infinity and -Infinity (in JSON as text).

    Timestamps from PostgreSQL print in UTC with microseconds and the offset
    (2026-12-05 12:56:18.678704+00:00) in every format; SQLite stores them as text and
    they print as stored (2026-12-05 12:56:18.678704, UTC). True/false prints True/False
    from PostgreSQL and 1/0 from SQLite.
    """
    if list_queries:
        if query or named or params:
            raise _usage("--list takes no SQL, --query or --param: give it alone.", ctx)
        from claims.named_queries import catalogue

        emit(
            [
                {
                    "name": q.name,
                    "title": q.title,
                    "parameters": q.usage,
                    "description": q.description,
                }
                for q in catalogue().values()
            ],
            fmt,
            columns=("name", "title", "parameters", "description")
            if fmt != OutputFormat.table
            else ("name", "title", "parameters"),
        )
        return
    if named is not None:
        if query is not None:
            raise _usage("Give either SQL or --query NAME, not both.", ctx)
        from claims.named_queries import ParameterError, parse_param_options, run_named_query

        try:
            result = run_named_query(
                state(ctx).url,
                named,
                parse_param_options(params or []),
                limit=limit,
                timeout=timeout,
                role=role,
            )
        except ParameterError as error:
            raise _usage(str(error), ctx, "--param") from None
    else:
        if params:
            raise _usage("--param goes with --query NAME: plain SQL takes no parameters.", ctx)
        if query is None:
            raise _usage("Give one SELECT statement, --query NAME, or --list.", ctx)
        from claims.sql import run_query

        result = run_query(state(ctx).url, query, limit=limit, timeout=timeout, role=role)
    # Values as the database gives them, in CSV too: it is for tools, not spreadsheets.
    emit(result.frame(unique_columns=fmt == OutputFormat.json), fmt, exact=True)
    if result.truncated:
        note(f"Showing the first {limit} rows; the query returned more: raise --limit to see them.")


def _usage(
    message: str, ctx: typer.Context, hint: str = "SQL / --query / --list"
) -> typer.BadParameter:
    """Arguments that make no sense together, or a --param the query does not take: a usage
    error (exit 2), like click's."""
    return typer.BadParameter(message, ctx=ctx, param_hint=hint)
