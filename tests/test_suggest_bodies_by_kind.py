"""Bodies a story names once and then calls by what they are: "the mission", "the
estate", "the party", "the court". A claim is read alone, so it names them."""

from __future__ import annotations

from tests.suggest_data import proposals_for


def _proposal(proposals, claim):
    found = [p for p in proposals if p.claim_text == claim]
    assert found, [p.claim_text for p in proposals]
    return found[0]


def test_a_mission_an_estate_and_a_court_named_once_are_named_in_claims(db_url):
    """ "The mission said it had found" is the observation mission's word, and "the estate"
    and "the court" the ones the story named; a kind named twice stays as written."""
    text = (
        "The European Union Election Observation Mission said the vote was orderly. The "
        "mission said it had found isolated irregularities in two districts.\n\n"
        "Lawyers for the Harwood Estate said the estate would contest the will in the High "
        "Court. The court is expected to rule in March, the lawyers said.\n\n"
        "Both the Green Party and the Progressive Alliance Party campaigned on housing. A "
        "spokesman said the party would seek a coalition.\n"
    )
    proposals = proposals_for(db_url, text)
    mission = _proposal(
        proposals,
        "The European Union Election Observation Mission had found isolated irregularities in "
        "two districts.",
    )
    assert [h["name"] for h in mission.hops] == ["European Union Election Observation Mission"]
    _proposal(proposals, "The Harwood Estate would contest the will in the High Court.")
    _proposal(proposals, "The High Court is expected to rule in March.")
    _proposal(proposals, "The party would seek a coalition.")
