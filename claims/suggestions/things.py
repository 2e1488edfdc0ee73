"""Things a story names once, with what they are, and calls by that after: "the Talvor-2
rocket" … "the rocket's second stage", "the San Lorenzo viaduct" … "the bridge", "the
Varna Sea Open chess tournament" … "the event", "the Ekdal Collection" … "the
collection"; and the "It" that opens the sentence after one ("The Orion-3 satellite was
built by … It cost 410 million euros").

A claim is stored to be read alone, and "the bridge gave way" says nothing without the
story. A thing is read only where the text before names exactly one of that kind: two
satellites, or none, leave the words as written, a description the reviewer completes
rather than a wrong name they must notice.
"""

from __future__ import annotations

import re

from claims.suggestions.appositions import apposed_names
from claims.suggestions.lexicon import AUXILIARIES, CUE_WORDS

# What a story may call a thing after naming it, and the kinds of thing each word may
# stand for: "the bridge" is the viaduct named before, "the event" the tournament.
_BRIDGES = ("bridge", "viaduct", "overpass", "flyover")
_EVENTS = (
    "tournament", "championship", "championships", "festival", "conference", "summit",
    "fair", "exhibition", "expo", "marathon", "olympiad", "concert", "gala",
)  # fmt: skip
# Not "the race" or "the contest": a campaign's, which a story names several of ("the
# Democratic race", "the race for delegates") and means by neither.
_SPACECRAFT = ("satellite", "spacecraft", "probe", "telescope", "lander", "rover")
_AIRCRAFT = ("aircraft", "plane", "jet", "airliner", "helicopter", "drone")
_ARTWORKS = ("painting", "canvas", "portrait", "fresco", "mural", "work", "artwork", "sculpture")
_SHIPS = ("ship", "vessel", "ferry", "liner", "tanker", "freighter", "trawler", "yacht")
_FIRES = ("fire", "blaze", "wildfire")
_PHONES = ("phone", "phones", "smartphone", "smartphones", "handset", "handsets")
CALLED_BY: dict[str, tuple[str, ...]] = {
    **{word: _BRIDGES for word in _BRIDGES},
    **{word: (word,) for word in _EVENTS},
    "event": _EVENTS,
    "tournament": ("tournament", "championship", "championships"),
    **{word: _SPACECRAFT for word in _SPACECRAFT},
    **{word: _AIRCRAFT for word in _AIRCRAFT},
    "rocket": ("rocket", "launcher"),
    "launcher": ("rocket", "launcher"),
    **{word: _ARTWORKS for word in _ARTWORKS},
    "collection": ("collection",),
    "scheme": ("scheme",),
    "programme": ("programme", "program"),
    "program": ("programme", "program"),
    "fund": ("fund",),
    "initiative": ("initiative",),
    "development": ("development",),
    "pipeline": ("pipeline",),
    "dam": ("dam",),
    "park": ("park",),
    **{word: _FIRES for word in _FIRES},
    # "the race" of "the Harbour City Marathon" (not a campaign's: see ``_EVENTS``)
    "race": ("marathon", "half-marathon", "triathlon", "regatta", "tour"),
    **{word: _SHIPS for word in _SHIPS},
    **{word: (word,) for word in ("pavilion", "hall", "gallery", "cathedral", "palace")},
    "building": ("building", "pavilion", "hall", "tower"),
    **{word: (word,) for word in ("strait", "river", "lake", "island", "canal", "channel")},
    # bodies a story calls by their kind, as it does things: "the Calder Symphony
    # Orchestra" … "the orchestra", "the United Logistics Workers union" … "the union"
    # (not "the court", "the museum": a story names a higher court it does not mean, and
    # "the National Museum of African American History" goes on past its kind)
    "orchestra": ("orchestra", "philharmonic"),
    **{word: (word,) for word in ("ballet", "opera", "choir")},
    "theatre": ("theatre", "theater"),
    "theater": ("theatre", "theater"),
    "union": ("union",),
    "airport": ("airport", "airfield"),
    "airfield": ("airport", "airfield"),
    "city": ("city",),
    "town": ("town",),
    "village": ("village",),
    "tunnel": ("tunnel",),
    "reactor": ("reactor",),
    "refinery": ("refinery",),
    "mine": ("mine",),
    "stadium": ("stadium", "arena"),
    "arena": ("stadium", "arena"),
    "tower": ("tower", "skyscraper"),
    "train": ("train",),
    "device": ("device", "phone", "phones", "smartphone", "handset", "laptop", "tablet"),
    **{word: _PHONES for word in _PHONES},
    "memoir": ("memoir", "book"),
    "novel": ("novel", "book"),
    "book": ("book", "memoir", "novel"),
    "documentary": ("documentary", "film"),
    "film": ("film", "documentary", "movie"),
    "movie": ("film", "movie"),
    "treaty": ("treaty", "accord", "agreement"),
    "accord": ("treaty", "accord", "agreement"),
    "bill": ("bill", "act"),
    "law": ("law", "act"),
}
# A name's words: capitalised, no day or month, and no word that opens a sentence rather
# than a name; "Orion-3", "Sea Open", "Homebuyers'".
_PLACES = ("city", "town", "village")
_NOT_A_NAMES_WORD = (
    r"(?!(?:The|A|An|On|In|At|By|For|But|And|Its|Their|His|Her|This|That|No|Not|Some|Any"
    r"|All|Each|Every|Many|Most|One|Two|Three|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b)"
)
_WORD = rf"{_NOT_A_NAMES_WORD}[A-Z][\w\u2019'-]*"
_NAME = rf"{_WORD}(?:[ \t]+(?:of[ \t]+|&[ \t]+)?{_WORD}){{0,3}}"
# Lower-case words that may stand between a name and its kind ("Orion-3 weather
# satellite", "Varna Sea Open chess tournament"), none of them a verb or a small word.
_NOT_MODIFIERS = frozenset(
    {"the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by",
     "from", "its", "their", "his", "her", "this", "that", "these", "those", "new", "old",
     "first", "second", "last", "next", "other", "another", "which", "who", "as", "than"}
) | CUE_WORDS | AUXILIARIES  # fmt: skip


