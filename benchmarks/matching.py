"""Matching benchmarks: train the pair scorer, and measure it on seeds, MRPC, CLEF and scale.

    python benchmarks/matching.py train     # fit claims/similarity_model.json on MRPC train
    python benchmarks/matching.py mrpc      # ROC-AUC, precision/recall at the thresholds
    python benchmarks/matching.py clef      # CLEF 2020 CheckThat! Task 2, MAP@5 on test
    python benchmarks/matching.py seeds     # Inquirer-only seeds: is UNN's passage found?
    python benchmarks/matching.py scale     # 100k synthetic articles vs a rapidfuzz scan

Each mode prints a table and, on its last line, one JSON object with the figures. Data sets
are read from ``$CLAIMS_EVAL_DIR`` (default ``../shared/eval``, beside the checkout).
Training uses the training splits only; test splits are read only to report.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EVAL = Path(
    os.environ.get("CLAIMS_EVAL_DIR", Path(__file__).resolve().parents[2] / "shared" / "eval")
)
MRPC = EVAL / "mrpc"
CLEF = EVAL / "clef2020-checkthat-task2" / "v3.0"


def load_mrpc(split: str) -> list[tuple[int, str, str]]:
    path = MRPC / f"msr_paraphrase_{split}.txt"
    rows = []
    for line in path.read_text(encoding="utf-8-sig").splitlines()[1:]:
        quality, _, _, a, b = line.split("\t")
        rows.append((int(quality), a, b))
    return rows


def training_pairs(rows, seed: int = 0) -> list[tuple[int, str, str]]:
    """MRPC pairs in both directions, plus the same pairs with the second side padded.

    A claim is usually carried inside a longer sentence ("..., Reuters reported"), which
    MRPC's sentence pairs never show; padding the second side with an unrelated sentence
    of the same split teaches the scorer that extra words on the carrying side are no
    reason to doubt, while missing ones are.
    """
    import random

    rng = random.Random(seed)
    pool = [text for _, a, b in rows for text in (a, b)]
    pairs = []
    for label, a, b in rows:
        for first, second in ((a, b), (b, a)):
            pairs.append((label, first, second))
            clause = rng.choice(pool).rstrip(". ")
            padded = f"{second.rstrip('. ')}, {clause[0].lower()}{clause[1:]}."
            if rng.random() < 0.5:
                padded = f"{clause}, {second[0].lower()}{second[1:]}"
            pairs.append((label, first, padded))
        pairs.append((0, a, rng.choice(pool)))
    return pairs


def feature_matrix(rows, name: str):
    import numpy as np

    from claims.similarity import FEATURE_FUNCTIONS

    function = FEATURE_FUNCTIONS[name]
    return np.array([function(a, b) for _, a, b in rows]), np.array([q for q, _, _ in rows])


def fit(rows, name: str) -> dict:
    from sklearn.linear_model import LogisticRegression

    from claims.similarity import MODELS

    x, y = feature_matrix(rows, name)
    model = LogisticRegression(C=10.0, max_iter=5000).fit(x, y)
    return {
        "features": list(MODELS[name]),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
    }


def tune_thresholds(labels, scores) -> tuple[float, float]:
    """suggest: the knee of the precision curve; auto: precision 0.95, or recall 0.6 at most.

    suggest is the lowest cut (in steps of 0.05) whose precision is within 1% of the best
    precision any cut reaches: raising it further loses recall and buys no precision. auto
    is the lowest cut with precision >= 0.95, if any; where none gets there (near-duplicate
    negatives cap precision), the lowest cut that keeps at most 60% of the recall.
    """
    cuts = [round(0.05 * i, 2) for i in range(1, 20)]
    total = max(sum(labels), 1)
    curve = []
    for cut in cuts:
        chosen = [s >= cut for s in scores]
        hits = sum(1 for c, y in zip(chosen, labels, strict=True) if c and y)
        curve.append((cut, hits / max(sum(chosen), 1), hits / total))
    best = max(p for _, p, r in curve if r >= 0.1)
    suggest = min(c for c, p, _ in curve if p >= 0.99 * best)
    confident = [c for c, p, r in curve if p >= 0.95 and c >= suggest]
    auto = min(confident) if confident else min(c for c, _, r in curve if r <= 0.6)
    for cut, precision, recall in curve:
        print(f"  cut {cut:.2f}: precision {precision:.3f}, recall {recall:.3f}")
    return suggest, max(auto, suggest)


# --- CLEF 2020 CheckThat! Task 2 -------------------------------------------------------------


def clef_claims() -> dict[int, tuple[str, str]]:
    import pandas as pd

    frame = pd.read_csv(CLEF / "verified_claims.docs.tsv", sep="\t", index_col=0).fillna("")
    return {int(i): (row.vclaim, row.title) for i, row in frame.iterrows()}


def clef_split(name: str) -> tuple[dict[int, str], dict[int, set[int]]]:
    """Tweets (links and handles removed) and their gold claims, for tweets that have one."""
    import re

    import pandas as pd

    gold: dict[int, set[int]] = {}
    for line in (CLEF / name / "tweet-vclaim-pairs.qrels").read_text().splitlines():
        tweet, _, claim, _ = line.split("\t")
        gold.setdefault(int(tweet), set()).add(int(claim))
    frame = pd.read_csv(CLEF / name / "tweets.queries.tsv", sep="\t", index_col=0)
    clean = re.compile(r"https?://\S+|pic\.twitter\S+|@\w+")
    tweets = {
        int(i): clean.sub(" ", text) for i, text in frame.iloc[:, 0].items() if int(i) in gold
    }
    return tweets, gold


class ClefIndex:
    """BM25 over claim + title, with the words the pair scorer sees (claims.similarity.analyse)."""

    def __init__(self, claims: dict[int, tuple[str, str]]):
        import bm25s

        from claims.similarity import analyse

        self.ids = sorted(claims)
        corpus = [list(analyse(" ".join(claims[i])).tokens) or ["\x00"] for i in self.ids]
        self.bm25 = bm25s.BM25()
        self.bm25.index(corpus, show_progress=False)

    def search(self, text: str, k: int) -> list[tuple[int, float]]:
        from claims.similarity import analyse

        tokens = [t for t in analyse(text).tokens if t in self.bm25.vocab_dict]
        if not tokens:
            return []
        documents, scores = self.bm25.retrieve([tokens], k=k, show_progress=False)
        return [(self.ids[int(d)], float(s)) for d, s in zip(documents[0], scores[0], strict=True)]


def clef_carries_pairs(index, claims, split: str, depth: int = 10):
    """(label, claim, tweet): each tweet against its gold claims and BM25's other top claims."""
    tweets, gold = clef_split(split)
    pairs = []
    for tweet_id, tweet in tweets.items():
        found = [c for c, _ in index.search(tweet, depth)]
        for claim_id in dict.fromkeys([*found, *gold[tweet_id]]):
            pairs.append((int(claim_id in gold[tweet_id]), claims[claim_id][0], tweet))
    return pairs


