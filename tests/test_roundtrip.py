"""Export, then import into an empty database: the reports come out the same."""

from __future__ import annotations

import shutil

import pytest
import typer

from claims.db import open_session
from claims.reports import REPORTS
from cli.main import app
from tests.conftest import Cli

# Set by the database, not carried by the flat rows: when the import ran, and the
# surrogate ids, which follow the file's order rather than the original's.
TIMESTAMPS = ("created_at", "updated_at")
IDS = ("claim_id", "article_id", "appearance_id")


def _export_missing() -> bool:
    return "export" not in typer.main.get_command(app).commands


def reports(url: str) -> dict:
    with open_session(url, write=False) as session:
        return {name: comparable(build(session)) for name, build in REPORTS.items()}


def comparable(frame):
    """The report's content in a fixed row order, without what a fresh database renumbers."""
    frame = frame.drop(columns=[*TIMESTAMPS, *IDS], errors="ignore")
    order = frame.astype(str).sort_values(list(frame.columns), kind="mergesort").index
    return frame.loc[order].reset_index(drop=True)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_then_import_gives_identical_reports(fmt, db_url, tmp_path, sqlite_template):
    if _export_missing():
        pytest.skip("`claims export` does not exist in this build, so there is nothing to export")
    import pandas as pd

    original = tmp_path / "original.db"
    shutil.copy(sqlite_template, original)
    source = Cli(f"sqlite:///{original}")
    seeded = source("seed")
    assert seeded.exit_code == 0, seeded.output
    exported = tmp_path / f"claims.{fmt}"
    result = source("export", "--format", fmt, "-o", str(exported))
    assert result.exit_code == 0, result.output

    result = Cli(db_url)("import", str(exported))
    assert result.exit_code == 0, result.output

    expected, got = reports(f"sqlite:///{original}"), reports(db_url)
    for name in REPORTS:
        assert len(got[name]) > 0, name
        pd.testing.assert_frame_equal(got[name], expected[name], obj=f"report {name}")
