"""schema.org ClaimReview (JSON-LD), as fact-checkers publish it, read as flat rows.

A ClaimReview says what was claimed (``claimReviewed``), the verdict
(``reviewRating.alternateName``), who checked it and where the claim was seen
(``itemReviewed``: a ``Claim`` with ``author``, ``appearance`` and
``firstAppearance``). It carries no article texts, so there is nothing to
anchor a quotation in: each review becomes a claim without appearances, and
everything else it says (the checker, the claimant, the pages where the claim
appeared) is kept, readable, in the claim's notes. No sources or articles are
created from it. ``docs/import-format.md`` gives the mapping.

Markup is read as publishers write it: text with HTML entities (``&#039;``) as the
text it stands for, a node named by its ``@id`` alone (``"author": {"@id":
"…#organization"}``, Yoast style) as the node of that ``@id`` elsewhere in the
document, and several reviews of one claim as one claim whose notes keep each.

Published markup is small (a page's worth), so the file is read whole.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from typing import Any, NamedTuple

from claims.errors import InputFileError


class _NotJson(ValueError):
    """``NaN``, ``Infinity``: Python's JSON reader takes them, JSON has no such value."""


def _refuse_constant(name: str):
    raise _NotJson(name)


_STRICT_JSON = json.JSONDecoder(parse_constant=_refuse_constant)
_JSON_TYPES = {type(None): "null", bool: "boolean", int: "number", float: "number", str: "string"}


