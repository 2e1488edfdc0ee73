"""Proposals from article text: attributions, credits, resolution, storage and review.

``chain_for_passage`` is the entry point other parts of the library use; it is imported
lazily so that ``claims.suggestions.attribution`` (pure, no database) stays light.
"""

from __future__ import annotations


def chain_for_passage(session, article, start: int, end: int):
    """The stated hops for the sentence(s) covering ``[start, end)`` of the article text."""
    from claims.suggestions.service import chain_for_passage as compute

    return compute(session, article, start, end)


__all__ = ["chain_for_passage"]
