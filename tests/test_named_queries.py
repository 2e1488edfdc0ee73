"""Named queries: every file parses, runs on both backends against the seeds, and means
what its title says; bad names and parameters get one clear line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claims.db import open_session
from claims.errors import DatabaseError
from claims.models import Appearance, Article, ChainHop, Claim, Source
from claims.named_queries import (
    QueryFileError,
    catalogue,
    parse_query_file,
    run_named_query,
)
from claims.seeds import load_seeds
from claims.services import review
from claims.sql import run_bound_query


@pytest.fixture
def seeded(db_url):
    with open_session(db_url) as session:
        load_seeds(session, actor="tester")
    return db_url


def rows(url, name, **values):
    result = run_named_query(
        url, name, {k: str(v) for k, v in values.items()}, limit=10_000, timeout=30
    )
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def scalar(url, statement):
    with open_session(url, write=False) as session:
        return session.scalar(statement)


def test_there_are_several_queries_each_with_title_and_description():
    queries = catalogue()
    assert len(queries) >= 5
    for query in queries.values():
        assert query.title and query.description, query.name


def test_carriers_of(seeded):
    claim_id = scalar(
        seeded,
        select(Appearance.claim_id)
        .group_by(Appearance.claim_id)
        .order_by(func.count().desc(), Appearance.claim_id)
        .limit(1),
    )
    found = rows(seeded, "carriers-of", claim=claim_id)
    with open_session(seeded, write=False) as session:
        appearances = session.scalars(
            select(Appearance).where(Appearance.claim_id == claim_id)
        ).all()
        expected = {
            a.id: (a.article.publisher.name, [h.source.name for h in a.hops]) for a in appearances
        }
    assert len(found) == len(expected) >= 2
    for row in found:
        outlet, chain = expected[row["appearance_id"]]
        assert row["outlet"] == outlet
        assert row["chain"] == " → ".join(chain)


def test_claims_of_outlet(seeded):
    from claims.services.claims import list_claims

    with open_session(seeded, write=False) as session:
        outlet = session.scalars(select(Source).where(Source.kind == "outlet")).first()
        expected = [c.id for c in list_claims(session, outlet=outlet.name)]
    assert [r["claim_id"] for r in rows(seeded, "claims-of-outlet", outlet=outlet.name)] == sorted(
        expected
    )
    # #ID works as everywhere else.
    assert len(rows(seeded, "claims-of-outlet", outlet=f"#{outlet.id}")) == len(expected)


def test_chains_through_and_outlets_relying_on(seeded):
    with open_session(seeded, write=False) as session:
        source_id, hops = session.execute(
            select(ChainHop.source_id, func.count())
            .where(ChainHop.role == "stated")
            .group_by(ChainHop.source_id)
            .order_by(func.count().desc(), ChainHop.source_id)
            .limit(1)
        ).one()
        name = session.get(Source, source_id).name
    through = rows(seeded, "chains-through", source=name)
    assert len(through) == hops
    relying = rows(seeded, "outlets-relying-on", source=name)
    assert sum(r["appearances"] for r in relying) == hops
    assert {r["outlet"] for r in relying} == {r["outlet"] for r in through}


def test_awaiting_review_lists_the_submitted_claims(seeded):
    assert rows(seeded, "awaiting-review") == []
    with open_session(seeded) as session:
        review.submit(session, 3, actor="ann")
        review.submit(session, 5, actor="bob")
        review.submit(session, 6, actor="bob")
        review.approve(session, 6, actor="cyd")
    found = rows(seeded, "awaiting-review")
    assert [(r["claim_id"], r["submitted_by"]) for r in found] == [(3, "ann"), (5, "bob")]


def test_quotations_differ_shows_only_claims_worded_differently(seeded):
    found = rows(seeded, "quotations-differ")
    assert found
    by_claim: dict[int, set[str]] = {}
    for row in found:
        by_claim.setdefault(row["claim_id"], set()).add(row["quotation"])
    assert all(len(quotes) > 1 for quotes in by_claim.values())
    with open_session(seeded, write=False) as session:
        single_outlet = session.scalars(
            select(Appearance.claim_id)
            .join(Article)
            .group_by(Appearance.claim_id)
            .having(func.count(func.distinct(Article.publisher_id)) == 1)
        ).all()
    assert not set(single_outlet) & set(by_claim)


def test_unattributed_appearances_have_no_stated_hop(seeded):
    found = rows(seeded, "unattributed")
    assert found
    with open_session(seeded, write=False) as session:
        stated = set(
            session.scalars(select(ChainHop.appearance_id).where(ChainHop.role == "stated"))
        )
        total = session.scalar(select(func.count()).select_from(Appearance))
    assert len(found) == total - len(stated)


def test_new_claims_since(seeded):
    with open_session(seeded, write=False) as session:
        latest = session.scalar(select(func.max(Article.published)))
        carried = session.scalar(select(func.count(func.distinct(Appearance.claim_id))))
    assert len(rows(seeded, "new-claims-since", since="1900-01-01")) == carried
    assert rows(seeded, "new-claims-since", since=latest.isoformat()) != []
    after = latest.replace(year=latest.year + 1).isoformat()
    assert rows(seeded, "new-claims-since", since=after) == []


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_query_runs_from_the_command_line(seeded, cli, name):
    values = {"claim": "1", "outlet": "#2", "source": "#1", "since": "2000-01-01"}
    query = catalogue()[name]
    args = ["sql", "--query", name, "--format", "json"]
    for parameter in query.parameters:
        args += ["--param", f"{parameter.name}={values[parameter.name]}"]
    result = cli(*args)
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_list_shows_names_titles_and_parameters(cli):
    result = cli("sql", "--list", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = {q["name"]: q for q in json.loads(result.stdout)}
    assert listed.keys() == catalogue().keys()
    assert listed["carriers-of"]["parameters"] == "claim=INTEGER"


def test_values_are_bound_not_pasted(db_url):
    awkward = "x'; DROP TABLE claims; -- %s %(name)s :other"
    result = run_bound_query(db_url, "SELECT :value AS value", {"value": awkward})
    assert result.rows == [(awkward,)]
    assert scalar(db_url, select(func.count()).select_from(Claim)) == 0  # table still there


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args,match",
    [
        (["--query", "no-such-query"], "no named query 'no-such-query'"),
        (["--query", "carriers-of", "--param", "claim=twelve"], "whole number"),
        (["--query", "carriers-of", "--param", "claim=1_000"], "whole number"),
        (["--query", "carriers-of", "--param", "claim=\u0661"], "whole number"),
        (["--query", "carriers-of", "--param", "claim=\uff11"], "whole number"),
        (["--query", "carriers-of", "--param", "claim=1.0"], "whole number"),
        (["--query", "carriers-of", "--param", f"claim={2**70}"], "too large"),
        (["--query", "new-claims-since", "--param", "since=19 Feb"], "YYYY-MM-DD"),
        (["--query", "claims-of-outlet", "--param", "outlet=Nobody Knows"], "Nobody Knows"),
        (["--query", "claims-of-outlet", "--param", "outlet="], "empty"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_bad_named_query_input(failing, args, match):
    failing("sql", *args, match=match)


@pytest.mark.parametrize("value", ["12", "+12", "-3", " 7 "])
def test_integer_parameters_take_ascii_digits_with_a_sign(db_url, value):
    from claims.named_queries import convert, get_query

    bound = convert(get_query("carriers-of"), {"claim": value}, None, dialect="sqlite")
    assert bound == {"claim": int(value)}


@pytest.mark.parametrize(
    "args,match",
    [
        (["--query", "carriers-of"], "needs --param claim="),
        (["--query", "carriers-of", "--param", "claim=1", "--param", "x=2"], "no parameter x"),
        (["--query", "awaiting-review", "--param", "claim=1"], "takes no parameters"),
        (["--query", "carriers-of", "--param", "claim"], "not NAME=VALUE"),
        (["--query", "carriers-of", "--param", "=1"], "not NAME=VALUE"),
        (["--query", "carriers-of", "-p", "claim=1", "-p", "claim=2"], "given twice"),
        (["--query", "carriers-of", "-p", "claim=1", "--limit", "0"], "--limit"),
        (["--query", "carriers-of", "-p", "claim=1", "--timeout", "0"], "--timeout"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_params_that_do_not_fit_the_query_are_usage_errors(cli, snapshot, args, match):
    """Like ``--limit abc``: the command was mistyped, which the database need not tell."""
    before = snapshot()
    result = cli("sql", *args)
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and match in message, message
    assert "Traceback" not in result.output
    assert snapshot() == before


@pytest.mark.parametrize(
    "args,match",
    [
        (["--param", "claim=1"], "--param goes with --query"),
        (["SELECT 1", "--query", "awaiting-review"], "not both"),
        ([], "--list"),
        (["--list", "--query", "carriers-of"], "--list takes no"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_option_combinations_that_make_no_sense_are_usage_errors(cli, args, match):
    result = cli("sql", *args)
    assert result.exit_code == 2, result.output
    assert match in result.output
    assert "Traceback" not in result.output


def test_row_cap_and_time_limit_apply_to_named_queries(seeded, cli, failing):
    result = cli("sql", "--query", "unattributed", "--limit", "1", "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 1
    assert "Showing the first 1 rows; the query returned more: raise --limit" in result.stderr
    long_query = (
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < :top) "
        "SELECT count(*) FROM c"
    )
    with pytest.raises(DatabaseError, match=r"ran longer than 0\.5 s and was stopped.*--timeout"):
        run_bound_query(seeded, long_query, {"top": 10**9}, timeout=0.5)


def test_role_needs_postgresql(failing, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("on PostgreSQL --role is allowed")
    failing("sql", "SELECT 1", "--role", "analyst", match="PostgreSQL only")


def test_unknown_role_on_postgresql(failing, db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    failing("sql", "SELECT 1", "--role", "claims_no_such_role_x", match="cannot act as role")


# --- the files themselves ------------------------------------------------------------------


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "q.sql"
    path.write_text(text, encoding="utf-8")
    return path


def test_header_with_continuation_lines(tmp_path):
    query = parse_query_file(
        write(
            tmp_path,
            "-- title: T\n-- description: one\n--   two\n-- param n: integer  A number.\n"
            "SELECT :n AS n, '10:30' AS at;\n",
        )
    )
    assert (query.title, query.description) == ("T", "one two")
    assert [(p.name, p.type, p.description) for p in query.parameters] == [
        ("n", "integer", "A number.")
    ]
    assert query.sql.endswith("AS at")


@pytest.mark.parametrize(
    "text,match",
    [
        ("-- description: d\nSELECT 1", "no `-- title:`"),
        ("-- title: T\nSELECT :n", "declares []"),
        ("-- title: T\n-- param n: integer  N.\nSELECT 1", "uses []"),
        ("-- title: T\n-- param n: number  N.\nSELECT :n", "type 'number'"),
        ("-- title: T\n-- title: U\nSELECT 1", "given twice"),
        ("-- title: T\n-- oops\nSELECT 1", "not a header line"),
        ("-- title: T\n", "no SQL"),
    ],
)
def test_broken_query_files_are_refused(tmp_path, text, match):
    with pytest.raises(QueryFileError, match=re.escape(match)):
        parse_query_file(write(tmp_path, text))
