"""Proposals for one article: sentence by sentence, a claim, its quotation and its chain.

Each sentence's attributions (``attribution.extract``) give, for every innermost content, a
proposed claim and the hops that carry it, innermost speaker first. Sources are resolved to
known ones (``claims.resolution``); a pronoun takes the last speaker named before it; an
unknown source is proposed as new, never created here. A sentence that attributes nothing is
still proposed, with an empty stated chain and a low confidence: most of a news story is the
outlet's (or its origin's) own assertion, and the seed data records those too.

A transcript's speaker label ("SOLBERG-DAHL: ...") speaks every sentence of its paragraph,
under the full name the article gave earlier; an interviewer's question is nobody's claim.
"The department" is the last department proposed; "the newspaper" the outlet the sentence
named as told or cited before it, else the origin.

Hops naming the publisher are dropped and the article's origin is not repeated at the end:
the chain is composed with origin and publisher later, exactly as for a hand-entered one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claims.resolution import (
    PRONOUNS,
    TIME_WORD,
    Resolution,
    Resolver,
    is_description,
    refers_to_origin,
)
from claims.sentences import Label, Sentence, paragraphs, speaker_labels, split_sentences
from claims.suggestions.attribution import (
    Attribution,
    chain_of,
    describes_source,
    leaves,
    passive,
    source_like,
    tokenize,
)
from claims.suggestions.citation import CREDIT_CUES, NEWS_ORGANISATIONS, statement_start
from claims.suggestions.lexicon import (
    AUXILIARIES,
    CLOSE_QUOTES,
    CUE_WORDS,
    CUT_OFF,
    GENDERED,
    NOMINAL_CUES,
    NOUN_GENDER,
    OPEN_QUOTES,
    PHRASE_CUES,
    PREPOSITIONS,
    PUNCT_BOUNDARY,
    RELATIVES,
    SPEECH_WORDS,
)
from claims.suggestions.origins import captions, credited, origin_proposal
from claims.suggestions.outlets import (
    A_PAPER_NAMED,
    APPOSED_THAT,
    IN_A_STATEMENT,
    LISTENER,
    LISTENER_THAT,
    OUTLET_NAME,
    TELLS,
    TOLD,
    TOLD_A_SHOW,
    TOLD_STATE,
    an_outlet_by_name,
    note_last_outlet,
    note_outlets,
    outlet_hop,
    outlet_just_before,
    outlet_seen,
    outlet_told,
)
from claims.suggestions.proposal import (
    EXPLETIVE_IT,
    JOINT,
    SINGLE_CLOSE,
    THAT_NOUNS,
    Proposal,
    claim_wording,
    named_subject,
    single_quoted,
    source_hop,
    speakers_own,
    spoken,
    without_questions,
)
from claims.suggestions.relations import TAGGER, ArticleAttributions, bare
from claims.suggestions.reporting import claimed_whole, quotes_words, reporting_relations, states
from claims.suggestions.speakers import (
    APPOSED_NOUNS,
    MADE_DOCUMENTS,
    Speakers,
    a_body,
    antecedent,
    apposed_to,
    named_after,
    never_a_persons,
    outlet_named_before,
)
from claims.suggestions.subjects import (
    HE_OR_SHE,
    client_named,
    client_quoted,
    company_named,
    him_named,
    it_again,
    kinds_named,
    no_one_person,
    owner_of_document,
    people_named,
    person_named,
    person_opening,
    subject_named,
    subject_read,
    we_named,
)
from claims.text import (
    DOUBLE_QUOTES,
    QUOTATION_STARTS,
    QUOTE_MARKS,
    SINGLE_QUOTE_PAIRS,
    fold_name,
    quotations,
    quote_marks,
)

ORDER_CONFIDENCE = {"pre": 0.8, "post": 0.85, "inverted": 0.85, "source-after": 0.85}
UNATTRIBUTED_CONFIDENCE = 0.3
CONTINUED_CONFIDENCE = 0.5
# A reported act of speech ("Wang told Orban last week") is proposed less surely than what
# was said: the reviewer may well want only the latter.
SPEECH_ACT_SHARE = 0.7
SPEECH_ACT_WORDS = 16
# A quotation, or two sentences.
_QUOTE_OR_STOP = re.compile("[" + re.escape(QUOTE_MARKS) + r"]|[.!?]\s")
# What opens a quotation at the start of a passage: there a single mark is no apostrophe.
_SINGLE_OPENERS = "".join(SINGLE_QUOTE_PAIRS)
LABEL_CONFIDENCE = 0.85  # a transcript's speaker label says who speaks as plainly as "said"
# The article's own statement: four words can state a fact ("Cod prices doubled overnight"),
# but one as short as that opening with a pronoun names nothing it speaks of ("It is very
# bad."), and is no claim to be read alone.
MIN_WORDS = 4
VAGUE_WORDS = 4
VAGUE_OPENERS = PRONOUNS | {"this", "that", "these", "those", "you", "there", "others"}
# What someone would not say, and who did not answer: no claim of theirs, nor a claim when
# someone says it of them ("a spokesman said the company did not comment on customers").
_NO_COMMENT = (
    r"\bdeclined\s+to\s+(?:say|comment|elaborate|specify|discuss|disclose|confirm|name"
    r"|give|provide|answer)\b"
    r"|\b(?:did|does|do|has|have|had|would|will)\s+not\s+(?:say|said|specif(?:y|ied)"
    r"|elaborate[d]?|name[d]?|identif(?:y|ied)"
    r"|comment(?:ed)?|respond(?:ed)?|return(?:ed)?|disclose[d]?|immediately\s+respond)\b"
    r"|\bcould\s+not\s+be\s+reached\b"
)
# A sentence that frames what others say, states nothing of its own to check: "Howe was
# asked about the striker at a press conference", "The court also heard from Claire
# Dunning", "Del Nido struck a defiant tone", "The claim could not be independently
# verified", "Security analysts in Germany were divided".
_FRAMING = re.compile(
    r"(?:\b(?:was|were)\s+|^\s*)[Aa]sked\s+(?:about|whether|if|what|how|why|when)\b"
    r"|\bheard\s+from\b"
    r"|\bstruck\s+an?\s+[\w-]+\s+(?:tone|note)\b"
    r"|\bcould\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verified|confirmed|verify|confirm)\b"
    r"|\b(?:are|were|is|was|remain|remained)\s+(?:deeply\s+|sharply\s+)?(?:divided|split)"
    r"(?:\W*$|\s+(?:on|over|about)\b)"
    r"|\btells?\s+an?\s+(?:similar|different|other|familiar)\s+story\b"
    rf"|{_NO_COMMENT}"
    # a turn from one side to the other: "Not everyone was convinced.", "Some rivals were
    # less guarded.", "But nurses described a more chaotic picture."
    r"|^\W*(?:But\s+)?not\s+(?:everyone|everybody|all)\b(?:\s+[\w'-]+){0,2}?\s+(?:was|were|is"
    r"|are|welcomed|agreed|shared|accepted)\b(?:\s+[\w'-]+){0,6}\W*$"
    r"|^\W*(?:But\s+)?(?:[\w'-]+\s+){1,4}(?:rejected|dismissed|disputed|denied)\s+(?:that|this|it"
    r"|the\s+(?:claim|charge|accusation|criticism|suggestion|idea))\W*$"
    r"|^\W*(?:But\s+)?(?:[\w'-]+\s+){1,4}(?:rejected|dismissed|disputed|denied)\s+(?:that|this)"
    r"\s+(?:claim|charge|accusation|criticism|suggestion|idea|account|view)\W*$"
    r"|^\W*(?:But\s+)?(?:\w+\s+){1,3}(?:was|were|is|are)\s+(?:far\s+|much\s+)?(?:less|more)"
    r"\s+(?:guarded|enthusiastic|convinced|sanguine|optimistic|cautious|circumspect|upbeat"
    r"|measured|restrained|impressed)\W*$"
    r"|\bdescribed\s+an?\s+(?:\w+\s+){0,2}(?:picture|scene|scenes|account|situation)\W*$"
    # who would not be named, and why: "The officials asked not to be named because …"
    r"|\basked\s+not\s+to\s+be\s+(?:named|identified)\b"
    r"|\bspoke\s+on\s+(?:the\s+)?condition\s+of\s+anonymity\W*$"
    r"|\b(?:did|does|would)\s+not\s+(?:give|provide|offer)\s+(?:any\s+)?(?:details|a\s+timeline"
    r"|further\s+details)\b"
    # the outlet's own call to read on: "Follow our live coverage of the count"
    r"|^\W*(?:Follow|Read|Watch|Listen\s+to|Sign\s+up\s+for|Subscribe\s+to)\s+(?:our|the\s+latest)\b",
    re.IGNORECASE,
)
# What opens an answer to a question cut before it, no statement alone: "Because …".
_AN_ANSWER = re.compile(r"[\"'\u201c\u2018]?(?:Because|Since|If|Unless|Maybe|Perhaps)\b")
# Verbs that put a question: what they quote is asked, whatever closes it.
_ASKING = re.compile(r"(?i:asked|asks|ask|asking|wondered|wonders|wondering|queried)")
# A claim that is only someone's not commenting, its subject and all: "the company did not
# comment on individual customers", "it would not comment further".
_NO_COMMENT_CLAIM = re.compile(
    r"\W*(?:[\w'\u2019-]+\s+){0,4}?(?:declined\s+to|(?:did|does|do|would|will)\s+not)\s+"
    # what a call is returned, not "would not return the bronze heads"
    r"(?:comment|respond|return\s+(?:(?:a|an|the|his|her|its|their|our|repeated)\s+)?"
    r"(?:[\w-]+\s+)?(?:calls?|messages?|requests?|e-?mails?|inquiries|enquiries|queries)"
    r"|return)\b(?!\s+(?:a|an|the|his|her|its|their|our|it|them|to)\b)",
    re.IGNORECASE,
)
# A wire's conversion note at the foot of a story: "($1 = 57.10 pesos)".
_CURRENCY_NOTE = re.compile(
    r"\(?\s*[$€£¥]?\s*1\s+[A-Za-z$€£¥]*\s*=\s*[$€£¥]?\s*[\d.,]+\s*[\w$€£¥ ]*\)?"
)
MIN_CLAIM_WORDS = 3  # "The plan" said by Der Spiegel is a topic, not a claim
# What opens a participle clause whose speaker is the sentence's ("while saying", "by
# telling"), and the relative whose antecedent speaks ("Wang, who said ...").
CLAUSE_OPENERS = {"while", "when", "after", "before", "by"}
RELATIVE_SPEAKERS = {"who"}


def _without_dateline(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without its dateline ("VIENNA (Reuters) - "), and empty when it is only the
    article's credit: neither is part of a claim."""
    return (statement_start(text, span[0], span[1]), span[1])


# "that" opening a clause, not "that" its subject ("he said that was wrong").
# What a proposal's rule says of words a cue gives to the article's own origin or publisher.
CREDITED = "the article's own credit"
# The rule of a speaker's act told in the writer's words ("X denied wrongdoing"): the
# article's own statement, cue and all.
RETOLD = "told in the article's words"
_LEADING_THAT = re.compile(
    # "said only that", "said simply that": how little was said, not what; "said separately
    # that", "said later that": when or where
    r"(?:(?:only|simply|merely|just|briefly|again|separately|also|later|earlier|previously"
    r"|privately|publicly|repeatedly|recently|now|then)\s+)?that\s+(?!(?:is|was|were|are|will|would|has|had|have|can|could|should|may|might|must"
    r"|does|did|seems|seemed|means|meant)\b)"
    # "said that claim left out …": a singular noun no determiner opens is the "that"'s own
    rf"(?!{THAT_NOUNS}\b)(?=\S)",
    re.IGNORECASE,
)