def news_threshold_pairs(rows, seed: int = 1) -> list[tuple[int, str, str]]:
    """A passage-matching tuning set from MRPC train: does this news sentence carry that one?

    Positives: a paraphrase pair's second sentence, padded with an unrelated clause (a claim
    sits inside a longer sentence). Negatives: the sentence of another pair that shares most
    words with the first (BM25's best other hit), the near-miss a reviewer must not be shown.
    """
    import random

    import bm25s

    from claims.similarity import analyse

    rng = random.Random(seed)
    sentences = sorted({text for _, a, b in rows for text in (a, b)})
    index = bm25s.BM25()
    index.index([list(analyse(t).tokens) or ["\x00"] for t in sentences], show_progress=False)
    pairs = []
    for label, a, b in rows:
        if not label:
            continue
        clause = rng.choice(sentences).rstrip(". ")
        pairs.append((1, a, f"{b.rstrip('. ')}, {clause[0].lower()}{clause[1:]}."))
        tokens = [t for t in analyse(a).tokens if t in index.vocab_dict]
        found, _ = index.retrieve([tokens], k=3, show_progress=False)
        other = next(sentences[int(d)] for d in found[0] if sentences[int(d)] not in (a, b))
        pairs.append((0, a, other))
    return pairs


def train() -> dict:
    """'same' on MRPC train; 'carries' on CLEF train; thresholds tuned on CLEF dev."""
    from claims import similarity

    mrpc_rows = load_mrpc("train")
    claims = clef_claims()
    index = ClefIndex(claims)
    data = {
        "about": "Logistic regressions over claims.similarity's features, fitted by "
        "benchmarks/matching.py train: 'same' on the MRPC training split, 'carries' on "
        "CLEF 2020 CheckThat! Task 2 training tweets against their verified claims and "
        "BM25's other top-10 claims. No test data was used.",
        "same": fit(mrpc_rows, "same"),
        "carries": fit(clef_carries_pairs(index, claims, "train"), "carries"),
    }
    similarity.MODEL_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    similarity._model.cache_clear()
    tuning = news_threshold_pairs(mrpc_rows)
    suggest, auto = tune_thresholds(
        [label for label, _, _ in tuning], [similarity.carries(c, t) for _, c, t in tuning]
    )
    print(f"wrote {similarity.MODEL_FILE.relative_to(REPO)}")
    print(f"carries() thresholds tuned on MRPC-train passages: suggest {suggest}, auto {auto}")
    return {"mode": "train", "suggest": suggest, "auto": auto}


