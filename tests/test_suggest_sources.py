"""Who a proposal names and by which cue: no time word or adverb as a speaker, no hedge or
refusal as a cue, split quotations read as the sentences they are, and one person under
one name through an article. Made-up sentences."""

from __future__ import annotations

import pytest

from claims.sentences import split_sentences
from claims.suggestions.attribution import Attribution, extract
from claims.suggestions.proposal import claim_wording, spoken
from claims.suggestions.relations import ArticleAttributions, bare, link
from claims.suggestions.reporting import reports
from tests.suggest_data import proposals_for, speakers_of


def _span(text, kind, words):
    start = text.index(words)
    return (kind, start, start + len(words))


def _proposals(db_url, text):
    return proposals_for(db_url, text)


# -- sources --


@pytest.mark.parametrize(
    "text, source",
    [
        ("The government has so far declined to comment, saying only that it does not "
         "discuss commercial matters.", "The government"),
        ("The department today announced that 400 projects would go ahead.", "The department"),
    ],
)  # fmt: skip
def test_a_time_word_or_adverb_before_the_cue_is_not_the_source(text, source):
    sources = {a.source_text(text) for a in extract(text)}
    assert sources == {source}


def test_a_span_of_time_words_names_nobody():
    text = "The department today announced it."
    assert bare(text, (15, 20))  # "today"
    assert not bare(text, (0, 14))


def test_a_time_word_tagged_as_a_cue_is_dropped():
    text = "The department today announced $240 million in grants for rural households."
    spans = [
        _span(text, "SOURCE", "The department"),
        _span(text, "CUE", "today"),
        _span(text, "CUE", "announced"),
        _span(text, "CONTENT", "$240 million in grants for rural households"),
    ]
    (relation,) = link(text, spans, [(0, len(text))])[0]
    assert relation.cue_text(text) == "announced"


def test_a_relative_pronoun_speaks_for_the_name_before_it(db_url):
    proposals = _proposals(
        db_url,
        "Voltcell, which promised a plant in the north, said the project would create "
        "3,000 jobs by 2030.\n",
    )
    names = {hop["name"] for p in proposals for hop in p.hops}
    assert "Voltcell" in names
    assert not names & {"which", "Which"}


def test_a_speaker_said_and_warned_once_named_as_the_tagger_bounds_them():
    text = (
        "Natalie Brooks, a fiscal analyst at the Civic Federation, said the delay was modest "
        'but warned that "every deferral makes the next decision harder."\n'
    )
    relations = ArticleAttributions(text).in_sentence(0, len(text))
    sources = {a.cue_text(text): a.source_text(text) for a in relations}
    assert sources["warned"] == sources["said"]


# -- cues --


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The flagship project appears to be stalling badly this year.", "appears"),
        ("The firm allegedly misled investors about its funding.", "allegedly misled"),
        ("Lawmakers wrangle over a budget gap of $900 million.", "wrangle"),
        ("Dockworkers voted on Tuesday to accept a 14 per cent pay rise.", "voted"),
        ("His office declined to comment on the report on Monday.", "declined"),
        ("Asked about the report, the minister said no decision had been made.", "Asked"),
        # what was not said: a question left open
        ("The ministry would not say whether the talks had failed.", "would not say"),
        ("The report did not specify what measures Russia might take.", "did not specify"),
        # what a court or a government does
        ("A federal appeals court blocked a Texas law that would have required checks.", "blocked"),
    ],
)
def test_a_hedge_an_act_or_a_question_put_is_not_a_cue(text, cue):
    (sentence,) = split_sentences(text)
    start = text.index(cue)
    relation = Attribution(
        (start, start + len(cue)), None, (start + len(cue) + 1, len(text) - 1), False, "pre"
    )
    assert not reports(text, sentence, relation)
    said = text.find("said")
    if said > 0:
        kept = Attribution((said, said + 4), None, (said + 5, len(text) - 1), False, "pre")
        assert reports(text, sentence, kept)


def test_a_negated_cue_before_a_statement_still_reports():
    text = "The minister did not deny that the talks had failed."
    (sentence,) = split_sentences(text)
    start = text.index("did not deny")
    relation = Attribution(
        (start, start + len("did not deny")),
        None,
        (text.index("that"), len(text) - 1),
        False,
        "pre",
    )
    assert reports(text, sentence, relation)


@pytest.mark.parametrize("cue", ["agreed", "have agreed on", "agreed to"])
def test_what_was_agreed_on_is_an_act_not_words_passed_on(cue):
    text = "Ukraine and Poland have agreed on a joint control at the border."
    if cue == "agreed to":
        text = text.replace("agreed on", "agreed to")
    (sentence,) = split_sentences(text)
    start = text.index(cue)
    after = text.index("a joint") if cue.endswith("on") else start + len(cue) + 1
    relation = Attribution((start, start + len(cue)), None, (after, len(text) - 1), False, "pre")
    assert not reports(text, sentence, relation)
    clause = "Ukraine and Poland agreed on Monday that the border would open."
    (sentence,) = split_sentences(clause)
    cue = clause.index("agreed")
    relation = Attribution(
        (cue, cue + 6), None, (clause.index("the border"), len(clause) - 1), False, "pre"
    )
    assert reports(clause, sentence, relation)


QUOTED_ACTS = [
    (
        "\u201cWe have agreed on a joint control at the border that will cut waiting times by "
        "half,\u201d Shmyhal told reporters after talks in Warsaw.\n",
        "We have agreed on a joint control at the border that will cut waiting times by half.",
        "Shmyhal",
    ),
    (
        "\u201cWe have promised to rebuild every school before winter,\u201d Mayor Anna "
        "Kowalska told residents.\n",
        "We have promised to rebuild every school before winter.",
        "Anna Kowalska",
    ),
    (
        "\u201cI have promised that every school will be rebuilt,\u201d Kowalska said.\n",
        "I have promised that every school will be rebuilt.",
        "Kowalska",
    ),
]


@pytest.mark.parametrize("text, claim, speaker", QUOTED_ACTS)
def test_a_quoted_speaker_s_own_promise_is_part_of_the_quotation(db_url, text, claim, speaker):
    proposals = [p for p in _proposals(db_url, text) if p.hops]
    assert [(p.claim_text, [h["name"] for h in p.hops]) for p in proposals] == [(claim, [speaker])]
    assert text[slice(*proposals[0].quote)].strip("\u201c\u201d,") + "." == claim


@pytest.mark.parametrize("text, claim, speaker", QUOTED_ACTS)
def test_a_quoted_speaker_s_own_promise_is_part_of_the_quotation_without_a_tagger(
    db_url, monkeypatch, text, claim, speaker
):
    monkeypatch.setattr("claims.suggestions.tagger.model_available", lambda: False)
    proposals = [p for p in _proposals(db_url, text) if p.hops]
    assert [(p.claim_text, [h["name"] for h in p.hops]) for p in proposals] == [(claim, [speaker])]


def test_a_cue_inside_a_quotation_says_nothing_past_its_close():
    text = QUOTED_ACTS[1][0]
    found = extract(text)
    relations = {a.cue_text(text): a for a in found}
    promised, told = relations["have promised"], relations["told"]
    assert text[slice(*promised.content)].endswith("before winter")
    # the speaker outside the quotation says it all, "We promised" within it
    assert told.parent is None and found[promised.parent] is told
    assert text[slice(*told.content)] == text[: text.index(" Mayor")]


def test_a_speaker_who_asked_not_to_be_named_says_what_follows(db_url):
    proposals = _proposals(
        db_url,
        "A shop steward, who asked not to be named for fear of reprisals, said many younger "
        "workers had voted against the deal because it did nothing on shifts.\n",
    )
    said = [p for p in proposals if p.hops]
    assert [(p.claim_text, [h["cue"] for h in p.hops]) for p in said] == [
        (
            "Many younger workers had voted against the deal because it did nothing on shifts.",
            ["said"],
        )
    ]


# -- split quotations --


def test_a_quotation_split_by_a_full_stop_reads_as_two_sentences():
    text = '"We will not balance the budget on commuters," he said. "But we will fix bridges."'
    cue, source = text.index("said"), text.index(" he said") + 1
    relation = Attribution((cue, cue + 4), (source, source + 2), (0, len(text)), True, "post")
    assert claim_wording(spoken(text, relation, relation.content)) == (
        "We will not balance the budget on commuters. But we will fix bridges."
    )
    joined = text.replace('said. "But', 'said, "but')
    cue = joined.index("said")
    relation = Attribution((cue, cue + 4), (source, source + 2), (0, len(joined)), True, "post")
    assert claim_wording(spoken(joined, relation, relation.content)) == (
        "We will not balance the budget on commuters, but we will fix bridges."
    )


