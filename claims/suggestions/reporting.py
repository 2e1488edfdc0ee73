"""Which attribution relations pass words on, and which only look as if they did.

"Declined to comment", "allegedly misled", "voted to", "agreed on a joint control",
"warned of empty shelves", "blamed the strikes for the slowdown", "Asked about X, the
minister said": a reporting verb's shape without a statement for a claim; and '"We
agreed ...," Shmyhal said', where "We agreed" is the quoted speaker's own act inside what
Shmyhal says.
Kept apart from the proposals so the rule has one home; ``reports`` is tested alone.
"""

from __future__ import annotations

import re

from claims.sentences import Sentence
from claims.suggestions.attribution import Attribution, nest, passive
from claims.suggestions.lexicon import (
    AGREED,
    AUXILIARIES,
    CLAUSE_WORDS,
    CUE_WORDS,
    FIRST_PERSON,
    HEDGES,
    NOT_REPORTING,
    OBJECT_CUES,
    PREPOSITIONS,
    QUESTIONED,
    REJECTS,
    THING_PREPOSITIONS,
    WARNED,
    forms,
)
from claims.text import QUOTATION_STARTS, QUOTE_MARKS, quotations

_AFTER_CUE = re.compile(r"[\s,:]*(?:that\b)?\s*")
_INFINITIVE = re.compile(r"(?:not\s+)?to\s+[a-z]")
_CUE_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")
_SET_OFF = re.compile("[,;:\u2014\u2013\"'\u201d\u2019\u00bb()]|\\s--?\\s")
_NEGATIONS = frozenset({"not", "never", "didn't", "wouldn't", "won't", "couldn't", "don't"})
_OPEN_QUESTION = re.compile(r"(?:what|whether|how|when|where|who|whom|which|why|if)\b", re.I)


def reports(text: str, sentence: Sentence, attribution: Attribution) -> bool:
    """Does the relation pass words on? Not a hedge ("appears to", "allegedly misled"),
    an act ("wrangle over", "voted to", "are divided on"), an intention or a refusal
    ("declined to comment", "asked not to be named": what follows is to be done, not
    said), nor the question put to a speaker ("Asked about X, the minister said")."""
    words = [w.lower() for w in _CUE_WORD.findall(text[attribution.cue[0] : attribution.cue[1]])]
    if any(word in NOT_REPORTING for word in words):
        return False
    said = [word for word in words if word not in HEDGES]
    if len(said) < len(words) and not any(word in CUE_WORDS for word in said):
        return False  # "allegedly misled"
    content = text[attribution.content[0] : attribution.content[1]].lstrip(" " + QUOTATION_STARTS)
    if _INFINITIVE.match(content) and attribution.content[0] >= attribution.cue[1]:
        return False
    if (
        words
        and words[-1].endswith("ing")
        and words[-1] not in CUE_WORDS
        and attribution.source is None
        and not attribution.quoted
        and attribution.content[0] >= attribution.cue[1]
        and _OBJECT_PHRASE.match(content)
    ):
        return False  # "…, deepening a dispute that has simmered for a decade": an act's object
    if not attribution.quoted and (
        attribution.content[1] <= sentence.start <= attribution.cue[0]
        or attribution.content[1] <= sentence.end <= attribution.cue[0]
    ):
        # "No one was injured. The building was evacuated, Moreno said.": words said
        # without quotation marks are the cue's own sentence's
        return False
    if _NEGATIONS & set(words) and _OPEN_QUESTION.match(content):
        return False  # "would not say whether the talks failed": what was not said
    if content.lower().startswith("whether ") and not any(w in CUE_WORDS for w in words):
        return False  # "Asked whether he expected a shutdown, he shrugged": what was asked
    if _NEGATIONS & set(words) and any(w.startswith(("confirm", "verif")) for w in words):
        return False  # "an account the army has not confirmed": nothing passed on
    if attribution.source is not None and _NO_ONE_IN_PARTICULAR.fullmatch(
        text[attribution.source[0] : attribution.source[1]].strip(" ,")
    ):
        return False  # "Not everyone is convinced that the ban will survive": no one speaks
    if attribution.source is not None:
        speaker = min(attribution.source[0], attribution.cue[0])
        if attribution.content[1] <= speaker and not _SET_OFF.search(
            text, max(attribution.content[1] - 1, 0), speaker
        ):
            # "Shares fell 9% after the chipmaker forecast ...": words before a speaker are
            # theirs only when set off ("A, the chipmaker said"; '"A," said X')
            return False
    if any(word in AGREED for word in words) and _prepositional(text, attribution, words):
        return False  # "agreed on a joint control": what was settled, not what was said
    opening = text[sentence.start : attribution.cue[0]].strip(" " + QUOTATION_STARTS)
    if not opening and words and words[0] in QUESTIONED:
        return False
    if (
        words
        and words[-1] in ("reported", "reports", "recorded", "records")
        and attribution.content[0] >= attribution.cue[1]
        and not text[attribution.cue[1] : attribution.content[0]].strip()
        and _QUANTITY.match(text, attribution.content[0])
    ):
        return False  # "organizations reported more than 400 incidents": a figure's subject
    if words and words[-1] in _DISPUTED and attribution.content[1] <= attribution.cue[0]:
        return False  # "a figure the national government disputed": doubted, not said
    if words and words[-1] in _SHOWED and not attribution.quoted:
        head = _WHILE.split(text[slice(*attribution.content)], maxsplit=1)[0]
        start = attribution.content[0]
        if not states(text, (start, start + len(head))):
            return False  # "showed no emotion as the sentence was read": what was seen
    if words and words[-1] in ("called", "calls") and _PHONED.match(text, attribution.cue[1]):
        return False  # "had already called Korpela to congratulate her": a telephone call
    if words and words[-1] == "told" and not text[attribution.cue[1] : sentence.end].strip(" .!"):
        return False  # "…, jury told": a headline's passive; the jury heard it, said nothing
    if not (attribution.quoted or quotes_words(text, attribution.content)):
        if claimed_whole(text, attribution.cue, attribution.content):
            return True  # claimed whole, with its speaker: see ``claimed_whole``
        said = states(text, attribution.content) or _headline_said(text, sentence, attribution)
        if not said:
            return False  # "blamed the strikes for the slowdown": what, not what was said
    return not _a_thing(text, attribution, words)


