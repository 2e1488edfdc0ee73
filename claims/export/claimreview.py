"""schema.org ``Claim`` and ``ClaimReview`` as JSON-LD, the markup fact-checkers publish.

Each claim becomes a ``Claim`` whose ``appearance`` lists the selected articles
that carry it (each with its quotations as ``Quotation`` parts). ``firstAppearance``
and ``author`` describe the claim, not the selection, so they come from all its
appearances, whatever outlets or dates the selection picked: the earliest
article by publication date (as the ``first_appearances`` view picks it), and
whoever the chains start with, the source the words are first attributed to.

Only a review that was approved is published: an approved claim with a verdict is
wrapped in a ``ClaimReview`` that rates it, dated by its latest approval (the
``reviews`` table); any other claim, a draft with a verdict typed in included, is a
bare ``Claim``, its verdict left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.errors import InvalidInput
from claims.export.selection import ExportRow, Selection, any_verdict, batches, iter_rows
from claims.models import Review

CONTEXT = "https://schema.org"
PERSON_KINDS = frozenset({"person"})
PUBLISHED = "approved"  # the one review status whose verdict is published


def reviewed(row: ExportRow) -> bool:
    """Whether a claim's verdict is a published review: approved, with a verdict."""
    return row.claim_status == PUBLISHED and bool(row.claim_verdict)


def check_publisher(session: Session, selection: Selection, publisher: str | None) -> None:
    """A ClaimReview needs an author; refuse up front rather than half-way through."""
    if publisher is not None and publisher.strip():
        return
    if selection.status not in (None, PUBLISHED):
        return
    if any_verdict(session, dataclasses.replace(selection, status=PUBLISHED)):
        raise InvalidInput(
            "Approved claims with a verdict become ClaimReviews, which need the name of the "
            "organisation that reviewed them: add --publisher NAME."
        )


def approval_dates(session: Session, claim_ids: Iterable[int]) -> dict[int, dt.date]:
    """The day each claim was last approved, from its review history, where there is one."""
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    query = (
        select(Review.claim_id, func.max(Review.decided_at))
        .where(Review.claim_id.in_(ids), Review.decision == PUBLISHED)
        .group_by(Review.claim_id)
    )
    return {claim_id: _day(when) for claim_id, when in session.execute(query) if when}


def _day(value: dt.datetime | str) -> dt.date:
    if isinstance(value, str):  # SQLite hands an aggregate back as text
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.date()


def documents(
    session: Session, selection: Selection, *, publisher: str | None = None
) -> Iterator[dict[str, Any]]:
    """One JSON-LD node per claim: a ``ClaimReview`` if its verdict was approved, else a
    ``Claim``."""
    approved: dict[int, dt.date] = {}
    # When articles are filtered, a claim's rows miss some of its appearances: its
    # first appearance and its authors are read from all of them, batch by batch.
    every: dict[int, list[ExportRow]] = {}

    def rows() -> Iterator[ExportRow]:
        for batch in batches(session, selection):
            approved.update(approval_dates(session, [r.claim_id for r in batch if reviewed(r)]))
            if selection.filters_articles:
                every.update(all_appearances(session, {r.claim_id for r in batch} - every.keys()))
            yield from batch

    for claim_id, group in itertools.groupby(rows(), key=lambda row: row.claim_id):
        yield claim_node(
            list(group),
            publisher=publisher,
            approved=approved.pop(claim_id, None),
            every=every.pop(claim_id, None),
        )


def all_appearances(session: Session, claim_ids: Iterable[int]) -> dict[int, list[ExportRow]]:
    """Every appearance of some claims, whatever the articles selected, by claim."""
    ids = tuple(sorted(set(claim_ids)))
    found: dict[int, list[ExportRow]] = {claim_id: [] for claim_id in ids}
    if ids:
        for row in iter_rows(session, Selection(claim_ids=ids)):
            if row.appearance_id is not None:
                found[row.claim_id].append(row)
    return found


def claim_node(
    rows: list[ExportRow],
    *,
    publisher: str | None,
    approved: dt.date | None = None,
    every: list[ExportRow] | None = None,
) -> dict[str, Any]:
    """The node for one claim, from its export rows (all of one claim).

    ``approved`` is the day the claim was approved, the review's ``datePublished``.
    ``every`` is all the claim's appearances when ``rows`` are a part of them (articles
    were filtered): ``appearance`` lists ``rows``, while ``firstAppearance`` and
    ``author``, which say where the claim comes from, are read from ``every``.
    """
    first = rows[0]
    appearances = [row for row in rows if row.appearance_id is not None]
    known = appearances if every is None else every
    claim: dict[str, Any] = {
        "@type": "Claim",
        "name": first.claim_text,
        "text": first.claim_text,
    }
    if appearances:
        claim["appearance"] = [_appearance(rows) for rows in _by_article(appearances).values()]
        earliest = _first_appearance(known)
        if earliest is not None:
            claim["firstAppearance"] = _appearance(_by_article(known)[earliest.article_sha256])
        authors = _authors(known)
        if authors:
            claim["author"] = authors[0] if len(authors) == 1 else authors
    if not reviewed(first):
        return claim
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": first.claim_text,
        "itemReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": first.claim_verdict},
        "author": {"@type": "Organization", "name": publisher},
    }
    if approved is not None:
        review["datePublished"] = approved.isoformat()
    return review


def _by_article(rows: list[ExportRow]) -> dict[str, list[ExportRow]]:
    by_article: dict[str, list[ExportRow]] = {}
    for row in rows:
        by_article.setdefault(row.article_sha256, []).append(row)
    return by_article


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
    """The earliest published appearance; undated articles cannot be known to be first.

    Ties go as in the ``first_appearances`` view (the lower article id, then the lower
    appearance id), so the export and the view name the same article.
    """
    dated = [row for row in rows if row.article_published is not None]
    if not dated:
        return None
    return min(dated, key=lambda row: (row.article_published, row.article_id, row.appearance_id))


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
