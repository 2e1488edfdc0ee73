"""Attribution relations for a whole article: the tagger's relations, with the rules' hops.

The tagger (``tagger.py``) finds spans; a relation needs a cue with its source and content.
Every tagged content joins the nearest tagged cue (one in its own sentence first, and never one
of a later sentence when the rules found a cue in its own), so a cue may speak several
contents; a cue left without one takes the nearest content of its paragraph (a cue ending a
paragraph with a colon, the content opening the next one). Sources pair with cues one to
one, nearest first. Two contents of one cue with only the cue and its source
between them are one split quotation ('"A," she said, "B."'), as PolNeAR counts them.

The tagger learnt PolNeAR's spans; the rules know nesting, several hops and the word order
of a reporting verb. So a sentence's relations are the tagger's, and the rules' where they
add a hop: a rule relation whose cue the tagger found too keeps its place in the nesting and
takes the tagger's source and content (its cue's contents that only punctuation parts joined,
when the rules nest a relation there: a flat tagger splits "A, Wang told Orban" in two); one
the tagger did not find stays only when it names a source after its cue ("according to X",
"citing X"), is the report such a "citing X" qualifies ("UNN reports citing Reuters"),
names its speaker after what they said inside another relation ("A, Wang told Orban,
Xinhua said"), or says a content the tagger found but attached to no cue. A passive cue
speaks by its agent ("was told by police"), never by its subject (``_passives_read``).
Proposals, sources and chains are then built from these exactly as from the rules'.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from claims.resolution import SEEN_BY
from claims.suggestions.attribution import (
    Attribution,
    by_agent,
    end_before_asides,
    extract,
    is_quoted,
    nest,
    passive,
    past_own_hops,
    quoted_as_saying,
    relink,
)
from claims.suggestions.citation import statement_start
from claims.suggestions.lexicon import (
    CLAIMS_AS_NOUN_AFTER,
    CLOSE_QUOTES,
    CUT_OFF,
    NOT_SPEAKERS,
    OPEN_QUOTES,
    OTHERS_WORDS,
    REJECTS,
    SPEAKER_PRONOUNS,
    SPEECH_WORDS,
    TIME_WORDS,
)
from claims.suggestions.reporting import states
from claims.suggestions.speakers import OPENERS
from claims.text import QUOTE_MARKS, quotations

Span = tuple[int, int]
TAGGER = "tagger"  # the order of a relation only the tagger found starts with this
_WORD = re.compile(r"[^\W\d_]{2,}")
SPLIT_MARKS = ",\"”’'»"  # what closes the first half of a split quotation
DASHES = "―—–"
BYLINE_SPACE = " \t\n\u00a0,.”\"'’"
FRAGMENT = 10  # characters: a shorter tagged content is a fragment, a last resort for a cue


def _gap(a: Span, b: Span) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _overlaps(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


# Words that name nobody on their own: a source span of only these is a fragment.
_FUNCTION_WORDS = frozenset("the a an its their his her this that these those of some such".split())


def bare(text: str, span: Span) -> bool:
    """The span holds no word that could name a source ("the" of "the European
    Commission's warning", when the tagger stops there; "today", "which")."""
    words = re.findall(r"[^\W\d_]+", text[span[0] : span[1]].lower())
    return all(word in _FUNCTION_WORDS or word in NOT_SPEAKERS for word in words)


_TIME_WORD_OPENING = re.compile(r"([A-Z][a-z]+)\s+")


_ENDS_WITH_PREPOSITION = re.compile(r"\s+(?:on|in|at|during)$", re.IGNORECASE)
# When a time phrase goes on after a source the tagger ran into it: a day, a month, a year.
_WHEN_NEXT = re.compile(
    r"\s+(?:the\s+)?(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january"
    r"|february|march|april|may|june|july|august|september|october|november|december"
    r"|weekend|morning|afternoon|evening)\b|\d{4}\b)"
)


def _without_preposition(text: str, sources: list[Span]) -> list[Span]:
    """ "The Albion Competition Authority on" Tuesday blocked: the tagger ran the name on
    into the time phrase after it; no speaker ends with "on" before a day. (A source ending
    "by" is a report's, whose author the rules read after it.)"""
    out = []
    for start, end in sources:
        found = _ENDS_WITH_PREPOSITION.search(text, start, end)
        if found and found.start() > start and _WHEN_NEXT.match(text, end):
            end = found.start()
        out.append((start, end))
    return out


def _capitalised_time_word(
    text: str, sources: list[Span], cues: list[Span]
) -> tuple[list[Span], list[Span]]:
    """A capitalised time word right after a source's name is the name's ("Clean Rivers
    Now said"): the uncased tagger reads it as part of the cue, "now said"."""
    ends = {source[1]: index for index, source in enumerate(sources)}
    sources, kept = list(sources), []
    for cue in cues:
        found = _TIME_WORD_OPENING.match(text, cue[0], cue[1])
        index = ends.get(cue[0] - 1)
        if found and index is not None and found.group(1).lower() in TIME_WORDS:
            last = text[sources[index][0] : sources[index][1]].split()[-1]
            if text[cue[0] - 1] == " " and last[:1].isupper():
                sources[index] = (sources[index][0], found.start(1) + len(found.group(1)))
                cue = (found.end(), cue[1])
        kept.append(cue)
    return sources, kept


def _only(text: str, span: Span, words: set[str] | frozenset[str]) -> bool:
    found = re.findall(r"[^\W\d_]+", text[span[0] : span[1]].lower())
    return bool(found) and all(word in words for word in found)


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _order(cue: Span, source: Span | None, content: Span) -> str:
    if content[1] <= cue[0]:
        return "inverted" if source is not None and source[0] >= cue[1] else "post"
    if source is not None and source[0] >= cue[1]:
        return "source-after"
    return "pre"


class _Layout:
    """Which paragraph and which sentences a span lies in."""

    def __init__(self, paragraphs: list[Span], sentences: list[Span] | None) -> None:
        self.paragraphs = paragraphs
        self._paragraph_starts = [p[0] for p in paragraphs]
        self._sentence_starts = [s[0] for s in sentences] if sentences else self._paragraph_starts

    @staticmethod
    def _index(starts: list[int], offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0)

    def paragraph(self, span: Span) -> int:
        return self._index(self._paragraph_starts, span[0])

    def sentences(self, span: Span) -> range:
        last = self._index(self._sentence_starts, max(span[1] - 1, span[0]))
        return range(self._index(self._sentence_starts, span[0]), last + 1)

    def distance(self, a: Span, b: Span) -> tuple[bool, int]:
        """Spans of one sentence first, then the fewest characters apart."""
        apart = self.sentences(a)[-1] < self.sentences(b)[0] or (
            self.sentences(b)[-1] < self.sentences(a)[0]
        )
        return (apart, _gap(a, b))


# A paragraph's words ended ('… bounce back."') and the next one's opened without a
# quotation mark: a quotation going on over paragraphs opens each with one.
_PARAGRAPH_AFTER_END = re.compile(r"[.!?][\"\u201d\u2019]?[ \t]*\n\s*(?=[^\s\"\u201c\u2018'])")


def _closed_at_paragraph(text: str, contents: list[Span]) -> list[Span]:
    """Contents the tagger ran past a paragraph's last sentence into the next paragraph's
    first words ('"Dom is a legend, he'll bounce back." Ferraro'), cut where the paragraph
    ends; what goes on in the next paragraph is a content of its own when it holds a
    statement, and dropped when it is only a few words."""
    out: list[Span] = []
    for start, end in contents:
        cut = False
        while (found := _PARAGRAPH_AFTER_END.search(text, start, end)) is not None:
            out.append((start, found.start() + len(found[0].split("\n")[0].rstrip())))
            start, cut = found.end(), True
        if not cut or len(text[start:end].split()) >= 4:
            out.append((start, end))
    return out


# A closing quotation mark, then the next paragraph or the next quotation's opening mark.
_CLOSES_THEN = re.compile(r"[\"\u201d\u2019](?:\s*\n\s*|[ \t]+(?=[\"\u201c\u2018]))")


def _touching_joined(text: str, contents: list[Span]) -> list[Span]:
    """Contents one space apart at most are one content the tagger cut in two; not a
    sentence that ends a quotation and a quotation opening the next ('… a "war footing".
    "This is not …," he was quoted as saying'): two, each of its own cue."""
    joined: list[Span] = []
    for content in contents:
        closes = _CLOSES_THEN.match(text[content[0] : content[1]])
        if (
            joined
            and closes
            and 0 <= content[0] - joined[-1][1] <= 1
            and closes.end() < content[1] - content[0]
        ):
            # '"That is not the case today.' + '"\nTrade between …': the tagger gave the
            # closing mark to the next paragraph's words, or to the next quotation's ('no
            # majority.' + '" "They want …'); it closes the quotation before
            joined[-1] = (joined[-1][0], content[0] + 1)
            joined.append((content[0] + closes.end(), content[1]))
            continue
        if (
            joined
            and content[0] - joined[-1][1] <= 1
            and not _next_quotation(text, joined[-1], content)
            and not _PARAGRAPH_AFTER_END.search(text, joined[-1][1] - 2, content[0] + 1)
        ):
            joined[-1] = (joined[-1][0], max(joined[-1][1], content[1]))
        else:
            joined.append(content)
    return joined


_SENTENCE_CLOSED = re.compile(r"(?:[.!?][\"\u201d\u2019]|[\"\u201d\u2019][.!?])\s*$")


def _next_quotation(text: str, before: Span, after: Span) -> bool:
    """Whether ``after`` opens a quotation of its own after a sentence ``before`` closes
    with one."""
    return bool(
        _SENTENCE_CLOSED.search(text, before[0], before[1])
        and text[after[0] : after[0] + 1] in OPEN_QUOTES
    )


def _next_reported(text: str, before: Span, after: Span) -> bool:
    """A quotation that ends its sentence, then a new sentence reporting more without
    quotation marks ('"… not about greed." Holt said colleagues had …'): two contents,
    not a quotation split by its cue."""
    return bool(_SENTENCE_CLOSED.search(text, before[0], before[1])) and (
        text[after[0] : after[0] + 1] not in OPEN_QUOTES
    )


def _join_split_quotations(
    text: str, contents: list[Span], cue: Span, source: Span | None
) -> list[Span]:
    """'"A," she said, "B."': the halves around the cue are one content when a comma or a
    quotation mark closes the first and no word but the cue's and its source's lies between
    them ("A, despite the Commission's warning that B" is two)."""
    joined = [contents[0]]
    for content in contents[1:]:
        before = joined[-1]
        between = (before[1], content[0])
        rest = list(text[between[0] : between[1]])
        for span in (cue, source):
            if span is not None and _inside(span, between):
                rest[span[0] - between[0] : span[1] - between[0]] = " " * (span[1] - span[0])
        # what closes the first half, before its speaker: not the commas of "A spokesman for
        # the council, which has used the app since 2020," after another sentence
        speaker_at = min(
            (span[0] for span in (cue, source) if span is not None and span[0] >= before[1]),
            default=cue[0],
        )
        closed = any(mark in text[before[1] - 1 : speaker_at] for mark in SPLIT_MARKS)
        if _next_reported(text, before, content):
            joined.append(content)  # '"… about greed." Holt said several … had taken …'
        elif _inside(cue, between) and closed and not _WORD.search("".join(rest)):
            joined[-1] = (before[0], content[1])
        elif _inside(cue, between) and _quotation_goes_on(text, before, content):
            joined[-1] = (before[0], content[1])
        else:
            joined.append(content)
    return joined


def _quotation_goes_on(text: str, before: Span, after: Span) -> bool:
    """'"A," she said, clapping. "B."': a quotation, its cue's sentence, and the next
    quotation of the same paragraph, with no other cue, are one content, as PolNeAR
    counts them (a split quotation with more than the cue and its source between)."""
    first, second = text[before[0] : before[1]].rstrip(), text[after[0] : after[1]].lstrip()
    between = text[before[1] : after[0]]
    return (
        first.rstrip(",.")[-1:] in CLOSE_QUOTES
        and second[:1] in OPEN_QUOTES
        and "\n" not in between
        and not any(mark in between for mark in QUOTE_MARKS)
        and len(between) <= SAID_BETWEEN
    )


SAID_BETWEEN = 120  # characters of "she said, clapping." between two quotations


_TRAILING_COORDINATOR = re.compile(r"[\s,]+(?:and|but)$", re.IGNORECASE)


def _without_coordinator(text: str, content: Span) -> Span:
    """A content without the "and" that joins it to the next cue ("... by 2026 and
    added ..."): the tagger often reads it as the content's last word."""
    found = _TRAILING_COORDINATOR.search(text, content[0], content[1])
    if found is None or found.start() - content[0] < FRAGMENT:
        return content
    return content[0], found.start()


def _bylines(text: str, contents: list[Span], sources: list[Span]) -> list[Attribution]:
    """'"..." ― Jane Doe': a quotation signed with a dash; the dash is the cue."""
    joined: set[Span] = set()
    signed = []
    for content in contents:
        for source in sources:
            between = text[content[1] : source[0]]
            if source in joined or source[0] < content[1] or len(between) > 8:
                continue
            mark = between.strip(BYLINE_SPACE)
            if len(mark) == 1 and mark in DASHES:
                at = content[1] + between.index(mark)
                cue = (at, at + 1)
                quoted = is_quoted(text, *content)
                signed.append(Attribution(cue, source, content, quoted, "inverted"))
                joined.add(source)
                break
    return signed


def _announced(text: str, before: Span, content: Span) -> bool:
    """A paragraph opening with what the one before announced: that one ends with a colon
    ("The senator told the crowd:"), or this one opens with a quotation mark. A headline's
    cue ("Minister says talks will continue") says nothing of the next paragraph."""
    return text[before[0] : before[1]].rstrip().endswith(":") or (
        text[content[0] : content[0] + 1] in QUOTE_MARKS
    )


# A content that opens a "that" clause, and what may stand between its verb and it: a
# listener, a time ("told investigators on Monday that").
_THAT_CLAUSE = re.compile(r"that\s")
_LISTENER_GAP = re.compile(r"[ \t]+(?:[\w'\u2019.-]+[ \t]+){0,6}")
# A relative clause between a content and a cue: "…, which analysts expect".
_WHICH_THEN = re.compile(r"[\s,]*(?:which|that)\s+[^,.;:]{1,60}$")


def link(
    text: str,
    spans: list[tuple[str, int, int]],
    paragraphs: list[Span],
    sentences: list[Span] | None = None,
    ruled: list[Span] = (),
) -> tuple[list[Attribution], dict[str, list[Span]]]:
    """Relations from tagged spans, and the sources and contents that joined none.

    ``ruled`` are the cues the rules found. A content in a sentence with one of them is not
    joined to a cue of a later sentence: "Network Rail said the line was closed.
    "Please do not travel," a spokesperson said." The tagger may miss the first "said" and
    tag its whole sentence as a content; the spokesperson did not say it, and left loose it
    goes to the rules' relation of its own sentence (``ArticleAttributions``).
    """
    layout = _Layout(paragraphs, sentences)
    ruled_sentences = {i for cue in ruled for i in layout.sentences(cue)}

    def later(cue: Span, content: Span) -> bool:
        """The cue is in a sentence after the content's, which has a cue of the rules."""
        return layout.sentences(cue)[0] > layout.sentences(content)[-1] and any(
            i in ruled_sentences for i in layout.sentences(content)
        )

    by_kind: dict[str, list[Span]] = {"CUE": [], "SOURCE": [], "CONTENT": []}
    for kind, start, end in sorted(spans, key=lambda s: (s[1], s[2])):
        by_kind[kind].append((start, end))
    sources, cues = _capitalised_time_word(
        text, _without_preposition(text, by_kind["SOURCE"]), by_kind["CUE"]
    )
    # "The department today announced": a time word tagged as a cue of its own says nothing.
    cues = [c for c in cues if not _only(text, c, TIME_WORDS)]
    contents, fragments = [], []
    for content in _touching_joined(text, _closed_at_paragraph(text, by_kind["CONTENT"])):
        (contents if content[1] - content[0] >= FRAGMENT else fragments).append(content)
    found = _bylines(text, contents, sources)
    signed = {s for r in found for s in (r.content, r.source) if s is not None}
    contents = [c for c in contents if c not in signed]
    sources = [s for s in sources if s not in signed]
    contents_of: dict[Span, list[Span]] = {cue: [] for cue in cues}
    for content in contents:
        here = layout.paragraph(content)
        near = [c for c in cues if layout.paragraph(c) == here]
        if (
            not near
            and here > 0
            and content[0] == paragraphs[here][0]
            and _announced(text, paragraphs[here - 1], content)
        ):
            # a block quotation opening the paragraph after "... said:"
            near = [c for c in cues if layout.paragraph(c) == here - 1][-1:]
        near = [c for c in near if not later(c, content)]
        # "told investigators that A, according to an affidavit": a "that" clause is the
        # verb's before it, however near a cue after it stands
        before_that = [
            c
            for c in near
            if _THAT_CLAUSE.match(text, content[0])
            and c[1] <= content[0]
            and _LISTENER_GAP.fullmatch(text, c[1], content[0])
        ]
        near = before_that or near
        if near:
            contents_of[min(near, key=lambda c: layout.distance(c, content))].append(content)
    said = {c for spoken in contents_of.values() for c in spoken}
    for cue in cues:
        if contents_of[cue]:
            continue
        here = layout.paragraph(cue)
        near = [c for c in contents if layout.paragraph(c) == here and not later(cue, c)]
        if near:
            # Another cue's content, in another sentence: a second speaker of it is a guess.
            nearest = min(near, key=lambda c: layout.distance(c, cue))
            if nearest in said and (
                layout.distance(nearest, cue)[0]
                # "…, which analysts expect in 2027": what the clause's "which" means,
                # not the whole of what the first speaker said
                or _WHICH_THEN.match(text, nearest[1], cue[0])
            ):
                near = []
        following = [c for c in contents if layout.paragraph(c) == here + 1]
        if near:
            contents_of[cue].append(min(near, key=lambda c: layout.distance(c, cue)))
        elif (
            following
            and following[0][0] == paragraphs[here + 1][0]
            and not any(layout.paragraph(c) == here + 1 for c in cues)
        ):
            # a block quotation after a cue with nothing to say in its own paragraph; not one
            # whose own cue follows it ('"A," Raman wrote' after "The device, called the Arc,")
            contents_of[cue].append(following[0])
        elif near := [c for c in fragments if layout.paragraph(c) == here]:
            contents_of[cue].append(min(near, key=lambda c: layout.distance(c, cue)))
    speaking = [c for c in cues if contents_of[c]]
    sentences_of_sources = {i for source in sources for i in layout.sentences(source)}

    def reaches(source: Span, cue: Span) -> bool:
        """In the cue's paragraph, and in its sentence where that sentence names a source:
        "Fennimore did not answer directly and said" is not said by the Harmon of the
        sentence before."""
        if layout.paragraph(source) != layout.paragraph(cue):
            return False
        own = layout.sentences(cue)
        return bool(set(layout.sentences(source)) & set(own)) or not (
            sentences_of_sources & set(own)
        )

    pairs = sorted(
        (layout.distance(source, cue), source, cue)
        for source in sources
        for cue in speaking
        if reaches(source, cue)
    )
    source_of: dict[Span, Span] = {}
    for _, source, cue in pairs:
        if cue not in source_of and source not in source_of.values():
            source_of[cue] = source
    for cue in speaking:
        source = source_of.get(cue)
        for content in _join_split_quotations(text, contents_of[cue], cue, source):
            content = _without_coordinator(text, content)
            quoted = is_quoted(text, *content)
            found.append(Attribution(cue, source, content, quoted, _order(cue, source, content)))
    joined = {s for r in found for s in (r.content, r.source) if s is not None}
    loose = {
        "SOURCE": [s for s in sources if s not in joined],
        "CONTENT": [c for c in contents if not any(_inside(c, j) for j in joined)],
    }
    return found, loose


def assemble(
    text: str,
    spans: list[tuple[str, int, int]],
    paragraphs: list[Span],
    sentences: list[Span] | None = None,
) -> list[Attribution]:
    """Relations from tagged spans: every content with its nearest cue and source."""
    return link(text, spans, paragraphs, sentences)[0]


def _refine(
    text: str, attribution: Attribution, twin: Attribution, found: list[Attribution]
) -> None:
    """Take the tagger's spans for a relation the rules found too, within its nesting.

    The content is the tagger's when the relation's nesting still holds with it: inside the
    outer relation's content (clipped to it), and holding the inner relations' cues and
    sources. The source is the tagger's unless the rules nest the relation and name
    someone else.
    """
    content = twin.content
    fits = True
    empty = attribution.content[1] <= attribution.content[0]
    if attribution.parent is not None and not empty:
        # (a rule relation nested with nothing left to say, "According to the ministry,"
        # inside a misread "the museum has not responded", takes the tagger's whole)
        outer = found[attribution.parent].content
        content = (max(content[0], outer[0]), min(content[1], outer[1]))
        fits = 2 * (content[1] - content[0]) > twin.content[1] - twin.content[0]
    for child in attribution.children:
        inner = found[child]
        if not _inside(inner.cue, content) or (
            inner.source is not None and not _inside(inner.source, content)
        ):
            fits = False
    if any(other.coordinated and _inside(other.cue, content) for other in found):
        fits = False  # "... and added ...": what follows "and" is said again, not nested
    if (
        attribution.order == "pre"
        and attribution.source is not None
        and attribution.source[1] <= content[0] < attribution.cue[0]
        and attribution.cue[1] <= content[1]
        and text[content[0]] not in QUOTE_MARKS
    ):
        # "Two officials, speaking on condition of anonymity because they were not authorised
        # to discuss the matter, said A": no content holds its own cue
        fits = False
    if not empty and any(_nearer_cues_words(other, attribution, content) for other in found):
        # "A, according to two people …, who asked not to be named because B": the tagger
        # gave "according to" B, the words of a cue between them; the rules' A stands
        fits = False
    if (
        attribution.order in ("post", "inverted")
        and content[0] >= attribution.cue[1] > attribution.content[1]
        and attribution.quoted
    ):
        # '"A," she said. "B."' with the tagger's B for "said": the span the tagger's (as
        # PolNeAR reads it), but A is what this sentence's proposal says
        attribution.said_before = attribution.content
    if (
        fits
        and content[0] < attribution.content[1] > content[1]
        and _INSIDE_ABBREVIATION.search(text, content[0], content[1] + 1)
    ):
        # "the collapse happened at about 6:40 a.m" and the tagger stops, inside "a.m.":
        # the rules read the clause to its end
        content = (content[0], attribution.content[1])
    if (
        fits
        and content[0] < attribution.content[1]
        and _CUT_SHORT.fullmatch(text, content[1], attribution.content[1])
        and CUT_OFF.search(text, content[0], content[1])
    ):
        # "told reporters he would meet union leaders on" Wednesday: the tagger stopped
        # mid-clause, the rules' content goes on to the clause's end
        content = (content[0], attribution.content[1])
    if (
        fits
        and attribution.order in ("post", "source-after")
        and not attribution.quoted
        and attribution.content[0] < content[0]
        and content[1] <= attribution.content[1]
        and not _CLAUSE_BREAK.search(
            text, statement_start(text, attribution.content[0], content[0]), content[0]
        )
    ):
        # "Twenty-two cars left the tracks shortly after 3 a.m. as it crossed a bridge …,
        # the operator said", "The zoo closed its gates to visitors at 10.15 a.m. …,
        # according to a statement": the tagger kept only the words nearest the cue; the
        # rules' whole clause, set off before the speaker, is what was said
        content = attribution.content
    if (
        fits
        and not attribution.quoted
        and attribution.content[0] < content[1] < attribution.content[1]
        and _APPOSITIVE_THEN_VERB.match(text, content[1])
        and _AN_APPOSITIVE_OPEN.search(text, content[0], content[1])
    ):
        # "ruled that ParkLoop, the parking payment app used in 200 towns, misled drivers":
        # the tagger stopped at the subject's appositive; the clause goes on to its verb
        content = (content[0], attribution.content[1])
    if fits:
        attribution.content = content
        attribution.quoted = twin.quoted
    if twin.source is None or bare(text, twin.source):
        return
    if attribution.source is not None and _passed_on(text, attribution.source, twin.source):
        return  # "Analysts quoted by Bloomberg said": not Bloomberg, as a tagger reads it
    nested = attribution.parent is not None or attribution.children
    if attribution.source is None or not nested or _overlaps(twin.source, attribution.source):
        attribution.source = twin.source


def _nearer_cues_words(other: Attribution, attribution: Attribution, content: Span) -> bool:
    """Whether ``content`` is what ``other``, a rule relation whose cue stands between
    ``attribution``'s cue and that content, says."""
    if other is attribution or other.content[1] <= other.content[0]:
        return False
    if not _overlaps(other.content, content) or _overlaps(attribution.content, content):
        return False
    if content[0] >= attribution.cue[1]:
        return attribution.cue[1] <= other.cue[0] and other.cue[1] <= content[0]
    return content[1] <= other.cue[0] and other.cue[1] <= attribution.cue[0]


# The appositive the tagger's content ends in: "ParkLoop, the parking payment app …".
_AN_APPOSITIVE_OPEN = re.compile(r"\w,\s+(?:the|a|an)\s+[^,;:\"\u201c\u201d]+$")
# A comma closing a subject's appositive, then the clause's verb: ", misled drivers".
_APPOSITIVE_THEN_VERB = re.compile(r",\s+(?:(?:has|had|have|was|were|is|would|will)\s+)?[a-z]+ed\b")
# What parts two clauses that each may be said: a comma, semicolon, colon, dash or quotation.
_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013\"\u201c\u201d]|\s-\s")
# A span ending inside an abbreviation, its full stop next: "6:40 a.m", "the U.S".
_INSIDE_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){1,3}[A-Za-z]\.$")
# The few words a tagger's content may stop short of, to the end of the rules' content: no
# mark of another clause or quotation among them.
_CUT_SHORT = re.compile(r"(?:\s+[\w.'’-]+){1,4}\s*")


