"""Stored drift: kept in step with appearances and chains, queried by table, view and CLI."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy import inspect as sa_inspect

from claims import migrations
from claims.db import open_session
from claims.models import Appearance, Claim, DriftFinding
from claims.seeds import load_seeds
from claims.services.appearances import add_appearance, delete_appearance, set_chain
from claims.services.articles import add_article
from claims.services.claims import add_claim, edit_claim
from claims.services.drift import list_drift, refresh_drift
from claims.services.sources import add_source

ACTOR = "drift-test"


def stored(session, claim_id: int | None = None) -> list[tuple]:
    query = select(
        DriftFinding.claim_id,
        DriftFinding.from_appearance_id,
        DriftFinding.to_appearance_id,
        DriftFinding.kind,
        DriftFinding.severity,
        DriftFinding.before_text,
        DriftFinding.after_text,
        DriftFinding.detail,
    ).order_by(DriftFinding.id)
    if claim_id is not None:
        query = query.where(DriftFinding.claim_id == claim_id)
    return list(session.execute(query))


@pytest.fixture
def desk(session):
    """A wire story printed by a paper and rewritten by a site, one claim in both."""
    wire = add_source(session, name="Wire", kind="news_agency", actor=ACTOR)
    add_source(session, name="Paper", kind="outlet", actor=ACTOR)
    add_source(session, name="Site", kind="outlet", actor=ACTOR)
    add_source(session, name="Ministry", kind="state_body", actor=ACTOR)
    paper = add_article(
        session,
        text="The port will open in May, the ministry said. Other news follows.",
        outlet="Paper",
        origin=wire.name,
        published="2024-03-01",
        actor=ACTOR,
    )
    site = add_article(
        session,
        text="The port may reportedly open in May, the ministry claimed. More text.",
        outlet="Site",
        origin=wire.name,
        published="2024-03-02",
        actor=ACTOR,
    )
    claim = add_claim(session, text="The port opens in May.", actor=ACTOR)
    session.flush()
    return claim, paper, site


def test_adding_a_second_appearance_stores_its_drift(session, desk):
    claim, paper, site = desk
    first = add_appearance(
        session,
        claim_id=claim.id,
        article_id=paper.id,
        quote="The port will open in May, the ministry said",
        chain="Ministry [said]",
        actor=ACTOR,
    )
    assert stored(session) == []  # one appearance: nothing to compare
    second = add_appearance(
        session,
        claim_id=claim.id,
        article_id=site.id,
        quote="The port may reportedly open in May, the ministry claimed",
        chain="Ministry [claimed]",
        actor=ACTOR,
    )
    rows = stored(session)
    assert {(r.from_appearance_id, r.to_appearance_id) for r in rows} == {(first.id, second.id)}
    assert {r.kind for r in rows} == {"hedging", "attribution"}
    (hedging,) = [r for r in rows if r.kind == "hedging"]
    assert "will" in hedging.before_text and "may" in hedging.after_text


def test_rechaining_and_deleting_refresh_the_findings(session, desk):
    claim, paper, site = desk
    quote_a = "The port will open in May"
    add_appearance(session, claim_id=claim.id, article_id=paper.id, quote=quote_a, actor=ACTOR)
    second = add_appearance(
        session,
        claim_id=claim.id,
        article_id=site.id,
        quote="The port may reportedly open in May",
        actor=ACTOR,
    )
    before = [r.kind for r in stored(session)]
    assert "attribution" not in before
    set_chain(session, second, "Ministry [claimed]", actor=ACTOR)
    after = stored(session)
    assert [r.detail for r in after if r.kind == "attribution"] == ["hop added"]
    delete_appearance(session, second, actor=ACTOR)
    assert stored(session) == []


def test_editing_a_claim_keeps_its_findings(session, desk):
    claim, paper, site = desk
    add_appearance(session, claim_id=claim.id, article_id=paper.id, quote="will open", actor=ACTOR)
    add_appearance(
        session, claim_id=claim.id, article_id=site.id, quote="port may reportedly", actor=ACTOR
    )
    findings = stored(session)
    edit_claim(session, claim, text="The port opens in May 2024.", actor=ACTOR)
    assert stored(session) == findings != []


def test_seeds_drift_is_stored_and_matches_a_fresh_computation(session):
    load_seeds(session, actor=ACTOR)
    kept = stored(session)
    assert refresh_drift(session) == len(kept)
    assert stored(session) == kept
    # Every kind turns up somewhere in the two seed articles.
    assert {row.kind for row in kept} == {"wording", "names", "hedging", "attribution"}
    # Claims carried once have nothing to compare.
    single = session.scalars(
        select(Appearance.claim_id).group_by(Appearance.claim_id).having(func.count() == 1)
    ).all()
    assert single and not {row.claim_id for row in kept} & set(single)


def test_the_view_shows_the_findings_with_claim_and_outlets(session):
    load_seeds(session, actor=ACTOR)
    rows = session.execute(
        text(
            "SELECT claim_id, claim, from_outlet, to_outlet, kind, before_text, after_text "
            "FROM claim_drift ORDER BY finding_id"
        )
    ).all()
    assert len(rows) == len(stored(session))
    # The seeds' two outlets are one day apart at most and cite no one but Reuters,
    # so each pair runs from the article recorded first to the other one.
    assert {(r.from_outlet, r.to_outlet) for r in rows} == {("Inquirer", "UNN")}
    texts = dict(session.execute(select(Claim.id, Claim.text)).all())
    assert all(r.claim == texts[r.claim_id] for r in rows)


def test_list_drift_of_an_unknown_claim_is_refused(session):
    from claims.errors import NotFound

    with pytest.raises(NotFound, match="No claim with id 404"):
        list_drift(session, 404)


def test_migration_backfills_findings_for_existing_appearances(db_url):
    with open_session(db_url) as session:
        load_seeds(session, actor=ACTOR)
        expected = stored(session)
    assert expected
    migrations.downgrade(db_url, "0001")
    migrations.upgrade(db_url)
    with open_session(db_url) as session:
        assert stored(session) == expected
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            count = connection.execute(text("SELECT count(*) FROM claim_drift")).scalar()
    finally:
        engine.dispose()
    assert count == len(expected)


def _findings_of(session, column: str, value: int) -> int:
    return session.scalar(
        text(f"SELECT count(*) FROM drift_findings WHERE {column} = :value"), {"value": value}
    )


def test_deleting_in_sql_takes_the_findings_along(session):
    """No foreign keys on the findings: triggers do their ON DELETE, whoever deletes."""
    load_seeds(session, actor=ACTOR)
    session.flush()
    first = session.execute(text("SELECT * FROM drift_findings ORDER BY id")).first()
    appearance = first.to_appearance_id
    assert _findings_of(session, "to_appearance_id", appearance) > 0
    session.execute(text("DELETE FROM chain_hops WHERE appearance_id = :a"), {"a": appearance})
    session.execute(text("DELETE FROM appearances WHERE id = :a"), {"a": appearance})
    assert _findings_of(session, "to_appearance_id", appearance) == 0
    assert _findings_of(session, "from_appearance_id", appearance) == 0

    # A claim's deletion cascades to its appearances; the findings go with both.
    claim = session.scalar(text("SELECT claim_id FROM drift_findings ORDER BY id"))
    appearances = [
        row[0]
        for row in session.execute(
            text("SELECT id FROM appearances WHERE claim_id = :c"), {"c": claim}
        )
    ]
    session.execute(
        text(
            "DELETE FROM chain_hops WHERE appearance_id IN (SELECT id FROM appearances "
            "WHERE claim_id = :c)"
        ),
        {"c": claim},
    )
    session.execute(text("DELETE FROM reviews WHERE claim_id = :c"), {"c": claim})
    session.execute(text("DELETE FROM claims WHERE id = :c"), {"c": claim})
    assert _findings_of(session, "claim_id", claim) == 0
    for each in appearances:
        assert _findings_of(session, "from_appearance_id", each) == 0
    assert stored(session)  # the other claims' findings stay


def test_the_triggers_find_the_findings_from_another_search_path(session, db_url):
    """An analyst's session may not have the claims schema on its search_path."""
    if not db_url.startswith("postgresql"):
        pytest.skip("search_path is PostgreSQL's")
    load_seeds(session, actor=ACTOR)
    session.flush()
    schema = session.scalar(text("SELECT current_schema()"))
    appearance = session.scalar(text("SELECT min(to_appearance_id) FROM drift_findings"))
    session.execute(text("SET LOCAL search_path TO pg_catalog"))
    session.execute(
        text(f'DELETE FROM "{schema}".chain_hops WHERE appearance_id = :a'), {"a": appearance}
    )
    session.execute(text(f'DELETE FROM "{schema}".appearances WHERE id = :a'), {"a": appearance})
    left = session.scalar(
        text(f'SELECT count(*) FROM "{schema}".drift_findings WHERE to_appearance_id = :a'),
        {"a": appearance},
    )
    assert left == 0


