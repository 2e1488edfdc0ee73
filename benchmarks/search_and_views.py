"""How full-text search and the chain view compare with their obvious alternatives.

Builds a synthetic database (made-up words, not the seeds), then times, in the same run:

- ``search_claims`` (FTS5 / GIN) against a ``LIKE '%word%'`` scan of claims and quotations;
- reading ``appearance_chains`` against the ``chains`` report, which assembles the same
  chains in Python.

Prints ratios, not pass/fail. Usage::

    python benchmarks/search_and_views.py [--claims 20000] [--url postgresql+psycopg://...]

Without ``--url`` it uses a temporary SQLite file. A PostgreSQL URL must name an empty
database or schema (``?options=-csearch_path%3Dbench``): it is migrated and filled.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

WORDS_IN_VOCABULARY = 5000
APPEARANCES_PER_CLAIM = 3
REPEATS = 5


def _vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return sorted({"".join(rng.choices(letters, k=rng.randint(4, 10))) for _ in range(9000)})[
        :WORDS_IN_VOCABULARY
    ]


def _sentence(rng: random.Random, vocabulary: list[str], words: int) -> str:
    return " ".join(rng.choices(vocabulary, k=words)).capitalize() + "."


def fill(url: str, claims: int, rng: random.Random) -> list[str]:
    """Sources, articles, claims, appearances and hops, inserted in bulk."""
    import hashlib

    from sqlalchemy import insert

    from claims.db import open_session
    from claims.models import Appearance, Article, ChainHop, Claim, Source

    vocabulary = _vocabulary(rng)
    with open_session(url) as session:
        session.execute(
            insert(Source),
            [{"name": f"Source {i}", "kind": "outlet", "created_by": "bench"} for i in range(50)],
        )
        articles = []
        for i in range(claims // 10 + 1):
            body = _sentence(rng, vocabulary, 60) + f" ({i})"
            articles.append(
                {
                    "publisher_id": rng.randint(1, 50),
                    "text": body,
                    "sha256": hashlib.sha256(body.encode()).hexdigest(),
                    "created_by": "bench",
                }
            )
        session.execute(insert(Article), articles)
        session.execute(
            insert(Claim),
            [
                {
                    "text": _sentence(rng, vocabulary, 12) + f" ({i})",
                    "key": f"{i:064d}",
                    "status": "draft",
                    "created_by": "bench",
                    "version": 1,
                }
                for i in range(claims)
            ],
        )
        appearances, hops = [], []
        for claim_id in range(1, claims + 1):
            for _ in range(APPEARANCES_PER_CLAIM):
                appearance_id = len(appearances) + 1
                quote = _sentence(rng, vocabulary, 15)
                appearances.append(
                    {
                        "claim_id": claim_id,
                        "article_id": rng.randint(1, len(articles)),
                        "quote": quote,
                        "quote_start": appearance_id,
                        "quote_end": appearance_id + len(quote),
                        "prefix": "",
                        "suffix": "",
                        "quoted": False,
                        "provenance": "manual",
                        "created_by": "bench",
                    }
                )
                for position in range(3):
                    hops.append(
                        {
                            "appearance_id": appearance_id,
                            "position": position,
                            "source_id": rng.randint(1, 50),
                            "role": "stated",
                        }
                    )
        session.execute(insert(Appearance), appearances)
        session.execute(insert(ChainHop), hops)
    return vocabulary


def _best_of(action) -> float:
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return min(timings)


def measure(url: str, vocabulary: list[str], rng: random.Random) -> None:
    from sqlalchemy import or_, select

    from claims.db import open_session
    from claims.models import Appearance, Claim
    from claims.reports import build
    from claims.search import search_claims

    queries = [" ".join(rng.sample(vocabulary, 2)) for _ in range(20)] + rng.sample(vocabulary, 20)
    with open_session(url, write=False) as session:

        def with_index():
            return [len(search_claims(session, q)) for q in queries]

        def with_like():
            counts = []
            for q in queries:
                query = select(Claim.id)
                for word in q.split():
                    pattern = f"%{word}%"
                    quoted = select(Appearance.claim_id).where(Appearance.quote.ilike(pattern))
                    query = query.where(or_(Claim.text.ilike(pattern), Claim.id.in_(quoted)))
                counts.append(len(session.scalars(query).all()))
            return counts

        found = with_index()
        indexed = _best_of(with_index)
        scanned = _best_of(with_like)
        print(f"search, {len(queries)} queries ({sum(found)} claims found in all):")
        print(f"  LIKE scan (baseline)  {scanned * 1000:9.1f} ms")
        print(f"  search_claims         {indexed * 1000:9.1f} ms   ratio {indexed / scanned:.3f}")

        def view():
            return session.connection().exec_driver_sql("SELECT * FROM appearance_chains").all()

        def report():
            return build("chains", session)

        in_python = _best_of(report)
        in_view = _best_of(view)
        print(f"chains of {len(view())} appearances:")
        print(f"  chains report (baseline) {in_python * 1000:9.1f} ms")
        print(
            f"  appearance_chains view   {in_view * 1000:9.1f} ms   ratio {in_view / in_python:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--url", default=None)
    args = parser.parse_args()
    from claims import migrations

    rng = random.Random(20241122)
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.db'}"
        migrations.upgrade(url)
        started = time.perf_counter()
        vocabulary = fill(url, args.claims, rng)
        print(
            f"{url.split(':')[0]}: {args.claims} claims, "
            f"{args.claims * APPEARANCES_PER_CLAIM} appearances, filled in "
            f"{time.perf_counter() - started:.1f} s; best of {REPEATS} runs"
        )
        measure(url, vocabulary, rng)


if __name__ == "__main__":
    main()
