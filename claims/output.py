"""Rows to text and files: the one place that knows about table, CSV and JSON, and hands
Excel workbooks to ``claims.workbook``.

Reports hand over DataFrames; listing commands hand over lists of dicts and
must stay fast, so that path never imports pandas. Cells a spreadsheet would
run as a formula are neutralised, once, for the two formats people open in a
spreadsheet: in CSV here, with a leading ``'``; in Excel (``claims.workbook``)
by storing every text as text (a workbook types its cells), so the words stay
as they are. Table and JSON show values as stored, and so does the CSV of
``render(..., exact=True)`` and ``write_csv_stream``: data for tools (a query's
rows, an export), where a changed first character would be a changed value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from claims.errors import InputFileError, InvalidInput

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from matplotlib.figure import Figure

    Rows = pd.DataFrame | Sequence[Mapping[str, Any]]

FORMATS = ("table", "csv", "json")
PICTURE_FORMATS = ("png", "svg", "dot")
# The suffix a file of each format gets; a table is plain text.
SUFFIXES = {
    "table": ".txt",
    "csv": ".csv",
    "json": ".json",
    "jsonl": ".jsonl",
    "xlsx": ".xlsx",
    "png": ".png",
    "svg": ".svg",
    "dot": ".dot",
}
# OWASP "CSV Injection": a cell starting with one of these can run as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_BOM = "\ufeff"  # UTF-8's byte-order mark: Excel reads a CSV as UTF-8 only after it


def neutralise(value: Any) -> Any:
    """Prefix a string a spreadsheet would take for a formula with ``'``; leave the rest alone.

    Only strings: the number -5 is data, the text "-5+cmd" could be an attack.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def render(
    rows: Rows,
    fmt: str,
    *,
    columns: Sequence[str] | None = None,
    width: int | None = None,
    exact: bool = False,
) -> str:
    """``rows`` as a table, CSV or JSON text, without a final newline (callers echo it).

    ``columns`` names the columns of a list of dicts, so an empty list still
    gets a header; by default they are the keys of the rows, in order.
    ``width`` (a terminal's) lets a table wrap its text columns to fit.
    ``exact``: CSV for tools, every cell as given; else for spreadsheets, a cell
    that would run as a formula starting with ``'`` (``neutralise``).
    """
    names, records = _records(rows, columns)
    if fmt == "table":
        return _table(names, records, width)
    if fmt == "csv":
        buffer = io.StringIO()
        _csv(buffer, names, records, lineterminator="\n", exact=exact)
        return buffer.getvalue().removesuffix("\n")
    if fmt == "json":
        return _json(names, records)
    if fmt == "jsonl":
        return _jsonl(names, records)
    raise InvalidInput(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")


def write(
    rows: Rows,
    fmt: str,
    path: str | Path,
    *,
    columns: Sequence[str] | None = None,
    bom: bool = False,
) -> list[str]:
    """Write ``rows`` to ``path`` as UTF-8 CSV, JSON or table text, or as a one-sheet workbook.

    A file holds exactly the bytes the same rows print on stdout (``render`` and a
    final newline), so ``-o out.csv`` and ``> out.csv`` give the same file. CSV
    lines end in LF, not RFC 4180's CRLF: LF is what pandas, the Unix tools and
    every spreadsheet read, and a Windows console turns the LF of stdout into
    CRLF itself (it would turn a CRLF into CR CR LF). A quotation's line break
    stays inside its quoted field either way. ``bom`` starts a CSV file with a
    UTF-8 byte-order mark, which Excel needs to read UTF-8 (without it, "Orbán"
    opens as "OrbÃ¡n"); ``CSV_BOM`` is the same mark for stdout. Returns notes for
    the person (one line each), from a workbook.
    """
    path = writable(path)
    if fmt == "xlsx":
        import pandas as pd

        from claims.workbook import too_long, too_long_message, write_xlsx

        frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, columns=columns)
        if too_long(frame):  # one sheet: an empty workbook would be no answer
            raise InvalidInput(too_long_message("The result", len(frame)))
        return write_xlsx({path.stem: frame}, path)
    text = render(rows, fmt, columns=columns)
    if text:
        text += "\n"
    if bom and fmt == "csv":
        text = CSV_BOM + text
    try:
        with path.open("w", encoding="utf-8", newline="") as file:
            file.write(text)
    except OSError as error:
        raise InputFileError(cannot_write(path, error)) from None
    return []


