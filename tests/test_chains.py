"""Chain parsing and composition: stated hops + origin + publisher, no repeats, no cycles."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.chains import Hop, StatedHop, compose, parse_chain, render, render_with_cues
from claims.errors import InvalidChain, InvalidInput


def hop(i, name, role="stated", cue=None):
    return Hop(i, name, cue, role)


ORIGIN = hop(3, "Reuters", "origin")
PUBLISHER = hop(4, "UNN", "publisher")


def test_parse_names_and_optional_cues():
    assert parse_chain("Wang Xiaohong [told] > the official Xinhua news agency [said]") == [
        StatedHop("Wang Xiaohong", "told"),
        StatedHop("the official Xinhua news agency", "said"),
    ]
    assert parse_chain("A -> B \u2192 C") == [StatedHop("A"), StatedHop("B"), StatedHop("C")]
    assert parse_chain("") == [] and parse_chain(None) == []


@pytest.mark.parametrize("bad", ["A > > B", "A [said", "> A", "[said] > B", "A ] > B"])
def test_malformed_chains_are_refused(bad):
    with pytest.raises(InvalidInput):
        parse_chain(bad)


def test_origin_and_publisher_are_appended():
    chain = compose([hop(1, "Wang Xiaohong"), hop(2, "Xinhua")], origin=ORIGIN, publisher=PUBLISHER)
    assert render(chain) == "Wang Xiaohong \u2192 Xinhua \u2192 Reuters \u2192 UNN"
    assert [h.role for h in chain] == ["stated", "stated", "origin", "publisher"]


def test_source_the_chain_ends_with_is_not_repeated():
    chain = compose([hop(3, "Reuters", cue="points out")], origin=ORIGIN, publisher=PUBLISHER)
    assert render(chain) == "Reuters \u2192 UNN"
    assert chain[0].cue == "points out"
    assert render(compose([], origin=None, publisher=PUBLISHER)) == "UNN"


def test_same_source_twice_in_a_row_is_refused():
    with pytest.raises(InvalidChain, match="twice in a row"):
        compose([hop(1, "A"), hop(1, "A")], origin=None, publisher=PUBLISHER)


def test_cycles_are_refused_including_through_the_origin():
    with pytest.raises(InvalidChain, match="cycle"):
        compose([hop(1, "A"), hop(2, "B"), hop(1, "A")], origin=None, publisher=PUBLISHER)
    with pytest.raises(InvalidChain, match="cycle"):
        compose([hop(3, "Reuters"), hop(1, "A")], origin=ORIGIN, publisher=PUBLISHER)


@given(st.text(max_size=120))
def test_parser_never_crashes(text):
    try:
        hops = parse_chain(text)
    except InvalidInput:
        return
    assert all(h.name and "[" not in h.name and ">" not in h.name for h in hops)


@given(st.lists(st.integers(1, 6), max_size=6))
def test_composed_chains_never_repeat_a_source(ids):
    stated = [hop(i, f"S{i}") for i in ids]
    try:
        chain = compose(stated, origin=hop(7, "O", "origin"), publisher=hop(8, "P", "publisher"))
    except InvalidChain:
        return
    sources = [h.source_id for h in chain]
    assert len(sources) == len(set(sources))
    assert sources[-1] == 8


def test_render_with_cues_names_each_link():
    rendered = render_with_cues([("Wang Xiaohong", "told"), ("Xinhua", "said"), ("UNN", None)])
    assert rendered == "Wang Xiaohong (told) \u2192 Xinhua (said) \u2192 UNN"