# A court's or an inquest's verdict, which the tagger may read as a cue: "found guilty of".
_VERDICT = re.compile(
    r"(?:found|finds|find)\s+(?:not\s+)?(?:guilty|liable|innocent|dead|alive|responsible"
    r"|unconscious|unfit)\b",
    re.IGNORECASE,
)


class ArticleAttributions:
    """Relations per sentence of one article; the tagger runs once, on first use."""

    def __init__(
        self,
        text: str,
        *,
        use_model: bool | None = None,
        backend: str | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        from claims.suggestions.tagger import model_available

        self.text = text
        self.progress = progress
        self.use_model = model_available() if use_model is None else use_model
        self.backend = backend
        self._model: list[Attribution] | None = None
        self._loose: dict[str, list[Span]] = {"SOURCE": [], "CONTENT": []}

    def _model_relations(self) -> list[Attribution]:
        if self._model is None:
            from claims.sentences import paragraphs, split_sentences
            from claims.suggestions.tagger import tag_spans

            spans = tag_spans(self.text, self.backend, progress=self.progress)
            sentences = [(s.start, s.end) for s in split_sentences(self.text)]
            ruled = [cue for start, end in sentences for cue in self._ruled_cues(start, end)]
            self._model, self._loose = link(
                self.text, spans, paragraphs(self.text), sentences, ruled
            )
        return self._model

    def _ruled_cues(self, start: int, end: int) -> list[Span]:
        """The cues the rules find in a sentence, outside its quotations: a cue inside one
        is the quoted speaker's phrasing, and the quotation is someone's content."""
        quoted = [(a, b if b is not None else end) for a, b in quotations(self.text, start, end)]
        return [
            a.cue
            for a in extract(self.text, start, end)
            if not any(q[0] < a.cue[0] < q[1] for q in quoted)
        ]

    def _adopt(self, attribution: Attribution) -> bool:
        """Keep a rule relation the tagger has no cue for when it says what the tagger
        found loose: a content attached to no cue, with the tagger's boundaries."""
        content = next(
            (c for c in self._loose["CONTENT"] if _overlaps(c, attribution.content)), None
        )
        if content is None:
            content = self._after_colon(attribution.content)
        if content is None:
            return False
        attribution.content = content
        attribution.quoted = is_quoted(self.text, *content)
        if attribution.source is not None:
            attribution.source = next(
                (s for s in self._loose["SOURCE"] if _overlaps(s, attribution.source)),
                attribution.source,
            )
        return True

    def _after_colon(self, content: Span) -> Span | None:
        """ "The senator told the crowd:" and a quotation opening the next paragraph: the
        rules read the listener as the content, the tagger the quotation, without a cue."""
        colon = _COLON_BREAK.match(self.text, content[1])
        if colon is None:
            return None
        return next((c for c in self._loose["CONTENT"] if c[0] == colon.end()), None)

    def in_sentence(self, start: int, end: int) -> list[Attribution]:
        """The sentence's relations: the tagger's, with the rules' nesting and extra hops.

        A tagged cue inside the content of a rule relation with another cue is left out:
        the rules already read who speaks there, and a belief word in reported speech
        ("China hopes ..., Wang told Orban") is not a hop of its own in a chain of who
        passed the claim on.
        """
        found = extract(self.text, start, end)
        quoting = quoted_as_saying(self.text, start, found)
        if not self.use_model:
            end_before_asides(self.text, found)
            return found
        model = [r for r in self._model_relations() if start <= r.cue[0] < end]
        kept: list[Attribution] = []
        twinned: set[int] = set()
        extra: list[Attribution] = []
        ruled = [a.source for a in found]
        for attribution in found:
            if any(attribution is a for q in quoting for a in (q.speaker, q.reporter)):
                # read as the rules read it; the tagger's relations there are misreadings
                kept.append(attribution)
                twinned.update(
                    i for i, r in enumerate(model) for q in quoting if _overlaps(r.cue, q.words)
                )
                continue
            twins = [i for i, r in enumerate(model) if _gap(r.cue, attribution.cue) == 0]
            if not twins:
                if (
                    attribution.order == "source-after"
                    or attribution.coordinated
                    or any(found[child].cites for child in attribution.children)
                    or _inner_hop(self.text, attribution, found)
                    or _saying_after(self.text, attribution, model)
                    or self._adopt(attribution)
                    or _said_at_the_end(self.text, attribution, end)
                ):
                    kept.append(attribution)
                    outer = found[attribution.parent] if attribution.parent is not None else None
                    if outer is not None and _according_to_before(self.text, attribution, outer):
                        # the tagger may end the report at the speaker's cue ("According to
                        # the indictment, Smith told"): it holds what the speaker says
                        outer.content = (
                            outer.content[0],
                            max(outer.content[1], attribution.content[1]),
                        )
                continue
            best = max(
                twins,
                key=lambda i: (
                    _overlaps(model[i].content, attribution.content),
                    -_gap(model[i].content, attribution.cue),
                ),
            )
            twin = model[best]
            if _read_backwards(attribution, twin):
                # "Two members of the board, who asked not to be named, said Dahlgren had
                # clashed …": the rules' inverted reading took the speaker for the words
                subject = twin.source or _subject_of(self.text, attribution.content)
                attribution.source, attribution.content = subject, twin.content
                attribution.order, attribution.children = twin.order, []
            if attribution.children:
                twin = _joined_contents(self.text, twin, [model[i] for i in twins])
            else:
                twin = _spanned_by_rule(self.text, twin, [model[i] for i in twins], attribution)
            _refine(self.text, attribution, twin, found)
            kept.append(attribution)
            twinned.update(twins)
            said = [a.content for a in found if a is not attribution]
            for i in twins:
                content = model[i].content
                if (
                    i != best
                    and not any(
                        _overlaps(content, span)
                        for span in (attribution.content, attribution.source, *said)
                        if span is not None
                    )
                    and not _told_later(self.text, model[i], end)
                ):
                    # another content of the same cue: the same speaker says it
                    extra.append(_tagged(model[i], attribution.source))
        for i, relation in enumerate(model):
            if i in twinned or any(
                _inside(relation.cue, a.content) and _gap(relation.cue, a.cue) > 0 for a in kept
            ):
                continue
            if any(a.source and _passed_on(self.text, a.source, relation.cue) for a in kept):
                continue  # "Analysts quoted by Bloomberg said": "quoted" says through whom
            if _VERDICT.match(self.text, relation.cue[0]):
                continue  # "Companies found guilty of operating a cartel": no one speaks
            tagged = _tagged(relation, relation.source)
            for a in kept:
                if _saying_after(self.text, a, [relation]):
                    # "rejected that argument, writing that A": A is the writing's
                    comma = self.text.rindex(",", tagged.content[0], a.cue[0])
                    tagged.content = (tagged.content[0], comma)
            extra.append(tagged)
        # "denied reports that A": what the reports say is no report of the speaker's
        # and "…, which had warned against X": the pronoun's words come after it
        text = self.text
        kept = [r for r in kept if not (_denied_noun(text, r) or _before_which(text, r))]
        extra = [r for r in extra if not (_denied_noun(text, r) or _before_which(text, r))]
        # ", as first reported by Pharmacy Weekly": through whom, an outlet hop of the
        # speaker's (``outlets.outlet_told``), not a report of its own
        passed = [r for r in (*kept, *extra) if _passed_on_after(text, r, (*kept, *extra))]
        kept = [r for r in kept if r not in passed]
        extra = [r for r in extra if r not in passed]
        for relation in (*kept, *extra):
            if _claims_as_noun(self.text, relation):
                relation.source = None  # "amid claims that": whose, the sentence does not say
        kept, extra = _passives_read(self.text, kept, extra, end)
        _share_speakers(found, ruled)
        for attribution in kept:
            attribution.parent = None
            attribution.children = []
        nest(kept, self.text)
        kept.extend(extra)
        nest(kept, self.text)  # links only what is not nested yet: the rules' nesting stands
        _according_to_inside(self.text, kept)
        relink(kept, quoting)
        past_own_hops(self.text, kept)
        end_before_asides(self.text, kept)
        _subjects_before_asides(self.text, start, kept)
        self._sources_run_on(kept)
        _sources_completed(self.text, kept)
        # a source run on to its end ("a report last week by" + "the trade publication
        # PanelWatch") now reaches the ", which cited X" that qualifies it
        nest(kept, self.text)
        return kept

    def _sources_run_on(self, kept: list[Attribution]) -> None:
        """ "figures released on Monday by" and, tagged apart, "property data firm
        CoreMetrics": a source ending in "by" or "from" goes on to the tagger's loose
        source right after it."""
        for attribution in kept:
            source = attribution.source
            relative = source and _ENDS_WITH_RELATIVE.search(self.text, *source)
            if relative and relative.start() > source[0]:
                # "A nurse at the hospital, who": the relative clause, cut off, is no part
                attribution.source = source = (source[0], relative.start())
            if source is None or not _ENDS_WITH_BY.search(self.text, *source):
                continue
            after = next((s for s in self._loose["SOURCE"] if s[0] >= source[1]), None)
            if after is not None and not self.text[source[1] : after[0]].strip():
                attribution.source = (source[0], after[1])


def _said_at_the_end(text: str, attribution: Attribution, end: int) -> bool:
    """ "There was no release of radioactivity, it added.": a speaker and a verb of speech
    closing the sentence after a comma say all before them, whether or not the tagger
    marked the cue."""
    if attribution.order != "post" or attribution.source is None:
        return False
    start = min(attribution.cue[0], attribution.source[0])
    tail = text[max(attribution.cue[1], attribution.source[1]) : end].strip(' .\n"\u201d')
    words = text[attribution.cue[0] : attribution.cue[1]].lower().split()
    return (
        not tail
        and text[:start].rstrip().endswith(",")
        and bool(words)
        and words[-1] in SPEECH_WORDS
        and len(text[attribution.source[0] : attribution.source[1]].split()) <= 4
    )


def _according_to_inside(text: str, found: list[Attribution]) -> None:
    """ "According to a Commission official, A, Bloomberg reported": the official's words
    reached the article through Bloomberg, a chain, though the two relations say the same
    content and so neither holds the other's cue."""
    for i, inner in enumerate(found):
        if inner.parent is not None or inner.children or inner.cue[1] > inner.content[0]:
            continue
        if not text[inner.cue[0] : inner.cue[1]].lower().startswith("according"):
            continue
        for j, outer in enumerate(found):
            if (
                j != i
                and outer.parent is None
                and outer.source is not None
                and outer.cue[0] >= inner.content[1]
                and _overlaps(outer.content, inner.content)
            ):
                inner.parent = j
                outer.children.append(i)
                break


_ENDS_WITH_RELATIVE = re.compile(r",?\s+(?:who|which|that|whose)\s*$")
_ENDS_WITH_BY = re.compile(r"\s(?:by|from)\s*$")
_PASSED_ON_BY = re.compile(rf"\s+(?:{'|'.join(sorted(SEEN_BY))})\s+by\s+")


def _passed_on(text: str, source: Span, part: Span) -> bool:
    """Whether ``part`` is the outlet a source was "quoted by" or "cited by", or the
    participle itself: the source is whoever it names before them."""
    found = _PASSED_ON_BY.search(text, *source)
    return found is not None and source[0] < found.start() and found.start() <= part[0]


def _passives_read(
    text: str, kept: list[Attribution], extra: list[Attribution], end: int
) -> tuple[list[Attribution], list[Attribution]]:
    """The relations once each passive cue is read as one ("have been accused", "was told").

    Its speaker is the agent after "by" ("was told by police"), else nobody named. Before
    the cue stands whom the words are about or were said to ("Ministers have been
    accused"), which is no content when the cue says one after it; "A story was told by
    The Daily Caller", "The diagnosis was confirmed" have only their subject to say, and
    PolNeAR reads it as their content. A relation nobody is named for stays, without a
    source, as PolNeAR has it: proposals give it no speaker (``propose._speaks_for_the_sentence``).
    """
    relations = kept + extra
    agents: dict[int, Span | None] = {}
    for relation in relations:
        if passive(text, relation.cue):
            agents[id(relation)] = by_agent(text, relation.cue, end)

    def stands(relation: Attribution) -> bool:
        if id(relation) not in agents:
            return True
        agent = agents[id(relation)]
        if agent is not None and _overlaps(relation.content, agent):
            return False  # the agent read as what was said
        if relation.content[1] <= relation.cue[0] and not relation.quoted:
            said_after = any(
                other.cue == relation.cue and other.content[0] >= relation.cue[1]
                for other in relations
            )
            if said_after:
                return False
        relation.source = agent
        return True

    kept = [a for a in kept if stands(a)]
    extra = [a for a in extra if stands(a)]
    return kept, extra


def _share_speakers(found: list[Attribution], ruled: list[Span | None]) -> None:
    """ "Natalie Brooks, an analyst at X, said A but warned B": a coordinated relation
    speaks with its lead's source, as the tagger bounds it, when the rules gave both one."""
    for index, attribution in enumerate(found):
        if not attribution.coordinated or attribution.source != ruled[index]:
            continue
        lead = next(
            (j for j in range(index - 1, -1, -1) if ruled[j] == ruled[index] and j != index),
            None,
        )
        if lead is not None:
            attribution.source = found[lead].source


# Verbs that pass words on, as opposed to belief ("thinks") or action ("called for").
SAYING = {
    "said", "says", "told", "tells", "stated", "announced", "reported", "wrote", "added",
    "confirmed", "claimed", "warned", "insisted", "argued", "noted", "declared", "explained",
    "testified", "acknowledged", "admitted", "revealed", "disclosed", "asserted",
}  # fmt: skip
_COLON_BREAK = re.compile(r"[ \t]*:[ \t]*\n\s*")
_APART = re.compile(r"[\s,;:]*")


def _joined_contents(text: str, twin: Attribution, twins: list[Attribution]) -> Attribution:
    """The twin with its cue's other contents that only punctuation parts from it: "A,
    Wang told Orban, Xinhua said" tagged flat gives Xinhua two contents, "A" and "Wang told
    Orban", where the rules read one that holds Wang's relation."""
    start, end = twin.content
    grown = True
    while grown:
        grown = False
        for other in twins:
            a, b = other.content
            if a >= end and _APART.fullmatch(text, end, a):
                end, grown = b, True
            elif b <= start and _APART.fullmatch(text, b, start):
                start, grown = a, True
    return replace(twin, content=(start, end))


def _read_backwards(rule: Attribution, twin: Attribution) -> bool:
    """Whether the rules read a relation inverted where the tagger reads the same cue with
    the rules' content as its source and the rules' source as its content."""
    return (
        rule.order == "inverted"
        and twin.order == "pre"
        and rule.source is not None
        and twin.content[0] >= rule.cue[1]
        and _overlaps(twin.content, rule.source)
        and (twin.source is None or _overlaps(twin.source, rule.content))
    )


def _subject_of(text: str, span: Span) -> Span:
    """The noun phrase opening ``span``, without the clause set off after it ("Two
    members of the board, who asked not to be named")."""
    cut = re.search(r",\s", text[span[0] : span[1]])
    return (span[0], span[0] + cut.start()) if cut else span


def _spanned_by_rule(
    text: str, twin: Attribution, twins: list[Attribution], rule: Attribution
) -> Attribution:
    """The twin grown over the next of its cue's contents inside the rules' one content
    when it is only that one's subject, an aside between them: "said the landing,
    originally scheduled for 0720 GMT, had been postponed", tagged as two contents, is one
    thing said ("the tram would open; the line would cost less" stays two)."""
    parts = sorted(
        other.content
        for other in twins
        if _inside(other.content, rule.content) and other.content[0] >= other.cue[1]
    )
    if twin.content not in parts:
        return twin
    at = parts.index(twin.content)
    if at + 1 == len(parts) or states(text, twin.content):
        return twin
    if not text[twin.content[1] : parts[at + 1][0]].lstrip().startswith(","):
        return twin
    return replace(twin, content=(twin.content[0], parts[at + 1][1]))


def _inner_hop(text: str, attribution: Attribution, found: list[Attribution]) -> bool:
    """A speaker inside another's report, the hop a flat tagger cannot give, since it tags
    one content there: named after what they said ("A, Wang told Orban, Xinhua said"), or
    named before it, by a verb of saying, in a report whose cue comes after and outside any
    quotation ("Wang told Orban that A, the newspaper reported"; "The senator said A,
    according to Elliptic"), or after an "according to" that opens the sentence
    ("According to court filings, Quorvex argued that A"). Within a quotation, or with a
    pronoun or a verb of belief, such a cue is mostly the quoted person's own phrasing, not
    a hop (PolNeAR's dev)."""
    if attribution.parent is None or attribution.source is None:
        return False
    if attribution.order in ("post", "inverted"):
        return True
    outer = found[attribution.parent]
    according = _according_to_before(text, attribution, outer)
    if attribution.order != "pre" or (outer.cue[0] < attribution.content[1] and not according):
        return False
    words = text[attribution.source[0] : attribution.source[1]].split()
    described = according and words[0] == "the" and len(words) <= 3  # "the arbiter also said"
    # "In the United States, the Federal Digital Assets Commission said A, the Ledger
    # reported": a name with its "the", after an opening phrase
    the_name = words[0] == "the" and len(words) > 1 and words[1][:1].isupper()
    if not (words[0][:1].isupper() or described or the_name) or (
        words[-1].lower() in SPEAKER_PRONOUNS
    ):
        return False
    if text[attribution.cue[0] : attribution.cue[1]].split()[-1].lower() not in SAYING:
        return False
    return not any(mark in text[outer.content[0] : attribution.cue[0]] for mark in QUOTE_MARKS)


def _saying_after(text: str, attribution: Attribution, model: list[Attribution]) -> bool:
    """Whether a rule's ", writing that A" (no speaker of its own) stands inside a content
    the tagger gave another cue: "The judge rejected that argument, writing that A" is the
    judge's A, not the words of "rejected"."""
    if attribution.source is not None or attribution.cue[1] > attribution.content[0]:
        return False
    if text[attribution.cue[0] : attribution.cue[1]].lower() not in _SAYING_PARTICIPLES:
        return False
    if not re.search(r",\s*$", text[max(0, attribution.cue[0] - 3) : attribution.cue[0]]):
        return False
    return any(
        r.cue[1] <= attribution.cue[0] and r.content[0] < attribution.cue[0] < r.content[1]
        for r in model
    )


_SAYING_PARTICIPLES = frozenset(
    {"saying", "writing", "adding", "noting", "arguing", "warning", "insisting", "stressing"}
)


# A verb turning down what others said, just before their words' noun: "denied reports".
_DENIED_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(REJECTS))}|played\s+down)"
    r"(?:\s+(?:the|any|all|such|media|press|earlier))*\s+$",
    re.IGNORECASE,
)


