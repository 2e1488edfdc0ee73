"""How alike two statements are, as a score in [0, 1]: the one similarity of the project.

Matching ranks candidate passages with it, the derivation report aligns sentences with it,
and anything else that must decide "is this the same statement?" should reuse it rather than
invent another. News rewrites change the order of clauses, swap reporting verbs ("said",
"according to", "told"), use synonyms and other typography, so the score is built from
features that survive those changes: coverage of content words (stemmed, with a small table
of synonyms folded onto one word), character n-grams (robust to spelling variants such as
"Shandor"/"Sandor"), order-free fuzzy ratios (rapidfuzz), and agreement on numbers and names,
which a paraphrase must keep. A logistic regression trained on the MRPC training split weighs
the features; its coefficients ship as ``similarity_model.json`` next to this module (a few
numbers, no pickle), and ``benchmarks/matching.py train`` rebuilds them.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from claims.text import fold_for_search

MODEL_FILE = Path(__file__).with_name("similarity_model.json")

# Words that carry no claim: dropping them lets "China has offered to support" meet
# "China offered support". Reporting verbs are not here; they are folded onto "say".
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for from with as into onto about over under
    than then that this these those there here it its is are was were be been being has have
    had do does did so such also just very can could would should will shall may might must
    not no nor i you he she we they them his her their our your my me him us who whom which
    what when where while why how all any both each few more most other some own same too s t
    up out off again further once during before after above below between through
    per via upon""".split()
)

# Words news copy swaps for one another, folded onto the first of each group (after
# stemming). Kept small on purpose: a wrong synonym merges two different claims.
SYNONYM_GROUPS = (
    ("say", "said", "says", "tell", "told", "according", "accord", "claim",
     "note", "noted", "added", "add", "declar", "declared", "announc", "announced", "report",
     "reported", "express", "expressed"),
    ("agreement", "pact", "deal", "treaty"),
    ("countri", "nation"),
    ("victori", "win"),
    ("grave", "serious"),
    ("plant", "factori"),
    ("automak", "carmak"),
    ("guarante", "assur"),
    ("proxim", "closeness", "affin"),
    ("help", "aid", "assist", "support", "back"),
    ("start", "begin", "launch"),
    ("big", "larg", "major"),
    ("rise", "rose", "increas", "grow", "grew"),
    ("fall", "fell", "declin", "drop", "decreas"),
    ("buy", "purchas", "acquir"),
    ("kill", "dead", "die", "death"),
    ("percent", "per cent", "%"),
)

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<![.!?\"'“] )\b[A-Z][\w'’-]+")

FEATURES = (
    "cover_min",
    "cover_max",
    "jaccard",
    "bigram_jaccard",
    "char_cover_min",
    "char_cover_max",
    "token_set",
    "token_sort",
    "partial",
    "numbers_agree",
    "numbers_missing",
    "names_agree",
    "length_ratio",
    "extra_min",
    "extra_max",
    "char_jaccard",
)


@cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@cache
def _synonyms() -> dict[str, str]:
    table = {}
    stem = _stemmer().stemWord
    for group in SYNONYM_GROUPS:
        head = stem(group[0])
        for word in group:
            table[stem(word)] = head
    return table


@lru_cache(maxsize=200_000)
def analyse(text: str) -> Analysed:
    """Everything the score needs from one side, computed once per distinct text."""
    folded = fold_for_search(text)
    # "co-operation" and "cooperation", "law-enforcement" and "law enforcement": one spelling.
    joined = re.sub(r"(?<=\w)-(?=\w)", "", folded)
    words = _WORD.findall(joined)
    stem = _stemmer().stemWord
    synonyms = _synonyms()
    content = []
    for word in words:
        word = word.replace("'", "")
        if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
            continue
        stemmed = stem(word) if not word[0].isdigit() else word.replace(",", "")
        content.append(synonyms.get(stemmed, stemmed))
    letters = re.sub(r"[^\w]+", " ", joined).strip()
    grams = frozenset(letters[i : i + 4] for i in range(max(len(letters) - 3, 1)))
    numbers = frozenset(n.replace(",", "") for n in _NUMBER.findall(folded))
    names = frozenset(fold_for_search(n) for n in _NAME.findall(text))
    return Analysed(
        tokens=tuple(content),
        token_set=frozenset(content),
        bigrams=frozenset(zip(content, content[1:], strict=False)),
        grams=grams,
        numbers=numbers,
        names=names,
        joined=" ".join(content),
    )


@dataclass(frozen=True, slots=True)
class Analysed:
    tokens: tuple[str, ...]
    token_set: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    grams: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    joined: str


def _share(part: frozenset, whole: frozenset) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _jaccard(a: frozenset, b: frozenset) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _names_agree(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter side's names found on the other, allowing spelling variants."""
    small, other = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return 1.0
    found = 0
    for name in small:
        if name in other:
            found += 1
    return found / len(small)


def features(a: str, b: str) -> list[float]:
    """The feature vector of a pair, symmetric in ``a`` and ``b`` (see FEATURES)."""
    from rapidfuzz import fuzz

    x, y = analyse(a), analyse(b)
    cover_xy = _share(x.token_set, y.token_set)
    cover_yx = _share(y.token_set, x.token_set)
    char_xy = _share(x.grams, y.grams)
    char_yx = _share(y.grams, x.grams)
    if x.numbers or y.numbers:
        numbers_agree = _jaccard(x.numbers, y.numbers)
        small = x.numbers if len(x.numbers) <= len(y.numbers) else y.numbers
        other = y.numbers if small is x.numbers else x.numbers
        numbers_missing = float(bool(small - other))
    else:
        numbers_agree, numbers_missing = 1.0, 0.0
    extra_xy = min(len(x.token_set - y.token_set), 10)
    extra_yx = min(len(y.token_set - x.token_set), 10)
    lengths = sorted((len(x.tokens), len(y.tokens)))
    return [
        min(cover_xy, cover_yx),
        max(cover_xy, cover_yx),
        _jaccard(x.token_set, y.token_set),
        _jaccard(x.bigrams, y.bigrams),
        min(char_xy, char_yx),
        max(char_xy, char_yx),
        fuzz.token_set_ratio(x.joined, y.joined) / 100,
        fuzz.token_sort_ratio(x.joined, y.joined) / 100,
        fuzz.partial_ratio(x.joined, y.joined) / 100 if x.joined and y.joined else 0.0,
        numbers_agree,
        numbers_missing,
        _names_agree(x.names, y.names),
        lengths[0] / lengths[1] if lengths[1] else 0.0,
        # Words only one side has, counted: a paraphrase that adds a clause is another claim.
        min(extra_xy, extra_yx) / 10,
        max(extra_xy, extra_yx) / 10,
        _jaccard(x.grams, y.grams),
    ]


@cache
def _model() -> tuple[list[float], float]:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError(f"{MODEL_FILE.name} was trained on other features: retrain it.")
    return data["weights"], data["intercept"]


def combine(values: list[float], weights: list[float], intercept: float) -> float:
    z = intercept + sum(w * v for w, v in zip(weights, values, strict=True))
    return 1 / (1 + math.exp(-z))


def score(a: str, b: str) -> float:
    """How likely ``a`` and ``b`` state the same thing, in [0, 1]; symmetric.

    An empty side scores 0: nothing is stated there to match.
    """
    if not analyse(a).tokens or not analyse(b).tokens:
        return 0.0
    weights, intercept = _model()
    return combine(features(a, b), weights, intercept)
