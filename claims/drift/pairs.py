"""Which appearances of a claim to compare: each with the one it came from.

Words travel downstream, so an appearance is compared with its closest
upstream appearance, not with every other one. An appearance is downstream of
another when its chain contains the other's publisher (UNN citing the
Inquirer); otherwise the earlier publication is upstream, ties broken by
appearance id (the order they were recorded in). Appearances in no relation
but date order form a line: each is compared with the one before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise

from claims.drift.compare import Finding, Side, compare


@dataclass(frozen=True)
class Placed:
    """An appearance with what ordering needs: its date and the sources its chain names."""

    side: Side
    published: dt.date | None


def _date_key(item: Placed) -> tuple:
    return (item.published is None, item.published or dt.date.min, item.side.appearance_id)


def _reliance(items: list[Placed]):
    """For these items: whether ``later``'s chain names ``earlier``'s publisher (and they are
    not one outlet), with each chain's sources gathered once."""
    cited = {id(item): {link.source_id for link in item.side.chain} for item in items}

    def relies_on(later: Placed, earlier: Placed) -> bool:
        publisher = earlier.side.publisher_id
        return later.side.publisher_id != publisher and publisher in cited[id(later)]

    return relies_on


def _reliance_pairs(items: list[Placed]) -> bool:
    """Whether any item relies on another: in most claims none does, and the order is the
    dates' alone."""
    publishers = {item.side.publisher_id for item in items}
    if len(publishers) < 2:
        return False
    for item in items:
        own = item.side.publisher_id
        for link in item.side.chain:
            if link.source_id != own and link.source_id in publishers:
                return True
    return False


def upstream_order(items: list[Placed]) -> list[Placed]:
    """Date order, adjusted so that whatever an appearance relies on comes before it.

    A pair relying on each other (a cycle) falls back to date order.
    """
    waiting = sorted(items, key=_date_key)
    if not _reliance_pairs(items):
        return waiting
    relies_on = _reliance(items)
    placed: list[Placed] = []
    while waiting:
        ready = next(
            (
                item
                for item in waiting
                if not any(relies_on(item, other) for other in waiting if other is not item)
            ),
            waiting[0],
        )
        waiting.remove(ready)
        placed.append(ready)
    return placed


def plan(items: list[Placed]) -> list[tuple[Placed, Placed]]:
    """(upstream, downstream) pairs: each appearance after the first with its parent."""
    if not _reliance_pairs(items):
        ordered = sorted(items, key=_date_key)
        return list(pairwise(ordered))  # no parents: each with the one before it
    ordered = upstream_order(items)
    relies_on = _reliance(items)
    pairs = []
    for position, item in enumerate(ordered[1:], start=1):
        earlier = ordered[:position]
        parents = [other for other in earlier if relies_on(item, other)]
        parent = parents[-1] if parents else earlier[-1]
        pairs.append((parent, item))
    return pairs


def drift(items: list[Placed]) -> list[tuple[int, int, Finding]]:
    """Every finding of one claim, as (from appearance id, to appearance id, finding)."""
    return [
        (before.side.appearance_id, after.side.appearance_id, finding)
        for before, after in plan(items)
        for finding in compare(before.side, after.side)
    ]


def from_rows(appearances, hops) -> dict[int, list[Placed]]:
    """Claims' appearances from plain rows, as both the service and the migration read them.

    ``appearances``: (id, claim_id, quote, quoted, publisher_id, published);
    ``hops``: (appearance_id, source_id, source name, cue, role), in chain order.
    """
    from claims.drift.compare import ChainLink

    # Links and dates recur (the same outlets, agencies and days): one frozen object each.
    links: dict[tuple, ChainLink] = {}
    dates: dict[str, dt.date] = {}
    chains: dict[int, list[ChainLink]] = {}
    for row in hops:
        values = tuple(row[1:])
        link = links.get(values)
        if link is None:
            link = links[values] = ChainLink(*values)
        chain = chains.get(row[0])
        if chain is None:
            chains[row[0]] = [link]
        else:
            chain.append(link)
    claims: dict[int, list[Placed]] = {}
    for appearance_id, claim_id, quote, quoted, publisher_id, published in appearances:
        if isinstance(published, str):
            day = dates.get(published)
            if day is None:
                day = dates[published] = dt.date.fromisoformat(published[:10])
            published = day
        side = Side(
            appearance_id, quote, bool(quoted), publisher_id, tuple(chains.get(appearance_id, ()))
        )
        claims.setdefault(claim_id, []).append(Placed(side, published))
    return claims
