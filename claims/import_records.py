"""What an import carries from row to row and from the checking pass to the writing pass.

The summary it reports, the references a plan resolves rows to, and what checking
learnt for writing: each good row's anchor, and the rows themselves, parsed, in the
spill file.
"""

from __future__ import annotations

import sqlite3
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from claims.chains import Hop
from claims.flatrows import FlatRow, unpack_row
from claims.import_files import RawRow

IN_CHUNK = 500  # keys per IN (...) list, well under every backend's parameter limit


@dataclass
class ImportSummary:
    """What an import did: created versus found already there, per kind of record."""

    file: str
    format: str
    rows: int = 0
    rejected: int = 0
    batches: int = 0
    claims_created: int = 0
    claims_present: int = 0
    articles_created: int = 0
    articles_present: int = 0
    appearances_created: int = 0
    appearances_present: int = 0
    sources_created: int = 0
    rejects_file: str | None = None

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if isinstance(v, int)}


@dataclass(frozen=True)
class SourceRef:
    id: int  # negative while only planned (the checking pass creates nothing)
    name: str


@dataclass
class ArticleRef:
    id: int | None
    publisher: SourceRef
    origin: SourceRef | None
    origin_cue: str | None
    values: dict | None = None  # the row to insert, while the article is new in this batch


@dataclass
class PlannedRow:
    raw: RawRow
    row: FlatRow
    key: str
    article: ArticleRef | None = None
    sha: str | None = None
    raw_text: str | None = None  # the inline article text as received, line endings unified
    anchor: object = None
    hops: list[Hop] = field(default_factory=list)


class Anchors:
    """What the checking pass learnt for the writing pass.

    Where it anchored each good row's quotation: the rows come back in the same
    order and the article texts cannot change, so the writing pass takes the
    span (and whether it is quoted) instead of searching again. Three integers
    and a byte per row, in flat arrays: a million rows cost 25 MB. And, for each
    new article the rules will clean, the quotations the file anchors in it,
    which cleaning must not cut; the new articles they leave whole are named,
    so they are not cleaned twice.
    """

    def __init__(self):
        self.rows = array("q")
        self.spans = array("q")
        self.quoted = bytearray()  # whether each span lies inside quotation marks
        self.cursor = 0
        self.quotes: dict[str, list[str]] = {}
        self.uncut: set[str] = set()  # new articles the cleaning rules leave whole

    def keep(self, number: int, start: int, end: int, quoted: bool) -> None:
        self.rows.append(number)
        self.spans.extend((start, end))
        self.quoted.append(quoted)

    def rewind(self, number: int) -> None:
        """Make the spans of rows from ``number`` on available again (a batch planned
        anew)."""
        self.cursor = bisect_left(self.rows, number)

    def take(self, number: int) -> tuple[int, int, bool] | None:
        while self.cursor < len(self.rows) and self.rows[self.cursor] < number:
            self.cursor += 1
        if self.cursor < len(self.rows) and self.rows[self.cursor] == number:
            at = 2 * self.cursor
            return self.spans[at], self.spans[at + 1], bool(self.quoted[self.cursor])
        return None


def checked_rows(spill) -> Iterator[RawRow]:
    """The rows the checking pass found good, parsed, in file order, from its spill file."""
    connection = sqlite3.connect(spill)
    try:
        rows = connection.execute("SELECT number, row, key FROM rows ORDER BY number")
        for number, data, key in rows:
            yield RawRow(number, {}, parsed=unpack_row(data), key=key)
    finally:
        connection.close()


def count_checked(spill) -> int:
    connection = sqlite3.connect(spill)
    try:
        return connection.execute("SELECT count(*) FROM rows").fetchone()[0]
    finally:
        connection.close()
