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
import os
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims.errors import InputFileError, InvalidInput
from claims.files import MAX_ARTICLE_BYTES, not_wide
from claims.flatrows import FIELDS, check_columns, json_kind, lone_surrogate

FORMATS = ("csv", "jsonl", "claimreview")

# A row holds one article at most (20 MB as UTF-8) and a few short values; written out in
# JSON, escapes and all, that takes up to three times as many characters. A line (JSON
# Lines) or a record (CSV) longer than this is no row: it is read on to its end without
# being kept, and is a row problem of its own, so that a file without line breaks, or a
# quote left open, cannot fill the memory. Counted in characters, each at least one byte.
MAX_ROW_CHARS = 3 * MAX_ARTICLE_BYTES + 4 * 1024 * 1024
MAX_ROW_MB = MAX_ROW_CHARS // (1024 * 1024)  # 64
# Of a line or record past the limit, what the rejects file keeps (``raw``) to find it by.
HEAD_KEPT = 1000
_PIECE = 1 << 20  # how much of such a line is read at once
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

    @property
    def raw(self) -> str:
        """What the file held that ``values`` does not: the whole line or object of a row
        that could not be read into columns, the values past the last column of a CSV row
        with too many. Empty otherwise."""
        return getattr(self.error, "raw", "")


class RowError(str):
    """Why a row could not be read, carrying what was read (``raw``).

    The text travels with the reason because the reason is all that comes back from a
    worker process that read the row (``import_workers``): a rejects file must hold the
    row as given, whichever process read it, for the person to fix it there.
    """

    raw: str

    def __new__(cls, reason: str, raw: str = "") -> RowError:
        error = super().__new__(cls, reason)
        error.raw = raw
        return error


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
    if not path.is_file():
        # A device or a pipe: read twice (checked, then written) it would give other rows,
        # or none, and /dev/zero never ends.
        raise InputFileError(
            f"{path} is not a regular file (a device or a pipe): claims import reads a file, "
            "checked whole before anything is written; save the rows to a file first."
        )
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
            found = codecs.lookup(codec)
        except LookupError:
            raise InputFileError(
                f"Unknown encoding {encoding!r}: give a Python codec name, such as cp1252 "
                "(Windows, Western Europe), latin-1 or utf-16."
            ) from None
        if not getattr(found, "_is_text_encoding", True):
            # rot13, base64: codecs, but from text to text or bytes to bytes (as io checks)
            raise InputFileError(
                f"{encoding!r} is not a text encoding: give one such as cp1252 (Windows, "
                "Western Europe), latin-1 or utf-16."
            )
        with path.open("rb") as start:
            wrong = not_wide(start.read(1 << 20), encoding or "utf-8", path.name)
        if wrong is not None:
            raise InputFileError(wrong)
        if found.name == "utf-8":
            # Spreadsheets save UTF-8 with a byte-order mark: it is no part of the first
            # column's name, however UTF-8 is spelt (utf8, UTF-8, u8).
            codec = "utf-8-sig"
        text = io.TextIOWrapper(
            io.BufferedReader(counting, 1 << 16), encoding=codec, errors="strict", newline=""
        )
        if fmt == "csv":
            rows = _csv_rows(text, path)
        elif prepare is not None:
            rows = prepare(jsonl_lines(text))
        else:
            rows = _jsonl_rows(text)
        decoded = _decoding(rows, path, encoding)
        try:
            yield decoded, lambda: counting.position
        finally:
            # Stopped early (Ctrl-C, a refused file): end the readers now, not when they
            # are collected. The checking workers they started hold a copy of the writing
            # process's input; until they end, that process waits for more.
            decoded.close()
            rows.close()


def _decoding(rows: Iterator[RawRow], path: Path, encoding: str | None = None):
    """Turn a decoding error mid-file into one sentence naming the file and what to do."""
    number = 0
    try:
        for row in rows:
            number = row.number
            yield row
    except UnicodeError:  # a decoding error, or no byte-order mark where one must open
        raise InputFileError(undecodable(path, encoding)) from None
    except csv.Error as error:
        raise InputFileError(f"{path} is not readable CSV after row {number}: {error}.") from None


