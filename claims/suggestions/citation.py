"""Whose text the whole article is: wire credits and "X reports citing Y".

A wire story republished or rewritten says so in a handful of fixed places: the dateline
("BEIJING (Reuters) -"), a closing credit ("— Reuters", "Source: AFP"), a rewrite's
"UNN reports citing Reuters", a photo credit "via REUTERS". These are read from the text
as received, debris included, since credits often sit in lines that cleaning cuts. The same
shapes tell where a sentence's own words begin (``statement_start``): a dateline or a
credit says where the story comes from, not something the story claims.

Agencies credit themselves by abbreviation ("(AP) —", "(AFP) -", "(dpa) -") and are stored
by name, so a credit in one of the well-known abbreviations names the agency in full
(``AGENCY_NAMES``): "AP" resolves to a stored Associated Press, and an article published
by the Associated Press is not proposed as republishing itself. The words as written stay
in ``Credit.written``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.cleaning import ENTRY_TIME
from claims.photo_credits import caption_credit
from claims.resolution import AGENCY_NAMES

# News organisations whose names carry no word saying so ("Reuters", not "the Kyiv
# Independent" or "Fox News"): "told Reuters the talks had stalled" names an outlet the
# words went through even when no source of that name is on record yet. Folded names.
NEWS_ORGANISATIONS = frozenset(
    {key.casefold() for key in AGENCY_NAMES}
    | {name.casefold() for name in AGENCY_NAMES.values()}
    | {
        "reuters",
        "bloomberg",
        "xinhua",
        "tass",
        "interfax",
        "ria",
        "ria novosti",
        "kyodo",
        "yonhap",
        "ansa",
        "efe",
        "anadolu",
        "bernama",
        "antara",
        "kcna",
        "unian",
        "ukrinform",
        "politico",
        "axios",
        "semafor",
        "al jazeera",
        "euronews",
        "le monde",
        "der spiegel",
        "spiegel",
        "the economist",
        "the guardian",
        "guardian",
        "nikkei",
        "caixin",
        "sky news",
        "sky sports",
        "talksport",
        "espn",
        "the athletic",
        "marca",
        "l'equipe",
        "bild",
        "corriere della sera",
        "la repubblica",
        "el pais",
        "el país",
        "haaretz",
        "asahi",
        "yomiuri",
    }
)
_LOWER_AGENCIES = "|".join(key for key in AGENCY_NAMES if key.islower())
_NAME = rf"(?:[A-Z][\w&'-]*(?:[ \t]+[A-Z][\w&'-]*){{0,3}}|(?:{_LOWER_AGENCIES})\b)"

# A dateline is where, and sometimes when, before a dash: "BERLIN (Reuters) -", "NEW YORK,
# Feb. 6 (Reuters) -", "LONDON, 6 February 2024 (Reuters) -", "KYIV, Ukraine, March 4 (AP) —".
# The place is capitalised words (with "de", "am" … between them), in up to three parts
# ("ISLAMABAD/KABUL", "KYIV, Ukraine"); the date is a month name and a day, with or without
# a year. Neither takes an ordinary verb or noun in lower case, so "Officials told the
# Associated Press (AP) - ..." is no dateline.
_UPPER = "A-ZÀ-ÖØ-Þ"
_PLACE_WORD = rf"[{_UPPER}](?:[^\W\d_]|[.'’-])*"
_PLACE = rf"{_PLACE_WORD}(?:[ \t]+(?:[a-z]{{1,3}}[ \t]+)?{_PLACE_WORD}){{0,5}}"
_PLACES = rf"{_PLACE}(?:(?:,[ \t]*|/){_PLACE}){{0,2}}"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DATE = rf"(?:{_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH})(?:,?[ \t]+\d{{4}})?"
_DASH = "[-—–]"

# (rule, confidence, pattern with a "name" group; "cue" group optional)
# The words an outlet credits the text it took with: "UNN reports citing Reuters".
CREDIT_CUES = ("citing", "quoting", "with reference to", "referring to")

RULES: list[tuple[str, float, re.Pattern[str]]] = [
    (
        "dateline",
        0.9,
        re.compile(
            rf"^[ \t]*{_PLACES}(?:,?[ \t]+{_DATE})?,?[ \t]*\((?P<name>{_NAME})\)\s*{_DASH}",
            re.MULTILINE,
        ),
    ),
    (
        "reports citing",
        0.85,
        re.compile(
            rf"\b(?P<reporter>{_NAME})\s+(?:reports?|reported|writes|wrote|says|said),?\s+"
            rf"(?P<cue>{'|'.join(CREDIT_CUES)})\s+(?P<name>" + _NAME + r")"
        ),
    ),
    (
        "closing credit",
        0.8,
        re.compile(r"^[ \t]*[-—–]\s*(?P<name>" + _NAME + r")\s*$", re.MULTILINE),
    ),
    (
        "source line",
        0.8,
        re.compile(
            r"^[ \t]*(?:Source|Sources|Via)\s*:\s*(?P<name>" + _NAME + r")\.?\s*$",
            re.MULTILINE | re.IGNORECASE,
        ),
    ),
    (
        "originally published",
        0.8,
        re.compile(
            r"^[ \t]*(?:This|The)[ \t]+(?:article|story|report|piece|interview)[ \t]+(?:was[ \t]+)?"
            r"(?:originally|first)[ \t]+(?:published|appeared|ran)[ \t]+(?:by|in|on)[ \t]+"
            r"(?:the[ \t]+)?(?P<name>" + _NAME + r")\.?[ \t]*$",
            re.MULTILINE,
        ),
    ),
    (
        "reporting by",
        0.7,
        re.compile(r"\(\s*(?:Reporting|Writing) by [^;)]{1,120}[;)].{0,200}?\b(?P<name>Reuters)\b"),
    ),
    (
        "via credit",
        0.6,
        re.compile(r"\bvia[ \t]+(?P<name>[A-Z]{2,}(?:[ \t]+[A-Z]{2,})?|Getty Images)\b"),
    ),
]
_NOT_AGENCIES = {"getty images", "pool", "file", "ap photo"}

# A dateline opening a sentence, with or without its credit. Without one, a date or a place
# in capitals ("BEIJING —", "Kyiv, 4 March 2024 -") is needed, since "Hungary - a Russian
# ally - has ..." opens with a place and a dash too; the dash is followed by a space, since
# "U.S.-China talks" is no dateline. The credit is a wire's, in parentheses ("(Reuters) -",
# "(GLOBE NEWSWIRE) --", "SEATTLE--(BUSINESS WIRE)--") or between slashes as press-release
# wires print it ("March 12, 2024 /PRNewswire/ --", "NEW YORK, NY / ACCESSWIRE / March 12,
# 2024 /"); a dash follows it, or the date and a slash.
_CREDIT = r"\([^)\n]{1,40}\)|/[ \t]*[^/\s][^/\n]{0,38}/"
_LEADING_DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_PLACES})(?:,?[ \t]+(?P<date>{_DATE}))?,?[ \t]*"
    rf"(?:(?:{_DASH}+[ \t]*)?(?P<credit>{_CREDIT})[ \t]*(?:{_DATE}[ \t]*/|{_DASH}+|:)\s*"
    rf"|{_DASH}+(?:\s+|$))"
)
_LEFTOVER = " \t\n.,;:-—–"
# An entry's time before its first words, set off by a dash or a colon, or before a capital.
_ENTRY_STAMP = re.compile(rf"\s*(?:{ENTRY_TIME})(?:[ \t]*[-—–:|][ \t]*|[ \t]+(?=[A-Z\"\u201c]))")


@dataclass(frozen=True)
class Credit:
    """An article-level credit: the name, how it was credited, where, and which rule.

    ``name`` is the agency's name when the credit abbreviates it ("AP" → Associated Press);
    ``written`` is the credit as the text writes it (``text[start:end]``, trimmed).
    """

    name: str
    cue: str
    start: int
    end: int
    rule: str
    confidence: float
    written: str = ""
    reporter: str = ""  # who reports citing it: "UNN" of "UNN reports citing Reuters"
    framing: bool = True  # whether it credits the whole article (``frames_article``)


def find_credits(text: str) -> list[Credit]:
    """Every credit found, most trusted rule first, then in reading order."""
    credits: list[Credit] = []
    for rule, confidence, pattern in RULES:
        for match in pattern.finditer(text):
            name = match.group("name").strip(" .")
            if name.casefold() in _NOT_AGENCIES:
                continue
            cue = match.groupdict().get("cue") or {
                "dateline": "republished",
                "closing credit": "republished",
                "source line": "via",
                "reporting by": "republished",
                "originally published": "republished",
                "via credit": "via",
            }.get(rule, "citing")
            reporter = (match.groupdict().get("reporter") or "").strip()
            credits.append(
                Credit(
                    AGENCY_NAMES.get(name, name),
                    cue,
                    match.start("name"),
                    match.end("name"),
                    rule,
                    confidence,
                    written=name,
                    reporter=reporter,
                    framing=not reporter or frames_article(text, match.start(), match.end()),
                )
            )
    return credits


def frames_article(text: str, start: int, end: int) -> bool:
    """Whether "X reports citing Y" at ``text[start:end]`` credits the whole article: in its
    lead, or standing alone as a credit line. Further down the body the same words cite
    Y for one statement only ("The company will cut 500 jobs, Bloomberg reported, citing
    Reuters."): a hop of that sentence, not where the article comes from."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if statement_start(text, line_start, line_end) == line_end:
        return True
    return start < _lead_end(text)


# A lead is a statement of some length; a headline, a byline or a timestamp is not.
_LEAD_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _lead_end(text: str) -> int:
    """Where the article's lead ends: the first sentence of its first line that is a
    statement, past headlines, bylines and photo captions (what comes before it frames the
    article too). A sentence, not the line: copy stored without line breaks is one line."""
    from claims.sentences import split_sentences

    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if (
            len(stripped.split()) >= _LEAD_WORDS
            and _SENTENCE_END.search(stripped)
            and caption_credit(stripped) is None
        ):
            sentences = split_sentences(line)
            return position + (sentences[0].end if sentences else len(line))
        position += len(line) + 1
    return len(text)


def statement_start(text: str, start: int, end: int) -> int:
    """Where the article's own words begin in ``text[start:end]``: after its dateline, and at
    ``end`` when the span is nothing but the article's credit ("Kyiv, 4 March 2024 - UNN
    reports citing Reuters."), which says where the story comes from and states nothing.

    Proposals use it so that neither a dateline nor a credit is proposed as a claim.
    """
    position = start
    match = _LEADING_DATELINE.match(text, start, end)
    if match and (
        match["credit"] or match["date"] or match["place"].split(",")[0].strip().isupper()
    ):  # "MANCHESTER, England -": the city in capitals, its country not
        position = match.end()
    stamp = _ENTRY_STAMP.match(text, position, end)
    if stamp and text[stamp.end() : end].strip():
        position = stamp.end()  # a live blog's entry time: when, not what, was said
    rest = text[position:end].strip()
    if not rest.strip(_LEFTOVER):
        return end
    for _, _, pattern in RULES:
        credit = pattern.match(rest)
        if credit and not rest[credit.end() :].strip(_LEFTOVER):
            return end
    return position
