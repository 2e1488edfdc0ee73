"""Who a claim's opening words stand for: the body "it", "the group" or "the union" means,
the person "he" or "his" means, named as the article named them.

A claim is stored to be read alone, so "The union was ready to strike" must say which union.
What an article's own sentence, or a speaker's reported words, open with is read back to
the name it stands for: the body the speaker belongs to ("Maya Delacroix of the League of
Women Voters said the group …"), else the body of that kind the story named last; the
person the sentence before opens with for an article's own "He" or "His". A reading that
may be wrong is not made: a description left as written is a claim the reviewer completes,
a wrong name one they must notice.
"""

from __future__ import annotations

import re

from claims.resolution import PRONOUNS, TITLES, Resolution, Resolver, is_description
from claims.sentences import Sentence
from claims.suggestions.appositions import KINDRED, apposed_name, apposed_names
from claims.suggestions.attribution import Attribution
from claims.suggestions.lexicon import AUXILIARIES, CUE_WORDS
from claims.suggestions.outlets import an_outlet
from claims.suggestions.proposal import EXPLETIVE_IT, possessive, written_with_the
from claims.suggestions.roles import PERSON_ROLES, people_called
from claims.suggestions.speakers import (
    A_PARTY_DESCRIBED,
    APPOSED_NOUNS,
    OWNERS_DOCUMENT,
    Speakers,
    a_body,
    called_a,
    clubs_named,
    companies_named,
    one_person,
    one_person_in,
)
from claims.suggestions.things import CALLED_BY, one_thing, sentence_before, thing_before
from claims.text import QUOTE_MARKS, fold_name, quotations

# A claim opening with "He" or "She": which person, when its speaker is no one person.
HE_OR_SHE = re.compile(r"(He|She) (?=[a-z])")
# A sentence opening with a person's name, before its verb: "Douglas Fenmore, 58, was".
_A_NAME_OPENS = re.compile(
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,3})(?:,[^,.;]{1,40},)?\s+[a-z]"
)


def no_one_person(reading: Resolution) -> bool:
    """Whether a source read is described as no one person ("a jury at Harwick Crown
    Court", "prosecutors", "the court"), so that no "he" or "she" it says is itself."""
    surface = reading.surface.strip()
    return (
        not reading.resolved
        and is_description(surface)
        and not one_person(surface)
        and fold_name(surface) not in PRONOUNS
    )


def person_opening(text: str, sentence: Sentence, attribution: Attribution, resolver) -> str | None:
    """The person whose name opens the sentence before its speaker, if a person's."""
    found = _A_NAME_OPENS.match(text, sentence.start, attribution.cue[0])
    if found is None or (attribution.source and attribution.source[0] <= found.start()):
        return None
    reading = resolver.resolve(found["name"])
    name = reading.name or reading.proposed_name
    if not name or a_body(resolver, reading) or len(name.split()) < 2:
        return None
    return name


# The body a speaker is described as being of: "Maya Delacroix of the League of Women
# Voters", "A spokesperson for Harwick City Council".
_AFFILIATION = re.compile(
    r"\b(?:of|for|at|from)\s+(?:the\s+)?(?P<body>[A-Z][\w&'\u2019-]*"
    r"(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][\w&'\u2019-]*)*)"
)


def _body_of_speaker(
    text: str, speaker: str, said_at: int, resolver: Resolver, name: str = ""
) -> tuple[str, bool] | None:
    """The body a speaker is of, as the speaker's words say ("Maya Delacroix of the League
    of Women Voters") or as the story introduced them before ("LCU director Paul Anders"
    for a later "Anders", or for "He" read as him), an acronym spelt out where the story
    did; and whether their office is a company's ("HCT chief executive Lars Brennvik"), so
    that "the company" they speak of is theirs, whatever their company is named."""
    own = _AFFILIATION.search(speaker)
    if own is not None:
        return own["body"], False
    owners = _OWNERS_OFFICER.match(speaker.strip())
    if owners is not None and owners["body"].split()[0] not in ("His", "Her", "Their"):
        # "Aldgate & Finch's general counsel, Robert Hale": the firm he speaks for
        office = set(owners["office"].split())
        return owners["body"], bool(office & (_OFFICE_WORDS | _OFFICERS))
    its = _ITS_OFFICE.match(speaker.strip())
    if its is not None:
        # "Strade Tecniche rejected that account. Its managing director, Paolo Cervi, said":
        # the body the sentence before opens with
        at = text.rfind(speaker.strip(), 0, said_at)
        body = _opening_name_before(text, at) if at > 0 else None
        if body is None:
            return None
        office = " ".join(its["office"].split())
        return body, office in _COMPANY_OFFICES or office.split()[-1] in _COMPANY_OFFICES
    surname = (name or speaker).split()[-1] if (name or speaker).split() else ""
    if not surname[:1].isupper():
        return None
    introduced = list(
        re.finditer(
            rf"(?P<body>(?:[A-Z][\w&'\u2019-]*[ \t]+){{1,4}}?)"
            rf"(?P<office>(?:[a-z-]+[ \t]+)?(?:{'|'.join(sorted(_OFFICE_WORDS))})"
            rf"(?:[ \t]+(?:executive|officer|director|general))?)"
            rf"[ \t]+(?:[A-Z][\w'\u2019-]*[ \t]+){{0,2}}{re.escape(surname)}\b",
            text[:said_at],
        )
    )
    if not introduced:
        # "Jonas Harcourt, a partner at Harcourt & Mill,": the office after the name; "The
        # head of Cedar Hill Academy, Rebecca Thorne,": before it
        after = [*_OFFICE_AFTER.finditer(text[:said_at]), *_OFFICE_BEFORE.finditer(text[:said_at])]
        after = [m for m in after if m["name"].split()[-1] == surname]
        if not after:
            return None
        office = after[-1]["office"].split()[-1]
        return after[-1]["body"], office in _COMPANY_OFFICES or office == "partner"
    titled = introduced[-1]  # the last time the story introduced them so
    company = titled["office"] in _COMPANY_OFFICES
    body = re.sub(
        r"^(?:(?:The|A|An|Then|But|And|Also|Meanwhile|However)[ \t]+)+", "", titled["body"]
    )
    body = body.strip()
    if body and all(word.lower() in TITLES for word in body.split()):
        return None  # "Chief executive Tomas Wrenfield": his office, no body's name
    if not body or fold_name(body) in APPOSED_NOUNS:
        return None  # "Union leader Helena Voss", "Club spokesman Tom Reyes": no name
    if body.isupper():
        return resolver.spelt_out(body) or body, company
    return body, company


