"""The flat row format: one row per appearance, for spreadsheets, CSV and JSON Lines.

Teams keep claims in spreadsheets, one line per place a claim was seen, so the
exchange format is that line: the claim, the article (by SHA-256, or its text
inline the first time it appears), the quotation and the chain as a person
writes it. A row with no article and no quotation is a claim without an
appearance. So that a file can hold a whole database, two rows carry no claim:
a **source row** (``source`` and its details: kind, aliases ...), which a row's
names cannot carry, and an **article row** (an inline article and no quotation),
for an article no claim is found in yet. Both were refused before (a row needed
its claim), so every file read before reads the same.
``docs/import-format.md`` documents the columns for people; this
module is the one definition the importer and the exporter share.

Parsing checks what one row can show on its own (required values, dates,
statuses, lengths, the chain's syntax); whether its article exists, its
quotation is in the article and its chain composes is for the importer, which
knows the database.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import marshal
import math
import operator
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from claims.chains import StatedHop, parse_chain
from claims.errors import ClaimsError, InvalidInput
from claims.files import TOO_LARGE, text_too_large
from claims.models import PROVENANCES, check_strings
from claims.services.articles import check_language, check_url, parse_date
from claims.services.claims import check_status, clean_text
from claims.services.sources import check_kind, check_source_url
from claims.text import fold_name

CLAIM_FIELDS = ("claim", "claim_status", "claim_verdict", "claim_notes")
ARTICLE_FIELDS = (
    "article",
    "article_text",
    "article_cuts",
    "article_publisher",
    "article_origin",
    "article_origin_cue",
    "article_url",
    "article_title",
    "article_published",
    "article_language",
)
APPEARANCE_FIELDS = ("quote", "occurrence", "chain", "provenance", "accepted_by", "created_by")
# A source row's; last, so that files written before them keep their column order.
SOURCE_FIELDS = (
    "source",
    "source_kind",
    "source_aliases",
    "source_country",
    "source_url",
    "source_notes",
)
# Added later still, and last for the same reason: an article's text extracted from a page.
LATER_FIELDS = ("article_from_html",)
# Every column, in the order an exporter writes them.
FIELDS = CLAIM_FIELDS + ARTICLE_FIELDS + APPEARANCE_FIELDS + SOURCE_FIELDS + LATER_FIELDS
REQUIRED = ("claim",)
# Values that only mean something next to an inline article text; beside a mere
# reference (an exporter may repeat them) they are ignored: the stored article stands.
_WITH_TEXT = (
    "article_cuts",
    "article_publisher",
    "article_origin",
    "article_origin_cue",
    "article_url",
    "article_title",
    "article_published",
    "article_language",
    "article_from_html",
)
# JSON in a cell deeper than Python's stack can read: a list of lists is all a column holds.
_TOO_DEEP = "nested too deep to read: a column holds a list (of cuts: of lists) at most"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_FIELD_SET = frozenset(FIELDS)
_LISTS = frozenset(("article_cuts", "source_aliases"))
# What a row without a claim may hold besides its source or its article.
_CLAIM_ONLY = ("claim_status", "claim_verdict", "claim_notes")
_APPEARANCE_ONLY = ("quote", "occurrence", "chain", "provenance", "accepted_by")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one row: where, and what to do about it."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.reason}"


class RowProblems(ClaimsError):
    """A row with one or more problems, each naming its column."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(f"{column}: {reason}" for column, reason in problems))
        self.problems = problems


@dataclass
class FlatRow:
    """One row, parsed and cleaned; blank values are None."""

    claim: str
    claim_status: str = "draft"
    claim_verdict: str | None = None
    claim_notes: str | None = None
    article: str | None = None
    article_text: str | None = None
    # (start, end, reason) in the text as received; None: cut by the rules on import.
    article_cuts: list[tuple[int, int, str]] | None = None
    article_publisher: str | None = None
    article_origin: str | None = None
    article_origin_cue: str | None = None
    article_url: str | None = None
    article_title: str | None = None
    article_published: dt.date | None = None
    article_language: str | None = None
    quote: str | None = None
    occurrence: int | None = None
    chain: list[StatedHop] = field(default_factory=list)
    provenance: str = "manual"
    accepted_by: str | None = None
    created_by: str | None = None
    source: str | None = None
    source_kind: str | None = None
    source_aliases: list[str] = field(default_factory=list)
    source_country: str | None = None
    source_url: str | None = None
    source_notes: str | None = None
    # True: article_text was extracted from an HTML page, whose other text was not kept.
    article_from_html: bool = False

    @property
    def has_appearance(self) -> bool:
        return self.article is not None or self.article_text is not None or bool(self.quote)

    @property
    def has_claim(self) -> bool:
        """False for a source row and an article row."""
        return bool(self.claim)