# Speakers that are nobody in particular, whose "convinced" or "believes" says what is
# thought, and whom no claim can be attributed to.
_NO_ONE_IN_PARTICULAR = re.compile(
    r"(?:not\s+)?(?:everyone|everybody|no\s+one|nobody|none|anyone|anybody)"
    # "Neither campaign said it planned to change strategy": no one said so
    r"|neither\s+(?:of\s+(?:the\s+)?)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+)?",
    re.IGNORECASE,
)
_OBJECT_PHRASE = re.compile(r"(?:a|an|the|this|its|their|his|her)\s", re.IGNORECASE)
# Adverbs before a verb in the present, which only a verb follows: "typically gains".
_HABIT = frozenset(
    {"typically", "usually", "often", "always", "never", "sometimes", "rarely", "generally",
     "regularly", "frequently", "routinely", "normally", "also", "still", "now", "already"}
)  # fmt: skip
_DISPUTED = {
    "disputed", "disputes", "denied", "denies", "rejected", "rejects", "refuted", "refutes",
    "contested", "contests", "challenged", "challenges", "questioned", "questions",
}  # fmt: skip
_CALLS_ON = {"called", "calls", "urged", "urges", "urging", "asked", "asks", "pressed"}
_ON_OR_FOR = re.compile(r"\s*(?:on|for)\s")  # "called on X to", "called for X to be"
_FOR = re.compile(r"\s*for\s")
# "showed no emotion as …": what someone showed is seen, not said, when what follows the
# verb is a thing and only a clause of time after it has a verb.
_SHOWED = {"show", "shows", "showed", "shown", "showing"}
_WHILE = re.compile(r"\s(?:as|when|while|after|before|until)\s")
# Whom someone rang, and why: "called Korpela to congratulate her", "called him to say".
_PHONED = re.compile(r"\s+(?:(?:[A-Z][\w'\u2019.-]*\s+){1,3}|(?:him|her|them|me|us)\s+)to\s+[a-z]")
_ON_WHOM_TO = re.compile(r"\s*(?:on\s+)?(?:[\w'\u2019.-]+\s+){1,6}?to\s+[\"\u201c']?[a-z]")
# Whom, described by a clause of its own, then what to do: "urged anyone who had used the
# app before 2023 to register", "warned passengers to check" (not "warned that prices
# would rise to record levels", a clause: no verb of its own before the relative).
_WHOM_TO = re.compile(
    r"\s*(?:on\s+)?(?!(?:that|of|about|against|it|there)\b)"
    r"(?:(?!(?:would|will|could|can|may|might|must|should|is|are|was|were|had|has|have)\b)"
    r"[\w'\u2019.-]+\s+){1,4}?(?:(?:who|which|whose)\s+(?:[\w'\u2019.-]+\s+){1,8}?)?"
    r"to\s+[\"\u201c']?[a-z]"
)
# Demands put to someone by a word that may as well open a clause: "warned passengers to
# check", "ordered the company to refund", "advised residents to stay indoors".
_TELLS_TO = {
    "warned", "warns", "warning", "advised", "advises", "ordered", "orders", "instructed",
    "instructs", "encouraged", "encourages",
}  # fmt: skip


_CALLS_AS = (
    forms("describe", ())
    | forms("dismiss", ("dismisses", "dismissed", "dismissing"))
    | forms("characterise", ())
    | forms("characterize", ())
    | {"branded", "brands", "labelled", "labeled", "labels", "hailed", "hails"}
)
_ACCUSES = forms("accuse", ())
# Whom someone faulted or praised, and for what: claimed whole, as an accusation is.
_FAULTS = (
    forms("criticise", ())
    | forms("criticize", ())
    | forms("condemn", ())
    | forms("praise", ())
    | forms("fault", ())
    | forms("slam", ("slams", "slammed", "slamming"))
    | forms("rebuke", ())
    | forms("commend", ())
    | {"blasted", "blasts", "lambasted", "lambasts", "thanked", "thanks"}
)
# A cue's object that is what was done or spoken of: "responsibility for", "of cracks".
_OBJECT_OF_ACT = re.compile(
    r"(?:responsibility|credit)\b|(?:of|about|against)\s+"
    # not an amount: "said about 62,000 passengers were affected"
    r"(?![\d$\u20ac\u00a3]|(?:one|two|three|four|five|six|seven|eight|nine|ten|half|a\s+"
    r"(?:third|quarter|half|dozen|hundred|thousand|million))\b)",
    re.IGNORECASE,
)
_CLAIMED = forms("claim", ())


def _states_after_preposition(text: str, content: tuple[int, int]) -> bool:
    """Whether a content opening with "of" or "about" goes on to a statement of its own
    ("warned of what he said was a plot": no; "spoke about how prices had risen": yes)."""
    words = text[content[0] : content[1]].split(maxsplit=1)
    if len(words) < 2:
        return False
    rest = content[1] - len(words[1])
    return words[1].split()[0].lower() in ("how", "why", "what", "whether", "when") and states(
        text, (rest, content[1])
    )


