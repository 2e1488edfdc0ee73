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
  ("reportedly", "will" → "may"); inside quotation marks also a misquotation;
- **attribution**: chain hops dropped, added, replaced by another source or
  relabelled, and a paraphrase turned into a quotation (or back). A source
  still credited, only in another place (the article's origin upstream, named
  in the sentence downstream), is a detail, not a lost or added credit; and a
  copy of a copy that carries its upstream's chain on through the upstream
  carrier changed nothing.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from claims.drift.lexicon import (
    CASE_SENSITIVE,
    LOWER,
    NAME,
    START,
    SWAP_ONLY,
    WEIGHTS,
    Match,
    cue_class,
    find_hedges,
)
from claims.drift.names import same_name, similarity
from claims.text import DOUBLE_QUOTES, fold_for_search, fold_name, fold_with_map

KINDS = ("wording", "names", "hedging", "attribution")
_KIND_ORDER = {kind: number for number, kind in enumerate(KINDS)}
SEVERITIES = ("low", "medium", "high")
NOTHING = "\u2014"  # shown for the empty side of an addition or a drop

# Chain sources and cues repeat across every pair an import compares: fold each once.
_fold_name = functools.lru_cache(maxsize=8192)(fold_name)
# A number is one word with its decimal mark, and a currency or a percent sign is a word
# of its own: "$5" and "€5", "5%" and "5", "1.500" and "1,500" say different things.
_UNITS = (
    "$\u20ac\u00a3\u00a5\u20b9\u20bd\u20a9\u20aa\u20ba\u20b4\u20a6\u20b1\u0e3f\u20ab\u00a2%\u2030"
)
_TOKEN = re.compile(r'\d+(?:[.,:/-]\d+)*(?!\w)|\w+(?:[-\']\w+)*|"|[' + _UNITS + "]")
_THOUSANDS = re.compile(r",(?=\d{3}(?!\d))")  # "1,000" is 1000, as written without it
_NUMBER_WORD = re.compile(r"\d+(?:[.,:/-]\d+)*")
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
        matcher = difflib.SequenceMatcher(
            None, [t.key for t in tokens_a], [t.key for t in tokens_b], autojunk=False
        )
        changes = [
            op
            for op in matcher.get_opcodes()
            if op[0] != "equal" and not _rejoined(tokens_a[op[1] : op[2]], tokens_b[op[3] : op[4]])
        ]
        findings = _hedging(tokens_a, tokens_b, changes, before.quote, after.quote)
        findings += _word_changes(tokens_a, tokens_b, changes, before.quote, after.quote)
    findings += _attribution(before, after)
    if len(findings) < 2:
        return findings
    return sorted(findings, key=_kind_order)  # stable: text order kept within a kind


# --- words ---------------------------------------------------------------------------------


def _rejoined(old: list[_Token], new: list[_Token]) -> bool:
    """Words only split or joined: "fuel taxes" and "fuel-taxes", "U.S." and "US", "per
    cent" and "%". Not two numbers made one: "2 3-hour sessions" is not "23-hour"."""
    if not old or not new or _digits_meet(old) or _digits_meet(new):
        return False
    return _PERCENT_WORDS.get(j := "".join(t.key for t in old), j) == _PERCENT_WORDS.get(
        k := "".join(t.key for t in new), k
    )


def _digits_meet(tokens: list[_Token]) -> bool:
    pairs = zip(tokens, tokens[1:], strict=False)
    return any(a.key[-1:].isdigit() and b.key[:1].isdigit() for a, b in pairs)


_PERCENT_WORDS = {"percent": "%", "pct": "%"}


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
        word = match.group()
        if word[:1].isdigit() and _NUMBER_WORD.fullmatch(word):
            key = _THOUSANDS.sub("", word)
        else:
            key = _POSSESSIVE.sub("", word).replace("-", "").replace("'", "")
            key = _PERCENT_WORDS.get(key, key)  # "5 percent", "5 pct" and "5%" say one thing
        tokens.append(_Token(key, start, end, inside, original[:1].isupper()))
    return tokens


# After these, or a quotation mark, a word is capitalised as a sentence's first.
_SENTENCE_BREAK = re.compile("[.!?:([" + re.escape("".join(_DOUBLE_MARKS)) + "]")


def _cases(tokens: list[_Token], quote: str) -> list[str] | None:
    """What each word's capital says, for the lexicon (None: nothing that matters, as no
    word of the lexicon is capitalised): a name's ("Theresa May"), or nothing, where any
    word may have one: a sentence's first word, capitals throughout, a headline in title
    case (every longer word capitalised)."""
    if not any(t.name_like and t.key in CASE_SENSITIVE for t in tokens):
        return None
    long = [t for t in tokens if len(t.key) >= 4 and t.key.isalpha()]
    title = len(long) >= 3 and all(t.name_like for t in long)
    cases, end = [], 0
    for token in tokens:
        if not token.name_like:
            cases.append(LOWER)
        else:
            original = quote[token.start : token.end]
            plain = (
                title
                or not cases
                or _SENTENCE_BREAK.search(quote, end, token.start) is not None
                or (len(original) > 1 and original.isupper())
            )
            cases.append(START if plain else NAME)
        end = token.end
    return cases


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


