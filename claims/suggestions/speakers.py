"""Who a proposal names, read across the article: the speakers named so far.

A sentence's source is often not a name but a pointer to one: "he said" (the last person
named), "Pritzker" (the "J.B. Pritzker" named earlier), "the department" (the department
named before), "the newspaper" (the outlet the sentence says was told, else the article's
origin), "who" (the name before its comma), a transcript's "SOLBERG-DAHL:" (the full name
the introduction gave). ``Speakers`` keeps what the article has named so far, in order,
for ``claims.suggestions.propose`` to read each source against.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from claims.resolution import (
    AGENCY_NAMES,
    BODY_NOUNS,
    GROUPS,
    NATIONAL_AGENCIES,
    NUMBERS,
    ORGANISATION_WORDS,
    PRONOUNS,
    SAINTS,
    SPOKESPEOPLE,
    TITLES,
    Resolution,
    Resolver,
    is_description,
    refers_to_origin,
)
from claims.sentences import Label
from claims.suggestions.appositions import KINDRED, apposed_name, apposed_names
from claims.suggestions.attribution import Attribution
from claims.suggestions.citation import NEWS_ORGANISATIONS
from claims.suggestions.lexicon import (
    BODY_NAME_WORDS,
    COMPANY_NAME_WORDS,
    CUE_WORDS,
    GENDERED,
    NOUN_GENDER,
    PAPER_NAME_WORDS,
    TELL,
)
from claims.suggestions.roles import PERSON_ROLES, people_called, people_of_place
from claims.text import fold_name

PERSONAL = {"he", "she", "him", "her"}
_SUBJECT_PRONOUNS = {"he", "she", "it"}
# Someone unnamed whose noun says whether "he" or "she" is meant, opening a sentence: "A
# spokeswoman for the museum disputed …" (not one whose name follows: "A spokesman for
# the Commission, Olivier Marchetti, told").
_GENDER_OF = {
    "spokeswoman": "f", "spokesman": "m", "woman": "f", "man": "m", "mother": "f",
    "father": "m", "chairwoman": "f", "chairman": "m", "businesswoman": "f",
    "businessman": "m", "policewoman": "f", "policeman": "m", "congresswoman": "f",
    "congressman": "m", "councilwoman": "f", "councilman": "m", "daughter": "f", "son": "m",
    "wife": "f", "husband": "m", "sister": "f", "brother": "m", "girl": "f", "boy": "m",
}  # fmt: skip
_GENDERED_SUBJECT = re.compile(
    r"\s*(?P<subject>(?:A|An|The|One|Another)\s+(?:[a-z][\w-]*\s+){0,2}?"
    rf"(?P<noun>{'|'.join(_GENDER_OF)})\b(?:\s+(?:for|of|at|from|with)\s+(?:the\s+)?"
    r"(?:[\w'\u2019&-]+\s+){0,3}?[\w'\u2019&-]+?)?)(?=\s+(?:has\s+|had\s+|was\s+)?[a-z]+ed\b"
    r"|\s+(?:says|said|told|declined|disputed|denied|rejected|confirmed)\b)"
)
# The nouns by which copy describes an outlet and refers back to it: "newspaper Record …
# the paper".
_PRESS = {"paper", "newspaper", "daily", "tabloid", "weekly"}
_OUTLET_NOUNS = {
    **dict.fromkeys(_PRESS, _PRESS),
    **dict.fromkeys(("broadcaster", "channel", "network"), {"broadcaster", "channel", "network"}),
    "magazine": {"magazine"},
    "agency": {"agency"},
    "website": {"website", "site"},
    "site": {"website", "site"},
}
# Trades whose names are one word, and which only a company plies: "Calder Homes, a
# housebuilder based in Leeds," is "the company" and "the housebuilder" after.
_TRADES = (
    "housebuilder", "homebuilder", "carmaker", "automaker", "chipmaker", "drugmaker",
    "steelmaker", "planemaker", "toymaker", "wholesaler", "grocer", "distiller", "refiner",
    "caterer", "streamer",
)  # fmt: skip
# How business copy refers back to a company it named: "the company said", "the firm".
_COMPANY_NOUNS = frozenset(_TRADES) | frozenset(
    {"company", "firm", "carmaker", "automaker", "chipmaker", "retailer", "airline",
     "lender", "insurer", "miner", "manufacturer", "developer", "bank", "group", "operator",
     "carrier", "supermarket", "chain", "label", "brewer", "utility", "startup", "studio",
     "publisher", "shipbuilder", "builder", "producer", "supplier", "contractor",
     "provider", "distributor", "shipyard", "subsidiary"}
)  # fmt: skip
# Titles by which a text refers back to the person it named with them: "the chief".
_TITLE_NOUNS = TITLES - {
    "the", "of", "a", "an", "his", "her", "its", "their", "said", "told", "u", "s", "us",
    "mr", "mrs", "ms", "dr", "sir", "lord", "official", "officials", "police", "former",
    "acting", "senior", "local", "public", "state", "security", "foreign", "interior",
}  # fmt: skip


def _says_of_self(text: str, reading: Resolution) -> str | None:
    """ "he" or "she" as the article has the person say it of themselves, right after their
    name and verb: "Karen Feld said her client would appeal", "Feld added that she"."""
    name = reading.name or reading.proposed_name or ""
    if not text or not name:
        return None
    names = {name, name.split()[-1]}
    pattern = (
        r"(?<![\w'’-])(?:" + "|".join(re.escape(n) for n in names) + r")\s+"
        rf"{_SAYS}\s+(?:that\s+)?(he|his|him|she|her)\b"
    )
    found = {GENDERED[m.group(1).lower()] for m in re.finditer(pattern, text)}
    return found.pop() if len(found) == 1 else None


_GROUP_NAMED = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose)\s+([a-z]+)(?:\s+([a-z]+))?\b")


# One person described, not named: "a nurse at the hospital", "One EU diplomat", "a second
# nurse", "a police official", "her official spokesman". The next "she said" is that person.
_ONE = frozenset({"a", "an", "one", "another", "his", "her", "its", "their"})
# Offices a place or a case has one holder of: "the mayor", "the judge".
_ONE_OFFICE = frozenset(
    {"mayor", "judge", "prosecutor", "coroner", "governor", "coach", "captain", "sheriff",
     "principal", "headteacher", "headmaster", "headmistress", "referee", "pilot", "chairman",
     "chairwoman", "chairperson"}
)  # fmt: skip
# Whom the article keeps unnamed and speaks of again as "the person", "the official".
_UNNAMED_ONES = frozenset({"person", "source", "insider", "diplomat", "official"})
_ONE_PERSON_NOUNS = frozenset(
    {w for w in GROUPS if not w.endswith("s")}
    | {
        "nurse", "source", "teacher", "student", "farmer", "driver", "patient", "customer",
        "survivor", "victim", "relative", "fan", "reader", "shopper", "commuter", "man",
        "woman", "spokesman", "spokeswoman", "spokesperson", "physician", "surgeon",
        "paramedic", "firefighter", "rescuer", "scientist", "researcher", "executive",
        "manager", "owner", "mother", "father", "neighbour", "neighbor", "guard", "pilot",
        "engineer", "doctor", "lawyer", "worker", "employee", "officer", "expert", "volunteer",
        "activist", "miner", "technician", "inspector", "designer", "conservator",
    }
) - {"person", "other", "some", "many", "police", "staff", "member"}  # fmt: skip


def one_person(surface: str) -> bool:
    """Whether a description speaks of one person: a determiner of one, then a person's
    noun within a few words ("A nurse at …", "one senior EU diplomat")."""
    words = [w.strip(",;:").lower() for w in surface.split()]
    if len(words) == 2 and words[0] == "the" and words[1] in _ONE_OFFICE:
        return True  # "The mayor said …. He said": the one the story has in mind
    if len(words) < 2 or words[0] not in _ONE or not is_description(surface):
        return False
    for word in words[1:5]:
        if word in _ONE_PERSON_NOUNS:
            return True
        if word in ("of", "at", "in", "from", "with", "who", "for", "on"):
            return False
    return False


# "The health agency": an agency of some field, which the story named ("the regional
# health agency ARS"), not the news agency it comes from.
_QUALIFIED_AGENCY = re.compile(r"[Tt]he\s+[a-z]+\s+agency")
# Where a sentence or a paragraph ends, in the text before a source.
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019]?\s+(?=[\"\u201c\u2018]?[A-Z])|\n")


# A person named, then "his" or "her" of them in the same sentence: "the daughter of Kyle
# Berman, 38, who had previously declined to vaccinate his children".
_NAMED_THEN_OWN = re.compile(
    r"(?<![\w'\u2019-])(?P<name>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){1,2})"
    # a "who" clause says it is a person ("West Virginia, will allow … his" is not)
    r",[ \t]+(?:\d{1,3},[ \t]+)?who\b[^.;:\"\u201c]{0,80}?\b(?P<own>his|her)\b"
)
_OWN_OF = {"he": "his", "she": "her"}


def _owner_before(resolver: Resolver, pronoun: str, before: str) -> Resolution | None:
    """ "One of those shots went to the daughter of Kyle Berman, 38, who had previously
    declined to vaccinate his children. He said": the one person the sentence before named
    and then called "his" (or "her"), not whoever spoke last."""
    sentences = _SENTENCE_BREAK.split(before.rstrip())
    # the last is this sentence's words before the pronoun, unless there are none
    ended = before.rstrip()[-1:] in (".", "!", "?")
    if len(sentences) < (1 if ended else 2):
        return None
    owners = {
        m["name"]
        for m in _NAMED_THEN_OWN.finditer(sentences[-1 if ended else -2])
        if m["own"] == _OWN_OF.get(pronoun)
    }
    if len(owners) != 1:
        return None
    (name,) = owners
    if any(fold_name(word) in ORGANISATION_WORDS | TITLES for word in name.split()):
        return None  # "Harwick Bank, whose … her", "President Obama, who … his": no bare name
    reading = resolver.resolve(name)
    return replace(reading, surface=pronoun, why=f"{pronoun!r} read as {name}, named before")


def _a_thing(surface: str, resolution: Resolution) -> bool:
    """Whether a source read is a described thing or body, neither a person nor people:
    "the statement", "the bank", "a report released on Monday"."""
    if resolution.resolved or not is_description(surface) or one_person(surface):
        return False
    words = [w.strip(",;:").lower() for w in surface.split()]
    if not words or words[0] not in ("the", "a", "an", "this", "its"):
        return False
    head = next((w for w in words[1:4] if w in _THINGS), None)
    return head is not None


# What "it" may stand for when the article describes it: a document or a body.
_THINGS = frozenset(
    {
        "statement", "report", "note", "letter", "release", "filing", "memo", "document",
        "study", "survey", "bank", "company", "ministry", "agency", "government", "council",
        "commission", "committee", "board", "court", "firm", "group", "department", "club",
        "team", "union", "party", "regulator", "chain", "airline", "lender", "insurer",
    }
)  # fmt: skip


def _a_paper(reading: Resolution) -> bool:
    """Whether a source not recorded yet is a newspaper by its name's last word."""
    name = reading.name or reading.proposed_name or ""
    return bool(name.split()) and name.split()[-1] in PAPER_NAME_WORDS


def _of_a_group(surface: str) -> bool:
    """Whether a description names people as a group: "people familiar with the matter",
    "two European officials", "Analysts at Jefferies"; not "one of the people"."""
    words = [w.strip(",;:").lower() for w in surface.split()]
    if not words or words[0] in ("one", "a", "an") or not is_description(surface):
        return False
    if words[0] in NUMBERS and any(w.endswith("s") for w in words[1:4]):
        return True  # "two engineers involved in the mission", "Two opposition MPs"
    head = next((i for i, w in enumerate(words) if w in GROUPS), None)
    return head is not None and words[head] not in ("source", "person", "other", "some")


def _group_before(before: str) -> str | None:
    """The people named as a group earlier in the sentence "they" is in: "The researchers
    believe …, though they stressed", "the senior officials said …"."""
    sentence = re.split(r"[.!?][\"'\u201d\u2019]?\s+", before)[-1]
    found = None
    for match in _GROUP_NAMED.finditer(sentence):
        if match[1] in GROUPS:
            found = match.group()[: match.end(1) - match.start()]
        elif match[2] in GROUPS:
            found = match.group()
    return found


def _read_as(earlier: Resolution, surface: str, noun: str) -> Resolution:
    """``surface`` ("the department", "the chief") read as a source named before it; only
    as sure as that source is known."""
    name = earlier.name or earlier.proposed_name
    return replace(
        earlier,
        surface=surface,
        confidence=min(earlier.confidence, 0.6) if earlier.resolved else 0.0,
        why=f"{surface.strip()!r} read as {name}, the last {noun} named",
    )


def _key(reading: Resolution | None) -> str:
    return fold_name((reading.name or reading.proposed_name or "") if reading else "")


# How a whole sentence ends, and its subject: a run of capitalised words (an appositive may
# follow), then a lower-case word, its verb.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
_TIME_STAMP = re.compile(
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,4}\s*)?[-\u2013\u2014]\s*"
)
# A body the sentence opens with by what it is: "The bank also lowered its forecast".
_DESCRIBED_SUBJECT = re.compile(
    r"(?:The|the)\s+(?P<noun>"
    + "|".join(sorted(BODY_NOUNS | _COMPANY_NOUNS))
    # "The company, which runs 74 cinemas, said": its clause set off
    + r")(?:,\s+(?:which|who)\s+[^,.;:]{1,80},)?\s+(?:(?:also|now|later|then|has|had|will"
    + r"|would)\s+)?[a-z]+"
)
_THE_NAME = re.compile(r"The\s+[A-Z]")
_SUBJECT = re.compile(
    # a particle only inside a name: not "Maya Delacroix of the League …"
    r"(?P<name>[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|(?:of|de|van|von|al|bin)"
    r"(?=\s+[A-Z])))*)"
    r"(?:,[^,.;]{1,150},)?\s+(?P<verb>[a-z][\w'\u2019-]*)"
)
# A subject described, then named between commas, then its verb: "The head of Sigi regency,
# Yohana Lamba, put the number higher", "Its chief executive, Ana Ruiz, said".
_APPOSED_SUBJECT = re.compile(
    r"(?:The|A|An|Its|Their|His|Her|[A-Z][\w.-]*['\u2019]s?)\s[^,.;:\"\u201c]{1,60},\s+"
    r"(?P<name>[A-Z][\w'\u2019.-]*(?:\s+(?:(?:de|del|van|von|der|da|di|du|la|le|al|bin)\s+)?"
    r"[A-Z][\w'\u2019.-]*){1,4}),\s+"
    r"(?P<verb>[a-z][\w'\u2019-]*)"
)
# A subject named after its titles: "Liberal Democrat environment spokeswoman Fiona MacRae
# went further", "Navy spokesperson Dmytro Pletenchuk said".
_TITLED = re.compile(
    r"(?:[\w'\u2019.-]+\s+){0,5}?(?P<title>[a-z]+)\s+"
    # "Former chairman Graham Pettifer, who stepped down in September, has blamed"
    r"(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){1,3})(?:,[^,.;]{1,80},)?"
    r"\s+(?P<verb>[a-z][\w'\u2019-]*)"
)


def _titled_subject(text: str, start: int) -> re.Match | None:
    found = _TITLED.match(text, start)
    if found is None or found["title"] not in _TITLE_NOUNS or found["title"] in _NOT_SUBJECTS:
        return None
    if "," in text[start : found.start("name")]:
        return None  # "Asked about it, spokesman …": an opening phrase, read elsewhere
    before = text[start : found.start("title")].lower().split()
    if any(word in CUE_WORDS or word in ("that", "who", "which") for word in before):
        return None  # "Frank confirmed that midfielder Vitaly Janelt …": Frank's clause
    return found


_OPENING_PARTICIPLES = {"asked", "pressed", "questioned", "told", "interviewed", "reached"}
# A sentence's opening phrase before its subject: "In a video posted on Thursday, Kwan …".
_OPENING_PREPOSITIONS = {"in", "on", "at", "after", "during", "following", "late", "earlier"}


def _subject_after_opening(text: str, start: int) -> re.Match | None:
    """The subject after a sentence's opening phrase, at one of its first commas: "Speaking
    at a press conference on Tuesday, before the report emerged, Pellow refused …"."""
    for comma in re.finditer(r",\s+", text[start : start + 200]):
        at = start + comma.end()
        # "…, Coinvault founder and chief executive Daniel Kwan apologised": the name
        found = _titled_subject(text, at) or _SUBJECT.match(text, at)
        if found is not None and found["name"].split()[0].lower() not in _NOT_SUBJECTS:
            return found
    return None


# Words that open a sentence without being its subject, or name nobody.
_NOT_SUBJECTS = {
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
    "you", "there", "however", "but", "and", "meanwhile", "in", "on", "at", "after", "before",
    "when", "while", "if", "as", "since", "for", "with", "by", "from", "last", "earlier",
    "later", "separately", "also", "some", "many", "one", "two", "three", "his", "her",
    "its", "their", "our", "my", "what", "who", "why", "how", "asked", "according",
}  # fmt: skip
_BODY_KINDS = {"organisation", "news_agency", "outlet", "state_body", "media"}


_OF_A_BODY = re.compile(r"\s+(?:of|at|from|for|with)\s+(?:the\s+)?[A-Za-z]")