# What each suffix says a file holds: a file whose suffix says one thing and whose
# --format says another would hold bytes its name's program cannot open.
SUFFIX_FORMATS = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "xlsx",
    ".png": "png",
    ".svg": "svg",
    ".dot": "dot",
    ".gv": "dot",
    ".pdf": "pdf",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".gif": "gif",
}


def check_suffix(fmt: str | None, path: str | Path | None) -> None:
    """Refuse a ``--format`` the ``-o`` file's suffix contradicts (``-f csv -o out.xlsx``).

    A suffix that names no format (``.txt``, ``.out``, none) takes any format.
    """
    if not fmt or path is None:
        return
    suffix = Path(path).suffix.lower()
    said = SUFFIX_FORMATS.get(suffix)
    asked = {"gv": "dot"}.get(fmt.strip().lower(), fmt.strip().lower())
    if said is not None and said != asked:
        raise InvalidInput(
            f"The file name {Path(path).name!r} ends in {suffix} but --format is {asked}: "
            f"the suffix and the format disagree: drop -f or change the suffix."
        )


# The formats a report, a table, is written in; a file with any other suffix of
# ``SUFFIX_FORMATS`` (a picture's) would hold text no viewer of its kind opens. JSON
# Lines, a record a line, is what analysts stream into pandas or jq.
REPORT_FORMATS = (*FORMATS, "jsonl", "xlsx")


def report_target(name: str, fmt: str | None, path: str | Path | None, *, bom: bool = False) -> str:
    """The format report ``name`` is written in, after checking it fits ``path``.

    The format asked for, else the one ``path``'s suffix names, else a table. Refused
    before any work: an unknown format, a picture's file name (``report graph`` draws
    pictures), a format the suffix contradicts, ``bom`` with another format than CSV,
    a workbook with nowhere to go, and a ``path`` that cannot be written.
    """
    chosen = (fmt or "").strip().lower() or format_for(path)
    if chosen not in REPORT_FORMATS:
        raise InvalidInput(
            f"Unknown report format {fmt!r}: use one of {', '.join(REPORT_FORMATS)}."
        )
    said = SUFFIX_FORMATS.get(Path(path).suffix.lower()) if path is not None else None
    if not fmt and said is not None and said not in REPORT_FORMATS:
        raise InvalidInput(
            f"{name} is a table, not a picture: write it to a .csv, .json, .jsonl or .xlsx file "
            "(or a text file); `claims report graph` draws pictures."
        )
    check_suffix(fmt, path)
    if bom and chosen != "csv":
        raise InvalidInput(f"--bom is for CSV only, and this report is {chosen}: drop --bom.")
    if chosen == "xlsx" and path is None:
        raise InvalidInput("An xlsx workbook needs a file: add -o report.xlsx.")
    if path is not None:
        writable(path, example=example_name(name if chosen != "xlsx" else "report", chosen))
    return chosen


def workbook_target(path: str | Path) -> Path:
    """``path`` for a workbook of every report, refused unless it is named ``.xlsx``.

    Without this, ``all.csv`` would silently hold a workbook that no CSV reader opens.
    A folder is named as one first, not as a bad suffix.
    """
    path = writable(path, example="report.xlsx")
    if path.suffix.lower() != ".xlsx":
        raise InvalidInput(
            f"`claims report all` writes an Excel workbook: name the file .xlsx, not "
            f"{path.name!r}; for CSV or JSON run one report, e.g. "
            "`claims report carriers -o carriers.csv`."
        )
    return path


