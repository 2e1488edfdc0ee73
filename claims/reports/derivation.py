"""Which articles are derived from which: wire copies and rewrites, found from the text alone.

Two articles are related when many of the sentences of one say what sentences of the other
say (``claims.similarity.score``, the project's one pair score, over ``claims.sentences``).
Nobody has to record that UNN rewrote a Reuters story the Inquirer republished: the
alignment shows it, and the direction comes from what the database knows of the articles:
an article whose origin is the other's publisher is derived from it; two articles with one
origin both derive from it, the republished copy standing closest to the origin's text;
otherwise the later publication is derived from the earlier.

Cost: articles are first paired only when their vocabularies overlap (``MIN_OVERLAP``),
then sentences are compared only when they share content words; a database of a few
thousand articles reports in seconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from claims.models import Article

if TYPE_CHECKING:
    import pandas as pd

# A sentence is aligned when its best counterpart scores at least this (claims.similarity).
ALIGN = 0.5
# Pairs below this share of aligned sentences on both sides are not reported.
MIN_SHARE = 0.2
# Articles whose content-word sets overlap less than this (Jaccard) are not compared.
MIN_OVERLAP = 0.05
# A copy: nearly every sentence of both aligned, nearly verbatim.
COPY_SHARE = 0.8
COPY_SCORE = 0.9
REPUBLISHING_CUES = ("republish", "copy", "reprint", "wire")

COLUMNS = {
    "article_a": "int",
    "outlet_a": "text",
    "published_a": "date",
    "article_b": "int",
    "outlet_b": "text",
    "published_b": "date",
    "sentences_a": "int",
    "sentences_b": "int",
    "share_a_in_b": "float",
    "share_b_in_a": "float",
    "mean_score": "float",
    "relation": "text",
    "derived": "text",
    "upstream": "text",
    "basis": "text",
}


def derivation(session: Session) -> pd.DataFrame:
    """One row per related pair of articles: how much of each is in the other, and the direction."""
    import pandas as pd

    from claims.reports._frame import typed

    articles = list(
        session.scalars(
            select(Article)
            .options(joinedload(Article.publisher), joinedload(Article.origin))
            .order_by(Article.id)
        )
    )
    prepared = [_prepare(article) for article in articles]
    rows = []
    for i, a in enumerate(prepared):
        for b in prepared[i + 1 :]:
            row = _compare(a, b)
            if row is not None:
                rows.append(row)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return typed(frame, COLUMNS)


class _Prepared:
    def __init__(self, article: Article, sentences: list[str], words: frozenset[str]):
        self.article = article
        self.sentences = sentences
        self.words = words


def _prepare(article: Article) -> _Prepared:
    from claims.sentences import split_sentences
    from claims.similarity import analyse

    sentences = [s.text for s in split_sentences(article.text)]
    words = frozenset(w for s in sentences for w in analyse(s).token_set)
    return _Prepared(article, sentences, words)


def _best_scores(source: list[str], target: list[str]) -> list[float]:
    """For each sentence of ``source``, its best score against any sentence of ``target``."""
    from claims.similarity import analyse, score

    target_words = [analyse(t).token_set for t in target]
    best = []
    for sentence in source:
        words = analyse(sentence).token_set
        needed = max(2, len(words) // 3)
        value = 0.0
        for text, other in zip(target, target_words, strict=True):
            if len(words & other) >= needed:
                value = max(value, score(sentence, text))
        best.append(value)
    return best


def _compare(a: _Prepared, b: _Prepared) -> dict | None:
    union = len(a.words | b.words)
    if not union or len(a.words & b.words) / union < MIN_OVERLAP:
        return None
    a_in_b = _best_scores(a.sentences, b.sentences)
    b_in_a = _best_scores(b.sentences, a.sentences)
    share_a = sum(v >= ALIGN for v in a_in_b) / max(len(a_in_b), 1)
    share_b = sum(v >= ALIGN for v in b_in_a) / max(len(b_in_a), 1)
    if max(share_a, share_b) < MIN_SHARE:
        return None
    aligned = [v for v in a_in_b + b_in_a if v >= ALIGN]
    mean = sum(aligned) / len(aligned)
    copy = min(share_a, share_b) >= COPY_SHARE and mean >= COPY_SCORE
    derived, upstream, basis = _direction(a.article, b.article, share_a, share_b, copy)
    return {
        "article_a": a.article.id,
        "outlet_a": a.article.publisher.name,
        "published_a": a.article.published,
        "article_b": b.article.id,
        "outlet_b": b.article.publisher.name,
        "published_b": b.article.published,
        "sentences_a": len(a.sentences),
        "sentences_b": len(b.sentences),
        "share_a_in_b": round(share_a, 3),
        "share_b_in_a": round(share_b, 3),
        "mean_score": round(mean, 3),
        "relation": "copy" if copy else "rewrite",
        "derived": derived,
        "upstream": upstream,
        "basis": basis,
    }


def _label(article: Article) -> str:
    return f"#{article.id} {article.publisher.name}"


def _republishes(article: Article) -> bool:
    cue = (article.origin_cue or "").casefold()
    return any(word in cue for word in REPUBLISHING_CUES)


def _direction(
    a: Article, b: Article, share_a: float, share_b: float, copy: bool
) -> tuple[str, str, str]:
    """(derived article, what it derives from, why we say so)."""
    for first, second in ((a, b), (b, a)):
        if first.origin_id is not None and first.origin_id == second.publisher_id:
            return (
                _label(first),
                _label(second),
                f"{first.publisher.name} names {second.publisher.name} as its origin "
                f"({first.origin_cue or 'origin'}).",
            )
    if a.origin_id is not None and a.origin_id == b.origin_id:
        origin = a.origin.name
        copies = [x for x in (a, b) if _republishes(x)]
        if len(copies) == 1:
            closer = copies[0]
            other = b if closer is a else a
            return (
                _label(other),
                f"{origin} (as republished by {_label(closer)})",
                f"Both carry the text of {origin}: {closer.publisher.name} republishes it, "
                f"{other.publisher.name} {'copies' if copy else 'rewrites'} it "
                f"({other.origin_cue or 'citing'} {origin}).",
            )
        return (
            f"{_label(a)} and {_label(b)}",
            origin,
            f"Both give {origin} as their origin.",
        )
    if a.published and b.published and a.published != b.published:
        earlier, later = (a, b) if a.published < b.published else (b, a)
        return (
            _label(later),
            _label(earlier),
            f"{later.publisher.name} was published later ({later.published.isoformat()} "
            f"after {earlier.published.isoformat()}).",
        )
    # Nothing known: the article more of whose sentences are found in the other is the
    # likelier rewrite (a derived text keeps less of its own).
    undated = [x for x in (a, b) if not x.published]
    if undated:
        why = "No publication date recorded for " + " and ".join(f"#{x.id}" for x in undated)
    else:
        why = f"Same date, and {_origins(a, b)}"
    if share_a == share_b:
        return ("", "", f"{why}: the direction is unknown.")
    derived, source = (a, b) if share_a > share_b else (b, a)
    return (
        _label(derived),
        _label(source),
        f"{why}: a guess from which text is more contained in the other.",
    )


def _origins(a: Article, b: Article) -> str:
    """What the two articles' origins say of their direction: nothing, as ``_direction``
    reaches this only when neither names the other's publisher nor both the same origin."""
    with_origin = [x for x in (a, b) if x.origin_id is not None]
    if not with_origin:
        return "no origin recorded"
    if len(with_origin) == 2:
        return f"different origins recorded (#{a.id}: {a.origin.name}, #{b.id}: {b.origin.name})"
    (named,) = with_origin
    return f"only #{named.id} has an origin recorded ({named.origin.name}), not the other's outlet"
