"""Named queries list rows in the same order on SQLite and PostgreSQL: undated articles
last, though SQLite sorts NULL first and PostgreSQL last."""

from __future__ import annotations

import pytest

from claims.chains import StatedHop
from claims.db import open_session
from claims.named_queries import run_named_query
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim
from claims.services.sources import add_source

ACTOR = "tester"
AGENCY = "Bridge Agency"
BRIDGE = "The bridge opens in May."
TAXES = "Taxes fall next year."


@pytest.fixture
def dated_and_undated(db_url):
    """A claim carried by an undated weekly (recorded first) and two dated dailies, worded
    three ways on an agency's word; another the weekly carries undated and dated, unsaid."""
    with open_session(db_url) as session:
        for outlet in ("Undated Weekly", "Early Daily", "Late Daily"):
            add_source(session, name=outlet, kind="outlet", actor=ACTOR)
        add_source(session, name=AGENCY, kind="state_body", actor=ACTOR)
        bridge = add_claim(session, text=BRIDGE, actor=ACTOR)
        taxes = add_claim(session, text=TAXES, actor=ACTOR)
        for outlet, published, quote in [
            ("Undated Weekly", None, "the bridge will open in May"),
            ("Late Daily", "2024-03-01", "the new bridge opens in May"),
            ("Early Daily", "2024-01-01", "the bridge opens in May"),
        ]:
            text = f"{AGENCY} said {quote}." + (" Taxes fall next year." if not published else "")
            article = add_article(
                session, text=text, outlet=outlet, published=published, actor=ACTOR
            )
            add_appearance(
                session,
                claim_id=bridge.id,
                article_id=article.id,
                quote=quote,
                chain=[StatedHop(AGENCY, "said")],
                actor=ACTOR,
            )
            if not published:
                add_appearance(
                    session,
                    claim_id=taxes.id,
                    article_id=article.id,
                    quote="Taxes fall next year",
                    actor=ACTOR,
                )
        later = add_article(
            session,
            text="Taxes fall next year, a report found.",
            outlet="Undated Weekly",
            published="2024-02-01",
            actor=ACTOR,
        )
        add_appearance(
            session,
            claim_id=taxes.id,
            article_id=later.id,
            quote="Taxes fall next year",
            actor=ACTOR,
        )
        ids = {"bridge": bridge.id, "taxes": taxes.id}
    return db_url, ids


def rows(url: str, name: str, **values) -> list[dict]:
    result = run_named_query(
        url, name, {k: str(v) for k, v in values.items()}, limit=10_000, timeout=30
    )
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def dates(found: list[dict], column: str = "published") -> list[str | None]:
    return [str(row[column])[:10] if row[column] is not None else None for row in found]


def test_carriers_of_lists_undated_articles_last(dated_and_undated):
    url, ids = dated_and_undated
    found = rows(url, "carriers-of", claim=ids["bridge"])
    assert [row["outlet"] for row in found] == ["Early Daily", "Late Daily", "Undated Weekly"]
    assert dates(found) == ["2024-01-01", "2024-03-01", None]


def test_claims_of_outlet_lists_claims_carried_only_undated_last(dated_and_undated):
    url, ids = dated_and_undated
    found = rows(url, "claims-of-outlet", outlet="Undated Weekly")
    assert [row["claim_id"] for row in found] == [ids["taxes"], ids["bridge"]]
    assert dates(found, "first_published") == ["2024-02-01", None]


@pytest.mark.parametrize(
    "name,values,claim",
    [
        ("chains-through", {"source": AGENCY}, "bridge"),
        ("quotations-differ", {}, "bridge"),
        ("unattributed", {}, "taxes"),
    ],
)
def test_appearance_listings_put_undated_articles_last(dated_and_undated, name, values, claim):
    url, ids = dated_and_undated
    found = [row for row in rows(url, name, **values) if row["claim_id"] == ids[claim]]
    assert len(found) >= 2
    published = dates(found)
    assert published[-1] is None
    assert published[:-1] == sorted(published[:-1])


def test_awaiting_review_lists_claims_without_a_recorded_submission_last(db_url):
    """An import carries a claim's status, not its review history."""
    from claims.services.review import submit

    with open_session(db_url) as session:
        imported = add_claim(session, text="Imported while in review.", actor=ACTOR)
        imported.status = "in_review"
        submitted = add_claim(session, text="Submitted here.", actor=ACTOR)
        submit(session, submitted.id, actor="ann")
        ids = [submitted.id, imported.id]
    found = rows(db_url, "awaiting-review")
    assert [row["claim_id"] for row in found] == ids
    assert found[0]["submitted_by"] == "ann" and found[1]["submitted_at"] is None
