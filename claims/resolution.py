"""From the words an article uses for a source to a known Source, with a confidence and why.

An article names a source as "the official Xinhua news agency", "Public Security Minister
Wang Xiaohong", "Shandor Pinter" or "the newspaper". Resolution tries, in order of trust:

1. a reference to the article's own origin ("the newspaper", "the publication", "the
   article", "the agency" …) → the article's origin, else its publisher;
2. the whole span as a known name or alias (folded: case, accents, punctuation, "the");
3. the span without descriptors and titles ("the official … news agency", "Minister",
   "President") and every shorter run of its words, longest first;
4. a fuzzy match of the folded name against every alias (rapidfuzz), for transliterations
   ("Shandor Pinter" → Sandor Pinter).

Nothing is created here: an unresolved span comes back with a proposed name, for a person to
accept. A description ("his office", "a spokesperson", "the company") comes back as written,
for the person to name: it is not a name, so steps 2 to 4 never take it for a known source
(a source once called "The company" would be every article's company), and
``is_description`` tells the code that records a chain not to create a source from it.
What it refers to comes from the article: the origin (step 1), the body named before it
(``resolve_in_context``). A surname takes the one full name the article gives it, wherever
("..., Erdogan says" above "President Recep Tayyip Erdogan said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claims.text import fold_name

ORIGIN_REFERENCES = frozenset(
    {
        "newspaper", "publication", "article", "agency", "news agency", "paper", "daily",
        "report", "outlet", "wire", "wire service", "magazine", "website", "site", "author",
        "authors", "newspaper s report", "media outlet", "news outlet", "broadcaster",
    }
)  # fmt: skip
_DESCRIPTORS = re.compile(
    r"\b(?:official|state|state-run|state-owned|government-run|government|semi-official|"
    r"independent|national|international|local|leading|influential|daily|weekly|online|"
    r"news|agency|newspaper|channel|broadcaster|tv|television|radio|wire|service|outlet|"
    r"magazine|website|spokesman|spokeswoman|spokesperson|tabloid|paper|"
    r"trade|industry|business|financial|regional|monthly|"  # "the Property Weekly trade magazine"
    # what a body publishes: "according to LSEG data" is LSEG's word
    r"data|figures|statistics|estimates|calculations|survey|poll|filings?)\b"
)
TITLES = frozenset(
    {
        "minister", "president", "prime", "vice", "deputy", "secretary", "general", "senator",
        "sen", "rep", "representative", "gov", "governor", "mayor", "chancellor", "ambassador",
        "spokesman", "spokeswoman", "spokesperson", "chief", "director", "chairman", "chair",
        "head", "leader", "mr", "mrs", "ms", "dr", "prof", "professor", "judge", "justice",
        "king", "queen", "prince", "foreign", "interior", "defence", "defense", "public",
        "security", "finance", "state", "former", "acting", "official", "officials", "police",
        "commissioner", "ceo", "founder", "gen", "col", "lt", "adm", "sir", "lord", "pope",
        "the", "of", "a", "an", "his", "her", "its", "their", "chinese", "hungarian", "us",
        "u", "s", "russian", "american", "british", "ukrainian", "european", "french",
        "german", "said", "told", "executive", "opposition", "officer", "attorney", "capt",
        "captain", "cmdr", "commander", "maj", "sgt", "sergeant", "lieutenant", "supt",
        "superintendent", "det", "detective", "insp", "inspector", "atty", "rev", "reverend",
        "hon", "pres", "amb", "brig", "cpl", "pvt", "admiral", "colonel", "senior",
        "premier", "mp", "mep", "msp", "mla", "congressman", "congresswoman", "councillor",
        "councilor", "alderman", "organiser", "organizer", "forecaster", "economist",
        # what a person in the arts or sport is, before their name ("actress Ingrid Solberg")
        "actress", "actor", "filmmaker", "singer", "writer", "artist", "musician", "cyclist",
        "rider", "climber", "athlete", "producer", "journalist", "designer", "poet",
        "comedian", "rapper", "dancer", "sprinter", "swimmer", "skier", "wrestler",
        "marathoner", "hurdler", "gymnast",
        "analyst", "campaigner", "activist", "researcher", "scientist", "lawyer", "coach",
        "manager", "chairwoman", "chairperson", "presenter", "correspondent", "editor",
        "local", "labour", "conservative", "democrat", "republican", "liberal", "green", "rival",
        "speaker", "constable", "recorder", "councilman", "councilwoman", "clerk", "sheriff",
        "assessor", "treasurer", "comptroller", "coroner", "trustee", "supervisor", "marshal",
        "administrator",
        "pollster", "strategist", "consultant", "striker", "midfielder", "defender",
        "goalkeeper", "winger", "playwright", "novelist", "historian", "author",
        "physician", "surgeon", "epidemiologist", "virologist", "prosecutor", "meteorologist",
        "climatologist", "seismologist", "volcanologist", "hydrologist", "criminologist",
        "barrister", "solicitor", "investor", "entrepreneur", "broker", "trader", "diplomat",
        "envoy", "negotiator", "adviser", "advisor", "agent", "owner", "boss",
        # what a person in the news is, by role, before their name ("Passenger Johan Erlund")
        "passenger", "grandmaster", "teacher", "headteacher", "headmaster", "headmistress",
        "principal", "nurse", "pilot", "farmer", "resident", "student", "witness",
        "survivor", "referee", "umpire", "arbiter", "juror", "firefighter", "paramedic",
        "volunteer", "shopkeeper", "fisherman", "commuter", "patient", "veteran",
        "businessman", "businesswoman", "tycoon", "billionaire", "pundit", "festivalgoer",
        "concertgoer", "churchgoer", "shopper", "motorist", "homeowner", "tenant",
        # trades ("Fishmonger Arno Del Castro", "Sommelier Kasia Drenner"); not those that
        # are given names or surnames as often ("Hunter", "Baker", "Porter", "Driver")
        "fishmonger", "sommelier", "chef", "butcher", "curator", "architect", "engineer",
        "pharmacist", "dentist", "midwife", "caretaker", "landlord", "restaurateur",
        "hotelier", "jockey", "skipper", "lifeguard", "zookeeper", "mechanic", "electrician",
        "plumber", "bartender", "waiter", "waitress", "janitor", "photographer", "winemaker",
        "vintner", "veterinarian", "vet",
        # who a person in the news is, by where they were ("Visitor Tom Ashby")
        "visitor", "tourist", "holidaymaker", "spectator", "voter", "protester", "protestor",
        "demonstrator", "hiker", "camper", "conservator", "restorer", "archivist",
        "librarian",
    }
)  # fmt: skip
# Nouns by which a text refers back to an organisation it has just named.
BODY_NOUNS = frozenset(
    {
        "bloc", "alliance", "organisation", "organization", "ministry", "government",
        "commission", "union", "council", "committee", "company", "group", "body",
        "department", "administration", "party", "coalition", "agency", "institution",
        "trust", "chamber", "bureau", "directorate", "inspectorate", "tribunal", "authority",
        "university", "hospital", "college", "museum", "school", "district", "panel", "board",
        "office", "federation", "confederation", "association", "league", "zoo", "guild",
        "society", "foundation", "charity", "institute", "airport", "consortium", "mission",
        "estate", "club", "service", "forum", "orchestra", "opera", "ballet", "theatre", "theater",
    }
)  # fmt: skip
_COUNTRY_ABBREVIATIONS = {"US", "U.S", "U.S.", "UK", "EU", "UN"}
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})
FUZZY_CUTOFF = 88.0


@dataclass(frozen=True)
class Resolution:
    """A span's reading: the source (None when unknown), how sure, why, and a name to propose."""

    surface: str
    source_id: int | None
    name: str | None
    confidence: float
    why: str
    proposed_name: str | None = None

    @property
    def resolved(self) -> bool:
        return self.source_id is not None


