"""Export, then import into an empty database: the reports come out the same."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import typer
from sqlalchemy import select

from claims.db import open_session
from claims.models import Article, Claim
from claims.reports import REPORTS
from claims.services.drift import refresh_drift
from cli.main import app
from tests.conftest import Cli

# Set by the database, not carried by the flat rows: when the import ran, and the
# surrogate ids, which follow the file's order rather than the original's.
TIMESTAMPS = ("created_at", "updated_at")
IDS = ("claim_id", "article_id", "appearance_id")

# A scraped page: a repeated headline, a byline, an advertisement break and a newsletter
# notice around the article; its first headline is quoted, so cleaning keeps it.
GAZETTE = """Port expansion approved after long debate
Port expansion approved after long debate
By Jane Roe
The city council approved the harbour expansion on Monday, officials told the Gazette.
Article continues after this advertisement
The council said the new quay will open in 2026, according to the mayor.
Subscribe to our newsletter for daily updates
"""
# The same story stored with --no-clean: its advertisement line stays in the text.
BULLETIN = """Harbour expansion gets the green light
Article continues after this advertisement
The city council approved the harbour expansion on Monday, the mayor said.
The council said the new quay would open in 2027.
"""


def add_cleaned_articles(cli: Cli, tmp_path) -> None:
    """Two articles of one date carrying the same claims: one cleaned, one kept whole."""
    for name, text, outlet, extra in [
        ("gazette.txt", GAZETTE, "Harbour Gazette", []),
        ("bulletin.txt", BULLETIN, "Harbour Bulletin", ["--no-clean"]),
    ]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = cli(
            "article", "add", str(path), "--outlet", outlet, "--published", "2024-03-01",
            "--create-sources", *extra,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    with open_session(cli.url, write=False) as session:
        day = dt.date(2024, 3, 1)
        gazette, bulletin = sorted(
            session.scalars(select(Article.id).where(Article.published == day))
        )
    approved = "The city council approved the harbour expansion on Monday"
    claims = {
        "The city council approved the harbour expansion.": [
            (gazette, approved, "officials [told]"),
            (bulletin, approved, "the mayor [said]"),
        ],
        "The new quay opens in 2026.": [
            (gazette, "the new quay will open in 2026", "the mayor [according to]"),
            (bulletin, "the new quay would open in 2027", None),
        ],
        "The port expansion was approved.": [
            (gazette, "Port expansion approved after long debate", None),
        ],
    }  # fmt: skip
    for text, appearances in claims.items():
        result = cli("claim", "add", text)
        assert result.exit_code == 0, result.output
        with open_session(cli.url, write=False) as session:
            claim_id = str(session.scalar(select(Claim.id).where(Claim.text == text)))
        for article_id, quote, chain in appearances:
            args = ["appearance", "add", claim_id, str(article_id), "--quote", quote]
            if chain:
                args += ["--chain", chain, "--create-sources"]
            result = cli(*args)
            assert result.exit_code == 0, result.output


def articles(url: str) -> dict:
    with open_session(url, write=False) as session:
        return {
            sha: (text, raw, removed)
            for sha, text, raw, removed in session.execute(
                select(Article.sha256, Article.text, Article.raw_text, Article.removed)
            )
        }


def drift_recomputed(url: str):
    """The drift report after recomputing every finding, rolled back afterwards."""
    from claims.reports import drift

    with open_session(url, write=False) as session:
        refresh_drift(session)
        frame = comparable(drift.drift(session))
        session.rollback()
    return frame


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
    add_cleaned_articles(source, tmp_path)
    exported = tmp_path / f"claims.{fmt}"
    result = source("export", "--format", fmt, "-o", str(exported))
    assert result.exit_code == 0, result.output

    result = Cli(db_url)("import", str(exported))
    assert result.exit_code == 0, result.output

    expected, got = reports(f"sqlite:///{original}"), reports(db_url)
    for name in REPORTS:
        assert len(got[name]) > 0, name
        pd.testing.assert_frame_equal(got[name], expected[name], obj=f"report {name}")
    stored = articles(db_url)
    assert stored == articles(f"sqlite:///{original}")
    gazette = next(v for v in stored.values() if v[1] and v[1].startswith("Port expansion"))
    assert {cut["reason"] for cut in gazette[2]} >= {"advertisement", "repeated line"}
    assert "advertisement" not in gazette[0]
    bulletin = next(v for v in stored.values() if v[1] and v[1].startswith("Harbour expansion"))
    assert bulletin[0] == bulletin[1] and bulletin[2] == []  # stored with --no-clean
    pd.testing.assert_frame_equal(got["drift"], drift_recomputed(db_url), obj="stored drift")
