"""Hops inside hops: who spoke inside a report, who a report cites, and what is left to
propose around a nested relation; made-up sentences, the tagger's spans given where it runs."""

from __future__ import annotations

import json

import pytest

from claims.db import open_session
from claims.models import Article
from claims.services.articles import add_article
from claims.services.sources import add_source
from claims.suggestions import tagger
from claims.suggestions.attribution import chain_of, extract, leaves
from claims.suggestions.proposal import claim_wording, spoken
from claims.suggestions.relations import ArticleAttributions, link
from tests.suggest_data import proposals_for, speakers_of


def _span(text, kind, words):
    start = text.index(words)
    return (kind, start, start + len(words))


@pytest.fixture
def tagged(monkeypatch):
    """Let a test say what the tagger finds in its text."""
    found: dict[str, list] = {}
    monkeypatch.setattr(tagger, "tag_spans", lambda text, using=None, progress=None: found[text])
    return found


def _chains(text, found):
    """Each leaf's content and its chain as (source, cue), innermost first."""
    return {
        text[slice(*found[leaf].content)]: [
            (a.source_text(text), a.cue_text(text)) for a in chain_of(found, leaf)
        ]
        for leaf in leaves(found)
    }


def _sentence(text):
    return ArticleAttributions(text, use_model=True).in_sentence(0, len(text))


# -- a speaker named before what they said, inside a report whose cue comes after --

INNER = (
    "Olaf Scholz told Viktor Orban last week that China hoped to deepen security ties "
    "with Hungary, the newspaper reported."
)


def test_a_speaker_inside_a_later_report_is_a_hop_the_flat_tagger_misses(tagged):
    # The tagger reads the sentence flat: one report, its content holding Scholz's words.
    tagged[INNER] = [
        _span(INNER, "CONTENT", INNER[: INNER.index(", the newspaper")]),
        _span(INNER, "SOURCE", "the newspaper"),
        _span(INNER, "CUE", "reported"),
    ]
    assert _chains(INNER, _sentence(INNER)) == {
        "China hoped to deepen security ties with Hungary": [
            ("Olaf Scholz", "told"),
            ("the newspaper", "reported"),
        ]
    }


@pytest.mark.parametrize(
    "text",
    [
        # the inner cue is the quoted person's own phrasing
        "\u201cOlaf Scholz told me that the deal was done,\u201d the senator said.",
        # a pronoun is no speaker to add
        "He told Orban last week that China hoped to deepen its ties, the newspaper reported.",
        # a belief is not words passed on
        "Olaf Scholz believes that China hoped to deepen its ties, the newspaper reported.",
    ],
)
def test_no_inner_hop_inside_a_quotation_for_a_pronoun_or_a_belief(tagged, text):
    cue = "said" if "senator" in text else "reported"
    tagged[text] = [
        _span(text, "CONTENT", text[: text.rindex(",") + (1 if "\u201d" in text else 0)]),
        _span(text, "CUE", cue),
    ]
    assert [a.cue_text(text) for a in _sentence(text)] == [cue]


def test_a_dash_ends_a_speaker_s_name():
    text = "BERLIN (Wire Service) - Olaf Scholz told reporters that the budget would rise."
    (relation,) = extract(text)
    assert relation.source_text(text) == "Olaf Scholz"


# -- "citing X": X is the earlier hop --


def test_a_report_citing_a_source_after_a_comma_puts_the_cited_source_first():
    text = "Russia lost 20 tanks near Avdiivka, Xinhua reported, citing the General Staff."
    found = extract(text)
    assert _chains(text, found) == {
        "Russia lost 20 tanks near Avdiivka": [
            ("the General Staff", "citing"),
            ("Xinhua", "reported"),
        ]
    }


def test_an_inverted_report_citing_a_source_puts_it_first():
    text = '"Prices will rise," said Daily Courier, citing Wire Service.'
    found = extract(text)
    (leaf,) = leaves(found)
    assert [a.source_text(text) for a in chain_of(found, leaf)] == [
        "Wire Service",
        "Daily Courier",
    ]


def test_according_to_after_a_speaker_stays_the_later_hop():
    text = "Prices will rise next year, Ana Konig told reporters, according to the APA agency."
    found = extract(text)
    (leaf,) = leaves(found)
    assert [a.source_text(text) for a in chain_of(found, leaf)] == [
        "Ana Konig",
        "the APA agency",
    ]


def test_what_a_report_citing_a_source_says_starts_after_them(tagged):
    text = "Xinhua reports citing the General Staff that Russia lost 20 tanks in the fighting."
    # the tagger reads "reports citing" as one cue, and the cited source as content
    tagged[text] = [
        _span(text, "SOURCE", "Xinhua"),
        _span(text, "CUE", "reports citing"),
        _span(text, "CONTENT", text[text.index("the General") : -1]),
    ]
    assert _chains(text, _sentence(text)) == {
        "Russia lost 20 tanks in the fighting": [
            ("the General Staff", "citing"),
            ("Xinhua", "reports"),
        ]
    }


# -- linking the tagger's spans --


def test_a_cue_without_content_does_not_take_another_sentence_s_said_content():
    text = (
        "The plan, first reported by Der Spiegel, drew criticism. "
        "Friedrich Merz called it a budget trick."
    )
    spans = [
        _span(text, "CUE", "reported"),
        _span(text, "SOURCE", "Der Spiegel"),
        _span(text, "SOURCE", "Friedrich Merz"),
        _span(text, "CUE", "called"),
        _span(text, "CONTENT", "it a budget trick"),
    ]
    sentences = [(0, text.index("Friedrich") - 1), (text.index("Friedrich"), len(text))]
    found, _ = link(text, spans, [(0, len(text))], sentences)
    assert [(a.cue_text(text), text[slice(*a.content)]) for a in found] == [
        ("called", "it a budget trick")
    ]


def test_a_quotation_going_on_after_its_cue_s_sentence_is_one_content():
    text = (
        "\u201cHere comes Big Daddy,\u201d she said, clapping. \u201cThe Donald. Big Daddy.\u201d"
    )
    spans = [
        _span(text, "CONTENT", "\u201cHere comes Big Daddy,\u201d"),
        _span(text, "SOURCE", "she"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "\u201cThe Donald. Big Daddy.\u201d"),
    ]
    (relation,) = link(text, spans, [(0, len(text))])[0]
    assert relation.content == (0, len(text))
    assert claim_wording(spoken(text, relation, relation.content)) == (
        "Here comes Big Daddy. The Donald. Big Daddy."
    )
    # another paragraph, or another quotation between, keeps them apart
    apart = text.replace(" \u201cThe", "\n\n\u201cThe")
    spans[-1] = _span(apart, "CONTENT", "\u201cThe Donald. Big Daddy.\u201d")
    assert len(link(apart, spans, [(0, len(apart))])[0]) == 2


# -- what is proposed --


@pytest.mark.parametrize(
    "passage, wording",
    [
        ('The firm had "always complied,"', 'The firm had "always complied."'),
        ('as "overdue and necessary."', 'As "overdue and necessary."'),
        ("\u201cWe will fight,\u201d", "We will fight."),
        ("it \u201ca budget trick.\u201d", "It \u201ca budget trick.\u201d"),
        ("that the army had taken two villages", "The army had taken two villages."),
    ],
)  # fmt: skip
def test_a_claim_keeps_the_quotation_marks_it_opens_paired(passage, wording):
    assert claim_wording(passage) == wording


def _proposed(db_url, text):
    from claims.suggestions.propose import propose

    with open_session(db_url) as session:
        add_source(session, name="Morning Post", kind="outlet", actor="t")
        add_source(session, name="Olaf Scholz", kind="person", actor="t", aliases=["Scholz"])
        article = add_article(session, text=text, outlet="Morning Post", actor="t")
        session.flush()
        article = session.get(Article, article.id)
        return {
            p.claim_text: [(hop["name"], hop["cue"]) for hop in p.hops]
            for p in propose(session, article)
        }


def test_what_a_speaker_says_before_a_nested_relation_is_their_claim(db_url):
    found = _proposed(
        db_url,
        "Chancellor Olaf Scholz said on Tuesday that Berlin would raise its defence budget "
        'to 2.5% of GDP by 2027, a move he described as "overdue and necessary."\n',
    )
    assert found["Berlin would raise its defence budget to 2.5% of GDP by 2027."] == [
        ("Olaf Scholz", "said")
    ]
    assert found['As "overdue and necessary."'] == [("Olaf Scholz", "said")]


def test_a_reported_act_of_speech_ends_before_that(db_url):
    found = _proposed(
        db_url,
        "Finance Minister Christian Lindner told the Bundestag last week that the government "
        "would not raise taxes, according to a statement from the ministry.\n",
    )
    acts = [claim for claim in found if claim.startswith("Finance Minister")]
    assert acts == ["Finance Minister Christian Lindner told the Bundestag last week."]