class Resolver:
    """Resolves many spans against one snapshot of the aliases (one query, not one per span)."""

    def __init__(self, session, article=None):
        from sqlalchemy import select

        from claims.models import Source, SourceAlias

        rows = session.execute(
            select(SourceAlias.key, Source.id, Source.name, Source.kind).join(Source)
        ).all()
        self.by_key: dict[str, set[int]] = {}
        self.names: dict[int, str] = {}
        self.kinds: dict[int, str] = {}
        self.name_keys: dict[str, int] = {}
        for key, source_id, name, kind in rows:
            self.by_key.setdefault(key, set()).add(source_id)
            self.names[source_id] = name
            self.kinds[source_id] = kind
            self.name_keys[fold_name(name)] = source_id
        self.origin = None
        self.credited = False  # whether the article credits its text to an origin of its own
        self.text = ""  # the article's, where a surname finds the full name it stands for
        if article is not None:
            self.origin = article.origin or article.publisher
            self.credited = article.origin is not None
            self.text = article.text or ""

    def _exact(self, key: str) -> int | None:
        if key in self.name_keys:
            return self.name_keys[key]
        ids = self.by_key.get(key, set())
        return next(iter(ids)) if len(ids) == 1 else None

    def _found(self, surface: str, source_id: int, confidence: float, why: str) -> Resolution:
        return Resolution(surface, source_id, self.names[source_id], round(confidence, 2), why)

    def resolve(self, surface: str) -> Resolution:
        surface = _WHEN_AT_END.sub("", surface) or surface  # "the ministry on Monday"
        surface = _REFLEXIVE.sub("", surface) or surface  # "Sepp himself"
        given = _GAVE_NAME.search(surface)
        if given is not None:
            # "the man, who gave his name only as Bakyt": Bakyt, as far as anyone knows
            found = self.resolve(given["name"])
            return replace(found, surface=surface, why=f"{found.why}; the name given")
        trading = _TRADES_AS.search(surface)
        if trading is not None:
            # "Ashby's consortium, which operates under the name Greyfield Sports Holdings"
            found = self.resolve(trading["name"])
            return replace(found, surface=surface, why=f"{found.why}; the name it goes by")
        head = (
            _SET_OFF_RELATIVE.match(surface)
            or _SEEN_BY_HEAD.match(surface)
            or _DESCRIBED_WHO.match(surface.strip())
        )
        if head is not None:
            # "Emily Russo, who runs an independent bookshop": Russo, not The Independent
            return replace(self.resolve(head.group(1)), surface=surface)
        bare_surface = surface.strip(" ,;:.")
        # "Figures published by the PCC" opening a sentence is a document as mid-sentence
        document = _DOCUMENT_BY.fullmatch(bare_surface[:1].lower() + bare_surface[1:])
        whose = document and (
            document["who"]
            or document["site"]
            or document["outlet"]
            # "a report the hospital filed": the hospital's only where it is named
            or (document["maker"] if not is_description(document["maker"] or "") else None)
        )
        if whose:
            # "figures released on Monday by property data firm CoreMetrics", "a notice
            # posted on the FDA's website", "a report in The Economic Times": whose they are
            found = self.resolve(whose)
            return replace(found, surface=surface, why=f"{found.why}; whose the words are")
        staff = _STAFF_OF.fullmatch(surface.strip(" ,;:."))
        if staff is not None:
            found = self.resolve(staff["body"])
            if found.resolved or _a_body_name(found.proposed_name or ""):
                # "Officials at the Ministry of Transport", "Scientists from the Hollander
                # Institute": staff speaking for their body, as a spokesperson does
                why = f"{found.why}; its staff speak for it"
                return replace(found, surface=surface, why=why)
        person = _apposed_person(surface)
        if person is not None:
            # "Dana Whitaker, CEO of GreenGrid Energy": Whitaker speaks, not her company
            return replace(self.resolve(person), surface=surface)
        key = fold_name(surface)
        if not key:
            return Resolution(surface, None, None, 0.0, "no letters")
        bare = re.sub(r"^(?:what|as|which|who|that)\s+", "", key)
        bare = re.sub(r"\s+s$", "", bare)  # a possessive: "the European Commission's"
        bare = re.sub(r"^(?:the\s+)+", "", bare)
        # "The company", "a government spokesperson": no name, so no source is found by it
        # (every article's company would be one source); the article says whose it is.
        described = is_description(surface)
        exact = None if described else self._exact(bare)
        if exact is not None:
            return self._found(surface, exact, 0.95, "known name or alias")
        spelt_out = self.spelt_out(surface)
        if spelt_out is not None:
            found = self.resolve(spelt_out)
            why = f"{surface.strip()!r} is what the article calls {spelt_out}; {found.why}"
            return replace(found, surface=surface, why=why)
        agency = AGENCY_NAMES.get(re.sub(r"^(?:the\s+)", "", surface.strip(" ,;:.")))
        if agency is not None and (found := self._exact(fold_name(agency))) is not None:
            why = f"{surface.strip()!r} is {agency}'s abbreviation"
            return self._found(surface, found, 0.9, why)
        national = _NATIONAL_AGENCY.fullmatch(surface.strip(" ,;:."))
        if national is not None:
            # "the French news agency": AFP, known by either name, else proposed as AFP
            names = NATIONAL_AGENCIES[" ".join(national.group("nation").lower().split())]
            why = f"{surface.strip()!r} is {names[0]}"
            for name in names:
                if (found := self._exact(fold_name(name))) is not None:
                    return self._found(surface, found, 0.85, why)
            return Resolution(surface, None, None, 0.0, why, proposed_name=names[0])
        stripped = " ".join(w for w in _DESCRIPTORS.sub(" ", bare).split())
        if stripped and stripped != bare and not described:
            exact = self._exact(stripped)
            if exact is not None:
                return self._found(
                    surface, exact, 0.9, f"known as {stripped!r} once descriptors go"
                )
        if (
            self.origin is not None
            and _is_origin_reference(bare, surface)
            and (self.credited or not self._another_kind(bare))
        ):
            return Resolution(
                surface,
                self.origin.id,
                self.origin.name,
                0.9,
                f"{surface.strip()!r} refers to the article's own source",
            )
        if bare in PRONOUNS:
            return Resolution(surface, None, None, 0.0, "a pronoun: who it is comes from before")
        words = [] if described else bare.split()
        for size in range(len(words) - 1, 0, -1):
            for first in range(0, len(words) - size + 1):
                run = words[first : first + size]
                if all(w in TITLES for w in run):
                    continue
                found = self._exact(" ".join(run))
                if found is not None:
                    share = size / len(words)
                    return self._found(
                        surface, found, 0.6 + 0.3 * share, f"{' '.join(run)!r} is a known name"
                    )
        shortened = None if described else self._outlet_shortened(surface, bare)
        if shortened is not None:
            return shortened
        fuzzy = None if described else self._fuzzy(_name_part(words) or bare)
        if fuzzy is not None:
            return fuzzy if fuzzy.surface == surface else _with_surface(fuzzy, surface)
        proposed = _proposed_name(surface)
        if proposed and proposed != surface.strip(" ,;:.") and (spelt := self.spelt_out(proposed)):
            # "an OWQ spokesman": the Office for Water Quality the article spelt out
            found = self.resolve(spelt)
            why = f"{proposed!r} is what the article calls {spelt}; {found.why}"
            return replace(found, surface=surface, why=why)
        if (
            described
            and proposed
            and (not is_description(proposed) or any(w in _PLACED for w in surface.split()[1:]))
        ):
            # "Police in Kent": police there, not "Kent", nor any police
            proposed = _phrase(
                _RELATIVE_CLAUSE.split(surface.strip(" ,;:"), maxsplit=1)[0].strip(" ,").split()
            )
        why = "no known source by this name"
        if proposed and describes(proposed, surface):
            why = "a description, not a name: whose it is, the reviewer says"
            if _ONE_OF_MANY.match(surface.strip()) and not is_description(proposed):
                proposed = surface.strip(" ,;:.")  # "A Reuters reporter", as written
        elif proposed and (full := self.full_name(proposed)) is not None:
            known = self.resolve(full)
            if known.resolved:
                return self._found(
                    surface,
                    known.source_id,
                    min(known.confidence, 0.6),
                    f"{proposed!r} read as {known.name}, named so in the article",
                )
            why = f"{why}; {full} named in the article"
            proposed = full
        elif proposed and self._the_in_name(surface, proposed):
            proposed = f"The {proposed}"
        return Resolution(surface, None, None, 0.0, why, proposed_name=proposed)

    def _another_kind(self, bare: str) -> bool:
        """ "The agency said" in a newspaper's own story (no origin credited) is not the
        newspaper: an agency is some other body the story is about."""
        kind = self.kinds.get(self.origin.id) if self.origin is not None else None
        return bare.split()[-1] in ("agency", "wire") and kind not in ("news_agency", "agency")

    def _the_in_name(self, surface: str, name: str) -> bool:
        """Whether "The" belongs to the name, as in "according to The Times": the article
        capitalises it where no sentence starts. A capital at a sentence's start says
        nothing, and "the newspaper" is no name at all. Keys drop the article, so a known
        "Times" or "The Times" is found either way."""
        words = surface.strip(" ,;:.").split()
        if len(words) < 2 or words[0].lower() != "the" or " ".join(words[1:]) != name:
            return False
        mid_sentence = rf"[\w,;:][ \t]+The[ \t]+{re.escape(name)}(?![\w'’-])"
        return re.search(mid_sentence, self.text) is not None

    def spelt_out(self, surface: str) -> str | None:
        """The name an acronym stands for where the article gave it in brackets: "The
        Lormark Data Protection Authority (LDPA) said …. The LDPA said" is one body. Only
        a name whose capitalised words' initials spell the acronym."""
        acronym = re.sub(r"['’]s$", "", re.sub(r"^[Tt]he\s+", "", surface.strip(" ,;:.")))
        if not (2 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
            return None
        for match in re.finditer(rf"\(\s*{acronym}\s*\)", self.text):
            words = self.text[max(0, match.start() - 160) : match.start()].split()
            spelt = {""}  # the acronym's endings the words so far may spell
            for at in range(len(words) - 1, -1, -1):
                word = words[at]
                if word in _NAME_PARTICLES:
                    continue
                if not word[:1].isupper() or word[-1:] in ".,;:!?":
                    break
                # "UN Environment Programme (UNEP)": an acronym in the name may give all its
                # letters, or only its first ("EU Aviation Safety Agency (EASA)")
                whole = word.isalpha() and word.isupper() and 2 <= len(word) <= 4
                spelt = {
                    start + ending
                    for ending in spelt
                    for start in ({word[0], word} if whole else {word[0]})
                    if acronym.endswith(start + ending)
                }
                if acronym in spelt:
                    # and a capitalised word the acronym leaves out: "the Ostrelian
                    # Ministry of Foreign Affairs (MFA)"
                    first = at
                    while (
                        first > max(0, at - 2)
                        and words[first - 1][:1].isupper()
                        and words[first - 1] not in ("The", "A", "An")
                        and words[first - 1][-1:] not in '.,;:!?"\u201d'
                    ):
                        first -= 1
                    return " ".join(words[first:])
                if not spelt:
                    break
        return None

    def full_name(self, name: str) -> str | None:
        """The one full name the article gives a surname ("Erdogan": "President Recep
        Tayyip Erdogan"), wherever it stands: a headline's "..., Erdogan says" comes before
        the name in full. None when the article gives none, or two ("Donald Trump" and
        "Melania Trump"); an acronym is no surname."""
        words = name.split()
        if len(words) != 1 or not name[:1].isupper() or name.isupper() or not self.text:
            return None
        found: dict[str, str] = {}
        first: dict[str, str] = {}  # names it opens: "Xi Jinping", "Yoon Suk Yeol"
        for match in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", self.text):
            run = _RUN_BEFORE.search(self.text, max(0, match.start() - 120), match.start())
            within = _NAME_GOES_ON.match(self.text, match.end())
            if run is not None and within is None:  # not "Rival Kestrel" of "Kestrel Computing"
                words = run.group().split()
                # "… in Lima. Xi said", "Ingrid Solvang and Tomasz Wierzbicki": one person's
                # name runs neither across a sentence's end nor across an "and"
                ends = [i for i, w in enumerate(words) if _ends_sentence(w) or w in ("and", "&")]
                words = words[ends[-1] + 1 :] if ends else words
                while words and words[0].strip("\"'\u201c\u2018(").lower() in _NO_NAME_OPENERS:
                    words = words[1:]  # '"What Veltrix is asking for"': no one's name
                before = " ".join(words)
                proposed = _proposed_name(f"{before} {name}".strip())
                joiners = [i for i, w in enumerate(proposed.split()) if w in ("of", "for", "the")]
                if joiners:
                    # "Blacks Don't Rally for Hillary Clinton", "Support of Ted Cruz": no
                    # title took the "for" or "of" away ("Secretary of State John Kerry"), so
                    # the person's name starts after it
                    proposed = " ".join(proposed.split()[joiners[-1] + 1 :])
                if proposed and len(proposed.split()) > 1 and _names_a_person(proposed):
                    found.setdefault(fold_name(proposed), proposed)
            after = _RUN_AFTER.match(self.text, match.end())
            # the name a person goes by written first: a family name ("Xi", "Wang", "Yoon")
            # or a given name ("Siriporn" of "Siriporn Wattana", "Sir Edmund" of "Sir Edmund
            # Loy"); "Trump Tower" is no name of Trump's (``_names_a_person``)
            if after is not None and not _ends_sentence(name):
                given = " ".join(w.rstrip(".,;:") for w in after.group().split()[:2])
                opened = f"{name} {given}"
                if _names_a_person(opened) and not any(
                    key in TITLES | ORGANISATION_WORDS | _PLACE_NOUNS
                    for key in fold_name(given).split()
                ):
                    first.setdefault(fold_name(opened), opened)
        # "Tayyip Erdogan" and "Recep Tayyip Erdogan" are one name, written twice
        keys = [k for k in found if not any(o != k and o.endswith(" " + k) for o in found)]
        if not keys and len(first) == 1:
            return next(iter(first.values()))  # the family name first, as in Chinese
        return found[keys[0]] if len(keys) == 1 else None

    def _outlet_shortened(self, surface: str, bare: str) -> Resolution | None:
        """ "the Sentinel" of The Carrow Sentinel, "the Medical Times" of the Westbrook
        Medical Times: a paper called by the end of its name, as a story calls it once it
        has named it in full. Only an outlet's or an agency's name, written with capitals,
        that ends one known name and no other."""
        written = re.sub(r"^(?:[Tt]he\s+)", "", surface.strip(" ,;:."))
        if not written or not all(w[:1].isupper() for w in written.split()):
            return None
        found = {
            source_id
            for key, source_id in self.name_keys.items()
            if self.kinds.get(source_id) in _OUTLET_KINDS
            and re.sub(r"^the\s+", "", key).endswith(" " + bare)
        }
        if len(found) != 1:
            return None
        (source_id,) = found
        # the story's own longer names for it: "the Post" after "The Harbourline Post" is
        # that paper, not the publisher "The Daily Post"
        known = re.sub(r"^the\s+", "", fold_name(self.names[source_id]))
        longer = {
            re.sub(r"^the\s+", "", fold_name(match[0]))
            for match in re.finditer(
                rf"(?:[A-Z][\w'’&-]*[ \t]+){{1,3}}{re.escape(written)}(?![\w-])", self.text
            )
        }
        if any(name != known and not known.endswith(" " + name) for name in longer):
            return None
        why = f"{written!r} ends the name of {self.names[source_id]}"
        return self._found(surface, source_id, 0.8, why)

    def resolve_in_context(self, surface: str, before: str) -> Resolution:
        """Like ``resolve``; "the bloc", "the ministry" also take the body named last before.

        A definite description of an organisation ("the alliance said") refers back to the
        organisation the text just named ("critical of NATO, especially after the bloc
        said"), the way a pronoun refers to the last person.
        """
        resolution = self.resolve(surface)
        words = fold_name(surface).split()
        # "The study found …, the authors wrote": the study's authors, not the article's
        # (not "Helen Marchetti, the trial's lead author"); "…, the paper said" after a study
        # or a journal is that paper, not the article's own credit
        authors = words[-1:] in (["author"], ["authors"]) and _WORK.search(before)
        paper = words == ["paper"] and _RESEARCH.search(before) and not _PRESS_NAMED.search(before)
        if (authors and is_description(surface)) or paper:
            return Resolution(
                surface,
                None,
                None,
                0.0,
                "a description, not a name: whose it is, the reviewer says",
                surface.strip(),
            )
        if resolution.resolved:
            return resolution
        if (report := self._origin_report(surface, words, before)) is not None:
            return report

        if len(words) > 2 or not words or words[-1] not in BODY_NOUNS:
            return resolution
        if not surface.strip().lower().startswith(("the ", "this ", "that ")):
            return resolution
        found = self.last_mentioned(before, kinds=("organisation", "state_body"))
        if found is None:
            return resolution
        return self._found(
            surface,
            found,
            0.6,
            f"{surface.strip()!r} read as {self.names[found]}, named just before",
        )

    def _origin_report(self, surface: str, words: list[str], before: str) -> Resolution | None:
        """ "according to the report", "the AP report added": in an article that credits its
        text to an origin, the origin's report, unless another report was named before
        ("a UN report found …; the report said")."""
        if not self.credited or words[-1:] != ["report"]:
            return None
        if not surface.strip().lower().startswith("the "):
            return None  # "a report", "Amnesty's report"
        named = " ".join(words[:-1])
        if named and self._origin_named(named) is None:
            return None
        if _OTHER_REPORT.search(before) or _OTHER_REPORT.search(self.text):
            return None  # another report is named in the article: whose is for the reviewer
        return Resolution(
            surface,
            self.origin.id,
            self.origin.name,
            0.8,
            f"{surface.strip()!r} is the article's own source's: no other report named before",
        )

    def _origin_named(self, key: str) -> int | None:
        """The origin's id if ``key`` (folded) is its name, an alias or its abbreviation."""
        agency = next((v for k, v in AGENCY_NAMES.items() if fold_name(k) == key), None)
        found = self._exact(key) if agency is None else self._exact(fold_name(agency))
        return found if found == self.origin.id else None

    def last_mentioned(self, before: str, *, kinds: tuple[str, ...]) -> int | None:
        """The source of one of ``kinds`` whose spelling occurs last in ``before``."""
        folded = f" {fold_name(before)} "
        best, best_at = None, -1
        for key, ids in self.by_key.items():
            if len(ids) != 1:
                continue
            source_id = next(iter(ids))
            if self.kinds.get(source_id) not in kinds:
                continue
            at = folded.rfind(f" {key} ")
            if at > best_at:
                best, best_at = source_id, at
        return best

    def _fuzzy(self, key: str) -> Resolution | None:
        from rapidfuzz import fuzz, process

        if len(key) < 4 or not self.by_key:
            return None
        match = process.extractOne(
            key, list(self.by_key), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if match is None or len(self.by_key[match[0]]) != 1:
            return None
        source_id = next(iter(self.by_key[match[0]]))
        return self._found(
            key,
            source_id,
            0.5 + 0.4 * (match[1] / 100),
            f"spelled like {match[0]!r} ({match[1]:.0f}%)",
        )


# The kinds of source whose names a story shortens to their last words.
_OUTLET_KINDS = frozenset({"outlet", "news_agency"})


def _with_surface(resolution: Resolution, surface: str) -> Resolution:
    return Resolution(
        surface, resolution.source_id, resolution.name, resolution.confidence, resolution.why
    )


def refers_to_origin(surface: str) -> bool:
    """Whether ``surface`` is a reference like "the newspaper" or "the agency", which
    ``Resolver.resolve`` reads as the article's own source."""
    bare = re.sub(r"^(?:what|as|which|who|that)\s+", "", fold_name(surface))
    return _is_origin_reference(re.sub(r"^(?:the\s+)+", "", bare), surface)


def _is_origin_reference(bare: str, surface: str) -> bool:
    """ "the newspaper", "the influential US daily": the article's own source, not a name.

    A capitalised word makes it a name ("Wire Service", "the official Xinhua news agency").
    """
    words = bare.split()
    if not words or words[-1] not in ORIGIN_REFERENCES and bare not in ORIGIN_REFERENCES:
        return False
    named = any(
        w[:1].isupper() and w.strip(".,") not in _COUNTRY_ABBREVIATIONS
        for w in surface.split()
        if w.lower() not in ("the", "what", "as")
    )
    if words[-1] in ("agency", "agencies") and any(w not in _WIRE_WORDS for w in words[:-1]):
        return False  # "the health agency", "the space agency": of their field, no wire
    return not named and len(words) <= 4 and words[-1] != "report"


# What may qualify a wire called "the agency": "the news agency", "the state news agency".
_WIRE_WORDS = frozenset(
    {"news", "press", "wire", "state", "official", "national", "international", "global"}
)


def _name_part(words: list[str]) -> str:
    """The words after the titles: "public security minister wang xiaohong" → "wang xiaohong"."""
    index = 0
    while index < len(words) and words[index] in TITLES:
        index += 1
    return " ".join(words[index:])


# Another report named before "the report": "a UN report found", "a report by the ministry",
# "Amnesty's report", "the report, published on Monday".
_OTHER_REPORT = re.compile(
    r"\b(?:an?|another|new|latest|annual|its|their|his|her)\s+(?:[\w-]+\s+){0,3}report\b"
    r"|\breport,?\s+(?:by|from|of|published|released|issued|commissioned|on|prepared|compiled"
    r"|written|due|seen)\b"
    r"|[\w.]+['\u2019]s?\s+(?:[\w-]+\s+){0,3}report\b"  # "the bank's quarterly … report"
    # a work the report may be: "A state audit released Tuesday found"
    r"|\b(?:audit|study|survey|inquiry|review|investigation|assessment|analysis)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:released|published|found|finds|concluded|shows|showed|says|said)\b",
    re.IGNORECASE,
)

# Research a "paper" may be: "The study, published in The New England Journal of Medicine".
_RESEARCH = re.compile(r"\b(?:study|trial|journal|researchers|research|scientists)\b", re.I)
_PRESS_NAMED = re.compile(r"\b(?:newspaper|tabloid|daily)\b", re.I)

# A work that has authors of its own, named just before "the authors".
_WORK = re.compile(r"\b(?:study|studies|report|research|paper|survey|analysis|book|review)\b", re.I)
# A party's name before a member's ("Democrat Elena Vasquez"), an adjective before a title.
_PARTIES = frozenset({"democrat", "republican", "conservative", "labour", "liberal", "green"})
_TITLE_ADJECTIVES = {
    "chinese", "hungarian", "us", "u", "s", "russian", "american", "british", "ukrainian",
    "european", "french", "german", "public", "security", "foreign", "interior", "finance",
    "state", "defence", "defense", "former", "acting", "vice", "deputy", "prime", "general",
    "opposition", "senior", "local", "labour", "conservative", "democrat", "republican",
    "liberal", "green",
    # a body of people qualifies a title ("Police Chief", "Police Commissioner") but is
    # none alone: "Police Scotland" is a force, "Officials Weekly" a paper
    "police", "officials",
}  # fmt: skip
_NOT_TITLES = {"the", "a", "an", "of", "his", "her", "its", "their", "said", "told"}
# Lower-case words inside a name: "Minister of Public Security", "Ursula von der Leyen".
# The particles of names and titles: "José María del Nido Carrasco", "Bild am Sonntag",
# "Ursula von der Leyen"; a name may start with one ("del Nido Carrasco", "Van Dijk").
_PARTICLES = {
    "de", "der", "den", "van", "von", "da", "das", "do", "dos", "del", "della", "di", "du",
    "la", "le", "ter", "ten", "al", "el", "bin", "ibn", "am", "im", "zu", "zur",
}  # fmt: skip
_NAME_JOINERS = {"of", "for", "and", "the", "&"} | _PARTICLES
# The first words of family names written in two: "Mac Cárthaigh", "Ní Bhriain", "van Dijk".
_SURNAME_PARTICLES = _PARTICLES | {"mac", "mc", "nic", "ní", "ó", "ua", "ap", "ab", "abu"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Letters after a name that say what a person is, not who: counsel's rank, a seat, an honour.
_POSTNOMINALS = frozenset(
    {"KC", "QC", "SC", "MP", "MSP", "MEP", "MLA", "TD", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD"}
)


# News agencies' abbreviations as they credit themselves and as copy names them ("told
# AP"), with the name they go by: "AP" is a stored Associated Press. Only abbreviations that
# name one agency the world over; one in lower case ("dpa") counts as a credit name as written.
AGENCY_NAMES = {
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "dpa": "Deutsche Presse-Agentur",
    "DPA": "Deutsche Presse-Agentur",
    "UPI": "United Press International",
    "AAP": "Australian Associated Press",
    "CP": "Canadian Press",
}

# The one national news agency a nationality names in copy ("according to the French news
# agency", "the official Chinese news agency"): its credit and its full name. Only
# nationalities whose press calls one agency so; "the Russian news agency" may be any of
# three, and is left to the reviewer.
NATIONAL_AGENCIES = {
    "french": ("AFP", "Agence France-Presse"),
    "german": ("dpa", "Deutsche Presse-Agentur"),
    "italian": ("ANSA", "Agenzia Nazionale Stampa Associata"),
    "spanish": ("EFE", "Agencia EFE"),
    "chinese": ("Xinhua", "Xinhua News Agency"),
    "japanese": ("Kyodo", "Kyodo News"),
    "south korean": ("Yonhap", "Yonhap News Agency"),
    "turkish": ("Anadolu", "Anadolu Agency"),
    "australian": ("AAP", "Australian Associated Press"),
    "canadian": ("CP", "Canadian Press"),
    "austrian": ("APA", "Austria Presse Agentur"),
    "dutch": ("ANP", "Algemeen Nederlands Persbureau"),
    "polish": ("PAP", "Polish Press Agency"),
    "hungarian": ("MTI", "Hungarian News Agency"),
    "portuguese": ("Lusa", "Agência Lusa"),
    "indonesian": ("Antara", "Antara News Agency"),
    "malaysian": ("Bernama", "Malaysian National News Agency"),
    "saudi": ("SPA", "Saudi Press Agency"),
    "qatari": ("QNA", "Qatar News Agency"),
    "syrian": ("SANA", "Syrian Arab News Agency"),
    "palestinian": ("WAFA", "Palestinian News and Information Agency"),
    "north korean": ("KCNA", "Korean Central News Agency"),
    # two wires of one country: the one the article knows, else the likelier
    "british": ("Reuters", "PA Media"),
    "american": ("AP", "Associated Press"),
}
_NATIONAL_AGENCY = re.compile(
    r"(?:(?:the|an?)\s+)?(?:(?:official|state|state-run|state-owned|national)\s+)?"
    rf"(?P<nation>{'|'.join(sorted(NATIONAL_AGENCIES, key=len, reverse=True))})\s+"
    r"(?:(?:state|official|state-run)\s+)?(?:news|press)\s+(?:agency|wire(?:\s+service)?)",
    re.IGNORECASE,
)

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their", "our"})
# Words that count or pick out some of a kind, capitalised only where they open a sentence:
# "Another musician said", "Some studies have found".
_SOME_OF = frozenset({"another", "some", "several", "many", "other", "few", "various"})
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
_INITIALS = re.compile(r"(?:[A-Z]\.)+")  # "U.N.", "F.": the dots are part of the name
_POSSESSIVE = re.compile(r"(?<=\w)[’']s$")


# A name's words listed with a comma: "Department for Culture" + "Media and Sport".
_LISTING_OPENS = re.compile(r".*\b(?:for|of)[ \t]+[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)*")
_LISTING_ENDS = re.compile(
    r"[ \t]*[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)*[ \t]+(?:and|&)[ \t]+"
    r"[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)*[ \t]*"
)


def _listed_joined(parts: list[str]) -> list[str]:
    """Comma-split ``parts`` with a name's own listing put back together: "the Department
    for Culture, Media and Sport" is one name, no name and its appositive."""
    out: list[str] = []
    for part in parts:
        if out and _LISTING_OPENS.fullmatch(out[-1].strip()) and _LISTING_ENDS.fullmatch(part):
            out[-1] = f"{out[-1]},{part}"
        else:
            out.append(part)
    return out


def _proposed_name(surface: str) -> str | None:
    """``_named_in`` with the commas a name lists its words with: "Department for Culture,
    Media and Sport"."""
    name = _named_in(surface)
    if name is None or "," not in surface:
        return name
    for listed in _LISTED.finditer(surface):
        name = name.replace(f"{listed[1]} {listed[2]}", f"{listed[1]}, {listed[2]}")
    return name


# Where a name lists its words: "Culture, Media" of "Department for Culture, Media and Sport"
_LISTED = re.compile(
    r"\b(?:for|of)[ \t]+(?:[A-Z][\w'\u2019-]*[ \t]+)*([A-Z][\w'\u2019-]*),[ \t]*"
    r"([A-Z][\w'\u2019-]*)(?=(?:[ \t]+[A-Z][\w'\u2019-]*)*[ \t]+(?:and|&)[ \t]+[A-Z])"
)


def _named_in(surface: str) -> str | None:
    """A name to propose for a new source, for a person to accept; None for a bare pronoun.

    A source is written [determiner] [descriptors, titles] NAME [, appositive]: "Opposition
    leader Mark Hale", "Britain's media regulator Ofcom", "the official Xinhua news agency".
    The name is the head, so the last run of capitalised words, its titles dropped ("Chief
    Executive Dr. Linda Park" → Linda Park); a run before the head only describes it. When
    the head is a common noun ("The Bavarian interior ministry", "The U.N. labor agency")
    there is no name to take, and the phrase without its article goes to the reviewer, who
    knows better than a guess at one of its words. A span with no capital after its
    determiner ("his office", "a spokesperson", "the billionaire estate mogul") names
    nobody: it goes to the reviewer as written, determiner and all ("office" alone would say
    even less whose), and ``is_description`` marks it as no name to create a source from.
    """
    text = surface.strip().strip(",;:")
    if (spelt := _spelt_before(text)) is not None:
        return spelt  # "Industry group Olive Producers of Italy (OPI)": no Mr Producers of Italy
    text = _ACRONYM_GIVEN.sub("", text)  # "The Department of Energy (DOE)": its name once
    words = text.split()
    if not words or (len(words) == 1 and words[0].lower().strip(".") in PRONOUNS):
        return None
    trading = _TRADES_AS.search(text)
    if trading is not None:
        # "Ashby's consortium, which operates under the name Greyfield Sports Holdings": the
        # name it goes by
        return trading["name"]
    clause = _RELATIVE_CLAUSE.search(text)
    if clause is not None and text[: clause.start()].split()[0].lower() in _DETERMINERS:
        # "The farmer who owns the barn, Elias Varnquist": the name set after the clause
        named = _COMMA.split(text[clause.end() :])[1:]
        if named and _PERSON.fullmatch(named[-1].strip()) and _names_a_person(named[-1]):
            return " ".join(_without_titles(named[-1].split()))
    # "A senior official who declined to be named ...": the relative clause describes them.
    text = _RELATIVE_CLAUSE.split(text, maxsplit=1)[0].strip(" ,")
    if _KIN_OF.match(text):
        apposed = [part.strip() for part in _COMMA.split(text)[1:2]]
        if apposed and _PERSON.fullmatch(apposed[0]) and _names_a_person(apposed[0]):
            return " ".join(_without_titles(apposed[0].split()))  # "A lawyer for X, Jo Weil"
        return _phrase(text.split())  # "The family of Derek Haines": not Derek Haines
    # "a filing with the NHTSA", "Bureau data for the city of Hartfield": to whom a document
    # went, or what it counts, is not who wrote it
    text = _DOCUMENT_TO.sub(r"\g<document>", text).strip(" ,")
    # "the Alpine Rescue Service of the canton of Oberwald", "the governor of the state of
    # Ohio": where the body or the office is, not who speaks; a name keeps the place
    # ("Health Ministry of Bavaria"), a description does not need it
    place = _OF_THE_PLACE.search(text)
    if place is not None:
        head = text[: place.start()].split()
        named = [w for w in head if w[:1].isupper() and w.lower() not in _DETERMINERS]
        text = f"{text[: place.start()]} of {place['place']}" if named else text[: place.start()]
    parts = _listed_joined([part for part in _COMMA.split(text) if part.split()])
    if (body := _apposed_body(parts)) is not None:
        return body  # "People in Need, a Czech aid group": as written, however it reads
    if len(parts) > 1 and (_describes(parts[0]) or _an_office(parts[0])):
        # "The leader of the party in the Assembly, Mathilde Panot": the apposed name
        parts = [p for p in parts[1:] if _PERSON.fullmatch(p.strip())] + parts
    phrases = []
    for part in parts:  # the name, else the appositive's: "the leader, Mark Hale"
        person = _PERSON_OF.match(part.strip())
        if person is not None and _names_a_person(
            " ".join(_without_titles(person.group(1).split()))
        ):
            # "Tom Reiss of the thinktank X": Tom Reiss, not X; "Detective Chief Inspector
            # Rolf Hagedorn of the Oststadt police", titles and all
            part = person.group(1)
        words = part.split()
        origin = next((i for i, w in enumerate(words) if i and w in _WHERE | {"from"}), None)
        if (
            origin is not None
            and words[0].lower() in _DESCRIBING
            and not any(w[:1].isupper() for w in words[1:origin])
        ):
            phrases.append(_phrase(words))
            continue  # "a 29-year-old woman from Manchester": who she is, not "Manchester"
        where = next((i for i, w in enumerate(words) if i and w in _WHERE), None)
        if where is not None and any(w[:1].isupper() for w in words[:where]):
            words = words[:where]  # "a WHO spokesperson in Lusaka": WHO's, not Lusaka
        while len(words) > 2 and words[-1].strip(".,") in _POSTNOMINALS:
            words = words[:-1]  # "Alison Marr KC", "Keir Starmer MP": the person's name
        name, phrase = _head(words)
        if name:
            return name
        if len(words) == 2 and words[0] == "The" and words[1][:1].isupper():
            return " ".join(words)  # "The Economist": the magazine, not any economist
        phrases.append(phrase)
    return phrases[0] if phrases else None


# A body's staff, speaking in its name: "Officials at the Ministry of Transport",
# "Scientists from the Hollander Institute", "A senior official at the ministry". Not a
# firm's analysts or economists, whose views are their own ("Analysts at Kestrel Hartley").
_STAFF_OF = re.compile(
    r"(?:(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Tt]he)\s+)?(?:senior\s+)?"
    r"(?i:officials?|inspectors?|scientists?|researchers?|investigators?|engineers?"
    r"|auditors?)\s+(?:at|from|with|of)\s+(?P<body>(?:the\s+)?[A-Z].*)"
)


def _a_body_name(name: str) -> bool:
    """A name that is a body's by its look: several capitalised words ("Norvik Capital",
    "Ministry of Transport") or an acronym ("WHO"); not a place alone ("experts from
    Germany")."""
    words = name.split()
    return (
        len(words) > 1 and all(w[:1].isupper() or w in {"of", "for", "and", "the"} for w in words)
    ) or (len(name) > 1 and name.isupper())


# A day or a part of one, as news copy says when something was said: "on Monday", "last week".
TIME_WORD = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|weekend"
    r"|night|morning|afternoon|evening)"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# When a source spoke, written after it by the tagger's span: no part of its name
# ("figures released by the statistics office on Friday", "the ministry last week").
_WHEN_AT_END = re.compile(
    # with the participle it dates, if any: "a study published on Thursday"
    rf"(?:\s+(?:published|released|issued|posted|announced|unveiled|made\s+public))?"
    rf",?\s+(?:(?:on|last|this|early|late|earlier|later)\s+(?:{TIME_WORD}(?:\s+{TIME_WORD})?"
    rf"|{_MONTH}\s+\d{{1,2}})|in\s+{_MONTH}(?:\s+\d{{4}})?|yesterday|today|tonight|overnight"
    r"|earlier)\s*$"
    # a participle and its day: "A state audit released Tuesday"
    r"|\s+[a-z]+ed\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*$"
)
# "Sepp himself defended the plan": the name, without the stress on it.
_REFLEXIVE = re.compile(r"\s+(?:himself|herself|itself|themselves)\W*$", re.IGNORECASE)
# Words published by someone, named after them: "figures released on Monday by property
# data firm CoreMetrics", "preliminary data from Domus Analytics", "a notice posted on the
# FDA's website", "a report in The Economic Times". What they are is the reviewer's to see
# in the evidence; whose they are is the source.
_DOCUMENTS = (
    r"(?:figures|data|statistics|numbers|report|reports|survey|study|notice|statement|note"
    r"|analysis|estimates?|research|poll|article|story|editorial|filing|release|document"
    r"|documents|summary|letter|memo|email|presentation|submission)"
)
_DOCUMENT_BY = re.compile(
    r"(?:(?:the|a|an|new|latest|preliminary|official|provisional|monthly|quarterly|annual"
    r"|weekly|recent)\s+)*(?:[\w-]+\s+){0,2}?"
    rf"{_DOCUMENTS}\s+"
    r"(?:(?:(?:released|published|issued|posted|compiled|collected|gathered|produced|put\s+out)"
    r"(?:\s+(?:on|last|this|late|early)\s+\w+|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|yesterday|today))?\s+)?(?:by|from)\s+"
    r"(?P<who>(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}[A-Z][^,;]*?)"
    r"|(?:posted|published)\s+on\s+(?P<site>(?:the\s+)?[A-Z][^,;]*?)['’]s?\s+"
    r"(?:website|site|web\s+site|page|account|feed)"
    r"|in\s+(?P<outlet>(?:the\s+|The\s+)?[A-Z][^,;]*?)"
    # "a summary the university released in September", "a letter that the firm sent"
    r"|(?:that\s+)?(?P<maker>(?:the|its|their)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*"
    r"|(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*){0,4})"
    r"\s+(?:released|published|issued|posted|put\s+out|filed|sent|circulated|submitted)"
    r"(?:\s+[^,;]*)?)$"
)
# Words a sentence or clause opens with, capitalised there, that start no name.
_NO_NAME_OPENERS = frozenset(
    {
        "what", "when", "where", "why", "how", "who", "whom", "whose", "which", "if", "as",
        "but", "and", "or", "so", "because", "while", "although", "though", "since", "after",
        "before", "until", "unless", "once", "whether", "that", "this", "these", "those",
        "it", "we", "i", "you", "they", "our", "my", "your", "their", "its",
        # what a headline calls a company before its name: "Carmaker Arvena recalls …"
        "carmaker", "automaker", "company", "firm", "utility", "lender", "insurer", "airline",
        "chipmaker", "drugmaker", "retailer", "miner", "startup", "giant", "rival",
    }
)  # fmt: skip
# A comma that sets words apart, not one inside a figure ("A study of 8,000 adults").
_COMMA = re.compile(r",(?!\d)")
# Small words inside a body's name, which its acronym skips: "Federal Bureau of Investigation".
_NAME_PARTICLES = frozenset({"of", "and", "for", "the", "on", "in", "de", "du", "des", "&"})
_ACRONYM_GIVEN = re.compile(r"\s*\([A-Z][A-Z.&-]{1,11}\)(?=\s*$|[\s,;:])")


def _spelt_before(text: str) -> str | None:
    """The name an acronym in brackets spells, when the words before it are that name:
    their capitals are its letters ("Olive Producers of Italy (OPI)"), however the name
    reads otherwise."""
    given = _ACRONYM_GIVEN.search(text)
    if given is None:
        return None
    letters = re.sub(r"[^A-Z]", "", given.group())
    words = text[: given.start()].split()
    for start in range(len(words) - 1, -1, -1):
        capitals = [w for w in words[start:] if w[:1].isupper()]
        if not words[start][:1].isupper() or len(capitals) > len(letters):
            continue
        if "".join(w[0] for w in capitals) == letters and len(capitals) > 1:
            return " ".join(w.strip(",;:") for w in words[start:])
    return None


_SET_OFF_RELATIVE = re.compile(r"(.*?\w.*?),\s+(?:who|whose|which)\s+\S")
# Someone described, then what they did at a body the clause names: "A woman who answered
# the phone at one of his companies, Crestline Capital Partners": the woman, not the company
# (where "The farmer who owns the barn, Elias Varnquist," is Varnquist).
_DESCRIBED_WHO = re.compile(
    r"((?:[Aa]n?|[Tt]he|[Oo]ne)(?:\s+[a-z-]+){1,3})\s+who\s+[^,]*\b(?:compan(?:y|ies)|firms?"
    r"|businesses|business|groups?|banks?|employers?|shops?|stores?|restaurants?|hotels?)\s*,"
)
# Who speaks for someone else, of whom: "the family of Derek Haines", "the widow of …".
_KIN_OF = re.compile(  # the nouns in lower case: "Friends of the Earth" is a name
    r"(?:[Tt]he\s+|[Aa]n?\s+|[Hh]is\s+|[Hh]er\s+)?(?:[\w-]+\s+)?(?:(?:family|families|relatives"
    r"|parents|widow|widower|son|daughter|children|friends?|neighbours?|neighbors?)\s+of"
    r"|(?:lawyers?|attorneys?|solicitors?|counsel)\s+(?:of|for|representing)"
    # "A former aide to Varga": his aide, not Varga
    r"|(?:aides?|advisers?|advisors?|assistants?|staffers?|bodyguards?|associates?)\s+(?:to|of))\s+"
)
_OF_THE_PLACE = re.compile(
    r"\s+of\s+the\s+(?:state|canton|province|city|county|region|district|town|republic"
    r"|kingdom|island|islands|territory|municipality|village|prefecture|department)\s+of\s+"
    r"(?P<place>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})\s*$"
)
_DOCUMENT_TO = re.compile(
    r"\b(?P<document>data|figures|statistics|filings?|letter|complaint|submission)"
    r"\s+(?:with|to|for|on|about)\s+.*$"
)
# The name a body goes by, given in a clause: "which operates under the name Greyfield
# Sports Holdings", "which trades as Kestrel Foods", "known as the Harbour Trust".
_TRADES_AS = re.compile(
    r",?\s+(?:which|that)\s+(?:operates|trades|goes|is\s+known|is\s+registered)\s+"
    r"(?:under\s+the\s+name|as)\s+(?:the\s+)?(?P<name>[A-Z][\w&'\u2019.-]*"
    r"(?:\s+(?:(?:of|and|for|&)\s+)?[A-Z][\w&'\u2019.-]*){0,5})"
)
_RELATIVE_CLAUSE = re.compile(r"\s+(?:who|whom|whose|which|that)\s+")
# A capital of a Latin alphabet, accented ones too ("Šimko", "Łukasz", "Élise").
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_NAME_WORD = rf"(?:[{UPPER}]\.|[{UPPER}][\w'’.-]*)"
_PERSON = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}")
# A person, then where they work: "R. Alan Whitfield of the University of Illinois".
_PERSON_OF = re.compile(rf"((?:[\w'\u2019-]+\s+)*?{_PERSON.pattern})\s+(?:of|at|from|with)\s+\S")
# Words that make a capitalised name a body's, not a person's: "Bank of England",
# "University of X", "Justice Ministry", "Daily Post". The head noun of "X of Y" (one
# organisation's name) and any word of a speaker's name in the proposals alike.
ORGANISATION_WORDS = BODY_NOUNS | {
    "bank", "university", "college", "school", "institute", "federation", "association",
    "society", "board", "office", "court", "house", "church", "museum", "foundation",
    "centre", "center", "fund", "league", "federal", "reserve", "nation", "republic",
    "kingdom", "state", "states", "city", "county", "province", "minister", "secretary",
    "police", "inc", "ltd", "news", "times", "post", "press", "media", "service",
    "authority", "army", "journal", "review", "magazine", "gazette", "herald", "tribune",
    "telegraph", "chronicle", "observer",
}  # fmt: skip


# The capitalised words right before a surname, as a name gives them ("President Recep
# Tayyip "), from after a word that opens sentences rather than names ("On Monday ").
_NOT_NAMES = (
    r"(?:On|In|At|The|A|An|But|And|As|When|After|Before|While|Since|If|Then|Today|Yesterday"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
_CAPITALISED = rf"(?!{_NOT_NAMES}\s)[A-Z][\w'’.-]*"
_JOINER = "(?:" + "|".join(sorted(_NAME_JOINERS - {"&"})) + ")"


def _ends_sentence(word: str) -> bool:
    """ "Lima." ends a sentence; "Gov.", "J." do not."""
    if not word.endswith((".", "!", "?")):
        return False
    bare = word.rstrip(".!?")
    return len(bare) > 1 and bare.lower() not in TITLES


_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")
_RUN_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?\b")
# A name's words run along one line: a headline's last word is no first name of the line after.
_RUN_BEFORE = re.compile(
    rf"(?<![\w'’.-]){_CAPITALISED}[ \t]+(?:(?:{_JOINER}[ \t]+)*{_CAPITALISED}[ \t]+)*$"
)


def _apposed_person(surface: str) -> str | None:
    """The name before an appositive that says what the person is ("Dana Whitaker, CEO of
    GreenGrid Energy", "Tatiana Stanovaya, a senior fellow at ..."); None otherwise."""
    parts = _COMMA.split(surface.strip(), maxsplit=1)
    if len(parts) < 2:
        return None
    first, rest = parts[0].strip(), parts[1].strip(" ,")
    if not rest or _apposed_body([first, rest]) is not None:
        return None
    if not _PERSON.fullmatch(first) or not _names_a_person(first):
        return None
    opening = rest.split()[0].lower().strip(".")
    if opening in _DETERMINERS or opening in TITLES or opening in _APPOSED_ROLES:
        return first
    return None


# Roles an appositive opens with, besides titles: "CEO of", "founder of", "head of".
_APPOSED_ROLES = frozenset(
    {"ceo", "cfo", "coo", "cto", "president", "chair", "founder", "co-founder", "owner",
     "partner", "professor", "author", "editor", "analyst", "economist", "strategist"}
)  # fmt: skip


def _names_a_person(words: str) -> bool:
    """Capitalised words ending in a name, not an organisation's head noun."""
    run = _PERSON.search(words)
    if run is None:
        return False
    keys = [re.sub(r"\W", "", w.lower()) for w in run.group().split()]
    return not any(key in ORGANISATION_WORDS or key in TITLES for key in keys[-2:])


def is_description(text: str) -> bool:
    """Whether ``text`` describes a source without naming it: no capitalised word after its
    determiner ("his office", "a spokesperson", "The ministry", "the billionaire estate
    mogul"). A source recorded under such a name would gather every spokesperson, office
    and ministry of every article that says "a spokesperson said".

    A capital only at the start of a sentence cannot be told from a name's, so such a span
    counts as a name, unless its words are those of a group ("Critics said", "Two other
    sources said": ``_GROUPS``) or of an office without its holder ("the Minister").
    """
    parts = [part for part in _COMMA.split(text) if part.split()]
    if len(parts) > 1:
        # "John Smith, an analyst" is named; "Police in Kent, the force said" is police;
        # "People in Need, a Czech aid group" is named: the appositive says it is a body's
        return _apposed_body(parts) is None and all(is_description(part) for part in parts)
    if _KIN_OF.match(text.strip()):
        return True  # "The family of Derek Haines", "a lawyer for Haines": whose, not who
    words = [_cleaned(word)[0] for word in text.split()]
    determined = False
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        determined, words = True, words[1:]
    while len(words) > 2 and words[-1].strip(".,") in _POSTNOMINALS:
        words = words[:-1]  # "Keir Starmer MP" is Starmer, no MP among others
    if not words:
        return False
    where = next((i for i, word in enumerate(words) if i and word in _PLACED), None)
    if where is not None and is_description(" ".join(words[:where])):
        return True  # "Police in Kent", "Analysts at Goldman Sachs": police, analysts
    seen = next(
        (
            i
            for i, word in enumerate(words[:-1])
            if i and word.lower() in SEEN_BY and words[i + 1].lower() == "by"
        ),
        None,
    )
    if seen is not None and is_description(" ".join(words[:seen])):
        # "documents seen by Reuters": the documents say it; Reuters only read them
        return True
    if not any(word[:1].isupper() for word in words):
        from claims.suggestions.citation import AGENCY_NAMES

        return " ".join(words) not in AGENCY_NAMES  # "dpa", as the agency writes itself
    if (
        len(words) > 1
        and words[-1].lower() in _KINDS_OF_MANY
        and words[-1][:1].islower()
        and _head(words)[0] is None
    ):
        # "the Andalusian club", "The Madrid-based newspaper": one of many of its kind, the
        # capitals only say where it is from ("the Bavarian interior ministry" is one body;
        # "the Alberta Energy Regulator", its kind capitalised, is a name)
        return True
    lowered = [word.lower().strip(".,") for word in words]
    qualified = next((i for i, word in enumerate(lowered) if i and word in _FAMILIAR), None)
    if qualified is not None:
        # "Two Republican officials familiar with the campaign": officials, so described
        lowered = lowered[:qualified]
    counted = lowered[0] in _NUMBERS and len(words) > 1
    while len(lowered) > 1 and (lowered[0] in _HOW_MANY or lowered[0].isdigit()):
        lowered = lowered[1:]  # "Eleven of 19 economists", "Two of the officials"
    if counted and not any(word[:1].isupper() for word in words[1:]):
        return True  # "Two curators", "Three council members": counted, so no one's name
    if (
        len(words) > 1
        and words[0].lower() in _SOME_OF
        and not any(w[:1].isupper() for w in words[1:])
    ):
        return True  # "Another musician", "Some studies": some of a kind, no one's name
    titled = determined and len(words) == 1 and words[0][:1].isupper()
    if all(word in _GROUPS for word in lowered) and not (titled and lowered != ["police"]):
        # "Critics said", "Two other sources": a capital at a sentence's start; but after
        # its article no sentence's start explains the capital: "The Economist" is named
        return True
    if len(lowered) > 2 and lowered[0] in _GROUPS and lowered[1] in _QUALIFIED_BY:
        return True  # "Allies of the Prime Minister", "a source close to the Chancellor"
    if (
        len(lowered) > 2
        and lowered[0] in _GROUPS
        and lowered[1] == "for"
        and lowered[2] in _DETERMINERS
    ):
        return True  # "Lawyers for the Harwood Estate", not the campaign "Lawyers for Justice"
    if (
        len(lowered) > 1
        and lowered[-1] in _GROUPS - _HOW_MANY - {"police"}
        and "of" not in lowered
        and not (words[-1][:1].isupper() and not lowered[-1].endswith("s"))
    ):
        # "Israeli officials", "Two Pentagon officials": officials, unnamed ("Kent Police"
        # is a force's name, and so is "the Alberta Energy Regulator")
        return True
    # An office without its holder's name, capitalised as many papers print it ("the
    # Minister", "Prime Minister"): whoever holds it, the article says.
    parts = [part for word in words for part in word.lower().strip(".").split("-") if part]
    return (
        any(part in _OFFICES for part in parts)
        and parts[-1] not in ("of", "for")
        and all(part in _OFFICE_WORDS or part in ("of", "for") for part in parts)
    )  # "Secretary of State", "the Minister of Finance", "Minister for Health"


def describes(name: str, surface: str | None = None) -> bool:
    """Whether a proposed source ``name`` is a description (``is_description``), unless the
    article's words for it (``surface``) give it as a body's name: "People in Need, a Czech
    aid group" names the group, where "People in Need" alone reads as people somewhere."""
    if surface:
        body = _apposed_body([part for part in _COMMA.split(surface) if part.split()])
        if body is not None and fold_name(body) == fold_name(name):
            return False
        if _ONE_OF_MANY.match(surface.strip()) and _common_head(name):
            # "a former Kestrel Power lineman", "a Reuters reporter": one of many, however
            # many capitals say whose; a name does not end in a lower-case noun
            return True
    return is_description(name)


_ONE_OF_MANY = re.compile(r"(?:an?|one)\s", re.IGNORECASE)


def _common_head(name: str) -> bool:
    words = name.split()
    last = words[-1].strip(".,;:") if words else ""
    return len(words) > 1 and last.isalpha() and last.islower() and last not in _POSTNOMINALS


# What opens the words qualifying unnamed people: "familiar with the matter", "briefed on
# the talks", "close to the campaign", "involved in the talks".
_FAMILIAR = frozenset(
    {"familiar", "briefed", "close", "involved", "knowledgeable", "aware", "not", "who"}
)  # "scientists not involved in the work", "officials who declined to be named"
# People spoken of as a group, never one source's name: "Critics", "Two other sources".
_GROUPS = frozenset(
    {
        "critics", "sources", "source", "officials", "analysts", "experts", "residents",
        "witnesses", "protesters", "observers", "economists", "investors", "traders",
        "diplomats", "lawmakers", "legislators", "prosecutors", "investigators", "doctors",
        "scientists", "researchers", "activists", "opponents", "supporters", "campaigners",
        "villagers", "locals", "workers", "employees", "executives", "insiders", "people",
        "person", "users", "voters", "parents", "teachers", "students", "farmers", "other",
        "others", "some", "many", "police", "authorities", "officers", "troops", "soldiers",
        "rescuers", "firefighters", "paramedics", "medics", "organisers", "organizers",
        "lawyers", "negotiators", "regulators", "spokespeople", "staff", "members",
        # one of them: "One official said", "A Western diplomat said"
        "official", "resident", "witness", "analyst", "expert", "diplomat", "lawmaker",
        "legislator", "investigator", "doctor", "activist", "worker", "employee", "insider",
        "officer", "soldier", "lawyer", "negotiator", "regulator", "protester", "observer",
        "economist", "trader", "campaigner", "villager", "member",
        "neighbors", "neighbours", "neighbor", "neighbour", "allies", "ally", "defenders",
        "passengers", "passenger", "booksellers", "politicians", "travellers", "travelers",
        "commuters", "shoppers", "fans", "patients", "customers", "survivors", "victims",
        "relatives", "families", "readers", "viewers", "motorists", "drivers", "nurses",
        "clinicians", "physicians", "scholars", "academics", "historians",
        "bankers", "banker", "mps", "mp", "peers", "aides", "aide", "ministers", "minister",
        "colleagues", "user",
    }
)  # fmt: skip
GROUPS = _GROUPS  # for other modules: people spoken of as a group
# What follows a group's head to say whose or which they are.
_QUALIFIED_BY = frozenset({"of", "close", "familiar", "briefed", "involved", "aware", "loyal"})
# Participles whose agent, after "by", only came to see what the head names ("documents
# seen by Reuters", "a letter obtained by the BBC"); "data compiled by LSEG" is LSEG's.
# So do those of a poll or an interview: "economists polled by Reuters" say it, Reuters asked.
SEEN_BY = frozenset(
    {
        "seen", "obtained", "reviewed", "viewed", "examined", "inspected", "read", "heard",
        "polled", "surveyed", "interviewed", "questioned", "contacted", "cited", "quoted",
    }
)  # fmt: skip
# The name someone unnamed gave: "the man, who gave his name only as Bakyt", "a resident
# who identified herself only as Maria".
_GAVE_NAME = re.compile(
    r"\bwho\s+(?:gave\s+(?:his|her|their)\s+(?:first\s+|full\s+)?name"
    r"|identified\s+(?:himself|herself|themselves)|asked\s+to\s+be\s+identified)"
    r"\s+(?:only\s+)?(?:by\s+(?:his|her|their)\s+(?:first\s+)?name,?\s+)?as\s+"
    rf"(?P<name>[{UPPER}][\w'\u2019-]*(?:\s+[{UPPER}][\w'\u2019-]*)?)"
)
# "Eleven of 19 economists polled by Reuters": the economists speak, Reuters asked them
# (the outlet is a hop of its own after them).
_SEEN_BY_HEAD = re.compile(rf"(.*?\w.*?),?\s+(?:{'|'.join(sorted(SEEN_BY))})\s+by\s+\S")
# Prepositions that end a phrase's head: what follows says where or with whom it is.
_PLACED = frozenset({"in", "at", "on", "from", "near", "across", "inside", "outside", "within"})
# Of those, the ones no name of a body is likely to hold ("Council on Foreign Relations",
# "Doctors from …" may be names): a name is looked for before them.
_WHERE = frozenset({"in", "at", "near", "inside", "outside", "within"})
# What opens a description of someone unnamed: "a woman from Manchester", "one user in Leeds".
_DESCRIBING = frozenset({"a", "an", "one", "another"})
_NUMBERS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "dozens", "hundreds", "thousands", "several"}
)  # fmt: skip
NUMBERS = _NUMBERS  # for other modules: the words that count people
_HOW_MANY = frozenset(
    {
        "one", "another", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "dozens", "hundreds", "thousands", "several", "some",
        "many", "other", "few", "most", "all", "senior", "former", "local", "foreign",
        "western", "of", "the",
    }
)  # fmt: skip
_OFFICES = frozenset(
    {
        "minister", "president", "secretary", "senator", "governor", "mayor", "chancellor",
        "ambassador", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
        "chairperson", "director", "commissioner", "premier", "prosecutor", "judge",
        "general", "executive",
    }
)  # fmt: skip
# Bodies that every country or company has one of, named by their department alone.
_GENERIC_BODIES = frozenset(
    {"ministry", "department", "office", "police", "army", "navy", "military", "government",
     "embassy", "parliament", "cabinet", "treasury", "customs", "prosecutor"}
)  # fmt: skip
_DEPARTMENT_WORDS = frozenset(
    {
        "the", "energy", "exchequer", "affairs", "foreign", "state", "defence", "defense",
        "health", "finance", "justice", "interior", "home", "trade", "education", "labour",
        "labor", "transport", "transportation", "culture", "agriculture", "environment",
        "security", "public", "economy", "economic", "development", "commerce", "industry",
        "homeland", "veterans", "housing", "treasury", "communications", "information",
        "internal", "external", "national", "social", "welfare", "war", "and", "human",
        "services", "resources", "emergency", "science", "technology", "digital", "care",
        # a chamber's officers: "Speaker of the House Newt Gingrich", "Leader of the House"
        "house", "commons", "lords", "senate", "assembly",
    }
)  # fmt: skip
_OFFICE_WORDS = _OFFICES | {
    "prime", "vice", "deputy", "foreign", "interior", "defence", "defense", "finance",
    "chief", "executive", "acting", "former", "first", "general", "attorney", "justice",
    "health", "economy", "education", "energy", "trade", "transport", "culture", "labour",
    "labor", "agriculture", "environment", "home", "state", "public", "prosecutor",
}  # fmt: skip


def _apposed_body(parts: list[str]) -> str | None:
    """The name before an appositive that calls it a body ("People in Need, a Czech aid
    group", "the Council on Foreign Relations, a think tank"), when it is written as a name
    is, capitalised but for the short words between: what would otherwise read as people
    somewhere ("People in Need") or a title ("Police Scotland") is that body's name."""
    if len(parts) < 2:
        return None
    apposed = parts[1].split()
    if len(apposed) < 2 or apposed[0].lower() not in ("a", "an", "the"):
        return None
    head = []
    for word in apposed[1:]:
        if word.lower() in _PLACED | _NAME_JOINERS | {"based", "that", "which", "who", "with"}:
            break
        head.append(word.lower().strip(".;:"))
    if not head or head[-1] not in _APPOSED_BODIES:
        return None
    words = parts[0].split()
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        words = words[1:]
    shaped = all(
        word[:1].isupper() or (word in _PLACED | _NAME_JOINERS and 0 < i < len(words) - 1)
        for i, word in enumerate(words)
    )
    return _phrase(words) if shaped else None


# What an appositive calls a body: "a Czech aid group", "a London-based charity".
_APPOSED_BODIES = BODY_NOUNS | {
    "charity", "firm", "ngo", "nonprofit", "non-profit", "thinktank", "think-tank", "tank",
    "watchdog", "network", "movement", "consortium", "association", "foundation",
    "institute", "federation", "society", "organisation", "organization", "charities",
}  # fmt: skip


# Words that make a name a place's, not a person's: "Trump Tower", "Wembley Park".
_PLACE_NOUNS = frozenset(
    {"tower", "towers", "street", "square", "hall", "house", "center", "centre", "airport",
     "park", "bridge", "hotel", "stadium", "building", "plaza", "road", "avenue", "station",
     "palace", "court", "castle", "lake", "river", "island", "valley", "beach", "bay",
     "arena", "gardens", "place", "county", "city", "port", "mall", "estate", "farm"}
)  # fmt: skip


def _an_office(part: str) -> bool:
    """ "Conservative MP for Wye Valley", "Bank of England Governor", "Karvonia's ambassador
    to Dresmark": a title, and what it is for, before the holder's name; neither the place
    nor the bank is the speaker."""
    words = [word.lower().strip(".") for word in part.split()]
    if words and words[-1] in TITLES and words[-1] not in _DETERMINERS:
        return True  # "Bank of England Governor, Andrew Bailey"
    return any(
        word in TITLES and after in ("for", "of", "to")
        for word, after in zip(words, words[1:], strict=False)
    )


def _describes(part: str) -> bool:
    """ "The leader of ...": a determiner and a common noun, a description, not a name."""
    words = part.split()
    return len(words) >= 2 and words[0].lower() in _DETERMINERS and words[1][:1].islower()


# Words a saint's name opens with, whose possessive is part of a body's name.
SAINTS = frozenset({"St", "St.", "Saint", "Ste", "San", "Santa", "Sankt"})


def _head(words: list[str]) -> tuple[str | None, str]:
    """The name heading ``words`` (None when the head is a common noun), and the phrase:
    without its determiner when a word is capitalised, as written when none is."""
    cleaned = [_cleaned(word) for word in words]
    start = 0
    while start < len(cleaned) - 1 and cleaned[start][0].lower() in _DETERMINERS:
        start += 1
    body = cleaned[start:]
    runs: list[list[int]] = []  # indexes into body of each run of capitalised words
    current: list[int] = []
    for index, (word, possessive) in enumerate(body):
        if (word[:1].isupper() and not _COMPOUND_ADJECTIVE.fullmatch(word)) or (
            current and _joins(body, index)
        ):
            current.append(index)
        elif current:
            runs.append(current)
            current = []
        saints = current and len(current) >= 2 and body[current[-2]][0] in SAINTS
        named_on = index + 1 == len(body) or body[index + 1][0][:1].isupper()
        if possessive and saints and named_on:
            # "St Aldric's General Hospital": a saint's name, the name's own
            body[index] = (f"{word}'s", False)
        elif possessive and current:  # "Britain's media regulator": the owner, not the head
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    for run in runs:
        while run and not body[run[-1]][0][:1].isupper():
            run.pop()
        if run and run[0] and body[run[0] - 1][0] in _PARTICLES:
            run.insert(0, run[0] - 1)  # "del Nido Carrasco": the particle is the name's
    runs = [run for run in runs if run]
    if not runs:
        return None, " ".join(words).rstrip(".")
    phrase = _phrase(words[start:])
    run = runs[-1]
    if len(runs) > 1 and body[runs[-2][-1]][1] and runs[-2][-1] + 1 == run[0]:
        keys = [body[i][0].lower() for i in run]
        of_what = len(keys) > 2 and keys[0] in _GENERIC_BODIES and keys[1] == "of"
        if of_what or (
            keys[-1] in _GENERIC_BODIES and all(k in _DEPARTMENT_WORDS for k in keys[:-1])
        ):
            # "Russia's Foreign Ministry", "Velmar's Ministry of Water Resources": every
            # country has one; the owner says whose
            owner = " ".join(body[i][0] for i in runs[-2])
            return f"{owner}'s " + " ".join(body[i][0] for i in run), phrase
    after = [word.lower() for word, _ in body[run[-1] + 1 :]]
    name_words = [body[i][0] for i in run]
    possessive = body[run[-1]][1]
    if after and possessive and not all(word in SPOKESPEOPLE for word in after):
        return None, phrase  # "The Kremlin's press office": not the Kremlin itself
    if after and not possessive:
        # "Xinhua news agency" is Xinhua; "Bavarian interior ministry" is not Bavarian.
        adjective = len(name_words) == 1 and name_words[0].lower() in _TITLE_ADJECTIVES
        if adjective or not all(_DESCRIPTORS.fullmatch(word) for word in after):
            return None, phrase
    name = _without_titles(name_words)
    return (" ".join(name) if name else None), phrase


# Head nouns of which a place has many: "the Andalusian club" is one of several.
_KINDS_OF_MANY = frozenset(
    {
        "club", "side", "team", "newspaper", "paper", "daily", "tabloid", "weekly", "magazine",
        "broadcaster", "channel", "station", "outlet", "website", "company", "firm", "group",
        "carmaker", "automaker", "maker", "giant", "insurer", "lender", "bank", "retailer",
        "startup", "start-up", "miner", "producer", "manufacturer", "airline", "operator",
        "supplier", "developer", "chain", "charity", "organisation", "organization",
        "thinktank", "think-tank",
    }
)  # fmt: skip
# A capitalised word made an adjective by what is joined to it: "Madrid-based",
# "Kremlin-backed", "Paris-born"; a name does not end in these.
_COMPOUND_ADJECTIVE = re.compile(
    r"[A-Z][\w.']*-(?:based|backed|born|owned|run|led|funded|linked|affiliated|allied|aligned"
    r"|controlled|held|made|friendly|style|speaking|focused|registered|listed)"
)


_FOREIGN_AND = frozenset({"und", "et", "y", "och", "og"})


def _joins(body: list[tuple[str, bool]], index: int) -> bool:
    """Whether a lower-case word goes on with the name before it: "of", "for", "von"; "on"
    after a body's head noun ("Council on Foreign Relations", "Commission on Human Rights"),
    where after a person's name it says when ("Smith on Tuesday")."""
    word = body[index][0].lower()
    if word in _NAME_JOINERS:
        return True
    if word in _FOREIGN_AND:
        # "Tanz und Bühne", "Ministerio de Agricultura y Pesca": an "and" between two of
        # the name's capitalised words
        return index + 1 < len(body) and body[index + 1][0][:1].isupper()
    if word != "on" or index + 1 >= len(body) or not body[index + 1][0][:1].isupper():
        return False
    head = body[index - 1][0].lower() if index else ""
    return head in ORGANISATION_WORDS and body[index + 1][0].lower() not in _DATES


_DATES = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    }
)  # fmt: skip