_FOR_WHAT = re.compile(r"(?:[\w'\u2019.-]+\s+){1,6}?for\s+\S")
_OF_WHAT = re.compile(r"(?:[\w'\u2019.-]+\s+){1,6}?of\s+\S")
_DENIES = forms("deny", ("denies", "denied", "denying"))
_WHAT_IS_DENIED = re.compile(
    r"(?:(?:the|these|those|all|any|such|its|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:accusations?|allegations?|claims?|charges?|reports?|wrongdoing|any\s+wrongdoing)"
    r"(?:\s+(?:of|against)\s+[\w\s-]{1,40})?[.\s]*",
    re.IGNORECASE,
)
# What others said, and its "that": "reports that", "suggestions that", "claims by the
# union that".
_OTHERS_CLAIM_THAT = re.compile(
    r"\s+(?:down\s+)?(?:the\s+|any\s+|all\s+|such\s+|media\s+|press\s+|earlier\s+)*"
    r"(?:reports?|claims?|allegations?|suggestions?|accusations?|rumou?rs?|speculation"
    r"|assertions?|charges?)(?:\s+(?:by|from|in)\s+[^,;.]{1,60}?)?\s+that\s+"
)
_THAT_DENIED = re.compile(r"(?:\s+(?:on|last|this)\s+\w+)?\s+that\s")
_THING_AS_WHAT = re.compile(r"(?:[\w'\u2019.-]+\s+){1,6}?as\s+\S")


# Verbs whose object may be what the speaker did or met: "reported hearing explosions".
_RECOUNTS = frozenset(
    {"reported", "reports", "described", "describes", "recalled", "recalls", "admitted",
     "admits", "acknowledged", "acknowledges"}
)  # fmt: skip
_GERUND = re.compile(r"(?!citing\b|quoting\b|saying\b)[a-z]+ing\b(?!\s+(?:that|to)\b)")
# Verbs that foresee a thing ("forecast a cool change", "predicted a recession"): the thing
# alone is no statement, the forecast of it is.
_FORECASTS = frozenset(
    {"forecast", "forecasts", "predicted", "predicts", "projected", "projects"}
)  # fmt: skip
_A_THING_AHEAD = re.compile(r"(?:an?|the|further|more|another|some)\s+[a-z]", re.IGNORECASE)
# Verbs that report a count of things ("reported two cases", "confirmed 14 deaths"): the
# count alone is no statement, the report of it is.
_COUNTS = frozenset(
    {"reported", "reports", "report", "confirmed", "confirms", "confirm", "recorded",
     "records", "registered", "registers", "announced", "announces"}
)  # fmt: skip
_A_COUNT = re.compile(
    r"(?:(?:about|around|some|nearly|almost|more\s+than|at\s+least|over|another|a\s+further"
    r"|a\s+total\s+of)\s+)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|dozens|hundreds|thousands)\s+(?!percent\b|per\s+cent\b)"
    r"(?:[a-z-]+\s+){0,2}[a-z]+s\b(?![^,;]*\b(?:was|were|had|have|has|is|are|will|would)\b)",
    re.IGNORECASE,
)


def claimed_whole(text: str, cue: tuple[int, int], content: tuple[int, int]) -> bool:
    """ "urged ministers to reopen talks", "called on the council to resign": a demand put
    to someone is said, though what follows the cue is no clause; so are an accusation
    ("accused governments of …"), blame or praise for something ("criticised the company
    for slow communication"), a denial ("denies the accusations") and how a thing was
    described ("dismissed the numbers as an outlier"). Each is claimed whole, with its
    speaker and cue (``propose._naming``)."""
    verb = text[cue[0] : cue[1]].lower().split()[-1:]
    if not verb:
        return False
    if verb[0] in _CALLS_ON:
        # from the cue: "called on both sides to" whether or not the content holds whom
        start = cue[1] if content[0] >= cue[1] else content[0]
        if verb[0] in ("called", "calls") and not _ON_OR_FOR.match(text, start, content[1]):
            return False  # "had called Korpela to congratulate her": a telephone call
        if verb[0] in ("called", "calls") and _FOR.match(text, start, content[1]):
            return True  # "called for a criminal investigation into developers"
        return bool(
            _ON_WHOM_TO.match(text, start, content[1]) or _WHOM_TO.match(text, start, content[1])
        )
    if verb[0] in _TELLS_TO and content[0] >= cue[1] and _WHOM_TO.match(text, cue[1], content[1]):
        return True
    if verb[0] in _ACCUSES:
        return bool(_OF_WHAT.match(text, *content))  # "accused governments of expanding …"
    if verb[0] in _FAULTS:
        return bool(_FOR_WHAT.match(text, *content))  # "criticised the company for …"
    between = text[cue[1] : content[0]].strip().lower() if content[0] >= cue[1] else None
    if between in ("of", "against") and not _states_after_preposition(text, (cue[1], content[1])):
        return True  # "warned of a recession that would hit the poorest hardest"
    if content[0] >= cue[1] and _OBJECT_OF_ACT.match(text, content[0], content[1]):
        # "claimed responsibility for the attack", "complained of cracks in the roof",
        # "warned of a recession": what was done or spoken of, with the one who did
        return verb[0] in _CLAIMED or not _states_after_preposition(text, content)
    if verb[0] in _RECOUNTS and content[0] >= cue[1] and _GERUND.match(text, *content):
        return True  # "reported hearing a series of small explosions", "admitted taking"
    if verb[0] in _COUNTS and _A_COUNT.match(text, *content):
        return True  # "reported two linked cases on Sunday": what was counted, by whom
    if verb[0] in _FORECASTS and content[0] >= cue[1] and _A_THING_AHEAD.match(text, *content):
        # "forecast a cool change for Wednesday evening": what was foreseen, by whom
        return not states(text, content)
    if verb[0] in REJECTS and (
        (content[0] > cue[1] and _OTHERS_CLAIM_THAT.fullmatch(text, cue[1], content[0]))
        or (content[0] >= cue[1] and _OTHERS_CLAIM_THAT.match(" " + text[content[0] : content[1]]))
    ):
        # "denied reports that the bid relied on loans", "dismissed suggestions that …": not
        # that it did
        return True
    if verb[0] in _DENIES:
        if _THAT_DENIED.match(text, cue[1], content[1]):
            return True  # "denied that maintenance had been neglected": not that it had
        if content[0] >= cue[1] and _GERUND.match(text, *content):
            return True  # "denied taking any banned substance": not "Taking any …"
        return bool(_WHAT_IS_DENIED.fullmatch(text, *content))  # "denies the accusations"
    return verb[0] in _CALLS_AS and bool(_THING_AS_WHAT.match(text, *content))


