"""What every command shares: the database and actor options, sessions, output, errors.

Nothing heavy is imported here: SQLAlchemy, pandas and rich load inside the
functions that use them, so ``claims --help`` stays fast.
"""

from __future__ import annotations

import enum
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated

import typer
from typer.core import TyperGroup

from claims.errors import ClaimsError


class OutputFormat(enum.StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output format: table for people, csv or json for tools."),
]
CreateSourcesOption = Annotated[
    bool,
    typer.Option(
        "--create-sources",
        help="Create sources that do not exist yet instead of refusing the unknown name.",
    ),
]


@dataclass
class State:
    """Options given before the command, handed down to every subcommand."""

    db: str | None = None
    actor: str | None = None

    @property
    def url(self) -> str:
        from claims.settings import database_url

        return database_url(self.db)

    @property
    def user(self) -> str:
        from claims.settings import current_user

        return current_user(self.actor)


def state(ctx: typer.Context) -> State:
    found = ctx.find_object(State)
    return found if found is not None else State()


@contextmanager
def session_for(ctx: typer.Context, *, write: bool = True):
    """A session in one transaction: committed if the command succeeds, else rolled back.

    Commands that only read pass ``write=False`` so they never wait on writers.
    """
    from claims.db import open_session

    with open_session(state(ctx).url, write=write) as session:
        yield session


def in_transaction(ctx: typer.Context, work):
    """Run ``work(session)`` in one transaction, re-run whole if another writer won a race.

    For the commands several people run at once (adding claims and appearances):
    the person sees the result or the rule's own message, never a lock error.
    """
    from claims.db import run_unit

    return run_unit(state(ctx).url, work)


class ClaimsGroup(TyperGroup):
    """Turns library errors into one line on stderr and exit code 1, without a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ClaimsError as error:
            message = " ".join(str(error).split())
            typer.echo(f"Error: {message}", err=True)
            raise typer.Exit(1) from None


def emit(rows, fmt: OutputFormat | str, columns: tuple[str, ...] | None = None) -> None:
    """Print rows (a DataFrame or a list of dicts) to stdout in the chosen format.

    ``columns`` picks and orders the columns, and keeps the header when there are no rows.
    """
    from claims.output import render

    if columns is not None and isinstance(rows, list):
        rows = [{key: row.get(key) for key in columns} for row in rows]
    text = render(
        rows,
        fmt.value if isinstance(fmt, OutputFormat) else fmt,
        columns=columns,
        width=_terminal_width(),
    )
    typer.echo(text.rstrip("\n"))


def _terminal_width() -> int | None:
    """The terminal's width when stdout is one; None when piped, so nothing is wrapped."""
    import shutil
    import sys

    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def emit_record(record: dict, fmt: OutputFormat) -> None:
    """One record: a field/value table for people, one CSV row, or a JSON object."""
    import json

    if fmt == OutputFormat.json:
        typer.echo(json.dumps(record, indent=2, ensure_ascii=False, default=str))
        return
    flat = {key: _flatten(value) for key, value in record.items()}
    if fmt == OutputFormat.csv:
        emit([flat], fmt)
    else:
        emit([{"field": key, "value": value} for key, value in flat.items()], fmt)


def emit_created(record: dict, fmt: OutputFormat) -> None:
    """What every ``add`` prints: the new id, or the created record as csv or json."""
    if fmt == OutputFormat.table:
        typer.echo(record["id"])
    else:
        emit_record(record, fmt)


def _flatten(value):
    import json

    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def note(message: str) -> None:
    """A diagnostic for the person: stderr, so stdout stays clean data."""
    typer.echo(message, err=True)


def ask(
    question: str,
    *,
    default: str | None = None,
    show_default: bool = True,
    confirm: bool = False,
):
    """A question on stderr and its answer from stdin, with nothing written to stdout.

    Interactive review pipes well only if stdout stays data: typer's prompt hands the
    question's last character (a space) to ``input()``, which prints it on stdout, so
    stdout points at stderr meanwhile. A piped answer is not echoed, so the question's
    line is ended here; when no answer comes (``typer.Abort``), it is ended too.
    ``confirm`` asks y/N, default no.
    """
    import sys
    from contextlib import redirect_stdout

    try:
        with redirect_stdout(sys.stderr):
            if confirm:
                answer = typer.confirm(question, default=False, err=True)
            else:
                answer = typer.prompt(
                    question, default=default, show_default=show_default, err=True
                )
    except typer.Abort:
        typer.echo("", err=True)
        raise
    if not sys.stdin.isatty():
        typer.echo("", err=True)
    return answer