def _without_that(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without the "that" opening reported speech ("She added that hearings would
    begin"), nor the how and when before it ("at the time that", "in a statement after the
    charges were brought that"): the quotation stored is what was said, as when the reader
    leaves it out."""
    frame = _SAID_HOW.match(text, span[0], span[1]) or _SAID_WHEN.match(text, span[0], span[1])
    if frame is not None:
        span = (frame.end(), span[1])
    found = _LEADING_THAT.match(text, span[0], span[1])
    if found is not None and text[found.start() : found.start() + 1].isupper():
        return span  # "That memo was never acted on, the former employee said": which memo
    return (found.end(), span[1]) if found else span


# When the words were said, before what was said with no "that": "said in May it would".
_SAID_WHEN = re.compile(
    rf"(?:in|on|last|this)\s+(?:{TIME_WORD}|January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+(?=(?:it|he|she|they|we|its|their)\s)"
)
# How or when the words were said, before the "that" of what was said.
_SAID_HOW = re.compile(
    r"(?:at\s+the\s+time|in\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|interview"
    r"|email|e-mail|letter|post|briefing|speech|filing|report|note)|(?:after|before|following"
    r"|when)\s+[\w'\u2019.-]+"
    # "quoted the prime minister as saying on Wednesday that"
    r"|(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week"
    r"|month|night|morning|evening)|in\s+(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December))"
    r"(?:\s+[\w'\u2019.-]+){0,8}?\s+(?=that\s+(?!(?:is|was|were|are|had|has|have|will|would"
    r"|could|can|did|does)\b)[\w\"\u201c])",
    re.IGNORECASE,
)


# "and" opening a second noun phrase: "documents seen by Reuters and three people familiar
# with the matter", "the ministry and the police"; "Procter and Gamble", "Trade and
# Industry" go on one name.
_AND_ANOTHER = re.compile(
    r",?\s+and\s+(?=(?:the|a|an|his|her|its|their|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|several|some|many|other|another|\d+)\s)"
)


def _names_a_source(text: str, span: tuple[int, int]) -> bool:
    """A name ("Reuters") or a source's head noun ("two people briefed", "the ministry")."""
    return describes_source(text, span) or any(
        word[:1].isupper() for word in text[span[0] : span[1]].split()
    )


def _conjuncts(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The sources a source span joins with "and", each a source of its own: two who say
    the same are two chains, not one source named "X and Y". Only where every part may be
    a source: what a source is familiar with is no second source."""
    parts, start = [], span[0]
    for joint in _AND_ANOTHER.finditer(text, span[0], span[1]):
        parts.append((start, joint.start()))
        start = joint.end()
    parts.append((start, span[1]))
    if len(parts) > 1 and not all(_names_a_source(text, part) for part in parts):
        return [span]  # "people familiar with the plans and the talks": one source
    named, comma, _ = text[parts[0][0] : parts[0][1]].partition(",")
    if len(parts) > 1 and comma and _A_NAME.fullmatch(named.strip()):
        # "Rajesh Menon, the trial's lead investigator and a physician at …": one person,
        # described twice
        return [span]
    return parts


# A name as a person's is written: capitalised words, no determiner ("Professor Rajesh Menon").
_A_NAME = re.compile(r"(?!(?:The|A|An)\s)(?:[A-Z][\w'\u2019.-]*\s+){1,4}[A-Z][\w'\u2019.-]*")


def _fold_chain(hops: list[dict], origin_id: int | None, publisher_id: int) -> list[dict]:
    """Drop hops naming the publisher, any earlier repeat of a source named later, and the
    article's own credit where the sentence repeats it ("…, the Daily Courier reports citing
    Wire Service"): the origin cited as the article cites it is the origin, which composing
    the chain appends. Named with another cue ("Reuters points out") it stays a stated hop."""
    kept = [hop for hop in hops if hop["source_id"] != publisher_id or hop["source_id"] is None]
    if (
        origin_id is not None
        and kept
        and kept[-1]["source_id"] == origin_id
        and (kept[-1].get("cue") or "").lower() in CREDIT_CUES
    ):
        kept = kept[:-1]
    out: list[dict] = []
    for index, hop in enumerate(kept):
        later = kept[index + 1 :]
        if hop["source_id"] is not None and any(h["source_id"] == hop["source_id"] for h in later):
            continue
        if hop["source_id"] is None and any(h["name"] == hop["name"] for h in later):
            continue
        if out and hop["name"] == out[-1]["name"]:
            continue
        out.append(hop)
    return out


# A name whose words a comma lists, cut at it: "the Department for Culture," before "Media
# and Sport said", "the Ministry of Agriculture," before "Food and Rural Affairs".
_NAME_LISTED_BEFORE = re.compile(
    r"((?:[A-Z][\w'\u2019-]*[ \t]+)+(?:for|of)[ \t]+(?:[A-Z][\w'\u2019-]*[ \t]+)*"
    r"[A-Z][\w'\u2019-]*),[ \t]*$"
)
_LISTED_END = re.compile(
    r"[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)*[ \t]+(?:and|&)[ \t]+[A-Z][\w\s'\u2019-]*"
)
# Who put out the document a source is, said after it where the source's span ended:
# "according to a summary" … "the university released in September".
_MADE_BY_AFTER = re.compile(
    r"[ \t]+(?:that[ \t]+)?the[ \t]+[a-z][\w-]*[ \t]+"
    r"(?:released|published|issued|posted|filed|sent|circulated|submitted)\b"
)


def sentence_proposals(
    text: str,
    sentence: Sentence,
    resolver: Resolver,
    speakers: Speakers,
    *,
    origin_id: int | None,
    publisher_id: int,
    relations: ArticleAttributions | None = None,
) -> list[Proposal]:
    relations = relations or ArticleAttributions(text)
    found = reporting_relations(text, sentence, relations.in_sentence(sentence.start, sentence.end))
    found = _subject_past_its_clause(text, sentence, found)
    _content_from_its_subject(text, sentence, found)
    _shared_speaker(text, found)
    resolved: dict[int, Resolution | None] = {}
    # "according to documents and three people": each its own source, its own chain, read
    # alone (the whole, read first, would be what "the ministry" of "The ministry and the
    # police" refers back to)
    conjuncts: dict[int, list[tuple[tuple[int, int], Resolution]]] = {}
    for index, attribution in enumerate(found):
        surface = attribution.source_text(text)
        if surface and fold_name(surface) in RELATIVES:
            surface = antecedent(text, attribution.source)  # "Britishvolt, which promised"
        elif surface and (name := apposed_to(text, attribution.source)) is not None:
            surface = f"{name}, {surface}"  # "People in Need, a Czech aid group, said"
        elif surface and (name := named_after(text, attribution.source)) is not None:
            surface = f"{surface}, {name},"  # "The council's chief executive, Simon Harrow,"
        elif surface and (listed := _NAME_LISTED_BEFORE.search(text, 0, attribution.source[0])):
            if _LISTED_END.fullmatch(surface.strip()):
                surface = f"{listed[1]}, {surface}"  # "Department for Culture, Media and Sport"
        elif (
            surface
            and surface.split()[-1].lower() in MADE_DOCUMENTS
            and (maker := _MADE_BY_AFTER.match(text, attribution.source[1]))
        ):
            surface = f"{surface}{maker[0]}"  # "a summary" … "the university released"
        if surface and _PARTICIPLE.fullmatch(surface.strip()):
            surface = None  # "…, fuelling fears that A": what stirs fears, no one who fears
        if surface and not bare(text, attribution.source):
            # What the text says before the source, back to the previous paragraph.
            before = text[max(0, attribution.source[0] - 600) : attribution.source[0]]
            parts = _conjuncts(text, attribution.source)
            if len(parts) > 1 and resolver.resolve(surface).why != "known name or alias":
                conjuncts[index] = [
                    (part, speakers.read(resolver, text[slice(*part)], before)) for part in parts
                ]
                resolved[index] = conjuncts[index][0][1]
            else:
                resolved[index] = speakers.read(resolver, surface, before)
                if sentence.start < 300 and attribution.source[1] <= (  # a headline: 25 words
                    headline := _headline_end(text)
                ):
                    # "…, hospital admits": the headline's bare noun is the body its story
                    # goes on to name
                    named = speakers.headline_body(resolver, surface, text[headline:])
                    resolved[index] = named or resolved[index]
        else:
            resolved[index] = None
    for index, attribution in enumerate(found):
        # only for what it says in this sentence: the outlet is named in this one
        here = attribution.content[0] >= sentence.start
        if here and resolved[index] is not None and refers_to_origin(attribution.source_text(text)):
            outlet = outlet_named_before(text, found, attribution, resolver)
            if outlet is not None:
                surface = attribution.source_text(text).strip()
                reading = speakers.read(resolver, outlet)
                resolved[index] = replace(
                    reading,
                    surface=surface,
                    why=f"{surface!r} read as {outlet}, named earlier in the sentence",
                )
            elif resolved[index].source_id in (origin_id, publisher_id) and (
                recent := outlet_just_before(text, sentence, attribution, speakers)
            ):
                surface = attribution.source_text(text).strip()
                name = recent.get("name") or recent.get("proposed_name") or ""
                resolved[index] = replace(
                    speakers.read(resolver, name),
                    surface=surface,
                    why=f"{surface!r} read as {name}, the outlet named just before",
                )
    # A participle clause (", adding that ...") or a "who said" without its own source
    # speaks for the sentence's first named source; any other relation naming nobody keeps
    # nobody (``_speaks_for_the_sentence``).
    first = next((r for r in resolved.values() if r is not None), None)
    if first is not None and IN_A_STATEMENT.search(text, sentence.start, sentence.end):
        # "The ministry said in a statement that A. … '…,' the statement said": its statement
        speakers.note_statement(first)
    elif IN_A_STATEMENT.search(text, sentence.start, sentence.end) and (
        opening := _NAME_ACTS_IN_A_STATEMENT.match(text, sentence.start, sentence.end)
    ):
        # "The club announced the decision in a statement on Sunday": the club's statement,
        # though what it announced is no claim of its own
        name = opening["name"]
        reading = (
            speakers.subject_meant(
                resolver, name, text[max(0, sentence.start - 600) : sentence.start]
            )
            if name.startswith("The ")
            else resolver.resolve(name)
        )
        if reading is not None and not is_description(reading.name or reading.proposed_name or ""):
            speakers.note_statement(reading)
    for index, attribution in enumerate(found):
        if resolved[index] is None and _speaks_for_the_sentence(text, sentence, attribution):
            resolved[index] = first
        elif resolved[index] is None and attribution.source is None:
            # "Her former manager, Dario Benedetti, who has pleaded guilty …, reportedly
            # told": the subject the "who" clause set off, its verb after the clause
            opening = _SUBJECT_THEN_WHO.match(text, sentence.start, attribution.cue[0])
            if opening is not None and not text[opening.end() : attribution.cue[0]].strip():
                before = text[max(0, sentence.start - 600) : sentence.start]
                resolved[index] = speakers.read(resolver, opening["subject"], before)

    # Leaves whose every hop named the publisher or the article's own credit: said through
    # the article's origin, which composing appends, not the article's own statement.
    credit_leaves: set[int] = set()

    def chains_of(index: int) -> list[list[dict]]:
        chains: list[list[dict]] = [[]]
        for attribution in chain_of(found, index):
            at = found.index(attribution)
            resolution = resolved[at]
            if resolution is None:
                continue
            if attribution.cites and not source_like(text, attribution.source):
                continue  # "citing competition from Chinese rivals": a reason, not a source
            cue = (attribution.cue_text(text), attribution.cue)
            listener = outlet_told(text, sentence, attribution, resolver, speakers, resolution)
            options = []
            for span, reading in conjuncts.get(at, [(attribution.source, resolution)]):
                hop = source_hop(*cue, span, reading)
                if hop is None:
                    continue
                seen = outlet_seen(text, span, resolver) if span is not None else None
                options.append([hop, *(h for h in (seen, listener) if h is not None)])
            if options:
                chains = [chain + option for chain in chains for option in options]
        chains = [_without_own_spokesperson(hops) for hops in chains]
        # "Breuer told the paper, according to a translation of the interview": the
        # translation renders his words, it does not pass them on; a hop only if none is left
        renderings = {
            found[chain_index].source
            for chain_index in (found.index(a) for a in chain_of(found, index))
            if _rendering(text, found[chain_index].source)
        }
        if renderings:
            chains = [
                [h for h in hops if (h["evidence_start"], h["evidence_end"]) not in renderings]
                or hops
                for hops in chains
            ]
        folded = [_fold_chain(hops, origin_id, publisher_id) for hops in chains]
        if any(hops and not kept for hops, kept in zip(chains, folded, strict=True)):
            credit_leaves.add(index)
        return folded

    def hops_of(index: int) -> list[dict]:
        return chains_of(index)[0]

    proposals = []
    asked: list[list[dict]] = []  # the chains of quotations that only ask
    for leaf, hops in ((index, hops) for index in leaves(found) for hops in chains_of(index)):
        if _what_they_called(text, found[leaf]):
            continue  # the sentence is the article's own, their word for it inside
        first_of_leaf = len(proposals)
        note_outlets(hops, resolver, speakers, sentence.end)
        content = found[leaf].said_before or found[leaf].content
        content = _with_its_actor(text, found, found[leaf], content)
        content = _past_appositive(text, found[leaf], content)
        content = _without_that(text, _without_dateline(text, content))
        quotation = found[leaf].quoted or text[content[0] : content[0] + 1] in _SINGLE_OPENERS
        if quotation and content[0] < sentence.end < content[1]:
            # '"A," he said. "B."': A here; B, a sentence of its own, goes on the quotation
            content = (content[0], _quoted_end(text, content[0], sentence.end))
        content = _within_sentence(text, sentence, content)
        content = _before_the_next_act(text, found, found[leaf], content)
        if TELLS.match(found[leaf].cue_text(text).split()[-1]):
            listener = LISTENER_THAT.match(text, content[0], content[1]) or APPOSED_THAT.match(
                text, content[0], content[1]
            )
            cue_end = found[leaf].cue[1]
            if listener is None and not text[cue_end : content[0]].strip():
                # "told supporters at a rally on Sunday that A": whom and where, then A
                listener = _TOLD_WHOM_THAT.match(text, content[0], content[1])
            if (
                listener is None
                and content[0] >= cue_end
                and not text[cue_end : content[0]].strip()
            ):
                # "told TASR the head of state would …": right after "told", its listener
                listener = LISTENER.match(text, content[0], content[1])
            if listener is not None:  # "told the Spanish newspaper El País that A": A
                content = (listener.end(), content[1])
        named = _naming(text, found[leaf], content)
        if (
            named is None
            and found[leaf].source is None
            and hops
            and found[leaf].cue[1] <= content[0]
            and claimed_whole(text, found[leaf].cue, content)
        ):
            # '"A," Colquhoun said, and called on the government to B': the demand of the
            # speaker the sentence names, claimed whole
            named = (found[leaf].cue[0], content[1])
        words = len(text[slice(*(named or content))].split())
        if words < MIN_CLAIM_WORDS:
            continue  # "The plan" said by Der Spiegel; "Beijing denies the accusations" is not
        if _gapped(text, sentence, found[leaf], content):
            continue  # "…, which scientists believe could supply water": part of a clause
        cue = found[leaf].cue
        speaker = found[leaf].source_text(text)
        unnamed = speaker is None or fold_name(speaker) in RELATIVES
        if unnamed and content[0] < cue[0] < content[1]:
            continue  # "said A, rejecting a demand", tagged as one content round its cue
        if not hops and _STIRRING.match(text, cue[0], cue[1] + 20):
            continue  # "raising concerns that A": not A, nor anyone's word for it
        if _an_act(text, found[leaf], content) or _called_an_event(text, found[leaf], content):
            continue  # "Huawei has partnered with Yitu to work on solutions for …"
        base = ORDER_CONFIDENCE.get(found[leaf].order, 0.7)
        hop_conf = [hop["confidence"] for hop in hops] or [0.6]
        confidence = round(base * sum(hop_conf) / len(hop_conf), 2)
        if named is not None:
            wording = text[slice(*named)]
            source = found[leaf].source
            said_between = source is not None and any(
                other is not found[leaf] and source[1] <= other.cue[0] < cue[0] for other in found
            )
            if (found[leaf].coordinated or said_between) and source is not None:
                # "The group said A and urged it to B": the demand, with its speaker, by the
                # name read for it ("Anders" as "Paul Anders", "The airport" as its operator)
                named = (found[leaf].cue[0], named[1])
                name = (hops[0].get("name") or hops[0].get("proposed_name")) if hops else None
                if not name or is_description(name) or name in found[leaf].source_text(text):
                    name = found[leaf].source_text(text)  # "The Harbour Traders Guild" as written
                wording = f"{name} {text[slice(*named)]}"
            elif source is None and hops and (hops[0].get("name") or "")[:1].isupper():
                wording = f"{hops[0]['name']} {text[slice(*named)]}"
            elif (
                source is not None
                and hops
                and named[0] == source[0]
                and is_description(text[slice(*source)])
                and text[slice(*source)].split()[-1].lower() in APPOSED_NOUNS
                and (hops[0].get("name") or "")[:1].isupper()
                and not is_description(hops[0]["name"])
            ):
                # "the agency described the discovery as …": the agency read, by its name
                wording = f"{hops[0]['name']} {text[source[1] : named[1]].strip()}"
            elif source is not None and "," in text[slice(*source)] and hops:
                # "Manchin, who is not seeking re-election, urged …", "The head of the
                # union, Mick Lynch, accused …": the speaker by name, without the rest
                name = hops[0].get("name") or text[source[0] : source[1]].split(",")[0]
                wording = f"{name} {text[found[leaf].cue[0] : named[1]]}"
            pronoun = found[leaf].source_text(text) if source is not None else ""
            if hops and fold_name(pronoun) in PRONOUNS and wording.startswith(pronoun):
                # "He urged the Government to …": read alone, the claim says who
                name = hops[0].get("name") or hops[0].get("proposed_name") or ""
                if name:
                    wording = name[:1].upper() + name[1:] + wording[len(pronoun) :]
            # "Castagnède denied wrongdoing", "The association called for the postponement
            # to be extended": the writer's words of what someone did, so the article's own
            # statement; with the speaker's quoted words in it ('called NATO a "grave"
            # challenge'), on the speaker's word.
            theirs = quotes_words(text, named)
            retold_by = _retold_by(text, sentence, found, leaf, named) if not theirs else None
            if retold_by is not None:
                # "Dahl accused the government of … and called for Salo to resign, CPA
                # reported": the account of what she did is CPA's, whole
                outer, named = retold_by
                wording, hops = text[slice(*named)], hops_of(outer)
                levels = [hop["confidence"] for hop in hops] or [0.6]
                confidence = round(
                    ORDER_CONFIDENCE.get(found[outer].order, 0.7) * sum(levels) / len(levels), 2
                )
            proposals.append(
                Proposal(
                    kind="claim",
                    sentence=(sentence.start, sentence.end),
                    claim_text=named_subject(claim_wording(wording), hops, False),
                    quote=named,
                    quoted=False,
                    hops=hops if theirs or retold_by else [],
                    confidence=confidence if theirs or retold_by else UNATTRIBUTED_CONFIDENCE,
                    rule=(
                        f"{found[leaf].order}, with its cue"
                        if theirs
                        else f"{RETOLD}, {found[retold_by[0]].order}"
                        if retold_by
                        else RETOLD
                    ),
                )
            )
            if leaf in credit_leaves:
                proposals[-1].rule = f"{proposals[-1].rule}, {CREDITED}"
            continue
        subject_before: str | None = None  # whom the leaf's last statement was about
        for part, quoted in _statements(text, found[leaf], content):
            part = _without_word_after_quotation(text, part)
            stated = _stated(text, found[leaf], part, quoted)
            if stated is None:
                asked.append(hops)
                continue  # '"Where does this end?" asked Mary Holt': no claim
            part = stated
            if (
                not quoted
                and CUT_OFF.search(text, part[0], part[1])
                and not _STRANDED.search(text, part[0], part[1])
                and not _ELLIPSIS.search(text, part[0], part[1])
            ):
                continue  # "A strike that would have closed schools for.": cut mid-clause
            if not quoted and _NO_COMMENT_CLAIM.match(text, part[0], part[1]):
                continue  # "… said the company did not comment on individual customers"
            told_anyone = _told_anyone(text, found[leaf], part)
            is_body = resolved[leaf] is not None and (
                speakers.is_body(resolver, resolved[leaf])
                or never_a_persons(text, resolved[leaf].proposed_name or "")
            )
            wording = claim_wording(spoken(text, found[leaf], part))
            claim = named_subject(
                wording,
                hops,
                quoted,
                text=text,
                itself=(
                    _of_itself(text, found[leaf], part[0])
                    or _spokesperson_of_itself(text, found[leaf], part[0], is_body)
                )
                and text[part[0] : part[0] + 1] not in OPEN_QUOTES,
                body=is_body,
                told_anyone=told_anyone,
            )
            claim = speakers_own(
                claim,
                hops,
                quoted,
                told_anyone=told_anyone,
                before=text[sentence.start : part[0]],
                body=is_body,
                text=text,
            )
            if not quoted and found[leaf].source is not None:
                claim = _the_thing_meant(text, found[leaf], claim)
                claim = client_named(
                    claim,
                    found[leaf].source_text(text),
                    (resolved[leaf].name or resolved[leaf].proposed_name or "")
                    if resolved[leaf] is not None
                    else "",
                    resolver,
                    text[text.rfind("\n", 0, sentence.start) + 1 : sentence.start],
                )
            if not quoted and not text[sentence.start : part[0]].strip():
                # "Its revenue fell …, according to its annual report": the sentence's own
                # opening "Its", whomever the source is
                claim = subject_named(text, sentence, claim, resolver, speakers)
                if claim.startswith("It") and found[leaf].source is not None:
                    claim = owner_of_document(claim, found[leaf].source_text(text))
            elif not quoted and found[leaf].source is not None and claim.startswith("It"):
                # "According to the fund's annual report, it manages …": the fund does (a
                # speaker's own "it" is no body the words name: left as it is)
                claim = owner_of_document(claim, found[leaf].source_text(text))
            elif not quoted and found[leaf].source is not None:
                # "Voss said the union was ready to return to talks": the union she means
                claim = subject_named(
                    text,
                    sentence,
                    claim,
                    resolver,
                    speakers,
                    part[0],
                    found[leaf].source_text(text),
                    (resolved[leaf].name or resolved[leaf].proposed_name or "")
                    if resolved[leaf] is not None
                    else "",
                )
            if found[leaf].source is not None:
                claim = we_named(
                    text,
                    claim,
                    found[leaf].source_text(text),
                    max(part[0], found[leaf].source[1]),  # the speaker introduced after too
                    resolver,
                    resolved[leaf],
                )
            claim = company_named(text, sentence, claim, resolver, speakers, quoted)
            pronoun = HE_OR_SHE.match(claim)
            if (
                pronoun
                and not quoted
                and resolved[leaf]
                and (
                    a_body(resolver, resolved[leaf])
                    or no_one_person(resolved[leaf])
                    or _other_gender(resolved[leaf].surface, pronoun[1])
                )
            ):
                # "He has 21 days to appeal, NADA said": not the body, the person before;
                # "Douglas Fenmore was convicted after a jury found that he had diverted …":
                # no jury is "he", the person the sentence is about is
                before = text[max(0, sentence.start - 600) : sentence.start]
                person = person_opening(text, sentence, found[leaf], resolver)
                if person is None:
                    person = speakers.person_meant(resolver, pronoun[1], before)
                if person is not None:
                    claim = person + claim[pronoun.end(1) :]
            if not quoted:
                claim = it_again(claim, subject_before)
                subject_before = subject_read(wording, claim)
            proposals.append(
                Proposal(
                    kind="claim",
                    sentence=(sentence.start, sentence.end),
                    claim_text=claim,
                    quote=part,
                    quoted=quoted,
                    hops=hops,
                    confidence=confidence,
                    rule=found[leaf].order,
                )
            )
        if leaf in credit_leaves:
            for p in proposals[first_of_leaf:]:
                p.rule = f"{p.rule}, {CREDITED}"
    proposals.extend(_speech_acts(text, sentence, found, hops_of))
    # the last paper the sentence names, whatever it says, is whom "the paper" next means
    papers = list(A_PAPER_NAMED.finditer(text, sentence.start, sentence.end))
    if papers and (hop := outlet_hop(text, papers[-1].span(1), resolver, described=True)):
        note_last_outlet(speakers, hop, sentence.end)
    proposals.extend(_said_before_inner(text, sentence, found, hops_of))
    quoted = [p for p in proposals if p.hops and (p.quoted or single_quoted(text[slice(*p.quote)]))]
    if quoted or (asked and asked[-1] and not proposals):
        # a quotation goes on in the next paragraph, on the same word, asked or stated
        speakers.quoting = (quoted[-1].hops if quoted else asked[-1], sentence.paragraph)
    elif found:
        speakers.quoting = None
    elif (continued := _continued_quotation(text, sentence, speakers)) is not None:
        return continued
    else:
        speakers.quoting = None  # the article's own words come between: the quotation ended
    end = sentence.end
    if not any(p.hops or CREDITED in p.rule or p.rule == RETOLD for p in proposals):
        # Cues that name nobody ("as indicated") do not make an attribution.
        proposals = []
        if asked:
            return []  # someone's question, not the article's statement
    elif ruled := [a for a in found if not a.order.startswith(TAGGER) or _plainly_said(text, a)]:
        # "Hungary is home to Huawei's base, despite Commission warnings that ...": what
        # comes before the first attribution is the article's own statement.
        # Cues that name nobody ("As indicated,") do not end it.
        named = [a for a in ruled if a.source is not None] or ruled
        named = [a for a in named if not _what_they_called(text, a)]
        end = min((_said_from(text, a) for a in named), default=sentence.end)
    # Relations only the tagger found ("China offered to ...", "voters believe ...") are a
    # reading the reviewer may reject: the whole sentence stays proposed as the article's own,
    # unless a speaker plainly says it ("…, Gov. Volodymyr Kohut said").
    unattributed = _own_statement(text, sentence, end)
    if unattributed is not None and end != sentence.end and not _clause(text, unattributed.quote):
        unattributed = None
    if unattributed is not None and end != sentence.end:
        opening = _SUBJECT_THEN_WHO.match(text, sentence.start, end)
        if opening is not None and not text[opening.end() : end].strip(" ,"):
            unattributed = None  # "Her former manager, X, who …,": the speaker, described
    if unattributed is not None and end != sentence.end and _LEADS_IN.search(text, 0, end):
        unattributed = None  # "The trial … found that" A, researchers reported: a lead-in
    if (
        unattributed is not None
        and end != sentence.end
        and any(
            unattributed.quote[0] <= a.cue[0] < unattributed.quote[1]
            and a.order.endswith("source-after")
            for a in found
        )
    ):
        unattributed = None  # "According to a Commission official," A, Bloomberg reported
    if unattributed is not None:
        unattributed.claim_text = subject_named(
            text, sentence, unattributed.claim_text, resolver, speakers
        )
        if unattributed.quote[0] == sentence.start or not text[
            sentence.start : unattributed.quote[0]
        ].strip(" \t\"'\u201c\u2018"):
            unattributed.claim_text = person_named(
                text, sentence, unattributed.claim_text, resolver
            )
        proposals.insert(0, unattributed)
    if proposals and (tail := _own_tail(text, sentence, found)) is not None:
        proposals.append(tail)
    return _once(proposals)


def _own_tail(text: str, sentence: Sentence, found: list[Attribution]) -> Proposal | None:
    """ "A, according to government statistics, but in coastal towns it is often the
    largest employer": what follows the credit, joined by "but" or "while", is the
    article's own again."""
    ends = [a.source[1] for a in found if a.order == "source-after" and a.source is not None]
    if not ends:
        return None
    joint = _BUT_AFTER_CREDIT.match(text, max(ends), sentence.end)
    if joint is None or any(a.cue[0] >= joint.end() for a in found):
        return None
    tail = _own_statement(text, sentence, sentence.end, start=joint.end())
    if tail is not None:
        tail.claim_text = tail.claim_text[:1].upper() + tail.claim_text[1:]
    return tail


# The clause of the article's own after a credit: ", but", ", while", "; ".
_BUT_AFTER_CREDIT = re.compile(r"\s*(?:,\s*(?:but|while|although|though|whereas)|;)\s+")


# A sentence's subject and a "who" clause set off after it, up to the comma closing it.
_SUBJECT_THEN_WHO = re.compile(
    r"\W*(?P<subject>[A-Z][^,.;:]{0,60}(?:,\s+[A-Z][^,.;:]{0,40})?)(?P<clause>,\s+(?:who|which)\s+"
    # (a number's own marks are no clause's end: "which says it has 18,000 drivers")
    r"(?:[^,.;:\"\u201c]|(?<=\d)[,.](?=\d)){3,200},)(?:\s+(?:also|reportedly|allegedly|later|then))?"
)


def _retold_by(
    text: str, sentence: Sentence, found: list[Attribution], leaf: int, named: tuple[int, int]
) -> tuple[int, tuple[int, int]] | None:
    """The relation that reports an act, and what it reports, when the act ("accused the
    government of …", "called for Salo to resign") is told inside another's words ("…, CPA
    reported"): the account is the reporter's, whole, not the article's own."""
    outer = found[leaf].parent
    if outer is None or found[outer].quoted or found[outer].source is None:
        return None
    whole = _within_sentence(text, sentence, _without_that(text, found[outer].content))
    if not (whole[0] <= named[0] and named[1] <= whole[1]):
        return None
    return outer, whole


def _shared_speaker(text: str, found: list[Attribution]) -> None:
    """ "She said that the authority could impose fines if it found …, but stressed that
    A": a cue right after "and" or "but" shares the speaker of the relation whose content
    it follows, though the tagger read a word inside that content ("it") as its speaker;
    and that content ends before the "but"."""
    for attribution in found:
        joint = _AND_OR_BUT_BEFORE.search(text, max(0, attribution.cue[0] - 20), attribution.cue[0])
        if joint is None or attribution.order != "pre" or attribution.source is None:
            continue
        for lead in found:
            if (
                lead is not attribution
                and lead.order == "pre"
                and lead.source is not None
                and lead.cue[1] <= lead.content[0] <= attribution.source[0] < lead.content[1]
                and lead.source[1] <= lead.cue[0] < attribution.cue[0]
            ):
                attribution.source = lead.source
                if lead.content[0] < joint.start() < lead.content[1]:
                    lead.content = (lead.content[0], joint.start())
                break


def _subject_past_its_clause(
    text: str, sentence: Sentence, found: list[Attribution]
) -> list[Attribution]:
    """A speaker the sentence opens with, then a "who" or "which" clause, then the cue:
    "A senior doctor at the hospital, who spoke on condition of anonymity because staff are
    not permitted to talk to the media, said A", "Kessling, which traces its history to 1781,
    said A". The speaker is the subject, not the clause's tail the tagger may read as one
    ("anonymity because staff …"); and a cue inside the clause ("which announced the recall
    jointly with Novari") says nothing of what follows it."""
    opening = _SUBJECT_THEN_WHO.match(
        text, statement_start(text, sentence.start, sentence.end), sentence.end
    )
    if opening is None:
        return found
    clause = opening.span("clause")
    kept = []
    for attribution in found:
        if attribution.order == "pre":
            if clause[0] <= attribution.cue[0] < clause[1] <= attribution.content[0]:
                continue  # "which announced the recall jointly with Novari, said A"
            source = attribution.source
            if (
                not text[opening.end() : attribution.cue[0]].strip()
                and source is not None
                and source[0] >= clause[0]
            ):
                attribution.source = opening.span("subject")
        kept.append(attribution)
    return kept


def _content_from_its_subject(text: str, sentence: Sentence, found: list[Attribution]) -> None:
    """ "ZURICH (Reuters) - Kelvar Pharma, a generic drugmaker based in Basel, is recalling
    …, the company said": what was said opens with its subject, though the tagger began it
    at the verb after the subject's apposition; a content said before its cue never opens
    with an auxiliary."""
    opens = statement_start(text, sentence.start, sentence.end)
    for attribution in found:
        content = attribution.content
        if attribution.order != "post" or content[0] <= opens:
            continue
        if attribution.source is not None and attribution.source[0] < content[0]:
            continue
        first = text[content[0] : content[0] + 12].split(" ", 1)[0]
        if first in AUXILIARIES and text[opens : content[0]].rstrip().endswith(","):
            attribution.content = (opens, content[1])


# A participle of what a fact stirs, not of what anyone says: "raising concerns that A".
_STIRRING = re.compile(
    r"(?:raising|fuelling|fueling|sparking|prompting|stoking|heightening|renewing|deepening)"
    r"\s+(?:new\s+|fresh\s+|further\s+)?(?:concerns?|fears?|questions?|doubts?|speculation"
    r"|worries|worry|alarm|suspicions?|hopes?)\b",
    re.IGNORECASE,
)
# A verb's participle alone, read by a tagger as a source: "fuelling", "sparking".
_PARTICIPLE = re.compile(r"[a-z]+ing")
# What renders a speaker's words, not someone passing them on: "according to a translation
# of the interview", "according to excerpts released ahead of publication".
_RENDERINGS = frozenset(
    {
        "translation", "transcript", "excerpt", "excerpts", "extract", "extracts",
        "recording", "recordings", "readout", "video", "footage", "clip", "translator",
        "interpreter",
    }
)  # fmt: skip


# A preposition a question word left at the end: "she had no idea what they were for".
_STRANDED = re.compile(
    r"\b(?:what|where|which|who|whom)\b[^,;.\"\u201c\u201d]*\b(?:for|to|of|with|from|at|about|on"
    r"|in)[\"\u201d\W]*$"
    # "rare but not unheard of", "nothing to be afraid of": a phrase that ends so
    r"|\b(?:unheard|heard|thought|afraid|aware|ashamed|proud|capable|fond|sure|certain"
    r"|unaware|wary|short|full)[ \t]+of[\"\u201d\W]*$",
    re.IGNORECASE,
)
# A verb whose infinitive the sentence leaves to be understood: "had paid no ransom and did
# not intend to", "said it would continue to".
_ELLIPSIS = re.compile(
    r"\b(?:intend|intends|intended|plan|plans|planned|want|wants|wanted|need|needs|needed"
    r"|expect|expects|expected|hope|hopes|hoped|refuse|refuses|refused|decline|declines"
    r"|declined|agree|agrees|agreed|continue|continues|continued|going|able|have|has|had"
    r"|ought|used)\s+to[\"\u201d\W]*$",
    re.IGNORECASE,
)
# A clause said of a noun before it, which it lacks: "craters, which scientists believe
# could supply water", "a high bar that Almeida's allies believe the motion will not reach",
# "signatures, a figure the organisers say makes it the largest".
_RELATIVE_BEFORE = re.compile(
    r"(?:\b(?:which|whom)|,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?:\s+that)?)\s*$"
)  # not "said that officials believe A": that "that" opens what was said
# What cannot open a clause of its own: a verb without its subject ("were not able to test").
_NO_SUBJECT = frozenset(
    {"has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should",
     "did", "does", "is", "was", "were", "are", "makes", "shows", "means"}
)  # fmt: skip


def _with_its_actor(
    text: str, found: list[Attribution], attribution: Attribution, content: tuple[int, int]
) -> tuple[int, int]:
    """What a speaker after it said, from the actor of an act the tagger read as a
    relation of its own: "Authorities ordered the slaughter of 1.2 million chickens, the
    ministry said" is all the ministry's, not "The slaughter of 1.2 million chickens"."""
    if attribution.order != "post" or content[1] > attribution.cue[0]:
        return content
    for act in found:
        if (
            act is not attribution
            and act.order.startswith(TAGGER)
            and act.content == attribution.content
            and act.source is not None
            and act.source[0] < content[0]
            and not _PUNCTUATION_BETWEEN.search(text, act.source[0], content[0])
        ):
            return (act.source[0], content[1])
    return content


_PUNCTUATION_BETWEEN = re.compile(r"[,;:\"\u201c\u201d(]")


def _past_appositive(
    text: str, attribution: Attribution, content: tuple[int, int]
) -> tuple[int, int]:
    """ "According to the Lake Merrow Conservancy, an environmental group that monitors
    the lake, A": A, not what the source is."""
    source = attribution.source
    if attribution.order != "source-after" or source is None:
        return content
    if not 0 <= content[0] - source[1] <= 3:
        return content
    found = _WHAT_IT_IS.match(text, content[0], content[1])
    return (found.end(), content[1]) if found is not None else content


# What a body is, set off after its name: "an environmental group that monitors the lake, ".
_WHAT_IT_IS = re.compile(
    r"(?:a|an|the)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:group|organi[sz]ation|agency|company|firm"
    r"|charity|watchdog|think\s+tank|body|union|association|institute|consultancy|regulator"
    r"|authority|newspaper|broadcaster|website|publication|research\s+firm)\b[^,;:\"\u201c]{0,80},\s+"
)


def _before_the_next_act(
    text: str, found: list[Attribution], attribution: Attribution, content: tuple[int, int]
) -> tuple[int, int]:
    """What was said, up to the speaker's next act joined by "and": 'said the offer
    "significantly undervalues" the company and urged shareholders to take no action' says
    the first; the urging is claimed on its own."""
    for other in found:
        if other is attribution or not content[0] < other.cue[0] < content[1]:
            continue
        if other.source is not None and other.source != attribution.source:
            if other.source[0] >= content[0]:
                continue  # "said A and B urged C": B's own
        joint = _AND_BEFORE.search(text, content[0], other.cue[0])
        if joint is not None:
            return (content[0], joint.start())
    if attribution.quoted or attribution.content[0] < attribution.cue[1]:
        return content
    for joint in _AND_A_VERB.finditer(text, content[0], content[1]):
        # "acknowledged recruitment had been difficult but disputed the union's figures":
        # a second verb of the speaker's, with no subject of its own, is no part of A (a
        # verb of saying or disputing: "but hoped that A" goes on, a hope is no claim)
        if joint["verb"].lower() in SPEECH_WORDS | _ANSWERED and not text[
            content[0] : joint.start()
        ].strip().endswith(("not", "never")):
            return (content[0], joint.start())
    return content


# "… but disputed the figures", "… and recommended urgent upgrades": a verb in the past
# right after "and" or "but", then its object.
_AND_A_VERB = re.compile(
    r",?\s+(?:and|but)\s+(?:also\s+|later\s+|then\s+)?(?P<verb>[a-z]+ed)\s+"
    r"(?=(?:the|a|an|his|her|its|their|that|urgent|further|new)\b)"
)
_ANSWERED = {"disputed", "rejected", "denied", "recommended", "urged", "criticised", "criticized"}


_AND_BEFORE = re.compile(r",?\s+and\s+(?:then\s+|also\s+)?$")
_AND_OR_BUT_BEFORE = re.compile(r",?\s+(?:and|but)\s+(?:then\s+|also\s+)?$")


def _an_act(text: str, attribution: Attribution, content: tuple[int, int]) -> bool:
    """What someone did, not said: a relation only the tagger found, whose cue holds no
    word the lexicon knows for saying or thinking ("has partnered", "railed against",
    "unveiled"), and whose content is the verb's object, right after it, with no "that",
    colon, dash or quotation mark between and no words quoted in it ("Huawei has partnered
    with Yitu to work on solutions for smart cities"). PolNeAR annotates such acts, so
    the tagger finds them; claimed, the object reads as the actor's word ("Solutions for
    smart cities …", on Huawei's word). The sentence stays proposed as the article's own.
    """
    if not attribution.order.startswith(TAGGER) or attribution.quoted:
        return False
    cue = text[attribution.cue[0] : attribution.cue[1]].lower()
    words = re.findall(r"[a-z]+", cue)
    if any(word in CUE_WORDS or word in NOMINAL_CUES for word in words):
        return False
    if any(" ".join(phrase) in cue for phrase in PHRASE_CUES):
        return False
    if content[0] < attribution.cue[1]:
        return False  # "A, the group charged": what comes before a speaker is said
    between = text[attribution.cue[1] : content[0]] + text[content[0] : content[0] + 5]
    if _SETS_OFF_WORDS.search(between) or quotes_words(text, content):
        return False  # "ruled that A", "continued: A", "likened the rules to 'burning …'"
    return not _OPENS_A_CLAUSE.match(text, content[0], content[1])


def _called_an_event(text: str, attribution: Attribution, content: tuple[int, int]) -> bool:
    """ "The union called the strike after talks broke down", "called a snap election":
    an event called, no naming of anything ("called the plan reckless"); and "described
    the moment the snow hit", the telling told of, not what was told."""
    cue = text[attribution.cue[0] : attribution.cue[1]].lower().split()
    if content[0] < attribution.cue[1]:
        return False
    if cue[-1:] in (["described"], ["describes"], ["describing"]):
        described = _A_MOMENT.match(text, content[0], content[1])
        return described is not None and " as " not in text[content[0] : content[1]]
    if cue[-1:] not in (["called"], ["calls"], ["calling"]):
        return False
    found = _AN_EVENT.match(text, content[0], content[1])
    return found is not None and not quotes_words(text, content)


# What someone described, told of: "the moment the snow hit", "his ordeal", "the scene".
_A_MOMENT = re.compile(r"(?:the|a|an|his|her|their|its)\s+[a-z]", re.IGNORECASE)
_AN_EVENT = re.compile(
    r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:strike|election|vote|referendum"
    r"|meeting|halt|ceasefire|truce|press\s+conference|news\s+conference|summit|session"
    r"|walkout|boycott|protest|rally|recess|hearing)s?\b(?!\s+(?:a|an)\b)",
    re.IGNORECASE,
)


# A subject and its verb within a content's first words, before any comma or relative
# word: "decided race should share the honor", "suspect those losses were generated".
_OPENS_A_CLAUSE = re.compile(
    r"(?!(?:how|what|why|who|whom|where|when|whether|which)\b)"
    r"(?:(?:I|we|you|they|he|she|it)\s+[a-z]"
    r"|(?:(?!(?:that|which|who|whom|whose)\b)[\w'\u2019.-]+\s+){1,3}"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does)\b)",
    re.IGNORECASE,
)


# What sets words said off from the verb before them, when it is no verb of saying.
_SETS_OFF_WORDS = re.compile(r"\bthat\b|[:\u2015\u2014\u2013\"\u201c\u2018']")


def _gapped(text: str, sentence: Sentence, attribution: Attribution, content) -> bool:
    """Whether what a relation says is part of a relative clause, which leaves out the noun
    it is about: claimed alone it would say nothing ("Could one day supply drinking
    water"); the sentence it is in is proposed whole."""
    if attribution.quoted or content[0] < attribution.cue[1]:
        return False
    if any(mark in text[content[0] : content[1]] for mark in QUOTE_MARKS):
        return False  # 'a move he described as "overdue"': the words quoted are worth keeping
    first = text[content[0] : content[1]].split()[:1]
    if first and first[0].lower() in _NO_SUBJECT:
        return True
    source = attribution.source
    if source is None or source[0] > attribution.cue[0]:
        return False
    return bool(_RELATIVE_BEFORE.search(text, sentence.start, source[0]))


def _of_itself(text: str, attribution: Attribution, start: int | None = None) -> bool:
    """Whether an "it" opening the content may be its speaker: "Veltrix said it was
    disappointed", the speaker before its cue and the content after, and no listener told
    between ("The company told Reuters it would" may mean Reuters's story); a body's own
    "It said it would" too, not a person's ("He said it was late": a thing)."""
    source = attribution.source
    return (
        attribution.order == "pre"
        and source is not None
        and source[1] <= attribution.cue[0] < attribution.content[0]
        and not TELLS.match(attribution.cue_text(text).split()[-1])
        # "wrote to Sanders' Senate office that it did not have permission": the listener's
        and not _TO_SOMEONE.match(text, attribution.cue[1], attribution.content[0])
        and fold_name(text[slice(*source)]) not in PRONOUNS - {"it"}
        and (
            not _A_THING_THEN_SAID.search(text, source[1], attribution.cue[0])
            or (start is not None and _IT_IS_DOING.match(text, start) is not None)
        )
    )


def _spokesperson_of_itself(text: str, attribution: Attribution, start: int, body: bool) -> bool:
    """ "…, a spokesman said. He said it was also considering a bid": a "he" read as the body
    he speaks for, whose "it" doing something is that body, as "Nordfly said it was" is."""
    source = attribution.source
    return (
        body
        and attribution.order == "pre"
        and source is not None
        and fold_name(text[slice(*source)]) in ("he", "she")
        and not text[source[1] : attribution.cue[0]].strip()
        and _IT_IS_DOING.match(text, start) is not None
    )


# A listener right after a cue: "wrote to Sanders' Senate office that" (not "said in an
# email to the Harbourline Post that it", the channel it spoke through).
_TO_SOMEONE = re.compile(r"[ \t]+to[ \t]+(?:the[ \t]+)?[A-Z]")
# "it was "working closely with …"": an "it" doing something, the body that spoke, not
# the thing just named ("apologised for the delays and said it was working …").
_IT_IS_DOING = re.compile(
    r"[Ii]t\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:also|still|now|already|currently"
    r"|actively)\s+)?[\"\u201c]?(?!going\b)[a-z]+ing\b"
)


# "welcomed the sentence but said it came too late": a thing just named, which "it" means
# ("confirmed that the review had taken place but said it had been limited": the thing
# a clause said before is about)
_A_THING_THEN_SAID = re.compile(
    r"(?:\b(?P<thing>(?:the|a|an|this|that)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
    r"|\bthat\s+(?P<subject>(?:the|a|an|this|its|their)\s+[a-z][\w-]*)\b[^,.;\"\u201c]{0,60}?)"
    r"\s*,?\s+(?:but|and)\s+(?:(?:also|then|later)\s+)?$"
)


# What a thing is or was, not what anyone does: "It had been limited", "It came too late".
_IT_IS = re.compile(r"It\s+(?:is|was|had\s+been|has\s+been|would\s+be|will\s+be|came|comes)\b")


def _the_thing_meant(text: str, attribution: Attribution, claim: str) -> str:
    """ "welcomed the sentence but said it came too late": the claim is of the sentence,
    "The sentence came too late", when the thing was named with "the"."""
    source = attribution.source
    if source is None or not claim.startswith("It ") or EXPLETIVE_IT.match(claim):
        return claim
    if _IT_IS_DOING.match(claim):
        return claim  # "it was working closely with …": the speaker doing it, not a thing
    found = _A_THING_THEN_SAID.search(text, source[1], attribution.cue[0])
    thing = (found["thing"] or found["subject"]) if found is not None else None
    if thing is None or not thing.startswith("the "):
        return claim
    if " but " not in found[0] and not _IT_IS.match(claim):
        return claim  # "welcomed the decision and said it would help": the club may help
    if len(thing.split()) > 2 and thing.split()[-1] in AUXILIARIES:
        thing = " ".join(thing.split()[:2])
    return "The " + thing[4:] + claim[2:]


def _within_sentence(text: str, sentence: Sentence, content: tuple[int, int]) -> tuple[int, int]:
    """A content in the writer's words kept to its sentence: 'Roussel said the law risked
    "emptying" museums. "Today it is 26 objects," he told Le Figaro.' tagged as one
    content is two claims, each its own sentence's. A content opening with a quotation
    mark may run on (a quotation of several sentences)."""
    start, end = content
    if start < sentence.start < end and text[start : start + 1] not in OPEN_QUOTES:
        start = sentence.start
        while start < end and text[start].isspace():
            start += 1
    if start < sentence.end < end and text[start : start + 1] not in OPEN_QUOTES:
        end = sentence.end
        while end > start and text[end - 1] in " \n.":
            end -= 1
    return (start, end)


# A sentence that opens with a name, then what it did in a statement.
_NAME_ACTS_IN_A_STATEMENT = re.compile(
    r"\s*(?P<name>The[ \t]+[a-z]+|(?!(?:The|In|On|At|A|An|It|He|She|They|But|And)\b)"
    r"[A-Z][\w&'\u2019-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'\u2019-]*){0,4})[ \t]+"
    r"(?:[a-z]+ly[ \t]+)?"
    r"(?:announced|confirmed|said|issued|released|published|posted|explained|defended)\b"
)


def _what_they_called(text: str, attribution: Attribution) -> bool:
    """ "fined … for what the regulator called "serious and sustained" failures": the
    regulator's word for a thing the article names, inside the article's own statement;
    no claim of the regulator's, nor the statement's end."""
    source = attribution.source
    return (
        source is not None
        and attribution.cue_text(text).lower() in ("called", "described as", "termed", "dubbed")
        and re.search(r"\bwhat\s+$", text[max(0, source[0] - 10) : source[0]]) is not None
    )


def _said_from(text: str, attribution: Attribution) -> int:
    """Where what a relation says starts in its sentence: its source, cue or content; but
    "Chile's central bank cut its rate by 50 basis points, and said A": what the bank did
    before "and said" is the article's own statement, the bank's words start at "and"."""
    content = attribution.said_before or attribution.content
    start = min(content[0], attribution.cue[0], (attribution.source or attribution.cue)[0])
    source = attribution.source
    if source is None or not source[1] < attribution.cue[0] <= content[0]:
        return start
    between = text[source[1] : attribution.cue[0]]
    joined = _AND_SAID.search(between)
    if joined is None and attribution.cue_text(text).split()[0].lower().endswith("ing"):
        # "The authority blocked the merger, saying A": what it did is the article's own
        # statement, what it said starts at "saying"
        joined = _COMMA_SAYING.search(between)
        words = {w.lower().strip(".,;:") for w in between.split()}
        if joined is not None and words & (SPEECH_WORDS | _WRITTEN_TO):
            joined = None  # "X emailed supporters on Monday, saying A": how A was said
    if joined is None or len(between[: joined.start()].split()) < 4:
        return start
    return source[1] + joined.start()


_AND_SAID = re.compile(r",?\s+and\s+(?:also\s+|then\s+|later\s+)?$")
_COMMA_SAYING = re.compile(r"\s*,\s*$")
# How words reach people, which a sentence's act before ", saying" may be: a frame.
_WRITTEN_TO = frozenset(
    {"emailed", "wrote", "tweeted", "posted", "messaged", "texted", "spoke", "addressed",
     "briefed", "phoned", "called", "appeared", "interviewed", "commented", "responded",
     "replied", "reacted", "took"}
)  # fmt: skip


_SPOKESPERSON = re.compile(r"(?:an?|the)\s+(?:[\w-]+\s+)?spokes(?:man|woman|person)$", re.I)


def _without_own_spokesperson(hops: list[dict]) -> list[dict]:
    """ "The European Space Agency said A, according to a spokesman quoted by dpa": the
    agency's own spokesman, no hop between the agency and dpa."""
    return [
        hop
        for index, hop in enumerate(hops)
        if not (
            index
            and hops[index - 1].get("name")
            and not str(hops[index - 1].get("why", "")).startswith("a description")
            and str(hop.get("why", "")).startswith("a description")
            and _SPOKESPERSON.match(str(hop.get("name") or "").strip())
        )
    ]


def _rendering(text: str, span: tuple[int, int] | None) -> bool:
    words = fold_name(text[slice(*span)]).split() if span is not None else []
    while words and words[0] in ("a", "an", "the", "its", "his", "her", "their"):
        words = words[1:]
    return bool(words) and words[0] in _RENDERINGS


def _plainly_said(text: str, attribution: Attribution) -> bool:
    """A speaker and a verb of speech alone ("Brandt cautioned that …"): the tagger's
    reading is the sentence's, not one to offer beside the article's own statement."""
    words = text[attribution.cue[0] : attribution.cue[1]].lower().split()
    if attribution.source is None:
        return False
    if words[:2] == ["according", "to"]:
        return True  # "According to a government inventory, A": A is the inventory's
    if words and words[-1] in _SHOWS and _RECORDS.search(text, *attribution.source):
        return True  # "Accounts filed at Companies House show A", "the documents show"
    if words in (["put", "it"], ["put", "it", "to"]):
        return True  # "Fenwick put it to him that A": counsel's case, put in court
    that = text[attribution.cue[1] : attribution.content[0]].split()[-1:] == ["that"] or (
        text[attribution.content[0] : attribution.content[0] + 5] == "that "
    )
    if that and words and words[-1] in _CONCEDED:
        return True  # "Delaine accepted that A"
    return any(word in SPEECH_WORDS for word in words)


_CONCEDED = {"accepted", "accepts", "agreed", "agrees", "recalled", "recalls"}
_SHOWS = {"show", "shows", "showed", "shown", "reveal", "reveals", "revealed", "found"}
_RECORDS = re.compile(
    r"\b(?:documents?|accounts|filings?|records?|figures|data|statistics|inventory|report"
    r"|survey|study|minutes|papers|emails|letters?|returns|results|analysis|polls?|audit"
    r"|inquiry|investigation|review)\b",
    re.IGNORECASE,
)


def _once(proposals: list[Proposal]) -> list[Proposal]:
    """One proposal per passage and chain of sources, the first: "said in a statement that
    A" is read twice, by the rules' "said" and the tagger's "statement", with one speaker,
    and the reviewer would decide the same thing twice."""
    kept: list[Proposal] = []
    for proposal in proposals:
        tagged = proposal.rule.startswith(TAGGER)
        if not any(
            other.quote == proposal.quote
            and (
                len(other.hops) == len(proposal.hops)
                # the tagger's "defended" beside the rules' "saying" with the outlet
                # interviewing him: one speaker, and the rules' chain says more
                or (tagged and 0 < len(proposal.hops) < len(other.hops))
            )
            and (
                all(_same_hop(a, b) for a, b in zip(other.hops, proposal.hops, strict=False))
                # the tagger's "as quoted by SITA" alone, beside the analyst → SITA
                or (
                    tagged
                    and 0 < len(proposal.hops) < len(other.hops)
                    and all(
                        _same_hop(a, b)
                        for a, b in zip(
                            other.hops[-len(proposal.hops) :], proposal.hops, strict=True
                        )
                    )
                )
            )
            for other in kept
        ):
            kept.append(proposal)
    # A relation naming no one ("although it had asked for 11 years", read by a cue of its
    # own) leaves no second, speakerless copy of words someone is proposed as saying.
    return [
        p
        for p in kept
        if p.hops
        or p.rule == RETOLD
        or not any(other.hops and other.quote == p.quote for other in kept)
    ]


def _speaks_for_the_sentence(text: str, sentence: Sentence, attribution: Attribution) -> bool:
    """Whether a relation naming no source is the sentence's main speaker's, as a participle
    clause is (", adding that ...", "while saying", "Claiming ..." opening the sentence) and
    a relative "who said" is: its speaker is named elsewhere in the sentence. Any other
    relation without a source names nobody, and is proposed so: a passive cue with no agent
    ("The diagnosis was confirmed") speaks of its subject, not by the sentence's speaker."""
    if passive(text, attribution.cue):
        return False
    if _STIRRING.match(text, attribution.cue[0], attribution.cue[1] + 20):
        return False  # "…, raising concerns that A": the article's inference, nobody's word
    tokens = tokenize(text, min(sentence.start, attribution.cue[0]), attribution.cue[1])
    cue = next((i for i, token in enumerate(tokens) if token.start >= attribution.cue[0]), None)
    if cue is None:
        return False
    before = cue
    while before > 0 and tokens[before - 1].lower in AUXILIARIES:
        before -= 1  # "who also said", "who had talked about"
    previous = tokens[before - 1] if before > 0 else None
    if previous is not None and previous.lower in RELATIVE_SPEAKERS:
        return True
    if previous is not None and previous.lower in ("but", "and") and before >= 2:
        # "Delaine accepted that A, but said B": the subject of the verb before "but"
        return tokens[before - 2].text == "," or tokens[before - 2].lower not in AUXILIARIES
    verb = next((token.lower for token in tokens[cue:] if token.lower not in AUXILIARIES), "")
    return verb.endswith("ing") and (
        previous is None or previous.text in PUNCT_BOUNDARY or previous.lower in CLAUSE_OPENERS
    )


def _naming(
    text: str, attribution: Attribution, content: tuple[int, int]
) -> tuple[int, int] | None:
    """The span from the speaker to the end of a content that quotes their words but is no
    statement alone: 'Chinese state media have called NATO a "grave" challenge' claims
    that they called it so, not 'NATO a "grave" challenge'. Only for a speaker and cue
    before the content; a content with no quoted words and no clause is no claim at all
    (``reporting.reports``)."""
    source, cue = attribution.source, attribution.cue
    if attribution.quoted or source is None or not (source[1] <= cue[0] < cue[1] <= content[0]):
        return None
    if claimed_whole(text, attribution.cue, content):
        # "Moldova has accused Moscow of trying to destabilise the country", "He called on
        # ministers to ban bonuses": the claim is the accusation or the demand, not "Moscow
        # of trying …" or "ministers to ban bonuses"
        calling = _CALLING_ITSELF.search(text, max(0, source[0] - 60), source[0])
        if calling is not None and text[source[0] :].startswith("itself"):
            return (calling.start(), content[1])  # "A group calling itself BlackLantern"
        return (source[0], content[1])
    if not quotes_words(text, content) or states(text, content):
        return None
    opening = text[content[0] : content[1]].split(maxsplit=1)[0].lower()
    if opening in PREPOSITIONS or opening == "as":
        return None  # 'a move he described as "overdue"': what is so called comes before
    return (source[0], content[1])


_CALLING_ITSELF = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}calling\s+$")


