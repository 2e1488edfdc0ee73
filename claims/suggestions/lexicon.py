"""The words of attribution: reporting verbs and phrases, and the words around them.

Kept apart from the rules that use them so that the vocabulary can be read, and extended,
on its own page. All lower case; multi-word cues are tuples of tokens.
"""

from __future__ import annotations

import re

VERBS = {
    # base: (third person, past, participle-ing) beyond the regular forms
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "predict": (),
    "forecast": ("forecasts", "forecasted", "forecasting"),
    "project": (),  # only with "that": "projected that unemployment would rise"
    "add": (),
    "report": (),
    "claim": (),
    "announce": (),
    "explain": (),
    "note": (),
    "argue": (),
    "insist": (),
    "warn": (),
    "declare": (),
    "assert": (),
    "acknowledge": (),
    "admit": ("admits", "admitted", "admitting"),
    "confirm": (),
    "deny": ("denies", "denied", "denying"),
    "suggest": (),
    "describe": (),
    "call": (),
    "urge": (),
    "ask": (),
    "estimate": (),
    "quote": (),
    "emphasize": (),
    "emphasise": (),
    "stress": ("stresses", "stressed", "stressing"),
    "recall": (),
    "reply": ("replies", "replied", "replying"),
    "respond": (),
    "post": (),
    "allege": (),
    "conclude": (),
    "reveal": (),
    "indicate": (),
    "complain": (),
    "contend": (),
    "maintain": (),
    "observe": (),
    "remark": (),
    "testify": ("testifies", "testified", "testifying"),
    "promise": (),
    "vow": (),
    "pledge": (),
    "accuse": (),
    "agree": (),
    "concede": (),
    "boast": (),
    "recount": (),
    "dismiss": ("dismisses", "dismissed", "dismissing"),
    "propose": (),
    "assure": (),
    "speculate": (),
    "acknowledged": (),
    "cite": (),
    "announced": (),
    "repeat": (),
    "mention": (),
    "blame": (),
    "criticize": (),
    "criticise": (),
    "praise": (),
    "wonder": (),
    "advise": (),
    "inform": (),
    "predicted": (),
    "worry": ("worries", "worried", "worrying"),
    "declined": (),
    "tweeted": ("tweeted",),
    "tweets": ("tweets",),
    "think": ("thinks", "thought", "thinking"),
    "believe": (),
    "know": ("knows", "knew", "knowing", "known"),
    "find": ("finds", "found", "finding"),
    "show": ("shows", "showed", "showing", "shown"),
    "fear": (),
    "hope": (),
    "expect": (),
    "feel": ("feels", "felt", "feeling"),
    "realize": (),
    "realise": (),
    "stated": ("stated", "states", "stating"),  # not "state": "the state said"
    "refer": ("refers", "referred", "referring"),
    "joke": (),
    "rule": (),  # "the judge ruled that A"; "ruled out" and "ruled the country" say nothing
}


def forms(base: str, extra: tuple[str, ...]) -> set[str]:
    if extra == (base,):
        return {base}
    if extra and len(extra) >= 3:
        return {base, *extra}
    stem = base[:-1] if base.endswith("e") else base
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    return {base, third, stem + "ed", stem + "ing", *extra}