# A speaker named by their office at a body named as its owner: "Aldgate & Finch's general
# counsel, Robert Hale", "Larkspur's chief executive, Thomas Reinholt".
_OWNERS_OFFICER = re.compile(
    r"(?P<body>[A-Z][\w&.-]*(?:[ \t]+(?:&[ \t]+|of[ \t]+)?[A-Z][\w&.-]*){0,4})['\u2019]s?[ \t]+"
    r"(?P<office>[a-z][a-z -]{2,40}?),?[ \t]+[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2},?$"
)
# A speaker named by their office at a body the sentence before named: "Its managing
# director, Paolo Cervi", "Its chief executive Lena Voss".
_ITS_OFFICE = re.compile(
    r"Its[ \t]+(?P<office>(?:[a-z-]+[ \t]+){0,2}?[a-z-]+),?[ \t]+[A-Z][\w'\u2019-]+"
    r"(?:[ \t]+[A-Z][\w'\u2019-]+){0,2},?"
)


def _opening_name_before(text: str, at: int) -> str | None:
    """The name the sentence before ``at`` opens with, as its subject ("Strade Tecniche
    rejected that account."), if it opens with one: what "Its" in the next sentence means."""
    opens = sentence_before(text, at, 400)
    if opens is None:
        return None
    found = _A_BODY_OPENS.match(text, opens, at)
    if found is None or found["name"].split()[0].lower() in _OPENERS:
        return None
    return found["name"]


# A sentence opening with a name, one word or more, before its verb: "Tecnostrade
# rejected", "Strade Tecniche, the engineering firm, rejected".
_A_BODY_OPENS = re.compile(
    r"(?P<name>[A-Z][\w&'\u2019-]+(?:[ \t]+(?:of[ \t]+|&[ \t]+)?[A-Z][\w&'\u2019-]+){0,4})"
    r"(?:,[^,.;]{1,60},)?[ \t]+[a-z]"
)
_OPENERS = frozenset(
    {"the", "a", "an", "it", "he", "she", "they", "we", "i", "but", "and", "in", "on", "at",
     "after", "before", "this", "that", "its", "his", "her", "their", "there", "when", "while",
     "as", "if", "so", "yet", "then", "meanwhile", "however", "earlier", "later"}
)  # fmt: skip