def test_two_words_said_are_a_topic_not_a_claim(db_url):
    found = _proposed(db_url, "The plan, first reported by Der Spiegel, drew criticism.\n")
    assert "The plan." not in found


# -- an outlet's credit closing the sentence: "UNN reports citing Reuters" --

CREDITED = (
    "Ukraine and Poland {verb} speed up grain transit to Baltic ports, Prime Minister Denys "
    "Shmyhal said on Monday, UNN reports{comma} citing Reuters."
)


@pytest.mark.parametrize("comma", ["", ","])
def test_a_speaker_inside_a_report_citing_a_source_is_the_innermost_hop(comma):
    text = CREDITED.format(verb="will", comma=comma)
    # as "according to Reuters" would: Shmyhal's words came through Reuters, then UNN
    assert _chains(text, extract(text)) == {
        "Ukraine and Poland will speed up grain transit to Baltic ports": [
            ("Prime Minister Denys Shmyhal", "said"),
            ("Reuters", "citing"),
            ("UNN", "reports"),
        ]
    }


def test_a_report_citing_a_source_holds_its_speaker_where_the_tagger_misses_the_report(
    tagged,
):
    text = CREDITED.format(verb="have agreed to", comma="")
    # the tagger reads "UNN reports" as a source and the speaker as the cited content
    tagged[text] = [
        _span(text, "CONTENT", text[: text.index(", Prime")]),
        _span(text, "CONTENT", "Prime Minister Denys Shmyhal said"),
        _span(text, "SOURCE", "UNN reports"),
        _span(text, "CUE", "citing"),
    ]
    assert _chains(text, _sentence(text)) == {
        "Ukraine and Poland have agreed to speed up grain transit to Baltic ports": [
            ("Prime Minister Denys Shmyhal", "said"),
            ("Reuters", "citing"),
            ("UNN", "reports"),
        ]
    }


@pytest.mark.parametrize("verb", ["will", "have agreed to"])
def test_an_outlet_s_credit_citing_a_source_leaves_one_claim_said_through_it(db_url, verb):
    text = CREDITED.format(verb=verb, comma="") + "\n"
    proposals = proposals_for(db_url, text, outlet="UNN")
    statement = f"Ukraine and Poland {verb} speed up grain transit to Baltic ports."
    # what Reuters says Shmyhal said ("Shmyhal said on Monday") may be proposed besides
    said = [p for p in proposals if p.kind == "claim" and "grain" in p.claim_text]
    assert [(p.claim_text, [(h["name"], h["cue"]) for h in p.hops]) for p in said] == [
        (statement, [("Denys Shmyhal", "said"), ("Reuters", "citing")])
    ]


def test_the_article_s_own_credit_repeated_in_a_sentence_is_its_origin(db_url):
    """ "…, UNN reports citing Reuters" in an article whose origin is Reuters, cited so: the
    sentence repeats the credit, and composing appends Reuters as the origin; named with
    another cue, Reuters stays a source the sentence states."""
    rose = "Prices rose sharply in the capital last week"
    text = CREDITED.format(verb="will", comma="") + f"\n\n{rose}, Reuters points out.\n"
    proposals = proposals_for(db_url, text, outlet="UNN", origin=("Reuters", "citing"))
    chains = {p.claim_text: [(h["name"], h["cue"]) for h in p.hops] for p in proposals if p.hops}
    statement = "Ukraine and Poland will speed up grain transit to Baltic ports."
    assert chains[statement] == [("Denys Shmyhal", "said")]
    assert chains[rose + "."] == [("Reuters", "points out")]


def test_what_the_article_s_own_credit_says_is_its_origin_s_claim_not_its_own_statement(
    db_url, cli
):
    """ "UNN reports citing Reuters that A" in UNN's article whose origin is Reuters: every
    hop folds into the credit, and A is what Reuters said, as the credit says; the credit's
    words are not part of the claim."""
    text = "UNN reports citing Reuters that Hungary will host the summit in March.\n"
    proposals = proposals_for(db_url, text, outlet="UNN", origin=("Reuters", "citing"))
    claims = [(p.claim_text, p.hops, p.rule) for p in proposals if p.kind == "claim"]
    assert [(claim, hops) for claim, hops, _ in claims] == [
        ("Hungary will host the summit in March.", [])
    ]
    assert claims[0][2] != "unattributed"
    records = json.loads(cli("suggest", "1", "--format", "json").stdout)
    assert [r["chain_text"] for r in records if r["kind"] == "claim"] == [
        "(the article's own credit)"
    ]


def test_a_headline_s_cue_says_nothing_of_the_next_paragraph(db_url):
    body = "The Minister said talks would continue next week."
    text = f"Minister says talks will continue\n\n{body}\n"
    proposals = proposals_for(db_url, text)
    by_sentence = {}
    for p in proposals:
        if p.kind == "claim":
            by_sentence.setdefault(text[p.sentence[0] : p.sentence[1]], []).append(p)
    assert [(p.claim_text, [h["cue"] for h in p.hops]) for p in by_sentence[body]] == [
        ("Talks would continue next week.", ["said"])
    ]
    headline = by_sentence["Minister says talks will continue"]
    assert [p.claim_text for p in headline] == ["Talks will continue."]
    # "Minister" is an office, not a name: shown as a description, never created as a source
    from claims.resolution import is_description

    hops = [h for p in proposals for h in p.hops]
    assert hops and all(h["new"] and is_description(h["name"]) for h in hops)


def test_what_a_named_subject_wants_is_a_statement_said(db_url):
    """ "China wants closer ties with Hungary, Wang told Orban": the verb of a named subject,
    though no list of verbs holds "wants", makes a statement, which Wang told."""
    text = "China wants closer security ties with Hungary, Wang Xiaohong told Viktor Orban.\n"
    claims = {p.claim_text: [h["name"] for h in p.hops] for p in proposals_for(db_url, text)}
    assert claims == {"China wants closer security ties with Hungary.": ["Wang Xiaohong"]}


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Jane Roe added that hearings would begin soon.\n", "hearings would begin soon"),
        ("Jane Roe said that was a mistake by the council.\n", "that was a mistake by the council"),
    ],
)
def test_the_quotation_proposed_leaves_out_the_that_of_reported_speech(db_url, text, quote):
    proposals = [p for p in proposals_for(db_url, text) if p.kind == "claim" and p.hops]
    assert [text[slice(*p.quote)] for p in proposals] == [quote]


def test_only_words_given_to_the_article_s_credit_are_shown_as_its_credit(db_url, cli):
    """A cue whose speaker the reader missed gives a proposal with no hop too: that one is
    the article's own statement, not its credit, however its relation was read."""
    text = (
        "A post shared thousands of times on Facebook claims that \u201cthe World Health "
        "Organization has admitted that vaccines cause 90% of deaths in Europe.\u201d\n"
    )
    proposals_for(db_url, text, outlet="PolitiFact")
    records = json.loads(cli("suggest", "1", "--format", "json").stdout)
    assert records
    assert "(the article's own credit)" not in {r["chain_text"] for r in records}


# -- "X quoted Y as saying": Y speaks, through X --


def _hops(db_url, text):
    return {
        p.claim_text: [(h["name"], h["cue"]) for h in p.hops]
        for p in proposals_for(db_url, text)
        if p.kind == "claim" and p.hops
    }


def test_a_reporter_quoting_a_speaker_as_saying_is_the_later_hop(db_url):
    text = (
        "The RIA news agency quoted Kremlin spokesman Dmitry Peskov as saying that no "
        "decision had been taken on the matter.\n"
    )
    assert _hops(db_url, text) == {
        "No decision had been taken on the matter.": [
            ("Dmitry Peskov", "as saying"),
            ("RIA", "quoted"),
        ]
    }


