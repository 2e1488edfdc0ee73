"""Benchmarks: each measure against a baseline run in the same process, on the same rows.

    python benchmarks/run.py --scale small|medium|large [--postgres URL]
    python benchmarks/run.py --scale medium --only carriers [--db FILE]

Prints a table, then, as its last line, one JSON object: for each measure its
value, the baseline's value and their ratio. These are measurements, not tests;
see benchmarks/README.md for the latest figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import generate  # noqa: E402

SCALES = {"tiny": 200, "small": 10_000, "medium": 100_000, "large": 1_000_000}
BATCH = 2_000
PG_ENV = "CLAIMS_TEST_POSTGRES_URL"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="claims benchmarks, as ratios to baselines.")
    parser.add_argument("--scale", choices=["small", "medium", "large"], default="small")
    parser.add_argument("--appearances", type=int, help=argparse.SUPPRESS)  # smoke tests
    parser.add_argument("--postgres", metavar="URL", help=f"PostgreSQL server (or ${PG_ENV}).")
    parser.add_argument("--seed", type=int, default=7, help="Generator seed.")
    parser.add_argument("--repeat", type=int, default=5, help="Runs of the timed reads.")
    parser.add_argument(
        "--only",
        choices=["carriers"],
        help="Time only this measure, on a database of the baseline's rows (no import).",
    )
    parser.add_argument(
        "--db",
        metavar="FILE",
        type=Path,
        help="With --only: the SQLite file to time on, made first if it does not exist.",
    )
    args = parser.parse_args(argv)
    if args.db and not args.only:
        parser.error("--db goes with --only")
    appearances = args.appearances or SCALES[args.scale]
    scale = args.scale if not args.appearances else f"{appearances} appearances"
    pg_url = args.postgres or os.environ.get(PG_ENV)

    results: dict[str, dict] = {}
    notes: list[str] = []
    if args.only == "carriers":
        results["carriers_report"] = carriers_only(args.db, appearances, args.seed, args.repeat)
        print_table(results, notes)
        summary = {"scale": scale, "appearances": appearances, "measures": results}
        print(json.dumps(summary, separators=(",", ":")))
        return
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as folder:
        work = Path(folder)
        rows_file = work / "rows.jsonl"
        started = time.perf_counter()
        generate.write_flat(rows_file, appearances, args.seed)
        size = rows_file.stat().st_size
        print(
            f"generated {appearances:,} appearances ({size / 1e6:.1f} MB) in "
            f"{time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        db = work / "import.db"
        results["import_sqlite"] = import_sqlite(work, rows_file, db, appearances, args.seed)
        results["carriers_report"] = carriers(f"sqlite:///{db}", args.repeat)
        if pg_url:
            try:
                results["import_postgresql"] = import_postgresql(
                    pg_url, rows_file, appearances, args.seed
                )
            except Exception as error:  # no server: say so, measure the rest
                notes.append(f"import_postgresql skipped: {str(error).splitlines()[0]}")
        else:
            notes.append(f"import_postgresql skipped: no --postgres URL and no ${PG_ENV}")
        results["help"] = startup(args.repeat)

    print_table(results, notes)
    summary = {
        "scale": scale,
        "appearances": appearances,
        "measures": results,
        "skipped": notes,
    }
    print(json.dumps(summary, separators=(",", ":")))


# -- claims import versus raw inserts ---------------------------------------------------


def migrated_sqlite(path: Path) -> str:
    from claims import migrations

    url = f"sqlite:///{path}"
    migrations.upgrade(url)
    return url


def run_import(url: str, rows_file: Path) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of ``claims import`` in its own process.

    The import starts processes of its own for a big file (the checking workers, the
    writing processes): the memory is the peak of all of them together, sampled every
    20 ms from /proc. Not the peak ``wait4`` reports: Linux carries the high-water mark of
    the process that started the import over ``exec``, so after a big measure the
    benchmark's own size would be reported as the import's.
    """
    command = [sys.executable, "-m", "cli.main", "--db", url, "--as", "bench"]
    command += ["import", str(rows_file), "--batch", str(BATCH)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = {"mb": 0.0}
    sampler = threading.Thread(target=_sample_rss, args=(process.pid, peak), daemon=True)
    sampler.start()
    process.wait()
    seconds = time.perf_counter() - started
    sampler.join()
    output = process.stdout.read().decode() + process.stderr.read().decode()
    process.stdout.close()
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"claims import failed: {output}")
    return seconds, peak["mb"]


