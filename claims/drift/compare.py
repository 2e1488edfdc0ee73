"""What changed between two appearances of one claim, upstream first: the four kinds of drift.

Pure functions over plain values, so the same comparison serves the services,
the migration that backfills stored findings, and tests on constructed pairs.
Quotations are compared as folded words (claims.text: no case, accents,
typographic quotes or dashes), so a curly apostrophe is not drift.

- **wording**: the word-level difference (difflib over folded words); a change
  inside quotation marks is the most serious, since it puts other words in
  someone's mouth;
- **names**: a name-like word, or a chain source, spelled differently
  ("Sandor" → "Shandor");
- **hedging**: qualifiers from the lexicon added, dropped or swapped
  ("reportedly", "will" → "may");
- **attribution**: chain hops dropped, added or relabelled, and a paraphrase
  turned into a quotation (or back).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from claims.drift.lexicon import WEIGHTS, cue_class, find_hedges
from claims.drift.names import same_name, similarity
from claims.text import DOUBLE_QUOTES, fold_for_search, fold_name, fold_with_map

KINDS = ("wording", "names", "hedging", "attribution")
_KIND_ORDER = {kind: number for number, kind in enumerate(KINDS)}
SEVERITIES = ("low", "medium", "high")
NOTHING = "\u2014"  # shown for the empty side of an addition or a drop

# Chain sources and cues repeat across every pair an import compares: fold each once.
_fold_name = functools.lru_cache(maxsize=8192)(fold_name)
_TOKEN = re.compile(r'\w+(?:[-\']\w+)*|"')
_POSSESSIVE = re.compile(r"'s$")
_DOUBLE_MARKS = frozenset(DOUBLE_QUOTES + '"')
_CLOSING_MARKS = frozenset("\u201d\u00bb")
# Words whose change alone rarely changes what a sentence claims.
FUNCTION_WORDS = frozenset(
    """a an the of in on at to for from by with and or but as that this these those
    its it their his her he she they them is are was were be been has have had do does
    did such than then there which who whom whose what while also so up out into over""".split()
)


@dataclass(frozen=True)
class ChainLink:
    """One hop of an appearance's chain, as stored."""

    source_id: int
    name: str
    cue: str | None
    role: str  # stated | origin | publisher


