"""Readings asked for by blind checks on new stories (a hospital's surgical robot, a
conductor's resignation): statements whose words only look cut short or like a thing,
made-up sentences in their shapes, each read as a reviewer would accept it."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def test_a_statement_ending_in_an_idiom_with_of_is_not_cut_short(db_url):
    """ "rare but not unheard of" ends in "of" and is whole; "close schools for." is not."""
    text = (
        "Anita Sorensen, a professor of surgery, said malfunctions of this kind were rare but "
        "not unheard of.\n\n"
        "Tom Hale said the strike would close schools for.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("Malfunctions of this kind were rare but not unheard of.") == [
        "Anita Sorensen"
    ], speakers
    assert "The strike would close schools for." not in speakers


def test_a_plural_present_before_a_comparative_and_its_noun_is_a_statement(db_url):
    """ "the machines allow smaller incisions" is what supporters say, not a thing; "the
    older reactors near larger towns" has no verb."""
    text = (
        "Supporters say the machines allow smaller incisions and faster recovery, but critics "
        "say hospitals have adopted them faster than the evidence justifies.\n\n"
        "Officials listed the older reactors near larger towns.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("The machines allow smaller incisions and faster recovery.") == [
        "Supporters"
    ], speakers
    assert speakers.get("Hospitals have adopted them faster than the evidence justifies.") == [
        "critics"
    ]


def test_a_clause_cut_from_the_middle_of_its_sentence_states_its_fact(db_url):
    """ "…, after an internal review found he had bullied singers, the opera house said":
    the cut clause is what the review found, not a fragment opening with "After"."""
    text = (
        "The Royal Kessington Opera has fired its artistic director, Matthias Lenk, less than "
        "two years into his five-year contract, after an internal review found he had "
        "repeatedly bullied singers and junior staff, the opera house said on Monday.\n"
    )
    claims = {p.claim_text for p in proposals_for(db_url, text)}
    assert not any(claim.startswith("After ") for claim in claims), claims
    assert "An internal review found he had repeatedly bullied singers and junior staff." in claims


def test_a_dateline_of_five_words_and_a_subject_set_off_by_its_apposition(db_url):
    """ "SANTA ELENA DE LOS ANDES, Peru (AP) —" is a dateline, no part of the claim; and
    "Kelvar Pharma, a generic drugmaker based in Basel, is recalling …" is claimed with its
    subject, not from "is recalling"."""
    text = (
        "SANTA ELENA DE LOS ANDES, Peru (AP) — Rescuers dug through mud on Thursday in search "
        "of at least 23 people, officials said.\n\n"
        "ZURICH, May 3 (Reuters) - Kelvar Pharma, a generic drugmaker based in Basel, is "
        "recalling more than 2 million bottles of its pill after tests found traces of a "
        "possible carcinogen, the company said on Friday.\n"
    )
    claims = {p.claim_text for p in proposals_for(db_url, text)}
    assert "Rescuers dug through mud on Thursday in search of at least 23 people." in claims
    assert (
        "Kelvar Pharma, a generic drugmaker based in Basel, is recalling more than 2 million "
        "bottles of its pill after tests found traces of a possible carcinogen." in claims
    ), claims
