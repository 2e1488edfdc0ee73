"""``claims import`` on input that is well-formed but unusual: JSON nested past any row,
a UTF-8 byte-order mark with the encoding named, and the rejects file of a run that
stops. Each ends in one line a person can act on, the database and an old rejects file
as they were."""

from __future__ import annotations

import csv
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


def test_a_csv_cell_past_one_article_names_its_row(cli, snapshot, tmp_path):
    """The csv module stops at a cell over its limit and cannot go on: the file is refused,
    by the row the cell is on, not "after row 0"."""
    from claims.files import MAX_ARTICLE_BYTES

    path = tmp_path / "huge.csv"
    big = "x" * (MAX_ARTICLE_BYTES + 10)
    path.write_text(
        "claim,article_text,article_publisher\nA small claim.,,\n"
        f'Another claim.,"{big}",Daily Planet\n',
        encoding="utf-8",
    )
    before = snapshot()
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    message = result.stderr.strip()
    assert message == (
        "Error: huge.csv, row 3: a value is larger than 20 MB: that is not one article; give "
        "each article a row of its own."
    ), message
    assert snapshot() == before
