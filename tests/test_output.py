"""Output: the same rows as a table, CSV, JSON and a workbook, with formulas defused."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

from claims.errors import InvalidInput
from claims.output import neutralise, render, write
from claims.workbook import write_xlsx

ATTACK = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def frame() -> pd.DataFrame:
    """Shaped like the reports: nullable counts, dates, aware datetimes, a formula-like cell."""
    return pd.DataFrame(
        {
            "claim_id": pd.Series([1, 2], dtype="int64"),
            "claim": pd.Series([ATTACK, "Київ said the bridge will open."], dtype="str"),
            "Daily Planet": pd.Series([3, pd.NA], dtype="Int64"),
            "published": pd.Series([dt.date(2024, 2, 19), None], dtype=object),
            "quotation": pd.Series(['-5% "exports"\nnext line', None], dtype="str"),
            "delta": pd.Series([-5, 7], dtype="int64"),
            "created_at": pd.to_datetime(
                ["2024-02-19T12:30:00+02:00", "2024-02-20T08:00:00+00:00"], utc=True
            ),
        }
    )


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_neutralise_prefixes_formula_starts(prefix):
    assert neutralise(prefix + "1+1") == "'" + prefix + "1+1"


@pytest.mark.parametrize("value", ["plain", "a=b", "", None, -5, 3.5, dt.date(2024, 1, 1)])
def test_neutralise_leaves_everything_else_alone(value):
    assert neutralise(value) == value


def test_csv_neutralises_strings_only_and_blanks_missing(frame):
    rows = list(csv.reader(io.StringIO(render(frame, "csv"))))
    assert rows[0] == list(frame.columns)
    assert rows[1] == [
        "1",
        "'" + ATTACK,
        "3",
        "2024-02-19",
        '\'-5% "exports"\nnext line',
        "-5",
        "2024-02-19T10:30:00+00:00",
    ]
    assert rows[2][2:5] == ["", "", ""]
    assert len(rows) == 3


def test_csv_neutralises_a_formula_in_the_header():
    text = render([{"=cmd|' /C calc'!A0": 1}], "csv")
    assert text.splitlines()[0] == "'=cmd|' /C calc'!A0"


def test_json_keeps_values_as_stored(frame):
    text = render(frame, "json")
    assert "Київ" in text  # ensure_ascii=False
    data = json.loads(text)
    assert data[0]["claim"] == ATTACK
    assert data[0]["Daily Planet"] == 3 and type(data[0]["Daily Planet"]) is int
    assert data[0]["published"] == "2024-02-19"
    assert data[0]["created_at"] == "2024-02-19T10:30:00+00:00"
    assert data[1]["Daily Planet"] is None
    assert data[1]["published"] is None
    assert data[1]["quotation"] is None
    assert list(data[0]) == list(frame.columns)
    assert text.startswith("[\n  {")


def test_table_is_plain_wide_text_with_blank_missing():
    long = "word " * 40
    text = render(
        [
            {"id": 1, "claim": "[bold]not markup[/bold]", "n": None},
            {"id": 22, "claim": long.strip(), "n": 3},
        ],
        "table",
    )
    lines = text.splitlines()
    assert lines[0].split() == ["id", "claim", "n"]
    assert "\x1b" not in text
    assert "[bold]not markup[/bold]" in text
    assert any(long.strip() in line for line in lines), "a long cell was wrapped or cut"
    assert lines[2].rstrip().endswith("[bold]not markup[/bold]")  # missing n is blank
    assert not text.endswith("\n")


def test_a_terminal_table_wraps_text_but_never_squeezes_a_column_away():
    from rich.cells import cell_len

    from claims.output import MIN_WRAP

    long = "The minister said the bridge would open next spring, officials confirmed."
    rows = [
        {"id": 1, "claim": long, "outlet": "Daily Planet", "n": 3},
        {"id": 22, "claim": "Short.", "outlet": "新华社中文网", "n": None},
    ]
    text = render(rows, "table", width=60)
    lines = text.splitlines()
    assert lines[0].split() == ["id", "claim", "outlet", "n"]  # one header line, whole names
    assert all(cell_len(line) <= 60 for line in lines)
    words = " ".join(line for line in lines[2:])
    assert all(word in words for word in long.split())
    assert "新华社中文网" in text and "Daily Planet" in text
    claim_width = max(cell_len(line[5:].split("   ")[0]) for line in lines[2:5])
    assert claim_width >= MIN_WRAP


def test_a_terminal_too_narrow_for_the_columns_gets_one_block_per_record():
    from rich.cells import cell_len

    names = [f"column_{i}" for i in range(12)]
    rows = [{name: f"value {i} of {name}" for name in names} for i in range(2)]
    rows[1]["column_3"] = None
    text = render(rows, "table", width=80)
    lines = text.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    assert lines[0].startswith("-[ record 1 ]") and "-[ record 2 ]" in text
    for i in range(2):
        for name in names:
            if (i, name) != (1, "column_3"):
                assert f"value {i} of {name}" in text, (i, name)
    assert len([line for line in lines if line.split()[:1] == ["column_3"]]) == 2  # blank, shown
    # Piped (no width), the same rows stay one line each, whatever their width.
    piped = render(rows, "table").splitlines()
    assert len(piped) == 4 and all(name in piped[0] for name in names)


def test_a_terminal_table_without_rows_keeps_its_whole_header():
    names = [f"a_rather_long_column_name_{i}" for i in range(6)]
    assert render([], "table", columns=names, width=40).splitlines()[0].split() == names


def test_empty_list_with_columns_still_has_a_header():
    assert render([], "csv", columns=["id", "name"]) == "id,name"
    assert render([], "json") == "[]"
    assert render([], "table", columns=["id", "name"]).splitlines()[0].split() == ["id", "name"]


def test_unknown_format_is_refused():
    with pytest.raises(InvalidInput, match="table, csv, json"):
        render([{"a": 1}], "yaml")


def test_listing_rows_render_without_importing_pandas():
    code = (
        "import sys\n"
        "from claims.output import render\n"
        "rows = [{'id': 1, 'name': 'x'}]\n"
        "for fmt in ('table', 'csv', 'json'):\n"
        "    render(rows, fmt)\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_write_csv_file_keeps_line_breaks_inside_fields(frame, tmp_path):
    path = tmp_path / "out.csv"
    write(frame, "csv", path)
    raw = path.read_bytes()
    assert raw.startswith(b"claim_id,claim,")
    assert b"\r" not in raw  # LF, as on stdout
    assert raw == (render(frame, "csv") + "\n").encode("utf-8")
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[1][4] == '\'-5% "exports"\nnext line'
    assert rows[2][1] == "Київ said the bridge will open."


def test_write_json_file_is_valid_utf8(frame, tmp_path):
    path = tmp_path / "out.json"
    write(frame, "json", path)
    assert json.loads(path.read_text(encoding="utf-8"))[1]["claim"].startswith("Київ")


def test_workbook_is_ready_to_filter(frame, tmp_path):
    path = tmp_path / "out.xlsx"
    long_name = "a sheet name that is far too long for Excel"
    write_xlsx({"carriers": frame, long_name: frame.iloc[:0]}, path)
    book = load_workbook(path)
    assert book.sheetnames == ["carriers", long_name[:31]]

    sheet = book["carriers"]
    header = [cell.value for cell in sheet[1]]
    assert header == list(frame.columns)
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G3"
    column = {name: index + 1 for index, name in enumerate(header)}

    published = sheet.cell(row=2, column=column["published"])
    assert isinstance(published.value, dt.datetime)
    assert published.value.date() == dt.date(2024, 2, 19)
    assert published.number_format == "yyyy-mm-dd"
    created = sheet.cell(row=2, column=column["created_at"])
    assert created.value == dt.datetime(2024, 2, 19, 10, 30)  # naive UTC

    # Stored as text, so Excel runs nothing, and with the words unchanged.
    attack = sheet.cell(row=2, column=column["claim"])
    assert attack.value == ATTACK and attack.data_type == "s" and attack.quotePrefix
    assert sheet.cell(row=2, column=column["quotation"]).value.startswith("-5%")
    assert sheet.cell(row=2, column=column["delta"]).value == -5
    assert sheet.cell(row=3, column=column["Daily Planet"]).value is None

    assert sheet.cell(row=2, column=column["quotation"]).alignment.wrap_text
    assert not sheet.cell(row=2, column=column["claim_id"]).alignment.wrap_text
    widths = [sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]]
    assert all(8 <= width <= 60 for width in widths), widths

    empty = book[long_name[:31]]
    assert [cell.value for cell in empty[1]] == header
    assert empty.max_row == 1
    assert empty.auto_filter.ref == "A1:G1"


def test_workbook_caps_wide_columns_and_wraps_long_text(tmp_path):
    path = tmp_path / "long.xlsx"
    write_xlsx({"notes": pd.DataFrame({"note": ["x" * 200], "n": [1]})}, path)
    sheet = load_workbook(path)["notes"]
    assert sheet.column_dimensions["A"].width == 60
    assert sheet["A2"].alignment.wrap_text
    assert sheet.column_dimensions["B"].width == 8


def test_workbook_widths_count_wide_characters_twice_and_headers_wrap(tmp_path):
    path = tmp_path / "wide.xlsx"
    long_name = "The Extraordinarily Long-Named Broadcasting Corporation of " + "Very " * 30
    frame = pd.DataFrame(
        {"新华社中文网": [1], long_name.strip(): [2], "claim": ["中国希望加强合作"]}
    )
    write_xlsx({"carriers": frame}, path)
    sheet = load_workbook(path)["carriers"]
    assert sheet.column_dimensions["A"].width == 2 * 6 + 2  # six wide characters
    assert sheet.column_dimensions["C"].width == 2 * 8 + 2
    assert sheet.column_dimensions["B"].width == 60
    assert all(cell.alignment.wrap_text for cell in sheet[1])  # the long name shows whole


def test_csv_file_and_stdout_are_the_same_bytes_and_a_bom_is_asked_for(frame, tmp_path):
    from claims.output import CSV_BOM

    plain, marked = tmp_path / "plain.csv", tmp_path / "marked.csv"
    assert write(frame, "csv", plain) == []
    write(frame, "csv", marked, bom=True)
    assert plain.read_bytes() == (render(frame, "csv") + "\n").encode("utf-8")
    assert marked.read_bytes() == (CSV_BOM + render(frame, "csv") + "\n").encode("utf-8")
    assert marked.read_bytes().startswith(b"\xef\xbb\xbf")


def test_workbook_keeps_plus_minus_at_and_stores_equals_as_text(tmp_path):
    path = tmp_path / "names.xlsx"
    frame = pd.DataFrame({"+Plus Times": ["+Plus Times", "-minus", "@Handle", "=1+1"]})
    write_xlsx({"outlets": frame}, path)
    sheet = load_workbook(path)["outlets"]
    values = [cell.value for cell in sheet["A"]]
    assert values == ["+Plus Times", "+Plus Times", "-minus", "@Handle", "=1+1"]
    assert all(cell.data_type == "s" for cell in sheet["A"])  # no formula among them


def test_workbook_marks_and_reports_cells_cut_to_excels_limit(tmp_path):
    from claims.workbook import XLSX_CELL_LIMIT

    path = tmp_path / "long.xlsx"
    frame = pd.DataFrame({"claim_id": [1, 2], "quotation": ["x" * 40_000, "short"]})
    notes = write_xlsx({"chains": frame}, path)
    cell = load_workbook(path)["chains"]["B2"]
    assert len(cell.value) == XLSX_CELL_LIMIT
    assert cell.value.endswith("… [cut: 40,000 characters in all]")
    (note,) = notes
    assert "sheet chains, row 2, column quotation (B2)" in note
    many = pd.DataFrame({"quotation": ["y" * 33_000] * 5})
    (note,) = write_xlsx({"chains": many}, tmp_path / "many.xlsx")
    assert "5 cells" in note and "B2" not in note


def test_workbook_cuts_by_excels_count_of_characters_beyond_the_bmp(tmp_path):
    from claims.workbook import XLSX_CELL_LIMIT

    path = tmp_path / "emoji.xlsx"
    write_xlsx({"s": pd.DataFrame({"q": ["\U0001f600" * 20_000]})}, path)
    value = load_workbook(path)["s"]["A2"].value
    assert len(value.encode("utf-16-le")) // 2 <= XLSX_CELL_LIMIT
    assert value.endswith("characters in all]")


@pytest.mark.parametrize(
    "fmt,name",
    [("csv", "out.xlsx"), ("table", "out.csv"), ("xlsx", "out.json"), ("svg", "g.png")],
)
def test_a_format_the_suffix_contradicts_is_refused(fmt, name):
    from claims.output import check_suffix

    with pytest.raises(InvalidInput, match="the suffix and the format disagree"):
        check_suffix(fmt, name)


@pytest.mark.parametrize("fmt,name", [("csv", "out.txt"), ("csv", "out"), ("svg", "g.SVG")])
def test_a_suffix_naming_no_other_format_is_accepted(fmt, name):
    from claims.output import check_suffix

    check_suffix(fmt, name)


def test_a_workbook_leaves_out_a_sheet_longer_than_excel_holds_and_says_so(tmp_path, monkeypatch):
    import claims.workbook as workbook

    monkeypatch.setattr(workbook, "XLSX_ROW_LIMIT", 4)  # a header and three rows
    long = pd.DataFrame({"n": range(4)})
    short = pd.DataFrame({"n": range(3)})
    path = tmp_path / "book.xlsx"
    notes = write_xlsx({"drift": long, "claims": short}, path)
    assert load_workbook(path).sheetnames == ["claims"]
    (note,) = notes
    assert note.startswith("Left out of the workbook: sheet drift has 4 rows")
    assert "(3 under its header)" in note and "CSV or JSON" in note


def test_one_result_longer_than_a_sheet_is_refused_before_any_file(tmp_path, monkeypatch):
    import claims.workbook as workbook

    monkeypatch.setattr(workbook, "XLSX_ROW_LIMIT", 4)
    path = tmp_path / "result.xlsx"
    with pytest.raises(InvalidInput, match="The result has 4 rows, more than an Excel sheet"):
        write(pd.DataFrame({"n": range(4)}), "xlsx", path)
    assert not path.exists()
    write(pd.DataFrame({"n": range(3)}), "xlsx", path)
    assert load_workbook(path).active.max_row == 4
