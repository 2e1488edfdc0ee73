"""``claims source ...`` with bad input: one clear line, exit 1 (2 for a misused option),
nothing stored."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.models import AuditEntry, DriftFinding
from tests.test_cli_truth import usage_error


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


@pytest.mark.parametrize("name", ["New China News Agency", "new china news-agency"])
def test_add_name_that_is_another_sources_alias(cli, failing, xinhua, name):
    # A name wins lookups over aliases: as a new source's name, the alias would take over
    # every chain that names it. Refused, and the spelling still finds Xinhua.
    message = failing("source", "add", name, match="is an alias of source #1 Xinhua")
    assert "use that source" in message
    shown = cli("source", "show", "new china news agency", "--format", "json")
    assert '"id": 1' in shown.stdout


def test_add_name_that_sources_share_as_an_alias(cli, failing, xinhua):
    for step in (
        ("source", "add", "Wang Xiaohong", "--kind", "person", "--alias", "Wang"),
        ("source", "add", "Wang Yi", "--kind", "person", "--alias", "Wang"),
    ):
        assert cli(*step).exit_code == 0
    failing("source", "add", "Wang", match="alias of sources #2 Wang Xiaohong, #3 Wang Yi")


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


@pytest.mark.parametrize("name", ["#12", "#-1", "#1x", "# 7"])
def test_add_a_name_that_looks_like_a_reference(failing, xinhua, name):
    failing("source", "add", name, match="reference")


@pytest.mark.parametrize("name", ["#-1", "#1x"])
def test_an_outlet_like_a_mistyped_reference_is_not_created(failing, tmp_path, name):
    text = tmp_path / "a.txt"
    text.write_text("The mayor said the bridge would close.\n")
    failing("article", "add", str(text), "--outlet", name, "--create-sources", match="reference")


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
def test_add_with_bad_kind(cli, snapshot, kind):
    """A value outside an option's choices is a usage error (exit 2)."""
    message = usage_error(
        cli, snapshot, "source", "add", "Reuters", "--kind", kind, match="Unknown source kind"
    )
    assert "news_agency" in message


def test_add_with_empty_alias(failing):
    failing("source", "add", "Reuters", "--alias", "  ", match="alias is empty")


CHAIN_SYNTAX = ["A>B", "Left -> Right", "Left \u2192 Right", "Q [x]", "Q]", "[Q"]


@pytest.mark.parametrize("name", CHAIN_SYNTAX)
def test_add_name_the_chain_syntax_cannot_carry(failing, name):
    # Such a name could not be typed in a chain, and `claims export` could not write it.
    failing("source", "add", name, match="square bracket, which chains use")


@pytest.mark.parametrize("alias", CHAIN_SYNTAX)
def test_alias_the_chain_syntax_cannot_carry(failing, xinhua, alias):
    failing("source", "alias", "Xinhua", alias, match=f"The alias {alias!r} holds")
    failing("source", "add", "Reuters", "--alias", alias, match=f"The alias {alias!r} holds")


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


@pytest.mark.parametrize(
    "command",
    [
        ["source", "show", "Nobody"],
        ["source", "edit", "Nobody", "--kind", "person"],
        ["source", "merge", "Nobody", "Xinhua"],
        ["article", "list", "--outlet", "Nobody"],
        ["claim", "list", "--outlet", "Nobody"],
        ["sql", "-q", "chains-through", "-p", "source=Nobody"],
    ],
    ids=["show", "edit", "merge", "article-list", "claim-list", "sql"],
)
def test_unknown_source_hint_offers_only_what_the_command_has(failing, xinhua, command):
    # None of these commands takes --create-sources: the hint must not send people to it.
    message = failing(*command, match="Unknown source 'Nobody'")
    assert "--create-sources" not in message
    assert "claims source add" in message


def test_bare_number_is_not_taken_for_an_id(failing, xinhua):
    failing("source", "show", "1", match="For source number 1, write #1")