def _quoted_end(text: str, start: int, end: int) -> int:
    """Where the quoted words of ``text[start:end]`` end: after the last quotation closed
    in it, so that the cue and speaker after it ('"A," Dana Whitfield said.') stay out of
    the quotation, as they do when no second quotation follows."""
    closed = [close + 1 for _, close in quotations(text, start, end) if close is not None]
    closed += [found.end() for found in SINGLE_CLOSE.finditer(text, start, end)]
    if closed:
        return max(closed)
    return len(text[:end].rstrip())


# Whom someone told, and where or when, up to the "that" opening what: a few words, no
# comma, quotation mark or verb of their own ("supporters at a rally on Sunday that").
_TOLD_WHOM_THAT = re.compile(
    r"(?:(?!(?:that|who|which|had|has|have|was|were|is|are|would|will|could)\b)"
    r"[\w'\u2019.-]+\s+){1,8}?that\s+"
)
_AND_THAT = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?that\s+")  # "A but that B" too
_AND = re.compile(r",?\s+and\s+")


def _statements(
    text: str, attribution: Attribution, content: tuple[int, int]
) -> list[tuple[tuple[int, int], bool]]:
    """The content as the statements it reports, each with whether it is a quotation:
    "said A and that B" is two claims, each stored once, not one claim "A and that B".
    Only where both halves are claims of their own length, and each is either reported
    speech or one whole quotation ('said "the plan is dead" and that the vote would go
    ahead'); a quotation that runs across the "and that" is left whole."""
    content, quoted = _quotation_then_when(text, content, attribution.quoted)
    whole = [(content, quoted)]
    if attribution.quoted and _all_quoted(text[content[0] : content[1]]):
        return whole
    joints = list(_AND_THAT.finditer(text, content[0], content[1]))
    if not joints:
        # Two quotations joined by a bare "and": 'said "A" and "B"'.
        joints = list(_AND.finditer(text, content[0], content[1]))
        if len(joints) != 1 or not all(
            _one_quotation(text[a:b])
            for a, b in ((content[0], joints[0].start()), (joints[0].end(), content[1]))
        ):
            return whole
    if len(joints) != 1:
        return whole
    joint = joints[0]
    parts = []
    for a, b in ((content[0], joint.start()), (joint.end(), content[1])):
        part = text[a:b]
        if len(part.split()) < MIN_CLAIM_WORDS:
            return whole
        if not any(mark in part for mark in QUOTE_MARKS):
            parts.append(((a, b), False))
        elif _one_quotation(part):
            parts.append(((a, b), True))
        elif _quotations_closed(part):
            parts.append(((a, b), False))  # 'the selloff was "an overreaction" and that B'
        else:
            return whole
    return parts


