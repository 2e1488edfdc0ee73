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

Negation is the one difference those features cannot see: "not", "no" and "never" are
stopwords to them, so "the minister did not resign" covers every word of "the minister
resigned". ``carries`` therefore checks, on top of the model, whether one side negates what
the other states (``negation_differs``) and lowers the score when it does; the features and
the shipped coefficients are unchanged.

Nor can the features tell another predicate from a synonym: "rejected documents" shares
every word of "signed documents" but one, and one missing word among eight costs the score
little. ``missing_words`` names the words of one side the other lacks, for what must not be
decided by the score alone (matching accepts nothing unseen that lacks one).
"""

from __future__ import annotations

import json
import math
import operator
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from claims.text import fold_char, strip_accents

MODEL_FILE = Path(__file__).with_name("similarity_model.json")

# Thresholds on ``carries`` for matching (see docs/matching.md for how they were chosen).
DEFAULT_SUGGEST = 0.7
DEFAULT_AUTO = 0.95

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
# stemming: a word here is stemmed as a word of the text is, so it is written whole).
# Kept small on purpose: a wrong synonym merges two different claims.
SYNONYM_GROUPS = (
    (
        "say",
        "said",
        "says",
        "tell",
        "told",
        "according",
        "accord",
        "claim",
        "note",
        "noted",
        "added",
        "add",
        "declar",
        "declared",
        "announc",
        "announced",
        "report",
        "reported",
        "express",
        "expressed",
    ),
    ("agreement", "pact", "deal", "treaty"),
    ("countri", "nation"),
    ("victori", "win"),
    ("grave", "serious"),
    ("plant", "factori"),
    ("automak", "carmak"),
    ("guarantee", "assur"),
    ("proxim", "closeness", "affin"),
    ("help", "aid", "assist", "support", "back"),
    ("start", "begin", "launch"),
    ("big", "larg", "major"),
    ("rise", "rose", "raise", "increase", "grow", "grew"),
    ("fall", "fell", "declin", "drop", "decrease"),
    ("buy", "purchase", "acquir"),
    ("kill", "dead", "die", "death"),
    ("percent", "per cent", "%"),
)

# Irregular past forms the stemmer leaves alone; news copy switches tense freely
# ("comes" / "came", "meets" / "met").
IRREGULAR = {
    "came": "come",
    "met": "meet",
    "went": "go",
    "gone": "go",
    "made": "make",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "saw": "see",
    "seen": "see",
    "won": "win",
    "began": "begin",
    "begun": "begin",
    "held": "hold",
    "led": "lead",
    "left": "leave",
    "kept": "keep",
    "sought": "seek",
    "brought": "bring",
    "bought": "buy",
    "sold": "sell",
    "paid": "pay",
    "sent": "send",
    "spent": "spend",
    "built": "build",
    "chose": "choose",
    "chosen": "choose",
    "fought": "fight",
    "thought": "think",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "knew": "know",
    "known": "know",
    "became": "become",
    "found": "find",
    "felt": "feel",
    "lost": "lose",
    "struck": "strike",
    "hit": "hit",
    "ran": "run",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "grew": "grow",
    "grown": "grow",
    "drew": "draw",
    "drawn": "draw",
    "broke": "break",
    "broken": "break",
    "stood": "stand",
    "shot": "shoot",
    "told": "tell",
    "said": "say",
    "says": "say",
    "has": "have",
    "had": "have",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
}

# Words that negate what follows them ("did not resign", "no longer", "nobody was hurt"),
# with the contractions copy sometimes prints without their apostrophe; any word ending in
# "n't" does too. Of denial by meaning only "failed to" and "refused to" are read: "denied"
# takes many shapes, and "declined to" is as often a fall ("declined to 4 percent").
NEGATIONS = frozenset(
    """not no never nor neither none nobody nothing nowhere without cannot dont doesnt didnt
    isnt wasnt arent werent cant couldnt wouldnt shouldnt wont hasnt havent hadnt aint mustnt
    neednt""".split()
)
NEGATING_BEFORE_TO = frozenset("fail fails failed failing refuse refuses refused refusing".split())
_NEGATION_CUES = NEGATIONS | NEGATING_BEFORE_TO
# The word after a negation that makes it no negation: "not only ... but also", "no matter".
NOT_NEGATING = {
    "not": frozenset({"only", "just", "merely", "least"}),
    "no": frozenset({"matter", "doubt"}),
    "none": frozenset({"other"}),
}
# "no more than ten", "not less than": a bound, not a negation.
COMPARATIVES = frozenset("more less fewer later earlier sooner".split())
# Words that end a negation's reach: "he did not resign but stayed on" negates "resign" only.
# Not "yet": "has not yet decided" goes on negating.
SCOPE_ENDS = frozenset("but however although though whereas while because unlike except".split())
# How many content words after a negation it reaches, unless punctuation ends it sooner.
NEGATION_SCOPE = 5
# What ``carries`` is multiplied by when the negation differs: a near-identical passage that
# says the opposite (0.93 or more) stays above the suggest threshold for a person to see,
# far below the auto threshold.
NEGATION_FACTOR = 0.75

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?")
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_NON_WORD = re.compile(r"[^\w]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<![.!?\"'“] )\b[A-Z][\w'’-]+")
# A run of capitalised words, read as one name by ``missing_words`` ("Viktor Orban").
_NAME_RUN = re.compile(rf"{_NAME.pattern}(?:[ ]+[A-Z][\w'’-]+)*")
_EDGE_PUNCTUATION = "\"'“”‘’«»()[].,;:!?…"
# Words as ``content_words`` reads them, and the punctuation that ends a clause.
_SCOPE_TOKEN = re.compile(rf"{_WORD.pattern}|[.,;:!?()\[\]\"-]")

# "Does b carry what a states?": every feature asks how much of a is found in b.
CARRIES_FEATURES = (
    "cover",
    "char_cover",
    "bigram_cover",
    "token_set",
    "partial",
    "numbers_missing",
    "names_found",
    "missing",
)
# "Do a and b state the same thing?": symmetric, and what either side adds counts against.
SAME_FEATURES = (
    "cover_min",
    "cover_max",
    "jaccard",
    "bigram_jaccard",
    "char_cover_min",
    "char_cover_max",
    "char_jaccard",
    "token_set",
    "token_sort",
    "partial",
    "numbers_agree",
    "numbers_missing",
    "names_agree",
    "length_ratio",
    "extra_min",
    "extra_max",
)
MODELS = {"carries": CARRIES_FEATURES, "same": SAME_FEATURES}


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


_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """``text`` folded as ``claims.text`` folds for search (case, accents, typographic quotes
    and dashes), without keeping the map back to offsets: the scorer only compares words, and
    this runs on every candidate sentence."""
    if text.isascii():
        folded = text.lower()
    else:
        folded = "".join(fold_char(c) if not c.isascii() else c for c in text)
        folded = strip_accents(folded).casefold()
    return _SPACE.sub(" ", folded).strip()


def content_words(text: str, names: frozenset[str] | None = None) -> list[str]:
    """The words that carry a statement: folded, stemmed, synonyms merged, stopwords dropped.

    What the candidate index stores and what the features compare, so both see alike.
    An abbreviation written in capitals that folds onto a stopword ("US", "WHO", "IT") is
    a name (``acronyms``), kept as it is: "The UK will send" is not "The US will send".
    ``names`` gives those abbreviations for a piece of a longer text, whose line they are
    read on.
    """
    # "co-operation" and "cooperation", "law-enforcement" and "law enforcement": one spelling.
    names = acronyms(text) if names is None else names
    if names:  # read word by word, as written: "the US told us" holds one name
        written = _WORD.findall(_HYPHEN.sub("", text))
        words = [fold(word) for word in written]
        kept = [
            word.isupper() and folded in names for word, folded in zip(written, words, strict=True)
        ]
    else:
        words = _WORD.findall(_HYPHEN.sub("", fold(text)))
        kept = [False] * len(words)
    known = _WORD_TOKENS
    content = []
    for word, name in zip(words, kept, strict=True):
        if name:
            content.append(word)
            continue
        token = known.get(word, _UNSEEN)
        if token is _UNSEEN:
            token = _word_token(word)
        if token is not None:
            content.append(token)
    return content


# An abbreviation in capitals ("US", "WHO"), and a line written in capitals throughout.
_CAPITALS = re.compile(r"(?<![\w'’])[A-Z]{2,}(?![\w'’])")
_LOWER_CASE = re.compile(r"[a-z]")
_SHOUTED = re.compile(r"\b[A-Z]{2,}(?:\W+[A-Z]{2,}\b){2,}")


def acronyms(text: str) -> frozenset[str]:
    """The stopwords ``text`` writes in capitals as a name ("the WHO", "the US"), folded.

    A stopword in capitals is an abbreviation unless its line is in capitals throughout,
    or it stands in a run of three words in capitals ("IT IS OVER, he said"): there
    capitals shout, and say nothing of what a word is.
    """
    if not _CAPITALS.search(text):
        return frozenset()
    found = set()
    for line in text.splitlines():
        if not _LOWER_CASE.search(line):
            continue
        for run in _SHOUTED.split(line):
            for word in _CAPITALS.findall(run):
                folded = word.lower()
                if folded in STOPWORDS or IRREGULAR.get(folded, folded) in STOPWORDS:
                    found.add(folded)
    return frozenset(found)


_UNSEEN = object()
# A word's token depends on the word alone, and news reuses a small vocabulary: each word is
# stemmed once per process, not once per sentence it appears in (matching analyses every
# candidate sentence and every clause window of the best ones).
_WORD_TOKENS: dict[str, str | None] = {}
_WORD_TOKENS_MAX = 500_000


def _word_token(word: str) -> str | None:
    """The content word ``word`` stands for, None for a stopword; remembered."""
    raw = word
    word = word.removesuffix("'s").replace("'", "")
    word = IRREGULAR.get(word, word)
    if word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
        token = None
    else:
        stemmed = _stemmer().stemWord(word) if not word[0].isdigit() else word.replace(",", "")
        token = _synonyms().get(stemmed, stemmed)
    if len(_WORD_TOKENS) >= _WORD_TOKENS_MAX:
        _WORD_TOKENS.clear()  # numbers and names are unbounded; the words that repeat come back
    _WORD_TOKENS[raw] = token
    return token


def _token(word: str) -> str | None:
    token = _WORD_TOKENS.get(word, _UNSEEN)
    return _word_token(word) if token is _UNSEEN else token


@lru_cache(maxsize=200_000)
def negated_words(text: str) -> frozenset[str]:
    """The content words of ``text`` that it states only under a negation.

    A negation reaches the next few content words of its clause, as NegEx reads clinical
    notes: "did not resign on Friday after the budget vote, his office said" negates
    resign, Friday, budget and vote, not "office". A word also stated outside a negation
    ("prices rose, though wages did not rise") is not negated. Two negations in one clause
    count as one: double negation is rare in news, and a word wrongly read as negated only
    sends a passage to a person instead of accepting it.
    """
    folded = fold(text)
    if "n't" not in folded and _NEGATION_CUES.isdisjoint(_NON_WORD.split(folded)):
        return frozenset()  # most sentences: no need to read them word by word
    words = _SCOPE_TOKEN.findall(_HYPHEN.sub("", folded))
    inside: set[str] = set()
    outside: set[str] = set()
    reach = 0
    for index, word in enumerate(words):
        if (len(word) == 1 and not word.isalnum()) or word in SCOPE_ENDS:
            reach = 0
        elif _negates(words, index):
            reach = NEGATION_SCOPE
        else:
            token = _token(word)
            if token is None:
                continue
            (inside if reach else outside).add(token)
            reach = max(reach - 1, 0)
    return frozenset(inside - outside)


def _negates(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` negates what follows it."""
    word = words[index]
    previous = words[index - 1] if index else ""
    following, then = (words[index + 1 : index + 3] + ["", ""])[:2]
    if word in NEGATING_BEFORE_TO:
        return following == "to"
    if word not in NEGATIONS and not word.endswith("n't"):
        return False
    if following in NOT_NEGATING.get(word, ()):
        return False
    if word in ("no", "not") and following in COMPARATIVES and then == "than":
        return False
    # "whether or not it passes" asserts nothing; "No. 10" is a number.
    return not (word == "not" and previous == "or") and not (word == "no" and following == ".")