@pytest.mark.parametrize(
    "text, claim",
    [
        (
            "Russia is ready to resume talks on grain exports, Deputy Foreign Minister Sergei "
            "Vershinin was quoted by TASS as saying on Friday.\n",
            "Russia is ready to resume talks on grain exports.",
        ),
        (
            "Deputy Foreign Minister Sergei Vershinin was quoted by TASS as saying that Russia "
            "is ready to resume talks on grain exports.\n",
            "Russia is ready to resume talks on grain exports.",
        ),
        (
            '"We are ready to resume talks," Sergei Vershinin was quoted by TASS as saying.\n',
            "We are ready to resume talks.",
        ),
        (
            "Deputy Foreign Minister Sergei Vershinin was quoted as saying by TASS that Russia "
            "is ready to resume talks on grain exports.\n",
            "Russia is ready to resume talks on grain exports.",
        ),
        (
            "Russia is ready to resume talks on grain exports, Sergei Vershinin was quoted as "
            "saying by the TASS news agency.\n",
            "Russia is ready to resume talks on grain exports.",
        ),
        (
            "Sergei Vershinin was quoted as saying by TASS on Friday that Russia is ready to "
            "resume talks on grain exports.\n",
            "Russia is ready to resume talks on grain exports.",
        ),
        (
            "Sergei Vershinin was quoted as saying by TASS, the state news agency, that Russia "
            "is ready to resume talks on grain exports.\n",
            "Russia is ready to resume talks on grain exports.",
        ),
        (
            "Sergei Vershinin was quoted as saying by the state TASS news agency during a "
            "visit to Minsk that Russia is ready to resume talks on grain exports.\n",
            "Russia is ready to resume talks on grain exports.",
        ),
        # Several agencies carried it: the chain names the first, not none.
        (
            "Sergei Vershinin was quoted by TASS, RIA and Interfax as saying that Russia is "
            "ready to resume talks on grain exports.\n",
            "Russia is ready to resume talks on grain exports.",
        ),
        (
            "Sergei Vershinin was quoted as saying by TASS and Interfax that Russia is ready "
            "to resume talks on grain exports.\n",
            "Russia is ready to resume talks on grain exports.",
        ),
    ],
)
def test_a_speaker_quoted_by_a_reporter_as_saying_speaks_through_it(db_url, text, claim):
    assert _hops(db_url, text) == {claim: [("Sergei Vershinin", "as saying"), ("TASS", "quoted")]}


def test_the_rules_alone_read_a_reporter_quoting_a_speaker_the_same_way():
    text = 'TASS quoted spokeswoman Maria Zakharova as saying: "The talks are over."'
    found = ArticleAttributions(text, use_model=False).in_sentence(0, len(text))
    assert _chains(text, found) == {
        '"The talks are over."': [
            ("spokeswoman Maria Zakharova", "as saying"),
            ("TASS", "quoted"),
        ]
    }


def test_a_source_cited_by_a_report_in_a_relative_clause_is_the_earlier_hop(db_url):
    text = (
        "Ukraine has lost control of the village, according to Interfax, which cited a senior "
        "military source.\n"
    )
    assert _hops(db_url, text) == {
        "Ukraine has lost control of the village.": [
            ("a senior military source", "cited"),
            ("Interfax", "according to"),
        ]
    }


@pytest.mark.parametrize(
    "text, claim, chain",
    [
        (
            "No date had been set, RIA quoted Peskov as saying.\n",
            "No date had been set.",
            [("Peskov", "as saying"), ("RIA", "quoted")],
        ),
        (
            "Interfax cited a source in the defence ministry as saying that the drills would "
            "last a week.\n",
            "The drills would last a week.",
            [("a source in the defence ministry", "as saying"), ("Interfax", "cited")],
        ),
        (
            "Peskov said no date had been set, RIA quoted him as saying.\n",
            "No date had been set.",
            [("Peskov", "as saying"), ("RIA", "quoted")],
        ),
    ],
)
def test_a_reporter_quoting_a_speaker_after_what_was_said_is_the_later_hop(
    db_url, text, claim, chain
):
    assert _hops(db_url, text) == {claim: chain}


def test_him_quoted_by_an_agency_is_the_person_named_before_not_the_agency(db_url):
    text = (
        "Russia will respond to any deployment of missiles, the Interfax news agency quoted "
        "Deputy Foreign Minister Sergei Ryabkov as saying.\n\n"
        "Russia will respond in kind, RIA quoted him as saying.\n"
    )
    assert _hops(db_url, text)["Russia will respond in kind."] == [
        ("Sergei Ryabkov", "as saying"),
        ("RIA", "quoted"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "According to the CDC, the risk remains low.\n",
        "The CDC said the risk remains low.\n",
        "The risk remains low, the CDC said.\n",
    ],
)
def test_a_present_verb_of_state_is_a_claim_said_by_its_source(db_url, text):
    assert [chain[0][0] for chain in _hops(db_url, text).values()] == ["CDC"]


@pytest.mark.parametrize(
    "text, claim, chain",
    [
        (
            "The Wall Street Journal, citing U.S. officials, reported that Russia had moved "
            "warheads to Belarus.\n",
            "Russia had moved warheads to Belarus.",
            [("U.S. officials", "citing"), ("Wall Street Journal", "reported")],
        ),
        (
            "Bloomberg reported, citing people familiar with the matter, that the Commission "
            "was considering new tariffs.\n",
            "The Commission was considering new tariffs.",
            [("people familiar with the matter", "citing"), ("Bloomberg", "reported")],
        ),
        (
            "Bloomberg reported that the Commission was considering new tariffs, citing Reuters.\n",
            "The Commission was considering new tariffs.",
            [("Reuters", "citing"), ("Bloomberg", "reported")],
        ),
        (
            "Russia has moved warheads to Belarus, the Wall Street Journal reported on "
            "Tuesday, citing U.S. officials.\n",
            "Russia has moved warheads to Belarus.",
            [("U.S. officials", "citing"), ("Wall Street Journal", "reported")],
        ),
    ],
)
def test_a_source_cited_anywhere_in_a_report_is_the_earlier_hop(db_url, text, claim, chain):
    assert _hops(db_url, text) == {claim: chain}


def test_said_in_a_statement_is_proposed_once(db_url):
    text = "Voltcell said in a statement that it would appeal the ruling.\n"
    said = [p for p in proposals_for(db_url, text) if p.kind == "claim" and p.hops]
    assert [(p.claim_text, [h["name"] for h in p.hops]) for p in said] == [
        ("It would appeal the ruling.", ["Voltcell"])
    ]


@pytest.mark.parametrize(
    "text, claims",
    [
        (
            "Rayner said the bill would deliver 1.5 million homes, while Hollinrake said the "
            "target was fantasy.\n",
            {
                "The bill would deliver 1.5 million homes.": [("Rayner", "said")],
                "The target was fantasy.": [("Hollinrake", "said")],
            },
        ),
        (
            "Amos told the BBC that the plan was sound, but Denyer said it would fail.\n",
            {
                "The plan was sound.": [("Amos", "told"), ("BBC", None)],
                "It would fail.": [("Denyer", "said")],
            },
        ),
    ],
)
def test_a_second_speaker_after_while_or_but_says_their_own_claim(db_url, text, claims):
    assert _hops(db_url, text) == claims


def test_a_reporting_verb_inside_a_quoted_phrase_is_the_speaker_s_words(db_url):
    text = 'Susan Greer said that her client "categorically denies" the charges.\n'
    assert _hops(db_url, text) == {
        'Susan Greer\'s client "categorically denies" the charges.': [("Susan Greer", "said")]
    }


def test_a_cue_after_and_with_no_speaker_before_is_the_subject_s(db_url):
    text = "Unite rejected the offer and warned that members would strike on Monday.\n"
    assert _hops(db_url, text) == {"Members would strike on Monday.": [("Unite", "warned")]}


@pytest.mark.parametrize(
    "text, outlet, chain",
    [
        (
            "Koval told Reuters that exports had fallen by a third.\n",
            "Kyiv Independent",
            [("Koval", "told"), ("Reuters", None)],
        ),
        (
            "Exports had fallen by a third, Koval told Reuters.\n",
            "Kyiv Independent",
            [("Koval", "told"), ("Reuters", None)],
        ),
        (
            "Zelensky said in an interview with CNN that exports had fallen by a third.\n",
            "Kyiv Independent",
            [("Zelensky", "said"), ("CNN", None)],
        ),
        (
            "Koval told Reuters the exports had fallen by a third.\n",
            "Kyiv Independent",
            [("Koval", "told"), ("Reuters", None)],
        ),
        (
            "Arteta told BBC Sport that his side had been the better team.\n",
            "Kyiv Independent",
            [("Arteta", "told"), ("BBC Sport", None)],
        ),
        (
            "Koval told EU ministers that exports had fallen by a third.\n",
            "Kyiv Independent",
            [("Koval", "told")],
        ),
        # a poll's respondents say it, through the outlet that polled them
        (
            "Rates will fall in June, economists polled by Reuters said.\n",
            "Kyiv Independent",
            [("economists", "said"), ("Reuters", "polled")],
        ),
        (
            "Rates will fall in June, economists polled by Reuters said.\n",
            "Reuters",
            [("economists", "said")],
        ),
        (
            "Two sources told CNN the talks had collapsed on Friday.\n",
            "Kyiv Independent",
            [("Two sources", "told"), ("CNN", None)],
        ),
        # in the outlet's own article, the outlet is its publisher
        (
            "Koval told Reuters that exports had fallen by a third.\n",
            "Reuters",
            [("Koval", "told")],
        ),
        # a person or a body told is no hop
        ("Koval told Orban that exports had fallen by a third.\n", "Reuters", [("Koval", "told")]),
        (
            "Koval told reporters that exports had fallen by a third.\n",
            "Kyiv Independent",
            [("Koval", "told")],
        ),
    ],
)
def test_an_outlet_a_speaker_told_is_the_hop_after_them(db_url, text, outlet, chain):
    from claims.services.sources import add_source

    if outlet != "Reuters":
        with open_session(db_url) as session:
            add_source(session, name="Reuters", kind="news_agency", actor="t")
    hops = [
        [(h["name"], h["cue"]) for h in p.hops]
        for p in proposals_for(db_url, text, outlet=outlet)
        if p.kind == "claim" and p.hops
    ]
    assert hops == [chain]


