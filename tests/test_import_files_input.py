"""``claims import`` on input that is well-formed but unusual: JSON nested past any row,
a UTF-8 byte-order mark with the encoding named, and the rejects file of a run that
stops. Each ends in one line a person can act on, the database and an old rejects file
as they were."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claims import importer
from claims.errors import InputFileError
from claims.importer import import_file
from tests.test_import import ROWS, content, write_csv, write_jsonl


def nested_row(depth: int) -> str:
    """A JSON Lines row whose notes are lists in lists, ``depth`` levels deep."""
    return '{"claim": "Nested notes.", "claim_notes": ' + "[" * depth + "]" * depth + "}\n"


def rejects_of(path: Path) -> list[dict]:
    with path.with_name(path.name + ".rejects.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


# -- JSON nested past any row --


# 1000 levels exhaust the JSON parser's stack; 900 parse, and exhausted pickling (on the
# way back from a worker process) or the checks after.
@pytest.mark.parametrize("depth", [900, 1000, 5000])
@pytest.mark.parametrize("workers", [0, 1], ids=["one process", "worker process"])
def test_a_row_nested_past_any_row_is_one_row_problem(
    cli, snapshot, monkeypatch, tmp_path, depth, workers
):
    monkeypatch.setattr(importer, "worker_count", lambda size: workers)
    path = write_jsonl(tmp_path / "rows.jsonl", ROWS[3:])
    path.write_text(path.read_text() + nested_row(depth), encoding="utf-8")
    before = snapshot()
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "RecursionError" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines[0] == (
        f"row {len(ROWS[3:]) + 1}: its JSON is nested more than 100 levels deep: a column "
        "holds text, or a list (source_aliases, article_cuts)"
    )
    assert lines[-1].startswith("Error: 1 problem(s) in rows.jsonl")
    assert snapshot() == before


def test_a_row_nested_past_any_row_is_set_aside_whole(db_url, monkeypatch, tmp_path):
    monkeypatch.setattr(importer, "worker_count", lambda size: 1)
    path = write_jsonl(tmp_path / "rows.jsonl", ROWS[3:])
    path.write_text(path.read_text() + nested_row(950), encoding="utf-8")
    summary = import_file(db_url, path, actor="tester", skip_bad=True)
    assert summary.rejected == 1
    [bad] = rejects_of(path)
    assert bad["raw"] == nested_row(950).rstrip("\n")
    assert len(content(db_url)["claims"]) == len({row["claim"] for row in ROWS[3:]})


def test_lists_nested_as_deep_as_allowed_are_read_as_values(cli, tmp_path):
    """At the limit the row is read, and its problem is the column's own."""
    path = tmp_path / "rows.jsonl"
    path.write_text(nested_row(99), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    assert "row 1, column claim_notes: expected text, got a list" in result.stderr


# -- a byte-order mark with the encoding named --


@pytest.mark.parametrize("encoding", ["utf-8", "utf8", "UTF-8", "u8", "utf_8"])
@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_utf8_named_reads_a_byte_order_mark_as_the_default_does(db_url, tmp_path, encoding, suffix):
    path = tmp_path / f"rows.{suffix}"
    if suffix == "csv":
        text = "claim,claim_verdict\nCafé owners say the tax will double.,false\n"
    else:
        text = json.dumps({"claim": "Café owners say the tax will double."}) + "\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    summary = import_file(db_url, path, actor="tester", encoding=encoding)
    assert summary.claims_created == 1
    [(_, claim, *_)] = content(db_url)["claims"]
    assert claim == "Café owners say the tax will double."


# -- the rejects file of a run that stops --


def test_a_refused_file_leaves_an_old_rejects_file_as_it_was(failing, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "latin1.csv"
    path.write_bytes("claim\nCafé claim.\n".encode("latin-1"))
    old = folder / "latin1.csv.rejects.csv"
    old.write_text("precious\n", encoding="utf-8")
    failing("import", str(path), "--skip-bad", match="not valid UTF-8")
    assert old.read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in folder.iterdir()) == ["latin1.csv", old.name]


def test_a_run_stopped_while_writing_leaves_this_files_rejects(db_url, monkeypatch, tmp_path):
    """Its rows may be partly stored: an earlier run's rejects beside them would mislead."""
    folder = tmp_path / "files"
    folder.mkdir()
    path = write_csv(folder / "rows.csv", [ROWS[3], {"claim": "x", "claim_status": "maybe"}])
    old = folder / "rows.csv.rejects.csv"
    old.write_text("precious\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is gone")

    monkeypatch.setattr(importer, "complete_drift", broken)
    with pytest.raises(RuntimeError):
        import_file(db_url, path, actor="tester", skip_bad=True)
    assert [row["claim"] for row in rejects_of(path)] == ["x"]
    assert sorted(p.name for p in folder.iterdir()) == ["rows.csv", old.name]


def test_a_rejects_file_that_cannot_be_put_in_place_stops_before_anything_is_written(
    db_url, monkeypatch, snapshot, tmp_path
):
    import os

    folder = tmp_path / "files"
    folder.mkdir()
    path = write_csv(folder / "rows.csv", [ROWS[3], {"claim": "x", "claim_status": "maybe"}])
    before = snapshot()

    def refused(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(InputFileError, match="rejects"):
        import_file(db_url, path, actor="tester", skip_bad=True)
    assert snapshot() == before
    assert sorted(p.name for p in folder.iterdir()) == ["rows.csv"]


def test_a_completed_run_replaces_the_old_rejects_file(db_url, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    path = write_csv(folder / "rows.csv", [ROWS[3], {"claim": "x", "claim_status": "maybe"}])
    old = folder / "rows.csv.rejects.csv"
    old.write_text("precious\n", encoding="utf-8")
    summary = import_file(db_url, path, actor="tester", skip_bad=True)
    assert summary.rejects_file == str(old)
    assert [row["claim"] for row in rejects_of(path)] == ["x"]
    assert sorted(p.name for p in folder.iterdir()) == ["rows.csv", old.name]


def test_the_removal_of_an_old_rejects_file_is_announced(cli, tmp_path):
    path = write_csv(tmp_path / "rows.csv", [ROWS[3]])
    old = tmp_path / "rows.csv.rejects.csv"
    old.write_text("precious\n", encoding="utf-8")
    result = cli("import", str(path), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert not old.exists()
    assert f"No bad rows: removed the old {old}." in result.stderr
    again = cli("import", str(path), "--skip-bad")
    assert again.exit_code == 0, again.output
    assert "removed" not in again.stderr


def test_a_csv_cell_past_one_article_is_that_rows_problem(cli, snapshot, tmp_path):
    """Read whole, as a row may be up to ``MAX_ROW_CHARS``: refused by its own column, and
    the rows after it checked as ever."""
    from claims.files import MAX_ARTICLE_BYTES

    path = tmp_path / "huge.csv"
    big = "x" * (MAX_ARTICLE_BYTES + 10)
    path.write_text(
        "claim,claim_status,article_text,article_publisher\nA small claim.,,,\n"
        f'Another claim.,,"{big}",Daily Planet\nA third claim.,maybe,,\n',
        encoding="utf-8",
    )
    before = snapshot()
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("row 3, column article_text: the text is larger than 20 MB")
    assert lines[-2].startswith("row 4, column claim_status: Unknown status 'maybe'")
    assert snapshot() == before


# -- a line or a row longer than any row --

OVERLONG_LINE = (
    "the line is longer than 64 MB, more than any row holds (an article is 20 MB at most): "
    "it was not read; give each row a line of its own"
)
OVERLONG_ROW = (
    "the row is longer than 64 MB, more than any row holds (an article is 20 MB at most): "
    "it was not read (a quote left open takes in the rows after it; give each article a row "
    "of its own)"
)
BAD_STATUS = {"claim": "A claim with a status that is none.", "claim_status": "maybe"}


def test_a_line_past_any_row_is_that_rows_problem_and_the_rest_are_checked(cli, snapshot, tmp_path):
    from claims.import_files import MAX_ROW_CHARS

    path = tmp_path / "rows.jsonl"
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(json.dumps(ROWS[0]) + "\n")
        file.write('{"claim": "Huge.", "article_text": "' + "y" * MAX_ROW_CHARS + '"}\n')
        file.write(json.dumps(BAD_STATUS) + "\n")
    before = snapshot()
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert lines[:2] == [
        f"row 2: {OVERLONG_LINE}",
        "row 3, column claim_status: Unknown status 'maybe': use one of draft, in_review, "
        "approved, rejected.",
    ], lines
    assert lines[2].startswith("Error: 2 problem(s) in rows.jsonl")
    assert snapshot() == before


@pytest.fixture
def short_rows(monkeypatch):
    """Rows longer than 5,000 characters are too long, so that a test need not write 64 MB."""
    from claims import import_files

    monkeypatch.setattr(import_files, "MAX_ROW_CHARS", 5000)
    return 5000


@pytest.mark.parametrize("workers", [0, 1], ids=["one process", "worker process"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_a_line_past_any_row_is_set_aside_by_its_start(
    db_url, monkeypatch, short_rows, tmp_path, workers, newline
):
    """Its line break is found whatever the pieces it is read in, the one that ends exactly
    at the limit (between its "\r" and its "\n") too: the rows after keep their numbers."""
    monkeypatch.setattr(importer, "worker_count", lambda size: workers)
    long = '{"claim": "' + "z" * (short_rows - 13) + '"}'  # the limit, line break aside
    longer = '{"claim": "' + "z" * 3 * short_rows + '"}'
    lines = [
        json.dumps({"claim": "First claim."}),
        long,
        json.dumps(BAD_STATUS),
        longer,
        json.dumps({"claim": "Fifth claim."}),
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(line + newline for line in lines), encoding="utf-8", newline="")
    summary = import_file(db_url, path, actor="tester", skip_bad=True)
    assert summary.rejected == 3
    first, bad, second = rejects_of(path)
    assert [first["row"], bad["row"], second["row"]] == ["2", "3", "4"]
    assert first["reason"] == second["reason"] == OVERLONG_LINE
    assert second["raw"] == longer[:1000] + "\u2026"
    assert bad["claim_status"] == "maybe"
    assert len(content(db_url)["claims"]) == 2


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_a_csv_row_past_any_row_is_one_row_problem(db_url, short_rows, tmp_path, newline):
    """A quote left open takes in the lines after it up to the limit: that row is refused,
    read on to where the quote closes, and the rows after it are rows again."""
    open_quote = '"Left open, ' + ('he said ""no"", twice, ' * 400)
    lines = [
        "claim,claim_status",
        "First claim.,draft",
        open_quote,
        'more of it, ""quoted"" as CSV quotes',
        'then the end",draft',
        "Second claim.,maybe",
        "Third claim.,draft",
        "Fourth claim," + "w" * short_rows,
        "Fifth claim.,draft",
        "Sixth claim," + "w" * (short_rows - 12),  # the limit exactly, line break aside
        "Seventh claim.,maybe",
    ]
    path = tmp_path / "rows.csv"
    path.write_text("".join(line + newline for line in lines), encoding="utf-8", newline="")
    import_file(db_url, path, actor="tester", skip_bad=True)
    rejects = rejects_of(path)
    assert [(r["row"], r["claim"]) for r in rejects] == [
        ("3", ""),
        ("4", "Second claim."),
        ("6", ""),
        ("8", ""),
        ("9", "Seventh claim."),
    ]
    assert rejects[0]["reason"] == rejects[2]["reason"] == rejects[3]["reason"] == OVERLONG_ROW
    assert rejects[0]["raw"] == open_quote[:1000] + "\u2026"
    stored = {row[1] for row in content(db_url)["claims"]}
    assert stored == {"First claim.", "Third claim.", "Fifth claim."}


def test_a_csv_header_past_any_row_refuses_the_file(failing, short_rows, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("claim," + "x" * 2 * short_rows + "\nA claim.,\n", encoding="utf-8")
    failing("import", str(path), match="its header (row 1) is longer than 64 MB")


class Watched(io.StringIO):
    """A text stream that notes the longest string read from it at once.

    Iterated, it reads a whole line, as a file does.
    """

    longest = 0

    def readline(self, size=-1):
        line = super().readline(size)
        self.longest = max(self.longest, len(line))
        return line

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


def test_a_line_past_any_row_is_never_held_whole():
    """A file without a line break is read in pieces: memory stays that of one row."""
    from claims.import_files import MAX_ROW_CHARS, jsonl_lines

    text = Watched('{"claim": "' + "y" * (MAX_ROW_CHARS + (8 << 20)) + '"}\n{}\n', newline="")
    numbers = [number for number, _ in jsonl_lines(text)]
    assert numbers == [1, 2]
    assert text.longest <= MAX_ROW_CHARS + 1, text.longest


def test_a_csv_row_past_any_row_is_never_held_whole():
    from claims.import_files import MAX_ROW_CHARS, _csv_rows

    text = Watched("claim\n" + "y" * (MAX_ROW_CHARS + (8 << 20)) + "\nA claim.\n", newline="")
    rows = list(_csv_rows(text, Path("rows.csv")))
    assert [(row.number, row.error is not None) for row in rows] == [(2, True), (3, False)]
    assert text.longest <= MAX_ROW_CHARS + 1, text.longest


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_device_is_no_file_to_import(failing):
    """Read twice, a device or a pipe would give other rows the second time (/dev/zero
    would never end): only a regular file is imported."""
    failing(
        "import",
        "/dev/null",
        "--format",
        "jsonl",
        match="/dev/null is not a regular file (a device or a pipe)",
    )
