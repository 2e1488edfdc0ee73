"""The example queries of docs/schema.md list their rows in one order, the same on SQLite and
PostgreSQL: undated rows last (SQLite sorts NULL first, PostgreSQL last) and ties broken by
ids, not by names (which each database sorts by its own collation)."""

from __future__ import annotations

import pytest

from claims.chains import StatedHop
from claims.db import open_session
from claims.schema_docs import EXAMPLES
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim
from claims.services.sources import add_source
from claims.sql import run_query

ACTOR = "tester"


def example(title: str) -> str:
    return next(e.sql for e in EXAMPLES if e.title.startswith(title))


def rows(url: str, sql: str) -> list[dict]:
    result = run_query(url, sql, limit=10_000)
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


@pytest.fixture
def newsroom(db_url):
    """Outlets and agencies recorded in anything but alphabetical order; one outlet relies
    on two agencies equally; one article is undated."""
    with open_session(db_url) as session:
        for name, kind in [
            ("Zeta Daily", "outlet"),
            ("Alpha Daily", "outlet"),
            ("Zulu Agency", "news_agency"),
            ("Bravo Agency", "news_agency"),
        ]:
            add_source(session, name=name, kind=kind, actor=ACTOR)
        claim = add_claim(session, text="The bridge opens in May.", actor=ACTOR)
        for outlet, published, agency in [
            ("Zeta Daily", None, "Zulu Agency"),
            ("Zeta Daily", "2024-03-01", "Bravo Agency"),
            ("Alpha Daily", "2024-01-01", "Zulu Agency"),
        ]:
            article = add_article(
                session,
                text=f"{agency} said the bridge opens in May. ({outlet}, {published})",
                outlet=outlet,
                published=published,
                actor=ACTOR,
            )
            add_appearance(
                session,
                claim_id=claim.id,
                article_id=article.id,
                quote="the bridge opens in May",
                chain=[StatedHop(agency, "said")],
                actor=ACTOR,
            )
    return db_url


def test_which_outlet_carries_which_claim_lists_undated_articles_last(newsroom):
    found = rows(newsroom, example("Which outlet carries which claim"))
    assert [(row["outlet"], row["published"] is None) for row in found] == [
        ("Alpha Daily", False),
        ("Zeta Daily", False),
        ("Zeta Daily", True),
    ]


def test_which_sources_an_outlet_relies_on_breaks_ties_by_id(newsroom):
    found = rows(newsroom, example("Which sources an outlet relies on"))
    assert [(row["outlet"], row["upstream"], row["hops"]) for row in found] == [
        ("Zeta Daily", "Zulu Agency", 1),
        ("Zeta Daily", "Bravo Agency", 1),
        ("Alpha Daily", "Zulu Agency", 1),
    ]
