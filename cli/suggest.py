"""``claims suggest``: proposals from an article's text, listed or reviewed one by one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

import typer
from typer._click.exceptions import UsageError

from cli.common import (
    FormatOption,
    OutputFormat,
    ask,
    ask_action,
    emit,
    in_transaction,
    note,
    one_line,
    progress_bar,
    session_for,
    state,
)

RECORD_COLUMNS = (
    "id",
    "article_id",
    "kind",
    "status",
    "confidence",
    "rule",
    "sentence",
    "sentence_span",
    "claim",
    "quote",
    "quote_span",
    "quoted",
    "chain",
    "chain_text",
    "decided_by",
    "decided_at",
    "appearance_id",
)
ACTIONS = {"a": "accept", "e": "edit", "r": "reject", "s": "skip", "q": "quit"}
TABLE_COLUMNS = (
    "id",
    "kind",
    "status",
    "confidence",
    "sentence",
    "claim",
    "quote_span",
    "quoted",
    "chain_text",
)


def suggest(
    ctx: typer.Context,
    article_id: Annotated[int, typer.Argument(metavar="ARTICLE_ID", help="Article id.")],
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="Walk the pending proposals: accept, edit, reject or skip each one.",
        ),
    ] = False,
    all_: Annotated[
        bool,
        typer.Option(
            "--all", help="List decided proposals too, not only open ones (not with --review)."
        ),
    ] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Propose claims and attribution chains from an article's text, and list them."""
    from claims.suggestions.service import OPEN, compute_suggestions, suggestion_records

    _refuse_listing_options_with_review(ctx, review=review, all_=all_)

    def work(session):
        from claims.services.articles import get_article

        rows = compute_suggestions(session, article_id, actor=state(ctx).user, progress=progress)
        text = get_article(session, article_id).text
        return suggestion_records(session, rows, text)

    # Retried whole: of two people computing a new article's proposals at once, the second
    # to store them loses the race on their keys and, run again, finds them stored.
    with progress_bar("reading the article") as progress:
        records = in_transaction(ctx, work)
    if review:
        if not records:
            note(f"Nothing to review: article #{article_id} has no proposals.")
            return
        _review(ctx, [r for r in records if r["status"] in OPEN])
        return
    if not all_:
        records = [r for r in records if r["status"] in OPEN]
    if fmt == OutputFormat.table:
        for record in records:
            record["quote_span"] = "{}-{}".format(*record["quote_span"])
        emit(records, fmt, TABLE_COLUMNS)
    else:
        emit(records, fmt, RECORD_COLUMNS)


def _refuse_listing_options_with_review(ctx: typer.Context, *, review: bool, all_: bool) -> None:
    """--all and --format shape the listing; --review lists nothing (it walks the open
    proposals, the decided ones being past deciding), so either beside it is a mistake
    to point out, not to ignore."""
    from typer._click.core import ParameterSource

    if not review:
        return
    given = ["--all"] if all_ else []
    if ctx.get_parameter_source("fmt") is ParameterSource.COMMANDLINE:
        given.append("--format")
    if given:
        raise UsageError(
            f"{' and '.join(given)} {'go' if len(given) > 1 else 'goes'} with the listing, "
            "not with --review (it walks the open proposals and lists nothing): give one "
            "or the other.",
            ctx=ctx,
        )


def _review(ctx: typer.Context, records: list[dict]) -> None:
    if not records:
        note("Nothing to review: every proposal for this article is decided.")
        return
    tally = _Tally()
    try:
        for position, record in enumerate(records, start=1):
            if record["id"] in tally.closed:
                continue  # superseded by a decision on the same quotation
            action = _review_one(ctx, record, position, len(records), tally)
            if action == "quit":
                break
            if action == "gone":
                tally.closed.add(record["id"])
    except typer.Abort as stop:
        # What was decided is saved, the rest waits for the next run. Input that runs out
        # ends a piped walk as `q` does (exit 0: the proposals and decisions are stored, so
        # exit 1, "nothing changed", would be untrue); ^C is an interruption (exit 1).
        ended = isinstance(stop.__context__, EOFError)
        left = sum(1 for r in records if r["id"] not in tally.decided | tally.closed)
        note(
            f"Review stopped: {'no more input' if ended else 'interrupted'}; "
            f"{len(tally.decided)} decided, {left} left pending."
        )
        if ended:
            return
        raise typer.Exit(1) from None
    note(f"{len(tally.decided)} decision(s) recorded.")


@dataclass
class _Tally:
    """What a review run has settled: proposals decided, and those closed with them or
    decided by others meanwhile."""

    decided: set[int] = field(default_factory=set)
    closed: set[int] = field(default_factory=set)


