"""Which earlier appearance each appearance is compared with: what its chain cites, or else
the one it is closest to, never merely the one just before it by date."""

from __future__ import annotations

import datetime as dt

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
