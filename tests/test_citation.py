"""Article-level credits: datelines with a date, and sentences that are only a credit."""

from __future__ import annotations

import pytest

from claims.db import open_session
from claims.services.articles import add_article
from claims.services.sources import add_source
from claims.suggestions.citation import find_credits, statement_start


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("NEW YORK, Feb. 6 (Reuters) - Shares rose on Monday.", "Reuters"),
        ("BERLIN, Feb 20 (Reuters) - Shares rose on Monday.", "Reuters"),
        ("WASHINGTON, Jan. 15 (AP) — Shares rose on Monday.", "Associated Press"),
        ("LONDON, 6 February 2024 (Reuters) - Shares rose on Monday.", "Reuters"),
        ("KYIV, Ukraine, March 4 (AP) — Shares rose on Monday.", "Associated Press"),
        ("SÃO PAULO/BRASILIA, Feb 6, 2024 (Reuters) - Shares rose on Monday.", "Reuters"),
    ],
)
def test_a_dateline_with_a_date_credits_its_agency(text, agency):
    credits = find_credits(f"Headline\n\n{text}\n")
    assert [(c.name, c.rule) for c in credits] == [(agency, "dateline")]
    assert text[statement_start(text, 0, len(text)) :] == "Shares rose on Monday."


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Feb. 6 (Reuters) - and nobody else.",
        "Officials told the Associated Press (AP) - in an interview - that it was late.",
    ],
)
def test_an_agency_in_parentheses_in_a_sentence_is_no_dateline(text):
    assert find_credits(text) == []
    assert statement_start(text, 0, len(text)) == 0


def test_a_sentence_that_is_only_the_credit_is_not_proposed_as_a_claim(db_url):
    from claims.suggestions.propose import propose

    text = (
        "Kyiv, 4 March 2024 - UNN reports citing Reuters.\n\n"
        "NEW YORK, Feb. 6 (Reuters) - Profits rose sharply in the last quarter of the year.\n"
    )
    with open_session(db_url) as session:
        add_source(session, name="Morning Post", kind="outlet", actor="t")
        article = add_article(session, text=text, outlet="Morning Post", actor="t")
        session.flush()
        proposals = propose(session, article)
    assert [p.claim_text for p in proposals if p.kind == "claim"] == [
        "Profits rose sharply in the last quarter of the year."
    ]
    assert [p.hops[0]["name"] for p in proposals if p.kind == "origin"] == ["Reuters"]


@pytest.mark.parametrize(
    ("text", "written", "agency"),
    [
        ("LEEDS (AP) — The council met on Monday.", "AP", "Associated Press"),
        ("PARIS, March 4 (AFP) - The council met on Monday.", "AFP", "Agence France-Presse"),
        ("BERLIN (dpa) - The council met on Monday.", "dpa", "Deutsche Presse-Agentur"),
        ("LEEDS (Reuters) - The council met on Monday.", "Reuters", "Reuters"),
    ],
)
def test_an_agency_abbreviation_names_the_agency(text, written, agency):
    credits = find_credits(text)
    assert [(c.name, c.written, c.rule) for c in credits] == [(agency, written, "dateline")]
    assert text[credits[0].start : credits[0].end] == written


def _origins(db_url, outlet: str, text: str, agencies: tuple[str, ...] = ()):
    from claims.suggestions.propose import propose

    with open_session(db_url) as session:
        add_source(session, name=outlet, kind="outlet", actor="t")
        for agency in agencies:
            add_source(session, name=agency, kind="news_agency", actor="t")
        article = add_article(session, text=text, outlet=outlet, actor="t")
        session.flush()
        return [
            (p.hops[0]["name"], p.hops[0]["new"])
            for p in propose(session, article)
            if p.kind == "origin"
        ]


AP_STORY = "SPRINGFIELD, Ill. (AP) — The state will delay a fuel tax rise, the governor said.\n"


def test_an_agency_s_own_story_is_not_proposed_as_republishing_itself(db_url):
    assert _origins(db_url, "Associated Press", AP_STORY) == []


def test_an_abbreviated_agency_credit_resolves_to_the_stored_agency(db_url):
    assert _origins(db_url, "Morning Post", AP_STORY, ("Associated Press",)) == [
        ("Associated Press", False)
    ]