_AS_REPORTED_BY = re.compile(r"\bas\s+(?:first\s+|originally\s+|earlier\s+)?$", re.IGNORECASE)


def _passed_on_after(text: str, relation: Attribution, found) -> bool:
    """ "X said A, as first reported by Y": the "reported" is how X's words came, when a
    speaker said them before it; alone ("A was leaked, as reported by Y") it is Y's report."""
    if not _AS_REPORTED_BY.search(text, max(0, relation.cue[0] - 30), relation.cue[0]):
        return False
    return any(
        other is not relation and other.source is not None and other.cue[1] <= relation.cue[0]
        for other in found
    )


def _before_which(text: str, relation: Attribution) -> bool:
    """ "rated by the weather service, Meteo-Alpes, which had warned against all skiing": a
    relative pronoun's words come after it; the tagger's content before it is the main
    clause, which the pronoun's cue does not report."""
    source = relation.source
    if source is None or text[source[0] : source[1]].strip().lower() != "which":
        return False
    return relation.content[1] <= source[0]


def _denied_noun(text: str, relation: Attribution) -> bool:
    """ "She denied reports that the bid relied on loans": "reports" is the noun of what
    she denies, no cue; read as one, the claim would be the very thing denied."""
    if text[slice(*relation.cue)].lower() not in OTHERS_WORDS:
        return False
    return _DENIED_BEFORE.search(text, max(0, relation.cue[0] - 40), relation.cue[0]) is not None


