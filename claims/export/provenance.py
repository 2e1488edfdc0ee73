"""Attribution chains as W3C PROV, written with the ``prov`` package.

For each appearance, every hop of the chain is an entity (what that source
said or carried), attributed to the source as an agent. Each hop's entity
derives from the one before it: ``wasQuotedFrom`` where the sentence itself
states the hand-over ("Xinhua said Wang told ..."), ``wasDerivedFrom`` where
it comes from the article (its origin's wire copy, the publisher's page). The
last hop's entity is the quotation as printed: a member of the article, and
the claim is derived from it.

One bundle per claim, so the document is written claim by claim and memory
does not grow with the database.

A source is an agent named by its name and its id (``source:xinhua-3``), so two
sources that share a name, or whose names have no Latin letters, stay two agents,
and a source keeps its identifier from one export of the database to the next.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.export.selection import ExportRow, Selection, batches
from claims.models import Appearance, Article, ChainHop
from claims.text import fold_name

NAMESPACES = {
    "claim": "urn:claims:claim:",
    "article": "urn:sha256:",
    "quote": "urn:claims:quotation:",
    "said": "urn:claims:statement:",
    "source": "urn:claims:source:",
    "bundle": "urn:claims:bundle:",
    "claims": "urn:claims:vocabulary#",
    "schema": "https://schema.org/",
}
_UNSAFE = re.compile(r"[^0-9a-z]+")


def source_local(name: str, source_id: int) -> str:
    """A source's identifier part: its name folded to ASCII, then its id (``xinhua-3``).

    The id makes it unique (names are shared, and non-Latin ones fold to nothing,
    leaving the id alone) and stable (the same source has one id everywhere); the
    name keeps it readable. The id is the part after the last hyphen.
    """
    readable = _UNSAFE.sub("-", fold_name(name)).strip("-")
    return f"{readable}-{source_id}" if readable else str(source_id)


@dataclass(frozen=True)
class SourceIds:
    """The source ids of an appearance's article publisher and of its chain, origin first."""

    publisher: int
    hops: tuple[int, ...]


def source_ids(session: Session, appearance_ids: list[int]) -> dict[int, SourceIds]:
    """The ``SourceIds`` of some appearances, in two queries."""
    if not appearance_ids:
        return {}
    publishers = dict(
        session.execute(
            select(Appearance.id, Article.publisher_id)
            .join(Article, Article.id == Appearance.article_id)
            .where(Appearance.id.in_(appearance_ids))
        ).all()
    )
    hops: dict[int, list[int]] = {}
    for appearance_id, source_id in session.execute(
        select(ChainHop.appearance_id, ChainHop.source_id)
        .where(ChainHop.appearance_id.in_(appearance_ids))
        .order_by(ChainHop.appearance_id, ChainHop.position)
    ):
        hops.setdefault(appearance_id, []).append(source_id)
    return {
        appearance_id: SourceIds(publisher, tuple(hops.get(appearance_id, ())))
        for appearance_id, publisher in publishers.items()
    }


def _span(row: ExportRow) -> str:
    return f"{row.article_sha256}_{row.quote_start}_{row.quote_end}"