def format_for(path: str | Path | None, default: str = "table") -> str:
    """The table format a file name asks for (``.xlsx``, ``.csv``, ``.json``, ``.jsonl``),
    else ``default``."""
    said = SUFFIX_FORMATS.get(Path(path).suffix.lower()) if path is not None else None
    return said if said in REPORT_FORMATS else default


def writable(path: str | Path, *, example: str | None = None) -> Path:
    """``path``, after checking a file can be written there, before any work is done.

    ``example`` is a file name to suggest when ``path`` is a folder; the caller
    knows the format, so the suggestion has the suffix that format needs.
    """
    if not str(path).strip() or not Path(path).name.strip():
        # Path("  ") is a file named two spaces: a slip, never a name anyone means.
        raise InputFileError("The output file name is empty: give a file name after -o.")
    path = Path(path)
    if path.is_dir():
        hint = f"a file name, e.g. {path / example}" if example else "the name of a file in it"
        raise InputFileError(f"{path} is a folder: give {hint}.")
    if not path.parent.is_dir():
        # ok.txt/x.csv: the "folder" is a file, and creating it, as one would a missing
        # folder, would fail; say which part of the path is a file.
        blocking = next((p for p in path.parents if p.exists()), None)
        if blocking is not None and not blocking.is_dir():
            raise InputFileError(
                f"{blocking} is a file, not a folder, so {path.name} cannot be written inside "
                "it: give a path in a folder."
            )
        raise InputFileError(f"The folder {path.parent} does not exist: create it first.")
    if path.exists() and not os.access(path, os.W_OK):
        raise InputFileError(f"Cannot write {path}: permission denied: choose another file.")
    return path


def example_name(stem: str, fmt: str) -> str:
    """A file name ``fmt`` would be written to, to show in a message: ``carriers.csv``."""
    return stem + SUFFIXES.get(fmt, "")


def cannot_write(path: str | Path, error: OSError) -> str:
    """The one line for a file the system refused (a read-only or missing place, a full disk).

    The checks in ``writable`` cannot foresee all of these (``/proc``, a dangling
    link, root-only places), so every writer catches the error and says this.
    """
    return f"Cannot write {path}: {error.strerror or error}: choose another file or folder."


def picture_target(fmt: str | None, path: str | Path) -> str:
    """The picture format for ``path``, after checking a picture can be written there.

    Checked before any drawing; a folder given for ``path`` gets a file name to
    suggest with the suffix of the format asked for (PNG when none is).
    """
    asked = (fmt or "").strip().lower()
    asked = {"gv": "dot"}.get(asked, asked)
    if asked in PICTURE_FORMATS:
        check_suffix(asked, path)
    writable(path, example=example_name("graph", asked if asked in PICTURE_FORMATS else "png"))
    return picture_format(fmt, path)


def picture_format(fmt: str | None, path: str | Path) -> str:
    """The picture format asked for, else the one the file name's suffix says."""
    chosen = (fmt or Path(path).suffix.lstrip(".")).strip().lower()
    chosen = {"gv": "dot"}.get(chosen, chosen)
    if chosen not in PICTURE_FORMATS:
        wanted = f"format {fmt!r}" if fmt else f"file name {Path(path).name!r}"
        raise InvalidInput(
            f"Unknown picture {wanted}: use --format png, svg or dot, or a file name "
            "ending in .png, .svg, .dot or .gv."
        )
    return chosen


def figure_bytes(figure: Figure, fmt: str) -> bytes:
    """A matplotlib figure as PNG or SVG bytes, rendered in memory (no display needed)."""
    return render_figure(figure, fmt)[0]


def render_figure(figure: Figure, fmt: str) -> tuple[bytes, set[str]]:
    """A figure's PNG or SVG bytes, and the characters no installed font could draw."""
    from claims.drawing import quiet_glyphs

    buffer = io.BytesIO()
    # No date in the metadata: the same graph gives the same file.
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with quiet_glyphs() as missing:
        figure.savefig(buffer, format=fmt, bbox_inches="tight", metadata=metadata)
    return buffer.getvalue(), missing