def _quotations_closed(part: str) -> bool:
    """Every quotation of the part opens and closes inside it: none runs across a joint."""
    if part.count('"') % 2:
        return False
    return all(
        kind in ("open", "close") or part[at - 1 : at].isalpha()  # "the company’s"
        for at, kind in quote_marks(part)
    )


# A time after a quotation: 'said "we will respond" on Tuesday', "… last week."
_WHEN_AFTER = re.compile(
    rf"\s*,?\s+(?:(?:on|last|this|earlier|late)\s+{TIME_WORD}|yesterday|today|tonight)"
    r"[\s.,;!?]*"
)


def _quotation_then_when(
    text: str, content: tuple[int, int], quoted: bool
) -> tuple[tuple[int, int], bool]:
    """A content that is one quotation and the time it was said is the quotation: the
    time is the saying's ('Smith said "the vote will go ahead" on Monday')."""
    closes = [c for o, c in quotations(text, content[0], content[1]) if o == content[0]]
    if closes and closes[0] is not None:
        after = closes[0] + 1
        if after < content[1] and _WHEN_AFTER.fullmatch(text, after, content[1]):
            return (content[0], after), True
    return content, quoted


# A quotation closed with its comma or full stop, then one word of what comes next:
# 'killing "up to 340 servicemen," a' (claim …), '"… ready for it," Breuer'.
_WORD_AFTER_QUOTATION = re.compile(
    r"(?:[,.][\"\u201d\u2019]|[\"\u201d\u2019][,.])[ \t]+[\w'\u2019-]+[ \t]*$"
)