def one_thing(text: str, word: str) -> str | None:
    """The one thing ``text`` names that "the ``word``" may stand for, as the text names it
    ("Talvor-2 rocket", "San Lorenzo viaduct", "Ekdal Collection"); None for none or
    several."""
    kinds = CALLED_BY.get(word.lower())
    if not kinds:
        return None
    called: dict[str, str] = {}  # each thing's core name, and how to call it
    for kind in kinds:
        for core, said in _named(text, kind):
            called.setdefault(core, said)
    # "Varna Sea Open" and "Varna Sea Open chess tournament", "Orion-3" and "Orion-3
    # satellite": one thing
    cores = [c for c in called if not any(o != c and o.startswith(f"{c} ") for o in called)]
    if len(cores) != 1:
        return None
    longest = max((said for core, said in called.items() if cores[0].startswith(core)), key=len)
    head, _, kind = longest.rpartition(" ")
    if head and word.lower() != kind and word.lower() in (f"{kind}s", kind[:-1]):
        return f"{head} {word.lower()}"  # "the phone": "the SkyLink Go satellite phone"
    return longest


def _named(text: str, kind: str) -> list[tuple[str, str]]:
    """Each name the text gives a thing of ``kind``, with how to call it after."""
    found: list[tuple[str, str]] = []
    title = kind[:1].upper() + kind[1:]
    # "the Ekdal Collection", "the Homebuyers' Protection Scheme": the kind heads the name
    # (not "Baltic Shores International Film" of the Film Festival, for "the film")
    head = rf"(?<![\w'\u2019.-])({_NAME}[ \t]+{title})(?![\w-])(?![ \t]+[A-Z])"
    for match in re.finditer(head, text):
        found.append((match[1], match[1]))
    # "the Strait of Malacca", "the River Aller": the kind first, capitalised
    # (a place's kind only with "of": "the City of Harwick", not "the City Council")
    of = "" if kind in _PLACES else "?"
    first = rf"(?<![\w'\u2019.-]){title}[ \t]+(?:of[ \t]+(?:the[ \t]+)?){of}({_NAME})"
    for match in re.finditer(first, text):
        if _opens_a_sentence(text, match.start()):
            continue  # "River levels rose": a capital that opens a sentence
        if _CAPITALISED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "the National Park Service": the kind inside another name
        found.append((match[1], match.group()))
    # "the San Lorenzo viaduct", "the Orion-3 weather satellite": the name, then its kind
    before = (
        rf"(?<![\w'\u2019-])({_NAME})((?:[ \t]+[a-z][\w-]*){{0,2}}?)[ \t]+({kind})\b"
        r"(?![ \t]+[A-Z])(?!-)"
    )
    for match in re.finditer(before, text):
        name = match[1]
        if name.endswith(("'s", "\u2019s")) or name.isupper() and len(name) < 3:
            continue  # "Meteora's satellite": whose, not which
        if any(word in _NOT_MODIFIERS for word in match[2].split()):
            continue  # "Velta Aerospace said the satellite"
        if _opens_a_sentence(text, match.start()):
            continue  # "Freight train derails": a capital that opens a line, no name
        found.append((name, f"{name}{match[2]} {match[3]}"))
    # "the city of Harwick", "the town of Ashgrove": a place, by its kind
    if kind in _PLACES:
        for match in re.finditer(rf"(?<![\w-])[Tt]he[ \t]+{kind}[ \t]+of[ \t]+({_NAME})", text):
            found.append((match[1], match[1]))
        return found
    # "the satellite Orion-3": its kind, then the name (not "At the summit, Putin,")
    after = (
        rf"(?<![\w-]){kind}[ \t]+({_NAME})(?=[ \t]*[,;]|\.(?![ \t]*\d)|[ \t]+[a-z]+ed\b"
        r"|[ \t]+(?:has|have|had|was|were|is|are|will|would)\b)"
    )
    for match in re.finditer(after, text):
        found.append((match[1], match[1]))
    # 'The film, "Ballast,"': a work's title in quotation marks
    titled = (
        rf"(?<![\w-]){kind},?[ \t]+[\"\u201c]([A-Z][^\"\u201c\u201d,.]{{0,60}}?)[,.]?[\"\u201d]"
    )
    for match in re.finditer(titled, text):
        found.append((match[1], f'"{match[1]}"'))
    for _, name in apposed_names(text, {kind}):
        found.append((name, name))
    return found


