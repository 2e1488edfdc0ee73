"""A proposal, and the words of the claim it proposes.

What a reviewer accepts is a claim stored once and read alone, apart from the article:
so its text is the passage's statement, not the passage as printed. The outer quotation
marks and the "that" of reported speech go, the halves of a split quotation join without
the "she said" between them (``spoken``), and "she" opening reported speech about the
speaker says who (``named_subject``). The quoted span stays verbatim beside it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from claims.resolution import (
    BODY_NOUNS,
    ORGANISATION_WORDS,
    PRONOUNS,
    TITLES,
    Resolution,
    is_description,
)
from claims.sentences import split_sentences
from claims.suggestions.attribution import Attribution
from claims.suggestions.lexicon import (
    BODY_NAME_WORDS,
    CLOSE_QUOTES,
    COMPANY_NAME_WORDS,
    GENDERED,
    NOUN_GENDER,
    OPEN_QUOTES,
    PREPOSITIONS,
    TELL,
)
from claims.suggestions.speakers import one_person
from claims.text import (
    QUOTE_MARKS,
    QUOTE_PAIRS,
    SINGLE_QUOTE_PAIRS,
    fold_name,
    quotations,
    quote_marks,
)


@dataclass
class Proposal:
    kind: str  # claim | origin
    sentence: tuple[int, int]
    claim_text: str
    quote: tuple[int, int]
    quoted: bool
    hops: list[dict] = field(default_factory=list)
    confidence: float = 0.0
    rule: str = ""

    @property
    def key(self) -> str:
        chain = [(hop.get("source_id") or hop["name"], hop.get("cue")) for hop in self.hops]
        payload = json.dumps([self.kind, self.quote, chain], default=str)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# Double quotation marks, blanked so that the sentences inside a quotation split.
_DOUBLE_MARKS = re.compile(r'["\u201c\u201d\u201e\u00ab\u00bb]')


def without_questions(text: str, part: tuple[int, int]) -> tuple[int, int] | None:
    """The part less the questions it opens or ends with, or None when it only asks.

    '"Where does this end?" asked Mary Holt': a question states nothing a fact-checker
    could check, so it is no claim, and '"Where does this end? We lost 300 jobs"' claims
    the answer alone. A question between two statements stays: the quoted span is one.
    """
    start, end = part
    if "?" not in text[start:end]:
        return part
    plain = _DOUBLE_MARKS.sub(" ", text[start:end])  # the same length: offsets hold
    pieces = [(start + s.start, start + s.end) for s in split_sentences(plain)]
    asked = [text[a:b].rstrip(QUOTE_MARKS + " ,").endswith("?") for a, b in pieces]
    kept = [piece for piece, question in zip(pieces, asked, strict=True) if not question]
    if not kept:
        return None
    return (kept[0][0] if asked[0] else start, kept[-1][1] if asked[-1] else end)


# Singular nouns that no clause opens without a determiner: after "said that", the "that"
# is theirs ("said that claim left out tax increases"), not the complementiser's.
THAT_NOUNS = (
    r"(?:claim|figure|number|decision|statement|idea|plan|argument|move|policy|approach"
    r"|deal|estimate|account|promise|proposal|bill|record|assessment|suggestion|characterization"
    r"|characterisation|description|criticism|accusation|allegation)"
)
# "that" the subject, not the complementiser: "said that was untrue".
_THAT_ITS_SUBJECT = re.compile(
    r"that\s+(?:(?:is|was|were|are|will|would|has|had|have|can|could|should|may|might|must"
    rf"|does|did|seems|seemed|means|meant)\b|{THAT_NOUNS}\s)"
)


def claim_wording(passage: str) -> str:
    """A claim's text from a passage: outer quotation marks, commas, spacing and the
    complementiser of reported speech ("said that ...", kept in the quoted span) gone."""
    text = " ".join(passage.split()).strip(" ,;:")
    if text.startswith("that ") and len(text) > 5 and not _THAT_ITS_SUBJECT.match(text):
        text = text[5:]
    # "According to the regulator, however, data could …": the turn of the story, no part
    # of what the regulator says
    text = _CONNECTIVE.sub("", text, count=1) or text
    if _closes_inside(text):
        # '"We will win", the crowd chanted': the marks are the passage's own, kept paired
        inner = text
    else:
        inner = _unwrapped_single(text.strip(QUOTE_MARKS).strip(" ,;:")).strip(" ,;:")
    if not inner:
        return passage.strip()
    # A mark the passage opens (or closes) inside stays paired: 'The firm had "always
    # complied with the law,"' keeps the closing mark, not a dangling opening one.
    closing = ""
    marks = quote_marks(inner)
    closing_marks = [at for at, part in marks if part in ("close", "stray")]
    unclosed = [at for at, part in marks if part == "unclosed"]
    if len(marks) - len(closing_marks) > len(closing_marks):
        closing = QUOTE_PAIRS[inner[unclosed[-1]]][0]
    elif len(closing_marks) > len(marks) - len(closing_marks):
        inner = _OPENER_OF[inner[closing_marks[0]]] + inner
    if inner.count('"') % 2:
        lone = inner.rindex('"')
        if lone + 1 < len(inner) and not inner[lone + 1].isspace():
            closing = '"'  # it opens a quotation that the passage closed
        else:
            inner = '"' + inner
    inner = inner[0].upper() + inner[1:] if inner[0].isalpha() else inner
    # A single mark after a full stop closes a quotation: no apostrophe stands there.
    if not inner.rstrip(QUOTE_MARKS + _SINGLE_CLOSERS).endswith((".", "!", "?")):
        inner += "."
    return inner + closing


_CONNECTIVE = re.compile(
    r"^(?:(?:however|though|meanwhile|moreover|nonetheless|nevertheless|furthermore),\s+"
    # "But the goal is not revenue": the turn from what came before, which a claim read
    # alone does not follow
    r"|(?:But|And|Yet)\s+(?=[a-z]))",
    re.IGNORECASE,
)


def _closes_inside(text: str) -> bool:
    """The quotation opening ``text`` closes before words that are not quoted: its marks
    enclose part of the passage, not the whole ('"We will win", the crowd chanted')."""
    found = quotations(text)
    if not found or found[0][0] != 0 or found[0][1] is None:
        return False
    return bool(text[found[0][1] + 1 :].strip(" ,;:.!?" + QUOTE_MARKS))


# A single mark that closes a quotation after its punctuation ("chaos,' Gove said"), which
# an apostrophe never does ("don't", "Gove's", "rock 'n' roll", "the workers' union").
_SINGLE_CLOSERS = "".join(dict.fromkeys("".join(SINGLE_QUOTE_PAIRS.values())))
SINGLE_CLOSE = re.compile(r"[,.;:!?][" + re.escape(_SINGLE_CLOSERS) + r"](?=\s|$)")


def single_quoted(passage: str) -> bool:
    """``passage`` is a quotation in single marks, a pair at its ends (``_unwrapped_single``)."""
    passage = passage.strip()
    return _unwrapped_single(passage) != passage


def _unwrapped_single(text: str) -> str:
    """``text`` without a pair of single quotation marks at its ends ("'We are not going
    to create chaos,'"), as British copy quotes.

    Single marks are also apostrophes, so only a pair at both ends counts: an opening
    mark before a word, a closing one after a word or its punctuation (a full stop may
    follow it), and none inside that closes a quotation after punctuation (then the ends
    are two quotations: "'A,' he said, 'B.'"). Apostrophes inside stay as written.
    """
    body, after = text, ""
    if len(body) > 1 and body[-1] in ".!?" and body[-2] in _SINGLE_CLOSERS:
        body, after = body[:-1], body[-1]
    if len(body) < 3 or body[0] not in SINGLE_QUOTE_PAIRS:
        return text
    if body[-1] not in SINGLE_QUOTE_PAIRS[body[0]] or not body[1].isalnum():
        return text
    if not (body[-2].isalnum() or body[-2] in ".!?,;:"):
        return text
    inner = body[1:-1]
    if SINGLE_CLOSE.search(inner):
        return text
    inner = inner.rstrip(" ,;:")
    if after and not inner.endswith((".", "!", "?")):
        inner += after
    return inner


# The opening mark a closing one pairs with (the first that may), to mend a quotation the
# passage enters midway ("... law,” she said").
_OPENER_OF = {
    closer: opener
    for opener, closers in reversed(QUOTE_PAIRS.items())
    for closer in closers
    if closer != '"'
}
_SUBJECT_PRONOUN = re.compile(r"(?:He|She|His|Her) (?=[a-z])")


def named_subject(
    claim: str,
    hops: list[dict],
    quoted: bool,
    *,
    itself: bool = False,
    body: bool = False,
    told_anyone: bool = False,
    text: str = "",
) -> str:
    """Reported speech whose subject is the speaker, named: "Janet Morrow said she had
    called the council" claims "Janet Morrow had called the council", not "She had ...".

    A claim is stored once and read alone, so "she" must say who. But "Police said he was
    arrested" is not about the police, nor "Ann Lee told Bob Smith he had lied" about Ann
    Lee: so only when the speaker is a person by the look of the name (a title, or two to
    four capitalised words that name no body), and not after a verb with a listener
    ("told", "warned", "assured": ``TELL``), whom the pronoun may mean, unless the listener
    is anyone at all or an outlet (``told_anyone``: "told reporters he would …", "told Radio
    Holmdal she was …"). "Her team", "his client" are the speaker's too. A quotation is left
    as worded, and so is "it" or "they". ``text``, the article's, says whether a body's name
    takes "the" ("The European Union Election Observation Mission had found").
    """
    if (
        itself
        and hops
        and (_IT.match(claim) or _ITS.match(claim))
        and not EXPLETIVE_IT.match(claim)
    ):
        return _body_itself(claim, hops[0], body, text)
    if not quoted and hops and claim.startswith("They ") and (group := _group_of(hops[0])):
        return group + claim[4:]  # "Residents said they had been ignored"
    if quoted or not hops or not _SUBJECT_PRONOUN.match(claim):
        return claim
    speaker = hops[0]
    name = speaker.get("name") or ""
    cue = (speaker.get("cue") or "").lower().split()
    surface = (speaker.get("surface") or "").strip()
    if surface.lower() in _FIRST_AND_SECOND:
        return claim  # "I think he said it": "he" is someone else
    if TELL & set(cue) and not told_anyone:
        return claim
    opening = surface.split()[0].lower().strip(".") if surface.split() else ""
    if not _person_like(name, surface):
        if (
            claim.startswith(("He ", "She "))
            and one_person(surface)
            and _agrees(surface, claim)
            # "her lawyer said she had called": she is the lawyer's client
            and GENDERED.get(opening) != GENDERED.get(claim.split()[0].lower())
        ):
            # "A university spokeswoman said she could not comment": that spokeswoman
            return surface[:1].upper() + surface[1:] + claim[claim.index(" ") :]
        return claim
    if opening in ("his", "her") and GENDERED[opening] == GENDERED.get(claim.split()[0].lower()):
        return claim  # "Her manager, Bernard Loisel, said she had been working": she is hers
    # "Ms Feld" is a woman; "His lawyer, Petra Solberg" says nothing of the lawyer
    said_by = GENDERED.get(surface.lower()) or (
        GENDERED.get(opening) if opening not in ("his", "her") else None
    )
    about = GENDERED.get(claim.split()[0].lower())
    if said_by and about and said_by != about:
        return claim  # "She said he would appeal": he is someone else
    if claim.startswith(("His ", "Her ")):  # "Crowther said her team plans …"
        return possessive(name) + claim[claim.index(" ") :]
    return name + claim[claim.index(" ") :]


# "his" or "her" owning what follows ("his street", "to her parents"), not "her" as an
# object ("gave her money"): "her" only after a preposition.
_OWNER_INSIDE = re.compile(
    r"(?<=[ \t])(?:(?P<his>his)|(?:(?<=of )|(?<=to )|(?<=for )|(?<=from )|(?<=in )|(?<=on )"
    r"|(?<=at )|(?<=with )|(?<=by )|(?<=into )|(?<=about )|(?<=over ))(?P<her>her))[ \t]+(?=[a-z])"
)
# Who else a "his" or "her" inside reported speech may mean: another person the claim names
# before it ("the minister had lied about his expenses").
_ANOTHER_PERSON = frozenset(
    {"he", "she", "him", "her", "his", "they", "them", "man", "woman", "men", "women", "boy",
     "girl", "child", "son", "daughter", "father", "mother", "wife", "husband", "brother",
     "sister", "friend", "neighbour", "neighbor", "patient", "player", "driver", "teacher",
     "student", "worker", "employee", "client", "victim", "suspect", "colleague", "partner",
     "owner", "boss", "candidate", "rival", "member", "prisoner", "soldier", "nurse",
     "doctor", "person", "someone", "anyone", "everyone", "whoever", "who"}
)  # fmt: skip

# A title names a person ("the minister"); not the words titles are made with ("state",
# "public", "foreign") nor the determiners and nationalities among ``TITLES``.
_PERSON_TITLES = TITLES - {
    "the", "of", "a", "an", "his", "her", "its", "their", "said", "told", "us", "u", "s",
    "prime", "vice", "deputy", "general", "foreign", "interior", "defence", "defense",
    "public", "security", "finance", "state", "former", "acting", "chinese", "hungarian",
    "russian", "american", "british", "ukrainian", "european", "french", "german",
    "opposition", "head", "chief", "police", "justice",
}  # fmt: skip


# What a claim may open with in capitals that names no one: "No official", "During his …".
_OPENERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "no", "some", "many", "most", "all",
     "several", "every", "each", "any", "both", "few", "none", "but", "and", "or", "so",
     "yet", "while", "when", "if", "as", "after", "before", "since", "although", "though",
     "because", "once", "until", "unless", "there", "it", "its", "their", "our", "only",
     "more", "less", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
     "ten", "local", "police", "officials", "nobody", "nothing"}
    | PREPOSITIONS
)  # fmt: skip
_HE_OR_SHE_BEFORE = {
    "m": re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b"),
    "f": re.compile(r"\b(?:[Ss]he|[Hh]er)\b"),
}


def speakers_own(
    claim: str,
    hops: list[dict],
    quoted: bool,
    *,
    told_anyone: bool = False,
    before: str = "",
    body: bool = False,
    text: str = "",
) -> str:
    """ "Brannock said no official had visited his street" claims "No official had visited
    Ilya Brannock's street": a claim is read alone, and in reported speech whose words name
    no one else before it, a named person's "his" or "her" is their own. Not in a quotation,
    not after a listener who may be the one meant ("told Bob his car had been towed"), not
    where the pronoun is not the speaker's ("Ms Feld said his …"), and not where the
    sentence ``before`` the claim already says "he" or "his" of someone ('"He was at the top
    of his game," Rendell recalled, suggesting … his first performance'). A ``body``'s
    "its" the same way ("Severnvale Water said supplies were safe because its intake was
    upstream"), where no thing is named before it that "its" may mean."""
    if quoted or not hops:
        return claim
    speaker = hops[0]
    name = speaker.get("name") or ""
    surface = (speaker.get("surface") or "").strip()
    if TELL & set((speaker.get("cue") or "").lower().split()) and not told_anyone:
        return claim
    if name and not is_description(name) and (body or _a_bodys_name(name)):
        return _bodys_own(claim, name, before, text)
    if not _person_like(name, surface):
        return claim
    words = surface.lower().replace(",", " ").split()
    said_by = next((NOUN_GENDER[w] for w in words if w in NOUN_GENDER), None) or next(
        (GENDERED[w] for w in words[:1] if w in GENDERED and w not in ("his", "her")), None
    )
    found = _OWNER_INSIDE.search(claim, 1)
    if found is None or _in_quotation(claim, found.start()):
        return claim  # inside a quotation: the speaker's words as they said them
    gender = "m" if found["his"] else "f"
    if said_by is not None and said_by != gender:
        return claim
    if _HE_OR_SHE_BEFORE[gender].search(before):
        return claim
    tokens = re.findall(r"[\w'\u2019-]+", claim[: found.start()])
    for index, token in enumerate(tokens):
        lowered = re.split(r"['\u2019]", token.lower())[0]  # "he'd", "Obama's"
        if _a_name(token, index, text):
            return claim  # a name, maybe the one meant
        if (lowered in _ANOTHER_PERSON or lowered in _PERSON_TITLES) and not (
            index and tokens[index - 1].lower() == "no"
        ):
            return claim  # "no official had visited his street": no one else
    return claim[: found.start()] + possessive(name) + " " + claim[found.end() :]


_ITS_INSIDE = re.compile(r"(?<=[ \t])its[ \t]+(?=[a-z])")
# What "its" may mean before it in a claim: a thing the claim names ("the plant reached its
# capacity"), or "it".
_A_THING_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]t|[Ii]ts)\b")


def _in_quotation(claim: str, offset: int) -> bool:
    """Whether ``offset`` of the claim lies inside one of its quotations (one left open
    runs to the end)."""
    spans = quotations(claim, 0, len(claim))
    return any(a <= offset and (b is None or offset < b) for a, b in spans)


def _a_name(token: str, index: int, text: str) -> bool:
    """Whether a claim's word is a name: capitalised inside it, or opening it where the
    article never writes it in lower case ("Obama", not "Drinking" of "drinking water")."""
    if not token[:1].isupper():
        return False
    if index:
        return True
    word = re.split(r"['\u2019]", token.lower())[0]
    if word in _OPENERS:
        return False
    return not (text and re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text))


def _bodys_own(claim: str, name: str, before: str, text: str) -> str:
    found = _ITS_INSIDE.search(claim, 1)
    if found is None or _in_quotation(claim, found.start()):
        return claim
    if re.search(r"\b[Ii]ts?\b", before) or _A_THING_BEFORE.search(claim, 0, found.start()):
        return claim
    tokens = re.findall(r"[\w'\u2019-]+", claim[: found.start()])
    if any(_a_name(t, i, text) for i, t in enumerate(tokens)):
        return claim  # a name, maybe the one meant
    if text and written_with_the(name, text):
        name = f"the {name}"
    return claim[: found.start()] + possessive(name) + " " + claim[found.end() :]


def _agrees(surface: str, claim: str) -> bool:
    """Whether a described person may be the "he" or "she" opening a claim: "a
    spokeswoman" is no "he"; "an official" may be either."""
    words = surface.lower().replace(",", " ").split()
    said_by = next((NOUN_GENDER[w] for w in words if w in NOUN_GENDER), None)
    return said_by is None or said_by == GENDERED.get(claim.split()[0].lower())


def _group_of(speaker: dict) -> str | None:
    """The people a speaker's description names, whom "they" in their words mean:
    "Residents", "The family of Derek Haines", "Police"; not one person, nor a body."""
    name = (speaker.get("name") or "").strip()
    if speaker.get("source_id") is not None or not name:
        return None
    if name.split()[-1] in ("Police", "police") and name[:1].isupper():
        return name  # "Westmoor Police said they were not treating it as criminal"
    rest = name.split()[1:]
    # "Trucking firms", "Both campaigns": a capital only where the sentence starts
    lowered = name[:1].lower() + name[1:] if rest and all(w.islower() for w in rest) else name
    if not is_description(lowered):
        return None
    words = name.lower().split()
    # the head, before whom or where: "Analysts at Morgan Stanley"
    words = words[: next((i for i, w in enumerate(words) if i and w in _PLACING), len(words))]
    plural = words[-1].endswith("s") and not words[-1].endswith("ss")
    if _PEOPLE.match(name) or (plural and len(words) <= 4) or words[-1] in ("police", "people"):
        return name[:1].upper() + name[1:]
    return None


_PLACING = {"at", "from", "in", "of", "with", "for", "on", "close", "familiar", "who"}
_PEOPLE = re.compile(r"(?:the\s+)?(?:family|families|relatives|parents|children|friends)\b", re.I)


# Where a name ends, not one that names a thing of its own ("the Kessby Marine shipyard").
NAME_ENDS = (
    r"(?![\w-])(?!\s+(?:shipyard|yard|plant|factory|site|brand|stores?|unit|subsidiary"
    r"|spokesman|spokeswoman|spokesperson|office|headquarters|building|team|staff|chief"
    r"|executive|case|group|company|chain|network|app|website|programme|program|facility"
    r"|premises|laboratory|mine|warehouse|depot|board|shares)\b)"
)


def written_with_the(name: str, text: str) -> bool:
    """Whether the article writes ``name`` with "the" before it as the body itself ("the
    European Union said"), not as a thing of its own ("at the Varnex Chemicals site", "the
    Wells Fargo Center")."""
    with_the = rf"(?<![\w-])[Tt]he[ \t]+{re.escape(name)}{NAME_ENDS}(?![ \t]+[A-Z])"
    return re.search(with_the, text) is not None


def possessive(name: str) -> str:
    """ "Helena Crowther's", "Siemens'": a name as the owner of what a claim goes on to."""
    return name + ("'" if name.endswith("s") else "'s")


_FIRST_AND_SECOND = {"i", "we", "you"}
_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Capt|Sgt|Sir|Dame)\.?\s+\S")


