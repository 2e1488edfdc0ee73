"""Scale benchmark for matching: 100k synthetic articles against a rapidfuzz scan.

Run through ``benchmarks/matching.py scale [ARTICLES] [CLAIMS] [BRUTE_FORCE_SAMPLE]``.
"""

from __future__ import annotations

import time


def synthetic_corpus(articles: int, claims: int, copies: int = 3, seed: int = 7):
    """Articles of made-up words in news-like sentences, each claim planted in a few of them.

    Words follow a Zipf law over a 30,000-word vocabulary, as words do in news. A planted
    claim is carried verbatim, with its clauses swapped and "X said" turned into
    "according to X", or shortened by a word and padded with a clause of its own.
    """
    import random

    rng = random.Random(seed)
    syllables = [a + b for a in "bcdfghklmnprstvz" for b in "aeiou"]
    vocabulary = sorted(
        {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(40_000)}
    )[:30_000]
    import itertools

    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    names = [w.capitalize() for w in rng.sample(vocabulary, 2000)]

    def clause(n: int) -> str:
        return " ".join(rng.choices(vocabulary, cum_weights=weights, k=n))

    def sentence() -> str:
        return f"{rng.choice(names)} {clause(rng.randint(6, 10))}, {clause(rng.randint(5, 9))}."

    claim_parts = [
        (rng.choice(names), clause(rng.randint(6, 9)), clause(rng.randint(5, 8)))
        for _ in range(claims)
    ]

    def variant(parts, kind: int) -> str:
        speaker, first, second = parts
        if kind == 0:
            return f"{speaker} said {first}, {second}."
        if kind == 1:
            return f"According to {speaker}, {second}, {first}."
        words = first.split()
        words.pop(rng.randrange(len(words)))
        return f"{speaker} said {' '.join(words)}, {second}, {clause(5)}."

    texts = [[sentence() for _ in range(rng.randint(4, 7))] for _ in range(articles)]
    gold: dict[int, set[int]] = {}
    for claim_id, parts in enumerate(claim_parts):
        for kind, article in enumerate(rng.sample(range(articles), copies)):
            texts[article].insert(rng.randrange(len(texts[article]) + 1), variant(parts, kind))
            gold.setdefault(claim_id, set()).add(article + 1)
    corpus = [
        (i + 1, "\n\n".join(" ".join(t[j : j + 2]) for j in range(0, len(t), 2)))
        for i, t in enumerate(texts)
    ]
    claim_texts = [f"{s} said {a}, {b}." for s, a, b in claim_parts]
    return corpus, claim_texts, gold


def scale(articles: str = "100000", claims: str = "1000", brute_sample: str = "50") -> dict:
    """Index + re-ranker against a rapidfuzz scan of every sentence, on the same corpus."""
    from rapidfuzz import fuzz, process

    from claims.passages import PassageIndex
    from claims.services.matching import rank_passages

    n_articles, n_claims, sample = int(articles), int(claims), int(brute_sample)
    started = time.perf_counter()
    corpus, claim_texts, gold = synthetic_corpus(n_articles, n_claims)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    index = PassageIndex(corpus)
    build = time.perf_counter() - started
    print(
        f"{n_articles} articles, {len(index)} sentences, {n_claims} claims; "
        f"generated in {generated:.0f} s, index built in {build:.0f} s (once)"
    )

    def recall(found: list[int], claim_id: int) -> float:
        return len(set(found[: len(gold[claim_id])]) & gold[claim_id]) / len(gold[claim_id])

    # Our matcher: candidate index, then the re-ranker; top articles as many as the gold.
    ours, candidate_recall, times, candidate_times = [], [], [], []
    for claim_id, text in enumerate(claim_texts):
        # Timed apart: ``rank_passages`` runs its own search, so timing the two together
        # would count the index twice.
        t0 = time.perf_counter()
        hits = index.search(text)
        t1 = time.perf_counter()
        ranked = rank_passages(index, [text])
        times.append(time.perf_counter() - t1)
        candidate_times.append(t1 - t0)
        found_articles = list(dict.fromkeys(a for a, _ in hits))
        candidate_recall.append(len(set(found_articles) & gold[claim_id]) / len(gold[claim_id]))
        ours.append(recall([r.article_id for r in ranked], claim_id))

    # Brute force: rapidfuzz token_set_ratio over every sentence of every article.
    sentences = [s.text for a in index.sentences.values() for s in a]
    owner = [article for article, ss in index.sentences.items() for _ in ss]
    brute, brute_times = [], []
    step = max(1, n_claims // sample)
    sampled = list(range(0, n_claims, step))[:sample]
    for claim_id in sampled:
        t0 = time.perf_counter()
        best = process.extract(
            claim_texts[claim_id], sentences, scorer=fuzz.token_set_ratio, limit=50
        )
        brute_times.append(time.perf_counter() - t0)
        found = list(dict.fromkeys(owner[i] for _, _, i in best))
        brute.append(recall(found, claim_id))
    ours_on_sample = [ours[i] for i in sampled]
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    result = {
        "mode": "scale",
        "articles": n_articles,
        "sentences": len(index),
        "claims": n_claims,
        "brute_force_claims_sampled": len(sampled),
        "index_build_seconds": round(build, 1),
        "ms_per_claim_candidates": round(1000 * mean(candidate_times), 2),
        "ms_per_claim_with_reranker": round(1000 * mean(times), 2),
        "ms_per_claim_brute_force": round(1000 * mean(brute_times), 2),
        "speedup_candidates": round(mean(brute_times) / mean(candidate_times), 1),
        "speedup_with_reranker": round(mean(brute_times) / mean(times), 1),
        "candidate_recall": round(mean(candidate_recall), 4),
        "recall": round(mean(ours), 4),
        "recall_on_sample": round(mean(ours_on_sample), 4),
        "brute_force_recall": round(mean(brute), 4),
        "recall_ratio": round(mean(ours_on_sample) / max(mean(brute), 1e-9), 4),
    }
    print(f"{'':34} {'ms/claim':>9} {'recall':>7}")
    print(
        f"{'candidate index (BM25)':34} {result['ms_per_claim_candidates']:>9.2f} "
        f"{result['candidate_recall']:>7.3f}"
    )
    print(
        f"{'index + re-ranker (claims match)':34} {result['ms_per_claim_with_reranker']:>9.2f} "
        f"{result['recall']:>7.3f}"
    )
    print(
        f"{'rapidfuzz scan, ' + str(len(sampled)) + ' claims':34} "
        f"{result['ms_per_claim_brute_force']:>9.2f} {result['brute_force_recall']:>7.3f}"
    )
    print(
        f"speed-up {result['speedup_with_reranker']}x (candidates alone "
        f"{result['speedup_candidates']}x); recall ratio {result['recall_ratio']}"
    )
    return result
