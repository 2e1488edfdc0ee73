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
the first. What a chain cites is looked up by publisher, hop by hop, so a wire
story cited by thousands of outlets costs each of them its chain's length.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
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


def _cited(item: Placed) -> set[int]:
    """The publishers ``item`` relies on, if they carry the claim: its chain's sources but its
    own outlet (an outlet naming itself relies on no one)."""
    own = item.side.publisher_id
    return {link.source_id for link in item.side.chain if link.source_id != own}


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

    Each step places the earliest appearance relying on nothing still unplaced; where every
    one left does (a cycle: two outlets citing each other), the earliest of them. An
    appearance relies on a publisher, so it waits for all of that publisher's appearances:
    counting them, and what each still waits for, makes a step cost the chains it frees,
    not a pass over every appearance left (a wire story cited by thousands of outlets).
    """
    waiting = sorted(items, key=_date_key)
    if not _reliance_pairs(items):
        return waiting
    unplaced: dict[int, int] = {}  # publisher: its appearances not yet placed
    for item in waiting:
        unplaced[item.side.publisher_id] = unplaced.get(item.side.publisher_id, 0) + 1
    waits_for: list[int] = []  # per appearance: its cited publishers with appearances unplaced
    freed_by: dict[int, list[int]] = {}  # publisher: the appearances citing it
    ready: list[int] = []  # a heap of date ranks
    for rank, item in enumerate(waiting):
        cited = [publisher for publisher in _cited(item) if publisher in unplaced]
        waits_for.append(len(cited))
        for publisher in cited:
            freed_by.setdefault(publisher, []).append(rank)
        if not cited:
            ready.append(rank)
    heapq.heapify(ready)
    done = [False] * len(waiting)
    earliest = 0  # every rank before it is placed
    placed: list[Placed] = []
    while len(placed) < len(waiting):
        while ready and done[ready[0]]:
            heapq.heappop(ready)
        if ready:
            rank = heapq.heappop(ready)
        else:  # a cycle: the earliest left
            while done[earliest]:
                earliest += 1
            rank = earliest
        done[rank] = True
        item = waiting[rank]
        placed.append(item)
        publisher = item.side.publisher_id
        unplaced[publisher] -= 1
        if not unplaced[publisher]:
            for other in freed_by.get(publisher, ()):
                waits_for[other] -= 1
                if not waits_for[other] and not done[other]:
                    heapq.heappush(ready, other)
    return placed


def plan(items: list[Placed]) -> list[tuple[Placed, Placed]]:
    """(upstream, downstream) pairs: each appearance after the first with its parent.

    The earlier appearances are kept by publisher, so what an appearance's chain cites is
    found from its chain, not by a pass over every earlier one.
    """
    ordered = upstream_order(items)
    relying = _reliance_pairs(items)
    by_publisher: dict[int, _Carried] = {}
    candidates = _Candidates()  # filled only once a choice is to be made
    profiles: list[tuple[frozenset[str], frozenset[int]]] = []
    pairs = []
    for position, item in enumerate(ordered):
        parent = _nearest(item, by_publisher) if relying else None
        if relying:
            by_publisher.setdefault(item.side.publisher_id, _Carried()).items.append(item)
        if not position:
            continue
        if parent is None and position == 1:
            parent = ordered[0]  # the only earlier one: most claims have two appearances
        elif parent is None:
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
    words = _words(item.side.quote)
    return words, frozenset(link.source_id for link in item.side.chain if link.role != "publisher")


@functools.lru_cache(maxsize=1024)  # copies of one text, one after the other
def _words(quote: str) -> frozenset[str]:
    return frozenset(_WORD.findall(strip_accents(quote).casefold()))


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


class _Carried:
    """One publisher's earlier appearances, in order, and its candidates among them, filled
    when first asked for: an appearance citing the publisher chooses from them."""

    def __init__(self) -> None:
        self.items: list[Placed] = []
        self.candidates = _Candidates()

    def closest(self, item: Placed) -> Placed:
        if len(self.items) == 1:
            return self.items[0]
        for earlier in self.items[self.candidates.count :]:
            self.candidates.add(earlier, _profile(earlier))
        return self.candidates.closest(_profile(item))


def _nearest(item: Placed, by_publisher: dict[int, _Carried]) -> Placed | None:
    """Of the earlier appearances ``item``'s chain cites, those of the publisher its chain
    names last (the hop nearest the carrier), and of them the closest in words; None when
    it cites none."""
    own = item.side.publisher_id
    for link in reversed(item.side.chain):
        carried = by_publisher.get(link.source_id)
        if carried is not None and link.source_id != own:
            return carried.closest(item)
    return None


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