@pytest.mark.parametrize(
    "text, chain",
    [
        (
            "Koval told Reuters the exports had fallen by a third.\n",
            [("Koval", "told"), ("Reuters", None)],
        ),
        (
            "Koval told Bloomberg on Friday that exports had fallen by a third.\n",
            [("Koval", "told"), ("Bloomberg", None)],
        ),
        (
            "Koval said in an interview with the Guardian that exports had fallen by a third.\n",
            [("Koval", "said"), ("Guardian", None)],
        ),
        # a name that says nothing of what it is, known to nobody, may be anyone
        ("Koval told Politiken that exports had fallen by a third.\n", [("Koval", "told")]),
        ("Koval told Halvorsen that exports had fallen by a third.\n", [("Koval", "told")]),
    ],
)
def test_a_well_known_outlet_told_is_a_hop_before_it_is_on_record(db_url, text, chain):
    hops = [
        [(h["name"], h["cue"]) for h in p.hops]
        for p in proposals_for(db_url, text, outlet="Kyiv Independent")
        if p.kind == "claim" and p.hops
    ]
    assert hops == [chain]


@pytest.mark.parametrize(
    "text, claim",
    [
        (
            "Acme Corp said on Monday it would cut 500 jobs, Reuters reported.\n",
            "Acme Corp would cut 500 jobs.",
        ),
        (
            "Acme Corp said Tuesday the talks had failed, Reuters reported.\n",
            "The talks had failed.",
        ),
        ('Acme Corp said on Monday: "We are done," Reuters reported.\n', "Acme Corp is done."),
        ("Acme Corp said this week it was closing, according to AFP.\n", "Acme Corp was closing."),
        # a time that is the claim's own stays
        (
            "Acme Corp said Monday was the last day of trading, Reuters reported.\n",
            "Monday was the last day of trading.",
        ),
    ],
)
def test_when_words_were_said_is_no_part_of_them_inside_a_report(db_url, text, claim):
    claims = [p.claim_text for p in proposals_for(db_url, text) if p.kind == "claim" and p.hops]
    assert claims == [claim]


@pytest.mark.parametrize(
    "text, claim, chain",
    [
        # a comma alone is no second speaker's own claim: the EU speaks in what Smith said
        (
            "Smith said that under the deal, the EU said it would lift tariffs.\n",
            "The EU would lift tariffs.",
            [("EU", "said"), ("Smith", "said")],
        ),
        (
            "Interfax quoted Peskov as saying that the talks were over.\n",
            "The talks were over.",
            [("Peskov", "as saying"), ("Interfax", "quoted")],
        ),
        (
            "The minister said in a statement, citing police, that three people had died.\n",
            "Three people had died.",
            [("police", "citing"), ("The minister", "said")],
        ),
        # a reason cited is no source
        (
            "Tesla said it would cut prices sharply, citing competition from Chinese rivals.\n",
            "It would cut prices sharply.",
            [("Tesla", "said")],
        ),
        (
            "Shares fell 3% on Monday, the company said, citing weaker demand in China.\n",
            "Shares fell 3% on Monday.",
            [("the company", "said")],
        ),
        (
            "The talks failed, Xinhua reported, citing three diplomats.\n",
            "The talks failed.",
            [("three diplomats", "citing"), ("Xinhua", "reported")],
        ),
        (
            "Russia moved four S-400 systems to Crimea, Xinhua reported on Oct. 14, citing two "
            "Western security officials.\n",
            "Russia moved four S-400 systems to Crimea.",
            [("two Western security officials", "citing"), ("Xinhua", "reported")],
        ),
        (
            "At least 20 people were killed, Xinhua reported, citing medics.\n",
            "At least 20 people were killed.",
            [("medics", "citing"), ("Xinhua", "reported")],
        ),
        (
            "The plant will close, the company said, citing high energy costs.\n",
            "The plant will close.",
            [("the company", "said")],
        ),
        (
            "Zelenskiy posted a video on Telegram saying Ukraine would never surrender.\n",
            "Ukraine would never surrender.",
            [("Zelenskiy", "posted")],
        ),
        # a participle speaks for the subject of the clause it hangs on
        (
            "Fitch affirmed the country's rating at BBB, saying the outlook remained stable.\n",
            "The outlook remained stable.",
            [("Fitch", "saying")],
        ),
        (
            "Protesters blocked the main road into the capital, saying the fuel tax was unfair.\n",
            "The fuel tax was unfair.",
            [("Protesters", "saying")],
        ),
        (
            "According to Interfax, which cited a military source, the drone was shot down "
            "over Kursk.\n",
            "The drone was shot down over Kursk.",
            [("a military source", "cited"), ("Interfax", "According to")],
        ),
        (
            'Smith said "taxes will rise," while Jones said they would fall sharply.\n',
            "They would fall sharply.",
            [("Jones", "said")],
        ),
    ],
)
def test_what_a_review_of_the_wire_rules_found(db_url, text, claim, chain):
    assert _hops(db_url, text)[claim] == chain


def test_a_relative_clause_with_a_verb_of_state_is_no_claim(db_url):
    assert _hops(db_url, "Smith criticised the plan, which requires new taxes.\n") == {}


SEEN = "The company plans to cut 500 jobs next year, according to {sources}.\n"


@pytest.mark.parametrize(
    "sources, outlet, chains",
    [
        # the outlet's own copy: what it saw, and the people, each a source of its own
        (
            "documents seen by Reuters and three people familiar with the matter",
            "Reuters",
            [
                [("documents", "according to")],
                [("three people familiar with the matter", "according to")],
            ],
        ),
        # another outlet's copy: the documents reached it through Reuters
        (
            "documents seen by Reuters and three people familiar with the matter",
            "Kyiv Independent",
            [
                [("documents", "according to"), ("Reuters", "seen")],
                [("three people familiar with the matter", "according to")],
            ],
        ),
        (
            "the ministry and two people briefed on the talks",
            "Reuters",
            [
                [("the ministry", "according to")],
                [("two people briefed on the talks", "according to")],
            ],
        ),
        # what people are familiar with is no second source
        (
            "people familiar with the plans and the talks",
            "Reuters",
            [[("people familiar with the plans and the talks", "according to")]],
        ),
        # "and" inside a name joins no two sources
        (
            "the Department of Trade and Industry",
            "Reuters",
            [[("Department of Trade and Industry", "according to")]],
        ),
    ],
)
def test_sources_joined_by_and_are_each_a_chain(db_url, sources, outlet, chains):
    from claims.services.sources import add_source

    if outlet != "Reuters":
        with open_session(db_url) as session:
            add_source(session, name="Reuters", kind="news_agency", actor="t")
    hops = [
        [(h["name"], h["cue"]) for h in p.hops]
        for p in proposals_for(db_url, SEEN.format(sources=sources), outlet=outlet)
        if p.kind == "claim" and p.hops
    ]
    assert hops == chains


def test_speakers_listed_are_read_one_by_one(db_url):
    # not "The ministry and the police", which "The ministry" would then refer back to
    chains = [
        [(h["name"], h["cue"]) for h in p.hops]
        for p in proposals_for(
            db_url, "The ministry and the police said the suspect had fled the country.\n"
        )
        if p.kind == "claim"
    ]
    assert chains == [[("The ministry", "said")], [("the police", "said")]]


def test_when_a_speaker_spoke_is_no_claim_of_the_outer_source(db_url):
    text = (
        "Russia's Foreign Ministry said on Thursday that it would respond to any deployment "
        "of missiles in Germany, the TASS news agency reported.\n"
    )
    claims = {p.claim_text for p in proposals_for(db_url, text) if p.kind == "claim"}
    assert claims == {
        "Russia's Foreign Ministry would respond to any deployment of missiles in Germany."
    }


@pytest.mark.parametrize(
    "text",
    [
        "Shares of Nordvik Semiconductor fell 9% in extended trading on Wednesday after the "
        "chipmaker forecast third-quarter revenue below Wall Street estimates, citing weaker "
        "demand from smartphone makers.\n",
    ],
)
def test_words_before_a_speaker_not_set_off_are_not_theirs(db_url, text):
    assert _hops(db_url, text) == {}


def test_words_unquoted_in_a_sentence_before_are_not_the_next_sentence_s_speaker_s(db_url):
    text = (
        "The fire started in a kitchen on the second floor. No one was injured. The building "
        "was evacuated within minutes, Moreno said.\n"
    )
    assert _hops(db_url, text) == {
        "The building was evacuated within minutes.": [("Moreno", "said")]
    }


