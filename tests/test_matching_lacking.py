"""``claims match --accept-auto`` accepts a passage unseen only when it states every word of
the claim: another predicate of the same actor on the same topic shares all the rest."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from claims.db import open_session
from claims.models import Appearance, MatchCandidate
from claims.passages import PassageIndex
from claims.services.matching import rank_passages
from claims.similarity import carries, missing_words

CLAIM = "Wang Xiaohong signed documents with Hungary on law enforcement and security cooperation."
COPY = (
    "Wang Xiaohong signed documents with Hungary on law-enforcement and security co-operation, "
    "Xinhua said."
)
REJECTED = (
    "Wang Xiaohong rejected documents with Hungary on law enforcement and security cooperation."
)
WANTS = "Wang Xiaohong wants law enforcement and security cooperation with Hungary."
CLOSER = (
    "China wants closer law enforcement and security cooperation with Hungary, Wang Xiaohong said."
)
SIGNED = "documents with Hungary on law enforcement and security cooperation"


@pytest.mark.parametrize(
    ("passage", "lacking"),
    [
        (REJECTED, ["signed"]),
        (WANTS, ["signed", "documents"]),
        (CLOSER, ["signed", "documents"]),
        (f"Wang Xiaohong met {SIGNED[15:]}.", ["signed", "documents"]),
        # Inflections, hyphenation and word order state the same words.
        ("Hungary and Wang Xiaohong are signing a document on security and law enforcement "
         "cooperation", []),
        (COPY, []),
        # A name shortened to its last word on second mention is stated ...
        (f"Xiaohong signed {SIGNED}", []),
        # ... its first word is not; nor is a synonym the scorer does not know.
        (f"Wang signed {SIGNED}", ["Xiaohong"]),
        (f"Wang Xiaohong inked {SIGNED}", ["signed"]),
    ],
)  # fmt: skip
def test_missing_words_names_the_claims_words_the_passage_lacks(passage, lacking):
    assert missing_words(CLAIM, passage) == lacking


def test_the_head_of_a_name_must_be_stated():
    claim = "The European Commission has warned that Huawei poses a risk to EU security."
    other = "The European Union has warned that Huawei poses a risk to EU security."
    assert carries(claim, other) > 0.95  # the scorer alone would accept it
    assert missing_words(claim, other) == ["Commission"]
    prime = "Prime Minister Viktor Orban met Wang Xiaohong in Budapest."
    assert missing_words(prime, "Orban met Wang Xiaohong in Budapest, officials said.") == []


@pytest.mark.parametrize(
    ("claim", "passage", "missing"),
    [
        ("North Korea fired two ballistic missiles into the sea on Tuesday.",
         "South Korea fired two ballistic missiles into the sea on Tuesday.", ["North"]),
        ("Joe Biden signed the bill on Friday.", "Hunter Biden signed the bill on Friday.",
         ["Joe"]),
        ("Viktor Orban signed the bill.", "Hungarian Prime Minister Viktor Orban signed the bill.",
         []),
    ],
)  # fmt: skip
def test_another_bearer_of_a_name_s_head_is_another_name(claim, passage, missing):
    """The head of a name stated is the name, shortened, unless another word stands right
    before it: "South Korea" is not "North Korea"."""
    assert carries(claim, passage) > 0.95 or not missing  # the scorer alone would accept it
    assert missing_words(claim, passage) == missing


@given(st.text(max_size=200), st.text(max_size=200))
def test_missing_words_never_crashes_and_a_text_lacks_none_of_its_own(a, b):
    lacking = missing_words(a, b)
    assert all(word and word in a for word in lacking)
    assert missing_words(a, a) == [] and missing_words(a, f"{b} {a}") == []


def test_numbers_count_as_words():
    assert missing_words("Sales rose 5 percent in 2023.", "Sales rose 5 percent last year.") == [
        "2023"
    ]


@pytest.fixture
def hungary(cli, tmp_path):
    """The claim, stated in one article, and four others: a copy and three other actions."""

    def add(number: int, text: str) -> None:
        path = tmp_path / f"article{number}.txt"
        path.write_text(text, encoding="utf-8")
        result = cli("article", "add", path, "--outlet", "Hungary Today", "--create-sources")
        assert result.exit_code == 0, result.output

    for number, text in enumerate((CLAIM, REJECTED, WANTS, CLOSER, COPY), start=1):
        add(number, text)
    for step in (("claim", "add", CLAIM), ("appearance", "add", "1", "1", "-q", CLAIM[:-1])):
        result = cli(*step)
        assert result.exit_code == 0, result.output
    return cli


def test_another_action_of_the_same_actor_is_listed_and_held(hungary, db_url):
    assert min(carries(CLAIM, text) for text in (REJECTED, WANTS, CLOSER)) > 0.95
    result = hungary("match", "1", "--accept-auto", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "1 candidate(s) at or above 0.95 accepted." in result.stderr
    for article, words in ((2, "'signed'"), (3, "'signed', 'documents'"), (4, "'signed'")):
        assert f"the passage lacks the claim's word(s) {words}" in result.stderr, article
    with open_session(db_url, write=False) as session:
        accepted = session.scalars(select(Appearance).where(Appearance.article_id != 1)).all()
        assert [a.article_id for a in accepted] == [5]
        pending = session.scalars(select(MatchCandidate.article_id).where(
            MatchCandidate.status == "pending")).all()  # fmt: skip
        assert sorted(pending) == [2, 3, 4]
    # Listed still, for a person who may judge one of them a paraphrase, as held: not
    # "auto", which --accept-auto just declined.
    listed = json.loads(result.stdout)
    assert sorted(row["article_id"] for row in listed) == [2, 3, 4]
    assert {row["level"] for row in listed} == {"held"}


def test_held_at_any_auto_threshold(hungary, db_url):
    result = hungary("match", "1", "--auto", "0.5", "--suggest", "0.5", "--accept-auto")
    assert result.exit_code == 0, result.output
    assert "1 candidate(s) at or above 0.5 accepted." in result.stderr
    assert result.stderr.count("the passage lacks the claim's word(s)") == 3


def test_review_names_the_words_the_passage_lacks(hungary):
    assert hungary("match", "1").exit_code == 0
    result = hungary("match", "1", "--review", input="s\nq\n")
    assert result.exit_code == 0, result.output
    assert "Caution: the passage lacks the claim's word(s) 'signed'." in result.stderr


def test_a_clause_window_keeps_every_word_of_the_claim():
    """The shortest window scoring within a tie of the best may drop a word the best one
    states ("beyond grants" for "beyond grants and loans"): then it is no tie."""
    claim = (
        "The ministry offered to support local farmers on water and irrigation issues in the "
        "northern provinces, beyond grants and loans."
    )
    article = (
        "The ministry has offered to support its longtime partners the local farmers on water "
        "and irrigation issues in the northern provinces beyond grants and loans during a rare "
        "meeting with regional officials, the paper reports."
    )
    (best,) = rank_passages(PassageIndex([(1, article)]), [claim])
    assert best.text.startswith("The ministry") and "grants and loans" in best.text
    assert missing_words(claim, best.text) == []
