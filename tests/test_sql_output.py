"""``claims sql``: what it prints from each database, and the one line a refused statement gets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest

from claims.sql import timestamp_text

# On PostgreSQL: UTC, microseconds, offset. On SQLite: the text claims stored (UTC, no offset).
POSTGRESQL_TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00$")
SQLITE_TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$")


def _outputs(cli, query: str) -> dict[str, str]:
    """The single value ``query`` returns, as the table, CSV and JSON formats print it."""
    found = {}
    for fmt in ("table", "csv", "json"):
        result = cli("sql", query, "--format", fmt)
        assert result.exit_code == 0, result.output
        if fmt == "table":
            found[fmt] = result.stdout.strip().splitlines()[-1].strip()
        elif fmt == "csv":
            found[fmt] = list(csv.reader(io.StringIO(result.stdout)))[1][0]
        else:
            found[fmt] = next(iter(json.loads(result.stdout)[0].values()))
    return found


def test_a_stored_timestamp_prints_the_same_in_every_format(cli, db_url):
    assert cli("source", "add", "Xinhua").exit_code == 0
    found = _outputs(cli, "SELECT created_at FROM sources")
    assert len(set(found.values())) == 1, found
    pattern = POSTGRESQL_TIME if db_url.startswith("postgresql") else SQLITE_TIME
    assert pattern.match(found["csv"]), found


def test_postgresql_timestamps_print_in_utc_with_microseconds(cli, db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite has no timestamp type: its timestamps are text")
    found = _outputs(cli, "SELECT TIMESTAMPTZ '2026-12-05 14:56:18+02' AS at")
    assert set(found.values()) == {"2026-12-05 12:56:18.000000+00:00"}, found


def test_booleans_are_the_databases(cli, db_url):
    found = _outputs(cli, "SELECT 1 = 1 AS yes")
    if db_url.startswith("postgresql"):
        assert found == {"table": "True", "csv": "True", "json": True}
    else:
        assert found == {"table": "1", "csv": "1", "json": 1}


def test_timestamp_text():
    aware = dt.datetime(2026, 12, 5, 14, 56, 18, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert timestamp_text(aware) == "2026-12-05 12:56:18.000000+00:00"
    assert timestamp_text(dt.datetime(2026, 12, 5, 12, 56, 18, 5)) == "2026-12-05 12:56:18.000005"


# --- statements refused as writes, whatever their shape --------------------------------------


def test_a_transaction_command_glued_to_a_write_is_refused_as_such(failing):
    message = failing("sql", "commit; delete from claims", match="read-only")
    assert "COMMIT is not a query" in message, message


@pytest.mark.parametrize(
    "written",
    [
        "with x as (delete from claims returning id) select * from x",
        "with x as materialized (delete from claims returning id) select * from x",
        "with x as not materialized (delete from claims returning id) select * from x",
        "with x as /* a note */ (delete from claims returning id) select * from x",
    ],
)
def test_a_write_inside_with_is_refused_as_a_write(failing, db_url, written):
    message = failing("sql", written, match="read-only")
    assert "SELECT" not in message, message
    if db_url.startswith("postgresql"):
        assert "its WITH clause changes data" in message, message
    else:
        assert "DELETE inside a query is a write" in message, message


@pytest.mark.parametrize(
    "statement", ["select id, update from claims", "select * from claims order by delete"]
)
def test_a_keyword_typed_where_a_name_goes_is_a_syntax_error_not_a_write(failing, statement):
    message = failing("sql", statement, match="SQL error")
    assert "read-only" not in message, message


@pytest.mark.parametrize(
    ("statement", "detail"),
    [("DELETE FROM claims", "DELETE"), ("BEGIN", "BEGIN is not a query")],
    ids=["delete", "begin"],
)
def test_sqlite_refusals_say_what_was_refused(failing, db_url, statement, detail):
    if not db_url.startswith("sqlite"):
        pytest.skip("the authorizer is SQLite's")
    message = failing("sql", statement, match="read-only")
    assert detail in message and "not authorized" not in message, message


# --- columns that share a name, numbers that are no number ------------------------------------


def test_columns_that_share_a_name_print_in_every_format(cli):
    table = cli("sql", "SELECT 1 AS a, 2 AS a, 3 AS b")
    assert table.exit_code == 0, table.output
    assert table.stdout.split()[:3] == ["a", "a", "b"]
    assert table.stdout.strip().splitlines()[-1].split() == ["1", "2", "3"]
    found = cli("sql", "SELECT 1 AS a, 2 AS a, 3 AS b", "--format", "csv")
    assert found.exit_code == 0, found.output
    assert list(csv.reader(io.StringIO(found.stdout))) == [["a", "a", "b"], ["1", "2", "3"]]
    # JSON keys must differ: the second a is a_2, past a name the query already has.
    found = cli("sql", "SELECT 1 AS a, 2 AS a, 3 AS a_2, 4 AS a", "--format", "json")
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout) == [{"a": 1, "a_3": 2, "a_2": 3, "a_4": 4}]


def test_a_join_of_two_tables_with_an_id_each(cli):
    assert cli("claim", "add", "The bridge opens in May.").exit_code == 0
    query = "SELECT * FROM claims c JOIN claims d ON d.id = c.id"
    for fmt in ("table", "csv", "json"):
        result = cli("sql", query, "--format", fmt)
        assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["id_2"] == json.loads(result.stdout)[0]["id"]


def test_numbers_that_are_no_number_are_not_printed_as_null(cli, db_url):
    if db_url.startswith("postgresql"):
        query = "SELECT 'NaN'::float8 AS x, 'Infinity'::float8 AS y, NULL::float8 AS z"
        expected = ["NaN", "Infinity", ""]
    else:  # SQLite stores NaN as NULL; a number past the largest float is infinite
        query = "SELECT 9e999 AS x, -9e999 AS y, NULL AS z"
        expected = ["Infinity", "-Infinity", ""]
    found = cli("sql", query, "--format", "csv")
    assert found.exit_code == 0, found.output
    assert list(csv.reader(io.StringIO(found.stdout)))[1] == expected
    found = cli("sql", query, "--format", "json")
    assert json.loads(found.stdout) == [dict(zip("xyz", [*expected[:2], None], strict=True))]
    table = cli("sql", query)
    assert table.stdout.strip().splitlines()[-1].split() == expected[:2]


# --- what a refusal or an error says, on PostgreSQL -------------------------------------------


@pytest.mark.parametrize(
    ("statement", "detail"),
    [
        ("SELECT id FROM claims FOR UPDATE", "SELECT ... FOR UPDATE locks rows for writing"),
        ("SELECT id FROM claims FOR KEY SHARE", "SELECT ... FOR KEY SHARE locks rows"),
        ("SELECT id INTO TEMP t FROM claims", "SELECT ... INTO creates a table"),
        ("DELETE FROM claims", "DELETE is a write"),
        ("WITH x AS (SELECT 1) DELETE FROM claims", "DELETE is a write"),
    ],
)
def test_postgresql_refusals_say_what_wrote(failing, db_url, statement, detail):
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite's grammar has no FOR UPDATE nor SELECT INTO")
    message = failing("sql", statement, match="read-only")
    assert detail in message and "WITH clause" not in message, message


@pytest.mark.parametrize(
    ("statement", "position"),
    [
        ("select * from nosuch", 15),
        ("  select * from nosuch", 17),
        ("select * frm claims", 10),
        ("select 1;\nselect * from nosuch", None),
    ],
)
def test_postgresql_error_positions_count_in_the_statement_given(
    failing, db_url, statement, position
):
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite gives no positions")
    message = failing("sql", statement, match="SQL error")
    if position is None:
        assert "at character" not in message, message
    else:
        assert message.endswith(f"at character {position}."), message


# --- what each database hands back, alike ------------------------------------------------------


def test_sums_averages_and_bytes_print_alike_on_both_databases(cli, db_url):
    blob = "'\\x00ff'::bytea" if db_url.startswith("postgresql") else "x'00ff'"
    query = (
        "SELECT round(avg(x), 2) AS mean, sum(x) AS total, "
        f"{blob} AS raw FROM (SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 4) AS v"
    )
    found = cli("sql", query, "--format", "json")
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout) == [{"mean": 2.33, "total": 7, "raw": "\\x00ff"}]


@pytest.mark.parametrize("statement", ["-- nothing but a note", "/* a note */ ;"])
def test_sql_of_comments_alone_is_refused_as_empty(failing, statement):
    failing("sql", "--", statement, match="holds only comments")


def test_trailing_semicolons_end_one_statement_on_both_databases(cli):
    found = cli("sql", "SELECT 1 AS one;;", "--format", "csv")
    assert found.exit_code == 0, found.output
    assert found.stdout.split() == ["one", "1"]


@pytest.mark.parametrize(
    "statement", ["CREATE TABLE scratch (x integer)", "DROP VIEW claim_carriers", "ANALYZE"]
)
def test_a_schema_change_on_sqlite_is_refused_in_its_own_words(failing, db_url, statement):
    if not db_url.startswith("sqlite"):
        pytest.skip("the authorizer is SQLite's")
    message = failing("sql", statement, match="read-only")
    assert "changing the schema" in message and "sqlite_master" not in message, message


def test_explain_and_show_run_on_postgresql(cli, failing, db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite's EXPLAIN runs as any query")
    plan = cli("sql", "EXPLAIN SELECT id FROM claims", "--format", "csv")
    assert plan.exit_code == 0, plan.output
    assert plan.stdout.startswith("QUERY PLAN")
    shown = cli("sql", "SHOW statement_timeout", "--format", "csv", "--timeout", "5")
    assert shown.stdout.split() == ["statement_timeout", "5s"]
    failing("sql", "EXPLAIN ANALYZE DELETE FROM claims", match="read-only")
    failing("sql", "EXPLAIN SELECT 1; DROP TABLE claims", match="multiple commands")


def test_numerics_a_float_cannot_hold_print_exactly(cli, db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("only PostgreSQL has numeric")
    query = "SELECT 12345678901234567.89::numeric AS big, 1.25::numeric AS small"
    found = cli("sql", query, "--format", "json")
    assert json.loads(found.stdout) == [{"big": "12345678901234567.89", "small": 1.25}]


def test_a_statement_after_a_comment_is_read_by_its_first_word(cli, db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("SHOW is PostgreSQL's")
    found = cli("sql", "/* which */ SHOW statement_timeout", "--format", "csv", "--timeout", "5")
    assert found.exit_code == 0, found.output
    assert found.stdout.split() == ["statement_timeout", "5s"]
