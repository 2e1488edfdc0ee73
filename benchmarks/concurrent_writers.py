"""Throughput of several writers adding claims with appearances at once.

Baseline: one process adds N claims (each with its appearance, one transaction
each, through ``claims.db.run_unit``). Then W processes add N claims between them.
Prints claims per second and the ratio of the two, measured in the same run.

    python benchmarks/concurrent_writers.py [--url URL] [--claims 400] [--writers 4]

Without --url it uses a fresh SQLite file in a temporary folder. A PostgreSQL URL
should name an empty database or schema (``?options=-csearch_path%3Dbench``); the
claims tables are created there if missing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from pathlib import Path

ARTICLE = (
    "The council approved the new budget on Monday, officials said. "
    "Critics said the vote was rushed. The mayor told reporters the plan was fair."
)


def writer(url: str, label: str, article_id: int, count: int, start) -> int:
    from claims.db import make_engine, run_unit
    from claims.services.appearances import add_appearance
    from claims.services.claims import add_claim

    engine = make_engine(url)
    start.wait()
    for number in range(count):

        def work(session, number=number):
            claim = add_claim(session, text=f"{label} claim {number}.", actor=label)
            session.flush()
            add_appearance(
                session,
                claim_id=claim.id,
                article_id=article_id,
                quote="the plan was fair",
                chain="The Mayor [told]",
                actor=label,
            )

        run_unit(url, work, engine=engine)
    engine.dispose()
    return count


def prepare(url: str) -> int:
    from claims import migrations
    from claims.db import open_session
    from claims.services.articles import add_article, find_article_by_text
    from claims.services.sources import add_source, find_source_by_name

    migrations.upgrade(url)
    with open_session(url) as session:
        if find_source_by_name(session, "Daily Planet") is None:
            add_source(session, name="Daily Planet", kind="outlet", actor="bench")
            add_source(session, name="The Mayor", kind="person", actor="bench")
        existing = find_article_by_text(session, ARTICLE)
        if existing is not None:
            return existing.id
        return add_article(session, text=ARTICLE, outlet="Daily Planet", actor="bench").id


def run(url: str, writers: int, total: int, label: str, article_id: int) -> float:
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(writers + 1)
        with context.Pool(writers) as pool:
            pending = pool.starmap_async(
                writer,
                [
                    (url, f"{label}-w{w}", article_id, total // writers, start)
                    for w in range(writers)
                ],
            )
            start.wait()  # every worker has imported and connected: time only the writing
            began = time.perf_counter()
            pending.get()
            return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url")
    parser.add_argument("--claims", type=int, default=400)
    parser.add_argument("--writers", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.db'}"
        article_id = prepare(url)
        stamp = str(int(time.time()))
        one = run(url, 1, args.claims, f"one-{stamp}", article_id)
        many = run(url, args.writers, args.claims, f"many-{stamp}", article_id)
    print(f"{url.split(':', 1)[0]}: {args.claims} claims with appearances")
    print(f"  1 writer : {args.claims / one:7.1f} claims/s")
    print(f"  {args.writers} writers: {args.claims / many:7.1f} claims/s")
    print(f"  ratio {args.writers} writers / 1 writer: {one / many:.2f}")


if __name__ == "__main__":
    main()
