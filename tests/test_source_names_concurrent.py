"""Two writers giving one name to two new sources at once (PostgreSQL, where both can run):
the second waits for the first, then finds the name taken; no two sources share a name."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from claims.db import open_session
from claims.errors import AlreadyExists
from claims.models import Source
from claims.services.sources import add_source, get_or_create_source

ACTOR = "tester"


def _concurrently(db_url: str, first_step, second_step) -> list:
    """Run ``second_step`` in its own session while ``first_step``'s transaction is open;
    return what the second gave (or raised). The second must wait for the first."""
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite lets one writer in at a time: the second starts after the first")
    outcome: list = []

    def second() -> None:
        try:
            with open_session(db_url) as late:
                outcome.append(second_step(late))
        except BaseException as error:  # noqa: BLE001 - reported to the test
            outcome.append(error)

    with open_session(db_url) as first:
        first_step(first)
        first.flush()
        waiting = threading.Thread(target=second)
        waiting.start()
        waiting.join(timeout=1)
        assert waiting.is_alive(), outcome  # it waits for the first to commit
    waiting.join(timeout=60)
    assert len(outcome) == 1, outcome
    return outcome


def _names(db_url: str) -> list[str]:
    with open_session(db_url, write=False) as session:
        return list(session.scalars(select(Source.name).order_by(Source.id)))


def test_a_name_added_twice_at_once_is_refused_the_second_time(db_url):
    outcome = _concurrently(
        db_url,
        lambda s: add_source(s, name="Evening Gazette", kind="outlet", actor=ACTOR),
        lambda s: add_source(s, name="evening  gazette", kind="outlet", actor=ACTOR),
    )
    assert isinstance(outcome[0], AlreadyExists), outcome
    assert _names(db_url) == ["Evening Gazette"]


def test_a_source_created_twice_at_once_is_one_source(db_url):
    """`article add --create-sources` in two terminals: both articles get the one outlet."""
    outcome = _concurrently(
        db_url,
        lambda s: get_or_create_source(s, "Evening Gazette", actor=ACTOR, create=True),
        lambda s: get_or_create_source(s, "Evening Gazette", actor=ACTOR, create=True).id,
    )
    assert isinstance(outcome[0], int), outcome
    with open_session(db_url, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Source)) == 1
        assert session.scalar(select(Source.id)) == outcome[0]