def _review_one(ctx: typer.Context, record: dict, position: int, total: int, tally: _Tally) -> str:
    """Show one proposal, ask, and record the answer; returns the action taken, or "gone"
    when someone else decided it (or recorded its passage) meanwhile."""
    from functools import partial

    from claims.errors import ClaimsError
    from claims.suggestions.service import AlreadyDecided, decide, sources_to_create

    # Whatever is refused (a malformed chain, a mistyped source, a description for a name,
    # a new source not confirmed, a cycle), nothing of that step is saved and the same
    # proposal is shown and asked again, unless it is no longer open (decided meanwhile).
    while True:
        _show(record, position, total)
        action = _ask_action()
        if action == "quit":
            return action
        claim_text = chain = None
        try:
            if action == "edit":
                claim_text, chain = _edit(record)
                action = "accept"
            create: list[str] = []
            if action == "accept":
                with session_for(ctx, write=False) as session:
                    create = sources_to_create(
                        session, record["id"], claim_text=claim_text, chain=chain
                    )
                if create and not ask(
                    f"Create new source(s) {', '.join(map(repr, create))}?", confirm=True
                ):
                    note(f"Not saved: no source created; proposal #{record['id']} stays open.")
                    continue
            # Retried whole when another writer won a race (the same wording stored as a
            # claim meanwhile): the retry then meets the rule's own answer.
            decision = in_transaction(
                ctx,
                partial(
                    decide,
                    suggestion_id=record["id"],
                    decision=action,
                    actor=state(ctx).user,
                    claim_text=claim_text,
                    chain=chain,
                    create_sources=create,
                ),
            )
            row = decision.suggestion
            outcome = f"Proposal #{row.id}: {row.status}"
            if row.appearance_id:
                outcome += f" as appearance #{row.appearance_id}"
        except AlreadyDecided as error:
            note(f"Not saved: {one_line(str(error))}")
            return "gone"
        except ClaimsError as error:
            note(f"Not saved: {one_line(str(error))}")
            if _still_open(ctx, record["id"]):
                continue
            return "gone"
        break
    if decision.superseded:
        listed = ", ".join(f"#{number}" for number in decision.superseded)
        outcome += f"; closed as superseded (same quotation): {listed}"
    note(outcome + ".")
    if action != "skip":
        tally.decided.add(record["id"])
        tally.closed.update(decision.superseded)
    return action


def _still_open(ctx: typer.Context, suggestion_id: int) -> bool:
    """Whether the proposal can still be decided: not decided or removed meanwhile."""
    from claims.errors import NotFound
    from claims.suggestions.service import OPEN, get_suggestion

    with session_for(ctx, write=False) as session:
        try:
            return get_suggestion(session, suggestion_id).status in OPEN
        except NotFound:
            return False


def _ask_action() -> str:
    return ask_action("[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit", ACTIONS, asker=ask)


def _edit(record: dict) -> tuple[str, str | None]:
    """The reviewer's claim text (or origin name) and, for a claim, the chain as stated."""
    what = "Origin source" if record["kind"] == "origin" else "Claim text"
    claim_text = ask(what, default=record["claim"])
    if record["kind"] != "claim":
        return claim_text, None
    from claims.chains import parse_chain
    from claims.suggestions.service import stated_chain_text

    chain = ask(
        "Chain as stated (e.g. Wang Xiaohong [told] > Xinhua [said]; '-' for none)",
        default=stated_chain_text(record) or "-",
    )
    chain = "" if chain.strip() == "-" else chain
    parse_chain(chain)  # refuse a malformed chain before anything is written
    return claim_text, chain


def _marked(quote: str) -> str:
    """The quoted words set off by quotation marks, unless they open with their own."""
    from claims.text import QUOTE_MARKS

    return quote if quote[:1] in QUOTE_MARKS else f'"{quote}"'


def _show(record: dict, position: int, total: int) -> None:
    lines = ["", f"[{position}/{total}] Proposal #{record['id']} ({record['kind']}, "
             f"confidence {record['confidence']:.2f}, {record['rule']})"]  # fmt: skip
    if record["kind"] == "origin":
        hop = record["chain"][0]
        lines.append(f"  The article's origin: {hop['name']} ({hop['cue']}); {hop['why']}")
    else:
        lines += [
            f"  Sentence: {' '.join(record['sentence'].split())}",
            f"  Claim:    {record['claim']}",
            "  Quote:    {} @{}-{}{}".format(
                _marked(" ".join(record["quote"].split())),
                *record["quote_span"],
                " (inside quotation marks)" if record["quoted"] else "",
            ),
            f"  Chain:    {record['chain_text']}",
        ]
    typer.echo("\n".join(lines), err=True)