def a_body(resolver: Resolver, resolution: Resolution) -> bool:
    """Whether a source read is an outlet, agency or other body, never "he" or "she": by its
    kind when known, else by its words ("the Interfax news agency", "Foreign Ministry",
    "Acme Corp"), an acronym's capitals ("TASS", "RIA"), an outlet's "The" ("The Times"),
    or the article calling it "it" ("Shell said its profits rose", "Shell, which").
    A bare name ("Shell", "Ford") may be anyone's: only such signs make it a body."""
    if resolution.resolved:
        return resolver.kinds.get(resolution.source_id) in _BODY_KINDS
    if _of_a_group(resolution.surface) or one_person(resolution.surface):
        return False  # "People familiar with the board's deliberations": people, not a board
    name = resolution.proposed_name or ""
    # the surface's own last words, not its appositive's ("Arief Santoso, a spokesman for
    # the National Disaster Mitigation Agency" is a person)
    # ("A spokesman for the Commission, Olivier Marchetti" too: the part naming him)
    parts = resolution.surface.split(",")
    head = next((part for part in parts if name and name in part), parts[0])
    if name and name in head and _OF_A_BODY.match(head, head.index(name) + len(name)):
        # "Union leader Tom Haverford of the Rail Workers' Federation": his, not its
        head = head[: head.index(name) + len(name)]
    words = set(fold_name(name).split()) | set(fold_name(head).split()[-2:])
    if words & (ORGANISATION_WORDS - TITLES) or words & {"newspaper", "broadcaster", "channel"}:
        return True
    kind = _KIND_CALLED.match(head.strip())
    if kind is not None and kind["noun"].lower() in ORGANISATION_WORDS | _COMPANY_NOUNS:
        return True  # "A parents' group called Darrow Families for Choice"
    for at, part in enumerate(parts):
        apposed = _KIND_APPOSED.fullmatch(part.strip()) if part is not head else None
        if at and parts[at - 1] is not head and re.search(r"\b[A-Z]", parts[at - 1][1:]):
            # "Kevin Tsosie, a lawyer with the Desert Ratepayers Alliance, a consumer
            # group,": what the Alliance is, not what he is
            apposed = None
        noun = apposed["noun"].lower() if apposed is not None else ""
        if noun in ORGANISATION_WORDS | _COMPANY_NOUNS or noun.endswith("maker"):
            return True  # "The engine maker, Holtwerk Propulsion,": what it is, set beside it
    if words & _COMPANY_ENDINGS or re.match(r"The [A-Z0-9]", name) or " & " in name:
        return True  # "Harcourt & Lyle", "Marks & Spencer": partners' names, a firm's
    if len(name.split()) == 1 and re.match(rf"The\s+{re.escape(name)}\b", resolution.surface):
        return True  # "The Athletic", "The Economist": no person is "The" anyone
    last = fold_name(name).split()[-1] if name.split() else ""
    capitalised = name.split()[-1][:1].isupper() if name.split() else False
    if len(name.split()) > 1 and last in COMPANY_NAME_WORDS | BODY_NAME_WORDS and capitalised:
        # "Kestrel Packaging", "Southern Waters", "Christian Aid": what it does; not "a
        # person familiar with the maintenance records"
        return True
    first = name.split()[0] if name.split() else ""
    if len(name.split()) > 1 and len(first) >= 3 and first.isupper():
        return True  # "BBC Sport Scotland", "ABC News": an acronym's body ("JD Vance" is not)
    return (name.isupper() and len(name) > 1) or _called_it(resolver.text, name)


# A sentence whose speaker comes after what it says: "…, the club announced".
_SAID_OF_IT = re.compile(r",\s+$")
# A body introduced by what it is, then its name: "A parents' group called …".
_KIND_CALLED = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?:[\w'\u2019-]+\s+){0,3}?(?P<noun>[a-z]+)\s+"
    r"(?:called|named|calling\s+itself)\s+[A-Z]"
)
# What a body is, set beside its name and ending there: "The engine maker", "a private
# pension fund" (not "a spokesman for the agency", whose noun is a person's).
_KIND_APPOSED = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:[\w'\u2019-]+\s+){0,3}?(?P<noun>[a-z]+)")
# How a company's name ends: "Acme Corp", "Shell Plc", "Volkswagen AG".
_COMPANY_ENDINGS = {
    "corp", "corporation", "plc", "llc", "llp", "holdings", "limited", "co", "ag", "gmbh",
    "incorporated",
}  # fmt: skip
# A company named with its legal form in running text: "Lumora Inc", "Nordvik Holdings AG";
# the forms as printed.
_LEGAL_FORMS = {
    "Inc", "Corp", "Corporation", "Plc", "PLC", "plc", "LLC", "Ltd", "Limited", "AG", "GmbH",
    "SA", "NV", "SE", "Holdings",
}  # fmt: skip
_COMPANY_NAME = re.compile(
    r"(?<![\w'\u2019-])(?P<name>(?:[A-Z][\w&'\u2019-]*\s+){1,3}"
    rf"(?:{'|'.join(sorted(_LEGAL_FORMS))})\b\.?)"
)
# A company whose shares the text says moved: "Shares of Lumina Systems fell".
_SHARES_OF = re.compile(
    r"\b[Ss]hares\s+(?:of|in)\s+(?P<name>[A-Z][\w&'\u2019.-]*(?:\s+[A-Z][\w&'\u2019.-]*){0,3})"
)
_SAYS = (
    r"(?:(?:has|had|have|also)\s+)?(?:said|says|added|announced|reported|reports|stated|confirmed"
    r"|expects|expected|argued|argues|insisted|insists|claimed|claims|denied|denies)"
)


def _called_it(text: str, name: str) -> bool:
    """Whether the article speaks of ``name`` as a thing, not a person: "Shell said its
    profits rose", "Shell said in its report", "Shell and its partners", "Shell, which".
    "Shell said it would" is no sign: "Hale said it would rain" says it of the weather; nor
    is "said its" after a name of several words: "Joe Biden said its attack on Israel" is
    the attacker's."""
    if not name or not text:
        return False
    if said_of_a_person(text, name):
        return False  # "Jonas Brandt, a software developer in Berlin, said he had bought"
    said_its = rf"|\s+{_SAYS}\s+(?:that\s+|in\s+)?its\b" if len(name.split()) == 1 else ""
    pattern = (
        rf"(?<![\w'’-]){re.escape(name)}(?:['’]s)?"
        rf"(?:\s*,\s*which\b|\s+and\s+its\b{said_its})"
        # what the article calls it: "the company Skyreach", "mining company Minera
        # Altavista", "Minera Altavista, the mine's operator,"
        # (with its article: "Crane operator Tomas Brekke" is a person by his job)
        rf"|\b(?:[Tt]he|[Aa]n?)\s+(?:[A-Za-z'’-]+-based\s+|[a-z'’-]+\s+){{0,2}}?(?:{_KIND_WORDS})\s+"
        # "a parents' group called Darrow Families for Choice"
        rf"(?:(?:called|named)\s+)?{re.escape(name)}(?![\w'’-])"
        # (the appositive's head: not "Samuel Achterberg, the agency's chief safety officer")
        rf"|(?<![\w'’-]){re.escape(name)},\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?"
        rf"(?:{_KIND_WORDS})(?=\s*(?:,|\.|that\b|which\b|based\b|in\b|of\b|for\b))"
        # "One of those journals, Cellular Oncology Letters,": one of a kind of body
        rf"|\b[Oo]ne\s+of\s+(?:the|those|these|its|their|[A-Z][\w'’-]*['’]s)\s+"
        rf"(?:[a-z'’-]+\s+){{0,2}}?(?:{_KIND_WORDS})s,\s+{re.escape(name)},"
        # "Halvik Container Terminals (HCT)": a body's initials; no person is so shortened
        rf"|(?<![\w'’-]){re.escape(name)}\s+\({_initials(name)}\)"
    )
    return re.search(pattern, text) is not None


def said_of_a_person(text: str, name: str) -> bool:
    """Whether the article shows ``name`` is a person's by the "he" or "she" they say of
    themselves: "Jonas Brandt, a software developer in Berlin, said he had bought", however
    much "developer" reads as a company's kind."""
    said = rf"(?<![\w'’-]){re.escape(name)}\b[^.;]{{0,80}}?\b{_SAYS}\s+(?:that\s+)?(?:he|she)\b"
    if re.search(said, text) is not None:
        return True
    # "Denise Okafor, a forklift operator, wept …. 'They told us …,' she said": the next
    # speaker called "she", with no one else named between, after a sentence she opens
    opening = r"(?:^|(?<=\n)|(?<=[.!?][ \t])|(?<=[.!?][\"”’][ \t]))"
    for found in re.finditer(rf"{opening}{re.escape(name)}(?![\w'’-])", text):
        after = text[found.end() : found.end() + 400]
        speaker = _HE_OR_SHE_SPOKE.search(after)
        if speaker is not None and not _ANOTHER_NAME.search(after, 0, speaker.start()):
            return True
    return False


# "she said", "said he", "he told": a person's pronoun as whoever spoke
_HE_OR_SHE_SPOKE = re.compile(
    r"(?:\b(?:he|she)\s+(?:said|says|added|told|wrote|recalled)|\b(?:said|says)\s+(?:he|she))\b"
)
# Someone else named: two capitalised words not opening a sentence ("Mayor Ann Cole")
_ANOTHER_NAME = re.compile(r"(?<![.!?\"“”]\s)(?<!^)\b[A-Z][a-z]+\s+[A-Z][a-z]+")


def _initials(name: str) -> str:
    """A pattern for the initials of ``name``'s capitalised words, "of" and "the" skipped or
    not ("CMB", "NSON", "TfL"), or a pattern nothing matches when it has fewer than two."""
    capitals = [word[0] for word in name.split() if word[:1].isupper()]
    if len(capitals) < 2:
        return r"(?!)"
    return "".join(re.escape(c) + r"[a-z]?" for c in capitals)


def never_a_persons(text: str, name: str) -> bool:
    """Whether a one-word name is one the article uses again and again but never gives a
    first name or a title: "Freshway said it was cooperating", where "Freshway" is no "Anna
    Freshway" or "Ms Freshway" anywhere. A story introduces a person by full name before
    using the surname alone, so a name it keeps using bare is a firm's or a body's, whose
    "it" is itself. Named once, it may be anyone's ("…, but Denyer said it would fail").
    So is a name of several words the story repeats whole but never shortens to its last
    ("Moorland Creameries said it was aware", never "Creameries" alone, as "Reinholt" is
    for Thomas Reinholt)."""
    if len(name.split()) > 1 and all(_proper(word) for word in name.split()):
        whole = rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])"
        if len(re.findall(whole, text)) < 2:
            return False
        last = name.split()[-1]
        alone = re.findall(rf"(?<![\w'’-])([\w'’.-]+\s+)?{re.escape(last)}(?![\w'’-])", text)
        before_last = name.split()[-2]
        if any(not found or found.split()[0] != before_last for found in alone):
            return False  # "Reinholt said": the surname of Thomas Reinholt
        titled = rf"(?:Mr|Mrs|Ms|Dr|Miss|Prof)\.?\s+{re.escape(name)}"
        return re.search(titled, text) is None
    if len(name.split()) != 1 or not _proper(name) or len(name) < 3:
        return False
    if len(re.findall(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text)) < 2:
        return False
    given = re.compile(rf"(?<![\w'’-])([A-Z][\w'’.-]*)\s+{re.escape(name)}(?![\w'’-])")
    return not any(
        found[1] not in _SENTENCE_OPENERS
        and (not found[1].endswith(".") or len(found[1]) <= 5)  # "Dr.", not "Tuesday."
        for found in given.finditer(text)
    )


# Nouns for what a body is, by which an article introduces it.
_KIND_WORDS = (
    "company|firm|operator|group|agency|carrier|airline|lender|insurer|miner|manufacturer"
    "|maker|retailer|chain|startup|conglomerate|utility|developer|broadcaster|network"
    "|organisation|organization|charity|association|union|authority|regulator|ministry"
    "|shipbuilder|builder|producer|supplier|exporter|importer|distributor|contractor"
    "|provider|shipyard|hospital|university|school|council|bank|brewer|publisher|journal"
    "|line"  # "the shipping line Norrvale Cargo"
    "|haulier|hauler|shipper|insurer|consultancy|laboratory|lab|" + "|".join(_TRADES)
)
# An institution just named, then where its spokesperson spoke: "…, where a spokeswoman".
_WHERE_BEFORE = re.compile(
    r"(?P<name>(?!The\b)[A-Z][\w&'\u2019-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w&'\u2019-]*){0,5}),"
    r"[ \t]+where[ \t]+$"
)


# A capitalised word inside a sentence, after a word of its own: "taken from Rask on".
_NAMED_INSIDE = re.compile(r"(?<=[a-z,;][ \t])[A-Z][a-z][\w'\u2019-]*\b")


_OF_AFTER_HEAD = re.compile(r"\s+(?:of|at|for|in|with|from|on|by)\s+")


