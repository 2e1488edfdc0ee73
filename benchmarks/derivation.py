"""The derivation report's sentence alignment against comparing every pair of articles.

    python benchmarks/derivation.py                  # 400 articles, both ways
    python benchmarks/derivation.py --articles 10000 --no-baseline   # the index alone

Articles of made-up words in news-like sentences (a Zipf law over function words, then
30,000 made-up content words, as words are in news): stories, wire copies of them,
rewrites (a sentence dropped, a word dropped or added) and a few lines of boilerplate
many outlets share. Both
sides align the very same prepared articles; the baseline is what the report did before
it had an index: every sentence of every article against every sentence of every other
article sharing a third of its words. The two results are checked to be identical before
the ratio is printed. Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def corpus(articles: int, seed: int = 7) -> list[list[str]]:
    """The sentences of ``articles`` articles: a third new stories, the rest copies and rewrites."""
    rng = random.Random(seed)
    syllables = [a + b for a in "bcdfghklmnprstvz" for b in "aeiou"]
    from claims.similarity import STOPWORDS

    made_up = {
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(40_000)
    }
    # The commonest words of news are function words, which the score leaves out.
    vocabulary = sorted(STOPWORDS) + rng.sample(sorted(made_up - STOPWORDS), 30_000)
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    names = [w.capitalize() for w in rng.sample(vocabulary, 2000)]

    def sentence() -> str:
        words = " ".join(rng.choices(vocabulary, cum_weights=weights, k=rng.randint(8, 22)))
        return f"{rng.choice(names)} {words}, {rng.choice(names)} said."

    def rewrite(text: str) -> str:
        words = text.rstrip(".").split()
        words.pop(rng.randrange(1, len(words)))
        if rng.random() < 0.5:
            words.insert(rng.randrange(1, len(words)), rng.choice(vocabulary))
        return " ".join(words) + "."

    boilerplate = [sentence() for _ in range(5)]
    texts: list[list[str]] = []
    for _ in range(articles):
        kind = rng.random()
        if texts and kind < 0.3:
            sentences = list(rng.choice(texts))
        elif texts and kind < 0.6:
            sentences = [rewrite(s) for s in rng.choice(texts) if rng.random() < 0.85]
        else:
            sentences = [sentence() for _ in range(rng.randint(5, 15))]
        if rng.random() < 0.2:
            sentences.append(rng.choice(boilerplate))
        texts.append(sentences)
    return texts


def prepared(texts: list[list[str]]):
    from claims.reports.derivation import _Prepared
    from claims.similarity import analyse

    return [
        _Prepared(None, s, frozenset(w for x in s for w in analyse(x).token_set)) for s in texts
    ]


def every_pair(articles) -> dict[tuple[int, int], dict[int, float]]:
    """Every sentence of every article against every sentence of every other article."""
    from claims.reports.derivation import ALIGN, _needed
    from claims.similarity import analyse, score

    found = {}
    for i, a in enumerate(articles):
        for j, b in enumerate(articles):
            if i == j:
                continue
            best = {}
            for position, sentence in enumerate(a.sentences):
                words = analyse(sentence).token_set
                value = 0.0
                for other in b.sentences:
                    if len(words & analyse(other).token_set) >= _needed(words):
                        value = max(value, score(sentence, other))
                if value >= ALIGN:
                    best[position] = value
            if best:
                found[(i, j)] = best
    return found


def by_index(articles) -> dict[tuple[int, int], dict[int, float]]:
    """The report's alignments (``_related``) in ``every_pair``'s shape."""
    from claims.reports.derivation import _related

    found = {}
    for a, b, a_in_b, b_in_a in _related(articles):
        for pair, best in (((a, b), a_in_b), ((b, a), b_in_a)):
            if best:
                found[pair] = best
    return found


def main(argv: list[str] | None = None) -> None:
    from claims.reports.derivation import _related

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--no-baseline", action="store_true", help="time the index alone")
    args = parser.parse_args(argv)
    articles = prepared(corpus(args.articles))
    sentences = sum(len(a.sentences) for a in articles)
    started = time.perf_counter()
    if args.no_baseline:  # counted as they come, as the report takes them
        found = {}
        related = sum(bool(a) + bool(b) for _, _, a, b in _related(articles))
    else:
        found = by_index(articles)
        related = len(found)
    seconds = time.perf_counter() - started
    summary = {"articles": args.articles, "sentences": sentences, "related_pairs": related}
    summary["index_s"] = round(seconds, 3)
    print(f"{args.articles} articles, {sentences} sentences, {related} ordered pairs related")
    print(f"{'index':<12}{seconds:>10.2f} s")
    if not args.no_baseline:
        started = time.perf_counter()
        expected = every_pair(articles)
        baseline = time.perf_counter() - started
        if expected != found:
            raise SystemExit("the index and the pairwise comparison disagree")
        print(f"{'every pair':<12}{baseline:>10.2f} s   (the same alignments)")
        print(f"{'ratio':<12}{seconds / baseline:>10.3f}   (target: no more than 0.5)")
        summary.update(baseline_s=round(baseline, 3), ratio=round(seconds / baseline, 4))
    print(json.dumps(summary, separators=(",", ":")))


if __name__ == "__main__":
    main()