# "It was disappointed", not "It was too early to say" nor "It seems": an "it" that stands
# for something, as against one that only fills the subject's place ("It was reviewing
# whether" does something: it stands for someone).
_IT = re.compile(r"It (?=[a-z]|[\"\u201c\u2018][a-z])")  # also 'said it "strongly disagrees"'
_ITS = re.compile(r"Its (?=\w)")  # "The agency said its rocket would launch …"
EXPLETIVE_IT = re.compile(
    r"It\s+(?:(?:is|was|will\s+be|would\s+be|could\s+be|may\s+be|might\s+be|has\s+been"
    r"|had\s+been|remains|remained)\b"
    # ("it was working on a fix": the body doing it; "it was concerning that": no one)
    r"(?!\s+(?:(?:also|still|now|already|currently|actively|not)\s+)?"
    r"(?!(?:concerning|worrying|disappointing|encouraging|surprising|alarming"
    r"|troubling|reassuring|interesting|striking|amazing|shocking)\b)[a-z]+ing\b)"
    # "It was ready to assist": an agent's readiness, not "it was hard to say"
    # ('it was "deeply sorry" to everyone', "it was open to further talks": its feelings)
    r"(?!\s+[\"\u201c]?(?:not\s+)?(?:[a-z]+ly\s+)?(?:ready|able|unable|willing|unwilling"
    r"|prepared|keen|eager|happy|committed|determined|reluctant|sorry|open|grateful|pleased"
    r"|delighted|proud|disappointed|saddened|concerned|worried|confident|aware|satisfied"
    r"|surprised|alarmed|troubled|encouraged)\b)"
    # ('it was "beyond reasonable doubt" that': the words quoted too)
    r"(?:\s+[\"\u201c\u2018]?[\w-]+[\"\u201d\u2019]?){0,3}?\s+(?:to|that|whether|if|for|how"
    r"|what|when|why|who)\b|(?:seems|seemed|appears|appeared|remains\s+to|looks|looked"
    r"|is\s+time|was\s+time|takes|took)\b"
    # "it was the third EPO case this year": a thing counted, not the body speaking
    r"|(?:is|was)\s+the\s+(?:first|second|third|fourth|fifth|latest|last|biggest|largest"
    r"|worst)\b)"
)


