"""``claims source merge``: a duplicate source becomes the other, everything it named moves."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.models import (
    Appearance,
    Article,
    AuditEntry,
    ChainHop,
    DriftFinding,
    Source,
    Suggestion,
)
from claims.services.appearances import add_appearance, set_chain
from claims.services.articles import add_article
from claims.services.claims import add_claim
from claims.services.source_merge import merge_sources
from claims.services.sources import add_aliases, add_source, find_source
from claims.suggestions.proposal import Proposal

ACTOR = "merge-test"
PAPER_TEXT = "The port will open in May, Xinhua said. Other news follows."
SITE_TEXT = "The port will open in May, Xinhau said. More text follows."


def chain(session, appearance_id: int) -> list[tuple[int, str, str | None, str]]:
    """(position, source name, cue, role) of each hop, as stored."""
    rows = session.execute(
        select(ChainHop.position, Source.name, ChainHop.cue, ChainHop.role)
        .join(Source, Source.id == ChainHop.source_id)
        .where(ChainHop.appearance_id == appearance_id)
        .order_by(ChainHop.position)
    )
    return [tuple(row) for row in rows]


def sources(session) -> dict[str, Source]:
    return {source.name: source for source in session.scalars(select(Source))}


def build_desk(session) -> tuple[int, int, int]:
    """One claim printed by a paper citing Xinhua and by a site citing "Xinhau", a
    misspelt duplicate of Xinhua with a spelling of its own: (claim, appearance, appearance)."""
    for name, kind in [
        ("Paper", "outlet"),
        ("Site", "outlet"),
        ("Xinhua", "news_agency"),
        ("Xinhau", "news_agency"),
        ("Ministry", "state_body"),
    ]:
        add_source(session, name=name, kind=kind, actor=ACTOR)
    add_aliases(session, find_source(session, "Xinhau"), ["Xin-hau Agency"], actor=ACTOR)
    paper = add_article(
        session, text=PAPER_TEXT, outlet="Paper", published="2024-03-01", actor=ACTOR
    )
    site = add_article(session, text=SITE_TEXT, outlet="Site", published="2024-03-02", actor=ACTOR)
    claim = add_claim(session, text="The port opens in May.", actor=ACTOR).id
    session.flush()
    first = add_appearance(
        session,
        claim_id=claim,
        article_id=paper.id,
        quote="The port will open in May",
        chain="Xinhua [said]",
        actor=ACTOR,
    )
    second = add_appearance(
        session,
        claim_id=claim,
        article_id=site.id,
        quote="The port will open in May",
        chain="Xinhau [said]",
        actor=ACTOR,
    )
    return claim, first.id, second.id


@pytest.fixture
def desk(session):
    return build_desk(session)


def proposal_row(article_id: int, quote: tuple[int, int], hops: list[dict], key: str | None = None):
    proposal = Proposal("claim", (0, 40), "The port will open in May.", quote, False, hops)
    return Suggestion(
        article_id=article_id,
        kind="claim",
        key=key or proposal.key,
        sentence_start=0,
        sentence_end=40,
        claim_text=proposal.claim_text,
        quote_start=quote[0],
        quote_end=quote[1],
        quoted=False,
        chain=hops,
        confidence=0.8,
        rule="pre",
        created_by=ACTOR,
    )


def test_drift_names_the_merge_command(session, desk):
    claim, _, _ = desk
    details = session.scalars(
        select(DriftFinding.detail).where(
            DriftFinding.claim_id == claim, DriftFinding.kind == "names"
        )
    ).all()
    assert any("`claims source merge`" in detail for detail in details), details


def test_merge_moves_chains_and_spellings_and_deletes_the_duplicate(session, desk):
    claim, first, second = desk
    known = sources(session)
    duplicate_id, xinhua = known["Xinhau"].id, known["Xinhua"]
    merged = merge_sources(session, known["Xinhau"], xinhua, actor=ACTOR)
    session.flush()

    assert session.get(Source, duplicate_id) is None
    assert chain(session, second) == [
        (0, "Xinhua", "said", "stated"),
        (1, "Site", None, "publisher"),
    ]
    assert chain(session, first)[0] == (0, "Xinhua", "said", "stated")
    # The duplicate's name and spellings now find Xinhua: old chains and texts still resolve.
    for spelling in ("Xinhau", "xin hau agency", "Xinhua"):
        assert find_source(session, spelling).id == xinhua.id
    assert merged.appearances == [second] and merged.hops == 1
    assert sorted(merged.aliases) == ["Xin-hau Agency", "Xinhau"]
    # The findings are recomputed: one source now, so no "look like one" finding.
    findings = session.execute(
        select(DriftFinding.kind, DriftFinding.source_id).where(DriftFinding.claim_id == claim)
    ).all()
    assert all(kind != "names" for kind, _ in findings), findings
    assert all(source_id != duplicate_id for _, source_id in findings)


def test_merge_is_one_audit_entry_saying_what_moved(session, desk):
    _, _, second = desk
    known = sources(session)
    duplicate_id = known["Xinhau"].id
    before = session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    merge_sources(session, known["Xinhau"], known["Xinhua"], actor=ACTOR)
    session.flush()
    entries = session.scalars(select(AuditEntry).where(AuditEntry.id > before)).all()
    assert [(e.action, e.entity, e.entity_id) for e in entries] == [
        ("merge", "sources", duplicate_id)
    ]
    entry = entries[0]
    assert entry.actor == ACTOR
    assert entry.before_values["name"] == "Xinhau"
    assert entry.after_values["into_id"] == known["Xinhua"].id
    assert entry.after_values["appearances"] == [second]
    assert "Xin-hau Agency" in entry.after_values["aliases"]


def test_repeated_hop_becomes_one_and_positions_stay_in_order(session, desk):
    _, _, second = desk
    known = sources(session)

    appearance = session.get(Appearance, second)
    set_chain(
        session, appearance, "Ministry [told] > Xinhau [said] > Xinhua [reported]", actor=ACTOR
    )
    merged = merge_sources(session, known["Xinhau"], known["Xinhua"], actor=ACTOR)
    session.flush()
    session.expire_all()
    assert chain(session, second) == [
        (0, "Ministry", "told", "stated"),
        (1, "Xinhua", "said", "stated"),  # the upstream hop of the two stays
        (2, "Site", None, "publisher"),
    ]
    assert merged.collapsed == {
        second: {
            "before": "Ministry \u2192 Xinhau \u2192 Xinhua \u2192 Site",
            "after": "Ministry \u2192 Xinhua \u2192 Site",
        }
    }


def test_publisher_and_origin_move_and_an_origin_equal_to_its_publisher_goes(session):
    for name, kind in [
        ("Herald", "outlet"),
        ("The Herald Daily", "outlet"),
        ("Wire", "news_agency"),
    ]:
        add_source(session, name=name, kind=kind, actor=ACTOR)
    own = add_article(
        session, text="Rain is due on Friday, forecasters said.", outlet="Herald", actor=ACTOR
    )
    copied = add_article(
        session,
        text="Snow is due on Monday, forecasters said.",
        outlet="Wire",
        origin="The Herald Daily",
        origin_cue="citing",
        actor=ACTOR,
    )
    rewritten = add_article(
        session,
        text="Hail is due on Sunday, forecasters said.",
        outlet="The Herald Daily",
        origin="Herald",
        origin_cue="citing",
        actor=ACTOR,
    )
    claim = add_claim(session, text="Weather is due.", actor=ACTOR).id
    session.flush()
    appearance = add_appearance(
        session,
        claim_id=claim,
        article_id=rewritten.id,
        quote="Hail is due on Sunday",
        actor=ACTOR,
    )
    assert [hop[1:] for hop in chain(session, appearance.id)] == [
        ("Herald", "citing", "origin"),
        ("The Herald Daily", None, "publisher"),
    ]
    known = sources(session)
    merged = merge_sources(session, known["The Herald Daily"], known["Herald"], actor=ACTOR)
    session.flush()
    session.expire_all()
    herald = known["Herald"].id
    assert session.get(Article, copied.id).origin_id == herald
    assert session.get(Article, own.id).publisher_id == herald
    article = session.get(Article, rewritten.id)
    assert (article.publisher_id, article.origin_id, article.origin_cue) == (herald, None, None)
    # Origin and publisher are one now: the chain keeps the publisher's hop.
    assert chain(session, appearance.id) == [(0, "Herald", None, "publisher")]
    assert merged.publisher_of == [rewritten.id]
    assert merged.origin_of == [copied.id]
    assert merged.origin_cleared == [rewritten.id]


def test_proposals_naming_the_duplicate_name_the_source_that_stays(session, desk):
    known = sources(session)
    duplicate, xinhua = known["Xinhau"], known["Xinhua"]
    article_id = session.scalar(select(Article.id).where(Article.publisher_id == known["Site"].id))
    hops = [
        {"name": "Ministry", "source_id": known["Ministry"].id, "cue": "told", "surface": "it"},
        {"name": "Xinhau", "source_id": duplicate.id, "cue": "said", "surface": "Xinhau"},
        {"name": "Xinhua", "source_id": xinhua.id, "cue": "reported", "surface": "Xinhua"},
    ]
    row = proposal_row(article_id, (0, 25), hops)
    other = proposal_row(article_id, (30, 35), hops[:1], key="x" * 64)
    session.add_all([row, other])
    session.flush()
    merged = merge_sources(session, duplicate, xinhua, actor=ACTOR)
    session.flush()
    session.expire_all()
    row = session.get(Suggestion, row.id)
    assert [(hop["name"], hop["source_id"], hop["cue"]) for hop in row.chain] == [
        ("Ministry", known["Ministry"].id, "told"),
        ("Xinhua", xinhua.id, "said"),  # the repeat after it is gone
    ]
    # Proposing the article again finds the proposal under its new key.
    assert (
        row.key
        == Proposal("claim", (0, 40), "The port will open in May.", (0, 25), False, row.chain).key
    )
    assert merged.suggestions == [row.id]
    assert session.get(Suggestion, other.id).key == "x" * 64


# --- from the command line ------------------------------------------------------------------


@pytest.fixture
def newsroom(db_url):
    """The desk, committed, for commands that run in their own transaction."""
    with open_session(db_url) as session:
        ids = build_desk(session)
        known = {name: source.id for name, source in sources(session).items()}
    return ids, known


def test_cli_merge_by_name_and_id(cli, db_url, newsroom):
    (_, _, second), known = newsroom
    result = cli("source", "merge", "Xinhau", f"#{known['Xinhua']}")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(known["Xinhua"])
    assert f"Source #{known['Xinhau']} (Xinhau) merged into #{known['Xinhua']} (Xinhua)" in (
        result.stderr
    )
    assert "1 chain hop(s) in 1 appearance(s)" in result.stderr
    shown = cli("source", "show", "xin hau agency", "--format", "json")
    assert f'"id": {known["Xinhua"]}' in shown.stdout
    with open_session(db_url, write=False) as session:
        assert chain(session, second)[0] == (0, "Xinhua", "said", "stated")


def test_cli_merge_into_itself(failing, newsroom):
    _, known = newsroom
    failing("source", "merge", "Xinhua", f"#{known['Xinhua']}", match="into itself")


def test_cli_merge_that_would_make_a_cycle_is_refused_whole(cli, failing, db_url, newsroom):
    (_, first, second), known = newsroom
    for appearance, stated in [(first, "Xinhau [said] > Ministry [told] > Xinhua [reported]")]:
        result = cli("appearance", "chain", str(appearance), stated)
        assert result.exit_code == 0, result.output
    message = failing("source", "merge", "Xinhau", "Xinhua", match="a cycle")
    assert f"#{first} (Xinhua \u2192 Ministry \u2192 Xinhua \u2192 Paper)" in message
    assert f"#{second}" not in message  # its chain merges cleanly: not listed
    assert "claims appearance chain" in message


@pytest.mark.parametrize(
    "names, match",
    [
        (["Nobody", "Xinhua"], "Unknown source 'Nobody'"),
        (["Xinhau", "Nobody"], "Unknown source 'Nobody'"),
        (["#99", "Xinhua"], "No source #99"),
        (["Xinhau", "3"], "write #3"),
    ],
)
def test_cli_merge_with_unknown_source(failing, newsroom, names, match):
    message = failing("source", "merge", *names, match=match)
    assert "--create-sources" not in message


@pytest.fixture
def agencies(cli, newsroom):
    """The desk with Reuters (a news agency) and a minister (a person), and Xinhua merged
    into Reuters: "Xinhua" is now an alias of Reuters."""
    _, known = newsroom
    for name, kind in [("Reuters", "news_agency"), ("Wang Xiaohong", "person")]:
        added = cli("source", "add", name, "--kind", kind, "--format", "json")
        assert added.exit_code == 0, added.output
        known[name] = json.loads(added.stdout)["id"]
    merged = cli("source", "merge", "Xinhua", "Reuters")
    assert merged.exit_code == 0, merged.output
    return known


def test_a_name_merged_into_another_source_is_not_that_source_to_merge(failing, agencies):
    reuters = agencies["Reuters"]
    message = failing("source", "merge", "Xinhua", "Wang Xiaohong")
    assert message == (
        f"Error: Xinhua is an alias of Reuters (#{reuters}, a news agency), not a source's own "
        "name: the merge would merge Reuters itself into Wang Xiaohong; give its name, "
        f"Reuters (or #{reuters}), to confirm."
    )


def test_a_source_to_merge_into_is_named_as_itself(failing, cli, agencies):
    assert cli("source", "alias", "Reuters", "Thomson Reuters").exit_code == 0
    message = failing("source", "merge", "Xinhau", "Thomson Reuters")
    assert message.endswith(
        f"give its name, Reuters (or #{agencies['Reuters']}), to merge into it."
    ), message


def test_two_spellings_of_one_source_are_nothing_to_merge(failing, agencies):
    message = failing("source", "merge", "Xinhua", "Reuters")
    assert message == (
        f"Error: Xinhua is a spelling of Reuters (#{agencies['Reuters']}) already: the two "
        "names are one source; nothing to merge."
    )


def test_a_name_in_other_letters_or_the_id_names_the_source_itself(cli, agencies):
    """What the README does, `claims source merge Xinhau Xinhua`, case and accents aside."""
    result = cli("source", "merge", "XINHAU", f"#{agencies['Reuters']}")
    assert result.exit_code == 0, result.output
    assert "Merge them?" not in result.stderr


@pytest.mark.parametrize(
    "answer, merged",
    [(None, False), ("n\n", False), ("y\n", True)],
    ids=["no answer", "no", "yes"],
)
def test_sources_of_two_kinds_are_merged_once_confirmed(cli, snapshot, agencies, answer, merged):
    before = snapshot()
    result = cli("source", "merge", "Reuters", "Wang Xiaohong", input=answer)
    question = (
        "Reuters is a news agency and Wang Xiaohong a person: merged, they are one source, "
        "Wang Xiaohong, a person. Merge them?"
    )
    assert question in result.stderr, result.output
    if merged:
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() == str(agencies["Wang Xiaohong"])
        return
    assert result.exit_code == 1, result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last == (
        "Error: No answer: nothing changed; give --yes to confirm without asking."
        if answer is None
        else "Nothing changed."
    )
    assert snapshot() == before


def test_yes_merges_sources_of_two_kinds_without_asking(cli, agencies):
    result = cli("source", "merge", "Ministry", "Reuters", "--yes")
    assert result.exit_code == 0, result.output
    assert "Merge them?" not in result.stderr


def test_a_source_of_no_known_kind_is_merged_without_asking(cli, agencies):
    assert cli("source", "add", "Reuters Desk").exit_code == 0  # kind other
    result = cli("source", "merge", "Reuters Desk", "Reuters")
    assert result.exit_code == 0, result.output
    assert "Merge them?" not in result.stderr


def test_a_merge_waiting_on_another_finds_its_source_gone(db_url):
    """Two merges of one duplicate at once (PostgreSQL, where both can run): the second
    waits for the first's locks, then says the source went, instead of a key violation."""
    import threading

    from claims.errors import NotFound

    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite lets one writer in at a time: the second merge starts after")
    with open_session(db_url) as setup:
        build_desk(setup)
        add_source(setup, name="Agency", kind="news_agency", actor=ACTOR)
    outcome: list[BaseException | None] = []
    with open_session(db_url) as first:
        named = sources(first)
        merge_sources(first, named["Xinhau"], named["Xinhua"], actor=ACTOR)

        def second() -> None:
            try:
                with open_session(db_url) as late:
                    named = sources(late)
                    merge_sources(late, named["Xinhau"], named["Agency"], actor=ACTOR)
                outcome.append(None)
            except BaseException as error:  # noqa: BLE001 - reported to the test
                outcome.append(error)

        waiting = threading.Thread(target=second)
        waiting.start()
        waiting.join(timeout=1)  # it blocks on the first merge's locks
        assert waiting.is_alive()
    waiting.join(timeout=60)
    assert len(outcome) == 1 and isinstance(outcome[0], NotFound), outcome
    assert "merged or deleted meanwhile" in str(outcome[0])