# What stands right before a word that opens a sentence or a line.
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?][\"\u201d\u2019']?[ \t]+)$")
# A capitalised word right before: the kind goes on another name ("National Park Service").
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'\u2019-]*[ \t]+$")


def _opens_a_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens the text, a line or a sentence, where a capital
    says nothing of a name."""
    return at == 0 or _SENTENCE_START.search(text, max(0, at - 3), at) is not None


# A sentence's opening thing: "The Orion-3 satellite, built by …, was designed", "A
# Talvor-2 rocket carrying …", "the 380-kilometer pipeline carries" (read as the one named),
# "The SkyLink Go, which sells for $899, was launched"; past an opening phrase ("According to
# the company, the pipeline carries").
_OPENER = r"(?:(?:According[ \t]+to|In|On|At|After|Since|By|Last)[ \t]+[^,.;]{1,60},[ \t]+)?"
_OPENS_WITH_A_THING = re.compile(
    rf"{_OPENER}(?:The|the|A|An)(?:[ \t]+(?P<name>{_NAME}))?(?P<mods>(?:[ \t]+[\w-]+){{0,2}}?)"
    r"[ \t]+(?P<kind>[a-z]+)\b(?![ \t]+[A-Z])"
)
_OPENS_WITH_THE_NAME = re.compile(
    rf"The[ \t]+(?P<name>{_NAME})(?:,[^,.;]{{1,80}},)?[ \t]+(?:[a-z]+ly[ \t]+)?"
    r"(?:was|is|has|had|were|are|will|would|can|could|[a-z]+ed)\b"
)
_SENTENCE_OPENS = re.compile(r"(?:^|(?<=[.!?])[\"\u201d\u2019']?[ \t\n]+)(?=[A-Z])")


def sentence_before(text: str, at: int, reach: int) -> int | None:
    """Where the sentence before the one opening at ``at`` opens, within ``reach``
    characters; None when none opens there."""
    found = [m.end() for m in _SENTENCE_OPENS.finditer(text, max(0, at - reach), at)]
    found = [start for start in found if start < at]
    return found[-1] if found else None


def thing_before(text: str, at: int) -> str | None:
    """The thing the sentence before ``at`` opens with ("The Orion-3 satellite, built by
    …, was designed …"), for an "It" that opens the sentence at ``at``: what "It cost
    about 410 million euros" is about, or the thing it opens with as it calls it ("The
    tunnel, built in 1974, …"); None where that sentence opens with no thing of a kind in
    ``CALLED_BY``, or the paragraph before ended between them."""
    opens = sentence_before(text, at, 600)
    if opens is None or "\n" in text[opens:at].rstrip():
        return None
    found = _OPENS_WITH_A_THING.match(text, opens, at)
    if found is not None and found["kind"] in CALLED_BY:
        mods = found["mods"]
        if any(word in _NOT_MODIFIERS for word in mods.split()):
            return None
        if found["name"]:
            return f"the {found['name']}{mods} {found['kind']}"
        named = one_thing(text[:at], found["kind"])  # "the 380-kilometer pipeline"
        if named is None:
            # "The tunnel, built in 1974, carries trains …. It was refurbished in 2009":
            # a thing the story never names, called as it called it
            return (
                f"the{mods} {found['kind']}" if found.group().startswith(("The", "the")) else None
            )
        return f"the {named}" if named.split()[-1].islower() else named
    named = _OPENS_WITH_THE_NAME.match(text, opens, at)
    return f"the {named['name']}" if named is not None else None