# A claim in a body's first person: "We will not take risks", "Our members are facing".
_WE = re.compile(r"(?P<we>We|Our)[ \t]+(?:[a-z]+ly[ \t]+)?(?P<verb>[a-z'\u2019]+)")
_WE_AGAIN = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", re.IGNORECASE)
# What "we" does, said of one body: "we are" is "it is"; a modal or a past is the same.
_OF_ONE = {
    "are": "is", "were": "was", "have": "has", "do": "does", "aren't": "isn't",
    "weren't": "wasn't", "haven't": "hasn't", "don't": "doesn't",
}  # fmt: skip
_SAME_FOR_ONE = frozenset(
    {"will", "would", "can", "could", "should", "must", "may", "might", "did", "had",
     "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "didn't", "hadn't"}
)  # fmt: skip


def we_named(
    text: str,
    claim: str,
    speaker: str,
    said_at: int,
    resolver: Resolver,
    reading: Resolution | None,
) -> str:
    """ "We will not take risks," said the canal authority's chairman: the Meridia Canal
    Authority will not take risks. A claim is read alone, so a body's "we" or "our" says
    which body: the one speaking, or the one the speaker is introduced as speaking for
    ("MCA chairman Farid Nasser", "GSC director general Helen Okonjo"). Only where the
    verb reads the same of one body ("will", "had", a past; "are" as "is"): "We need" is
    left as said, and so is a "we" of no named body."""
    found = _WE.match(claim)
    if found is None or reading is None:
        return claim
    if _WE_AGAIN.search(claim, found.end("we")):
        return claim  # "We are taking samples and will publish them as soon as we have them"
    verb = found["verb"].replace("\u2019", "'")
    if found["we"] == "We" and verb not in _OF_ONE and verb not in _SAME_FOR_ONE:
        if not (verb.endswith("ed") and len(verb) > 4):
            return claim
    name = reading.name or reading.proposed_name or ""
    if not (name and not is_description(name) and a_body(resolver, reading)):
        of = _body_of_speaker(text, speaker, said_at, resolver, name)
        name = of[0] if of is not None else ""
        if len(name.split()) < 2 and not name.isupper():
            return claim  # "City Treasurer Denise Okafor": no body's name to say
    if written_with_the(name, text):
        name = f"The {name}"
    if found["we"] == "Our":
        return possessive(name) + claim[3:]
    rest = claim[2:]
    if verb in _OF_ONE:
        start = found.start("verb") - 2
        rest = rest[:start] + _OF_ONE[verb] + rest[start + len(found["verb"]) :]
    return name + rest


# Offices besides ``_OFFICE_WORDS`` whose holder speaks for a firm: "Aldgate & Finch's
# general counsel" speaks of it as "the company".
_OFFICERS = frozenset({"counsel", "officer", "manager", "owner", "partner"})
_OFFICE_WORDS = frozenset(
    {"director", "chief", "head", "president", "chair", "chairman", "chairwoman",
     "spokesman", "spokeswoman", "spokesperson", "leader", "secretary", "commissioner",
     "executive", "boss", "founder"}
)  # fmt: skip
# A person, then their office at a body: "Jonas Harcourt, a partner at Harcourt & Mill,",
# "Lena Voss, chief executive of Nordhavn Shipping,".
_OFFICE_AFTER = re.compile(
    r"(?P<name>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2}),[ \t]+(?:(?:a|an|the)[ \t]+)?"
    r"(?P<office>(?:[a-z-]+[ \t]+){0,2}?(?:partner|director|chief|head|president|chair"
    r"|chairman|chairwoman|executive|founder|spokesman|spokeswoman|spokesperson|secretary"
    r"|leader|officer|manager))[ \t]+(?:at|of|for|with)[ \t]+(?:the[ \t]+)?"
    r"(?P<body>[A-Z][\w&'\u2019-]*(?:[ \t]+(?:(?:of|and|for|&)[ \t]+)*[A-Z&][\w&'\u2019-]*)*)"
)
_OFFICE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)[ \t]+(?P<office>(?:[a-z-]+[ \t]+){0,2}?(?:director|chief|head"
    r"|president|chair|chairman|chairwoman|principal|headteacher|founder|secretary|leader"
    r"|manager))[ \t]+(?:at|of|for)[ \t]+(?:the[ \t]+)?"
    r"(?P<body>[A-Z][\w&'\u2019-]*(?:[ \t]+(?:(?:of|and|for|&)[ \t]+)*[A-Z&][\w&'\u2019-]*)*),"
    r"[ \t]+(?P<name>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2}),"
)
# A company's offices: whoever holds one speaks of their own firm as "the company".
_COMPANY_OFFICES = frozenset(
    {"chief executive", "executive", "managing director", "boss", "founder", "chairman",
     "chairwoman", "chief operating officer", "chief financial officer"}
)  # fmt: skip
# What a company officer calls their own firm.
_OWN_FIRM_NOUNS = frozenset({"company", "firm", "group", "business"})
# Words that name a body of a kind without its word: "Cedar Hill Academy" is a school.
_NAMED_AS = {
    "school": ("academy", "college", "lyceum", "gymnasium"),
    "university": ("college", "institute", "polytechnic"),
    "hospital": ("infirmary", "clinic"),
}
# What a speaker may call the body they speak for, whatever it is named.
_ANY_BODY = frozenset(
    {"group", "organisation", "organization", "body", "authority", "institution", "club"}
)
# What an article's own sentence opens with that stands for a body it named: "It blamed",
# "Its revenue fell", "The chain has struggled".
_OWN_SUBJECT = re.compile(
    r"(?:(?P<its>Its)|(?P<phrase>It|The[ \t]+[a-z]+)(?P<s>['\u2019]s)?)[ \t]+(?=[a-z0-9])"
)


# "It" doing what a body does: speaking, planning, blaming, hiring; not "It will go on sale".
_IT_ACTS = re.compile(
    r"It[ \t]+(?:(?:also|now|later|then|still|already|previously|recently|has|had|have)[ \t]+)*"
    r"(?P<verb>[a-z]+)\b"
)


def _it_acts(claim: str) -> bool:
    match = _IT_ACTS.match(claim)
    return match is not None and (match["verb"] in CUE_WORDS or match["verb"] in _ACTS)


_ACTS = frozenset(
    {"plans", "planned", "cut", "cuts", "raised", "raises", "hired", "hires", "filed", "files",
     "refused", "refuses", "rejected", "rejects", "welcomed", "welcomes", "employs",
     "employed", "operates", "operated", "runs", "ran", "posted", "posts", "sold", "sells",
     "bought", "buys", "launched", "launches", "opened", "opens", "closed", "closes", "paid",
     "pays", "appealed", "appeals", "sued", "sues", "intends", "intended", "aims", "aimed",
     "wants", "wanted", "hopes", "hoped", "blamed", "blames", "fined", "fines", "ordered",
     "orders", "approved", "approves", "suspended", "suspends", "recalled", "recalls",
     "listed", "lists", "owed", "owes", "borrowed", "lent", "issued", "settled", "settles",
     "received", "receives"}
)  # fmt: skip


# Pasts without "-ed" that a body's own sentence may open with: "The company cut 300 jobs".
_IRREGULAR = frozenset(
    {"cut", "set", "put", "hit", "shut", "spent", "sent", "won", "lost", "made", "took", "gave",
     "paid", "sold", "bought", "said", "told", "began", "became", "kept", "left", "held",
     "ran", "saw", "knew", "found", "brought", "built", "chose", "fell", "rose", "grew",
     "drew", "wrote", "broke", "led", "met", "sought", "thought", "felt", "got", "went",
     "first", "last", "soon", "now"}  # and what opens a verb's phrase: "first received"
)  # fmt: skip


# What a speaker is said to be, set beside its name: "Sea Watch Halvic, a campaign group".
_SPEAKER_KIND = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w'\u2019-]+\s+){0,3}?(?P<kind>group|union|charity|association"
    r"|organisation|organization|coalition|alliance|party|council|ministry|agency|authority"
    r"|regulator|court|university|hospital|school|company|firm)\b"
)