def test_deleting_a_source_empties_the_findings_source(session):
    load_seeds(session, actor=ACTOR)
    session.flush()
    finding = session.scalar(text("SELECT min(id) FROM drift_findings"))
    spare = add_source(session, name="Named only in a finding", kind="other", actor=ACTOR)
    session.flush()
    session.execute(
        text("UPDATE drift_findings SET source_id = :s WHERE id = :f"),
        {"s": spare.id, "f": finding},
    )
    session.execute(text("DELETE FROM source_aliases WHERE source_id = :s"), {"s": spare.id})
    session.execute(text("DELETE FROM sources WHERE id = :s"), {"s": spare.id})
    assert (
        session.scalar(text("SELECT source_id FROM drift_findings WHERE id = :f"), {"f": finding})
        is None
    )


def test_findings_computed_before_an_appearance_was_deleted_are_computed_again(db_url):
    """The import computes a batch's findings on one connection and stores them on
    another, later: an appearance deleted in between must not be left named."""
    from claims.db import make_engine
    from claims.services.drift import drift_rows, mark_drift_pending, store_drift_rows

    with open_session(db_url) as session:
        load_seeds(session, actor=ACTOR)
        session.flush()
        ids = list(session.scalars(select(Claim.id).order_by(Claim.id)))
        mark_drift_pending(session, ids)
    reader = make_engine(db_url, immediate=False)
    writer = make_engine(db_url)
    try:
        with reader.connect() as connection:
            rows = drift_rows(connection, ids)
        gone = rows[0][2]
        with open_session(db_url) as session:
            delete_appearance(session, session.get(Appearance, gone), actor="someone else")
        with writer.begin() as connection:
            store_drift_rows(connection, ids, rows)
        with writer.connect() as connection:
            fresh = drift_rows(connection, ids)
            named = connection.execute(
                text("SELECT from_appearance_id, to_appearance_id FROM drift_findings")
            ).all()
    finally:
        reader.dispose()
        writer.dispose()
    assert gone not in {each for pair in named for each in pair}
    with open_session(db_url) as session:
        assert sorted(stored(session)) == sorted(row[:8] for row in fresh)


