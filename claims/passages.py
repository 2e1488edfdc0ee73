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

The module also reads a passage in its sentence (``denials``, ``hedges_added``,
``other_actor``, ``names_reordered``): what the words around it say of it, which the pair
score does not see.
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
    """Runs of consecutive clauses of the passage (at most MAX_CLAUSES), the passage itself too.

    No run starts at a parenthesis set off by commas inside a clause ("Uganda, like Kenya,
    will raise ..."), nor right after it: either start drops the clause's subject, and the
    window "like Kenya, will raise ..." states of Kenya what the sentence says of Uganda.
    """
    text = passage.text
    cuts = [0]
    for found in _CLAUSE_BREAK.finditer(text):
        if found.end() > cuts[-1] and found.end() < len(text):
            cuts.append(found.end())
    cuts.append(len(text))
    inside = _inside_clause(text, cuts)
    windows_found = {(passage.start, passage.end)}
    for i in range(len(cuts) - 1):
        if i in inside:
            continue
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


# Words that open a parenthesis set off by commas: "like Kenya,", "which borders Zambia,".
_PARENTHESIS_OPENERS = frozenset(
    "like unlike which who whom whose including alongside along".split()
)


def _inside_clause(text: str, cuts: list[int]) -> set[int]:
    """The cuts that fall inside a clause whose subject comes before them: a parenthesis
    between commas after the first piece, opened by a preposition, a relative or "like",
    or holding a reporting verb ("Kenya, the Treasury said, will ..."), and the piece
    after it."""
    from claims.suggestions.lexicon import CUE_WORDS, PREPOSITIONS

    inside = set()
    for k in range(1, len(cuts) - 1):
        before = text[cuts[k - 1] : cuts[k]].rstrip()
        piece = text[cuts[k] : cuts[k + 1]].rstrip()
        words = piece.lower().split()
        if not (before.endswith(",") and piece.endswith(",") and words):
            continue
        opener = words[0].strip("\"'“")
        plain = [w.strip(",.\"'”") for w in words]
        if opener in _PARENTHESIS_OPENERS or opener in PREPOSITIONS or CUE_WORDS & set(plain):
            inside.update((k, k + 1))
    return inside


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


# Reading a passage in its sentence: what the words around it say of it. A passage can
# state every word of a claim and still not carry it: its sentence denies it ("X denied
# that ..."), hedges it ("may raise"), or says it of another actor ("Uganda, like Kenya,
# will raise ..."). The scorer sees words, not their place in the sentence; these rules
# read the place, and what they find goes to a person rather than being accepted unseen.

# Words that deny or dispute what they govern: verbs in every form, and the verdicts copy
# gives a report ("false", "untrue", "a claim he called fake news").
_DENYING_VERBS = ("deny", "reject", "dismiss", "dispute", "refute", "debunk", "contest")
_DENYING_WORDS = frozenset(
    "false untrue fake baseless unfounded groundless denial denials misinformation".split()
)
_DENYING_PHRASES = (("no", "evidence"), ("not", "true"), ("no", "truth"))
# A dateline before the first sentence of a wire story: "NAIROBI, March 4 (Reuters) - ".
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'\s]+(?:,[^-\u2013\u2014()]{0,30})?(?:\s*\([^)]*\))?\s*[-\u2013\u2014]+\s+"
)
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|[;:]")


def denying_words() -> frozenset[str]:
    """Every word of the denial lexicon, verbs in all their forms."""
    from claims.suggestions.lexicon import VERBS, forms

    verbs = {w for base in _DENYING_VERBS for w in forms(base, VERBS.get(base, ()))}
    return frozenset(verbs | _DENYING_WORDS)


def denials(claim: str, sentence: str) -> list[str]:
    """The words of ``sentence`` that deny or dispute what it says, and the claim does not.

    Read on the whole sentence: a denial governs what follows it ("denied that ...") and
    what precedes it ("reports that ... are untrue", "..., a claim he called fake news").
    A claim that reports a denial itself is carried by a sentence with the same denial.
    """
    words = _words(sentence)
    own = set(_words(claim))
    lexicon = denying_words()
    found = [w for w in words if w in lexicon and w not in own]
    pairs = set(zip(words, words[1:], strict=False))
    said = " ".join(_words(claim))
    found += [" ".join(p) for p in _DENYING_PHRASES if p in pairs and " ".join(p) not in said]
    return list(dict.fromkeys(found))


def hedges_added(claim: str, governing: str) -> list[str]:
    """The hedges (``claims.drift.lexicon``: modal and distancing) of ``governing`` that the
    claim does not have: "may raise" and "would have raised" for "will raise".

    "would" alone, for a claim's "will", is reported speech ("said it would raise"), not
    a hedge; "would have" is.
    """
    from claims.drift.lexicon import find_hedges

    def hedges(text: str) -> list[str]:
        words, cases = _cased(text)
        found = []
        for match in find_hedges(words, cases):
            if match.kind not in ("modal", "distancing"):
                continue
            following = words[match.end] if match.end < len(words) else ""
            if match.phrase == "would" and following != "have" and "will" in words_claim:
                continue
            found.append(match.phrase)
        return found

    words_claim = _words(claim)
    own = set(hedges(claim))
    return list(dict.fromkeys(h for h in hedges(governing) if h not in own))