@pytest.mark.parametrize("manner", ["in a statement", "on Tuesday", "to us"])
def test_how_a_quotation_was_said_is_not_part_of_it(manner):
    text = f'"Ranchers have waited too long for the internet," Crane said {manner}.'
    cue, source = text.index("said"), text.index("Crane")
    relation = Attribution((cue, cue + 4), (source, source + 5), (0, len(text)), True, "post")
    assert claim_wording(spoken(text, relation, relation.content)) == (
        "Ranchers have waited too long for the internet."
    )


def test_the_halves_of_a_quotation_split_over_sentences_are_proposed_once_each(db_url):
    proposals = _proposals(
        db_url,
        "Lee Harlan said on Tuesday that the delay was necessary. "
        '"We are not going to balance this budget on the backs of commuters," he said. '
        '"But we are also not going to stop fixing bridges."\n',
    )
    claims = [p.claim_text for p in proposals]
    assert "We are not going to balance this budget on the backs of commuters." in claims
    assert [c for c in claims if "But we are also" in c] == [
        "But we are also not going to stop fixing bridges."
    ]


# -- one person, one name --


def test_a_surname_later_is_the_full_name_proposed_earlier(db_url):
    proposals = _proposals(
        db_url,
        "Janet Morrow, 67, said the water had reached her front door within an hour.\n\n"
        "Mrs Morrow said she had called the council's emergency line four times.\n",
    )
    names = {hop["name"] for p in proposals for hop in p.hops}
    assert names == {"Janet Morrow"}


def test_reported_speech_about_the_speaker_names_them(db_url):
    """A claim is read alone: "she had called" must say who."""
    proposals = _proposals(
        db_url, "Janet Morrow said she had called the council's emergency line four times.\n"
    )
    assert [p.claim_text for p in proposals if p.hops] == [
        "Janet Morrow had called the council's emergency line four times."
    ]


@pytest.mark.parametrize(
    ("claim", "quoted", "hop", "expected"),
    [
        ("He had spoken with the mayor.", False, ("Ann Lee", "said", "Ann Lee"), "Ann Lee"),
        ("She had called.", False, ("Morrow", "said", "Mrs Morrow"), "Morrow"),
        ("She is wrong.", True, ("Ann Lee", "said", "Ann Lee"), None),  # a quotation
        ("It was a good deal.", False, ("Ann Lee", "said", "Ann Lee"), None),
        # not the speaker: the police, a ministry, prosecutors, the listener of "told",
        # "warned", "assured" or "informed"
        ("He was arrested at his home.", False, ("Police", "said", "Police"), None),
        ("She died of her injuries.", False, ("The ministry", "said", "The ministry"), None),
        ("He would resign.", False, ("Justice Ministry", "said", "Justice Ministry"), None),
        ("He had stolen $2m.", False, ("Prosecutors", "said", "Prosecutors"), None),
        ("He had lied to the board.", False, ("Ann Lee", "told", "Ann Lee"), None),
        ("He would lose his seat.", False, ("Jane Doe", "warned", "Mayor Jane Doe"), None),
        ("She would be paid.", False, ("Ann Lee", "assured", "Ann Lee"), None),
        ("He had been dismissed.", False, ("Ann Lee", "informed", "Ann Lee"), None),
        # "I think he said it": the speaker is "I", so "he" is someone else
        ("He said it for show.", False, ("Ann Lee", "think", "I"), None),
        ("She had called.", False, ("Janet Morrow's lawyer", "said", "her lawyer"), None),
    ],
)
def test_named_subject(claim, quoted, hop, expected):
    from claims.suggestions.proposal import named_subject

    name, cue, surface = hop
    hops = [{"name": name, "cue": cue, "surface": surface}]
    named = named_subject(claim, hops, quoted)
    assert named == (claim if expected is None else expected + claim[claim.index(" ") :])
    assert named_subject(claim, [], quoted) == claim


# -- a thing, not a statement --

THINGS = (
    "Mark Hale, the opposition leader, spoke on Monday.\n\n"
    "Mark Hale promised a homegrown battery industry.\n\n"
    "The union has called for a separate quota for vessels under 15 metres.\n\n"
    "Retailers had warned of empty shelves in the run-up to Christmas.\n\n"
    "The minister urged donors in unaffected provinces to come forward.\n\n"
    "Mark Hale promised he would resign if the plan failed.\n\n"
    "Ann Lee estimated that the gap had doubled since March.\n\n"
    "Officials estimated 300 people died in the quake on Sunday.\n\n"
    "Ann Lee warned every deferral makes the next decision harder.\n\n"
    'Chinese state media have called NATO a "grave" challenge to global peace.\n'
)


def test_a_promise_or_a_call_for_a_thing_is_no_claim_but_one_of_a_statement_is(db_url):
    """ "Promised a battery industry" proposes no battery industry as said by Hale: the
    sentence is the article's own. "Promised he would resign", "estimated that", "warned
    every deferral makes", "called NATO a 'grave' challenge" pass words on, and a demand
    put to someone ("urged donors … to come forward") is claimed whole, in the article's
    words, so as its own statement."""
    proposals = _proposals(db_url, THINGS)
    said = {p.claim_text: [h["cue"] for h in p.hops] for p in proposals if p.hops}
    own = [p.claim_text for p in proposals if not p.hops]
    assert "The minister urged donors in unaffected provinces to come forward." in own
    assert said == {
        "Mark Hale would resign if the plan failed.": ["promised"],
        "The gap had doubled since March.": ["estimated"],
        "300 people died in the quake on Sunday.": ["estimated"],
        "Every deferral makes the next decision harder.": ["warned"],
        # the quoted words are no statement alone: the claim is that they were called so
        'Chinese state media have called NATO a "grave" challenge to global peace.': [
            "have called"
        ],
    }


def test_said_a_and_that_b_is_two_claims(db_url):
    """A claim is stored once: "A and that B" reports two statements, each its own claim."""
    text = (
        "Police said officers had checked 120 properties and that no serious injuries had "
        "been reported.\n\nAnn Lee said she liked bread and butter very much.\n"
    )
    said = [(p.claim_text, text[slice(*p.quote)]) for p in _proposals(db_url, text) if p.hops]
    assert said == [
        ("Officers had checked 120 properties.", "officers had checked 120 properties"),
        ("No serious injuries had been reported.", "no serious injuries had been reported"),
        ("Ann Lee liked bread and butter very much.", "she liked bread and butter very much"),
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            'Smith said "the plan is dead" and that the vote would go ahead.\n',
            [("The plan is dead.", True), ("The vote would go ahead.", False)],
        ),
        (
            'Smith said the vote would go ahead on Tuesday and that "nothing will stop it".\n',
            [("The vote would go ahead on Tuesday.", False), ("Nothing will stop it.", True)],
        ),
        (
            'Smith said "the plan is dead" and "the vote goes ahead".\n',
            [("The plan is dead.", True), ("The vote goes ahead.", True)],
        ),
        # the time it was said is no part of a quotation
        (
            'Smith said "we will respond" on Tuesday.\n',
            [("We will respond.", True)],
        ),
        # one quotation running across the "and that" is one statement
        (
            'Smith said: "The vote will go ahead and that is the end of it."\n',
            [("The vote will go ahead and that is the end of it.", True)],
        ),
        (
            'Smith said "the vote will go ahead, and that is the end of it" on Monday.\n',
            [("The vote will go ahead, and that is the end of it.", True)],
        ),
    ],
)
def test_a_quotation_and_that_b_is_two_claims_one_quoted(db_url, text, said):
    assert [(p.claim_text, p.quoted) for p in _proposals(db_url, text) if p.hops] == said


# -- descriptions are no names --


def _store(db_url, text, outlet="Daily Planet", sources=(), origin=None) -> int:
    """``text`` stored as an article of ``outlet``, after ``sources`` (name, kind)."""
    from claims.db import open_session
    from claims.services.articles import add_article
    from claims.services.sources import add_source, find_source

    with open_session(db_url) as session:
        for name, kind in [(outlet, "outlet"), *sources]:
            if find_source(session, name) is None:
                add_source(session, name=name, kind=kind, actor="t")
        credit = {"origin": origin, "origin_cue": "reports"} if origin else {}
        article = add_article(session, text=text, outlet=outlet, actor="t", **credit)
        session.flush()
        return article.id


