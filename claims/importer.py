"""Bulk import of flat rows: check the whole file, then write it in batches.

A spreadsheet of claims is either loaded whole or not at all, unless the person
asks for the good rows only (``skip_bad``). So there are two passes: the first
reads the file as a stream and checks every row against the database and the
rows before it, writing nothing but a spill file of the good rows, parsed; the
second reads that spill and writes batch by batch, each batch in its own
transaction. A crash or a kill loses at most the batch in
flight, and since every record has a natural key (a claim its folded text, an
article its SHA-256, an appearance its claim, article and quotation span),
running the import again skips what is there and completes the rest.

Drift findings are recomputed once per claim, after the last batch: each batch
lists the claims it gave appearances in ``drift_pending``, in its own
transaction, and the import ends by recomputing every listed claim, a batch of
claims per transaction. A run cut short leaves the lagging claims listed;
running the import again (or ``claims drift``) completes them. Claims an upgrade
listed there (its revision changed the drift rules) are completed with them.

The rules are the per-row services' own functions (``flatrows`` parsing,
``anchoring.find_quotation``, ``chains.compose``, ``sources.find_source``,
``claim_key``, the models' string checks); only the writing is different:
SQLAlchemy Core ``insert`` with many rows per statement, and existing keys
looked up a batch at a time, instead of one ORM object and flush per row.
The importer owns its transactions, so it takes a database URL, not a session.
"""

from __future__ import annotations

import gc
import signal
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, exc
from sqlalchemy.orm import Session

from claims.db import check_sqlite_file, describe_operational_error, make_engine
from claims.errors import DatabaseError, ImportRejected, InvalidInput
from claims.flatrows import Problem
from claims.import_files import (
    RawRow,
    RejectsWriter,
    check_file,
    detect_format,
    open_rows,
    rejects_path,
)
from claims.import_plan import Plan
from claims.import_records import Anchors, ImportSummary, Tally, checked_rows, count_checked
from claims.import_workers import prepared_rows, worker_count
from claims.import_writer import BatchWriter, ConcurrentWrite, add_audit_entry, separate_process
from claims.models import (
    utcnow,
)

BATCH_ROWS = 2_000
PROBLEMS_KEPT = 1_000