def _headline_said(text: str, sentence: Sentence, attribution: Attribution) -> bool:
    """ "Putin open to call with Trump, Kremlin says": a headline drops the verb ("is")
    of what it reports, so its words are no clause; told by the cue ending a line that no
    full stop ends, after what was said."""
    line = text[sentence.start : sentence.end].rstrip()
    if not line or line[-1] in ".!?" + QUOTATION_STARTS or "\n" in line:
        return False
    if len(text[slice(*attribution.content)].split()) < 3:
        return False
    if attribution.content[1] <= attribution.cue[0]:
        return not text[attribution.cue[1] : sentence.end].strip(" ,.")  # "A, Kremlin says"
    # "Kremlin says Putin open to call": a verb of saying alone, not "calls for", "urges"
    cue = text[attribution.cue[0] : attribution.cue[1]].lower().split()
    if cue and cue[-1] == "claims" and _CLAIMED_THING.match(text, attribution.content[0]):
        return False  # "Opposition leader claims victory as count drags on": an act
    return bool(cue) and cue[-1] in _HEADLINE_SAYS


_CLAIMED_THING = re.compile(
    r"(?:victory|responsibility|credit|success|the\s+(?:title|win|crown|seat|lead))\b", re.I
)
# A figure reported, not words passed on: "organizations reported more than 400 incidents",
# "the company reported a 5% rise in sales"; the figure is the sentence's claim.
_QUANTITY = re.compile(
    r"(?:more|fewer|less)\s+than\s|(?:nearly|almost|about|around|some|over|just|only)\s+\d"
    r"|\d|an?\s+(?:record|rise|fall|drop|increase|decrease|jump|loss|profit|surplus|deficit)\b",
    re.I,
)


_HEADLINE_SAYS = {"says", "tells", "claims", "insists", "warns", "reports", "admits"}


def _prepositional(text: str, attribution: Attribution, words: list[str]) -> bool:
    """A preposition follows the cue, before any "that" ("agreed on a joint control",
    "have agreed on" as the cue; not "agreed on Monday that ...")."""
    if attribution.content[0] < attribution.cue[1]:
        return False
    cue, content = attribution.cue, attribution.content
    between = [w.lower() for w in _CUE_WORD.findall(text, cue[1], content[0])]
    if "that" in between:
        return False
    following = between or [w.lower() for w in _CUE_WORD.findall(text, *content)]
    return words[-1] in PREPOSITIONS or (bool(following) and following[0] in PREPOSITIONS)


def _a_thing(text: str, attribution: Attribution, words: list[str]) -> bool:
    """Whether the content is the cue's object, a thing and not a statement: "promised a
    battery industry", "urged donors to give", "warned of empty shelves" (``OBJECT_CUES``).
    A quotation, or a content with the words of a clause, passes words on."""
    if attribution.quoted or attribution.content[0] < attribution.cue[1]:
        return False
    if quotes_words(text, attribution.content):
        return False  # 'described it as "overdue"': the speaker's own words
    between = text[attribution.cue[1] : attribution.content[0]].strip(" ,").lower()
    if between == "that":
        return False
    if not (
        any(word in OBJECT_CUES for word in words)
        or (any(word in WARNED for word in words) and between in THING_PREPOSITIONS)
    ):
        return False
    content = [w.lower() for w in _CUE_WORD.findall(text[slice(*attribution.content)])]
    return not any(
        word in CLAUSE_WORDS
        # a past in -ed, not an adjective after an article or a preposition ("in
        # unaffected provinces")
        or _past(word, content[i - 1] if i else None)
        for i, word in enumerate(content)
    )


_BEFORE_NOUN = {
    "a", "an", "the", "in", "of", "on", "at", "for", "with", "by", "from", "to", "and", "every",
    "each", "all", "any", "some", "no", "its", "their", "his", "her", "our", "newly",
}  # fmt: skip


def _bare_plural_verb(words: list[str], i: int, subject: str | None) -> bool:
    """A plural subject, then a bare present, then its object: a gerund ("trustees favour
    returning the heads", "analysts expect spending") or a plural noun ("the suspects face
    charges", "protesters demand reforms"); not a relative clause's verb ("which requires
    new taxes": the subject is the verb before)."""
    word, after = words[i], words[i + 1]
    if not _plural(subject) or word in _NOT_VERBS or word.endswith(("ing", "ed", "s")):
        return False
    if len(after) > 5 and after.endswith("ing"):
        return True
    then = words[i + 2] if i + 2 < len(words) else ""
    if (after in _MORE or (len(after) > 4 and after.endswith("er"))) and _plural(then):
        # "the machines allow smaller incisions", "critics want more checks"
        return i < 2 or words[i - 2] not in ("which", "who", "that")
    return (
        len(after) > 4
        and after.endswith("s")
        and not after.endswith("ss")
        and after not in _NOT_VERBS
        and (i < 2 or words[i - 2] not in ("which", "who", "that"))
    )