def _hedging(
    a: list[_Token], b: list[_Token], changes: list[tuple], quote_a: str, quote_b: str
) -> list[Finding]:
    """One finding when lexicon phrases differ; the words it explains leave the word diff.

    Phrases are counted on both sides, so a phrase that only moved is no change. A phrase
    of a swap-only class (a neutral verb, the plain future "will") counts only when the
    stretch of changed words holding it holds, at its place on the other side, a phrase
    of another class: "said" → "claimed" is hedging, but "said" → "announced" is wording,
    and "will be finished" → "is finished" hedges nothing (the tense changed, which the
    word diff reports). Inside quotation marks a changed qualifier is also a misquotation.
    """
    matches_a = find_hedges([t.key for t in a], _cases(a, quote_a))
    matches_b = find_hedges([t.key for t in b], _cases(b, quote_b))
    count_a = Counter(m.phrase for m in matches_a)
    count_b = Counter(m.phrase for m in matches_b)
    if count_a == count_b:
        return []
    stretch_a, stretch_b = _stretches(changes, len(a), len(b))
    gone = _changed(matches_a, count_a - count_b, stretch_a)
    new = _changed(matches_b, count_b - count_a, stretch_b)
    if any(m.kind in SWAP_ONLY for m in gone + new):
        gone, new = _swapped(gone, new, stretch_a, stretch_b)
        if all(m.kind in SWAP_ONLY for m in gone + new):
            return []
    inside = False
    for matches, tokens in ((gone, a), (new, b)):
        for match in matches:
            for token in tokens[match.start : match.end]:
                token.explained = True
                inside = inside or token.inside
    shift = sum(WEIGHTS[m.kind] for m in new) - sum(WEIGHTS[m.kind] for m in gone)
    if shift > 0:
        severity, detail = "medium", "more hedged: the statement is held at more distance"
    elif shift < 0:
        severity, detail = "high", "less hedged: a qualifier was dropped, the statement hardened"
    elif gone and new:
        severity, detail = "low", "one qualifier swapped for another of the same strength"
    else:
        action = "dropped" if gone else "added"
        severity, detail = "low", f"qualifiers pulling both ways {action}: no net change"
    if inside:
        severity = "high"
        detail += "; inside quotation marks, so the quotation itself was altered"
    return [
        Finding(
            "hedging",
            severity,
            ", ".join(m.phrase for m in gone) or NOTHING,
            ", ".join(m.phrase for m in new) or NOTHING,
            detail,
        )
    ]


def _stretches(
    changes: list[tuple], size_a: int, size_b: int
) -> tuple[list[int | None], list[int | None]]:
    """For each word of either side, the number of the changed stretch it lies in (None:
    unchanged), a stretch being one of difflib's replace, delete or insert runs."""
    stretch_a: list[int | None] = [None] * size_a
    stretch_b: list[int | None] = [None] * size_b
    for number, (_, i1, i2, j1, j2) in enumerate(changes):
        stretch_a[i1:i2] = [number] * (i2 - i1)
        stretch_b[j1:j2] = [number] * (j2 - j1)
    return stretch_a, stretch_b


def _stretch(match: Match, stretches: list[int | None]) -> int | None:
    """The first changed stretch a phrase touches ("is said to" → "is believed to" changes
    only its middle word)."""
    return next((n for n in stretches[match.start : match.end] if n is not None), None)


def _changed(matches: list[Match], counts: Counter, stretches: list[int | None]) -> list[Match]:
    """The phrases one side has more of than the other, in text order: of a phrase written
    several times, those among changed words first."""
    chosen: list[Match] = []
    for phrase, n in counts.items():
        candidates = [m for m in matches if m.phrase == phrase]
        if len(candidates) > n:
            candidates.sort(key=lambda m: (_stretch(m, stretches) is None, m.start))
        chosen += candidates[:n]
    return sorted(chosen, key=lambda m: m.start)


def _swapped(
    gone: list[Match], new: list[Match], stretch_a: list[int | None], stretch_b: list[int | None]
) -> tuple[list[Match], list[Match]]:
    """The changed phrases that count: all but those of a swap-only class whose counterpart,
    the phrase at the same place in the same stretch on the other side, is not of a class
    that counts."""
    partner: dict[int, Match] = {}  # id of a phrase -> its counterpart
    for number in {_stretch(m, stretch_a) for m in gone} - {None}:
        here_a = [m for m in gone if _stretch(m, stretch_a) == number]
        here_b = [m for m in new if _stretch(m, stretch_b) == number]
        for x, y in zip(here_a, here_b, strict=False):
            partner[id(x)], partner[id(y)] = y, x

    def counts(match: Match) -> bool:
        if match.kind not in SWAP_ONLY:
            return True
        other = partner.get(id(match))
        return other is not None and other.kind not in SWAP_ONLY

    return [m for m in gone if counts(m)], [m for m in new if counts(m)]


