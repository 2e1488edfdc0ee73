"""line_reason skips a rule when a cheap test shows it cannot match; skipping must never change
an answer, so each test is checked here against every rule tried in turn, at its edges: a line
at a rule's length bound, a line holding only one of a rule's words, that word spelt with the
letters re matches it to without being it ("\u0131", "\u017f", the Kelvin sign).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.cleaning import _TRIES, _UNGATED, LINE_RULES, _folded, line_reason
from claims.photo_credits import (
    CAPTION_LINE,
    CREDITED_CAPTION,
    LABELLED_CAPTION,
    PARENTHESISED_CAPTION,
)
from tests.test_cleaning import _reason_rule_by_rule


def _pad(head: str, tail: str, length: int, fill: str = "x") -> str:
    return head + fill * (length - len(head) - len(tail)) + tail


# A line of each length-bounded rule that the rule matches at its bound, and not a character
# past it.
_AT_BOUND = {
    "newsletter": (lambda n: _pad("A" * 199 + ". Subscribe for ", "", n, "b"), 400),
    "cookie notice": (lambda n: _pad("By continuing " + "y" * 130 + " cookies ", "", n), 500),
    "copyright": (lambda n: _pad("Copyright", " 2024 The Gazette", n, " "), 400),
    "contributor credit": (lambda n: _pad("Jane Doe ", " contributed reporting.", n, "J"), 300),
}


@pytest.mark.parametrize("reason", sorted(_AT_BOUND))
def test_a_rule_is_tried_up_to_its_length_bound_and_no_further(reason):
    build, bound = _AT_BOUND[reason]
    assert line_reason(build(bound)) == reason
    for length in range(bound - 2, bound + 3):
        assert line_reason(build(length)) == _reason_rule_by_rule(build(length))


# Lines that hold one word of their rule's gate and none of its others.
_ONE_WORD = [
    ("newsletter", "Our weekly newsletter"),
    ("newsletter", "Subscribe now"),
    ("newsletter", "Sign up today"),
    ("newsletter", "By signing up you agree to our terms"),
    ("newsletter", "You have been signed up."),
    ("newsletter", "Get the best stories in your inbox"),
    ("newsletter", "By providing your email you agree to our terms"),
    ("cookie notice", "Accept cookies"),
    ("copyright", "\u00a9 Reuters"),
    ("copyright", "(c) 2024 Reuters"),
    ("copyright", "Copyright 2024 Reuters"),
    ("copyright", "Reuters. All rights reserved."),
    ("contributor credit", "Jane Doe contributed to this report."),
    ("photo caption", "Smoke rises over the city. Jane Doe/REUTERS"),
    ("photo caption", "Handout via REUTERS"),
    ("photo caption", "Smoke rises over the city. Photo by Jane Doe"),
    ("photo caption", "Smoke rises over the city. Picture: Jane Doe"),
    ("photo caption", "Smoke rises over the city. Getty Images"),
    ("photo caption", "Smoke rises over the city. Credit: Jane Doe"),
    ("photo caption", "Illustration: Jane Doe"),
    ("photo caption", "The mayor at the site (Photo: Jane Doe)."),
    ("photo caption", "The mayor at the site [Jane Doe/Reuters]"),
    ("byline or timestamp", "Jane Doe, Europe editor in Brussels"),
    ("byline or timestamp", "Peter Walker Political correspondent"),
    ("byline or timestamp", "Health Editor Sarah Whitlock"),
]


@pytest.mark.parametrize(("reason", "line"), _ONE_WORD)
def test_a_line_with_one_of_its_rules_words_is_tried(reason, line):
    assert line_reason(line) == reason


# Letters re matches to ASCII ones when ignoring case, which lower() leaves alone or garbles.
_LOOKALIKES = [("i", "\u0131"), ("i", "\u0130"), ("I", "\u0130"), ("s", "\u017f"), ("k", "\u212a")]


@pytest.mark.parametrize(("old", "new"), _LOOKALIKES)
@pytest.mark.parametrize(("reason", "line"), _ONE_WORD)
def test_a_rules_word_spelt_with_lookalike_letters_is_still_tried(reason, line, old, new):
    spelt = line.replace(old, new)
    assert line_reason(spelt) == _reason_rule_by_rule(spelt)


def test_every_letter_re_matches_to_a_gate_word_letter_folds_into_it():
    """What the gates' words are looked up in: a line _folded, one character for one."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert len(_folded(everything)) == len(everything)
    letters = {letter for *_, words, _ in _TRIES for word in words for letter in word}
    for letter in letters:
        for match in set(re.findall(re.escape(letter), everything, re.IGNORECASE)):
            assert _folded(match) == letter, (letter, match)


def test_each_rule_is_tried_in_its_place_whole_or_branch_by_branch():
    reasons = [reason for reason, *_ in _TRIES]
    assert [r for i, r in enumerate(reasons) if i == 0 or reasons[i - 1] != r] == [
        reason for reason, _ in LINE_RULES
    ]
    branches = [LABELLED_CAPTION, PARENTHESISED_CAPTION, CREDITED_CAPTION]
    inner = "|".join(b.pattern.removeprefix("^(?:").removesuffix(r")\.?$") for b in branches)
    assert CAPTION_LINE.pattern == rf"^(?:{inner})\.?$"
    # the ungated branches are joined under their own flags, and IGNORECASE is the only one
    assert all(p.flags & ~(re.IGNORECASE | re.UNICODE) == 0 for _, p in LINE_RULES)
    assert _UNGATED.flags & re.IGNORECASE == 0


_GATE_WORDS = st.sampled_from(
    [
        "Subscribe",
        "sign up",
        "signed up",
        "newsletter",
        "inbox",
        "e-mail",
        "cookies",
        "Accept",
        "\u00a9",
        "(c)",
        "Copyright",
        "All rights reserved",
        "contributed",
        "to this report",
        "Photo:",
        "Credit:",
        "via",
        "REUTERS",
        "Jane Doe/Reuters",
        "(AP Photo/Jane Doe)",
        "Getty Images",
        "editor",
        "correspondent",
        "Jane",
        "Doe",
        "said",
        "the",
        ".",
        "2024",
    ]
)


@given(
    st.lists(_GATE_WORDS, max_size=12).map(" ".join),
    st.sampled_from([("", "")] + _LOOKALIKES),
    st.sampled_from([0, 300, 400, 500]),
)
def test_lines_of_rule_words_get_the_rule_tried_in_turn_would_give(line, lookalike, length):
    line = line.replace(*lookalike)
    if length:
        line = _pad(line, "", length) if len(line) < length else line
    assert line_reason(line) == _reason_rule_by_rule(line)
