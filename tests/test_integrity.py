"""Guarantees that hold under the surface: migrations keep data, texts stay immutable,
decisions are not made blind, readers do not wait for writers."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest
from sqlalchemy import func, select, text

from claims import migrations
from claims.db import make_engine, open_session
from claims.errors import ChangedMeanwhile, DatabaseError
from claims.models import Appearance, Article, ChainHop, Claim, Review
from claims.services import review
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim, edit_claim, get_claim

TEXT = "The minister said the bridge will open in May, the agency reported.\n"


def _one_appearance(url: str) -> None:
    with open_session(url) as session:
        add_article(
            session, text=TEXT, outlet="Daily", origin="Agency", actor="t", create_sources=True
        )
        add_claim(session, text="The bridge will open in May.", actor="t")
        add_appearance(
            session,
            claim_id=1,
            article_id=1,
            quote="the bridge will open in May",
            chain="Minister [said]",
            create_sources=True,
            actor="t",
        )
        review.submit(session, 1, actor="t")


def _counts(url: str) -> tuple[int, int, int]:
    with open_session(url, write=False) as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (Appearance, ChainHop, Review)
        )


def test_rebuilding_a_parent_table_in_a_migration_keeps_its_children(db_url):
    """Batch mode on SQLite drops and recreates a table; that must not cascade."""
    if not db_url.startswith("sqlite"):
        pytest.skip("table rebuilds are SQLite's batch mode")
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    _one_appearance(db_url)
    before = _counts(db_url)
    engine = make_engine(db_url, foreign_keys=False)
    try:
        with engine.begin() as connection:
            operations = Operations(MigrationContext.configure(connection))
            for table in ("claims", "articles", "sources"):
                with operations.batch_alter_table(table, recreate="always"):
                    pass
    finally:
        engine.dispose()
    assert _counts(db_url) == before == (1, 3, 1)


def test_article_text_cannot_be_changed_in_the_database(db_url):
    _one_appearance(db_url)
    with pytest.raises(DatabaseError, match="immutable"):
        with open_session(db_url) as session:
            session.execute(text("UPDATE articles SET text = 'rewritten' WHERE id = 1"))
    with open_session(db_url, write=False) as session:
        assert session.get(Article, 1).text == TEXT
    with open_session(db_url) as session:  # other columns stay editable
        session.execute(text("UPDATE articles SET title = 'Bridge' WHERE id = 1"))


def test_a_decision_on_a_claim_changed_since_it_was_shown_is_refused(db_url):
    _one_appearance(db_url)
    with open_session(db_url, write=False) as session:
        shown = get_claim(session, 1).version
    with open_session(db_url) as session:
        edit_claim(session, get_claim(session, 1), text="The bridge opens in June.", actor="b")
    with pytest.raises(ChangedMeanwhile, match="changed since it was shown"):
        with open_session(db_url) as session:
            review.decide(session, 1, "approve", actor="a", seen_version=shown)
    with open_session(db_url, write=False) as session:
        assert get_claim(session, 1).status == "in_review"


def test_concurrent_update_of_the_same_claim_is_refused_not_lost(db_url):
    _one_appearance(db_url)
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite serialises writers; the race needs two open transactions")
    from sqlalchemy.orm import Session

    engine = make_engine(db_url)
    try:
        with Session(engine) as first, Session(engine) as second:
            a = first.get(Claim, 1)
            b = second.get(Claim, 1)
            a.notes = "first"
            first.commit()
            b.notes = "second"
            from sqlalchemy.orm.exc import StaleDataError

            with pytest.raises(StaleDataError):
                second.commit()
    finally:
        engine.dispose()


def test_readers_do_not_wait_for_a_writer(db_url, tmp_path):
    if not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL readers never wait for writers")
    _one_appearance(db_url)
    path = db_url.removeprefix("sqlite:///")
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE claims SET notes = 'busy' WHERE id = 1")
    try:
        finished = threading.Event()

        def read():
            with open_session(db_url, write=False) as session:
                session.scalar(select(func.count()).select_from(Appearance))
            finished.set()

        thread = threading.Thread(target=read)
        thread.start()
        thread.join(timeout=5)
        assert finished.is_set(), "a read-only command queued behind a writer"
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_report_format_follows_the_output_suffix(cli, tmp_path):
    assert cli("claim", "add", "Snow is white.").exit_code == 0
    for suffix, check in (
        (".csv", lambda p: p.read_text().startswith("claim_id,")),
        (".json", lambda p: json.loads(p.read_text())[0]["claim_id"] == 1),
        (".xlsx", lambda p: p.read_bytes()[:2] == b"PK"),
    ):
        path = tmp_path / f"carriers{suffix}"
        result = cli("report", "carriers", "-o", path)
        assert result.exit_code == 0, result.output
        assert check(path), suffix


def test_an_outlet_named_like_a_fixed_column_does_not_hide_it(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Snow is white, they said.\n", encoding="utf-8")
    steps = [
        ("article", "add", tmp_path / "a.txt", "--outlet", "status", "--create-sources"),
        ("claim", "add", "Snow is white."),
        ("appearance", "add", "1", "1", "-q", "Snow is white"),
    ]
    for step in steps:
        assert cli(*step).exit_code == 0
    row = json.loads(cli("report", "carriers", "-f", "json").stdout)[0]
    assert row["status"] == "draft" and row["status (outlet)"] == 1


@pytest.mark.parametrize("name", ["x#1.db", "p%41.db", "with space.db", "what?.db"])
def test_odd_sqlite_file_names_open_the_named_file(tmp_path, sqlite_template, name):
    """A path given to --db names that file, whatever characters it holds."""
    from claims.settings import database_url
    from claims.sql import run_query

    path = tmp_path / name
    path.write_bytes(sqlite_template.read_bytes())
    url = database_url(str(path))
    assert run_query(url, "SELECT count(*) FROM claims").rows == [(0,)]
    assert migrations.current(url)[0] is not None
    with open_session(url) as session:
        add_claim(session, text="Snow is white.", actor="t")
    files = {p.name for p in tmp_path.iterdir()} - {f"{name}-wal", f"{name}-shm"}
    assert files == {name}  # no stray file opened under a truncated or decoded name