_BRAND = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
_SURNAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z]")


# A spokesperson for a body the article describes: "a spokesman for the county's office".
_SPOKESPERSON_FOR = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+)?(?:spokesman|spokeswoman|spokesperson)\s+(?:for|of)\s+"
    r"(?P<body>(?:the|[A-Z][\w-]*['\u2019]s)\s+[^,]{3,80})"
)


def _body_itself(claim: str, speaker: dict, body: bool = False, text: str = "") -> str:
    """ "Veltrix said it was disappointed" claims "Veltrix was disappointed", and "ESA said
    its rocket would launch" "ESA's rocket would launch": a body speaking of itself, when it
    has a name (not "The company", which the reviewer names)."""
    name = speaker.get("name") or speaker.get("proposed_name") or ""
    surface = (speaker.get("surface") or "").strip()
    spoken_for = _SPOKESPERSON_FOR.fullmatch(surface.strip(" ,"))
    if spoken_for is not None and (not name or is_description(name)):
        # "A spokesman for the county's emergency management office said it was looking
        # into the reports": the office was, as the article describes it
        name, surface = spoken_for["body"], ""
    elif (
        name
        and is_description(name)
        and is_description(surface)
        and (body or _a_body_said(surface))
    ):
        # "The Dutch health inspectorate said it was reviewing", "The museum's staff union
        # said it had raised concerns": that one, as the article describes it
        name = surface
    elif name and is_description(name) and body and fold_name(surface) == "it":
        pass  # "It said it had approved funding", "it" the health authority read before
    elif not name or is_description(name):
        return claim
    # ``body``: the article shows it is one ("the Directorate, which said")
    if not (body or _a_bodys_name(name) or _said_a_body(surface, name)):
        return claim  # "Denyer said it would fail": a name alone may be a person's
    if surface[:4].lower() == "the " and surface[4:] == name and name.split()[-1].islower():
        name = f"the {name}"  # "The Dutch health inspectorate", as the article calls it
    elif text and written_with_the(name, text):
        name = f"the {name}"  # "the European Union Election Observation Mission"
    name = name[:1].upper() + name[1:]
    if _ITS.match(claim):
        if re.search(r"['\u2019]s\b", name):
            return claim  # "Russia's Defense Ministry's troops": whose is not the ministry
        return possessive(name) + claim[3:]
    return name + claim[2:]


