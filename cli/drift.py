"""``claims drift``: how a claim changed on its way from one outlet to the next."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Annotated

import typer

from cli.common import FormatOption, OutputFormat, emit, note, session_for


def drift(
    ctx: typer.Context,
    claim_id: Annotated[
        int | None, typer.Argument(metavar="CLAIM_ID", help="Only this claim's drift.")
    ] = None,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh",
            help="Recompute the stored findings first (after the lexicon or rules changed).",
        ),
    ] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show what changed between appearances of a claim: wording, names, hedging, attribution."""
    from claims.services.claims import get_claim
    from claims.services.drift import (
        DRIFT_FIELDS,
        list_drift,
        pending_drift,
        refresh_drift,
    )

    if refresh:
        with session_for(ctx) as session:
            if claim_id is not None:
                get_claim(session, claim_id)
            count = refresh_drift(session, None if claim_id is None else [claim_id])
        note(f"Recomputed {count} findings.")
    else:
        # An import cut short, or an upgrade that changed the rules, leaves claims whose
        # findings lag: complete them (the one asked for, or all), never show stale.
        with session_for(ctx, write=False) as session:
            pending = pending_drift(session, claim_id)
        if pending:
            claims = _complete_pending(ctx, claim_id, pending)
            note(
                f"Recomputed the findings of {claims} claim(s) left pending by an unfinished "
                "import or by an upgrade that changed the drift rules."
            )
    from claims.reports.drift import any_comparable, blank_placeholders

    with session_for(ctx, write=False) as session:
        rows = list_drift(session, claim_id)
        appearances = None if claim_id is None else len(get_claim(session, claim_id).appearances)
        compared = appearances is not None or any_comparable(session)
    if fmt == OutputFormat.table:
        # "—" marks the empty side of an addition or a drop for people; tools get null.
        emit(rows, fmt, tuple(f for f in DRIFT_FIELDS if f != "claim"))
    else:
        emit(blank_placeholders(rows), fmt, DRIFT_FIELDS)
    if appearances is not None and appearances < 2:
        # Said in every format (on stderr, so CSV and JSON stay data): an empty result
        # here means nothing was compared, not that the claim travelled unchanged.
        had = "no appearance" if appearances == 0 else "only one appearance"
        note(f"No drift: claim #{claim_id} has {had}, and drift needs two to compare.")
    elif not compared:
        note("No claim has two appearances to compare yet.")
    elif not rows and fmt == OutputFormat.table:
        note("No drift: every compared appearance has the same words and chain.")


# Claims recomputed per transaction when every pending claim is completed.
PENDING_BATCH = 500


def _complete_pending(ctx: typer.Context, claim_id: int | None, pending: int) -> int:
    """Recompute the pending findings: of ``claim_id`` alone when given, else of every
    listed claim, a batch per transaction (an upgrade may list a whole database; a
    stopped run keeps what it finished), with a bar on stderr for a person watching."""
    from claims.services.drift import refresh_drift, refresh_pending_drift

    if claim_id is not None:
        with session_for(ctx) as session:
            refresh_drift(session, [claim_id])
        return 1
    done = 0
    stderr = typer.get_text_stream("stderr")
    shown = stderr.isatty() and pending > PENDING_BATCH
    bar = typer.progressbar(length=pending, label="Drift", file=stderr) if shown else None
    with bar if bar is not None else nullcontext():
        while done < pending:  # no further: another import may be listing claims now
            with session_for(ctx) as session:
                claims, _ = refresh_pending_drift(session, limit=PENDING_BATCH)
            if not claims:
                break
            done += claims
            if bar is not None:
                bar.update(claims)
    return done
