"""Which articles are derived from which: wire copies and rewrites, found from the text alone.

Two articles are related when many of the sentences of one say what sentences of the other
say (``claims.similarity.score``, the project's one pair score, over ``claims.sentences``).
Nobody has to record that UNN rewrote a Reuters story the Inquirer republished: the
alignment shows it, and the direction comes from what the database knows of the articles:
an article whose origin is the other's publisher is derived from it; two articles with one
origin both derive from it, the republished copy standing closest to the origin's text;
otherwise the later publication is derived from the earlier.

Cost: grows with what is related, not with the square of the database. A sentence is
scored only against sentences of other articles sharing a third of the words of either
(the condition for aligning it, or them, with the other), found
through an index (``_alignments``); articles none of whose sentences align are never
compared, and pairs whose vocabularies overlap less than ``MIN_OVERLAP`` are not reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
# How often, in distinct sentences aligned, ``progress`` is told.
PROGRESS_EVERY = 500
# Told (done, total) as the report aligns sentences.
Progress = Callable[[int, int], None]
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


def derivation(session: Session, progress: Progress | None = None) -> pd.DataFrame:
    """One row per related pair of articles: how much of each is in the other, and the direction.

    ``progress(done, total)`` is told how many distinct sentences are aligned so far: on a
    database of thousands of articles on one topic the report takes minutes.
    """
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
    for i, j, a_in_b, b_in_a in _related(prepared, progress):
        row = _compare(prepared[i], prepared[j], a_in_b, b_in_a)
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


def _needed(words: frozenset[str]) -> int:
    """The content words a sentence must share with another before the two are scored."""
    return max(2, len(words) // 3)


def _related(
    prepared: list[_Prepared], progress: Progress | None = None
) -> Iterator[tuple[int, int, dict, dict]]:
    """Each pair of articles (a, b), a before b, with a sentence aligned, in that order, and
    their aligned sentences: position in a -> its best score in b, and the same of b in a.

    This is what comparing every pair of articles sentence by sentence would give, without
    doing so: that costs the square of the database, hours at ten thousand articles.
    Sentences are aligned once (``_alignments``); then each article's pairs are gathered
    from its own sentences' alignments and handed on, so memory holds one article's pairs
    at a time however many articles share a line.
    """
    keys, places, aligned, aligning = _alignments(prepared, progress)
    for number, sentences in enumerate(keys):
        outward: dict[int, dict[int, float]] = {}
        inward: dict[int, dict[int, float]] = {}
        for position, key in enumerate(sentences):
            # This sentence in the later articles' texts it aligns with, and theirs in it.
            for other, value in aligned[key]:
                for holder, _ in places[other]:
                    if holder > number:
                        _keep_best(outward.setdefault(holder, {}), position, value)
            for other, value in aligning[key]:
                for holder, where in places[other]:
                    if holder > number:
                        _keep_best(inward.setdefault(holder, {}), where, value)
        for other_number in sorted(outward.keys() | inward.keys()):
            yield number, other_number, outward.get(other_number, {}), inward.get(other_number, {})


def _keep_best(found: dict[int, float], position: int, value: float) -> None:
    if value > found.get(position, 0.0):
        found[position] = value


def _alignments(prepared: list[_Prepared], progress: Progress | None = None):
    """The distinct sentence texts, and which align with which.

    Returns each article's sentences as text keys; each key's places (article, position);
    ``aligned[s]``, the texts t that s aligns with, with the score (t shares ``_needed``
    of s's words and scores at least ``ALIGN``); and ``aligning[t]``, the reverse.

    Each distinct text is looked up once in an index of the others' words (so a wire copy
    carried by a hundred outlets costs one look-up, not a hundred), and is scored only
    against the texts sharing ``_needed`` of its words, the condition the pairwise
    comparison applied, and only as far as needed to know it is under ``ALIGN``
    (``score_at_least``). The index holds every word of a text but its most frequent one,
    and a look-up reads a text's rarest words only (all but ``_needed`` - 1 of them): two
    texts sharing ``_needed`` words share one of those (prefix filtering), and the frequent
    words ("said", "government"), whose lists are longest, are mostly never read.
    """
    from collections import Counter, defaultdict

    from claims.similarity import analyse, score_at_least

    texts: dict[str, int] = {}
    places: list[list[tuple[int, int]]] = []
    keys: list[list[int]] = []
    for number, article in enumerate(prepared):
        own = []
        for position, sentence in enumerate(article.sentences):
            key = texts.setdefault(sentence, len(texts))
            if key == len(places):
                places.append([])
            places[key].append((number, position))
            own.append(key)
        keys.append(own)
    word_sets = [analyse(text).token_set for text in texts]
    frequency = Counter(word for words in word_sets for word in words)
    ordered = [sorted(words, key=lambda w: (frequency[w], w)) for words in word_sets]
    index: defaultdict[str, list[int]] = defaultdict(list)
    for key, words in enumerate(ordered):
        for word in words[:-1]:
            index[word].append(key)
    text_list = list(texts)
    # The one article that holds a text, or -1 for a text in several.
    only_in = [where[0][0] if all(n == where[0][0] for n, _ in where) else -1 for where in places]
    aligned: list[list[tuple[int, float]]] = [[] for _ in text_list]
    aligning: list[list[tuple[int, float]]] = [[] for _ in text_list]
    for key, words in enumerate(ordered):
        if progress is not None and key % PROGRESS_EVERY == 0:
            progress(key, len(ordered))
        needed = _needed(word_sets[key])
        if len(words) < needed:
            continue
        seen: set[int] = set()
        for word in words[: len(words) - needed + 1]:
            seen.update(index[word])
        mine, home = word_sets[key], only_in[key]
        for other in seen:
            if other == key or (home != -1 and only_in[other] == home):
                continue  # itself, or only ever in one article together
            common = len(mine & word_sets[other])
            forward, backward = common >= needed, common >= _needed(word_sets[other])
            # Each pair is scored once, on the visit of the smaller key when its look-up
            # is sure to find the other (``forward``), else on the other's.
            if not (forward and (key < other or not backward)):
                continue
            value = score_at_least(text_list[key], text_list[other], ALIGN)
            if value >= ALIGN:
                if forward:
                    aligned[key].append((other, value))
                    aligning[other].append((key, value))
                if backward:
                    aligned[other].append((key, value))
                    aligning[key].append((other, value))
        if home == -1:  # the very same sentence in several articles
            value = score_at_least(text_list[key], text_list[key], ALIGN)
            if value >= ALIGN:
                aligned[key].append((key, value))
                aligning[key].append((key, value))
    if progress is not None:
        progress(len(ordered), len(ordered))
    return keys, places, aligned, aligning


def _compare(
    a: _Prepared, b: _Prepared, a_in_b: dict[int, float], b_in_a: dict[int, float]
) -> dict | None:
    share_a = len(a_in_b) / max(len(a.sentences), 1)
    share_b = len(b_in_a) / max(len(b.sentences), 1)
    if max(share_a, share_b) < MIN_SHARE:
        return None
    union = len(a.words | b.words)
    if not union or len(a.words & b.words) / union < MIN_OVERLAP:
        return None
    aligned = [a_in_b[p] for p in sorted(a_in_b)] + [b_in_a[p] for p in sorted(b_in_a)]
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
