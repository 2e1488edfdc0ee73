"""``claims article ...``: stored article texts, with publisher and origin."""

from __future__ import annotations

from pathlib import Path
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

app = typer.Typer(help="Articles: immutable text snapshots with publisher, origin and date.")


@app.command("add")
def add(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="The article as a plain-text file or an HTML page; - reads standard input.",
        ),
    ],
    outlet: Annotated[
        str, typer.Option("--outlet", metavar="NAME", help="Who published it (a source).")
    ],
    origin: Annotated[
        str | None,
        typer.Option(
            "--origin",
            metavar="NAME",
            help="Whose text it is, if not the outlet's: the wire it copies or cites. "
            "Naming the outlet itself records no origin.",
        ),
    ] = None,
    origin_cue: Annotated[
        str | None,
        typer.Option(
            "--origin-cue",
            metavar="CUE",
            help="How it credits the origin, e.g. citing, via; needs --origin.",
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date, YYYY-MM-DD, from 1800 to a year from today.",
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="Headline.")] = None,
    url: Annotated[
        str | None, typer.Option("--url", metavar="URL", help="Where it was published.")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", metavar="CODE", help="e.g. en.")
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding", metavar="ENCODING", help="The file's encoding, when it is not UTF-8."
        ),
    ] = None,
    create_sources: CreateSourcesOption = False,
    clean: Annotated[
        bool,
        typer.Option(
            "--clean/--no-clean",
            help="Cut page debris (ads, newsletter and cookie notices, teasers, captions, "
            "bylines, repeated headlines); the text as received is kept too.",
        ),
    ] = True,
    html: Annotated[
        bool | None,
        typer.Option(
            "--html/--text",
            help="Read the file as an HTML page (main text extracted; only that text is "
            "kept, not the page) or as plain text. "
            "Default: HTML when the name ends in .html/.htm or the content is a page.",
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Store an article's text, cleaned of page debris; prints its id. The same text twice is
    refused."""
    from claims.files import read_text_file, read_text_stream
    from claims.html import page_text
    from claims.records import article_record
    from claims.services.articles import add_article

    if str(file) == "-":
        stdin = typer.get_binary_stream("stdin")
        text = read_text_stream(stdin, "standard input", encoding=encoding)
    else:
        text = read_text_file(file, encoding=encoding)
    text, from_html = page_text(text, name=file.name, html=html)

    def work(session):
        article = add_article(
            session,
            text=text,
            outlet=outlet,
            origin=origin,
            origin_cue=origin_cue,
            published=published,
            title=title,
            url=url,
            language=language,
            create_sources=create_sources,
            clean=clean,
            from_html=from_html,
            actor=state(ctx).user,
        )
        dropped = origin is not None and article.origin is None
        return article_record(article), dropped

    record, dropped_origin = in_transaction(ctx, work)
    if dropped_origin:
        note(
            f"No origin recorded: --origin names the outlet itself ({record['outlet']}), "
            "and an outlet's own text has no separate origin."
        )
    if from_html:
        note(_FROM_HTML)
    emit_created(record, fmt)


_FROM_HTML = (
    "Read as an HTML page: its main text was extracted, and that text is what is kept as "
    "received; the page itself (menus, banners, captions, teasers) is not stored, and "
    "`--removed` lists only what cleaning cut from the extracted text."
)


@app.command("list")
def list_(
    ctx: typer.Context,
    outlet: Annotated[
        str | None, typer.Option("--outlet", metavar="NAME", help="Only this publisher.")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List articles with how many appearances each holds: by publication date, the latest
    first, undated ones last; articles of one date in the order they were added (by id)."""
    from claims.records import ARTICLE_FIELDS, article_label, article_record
    from claims.services.articles import list_articles

    with session_for(ctx, write=False) as session:
        rows = []
        for article, appearances in list_articles(session, outlet=outlet):
            record = article_record(article)
            record["label"] = article_label(article)
            record["appearances"] = appearances
            rows.append(record)
    if fmt == OutputFormat.table:
        columns = ("id", "published", "outlet", "origin", "label", "appearances")
    else:
        columns = (*ARTICLE_FIELDS, "appearances")
    emit(rows, fmt, columns)
    note_if_none(
        len(rows),
        "articles",
        {"--outlet": outlet},
        otherwise="No articles yet: add one with `claims article add`.",
    )


@app.command("show")
def show(
    ctx: typer.Context,
    article_id: Annotated[int, typer.Argument(metavar="ID", help="Article id.")],
    text: Annotated[bool, typer.Option("--text/--no-text", help="Print the full text.")] = True,
    removed: Annotated[
        bool,
        typer.Option(
            "--removed",
            help="Show what cleaning cut from the text as received, with offsets and reasons "
            "(for an HTML page: from the text extracted from it; the page is not kept).",
        ),
    ] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show an article: its details, the claims it carries, and its text."""
    from claims.records import article_record
    from claims.services.appearances import list_appearances
    from claims.services.articles import get_article, removed_spans

    if removed:
        with session_for(ctx, write=False) as session:
            article = get_article(session, article_id)
            cuts, from_html = removed_spans(article), article.extracted_from_html
        if from_html:
            note(_FROM_HTML)
        emit(cuts, fmt, ("start", "end", "reason", "text"))
        return
    with session_for(ctx, write=False) as session:
        article = get_article(session, article_id)
        from_html = article.extracted_from_html
        record = article_record(article, with_text=text and fmt != OutputFormat.table)
        record["appearances"] = [
            {"id": a.id, "claim_id": a.claim_id, "quote": a.quote}
            for a in list_appearances(session, article_id=article.id)
        ]
        body = article.text
    if from_html:
        note(_FROM_HTML)
    if fmt != OutputFormat.table:
        emit_record(record, fmt)
        return
    appearances = record.pop("appearances")
    emit_record(record, fmt)
    if appearances:
        typer.echo("")
        emit(appearances, fmt)
    if text:
        typer.echo("")
        typer.echo(body)
