"""The ``claims`` command line: one sub-app per noun, joined here."""

from __future__ import annotations

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
    app()


if __name__ == "__main__":
    main()
