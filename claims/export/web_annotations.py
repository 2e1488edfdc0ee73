"""W3C Web Annotations: each appearance as an annotation on the article that carries it.

The anchor the database keeps is the Web Annotation one already: a
TextQuoteSelector (quotation, prefix, suffix) and a TextPositionSelector
(offsets in Unicode code points into the stored text). The body is the claim
the passage carries and the chain of sources it is attributed to.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from claims.chains import render_with_cues
from claims.export.selection import ExportRow, Selection, iter_rows
from claims.models import iso

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
COLLECTION_ID = "urn:claims:annotations"


def collection_head(label: str = "Claims carried by news articles") -> dict[str, Any]:
    """The AnnotationCollection around the page of annotations (written around the stream)."""
    return {
        "@context": CONTEXT,
        "id": COLLECTION_ID,
        "type": "AnnotationCollection",
        "label": label,
    }


def page_head() -> dict[str, Any]:
    return {"id": f"{COLLECTION_ID}/page1", "type": "AnnotationPage", "partOf": COLLECTION_ID}


def annotations(session: Session, selection: Selection) -> Iterator[dict[str, Any]]:
    """One Annotation per selected appearance; claims without an appearance have none."""
    for row in iter_rows(session, selection):
        if row.appearance_id is not None:
            yield annotation(row)


def annotation_id(row: ExportRow) -> str:
    """Stable across databases: the article's hash, the span and the claim's key."""
    span = f"{row.quote_start}-{row.quote_end}"
    return f"urn:claims:appearance:{row.article_sha256}:{span}:{row.claim_key}"


def annotation(row: ExportRow) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "purpose": "describing",
            "format": "text/plain",
            "value": row.claim_text,
        }
    ]
    if row.hops:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "format": "text/plain",
                "value": "Attributed along: "
                + render_with_cues([(hop.name, hop.cue) for hop in row.hops]),
            }
        )
    item: dict[str, Any] = {
        "id": annotation_id(row),
        "type": "Annotation",
        "motivation": "describing",
        # A bare string would be read as an IRI (the context types creator as @id).
        "creator": {"type": "Person", "nickname": row.created_by},
        "body": bodies,
        "target": {
            "source": row.article_url or f"urn:sha256:{row.article_sha256}",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": row.quote,
                    "prefix": row.prefix or "",
                    "suffix": row.suffix or "",
                },
                {"type": "TextPositionSelector", "start": row.quote_start, "end": row.quote_end},
            ],
        },
    }
    if row.created_at is not None:
        item["created"] = iso(row.created_at)
    return item
