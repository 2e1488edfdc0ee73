"""What every command shares: the database and actor options, sessions, output, errors.

Nothing heavy is imported here: SQLAlchemy, pandas and rich load inside the
functions that use them, so ``claims --help`` stays fast.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated

import typer

# Typer raises the errors of the click it ships (``typer._click``), not click's own: the
# project pins the Typer minor version these names were read from (pyproject.toml), and
# tests/test_input_bounds.py fails if a parameter goes unbounded.
from typer._click.exceptions import (
    ClickException,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperArgument, TyperGroup

from claims.errors import ClaimsError, InvalidInput, NotFound


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
    """Turns errors into one line on stderr, without a traceback.

    Library errors exit 1. Usage errors (a word where a number goes, an unknown option)
    keep click's exit code 2 but lose its usage block: one line, pointing at the help.
    Every whole-number option and argument is bounded here (``_bound_integers``), so an
    id too large for the database is refused like any unknown id, whichever command
    takes it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _bound_integers(self)
        _plain_arguments(self)

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except NoArgsIsHelpError:
            raise  # not an error: `claims` alone shows the help
        except UsageError as error:
            raise _one_line(error) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ClaimsError as error:
            typer.echo(f"Error: {one_line(str(error))}", err=True)
            raise typer.Exit(1) from None
        except NoArgsIsHelpError:
            raise
        except UsageError as error:
            if (refused := _negative_id(error)) is not None:
                typer.echo(f"Error: {refused}", err=True)
                raise typer.Exit(1) from None
            raise _one_line(error, _leading_dash(error)) from None


class _PlainArgument(TyperArgument):
    """An argument as --help shows it: by its name alone (``ALIAS...``), as an option is
    by its metavar. Typer adds the Python type (``aliases... <list[str]>``), which tells a
    person nothing the name and its help do not."""

    def display_type_rich(self, ctx) -> None:
        return None

    def _rich_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")


def _plain_arguments(command) -> None:
    """Show every argument of ``command`` and its subcommands as ``_PlainArgument`` does."""
    for sub in getattr(command, "commands", {}).values():
        _plain_arguments(sub)
    for param in command.params:
        if type(param) is TyperArgument:
            param.__class__ = _PlainArgument


SHOWN_VALUE = 80
# A quoted value opens after a space or punctuation and closes before one: the apostrophe of
# "the article's" is neither.
_LONG_QUOTED = re.compile(rf"""(?<!\w)(['"])([^'"]{{{SHOWN_VALUE + 1},}})\1(?!\w)""")


def one_line(message: str) -> str:
    """A message as one line, each quoted value cut to ``SHOWN_VALUE`` characters: a
    100,000-character typo is shown by its start, not in full."""
    message = " ".join(message.split())
    return _LONG_QUOTED.sub(lambda m: f"{m[1]}{m[2][:SHOWN_VALUE]}…{m[1]}", message)


class _UsageLine(ClickException):
    """A usage error as one line, with click's exit code 2 (``ClickException.show``)."""

    exit_code = 2


# Typer checks option values with pydantic, whose messages open the reason so.
_VALIDATOR_PREFIX = re.compile(r"(?<=: )Value error, ")


def _one_line(error: UsageError, hint: str | None = None) -> _UsageLine:
    message = _VALIDATOR_PREFIX.sub("", one_line(error.format_message()), count=1)
    if hint:
        message = f"{message.rstrip('.')}. {hint}"
    if error.ctx is not None:
        message = f"{message.rstrip('.')} (see `{error.ctx.command_path} -h`)."
    return _UsageLine(message)


# Ids are whole numbers from 1: an integer column holds up to 2**63 - 1 on SQLite and
# 2**31 - 1 on PostgreSQL (where the tables' ids are ``integer``); a larger number cannot
# even be sent to the database. Whole numbers that count (--limit, --batch) get the
# larger bound, so no driver ever sees a number it cannot convert.
LARGEST_INTEGER = 2**63 - 1
LARGEST_POSTGRESQL_ID = 2**31 - 1
# The parameters that take ids, by name, and what the id names.
ID_PARAMETERS = {
    "claim_id": "claim",
    "article_id": "article",
    "appearance_id": "appearance",
    "claim": "claim",
    "article": "article",
    "ids": "claim",
}


