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
    assert "Create new source(s) 'Anna König'?" in result.stderr
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
    assert result.exit_code == 0, result.output  # ended as `q` ends it
    assert "Aborted" not in result.output
    assert "Review stopped: no more input; 0 decided, 1 left pending." in result.stderr
    assert result.stdout == ""


def test_review_of_a_claim_never_matched_keeps_its_candidates_when_input_ends(newsroom, db_url):
    """`match ID --review` matches first: what it stored stays, and exit 0 says so."""
    result = newsroom("match", "1", "--review", input="")
    assert result.exit_code == 0, result.output
    assert "Review stopped: no more input; 0 decided, 1 left pending." in result.stderr
    assert _pending(db_url) == [(2, "pending")]


def test_review_end_of_input_at_the_source_question(newsroom, db_url):
    rows(newsroom("match", "1", "--format", "json"))
    result = newsroom("match", "--review", input="a\n")
    assert result.exit_code == 0, result.output
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


LOOSE = "Austria imports most of its gas from Russia, traders said."


@pytest.fixture
def low_candidate(newsroom, tmp_path):
    """The newsroom plus an article a low --suggest proposes: matched, nothing decided yet."""
    (tmp_path / "loose.txt").write_text(LOOSE, encoding="utf-8")
    result = newsroom("article", "add", tmp_path / "loose.txt", "--outlet", "Trade Weekly",
                      "--create-sources")  # fmt: skip
    assert result.exit_code == 0, result.output
    listed = rows(newsroom("match", "1", "--suggest", "0.2", "--format", "json"))
    assert [row["article_id"] for row in listed] == [2, 4]
    assert listed[1]["score"] < 0.7
    return newsroom, [row["candidate"] for row in listed]


def _candidates(db_url) -> list[tuple[int, int, str]]:
    with open_session(db_url, write=False) as session:
        found = session.scalars(select(MatchCandidate).order_by(MatchCandidate.id))
        return [(c.id, c.article_id, c.status) for c in found]


@pytest.mark.parametrize("claim", [["1"], []])
def test_review_walks_the_candidates_stored_at_a_low_threshold(low_candidate, db_url, claim):
    newsroom, listed = low_candidate
    before = _candidates(db_url)
    result = newsroom("match", *claim, "--review", input="s\ns\n")
    assert result.exit_code == 0, result.output
    assert "2 candidate(s) to review." in result.stderr
    shown = [line for line in result.stderr.splitlines() if "] Candidate #" in line]
    assert [line.split("#")[1].split(":")[0] for line in shown] == [str(c) for c in listed]
    assert _candidates(db_url) == before  # nothing matched again, nothing renumbered


def test_review_with_a_suggest_threshold_shows_those_at_or_above_it(low_candidate, db_url):
    newsroom, listed = low_candidate
    result = newsroom("match", "1", "--review", "--suggest", "0.7", input="s\n")
    assert result.exit_code == 0, result.output
    assert "1 candidate(s) to review." in result.stderr
    assert f"Candidate #{listed[0]}:" in result.stderr
    assert [c[0] for c in _candidates(db_url)] == listed  # the lower one is still stored


def test_a_candidate_left_pending_keeps_its_number(low_candidate, db_url):
    newsroom, listed = low_candidate
    result = newsroom("match", "1", "--review", input="a\nn\nq\n")
    assert result.exit_code == 0, result.output
    assert f"candidate #{listed[0]} stays pending" in result.stderr
    again = newsroom("match", "1", "--review", input="q\n")
    assert f"Candidate #{listed[0]}:" in again.stderr
    # Matching again proposes the same passages under the same numbers.
    assert [row["candidate"] for row in rows(newsroom("match", "1", "--suggest", "0.2",
                                                      "--format", "json"))] == listed  # fmt: skip


def test_review_of_a_claim_never_matched_matches_it_first(newsroom, db_url):
    result = newsroom("match", "1", "--review", input="s\n")
    assert result.exit_code == 0, result.output
    assert "1 candidate(s) to review." in result.stderr
    assert [(c[1], c[2]) for c in _candidates(db_url)] == [(2, "pending")]


def test_review_of_a_matched_claim_with_nothing_pending_says_so(newsroom):
    rows(newsroom("match", "1", "--suggest", "0.99", "--format", "json"))
    result = newsroom("match", "1", "--review")
    assert result.exit_code == 0, result.output
    assert "Nothing to review: claim #1 has no pending candidate." in result.stderr