def _said_a_body(surface: str, name: str) -> bool:
    """Whether the speaker's words call the name a body's: "the Tallinn-based bank Merikivi
    Pank", "the engineering firm Haldane & Roe"."""
    kind = re.search(rf"\b([a-z]+)[ \t]+{re.escape(name)}\b", surface)
    return kind is not None and kind[1] in BODY_NOUNS | _FIRMS


# What a body is called before its name, besides ``BODY_NOUNS``.
_FIRMS = frozenset(
    {"bank", "firm", "lender", "insurer", "carrier", "airline", "retailer", "operator",
     "developer", "broadcaster", "newspaper", "manufacturer", "carmaker", "supplier",
     "contractor", "charity", "regulator", "watchdog", "sponsor", "chain", "studio"}
)  # fmt: skip


def _a_body_said(description: str) -> bool:
    """A description whose head says it is a body: "the museum's staff union", not "the
    company's lawyers"."""
    words = description.lower().split()
    return len(words) > 1 and words[-1].strip(".,") in BODY_NOUNS


def _a_bodys_name(name: str) -> bool:
    """A name that says it is a body's: an acronym ("UNICEF", "ARS Auvergne-Rhone-Alpes"),
    a word bodies' names hold ("Severnvale Water", "Halvern Pharmaceuticals"), or a brand's
    inner capital ("FreshWay", "PayPal"), no person's as "McDonald" or "DeSantis" is."""
    words = {word.lower().strip(".,") for word in name.split()}
    first = name.split()[0]
    acronym = len(first) >= 3 and first.isupper()
    named_so = words & (ORGANISATION_WORDS | COMPANY_NAME_WORDS | BODY_NAME_WORDS)
    camel = bool(_BRAND.fullmatch(name)) and not _SURNAME_PREFIX.match(name)
    return bool(acronym or name.replace(".", "").isupper() or named_so or camel)


