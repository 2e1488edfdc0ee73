"""``claims match``: find where else a claim appears, and decide on the candidates."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import (
    FormatOption,
    OutputFormat,
    ask,
    ask_action,
    emit,
    in_transaction,
    note,
    session_for,
    state,
)


def _score(value: str | float) -> float:
    """A threshold's value: a score above 0 and at most 1 (NaN, which compares false with
    both, included in what is refused); their order is the library's to check."""
    try:
        score = float(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a score") from None
    if not 0 < score <= 1:
        raise ValueError(f"{value} is not a score above 0 and at most 1")
    return score


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
        int | None, typer.Argument(metavar="CLAIM_ID", help="The claim to look for.")
    ] = None,
    all_claims: Annotated[
        bool,
        typer.Option("--all", help="Match every claim whose inputs changed since its last run."),
    ] = False,
    limit: Annotated[
        int, typer.Option("--limit", "-n", metavar="N", min=1, help="Show at most N candidates.")
    ] = 10,
    suggest: Annotated[
        float | None,
        typer.Option(
            "--suggest",
            metavar="SCORE",
            envvar="CLAIMS_MATCH_SUGGEST",
            parser=_score,
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
            parser=_score,
            help="Auto threshold: passages scoring at least this may be accepted with "
            "--accept-auto (default 0.95).",
        ),
    ] = None,
    accept_auto: Annotated[
        bool,
        typer.Option(
            "--accept-auto",
            help="Record the candidates at or above the auto threshold, except those whose "
            "negation differs from the claim's, that reach it only by repeating a quotation "
            "that states the claim less surely on its own, that lack a word of the claim "
            '(another verb, a synonym: "rejected" or "inked" for "signed"), or whose chain '
            'names a description ("his office") rather than a source.',
        ),
    ] = False,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="Walk the stored pending candidates (those at or above --suggest, if "
            "given): accept, reject, skip, quit. A claim matched already is not matched again.",
        ),
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
    from claims.errors import InvalidInput
    from claims.services import matching

    thresholds = matching.check_thresholds(suggest, auto)
    if claim_id is None and not (all_claims or review or accept_auto):
        raise InvalidInput(
            "Give a CLAIM_ID, or --all to match every claim, or --review, or --accept-auto."
        )
    if claim_id is not None and all_claims:
        raise InvalidInput("Give either a CLAIM_ID or --all, not both.")
    if force and not all_claims:
        raise InvalidInput("--force goes with --all: a CLAIM_ID is always matched again.")
    if (
        auto is None
        and thresholds.auto != matching.Thresholds().auto
        and not (review and claim_id is None and not accept_auto)
    ):  # a review alone accepts nothing by threshold: nothing to say of it
        note(
            f"The auto threshold is raised to {thresholds.auto}, the suggest threshold: "
            "auto-accepted passages must also be suggested."
        )
    if all_claims:
        _match_all(ctx, thresholds, force=force)
    elif claim_id is not None:
        with session_for(ctx) as session:
            if matching.needs_matching(session, claim_id, review=review):
                index = matching.load_index(session)
                matching.match_claim(session, claim_id, index, thresholds=thresholds)
    if accept_auto:
        meanwhile: list[str] = []
        with session_for(ctx, write=False) as session:
            ids = [claim_id] if claim_id is not None else matching.claims_with_pending(session)
        accepted = []
        for cid in ids:
            # A transaction per claim, re-run whole if it loses a race (a deadlock with an
            # import, say): a failure costs one claim's acceptances, not the run's.
            told: list[str] = []

            def accept(session, cid=cid, told=told):
                told.clear()
                return matching.accept_auto(
                    session,
                    cid,
                    thresholds=thresholds,
                    actor=state(ctx).user,
                    on_decided=told.append,
                )

            accepted += in_transaction(ctx, accept)
            meanwhile += told
        with session_for(ctx, write=False) as session:
            held = [
                f"Candidate #{candidate.id} left pending for --review: {why}."
                for cid in ids
                for candidate, why in matching.held_for_review(session, cid, thresholds=thresholds)
            ]
        note(f"{len(accepted)} candidate(s) at or above {thresholds.auto} accepted.")
        for line in meanwhile + held:
            note(line)
    if review:
        _review(ctx, claim_id, suggest)
        return
    with session_for(ctx, write=False) as session:
        rows = matching.candidate_rows(session, claim_id, thresholds=thresholds, limit=limit)
    emit(rows, fmt, COLUMNS if fmt == OutputFormat.table else (*COLUMNS, "held_because"))