def _sample_rss(pid: int, peak: dict[str, float]) -> None:
    """Keep in ``peak`` the most memory ``pid`` and its descendants held at once."""
    while True:
        total, stack, seen, counted = 0, [pid], False, set()
        while stack:
            each = stack.pop()
            if each in counted:  # listed by several of its parent's threads
                continue
            counted.add(each)
            try:
                with open(f"/proc/{each}/status") as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
                            seen = seen or each == pid
                for task in os.listdir(f"/proc/{each}/task"):
                    with open(f"/proc/{each}/task/{task}/children") as children:
                        stack.extend(int(child) for child in children.read().split())
            except OSError:  # gone meanwhile, or no /proc here
                continue
        if not seen:
            return
        peak["mb"] = max(peak["mb"], total / 1024)
        time.sleep(0.02)


def import_sqlite(work: Path, rows_file: Path, db: Path, appearances: int, seed: int) -> dict:
    url = migrated_sqlite(db)
    seconds, rss = run_import(url, rows_file)
    baseline_db = work / "baseline.db"
    migrated_sqlite(baseline_db)
    baseline_seconds = sqlite_executemany(baseline_db, appearances, seed)
    check_same_counts(url, f"sqlite:///{baseline_db}")
    return measure(
        appearances / seconds,
        appearances / baseline_seconds,
        "rows/s",
        ">= 0.5",
        higher_is_better=True,
        peak_rss_mb=round(rss, 1),
        seconds=round(seconds, 2),
        baseline_seconds=round(baseline_seconds, 2),
    )


def table_batches(appearances: int, seed: int):
    """The rows both baselines insert, a batch at a time: ``{table: (columns, rows)}``.

    Built the way ``claims import`` stores them (same anchors, keys and chains),
    outside the timed part: the baseline times only the database's work.
    """
    from claims.anchoring import anchor_at
    from claims.text import claim_key, fold_name

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    sources: dict[str, int] = {}
    claims: set[int] = set()
    article_id = appearance_id = 0
    claim_ids: dict[int, int] = {}
    batch = _empty_batch()
    count = 0

    def source(name: str, kind: str) -> int:
        if name not in sources:
            sources[name] = len(sources) + 1
            batch["sources"][1].append((sources[name], name, kind, "bench", now))
            batch["source_aliases"][1].append((sources[name], name, fold_name(name)))
        return sources[name]

    for article in generate.articles(appearances, seed):
        article_id += 1
        publisher = source(article.publisher, "outlet")
        origin = source(article.origin, "news_agency") if article.origin else None
        text = article.text
        batch["articles"][1].append(
            (
                article_id,
                publisher,
                origin,
                article.origin_cue,
                article.title,
                dt.date.fromisoformat(article.published),
                "en",
                text,
                article.sha256,
                text,  # raw_text: the import keeps the text as received too
                "[]",  # removed: the generated copy carries no page debris
                "bench",
                now,
            )
        )
        for appearance in article.appearances:
            if appearance.claim not in claims:
                claims.add(appearance.claim)
                claim_ids[appearance.claim] = len(claim_ids) + 1
                batch["claims"][1].append(
                    (
                        claim_ids[appearance.claim],
                        appearance.claim_text,
                        claim_key(appearance.claim_text),
                        "draft",
                        "bench",
                        now,
                        now,
                        1,
                    )
                )
            appearance_id += 1
            anchor = anchor_at(text, appearance.start, appearance.end)
            batch["appearances"][1].append(
                (
                    appearance_id,
                    claim_ids[appearance.claim],
                    article_id,
                    anchor.exact,
                    anchor.start,
                    anchor.end,
                    anchor.prefix,
                    anchor.suffix,
                    anchor.quoted,
                    "manual",
                    "bench",
                    now,
                )
            )
            hops = [
                (source(name, "other"), cue, "stated", evidence)
                for name, cue, evidence in appearance.stated
            ]
            if origin:
                hops.append((origin, article.origin_cue, "origin", (None, None)))
            hops.append((publisher, None, "publisher", (None, None)))
            for position, (source_id, cue, role, evidence) in enumerate(hops):
                batch["chain_hops"][1].append(
                    (appearance_id, position, source_id, cue, role, evidence[0], evidence[1])
                )
            count += 1
            if count % BATCH == 0:
                yield batch
                batch = _empty_batch()
    yield batch