def _without_word_after_quotation(text: str, part: tuple[int, int]) -> tuple[int, int]:
    found = _WORD_AFTER_QUOTATION.search(text, *part)
    if found is None:
        return part
    return (part[0], found.start() + 2)


def _one_quotation(part: str) -> bool:
    """The part is one quotation, marks and all, and nothing else (a full stop aside)."""
    body = part.rstrip(" .,")
    found = quotations(body)
    return len(found) == 1 and found[0][0] == 0 and found[0][1] == len(body) - 1


def _speech_acts(text: str, sentence: Sentence, found: list[Attribution], hops_of) -> list:
    """What an outer source says of an inner one: in "China hopes ..., Wang told Orban last
    week, Xinhua said", that Wang told Orban last week is Xinhua's claim, not Wang's.

    Only that shape: the outer cue after its content; the outer content less the inner one
    is the inner source, named (not a pronoun), then its cue, then something more (a
    listener, a time), in a few words of one sentence, no quotation among them.
    """
    out = []
    for index, outer in enumerate(found):
        for child in outer.children:
            inner = found[child]
            frame = _remainder(outer.content, inner.content)
            if frame is None or inner.source is None or outer.order == "pre":
                continue  # "Russians say A, a study concluded": nested the wrong way round
            start, end = frame
            while start < end and text[start] in JOINT + ".":
                start += 1
            while end > start and text[end - 1] in JOINT + ".":
                end -= 1
            if (that := _TRAILING_THAT.search(text, start, end)) is not None:
                end = that.start()  # "Lindner told the Bundestag last week that"
            source, cue = inner.source, inner.cue
            if source[0] != start or not (source[1] <= cue[0] and cue[1] < end):
                continue
            if fold_name(text[source[0] : source[1]]) in PRONOUNS:
                continue
            between = text[source[1] : cue[0]].split()
            if len(between) > 2 or bare(text, (cue[1], end)):
                continue  # "X reported that": nothing more than who spoke
            if _ONLY_WHEN.fullmatch(text, cue[1], end):
                continue  # "the ministry said on Thursday": when, not a claim of its own
            if _ANYONE_LISTENING.fullmatch(text, cue[1], end):
                continue  # "Peskov told reporters": to whom anyone speaks, nothing to check
            if _AN_OUTLET.fullmatch(text, cue[1], end) or _a_wire(text[cue[1] : end]):
                continue  # "Mercer told public broadcaster ABC", "told AFP": the outlet is a hop
            if _ONLY_WHERE.fullmatch(text, cue[1], end):
                continue  # "Volkova said at a weekly briefing": where, not a claim of its own
            frame = text[start:end]
            if len(frame.split()) > SPEECH_ACT_WORDS or _QUOTE_OR_STOP.search(frame):
                continue
            hops = hops_of(index)
            if not hops:
                continue
            told = fold_name(text[cue[1] : end])
            if any(told == fold_name(h.get("name") or h.get("proposed_name") or "") for h in hops):
                continue  # "Bodnar told MTN A, the agency said": MTN's own hop, no claim
            base = ORDER_CONFIDENCE.get(outer.order, 0.7)
            confidence = SPEECH_ACT_SHARE * base * sum(h["confidence"] for h in hops) / len(hops)
            out.append(
                Proposal(
                    kind="claim",
                    sentence=(sentence.start, sentence.end),
                    claim_text=claim_wording(text[start:end]),
                    quote=(start, end),
                    quoted=False,
                    hops=hops,
                    confidence=round(confidence, 2),
                    rule="reported speech",
                )
            )
    return out