_PACKED = [f.name for f in fields(FlatRow)]
_PUBLISHED = _PACKED.index("article_published")
_CHAIN = _PACKED.index("chain")
_PACKED_VALUES = operator.attrgetter(*_PACKED)  # all the fields in one call


def pack_row(row: FlatRow) -> bytes:
    """A parsed row as bytes (``marshal``), for an importer to set aside and read back."""
    values = list(_PACKED_VALUES(row))
    if row.article_published is not None:
        values[_PUBLISHED] = row.article_published.toordinal()
    values[_CHAIN] = [(hop.name, hop.cue) for hop in row.chain]
    return marshal.dumps(values)


def unpack_row(data: bytes) -> FlatRow:
    """The row ``pack_row`` packed, exactly."""
    values = marshal.loads(data)
    if values[_PUBLISHED] is not None:
        values[_PUBLISHED] = dt.date.fromordinal(values[_PUBLISHED])
    values[_CHAIN] = [StatedHop(name, cue) for name, cue in values[_CHAIN]]
    return FlatRow(*values)


def check_columns(columns: Iterable[str], *, where: str) -> None:
    """Refuse a header with unknown or missing columns, naming them and the known ones."""
    columns = list(columns)
    unknown = [c for c in columns if c not in FIELDS]
    # A file of source rows, or of articles no claim is found in yet, has no claim column.
    missing = (
        []
        if {"source", "article_text"} & set(columns)
        else [c for c in REQUIRED if c not in columns]
    )
    duplicated = sorted({c for c in columns if columns.count(c) > 1})
    problems = []
    if unknown:
        problems.append(f"unknown column(s) {', '.join(map(repr, unknown))}")
    if missing:
        problems.append(f"missing required column(s) {', '.join(map(repr, missing))}")
    if duplicated:
        problems.append(f"repeated column(s) {', '.join(map(repr, duplicated))}")
    if problems:
        raise InvalidInput(
            f"{where}: {'; '.join(problems)}. The columns are: {', '.join(FIELDS)} "
            "(see docs/import-format.md)."
        )


def parse_row(raw: Mapping[str, Any]) -> FlatRow:
    """Clean one row of strings (CSV) or JSON values (JSON Lines), or raise ``RowProblems``.

    Every problem of the row is collected, so a person fixes a row once.
    """
    problems: list[tuple[str, str]] = []
    for column in raw:
        if column not in _FIELD_SET:
            problems.append((column, f"unknown column; the columns are {', '.join(FIELDS)}"))
    values: dict[str, str | None] = dict.fromkeys(FIELDS)
    # An article's details of the wrong type: a problem only where they are read (``_parse``).
    mistyped: list[tuple[str, str]] = []
    get = raw.get
    for column in FIELDS:
        value = get(column)
        if value is None:
            continue
        if not isinstance(value, str):
            value = _json_value_as_text(column, value, problems, mistyped)
            if value is None:
                continue
        values[column] = value.strip() or None
    # The article text is stored verbatim; only its line endings are unified later.
    raw_text = raw.get("article_text")
    values["article_text"] = raw_text if isinstance(raw_text, str) and raw_text.strip() else None

    row = FlatRow(claim="")
    if mistyped and (values["article_text"] is not None or values["article"] is None):
        problems.extend(mistyped)
    _parse(values, row, problems)
    _check_lengths(row, problems)
    if problems:
        raise RowProblems(problems)
    return row


# The columns JSON Lines may give other than as text: a count, a flag, the lists.
_COUNTS = frozenset(("occurrence",))
_FLAG_COLUMNS = frozenset(("article_from_html",))
_WHOLE = "a whole number from 1"


