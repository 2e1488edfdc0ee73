"""``claims claim ...``: canonical atomic statements."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import (
    FormatOption,
    OutputFormat,
    checked_by,
    confirm_or_stop,
    emit,
    emit_created,
    emit_record,
    in_transaction,
    note,
    note_if_none,
    session_for,
    state,
)

app = typer.Typer(help="Claims: canonical atomic statements, each stored once.")

ClaimId = Annotated[int, typer.Argument(metavar="ID", help="Claim id.")]


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT",
            help="The claim, as one atomic statement. One that starts with '-' goes after "
            "--, options before it: claims claim add -- '-5% growth was recorded.'",
        ),
    ],
    verdict: Annotated[
        str | None, typer.Option(metavar="VERDICT", help="e.g. true, false, misleading.")
    ] = None,
    notes: Annotated[str | None, typer.Option(metavar="TEXT", help="Notes for reviewers.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Add a draft claim; prints its id. The same statement twice is refused. Quotation
    marks around the whole text are dropped: the quotation belongs to an appearance."""
    from claims.records import claim_record
    from claims.services.claims import add_claim

    def work(session):
        claim = add_claim(session, text=text, verdict=verdict, notes=notes, actor=state(ctx).user)
        return claim_record(claim)

    record = in_transaction(ctx, work)
    _note_dropped_quotes(text)
    emit_created(record, fmt)


def _note_dropped_quotes(text: str) -> None:
    from claims.services.claims import enclosing_quotes

    marks = enclosing_quotes(text)
    if marks:
        note(
            f"Stored without the quotation marks {marks} around the whole text: a claim is a "
            "statement; the quotation, with its marks, belongs to an appearance."
        )


def _status(value: str) -> str:
    from claims.services.claims import check_status

    return check_status(value)


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            metavar="STATUS",
            help="draft, in_review, approved or rejected.",
            callback=checked_by(_status),
        ),
    ] = None,
    outlet: Annotated[
        str | None,
        typer.Option("--outlet", metavar="NAME", help="Only claims this outlet carries."),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            metavar="WORDS",
            help="Only claims whose text or a quotation holds every one of these words, "
            "best match first.",
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List claims, optionally by status, by an outlet that carries them, or by words."""
    from claims.records import CLAIM_FIELDS, claim_record
    from claims.services.claims import list_claims

    with session_for(ctx, write=False) as session:
        claims = list_claims(session, status=status, outlet=outlet, search=search)
        rows = [claim_record(c) for c in claims]
    if fmt == OutputFormat.table:
        emit(rows, fmt, ("id", "status", "verdict", "text", "created_by"))
    else:
        emit(rows, fmt, CLAIM_FIELDS)
    note_if_none(
        len(rows),
        "claims",
        {"--status": status, "--outlet": outlet, "--search": search},
        otherwise="No claims yet: add one with `claims claim add`, or `claims import` a file.",
    )


@app.command("show")
def show(ctx: typer.Context, claim_id: ClaimId, fmt: FormatOption = OutputFormat.table) -> None:
    """Show a claim with every appearance, its chain, and its review history."""
    from claims.records import claim_record
    from claims.services.claims import get_claim

    with session_for(ctx, write=False) as session:
        record = claim_record(get_claim(session, claim_id), detailed=True)
    if fmt != OutputFormat.table:
        emit_record(record, fmt)
        return
    appearances = record.pop("appearances")
    reviews = record.pop("reviews")
    emit_record(record, fmt)
    if appearances:
        typer.echo("\nAppearances")
        emit(
            [
                {
                    "id": a["id"],
                    "article": a["article_id"],
                    "outlet": a["outlet"],
                    "published": a["published"],
                    "quote": a["quote"],
                    "chain": a["chain"],
                }
                for a in appearances
            ],
            fmt,
        )
    if reviews:
        typer.echo("\nReview history")
        emit(reviews, fmt)


@app.command("edit")
def edit(
    ctx: typer.Context,
    claim_id: ClaimId,
    text: Annotated[str | None, typer.Option("--text", metavar="TEXT", help="New wording.")] = None,
    verdict: Annotated[
        str | None, typer.Option(metavar="VERDICT", help="New verdict; '' clears it.")
    ] = None,
    notes: Annotated[
        str | None, typer.Option(metavar="TEXT", help="New notes; '' clears them.")
    ] = None,
) -> None:
    """Change a claim. New text or verdict on a decided claim sends it back to draft. Quotation
    marks around the whole new text are dropped, as by claim add."""
    from claims.services.claims import edit_claim, get_claim

    if text is None and verdict is None and notes is None:
        from claims.errors import InvalidInput

        raise InvalidInput("Nothing to change: give --text, --verdict or --notes.")
    with session_for(ctx) as session:
        claim = get_claim(session, claim_id)
        previous = claim.status
        edit_claim(session, claim, text=text, verdict=verdict, notes=notes, actor=state(ctx).user)
    # Reported once committed.
    if text is not None:
        _note_dropped_quotes(text)
    if claim.status != previous:
        note(f"Claim #{claim.id} was {previous}; it is a draft again and needs review.")
    typer.echo(claim.id)


@app.command("delete")
def delete(
    ctx: typer.Context,
    claim_id: ClaimId,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a claim and its appearances (the audit log keeps a record)."""
    from claims.services.claims import delete_claim, get_claim

    with session_for(ctx) as session:
        claim = get_claim(session, claim_id)
        if not yes:
            confirm_or_stop(
                f"Delete claim #{claim.id} and its {len(claim.appearances)} appearance(s)?"
            )
        delete_claim(session, claim, actor=state(ctx).user)
    note(f"Claim #{claim_id} deleted.")