def _told_anyone(text: str, attribution: Attribution, part: tuple[int, int]) -> bool:
    """Whether whom the speaker told cannot be a "he" or "she" of what they said: reporters,
    the press, an outlet ("told Radio Holmdal she was disappointed"). A second content
    ("told the Herald that A and that he would …") has the same listener as the first."""
    cue_end = attribution.cue[1]
    if cue_end <= attribution.content[0] < part[0]:
        part = (attribution.content[0], part[1])
    if _ANYONE_WHERE.fullmatch(text, cue_end, part[0]):
        return True  # "told reporters (outside the courthouse) (that)"
    if _A_BODY_LISTENING.fullmatch(text, cue_end, part[0]):
        return True  # "told the inquiry that he had raised concerns": no body is "he"
    show = TOLD_A_SHOW.match(text, cue_end, part[0])
    if show is not None and text[show.end() : part[0]].strip() in ("", "that"):
        return True  # "told BNC Radio's morning programme that he had asked"
    told = TOLD.match(text, cue_end, part[0])
    # "told the Brackenford Evening Post last week that": when, then what
    rest = _WHEN_TOLD.sub("", text[told.end() : part[0]]) if told is not None else ""
    # "told Channel Nine in an interview broadcast on Sunday evening that": where and when
    rest = _WHERE_TOLD.sub("", rest)
    if told is None or rest.strip() not in ("", "that"):
        return False
    if told.group("described") is not None:
        return True  # "the German newspaper Bild"
    return an_outlet_by_name(text[slice(*told.span("who"))])