def _empty_batch() -> dict:
    return {
        "sources": (("id", "name", "kind", "created_by", "created_at"), []),
        "source_aliases": (("source_id", "alias", "key"), []),
        "articles": (
            (
                "id",
                "publisher_id",
                "origin_id",
                "origin_cue",
                "title",
                "published",
                "language",
                "text",
                "sha256",
                "raw_text",
                "removed",
                "created_by",
                "created_at",
            ),
            [],
        ),
        "claims": (
            ("id", "text", "key", "status", "created_by", "created_at", "updated_at", "version"),
            [],
        ),
        "appearances": (
            (
                "id",
                "claim_id",
                "article_id",
                "quote",
                "quote_start",
                "quote_end",
                "prefix",
                "suffix",
                "quoted",
                "provenance",
                "created_by",
                "created_at",
            ),
            [],
        ),
        "chain_hops": (
            (
                "appearance_id",
                "position",
                "source_id",
                "cue",
                "role",
                "evidence_start",
                "evidence_end",
            ),
            [],
        ),
    }


def sqlite_executemany(path: Path, appearances: int, seed: int) -> float:
    """Seconds ``sqlite3.executemany`` takes for the same rows, a transaction per batch."""
    import sqlite3

    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    seconds = 0.0
    for batch in table_batches(appearances, seed):
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        for table, (columns, rows) in batch.items():
            if rows:
                marks = ", ".join("?" * len(columns))
                connection.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
                )
        connection.execute("COMMIT")
        seconds += time.perf_counter() - started
    connection.close()
    return seconds


def check_same_counts(url: str, baseline_url: str) -> None:
    """The import and the baseline must have written the same rows, or the ratio means nothing."""
    from sqlalchemy import create_engine, text

    counts = []
    for each in (url, baseline_url):
        engine = create_engine(each)
        with engine.connect() as connection:
            counts.append(
                {
                    table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                    for table in ("sources", "articles", "claims", "appearances", "chain_hops")
                }
            )
        engine.dispose()
    if counts[0] != counts[1]:
        raise RuntimeError(f"import and baseline wrote different rows: {counts}")


# -- PostgreSQL --------------------------------------------------------------------------


