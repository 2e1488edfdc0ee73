"""The flat row format: one row per appearance, for CSV and JSON Lines, and for import.

A row carries the claim, the article (its text once per file, on the article's
first row; later rows name it by SHA-256), the verbatim quotation with the
occurrence that tells a repeated passage apart, and the chain the sentence
states. The article's origin and publisher hops are not written into the chain:
they follow from the article and are composed again on import.

An article is written as it was received (``raw_text``) with the cuts cleaning
made (``article_cuts``), so an import applies exactly those cuts and its
quotations find the same cleaned text, whatever the cleaning rules are there.

So that an import gives back the same database, the rows begin with what no
appearance can say: a source row for each source the export names (every source,
for the whole database) with its kind, aliases and details, before any row that
names it, so its aliases are there when a chain's evidence is looked for; and, after
the rows of claims, an article row for each article no claim is found in yet.

The flat CSV is data, not a spreadsheet: cells are written exactly as stored,
with no formula neutralising, so that a file exported and imported again holds
the same words. Open it in a spreadsheet only through an import dialog.
"""

from __future__ import annotations

import json
import re
from array import array
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.chains import StatedHop, parse_chain, stated_syntax
from claims.errors import InvalidInput
from claims.export.selection import (
    ExportRow,
    HopRow,
    LoneArticle,
    Selection,
    SourceRow,
    article_texts,
    batches,
    lone_articles,
    sources,
)
from claims.flatrows import FIELDS
from claims.models import Article
from claims.text import fold_char, fold_with_map

__all__ = ["FIELDS", "flat_rows"]

FOLDED_CACHE_SIZE = 256
_SEPARATORS = re.compile(r"[\s-]+")


def chain_syntax(hops: list[HopRow]) -> str | None:
    """The stated hops as a person types them: ``Wang Xiaohong [told] > Xinhua [said]``.

    Refuses a name or cue that the chain syntax cannot carry (a ``>`` or a
    bracket in it), rather than writing a chain that reads back differently.
    """
    if not hops:
        return None
    text = stated_syntax((hop.name, hop.cue) for hop in hops)
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


class Occurrences:
    """Which occurrence of its quotation each appearance is, for texts seen recently.

    Folding a whole text for the search costs a pass over it in Python, a
    millisecond for a news article, and most quotations occur once. So a
    quotation is first looked for in a cheap fold of the text (every character
    folded alone by ``str.translate``, every run of spaces and dashes then one
    space), which holds the quotation, folded alike, wherever the real fold
    does: found there once, it is unique. Only the others pay for the real
    fold. A few texts are kept of each kind, so memory stays bounded.
    """

    def __init__(self, size: int = FOLDED_CACHE_SIZE):
        self.size = size
        self._cheap: OrderedDict[int, str] = OrderedDict()
        self._folded: OrderedDict[int, tuple[str, array]] = OrderedDict()

    def number(self, article_id: int, text: str, quote: str, start: int, end: int) -> int | None:
        """The 1-based occurrence of ``quote`` at ``start``–``end``; None when it occurs once."""
        needle, _ = fold_with_map(quote)
        if not needle:
            return None
        words = _SEPARATORS.sub(" ", needle)
        if words.strip():  # only spaces and dashes: runs of them merge, the cheap test cannot tell
            cheap = self._cached(self._cheap, article_id, lambda: _cheap_fold(text))
            first = cheap.find(words)
            if first < 0 or cheap.find(words, first + 1) < 0:
                return None
        folded, index = self._cached(
            self._folded, article_id, lambda: _with_array(fold_with_map(text))
        )
        return occurrence(folded, index, needle, start, end)

    def _cached(self, cache: OrderedDict, key: int, make):
        found = cache.get(key)
        if found is None:
            found = cache[key] = make()
            if len(cache) > self.size:
                cache.popitem(last=False)
        else:
            cache.move_to_end(key)
        return found


def _cheap_fold(text: str) -> str:
    """Each character folded alone, then every run of spaces and dashes made one space."""
    folded = text.translate({ord(char): fold_char(char) for char in set(text)})
    return _SEPARATORS.sub(" ", folded)


def _with_array(folded: tuple[str, list[int]]) -> tuple[str, array]:
    return folded[0], array("q", folded[1])


