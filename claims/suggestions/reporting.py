"""Which attribution relations pass words on, and which only look as if they did.

"Declined to comment", "allegedly misled", "voted to", "agreed on a joint control",
"warned of empty shelves", "Asked about X, the minister said": a reporting verb's shape
without a statement for a claim; and '"We agreed ...," Shmyhal said', where "We agreed"
is the quoted speaker's own act inside what Shmyhal says.
Kept apart from the proposals so the rule has one home; ``reports`` is tested alone.
"""

from __future__ import annotations

import re

from claims.sentences import Sentence
from claims.suggestions.attribution import Attribution, nest
from claims.suggestions.lexicon import (
    AGREED,
    CLAUSE_WORDS,
    CUE_WORDS,
    FIRST_PERSON,
    HEDGES,
    NOT_REPORTING,
    OBJECT_CUES,
    PREPOSITIONS,
    QUESTIONED,
    THING_PREPOSITIONS,
    WARNED,
)
from claims.text import QUOTATION_STARTS, QUOTE_MARKS, quotations

_AFTER_CUE = re.compile(r"[\s,:]*(?:that\b)?\s*")
_INFINITIVE = re.compile(r"(?:not\s+)?to\s+[a-z]")
_CUE_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")


def reports(text: str, sentence: Sentence, attribution: Attribution) -> bool:
    """Does the relation pass words on? Not a hedge ("appears to", "allegedly misled"),
    an act ("wrangle over", "voted to", "are divided on"), an intention or a refusal
    ("declined to comment", "asked not to be named": what follows is to be done, not
    said), nor the question put to a speaker ("Asked about X, the minister said")."""
    words = [w.lower() for w in _CUE_WORD.findall(text[attribution.cue[0] : attribution.cue[1]])]
    if any(word in NOT_REPORTING for word in words):
        return False
    said = [word for word in words if word not in HEDGES]
    if len(said) < len(words) and not any(word in CUE_WORDS for word in said):
        return False  # "allegedly misled"
    content = text[attribution.content[0] : attribution.content[1]].lstrip(" " + QUOTATION_STARTS)
    if _INFINITIVE.match(content) and attribution.content[0] >= attribution.cue[1]:
        return False
    if any(word in AGREED for word in words) and _prepositional(text, attribution, words):
        return False  # "agreed on a joint control": what was settled, not what was said
    opening = text[sentence.start : attribution.cue[0]].strip(" " + QUOTATION_STARTS)
    if not opening and words and words[0] in QUESTIONED:
        return False
    return not _a_thing(text, attribution, words)


def _prepositional(text: str, attribution: Attribution, words: list[str]) -> bool:
    """A preposition follows the cue, before any "that" ("agreed on a joint control",
    "have agreed on" as the cue; not "agreed on Monday that ...")."""
    if attribution.content[0] < attribution.cue[1]:
        return False
    cue, content = attribution.cue, attribution.content
    between = [w.lower() for w in _CUE_WORD.findall(text, cue[1], content[0])]
    if "that" in between:
        return False
    following = between or [w.lower() for w in _CUE_WORD.findall(text, *content)]
    return words[-1] in PREPOSITIONS or (bool(following) and following[0] in PREPOSITIONS)


def _a_thing(text: str, attribution: Attribution, words: list[str]) -> bool:
    """Whether the content is the cue's object, a thing and not a statement: "promised a
    battery industry", "urged donors to give", "warned of empty shelves" (``OBJECT_CUES``).
    A quotation, or a content with the words of a clause, passes words on."""
    if attribution.quoted or attribution.content[0] < attribution.cue[1]:
        return False
    if any(mark in text[slice(*attribution.content)] for mark in QUOTE_MARKS):
        return False  # 'described it as "overdue"': the speaker's own words
    between = text[attribution.cue[1] : attribution.content[0]].strip(" ,").lower()
    if between == "that":
        return False
    if not (
        any(word in OBJECT_CUES for word in words)
        or (any(word in WARNED for word in words) and between in THING_PREPOSITIONS)
    ):
        return False
    content = [w.lower() for w in _CUE_WORD.findall(text[slice(*attribution.content)])]
    return not any(
        word in CLAUSE_WORDS
        # a past in -ed, not an adjective after an article or a preposition ("in
        # unaffected provinces")
        or (
            len(word) > 3 and word.endswith("ed") and (i == 0 or content[i - 1] not in _BEFORE_NOUN)
        )
        for i, word in enumerate(content)
    )


_BEFORE_NOUN = {"a", "an", "the", "in", "of", "on", "at", "for", "with", "by", "from", "to", "and"}


def _own_words(text: str, sentence: Sentence, found: list[Attribution]) -> list[Attribution]:
    """Relations of a first or second person inside a quotation someone outside it says:
    in '"We have agreed on X," Shmyhal told reporters' the quotation is all Shmyhal's
    claim, and "We agreed" his own act, not words he passes on."""
    closed = [(a, b) for a, b in quotations(text, sentence.start, sentence.end) if b is not None]

    def quotation_of(relation: Attribution) -> tuple[int, int] | None:
        return next((q for q in closed if q[0] < relation.cue[0] < q[1]), None)

    own = []
    for relation in found:
        source = relation.source_text(text)
        if source is None or source.strip().lower() not in FIRST_PERSON:
            continue
        quotation = quotation_of(relation)
        if quotation is not None and any(
            other.source is not None and quotation_of(other) is None for other in found
        ):
            own.append(relation)
    return own


def reporting_relations(
    text: str, sentence: Sentence, found: list[Attribution]
) -> list[Attribution]:
    """The sentence's relations that report (``reports``) and are not a quoted speaker's
    own (``_own_words``), nested again without the rest."""
    own = {id(a) for a in _own_words(text, sentence, found)}
    kept = [a for a in found if id(a) not in own and reports(text, sentence, a)]
    if len(kept) == len(found):
        return found
    for dropped in (a for a in found if a not in kept and a.source is not None):
        # "A shop steward, who asked not to be named, said ...": the speaker of a relation
        # nested in the one dropped, when it names none.
        for child in dropped.children:
            inner = found[child]
            if inner.source is None:
                inner.source = dropped.source
            if inner.content[0] < inner.cue[0] < inner.content[1]:
                # what the dropped relation held before the cue is not said by it
                start = _AFTER_CUE.match(text, inner.cue[1]).end()
                inner.content = (min(start, inner.content[1]), inner.content[1])
    for attribution in kept:
        attribution.parent = None
        attribution.children = []
    nest(kept)
    return kept