class Speakers:
    """The last source named, so "he said" can be read as that person."""

    def __init__(self) -> None:
        self.last: Resolution | None = None
        # The hops of the last direct quotation and its paragraph: a quotation that goes on
        # in the next sentence, with no cue of its own, is still that speaker's.
        self.quoting: tuple[list[dict], int] | None = None
        self.names: list[str] = []  # new names of several words proposed so far
        self.named: list[Resolution] = []  # every source named so far, in order
        # Who "I" is in a transcript's labelled paragraph: the label's speaker.
        self.first_person: Resolution | None = None
        # The last source named that may be a person: whom "he", "she", "him", "her" mean.
        self.last_person: Resolution | None = None
        # What the article calls a person by ("he", "she", "Ms."), by name.
        self.genders: dict[str, str] = {}
        # The names the article has shown to be a body's ("newspaper Record"), folded.
        self.bodies: set[str] = set()
        # The outlet each speaker last told, by folded name: whom "told the magazine" means.
        self.outlets: dict[str, dict] = {}
        # The outlet someone last told, and where that sentence ends: "Another resident told
        # the paper", right after "said Janet Crowley, speaking to the Aldwick Gazette".
        self.last_outlet: tuple[dict, int] | None = None
        # The company "the company" was read as last, and how many sources were named then.
        self.company: tuple[Resolution, int] | None = None
        # Whose "the report" was read as, by the document's noun; and whose statement the
        # last sentence saying "in a statement" gave (``note_statement``).
        self.documents: dict[str, Resolution] = {}
        # The last people described as a group ("people familiar with the matter"), and
        # whether they were named after the last source (whom "they" means first).
        self.group: Resolution | None = None
        self.group_latest = False
        # The last thing or body described, not named ("the statement", "the bank"): whom
        # "it" means when nothing was named since.
        self.thing: Resolution | None = None
        # When each source was last read, by key, counted in reads: which of two came later.
        self.reads = 0
        self.read_at: dict[str, int] = {}
        # The last spokesperson described by the article, by noun: whom "the spokesman"
        # means after "A spokesman for Ruthven's office said".
        self.spokespeople: dict[str, Resolution] = {}
        # The club "the club" was read as.
        self._club: Resolution | None = None

    def read(self, resolver: Resolver, surface: str, before: str = "") -> Resolution:
        if (house := _OPERA_HOUSE.fullmatch(surface.strip(" ,"))) is not None:
            # "the opera house said": the opera the story named, as "the opera" would be
            reading = self.read(resolver, f"{house[1]} opera", before)
            return replace(reading, surface=surface)
        if (passed := _PASSED_ON_BY.match(surface)) is not None:
            # "A spokeswoman for the ministry, quoted by the state news agency TKA,": she,
            # read as if alone; the agency is a hop of its own (``outlets.outlet_seen``)
            return replace(self.read(resolver, passed["speaker"], before), surface=surface)
        if (document := OWNERS_DOCUMENT.fullmatch(surface.strip())) is not None:
            # "according to the company's most recent annual report": the company's word,
            # in its report; a document of no one named stays as written
            owner = self.read(resolver, document["owner"], before)
            name = owner.name or owner.proposed_name or ""
            if name[:1].isupper() and not is_description(name):
                self.documents[document["doc"].split()[-1].lower()] = owner  # "The report"
                return replace(
                    owner, surface=surface, why=f"{document['doc']} of {name}; {owner.why}"
                )
        if (head := _DESCRIBED_WITH_CLAUSE.match(surface.strip())) is not None:
            # "The company, which runs 74 cinemas,": "the company", what its clause says of it
            return replace(self.read(resolver, head["head"], before), surface=surface)
        words = [word.strip(",;:") for word in surface.lower().split()]
        if words[:1] == ["the"] and len(words) == 2 and words[1] in self.spokespeople:
            # "A spokesman for Ruthven's office said …. '…,' the spokesman said": the
            # spokesman the article described, not a body named since
            earlier = self.spokespeople[words[1]]
            self.last = earlier
            return _read_as(earlier, surface, words[1])
        if (
            len(words) == 2
            and words[0] == "the"
            and words[1].endswith("s")
            and self.group is not None
            and words[1] in fold_name(self.group.surface).split()[:3]
        ):
            # "Analysts at Kestrel Hartley said …. '…,' the analysts wrote": those described
            self.group_latest = True
            return replace(
                self.group,
                surface=surface,
                why=f"{surface.strip()!r} read as {self.group.proposed_name!r}, named before",
            )
        if _ONE_OF_THEM.fullmatch(surface.strip()) and self.group is not None:
            # "according to two people familiar with the matter. One of them said": the
            # people described before, one of whom speaks
            self.group_latest = True
            return replace(
                self.group,
                surface=surface,
                why=f"{surface.strip()!r} read as one of {self.group.proposed_name!r}",
            )
        if (whose := _SPOKESPERSON_FOR.fullmatch(surface.strip())) is not None:
            # "A spokesman for the regulator said": the body "the regulator" is, if the
            # story named it ("the Mines Inspectorate"), speaks through its spokesman
            body = self._read(resolver, whose["body"], before)
            named = body.name or body.proposed_name or ""
            if named and not is_description(named):
                return replace(body, surface=surface, why=f"{surface.strip()!r}: {body.why}")
        if _ITS_DOCUMENT.fullmatch(surface.strip()):
            # "The union is seeking 6 percent, according to a summary of its proposal": the
            # document is the subject's, whose words it gives
            here = _SENTENCE_BREAK.split(before)[-1]
            subject = _BODY_SUBJECT.match(here)
            owner = None
            if subject is not None and subject["name"].split()[-1] in BODY_NOUNS | _COMPANY_NOUNS:
                # "The union": the body the story named so, as "the union said" would be
                owner = self._read(resolver, subject["name"], before[: len(before) - len(here)])
            elif subject is not None and subject["name"].removeprefix("The ")[:1].isupper():
                owner = resolver.resolve(subject["name"])
            if owner is not None:
                named = owner.name or owner.proposed_name or ""
                if named and not is_description(named) and a_body(resolver, owner):
                    return replace(owner, surface=surface, why=f"{surface.strip()!r}: {named}'s")
        owned = _BODYS_DOCUMENT.match(surface.strip())
        if owned is not None and owned["noun"].lower() in APPOSED_NOUNS:
            # "The council's latest assessment, published in October, warned": the council's
            # word, as "the council warned" would be read
            body = self._read(resolver, owned["body"], before)
            named = body.name or body.proposed_name or ""
            if named and not is_description(named) and a_body(resolver, body):
                return replace(body, surface=surface, why=f"{surface.strip()!r}: {named}'s")
        agent = _HIS_OR_HER_AGENT.fullmatch(surface.strip(" ,"))
        if agent is not None:
            # "Mayor Teresa Lund … Her office said", "His spokesman said": the person the
            # sentence before is about, for whom they speak, as a spokesperson speaks for a
            # body; only that one, not whoever spoke last
            pronoun = "he" if agent[1].lower() == "his" else "she"
            gender = GENDERED[pronoun]
            person = self._subject_before(
                resolver, pronoun, before, sentences=1, person=True
            ) or self._one_person_before(resolver, before, gender)
            named = (person.name or person.proposed_name or "") if person is not None else ""
            if (
                named
                and not is_description(named)
                and not a_body(resolver, person)
                and self.genders.get(_key(person)) in (None, gender)
            ):
                return replace(person, surface=surface, why=f"{surface.strip()!r}: {named}'s")
        made = _DESCRIBED_MAKER.match(surface.strip())
        if made is not None:
            # "according to a summary the university released": the university the story
            # named, whose summary it is
            body = self._read(resolver, made["body"], before)
            named = body.name or body.proposed_name or ""
            if named and not is_description(named) and a_body(resolver, body):
                return replace(body, surface=surface, why=f"{surface.strip()!r}: {named}'s")
        reading = self._read(resolver, surface, before)
        noun = next((word for word in words if word in SPOKESPEOPLE), None)
        if noun is None and words[0] in ("a", "an", "one") and not reading.resolved:
            # "A person close to the president said …. The person said": that person
            noun = next((word for word in words[1:4] if word in _UNNAMED_ONES), None)
            if noun is None and words[1:2] == ["of"] and words[-1].endswith("s"):
                # "One of the tournament's arbiters … The arbiter was quoted as saying"
                noun = words[-1].strip(",")[:-1]
        if noun is not None and (words[0] in ("a", "an", "one") or noun != words[-1]):
            self.spokespeople[noun] = reading  # "A spokesman for X", "a WHO spokesperson"
        return reading

    def _read(self, resolver: Resolver, surface: str, before: str = "") -> Resolution:
        resolution = resolver.resolve_in_context(surface, before)
        public = _public_agency_since(resolver, surface, resolution, before)
        if public is not None:
            return public
        if fold_name(surface) in ("i", "we") and self.first_person is not None:
            return replace(
                self.first_person,
                surface=surface,
                why=f"{surface.strip()!r} in a paragraph {self.first_person.why}",
            )
        pronoun = fold_name(surface)
        if pronoun in ("police", "the police") and not resolution.resolved:
            # "Police said" where the article names one force, before or after: "Westmoor
            # Police Chief Superintendent Graham Fairley told …"
            forces = {
                fold_name(m[1]): m[1]
                for pattern in (_A_FORCE, _A_FORCE_BY_PLACE)
                for m in pattern.finditer(resolver.text)
            }
            if len(forces) == 1:
                (force,) = forces.values()
                return replace(
                    resolver.resolve(force),
                    surface=surface,
                    why=f"{surface.strip()!r} read as {force}, the one force the article names",
                )
        if pronoun in PRONOUNS:
            gender = GENDERED.get(pronoun)
            if gender is not None and (
                spoke := self._described_just_before(surface, gender, before)
            ):
                return spoke
            # "Doyle apologised to his family. 'I am ashamed,' he said.": the sentence before
            # names him, whoever spoke last
            here = _SENTENCE_BREAK.split(before)[-1]
            person = self.last_person
            name = (person.name or person.proposed_name or "") if person is not None else ""
            if (
                gender is not None
                and name
                and name.split()[-1] in here
                and self.genders.get(_key(person)) in (None, gender)
            ):
                # "Kefilwe Mosweu said A, though she noted B": named in this very sentence
                return self._gendered(
                    replace(person, surface=surface, why=f"{surface.strip()!r} read as {name}"),
                    gender,
                )
            subject = self._subject_before(resolver, surface, before, sentences=1)
            if subject is not None and gender is not None:
                return self._gendered(subject, gender)
            if gender is not None and (owner := _owner_before(resolver, pronoun, before)):
                return self._gendered(owner, gender)
            if gender is not None and (one := self._one_person_before(resolver, before, gender)):
                # "For Okafor, the next step is simpler. She said": the one person that
                # sentence names, not whoever spoke last
                return self._gendered(replace(one, surface=surface), gender)
            owned = _owned_subject_before(resolver, surface, before) if pronoun == "it" else None
            if owned is not None:
                self.last = owned
                if not self.named or _key(self.named[-1]) != _key(owned):
                    self.named.append(owned)  # "The ministry said" next means it too
                return owned
            if pronoun == "it" and (subject := self._it_subject(resolver, before)) is not None:
                return subject
            last = self.last
            if (
                pronoun == "it"
                and self.thing is not None
                and self.read_at.get("thing", -1) > self.read_at.get(_key(last), -1)
            ):
                # '"A," the statement said. It added that B': the statement, described
                return replace(
                    self.thing,
                    surface=surface,
                    why=f"{surface.strip()!r} read as {self.thing.proposed_name!r}, named before",
                )
            if (
                pronoun == "it"
                and last is not None
                and last is self.last_person
                and _key(last) not in self.genders
                and (
                    len((last.name or last.proposed_name or "").split()) == 1
                    or (
                        self._last_body() is None
                        and not one_person(last.surface)
                        and not set(fold_name(last.surface).split()) & TITLES
                        and not _A_THING_BEFORE.search(_SENTENCE_BREAK.split(before)[-1])
                        and _IT_SAID.match(resolver.text, len(_all_before(resolver, before)))
                        and self._subject_before(resolver, "it", before, sentences=1)
                        in (None, last)
                    )
                )
            ):
                # "Nordkraft said in a statement. …, it added": a bare name nobody has called
                # "he" or "she" is a body's, as "it" now says; so is "Ostland Lotto said …. In
                # fact, only two tickets had matched, it said", when no body was named before
                self.bodies.add(_key(last))
                self.last_person = None
            elif pronoun == "it" and last is not None and last is self.last_person:
                # "it" is no person: the body named before, if any
                last = self._last_body()
            if pronoun in ("they", "them"):
                group = _group_before(before)
                if group is not None:
                    # "The researchers believe A, though they stressed B": the researchers
                    return replace(
                        resolver.resolve(group),
                        surface=surface,
                        why=f"{surface.strip()!r} read as {group!r}, named before it",
                    )
                body = self._last_body()
                later_body = body is not None and self.read_at.get(
                    _key(body), -1
                ) > self.read_at.get("group", -1)
                if self.group is not None and (
                    self.group_latest
                    or last is None
                    or (last is self.last_person and not later_body)
                ):
                    # "…, according to people familiar with the matter. … , they said"
                    return replace(
                        self.group,
                        surface=surface,
                        why=f"{surface.strip()!r} read as {self.group.proposed_name!r}, "
                        "the people named before",
                    )
                if last is not None and last is self.last_person:
                    # not the one person named last: the body named before, if any
                    last = self._last_body()
            if pronoun in PERSONAL:
                # "RIA quoted him": a person, not the agency; none when only bodies were named;
                # "she" not a man the article has called "he"
                last = self._last_person(gender)
            elif pronoun == "it" and last is not None and _key(last) in self.genders:
                # '"…," Yusuf Demir said. The authority rejected the criticism. In a
                # statement, it said': no "he" or "she" is "it"; the body the sentence
                # before is about, else the last body named
                subject = self._subject_before(resolver, surface, before)
                if subject is not None and _key(subject) not in self.genders:
                    return subject
                last = self._last_body()
            if last is not None:
                reading = Resolution(
                    surface,
                    last.source_id,
                    last.name,
                    min(last.confidence, 0.6),
                    f"{surface.strip()!r} read as the last "
                    f"{'person' if pronoun in PERSONAL and last is not self.last else 'source'}"
                    " named, "
                    f"{last.name or last.proposed_name}",
                    last.proposed_name,
                )
                return self._gendered(reading, gender) if gender else reading
            subject = self._subject_before(resolver, surface, before)
            if subject is None and pronoun in ("he", "she"):
                subject = _titled_person_before(resolver, surface, pronoun, before)
            if subject is not None and gender is not None:
                return self._gendered(subject, gender)
            return resolution if subject is None else subject
        resolution = self._named_before(resolution, resolver.text)
        self.group_latest = False
        self.reads += 1
        if _of_a_group(surface) and not resolution.resolved:
            self.group, self.group_latest = resolution, True
            self.read_at["group"] = self.reads
        else:
            self.read_at[_key(resolution)] = self.reads
        body = (
            _agency_just_named(resolver, surface, before)
            or self._outlet_described_before(surface)
            or self._outlet_just_named(resolver, surface, before)
            or self._apposed_before(resolver, surface, resolution, before)
            or self._document_author_before(resolver, surface, resolution, before)
            or self._watchdog_before(resolver, surface, resolution, before)
            or self._body_named_before(resolver, surface, resolution, before)
            or self._titled_before(surface)
            or _person_called(resolver, surface, before)
            or self._aged_speaker_before(surface)
            or self._party_member_before(surface, resolver, before)
            or self._company_named_before(resolver, surface, resolution, before)
            or self._spokesperson_of_body(resolver, surface, resolution, before)
        )
        if body is not None:
            self.last = body  # "The agency warned …. It called on": the agency
            self.read_at[_key(body)] = self.reads  # read now, whenever it was named
            if (body.name or body.proposed_name) and _key(body) not in {
                _key(named) for named in self.named
            }:
                # "the regulator" read as the Food Standards Authority, which "the
                # authority" may mean next
                self.named.append(body)
            return body
        if _a_thing(surface, resolution):
            self.thing = resolution  # "the statement", "the bank": what "it" may mean next
            self.read_at["thing"] = self.reads
        role = None if resolution.resolved else self._role_before(resolver, surface, before)
        if role is not None:
            self.last = self.last_person = role  # "the Villa manager" is whom "he" means next
            return role
        if (
            resolution.resolved
            or (resolution.proposed_name or "")[:1].isupper()
            or one_person(surface)
        ):
            self.last = resolution  # a known source, or something that looks like a name
            self.named.append(resolution)
            if a_body(resolver, resolution):
                self.bodies.add(_key(resolution))
            elif _key(resolution) not in self.bodies and (
                not is_description(surface)
                or not is_description(resolution.proposed_name or surface)
                or one_person(surface)
            ):
                # not "Record" after "newspaper Record", nor "Their most recent paper"; but
                # "A spokesman for the Commission, Olivier Marchetti" and "A nurse at the
                # hospital" are whom the next "he" or "she" means
                self.last_person = resolution
                first = fold_name(surface.split()[0]) if surface.split() else ""
                # a title says it ("Ms. Feld"), a possessive does not ("Her lawyer")
                # nor another's name ("Mrs Ellison's son, Graham Ellison")
                possessive = re.search(r"\w['\u2019]s\b", surface.split(",")[0])
                title = None if first in ("his", "her") or possessive else GENDERED.get(first)
                said = title or _says_of_self(resolver.text, resolution)
                if said is not None:  # "Ms. Feld", "Feld said her client"
                    self.genders.setdefault(_key(resolution), said)
        return resolution

    def is_body(self, resolver: Resolver, reading: Resolution) -> bool:
        """``a_body``, or a name the article has shown to be a body's ("the club" read as it,
        "it said" of it)."""
        return a_body(resolver, reading) or _key(reading) in self.bodies

    def _it_subject(self, resolver: Resolver, before: str) -> Resolution | None:
        """ "The Transport Ministry approved the route. It said": the body the sentence
        before is about, by name, when the source named last is not in that sentence (a
        firm that spoke two sentences up is no "it" here), nor a document it published
        ("The Health Ministry published its annual report. It found")."""
        if _A_THING_BEFORE.search(_SENTENCE_BREAK.split(before.rstrip())[-1]):
            return None
        subject = self._subject_before(resolver, "it", before, sentences=1)
        name = (subject.name or subject.proposed_name or "") if subject is not None else ""
        if not _proper(name) or not (a_body(resolver, subject) or _key(subject) in self.bodies):
            return None
        last = (self.last.name or self.last.proposed_name or "") if self.last else ""
        if last and last in _SENTENCE_BREAK.split(before.rstrip())[-1]:
            return None  # "Ofwat said …. It added": as the last source is read
        self.last = subject
        self.bodies.add(_key(subject))
        if not self.named or _key(self.named[-1]) != _key(subject):
            self.named.append(subject)
        return subject

    def subject_meant(self, resolver: Resolver, phrase: str, before: str) -> Resolution | None:
        """The named body an article's own sentence means by opening with "It" or "The
        chain": "It blamed rising rents" after "The company, which runs 74 cinemas, said"
        is Starlight Screens, as a speaker so called would be read. None when the sentence
        before is about no named body, names a document "it" may be ("The ministry
        published its report. It found"), or when the story has named two bodies the
        description fits ("the bank" after the Central Bank of Norvalia and Baltic Union
        Bank). Read on a copy: nobody speaks here."""
        if fold_name(phrase) == "it":
            last = _SENTENCE_BREAK.split(before.rstrip())[-1]
            spoke = self._body_that_ended_speaking(resolver, last)
            if spoke is not None:
                return spoke  # "…, the company said. It urged anyone with symptoms"
            if _A_THING_BEFORE.search(last):
                return None
            reading = self._subject_before(resolver, "it", before, sentences=1)
            described = (reading.proposed_name or "") if reading is not None else ""
            if (
                reading is not None
                and not reading.resolved
                and described.split()[-1:]
                and (described.split()[-1] in APPOSED_NOUNS)
            ):
                # "The company, which runs 74 cinemas, said …. It blamed": the company meant
                reading = self._described_meant(resolver, described, before)
        elif phrase.split()[-1].lower() in APPOSED_NOUNS:
            reading = self._described_meant(resolver, phrase, before)
        else:
            return None
        name = (reading.name or reading.proposed_name or "") if reading is not None else ""
        if not _proper(name) or is_description(name):
            return None
        return reading if self.is_body(resolver, reading) else None

    def _described_meant(self, resolver: Resolver, phrase: str, before: str) -> Resolution | None:
        title = phrase.split()[-1].lower().capitalize()
        holding = rf"(?:[A-Z][\w&'\u2019-]*[ \t]+(?:(?:of|and|for)[ \t]+)?){{1,4}}{title}"
        holding += rf"|{title}[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019-]*"
        names = {re.sub(r"^The\s+", "", m[0]) for m in re.finditer(holding, before)}
        if len(names) > 1:
            return None  # which of them, the reader cannot tell either
        trial = copy.deepcopy(self)
        reading = trial.read(resolver, phrase, before)
        # a description read as a name shows it is a body's, though only the trial knows it
        return reading if trial.is_body(resolver, reading) else None

    def _last_body(self) -> Resolution | None:
        """The last source named that the article shows to be a body: whom "it" means, and
        "they" after one person."""
        return next((r for r in reversed(self.named) if _key(r) in self.bodies), None)

    def _described_just_before(self, surface: str, gender: str, before: str) -> Resolution | None:
        """ "A UNEP spokeswoman in Geneva said A. She said B": the spokeswoman who spoke in
        this sentence or the one before, read as she was (UNEP's), when her description says
        "she" may be her, not the last person named before her."""
        last = self.last
        if last is None:
            return None
        words = fold_name(last.surface).split()
        if not any(NOUN_GENDER.get(word) == gender for word in words):
            return None
        if last.surface.strip(" ,") not in _this_and_last_sentence(before):
            return None
        name = last.name or last.proposed_name
        return replace(
            last, surface=surface, why=f"{surface.strip()!r} read as {name}, just quoted"
        )

    def _gendered(self, reading: Resolution, gender: str) -> Resolution:
        """``reading`` for a "he" or "she", whom the article now calls so: a later "she"
        is someone else, and a later "he" may be the same man, named or not since."""
        self.genders.setdefault(_key(reading), gender)
        if _key(reading) not in {_key(named) for named in self.named}:
            self.named.append(reading)
        # whom the next "she added" means: the woman just called "she", though she was read
        # as the subject of a sentence before rather than named as a source
        self.last_person = reading
        return reading

    def headline_body(self, resolver: Resolver, surface: str, story: str) -> Resolution | None:
        """ "Hackers stole records of 80,000 patients, hospital admits": a headline's bare
        noun, without its article, is the body of that kind the story names first ("St
        Aldric's General Hospital"). Read on a copy, as of the story's first paragraph:
        nobody has spoken yet."""
        noun = surface.strip(" ,;:").lower()
        if noun not in APPOSED_NOUNS | set(_INSTITUTIONS):
            return None
        lede = story.strip().split("\n\n", 1)[0][:600]
        trial = copy.deepcopy(self)
        reading = trial.read(resolver, f"the {noun}", lede + " ")
        name = reading.name or reading.proposed_name or ""
        if not name or is_description(name) or not _proper(name):
            return None
        return replace(reading, surface=surface, why=f"{reading.why}, as the story names it")

    def person_meant(self, resolver: Resolver, pronoun: str, before: str) -> str | None:
        """The name "he" or "she" means in words a body says ("He has 21 days to appeal,
        NADA said"): a body is no "he", so the subject of the sentence before, else the last
        person named as a source."""
        # "Vance, 27, has not commented. She is on tour. A person close to the singer said
        # she was …": a sentence before about "her" too passes on to the one before it
        again = re.match(
            rf"\W*{re.escape(pronoun)}\b", _SENTENCE_BREAK.split(before.rstrip())[-1], re.I
        )
        person = self._subject_before(
            resolver, pronoun, before, sentences=2 if again else 1, person=True
        ) or self._last_person(GENDERED.get(pronoun.lower()))
        name = (person.name or person.proposed_name) if person is not None else None
        if name is None:
            # "The commission said a sample taken from Rask …. It said she had the right":
            # the one person the sentence before names, by the full name the story gave
            last = _SENTENCE_BREAK.split(before.rstrip())[-1]
            names = {
                full
                for word in _NAMED_INSIDE.findall(last)
                if (full := resolver.full_name(word)) is not None
            }
            name = names.pop() if len(names) == 1 else None
        return name if name and not is_description(name) else None

    def _aged_speaker_before(self, surface: str) -> Resolution | None:
        """'"I know these players inside out," the 39-year-old said', after "Whelan said he
        was ready": with no one given that age, the person who spoke last, as "he" is."""
        if not _AN_AGE.fullmatch(surface.strip(" ,;:")) or self.last_person is None:
            return None
        return _read_as(self.last_person, surface, "person")

    def _party_member_before(
        self, surface: str, resolver: Resolver, before: str
    ) -> Resolution | None:
        """ "Former Ohio governor Richard Calder …. The Ohio Republican shot back": the one
        person the story set beside that state; with none, "Senator Margaret Delacroix said
        …. The Ohio Democrat said": copy calls the politician it just quoted by state and
        party, so the person who spoke last."""
        member = _A_PARTY_MEMBER.fullmatch(surface.strip(" ,;:"))
        if member is None:
            return None
        people = people_of_place(_all_before(resolver, before), member["place"])
        if len(people) == 1:
            return _read_as(resolver.resolve(people.pop()), surface, f"{member['place']} person")
        if people or self.last_person is None:
            return None  # two of that state: which one, the reader cannot tell either
        return _read_as(self.last_person, surface, "person")

    def _one_person_before(self, resolver: Resolver, before: str, gender: str) -> Resolution | None:
        """The one person the sentence before names inside it, by the full name the story
        gave them, when nothing says they are not ``gender``; None for none or several."""
        last = _whole_sentence_before(before)
        if last is None:
            return None
        if _SAYING_IN.search(last):
            return None  # '"…," the Villa manager said. He added': whoever spoke there
        if any(mark in last for mark in '"\u201c\u201d'):
            return None  # a quotation's names are the speaker's, not whom the story is about
        if _SOMEONE_GENDERED.search(last):
            # "He declared that … Donald Trump would …. He noted": the "he" goes on; "The
            # woman's enthusiasm for Trump …. 'Here comes Big Daddy,' she said": the woman
            return None
        reading = one_person_in(resolver, last)
        if reading is None:
            return None
        if _key(reading) in self.bodies:
            return None
        named = reading.name or reading.proposed_name or ""
        if _titled_otherwise(resolver.text, named, gender):
            return None
        if self.genders.get(_key(reading)) not in (None, gender):
            return None
        return replace(
            reading,
            why=f"read as {reading.name or reading.proposed_name}, the one "
            "person the sentence before names",
        )

    def _last_person(self, gender: str | None) -> Resolution | None:
        """The last person named that the pronoun may be: of "he" or "she", the last whom
        the article has not called the other."""
        if gender is None or self.genders.get(_key(self.last_person)) in (None, gender):
            return self.last_person
        people = (r for r in reversed(self.named) if self.genders.get(_key(r)) == gender)
        return next(people, None)

    def _subject_before(
        self,
        resolver: Resolver,
        surface: str,
        before: str,
        sentences: int = 2,
        *,
        person: bool = False,
    ) -> Resolution | None:
        """ "Karen Feld spoke after the hearing. She said ...": a pronoun is the subject of
        the sentence before it (or, with no speaker named yet, of the one before that), when
        that subject may be what the pronoun says ("he" and "she" a person the article has
        not called the other, "it" a body). Less sure than a speaker named: the reviewer
        confirms it."""
        pronoun = fold_name(surface)
        if pronoun not in _SUBJECT_PRONOUNS:
            return None
        from claims.sentences import split_sentences

        # Whole sentences only: "Profit rose, it said" is not the profit's word.
        starts = [
            sentence.start
            for sentence in split_sentences(before)
            if _SENTENCE_END.search(before[sentence.start : sentence.end].rstrip())
        ]
        for start in reversed(starts[-sentences:]):  # the sentence before, then further
            if (stamp := _TIME_STAMP.match(before, start)) is not None:
                start = stamp.end()  # a live blog's "22:31 - Korpela has posted …"
            described = _DESCRIBED_SUBJECT.match(before, start)
            if described is not None and pronoun == "it":
                # "The bank also lowered its forecast. It now expects …": the body the story
                # calls so, or no one (not the subject of a sentence before that)
                return self._described_body(resolver, surface, described["noun"], before[:start])
            unnamed = None if person else _GENDERED_SUBJECT.match(before, start)
            if unnamed is not None and _GENDER_OF[unnamed["noun"].lower()] == GENDERED.get(pronoun):
                # "A spokeswoman for the museum disputed that account. She said": that one
                subject = " ".join(unnamed["subject"].split())
                spoke = self.spokespeople.get(unnamed["noun"].lower())
                if spoke is not None and fold_name(spoke.surface) == fold_name(subject):
                    # "A university spokesman said A. He said B": as that spokesman was read
                    return replace(spoke, surface=surface, why=f"{surface.strip()!r}: {spoke.why}")
                return replace(
                    resolver.resolve(subject),
                    surface=surface,
                    why=f"{surface.strip()!r} read as {subject!r}, of the sentence before",
                )
            if pronoun == "it" and _A_THING_BEFORE.search(before, start):
                continue  # "The Health Ministry published its report. It found": the report
            member = _A_PARTY_MEMBER.match(before, start) if pronoun in PERSONAL else None
            if member is not None and (
                reading := self._party_member_before(member[0], resolver, before[:start])
            ):
                return replace(reading, surface=surface)  # "The Ohio Democrat said …. She"
            found = _titled_subject(before, start) or _SUBJECT.match(before, start)
            if found is not None and _THE_NAME.match(found["name"]):
                # "The Transport Ministry approved …": the name after its "The"
                found = _SUBJECT.match(before, start + found["name"].index(" ") + 1) or found
            opening = found["name"].split()[0].lower() if found is not None else ""
            if opening.endswith("ing") or opening in _OPENING_PARTICIPLES | _OPENING_PREPOSITIONS:
                found = _subject_after_opening(before, start)  # "Speaking on Tuesday, Pellow"
            if found is None or found["name"].split()[0].lower() in _NOT_SUBJECTS:
                # "The head of Sigi regency, Yohana Lamba, put …": the name set off
                found = _APPOSED_SUBJECT.match(before, start)
                if found is None:
                    continue
            owner = _SAINTS_NAME.sub("", found["name"])  # "St Aldric's General Hospital"
            if "'s" in owner or "\u2019s" in owner:
                # "Doyle's attorney, Karen Feld, argued": not Doyle, but Karen Feld
                found = _APPOSED_SUBJECT.match(before, start)
                if found is None:
                    continue
            if found["verb"] in _TITLE_NOUNS:
                continue  # "Navy spokesperson Dmytro Pletenchuk told": the name comes later
            reading = resolver.resolve_in_context(found["name"], before[:start])
            named = reading.name or reading.proposed_name
            if not named:
                continue
            body = a_body(resolver, reading) or _key(reading) in self.bodies
            one_word = len(named.split()) == 1
            if pronoun in PERSONAL:
                if body or (one_word and not reading.resolved and not person):
                    continue  # "Shell cut jobs. He said": a bare word may be a company
                if self.genders.get(_key(reading)) not in (None, GENDERED[pronoun]):
                    continue  # "Feld spoke. He said": she is no "he"
            elif not body and not (one_word and not reading.resolved):
                continue  # "Raymond Doyle was jailed. It said": a person is no "it"
            return replace(
                reading,
                surface=surface,
                confidence=min(reading.confidence or 0.5, 0.4),
                why=f"{surface.strip()!r} read as {named}, the subject of the sentence before",
            )
        return None

    def _described_body(
        self, resolver: Resolver, surface: str, noun: str, before: str
    ) -> Resolution | None:
        """The body a description ("the bank", "the ministry") stands for, as a speaker
        "the bank" would be read, for an "it" that refers to it."""
        phrase = f"the {noun}"
        resolution = resolver.resolve_in_context(phrase, before)
        found = (
            resolution
            if resolution.resolved
            else self._body_named_before(resolver, phrase, resolution, before)
        )
        if found is None:
            # which bank the story means is the reviewer's to say, not the last one named
            why = f"{surface.strip()!r} read as {phrase!r}, the subject of the sentence before"
            return Resolution(surface, None, None, 0.0, why, phrase)
        named = found.name or found.proposed_name
        return replace(found, surface=surface, why=f"{surface.strip()!r} read as {named}")

    def _role_before(self, resolver: Resolver, surface: str, before: str) -> Resolution | None:
        """ "Emery was furious …. 'It is not a penalty,' the Villa manager said": a person
        referred to by role ("the forward", "the city mayor", "the Dane") is, like "he",
        the person the sentence before is about; the role says it is a person, so a
        surname alone will do."""
        words = [word.strip(",;:") for word in surface.split()]
        if not 2 <= len(words) <= 4 or words[0].lower() != "the":
            return None
        if words[-1].lower() not in _ROLE_NOUNS and words[-1] not in _DEMONYMS:
            return None
        for pronoun in ("he", "she"):
            found = self._subject_before(resolver, pronoun, before, sentences=1, person=True)
            named = (found.name or found.proposed_name or "") if found is not None else ""
            if (
                found is not None
                and words[-1].lower() in _OFFICES
                and len(named.split()) == 1
                and not found.resolved
                and _key(found) not in self.genders
            ):
                # "Shell cut 300 jobs …. The minister said": an office is held by someone
                # named in full or called "he" or "she", not by a bare word
                return None
            if found is not None:
                return replace(
                    found,
                    surface=surface,
                    why=f"{surface.strip()!r} read as {found.name or found.proposed_name}, "
                    "the person the sentence before is about",
                )
        return None

    def _body_named_before(
        self, resolver: Resolver, surface: str, resolution: Resolution, before: str = ""
    ) -> Resolution | None:
        """ "The department said" after "the Illinois Department of Transportation said":
        the last source proposed before whose name holds the noun, when nothing known is
        (or the noun names the article's own source: "the agency" after "the International
        Energy Agency said" is that agency, not the wire)."""
        words = [word.strip(",;:") for word in surface.lower().split()]
        if len(words) == 3 and words[1].isalpha() and surface.split()[1].islower():
            # "the health department": the one whose name holds "health" too
            qualifier, words = words[1], [words[0], words[2]]
        else:
            qualifier = None
        if len(words) != 2 or words[0] not in ("the", "this") or words[1] not in BODY_NOUNS:
            return None
        if resolution.resolved and not refers_to_origin(surface):
            return None
        noun = words[1]
        if qualifier is not None:
            return self._qualified_body(resolver, surface, noun, qualifier)
        institution = None
        if noun in _INSTITUTIONS and not resolution.resolved:
            institution = _institution_named(resolver.text, noun, before)
        if noun == "agency":
            # "The NRA rejected that claim. … the agency said": the National Roads Agency the
            # article spelt out
            recent = _this_and_last_sentence(before)
            spelt = (resolver.spelt_out(a) for a in _ACRONYM.findall(recent))
            named = [name for name in spelt if name and name.split()[-1] == "Agency"]
            if named:
                return _read_as(resolver.resolve(named[-1]), surface, noun)
        if noun in _ANY_BODY and not resolution.resolved:
            # "A group calling itself BlackLantern claimed …. The group said": the one the
            # sentence before calls so, though a body named longer ago holds the noun
            called = _CALLED_A.findall(_this_and_last_sentence(before))
            called = [name for kind, name in called if kind.lower() == noun]
            if called:
                return _read_as(resolver.resolve(called[-1]), surface, noun)
        if institution and institution[1]:
            # "Schools in the Alder Springs School District will close, the district said":
            # the one this very sentence names, though another was a source before
            return _read_as(resolver.resolve(institution[0]), surface, noun)
        if noun in _ANY_BODY and (last := self._body_that_just_spoke(resolver, before)):
            # "…, NASA said. The agency said": the body that spoke just now, not an agency
            # named longer ago
            return _read_as(last, surface, noun)
        for earlier in reversed(self.named):
            name = earlier.name or earlier.proposed_name or ""
            if noun in fold_name(name).split() and len(name.split()) > 1:
                if is_description(name):
                    continue  # "A company spokesperson" is no company the name gives
                if _head_word(name) != noun and noun in _INSTITUTIONS:
                    continue  # "University Lecturers' Association" is no university
                return _read_as(earlier, surface, noun)
            # the description's head, before any "of": "The director of the city zoo, Anna
            # Palm" describes a director, not a zoo
            head = _OF_AFTER_HEAD.split(earlier.surface.split(",")[0], maxsplit=1)[0]
            described = fold_name(head).split()[-1:]
            if described == [noun] and name and not is_description(name) and "," in earlier.surface:
                # "Her party, the Alliance for Democratic Change, said …. The party said"
                return _read_as(earlier, surface, noun)
        if institution:
            return _read_as(resolver.resolve(institution[0]), surface, noun)
        if noun in _ANY_BODY and not resolution.resolved:
            # "Owners can check … on the NHTSA website, the agency said": a body the article
            # named before and names again in this very sentence
            here = _SENTENCE_BREAK.split(before)[-1]
            for earlier in reversed(self.named):
                name = earlier.name or earlier.proposed_name or ""
                if (
                    _key(earlier) in self.bodies
                    and name
                    and re.search(rf"(?<![\w'\u2019-]){re.escape(name)}(?![\w-])", here)
                    and resolver.kinds.get(earlier.source_id) not in MEDIA_KINDS
                ):
                    return _read_as(earlier, surface, noun)
            # "Environmental group Green Archipelago accused …. The group said": the one the
            # sentence before calls so, though it spoke in no relation
            recent = _this_and_last_sentence(before)
            called = re.findall(rf"\b{noun}\s+({_CAPITALISED_NAME})", recent)
            if called:
                return _read_as(resolver.resolve(called[-1]), surface, noun)
            # "Greenpeace Central Asia accused …. The group said", "the World Meteorological
            # Organization said …. The agency warned": the last body named, no outlet
            for earlier in reversed(self.named):
                if resolver.kinds.get(earlier.source_id) in MEDIA_KINDS or refers_to_origin(
                    earlier.surface
                ):
                    continue
                if is_description(earlier.surface) or _key(earlier) in self.genders:
                    continue  # "Ann Lee said …, she added. The group said": not her
                name = earlier.name or earlier.proposed_name or ""
                if _key(earlier) in self.bodies or (len(name.split()) >= 3 and _proper(name)):
                    # "Greenpeace Central Asia", not "Treasury documents published …"
                    return _read_as(earlier, surface, noun)
        return _owned_body_before(surface, noun, before)

    def _apposed_before(
        self, resolver: Resolver, surface: str, resolution: Resolution, before: str
    ) -> Resolution | None:
        """ "The regulator said" after "Ofwat, the water regulator, fined …": the body the
        article itself named beside that description, before any guess from the body named
        last, which may be another (a firm the regulator fined)."""
        words = [word.strip(",;:") for word in surface.lower().split()]
        if len(words) == 2 and words[0].endswith(("'s", "\u2019s")) and words[1] in _ORGANISERS:
            # "Brightwater's organisers said", after "The festival's organiser, Lantern Live
            # Events,": the body named beside the word
            words = ["the", words[1].rstrip("s")]
        if not 2 <= len(words) <= 3 or words[0] != "the" or words[-1] not in APPOSED_NOUNS:
            return None
        if resolution.resolved and resolution.confidence >= 0.9:
            return None  # a known name, as "the Treasury" may be
        name = apposed_name(_all_before(resolver, before), words[-1])
        if name is None and words[-1] == "club":
            # "Ashford Harriers will play away, the club announced"; a club has no other reading
            name = _subject_saying_it(_SENTENCE_BREAK.split(before)[-1])
            if name is None:
                return self._club if self._club and len(words) == 2 else None
        if name is None:
            return None
        self.bodies.add(fold_name(name))  # the article says what kind of body it is
        reading = replace(
            _read_as(resolver.resolve(name), surface, words[-1]),
            why=f"{surface.strip()!r} read as {name}, whom the article called so",
        )
        if words[-1] == "club":
            self._club = reading  # what "the club" means from now on
        return reading

    def _body_that_just_spoke(self, resolver: Resolver, before: str) -> Resolution | None:
        """The source named last, when it is a body (no outlet) and the sentence before
        ends with its speaking: "…, NASA said." """
        if not self.named:
            return None
        last = self.named[-1]
        name = last.name or last.proposed_name or ""
        if not name or resolver.kinds.get(last.source_id) in MEDIA_KINDS or _a_paper(last):
            return None
        if not a_body(resolver, last) or refers_to_origin(last.surface):
            return None
        sentence = _this_and_last_sentence(before).rsplit(". ", 1)[0]
        spoke = re.search(rf"\b{re.escape(name)}\s+(?:{_SPOKE})\W*$", sentence)
        return last if spoke else None

    def _body_that_ended_speaking(self, resolver: Resolver, sentence: str) -> Resolution | None:
        """The source named last, a body by name however the sentence called it, when the
        sentence ends with its speaking (", the company said.")."""
        last = self.last  # the source read last, by whatever it was called there
        if last is None:
            return None
        name = last.name or last.proposed_name or ""
        surface = " ".join(last.surface.split())
        if not surface or not _proper(name) or is_description(name):
            return None
        if resolver.kinds.get(last.source_id) in MEDIA_KINDS or refers_to_origin(last.surface):
            return None
        ends = rf"(?:^|\W)(?i:{re.escape(surface)})\s+(?:{_SPOKE})\W*$"
        if not self.is_body(resolver, last) or not re.search(ends, sentence.rstrip()):
            return None
        return last

    def _qualified_body(
        self, resolver: Resolver, surface: str, noun: str, qualifier: str
    ) -> Resolution | None:
        """ "the health department" after "The Brenford County Health Department said": the
        last source named whose name holds both words, else the one such name in the text."""
        for earlier in reversed(self.named):
            words = fold_name(earlier.name or earlier.proposed_name or "").split()
            if noun in words and qualifier in words and not is_description(earlier.surface):
                return _read_as(earlier, surface, noun)
        pattern = (
            rf"(?<![\w'\u2019.-])((?:[A-Z][\w&'\u2019-]*[ \t]+){{0,3}}{qualifier.capitalize()}"
            rf"[ \t]+{noun.capitalize()}(?:[ \t]+of[ \t]+[A-Z][\w'\u2019-]*)?)\b"
        )
        names = {re.sub(r"^The\s+", "", m.group(1)) for m in re.finditer(pattern, resolver.text)}
        if len(names) != 1:
            return None
        return _read_as(resolver.resolve(names.pop()), surface, noun)

    def _outlet_described_before(self, surface: str) -> Resolution | None:
        """ "Lisbon newspaper Record reported …. The paper said": the outlet named last, when
        the article described it with that noun, not the article's own origin."""
        words = [word.strip(",;:") for word in surface.lower().split()]
        if not 2 <= len(words) <= 3 or words[0] != "the" or not self.named:
            return None
        if not (
            refers_to_origin(surface)
            or _QUALIFIED_AGENCY.fullmatch(surface.strip())
            # "the television network Channel Meridian reported …. The network said": a
            # network named so before, never one guessed (a story may be about another)
            or words[-1] in ("network", "channel")
        ):
            return None
        noun, qualifiers = words[-1], set(words[1:-1])
        # the last source named so, back over people named since ("The regional health
        # agency ARS … said. …, said Dr Claire Vasseur. According to the agency, …")
        for earlier in reversed(self.named):
            # "newspaper Record", and "the local Nation newspaper": the words beside its name
            named = earlier.name or earlier.proposed_name or ""
            name = set(fold_name(named).split())
            # the part naming it, not an appositive ("Dr Claire Vasseur, the agency's head")
            parts = earlier.surface.split(",")
            head = next((part for part in parts if named and named in part), parts[0])
            described = set(fold_name(head).split()) - name
            if (
                described & _OUTLET_NOUNS.get(noun, set())
                and qualifiers <= described
                and not refers_to_origin(earlier.surface)
                and not described & (_TITLE_NOUNS | SPOKESPEOPLE)  # "Agency director Dr. X"
            ):
                return _read_as(earlier, surface, noun)
        return None

    def note_statement(self, speaker: Resolution) -> None:
        """ "The ministry said in a statement that A": whose "the statement said" is next."""
        self.documents["statement"] = speaker

    def _outlet_just_named(
        self, resolver: Resolver, surface: str, before: str
    ) -> Resolution | None:
        """ "… according to L'Equipe. The French sports daily reported": an outlet described
        by what it is, with words that say which ("French sports"), right after the source
        the sentence before named, is that source, when it is no person: a name of one word
        nobody called "he" or "she", or a body's (``a_body``). The bare "the newspaper" is
        left alone: it is the article's own origin (``refers_to_origin``)."""
        words = [word.strip(",;:") for word in surface.split()]
        if not 3 <= len(words) <= 5 or words[0].lower() != "the" or not self.named:
            return None
        noun = words[-1].lower()
        if noun not in _PRESS | {"broadcaster", "channel", "network", "magazine", "website"}:
            return None
        if any(word[:1].isupper() for word in words[2:]) or not all(
            word.isalpha() for word in words[1:]
        ):
            return None  # "the Sunday Times newspaper" names one of its own
        last = self.named[-1]
        name = last.name or last.proposed_name or ""
        if not name or is_description(name) or _key(last) in self.genders:
            return None
        if set(fold_name(name).split()) & (BODY_NOUNS - {"agency", "group"}):
            return None  # "The Belgian food inspectorate said …. the regional newspaper"
        titled = name.split()[0].lower() in _TITLE_ARTICLES  # "Le Monde", "El País"
        if len(name.split()) > 1 and not titled and not a_body(resolver, last):
            return None  # "Mark Hale said …. The French sports daily reported": not Hale
        sentences = [part for part in _SENTENCE_BREAK.split(before) if part.strip()]
        if not any(name in sentence for sentence in sentences[-2:]):
            return None  # named longer ago: another outlet may be meant
        self.bodies.add(_key(last))
        return _read_as(last, surface, noun)

    def _document_author_before(
        self, resolver: Resolver, surface: str, resolution: Resolution, before: str
    ) -> Resolution | None:
        """ "The report said" after "the publication of a report by Dresmark's intelligence
        service, the Bureau of Constitutional Security": the author named with the document
        the article last spoke of, whose words the document's are; "the report" again, the
        same author. None when the article last spoke of one without saying whose ("a study
        published on Monday")."""
        words = [word.strip(",;:") for word in surface.lower().split()]
        if resolution.resolved or len(words) != 2 or words[0] not in ("the", "this"):
            return None
        noun = words[1]
        if noun not in _DOCUMENT_NOUNS:
            return None
        mentions = list(re.finditer(rf"\b{noun}\b", before, re.IGNORECASE))
        if not mentions:
            return None
        last = mentions[-1]
        found = _AUTHORED_BY.match(before, last.end())
        if found is None:
            again = re.search(r"\b(?:the|this)\s+$", before[: last.start()], re.IGNORECASE)
            # "according to the bank's quarterly monetary policy report. The report": its
            again = again or _OWNED_BEFORE.search(before, 0, last.start())
            # a statement a speaker made ("said in a statement") is noted by its sentence
            known = self.documents.get(noun) if again or noun == "statement" else None
            return None if known is None else _read_as(known, surface, noun)
        who = _AUTHOR_ENDS.split(found.group("who"), maxsplit=1)[0].strip(" ,")
        reading = resolver.resolve(who)
        name = reading.name or reading.proposed_name or ""
        if not name[:1].isupper() or is_description(name):
            return None
        self.documents[noun] = reading
        return _read_as(reading, surface, noun)

    def _watchdog_before(
        self, resolver: Resolver, surface: str, resolution: Resolution, before: str
    ) -> Resolution | None:
        """ "The regulator said" after "Germany's financial watchdog BaFin has fined …": the
        body the story called a regulator (a watchdog, an auditor) by name just before, or
        else the one it described so ("Queensland's state auditor found …. The auditor
        said"). Such a body has a name of its own, which holds no such noun, so nothing
        else reads it."""
        words = [word.strip(",;:") for word in surface.lower().split()]
        if resolution.resolved or len(words) != 2 or words[0] != "the":
            return None
        if words[1] not in _WATCHDOGS:
            return None
        described = None  # the last time the story used the noun
        for match in re.finditer(rf"\b(?:{_WATCHDOGS[words[1]]})\b{_WATCHDOG_NAME}", before):
            described = match
        if described is not None and described.group("name"):
            return _read_as(resolver.resolve(described.group("name")), surface, words[1])
        for earlier in reversed(self.named):
            if re.search(rf"\b(?:{_WATCHDOGS[words[1]]})['\u2019]s\b", earlier.surface, re.I):
                continue  # "Sarah Linden, the regulator's executive director": its staff
            said = set(fold_name(earlier.surface).split())
            named = earlier.name or earlier.proposed_name or ""
            if said & set(_WATCHDOGS[words[1]].split("|")) and (
                earlier.surface != surface or (named and not is_description(named))
            ):
                return _read_as(earlier, surface, words[1])
        if words[1] in ("regulator", "watchdog"):
            # "The Food Standards Authority has ordered the recall …, the regulator said":
            # the public body named last, in the sentence or before it, however far back
            bodies = list(_PUBLIC_BODY_NAME.finditer(_all_before(resolver, before)))
            if bodies:
                return _read_as(resolver.resolve(bodies[-1].group("name")), surface, words[1])
        return None

    def _titled_before(self, surface: str) -> Resolution | None:
        """ "The chief said" after "Fire Chief Angela Moreno said": the last person named
        with that title (the judge, the mayor, the minister), the way "he" is the last
        person; none when no one was."""
        words = [word.strip(",;:") for word in surface.lower().split()]
        if len(words) != 2 or words[0] != "the" or words[1] not in _TITLE_NOUNS:
            return None
        for earlier in reversed(self.named):
            name = earlier.name or earlier.proposed_name or ""
            titled = words[1] in fold_name(earlier.surface).split()
            if titled and len(name.split()) > 1 and words[1] not in fold_name(name).split():
                return _read_as(earlier, surface, words[1])
        return None

    def _company_named_before(
        self, resolver: Resolver, surface: str, resolution: Resolution, before: str = ""
    ) -> Resolution | None:
        """ "The company said" after "Nordvik Semiconductor Corp said": the last source named
        that the article shows to be a body (``_a_body``) and is no outlet, where its name
        does not hold the noun (which ``_body_named_before`` reads)."""
        words = [word.strip(",;:") for word in surface.lower().split()]
        if resolution.resolved or not 2 <= len(words) <= 3 or words[0] != "the":
            return None
        noun = words[-1]
        if noun not in _COMPANY_NOUNS and not noun.endswith("maker"):
            return None  # "the company", "the software maker", "the Swedish carmaker"
        if words[1:] in (["central", "bank"], ["national", "bank"], ["reserve", "bank"]):
            # a country's bank: one named as a bank ("the National Bank of Slovakia"), or
            # none, never a company named before
            for earlier in reversed(self.named):
                if "bank" in fold_name(earlier.name or earlier.proposed_name or "").split():
                    return _read_as(earlier, surface, noun)
            return None
        from claims.suggestions.citation import statement_start

        here = _SENTENCE_BREAK.split(before)[-1]
        apposed = _NAMED_AS_KIND.match(here, statement_start(here, 0, len(here)))
        if apposed is not None and noun in (_singular(apposed["noun"].lower()), "company"):
            # "Fjordvest Pensjon, a private pension fund …, filed for bankruptcy protection,
            # the company said": the sentence's subject, which it says is one
            return self._company_read(_read_as(resolver.resolve(apposed["name"]), surface, noun))
        if (name := _subject_saying_it(here)) is not None:
            return self._company_read(_read_as(resolver.resolve(name), surface, noun))
        whole = _all_before(resolver, before)
        if noun in _INSTITUTIONS and (named := _institution_named(whole, noun, whole)):
            # "The bank denied …" after "The Bank of Estoria raised …": the one so named, not
            # the Estorian Bankers' Association named since (nor a bank named only later)
            return self._company_read(_read_as(resolver.resolve(named[0]), surface, noun))
        found = self._company_since(resolver, noun)
        if found is not None:
            return found
        for earlier in reversed(self.named):
            words = fold_name(earlier.name or earlier.proposed_name or "").split()
            if len(words) > 1 and any(w.startswith(noun) for w in words[1:]):
                # "United Airlines said …. The airline said": the name says what it is
                return self._company_read(_read_as(earlier, surface, noun))
        heads = _NAME_HEADS.get(noun)
        if heads is not None:
            # "a United Airlines flight … The airline said": the one name of its kind, before
            pattern = (
                rf"(?<![\w'\u2019.-])((?:(?!{_NOT_IN_NAME}\b)[A-Z][\w&'\u2019-]*[ \t]+){{1,3}}"
                rf"(?:{heads})(?:[ \t]+of[ \t]+[A-Z][\w'\u2019-]*)?)\b"
            )
            names = {m.group(1) for m in re.finditer(pattern, before)}
            if len(names) == 1:
                return self._company_read(_read_as(resolver.resolve(names.pop()), surface, noun))
        # A company the text names as one, just before: with its legal form ("Lumora Inc on
        # Thursday unveiled …. The company said"), by what it makes ("Halvern
        # Pharmaceuticals is pulling …, according to a notice on the FDA's website. The
        # company said"), or whose shares it says moved
        named = sorted(
            [
                (m.start(), m.group("name"))
                for pattern in (_COMPANY_NAME, _SHARES_OF, _INDUSTRY_NAME, _DESCRIBED_COMPANY)
                for m in pattern.finditer(before)
            ]
            # "Starlight Screens, the country's third-largest cinema operator," (as far back
            # as the article goes: it set the name beside the description once)
            + [
                (at - len(whole) + len(before), name)
                for whole in [_all_before(resolver, before)]
                for at, name in apposed_names(
                    whole, _COMPANY_NOUNS if noun in ("company", "firm") else {noun}
                )
                if not said_of_a_person(resolver.text, name)
            ]
        )
        # not a company the story said is of another trade: "the airline" is no "Halden
        # Foods, a supermarket chain"
        other = _of_another_trade(_all_before(resolver, before), noun)
        named = [(at, found) for at, found in named if found not in other]
        last = self.named[-1] if self.named else None
        name = (last.name or last.proposed_name or "") if last is not None else ""
        # ("the Ticino-based haulier Bernasconi Trasporti, said": its comma too)
        spoke = (
            re.search(rf"\b{re.escape(name)},?\s+(?:{_SPOKE})\b", before[-300:]) if name else None
        )
        if (
            spoke is not None
            and not _called_no_company(resolver.text, name)
            and (_key(last) in self.bodies or a_body(resolver, last) or spoke[0].endswith("it"))
            and resolver.kinds.get(last.source_id) not in MEDIA_KINDS
            and not _a_public_body(last)
            and before.rfind(name) > (named[-1][0] if named else -1)
        ):
            # "Tellus Grid said it would publish …. The company said": the body that spoke
            # just now, not a company named before it ("consultancy Northlight Energy")
            return self._company_read(_read_as(last, surface, noun))
        if named:
            return self._company_read(_read_as(resolver.resolve(named[-1][1]), surface, noun))
        for earlier in reversed(self.named):
            if resolver.kinds.get(earlier.source_id) in MEDIA_KINDS or _a_paper(earlier):
                continue  # "…, the Harwick Chronicle reported. The company said"
            if _a_public_body(earlier):
                continue  # "the US Food and Drug Administration said …. The company said"
            if is_description(earlier.name or earlier.proposed_name or earlier.surface):
                continue  # "A federal judge ruled …. The company had argued": no company
            if (earlier.name or earlier.proposed_name) in other:
                continue
            if (a_body(resolver, earlier) or _key(earlier) in self.bodies) and not refers_to_origin(
                earlier.surface
            ):
                return self._company_read(_read_as(earlier, surface, noun))
        return None

    def _companies(self) -> set[str]:
        """The names "the company" has been read as."""
        if self.company is None:
            return set()
        reading = self.company[0]
        name = reading.name or reading.proposed_name
        return {name} if name else set()

    def _company_read(self, reading: Resolution) -> Resolution:
        self.company = (reading, len(self.named))
        self.bodies.add(_key(reading))  # what "the company" means is no "he" or "she"
        return reading

    def _company_since(self, resolver: Resolver, noun: str) -> Resolution | None:
        """The company "the company" meant last time, when no other company has been named
        since: "according to LSEG data" names a body, not the company the story is about."""
        if self.company is None:
            return None
        reading, count = self.company
        for earlier in self.named[count:]:
            name = earlier.name or earlier.proposed_name or ""
            if a_body(resolver, earlier) and (
                _COMPANY_NAME.fullmatch(name) or noun in fold_name(name).split()
            ):
                return None  # another company named since: the last one named, as before
        return reading

    def _spokesperson_of_body(
        self, resolver: Resolver, surface: str, resolution: Resolution, before: str = ""
    ) -> Resolution | None:
        """ "A spokesman said" right after "Acme Corp said": the body speaks through its
        spokesperson, as "a WHO spokesperson" is WHO's. Only when the source named last is a
        body (``_a_body``), no outlet, and, for "a ministry spokeswoman", one whose name
        holds that noun; after a person ("Hale said. A spokesman said") whose spokesperson
        it is stays for the reviewer to say."""
        words = [word.strip(",;:") for word in surface.lower().split()]
        of_the = _SPEAKS_FOR_THE.fullmatch(" ".join(words))
        if of_the is not None:
            # "A spokesperson for the scheme": "a scheme spokesperson"
            words = [of_the["a"], of_the["noun"], of_the["who"]]
        speaks_for = SPOKESPEOPLE | ({"official"} if len(words) == 3 else set())
        if resolution.resolved or not 2 <= len(words) <= 3 or words[-1] not in speaks_for:
            return None  # ("an official": of what, the sentence does not say)
        if words[0] not in ("a", "an", "the"):
            return None
        noun = words[1] if len(words) == 3 else None
        if noun is not None and noun not in BODY_NOUNS | _COMPANY_NOUNS | _NAMED_BY_NOUN:
            return None
        if noun in _INSTITUTIONS and (named := _institution_named(resolver.text, noun, before)):
            # "A university spokesman said" after "Edenmoor University's historic library";
            # "A bank spokesman", the Bank of Estoria, not the Bankers' Association
            return _read_as(resolver.resolve(named[0]), surface, noun)
        if noun in _COMPANY_NOUNS and (company := self._company_since(resolver, noun)):
            return _read_as(company, surface, noun)  # "A company spokesperson said"
        if noun is not None:
            # "… under the supervision of the Fair Work Commission, a commission spokeswoman
            # said": the body of that noun named in this very sentence
            here = _SENTENCE_BREAK.split(before)[-1]
            title = noun.capitalize()
            pattern = (
                rf"(?:(?!The\b)[A-Z][\w'\u2019-]*[ \t]+){{0,4}}{title}[ \t]+of[ \t]+(?:the[ \t]+)?"
                rf"[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)*"
                rf"|(?:(?!The\b)[A-Z][\w'\u2019-]*[ \t]+){{1,4}}{title}\b"
            )
            named_here = re.findall(pattern, here)
            if named_here:
                return _read_as(resolver.resolve(named_here[-1]), surface, noun)
        last = self.last
        named = (last.name or last.proposed_name or "") if last is not None else ""
        if (
            noun is None
            and named
            and re.search(
                rf"(?<![\w'’-]){re.escape(named)}\b,?\s+(?:{_SPOKE})\b",
                _SENTENCE_BREAK.split(before)[-1],
            )
            and (
                a_body(resolver, last)
                or _key(last) in self.bodies
                or set(fold_name(last.surface).split()) & (_COMPANY_NOUNS | BODY_NOUNS)
            )
        ):
            # "Rival carrier Nordfly said it would offer seats …, a spokesman said": the body
            # whose words the spokesman gives, in this very sentence
            self.bodies.add(_key(last))
            return _read_as(last, surface, "body")
        if noun is None and (where := _WHERE_BEFORE.search(before)) is not None:
            # "All three were taken to Halverstad General Hospital, where a spokeswoman said"
            return _read_as(resolver.resolve(where["name"]), surface, "body")
        if noun is None:
            # "Kessby Marine rejected that account. A spokesman said": the body the sentence
            # before is about speaks through its spokesman, whoever spoke last
            subject = self._subject_before(resolver, "it", before, sentences=1)
            named = (subject.name or subject.proposed_name or "") if subject is not None else ""
            if _proper(named) and (a_body(resolver, subject) or _key(subject) in self.bodies):
                return _read_as(subject, surface, "body")
            described = _DESCRIBED_OPENING.match(_SENTENCE_BREAK.split(before.rstrip())[-1])
            if described is not None:
                # "The company rejected that account. A spokesman said": the company read as
                # the story named it, not the union that made the account
                meant = self.subject_meant(resolver, described[1], before)
                if meant is not None:
                    return _read_as(meant, surface, "body")
        # The outlets reporting it ("…, Reuters reported. A spokesman said") are passed over.
        earlier = next(
            (
                named
                for named in reversed(self.named)
                if resolver.kinds.get(named.source_id) not in MEDIA_KINDS
                and not refers_to_origin(named.surface)
                and fold_name(named.name or named.proposed_name or "") not in NEWS_ORGANISATIONS
            ),
            None,
        )
        if earlier is None or not a_body(resolver, earlier):
            return None
        name = earlier.name or earlier.proposed_name or ""
        if noun not in _COMPANY_NOUNS and noun is not None and noun not in fold_name(name).split():
            return None
        return _read_as(earlier, surface, "body")

    def _named_before(self, resolution: Resolution, text: str = "") -> Resolution:
        """A new name of one word ("Pritzker", "Mrs Morrow" → "Morrow") is the full name
        proposed earlier in the article that ends with it, when only one does."""
        proposed = resolution.proposed_name
        if resolution.resolved or not proposed:
            return resolution
        words = fold_name(proposed).split()
        if len(words) > 1 and words[0] not in _SURNAME_PARTICLES:
            self.names.append(proposed)
            return resolution
        if is_description(proposed):
            return resolution  # "people" is no surname of "one of the people"
        # A surname of one word, or with its particles: "del Nido Carrasco" after "José
        # María del Nido Carrasco"
        full = set(self.names) | {
            r.proposed_name
            for r in self.named
            if r.proposed_name and not r.resolved and not is_description(r.proposed_name)
        }
        earlier = {
            n
            for n in full
            if len(n.split()) > len(words) and fold_name(n).split()[-len(words) :] == words
        }
        if not earlier and len(words) == 1:
            # a company by its first word: "Lumina" after "Lumina Systems", "Acme" after
            # "Acme Holdings Plc"
            companies = self._companies()
            earlier = {
                n
                for n in full | companies
                if len(n.split()) > 1
                and fold_name(n).split()[0] == words[0]
                and not re.match(r"\S+['\u2019]s\s", n)  # "Velmar's Ministry of …" is no Velmar
                and (n in companies or fold_name(n) in self.bodies or _COMPANY_NAME.fullmatch(n))
            }
        if not earlier and len(words) == 1 and proposed[:1].isupper():
            # "a United Airlines flight … United said": the company the article names so
            pattern = (
                rf"\b{re.escape(proposed)}(?:\s+[A-Z][\w&'\u2019-]*){{0,2}}"
                rf"\s+(?:{_COMPANY_HEADS})\b"
            )
            earlier = {m.group() for m in re.finditer(pattern, text)}
        if len(earlier) != 1:
            if len(words) > 1:
                self.names.append(proposed)
            return resolution
        (name,) = earlier
        return replace(
            resolution, proposed_name=name, why=f"{resolution.why}; {name} named earlier"
        )

    def labelled(self, resolver: Resolver, text: str, label: Label) -> Resolution:
        """Who a transcript's speaker label names: a known source, else the one full name
        given earlier in the article that ends with it ("SOLBERG-DAHL" after "Ingrid K.
        Solberg-Dahl" in the introduction), else the label itself."""
        surface = label.name.title() if label.name.isupper() else label.name
        resolution = resolver.resolve(surface)
        if not resolution.resolved and resolution.proposed_name:
            full = _full_name(resolver, text[: label.start], resolution.proposed_name)
            if full is not None:
                known = resolver.resolve(full)
                resolution = known if known.resolved else replace(resolution, proposed_name=full)
            else:
                resolution = self._named_before(resolution)
        why = f"labelled {label.name!r}: {resolution.why}"
        if resolution.proposed_name and fold_name(resolution.proposed_name) != fold_name(surface):
            why += f"; {resolution.proposed_name} named earlier"
        # Not ``last``: "he" in her answer is the person the question named, not her.
        return replace(resolution, surface=label.name, why=why)


