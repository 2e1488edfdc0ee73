"""Files written with ``-o``: a place the system refuses is one line, never a traceback;
a folder gets a file name with the format's suffix; table cells stay one line each."""

from __future__ import annotations

import errno
import json
import os
import stat

import pytest


@pytest.fixture
def unwritable(tmp_path):
    """A path every check passes (its folder exists, nothing is there) but that no file
    can be created at: a link into a folder that does not exist. Refused as /proc is,
    for root too."""
    folder = tmp_path / "out"
    folder.mkdir()

    def make(name: str):
        path = folder / name
        path.symlink_to(tmp_path / "missing" / name)
        return path

    return make


@pytest.fixture
def seeded(cli):
    result = cli("seed")
    assert result.exit_code == 0, result.output
    return cli


# --- a place the system refuses ------------------------------------------------------------


@pytest.mark.parametrize(
    "name,fmt", [("carriers.csv", []), ("carriers.json", []), ("carriers.txt", ["-f", "table"])]
)
def test_a_report_to_a_refused_place_is_one_line(failing, unwritable, name, fmt):
    path = unwritable(name)
    message = failing("report", "carriers", "-o", path, *fmt, match=f"Cannot write {path}")
    assert "No such file or directory" in message


def test_an_export_the_system_refuses_half_way_is_one_line(failing, cli, tmp_path, monkeypatch):
    """A full disk shows only when the file is written: one line, and no part file left."""
    assert cli("claim", "add", "The bridge opens in May.").exit_code == 0

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("claims.output.os.replace", full)
    folder = tmp_path / "out"
    folder.mkdir()
    failing("export", "-o", folder / "all.jsonl", match="No space left on device")
    assert list(folder.iterdir()) == []


def test_an_export_into_a_named_pipe_writes_into_it(cli, tmp_path):
    """A pipe (or /dev/stdout, /dev/null) is written to, never replaced by a plain file."""
    assert cli("claim", "add", "The bridge opens in May.").exit_code == 0
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = cli("export", "-f", "jsonl", "-o", pipe)
        assert result.exit_code == 0, result.output
        assert stat.S_ISFIFO(os.stat(pipe).st_mode), "the pipe was replaced by a file"
        received = os.read(reader, 1 << 16).decode("utf-8")
    finally:
        os.close(reader)
    assert json.loads(received.splitlines()[0])["claim"] == "The bridge opens in May."


# --- a folder for -o -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "fmt,example", [([], "graph.png"), (["-f", "svg"], "graph.svg"), (["-f", "dot"], "graph.dot")]
)
def test_a_folder_for_a_picture_suggests_the_picture_s_suffix(failing, tmp_path, fmt, example):
    failing("report", "graph", "-o", tmp_path, *fmt, match=f"e.g. {tmp_path / example}")


def test_a_folder_for_a_report_suggests_the_report_and_format(failing, tmp_path):
    failing("report", "carriers", "-f", "csv", "-o", tmp_path, match=str(tmp_path / "carriers.csv"))


def test_a_folder_for_an_export_suggests_no_workbook(failing, tmp_path):
    message = failing("export", "-f", "csv", "-o", tmp_path, match="is a folder")
    assert ".xlsx" not in message


@pytest.mark.parametrize(
    "command",
    [["report", "carriers", "-f", "csv"], ["report", "graph"], ["export", "-f", "csv"]],
)
@pytest.mark.parametrize("inside", ["out.csv", "deeper/out.csv"])
def test_a_file_given_as_the_folder_is_said_to_be_a_file(failing, tmp_path, command, inside):
    """ok.txt/out.csv: "the folder ok.txt does not exist" would send one to create it."""
    taken = tmp_path / "ok.txt"
    taken.write_text("kept\n", encoding="utf-8")
    message = failing(*command, "-o", taken / inside, match=f"{taken} is a file, not a folder")
    assert "does not exist" not in message
    assert taken.read_text(encoding="utf-8") == "kept\n"


def test_a_missing_folder_is_still_said_to_be_missing(failing, tmp_path):
    failing("export", "-o", tmp_path / "nowhere" / "out.jsonl", match="does not exist")


# --- report all is a workbook --------------------------------------------------------------


@pytest.mark.parametrize("name", ["all.csv", "all.json", "all"])
def test_report_all_refuses_a_name_that_is_not_a_workbook(failing, tmp_path, name):
    message = failing("report", "all", "-o", tmp_path / name, match="name the file .xlsx")
    assert "claims report carriers -o carriers.csv" in message
    assert not (tmp_path / name).exists()


# --- table cells ---------------------------------------------------------------------------


def test_appearance_show_keeps_one_line_per_field(seeded):
    """Appearance #1 of the seeds has a prefix across a paragraph end."""
    as_json = json.loads(seeded("appearance", "show", "1", "--format", "json").stdout)
    assert "\n" in as_json["prefix"]  # the data keeps its line breaks
    result = seeded("appearance", "show", "1")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    end = next(n for n, line in enumerate(lines) if line.startswith("In context:"))
    rows = lines[2:end]  # past the header and its rule
    while rows and not rows[-1]:
        rows.pop()
    assert [row.split()[0] for row in rows] == [key for key in as_json if key != "hops"]
    prefix = next(row for row in rows if row.startswith("prefix"))
    assert prefix.split(None, 1)[1] == as_json["prefix"].replace("\n", "\u23ce").strip()


@pytest.mark.parametrize("name", ["carriers.png", "chains.svg"])
def test_a_table_under_a_picture_s_name_is_refused(failing, tmp_path, name):
    failing("report", "carriers", "-o", tmp_path / name, match="is a table, not a picture")
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize(
    "command",
    [["report", "carriers", "-f", "csv"], ["report", "graph"], ["export", "-f", "csv"]],
)
def test_a_blank_output_name_is_refused_and_nothing_written(
    failing, tmp_path, monkeypatch, command
):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # where a file named "   " would land
    failing(*command, "-o", "   ", match="output file name is empty")
    assert list(work.iterdir()) == []