def negation_differs(a: str, b: str) -> bool:
    """Whether one of ``a`` and ``b`` negates what the other states.

    Each side counts as negated when it negates a word the other side also states: a
    negation elsewhere in a longer passage ("..., though talks did not resume") or in a
    clause of the claim the passage does not repeat says nothing about whether they agree.
    """
    x, y = analyse(a), analyse(b)
    return bool(negated_words(a) & y.token_set) != bool(negated_words(b) & x.token_set)


def missing_words(a: str, b: str) -> list[str]:
    """The words of ``a`` whose content ``b`` does not state, as ``a`` writes them, in order.

    The question the model weighs but cannot be trusted with alone: one missing word
    among eight costs ``carries`` little, yet it may be the predicate ("signed" against
    "rejected", "wants", "met") and so the whole claim. Words are compared as the features
    compare them (folded, stemmed, synonyms merged, stopwords dropped), so "signing" states
    "signed" and "told" states "said", but "inked" does not. A name is read whole: copy
    shortens "Prime Minister Viktor Orban" to "Orban" on second mention, so a run of
    capitalised words is stated when ``b`` states its last word, the head of a name or of a
    title ("European Commission": "European" alone is another body); the words of a name
    it lacks are given as one ("World Health Organization"). Numbers count as any word.
    """
    # "law-enforcement" is one word to the features and two to "law enforcement": both count.
    stated = word_set(b) | word_set(fold(b).replace("-", " "))
    if word_set(a) <= stated:
        return []
    named = set()
    a_names, b_names = acronyms(a), acronyms(b)
    b_runs = [content_words(run, b_names) for run in _NAME_RUN.findall(b)]
    for run in _NAME_RUN.findall(a):
        words = content_words(run, a_names)
        if words and words[-1] in stated and not _renamed(words, b_runs):
            named.update(words)
    runs = [(run.start(), run.end()) for run in _NAME_RUN.finditer(a)]
    shown: list[tuple[int, int]] = []  # spans of ``a``; one name's words make one
    seen = set()
    for found in re.finditer(r"\S+", a):
        chunk = found.group()
        for token in content_words(chunk, a_names):
            if token in stated or token in named or token in seen:
                continue
            parts = content_words(fold(chunk).replace("-", " "))
            if len(parts) > 1 and stated.issuperset(parts):
                continue
            seen.add(token)
            span = (found.start(), found.end())
            if shown and any(s <= shown[-1][0] and span[1] <= e for s, e in runs):
                if a[shown[-1][1] : span[0]].isspace():  # the next word of the same name
                    span = (shown.pop()[0], span[1])
            shown.append(span)
    return [a[start:end].strip(_EDGE_PUNCTUATION) for start, end in shown]


