"""Quotation marks of other languages: „German“, »German«, «French», with or
without French spaces. Which way “ and » face depends on the mark that opened: the same
pairing decides what is quoted, where sentences end and how a claim is worded."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.anchoring import find_quotation, quoted_regions
from claims.sentences import _quote_balance, split_sentences
from claims.services.claims import enclosing_quotes
from claims.suggestions.proposal import claim_wording
from claims.text import quotations, quote_marks

MERKEL = (
    "Die Kanzlerin sagte am Montag \u201eWir schaffen das\u201c und verlie\u00df danach den "
    "Saal ohne weitere Fragen."
)


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ('Sport \u00bb Football \u00bb Mayor: "We will win." The club lost five games.',
         "We will win", "The club lost five games"),
        ('Read more \u00bb The minister said "no comment" and left the room.',
         "no comment", "left the room"),
        ('Home \u203a News \u203a Mayor says "the budget is sound" on Monday evening.',
         "the budget is sound", "Mayor says"),
        ('Swipe \u203a to see more photos of the bridge. The mayor said "it works."',
         "it works", "to see more photos"),
    ],
)  # fmt: skip
def test_arrows_of_web_pages_quote_nothing(text, inside, outside):
    """A breadcrumb's » and ›, and a "Read more »", are arrows: no quotation opens there,
    and the real one keeps its words."""
    assert find_quotation(text, inside).quoted is True
    assert find_quotation(text, outside).quoted is False


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        (MERKEL, "Wir schaffen das", "verlie\u00df danach den Saal ohne weitere Fragen"),
        (
            "Er sagte \u201eWir schaffen das\u201d und ging dann nach Hause zur\u00fcck.",
            "Wir schaffen das",
            "und ging dann nach Hause",
        ),
        (
            "Er sagte \u00bbWir schaffen das\u00ab und ging dann nach Hause zur\u00fcck.",
            "Wir schaffen das",
            "und ging dann nach Hause",
        ),
        (
            "Il a dit \u00ab\u00a0Nous partons\u00a0\u00bb puis il est sorti de la salle.",
            "Nous partons",
            "puis il est sorti de la salle",
        ),
        (
            "She said \u201cwe are leaving\u201d and walked out of the room at once.",
            "we are leaving",
            "walked out of the room",
        ),
    ],
)
def test_what_follows_a_closed_quotation_is_not_quoted(text, inside, outside):
    assert find_quotation(text, inside).quoted is True
    assert find_quotation(text, outside).quoted is False


def test_marks_pair_by_the_mark_that_opened():
    # “ closes „ but opens in English; » opens in German and closes «.
    assert quotations("a \u201eb\u201c c \u201cd\u201d") == [(2, 4), (8, 10)]
    assert quotations("\u00bba\u00ab b \u00abc\u00bb") == [(0, 2), (6, 8)]
    # A mark that cannot close the quotation open belongs to it; a straight one closes it.
    assert quotations("\u00aba \u201cb\u201d c\u00bb") == [(0, 8)]
    assert quotations('\u201ca" b "c') == [(0, 2), (6, None)]
    assert quoted_regions("x \u201ea b", 0) == [(2, 6)]


def test_quote_marks_nest_and_say_which_close():
    assert quote_marks("\u201ea \u00bbb\u00ab c\u201c") == [
        (0, "open"),
        (3, "open"),
        (5, "close"),
        (8, "close"),
    ]
    assert quote_marks("a\u201d b \u201ec") == [(1, "stray"), (5, "unclosed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\u201eWir schaffen das.\u201c Dann ging sie.",
            ["\u201eWir schaffen das.\u201c", "Dann ging sie."],
        ),
        (
            "\u201eWir schaffen das.\u201d Dann ging sie.",
            ["\u201eWir schaffen das.\u201d", "Dann ging sie."],
        ),
        (
            "\u00bbWir schaffen das.\u00ab Dann ging sie.",
            ["\u00bbWir schaffen das.\u00ab", "Dann ging sie."],
        ),
        (
            "\u00abNous partons.\u00bb Puis il est parti.",
            ["\u00abNous partons.\u00bb", "Puis il est parti."],
        ),
        (
            "\u00ab Nous partons. Nous revenons. \u00bb Puis il est parti.",
            ["\u00ab Nous partons. Nous revenons. \u00bb", "Puis il est parti."],
        ),
        (
            "Er sagte: \u201eWir gehen. Wir kommen wieder.\u201c Dann ging er.",
            ["Er sagte: \u201eWir gehen. Wir kommen wieder.\u201c", "Dann ging er."],
        ),
        (
            "\u201cWe go. We stay.\u201d Then she left.",
            ["\u201cWe go. We stay.\u201d", "Then she left."],
        ),
    ],
)
def test_a_closed_quotation_ends_its_sentence_in_any_language(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "open_"),
    [
        ("\u201eWir schaffen das.\u201c", 0),
        ("\u00bbWir schaffen das.\u00ab", 0),
        ("\u00ab Nous partons. \u00bb", 0),
        ("\u201eWir gehen.", 1),
        # English as before: a nested quotation keeps the outer one open.
        ("\u201ctoday\u2019s \u201cvote\u201d is not a step.", 1),
        ('He said "no.', 1),
    ],
)
def test_quote_balance_reads_marks_by_language(text, open_):
    assert _quote_balance(text) == open_


def test_claim_wording_keeps_a_german_quotation_as_printed():
    assert (
        claim_wording("sie sagte \u201eWir schaffen das\u201c und ging")
        == "Sie sagte \u201eWir schaffen das\u201c und ging."
    )
    # A quotation the passage opens and does not close is closed with its own mark.
    assert claim_wording("sie sagte \u201eWir schaffen das") == (
        "Sie sagte \u201eWir schaffen das.\u201c"
    )
    assert claim_wording("il a dit \u00abNous partons") == "Il a dit \u00abNous partons.\u00bb"


@pytest.mark.parametrize(
    "text",
    [
        "\u201eWir schaffen das.\u201c",
        "\u201eWir schaffen das.\u201d",
        "\u00bbWir schaffen das.\u00ab",
        "\u00abNous partons.\u00bb",
        "\u201cWe are leaving.\u201d",
    ],
)
def test_a_pair_enclosing_a_claim_is_found_in_any_language(text):
    assert enclosing_quotes(text) == text[0] + text[-1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab. "\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u2018\u2019\n'))
def test_no_text_breaks_the_quotation_readers(text):
    for opened, closed in quotations(text):
        assert 0 <= opened < (len(text) if closed is None else closed) <= len(text)
    assert len(quote_marks(text)) == sum(text.count(c) for c in "\u201c\u201d\u201e\u00ab\u00bb")
    assert _quote_balance(text) >= 0
    spans = [(s.start, s.end) for s in split_sentences(text)]
    assert spans == sorted(spans)
    assert all(a < b for a, b in spans)
    if text.strip(" .\n"):
        claim_wording(text)


def test_appearance_add_knows_words_after_a_german_quotation_are_not_quoted(cli, tmp_path):
    (tmp_path / "merkel.txt").write_text(MERKEL + "\n", encoding="utf-8")
    for step in (
        ("source", "add", "Tagesblatt", "--kind", "outlet"),
        ("article", "add", tmp_path / "merkel.txt", "--outlet", "Tagesblatt"),
        ("claim", "add", "The chancellor left the hall without taking questions."),
    ):
        result = cli(*step)
        assert result.exit_code == 0, result.output
    result = cli(
        "appearance",
        "add",
        "1",
        "1",
        "--quote",
        "verlie\u00df danach den Saal ohne weitere Fragen",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["quoted"] is False


@pytest.mark.parametrize("mark", ['"', "\u201c"])
def test_a_quotation_running_over_paragraphs_opens_again_in_each(mark):
    """News copy leaves a quotation that goes on open at its paragraph's end and opens it
    again on the next: that mark opens, it does not close."""
    close = '"' if mark == '"' else "\u201d"
    text = (
        f"{mark}She sent two people home,{close} he says. {mark}I thought I would be next.\n\n"
        f"{mark}I have been in charge ever since.{close}\n"
    )
    found = quotations(text)
    second = text.index(f"{mark}I thought")
    third = text.index(f"{mark}I have")
    # the open one runs to its paragraph's last character, the next opens again
    assert (second, text.index("next.") + len("next.") - 1) in found
    assert (third, text.index(close, third + 1)) in found
    # a mark at a line's start before no word closes: '"aa\n"'
    assert quotations(f"aa{mark}bb\n{close}\n") == [(2, 6)]