_TRAILING_THAT = re.compile(r"\s+that$")
_WHEN_TOLD = re.compile(
    r"^\s+(?:on\s+|last\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|week|month|year|night)\b"
)
# Where or how an outlet was told, before what: "in an interview (broadcast on Sunday)",
# "during a visit to Brussels", "on its evening programme". Up to a comma or "that".
_WHERE_TOLD = re.compile(
    r"^\s+(?:in|during|on|at|for|after)\s+(?:an?|the|its|his|her|their)\s+"
    r"[^,;:\"\u201c]{1,60}?(?=\s+that\b|\s*$)"
)
# The listeners every speaker has, and nothing more: "told reporters" (but "told reporters
# on Monday" says when, as "told Orban last week" says whom).
_ANYONE_LISTENING = re.compile(
    r"\s+(?:reporters|journalists|investors|analysts|shareholders|the\s+press|the\s+media"
    # a court, a hearing: where words are said, none of them a claim of its own
    r"|(?:a|the)\s+(?:court|jury|tribunal|hearing|inquiry)"
    r"|a\s+news\s+conference"
    r"|a\s+press\s+conference|a\s+briefing)\s*"
)
_ANYONE_WHERE = re.compile(
    rf"(?:{_ANYONE_LISTENING.pattern})(?:(?:outside|after|at|in|on|during)\s+[\w\s'\u2019-]{{1,40}}?)?"
    r"\s*(?:that\s*)?"
)
# A body or people listening, none of whom a "he" or "she" of the words can be: "told the
# Marveno criminal court", "told investigators", "told MPs on Tuesday".
_A_BODY_LISTENING = re.compile(
    r"\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+|[a-z]+\s+){0,3}?(?:inquiry|court|committee"
    r"|tribunal|hearing|jury|panel|parliament|Parliament|senate|Senate|assembly|commission"
    r"|council|congress|Congress|board|investigators|prosecutors|police|MPs|lawmakers"
    r"|legislators|senators|shareholders|delegates)(?:\s+(?:on|last|this)\s+\w+)?\s*(?:that\s*)?"
)


# An outlet told, alone after the cue: "told public broadcaster ABC", "told state television".
def _a_wire(listener: str) -> bool:
    """Whether whom a speaker told is a news organisation by its name alone ("AFP", "dpa
    on Monday")."""
    return fold_name(_A_DAY.sub("", listener)) in NEWS_ORGANISATIONS


_A_DAY = re.compile(
    r"\s+(?:on|last|this)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*$"
)
_AN_OUTLET = re.compile(
    rf"(?:{TOLD_STATE.pattern}|\s+(?:the\s+)?(?:(?:public|national|state|state-run"
    r"|state-owned|local|regional)\s+)?(?:broadcaster|newspaper"
    rf"|radio|television|station|channel|daily|agency)\s+{OUTLET_NAME})"
    r"(?:\s+(?:on|last|this)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\s*"
)
_ONLY_WHERE = re.compile(
    r"\s+(?:at|during|in)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}"
    r"(?:briefing|news\s+conference|press\s+conference|conference|meeting|interview|statement"
    r"|speech|address|post|video)"
    rf"(?:\s+(?:on|last|this)?\s*{TIME_WORD})?\s*"
)
_ONLY_WHEN = re.compile(
    rf"(?:\s+(?:on|last|this|late|early|earlier|in|at)?\s*(?:{TIME_WORD}"
    r"|yesterday|today|overnight))+\s*"
)
_APPOSED = re.compile(r",(?!\d)\s*(?:\S+\s+){0,2}\S+\s*$")  # ", a move" before "he described"


def _said_before_inner(text: str, sentence: Sentence, found: list[Attribution], hops_of) -> list:
    """What a speaker says before a relation nested at the end of their content: in
    "Scholz said Berlin would raise its budget by 2027, a move he described as 'overdue'",
    that Berlin would raise its budget is Scholz's claim, not only the inner 'overdue'.

    Only a pre-posed relation whose content opens with a clause of its own and ends with
    the nested one; a short phrase set off by a comma just before the inner speaker
    (", a move") is not part of the claim.
    """
    out = []
    for index, outer in enumerate(found):
        if outer.order != "pre" or not outer.children:
            continue
        inner = [found[child] for child in outer.children]
        first = min(s[0] for a in inner for s in (a.cue, a.source, a.content) if s is not None)
        if all(a.source is None for a in inner) and re.search(r",\s*$", text[:first]):
            # "said its parallel count, based on 1,200 stations, indicated that A": what
            # comes before the inner cue is its subject, set off, no claim of its own
            continue
        last = max(a.content[1] for a in inner)
        if first <= outer.content[0] or outer.content[1] - last > 2:
            continue  # nothing of its own before, or the inner one does not close it
        end = first
        body = text[outer.content[0] : end]
        if (apposed := _APPOSED.search(body)) is not None:
            end = outer.content[0] + apposed.start()
        while end > outer.content[0] and text[end - 1] in JOINT + ".":
            end -= 1
        quote = (outer.content[0], end)
        if CUT_OFF.search(text, *quote) or _SUBORDINATOR_AT_END.search(text, *quote):
            # "said air traffic was halted at 21:40 after police and staff reported drones":
            # the inner report is part of the outer speaker's sentence, which is claimed whole
            quote = outer.content
        if not _clause(text, quote):
            continue
        hops = hops_of(index)
        if not hops:
            continue
        base = ORDER_CONFIDENCE.get(outer.order, 0.7)
        out.append(
            Proposal(
                kind="claim",
                sentence=(sentence.start, sentence.end),
                claim_text=claim_wording(text[quote[0] : quote[1]]),
                quote=quote,
                quoted=False,
                hops=hops,
                confidence=round(base * sum(h["confidence"] for h in hops) / len(hops), 2),
                rule=f"{outer.order}, {'with' if quote == outer.content else 'before'} a "
                "nested relation",
            )
        )
    return out


_SUBORDINATOR_AT_END = re.compile(
    r"\b(?:after|before|because|since|until|while|once|unless|although|though|if)\W*$",
    re.IGNORECASE,
)


def _remainder(outer: tuple[int, int], inner: tuple[int, int]) -> tuple[int, int] | None:
    """``outer`` less ``inner`` when that leaves one piece: ``inner`` opens or closes it."""
    if not (outer[0] <= inner[0] and inner[1] <= outer[1]) or inner == outer:
        return None
    if inner[0] - outer[0] <= 2:  # an opening quotation mark or space may come first
        return inner[1], outer[1]
    if outer[1] - inner[1] <= 2:
        return outer[0], inner[0]
    return None


def _stated(
    text: str, attribution: Attribution, part: tuple[int, int], quoted: bool
) -> tuple[int, int] | None:
    """The part less the questions it opens or ends with (``without_questions``), or None
    when it only asks: what "asked" quotes is a question whatever closes it ('"Is anyone
    going to take responsibility," she asked'), and a word or two left when a question is
    cut is its answer ('"Was it in the steak? Maybe,"'), no claim either."""
    verb = attribution.cue_text(text).split()[-1:]
    put = quoted or attribution.order in ("post", "inverted")
    if put and verb and _ASKING.fullmatch(verb[0]):
        return None
    stated = without_questions(text, part)
    if stated is not None and stated != part:
        left = text[slice(*stated)]
        if len(left.split()) < MIN_CLAIM_WORDS or _AN_ANSWER.match(left):
            return None  # "Maybe.", "Because people can do the math.": the answer alone
    return stated


def _continued_quotation(
    text: str, sentence: Sentence, speakers: Speakers
) -> list[Proposal] | None:
    """'"We will not be blackmailed," Konig said. "Nobody will."': the second is Konig's too.

    Only a sentence that is all quotation, in the paragraph of the last direct quotation or
    the next one, with no cue of its own. A question there is no claim, but the quotation
    goes on past it: no proposal, not None.
    """
    if speakers.quoting is None:
        return None
    hops, paragraph = speakers.quoting
    body = text[sentence.start : sentence.end].strip()
    if sentence.paragraph - paragraph > 1 or not body:
        return None
    if body[0] not in QUOTATION_STARTS and not single_quoted(body):
        return None
    if not _all_quoted(body):
        return None
    start = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
    speakers.quoting = (hops, sentence.paragraph)
    stated = without_questions(text, (start, start + len(body)))
    if stated is None or len(text[slice(*stated)].split()) < MIN_CLAIM_WORDS:
        return []  # a question, or a word or two ('"Mostly."'): no claim, the quotation goes on
    return [
        Proposal(
            kind="claim",
            sentence=(sentence.start, sentence.end),
            claim_text=claim_wording(text[slice(*stated)]),
            quote=stated,
            quoted=True,
            hops=[{**hop, "why": f"{hop.get('why')}; the quotation goes on"} for hop in hops],
            confidence=CONTINUED_CONFIDENCE,
            rule="continued quotation",
        )
    ]


def _all_quoted(body: str) -> bool:
    """The body opens a quotation that closes only at its end, or not at all (it goes on)."""
    # Double marks only (``quotations``): a closing single mark is also an apostrophe ("It’s").
    found = quotations(body)
    closing = found[0][1] if found else None
    return closing is None or not body[closing + 1 :].strip(" .,!?")


# A part cut off before someone's words that only leads into them: "… found that",
# "…, though" they stressed.
_LEADS_IN = re.compile(
    r"\b(?:that|though|although|because|whether|which|who)[\s,]*$", re.IGNORECASE
)  # also "… Brazil and Guyana, which" he said could offset …
_DANGLING = re.compile(
    r"(?:[\s,;:—–-]|\b(?:despite|amid|and|but|while|as|after|following|especially|even|"
    r"just|only|particularly|where|which|who|whose|when|because|until|if|although|though"
    r"|whereas)"
    # "resigned on Wednesday, two weeks after" A: how long after, with what it measured
    r"|(?<=,)[ \t]+(?:just[ \t]+|only[ \t]+|some[ \t]+|about[ \t]+)?(?:a|an|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|several|a[ \t]+few|few|\d+)[ \t]+(?:minutes?|hours?|days?"
    r"|weeks?|months?|years?)[ \t]+(?:after|before|since)\b)+$"
)


_OPENERS = {
    "during", "in", "after", "on", "at", "as", "when", "while", "since", "before", "under",
    "with", "following", "despite", "if", "although", "though", "because", "by", "for",
    # participles and adverbs that open the frame of a quotation: "Asked by SIC whether a
    # deal was close, Falcao said", "Separately, in a written answer, the minister said"
    "asked", "speaking", "responding", "answering", "addressing", "opening", "writing",
    "separately", "meanwhile", "later", "earlier", "elsewhere",
}  # fmt: skip


def _clause(text: str, span: tuple[int, int]) -> bool:
    """A sentence's opening part can stand as a statement: long, and not an adverbial."""
    passage = text[span[0] : span[1]]
    words = passage.split()
    while words and words[0].lower().strip(",") in _OPENERS:
        # "As indicated, Hungary is ...": a short lead-in before the clause is fine.
        lead, comma, passage = passage.partition(",")
        if not comma or len(lead.split()) > 3:
            return False
        words = passage.split()
    return len(words) >= 8