# A subject set off before a speaker's aside: "The firm, " of "The firm, he said, would".
_SUBJECT_THEN_ASIDE = re.compile(
    r"[\"\u201c]?(?:[A-Z][\w'\u2019-]*)(?:[ \t]+[\w'\u2019.-]+){0,7}?,[ \t]+$"
)
# What would make the words before the aside a clause of their own, not a subject.
_VERB_BEFORE = re.compile(
    r"\b(?:is|was|were|are|has|had|have|will|would|said|says|did|does|can|could)\b"
)


def _subjects_before_asides(text: str, start: int, kept: list[Attribution]) -> None:
    """ "The firm, he said, would publish its accounts": the words are the subject before the
    aside and the predicate after it, as "which, the prosecution says, show" is; the tagger
    gives the predicate alone, a claim with no subject."""
    for attribution in kept:
        source, content = attribution.source, attribution.content
        if source is None or attribution.quoted or content[0] < attribution.cue[1]:
            continue
        if not (source[1] <= attribution.cue[0] or attribution.cue[1] <= source[0]):
            continue
        first = min(source[0], attribution.cue[0])
        last = max(source[1], attribution.cue[1])
        if text[last : content[0]].strip() != ",":
            continue  # the words go on right after the aside's closing comma
        opening = _SUBJECT_THEN_ASIDE.fullmatch(text, start, first)
        if opening is None or _VERB_BEFORE.search(text, start, first):
            continue
        attribution.content = (opening.start(), content[1])