def _suggested(cli, article_id, *args) -> list[dict]:
    import json

    result = cli("suggest", article_id, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _said(records: list[dict]) -> dict:
    return next(r for r in records if r["kind"] == "claim" and r["chain"])


TESLA = (
    "Tesla shares fell sharply on Monday. The company said deliveries would recover in the "
    "second quarter.\n"
)


def test_a_description_never_resolves_to_a_source_by_name(db_url):
    """A source called "The company", once someone made it, is no article's company."""
    from claims.db import open_session
    from claims.models import Article
    from claims.resolution import Resolver

    _store(db_url, "Filler.\n", sources=[("The company", "other"), ("Voltcell", "organisation")])
    with open_session(db_url, write=False) as session:
        resolver = Resolver(session)
        for surface in ("The company", "the company", "A government spokesperson"):
            reading = resolver.resolve(surface)
            assert not reading.resolved and reading.why.startswith("a description"), surface
        assert resolver.resolve("Voltcell").resolved
    article_id = _store(db_url, TESLA, outlet="Auto News")
    with open_session(db_url, write=False) as session:
        from claims.suggestions.propose import propose

        hops = [h for p in propose(session, session.get(Article, article_id)) for h in p.hops]
    assert [(h["name"], h["source_id"], h["new"]) for h in hops] == [("The company", None, True)]


def test_a_force_where_it_serves_is_a_description_not_the_place(cli, db_url):
    """ "Police in Kent said" is police, who the article does not name: not a source "Kent"."""
    article_id = _store(db_url, "Police in Kent said a 34-year-old man had been arrested.\n")
    said = _said(_suggested(cli, article_id))
    assert said["chain"][0]["description"] is True
    assert said["chain_text"].startswith("Police in Kent (a description, not a name")


def test_a_body_its_appositive_names_is_no_description(cli, db_url):
    """ "People in Need" alone reads as people somewhere; its appositive says it is a body."""
    from claims.db import open_session
    from claims.services.sources import find_source

    text = "People in Need, a Czech aid group, said 40 families had lost their homes.\n"
    article_id = _store(db_url, text)
    said = _said(_suggested(cli, article_id))
    assert [(h["name"], h["description"]) for h in said["chain"]] == [("People in Need", False)]
    result = cli("suggest", article_id, "--review", input="a\nq\n")
    assert result.exit_code == 0, result.output
    with open_session(db_url, write=False) as session:
        assert find_source(session, "People in Need") is not None


@pytest.mark.parametrize(
    "text, name",
    [
        ("People in Need, a Czech aid group, said it.", "People in Need"),
        ("Shares fell after Acme Corp, a rival, said it.", "Acme Corp"),
        ("Separately, a spokesman for the firm, said it.", None),  # no name: an opener
        ("In Prague, a Czech aid group, said it.", None),
    ],
)
def test_an_appositive_read_as_the_speaker_stands_for_the_name_before_it(text, name):
    from claims.suggestions.speakers import apposed_to

    start = text.index(", a ") + 2
    assert apposed_to(text, (start, text.index(", said"))) == name


def test_a_description_is_the_body_of_its_kind_named_before_it(db_url):
    from claims.db import open_session
    from claims.models import Article
    from claims.suggestions.propose import propose

    article_id = _store(
        db_url,
        "Voltcell opened a battery plant in Sunderland on Monday. The company said the plant "
        "would use renewable electricity.\n",
        sources=[("The company", "other"), ("Voltcell", "organisation")],
    )
    with open_session(db_url, write=False) as session:
        hops = [h for p in propose(session, session.get(Article, article_id)) for h in p.hops]
    assert [(h["name"], h["cue"]) for h in hops] == [("Voltcell", "said")]


def test_a_description_is_shown_as_one_and_accepting_it_unnamed_is_refused(cli, db_url):
    from sqlalchemy import select

    from claims.db import open_session
    from claims.errors import InvalidInput
    from claims.models import Source
    from claims.suggestions.service import decide

    article_id = _store(db_url, TESLA, outlet="Auto News")
    said = _said(_suggested(cli, article_id))
    assert said["chain"][0]["description"] is True
    assert "The company (a description, not a name" in said["chain_text"]
    for chain in (None, "The company [said]", "the company [said]", "a spokesperson [said]"):
        with pytest.raises(InvalidInput, match="describes a source without naming it"):
            with open_session(db_url) as session:
                decide(session, said["id"], "accept", actor="t", chain=chain)
    with open_session(db_url) as session:
        decide(
            session, said["id"], "accept", actor="t", chain="Tesla [said]", create_sources=["Tesla"]
        )
    with open_session(db_url, write=False) as session:
        names = set(session.scalars(select(Source.name)))
    assert "Tesla" in names and not {"The company", "the company", "a spokesperson"} & names


# -- passive voice --

ACCUSED = (
    "Ministers have been accused of betraying renters after the government confirmed that "
    "the ban would be delayed."
)


def test_the_subject_of_a_passive_cue_is_not_its_speaker():
    sources = {a.cue_text(ACCUSED): a.source_text(ACCUSED) for a in extract(ACCUSED)}
    assert sources == {"confirmed": "the government"}
    told = "The driver was told by police that the road would stay closed until Friday."
    (relation,) = extract(told)
    assert (relation.source_text(told), told[slice(*relation.content)]) == (
        "police",
        "the road would stay closed until Friday",
    )
    headline = "Ministers accused of betraying renters as eviction ban delayed"
    assert extract(headline) == []
    active = "Tenants accused ministers of betraying renters, the union said."
    assert {a.source_text(active) for a in extract(active)} >= {"the union"}


@pytest.mark.parametrize(
    "text",
    [
        ACCUSED,
        "Ministers accused of betraying renters as eviction ban delayed\n",
        "The landlord was warned that the flat failed safety checks last year.\n",
    ],
)
def test_a_passive_cue_names_no_speaker_in_the_proposals(db_url, text):
    proposals = _proposals(db_url, text)
    names = {hop["name"] for p in proposals for hop in p.hops}
    cues = {hop["cue"] for p in proposals for hop in p.hops}
    assert not names & {"Ministers", "The landlord"}
    assert not {cue for cue in cues if "accused" in cue or "warned" in cue}


def test_a_passive_cue_s_agent_is_its_speaker(db_url):
    text = "The driver was told by police that the road would stay closed until Friday.\n"
    relations = ArticleAttributions(text).in_sentence(0, len(text))
    assert [(a.cue_text(text), a.source_text(text)) for a in relations] == [("was told", "police")]


# -- a headline's tagged content does not cross to the next sentence's cue --

RAIL = (
    "Network Rail says major lines closed\n\n"
    "Network Rail said the West Coast main line was closed north of Milton Keynes. "
    '"Please do not travel unless absolutely necessary," a spokesperson said.\n'
)


def test_a_content_joins_no_cue_of_a_later_sentence_past_a_cue_of_its_own():
    text = 'Rail said the line was closed. "Stay home," a spokesperson said.'
    first = (0, text.index(" ") + len(" said the line was closed"))
    spans = [
        ("CONTENT", *first),
        ("CONTENT", text.index('"Stay'), text.index(" a spokes")),
        _span(text, "SOURCE", "a spokesperson"),
        ("CUE", text.rindex("said"), text.rindex("said") + 4),
    ]
    sentences = [(0, first[1] + 1), (first[1] + 2, len(text))]
    paragraphs = [(0, len(text))]
    crossed, _ = link(text, spans, paragraphs, sentences)
    assert first in [a.content for a in crossed]  # without the rules' cue: the nearest cue
    ruled = [(5, 9)]  # "said" of the first sentence
    relations, loose = link(text, spans, paragraphs, sentences, ruled)
    assert first not in [a.content for a in relations] and loose["CONTENT"] == [first]


def test_a_headline_before_a_paragraph_crosses_no_speakers(db_url):
    said = {
        p.claim_text: [(h["name"], h["cue"]) for h in p.hops]
        for p in _proposals(db_url, RAIL)
        if p.hops
    }
    assert said["The West Coast main line was closed north of Milton Keynes."] == [
        ("Network Rail", "said")
    ]
    # "Rail" closing the name says it is a company's: its spokesperson speaks for it
    assert said["Please do not travel unless absolutely necessary."] == [("Network Rail", "said")]
    assert not [claim for claim in said if claim.startswith("Network Rail said")]


# -- "the agency reports" nests like a named outlet --


HALE = "Mark Hale said the plant would close.\n\n"


@pytest.mark.parametrize(
    "company, known, said, he",
    [
        ("Shell", True, "said", "Mark Hale"),  # a known company
        ("Acme Corp", False, "said", "Mark Hale"),  # a company's ending
        ("Shell", False, "said its", "Mark Hale"),  # the article's "its"
        ("Shell", False, "said", "Shell"),  # a bare name may be a person's
    ],
)
def test_he_is_the_last_person_named_not_a_company(db_url, company, known, said, he):
    from claims.db import open_session
    from claims.models import Article
    from claims.suggestions.propose import propose

    text = f"{HALE}{company} {said} profits rose. He added that the dividend would rise.\n"
    sources = [(company, "organisation")] if known else []
    article_id = _store(db_url, text, sources=sources)
    with open_session(db_url, write=False) as session:
        proposals = propose(session, session.get(Article, article_id))
    added = [h["name"] for p in proposals for h in p.hops if h["cue"] == "added"]
    assert added == [he]


def test_he_after_only_a_company_is_nobody_named(db_url):
    from claims.db import open_session
    from claims.models import Article
    from claims.suggestions.propose import propose

    text = "Shell said profits rose. He added that the dividend would rise.\n"
    article_id = _store(db_url, text, sources=[("Shell", "organisation")])
    with open_session(db_url, write=False) as session:
        proposals = propose(session, session.get(Article, article_id))
    assert [h["name"] for p in proposals for h in p.hops if h["cue"] == "added"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky said Ukraine would not accept any deal that left Russian troops on its "
        "territory, the agency reports.\n",
        "Zelensky said Ukraine would not accept any deal, the agency reports.\n",
    ],
)
def test_the_agency_reports_nests_its_speaker(db_url, text):
    said = [
        (p.claim_text, [(h["name"], h["cue"]) for h in p.hops])
        for p in proposals_for(db_url, text, origin=("Reuters", "republished"))
        if p.hops
    ]
    claim = text[text.index("Ukraine") : text.index(", the")] + "."
    assert said == [(claim, [("Zelensky", "said"), ("Reuters", "reports")])]


