"""The flat row format: one row per appearance, for CSV and JSON Lines, and for import.

A row carries the claim, the article (its text once per file, on the article's
first row; later rows name it by SHA-256), the verbatim quotation with the
occurrence that tells a repeated passage apart, and the chain the sentence
states. The article's origin and publisher hops are not written into the chain:
they follow from the article and are composed again on import.

The flat CSV is data, not a spreadsheet: cells are written exactly as stored,
with no formula neutralising, so that a file exported and imported again holds
the same words. Open it in a spreadsheet only through an import dialog.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from claims.chains import StatedHop, parse_chain
from claims.errors import InvalidInput
from claims.export.selection import ExportRow, HopRow, Selection, article_texts, batches
from claims.text import fold_with_map

FIELDS = (
    "claim",
    "claim_status",
    "claim_verdict",
    "claim_notes",
    "article",
    "article_text",
    "article_publisher",
    "article_origin",
    "article_origin_cue",
    "article_url",
    "article_title",
    "article_published",
    "article_language",
    "quote",
    "occurrence",
    "chain",
    "provenance",
    "accepted_by",
    "created_by",
)
FOLDED_CACHE_SIZE = 256


def chain_syntax(hops: list[HopRow]) -> str | None:
    """The stated hops as a person types them: ``Wang Xiaohong [told] > Xinhua [said]``.

    Refuses a name or cue that the chain syntax cannot carry (a ``>`` or a
    bracket in it), rather than writing a chain that reads back differently.
    """
    if not hops:
        return None
    text = " > ".join(f"{hop.name} [{hop.cue}]" if hop.cue else hop.name for hop in hops)
    expected = [StatedHop(" ".join(hop.name.split()), _clean_cue(hop.cue)) for hop in hops]
    try:
        parsed = parse_chain(text)
    except InvalidInput:
        parsed = None
    if parsed != expected:
        raise InvalidInput(
            f"The chain {text!r} cannot be written in the chain syntax and read back the same "
            "(a source name or cue holds '>', '->', '\u2192' or a bracket): rename the source."
        )
    return text


def _clean_cue(cue: str | None) -> str | None:
    return " ".join((cue or "").split()) or None


class FoldedTexts:
    """Folded article texts for counting occurrences, the most recent few kept.

    Folding a text costs a pass over it; rows come ordered by claim, so the
    same articles return often and a small cache saves most passes while
    keeping memory bounded.
    """

    def __init__(self, size: int = FOLDED_CACHE_SIZE):
        self.size = size
        self._cache: OrderedDict[int, tuple[str, array]] = OrderedDict()

    def get(self, article_id: int, text: str) -> tuple[str, array]:
        found = self._cache.get(article_id)
        if found is not None:
            self._cache.move_to_end(article_id)
            return found
        folded, index = fold_with_map(text)
        found = (folded, array("q", index))
        self._cache[article_id] = found
        if len(self._cache) > self.size:
            self._cache.popitem(last=False)
        return found


def occurrence(folded: str, index: array, quote: str, start: int, end: int) -> int | None:
    """Which occurrence (from 1) of ``quote`` sits at ``start``–``end``; None if it is unique.

    Counted the way ``anchoring.find_quotation`` counts, on folded text with
    overlapping matches, so the number finds the same passage again on import.
    """
    needle, _ = fold_with_map(quote)
    if not needle:
        return None
    positions: list[int] = []
    cursor = 0
    while (found := folded.find(needle, cursor)) >= 0:
        positions.append(found)
        cursor = found + 1
    if len(positions) <= 1:
        return None
    spans = [(index[p], index[p + len(needle) - 1] + 1) for p in positions]
    for number, span in enumerate(spans, start=1):
        if span == (start, end):
            return number
    # The stored span no longer matches a folded match exactly (it should): the nearest start.
    return min(range(len(spans)), key=lambda i: abs(spans[i][0] - start)) + 1


def flat_rows(session: Session, selection: Selection) -> Iterator[dict[str, Any]]:
    """The selection as flat rows (dicts keyed by ``FIELDS``), blanks as None."""
    seen: set[str] = set()
    folded_texts = FoldedTexts()
    for batch in batches(session, selection):
        texts = article_texts(session, {r.article_id for r in batch if r.article_id is not None})
        for row in batch:
            yield _flat(row, texts, seen, folded_texts)


def _flat(
    row: ExportRow, texts: dict[int, str], seen: set[str], folded_texts: FoldedTexts
) -> dict[str, Any]:
    record: dict[str, Any] = dict.fromkeys(FIELDS)
    record.update(
        claim=row.claim_text,
        claim_status=row.claim_status,
        claim_verdict=row.claim_verdict,
        claim_notes=row.claim_notes,
    )
    if row.appearance_id is None:
        record["created_by"] = row.claim_created_by
        return record
    text = texts[row.article_id]
    sha = row.article_sha256
    record["article"] = sha
    if sha not in seen:
        seen.add(sha)
        record.update(
            article_text=text,
            article_publisher=row.publisher,
            article_origin=row.origin,
            article_origin_cue=row.article_origin_cue,
            article_url=row.article_url,
            article_title=row.article_title,
            article_published=row.article_published.isoformat() if row.article_published else None,
            article_language=row.article_language,
        )
    folded, index = folded_texts.get(row.article_id, text)
    record.update(
        quote=row.quote,
        occurrence=occurrence(folded, index, row.quote, row.quote_start, row.quote_end),
        chain=chain_syntax(row.stated_hops),
        provenance=row.provenance,
        accepted_by=row.accepted_by,
        created_by=row.created_by,
    )
    return record
