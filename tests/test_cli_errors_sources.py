"""``claims source ...`` with bad input: one clear line, exit 1, nothing stored."""

from __future__ import annotations

import pytest


@pytest.fixture
def xinhua(cli):
    """Source #1, Xinhua, a news agency also known as the New China News Agency."""
    result = cli(
        "source", "add", "Xinhua", "--kind", "news_agency", "--alias", "New China News Agency"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1"
    return "Xinhua"


@pytest.fixture
def reuters(cli, xinhua):
    """Source #2, Reuters."""
    result = cli("source", "add", "Reuters", "--kind", "news_agency")
    assert result.exit_code == 0, result.output
    return "Reuters"


# --- source add ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", "...", "?! \u2014 \u201c\u201d"])
def test_add_without_a_name(failing, name):
    failing("source", "add", name, match="source name is empty")


@pytest.mark.parametrize("name", ["xinhua", "XINHUA", "  Xinhua  ", "the Xinhua", "Xinhua!"])
def test_add_same_name_in_another_spelling(failing, xinhua, name):
    failing("source", "add", name, match="exists already as #1")


def test_add_name_that_differs_only_by_accents(cli, failing):
    result = cli("source", "add", "Orbán", "--kind", "person")
    assert result.exit_code == 0, result.output
    message = failing("source", "add", "Orban", match="exists already as #1")
    assert "Orbán" in message


def test_name_that_is_another_sources_alias_wins_over_the_alias(cli, xinhua):
    # Names are unique; aliases may be shared. A name always finds its own source.
    result = cli("source", "add", "New China News Agency")
    assert result.exit_code == 0, result.output
    shown = cli("source", "show", "new china news agency", "--format", "json")
    assert '"id": 2' in shown.stdout
    assert '"id": 1' in cli("source", "show", "xinhua", "--format", "json").stdout


def test_shared_alias_is_ambiguous_until_written_in_full(cli, failing, xinhua):
    for step in (
        ("source", "add", "Wang Xiaohong", "--kind", "person", "--alias", "Wang"),
        ("source", "add", "Wang Yi", "--kind", "person", "--alias", "Wang"),
    ):
        result = cli(*step)
        assert result.exit_code == 0, result.output
    message = failing("source", "show", "wang", match="could mean 2 sources")
    assert "#2 Wang Xiaohong" in message and "#3 Wang Yi" in message
    assert "full name or #ID" in message
    assert '"name": "Wang Yi"' in cli("source", "show", "#3", "--format", "json").stdout


def test_unknown_source_reference(failing, xinhua):
    failing("source", "show", "#99", match="No source #99")


def test_add_a_name_that_looks_like_a_reference(failing, xinhua):
    failing("source", "add", "#12", match="reference")


def test_add_with_alias_already_used_by_another_source(failing, xinhua):
    message = failing(
        "source",
        "add",
        "Reuters",
        "--alias",
        "Thomson Reuters",
        "--alias",
        "xinhua",
        match="is the name of source #1",
    )
    assert "Xinhua" in message


@pytest.mark.parametrize("kind", ["wizard", "", "news agency!"])
def test_add_with_bad_kind(failing, kind):
    message = failing("source", "add", "Reuters", "--kind", kind, match="Unknown source kind")
    assert "news_agency" in message


def test_add_with_empty_alias(failing):
    failing("source", "add", "Reuters", "--alias", "  ", match="alias is empty")


# --- source alias / edit / show ------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["source", "alias", "Nobody", "Somebody"],
        ["source", "edit", "Nobody", "--kind", "person"],
        ["source", "show", "Nobody"],
    ],
    ids=["alias", "edit", "show"],
)
def test_unknown_source(failing, xinhua, command):
    message = failing(*command, match="Unknown source 'Nobody'")
    assert "claims source add" in message


@pytest.mark.parametrize("verb", ["show", "alias", "edit"])
def test_unknown_source_suggests_the_close_name(failing, xinhua, verb):
    extra = {"show": [], "alias": ["Xinhua News"], "edit": ["--kind", "media"]}[verb]
    failing("source", verb, "Xinhau", *extra, match="Did you mean 'Xinhua'")


def test_show_with_empty_name(failing, xinhua):
    failing("source", "show", "  ", match="source name is empty")


def test_alias_already_used_by_another_source(failing, reuters):
    failing("source", "alias", "Reuters", "XINHUA", match="is the name of source #1")


def test_alias_batch_is_atomic(failing, reuters):
    # The first alias is new; the second is Xinhua's name: neither is added.
    failing(
        "source",
        "alias",
        "Reuters",
        "Thomson Reuters",
        "Xinhua",
        match="is the name of source #1",
    )


@pytest.mark.parametrize("alias", ["", "!!!"])
def test_alias_without_letters(failing, xinhua, alias):
    failing("source", "alias", "Xinhua", alias, match="alias is empty")


def test_alias_that_is_already_its_own_is_skipped(cli, xinhua):
    result = cli("source", "alias", "Xinhua", "xinhua", "New China News Agency")
    assert result.exit_code == 0, result.output
    assert "0 alias(es) added" in result.stderr


def test_edit_with_bad_kind(failing, xinhua):
    failing("source", "edit", "Xinhua", "--kind", "wizard", match="Unknown source kind 'wizard'")


def test_list_with_bad_kind(failing, xinhua):
    failing("source", "list", "--kind", "wizard", match="Unknown source kind 'wizard'")


# --- values the database cannot hold --------------------------------------------------------


@pytest.mark.parametrize(
    "command, match",
    [
        (["source", "add", "n" * 301], "at most 300"),
        (["source", "add", "Reuters", "--country", "c" * 81], "at most 80"),
        (["source", "add", "Reuters", "--alias", "a" * 301], "at most 300"),
        (["source", "alias", "Xinhua", "a" * 301], "at most 300"),
        (
            ["source", "edit", "Xinhua", "--url", "https://example.com/" + "p" * 2000],
            "at most 2000",
        ),
    ],
    ids=["name", "country", "add-alias", "alias", "edit-url"],
)
def test_values_longer_than_their_column(failing, xinhua, command, match):
    """SQLite would store them and PostgreSQL raise mid-transaction: both refuse them alike."""
    failing(*command, match=match)
