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
- ``neutral`` (0): a plain attribution verb; only reported when it is swapped
  for a word of another class (``said`` → ``claimed``).
"""

from __future__ import annotations

from dataclasses import dataclass

WEIGHTS = {"distancing": 1, "modal": 1, "certain": -1, "neutral": 0}

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
    # certain
    "will": "certain",
    "must": "certain",
    "certainly": "certain",
    "definitely": "certain",
    "clearly": "certain",
    "undoubtedly": "certain",
    "confirmed": "certain",
    # neutral attribution verbs
    "said": "neutral",
    "says": "neutral",
    "told": "neutral",
    "stated": "neutral",
    "reported": "neutral",
    "according to": "neutral",
    "announced": "neutral",
}

# Longest first, so "is said to" wins over "said".
_PHRASES = sorted(((tuple(p.split()), p) for p in HEDGES), key=lambda item: -len(item[0]))


@dataclass(frozen=True)
class Match:
    """One lexicon phrase found in a token sequence, as token positions [start, end)."""

    phrase: str
    kind: str
    start: int
    end: int


def find_hedges(words: list[str]) -> list[Match]:
    """Non-overlapping lexicon phrases in ``words`` (folded, lower case), longest first."""
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
            if tuple(words[start : start + size]) == parts and not any(taken[start : start + size]):
                found.append(Match(phrase, HEDGES[phrase], start, start + size))
                for i in range(start, start + size):
                    taken[i] = True
    return sorted(found, key=lambda m: m.start)


def cue_class(cue: str | None) -> str | None:
    """The lexicon class of an attribution cue ("reportedly called" is distancing)."""
    if not cue:
        return None
    words = cue.casefold().split()
    classes = [m.kind for m in find_hedges(words)]
    for kind in ("distancing", "modal", "certain", "neutral"):
        if kind in classes:
            return kind
    return None