def _claims_as_noun(text: str, relation: Attribution) -> bool:
    """ "University of Harwick suspends director amid claims donors' children were given
    places": the tagger may read "claims" as the subject's verb, where it is a noun."""
    if text[slice(*relation.cue)].lower() != "claims":
        return False
    before = text[max(0, relation.cue[0] - 30) : relation.cue[0]].split()
    return bool(before) and before[-1].lower() in CLAIMS_AS_NOUN_AFTER


def _sources_completed(text: str, kept: list[Attribution]) -> None:
    """A source the tagger ended on an article or a preposition ("A senior official at
    the") runs on to its noun, short of a comma or the cue: "… at the commission"."""
    for attribution in kept:
        if attribution.source is None:
            continue
        start, end = attribution.source
        passed = _QUOTED_BY_BEFORE.search(text, max(0, start - 160), start)
        if passed is not None and attribution.cue[0] >= end:
            # "A spokeswoman for the ministry, quoted by the state news agency TKA, said":
            # the tagger's source is the agency; she speaks, through it (``outlet_seen``)
            attribution.source = start, end = passed.start("speaker"), end
        named = _NAME_BEFORE_APPOSITIVE.search(text, max(0, start - 120), start)
        set_off = (
            text[start:end].rstrip().endswith(",") or text[end : attribution.cue[0]].strip() == ","
        )
        if (
            named is not None
            and set_off
            and _APPOSITIVE.match(text, start, end)
            and named["name"].split()[0].lower() not in _OPENERS
        ):
            # "LONDON (Reuters) - Meridane Pharmaceuticals, one of Europe's largest generic
            # drug makers, said": the tagger's source is the apposition; the name is its head
            attribution.source = start, end = named.start("name"), end
        if not _ENDS_OPEN.search(text, start, end):
            continue
        # "University of" Harwick: the capitalised words a name runs on with, else the noun
        rest = _NAME_AFTER.match(text, end) or _NOUN_AFTER.match(text, end)
        if rest is not None and (attribution.cue[0] <= start or rest.end() <= attribution.cue[0]):
            attribution.source = (start, rest.end())


