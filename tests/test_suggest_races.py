"""Several reviewers deciding one article's proposals at once (PostgreSQL). Each test forces
one interleaving: another user's transaction runs, and commits, at a chosen step of the
first (a step replaced by one that runs it first), or while the first holds its transaction
open. SQLite lets one writer in at a time, so there no other user commits in between."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from claims.db import open_session, run_unit
from claims.models import Appearance, AuditEntry, Claim, Suggestion
from claims.services import claims as claim_service
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim
from claims.services.sources import add_source
from claims.suggestions import service

NEWS = (
    "Germany will expand its rail network by 2030, Olaf Scholz said on Monday.\n\n"
    "The trains will run every ten minutes between the big cities, Olaf Scholz told "
    "reporters.\n"
)
RAIL = "Germany will expand its rail network by 2030."
ONE_WRITER = "SQLite lets one writer in at a time: no other user can commit in between"


def postgresql_only(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip(ONE_WRITER)


def desk(db_url: str) -> tuple[int, int]:
    """An article of two attributed statements and its proposals: (article, the proposal
    of the first statement)."""
    with open_session(db_url) as session:
        add_source(session, name="Olaf Scholz", kind="person", actor="setup")
        add_source(session, name="Morning Post", kind="outlet", actor="setup")
        article = add_article(session, text=NEWS, outlet="Morning Post", actor="setup")
        session.flush()
        rows = service.compute_suggestions(session, article.id, actor="setup")
        rail = next(row for row in rows if row.claim_text == RAIL)
        return article.id, rail.id


def once(monkeypatch, owner, name: str, meanwhile, *, after: bool = False) -> None:
    """Replace ``owner.name`` by a function that, the first time, runs ``meanwhile()`` (the
    other user's command) before doing what it does, or (``after``) once it is done."""
    real = getattr(owner, name)
    done: list[bool] = []

    def step(*args, **kwargs):
        first = not done
        done.append(True)
        if first and not after:
            meanwhile()
        result = real(*args, **kwargs)
        if first and after:
            meanwhile()
        return result

    monkeypatch.setattr(owner, name, step)


def another_user(db_url: str, work) -> None:
    """``work(session)`` as another user's command: its own transaction, committed."""
    with open_session(db_url) as session:
        work(session)


def in_thread(work) -> tuple[threading.Thread, dict]:
    """``work()`` started in a thread of its own; its result or error lands in the dict."""
    outcome: dict = {}

    def run():
        try:
            outcome["result"] = work()
        except Exception as error:  # the test looks at it
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def decision_entries(db_url: str, suggestion_id: int) -> list[tuple[str, dict]]:
    with open_session(db_url, write=False) as session:
        return [
            (entry.actor, entry.after_values)
            for entry in session.scalars(
                select(AuditEntry)
                .where(
                    AuditEntry.entity == "suggestions",
                    AuditEntry.entity_id == suggestion_id,
                    AuditEntry.action == "update",
                )
                .order_by(AuditEntry.id)
            )
        ]


def test_two_reviewers_accepting_one_proposal_at_once_make_one_decision(cli, db_url, monkeypatch):
    """Bob accepts the proposal while Carol's acceptance of it is under way: one of them
    decides, the other is told by whom, and the record says the same everywhere."""
    postgresql_only(db_url)
    article_id, rail = desk(db_url)
    bob: dict = {}

    def bob_accepts():
        thread, outcome = in_thread(
            lambda: run_unit(
                db_url, lambda session: service.decide(session, rail, "accept", actor="bob")
            )
        )
        thread.join(timeout=2)  # done, or waiting for Carol's decision to commit
        bob.update(thread=thread, outcome=outcome)

    once(monkeypatch, service, "_accept_claim", bob_accepts)
    result = cli("suggest", article_id, "--review", input="a\nq\n", user="carol")
    bob["thread"].join(timeout=30)
    assert not bob["thread"].is_alive()
    assert result.exit_code == 0, result.output
    assert f"Proposal #{rail}: accepted as appearance #" in result.stderr
    refusal = bob["outcome"].get("error")
    assert str(refusal).startswith(f"Proposal #{rail} is accepted already (by carol)"), bob
    assert [actor for actor, _ in decision_entries(db_url, rail)] == ["carol"]
    with open_session(db_url, write=False) as session:
        row = session.get(Suggestion, rail)
        appearance = session.get(Appearance, row.appearance_id)
        assert (row.decided_by, appearance.accepted_by) == ("carol", "carol")
        assert session.scalar(select(func.count()).select_from(Appearance)) == 1


def test_the_second_reviewer_is_told_who_decided_and_walks_on(cli, db_url, monkeypatch):
    """Bob accepts the proposal after Carol's walk listed it: Carol is told, and the walk
    passes to the next proposal instead of counting it as hers or asking again."""
    article_id, rail = desk(db_url)
    once(
        monkeypatch,
        service,
        "sources_to_create",
        lambda: run_unit(db_url, lambda s: service.decide(s, rail, "accept", actor="bob")),
        after=True,
    )
    result = cli("suggest", article_id, "--review", input="a\nq\n", user="carol")
    assert result.exit_code == 0, result.output
    assert (
        f"Not saved: Proposal #{rail} is accepted already (by bob): it cannot be decided again."
        in result.stderr
    )
    assert "[2/2]" in result.stderr  # shown the next proposal, where it quit
    assert "0 decision(s) recorded." in result.stderr
    assert [actor for actor, _ in decision_entries(db_url, rail)] == ["bob"]


def test_a_passage_recorded_meanwhile_is_not_the_reviewer_s_acceptance(cli, db_url, monkeypatch):
    """Dan records the proposal's passage by hand while it waits in Carol's walk: her
    acceptance is refused and passed, not stored as her decision on Dan's appearance."""
    article_id, rail = desk(db_url)
    recorded: list[int] = []

    def dan_records(session):
        claim = add_claim(session, text=RAIL, actor="dan")
        session.flush()
        recorded.append(
            add_appearance(
                session,
                claim_id=claim.id,
                article_id=article_id,
                quote="Germany will expand its rail network by 2030",
                chain="Olaf Scholz [said]",
                actor="dan",
            ).id
        )

    once(
        monkeypatch,
        service,
        "sources_to_create",
        lambda: another_user(db_url, dan_records),
        after=True,
    )
    result = cli("suggest", article_id, "--review", input="a\nq\n", user="carol")
    assert result.exit_code == 0, result.output
    assert (
        f"Not saved: Proposal #{rail} needs no decision: its passage was recorded meanwhile "
        f"(by dan), as appearance #{recorded[0]}" in result.stderr
    )
    assert "0 decision(s) recorded." in result.stderr
    assert decision_entries(db_url, rail) == []
    with open_session(db_url, write=False) as session:
        row = session.get(Suggestion, rail)
        assert (row.status, row.decided_by, row.appearance_id) == ("pending", None, None)


@pytest.mark.parametrize("step", ["find_claim_by_text", "_refuse_duplicate"])
def test_a_claim_another_user_stores_meanwhile_is_the_one_accepted(cli, db_url, monkeypatch, step):
    """Dan types the proposal's statement as a claim while Carol accepts it: after her
    look-up, or after her check and before her insert. Her acceptance takes Dan's claim,
    as it takes any claim of the same wording, never a database error."""
    postgresql_only(db_url)
    article_id, rail = desk(db_url)
    once(
        monkeypatch,
        claim_service,
        step,
        lambda: another_user(db_url, lambda s: add_claim(s, text=RAIL, actor="dan")),
        after=True,
    )
    result = cli("suggest", article_id, "--review", input="a\nq\n", user="carol")
    assert result.exit_code == 0, result.output
    assert "Database error" not in result.stderr
    assert "exists already" not in result.stderr
    assert f"Proposal #{rail}: accepted as appearance #" in result.stderr
    with open_session(db_url, write=False) as session:
        (claim,) = session.scalars(select(Claim).where(Claim.text == RAIL))
        assert claim.created_by == "dan"
        row = session.get(Suggestion, rail)
        assert session.get(Appearance, row.appearance_id).claim_id == claim.id


def test_proposals_computed_by_two_users_at_once_are_stored_once(cli, db_url, monkeypatch):
    """Bob's `claims suggest` stores a new article's proposals while Carol's is reading
    it: Carol's, run again, lists the ones stored, not a database error."""
    postgresql_only(db_url)
    with open_session(db_url) as session:
        add_source(session, name="Olaf Scholz", kind="person", actor="setup")
        add_source(session, name="Morning Post", kind="outlet", actor="setup")
        article_id = add_article(session, text=NEWS, outlet="Morning Post", actor="setup").id
    once(
        monkeypatch,
        service,
        "_decided_spans",
        lambda: another_user(
            db_url, lambda s: service.compute_suggestions(s, article_id, actor="bob")
        ),
        after=True,
    )
    result = cli("suggest", article_id, "--format", "csv", user="carol")
    assert result.exit_code == 0, result.output
    with open_session(db_url, write=False) as session:
        creators = list(session.scalars(select(Suggestion.created_by)))
    assert sorted(creators) == ["bob", "bob"]
    assert len(result.stdout.strip().splitlines()) == 3  # the header and both proposals


def _same_passage_twice(db_url: str) -> tuple[int, int, int]:
    """An article and two proposals of its first sentence, read with two cues: (article,
    proposal A, proposal B)."""
    with open_session(db_url) as session:
        add_source(session, name="Olaf Scholz", kind="person", actor="setup")
        add_source(session, name="Morning Post", kind="outlet", actor="setup")
        article = add_article(session, text=NEWS, outlet="Morning Post", actor="setup")
        session.flush()
        rows = []
        for key, cue in [("a", "said"), ("b", "said on Monday")]:
            row = Suggestion(
                article_id=article.id,
                kind="claim",
                key=key,
                sentence_start=0,
                sentence_end=74,
                claim_text=RAIL,
                quote_start=0,
                quote_end=44,
                quoted=False,
                chain=[{"name": "Olaf Scholz", "cue": cue}],
                confidence=0.5,
                rule="test",
                status="pending",
                created_by="setup",
            )
            session.add(row)
            rows.append(row)
        session.flush()
        return article.id, rows[0].id, rows[1].id


def test_closing_a_passage_s_proposals_spares_one_decided_meanwhile(db_url, monkeypatch):
    """Carol rejects reading B while Bob accepts reading A of the same passage: Bob's
    acceptance closes the open readings, and B, rejected by the time Bob's closing runs, is
    not one of them."""
    postgresql_only(db_url)
    _, a, b = _same_passage_twice(db_url)
    closing = threading.Event()
    real = service._supersede

    def supersede(*args, **kwargs):
        closing.set()
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "_supersede", supersede)
    carol = open_session(db_url)
    session = carol.__enter__()
    try:
        service.decide(session, b, "reject", actor="carol")
        session.flush()
        thread, outcome = in_thread(
            lambda: run_unit(db_url, lambda s: service.decide(s, a, "accept", actor="bob"))
        )
        assert closing.wait(timeout=30)
        time.sleep(0.5)  # Bob's closing reads the passage's proposals, and waits for B
    finally:
        carol.__exit__(None, None, None)  # Carol's rejection commits
    thread.join(timeout=30)
    assert "error" not in outcome, outcome
    assert outcome["result"].superseded == []
    with open_session(db_url, write=False) as check:
        row = check.get(Suggestion, b)
        assert row is not None
        assert (row.status, row.decided_by) == ("rejected", "carol")


