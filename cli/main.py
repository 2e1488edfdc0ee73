"""The ``claims`` command line: one sub-app per noun, joined here."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from cli import (
    appearances,
    articles,
    browse,
    claims,
    database,
    drift,
    export,
    importing,
    matching,
    reports,
    review,
    sources,
    sql,
    suggest,
)
from cli.common import ClaimsGroup, State

app = typer.Typer(
    name="claims",
    cls=ClaimsGroup,
    help=(
        "A claim-level fact-tracking database: which outlet carries which claim, "
        "in which words, and on whose word."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from claims import __version__

        typer.echo(f"claims {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            envvar="CLAIMS_DATABASE_URL",
            help="Database URL (sqlite:///file.db, postgresql://user@host/db) or a SQLite file "
            "path. Default: claims.db in the working directory.",
            show_envvar=True,
        ),
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option(
            "--as",
            metavar="NAME",
            envvar="CLAIMS_USER",
            help="Who is acting, for the audit log. Default: the operating-system user.",
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Options here apply to every command: claims --db FILE --as NAME COMMAND ..."""
    ctx.obj = State(db=db, actor=actor)


app.command("init")(database.init)
app.command("demo")(database.demo)
app.command("seed")(database.seed)
app.add_typer(database.app, name="db")
app.add_typer(sources.app, name="source")
app.add_typer(articles.app, name="article")
app.add_typer(claims.app, name="claim")
app.add_typer(appearances.app, name="appearance")
app.add_typer(review.app, name="review")
app.add_typer(reports.app, name="report")
app.command("drift")(drift.drift)
app.command("match")(matching.match)
app.command("sql")(sql.sql)
app.command("browse")(browse.browse)
app.command("suggest")(suggest.suggest)
app.command("export")(export.export)
app.command("import")(importing.import_file)


def main() -> None:
    refused = undecodable_argument(sys.argv[1:], os.environ)
    if refused is not None:
        typer.echo(f"Error: {refused}", err=True)
        raise SystemExit(1)
    app()


def _a_path(argument: str) -> bool:
    """A file's name, which may be any bytes: an existing path (``--db=PATH`` too), or a new
    one in an existing folder with a suffix and no spaces (``-o out\\xff.csv``)."""
    value = argument.split("=", 1)[1] if argument.startswith("--") and "=" in argument else argument
    if os.path.exists(value):
        return True
    folder = os.path.dirname(value)
    named = os.path.splitext(value)[1] and not any(c.isspace() for c in value)
    return bool(named) and os.path.isdir(folder or ".")


def undecodable_argument(arguments: list[str], environment) -> str | None:
    """What to say of an argument (or ``$CLAIMS_USER``) that is not text in the terminal's
    encoding, or None.

    Python hands such bytes on as lone surrogates, which no database stores: the command
    would fail at its first write. A file's name may be any bytes, so an existing path
    passes.
    """
    from claims.settings import USER_ENV

    named = [(f"the argument {value!r}", value) for value in arguments]
    named.append((f"${USER_ENV}", environment.get(USER_ENV) or ""))
    for label, value in named:
        found = next((c for c in value if "\udc80" <= c <= "\udcff"), None)
        if found is None or (label != f"${USER_ENV}" and _a_path(value)):
            continue
        byte = ord(found) - 0xDC00
        return (
            f"{label} is not UTF-8 text (byte 0x{byte:02x}): set the terminal to UTF-8 "
            "(LANG, LC_ALL) or type it again."
        )
    return None


if __name__ == "__main__":
    main()
