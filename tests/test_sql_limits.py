"""``claims sql --limit`` bounds what is computed and fetched, not only what is printed."""

from __future__ import annotations

import csv
import io

import pytest

from claims.sql import run_bound_query

# Every row past the fifth divides by zero: a query computed in full fails.
PAST_FIVE_FAILS = (
    "SELECT CASE WHEN g > {top} THEN 1 / (g - g) ELSE g END AS n FROM generate_series(1, 1000000) g"
)


@pytest.fixture
def pg(db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite's cursor already fetches row by row")
    return db_url


def test_only_the_rows_asked_for_are_computed(cli, failing, pg):
    query = PAST_FIVE_FAILS.format(top=5)
    result = cli("sql", query, "--limit", "3", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout))) == [["n"], ["1"], ["2"], ["3"]]
    assert "Showing the first 3 rows" in result.stderr
    failing("sql", query, "--limit", "10", match="division by zero")


def test_named_queries_are_read_through_a_cursor_too(pg):
    query = PAST_FIVE_FAILS.format(top=":top")
    result = run_bound_query(pg, query, {"top": 5}, limit=2)
    assert result.rows == [(1,), (2,)] and result.truncated


def test_the_time_limit_holds_while_rows_are_fetched(failing, pg):
    failing(
        "sql",
        "SELECT g, pg_sleep(0.3) FROM generate_series(1, 10) g",
        "--limit",
        "5",
        "--timeout",
        "0.5",
        match="ran longer than 0.5 s",
    )
