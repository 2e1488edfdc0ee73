"""``claims sql``: read-only SQL for analysts, capped in rows and time."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import FormatOption, OutputFormat, emit, note, state


def sql(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="SQL", help="One SELECT statement.")],
    limit: Annotated[int, typer.Option("--limit", help="Return at most this many rows.")] = 1000,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Stop the query after this many seconds.")
    ] = 30.0,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run read-only SQL against the database (writes are refused by the database itself)."""
    from claims.sql import run_query

    result = run_query(state(ctx).url, query, limit=limit, timeout=timeout)
    emit(result.frame(), fmt)
    if result.truncated:
        note(f"Showing the first {limit} rows; raise --limit to see more.")
