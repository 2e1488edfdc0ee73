"""Page debris out of article text at ingest, with a record of every cut and why.

Scraped pages carry what is not the article: repeated headlines, "Article continues after this
advertisement", newsletter and cookie notices, "READ:" teasers, section labels, copyright
lines, photo captions told by their credit, bylines and timestamps. Left in, they become sentences,
proposals and matches that mean nothing. The rules work line by line and are generic news-page
rules, each with a reason name; nothing is cut in the middle of a line except a leading
date stamp. HTML goes through trafilatura, a maintained extractor, before these rules.

The raw text is kept beside the cleaned one, and each cut is recorded with its offsets in the
raw text, so ``claims article show ID --removed`` shows exactly what went and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.photo_credits import CAPTION_LINE, CREDIT_LINE
from claims.photo_credits import NEEDED as CAPTION_NEEDED

_CI = re.IGNORECASE

# (reason, pattern matched against the whole stripped line)
LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "advertisement",
        re.compile(
            r"^(?:advertisement|sponsored(?: content)?|(?:article|story) continues (?:after|below)"
            r"(?: this)? (?:advertisement|ad)|scroll (?:down )?to continue(?: reading)?|"
            r"continue reading(?: below)?|ad)\W*$",
            _CI,
        ),
    ),
    (
        "newsletter",
        re.compile(
            r"^(?=.{0,300}$).*\b(?:newsletter|subscribe|subscription|sign up for|unsubscribe|"
            r"by providing an email address|inbox)\b.*$",
            _CI,
        ),
    ),
    (
        "cookie notice",
        re.compile(r"^(?=.{0,400}$).*\bcookies?\b.*\b(?:accept|consent|use|policy)\b.*$", _CI),
    ),
    (
        "teaser",
        re.compile(
            r"^(?:read|read more|also read|read also|related|see also|watch|more|recommended|"
            r"trending|don't miss|must read)\s*[:|»>-]\s*\S.{0,250}$",
            _CI,
        ),
    ),
    (
        "section label",
        re.compile(
            r"^(?:featured stories|featured|trending(?: now)?|most read|most popular|related"
            r"(?: stories| articles| news)?|recommended(?: stories)?|share(?: this(?: article)?)?|"
            r"tags?\s*:.*|topics?\s*:.*|follow us.*|comments?|print|email|advertisement)\W*$",
            _CI,
        ),
    ),
    (
        "copyright",
        re.compile(
            r"^(?:©|\(c\)|copyright\b).{0,300}$|^.{0,200}\ball rights reserved\b.{0,100}$", _CI
        ),
    ),
    ("photo caption", CAPTION_LINE),  # told by its credit: see claims/photo_credits.py
    (
        "byline or timestamp",
        re.compile(
            r"^(?:/\s*)?(?:\d{1,2}:\d{2}\s*(?:AM|PM|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,4}\s*)?[,|]?\s*)?"
            r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?"
            r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}"
            r"|\d{4}-\d{2}-\d{2})"
            r"(?:[,|]?\s*\d{1,2}:\d{2}\s*(?:AM|PM|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,4})?)?\s*$"
            r"|^(?:by|written by|posted by|reporting by|editing by)\s+[A-Z][\w.'-]+"
            r"(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|&|\|)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)"
            r"{0,3})*\W*$"
            r"|^(?:published|updated|posted|last updated)\s*:?\s+.{0,60}\d{4}.{0,30}$",
            _CI,
        ),
    ),
]
# Words without which a rule cannot match a line (lower case): most lines of an article
# hold none, and the rules that scan the whole line are the slow ones. Only checked on
# ASCII lines, where lower() is exactly how IGNORECASE compares.
_NEEDED = {
    "newsletter": (
        "newsletter",
        "subscri",
        "sign up for",
        "by providing an email address",
        "inbox",
    ),
    "cookie notice": ("cookie",),
    "copyright": ("\u00a9", "(c)", "copyright", "all rights reserved"),
    "photo caption": CAPTION_NEEDED,
}
_RULES = [(reason, pattern, _NEEDED.get(reason, ())) for reason, pattern in LINE_RULES]
_ANY_NEEDED = re.compile("|".join(re.escape(word) for words in _NEEDED.values() for word in words))
# A date stamp glued to the start of the text by a scraper: "date 2024-02-19 China has ...".
_LEADING_STAMP = re.compile(
    r"^\s*(?:(?:date|published|updated|posted)\s*:?\s*)?\d{4}-\d{2}-\d{2}"
    r"(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+(?=\S)",
    _CI,
)
_REPEATABLE_MAX = 300  # a repeated line longer than this is more likely prose worth keeping
_CAPTION_MAX = 300  # a line above a credit longer than this is more likely prose than caption
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


@dataclass(frozen=True, slots=True)
class Removed:
    """One cut: offsets into the raw text, the words, and the rule that cut them."""

    start: int
    end: int
    text: str
    reason: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    removed: list[Removed]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for line in text.split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


def line_reason(line: str) -> str | None:
    """The rule that makes ``line`` debris, or None for article text."""
    stripped = line.strip()
    if not stripped:
        return None
    lowered = stripped.lower() if stripped.isascii() else None
    if lowered is not None and _ANY_NEEDED.search(lowered) is None:
        lowered = ""  # none of the words: every rule that needs one is skipped
    for reason, pattern, needed in _RULES:
        if needed and lowered is not None and not any(word in lowered for word in needed):
            continue
        if pattern.match(stripped):
            return reason
    return None


def clean_text(raw: str, *, keep: Iterable[tuple[int, int]] = ()) -> Cleaned:
    """Cut debris lines out of ``raw``; ``keep`` protects spans (e.g. curated quotations).

    Lines are cut whole, and blank lines left behind collapse into one paragraph break, so the
    cleaned text reads like the article. Every cut is returned with its raw offsets.
    """
    protected = list(keep)
    seen: set[str] = set()
    leading = _LEADING_STAMP.match(raw)
    cuts: list[tuple[int, int, str]] = []
    if leading:
        cuts.append((0, leading.end(), "byline or timestamp"))
    spans = _line_spans(raw)
    kept: list[int] = []  # the lines no rule cut, by index
    for index, (start, end) in enumerate(spans):
        if leading and start < leading.end():
            start = leading.end()
        line = raw[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        key = _key(stripped)
        reason = line_reason(line)
        if reason is None and key in seen and len(stripped) <= _REPEATABLE_MAX:
            reason = "repeated line"
        seen.add(key)
        if reason is None:
            kept.append(index)
            continue
        if reason == "photo caption" and kept and kept[-1] == index - 1:
            above = _caption_above(raw, spans, index)
            if above and not any(a < above[1] and above[0] < b for a, b in protected):
                cuts.append((*above, reason))
        if any(a < end and start < b for a, b in protected):
            continue
        cuts.append((start, end, reason))
    return apply_cuts(raw, cuts)


def _caption_above(raw: str, spans: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
    """The caption a credit-only line closes, when the two stand alone as a block.

    "Protesters gather in Budapest.\nREUTERS/Jane Doe": the credit line alone says the line
    above it is a caption only when nothing else is in their block, with blank lines before
    and after; in a text whose paragraphs are single lines, the line above is article text.
    """
    if index < 2 or raw[slice(*spans[index - 2])].strip():
        return None
    if index + 1 < len(spans) and raw[slice(*spans[index + 1])].strip():
        return None
    if not CREDIT_LINE.match(raw[slice(*spans[index])].strip()):
        return None
    start, end = spans[index - 1]
    if len(raw[start:end].strip()) > _CAPTION_MAX:
        return None
    return start, end


def apply_cuts(raw: str, cuts: Iterable[tuple[int, int, str]]) -> Cleaned:
    """The cleaned text for given cuts (start, end, reason) of ``raw``.

    The one way cut spans become text, so an article exported with its cuts and imported
    elsewhere gets back exactly the text its quotations were anchored in, whatever the
    cleaning rules are by then.
    """
    ordered = sorted(cuts)
    if not ordered:
        return Cleaned(raw, [])  # nothing cut, nothing touched
    removed: list[Removed] = []
    pieces: list[str] = []
    position = 0
    for start, end, reason in ordered:
        if not 0 <= position <= start < end <= len(raw):
            raise ValueError(f"cut {start}-{end} is outside the text or overlaps another")
        pieces.append(raw[position:start])
        removed.append(Removed(start, end, raw[start:end], reason))
        position = end
    pieces.append(raw[position:])
    text = "".join(pieces)
    text = _BLANK_LINES.sub("\n\n", text).strip()
    return Cleaned(text, removed)


def html_to_text(html: str) -> str:
    """The article's text from an HTML page (trafilatura: main content, no menus or ads)."""
    import trafilatura

    from claims.errors import InputFileError

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True
    )
    if not text or not text.strip():
        raise InputFileError("No article text found in this HTML page: save the text instead.")
    # trafilatura puts one paragraph per line; a blank line between them keeps paragraphs.
    return "\n\n".join(line for line in text.splitlines() if line.strip())


def page_text(text: str, *, name: str = "", html: bool | None = None) -> str:
    """The article text of what a person handed in: a page's main text, or the text itself.

    ``html`` decides when given; otherwise a name ending in .html/.htm, or content that
    looks like a page, means HTML.
    """
    if html is None:
        html = name.lower().endswith((".html", ".htm")) or looks_like_html(text)
    return html_to_text(text) if html else text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in head or ("<p>" in head and "</p>" in text.lower())
    )