def _bound_integers(command) -> None:
    """Give every whole-number parameter of ``command`` and its subcommands a bound check."""
    for sub in getattr(command, "commands", {}).values():
        _bound_integers(sub)
    for param in command.params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or descriptor.annotation not in (int, list[int]):
            continue
        if getattr(param, "_claims_bounded", False):
            continue
        param.callback = _bounded(param.callback, ID_PARAMETERS.get(param.name))
        param._claims_bounded = True


def _bounded(callback, noun: str | None):
    def check(ctx, param, value):
        values = value if isinstance(value, list | tuple) else [value]
        for number in values:
            if isinstance(number, int):
                _check_integer(ctx, param, number, noun)
        return callback(ctx, param, value) if callback is not None else value

    return check


def _check_integer(ctx, param, number: int, noun: str | None) -> None:
    if noun is None:
        if abs(number) > LARGEST_INTEGER:
            # A count out of range is a bad option value, a usage error as any other.
            raise typer.BadParameter(
                f"{number} is too large: give a whole number up to {LARGEST_INTEGER:,}.",
                ctx=ctx,
                param=param,
            )
        return
    largest = LARGEST_INTEGER
    found = ctx.find_object(State)
    if found is not None and not found.url.startswith("sqlite"):
        largest = LARGEST_POSTGRESQL_ID
    if number > largest:
        raise NotFound(
            f"No {noun} with id {number}: ids are whole numbers from 1 to {largest:,}; "
            f"see `claims {noun} list`."
        )


_NEGATIVE = re.compile(r"-\d+")


def _negative_id(error: UsageError) -> str | None:
    """``claims claim show -1`` reads -1 as an option; for a command that takes an id,
    say what ids are instead of "No such option"."""
    if not isinstance(error, NoSuchOption) or not _NEGATIVE.fullmatch(error.option_name):
        return None
    command = error.ctx.command if error.ctx is not None else None
    for param in getattr(command, "params", []):
        noun = ID_PARAMETERS.get(param.name)
        if noun is not None and param.param_type_name == "argument":
            return (
                f"No {noun} with id {error.option_name}: ids are whole numbers from 1; "
                f"see `claims {noun} list`."
            )
    return None


def _leading_dash(error: UsageError) -> str | None:
    """``claims claim add '-5% growth'`` reads -5 as an option; for a command that takes
    text, say how to give text that starts with a dash (after ``--``), or None.

    A long option (``--verdic``) is a mistyped option, not text: nothing is added.
    """
    if not isinstance(error, NoSuchOption) or error.option_name.startswith("--"):
        return None
    command = error.ctx.command if error.ctx is not None else None
    texts = [
        param
        for param in getattr(command, "params", [])
        if param.param_type_name == "argument"
        and getattr(param, "type_descriptor", None) is not None
        and param.type_descriptor.annotation in (str, list[str])
    ]
    if not texts:
        return None
    name = texts[0].metavar or texts[0].name.upper()
    return (
        f"If {error.option_name} starts the {name} rather than an option, give the {name} "
        f"after -- (any option before it): {error.ctx.command_path} -- '{error.option_name}…'"
    )


def checked_by(check):
    """An option's callback that runs ``check``, the library's own rule for its value, when
    the command line is read: a value outside the choices (``--kind wizard``) is then a
    usage error (exit 2) in the library's words. ``check`` returns the value as the library
    takes it (``Organization`` is ``organisation``); an option left out is not checked."""

    def callback(ctx: typer.Context, param: typer.CallbackParam, value):
        if value is None:
            return None
        try:
            return check(value)
        except InvalidInput as error:
            raise typer.BadParameter(str(error), ctx=ctx, param=param) from None

    return callback


