"""The import's writing thread: a planned batch is written while the next one is planned.

An import batch is mostly two kinds of work: Python deciding what to write (resolving
names, anchoring, composing chains) and the database writing it (index and trigger
upkeep, the commit). The database's share runs without Python's global lock (SQLite's
``sqlite3_step``, a PostgreSQL server process), so the two can overlap: the planner
hands each batch over as a list of writes and goes on with the next batch while this
thread writes it, one transaction per batch, in order.

One batch is in flight at most: handing over batch N first waits for batch N-1 to
commit, so whatever the planner reads from the database was committed at least one
batch ago, and what the batch in flight writes the planner keeps in memory
(``Plan``). An error in a batch is raised where the planner next waits, after which
nothing more is written; an interrupt waits for the batch in flight to commit, so the
batches before the failure are stored whole, and a re-run completes the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from sqlalchemy import Connection, Engine

from claims.errors import InvalidInput

Write = Callable[[Connection], None]


class ConcurrentWrite(InvalidInput):
    """Another program stored records an import batch was about to create."""


class BatchWriter:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claims-import-writer")
        self._in_flight: Future | None = None

    def submit(self, writes: list[Write], label: str) -> None:
        """Write these in one transaction, in order, on the writing thread.

        Waits for the batch before to commit first (raising its error, if any).
        """
        self.wait()
        self._in_flight = self._pool.submit(self._write, writes, label)

    def wait(self) -> None:
        """Until the batch in flight is committed; its error, if it failed, is raised here."""
        in_flight, self._in_flight = self._in_flight, None
        if in_flight is not None:
            in_flight.result()

    def close(self) -> None:
        """Let the batch in flight finish, and stop the thread (its error is not raised)."""
        try:
            if self._in_flight is not None:
                self._in_flight.exception()
        finally:
            self._in_flight = None
            self._pool.shutdown(wait=True)

    def _write(self, writes: list[Write], label: str) -> None:
        try:
            with self.engine.begin() as connection:
                for write in writes:
                    write(connection)
        except Exception as error:  # SQLAlchemy's wrapper, or the driver's own (COPY)
            if not _unique_violation(error):
                raise
            raise ConcurrentWrite(
                f"Another writer stored records of {label} while the import ran "
                f"({_first_line(error)}): the batches before it are stored; run the same "
                "import again to complete it."
            ) from None


def _unique_violation(error: Exception) -> bool:
    original = getattr(error, "orig", None) or error
    return getattr(original, "sqlstate", None) == "23505" or (
        "UNIQUE constraint failed" in str(original)
    )


def _first_line(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def ids_still_free(first_ids: dict[str, int]) -> Write:
    """A write that checks, once the batch holds SQLite's write lock, that nobody took the
    ids the planner gave its new rows (it counts them on from the batches before)."""

    def check(connection: Connection) -> None:
        for table, first in first_ids.items():
            top = connection.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar() or 0
            counter = connection.exec_driver_sql(
                "SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)
            ).scalar()
            if max(top, counter or 0) >= first:
                raise ConcurrentWrite(
                    f"Another writer added {table} while the import ran: the batches before "
                    "are stored; run the same import again to complete it."
                )

    return check
