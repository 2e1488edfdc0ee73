"""``claims match``: reviewing candidates safely, and the options' edge cases."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.models import Appearance, MatchCandidate, Source
from tests import test_matching
from tests.test_matching import rows

newsroom = test_matching.newsroom  # the same three articles and claim


def _pending(db_url) -> list[tuple[int, str]]:
    with open_session(db_url, write=False) as session:
        return [(c.article_id, c.status) for c in session.scalars(select(MatchCandidate))]


def _stated_sources(db_url) -> list[str]:
    with open_session(db_url, write=False) as session:
        return [s.name for s in session.scalars(select(Source)) if "König" in s.name]


def test_review_shows_the_chain_and_marks_the_new_source(newsroom, db_url):
    rows(newsroom("match", "1", "--format", "json"))
    result = newsroom("match", "--review", input="s\n")
    assert result.exit_code == 0, result.output
    chain = next(line for line in result.stderr.splitlines() if line.strip().startswith("Chain:"))
    assert "König" in chain and "(new source)" in chain
    assert chain.rstrip().endswith("Wire Service (citing) → Daily Courier")


def test_review_declining_the_new_source_leaves_the_candidate_pending(newsroom, db_url):
    rows(newsroom("match", "1", "--format", "json"))
    result = newsroom("match", "--review", input="a\nn\n")
    assert result.exit_code == 0, result.output
    assert "Create new source(s)" in result.stderr
    assert "stays pending" in result.stderr and "0 decision(s) recorded." in result.stderr
    assert _pending(db_url) == [(2, "pending")]
    assert _stated_sources(db_url) == []


def test_review_confirming_the_new_source_creates_it(newsroom, db_url):
    rows(newsroom("match", "1", "--format", "json"))
    result = newsroom("match", "--review", input="a\ny\n")
    assert result.exit_code == 0, result.output
    assert "Create new source(s) 'Energy Minister Anna König'?" in result.stderr
    assert "Accepted: appearance #2." in result.stderr
    assert _pending(db_url) == [(2, "accepted")]
    assert len(_stated_sources(db_url)) == 1


def test_review_refuses_to_accept_for_a_claim_changed_since_shown(newsroom, db_url, monkeypatch):
    import cli.matching
    from claims.services.claims import edit_claim, get_claim

    rows(newsroom("match", "1", "--format", "json"))
    answers = iter(["a", "y", "q"])

    def answer(question, **_):
        reply = next(answers)
        if reply == "a" and "[a]ccept" in question:
            # Someone else rewrites the claim while the reviewer reads it.
            with open_session(db_url) as session:
                claim = get_claim(session, 1)
                edit_claim(session, claim, actor="bob", text="Austria will never open gas talks.")
        return reply == "y" if "Create" in question else reply

    monkeypatch.setattr(cli.matching, "ask", answer, raising=False)
    result = newsroom("match", "--review")
    assert result.exit_code == 0, result.output
    assert "Claim #1 changed since it was shown" in result.stderr
    assert "Showing it again" in result.stderr
    assert result.stderr.count("Candidate #1:") == 2
    assert "never open gas talks" in result.stderr  # shown again as it reads now
    assert "Accepted" not in result.stderr
    assert _pending(db_url) == [(2, "pending")]
    with open_session(db_url, write=False) as session:
        assert session.scalars(select(Appearance).where(Appearance.article_id == 2)).all() == []


def test_review_end_of_input_stops_with_a_tally(newsroom, db_url):
    rows(newsroom("match", "1", "--format", "json"))
    result = newsroom("match", "--review", input="")
    assert result.exit_code == 1, result.output
    assert "Aborted" not in result.output
    assert "Review stopped: no more input; 0 decided, 1 left pending." in result.stderr
    assert result.stdout == ""


def test_review_end_of_input_at_the_source_question(newsroom, db_url):
    rows(newsroom("match", "1", "--format", "json"))
    result = newsroom("match", "--review", input="a\n")
    assert result.exit_code == 1, result.output
    assert "Review stopped: no more input; 0 decided, 1 left pending." in result.stderr
    assert _pending(db_url) == [(2, "pending")] and _stated_sources(db_url) == []


def test_accept_auto_alone_accepts_the_stored_candidates(newsroom, db_url):
    rows(newsroom("match", "1", "--suggest", "0.5", "--format", "json"))
    result = newsroom("match", "--accept-auto", "--suggest", "0.5", "--auto", "0.6")
    assert result.exit_code == 0, result.output
    assert "1 candidate(s) at or above 0.6 accepted" in result.stderr
    assert _pending(db_url) == [(2, "accepted")]


@pytest.mark.parametrize("how", ["option", "env"])
def test_suggest_above_the_default_auto_raises_it(newsroom, monkeypatch, how):
    options = ["--suggest", "0.99"]
    if how == "env":
        monkeypatch.setenv("CLAIMS_MATCH_SUGGEST", "0.99")
        options = []
    result = newsroom("match", "1", *options, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "auto threshold is raised to 0.99" in result.stderr
    assert rows(result) == []


def test_force_without_all_is_refused(failing, newsroom):
    failing("match", "1", "--force", match="--force goes with --all")
