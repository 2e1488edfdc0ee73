"""The analysts' views: migrated as ``claims/views.py`` defines them, the same rows on both
databases, and each row what the tables say (worked out here in Python from the ORM)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import defaultdict

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import selectinload

from claims.chains import ARROW
from claims.errors import DatabaseError
from claims.models import Appearance, Article, ChainHop
from claims.seeds import load_seeds
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim
from claims.services.sources import add_source
from claims.views import VIEWS

ACTOR = "analyst"


def plain(value):
    """One spelling for values the two drivers return differently (dates, booleans)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def rows_of(session, sql: str) -> list[tuple]:
    return sorted(
        (tuple(plain(v) for v in row) for row in session.execute(text(sql))),
        key=lambda row: tuple((v is None, str(v)) for v in row),
    )


def view_rows(session, name: str) -> list[dict]:
    result = session.execute(text(f"SELECT * FROM {name}"))
    return [{k: plain(v) for k, v in row._mapping.items()} for row in result]


def appearances(session) -> list[Appearance]:
    return list(
        session.scalars(
            select(Appearance).options(
                selectinload(Appearance.claim),
                selectinload(Appearance.article).selectinload(Article.publisher),
                selectinload(Appearance.hops).selectinload(ChainHop.source),
            )
        )
    )


@pytest.fixture
def seeded(session):
    load_seeds(session, actor=ACTOR)
    session.flush()
    return session


@pytest.fixture
def awkward(session):
    """Names JSON must escape, a cue-less hop, two articles on one day and one undated."""
    add_source(session, name='The "Daily" \\ Planet', kind="outlet", actor=ACTOR)
    add_source(session, name="Agence Françoise 🛰", kind="news_agency", actor=ACTOR)
    star = add_source(session, name="Morning Star", kind="outlet", actor=ACTOR)
    words = "The bridge will open in May, said Jane Doe."
    later = add_article(
        session, text=words, outlet='The "Daily" \\ Planet', published="2024-03-02", actor=ACTOR
    )
    undated = add_article(session, text=words + " Really.", outlet="Morning Star", actor=ACTOR)
    first = add_article(
        session,
        text=words + " Truly.",
        outlet="Morning Star",
        origin="Agence Françoise 🛰",
        origin_cue="citing",
        published="2024-03-01",
        actor=ACTOR,
    )
    same_day = add_article(
        session, text=words + " Yes.", outlet="Morning Star", published="2024-03-01", actor=ACTOR
    )
    claim = add_claim(session, text="The bridge will open in May.", actor=ACTOR)
    lonely = add_claim(session, text="Nobody carries this.", actor=ACTOR)
    session.flush()
    for article in (later, undated, same_day, first):
        add_appearance(
            session,
            claim_id=claim.id,
            article_id=article.id,
            quote="The bridge will open in May",
            chain="Jane Doe [said]",
            create_sources=True,
            actor=ACTOR,
        )
    # Control characters the services would never store, but another tool might.
    session.execute(
        text("UPDATE sources SET name = :name WHERE id = :id"),
        {"name": "Morning\tStar\n\x01\x1f\u2028", "id": star.id},
    )
    session.expire_all()
    return claim, lonely, first


def test_migrated_views_have_the_columns_the_library_describes(db_url):
    from sqlalchemy import create_engine

    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            inspector = inspect(connection)
            assert set(VIEWS) <= set(inspector.get_view_names())
            for name, view in VIEWS.items():
                columns = [c["name"] for c in inspector.get_columns(name)]
                assert columns == list(view.columns), name
    finally:
        engine.dispose()


def test_sqlite_views_hold_the_library_sql(sqlite_template, tmp_path):
    """The migration's frozen copy is the SQL ``claims/views.py`` gives for SQLite."""
    import sqlite3

    path = tmp_path / "views.db"
    shutil.copy(sqlite_template, path)
    with sqlite3.connect(path) as connection:
        stored = dict(connection.execute("SELECT name, sql FROM sqlite_master WHERE type='view'"))
    for name, view in VIEWS.items():
        assert " ".join(stored[name].split()) == " ".join(
            f"CREATE VIEW {name} AS {view.sql_for('sqlite')}".split()
        )


@pytest.mark.parametrize("name", list(VIEWS))
def test_view_gives_the_rows_of_the_library_sql(seeded, name):
    dialect = seeded.get_bind().dialect.name
    from_view = rows_of(seeded, f"SELECT * FROM {name}")
    assert from_view, f"{name} is empty on the seeds"
    assert from_view == rows_of(seeded, f"SELECT * FROM ({VIEWS[name].sql_for(dialect)}) q")


