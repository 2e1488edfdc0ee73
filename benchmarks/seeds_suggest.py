"""How many curated seed appearances get a proposal with the same chain.

    python benchmarks/seeds_suggest.py        (or: python benchmarks/attribution.py --seeds)

Loads the seeds into a fresh SQLite database, runs the proposer on each seed article, and for
every curated appearance looks for a proposal whose quotation overlaps the curated quotation
and whose composed chain (stated hops + origin + publisher) names the same sources in the
same order. Cues are compared separately (same cue word for every stated hop).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _composed(ids: list[int], origin_id: int | None, publisher_id: int) -> list[int]:
    chain = list(ids)
    for extra in (origin_id, publisher_id):
        if extra is not None and (not chain or chain[-1] != extra):
            chain.append(extra)
    return chain


def run_seeds() -> dict:
    from sqlalchemy import select

    from claims import migrations
    from claims.db import open_session
    from claims.models import Appearance, Article
    from claims.seeds import load_seeds
    from claims.suggestions.propose import propose

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'seeds.db'}"
        migrations.upgrade(url)
        with open_session(url) as session:
            load_seeds(session, actor="benchmark")
        with open_session(url, write=False) as session:
            total = same_chain = same_cues = proposed = unattributed = 0
            rows = []
            for article in session.scalars(select(Article).order_by(Article.id)):
                proposals = [p for p in propose(session, article) if p.kind == "claim"]
                appearances = session.scalars(
                    select(Appearance).where(Appearance.article_id == article.id)
                )
                for appearance in appearances:
                    total += 1
                    curated = [hop.source_id for hop in appearance.hops]
                    curated_cues = [hop.cue for hop in appearance.hops if hop.role == "stated"]
                    overlapping = [
                        p
                        for p in proposals
                        if p.quote[0] < appearance.quote_end and appearance.quote_start < p.quote[1]
                    ]
                    proposed += bool(overlapping)
                    match = None
                    for p in overlapping:
                        ids = [hop["source_id"] for hop in p.hops]
                        if None in ids:
                            continue
                        if _composed(ids, article.origin_id, article.publisher_id) == curated:
                            match = p
                            break
                    same_chain += match is not None
                    unattributed += match is not None and not curated_cues
                    cues_ok = match is not None and [h["cue"] for h in match.hops] == curated_cues
                    same_cues += cues_ok
                    rows.append(
                        (
                            article.id,
                            appearance.id,
                            " → ".join(hop.source.name for hop in appearance.hops),
                            "same chain" if match else ("proposed" if overlapping else "none"),
                            appearance.quote[:70],
                        )
                    )
    for row in rows:
        print(f"article {row[0]}  appearance {row[1]:3d}  {row[3]:10}  {row[2]}  | {row[4]}")
    print(
        f"Seed appearances: {total}; with an overlapping proposal: {proposed}; "
        f"same chain: {same_chain} (of which {unattributed} state no source); "
        f"same chain and cues: {same_cues}"
    )
    return {
        "seed_appearances": total,
        "with_proposal": proposed,
        "same_chain": same_chain,
        "same_chain_and_cues": same_cues,
        "same_chain_stating_no_source": unattributed,
        "same_chain_share": round(same_chain / total, 3) if total else 0.0,
    }


if __name__ == "__main__":
    print(json.dumps(run_seeds(), sort_keys=True))