def read_claimreview(stream, name: str) -> Iterator:
    """``RawRow``s, one per claim reviewed anywhere in the document.

    An empty file, or a document holding no object at all (``[]``, an empty
    ``@graph``, as ``claims export`` writes for an empty selection), has no rows.
    Reviews of the same claim (by ``claim_key``, as the importer matches claims) are one
    row, numbered as the first of them, its verdict the first's: the notes of the
    others follow, each under ``Also reviewed``, so no checker's verdict is lost.
    """
    from claims.import_files import (
        MAX_NESTING,
        TOO_DEEP,
        RawRow,
        RowError,
        lone_surrogate,
        nested_deeper,
    )
    from claims.text import claim_key

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
    too_deep = InputFileError(
        f"{name} is {TOO_DEEP}, which published ClaimReview markup never is: check that "
        "it is the fact-checker's JSON-LD."
    )
    try:
        document = _STRICT_JSON.decode(text)
    except json.JSONDecodeError as error:
        raise InputFileError(
            f"{name} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except _NotJson as error:
        raise InputFileError(
            f"{name} is not valid JSON: {error} is no JSON value (a number is written out)."
        ) from None
    except RecursionError:
        raise too_deep from None
    if not isinstance(document, dict | list):
        raise InputFileError(
            f"{name} holds no schema.org ClaimReview object: its JSON is a "
            f"{_JSON_TYPES.get(type(document), 'value')}, not an object or a list of them."
        )
    if nested_deeper(document, MAX_NESTING):
        raise too_deep
    if (lone := lone_surrogate(document)) is not None:
        raise InputFileError(f"{name} {lone}.")
    reviews = _claimreviews(document)
    if not reviews and any(
        "Claim" in _types(node) for node in _objects(document, inside=lambda node: True)
    ):
        raise InputFileError(
            f"{name} holds schema.org Claims but no ClaimReview: only a reviewed claim imports "
            "from this format (claims export writes a ClaimReview for an approved claim with a "
            "verdict); "
            "to move claims between databases, use `claims export --format jsonl`."
        )
    if not reviews and not _empty(document):
        raise InputFileError(
            f"{name} holds no schema.org ClaimReview object (an object with "
            '"@type": "ClaimReview", anywhere in the document).'
        )
    nodes = _nodes(document)
    # In file order: a claim's row, or a review's problem, with the reviews read for it.
    found: list[tuple[int, Any, list[_Review]]] = []
    by_key: dict[str, list[_Review]] = {}
    for number, review in enumerate(reviews, start=1):
        try:
            read = _read_review(review, nodes)
        except ValueError as error:
            raw = json.dumps(review, ensure_ascii=False)
            found.append((number, RowError(str(error), raw), []))
            continue
        same = by_key.get(claim_key(read.claim))
        if same is None:
            by_key[claim_key(read.claim)] = same = []
            found.append((number, None, same))
        if read not in same:  # one review marked up twice is one review
            same.append(read)
    for number, error, same in found:
        if error is not None:
            yield RawRow(number, {}, error)
        else:
            yield RawRow(number, _row(same))


def _claimreviews(document: Any) -> list[dict]:
    """The ClaimReview objects in document order, each once.

    Publishers nest them anywhere: alone, in a list, in an ``@graph``, or inside the
    page that carries them (a ``WebPage``'s ``mainEntity``, an ``Article``'s
    ``review``). Every object is searched, except a ClaimReview itself (its
    ``itemReviewed`` is the claim, not another review). A ClaimReview given twice under
    one ``@id`` (in the ``@graph`` and in the page's ``mainEntity``) is one review.
    """
    reviews: list[dict] = []
    ids: set[str] = set()
    for node in _objects(document, inside=lambda node: "ClaimReview" not in _types(node)):
        if "ClaimReview" not in _types(node) or _reference(node):
            continue  # a reference names a review: it is read where it is described
        key = node.get("@id")
        if not isinstance(key, str) or key not in ids:
            reviews.append(node)
        if isinstance(key, str):
            ids.add(key)
    return reviews


def _nodes(document: Any) -> dict[str, dict]:
    """Every node the document describes, by its ``@id``, for references to it.

    A node described in several places is the union of what each says, the first
    saying it first (JSON-LD merges them so).
    """
    nodes: dict[str, dict] = {}
    for node in _objects(document):
        key = node.get("@id")
        if isinstance(key, str) and not _reference(node):
            nodes[key] = {**node, **nodes.get(key, {})}
    return nodes


def _objects(document: Any, inside=lambda node: True):
    """Every JSON object of ``document`` in document order, looking into those ``inside``
    accepts. A stack, not recursion: the depth is the document's."""
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            yield node
            if inside(node):
                stack.extend(reversed(list(node.values())))


def _reference(value: Any) -> bool:
    """A node named, not described: ``{"@id": …}``, perhaps with its ``@type``."""
    return isinstance(value, dict) and "@id" in value and set(value) <= {"@id", "@type"}


def _node(value: Any, nodes: dict[str, dict]) -> Any:
    """``value``, or the node it refers to when the document describes it."""
    if _reference(value) and isinstance(value["@id"], str):
        return nodes.get(value["@id"], value)
    return value


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


class _Review(NamedTuple):
    """One review as read: its claim, its whole verdict, its lines of notes."""

    claim: str
    verdict: str
    notes: tuple[str, ...]


def claimreview_row(review: dict, nodes: dict[str, dict] | None = None) -> dict[str, str]:
    """The flat row of one ClaimReview: claim text, verdict and notes.

    ``nodes`` are the document's nodes by ``@id`` (``_nodes``), for the references in
    the review.
    """
    return _row([_read_review(review, nodes or {})])


def _row(reviews: list[_Review]) -> dict[str, str]:
    """The flat row of one claim from its reviews: the first one's verdict, and the notes
    of each."""
    claim, verdict, notes = reviews[0]
    notes = list(notes)
    limit = _verdict_length()
    if len(verdict) > limit:
        # Some checkers' markup gives a whole sentence as the verdict: the column keeps
        # it short, cut at a word, and the notes keep all of it.
        notes.insert(0, f"Verdict: {verdict}")
        verdict = _shorten(verdict, limit)
    for _, other, lines in reviews[1:]:
        notes.append("")
        notes.append(f"Also reviewed, verdict: {other}" if other else "Also reviewed:")
        notes.extend(lines)
    return {"claim": claim, "claim_verdict": verdict, "claim_notes": "\n".join(notes)}


def _read_review(review: dict, nodes: dict[str, dict]) -> _Review:
    claim = _claim(review.get("claimReviewed"))
    if not claim:
        raise ValueError("claimReviewed: the ClaimReview names no claim (claimReviewed is empty)")
    rating = _node(review.get("reviewRating"), nodes)
    rating = _node(rating[0], nodes) if isinstance(rating, list) and rating else rating
    if isinstance(rating, dict):
        verdict = _verdict(rating)
    else:  # "reviewRating": "False", as some sites write it
        verdict = _text(rating) if isinstance(rating, str) else ""
    notes = []
    checker = _names(review.get("author"), nodes)
    if checker or review.get("url") or review.get("datePublished"):
        line = "Fact-checked"
        if checker:
            line += f" by {checker}"
        if review.get("datePublished"):
            line += f" on {_text(review['datePublished'])}"
        if review.get("url"):
            line += f": {_text(review['url'])}"
        notes.append(line)
    item = _node(review.get("itemReviewed"), nodes)
    item = _node(item[0], nodes) if isinstance(item, list) and item else item
    if isinstance(item, dict):
        claimant = _names(item.get("author"), nodes)
        if claimant:
            notes.append(f"Claimed by {claimant}")
        if item.get("datePublished"):
            notes.append(f"Claimed on {_text(item['datePublished'])}")
        first = _works(item.get("firstAppearance"), nodes)
        if first:
            notes.append(f"First appeared in: {'; '.join(first)}")
        seen = _works(item.get("appearance"), nodes)
        if "Claim" not in _types(item):
            # Older markup reviews the work the claim was made in (a CreativeWork, its
            # address in url or sameAs), not a Claim with appearances.
            seen += _places(item)
        seen = [work for work in dict.fromkeys(seen) if work not in first]
        if seen:
            notes.append(f"Appeared in: {'; '.join(seen)}")
    return _Review(claim, verdict, tuple(notes))


def _claim(value: Any) -> str:
    """The claim reviewed. A list of one claim is that claim; a review of several is
    refused: its verdict cannot be told apart per claim."""
    if not isinstance(value, list):
        return _text(value)
    claims = list(dict.fromkeys(text for text in map(_text, value) if text))
    if len(claims) > 1:
        listed = "; ".join(f"{claim!r}" for claim in claims)
        raise ValueError(
            f"claimReviewed: the ClaimReview names {len(claims)} claims ({listed}), "
            "and a review rates one: give each claim a ClaimReview of its own"
        )
    return claims[0] if claims else ""


def _places(work: dict) -> list[str]:
    """Where a reviewed work was published: "name: url" for each of its addresses."""
    label = _text(work.get("headline") or work.get("name"))
    same = work.get("sameAs")
    urls = [_text(url) for url in [work.get("url"), *(same if isinstance(same, list) else [same])]]
    return [f"{label}: {url}" if label else url for url in dict.fromkeys(urls) if url]


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
    """A value as one line of text; HTML entities, which pages' markup often keeps
    (``Hungary&#039;s``), as the characters they stand for."""
    if isinstance(value, dict):
        value = value.get("@value", value.get("name", ""))
    if isinstance(value, list):
        return "; ".join(text for text in map(_text, value) if text)
    if value is None or isinstance(value, dict):
        return ""
    return " ".join(html.unescape(str(value)).split())


def _names(value: Any, nodes: dict[str, dict]) -> str:
    """People or organisations as "name (url)"; one given by its address alone, as that."""
    values = value if isinstance(value, list) else [value]
    names = []
    for person in values:
        person = _node(person, nodes)
        if isinstance(person, dict):
            name = _text(person.get("name"))
            url = _text(person.get("url"))
            if name and url:
                name = f"{name} ({url})"
            elif not name:
                # Named by its address alone: that says whose it is.
                name = url or _address(person.get("@id"))
        else:
            name = _text(person)
        if name:
            names.append(name)
    return "; ".join(names)


def _address(value: Any) -> str:
    """An ``@id`` that is a web address, which says whose it is; else nothing."""
    text = _text(value) if isinstance(value, str) else ""
    return text if text.startswith(("http://", "https://")) else ""


def _works(value: Any, nodes: dict[str, dict]) -> list[str]:
    """Creative works as "headline, by whom: url", or their bare URL."""
    values = value if isinstance(value, list) else [value]
    works = []
    for work in values:
        work = _node(work, nodes)
        if isinstance(work, dict):
            # claims export names a work with no address by its text's digest (identifier)
            url = _text(work.get("url") or work.get("@id") or work.get("identifier"))
            label = _text(work.get("headline") or work.get("name"))
            by = _names(work.get("author") or work.get("publisher"), nodes)
            if label:
                described = ", ".join(part for part in (label, f"by {by}" if by else "") if part)
            else:  # no headline: "a work by UNN", not a dangling "by UNN"
                described = f"a work by {by}" if by else ""
            text = f"{described}: {url}" if described and url else described or url
        else:
            text = _text(work)
        if text:
            works.append(text)
    return works
