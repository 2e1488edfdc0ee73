"""Negation: a passage that says the opposite of a claim does not carry it, whatever its words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.similarity import (
    DEFAULT_AUTO,
    DEFAULT_SUGGEST,
    carries,
    negated_words,
    negation_differs,
)

CLAIM = "The finance minister resigned on Friday after the budget vote."


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (CLAIM, "The finance minister did not resign on Friday after the budget vote, "
                "his office said."),
        (CLAIM, "The finance minister didn’t resign on Friday after the budget vote."),
        (CLAIM, "The finance minister never resigned on Friday after the budget vote."),
        (CLAIM, "Neither the finance minister nor his deputy resigned on Friday after the "
                "budget vote."),
        ("The minister did not resign.", "The minister resigned on Friday."),
        ("Nobody was killed in the attack.", "Three people were killed in the attack."),
        ("The bill passed after a vote.", "The bill passed without a vote."),
        ("The firm met its targets.", "The firm failed to meet its targets."),
        ("The plant is open.", "The plant is no longer open, the company said."),
    ],
)  # fmt: skip
def test_a_passage_whose_negation_differs_is_flagged(claim, passage):
    assert negation_differs(claim, passage)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (CLAIM, "The finance minister resigned on Friday after the budget vote, his office said."),
        ("The minister did not resign.", "The minister didn't resign, his office said."),
        ("Nobody was killed in the attack.", "Nobody was killed in the attack, police said."),
        # a negation elsewhere in the passage, or one that is no negation
        ("Prices rose in March.", "Prices rose in March, though wages did not rise."),
        ("The bill passed.", "The bill passed without a vote."),
        ("She will decide whether or not to run.", "She will decide whether to run."),
        ("The deal is not only about gas.", "The deal is about gas."),
        ("No more than 10 people were hurt.", "Ten people were hurt, 10 in all."),
        ("He spoke to No. 10 staff.", "He spoke to staff at No. 10."),
        ("Unemployment fell to 4 percent.", "Unemployment declined to 4 percent."),
        ("The firm failed to meet targets.", "The firm did not meet targets."),
        ("The company has not yet decided.", "The company hasn't decided, a source said."),
    ],
)
def test_a_passage_whose_negation_agrees_is_not(claim, passage):
    assert not negation_differs(claim, passage)


def test_a_negation_reaches_its_clause_only():
    negated = negated_words(
        "The finance minister did not resign on Friday after the budget vote, his office said."
    )
    assert negated == {"resign", "friday", "budget", "vote"}


def test_the_opposite_statement_scores_below_auto_but_stays_for_a_person():
    opposite = carries(
        CLAIM,
        "The finance minister did not resign on Friday after the budget vote, his office said.",
    )
    same = carries(
        CLAIM, "The finance minister resigned on Friday after the budget vote, his office said."
    )
    assert same >= DEFAULT_AUTO
    assert DEFAULT_SUGGEST <= opposite < DEFAULT_AUTO
    assert opposite <= 0.8 * same


@given(st.text(max_size=200), st.text(max_size=200))
def test_any_text_reads(a, b):
    negation_differs(a, b)
    assert 0.0 <= carries(a, b) <= 1.0