def test_claim_carriers_has_one_row_per_appearance(seeded):
    expected = sorted(
        (
            ap.id,
            ap.claim.id,
            ap.claim.text,
            ap.claim.status,
            ap.article.publisher.id,
            ap.article.publisher.name,
            ap.article.id,
            ap.article.title,
            ap.article.url,
            plain(ap.article.published),
            ap.quote,
            int(ap.quoted),
        )
        for ap in appearances(seeded)
    )
    assert sorted(tuple(row.values()) for row in view_rows(seeded, "claim_carriers")) == expected


def _expected_chains(session) -> dict[int, dict]:
    return {
        ap.id: {
            "appearance_id": ap.id,
            "claim_id": ap.claim_id,
            "article_id": ap.article_id,
            "outlet": ap.article.publisher.name,
            "hop_count": len(ap.hops),
            "chain": ARROW.join(h.source.name for h in ap.hops),
            "chain_json": json.dumps(
                [{"source": h.source.name, "cue": h.cue, "role": h.role} for h in ap.hops],
                ensure_ascii=False,
                separators=(",", ":"),
            ),
        }
        for ap in appearances(session)
    }


def test_appearance_chains_on_the_seeds(seeded):
    rows = {row["appearance_id"]: row for row in view_rows(seeded, "appearance_chains")}
    assert rows == _expected_chains(seeded)
    assert any(row["hop_count"] >= 4 for row in rows.values())


def test_appearance_chains_json_text_is_the_same_whatever_the_names(session, awkward):
    rows = {row["appearance_id"]: row for row in view_rows(session, "appearance_chains")}
    assert rows == _expected_chains(session)
    hops = json.loads(rows[min(rows)]["chain_json"])
    assert hops[0] == {"source": "Jane Doe", "cue": "said", "role": "stated"}
    assert hops[-1]["source"] == 'The "Daily" \\ Planet' and hops[-1]["role"] == "publisher"


def test_appearance_without_hops_has_an_empty_chain(session, awkward):
    session.execute(text("DELETE FROM chain_hops"))
    rows = view_rows(session, "appearance_chains")
    assert rows and all(
        (r["hop_count"], r["chain"], r["chain_json"]) == (0, "", "[]") for r in rows
    )


def test_attribution_edges_count_claims_and_appearances_per_link(seeded):
    claims_on: dict[tuple, set] = defaultdict(set)
    appearances_on: dict[tuple, set] = defaultdict(set)
    names = {}
    for ap in appearances(seeded):
        for up, down in zip(ap.hops, ap.hops[1:], strict=False):
            link = (up.source_id, down.source_id)
            names[link] = (up.source.name, down.source.name)
            claims_on[link].add(ap.claim_id)
            appearances_on[link].add(ap.id)
    expected = sorted(
        (
            up,
            names[(up, down)][0],
            down,
            names[(up, down)][1],
            len(claims),
            len(appearances_on[(up, down)]),
        )
        for (up, down), claims in claims_on.items()
    )
    got = sorted(tuple(row.values()) for row in view_rows(seeded, "attribution_edges"))
    assert got == expected
    assert any(row[4] < row[5] for row in got), "some link carries a claim more than once"


def test_first_appearances_on_the_seeds(seeded):
    by_claim: dict[int, list[Appearance]] = defaultdict(list)
    for ap in appearances(seeded):
        by_claim[ap.claim_id].append(ap)
    expected = {}
    for claim_id, carried in by_claim.items():
        first = min(
            carried,
            key=lambda ap: (
                ap.article.published is None,
                ap.article.published or dt.date.min,
                ap.article.id,
                ap.id,
            ),
        )
        expected[claim_id] = (first.id, first.article.publisher.name, len(carried))
    rows = view_rows(seeded, "first_appearances")
    assert {
        r["claim_id"]: (r["appearance_id"], r["outlet"], r["appearance_count"]) for r in rows
    } == expected


def test_first_appearance_takes_the_earliest_date_then_the_lower_article_id(session, awkward):
    claim, lonely, first = awkward
    rows = {r["claim_id"]: r for r in view_rows(session, "first_appearances")}
    assert lonely.id not in rows
    row = rows[claim.id]
    assert (row["article_id"], row["published"], row["outlet"]) == (
        first.id,
        "2024-03-01",
        "Morning\tStar\n\x01\x1f\u2028",
    )
    assert row["appearance_count"] == 4


