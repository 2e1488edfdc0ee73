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
from tests.suggest_data import proposals_for


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
    text = QUOTED_ACTS[0][0]
    found = extract(text)
    relations = {a.cue_text(text): a for a in found}
    agreed, told = relations["have agreed"], relations["told"]
    assert text[slice(*agreed.content)].endswith("by half")
    # the speaker outside the quotation says it all, "We agreed" within it
    assert told.parent is None and found[agreed.parent] is told
    assert text[slice(*told.content)] == text[: text.index(" Shmyhal")]


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
    every deferral makes", "called NATO a 'grave' challenge" pass words on."""
    said = {p.claim_text: [h["cue"] for h in p.hops] for p in _proposals(db_url, THINGS) if p.hops}
    assert said == {
        "Mark Hale would resign if the plan failed.": ["promised"],
        "The gap had doubled since March.": ["estimated"],
        "300 people died in the quake on Sunday.": ["estimated"],
        "Every deferral makes the next decision harder.": ["warned"],
        'NATO a "grave" challenge to global peace.': ["have called"],
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
