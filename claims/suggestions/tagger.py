"""A CRF tagger for attribution spans: cue, source and content, tagged per paragraph.

The rules in ``attribution.py`` know reporting verbs and word orders; they miss what news
attributes without one (beliefs, wants, nominal cues, a colon before a block quotation,
quotations running over sentences). A linear-chain CRF (CRFsuite) trained on PolNeAR learns
those from examples, and it is *stacked* on the rules: whether a token lies in a rule-proposed
cue, source or content is one of its features, so it keeps what the rules do well and learns
where they go wrong. Tagging runs per paragraph because contents often cross sentences.

The model ships inside the package, xz-compressed (``attribution.crfsuite.xz``: CRFsuite's
feature dictionary is plain strings and shrinks to a third); it is read once per process, on
first use, so ``claims --help`` never loads it. ``benchmarks/train_attribution.py`` writes it.

The CRF is now the fallback: when the fine-tuned MiniLM model (``neural.py``, run with
onnxruntime) and its runtime are installed, ``tag_spans`` uses that instead; both tag the
same words with the same labels, so ``decode`` and the relations built after it are shared.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from claims.suggestions.attribution import TOKEN
from claims.suggestions.lexicon import CUE_WORDS, PHRASE_CUES

# Told (done, total) as the tagger reads an article.
Progress = Callable[[int, int], None]

MODEL_PATH = Path(__file__).with_name("attribution.crfsuite.xz")
KINDS = ("CUE", "SOURCE", "CONTENT")

_PHRASE_FIRST = {phrase[0] for phrase in PHRASE_CUES}
_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"


def tokens_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in TOKEN.finditer(text[start:end])]


def _shape(word: str) -> str:
    shape = re.sub("[A-Z]", "X", re.sub("[a-z]", "x", re.sub(r"\d", "d", word)))
    return re.sub(r"(.)\1+", r"\1\1", shape)


def _quote_state(words: list[str]) -> list[str]:
    """Inside or outside a double quotation, per token; straight marks toggle."""
    inside = False
    states = []
    for word in words:
        if word in _DOUBLE_OPEN or (word == '"' and not inside):
            states.append("open")
            inside = True
        elif word in _DOUBLE_CLOSE or (word == '"' and inside):
            states.append("close")
            inside = False
        else:
            states.append("in" if inside else "out")
    return states


def _lexicon_hits(lowers: list[str]) -> list[bool]:
    hits = [w in CUE_WORDS for w in lowers]
    for i, word in enumerate(lowers):
        if word in _PHRASE_FIRST:
            for phrase in PHRASE_CUES:
                if tuple(lowers[i : i + len(phrase)]) == phrase:
                    for k in range(i, i + len(phrase)):
                        hits[k] = True
    return hits


def _bucket(distance: int | None) -> str:
    if distance is None:
        return "none"
    sign = "-" if distance < 0 else "+"
    size = abs(distance)
    return sign + (
        "0"
        if size == 0
        else "1"
        if size <= 1
        else "3"
        if size <= 3
        else "8"
        if size <= 8
        else "far"
    )


def rule_attributions(text: str) -> list:
    """What the rules find in the whole text, sentence by sentence."""
    from claims.sentences import split_sentences
    from claims.suggestions.attribution import extract

    found = []
    for sentence in split_sentences(text):
        found.extend(extract(text, sentence.start, sentence.end))
    return found


def rule_marks(spans: list[tuple[int, int]], found: list) -> list[str]:
    """Which rule-proposed span (cue, source, content or none) each token lies in."""
    marks = ["O"] * len(spans)
    if not spans:
        return marks
    low, high = spans[0][0], spans[-1][1]
    for attribution in found:
        if attribution.content[1] < low or attribution.content[0] > high:
            continue
        pieces = (
            ("R_CON", attribution.content),
            ("R_SRC", attribution.source),
            ("R_CUE", attribution.cue),
        )
        for kind, span in pieces:
            if span is None:
                continue
            for k, (s, e) in enumerate(spans):
                if s >= span[0] and e <= span[1]:
                    marks[k] = kind
    return marks


def features(text: str, spans: list[tuple[int, int]], marks: list[str]) -> list[list[str]]:
    """CRFsuite feature strings for each token of one paragraph."""
    words = [text[s:e] for s, e in spans]
    lowers = [w.lower() for w in words]
    quotes = _quote_state(words)
    lexicon = _lexicon_hits(lowers)
    cue_positions = [i for i, hit in enumerate(lexicon) if hit]
    sentence_position = 0
    # How the paragraph sits among others: a block quotation follows "… said:", and a
    # paragraph opening with a quotation mark is often someone's words throughout.
    before = text[: spans[0][0]].rstrip() if spans else ""
    context = [
        "prevpara=" + (before[-1:] if before[-1:] in ':.”"' else "other"),
        "parastart=" + quotes[0] if quotes else "parastart=none",
    ]
    colon_seen = False
    out = []
    for i, word in enumerate(words):
        lower = lowers[i]
        nearest = min(cue_positions, key=lambda p: abs(p - i), default=None)
        row = [
            "bias",
            "w=" + lower,
            "suf3=" + lower[-3:],
            "suf2=" + lower[-2:],
            "shape=" + _shape(word),
            "quote=" + quotes[i],
            "lex=" + str(lexicon[i]),
            "cuedist=" + _bucket(None if nearest is None else i - nearest),
            "rule=" + marks[i],
            "spos=" + (str(sentence_position) if sentence_position < 4 else "more"),
            "colon=" + str(colon_seen),
            *context,
        ]
        if word.istitle():
            row.append("title")
        if word.isupper() and len(word) > 1:
            row.append("upper")
        if word.isdigit():
            row.append("digit")
        if not word[0].isalnum():
            row.append("punct")
        if i == 0:
            row.append("BOP")
        if i == len(words) - 1:
            row.append("EOP")
        for offset in (-2, -1, 1, 2):
            k = i + offset
            if 0 <= k < len(words):
                row.append(f"w[{offset}]=" + lowers[k])
                row.append(f"rule[{offset}]=" + marks[k])
                row.append(f"lex[{offset}]=" + str(lexicon[k]))
                if offset in (-1, 1):
                    row.append(f"quote[{offset}]=" + quotes[k])
                    row.append(f"w[0]|w[{offset}]={lower}|{lowers[k]}")
        out.append(row)
        sentence_position = 0 if word in ".!?" else sentence_position + 1
        colon_seen = (colon_seen or word == ":") and word not in ".!?"
    return out


@lru_cache(maxsize=1)
def _tagger():
    """The CRFsuite tagger, opened once per process."""
    import pycrfsuite

    from claims.errors import ClaimsError

    if not MODEL_PATH.exists():
        raise ClaimsError(
            f"attribution model missing at {MODEL_PATH}; run benchmarks/train_attribution.py"
        )
    import lzma

    model = lzma.decompress(MODEL_PATH.read_bytes())
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model)  # CRFsuite reads the bytes in place: keep them alive
    return tagger, model


def backend() -> str | None:
    """Which tagger runs: the MiniLM model when it and onnxruntime are here, else the CRF."""
    from claims.suggestions import neural

    if neural.available():
        return "minilm"
    return "crf" if MODEL_PATH.exists() else None


def model_available() -> bool:
    return backend() is not None


def tag_paragraph(
    text: str, paragraph: tuple[int, int], found: list
) -> tuple[list[tuple[int, int]], list[str]]:
    spans = tokens_of(text, *paragraph)
    if not spans:
        return spans, []
    tagger, _ = _tagger()
    return spans, tagger.tag(features(text, spans, rule_marks(spans, found)))


def decode(spans: list[tuple[int, int]], labels: list[str]) -> list[tuple[str, int, int]]:
    """(kind, start, end) character spans from BIO labels; a stray I- opens a span."""
    found: list[tuple[str, int, int]] = []
    current: list | None = None
    for (start, end), label in zip(spans, labels, strict=True):
        prefix, _, kind = label.partition("-")
        if prefix == "I" and current is not None and current[0] == kind:
            current[2] = end
            continue
        if current is not None:
            found.append(tuple(current))
            current = None
        if prefix in ("B", "I"):
            current = [kind, start, end]
    if current is not None:
        found.append(tuple(current))
    return found


def tag_spans(
    text: str, using: str | None = None, progress: Progress | None = None
) -> list[tuple[str, int, int]]:
    """Every cue, source and content span the tagger finds in the text; ``using`` picks the
    backend ("minilm" or "crf"), by default the better one installed. ``progress(done,
    total)`` is told how far the model has read (MiniLM: a fraction of a second for a news
    article, minutes for a book-length page; the CRF is quick and tells nothing)."""
    using = using or backend()
    if using == "minilm":
        from claims.suggestions import neural

        return neural.tag_spans(text, progress)
    return crf_tag_spans(text)


def crf_tag_spans(text: str) -> list[tuple[str, int, int]]:
    from claims.sentences import paragraphs

    rules = rule_attributions(text)
    found = []
    for paragraph in paragraphs(text):
        found.extend(decode(*tag_paragraph(text, paragraph, rules)))
    return found