def _renamed(words: list[str], b_runs: list[list[str]]) -> bool:
    """Whether ``b`` names another bearer of the name's head: "South Korea" for "North
    Korea", "Hunter Biden" for "Joe Biden". Shortened ("Biden") or given in full, the name
    is the same; a different word right before the head is another name."""
    head = words[-1]
    for run in b_runs:
        for index, word in enumerate(run):
            if word == head and index > 0 and run[index - 1] not in words:
                return True
    return False


@lru_cache(maxsize=200_000)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(content_words(text))


@lru_cache(maxsize=200_000)
def word_set(text: str) -> frozenset[str]:
    """The content words of ``text`` as a set: the cheap first look before a full score."""
    return frozenset(_tokens(text))


@lru_cache(maxsize=20_000)
def _grams(letters: str) -> frozenset[str]:
    """Character 4-grams of ``letters``; a shorter string is its own single gram.

    Built on demand: the directed score needs only the claim's (a 4-gram is in the passage's
    set exactly when it occurs in the passage's letters), and the claim is one text scored
    against hundreds of passages."""
    if len(letters) < 4:
        return frozenset((letters,))
    return frozenset(
        map("".join, zip(letters, letters[1:], letters[2:], letters[3:], strict=False))
    )


@lru_cache(maxsize=200_000)
def analyse(text: str) -> Analysed:
    """Everything the score needs from one side, computed once per distinct text."""
    folded = fold(text)
    content = _tokens(text)
    letters = _NON_WORD.sub(" ", _HYPHEN.sub("", folded)).strip()
    numbers = frozenset(n.replace(",", "") for n in _NUMBER.findall(folded))
    names = frozenset(fold(n) for n in _NAME.findall(text))
    return Analysed(
        tokens=content,
        token_set=word_set(text),
        bigrams=frozenset(zip(content, content[1:], strict=False)),
        letters=letters,
        numbers=numbers,
        names=names,
        joined=" ".join(content),
    )