def subject_named(
    text: str,
    sentence: Sentence,
    claim: str,
    resolver: Resolver,
    speakers: Speakers,
    said_at: int | None = None,
    speaker: str | None = None,
    named: str = "",
) -> str:
    """The article's own statement with its subject named, when it opens with "It" or
    "the chain" for the body the sentence before was about: a claim is read alone.

    ``said_at``: the claim is what ``speaker`` says from there on ("Voss said the union was
    ready"), so only a description is named: the body the speaker is of, else by the text
    up to there; ``named`` is whom the speaker was read as ("He" read as Lars Brennvik)."""
    match = _OWN_SUBJECT.match(claim)
    if match is None or EXPLETIVE_IT.match(claim):
        return claim
    if match["phrase"] and match["phrase"] != "It" and not match["s"]:
        verb = claim[match.end() :].split(" ", 1)[0].strip(",.;:")
        if not (
            verb in AUXILIARIES or verb.endswith(("ed", "s", "ly")) or verb in _ACTS | _IRREGULAR
        ):
            return claim  # "the supplier account used in the attack": a noun, no verb
    if said_at is not None and (
        (match["phrase"] or "It") == "It"
        or match["phrase"].split()[-1].lower() not in APPOSED_NOUNS
    ):
        # "said it was", "its": the speaker's own, read with the speaker; "the results",
        # "the senator": no body to name
        return claim
    if match["phrase"] == "It" and not _it_acts(claim):
        # "It will go on sale in October": the laptop, not the maker; "It cost 410 million
        # euros" after "The Orion-3 satellite, built by …, was designed …": that satellite
        thing = thing_before(text, sentence.start) if said_at is None else None
        if thing is None or match["s"]:
            return claim
        return thing[:1].upper() + thing[1:] + " " + claim[match.end() :]
    end = sentence.start if said_at is None else said_at
    before = text[max(0, end - 600) : end]
    of = (
        _body_of_speaker(text, speaker, said_at, resolver, named)
        if said_at is not None and speaker
        else None
    )
    own, company = of if of is not None else (None, False)
    noun = (match["phrase"] or "").split()[-1:]
    if own is not None and not (
        noun[0].lower() in _ANY_BODY
        or noun[0].lower() in fold_name(own).split()
        or set(_NAMED_AS.get(noun[0].lower(), ())) & set(fold_name(own).split())
        or (company and noun[0].lower() in _OWN_FIRM_NOUNS)
    ):
        own = None  # "Haverford of the Rail Workers' Federation said the company": another body
    other = (
        apposed_name(before, noun[0].lower()) or called_a(before, noun[0].lower())
        if own is not None and noun
        else None
    )
    if other is not None and fold_name(other) not in fold_name(own or ""):
        # "A group calling itself Black Lantern … Halvorsen's head of research said the
        # group had targeted": the group the story named so, not the speaker's firm
        reading = resolver.resolve(other)
    elif own is not None:
        # "Maya Delacroix of the League of Women Voters said the group": her own body
        reading = resolver.resolve(own)
    elif said_at is not None and noun[0].lower() == "group" and speaker[:1].isupper():
        return claim  # a campaign group, a media group, a company's group: not told apart
    else:
        reading = speakers.subject_meant(resolver, match["phrase"] or "It", before)
    if reading is None:
        thing = thing_before(text, sentence.start) if said_at is None and match["its"] else None
        if thing is None:
            return claim
        # "The Kessler Arena was opened in 2011. Its roof was designed by …"
        return possessive(thing[:1].upper() + thing[1:]) + " " + claim[match.end() :]
    name = reading.name or reading.proposed_name or ""
    kind = _SPEAKER_KIND.search(speaker or "") if said_at is not None else None
    if kind is not None and named and fold_name(name) == fold_name(named) and noun:
        if kind["kind"].lower() != noun[0].lower():
            # "Sea Watch Halvic, a campaign group, said the company should lose its licence":
            # a group is no company; the company it speaks of is another
            return claim
    if said_at is not None and (
        name not in text[:said_at]
        or an_outlet({"source_id": reading.source_id, "name": name}, resolver)
    ):
        # a body the story names only later is not whom the speaker means, nor a
        # newspaper the story cited before
        return claim
    if written_with_the(name, text):
        name = f"the {name}"  # "the National Space Agency", as the article writes it
    name = name[:1].upper() + name[1:]
    owner = match["its"] or match["s"]
    return (possessive(name) if owner else name) + " " + claim[match.end() :]


def owner_of_document(claim: str, source: str) -> str:
    """ "According to the fund's most recent annual report, it manages $9.4 billion": "it"
    is the report's owner, the fund (named in full by ``kinds_named`` after), whose report
    speaks of itself."""
    found = re.match(r"(Its?) (?=[a-z])", claim)
    owner = OWNERS_DOCUMENT.fullmatch(source.strip(" ,"))
    if found is None or owner is None or EXPLETIVE_IT.match(claim):
        return claim
    name = owner["owner"][:1].upper() + owner["owner"][1:]
    return (possessive(name) if found[1] == "Its" else name) + claim[found.end(1) :]


def subject_read(wording: str, claim: str) -> str | None:
    """The name a claim's opening "the company" or "it" was read as ("Velta Aerospace
    would set up an inquiry board"), or None where it was left as written."""
    match = _OWN_SUBJECT.match(wording)
    if match is None or match["its"] or match["s"] or EXPLETIVE_IT.match(wording):
        return None
    rest = wording[match.end() :]
    if claim == wording and match["phrase"] != "It":
        # "the city had warned …": named after (``kinds_named``), if the story names it
        noun = match["phrase"].split()[-1]
        return match["phrase"] if noun in _KINDS else None
    if claim == wording or not claim.endswith(rest):
        return None
    return claim[: len(claim) - len(rest)].strip() or None


def it_again(claim: str, named: str | None) -> str:
    """ "Delorme said the company would set up a board and that it would not resume
    flights": the "it" of a second statement is the subject the first was read as."""
    if named and claim.startswith("It ") and not EXPLETIVE_IT.match(claim):
        return named + claim[2:]
    return claim