def mrpc() -> dict:
    from rapidfuzz import fuzz
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import roc_auc_score

    from claims.services.matching import DEFAULT_AUTO, DEFAULT_SUGGEST
    from claims.similarity import score

    test = load_mrpc("test")
    labels = [q for q, _, _ in test]
    started = time.perf_counter()
    ours = [score(a, b) for _, a, b in test]
    per_pair = (time.perf_counter() - started) / len(test)
    sort_ratio = [fuzz.token_sort_ratio(a, b) for _, a, b in test]
    tfidf = TfidfVectorizer().fit(
        [a for _, a, _ in load_mrpc("train")] + [b for *_, b in load_mrpc("train")]
    )
    cosine = [
        float((tfidf.transform([a]) @ tfidf.transform([b]).T).toarray()[0, 0]) for _, a, b in test
    ]
    result = {
        "mode": "mrpc",
        "pairs": len(test),
        "auc": round(roc_auc_score(labels, ours), 4),
        "auc_token_sort_ratio": round(roc_auc_score(labels, sort_ratio), 4),
        "auc_tfidf_cosine": round(roc_auc_score(labels, cosine), 4),
        "ms_per_pair": round(per_pair * 1000, 3),
    }
    print(f"MRPC test, {len(test)} pairs")
    print(f"{'scorer':32} ROC-AUC")
    print(f"{'claims.similarity.score':32} {result['auc']:.4f}")
    print(f"{'rapidfuzz token_sort_ratio':32} {result['auc_token_sort_ratio']:.4f}")
    print(f"{'TF-IDF cosine':32} {result['auc_tfidf_cosine']:.4f}")
    print(f"\n{'threshold':>12} {'value':>6} {'precision':>9} {'recall':>7}")
    for name, cut in (("suggest", DEFAULT_SUGGEST), ("auto", DEFAULT_AUTO)):
        chosen = [s >= cut for s in ours]
        true_pos = sum(1 for c, y in zip(chosen, labels, strict=True) if c and y)
        precision = true_pos / max(sum(chosen), 1)
        recall = true_pos / max(sum(labels), 1)
        result[f"precision_at_{name}"] = round(precision, 4)
        result[f"recall_at_{name}"] = round(recall, 4)
        print(f"{name:>12} {cut:>6.2f} {precision:>9.3f} {recall:>7.3f}")
    return result


def map_at_5(ranked: dict[int, list[int]], gold: dict[int, set[int]]) -> float:
    """Mean average precision at 5, as the CheckThat! 2020 scorer computes it."""
    total = 0.0
    for tweet, found in ranked.items():
        hits, precision_sum = 0, 0.0
        for rank, claim in enumerate(found[:5], start=1):
            if claim in gold[tweet]:
                hits += 1
                precision_sum += hits / rank
        total += precision_sum / min(len(gold[tweet]), 5)
    return total / len(ranked)


def cached_embeddings(name: str, texts: list[str]):
    """Embeddings of ``texts``, cached under benchmarks/.cache (encoding is minutes on CPU)."""
    import hashlib

    import numpy as np

    from claims import embeddings

    digest = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:16]
    path = REPO / "benchmarks" / ".cache" / f"{name}-{digest}.npy"
    if path.exists():
        return np.load(path)
    vectors = embeddings.encode(texts)
    path.parent.mkdir(exist_ok=True)
    np.save(path, vectors)
    return vectors