@dataclass(frozen=True, slots=True)
class Analysed:
    tokens: tuple[str, ...]
    token_set: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    letters: str  # folded, hyphens joined, runs of non-word characters made one space
    numbers: frozenset[str]
    names: frozenset[str]
    joined: str


def _share(part: frozenset, whole: frozenset) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _jaccard(a: frozenset, b: frozenset) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _gram_cover(a: str, b: str) -> float:
    """The share of the 4-grams of ``a`` found in ``b`` (``_share`` of their gram sets)."""
    if len(a) < 4 or len(b) < 4:
        return _share(_grams(a), _grams(b))
    grams = _grams(a)
    return sum(map(b.__contains__, grams)) / len(grams)


def carries_features(a: str, b: str) -> list[float]:
    """The feature vector of "does ``b`` state what ``a`` states" (see FEATURES).

    Directed on purpose: every feature asks how much of ``a`` is found in ``b``, none
    what ``b`` adds, because a claim is usually carried inside a longer sentence.
    """
    from rapidfuzz import fuzz

    x, y = analyse(a), analyse(b)
    both = bool(x.joined and y.joined)
    return [
        _share(x.token_set, y.token_set),
        _gram_cover(x.letters, y.letters),
        _share(x.bigrams, y.bigrams),
        fuzz.token_set_ratio(x.joined, y.joined) / 100,
        fuzz.partial_ratio(x.joined, y.joined) / 100 if both else 0.0,
        float(bool(x.numbers - y.numbers)),
        _share(x.names, y.names) if x.names else 1.0,
        # Content words of ``a`` that ``b`` lacks, counted: one may be the qualifier that
        # makes it another claim.
        min(len(x.token_set - y.token_set), 10) / 10,
    ]