def test_an_agency_stored_by_its_abbreviation_is_found_by_it(db_url):
    """A database that knows the agency only as "AP" gets it, not a new "Associated Press"."""
    assert _origins(db_url, "Morning Post", AP_STORY, ("AP",)) == [("AP", False)]


def test_an_agency_stored_by_its_abbreviation_is_not_its_own_origin(db_url):
    assert _origins(db_url, "AP", AP_STORY) == []


BODY_CITING = (
    "Acme to cut jobs\n\n"
    "LONDON — Acme Corp is struggling with falling sales this year.\n\n"
    "{sentence}\n\n"
    "Shares fell 3% in early trading.\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The company plans to cut 500 jobs, Bloomberg reported, citing Reuters.",
        "The company plans to cut 500 jobs, Bloomberg reported on Tuesday, citing Reuters.",
        "Bloomberg reported citing Reuters that the company plans to cut 500 jobs.",
        "The company plans to cut 500 jobs, Bloomberg reported, citing People familiar with it.",
    ],
)
def test_another_outlet_citing_someone_in_the_body_is_no_origin(db_url, sentence):
    """The citing is the sentence's hop (Reuters → Bloomberg), not the article's credit."""
    assert _origins(db_url, "Morning Post", BODY_CITING.format(sentence=sentence)) == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # the lead, after a headline: the article's frame
        (
            "Acme to cut jobs\n\nThe company plans to cut 500 jobs, UNN reports citing Reuters."
            "\n\nShares fell 3% in early trading.\n",
            "Morning Post",
        ),
        # a credit line of its own, anywhere
        (BODY_CITING.format(sentence="UNN reports citing Reuters."), "Morning Post"),
        # the publisher's own "reports citing", further down
        (
            BODY_CITING.format(
                sentence="The company will cut 500 jobs, UNN reports citing Reuters."
            ),
            "UNN",
        ),
    ],
)
def test_a_reports_citing_that_frames_the_article_is_its_origin(db_url, text, outlet):
    assert _origins(db_url, outlet, text) == [("Reuters", True)]


def test_another_outlet_citing_someone_in_the_body_is_that_sentence_s_hop(db_url):
    from tests.suggest_data import proposals_for

    sentence = "The company plans to cut 500 jobs, Bloomberg reported, citing Reuters."
    proposals = proposals_for(db_url, BODY_CITING.format(sentence=sentence))
    assert [[h["name"] for h in p.hops] for p in proposals if p.hops] == [["Reuters", "Bloomberg"]]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "10:42 GMT - Prices will rise next year, the ministry said.\n",
            "Prices will rise next year.",
        ),
        (
            "14:05 BST: Prices will rise next year, the ministry said.\n",
            "Prices will rise next year.",
        ),
        ("10:42 Prices will rise next year, the ministry said.\n", "Prices will rise next year."),
        (
            "10:42 GMT - The bridge reopened to traffic on Monday.\n",
            "The bridge reopened to traffic on Monday.",
        ),
        # a figure is no time
        ("10.5 Tonnes of grain were lost, the ministry said.\n", "10.5 Tonnes of grain were lost."),
    ],
)
def test_a_live_blog_entry_s_time_is_no_part_of_its_claim(db_url, text, claim):
    from tests.suggest_data import proposals_for

    assert claim in {p.claim_text for p in proposals_for(db_url, text) if p.kind == "claim"}


def test_a_lead_is_its_first_sentence_when_the_copy_has_no_line_breaks():
    text = (
        "Russia launched 40 drones overnight. Most were shot down, officials said. "
        "Ukrinform reports citing Reuters that the attack lasted five hours."
    )
    assert [credit.framing for credit in find_credits(text)] == [False]
    lead = "Russia launched 40 drones overnight, Ukrinform reports citing Reuters. More later."
    assert [credit.framing for credit in find_credits(lead)] == [True]


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("This article was originally published by the Associated Press.", "Associated Press"),
        ("This story was first published by The Conversation.", "The Conversation"),
        ("This article originally appeared in Kyiv Independent.", "Kyiv Independent"),
    ],
)
def test_an_originally_published_line_credits_its_source_and_states_nothing(line, agency):
    text = f"Officials said the vote would go ahead.\n\n{line}\n"
    assert [(c.name, c.rule) for c in find_credits(text)] == [(agency, "originally published")]
    start = text.index(line)
    assert statement_start(text, start, start + len(line)) == start + len(line)