def clef(depth: str = "30") -> dict:
    """BM25 over claim + title, re-ranked by a logistic regression fitted on CLEF train."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from claims import embeddings
    from claims.similarity import carries, score

    k = int(depth)
    started = time.perf_counter()
    claims = clef_claims()
    index = ClefIndex(claims)
    use_embeddings = embeddings.available()
    if use_embeddings:
        ids = sorted(claims)
        position = {c: i for i, c in enumerate(ids)}
        claim_vectors = cached_embeddings("clef-vclaims", [claims[c][0] for c in ids])
        title_vectors = cached_embeddings(
            "clef-titles", [claims[c][1] or claims[c][0] for c in ids]
        )

    def candidates(split: str, hybrid: bool):
        """Each tweet's candidates (BM25's top k, plus MiniLM's top k when ``hybrid``)."""
        tweets, gold = clef_split(split)
        if hybrid:
            order = sorted(tweets)
            vectors = cached_embeddings(f"clef-{split}-tweets", [tweets[t] for t in order])
            tweet_vector = dict(zip(order, vectors, strict=True))
        rows, keys, features = [], [], []
        for tweet_id, tweet in tweets.items():
            found = index.search(tweet, k)
            top = found[0][1] if found else 1.0
            bm25 = {c: (value / top, 1 / (rank + 1)) for rank, (c, value) in enumerate(found)}
            pool = list(bm25)
            if hybrid:
                v = tweet_vector[tweet_id]
                by_claim = claim_vectors @ v
                by_title = title_vectors @ v
                dense = np.maximum(by_claim, by_title)
                best = np.argsort(-dense)[:k]
                dense_rank = {ids[int(i)]: r for r, i in enumerate(best)}
                pool += [ids[int(i)] for i in best if ids[int(i)] not in bm25]
            for claim_id in pool:
                claim, title = claims[claim_id]
                keys.append((tweet_id, claim_id))
                row = [
                    *bm25.get(claim_id, (0.0, 0.0)),
                    carries(claim, tweet),
                    carries(title, tweet) if title else 0.0,
                    carries(tweet, claim),
                    score(claim, tweet),
                ]
                if hybrid:
                    p = position[claim_id]
                    rank = dense_rank.get(claim_id)
                    row += [
                        float(by_claim[p]),
                        float(by_title[p]),
                        1 / (rank + 1) if rank is not None else 0.0,
                    ]
                features.append(row)
                rows.append(int(claim_id in gold[tweet_id]))
        return keys, np.array(rows), np.array(features), gold

    def ranking(keys, values) -> dict[int, list[int]]:
        by_tweet: dict[int, list[tuple[float, int]]] = {}
        for (tweet_id, claim_id), value in zip(keys, values, strict=True):
            by_tweet.setdefault(tweet_id, []).append((float(value), claim_id))
        return {t: [c for _, c in sorted(v, key=lambda x: -x[0])] for t, v in by_tweet.items()}

    train_keys, train_y, train_lexical, _ = candidates("train", hybrid=False)
    test_keys, _, test_lexical, test_gold = candidates("test", hybrid=False)
    results = {}
    bm25_order = ranking(test_keys, test_lexical[:, 0] + test_lexical[:, 1] * 1e-6)
    results["BM25 (claims.similarity words), claim + title"] = map_at_5(bm25_order, test_gold)
    results["BM25 then carries() alone"] = map_at_5(
        ranking(test_keys, np.maximum(test_lexical[:, 2], test_lexical[:, 3])), test_gold
    )
    lexical_model = LogisticRegression(C=1.0, max_iter=5000).fit(train_lexical, train_y)
    results["BM25 + carries() + score(), fused on CLEF train (default install)"] = map_at_5(
        ranking(test_keys, lexical_model.decision_function(test_lexical)), test_gold
    )
    if use_embeddings:
        _, train_hy, train_full, _ = candidates("train", hybrid=True)
        full_keys, _, test_full, _ = candidates("test", hybrid=True)
        results["BM25 + MiniLM candidates, MiniLM cosine alone"] = map_at_5(
            ranking(full_keys, np.maximum(test_full[:, 6], test_full[:, 7])), test_gold
        )
        full_model = LogisticRegression(C=1.0, max_iter=5000).fit(train_full, train_hy)
        results[
            "BM25 + MiniLM candidates, carries() + score() + MiniLM fused (embeddings extra)"
        ] = map_at_5(ranking(full_keys, full_model.decision_function(test_full)), test_gold)
    recall = np.mean([bool(set(bm25_order[t][:k]) & test_gold[t]) for t in test_gold])
    print(f"CLEF 2020 CheckThat! Task 2, test ({len(test_gold)} tweets, {len(claims)} claims)")
    print(f"re-ranking BM25's top {k} (BM25 recall@{k} {recall:.3f})")
    print(f"{'system':72} MAP@5")
    for name, value in results.items():
        print(f"{name:72} {value:.4f}")
    return {
        "mode": "clef",
        "depth": k,
        "embeddings": use_embeddings,
        "recall_at_depth": round(float(recall), 4),
        "map5": {name: round(value, 4) for name, value in results.items()},
        "seconds": round(time.perf_counter() - started, 1),
    }