# The roles by which copy refers back to a person it has just written about: "the Villa
# manager", "the forward", "the city mayor"; and the demonyms it uses so ("the Dane").
_ROLE_NOUNS = frozenset(
    {
        "manager", "boss", "coach", "forward", "striker", "midfielder", "defender",
        "goalkeeper", "winger", "captain", "player", "mayor", "leader", "chairman",
        "chairwoman", "chief", "minister", "president", "governor", "senator", "prosecutor",
        "judge", "lawyer", "economist", "analyst", "veteran", "star", "actor", "singer",
        "author", "scientist", "researcher", "executive", "founder", "billionaire",
    }
)  # fmt: skip
_DEMONYMS = frozenset(
    {
        "Dane", "Swede", "Finn", "Norwegian", "Frenchman", "Frenchwoman", "Spaniard",
        "German", "Italian", "Dutchman", "Brazilian", "Argentine", "Argentinian", "American",
        "Briton", "Scot", "Welshman", "Irishman", "Australian", "Portuguese", "Belgian",
        "Croat", "Serb", "Pole", "Czech", "Austrian", "Swiss", "Japanese", "Korean",
        "Nigerian", "Ghanaian", "Egyptian", "Moroccan", "Mexican", "Colombian", "Uruguayan",
        "Canadian", "Englishman", "New Zealander",
    }
)  # fmt: skip
# How a company's name ends, as printed: "Airlines", "Plc", "PLC", "AG".
_COMPANY_HEADS = "|".join(
    sorted(
        {word.capitalize() for word in COMPANY_NAME_WORDS}
        | {word.upper() for word in COMPANY_NAME_WORDS if len(word) <= 3},
        key=len,
        reverse=True,
    )
)
_NOT_IN_NAME = (
    "(?:On|In|At|By|For|The|A|An|As|And|But|Monday|Tuesday|Wednesday|Thursday|Friday"
    "|Saturday|Sunday)"
)
# A company named by what it makes or does: "Halvern Pharmaceuticals", "Nordvik Systems".
_INDUSTRY_NAME = re.compile(
    rf"(?<![\w'\u2019.-])(?P<name>(?:(?!{_NOT_IN_NAME}\b)[A-Z][\w&'\u2019-]*[ \t]+){{1,3}}"
    # (not "the Clean Air Act": a name that goes on is another's)
    rf"(?:{_COMPANY_HEADS}))\b(?![ \t]+[A-Z])"
)
# A company the story says is one before its name: "Swedish utility Nordkraft", "the
# chipmaker Lumina".
_DESCRIBED_COMPANY = re.compile(
    r"\b(?:utility|company|firm|carmaker|automaker|lender|insurer|airline|carrier|miner"
    r"|retailer|chipmaker|drugmaker|conglomerate|startup|start-up|manufacturer|supplier"
    r"|producer|exporter|brewer|publisher|operator|developer)\s+"
    rf"(?P<name>(?!{_NOT_IN_NAME}\b)[A-Z][\w&'\u2019-]*(?:[ \t]+[A-Z][\w&'\u2019-]*){{0,2}})"
)
# What makes a body a public one, no company: "the US Food and Drug Administration".
_PUBLIC_WORDS = frozenset(
    {
        "administration", "agency", "ministry", "department", "commission", "office",
        "authority", "service", "council", "court", "police", "government", "parliament",
        "university", "institute", "committee", "federation", "union", "association",
        "bureau", "district", "directorate", "inspectorate", "tribunal", "board", "county",
        "municipality", "hospital", "college", "school", "museum",
    }
)  # fmt: skip


