"""Sentences with their offsets in the article text: the unit that suggestion and matching share.

Both the attribution extractor and the passage matcher work sentence by sentence and must agree
on where a sentence starts and ends, or a proposal and a match of the same passage would anchor
differently. The segmenter is syntok (rule-based, fast, keeps offsets, knows abbreviations such
as "U.S.", "Jan." and "Sen."), with the titles it does not know ("Gov.", "Rep.", "Lt.") put
right. On top of it we keep a quotation whole: a sentence that opens a
quotation is joined with the following ones until the quotation closes, because "the minister
said" belongs to the quotation that came before it. A sentence never crosses a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claims.text import QUOTE_PAIRS, quote_marks

# syntok knows English quotation marks only: it ends a sentence at '.”' but runs on past
# '.“' (German) and '.»' (French). It segments a copy of the text in which every opening
# mark is “ and every closing one ”, as ``quote_marks`` reads them; a copy of the
# same length, so its offsets are the text's.
_ENGLISH_OPEN = "\u201c"
_ENGLISH_CLOSE = QUOTE_PAIRS[_ENGLISH_OPEN]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a span of the text it came from; `text` is exactly `source[start:end]`."""

    start: int
    end: int
    text: str
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blocks separated by blank lines, without their surrounding whitespace."""
    spans = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        block = text[position:end]
        stripped = block.strip()
        if stripped:
            offset = position + (len(block) - len(block.lstrip()))
            spans.append((offset, offset + len(stripped)))
        if match:
            position = match.end()
    return spans


def _quote_balance(text: str) -> int:
    """How many quotations the text leaves open: its opening marks less its closing ones
    (read by language, so „…“ is one quotation closed), or an odd count of straight ones.
    A closing mark with none open counts against a later opening one, as it always has."""
    marks = quote_marks(text)
    closing = sum(part in ("close", "stray") for _, part in marks)
    return max(len(marks) - 2 * closing, 0) + text.count('"') % 2


def _with_english_marks(text: str, spans: list[tuple[int, int]]) -> tuple[str, set[int]]:
    """The text with its quotation marks as syntok knows them, paragraph by paragraph, and
    where quotations close. Straight marks stay as they are: syntok reads them."""
    closers: set[int] = set()
    changed: dict[int, str] = {}
    for start, end in spans:
        for at, part in quote_marks(text, start, end):
            mark = _ENGLISH_CLOSE if part in ("close", "stray") else _ENGLISH_OPEN
            if part == "close":
                closers.add(at)
            if text[at] != mark:
                changed[at] = mark
    if not changed:
        return text, closers
    chars = list(text)
    for at, mark in changed.items():
        chars[at] = mark
    return "".join(chars), closers


def _closing_marks_back(
    text: str, spans: list[tuple[int, int]], closers: set[int]
) -> list[tuple[int, int]]:
    """Give a closing mark that syntok put at the head of the next sentence back to the
    sentence it closes: French spaces it from the words ("« Nous partons. » Puis ...")."""
    fixed: list[tuple[int, int]] = []
    for start, end in spans:
        if fixed and start in closers and "\n" not in text[fixed[-1][1] : start]:
            fixed[-1] = (fixed[-1][0], start + 1)
            rest = text[start + 1 : end]
            start = end - len(rest.lstrip())
            if start >= end:
                continue
        fixed.append((start, end))
    return fixed


def _syntok_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    from syntok import segmenter

    block = text[start:end]
    spans = []
    for paragraph in segmenter.analyze(block):
        for sentence in paragraph:
            tokens = list(sentence)
            if not tokens:
                continue
            first, last = tokens[0], tokens[-1]
            spans.append((start + first.offset, start + last.offset + len(last.value)))
    return spans


# Titles written before a name. syntok knows some ("Dr.", "Sen.", "Gen.") but not the
# American and military ones news copy is full of ("Gov.", "Rep.", "Lt.", "Sgt."), and splits
# "Gov. Kathy Hochul said ..." after the title. Written before a name, a title never ends a
# sentence. "Jr." is not here: it comes after a name, where a sentence may well end.
_TITLE_ABBREVIATIONS = (
    "Adm Amb Asst Atty Brig Capt Cdr Cmdr Col Comdr Cpl Del Dep Det Dr Fr Ft Gen Gens Gov Hon "
    "Insp Lt Maj Messrs Mr Mrs Ms Msgr Mt Pfc Pres Prof Pvt Rep Reps Rev Rt Sec Sen Sens Sgt "
    "Spc Sr St Supt"
).split()
_ENDS_WITH_TITLE = re.compile(r"(?<![\w.])(?:" + "|".join(_TITLE_ABBREVIATIONS) + r")\.$")
# A month abbreviated before its day or year: "conducted Sept. 12-16", "in Jan. 2024".
_ENDS_WITH_MONTH = re.compile(r"(?<![\w.])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")


def _join_after_titles(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a piece that ends with a title to the name after it: "Gov." + "Kathy Hochul said".

    Only a capital letter or a digit may follow on the same line ("Sgt. 1st Class ..."); a
    line break means the piece stood alone. So with a month and the day after it ("Sept.
    12-16").
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        before = (merged[-1][0], merged[-1][1]) if merged else (0, 0)
        if (
            merged
            and (
                (
                    _ENDS_WITH_TITLE.search(text, *before)
                    and (text[start].isupper() or text[start].isdigit())
                )
                or (_ENDS_WITH_MONTH.search(text, *before) and text[start].isdigit())
            )
            and "\n" not in text[merged[-1][1] : start]
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _keep_quotations_whole(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that opens a quotation with the ones up to where the quotation closes.

    A quotation that never closes in the paragraph (a stray or unbalanced mark, common in
    rewritten copy) joins nothing: one typo must not swallow the rest of the paragraph.
    """
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        j = i
        if _quote_balance(text[start:end]) > 0:
            for k in range(i + 1, len(spans)):
                if _quote_balance(text[start : spans[k][1]]) == 0:
                    j = k
                    break
        merged.append((start, spans[j][1]))
        i = j + 1
    return merged