def test_undated_articles_come_after_dated_ones(session, awkward):
    claim, _, _ = awkward
    session.execute(text("UPDATE articles SET published = NULL WHERE published < '2024-03-02'"))
    row = {r["claim_id"]: r for r in view_rows(session, "first_appearances")}[claim.id]
    assert row["published"] == "2024-03-02"


def test_claims_sql_reads_the_views(db_url):
    from claims.sql import run_query

    for name in VIEWS:
        result = run_query(db_url, f"SELECT * FROM {name}")
        assert result.columns == list(VIEWS[name].columns)


def _later_migration(tmp_path, body: str):
    """A copy of the migrations with one more, written here, on top."""
    from claims.migrations import alembic_config, head_revision, script_location

    scripts = tmp_path / "alembic"
    shutil.copytree(script_location(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_later.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = '9999'\ndown_revision = '{head_revision()}'\n"
        "branch_labels = None\ndepends_on = None\n\n" + body,
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'later.db'}"
    config = alembic_config(url)
    config.set_main_option("script_location", str(scripts))
    return url, config


# A later migration that rebuilds a table as one should: AUTOINCREMENT kept (ids are never
# reused); ``PLAIN_REBUILD`` forgets it.
REBUILD = """
KEEP = {{"sqlite_autoincrement": True}}


def upgrade():
    with op.batch_alter_table("{table}", recreate="always", table_kwargs=KEEP) as batch:
        batch.add_column(sa.Column("extra", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("{table}", recreate="always", table_kwargs=KEEP) as batch:
        batch.drop_column("extra")
"""
PLAIN_REBUILD = REBUILD.replace(", table_kwargs=KEEP", "")


def test_a_later_batch_migration_can_rebuild_a_table_the_views_read(tmp_path):
    """SQLite batch mode copies, drops and renames a table; views naming it must not stop that."""
    from alembic import command

    from claims.sql import run_query

    url, config = _later_migration(tmp_path, REBUILD.format(table="chain_hops"))
    command.upgrade(config, "head")
    command.downgrade(config, "-1")
    for name in VIEWS:
        assert run_query(url, f"SELECT * FROM {name}").columns == list(VIEWS[name].columns)


def test_a_later_migration_that_loses_the_search_triggers_is_refused(tmp_path):
    from alembic import command

    _, config = _later_migration(tmp_path, REBUILD.format(table="claims"))
    with pytest.raises(DatabaseError, match="claims_fts_insert"):
        command.upgrade(config, "head")


def test_a_later_migration_that_loses_autoincrement_is_refused(tmp_path):
    """Rebuilt without AUTOINCREMENT, SQLite could give a deleted row's id to the next."""
    from alembic import command

    _, config = _later_migration(tmp_path, PLAIN_REBUILD.format(table="chain_hops"))
    with pytest.raises(DatabaseError, match="chain_hops without AUTOINCREMENT"):
        command.upgrade(config, "head")


def test_a_later_migration_that_loses_the_drift_triggers_is_refused(tmp_path):
    """Rebuilding ``sources`` drops the trigger that stands in for a foreign key."""
    from alembic import command

    _, config = _later_migration(tmp_path, REBUILD.format(table="sources"))
    with pytest.raises(DatabaseError, match="sources_drift_delete"):
        command.upgrade(config, "head")


def test_both_databases_give_the_same_rows_for_the_same_data(sqlite_template, tmp_path, request):
    """The seeds loaded into SQLite and into PostgreSQL: every view, row for row, alike."""
    from claims.db import open_session
    from tests.conftest import _truncate_all

    pg_url = request.getfixturevalue("pg_schema_url")
    if pg_url is None:
        pytest.skip("needs PostgreSQL too: set CLAIMS_TEST_POSTGRES_URL")
    path = tmp_path / "alike.db"
    shutil.copy(sqlite_template, path)
    results = []
    try:
        for url in (f"sqlite:///{path}", pg_url):
            with open_session(url) as session:
                load_seeds(session, actor=ACTOR)
                session.flush()
                results.append({name: rows_of(session, f"SELECT * FROM {name}") for name in VIEWS})
    finally:
        _truncate_all(pg_url)
    on_sqlite, on_postgresql = results
    assert all(on_sqlite.values())
    assert on_sqlite == on_postgresql