# Comparatives that open an object: "allow fewer delays", "demand more checks".
_MORE = frozenset({"more", "less", "fewer", "better", "worse", "greater", "new"})
# Plurals without an -s: "4,000 people live in".
_PLURALS_AS_SUCH = frozenset({"people", "children", "men", "women", "police", "staff"})
# Where or how a bare present's subject is: "live in", "work at", "sleep on", "belong to".
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "on", "near", "under", "across", "around", "without", "inside", "outside", "to"}
)
# Noun endings: "the troops' withdrawal from", "residents' association in".
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ure", "al", "ship")


def _bare_plural_verb_where(words: list[str], i: int, subject: str | None) -> bool:
    """A plural subject opening the clause, then a bare present, then where: "(about) 4,000
    people live in the flood zone", "residents sleep in cars"; not "workers in factories"
    (no verb between) nor "the residents' association in" (a noun)."""
    word, after = words[i], words[i + 1]
    if subject is None or i > 6 or after not in _PLACE_PREPOSITIONS:
        return False
    if not (_plural(subject) or subject in _PLURALS_AS_SUCH):
        return False
    return (
        word not in _NOT_VERBS
        and word.isalpha()
        and not word.endswith(("ing", "ed", "s") + _NOUN_ENDINGS)
        and (i < 2 or words[i - 2] not in ("which", "who", "that", "of"))
    )


def _past(word: str, before: str | None) -> bool:
    """A regular past ("doubled"), not an adjective after an article or a preposition ("in
    unaffected provinces") or opening the words ("increased seismic activity": no subject
    before it), nor "need", "speed" or "hundred"."""
    return (
        before is not None
        and len(word) > 3
        and word.endswith("ed")
        and not word.endswith(("eed", "hundred"))
        and before not in _BEFORE_NOUN
        and ("-" not in word or word.startswith(("re-", "co-", "pre-")))  # not "city-owned"
    )


# Single marks quoting words inside a passage ("called it 'a kick in the teeth'"): an opening
# mark after a space, a closing one before one; not the apostrophes of "the workers' union"
# or "Gove's".
_SINGLE_QUOTED = re.compile(r"(?<![\w’'])(?:''|['‘])\w[^'‘’\n]*?[\w.,!?](?:''|['’])(?![\w’'])")


def quotes_words(text: str, span: tuple[int, int]) -> bool:
    """Whether ``text[span]`` holds words in quotation marks: the speaker's own, though the
    passage is reported speech ('called NATO a "grave" challenge')."""
    passage = text[span[0] : span[1]]
    return any(mark in passage for mark in QUOTE_MARKS) or bool(_SINGLE_QUOTED.search(passage))


# What a clause's verb is told by, without a parser: besides ``CLAUSE_WORDS`` and a regular
# past, a subject pronoun before a word that is no determiner, preposition or number ("we
# need"), a contraction ("it's", "they're") and a present in -s before its object or
# complement ("offers the", "hopes to deepen", "poses a risk").
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
# "That" opening a clause, not a noun ("that invitation"): before a comma, a name, an
# article or a subject pronoun.
_THAT_CLAUSE = re.compile(
    r"\s*that(?:\s*,|\s+(?:[A-Z]|(?:the|a|an|this|these|those|its|their|his|her|our|"
    r"i|we|you|they|he|she|it|there|each|every|some|many|most|all|no|both)\b))"
)
_SUBJECTS = {"i", "we", "you", "they", "he", "she", "it"}
# Endings of plural nouns that are seldom a verb's present: "sanctions", "payments".
_NOUN_PLURALS = ("ions", "ments", "ness", "ities", "ers", "ors", "ists", "ants", "ents", "ics")
_DETERMINERS = {
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
    "my", "your", "some", "any", "no", "every", "each", "all", "more", "most", "much", "many",
    "few", "several", "another", "other",
}  # fmt: skip
_OBJECTS = _DETERMINERS | {"it", "them", "him", "us", "me", "you", "not", "that"}
_NOT_VERBS = (
    _DETERMINERS
    | PREPOSITIONS
    | {"and", "or", "but", "as", "than", "so", "if"}
    # prepositions read as a verb after a plural ("the charges throughout the trial")
    | {"throughout", "amid", "despite", "against", "among", "beyond", "inside", "outside"}
    | {"near", "behind", "below", "above", "alongside"}
)
# Verbs of state in the present, hardly ever plural nouns after a noun: "the risk remains
# low", "the death toll stands at 120", "the suspect remains in custody". After a
# determiner they are nouns ("the remains of"), which the test keeps out.
_STATE_VERBS = {
    "remains", "stands", "seems", "appears", "becomes", "stays", "continues", "lacks",
    "exceeds", "totals", "lies", "poses", "deserves", "belongs", "depends", "consists",
    "contains", "involves", "requires", "represents", "outweighs", "persists", "amounts",
    "includes", "comprises",
}  # fmt: skip
# Words of a number's size, after a verb as a number would be: "employs around 300".
_ABOUT = {"around", "about", "nearly", "almost", "roughly", "some", "more", "over", "up"}
_CONTRACTED = ("n't", "'re", "'ve", "'ll", "'m", "'d")
_CONTRACTED_IS = {
    "it's", "that's", "there's", "he's", "she's", "what's", "who's", "here's", "let's",
}  # fmt: skip
_NOT_PRESENT = ("ss", "us", "is", "ics", "'s")


# A noun and a relative clause set off after it, and nothing more.
_NOUN_AND_ITS_CLAUSE = re.compile(
    r"(?P<noun>[^,;:\"\u201c]{1,80}),\s+(?:which|who)\s+[^,;:\"\u201c]+,?\W*"
)


