"""Reviewing proposals: new sources only on purpose, decided passages stay decided, the
review shows what it stores, and running out of input ends it with a summary."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.models import Appearance, Article, AuditEntry, Source, Suggestion
from claims.services.articles import add_article
from claims.services.sources import add_source

NEWS = (
    "BERLIN (Wire Service) - Germany will expand its rail network by 2030, Chancellor "
    "Olaf Scholz said on Monday.\n\n"
    "\u201cWe will build faster trains for everyone,\u201d Brandt told reporters.\n\n"
    "He said the plan would cost 40 billion euros over ten years.\n\n"
    "Wang said he hoped the line would be \u201ca new highlight of rail travel\u201d in the "
    "whole region.\n"
)


@pytest.fixture
def article_id(db_url) -> int:
    with open_session(db_url) as session:
        add_source(session, name="Olaf Scholz", kind="person", actor="t")
        add_source(session, name="Reuters", kind="news_agency", actor="t")
        add_source(session, name="Morning Post", kind="outlet", actor="t")
        article = add_article(session, text=NEWS, outlet="Morning Post", actor="t")
        session.flush()
        return article.id


def _proposals(cli, article_id, *args) -> list[dict]:
    result = cli("suggest", article_id, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _by_claim(records: list[dict], start: str) -> dict:
    return next(r for r in records if r["kind"] == "claim" and r["claim"].startswith(start))


def _source_names(db_url) -> set[str]:
    with open_session(db_url, write=False) as session:
        return set(session.scalars(select(Source.name)))


def _status(db_url, suggestion_id: int) -> str | None:
    with open_session(db_url, write=False) as session:
        row = session.get(Suggestion, suggestion_id)
        return row.status if row is not None else None


def test_a_mistyped_source_in_an_edited_chain_is_refused(cli, db_url, article_id):
    records = _proposals(cli, article_id)
    scholz = _by_claim(records, "Germany will expand")
    # skip the origin, edit Scholz's proposal with a typo in the chain, then quit
    result = cli(
        "suggest", article_id, "--review", input="s\ne\n\nOlaf Schloz [said]\nq\n", user="carol"
    )
    assert result.exit_code == 0, result.output
    assert "Not saved: Unknown source 'Olaf Schloz'. Did you mean 'Olaf Scholz'?" in (result.stderr)
    assert "Olaf Schloz" not in _source_names(db_url)
    assert _status(db_url, scholz["id"]) == "pending"
    with open_session(db_url, write=False) as session:
        assert session.scalar(select(Appearance)) is None


def test_a_mistyped_origin_is_refused(cli, db_url, article_id):
    _proposals(cli, article_id)
    result = cli("suggest", article_id, "--review", input="e\nReuterz\nq\n")
    assert result.exit_code == 0, result.output
    assert "Did you mean 'Reuters'" in result.stderr
    assert "Reuterz" not in _source_names(db_url)
    with open_session(db_url, write=False) as session:
        assert session.get(Article, article_id).origin_id is None


def test_a_new_source_in_an_edited_chain_needs_the_reviewer_s_yes(cli, db_url, article_id):
    scholz = _by_claim(_proposals(cli, article_id), "Germany will expand")
    answers = "s\ne\n\nAngela Merkel [said]\n{}\nq\n"
    declined = cli("suggest", article_id, "--review", input=answers.format("n"))
    assert declined.exit_code == 0, declined.output
    assert "Create new source(s) 'Angela Merkel'?" in declined.stderr
    assert "Angela Merkel" not in _source_names(db_url)
    assert _status(db_url, scholz["id"]) == "pending"

    confirmed = cli("suggest", article_id, "--review", input=answers.format("y"))
    assert confirmed.exit_code == 0, confirmed.output
    assert "Angela Merkel" in _source_names(db_url)
    assert _status(db_url, scholz["id"]) == "accepted"
    with open_session(db_url, write=False) as session:
        appearance = session.scalar(select(Appearance))
        assert appearance.hops[0].source.name == "Angela Merkel"


def test_a_decided_passage_is_not_proposed_again(cli, db_url, article_id):
    records = _proposals(cli, article_id)
    brandt = _by_claim(records, "We will build")
    wang = _by_claim(records, "He hoped the line")
    # origin, Scholz: skip; Brandt (a new source): accept; "He said": skip; Wang: reject
    result = cli("suggest", article_id, "--review", input="s\ns\na\ns\nr\n")
    assert result.exit_code == 0, result.output
    # Brandt is a source now and so would be Wang: the same passages read with known sources
    assert cli("source", "add", "Wang", "--kind", "person").exit_code == 0
    again = _proposals(cli, article_id, "--all")
    for decided, status in ((brandt, "accepted"), (wang, "rejected")):
        same = [r for r in again if r["quote_span"] == decided["quote_span"]]
        assert [(r["id"], r["status"]) for r in same] == [(decided["id"], status)]


def test_a_pending_proposal_reads_as_the_proposer_reads_it_now(cli, db_url, article_id):
    """A proposal nobody decided follows the tool: stored by an older reading (another
    wording, confidence, rule), it is brought up to date in place, under the same id."""
    scholz = _by_claim(_proposals(cli, article_id), "Germany will expand")
    with open_session(db_url) as session:
        row = session.get(Suggestion, scholz["id"])
        row.claim_text, row.confidence, row.rule = "An older wording.", 0.1, "older rule"
    again = [r for r in _proposals(cli, article_id) if r["id"] == scholz["id"]]
    assert [(r["claim"], r["confidence"], r["rule"]) for r in again] == [
        (scholz["claim"], scholz["confidence"], scholz["rule"])
    ]


def test_a_passage_recorded_by_hand_is_not_proposed(cli, db_url, article_id):
    scholz = _by_claim(_proposals(cli, article_id), "Germany will expand")
    claim = cli("claim", "add", "Germany will expand its rail network by 2030.")
    assert claim.exit_code == 0, claim.output
    added = cli("appearance", "add", claim.stdout.strip(), article_id, "--quote", scholz["quote"])
    assert added.exit_code == 0, added.output
    again = _proposals(cli, article_id, "--all")
    assert [r for r in again if r["quote_span"] == scholz["quote_span"]] == []


def _another_reading(db_url, article_id, proposal) -> int:
    """The same passage read with another cue, left for later by a reviewer."""
    with open_session(db_url) as session:
        first = session.get(Suggestion, proposal["id"])
        other = Suggestion(
            article_id=article_id,
            kind="claim",
            key="another reading",
            sentence_start=first.sentence_start,
            sentence_end=first.sentence_end,
            claim_text=first.claim_text,
            quote_start=first.quote_start,
            quote_end=first.quote_end - 1,  # one character short: the same passage still
            quoted=False,
            chain=[{**first.chain[0], "cue": "statement"}],
            confidence=0.5,
            rule="post",
            status="skipped",
            created_by="t",
        )
        session.add(other)
        session.flush()
        return other.id


def test_accepting_a_proposal_closes_the_others_for_its_passage(cli, db_url, article_id):
    scholz = _by_claim(_proposals(cli, article_id), "Germany will expand")
    other_id = _another_reading(db_url, article_id, scholz)
    result = cli("suggest", article_id, "--review", input="s\na\nq\n")
    assert result.exit_code == 0, result.output
    assert f"closed as superseded (same quotation): #{other_id}." in result.stderr
    assert _status(db_url, other_id) is None
    with open_session(db_url, write=False) as session:
        notes = session.scalars(
            select(AuditEntry.note).where(
                AuditEntry.entity == "suggestions", AuditEntry.entity_id == other_id
            )
        ).all()
    assert notes == [f"superseded: proposal #{scholz['id']} for the same quotation was accepted"]
    again = _proposals(cli, article_id, "--all")
    assert [r["id"] for r in again if r["quote_span"] == scholz["quote_span"]] == [scholz["id"]]


def test_rejecting_one_reading_keeps_the_others(cli, db_url, article_id):
    scholz = _by_claim(_proposals(cli, article_id), "Germany will expand")
    other_id = _another_reading(db_url, article_id, scholz)
    result = cli("suggest", article_id, "--review", input="s\nr\nq\n")
    assert result.exit_code == 0, result.output
    assert "superseded" not in result.stderr
    assert _status(db_url, other_id) == "skipped"
    again = {r["id"]: r["status"] for r in _proposals(cli, article_id, "--all")}
    assert again[scholz["id"]] == "rejected" and again[other_id] == "skipped"


def test_a_rejected_reading_is_not_proposed_again_under_a_new_chain(cli, article_id):
    records = _proposals(cli, article_id)
    wang = _by_claim(records, "He hoped the line")
    position = [r["id"] for r in records].index(wang["id"])
    answers = "s\n" * position + "r\nq\n"
    assert cli("suggest", article_id, "--review", input=answers).exit_code == 0
    # Wang is a source now: the same passage, the same cues, another chain
    assert cli("source", "add", "Wang", "--kind", "person").exit_code == 0
    again = _proposals(cli, article_id, "--all")
    same = [r for r in again if r["quote_span"] == wang["quote_span"]]
    assert [(r["id"], r["status"]) for r in same] == [(wang["id"], "rejected")]


def test_an_origin_proposal_naming_the_publisher_is_refused(db_url, article_id):
    from claims.errors import InvalidInput
    from claims.suggestions.service import compute_suggestions, decide

    with open_session(db_url) as session:
        proposals = compute_suggestions(session, article_id, actor="t")
        origin = next(p for p in proposals if p.kind == "origin")
        publisher = session.get(Article, article_id).publisher.name
        with pytest.raises(InvalidInput, match="has no origin"):
            decide(session, origin.id, "accept", actor="t", claim_text=publisher)


def test_a_proposal_shows_the_quoted_flag_its_appearance_stores(cli, db_url, article_id):
    from claims.suggestions.service import decide

    # Only a phrase of the passage is between quotation marks.
    wang = _by_claim(_proposals(cli, article_id), "He hoped the line")
    with open_session(db_url) as session:
        decide(session, wang["id"], "accept", actor="t")
        stored = session.scalar(select(Appearance.quoted))
    assert wang["quoted"] is stored is True


def test_review_says_how_far_it_got_when_input_runs_out(cli, db_url, article_id):
    records = _proposals(cli, article_id)
    result = cli("suggest", article_id, "--review", input="s\nr\n")
    assert result.exit_code == 0, result.output  # as `claims review` when input runs out
    assert "Aborted" not in result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last == f"Review stopped: no more input; 1 decided, {len(records) - 1} left pending."


def test_input_ending_before_any_decision_keeps_the_proposals_and_exits_0(cli, db_url, article_id):
    """The walk computes and stores the proposals first: exit 1 would say nothing changed."""
    result = cli("suggest", article_id, "--review", input="")
    assert result.exit_code == 0, result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Review stopped: no more input; 0 decided, ")
    with open_session(db_url, write=False) as session:
        assert session.scalars(select(Suggestion.status)).all()  # stored, all still open
        assert set(session.scalars(select(Suggestion.status))) == {"pending"}


def test_the_review_s_questions_leave_stdout_empty(cli, article_id):
    """stdout is data: the prompts' trailing space must not reach it (as `claims review`)."""
    _proposals(cli, article_id)
    result = cli("suggest", article_id, "--review", input="s\nq\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "[a]ccept" in result.stderr


def test_an_unknown_answer_is_asked_again_on_its_own_line(cli, article_id):
    _proposals(cli, article_id)
    result = cli("suggest", article_id, "--review", input="maybe\nq\n")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert "Answer a, e, r, s or q." in lines
    assert lines.count("[a]ccept, [e]dit, [r]eject, [s]kip, [q]uit: q") == 1


@pytest.mark.parametrize("answer", ["abort", "all", "sure"])
def test_a_word_that_only_starts_like_an_action_is_asked_again(cli, db_url, article_id, answer):
    """ "abort" starts with a, but is no "accept": nothing is decided on it."""
    [first, *_] = _proposals(cli, article_id)
    result = cli("suggest", article_id, "--review", input=f"{answer}\nq\n")
    assert result.exit_code == 0, result.output
    assert "Answer a, e, r, s or q." in result.stderr.splitlines()
    assert _status(db_url, first["id"]) == "pending"


def test_answers_are_taken_by_their_first_letter(cli, db_url, article_id):
    """The words the prompt shows work as well as their letters: "accept" accepts."""
    [first, *_] = _proposals(cli, article_id)
    result = cli("suggest", article_id, "--review", input="Accept\nquit\n")
    assert result.exit_code == 0, result.output
    assert "Answer a, e, r, s or q." not in result.stderr
    assert _status(db_url, first["id"]) == "accepted"


def test_a_pronoun_names_the_new_source_it_is_read_as(cli, article_id):
    plan = _by_claim(_proposals(cli, article_id), "The plan would cost")
    assert [hop["why"] for hop in plan["chain"]] == ["'He' read as the last source named, Brandt"]


def test_a_passage_recorded_by_hand_at_other_ends_is_not_proposed(cli, article_id):
    scholz = _by_claim(_proposals(cli, article_id), "Germany will expand")
    claim = cli("claim", "add", "Germany will expand its rail network.")
    assert claim.exit_code == 0, claim.output
    shorter = scholz["quote"][: len(scholz["quote"]) * 2 // 3]
    added = cli("appearance", "add", claim.stdout.strip(), article_id, "--quote", shorter)
    assert added.exit_code == 0, added.output
    again = _proposals(cli, article_id, "--all")
    assert [r for r in again if r["quote_span"] == scholz["quote_span"]] == []


@pytest.mark.parametrize(
    "name, typo",
    [("Olaf Schloz", True), ("Xinhau", True), ("EU", False), ("Xinhua Finance", False)],
)
def test_only_a_near_spelling_of_a_known_name_is_taken_for_a_typo(db_url, name, typo):
    from claims.errors import UnknownSource
    from claims.suggestions.service import _refuse_lookalike

    with open_session(db_url) as session:
        for known in ("Olaf Scholz", "Xinhua", "EU Commission"):
            add_source(session, name=known, kind="other", actor="t")
        session.flush()
        if typo:
            with pytest.raises(UnknownSource, match="Did you mean"):
                _refuse_lookalike(session, name)
        else:
            _refuse_lookalike(session, name)


def test_a_proposal_is_accepted_by_its_sources_ids_whatever_their_names(cli, db_url, article_id):
    """A rename shows the new name in stored proposals, and a spelling another source
    has taken since as an alias does not make the proposal ambiguous."""
    records = _proposals(cli, article_id)
    scholz = _by_claim(records, "Germany will expand")
    assert cli("source", "edit", "Olaf Scholz", "--name", "Chancellor Olaf Scholz").exit_code == 0
    assert cli("source", "add", "Olaf Scholz Foundation", "--alias", "Olaf Scholz").exit_code == 0
    shown = {r["id"]: r for r in _proposals(cli, article_id)}[scholz["id"]]
    assert shown["chain"][0]["name"] == "Chancellor Olaf Scholz"
    with open_session(db_url) as session:
        from claims.suggestions.service import decide

        decision = decide(session, scholz["id"], "accept", actor="t")
        appearance = session.get(Appearance, decision.suggestion.appearance_id)
        assert [hop.source.name for hop in appearance.hops][0] == "Chancellor Olaf Scholz"


def test_a_skipped_proposal_read_anew_is_brought_up_to_date_not_listed_twice(cli, article_id):
    records = _proposals(cli, article_id)
    wang = _by_claim(records, "He hoped the line")
    position = [r["id"] for r in records].index(wang["id"])
    assert wang["chain"][0]["new_source"]
    assert cli("suggest", article_id, "--review", input="s\n" * (position + 1)).exit_code == 0
    # Wang is a source now: the same passage and cues, with a known source
    assert cli("source", "add", "Wang", "--kind", "person").exit_code == 0
    again = _proposals(cli, article_id, "--all")
    same = [r for r in again if r["quote_span"] == wang["quote_span"]]
    assert [(r["id"], r["status"]) for r in same] == [(wang["id"], "skipped")]
    assert not same[0]["chain"][0]["new_source"]
    assert same[0]["chain_text"].startswith("Wang [")


def test_the_review_shows_the_quoted_words_not_only_their_offsets(cli, article_id):
    records = [r for r in _proposals(cli, article_id) if r["kind"] == "claim"]
    result = cli("suggest", article_id, "--review", input="s\nq\n")  # past the origin
    first = records[0]
    start, end = first["quote_span"]
    assert f'  Quote:    "{first["quote"]}" @{start}-{end}' in result.stderr