def undecodable(path: Path, encoding: str | None) -> str:
    """Where ``path`` stops being text in ``encoding`` (default UTF-8), and what to do.

    Decoding runs ahead of the rows in blocks, so the error itself knows neither the
    line nor where its block began: the file is read again, up to the first bad byte.
    """
    codec = encoding or "utf-8"
    name = "UTF-8" if codecs.lookup(codec).name in ("utf-8", "utf-8-sig") else encoding
    if name == "UTF-8":
        with path.open("rb") as file:
            start = file.read(4)
        # A byte-order mark says the encoding outright (spreadsheets save "Unicode text" so).
        for mark, real in (
            (codecs.BOM_UTF32_LE, "utf-32"),
            (codecs.BOM_UTF32_BE, "utf-32"),
            (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"),
        ):
            if start.startswith(mark):
                return (
                    f"{path.name} is {real.upper()} text (it opens with a byte-order mark), "
                    f"not UTF-8: import it with --encoding {real}, or save it as UTF-8."
                )
    decoder = codecs.getincrementaldecoder("utf-8" if name == "UTF-8" else codec)("strict")
    offset, line, window = 0, 1, b""
    with path.open("rb") as file:
        while block := file.read(1 << 20):
            pending = decoder.getstate()[0]
            try:
                decoder.decode(block)
            except UnicodeDecodeError as error:
                start = max(error.start - len(pending), 0)
                offset += start
                line += block.count(b"\n", 0, start)
                window = block[block.rfind(b"\n", 0, start) + 1 :]
                window = window[: window.find(b"\n")] if b"\n" in window else window
                break
            except UnicodeError as error:  # UTF-16 or UTF-32 with no byte-order mark
                family = codecs.lookup(codec).name  # "utf16" is utf-16
                return (
                    f"{path.name} is not {name} text ({error}): name its byte order "
                    f"(--encoding {family}-le or {family}-be), or save it as UTF-8."
                )
            offset += len(block)
            line += block.count(b"\n")
        else:
            return f"{path.name} is not valid {name}: save it as UTF-8."
    where = f"{path.name} is not valid {name} at line {line} (byte {offset} of the file)"
    if name == "UTF-8":
        try:
            window.decode("cp1252")
        except UnicodeDecodeError:
            return f"{where}: name its encoding with --encoding (latin-1?), or save it as UTF-8."
        return (
            f"{where}: it may be Windows-1252; import it with --encoding cp1252 (check that "
            "the accents come out right), or save it as UTF-8."
        )
    return f"{where}: name its real encoding with --encoding, or save it as UTF-8."


def _csv_rows(text, path: Path) -> Iterator[RawRow]:
    # A cell may hold a whole row; a record past that never reaches the reader (_CsvLines).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ROW_CHARS))
    source = _CsvLines(text)
    reader = csv.reader(source)
    # An empty file holds no rows, as an empty JSON Lines file does: nothing to import.
    try:
        header = next(reader, None)
    except _Overlong:
        raise InputFileError(
            f"{path.name}: its header (row 1) is longer than {MAX_ROW_MB} MB, so it is no "
            "CSV header: check that the file is CSV, one row per line."
        ) from None
    if header is None:
        return
    source.take()
    header = [name.strip() for name in header]
    try:
        check_columns(header, where=f"{path.name} header")
    except InvalidInput as error:
        raise InvalidInput(f"{_separator_hint(path, header)}{error}") from None
    width = len(header)
    # Rows are numbered as a spreadsheet shows them (the header is row 1), not by
    # physical line: a cell holding an article spans many lines.
    for number, record in enumerate(_records(reader), start=2):
        if isinstance(record, _Overlong):
            reason = (
                f"the row is longer than {MAX_ROW_MB} MB, more than any row holds (an article "
                "is 20 MB at most): it was not read (a quote left open takes in the rows "
                "after it; give each article a row of its own)"
            )
            yield RawRow(number, {}, RowError(reason, record.head))
            continue
        lines = source.take()
        if not any(value.strip() for value in record):
            continue
        if len(record) != width:
            reason = f"{len(record)} values for {width} columns (a stray comma or quote?)"
            values = dict(zip(header, record, strict=False))
            yield RawRow(number, values, RowError(reason, _csv_line(record[width:])))
            continue
        if not _well_quoted(lines):
            reason = (
                'a quoted value holds a " that is not doubled, so its text would be read '
                'otherwise than written: write each " inside quotes as "" (a stray quote?)'
            )
            values = dict(zip(header, record, strict=True))
            yield RawRow(number, values, RowError(reason, "".join(lines).rstrip("\r\n")))
            continue
        yield RawRow(number, dict(zip(header, record, strict=True)))


class _Overlong(Exception):
    """A line or record past ``MAX_ROW_CHARS``, read to its end: its start, to find it by."""

    def __init__(self, head: str):
        super().__init__(head)
        self.head = head


class _CsvLines:
    """The lines of a CSV file for the csv reader, each kept (``take``) until its record
    is read, for the checks that need the record as written.

    A record that grows past ``MAX_ROW_CHARS`` is not handed on: the rest of it is read
    a piece at a time, kept nowhere, to the line break that ends it outside quotes, and
    ``_Overlong`` is raised in the reader. The reader starts its next record afresh, at
    the line after, so the rows after it are read as ever.
    """

    def __init__(self, text):
        self._read = text.readline
        self._taken: list[str] = []
        self._size = 0
        # The line before ended in "\r", read a piece at a time: a "\n" after it is its own.
        self._glued = False

    def __iter__(self):
        return self

    def take(self) -> list[str]:
        """The lines of the record just read; the next record starts empty."""
        taken, self._taken, self._size = self._taken, [], 0
        return taken

    def __next__(self) -> str:
        line = self._read(MAX_ROW_CHARS + 1 - self._size)
        if self._glued:
            self._glued = False
            if line == "\n":
                line = self._read(MAX_ROW_CHARS + 1 - self._size)
        if not line:
            raise StopIteration
        self._size += len(line)
        if self._size > MAX_ROW_CHARS:
            raise self._skip(line)
        self._taken.append(line)
        return line

    def _skip(self, line: str) -> _Overlong:
        """Read the overlong record on to its end, keeping its start only."""
        head, state = "", _FIELD
        for part in [*self.take(), line]:
            head += part[: HEAD_KEPT - len(head)]
            state = _csv_state(state, part)
        head += "…"
        while state == _QUOTED or not line.endswith(("\n", "\r")):
            line = self._read(_PIECE)
            if not line:
                break
            state = _csv_state(state, line)
        self._glued = line.endswith("\r")
        return _Overlong(head)


# Where the csv reader stands (default dialect, not strict), as far as it tells where a
# record ends: at a line break, unless inside a quoted value.
_FIELD, _UNQUOTED, _QUOTED, _QUOTE_IN_QUOTED = range(4)
_STRUCTURE = re.compile(r'[",\r\n]')


def _csv_state(state: int, text: str) -> int:
    """The state after ``text`` of a record, from ``state``; C's string search does the
    reading, so a long value costs a few steps, not one per character."""
    at, end = 0, len(text)
    while at < end:
        if state == _QUOTED:
            found = text.find('"', at)
            if found < 0:
                return state
            state, at = _QUOTE_IN_QUOTED, found + 1
        elif state == _QUOTE_IN_QUOTED:
            char = text[at]
            state = _QUOTED if char == '"' else _FIELD if char in ",\r\n" else _UNQUOTED
            at += 1
        else:
            match = _STRUCTURE.search(text, at)
            if match is None:
                return _UNQUOTED
            found = match.start()
            if found > at:
                state = _UNQUOTED  # text before it: a quote there is text too
            if text[found] == '"':
                state = _QUOTED if state == _FIELD else _UNQUOTED
            else:
                state = _FIELD
            at = found + 1
    return state


def _well_quoted(lines: list[str]) -> bool:
    """Whether a record's lines are quoted as CSV quotes them.

    A lenient reader (as spreadsheets are) reads ``"first, "broken" quote"`` as the text
    ``first, broken" quote"``: a quote that ends a value early, followed by more text, is
    taken as text. The strict reader refuses it, so the row is not stored changed.
    """
    if not any('"' in line for line in lines):
        return True
    try:
        next(csv.reader(lines, strict=True), None)
    except csv.Error:
        return False
    return True


def _records(reader) -> Iterator[list[str] | _Overlong]:
    """The reader's records, and in its place a record too long to be one (``_Overlong``)."""
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except _Overlong as overlong:
            yield overlong
            continue
        yield record


def _separator_hint(path: Path, header: list[str]) -> str:
    """A header read as one column because the file is not comma-separated says so first."""
    for separator, name in ((";", "semicolons"), ("\t", "tabs")):
        if any(separator in cell for cell in header):
            return (
                f"{path.name} looks separated by {name}, not commas: claims import reads "
                "comma-separated CSV; save it with commas as separators (or as JSON Lines). "
            )
    return ""


def _csv_line(values: list[str]) -> str:
    if not values:
        return ""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(values)
    return out.getvalue()


def _jsonl_rows(text) -> Iterator[RawRow]:
    for number, line in jsonl_lines(text):
        yield jsonl_row(number, line)


def jsonl_lines(text) -> Iterator[tuple[int, str]]:
    """The lines of a JSON Lines file that hold something, with their numbers.

    A line past ``MAX_ROW_CHARS`` is read on to its end a piece at a time, kept nowhere,
    and comes as the ``RowError`` that refuses it in its place (``jsonl_row``), so that
    the checking workers treat it as the importer does.
    """
    read = text.readline
    number = 0
    glued = False  # the line before ended in "\r", read a piece at a time
    while line := read(MAX_ROW_CHARS + 1):
        if glued:
            glued = False
            if line == "\n":
                continue
        number += 1
        if len(line) > MAX_ROW_CHARS:
            head = line[:HEAD_KEPT] + "…"
            while not line.endswith(("\n", "\r")) and (piece := read(_PIECE)):
                line = piece
            glued = line.endswith("\r")
            yield number, RowError(_TOO_LONG_LINE, head)
        elif line.strip():
            yield number, line


_TOO_LONG_LINE = (
    f"the line is longer than {MAX_ROW_MB} MB, more than any row holds (an article is 20 MB "
    "at most): it was not read; give each row a line of its own"
)


# A flat row's values are text, or a list (of aliases, of cuts): three levels at most.
# Far deeper is no row, and would exhaust Python's stack wherever its values are walked:
# parsed, checked, sent back from a worker process, written to the rejects file.
MAX_NESTING = 100
TOO_DEEP = f"nested more than {MAX_NESTING} levels deep"


def jsonl_row(number: int, line: str) -> RawRow:
    if isinstance(line, RowError):  # a line too long to read (``jsonl_lines``)
        return RawRow(number, {}, line)
    try:
        values = json.loads(line)
    except json.JSONDecodeError as error:
        reason = f"not a JSON object: {error.msg} (column {error.colno})"
        return RawRow(number, {}, RowError(reason, line.rstrip("\r\n")))
    except RecursionError:
        return RawRow(number, {}, RowError(_too_deep_row(), line.rstrip("\r\n")))
    if not isinstance(values, dict):
        reason = f"not a JSON object but {json_kind(values)}"
        return RawRow(number, {}, RowError(reason, line.rstrip("\r\n")))
    if "\\u" in line and (lone := lone_surrogate(values)) is not None:
        return RawRow(number, {}, RowError(lone, line.rstrip("\r\n")))
    if line.count('":') != len(values) and (twice := _given_twice(line)):
        # JSON takes the last of two equal keys without a word; a CSV column given twice is
        # refused, and so is this (the quick count rules most rows out)
        reason = f"column(s) {', '.join(map(repr, twice))} given twice: give each once"
        return RawRow(number, {}, RowError(reason, line.rstrip("\r\n")))
    for value in values.values():
        # Only a list or an object nests: a row of text alone, most rows, is not walked.
        if (value.__class__ is list or value.__class__ is dict) and nested_deeper(
            value, MAX_NESTING - 1
        ):
            return RawRow(number, {}, RowError(_too_deep_row(), line.rstrip("\r\n")))
    return RawRow(number, values)


def _given_twice(line: str) -> list[str]:
    """The row's keys that occur more than once in its object (the hook sees inner objects
    first, the row's own last)."""
    found: list[list[str]] = []

    def pairs(items):
        seen: set[str] = set()
        twice = []
        for key, _ in items:
            if key in seen and key not in twice:
                twice.append(key)
            seen.add(key)
        found.append(twice)
        return dict(items)

    json.loads(line, object_pairs_hook=pairs)
    return found[-1] if found else []


def _too_deep_row() -> str:
    return f"its JSON is {TOO_DEEP}: a column holds text, or a list (source_aliases, article_cuts)"


def nested_deeper(value: Any, limit: int) -> bool:
    """Whether lists and objects nest in ``value`` more than ``limit`` levels deep.

    A stack, not recursion: the depth is the file's.
    """
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def rejects_path(path: Path) -> Path:
    """Where ``--skip-bad`` sets aside the bad rows of ``path``: beside it."""
    if not path.name:  # "", ".", "/", "..": pathlib gives them no name
        if str(path) != ".":
            raise InputFileError(f"{path} is a folder, not a file to import.")
        raise InputFileError(
            "The file name is empty, or is the folder '.': give a CSV, JSON Lines or JSON file."
        )
    return path.with_name(path.name + ".rejects.csv")


REJECTS_COLUMNS = ("row", *FIELDS, "reason", "raw")


class RejectsWriter:
    """The rows ``--skip-bad`` left out, as CSV beside the input, with the reason for each.

    They are written to a temporary file in the same folder, created before anything is
    read or written to the database, so a place that cannot be written stops the import
    at once rather than after its rows are stored. The check ends with ``finish``, before
    anything is written, which puts that file in place of an old rejects file, or, when
    nothing was set aside, removes the old one (``removed``): a rejects file left from an
    earlier run would be taken for this one's. A run that stops while checking (a refused
    file, an error, Ctrl-C) ends with ``discard``, and an old rejects file stays as it was.
    """

    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self.removed = False
        # Beside the rejects file, so that it takes that file's place in one step.
        self._temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.part")
        try:
            if path.is_dir():
                raise IsADirectoryError(21, os.strerror(21))
            if path.exists() and not os.access(path, os.W_OK):
                raise PermissionError(13, os.strerror(13))
            self._file = self._temporary.open("x", encoding="utf-8", newline="")
        except OSError as error:
            raise InputFileError(
                f"Cannot write the rejects file {path}: {error.strerror or error}. "
                "--skip-bad sets the bad rows aside there: move it out of the way or "
                "make the folder writable."
            ) from None
        self._writer = csv.writer(self._file)
        self._writer.writerow(REJECTS_COLUMNS)

    def write(self, row: RawRow, reason: str) -> None:
        if row.error is not None:
            # The reason as read: not prefixed with an empty column name.
            reason = row.error
        given = row.given()
        values = [_cell(given.get(name)) for name in FIELDS]
        # A JSON Lines row's keys that are no column ("claim_verdit") go in raw, so the
        # value can be moved to its column when the row is fixed.
        unknown = {key: value for key, value in given.items() if key not in FIELDS}
        raw = row.raw or (json.dumps(unknown, ensure_ascii=False) if unknown else "")
        self._writer.writerow([row.number, *values, in_file_terms(reason), raw])
        self.count += 1

    def finish(self) -> None:
        """The file is checked: its rejects replace an old file, or none removes it."""
        if self._file.closed:
            return
        self._file.close()
        if not self.count:
            self._temporary.unlink(missing_ok=True)
            if self.path.is_file():
                self.path.unlink()
                self.removed = True
            return
        try:
            os.replace(self._temporary, self.path)
        except OSError as error:
            self._temporary.unlink(missing_ok=True)
            raise InputFileError(
                f"Cannot write the rejects file {self.path}: {error.strerror or error}. "
                "Nothing was imported: move it out of the way or make the folder writable, "
                "then import again."
            ) from None

    def discard(self) -> None:
        """The import stopped: this run's rejects go, an old rejects file stays."""
        if self._file.closed:
            return
        self._file.close()
        self._temporary.unlink(missing_ok=True)


def in_file_terms(reason: str) -> str:
    """A reason worded for the command line (``--occurrence``), said of the file's column."""
    return _OCCURRENCE_FLAG.sub(r"the occurrence column (\1 to \2)", reason)


_OCCURRENCE_FLAG = re.compile(r"--occurrence (\d+) to (\d+)")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