def person_named(text: str, sentence: Sentence, claim: str, resolver: Resolver) -> str:
    """The article's own "He did not speak" or "His performance drew suspicion" with the
    person named, when the sentence before, in the same paragraph, opens with that person
    ("Fenmore was led from the dock. He did not speak"): a claim is read alone."""
    pronoun = _HE_HIS.match(claim)
    if pronoun is None:
        return claim
    start = text.rfind("\n", 0, sentence.start) + 1
    before = text[start : sentence.start].rstrip()
    opening = [m for m in _SENTENCE_OPENING.finditer(before)]
    apposed = [m for m in _APPOSED_OPENING.finditer(before)]
    if apposed and (not opening or apposed[-1].start() > opening[-1].start()):
        opening = apposed  # "Santori's agent, Marco Pellegrini, said …. He did not"
    last_sentence = re.split(r"(?<=[.!?])[ \t]+", before)[-1] if before else ""
    unnamed = _ONE_UNNAMED.match(last_sentence)
    if (
        unnamed is not None
        and one_person(f"a {unnamed['noun'].lower()}")
        and (not opening or opening[-1].start() < len(before) - len(last_sentence))
        and pronoun[1].lower() in ("his", "her")
    ):
        # "A firefighter was taken to hospital …. His condition was described as stable":
        # the firefighter's, one person the story does not name
        lead = claim[: pronoun.start(1)]
        owner = possessive(f"the {unnamed['noun'].lower()}")
        owner = owner[:1].upper() + owner[1:] if not lead else owner
        return lead + owner + claim[pronoun.end(1) :]
    if not opening:
        return claim
    last = opening[-1]
    name = last["name"]
    reading = resolver.resolve(name)
    if reading.resolved and resolver.kinds.get(reading.source_id) != "person":
        return claim
    if a_body(resolver, reading) or is_description(name) or name.split()[0] in _NOT_A_SUBJECT:
        return claim
    if fold_name(name) in PRONOUNS:
        return claim  # "He has championed …. In recent months, he said": no name to give
    others = _TWO_NAMES.findall(before[last.start() + len(name) :])
    if any(fold_name(other) != fold_name(name) for other in others):
        return claim  # someone else is named there too: whom "he" means is not sure
    lead = claim[: pronoun.start(1)]
    if pronoun[1].lower() in ("his", "her"):
        return lead + possessive(name) + claim[pronoun.end(1) :]
    return lead + name + claim[pronoun.end(1) :]


# "He did", "His performance", "In 2023, she co-sponsored": a claim opening with a
# person's pronoun, or with when or where and then the pronoun
_HE_HIS = re.compile(
    r"(?:(?:In|On|At|After|Before|During|Last|Earlier|Later|Since)\b[^,\"\u201c]{1,40},[ \t]+"
    r"(?=[hs]))?(He|She|His|Her|he|she|his|her) (?=[a-z])"
)
# A sentence (of the text before) opening with a person described, then named between
# commas: "Santori's agent, Marco Pellegrini, said"
_APPOSED_OPENING = re.compile(
    r"(?:^|(?<=[.!?][ \t])|(?<=[.!?][\"\u201d\u2019][ \t]))"
    r"(?:[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*['\u2019]s|The|His|Her)[ \t]+(?:[a-z-]+[ \t]+){0,3}?"
    r"[a-z-]+,[ \t]+(?P<name>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){1,3}),"
)
# A sentence (of the text before) opening with a name, then its verb or an aside
_SENTENCE_OPENING = re.compile(
    r"(?:^|(?<=[.!?][ \t])|(?<=[.!?][\"\u201d\u2019][ \t]))"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,3})"
    r"(?=,[ \t]+\d|[ \t]+(?:was|is|had|has|did|won|lost|said|told|left|made|took|denied|"
    r"appeared|pleaded|walked|arrived|refused|declined)\b)"
)
_TWO_NAMES = re.compile(r"\b[A-Z][a-z]+[ \t]+[A-Z][a-z]+\b")
# A sentence opening with one person the story does not name: "A firefighter was taken …".
_ONE_UNNAMED = re.compile(
    r"(?:A|An)[ \t]+(?:[a-z-]+[ \t]+)?(?P<noun>[a-z]+)[ \t]+(?:was|is|had|has)\b"
)
_NOT_A_SUBJECT = frozenset({"The", "It", "This", "That", "There", "In", "On", "At", "But", "And"})


# Whose lawyer a speaker is: "Drewitz's lawyer, Henrik Solberg".
_LAWYER_OF = re.compile(
    r"(?P<owner>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2})['\u2019]s[ \t]+"
    r"(?:[a-z]+[ \t]+)?(?:lawyer|attorney|solicitor|counsel|barrister|legal[ \t]+team)\b"
)


def client_named(claim: str, speaker: str, named: str, resolver: Resolver, before: str = "") -> str:
    """ "Drewitz's lawyer, Henrik Solberg, said his client had asked for the inquiry": the
    client is Anselm Drewitz, whom the story named, not "Henrik Solberg's client". So too
    "Kessler, 27, denies … . His lawyer, Piet Aldershof, said his client would appeal", the
    person the sentence before (``before``, of the same paragraph) opens with."""
    lawyer = _LAWYER_OF.search(speaker)
    if lawyer is not None:
        owner = lawyer["owner"]
    elif _THEIR_LAWYER.match(speaker) and (openings := list(_SENTENCE_OPENING.finditer(before))):
        owner = openings[-1]["name"]
        if owner.split()[0] in _NOT_A_SUBJECT or a_body(resolver, resolver.resolve(owner)):
            return claim
    else:
        return claim
    for opening in ("His client ", "Her client ", f"{named}'s client " if named else None):
        if opening and claim.startswith(opening):
            return f"{resolver.full_name(owner) or owner} {claim[len(opening) :]}"
    return claim


def client_quoted(claim: str, named: str, before: str, resolver: Resolver) -> str:
    """'"He is deeply ashamed," Ortega said', after "Lanfield's lawyer, Samuel Ortega,
    said his client …": a lawyer's "he" is the client, "[Gregory Lanfield]", as the story
    introduced the lawyer (``named``: whom the speaker was read as)."""
    opening = re.match(r"(He|She) (?=[a-z])", claim)
    if opening is None or len(named.split()) < 2:
        return claim
    lawyer = _LAWYER_OF.pattern + rf",?[ \t]+{re.escape(named)}\b"
    found = list(re.finditer(lawyer, before))
    if not found:
        return claim
    owner = found[-1]["owner"]
    if a_body(resolver, resolver.resolve(owner)):
        return claim
    return f"[{resolver.full_name(owner) or owner}] {claim[opening.end() :]}"