def test_postgresql_deletes_reach_the_findings_without_rights_on_them(db_url):
    """As a key's ON DELETE did: a role that may delete appearances, not findings, and
    TRUNCATE ... CASCADE of the appearances."""
    if not db_url.startswith("postgresql"):
        pytest.skip("roles and TRUNCATE are PostgreSQL's")
    with open_session(db_url) as session:
        load_seeds(session, actor=ACTOR)
    role = "claims_test_deleter"
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:  # rolled back at the end: the role too
            schema = connection.scalar(text("SELECT current_schema()"))
            connection.execute(text(f"CREATE ROLE {role} NOLOGIN"))
            connection.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO {role}'))
            connection.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO {role}'))
            connection.execute(text(f"GRANT DELETE ON appearances, chain_hops TO {role}"))
            gone = connection.scalar(text("SELECT min(to_appearance_id) FROM drift_findings"))
            connection.execute(text(f"SET LOCAL ROLE {role}"))
            connection.execute(text("DELETE FROM chain_hops WHERE appearance_id = :a"), {"a": gone})
            connection.execute(text("DELETE FROM appearances WHERE id = :a"), {"a": gone})
            connection.execute(text("RESET ROLE"))
            left = connection.scalar(
                text("SELECT count(*) FROM drift_findings WHERE to_appearance_id = :a"),
                {"a": gone},
            )
            assert left == 0
            assert connection.scalar(text("SELECT count(*) FROM drift_findings")) > 0
            connection.execute(text("TRUNCATE appearances CASCADE"))
            assert connection.scalar(text("SELECT count(*) FROM drift_findings")) == 0
            connection.rollback()
    finally:
        engine.dispose()


