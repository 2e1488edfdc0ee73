"""``claims match``: a quotation stands for the claim only as far as it states it alone."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.models import Appearance, MatchCandidate
from claims.passages import PassageIndex
from claims.services.matching import rank_passages, wordings
from claims.similarity import carries
from tests.test_matching import rows

CLAIM = "The Spanish government will not allow water rationing in Madrid."
SOURCE = (
    "Spanish Agriculture Minister Luis Planas added the government will not allow water "
    "rationing in Madrid."
)
SEVILLE = "The mayor of Seville said the city will not allow water rationing this summer."
FOOTBALL = (
    "Football club Real Betis said it will not allow fans to bring flares to Sunday's match, "
    "a spokesman said."
)


@pytest.fixture
def key_phrase(cli, tmp_path):
    """A claim whose only appearance quotes a key phrase, and an unrelated article using it."""
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "other.txt").write_text(FOOTBALL, encoding="utf-8")
    for step in (
        ("article", "add", tmp_path / "source.txt", "--outlet", "Daily Planet", "--origin",
         "Reuters", "--create-sources"),
        ("claim", "add", CLAIM),
        ("appearance", "add", "1", "1", "-q", "will not allow", "--chain",
         "Luis Planas [added]", "--create-sources"),
        ("article", "add", tmp_path / "other.txt", "--outlet", "Sports Daily",
         "--create-sources"),
    ):  # fmt: skip
        result = cli(*step)
        assert result.exit_code == 0, result.output
    return cli


def test_a_key_phrase_quoted_does_not_carry_an_unrelated_article(key_phrase, db_url):
    result = key_phrase("match", "1", "--accept-auto", "--format", "json")
    assert "0 candidate(s) at or above 0.95 accepted" in result.stderr
    assert rows(result) == []
    with open_session(db_url, write=False) as session:
        assert session.scalars(select(Appearance).where(Appearance.article_id == 2)).all() == []
        assert session.scalars(select(MatchCandidate)).all() == []


def test_a_key_phrase_is_not_even_suggested_at_a_low_threshold(key_phrase):
    assert rows(key_phrase("match", "1", "--suggest", "0.01", "--format", "json")) == []


def _claim(*quotes: str):
    appearances = [type("Appearance", (), {"quote": quote})() for quote in quotes]
    return type("Claim", (), {"text": CLAIM, "appearances": appearances})()


def test_a_quotation_holding_too_little_of_the_claim_is_no_wording():
    phrase, clause = "will not allow", "will not allow water rationing"
    assert wordings(_claim(phrase, SOURCE, clause)) == [CLAIM, SOURCE, clause]
    # Taken as a wording, the phrase alone would carry the unrelated sentence.
    index = PassageIndex([(1, FOOTBALL)])
    assert rank_passages(index, [CLAIM, phrase])[0].score > 0.95
    assert [r.score for r in rank_passages(index, wordings(_claim(phrase)))] in ([], [0.0])


def test_reaching_auto_through_a_partial_quotation_leaves_it_for_review(cli, tmp_path, db_url):
    """A clause quoted from the claim finds a story about another city: suggested, not recorded."""
    clause = "will not allow water rationing"
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "seville.txt").write_text(SEVILLE, encoding="utf-8")
    for step in (
        ("article", "add", tmp_path / "source.txt", "--outlet", "Daily Planet", "--create-sources"),
        ("claim", "add", CLAIM),
        ("appearance", "add", "1", "1", "-q", clause, "--chain", "Luis Planas [added]",
         "--create-sources"),
        ("article", "add", tmp_path / "seville.txt", "--outlet", "Evening Star",
         "--create-sources"),
    ):  # fmt: skip
        assert cli(*step).exit_code == 0
    assert carries(CLAIM, clause) < 0.95 < carries(clause, SEVILLE)
    result = cli("match", "1", "--accept-auto", "--format", "json")
    assert "0 candidate(s) at or above 0.95 accepted" in result.stderr
    assert f"left pending for --review: it scores by repeating the quotation '{clause}'" in (
        result.stderr
    )
    assert [(row["article_id"], row["score"] >= 0.95) for row in rows(result)] == [(2, True)]
    with open_session(db_url, write=False) as session:
        assert session.scalars(select(Appearance).where(Appearance.article_id == 2)).all() == []


def test_a_full_quotation_still_finds_a_verbatim_copy(cli, tmp_path, db_url):
    """A quotation that states the claim alone keeps leading to copies of it, auto included."""
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(f"MADRID (Wire) - {SOURCE}", encoding="utf-8")
    for step in (
        ("article", "add", tmp_path / "source.txt", "--outlet", "Daily Planet", "--create-sources"),
        ("claim", "add", CLAIM),
        ("appearance", "add", "1", "1", "-q", SOURCE[:-1], "--chain", "Luis Planas [added]",
         "--create-sources"),
        ("article", "add", tmp_path / "copy.txt", "--outlet", "Evening Star", "--create-sources"),
    ):  # fmt: skip
        assert cli(*step).exit_code == 0
    found = rows(cli("match", "1", "--format", "json"))
    assert [(row["article_id"], row["level"]) for row in found] == [(2, "auto")]
