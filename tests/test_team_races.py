"""A team on one PostgreSQL schema: a write that races another user's merge, delete or
identical write. Each test forces one interleaving: the other user's transaction runs, and
commits, at a chosen step of the first (a step replaced by one that runs it first), or while
the first holds its transaction open."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid
import warnings

import pytest
from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SAWarning

from claims import migrations
from claims.db import describe_operational_error, open_session
from claims.errors import InvalidTransition
from claims.models import Appearance, AuditEntry, ChainHop, Claim, MatchCandidate, Source
from claims.seeds import load_seeds
from claims.services import appearances as appearance_service
from claims.services import matching
from claims.services import sources as source_service
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim, delete_claim, get_claim
from claims.services.review import decide
from claims.services.source_merge import merge_sources
from claims.services.sources import add_aliases, add_source, find_source, resolve_source
from tests.conftest import Cli, with_search_path
from tests.test_roles_membership import execute, made_roles, schema_of
from tests.test_source_names_concurrent import _concurrently

ARTICLE = "The port will open in May, Xinha30 said. Other news follows."
QUOTE = "The port will open in May"
ONE_WRITER = "SQLite lets one writer in at a time: no other user can commit in between"


def postgresql_only(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip(ONE_WRITER)


def another_user(db_url: str, work) -> None:
    """``work(session)`` as another user's command: its own transaction, committed."""
    with open_session(db_url) as session:
        work(session)


def desk(db_url: str, *, appearance: bool = False) -> tuple[int, int, int | None]:
    """Xinhua and its misspelt duplicate Xinha30, an article of Paper quoting Xinha30, a
    claim, and (``appearance``) the claim's appearance there: (claim, article, appearance)."""
    with open_session(db_url) as session:
        for name, kind in [("Paper", "outlet"), ("Xinhua", "news_agency"), ("Xinha30", "other")]:
            add_source(session, name=name, kind=kind, actor="setup")
        article = add_article(session, text=ARTICLE, outlet="Paper", actor="setup")
        claim = add_claim(session, text="The port opens in May.", actor="setup")
        session.flush()
        carried = None
        if appearance:
            carried = add_appearance(
                session,
                claim_id=claim.id,
                article_id=article.id,
                quote=QUOTE,
                chain="Xinha30 [said]",
                actor="setup",
            ).id
        return claim.id, article.id, carried


def once_before(monkeypatch, owner, name: str, meanwhile) -> None:
    """Replace ``owner.name`` by a function that, the first time, runs ``meanwhile()`` (the
    other user's command) before doing what it does."""
    real = getattr(owner, name)
    done: list[bool] = []

    def step(*args, **kwargs):
        if not done:
            done.append(True)
            meanwhile()
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, step)


def once_after(monkeypatch, owner, name: str, meanwhile) -> None:
    """As ``once_before``, the other user's command run after the step, before its result is
    used."""
    real = getattr(owner, name)
    done: list[bool] = []

    def step(*args, **kwargs):
        result = real(*args, **kwargs)
        if not done:
            done.append(True)
            meanwhile()
        return result

    monkeypatch.setattr(owner, name, step)


