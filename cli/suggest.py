"""``claims suggest``: proposals from an article's text, listed or reviewed one by one."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import FormatOption, OutputFormat, emit, note, session_for, state

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
        bool, typer.Option("--all", help="List decided proposals too, not only open ones.")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Propose claims and attribution chains from an article's text, and list them."""
    from claims.suggestions.service import compute_suggestions, suggestion_record

    with session_for(ctx) as session:
        from claims.services.articles import get_article

        rows = compute_suggestions(session, article_id, actor=state(ctx).user)
        text = get_article(session, article_id).text
        records = [suggestion_record(row, text) for row in rows]
    if review:
        _review(ctx, [r for r in records if r["status"] in ("pending", "skipped")])
        return
    if not all_:
        records = [r for r in records if r["status"] in ("pending", "skipped")]
    if fmt == OutputFormat.table:
        for record in records:
            record["quote_span"] = "{}-{}".format(*record["quote_span"])
        emit(records, fmt, TABLE_COLUMNS)
    else:
        emit(records, fmt, RECORD_COLUMNS)


def _review(ctx: typer.Context, records: list[dict]) -> None:
    from claims.errors import ClaimsError, InvalidInput
    from claims.suggestions.service import decide

    if not records:
        note("Nothing to review: every proposal for this article is decided.")
        return
    decided = 0
    for position, record in enumerate(records, start=1):
        _show(record, position, len(records))
        answer = typer.prompt("[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit", err=True)
        action = ACTIONS.get(answer.strip().lower())
        if action is None:
            raise InvalidInput(f"Unknown answer {answer.strip()!r}: answer a, e, r, s or q.")
        if action == "quit":
            break
        claim_text = chain = None
        if action == "edit":
            what = "Origin source" if record["kind"] == "origin" else "Claim text"
            claim_text = typer.prompt(what, default=record["claim"], err=True)
            if record["kind"] == "claim":
                from claims.chains import parse_chain
                from claims.suggestions.service import stated_chain_text

                chain = typer.prompt(
                    "Chain as stated (e.g. Wang Xiaohong [told] > Xinhua [said]; '-' for none)",
                    default=stated_chain_text(record) or "-",
                    err=True,
                )
                chain = "" if chain.strip() == "-" else chain
                parse_chain(chain)  # refuse a malformed chain before anything is written
            action = "accept"
        try:
            with session_for(ctx) as session:
                row = decide(
                    session,
                    record["id"],
                    action,
                    actor=state(ctx).user,
                    claim_text=claim_text,
                    chain=chain,
                )
                outcome = f"Proposal #{row.id}: {row.status}"
                if row.appearance_id:
                    outcome += f" as appearance #{row.appearance_id}"
        except ClaimsError as error:
            # Refused (a cycle in the chain, decided meanwhile): nothing of it is saved.
            note(f"Not saved: {error}")
            continue
        note(outcome + ".")
        decided += action in ("accept", "reject")
    note(f"{decided} decision(s) recorded.")


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
            "  Quote:    {}-{}{}".format(
                *record["quote_span"], " (inside quotation marks)" if record["quoted"] else ""
            ),
            f"  Chain:    {record['chain_text']}",
        ]
    typer.echo("\n".join(lines), err=True)
