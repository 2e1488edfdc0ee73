"""Several people adding claims at once: every row lands, nobody sees a lock error.

Workers are separate processes (spawned, so each has its own engine and
connections), calling the library the way the CLI does: one ``run_unit`` per
claim with its appearance.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time

import psycopg
import pytest
from sqlalchemy import func, select, text

from claims.db import make_engine, open_session, run_unit
from claims.errors import AlreadyExists, DatabaseError
from claims.models import Appearance, AuditEntry, ChainHop, Claim
from claims.retry import Contention, contention_kind, retrying
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim
from claims.services.sources import add_source

WORKERS = 4
CLAIMS_PER_WORKER = 200
ARTICLE = (
    "The council approved the new budget on Monday, officials said. "
    "Critics said the vote was rushed. The mayor told reporters the plan was fair."
)
QUOTE = "the plan was fair"


@pytest.fixture
def article(db_url) -> int:
    with open_session(db_url) as session:
        add_source(session, name="Daily Planet", kind="outlet", actor="setup")
        add_source(session, name="The Mayor", kind="person", actor="setup", aliases=["mayor"])
        return add_article(session, text=ARTICLE, outlet="Daily Planet", actor="setup").id


def add_many(url: str, worker: int, article_id: int, count: int, start) -> list[str]:
    """One worker: ``count`` claims, each with its appearance, each its own transaction."""
    engine = make_engine(url)  # one per process: its pool and compiled-statement cache
    start.wait()
    failures = []
    for number in range(count):

        def work(session, number=number):
            claim = add_claim(
                session,
                text=f"Worker {worker} says the plan was fair, take {number}.",
                actor=f"w{worker}",
            )
            session.flush()
            add_appearance(
                session,
                claim_id=claim.id,
                article_id=article_id,
                quote=QUOTE,
                chain="The Mayor [told]",
                actor=f"w{worker}",
            )

        try:
            run_unit(url, work, engine=engine)
        except Exception as error:  # a failure must be reported, not kill the worker
            failures.append(f"{type(error).__name__}: {error}")
    engine.dispose()
    return failures


def add_same(url: str, claim_text: str, start) -> str:
    start.wait()
    try:
        claim = run_unit(url, lambda s: add_claim(s, text=claim_text, actor="racer"))
        return f"created {claim.id}"
    except AlreadyExists as error:
        return f"exists: {error}"
    except Exception as error:
        return f"{type(error).__name__}: {error}"


@pytest.mark.slow
def test_four_writers_add_every_claim_and_appearance(db_url, article):
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(WORKERS)
        with context.Pool(WORKERS) as pool:
            results = pool.starmap(
                add_many,
                [(db_url, worker, article, CLAIMS_PER_WORKER, start) for worker in range(WORKERS)],
            )
    failures = [failure for result in results for failure in result]
    assert failures == []
    total = WORKERS * CLAIMS_PER_WORKER
    with open_session(db_url, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Claim)) == total
        assert session.scalar(select(func.count()).select_from(Appearance)) == total
        # The stated hop (the mayor) and the publisher, for every appearance.
        assert session.scalar(select(func.count()).select_from(ChainHop)) == 2 * total
        created = (
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "create", AuditEntry.entity.in_(("claims", "appearances")))
        )
        assert session.scalar(created) == 2 * total
        per_worker = session.execute(
            select(Claim.created_by, func.count()).group_by(Claim.created_by)
        ).all()
    assert sorted(per_worker) == [(f"w{w}", CLAIMS_PER_WORKER) for w in range(WORKERS)]


def test_two_processes_adding_the_same_claim_end_with_one(db_url):
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(2)
        with context.Pool(2) as pool:
            outcomes = pool.starmap(
                add_same, [(db_url, "The budget doubled in a year.", start)] * 2
            )
    assert sorted(o.split()[0] for o in outcomes) == ["created", "exists:"], outcomes
    assert "exists already" in next(o for o in outcomes if o.startswith("exists"))
    with open_session(db_url, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Claim)) == 1


def _wait_until_blocked_by(url: str, holder_pid: int) -> None:
    """Until some PostgreSQL backend waits on ``holder_pid`` (the second writer's INSERT)."""
    from sqlalchemy import create_engine

    engine = create_engine(url)
    query = text("SELECT count(*) FROM pg_stat_activity WHERE :holder = ANY(pg_blocking_pids(pid))")
    try:
        for _ in range(400):
            with engine.connect() as connection:
                if connection.execute(query, {"holder": holder_pid}).scalar():
                    return
            time.sleep(0.05)
        raise AssertionError("the second writer never waited on the first")
    finally:
        engine.dispose()


def test_the_loser_of_a_same_claim_race_is_told_it_exists(db_url, cli):
    """The first writer has inserted but not committed when the second one checks: on
    PostgreSQL the second's INSERT waits, then hits the unique key; on SQLite it waits
    for the write lock. Either way the person gets "exists already", not a key error."""
    claim_text = "The bridge reopened in March."
    inserted, release = threading.Event(), threading.Event()
    holder = {}

    def first_writer():
        with open_session(db_url) as session:
            add_claim(session, text=claim_text, actor="first")
            session.flush()
            if db_url.startswith("postgresql"):
                holder["pid"] = session.execute(text("SELECT pg_backend_pid()")).scalar()
            inserted.set()
            release.wait(30)

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert inserted.wait(30)
    outcome = {}
    second = threading.Thread(target=lambda: outcome.update(result=cli("claim", "add", claim_text)))
    second.start()
    if db_url.startswith("postgresql"):
        _wait_until_blocked_by(db_url, holder["pid"])
    else:
        time.sleep(0.3)  # SQLite: the second waits for the write lock either way
    release.set()
    thread.join(30)
    second.join(60)
    result = outcome["result"]
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.stderr.strip().startswith("Error: This claim exists already as #1"), result.stderr
    with open_session(db_url, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Claim)) == 1


