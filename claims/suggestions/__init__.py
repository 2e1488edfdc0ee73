"""Attribution chains proposed from an article's own words.

Placeholder: ``chain_for_passage`` states no hop yet, so an accepted match carries the
chain every appearance gets anyway, the article's origin and its publisher, composed by
``claims.chains.compose``. The extractor that reads "X told Y, according to Z" replaces it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claims.chains import StatedHop
    from claims.models import Article


def chain_for_passage(session: Session, article: Article, start: int, end: int) -> list[StatedHop]:
    """The sources the passage ``article.text[start:end]`` states, nearest the carrier last."""
    return []
