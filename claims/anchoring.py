"""Anchoring quotations in article text, the W3C Web Annotation way.

An anchor is both a position (start/end offsets) and a quote with a little
context on each side (prefix/suffix). Offsets alone break when two copies of
a text differ by a character; the quote alone is ambiguous when a phrase
repeats. Together they let a passage be found again and checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claims.errors import InvalidInput, QuotationNotInArticle
from claims.text import fold_for_search, fold_with_map, normalise_space, quotations

CONTEXT_CHARS = 32
CLOSEST_MIN_SCORE = 40.0
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    quoted: bool


def find_in_article(article: Any, quotation: str, *, occurrence: int | None = None) -> Anchor:
    """``find_quotation`` in an article's stored text (``article.text``).

    Words that are not there but are in the text as received, where cleaning cut them as
    page debris (an advertisement line, a newsletter box), are refused saying so and why:
    the closest passage of the kept text would only mislead.
    """
    cut = (article.id, article.raw_text, article.removed)
    return find_quotation(article.text, quotation, occurrence=occurrence, cut=cut)


def find_quotation(
    text: str,
    quotation: str,
    *,
    occurrence: int | None = None,
    folded: tuple[str, Sequence[int]] | None = None,
    cut: tuple[int, str | None, Sequence[dict] | None] | None = None,
) -> Anchor:
    """Locate ``quotation`` in ``text``, ignoring quote styles, dashes, case, accents, spacing.

    Raises ``QuotationNotInArticle`` with the closest passage and its
    similarity when the quotation is not there, so the person can see whether
    they mistyped or picked the wrong article. Words that occur more than once
    need ``occurrence`` (counted from 1): the tool does not guess which is meant.
    ``folded`` is ``fold_with_map(text)`` (or ``fold_with_offsets``) when the caller
    has it already (a bulk import anchors many quotations in one article). ``cut`` is
    the article's id, text as received and cuts (see ``find_in_article``).
    """
    needle = fold_for_search(quotation)
    if not needle:
        raise InvalidInput("The quotation is empty: give the verbatim words with --quote.")
    if occurrence is not None and occurrence < 1:
        raise InvalidInput("--occurrence counts from 1.")
    haystack, index = folded if folded is not None else fold_with_map(text)
    found = list(occurrences(haystack, needle))
    if not found:
        reasons = cut_reasons(cut[1], cut[2], needle) if cut is not None else []
        if reasons:
            raise QuotationNotInArticle(
                "The quotation is not in the article: those words were cut from it as page "
                f"debris ({', '.join(reasons)}); see `claims article show {cut[0]} --removed`."
            )
        raise QuotationNotInArticle(_not_found_message(text, haystack, index, needle))
    if occurrence is None:
        if len(found) > 1:
            raise QuotationNotInArticle(
                f"The quotation occurs {len(found)} times in the article: "
                f"say which with --occurrence 1 to {len(found)}, or quote more words."
            )
        occurrence = 1
    if occurrence > len(found):
        raise QuotationNotInArticle(
            f"The quotation occurs {len(found)} time(s) in the article, not {occurrence}: "
            f"use --occurrence 1 to {len(found)}."
        )
    position = found[occurrence - 1]
    start = index[position]
    end = index[position + len(needle) - 1] + 1
    return anchor_at(text, start, end)


def cut_reasons(raw_text: str | None, removed: Sequence[dict] | None, needle: str) -> list[str]:
    """Why cleaning cut the passages of ``raw_text`` that hold ``needle`` (folded, as
    ``fold_for_search`` folds a quotation), each reason once; empty when none does."""
    if not raw_text or not removed:
        return []
    haystack, index = fold_with_map(raw_text)
    reasons: list[str] = []
    for position in occurrences(haystack, needle):
        start, end = index[position], index[position + len(needle) - 1] + 1
        for piece in removed:
            reason = piece.get("reason") or "page debris"
            if piece["start"] < end and start < piece["end"] and reason not in reasons:
                reasons.append(reason)
    return reasons


def occurrences(haystack: str, needle: str):
    """Where ``needle`` stands in ``haystack`` as whole words: a quotation that starts or
    ends inside a word ("the war" in "the warden") says what the article does not."""
    cursor = 0
    open_start, open_end = needle[:1].isalnum(), needle[-1:].isalnum()
    while (found := haystack.find(needle, cursor)) >= 0:
        cursor = found + 1
        if open_start and found and haystack[found - 1].isalnum():
            continue
        end = found + len(needle)
        if open_end and end < len(haystack) and haystack[end].isalnum():
            continue
        yield found


def anchor_at(text: str, start: int, end: int, quoted: bool | None = None) -> Anchor:
    """The anchor of ``text[start:end]``; ``quoted`` when the caller found it already."""
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        quoted=is_quoted(text, start, end) if quoted is None else quoted,
    )


def count_occurrences(text: str, quotation: str) -> int:
    needle, _ = fold_with_map(quotation)
    return sum(1 for _ in occurrences(fold_with_map(text)[0], needle)) if needle else 0


def closest_passage(text: str, quotation: str) -> tuple[str, float] | None:
    """The passage of ``text`` most like ``quotation`` and its similarity (0–100)."""
    needle, _ = fold_with_map(quotation)
    haystack, index = fold_with_map(text)
    found = _closest(text, haystack, index, needle)
    return None if found is None else (found[0], found[1])


def _closest(text: str, haystack: str, index: Sequence[int], needle: str):
    """Best-matching run of whole words, trying runs a little shorter and longer than the needle.

    Word runs give passages a person recognises, where a fixed-width character
    window would cut words in half.
    """
    if not needle or not haystack:
        return None
    from rapidfuzz import fuzz, process

    words = [(m.start(), m.end()) for m in _WORD.finditer(haystack)]
    if not words:
        return None
    size = len(needle.split())
    windows: list[tuple[int, int]] = []
    for length in range(max(1, size - 3), size + 7):
        for first in range(0, max(1, len(words) - length + 1)):
            last = min(len(words), first + length) - 1
            windows.append((words[first][0], words[last][1]))
    choices = [haystack[a:b] for a, b in windows]
    best = process.extractOne(needle, choices, scorer=fuzz.ratio)
    if best is None:
        return None
    start_folded, end_folded = windows[best[2]]
    start = index[start_folded]
    end = index[end_folded - 1] + 1
    return normalise_space(text[start:end]), float(best[1])


def _not_found_message(text: str, haystack: str, index: Sequence[int], needle: str) -> str:
    closest = _closest(text, haystack, index, needle)
    advice = "copy the words exactly as the article prints them (see `claims article show ID`)."
    if closest is None or closest[1] < CLOSEST_MIN_SCORE:
        return f"The quotation is not in the article, and nothing in it comes close: {advice}"
    passage, score = closest
    if len(passage) > 160:
        passage = passage[:157] + "..."
    return (
        f"The quotation is not in the article; the closest passage ({score:.0f}% similar) is "
        f'"{passage}": {advice}'
    )


def paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    """The paragraph (blank-line or line separated block) that holds ``position``."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


