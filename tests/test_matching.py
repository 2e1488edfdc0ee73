"""``claims match``: ranking, stored candidates, accepting, reviewing, resuming."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.models import Appearance, MatchCandidate, MatchProgress

WIRE = (
    "VIENNA, March 4 (Wire) - Austria will halve its imports of Russian gas next year, "
    "Energy Minister Anna Konig told reporters on Monday.\n\n"
    "The government expects prices to fall by the summer, she added."
)
REWRITE = (
    "According to Energy Minister Anna König, Austria plans to cut its Russian gas imports "
    "by half next year, the Daily Courier reports citing Wire Service.\n\n"
    "Opposition parties called the plan unrealistic."
)
OTHER = (
    "Heavy rain is expected across the region on Sunday, forecasters said.\n\n"
    "Rivers may flood low-lying farmland."
)
CLAIM = "Austria will cut its Russian gas imports by half next year."


@pytest.fixture
def newsroom(cli, tmp_path):
    """Three articles (a wire story, its rewrite, unrelated weather) and a claim in the first."""
    for name, text in (("wire", WIRE), ("rewrite", REWRITE), ("other", OTHER)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    steps = [
        (
            "article",
            "add",
            tmp_path / "wire.txt",
            "--outlet",
            "Morning Post",
            "--origin",
            "Wire Service",
            "--origin-cue",
            "republished",
            "--published",
            "2024-03-04",
            "--create-sources",
        ),
        (
            "article",
            "add",
            tmp_path / "rewrite.txt",
            "--outlet",
            "Daily Courier",
            "--origin",
            "Wire Service",
            "--origin-cue",
            "citing",
            "--published",
            "2024-03-05",
            "--create-sources",
        ),
        (
            "article",
            "add",
            tmp_path / "other.txt",
            "--outlet",
            "Weather Desk",
            "--published",
            "2024-03-05",
            "--create-sources",
        ),
        ("claim", "add", CLAIM),
        (
            "appearance",
            "add",
            "1",
            "1",
            "--quote",
            "Austria will halve its imports of Russian gas next year",
        ),
    ]
    for step in steps:
        result = cli(*step)
        assert result.exit_code == 0, result.output
    return cli


def rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_match_finds_the_rewrite_and_not_the_unrelated_article(newsroom):
    found = rows(newsroom("match", "1", "--format", "json"))
    assert [row["article_id"] for row in found] == [2]
    row = found[0]
    assert row["outlet"] == "Daily Courier"
    assert "cut its Russian gas imports by half" in row["passage"]
    assert REWRITE[row["start"] : row["end"]] == row["passage"]
    assert 0.7 <= row["score"] <= 1


def test_candidates_are_stored_pending_with_progress(newsroom, db_url):
    rows(newsroom("match", "1", "--format", "json"))
    with open_session(db_url) as session:
        candidates = session.scalars(select(MatchCandidate)).all()
        assert [(c.article_id, c.status) for c in candidates] == [(2, "pending")]
        progress = session.get(MatchProgress, 1)
        assert progress.candidates == 1 and "articles<=3" in progress.fingerprint


def test_accept_auto_records_a_proposed_appearance_with_the_composed_chain(newsroom, db_url):
    result = newsroom("match", "1", "--suggest", "0.5", "--auto", "0.6", "--accept-auto")
    assert result.exit_code == 0, result.output
    assert "1 candidate(s) at or above 0.6 accepted" in result.stderr
    with open_session(db_url) as session:
        appearance = session.scalars(select(Appearance).where(Appearance.article_id == 2)).one()
        assert appearance.provenance == "proposed"
        assert appearance.accepted_by == "tester"
        # The passage's own attribution, then the article's origin and publisher.
        assert [hop.role for hop in appearance.hops] == ["stated", "origin", "publisher"]
        assert [hop.source.name for hop in appearance.hops][1:] == ["Wire Service", "Daily Courier"]
        assert "Anna König" in appearance.hops[0].source.name
        candidate = session.scalars(select(MatchCandidate)).one()
        assert candidate.status == "accepted" and candidate.appearance_id == appearance.id
    # The article carries the claim now: nothing left to propose there.
    assert rows(newsroom("match", "1", "--format", "json")) == []


def test_nothing_reaches_a_high_auto_threshold(newsroom, db_url):
    result = newsroom("match", "1", "--auto", "0.999", "--accept-auto")
    assert result.exit_code == 0, result.output
    assert "0 candidate(s)" in result.stderr
    with open_session(db_url) as session:
        assert session.scalars(select(Appearance).where(Appearance.article_id == 2)).all() == []


def test_review_rejects_and_the_rejected_passage_is_not_proposed_again(newsroom, db_url):
    rows(newsroom("match", "1", "--format", "json"))
    result = newsroom("match", "--review", input="r\n")
    assert result.exit_code == 0, result.output
    assert "Rejected." in result.stderr and "1 decision(s) recorded." in result.stderr
    assert rows(newsroom("match", "1", "--format", "json")) == []
    with open_session(db_url) as session:
        candidate = session.scalars(select(MatchCandidate)).one()
        assert (candidate.status, candidate.decided_by) == ("rejected", "tester")


def test_review_accepts_skips_and_quits(newsroom, db_url):
    rows(newsroom("match", "1", "--suggest", "0.05", "--format", "json"))
    result = newsroom("match", "1", "--suggest", "0.05", "--review", input="x\na\ny\nq\n")
    assert result.exit_code == 0, result.output
    assert "Answer a, r, s or q." in result.stderr
    assert "Accepted: appearance #2." in result.stderr
    with open_session(db_url) as session:
        appearance = session.get(Appearance, 2)
        assert appearance.article_id == 2 and appearance.provenance == "proposed"


def test_match_all_resumes_and_rematches_when_articles_arrive(newsroom, tmp_path):
    first = newsroom("match", "--all", "--format", "json")
    assert first.exit_code == 0, first.output
    assert "1 claim(s) to match against 3 article(s)" in first.stderr
    again = newsroom("match", "--all", "--format", "json")
    assert "0 claim(s) to match" in again.stderr
    (tmp_path / "late.txt").write_text(
        "Austria is to halve Russian gas imports next year, the minister said.", encoding="utf-8"
    )
    result = newsroom(
        "article", "add", tmp_path / "late.txt", "--outlet", "Late Paper", "--create-sources"
    )
    assert result.exit_code == 0, result.output
    later = newsroom("match", "--all", "--format", "json")
    assert "1 claim(s) to match against 4 article(s)" in later.stderr
    assert {row["article_id"] for row in rows(later)} == {2, 4}
    forced = newsroom("match", "--all", "--force", "--format", "json")
    assert "1 claim(s) to match" in forced.stderr


def test_limit_cuts_the_listing(newsroom, monkeypatch, tmp_path):
    """And only the rows shown are read again for their level: a listing after --all may
    hold thousands of candidates."""
    from claims.services import match_holds

    (tmp_path / "copy.txt").write_text(f"VIENNA - {CLAIM} Officials confirmed it.", "utf-8")
    added = newsroom("article", "add", tmp_path / "copy.txt", "--outlet", "Evening Star",
                     "--create-sources")  # fmt: skip
    assert added.exit_code == 0, added.output
    newsroom("match", "--all", "--suggest", "0.05")
    read = []
    real = match_holds.negation_differs
    monkeypatch.setattr(match_holds, "negation_differs", lambda c: read.append(c.id) or real(c))
    listed = rows(newsroom("match", "1", "--suggest", "0.05", "--limit", "1", "--format", "json"))
    assert len(listed) == 1
    assert set(read) == {listed[0]["candidate"]}
    everything = rows(newsroom("match", "1", "--suggest", "0.05", "--format", "json"))
    assert len(everything) > 1


# --- bad input: one line, exit 1, database unchanged ------------------------------------------


def test_unknown_claim(failing, newsroom):
    failing("match", "99", match="No claim with id 99")


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_bad_limit_is_a_usage_error(cli, snapshot, newsroom, limit):
    """As ``claims sql --limit 0``: a mistyped option, refused before the database is read."""
    before = snapshot()
    result = cli("match", "1", "--limit", limit)
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "--limit" in message, message
    assert snapshot() == before


def test_thresholds_out_of_order(failing, newsroom):
    failing("match", "1", "--suggest", "0.9", "--auto", "0.8", match="below the suggest threshold")


@pytest.mark.parametrize(
    "options", [["--suggest", "0"], ["--suggest", "1.5"], ["--auto", "-1"], ["--auto", "nan"]]
)
def test_a_threshold_out_of_range_is_a_usage_error(cli, snapshot, newsroom, options):
    from tests.test_cli_truth import usage_error

    usage_error(cli, snapshot, "match", "1", *options, match="above 0 and at most 1")


def test_no_articles(cli, failing):
    assert cli("claim", "add", CLAIM).exit_code == 0
    failing("match", "1", match="No articles stored")
    failing("match", "--all", match="No articles stored")


def test_neither_claim_nor_all(failing, newsroom):
    failing("match", match="Give a CLAIM_ID")


def test_both_claim_and_all(failing, newsroom):
    failing("match", "1", "--all", match="not both")


def test_help_states_the_library_defaults():
    from typer.testing import CliRunner

    from claims.similarity import DEFAULT_AUTO, DEFAULT_SUGGEST
    from cli.main import app

    text = " ".join(CliRunner().invoke(app, ["match", "--help"]).output.split())
    assert f"(default {DEFAULT_SUGGEST:.2f})" in text
    assert f"(default {DEFAULT_AUTO:.2f})" in text