def _a_public_body(reading: Resolution) -> bool:
    return bool(set(fold_name(reading.name or reading.proposed_name or "").split()) & _PUBLIC_WORDS)


# How the name of a company of a kind ends: "United Airlines", "Barclays Bank".
_NAME_HEADS = {
    "airline": "Airlines|Airline|Airways|Air",
    "carrier": "Airlines|Airline|Airways|Air",
    "bank": "Bank",
    "carmaker": "Motors|Motor|Automobiles",
    "insurer": "Insurance|Assurance",
    "label": "Records|Music|Recordings",  # "Northlight Records said …. The label said"
    "studio": "Studios|Pictures|Films",
    "publisher": "Publishing|Books|Press",
}
# A public body by its name: "the Food Standards Authority", "the Competition Commission".
_PUBLIC_BODY_NAME = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019-]*[ \t]+(?:(?:and|of|for)[ \t]+)?){1,4}"
    r"(?:Authority|Commission|Agency|Office|Inspectorate|Board|Administration))\b"
)
_SPOKESPERSON_FOR = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+)?(?:spokesman|spokeswoman|spokesperson)\s+(?:for|of)\s+"
    r"(?P<body>the\s+[a-z]+(?:\s+[a-z]+)?)"
)
_ONE_OF_THEM = re.compile(
    r"(?:one|two|three|some|several|most|many|both|each|another|all)\s+of\s+(?:them|those"
    # "One of the people told the newspaper", after "two people familiar with the matter"
    r"|(?:the|those)\s+(?:people|sources|officials|persons))",
    re.IGNORECASE,
)
# Bodies that oversee others, named for it, and so named by the story before it says "the
# regulator": "financial watchdog BaFin", "the media regulator Ofcom".
_WATCHDOGS = {
    "regulator": "regulator|watchdog|supervisor",
    "watchdog": "regulator|watchdog|supervisor",
    "supervisor": "regulator|watchdog|supervisor",
    "auditor": "auditor",
    "ombudsman": "ombudsman",
}
_WATCHDOG_NAME = (
    rf"(?:\s+(?P<name>(?!{_NOT_IN_NAME}\b)[A-Z][\w&'\u2019-]*"
    r"(?:[ \t]+[A-Z][\w&'\u2019-]*){0,3}))?"
)
# Institutions a story names once and then calls by what they are: "the university".
# The words that end their names, as printed: "Alder Springs Unified School District",
# "United Auto Workers Local 412".
# How a body that just spoke is written: "Tellus Grid said it", "Halvern announced".
_SPOKE = r"said\s+it|says\s+it|said|says|announced|added|confirmed|told"