# What a line ends with when its sentence ends there too: a break after anything else is a
# hard wrap inside a sentence ("Hungary would not be rushed into\nratifying it, Xinhua said").
_SENTENCE_END = tuple('.!?:;…"”’»«“')


def wrapped_paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    """``paragraph_bounds``, with the lines a hard wrap split mid-sentence joined: the
    block a sentence at ``position`` may run over, for looking up the names it cites.

    A line runs on into the next when it ends without a sentence's end and either the next
    goes on in lower case or the line is as long as wrapped prose is; a headline or a
    byline above the story ("By Jane Roe") is short and followed by a capital. A blank
    line always ends the block.
    """
    start, end = paragraph_bounds(text, position)
    while start > 0:
        before_start, before_end = paragraph_bounds(text, start - 1)
        if not _runs_on(text[before_start:before_end], text[start:end]):
            break
        start = before_start
    while end < len(text):
        after_start, after_end = paragraph_bounds(text, end + 1)
        last_start = paragraph_bounds(text, end)[0]
        if not _runs_on(text[last_start:end], text[after_start:after_end]):
            break
        end = after_end
    return start, end


_WRAPPED_WORDS = 8  # a line of wrapped prose holds more words than a headline or a byline


def _runs_on(line: str, following: str) -> bool:
    """Whether a sentence goes on from ``line`` into ``following``, the line after it."""
    line, following = line.rstrip(), following.lstrip()
    if not line or not following or line.endswith(_SENTENCE_END):
        return False
    return following[0].islower() or len(line.split()) >= _WRAPPED_WORDS


def quoted_regions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` inside quotation marks, as absolute offsets.

    Marks pair as ``claims.text.quotations`` pairs them, so „German“, »German«, «French»
    and “English” quotations all count. An opening mark left unclosed runs to the end of
    the block, as it does in copy that forgot its closing quote.
    """
    end = len(text) if end is None else end
    return [
        (opened, end if closed is None else closed + 1)
        for opened, closed in quotations(text, start, end)
    ]


def is_quoted(text: str, start: int, end: int) -> bool:
    """Whether any part of ``text[start:end]`` lies inside quotation marks in its paragraph."""
    block_start, _ = paragraph_bounds(text, start)
    _, block_end = paragraph_bounds(text, max(start, end - 1))
    for region_start, region_end in quoted_regions(text, block_start, block_end):
        if region_start < end and start < region_end:
            return True
    return False