def write_picture(graph: nx.DiGraph, fmt: str, path: str | Path) -> list[str]:
    """Draw ``graph`` into ``path`` as PNG, SVG or DOT text; nothing is written if drawing fails.

    A picture too large to draw or to open is refused first (``check_drawable``).
    Returns notes for the person (one line each): characters drawn as empty boxes.
    """
    from claims.drawing import check_drawable, figure, missing_note, to_dot

    path = writable(path)
    fmt = picture_format(fmt, path)
    check_drawable(graph, fmt)
    missing: set[str] = set()
    if fmt == "dot":
        data = to_dot(graph).encode("utf-8")
    else:
        data, missing = render_figure(figure(graph), fmt)
    try:
        path.write_bytes(data)
    except OSError as error:
        raise InputFileError(cannot_write(path, error)) from None
    note = missing_note(missing)
    return [note] if note else []


# --- rows to plain Python values ---------------------------------------------------------


def _records(rows: Rows, columns: Sequence[str] | None) -> tuple[list[str], list[list[Any]]]:
    """Column names and rows of plain Python values, with every kind of missing as None."""
    pandas = sys.modules.get("pandas")  # a DataFrame means pandas is loaded already
    if pandas is not None and isinstance(rows, pandas.DataFrame):
        frame = rows[list(columns)] if columns is not None else rows
        names = [str(name) for name in frame.columns]
        records = [[_plain(v) for v in row] for row in frame.itertuples(index=False, name=None)]
        return names, records
    names = list(columns) if columns is not None else []
    if columns is None:
        seen: dict[str, None] = {}
        for row in rows:
            seen.update(dict.fromkeys(row))
        names = list(seen)
    return names, [[_plain(row.get(name)) for name in names] for row in rows]


