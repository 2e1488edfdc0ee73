"""Creating, migrating and filling databases: init, demo, seed and ``claims db ...``."""

from __future__ import annotations

from typing import Annotated

import typer

from claims.demo import DEFAULT_DEMO_FILE
from cli.common import (
    FormatOption,
    OutputFormat,
    confirm_or_stop,
    emit,
    note,
    session_for,
    state,
)

app = typer.Typer(
    help="Migrate the database schema (Alembic): upgrade, downgrade, current; "
    "grant-readonly for analysts."
)


def init(ctx: typer.Context) -> None:
    """Create the database, or upgrade it to this version's schema."""
    from claims import migrations
    from claims.settings import display_url

    url = state(ctx).url
    migrations.upgrade(url)
    revision, _ = migrations.current(url)
    note(f"Claims database ready at {display_url(url)} (schema revision {revision}).")


def demo(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Option(
            "--path",
            metavar="FILE",
            help="SQLite file for the demo; rebuilt on every run, unless work was added to it "
            "since it was built (then refused: delete it or give another --path).",
        ),
    ] = DEFAULT_DEMO_FILE,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Build a fresh demo database from seeds/ and print which outlet carries which claim."""
    from claims.db import open_session
    from claims.demo import build_demo
    from claims.reports import build

    url, summary = build_demo(path, actor=state(ctx).user)
    note(f"Demo database {path}: {summary}.")
    with open_session(url) as session:
        emit(build("carriers", session), fmt)
    note(f"Explore it: claims --db {path} report chains   |   claims --db {path} claim list")


def seed(ctx: typer.Context) -> None:
    """Load the seed articles and curated claims into the database (safe to repeat)."""
    from claims.seeds import load_seeds

    with session_for(ctx) as session:
        summary = load_seeds(session, actor=state(ctx).user)
    note(f"Seeds loaded: {summary}.")


@app.command("upgrade")
def upgrade(
    ctx: typer.Context,
    revision: Annotated[str, typer.Argument(metavar="REVISION", help="Target revision.")] = "head",
) -> None:
    """Migrate the database up to REVISION (default: the newest)."""
    from claims import migrations

    migrations.upgrade(state(ctx).url, revision)
    current_revision, head = migrations.current(state(ctx).url)
    note(f"Database at revision {current_revision} (newest: {head}).")


@app.command("downgrade")
def downgrade(
    ctx: typer.Context,
    revision: Annotated[
        str,
        typer.Argument(
            metavar="REVISION",
            help="Target revision: an id, 'base' to remove all, or -N to go N steps back "
            "(after `--`, with any option before it).",
        ),
    ],
    yes: Annotated[
        bool,
        typer.Option("--yes", help="Do not ask before a downgrade that deletes data for good."),
    ] = False,
) -> None:
    """Migrate the database down to REVISION; 'base' drops every claims table.

    A downgrade that deletes data an upgrade does not bring back asks first, naming it.
    Steps back go after `--` (options before it): claims db downgrade --yes -- -1
    """
    from claims import migrations

    losses = migrations.downgrade_losses(state(ctx).url, revision)
    if losses and not yes:
        target = migrations.downgrade_target(state(ctx).url, revision)
        said = target if target == revision else f"{target} ({revision})"
        confirm_or_stop(f"Downgrading to {said} deletes {'; '.join(losses)}. Go on?")
    migrations.downgrade(state(ctx).url, revision)
    current_revision, head = migrations.current(state(ctx).url)
    note(f"Database at revision {current_revision or 'base'} (newest: {head}).")


@app.command("current")
def current(ctx: typer.Context) -> None:
    """Show the database's schema revision and the newest this version knows."""
    from claims import migrations

    revision, head = migrations.current(state(ctx).url)
    status = "up to date" if revision == head else "needs `claims db upgrade`"
    if revision is None:
        status = "empty: run `claims init`"
    typer.echo(f"{revision or 'base'} (newest: {head}; {status})")


@app.command("grant-readonly")
def grant_readonly(
    ctx: typer.Context,
    role: Annotated[
        str, typer.Argument(metavar="ROLE", help="Role to create or update, e.g. claims_reader.")
    ],
    login: Annotated[
        bool,
        typer.Option(
            "--login",
            help="Let the role log in itself (asks for its password). Default: NOLOGIN, "
            "granted to each analyst's own login.",
        ),
    ] = False,
    password: Annotated[
        str | None,
        typer.Option(
            "--password",
            metavar="PASSWORD",
            envvar="CLAIMS_ROLE_PASSWORD",
            show_envvar=True,
            help="Password for a --login role; better from the environment or the prompt.",
        ),
    ] = None,
) -> None:
    """PostgreSQL: create or update ROLE to read every table and view and write nothing."""
    from claims.roles import grant_readonly_role

    if login and password is None:
        password = typer.prompt(
            f"Password for {role}", hide_input=True, confirmation_prompt=True, err=True
        )
    summary = grant_readonly_role(state(ctx).url, role, login=login, password=password)
    note(str(summary))
    if not login:
        note(f"Give it to an analyst's login with: GRANT {summary.sql_name} TO alice;")
