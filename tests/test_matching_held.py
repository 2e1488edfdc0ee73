"""What ``--accept-auto`` leaves to a person although the score is high: a passage its
sentence denies, hedges, says of another actor or with the roles swapped; and how the
reasons are given."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.models import Appearance, MatchCandidate
from claims.passages import (
    Passage,
    PassageIndex,
    clause_windows,
    denials,
    hedges_added,
    names_reordered,
    other_actor,
)
from claims.services.matching import rank_passages
from claims.similarity import carries, content_words, missing_words

WHO = "The World Health Organization sent 1.7 million doses of oral cholera vaccine to Zambia."
WHO_COPY = (
    "LUSAKA (AFP) - The World Health Organization said it had sent 1.7 million doses of oral "
    "cholera vaccine to Zambia."
)
KENYA = "Kenya will raise its fuel levy by 5% from July 1."
KENYA_COPY = (
    "NAIROBI, March 4 (Reuters) - Kenya will raise its fuel levy by 5% from July 1 to help "
    "close a widening budget gap, Treasury Cabinet Secretary Njuguna Ndung'u said on Monday."
)
UGANDA = (
    "KAMPALA - Uganda, like Kenya, will raise its fuel levy by 5% from July 1, Finance "
    "Minister Matia Kasaija said."
)
ZAMBIA = "A cholera outbreak in Zambia has killed 412 people since October."
MALAWI = "A cholera outbreak in Malawi, which borders Zambia, has killed 412 people since October."
SWAPPED = (
    "Zambia has sent 1.7 million doses of oral cholera vaccine to the World Health Organization."
)

DENIED = [
    "Health Minister Sylvia Masebo denied that the World Health Organization had sent 1.7 "
    "million doses of oral cholera vaccine to Zambia.",
    "It is false that the World Health Organization sent 1.7 million doses of oral cholera "
    "vaccine to Zambia.",
    "Reports that the World Health Organization sent 1.7 million doses of oral cholera vaccine "
    "to Zambia are untrue.",
    "The World Health Organization sent 1.7 million doses of oral cholera vaccine to Zambia, a "
    "claim the minister called fake news.",
]


@pytest.mark.parametrize("sentence", DENIED)
def test_a_sentence_that_denies_the_passage_is_read(sentence):
    assert carries(WHO, sentence) > 0.95  # the scorer alone would accept it
    assert denials(WHO, sentence)
    assert denials(WHO, WHO_COPY) == []
    # A claim that reports the denial is carried by the denial.
    assert denials("Masebo denied that the WHO sent vaccine to Zambia.", DENIED[0]) == []


def test_capitals_abbreviations_are_names_not_stopwords():
    assert content_words("The WHO sent doses") == ["who", "send", "dose"]
    assert content_words("He told us the US will") == ["say", "us"]
    assert content_words("WHO SENDS DOSES") == ["send", "dose"]  # a shouted line
    claim = "The US will send 500 air defence missiles to Ukraine."
    assert missing_words(claim, "The UK will send 500 air defence missiles to Ukraine.") == ["US"]


@pytest.mark.parametrize(
    ("claim", "sentence", "passage", "actor"),
    [
        (KENYA, UGANDA, "like Kenya, will raise its fuel levy by 5% from July 1", "Uganda"),
        (ZAMBIA, MALAWI, MALAWI, "Malawi"),
        (KENYA, KENYA_COPY, KENYA_COPY, None),
        (KENYA, "Kenya's Treasury will raise the fuel levy by 5% from July 1.", None, None),
        (WHO, WHO_COPY, WHO_COPY, None),
        (WHO, DENIED[0], DENIED[0], None),  # the speaker is no actor: the denial is held
        (KENYA, "In Nairobi on Monday, officials said Kenya will raise its fuel levy by 5% "
         "from July 1.", None, None),
    ],
)  # fmt: skip
def test_another_actor_where_the_claim_names_its_own(claim, sentence, passage, actor):
    passage = passage or sentence
    start = sentence.index(passage)
    assert other_actor(claim, sentence, start, start + len(passage)) == actor


def test_a_clause_window_keeps_the_subject_of_its_clause():
    (best,) = rank_passages(PassageIndex([(1, UGANDA)]), [KENYA])
    assert best.text.startswith("Uganda, like Kenya")
    windows = [w.text for w in clause_windows(Passage(1, 0, len(UGANDA), UGANDA))]
    assert not any(w.startswith(("like Kenya", "will raise")) for w in windows)
    fronted = "In Nairobi, Kenya will raise its fuel levy by 5% from July 1."
    windows = [w.text for w in clause_windows(Passage(1, 0, len(fronted), fronted))]
    assert any(w.startswith("Kenya will raise") for w in windows)


def test_the_claim_s_names_in_other_roles():
    assert names_reordered(WHO, SWAPPED)
    assert not names_reordered(WHO, WHO_COPY)
    station = "Germany will station a brigade of 4,800 troops in Lithuania by 2027."
    assert not names_reordered(station, "In Lithuania, Germany will station 4,800 troops.")
    assert not names_reordered(KENYA, "From July 1, the levy on fuel in Kenya will be raised.")


def test_hedges_the_claim_does_not_have():
    may = "Kenya may raise its fuel levy by 5% from July 1, adding that no decision had been made"
    assert hedges_added(KENYA, may) == ["may"]
    assert hedges_added(KENYA, "Kenya would have raised its fuel levy by 5% from July 1") == [
        "would"
    ]
    # Reported speech shifts "will" to "would"; that is no hedge.
    assert hedges_added(KENYA, "The Treasury said Kenya would raise its fuel levy by 5%") == []
    assert hedges_added(KENYA, KENYA_COPY) == []


def test_raise_and_increase_are_one_word():
    assert missing_words(KENYA, "Kenya will increase its fuel levy by 5% from July 1.") == []


def test_a_name_the_passage_lacks_is_one_word():
    passage = "The agency sent 1.7 million doses of oral cholera vaccine to Zambia."
    assert missing_words(WHO, passage) == ["World Health Organization"]


ARTICLES = [
    WHO_COPY,
    *DENIED,
    "Kenya will raise its fuel levy by 5% from July 1, officials said.",
    UGANDA,
    "Kenya may raise its fuel levy by 5% from July 1, the minister said, adding that no "
    "decision had been made yet.",
    "Kenya will raise its fuel levy by 10% from July 1, officials said.",
    SWAPPED,
    "The World Health Organization sent 1.7 million doses of oral cholera vaccine to Zambia, "
    "a WHO spokesperson in Lusaka said.",
]


@pytest.fixture
def stories(cli, tmp_path):
    for number, text in enumerate(ARTICLES, start=1):
        path = tmp_path / f"article{number}.txt"
        path.write_text(text, encoding="utf-8")
        result = cli("article", "add", path, "--outlet", "Wire", "--create-sources")
        assert result.exit_code == 0, result.output
    for step in (
        ("claim", "add", WHO),
        ("appearance", "add", "1", "1", "-q", WHO_COPY[WHO_COPY.index("The") :]),
        ("claim", "add", KENYA),
        ("appearance", "add", "2", "6", "-q", ARTICLES[5]),
    ):
        result = cli(*step)
        assert result.exit_code == 0, result.output
    return cli


def test_accept_auto_holds_denials_hedges_other_actors_and_swapped_roles(stories, db_url):
    for claim in ("1", "2"):
        result = stories("match", claim, "--accept-auto", "--format", "json")
        assert result.exit_code == 0, result.output
        listed = json.loads(result.stdout)
        for row in listed:
            assert (row["held_because"] is None) == (row["level"] in ("auto", "suggest")), row
    with open_session(db_url, write=False) as session:
        accepted = session.scalars(
            select(Appearance.article_id).where(Appearance.provenance == "proposed")
        ).all()
        pending = dict(
            session.execute(
                select(MatchCandidate.article_id, MatchCandidate.status).where(
                    MatchCandidate.status == "pending"
                )
            ).all()
        )
    # The denials (2-5), Uganda (7), the hedge (8), the other number (9), the swap (10) wait.
    assert sorted(accepted) == [11]
    assert {2, 3, 4, 5, 7, 8, 10} <= set(pending)


def test_every_reason_is_given_and_a_number_as_written(stories):
    result = stories("match", "2", "--accept-auto")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    ten = next(line for line in lines if "10%" in line)
    # Both reasons, the first no longer hiding the second; the number as the passage has it.
    assert "the passage lacks the claim's word(s) '5%' (it has '10%'); its chain names" in ten
    may = next(line for line in lines if "'may'" in line)
    assert "it hedges what the claim states ('may')" in may
    uganda = next(line for line in lines if "Uganda" in line)
    assert "its sentence names 'Uganda' where the claim names its actor" in uganda
