"""Which earlier appearance each appearance is compared with: what its chain cites, or else
the one it is closest to, never merely the one just before it by date."""

from __future__ import annotations

import datetime as dt
import random
from unittest import mock

import pytest

from claims.drift import pairs as pairs_module
from claims.drift.compare import ChainLink, Side
from claims.drift.pairs import CANDIDATES, Placed, drift, plan
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim
from claims.services.drift import list_drift

KOVACS, SZIJJARTO = 50, 51
MTI, BETA, KAPPA, GAMMA, THETA = 1, 2, 3, 4, 5
NAMES = {MTI: "MTI", BETA: "Beta News", KAPPA: "Kappa Radio", GAMMA: "Gamma Post", THETA: "Theta"}
ACTOR = "upstream-test"


def placed(
    id: int,
    quote: str,
    publisher: int,
    day: int,
    *,
    stated: tuple[tuple[int, str, str | None], ...] = ((KOVACS, "Zoltan Kovacs", "said"),),
    origin: int | None = None,
) -> Placed:
    chain = [ChainLink(source, name, cue, "stated") for source, name, cue in stated]
    if origin is not None:
        chain.append(ChainLink(origin, NAMES[origin], "citing", "origin"))
    chain.append(ChainLink(publisher, NAMES[publisher], None, "publisher"))
    return Placed(Side(id, quote, True, publisher, tuple(chain)), dt.date(2024, 3, day))


def pairs(items: list[Placed]) -> list[tuple[int, int]]:
    return [(a.side.appearance_id, b.side.appearance_id) for a, b in plan(items)]


ORIGINAL = "Pinter will visit Belgrade next week"
REWORDED = "Pinter will travel to Belgrade next week"


def test_an_appearance_citing_no_one_is_compared_with_the_earlier_one_closest_to_it():
    wire = placed(1, ORIGINAL, MTI, 1)
    beta = placed(2, REWORDED, BETA, 2, origin=MTI)
    kappa = placed(
        3, ORIGINAL, KAPPA, 3, stated=((KOVACS, "Zoltan Kovacs", "told"),)
    )  # Kovacs told Kappa himself: the wire's words, not Beta's
    assert pairs([wire, beta, kappa]) == [(1, 2), (1, 3)]
    found = [(a, b, f.kind, f.before, f.after) for a, b, f in drift([wire, beta, kappa])]
    assert found == [
        (1, 2, "wording", "visit", "travel to"),
        (1, 3, "attribution", "Zoltan Kovacs [said]", "Zoltan Kovacs [told]"),
    ]


def test_a_line_of_rewrites_stays_a_line():
    a = placed(1, "Pinter will visit Belgrade next week to sign a deal", MTI, 1)
    b = placed(2, "Pinter will travel to Belgrade next week to sign a deal", BETA, 2)
    c = placed(3, "Pinter will travel to Belgrade soon to sign a deal", KAPPA, 3)
    assert pairs([a, b, c]) == [(1, 2), (2, 3)]


def test_copies_of_one_text_all_go_back_to_the_first():
    items = [
        placed(n, ORIGINAL, publisher, n) for n, publisher in ((1, MTI), (2, BETA), (3, GAMMA))
    ]
    assert pairs(items) == [(1, 2), (1, 3)]


def test_of_equally_close_words_the_chain_with_more_in_common_then_the_earliest():
    first = placed(1, ORIGINAL, MTI, 1)
    wrong = placed(2, ORIGINAL, BETA, 2, stated=((SZIJJARTO, "Peter Szijjarto", "said"),))
    copy = placed(3, ORIGINAL, KAPPA, 3, stated=((SZIJJARTO, "Peter Szijjarto", "said"),))
    assert pairs([first, wrong, copy]) == [(1, 2), (2, 3)]
    again = placed(4, REWORDED, GAMMA, 4)
    assert pairs([first, wrong, copy, again]) == [(1, 2), (2, 3), (1, 4)]


def test_of_several_cited_appearances_the_nearest_hop_is_upstream():
    # Beta (dated first) carries Kovacs itself; Theta's chain runs Kovacs > MTI > Beta.
    beta = placed(1, REWORDED, BETA, 1)
    wire = placed(2, ORIGINAL, MTI, 2)
    theta = placed(
        3,
        ORIGINAL,
        THETA,
        3,
        stated=((KOVACS, "Zoltan Kovacs", "said"), (MTI, "MTI", None)),
        origin=BETA,
    )
    assert pairs([beta, wire, theta]) == [(1, 2), (1, 3)]


def test_a_claim_carried_in_very_many_ways_still_finds_its_original():
    items = [placed(n, f"Pinter will visit Belgrade, part {n}", MTI, 1) for n in range(300)]
    items.append(placed(300, "Pinter will visit Belgrade, part 0", BETA, 2))
    assert len(items) > CANDIDATES
    assert pairs(items)[-1] == (0, 300)