# -- titles --


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("NATO Secretary-General Jens Stoltenberg", "Jens Stoltenberg"),
        ("Speaker Laszlo Kover", "Laszlo Kover"),
        ("Parliament Speaker Laszlo Kover", "Laszlo Kover"),
        ("WHO Director-General Tedros Adhanom Ghebreyesus", "Tedros Adhanom Ghebreyesus"),
        ("Vice-President Kamala Harris", "Kamala Harris"),
        ("Lt.-Gen. John Smith", "John Smith"),
        ("Foreign Secretary David Cameron", "David Cameron"),
        ("Coca-Cola", "Coca-Cola"),
    ],
)
def test_titles_hyphenated_or_after_an_acronym_are_no_part_of_the_name(surface, name):
    from claims.resolution import _proposed_name

    assert _proposed_name(surface) == name


# -- one person, one name, whichever comes first --


def test_a_surname_before_the_full_name_is_the_full_name(db_url):
    proposals = _proposals(
        db_url,
        "Turkey will not back down over grain deal, Erdogan says\n\n"
        "On Monday President Recep Tayyip Erdogan said Turkey would keep the grain corridor "
        "open.\n\nErdogan added that Ankara was in talks with Moscow.\n",
    )
    assert {hop["name"] for p in proposals for hop in p.hops} == {"Recep Tayyip Erdogan"}


def test_a_surname_two_full_names_end_with_stays_as_written(db_url):
    proposals = _proposals(
        db_url,
        "Trump said the wall would be built soon.\n\nDonald Trump said the plan was final.\n\n"
        "Melania Trump said she was proud of the campaign.\n",
    )
    names = {hop["name"] for p in proposals for hop in p.hops}
    assert names == {"Trump", "Donald Trump", "Melania Trump"}


# -- the review shows a refused proposal again --

WIRE = "LONDON (Reuters) - The Bank of England said inflation would fall to 2% by the summer.\n"


def test_a_refused_edit_shows_the_same_proposal_again(cli, db_url):
    from claims.db import open_session
    from claims.models import Article

    article_id = _store(db_url, WIRE, sources=[("Reuters", "news_agency")])
    origin, said = _suggested(cli, article_id)
    assert origin["kind"] == "origin"
    result = cli("suggest", article_id, "--review", input="e\nReuter\nReuters\na\nq\n")
    assert result.exit_code == 0, result.output
    assert "Not saved: Unknown source 'Reuter'. Did you mean 'Reuters'?" in result.stderr
    assert result.stderr.count(f"Proposal #{origin['id']} (origin") == 2
    assert f"Proposal #{origin['id']}: accepted." in result.stderr
    assert f"Proposal #{said['id']}: accepted" not in result.stderr
    with open_session(db_url, write=False) as session:
        assert session.get(Article, article_id).origin.name == "Reuters"


def test_declining_a_new_source_shows_the_same_proposal_again(cli, db_url):
    article_id = _store(db_url, WIRE, sources=[("Reuters", "news_agency")])
    origin, said = _suggested(cli, article_id)
    answers = "s\ne\n\nAngela Merkel [said]\nn\nr\nq\n"
    result = cli("suggest", article_id, "--review", input=answers)
    assert result.exit_code == 0, result.output
    assert f"Not saved: no source created; proposal #{said['id']} stays open." in result.stderr
    assert result.stderr.count(f"Proposal #{said['id']} (claim") == 2
    records = {r["id"]: r["status"] for r in _suggested(cli, article_id, "--all")}
    assert records[said["id"]] == "rejected"


def test_a_description_refused_on_accept_is_shown_again_and_named(cli, db_url):
    article_id = _store(db_url, TESLA, outlet="Auto News")
    said = _said(_suggested(cli, article_id))
    answers = "s\na\ne\n\nTesla [said]\ny\n"
    result = cli("suggest", article_id, "--review", input=answers)
    assert result.exit_code == 0, result.output
    assert "Not saved: 'The company' describes a source without naming it" in result.stderr
    assert result.stderr.count(f"Proposal #{said['id']} (claim") == 2
    assert f"Proposal #{said['id']}: accepted" in result.stderr


# -- the listing shows what was recorded --


def test_all_shows_an_accepted_proposal_as_recorded(cli, db_url):
    article_id = _store(
        db_url,
        "Ann Lee said the council had no money for repairs this year.\n\n"
        "Mark Hale said the bridge would reopen in May.\n\n"
        "Ann Lee said the roads would be resurfaced next spring.\n",
    )
    lee, hale, later = [r for r in _suggested(cli, article_id) if r["chain"]]
    assert "Mark Hale (new source)" in hale["chain_text"]
    # Lee accepted as proposed; Hale's claim and cue edited; Lee's second skipped
    answers = "a\ne\nThe bridge will reopen in May.\nMark Hale [announced]\ns\n"
    result = cli("suggest", article_id, "--review", input=answers)
    assert result.exit_code == 0, result.output
    shown = {r["id"]: r for r in _suggested(cli, article_id, "--all")}
    assert shown[hale["id"]]["status"] == "accepted"
    assert shown[hale["id"]]["claim"] == "The bridge will reopen in May."
    assert shown[hale["id"]]["chain_text"].startswith("Mark Hale [announced @")
    for record in (lee, later):
        assert shown[record["id"]]["chain_text"].startswith("Ann Lee [said @")
        assert shown[record["id"]]["chain"][0]["new_source"] is False


def test_review_of_an_article_without_proposals_says_there_are_none(cli, db_url):
    article_id = _store(db_url, "Short.\n")
    result = cli("suggest", article_id, "--review")
    assert result.exit_code == 0, result.output
    assert f"Nothing to review: article #{article_id} has no proposals." in result.stderr


# -- page debris by the shape of its line --


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement \u00b7 Scroll to continue", "advertisement"),
        ("Advertisement | Continue reading below", "advertisement"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "standards notice"),
        ("Editorial guidelines: The BBC Editorial Guidelines", "standards notice"),
        ("Read more:", "teaser"),
        ("Related", "section label"),
        ("Peter Walker Political correspondent", "byline or timestamp"),
        ("Jane Doe, Europe editor in Brussels", "byline or timestamp"),
        ("Health Editor Sarah Whitlock", "byline or timestamp"),
    ],
)
def test_debris_lines_are_cut_by_their_shape(line, reason):
    from claims.cleaning import clean_text, line_reason

    assert line_reason(line) == reason
    text = f"Headline of the story\n\n{line}\n\nThe council said the bridge would reopen.\n"
    assert line not in clean_text(text).text


@pytest.mark.parametrize(
    "line",
    [
        "Peter Walker said the political correspondent had been wrong.",
        "Jane Doe became an editor in 2019.",
        "Health Editor Sarah Whitlock said the study was flawed.",
        "Our standards were tested this year, the editor said.",
        "Our standards: the ministry never replied to the letter.",
        "Read more: the minister said the plan would cost 2 billion euros.",
        "Advertisement spending rose by a third, the company said.",
    ],
)
def test_prose_of_the_same_words_stays(line):
    from claims.cleaning import line_reason

    assert line_reason(line) is None


def _chain_of(db_url, text, claim):
    return [
        [(h["name"], h["cue"]) for h in p.hops]
        for p in _proposals(db_url, text)
        if p.claim_text == claim
    ]