_ENDS_OPEN = re.compile(r"\s(?:the|a|an|at|of|for|in|from|with)$", re.IGNORECASE)
# Capitalised where they open a sentence, and no name: "In Brussels, the minister said".
_OPENERS = OPENERS | frozenset(
    {"by", "for", "this", "that", "last", "now", "then", "asked", "speaking", "writing"}
)
_QUOTED_BY_BEFORE = re.compile(
    r"(?:^|[.!?][\"\u201d]?\s+|\n)(?P<speaker>[A-Z][^,.;:\"\u201c\u201d]{0,80}),\s+"
    r"(?:quoted|cited)\s+by\s+$"
)
_APPOSITIVE = re.compile(r"(?:one[ \t]+of|an?|the)[ \t]+\w")
# A name and its comma right before the apposition, at a clause's start (a dateline, a
# sentence, an opening quotation's end)
_NAME_BEFORE_APPOSITIVE = re.compile(
    r"(?:^|[.!?][\"\u201d]?\s+|\)\s+[-\u2013\u2014]\s+|\n)"
    r"(?P<name>[A-Z][\w&'\u2019.-]*(?:[ \t]+(?:(?:of|and|for)[ \t]+)?[A-Z][\w&'\u2019.-]*){0,4})"
    r",[ \t]+$"
)
_NAME_AFTER = re.compile(r"(?:[ \t]+(?:(?:of|and|the|for)[ \t]+)?[A-Z][\w'\u2019&.-]*)+")
_NOUN_AFTER = re.compile(r"(?:\s+[\w'\u2019-]+){1,3}?(?=\s*[,;:.]|\s+(?:said|told|says)\b)")


