"""Which appearances of a claim to compare: each with the one it came from.

Words travel downstream, so an appearance is compared with its closest
upstream appearance, not with every other one. An appearance is downstream of
another when its chain contains the other's publisher (UNN citing the
Inquirer); of several such, the one whose publisher its chain names last, the
nearest hop. Otherwise nothing recorded says where it came from, and the
likeliest upstream is the earlier appearance it is closest to: the most words
of its quotation in common (folded word sets, Jaccard), then the most chain
sources in common, then the earliest. Whatever is just before it by date is
no likelier a source than any other earlier carrier, and comparing with it
blames an appearance for changes another made.

So a line of rewrites A → B → C stays a line (C keeps B's changes, so it is
closer to B than to A), copies of one text all go back to the first of them,
and a copy that kept the original words goes back to the original, not to a
rewrite published in between. Earlier means in date order, adjusted so that
whatever an appearance relies on comes first; same day (or no date): the one
recorded first (lower appearance id).

Cost: nothing for a claim's second appearance (the first is the only earlier
one); after that, one word set per appearance, and two set comparisons per
earlier appearance that differs in words or chain sources (copies count once),
at most ``CANDIDATES`` of them, the first half and the latest half: a claim
carried in thousands of different ways stays linear, and its original is among
the first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import islice

from claims.drift.compare import Finding, Side, compare
from claims.text import strip_accents


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
    ordered = upstream_order(items)
    relies_on = _reliance(items) if _reliance_pairs(items) else None
    candidates = _Candidates()  # filled only once a choice is to be made
    profiles: list[tuple[frozenset[str], frozenset[int]]] = []
    pairs = []
    for position, item in enumerate(ordered[1:], start=1):
        parents = []
        if relies_on is not None:
            parents = [other for other in ordered[:position] if relies_on(item, other)]
        if parents:
            parent = _nearest(item, parents)
        elif position == 1:
            parent = ordered[0]  # the only earlier one: most claims have two appearances
        else:
            while len(profiles) <= position:
                profiles.append(_profile(ordered[len(profiles)]))
            for number in range(candidates.count, position):
                candidates.add(ordered[number], profiles[number])
            parent = candidates.closest(profiles[position])
        pairs.append((parent, item))
    return pairs


_WORD = re.compile(r"\w+")
# Earlier appearances (distinct in words or chain sources) an appearance is compared with
# at most: each is two set comparisons, and a claim carried in thousands of different
# ways must not cost millions.
CANDIDATES = 200


def _profile(item: Placed) -> tuple[frozenset[str], frozenset[int]]:
    """What closeness is judged on: the quotation's words, folded (case, accents), first,
    then the sources the chain names besides its carrier."""
    words = frozenset(_WORD.findall(strip_accents(item.side.quote).casefold()))
    return words, frozenset(link.source_id for link in item.side.chain if link.role != "publisher")


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


class _Candidates:
    """Earlier appearances in order, one per distinct (words, chain sources): copies are
    one candidate, the first of them."""

    def __init__(self) -> None:
        self.profiles: dict[tuple[frozenset[str], frozenset[int]], tuple[int, Placed]] = {}
        self.count = 0

    def add(self, item: Placed, profile: tuple[frozenset[str], frozenset[int]]) -> None:
        self.profiles.setdefault(profile, (self.count, item))
        self.count += 1

    def closest(self, profile: tuple[frozenset[str], frozenset[int]]) -> Placed:
        """Most words in common, then most chain sources in common, then the earliest."""
        words, sources = profile
        word_scores: dict[frozenset[str], float] = {}  # copies share their word set
        best = None
        for (their_words, their_sources), (order, other) in self._selection():
            score = word_scores.get(their_words)
            if score is None:
                score = word_scores[their_words] = _jaccard(words, their_words)
            key = (score, _jaccard(sources, their_sources), -order)
            if best is None or key > best[0]:
                best = (key, other)
        return best[1]

    def _selection(self):
        """The candidates to compare with: all, or for a claim carried in more than
        ``CANDIDATES`` different ways, the first half of that (where the original is) and
        the latest half."""
        if len(self.profiles) <= CANDIDATES:
            return self.profiles.items()
        half = CANDIDATES // 2
        latest = list(islice(reversed(self.profiles.items()), half))
        return list(islice(self.profiles.items(), half)) + latest[::-1]


def _nearest(item: Placed, parents: list[Placed]) -> Placed:
    """Of the appearances ``item``'s chain cites, the one whose publisher its chain names
    last (the hop nearest the carrier); of one publisher's, the closest in words."""
    position = {link.source_id: n for n, link in enumerate(item.side.chain)}
    last = max(position[p.side.publisher_id] for p in parents)
    nearest = [p for p in parents if position[p.side.publisher_id] == last]
    if len(nearest) == 1:
        return nearest[0]
    candidates = _Candidates()
    for parent in nearest:
        candidates.add(parent, _profile(parent))
    return candidates.closest(_profile(item))


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
