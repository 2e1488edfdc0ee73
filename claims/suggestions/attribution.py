"""Attribution relations in a sentence: who (source) said (cue) what (content), nested.

Rules over tokens, no model: news attribution is a small, regular grammar (PARC and PolNeAR
find a few dozen verbs and three word orders cover most of it), rules run offline in
milliseconds, and every proposal can say which rule produced it. The word orders:

* pre-posed   ``Wang said he hoped ...``        source, cue, content
* post-posed  ``..., the newspaper points out``  content, source, cue
* inverted    ``"...," said Wang.``             content, cue, source
* ``according to X`` / ``citing X`` / ``quoting X``  the source follows the cue

An attribution whose cue and source lie inside another's content is nested in it:
``A, Wang told Orban, the official Xinhua news agency said`` gives Wang [told] inside
Xinhua [said]. A reporting verb in the passive voice ("have been accused", "was told",
a headline's "accused of") has for subject whom the words are about or were said to: its
speaker is the agent after "by", and with none the sentence names nobody for it (no
relation). Offsets are always into the text given, so spans anchor in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.resolution import SEEN_BY, TIME_WORD
from claims.suggestions.lexicon import (
    AUXILIARIES,
    BE,
    BOUNDARY_WORDS,
    CLAIMS_AS_NOUN_AFTER,
    CLAUSE_WORDS,
    CLOSE_QUOTES,
    COORDINATORS,
    CUE_WORDS,
    DETERMINERS,
    NEEDS_THAT,
    NOMINAL_CUES,
    NOT_PASSIVE,
    NOT_SPEAKERS,
    NOUN_OR_VERB,
    OPEN_QUOTES,
    PARTICIPLES,
    PHRASE_CUES,
    PREPOSITIONS,
    PRONOUN_OBJECTS,
    PUNCT_BOUNDARY,
    REDUCED_PASSIVE,
    RELATIVES,
    SAYS_AFTER_NOUN,
    SOURCE_AFTER,
    SPEAKER_PRONOUNS,
    TELL,
    TIME_WORDS,
    TRAILING_ADVERBIALS,
)
from claims.text import quotations

# Words and single punctuation marks; the taggers' models were trained on these tokens,
# so ``claims.suggestions.tagger`` reads text with this very pattern.
TOKEN = re.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass
class Attribution:
    """One relation; spans are (start, end) offsets into the text given to ``extract``."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int]
    quoted: bool
    order: str  # pre | post | inverted | source-after
    parent: int | None = None
    children: list[int] = field(default_factory=list)
    # The speaker is the relation before's, joined to it by "and" ("said ... and added").
    coordinated: bool = False
    # "citing X", "quoting X": X is where the reporter got it, an earlier hop than theirs.
    cites: bool = False
    # The rules' content before the cue when the tagger's, kept as the span, lies after it
    # ('"A," she said. "B."' tagged with B): what this sentence's proposal says.
    said_before: tuple[int, int] | None = None

    def cue_text(self, text: str) -> str:
        return " ".join(text[self.cue[0] : self.cue[1]].split())

    def source_text(self, text: str) -> str | None:
        return None if self.source is None else text[self.source[0] : self.source[1]]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [
        Token(start + m.start(), start + m.end(), m.group())
        for m in TOKEN.finditer(text[start:end])
    ]


def _is_quote(token: Token) -> bool:
    return token.text in OPEN_QUOTES or token.text in CLOSE_QUOTES


