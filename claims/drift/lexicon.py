"""The hedging lexicon: words that change how sure a sentence sounds, by what they do.

News copy travels through rewrites that add distance ("reportedly", "allegedly",
"is believed to"), soften a statement ("will" → "may") or harden one
("would" → "will"); a cue can move from a neutral verb ("said") to one that
casts doubt ("claimed"). Drift detection counts these phrases on both sides of
a hop. The list is documented in docs/drift.md; extend it here, with a word
and its class, and the documentation table with it.

Classes and their weight (positive = more hedged):

- ``distancing`` (+1): the writer keeps the statement at arm's length;
- ``modal`` (+1): the statement is made less certain;
- ``certain`` (-1): the statement is made more certain;
- ``future`` (-1): the plain future "will", as sure as ``certain`` beside a modal
  ("will" → "may"), but dropping it alone ("will be finished" → "is finished")
  hedges nothing: only reported when swapped for a word of another class;
- ``neutral`` (0): a plain attribution verb; only reported when it is swapped
  for a word of another class (``said`` → ``claimed``).

Several words of the lexicon are also other words: a month or a name ("in May",
"Will Smith"), a noun ("the claims", "their will", "military might"). A word
counts as a hedge only where its neighbours and its case leave it one
(``find_hedges``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

WEIGHTS = {"distancing": 1, "modal": 1, "certain": -1, "future": -1, "neutral": 0}
# Classes reported only when swapped for a phrase of a class outside this set.
SWAP_ONLY = frozenset({"future", "neutral"})

# Phrases are matched on folded words (no case, accents or typographic quotes).
HEDGES: dict[str, str] = {
    # distancing
    "reportedly": "distancing",
    "allegedly": "distancing",
    "supposedly": "distancing",
    "purportedly": "distancing",
    "apparently": "distancing",
    "ostensibly": "distancing",
    "as indicated": "distancing",
    "is said to": "distancing",
    "are said to": "distancing",
    "is believed to": "distancing",
    "are believed to": "distancing",
    "is thought to": "distancing",
    "is reported to": "distancing",
    "are reported to": "distancing",
    "is alleged to": "distancing",
    "are alleged to": "distancing",
    "are thought to": "distancing",
    # the same, told of the past: "was said to have met" hedges "met" as much ("was reported
    # to" is left out: "cases were reported to the WHO" passes a report on, hedging nothing)
    "was said to": "distancing",
    "were said to": "distancing",
    "was believed to": "distancing",
    "were believed to": "distancing",
    "was thought to": "distancing",
    "were thought to": "distancing",
    "was alleged to": "distancing",
    "were alleged to": "distancing",
    "rumoured": "distancing",
    "rumored": "distancing",
    "claimed": "distancing",
    "claims": "distancing",
    "alleged": "distancing",
    "alleges": "distancing",
    "insisted": "distancing",
    "insists": "distancing",
    "so-called": "distancing",
    # modal
    "may": "modal",
    "might": "modal",
    "could": "modal",
    "would": "modal",
    "possibly": "modal",
    "probably": "modal",
    "likely": "modal",
    "perhaps": "modal",
    "seems to": "modal",
    "appears to": "modal",
    "is expected to": "modal",
    "are expected to": "modal",
    "was expected to": "modal",
    "were expected to": "modal",
    "seemed to": "modal",
    "appeared to": "modal",
    # certain
    "must": "certain",
    "certainly": "certain",
    "definitely": "certain",
    "clearly": "certain",
    "undoubtedly": "certain",
    "confirmed": "certain",
    # future
    "will": "future",
    # neutral attribution verbs
    "said": "neutral",
    "says": "neutral",
    "told": "neutral",
    "stated": "neutral",
    "reported": "neutral",
    "according to": "neutral",
    "announced": "neutral",
}

# How a word's case reads (``find_hedges``' ``cases``): no capital, a capital any word
# may have there (a sentence's first word, a headline in title case, all capitals), or a
# capital only a name has (mid-sentence in running text).
LOWER, START, NAME = "", "start", "name"

# Words that precede a noun: after one, "will", "might" or "claims" is the noun.
_DETERMINERS = frozenset(
    """a an the his her their its our my your whose no own any some many several such
    other all both each every these those further similar""".split()
)
# Before "will" or "might" the quantifiers are not: "each will", "all might" are modal.
_POSSESSORS = frozenset("a an the his her their its our my your whose no own".split())
_PREPOSITIONS = frozenset("about against amid despite for from of on over to with without".split())
# The words before and after a lexicon word that make it another word.
_OTHER_SENSE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # the month: "in May", "by May", "last May" (a modal never follows these)
    "may": (
        frozenset(
            """in on of since until till by from through before after during early late
            mid last next every""".split()
        ),
        frozenset(),
    ),
    # the noun: "the will of the people", "political will", "against their will"
    "will": (
        _POSSESSORS | {"free", "good", "ill", "political", "popular", "last", "of"},
        frozenset(),
    ),
    "might": (
        _POSSESSORS | {"military", "economic", "naval", "full"},
        frozenset(),
    ),
    "must": (frozenset({"a", "an", "the"}), frozenset()),
    # the noun: "the claims about", "false claims", "denied claims that", "claims of fraud"
    "claims": (
        _DETERMINERS
        | _PREPOSITIONS
        | frozenset(
            """false unfounded baseless unverified unsubstantiated dubious repeated earlier
            previous recent new competing conflicting territorial legal insurance
            deny denied denies denying reject rejected rejects dismiss dismissed dismisses
            make made makes making""".split()
        ),
        frozenset("of about by were are have had against".split()),
    ),
}
# "claims about 300", "claims about a third" (approximately), "claims by 2030": after its
# subject, "claims" followed by these is the verb however "about" or "by" reads otherwise
# ("claims about the border", "claims by officials" are the noun). After "by" only figures
# count: "claims by two officials" is the noun, "claims by 2030" (a year, a date, a share)
# the verb.
_QUANTITY_AFTER = frozenset({"about", "by"})
_QUANTITIES = frozenset(
    """one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
    millions billion billions dozen dozens half twice""".split()
)
# "about a dozen", "about a third": an article before these is a quantity's, not a noun's.
_FRACTIONS = frozenset(
    "dozen hundred thousand million billion half third quarter fifth tenth".split()
)
# Lexicon words that are also names or months, "Will Smith", "May Day": capitalised before
# a name, they are part of it even where any word could be capitalised.
_ALSO_NAMES = frozenset({"may", "will"})
_NUMBER = re.compile(r"\d")


def _key(phrase: str) -> tuple[str, ...]:
    """A phrase as the words it is matched on: drift drops hyphens inside words
    ("so-called" is the word ``socalled``), so the lexicon does too."""
    return tuple(word.replace("-", "") for word in phrase.split())


# Longest first, so "is said to" wins over "said".
_PHRASES = sorted(((_key(p), p) for p in HEDGES), key=lambda item: -len(item[0]))
# The words whose case ``find_hedges`` reads: the phrases of one word.
CASE_SENSITIVE = frozenset(key[0] for key, _ in _PHRASES if len(key) == 1)


@dataclass(frozen=True)
class Match:
    """One lexicon phrase found in a token sequence, as token positions [start, end)."""

    phrase: str
    kind: str
    start: int
    end: int


def _other_sense(words: Sequence[str], cases: Sequence[str] | None, start: int) -> bool:
    """Whether the lexicon word at ``start`` is here a name, a month or a noun."""
    case = cases[start] if cases is not None else LOWER
    if case == NAME:
        return True  # "Theresa May said", "the Claims Commission"
    word = words[start]
    before = words[start - 1] if start else ""
    after = words[start + 1] if start + 1 < len(words) else ""
    if case == START and word in _ALSO_NAMES and after and cases[start + 1] == NAME:
        return True  # "Will Smith said"
    if word == "may" and (_NUMBER.search(before) or _NUMBER.search(after)):
        return True  # "May 5", "5 May", "May 2024"
    sense = _OTHER_SENSE.get(word)
    if sense is None:
        return False
    if before in sense[0]:
        return True
    if word == "claims" and start and after in _QUANTITY_AFTER and _quantity(words, start + 2):
        return False  # "the minister claims about 300 died"; first, it has no subject
    return after in sense[1]


def _quantity(words: Sequence[str], start: int) -> bool:
    """Whether the words from ``start`` begin with an amount after "about" ("300", "half",
    "a dozen"), or after "by" with a figure ("2030", "5 May")."""
    word = words[start] if start < len(words) else ""
    if _NUMBER.search(word):
        return True
    if words[start - 1] == "by":
        return False
    following = words[start + 1] if start + 1 < len(words) else ""
    return word in _QUANTITIES or (word in ("a", "an") and following in _FRACTIONS)


def find_hedges(words: Sequence[str], cases: Sequence[str] | None = None) -> list[Match]:
    """Non-overlapping lexicon phrases in ``words`` (folded, lower case), longest first.

    ``cases``, one per word (``LOWER``, ``START`` or ``NAME``), says how each word is
    capitalised where it was written; without it, case is taken to say nothing.
    """
    taken = [False] * len(words)
    found: list[Match] = []
    # Where each word sits: a phrase is tried only where its first word is, which keeps a
    # bulk import's drift refresh from scanning every sentence once per lexicon phrase.
    positions: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        positions.setdefault(word, []).append(index)
    for parts, phrase in _PHRASES:
        size = len(parts)
        for start in positions.get(parts[0], ()):
            if start + size > len(words):
                break
            if tuple(words[start : start + size]) != parts or any(taken[start : start + size]):
                continue
            if size == 1 and _other_sense(words, cases, start):
                continue
            found.append(Match(phrase, HEDGES[phrase], start, start + size))
            for i in range(start, start + size):
                taken[i] = True
    return sorted(found, key=lambda m: m.start)


def cue_class(cue: str | None) -> str | None:
    """The lexicon class of an attribution cue ("reportedly called" is distancing)."""
    if not cue:
        return None
    words = [word.replace("-", "") for word in cue.casefold().split()]
    classes = [m.kind for m in find_hedges(words)]
    for kind in ("distancing", "modal", "certain", "future", "neutral"):
        if kind in classes:
            return kind
    return None
