"""The candidate index: every sentence of every article, searchable by its words in BM25.

Scoring a claim against every passage of every article costs time in proportion to the
corpus; a claim has no business being compared with articles that share none of its words.
So matching first asks a BM25 index (bm25s: sparse matrices, the cost of a query grows with
the postings of the query's words, not with the number of articles) for the few hundred
sentences that share the most distinctive words with the claim, and only those reach the
finer pair score of ``claims.similarity``. Words are indexed as the pair score sees them
(folded, stemmed, synonyms merged), so "according to" finds "said".

A candidate passage is a sentence, or two adjacent sentences of one paragraph when a claim
runs across a sentence break ("... he said. They would also ..."). Sentences come from
``claims.sentences``, the segmenter suggestion uses too, so both anchor passages alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.sentences import Sentence, split_sentences
from claims.similarity import analyse, content_words

# How many sentences the index hands to the re-ranker per query.
DEFAULT_DEPTH = 100


@dataclass(frozen=True, slots=True)
class Passage:
    """A span of an article's text that may carry a claim."""

    article_id: int
    start: int
    end: int
    text: str


def windows(sentences: list[Sentence], position: int) -> list[tuple[int, int]]:
    """Spans worth scoring around sentence ``position``: itself and it joined with a neighbour.

    Neighbours join only within one paragraph.
    """
    here = sentences[position]
    spans = [(here.start, here.end)]
    if position > 0 and sentences[position - 1].paragraph == here.paragraph:
        spans.append((sentences[position - 1].start, here.end))
    if position + 1 < len(sentences) and sentences[position + 1].paragraph == here.paragraph:
        spans.append((here.start, sentences[position + 1].end))
    return spans


# Where a sentence may be cut into clauses: punctuation that ends one, or a conjunction that
# opens the next. A claim is often one clause of a longer sentence ("..., as the bloc weighs
# its ties ..."); scoring the clause alone keeps the rest from diluting the match.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2013\u2014]+\s*|\s+-\s+|[\"\u201c\u201d\u00ab\u00bb]\s*"
    r"|\s(?=(?:and|but|while|as|which|who|whereas|although|though|because|despite)\s)",
    re.IGNORECASE,
)
MAX_CLAUSES = 6


def clause_windows(passage: Passage) -> list[Passage]:
    """Runs of consecutive clauses of the passage (at most MAX_CLAUSES), the passage itself too."""
    text = passage.text
    cuts = [0]
    for found in _CLAUSE_BREAK.finditer(text):
        if found.end() > cuts[-1] and found.end() < len(text):
            cuts.append(found.end())
    cuts.append(len(text))
    windows_found = {(passage.start, passage.end)}
    for i in range(len(cuts) - 1):
        for j in range(i + 1, min(len(cuts), i + MAX_CLAUSES + 1)):
            piece = text[cuts[i] : cuts[j]]
            stripped = piece.strip(" ,;:-\u2013\u2014")
            if len(stripped.split()) < 3:
                continue
            start = passage.start + cuts[i] + piece.index(stripped)
            windows_found.add((start, start + len(stripped)))
    base = passage.start
    return [
        Passage(passage.article_id, s, e, text[s - base : e - base])
        for s, e in sorted(windows_found)
    ]


class PassageIndex:
    """BM25 over the sentences of a set of articles; built once, queried per claim."""

    def __init__(self, articles: Iterable[tuple[int, str]]):
        import bm25s

        self.texts: dict[int, str] = {}
        self.sentences: dict[int, list[Sentence]] = {}
        self.rows: list[tuple[int, int]] = []  # (article id, sentence position)
        corpus: list[list[str]] = []
        for article_id, text in articles:
            sentences = split_sentences(text)
            self.texts[article_id] = text
            self.sentences[article_id] = sentences
            for position, sentence in enumerate(sentences):
                self.rows.append((article_id, position))
                # bm25s refuses an empty document; a sentence without content words
                # (a dateline, a lone quote mark) gets a token no query contains.
                corpus.append(content_words(sentence.text) or ["\x00"])
        self._bm25 = bm25s.BM25()
        if corpus:
            self._bm25.index(corpus, show_progress=False)

    def __len__(self) -> int:
        return len(self.rows)

    def search(
        self,
        query: str,
        *,
        depth: int = DEFAULT_DEPTH,
        exclude: frozenset[int] = frozenset(),
        falloff: float = 0.0,
    ) -> list[tuple[int, int]]:
        """(article id, sentence position) of the sentences sharing most words with ``query``.

        With ``falloff``, the list stops at the first sentence whose BM25 score is below that
        share of the best one's: what follows shares too little of the query to matter.
        """
        tokens = [t for t in analyse(query).tokens if t in self._vocabulary]
        if not tokens or not self.rows:
            return []
        k = min(len(self.rows), depth + 50 * len(exclude) if exclude else depth)
        k = min(k, len(self.rows))
        documents, scores = self._bm25.retrieve([tokens], k=k, show_progress=False)
        found = []
        floor = 0.0
        for document, value in zip(documents[0], scores[0], strict=True):
            if value <= 0 or value < floor:
                break
            article_id, position = self.rows[int(document)]
            if article_id in exclude:
                continue
            if not found:
                floor = falloff * float(value)
            found.append((article_id, position))
            if len(found) >= depth:
                break
        return found

    @property
    def _vocabulary(self) -> dict[str, int]:
        return self._bm25.vocab_dict if self.rows else {}

    def passages_around(self, article_id: int, position: int) -> list[Passage]:
        text = self.texts[article_id]
        return [
            Passage(article_id, start, end, text[start:end])
            for start, end in windows(self.sentences[article_id], position)
        ]