@pytest.mark.parametrize("verb", ["show", "alias", "edit"])
def test_unknown_source_suggests_the_close_name(failing, xinhua, verb):
    extra = {"show": [], "alias": ["Xinhua News"], "edit": ["--kind", "media"]}[verb]
    failing("source", verb, "Xinhau", *extra, match="Did you mean 'Xinhua'")


def test_a_close_name_offers_each_source_once(cli, failing, xinhua):
    assert cli("source", "alias", "Xinhua", "Xinhua News").exit_code == 0
    assert cli("source", "add", "Xinhai", "--kind", "person").exit_code == 0
    message = failing("source", "show", "Xinhau", match="Did you mean 'Xinhua'")
    assert "'Xinhua News'" not in message and "'Xinhai'" in message


@pytest.fixture
def newsroom_sources(cli):
    for name, kind in [("NATO", "organisation"), ("Xinhua", "news_agency"),
                       ("Wang Xiaohong", "person"), ("Viktor Orbán", "person")]:  # fmt: skip
        assert cli("source", "add", name, "--kind", kind).exit_code == 0


@pytest.mark.parametrize("name", ["Nobody", "A", "Xi", "Angela Merkel", "Bob"])
def test_an_unrelated_name_is_offered_nothing(failing, newsroom_sources, name):
    """A letter of "Xinhua", or "Nobody" a little like "NATO", is no typo of either."""
    message = failing("source", "show", name, match=f"Unknown source {name!r}.")
    assert "Did you mean" not in message


@pytest.mark.parametrize(
    ("name", "offered"),
    [("Xinhau", "Xinhua"), ("Wang", "Wang Xiaohong"), ("Orban", "Viktor Orbán"),
     ("Wang Xiaohng", "Wang Xiaohong")],
)  # fmt: skip
def test_a_typo_or_part_of_a_name_is_still_offered_it(failing, newsroom_sources, name, offered):
    failing("source", "show", name, match=f"Did you mean {offered!r}?")


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


# --- source edit --name ----------------------------------------------------------------------


def test_rename_keeps_the_old_name_as_an_alias(cli, db_url, xinhua):
    result = cli("source", "edit", "Xinhua", "--name", "Xinhua News Agency")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1"
    for spelling in ("Xinhua", "xinhua news agency", "#1", "New China News Agency"):
        shown = cli("source", "show", spelling, "--format", "json")
        assert '"name": "Xinhua News Agency"' in shown.stdout, spelling
    with open_session(db_url, write=False) as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "sources", AuditEntry.action == "update")
        ).one()
        assert (entry.before_values["name"], entry.after_values["name"]) == (
            "Xinhua",
            "Xinhua News Agency",
        )


def test_rename_to_a_spelling_of_its_own(cli, xinhua):
    result = cli("source", "edit", "Xinhua", "--name", "New China News Agency")
    assert result.exit_code == 0, result.output
    shown = cli("source", "show", "xinhua", "--format", "json")
    assert '"name": "New China News Agency"' in shown.stdout


@pytest.mark.parametrize(
    "name, match",
    [
        ("XINHUA", "exists already as #1"),
        ("New China News Agency", "is an alias of source #1 Xinhua"),
        ("Reuters > AP", "square bracket"),
        ("", "source name is empty"),
        ("#4", "reference"),
    ],
)
def test_rename_refused(failing, reuters, name, match):
    message = failing("source", "edit", "Reuters", "--name", name, match=match)
    if "exists already" in match:
        assert "claims source merge" in message  # the same source twice: merge them