def test_a_fee_agreed_is_no_report_the_citing_could_belong_to(db_url):
    """ "agreed a fee" says what was settled; the report's "citing" is the report's."""
    text = (
        "Record reported on Wednesday that the two clubs had agreed a fee of 38m, citing "
        "sources close to the Portuguese side.\n"
    )
    assert _hops(db_url, text) == {
        "The two clubs had agreed a fee of 38m.": [
            ("sources close to the Portuguese side", "citing"),
            ("Record", "reported"),
        ]
    }


def test_a_source_cited_with_where_it_is_before_that(db_url):
    text = (
        "Reuters earlier reported, citing a source in the Moldovan government, that the "
        "terminal was expected to remain shut for at least three weeks.\n"
    )
    assert _hops(db_url, text) == {
        "The terminal was expected to remain shut for at least three weeks.": [
            ("a source in the Moldovan government", "citing"),
            ("Reuters", "earlier reported"),
        ]
    }


def test_telling_reporters_is_no_reported_act_of_its_own(db_url):
    """'"A," Peskov told reporters, TASS reported': A, through TASS; that Peskov told
    reporters is what every speaker does, not a claim TASS makes."""
    text = (
        '"Such statements are part of the hysteria," Kremlin spokesman Dmitry Peskov told '
        "reporters, TASS reported.\n"
    )
    said = [p.claim_text for p in proposals_for(db_url, text)]
    assert said == ["Such statements are part of the hysteria."]


@pytest.mark.parametrize(
    "text, claim, chain",
    [
        # the citing comes first in the sentence: the sources cited, then who reports them
        (
            "Turkey's state-run Anadolu Agency said Fidan met Wang on Monday.\n\n"
            "Citing diplomatic sources, the agency said the two ministers also discussed "
            "trade.\n",
            "The two ministers also discussed trade.",
            [("diplomatic sources", "Citing"), ("Anadolu Agency", "said")],
        ),
        (
            "The Journal, citing officials, reported that the deal was off.\n",
            "The deal was off.",
            [("officials", "citing"), ("Journal", "reported")],
        ),
    ],
)
def test_a_citing_before_its_report_is_the_hop_before_it(db_url, text, claim, chain):
    hops = [
        [(h["name"], h["cue"]) for h in p.hops]
        for p in proposals_for(db_url, text)
        if p.claim_text == claim
    ]
    assert hops == [chain]


def test_a_programme_spoken_on_and_a_paper_interviewing_after_the_speaker_are_hops(db_url):
    text = (
        "The Housing Minister, Joanne Whitcombe, said the softer market was no cause for "
        "alarm. Speaking on ABC Radio National's Breakfast program, she said the "
        "government's priority remained increasing supply.\n\n"
        '"Education is where austerity becomes visible to every family," said Gabriela '
        "Sosa, a researcher at the University of Buenos Aires, in an interview with the "
        "newspaper Página/12.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The government's priority remained increasing supply."] == [
        "Joanne Whitcombe",
        "ABC Radio National's Breakfast program",
    ]
    assert chains["Education is where austerity becomes visible to every family."] == [
        "Gabriela Sosa",
        "Página/12",
    ]


def test_an_outlet_the_article_says_is_one_is_a_hop_though_its_name_does_not_say(db_url):
    """ "Le Courrier" and "Radio Vela" look like anyone's names; "a regional newspaper" set
    off after the one and "Spanish radio station" before the other say they are outlets."""
    text = (
        "Marc Dufour told Le Courrier, a regional newspaper, that the club would listen to "
        "offers.\n\n"
        "Speaking to Spanish radio station Onda Vela on Monday night, Karim Haddad said his "
        "client wanted to move.\n\n"
        "Cawthorne's sister, Rhonda Pyle, told KHRL, a television station in Bend, that she had "
        "not heard from her brother.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The club would listen to offers."] == ["Marc Dufour", "Le Courrier"]
    (sister,) = [c for c in chains if "heard from her brother" in c]
    assert sister == "Rhonda Pyle had not heard from her brother."
    assert chains[sister] == ["Rhonda Pyle", "KHRL"]
    assert chains["Karim Haddad's client wanted to move."] == ["Karim Haddad", "Onda Vela"]


def test_according_to_an_outlet_which_cited_people_is_one_chain_after_another_report(db_url):
    """The relations left once those that pass nothing on are dropped nest again with the
    text, so "which cited" still hangs on the "according to" it follows."""
    text = (
        "The Courier reported earlier this month that Brantley would insert a sell-on clause "
        "of 10 percent into any deal, a detail that Le Sport also mentioned on Monday. "
        "According to the Spanish daily Diario Norte, which cited people familiar with the "
        "talks, the clause was one of the last obstacles in the negotiations.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The clause was one of the last obstacles in the negotiations."] == [
        "people familiar with the talks",
        "Diario Norte",
    ]


