"""``claims source ...``: the people, agencies, outlets and bodies that say or carry things."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import (
    FormatOption,
    OutputFormat,
    emit,
    emit_created,
    emit_record,
    in_transaction,
    session_for,
    state,
)

app = typer.Typer(help="Sources: people, agencies, outlets and bodies, with their aliases.")

KIND_HELP = "person, organisation, news_agency, outlet, state_body, media or other."


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The source's usual name.")],
    kind: Annotated[str, typer.Option("--kind", "-k", help=KIND_HELP)] = "other",
    alias: Annotated[
        list[str] | None,
        typer.Option("--alias", "-a", help="Another spelling; repeat for several."),
    ] = None,
    country: Annotated[str | None, typer.Option(help="Country code, e.g. CN.")] = None,
    url: Annotated[str | None, typer.Option(help="Web address or domain.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Add a source; prints its id."""
    from claims.records import source_record
    from claims.services.sources import add_source

    def work(session):
        source = add_source(
            session,
            name=name,
            kind=kind,
            aliases=alias or [],
            country=country,
            url=url,
            actor=state(ctx).user,
        )
        return source_record(source)

    emit_created(in_transaction(ctx, work), fmt)


@app.command("alias")
def alias(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The source, by name or any alias.")],
    aliases: Annotated[list[str], typer.Argument(help="New spellings to add.")],
) -> None:
    """Add spellings to a source, so they resolve to it."""
    from claims.services.sources import add_aliases, resolve_source

    with session_for(ctx) as session:
        source = resolve_source(session, name)
        added = add_aliases(session, source, aliases, actor=state(ctx).user)
        typer.echo(
            f"{len(added)} alias(es) added to source #{source.id} ({source.name}).", err=True
        )


@app.command("edit")
def edit(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The source, by name or any alias.")],
    kind: Annotated[str | None, typer.Option("--kind", "-k", help=KIND_HELP)] = None,
    country: Annotated[str | None, typer.Option(help="Country code; '' clears it.")] = None,
    url: Annotated[str | None, typer.Option(help="Web address; '' clears it.")] = None,
    notes: Annotated[str | None, typer.Option(help="Notes; '' clears them.")] = None,
) -> None:
    """Change a source's kind, country, URL or notes."""
    from claims.services.sources import resolve_source, update_source

    with session_for(ctx) as session:
        source = resolve_source(session, name)
        update_source(
            session,
            source,
            kind=kind,
            country=country,
            url=url,
            notes=notes,
            actor=state(ctx).user,
        )
    typer.echo(source.id)  # once committed


@app.command("list")
def list_(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="Only this kind.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List sources with their aliases."""
    from claims.records import SOURCE_FIELDS, source_record
    from claims.services.sources import list_sources

    with session_for(ctx, write=False) as session:
        rows = [source_record(source) for source in list_sources(session, kind=kind)]
    if fmt == OutputFormat.json:
        emit(rows, fmt)
        return
    for row in rows:
        row["aliases"] = "; ".join(row["aliases"])
    columns = (
        SOURCE_FIELDS if fmt == OutputFormat.csv else ("id", "name", "kind", "country", "aliases")
    )
    emit(rows, fmt, columns)


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The source, by name or any alias.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show one source and its aliases."""
    from claims.records import source_record
    from claims.services.sources import resolve_source

    with session_for(ctx, write=False) as session:
        record = source_record(resolve_source(session, name))
    emit_record(record, fmt)