def _match_all(ctx: typer.Context, thresholds, *, force: bool) -> None:
    from rich.progress import Progress

    from claims.services import matching

    with session_for(ctx, write=False) as session:
        index = matching.load_index(session)
        todo = matching.stale_claims(session, index, thresholds, force=force)
        before = matching.highest_candidate_id(session)
    note(f"{len(todo)} claim(s) to match against {len(index.texts)} article(s).")
    new = 0
    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task("matching", total=len(todo))
        for claim_id in todo:
            # One transaction per claim: an interrupted run keeps what it finished.
            with session_for(ctx) as session:
                stored = matching.match_claim(session, claim_id, index, thresholds=thresholds)
                new += sum(1 for candidate in stored if candidate.id > before)
            progress.advance(task)
    with session_for(ctx, write=False) as session:
        waiting = matching.pending_count(session)
    note(
        f"{new} new candidate(s) at or above {thresholds.suggest} stored; "
        f"{waiting} pending for --review."
    )


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _review(ctx: typer.Context, claim_id: int | None, suggest: float | None) -> None:
    from claims.services import matching

    with session_for(ctx, write=False) as session:
        waiting = matching.review_queue(session, claim_id, suggest=suggest)
    if not waiting:
        level = "" if suggest is None else f" at or above {suggest}"
        if claim_id is None:
            note(
                f"Nothing to review: no pending candidate{level}. "
                "Run `claims match CLAIM_ID` first."
            )
        else:
            note(
                f"Nothing to review: claim #{claim_id} has no pending candidate{level}. "
                f"Run `claims match {claim_id}` to match it again."
            )
        return
    note(f"{len(waiting)} candidate(s) to review.")
    decided: set[int] = set()
    gone: set[int] = set()
    try:
        for position, candidate_id in enumerate(waiting, start=1):
            outcome = _review_one(ctx, candidate_id, position, len(waiting))
            if outcome == "quit":
                break
            if outcome == "gone":
                gone.add(candidate_id)
            elif outcome in ("accept", "reject"):
                decided.add(candidate_id)
    except typer.Abort as stop:
        # What was decided is saved, the rest waits for the next run. Input that runs out
        # ends a piped walk as `q` does (exit 0: the candidates and decisions are stored, so
        # exit 1, "nothing changed", would be untrue); ^C is an interruption (exit 1).
        ended = isinstance(stop.__context__, EOFError)
        left = len(waiting) - len(decided) - len(gone)
        note(
            f"Review stopped: {'no more input' if ended else 'interrupted'}; "
            f"{len(decided)} decided, {left} left pending."
        )
        if ended:
            return
        raise typer.Exit(1) from None
    note(f"{len(decided)} decision(s) recorded.")


def _review_one(ctx: typer.Context, candidate_id: int, position: int, total: int) -> str:
    """Show one candidate, ask, and record the answer; returns the action taken, or "gone".

    Accepting takes the claim's version shown: if someone changed the claim meanwhile, the
    candidate is shown again, as it reads now, before anything is recorded.
    """
    from claims.errors import ChangedMeanwhile, ClaimsError
    from claims.models import MatchCandidate
    from claims.services import matching

    while True:
        with session_for(ctx, write=False) as session:
            candidate = session.get(MatchCandidate, candidate_id)
            if candidate is None or candidate.status != "pending":
                return "gone"  # decided meanwhile, or dropped with its article's acceptance
            seen = candidate.claim.version
            preview = None
            try:
                preview = matching.preview_chain(session, candidate_id)
                chain, create = preview.text, preview.new_sources
            except ClaimsError as error:
                chain, create = f"(cannot be recorded: {error})", []
            _show(matching.describe(session, candidate, preview=preview), chain, position, total)
        action = _ask()
        if action in ("quit", "skip"):
            return action
        if (
            action == "accept"
            and create
            and not ask(f"Create new source(s) {', '.join(map(repr, create))}?", confirm=True)
        ):
            note(f"Not saved: no source created; candidate #{candidate_id} stays pending.")
            return "skip"
        try:
            with session_for(ctx) as session:
                if action == "accept":
                    appearance = matching.accept_candidate(
                        session,
                        candidate_id,
                        actor=state(ctx).user,
                        seen_version=seen,
                        create_sources=create,
                    )
                    note(f"Accepted: appearance #{appearance.id}.")
                else:
                    matching.reject_candidate(session, candidate_id, actor=state(ctx).user)
                    note("Rejected.")
        except ChangedMeanwhile as error:
            note(f"Not saved: {error} Showing it again.")
            continue
        except ClaimsError as error:
            note(f"Not saved: {error}")
            return "skip"
        return action


def _ask() -> str:
    return ask_action("[a]ccept, [r]eject, [s]kip, [q]uit", ACTIONS, asker=ask)


def _show(view: dict, chain: str, position: int, total: int) -> None:
    lines = [
        "",
        f"[{position}/{total}] Candidate #{view['candidate']}: score {view['score']:.3f}",
        f"  Claim #{view['claim_id']}: {view['claim']}",
        f"  Article #{view['article_id']}, {view['outlet']}, {view['published'] or 'undated'}",
        f"    …{view['before']}»{view['passage']}«{view['after']}…",
        f"  Chain: {chain}",
    ]
    # Every reason the candidate would be held from automatic acceptance: a denial in its
    # sentence, another actor, a hedge, names in another order, a description in its chain.
    for caution in reversed(view["cautions"]):
        lines.insert(5, f"  Caution: {caution}.")
    typer.echo("\n".join(lines), err=True)