def json_kind(value: Any) -> str:
    """A JSON value's kind in the words of someone who wrote the file, not Python's."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def _json_value_as_text(column: str, value: Any, problems: list, mistyped: list) -> str | None:
    """A JSON Lines value that is not a string, as the text a CSV cell would hold, or None
    with its problem noted.

    Only where the column's meaning is not text: a count, a flag, a list. A number or a
    flag where text is expected is refused rather than turned into text: ``"claim": 42``
    is far likelier a column shifted than a claim that reads "42".
    """
    if column in _COUNTS and isinstance(value, int | float) and not isinstance(value, bool):
        # 2.0 is what many JSON writers give for a count; 1.5, NaN and infinity count nothing.
        if math.isfinite(value) and value == int(value):
            return str(int(value))
        problems.append((column, f"{json.dumps(value)} is not {_WHOLE}"))
        return None
    if column in _FLAG_COLUMNS and isinstance(value, bool | int):
        return "true" if value is True else "false" if value is False else str(value)
    if column in _LISTS and isinstance(value, list):
        try:
            return json.dumps(value)  # JSON Lines may give the list itself
        except RecursionError:
            problems.append((column, f"the list is {_TOO_DEEP}"))
            return None
    if column in _COUNTS:
        expected = _WHOLE
    elif column in _LISTS:
        expected = "a list"
    elif column in _FLAG_COLUMNS:
        expected = "true or false"
    else:
        expected = "text"
    reason = f"expected {expected}, got {json_kind(value)}"
    if expected == "text" and isinstance(value, int | float | bool):
        reason += f': put it in quotation marks ("{json.dumps(value)}") if it is the text'
    (mistyped if column in _WITH_TEXT else problems).append((column, reason))
    return None


def _attempt(problems, column, function, *args):
    try:
        return function(*args)
    except InvalidInput as error:
        problems.append((column, str(error)))
        return None


def _parse(values: dict[str, str | None], row: FlatRow, problems: list) -> None:
    if values["source"] is not None:
        _parse_source(values, row, problems)
        return
    if values["claim"] is None:
        if values["article_text"] is None:
            problems.append(
                (
                    "claim",
                    "the claim text is empty: every row names its claim, unless it defines a "
                    "source (source) or an article no claim is found in (article_text)",
                )
            )
        elif values["quote"] is not None:
            # A quotation without its claim: the claim is what was forgotten.
            problems.append(
                ("claim", "the claim text is empty: a row with a quotation names its claim")
            )
        else:
            _only(values, "an article row (no claim)", _CLAIM_ONLY + _APPEARANCE_ONLY, problems)
    else:
        row.claim = _attempt(problems, "claim", clean_text, values["claim"]) or ""
    given = [c for c in SOURCE_FIELDS if values[c] is not None]
    if given:
        problems.append(
            (given[0], "source details belong on a source row: give its name in source")
        )
    if values["claim_status"] is not None:
        row.claim_status = (
            _attempt(problems, "claim_status", check_status, values["claim_status"]) or "draft"
        )
    row.claim_verdict = values["claim_verdict"]
    row.claim_notes = values["claim_notes"]

    sha = values["article"]
    if sha is not None:
        sha = sha.lower()
        if not _SHA256.match(sha):
            problems.append(("article", f"{sha!r} is not a SHA-256 (64 hexadecimal digits)"))
    row.article = sha
    if values["article_text"] is not None:
        _parse_article(values, row, problems)
    elif sha is None:
        given = [c for c in _WITH_TEXT if values[c] is not None]
        if given:
            problems.append(
                (
                    given[0],
                    "article details without an article: define the article with "
                    "article_text, or reference a stored one by article (its SHA-256)",
                )
            )
    # A reference alone: the stored article stands, and the details an exporter repeats
    # beside it are not read at all (not even checked), so they cannot refuse the row.

    row.quote = values["quote"]
    has_article = row.article is not None or row.article_text is not None
    if has_article and row.quote is None and values["claim"] is not None:
        problems.append(("quote", "a row with an article needs the quotation it carries"))
    if row.quote is not None and not has_article:
        problems.append(("article", "a quotation needs its article (article or article_text)"))
    occurrence = values["occurrence"]
    if occurrence is not None:
        if not occurrence.isdigit() or int(occurrence) < 1:
            problems.append(("occurrence", f"{occurrence!r} is not {_WHOLE}"))
        else:
            row.occurrence = int(occurrence)
    row.chain = _attempt(problems, "chain", parse_chain, values["chain"]) or []
    if row.chain and row.quote is None:
        problems.append(("chain", "a chain belongs to an appearance: give the quotation too"))
    provenance = (values["provenance"] or "manual").lower()
    if provenance not in PROVENANCES:
        problems.append(
            ("provenance", f"unknown provenance {provenance!r}: use manual or proposed")
        )
    row.provenance = provenance
    row.accepted_by = values["accepted_by"]
    row.created_by = values["created_by"]


def _parse_article(values: dict[str, str | None], row: FlatRow, problems: list) -> None:
    """The article a row defines inline: its text and the details only it can give."""
    row.article_text = values["article_text"]
    if text_too_large(row.article_text):
        problems.append(
            ("article_text", f"the text is {TOO_LARGE}: give each article a row of its own")
        )
    if values["article_cuts"] is not None:
        row.article_cuts = _attempt(problems, "article_cuts", parse_cuts, values["article_cuts"])
    if values["article_publisher"] is None:
        problems.append(("article_publisher", "an inline article needs its publisher"))
    row.article_publisher = values["article_publisher"]
    row.article_origin = values["article_origin"]
    row.article_origin_cue = values["article_origin_cue"]
    if row.article_origin_cue is not None and row.article_origin is None:
        problems.append(
            (
                "article_origin_cue",
                "an origin cue credits an origin: give article_origin, or leave the cue out",
            )
        )
    row.article_title = values["article_title"]
    row.article_url = _attempt(problems, "article_url", check_url, values["article_url"])
    row.article_language = _attempt(
        problems, "article_language", check_language, values["article_language"]
    )
    row.article_published = _attempt(
        problems, "article_published", parse_date, values["article_published"]
    )
    row.article_from_html = bool(
        _attempt(problems, "article_from_html", parse_flag, values["article_from_html"])
    )


def _only(values: dict, what: str, columns: tuple[str, ...], problems: list) -> None:
    """Refuse the first of ``columns`` that ``what`` gives: it cannot mean anything there."""
    given = [c for c in columns if values[c] is not None]
    if given:
        problems.append((given[0], f"{what} cannot hold {given[0]}: leave it blank"))


def _parse_source(values: dict[str, str | None], row: FlatRow, problems: list) -> None:
    """A source row: the source's name, kind, other spellings and details, and who made it.

    Nothing else: the claim, article and appearance columns are blank.
    """
    others = [c for c in FIELDS if c not in SOURCE_FIELDS and c != "created_by"]
    _only(values, "a source row", tuple(others), problems)
    name = " ".join(values["source"].split())
    if not fold_name(name):
        problems.append(("source", f"the source name {name!r} has no letters or digits"))
    elif name.startswith("#") and name[1:].isdigit():
        problems.append(("source", f"{name!r} is a reference (#ID), not a source's name"))
    row.source = name
    if values["source_kind"] is not None:
        row.source_kind = _attempt(problems, "source_kind", check_kind, values["source_kind"])
    if values["source_aliases"] is not None:
        row.source_aliases = (
            _attempt(problems, "source_aliases", parse_aliases, values["source_aliases"]) or []
        )
    # As stored: `source add` checks the code's shape, but a database from before it did
    # may hold "Hungary", and an export must come back as it was.
    row.source_country = values["source_country"]
    row.source_url = _attempt(problems, "source_url", check_source_url, values["source_url"])
    row.source_notes = values["source_notes"]
    row.created_by = values["created_by"]


_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(value: Any) -> str | None:
    """What is wrong with a JSON value holding half of a character, or None.

    JSON may escape a character outside the Basic Multilingual Plane as two halves
    (``\\ud83d\\ude00``); one half alone (``\\ud800``) decodes to no character, which no
    database can store and no text can be written with.
    """
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            if (found := _SURROGATE.search(node)) is not None:
                return (
                    f"holds \\u{ord(found[0]):04x}, half of a character escaped in two (an "
                    "unpaired surrogate): fix the text where it was escaped"
                )
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def parse_aliases(value: str) -> list[str]:
    """``["Xinhua News Agency", "the official Xinhua news agency"]``: other spellings."""
    try:
        aliases = json.loads(value)
    except ValueError:
        aliases = None
    except RecursionError:
        raise InvalidInput(f"the JSON is {_TOO_DEEP}") from None
    if "\\u" in value and (lone := lone_surrogate(aliases)) is not None:
        raise InvalidInput(lone)
    if not isinstance(aliases, list) or not all(
        isinstance(alias, str) and fold_name(alias) for alias in aliases
    ):
        raise InvalidInput(
            "expected a JSON list of the source's other spellings, each with letters or "
            'digits, e.g. ["Xinhua News Agency", "the official Xinhua news agency"]'
        )
    return [" ".join(alias.split()) for alias in aliases]


def parse_cuts(value: str) -> list[tuple[int, int, str]]:
    """``[[start, end, reason], ...]``: what was cut from the text as received, and why.

    Whether the spans fit the text is checked where the text is at hand (``apply_cuts``).
    """
    try:
        cuts = json.loads(value)
    except ValueError:
        cuts = None
    except RecursionError:
        raise InvalidInput(f"the JSON is {_TOO_DEEP}") from None
    if "\\u" in value and (lone := lone_surrogate(cuts)) is not None:
        raise InvalidInput(lone)
    if not isinstance(cuts, list) or not all(_is_cut(cut) for cut in cuts):
        raise InvalidInput(
            "expected a JSON list of [start, end, reason] cuts in the text as received, "
            'e.g. [[0, 31, "advertisement"]], or [] when nothing was cut'
        )
    return [(start, end, reason) for start, end, reason in cuts]


_FLAGS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def parse_flag(value: str | None) -> bool:
    """A yes-or-no column: true/false (JSON Lines' own, or text), yes/no, 1/0; blank is no."""
    if value is None:
        return False
    try:
        return _FLAGS[value.lower()]
    except KeyError:
        raise InvalidInput(
            f"{value!r} is neither true nor false: give true/false, yes/no or 1/0"
        ) from None


def _is_cut(cut: Any) -> bool:
    return (
        isinstance(cut, list)
        and len(cut) == 3
        and all(type(n) is int and n >= 0 for n in cut[:2])
        and isinstance(cut[2], str)
        and bool(cut[2].strip())
    )


# Which stored column each row value lands in, for the length and NUL checks.
_STORED = {
    "claims": {
        "text": "claim",
        "verdict": "claim_verdict",
        "notes": "claim_notes",
        "created_by": "created_by",
    },
    "articles": {
        "origin_cue": "article_origin_cue",
        "url": "article_url",
        "title": "article_title",
        "language": "article_language",
        "text": "article_text",
        "created_by": "created_by",
    },
    "appearances": {"accepted_by": "accepted_by", "created_by": "created_by"},
    "sources": {
        "name": "article_publisher",
        "country": "source_country",
        "url": "source_url",
        "notes": "source_notes",
    },
}


def _check_lengths(row: FlatRow, problems: list) -> None:
    """The model's own string checks, so a row too long for PostgreSQL fails on SQLite too.

    Most values are short and clean: only one that is too long or holds a NUL goes
    through ``check_strings``, for its message.
    """
    limits = _limits()
    for attr, table, column, length in limits.values:
        value = getattr(row, attr)
        if value is not None and (len(value) > length or "\x00" in value):
            _check_one(problems, attr, table, column, value)
    for table, column, length, attr in (
        ("sources", "name", limits.name, "name"),
        ("chain_hops", "cue", limits.cue, "cue"),
    ):
        for hop in row.chain:
            value = getattr(hop, attr)
            if value is not None and (len(value) > length or "\x00" in value):
                _check_one(problems, "chain", table, column, value)
    if row.source is not None:
        for attr, value in (
            ("source", row.source),
            *(("source_aliases", alias) for alias in row.source_aliases),
        ):
            if len(value) > limits.name or "\x00" in value:
                _check_one(problems, attr, "sources", "name", value)


def _check_one(problems: list, attr: str, table: str, column: str, value: str) -> None:
    from claims.models import Base

    try:
        check_strings(Base.metadata.tables[table], {column: value})
    except InvalidInput as error:
        problems.append((attr, str(error)))


@dataclass(frozen=True)
class _Limits:
    values: list[tuple[str, str, str, float]]  # (row attribute, table, column, length)
    name: float
    cue: float


@functools.cache
def _limits() -> _Limits:
    from claims.models import Base

    tables = Base.metadata.tables

    def length(table: str, column: str) -> float:
        found = getattr(tables[table].columns[column].type, "length", None)
        return math.inf if found is None else found

    values = [
        (attr, table, column, length(table, column))
        for table, columns in _STORED.items()
        for column, attr in columns.items()
    ]
    values.append(("article_origin", "sources", "name", length("sources", "name")))
    return _Limits(values, length("sources", "name"), length("chain_hops", "cue"))