def _word_changes(
    a: list[_Token], b: list[_Token], changes: list[tuple], quote_a: str, quote_b: str
) -> list[Finding]:
    findings: list[Finding] = []
    for _, i1, i2, j1, j2 in changes:
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


def _carrier(side: Side) -> str:
    """The name of the outlet that carries ``side``, as its chain ends."""
    return next(
        (link.name for link in reversed(side.chain) if link.role == "publisher"), "its carrier"
    )


def _attribution(before: Side, after: Side) -> list[Finding]:
    hops_a = _upstream(before)
    hops_b = _upstream(after, other_publisher=before.publisher_id)
    # The downstream names the upstream carrier: it copied or cited that article, whose
    # own credits it carries on through it.
    relies = after.publisher_id != before.publisher_id and any(
        link.source_id == before.publisher_id for link in after.chain
    )
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
    for old, new in _replaced(list(hops_a), list(hops_b), dropped, added):
        dropped.remove(old)
        added.remove(new)
        findings.append(
            Finding(
                "attribution",
                "high",
                _label(old),
                _label(new),
                f"attributed to {new.name} instead of {old.name}",
                new.source_id,
            )
        )
    for link in dropped:
        if relies and link.role == "origin":
            # The upstream article's own credit, never in its sentence: the downstream
            # credits that article, so the trail to this source is whole.
            detail = (
                f"not repeated: {_carrier(after)} credits {_carrier(before)}, "
                f"which gives {link.name} as its origin"
            )
            findings.append(
                Finding("attribution", "low", _label(link), NOTHING, detail, link.source_id)
            )
            continue
        findings.append(
            Finding("attribution", "high", _label(link), NOTHING, "hop dropped", link.source_id)
        )
    for link in added:
        findings.append(
            Finding("attribution", "medium", NOTHING, _label(link), "hop added", link.source_id)
        )
    for source_id, old in hops_a.items():
        new = hops_b.get(source_id)
        if new is not None and (relabel := _relabel(old, new, before, after, relies)) is not None:
            findings.append(relabel)
    findings += _quotation_flip(before, after)
    return findings


def _replaced(
    order_a: list[int], order_b: list[int], dropped: list[ChainLink], added: list[ChainLink]
) -> list[tuple[ChainLink, ChainLink]]:
    """Hops dropped where another source was added in their place: the words credited to
    one source upstream are credited to another downstream."""
    gone = {link.source_id: link for link in dropped}
    come = {link.source_id: link for link in added}
    if not gone or not come:
        return []
    pairs = []
    for op, i1, i2, j1, j2 in _opcodes(order_a, order_b):
        if op != "replace":
            continue
        olds = [gone[i] for i in order_a[i1:i2] if i in gone]
        news = [come[j] for j in order_b[j1:j2] if j in come]
        pairs += zip(olds, news, strict=False)
    return pairs


def _opcodes(a: list[int], b: list[int]) -> tuple[tuple[str, int, int, int, int], ...]:
    """difflib's opcodes from ``a`` to ``b``, two chains' source ids.

    They depend only on which elements are equal, not on the ids themselves, so each id
    is renamed by its first place in ``a + b`` and the opcodes of a shape are computed
    once: chains are short, and a few shapes recur over every pair an import compares,
    while the ids of their sources rarely do.
    """
    names: dict[int, int] = {}
    shape_a = tuple(names.setdefault(x, len(names)) for x in a)
    shape_b = tuple(names.setdefault(x, len(names)) for x in b)
    return _shape_opcodes(shape_a, shape_b)


@functools.lru_cache(maxsize=4096)
def _shape_opcodes(a: tuple[int, ...], b: tuple[int, ...]) -> tuple:
    return tuple(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


@functools.lru_cache(maxsize=65536)  # the same few outlets and agencies, pair after pair
def _same_source(a: str, b: str) -> bool:
    return _fold_name(a) == _fold_name(b) or same_name(_fold_name(a), _fold_name(b))


def _relabel(
    old: ChainLink, new: ChainLink, before: Side, after: Side, relies: bool
) -> Finding | None:
    cue_a = old.cue if old.role == "stated" else None
    cue_b = new.cue if new.role == "stated" else None
    if old.role == new.role and _fold_name(cue_a or "") == _fold_name(cue_b or ""):
        return None
    if old.role == "origin" and new.role == "stated":
        if relies and not cue_b:
            # The upstream chain carried on through the upstream carrier: its origin can
            # only be recorded as a stated hop, before the downstream's own origin.
            return None
        # The same source credited, in the sentence now rather than the article's credit.
        severity = "low"
        detail = (
            f"{new.name} still credited: {_carrier(before)} gives it as the article's origin, "
            f"{_carrier(after)}'s sentence names it"
        )
    elif old.role == "stated" and new.role == "origin":
        severity = "low"
        detail = (
            f"{new.name} still credited: {_carrier(before)}'s sentence names it, "
            f"{_carrier(after)} gives it as the article's origin"
        )
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