def _plain(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if type(value).__module__.startswith(("numpy", "pandas")):
        import pandas as pd  # loaded already: the value came from it

        if pd.api.types.is_scalar(value) and pd.isna(value):
            return None
        if isinstance(value, pd.Timestamp):
            return value.to_pydatetime()
        if hasattr(value, "item"):
            return value.item()
    return value


def _text(value: Any, *, table: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds") if table else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        # JSON columns (PostgreSQL hands them back decoded) print as JSON, as on SQLite.
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


# --- text formats --------------------------------------------------------------------------


def _csv(
    file: TextIO,
    names: list[str],
    records: list[list[Any]],
    *,
    lineterminator: str,
    exact: bool = False,
) -> None:
    if not names:
        return
    writer = csv.writer(file, lineterminator=lineterminator)
    cell = (lambda value: value) if exact else neutralise
    writer.writerow([cell(name) for name in names])
    writer.writerows([_text(cell(value)) for value in record] for record in records)


def _json(names: list[str], records: list[list[Any]]) -> str:
    objects = [dict(zip(names, record, strict=True)) for record in records]
    return json.dumps(objects, indent=2, ensure_ascii=False, default=_json_value)


def _jsonl(names: list[str], records: list[list[Any]]) -> str:
    """One JSON object a line, the values as ``_json`` gives them."""
    return "\n".join(_json_line(names, record) for record in records)


def _json_line(names: list[str], record: list[Any]) -> str:
    return json.dumps(
        dict(zip(names, record, strict=True)), ensure_ascii=False, default=_json_value
    )


def _json_value(value: Any) -> Any:
    """A value JSON has no type for: a date as ISO 8601, anything else as its text."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


# A text column wraps down to this many cells wide at the least: narrower, words break into
# syllables and headers spell downwards. A table that cannot keep every column this wide
# is shown one record per block instead (``_records_table``), as psql's expanded display.
MIN_WRAP = 16
COLUMN_GAP = 3  # cells between two columns of a table


def _table(names: list[str], records: list[list[Any]], max_width: int | None = None) -> str:
    """A table as wide as its content, so piped output is never wrapped nor cut.

    Given a terminal's ``max_width``, its text columns wrap to fit; when the
    columns cannot fit even wrapped to ``MIN_WRAP``, each record becomes a block
    of "column  value" lines, so no column is squeezed out of sight.
    """
    if not names:
        return ""
    from rich.cells import cell_len

    cells = [[_text(value, table=True) for value in record] for record in records]
    numeric = []
    natural, least = [], []
    for index, name in enumerate(names):
        values = [record[index] for record in records if record[index] is not None]
        numeric.append(
            bool(values)
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
        )
        value_width = max(
            (cell_len(line) for row in cells for line in row[index].split("\n")), default=0
        )
        head_width = max(cell_len(line) for line in name.split("\n"))
        natural.append(max(value_width, head_width, 1))
        # A number is never wrapped; its header, or a text, wraps no narrower than MIN_WRAP.
        least.append(max(value_width if numeric[-1] else 0, min(natural[-1], MIN_WRAP), 1))
    gaps = COLUMN_GAP * (len(names) - 1)
    if max_width is None or sum(natural) + gaps <= max_width or not cells:
        # Without rows there is nothing to squeeze: the header stays whole, for tools too.
        return _render_table(names, cells, numeric, natural)
    if sum(least) + gaps > max_width:
        return _records_table(names, cells, max_width)
    return _render_table(names, cells, numeric, _fit(natural, least, max_width - gaps))


def _fit(natural: list[int], least: list[int], room: int) -> list[int]:
    """Column widths within ``room``: the widest columns narrowed first, none below ``least``."""
    low, high = 0, max(natural)
    while low < high:  # the highest cap on widths that still fits
        middle = (low + high + 1) // 2
        if sum(max(m, min(n, middle)) for n, m in zip(natural, least, strict=True)) <= room:
            low = middle
        else:
            high = middle - 1
    return [max(m, min(n, low)) for n, m in zip(natural, least, strict=True)]


def _render_table(
    names: list[str], cells: list[list[str]], numeric: list[bool], widths: list[int]
) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False)
    for name, is_number, width in zip(names, numeric, widths, strict=True):
        table.add_column(
            Text(name), justify="right" if is_number else "left", width=width, overflow="fold"
        )
    for row in cells:
        table.add_row(*(Text(text) for text in row))  # Text: "[b]" in a claim is not markup
    return _print(table, sum(widths) + COLUMN_GAP * (len(widths) - 1))


def _records_table(names: list[str], cells: list[list[str]], max_width: int) -> str:
    """One block per record, a line per column ("name  value"), values wrapped to fit.

    For a terminal too narrow for the table's columns: every value stays
    readable, and a blank value is visibly a column without one.
    """
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    # A long name wraps rather than pushing every value far right.
    label_width = min(max(cell_len(name) for name in names), max(min(max_width // 3, 40), MIN_WRAP))
    value_width = max(max_width - label_width - 2, MIN_WRAP)
    blocks = []
    for number, row in enumerate(cells, start=1):
        table = Table.grid(padding=(0, 2, 0, 0))
        table.add_column(width=label_width, overflow="fold")
        table.add_column(width=value_width, overflow="fold")
        for name, text in zip(names, row, strict=True):
            table.add_row(Text(name), Text(text))
        head = f"-[ record {number} ]"
        blocks.append(head + "-" * max(max_width - len(head), 0))
        blocks.append(_print(table, label_width + 2 + value_width))
    return "\n".join(blocks)


def _print(renderable: Any, width: int) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, no_color=True, highlight=False)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()).strip("\n")


# --- Excel ---------------------------------------------------------------------------------


@contextmanager
def atomic_file(path: str | Path) -> Iterator[TextIO]:
    """A text file that appears at ``path`` whole or not at all.

    Written to a hidden temporary file beside it and renamed over ``path`` only
    when the block ends without an error, so a failed export never leaves half
    a file, nor destroys the previous one. A device or a named pipe at ``path``
    (``/dev/stdout``, a FIFO) is written to directly: renaming over it would
    put a plain file in its place (``_written_in_place``). A link to a file is
    followed, so the file is replaced and the link kept. A write the system
    refuses (a full disk) is one line, as everywhere.
    """
    import tempfile

    path = writable(path)
    if _written_in_place(path):
        try:
            with path.open("w", encoding="utf-8", newline="") as handle:
                yield handle
        except OSError as error:
            raise InputFileError(cannot_write(path, error)) from None
        return
    path = Path(os.path.realpath(path))
    try:
        handle = tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            newline="",
            dir=path.parent,
            prefix=f".{path.name}.",
            suffix=".part",
            delete=False,
        )
    except OSError as error:
        raise InputFileError(cannot_write(path, error)) from None
    temporary = Path(handle.name)
    try:
        with handle:
            yield handle
        os.chmod(temporary, _file_mode(path))
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InputFileError(cannot_write(path, error)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _written_in_place(path: Path) -> bool:
    """Whether ``path`` is something other than a file a new one may replace: a device, a
    named pipe, or a name for an open file descriptor.

    ``/dev/stdout`` links to ``/proc/self/fd/1``, which reads as a regular file when stdout
    is redirected to one: a file put in its place would replace the link in ``/dev`` and
    leave stdout empty. So every name on the way through links is looked at.
    """
    if path.exists() and not path.is_file():
        return True
    current = Path(os.path.abspath(path))
    for _ in range(40):  # as many links as the system follows
        if current.parts[1:2] in (("dev",), ("proc",)):
            return True
        if os.path.realpath(current.parent).startswith(("/dev/", "/proc/")):
            return True
        if not current.is_symlink():
            return False
        current = Path(os.path.abspath(current.parent / os.readlink(current)))
    return False


def _file_mode(path: Path) -> int:
    """The mode a file written in place would get: the old file's, else 0666 less the umask."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_csv_stream(
    file: TextIO, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]
) -> int:
    """Rows as RFC 4180 CSV, exactly as given: no formula neutralising.

    For data files read back by tools (an export to import again), where a cell
    must keep its first character; the CSV that people open in a spreadsheet
    goes through ``write`` instead. Returns the number of rows.
    """
    writer = csv.writer(file, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([_text(_plain(row.get(name))) for name in columns])
        count += 1
    return count


# Valid raw inside a JSON string, but line breaks to str.splitlines() and some editors:
# escaped, so one JSON Lines record is one line for every reader.
_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def write_jsonl_stream(file: TextIO, rows: Iterable[Mapping[str, Any]]) -> int:
    """One JSON object per line (JSON Lines), keys in the rows' order. Returns the count."""
    count = 0
    for row in rows:
        line = json.dumps(row, ensure_ascii=False, default=_json_default)
        file.write(line.translate(_LINE_BREAKS) + "\n")
        count += 1
    return count


def write_json_stream(
    file: TextIO,
    head: Mapping[str, Any],
    key: str,
    items: Iterable[Any],
    *,
    path: Sequence[str] = (),
) -> int:
    """One JSON document: ``head`` with the list ``items`` under ``key``, written item by item.

    ``path`` nests the list inside objects of ``head`` (an annotation page inside
    its collection). Returns the number of items.
    """
    document = dict(head)
    inner = document
    for name in path:
        inner[name] = dict(inner[name])
        inner = inner[name]
    marker = "\u0000items\u0000"
    inner[key] = marker
    text = json.dumps(document, indent=2, ensure_ascii=False, default=_json_default)
    before, after = text.split(json.dumps(marker), 1)
    file.write(before + "[")
    count = 0
    for item in items:
        file.write(("," if count else "") + "\n")
        file.write(json.dumps(item, ensure_ascii=False, default=_json_default))
        count += 1
    file.write("\n]" if count else "]")
    file.write(after + "\n")
    return count


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