def _called_no_company(text: str, name: str) -> bool:
    """Whether the story first names ``name`` as a body of another kind: "the union FNV"."""
    at = text.find(name)
    return at > 0 and _NO_COMPANY_BEFORE.search(text, max(0, at - 40), at) is not None


# What a body is called when it is no company: "the union FNV", "the regulator Ofcom".
_NO_COMPANY_BEFORE = re.compile(
    r"\b(?:union|council|ministry|party|association|charity|federation|regulator|watchdog"
    r"|agency|police|campaign|group)\s+$",
    re.IGNORECASE,
)
# A sentence opening with a body described by its kind: "The company rejected that account."
_DESCRIBED_OPENING = re.compile(
    r"\s*((?:The|the)\s+(?:company|firm|group|bank|airline|carrier|operator|retailer|chain"
    r"|lender|insurer|utility|developer|club|union|council|ministry|agency))\s+[a-z]"
)
# "A spokesperson for the scheme", "an official of the federation".
_SPEAKS_FOR_THE = re.compile(
    r"(?P<a>a|an|the) (?P<who>spokesman|spokeswoman|spokesperson|official) (?:for|of|at) "
    r"the (?P<noun>[a-z]+)"
)
# Nouns a body's name holds that speak through a spokesperson, besides ``BODY_NOUNS``: "a
# police spokesperson" of Westmoor Police, "a spokesperson for the scheme" of the
# Homebuyers' Protection Scheme.
_NAMED_BY_NOUN = frozenset({"police", "scheme", "fund", "programme", "network", "festival"})
_INSTITUTIONS = {
    "university": "University", "college": "College",
    "hospital": r"Hospital|Medical[ \t]+Cent(?:er|re)|Infirmary",
    "museum": "Museum", "school": "School", "district": "District", "zoo": "Zoo",
    "commission": "Commission", "council": "Council", "committee": "Committee",
    "panel": "Panel", "tribunal": "Tribunal", "board": "Board", "office": "Office",
    "ministry": "Ministry", "authority": "Authority", "inspectorate": "Inspectorate",
    "bank": "Bank",
    "union": r"Union|Workers(?:[ \t]+Local[ \t]+\d+)?|Teamsters|Guild|Federation",
    "federation": "Federation|Confederation", "association": "Association",
    "league": "League", "party": "Party", "agency": "Agency", "guild": "Guild",
    "society": "Society",
    "foundation": "Foundation", "institute": "Institute", "directorate": "Directorate",
    "bureau": "Bureau", "department": "Department", "trust": "Trust", "chamber": "Chamber",
    "coalition": "Coalition", "alliance": "Alliance", "mission": "Mission",
    "estate": "Estate", "service": "Service",
    # a football club by how its name ends: "Brackenford United", "Harwick Rovers FC"
    "club": "Club|FC|United|Rovers|Athletic|Wanderers|Albion|Hotspur",
    "airport": r"Airport(?:[ \t]+(?:Holdings?|Group|Company|Authority|Operator))?",
    # "the opera house" of "the Royal Kessington Opera" (read as "the opera")
    "opera": r"Opera(?:[ \t]+House)?", "ballet": "Ballet", "orchestra": "Orchestra",
    "theatre": r"Theat(?:re|er)", "theater": r"Theat(?:re|er)",
}  # fmt: skip
# A police force by its place: "Westmoor Police", "the Metropolitan Police", "Fairhaven
# Police Service".
_A_FORCE = re.compile(
    r"(?<![\w'\u2019.-])(?:[Tt]he\s+)?((?!The\b)[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)?"
    r"[ \t]+Police(?:[ \t]+(?:Service|Department|Force))?)\b(?![ \t]+Scotland)"
)
# A force named by its place, "police" in lower case: "the Oststadt police".
_A_FORCE_BY_PLACE = re.compile(
    r"(?<![\w'’.-])[Tt]he[ \t]+((?!The\b)[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?"
    r"[ \t]+police)\b"
)
_OPERA_HOUSE = re.compile(r"([Tt]he)\s+opera\s+(?:house|company)")
# A body introduced by what it is and what it calls itself: "A group calling itself
# BlackLantern", "an agency known as Frontex".
_CALLED_A = re.compile(
    r"\b[Aa]n?\s+(?:[a-z-]+\s+)?(\w+)\s+(?:calling\s+itself|called|known\s+as|named)\s+"
    r"([A-Z][\w&'\u2019-]*(?:[ \t]+[A-Z][\w&'\u2019-]*){0,3})"
)


def called_a(text: str, noun: str) -> str | None:
    """The name the last body of kind ``noun`` in ``text`` calls itself: "A group calling
    itself Black Lantern" for "group"; None where none is so named."""
    called = [name for kind, name in _CALLED_A.findall(text) if kind.lower() == noun]
    return called[-1] if called else None


# An agency named, not a news agency: "the European Space Agency", "Food Standards Agency".
_ACRONYM = re.compile(r"(?<![\w'\u2019-])[A-Z]{2,8}(?![\w-])")
_AN_AGENCY = re.compile(
    r"(?<![\w'\u2019.-])((?:(?!The\b|News\b|Press\b)[A-Z][\w&'\u2019-]*[ \t]+){1,4}Agency)\b"
)
# A sentence opening with a name and what kind of body it is: "Fjordvest Pensjon, a private
# pension fund that manages …,".
_NAMED_AS_KIND = re.compile(
    r"\W*(?P<name>(?:[A-Z][\w&'\u2019-]*[ \t]+){0,3}[A-Z][\w&'\u2019-]*),[ \t]+"
    # "a private pension fund", "one of the largest cryptocurrency exchanges in the region"
    r"(?:a|an|the|one[ \t]+of[ \t]+(?:the|its)(?:[ \t]+\w+'s)?)[ \t]+"
    r"(?:[\w-]+[ \t]+){0,4}?(?P<noun>(?:compan|fund|firm|group|bank|lender|insurer|operator"
    r"|carrier|airline|manufacturer|maker|retailer|provider|developer|producer|chain|exchange)"
    r"(?:y|ies|s)?)\b"
)
# A name of capitalised words: "Green Archipelago", "People in Need".
_CAPITALISED_NAME = (
    r"[A-Z][\w&'\u2019-]*(?:[ \t]+(?:of[ \t]+|in[ \t]+|for[ \t]+)?[A-Z][\w&'\u2019-]*){0,4}"
)
# Nouns that may stand for any body: "the agency", "the group", "the organisation".
_ANY_BODY = frozenset({"agency", "group", "organisation", "organization", "body", "institution"})