def test_the_findings_keys_migration_keeps_the_findings_both_ways(db_url):
    """0007 trades the findings' foreign keys for triggers; down and up again, rows stay."""
    with open_session(db_url) as session:
        load_seeds(session, actor=ACTOR)
        expected = stored(session)
    migrations.downgrade(db_url, "0006")
    assert _findings_keys(db_url) == ["appearances", "appearances", "claims", "sources"]
    migrations.upgrade(db_url)
    with open_session(db_url) as session:
        assert stored(session) == expected
    assert _findings_keys(db_url) == []


def _findings_keys(url: str) -> list[str]:
    """The tables ``drift_findings``' foreign keys refer to."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            keys = sa_inspect(connection).get_foreign_keys("drift_findings")
    finally:
        engine.dispose()
    return sorted(key["referred_table"] for key in keys)


# --- command line --------------------------------------------------------------------------


@pytest.fixture
def seeded(cli):
    result = cli("seed")
    assert result.exit_code == 0, result.output
    return cli


def test_cli_drift_of_one_claim_as_json(seeded, session):
    claim_id = session.scalar(select(DriftFinding.claim_id).where(DriftFinding.kind == "names"))
    result = seeded("drift", claim_id, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and {row["claim_id"] for row in rows} == {claim_id}
    assert "names" in {row["kind"] for row in rows}
    assert set(rows[0]) >= {"from_appearance", "to_appearance", "kind", "before", "after"}


def test_cli_drift_of_everything_as_csv_and_table(seeded, session):
    result = seeded("drift", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("claim_id,claim,from_appearance,to_appearance")
    assert len(lines) - 1 == len(stored(session))
    table = seeded("drift")
    assert table.exit_code == 0 and "attribution" in table.stdout


def test_cli_drift_refresh_recomputes(seeded, session):
    session.execute(DriftFinding.__table__.delete())
    session.commit()
    result = seeded("drift", "--refresh", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "Recomputed" in result.stderr
    assert len(result.stdout.strip().splitlines()) > 1


def test_cli_drift_of_a_claim_without_drift_says_so(seeded, session):
    lonely = session.scalar(
        select(Appearance.claim_id).group_by(Appearance.claim_id).having(func.count() == 1)
    )
    result = seeded("drift", lonely)
    assert result.exit_code == 0, result.output
    assert "No drift" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
@pytest.mark.parametrize("count", [0, 1])
def test_cli_drift_says_a_claim_with_fewer_than_two_appearances_has_nothing_to_compare(
    seeded, session, fmt, count
):
    """An empty result then means nothing was compared, not that nothing changed: said in
    every format, on stderr, so CSV and JSON stay data."""
    if count:
        claim_id = session.scalar(
            select(Appearance.claim_id).group_by(Appearance.claim_id).having(func.count() == 1)
        )
    else:
        added = seeded("claim", "add", "A claim no article carries yet.")
        assert added.exit_code == 0, added.output
        claim_id = int(added.stdout)
    result = seeded("drift", claim_id, "--format", fmt)
    assert result.exit_code == 0, result.output
    had = "no appearance" if count == 0 else "only one appearance"
    assert result.stderr.strip() == (
        f"No drift: claim #{claim_id} has {had}, and drift needs two to compare."
    )
    if fmt == "json":
        assert json.loads(result.stdout) == []
    elif fmt == "csv":
        assert result.stdout.startswith("claim_id,claim,")


def test_cli_drift_bad_inputs(failing, cli):
    failing("drift", "404", match="No claim with id 404")
    failing("drift", "404", "--refresh", match="No claim with id 404")
    assert cli("drift", "--format", "yaml").exit_code == 2  # a usage error, as everywhere
    assert cli("drift", "abc").exit_code == 2


def test_cli_report_drift_and_its_workbook_sheet(seeded, tmp_path):
    from openpyxl import load_workbook

    result = seeded("report", "drift", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("claim_id,claim,from_appearance")
    path = tmp_path / "book.xlsx"
    result = seeded("report", "all", "-o", str(path))
    assert result.exit_code == 0, result.output
    book = load_workbook(path)
    assert "drift" in book.sheetnames
    assert book["drift"].max_row > 1


def test_a_later_sqlite_table_rebuild_keeps_the_view_working(db_url):
    """Batch mode's copy-drop-rename of a table the view reads must not trip over the view."""
    if not db_url.startswith("sqlite"):
        pytest.skip("batch rebuilds are SQLite's")
    import sqlalchemy as sa
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    from claims.db import make_engine

    with open_session(db_url) as session:
        load_seeds(session, actor=ACTOR)
        expected = len(stored(session))
    engine = make_engine(db_url, foreign_keys=False)  # as migrations connect
    try:
        with engine.begin() as connection:
            operations = Operations(MigrationContext.configure(connection))
            with operations.batch_alter_table("appearances", recreate="always") as batch:
                batch.add_column(sa.Column("extra", sa.Integer(), nullable=True))
            count = connection.execute(text("SELECT count(*) FROM claim_drift")).scalar()
    finally:
        engine.dispose()
    assert count == expected


