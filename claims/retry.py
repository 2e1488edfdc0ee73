"""Trying a unit of work again when it lost a race with another writer.

Several people adding claims at once contend for the same database. SQLite
serialises writers (``BEGIN IMMEDIATE`` waits on the busy timeout; past it the
writer gets "database is locked"); PostgreSQL may abort a transaction as a
deadlock victim or a serialization failure, a unique key (the same claim
text typed by two people) goes to whoever commits first, and a row another
writer deleted or merged away meanwhile (the claim an appearance is added to,
the source a chain names) fails its foreign key. In each case nothing was
written, so the safe answer is to run the whole unit again: the loser of such a
race then meets the service's own check and its clear message ("exists already",
"No claim with id ..."), or resolves a merged source's name to the source it went
into.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from claims.errors import DatabaseError

T = TypeVar("T")

DEFAULT_ATTEMPTS = 8
FIRST_PAUSE_SECONDS = 0.05
LONGEST_PAUSE_SECONDS = 2.0
# A unique key taken, or a referenced row deleted, by a concurrent writer needs one more run
# for the service to see it; a clash that survives that is not a race, and is reported as
# it is.
RACE_ATTEMPTS = 2

BUSY_MESSAGE = "The database is busy with other writers; nothing was saved: try again in a moment."
_SQLITE_BUSY = ("database is locked", "database is busy", "database table is locked")


class Contention(DatabaseError):
    """A transaction rolled back because another writer got there first; worth a retry."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind


def contention_kind(error: Exception) -> str | None:
    """``busy``, ``conflict`` or ``race`` when the driver error means "try again", else None."""
    original = getattr(error, "orig", None) or error
    text = str(original).lower()
    if any(phrase in text for phrase in _SQLITE_BUSY):
        return "busy"
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate in ("40001", "40P01"):  # serialization_failure, deadlock_detected
        return "conflict"
    # unique_violation; foreign_key_violation, which on PostgreSQL's READ COMMITTED means a
    # row this transaction looked up was deleted by a writer that committed since. SQLite's
    # writers take turns, so its foreign key failures are never a race and are not retried.
    if sqlstate in ("23505", "23503") or "unique constraint failed" in text:
        return "race"
    return None


def retrying(
    attempt: Callable[[], T],
    *,
    attempts: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Call ``attempt`` until it does not raise ``Contention``, pausing longer each time."""
    attempts = attempts or DEFAULT_ATTEMPTS
    pause = FIRST_PAUSE_SECONDS
    for number in range(1, attempts + 1):
        try:
            return attempt()
        except Contention as error:
            limit = RACE_ATTEMPTS if error.kind == "race" else attempts
            if number >= min(limit, attempts):
                if error.kind == "race":
                    raise DatabaseError(str(error)) from None
                raise DatabaseError(
                    f"The database stayed busy with other writers through {number} attempts; "
                    "nothing was saved: try again in a moment."
                ) from None
            sleep(pause * random.uniform(0.5, 1.5))
            pause = min(pause * 2, LONGEST_PAUSE_SECONDS)
    raise AssertionError("unreachable")