def test_stored_findings_blame_no_one_for_changes_another_made(session):
    articles = []
    for outlet, text, origin, day in (
        ("MTI", 'Spokesman Zoltan Kovacs said: "Pinter will visit Belgrade next week."', None, 1),
        (
            "Beta News",
            'Spokesman Zoltan Kovacs said: "Pinter will travel to Belgrade next week," '
            "MTI reported.",
            "MTI",
            2,
        ),
        (
            "Kappa Radio",
            'Zoltan Kovacs told Kappa Radio: "Pinter will visit Belgrade next week."',
            None,
            3,
        ),
    ):
        article = add_article(
            session,
            text=text,
            outlet=outlet,
            origin=origin,
            published=f"2024-03-0{day}",
            create_sources=True,
            actor=ACTOR,
        )
        articles.append(article.id)
    claim = add_claim(session, text="Pinter will visit Belgrade next week.", actor=ACTOR)
    session.flush()
    for article, quote, chain in zip(
        articles,
        (ORIGINAL, REWORDED, ORIGINAL),
        ("Zoltan Kovacs [said]", "Zoltan Kovacs [said]", "Zoltan Kovacs [told]"),
        strict=True,
    ):
        add_appearance(
            session,
            claim_id=claim.id,
            article_id=article,
            quote=quote,
            chain=chain,
            create_sources=True,
            actor=ACTOR,
        )
    rows = [
        (row["from_outlet"], row["to_outlet"], row["kind"], row["severity"])
        for row in list_drift(session, claim.id)
    ]
    assert rows == [
        ("MTI", "Beta News", "wording", "high"),
        ("MTI", "Kappa Radio", "attribution", "low"),
    ]


# --- the order and the parents, against a reference that tries every pair ---------------------


def _reference_plan(items: list[Placed]) -> list[tuple[Placed, Placed]]:
    """The definition, pair by pair: an appearance relies on another when its chain names the
    other's publisher, a different outlet; it waits for all it relies on (the earliest first,
    a cycle in date order), and its parents are the earlier ones it relies on, of the
    publisher its chain names last, the closest of them in words."""

    def relies_on(later: Placed, earlier: Placed) -> bool:
        publisher = earlier.side.publisher_id
        cited = {link.source_id for link in later.side.chain}
        return later.side.publisher_id != publisher and publisher in cited

    waiting = sorted(items, key=pairs_module._date_key)
    ordered = []
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
        ordered.append(ready)
    result = []
    for position, item in enumerate(ordered[1:], start=1):
        parents = [other for other in ordered[:position] if relies_on(item, other)]
        if parents:
            where = {link.source_id: n for n, link in enumerate(item.side.chain)}
            last = max(where[p.side.publisher_id] for p in parents)
            choice = [p for p in parents if where[p.side.publisher_id] == last]
        else:
            choice = ordered[:position]
        candidates = pairs_module._Candidates()
        for other in choice:
            candidates.add(other, pairs_module._profile(other))
        result.append((candidates.closest(pairs_module._profile(item)), item))
    return result


_WORDS = "Pinter will may visit travel to Belgrade next week soon".split()


def _random_claim(rng: random.Random) -> list[Placed]:
    """A small claim of few publishers, so that appearances share outlets, cite each other's
    (earlier, later, themselves: cycles) and tie on dates and words."""
    items = []
    for appearance_id in range(rng.randint(1, 12)):
        publisher = rng.randint(1, 5)
        cited = rng.sample(range(1, 8), rng.randint(0, 3))
        chain = [
            ChainLink(source, f"s{source}", rng.choice((None, "said")), "stated")
            for source in cited
        ]
        chain.append(ChainLink(publisher, f"s{publisher}", None, "publisher"))
        quote = " ".join(rng.choices(_WORDS, k=rng.randint(1, 4)))
        day = None if rng.random() < 0.15 else dt.date(2024, 3, rng.randint(1, 4))
        side = Side(appearance_id, quote, True, publisher, tuple(chain))
        items.append(Placed(side, day))
    rng.shuffle(items)
    return items


def _ids(found: list[tuple[Placed, Placed]]) -> list[tuple[int, int]]:
    return [(a.side.appearance_id, b.side.appearance_id) for a, b in found]


@pytest.mark.parametrize("candidates", [CANDIDATES, 2])  # 2: a publisher's many ways, halved
def test_plan_chooses_as_trying_every_earlier_appearance_would(candidates):
    rng = random.Random(20240301)
    with mock.patch.object(pairs_module, "CANDIDATES", candidates):
        for _ in range(3000):
            items = _random_claim(rng)
            assert _ids(plan(items)) == _ids(_reference_plan(items)), items


class _CountingSide(Side):
    """A side that counts how often its publisher is read: the work spent on reliance."""

    reads = 0

    def __getattribute__(self, name):
        if name == "publisher_id":
            _CountingSide.reads += 1
        return super().__getattribute__(name)


def test_a_wire_story_cited_by_thousands_of_outlets_costs_each_its_own_chain():
    count = 5000
    rng = random.Random(7)
    agency = (ChainLink(KOVACS, "Zoltan Kovacs", "said", "stated"),)
    items = [
        Placed(
            _CountingSide(
                0, ORIGINAL, True, MTI, (*agency, ChainLink(MTI, "MTI", None, "publisher"))
            ),
            dt.date(2024, 3, 2),
        )
    ]
    for n in range(1, count):
        outlet = 100 + n
        chain = (
            *agency,
            ChainLink(MTI, "MTI", "citing", "origin"),
            ChainLink(outlet, f"outlet {outlet}", None, "publisher"),
        )
        quote = ORIGINAL if n % 3 else REWORDED
        day = dt.date(2024, 3, rng.randint(1, 20))  # some dated before the wire they cite
        items.append(Placed(_CountingSide(n, quote, True, outlet, chain), day))
    _CountingSide.reads = 0
    found = _ids(plan(items))
    assert found == [(0, n) for n in sorted(range(1, count), key=lambda n: (items[n].published, n))]
    assert _CountingSide.reads < 20 * count  # a pass over every earlier appearance: millions