def test_a_new_computation_keeps_a_proposal_accepted_meanwhile(db_url, monkeypatch):
    """Carol accepts a proposal the proposer no longer makes (its key is not among the new
    ones) while Alice's `claims suggest` reads the article: Alice's computation drops
    pending proposals it no longer makes, not Carol's decision."""
    postgresql_only(db_url)
    article_id, a, _ = _same_passage_twice(db_url)
    read = threading.Event()
    from claims.suggestions import propose as propose_module

    real = propose_module.propose

    def propose(*args, **kwargs):
        made = real(*args, **kwargs)
        read.set()
        return made

    monkeypatch.setattr(propose_module, "propose", propose)
    carol = open_session(db_url)
    session = carol.__enter__()
    try:
        service.decide(session, a, "accept", actor="carol")
        session.flush()
        thread, outcome = in_thread(
            lambda: run_unit(
                db_url, lambda s: service.compute_suggestions(s, article_id, actor="alice")
            )
        )
        assert read.wait(timeout=60)
        time.sleep(0.5)  # Alice's computation looks at the stored proposals, and waits
    finally:
        carol.__exit__(None, None, None)  # Carol's acceptance commits
    thread.join(timeout=60)
    assert "error" not in outcome, outcome
    with open_session(db_url, write=False) as check:
        row = check.get(Suggestion, a)
        assert row is not None
        assert (row.status, row.decided_by) == ("accepted", "carol")