# --- seeds -----------------------------------------------------------------------------------


def seeds() -> dict:
    """Seed claims with only their Inquirer appearance: is UNN's passage found, and only it?"""
    import tempfile

    from sqlalchemy import select

    from claims import migrations
    from claims.db import open_session
    from claims.models import Appearance, Article, Claim
    from claims.seeds import load_seeds
    from claims.services.appearances import delete_appearance
    from claims.services.matching import load_index, rank_passages, wordings
    from claims.similarity import DEFAULT_SUGGEST

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/seeds.db"
        migrations.upgrade(url)
        with open_session(url) as session:
            load_seeds(session, actor="benchmark")
            unn = session.scalars(
                select(Article).join(Article.publisher).where(Article.publisher.has(name="UNN"))
            ).one()
            gold = {}
            for appearance in list(
                session.scalars(select(Appearance).where(Appearance.article_id == unn.id))
            ):
                gold[appearance.claim_id] = (appearance.quote_start, appearance.quote_end)
                delete_appearance(session, appearance, actor="benchmark")
            index = load_index(session)
            table = []
            started = time.perf_counter()
            for claim in session.scalars(select(Claim).order_by(Claim.id)):
                carried = {a.article_id for a in claim.appearances}
                ranked = rank_passages(index, wordings(claim), exclude=carried)
                top = ranked[0] if ranked else None
                in_unn = top is not None and top.article_id == unn.id
                if claim.id in gold:
                    start, end = gold[claim.id]
                    hit = in_unn and top.start < end and start < top.end
                    ok = hit and top.score >= DEFAULT_SUGGEST
                else:
                    ok = top is None or top.score < DEFAULT_SUGGEST
                table.append((claim.id, claim.id in gold, top.score if top else 0.0, ok))
            seconds = (time.perf_counter() - started) / len(table)
    print(f"{'claim':>5} {'in UNN':>6} {'top score':>9} {'ok':>3}")
    for claim_id, carried, value, ok in table:
        print(
            f"{claim_id:>5} {'yes' if carried else 'no':>6} {value:>9.3f} {'ok' if ok else 'NO':>3}"
        )
    positives = [row for row in table if row[1]]
    negatives = [row for row in table if not row[1]]
    return {
        "mode": "seeds",
        "carried_found_first": f"{sum(r[3] for r in positives)}/{len(positives)}",
        "not_carried_clean": f"{sum(r[3] for r in negatives)}/{len(negatives)}",
        "lowest_carried_score": round(min(r[2] for r in positives), 3),
        "highest_not_carried_score": round(max(r[2] for r in negatives), 3),
        "suggest": DEFAULT_SUGGEST,
        "seconds_per_claim": round(seconds, 3),
    }


def scale(*args: str) -> dict:
    from matching_scale import scale as run

    return run(*args)


MODES = {"train": train, "mrpc": mrpc, "clef": clef, "seeds": seeds, "scale": scale}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=sorted(MODES))
    args, rest = parser.parse_known_args()
    result = MODES[args.mode](*rest)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