CUE_WORDS: frozenset[str] = frozenset(w for b, e in VERBS.items() for w in forms(b, e))
# Verbs that turn down what others say ("denied reports that", "dismissed suggestions
# that"), and the nouns of what others say after them: what follows is not the speaker's.
REJECTS: frozenset[str] = frozenset(
    w
    for base in ("deny", "reject", "dismiss", "dispute", "refute", "contest", "downplay")
    for w in forms(base, ("denies", "denied", "denying") if base == "deny" else ())
)
OTHERS_WORDS = frozenset(
    {"report", "reports", "claim", "claims", "allegation", "allegations", "suggestion",
     "suggestions", "rumour", "rumours", "rumor", "rumors", "assertion", "assertions",
     "accusation", "accusations", "speculation"}
)  # fmt: skip
# Verbs that only ever report speech, where the tagger alone finding one with its speaker
# leaves little doubt: not a belief ("believe"), a finding ("found") or an act ("offered").
SPEECH_WORDS: frozenset[str] = frozenset(
    w
    for base in (
        "say", "tell", "write", "add", "report", "claim", "announce", "explain", "note",
        "argue", "insist", "warn", "declare", "confirm", "deny", "stress", "emphasise",
        "emphasize", "testify", "reply", "acknowledge", "admit", "concede", "allege",
    )
    for w in forms(base, VERBS[base])
) | {
    "stated", "cautioned", "cautions", "reminded", "reminds", "countered", "counters",
    "retorted", "responded", "maintained", "contended", "estimated",
}  # fmt: skip
# Multi-word cues, longest first; each is a tuple of lower-cased tokens.
PHRASE_CUES = sorted(
    [
        ("according", "to"),
        ("points", "out"),
        ("pointed", "out"),
        ("point", "out"),
        ("pointing", "out"),
        ("expressed", "hope"),
        ("expressed", "concern"),
        ("expresses", "hope"),
        ("expressed", "confidence"),
        ("made", "clear"),
    ],
    key=len,
    reverse=True,
)
# Nouns that report when a "that" clause follows: "European Commission warnings that ...".
NOMINAL_CUES = frozenset(
    {
        "warning", "warnings", "claim", "claims", "assertion", "assertions", "allegation",
        "allegations", "statement", "statements", "insistence", "accusation", "accusations",
        "suggestion", "argument", "belief", "view", "announcement", "admission", "assurance",
        "assurances", "promise", "pledge", "prediction", "report", "reports",
    }
)  # fmt: skip
# Cues whose source follows them: "citing Reuters", "quoting officials".
SOURCE_AFTER = {"according to", "citing", "quoting", "cited", "per"}
AUXILIARIES = {
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should",
    "did", "does", "do", "is", "was", "were", "are", "be", "been", "also", "reportedly",
    "previously", "later", "again", "repeatedly", "publicly", "recently", "never", "not",
    "once", "often", "already", "earlier", "further", "then", "allegedly", "separately",
    "initially", "still", "just", "even", "officially", "privately", "openly", "clearly",
}  # fmt: skip
BOUNDARY_WORDS = {
    "despite", "amid", "following", "regarding", "concerning", "against", "without",
    "that", "and", "but", "while", "as", "because", "after", "when", "which", "what",
    "if", "since", "although", "though", "where", "so", "before", "whereas", "unless",
    "than", "until", "whether", "or", "nor", "yet", "how", "why",
}  # fmt: skip
NOUN_OR_VERB = {
    "states", "remarks", "questions", "reports", "thanks", "calls", "claims", "posts", "notes",
    "quotes", "counters", "charges", "concerns", "pledges", "promises", "continues",
}  # fmt: skip
# Of those, the verbs of saying that end a sentence after its speaker: "..., the agency
# reports.", "..., the paper notes."
SAYS_AFTER_NOUN = {"reports", "claims", "notes", "states", "remarks", "counters"}
NEEDS_THAT = {
    w
    for base in (
        "think",
        "believe",
        "know",
        "find",
        "show",
        "fear",
        "hope",
        "expect",
        "feel",
        "realize",
        "realise",
        "agree",  # "the clubs had agreed a fee": what was settled, not said
        "rule",
        "project",  # "the project", "projected growth": a noun or an adjective without it
    )
    for w in forms(base, VERBS[base])
}
DETERMINERS = {"a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "my", "your"}
# Words that join a second cue to the first one's speaker: "said ... and added ...".
COORDINATORS = {"and", "but"}
# Verbs whose object is the listener, not the statement: "told Orban that ...", "warned
# Tom Reed he would ...". A "he" or "she" after them may be the listener, and a name after
# them is whom the words were said to.
TELL = frozenset({"told", "tells", "tell", "telling", "assured", "informed", "warned", "urged"})
PRONOUN_OBJECTS = {"him", "her", "them", "us", "me", "reporters", "journalists", "it", "you"}
TRAILING_ADVERBIALS = re.compile(
    r"^(?:(?:on|last|this|in|at|during|late|early|earlier|later|by|to|over|from|via|after|"
    r"without|but|while|adding|according|in a|yesterday|today|tonight|recently|previously|"
    r"[A-Z]\w+day|\w+ly)\b.*)?$"
)
# Quotation marks as single tokens of the extractor, which the trained models learnt
# with exactly these: kept as they are, not ``claims.text.QUOTE_PAIRS``, which pairs the
# marks of running text by language.
OPEN_QUOTES = '“"«„‘'
CLOSE_QUOTES = '”"»’'
PUNCT_BOUNDARY = set(",;:()[]—–-") | {"--"} | set(OPEN_QUOTES) | set(CLOSE_QUOTES)

PREPOSITIONS = {
    "of", "in", "on", "for", "with", "by", "about", "from", "to", "into", "at", "over",
    "under", "between", "through", "during", "without", "within", "across", "toward",
    "towards", "upon", "via",
}  # fmt: skip
# Words after which "claims" is a noun, not a verb: "amid claims that", "investigates
# claims that", "denied claims that". Whoever made them is not the sentence's subject.
CLAIMS_AS_NOUN_AFTER = frozenset(
    {"amid", "amidst", "despite", "following", "after", "against", "denied", "denies", "deny",
     "denying", "rejected", "rejects", "reject", "rejecting", "dismissed", "dismisses",
     "dismissing", "disputed", "disputes", "disputing", "investigates", "investigating",
     "investigate", "investigated", "examining", "examines", "examine", "examined",
     "probing", "probes", "probe", "probed", "reviewing", "reviews", "review", "reviewed",
     "new", "unsubstantiated", "false", "such", "these", "those", "of", "over", "about",
     "to", "by", "with", "the", "and", "or"}
)  # fmt: skip
SPEAKER_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "one", "both"}
# Words that never name whoever speaks: a time word, an adverb. A source span of only these
# ("today", "far" of "so far") is a fragment, not a speaker. A relative pronoun ("which
# promised") is PolNeAR's source; who it is comes from the phrase before it.
TIME_WORDS = {
    "today", "yesterday", "tomorrow", "tonight", "now", "then", "far", "meanwhile", "here",
    "there", "recently", "lately", "currently", "since", "ago", "soon",
}  # fmt: skip
RELATIVES = {"which", "who", "whom", "whose", "that", "what", "where", "when"}
NOT_SPEAKERS = frozenset(TIME_WORDS | AUXILIARIES | {"so", "only", "too"})
# Words by which a cue hedges or acts rather than reports: "appears to be stalling",
# "allegedly misled investors", "wrangle over a budget", "voted to accept", "are divided on".
# PolNeAR marks some of these as cues; a proposed claim does not rest on them.
# "reportedly" is not among them: it says the words are passed on, by the article's origin
# when nobody else is named.
HEDGES = {"allegedly", "apparently", "seemingly", "supposedly", "purportedly"}
NOT_REPORTING = (
    {
        w
        for base in ("appear", "seem", "wrangle", "vote", "divide", "decline", "refuse")
        for w in forms(base, ())
    }
    | {"appears", "seems"}
    | {
        # what a court, a legislature or a government does, which the tagger at times reads
        # as a cue: "A federal appeals court blocked a Texas law that ..."
        w
        for base in ("block", "sentence", "sign", "veto", "overturn", "uphold", "impose")
        for w in forms(base, {"uphold": ("upholds", "upheld", "upholding")}.get(base, ()))
    }
    # what something is called: "the blaze, which it has named the Pinecrest Fire, had"
    | forms("name", ())
    | forms("rename", ())
    | forms("dub", ("dubs", "dubbed", "dubbing"))
)
# Verbs whose object is a thing, not a statement, unless a clause follows: "promised a
# battery industry", "urged donors to give", "described the mood as grim", "asked
# ministers for £500m". With a clause ("promised it would") or a quotation they pass words
# on; with a noun alone what follows is no claim. Not "estimate": "estimated 300 people
# died" is a clause with no word to tell it by. Likewise "warned of" (about, against)
# and "called for" a thing.
OBJECT_CUES = {
    w
    for base in ("promise", "urge", "describe", "ask", "demand", "downgrade")
    for w in forms(base, ())
} | {"put", "puts"}
# Verbs of an act when a preposition follows: "agreed on a joint control", "agreed to a
# ceasefire", "agreed with Kyiv" say what was settled, not what was said; "agreed that"
# reports.
AGREED = forms("agree", ())
# Whoever speaks in their own words: inside a quotation another speaker's, "We agreed" is
# the quoted speaker's act, not a report they pass on.
FIRST_PERSON = {"i", "we", "you"}
# "Called" names ("called NATO a grave challenge": a statement); "called for" asks.
WARNED = forms("warn", ()) | forms("caution", ()) | forms("call", ())
THING_PREPOSITIONS = {"of", "about", "against", "for"}
# Words that make a passage a clause, read without a tagger: auxiliaries, modals, copulas,
# negations and the commonest irregular past forms; with a regular past (-ed) they find
# the verb of most clauses a reporting verb takes ("it would", "the strike had delayed").
CLAUSE_WORDS = frozenset(
    """is are was were be been being am will would can could may might must shall should
    has have had do does did isn't aren't wasn't weren't won't wouldn't can't couldn't
    hasn't haven't hadn't don't doesn't didn't shouldn't mustn't said told made took gave
    went came saw knew thought felt got kept held brought bought found lost met paid sent
    spent stood won wrote rose fell grew began left ran cut hit let set died lived
    sold built struck spoke drove flew threw chose broke froze stole sank shrank caught
    fought sought meant led fled swept slept sat lay lent rode rang sang drank woke arose
    withdrew became forgot overtook shot beat burst spread hurt shut split quit tore wore
    swore blew drew dug hung swung slid shook spun crept swam bled sped forgave""".split()
)
# The passive voice of a reporting verb: its subject is whom the words were about or said
# to, not who said them ("Ministers have been accused of ...", "The driver was told ...",
# "Residents were warned ..."); the speaker is the agent after "by", or nobody named.
# A form of "be" before the participle makes it passive.
BE = {"is", "are", "was", "were", "be", "been", "being", "am"}
# Participles that are not regular "-ed" forms.
PARTICIPLES = {"told", "said", "written", "known", "shown", "found", "thought", "felt"}
# Not these: "Braynard is quoted as saying" and "cited as saying" name the speaker as the
# subject; belief and evidence verbs ("is expected to", "is thought to") are read as
# before, with a "that" clause; "were worried" is a feeling.
NOT_PASSIVE = forms("quote", ()) | forms("cite", ()) | NEEDS_THAT | forms("worry", VERBS["worry"])
# A headline drops the auxiliary: "Ministers accused of betraying renters", "Residents told
# to leave". Only verbs that need an object when active ("accused X of", "told X to") read
# as passive with the preposition straight after them; "warned of", "asked to" are active,
# and so is "described as" in "a move Scholz described as overdue".
REDUCED_PASSIVE = {
    "accused": {"of", "by"}, "blamed": {"for", "by"}, "criticised": {"for", "by", "over"},
    "criticized": {"for", "by", "over"}, "praised": {"for", "by"}, "told": {"to", "by"},
    "urged": {"to", "by"}, "advised": {"to", "by"}, "informed": {"of", "by"},
    "warned": {"to", "by"}, "asked": {"by"},
}  # fmt: skip
# A participle opening a sentence that puts a question to the speaker: "Asked about the
# report, the minister said ...": the cue is "said", not "Asked".
QUESTIONED = {"asked", "pressed", "questioned", "quizzed", "challenged"}
# Who a pronoun or a title says a person is: "she" after "he" is someone else, and so is a
# "Ms." after a "he".
GENDERED = {
    "he": "m", "him": "m", "his": "m", "mr": "m", "sir": "m", "lord": "m",
    "she": "f", "her": "f", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f",
}  # fmt: skip

