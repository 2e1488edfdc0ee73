"""The seed data set loads, anchors, composes the chains it documents, and reloads as a no-op.

The seeds are the project's first real data, so these tests pin what the
curated file claims about the two articles (who carries what, on whose word)
as well as the loader's promises: idempotence, and nothing written when the
file is wrong.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claims.chains import render
from claims.db import open_session
from claims.errors import ClaimsError, InputFileError, InvalidInput
from claims.files import read_text_file
from claims.models import Appearance, Article, Base, Claim
from claims.seeds import SEEDS_FILE, SeedSummary, find_seeds_dir, load_seeds, read_seeds
from claims.services.articles import find_article_by_text
from claims.services.claims import find_claim_by_text
from tests.conftest import INQUIRER, SEEDS, UNN

ACTOR = "seed-test"
XINHUA_CLAIM = "China hopes to deepen law enforcement and security ties with Hungary."
SWEDEN_CLAIM = (
    "Hungary is the only NATO member that has not ratified Sweden's application to join the "
    "alliance."
)
INQUIRER_ONLY = (
    "Hungary is a Russian ally.",
    "On 30 January 2024 Wang Xiaohong waited at the Diaoyutai State Guesthouse in Beijing for "
    "a meeting with U.S. Deputy Homeland Security Advisor Jen Daskal.",
    "China's offer to back Hungary in security matters is an unusual move.",
)


def seed_data() -> dict:
    return json.loads((SEEDS / SEEDS_FILE).read_text(encoding="utf-8"))


def row_counts(session) -> dict[str, int]:
    return {
        table.name: session.scalar(select(func.count()).select_from(table))
        for table in Base.metadata.sorted_tables
    }


def chains_by_outlet(claim: Claim) -> dict[str, str]:
    return {
        appearance.article.publisher.name: render([hop.source.name for hop in appearance.hops])
        for appearance in claim.appearances
    }


def test_the_repository_seeds_are_found():
    assert find_seeds_dir() == SEEDS
    import claims.seeds

    assert claims.seeds.SEEDS_DIR == SEEDS


def test_the_seed_file_explains_itself_and_reads_cleanly():
    assert seed_data()["_about"].strip()
    seeds = read_seeds(SEEDS)
    assert len(seeds.claims) >= 14
    assert {a.file for a in seeds.articles} == {INQUIRER.name, UNN.name}


def test_loading_creates_claims_articles_and_anchored_appearances(session):
    summary = load_seeds(session, actor=ACTOR)

    counts = row_counts(session)
    assert counts["claims"] >= 12
    assert counts["articles"] == 2
    assert summary.claims_created == counts["claims"]
    assert summary.appearances_created == counts["appearances"]
    assert summary.sources_created == counts["sources"]
    appearances = session.scalars(select(Appearance)).all()
    assert appearances
    for appearance in appearances:
        text = appearance.article.text
        assert appearance.quote == text[appearance.quote_start : appearance.quote_end]
    statuses = set(session.scalars(select(Claim.status)))
    assert statuses == {"draft"}
    assert "created" in str(summary)


def test_loading_twice_changes_nothing(db_url, snapshot):
    with open_session(db_url) as session:
        first = load_seeds(session, actor=ACTOR)
    with open_session(db_url) as session:
        counts_before = row_counts(session)
    rows_before = snapshot()

    with open_session(db_url) as session:
        second = load_seeds(session, actor="someone-else")

    with open_session(db_url) as session:
        assert row_counts(session) == counts_before
    assert snapshot() == rows_before
    assert second.created == 0
    assert second.sources_present == first.sources_created
    assert second.articles_present == 2
    assert second.claims_present == first.claims_created
    assert second.appearances_present == first.appearances_created


def test_xinhua_claim_runs_from_wang_through_xinhua_and_reuters_to_each_outlet(session):
    load_seeds(session, actor=ACTOR)

    claim = find_claim_by_text(session, XINHUA_CLAIM)
    assert claim is not None
    assert chains_by_outlet(claim) == {
        "UNN": "Wang Xiaohong → Xinhua → Reuters → UNN",
        "Inquirer": "Wang Xiaohong → Xinhua → Reuters → Inquirer",
    }
    cues = {
        appearance.article.publisher.name: [(hop.cue, hop.role) for hop in appearance.hops]
        for appearance in claim.appearances
    }
    assert cues["Inquirer"] == [
        ("told", "stated"),
        ("said", "stated"),
        ("republished", "origin"),
        (None, "publisher"),
    ]
    assert cues["UNN"][1] == ("according to", "stated")
    assert cues["UNN"][2] == ("citing", "origin")


def test_what_unn_credits_to_the_newspaper_is_stated_as_reuters(session):
    load_seeds(session, actor=ACTOR)

    claim = find_claim_by_text(session, SWEDEN_CLAIM)
    assert claim is not None
    assert chains_by_outlet(claim) == {"UNN": "Reuters → UNN", "Inquirer": "Reuters → Inquirer"}
    hops = {a.article.publisher.name: a.hops for a in claim.appearances}
    assert (hops["UNN"][0].role, hops["UNN"][0].cue) == ("stated", "points out")
    assert hops["Inquirer"][0].role == "origin"


@pytest.mark.parametrize("text", INQUIRER_ONLY)
def test_claims_only_the_inquirer_carries_have_no_unn_appearance(session, text):
    load_seeds(session, actor=ACTOR)

    claim = find_claim_by_text(session, text)
    assert claim is not None
    assert {a.article.publisher.name for a in claim.appearances} == {"Inquirer"}


def test_every_claim_carried_by_both_articles_is_found_in_both(session):
    load_seeds(session, actor=ACTOR)
    articles = {
        path.name: find_article_by_text(session, read_text_file(path)) for path in (INQUIRER, UNN)
    }
    assert all(article is not None for article in articles.values())

    both = [
        entry
        for entry in seed_data()["claims"]
        if {a["article"] for a in entry["appearances"]} == set(articles)
    ]
    assert len(both) >= 12
    for entry in both:
        claim = find_claim_by_text(session, entry["text"])
        assert claim is not None, entry["text"]
        carried = {appearance.article_id for appearance in claim.appearances}
        assert carried == {article.id for article in articles.values()}, entry["text"]


def _seeds_copy(tmp_path: Path, edit) -> Path:
    """A seeds folder with the real articles and an edited claims.json."""
    for path in (INQUIRER, UNN):
        shutil.copy(path, tmp_path / path.name)
    data = seed_data()
    edit(data)
    (tmp_path / SEEDS_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def _drop(key):
    return lambda data: data.pop(key)


def _unknown_article(data):
    data["claims"][0]["appearances"][0]["article"] = "999_missing.txt"


def _quote_not_in_article(data):
    # The last claim fails, after everything before it would have been written.
    data["claims"][-1]["appearances"][0]["quote"] = "Wang Xiaohong waits for Godot"


def _unknown_chain_source(data):
    data["claims"][3]["appearances"][0]["chain"] = "Wang Xiaohong > Xinhau"


def _misspelt_key(data):
    data["claims"][1]["appearances"][0]["ocurrence"] = 1


def _ambiguous_quote(data):
    del data["claims"][1]["appearances"][0]["occurrence"]


def _country_named(data):
    data["sources"][0]["country"] = "Hungary"


@pytest.mark.parametrize(
    ("edit", "error", "match"),
    [
        (_drop("claims"), InvalidInput, "has no 'claims'"),
        (_country_named, InvalidInput, "alpha-2 code such as HU"),
        (_unknown_article, InvalidInput, "999_missing.txt"),
        (_quote_not_in_article, InvalidInput, "not found"),
        (_unknown_chain_source, InvalidInput, "Xinhau"),
        (_misspelt_key, InvalidInput, "ocurrence"),
        (_ambiguous_quote, InvalidInput, "occurs 3 times"),
    ],
)
def test_a_malformed_seeds_file_raises_and_writes_nothing(session, tmp_path, edit, error, match):
    seeds_dir = _seeds_copy(tmp_path, edit)

    with pytest.raises(error, match=match) as raised:
        load_seeds(session, actor=ACTOR, seeds_dir=seeds_dir)

    assert str(tmp_path / SEEDS_FILE) in str(raised.value)
    assert set(row_counts(session).values()) == {0}


def test_broken_json_and_a_missing_file_raise_file_errors(session, tmp_path):
    with pytest.raises(InputFileError, match="No claims.json"):
        load_seeds(session, actor=ACTOR, seeds_dir=tmp_path)
    (tmp_path / SEEDS_FILE).write_text('{"sources": [', encoding="utf-8")
    with pytest.raises(InputFileError, match="not valid JSON: .* line 1"):
        load_seeds(session, actor=ACTOR, seeds_dir=tmp_path)
    assert set(row_counts(session).values()) == {0}


def test_a_refusal_from_the_services_rolls_back_the_whole_load(session, tmp_path):
    # "Orbán" is already the name of another source: caught only when writing, half-way.
    from claims.services.sources import add_source

    add_source(session, name="Orbán", kind="other", actor=ACTOR)
    before = row_counts(session)
    seeds_dir = _seeds_copy(tmp_path, lambda data: None)

    with pytest.raises(ClaimsError, match="is the name of source"):
        load_seeds(session, actor=ACTOR, seeds_dir=seeds_dir)

    assert row_counts(session) == before


def test_a_lower_case_country_code_is_taken_as_sources_take_it(session, tmp_path):
    """The seeds check a country as `claims source add` does: "hu" is HU, not refused."""

    def lower_case(data):
        data["sources"][0]["country"] = "hu"

    load_seeds(session, actor=ACTOR, seeds_dir=_seeds_copy(tmp_path, lower_case))
    from claims.models import Source

    name = seed_data()["sources"][0]["name"]
    assert session.scalar(select(Source.country).where(Source.name == name)) == "HU"


def test_a_status_in_the_seeds_is_reached_through_review(session, tmp_path):
    def approve_first(data):
        data["claims"][0]["status"] = "approved"

    load_seeds(session, actor=ACTOR, seeds_dir=_seeds_copy(tmp_path, approve_first))

    claim = find_claim_by_text(session, seed_data()["claims"][0]["text"])
    assert claim.status == "approved"
    assert [r.decision for r in claim.reviews] == ["submitted", "approved"]
    others = session.scalars(select(Claim.status).where(Claim.id != claim.id))
    assert set(others) == {"draft"}


def test_summary_counts_read_as_a_sentence():
    summary = SeedSummary(claims_created=2, claims_present=1)
    assert summary.created == 2
    assert "2 claims" in str(summary) and "already present" in str(summary)


def test_articles_keep_their_outlet_origin_and_cue(session):
    load_seeds(session, actor=ACTOR)

    articles = {a.publisher.name: a for a in session.scalars(select(Article))}
    assert (articles["UNN"].origin.name, articles["UNN"].origin_cue) == ("Reuters", "citing")
    assert articles["Inquirer"].origin.name == "Reuters"
    assert articles["Inquirer"].title.startswith("In unusual move")
    assert {str(a.published) for a in articles.values()} == {"2024-02-19"}


def test_the_caption_carrying_a_curated_claim_stays_though_the_rules_would_cut_it(session):
    """The Inquirer's photo caption is debris to the rules, but a seed claim quotes it."""
    from claims.cleaning import clean_text

    load_seeds(session, actor=ACTOR)
    article = find_article_by_text(session, read_text_file(INQUIRER))
    caption = next(
        cut.text for cut in clean_text(article.raw_text).removed if cut.reason == "photo caption"
    )
    assert caption.endswith("Ng Han Guan/Pool via REUTERS")
    assert caption in article.text
    assert "photo caption" not in {cut["reason"] for cut in article.removed}
    claim = find_claim_by_text(session, INQUIRER_ONLY[1])
    (appearance,) = claim.appearances
    assert appearance.quote in caption


