"""What an import carries from row to row and from the checking pass to the writing pass.

The summary it reports, the references a plan resolves rows to, and what checking
learnt for writing: each good row's anchor, and the rows themselves, parsed, in the
spill file.
"""

from __future__ import annotations

import sqlite3
from array import array
from bisect import bisect_left, bisect_right
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
    sources_present: int = 0  # stored sources a source row names (completed or not)
    sources_updated: int = 0  # stored sources a source row completed (kind, aliases ...)
    origins_dropped: int = 0  # new articles whose origin was their publisher: none stored
    rejects_file: str | None = None
    rejects_removed: str | None = None  # an old rejects file this run had nothing to put in

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
    ours: bool = False  # created (or, checking, to be created) by this import from the file


class IdRanges:
    """Ids, kept as sorted runs: those an import took for the rows it creates.

    A batch takes its ids in one or two runs, so a million rows cost a few hundred runs.
    """

    def __init__(self):
        self._runs: list[tuple[int, int]] = []  # (first, end exclusive), sorted, apart

    def add(self, ids: list[int]) -> None:
        for first, end in _runs(ids):
            at = bisect_right(self._runs, (first, end))
            # Joined with the runs it touches: mostly the one before, counted on from.
            while at and self._runs[at - 1][1] >= first:
                at -= 1
                first, end = min(first, self._runs[at][0]), max(end, self._runs[at][1])
                del self._runs[at]
            while at < len(self._runs) and self._runs[at][0] <= end:
                end = max(end, self._runs[at][1])
                del self._runs[at]
            self._runs.insert(at, (first, end))

    def discard(self, ids: list[int]) -> None:
        for first, end in _runs(ids):
            kept = []
            for a, b in self._runs:
                if b <= first or a >= end:
                    kept.append((a, b))
                    continue
                if a < first:
                    kept.append((a, first))
                if b > end:
                    kept.append((end, b))
            self._runs = kept

    def __contains__(self, value: int) -> bool:
        at = bisect_right(self._runs, (value, float("inf"))) - 1
        return at >= 0 and value < self._runs[at][1]


def _runs(ids: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for value in sorted(ids):
        if runs and runs[-1][1] == value:
            runs[-1] = (runs[-1][0], value + 1)
        else:
            runs.append((value, value + 1))
    return runs


@dataclass
class Tally:
    """What the writing pass took and counted, kept when a batch is planned anew.

    A plan that plans a batch again forgets what it had learnt of the database, but
    not which ids this import took (the claims and articles it finds with them are its
    own, not "present") nor which records it has counted as present already. What the
    batches planned anew took and counted is taken back (``drop``): on SQLite another
    writer may have stored rows with those very ids meanwhile.
    """

    taken: dict[str, IdRanges] = field(default_factory=dict)
    present: dict[str, set[int]] = field(default_factory=dict)  # ids counted, per table
    # By the batch being planned: ids taken, records counted as present.
    batch: list[tuple[str, str, list[int]]] = field(default_factory=list)

    def ours(self, table: str, record_id: int) -> bool:
        ranges = self.taken.get(table)
        return ranges is not None and record_id in ranges

    def count_present(self, table: str, record_id: int) -> bool:
        """Whether a record found stored is to be counted as present now (once, not ours)."""
        counted = self.present.setdefault(table, set())
        if record_id in counted or self.ours(table, record_id):
            return False
        counted.add(record_id)
        self.batch.append(("present", table, [record_id]))
        return True

    def took(self, table: str, ids: list[int]) -> None:
        self.taken.setdefault(table, IdRanges()).add(ids)
        self.batch.append(("took", table, ids))

    def take_batch(self) -> list[tuple[str, str, list[int]]]:
        """What the batch just planned took and counted (to take back if it is redone)."""
        batch, self.batch = self.batch, []
        return batch

    def drop(self, batch: list[tuple[str, str, list[int]]]) -> None:
        for what, table, ids in batch:
            if what == "took":
                self.taken[table].discard(ids)
            else:
                self.present[table].difference_update(ids)


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
        self.fresh = bytearray()  # whether it was found in a text the file brings
        self.cursor = 0
        self.quotes: dict[str, list[str]] = {}
        self.uncut: set[str] = set()  # new articles the cleaning rules leave whole

    def keep(self, number: int, start: int, end: int, quoted: bool, fresh: bool) -> None:
        self.rows.append(number)
        self.spans.extend((start, end))
        self.quoted.append(quoted)
        self.fresh.append(fresh)

    def rewind(self, number: int) -> None:
        """Make the spans of rows from ``number`` on available again (a batch planned
        anew)."""
        self.cursor = bisect_left(self.rows, number)

    def take(self, number: int, fresh: bool) -> tuple[int, int, bool] | None:
        """Row ``number``'s span and whether it is quoted, if it was found in the same
        text: in the file's text if ``fresh`` (the writing pass creates the article),
        else in the stored one. An article stored or removed by another program between
        the passes may hold another text (cleaned otherwise): there it is searched anew.
        """
        while self.cursor < len(self.rows) and self.rows[self.cursor] < number:
            self.cursor += 1
        at = self.cursor
        if at < len(self.rows) and self.rows[at] == number and self.fresh[at] == fresh:
            return self.spans[2 * at], self.spans[2 * at + 1], bool(self.quoted[at])
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