def states(text: str, span: tuple[int, int]) -> bool:
    """Whether ``text[span]`` is a statement, with the verb of a clause, and not a thing:
    "the plant will open", "prices doubled", "Ohio offers the workforce we need" are;
    "the strikes for the slowdown in March", "300 flood warnings", "a fair deal three
    times", "reading of the rules" name what was said about, not what was said.

    Without a parser the test reads words: it finds the verbs of most clauses (a few verbs
    of state in the present, "remains", "stands", by name), and misses a bare present with
    nothing after it ("prices rise"), which is then read as a thing.
    """
    noun = _NOUN_AND_ITS_CLAUSE.fullmatch(text, span[0], span[1])
    if noun is not None and not states(text, (span[0], noun.end("noun"))):
        return False  # "The bloom, which turned the shoreline pea-green,": no verb of its own
    written = [w.replace("’", "'") for w in _WORD.findall(text, span[0], span[1])]
    words = [w.lower() for w in written]
    if _THAT_CLAUSE.match(text, span[0], span[1]):
        return True  # "that, among voters, Trump ranks fourth", "that Trump remains"
    for i, word in enumerate(words):
        before = words[i - 1] if i else None
        after = words[i + 1] if i + 1 < len(words) else None
        if word in _NOUNS_TOO and before in _DETERMINERS:
            continue  # "a cut of that size", "the cost": a noun after its article
        if word in CLAUSE_WORDS or word in _CONTRACTED_IS or word.endswith(_CONTRACTED):
            return True
        if (
            word in _STATE_VERBS
            and i
            and before not in _DETERMINERS | {"which", "who", "that"}
            and written[i].islower()
        ):
            return True  # "the risk remains low"
        if _past(word, before):
            return True
        if after is None:
            continue
        if word in _SUBJECTS and after not in _NOT_VERBS and not after[0].isdigit():
            return True  # "we need", "they want"
        if not written[i].islower():
            continue  # a name, not a verb ("Voters Abandon Republican Party")
        subject = words[i - 2] if before in AUXILIARIES and i > 1 else before
        if _plural(subject) and word not in _NOT_VERBS and after in _OBJECTS:
            return True  # "parents (still) want the", not "the strikes for the"
        if _bare_plural_verb(words, i, subject):
            return True  # "trustees favour returning", "the four suspects face charges"
        if _bare_plural_verb_where(words, i, subject):
            return True  # "4,000 people live in the flood zone", "residents work at"
        if _plural(word) and before in _HABIT:
            return True  # "the group typically gains access", "it often takes weeks"
        if _plural(word):
            then = words[i + 2] if i + 2 < len(words) else None
            if after == "to" and then is not None and then not in _NOT_VERBS:
                return True  # "hopes to deepen", not "warnings to the residents"
            if after in ("with", "by", "at") and then is not None and _AMOUNT.fullmatch(then):
                return True  # "Saarinen leads with 51.3 percent", "trails by 4 points"
            if after == "for" and then is not None and (_AMOUNT.fullmatch(then) or then in _ABOUT):
                return True  # "fishing accounts for (about) 4 percent of exports"
            if after in _OBJECTS or after[0].isdigit() or after.endswith("ly") or after in _ABOUT:
                return True  # "offers the workforce", "employs (around) 300 people"
            if (
                after in _THROUGH
                and then in _DETERMINERS
                and before not in _DETERMINERS
                and not word.endswith((*_NOUN_PLURALS, "ings"))
            ):
                return True  # "12% of trade passes through the canal", not "warnings across"
            if i and written[i - 1][:1].isupper() and written[i + 1][:1].isupper():
                return True  # "Clinton beats Trump"
            if (
                i > 1
                and words[i - 2] in _DETERMINERS
                and written[i + 1][:1].isupper()
                and not word.endswith(_NOUN_PLURALS)
            ):
                return True  # "the result moves Arsenal", not "the new sanctions Washington"
            if i == 1 and written[0][:1].isupper() and after not in _NOT_VERBS:
                return True  # "China wants closer ties", not "EU sanctions on Russia"
    return False


# Where a thing goes, after a verb of motion: "passes through the canal", "flows into the".
_THROUGH = frozenset({"through", "into", "across", "along", "past", "via", "onto", "towards"})
# A number that is no year: "51.3", "4", not "2028" ("5,000 new homes by 2028").
_AMOUNT = re.compile(r"(?!(?:1[89]|20)\d\d$)\d[\d.,]*")
# Verbs of a clause that are nouns too, read as such after an article.
_NOUNS_TOO = frozenset(
    {
        "cut",
        "hit",
        "set",
        "cost",
        "spread",
        "bid",
        "split",
        "shut",
        "hurt",
        "shot",
        "beat",
        "lay",
        "burst",
        "quit",
    }
)


def _plural(word: str | None) -> bool:
    """A word in -s that may be a plural noun or a verb's present ("offers", "warnings")."""
    return (
        word is not None
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(_NOT_PRESENT)
    )


def _own_words(text: str, sentence: Sentence, found: list[Attribution]) -> list[Attribution]:
    """Relations of a first or second person inside a quotation someone outside it says:
    in '"We have agreed on X," Shmyhal told reporters' the quotation is all Shmyhal's
    claim, and "We agreed" his own act, not words he passes on."""
    closed = [(a, b) for a, b in quotations(text, sentence.start, sentence.end) if b is not None]

    def quotation_of(relation: Attribution) -> tuple[int, int] | None:
        return next((q for q in closed if q[0] < relation.cue[0] < q[1]), None)

    own = []
    for relation in found:
        source = relation.source_text(text)
        if source is None:
            continue
        if source.strip().lower() not in FIRST_PERSON and not _set_off(text, relation):
            continue  # '"That, the Crown says, is not …," she added': the quoted speaker's
        quotation = quotation_of(relation)
        if quotation is not None and any(
            other.source is not None and quotation_of(other) is None for other in found
        ):
            own.append(relation)
    return own