@pytest.mark.parametrize(
    ("text", "claim", "chain"),
    [
        # a capitalised time word in a name is the name's
        (
            "Campaign group Clean Rivers Now said the fines were far too low.\n",
            "The fines were far too low.",
            [("Clean Rivers Now", "said")],
        ),
        # an office before its holder's name is neither place nor body
        (
            "Opening a debate, Conservative MP for Wye Valley, Eleanor Faulkes, said the rivers "
            "were dying.\n",
            "The rivers were dying.",
            [("Eleanor Faulkes", "said")],
        ),
        (
            "Bank of England Governor, Andrew Bailey, said rates would fall.\n",
            "Rates would fall.",
            [("Andrew Bailey", "said")],
        ),
        (
            "Korvia's ambassador to Dresmark, Viktor Salenko, said the two men were innocent.\n",
            "The two men were innocent.",
            [("Viktor Salenko", "said")],
        ),
        (
            "The Secretary of State for Health, Wes Streeting, said waiting lists were falling.\n",
            "Waiting lists were falling.",
            [("Wes Streeting", "said")],
        ),
        # those cited by an outlet say it, through the outlet
        (
            "Analysts cited by Bloomberg said a long closure could push up prices.\n",
            "A long closure could push up prices.",
            [("Analysts", "said"), ("Bloomberg", "cited")],
        ),
        # the same when a tagger reads "quoted" as a cue of its own and the outlet as
        # the speaker: the analysts say it, through Bloomberg
        (
            "Analysts quoted by Bloomberg said the deal would close by June.\n",
            "The deal would close by June.",
            [("Analysts", "said"), ("Bloomberg", "quoted")],
        ),
        # a statement cited by an outlet: the company says it, through the outlet, once
        (
            "Danubia Petrol said in a statement cited by Reuters that it would appeal.\n",
            "It would appeal.",
            [("Danubia Petrol", "said"), ("Reuters", "cited")],
        ),
    ],
)
def test_who_a_source_is_among_titles_places_and_outlets(db_url, text, claim, chain):
    assert _chain_of(db_url, text, claim) == [chain]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "The ministry declined to say how many cases had been brought, citing the need not "
            "to prejudice legal proceedings.\n",
            "To say how many cases had been brought.",
        ),
        (
            "The court heard that Pryce resigned in 2022, citing ill health.\n",
            "Pryce resigned in 2022.",
        ),
    ],
)
def test_a_reason_cited_is_no_source(db_url, text, claim):
    names = [name for chain in _chain_of(db_url, text, claim) for name, _ in chain]
    assert not any("need" in name or "health" in name for name in names)


@pytest.mark.parametrize(
    "text",
    [
        "Asked by Portuguese broadcaster SIC whether a deal was close, Falcao said talks were "
        "ongoing.\n",
        "Separately, in a written answer to a question from Mr Achebe published on Tuesday, the "
        "minister said fines had risen.\n",
    ],
)
def test_the_frame_of_a_quotation_is_no_statement_of_its_own(db_url, text):
    assert [p.hops != [] for p in _proposals(db_url, text)] == [True]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            'Graham Pike said Labour would back the plan. He accused the minister of "moving '
            'the goalposts" by changing how overflow events were counted.\n',
            'Graham Pike accused the minister of "moving the goalposts" by changing how overflow '
            "events were counted.",
        ),
        (
            "Dominic Achebe said the fines were too low. He called on ministers to ban bonus "
            "payments for executives.\n",
            "Dominic Achebe called on ministers to ban bonus payments for executives.",
        ),
    ],
)
def test_an_accusation_or_a_demand_is_claimed_whole(db_url, text, claim):
    """ "the minister of moving the goalposts" and "ministers to ban bonuses" are no claims:
    that the speaker accused or asked is, on the speaker's word where it quotes them."""
    proposals = {p.claim_text: p.hops for p in _proposals(db_url, text)}
    assert (proposals[claim] != []) == ('"' in claim)


@pytest.mark.parametrize(
    ("text", "claim", "chain"),
    [
        (
            "Alison Marr KC told jurors that Pryce had lied.\n",
            "Pryce had lied.",
            [("Alison Marr", "told")],
        ),
        (
            "Sir Keir Starmer MP said the vote would pass.\n",
            "The vote would pass.",
            [("Keir Starmer", "said")],
        ),
        # how and when it was said is no part of what was said
        (
            "Detective Inspector Mark Holroyd said at the time that officers had examined more "
            "than 90,000 documents.\n",
            "Officers had examined more than 90,000 documents.",
            [("Mark Holroyd", "said")],
        ),
        (
            "West Yorkshire Police said in a statement after the charges were brought last year "
            "that the investigation had been one of the most complex it had undertaken.\n",
            "The investigation had been one of the most complex it had undertaken.",
            [("West Yorkshire Police", "said")],
        ),
        # nor how little was said
        (
            "Club spokesman Tom Reyes said only that the club did not discuss transfer targets.\n",
            "The club did not discuss transfer targets.",
            [("Tom Reyes", "said")],
        ),
    ],
)
def test_letters_after_a_name_and_the_time_of_saying_are_left_out(db_url, text, claim, chain):
    assert _chain_of(db_url, text, claim) == [chain]


@pytest.mark.parametrize(
    ("text", "claim", "chain"),
    [
        (
            "A state audit released Tuesday found that the department overstated its savings "
            "by $40 million.\n",
            "The department overstated its savings by $40 million.",
            [("A state audit", "found")],
        ),
        # "told" after a comma names whom, not who: the speaker comes before
        (
            "A neighbour, who asked not to be named, told the Millbrook Gazette she had heard "
            "glass breaking at about 2 a.m.\n",
            "A neighbour had heard glass breaking at about 2 a.m.",
            [("A neighbour", "told"), ("Millbrook Gazette", None)],
        ),
        (
            "Ms Cole told the BBC's Today programme that the bill was unfair.\n",
            "The bill was unfair.",
            [("Cole", "told"), ("BBC's Today programme", None)],
        ),
    ],
)
def test_a_day_a_listener_and_a_programme_told(db_url, text, claim, chain):
    assert _chain_of(db_url, text, claim) == [chain]


def test_a_dateline_is_no_speaker(db_url):
    text = (
        "ESTRAVIK, March 14 (Reuters) - The Bank of Norvalia kept its main policy rate "
        "unchanged at 4.25% on Thursday, as expected, but said inflation was cooling fast "
        "enough to allow cuts later this year.\n"
    )
    names = [h["name"] for p in _proposals(db_url, text) for h in p.hops]
    assert not any("ESTRAVIK" in name.upper() for name in names)


def test_a_quoted_by_participle_is_no_relation_of_its_own():
    text = "Analysts quoted by Bloomberg said the deal would close by June."
    (relation,) = extract(text)
    assert relation.source_text(text) == "Analysts quoted by Bloomberg"
    assert relation.cue_text(text) == "said"
    # with no other cue in the sentence, the participle is the cue: Reuters cited them
    alone = "The figures were cited by Reuters."
    assert [a.cue_text(alone) for a in extract(alone)] == ["were cited"]


def test_a_speakers_own_act_after_and_is_not_what_they_said(db_url):
    """ "…, and appealed for calm" is done, not said: the claim ends before it. A quotation
    keeps its words, and a subject of the content's own keeps the verb."""
    text = (
        "The mayor said the flood defences had held, and appealed for calm.\n\n"
        'The coach said the fans had "welcomed us and thanked us" all season.\n\n'
        "Lee said the team had played well and thanked the fans.\n"
    )
    said = {p.claim_text: [h["cue"] for h in p.hops] for p in _proposals(db_url, text) if p.hops}
    assert said == {
        "The flood defences had held.": ["said"],
        'The fans had "welcomed us and thanked us" all season.': ["said"],
        "The team had played well.": ["said"],
    }


def test_a_demand_put_to_someone_is_claimed_whole_with_its_speaker(db_url):
    text = (
        "The union urged the government to reopen talks.\n\n"
        "The union issued a statement on Monday urging the government to reopen talks.\n"
    )
    said = [(p.claim_text, [h["name"] for h in p.hops]) for p in _proposals(db_url, text)]
    # in the article's words, what the union did: the article's own statement
    assert ("The union urged the government to reopen talks.", []) in said
    assert (
        "The union issued a statement on Monday urging the government to reopen talks.",
        [],
    ) in said


@pytest.mark.parametrize(
    "text, chain",
    [
        # the text says it is an outlet: a hop, known or not, named with its particles
        (
            "Carsten Breuer told the German newspaper Bild am Sonntag that Russia was rearming.\n",
            [("Carsten Breuer", "told"), ("Bild am Sonntag", None)],
        ),
        (
            "His agent, Jorge Albiol, told the Spanish newspaper AS that his client wanted "
            "to leave.\n",
            [("Jorge Albiol", "told"), ("AS", None)],
        ),
        (
            "Claudia Major told Deutschlandfunk radio that the timeline was plausible.\n",
            [("Claudia Major", "told"), ("Deutschlandfunk", None)],
        ),
        (
            'Rolf Mützenich told the Funke media group that "talk of war dates does not '
            'make anyone safer".\n',
            [("Rolf Mützenich", "told"), ("Funke media group", None)],
        ),
        (
            "Del Nido said in an interview with the local radio station Cadena SER that "
            "nothing had been agreed.\n",
            [("Del Nido", "said"), ("Cadena SER", None)],
        ),
        # whom a person told is no hop
        ("Koval told EU ministers that exports had fallen by a third.\n", [("Koval", "told")]),
    ],
)
def test_an_outlet_the_text_describes_is_the_hop_after_its_speaker(db_url, text, chain):
    hops = [[(h["name"], h["cue"]) for h in p.hops] for p in _proposals(db_url, text) if p.hops]
    assert hops == [chain]


