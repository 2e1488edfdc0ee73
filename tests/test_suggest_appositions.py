"""A description the article set beside a name ("Ofwat, the water regulator,") means that
name when the article uses it alone later ("the regulator said")."""

from __future__ import annotations

from claims.suggestions.appositions import apposed_name
from tests.suggest_data import proposals_for, speakers_of


def test_the_description_is_the_name_it_stood_beside(db_url):
    """Name first and description first; a firm named in between is not the operator, nor
    is the company the regulator fined the regulator."""
    text = (
        "Ofwat, the water regulator, fined Severn Trent on Monday. The regulator said the "
        "fine was fair.\n\n"
        "The union, Unite, called a strike. The union said members were angry.\n\n"
        "Brightwater Holdings, the country's largest cinema chain, filed for bankruptcy.\n\n"
        "The operator of the canal, Nordvik Waterways, closed the lock. The operator said "
        "repairs would take a week.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The fine was fair."] == ["Ofwat"]
    assert chains["Members were angry."] == ["Unite"]
    assert chains["Repairs would take a week."] == ["Nordvik Waterways"]


def test_a_body_described_so_since_is_meant_instead(db_url):
    """ "A group calling itself BlackLantern" after "Meridale Health, a hospital group,":
    "the group" is no longer sure to be Meridale."""
    text = (
        "Meridale Health, a hospital group, said its systems were restored on Friday.\n\n"
        "A group calling itself BlackLantern claimed responsibility for the attack. The "
        "group said it would release the records unless it was paid.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["BlackLantern would release the records unless it was paid."] == ["BlackLantern"]


def test_what_opens_a_sentence_is_no_name():
    assert apposed_name("In Paris, the regulator, Ofwat, fined them. ", "regulator") == "Ofwat"
    assert apposed_name("On Monday, the regulator. ", "regulator") is None
    assert apposed_name("In Paris, the regulator fined them. ", "regulator") is None
    assert apposed_name("the regulator, which fined them, said. ", "regulator") is None
    described_first = "The country's financial regulator, the Marlow Conduct Authority, said"
    assert apposed_name(described_first, "regulator") == "Marlow Conduct Authority"
