"""The pair scores: paraphrases score high, other statements low, whatever the typography."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.passages import Passage, clause_windows
from claims.similarity import carries, score

CLAIM = "China offered to support Hungary on public security issues."


@pytest.mark.parametrize(
    "passage",
    [
        "China has offered to support Hungary on public security issues, Reuters reported.",
        "On public security issues, China offered its support to Hungary.",
        "According to Reuters, China offered to back Hungary on public security matters.",
        "CHINA OFFERED TO SUPPORT HUNGARY ON PUBLIC\u00a0SECURITY ISSUES \u2014 officials said.",
    ],
    ids=["longer", "reordered", "according-to-and-synonyms", "typography"],
)
def test_paraphrases_carry_the_claim(passage):
    assert carries(CLAIM, passage) >= 0.7


@pytest.mark.parametrize(
    "passage",
    [
        "Heavy rain is expected across the region on Sunday, forecasters said.",
        "Hungary has resisted pressure to approve the expansion of NATO in Europe.",
        "China and Hungary signed a trade agreement.",
    ],
)
def test_other_statements_do_not(passage):
    assert carries(CLAIM, passage) < 0.7


def test_carries_is_directed_and_score_symmetric():
    short = "Exports rose five percent."
    long = "Exports rose five percent last year, the ministry said, as imports fell sharply."
    assert carries(short, long) > carries(long, short)
    assert score(short, long) == pytest.approx(score(long, short))


def test_said_and_according_to_are_one_attribution():
    a = "The minister said the bridge will open in May."
    b = "According to the minister, the bridge will open in May."
    assert score(a, b) > 0.8


def test_a_changed_number_lowers_the_score():
    same = carries("The bridge cost 40 million euros.", "The bridge cost 40 million euros.")
    other = carries("The bridge cost 40 million euros.", "The bridge cost 90 million euros.")
    assert other < same


@pytest.mark.parametrize("empty", ["", "   ", "...", "the of and"])
def test_nothing_to_compare_scores_zero(empty):
    assert carries(empty, CLAIM) == 0.0
    assert score(CLAIM, empty) == 0.0


@given(st.text(max_size=200), st.text(max_size=200))
def test_scores_stay_in_range_for_any_text(a, b):
    assert 0.0 <= carries(a, b) <= 1.0
    assert 0.0 <= score(a, b) <= 1.0


@given(st.text(min_size=1, max_size=300))
def test_clause_windows_point_into_the_passage(text):
    passage = Passage(7, 10, 10 + len(text), text)
    for window in clause_windows(passage):
        assert 10 <= window.start < window.end <= 10 + len(text)
        assert window.text == text[window.start - 10 : window.end - 10]