@pytest.mark.parametrize("whole", [True, False], ids=["whole", "one-claim"])
def test_two_recomputations_at_once_leave_one_set_of_findings(db_url, whole):
    """Each replaces findings by a delete then an insert: on PostgreSQL a second one
    whose delete ran while the first was uncommitted kept the first's rows beside its own."""
    import threading

    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite lets one writer in at a time; the race is PostgreSQL's")
    with open_session(db_url) as session:
        load_seeds(session, actor=ACTOR)
        session.flush()
        claim_id = session.scalar(select(DriftFinding.claim_id).order_by(DriftFinding.id))
        expected = len(stored(session, None if whole else claim_id))
    ids = None if whole else [claim_id]
    first_in = threading.Event()
    second_done = threading.Event()
    errors = []

    def second():
        try:
            with open_session(db_url) as other:
                first_in.wait(10)
                refresh_drift(other, ids)
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            second_done.set()

    thread = threading.Thread(target=second)
    thread.start()
    with open_session(db_url) as session:
        refresh_drift(session, ids)
        first_in.set()
        second_done.wait(1)  # the second runs now, until it has to wait for this one
    thread.join(20)
    assert not errors, errors
    with open_session(db_url, write=False) as session:
        assert len(stored(session, None if whole else claim_id)) == expected


def test_an_imports_stored_findings_wait_for_a_users_recomputation(db_url):
    """The import's drift step stores rows computed on another connection
    (``store_drift_rows``): it takes its turn too, or a user's findings stay beside its own."""
    import threading

    from claims.db import make_engine
    from claims.services.drift import drift_rows, store_drift_rows

    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite lets one writer in at a time; the race is PostgreSQL's")
    with open_session(db_url) as session:
        load_seeds(session, actor=ACTOR)
        session.flush()
        claim_id = session.scalar(select(DriftFinding.claim_id).order_by(DriftFinding.id))
        expected = len(stored(session, claim_id))
    user_in = threading.Event()
    import_done = threading.Event()
    errors = []
    engine = make_engine(db_url)

    def import_step():
        try:
            user_in.wait(10)
            with engine.begin() as connection:
                store_drift_rows(connection, [claim_id], drift_rows(connection, [claim_id]))
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            import_done.set()

    thread = threading.Thread(target=import_step)
    thread.start()
    try:
        with open_session(db_url) as session:
            refresh_drift(session, [claim_id])
            user_in.set()
            import_done.wait(1)  # the import's store runs now, until it must wait
        thread.join(20)
    finally:
        engine.dispose()
    assert not errors, errors
    with open_session(db_url, write=False) as session:
        assert len(stored(session, claim_id)) == expected