def import_postgresql(base_url: str, rows_file: Path, appearances: int, seed: int) -> dict:
    from sqlalchemy import create_engine, text

    from claims import migrations
    from claims.settings import normalise_url

    base_url = normalise_url(base_url)
    admin = create_engine(base_url)
    schemas = [f"claims_bench_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    try:
        with admin.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        urls = [_with_search_path(base_url, schema) for schema in schemas]
        for url in urls:
            migrations.upgrade(url)
        seconds, rss = run_import(urls[0], rows_file)
        baseline_seconds = postgres_copy(base_url, schemas[1], appearances, seed)
        check_same_counts(urls[0], urls[1])
    finally:
        with admin.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    return measure(
        appearances / seconds,
        appearances / baseline_seconds,
        "rows/s",
        ">= 0.5",
        higher_is_better=True,
        peak_rss_mb=round(rss, 1),
        seconds=round(seconds, 2),
        baseline_seconds=round(baseline_seconds, 2),
    )


def _with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


def postgres_copy(url: str, schema: str, appearances: int, seed: int) -> float:
    """Seconds psycopg ``COPY`` takes for the same rows, a transaction per batch."""
    import psycopg
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    connection = psycopg.connect(
        host=parts.host,
        port=parts.port,
        user=parts.username,
        password=parts.password,
        dbname=parts.database,
        options=f"-csearch_path={schema}",
    )
    seconds = 0.0
    try:
        for batch in table_batches(appearances, seed):
            started = time.perf_counter()
            with connection.transaction(), connection.cursor() as cursor:
                for table, (columns, rows) in batch.items():
                    if not rows:
                        continue
                    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
            seconds += time.perf_counter() - started
    finally:
        connection.close()
    return seconds


# -- reports and start-up ----------------------------------------------------------------


CARRIERS_SQL = """
SELECT a.claim_id, s.name AS outlet, count(*) AS n
FROM appearances a
JOIN articles r ON r.id = a.article_id
JOIN sources s ON s.id = r.publisher_id
GROUP BY a.claim_id, s.name
"""


def carriers(url: str, repeat: int) -> dict:
    """The carriers report against a bare GROUP BY, read_sql and pivot_table.

    Both run on one open session, alternately, so neither pays for connecting
    and both see the same load on the machine.
    """
    import pandas as pd
    from sqlalchemy import text

    from claims.db import open_session
    from claims.reports.carriers import carriers as report

    with open_session(url, write=False) as session:

        def run_baseline():
            counts = pd.read_sql(text(CARRIERS_SQL), session.connection())
            return counts.pivot_table(index="claim_id", columns="outlet", values="n", aggfunc="sum")

        value, baseline = paired_median_seconds(lambda: report(session), run_baseline, repeat)
    return measure(value, baseline, "s", "<= 0.5", higher_is_better=False)


def carriers_only(db: Path | None, appearances: int, seed: int, repeat: int) -> dict:
    """The carriers measure alone, on the rows the import baseline inserts.

    Those are the rows ``claims import`` writes to the tables the report reads
    (a full run checks that the counts agree), made in a fraction of the
    import's time; a kept ``db`` spares even that on the next run.
    """
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as folder:
        path = db or Path(folder) / "baseline.db"
        if not path.exists():
            started = time.perf_counter()
            migrated_sqlite(path)
            sqlite_executemany(path, appearances, seed)
            print(
                f"wrote {appearances:,} appearances to {path} in "
                f"{time.perf_counter() - started:.1f} s",
                file=sys.stderr,
            )
        return carriers(f"sqlite:///{path}", repeat)


def startup(repeat: int) -> dict:
    """``claims --help`` against ``sqlite-utils --help``, each in a fresh process."""
    folder = Path(sys.executable).parent
    claims_bin = shutil.which("claims", path=str(folder)) or "claims"
    sqlite_utils = shutil.which("sqlite-utils", path=str(folder)) or "sqlite-utils"

    def command(binary):
        return lambda: subprocess.run([binary, "--help"], capture_output=True, check=True)

    value, baseline = paired_median_seconds(
        command(claims_bin), command(sqlite_utils), max(repeat, 7)
    )
    return measure(value, baseline, "s", "<= 0.5", higher_is_better=False)


def paired_median_seconds(function, baseline, repeat: int) -> tuple[float, float]:
    """Median seconds of each, run in turns (after one untimed warm-up run each)."""
    function()
    baseline()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for which, run in enumerate((function, baseline)):
            started = time.perf_counter()
            run()
            times[which].append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1])


def measure(value, baseline, unit, target, *, higher_is_better, **extra) -> dict:
    return {
        "value": round(value, 4),
        "baseline": round(baseline, 4),
        "ratio": round(value / baseline, 3) if baseline else None,
        "unit": unit,
        "target": target,
        "higher_is_better": higher_is_better,
        **extra,
    }


def print_table(results: dict, notes: list[str]) -> None:
    print(f"{'measure':20} {'value':>12} {'baseline':>12} {'unit':>7} {'ratio':>7}  target")
    for name, result in results.items():
        print(
            f"{name:20} {result['value']:>12,.3f} {result['baseline']:>12,.3f} "
            f"{result['unit']:>7} {result['ratio']:>7.3f}  {result['target']}"
        )
        if "peak_rss_mb" in result:
            rss = result["peak_rss_mb"]
            print(f"{'':20} peak RSS of the import, all its processes: {rss:.0f} MB")
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