# Whose words a relation without a source of its own carries. Not a race, but a rule of the
# same proposals: a participle clause and a "who said" speak for the sentence's speaker, a
# passive cue with no agent for nobody.


@pytest.mark.parametrize(
    ("text", "cue", "chain"),
    [
        (
            "Ana Berg said the line would open in May, adding that the tickets would cost more.\n",
            "adding",
            [("Ana Berg", "adding")],
        ),
        (
            "Ana Berg, who added that the tickets would cost more, said the line would open "
            "in May.\n",
            "added",
            [("Ana Berg", "added")],
        ),
        (
            "Ana Berg said the line would open in May, but it was reported that the tickets "
            "would cost more.\n",
            "was reported",
            [],
        ),
        (
            "Ana Berg said the line would open in May; the tickets would cost more, it is "
            "widely believed.\n",
            "is widely believed",
            [],
        ),
    ],
)
def test_only_a_participle_or_who_clause_speaks_for_the_sentence_s_speaker(
    db_url, text, cue, chain
):
    """Ana Berg's relation names her; the other relation names no source of its own. A
    participle clause's and a "who said"'s speaker is the one the sentence names; a passive
    cue's, with no agent, nobody."""
    from claims.suggestions.attribution import Attribution
    from tests.test_suggest import _proposals_from

    def span(words):
        start = text.index(words)
        return (start, start + len(words))

    berg = Attribution(span("said"), span("Ana Berg"), span("the line would open in May"),
                       False, "pre")  # fmt: skip
    unnamed = Attribution(span(cue), None, span("the tickets would cost more"), False, "pre")
    proposals = _proposals_from(db_url, text, [berg, unnamed])
    (tickets,) = [p for p in proposals if p.claim_text.startswith("The tickets")]
    assert [(hop["name"], hop["cue"]) for hop in tickets.hops] == chain
