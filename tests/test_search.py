"""Full-text search over claims and quotations, on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from claims import migrations
from claims.db import open_session
from claims.errors import InvalidInput
from claims.search import fts5_query, is_search_object, search_claims, search_words
from claims.seeds import load_seeds
from claims.services.appearances import add_appearance, delete_appearance, get_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim, delete_claim, edit_claim, get_claim
from tests import test_migrations

ACTOR = "analyst"
empty_url = test_migrations.empty_url  # the fixture: an empty database on each backend
ARTICLE = (
    "Engineers said the new bridge over the Danube will open in May. "
    "The new bridge, the mayor said, will carry trams. "
    "Officials said exports of cheese rose five percent."
)


@pytest.fixture
def city(session):
    """Three claims: one found by its own words and a quotation, one only by its quotation."""
    article = add_article(
        session, text=ARTICLE, outlet="City Paper", create_sources=True, actor=ACTOR
    )
    bridge = add_claim(session, text="The new bridge will open in May.", actor=ACTOR)
    trams = add_claim(session, text="Trams will run across the river.", actor=ACTOR)
    exports = add_claim(session, text="Exports rose five percent.", actor=ACTOR)
    session.flush()
    for claim, quote in (
        (bridge, "the new bridge over the Danube will open in May"),
        (trams, "The new bridge, the mayor said, will carry trams"),
        (exports, "exports of cheese rose five percent"),
    ):
        add_appearance(session, claim_id=claim.id, article_id=article.id, quote=quote, actor=ACTOR)
    session.flush()
    return bridge, trams, exports


def ids(claims) -> list[int]:
    return [claim.id for claim in claims]


def test_finds_a_claim_by_the_words_of_its_quotation(session, city):
    bridge, trams, exports = city
    assert ids(search_claims(session, "danube")) == [bridge.id]
    assert ids(search_claims(session, "CHEESE percent")) == [exports.id]


def test_every_word_must_match(session, city):
    assert search_claims(session, "danube cheese") == []
    assert search_claims(session, "zeppelin") == []


def test_a_claim_matching_in_its_text_and_a_quotation_ranks_first(session, city):
    bridge, trams, _ = city
    # "bridge" is in the bridge claim's text and quotation, and in the trams claim's
    # quotation only.
    assert ids(search_claims(session, "bridge")) == [bridge.id, trams.id]
    assert ids(search_claims(session, "trams")) == [trams.id]


def test_search_combines_with_status_and_outlet(session, city):
    bridge, trams, _ = city
    assert ids(search_claims(session, "bridge", status="draft", outlet="City Paper")) == [
        bridge.id,
        trams.id,
    ]
    assert search_claims(session, "bridge", status="approved") == []


def test_search_finds_the_seeds_by_quotation(session):
    load_seeds(session, actor=ACTOR)
    session.flush()
    rows = session.execute(text("SELECT claim_id, quote FROM appearances ORDER BY id")).all()
    claim_text = dict(session.execute(text("SELECT id, text FROM claims")).all())
    # A word of some quotation that its claim's own text lacks: found only through the quote.
    for claim_id, quote in rows:
        own = set(re.findall(r"\w+", claim_text[claim_id].lower()))
        extra = [w for w in re.findall(r"[a-z]{6,}", quote.lower()) if w not in own]
        if extra:
            assert claim_id in ids(search_claims(session, extra[0]))
            return
    pytest.fail("no seed quotation has a word its claim lacks")


def fts_rowids(session, table: str, words: str) -> list[int]:
    return list(
        session.scalars(
            text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q"),
            {"q": fts5_query(words.split())},
        )
    )


def test_editing_a_claim_moves_it_in_the_index(session, city):
    bridge, _, _ = city
    edit_claim(session, bridge, text="The tunnel will open in June.", actor=ACTOR)
    session.flush()
    assert bridge.id in ids(search_claims(session, "tunnel"))
    assert bridge.id not in ids(search_claims(session, "june bridge"))
    if session.get_bind().dialect.name == "sqlite":
        assert fts_rowids(session, "claims_fts", "tunnel") == [bridge.id]
        assert fts_rowids(session, "claims_fts", "bridge") == []


def test_an_edited_quotation_is_found_by_its_new_words(session, city):
    bridge, _, _ = city
    appearance = get_claim(session, bridge.id).appearances[0]
    session.execute(
        text("UPDATE appearances SET quote = :q WHERE id = :id"),
        {"q": "the new crossing over the Rhine", "id": appearance.id},
    )
    assert ids(search_claims(session, "rhine")) == [bridge.id]
    assert search_claims(session, "danube") == []
    if session.get_bind().dialect.name == "sqlite":
        assert fts_rowids(session, "appearances_fts", "danube") == []


def test_deleted_claims_and_appearances_leave_the_index(session, city):
    bridge, trams, exports = city
    delete_appearance(session, get_appearance(session, trams.appearances[0].id), actor=ACTOR)
    delete_claim(session, get_claim(session, bridge.id), actor=ACTOR)
    # Deleted by the database's own cascade, not by the service.
    session.execute(text("DELETE FROM claims WHERE id = :id"), {"id": exports.id})
    session.flush()
    session.expire_all()
    for words in ("bridge", "danube", "mayor", "cheese", "exports"):
        assert search_claims(session, words) == [], words
    if session.get_bind().dialect.name == "sqlite":
        for table in ("claims_fts", "appearances_fts"):
            for words in ("bridge", "danube", "mayor", "cheese"):
                assert fts_rowids(session, table, words) == [], (table, words)


def test_rows_present_before_the_migration_are_indexed(empty_url):
    """Rows written before search existed are found once the migration has run."""
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    scripts = ScriptDirectory(str(migrations.script_location()))
    before_search = scripts.get_revision("0002").down_revision
    migrations.upgrade(empty_url, before_search)
    engine = create_engine(empty_url)
    now = "2024-02-19 00:00:00"
    try:
        with engine.begin() as connection:
            for statement in (
                "INSERT INTO sources (id, name, kind, created_by, created_at) "
                "VALUES (1, 'City Paper', 'outlet', 'a', :now)",
                "INSERT INTO articles (id, publisher_id, text, sha256, created_by, created_at) "
                "VALUES (1, 1, :article, 'x', 'a', :now)",
                "INSERT INTO claims (id, text, key, status, created_by, created_at, updated_at, "
                "version) VALUES (1, 'The new bridge will open in May.', 'k', 'draft', 'a', "
                ":now, :now, 1)",
                "INSERT INTO appearances (id, claim_id, article_id, quote, quote_start, "
                "quote_end, prefix, suffix, quoted, provenance, created_by, created_at) "
                "VALUES (1, 1, 1, 'the Danube', 40, 50, '', '', false, 'manual', 'a', :now)",
            ):
                connection.execute(text(statement), {"now": now, "article": ARTICLE})
    finally:
        engine.dispose()
    migrations.upgrade(empty_url)
    with open_session(empty_url) as session:
        assert ids(search_claims(session, "bridge may")) == [1]
        assert ids(search_claims(session, "danube")) == [1]


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "-", '" "', "--- ?? !!", "\x00"])
def test_a_search_without_words_is_refused(session, blank):
    with pytest.raises(InvalidInput, match="search"):
        search_claims(session, blank)


def test_undecodable_text_is_refused():
    with pytest.raises(InvalidInput, match="not valid text"):
        search_words("caf\udce9")


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    words=st.lists(
        st.one_of(
            st.sampled_from(
                [
                    '"',
                    '""',
                    "-",
                    "OR",
                    "AND",
                    "NOT",
                    "NEAR",
                    ":",
                    "*",
                    "^",
                    "(",
                    ")",
                    "+",
                    "'",
                    "\\",
                    "col:",
                    "text:",
                    "{",
                    "}",
                    "bridge",
                    "\x00",
                    "\x01",
                    "é",
                    "Ω",
                ]
            ),
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
        ),
        max_size=6,
    )
)
def test_no_search_text_makes_an_sql_error(session, city, words):
    query = " ".join(words)
    try:
        found = search_claims(session, query)
    except InvalidInput:
        assert not re.search(r"\w", query.replace("\x00", " ")), query
    else:
        assert isinstance(found, list)


def test_cli_lists_search_results_best_first(cli, session, city):
    bridge, trams, _ = city
    session.commit()
    result = cli("claim", "list", "--search", "bridge", "--format", "csv")
    assert result.exit_code == 0, result.output
    listed = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert listed == [str(bridge.id), str(trams.id)]


@pytest.mark.parametrize("words", ["", "  ", '"-"'])
def test_cli_refuses_a_blank_search(failing, words):
    failing("claim", "list", "--search", words, match="search")


def test_search_objects_are_recognised_for_alembic():
    for name in ("claims_fts", "claims_fts_data", "appearances_fts_idx", "ix_claims_text_search"):
        assert is_search_object(name)
    for name in ("claims", "appearances", "ix_claims_status", "claims_fts_notes", None):
        assert not is_search_object(name)


def test_postgresql_search_can_use_the_gin_indexes(session, city):
    """The query spells the indexed expression exactly, or PostgreSQL would scan every row."""
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("GIN indexes are PostgreSQL's")
    from sqlalchemy import select

    from claims.models import Claim
    from claims.search import hits_query

    hits = hits_query(session, "bridge")
    statement = select(Claim.id).join(hits, hits.c.claim_id == Claim.id)
    compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    session.execute(text("SET LOCAL enable_seqscan = off"))
    plan = "\n".join(session.scalars(text(f"EXPLAIN {compiled}")))
    assert "ix_claims_text_search" in plan and "ix_appearances_quote_search" in plan, plan


def test_claims_sql_reads_the_search_tables_and_cannot_change_them(sqlite_template, tmp_path):
    """Opening a virtual table needs more of the read-only authorizer; writing still fails."""
    from claims.errors import ClaimsError
    from claims.sql import run_query

    path = tmp_path / "readonly.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    with open_session(url) as session:
        load_seeds(session, actor=ACTOR)
    found = run_query(
        url, "SELECT rowid, rank FROM claims_fts WHERE claims_fts MATCH '\"Hungary\"'"
    )
    assert found.rows
    assert run_query(url, "SELECT value FROM json_each('[1, 2]')").rows == [(1,), (2,)]
    before = path.read_bytes()
    for statement in (
        "INSERT INTO claims_fts(claims_fts) VALUES ('delete-all')",
        "DELETE FROM appearances_fts",
        "UPDATE sqlite_master SET sql = 'x'",
        "PRAGMA writable_schema = ON",
    ):
        with pytest.raises(ClaimsError):
            run_query(url, statement)
    assert path.read_bytes() == before
