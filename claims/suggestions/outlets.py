"""The outlets a sentence names between a speaker and the article: the newspaper told, the
agency quoted by, the programme spoken on, the paper that saw a document.

Such an outlet is a hop of the chain, not the speaker and not part of what was said: "Kovacs
told the Rheinische Landeszeitung that A" is A on Kovacs's word through that newspaper. The
attribution model finds speakers and contents; what lies between them, and what the article
calls "the newspaper" later, is read here from the words around the cue, and the outlets
noted (``Speakers``) so that a later "told the paper" is the one named before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claims.resolution import SEEN_BY, TIME_WORD, Resolution
from claims.sentences import Sentence
from claims.suggestions.attribution import Attribution
from claims.suggestions.citation import NEWS_ORGANISATIONS
from claims.suggestions.lexicon import PAPER_NAME_WORDS
from claims.suggestions.proposal import source_hop
from claims.suggestions.speakers import MEDIA_KINDS, Speakers
from claims.text import fold_name

# An outlet's name: capitalised words, with the particles of foreign titles ("Bild am
# Sonntag", "El País"), and what may follow it ("the BBC's Today programme", "Deutschlandfunk
# radio", "the Funke media group").
OUTLET_NAME = (
    r"[A-Z][\w.&'\u2019/-]*(?:\s+(?:(?:am|of|de|del|della|dello|der|des|di|du|el|la|le|van|von)\s+)?"
    r"(?:[A-Z][\w.&'\u2019/-]*|\d{1,3}\b)){0,4}"  # "NBC Radio 1"
    r"(?:\s+(?:programme|program|podcast|show|newspaper|magazine|channel|radio|television|TV"
    r"|media\s+group|broadcaster|daily|news\s+site|news\s+website|website"
    # what kind of print, after the name: "the Property Weekly trade magazine" (a station's
    # "morning programme" is the station's: not here)
    r"|(?:trade|industry|business|financial|local|regional|national|online|weekly|monthly"
    r"|student|satirical|investigative|medical|science|technology|tech|fashion|political)"
    r"\s+(?:magazine|newspaper|journal|website|publication)))?"
)
# What the article calls it before its name: "the German newspaper Bild am Sonntag", "the
# broadcaster ZDF", "the Spanish daily AS"; the name is an outlet's, known or not.
_OUTLET_KINDS = (
    r"(?:newspaper|daily|paper|tabloid|weekly|magazine|broadcaster|news\s+agency|news\s+site"
    r"|news\s+website|radio\s+station|TV\s+station|television\s+station|station|channel"
    r"|network|website|site|outlet|publication|blog)"
)
_DESCRIBED_OUTLET = rf"(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_OUTLET_KINDS}\s+"
_OUTLET = rf"(?:(?P<described>{_DESCRIBED_OUTLET})(?P<name>{OUTLET_NAME})|(?:the\s+)?{OUTLET_NAME})"
TOLD = re.compile(
    rf"\s+(?P<who>{_OUTLET})"
    # what the article says it is, set off after it: "told Le Progrès, a regional newspaper,"
    rf"(?:,\s+(?P<apposed>(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?{_OUTLET_KINDS}[^,]{{0,40}}),)?"
    # what follows the outlet: "that", a time, punctuation, or a clause opening without
    # "that" ("told CNN the president had been briefed"); not "told EU ministers"
    r"(?=\s+(?:that|on|in|at|last|this|earlier|late|today|yesterday|the|a|an|he|she|it|they"
    r"|we|i|his|her|its|their|there|no|some|most|all|after|before|during|when|while|as|how"
    r"|what|whether)\b|\s*[,.;:\"\u201c]|\s*$)"
)
TOLD_STATE = re.compile(
    r"\s+(?P<who>(?:the\s+)?(?:state|state-run|state-owned|public|national)\s+"
    r"(?:television|TV|radio|broadcaster|media|news\s+agency))\b"
)
TOLD_A_SHOW = re.compile(
    r"\s+(?P<who>[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3})['\u2019]s\s+"
    r"(?:[a-z-]+\s+){0,2}(?:programme|program|show|podcast|bulletin|broadcast)\b"
)
_INTERVIEW = re.compile(
    r"\s+in\s+(?:an\s+interview\s+(?:(?:published|broadcast|aired)\s+[\w\s]{0,30}?)?with"
    # "said in an email to the Chronicle that", "in a statement to Reuters"
    r"|(?:an?|his|her|their|its)\s+(?:emailed\s+|written\s+|brief\s+)?"
    r"(?:e-?mail|statement|message|text\s+message|letter)(?:\s+(?:e-?mailed|sent))?\s+to)"
    rf"\s+(?P<who>{_OUTLET})"
)
_PUBLISHED_IN = {"reported", "reports", "wrote", "writes", "writing", "published", "said", "says"}
_IN_PUBLICATION = re.compile(
    r"\s+in\s+(?P<who>(?:the\s+)?(?P<described>(?:(?:medical|scientific)\s+)?journal\s+)?"
    r"(?P<name>[A-Z][\w.&'\u2019-]*(?:\s+(?:of|[A-Z][\w.&'\u2019-]*)){0,5}))"
)
TELLS = re.compile(r"(?:told|tells|telling)$", re.IGNORECASE)
LISTENER_THAT = re.compile(rf"(?:{_OUTLET})\s+that\s+")
LISTENER = re.compile(rf"(?:{_OUTLET})\s+(?=[a-z])")
# What the listener is, said after its name: "told KHRL, a television station in Bend, that".
APPOSED_THAT = re.compile(r"(?:a|an|the)\s+[^,.;\"\u201c]{1,60},\s+that\s+")
_WRITING_IN = re.compile(
    r"\s*[\"\u201c]?(?:(?:Writing|Speaking)\s+(?:in|on|to)\s+|In\s+)"
    # "Speaking to Spanish radio station Cadena Norte on Monday night,"
    rf"(?:(?P<described>{_DESCRIBED_OUTLET})(?P<name>{OUTLET_NAME})|"
    r"(?P<who>(?:the\s+|The\s+)?[A-Z][\w.&'\u2019-]*(?:\s+(?:of|[A-Z][\w.&'\u2019-]*)){0,4}"
    # "Speaking on ABC Radio National's Breakfast program,"
    r"(?:\s+(?:program|programme|show|podcast))?))"
    # "Speaking on BBC Radio Hartington on Thursday morning,"
    rf"(?:\s+(?:on|last|this|early|late)\s+{TIME_WORD}(?:\s+{TIME_WORD})?)?"
    r"\s*,"
)
# The same, set off beside the speaker: "Okafor, speaking to the state radio station Voice
# of Kessary later on Tuesday, said"; '"A," said Janet Crowley, speaking to the Gazette.'
# "speaking to Ostrelian state television before leaving the building": an unnamed outlet
_SPEAKING_TO_STATE = re.compile(
    r"\s*,?\s*(?:speaking|talking)\s+(?:to|on)\s+(?P<who>(?:the\s+)?(?:[A-Z][\w-]*\s+)?"
    r"(?:state|state-run|state-owned|public|national)\s+(?:television|TV|radio|broadcaster))\b"
)
_SPEAKING_ASIDE = re.compile(
    r"\s*,?\s*(?:(?:speaking|writing|talking)\s+(?:to|in|on|with)"
    # "speaking from her hospital bed to the Dauphine Courier"
    r"|(?:speaking|talking)\s+(?:from|at|outside|by)\s+(?:[\w'\u2019-]+\s+){1,4}?to"
    # "A Dashly spokesperson, in an email to the Portmaine Daily, said"
    r"|in\s+an?\s+(?:emailed\s+)?(?:e-?mail|statement|interview|message)\s+(?:to|with))\s+"
    rf"(?:(?P<described>{_DESCRIBED_OUTLET})(?P<name>{OUTLET_NAME})|(?P<who>(?:the\s+)?"
    # (then how or when, up to the comma: "on Tuesday", "on condition of anonymity")
    rf"{OUTLET_NAME}))(?=(?:\s+[a-z][\w-]*(?:\s+{TIME_WORD})?){{0,6}}\s*(?:,|\.|$))"
)
_PARTICIPLE_AT_END = re.compile(r",?\s*(?:speaking|writing|talking)\s*$")
# Where a speaker's words appeared, said before the speaker: "In an interview with Corriere
# della Sera, …", "In an open letter published by La Repubblica on Sunday, …".
_FRONTED = re.compile(
    r"\s*[\"\u201c]?In\s+(?:an?|his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:interview|letter|op-ed|opinion\s+piece|column|article|essay|commentary|editorial"
    r"|e-?mail|statement|message)"
    r"(?:\s+(?:published|broadcast|aired|posted|printed)(?:\s+(?:on|last|this)\s+\w+)?)?"
    rf"\s+(?:with|in|by|on|to|for)\s+(?P<who>{_OUTLET})"
    r"(?:\s+(?:on|last|this)\s+\w+)?\s*,"
)
_OUTLET_WORDS = {
    "news", "times", "post", "journal", "newspaper", "agency", "tv", "radio", "gazette",
    "herald", "tribune", "telegraph", "chronicle", "courier", "observer", "programme",
    "program", "podcast", "channel", "magazine", "media", "broadcaster", "television",
    "lancet", "nature", "science", "bmj", "jama", "medicine", "review", "atlantic",
    "record", "mail", "mirror", "express", "standard", "scotsman", "newswire", "wire",
    "press", "corriere", "giornale", "diario", "kurier", "tageblatt", "rundschau", "daily",
    "noviny", "zeitung", "presse", "gazeta", "gazzetta", "dagblad", "avisen", "noticias",
    "notícias", "nouvelles", "courant", "dnevnik", "novosti", "vesti", "echo", "sun",
    "globe", "inquirer", "examiner", "sentinel", "bulletin", "dispatch", "advertiser",
    "argus", "clarion", "enquirer", "messenger", "spectator", "star", "weekly", "monthly",
    "digest", "ledger",
}  # fmt: skip


def outlet_told(
    text: str,
    sentence,
    attribution: Attribution,
    resolver,
    speakers: Speakers | None = None,
    speaker: Resolution | None = None,
) -> dict | None:
    """The outlet a speaker told ("Koval told Reuters that A", "said in an interview with
    CNN"): the words went through it, a hop after the speaker's (folded away where the
    article is that outlet's own). A person or a body told ("told Orban", "told
    reporters", "told parliament") is no hop. "Told the magazine" is the outlet this
    speaker was last said to have told (``speakers.outlets``)."""
    hop = _outlet_named_here(text, sentence, attribution, resolver)
    key = fold_name((speaker.name or speaker.proposed_name or "") if speaker else "")
    if speakers is None or not key:
        return hop
    if hop is not None:
        speakers.outlets[key] = hop
        note_last_outlet(speakers, hop, sentence.end)
        return hop
    told = _TOLD_THE_OUTLET.match(text, attribution.cue[1], sentence.end)
    cue = text[attribution.cue[0] : attribution.cue[1]].lower().split()[-1:]
    told = told if cue in (["told"], ["tells"], ["telling"]) else None
    recent = _recent_outlet(text, sentence, speakers)
    if told is not None and key not in speakers.outlets:
        if recent is not None:  # told or reporting in one of the two sentences just before
            hop = {**recent, "evidence_start": told.start("noun")}
            hop["evidence_end"] = told.end("noun")
    elif told is not None and key in speakers.outlets:
        hop = {**speakers.outlets[key], "evidence_start": told.start("noun")}
        hop["evidence_end"] = told.end("noun")
    elif cue == ["quoted"] and key in speakers.outlets and not _BY.match(text, attribution.cue[1]):
        # "Solberg told the newspaper Abendkurier that A. 'B,' he was quoted as saying": by
        # that newspaper, as no other is named
        hop = {**speakers.outlets[key], "evidence_start": attribution.cue[0]}
        hop["evidence_end"] = attribution.cue[1]
    elif cue in (["added"], ["adds"], ["continued"]) and key in speakers.outlets:
        # "Kerrin was quoted by RTV as saying A. He added that B": B went through RTV too,
        # when the sentence just before passed the speaker's words through it
        recent = _recent_outlet(text, sentence, speakers)
        outlet = speakers.outlets[key]
        if recent is not None and recent.get("name") == outlet.get("name"):
            hop = {**outlet, "cue": None, "evidence_start": attribution.cue[0]}
            hop["evidence_end"] = attribution.cue[1]
    elif (
        key in speakers.outlets
        and attribution.source is not None
        and _ONE_OF_THEM.match(text, attribution.source[0], attribution.source[1])
        and (recent := _recent_outlet(text, sentence, speakers)) is not None
        and recent.get("name") == speakers.outlets[key].get("name")
    ):
        # "Two government sources told the Clarion that A. One of them said B": B went
        # through the Clarion too, the paper the sentence before passed their words through
        hop = {**speakers.outlets[key], "cue": None, "evidence_start": attribution.source[0]}
        hop["evidence_end"] = attribution.source[1]
    return hop


_ONE_OF_THEM = re.compile(r"(?i:one|two|another|both|some)\s+of\s+(?:them|those)\b")
_BY = re.compile(r"\s+by\b")
# '"A," Aalto was quoted as saying by the magazine Archaeology Today'
_AS_SAYING_BY = re.compile(rf"\s+as\s+saying\s+by\s+(?P<who>{_OUTLET})")
# A statement the sentence's speaker made: "said in a statement", "issued a short statement".
IN_A_STATEMENT = re.compile(
    r"\b(?:in|issued|released|read|published|put\s+out)\s+a\s+(?:[\w-]+\s+){0,2}statement\b"
)


_SENTENCE_ENDS = re.compile(r"[.!?][\"'\u201d\u2019]?\s")
# "told the magazine", "told the paper": the outlet named before, as "he" is the person
_TOLD_THE_OUTLET = re.compile(
    r"\s+the\s+(?P<noun>magazine|paper|newspaper|daily|broadcaster|station|channel|programme"
    r"|program|network|website|outlet)\b"
)


def outlet_just_before(
    text: str, sentence: Sentence, attribution: Attribution, speakers: Speakers
) -> dict | None:
    """ "According to the newspaper", a sentence or two after "the Vessmark Tribune
    published what it said was an internal audit": that newspaper, not the article's own."""
    noun = fold_name(attribution.source_text(text) or "").split()[-1:]
    if noun not in (["newspaper"], ["paper"], ["daily"], ["tabloid"], ["weekly"], ["magazine"]):
        return None
    recent = _recent_outlet(text, sentence, speakers)
    # a paper by its name ("Tribune", "Herald"); "told Record" may be any outlet's
    named = set(fold_name(recent.get("name") or "").split()) if recent else set()
    return recent if named & _PAPER_WORDS else None


def _recent_outlet(text: str, sentence: Sentence, speakers: Speakers) -> dict | None:
    """The outlet last told, reporting or named, if in one of the two sentences before."""
    last = speakers.last_outlet
    if last is None or len(_SENTENCE_ENDS.findall(text, last[1], sentence.start)) > 1:
        return None
    return last[0]


def note_last_outlet(speakers: Speakers, hop: dict, end: int) -> None:
    """Keep ``hop`` as whom anyone may next have "told the paper": not how it passed words
    on ("reported", "seen"), which the later hop does not share."""
    speakers.last_outlet = ({**hop, "cue": None, "cue_start": None, "cue_end": None}, end)


# A newspaper named by a word that ends its name ("Vessmark Tribune", "Southern Herald"); a
# journal's ("New England Journal of Medicine") is a study's paper, not a newspaper, alone.
A_PAPER_NAMED = re.compile(
    rf"\b(?:the\s+)?((?:[A-Z][\w'\u2019&-]*\s+){{1,3}}(?:{'|'.join(PAPER_NAME_WORDS)}))\b"
)
_PAPER_WORDS = frozenset(word.lower() for word in PAPER_NAME_WORDS) | {
    "journal", "daily", "avisen", "newspaper", "weekly", "guardian", "independent"
}  # fmt: skip


def note_outlets(hops: list[dict], resolver, speakers: Speakers, end: int) -> None:
    """Note the outlet a speaker's words went through ("According to the FT, which cited two
    people familiar with the matter"), so that "One of the people told the newspaper" later
    is through it, as a "told" outlet is (``outlet_told``); and, as the outlet last named,
    for anyone's "told the newspaper" soon after ("…, the Southern Herald reported, citing
    officials. … '…,' he told the newspaper")."""
    if hops and hops[0].get("name") and an_outlet(hops[0], resolver):
        # an outlet speaking itself: "the Vessmark Tribune published what it said was …"
        note_last_outlet(speakers, hops[0], end)
    for hop, then in zip(hops, hops[1:], strict=False):
        key = fold_name(hop.get("name") or "")
        if not key or not then.get("name"):
            continue
        if an_outlet(then, resolver):
            speakers.outlets.setdefault(key, dict(then))
            note_last_outlet(speakers, then, end)


def an_outlet(hop: dict, resolver) -> bool:
    known = hop.get("source_id")
    if known:
        return resolver.kinds.get(known) in MEDIA_KINDS
    # "the Munich newspaper Süddeutsche Abendpost": what the article calls it
    return an_outlet_by_name(hop["name"]) or _described_as_outlet(resolver.text, hop["name"])


def _outlet_named_here(text: str, sentence, attribution: Attribution, resolver) -> dict | None:
    cue = text[attribution.cue[0] : attribution.cue[1]].lower().split()
    if not cue:
        return None
    end = sentence.end
    found = None
    if cue[-1] in ("told", "tells", "telling"):
        found = TOLD.match(text, attribution.cue[1], end)
        state = None if found is not None else TOLD_STATE.match(text, attribution.cue[1], end)
        if state is not None:  # "Temirov told state television": a hop, though unnamed
            return outlet_hop(text, state.span("who"), resolver, described=True)
        show = None if found is not None else TOLD_A_SHOW.match(text, attribution.cue[1], end)
        if show is not None:  # "told BNC Radio's morning programme": through BNC Radio
            return outlet_hop(text, show.span("who"), resolver)
    if found is None:
        found = _INTERVIEW.match(text, attribution.cue[1], end)
    source = attribution.source
    if found is None and source is not None and source[0] > attribution.cue[0]:
        # '"A," said Gabriela Sosa, a researcher, in an interview with the newspaper …'
        after = source[1] + (text[source[1] : source[1] + 1] == ",")
        found = _INTERVIEW.match(text, after, end)
    if found is None and cue[-1].endswith("ing"):
        # "Sepp defended the plan in an interview with the daily Handelsblatt, saying A"
        after = attribution.source[1] if attribution.source is not None else sentence.start
        found = _INTERVIEW.search(text, after, attribution.cue[0])
    if found is None and cue[-1] in _PUBLISHED_IN:
        found = _IN_PUBLICATION.match(text, attribution.cue[1], end)  # "reported in the Lancet"
    if found is None and attribution.source is not None:
        # "Writing in The New York Times, critic Dwight Garner called …", "In The Atlantic,
        # however, the critic Hannah Lee argued": where the words appeared, said first
        found = _WRITING_IN.match(text, sentence.start, attribution.source[0]) or _FRONTED.match(
            text, sentence.start, attribution.source[0]
        )
    if found is None and source is not None:
        # "Okafor, speaking to the state radio station Voice of Kessary, said"
        # (the tagger's source may hold the participle: "Edna Price, a teacher, speaking")
        cut = _PARTICIPLE_AT_END.search(text, *source)
        after = cut.start() if cut is not None else source[1]
        aside = (after, attribution.cue[0]) if source[0] < attribution.cue[0] else None
        if aside is None:
            aside = (after - (text[after - 1 : after] == ","), end)
        found = _SPEAKING_ASIDE.match(text, *aside)
        state = None if found is not None else _SPEAKING_TO_STATE.match(text, *aside)
        if state is not None:  # "Kravec, speaking to Ostrelian state television …, said"
            hop = outlet_hop(text, state.span("who"), resolver, described=True)
            if hop is not None and not hop.get("source_id"):
                hop["name"] = re.sub(r"^the\s+", "", state["who"])  # not "Ostrelian" alone
            return hop
    if found is None and cue[-1] in ("said", "says", "saying", "spoke", "speaking"):
        found = _ON_AIR.match(text, attribution.cue[1], end)  # "said on RTÉ's Morning Ireland"
    if found is None and attribution.cue[1] <= attribution.content[0]:
        # "said in a statement cited by Reuters that A": the statement went through Reuters
        found = _SEEN_BY.search(text, attribution.cue[1], attribution.content[0])
        if found is None:
            # "said in a statement sent to AFP that A"
            found = _SENT_TO.search(text, attribution.cue[1], attribution.content[0])
        if found is not None:
            return _passed_by(text, found, resolver)
    if found is None and attribution.content[0] < attribution.cue[0]:
        # (the words may go on past the cue, in the quotation of the next sentence)
        # '"A," an analyst said, as quoted by the SITA news agency.'
        after = max(attribution.cue[1], (attribution.source or attribution.cue)[1])
        quoted = _AS_QUOTED_BY.match(text, after, end)
        if quoted is not None:
            return _passed_by(text, quoted, resolver)
        # "A, the secretary confirmed in a letter to members seen by the Sports Tribune."
        seen = _IN_A_DOCUMENT_SEEN.match(text, after, end)
        if seen is not None:
            return outlet_hop(text, seen.span("who"), resolver, seen.span("how"))
    if found is None and attribution.cue[1] <= attribution.content[0]:
        # "said its members had begun contacting patients, as first reported by the trade
        # magazine Pharmacy Weekly": the words went through the magazine
        reported = _AS_QUOTED_BY.match(text, attribution.content[1], end)
        if reported is not None:
            return _passed_by(text, reported, resolver)
    if found is None and cue[-1] == "quoted":
        # '"A," Aalto was quoted as saying by the magazine Archaeology Today'
        said_by = _AS_SAYING_BY.match(text, attribution.cue[1], end)
        if said_by is not None:
            quoted = (attribution.cue[1] - len("quoted"), attribution.cue[1])
            described = said_by["described"] is not None
            span = said_by.span("name") if described else said_by.span("who")
            return outlet_hop(text, span, resolver, quoted, described=described)
    if found is None:
        return None
    if found.groupdict().get("described") is not None:
        return outlet_hop(text, found.span("name"), resolver, described=True)
    if found.groupdict().get("apposed") is not None:
        return outlet_hop(text, found.span("who"), resolver, described=True)
    return outlet_hop(text, found.span("who"), resolver)


def _passed_by(text: str, found: re.Match, resolver) -> dict | None:
    """The hop of the outlet a match names (``who``), or names after saying what it is
    ("quoted by the German news agency dpa": ``described``, ``name``), cued by ``how``."""
    if found.groupdict().get("described") is not None:
        return outlet_hop(text, found.span("name"), resolver, found.span("how"), described=True)
    return outlet_hop(text, found.span("who"), resolver, found.span("how"))


def outlet_hop(
    text: str,
    span: tuple[int, int],
    resolver,
    cue: tuple[int, int] | None = None,
    *,
    described: bool = False,
) -> dict | None:
    """A hop for the outlet named at ``span``, through which the words passed, cued by
    how ("quoted", "seen") where the text says it; None when what is named is no outlet.
    ``described``: the text says it is one ("the German newspaper Bild am Sonntag")."""
    if text[span[1] - 1 : span[1]] == "." and text[span[1] - 2 : span[1] - 1].islower():
        span = (span[0], span[1] - 1)  # the sentence's full stop: "in the journal Nature."
    surface = text[slice(*span)]
    resolution = resolver.resolve(surface)
    if described:
        if not resolution.resolved and resolution.why.startswith("a description"):
            # "the German news agency dpa": a name, whatever its case, the text says whose
            resolution = replace(
                resolution, why="no known source by this name", proposed_name=surface.strip()
            )
    elif resolution.resolved:
        if resolver.kinds.get(resolution.source_id) not in MEDIA_KINDS:
            return None
    elif not an_outlet_by_name(surface) and not _described_as_outlet(text, surface):
        return None
    how = text[slice(*cue)] if cue is not None else None
    return source_hop(how, cue, span, resolution)


def _described_as_outlet(text: str, surface: str) -> bool:
    """Whether the article says elsewhere what kind of outlet a name is: "the technology
    news site CircuitBeat" makes "in an email to CircuitBeat" a hop."""
    name = re.sub(r"^(?:the|The)\s+", "", surface.strip())
    if not name[:1].isupper():
        return False
    return re.search(rf"{_DESCRIBED_OUTLET}{re.escape(name)}(?![\w'\u2019-])", text) is not None


def an_outlet_by_name(surface: str) -> bool:
    """Whether a name nobody has recorded is an outlet's by its look: an acronym ("CNN",
    "BBC Sport"), a news organisation we know of, or a word outlets' names hold ("Daily",
    "Radio", "Zeitung")."""
    words = fold_name(surface).split()
    name = surface.removeprefix("the ").strip()
    first = name.split()[0] if name.split() else ""
    # "CNN", and a channel of one: "BBC Sport", "CNN International"
    acronym = first.isupper() and 2 <= len(first) <= 5 and len(name.split()) <= 3
    owner = re.sub(r"['\u2019]s$", "", first)
    if owner != first and owner.isupper() and 2 <= len(owner) <= 5:
        acronym = True  # a broadcaster's programme: "RTÉ's Morning Ireland"
    known = name.casefold() in NEWS_ORGANISATIONS
    # a compound's last part: "Landeszeitung", "Abendblatt", "Morgenpost"
    compound = any(len(word) > 7 and word.endswith(_OUTLET_ENDINGS) for word in words)
    return acronym or known or compound or bool(set(words) & _OUTLET_WORDS)


_OUTLET_ENDINGS = ("zeitung", "blatt", "post", "kurier", "anzeiger", "rundschau", "presse")


# Where words were broadcast: "said on RTÉ's Morning Ireland that", "said on CNN's State of
# the Union on Sunday".
_ON_AIR = re.compile(
    r"\s+on\s+(?P<who>[A-Z][\w.&'\u2019/-]*(?:\s+(?:of|the|[A-Z][\w.&'\u2019/-]*)){0,5})"
    r"(?=\s+(?:that|on|in|last|this|earlier)\b|\s*[,.;:])"
)
# '…, an analyst said, as quoted by the SITA news agency.'
_AS_QUOTED_BY = re.compile(
    r"\s*,?\s*as\s+(?:first\s+|originally\s+|earlier\s+)?(?P<how>quoted|cited|reported)\s+by\s+"
    # "as first reported by the trade magazine Pharmacy Weekly"
    rf"(?:(?P<described>{_DESCRIBED_OUTLET})(?P<name>{OUTLET_NAME})"
    r"|(?P<who>(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3}"
    r"(?:\s+(?:news\s+agency|newswire|agency|newspaper|daily|website|broadcaster))?))"
)
# A statement sent to an outlet: "said in a statement sent to AFP that A".
_SENT_TO = re.compile(
    r"\b(?P<how>sent|emailed|e-mailed|given|provided|released)\s+to\s+"
    r"(?P<who>(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,4})"
)
# How a document reached an outlet, other than seen by it.
_PASSED_TO = r"shared\s+with|leaked\s+to|sent\s+to|passed\s+to|provided\s+to|given\s+to"
_SEEN_BY = re.compile(
    rf"\b(?P<how>{'|'.join(sorted(SEEN_BY))})\s+by\s+"
    # "quoted by the German news agency dpa": said to be an outlet, whatever its name's case
    rf"(?:(?P<described>{_DESCRIBED_OUTLET})(?P<name>[\w.&'\u2019-]+(?:\s+[A-Z][\w.&'\u2019-]*){{0,4}})"
    # "cited by the daily La Prensa Central": what the outlet is may come before its name
    r"|(?P<who>(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}[A-Z][\w.&'\u2019-]*"
    r"(?:\s+[A-Z][\w.&'\u2019-]*){0,4}))"
)

# (whom it was told before it: "Salvane told staff in an internal memo, which was shared with
# the Castrel Herald.")
_IN_A_DOCUMENT_SEEN = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}?\s+in\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,4}?"
    r"[\w-]+(?:,?\s+(?:which|that)\s+(?:was|were|had\s+been|has\s+been))?\s+"
    rf"(?P<how>(?:{'|'.join(sorted(SEEN_BY))})\s+by|{_PASSED_TO})\s+"
    r"(?P<who>(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,4})\W*$"
)


def outlet_seen(text: str, span: tuple[int, int], resolver) -> dict | None:
    """The outlet that saw what a source is ("documents seen by Reuters"): the documents
    say it, through the outlet, a hop after them (folded away in the outlet's own copy)."""
    found = _SEEN_BY.search(text, span[0], span[1]) or _REPORTED_BY.search(text, span[0], span[1])
    return _passed_by(text, found, resolver) if found else None


# "Figures from Price Bailey, reported by the trade magazine Caterer Weekly, show": the
# figures reached the article through the magazine.
_REPORTED_BY = re.compile(
    r"\b(?P<how>reported|published)\s+by\s+"
    r"(?P<who>(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,4})"
)
