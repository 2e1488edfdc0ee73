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


# Scores of the implementation before the matcher's speed-ups (memoised word stems, the
# claim's 4-grams looked up in the passage's letters): optimising must not move them.
@pytest.mark.parametrize(
    ("a", "b", "carried", "same"),
    [
        (
            CLAIM,
            "According to Reuters, China offered to back Hungary on public security matters.",
            0.938128953929777,
            0.4510676958314011,
        ),
        (
            CLAIM,
            "Hungary's prime minister met the Chinese ambassador in Budapest on Tuesday.",
            0.016383771779358177,
            0.1491645266380719,
        ),
        (
            "Output rose 3.5% in 2023, the ministry said.",
            "The ministry said output grew 3.4 per cent in 2023 \u2014 the fastest in years.",
            0.8465651670086182,
            0.42599700946256375,
        ),
        (
            "Szijj\u00e1rt\u00f3 told reporters the co-operation was \u201cexcellent\u201d.",
            "Szijjarto said the cooperation was excellent, according to MTI.",
            0.9464150648118054,
            0.8536200929722565,
        ),
        ("He won.", "He won it.", 0.9981992577995552, 0.9754011949066412),
        ("EU", "The EU said.", 0.2145953333030909, 0.5394828752491511),
    ],
)
def test_scores_unchanged_by_the_speed_ups(a, b, carried, same):
    assert carries(a, b) == carried
    assert score(a, b) == same


def _slow_grams(letters: str) -> frozenset[str]:
    return frozenset(letters[i : i + 4] for i in range(max(len(letters) - 3, 1)))


@given(st.text(max_size=40), st.text(max_size=40))
def test_gram_lookup_equals_gram_set_share(a, b):
    from claims.similarity import _gram_cover

    x, y = _slow_grams(a), _slow_grams(b)
    assert _gram_cover(a, b) == len(x & y) / len(x)


@given(st.text(max_size=60))
def test_remembered_word_tokens_equal_fresh_ones(text):
    from claims import similarity

    first = similarity.content_words(text)
    similarity._WORD_TOKENS.clear()
    assert similarity.content_words(text) == first


def test_falloff_keeps_a_prefix_of_the_ranking_and_what_scores_near_the_best():
    from claims.passages import PassageIndex

    articles = [
        (1, "China offered to support Hungary on public security issues, he said."),
        (2, "China offered to support Hungary, the minister said on Tuesday."),
        (3, "Hungary's security services met on Tuesday. The weather was fine."),
        (4, "The weather in Budapest was fine on Tuesday."),
    ]
    index = PassageIndex(articles)
    everything = index.search(CLAIM)
    near = index.search(CLAIM, falloff=0.5)
    assert near == everything[: len(near)]
    assert near[0] == (1, 0)
    assert 0 < len(near) < len(everything)
    # The best candidate sets the bar, not an excluded article's sentence.
    assert index.search(CLAIM, falloff=0.5, exclude=frozenset({1}))[0] == (2, 0)


_WORDS = (
    "China offered to support Hungary on public security issues the minister said police "
    "Reuters reported 1,000 troops border did not Orban Xinhua talks according new 2024"
).split()


@given(
    st.lists(st.sampled_from(_WORDS), min_size=0, max_size=14),
    st.lists(st.sampled_from(_WORDS), min_size=0, max_size=14),
    st.sampled_from([0.0, 0.2, 0.5, 0.8, 0.95, 1.0]),
)
def test_score_at_least_is_the_score_above_its_floor_and_zero_below(a, b, floor):
    from claims.similarity import score_at_least

    first, second = " ".join(a), " ".join(b)
    value = score(first, second)
    assert score_at_least(first, second, floor) == (value if value >= floor else 0.0)


def test_score_at_least_skips_pairs_its_bound_puts_under_the_floor(monkeypatch):
    import claims.similarity as similarity

    scored = []
    monkeypatch.setattr(similarity, "score", lambda a, b: scored.append((a, b)) or 0.0)
    assert similarity.score_at_least(CLAIM, "Heavy rain floods farmland in the south.", 0.5) == 0
    assert scored == []
    similarity.score_at_least(CLAIM, CLAIM, 0.5)
    assert scored == [(CLAIM, CLAIM)]