@dataclass(frozen=True)
class Side:
    """One appearance as drift sees it: the quotation, whether it is quoted, and its chain."""

    appearance_id: int
    quote: str
    quoted: bool
    publisher_id: int
    chain: tuple[ChainLink, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One difference from an upstream appearance to a downstream one."""

    kind: str
    severity: str
    before: str
    after: str
    detail: str
    source_id: int | None = None  # the chain source it is about, for names and attribution


@dataclass
class _Token:
    key: str  # folded; possessive, hyphens and apostrophes dropped
    start: int  # offsets into the original quotation
    end: int
    inside: bool  # inside quotation marks
    name_like: bool  # capitalised in the original
    explained: bool = field(default=False)


def _kind_order(finding: Finding) -> int:
    return _KIND_ORDER[finding.kind]


def compare(before: Side, after: Side) -> list[Finding]:
    """Every finding from ``before`` (upstream) to ``after`` (downstream), in a stable order."""
    findings: list[Finding] = []
    if not _same_words(before.quote, after.quote):
        # Equal folded text means equal word keys: no hedging or word change to look for.
        tokens_a, tokens_b = _tokens(before), _tokens(after)
        findings = _hedging(tokens_a, tokens_b)
        findings += _word_changes(tokens_a, tokens_b, before.quote, after.quote)
    findings += _attribution(before, after)
    if len(findings) < 2:
        return findings
    return sorted(findings, key=_kind_order)  # stable: text order kept within a kind


# --- words ---------------------------------------------------------------------------------


def _same_words(a: str, b: str) -> bool:
    """Whether two quotations differ at most typographically (the common case: a copy)."""
    return a == b or fold_for_search(a) == fold_for_search(b)


def _tokens(side: Side) -> list[_Token]:
    """The quotation's words, with whether each sits inside quotation marks.

    A quotation recorded as ``quoted`` that holds no marks of its own lies wholly
    inside someone's quotation; one whose first mark is a closing one (” or »)
    starts inside one. Otherwise its own marks open and close, and a mark left
    open runs to the end, as in copy that forgot to close it.
    """
    folded, index = fold_with_map(side.quote)
    marks = folded.count('"')
    first_mark = next((c for c in side.quote if c in _DOUBLE_MARKS), None)
    inside = side.quoted and (marks == 0 or first_mark in _CLOSING_MARKS)
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(folded):
        if match.group() == '"':
            inside = not inside
            continue
        start, end = index[match.start()], index[match.end() - 1] + 1
        original = side.quote[start:end]
        key = _POSSESSIVE.sub("", match.group()).replace("-", "").replace("'", "")
        tokens.append(_Token(key, start, end, inside, original[:1].isupper()))
    return tokens


def _span(quote: str, tokens: list[_Token]) -> str:
    """The words of ``tokens`` as the quotation writes them, with the brackets and quotation
    marks they open closed: `and "@SUM(1)"`, not `and "@SUM(1`."""
    if not tokens:
        return NOTHING
    start, end = tokens[0].start, tokens[-1].end
    while end < len(quote):
        # A mark closing what the words open, right after them or after their punctuation
        # ('"the plan."'): taken with what lies between.
        mark = end + len(quote[end:]) - len(quote[end:].lstrip(_BEFORE_CLOSING))
        if mark >= len(quote) or not _still_open(quote[start:end], quote[mark]):
            break
        end = mark + 1
    return " ".join(quote[start:end].split())


_BEFORE_CLOSING = ".,;:!?"


# Closing marks, each with the marks that open it ('"' both opens and closes).
_CLOSES = {")": "(", "]": "[", "}": "{", "\u201d": "\u201c", "\u00bb": "\u00ab", '"': '"'}


def _still_open(span: str, char: str) -> bool:
    """Whether ``char``, just after ``span``, closes a bracket or quotation ``span`` opens."""
    opener = _CLOSES.get(char)
    if opener is None:
        return False
    if opener == char:  # a straight mark: open while the span holds an odd number
        return span.count(char) % 2 == 1
    return span.count(opener) > span.count(char)


def _hedging(a: list[_Token], b: list[_Token]) -> list[Finding]:
    """One finding when lexicon phrases differ; the words it explains leave the word diff."""
    matches_a = find_hedges([t.key for t in a])
    matches_b = find_hedges([t.key for t in b])
    count_a = Counter(m.phrase for m in matches_a)
    count_b = Counter(m.phrase for m in matches_b)
    dropped, added = count_a - count_b, count_b - count_a
    kinds = {m.phrase: m.kind for m in matches_a + matches_b}
    changed = [p for p in [*dropped, *added] if kinds[p] != "neutral"]
    if not changed:
        return []
    for matches, tokens, gone in ((matches_a, a, dropped), (matches_b, b, added)):
        for match in matches:
            if match.phrase in gone:
                for token in tokens[match.start : match.end]:
                    token.explained = True
    shift = sum(WEIGHTS[kinds[p]] * n for p, n in added.items()) - sum(
        WEIGHTS[kinds[p]] * n for p, n in dropped.items()
    )
    if shift > 0:
        severity, detail = "medium", "more hedged: the statement is held at more distance"
    elif shift < 0:
        severity, detail = "high", "less hedged: a qualifier was dropped, the statement hardened"
    else:
        severity, detail = "low", "one qualifier swapped for another of the same strength"
    return [
        Finding(
            "hedging",
            severity,
            ", ".join(_phrases(dropped)) or NOTHING,
            ", ".join(_phrases(added)) or NOTHING,
            detail,
        )
    ]


def _phrases(counts: Counter) -> list[str]:
    return [phrase for phrase, n in counts.items() for _ in range(n)]


def _word_changes(a: list[_Token], b: list[_Token], quote_a: str, quote_b: str) -> list[Finding]:
    keys_a, keys_b = [t.key for t in a], [t.key for t in b]
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    findings: list[Finding] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old = [t for t in a[i1:i2] if not t.explained]
        new = [t for t in b[j1:j2] if not t.explained]
        findings += _names(old, new, quote_a, quote_b)
        old = [t for t in old if not t.explained]
        new = [t for t in new if not t.explained]
        if old or new:
            findings.append(_wording(old, new, quote_a, quote_b))
    return findings


def _names(old: list[_Token], new: list[_Token], quote_a: str, quote_b: str) -> list[Finding]:
    """Name-like words replaced by a close spelling: the same person, spelled differently."""
    findings = []
    for x in old:
        if not x.name_like:
            continue
        for y in new:
            if y.name_like and not y.explained and same_name(x.key, y.key):
                x.explained = y.explained = True
                findings.append(
                    Finding(
                        "names",
                        "high" if x.inside or y.inside else "medium",
                        quote_a[x.start : x.end],
                        quote_b[y.start : y.end],
                        f"the same name spelled differently (similarity "
                        f"{similarity(x.key, y.key):.0f}/100)",
                    )
                )
                break
    return findings


def _wording(old: list[_Token], new: list[_Token], quote_a: str, quote_b: str) -> Finding:
    action = "replaced" if old and new else "dropped" if old else "added"
    if any(t.inside for t in old + new):
        severity, where = "high", " inside quotation marks"
    elif any(t.key not in FUNCTION_WORDS for t in old + new):
        severity, where = "medium", ""
    else:
        severity, where = "low", " (function words only)"
    return Finding(
        "wording",
        severity,
        _span(quote_a, old),
        _span(quote_b, new),
        f"words {action}{where}",
    )


# --- chains --------------------------------------------------------------------------------


def _upstream(side: Side, other_publisher: int | None = None) -> dict[int, ChainLink]:
    """The chain without its carrier, and without the upstream carrier the other copied."""
    return {
        link.source_id: link
        for link in side.chain
        if link.role != "publisher" and link.source_id != other_publisher
    }


def _label(link: ChainLink) -> str:
    if link.role == "origin":
        return f"{link.name} (the article's origin, not named in the sentence)"
    return f"{link.name} [{link.cue}]" if link.cue else link.name


def _attribution(before: Side, after: Side) -> list[Finding]:
    hops_a = _upstream(before)
    hops_b = _upstream(after, other_publisher=before.publisher_id)
    findings: list[Finding] = []
    dropped = [hops_a[i] for i in hops_a if i not in hops_b]
    added = [hops_b[i] for i in hops_b if i not in hops_a]
    for old in list(dropped):
        twin = next((new for new in added if _same_source(old.name, new.name)), None)
        if twin is not None:
            dropped.remove(old)
            added.remove(twin)
            findings.append(
                Finding(
                    "names",
                    "medium",
                    old.name,
                    twin.name,
                    "two chain sources that look like one, spelled differently: if they are one, "
                    "merge them with `claims source merge`",
                    twin.source_id,
                )
            )
    for link in dropped:
        findings.append(
            Finding("attribution", "high", _label(link), NOTHING, "hop dropped", link.source_id)
        )
    for link in added:
        findings.append(
            Finding("attribution", "medium", NOTHING, _label(link), "hop added", link.source_id)
        )
    for source_id, old in hops_a.items():
        new = hops_b.get(source_id)
        if new is not None and (relabel := _relabel(old, new)) is not None:
            findings.append(relabel)
    findings += _quotation_flip(before, after)
    return findings


@functools.lru_cache(maxsize=65536)  # the same few outlets and agencies, pair after pair
def _same_source(a: str, b: str) -> bool:
    return _fold_name(a) == _fold_name(b) or same_name(_fold_name(a), _fold_name(b))


def _relabel(old: ChainLink, new: ChainLink) -> Finding | None:
    cue_a = old.cue if old.role == "stated" else None
    cue_b = new.cue if new.role == "stated" else None
    if old.role == new.role and _fold_name(cue_a or "") == _fold_name(cue_b or ""):
        return None
    if old.role != "stated" and new.role == "stated":
        severity = "medium"
        detail = "the carrier's own text is now attributed to this source in the sentence"
    elif old.role == "stated" and new.role != "stated":
        severity = "medium"
        detail = "the sentence no longer names this source"
    else:
        class_a, class_b = cue_class(cue_a), cue_class(cue_b)
        if class_a != class_b and WEIGHTS.get(class_b or "", 0) != WEIGHTS.get(class_a or "", 0):
            severity = "medium"
            detail = f"cue changed from {class_a or 'plain'} to {class_b or 'plain'}"
        else:
            severity, detail = "low", "cue changed"
    return Finding("attribution", severity, _label(old), _label(new), detail, new.source_id)


def _has_double_mark(quote: str) -> bool:
    """Whether the quotation holds a double quotation mark of any style, folded."""
    if quote.isascii():
        return '"' in quote  # folding ASCII makes no other character a double mark
    return '"' in fold_for_search(quote)


def _quotation_flip(before: Side, after: Side) -> list[Finding]:
    """An analysis presented as someone's quotation, or a quotation paraphrased."""
    quoted_a = before.quoted or _has_double_mark(before.quote)
    quoted_b = after.quoted or _has_double_mark(after.quote)
    if quoted_a == quoted_b:
        return []
    if quoted_b:
        return [
            Finding(
                "attribution",
                "high",
                "paraphrase",
                "quotation",
                "words not quoted upstream are presented as a quotation",
            )
        ]
    return [
        Finding(
            "attribution",
            "medium",
            "quotation",
            "paraphrase",
            "a quotation upstream is paraphrased downstream",
        )
    ]