def _find_cues(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of cue words and phrases, left to right, not overlapping."""
    cues: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        for phrase in PHRASE_CUES:
            words = tuple(t.lower for t in tokens[i : i + len(phrase)])
            if words == phrase:
                cues.append((i, i + len(phrase)))
                i += len(phrase)
                break
        else:
            word = tokens[i].lower
            nominal = i + 1 < len(tokens) and tokens[i + 1].lower == "that" and i > 0
            if word in NOMINAL_CUES and nominal:
                # "the Commission's warning that ...": a noun reports only with its clause.
                cues.append((i, i + 1))
            elif word in CUE_WORDS or word in SOURCE_AFTER:
                if _plausible_cue(tokens, i):
                    cues.append((i, i + 1))
            i += 1
    return cues


def _plausible_cue(tokens: list[Token], i: int) -> bool:
    word = tokens[i].lower
    previous = tokens[i - 1].lower if i else ""
    if word in ("per",):
        return False
    if word == "claims" and previous in CLAIMS_AS_NOUN_AFTER:
        return False  # "investigates claims that": a noun, and no one's claim named
    if word == "told" and i + 1 < len(tokens) and tokens[i + 1].lower in _SUBJECT_PRONOUNS:
        if previous not in ("i", "we", "he", "she", "they", "you") and not previous[:1].isupper():
            return False  # "3,000 players told they had won": they were told, by no one named
    if word in ("called", "named", "dubbed") and _names_a_new_one(tokens, i):
        return False  # "a parents' group called Darrow Families for Choice": its name
    if word.endswith("ed") and previous[:1].isdigit():
        return False  # "86 confirmed cases", "12 reported deaths": what they are, no one's act
    if word in ("admits", "admitted", "admit") and _a_number_next(tokens, i + 1):
        return False  # "admits about 5,200 undergraduates a year": lets in, says nothing
    if previous in PREPOSITIONS and word not in SOURCE_AFTER:
        return False  # "a series of tweets", "in reports": a noun
    if i > 0 and tokens[i].text[:1].isupper():
        return False  # "United States", "the Post": a name, not a verb
    if word in NEEDS_THAT:
        # "I think that ...", "a poll found that ...": belief and evidence verbs report only
        # with a clause; "know" or "show" alone are everyday words.
        return _that_follows(tokens, i + 1)
    if word in NOUN_OR_VERB:
        # "30 states", "his remarks": a plural noun unless a subject stands right before it.
        return (
            i > 0 and tokens[i - 1].text[:1].isupper() and previous not in DETERMINERS
        ) or _post_posed_after_noun(tokens, i)
    if word in ("asked",) and previous in ("was", "were", "when", "being"):
        return False
    if previous in DETERMINERS:
        return False  # a noun: "the report", "a call"
    if word.endswith("ing") and word not in SOURCE_AFTER:
        # A participle reports when it opens a clause: ", adding that", "saying".
        return previous in (",", "") or previous in CLOSE_QUOTES or previous == "while"
    if word in ("post", "report", "call", "note", "quote", "claim"):
        return previous in ("to", "will", "would", "did", "does", "do") or (
            i + 1 < len(tokens) and tokens[i + 1].lower == "that"
        )
    if word in _POSTED:
        # "posted on X that ...", "posted: ..." report; "Shell posted record profits and
        # said ..." does not: a company posts results, and its "said" is the cue.
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        return following is not None and (
            following.lower in _POSTED_BEFORE_WORDS or following.text in OPEN_QUOTES
        )
    return True


_SUBJECT_PRONOUNS = frozenset({"they", "he", "she", "we", "i", "you"})
_SAID_WHEN = frozenset(
    {"on", "last", "this", "earlier", "late", "yesterday", "today", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year"}
)  # fmt: skip


def _that_follows(tokens: list[Token], j: int) -> bool:
    """Whether "that" comes next, past when it was said: "ruled on Tuesday that"."""
    for k in range(j, min(j + 4, len(tokens))):
        if tokens[k].lower == "that":
            return True
        if tokens[k].lower not in _SAID_WHEN:
            return False
    return False


def _names_a_new_one(tokens: list[Token], i: int) -> bool:
    """ "A parents' group called Darrow Families", "an app named ParkLoop": an indefinite
    noun phrase, then the name it goes by, capitalised."""
    if i + 1 >= len(tokens) or not tokens[i + 1].text[:1].isupper():
        return False
    for j in range(i - 1, max(-1, i - 6), -1):
        if tokens[j].lower in ("a", "an"):
            return j < i - 1
        if not (tokens[j].text[:1].islower() or tokens[j].text in "'\u2019"):
            return False
    return False


def _a_number_next(tokens: list[Token], j: int) -> bool:
    """Whether a count comes next: "5,200", "about 5,200", "some 300"."""
    while j < len(tokens) and tokens[j].lower in (
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "roughly",
        "more",
        "than",
        "over",
        "up",
        "to",
    ):
        j += 1
    return j < len(tokens) and tokens[j].text[:1].isdigit()


_POSTED = frozenset(("posted", "posts", "posting"))
# What follows "posted" when words follow: where, a clause, a colon, or the message itself.
_POSTED_BEFORE_WORDS = frozenset(
    ("on", "to", "online", "in", "that", ":", "a", "an", "this", "his", "her", "its", "their")
)


def _post_posed_after_noun(tokens: list[Token], i: int) -> bool:
    """ "..., the agency reports.": a verb after a subject set off by a comma, ending the
    sentence or followed by "citing"; "the agency reports show" would be a noun, and so
    would "..., the new charges." (only verbs of saying read so)."""
    if tokens[i].lower not in SAYS_AFTER_NOUN:
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is not None and following.text not in ".,;!?":
        if following.lower not in SOURCE_AFTER:
            return False
    j = i - 1
    while j >= 0 and i - j <= 4 and tokens[j].text[:1].islower() and tokens[j].text.isalpha():
        if tokens[j].lower in DETERMINERS:
            return j > 0 and (tokens[j - 1].text == "," or tokens[j - 1].text in CLOSE_QUOTES)
        j -= 1
    return False


def _extend_cue_back(tokens: list[Token], i: int, floor: int) -> int:
    """Include auxiliaries and adverbs before the verb: "have called", "reportedly said"."""
    while i - 1 >= floor and tokens[i - 1].lower in AUXILIARIES:
        i -= 1
    return i


# An opening that says where the words appeared: "Writing in The New York Times,",
# "Speaking on Match of the Day,"; the proposals read the outlet from it.
_WHERE_WRITTEN = re.compile(
    r"[\"\u201c]?(?:Writing|Speaking)\s+(?:in|on|to)\s+(?:the\s+|The\s+)?[A-Z][^,]{0,60},"
)


def _passed_on_by(tokens: list[Token], ci: int, cj: int) -> bool:
    """A participle after a noun naming who passed it on, in a sentence with a cue of its
    own: "Analysts quoted by Bloomberg said", "said in a statement cited by Reuters that".
    It says through whom, not who speaks: a hop after the speaker's (``_before_passed_on_by``
    and the proposals' outlet hops), not a relation. Not "was quoted by" (a passive cue)."""
    if cj - ci != 1 or tokens[ci].lower not in SEEN_BY or cj >= len(tokens):
        return False
    if tokens[cj].lower != "by" or not ci:
        return False
    before = tokens[ci - 1]
    return before.text[:1].isalpha() and before.lower not in BE | AUXILIARIES | _RELATIVES


_RELATIVES = {"who", "which", "that"}


def _before_passed_on_by(tokens: list[Token], np_start: int) -> int:
    """The speaker's phrase back over "X quoted by": "Analysts quoted by Bloomberg said"
    is said by the analysts, through Bloomberg, not by Bloomberg."""
    by = np_start if tokens[np_start].lower == "by" else np_start - 1
    if by >= 2 and tokens[by].lower == "by" and tokens[by - 1].lower in SEEN_BY:
        before = _np_before(tokens, by - 1, 0)
        if before is not None:
            return before
    return np_start


def _np_before(tokens: list[Token], i: int, floor: int, limit: int = 12) -> int | None:
    """Start index of the noun phrase ending right before token ``i``, or None."""
    j = i
    while j - 1 >= floor and i - (j - 1) <= limit:
        token = tokens[j - 1]
        if (
            token.text == ")"
            and j - 3 >= floor
            and tokens[j - 3].text == "("
            and tokens[j - 2].text[:1].isupper()
            and j - 3 > floor
            and tokens[j - 4].text[:1].isupper()
        ):
            j -= 3  # "the Agence Nordique de Presse (ANP)": the name's short form
            continue
        if token.text in PUNCT_BOUNDARY or token.text in ".!?":
            # "the European Commission's" keeps its possessive; anything else ends the phrase.
            break
        if token.lower in BOUNDARY_WORDS:
            break
        if token.lower in CUE_WORDS and not token.text[:1].isupper():
            break  # "Post" in "The New York Post" is a name, not a verb
        j -= 1
    if j == i:
        return None
    return j


def _before_adverbials(tokens: list[Token], i: int) -> int:
    """Where the subject ends before a cue, past a time word or "so far" and the auxiliaries
    between: "The department today announced", "The government has so far declined"."""
    j = i
    while j - 1 >= 0:
        word = tokens[j - 1].lower
        if word in TIME_WORDS or word in AUXILIARIES:
            j -= 1
        elif word == "so" and j < i and tokens[j].lower == "far":
            j -= 1
        else:
            break
    return j if j < i and j > 0 and tokens[j - 1].text not in PUNCT_BOUNDARY else i


def _appositive_before(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """'The state's campaign chairman, Phil Lovas, said': (start, end) token indices of the
    speaker with the appositive, when a comma stands right before the cue."""
    if i < 3 or tokens[i - 1].text != ",":
        return None
    for k in range(i - 2, max(i - 12, 0), -1):
        if tokens[k].text in PUNCT_BOUNDARY - {","} or tokens[k].text in ".!?":
            return None
        if tokens[k].text == ",":
            start = _np_before(tokens, k, 0)
            if start is None or not any(t.text[:1].isupper() for t in tokens[start : i - 1]):
                return None
            return start, i - 1
    return None


# What opens an aside between a speaker and their verb: "speaking on condition of
# anonymity", "asked about the delay", "granted anonymity to discuss …".
_ASIDE_OPENS = frozenset(
    {"speaking", "talking", "writing", "asked", "granted", "requesting", "declining",
     "briefing", "responding", "addressing", "echoing", "visiting"}
)  # fmt: skip


def _subject_before_aside(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The sentence's subject, when an aside opening with a participle stands between it
    and the cue at ``i``: "Two Norvanian officials, speaking on condition of anonymity
    because they were not authorised to discuss the matter, said": (start, end) token
    indices of "Two Norvanian officials"."""
    if i < 4 or tokens[i - 1].text != ",":
        return None
    for k in range(i - 2, max(i - 30, 0), -1):
        if tokens[k].text in PUNCT_BOUNDARY - {","} or tokens[k].text in ".!?" + OPEN_QUOTES:
            return None
        if tokens[k].text == ",":
            if tokens[k + 1].lower not in _ASIDE_OPENS:
                return None
            start = _np_before(tokens, k, 0)
            return (start, k) if start == 0 else None
    return None


_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S", "U.K" as tokenized, before their "."


def _where_before_that(tokens: list[Token], k: int, n: int) -> int:
    """Past where the source is, when a "that" clause follows its comma: "citing a source in
    the Moldovan government, that A" cites the source in the government, and says A."""
    if k >= n or tokens[k].lower not in ("in", "at", "from", "within", "inside", "close"):
        return k
    m = k
    while m < n and m - k < 8 and tokens[m].text not in PUNCT_BOUNDARY | {".", "!", "?"}:
        if tokens[m].lower in CUE_WORDS:
            return k
        m += 1
    if m + 1 < n and tokens[m].text == "," and tokens[m + 1].lower == "that":
        return m
    return k


# Participles that say where someone stands, before "on" or "in": part of who they are.
_PLACED_BY = frozenset({"briefed", "involved", "working", "based", "engaged", "participating"})


def _np_after(tokens: list[Token], j: int, ceiling: int, limit: int = 14) -> int:
    """End index (exclusive) of the noun phrase starting at token ``j``."""
    k = j
    while k < ceiling and k - j < limit:
        token = tokens[k]
        if token.text == "." and k > j and _DOTTED.fullmatch(tokens[k - 1].text):
            if k + 1 < ceiling and tokens[k + 1].text[:1].isalpha():
                k += 1  # "U.S. officials": the abbreviation's full stop ends nothing
                continue
        if token.text in PUNCT_BOUNDARY or token.text in ".!?":
            break
        if k > j and token.lower in ("on", "in") and tokens[k - 1].lower in _PLACED_BY:
            k += 1  # "two people briefed on the matter", "officials involved in the talks"
            continue
        if k > j and token.lower in BOUNDARY_WORDS | {"on", "in", "last", "told", "said"}:
            break
        if k > j and token.lower in CUE_WORDS:
            break
        k += 1
    return k


def _inverted_source_end(
    tokens: list[Token], j: int, n: int, after_quote: bool = False
) -> int | None:
    """End of the speaker after an inverted cue, up to a comma or the end, if it names one.

    After a closing quotation mark anyone may speak ('"...," said the official'); after a
    bare comma only a name does, or "X, Y, said the count would ..." reads backwards.
    """
    if j >= n:
        return None
    if tokens[j].text[:1].isupper() or tokens[j].lower in ("the", "a", "an"):
        end = _np_after(tokens, j, n)
        named = any(t.text[:1].isupper() for t in tokens[j:end])
        # "…, said the people, who asked not to be identified": a speaker the relative
        # clause describes, or one the sentence ends with
        described = end < n and (
            (tokens[end].text in ".!?" and end - j <= 3)
            or (tokens[end].text == "," and end + 1 < n and tokens[end + 1].lower == "who")
        )
        if (
            end > j
            and _tail_is_short_simple(tokens, end, n)
            and (named or described or after_quote)
            and not any(t.lower in _FINITE for t in tokens[j + 1 : end])
        ):
            return end
    k = j
    while k < n and k - j < 12 and tokens[k].text not in ",;.!?" + OPEN_QUOTES:
        if tokens[k].lower in ("that", "he", "she", "they", "it", "we", "i"):
            return None
        if k > j and tokens[k].lower in _FINITE:
            return None  # "X, citing Y, said Castel was preparing …": a clause, no speaker
        k += 1
    if k == j or (k < n and tokens[k].text not in ",.;!?"):
        return None
    named = any(t.text[:1].isupper() for t in tokens[j:k])
    return k if named else None


# Finite verbs a speaker's name does not hold: what follows them is a clause.
_FINITE = frozenset(
    {"was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "can",
     "should", "must", "might", "did", "does"}
)  # fmt: skip


def _tail_is_short_simple(tokens: list[Token], k: int, n: int) -> bool:
    m = k
    while m < n and tokens[m].text not in ",;.!?":
        m += 1
    return m - k <= 4


def _content_after(tokens: list[Token], k: int, end: int, cue_word: str) -> int:
    """First token of the content after a pre-posed cue: skip "that", ":", a told-object."""
    if cue_word in TELL:
        # "told Orban last week that ...", "told reporters ..."
        m = k
        while (
            m < end
            and m - k < 5
            and (tokens[m].text[:1].isupper() or tokens[m].lower in PRONOUN_OBJECTS)
        ):
            m += 1
        if m > k:
            k = m
    # "said last year that ...": the content starts after a nearby "that".
    for m in range(k, min(k + 5, end)):
        if tokens[m].lower == "that":
            if all(t.text not in ",;:" + OPEN_QUOTES for t in tokens[k:m]):
                return m + 1
            break
    while k < end and tokens[k].lower in (":", ","):
        k += 1
    return _past_when(tokens, k, end)


_WHEN_WORDS = ("on", "last", "this", "earlier", "late", "early")
_WHEN = re.compile(TIME_WORD, re.IGNORECASE)


def _past_when(tokens: list[Token], k: int, end: int) -> int:
    """Past a time the words were said at, right after the cue: "said on Monday it would
    cut jobs", "said Tuesday the talks failed"; the time is the saying's, not the claim's."""
    m = k + 1 if k < end and tokens[k].lower in _WHEN_WORDS else k
    if m < end and _WHEN.fullmatch(tokens[m].text) and m + 1 < end:
        m += 1
        if tokens[m].text == ":" and m + 1 < end:
            m += 1  # "said on Monday: 'We are done'"
        after = tokens[m].text
        # "said Monday was the last day": the day is the claim's subject
        if (after[:1].isalnum() and tokens[m].lower not in AUXILIARIES) or after[:1] in OPEN_QUOTES:
            return m
    return k


LISTENER_WORDS = 3  # "residents", "the crowd", "local radio station"


def _tail_is_short(tokens: list[Token], k: int, end: int, text: str) -> bool:
    """After the cue, only an adverbial remains before a comma or the end: a post-posed cue."""
    told = k and tokens[k - 1].lower in TELL
    if told:
        if k + 1 < end and tokens[k].lower == "the" and tokens[k + 1].text[:1].isupper():
            k += 1  # "told the Berliner Sportblatt newspaper"
        while k < end and (tokens[k].text[:1].isupper() or tokens[k].lower in PRONOUN_OBJECTS):
            k += 1
    if k < end and tokens[k].lower in SOURCE_AFTER:
        return True  # "reports citing Reuters"
    m = k
    while m < end and tokens[m].text not in ",;.!?" and not _is_quote(tokens[m]):
        m += 1
    span = " ".join(t.text for t in tokens[k:m])
    if m - k == 0:
        return True
    if told and m - k <= LISTENER_WORDS and _ends_or_cites(tokens, m, end):
        # '"...," the mayor told residents.': whom she told, and nothing more, but for
        # where the article has it from (", according to DPA")
        return True
    if m - k <= 5 and TRAILING_ADVERBIALS.match(span):
        return True
    if _IN_A_NAME.match(span) and all(t.text in ".!?" for t in tokens[m:end]):
        return True  # "…, researchers reported in the New England Journal of Medicine."
    if _IN_A_MEDIUM.match(span) and all(t.text in ".!?" for t in tokens[m:end]):
        return True  # '"A," she said in a video posted on the agency's accounts.'
    return m - k <= 2 and tokens[k].text[:1].isupper()


def _ends_or_cites(tokens: list[Token], m: int, end: int) -> bool:
    """Whether the sentence ends at ``m``, or goes on only to say whom the article has it
    from: ", according to DPA", ", citing Reuters"."""
    if all(t.text in ".!?" for t in tokens[m:end]):
        return True
    after = " ".join(t.lower for t in tokens[m + 1 : m + 3])
    return tokens[m].text == "," and any(
        after == cue or after.startswith(cue + " ") for cue in SOURCE_AFTER
    )


# Where, named, ends a sentence after its cue: "in Brussels", "in the journal Nature".
# Where the words were said, closing the sentence after the cue: no claim of its own.
_IN_A_MEDIUM = re.compile(
    r"(?:in|on|during) (?:a|an|the|its|his|her|their) (?:[\w-]+ )?(?:video|statement|post"
    r"|interview|message|letter|speech|broadcast|podcast|briefing|email|e-mail|tweet|blog"
    r"|news conference|press conference|address|appearance)\b"
)
_IN_A_NAME = re.compile(
    r"in (?:the )?(?:(?:medical|scientific) )?(?:journal )?[A-Z][\w'.-]*"
    r"(?: (?:of|for|and|on|[A-Z][\w'.-]*))*$"
)


def _strip_span(text: str, start: int, end: int, quotes: bool = False) -> tuple[int, int]:
    chars = " \t\n,;:" + ("" if not quotes else "")
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars + ".":
        end -= 1
    return start, end


def is_quoted(text: str, start: int, end: int) -> bool:
    inner = text[start:end].strip(" ,.")
    return len(inner) > 2 and inner[0] in OPEN_QUOTES and inner[-1] in CLOSE_QUOTES


def extract(text: str, start: int = 0, end: int | None = None) -> list[Attribution]:
    """Attribution relations in ``text[start:end]`` (one sentence), outermost first."""
    end = len(text) if end is None else end
    tokens = tokenize(text, start, end)
    n = len(tokens)
    found: list[Attribution] = []
    cue_ranges = _find_cues(tokens)
    main_source: tuple[int, int] | None = None
    for ci, cj in cue_ranges:
        word = " ".join(t.lower for t in tokens[ci:cj])
        cue_i = _extend_cue_back(tokens, ci, 0)
        previous = tokens[cue_i - 1] if cue_i else None
        if ci == 0 and _WHERE_WRITTEN.match(text, tokens[0].start, end):
            continue  # "Writing in The New York Times, …": where, before who and what
        if len(cue_ranges) > 1 and _passed_on_by(tokens, ci, cj):
            continue
        # "Interfax cited a source as saying": a verb with its subject, not "cited X".
        cited_verb = word == "cited" and previous is not None and previous.text[:1].isalnum()
        if word in SOURCE_AFTER and not (cited_verb and previous.lower not in ("which", "who")):
            src_end = _np_after(tokens, cj, n)
            if src_end == cj:
                continue
            src_end = _where_before_that(tokens, src_end, n)
            source = (tokens[cj].start, tokens[src_end - 1].end)
            leading = found[-1] if found and found[-1].cue[1] == tokens[cue_i - 1].end else None
            if leading is None and (relative := _relative_citing(tokens, cue_i, found)):
                # "according to Interfax, which cited a military source": the source cited
                # is where Interfax got it, as in "Interfax reported, citing ...".
                leading, word = relative, "citing"
            if leading is None and (report := _report_before(tokens, cue_i, word, found)):
                # "Bloomberg reported that A, citing Reuters": A, through Reuters first
                leading = report
                report.content = _strip_span(text, report.content[0], tokens[cue_i - 1].start)
            if cue_i > 0 and leading is not None:
                # "UNN reports citing Reuters": Reuters speaks through UNN's cue.
                attribution = Attribution(
                    (tokens[ci].start, tokens[cj - 1].end),
                    source,
                    leading.content,
                    leading.quoted,
                    "source-after",
                    parent=len(found) - 1,
                    cites=word in CITING,
                )
                leading.children.append(len(found))
                found.append(attribution)
                continue
            if cue_i > 0 and previous is not None and previous.text in ",—–(":
                content = (tokens[0].start, previous.start)
            elif src_end < n and tokens[src_end].text == ",":
                content = (tokens[src_end].end, end)
            elif cue_i > 0:
                content = (tokens[0].start, tokens[cue_i - 1].end)
            else:
                continue
            # "according to a report by X, which cited two people": X's, through whom
            relative = word in ("cited", "quoted") and previous is not None
            relative = relative and previous.lower == "which"
            attribution = Attribution(
                (tokens[ci].start, tokens[cj - 1].end), source, content, False, "source-after",
                cites=word in CITING or relative,
            )  # fmt: skip
        elif word.endswith("ing") and previous is not None and previous.text in "," + CLOSE_QUOTES:
            # ", adding that ...": the source is the sentence's main one.
            k = _content_after(tokens, cj, n, word)
            if k >= n:
                continue
            attribution = Attribution(
                (tokens[ci].start, tokens[cj - 1].end), main_source, (tokens[k].start, end),
                False, "pre",
            )  # fmt: skip
        elif (
            previous is not None
            and (previous.text == "," or previous.text in CLOSE_QUOTES)
            and word not in TELL  # ", told the Gazette she …": whom, not who
            and _inverted_source_end(tokens, cj, n, previous.text in CLOSE_QUOTES) is not None
        ):
            # '"...," said Wang.', ', said lobbyist and strategist Charlie Black, ...'
            src_end = _inverted_source_end(tokens, cj, n, previous.text in CLOSE_QUOTES)
            source = (tokens[cj].start, tokens[src_end - 1].end)
            content = (tokens[0].start, previous.end if previous.text != "," else previous.start)
            attribution = Attribution(
                (tokens[cue_i].start, tokens[cj - 1].end), source, content, False, "inverted"
            )
        elif (coordinated := _coordinated(text, tokens, cue_i, found)) is not None:
            # "Lee said the budget would balance and added that taxes would not rise": the
            # second cue's speaker is the first's, and the first content ends at "and".
            if tokens[cue_i].lower in _MODALS or _perfect_goes_on(text, tokens, cue_i, coordinated):
                # "said it would cut jobs and would announce a plan", "said the firm's
                # engineers had classified the cables and had urged the operator to …": what
                # it would do, or had done, is said too, the first content's second half, not
                # a second act of saying.
                continue
            k = _content_after(tokens, cj, n, word)
            if k >= n or n - k < 2:
                continue
            lead, cut = coordinated
            for said in found:  # the speaker's, and the statement they said it in
                if said is lead or (
                    said.source is None and said.content[0] < tokens[cut].start < said.content[1]
                ):
                    said.content = _strip_span(text, said.content[0], tokens[cut].start)
                    said.quoted = is_quoted(text, *said.content)
            attribution = Attribution(
                (tokens[cue_i].start, tokens[cj - 1].end), lead.source, (tokens[k].start, end),
                False, "pre", coordinated=True,
            )  # fmt: skip
        else:
            subject_end = _before_adverbials(tokens, cue_i)
            np_start = _np_before(tokens, subject_end, 0)
            source = None
            if np_start is None and cue_i >= 2 and tokens[cue_i - 1].lower == "who":
                # "Wang, who said ...": the phrase before the comma speaks.
                comma = cue_i - 2 if tokens[cue_i - 2].text == "," else cue_i - 1
                np_start = _np_before(tokens, comma, 0)
                if np_start is not None:
                    source = (tokens[np_start].start, tokens[comma - 1].end)
            elif np_start is not None:
                np_start = _before_passed_on_by(tokens, np_start)
                source = (tokens[np_start].start, tokens[subject_end - 1].end)
            elif (apposed := _appositive_before(tokens, cue_i)) is not None:
                np_start = apposed[0]
                source = (tokens[apposed[0]].start, tokens[apposed[1] - 1].end)
            elif (set_off := _subject_before_aside(tokens, cue_i)) is not None:
                # "Two officials, speaking on condition of anonymity …, said": the officials
                np_start = set_off[0]
                source = (tokens[set_off[0]].start, tokens[set_off[1] - 1].end)
            elif (aside := _before_citing(text, tokens, cue_i, found)) is not None:
                # "The Journal, citing officials, reported": the Journal reported
                np_start, source = aside
            elif (subject := _subject_of_and(text, tokens, cue_i, found)) is not None:
                # "Unite rejected the offer and warned that ...": Unite warned
                source = subject
            if np_start is None:
                np_start = cue_i
            before = tokens[np_start - 1] if np_start else None
            tail_short = _tail_is_short(tokens, cj, n, text)
            if (
                source is not None
                and before is not None
                and (before.text == "," or before.text in CLOSE_QUOTES)
                and tail_short
                and not _WHERE_WRITTEN.match(text, tokens[0].start, before.end)
            ):
                content = (tokens[0].start, before.end if before.text != "," else before.start)
                order = "post"
            else:
                k = _content_after(tokens, cj, n, word)
                if k >= n or n - k < 2:
                    continue
                content = (tokens[k].start, _quotation_close(text, start, end, tokens[ci].start))
                order = "pre"
            attribution = Attribution(
                (tokens[cue_i].start, tokens[cj - 1].end), source, content, False, order
            )
            if order == "pre" and source is not None and found:
                _end_before_contrast(text, found[-1], source[0])
        if attribution.order != "source-after" and passive(text, attribution.cue):
            # "Ministers have been accused of ...": the subject is whom it is said of.
            agent = by_agent(text, attribution.cue, end)
            if agent is None:
                continue  # said by nobody the sentence names
            if attribution.content[1] <= attribution.cue[0] and not is_quoted(
                text, *_strip_span(text, *attribution.content)
            ):
                continue  # what stands before is whom it was said of, not what was said
            attribution.source = agent
            if attribution.cue[1] <= attribution.content[0] < agent[1]:
                after = _AFTER_HOPS.match(text, agent[1]).end()
                attribution.content = (min(after, attribution.content[1]), attribution.content[1])
        if attribution.source is not None and not (
            _speaker_like(text, attribution.source)
            or (attribution.order == "source-after" and describes_source(text, attribution.source))
        ):
            attribution.source = None
        content = _strip_span(text, *attribution.content)
        if content[1] - content[0] < 3:
            continue
        attribution.content = content
        attribution.quoted = is_quoted(text, *content)
        if attribution.source is None and any(
            opened < attribution.cue[0] and (closed is None or attribution.cue[1] <= closed)
            for opened, closed in quotations(text, start, end)
        ):
            continue  # 'her client "categorically denies"': the quoted words, no cue of ours
        if _leaves_its_quotation(text, start, end, attribution):
            continue  # 'Smith said "we will respond" on Tuesday': the quoted words' verb
        if attribution.source is not None and main_source is None:
            main_source = attribution.source
        found.append(attribution)
    _cited_before_the_report(text, found)
    _according_to_one_citing(text, found, start)
    _relative_clause_ends(text, found)
    nest(found, text)
    past_own_hops(text, found)
    return found


def _relative_clause_ends(text: str, found: list[Attribution]) -> None:
    """ "Zoomly, which says it has 18,000 drivers, said it would appeal": the "which" clause
    ends at the comma before the sentence's own verb of saying, whose speaker is the name
    the clause was set off after, not the clause."""
    for clause in found:
        named = _SET_OFF_NAME.search(text, 0, clause.cue[0])
        if named is None:
            continue
        for main in found:
            if main is clause or not clause.content[0] < main.cue[0] < clause.content[1]:
                continue
            if main.order != "pre" or (main.source is not None and main.source[0] < clause.cue[0]):
                continue  # "…, according to minutes": not the sentence's own verb
            comma = text.rfind(",", clause.content[0], main.cue[0])
            if comma < 0 or text[comma + 1 : main.cue[0]].strip():
                continue  # the verb comes right after the clause's closing comma
            clause.content = _strip_span(text, clause.content[0], comma)
            main.source = named.span("name")
            break


# A name set off by a comma before its "which" clause and the clause's verb: "Zoomly, which".
_SET_OFF_NAME = re.compile(
    r"(?P<name>[A-Z][\w&'\u2019.-]*(?:[ \t]+(?:(?:of|on|and|for|the)[ \t]+)?[A-Z][\w&'\u2019.-]*)"
    r"{0,5}),[ \t]+"
    r"(?:which|who)[ \t]+(?:(?:also|now|still)[ \t]+)?$"
)


def _cited_before_the_report(text: str, found: list[Attribution]) -> None:
    """ "Citing diplomatic sources, the agency said A", "The Journal, citing officials,
    reported that A": the sources cited say A, through the one who reports it; the citing
    comes first in the sentence, so its content is the report's, and it nests inside it."""
    for index, cited in enumerate(found):
        if not cited.cites or cited.order != "source-after" or cited.parent is not None:
            continue
        report = next(
            (
                (at, other)
                for at, other in enumerate(found)
                if other is not cited
                and other.order == "pre"
                and other.source is not None
                and cited.cue[0] < other.cue[0]
                and other.cue[1] <= other.content[0]
            ),
            None,
        )
        if report is None:
            continue
        at, other = report
        if other.source[0] < cited.cue[0] < other.source[1]:
            # "The Journal, citing officials": the Journal, before its citing
            other.source = _strip_span(text, other.source[0], cited.cue[0])
        cited.content, cited.quoted = other.content, other.quoted
        cited.children = [c for c in cited.children if c != at]
        if other.parent == index:
            other.parent = None
        cited.parent = at
        if index not in other.children:
            other.children.append(index)


# "According to a report by the newspaper Vastkust Dagblad, which cited …": the report,
# then the relative pronoun of the "cited" that follows.
_ACCORDING_TO_WHICH = re.compile(
    r"According[ \t]+to[ \t]+(?P<source>[^,;]{3,120}),[ \t]+which[ \t]+$"
)


def _according_to_one_citing(text: str, found: list[Attribution], start: int) -> None:
    """ "According to a report by Vastkust Dagblad, which cited two people familiar with
    the investigation, one of the drones was tracked …": the people say it, through the
    report the sentence opens with, whose relation the rules add for the cited one to
    nest in (``nest``)."""
    for cited in list(found):
        if not cited.cites or cited.order != "source-after":
            continue
        opening = _ACCORDING_TO_WHICH.match(text, start, cited.cue[0])
        if opening is None:
            continue
        found.append(
            Attribution(
                cue=(opening.start(), opening.start() + len("According to")),
                source=_strip_span(text, opening.start("source"), opening.end("source")),
                content=cited.content,
                quoted=cited.quoted,
                order="source-after",
            )
        )


def _leaves_its_quotation(text: str, start: int, end: int, attribution: Attribution) -> bool:
    """Whether the cue stands inside a closed quotation but its source or content does not:
    a speaker quoted as saying "we will respond" gave no report of their own; one quoted
    as saying "she told me it was over" did, within the quotation."""
    cue = attribution.cue
    for opened, closed in quotations(text, start, end):
        if closed is not None and opened < cue[0] and cue[1] <= closed:
            spans = [attribution.content] + ([attribution.source] if attribution.source else [])
            return any(a < opened or b > closed + 1 for a, b in spans)
    return False


_SAYING_AFTER_AND = {
    "said", "says", "warned", "warns", "added", "adds", "insisted", "stressed", "noted",
    "argued", "claimed", "announced", "confirmed", "told", "tells", "stated", "declared",
}  # fmt: skip


def _subject_of_and(text: str, tokens: list[Token], cue_i: int, found: list[Attribution]):
    """The sentence's subject, for a cue right after "and" or "but" when no relation before
    it has a speaker to share ("Unite rejected the offer and warned that …"): the words
    that open the sentence, up to its first verb (a past in -ed, an auxiliary) or comma."""
    if found or cue_i < 3 or tokens[cue_i - 1].lower not in ("and", "but"):
        return None
    if tokens[cue_i].lower not in _SAYING_AFTER_AND:
        return None  # "and called for", "and urged": an act, whose subject may not speak
    # after a dateline's dash: "ESTRAVIK, March 14 (Reuters) - The Bank of Norvalia kept …"
    first = next(
        (
            i + 1
            for i in range(cue_i - 1, 0, -1)
            if tokens[i].text in "-—–" and tokens[i - 1].text == ")"
        ),
        0,
    )
    if tokens[first].lower in _OPENING_ASIDES:
        # "In a statement, it apologised … and said": the subject after the opening phrase
        comma = next(
            (i for i in range(first + 1, min(first + 8, cue_i)) if tokens[i].text == ","), None
        )
        if comma is not None:
            first = comma + 1
    k = first
    while k < cue_i - 1:
        word = tokens[k].lower
        if tokens[k].text in ",;:" or word in AUXILIARIES or word in CUE_WORDS:
            break
        if k and word.endswith("ed") and word[:1].isalpha():
            break
        if k > first and word in CLAUSE_WORDS:
            break  # an irregular past: "The bank cut its rate … and said"
        k += 1
    if not first < k <= first + 6 or tokens[k].text in ",;:" and k + 1 >= cue_i:
        return None
    span = (tokens[first].start, tokens[k - 1].end)
    return span if _speaker_like(text, span) else None


# What opens a phrase of time or manner set off before a sentence's subject: "In a
# statement,", "On Monday,", "Separately,".
_OPENING_ASIDES = frozenset(
    {"in", "on", "at", "earlier", "later", "meanwhile", "separately", "after",
     "during", "however", "also", "last", "this"}
)  # fmt: skip


def _before_citing(text: str, tokens: list[Token], cue_i: int, found: list[Attribution]):
    """The speaker of a cue right after an aside ", citing X,": the phrase before the aside
    ("The Wall Street Journal, citing U.S. officials, reported"), as (token index, span)."""
    if cue_i < 2 or tokens[cue_i - 1].text != "," or not found:
        return None
    aside = found[-1]
    if not aside.cites or aside.source is None or aside.source[1] != tokens[cue_i - 1].start:
        return None
    start = next((i for i, t in enumerate(tokens) if t.start == aside.content[0]), None)
    span = aside.content
    if start is None or span[1] >= aside.cue[0] or len(text[slice(*span)].split()) > 8:
        return None
    return (start, span) if _speaker_like(text, span) else None


def _report_before(tokens: list[Token], cue_i: int, word: str, found: list[Attribution]):
    """The report whose content a ", citing X" ends: "Bloomberg reported that A, citing X"."""
    if word not in CITING or cue_i < 2 or tokens[cue_i - 1].text != "," or not found:
        return None
    report = found[-1]
    comma = tokens[cue_i - 1].start
    if report.cites or report.cue[1] > report.content[0]:
        return None  # only a cue before what it says
    if any(
        tokens[k].text == "," and k + 1 < len(tokens) and tokens[k + 1].lower == "that"
        for k in range(cue_i + 1, len(tokens))
    ):
        return None  # "said on Tuesday, citing X, that A": what it says comes after
    if not report.content[0] < comma <= report.content[1]:
        return None
    return report if comma - report.content[0] >= 3 else None


_CONTRAST = re.compile(
    r"\s*(?:[,\"\u201d\u2019]{1,2}\s*(?:while|whereas|but|and|though|although)|;\s*"
    r"(?:while|whereas|but|and|though|although)?)\s*$",
    re.I,
)


def _end_before_contrast(text: str, lead: Attribution, speaker: int) -> None:
    """ "Rayner said A, while Hollinrake said B": a second speaker after a comma and "while",
    "but" or "and" (or a semicolon) says B of their own, not inside Rayner's A."""
    if lead.cue[1] > lead.content[0] or not lead.content[0] < speaker < lead.content[1]:
        return
    joint = _CONTRAST.search(text, lead.content[0], speaker)
    if joint is None or joint.start() - lead.content[0] < 3:
        return
    lead.content = _strip_span(text, lead.content[0], joint.start())


def _relative_citing(tokens: list[Token], cue_i: int, found: list[Attribution]):
    """The report a ", which cited X" or ", who cited X" right after it qualifies."""
    if cue_i < 3 or not found or tokens[cue_i - 1].lower not in ("which", "who"):
        return None
    if tokens[cue_i - 2].text != ",":
        return None
    report = found[-1]
    end = _report_end(report)
    if end > tokens[cue_i - 3].end:
        return None
    # the report's source may end early ("according to a" of "a report last week by X"):
    # the words up to the comma go on with it
    between = [t for t in tokens[: cue_i - 2] if t.start >= end]
    return None if any(t.text in ",;:.!?()" for t in between) else report


def _report_end(report: Attribution) -> int:
    """Where a report's cue ends, or its source when named after the cue ("according to
    Interfax"): a "citing X" qualifying it follows there."""
    end = report.cue[1]
    if report.source is not None and report.source[0] >= report.cue[1]:
        end = max(end, report.source[1])
    return end


QUOTING_FORMS = {"quoted", "quotes", "quote", "cited", "cites"}
_OBJECT_PRONOUNS = {"him", "her", "them"}  # "RIA quoted him as saying"
_AS_SAYING = re.compile(
    r"\s+as\s+(?:saying|telling|writing|stating|adding|noting|warning|declaring|describing)\b"
)
_PASSIVE_BY = re.compile(r"\s+by\s+")
# The reporters of "quoted as saying by the RIA news agency (that)" and "by RIA, TASS and
# Interfax": a name or a noun phrase each, up to "that", punctuation or a time or place.
_OUTLET_NOUNS = (
    r"(?:news|agency|newspaper|daily|weekly|television|TV|radio|media|wire|service|channel"
    r"|broadcaster|outlet|website)"
)
_REPORTER = (
    r"(?:(?:the\s+)?(?:(?:state|state-run|state-owned|official|pro-Kremlin)\s+)?"
    rf"[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|{_OUTLET_NOUNS})){{0,5}}"
    rf"|(?:state|state-run|official)\s+{_OUTLET_NOUNS}(?:\s+{_OUTLET_NOUNS})?"
    # "the newspaper Tagespost", "the state news agency CNA", "the German daily Bild"
    rf"|(?:the\s+)?(?:[a-z-]+\s+){{0,2}}{_OUTLET_NOUNS}\s+[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){{0,3}})"
)
_REPORTERS_AFTER_BY = re.compile(
    rf"{_REPORTER}(?:,\s*{_REPORTER})*(?:,?\s+and\s+{_REPORTER})?"
    r"(?=\s+(?:that|on|in|at|last|this|during|after|before|late|early|earlier|yesterday"
    r"|today|while|as)\b|\s*[,;:.!?\u201c\"]|\s*$)"
)
_LIST_BREAK = re.compile(r",\s*|,?\s+and\s+")
_SAYING_THAT = re.compile(r"[\s,:]*(?:that\b)?[\s,]*")
_UP_TO_THAT = re.compile(r"[^.;:\"\u201c\u201d]{0,80}?\bthat\b\s*")


@dataclass(frozen=True)
class Quoting:
    """A "quoted ... as saying" read as two hops: ``speaker``'s relation nested in
    ``reporter``'s; ``words`` spans the construction, from "quoted" to "as saying"."""

    speaker: Attribution
    reporter: Attribution
    words: tuple[int, int]


def quoted_as_saying(text: str, start: int, found: list[Attribution]) -> list[Quoting]:
    """The reporter's hop of "RIA quoted Peskov as saying A" and "Peskov was quoted by RIA
    as saying A": Peskov says A, through RIA.

    Read alone, the first makes RIA say "Peskov as saying A", and the second Peskov say A,
    RIA lost (or, to the tagger, RIA say "A, Peskov"). Each gets two relations in
    ``found`` (a sentence's, nested): the speaker's, cued by "as saying", and the
    reporter's, cued by "quoted", holding the speaker's. Any other relation read off the
    construction's words is dropped. Returns the pairs, for a reading that re-nests.
    """
    pairs: list[Quoting] = []
    for relation in list(found):
        words = text[relation.cue[0] : relation.cue[1]].lower().split()
        if not words or words[-1] not in QUOTING_FORMS or relation.source is None:
            continue
        verb = (relation.cue[1] - len(words[-1]), relation.cue[1])
        passive_cue = len(words) > 1 and words[-2] in BE
        if (
            not passive_cue
            and relation.order in ("pre", "source-after")
            and relation.source[1] <= relation.cue[0] <= relation.content[0]
        ):
            # "RIA quoted Peskov as saying (that) A": the speaker follows the cue.
            stop = relation.content[1]
            opens = (
                relation.cue[1]
                + len(text[relation.cue[1] : stop])
                - len(text[relation.cue[1] : stop].lstrip())
            )
            saying = _AS_SAYING.search(text, opens, min(stop, opens + 120))
            if saying is None or "\n" in text[opens : saying.start()]:
                continue
            speaker = (opens, saying.start())
            named = text[slice(*speaker)]
            if len(named.split()) > 10 or not (
                _speaker_like(text, speaker) or named.lower() in _OBJECT_PRONOUNS
            ):
                continue
            said = _SAYING_THAT.match(text, saying.end()).end()
            cue = (saying.start() + 1, saying.end())
            before = text[start : relation.source[0]].rstrip()
            if len(text[said:stop].split()) <= 3 and before.endswith((",", *CLOSE_QUOTES)):
                # "A, RIA quoted Peskov as saying (on Friday).": A, before the reporter
                cut = len(before) - 1 if before.endswith(",") else len(before)
                content, order = _strip_span(text, start, start + cut), "post"
                relation.content, relation.order = content, order
                relation.quoted = is_quoted(text, *content)
            elif stop - said >= 3:
                content, order = (said, stop), "pre"
            else:
                continue
            inner = Attribution(cue, speaker, content, is_quoted(text, *content), order)
            pairs.append(Quoting(inner, relation, (verb[0], cue[1])))
            continue
        # "Peskov was quoted by RIA as saying", "Peskov was quoted as saying by RIA": the
        # source before is the speaker.
        if not passive_cue or relation.source[1] > relation.cue[0]:
            continue
        by = _PASSIVE_BY.match(text, relation.cue[1])
        if by is not None:
            saying = _AS_SAYING.search(text, by.end(), by.end() + 80)
            if saying is None:
                continue
            reporter, words_end = _first_reporter(text, by.end(), saying.start()), saying.end()
        else:
            saying = _AS_SAYING.match(text, relation.cue[1])
            by = saying and _PASSIVE_BY.match(text, saying.end())
            listed = by and _REPORTERS_AFTER_BY.match(text, by.end())
            if not listed:
                continue
            reporter, words_end = _first_reporter(text, *listed.span()), listed.end()
        if reporter is None:
            continue
        content, order = relation.content, relation.order
        if content[0] >= relation.cue[1]:
            # "... by RIA on Friday that A", "... by TASS, the state news agency, that A"
            up_to_that = _UP_TO_THAT.match(text, words_end, content[1])
            said = (up_to_that or _SAYING_THAT.match(text, words_end)).end()
            before = text[start : relation.source[0]].rstrip()
            if len(text[said : content[1]].split()) <= 3 and before.endswith((",", *CLOSE_QUOTES)):
                # "A, Peskov was quoted by RIA as saying on Friday.": A, before the speaker
                cut = len(before) - 1 if before.endswith(",") else len(before)
                content = _strip_span(text, start, start + cut)
            elif content[1] - said >= 3:
                content = (said, content[1])  # "... as saying that A": A only
            else:
                continue
        if content[1] <= relation.source[0]:
            order = "post"
        relation.content, relation.order = content, order
        relation.quoted = is_quoted(text, *content)
        relation.cue = (saying.start() + 1, saying.end())
        outer = Attribution(verb, reporter, content, relation.quoted, order)
        pairs.append(Quoting(relation, outer, (verb[0], words_end)))
    if not pairs:
        return pairs
    held = [a for pair in pairs for a in (pair.speaker, pair.reporter)]
    kept = [
        a
        for a in found
        if any(a is h for h in held) or not any(_overlap(a.cue, p.words) for p in pairs)
    ]
    # Each new relation just before its partner, the speaker first: read in this order, a
    # pronoun ("quoted him") is whoever was named before, never the reporter.
    for pair in pairs:
        new = next(a for a in (pair.speaker, pair.reporter) if not any(a is k for k in kept))
        there = next(i for i, k in enumerate(kept) if k is pair.speaker or k is pair.reporter)
        kept.insert(there, new)
    found[:] = kept
    for attribution in found:
        attribution.parent, attribution.children = None, []
    nest(found, text)
    relink(found, pairs)
    return pairs


def _first_reporter(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The reporter of "quoted by R as saying": the first of "RIA, TASS and Interfax", who
    all carried it (a chain names one hop per source); None when the words name nobody."""
    words = text[start:end]
    pieces = [p for p in _LIST_BREAK.split(words) if p]
    first = (start, start + len(pieces[0].rstrip(".,;:"))) if pieces else (start, end)
    if len(pieces) > 1:
        if not all(p[:1].isupper() and len(p.split()) <= 4 for p in pieces):
            return None  # "by Reuters, which ..." or a clause: no list of names
    elif any(c in words for c in ",;\n"):
        return None
    return first if _speaker_like(text, first) else None


def relink(found: list[Attribution], pairs: list[Quoting]) -> None:
    """Nest each pair's speaker in its reporter, whatever nesting by spans made of them (the
    speaker's cue may lie outside the reporter's content: "A, X was quoted by Y as saying"),
    and what the reporter holds inside the speaker's words in the speaker ("Peskov said A,
    RIA quoted him as saying": Peskov's "said" is in what he was quoted as saying)."""

    def move(child: int, parent: int) -> None:
        if found[child].parent is not None:
            found[found[child].parent].children.remove(child)
        found[child].parent = parent
        found[parent].children.append(child)

    for pair in pairs:
        inner = next((i for i, a in enumerate(found) if a is pair.speaker), None)
        outer = next((i for i, a in enumerate(found) if a is pair.reporter), None)
        if inner is None or outer is None:
            continue
        if found[inner].parent != outer:
            move(inner, outer)
        for child in list(found[outer].children):
            held = found[child]
            if child != inner and _inside(held.cue, found[inner].content):
                move(child, inner)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _quotation_close(text: str, start: int, end: int, at: int) -> int:
    """Where the words of a cue at ``at`` can run to: the end, or the close of the
    quotation the cue stands in. '"We have agreed on X," Shmyhal told reporters': the
    quoted "agreed" speaks in the quotation only, and Shmyhal's relation is not in it."""
    for opened, closed in quotations(text, start, end):
        if closed is not None and opened < at < closed:
            return closed
    return end


def passive(text: str, cue: tuple[int, int]) -> bool:
    """Whether a cue is a reporting verb in the passive voice: "have been accused", "was
    told", "were warned", or a headline's "accused of" and "told to" without the auxiliary.
    Its subject is whom the words are about or were said to, not who said them."""
    tokens = tokenize(text, max(0, cue[0] - 60), min(len(text), cue[1] + 20))
    last = next(
        (
            i
            for i in range(len(tokens) - 1, -1, -1)
            if cue[0] <= tokens[i].start
            and tokens[i].end <= cue[1]
            and tokens[i].lower in CUE_WORDS
        ),
        None,
    )  # the verb: a tagged cue may end with "by"
    if last is None:
        return False
    verb = tokens[last].lower
    if verb in NOT_PASSIVE:
        return False
    if not (verb.endswith("ed") or verb in PARTICIPLES):
        return False
    i, auxiliary = last, False
    while i > 0 and (tokens[i - 1].lower in AUXILIARIES | BE or tokens[i - 1].lower.endswith("ly")):
        i -= 1
        if tokens[i].lower in BE:
            return True
        auxiliary = auxiliary or tokens[i].lower in AUXILIARIES
    if auxiliary:
        return False  # "has accused", "would tell": active
    following = tokens[last + 1].lower if last + 1 < len(tokens) else ""
    if following not in REDUCED_PASSIVE.get(verb, ()):
        return False
    # "a plan she criticised for ...", "the firm which critics blamed for ...": a relative
    # clause, active, whose object went first
    if last > 0 and tokens[last - 1].lower in SPEAKER_PRONOUNS:
        return False
    for token in reversed(tokens[:last]):
        if token.text in PUNCT_BOUNDARY or token.text in ".!?":
            break
        if token.lower in RELATIVES:
            return False
    return True


# What "by" introduces after a passive cue that is no speaker: "was told by Friday".
_NOT_AGENTS = re.compile(
    r"(?i:the\s+(?:end|time|start|middle|close|deadline)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)"
    r"day\b|(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\b|\d|noon\b|midnight\b|then\b|now\b|far\b)"
)


def by_agent(text: str, cue: tuple[int, int], end: int) -> tuple[int, int] | None:
    """The speaker of a passive cue, named by "by" right after it: "was told by police"."""
    tokens = tokenize(text, cue[1], end)
    if len(tokens) < 2 or tokens[0].lower != "by" or _NOT_AGENTS.match(text, tokens[1].start):
        return None
    k = 1
    while k < len(tokens) and k <= 8:
        token = tokens[k]
        if token.text in PUNCT_BOUNDARY - {"-"} or token.text in ".!?":
            break
        if k > 1 and (token.lower in BOUNDARY_WORDS or token.lower in CUE_WORDS):
            break
        if k > 1 and token.lower in PREPOSITIONS:
            # "the Bank of England" goes on; "critics of the plan", "police on Monday" end
            if k + 1 >= len(tokens) or not tokens[k + 1].text[:1].isupper():
                break
        k += 1
    span = (tokens[1].start, tokens[k - 1].end)
    return span if _speaker_like(text, span) else None


CITING = {"citing", "quoting"}
CITING_GAP = 2  # characters between a report and its "citing": ", " at most


_MODALS = frozenset({"will", "would", "could", "can", "may", "might", "must", "should"})


def _perfect_goes_on(
    text: str, tokens: list[Token], cue_i: int, coordinated: tuple[Attribution, int]
) -> bool:
    """Whether "and had urged" carries on a past perfect the first content holds ("said the
    engineers had classified A and had urged B"): one statement of what had been done. A
    speaker's own second act is told in the past ("and added"), not one step further back."""
    if tokens[cue_i].lower != "had":
        return False
    lead, cut = coordinated
    said = text[lead.content[0] : tokens[cut].start]
    return re.search(r"\bhad\s+(?:\w+ly\s+)?\w+(?:ed|en|t)\b", said) is not None


def _coordinated(
    text: str, tokens: list[Token], cue_i: int, found: list[Attribution]
) -> tuple[Attribution, int] | None:
    """The relation a cue right after "and" / "but" shares its speaker with, and the token
    its content ends before: the sentence's last relation, when it reads forwards, has a
    source, and its content runs into this "and" ("... 2026 and added that ...",
    "..., and said ..."), passing over the statement a speaker said something in ("said
    in a statement that A and urged B")."""
    if cue_i < 2 or tokens[cue_i - 1].lower not in COORDINATORS or not found:
        return None
    cut = cue_i - 2 if tokens[cue_i - 2].text == "," else cue_i - 1
    for lead in reversed(found):
        if lead.source is None and text[slice(*lead.cue)].lower() in NOMINAL_CUES:
            continue  # "said in a statement that A and urged B": the statement is the said
        if lead.source is None or lead.order != "pre":
            return None
        if not lead.content[0] < tokens[cut].start < lead.content[1]:
            return None
        return lead, cut
    return None


def _speaker_like(text: str, span: tuple[int, int]) -> bool:
    """Could these words name whoever speaks? A name, a pronoun or a noun phrase, not a
    stray clause fragment ("for more investment in a statement", "wants a man who")."""
    words = text[span[0] : span[1]].split()
    passed_on = next(
        (i for i in range(1, len(words) - 1) if words[i] in SEEN_BY and words[i + 1] == "by"),
        None,
    )
    if passed_on is not None:
        words = words[:passed_on]  # "Analysts quoted by Bloomberg": the analysts speak
    if not words:
        return False
    first, last = words[0].lower(), words[-1].lower().strip(",")
    if all(word.lower().strip(",") in NOT_SPEAKERS for word in words):
        return False  # "today", "far" of "so far"
    if first in PREPOSITIONS or last in PREPOSITIONS | BOUNDARY_WORDS | {"who", "being"}:
        return False
    if first.endswith("ly") and len(words) == 1:
        return False  # "forcefully said"
    if words[0][:1].isupper() or first in DETERMINERS or first in SPEAKER_PRONOUNS:
        return True
    return len(words) <= 3 and not any(w.lower() in AUXILIARIES for w in words)


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def source_like(text: str, span: tuple[int, int]) -> bool:
    """Whether what "citing" names may be a source, not a reason: "citing medics" and
    "citing officials" name whose word it is, "citing weaker demand" and "citing high
    energy costs" why something happened (words with no capital or determiner to open them,
    whose head says a cause)."""
    written = text[span[0] : span[1]].split()
    words = [w.lower().strip(",.") for w in written]
    if words[1:2] == ["own"] and words[0] in ("its", "their", "his", "her", "our"):
        return False  # "Clear Water, citing its own tests, said": the speaker's own evidence
    if words and written[0][:1].islower() and words[0] not in SPEAKER_PRONOUNS:
        # the head: the last word before a preposition ("the need not to prejudice …")
        head = next(
            (i for i, w in enumerate(words) if i and (w in PREPOSITIONS or w in _HEAD_ENDS)),
            len(words),
        )
        if words[head - 1] in _REASONS and not describes_source(text, span):
            return False
    return _speaker_like(text, span) or describes_source(text, span)


# What a company or a government cites as the cause of a move, not as whose word it is.
_REASONS = frozenset(
    {
        "demand", "costs", "cost", "prices", "price", "concerns", "concern", "competition",
        "reasons", "reason", "pressure", "pressures", "uncertainty", "risks", "risk",
        "weakness", "strength", "growth", "inflation", "lack", "need", "needs", "shortage",
        "shortages", "delays", "delay", "problems", "problem", "issues", "difficulties",
        "conditions", "factors", "headwinds", "volatility", "weather", "losses", "sales",
        "rates", "tariffs", "sanctions", "disruption", "disruptions", "challenges",
        "circumstances", "grounds", "fears", "tensions", "slowdown", "downturn", "margins",
        "spending", "supply", "supplies", "volumes", "profits", "earnings", "performance",
        "health", "illness", "injury", "injuries", "safety", "security", "privacy",
        "confidentiality", "policy", "rules", "law", "regulations", "commitments",
        "discussions", "talks", "negotiations", "proceedings", "litigation", "investigation",
        "investigations", "inquiry", "process", "matters", "complaints", "complaint",
    }
)  # fmt: skip
_HEAD_ENDS = frozenset({"not", "to", "that", "which", "who", "and", "or"})


def describes_source(text: str, span: tuple[int, int]) -> bool:
    """ "people familiar with the matter", "data from the ministry": the object of "citing"
    or "according to", a description, where a speaker before a verb would be too long."""
    words = [w.lower().strip(",.") for w in text[span[0] : span[1]].split()]
    if not words or words[0] in PREPOSITIONS | BOUNDARY_WORDS:
        return False
    # what a source is, not a reason given ("citing rising costs", "cited no evidence")
    return any(word in _SOURCE_HEADS for word in words)


_SOURCE_HEADS = {
    "people", "person", "persons", "official", "officials", "source", "sources", "data",
    "figures", "documents", "document", "statement", "report", "reports", "analysts",
    "analyst", "experts", "expert", "diplomats", "diplomat", "residents", "witnesses",
    "witness", "police", "authorities", "ministry", "government", "agency", "spokesperson",
    "spokesman", "spokeswoman", "executives", "investigators", "prosecutors", "lawyers",
    "filings", "filing", "records", "survey", "poll", "estimates", "statistics", "media",
    "newspaper", "insiders", "aides", "officers", "employees", "staff", "memo", "letter",
}  # fmt: skip


_WHEN_GAP = re.compile(r"(?:\s+[\w.\u2019'-]+){1,3}\s*,\s*")  # " on Tuesday, "
_RELATIVE_GAP = re.compile(r",?\s*(?:(?:which|who)\s+)?", re.IGNORECASE)


def _cited_by(found: list[Attribution], i: int, text: str | None = None) -> int | None:
    """The report a "citing X" right after it qualifies ("Xinhua reported, citing the
    General Staff"; "said Xinhua, citing officials"): only a comma or a space between, or
    a relative pronoun ("according to Interfax, which cited a military source")."""
    cue = found[i].cue
    cited = found[i].source
    best = None
    for j, other in enumerate(found):
        between = other.source is not None and other.source[1] <= cue[0] < other.cue[0]
        before = (  # "Citing diplomatic sources, the agency said A"
            cited is not None
            and other.source is not None
            and not other.cites
            and 0 <= other.source[0] - cited[1] <= CITING_GAP
        )
        if j != i and before:
            return j
        if j == i or (other.cue[1] > cue[0] and not between):
            continue
        end = _report_end(other)
        near = 0 <= cue[0] - end <= CITING_GAP or (
            text is not None
            and 0 <= end <= cue[0]
            and (
                _RELATIVE_GAP.fullmatch(text, end, cue[0]) is not None
                # "…, the Journal reported on Tuesday, citing officials"
                or _WHEN_GAP.fullmatch(text, end, cue[0]) is not None
            )
        )
        if between:
            # "The Journal, citing officials, reported that A": between source and cue
            near = 0 <= cue[0] - other.source[1] <= CITING_GAP
        elif not other.cites and other.cue[1] <= other.content[0]:
            # "Bloomberg reported that A, citing Reuters": right after what it says
            near = near or 0 <= cue[0] - other.content[1] <= CITING_GAP
        if near and (best is None or other.cue[0] > found[best].cue[0]):
            best = j
    return best


def nest(found: list[Attribution], text: str | None = None) -> None:
    """Link each attribution to the smallest other one whose content holds its cue.

    "citing X" after a report is the exception: the report holds the cue, but X is the
    earlier hop, so X's relation is nested in the report's and says the same content; a
    relation inside that content is then nested in X's, as in "according to X".
    """
    for i, attribution in enumerate(found):
        if attribution.parent is not None or not attribution.cites:
            continue
        report = _cited_by(found, i, text)
        if report is None or found[report].parent == i:
            continue
        attribution.parent = report
        found[report].children.append(i)
        attribution.content = found[report].content
        attribution.quoted = found[report].quoted
    for i, attribution in enumerate(found):
        if attribution.parent is not None:
            continue
        best = None
        for j, other in enumerate(found):
            if i == j or not _inside(attribution.cue, other.content):
                continue
            if other.cue == attribution.cue:
                continue  # '"A," he says. "B …' and its next paragraph: one speaker's, not nested
            if attribution.source and not _inside(attribution.source, other.content):
                continue
            if _descends_from(found, j, i):
                continue  # "said in a statement": each cue in the other's content, no cycle
            size = other.content[1] - other.content[0]
            smallest = None if best is None else found[best].content[1] - found[best].content[0]
            if smallest is None or size < smallest or (size == smallest and other.parent == best):
                # "A, Shmyhal said, UNN reports citing Reuters": the citing says the
                # report's very content, and what is said in it came through it first.
                best = j
        if best is not None:
            attribution.parent = best
            found[best].children.append(i)
            outer = found[best].content
            attribution.content = (
                max(attribution.content[0], outer[0]),
                min(attribution.content[1], outer[1]),
            )


def _descends_from(found: list[Attribution], j: int, i: int) -> bool:
    """Whether relation ``j`` is nested, at any depth, inside relation ``i``."""
    seen = set()
    while j is not None and j not in seen:
        if j == i:
            return True
        seen.add(j)
        j = found[j].parent
    return False


_AFTER_HOPS = re.compile(r"[\s,]*(?:that\b)?[\s,]*")


def past_own_hops(text: str, found: list[Attribution]) -> None:
    """Start each content after its own cue and source, and after those of a "citing X"
    nested in it, when they open it: "Xinhua reports citing the General Staff that A"
    says A, on either hop."""
    for attribution in found:
        hops = [attribution] + [found[c] for c in attribution.children if found[c].cites]
        spans = sorted(
            span
            for hop in hops
            for span in (hop.cue, hop.source)
            if span is not None and attribution.content[0] <= span[0] < attribution.content[1]
        )
        start = attribution.content[0]
        for number, span in enumerate(spans):
            gap = text[start : span[0]].strip(" ,").lower()
            when = number == 0 and _WHEN_GAP.fullmatch(" " + text[start : span[0]].strip(" "))
            if gap not in ("", "which", "who") and not when:
                break  # past "on Tuesday, citing X, that A" and "in a statement, citing X, …"
            start = max(start, span[1])
        if start == attribution.content[0]:
            continue
        start = _AFTER_HOPS.match(text, start).end()
        if attribution.content[1] - start >= 3:
            attribution.content = (start, attribution.content[1])
            attribution.quoted = is_quoted(text, *attribution.content)


# A speaker's own act after what they said, joined by "and" with no subject of its own:
# "said the defences had held, and appealed for calm". Verbs no subject of the content
# would likely take after a comma; a cue word there is a relation of its own (the rules'
# "and" reading), so only verbs that are no cue are listed.
_SPEAKERS_ACT = re.compile(
    r",?\s+and\s+(?:then\s+|also\s+|later\s+)?(?:appealed|thanked|apologi[sz]ed|pleaded"
    r"|begged|encouraged|demanded|condemned|welcomed|invited|hailed|challenged|rated|ordered"
    r"|fined|suspended)\b"
    # "were 'relieved' but urged the bank to act sooner": "but" joins no "and" reading
    r"|,?\s+but\s+(?:also\s+)?(?:urged|warned|cautioned|called\s+(?:on|for)|insisted|appealed)\b",
    re.IGNORECASE,
)


# The writer's caveat on what a source said: ", a claim that could not be independently
# verified", ", an account Reuters could not confirm".
_CAVEAT = re.compile(
    r",[\"\u201d\u2019]?\s+(?:(?:a|an)\s+(?:claim|assertion|figure|account|allegation|number|report)\s+(?:that|which)?"
    r"\s*(?:[\w.]+\s+){0,3}?(?:could|can|has|have)\s*(?:not|n't)\s+(?:be\s+|been\s+)?"
    r"(?:independently\s+)?(?:verif|confirm)"
    # through whom the words came, not part of them: ", as first reported by Pharmacy Weekly"
    r"|as\s+(?:first\s+|originally\s+|earlier\s+)?(?:reported|quoted|cited)\s+by\b)",
    re.IGNORECASE,
)


# The writer's note of what a source left out, at the end of what it said: ", without
# elaborating", ", without giving a date", "but gave no firm timeline".
_LEFT_OUT = re.compile(
    r"(?:,[\"\u201d]?\s+without\s+(?:elaborating|giving|offering|providing|saying|specifying|citing)"
    r"|,?\s+but\s+(?:gave|offered|provided|did\s+not\s+give|declined\s+to\s+give)\s+no\b"
    r"|,?\s+but\s+(?:did\s+not|declined\s+to)\s+(?:elaborate|give|provide|say|specify)\b)"
    r"[^\"\u201c\u201d]*$",
    re.IGNORECASE,
)


# A relative clause cut off after a word or two at the end of a content.
_RELATIVE_STUB = re.compile(r",\s+(?:which|who|whose|where)(?:\s+[\w'\u2019-]+){0,2}\s*$")


def end_before_asides(text: str, found: list[Attribution]) -> None:
    """End a content before what is no part of it: the writer's caveat (", a claim that
    could not be independently verified"), and, read forwards, its speaker's next act
    ("…, and appealed for calm"), done, not said. Not inside a quotation: there the words
    are the speaker's own."""
    for attribution in found:
        content = attribution.content
        caveat = _CAVEAT.search(text, *content)
        if caveat is not None and caveat.start() - content[0] >= 3:
            closing = text[caveat.start() + 1] in '"\u201d\u2019'  # '…servicemen," a claim'
            end = caveat.start() + (2 if closing else 0)
            attribution.content = content = _strip_span(text, content[0], end)
            attribution.quoted = is_quoted(text, *content)
        stub = _RELATIVE_STUB.search(text, *content)
        if stub is not None and stub.start() - content[0] >= 3:
            # "… for the incentive fund, which was": a relative clause cut off by a tag
            attribution.content = content = _strip_span(text, content[0], stub.start())
            attribution.quoted = is_quoted(text, *content)
        left_out = _LEFT_OUT.search(text, *content)
        if left_out is not None and left_out.start() - content[0] >= 3:
            closing = text[left_out.start() + 1] in '"\u201d'  # '"not surprised," without'
            end = left_out.start() + (2 if closing else 0)
            before = text[content[0] : end]
            if before.count('"') % 2 == 0 and before.count("\u201c") == before.count("\u201d"):
                attribution.content = content = _strip_span(text, content[0], end)
                attribution.quoted = is_quoted(text, *content)
        if attribution.quoted or attribution.source is None or content[0] < attribution.cue[1]:
            continue
        act = _SPEAKERS_ACT.search(text, *content)
        if act is None or act.start() - content[0] < 3:
            continue
        before = text[content[0] : act.start()]
        if before.count('"') % 2 or before.count("\u201c") != before.count("\u201d"):
            continue
        attribution.content = _strip_span(text, content[0], act.start())


def chain_of(found: list[Attribution], index: int) -> list[Attribution]:
    """The attribution and its ancestors, innermost (origin) first."""
    chain = []
    seen = set()
    current: int | None = index
    while current is not None and current not in seen:
        seen.add(current)
        chain.append(found[current])
        current = found[current].parent
    return chain


def leaves(found: list[Attribution]) -> list[int]:
    """Attributions nothing else is nested in: each gives one proposed claim."""
    return [i for i, a in enumerate(found) if not a.children]