def test_a_speaker_after_an_opening_according_to_is_a_hop_inside_it(db_url):
    """ "According to court filings, Quorvex argued that A": Quorvex's words, as the
    filings give them; the report holds them though the tagger ends it at the cue."""
    text = (
        "According to court filings, Velmora had argued that its commission was fair.\n\n"
        "According to the indictment, Dale Smith told investors that the fund was safe.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    # "had argued that its" says Velmora is a body, speaking of itself
    assert chains["Velmora's commission was fair."] == ["Velmora", "court filings"]
    assert chains["The fund was safe."] == ["Dale Smith", "the indictment"]


def test_what_someone_did_according_to_an_outlet_is_the_outlets_claim(db_url):
    """ "According to the Echo-Post, Reyes told the squad of his decision": what Reyes did,
    on the paper's word; no "that", so no words of his."""
    text = (
        "According to the Northern Echo-Post, Reyes told the squad of his decision in the "
        "dressing room immediately after the final whistle, before Mikkelsen himself had been "
        'informed. The newspaper reported that several senior players were "stunned" by the '
        "timing.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    (claim,) = [c for c in chains if "dressing room" in c]
    assert claim.startswith("Reyes told the squad")
    assert chains[claim] == ["Northern Echo-Post"]


def test_quoted_as_saying_after_telling_an_outlet_is_through_that_outlet(db_url):
    text = (
        "Henrik Solberg, Norway's ambassador, told the German newspaper Abendkurier that "
        'diplomats had asked for detailed results. "Quiet pressure is more useful right now," '
        "he was quoted as saying.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Quiet pressure is more useful right now."] == ["Henrik Solberg", "Abendkurier"]


def test_one_of_the_people_an_outlet_cited_told_that_outlet(db_url):
    """ "One of the people told the newspaper" after "According to the Financial Times, which
    cited two people familiar with the matter": those people, through the FT."""
    text = (
        "According to the Financial Times, which cited two people familiar with the matter, "
        "the board met on Sunday night to discuss the deal. One of the people told the "
        "newspaper that several large shareholders were opposed to an appeal.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Several large shareholders were opposed to an appeal."] == [
        "two people familiar with the matter",
        "Financial Times",
    ]


def test_according_to_someone_then_an_outlet_reporting_is_one_chain(db_url):
    text = (
        "According to a Commission official who spoke on condition of anonymity, a list of "
        "US goods worth a similar amount was already being prepared, Bloomberg reported.\n"
    )
    proposals = proposals_for(db_url, text)
    assert [(p.claim_text, [h["cue"] for h in p.hops]) for p in proposals] == [
        (
            "A list of US goods worth a similar amount was already being prepared.",
            ["According to", "reported"],
        )
    ]


def test_an_outlet_told_a_programme_spoken_on_and_a_statement_sent_are_hops(db_url):
    text = (
        "Pedro Alcántara, secretary general of the cooperative Oleosur, told the Spanish "
        'newspaper El País that some members would "simply stop exporting to America."\n\n'
        "Agriculture Minister Eoghan Walsh said on RTÉ's Morning Ireland that he had spoken "
        "to the commissioner on Tuesday night.\n\n"
        "Daguerre's lawyer, Hélène Fabre, said in a statement sent to AFP that her client was "
        '"saddened" by the resignation.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        'Some members would "simply stop exporting to America."': ["Pedro Alcántara", "El País"],
        "Eoghan Walsh had spoken to the commissioner on Tuesday night.": [
            "Eoghan Walsh",
            "Morning Ireland",
        ],
        # the client whose lawyer she is, named: "Daguerre's lawyer"
        'Daguerre was "saddened" by the resignation.': ["Hélène Fabre", "AFP"],
    }


def test_she_after_an_actress_named_in_the_sentence_before_and_a_colon_dateline(db_url):
    text = (
        "SRIHARIKOTA, Andhra Pradesh (PTI): The space agency launched a navigation satellite "
        "on Sunday.\n\n"
        "Norwegian actress Ingrid Solberg announced her resignation in an open letter. "
        '"I came to Venice to celebrate cinema," she wrote.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The space agency launched a navigation satellite on Sunday."] == []
    assert chains["I came to Venice to celebrate cinema."] == ["Ingrid Solberg"]


def test_outlets_told_and_quoting_in_another_language_and_he_after_them(db_url):
    text = (
        "Chairman Graham Whitelaw told BBC Sport Scotland that the club had weeks to find a "
        'solution. "I\'m not going to sugar-coat it," he said.\n\n'
        'The effect on lending will be "limited but not negligible", analyst Michal Lenčéš '
        "said, as quoted by the SITA news agency.\n\n"
        "A spokesperson for the presidential office told TASR the head of state would "
        '"study the law carefully" before deciding.\n\n'
        "Opposition MP Tomáš Šimko of Progressive Slovakia said the government was wrong. "
        "According to Šimko, the coalition had refused to discuss any amendment.\n"
    )
    chains = speakers_of(proposals_for(db_url, text, outlet="The Slovak Spectator"))
    assert chains["The club had weeks to find a solution."] == [
        "Graham Whitelaw",
        "BBC Sport Scotland",
    ]
    assert chains["I'm not going to sugar-coat it."] == ["Graham Whitelaw"]
    assert chains['The effect on lending will be "limited but not negligible."'] == [
        "Michal Lenčéš",
        "SITA",
    ]
    assert chains['The head of state would "study the law carefully" before deciding.'] == [
        "A spokesperson for the presidential office",
        "TASR",
    ]
    assert chains["The coalition had refused to discuss any amendment."] == ["Tomáš Šimko"]


def test_the_central_bank_is_the_bank_named_and_what_opens_no_name(db_url):
    text = (
        'Minister Ciarán Dolan said the offer was fair. "What Veltrix is asking for would '
        'cost too much," he said.\n\n'
        "In a statement, Veltrix said it was disappointed by the minister's remarks.\n\n"
        "The National Bank of Slovakia had earlier warned against the measure. In its report "
        "published in May, the central bank said the levy could reduce lending.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    # "the minister" is the one minister the story named
    assert chains["It was disappointed by Ciarán Dolan's remarks."] == ["Veltrix"]
    assert chains["The levy could reduce lending."] == ["National Bank of Slovakia"]


def test_a_body_described_before_said_and_figures_reported_by_a_magazine(db_url):
    text = (
        "The Collective Security Treaty Organization, a Moscow-led military alliance to which "
        "both countries belong, said its secretary general would travel to the region on "
        "Monday.\n\n"
        "Figures from the accountancy firm Price Bailey, reported by the trade magazine "
        "Caterer Weekly, show that 2,650 restaurants became insolvent last year.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "The Collective Security Treaty Organization's secretary general would travel to the "
        "region on Monday."
    ] == ["Collective Security Treaty Organization"]
    assert chains["2,650 restaurants became insolvent last year."] == [
        "Price Bailey",
        "Caterer Weekly",
    ]


def test_state_television_told_is_a_hop_and_a_briefing_no_claim(db_url):
    text = (
        "Foreign Minister Almaz Temirov told state television that Tajikistan bore full "
        "responsibility for the deaths.\n\n"
        '"We urge our friends to resolve all questions through dialogue," spokeswoman Irina '
        "Volkova said at a weekly briefing, Russian news agencies reported.\n"
    )
    chains = speakers_of(proposals_for(db_url, text, outlet="Central Asia Times"))
    assert chains == {
        "Tajikistan bore full responsibility for the deaths.": [
            "Almaz Temirov",
            "state television",
        ],
        "We urge our friends to resolve all questions through dialogue.": [
            "Irina Volkova",
            "Russian news agencies",
        ],
    }


def test_an_outlet_told_alone_is_no_claim_of_the_wire(db_url):
    text = (
        "The state's sports minister, Tanya Mercer, told public broadcaster ABC that no venue "
        'was "off the table", according to the Australian Associated Press.\n'
    )
    chains = speakers_of(proposals_for(db_url, text, outlet="The Courier-Mail"))
    assert chains == {
        'No venue was "off the table."': ["Tanya Mercer", "ABC", "Australian Associated Press"]
    }


def test_a_report_citing_a_source_then_that_and_a_listener_before_according_to(db_url):
    """ "X reported, citing Y, that A" is A on Y's word through X, though A says someone
    "called" someone (a telephone call, no cue); a listener named in full before ", according
    to DPA" ends the quotation's attribution; a live blog's present tense is a statement."""
    text = (
        "02:52 - The pro-government daily Paivan Sanomat reported, citing an unnamed source in "
        "the presidential administration, that Saarinen had already called Korpela to "
        "congratulate her.\n\n"
        "22:10 - With 25 percent of precincts reporting, Saarinen leads with 51.3 percent, "
        "according to the electoral commission.\n\n"
        '"We believe the panel ignored key scientific evidence," Kolberg told the Berliner '
        "Sportblatt newspaper, according to DPA.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        "Saarinen had already called Korpela to congratulate her.": [
            "an unnamed source in the presidential administration",
            "Paivan Sanomat",
        ],
        "With 25 percent of precincts reporting, Saarinen leads with 51.3 percent.": [
            "the electoral commission"
        ],
        "We believe the panel ignored key scientific evidence.": [
            "Kolberg",
            "Berliner Sportblatt",
            "DPA",
        ],
    }


def test_a_cue_says_nothing_of_the_next_sentence(db_url):
    """A content the tagger gives an earlier sentence's cue, in a sentence of its own, not
    quoted and not announced by a colon, is that sentence's, not the cue's speaker's."""
    text = (
        "Relations have soured since Ostland joined an air-defence pact in 2021, a move "
        "Korvia described at the time as hostile. In 2023, each country expelled three "
        "diplomats in a dispute over alleged interference in Ostland's elections.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert not [claim for claim, chain in chains.items() if "interference" in claim and chain]


def test_a_name_that_had_argued_that_its_is_no_person_the_judge_could_be(db_url):
    """ "Velmora had argued that its commission …" speaks of Velmora as a thing, so "The
    judge" in the next sentence is not read as Velmora, the subject before it."""
    text = (
        "According to court filings, Velmora had argued that its 30 percent commission was "
        "comparable to fees charged by other platforms and that developers were free to sell "
        "through websites instead. The judge rejected that argument, writing that the company "
        'had "systematically prevented developers from telling users that cheaper options '
        'existed."\n'
    )
    proposals = proposals_for(db_url, text)
    (writing,) = [p for p in proposals if "systematically" in p.claim_text]
    assert writing.claim_text.startswith("Velmora had")  # the company the judge means
    assert [(h["name"], h["cue"]) for h in writing.hops] == [("The judge", "writing")]


def test_speaking_to_an_outlet_beside_the_speaker_is_a_hop_and_the_next_told_the_paper(db_url):
    """ "X, speaking to the state radio station Voice of Marlo later on Tuesday, said" and
    "said Edna Price, speaking to the Harbury Gazette": the words went through that outlet;
    "told the paper" in the next sentence, by another speaker, is the same paper."""
    text = (
        "Adebayo, speaking to the state radio station Voice of Marlo later on Tuesday, said "
        "she remained hopeful.\n\n"
        '"It was always going to end like this," said Edna Price, a retired teacher, speaking '
        "to the Harbury Gazette. Another resident, baker Tom Ives, told the paper he thought "
        "the council had acted too late.\n\n"
        "The council meets on Monday. It has published no timetable.\n\n"
        "Rhodes told the newspaper the plan was sound.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["She remained hopeful."] == ["Adebayo", "Voice of Marlo"]
    assert chains["It was always going to end like this."] == ["Edna Price", "Harbury Gazette"]
    assert chains["He thought the council had acted too late."] == [
        "Tom Ives",
        "Harbury Gazette",
    ]
    # two sentences later, another speaker's paper is not that one
    assert chains["The plan was sound."] == ["Rhodes"]


def test_an_outlet_reporting_citing_people_that_trustees_favour_is_their_chain(db_url):
    """ "trustees favour returning the heads" is a statement (a plural subject, a verb, its
    gerund object), so the report passes it on, through the outlet, from whom it cited."""
    text = (
        "The newspaper Tromsby Avis reported last month, citing people close to the board, "
        "that at least three of the gallery's trustees favour returning the masks outright.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "At least three of the gallery's trustees favour returning the masks outright."
    ] == ["people close to the board", "Tromsby Avis"]


def test_said_in_a_video_after_a_quotation_is_where_it_was_said_not_what(db_url):
    text = (
        "Mission director Ilse Vandermeer said the team was working around the clock.\n\n"
        '"Whatever happens, we will learn from it and we will go back," she said in a video '
        "posted on the agency's social media accounts.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Whatever happens, we will learn from it and we will go back."] == [
        "Ilse Vandermeer"
    ]
    assert not [c for c in chains if "video" in c]


def test_an_aside_between_subject_and_verb_does_not_split_what_was_said(db_url):
    text = (
        "The Norvik Space Office said the landing, originally scheduled for 0720 GMT, had been "
        "postponed indefinitely.\n"
    )
    (proposal,) = proposals_for(db_url, text)
    assert proposal.claim_text == (
        "The landing, originally scheduled for 0720 GMT, had been postponed indefinitely."
    )


def test_what_a_relative_clause_says_of_its_noun_is_not_claimed_alone(db_url):
    """ "craters, which scientists believe could supply water", "a high bar that the allies
    believe the motion will not reach", "a claim reviewers were not able to test": each
    says something of a noun it leaves out, so alone it says nothing."""
    text = (
        "It carries instruments to search for water ice in shadowed craters, which scientists "
        "believe could one day supply drinking water.\n\n"
        "A two-thirds majority is required to remove the president, a high bar that his "
        "allies believe the motion will not reach.\n\n"
        "Nadia Whitfield added that the crease was invisible in normal use, a claim reviewers "
        "at the event were not able to test independently.\n\n"
        "A minister said that officials believe the plan will work.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert not [c for c in chains if c.startswith(("Could", "The motion", "Were"))]
    assert chains["The crease was invisible in normal use."] == ["Nadia Whitfield"]
    assert chains["Officials believe the plan will work."] == ["A minister"]


def test_a_report_confirmed_is_the_whole_clause_and_the_letter_seen_is_a_hop(db_url):
    """ "signed" passes nothing on: what the secretary confirmed is who signed what; the
    letter she confirmed it in was seen by the Sports Tribune, a hop after hers."""
    text = (
        "Twenty-three of the federation's 54 member associations signed a motion calling for "
        "the vote, the federation's general secretary, Paulette Girard, confirmed in a letter "
        "to members seen by the Sports Tribune.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        "Twenty-three of the federation's 54 member associations signed a motion calling for "
        "the vote.": ["Paulette Girard", "Sports Tribune"]
    }


def test_according_to_a_report_by_an_outlet_which_cited_sources(db_url):
    text = (
        "The phone's panel is supplied by Hanwon Display, according to a report last week by "
        "the trade publication PanelWatch, which cited supply chain sources.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The phone's panel is supplied by Hanwon Display."] == [
        "supply chain sources",
        "PanelWatch",
    ]


def test_a_lede_that_would_not_return_things_is_no_refusal_to_comment(db_url):
    """ "would not return a set of bronze heads" is a claim; "did not return a request for
    comment" is not; "rejecting a formal demand", tagged as one content round its own cue,
    adds no second claim; "has not responded to the evidence" is no cue of its own."""
    text = (
        "The Halvorsen Gallery said on Tuesday it would not return a set of six bronze heads "
        "to the Republic of Kessary, rejecting a formal demand from the country's culture "
        "ministry and deepening a dispute that has simmered for a decade.\n\n"
        "According to the ministry, the gallery has not responded to the evidence in detail.\n\n"
        "The gallery did not return a request for comment.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        "The Halvorsen Gallery would not return a set of six bronze heads to the Republic of "
        "Kessary.": ["Halvorsen Gallery"],
        "The Halvorsen Gallery has not responded to the evidence in detail.": ["the ministry"],
    }


def test_concerns_a_fact_raises_are_nobody_s_claim(db_url):
    text = (
        "Several of the collapsed blocks were built in the past fifteen years, according to "
        "local officials, raising concerns that construction rules had not been enforced.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        "Several of the collapsed blocks were built in the past fifteen years.": ["local officials"]
    }


def test_called_for_a_thing_is_claimed_whole(db_url):
    text = "The union called for a criminal investigation into the developers.\n"
    (proposal,) = proposals_for(db_url, text)
    assert proposal.claim_text == text.strip()


def test_a_passive_joined_by_and_is_more_of_what_the_speaker_says(db_url):
    text = (
        "Three board members told the Harbury Gazette they had been shown only a summary and "
        "had not been told about the clause.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        "Three board members had been shown only a summary and had not been told about the "
        "clause.": ["Three board members", "Harbury Gazette"]
    }


def test_a_subject_set_off_by_a_who_clause_speaks_and_a_stranded_preposition_ends_a_claim(
    db_url,
):
    """ "Her former manager, X, who has pleaded guilty …, reportedly told investigators
    that A": X says A, and the subject with its clause is no claim of its own; "she had no
    idea what the companies were for" ends where a question word left its preposition;
    "The four suspects face charges …, according to the department" is a statement."""
    text = (
        "Wearing a dark suit, the singer told the court that she had no idea what the "
        "companies were for.\n\n"
        "Her former manager, Dario Bellini, who has already pleaded guilty to related charges "
        "and is expected to testify next week, reportedly told investigators that Vireo had "
        'been "fully briefed" on the structure.\n\n'
        "The four suspects face charges of smuggling, which carry penalties of up to 10 years "
        "in prison, according to the department.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        'Vireo had been "fully briefed" on the structure.': ["Dario Bellini"],
        "She had no idea what the companies were for.": ["the singer"],
        "The four suspects face charges of smuggling, which carry penalties of up to 10 years "
        "in prison.": ["the department"],
    }


def test_told_the_newspaper_after_an_outlet_reported_is_that_outlet(db_url):
    text = (
        "At least four deaths have been linked to the heat, the Southern Courier reported, "
        "citing regional health officials.\n\n"
        "Dr Pavel Lutz, an emergency physician, said staff were treating patients in "
        'corridors. "We are seeing people alone in flats for days," he told the newspaper.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["We are seeing people alone in flats for days."] == [
        "Pavel Lutz",
        "Southern Courier",
    ]


def test_readings_of_a_twentieth_blind_check(db_url):
    """ "increased seismic activity" opens with no subject, so "when the institute reported"
    it passes nothing on; "The group said" is the one the sentence before calls a group;
    "told the Ashbury Echo" is a hop; "Two members …, who asked not to be named, said A"
    is theirs, not A's (the rules read it inverted)."""
    text = (
        "At least two people were injured near the village, according to the Red Cross.\n\n"
        "Environmental group Green Archipelago accused the government of failing to act on "
        "warnings issued in January, when the institute first reported increased seismic "
        'activity. The group said in a statement that evacuation plans had been "never '
        'tested".\n\n'
        '"We will see them in court," Gerald Pennick told the Ashbury Echo.\n\n'
        "Two members of the bid committee's board, who asked not to be named because they "
        "were not authorised to speak publicly, said Dahlgren had clashed with Tollefsen over "
        "the cost figures.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert not [c for c in chains if c.startswith(("Increased", "The government of"))]
    assert chains['Evacuation plans had been "never tested."'] == ["Green Archipelago"]
    assert chains["We will see them in court."] == ["Gerald Pennick", "Ashbury Echo"]
    assert chains["Dahlgren had clashed with Tollefsen over the cost figures."] == [
        "Two members of the bid committee's board"
    ]


def test_what_someone_did_is_not_their_word_but_what_they_decided_is(db_url):
    """The tagger reads PolNeAR's acts as relations ("has railed against the provisions",
    "has stood aside or opposed NATO positions"): the object of a verb the lexicon does not
    know for saying is not the actor's claim. A clause after such a verb, with its own
    subject and verb, still is ("decided the prize should be shared")."""
    text = (
        "On several occasions, Portugal has stood aside or opposed NATO positions critical "
        "of Russia on issues such as energy security and sanctions.\n\n"
        "The committee decided the prize should be shared with two other students, including "
        "a graduate from Lagos.\n\n"
        "Opposition lawmakers have railed against the special provisions that shield the "
        "company from local taxes.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        "On several occasions, Portugal has stood aside or opposed NATO positions critical "
        "of Russia on issues such as energy security and sanctions.": [],
        "The committee decided the prize should be shared with two other students, including "
        "a graduate from Lagos.": [],
        "The prize should be shared with two other students, including a graduate from Lagos.": [
            "The committee"
        ],
        "Opposition lawmakers have railed against the special provisions that shield the "
        "company from local taxes.": [],
    }


def test_he_she_it_and_they_said_of_the_speaker_name_the_speaker(db_url):
    """Reported speech whose subject is the speaker says who, though the speaker is only
    described: a body ("The Dutch health inspectorate said it was reviewing whether"), a
    group whose capital is the sentence's ("Trucking firms said they"), one person ("A
    university spokeswoman said she"); a record label's "Records" names a body."""
    text = (
        "Trucking firms said they had idled hundreds of drivers.\n\n"
        "The Dutch health inspectorate said separately that it was reviewing whether other "
        "products made at the same facility might be affected.\n\n"
        'Northlight Records said in a statement that it would "vigorously defend" the song.\n\n'
        "A university spokeswoman said she could not comment on individual student matters.\n\n"
        "A university spokesman said she had been suspended.\n"
    )
    claims = {p.claim_text for p in proposals_for(db_url, text)}
    assert claims == {
        "Trucking firms had idled hundreds of drivers.",
        "The Dutch health inspectorate was reviewing whether other products made at the "
        "same facility might be affected.",
        'Northlight Records would "vigorously defend" the song.',
        "A university spokeswoman could not comment on individual student matters.",
        "She had been suspended.",
    }


def test_the_newspaper_reporting_what_someone_told_it_is_that_newspaper(db_url):
    """'"A," X told the Gentse Courant, the regional newspaper reported': the Courant, not
    the body the sentence before named (no newspaper), nor the article's own credit."""
    text = (
        "The Belgian food inspectorate said separately that it was checking whether other "
        'batches made at the same plant might be affected. "We are not ruling anything out '
        'at this point," inspectorate spokesman Pieter Claes told the Gentse Courant, the '
        "regional newspaper reported.\n"
    )
    (quoted,) = [p for p in proposals_for(db_url, text) if "ruling anything out" in p.claim_text]
    names = [h["name"] or h["proposed_name"] for h in quoted.hops]
    assert names[-1] == "Gentse Courant"
    assert "Belgian food inspectorate" not in names


def test_an_act_before_a_speaker_after_it_is_said_with_its_actor(db_url):
    """ "Authorities ordered the slaughter of 40,000 pigs …, the agriculture ministry said":
    the ministry says the authorities ordered it; not "The slaughter of 40,000 pigs …",
    on the ministry's word or the authorities'."""
    text = (
        "Swine fever forces cull of 40,000 pigs in Arden region\n\n"
        "ARDEN, Belgium (AFP) - Authorities ordered the slaughter of about 40,000 pigs on "
        "Sunday after African swine fever was confirmed at three farms in the Arden region, "
        "the agriculture ministry said.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert not [claim for claim in chains if claim.startswith("The slaughter")]
    assert chains[
        "Authorities ordered the slaughter of about 40,000 pigs on Sunday after African swine "
        "fever was confirmed at three farms in the Arden region."
    ] == ["the agriculture ministry"]


def test_it_is_the_body_the_article_introduces_as_a_company(db_url):
    """ "the mining company Minera Altavista" and "the company Skyreach" say what they are,
    so "X said that it had …" names X, as "Lumora said it would" did for a firm's name."""
    text = (
        "The tunnel belongs to the mining company Minera Altavista. Minera Altavista said in "
        "a statement that it had mobilised all available resources.\n\n"
        "Lynx-47 is run by the company Skyreach. Skyreach confirmed it had lost contact with "
        "the satellite on Monday.\n"
    )
    claims = set(speakers_of(proposals_for(db_url, text)))
    assert "Minera Altavista had mobilised all available resources." in claims
    assert "Skyreach had lost contact with the satellite on Monday." in claims


def test_a_person_named_with_a_job_or_an_appositive_of_a_body_stays_a_person(db_url):
    """ "Crane operator Tomas Brekke" and "Dr. Samuel Achterberg, the agency's chief safety
    officer" are people, whom the next "he said" means: a job before a name, or a body's
    noun that is not the appositive's head, makes no body."""
    text = (
        "Ahmed Sorel, who runs a fleet of 60 trucks, said his drivers were idle.\n\n"
        "Crane operator Tomas Brekke, 47, said he had worked at the port for 22 years. "
        '"They say the robots won\'t take our jobs," he said.\n\n'
        "Dr. Samuel Achterberg, the agency's chief safety officer, told BBC Radio Medway that "
        'pharmacists would contact patients. "There is no need to panic," he said.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["They say the robots won't take our jobs."] == ["Tomas Brekke"]
    assert chains["There is no need to panic."] == ["Samuel Achterberg"]


def test_a_speaker_set_off_by_a_which_or_who_clause_and_a_body_s_appositive(db_url):
    """The speaker is the subject before a "who" or "which" clause, not the clause's tail
    the tagger read as one; a cue inside the clause says nothing of what follows it; what
    was said ends before the speaker's next act ("and urged …", claimed on its own); what
    "According to X, an environmental group …," says starts after what X is; and "his
    phone burst into flames" is a statement."""
    text = (
        "Kessling, which traces its history to 1781 and is 38 percent owned by descendants of "
        'its founder, said the offer "significantly undervalues" the company and urged '
        "shareholders to take no action.\n\n"
        "A senior doctor at the hospital, who spoke on condition of anonymity because staff "
        "are not permitted to talk to the media, said the shortages were affecting patient "
        "care.\n\n"
        "According to the Lake Merrow Conservancy, an environmental group that monitors the "
        "lake, runoff from farm fertilizers created ideal conditions for the algae.\n\n"
        "The Consumer Product Safety Board, which announced the recall jointly with Novari, "
        "said owners should not charge the phones overnight.\n\n"
        "Ethan Brooks, a 29-year-old graphic designer from Leeds, said his phone burst into "
        "flames on his bedside table in February.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        'The offer "significantly undervalues" the company.': ["Kessling"],
        "Kessling urged shareholders to take no action.": [],
        "The shortages were affecting patient care.": ["A senior doctor at the hospital"],
        "Runoff from farm fertilizers created ideal conditions for the algae.": [
            "Lake Merrow Conservancy"
        ],
        "Owners should not charge the phones overnight.": ["Consumer Product Safety Board"],
        "Ethan Brooks' phone burst into flames on his bedside table in February.": ["Ethan Brooks"],
    }


def test_it_said_it_a_body_s_readiness_and_a_described_engineer(db_url):
    """ "It said it had approved" after the health authority spoke names the authority;
    "The United Nations said it was ready to assist" is the UN's readiness ("ready",
    "able", "willing" … make no "it was hard to say"); "a senior engineer … told AFP he
    was worried" names the engineer."""
    text = (
        "The regional health authority said it was aware of the pressures. It said it had "
        "approved funding for 60 additional nursing posts.\n\n"
        "Brightline Events said it hoped to bring the festival back in 2025.\n\n"
        "The United Nations said it was ready to assist.\n\n"
        "The Red Crescent said its teams had rescued more than 400 people.\n\n"
        "However, a senior engineer who has worked on the dam told AFP he was worried about "
        "erosion on the downstream face.\n"
    )
    claims = set(speakers_of(proposals_for(db_url, text)))
    assert claims == {
        "The regional health authority was aware of the pressures.",
        "The regional health authority had approved funding for 60 additional nursing posts.",
        "Brightline Events hoped to bring the festival back in 2025.",
        "The United Nations was ready to assist.",
        "The Red Crescent's teams had rescued more than 400 people.",
        "A senior engineer who has worked on the dam was worried about erosion on the "
        "downstream face.",
    }


def test_a_cue_after_but_shares_the_speaker_whose_words_it_follows(db_url):
    """ "She said that the authority could impose fines if it found that the company had
    broken the law, but stressed that the inquiry was at an early stage": she stressed it;
    the "it" the tagger read as the speaker is the authority inside what she said."""
    text = (
        "The Competition and Consumer Authority said its review had found that Brightmart's "
        "margins on bread and milk had increased by 9 points.\n\n"
        '"Families have been told that rising prices reflected rising costs," the '
        "authority's chief executive, Miriam Achterberg, told a press conference.\n\n"
        "She said that the authority had the power to impose fines of up to 10 percent of "
        "annual turnover if it found that the company had breached consumer protection law, "
        "but stressed that the inquiry was at an early stage and that no conclusions had been "
        "reached.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The inquiry was at an early stage."] == ["Miriam Achterberg"]
    assert chains["No conclusions had been reached."] == ["Miriam Achterberg"]


def test_according_to_keeps_its_words_when_a_who_clause_follows_with_a_cue_of_its_own(db_url):
    """ "A, according to two people …, who asked not to be named because B": A is what
    the two people say; B is the asking's, however the tagger links them."""
    text = (
        "The outage left 40,000 homes without electricity for six hours on Tuesday.\n\n"
        "The failure was caused by a faulty transformer at the Lindvik substation, according "
        "to two people familiar with the investigation, who asked not to be named because "
        "the findings have not been published.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The failure was caused by a faulty transformer at the Lindvik substation."] == [
        "two people familiar with the investigation"
    ]


def test_according_to_a_report_which_cited_people_nests_the_people_in_the_report(db_url):
    """ "According to a report by the newspaper Vastkust Dagblad, which cited two people
    familiar with the investigation, A": the people say A, through the newspaper."""
    text = (
        "According to a report by the newspaper Vastkust Dagblad, which cited two people "
        "familiar with the investigation, one of the drones was briefly tracked heading west "
        "before radar contact was lost.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "One of the drones was briefly tracked heading west before radar contact was lost.": [
            "two people familiar with the investigation",
            "Vastkust Dagblad",
        ]
    }
