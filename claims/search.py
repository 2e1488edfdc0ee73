"""Full-text search over claims and the quotations that carry them.

Each database uses its own engine. SQLite keeps FTS5 tables (``claims_fts``
over ``claims.text``, ``appearances_fts`` over ``appearances.quote``) whose
content is the tables themselves, kept in step by triggers; ranking is bm25.
PostgreSQL indexes ``to_tsvector('simple', ...)`` of the same columns with GIN;
ranking is ts_rank. Both fold case and match whole words without stemming;
SQLite also ignores accents, PostgreSQL (without the unaccent extension) does not.

A person's words are never passed to the query language as syntax: each word is
quoted for FTS5 (so ``-``, ``OR``, ``:`` or a stray ``"`` are just text), and
PostgreSQL reads them with ``plainto_tsquery``. All words must match.

Alembic's autogenerate does not know these objects (the models cannot describe
a virtual table or an expression index), so ``alembic/env.py`` asks
``is_search_object`` to leave them out of ``alembic check``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claims.models import Claim

# Created by the migration that added search; kept here so alembic/env.py can skip them.
SEARCH_TABLES = ("claims_fts", "appearances_fts")
SEARCH_INDEXES = ("ix_claims_text_search", "ix_appearances_quote_search")
_FTS5_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")

_WORD = re.compile(r"\w")
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# A claim's score: how well its own text matches plus how well its best quotation does,
# so a claim found in both ranks above one found in either, and many quotations saying
# the same thing do not outweigh the claim's own words.
# FTS5's hidden ``rank`` column is bm25 (lower is better); unlike the bm25() function it
# may be read after SQLite folds the subquery into the join.
_SQLITE_HITS = """
SELECT claim_id, sum(score) AS score
FROM (
    SELECT rowid AS claim_id, -rank AS score
    FROM claims_fts WHERE claims_fts MATCH :query
    UNION ALL
    SELECT ap.claim_id, max(-appearances_fts.rank)
    FROM appearances_fts JOIN appearances ap ON ap.id = appearances_fts.rowid
    WHERE appearances_fts MATCH :query
    GROUP BY ap.claim_id
) hits
GROUP BY claim_id
"""
_POSTGRESQL_HITS = """
SELECT claim_id, sum(score) AS score
FROM (
    SELECT id AS claim_id,
           ts_rank(to_tsvector('simple', text), plainto_tsquery('simple', :query)) AS score
    FROM claims
    WHERE to_tsvector('simple', text) @@ plainto_tsquery('simple', :query)
    UNION ALL
    SELECT claim_id,
           max(ts_rank(to_tsvector('simple', quote), plainto_tsquery('simple', :query)))
    FROM appearances
    WHERE to_tsvector('simple', quote) @@ plainto_tsquery('simple', :query)
    GROUP BY claim_id
) hits
GROUP BY claim_id
"""


def is_search_object(name: str | None) -> bool:
    """True for the full-text tables, their FTS5 shadow tables and the search indexes."""
    if not name:
        return False
    if name in SEARCH_INDEXES or name in SEARCH_TABLES:
        return True
    return any(
        name == table + suffix for table in SEARCH_TABLES for suffix in _FTS5_SHADOW_SUFFIXES
    )


def search_words(text: str | None) -> list[str]:
    """The words of a search, or an error a person can act on when there are none."""
    if text is None or not text.strip():
        raise InvalidInput("The search is empty: give one or more words to look for.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            "The search is not valid text (undecodable characters): type the words again."
        ) from None
    words = _NOT_TEXT.sub(" ", text).split()
    if not any(_WORD.search(word) for word in words):
        raise InvalidInput(
            f"The search {text.strip()!r} has no letters or digits: give words to look for."
        )
    return words


def fts5_query(words: list[str]) -> str:
    """An FTS5 MATCH expression requiring every word, each quoted so none is syntax."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def hits_query(session: Session, text: str):
    """A subquery of (claim_id, score) for the claims matching ``text``, by text or quotation."""
    from sqlalchemy import Float, Integer, column
    from sqlalchemy import text as sql

    words = search_words(text)
    if session.get_bind().dialect.name == "postgresql":
        statement, query = _POSTGRESQL_HITS, " ".join(words)
    else:
        statement, query = _SQLITE_HITS, fts5_query(words)
    return (
        sql(statement)
        .bindparams(query=query)
        .columns(column("claim_id", Integer), column("score", Float))
        .subquery("hits")
    )


def search_claims(
    session: Session, text: str, *, status: str | None = None, outlet: str | None = None
) -> list[Claim]:
    """Claims whose text or any quotation holds every word of ``text``, best match first."""
    from claims.services.claims import list_claims

    return list_claims(session, status=status, outlet=outlet, search=text)