def test_a_writer_held_past_the_busy_timeout_is_retried_on_sqlite(db_url, monkeypatch):
    """Past SQLite's busy timeout a writer gets "database is locked"; run_unit waits and
    runs it again, so the person sees the claim added."""
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock")
    import claims.db

    monkeypatch.setattr(claims.db, "SQLITE_BUSY_TIMEOUT_MS", 50)
    path = db_url.removeprefix("sqlite:///")
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(0.6, holder.commit)
    timer.start()
    try:
        claim = run_unit(db_url, lambda s: add_claim(s, text="Held, then added.", actor="t"))
    finally:
        timer.join()
        holder.close()
    assert claim.id == 1


def test_contention_is_recognised():
    assert contention_kind(sqlite3.OperationalError("database is locked")) == "busy"
    assert contention_kind(psycopg.errors.SerializationFailure("x")) == "conflict"
    assert contention_kind(psycopg.errors.DeadlockDetected("x")) == "conflict"
    assert contention_kind(psycopg.errors.UniqueViolation("x")) == "race"
    assert contention_kind(sqlite3.IntegrityError("UNIQUE constraint failed: claims.key")) == "race"
    assert contention_kind(sqlite3.IntegrityError("FOREIGN KEY constraint failed")) is None
    assert contention_kind(psycopg.errors.UndefinedTable("x")) is None


def test_retrying_backs_off_then_gives_up_with_a_plain_message():
    pauses = []

    def always_busy():
        raise Contention("Database error: database is locked", "busy")

    with pytest.raises(DatabaseError, match="stayed busy") as raised:
        retrying(always_busy, attempts=5, sleep=pauses.append)
    assert "locked" not in str(raised.value)
    assert len(pauses) == 4
    assert pauses[-1] > pauses[0]


def test_retrying_returns_once_the_race_is_over():
    calls = []

    def busy_twice():
        calls.append(1)
        if len(calls) < 3:
            raise Contention("locked", "busy")
        return "done"

    assert retrying(busy_twice, sleep=lambda _: None) == "done"
    assert len(calls) == 3


def test_a_key_clash_that_is_not_a_race_is_retried_once():
    calls = []

    def clash():
        calls.append(1)
        raise Contention("duplicate key", "race")

    with pytest.raises(DatabaseError, match="duplicate key"):
        retrying(clash, sleep=lambda _: None)
    assert len(calls) == 2


def test_a_busy_sqlite_database_is_explained_not_reported_as_locked(db_url, monkeypatch):
    """Commands that do not retry still get a sentence, not the driver's "database is locked"."""
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock")
    import claims.db

    monkeypatch.setattr(claims.db, "SQLITE_BUSY_TIMEOUT_MS", 20)
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError) as raised:
            with open_session(db_url) as session:
                add_claim(session, text="Never added.", actor="t")
        assert "busy with other writers" in str(raised.value)
        assert "locked" not in str(raised.value)
        with pytest.raises(DatabaseError, match="stayed busy"):
            run_unit(db_url, lambda s: add_claim(s, text="Never added.", actor="t"), attempts=2)
    finally:
        holder.rollback()
        holder.close()
