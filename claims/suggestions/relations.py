"""Attribution relations for a whole article: the rules' relations plus the tagger's.

The tagger (``tagger.py``) finds spans; a relation needs a cue with its source and content.
Each tagged cue takes the nearest tagged source and the nearest tagged content of its
paragraph (a cue ending a paragraph with a colon takes the content opening the next one).
The rules keep what they are good at, nesting and the word order of a reporting verb, so a
sentence keeps the rules' relations and gains the tagger's relations whose cue the rules did
not find. Proposals, sources and chains are then built from these exactly as from the rules'.
"""

from __future__ import annotations

from bisect import bisect_right

from claims.suggestions.attribution import Attribution, extract, is_quoted, nest

Span = tuple[int, int]
TAGGER = "tagger"  # the order of a relation only the tagger found starts with this


def _gap(a: Span, b: Span) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _order(cue: Span, source: Span | None, content: Span) -> str:
    if content[1] <= cue[0]:
        return "inverted" if source is not None and source[0] >= cue[1] else "post"
    if source is not None and source[0] >= cue[1]:
        return "source-after"
    return "pre"


def assemble(
    text: str, spans: list[tuple[str, int, int]], paragraphs: list[Span]
) -> list[Attribution]:
    """Relations from tagged spans: each cue with its nearest source and content."""
    starts = [p[0] for p in paragraphs]

    def paragraph_of(offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0)

    by_kind: dict[str, list[Span]] = {"CUE": [], "SOURCE": [], "CONTENT": []}
    for kind, start, end in spans:
        by_kind[kind].append((start, end))
    found = []
    for cue in by_kind["CUE"]:
        here = paragraph_of(cue[0])
        sources = [s for s in by_kind["SOURCE"] if paragraph_of(s[0]) == here]
        source = min(sources, key=lambda s: _gap(s, cue), default=None)
        contents = [c for c in by_kind["CONTENT"] if paragraph_of(c[0]) == here]
        content = min(contents, key=lambda c: _gap(c, cue), default=None)
        if content is None:
            following = [c for c in by_kind["CONTENT"] if paragraph_of(c[0]) == here + 1]
            if following and following[0][0] == paragraphs[here + 1][0]:
                content = following[0]
        if content is None:
            continue
        found.append(
            Attribution(
                cue, source, content, is_quoted(text, *content), _order(cue, source, content)
            )
        )
    return found


def _refine(attribution: Attribution, twin: Attribution) -> None:
    """Take the tagger's boundaries for a relation the rules found too; never its nesting."""
    nested = attribution.parent is not None or attribution.children
    clash = _gap(twin.content, attribution.cue) == 0 or (
        attribution.source is not None and _gap(twin.content, attribution.source) == 0
    )
    if not nested and not clash:
        attribution.content = twin.content
        attribution.quoted = twin.quoted
    if twin.source and attribution.source and _gap(twin.source, attribution.source) == 0:
        attribution.source = twin.source


class ArticleAttributions:
    """Relations per sentence of one article; the tagger runs once, on first use."""

    def __init__(
        self, text: str, *, use_model: bool | None = None, backend: str | None = None
    ) -> None:
        from claims.suggestions.tagger import model_available

        self.text = text
        self.use_model = model_available() if use_model is None else use_model
        self.backend = backend
        self._model: list[Attribution] | None = None

    def _model_relations(self) -> list[Attribution]:
        if self._model is None:
            from claims.sentences import paragraphs
            from claims.suggestions.tagger import tag_spans

            spans = tag_spans(self.text, self.backend)
            self._model = assemble(self.text, spans, paragraphs(self.text))
        return self._model

    def in_sentence(self, start: int, end: int) -> list[Attribution]:
        """The rules' relations of the sentence, plus the tagger's with a cue they missed.

        A tagged cue inside a rule's content is left out: the rules already read who speaks
        there, and a belief word in reported speech ("China hopes ..., Wang told Orban") is
        not a hop of its own in a chain of who passed the claim on. Where both find a cue,
        the tagger's source replaces an overlapping rule source, and its content the rule
        content unless the relation is nested or the content would swallow the cue or the
        source: the tagger learnt PolNeAR's span boundaries, the rules only guess them.
        """
        found = extract(self.text, start, end)
        if not self.use_model:
            return found
        model = [r for r in self._model_relations() if start <= r.cue[0] < end]
        rules = list(found)
        for attribution in rules:
            twin = next((r for r in model if _gap(r.cue, attribution.cue) == 0), None)
            if twin is not None:
                _refine(attribution, twin)
        added = False
        for relation in model:
            cue = relation.cue
            if any(_gap(cue, a.cue) == 0 for a in rules):
                continue
            if any(a.content[0] <= cue[0] < a.content[1] for a in rules):
                continue
            found.append(
                Attribution(
                    relation.cue,
                    relation.source,
                    relation.content,
                    relation.quoted,
                    f"{TAGGER} {relation.order}",
                )
            )
            added = True
        if added:
            nest(found)  # links only what is not nested yet: the rules' nesting stands
        return found