def same_features(a: str, b: str) -> list[float]:
    """The feature vector of "do ``a`` and ``b`` state the same thing" (see SAME_FEATURES)."""
    from rapidfuzz import fuzz

    x, y = analyse(a), analyse(b)
    values = dict(zip(_SIZED, _same_by_sizes(x, y), strict=True))
    if x.numbers or y.numbers:
        values["numbers_agree"] = _jaccard(x.numbers, y.numbers)
        values["numbers_missing"] = float(bool(x.numbers ^ y.numbers))
    else:
        values["numbers_agree"], values["numbers_missing"] = 1.0, 0.0
    names = sorted((x.names, y.names), key=len)
    values["names_agree"] = _share(names[0], names[1]) if names[0] else 1.0
    values["bigram_jaccard"] = _jaccard(x.bigrams, y.bigrams)
    values["token_set"] = fuzz.token_set_ratio(x.joined, y.joined) / 100
    values["token_sort"] = fuzz.token_sort_ratio(x.joined, y.joined) / 100
    values["partial"] = (
        fuzz.partial_ratio(x.joined, y.joined) / 100 if x.joined and y.joined else 0.0
    )
    return [values[name] for name in SAME_FEATURES]


# The features of SAME_FEATURES read off set sizes, in ``_same_by_sizes``' order.
_SIZED = (
    "cover_min",
    "cover_max",
    "jaccard",
    "char_cover_min",
    "char_cover_max",
    "char_jaccard",
    "length_ratio",
    "extra_min",
    "extra_max",
)


def _same_by_sizes(x: Analysed, y: Analysed) -> tuple[float, ...]:
    """The features named in ``_SIZED``, read off the sizes of two intersections: the
    words' and the character 4-grams'. Each pair of sets is intersected once; the shares
    and the Jaccard index follow from the sizes (the values ``_share`` and ``_jaccard``
    give)."""
    common, (cover_min, cover_max), jaccard = _overlaps(x.token_set, y.token_set)
    _, (char_min, char_max), char_jaccard = _overlaps(_grams(x.letters), _grams(y.letters))
    extra = sorted((len(x.token_set) - common, len(y.token_set) - common))
    lengths = sorted((len(x.tokens), len(y.tokens)))
    return (
        cover_min,
        cover_max,
        jaccard,
        char_min,
        char_max,
        char_jaccard,
        lengths[0] / lengths[1] if lengths[1] else 0.0,
        min(extra[0], 10) / 10,
        min(extra[1], 10) / 10,
    )


