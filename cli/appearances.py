"""``claims appearance ...``: a claim carried by an article, quoted verbatim, with its chain."""

from __future__ import annotations

import re
from typing import Annotated

import typer

from cli.common import (
    CreateSourcesOption,
    FormatOption,
    OutputFormat,
    emit,
    emit_created,
    emit_record,
    in_transaction,
    note,
    note_if_none,
    session_for,
    state,
)

app = typer.Typer(
    help="Appearances: where an article carries a claim, in which words, on whose word."
)

ChainOption = Annotated[
    str | None,
    typer.Option(
        "--chain",
        metavar="CHAIN",
        help='What the sentence itself states, origin first: "Wang Xiaohong [told] > Xinhua '
        "[said]\". Cues in [brackets] are optional. The article's origin and publisher are "
        "appended automatically.",
    ),
]


@app.command("add")
def add(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(metavar="CLAIM_ID", help="The claim carried.")],
    article_id: Annotated[
        int, typer.Argument(metavar="ARTICLE_ID", help="The article carrying it.")
    ],
    quote: Annotated[
        str,
        typer.Option("--quote", "-q", metavar="TEXT", help="The verbatim words in the article."),
    ],
    chain: ChainOption = None,
    occurrence: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            min=1,
            help="Which occurrence (from 1), needed when the words appear more than once.",
        ),
    ] = None,
    create_sources: CreateSourcesOption = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Record that an article carries a claim; prints the appearance id."""
    from claims.records import appearance_record
    from claims.services.appearances import add_appearance

    def work(session):
        appearance = add_appearance(
            session,
            claim_id=claim_id,
            article_id=article_id,
            quote=quote,
            chain=chain,
            occurrence=occurrence,
            create_sources=create_sources,
            actor=state(ctx).user,
        )
        return appearance_record(appearance)

    record = in_transaction(ctx, work)
    emit_created(record, fmt)
    if fmt == OutputFormat.table:
        note(f"Chain: {record['chain']}")


@app.command("list")
def list_(
    ctx: typer.Context,
    claim: Annotated[
        int | None, typer.Option("--claim", metavar="ID", help="Only this claim's.")
    ] = None,
    article: Annotated[
        int | None, typer.Option("--article", metavar="ID", help="Only this article's.")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List appearances with their quotation and chain."""
    from claims.records import APPEARANCE_FIELDS, appearance_record
    from claims.services.appearances import list_appearances

    with session_for(ctx, write=False) as session:
        rows = [
            appearance_record(a)
            for a in list_appearances(session, claim_id=claim, article_id=article)
        ]
    note_if_none(
        len(rows),
        "appearances",
        {"--claim": claim, "--article": article},
        otherwise="No appearances yet: add one with `claims appearance add`.",
    )
    if fmt == OutputFormat.json:
        emit(rows, fmt)
    elif fmt == OutputFormat.csv:
        emit(rows, fmt, APPEARANCE_FIELDS)
    else:
        emit(rows, fmt, ("id", "claim_id", "article_id", "outlet", "quote", "quoted", "chain"))


@app.command("show")
def show(
    ctx: typer.Context,
    appearance_id: Annotated[int, typer.Argument(metavar="ID", help="Appearance id.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show an appearance: the quotation in context and each hop of its chain."""
    from claims.records import appearance_record
    from claims.services.appearances import get_appearance, quotation_context

    with session_for(ctx, write=False) as session:
        appearance = get_appearance(session, appearance_id)
        record = appearance_record(appearance)
        context = quotation_context(appearance)
    if fmt != OutputFormat.table:
        emit_record(record, fmt)
        return
    hops = [{key: _one_line(value) for key, value in hop.items()} for hop in record.pop("hops")]
    emit_record({key: _one_line(value) for key, value in record.items()}, fmt)
    typer.echo(f"\nIn context: …{context.before}[{context.quote}]{context.after}…")
    typer.echo("")
    emit(hops, fmt)


# Every break str.splitlines() knows, a Windows line end counted once.
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def _one_line(value):
    """A table cell's text with each line break shown as ⏎.

    A prefix or suffix often crosses a paragraph end; printed raw, its breaks
    would start new rows in the field/value table. CSV and JSON keep them.
    """
    return _LINE_BREAKS.sub("\u23ce", value) if isinstance(value, str) else value


@app.command("chain")
def chain(
    ctx: typer.Context,
    appearance_id: Annotated[int, typer.Argument(metavar="ID", help="Appearance id.")],
    stated: Annotated[
        str,
        typer.Argument(
            metavar="CHAIN",
            help='The stated part of the chain, e.g. "Wang Xiaohong [told] > Xinhua [said]"; '
            "'' for none.",
        ),
    ],
    create_sources: CreateSourcesOption = False,
) -> None:
    """Replace the stated part of an appearance's chain; prints the whole new chain."""
    from claims.services.appearances import chain_text, get_appearance, set_chain

    with session_for(ctx) as session:
        appearance = get_appearance(session, appearance_id)
        set_chain(session, appearance, stated, create_sources=create_sources, actor=state(ctx).user)
        session.refresh(appearance)
        rendered = chain_text(appearance)
    typer.echo(rendered)  # once committed


@app.command("delete")
def delete(
    ctx: typer.Context,
    appearance_id: Annotated[int, typer.Argument(metavar="ID", help="Appearance id.")],
) -> None:
    """Delete an appearance (the audit log keeps a record)."""
    from claims.services.appearances import delete_appearance, get_appearance

    with session_for(ctx) as session:
        delete_appearance(session, get_appearance(session, appearance_id), actor=state(ctx).user)
    note(f"Appearance #{appearance_id} deleted.")
