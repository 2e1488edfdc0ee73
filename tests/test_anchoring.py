"""Quotation anchoring: typography-blind search, offsets into the original, W3C context."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.anchoring import (
    closest_passage,
    count_occurrences,
    find_quotation,
    is_quoted,
    quoted_regions,
)
from claims.errors import InvalidInput, QuotationNotInArticle
from claims.text import fold_for_search, fold_name

TEXT = (
    "Headline here\n\n"
    "The minister said he hoped it would be \u201ca new highlight of bilateral relations\u201d "
    "in areas such as combating terrorism \u2014 and crime.\n\n"
    "China\u2019s security assurance comes as Hungary,  a Russian ally,\nhas worked to dilute it.\n"
)


def test_straight_quotes_find_curly_ones_and_offsets_point_into_original():
    anchor = find_quotation(TEXT, '"a new highlight of bilateral relations"')
    assert TEXT[anchor.start : anchor.end] == "\u201ca new highlight of bilateral relations\u201d"
    assert anchor.exact == TEXT[anchor.start : anchor.end]
    assert anchor.quoted is True


def test_apostrophes_dashes_whitespace_and_case_are_ignored():
    anchor = find_quotation(
        TEXT, "china's security assurance comes as hungary, a russian ally, has"
    )
    assert TEXT[anchor.start : anchor.end].startswith("China\u2019s")
    assert "\n" in anchor.exact  # the stored slice keeps the original line break
    assert find_quotation(TEXT, "terrorism - and crime").exact == "terrorism \u2014 and crime"


def test_prefix_and_suffix_are_the_surrounding_original_text():
    anchor = find_quotation(TEXT, "combating terrorism")
    assert TEXT[: anchor.start].endswith(anchor.prefix)
    assert TEXT[anchor.end :].startswith(anchor.suffix)
    assert len(anchor.prefix) == 32 and len(anchor.suffix) == 32


def test_text_outside_quotation_marks_is_not_quoted():
    assert find_quotation(TEXT, "The minister said").quoted is False


def test_unclosed_quotation_runs_to_end_of_paragraph():
    text = 'He said "this never closes and goes on.\nNext paragraph here.'
    assert quoted_regions(text, 0, text.index("\n")) == [(8, text.index("\n"))]
    assert is_quoted(text, text.index("goes"), text.index("goes") + 4)
    assert not is_quoted(text, text.index("Next"), text.index("Next") + 4)


def test_missing_quotation_reports_closest_passage_and_similarity():
    with pytest.raises(QuotationNotInArticle) as raised:
        find_quotation(TEXT, "a new highlight in bilateral relations")
    message = str(raised.value)
    assert "closest passage" in message and "% similar" in message
    assert "highlight of bilateral relations" in message


def test_closest_passage_prefers_whole_words():
    passage, score = closest_passage(TEXT, "Hungary, a Russian friend, has worked")
    assert passage.startswith("Hungary") or passage.startswith("as Hungary")
    assert 60 < score < 100


def test_occurrence_picks_the_nth_and_refuses_beyond():
    text = "Yes. Yes. Yes."
    assert find_quotation(text, "Yes", occurrence=3).start == 10
    with pytest.raises(QuotationNotInArticle, match="3 time"):
        find_quotation(text, "Yes", occurrence=4)


def test_empty_quotation_is_refused():
    with pytest.raises(InvalidInput):
        find_quotation(TEXT, "  \n ")


_WORD = st.text(st.characters(categories=["Lu", "Ll", "Nd"]), min_size=1, max_size=8)
_BETWEEN = st.sampled_from([" ", "  ", "\n", ", ", " \u2014 ", ". ", ' "', '" '])


@given(st.lists(st.tuples(_WORD, _BETWEEN), min_size=1, max_size=30), st.data())
def test_any_run_of_whole_words_is_found_at_an_equivalent_place(words, data):
    text = "".join(word + between for word, between in words)
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    needle = "".join(w + b for w, b in words[first:last]) + words[last][0]
    if not fold_for_search(needle):
        return  # nothing searchable
    anchor = find_quotation(text, needle, occurrence=1)
    # What was found folds to the same thing as what was asked for.
    assert fold_for_search(anchor.exact) == fold_for_search(needle)
    assert 0 <= anchor.start < anchor.end <= len(text)


@pytest.mark.parametrize(
    ("quotation", "found"),
    [("the war", 2), ("he war", 0), ("rain corridor", 0), ("the warden", 1), ("war.", 1)],
)
def test_a_quotation_starts_and_ends_on_whole_words(quotation, found):
    text = "He said the war will end soon.\nThe warden said nothing; after the war."
    assert count_occurrences(text, quotation) == found
    if found:
        find_quotation(text, quotation, occurrence=1)
    else:
        with pytest.raises(QuotationNotInArticle):
            find_quotation(text, quotation)


@given(st.text(max_size=200), st.text(max_size=60))
def test_no_input_crashes_the_search(text, needle):
    try:
        find_quotation(text, needle)
    except (QuotationNotInArticle, InvalidInput):
        pass


@given(st.text(max_size=80))
def test_fold_name_is_idempotent(name):
    assert fold_name(fold_name(name)) == fold_name(name)


def test_fold_name_drops_case_accents_punctuation_and_article():
    assert fold_name("the Official  Xinhua News-Agency") == fold_name("official xinhua news agency")
    assert fold_name("Sándor Pintér") == fold_name("sandor pinter")
    assert fold_name("Orbán") == "orban"


def test_spacing_around_dashes_and_invisible_characters_are_ignored():
    text = "ties\u2014with Hungary and secu\u00adrity co\u200boperation"
    assert find_quotation(text, "ties - with Hungary").exact == "ties\u2014with Hungary"
    assert find_quotation(text, "security cooperation").exact.startswith("secu\u00adrity")


def test_repeated_words_need_an_occurrence():
    with pytest.raises(QuotationNotInArticle, match="--occurrence 1 to 3"):
        find_quotation("Yes. Yes. Yes.", "Yes")


WRAPPED = (
    'Headline\n\nThe minister said Hungary would "not be rushed" into\n'
    "ratifying it, Xinhua reported on Sunday.\nA second paragraph.\n\nThe last one"
)


@pytest.mark.parametrize(
    ("at", "block"),
    [
        (
            "minister",
            'The minister said Hungary would "not be rushed" into\nratifying it, '
            "Xinhua reported on Sunday.",
        ),
        (
            "Xinhua",
            'The minister said Hungary would "not be rushed" into\nratifying it, '
            "Xinhua reported on Sunday.",
        ),
        ("second", "A second paragraph."),
        ("last", "The last one"),
        ("Headline", "Headline"),
    ],
)
def test_a_hard_wrapped_sentence_is_one_block(at, block):
    """(And the headline above it, short and followed by a capital, is not part of it.)"""
    from claims.anchoring import wrapped_paragraph_bounds

    start, end = wrapped_paragraph_bounds(WRAPPED, WRAPPED.index(at))
    assert WRAPPED[start:end] == block


def test_a_byline_or_headline_does_not_run_into_the_story():
    from claims.anchoring import wrapped_paragraph_bounds

    text = "Port expansion approved\nBy Jane Roe, Reuters\nThe council approved it, officials said."
    start, end = wrapped_paragraph_bounds(text, text.index("council"))
    assert text[start:end] == "The council approved it, officials said."
    wrapped = "By Jane Roe\nthe council approved the port expansion on Monday, officials said."
    start, end = wrapped_paragraph_bounds(wrapped, wrapped.index("council"))
    assert wrapped[start:end] == wrapped  # a line going on in lower case is joined