def _person_like(name: str, surface: str) -> bool:
    if not name or fold_name(name) in PRONOUNS or "'" in name or "\u2019" in name:
        return False
    if _TITLE.match(surface.strip()):
        return True
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(word[:1].isupper() for word in words)
        and words[0].lower() != "the"
        and not any(word.lower().strip(".,") in ORGANISATION_WORDS for word in words)
    )


JOINT = " ,;:—–―" + QUOTE_MARKS  # what lies between the halves of a split quotation
# Single quotation marks, which British copy quotes with: "'A,' she said, 'B.'" is split as
# '"A," she said, "B."' is.
_SINGLE_MARKS = "".join(dict.fromkeys("".join(SINGLE_QUOTE_PAIRS) + _SINGLE_CLOSERS))
# One opening a quotation, not an apostrophe ("it's"): after a space, before a word.
_SINGLE_OPENING = re.compile(r"(?<!\S)[" + re.escape("".join(SINGLE_QUOTE_PAIRS)) + r"](?=\w)")


def spoken(text: str, attribution: Attribution, content: tuple[int, int]) -> str:
    """The words of a content, without the cue and source a split quotation holds:
    '"We will fight," she said, "and we will win."' says both halves, not "she said"."""
    start, end = content
    inner = [s for s in (attribution.cue, attribution.source) if s and start < s[0] < end]
    if not inner:
        return text[start:end]
    first = min(s[0] for s in inner)
    last = max(min(s[1], end) for s in inner)
    marks = JOINT + _SINGLE_MARKS
    before = text[start:first].rstrip(marks)
    after = text[last:end]
    closed_by = text[start:first].rstrip(" ,.")[-1:]
    quoted_before = closed_by in CLOSE_QUOTES + _SINGLE_MARKS
    if closed_by in _SINGLE_MARKS:
        found = _SINGLE_OPENING.search(after)
        opening = found.start() if found else None
    else:
        opening = next((i for i, c in enumerate(after) if c in OPEN_QUOTES), None)
    # '"A," he said. "But B."': a full stop after the cue ends the sentence A is in
    ended = re.search(r"[.!?]", after[:opening] if opening else after[:2]) is not None
    if quoted_before and opening is None:
        # '"A," Crane said in a statement.': what follows the cue of a quotation, unquoted,
        # says how it was said, not more of what was said. A single mark stays, paired:
        # alone it would be an apostrophe.
        if closed_by in _SINGLE_MARKS:
            return text[start:first].rstrip()
        return before.rstrip(" ,")
    if opening is not None and quoted_before:
        after = after[opening:]  # '"A," she said, clapping. "B."': not "clapping"
    # a split quotation resumes after its joint: '"A," she said, "B."'
    resumes_quoted = after.lstrip(" ,;:.\u2014\u2013\u2015")[:1] in OPEN_QUOTES
    after = after.lstrip(marks + ".")
    if not after or not before:
        return before or after
    if before.endswith((".", "!", "?")) or (not quoted_before and not resumes_quoted):
        # "bank statements which, the prosecution says, show": no comma left; nor in
        # 'Universities, he said, had to "live within their means"', quoted further on
        joint = " "
    elif ended and after[:1].isupper():
        # '"A," he said. "But B."': the second part is a sentence of its own
        joint = ". "
    else:
        joint = ", "
    return before + joint + after


def source_hop(
    cue: str | None,
    cue_span: tuple[int, int] | None,
    evidence: tuple[int, int] | None,
    resolution: Resolution | None,
) -> dict | None:
    """A proposed hop: who (known, or proposed as new), by which cue, named where."""
    hop = {
        "cue": cue,
        "cue_start": cue_span[0] if cue_span else None,
        "cue_end": cue_span[1] if cue_span else None,
        "surface": None,
        "name": None,
        "source_id": None,
        "new": False,
        "evidence_start": evidence[0] if evidence else None,
        "evidence_end": evidence[1] if evidence else None,
        "why": None,
        "confidence": 0.0,
    }
    if resolution is not None:
        hop["surface"] = resolution.surface.strip()
        hop["why"] = resolution.why
        if resolution.resolved:
            hop.update(name=resolution.name, source_id=resolution.source_id)
            hop["confidence"] = resolution.confidence
        elif resolution.proposed_name:
            hop.update(name=resolution.proposed_name, new=True)
            hop["confidence"] = 0.5
        else:
            return None  # "she", with nobody named before: no source to propose
    return hop