def _set_off(text: str, relation: Attribution) -> bool:
    """Whether a source and its cue stand between commas, mid-sentence: ", the Crown says,"."""
    spans = [relation.cue] + ([relation.source] if relation.source else [])
    start, end = min(s[0] for s in spans), max(s[1] for s in spans)
    return bool(re.search(r",\s*$", text[max(0, start - 3) : start])) and bool(
        re.match(r"\s*,", text[end : end + 3])
    )


def reporting_relations(
    text: str, sentence: Sentence, found: list[Attribution]
) -> list[Attribution]:
    """The sentence's relations that report (``reports``) and are not a quoted speaker's
    own (``_own_words``), nested again without the rest."""
    for attribution in found:
        _without_whom_told(text, attribution)
        _subject_set_off(text, sentence, attribution)
        _subject_with_its_clause(text, attribution)
        _clause_goes_on(text, attribution, found)
    found = [a for a in found if not _quotation_before_another_s_words(sentence, a, found)]
    own = {id(a) for a in _own_words(text, sentence, found)}
    kept = [a for a in found if id(a) not in own and reports(text, sentence, a)]
    if len(kept) == len(found):
        return found
    for dropped in (a for a in found if a not in kept and a.source is not None):
        # "A shop steward, who asked not to be named, said ...": the speaker of a relation
        # nested in the one dropped, when it names none.
        for child in dropped.children:
            inner = found[child]
            if inner.source is None or _SUBORDINATE.match(text, inner.source[0]):
                # nor one that is the aside's own reason ("who asked not to be named
                # because he works for the trust, said")
                inner.source = dropped.source
            if inner.content[0] < inner.cue[0] < inner.content[1]:
                # what the dropped relation held before the cue is not said by it
                start = _AFTER_CUE.match(text, inner.cue[1]).end()
                inner.content = (min(start, inner.content[1]), inner.content[1])
    _participles_take_the_subject(text, found, kept)
    _acts_reported_whole(found, kept)
    _passives_said_on(text, found, kept)
    for attribution in kept:
        attribution.parent = None
        attribution.children = []
    nest(kept, text)
    return kept


# What a thing's own clause said, its subject set off from it by a relative clause: "The
# trial, which enrolled 24,000 people, found that …".
_SUBJECT_SET_OFF = re.compile(
    r"\s*(?:The|A|An|Its|Their|His|Her)\s[^.;:\"\u201c\u201d]{1,60}?,\s+(?:which|who)\s"
    r"[^.;:\"\u201c\u201d]{1,120},\s*$"
)
# A name, then what it is set off by commas: "Kestrel Biologics, a privately held biosimilar
# maker based in the Netherlands,", "Bellandi, 46, who became a household name …,".
_NAME_SET_OFF = re.compile(
    r"\s*[A-Z][\w&'\u2019-]*(?:\s+[A-Z][\w&'\u2019-]*){0,4},\s+(?:\d{1,3},\s+)?"
    r"(?:a|an|the|one\s+of|who|which)\s"
    r"[^.;:]{1,120},\s*$"  # a show's title in quotation marks too
)
_A_FINDING = re.compile(r"(?:found|showed|shows|finds|concluded|suggested|suggests)\s+that\s")


def _subject_set_off(text: str, sentence: Sentence, attribution: Attribution) -> None:
    """ "The trial, which enrolled 24,000 people, found that the shot cut illness by 64%,
    according to the Medical Times": what the Times reports is what the trial found, the
    trial included, not a claim opening "Found that"."""
    start, end = attribution.content
    if attribution.quoted or not sentence.start < start or attribution.cue[0] < end:
        return
    if _A_FINDING.match(text, start) and _SUBJECT_SET_OFF.fullmatch(text, sentence.start, start):
        attribution.content = (sentence.start, end)
    elif text[start : start + 1].islower():
        # "Kestrel Biologics, a biosimilar maker based in the Netherlands, plans to launch
        # …, its chief executive said": the company plans it, not "Plans to launch" (nor
        # "in the Netherlands, plans to launch", where the tagger began inside the aside)
        comma = text.find(", ", start, end)
        for verb_at in (start, comma + 2 if comma >= 0 else -1):
            if verb_at >= 0 and text[verb_at : verb_at + 1].islower():
                if _NAME_SET_OFF.fullmatch(text, sentence.start, verb_at):
                    attribution.content = (sentence.start, end)
                    return


def _subject_with_its_clause(text: str, attribution: Attribution) -> None:
    """ "The fire service said the blaze, which it has named the Pinecrest Fire, had burned
    6,200 acres": what was said opens with its subject, however the tagger read the naming
    inside it."""
    start, end = attribution.content
    cue_end = attribution.cue[1]
    if attribution.quoted or not cue_end < start or attribution.source is None:
        return
    if _ITS_SUBJECT_AND_CLAUSE.fullmatch(text, cue_end, start):
        opening = cue_end + len(text[cue_end:start]) - len(text[cue_end:start].lstrip())
        attribution.content = (opening, end)


def _without_whom_told(text: str, attribution: Attribution) -> None:
    """ "Council officers told members the arrangement would cost …": the members were
    told, what they were told starts after them, when the tagger's content took them in."""
    start, end = attribution.content
    if attribution.quoted or start != _AFTER_CUE.match(text, attribution.cue[1]).end():
        return
    if text[attribution.cue[0] : attribution.cue[1]].split()[-1].lower() not in _TOLD:
        return
    listener = _BARE_LISTENER.match(text, start, end)
    if listener is not None:
        attribution.content = (listener.end(), end)


