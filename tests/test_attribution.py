"""The attribution rules on made-up sentences: word orders, nesting, quotation flag."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claims.suggestions.attribution import chain_of, extract, leaves


def _read(text):
    found = extract(text)
    return found, [
        (a.cue_text(text), a.source_text(text), text[a.content[0] : a.content[1]], a.quoted)
        for a in found
    ]


def test_pre_posed():
    _, rows = _read("The mayor said the tram line would open in 2028.")
    assert rows == [("said", "The mayor", "the tram line would open in 2028", False)]


def test_post_posed_direct_quotation():
    _, rows = _read("\u201cWe will not be blackmailed,\u201d the minister told reporters.")
    assert rows == [("told", "the minister", "\u201cWe will not be blackmailed,\u201d", True)]


def test_a_modal_cue_after_and_is_part_of_the_content():
    _, rows = _read("Northgate Air said it would cut 300 jobs and will announce a plan in March.")
    assert rows == [
        ("said", "Northgate Air", "it would cut 300 jobs and will announce a plan in March", False)
    ]
    _, rows = _read("Ann Lee said the budget would balance and added that taxes would not rise.")
    assert [row[0] for row in rows] == ["said", "added"]


def test_inverted():
    _, rows = _read('"The budget is balanced," said Finance Minister Piet Jansen.')
    assert rows[0][:2] == ("said", "Finance Minister Piet Jansen")
    assert rows[0][3] is True


def test_according_to_and_nesting_give_two_hops():
    text = (
        "Austria will halve gas imports next year, Energy Minister Anna Konig told "
        "reporters on Monday, according to the state news agency APA."
    )
    found, rows = _read(text)
    (leaf,) = leaves(found)
    chain = chain_of(found, leaf)
    assert [a.source_text(text) for a in chain] == [
        "Energy Minister Anna Konig",
        "the state news agency APA",
    ]
    assert [a.cue_text(text) for a in chain] == ["told", "according to"]
    assert text[found[leaf].content[0] : found[leaf].content[1]] == (
        "Austria will halve gas imports next year"
    )


def test_reports_citing_puts_the_cited_source_first():
    text = "Prices rose by a tenth in May, Daily Courier reports citing Wire Service."
    found, _ = _read(text)
    (leaf,) = leaves(found)
    assert [a.source_text(text) for a in chain_of(found, leaf)] == [
        "Wire Service",
        "Daily Courier",
    ]


def test_auxiliaries_and_adverbs_belong_to_the_cue():
    _, rows = _read("State media have repeatedly called the plan a serious threat to peace.")
    assert rows[0][:2] == ("have repeatedly called", "State media")


def test_names_and_nouns_are_not_cues():
    assert extract("The United States Senate met for a long session on Friday night.") == []
    assert extract("His remarks drew questions from 30 states across the country.") == []
    assert extract("The law applies in 30 states.") == []


def test_a_document_that_states_after_a_quotation_is_its_source():
    text = '"This ordinance forces owners to shoulder the cost," the complaint states.'
    _, rows = _read(text)
    assert rows[0][:2] == ("states", "the complaint")


@given(st.text(max_size=300))
def test_no_sentence_crashes_the_extractor(text):
    for attribution in extract(text):
        assert 0 <= attribution.content[0] <= attribution.content[1] <= len(text)


def test_appositive_speaker_and_a_name_that_looks_like_a_verb():
    _, rows = _read("The campaign chairman, Phil Lovas, said the count would take a week.")
    assert rows[0][:3] == (
        "said",
        "The campaign chairman, Phil Lovas",
        "the count would take a week",
    )
    _, rows = _read("The New York Post reports that the mayor will resign next month.")
    assert rows[0][:2] == ("reports", "The New York Post")


def test_a_stray_fragment_is_not_a_speaker():
    found = extract("Officials pushed for more school investment in a statement on Thursday.")
    assert all(a.source is None for a in found)
    assert extract("Trump unleashed a series of tweets about the debate on Friday.") == []


def test_names_proposed_for_new_sources():
    from claims.resolution import _proposed_name

    assert _proposed_name("Chinese Minister of Public Security Wang Xiaohong") == "Wang Xiaohong"
    assert _proposed_name("the European Commission's") == "European Commission"
    assert _proposed_name("A spokeswoman for Hillary Clinton") == "Hillary Clinton"
    assert _proposed_name("the billionaire estate mogul") == "the billionaire estate mogul"
    assert _proposed_name("she") is None


def test_a_cue_after_and_shares_the_first_cue_s_speaker():
    _, rows = _read(
        "Finance Minister Ann Lee said the budget would balance by 2026 and added that "
        "taxes would not rise."
    )
    assert rows == [
        ("said", "Finance Minister Ann Lee", "the budget would balance by 2026", False),
        ("added", "Finance Minister Ann Lee", "taxes would not rise", False),
    ]
    _, rows = _read(
        "Police spokesman Tom Ward told reporters the suspect had fled, and said a search "
        "was under way."
    )
    assert [row[:3] for row in rows] == [
        ("told", "Police spokesman Tom Ward", "the suspect had fled"),
        ("said", "Police spokesman Tom Ward", "a search was under way"),
    ]


def test_and_before_a_cue_with_a_speaker_of_its_own_is_not_a_shared_speaker():
    found, rows = _read("The mayor said the tram was late and the council said it was not.")
    assert [row[:2] for row in rows] == [("said", "The mayor"), ("said", "the council")]
    assert rows[0][2] == "the tram was late and the council said it was not"
    assert found[1].parent == 0  # the council's words are inside what the mayor said


def test_posted_reports_only_what_is_posted():
    # A company posts results: its "said" is the cue, not "posted".
    _, rows = _read("Shell posted record profits on Thursday and said it would raise its dividend.")
    assert [row[0] for row in rows] == ["said"]
    _, rows = _read("The mayor posted on X that the bridge would reopen on Monday.")
    assert rows[0][:3] == ("posted", "The mayor", "the bridge would reopen on Monday")
    _, rows = _read('The ministry posted: "The bridge is closed until further notice."')
    assert rows[0][:2] == ("posted", "The ministry")


def test_a_verb_inside_a_quotation_reports_nothing_outside_it():
    """ "we will respond" is what Smith said, not a report by "we" of what Smith said."""
    _, rows = _read('Smith said "we will respond" on Tuesday.')
    assert [(cue, source) for cue, source, _, _ in rows] == [("said", "Smith")]
    assert rows[0][2].startswith('"we will respond"')
    # a report made within the quotation stays
    _, rows = _read('Smith said: "She told me he was lying."')
    assert ("told", "She", "he was lying", False) in rows


def test_a_clause_after_said_is_no_inverted_speaker():
    """ "CNA, citing a senior official, said Castel was preparing tariffs": CNA said it,
    through the official; "Castel was preparing tariffs" is what, not who."""
    text = (
        "CNA, citing a senior official, said Castel was preparing tariffs on wheat, timber and "
        "cars."
    )
    rows = {cue: (source, content) for cue, source, content, _ in _read(text)[1]}
    assert rows["said"] == ("CNA", "Castel was preparing tariffs on wheat, timber and cars")
    assert rows["citing"][0] == "a senior official"


def test_an_aside_opening_with_a_participle_parts_speaker_and_cue():
    text = (
        "Two officials, speaking on condition of anonymity because they were not authorised "
        "to discuss the matter, said the crossing could close."
    )
    assert _read(text)[1] == [("said", "Two officials", "the crossing could close", False)]