def _cleaned(word: str) -> tuple[str, bool]:
    """A word without its punctuation or possessive ending, and whether it had one."""
    word = word.strip(',;:()[]"“”‘')
    possessive = bool(_POSSESSIVE.search(word))
    if possessive and word[:-2].lower() in _NAMING_OWNERS:
        return word, False  # "Women's Tennis Association": the name's own word
    if possessive:
        word = word[:-2]
    if word.endswith(".") and not _INITIALS.fullmatch(word) and not _suffix(word):
        word = word.rstrip(".")
    return word, possessive


# Capitalised owners that are part of a body's name, not another body owning it ("the
# Women's Tennis Association", "the Children's Hospital"), as "Britain's" in "Britain's
# media regulator" is.
_NAMING_OWNERS = frozenset({"women", "men", "children", "people", "girls", "boys"})


def _suffix(word: str) -> bool:
    """ "Jr.", "Sr.": the full stop is part of the name."""
    return word.lower().rstrip(".") in _SUFFIXES


def _phrase(words: list[str]) -> str:
    """The words as written, without a full stop that ends the span."""
    text = " ".join(words)
    if text.endswith(".") and not _INITIALS.fullmatch(words[-1]) and not _suffix(words[-1]):
        text = text.rstrip(".")
    return text


def _without_titles(run: list[str]) -> list[str]:
    """A run without the titles before the name: "Energy Minister Ana Konig" → Ana Konig.

    The name starts after the last title proper ("Minister", "Dr.", "Leader") and whatever
    belongs to that title ("Secretary of State …"); the words before it say what the title
    is of. A nationality or department is a title only next to one ("Chinese Minister of
    Public Security …"), not before a name ("European Commission"). When nothing but a
    body ("Justice Department") or a suffix ("King Jr.") would be left, the title was part
    of the name, and only titles that open the run are dropped.
    """
    keys = [_title_key(word) for word in run]
    if len(run) == 3 and keys[1] == "for":
        return run  # "Justice for Kestington": a campaign's name, no judge's, nobody after
    proper = [
        i
        for i, key in enumerate(keys)
        if key in TITLES and key not in _TITLE_ADJECTIVES and key not in _NOT_TITLES
    ]
    if proper:
        index = proper[-1] + 1
        while index < len(run) - 1 and keys[index] in TITLES:  # "of State", "of Public …"
            index += 1
        if {"of", "for"} & set(keys[proper[-1] : index + 1]):
            # "Secretary of Energy Jennifer Granholm", "Chancellor of the Exchequer Rachel
            # Reeves", "Secretary of State for Health Wes Streeting": the department's
            # words, while a name of two words is left
            while index < len(run) - 2 and keys[index] in _DEPARTMENT_WORDS | {"of", "for"}:
                index += 1
            if len(run) - index > 2 and keys[proper[-1] + 1] == "for":
                # "Minister for Europe Stephen Doughty", "Minister for the Cabinet Office Pat
                # McFadden": a brief is named by what it covers, a holder by two words, or
                # three with a particle ("Eoghan Mac Cárthaigh", "Ruud van Dijk")
                index = len(run) - 2
                if index - 1 > proper[-1] + 1 and keys[index] in _SURNAME_PARTICLES:
                    index -= 1
        name = _without_joiners(run[index:])
        if _names_someone(name):
            return name
    if (
        len(run) >= 3
        and keys[0] in _PARTIES
        and not any(key in ORGANISATION_WORDS for key in keys[1:])
        and _names_someone(run[1:])
    ):
        return run[1:]  # "Democrat Elena Vasquez": a party's member, named
    index = 0
    in_title = False  # inside "Minister of Public Security …" before the name begins
    while index < len(run):
        following = keys[index + 1] if index + 1 < len(run) else ""
        key = keys[index]
        title = key in TITLES and (key not in _TITLE_ADJECTIVES or following in TITLES or in_title)
        if not title:
            break
        in_title = in_title or (key not in _TITLE_ADJECTIVES and key not in _NOT_TITLES)
        index += 1
    name = _without_joiners(run[index:])
    return name if _names_someone(name) or not name else run


def _title_key(word: str) -> str:
    """A word as ``TITLES`` knows it; a hyphenated title ("Secretary-General",
    "Vice-President", "Lt.-Gen.") as its proper part, the one that is not an adjective."""
    key = re.sub(r"[^\w-]", "", word.lower())
    parts = [part for part in key.split("-") if part]
    if len(parts) > 1 and all(part in TITLES for part in parts):
        proper = [p for p in parts if p not in _TITLE_ADJECTIVES and p not in _NOT_TITLES]
        return (proper or parts)[0]
    return key.replace("-", "")


def _names_someone(name: list[str]) -> bool:
    """Not empty, and more than a suffix ("Jr.") or a body ("Department") a title left."""
    keys = {re.sub(r"\W", "", word.lower()) for word in name}
    return bool(name) and not keys <= _SUFFIXES and not (len(name) == 1 and keys <= BODY_NOUNS)


def _without_joiners(words: list[str]) -> list[str]:
    """Without "of", "for" or "and" opening it; a particle opening a name stays ("Del
    Nido", "van Dijk")."""
    while words and words[0].lower() in _NAME_JOINERS - _PARTICLES:
        words = words[1:]
    return words