_TERMINAL = '.!?…’"' + _ENGLISH_CLOSE  # read in the copy with English marks

# A quotation that ends asking or exclaiming, closed: '"Where does this end?"'.
_QUESTION_QUOTED = re.compile(r"[?!][\"\u201d\u2019']\s*$")
# Its speaker after it, as the sentence's end: "Lund was quoted as saying by …", "Maria Holm
# asked.", "she said on Monday."; not "The council said nothing." (a sentence of its own).
_SPEAKER_GOES_ON = re.compile(
    r"(?:[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2}|[Hh]e|[Ss]he|[Tt]hey"
    r"|[Tt]he[ \t]+[a-z-]+(?:[ \t]+[a-z-]+)?)[ \t]+"
    r"(?:was[ \t]+quoted[ \t]+as[ \t]+saying|said|asked|added|told|wrote|replied|wondered"
    r"|tweeted|posted|shouted)"
    r"(?=[ \t]*[,.;:]|[ \t]+(?:as[ \t]+saying|by|on|in|to|at|after|during|when|while)\b)"
)


def _asked_then_speaker(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a quotation ending in "?" or "!" with its speaker after it: '"Where does this
    end?" Lund was quoted as saying by the newspaper Dagsposten.' is one sentence, whose
    question is Lund's, not the article's."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if (
            merged
            and _QUESTION_QUOTED.search(text, merged[-1][0], merged[-1][1])
            and text[merged[-1][0] : merged[-1][0] + 1] in "\"\u201c\u2018'"
            and _SPEAKER_GOES_ON.match(text, start, end)
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# A dateline's credit, where a piece starts: "(AP) —", "(Reuters) -", "(dpa) -"; and a
# dateline whose place ends abbreviated, as the whole piece before it.
_CREDIT_DASH = re.compile(r"\((?:[A-Za-z][\w&'.-]*[ \t]?){1,4}\)[ \t]*[-\u2013\u2014]")
_PLACE_ABBREVIATION = re.compile(
    r"^\s*[A-Z][A-Z'’. -]*[A-Z],\s+(?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){2,3})$"
)  # the whole piece: "SPRINGFIELD, Ill.", "WASHINGTON, D.C."


def _join_unfinished(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a piece that ends without a full stop to the next: "VIENNA (Reuters) - The ..."

    syntok splits after a closing parenthesis; a dateline is not a sentence of its own. A
    line break keeps them apart: a heading or a list item above a sentence stays itself.
    A place abbreviated with a full stop ("SPRINGFIELD, Ill. (AP) — ...") ends the piece
    before the credit: a piece that opens with a credit and its dash joins the one before.
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if (
            merged
            and (
                text[merged[-1][1] - 1] not in _TERMINAL
                or (
                    _CREDIT_DASH.match(text, start)
                    and _PLACE_ABBREVIATION.search(text, merged[-1][0], merged[-1][1])
                )
            )
            and "\n" not in text[merged[-1][1] : start]
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# A clock time's "a.m." or "p.m." ("7.40pm.") that ends a sentence: before a capital or a
# quotation that is no weekday, month or time zone ("at 9 a.m. Rescuers said"; not "at 9
# a.m. Monday").
_CLOCK_END = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.(?=[ \t]+(?:[\"\u201c\u2018']|(?!(?:Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov"
    r"|Dec|GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|MT|Local|local)\b)"
    r"[A-Z]))"
)

# English words that end a sentence, which syntok takes for the German and Spanish
# abbreviations it knows ("lit." for "Literatur"): "… had been deliberately lit. Detective
# Inspector Sam Oduya told …". Only before a capital or a quotation mark.
_WORD_END = re.compile(
    r"(?<![\w.'\u2019-])(?:lit|set|art|max|min|cap|alt|tab|mag)\.(?=[ \t]+[\"\u201c\u2018A-Z])"
)
_NOT_ABBREVIATED = re.compile(f"{_CLOCK_END.pattern}|{_WORD_END.pattern}")


def _split_after_clocks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a piece after a clock time's "a.m." that ends a sentence, which syntok reads
    as an abbreviation inside one: '… at 5:30 a.m. "He told me …," she said.'; likewise
    after an English word syntok takes for an abbreviation ("lit.", "set.")."""
    split: list[tuple[int, int]] = []
    for start, end in spans:
        for clock in _NOT_ABBREVIATED.finditer(text, start, end):
            split.append((start, clock.end()))
            start = clock.end()
            while start < end and text[start] in " \t":
                start += 1
        split.append((start, end))
    return split


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of `text`, in order, with offsets into `text` itself.

    A quotation left open at the end of a paragraph stays open no further: news copy often
    continues a quotation into the next paragraph without closing it, but the next paragraph
    is still its own sentence.
    """
    sentences = []
    blocks = paragraphs(text)
    english, closers = _with_english_marks(text, blocks)
    for number, (start, end) in enumerate(blocks):
        spans = _closing_marks_back(text, _syntok_spans(english, start, end), closers)
        spans = _split_after_clocks(text, _join_after_titles(text, spans) or [(start, end)])
        spans = _asked_then_speaker(text, _keep_quotations_whole(text, spans))
        for a, b in _join_unfinished(english, spans):
            sentences.append(Sentence(a, b, text[a:b], number))
    return sentences


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing `offset`, so a quotation can be related to its sentence."""
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None


@dataclass(frozen=True, slots=True)
class Label:
    """A label opening a paragraph of a transcript: "SOLBERG-DAHL: ...", "Q: ...".

    `start`/`end` bound the name, `body` is where the paragraph's own words begin (past the
    colon). `kind` is "speaker" (the name speaks the paragraph), "question" (the
    interviewer's: a question, nobody's claim) or "answer" ("A:", a speaker not named).
    """

    paragraph: int
    start: int
    end: int
    body: int
    name: str
    kind: str


_LABEL_WORD = r"(?:[A-Z][\w'’.-]*)"
_LABEL = re.compile(
    # a transcript quoted whole opens each paragraph with a quotation mark: "WALLACE: ...
    r"(?:[\"\u201c][ \t]*)?"
    rf"(?P<name>{_LABEL_WORD}(?:[ \t]+(?:{_LABEL_WORD}|of|de|van|von|der|al|el)){{0,4}})"
    r"[ \t]*:[ \t]+(?=\S)"
)
QUESTION_LABELS = frozenset({"q", "question", "questions", "interviewer"})
ANSWER_LABELS = frozenset({"a", "answer"})
# Labels a page puts before a paragraph that are nobody's name.
_PAGE_LABELS = frozenset(
    {
        "update", "updated", "correction", "clarification", "note", "editor's note",
        "editors note", "photo", "picture", "video", "watch", "listen", "read more", "read",
        "related", "see also", "also read", "breaking", "exclusive", "source", "sources",
        "disclaimer", "warning", "caption", "credit", "background", "context", "analysis",
        "opinion", "comment", "live", "latest", "summary", "key points", "what we know",
        "timeline", "factbox", "explainer", "advertisement", "sponsored", "pictured",
    }
)  # fmt: skip


def _label_key(name: str) -> str:
    return " ".join(name.replace("’", "'").lower().split())


def speaker_labels(text: str) -> list[Label]:
    """The speaker labels of a transcript, one per labelled paragraph.

    A paragraph opens with a name (in capitals or capitalised, up to five words) and a
    colon. So does a dateline ("NEW DELHI: ...") or a page's "UPDATE:", so a name counts as
    a speaker only in an interview (the article has "Q:" paragraphs) or when it labels two
    paragraphs or more. A speaker whose paragraphs are mostly questions is the interviewer.
    """
    found: list[tuple[int, re.Match]] = []
    for number, (start, end) in enumerate(paragraphs(text)):
        match = _LABEL.match(text, start, end)
        if match is not None and _label_key(match.group("name")) not in _PAGE_LABELS:
            found.append((number, match))
    keys = [_label_key(m.group("name")) for _, m in found]
    interview = any(key in QUESTION_LABELS for key in keys)
    labels = []
    for (number, match), key in zip(found, keys, strict=True):
        if key in QUESTION_LABELS:
            kind = "question"
        elif key in ANSWER_LABELS:
            kind = "answer" if interview else ""
        elif interview or keys.count(key) > 1:
            kind = "speaker"
        else:
            kind = ""
        if kind:
            name = match.group("name")
            labels.append(
                Label(
                    number,
                    match.start("name"),
                    match.start("name") + len(name),
                    match.end(),
                    name,
                    kind,
                )
            )
    speakers = {label.name for label in labels if label.kind == "speaker"}
    if len(speakers) > 1:
        spans = paragraphs(text)
        for name in speakers:
            own = [label for label in labels if label.name == name]
            asked = [
                label for label in own if text[: spans[label.paragraph][1]].rstrip().endswith("?")
            ]
            if len(asked) * 2 > len(own):  # the interviewer
                labels = [replace(lb, kind="question") if lb.name == name else lb for lb in labels]
    return _continued(text, labels)


def _continued(text: str, labels: list[Label]) -> list[Label]:
    """A transcript quoted whole opens every paragraph with a quotation mark and closes only
    its last: a paragraph between two labelled ones that opens with one, after a paragraph
    that left its quotation open, goes on in the voice of the label before it."""
    spans = paragraphs(text)
    by_paragraph = {label.paragraph: label for label in labels}
    out = list(labels)
    for first, then in zip(labels, labels[1:], strict=False):
        current = first
        for number in range(first.paragraph + 1, then.paragraph):
            start, end = spans[number]
            before = text[slice(*spans[number - 1])]
            if text[start] not in '"\u201c' or _closed(before):
                break
            body = start + 1 + len(text[start + 1 : end]) - len(text[start + 1 : end].lstrip())
            current = replace(current, paragraph=number, body=body)
            by_paragraph[number] = current
            out.append(current)
    return sorted(out, key=lambda label: label.paragraph)


def _closed(paragraph: str) -> bool:
    """Whether a paragraph that opens a quotation closes it again."""
    if paragraph[:1] not in '"\u201c':
        return True
    return paragraph.count('"') % 2 == 0 and paragraph.count("\u201c") <= paragraph.count("\u201d")