def _told_later(text: str, relation: Attribution, end: int) -> bool:
    """Whether a second content of a cue is a later sentence's own words, not what the cue
    announced: not quoted, and not after a colon ("a move Karvonia described as hostile. In
    2023, each country expelled …")."""
    return (
        relation.content[0] >= end
        and not relation.quoted
        and not text[relation.cue[1] : relation.content[0]].rstrip().endswith(":")
    )


def _according_to_before(text: str, attribution: Attribution, outer: Attribution) -> bool:
    """Whether ``outer`` is an "according to" said before ``attribution``'s speaker, whose
    words it reports: "According to court filings, Quorvex argued that A". Only with the
    "that" of reported words or a quotation: "According to the Echo-Post, Reyes told the
    squad of his decision" reports what Reyes did, not what he said."""
    return (
        attribution.source is not None
        and outer.source is not None
        and outer.source[1] <= attribution.source[0]
        and text[outer.cue[0] : outer.cue[1]].lower() == "according to"
        and (
            attribution.quoted
            or re.search(r"\bthat\s*$", text[attribution.cue[1] : attribution.content[0]])
            is not None
            or text[attribution.content[0] :].lower().startswith("that ")
        )
    )


def _tagged(relation: Attribution, source: Span | None) -> Attribution:
    return Attribution(
        relation.cue, source, relation.content, relation.quoted, f"{TAGGER} {relation.order}"
    )