# "it" speaking: "…, it said", "It added that".
_IT_SAID = re.compile(
    r"[Ii]t\s+(?:also\s+)?(?:said|says|added|adds|stated|announced|confirmed|insisted)\b"
)
# What "it" may mean rather than the body a sentence was about: "published its report".
# A saint's name, whose possessive is part of a body's name: "St Aldric's General Hospital".
_SAINTS_NAME = re.compile(
    rf"\b(?:{'|'.join(re.escape(saint) for saint in sorted(SAINTS))})\s+[A-Z][\w-]*['\u2019]s\b"
)
_A_THING_BEFORE = re.compile(
    r"\b(?:report|study|survey|statement|plan|bill|law|proposal|policy|decision|ruling|deal"
    r"|agreement|letter|document|filing|rule|budget|investigation|inquiry|review|memo"
    r"|programme|program|project|scheme|system|app|product|service)s?\b"
)
# Who runs an event, by what a story calls them: "The festival's organiser, Lantern Live
# Events," and then "Brightwater's organisers said".
_ORGANISERS = frozenset({"organiser", "organisers", "organizer", "organizers"})
# Descriptions an article may have set beside a body's name: "Ofwat, the water regulator".
APPOSED_NOUNS = (
    BODY_NOUNS
    | _COMPANY_NOUNS
    | set(_WATCHDOGS)
    # only ever read where the article set the name beside them: "the national weather
    # service, Meteo-Alpes," makes "the service said" Meteo-Alpes
    | {"club", "service", "exchange", "network", "observatory", "mission", "organiser", "organizer"}
)
# A speaker set off from the outlet that passed the words on: "A spokeswoman for the
# ministry, quoted by the state news agency TKA,".
_PASSED_ON_BY = re.compile(r"\s*(?P<speaker>[^,]+?),\s+(?:quoted|cited)\s+by\s+\S")
# What a document named with its owner has before it: "the bank's quarterly … report".
_OWNED_BEFORE = re.compile(r"['\u2019]s\s+(?:[a-z-]+\s+){0,3}$")
# A body's or a person's document: "the company's most recent annual report", "Velantis's
# filing", "its latest accounts".
OWNERS_DOCUMENT = re.compile(
    r"(?P<owner>(?:[Tt]he[ \t]+[a-z]+|[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3}))['\u2019]s?"
    r"[ \t]+(?:[a-z-]+[ \t]+){0,3}?(?P<doc>(?:annual|quarterly)[ \t]+report|report|filing"
    r"|accounts|website|prospectus|results|records|figures)"
)
# A body described with a clause of its own: "The company, which runs 74 cinemas,".
_DESCRIBED_WITH_CLAUSE = re.compile(
    r"(?P<head>[Tt]he[ \t]+(?:[a-z][\w'\u2019-]*[ \t]+){0,2}?"
    rf"(?:{'|'.join(sorted(APPOSED_NOUNS))})),[ \t]+(?:which|who|whose)\b"
)


# Documents whose words an article gives as their author's: "a report by …", "a study from".
_DOCUMENT_NOUNS = frozenset(
    {"report", "study", "survey", "audit", "review", "analysis", "assessment", "statement"}
)
_AUTHORED_BY = re.compile(
    r"\s+(?:(?:published|released|issued|compiled|commissioned|prepared|written|produced)\s+"
    r"(?:(?:on|last|this|earlier)\s+\w+\s+)?)?(?:by|from)\s+(?P<who>[^.;:\"\u201c\u201d]+)"
)
# Where the author's name has ended: a time, a clause, what the document did.
_AUTHOR_ENDS = re.compile(
    r",?\s+(?:on|last|this|earlier|that|which|who|whose|published|released|issued|showed"
    r"|shows|found|finds|said|says|suggested|suggests|warned|concluded|saying)\b"
)


# A document of a body the sentence is about: "minutes of its June meeting", "a summary of
# its proposal", "its annual report".
# A document of a body the story calls by what it is: "The council's latest assessment".
_BODYS_DOCUMENT = re.compile(
    r"(?P<body>[Tt]he\s+(?P<noun>[a-z]+))['\u2019]s\s+(?:[a-z-]+\s+){0,2}?(?:report|study"
    r"|assessment|review|survey|statement|filing|letter|memo|audit|analysis|figures|data"
    r"|forecast|estimates?|website|accounts)\b"
)
_ITS_DOCUMENT = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:minutes|summary|report|statement|filing|letter"
    r"|memo|documents?|records?|data|figures|notes?|accounts?|website)\s+(?:of|from|on|in)\s+"
    r"its\b.*|its\s+(?:[\w-]+\s+){0,2}?(?:report|statement|filing|website|accounts|figures|data"
    r"|minutes)\b.*",
    re.IGNORECASE,
)
# The subject opening a sentence, a body's name or a description of one: "The Joint
# Committee on Vaccination and Immunisation, which advises …, is", "The union is".
_BODY_SUBJECT = re.compile(
    r"\s*(?P<name>The\s+[a-z]+|(?:The\s+)?(?!The\b)[A-Z][\w'\u2019.-]*"
    r"(?:\s+(?:(?:of|on|and|for)\s+)?[A-Z][\w'\u2019.-]*)*)(?=\s+[a-z]|,)"
)
# The articles that open the titles of papers in other languages: "Le Monde", "Die Welt".
_TITLE_ARTICLES = frozenset({"le", "la", "les", "el", "il", "lo", "die", "der", "das", "de"})


def _whole_sentence_before(before: str) -> str | None:
    """The last whole sentence of ``before``: not the words of its own sentence that stand
    before a pronoun ("In a statement, it said"); None when there is none."""
    sentences = [part for part in _SENTENCE_BREAK.split(before) if part.strip()]
    if len(sentences) > 1 and not _ENDS_A_SENTENCE.search(before):
        sentences.pop()
    return sentences[-1] if sentences else None


def _owned_subject_before(resolver: Resolver, surface: str, before: str) -> Resolution | None:
    """ "Dranovia's defence ministry gave a different account. It said A": "it" is the body
    the sentence before opens with, named by its owner and what it is, though another body
    spoke last. Only a sentence that says nothing of its own (no cue of saying in it)."""
    last = _whole_sentence_before(before)
    if last is None:
        return None
    found = _OWNED_SUBJECT.match(last)
    if found is None or _SAYING_IN.search(last):
        return None
    reading = resolver.resolve(found["body"])
    name = reading.name or reading.proposed_name or found["body"]
    return replace(
        reading,
        surface=surface,
        why=f"{surface.strip()!r} read as {name}, the subject of the sentence before",
    )


# A body named by its owner and what it is, opening a sentence: "Dranovia's defence ministry
# gave"; and a sentence's cue of saying, which would make it the body's own report.
_OWNED_SUBJECT = re.compile(
    r"\s*(?P<body>[A-Z][\w-]*['\u2019]s\s+(?:[a-z-]+\s+){0,2}(?:"
    + "|".join(sorted(BODY_NOUNS))
    + r"))\s+(?:(?:also|then|later|has|had)\s+)?[a-z]+"
)
_SAYING_IN = re.compile(r"\b(?:said|says|told|according\s+to|reported|stated|announced)\b")


def _of_another_trade(text: str, noun: str) -> set[str]:
    """The companies ``text`` set beside a trade other than ``noun`` ("Halden Foods, a
    supermarket chain," for "the airline"), or whose name says another trade than
    ``noun``'s ("Halden Foods" is no airline: "Airways", "Air" would be); none for "the
    company", "the firm", "the group", which any company is."""
    if noun in ("company", "firm", "group", "business"):
        return set()
    same = {noun, *KINDRED.get(noun, ())}
    own = {name for _, name in apposed_names(text, same)}
    other = {name for _, name in apposed_names(text, _COMPANY_NOUNS - same - _ANY_FIRM)}
    if noun in _NAME_HEADS:
        heads = re.compile(rf"\b(?:{_NAME_HEADS[noun]})$")
        other |= {m["name"] for m in _INDUSTRY_NAME.finditer(text) if not heads.search(m["name"])}
    return other - own


_ANY_FIRM = frozenset({"company", "firm", "group", "subsidiary", "startup"})


def companies_named(text: str, *, surely: bool = False) -> set[str]:
    """The companies ``text`` shows to be ones: by a legal form ("Parcelway Inc."), a word
    of what they do ("Corliss Chemical"), what it calls them before or beside their name
    ("the chipmaker Lumina", "Nordbank, its main lender,"), or their shares. ``surely``:
    not by a trade people ply too ("Denise Okafor, a forklift operator,")."""
    found = {
        match["name"].rstrip(".")
        for pattern in (_COMPANY_NAME, _SHARES_OF, _INDUSTRY_NAME, _DESCRIBED_COMPANY)
        for match in pattern.finditer(text)
    }
    nouns = _COMPANY_NOUNS - _PEOPLES_TRADES if surely else _COMPANY_NOUNS
    return found | {name for _, name in apposed_names(text, nouns)}


# Trades a person plies as well as a company: "a forklift operator", "a film producer".
_PEOPLES_TRADES = frozenset(
    {"operator", "developer", "producer", "builder", "supplier", "contractor", "publisher",
     "provider", "distributor", "label", "studio"}
)  # fmt: skip


def one_person_in(resolver: Resolver, words: str, *, introduced: bool = True) -> Resolution | None:
    """The one person ``words`` name inside them (not at their opening, where a capital
    says nothing), by the full name the story gave them; None for none, several, or a
    name a body's words make ("Halden Institute", "Arvena Motors"). ``introduced``: only
    a name the story introduced as a person's (``_introduced_as_a_person``)."""
    names = {
        full
        for found in _NAMED_INSIDE.finditer(words)
        if not found[0].endswith(("'s", "\u2019s"))  # "Trump's rallies": whose, no one named
        and not words.startswith(("'s", "\u2019s"), found.end())
        and not words[: found.start()].endswith(("the ", "The "))
        and (full := resolver.full_name(found[0])) is not None
        # a body's name: "Calder Symphony Orchestra", "Arvena Motors"; not "Denise Okafor,
        # a forklift operator", a person
        and not set(fold_name(full).split()) & _BODYS_WORDS
        # a person as the story introduced them, not "Super Bowl" or "New Hampshire"
        and (not introduced or _introduced_as_a_person(resolver.text, full))
    }
    if len(names) != 1:
        return None
    reading = resolver.resolve(names.pop())
    if reading.resolved and resolver.kinds.get(reading.source_id) in _BODY_KINDS:
        return None
    return reading


def _introduced_as_a_person(text: str, name: str) -> bool:
    """Whether the story introduced ``name`` as a person: with what they are or do set
    beside it ("Denise Okafor, a forklift operator,", "Priya Raman, who analyzed"), their
    age ("Hallam, 61,"), or a title ("Dr. Priya Raman", "Mayor Ann Cole")."""
    name = re.escape(name)
    return (
        re.search(
            rf"(?<![\w'’-]){name},\s+(?:(?:a|an|the|his|her)\s+(?!{_BODYS_APPOSITION})[a-z]"
            rf"|\d{{1,3}},|who\b)"
            rf"|\b(?:Mr|Mrs|Ms|Dr|Prof|Mayor|Senator|Sen|Judge|Chief|President|Minister)\.?\s+"
            rf"{name}(?![\w'’-])",
            text,
        )
        is not None
    )


# What a body is said to be beside its name: "Peabody Energy, the nation's largest coal
# company", "Kelvar Pharma, a generic drugmaker".
_BODYS_APPOSITION = r"[^,.;]{0,60}?\b(?:company|firm|group|maker|drugmaker|carmaker|agency|bank)\b"
# Someone a sentence calls "he" or "she", or a man or a woman, whom a next "she" may be.
_SOMEONE_GENDERED = re.compile(
    r"\b(?:he|she|his|her|him|hers|himself|herself|man|woman|men|women|boy|girl|mother"
    r"|father|wife|husband|son|daughter|mr|mrs|ms|miss|sir|lady)\b",
    re.IGNORECASE,
)


def _titled_otherwise(text: str, name: str, gender: str) -> bool:
    """Whether the story gives ``name`` a title of the other gender: "Mr Anton Vos" is no
    "she", "Ms Ann Lee" no "he"."""
    titles = r"Mrs|Ms|Miss|Madam|Dame|Lady" if gender == "m" else r"Mr|Sir|Lord"
    return re.search(rf"\b(?:{titles})\.?\s+{re.escape(name)}\b", text) is not None


# Words a body's name holds and a person's does not.
_BODYS_WORDS = (
    (ORGANISATION_WORDS - TITLES)
    | _COMPANY_ENDINGS
    | COMPANY_NAME_WORDS
    | BODY_NOUNS
    | {"orchestra", "philharmonic", "ballet", "opera", "choir", "theatre", "theater", "museum"}
)


# Who speaks for a person the story called "he" or "she": "Her office", "his spokesman".
_HIS_OR_HER_AGENT = re.compile(
    r"(His|Her|his|her)\s+(?:office|press\s+office|spokesman|spokeswoman|spokesperson"
    r"|press\s+secretary|campaign)"
)
# A document a body described put out: "a summary the university released in September".
MADE_DOCUMENTS = frozenset(
    {"summary", "letter", "memo", "report", "statement", "filing", "document", "documents",
     "email", "presentation", "submission", "release", "analysis", "study"}
)  # fmt: skip
_DESCRIBED_MAKER = re.compile(
    r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(sorted(MADE_DOCUMENTS)) + r")\s+"
    r"(?:that\s+)?(?P<body>the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
    r"(?:released|published|issued|posted|put\s+out|filed|sent|circulated|submitted)\b"
)
_ENDS_A_SENTENCE = re.compile(r"[.!?][\"\u201d\u2019']?\s*$")


def _titled_person_before(
    resolver: Resolver, surface: str, pronoun: str, before: str
) -> Resolution | None:
    """The one person the sentence before names with a title, where no source was
    named: "… when Dr Ingrid Halvorsen, a conservator, examined photographs. She told the
    Review": Halvorsen, though she spoke in no relation before. Not a "Mr" for "she"."""
    found = {
        m["name"]
        for m in _TITLED_NAME.finditer(_this_and_last_sentence(before))
        if GENDERED.get(m["title"].lower().rstrip("."), GENDERED[pronoun]) == GENDERED[pronoun]
    }
    if len(found) != 1:
        return None
    (name,) = found
    return replace(
        resolver.resolve(name),
        surface=surface,
        why=f"{surface.strip()!r} read as {name}, named with a title in the sentence before",
    )


_TITLED_NAME = re.compile(
    r"\b(?P<title>Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Sir|Dame)\.?\s+"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,2})"
)


_AN_AGE = re.compile(r"[Tt]he\s+\d{1,3}-year-old")
# Offices a person holds, whose holder a story names in full: not "Shell" for "the minister".
_OFFICES = frozenset(
    {"minister", "mayor", "president", "governor", "senator", "chancellor", "ambassador",
     "judge", "prosecutor", "commissioner", "secretary", "premier", "congressman",
     "congresswoman", "lawmaker", "legislator"}
)  # fmt: skip
# A politician by state and party: "the Ohio Democrat", "the New Hampshire Republican".
_A_PARTY_MEMBER = re.compile(
    r"[Tt]he\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:Democrat|Republican)(?![\w-])"
    r"(?!\s+[A-Z])"
)


def _person_called(resolver: Resolver, surface: str, before: str) -> Resolution | None:
    """ "the singer was quoted as saying" after "Pop singer Marisa Vell", "the 39-year-old
    said" after "Danny Whelan, 39,": the one person the story named with that word."""
    words = [word.strip(",;:") for word in surface.lower().split()]
    role = " ".join(words[1:])
    if len(words) not in (2, 3) or words[0] != "the":
        return None
    if (
        role not in PERSON_ROLES
        and words[-1] not in PERSON_ROLES  # "the finance minister" of "Finance Minister X"
        and not re.fullmatch(r"\d{1,3}-year-old", role)
    ):
        return None
    names = people_called(before, role)
    if len(names) != 1:
        return None
    return _read_as(resolver.resolve(names.pop()), surface, role)


def _agency_just_named(resolver: Resolver, surface: str, before: str) -> Resolution | None:
    """ "The Caledonian Space Agency lost contact …. The agency said", "… told Kyodo news
    agency that …, the agency reported", "in an interview with dpa. …, according to the
    agency": the agency this sentence or the one before names, a wire too, not the
    article's origin nor an agency named longer ago."""
    words = [word.strip(",;:") for word in surface.lower().split()]
    if words not in (["the", "agency"], ["the", "news", "agency"], ["the", "wire", "agency"]):
        return None
    recent = _this_and_last_sentence(before)
    # "the state news agency CNA" named once, then "CNA, citing …, said": a wire the
    # article itself introduced
    called = {m["called"] or m["after"] for m in _A_WIRE.finditer(before)} - {None}
    agency = _agency_just_before(recent, news=len(words) == 3, called=called)
    if agency is None and len(words) == 2:
        return _agency_described(recent, surface)
    return None if agency is None else _read_as(resolver.resolve(agency), surface, "agency")


# An agency the story names only by what it is: "The national disaster agency said …".
_AGENCY_DESCRIBED = re.compile(
    r"(?<![\w-])[Tt]he[ \t]+((?:(?!news\b|wire\b|press\b)[a-z][\w-]*[ \t]+){1,3}agency)"
    r"\b(?!['\u2019])"
)


def _agency_described(recent: str, surface: str) -> Resolution | None:
    """ "The national disaster agency said A. According to the agency, B": the agency the
    sentence before described, proposed under that description, not the article's origin."""
    found = list(_AGENCY_DESCRIBED.finditer(recent))
    if not found:
        return None
    phrase = f"the {found[-1][1]}"
    why = f"{surface.strip()!r} read as {phrase!r}, named so before"
    return Resolution(surface, None, None, 0.0, why, proposed_name=phrase)