def test_an_empty_database_has_nothing_already_present(session):
    """Seed aliases that only respell the name ("Viktor Orbán") are not aliases present."""
    summary = load_seeds(session, actor=ACTOR)

    present = [f for f in vars(summary) if f.endswith("_present") and getattr(summary, f)]
    assert present == []
    again = load_seeds(session, actor=ACTOR)
    assert again.created == 0
    assert again.aliases_present == summary.aliases_created


def test_seeding_after_entering_a_seed_appearance_by_hand_adds_no_overlapping_one(session):
    """The README's first session records claim 1 in UNN's article with a shorter quotation;
    the seeds then count that appearance as present instead of adding a second one."""
    from claims.services.appearances import add_appearance
    from claims.services.articles import add_article
    from claims.services.claims import add_claim
    from claims.services.sources import add_source

    add_source(session, name="Reuters", kind="news_agency", actor=ACTOR)
    article = add_article(
        session,
        text=read_text_file(UNN),
        outlet="UNN",
        origin="Reuters",
        origin_cue="citing",
        create_sources=True,
        actor=ACTOR,
    )
    claim = add_claim(session, text=XINHUA_CLAIM, actor=ACTOR)
    add_appearance(
        session,
        claim_id=claim.id,
        article_id=article.id,
        quote=XINHUA_CLAIM.rstrip("."),
        actor=ACTOR,
    )

    summary = load_seeds(session, actor=ACTOR)

    assert summary.appearances_present == 1
    assert [a.article_id for a in claim.appearances].count(article.id) == 1


def test_a_seed_source_renamed_since_is_found_by_its_old_name(session):
    from claims.services.sources import find_source_by_name, update_source

    load_seeds(session, actor=ACTOR)
    update_source(
        session, find_source_by_name(session, "Xinhua"), name="Xinhua News Agency", actor=ACTOR
    )

    summary = load_seeds(session, actor=ACTOR)

    assert summary.created == 0
    assert summary.sources_present == len(seed_data()["sources"])