Progress = Callable[[str, int, int], None]


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped an import; the message says what is stored and how to complete it.

    A ``KeyboardInterrupt`` still, so a caller that does not know it stops as for any.
    """


class _Interrupts:
    """Ctrl-C while batches are written: let the batch in hand be sent and stored, then stop.

    Interrupted anywhere, the importer would stop mid-batch: possibly while the batch is
    on its way to the writing process, which then reads half of it. So the first Ctrl-C
    is noted (``asked``) and the writing loops stop at the next batch; a second one
    stops at once, as Ctrl-C does elsewhere. Signals are only the main thread's to
    handle: in another thread nothing changes.
    """

    def __init__(self):
        self.asked = False
        self._previous = None

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._note)
        return self

    def _note(self, signum, frame) -> None:
        self.asked = True
        signal.signal(signal.SIGINT, self._previous)

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def import_file(
    url: str,
    path: str | Path,
    *,
    actor: str,
    fmt: str | None = None,
    skip_bad: bool = False,
    encoding: str | None = None,
    batch_rows: int = BATCH_ROWS,
    progress: Progress | None = None,
    clean: bool = True,
) -> ImportSummary:
    """Import a CSV, JSON Lines or ClaimReview file; see ``docs/import-format.md``.

    ``clean`` cuts page debris, as ``add_article`` does, from new articles whose row
    gives no ``article_cuts``; off, such articles are stored as received.

    Raises ``ImportRejected`` listing the problems, having written nothing,
    when a row is bad and ``skip_bad`` is off. With ``skip_bad``, the rejects file is
    replaced (or an old one removed) only by an import whose check completes.
    """
    path = Path(path)
    rejects_at = rejects_path(path)
    check_file(path)
    fmt = detect_format(path, fmt)
    check_sqlite_file(url)
    summary = ImportSummary(file=str(path), format=fmt)
    if batch_rows < 1:
        raise InvalidInput("The batch size counts rows: give 1 or more.")
    reader_engine = make_engine(url, immediate=False, bulk=True)
    # Started now, so that a writing process starts up while the file is checked.
    writer = BatchWriter(url, separate=separate_process(path.stat().st_size))
    writers = [writer]
    # Millions of short-lived, acyclic objects (rows, tuples, strings): at the default
    # thresholds the cycle collector runs a thousand times per 10,000 rows and takes a
    # fifth of the time; the few cycles SQLAlchemy makes are still collected, later.
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    rejects = None
    try:
        from claims.migrations import ensure_current

        ensure_current(reader_engine)
        rejects = RejectsWriter(rejects_at) if skip_bad else None
        with tempfile.TemporaryDirectory(prefix="claims-import-") as spill_dir:
            spill = Path(spill_dir) / "checked.db"
            try:
                bad = _check(
                    reader_engine,
                    path,
                    fmt,
                    encoding,
                    actor,
                    batch_rows,
                    rejects,
                    progress,
                    clean,
                    spill,
                )
            except KeyboardInterrupt:
                raise ImportInterrupted(
                    f"Interrupted while checking {path.name}: nothing was written to the database."
                ) from None
            if bad.count and not skip_bad:
                raise ImportRejected(path.name, bad.problems, bad.count)
            summary.rejected = len(bad.rows)
            if rejects is not None:
                # The bad rows are known once the file is checked, whatever the writing
                # does: in place now, a stopped write leaves the rejects of this file (the
                # re-run that completes it sets the same aside), not an earlier run's, and
                # a rejects file that cannot be put in place stops before anything is written.
                rejects.finish()
                if rejects.count:
                    summary.rejects_file = str(rejects.path)
                elif rejects.removed:
                    summary.rejects_removed = str(rejects.path)
            if writer.separate and reader_engine.dialect.name == "postgresql":
                # Started now, to be ready for the drift step; see ``complete_drift``.
                writers.append(BatchWriter(url, separate=True))
            with _Interrupts() as interrupts:
                _write(
                    reader_engine,
                    writer,
                    spill,
                    actor,
                    batch_rows,
                    bad,
                    summary,
                    progress,
                    clean,
                    interrupts,
                )
        with _Interrupts() as interrupts:
            complete_drift(url, batch_rows, progress, writers=writers, interrupts=interrupts)
    except exc.DBAPIError as error:
        raise DatabaseError(describe_operational_error(url, error)) from None
    finally:
        if rejects is not None:
            rejects.discard()
        gc.set_threshold(*thresholds)
        for each in writers:
            each.close()
        reader_engine.dispose()
    return summary


@dataclass
class _Bad:
    rows: set[int] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    count: int = 0
    anchors: Anchors | None = None

    def add(self, number: int, column: str, reason: str) -> None:
        self.rows.add(number)
        self.count += 1
        if len(self.problems) < PROBLEMS_KEPT:
            self.problems.append(Problem(number, column, reason))


def _chunks(rows: Iterable[RawRow], size: int) -> Iterable[list[RawRow]]:
    chunk: list[RawRow] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _check(engine, path, fmt, encoding, actor, batch_rows, rejects, progress, clean, spill) -> _Bad:
    """The first pass: every row checked, nothing written, every problem collected.

    The good rows are set aside, parsed, in ``spill`` (a file, so memory stays flat),
    for the writing pass to read instead of parsing the file again.
    """
    bad = _Bad(anchors=Anchors())
    total = path.stat().st_size
    prepare = None
    workers = worker_count(total) if fmt == "jsonl" else 0
    if workers:
        prepare = partial(prepared_rows, chunk=batch_rows, workers=workers, clean=clean)
    with Session(engine) as session, session.begin():
        plan = Plan(session, actor, write=False, spill=spill, anchors=bad.anchors, clean=clean)
        try:
            with open_rows(path, fmt, encoding=encoding, prepare=prepare) as (rows, position):
                for chunk in _chunks(rows, batch_rows):
                    for planned, problems in plan.process(chunk):
                        if problems:
                            for column, reason in problems:
                                bad.add(planned.number, column, reason)
                            if rejects is not None:
                                rejects.write(planned, "; ".join(f"{c}: {r}" for c, r in problems))
                    if progress:
                        progress("check", position(), total)
        finally:
            plan.close()
    return bad


# How often an import plans batches anew, in all, after another writer took what they
# meant to create, before it stops and asks for a re-run.
REPLANS = 10


def _write(
    reader_engine, writer, spill, actor, batch_rows, bad, summary, progress, clean, interrupts
):
    """The second pass: the good rows, as checked, written a batch per transaction.

    Planned here, on the reading engine, and written by ``writer``, which (for a big
    file, in a process of its own) writes each batch while the next is planned.

    Batches are planned ahead of what is stored. Should another program store a claim,
    or (on SQLite) take an id, that a planned batch meant to create, that batch fails
    whole (``ConcurrentWrite``); it and the batch planned after it are planned anew, on
    what is stored now, by a plan that forgets what it had learnt, except what the
    summary needs: which ids the import took, and what it counted as present before
    those two batches (``Tally``).

    Ctrl-C (``interrupts``) stops it between batches, once the batches sent are stored.
    """
    total = count_checked(spill)
    tally = Tally()

    def new_plan() -> Plan:
        plan = Plan(
            None,
            actor,
            write=True,
            summary=summary,
            anchors=bad.anchors,
            clean=clean,
            tally=tally,
        )
        plan.writer = writer
        return plan

    plan = new_plan()
    statistics = Statistics(reader_engine, WRITTEN)
    chunks = _chunks(checked_rows(spill), batch_rows)
    again: deque[list[RawRow]] = deque()  # batches to plan anew, first first
    # The batches not known to be stored: rows, the summary before, what they counted.
    recent: deque[tuple[list[RawRow], dict[str, int], list]] = deque(maxlen=2)
    replans = 0
    while True:
        try:
            chunk = again.popleft() if again else next(chunks, None)
            if chunk is None:
                writer.wait()
                break
            if interrupts.asked:
                writer.wait()
                raise ImportInterrupted(
                    f"Interrupted: {summary.batches} batch(es) of {Path(summary.file).name} "
                    f"({summary.rows} of {total} rows) are stored, the rest is not; run the "
                    "same import again to complete it."
                )
            recent.append((chunk, summary.counts(), []))
            summary.batches += 1
            summary.rows += len(chunk)
            # Before batch N is handed over, batch N-1 is stored: its rows count.
            statistics.after(summary.batches - 1)
            try:
                write_batch(reader_engine, plan, chunk, summary)
            finally:
                recent[-1][2].extend(tally.take_batch())
            if progress:
                progress("write", summary.rows, total)
        except ConcurrentWrite as error:
            replans += 1
            redo = [
                (c, before, counted)
                for c, before, counted in recent
                if error.batch is not None and before["batches"] + 1 >= error.batch
            ]
            if replans > REPLANS or not redo:
                raise
            for key, value in redo[0][1].items():
                setattr(summary, key, value)
            for _, _, counted in redo:
                tally.drop(counted)
            again.extendleft(c for c, _, _ in reversed(redo))
            recent.clear()
            bad.anchors.rewind(redo[0][0][0].number)
            plan = new_plan()


# The columns the writing pass looks rows up by, in the tables it fills; then those the
# drift step reads by, and the one table it fills.
WRITTEN = {
    "claims": ("key",),
    "articles": ("sha256",),
    "appearances": ("article_id", "claim_id"),
    "sources": ("id",),
    "source_aliases": ("key", "source_id"),
}
DRIFT_READ = {
    "appearances": ("claim_id",),
    "chain_hops": ("appearance_id",),
    "articles": ("id",),
    "sources": ("id",),
    "drift_pending": ("claim_id",),
}
DRIFT_WRITTEN = {"drift_findings": ("claim_id",)}

# Rows sampled per table: 300 times this. The look-ups go by unique keys or by ids, for
# which the planner needs the table's size and a rough count of distinct values, not
# the default 30,000-row sample; analysing wide text columns (an article's text) on
# such a sample took a fifth of the server's time in an import.
STATISTICS_TARGET = 10


class Statistics:
    """The PostgreSQL planner's statistics of the tables an import fills, kept current.

    A bulk load outruns autovacuum (and a server may run without it): a look-up planned
    on the statistics of a table that was nearly empty reads the whole table once it is
    not, and the import slows down as it goes. So the tables are analysed after batches
    1, 2, 4, 8 ..., as often as their size doubles: only the columns looked up by, on
    a small sample. Analysing a table the importing role does not own is skipped with
    the server's warning. SQLite's planner uses the indexes without statistics: nothing
    is done there.
    """

    def __init__(self, engine: Engine, columns: dict[str, tuple[str, ...]]):
        self.engine, self.columns = engine, columns
        self.next = 1

    def after(self, batches: int) -> None:
        """Analyse if ``batches`` stored batches have doubled the count of the last time."""
        if batches >= self.next:
            self.next = 2 * batches
            self.now()

    def now(self) -> None:
        if self.engine.dialect.name != "postgresql":
            return
        targets = ", ".join(
            f"{table} ({', '.join(columns)})" for table, columns in self.columns.items()
        )
        with self.engine.connect() as connection:
            connection.exec_driver_sql(f"SET LOCAL default_statistics_target = {STATISTICS_TARGET}")
            connection.exec_driver_sql(f"ANALYZE {targets}")
            connection.commit()


def complete_drift(
    url: str,
    batch_rows: int,
    progress: Progress | None = None,
    *,
    writers: Sequence[BatchWriter] = (),
    interrupts: _Interrupts | None = None,
) -> int:
    """Recompute the findings of every claim listed in ``drift_pending``; return how many.

    A batch of claims at a time, each written in its own transaction that also
    removes them from the list, so a kill here too leaves the rest listed for the
    next run. Three things go on at once: the server reads the next batch
    (``_read_ahead``), this process computes the findings of this one, and
    ``writers`` store those before, taking the batches in turn:
    the batches share no claim, so with two writing processes on PostgreSQL two
    are stored at once, on two of the server's cores (storing a finding updates
    five indexes: that work, not Python's, is what this step waits for). Takes
    every listed claim, not only this import's: a run cut short earlier is
    completed too. Ctrl-C (``interrupts``) stops it between batches, the batches sent
    stored.
    """
    from claims.services.drift import findings_rows, pending_drift, store_drift_rows

    reader = make_engine(url, immediate=False, bulk=True)
    own = not writers
    if own:
        writers = [BatchWriter(url, separate=False)]
    done = 0
    try:
        Statistics(reader, DRIFT_READ).now()
        with reader.connect() as connection:
            total = pending_drift(connection)
        # Closed on the way out, error or not: the read in flight ends before the engine.
        with closing(_read_ahead(reader, batch_rows)) as batches:
            # The first to the writer that did not write the last import batch.
            for number, (ids, appearances, hops) in enumerate(batches, start=1):
                if interrupts is not None and interrupts.asked:
                    _wait_all(writers)
                    raise ImportInterrupted(
                        "Interrupted: every row is stored; the drift findings of "
                        f"{total - done} claim(s) are not recomputed yet: run the same "
                        "import again, or `claims drift`, to complete them."
                    )
                rows = findings_rows(appearances, hops)
                writers[number % len(writers)].submit(
                    [partial(store_drift_rows, ids=ids, rows=rows)],
                    f"the drift findings of claims #{ids[0]} to #{ids[-1]}",
                )
                done += len(ids)
                if progress:
                    progress("drift", done, total)
        _wait_all(writers)
    finally:
        if own:
            writers[0].close()
        reader.dispose()
    return done


# The drift step reads a batch of claims' appearances with their articles' outlets and
# dates: a few thousand rows, each found by its index. PostgreSQL's planner, costing
# every page as read from disk, joins them with the articles by reading the whole of
# articles' primary key instead (a merge join), every batch: at 1M appearances that
# was two thirds of the read, and made the step's reads grow with the square of the
# import. The pages are the import's own, just written and cached: looking each up is
# what is cheap, and what the step gets with these off for its reads.
LOOK_UPS_ONLY = ("enable_mergejoin", "enable_hashjoin")


def _read_ahead(reader: Engine, batch_rows: int) -> Iterator[tuple[list[int], list, list]]:
    """The pending claims a batch at a time, with what their findings are computed from.

    The next batch is read on a thread of its own while the caller computes this one's
    findings: reading is the database's work (an index look-up per appearance and per
    hop), computing is Python's, and one after the other each left the other idle (on
    PostgreSQL at 1M appearances, a sixth of the step's time). What is read does not change
    while the step runs (no batch shares a claim with another), so it is analysed once;
    the findings table as it fills.
    """
    from concurrent.futures import ThreadPoolExecutor

    from claims.services.drift import drift_inputs, pending_claims

    statistics = Statistics(reader, DRIFT_WRITTEN)

    def read(after: int, batches: int):
        statistics.after(batches)
        with reader.connect() as connection:
            if connection.dialect.name == "postgresql":
                # Index look-ups only (see ``LOOK_UPS_ONLY``).
                for setting in LOOK_UPS_ONLY:
                    connection.exec_driver_sql(f"SET LOCAL {setting} = off")
            ids = pending_claims(connection, after=after, limit=batch_rows)
            return (ids, *drift_inputs(connection, ids)) if ids else None

    with ThreadPoolExecutor(1, thread_name_prefix="claims-drift-read") as pool:
        batches = 1
        coming = pool.submit(read, 0, batches)
        while (batch := coming.result()) is not None:
            batches += 1
            coming = pool.submit(read, batch[0][-1], batches)
            yield batch


def _wait_all(writers: Sequence[BatchWriter]) -> None:
    """Until every writer's batch in flight is committed; the first error is raised, once
    all have been waited for (an error left unread would be lost when they close)."""
    first = None
    for writer in writers:
        try:
            writer.wait()
        except Exception as error:
            first = first or error
    if first is not None:
        raise first


def write_batch(engine: Engine, plan: Plan, chunk: list[RawRow], summary: ImportSummary) -> None:
    """One batch, one transaction: all of its rows land, or none of them.

    Planned on ``engine`` (reads only), then handed to ``plan.writer``, which
    writes it while the next batch is planned. The claims it gave appearances are
    listed in ``drift_pending`` in the same transaction; their findings are
    recomputed once, after the last batch (``complete_drift``), instead of once
    per batch that touches them.
    """
    from claims.services.drift import mark_drift_pending_rows

    before = summary.counts()
    with Session(engine) as session, session.begin():
        plan.session = session
        try:
            for planned, problems in plan.process(chunk):
                if problems:
                    # The database changed since the check (another writer): stop here,
                    # once the batch before is stored.
                    plan.writer.wait()
                    column, reason = problems[0]
                    raise InvalidInput(
                        f"Row {planned.number} ({column}) went bad after the check: {reason}. "
                        "The batches before it are stored; fix the row and import again."
                    )
            plan.writes.append(partial(mark_drift_pending_rows, ids=sorted(plan.touched_claims)))
            after = summary.counts()
            changes = {k: after[k] - before[k] for k in after if after[k] != before[k]}
            changes["batch"] = summary.batches
            changes["rows"] = len(chunk)
            audit = dict(
                at=utcnow(),
                actor=plan.actor,
                action="import",
                entity="import",
                entity_id=None,
                after_values={
                    "file": Path(summary.file).name,
                    "format": summary.format,
                    "first_row": chunk[0].number,
                    "last_row": chunk[-1].number,
                    **changes,
                },
                note=f"import of {Path(summary.file).name}, batch {summary.batches}",
            )
            plan.writes.append(partial(add_audit_entry, values=audit))
            writes = plan.take_writes()
        except BaseException:
            plan.forget_batch()
            raise
    plan.writer.submit(
        writes,
        f"batch {summary.batches} (rows {chunk[0].number}-{chunk[-1].number})",
        batch=summary.batches,
    )
    plan.keep_batch()
