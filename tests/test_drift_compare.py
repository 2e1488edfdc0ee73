"""Drift between two appearances, on constructed pairs: each kind found, and nothing invented."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.drift.compare import ChainLink, Side, compare
from claims.drift.lexicon import HEDGES, NAME, START, WEIGHTS, cue_class, find_hedges
from claims.drift.names import same_name
from claims.drift.pairs import Placed, plan

WIRE, PAPER, SITE, AGENCY, MINISTER = 1, 2, 3, 4, 5


def side(
    quote: str,
    *,
    id: int = 1,
    quoted: bool = False,
    publisher: int = PAPER,
    stated: tuple[tuple[int, str, str | None], ...] = (),
    origin: tuple[int, str] | None = (WIRE, "Wire"),
) -> Side:
    chain = [ChainLink(source_id, name, cue, "stated") for source_id, name, cue in stated]
    if origin is not None and (not chain or chain[-1].source_id != origin[0]):
        chain.append(ChainLink(origin[0], origin[1], "citing", "origin"))
    chain.append(ChainLink(publisher, f"outlet {publisher}", None, "publisher"))
    return Side(id, quote, quoted, publisher, tuple(chain))


def kinds(findings) -> list[str]:
    return [f.kind for f in findings]


def test_identical_quotations_and_chains_drift_nowhere():
    a = side("The minister said the port will open in May.", id=1, publisher=PAPER)
    b = side("The minister said the port will open in May.", id=2, publisher=SITE)
    assert compare(a, b) == []


def test_typography_is_not_drift():
    a = side("China\u2019s \u201cgrave\u201d challenge \u2014 the bloc\u2019s view", id=1)
    b = side("China's \"grave\" challenge - the bloc's view", id=2, publisher=SITE)
    assert compare(a, b) == []


def test_changed_words_are_reported_with_before_and_after():
    findings = compare(
        side("NATO struggles to expand its network", id=1),
        side("NATO is trying hard to expand its network", id=2, publisher=SITE),
    )
    assert kinds(findings) == ["wording"]
    assert (findings[0].before, findings[0].after) == ("struggles", "is trying hard")
    assert findings[0].severity == "medium"


def test_words_added_keep_the_brackets_and_marks_they_open_closed():
    findings = compare(
        side("Prices rose, reportedly", id=1),
        side('Prices rose and "@SUM(1)", reportedly', id=2, publisher=SITE),
    )
    assert [f.after for f in findings if f.kind == "wording"] == ['and "@SUM(1)"']


def test_a_mark_closed_after_the_words_punctuation_is_closed_too():
    findings = compare(
        side("Prices rose, reportedly", id=1),
        side('Prices rose and "the plan." reportedly', id=2, publisher=SITE),
    )
    assert [f.after for f in findings if f.kind == "wording"] == ['and "the plan."']


def test_a_closing_mark_the_words_do_not_open_stays_out():
    findings = compare(
        side('He called it "a plan" today', id=1),
        side('He called it "a good plan" today', id=2, publisher=SITE),
    )
    assert [f.after for f in findings if f.kind == "wording"] == ["good"]


def test_a_change_inside_quotation_marks_is_the_most_serious():
    findings = compare(
        side('efforts would be "a new highlight of bilateral relations" in areas', id=1),
        side('efforts would be a "new moment in bilateral relations" in areas', id=2),
    )
    inside = [f for f in findings if f.kind == "wording" and f.severity == "high"]
    assert [(f.before, f.after) for f in inside] == [("highlight of", "moment in")]


def test_a_quotation_lying_wholly_inside_quotation_marks_counts_as_quoted():
    findings = compare(
        side("a grave challenge", id=1, quoted=True),
        side("a serious challenge", id=2, quoted=True),
    )
    assert [(f.kind, f.severity) for f in findings] == [("wording", "high")]


def test_function_words_alone_are_low():
    findings = compare(
        side("Wang met the minister", id=1), side("Wang met with the minister", id=2)
    )
    assert [(f.kind, f.severity, f.after) for f in findings] == [("wording", "low", "with")]


def test_a_name_spelled_differently_is_names_drift_not_wording():
    findings = compare(
        side("Wang also met Interior Minister Sandor Pinter", id=1),
        side("Wang also met Interior Minister Shandor Pinter", id=2),
    )
    assert kinds(findings) == ["names"]
    assert (findings[0].before, findings[0].after) == ("Sandor", "Shandor")


def test_a_different_name_is_wording_not_names():
    findings = compare(
        side("Wang met Minister Sandor Pinter", id=1),
        side("Wang met Minister Peter Szijjarto", id=2),
    )
    assert "names" not in kinds(findings)


def test_names_similarity():
    assert same_name("Sandor", "Shandor")
    assert same_name("Xiaohong", "Xiaohung")
    assert not same_name("Orban", "Orban")  # the same spelling is no drift
    assert not same_name("Reuters", "Xinhua")
    assert not same_name("Li", "Lu")  # too short to tell


def test_a_hedge_added_is_hedging():
    findings = compare(
        side("Chinese state media called NATO a challenge", id=1),
        side("Chinese state media reportedly called NATO a challenge", id=2),
    )
    assert kinds(findings) == ["hedging"]
    assert (findings[0].before, findings[0].after, findings[0].severity) == (
        "\u2014",
        "reportedly",
        "medium",
    )


def test_a_hedge_dropped_hardens_the_statement():
    findings = compare(
        side("They would also encompass capacity building", id=1),
        side("They will also encompass capacity building", id=2),
    )
    assert [(f.kind, f.before, f.after, f.severity) for f in findings] == [
        ("hedging", "would", "will", "high")
    ]


def test_will_becoming_may_is_more_hedged():
    (finding,) = compare(side("The plant will open", id=1), side("The plant may open", id=2))
    assert (finding.kind, finding.before, finding.after) == ("hedging", "will", "may")
    assert "more hedged" in finding.detail


def test_said_becoming_claimed_is_hedging():
    findings = compare(
        side("the ministry said the talks failed", id=1),
        side("the ministry claimed the talks failed", id=2),
    )
    assert kinds(findings) == ["hedging"]
    assert (findings[0].before, findings[0].after) == ("said", "claimed")


def test_multiword_hedges_are_found_whole():
    words = "he is believed to have said".split()
    assert [m.phrase for m in find_hedges(words)] == ["is believed to", "said"]
    assert cue_class("reportedly called") == "distancing"
    assert cue_class("said") == "neutral"
    assert set(HEDGES.values()) == set(WEIGHTS)


def test_the_wires_own_statement_attributed_to_it_is_a_relabel():
    findings = compare(
        side("Hungary is the only NATO state", id=1, publisher=PAPER),
        side(
            "Hungary is the only NATO state",
            id=2,
            publisher=SITE,
            stated=((WIRE, "Wire", "points out"),),
        ),
    )
    assert [(f.kind, f.after) for f in findings] == [("attribution", "Wire [points out]")]
    assert findings[0].source_id == WIRE


def test_a_cue_change_is_attribution_and_a_doubting_cue_is_worse():
    plain = compare(
        side("x", id=1, stated=((AGENCY, "Agency", "said"),)),
        side("x", id=2, stated=((AGENCY, "Agency", "reported"),)),
    )
    doubting = compare(
        side("x", id=1, stated=((AGENCY, "Agency", "said"),)),
        side("x", id=2, stated=((AGENCY, "Agency", "claimed"),)),
    )
    assert [(f.kind, f.severity) for f in plain] == [("attribution", "low")]
    assert [(f.kind, f.severity) for f in doubting] == [("attribution", "medium")]


def test_hops_dropped_and_added():
    findings = compare(
        side("x", id=1, stated=((MINISTER, "Minister", "told"), (AGENCY, "Agency", "said"))),
        side("x", id=2, stated=((AGENCY, "Agency", "said"),)),
    )
    assert [(f.kind, f.detail, f.severity) for f in findings] == [
        ("attribution", "hop dropped", "high")
    ]
    findings = compare(
        side("x", id=1, stated=((AGENCY, "Agency", "said"),)),
        side("x", id=2, stated=((MINISTER, "Minister", "told"), (AGENCY, "Agency", "said"))),
    )
    assert [f.detail for f in findings] == ["hop added"]


def test_chain_sources_that_look_alike_are_names_drift():
    findings = compare(
        side("x", id=1, stated=((MINISTER, "Sandor Pinter", "said"),)),
        side("x", id=2, stated=((9, "Shandor Pinter", "said"),)),
    )
    assert [(f.kind, f.before, f.after) for f in findings] == [
        ("names", "Sandor Pinter", "Shandor Pinter")
    ]


def test_the_upstream_carrier_in_the_downstream_chain_is_not_an_added_hop():
    a = side("x", id=1, publisher=PAPER)
    b = side("x", id=2, publisher=SITE, stated=((PAPER, "Paper", "citing"),))
    assert compare(a, b) == []


def test_an_analysis_turned_into_a_quotation_flips_attribution():
    findings = compare(
        side("The pact is a diplomatic win", id=1),
        side('"The pact is a diplomatic win', id=2),
    )
    assert [(f.kind, f.before, f.after, f.severity) for f in findings] == [
        ("attribution", "paraphrase", "quotation", "high")
    ]


def test_downstream_follows_the_chain_before_the_date():
    early = dt.date(2024, 1, 1)
    late = dt.date(2024, 1, 2)
    # The site (dated earlier by mistake) cites the paper: the paper is upstream all the same.
    paper = Placed(side("x", id=1, publisher=PAPER), late)
    site = Placed(side("y", id=2, publisher=SITE, stated=((PAPER, "Paper", "citing"),)), early)
    other = Placed(side("x y", id=3, publisher=9), late)
    pairs = [(a.side.appearance_id, b.side.appearance_id) for a, b in plan([site, paper, other])]
    # The third cites no one and shares its words with both: its chain is the paper's.
    assert pairs == [(1, 2), (1, 3)]


def test_without_a_relation_the_earlier_is_upstream_then_the_id():
    a = Placed(side("x", id=5), dt.date(2024, 1, 2))
    b = Placed(side("y", id=7, publisher=SITE), dt.date(2024, 1, 1))
    c = Placed(side("x z", id=6, publisher=9), dt.date(2024, 1, 2))
    d = Placed(side("w", id=8, publisher=10), dt.date(2024, 1, 2))
    pairs = [(x.side.appearance_id, y.side.appearance_id) for x, y in plan([a, b, c, d])]
    # c shares a word with a; d shares none with anyone: the earliest, b.
    assert pairs == [(7, 5), (5, 6), (7, 8)]


words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=80
)


@given(words, words, st.booleans(), st.booleans())
def test_comparison_never_crashes_and_a_quotation_never_drifts_from_itself(a, b, qa, qb):
    compare(side(a, quoted=qa), side(b, id=2, quoted=qb, publisher=SITE))
    assert compare(side(a, quoted=qa), side(a, id=2, quoted=qa, publisher=SITE)) == []


def test_a_quotation_starting_inside_quotation_marks_is_inside_until_they_close():
    findings = compare(
        side("grave\u201d challenge to peace", id=1, quoted=True),
        side("serious\u201d challenge to order", id=2, quoted=True),
    )
    assert [(f.before, f.severity) for f in findings] == [("grave", "high"), ("peace", "medium")]


# --- which words are hedges: case and neighbours --------------------------------------------


def test_may_the_month_is_not_a_hedge_and_its_change_is_wording():
    findings = compare(
        side("The new fence will be finished in May", id=1, quoted=True),
        side("The new fence is finished in June", id=2, quoted=True),
    )
    assert [(f.kind, f.before, f.after, f.severity) for f in findings] == [
        ("wording", "will be", "is", "high"),
        ("wording", "May", "June", "high"),
    ]


def test_dropping_the_future_will_hedges_nothing():
    """ "will be finished" → "is finished" asserts more, if anything: never "more hedged"."""
    findings = compare(
        side("The new fence will be finished soon", id=1),
        side("The new fence is finished soon", id=2),
    )
    assert [(f.kind, f.before, f.after) for f in findings] == [("wording", "will be", "is")]
    # Swapped for a modal or a booster, "will" still counts, each way.
    (softer,) = compare(side("It will open", id=1), side("It might open", id=2))
    (firmer,) = compare(side("It could open", id=1), side("It will open", id=2))
    assert (softer.severity, firmer.severity) == ("medium", "high")
    assert "more hedged" in softer.detail and "less hedged" in firmer.detail


@pytest.mark.parametrize(
    "text",
    [
        "The fence is finished in may",  # after a preposition: the month, whatever the case
        "It was signed on 5 May",
        "It was signed May 5",
        "Theresa May said the deal is done",  # capitalised mid-sentence: a name
        "Will Smith said the film is done",  # before a name, even first in the sentence
        "It is the will of the people",
        "Against their will, they signed",
        "They showed their military might",
        "He denied the claims about the border",
        "The claims about 300 deaths were dismissed",  # a determiner: the noun, amount or not
        "Claims about 300 deaths were dismissed",  # first: no subject, so no verb
        "Moscow rejects claims about corruption",
        "Claims by officials were dismissed",
        "He repeated claims by two officials",  # "by" and a number in words: who claimed
        "The minister claims by mistake",  # "by" and a bare noun: not an amount
        "Such false claims are common",
        "Claims of fraud were dismissed",
        "The Claims Commission met",
    ],
)
def test_a_lexicon_word_used_as_a_name_month_or_noun_is_no_hedge(text):
    # "perhaps" in its place: were the word a hedge, this would show it swapped.
    words = {"may", "will", "might", "claims"}
    changed = " ".join(
        ("Perhaps" if w[0].isupper() else "perhaps") if w.strip(",").casefold() in words else w
        for w in text.split()
    )
    findings = compare(side(text, id=1), side(changed, id=2))
    assert [f.before for f in findings if f.kind == "hedging"] in ([], ["\u2014"]), findings


@pytest.mark.parametrize(
    "text, hedge, other",
    [
        ("The fence may be finished soon", "may", "can"),
        ("May the fence be finished soon", "may", "Can"),  # first in the sentence
        ("The Fence Will Be Finished In Time", "will", "Might"),  # a headline: case says nothing
        ("Each will be finished soon", "will", "might"),
        ("Moscow claims the fence is finished", "claims", "says"),
        ("The minister claims about 300 people died", "claims", "says"),  # approximately
        ("Moscow claims about a third of the fence is finished", "claims", "says"),
        ("Moscow claims about half the fence is finished", "claims", "says"),
        ("The party claims by 2030 emissions will halve", "claims", "says"),
        ('He said: "Will it be finished?"', "will", "Might"),
    ],
)
def test_a_lexicon_word_used_as_one_is_a_hedge(text, hedge, other):
    changed = " ".join(
        w.replace(w.strip('"?'), other) if w.strip('"?').casefold() == hedge else w
        for w in text.split()
    )
    findings = compare(side(text, id=1), side(changed, id=2))
    assert [f.before for f in findings if f.kind == "hedging"] == [hedge], findings


def test_dropping_claims_before_an_approximate_amount_is_less_hedged():
    """ "claims about 300" is the verb: dropping it is the hedge lost, as without "about"."""
    for amount in ("about 300", "300"):
        (finding,) = compare(
            side(f"The minister claims {amount} people died", id=1),
            side(f"The minister says {amount} people died", id=2),
        )
        assert (finding.kind, finding.severity, finding.before, finding.after) == (
            "hedging",
            "high",
            "claims",
            "says",
        )
        assert "less hedged" in finding.detail
    # The noun keeps its reading: a word replaced, no hedge dropped.
    (noun,) = compare(
        side("He denied the claims about the border", id=1),
        side("He denied the reports about the border", id=2),
    )
    assert (noun.kind, noun.before, noun.after) == ("wording", "claims", "reports")


def test_find_hedges_reads_case_and_neighbours():
    words = "theresa may said it may rain in may".split()
    cases = ["start", NAME, "", "", "", "", "", ""]
    assert [(m.phrase, m.start) for m in find_hedges(words, cases)] == [("said", 2), ("may", 4)]
    assert [m.start for m in find_hedges(["will", "smith"], [START, NAME])] == []
    assert [m.start for m in find_hedges(["will", "smith"])] == [0]  # no case: a hedge


def test_a_hyphenated_hedge_is_found():
    findings = compare(
        side("the plan was called a success", id=1), side("the so-called plan was a success", id=2)
    )
    assert [(f.kind, f.after) for f in findings if f.kind == "hedging"] == [
        ("hedging", "so-called")
    ]


# --- hedges inside quotations, and neutral verbs ----------------------------------------------


def test_a_hedge_changed_inside_quotation_marks_is_a_misquotation():
    (finding,) = compare(
        side('Kovacs said: "Pinter will visit Belgrade"', id=1),
        side('Kovacs said: "Pinter may visit Belgrade"', id=2),
    )
    assert (finding.kind, finding.severity, finding.before, finding.after) == (
        "hedging",
        "high",
        "will",
        "may",
    )
    assert "quotation itself was altered" in finding.detail
    (outside,) = compare(side("Pinter will visit", id=1), side("Pinter may visit", id=2))
    assert (outside.severity, "altered" in outside.detail) == ("medium", False)


def test_a_neutral_verb_swapped_for_another_is_wording_beside_a_hedge():
    findings = compare(
        side("the ministry said the port will open", id=1),
        side("the ministry announced the port may open", id=2),
    )
    assert [(f.kind, f.before, f.after) for f in findings] == [
        ("wording", "said", "announced"),
        ("hedging", "will", "may"),
    ]


def test_a_neutral_verb_dropped_beside_a_hedge_added_elsewhere_is_wording():
    findings = compare(
        side("the port will open soon, officials said", id=1),
        side("the port will reportedly open soon, officials", id=2),
    )
    assert [(f.kind, f.before, f.after) for f in findings] == [
        ("wording", "said", "\u2014"),
        ("hedging", "\u2014", "reportedly"),
    ]


# --- attribution: a source replaced, and credits that only moved -----------------------------


def test_a_quote_given_to_someone_else_is_one_finding():
    findings = compare(
        side("x", id=1, stated=((MINISTER, "Zoltan Kovacs", "said"),)),
        side("x", id=2, stated=((9, "Peter Szijjarto", "said"),)),
    )
    assert [(f.kind, f.severity, f.before, f.after, f.detail, f.source_id) for f in findings] == [
        (
            "attribution",
            "high",
            "Zoltan Kovacs [said]",
            "Peter Szijjarto [said]",
            "attributed to Peter Szijjarto instead of Zoltan Kovacs",
            9,
        )
    ]


def test_a_hop_added_before_the_others_is_no_replacement():
    findings = compare(
        side("x", id=1, stated=((AGENCY, "Agency", "said"),)),
        side("x", id=2, stated=((MINISTER, "Minister", "told"), (AGENCY, "Agency", "said"))),
    )
    assert [f.detail for f in findings] == ["hop added"]


def test_a_copy_whose_chain_is_the_upstream_chain_and_carrier_compares_clean():
    upstream = side("x", id=1, publisher=PAPER, stated=((MINISTER, "Kovacs", "said"),))
    # The downstream copies the paper: the paper is its origin, so the wire, the paper's
    # origin, can only be a stated hop before it.
    copy = side(
        "x",
        id=2,
        publisher=SITE,
        stated=((MINISTER, "Kovacs", "said"), (WIRE, "Wire", None)),
        origin=(PAPER, "outlet 2"),
    )
    assert compare(upstream, copy) == []
    # Leaving the wire out keeps the trail through the paper: low, said in plain words.
    shorter = side(
        "x", id=3, publisher=SITE, stated=((MINISTER, "Kovacs", "said"),), origin=(PAPER, "p")
    )
    (finding,) = compare(upstream, shorter)
    assert (finding.kind, finding.severity, finding.after) == ("attribution", "low", "\u2014")
    assert (
        finding.detail == "not repeated: outlet 3 credits outlet 2, which gives Wire as its origin"
    )


def test_a_credit_moved_into_the_sentence_is_low_and_names_the_carriers():
    findings = compare(
        side("Hungary is the only NATO state", id=1, publisher=PAPER),
        side(
            "Hungary is the only NATO state", id=2, publisher=SITE, stated=((WIRE, "Wire", "says"),)
        ),
    )
    assert [(f.kind, f.severity, f.after, f.detail) for f in findings] == [
        (
            "attribution",
            "low",
            "Wire [says]",
            "Wire still credited: outlet 2 gives it as the article's origin, "
            "outlet 3's sentence names it",
        )
    ]
    back = compare(
        side("x", id=1, publisher=PAPER, stated=((WIRE, "Wire", "says"),)),
        side("x", id=2, publisher=SITE),
    )
    assert [(f.severity, f.detail) for f in back] == [
        (
            "low",
            "Wire still credited: outlet 2's sentence names it, outlet 3 gives it as the "
            "article's origin",
        )
    ]


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        ("Kenya will borrow $5 billion", "Kenya will borrow \u20ac5 billion", ("$", "\u20ac")),
        ("Kenya will borrow \u00a35 billion", "Kenya will borrow $5 billion", ("\u00a3", "$")),
        ("Inflation rose by 5% in May", "Inflation rose by 5 in May", ("%", "\u2014")),
        ("exports rose 1.500 percent", "exports rose 1,500 percent", ("1.500", "1,500")),
        ("the vote was 52-48", "the vote was 5248", ("52-48", "5248")),
        ("5 tanks were lost", "15 tanks were lost", ("5", "15")),
        ("in 2 3-hour sessions", "in 23-hour sessions", ("2 3", "23")),
    ],
)
def test_a_number_its_currency_its_percent_sign_and_its_decimal_mark_are_words(
    before, after, changed
):
    findings = compare(side(before, id=1), side(after, id=2, publisher=SITE))
    assert [(f.kind, f.before, f.after) for f in findings] == [("wording", *changed)]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("U.S. officials said", "US officials said"),
        ("1,000 people marched", "1000 people marched"),
        ("fuel taxes rose", "fuel-taxes rose"),
        ("a 5-year plan", "a 5 year plan"),
        ("an e-mail was sent", "an email was sent"),
        ("prices rose 5 percent", "prices rose 5%"),
        ("prices rose 5 per cent", "prices rose 5 pct"),
    ],
)
def test_words_only_split_or_joined_are_typography(before, after):
    assert compare(side(before, id=1), side(after, id=2, publisher=SITE)) == []


@pytest.mark.parametrize(
    "hedged",
    [
        "Wang was expected to meet Pinter",
        "Wang was said to have met Pinter",
        "Wang was believed to have met Pinter",
        "Wang were thought to have met Pinter",
    ],
)
def test_a_hedge_told_of_the_past_is_a_hedge(hedged):
    findings = compare(side("Wang met Pinter", id=1), side(hedged, id=2, publisher=SITE))
    assert "hedging" in kinds(findings)


def test_a_report_passed_on_to_someone_is_no_hedge():
    findings = compare(
        side("Twelve cases were reported to the WHO", id=1),
        side("Twelve cases were notified to the WHO", id=2, publisher=SITE),
    )
    assert "hedging" not in kinds(findings)


@given(
    st.lists(st.integers(min_value=1, max_value=6), max_size=6),
    st.lists(st.integers(min_value=1, max_value=6), max_size=6),
    st.permutations([101, 202, 303, 404, 505, 606]),
)
def test_chains_are_diffed_by_their_shape_as_by_their_ids(a, b, ids):
    """The opcodes of two chains' source ids are computed once per shape (which ids are
    equal), so two chains with other ids but the same shape must get difflib's own."""
    import difflib

    from claims.drift.compare import _opcodes

    renamed_a, renamed_b = [ids[x - 1] for x in a], [ids[x - 1] for x in b]
    for x, y in ((a, b), (renamed_a, renamed_b)):
        expected = difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes()
        assert list(_opcodes(x, y)) == expected