def test_rename_mends_a_stored_name_the_chain_syntax_cannot_carry(cli, failing, db_url):
    """A source named before names were checked stops `claims export`; renaming it mends it,
    and the old spelling still finds it."""
    from claims.chains import StatedHop
    from claims.services.appearances import add_appearance
    from claims.services.articles import add_article
    from claims.services.claims import add_claim
    from claims.services.sources import add_source
    from tests.legacy_data import unchecked_source

    with open_session(db_url) as session:
        add_source(session, name="Daily Paper", kind="outlet", actor="t")
        legacy = unchecked_source(session, "Left > Right Institute")
        text = "The dam is safe, the institute said."
        article = add_article(session, text=text, outlet="Daily Paper", actor="t")
        claim = add_claim(session, text="The dam is safe.", actor="t")
        session.flush()
        add_appearance(
            session,
            claim_id=claim.id,
            article_id=article.id,
            quote="The dam is safe",
            chain=[StatedHop("Left > Right Institute", "said")],
            actor="t",
        )
        legacy_id = legacy.id
    failing("export", match="cannot be written in the chain syntax")
    result = cli("source", "edit", "Left > Right Institute", "--name", "Left-Right Institute")
    assert result.exit_code == 0, result.output
    exported = cli("export")
    assert exported.exit_code == 0, exported.output
    assert "Left-Right Institute [said]" in exported.stdout
    shown = cli("source", "show", "Left > Right Institute", "--format", "json")
    assert f'"id": {legacy_id}' in shown.stdout


def test_rename_recomputes_drift_that_quotes_the_name(cli, db_url):
    """Stored findings quote chain sources by name: a renamed source's are written anew."""
    from tests.test_source_merge import build_desk

    with open_session(db_url) as session:
        claim, _, _ = build_desk(session)
    result = cli("source", "edit", "Xinhau", "--name", "Xinhua Bureau")
    assert result.exit_code == 0, result.output
    with open_session(db_url, write=False) as session:
        texts = session.query(DriftFinding.before_text, DriftFinding.after_text).filter(
            DriftFinding.claim_id == claim
        )
        quoted = " ".join(f"{before} {after}" for before, after in texts)
    assert "Xinhua Bureau" in quoted and "Xinhau" not in quoted, quoted


def test_edit_with_bad_kind(cli, snapshot, xinhua):
    usage_error(
        cli, snapshot, "source", "edit", "Xinhua", "--kind", "wizard", match="kind 'wizard'"
    )


def test_list_with_bad_kind(cli, snapshot, xinhua):
    usage_error(cli, snapshot, "source", "list", "--kind", "wizard", match="kind 'wizard'")


# --- values the database cannot hold --------------------------------------------------------


@pytest.mark.parametrize(
    "command, match",
    [
        (["source", "add", "n" * 301], "at most 300"),
        (["source", "add", "Reuters", "--country", "c" * 81], "ISO 3166-1 alpha-2"),
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


@pytest.mark.parametrize("country", ["Hungary", "not a country code", "H", "H1"])
def test_a_country_is_a_two_letter_code(failing, country):
    failing("source", "add", "Magyar Nemzet", "--country", country, match="ISO 3166-1 alpha-2")


def test_a_country_code_is_stored_upper_cased(cli, xinhua):
    assert cli("source", "edit", "Xinhua", "--country", "cn").exit_code == 0
    shown = cli("source", "show", "Xinhua", "--format", "json")
    assert '"country": "CN"' in shown.stdout


def test_edit_without_anything_to_change(cli, failing, xinhua):
    failing("source", "edit", "Xinhua", match="Nothing to change: give --name")


def test_list_with_an_empty_kind_is_refused_not_unfiltered(cli, snapshot, xinhua):
    usage_error(cli, snapshot, "source", "list", "--kind", "", match="Unknown source kind ''")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "not a url at all"])
def test_a_source_s_url_is_a_web_address_as_an_article_s(failing, xinhua, url):
    failing("source", "edit", "Xinhua", "--url", url, match="or a domain (reuters.com)")
    failing("source", "add", "Tass", "--kind", "news_agency", "--url", url, match="Bad URL")


def test_a_source_s_url_may_be_its_domain(cli, xinhua):
    assert cli("source", "edit", "Xinhua", "--url", "news.cn").exit_code == 0


def test_a_name_with_a_control_character_is_refused(failing):
    failing("source", "add", "Ctrl\x01Name", "--kind", "person", match="control character (U+0001)")