def _overlaps(a: frozenset, b: frozenset) -> tuple[int, tuple[float, float], float]:
    """The size of a & b, the two shares (``_share`` each way, smaller first) and the
    Jaccard index of a and b."""
    common = len(a & b)
    union = len(a) + len(b) - common
    shares = sorted((common / len(a) if a else 0.0, common / len(b) if b else 0.0))
    return common, (shares[0], shares[1]), (common / union if union else 0.0)


@cache
def _same_bound() -> tuple[float, tuple[float, ...]]:
    """The upper bound of the "same" model's logit, as a constant plus weights of the
    ``_SIZED`` features: each other feature lies in [0, 1], so it adds at most its weight
    when that is positive, and nothing when it is not."""
    weights, intercept = _model("same")
    by_name = dict(zip(SAME_FEATURES, weights, strict=True))
    constant = intercept + sum(max(w, 0.0) for n, w in by_name.items() if n not in _SIZED)
    return constant, tuple(by_name[name] for name in _SIZED)


def score_at_least(a: str, b: str, floor: float) -> float:
    """``score(a, b)`` when it is at least ``floor``, else 0.0; much cheaper for pairs far
    below it, which is most pairs when sentences are aligned across a whole database.

    Exact, not a guess: the features read off set sizes and a bound on the others
    (``_same_bound``) give the most the logit can be; only a pair whose bound reaches
    ``floor`` is scored in full.
    """
    x, y = analyse(a), analyse(b)
    if not x.tokens or not y.tokens:
        return 0.0
    if 0.0 < floor < 0.999:
        constant, weights = _same_bound()
        bound = constant + sum(map(operator.mul, weights, _same_by_sizes(x, y)))
        # The margin covers the rounding of adding the same terms in another order; the
        # logistic's own rounding stays far under it for floors up to 0.999 (near 1, a
        # logit moves the score by less than a float can tell, so no bound is used there).
        if bound + 1e-9 < math.log(floor / (1.0 - floor)):
            return 0.0
    value = score(a, b)
    return value if value >= floor else 0.0


FEATURE_FUNCTIONS = {"carries": carries_features, "same": same_features}


@cache
def _model(name: str) -> tuple[list[float], float]:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))[name]
    if tuple(data["features"]) != MODELS[name]:
        raise RuntimeError(f"{MODEL_FILE.name} was trained on other features: retrain it.")
    return data["weights"], data["intercept"]


def combine(values: list[float], weights: list[float], intercept: float) -> float:
    z = intercept + sum(w * v for w, v in zip(weights, values, strict=True))
    return 1 / (1 + math.exp(-z))


def carries(a: str, b: str) -> float:
    """How likely ``b`` states what ``a`` states, in [0, 1]; ``b`` may say more besides.

    This is the matcher's question: does this passage carry the claim? An empty side
    scores 0: nothing is stated there to match. A passage whose negation differs from the
    claim's ("did not resign" for "resigned", or the reverse) scores NEGATION_FACTOR of
    what its words alone would: it states the opposite, unless the reading of the negation
    is wrong, which is for a person to judge.
    """
    value = _apply("carries", a, b)
    if value and negation_differs(a, b):
        value *= NEGATION_FACTOR
    return value


def score(a: str, b: str) -> float:
    """How likely ``a`` and ``b`` state the same thing, in [0, 1]; symmetric.

    The question of sentence alignment: a sentence that adds a clause says something else.
    Negation is not checked here: alignment asks which sentence was written from which,
    and a rewrite that turns "resigned" into "did not resign" was still written from it.
    """
    return _apply("same", a, b)


def _apply(name: str, a: str, b: str) -> float:
    if not analyse(a).tokens or not analyse(b).tokens:
        return 0.0
    weights, intercept = _model(name)
    return combine(FEATURE_FUNCTIONS[name](a, b), weights, intercept)
