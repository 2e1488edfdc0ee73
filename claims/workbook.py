"""Excel workbooks of reports: a sheet per frame, ready to filter, every text kept as text.

A workbook types its cells, so a text that starts with "=" is stored as a string (shown
with Excel's quote prefix) instead of being changed the way CSV needs; names then read
the same on every sheet. Excel refuses a cell longer than 32,767 characters: such a text
is cut, says so in the cell, and the person is told which (``write_xlsx``'s notes).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims.errors import InputFileError
from claims.output import _records, _text, cannot_write, render_figure, writable

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

WRAPPED_COLUMNS = frozenset(
    {"claim", "quotation", "chain", "upstream", "article", "before", "after", "detail"}
)
MIN_WIDTH, MAX_WIDTH = 8, 60
XLSX_CELL_LIMIT = 32_767  # Excel refuses to open a workbook with a longer cell
# Rows an Excel sheet holds, its header included: Excel cuts a longer sheet when it opens it.
XLSX_ROW_LIMIT = 1_048_576
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def write_xlsx(
    sheets: Mapping[str, pd.DataFrame],
    path: str | Path,
    pictures: Mapping[str, Figure] | None = None,
) -> list[str]:
    """One workbook, one sheet per frame, ready to filter: bold frozen header, real dates.

    Each of ``pictures`` gets a sheet of its own after the frames, as a PNG image.
    Returns notes for the person (one line each): cells cut to Excel's limit,
    characters of a picture no installed font could draw, and the frames left out
    because they have more rows than a sheet holds (at a million appearances, the drift
    findings can): Excel would open the file without their last rows, unsaid.
    """
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image

    from claims.drawing import missing_note

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    cuts: dict[str, list[str]] = {}
    left_out = {name: len(frame) for name, frame in sheets.items() if too_long(frame)}
    for name, frame in sheets.items():
        if name in left_out:
            continue
        sheet = workbook.create_sheet(_sheet_title(name, taken))
        cuts[sheet.title] = _fill_sheet(sheet, frame)
    missing: set[str] = set()
    for name, picture in (pictures or {}).items():
        data, undrawn = render_figure(picture, "png")
        missing |= undrawn
        sheet = workbook.create_sheet(_sheet_title(name, taken))
        sheet.add_image(Image(io.BytesIO(data)), "A1")
    if not workbook.worksheets:
        workbook.create_sheet("Sheet1")
    path = writable(path)
    try:
        workbook.save(path)
    except OSError as error:
        raise InputFileError(cannot_write(path, error)) from None
    notes = (_cut_note(cuts), missing_note(missing), _left_out_note(left_out))
    return [note for note in notes if note]


def too_long(frame: pd.DataFrame) -> bool:
    """Whether ``frame`` has more rows than an Excel sheet holds under its header."""
    return len(frame) + 1 > XLSX_ROW_LIMIT


def too_long_message(name: str, rows: int) -> str:
    return (
        f"{name} has {rows:,} rows, more than an Excel sheet holds "
        f"({XLSX_ROW_LIMIT - 1:,} under its header): write it as CSV or JSON instead."
    )


def _left_out_note(left_out: dict[str, int]) -> str | None:
    if not left_out:
        return None
    return "Left out of the workbook: " + "; ".join(
        too_long_message(f"sheet {name}", rows) for name, rows in left_out.items()
    )


def _sheet_title(name: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique ignoring case."""
    base = _SHEET_FORBIDDEN.sub("_", str(name)).strip("'") or "Sheet"
    title, number = base[:31], 1
    while title.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        title = base[: 31 - len(suffix)] + suffix
    taken.add(title.casefold())
    return title


def _xlsx_value(value: Any) -> tuple[Any, int | None]:
    """A value as a cell holds it, and the text's whole length when it had to be cut.

    Text is kept as it is, whatever its first character: a workbook stores each
    cell's type, and ``_set_cell`` stores text as text, so nothing runs as a formula.
    Text longer than Excel's limit ends with a visible "… [cut: N characters in all]".
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None), None  # Excel has no time zones
    if value is None or isinstance(value, bool | int | float | dt.date | dt.time):
        return value, None
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if _excel_length(text) <= XLSX_CELL_LIMIT:
        return text, None
    marker = f"… [cut: {len(text):,} characters in all]"
    kept = XLSX_CELL_LIMIT - len(marker)
    while _excel_length(text[:kept]) > XLSX_CELL_LIMIT - len(marker):
        kept -= _excel_length(text[:kept]) - (XLSX_CELL_LIMIT - len(marker))
    return text[:kept] + marker, len(text)


def _excel_length(text: str) -> int:
    """Length as Excel counts it: in UTF-16 units, so a character beyond U+FFFF counts two."""
    if len(text) * 2 <= XLSX_CELL_LIMIT:
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def _set_cell(sheet: Any, row: int, column: int, value: Any) -> tuple[Any, int | None]:
    """Write one cell; text starting with "=" is stored as text, shown with Excel's quote
    prefix, never as a formula. Returns the cell and the cut text's whole length, if cut."""
    stored, cut = _xlsx_value(value)
    cell = sheet.cell(row=row, column=column, value=stored)
    if isinstance(stored, str) and cell.data_type != "s":
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell, cut


def _fill_sheet(sheet: Any, frame: pd.DataFrame) -> list[str]:
    """Fill ``sheet`` with ``frame``; returns the cells whose text was cut, as
    "row 5, column quotation (C5)"."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    names, records = _records(frame, None)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    cuts: list[str] = []
    for column, name in enumerate(names, start=1):
        cell, cut = _set_cell(sheet, 1, column, name)
        cell.font = bold
        cell.alignment = wrap  # a name wider than its column shows whole, on more lines
        if cut:
            cuts.append(f"the header of column {cell.coordinate}")
    for row, record in enumerate(records, start=2):
        for column, value in enumerate(record, start=1):
            cell, cut = _set_cell(sheet, row, column, value)
            if cut:
                cuts.append(f"row {row}, column {names[column - 1]} ({cell.coordinate})")
            if isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    for column, name in enumerate(names, start=1):
        longest = max(
            display_width(line)
            for value in [name, *(record[column - 1] for record in records)]
            for line in _text(value, table=True).split("\n")
        )
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)
        if name in WRAPPED_COLUMNS or longest > MAX_WIDTH:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.alignment = wrap
    sheet.freeze_panes = "A2"
    if names:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{len(records) + 1}"
    return cuts


def display_width(text: str) -> int:
    """How many character widths ``text`` takes on screen: a CJK character or an emoji two.

    Excel's column width counts widths of "0"; counting code points would give
    "新华社中文网" a column half as wide as its name. The same measure as the terminal
    tables' (rich's), so a name is as wide in both.
    """
    from rich.cells import cell_len

    return cell_len(text)


def _cut_note(cuts: dict[str, list[str]]) -> str | None:
    """The one line saying which cells were cut to Excel's limit."""
    found = [(sheet, cell) for sheet, cells in cuts.items() for cell in cells]
    if not found:
        return None
    if len(found) <= 3:
        where = "; ".join(f"sheet {sheet}, {cell}" for sheet, cell in found)
    else:
        sheets = ", ".join(sheet for sheet, cells in cuts.items() if cells)
        where = f"{len(found)} cells (sheets {sheets}; first: sheet {found[0][0]}, {found[0][1]})"
    return (
        f"Cut to Excel's limit of {XLSX_CELL_LIMIT:,} characters a cell: {where}; each ends "
        'with "… [cut: N characters in all]". CSV or JSON output keeps the whole text.'
    )


# --- streams: exports that must not hold every row in memory ------------------------------
