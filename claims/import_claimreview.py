"""schema.org ClaimReview (JSON-LD), as fact-checkers publish it, read as flat rows.

A ClaimReview says what was claimed (``claimReviewed``), the verdict
(``reviewRating.alternateName``), who checked it and where the claim was seen
(``itemReviewed``: a ``Claim`` with ``author``, ``appearance`` and
``firstAppearance``). It carries no article texts, so there is nothing to
anchor a quotation in: each review becomes a claim without appearances, and
everything else it says (the checker, the claimant, the pages where the claim
appeared) is kept, readable, in the claim's notes. No sources or articles are
created from it. ``docs/import-format.md`` gives the mapping.

Published markup is small (a page's worth), so the file is read whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from claims.errors import InputFileError


def read_claimreview(stream, name: str) -> Iterator:
    """``RawRow``s, one per ClaimReview anywhere in the document.

    An empty file, or a document holding no object at all (``[]``, an empty
    ``@graph``, as ``claims export`` writes for an empty selection), has no rows.
    """
    from claims.import_files import RawRow, RowError

    data = stream.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputFileError(
            f"{name} is not valid UTF-8 at line {line} (byte {error.start} of the file): "
            "JSON-LD is UTF-8; save it so."
        ) from None
    if not text.strip():
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputFileError(
            f"{name} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    reviews = _claimreviews(document)
    if not reviews and not _empty(document):
        raise InputFileError(
            f"{name} holds no schema.org ClaimReview object (an object with "
            '"@type": "ClaimReview", anywhere in the document).'
        )
    for number, review in enumerate(reviews, start=1):
        try:
            yield RawRow(number, claimreview_row(review))
        except ValueError as error:
            raw = json.dumps(review, ensure_ascii=False)
            yield RawRow(number, {}, RowError(str(error), raw))


def _claimreviews(document: Any) -> list[dict]:
    """The ClaimReview objects in document order.

    Publishers nest them anywhere: alone, in a list, in an ``@graph``, or inside the
    page that carries them (a ``WebPage``'s ``mainEntity``, an ``Article``'s
    ``review``). Every object is searched, except a ClaimReview itself (its
    ``itemReviewed`` is the claim, not another review). A stack, not recursion: the
    depth is the document's.
    """
    reviews: list[dict] = []
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            if "ClaimReview" in _types(node):
                reviews.append(node)
            else:
                stack.extend(reversed(list(node.values())))
    return reviews


def _empty(document: Any) -> bool:
    """``[]``, or an ``@graph`` with nothing in it (an export of an empty selection): no
    rows. Anything else without a ClaimReview (a PROV or annotations export, a page's
    other markup) is the wrong file, and said so."""
    if isinstance(document, list):
        return not document
    return (
        isinstance(document, dict)
        and document.get("@graph") == []
        and set(document) <= {"@context", "@graph"}
    )


def _types(node: dict) -> list[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    # "schema:ClaimReview" and "http://schema.org/ClaimReview" name the same type.
    return [str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds]


def claimreview_row(review: dict) -> dict[str, str]:
    """The flat row of one ClaimReview: claim text, verdict and notes."""
    claim = _text(review.get("claimReviewed"))
    if not claim:
        raise ValueError("claimReviewed: the ClaimReview names no claim (claimReviewed is empty)")
    rating = review.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    verdict = _verdict(rating) if isinstance(rating, dict) else ""
    notes = []
    limit = _verdict_length()
    if len(verdict) > limit:
        # Some checkers' markup gives a whole sentence as the verdict: the column keeps
        # it short, cut at a word, and the notes keep all of it.
        notes.append(f"Verdict: {verdict}")
        verdict = _shorten(verdict, limit)
    checker = _names(review.get("author"))
    if checker or review.get("url") or review.get("datePublished"):
        line = "Fact-checked"
        if checker:
            line += f" by {checker}"
        if review.get("datePublished"):
            line += f" on {_text(review['datePublished'])}"
        if review.get("url"):
            line += f": {_text(review['url'])}"
        notes.append(line)
    item = review.get("itemReviewed")
    item = item[0] if isinstance(item, list) and item else item
    if isinstance(item, dict):
        claimant = _names(item.get("author"))
        if claimant:
            notes.append(f"Claimed by {claimant}")
        if item.get("datePublished"):
            notes.append(f"Claimed on {_text(item['datePublished'])}")
        first = _works(item.get("firstAppearance"))
        if first:
            notes.append(f"First appeared in: {'; '.join(first)}")
        seen = [work for work in _works(item.get("appearance")) if work not in first]
        if seen:
            notes.append(f"Appeared in: {'; '.join(seen)}")
    return {"claim": claim, "claim_verdict": verdict, "claim_notes": "\n".join(notes)}


def _verdict(rating: dict) -> str:
    """Its words, else its score on its scale: "1/5", "1/5 (worst 0)"."""
    words = _text(rating.get("alternateName")) or _text(rating.get("name"))
    value = _text(rating.get("ratingValue"))
    if words or not value:
        return words
    best = _text(rating.get("bestRating"))
    worst = _text(rating.get("worstRating"))
    verdict = f"{value}/{best}" if best else value
    return f"{verdict} (worst {worst})" if worst else verdict


def _verdict_length() -> int:
    from claims.models import Claim

    return Claim.__table__.c.verdict.type.length


def _shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word, ending in "…"."""
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("@value", value.get("name", ""))
    return " ".join(str(value).split()) if value is not None else ""


def _names(value: Any) -> str:
    values = value if isinstance(value, list) else [value]
    names = []
    for person in values:
        if isinstance(person, dict):
            name = _text(person.get("name"))
            if name and person.get("url"):
                name += f" ({_text(person['url'])})"
        else:
            name = _text(person)
        if name:
            names.append(name)
    return "; ".join(names)


def _works(value: Any) -> list[str]:
    """Creative works as "headline, by whom: url", or their bare URL."""
    values = value if isinstance(value, list) else [value]
    works = []
    for work in values:
        if isinstance(work, dict):
            url = _text(work.get("url") or work.get("@id"))
            label = _text(work.get("headline") or work.get("name"))
            by = _names(work.get("author"))
            described = ", ".join(part for part in (label, f"by {by}" if by else "") if part)
            text = f"{described}: {url}" if described and url else described or url
        else:
            text = _text(work)
        if text:
            works.append(text)
    return works
