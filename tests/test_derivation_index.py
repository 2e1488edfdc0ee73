"""The derivation report's sentence index finds exactly what comparing every pair finds.

The report used to compare every pair of articles sentence by sentence; the index must
give the same alignments without doing so. That comparison is kept as the oracle in
``benchmarks/derivation.py``, and random corpora of copies, rewrites, shared
boilerplate, repeated and word-poor sentences are aligned both ways.
"""

from __future__ import annotations

import random

import pytest

from benchmarks.derivation import by_index, every_pair
from claims.reports.derivation import _Prepared
from claims.similarity import analyse

WORDS = (
    "minister council budget border troops election court ruling protest police "
    "agency report talks summit trade tariff energy prices inflation bank rates "
    "vote parliament opposition leader president spokesman statement ministry "
    "military drill missile sanctions export oil gas pipeline farmers strike union "
    "wages hospital doctors vaccine outbreak flood rain storm coast village city "
    "capital region province governor mayor school teachers students university "
    "company shares profit loss market investors deal merger bid court judge trial"
).split()


def _sentence(rng: random.Random, length: int) -> str:
    # Zipf-like: a few words recur in most sentences, most are rare.
    words = [WORDS[min(int(rng.paretovariate(1.1)) - 1, len(WORDS) - 1)] for _ in range(length)]
    return " ".join(words).capitalize() + ", officials said."


def _rewrite(rng: random.Random, sentence: str) -> str:
    words = sentence.rstrip(".").split()
    if len(words) > 3 and rng.random() < 0.5:
        del words[rng.randrange(len(words))]
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words) + 1), rng.choice(WORDS))
    rng.shuffle(words) if rng.random() < 0.2 else None
    return " ".join(words) + "."


def _corpus(seed: int, articles: int) -> list[_Prepared]:
    rng = random.Random(seed)
    boilerplate = [_sentence(rng, 6), "Read more.", "The", _sentence(rng, 3)]
    texts: list[list[str]] = []
    for _ in range(articles):
        kind = rng.random()
        if texts and kind < 0.25:
            sentences = list(rng.choice(texts))  # a copy
        elif texts and kind < 0.55:
            sentences = [_rewrite(rng, s) for s in rng.choice(texts) if rng.random() < 0.8]
        else:
            sentences = [_sentence(rng, rng.randint(1, 14)) for _ in range(rng.randint(1, 9))]
        if rng.random() < 0.4:
            sentences.append(rng.choice(boilerplate))
        if sentences and rng.random() < 0.1:
            sentences.append(sentences[0])  # a sentence repeated within the article
        texts.append(sentences)
    return [
        _Prepared(None, s, frozenset(w for x in s for w in analyse(x).token_set)) for s in texts
    ]


@pytest.mark.parametrize("seed", range(6))
def test_the_index_aligns_what_comparing_every_pair_aligns(seed):
    prepared = _corpus(seed, 40)
    expected = every_pair(prepared)
    assert expected, "the corpus should hold related articles"
    assert by_index(prepared) == expected


def test_a_sentence_carried_by_many_articles_is_aligned_in_each_pair():
    sentence = "The council approved the new border budget on Tuesday, the minister said."
    own = [
        "Heavy rain floods villages",
        "Bank raises rates",
        "Doctors strike at hospital",
        "Farmers block the pipeline",
        "Students protest tuition",
    ]
    prepared = [_Prepared(None, [sentence, f"{own[n]}."], frozenset()) for n in range(5)]
    found = by_index(prepared)
    assert set(found) == {(i, j) for i in range(5) for j in range(5) if i != j}
    assert all(list(best) == [0] for best in found.values())


@pytest.mark.parametrize("seed", range(4))
def test_a_pair_only_one_side_aligns_is_found_from_that_side(seed, monkeypatch):
    """With real scores such pairs (one sentence shares a third of its words with the
    other, not the reverse) nearly never align; scoring every pair 1 makes each count, so
    the rule that scores a pair once, from the side whose look-up is sure to find it, is
    checked on every kind of pair."""
    import claims.similarity as similarity

    def full(a: str, b: str) -> float:
        return 1.0 if analyse(a).tokens and analyse(b).tokens else 0.0

    monkeypatch.setattr(similarity, "score", full)
    monkeypatch.setattr(similarity, "score_at_least", lambda a, b, floor: full(a, b))
    # One sentence per article: no other sentence of the article can stand in for a pair.
    rng = random.Random(seed)
    sentences = [_sentence(rng, rng.randint(1, 14)) for _ in range(40)]
    prepared = [_Prepared(None, [s], frozenset(analyse(s).token_set)) for s in sentences]
    assert by_index(prepared) == every_pair(prepared)
