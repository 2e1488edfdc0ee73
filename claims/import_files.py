"""Reading import files row by row, and writing the rows they reject.

Files are read as streams, one row at a time, so a file of millions of rows
costs no more memory than one of ten. Each row comes with its number as a
person finds it: the line in a CSV or JSON Lines file (the CSV header is line
1), the object's position in a ClaimReview file.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims.errors import InputFileError, InvalidInput
from claims.files import MAX_ARTICLE_BYTES
from claims.flatrows import FIELDS, check_columns

FORMATS = ("csv", "jsonl", "claimreview")
_SUFFIXES = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "claimreview",
    ".jsonld": "claimreview",
}


@dataclass
class RawRow:
    """One row as read: its number, its values, or why it could not be read."""

    number: int
    values: dict[str, Any]
    error: str | None = None
    parsed: Any = None  # the row already parsed (a FlatRow), when read back from a check
    key: str | None = None  # and its claim's key (``claim_key``)
    line: str | None = None  # the line it was parsed from, when ``values`` was not kept
    packed: bytes | None = None  # ``parsed`` as ``flatrows.pack_row`` packs it
    # For a row bringing an article, what the cleaning rules did to it, when already
    # tried: (whether they cut anything, whether any text is left).
    cleaning: tuple[bool, bool] | None = None

    def given(self) -> dict[str, Any]:
        """The values as the file gave them."""
        if not self.values and self.line is not None:
            return json.loads(self.line)
        return self.values


def detect_format(path: Path, fmt: str | None) -> str:
    if fmt:
        fmt = fmt.strip().lower()
        if fmt not in FORMATS:
            raise InvalidInput(f"Unknown import format {fmt!r}: use {', '.join(FORMATS)}.")
        return fmt
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise InvalidInput(
            f"Cannot tell the format of {path.name} from its suffix: name it .csv, .jsonl or "
            ".json (ClaimReview), or pass --format csv|jsonl|claimreview."
        )
    return found


def check_file(path: Path) -> None:
    if str(path) == "-":
        raise InputFileError(
            "claims import cannot read standard input: it reads a file, checked whole "
            "before anything is written; save the rows to a file first."
        )
    if not path.exists():
        raise InputFileError(f"No such file: {path}.")
    if path.is_dir():
        raise InputFileError(f"{path} is a folder, not a file to import.")
    try:
        with path.open("rb"):
            pass
    except OSError as error:
        raise InputFileError(f"Cannot read {path}: {error.strerror or error}.") from None


class _Counting(io.RawIOBase):
    """A binary stream that counts the bytes read through it, for the progress bar."""

    def __init__(self, raw):
        self.raw = raw
        self.position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self.raw.readinto(buffer)
        self.position += count or 0
        return count


@contextmanager
def open_rows(
    path: Path, fmt: str, *, encoding: str | None = None, prepare=None
) -> Iterator[tuple]:
    """``(rows, position)``: an iterator of ``RawRow`` and a callable giving bytes read so far.

    ``prepare``, for JSON Lines, turns the ``(number, line)`` pairs into rows instead
    (``import_workers.prepared_rows``).
    """
    with path.open("rb") as raw:
        counting = _Counting(raw)
        if fmt == "claimreview":
            from claims.import_claimreview import read_claimreview

            yield _decoding(read_claimreview(counting, path.name), path), lambda: counting.position
            return
        codec = encoding or "utf-8-sig"
        try:
            codecs.lookup(codec)
        except LookupError:
            raise InputFileError(f"Unknown encoding {encoding!r}.") from None
        text = io.TextIOWrapper(
            io.BufferedReader(counting, 1 << 16), encoding=codec, errors="strict", newline=""
        )
        if fmt == "csv":
            rows = _csv_rows(text, path)
        elif prepare is not None:
            rows = prepare(jsonl_lines(text))
        else:
            rows = _jsonl_rows(text)
        yield _decoding(rows, path, encoding), lambda: counting.position


def _decoding(rows: Iterator[RawRow], path: Path, encoding: str | None = None):
    """Turn a decoding error mid-file into one sentence naming the file and what to do."""
    number = 0
    try:
        for row in rows:
            number = row.number
            yield row
    except UnicodeDecodeError as error:
        codec = encoding or "UTF-8"
        raise InputFileError(
            f"{path} is not valid {codec} (after row {number}, byte {error.start} of a block): "
            "save it as UTF-8, or name its encoding with --encoding."
        ) from None
    except csv.Error as error:
        raise InputFileError(f"{path} is not readable CSV after row {number}: {error}.") from None


def _csv_rows(text, path: Path) -> Iterator[RawRow]:
    # A cell may hold a whole article: allow as much as one article file may hold.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_BYTES))
    reader = csv.reader(text)
    try:
        header = next(reader)
    except StopIteration:
        raise InputFileError(f"{path} is empty: it needs a header row and rows.") from None
    header = [name.strip() for name in header]
    check_columns(header, where=f"{path.name} header")
    width = len(header)
    # Rows are numbered as a spreadsheet shows them (the header is row 1), not by
    # physical line: a cell holding an article spans many lines.
    for number, record in enumerate(reader, start=2):
        if not any(value.strip() for value in record):
            continue
        if len(record) != width:
            yield RawRow(
                number,
                dict(zip(header, record, strict=False)),
                f"{len(record)} values for {width} columns (a stray comma or quote?)",
            )
            continue
        yield RawRow(number, dict(zip(header, record, strict=True)))


def _jsonl_rows(text) -> Iterator[RawRow]:
    for number, line in jsonl_lines(text):
        yield jsonl_row(number, line)


def jsonl_lines(text) -> Iterator[tuple[int, str]]:
    """The lines of a JSON Lines file that hold something, with their numbers."""
    for number, line in enumerate(text, start=1):
        if line.strip():
            yield number, line


def jsonl_row(number: int, line: str) -> RawRow:
    try:
        values = json.loads(line)
    except json.JSONDecodeError as error:
        return RawRow(number, {}, f"not a JSON object: {error.msg} (column {error.colno})")
    if not isinstance(values, dict):
        return RawRow(number, {}, f"not a JSON object but a {type(values).__name__}")
    return RawRow(number, values)


class RejectsWriter:
    """The rows ``--skip-bad`` left out, as CSV beside the input, with the reason for each.

    The file is created on the first reject only, so a clean import leaves none behind.
    """

    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self._file = None
        self._writer = None

    def write(self, row: RawRow, reason: str) -> None:
        if self._writer is None:
            self._file = self.path.open("w", encoding="utf-8", newline="")
            self._writer = csv.writer(self._file)
            self._writer.writerow(["row", *FIELDS, "reason"])
        given = row.given()
        values = [_cell(given.get(name)) for name in FIELDS]
        self._writer.writerow([row.number, *values, reason])
        self.count += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