def claim_bundle(rows: list[ExportRow], ids: dict[int, SourceIds]):
    """A ``ProvDocument`` holding one bundle: one claim and all its appearances' chains.

    ``ids`` gives the source ids of each appearance (``source_ids``).
    """
    from prov.constants import PROV, PROV_LABEL, PROV_TYPE, PROV_VALUE
    from prov.model import ProvDocument

    document = ProvDocument()
    ns = {prefix: document.add_namespace(prefix, uri) for prefix, uri in NAMESPACES.items()}
    vocabulary, schema = ns["claims"], ns["schema"]
    first = rows[0]
    bundle = document.bundle(f"bundle:{first.claim_key}")
    claim = bundle.entity(
        f"claim:{first.claim_key}",
        {
            PROV_TYPE: schema["Claim"],
            PROV_LABEL: first.claim_text,
            vocabulary["status"]: first.claim_status,
        },
    )
    declared: set[str] = set()

    def agent(name: str, kind: str, source_id: int):
        identifier = f"source:{source_local(name, source_id)}"
        if identifier not in declared:
            declared.add(identifier)
            # A source of kind "other" (a name a chain gave, never described) is an agent
            # and no more: calling it an organisation would say what nobody recorded.
            kind_type = {"person": "Person", "other": "Agent"}.get(kind, "Organization")
            bundle.agent(
                identifier,
                {
                    PROV_TYPE: PROV[kind_type],
                    PROV_LABEL: name,
                    vocabulary["kind"]: kind,
                },
            )
        return identifier

    for row in rows:
        if row.appearance_id is None:
            continue
        sources = ids[row.appearance_id]
        article_id = f"article:{row.article_sha256}"
        if article_id not in declared:
            declared.add(article_id)
            attributes = {
                PROV_TYPE: PROV["Collection"],
                PROV_LABEL: row.article_title or row.article_sha256,
            }
            if row.article_url:
                attributes[schema["url"]] = row.article_url
            if row.article_published:
                attributes[schema["datePublished"]] = row.article_published.isoformat()
            bundle.entity(article_id, attributes)
            bundle.wasAttributedTo(
                article_id, agent(row.publisher, row.publisher_kind or "outlet", sources.publisher)
            )
        quotation = f"quote:{_span(row)}"
        bundle.entity(quotation, {PROV_TYPE: vocabulary["Quotation"], PROV_VALUE: row.quote})
        bundle.hadMember(article_id, quotation)
        bundle.wasDerivedFrom(claim, quotation)
        previous = None
        for hop, source_id in zip(row.hops, sources.hops, strict=True):
            last = hop is row.hops[-1]
            entity = quotation if last else f"said:{_span(row)}_{hop.position}"
            if not last:
                attributes = {PROV_TYPE: vocabulary["Statement"], vocabulary["role"]: hop.role}
                if hop.cue:
                    attributes[vocabulary["cue"]] = hop.cue
                bundle.entity(entity, attributes)
            bundle.wasAttributedTo(entity, agent(hop.name, hop.kind, source_id))
            if previous is not None:
                if hop.role == "stated":
                    bundle.wasQuotedFrom(entity, previous)
                else:
                    bundle.wasDerivedFrom(entity, previous)
            previous = entity
    return document


def claim_documents(session: Session, selection: Selection) -> Iterator:
    """One ``ProvDocument`` per selected claim, read batch by batch."""
    ids: dict[int, SourceIds] = {}

    def rows() -> Iterator[ExportRow]:
        for batch in batches(session, selection):
            # A claim's rows may span two batches: keep the ids its bundle still needs.
            ids.update(
                source_ids(session, [r.appearance_id for r in batch if r.appearance_id is not None])
            )
            yield from batch

    for _claim_id, group in itertools.groupby(rows(), key=lambda row: row.claim_id):
        claim_rows = list(group)
        yield claim_bundle(claim_rows, ids)
        for row in claim_rows:
            ids.pop(row.appearance_id, None)


def write(
    session: Session,
    selection: Selection,
    file: TextIO,
    *,
    prov_format: str = "json",
    progress: Callable[[int], None] | None = None,
) -> int:
    """The selection as one PROV document, PROV-JSON or PROV-N; returns the bundles written."""
    documents = claim_documents(session, selection)
    if progress is not None:
        documents = _reporting(documents, progress)
    if prov_format == "provn":
        return _write_provn(documents, file)
    return _write_json(documents, file)


def _reporting(documents: Iterator, progress: Callable[[int], None]) -> Iterator:
    for number, document in enumerate(documents, start=1):
        if number % 100 == 0:
            progress(number)
        yield document


def _write_json(documents: Iterator, file: TextIO) -> int:
    from prov.serializers.provjson import encode_json_document

    file.write('{\n  "prefix": ' + json.dumps(NAMESPACES, ensure_ascii=False) + ',\n  "bundle": {')
    count = 0
    for document in documents:
        for identifier, content in encode_json_document(document).get("bundle", {}).items():
            file.write("," if count else "")
            file.write("\n    " + json.dumps(identifier) + ": ")
            file.write(json.dumps(content, ensure_ascii=False, sort_keys=True))
            count += 1
    file.write("\n  }\n}\n")
    return count


def _write_provn(documents: Iterator, file: TextIO) -> int:
    file.write("document\n")
    for prefix, uri in NAMESPACES.items():
        file.write(f"  prefix {prefix} <{uri}>\n")
    count = 0
    for document in documents:
        for bundle in document.bundles:
            file.write("\n" + _bundle_provn(bundle) + "\n")
            count += 1
    file.write("endDocument\n")
    return count


def _bundle_provn(bundle) -> str:
    """A bundle's PROV-N, indented as a bundle inside a document.

    The ``prov`` package indents the lines it joins and never the line breaks inside
    a string literal, so it is given the indentation rather than its lines
    re-indented here, which would put spaces into a quotation or title that spans
    lines. Only the blank line it writes between the bundle's prefixes and its
    records loses its indentation.
    """
    lines = bundle.get_provn(_indent_level=1).split("\n")
    end = 1
    while end < len(lines) and lines[end].lstrip().startswith(("prefix ", "default ")):
        end += 1
    if 1 < end < len(lines) and not lines[end].strip():
        lines[end] = ""
    return "  " + "\n".join(lines)
