"""The checking pass's row-by-row work, on other cores: decode, parse, key, try the cleaning.

Most of what checking a JSON Lines row costs depends on that row alone: decoding the
JSON, parsing and checking its fields (``flatrows.parse_row``), its claim's key
(``text.claim_key``) and, for a row that brings an article, whether the cleaning rules
cut anything from it. Worker processes do that a chunk of lines at a time, a few chunks
ahead, while the importer's own process does what depends on the rows before and on the
database (sources, articles, anchoring, chains). The rows come back in file order, each
as ``RawRow`` with what the worker found, so the rules applied are the same functions
either way; a row the worker could not parse is parsed again by the importer, which
reports its problems as for any row.

Only files big enough to repay starting the workers use them (``WORKERS_MIN_BYTES``),
and only where there is a core to spare.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from claims.cleaning import clean_text
from claims.flatrows import RowProblems, pack_row, parse_row, unpack_row
from claims.import_files import RawRow, jsonl_row
from claims.services.articles import prepare_text
from claims.text import claim_key

WORKERS_MIN_BYTES = 4_000_000  # about 8,000 rows of wire copy: below that, not worth a process
AHEAD = 3  # chunks handed out before the first comes back: work for every worker, bounded memory


def worker_count(size: int) -> int:
    """How many worker processes a file of ``size`` bytes gets: none on one core."""
    if size < WORKERS_MIN_BYTES:
        return 0
    return min(2, (os.cpu_count() or 1) - 1)


def prepared_rows(lines: Iterable[tuple[int, str]], chunk: int, workers: int, clean: bool):
    """``RawRow``s for ``(number, line)`` pairs, in order, prepared by ``workers`` processes."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_ignore_interrupts
    )
    pending: deque[tuple[list[tuple[int, str]], Future]] = deque()
    try:
        for part in _parts(lines, chunk):
            pending.append((part, pool.submit(prepare, part, clean)))
            if len(pending) > AHEAD:
                yield from _rows(*pending.popleft())
        while pending:
            yield from _rows(*pending.popleft())
    finally:
        # Stopped early (Ctrl-C, a bad file): the chunks handed out are not waited for.
        pool.shutdown(wait=True, cancel_futures=True)


def _ignore_interrupts() -> None:
    """Ctrl-C reaches the whole process group; only the importer decides what it means.
    A worker killed by it mid-chunk leaves the pool broken, and its shutdown waiting."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parts(lines: Iterable[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    part: list[tuple[int, str]] = []
    for pair in lines:
        part.append(pair)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def _rows(part: list[tuple[int, str]], future: Future) -> Iterator[RawRow]:
    for (number, line), (values, error, packed, key, cleaning) in zip(
        part, future.result(), strict=True
    ):
        if packed is None:
            yield RawRow(number, values or {}, error)
        else:
            yield RawRow(
                number,
                {},
                parsed=unpack_row(packed),
                key=key,
                line=line,
                packed=packed,
                cleaning=cleaning,
            )


def prepare(part: list[tuple[int, str]], clean: bool) -> list[tuple]:
    """For each line: (values, error, packed row, claim key, cleaning outcome).

    The values only for a row that did not parse (the importer parses it again to say
    why); the cleaning outcome, for a row bringing an article the rules will clean, is
    (whether they cut anything, whether any text is left).
    """
    out = []
    for number, line in part:
        raw = jsonl_row(number, line)
        if raw.error is not None:
            out.append((None, raw.error, None, None, None))
            continue
        try:
            row = parse_row(raw.values)
        except RowProblems:
            out.append((raw.values, None, None, None, None))
            continue
        cleaning = None
        if clean and row.article_text is not None and row.article_cuts is None:
            cleaned = clean_text(prepare_text(row.article_text))
            cleaning = (bool(cleaned.removed), bool(cleaned.text.strip()))
        out.append((None, None, pack_row(row), claim_key(row.claim), cleaning))
    return out
