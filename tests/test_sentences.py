import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.sentences import paragraphs, sentence_at, split_sentences


def texts(sentences):
    return [s.text for s in sentences]


def test_abbreviations_do_not_end_sentences():
    text = "Sen. Chuck Schumer said on Jan. 5 that the U.S. Senate would act. He left."
    assert texts(split_sentences(text)) == [
        "Sen. Chuck Schumer said on Jan. 5 that the U.S. Senate would act.",
        "He left.",
    ]


def test_english_words_the_segmenter_knows_as_abbreviations_end_sentences():
    text = (
        "The fire had been deliberately lit. Detective Inspector Sam Oduya told WRN so. "
        'The stage was set. "We are ready," she said. See Art. 5 of the law. It was lit. 5 '
        "people came."
    )
    assert texts(split_sentences(text)) == [
        "The fire had been deliberately lit.",
        "Detective Inspector Sam Oduya told WRN so.",
        "The stage was set.",
        '"We are ready," she said.',
        "See Art. 5 of the law.",
        "It was lit. 5 people came.",
    ]


def test_a_quotation_spanning_sentences_stays_whole():
    text = "“We will not yield. Never,” he said. Dr. Smith agreed."
    assert texts(split_sentences(text)) == [
        "“We will not yield. Never,” he said.",
        "Dr. Smith agreed.",
    ]
    straight = '"We will not yield. Never," he said. Dr. Smith agreed.'
    assert texts(split_sentences(straight))[0] == '"We will not yield. Never," he said.'


def test_an_unclosed_quotation_does_not_swallow_the_paragraph():
    text = 'He wants to "reduce its dependence. Hungary is the only one. It was late.'
    assert len(split_sentences(text)) == 3


def test_sentences_never_cross_a_blank_line():
    text = (
        "Headline without a stop\n\n“Opened here. And continued\n\nin the next paragraph,” he said."
    )
    result = split_sentences(text)
    assert texts(result)[0] == "Headline without a stop"
    assert {s.paragraph for s in result} == {0, 1, 2}
    assert all("\n\n" not in s.text for s in result)


def test_offsets_point_into_the_text():
    text = "  First one.  Second one?\n\n\tThird: “quoted.”  "
    result = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in result)
    assert sentence_at(result, text.index("Second")).text == "Second one?"
    assert sentence_at(result, 0) is None


def test_paragraph_spans_are_stripped():
    text = "\n  a b \n\n\n c\n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["a b", "c"]


@given(st.text(alphabet=st.sampled_from(list('ab .?!"“”\n\tU.S.')), max_size=200))
def test_any_text_gives_ordered_non_overlapping_spans(text):
    result = split_sentences(text)
    assert all(text[s.start : s.end] == s.text and s.text.strip() == s.text for s in result)
    assert all(a.end <= b.start for a, b in zip(result, result[1:], strict=False))


def test_a_dateline_joins_its_sentence():
    text = "VIENNA (Reuters) - Austria will halve gas imports. Prices rose."
    assert texts(split_sentences(text)) == [
        "VIENNA (Reuters) - Austria will halve gas imports.",
        "Prices rose.",
    ]


@pytest.mark.parametrize(
    "title",
    ["Gov.", "Rep.", "Lt. Gov.", "Sgt.", "Supt.", "Atty.", "Cmdr.", "Det.", "Rev.", "Reps."],
)
def test_a_title_before_a_name_does_not_end_a_sentence(title):
    text = f"{title} Kathy Hochul said the state would act. She left."
    assert texts(split_sentences(text)) == [
        f"{title} Kathy Hochul said the state would act.",
        "She left.",
    ]
    # Written after a name, a suffix may still end a sentence.
    assert len(split_sentences(f"It was signed by {title} John Smith Jr. He left.")) == 2


@pytest.mark.parametrize(
    "dateline",
    ["SPRINGFIELD, Ill. (AP) —", "SACRAMENTO, Calif. (AP) -", "WASHINGTON, D.C. (dpa) -"],
)
def test_a_dateline_with_an_abbreviated_place_is_not_a_sentence(dateline):
    text = f"{dateline} The governor spoke on Monday. He left."
    assert [s.text for s in split_sentences(text)] == [
        f"{dateline} The governor spoke on Monday.",
        "He left.",
    ]


@pytest.mark.parametrize(
    "before", ["It ended.", "Prices rose, according to Mr. Smith.", "We left Ill."]
)
def test_a_credit_after_a_sentence_that_is_no_dateline_stays_apart(before):
    text = f"{before} (Reuters) - A new story begins."
    assert [s.text for s in split_sentences(text)] == [before, "(Reuters) - A new story begins."]


def test_a_credit_after_a_sentence_ending_in_a_word_stays_apart():
    text = "It ended. (Reuters) - A new story begins."
    assert [s.text for s in split_sentences(text)] == [
        "It ended.",
        "(Reuters) - A new story begins.",
    ]


@pytest.mark.parametrize(
    "text, count",
    [
        ("The poll, conducted Sept. 12-16 among 1,104 voters, found a lead. It was close.", 2),
        ("Early voting begins Oct. 8. It ends Nov. 4.", 2),
        ("He took office in Jan. 2024 and left. She stayed.", 2),
        # a month's abbreviation before a word ends its sentence as any other word does
        ("Turnout fell in Nov. Officials blamed the rain.", 2),
    ],
)
def test_a_month_before_its_day_does_not_end_a_sentence(text, count):
    assert len(split_sentences(text)) == count


@pytest.mark.parametrize(
    "text, count",
    [
        ("The rescue began at 9 a.m. Rescuers said it was slow.", 2),
        ('She last spoke to him at 5:30 a.m. "He was cheerful," she said.', 2),
        ("The collapse happened at 6:40 a.m. in a tunnel. It was sudden.", 2),
        ("Voting starts at 9 a.m. Monday and ends at 5 p.m. GMT on Friday.", 1),
        # written without its inner dot, as British copy writes it
        ("The gate was opened at 7.40pm. Police said the crowd was calm.", 2),
    ],
)
def test_a_clock_times_am_ends_a_sentence_only_before_a_new_one(text, count):
    assert len(split_sentences(text)) == count


def test_a_question_quoted_then_its_speaker_is_one_sentence():
    """'"Where does this end?" Lund was quoted as saying …': the question is Lund's, one
    sentence with its speaker; a sentence of the article's own after a question stays its
    own."""
    text = (
        '"Where does this end?" Lund was quoted as saying by the newspaper Dagsposten. '
        '"Is it over?" Maria Holm asked. "Why now?" The council said nothing.'
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        '"Where does this end?" Lund was quoted as saying by the newspaper Dagsposten.',
        '"Is it over?" Maria Holm asked.',
        '"Why now?"',
        "The council said nothing.",
    ]
