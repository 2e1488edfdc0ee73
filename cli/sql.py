"""``claims sql``: read-only SQL for analysts, capped in rows and time, and named queries."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import FormatOption, OutputFormat, emit, note, state


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
    limit: Annotated[int, typer.Option("--limit", help="Return at most this many rows.")] = 1000,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Stop the query after this many seconds.")
    ] = 30.0,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            envvar="CLAIMS_SQL_ROLE",
            show_envvar=True,
            help="PostgreSQL: run as this role (e.g. one made by `claims db grant-readonly`); "
            "this, not the read-only transaction, is what confines an analyst.",
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run read-only SQL or a named query (writes are refused by the database itself).

    Nothing the statement does persists, but it runs with your connection's rights: as a
    PostgreSQL superuser it can still call server functions such as pg_read_file(),
    pg_notify() or set_config(). What confines an analyst is --role, a role made by
    `claims db grant-readonly`.

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
        from claims.named_queries import parse_param_options, run_named_query

        result = run_named_query(
            state(ctx).url,
            named,
            parse_param_options(params or []),
            limit=limit,
            timeout=timeout,
            role=role,
        )
    else:
        if params:
            raise _usage("--param goes with --query NAME: plain SQL takes no parameters.", ctx)
        if query is None:
            raise _usage("Give one SELECT statement, --query NAME, or --list.", ctx)
        from claims.sql import run_query

        result = run_query(state(ctx).url, query, limit=limit, timeout=timeout, role=role)
    emit(result.frame(), fmt)
    if result.truncated:
        note(f"Showing the first {limit} rows; the query returned more: raise --limit to see them.")


def _usage(message: str, ctx: typer.Context) -> typer.BadParameter:
    """A combination of arguments that makes no sense: a usage error (exit 2), like click's."""
    return typer.BadParameter(message, ctx=ctx, param_hint="SQL / --query / --list")