_THEIR_LAWYER = re.compile(
    r"(?:His|Her)[ \t]+(?:[a-z]+[ \t]+)?(?:lawyer|attorney|solicitor|counsel|barrister)\b"
)


# Bodies a claim may call by their kind, which the article names with that word as the
# head of one name: "the hotel" of "the Harwick Lodge Hotel". Not "the company" or "the
# board" (a firm's own board, or a regulator named "Board"?), which names do not settle.
_NAMED_KINDS = (
    "hotel",
    "museum",
    "university",
    "hospital",
    "council",
    "ministry",
    "club",
    "zoo",
    "airport",
    "union",
    "agency",
    "institute",
    "school",
    "college",
    "utility",
    "charity",
    # "the bank" of "the Bank of Estoria", "the authority" of "the Safety Authority"
    "bank",
    "authority",
    "commission",
    "tribunal",
    # "the mission" of "the EU Election Observation Mission", "the estate" of "the
    # Harwood Estate", "the party" of "the Progressive Alliance Party", "the court" of
    # "the High Court"
    "mission",
    "estate",
    "party",
    "court",
)
# Bodies a claim may call by what the article said they are, beside their name, before
# the claim: "the exchange" of "Veltrax, a cryptocurrency exchange", "the regulator" of
# "Ofwat, the water regulator" (``appositions``). Not "the company", "the firm" or "the
# group", of which a story names several, not always beside the word.
_APPOSED_KINDS = (
    "exchange", "regulator", "watchdog", "operator", "carrier", "lender", "insurer",
    "retailer", "manufacturer", "carmaker", "consortium", "service", "network", "spaceport",
    "platform", "startup", "developer", "chain", "supermarket", "airline", "broadcaster",
    "publisher", "brewer", "grocer", "housebuilder", "drugmaker", "chipmaker",
)  # fmt: skip
# Ships, named with their prefix ("the MV Lindholm") or beside what they are ("The Aurora
# Bay, a 14,000-TEU vessel"), and called "the ship", "the ferry", "the vessel" after.
_SHIPS = ("vessel", "ship", "ferry", "tanker", "freighter", "trawler")
_SHIP_PREFIX = re.compile(
    r"(?<![\w-])((?:MV|MS|MT|SS|RMS|HMS|FV)[ \t]+[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)?)"
)
# Things a story names once beside their kind, then calls by it: "its heart-failure drug
# Cardexa" … "the drug", "the Brightwater festival" … "the festival", "its own digital
# token, VLT" … "the token".
_CALLED_KINDS = ("drug", "medicine", "vaccine", "token", "festival", "app", "film", "album")
_KINDS = dict.fromkeys(_NAMED_KINDS + _APPOSED_KINDS + _SHIPS + _CALLED_KINDS + tuple(CALLED_BY))
_KIND_IN_CLAIM = re.compile(
    rf"\b([Tt]he) ({'|'.join(_KINDS)})\b"
    r"(?!['\u2019]s?\s+[A-Z])(?![ \t]+of\b)(?![\w-])"
)
# Capitalised words that are no name of a thing: days, months, and what opens a sentence.
_NOT_A_THINGS_NAME = (
    r"(?!(?:The|A|An|On|In|At|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b)"
)
_THINGS_NAME = rf"{_NOT_A_THINGS_NAME}[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*){{0,2}}"
_NOT_A_NAMES_START = frozenset({"The", "A", "An", "In", "At", "On", "By", "For", "But", "And"})


def kinds_named(text: str, claim: str, end: int | None = None, said: bool = False) -> str:
    """ "The couple were considering legal action against the hotel": against the Harwick
    Lodge Hotel, the one hotel the article names, where the article names one body of that
    kind, with the word as its name's head ("Harwick Lodge Hotel", "University of Halden"):
    a second such name, or none, leaves the words as written. Or, for an exchange, a
    regulator, an operator …, where the text before ``end`` set one name beside the word
    ("into the exchange" after "Veltrax, a cryptocurrency exchange,").

    A speaker's words stay theirs: inside quotation marks, or in a claim that is all
    quotation (``said``), the name goes in square brackets, as an editor marks what they
    put in a quotation ('"But [the Orion-3 satellite] was insured"')."""
    if not _KIND_IN_CLAIM.search(claim):
        return claim
    quoted = [(a, b) for a, b in quotations(claim, 0, len(claim)) if b is not None]
    out, last = [], 0
    for found in _KIND_IN_CLAIM.finditer(claim):
        bracketed = said or any(a <= found.start() < b for a, b in quoted)
        if _NAME_BESIDE.match(claim, found.end()):
            continue  # "after the developer, Calder Homes, filed": named already, beside it
        name = _one_named(text, found[2]) if found[2] in _NAMED_KINDS else None
        if name is None and found[2] in _APPOSED_KINDS:
            name = _one_apposed(text[:end], found[2])
        if name is None and found[2] in _SHIPS:
            name = _one_ship(text[:end])
        if name is None and found[2] in _CALLED_KINDS:
            name = _one_called(text[:end], found[2])
        if name is None and found[2] in CALLED_BY:
            name = one_thing(text[:end], found[2])
        if name is None and found[2] == "club":
            # "the club's future" of the one "Castlebridge Rovers" the story named before
            clubs = clubs_named(text[:end])
            name = clubs.pop() if len(clubs) == 1 else None
        if name is None and found[2] == "party":
            # "the opposition Progressive Alliance": a party named by what it is in parliament
            parties = {m[1] for m in A_PARTY_DESCRIBED.finditer(text[:end])}
            name = parties.pop() if len(parties) == 1 else None
        if name is None or name in claim[: found.start()] or any(name in part for part in out):
            continue  # "Kvarnby Airport … after drones were seen over the airfield": named
        stop = found.end()
        if found[2] == "opera" and claim.startswith(" house", stop):
            stop += len(" house")  # "the opera house": the Royal Kessington Opera
        # "the Talvor-2 rocket", named by its kind, takes "the" however the story named it,
        # as does "the opposition Progressive Alliance"
        lower_kind = name.split()[-1].islower()
        described = found[2] == "party" and re.search(
            rf"[Tt]he[ \t]+[a-z]+[ \t]+{re.escape(name)}", text
        )
        article = "the " if lower_kind or described or written_with_the(name, text) else ""
        named = article + name
        if found[1] == "The":
            named = named[:1].upper() + named[1:]
        if bracketed:
            named = f"[{named}]"
        out.append(claim[last : found.start()] + named)
        last = stop
    return "".join(out) + claim[last:] if out else claim


