"""``claims source ...``: the people, agencies, outlets and bodies that say or carry things."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import (
    FormatOption,
    OutputFormat,
    checked_by,
    emit,
    emit_created,
    emit_record,
    in_transaction,
    note,
    note_if_none,
    session_for,
    state,
)

app = typer.Typer(help="Sources: people, agencies, outlets and bodies, with their aliases.")

KIND_HELP = "person, organisation, news_agency, outlet, state_body, media or other."


def _kind(value: str) -> str:
    from claims.services.sources import check_kind

    return check_kind(value)


# Another kind is a usage error, as any value outside an option's choices.
KIND = checked_by(_kind)


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The source's usual name.")],
    kind: Annotated[
        str, typer.Option("--kind", "-k", metavar="KIND", help=KIND_HELP, callback=KIND)
    ] = "other",
    alias: Annotated[
        list[str] | None,
        typer.Option(
            "--alias", "-a", metavar="ALIAS", help="Another spelling; repeat for several."
        ),
    ] = None,
    country: Annotated[
        str | None, typer.Option(metavar="CODE", help="ISO 3166-1 alpha-2 country code, e.g. CN.")
    ] = None,
    url: Annotated[str | None, typer.Option(metavar="URL", help="Web address or domain.")] = None,
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
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="The source, by name, any alias or #ID.")
    ],
    aliases: Annotated[list[str], typer.Argument(metavar="ALIAS", help="New spellings to add.")],
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
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="The source, by name, any alias or #ID.")
    ],
    new_name: Annotated[
        str | None,
        typer.Option("--name", metavar="NAME", help="A new name; the old one stays as an alias."),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", metavar="KIND", help=KIND_HELP, callback=KIND)
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(metavar="CODE", help="ISO 3166-1 alpha-2 country code; '' clears it."),
    ] = None,
    url: Annotated[
        str | None, typer.Option(metavar="URL", help="Web address; '' clears it.")
    ] = None,
    notes: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Notes; '' clears them.")
    ] = None,
) -> None:
    """Rename a source or change its kind, country, URL or notes."""
    from claims.services.sources import resolve_source, update_source

    with session_for(ctx) as session:
        source = resolve_source(session, name)
        update_source(
            session,
            source,
            name=new_name,
            kind=kind,
            country=country,
            url=url,
            notes=notes,
            actor=state(ctx).user,
        )
    typer.echo(source.id)  # once committed


@app.command("merge")
def merge(
    ctx: typer.Context,
    duplicate: Annotated[
        str,
        typer.Argument(
            metavar="FROM",
            help="The duplicate, by its name or #ID: it is deleted once merged.",
        ),
    ],
    into: Annotated[
        str, typer.Argument(metavar="INTO", help="The source that stays, by its name or #ID.")
    ],
    yes: Annotated[
        bool,
        typer.Option(
            "--yes", help="Do not ask before merging sources of two kinds (an agency, a person)."
        ),
    ] = False,
) -> None:
    """Merge a duplicate source into another: its chains, articles and spellings move over."""
    from claims.services.source_merge import merge_sources, sources_to_merge
    from cli.common import confirm_or_stop

    with session_for(ctx) as session:
        source, target, caution = sources_to_merge(session, duplicate, into)
        if caution and not yes:
            confirm_or_stop(f"{caution} Merge them?")
        merged = merge_sources(session, source, target, actor=state(ctx).user)
    # Reported once committed.
    note(
        f"Source #{merged.source_id} ({merged.source_name}) merged into #{merged.into_id} "
        f"({merged.into_name}): {merged.hops} chain hop(s) in {len(merged.appearances)} "
        f"appearance(s), {len(merged.collapsed)} of them one hop shorter; "
        f"{len(merged.publisher_of)} article(s) published, {len(merged.origin_of)} as origin; "
        f"{len(merged.aliases)} spelling(s); {len(merged.suggestions)} proposal(s); drift "
        f"recomputed for {len(merged.claims)} claim(s)."
    )
    typer.echo(merged.into_id)


@app.command("list")
def list_(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", "-k", metavar="KIND", help=f"Only this kind: {KIND_HELP}", callback=KIND
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List sources with their aliases."""
    from claims.records import SOURCE_FIELDS, source_record
    from claims.services.sources import list_sources

    with session_for(ctx, write=False) as session:
        rows = [source_record(source) for source in list_sources(session, kind=kind)]
    note_if_none(
        len(rows),
        "sources",
        {"--kind": kind},
        otherwise="No sources yet: add one with `claims source add`.",
    )
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
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="The source, by name, any alias or #ID.")
    ],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show one source and its aliases."""
    from claims.records import source_record
    from claims.services.sources import resolve_source

    with session_for(ctx, write=False) as session:
        record = source_record(resolve_source(session, name))
    emit_record(record, fmt)