def quietly(cli, *args: str, user: str = "tester"):
    """Run the command; also return the SQLAlchemy warnings it raised (none may reach a
    person's terminal)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = cli(*args, user=user)
    return result, [w for w in caught if issubclass(w.category, SAWarning)]


def stated_chain(db_url: str, appearance_id: int) -> list[str]:
    with open_session(db_url, write=False) as session:
        return list(
            session.scalars(
                select(Source.name)
                .join(ChainHop, ChainHop.source_id == Source.id)
                .where(ChainHop.appearance_id == appearance_id)
                .order_by(ChainHop.position)
            )
        )


# --- a write that loses a race is run again on what is committed now --------------------------


def test_a_chain_naming_a_source_merged_meanwhile_names_the_source_it_went_into(
    db_url, cli, monkeypatch
):
    """Bob merges Xinha30 into Xinhua after Alice's `appearance add` resolved Xinha30 and
    before it wrote the chain: the chain's insert fails its foreign key, and the run again
    resolves Xinha30 as a spelling of Xinhua."""
    postgresql_only(db_url)
    claim, article, _ = desk(db_url)

    def merge(session):
        merge_sources(
            session,
            resolve_source(session, "Xinha30"),
            resolve_source(session, "Xinhua"),
            actor="bob",
        )

    once_after(
        monkeypatch,
        appearance_service,
        "get_or_create_source",
        lambda: another_user(db_url, merge),
    )
    result, sa_warnings = quietly(
        cli, "appearance", "add", claim, article, "-q", QUOTE, "--chain", "Xinha30 [reported]"
    )
    assert result.exit_code == 0, result.output
    assert "Chain: Xinhua → Paper" in result.stderr, result.stderr
    assert stated_chain(db_url, int(result.stdout)) == ["Xinhua", "Paper"]
    assert not sa_warnings


def test_an_appearance_of_a_claim_deleted_meanwhile_is_refused_as_no_such_claim(
    db_url, cli, monkeypatch
):
    postgresql_only(db_url)
    claim, article, _ = desk(db_url)
    once_before(
        monkeypatch,
        appearance_service,
        "get_article",
        lambda: another_user(db_url, lambda s: delete_claim(s, get_claim(s, claim), actor="bob")),
    )
    result, sa_warnings = quietly(cli, "appearance", "add", claim, article, "-q", QUOTE)
    assert result.exit_code == 1, result.output
    assert result.stderr.strip().startswith(f"Error: No claim with id {claim}"), result.stderr
    assert "foreign key" not in result.stderr
    assert not sa_warnings
    with open_session(db_url, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Appearance)) == 0


def test_a_foreign_key_a_concurrent_writer_broke_is_a_race_to_run_again():
    import psycopg

    from claims.retry import contention_kind

    assert contention_kind(psycopg.errors.ForeignKeyViolation("x")) == "race"


def test_a_foreign_key_failure_that_is_not_retried_says_what_happened():
    import psycopg

    error = psycopg.errors.ForeignKeyViolation(
        'insert or update on table "chain_hops" violates foreign key constraint '
        '"fk_chain_hops_source_id_sources"'
    )
    message = describe_operational_error("postgresql+psycopg://h/db", error)
    assert "deleted or merged by another user meanwhile" in message, message
    assert "nothing was saved" in message


# --- an appearance changed or deleted by two users at once ---------------------------------------


def _deleted_by_alice(db_url: str, appearance: int, real_get_appearance):
    def delete(session):
        appearance_service.delete_appearance(
            session, real_get_appearance(session, appearance), actor="alice"
        )

    return lambda: another_user(db_url, delete)


def deletes_of(db_url: str, appearance: int) -> list[str]:
    with open_session(db_url, write=False) as session:
        return list(
            session.scalars(
                select(AuditEntry.actor).where(
                    AuditEntry.entity == "appearances",
                    AuditEntry.entity_id == appearance,
                    AuditEntry.action == "delete",
                )
            )
        )


def test_an_appearance_deleted_twice_at_once_is_deleted_once(db_url, cli, monkeypatch):
    """Both read appearance N; Alice deletes it first. Bob is told it is gone, and only
    Alice's delete is in the audit log."""
    postgresql_only(db_url)
    _, _, appearance = desk(db_url, appearance=True)
    real = appearance_service.get_appearance
    once_after(
        monkeypatch,
        appearance_service,
        "get_appearance",
        _deleted_by_alice(db_url, appearance, real),
    )
    result, sa_warnings = quietly(cli, "appearance", "delete", appearance, user="bob")
    assert result.exit_code == 1, result.output
    assert result.stderr.strip().startswith(f"Error: No appearance with id {appearance}")
    assert "deleted." not in result.stderr
    assert not sa_warnings, [str(w.message) for w in sa_warnings]
    assert deletes_of(db_url, appearance) == ["alice"]


