"""``claims appearance ...`` with bad input: one clear line, exit 1, nothing stored.

The article is a small made-up wire story with typographic quotes, an en dash
and a line break inside a sentence; the quotations a person types use plain
ASCII, as people do.
"""

from __future__ import annotations

import json
import re

import pytest

TEXT = (
    "Minister Jane Doe told reporters on Monday that \u201cthe bridge will open in May\u201d, "
    "the State Agency said.\n\n"
    "\u201cIt\u2019s a done deal,\u201d an aide added \u2013 and nobody in the room doubted it.\n"
    "Officials said exports rose five percent last year.\n"
    "Officials said exports rose five percent last year, the best result in a\n"
    "decade.\n"
)
BRIDGE_QUOTE = "the bridge will open in May"


@pytest.fixture
def newsroom(cli, tmp_path):
    """Sources Jane Doe, State Agency and Daily Planet; article #1 (Daily Planet, origin
    State Agency); claim #1 about the bridge and claim #2 about exports."""
    for name, kind in [
        ("Jane Doe", "person"),
        ("State Agency", "news_agency"),
        ("Daily Planet", "outlet"),
    ]:
        result = cli("source", "add", name, "--kind", kind)
        assert result.exit_code == 0, result.output
    path = tmp_path / "wire.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = cli(
        "article",
        "add",
        str(path),
        "--outlet",
        "Daily Planet",
        "--origin",
        "State Agency",
        "--published",
        "2024-02-19",
    )
    assert result.exit_code == 0, result.output
    for text in ["The bridge will open in May.", "Exports rose five percent last year."]:
        result = cli("claim", "add", text)
        assert result.exit_code == 0, result.output


