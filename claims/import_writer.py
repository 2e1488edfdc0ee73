"""The import's writing process: a planned batch is written while the next one is planned.

An import batch is mostly two kinds of work: Python deciding what to write (resolving
names, anchoring, composing chains) and the database writing it (index and trigger
upkeep, the commit). They can run side by side on two cores, but not as two threads of
one process: the writing thread takes Python's lock back after every row it hands to
SQLite, and waits for it each time, so it ends up slower than writing in turn. So the
writes go to a process of their own, started with the import: the planner sends each
batch as a list of writes (plain functions and rows, pickled) and goes on with the next
batch while that process writes it, one transaction per batch, in order.

One batch is in flight at most: sending batch N first waits for batch N-1 to commit, so
whatever the planner reads from the database was committed at least one batch ago, and
what the batch in flight writes the planner keeps in memory (``Plan``). An error in a
batch is raised where the planner next waits, after which nothing more is written. The
writing process ignores Ctrl-C: the importer lets the batch in flight commit before it
stops, so the batches before an interruption are stored whole, and a re-run completes
the rest. A killed importer takes its writing process with it (it reads from a pipe
that closes), and the batch in flight is rolled back.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, exc

from claims.errors import DatabaseError, InvalidInput

Write = Callable[[Connection], None]  # picklable: a module's function and plain values


class ConcurrentWrite(InvalidInput):
    """Another program stored records an import batch was about to create.

    ``batch`` is what the failed batch was submitted as (``BatchWriter.submit``), so the
    importer can plan it again on what is stored now.
    """

    def __init__(self, message: str, batch: object = None):
        super().__init__(message)
        self.batch = batch


PROCESS_MIN_BYTES = 4_000_000  # a smaller file is written in turn: not worth a process


def separate_process(size: int) -> bool:
    """Whether an import file of ``size`` bytes is written by a process of its own."""
    return size >= PROCESS_MIN_BYTES and (os.cpu_count() or 1) > 1


class BatchWriter:
    """Writes the batches it is sent to the database at ``url``, in a process of its own
    (``separate``) or, for a small file, in turn, in this process, the same way."""

    def __init__(self, url: str, *, separate: bool):
        self.url = url
        self._engine = None
        self._process = None
        self._in_flight: tuple[str, object] | None = None  # its label and batch
        if not separate:
            self._engine = import_engine(url)
            return
        # A new interpreter, not a fork: it holds none of the importer's connections, and
        # it does not run the importer's main script again, as multiprocessing's spawn does.
        self._process = subprocess.Popen(
            [sys.executable, "-m", "claims.import_writer", url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    @property
    def separate(self) -> bool:
        """Whether the batches are written by a process of their own."""
        return self._process is not None

    def submit(self, writes: list[Write], label: str, *, batch: object = None) -> None:
        """Write these in one transaction, in order.

        Waits for the batch before to commit first (raising its error, if any). A
        ``ConcurrentWrite`` carries the ``batch`` of the batch that failed.
        """
        self.wait()
        if self._process is None:
            outcome = _write(self._engine, self.url, label, writes)
            if outcome is not None:
                _raise(outcome, batch)
            return
        try:
            pickle.dump((label, writes), self._process.stdin, pickle.HIGHEST_PROTOCOL)
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise self._stopped(label) from None
        self._in_flight = (label, batch)

    def wait(self) -> None:
        """Until the batch in flight is committed; its error, if it failed, is raised here."""
        in_flight, self._in_flight = self._in_flight, None
        if in_flight is None:
            return
        label, batch = in_flight
        try:
            outcome = pickle.load(self._process.stdout)
        except (EOFError, OSError, pickle.UnpicklingError):
            raise self._stopped(label) from None
        if outcome is not None:
            _raise(outcome, batch)

    def _stopped(self, label: str) -> DatabaseError:
        return DatabaseError(
            f"The import's writing process stopped while writing {label}: the batches "
            "before it are stored; run the same import again to complete it."
        )

    def close(self) -> None:
        """Let the batch in flight finish, and stop the process (its error is not raised)."""
        if self._process is None:
            self._engine.dispose()
            return
        try:
            if self._in_flight is not None:
                self._in_flight = None
                pickle.load(self._process.stdout)
            self._process.stdin.close()  # the end of the batches: the process stops
        except (EOFError, OSError, pickle.UnpicklingError):
            pass
        try:
            self._process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process.stdout.close()


def _serve(url: str) -> None:
    """The writing process: a transaction per batch read from stdin, an outcome written to
    stdout for each, until stdin ends (the importer is done, or gone)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The outcomes get stdout to themselves: anything else printed goes to stderr.
    batches, outcomes = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    engine = import_engine(url)
    try:
        while True:
            try:
                label, writes = pickle.load(batches)
            except (EOFError, pickle.UnpicklingError):
                return  # the importer is done, or stopped while sending: nothing more to write
            pickle.dump(_write(engine, url, label, writes), outcomes, pickle.HIGHEST_PROTOCOL)
            outcomes.flush()
    finally:
        engine.dispose()