# Nouns for a person that say whether "he" or "she" may be them: "a spokeswoman" is no "he".
NOUN_GENDER = {
    "spokesman": "m", "spokeswoman": "f", "man": "m", "woman": "f", "mother": "f",
    "father": "m", "businessman": "m", "businesswoman": "f", "chairman": "m",
    "chairwoman": "f", "congressman": "m", "congresswoman": "f",
}  # fmt: skip

# The words that close a company's name and say it is one: "Veltrix Therapeutics", "Acme
# Corp", "United Airlines".
COMPANY_NAME_WORDS = frozenset(
    {
        "inc", "corp", "corporation", "plc", "ltd", "llc", "ag", "sa", "nv", "group",
        "holdings", "therapeutics", "pharmaceuticals", "pharma", "airlines", "airways", "lines",
        "motors", "systems", "technologies", "energy", "industries", "partners", "capital",
        "labs", "laboratories", "foods", "networks", "software", "mining", "logistics",
        "bank", "rail", "railways", "electric", "packaging", "chemicals", "chemical", "steel",
        "automotive", "aerospace", "petroleum", "resources", "minerals", "metals",
        "materials", "brands", "stores", "apparel", "insurance", "financial", "securities",
        "investments", "ventures", "properties", "hotels", "resorts", "shipping", "freight",
        "beverages", "brewing", "brewery", "electronics", "semiconductor", "semiconductors",
        "robotics", "devices", "enterprises", "telecom", "communications", "entertainment",
        "studios", "construction", "engineering", "utilities", "biotherapeutics",
        "biosciences", "biotech", "biologics", "genomics", "diagnostics", "records",
        "music", "pictures", "films", "publishing", "games", "ferries", "cargo", "terminals",
        "hydro", "marine", "haulage", "infrastructure", "dairies", "mills", "bakeries", "line",
        "cruises", "air",
    }
)  # fmt: skip

