"""`claims demo` rebuilds only a demo database nobody has worked in, and no read-only file."""

from __future__ import annotations

import json
import os
import stat

import pytest
from typer.testing import CliRunner

from cli.main import app
from tests.conftest import INQUIRER


def run(*args: str):
    return CliRunner().invoke(app, list(map(str, args)))


def article_count(path) -> int:
    listed = run("--db", path, "article", "list", "--format", "json")
    assert listed.exit_code == 0, listed.output
    return len(json.loads(listed.stdout))


def test_demo_with_work_added_is_not_rebuilt(tmp_path):
    path = tmp_path / "m.db"
    assert run("demo", "--path", path).exit_code == 0
    assert run("--db", path, "report", "chains").exit_code == 0  # reading it is no work
    assert run("demo", "--path", path).exit_code == 0
    before = article_count(path)
    text = tmp_path / "new.txt"
    text.write_text(INQUIRER.read_text(encoding="utf-8") + "\nOne more paragraph.\n")
    added = run("--db", path, "article", "add", text, "--outlet", "UNN", "--text")
    assert added.exit_code == 0, added.output
    assert article_count(path) == before + 1

    result = run("demo", "--path", path)
    assert result.exit_code == 1, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert "delete" in message and "--path" in message
    assert article_count(path) == before + 1  # the work is still there


def test_read_only_demo_file_is_not_replaced(tmp_path):
    path = tmp_path / "d.db"
    assert run("demo", "--path", path).exit_code == 0
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as root: a chmod 444 file is still writable")
        inode = path.stat().st_ino
        result = run("demo", "--path", path)
        assert result.exit_code == 1, result.output
        assert "read-only" in result.stderr
        assert path.stat().st_ino == inode
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_blank_path_is_refused_and_nothing_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where a file named "   " would land
    result = run("demo", "--path", "   ")
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == "Error: --path is empty: give a file name, e.g. demo.db."
    assert list(tmp_path.iterdir()) == []


def test_a_demo_build_that_fails_leaves_the_earlier_demo_and_no_other_file(tmp_path, monkeypatch):
    path = tmp_path / "demo.db"
    assert run("demo", "--path", path).exit_code == 0
    before = article_count(path)

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("claims.seeds.load_seeds", broken)
    result = run("demo", "--path", path)
    assert result.exit_code != 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".demo")] == []
    assert article_count(path) == before
    monkeypatch.undo()
    assert run("demo", "--path", path).exit_code == 0  # still a demo, rebuilt as one


def test_a_demo_only_upgraded_since_is_rebuilt(tmp_path):
    from claims import migrations

    path = tmp_path / "demo.db"
    assert run("demo", "--path", path).exit_code == 0
    migrations.downgrade(f"sqlite:///{path}", "0012")
    migrations.upgrade(f"sqlite:///{path}")  # lists every claim for drift: no work added
    assert run("demo", "--path", path).exit_code == 0


def test_a_demo_in_a_folder_it_may_not_write_is_one_line(tmp_path, monkeypatch):
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    result = run("demo", "--path", tmp_path / "demo.db")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: Cannot build the demo in ")
    assert "Permission denied" in result.stderr and "Traceback" not in result.output