# A name set right after a description, between commas or in quotation marks: "the
# developer, Calder Homes,", 'the film, "Ballast,"', "The program, called EB-5,".
_NAME_BESIDE = re.compile(
    r"[ \t]*,[ \t]*(?:(?:called|named|known[ \t]+as)[ \t]+"
    r"|which[ \t]+(?:[a-z]+[ \t]+){0,3}?(?:named|called|dubbed)[ \t]+"  # "which it has named"
    r"|[A-Z][\w'\u2019.&-]*(?:[ \t]+[A-Z&][\w'\u2019.&-]*)*[ \t]*,"
    r"|[\"\u201c][A-Z][^\"\u201c\u201d]{0,60}[\"\u201d])"  # 'The film, "Ballast,"'
)


def _one_called(text: str, kind: str) -> str | None:
    """The one name the text set right after or before ``kind`` ("drug Cardexa", "token,
    VLT", "Brightwater festival", "Brightwater Music Festival"), or beside it ("Cardexa, a
    heart-failure drug,"); None for none or several. A name is no day, month or sentence
    opening; one written before its kind keeps the kind ("the Brightwater festival")."""
    called: dict[str, str] = {}  # each name, by the words that tell it from another
    for m in re.finditer(
        rf"(?<![\w-]){kind}(?:,)?[ \t]+({_THINGS_NAME})(?![\w'\u2019-])(?![ \t]+[a-z]+ed\b)",
        text,
    ):
        following = text[m.end() : m.end() + 30].split()
        if following and following[0].strip(",.") in CUE_WORDS:
            continue  # "by the end of the film, DuVernay said": who speaks, no film's name
        called.setdefault(m[1], m[1])
    # (the kind ends the name: not "National Drug" of "the National Drug Regulator")
    before_kind = (
        rf"(?<![\w'\u2019-])({_THINGS_NAME}(?:[ \t]+[A-Z][\w'\u2019-]*)?)[ \t]+((?i:{kind}))\b"
        r"(?![ \t]+[A-Z])"
    )
    for m in re.finditer(before_kind, text):
        if re.search(r"[A-Z][\w'\u2019-]*[ \t]+$", text[max(0, m.start() - 30) : m.start()]):
            continue  # "Shores International Film Festival" of the Baltic Shores one
        if m[1].split()[0] not in _NOT_A_NAMES_START:
            called.setdefault(m[1], f"{m[1]} {m[2]}")
    for _, name in apposed_names(text, {kind}):
        called.setdefault(name, name)
    # "Brightwater festival" and "Brightwater Music Festival" are one festival
    cores = [c for c in called if not any(o != c and o.startswith(f"{c} ") for o in called)]
    return called[cores[0]] if len(cores) == 1 else None


def _one_ship(text: str) -> str | None:
    """The one ship the text names ("the MV Lindholm", "The Aurora Bay, a … vessel"); None
    for none or several. "the Lindholm" after "the MV Lindholm" is the same ship."""
    names = {m[1] for m in _SHIP_PREFIX.finditer(text)}
    names |= {name for _, name in apposed_names(text, set(_SHIPS) | {"container ship"})}
    bare = {re.sub(r"^\w+[ \t]+", "", name) for name in names if _SHIP_PREFIX.fullmatch(name)}
    names -= bare
    return names.pop() if len(names) == 1 else None


def _one_apposed(text: str, kind: str) -> str | None:
    """The one name the text set beside ``kind``; None for none or several."""
    names = {name for _, name in apposed_names(text, {kind, *KINDRED.get(kind, ())})}
    return names.pop() if len(names) == 1 else None


def _one_named(text: str, kind: str) -> str | None:
    title = kind.capitalize()
    # "University of Halden", "Office for Water Quality": the name goes on after "of"
    of_what = (
        r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019-]*"
        r"(?:[ \t]+[A-Z][\w'\u2019-]*){0,3})"
    )
    pattern = (
        rf"(?<![\w'\u2019.-])((?:(?:St|Ste|Saint|Sankt)\.?[ \t]+)?"  # "St. Aldric's …"
        rf"(?:[A-Z][\w&'\u2019-]*[ \t]+(?:(?:of|and|for|&)[ \t]+)?){{1,4}}"
        rf"{title}{of_what}?|{title}{of_what})(?![\w-])"
    )
    names = set()
    for match in re.finditer(pattern, text):
        if (
            text[match.start() - 1 : match.start()] == "("
            and text[match.end() : match.end() + 1] == ")"
        ):
            continue  # "PORTO VELHA, March 14 (Meridian Press Agency) -": the wire's credit
        words = match[1].split()
        while words and words[0] in _NOT_A_NAMES_START:
            words = words[1:]
        if len(words) > 3 and words[1] == "of" and words[0].endswith("s"):
            words = words[2:]  # "Customers of Northmere Bank were unable": the bank's customers
        name = " ".join(words)
        if name.count(title) > 1:
            # "Kellan University and Orrin University": two of them, not one
            names.update(part for part in re.split(r" and | & ", name) if title in part)
        elif len(words) > 1:
            names.add(name)
    # "the Ostrander Museum" is the "Ostrander Museum of Fine Art" named in full
    names = {name for name in names if not any(o.startswith(f"{name} ") for o in names)}
    return names.pop() if len(names) == 1 else None