def _words(text: str) -> list[str]:
    from claims.similarity import fold

    return [w.replace("\u2019", "'") for w in _TOKEN.findall(fold(text))]


def _cased(text: str) -> tuple[list[str], list[str]]:
    """Words folded, with how each is capitalised, as ``find_hedges`` reads case."""
    from claims.drift.lexicon import LOWER, NAME, START
    from claims.similarity import fold

    words, cases = [], []
    for index, token in enumerate(_TOKEN.findall(text)):
        words.append(fold(token).replace("-", ""))
        cases.append(LOWER if not token[0].isupper() else START if index == 0 else NAME)
    return words, cases


def other_actor(claim: str, sentence: str, start: int, end: int) -> str | None:
    """A name that stands where the claim's actor should, in the clause of ``sentence``
    holding ``[start, end)``: "Uganda" in "Uganda, like Kenya, will raise ..." for "Kenya
    will raise ...", "Malawi" in "A cholera outbreak in Malawi, which borders Zambia, ..."
    for "... in Zambia ...".

    The clause runs from the last clause start before the passage's first word of the
    claim (the sentence's start after a dateline, a semicolon, or the word after a
    reporting verb: "X said" names the speaker, not the actor) to its last word of the
    claim; its first name that is not a day or month must be one of the claim's names. A
    claim without names has no actor to mistake.
    """
    from claims.similarity import acronyms, content_words
    from claims.suggestions.lexicon import CUE_WORDS, SOURCE_AFTER

    claim_names = _name_words(claim)
    if not claim_names:
        return None
    claim_words = set(content_words(claim))
    names = acronyms(sentence)
    dateline = _DATELINE.match(sentence)
    begin = dateline.end() if dateline else 0
    tokens = [t for t in _TOKEN.finditer(sentence) if t.start() >= begin]
    inside = [
        i
        for i, t in enumerate(tokens)
        if start <= t.start()
        and t.end() <= end
        and set(content_words(t.group(), names)) & claim_words
    ]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    for i in range(first - 1, -1, -1):
        word = tokens[i].group()
        cue = word.lower() in CUE_WORDS and not set(content_words(word, names)) & claim_words
        if word in ";:" or cue:
            begin = tokens[i].end()
            if i + 1 < len(tokens) and tokens[i + 1].group().lower() == "that":
                begin = tokens[i + 1].end()
            break
    # "According to the minister, Kenya will ...": the source, not the actor.
    lead = re.match(rf"\s*(?:{'|'.join(SOURCE_AFTER)})\b[^,]*,\s*", sentence[begin:], re.I)
    if lead and begin + lead.end() <= tokens[first].start():
        begin += lead.end()
    clause = sentence[begin : tokens[last].end()]
    for run in _names_in(clause, names):
        if not set(run[1]) & claim_names:
            return run[0]
        return None
    return None


def names_reordered(claim: str, passage: str) -> bool:
    """Whether the passage names the claim's actors in other roles: "Zambia has sent ... to
    the WHO" for "The WHO sent ... to Zambia".

    Read from order: the claim's names the passage states come in another order, and the
    first of them in the passage is no object of a preposition ("In Lithuania, Germany
    will station ..." only fronts a place). Days and months are left out: "From July 1,
    the levy will be raised" fronts a date.
    """
    from claims.suggestions.lexicon import PREPOSITIONS

    claim_runs = [words for _, words, _ in _names_in(claim, None)]
    if len(claim_runs) < 2:
        return False
    dateline = _DATELINE.match(passage)
    passage = passage[dateline.end() :] if dateline else passage
    placed = []
    for _, words, before in _names_in(passage, None):
        for index, run in enumerate(claim_runs):
            if run[-1] in words and index not in [p for p, _ in placed]:
                placed.append((index, before))
                break
    order = [index for index, _ in placed]
    if len(order) < 2 or order == sorted(order):
        return False
    return placed[0][1] not in PREPOSITIONS


def _name_words(text: str) -> set[str]:
    return {word for _, words, _ in _names_in(text, None) for word in words}


def _names_in(text: str, names: frozenset[str] | None) -> list[tuple[str, list[str], str]]:
    """The names of ``text`` in order, each as written, as content words, and with the word
    before it: runs of capitalised words, less a leading stopword ("The", "In"), days and
    months."""
    import calendar

    from claims.similarity import _NAME_RUN, acronyms, content_words

    names = acronyms(text) if names is None else names
    times = {w for n in (*calendar.month_name, *calendar.day_name) for w in content_words(n)}
    found = []
    for run in _NAME_RUN.finditer(text):
        written = run.group()
        words = [w for w in content_words(written, names) if w not in times]
        parts = written.split()
        if len(parts) > 1 and not content_words(parts[0], names):
            written = " ".join(parts[1:])
        if any(part.lower() in times for part in written.split()) and not words:
            continue
        if words:
            before = _words(text[: run.start()])[-1:] or [""]
            leading = parts[0].lower() if len(parts) > 1 and written != run.group() else ""
            found.append((written, words, leading or before[0]))
    return found