def test_two_that_clauses_with_quoted_words_are_two_claims(db_url):
    text = (
        'Dan Ortiz said the selloff was "an overreaction to one soft quarter" and that the '
        "company\u2019s customers would stay.\n\n"
        'Ann Lee said the plan "was dead and that nobody would revive it" on Monday.\n'
    )
    said = [p.claim_text for p in _proposals(db_url, text) if p.hops]
    assert said == [
        'The selloff was "an overreaction to one soft quarter."',
        "The company\u2019s customers would stay.",
        # a quotation across the "and that" is one
        'The plan "was dead and that nobody would revive it" on Monday.',
    ]


def test_a_quotation_opening_the_next_sentence_is_its_own_cues(db_url):
    """'… a "war footing". "This is not …," he was quoted as saying': two claims, each of
    its own cue, not one claim proposed twice."""
    text = (
        "General Carsten Breuer spoke on Saturday.\n\n"
        "Breuer said the Russian armed forces were producing about 1,500 tanks a year and "
        'had moved much of their economy onto a "war footing". "This is not a country '
        'preparing for peace," he was quoted as saying.\n'
    )
    said = [(p.claim_text, [h["cue"] for h in p.hops]) for p in _proposals(db_url, text)]
    assert said[1:] == [
        (
            "The Russian armed forces were producing about 1,500 tanks a year and had moved "
            'much of their economy onto a "war footing".',
            ["said"],
        ),
        ("This is not a country preparing for peace.", ["was quoted"]),
    ]


def test_a_speaker_plainly_saying_it_is_not_also_the_articles_own_statement(db_url):
    """Read by the tagger alone, a verb of speech with its speaker ("Brandt cautioned that
    …") is the sentence's reading: no copy of the sentence as the article's own beside it."""
    text = (
        "Pollster Michael Brandt said turnout would decide the race.\n\n"
        "Brandt cautioned that the race remained fluid.\n\n"
        "In the central Poltava region, a strike started a fire that was later put out, "
        "Gov. Volodymyr Kohut said.\n"
    )
    proposals = _proposals(db_url, text)
    assert [p.claim_text for p in proposals if not p.hops] == []
    assert [h["name"] for p in proposals for h in p.hops] == [
        "Michael Brandt",
        "Michael Brandt",
        "Volodymyr Kohut",
    ]


def test_they_are_not_the_one_person_named_last(db_url):
    """ "They" after a named person is the group named before it in its sentence, else the
    body named before them, if any; never the one person, who would be "he" or "she"."""
    text = (
        "Professor Anna Martling said the results were striking.\n\n"
        "The researchers believe aspirin may work by dampening inflammation, though they "
        "stressed that the mechanism was not fully understood.\n\n"
        "The Home Office said the figures were wrong. Its spokesman, Ivan Petrov, said an "
        "inquiry was under way. They added that nobody had been charged.\n"
    )
    names = {p.claim_text: [h["name"] for h in p.hops] for p in _proposals(db_url, text) if p.hops}
    # the group named before "they" in its sentence
    assert names["The mechanism was not fully understood."] == ["The researchers"]
    assert names["Nobody had been charged."] == ["Home Office"]


def test_a_translation_of_the_words_is_no_hop_after_their_speaker(db_url):
    text = (
        "Carsten Breuer gave an interview on Saturday.\n\n"
        '"If I look at the threat assessment, we must be ready," Breuer told the paper, '
        "according to a translation of the interview.\n\n"
        "The plan is dead, according to a copy of the memo seen by Reuters.\n"
    )
    chains = [[h["name"] for h in p.hops] for p in _proposals(db_url, text) if p.hops]
    assert ["Carsten Breuer"] in chains
    assert not any("translation" in name for chain in chains for name in chain)
    # a copy of a document is the document's word, through whoever saw it
    assert ["a copy of the memo", "Reuters"] in chains


def test_a_source_set_off_inside_a_quotation_is_the_quoted_speakers_phrasing(db_url):
    """'"That, the Crown says, is not …," she added': the whole quotation is hers; ", the
    Crown says," neither cuts it nor adds a hop. Outside a quotation the parenthetical
    speaks for its clause, which reads on without it."""
    text = (
        "Prosecutor Rebecca Thornton said the defendant had lied.\n\n"
        '"That, the Crown says, is not the behaviour of an innocent man," she added.\n\n'
        '"He gave 20 years to this charity and, the defence will say, was authorised to do '
        'it," Mr Collier told the court.\n\n'
        "The jury was shown bank statements which, the prosecution says, show more than 90 "
        "payments from the charity.\n"
    )
    said = {p.claim_text: [h["name"] for h in p.hops] for p in _proposals(db_url, text)}
    assert said == {
        "The defendant had lied.": ["Rebecca Thornton"],
        "That, the Crown says, is not the behaviour of an innocent man.": ["Rebecca Thornton"],
        "He gave 20 years to this charity and, the defence will say, was authorised to do it.": [
            "Collier"
        ],
        "The jury was shown bank statements which show more than 90 payments from the charity.": [
            "the prosecution"
        ],
    }


def test_how_a_thing_was_described_is_claimed_whole(db_url):
    """ "described the move as 'a planned transition'": not the fragment "the move as …"
    but the description, with its speaker; what is described before the cue ("a move he
    described as 'overdue'") is no claim of its own."""
    text = (
        "Campaign spokeswoman Kayla Brooks said the team was confident.\n\n"
        'Brooks described the move as "a planned transition" on Monday.\n\n'
        "The Mercer campaign dismissed the Buckeye numbers as an outlier.\n\n"
        'A move she described as "overdue" was announced.\n'
    )
    proposals = _proposals(db_url, text)
    said = {p.claim_text: [h["cue"] for h in p.hops] for p in proposals if p.hops}
    assert said == {
        "The team was confident.": ["said"],
        'Brooks described the move as "a planned transition" on Monday.': ["described"],
    }
    # in the article's words only: its own statement
    own = [p.claim_text for p in proposals if not p.hops]
    assert "The Mercer campaign dismissed the Buckeye numbers as an outlier." in own


def test_a_headline_told_with_nothing_after_it_names_the_listener(db_url):
    """ "…, jury told" is the jury being told: no source named, not the jury as speaker."""
    text = (
        "Former charity boss 'treated donations like a bank account', jury told\n\n"
        "The trial continues, Mr Pellow told reporters.\n"
    )
    chains = [[h["name"] for h in p.hops] for p in _proposals(db_url, text)]
    assert chains == [[], ["Pellow"]]


def test_forecast_reports_a_statement(db_url):
    text = "Finance chief Mark DeVos forecast that margins would recover next year.\n"
    said = [(p.claim_text, [h["cue"] for h in p.hops]) for p in _proposals(db_url, text)]
    assert said == [("Margins would recover next year.", ["forecast"])]


def test_the_writers_caveat_is_neither_claim_nor_source(db_url):
    """ ", a claim that could not be independently verified" is the writer's caveat on what
    was said: not part of the claim, and "the army has not confirmed" is no hop."""
    text = (
        "Russia's Defense Ministry said its troops had repelled five counterattacks, killing "
        '"up to 340 servicemen," a claim that could not be independently verified.\n\n'
        "The rebels said they had shot down a jet, an account the army has not confirmed.\n"
    )
    proposals = _proposals(db_url, text)
    said = {p.claim_text: [h["name"] for h in p.hops] for p in proposals}
    assert said == {
        'Its troops had repelled five counterattacks, killing "up to 340 servicemen."': [
            "Russia's Defense Ministry"
        ],
        "The rebels had shot down a jet.": ["The rebels"],
    }
    assert text[slice(*proposals[0].quote)].endswith('servicemen,"')


def test_a_quotation_span_ends_with_its_closing_mark(db_url):
    """The tagger may run a quotation's span one word into what follows ('…," Breuer'):
    the stored quotation ends at its mark."""
    text = (
        "General Carsten Breuer gave an interview on Saturday.\n\n"
        '"If I look at the threat assessment, we must be ready for it," Breuer told the '
        "paper, according to a translation of the interview.\n"
    )
    quotes = [text[slice(*p.quote)] for p in _proposals(db_url, text) if p.hops]
    assert quotes and all(not q.endswith("Breuer") for q in quotes)


@pytest.mark.parametrize(
    "text, claim, chain",
    [
        # where the words were published is a hop after whoever wrote them
        (
            "The trial found that those given aspirin were 55% less likely to see their "
            "cancer return, researchers reported in the New England Journal of Medicine.\n",
            "The trial found that those given aspirin were 55% less likely to see their "
            "cancer return.",
            [("researchers", "reported"), ("New England Journal of Medicine", None)],
        ),
        (
            "The drug halved deaths, the team wrote in the journal Nature.\n",
            "The drug halved deaths.",
            [("the team", "wrote"), ("Nature", None)],
        ),
        (
            "Ann Lee wrote in the Financial Times that the plan would fail.\n",
            "The plan would fail.",
            [("Ann Lee", "wrote"), ("Financial Times", None)],
        ),
        # a place is no hop
        (
            "Prices will fall next year, the minister said in Brussels.\n",
            "Prices will fall next year.",
            [("the minister", "said")],
        ),
        # the day a study was published is no part of it
        (
            "Taking aspirin every day may lower the risk, according to a study published on "
            "Thursday.\n",
            "Taking aspirin every day may lower the risk.",
            [("a study", "according to")],
        ),
    ],
)
def test_where_words_were_published_is_a_hop(db_url, text, claim, chain):
    assert _chain_of(db_url, text, claim) == [chain]


