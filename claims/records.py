"""Plain-dict views of stored things: what ``--format json`` prints and exports reuse.

Keys are stable and documented with the schema; values are JSON-safe.
"""

from __future__ import annotations

from typing import Any

from claims.chains import render
from claims.models import Appearance, Article, ChainHop, Claim, Review, Source, iso

# The flat fields of each record, in order: the columns of CSV listings.
SOURCE_FIELDS = (
    "id",
    "name",
    "kind",
    "country",
    "url",
    "aliases",
    "notes",
    "created_by",
    "created_at",
)
ARTICLE_FIELDS = (
    "id",
    "outlet",
    "origin",
    "origin_cue",
    "title",
    "url",
    "published",
    "language",
    "sha256",
    "characters",
    "created_by",
    "created_at",
)
CLAIM_FIELDS = (
    "id",
    "text",
    "status",
    "verdict",
    "notes",
    "created_by",
    "created_at",
    "updated_at",
)
APPEARANCE_FIELDS = (
    "id",
    "claim_id",
    "article_id",
    "outlet",
    "published",
    "quote",
    "quote_start",
    "quote_end",
    "prefix",
    "suffix",
    "quoted",
    "chain",
    "provenance",
    "accepted_by",
    "created_by",
    "created_at",
)


def source_record(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "name": source.name,
        "kind": source.kind,
        "country": source.country,
        "url": source.url,
        "aliases": [alias.alias for alias in source.aliases if alias.alias != source.name],
        "notes": source.notes,
        "created_by": source.created_by,
        "created_at": iso(source.created_at),
    }


def article_record(article: Article, *, with_text: bool = False) -> dict[str, Any]:
    record = {
        "id": article.id,
        "outlet": article.publisher.name,
        "origin": article.origin.name if article.origin else None,
        "origin_cue": article.origin_cue,
        "title": article.title,
        "url": article.url,
        "published": iso(article.published),
        "language": article.language,
        "sha256": article.sha256,
        "characters": article.characters,
        "extracted_from_html": article.extracted_from_html,
        "created_by": article.created_by,
        "created_at": iso(article.created_at),
    }
    if with_text:
        record["text"] = article.text
    return record


def article_label(article: Article, width: int = 60) -> str:
    if article.title:
        return article.title
    first = " ".join(article.text.split())
    return first if len(first) <= width else first[: width - 1] + "…"


def hop_record(hop: ChainHop) -> dict[str, Any]:
    return {
        "position": hop.position,
        "source": hop.source.name,
        "source_id": hop.source_id,
        "cue": hop.cue,
        "role": hop.role,
        "evidence_start": hop.evidence_start,
        "evidence_end": hop.evidence_end,
    }


def appearance_record(appearance: Appearance) -> dict[str, Any]:
    article = appearance.article
    return {
        "id": appearance.id,
        "claim_id": appearance.claim_id,
        "article_id": appearance.article_id,
        "outlet": article.publisher.name,
        "published": iso(article.published),
        "quote": appearance.quote,
        "quote_start": appearance.quote_start,
        "quote_end": appearance.quote_end,
        "prefix": appearance.prefix,
        "suffix": appearance.suffix,
        "quoted": appearance.quoted,
        "chain": render([hop.source.name for hop in appearance.hops]),
        "hops": [hop_record(hop) for hop in appearance.hops],
        "provenance": appearance.provenance,
        "accepted_by": appearance.accepted_by,
        "created_by": appearance.created_by,
        "created_at": iso(appearance.created_at),
    }


def review_record(review: Review) -> dict[str, Any]:
    return {
        "decision": review.decision,
        "reviewer": review.reviewer,
        "note": review.note,
        "decided_at": iso(review.decided_at),
    }


def claim_record(claim: Claim, *, detailed: bool = False) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": claim.id,
        "text": claim.text,
        "status": claim.status,
        "verdict": claim.verdict,
        "notes": claim.notes,
        "created_by": claim.created_by,
        "created_at": iso(claim.created_at),
        "updated_at": iso(claim.updated_at),
    }
    if detailed:
        record["appearances"] = [appearance_record(a) for a in claim.appearances]
        record["reviews"] = [review_record(r) for r in claim.reviews]
    return record