def occurrence(
    folded: str, index: array | list[int], needle: str, start: int, end: int
) -> int | None:
    """Which occurrence (from 1) of the folded ``needle`` sits at ``start``–``end``; None if unique.

    Counted the way ``anchoring.find_quotation`` counts, on folded text, whole words only,
    with overlapping matches, so the number finds the same passage again on import.
    """
    from claims.anchoring import occurrences

    positions = list(occurrences(folded, needle))
    if len(positions) <= 1:
        return None
    spans = [(index[p], index[p + len(needle) - 1] + 1) for p in positions]
    for number, span in enumerate(spans, start=1):
        if span == (start, end):
            return number
    # The stored span no longer matches a folded match exactly (it should): the nearest start.
    return min(range(len(spans)), key=lambda i: abs(spans[i][0] - start)) + 1


def flat_rows(session: Session, selection: Selection) -> Iterator[dict[str, Any]]:
    """The selection as flat rows (dicts keyed by ``FIELDS``), blanks as None: its
    sources, its claims and appearances, then the articles that carry no claim.

    The articles no claim is found in come last so that the others are numbered, on
    import, as the rows of claims number them, as for an export without such articles.
    """
    for source in sources(session, selection):
        yield _source(source)
    seen: set[str] = set()
    occurrences = Occurrences()
    for batch in batches(session, selection):
        texts = article_texts(session, {r.article_id for r in batch if r.article_id is not None})
        # Only an article's first row carries its text as received.
        unseen = {r.article_id for r in batch if r.article_id and r.article_sha256 not in seen}
        received = as_received(session, unseen)
        for row in batch:
            yield _flat(row, texts, received, seen, occurrences)
    for article in lone_articles(session, selection):
        yield _article(article)


def _source(source: SourceRow) -> dict[str, Any]:
    record: dict[str, Any] = dict.fromkeys(FIELDS)
    record.update(
        source=source.name,
        source_kind=source.kind,
        source_aliases=json.dumps(source.aliases, ensure_ascii=False) if source.aliases else None,
        source_country=source.country,
        source_url=source.url,
        source_notes=source.notes,
        created_by=source.created_by,
    )
    return record


def _article(article: LoneArticle) -> dict[str, Any]:
    record: dict[str, Any] = dict.fromkeys(FIELDS)
    record["article"] = article.sha256
    raw = article.raw_text if article.raw_text is not None else article.text
    _article_columns(record, raw, _cuts(article.removed), article)
    record["created_by"] = article.created_by
    return record


def _article_columns(record: dict[str, Any], raw: str, cuts: str, article: Any) -> None:
    """The columns that define an article, given once per article in a file: ``article`` is
    a stored article or an export row, which name the same things alike but the origin's
    cue, title, url, date and language (``article_`` before them on an export row)."""
    prefix = "" if isinstance(article, LoneArticle) else "article_"
    for name in ("origin_cue", "url", "title", "published", "language"):
        record[f"article_{name}"] = getattr(article, prefix + name)
    if record["article_published"] is not None:
        record["article_published"] = record["article_published"].isoformat()
    from_html = article.extracted_from_html if prefix == "" else article.article_from_html
    record.update(
        article_text=raw,
        article_cuts=cuts,
        article_publisher=article.publisher,
        article_origin=article.origin,
        article_from_html=True if from_html else None,  # blank, as in files made before it
    )


def _cuts(removed: list | None) -> str:
    return json.dumps(
        [[cut["start"], cut["end"], cut["reason"]] for cut in removed or []], ensure_ascii=False
    )


def as_received(session: Session, article_ids: set[int]) -> dict[int, tuple[str, str]]:
    """Each article's text as received and its cuts as ``article_cuts`` JSON, in one query.

    An article stored before cleaning existed has no ``raw_text``: its text is as received.
    """
    if not article_ids:
        return {}
    rows = session.execute(
        select(Article.id, Article.text, Article.raw_text, Article.removed).where(
            Article.id.in_(sorted(article_ids))
        )
    )
    return {
        article_id: (raw if raw is not None else text, _cuts(removed))
        for article_id, text, raw, removed in rows
    }


def _flat(
    row: ExportRow,
    texts: dict[int, str],
    received: dict[int, tuple[str, str]],
    seen: set[str],
    occurrences: Occurrences,
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
        _article_columns(record, *received[row.article_id], row)
    record.update(
        quote=row.quote,
        occurrence=occurrences.number(
            row.article_id, text, row.quote, row.quote_start, row.quote_end
        ),
        chain=chain_syntax(row.stated_hops),
        provenance=row.provenance,
        accepted_by=row.accepted_by,
        created_by=row.created_by,
    )
    return record