def test_a_denial_of_accusations_is_claimed_whole(db_url):
    text = (
        "Western governments have accused Beijing of supplying components used in Russian "
        "weapons. Beijing denies the accusations.\n\n"
        "Shell said profits rose. The company denied any wrongdoing.\n"
    )
    said = {p.claim_text: [h["cue"] for h in p.hops] for p in _proposals(db_url, text)}
    # what they did, in the article's words: its own statements
    assert said["Beijing denies the accusations."] == []
    assert said["The company denied any wrongdoing."] == []


def test_reported_speech_after_a_quotation_is_its_own_claim(db_url):
    """'"… not about greed." Holt said colleagues had taken second jobs': the report after
    the quotation is a claim of its own, not the quotation again, and the quotation is
    proposed once."""
    text = (
        "Workers picketed the depot on Monday.\n\n"
        '"I have worked nights for 19 years," said Darren Holt, a signalling technician. '
        '"I am out in the rain at three in the morning. This is not about greed." Holt said '
        "several of his colleagues had taken second jobs to make ends meet.\n"
    )
    said = [(p.claim_text, p.rule) for p in _proposals(db_url, text) if p.hops]
    assert [claim for claim, _ in said] == [
        "I have worked nights for 19 years.",
        "I am out in the rain at three in the morning. This is not about greed.",
        # his own colleagues: no one else is named before "his"
        "Several of Darren Holt's colleagues had taken second jobs to make ends meet.",
    ]


def test_a_relative_clause_names_no_source_and_a_dateline_no_claim(db_url):
    """ "Emily Russo, who runs an independent bookshop" is Russo, not The Independent (the
    publisher); "MANCHESTER, England -" is a dateline, not the claim's first words."""
    text = (
        "Emily Russo, who runs an independent bookshop in Brooklyn, said her store had sold "
        "out.\n\n"
        "MANCHESTER, England - More than 12,000 rail workers began a strike on Monday, the "
        "union said.\n"
    )
    said = {
        p.claim_text: [h["name"] for h in p.hops]
        for p in proposals_for(db_url, text, outlet="The Independent")
    }
    assert said == {
        "Emily Russo's store had sold out.": ["Emily Russo"],
        "More than 12,000 rail workers began a strike on Monday.": ["the union"],
    }


def test_a_demand_or_accusation_is_claimed_with_the_speaker_by_name(db_url):
    """Claimed whole, a demand or an accusation names its speaker as the hop does, without
    the relative clause or the title set off by commas; a demand's listener may come
    before the content's quotation ('called on both sides to "get back …"')."""
    text = (
        "Rail workers began a strike on Monday.\n\n"
        'Transport Secretary Louise Haigh called on both sides to "get back round the '
        'table."\n\n'
        "Manchin, who is not seeking re-election, urged his colleagues to stop "
        '"posturing for the cameras."\n\n'
        "The head of the union, Mick Lynch, accused ministers of hiding.\n"
    )
    proposals = _proposals(db_url, text)
    said = [p.claim_text for p in proposals if p.hops]
    assert said == [
        'Transport Secretary Louise Haigh called on both sides to "get back round the table."',
        'Manchin urged his colleagues to stop "posturing for the cameras."',
    ]
    # no words of his quoted: the article's own statement, still naming him
    assert "Mick Lynch accused ministers of hiding." in [p.claim_text for p in proposals]


def test_where_a_critic_wrote_said_first_is_a_hop(db_url):
    text = (
        "Early reviews have been largely warm. Writing in The New York Times, critic Dwight "
        'Garner said Vance had "never written with more control."\n\n'
        "In The Atlantic, however, the critic Hannah Lee argued that the family "
        '"never quite escapes the shadow of Steinbeck."\n\n'
        "In Brussels, the minister said talks would resume.\n"
    )
    chains = [[h["name"] for h in p.hops] for p in _proposals(db_url, text) if p.hops]
    assert chains == [
        ["Dwight Garner", "The New York Times"],
        ["Hannah Lee", "The Atlantic"],
        ["the minister"],
    ]


def test_an_interview_or_letter_said_first_is_a_hop_through_its_outlet(db_url):
    text = (
        "In an open letter published by La Repubblica on Sunday, the scientists said the plan "
        'was "reckless" and would set research back by a decade.\n\n'
        "In an interview with Corriere della Sera, Education Minister Paolo Rinaldi said the "
        "plan would go ahead.\n\n"
        "In an interview with Rinaldi, the scientists said they would not back down.\n"
    )
    chains = [[h["name"] or h["proposed_name"] for h in p.hops] for p in _proposals(db_url, text)]
    assert [chain for chain in chains if chain] == [
        ["the scientists", "La Repubblica"],
        ["Paolo Rinaldi", "Corriere della Sera"],
        ["the scientists"],  # a person interviewed is no outlet
    ]


def test_countered_and_estimated_that_are_said(db_url):
    """ "countered that" is plainly said (no copy as the article's own statement), and
    "estimated that each day … cost" is a statement though "cost" shows no tense."""
    text = (
        'Minority Leader John Thune countered that the Democratic leader was "playing '
        'chicken with the economy."\n\n'
        "The Northern Powerhouse Partnership estimated that each day of strike action cost "
        "the regional economy around £40 million.\n"
    )
    said = [(p.claim_text, [h["cue"] for h in p.hops]) for p in _proposals(db_url, text)]
    assert said == [
        ('The Democratic leader was "playing chicken with the economy."', ["countered"]),
        (
            "Each day of strike action cost the regional economy around £40 million.",
            ["estimated"],
        ),
    ]


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("figures released on Monday by property data firm CoreMetrics", "CoreMetrics"),
        ("figures from the European Milk Board", "European Milk Board"),
        ("a notice posted on the FDA's website", "FDA"),
        ("preliminary data from Domus Analytics", "Domus Analytics"),
        ("a report in The Economic Times", "The Economic Times"),
    ],
)
def test_words_published_by_someone_are_theirs(db_url, source, name):
    text = f"Median dwelling values slipped 0.4 per cent in October, according to {source}.\n"
    proposals = _proposals(db_url, text)
    chains = [[h["name"] or h.get("proposed_name") for h in p.hops] for p in proposals]
    assert chains == [[name]]


def test_the_company_is_the_one_named_not_the_regulator_that_spoke(db_url):
    text = (
        "A drugmaker is recalling 1.2 million bottles of pills, the US Food and Drug "
        "Administration said Wednesday.\n\n"
        "Halvern Pharmaceuticals is pulling 42 lots of its tablets, according to a notice "
        "posted on the FDA's website. The company said testing had detected an impurity.\n"
    )
    chains = speakers_of(_proposals(db_url, text))
    assert chains["Testing had detected an impurity."] == ["Halvern Pharmaceuticals"]


def test_a_pronoun_doing_something_in_the_articles_words_is_named(db_url):
    text = (
        "Farmers' leader Seán Fitzmaurice said the tariffs would hit exporters hard. He urged "
        "the Government to press Brussels for a compensation package.\n"
    )
    claims = [p.claim_text for p in _proposals(db_url, text)]
    assert (
        "Seán Fitzmaurice urged the Government to press Brussels for a compensation package."
        in claims
    )


def test_a_twelfth_rounds_sources_and_hops(db_url):
    """A programme spoken on before its time ("on Thursday morning"), a daily told, the
    Chamber "of Commerce" kept whole, "the British news agency" as the wire, and a claim
    ending on a verb's "on" ("fight on"), which cuts nothing off."""
    text = (
        "Speaking on BBC Radio Hartington on Thursday morning, Councillor Priya Shah said the "
        'decision had been "finely balanced."\n\n'
        "The Norvalian Chamber of Commerce said in a statement that businesses were "
        '"relieved". Its director, Hanna Berg, told the Nordic Business Daily that many small '
        "firms were struggling to refinance loans.\n\n"
        "The talks will take place in Geneva later this month, according to the British news "
        "agency.\n\n"
        "Whitley said residents were prepared to fight on.\n"
    )
    chains = speakers_of(proposals_for(db_url, text, origin=("Reuters", "via")))
    assert chains == {
        'The decision had been "finely balanced."': ["Priya Shah", "BBC Radio Hartington"],
        'Businesses were "relieved."': ["Norvalian Chamber of Commerce"],
        "Many small firms were struggling to refinance loans.": [
            "Hanna Berg",
            "Nordic Business Daily",
        ],
        "The talks will take place in Geneva later this month.": ["Reuters"],
        "Residents were prepared to fight on.": ["Whitley"],
    }


