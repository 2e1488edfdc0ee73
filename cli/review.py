"""``claims review``: the review queue and the decisions on claims."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import ask, ask_action, note, session_for, state

app = typer.Typer(
    help="Review claims: run alone for the interactive queue, or submit/approve/reject/reopen.",
    invoke_without_command=True,
)

NoteOption = Annotated[
    str | None, typer.Option("--note", "-n", metavar="TEXT", help="Why, for the record.")
]
ClaimIds = Annotated[list[int], typer.Argument(metavar="ID", help="Claim ids.")]

ACTIONS = {"a": "approve", "r": "reject", "e": "edit", "s": "skip", "q": "quit"}


@app.callback()
def queue(ctx: typer.Context) -> None:
    """Walk the claims waiting in review: approve, reject, edit or skip each one."""
    if ctx.invoked_subcommand is not None:
        return
    from claims.services.review import review_queue

    with session_for(ctx, write=False) as session:
        waiting = [claim.id for claim in review_queue(session)]
    if not waiting:
        note(
            "Nothing to review: no claim is in review. "
            "Submit drafts with `claims review submit ID`."
        )
        return
    note(f"{len(waiting)} claim(s) in review.")
    decided = settled = 0
    try:
        for position, claim_id in enumerate(waiting, start=1):
            outcome = _review_one(ctx, claim_id, position, len(waiting))
            if outcome == "quit":
                break
            decided += outcome in ("approve", "reject")
            settled += outcome in ("approve", "reject", "gone")
    except typer.Abort as stop:
        # What was decided is saved, the rest stays in review. Input that runs out ends a
        # piped walk as `q` does (exit 0, as `claims suggest --review` and `claims match
        # --review`: exit 1 says nothing changed); ^C is an interruption (exit 1).
        ended = isinstance(stop.__context__, EOFError)
        left = len(waiting) - settled
        note(
            f"Review stopped: {'no more input' if ended else 'interrupted'}; "
            f"{decided} decided, {left} left in review."
        )
        if ended:
            return
        raise typer.Exit(1) from None
    note(f"{decided} decision(s) recorded.")


def _review_one(ctx: typer.Context, claim_id: int, position: int, total: int) -> str:
    """Show one claim, ask, and record the answer; returns the action taken, or "gone"
    when someone else decided or deleted the claim meanwhile."""
    from claims.errors import ClaimsError, NotFound
    from claims.services import review
    from claims.services.claims import edit_claim, get_claim

    while True:
        try:
            with session_for(ctx, write=False) as session:
                claim = get_claim(session, claim_id)
                if claim.status != "in_review":
                    note(f"Claim #{claim_id} is {claim.status} now; skipped.")
                    return "gone"
                _show(claim, position, total)
                seen = claim.version
        except NotFound:
            return _deleted(claim_id)
        action = _ask_action()
        if action in ("skip", "quit"):
            return action
        try:
            if action == "edit":
                text = ask("Claim text", default=claim.text)
                verdict = ask("Verdict ('-' for none)", default=claim.verdict or "-")
                with session_for(ctx) as session:
                    current = get_claim(session, claim_id)
                    if current.version != seen:
                        note(f"Claim #{claim_id} changed meanwhile; showing it again.")
                        continue
                    edit_claim(
                        session,
                        current,
                        text=text,
                        verdict="" if verdict.strip() == "-" else verdict,
                        actor=state(ctx).user,
                    )
                continue
            reason = _ask_note()
            with session_for(ctx) as session:
                status = review.decide(
                    session,
                    claim_id,
                    action,
                    actor=state(ctx).user,
                    note=reason,
                    seen_version=seen,
                ).status
        except NotFound:
            return _deleted(claim_id)
        except ClaimsError as error:
            # Refused (a duplicate wording, a change meanwhile): say why, show it again.
            note(f"Not saved: {error}")
            continue
        note(f"Claim #{claim_id}: {status}.")
        return action


def _deleted(claim_id: int) -> str:
    """Another user deleted the claim while it waited in the queue or was shown: there is
    nothing left to decide, and the walk goes on."""
    note(f"Claim #{claim_id} was deleted meanwhile; skipped.")
    return "gone"


def _ask_action() -> str:
    return ask_action("[a]pprove, [r]eject, [e]dit, [s]kip, [q]uit", ACTIONS, asker=ask)


def _ask_note() -> str:
    """The optional note of a decision; the end of input here means no note, not "stop":
    the decision was made, and the next question finds the input ended."""
    try:
        return ask("Note (optional, Enter for none)", default="", show_default=False)
    except typer.Abort as stop:
        if isinstance(stop.__context__, EOFError):
            return ""
        raise


def _show(claim, position: int, total: int) -> None:
    from claims.chains import render_with_cues
    from claims.services.appearances import quotation_context

    lines = [
        "",
        f"[{position}/{total}] Claim #{claim.id} ({claim.status})",
        f"  {claim.text}",
    ]
    if claim.verdict:
        lines.append(f"  Verdict: {claim.verdict}")
    if claim.notes:
        lines.append(f"  Notes: {claim.notes}")
    if not claim.appearances:
        lines.append("  No appearance recorded yet.")
    for appearance in claim.appearances:
        article = appearance.article
        context = quotation_context(appearance, width=100)
        hops = render_with_cues([(hop.source.name, hop.cue) for hop in appearance.hops])
        published = article.published.isoformat() if article.published else "undated"
        lines += [
            f"  - Appearance #{appearance.id} in article #{article.id}, "
            f"{article.publisher.name}, {published}"
            + (" [inside quotation marks]" if appearance.quoted else ""),
            f"    …{context.before}»{context.quote}«{context.after}…",
            f"    Chain: {hops}",
        ]
    typer.echo("\n".join(lines), err=True)


def _decide_all(ctx: typer.Context, ids: list[int], action: str, reason: str | None) -> None:
    from claims.services.review import decide_many

    with session_for(ctx) as session:
        decided = [
            (claim.id, claim.status)
            for claim in decide_many(session, ids, action, actor=state(ctx).user, note=reason)
        ]
    # Printed only once committed: a batch is decided whole or not at all.
    for claim_id, status in decided:
        typer.echo(f"{claim_id}\t{status}")


@app.command("submit")
def submit(ctx: typer.Context, ids: ClaimIds, reason: NoteOption = None) -> None:
    """Send draft claims for review (draft → in_review)."""
    _decide_all(ctx, ids, "submit", reason)


@app.command("approve")
def approve(ctx: typer.Context, ids: ClaimIds, reason: NoteOption = None) -> None:
    """Approve claims in review (in_review → approved)."""
    _decide_all(ctx, ids, "approve", reason)


@app.command("reject")
def reject(ctx: typer.Context, ids: ClaimIds, reason: NoteOption = None) -> None:
    """Reject claims in review (in_review → rejected)."""
    _decide_all(ctx, ids, "reject", reason)


@app.command("reopen")
def reopen(ctx: typer.Context, ids: ClaimIds, reason: NoteOption = None) -> None:
    """Send claims back to draft (from in_review, approved or rejected)."""
    _decide_all(ctx, ids, "reopen", reason)