def emit(
    rows,
    fmt: OutputFormat | str,
    columns: tuple[str, ...] | None = None,
    *,
    exact: bool = False,
) -> None:
    """Print rows (a DataFrame or a list of dicts) to stdout in the chosen format.

    ``columns`` picks and orders the columns, and keeps the header when there are no rows.
    ``exact`` writes CSV cells as they are, for tools (``claims sql``); by default the CSV
    is for spreadsheets, its formula-like cells neutralised (``claims.output.render``).
    """
    from claims.output import render

    if columns is not None and isinstance(rows, list):
        rows = [{key: row.get(key) for key in columns} for row in rows]
    text = render(
        rows,
        fmt.value if isinstance(fmt, OutputFormat) else fmt,
        columns=columns,
        width=_terminal_width(),
        exact=exact,
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


def note_if_none(
    count: int, what: str, filters: dict[str, object], *, otherwise: str, done: str = ""
) -> None:
    """Say on stderr, in one line, why a listing or an export came out empty: nothing
    matches the options given, or there is nothing yet. stdout keeps only the data (a
    header, an empty list), and the exit code stays 0: an empty answer is an answer.

    ``filters`` maps each option to its value (a list for a repeated one; None or empty
    when not given); ``otherwise`` is the line for no option given; ``done`` ends the
    line that names the options (": nothing exported")."""
    if count:
        return
    given = [
        f"{option} {_shown(value)}"
        for option, values in filters.items()
        for value in (values if isinstance(values, list | tuple) else [values])
        if value is not None and value != ""
    ]
    note(f"No {what} match {' '.join(given)}{done}." if given else otherwise)


def _shown(value: object) -> str:
    """A value as one would type it: a word bare, words in quotation marks."""
    text = str(value)
    return text if text and all(c.isalnum() or c in "-_.#:" for c in text) else repr(text)


def ask_action(question: str, actions: dict[str, str], asker=None) -> str:
    """The reviewer's choice among ``actions`` (letter → word): the letter, or the word or
    its start ("a", "acc", "accept"); asked again until it is one of them.

    Only the start of the word counts, not the answer's first letter alone: "abort" or
    "all" must not be read as "accept". ``asker`` stands in for ``ask`` (the caller's own,
    which a test may replace).
    """
    letters = ", ".join(actions)
    while True:
        answer = (asker or ask)(question).strip().lower()
        for letter, word in actions.items():
            if answer and (answer == letter or word.startswith(answer)):
                return word
        note(f"Answer {letters.rsplit(', ', 1)[0]} or {letters.rsplit(', ', 1)[1]}.")


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


def confirm_or_stop(question: str, *, yes_option: str = "--yes") -> None:
    """Ask y/N before something that cannot be undone; anything but yes changes nothing.

    No answer at all (input ran out) is refused with what to do instead, in one line
    (exit 1); a "no" says that nothing changed. Raised inside the command's transaction,
    either rolls it back.
    """
    try:
        agreed = ask(question, confirm=True)
    except typer.Abort as stop:
        if not isinstance(stop.__context__, EOFError):
            raise  # ^C: click's own "Aborted!"
        raise InvalidInput(
            f"No answer: nothing changed; give {yes_option} to confirm without asking."
        ) from None
    if not agreed:
        note("Nothing changed.")
        raise typer.Exit(1)


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A bar on stderr for slow work (a derivation report, the tagger reading a long
    article), gone once the work is done; stdout keeps only the output. Only for a person
    watching (piped or logged, stderr keeps to messages), and started on the first call
    only: most runs never make one."""
    shown = typer.get_text_stream("stderr").isatty()
    bar = None
    task = None

    def advance(done: int, total: int) -> None:
        nonlocal bar, task
        if not shown:
            return
        if bar is None:
            from rich.console import Console
            from rich.progress import Progress

            bar = Progress(
                transient=True,
                console=Console(stderr=True, force_terminal=True),
                redirect_stdout=False,  # stdout is the output's alone
                redirect_stderr=False,
            )
            bar.start()
            task = bar.add_task(description, total=total)
        bar.update(task, completed=done, total=total)

    try:
        yield advance
    finally:
        if bar is not None:
            bar.stop()