def appearance(cli, appearance_id: int) -> dict:
    result = cli("appearance", "show", str(appearance_id), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- ids and the quotation -----------------------------------------------------------------


def test_unknown_claim(failing, newsroom):
    failing("appearance", "add", "99", "1", "-q", BRIDGE_QUOTE, match="No claim with id 99")


def test_unknown_article(failing, newsroom):
    failing("appearance", "add", "1", "99", "-q", BRIDGE_QUOTE, match="No article with id 99")


@pytest.mark.parametrize("quote", ["", "   ", "\n"])
def test_empty_quotation(failing, newsroom, quote):
    message = failing("appearance", "add", "1", "1", "-q", quote, match="quotation is empty")
    assert "--quote" in message


def test_quotation_not_in_the_article(failing, newsroom):
    message = failing(
        "appearance",
        "add",
        "1",
        "1",
        "-q",
        "the bridge will open in June next year",
        match="closest passage",
    )
    assert re.search(r"\d+% similar", message), message
    assert "bridge will open" in message


def test_quotation_with_nothing_close(failing, newsroom):
    failing(
        "appearance",
        "add",
        "1",
        "1",
        "-q",
        "zqxj vwkp qqqq",
        match="nothing in it comes close",
    )


@pytest.mark.parametrize(
    "typed, stored",
    [
        ('"the bridge will open in May"', "\u201cthe bridge will open in May\u201d"),
        ("It's a done deal", "It\u2019s a done deal"),
        ("an aide added - and nobody", "an aide added \u2013 and nobody"),
        ("the best result in   a decade", "the best result in a\ndecade"),
        ("the best result in a decade", "the best result in a\ndecade"),
        ("  THE BRIDGE will open in may ", "the bridge will open in May"),
    ],
    ids=["straight-quotes", "apostrophe", "hyphen-for-en-dash", "spaces", "newline", "case"],
)
def test_quotation_in_other_typography_is_found(cli, newsroom, typed, stored):
    result = cli("appearance", "add", "1", "1", "-q", typed)
    assert result.exit_code == 0, result.output
    record = appearance(cli, int(result.stdout))
    assert record["quote"] == stored
    assert TEXT[record["quote_start"] : record["quote_end"]] == stored


# --- the chain -----------------------------------------------------------------------------


def test_chain_with_unknown_source(failing, newsroom):
    message = failing(
        "appearance",
        "add",
        "1",
        "1",
        "-q",
        BRIDGE_QUOTE,
        "--chain",
        "Jane Do [told]",
        match="Unknown source 'Jane Do'",
    )
    assert "'Jane Doe'" in message
    assert "--create-sources" in message


def test_chain_with_unknown_source_and_create_sources(cli, newsroom):
    result = cli(
        "appearance",
        "add",
        "1",
        "1",
        "-q",
        BRIDGE_QUOTE,
        "--chain",
        "John Smith [told] > State Agency [said]",
        "--create-sources",
    )
    assert result.exit_code == 0, result.output
    assert "Chain: John Smith \u2192 State Agency \u2192 Daily Planet" in result.stderr
    assert cli("source", "show", "John Smith").exit_code == 0


@pytest.mark.parametrize(
    "chain",
    ["Jane Doe > Jane Doe", "Jane Doe [told] > jane doe [said]", "State Agency > the State Agency"],
)
def test_chain_repeating_a_source(failing, newsroom, chain):
    failing(
        "appearance",
        "add",
        "1",
        "1",
        "-q",
        BRIDGE_QUOTE,
        "--chain",
        chain,
        match="twice in a row",
    )


@pytest.mark.parametrize(
    "chain, source",
    [
        ("Jane Doe > State Agency > Jane Doe", "Jane Doe"),
        ("State Agency [said] > Jane Doe [told]", "State Agency"),
        ("Daily Planet > Jane Doe", "Daily Planet"),
    ],
    ids=["stated-cycle", "through-origin", "through-publisher"],
)
def test_cyclic_chain(failing, newsroom, chain, source):
    message = failing(
        "appearance", "add", "1", "1", "-q", BRIDGE_QUOTE, "--chain", chain, match="cycle"
    )
    assert f"comes back to '{source}'" in message


@pytest.mark.parametrize(
    "chain, match",
    [
        ("Jane Doe > > State Agency", "Hop 2 of the chain"),
        ("> Jane Doe", "names no source"),
        ("Jane Doe [said", "Cannot read hop 1"),
        ("Jane Doe [told] > State Agency [said] again", "Cannot read hop 2"),
        ("Jane Doe [told [them]]", "Cannot read hop 1"),
        ("[said]", "names no source"),
    ],
)
def test_malformed_chain(failing, newsroom, chain, match):
    failing("appearance", "add", "1", "1", "-q", BRIDGE_QUOTE, "--chain", chain, match=match)


def test_chain_command_refuses_a_bad_chain_and_keeps_the_old_one(cli, failing, newsroom):
    result = cli("appearance", "add", "1", "1", "-q", BRIDGE_QUOTE, "--chain", "Jane Doe [told]")
    assert result.exit_code == 0, result.output
    failing("appearance", "chain", "1", "State Agency > Jane Doe", match="cycle")
    failing("appearance", "chain", "1", "Jane Do", match="Did you mean 'Jane Doe'")
    failing("appearance", "chain", "1", "Jane Doe [told", match="Cannot read hop 1")
    assert appearance(cli, 1)["chain"] == "Jane Doe \u2192 State Agency \u2192 Daily Planet"


# --- occurrences and duplicates ------------------------------------------------------------


def test_occurrence_beyond_the_count(failing, newsroom):
    message = failing(
        "appearance",
        "add",
        "2",
        "1",
        "-q",
        "Officials said exports rose five percent last year",
        "--occurrence",
        "3",
        match="occurs 2 time(s)",
    )
    assert "--occurrence 1 to 2" in message


def test_occurrence_zero(cli, snapshot, newsroom):
    """Out of its range: a usage error (exit 2)."""
    from tests.test_cli_truth import usage_error

    args = ("appearance", "add", "2", "1", "-q", "exports rose", "--occurrence", "0")
    usage_error(cli, snapshot, *args, match="'--occurrence'")


def test_repeated_words_without_occurrence_are_refused(failing, newsroom):
    quote = "Officials said exports rose five percent last year"
    message = failing("appearance", "add", "2", "1", "-q", quote, match="occurs 2 times")
    assert "--occurrence 1 to 2" in message


def test_second_occurrence(cli, newsroom):
    quote = "Officials said exports rose five percent last year"
    first = cli("appearance", "add", "2", "1", "-q", quote, "--occurrence", "1")
    second = cli("appearance", "add", "2", "1", "-q", quote, "--occurrence", "2")
    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert appearance(cli, 2)["quote_start"] > appearance(cli, 1)["quote_start"]


@pytest.mark.parametrize("again", [BRIDGE_QUOTE, "The  bridge will open in MAY"])
def test_same_appearance_twice(cli, failing, newsroom, again):
    result = cli("appearance", "add", "1", "1", "-q", BRIDGE_QUOTE)
    assert result.exit_code == 0, result.output
    failing(
        "appearance",
        "add",
        "1",
        "1",
        "-q",
        again,
        "--chain",
        "Jane Doe",
        match="as appearance #1",
    )


# --- other appearance commands -------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["appearance", "show", "99"],
        ["appearance", "delete", "99"],
        ["appearance", "chain", "99", "Jane Doe"],
    ],
    ids=["show", "delete", "chain"],
)
def test_unknown_appearance(failing, newsroom, command):
    failing(*command, match="No appearance with id 99")


@pytest.mark.parametrize(
    "option, match",
    [(["--claim", "99"], "No claim with id 99"), (["--article", "99"], "No article with id 99")],
)
def test_list_for_unknown_ids(failing, newsroom, option, match):
    failing("appearance", "list", *option, match=match)


# --- values the database cannot hold --------------------------------------------------------


def test_chain_cue_longer_than_its_column(failing, newsroom):
    """SQLite would store it and PostgreSQL raise mid-transaction: both refuse it alike."""
    failing(
        "appearance",
        "add",
        "1",
        "1",
        "-q",
        BRIDGE_QUOTE,
        "--chain",
        f"Jane Doe [{'c' * 101}]",
        match="at most 100",
    )
