"""``claims match --accept-auto`` records only what a person would: not the opposite of the
claim, and no source named after a description ("his office said")."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.errors import InvalidInput
from claims.models import Appearance, MatchCandidate, Source
from claims.services import matching

CLAIM = "The finance minister resigned on Friday after the budget vote."
DENIED = "The finance minister did not resign on Friday after the budget vote, his office said."
CARRIED = "The finance minister resigned on Friday after the budget vote, his office said."
NAMED = "The finance minister resigned on Friday after the budget vote, Finance Ministry said."


@pytest.fixture
def desk(cli, tmp_path):
    """Add each text as an article of its own outlet, and the claim; returns the runner."""

    def build(*texts: str):
        for number, text in enumerate(texts, start=1):
            path = tmp_path / f"article{number}.txt"
            path.write_text(text, encoding="utf-8")
            result = cli("article", "add", path, "--outlet", f"Outlet {number}", "--create-sources")
            assert result.exit_code == 0, result.output
        result = cli("claim", "add", CLAIM)
        assert result.exit_code == 0, result.output
        return cli

    return build


def _appearances_and_sources(db_url) -> tuple[int, list[str]]:
    with open_session(db_url, write=False) as session:
        appearances = len(session.scalars(select(Appearance)).all())
        return appearances, sorted(s.name for s in session.scalars(select(Source)))


def test_the_opposite_statement_is_listed_flagged_and_not_accepted(desk, db_url):
    cli = desk(DENIED)
    result = cli("match", "1", "--accept-auto", "--format", "json")
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert row["level"] == "negation"
    assert row["score"] < matching.Thresholds().auto
    assert "0 candidate(s)" in result.stderr
    assert _appearances_and_sources(db_url) == (0, ["Outlet 1"])


def test_the_opposite_statement_is_not_accepted_at_any_auto_threshold(desk, db_url):
    cli = desk(DENIED)
    result = cli("match", "1", "--suggest", "0.1", "--auto", "0.1", "--accept-auto")
    assert result.exit_code == 0, result.output
    assert "left pending for --review: the passage's negation differs" in result.stderr
    assert _appearances_and_sources(db_url) == (0, ["Outlet 1"])
    with open_session(db_url, write=False) as session:
        assert [c.status for c in session.scalars(select(MatchCandidate))] == ["pending"]


def test_review_says_the_negation_differs(desk):
    cli = desk(DENIED)
    assert cli("match", "1").exit_code == 0
    result = cli("match", "--review", input="s\n")
    assert result.exit_code == 0, result.output
    assert "Caution: the passage's negation differs from the claim's." in result.stderr


def test_a_chain_naming_a_description_is_left_for_a_person(desk, db_url):
    cli = desk(CARRIED)
    result = cli("match", "1", "--accept-auto", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["level"] == "held"
    assert "'his office', a description rather than a source's name" in result.stderr
    assert _appearances_and_sources(db_url) == (0, ["Outlet 1"])


def test_a_chain_naming_a_source_is_still_accepted(desk, db_url):
    cli = desk(NAMED)
    result = cli("match", "1", "--accept-auto")
    assert result.exit_code == 0, result.output
    assert "1 candidate(s) at or above 0.95 accepted" in result.stderr
    assert _appearances_and_sources(db_url) == (1, ["Finance Ministry", "Outlet 1"])


def test_a_description_becomes_a_source_only_when_a_reviewer_names_it(desk, db_url):
    desk(CARRIED)("match", "1")
    with open_session(db_url) as session:
        candidate = session.scalars(select(MatchCandidate)).one()
        assert matching.preview_chain(session, candidate.id).descriptions == ["his office"]
        with pytest.raises(InvalidInput, match="a description rather than a name"):
            matching.accept_candidate(session, candidate.id, actor="tester")
        matching.accept_candidate(
            session, candidate.id, actor="tester", create_sources=["his office"]
        )
    assert _appearances_and_sources(db_url) == (1, ["Outlet 1", "his office"])


def test_accepting_takes_the_new_sources_name_locks_before_the_claims_row(desk, db_url):
    """Whoever creates a source locks its name, then the claim (by inserting an
    appearance); accepting a candidate locks the claim row for update, so it must take the
    names first too, or the two deadlock on PostgreSQL."""
    from sqlalchemy import event

    if not db_url.startswith("postgresql"):
        pytest.skip("the name locks are PostgreSQL's advisory locks")
    cli = desk(NAMED)
    assert cli("match", "1").exit_code == 0
    statements: list[str] = []
    with open_session(db_url) as session:
        connection = session.connection()
        event.listen(
            connection, "before_cursor_execute", lambda *a: statements.append(a[2].lower())
        )
        matching.accept_candidate(session, 1, actor="tester", create_sources=True)
    name_lock = next(i for i, sql in enumerate(statements) if "pg_advisory_xact_lock" in sql)
    row_lock = next(
        i
        for i, sql in enumerate(statements)
        if "from claims" in sql and "update" in sql.rsplit("for ", 1)[-1]
    )
    assert name_lock < row_lock


def test_accepting_a_claims_candidates_takes_every_new_name_before_the_claims_row(desk, db_url):
    """The first acceptance locks the claim; a second candidate's names taken after it would
    cross a writer who locks names, then the claim (an import batch inserting an appearance)."""
    from sqlalchemy import event

    if not db_url.startswith("postgresql"):
        pytest.skip("the name locks are PostgreSQL's advisory locks")
    other = NAMED.replace("Finance Ministry", "Treasury Board")
    cli = desk(NAMED, other)
    assert cli("match", "1").exit_code == 0
    statements: list[str] = []
    with open_session(db_url) as session:
        connection = session.connection()
        event.listen(
            connection, "before_cursor_execute", lambda *a: statements.append(a[2].lower())
        )
        accepted = matching.accept_auto(session, 1, thresholds=matching.Thresholds(), actor="t")
    assert len(accepted) == 2
    name_locks = [i for i, sql in enumerate(statements) if "pg_advisory_xact_lock" in sql]
    first_row_lock = next(
        i
        for i, sql in enumerate(statements)
        if "from claims" in sql and "update" in sql.rsplit("for ", 1)[-1]
    )
    assert len(name_locks) >= 2 and max(name_locks[:2]) < first_row_lock