def _write(engine: Engine, url: str, label: str, writes: list[Write]) -> tuple[str, str] | None:
    """One batch in one transaction: None, or what went wrong as (kind, message)."""
    from claims.db import describe_operational_error

    try:
        with engine.begin() as connection:
            for write in writes:
                write(connection)
    except ConcurrentWrite as error:
        return "concurrent", _concurrent(label, error)
    except Exception as error:  # SQLAlchemy's wrapper, or the driver's own (COPY)
        if _unique_violation(error):
            return "concurrent", _concurrent(label, error)
        if isinstance(error, exc.DBAPIError) or hasattr(error, "sqlstate"):
            return "database", f"{describe_operational_error(url, error)} ({label})"
        raise
    return None


def _raise(outcome: tuple[str, str], batch: object) -> None:
    kind, message = outcome
    raise ConcurrentWrite(message, batch) if kind == "concurrent" else DatabaseError(message)


# The writer's page cache, in KiB (negative: SQLite's unit for a size, not a page count).
# The default 2 MB holds too little of the indexes the batches grow (the appearances'
# unique key and full-text index, the findings' four indexes), so every batch reads
# pages back from the file; this holds them, for this connection only, and costs at
# most its size in memory. Neither durability setting (WAL, synchronous) changes.
IMPORT_CACHE_KIB = 65_536


def import_engine(url: str) -> Engine:
    """The engine an import writes with: on SQLite, with a bigger page cache."""
    from sqlalchemy import event

    from claims.db import make_engine

    engine = make_engine(url, bulk=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _import_pragmas)
    return engine


def _import_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _concurrent(label: str, error: Exception) -> str:
    return (
        f"Another writer stored records of {label} while the import ran "
        f"({_first_line(error)}): the batches before it are stored; run the same import "
        "again to complete it."
    )


def _unique_violation(error: Exception) -> bool:
    original = getattr(error, "orig", None) or error
    return getattr(original, "sqlstate", None) == "23505" or (
        "UNIQUE constraint failed" in str(original)
    )


def _first_line(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# -- the writes a batch is made of: functions of this module, so they pickle by name --


def insert_into(connection: Connection, table: str, rows: list, columns=None) -> None:
    """``db.insert_rows`` into the table of this name."""
    from claims.db import insert_rows
    from claims.models import Base

    insert_rows(connection, Base.metadata.tables[table], rows, columns)


def add_audit_entry(connection: Connection, values: dict[str, Any]) -> None:
    from sqlalchemy import insert

    from claims.models import AuditEntry

    connection.execute(insert(AuditEntry.__table__).values(**values))


def ids_still_free(connection: Connection, first_ids: dict[str, int]) -> None:
    """Check, once the batch holds SQLite's write lock, that nobody took the ids the
    planner gave its new rows (it counts them on from the batches before)."""
    for table, first in first_ids.items():
        top = connection.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar() or 0
        counter = connection.exec_driver_sql(
            "SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)
        ).scalar()
        if max(top, counter or 0) >= first:
            raise ConcurrentWrite(f"new {table} took the ids the import had planned for its own")


def claim_source_names(connection: Connection, keys: list[str]) -> None:
    """Hold the names the batch gives its new sources, and check nobody took one since the
    batch was planned.

    Another writer (``claims source add``, ``article add --create-sources``) may create a
    source of the same name between the planner's look-up and this transaction. On SQLite
    the new source's id shows it (``ids_still_free``); PostgreSQL's sequences hide it, so
    the batch takes the name locks those writers take (``sources.lock_name_on``), in one
    order, then looks: a name taken makes the batch ``ConcurrentWrite``, and the importer
    plans it again on what is stored, finding that source instead of making a second.
    """
    from sqlalchemy import select

    from claims.models import SourceAlias
    from claims.services.sources import lock_name_on

    for key in keys:
        lock_name_on(connection, key)
    taken = connection.execute(
        select(SourceAlias.alias).where(SourceAlias.key.in_(keys)).limit(1)
    ).scalar()
    if taken is not None:
        raise ConcurrentWrite(f"another writer created the source {taken!r} meanwhile")


if __name__ == "__main__":
    # Run as this package's module, not as ``__main__``: the writes it is sent are pickled
    # by the module's name, and their errors must be this module's classes.
    from claims import import_writer

    import_writer._serve(sys.argv[1])
