"""``claims match``: find where else a claim appears, and decide on the candidates."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import FormatOption, OutputFormat, emit, note, session_for, state

COLUMNS = (
    "candidate",
    "claim_id",
    "article_id",
    "outlet",
    "published",
    "start",
    "end",
    "score",
    "level",
    "passage",
)
ACTIONS = {"a": "accept", "r": "reject", "s": "skip", "q": "quit"}


def match(
    ctx: typer.Context,
    claim_id: Annotated[
        int | None, typer.Argument(metavar="[CLAIM_ID]", help="The claim to look for.")
    ] = None,
    all_claims: Annotated[
        bool,
        typer.Option("--all", help="Match every claim whose inputs changed since its last run."),
    ] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", help="Show at most N candidates.")
    ] = 10,
    suggest: Annotated[
        float | None,
        typer.Option(
            "--suggest",
            metavar="SCORE",
            envvar="CLAIMS_MATCH_SUGGEST",
            help="Suggest threshold: passages scoring at least this are stored and shown "
            "(default 0.70).",
        ),
    ] = None,
    auto: Annotated[
        float | None,
        typer.Option(
            "--auto",
            metavar="SCORE",
            envvar="CLAIMS_MATCH_AUTO",
            help="Auto threshold: passages scoring at least this may be accepted with "
            "--accept-auto (default 0.95).",
        ),
    ] = None,
    accept_auto: Annotated[
        bool,
        typer.Option("--accept-auto", help="Record the candidates at or above the auto threshold."),
    ] = False,
    review: Annotated[
        bool,
        typer.Option("--review", help="Walk the pending candidates: accept, reject, skip, quit."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="With --all: match again even unchanged claims.")
    ] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Rank passages of other articles that may carry a claim (article, outlet, span, score).

    Candidates at or above the suggest threshold are stored as pending, for --review or
    --accept-auto; accepted ones become appearances (provenance "proposed").
    """
    from claims.services import matching

    thresholds = matching.check_thresholds(suggest, auto)
    matching.check_limit(limit)
    if claim_id is None and not all_claims and not review:
        from claims.errors import InvalidInput

        raise InvalidInput("Give a CLAIM_ID, or --all to match every claim, or --review.")
    if claim_id is not None and all_claims:
        from claims.errors import InvalidInput

        raise InvalidInput("Give either a CLAIM_ID or --all, not both.")
    if all_claims:
        _match_all(ctx, thresholds, force=force)
    elif claim_id is not None:
        with session_for(ctx) as session:
            matching.get_claim(session, claim_id)
            index = matching.load_index(session)
            matching.match_claim(session, claim_id, index, thresholds=thresholds)
    if accept_auto:
        with session_for(ctx) as session:
            ids = [claim_id] if claim_id is not None else matching.claims_with_pending(session)
            accepted = [
                a
                for cid in ids
                for a in matching.accept_auto(
                    session, cid, thresholds=thresholds, actor=state(ctx).user
                )
            ]
        note(f"{len(accepted)} candidate(s) at or above {thresholds.auto} accepted.")
    if review:
        _review(ctx, claim_id, thresholds)
        return
    with session_for(ctx, write=False) as session:
        rows = matching.candidate_rows(session, claim_id, thresholds=thresholds)
    emit(rows[:limit] if limit else rows, fmt, COLUMNS)


def _match_all(ctx: typer.Context, thresholds, *, force: bool) -> None:
    from rich.progress import Progress

    from claims.services import matching

    with session_for(ctx, write=False) as session:
        index = matching.load_index(session)
        todo = matching.stale_claims(session, index, thresholds, force=force)
    note(f"{len(todo)} claim(s) to match against {len(index.texts)} article(s).")
    found = 0
    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task("matching", total=len(todo))
        for claim_id in todo:
            # One transaction per claim: an interrupted run keeps what it finished.
            with session_for(ctx) as session:
                found += len(matching.match_claim(session, claim_id, index, thresholds=thresholds))
            progress.advance(task)
    note(f"{found} candidate(s) at or above {thresholds.suggest} stored.")


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _review(ctx: typer.Context, claim_id: int | None, thresholds) -> None:
    from claims.errors import ClaimsError
    from claims.services import matching

    with session_for(ctx, write=False) as session:
        waiting = [
            c.id for c in matching.pending_candidates(session, claim_id, minimum=thresholds.suggest)
        ]
    if not waiting:
        note("Nothing to review: no pending candidate. Run `claims match CLAIM_ID` first.")
        return
    note(f"{len(waiting)} candidate(s) to review.")
    decided = 0
    for position, candidate_id in enumerate(waiting, start=1):
        with session_for(ctx, write=False) as session:
            candidate = matching.get_candidate(session, candidate_id)
            if candidate.status != "pending":
                continue
            _show(matching.describe(session, candidate), position, len(waiting))
        action = _ask()
        if action == "quit":
            break
        if action == "skip":
            continue
        try:
            with session_for(ctx) as session:
                if action == "accept":
                    appearance = matching.accept_candidate(
                        session, candidate_id, actor=state(ctx).user
                    )
                    note(f"Accepted: appearance #{appearance.id}.")
                else:
                    matching.reject_candidate(session, candidate_id, actor=state(ctx).user)
                    note("Rejected.")
        except ClaimsError as error:
            note(f"Not saved: {error}")
            continue
        decided += 1
    note(f"{decided} decision(s) recorded.")


def _ask() -> str:
    while True:
        answer = typer.prompt("[a]ccept, [r]eject, [s]kip, [q]uit", err=True)
        action = ACTIONS.get(answer.strip().lower()[:1])
        if action is not None:
            return action
        note("Answer a, r, s or q.")


def _show(view: dict, position: int, total: int) -> None:
    lines = [
        "",
        f"[{position}/{total}] Candidate #{view['candidate']}: score {view['score']:.2f}",
        f"  Claim #{view['claim_id']}: {view['claim']}",
        f"  Article #{view['article_id']}, {view['outlet']}, {view['published'] or 'undated'}",
        f"    …{view['before']}»{view['passage']}«{view['after']}…",
    ]
    typer.echo("\n".join(lines), err=True)