def test_the_chain_of_an_appearance_deleted_meanwhile_is_not_written(db_url, cli, monkeypatch):
    postgresql_only(db_url)
    _, _, appearance = desk(db_url, appearance=True)
    real = appearance_service.get_appearance
    once_after(
        monkeypatch,
        appearance_service,
        "get_appearance",
        _deleted_by_alice(db_url, appearance, real),
    )
    result, sa_warnings = quietly(cli, "appearance", "chain", appearance, "Xinhua [said]")
    assert result.exit_code == 1, result.output
    assert result.stderr.strip().startswith(f"Error: No appearance with id {appearance}")
    assert "foreign key" not in result.stderr
    assert not sa_warnings, [str(w.message) for w in sa_warnings]
    with open_session(db_url, write=False) as session:
        assert session.scalar(select(func.count()).select_from(ChainHop)) == 0


def test_a_chain_replaced_meanwhile_is_read_again_before_it_is_replaced(db_url, cli, monkeypatch):
    """Alice sets the chain after Bob read the appearance: Bob's audit entry says what it
    replaced, Alice's chain, not the one he read."""
    postgresql_only(db_url)
    _, _, appearance = desk(db_url, appearance=True)
    real = appearance_service.get_appearance

    def alice(session):
        appearance_service.set_chain(
            session, real(session, appearance), "Xinhua [said]", actor="alice"
        )

    once_after(
        monkeypatch,
        appearance_service,
        "get_appearance",
        lambda: another_user(db_url, alice),
    )
    result, sa_warnings = quietly(cli, "appearance", "chain", appearance, "", user="bob")
    assert result.exit_code == 0, result.output
    assert not sa_warnings, [str(w.message) for w in sa_warnings]
    with open_session(db_url, write=False) as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.actor == "bob", AuditEntry.action == "update")
        ).one()
    assert entry.before_values == {"chain": "Xinhua → Paper"}


# --- the review walk goes on past a claim deleted meanwhile ---------------------------------------


@pytest.mark.parametrize("deleted", ["shown", "waiting"])
def test_review_skips_a_claim_another_user_deleted_and_goes_on(db_url, cli, monkeypatch, deleted):
    """While the reviewer writes the note on claim 1, another user deletes claim 1 (the
    one shown) or claim 2 (the next in the queue): it is skipped with a note, the walk goes
    on, and the other decisions are recorded."""
    from cli import review as review_command

    with open_session(db_url) as session:
        for number in (1, 2, 3):
            add_claim(session, text=f"Claim number {number} was made.", actor="setup")
        session.flush()
        for number in (1, 2, 3):
            decide(session, number, "submit", actor="setup")
    gone = 1 if deleted == "shown" else 2
    once_before(
        monkeypatch,
        review_command,
        "_ask_note",
        lambda: another_user(db_url, lambda s: delete_claim(s, get_claim(s, gone), actor="x")),
    )
    # An approval is "a", then the note (Enter for none); a claim deleted while waiting is
    # never shown, so asks nothing.
    answers = "a\n\n" * (3 if deleted == "shown" else 2)
    result = cli("review", input=answers)
    assert result.exit_code == 0, result.output
    assert f"Claim #{gone} was deleted meanwhile; skipped." in result.stderr, result.stderr
    assert "Error" not in result.stderr and "Not saved" not in result.stderr, result.stderr
    assert "2 decision(s) recorded." in result.stderr
    with open_session(db_url, write=False) as session:
        statuses = {row.id: row.status for row in session.execute(select(Claim.id, Claim.status))}
    assert statuses == {number: "approved" for number in (1, 2, 3) if number != gone}


# --- the same spelling, seed or schema written by two at once ------------------------------------


def test_a_spelling_given_twice_at_once_is_added_once(db_url):
    """`claims source alias Xinhua 'XH alias 2'` and `... 'xh ALIAS 2'` at once: the second
    waits for the first, then finds the spelling there."""
    with open_session(db_url) as session:
        add_source(session, name="Xinhua", kind="news_agency", actor="setup")
    outcome = _concurrently(
        db_url,
        lambda s: add_aliases(s, find_source(s, "Xinhua"), ["XH alias 2"], actor="alice"),
        lambda s: add_aliases(s, find_source(s, "Xinhua"), ["xh ALIAS 2"], actor="bob"),
    )
    assert outcome == [[]], outcome
    with open_session(db_url, write=False) as session:
        assert sorted(a.alias for a in find_source(session, "Xinhua").aliases) == [
            "XH alias 2",
            "Xinhua",
        ]


