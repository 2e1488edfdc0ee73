"""Proposals for speakers described rather than named, and for sentences whose verb
frames what someone said: one of many ("a Reuters reporter") is no name to create."""

from __future__ import annotations

from tests.suggest_data import proposals_for


def _hops(proposals, claim):
    found = [p for p in proposals if p.claim_text == claim]
    assert found, [p.claim_text for p in proposals]
    return found[0].hops


def test_one_of_many_is_a_description_however_many_capitals_say_whose(db_url):
    """ "A former Kestrel Power lineman", "A Reuters reporter": a lower-case noun after
    "a" is one of many, not a source's name to create; "A Tribe Called Quest" is a name."""
    text = (
        "A former Kestrel Power lineman said the poles were rotten.\n\n"
        "A Reuters reporter at the scene said the building had collapsed.\n\n"
        "An Ostrava city councillor said the budget was short by a third.\n\n"
        "A Tribe Called Quest said the tour would resume in May.\n"
    )
    proposals = proposals_for(db_url, text)
    for claim, surface in [
        ("The poles were rotten.", "A former Kestrel Power lineman"),
        ("The building had collapsed.", "A Reuters reporter at the scene"),
        ("The budget was short by a third.", "An Ostrava city councillor"),
    ]:
        (hop,) = _hops(proposals, claim)
        assert hop["source_id"] is None
        assert hop["why"].startswith("a description"), hop
        assert hop["name"] == surface
    (band,) = _hops(proposals, "The tour would resume in May.")
    assert not band["why"].startswith("a description")


def test_an_outlet_s_kind_after_its_name_and_a_place_before_to_keep_the_hop(db_url):
    """ "told the Property Weekly trade magazine", "speaking from her hospital bed to the
    Dauphine Courier": the outlet is a hop, under its own name."""
    text = (
        "Simon Achterberg told the Property Weekly trade magazine last month that Redbridge "
        "planned to invest 80 million pounds in the estate.\n\n"
        "Mary Bell, speaking from her hospital bed to the Dauphine Courier, said the slope "
        "had seemed safe.\n"
    )
    proposals = proposals_for(db_url, text)
    told = _hops(proposals, "Redbridge planned to invest 80 million pounds in the estate.")
    assert [h["name"] for h in told] == ["Simon Achterberg", "Property Weekly"]
    speaking = _hops(proposals, "The slope had seemed safe.")
    assert [h["name"] for h in speaking] == ["Mary Bell", "Dauphine Courier"]


def test_an_acronym_in_brackets_keeps_the_whole_name_it_spells(db_url):
    """ "Olive Producers of Italy (OPI)" is the body OPI spells, not a Mr Olive Producers
    "of Italy"."""
    text = (
        'Industry group Olive Producers of Italy (OPI) said the high prices had created "a '
        'perfect environment for fraudsters".\n'
    )
    (proposal,) = proposals_for(db_url, text)
    assert [h["name"] for h in proposal.hops] == ["Olive Producers of Italy"]