def test_a_name_described_twice_with_and_is_one_source(db_url):
    """ "Rajesh Menon, the trial's lead investigator and a physician at …": one person, not
    Menon and a physician each saying it."""
    text = (
        "Professor Rajesh Menon, the trial's lead investigator and a respiratory physician at "
        "the University of Northfield, said the results held up across every subgroup.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "The results held up across every subgroup.": ["Rajesh Menon"]
    }


def test_a_denial_is_claimed_whole_and_a_company_is_the_one_its_sentence_says_it_is(db_url):
    """ "denied that maintenance had been neglected" is no claim that it had; "the company
    said" closing a sentence that opens "Fjordvest Pensjon, a private pension fund," is
    Fjordvest; "A spokesman for the company" after "Orren Coastal Lines" speaks for it."""
    text = (
        "Caldon Water denied that maintenance had been neglected.\n\n"
        "Orren Coastal Lines has previously denied any wrongdoing. A spokesman for the company "
        "said on Wednesday that it was cooperating fully with the inquiry.\n\n"
        "OSLO, June 3 (Reuters) - Fjordvest Pensjon, a private pension fund, filed for "
        "bankruptcy protection on Tuesday, the company said.\n"
    )
    chains = speakers_of(_proposals(db_url, text))
    assert chains["Caldon Water denied that maintenance had been neglected."] == []
    assert chains[
        "Fjordvest Pensjon, a private pension fund, filed for bankruptcy protection on Tuesday."
    ] == ["Fjordvest Pensjon"]
    assert chains["Orren Coastal Lines was cooperating fully with the inquiry."] == [
        "Orren Coastal Lines"
    ]


def test_an_outlet_by_the_last_word_of_its_name_and_an_email_to_it(db_url):
    """ "the Chronicle" is the Harwick Chronicle the article names in full, before or
    after; "In an email to the Chronicle, he said" and "said in a statement to Reuters"
    go through the outlet; "The company" after the Chronicle reported is no newspaper."""
    text = (
        "Another former lab member disputed that account, telling the Chronicle that "
        "Lindgren was demanding but fair.\n\n"
        "Victor Lindgren has been placed on leave, the Harwick Chronicle reported.\n\n"
        "In an email to the Chronicle, Lindgren said any errors in the images were honest "
        "mistakes.\n\n"
        "The company said in a statement to Reuters that it would appeal.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        "Lindgren was demanding but fair.": ["Another former lab member", "Harwick Chronicle"],
        "Victor Lindgren has been placed on leave.": ["Harwick Chronicle"],
        "Any errors in the images were honest mistakes.": ["Victor Lindgren", "Harwick Chronicle"],
        "The company would appeal.": ["The company", "Reuters"],
    }


def test_citing_people_briefed_a_name_with_and_and_a_name_before_of(db_url):
    """ "Citing two people briefed on the matter, the Ledger reported that A": the people,
    through the Ledger ("briefed on" is part of who they are); "the union" is the
    "Maritime and Harbour Workers Union" the sentence names, "and" and all; "she" after
    "Maya Delacroix of the League of Women Voters said" is Maya Delacroix."""
    text = (
        "Citing two people briefed on the matter, the Financial Ledger newspaper reported "
        "that Veridane had suspended all orders from the plant.\n\n"
        "The strike, called by the Maritime and Harbour Workers Union, involves roughly "
        "4,200 crane operators, the union said in a statement.\n\n"
        "Maya Delacroix of the League of Women Voters said the group supported the recount. "
        '"People need to see the ballots counted by hand," she said.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        "Veridane had suspended all orders from the plant.": [
            "two people briefed on the matter",
            "Financial Ledger",
        ],
        "The strike, called by the Maritime and Harbour Workers Union, involves roughly "
        "4,200 crane operators.": ["Maritime and Harbour Workers Union"],
        "The League of Women Voters supported the recount.": ["Maya Delacroix"],
        "People need to see the ballots counted by hand.": ["Maya Delacroix"],
    }


def test_the_label_is_the_record_company_named_before(db_url):
    """ "The label said" after "Northlight Records said" is Northlight Records, as "the
    airline" is the Airlines named before, not the complaint the article last quoted."""
    text = (
        "Songwriter Dominic Ashby filed the complaint on Monday, the complaint says. "
        "Northlight Records said in a statement that it would defend the song.\n\n"
        "The label said the shared elements were common building blocks of pop songs.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The shared elements were common building blocks of pop songs."] == [
        "Northlight Records"
    ]


def test_a_clause_before_the_operator_named_in_its_source_and_a_person_of_a_body(db_url):
    """ "A as it crossed a bridge over the Vella River, the operator, Nordbane Cargo,
    said": the whole clause, on Nordbane Cargo's word (not the river's, the name before a
    described source: the source names itself). "Union leader Per Aasland of the Rail
    Workers' Federation" is a person, no company "the company" may mean."""
    text = (
        "Freight train derails on river bridge\n\n"
        "HALDEN, Norway (Reuters) - Eighteen of the train's 54 wagons left the rails shortly "
        "after 4 a.m. as it crossed a bridge over the Vella River, the operator, Nordbane "
        "Cargo, said in a statement.\n\n"
        "Union leader Per Aasland of the Rail Workers' Federation said his members had raised "
        "concerns about the bridge. A person familiar with the railway's maintenance records "
        "said inspections had been delayed.\n\n"
        "Nordbane said in an emailed statement that safety was its priority. The company said "
        "it would cooperate fully with investigators.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "Eighteen of the train's 54 wagons left the rails shortly after 4 a.m. as it crossed "
        "a bridge over the Vella River."
    ] == ["Nordbane Cargo"]
    # the operator named so before, not the union leader's federation
    assert chains["Nordbane Cargo would cooperate fully with investigators."] == ["Nordbane Cargo"]


def test_outlets_told_described_numbered_cited_or_emailed_on_the_way(db_url):
    """ "told the public broadcaster NBC Radio 1", "told the technology website
    OrbitalBeat", "figures cited by the daily La Prensa Central" and "A spokesperson, in an
    email to the Portmaine Daily, said" each pass the words through that outlet."""
    text = (
        '"Communities along this line have had enough," Gillian Roache told the public '
        "broadcaster NBC Radio 1.\n\n"
        "A Skyreach engineer told the technology website OrbitalBeat that the satellite had "
        "been drifting.\n\n"
        "At least 40 miners have died in the region since 2015, according to government "
        "figures cited by the daily La Prensa Central.\n\n"
        "A Dashly spokesperson, in an email to the Portmaine Daily, said the company "
        "respected riders' right to protest.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Communities along this line have had enough."][-1] == "NBC Radio 1"
    assert chains["The satellite had been drifting."][-1] == "OrbitalBeat"
    assert chains["At least 40 miners have died in the region since 2015."][-1] == (
        "La Prensa Central"
    )
    assert chains["The company respected riders' right to protest."][-1] == "Portmaine Daily"


def test_an_outlet_described_elsewhere_emailed_or_named_in_full_at_a_sentence_start(db_url):
    """ "in an email to CircuitBeat" is a hop where the article calls CircuitBeat a news
    site; "in a statement emailed to the Courier" too; "the Post" is "The Harbourline Post"
    opening a sentence before; "in an email to Smith" names no outlet."""
    text = (
        "The Harbourline Post first reported the flaw, found by the technology news site "
        "CircuitBeat.\n\n"
        "A Novari spokesman, Tom Reddick, said in an email to CircuitBeat that the company had "
        "moved quickly.\n\n"
        '"It is easy to point fingers," Patricia Lindqvist said in a statement emailed to the '
        "Merrow Valley Courier.\n\n"
        "An analyst told the Post that the offer was too low.\n\n"
        "The mayor said in an email to Smith that the beach would reopen.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The company had moved quickly."] == ["Tom Reddick", "CircuitBeat"]
    assert chains["It is easy to point fingers."] == [
        "Patricia Lindqvist",
        "Merrow Valley Courier",
    ]
    assert chains["The offer was too low."] == ["An analyst", "Harbourline Post"]
    assert chains["The beach would reopen."] == ["The mayor"]


def test_the_paper_is_the_outlet_the_article_called_a_newspaper(db_url):
    """ "was quoted by the Munich newspaper Süddeutsche Abendpost as saying A. … '…,' he
    told the paper": the Abendpost, whose name alone says nothing of a paper."""
    text = (
        "A member of the family, Johann Kessling, was quoted by the Munich newspaper "
        'Süddeutsche Abendpost as saying the brewery was "not for sale at any price."\n\n'
        '"My great-great-grandfather did not build this company to sell it," he told the '
        "paper.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["My great-great-grandfather did not build this company to sell it."] == [
        "Johann Kessling",
        "Süddeutsche Abendpost",
    ]