def _own_statement(
    text: str, sentence: Sentence, end: int, start: int | None = None
) -> Proposal | None:
    """The sentence (up to ``end``, from ``start``) as the article's own, unattributed
    statement."""
    start = _without_dateline(text, (sentence.start if start is None else start, end))[0]
    while True:
        trimmed = _DANGLING.sub("", text[start:end])
        if len(trimmed) == end - start:
            break
        end = start + len(trimmed)
    while end > start and text[end - 1] in " .\n":
        end -= 1
    body = text[start:end]
    words = body.split()
    if len(words) < MIN_WORDS or sentence.text.strip().endswith("?"):
        return None
    if len(words) <= VAGUE_WORDS and fold_name(words[0]) in VAGUE_OPENERS:
        return None
    if _FRAMING.search(body) or _CURRENCY_NOTE.fullmatch(body.strip(" .")):
        return None
    return Proposal(
        kind="claim",
        sentence=(sentence.start, sentence.end),
        claim_text=claim_wording(body),
        quote=(start, end),
        quoted=False,
        hops=[],
        confidence=UNATTRIBUTED_CONFIDENCE,
        rule="unattributed",
    )


def _label_hop(text: str, label: Label, resolution: Resolution) -> dict | None:
    """The hop of a transcript's speaker label: its name, by the colon after it."""
    colon = text.index(":", label.end)
    return source_hop(":", (colon, colon + 1), (label.start, label.end), resolution)


def _labelled(
    proposals: list[Proposal],
    label: Label,
    hop: dict | None,
    origin_id: int | None,
    publisher_id: int,
) -> list[Proposal]:
    """A labelled paragraph's proposals: a speaker's words are theirs ("SOLBERG-DAHL: The
    stock is at its lowest level" is hers, and what she reports others said she passes on);
    an interviewer's question is nobody's claim, though whom it quotes still said it."""
    if label.kind == "question":
        return [p for p in proposals if p.hops]
    if hop is None:
        return proposals
    out = []
    for proposal in proposals:
        if any(_same_hop(h, hop) for h in proposal.hops):
            out.append(proposal)  # "I think ...": she says so by her own cue
        elif proposal.hops:
            hops = _fold_chain([*proposal.hops, dict(hop)], origin_id, publisher_id)
            out.append(replace(proposal, hops=hops))
        else:
            confidence = round(LABEL_CONFIDENCE * hop["confidence"], 2)
            out.append(
                replace(proposal, hops=[dict(hop)], confidence=confidence, rule="speaker label")
            )
    return out


def _same_hop(a: dict, b: dict) -> bool:
    if a["source_id"] is not None or b["source_id"] is not None:
        return a["source_id"] == b["source_id"]
    return a["name"] == b["name"]


def propose(
    session, article, *, span: tuple[int, int] | None = None, progress=None
) -> list[Proposal]:
    """Every proposal for ``article`` (or only for the sentences touching ``span``);
    ``progress(done, total)`` is told how far the tagger has read it."""
    resolver = Resolver(session, article)
    speakers = Speakers()
    text = article.text
    relations = ArticleAttributions(text, progress=progress)
    out: list[Proposal] = []
    if span is None:
        origin = origin_proposal(session, article, resolver)
        if origin is not None:
            out.append(origin)
    photo_captions = captions(text)
    headline = _headline_end(text)
    labels = {label.paragraph: label for label in speaker_labels(text)}
    label_hop: tuple[int, dict | None, Resolution] | None = None  # paragraph, hop, speaker
    for sentence in split_sentences(text):
        touching = span is None or (sentence.start < span[1] and span[0] < sentence.end)
        label = labels.get(sentence.paragraph)
        if label is not None and sentence.start < label.body:
            if sentence.end <= label.body:
                continue
            sentence = Sentence(
                label.body, sentence.end, text[label.body : sentence.end], sentence.paragraph
            )
        if label is not None and label.kind == "speaker":
            if label_hop is None or label_hop[0] != label.paragraph:
                resolution = speakers.labelled(resolver, text, label)
                label_hop = (label.paragraph, _label_hop(text, label, resolution), resolution)
            speakers.first_person = label_hop[2] if label_hop[1] is not None else None
        else:
            speakers.first_person = None
        caption = next((c for c in photo_captions if c.start <= sentence.start < c.end), None)
        if caption is not None:
            if sentence.start >= caption.credit_start:
                continue  # the credit itself ("Ng Han Guan/Pool via REUTERS") says nothing
            if sentence.end > caption.credit_start:
                end = caption.credit_start
                sentence = Sentence(
                    sentence.start, end, text[sentence.start : end], sentence.paragraph
                )
        found = sentence_proposals(
            text,
            sentence,
            resolver,
            speakers,
            origin_id=article.origin_id,
            publisher_id=article.publisher_id,
            relations=relations,
        )
        if caption is not None:
            found = [credited(p, text, caption, resolver) for p in found]
        if label is not None:
            hop = label_hop[1] if label.kind == "speaker" and label_hop is not None else None
            found = _labelled(found, label, hop, article.origin_id, article.publisher_id)
        if sentence.end <= headline:
            # "Veridane recalls blood pressure pills over contamination fears": the
            # company's act, which a headline tells in a present that reads as speech
            kept = [p for p in found if not p.hops or _credited_headline(p)]
            if not kept and found:
                kept = [p for p in [_own_statement(text, sentence, sentence.end)] if p]
            found = kept
        # A sentence inside a quotation already proposed whole, with its speaker ('"A," he
        # says. "B. C.'): B and C are not proposed again, plain or as the quotation going on.
        found = [p for p in found if not _said_already(p, out)]
        if touching:
            out.extend(found)
        elif span is not None and sentence.start >= span[1]:
            break
    _outlets_by_full_name(text, out)
    _bodies_by_full_name(out)
    for proposal in out:
        if proposal.kind != "claim":
            continue
        opening = text[max(0, proposal.quote[0] - 1) : proposal.quote[0] + 1]
        closing = text[max(0, proposal.quote[1] - 1) : proposal.quote[1] + 1]
        within = text[proposal.quote[0] : max(proposal.quote[0], proposal.quote[1] - 1)]
        marks = DOUBLE_QUOTES + '"'
        # all quotation: opened before the claim, or closed at its end and not opened in it
        # ('asked the court "to substitute its judgment"' is the writer's up to the mark)
        if not proposal.quoted and (lead := _SUBORDINATE_CUT.match(text, proposal.quote[0])):
            # "…, after an internal review found he had bullied singers, the opera house
            # said": the clause cut out of its sentence states what the review found
            rest = proposal.claim_text[lead.end() - lead.start() :]
            if "," not in rest and rest[:1].islower():
                proposal.claim_text = rest[:1].upper() + rest[1:]
                proposal.quote = (lead.end(), proposal.quote[1])
        if proposal.quoted and proposal.hops:
            # '"He is deeply ashamed," Ortega said': the client of the lawyer speaking
            speaker = proposal.hops[0].get("name") or proposal.hops[0].get("proposed_name") or ""
            before = text[max(0, proposal.sentence[0] - 1500) : proposal.sentence[0]]
            proposal.claim_text = client_quoted(proposal.claim_text, speaker, before, resolver)
        if not proposal.hops and proposal.quote[0] > proposal.sentence[0]:
            # "…, two weeks after a group of musicians accused him": whom the sentence named
            proposal.claim_text = him_named(text, proposal.quote[0], proposal.claim_text, resolver)
        said = (
            proposal.quoted
            or any(mark in opening for mark in marks)
            or (any(mark in closing for mark in marks) and not any(m in within for m in marks))
        )
        # '"But the satellite was insured"': "[the Orion-3 satellite]", the name an editor's
        proposal.claim_text = kinds_named(text, proposal.claim_text, proposal.sentence[1], said)
        if proposal.quoted:
            continue
        if not any(mark in opening for mark in DOUBLE_QUOTES + '"'):
            # 'said the chef was "working with advisers"': the words before the quotation
            # are the article's, whatever the quotation says
            proposal.claim_text = people_named(text, proposal.claim_text, proposal.sentence[1])
    return out


# A clause that says a fact it hangs on another, cut out of the middle of its sentence:
# "after an internal review found …", "because the lender withdrew …" (not "if", "unless",
# "before", "when", which do not say it happened, nor "since" and "as", which may not be
# of cause).
_SUBORDINATE_CUT = re.compile(r"(?:after|because|although|though)[ \t]+")


def _other_gender(surface: str, pronoun: str) -> bool:
    """Whether the speaker's words say they are no "he" (or "she"): "A woman who answered
    the phone said he was traveling" speaks of someone else."""
    words = [word.strip(",.").lower() for word in surface.split()[:4]]
    said = next((NOUN_GENDER[w] for w in words if w in NOUN_GENDER), None)
    return said is not None and said != GENDERED.get(pronoun.lower())


def _outlets_by_full_name(text: str, proposals: list[Proposal]) -> None:
    """A new outlet named by the last word of its name ("told the Chronicle", "a memo
    reviewed by the Herald") is the one the article names in full ("the Harwick Chronicle",
    "the Millbrook Herald"), anywhere in it, when it names only one so."""
    full: dict[str, set[str]] = {}
    for match in A_PAPER_NAMED.finditer(text):
        name = re.sub(r"^(?:The|A|An)\s+", "", " ".join(match[1].split()))
        if len(name.split()) > 1:  # "The Harbourline Post" opening a sentence too
            full.setdefault(name.split()[-1], set()).add(name)
    for proposal in proposals:
        for hop in proposal.hops:
            name = hop.get("name") or ""
            if not hop.get("new") or len(name.split()) != 1 or len(full.get(name, ())) != 1:
                continue
            (whole,) = full[name]
            hop["name"] = whole
            hop["why"] = f"{hop.get('why') or ''}; {name!r} read as {whole}, named in full"


def _bodies_by_full_name(proposals: list[Proposal]) -> None:
    """A new body named short ("the Hollander Institute") is the one of that name "of"
    something the article proposes too ("the Hollander Institute of Planetary Sciences"),
    when there is one such: one source, not two."""
    names = {
        hop.get("name") or ""
        for proposal in proposals
        for hop in proposal.hops
        if hop.get("new") and len((hop.get("name") or "").split()) > 1
    }
    for proposal in proposals:
        for hop in proposal.hops:
            name = hop.get("name") or ""
            if not hop.get("new") or len(name.split()) < 2:
                continue
            # ("St Aldric's" for "St Aldric's General Hospital": a saint's name, never a person's)
            longer = [
                other
                for other in names
                if other.startswith(f"{name} of ")
                or (name.endswith("'s") and other.startswith(f"{name} "))
            ]
            if len(longer) == 1:
                hop["name"] = longer[0]
                hop["why"] = f"{hop.get('why') or ''}; {name!r} read as {longer[0]}, named in full"


def _headline_end(text: str) -> int:
    """Where the article's headline ends, if its text opens with one; else 0.

    A headline is the first paragraph when it is one line of a few words that no full stop
    ends ("Recount ordered in tight Millbrook mayoral race"), with the story after it. It
    is where most readers meet a claim, so it is proposed like any sentence; but it drops
    its verbs and tells acts in the present ("Veridane recalls pills over contamination
    fears"), so it credits someone only by a rule's verb of speech or a colon
    ("Putin open to call with Trump, Kremlin says", "Pence: …").
    """
    spans = paragraphs(text)
    if len(spans) < 2:
        return 0
    start, end = spans[0]
    line = text[start:end]
    if "\n" in line or not 3 <= len(line.split()) <= 25:
        return 0
    if line.rstrip(CLOSE_QUOTES + "'\"").endswith((".", "!", "?", ":", ";", "\u2026", ",")):
        return 0
    if _SENTENCE_INSIDE.search(line):
        return 0  # "… in Antakya, February 8, 2023. Jane Doe/Pool via REUTERS": a caption
    return end


_SENTENCE_INSIDE = re.compile(r"[a-z0-9][.!?][\"\u201d\u2019']?\s+[A-Z\"\u201c]")


def _credited_headline(proposal: Proposal) -> bool:
    """A headline's relation worth keeping: a rule's, crediting someone by a verb that only
    reports speech or by a colon ("Kremlin says", "Pence:"), not "Veridane recalls pills"."""
    if proposal.rule.startswith(TAGGER):
        return False
    cue = (proposal.hops[0].get("cue") or "").lower().split()
    return cue == [":"] or any(word in SPEECH_WORDS for word in cue)


def _said_already(proposal: Proposal, before: list[Proposal]) -> bool:
    """Whether an earlier proposal with a speaker holds this one's words: a sentence of a
    quotation proposed whole, or a quotation a tagger also gives the next sentence's cue."""
    plain = proposal.rule in ("unattributed", "continued quotation")
    if not plain and not proposal.rule.startswith(TAGGER):
        return False
    start, end = proposal.quote
    speaker = proposal.hops[0].get("name") if proposal.hops else None
    return any(
        other.hops
        and other.quote[0] <= start
        and end <= other.quote[1]
        and (plain or other.hops[0].get("name") == speaker)
        for other in before
    )