# Words that end the names of charities, campaigns and firms, no person's ("Red Cross",
# "Action Fraud", "Greystone Homes"): with "said it", the body speaks of itself.
BODY_NAME_WORDS = frozenset(
    {
        "homes", "racing", "services", "power", "water", "waters", "insurance", "media", "health",
        "care", "rescue", "aid", "watch", "cross", "fraud", "trust", "charity", "campaign",
        "gallery", "galleries", "library", "theatre", "theater", "orchestra", "zoo",
        "nations", "crescent", "conservancy", "foundation", "coalition", "collective", "club",
        "events", "festival", "network", "alliance", "society", "guild",
    }
)  # fmt: skip

_PARTICLE_VERBS = (
    "fight", "fighting", "carry", "carrying", "press", "pressing", "push", "go", "going",
    "goes", "went", "move", "moving", "hold", "keep", "step", "stepped", "give", "gave",
    "stand", "stood", "come", "came", "live", "soldier", "play",
    # a passive's verb and its preposition: "the memo was never acted on"
    "acted", "relied", "commented", "voted", "ruled", "weighed", "signed", "called", "decided",
    "agreed", "followed", "cracked", "handed", "brought", "phased", "sworn", "dealt",
    # "fields that some users had chosen to fill in", "had already logged on"
    "fill", "fills", "filled", "filling", "log", "logged", "logging", "opt", "opted", "check",
    "checked", "cave", "caved", "chip", "chipped", "kick", "kicked", "sink", "sank", "sunk",
    "turn", "turned", "plug", "plugged", "drop", "dropped", "rein", "reined", "usher",
    "ushered", "hang", "hung", "switch", "switched", "sit", "sat", "join", "joined", "pitch",
    "pitched", "dig", "dug", "settle", "settled", "sign", "chime", "chimed", "lock",
)  # fmt: skip
# A content that ends on a word that cannot end a clause: cut off mid-way ("… would meet
# union leaders on"); not "her", which ends "called to congratulate her".
# "On", "in", "by" end a clause after a verb they belong to ("fight on", "step in").
_AFTER_NO_PARTICLE_VERB = "".join(rf"(?<!\b{verb}\s)" for verb in _PARTICLE_VERBS)
CUT_OFF = re.compile(
    r"\b(?:for|when|to|of|with|and|or|but|that|which|who|as|from|at|the|a|an|its|their|his)"
    rf"\W*$|{_AFTER_NO_PARTICLE_VERB}\b(?:on|in|by)\W*$",
    re.IGNORECASE,
)

# Words that end a newspaper's name: "Vessmark Tribune", "Southern Herald", "Harwick Chronicle".
PAPER_NAME_WORDS = (
    "Tribune", "Times", "Post", "Herald", "Gazette", "Courier", "Chronicle", "Telegraph",
    "Observer", "Echo", "Star", "Sun", "Globe", "Inquirer", "Examiner", "Sentinel", "Mail",
    "Mirror", "Express", "Standard", "Advertiser", "Dispatch", "Bulletin", "Dagblad", "Zeitung",
    "Clarion", "Ledger", "Enquirer", "Argus", "Gleaner",
)  # fmt: skip