_ROLE_IN_CLAIM = re.compile(
    # "the chef", "the health secretary" (a word that says which, then the role)
    rf"\b([Tt]he) ((?P<which>[a-z]+[ \t]+)?(?P<role>{'|'.join(PERSON_ROLES)})"
    rf"|\d{{1,3}}-year-old)(['\u2019]s)?\b"
    r"(?![ \t]+(?:of|for|at|in|general)\b)(?!-)"
)
# A word before a role that makes it another office: "the former president" is not the
# president the story names.
_ANOTHER_OFFICE = frozenset(
    {"former", "vice", "deputy", "acting", "assistant", "shadow", "ex", "late", "associate",
     "new", "next", "previous", "outgoing", "incoming", "interim"}
)  # fmt: skip


def people_named(text: str, claim: str, end: int | None = None) -> str:
    """ "A spokesperson for Ferraro said the chef was working with advisers": "Dominic
    Ferraro was …", when the text before ``end`` sets exactly one full name beside that
    role. A claim is read alone; two ministers named, or none, leave the words as written,
    and so does a role that says whose it is ("the minister of finance")."""
    if not _ROLE_IN_CLAIM.search(claim):
        return claim
    # only before any quotation mark: a speaker's words stay theirs, and a claim whose
    # outer marks were taken off may still be one
    marks = [claim.find(mark) for mark in QUOTE_MARKS if mark in claim]
    upto = min(marks, default=len(claim))
    out, last = [], 0
    for found in _ROLE_IN_CLAIM.finditer(claim, 0, upto):
        if re.match(
            r"[ \t]*,[ \t]*[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*)*,", claim[found.end() :]
        ):
            # "The prosecutor, Carrie Cohen,": named already, beside it (not "Pressed on
            # whether he had spoken to the striker, Brekke smiled")
            continue
        names = people_called(text[:end], found[2])
        which = (found["which"] or "").strip()
        if not names and which and which not in _ANOTHER_OFFICE and found["role"]:
            # "the new coach" of "Coach Ana Ruiz"; not "the former president" of "President X"
            names = people_called(text[:end], found["role"])
        if len(names) != 1:
            continue
        name = names.pop()
        if name in claim:
            # "The judge assigned to the case, U.S. District Judge Helen Marsh,", "Ban
            # Ki-moon, the secretary general": the claim names them already
            continue
        out.append(claim[last : found.start()] + name + (found[5] or ""))
        last = found.end()
    return "".join(out) + claim[last:] if out else claim


# "the company" or "the firm" inside a claim: not "the company Skyreach", named beside it.
_COMPANY_INSIDE = re.compile(r"\b(the|The) (company|firm)\b(?![ \t]+[A-Z])(?!-)")


def company_named(
    text: str,
    sentence: Sentence,
    claim: str,
    resolver: Resolver,
    speakers: Speakers,
    said: bool,
) -> str:
    """ "Workers would wait years because the company could drag this out": Parcelway Inc.,
    as "the company said" would be read at that point of the story, when the story has
    shown it to be a body; bracketed inside a quotation, as ``kinds_named`` does. A
    company the story has not named, a reading that gives no name, or another company the
    story shows to be one leave the words."""
    # (a claim of the writer's that opens with it is ``subject_named``'s)
    found = [m for m in _COMPANY_INSIDE.finditer(claim) if said or m.start() > 0]
    if not found:
        return claim
    before = text[max(0, sentence.start - 600) : sentence.start]
    reading = speakers.subject_meant(resolver, f"the {found[0][2]}", before)
    name = (reading.name or reading.proposed_name or "") if reading is not None else ""
    if not name or is_description(name) or name in claim:
        return claim
    named = companies_named(text[: sentence.end])
    if named - {name, name.rstrip(".")}:
        return claim  # another company the story names: which one, a wrong name would hide
    if not {name, name.rstrip(".")} & companies_named(text, surely=True):
        return claim  # nothing shows it is a company: "Denise Okafor, a forklift operator"
    if written_with_the(name, text):
        name = f"the {name}"
    first = found[0]  # once: "… the company … the company" names it at its first
    quoted = [(a, b) for a, b in quotations(claim, 0, len(claim)) if b is not None]
    if said or any(a <= first.start() < b for a, b in quoted):
        name = f"[{name}]"
    return claim[: first.start()] + name + claim[first.end() :]


# A person's pronoun inside the writer's own claim, past its opening: "him", and "her" as
# an object ("accused her of", "told her"), not "her office"; not "his", which "My father
# began his studies" shows may be anyone's the claim speaks of.
_HIM_OR_HIS = re.compile(
    r"(?<=\S )\b(?:(him)|(her)(?=[ \t]+(?:of|to|for|with|in|on|at|as|from|by|over)\b|[,.;]))\b"
)


def him_named(text: str, start: int, claim: str, resolver: Resolver) -> str:
    """ "Viktor Hallam resigned …, two weeks after a group of musicians accused him of
    bullying": the writer's claim "A group of musicians accused him of bullying" names
    Viktor Hallam, the one person the sentence names before it (``start``: where the
    claim's words begin in ``text``). Only in a claim of the writer's, and only where the
    claim names nobody else; the first "him" or "his" only."""
    found = _HIM_OR_HIS.search(claim)
    if found is None or any(mark in claim[: found.start()] for mark in QUOTE_MARKS):
        return claim
    opens = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "? ", "! ")))
    reading = one_person_in(resolver, text[opens + 1 : start], introduced=False)
    name = (reading.name or reading.proposed_name or "") if reading is not None else ""
    if (
        len(name.split()) < 2
        or name.split()[-1] in claim
        or re.search(r"[A-Z][a-z]+[ \t]+[A-Z][a-z]+", claim)
    ):
        return claim  # someone named in the claim, whom "him" may well be
    return claim[: found.start()] + name + claim[found.end() :]
