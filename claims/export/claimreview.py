"""schema.org ``Claim`` and ``ClaimReview`` as JSON-LD, the markup fact-checkers publish.

Each claim becomes a ``Claim`` whose ``appearance`` lists the articles that
carry it (each with its quotations as ``Quotation`` parts), ``firstAppearance``
the earliest of them by publication date, and ``author`` whoever the chains
start with: the source the words are first attributed to. A claim with a verdict is wrapped
in a ``ClaimReview`` that rates it; one without a verdict is a bare ``Claim``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from claims.errors import InvalidInput
from claims.export.selection import ExportRow, Selection, any_verdict, iter_rows

CONTEXT = "https://schema.org"
PERSON_KINDS = frozenset({"person"})


def check_publisher(session: Session, selection: Selection, publisher: str | None) -> None:
    """A ClaimReview needs an author; refuse up front rather than half-way through."""
    if (publisher is None or not publisher.strip()) and any_verdict(session, selection):
        raise InvalidInput(
            "Claims with a verdict become ClaimReviews, which need the name of the "
            "organisation that reviewed them: add --publisher NAME."
        )


def documents(
    session: Session, selection: Selection, *, publisher: str | None = None
) -> Iterator[dict[str, Any]]:
    """One JSON-LD node per claim: a ``ClaimReview`` if it has a verdict, else a ``Claim``."""
    rows = iter_rows(session, selection)
    for _claim_id, group in itertools.groupby(rows, key=lambda row: row.claim_id):
        yield claim_node(list(group), publisher=publisher)


def claim_node(rows: list[ExportRow], *, publisher: str | None) -> dict[str, Any]:
    """The node for one claim, from its export rows (all of one claim)."""
    first = rows[0]
    appearances = [row for row in rows if row.appearance_id is not None]
    claim: dict[str, Any] = {
        "@type": "Claim",
        "name": first.claim_text,
        "text": first.claim_text,
    }
    if appearances:
        by_article: dict[str, list[ExportRow]] = {}
        for row in appearances:
            by_article.setdefault(row.article_sha256, []).append(row)
        claim["appearance"] = [_appearance(rows) for rows in by_article.values()]
        earliest = _first_appearance(appearances)
        if earliest is not None:
            claim["firstAppearance"] = _appearance(by_article[earliest.article_sha256])
        authors = _authors(appearances)
        if authors:
            claim["author"] = authors[0] if len(authors) == 1 else authors
    if not first.claim_verdict:
        return claim
    return {
        "@type": "ClaimReview",
        "claimReviewed": first.claim_text,
        "itemReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": first.claim_verdict},
        "author": {"@type": "Organization", "name": publisher},
    }


def _appearance(rows: list[ExportRow]) -> dict[str, Any]:
    """One article carrying the claim, with each passage that carries it."""
    row = rows[0]
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if row.article_url:
        work["url"] = row.article_url
    if row.article_title:
        work["headline"] = row.article_title
    if row.article_published:
        work["datePublished"] = row.article_published.isoformat()
    if row.article_language:
        work["inLanguage"] = row.article_language
    work["publisher"] = _agent(row.publisher, row.publisher_kind or "outlet", organisation=True)
    work["identifier"] = f"urn:sha256:{row.article_sha256}"
    quotations = [{"@type": "Quotation", "text": each.quote} for each in rows]
    work["hasPart"] = quotations[0] if len(quotations) == 1 else quotations
    return work


def _first_appearance(rows: list[ExportRow]) -> ExportRow | None:
    """The earliest published appearance; undated articles cannot be first."""
    dated = [row for row in rows if row.article_published is not None]
    if not dated:
        return None
    return min(dated, key=lambda row: (row.article_published, row.article_sha256, row.quote_start))


def _authors(rows: list[ExportRow]) -> list[dict[str, Any]]:
    """Whoever each chain starts with, once each, in the order the appearances come."""
    seen: set[str] = set()
    authors: list[dict[str, Any]] = []
    for row in rows:
        if not row.hops:
            continue
        origin = row.hops[0]
        if origin.name in seen:
            continue
        seen.add(origin.name)
        authors.append(_agent(origin.name, origin.kind))
    return authors


def _agent(name: str | None, kind: str, *, organisation: bool = False) -> dict[str, Any]:
    kind_type = "Person" if kind in PERSON_KINDS and not organisation else "Organization"
    return {"@type": kind_type, "name": name}