_TOLD = frozenset({"told", "tells", "tell", "telling"})
# Whom a speaker told, a plural noun alone, before what they were told: "members the".
_BARE_LISTENER = re.compile(
    r"(?:members|reporters|journalists|staff|employees|workers|investors|analysts|councillors"
    r"|lawmakers|parents|residents|supporters|delegates|students|colleagues)\s+"
    r"(?=(?:the|a|an|its|their|his|her|it|he|she|they|we|this|that)\s)"
)


def _clause_goes_on(text: str, attribution: Attribution, found: list[Attribution]) -> None:
    """ "said the blaze, which it has named the Pinecrest Fire, had burned 6,200 acres",
    tagged as "the blaze" said, then "the Pinecrest Fire, had burned …" named: the subject
    and its clause are one content with what follows the naming."""
    start, end = attribution.content
    if attribution.quoted or attribution.source is None or not attribution.cue[1] <= start:
        return
    for other in found:
        if other is attribution or not end < other.cue[0] < other.content[0]:
            continue
        words = _CUE_WORD.findall(text[other.cue[0] : other.cue[1]].lower())
        if not any(word in NOT_REPORTING for word in words):
            continue  # ", which they attributed to a dry winter": a report of its own
        if _ITS_CLAUSE.fullmatch(text, end, other.content[0]):
            attribution.content = (start, other.content[1])
            return


# A relative clause set off after a subject, up to where the tagger went on: ", which it
# has named ".
_ITS_CLAUSE = re.compile(r",\s+(?:which|who)\s[^.;:\"\u201c\u201d,]{1,80}\s")
# Between a cue and what the tagger took for its content, a subject and a relative clause
# of its own: " the blaze, which it has named ".
_ITS_SUBJECT_AND_CLAUSE = re.compile(
    r"\s+(?:that\s+)?(?:the|a|an|its|their|his|her)\s[^.;:\"\u201c\u201d,]{1,60},\s+"
    r"(?:which|who)\s[^.;:\"\u201c\u201d,]{1,80}\s"
)


def _quotation_before_another_s_words(
    sentence: Sentence, attribution: Attribution, found: list[Attribution]
) -> bool:
    """'… said Rhys Morgan. "If the prime minister had any respect, she would go." The party
    said it would table a question': the quotation ends a sentence of its own before the
    party speaks, which says its own words after its cue: Morgan's quotation goes on, it is
    not the party's."""
    return (
        attribution.quoted
        and attribution.content[1] <= sentence.start
        and any(
            other is not attribution
            and other.cue == attribution.cue
            and other.content[0] >= other.cue[1]
            for other in found
        )
    )


def _passives_said_on(text: str, found: list[Attribution], kept: list[Attribution]) -> None:
    """ "told the Tribune they had been shown only a summary and had not been told about
    the clause": a passive with no agent, joined by "and" to what a speaker says, is more of
    it, not a relation of its own."""
    for dropped in found:
        if dropped in kept or dropped.source is not None or not passive(text, dropped.cue):
            continue
        if dropped.content[0] < dropped.cue[1]:
            continue
        for relation in kept:
            if _AND.fullmatch(text, relation.content[1], dropped.cue[0]):
                relation.content = (relation.content[0], dropped.content[1])


_AND = re.compile(r"\s*,?\s+and\s+(?:(?:had|has|have|was|were|is|are)\s+)?(?:not\s+)?\s*")


def _acts_reported_whole(found: list[Attribution], kept: list[Attribution]) -> None:
    """ "Twenty-three associations signed a motion …, the secretary confirmed": the tagger
    reads "signed" as a cue whose content the confirming shares; "signed" passes nothing
    on, so what was confirmed is the whole clause, who signed included."""
    for dropped in found:
        if dropped in kept or dropped.source is None or dropped.source[0] > dropped.cue[0]:
            continue
        for relation in kept:
            if (
                relation.content[0] == dropped.content[0]
                and relation.content[1] <= relation.cue[0]
                and dropped.cue[1] <= dropped.content[0]
            ):
                relation.content = (dropped.source[0], relation.content[1])


_PARTICIPLE = re.compile(r",\s*(?:while\s+|also\s+)?$")
_SUBORDINATE = re.compile(r"(?:because|since|although|though|as|while|if|when|after|before)\s")


def _participles_take_the_subject(
    text: str, found: list[Attribution], kept: list[Attribution]
) -> None:
    """ "Fitch affirmed the rating at BBB, saying the outlook was stable": the participle's
    speaker is the subject of the clause it hangs on, which the tagger read as a relation
    that passes no words on ("affirmed"). Only when no relation kept names a speaker before
    the participle: then that one speaks for the sentence (``propose``). Without a comma,
    only where the dropped relation read the participle's words as its own ("issued a
    statement on Monday urging the government to …")."""
    for inner in kept:
        if inner.source is not None or not text[inner.cue[0] : inner.cue[1]].endswith("ing"):
            continue
        if not _PARTICIPLE.search(text, max(0, inner.cue[0] - 12), inner.cue[0]) and not any(
            a not in kept
            and a.source is not None
            and a.cue[1] <= inner.cue[0]
            and a.content[0] < inner.content[1]
            and inner.content[0] < a.content[1]
            for a in found
        ):
            continue
        if any(a.source is not None and a.cue[1] <= inner.cue[0] for a in kept):
            continue
        subjects = [
            a
            for a in found
            if a not in kept
            and a.source is not None
            and a.source[1] <= a.cue[0]
            and a.cue[1] <= inner.cue[0]
        ]
        if subjects:
            inner.source = min(subjects, key=lambda a: a.source[0]).source
