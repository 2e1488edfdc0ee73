"""Text folding shared by every comparison: names, claim keys and quotation search.

News copy mixes typographic and typewriter punctuation (’ vs ', “ vs ",
— vs -), non-breaking spaces and accents that transliterations drop. Folding
both sides the same way lets "Sándor Pintér" find "Sandor Pinter" and a
quotation typed with straight quotes find one printed with curly ones, while
``fold_with_map`` keeps the way back to offsets in the original text.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
import unicodedata
from collections.abc import Sequence

SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
ELLIPSIS = "\u2026"

_TRANSLATE = {ord(c): "'" for c in SINGLE_QUOTES}
_TRANSLATE.update({ord(c): '"' for c in DOUBLE_QUOTES})
_TRANSLATE.update({ord(c): "-" for c in DASHES})
_TRANSLATE[ord(ELLIPSIS)] = "..."
# Invisible in print, so never part of what a person quotes: soft hyphen, zero-width marks.
_TRANSLATE.update({ord(c): "" for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"})

# Each mark that may open a quotation, with the marks that may close it. Which way a mark
# faces depends on the language: English “…”, German „…“ (or „…”) and »…«, French and
# Swiss «…». So “ opens in English and closes in German, and » opens in German and closes
# in French: only the mark that opened says which one closes. Typewriter copy uses " for
# both ends. The single guillemets ‹ › are left out: web pages print › as an arrow
# ("Home › News", "swipe ›") far more often than as a quotation mark.
QUOTE_PAIRS: dict[str, str] = {
    '"': '"',
    "\u201c": "\u201d",
    "\u201e": "\u201c\u201d",
    "\u00ab": "\u00bb",
    "\u00bb": "\u00ab",
}
# Marks that open only when their closing mark follows: » is German's opening mark, but
# also a breadcrumb's or a "Read more »" link's arrow, which must not quote the rest of the
# line. And a typewriter " closes only the marks copy mixes it with (“…" and „…").
_OPENS_IF_CLOSED = "\u00bb"
_TYPEWRITER_CLOSES = '"\u201c\u201e'

# The single marks pair the same way but double as apostrophes ("it’s", "'90s", "rock 'n'
# roll"), so no scan of running text takes them for quotation marks; they only say whether
# a pair encloses a whole text.
SINGLE_QUOTE_PAIRS: dict[str, str] = {
    "'": "'",
    "\u2018": "\u2019",
    "\u201a": "\u2018\u2019",
}
OPENING_QUOTES = "".join(QUOTE_PAIRS)
CLOSING_QUOTES = "".join(dict.fromkeys("".join(QUOTE_PAIRS.values())))
QUOTE_MARKS = "".join(dict.fromkeys(OPENING_QUOTES + CLOSING_QUOTES))
# What a quotation may open with at the start of a text or a content, where a single ‘
# cannot be an apostrophe.
QUOTATION_STARTS = OPENING_QUOTES + "\u2018"
# Marks that never open: after a typewriter " they close it (‘"A”’ is one quotation).
_ONLY_CLOSING = "".join(c for c in CLOSING_QUOTES if c not in QUOTE_PAIRS)
_QUOTE_MARK = re.compile("[" + re.escape(QUOTE_MARKS) + "]")
_TYPOGRAPHIC_MARK = re.compile("[" + re.escape(QUOTE_MARKS.replace('"', "")) + "]")

_LEADING_ARTICLE = re.compile(r"^(?:the\s+)+")
_NON_WORD = re.compile(r"[^\w]+")


def strip_accents(text: str) -> str:
    if text.isascii():
        return text  # nothing to decompose: the common case, and much quicker
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_name(name: str) -> str:
    """The key a source name resolves by: no case, accents, punctuation or leading article.

    "the Official  Xinhua News-Agency" and "official xinhua news agency" share
    a key; "Orbán" and "Orban" too.
    """
    folded = strip_accents(name.translate(_TRANSLATE)).casefold()
    folded = _NON_WORD.sub(" ", folded).strip()
    return _LEADING_ARTICLE.sub("", folded)


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def quotations(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int | None]]:
    """The quotations of ``text[start:end]``: where each opening mark and its closing mark
    stand, the closing one None when the quotation never closes.

    Direction comes from pairing (``QUOTE_PAIRS``), not from the mark alone, so „…“ and
    »…« close where “…” and «…» would open. One quotation at a time: inside one, a mark
    that cannot close it belongs to it (a quotation within a quotation), and a closing
    mark with nothing open is a stray. A typewriter " closes whatever is open, as copy
    that mixes the two kinds means it to.
    """
    end = len(text) if end is None else end
    found: list[tuple[int, int | None]] = []
    opener, open_at = "", 0
    # Only the marks matter; everything between them is skipped at C speed.
    for mark in _QUOTE_MARK.finditer(text, start, end):
        char = mark.group()
        if opener and char in QUOTE_PAIRS:
            paragraph_end = _reopens_paragraph(text, mark.start(), open_at, end)
            if paragraph_end is not None:
                # A quotation running over paragraphs is not closed at a paragraph's end;
                # the next paragraph opens again: '"I thought … lost.\n\n"I've been …"'.
                # The first runs to its paragraph's last character.
                found.append((open_at, paragraph_end))
                opener = ""
        if not opener:
            if char in QUOTE_PAIRS and (
                char not in _OPENS_IF_CLOSED or _closes_later(text, char, mark.end(), end)
            ):
                opener, open_at = char, mark.start()
        elif (
            char in QUOTE_PAIRS[opener]
            or (char == '"' and opener in _TYPEWRITER_CLOSES)
            or (opener == '"' and char in _ONLY_CLOSING)
        ):
            found.append((open_at, mark.start()))
            opener = ""
    if opener:
        found.append((open_at, None))
    return found


def _reopens_paragraph(text: str, at: int, open_at: int, end: int) -> int | None:
    """Where the quotation open since ``open_at`` ends (its paragraph's last character) when
    the mark at ``at`` opens the next paragraph's words again; else None (the mark closes).

    Only a mark at a line's start, before a word, after a paragraph the quotation has words
    in: '"aa\n"' closes on the second line."""
    line_start = text.rfind("\n", open_at, at)
    if line_start < 0 or text[line_start + 1 : at].strip():
        return None
    if at + 1 >= end or not text[at + 1].isalnum():
        return None
    first_break = text.index("\n", open_at, at + 1)
    last = len(text[open_at:first_break].rstrip()) + open_at - 1
    return last if last > open_at else None


def _closes_later(text: str, opener: str, start: int, end: int) -> bool:
    return any(text.find(close, start, end) >= 0 for close in QUOTE_PAIRS[opener])


def quote_marks(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """Each typographic quotation mark of ``text[start:end]`` with the part it plays:
    "open" (its quotation closes later), "unclosed" (it never does), "close" (it closes
    the innermost quotation open) or "stray" (it can only close, and none is open).

    Unlike ``quotations`` this nests („A »B« C“), for counting what a passage leaves
    open. Typewriter " marks are left out: they face both ways, so only how many there
    are says anything.
    """
    found: list[tuple[int, str]] = []
    opened: list[int] = []  # indices into ``found`` of the quotations open, innermost last
    end = len(text) if end is None else end
    for mark in _TYPOGRAPHIC_MARK.finditer(text, start, end):
        char = mark.group()
        if opened and char in QUOTE_PAIRS[text[found[opened[-1]][0]]]:
            opened.pop()
            found.append((mark.start(), "close"))
        elif char in QUOTE_PAIRS and (
            char not in _OPENS_IF_CLOSED or _closes_later(text, char, mark.end(), end)
        ):
            opened.append(len(found))
            found.append((mark.start(), "open"))
        else:
            found.append((mark.start(), "stray"))
    for index in opened:
        found[index] = (found[index][0], "unclosed")
    return found


def claim_key(text: str) -> str:
    """A claim's identity: the same statement in other spacing, case or quotes is one claim."""
    folded = normalise_space(strip_accents(text.translate(_TRANSLATE)).casefold())
    folded = folded.rstrip(" .")
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def fold_char(char: str) -> str:
    """One character folded for search (no case, accents or typographic variants).

    May be empty (a lone combining mark) or several characters (a ligature).
    """
    mapped = _TRANSLATE.get(ord(char))
    if mapped is not None:
        return mapped
    if char.isspace():
        return " "
    if char.isascii():
        return char.lower()
    return strip_accents(char).casefold()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for search and return, for each folded character, its index in ``text``.

    Runs of whitespace become one space, so a quotation copied across a line
    break still matches; spaces around a dash are dropped. Offsets found in the
    folded text map back through the returned list, so what is stored always
    points into the original.

    Works on whole runs of characters with ``str.translate`` and regular
    expressions rather than character by character: a bulk import folds every
    article it anchors quotations in. ``tests/test_text_folding.py`` spells the same
    rule out one character at a time and holds the two equal.
    """
    if text.isascii():
        table, special = _ASCII_FOLD, []  # most copy: one table, every character one to one
    else:
        table = _fold_table(text)
        special = [char for char in table if len(table[char]) != 1]
    if not special:
        expanded = text.translate(table)
        positions: list[int] | range = range(len(text))
    else:
        expanded, positions = _expand(text, table, special)
    if _NEEDS_COLLAPSE.search(expanded) is None:
        return expanded, list(positions)  # single plain spaces between words: nothing to do
    if len(expanded) >= LONG_TEXT:
        return _collapse_spaces_numpy(expanded, positions)
    return _collapse_spaces(expanded, positions)


def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """``fold_with_map`` with the offsets as a read-only sequence, cheap to build.

    For text folded once and searched many times (an article a bulk import anchors
    every quotation in, a paragraph searched for each source): indexing the
    sequence gives what the list would hold, without a number made per character.
    """
    if not text.isascii():
        return fold_with_map(text)
    expanded = text.translate(_ASCII_FOLD)
    if _NEEDS_COLLAPSE.search(expanded) is None:
        return expanded, range(len(expanded))
    out: list[str] = []
    starts: list[int] = []  # where each run of one-to-one characters starts, folded
    origins: list[int] = []  # and where it starts in the text
    length = cursor = 0
    for run in _ODD_SPACE_RUN.finditer(expanded):
        start, end = run.span()
        if start > cursor:
            out.append(expanded[cursor:start])
            starts.append(length)
            origins.append(cursor)
            length += start - cursor
        cursor = end
        if not _space_kept(expanded, start, end):
            continue
        out.append(" ")
        starts.append(length)
        origins.append(start)
        length += 1
    if cursor < len(expanded):
        out.append(expanded[cursor:])
        starts.append(length)
        origins.append(cursor)
        length += len(expanded) - cursor
    return "".join(out), Offsets(starts, origins, length)


class Offsets(Sequence[int]):
    """Offsets into a text for each folded character, stored as runs that map one to one."""

    __slots__ = ("_starts", "_origins", "_length")

    def __init__(self, starts: list[int], origins: list[int], length: int):
        self._starts, self._origins, self._length = starts, origins, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(self._length))]
        if position < 0:
            position += self._length
        if not 0 <= position < self._length:
            raise IndexError(position)
        run = bisect.bisect_right(self._starts, position) - 1
        return self._origins[run] + position - self._starts[run]


# From this length on numpy collapses the spaces faster than the loop over the runs that
# change, even when a text has few of them (an article: a blank line between paragraphs).
LONG_TEXT = 50_000


def _space_kept(text: str, start: int, end: int) -> bool:
    """Whether a run of whitespace folds to one space rather than to nothing.

    It vanishes where it leads, trails or touches a dash, so that "U.S.- China"
    and "U.S. -China" fold like "U.S.-China" (``_collapse_spaces_numpy`` applies
    the same rule to arrays).
    """
    if start == 0 or end == len(text):
        return False
    return text[start - 1] != "-" and text[end] != "-"


def _collapse_spaces(expanded: str, positions) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    cursor = 0
    # Only the runs that change: a lone plain space between words stays as it is.
    for run in _ODD_SPACE_RUN.finditer(expanded):
        start, end = run.span()
        out.append(expanded[cursor:start])
        index.extend(positions[cursor:start])
        cursor = end
        if not _space_kept(expanded, start, end):
            continue
        out.append(" ")
        index.append(positions[start])
    out.append(expanded[cursor:])
    index.extend(positions[cursor:])
    return "".join(out), index


def _collapse_spaces_numpy(expanded: str, positions) -> tuple[str, list[int]]:
    """``_collapse_spaces`` on arrays: the same runs kept and dropped, for long texts."""
    import numpy as np

    codes = np.frombuffer(expanded.encode("utf-32-le"), dtype=np.uint32)
    size = len(codes)
    space = np.isin(codes, _SPACE_CODES)
    before = np.concatenate(([False], space[:-1]))
    after = np.concatenate((space[1:], [False]))
    starts = np.flatnonzero(space & ~before)
    ends = np.flatnonzero(space & ~after) + 1
    dash = ord("-")
    keep_run = (starts > 0) & (ends < size)
    inner_starts, inner_ends = starts[keep_run], ends[keep_run]
    touching_dash = (codes[inner_starts - 1] == dash) | (codes[inner_ends] == dash)
    kept_starts = inner_starts[~touching_dash]
    keep = ~space
    keep[kept_starts] = True
    folded = codes.copy()
    folded[kept_starts] = ord(" ")
    text = folded[keep].tobytes().decode("utf-32-le")
    chosen = np.flatnonzero(keep)
    if isinstance(positions, range):
        return text, chosen.tolist()
    return text, np.asarray(positions, dtype=np.int64)[chosen].tolist()


_SPACE_CODES = [code for code in range(0x3100) if chr(code).isspace()]
# Whole runs of whitespace that are not one plain space between two non-dashes: longer,
# another kind of space, leading, trailing, or beside a dash. Written to start with one
# character class (every alternative after it, in the order ``\s{2,}|[^\S ]|^\s|\s$|
# (?<=-)\s|\s(?=-)`` would try them): the regex engine then skips straight from one
# whitespace character to the next instead of trying six alternatives at every
# character, three times faster over an article.
_ODD_SPACE_RUN = re.compile(r"\s(?:\s+|(?<=[^\S ])|(?<=\A\s)|$|(?<=-\s)|(?=-))")
# Anything the collapsing would change: a leading or trailing space, two in a row, a
# space beside a dash, or whitespace other than a plain space. Also one leading class
# (whitespace or a dash), for the same reason.
_NEEDS_COLLAPSE = re.compile(r"[\s-](?:(?<=-)\s|(?<=\s)(?:\s|-|$|(?<=\A\s)|(?<=[^\S ])))")
_FOLDED: dict[str, str] = {}


def _fold_table(text: str) -> dict[int, str]:
    """``str.translate`` table for the characters of ``text``, each folded by ``fold_char``."""
    table: dict[int, str] = {}
    for char in set(text):
        folded = _FOLDED.get(char)
        if folded is None:
            folded = fold_char(char)
            if len(_FOLDED) < 100_000:
                _FOLDED[char] = folded
        table[ord(char)] = folded
    return table


def _expand(text: str, table: dict[int, str], special: list[int]) -> tuple[str, list[int]]:
    """Folded text and origins when some characters fold to none or to several."""
    pattern = re.compile("[" + "".join(re.escape(chr(code)) for code in special) + "]")
    parts: list[str] = []
    positions: list[int] = []
    cursor = 0
    for match in pattern.finditer(text):
        at = match.start()
        parts.append(text[cursor:at].translate(table))
        positions.extend(range(cursor, at))
        folded = table[ord(text[at])]
        parts.append(folded)
        positions.extend([at] * len(folded))
        cursor = at + 1
    parts.append(text[cursor:].translate(table))
    positions.extend(range(cursor, len(text)))
    return "".join(parts), positions


_ASCII_FOLD = {code: fold_char(chr(code)) for code in range(128)}


@functools.lru_cache(maxsize=4096)
def fold_for_search(text: str) -> str:
    return fold_with_offsets(text)[0]