def test_two_seed_loads_at_once_count_the_first_ones_records_as_present(db_url):
    outcome = _concurrently(
        db_url,
        lambda s: load_seeds(s, actor="alice"),
        lambda s: load_seeds(s, actor="bob"),
    )
    (second,) = outcome
    assert not isinstance(second, Exception), second
    assert second.created == 0, second
    assert second.sources_present == 11 and second.appearances_present == 49, second


def test_a_seed_source_someone_adds_meanwhile_is_present_not_refused(db_url):
    """Someone adds Reuters while the seeds load: the load waits for their name, then counts
    the source as present."""
    outcome = _concurrently(
        db_url,
        lambda s: add_source(s, name="Reuters", kind="news_agency", actor="alice"),
        lambda s: load_seeds(s, actor="bob"),
    )
    (summary,) = outcome
    assert not isinstance(summary, Exception), summary
    assert summary.sources_present == 1 and summary.sources_created == 10, summary


@pytest.fixture
def empty_schema_url(pg_schema_url):
    """A schema of its own, empty, on the test server; dropped after."""
    if pg_schema_url is None:
        pytest.skip("a PostgreSQL schema: set CLAIMS_TEST_POSTGRES_URL to run it")
    base = make_url(pg_schema_url).difference_update_query(["options"])
    base = base.render_as_string(hide_password=False)
    schema = f"claims_race_{uuid.uuid4().hex[:10]}"
    execute(base, f'CREATE SCHEMA "{schema}"')
    try:
        yield with_search_path(base, schema)
    finally:
        execute(base, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


_SECOND_MIGRATION = "import sys; from claims import migrations; migrations.upgrade(sys.argv[1])"


def _waits(url: str, application: str) -> bool:
    """Whether the backend of the program named ``application`` waits for a lock."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return bool(
                connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE application_name = :name AND wait_event_type = 'Lock'"
                    ),
                    {"name": application},
                ).scalar()
            )
    finally:
        engine.dispose()


def test_a_name_taken_in_another_schema_meanwhile_does_not_wait(db_url, empty_schema_url):
    """Name locks are the database's; names are unique per schema. A writer giving a source
    a name in one schema does not hold up a writer of another schema (another team, or
    another test run) giving the same name."""
    postgresql_only(db_url)
    migrations.upgrade(empty_schema_url)
    outcome: list = []

    def elsewhere():
        with open_session(empty_schema_url) as session:
            outcome.append(add_source(session, name="Evening Gazette", actor="bob").name)

    with open_session(db_url) as session:
        add_source(session, name="Evening Gazette", actor="alice")
        session.flush()
        other = threading.Thread(target=elsewhere)
        other.start()
        other.join(timeout=20)
        assert not other.is_alive(), "the other schema's writer waited for this one"
    assert outcome == ["Evening Gazette"]


@pytest.mark.parametrize("start", [None, "0011"], ids=["init", "upgrade"])
def test_two_migrations_at_once_take_turns(empty_schema_url, start):
    """Two `claims init` (or `claims db upgrade`) at once: once the first has changed the
    schema, uncommitted, a second program migrates; it waits for the first, then finds the
    schema up to date."""
    url = empty_schema_url
    if start is not None:
        migrations.upgrade(url, start)
    application = f"claims_second_{uuid.uuid4().hex[:8]}"
    second: list[subprocess.Popen] = []

    def first_change(_connection, _cursor, statement, *_):
        if second or not statement.lstrip().upper().startswith(("CREATE", "ALTER")):
            return
        second.append(
            subprocess.Popen(
                [sys.executable, "-c", _SECOND_MIGRATION, f"{url}&application_name={application}"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        deadline = time.monotonic() + 60
        while second[0].poll() is None and not _waits(url, application):
            assert time.monotonic() < deadline, "the second migration never got going"
            time.sleep(0.05)

    event.listen(Engine, "after_cursor_execute", first_change)
    try:
        migrations.upgrade(url)
    finally:
        event.remove(Engine, "after_cursor_execute", first_change)
    assert second, "the first migration changed nothing"
    _, errors = second[0].communicate(timeout=120)
    assert second[0].returncode == 0, errors
    assert migrations.current(url) == (migrations.HEAD, migrations.HEAD)


# --- messages for a login the server refused or a schema out of its reach ------------------------


@pytest.mark.parametrize(
    ("fatal", "advice"),
    [
        ('role "analyst" is not permitted to log in', "cannot log in (NOLOGIN)"),
        ('role "analyst" does not exist', "has no role 'analyst': check the user name"),
        ('database "claimz" does not exist', "has no database 'claimz': check the database"),
        ('password authentication failed for user "analyst"', "password was refused"),
        ("the database system is starting up", "the database system is starting up"),
    ],
)
def test_a_connection_the_server_refused_is_not_called_unreachable(fatal, advice):
    import psycopg

    error = psycopg.OperationalError(
        f'connection failed: connection to server at "127.0.0.1", port 5432 failed: FATAL:  {fatal}'
    )
    message = describe_operational_error("postgresql+psycopg://analyst@127.0.0.1/claimz", error)
    assert advice in message, message
    assert "not reachable" not in message, message
    assert "\n" not in message


def test_a_login_with_no_rights_on_the_schema_is_told_so(pg_url):
    with made_roles(pg_url) as make:
        login = make("LOGIN")
        as_login = make_url(pg_url).set(username=login).render_as_string(hide_password=False)
        schema = schema_of(pg_url)
        commands = (["claim", "list"], ["db", "current"], ["init"], ["db", "grant-readonly", "r"])
        for command in commands:
            result = Cli(as_login)(*command)
            assert result.exit_code == 1, result.output
            message = result.stderr.strip()
            assert len(message.splitlines()) == 1, message
            assert f"has no rights on the schema {schema}" in message, message
            assert "claims init`." not in message and "run `claims init`" not in message
        assert "owner" in message and "CREATEROLE" in message, message


def test_grant_readonly_by_a_login_that_cannot_read_the_schema_version_names_the_owner(pg_url):
    with made_roles(pg_url) as make:
        login = make("LOGIN CREATEROLE")
        execute(pg_url, f'GRANT USAGE ON SCHEMA "{schema_of(pg_url)}" TO "{login}"')
        as_login = make_url(pg_url).set(username=login).render_as_string(hide_password=False)
        result = Cli(as_login)("db", "grant-readonly", login + "_r")
        listing = Cli(as_login)("claim", "list")
    assert result.exit_code == 1, result.output
    message = result.stderr.strip()
    assert "permission denied for table claims_schema_version" in message, message
    assert "run it as the schema's owner" in message and "CREATEROLE" in message, message
    # Any other command: the right is missing, and the owner grants it.
    assert listing.exit_code == 1, listing.output
    assert "lacks the right to do this: ask the owner" in listing.stderr, listing.stderr


# --- a candidate accepted by another user meanwhile ---------------------------------------------

CLAIM = "The finance minister resigned on Friday after the budget vote."
CARRIED = "The finance minister resigned on Friday after the budget vote, Finance Ministry said."


def _candidate_accepted_by_carol_meanwhile(db_url, cli, tmp_path, monkeypatch) -> None:
    path = tmp_path / "article.txt"
    path.write_text(CARRIED, encoding="utf-8")
    assert cli("article", "add", path, "--outlet", "Outlet", "--create-sources").exit_code == 0
    assert cli("claim", "add", CLAIM).exit_code == 0
    assert cli("match", "1").exit_code == 0

    def carol(session):
        matching.accept_candidate(session, 1, actor="carol")

    # Between reading the pending candidates and locking the claim.
    once_before(
        monkeypatch, source_service, "lock_source_names", lambda: another_user(db_url, carol)
    )


def test_accept_auto_leaves_a_candidate_accepted_meanwhile_and_says_so(
    db_url, cli, tmp_path, monkeypatch
):
    postgresql_only(db_url)
    _candidate_accepted_by_carol_meanwhile(db_url, cli, tmp_path, monkeypatch)
    told: list[str] = []
    with open_session(db_url) as session:
        accepted = matching.accept_auto(
            session, 1, thresholds=matching.Thresholds(), actor="dave", on_decided=told.append
        )
    assert accepted == []
    assert told == ["Candidate #1 was accepted by carol meanwhile."]


def test_match_accept_auto_racing_another_user_ends_well(db_url, cli, tmp_path, monkeypatch):
    postgresql_only(db_url)
    _candidate_accepted_by_carol_meanwhile(db_url, cli, tmp_path, monkeypatch)
    result = cli("match", "1", "--accept-auto", user="dave")
    assert result.exit_code == 0, result.output
    assert "0 candidate(s) at or above" in result.stderr
    assert "Candidate #1 was accepted by carol meanwhile." in result.stderr
    assert result.stdout.startswith("candidate")  # the listing, printed still
    with open_session(db_url, write=False) as session:
        (candidate,) = session.scalars(select(MatchCandidate))
        assert (candidate.status, candidate.decided_by) == ("accepted", "carol")
        assert session.scalar(select(func.count()).select_from(Appearance)) == 1


def _matchable(cli, tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(CARRIED, encoding="utf-8")
    assert cli("article", "add", path, "--outlet", "Outlet", "--create-sources").exit_code == 0
    assert cli("claim", "add", CLAIM).exit_code == 0


def test_a_claim_matched_twice_at_once_gets_its_candidates_once(db_url, cli, tmp_path):
    """Two `claims match 1` at once: the second waits for the first's, then finds its
    candidates and keeps them."""
    _matchable(cli, tmp_path)

    def match(session):
        return [c.id for c in matching.match_claim(session, 1, matching.load_index(session))]

    outcome = _concurrently(db_url, match, match)
    assert outcome == [[1]], outcome
    with open_session(db_url, write=False) as session:
        assert session.scalar(select(func.count()).select_from(MatchCandidate)) == 1


def test_a_candidate_rejected_while_another_user_accepts_it_stays_accepted(db_url, cli, tmp_path):
    _matchable(cli, tmp_path)
    assert cli("match", "1").exit_code == 0
    outcome = _concurrently(
        db_url,
        lambda s: matching.accept_candidate(s, 1, actor="carol"),
        lambda s: matching.reject_candidate(s, 1, actor="dave"),
    )
    assert isinstance(outcome[0], InvalidTransition), outcome
    assert "accepted already by carol" in str(outcome[0])
    with open_session(db_url, write=False) as session:
        candidate = session.get(MatchCandidate, 1)
        assert (candidate.status, candidate.decided_by) == ("accepted", "carol")


def test_a_claim_deleted_twice_at_once_is_deleted_once(db_url, cli, monkeypatch):
    from claims.services import claims as claim_service

    postgresql_only(db_url)
    claim, _, _ = desk(db_url, appearance=True)
    real = claim_service.get_claim
    once_after(
        monkeypatch,
        claim_service,
        "get_claim",
        lambda: another_user(db_url, lambda s: delete_claim(s, real(s, claim), actor="alice")),
    )
    result, sa_warnings = quietly(cli, "claim", "delete", claim, "--yes", user="bob")
    assert result.exit_code == 1, result.output
    assert result.stderr.strip().startswith(f"Error: No claim with id {claim}"), result.stderr
    assert not sa_warnings
    with open_session(db_url, write=False) as session:
        actors = session.scalars(
            select(AuditEntry.actor).where(
                AuditEntry.entity == "claims", AuditEntry.action == "delete"
            )
        ).all()
    assert actors == ["alice"]