# Wires a story names without the word "agency": "in an interview with dpa", "told AFP".
_WIRES = (
    "|".join(sorted({*AGENCY_NAMES, *(credit for credit, _ in NATIONAL_AGENCIES.values())}))
    + "|Reuters|Xinhua|TASS|Interfax|Kyodo|Yonhap|Bloomberg|Ukrinform|UNIAN"
)
_A_WIRE = re.compile(
    rf"(?<![\w'’.-])(?:(?P<wire>{_WIRES})(?![\w-])"
    # "Kyodo news agency", "the state news agency TKA"
    r"|(?P<called>[A-Z][\w'’-]*)[ \t]+news[ \t]+agency\b"
    r"|news[ \t]+agency[ \t]+(?P<after>[A-Z][\w'’-]*))"
)
# A credit rating agency, by how its name ends: "Kestrel Ratings", "Fitch Ratings".
_RATINGS = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w&'’-]*[ \t]+){1,3}Ratings)\b")


def _agency_just_before(
    recent: str, news: bool = False, called: set[str] = frozenset()
) -> str | None:
    """The agency named last in ``recent``: one whose name says so ("the Caledonian Space
    Agency"), a credit rating agency, or a wire (one of ``called``, the wires the article
    introduced, too); only a wire for ``news`` ("the news agency")."""
    found = [(m.start(), m["wire"] or m["called"] or m["after"]) for m in _A_WIRE.finditer(recent)]
    for name in called:
        pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
        found += [(m.start(), name) for m in re.finditer(pattern, recent)]
    if not news:
        found += [(m.start(), m[1]) for m in _AN_AGENCY.finditer(recent)]
        found += [(m.start(), m[1]) for m in _RATINGS.finditer(recent)]
    return max(found)[1] if found else None


def _this_and_last_sentence(before: str) -> str:
    """The sentence ``before`` ends in, so far, after the whole one before it, with the full
    stop between kept (a name read there ends with its sentence)."""
    *earlier, here = _SENTENCE_BREAK.split(before)
    previous = next((part for part in reversed(earlier) if part.strip()), "")
    return f"{previous}. {here}"


def _owned_body_before(surface: str, noun: str, before: str) -> Resolution | None:
    """ "The ministry said" after "an announcement by Norland's fisheries ministry": a body
    the story named only by whose it is, proposed under that description, which says more
    than "the ministry" and is the reviewer's to name."""
    pattern = (
        rf"(?<![\w-])((?P<owner>[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)['\u2019]s[ \t]+"
        rf"(?:[a-z-]+[ \t]+){{0,2}}{noun})\b"
    )
    found = list(re.finditer(pattern, before))
    if not found or found[-1]["owner"] in ("The", "It", "Its"):
        return None
    phrase = found[-1][1]
    why = f"{surface.strip()!r} read as {phrase!r}, named so before"
    return Resolution(surface, None, None, 0.0, why, proposed_name=phrase)


def _public_agency_since(
    resolver: Resolver, surface: str, resolution: Resolution, before: str
) -> Resolution | None:
    """ "The Food and Drug Administration said …. The agency said" in an AP story: the FDA,
    a public body named since the wire or any news agency was, not the wire itself."""
    if " ".join(surface.lower().split()) != "the agency" or not refers_to_origin(surface):
        return None
    if resolver.origin is None or resolution.source_id != resolver.origin.id:
        return None
    text = _all_before(resolver, before)
    bodies = list(_PUBLIC_BODY_NAME.finditer(text))
    if not bodies:
        return None
    origin = re.escape(resolver.origin.name)
    wires = list(
        re.finditer(
            rf"(?<![\w-])(?:{origin}|{_WIRES}|news[ \t]+agency|wire[ \t]+service)(?![\w-])", text
        )
    )
    if wires and wires[-1].start() > bodies[-1].start():
        return None  # "… the official Xinhua news agency said. The agency said": the wire
    name = re.sub(r"^The[ \t]+", "", bodies[-1].group("name"))
    found = resolver.resolve(name)
    return replace(found, surface=surface, why=f"'the agency' read as {name}, named since")


def _all_before(resolver: Resolver, before: str) -> str:
    """The article's whole text up to where ``before`` (its last stretch) ends."""
    return _text_up_to(resolver.text, before)


def _text_up_to(text: str, before: str) -> str:
    """``text`` up to where ``before``, its last stretch, ends; ``before`` alone when it is
    not found there."""
    at = text.rfind(before) if before and text else -1
    return text[: at + len(before)] if at >= 0 else before


def _singular(noun: str) -> str:
    """ "exchanges" → "exchange", "companies" → "company": the kind "one of the" names."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _subject_saying_it(here: str) -> str | None:
    """ "Ashford Harriers will play next Saturday's tie away, the club announced": the
    sentence's own subject, a name, is the body its description after the words means."""
    if not _SAID_OF_IT.search(here):
        return None
    from claims.suggestions.citation import statement_start

    subject = _SUBJECT.match(here, statement_start(here, 0, len(here)))
    if subject is None or not _proper(subject["name"]):
        return None
    name = subject["name"]
    if (
        len(name.split()) < 2  # "Shares fell 3%", "Swedish utility Nordkraft": no name here
        or name.split()[0].lower() in _NOT_SUBJECTS
        or name.endswith(("'", "\u2019", "'s", "\u2019s"))
        or one_person(name)
        or subject["verb"] in _TITLE_NOUNS
    ):
        return None
    return name


def _proper(name: str) -> bool:
    """Whether ``name`` is written as a name: capitalised words, and the small words names
    hold between them ("Friends of the Fjord")."""
    words = name.split()
    return (
        bool(words)
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_PARTICLES for w in words)
    )


_NAME_PARTICLES = {"of", "and", "for", "the", "de", "du", "del", "des", "la", "le", "&"}


def _institution_named(text: str, noun: str, before: str) -> tuple[str, bool] | None:
    """ "Brayford University has suspended …, the university confirmed": the institution of
    that kind named last before, else the story's only one; and whether the sentence of
    ``before``'s end names it."""
    title = _INSTITUTIONS[noun]
    pattern = _institution_pattern(title)
    named = list(re.finditer(pattern, before))
    if any(_two_named(match.group(1), title) for match in named[-1:]):
        return None  # "The match between Dunmore Rovers and Eastfield Athletic": which club?
    if not named and noun == "party":
        # "The opposition Progressive Alliance called …. The party said": a party named
        # by what it is in parliament, not by a word of its name
        named = list(A_PARTY_DESCRIBED.finditer(before))
    if named:
        here = named[-1].start() >= len(before) - len(_SENTENCE_BREAK.split(before)[-1])
        return named[-1].group(1), here
    if noun == "club":
        # a sports story names clubs that no word marks as one ("Ravensholm", "Atletico
        # Valdemora"): the one "United" named later is no sign of the club meant, the one
        # named earlier than ``before`` reaches ("the Harwick Rovers") is
        text = _text_up_to(text, before)
    names = {m.group(1) for m in re.finditer(pattern, text or before)}
    return (names.pop(), False) if len(names) == 1 else None


def _institution_pattern(title: str) -> str:
    """A pattern for a name headed by ``title`` ("Brayford University", "Dunmore Rovers",
    "Department of Health"), the name in its first group."""
    return (
        # "Maritime and Harbour Workers Union", "Calder & Rowe Bank": an "and" between
        # capitalised words is the name's
        # ("St. Aldric's Regional Hospital": a saint's name with its "St.")
        rf"(?<![\w'\u2019.-])((?:(?:St|Ste|Saint|Sankt)\.?[ \t]+)?"
        rf"(?:(?!{_NOT_IN_NAME}\b)[A-Z][\w&'\u2019-]*[ \t]+"
        rf"(?:(?:and|&)[ \t]+(?=[A-Z]))?){{1,4}}"
        # "Illinois Department of Transportation": the name goes on after its "of"
        # ("Department of Health and Care": and its "and")
        rf"(?:{title})(?:[ \t]+of[ \t]+[A-Z][\w'\u2019-]*"
        rf"(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'\u2019-]*){{0,2}})?"
        rf"|(?:{title})[ \t]+of[ \t]+[A-Z][\w'\u2019-]*"
        rf"(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'\u2019-]*){{0,2}})\b"
        # a name that goes on is another body's: "Lakeview School District" is no school
        r"(?![ \t]+[A-Z][a-z])"
    )


def clubs_named(text: str) -> set[str]:
    """The clubs ``text`` names by a word clubs' names hold ("Castlebridge Rovers", "Harwick
    United"), two named together ("Dunmore Rovers and Eastfield Athletic") counted as two."""
    title = _INSTITUTIONS["club"]
    names = set()
    for match in re.finditer(_institution_pattern(title), text):
        parts = re.split(r"[ \t]+(?:and|&)[ \t]+", match.group(1), maxsplit=1)
        names.update(parts if _two_named(match.group(1), title) else [match.group(1)])
    return {re.sub(r"^(?:The|the)[ \t]+", "", name) for name in names}


def _two_named(name: str, title: str) -> bool:
    """Whether a name read whole is two of a kind joined: "Dunmore Rovers and Eastfield
    Athletic", not "Maritime and Harbour Workers Union"."""
    parts = re.split(r"[ \t]+(?:and|&)[ \t]+", name, maxsplit=1)
    return len(parts) == 2 and re.search(rf"(?:{title})$", parts[0]) is not None


A_PARTY_DESCRIBED = re.compile(
    r"\b(?:opposition|ruling|governing)[ \t]+(?:party[ \t]+)?"
    rf"((?:(?!{_NOT_IN_NAME}\b)[A-Z][\w&'\u2019-]*)"
    r"(?:[ \t]+(?:for[ \t]+)?[A-Z][\w&'\u2019-]*){0,3})"
)
_SURNAME_PARTICLES = {"de", "del", "della", "der", "van", "von", "da", "di", "du", "la", "le"}
_NAME_RUN = r"(?:(?:[A-Z][\w'’.-]*|[a-z]{1,3})[ \t]+)*?[A-Z][\w'’.-]*[ \t]+"


def _full_name(resolver: Resolver, before: str, name: str) -> str | None:
    """The one name of several words in ``before`` that ends with ``name`` (any case)."""
    pattern = re.compile(rf"{_NAME_RUN}(?i:{re.escape(name)})(?![\w'’-])")
    found: dict[str, str] = {}
    for match in pattern.finditer(before):
        proposed = resolver.resolve(match.group()).proposed_name
        if proposed and len(proposed.split()) > len(name.split()):
            found.setdefault(fold_name(proposed), proposed)
    # "Minister Ingrid Solberg-Dahl" and "Ingrid Solberg-Dahl" are one name written twice
    keys = [k for k in found if not any(o != k and k.endswith(" " + o) for o in found)]
    return found[keys[0]] if len(keys) == 1 else None


# ("Haldane & Roe": the "&" is the name's)
_NAME_BEFORE_COMMA = re.compile(r"(?:[A-Z][\w.&'’-]*\s+(?:&\s+)?)*[A-Z][\w.&'’-]*\s*,\s*$")


def _head_word(name: str) -> str:
    """The word a name's body is named by: its last, or the one before its "of" or "for"
    ("University of Halden", "Office for Water Quality"; "University Lecturers' Association"
    is an association)."""
    words = fold_name(re.split(r" (?:of|for|on) ", name, maxsplit=1)[0]).split()
    return words[-1] if words else ""


def antecedent(text: str, source: tuple[int, int]) -> str | None:
    """The name a relative pronoun stands for: the one right before its comma; else the
    person the sentence opens by describing ("Another patient, who asked not to be named,
    said"), and the person before what the text says of them ("Carla Moretti, a nurse from
    Westbury, who said", "Jonathan Reyes of the firm Reyes & Pike, who said")."""
    described = _PERSON_DESCRIBED_BEFORE_COMMA.search(text, max(0, source[0] - 200), source[0])
    if described is not None:
        return described["person"]
    found = _NAME_BEFORE_COMMA.search(text, max(0, source[0] - 200), source[0])
    if found is None:
        found = _DESCRIBED_BEFORE_COMMA.search(text, max(0, source[0] - 80), source[0])
    if found is None:
        agent = _AGENT_BEFORE_COMMA.search(text, max(0, source[0] - 80), source[0])
        return agent["who"] if agent else None
    return found.group().rstrip(" ,") if found else None


# A person's name, then what they are or where they work, then the comma before "who".
_PERSON_DESCRIBED_BEFORE_COMMA = re.compile(
    r"(?<![\w'’-])(?P<person>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2})"
    r"(?:,\s+(?:a|an|the)\s+[^,.;:\"“”]{1,70}|\s+(?:of|from|at)\s+(?:the\s+)?[a-z][^,.;:\"“”]{1,70})"
    r"\s*,\s*$"
)
# Someone described after "by", then a comma: "was disputed by a former lineman, who told".
_AGENT_BEFORE_COMMA = re.compile(
    r"\b(?:by|from)\s+(?P<who>(?:a|an|the|one|two|three|several)\s+(?:[\w'’-]+\s+){0,4}?"
    r"[\w'’-]+)\s*,\s*$"
)


# A sentence opening with a person described, then a comma: "Another patient, who".
_DESCRIBED_BEFORE_COMMA = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=\n)|^)(?:A|An|Another|One|The)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+"
    r"\s*,\s*$"
)


_NAME_BEFORE_APPOSITIVE = re.compile(
    r"(?<![\w'’.-])[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and|the|in|on|&)\s+)?[A-Z][\w.&'’-]*)*"
    r"\s*,\s*$"
)
# Words that open a sentence before its subject: "In Prague, a group said", "Separately, a".
_OPENERS = {
    "in", "on", "at", "after", "before", "since", "when", "while", "as", "but", "and",
    "separately", "meanwhile", "however", "instead", "still", "later", "earlier", "today",
    "yesterday", "also", "overall", "moreover", "furthermore", "nevertheless", "yet",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
OPENERS = frozenset(_OPENERS)  # for other modules: what opens a sentence, no name
# Capitalised words before a name that are no first name of it, for ``never_a_persons``:
# what opens a sentence ("Both Freshway and Kornhall", "Meanwhile Freshway").
_SENTENCE_OPENERS = frozenset(
    {"The", "By", "For", "From", "Shares", "Rival", "Both", "Last", "Only"}
    | {word.capitalize() for word in _OPENERS}
)


def apposed_to(text: str, source: tuple[int, int]) -> str | None:
    """The name an appositive source stands beside: "People in Need" for "a Czech aid
    group" in "People in Need, a Czech aid group, said" ("Northline Rail, the national rail
    operator, said"), where only the appositive was
    read as the speaker. A phrase that opens the sentence ("In Prague, a group said") is
    no name, and without the comma closing it no appositive either."""
    surface = text[source[0] : source[1]]
    if surface.split()[:1] not in (["a"], ["an"], ["the"]):
        return None  # "a Czech aid group", "the national rail operator"
    if not (surface.rstrip().endswith(",") or text[source[1] :].lstrip().startswith(",")):
        return None
    if "," in surface.rstrip(" ,"):
        return None  # "…, the operator, Northern Continental Rail, said": named in itself
    found = _NAME_BEFORE_APPOSITIVE.search(text, max(0, source[0] - 120), source[0])
    if found is None or found.group().split()[0].strip(",").lower() in _OPENERS:
        return None
    return found.group().rstrip(" ,")


def named_after(text: str, source: tuple[int, int]) -> str | None:
    """The name set off right after a described source: "Simon Harrow" for "The council's
    chief executive" in "The council's chief executive, Simon Harrow, has apologised and
    said", where the speaker was read as the description alone."""
    surface = text[source[0] : source[1]]
    if "," in surface or not is_description(surface):
        return None
    found = _NAME_SET_OFF.match(text, source[1])
    return found["name"] if found is not None else None


_NAME_SET_OFF = re.compile(r"\s*,\s+(?P<name>[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3}),")
_CITED = {"according to", "citing", "cited", "quoting", "quoted"}
MEDIA_KINDS = {"news_agency", "outlet", "media"}  # the kinds of source that are outlets


def outlet_named_before(
    text: str, found: list[Attribution], anaphor: Attribution, resolver: Resolver
) -> str | None:
    """The outlet "the newspaper" stands for when the sentence names one before it: who
    was told, warned or assured ("Johnson told the Chicago Sun-Times that ..., the
    newspaper reported"), or whose word it is ("according to Interfax, ..., the agency said").

    An outlet is a known one, or a name after "the" ("the Chicago Sun-Times"), or a name
    with the anaphor's noun ("the Interfax news agency"): "told Ann Lee" names a person.
    """
    noun = fold_name(anaphor.source_text(text)).split()[-1]
    best: tuple[int, str] | None = None
    for other in found:
        if other is anaphor:
            continue
        cue = " ".join(other.cue_text(text).lower().split())
        if set(cue.split()) & TELL and other.content[0] > other.cue[1]:
            span = (other.cue[1], other.content[0])
        elif set(cue.split()) & TELL and other.content[0] < other.cue[0]:
            # '"A," van Riel told the Utrecht Dagblad, the regional newspaper reported'
            comma = text.find(",", other.cue[1], anaphor.source[0])
            span = (other.cue[1], comma if comma >= 0 else anaphor.source[0])
        elif cue in _CITED and other.source is not None:
            span = other.source
        else:
            continue
        if span[1] > anaphor.source[0]:
            continue  # "The agency, citing the Financial Times, said": not a cataphor
        named = re.sub(r"\s+that$", "", text[span[0] : span[1]].strip(" ,")).strip(" ,")
        if not named or len(named.split()) > 6 or not re.search(r"[A-Z]", named):
            continue
        known = resolver.resolve(named)
        if known.resolved:
            outlet = resolver.kinds.get(known.source_id) in MEDIA_KINDS
        else:
            words = named.split()
            outlet = (len(words) > 1 and words[0].lower() == "the" and words[1][:1].isupper()) or (
                noun in fold_name(named).split()
            )
        if outlet and (best is None or span[0] > best[0]):
            best = (span[0], named)
    if best is None:
        # the tagger read the inner "told" as part of the content: '"A," X told the Gentse
        # Courant, the regional newspaper reported'
        told = _TOLD_A_PAPER.search(text, max(0, anaphor.source[0] - 120), anaphor.source[0])
        return told[1] if told else None
    return best[1]


# "told the Gentse Courant, " right before "the newspaper reported"
_TOLD_A_PAPER = re.compile(
    r"\btold\s+(the\s+[A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*){0,4})\s*,\s*$"
)
