"""``claims browse``: Datasette over the SQLite file, read-only, with our metadata.

The server test starts the real command in a subprocess on a free port, asks for
an HTML page, a table as JSON and a canned query as JSON, then stops it.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claims.browse import metadata, view_metadata
from claims.db import open_session
from claims.models import Base, Claim
from claims.named_queries import catalogue, run_named_query
from claims.seeds import load_seeds
from claims.views import VIEWS

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def sqlite_url(db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("Datasette serves SQLite files")
    return db_url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture
def server(sqlite_url):
    pytest.importorskip("datasette")
    with open_session(sqlite_url) as session:
        load_seeds(session, actor="tester")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "--db", sqlite_url, "browse", "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if process.poll() is not None:
                raise AssertionError(f"claims browse exited: {process.stdout.read()}")
            try:
                if get(f"{base}/-/versions.json")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            raise AssertionError("claims browse did not answer within a minute")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_browse_serves_pages_tables_and_canned_queries(server, sqlite_url):
    database = Path(sqlite_url.removeprefix("sqlite:///")).stem
    status, html = get(f"{server}/{database}/claims")
    assert status == 200
    assert Claim.__table__.comment in html  # the table's description, as the schema gives it
    assert "Outlets carrying a claim" in get(f"{server}/{database}")[1]  # a canned query

    status, body = get(f"{server}/{database}/claims.json?_shape=objects&_size=max")
    assert status == 200
    table = json.loads(body)
    with open_session(sqlite_url, write=False) as session:
        claims_count = session.scalar(select(func.count()).select_from(Claim))
    assert len(table["rows"]) == claims_count
    assert "status" in table["facet_results"]

    status, body = get(f"{server}/{database}/carriers-of.json?claim=7&_shape=array")
    assert status == 200, body
    expected = run_named_query(sqlite_url, "carriers-of", {"claim": "7"}, limit=100, timeout=30)
    assert [row["chain"] for row in json.loads(body)] == [
        row[expected.columns.index("chain")] for row in expected.rows
    ]


def test_browse_offers_no_csv_a_spreadsheet_would_run_as_formulas(server, sqlite_url):
    from claims.services.sources import add_source

    with open_session(sqlite_url) as session:
        add_source(session, name='=HYPERLINK("http://evil.example","x")', kind="outlet", actor="t")
        session.commit()
    database = Path(sqlite_url.removeprefix("sqlite:///")).stem
    for address in (
        f"{server}/{database}/sources.csv",
        f"{server}/{database}/sources.csv?_dl=1&_size=max",
        f"{server}/{database}.csv?sql=" + urllib.parse.quote("SELECT name FROM sources"),
        f"{server}/{database}/carriers-of.csv?claim=7",
    ):
        status, body = get(address)
        assert status == 403, address
        assert "HYPERLINK" not in body
        assert "claims report" in body and "claims export" in body
    status, body = get(f"{server}/{database}/sources.json?_shape=array&_size=max")
    assert status == 200 and "HYPERLINK" in body  # JSON stays on: no spreadsheet runs it


def test_browse_cannot_write(server, sqlite_url):
    database = Path(sqlite_url.removeprefix("sqlite:///")).stem
    statement = urllib.parse.quote("DELETE FROM claims")
    status, _ = get(f"{server}/{database}.json?sql={statement}")
    assert status >= 400
    with open_session(sqlite_url, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Claim)) > 0


def test_metadata_describes_every_table_and_offers_the_named_queries():
    built = metadata("claims")["databases"]["claims"]
    for table in Base.metadata.sorted_tables:
        assert built["tables"][table.name]["description"], table.name
    assert built["tables"]["claims"]["facets"] == ["status"]
    assert "publisher_id" in built["tables"]["articles"]["facets"]
    assert set(built["queries"]) == set(catalogue())
    assert built["queries"]["carriers-of"]["params"] == ["claim"]
    assert "source's id" in built["queries"]["claims-of-outlet"]["description"]


def test_every_documented_view_is_described_with_its_columns_and_facets():
    views = view_metadata()
    assert set(views) == set(VIEWS)
    for name, view in VIEWS.items():
        assert views[name]["description"] == view.description
        assert views[name]["columns"] == dict(view.columns)
    assert views["claim_carriers"]["facets"] == ["outlet", "status"]
    assert "facets" not in views["attribution_edges"]


# --- refusals -------------------------------------------------------------------------------


def test_browse_refuses_postgresql(failing, db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL URL")
    failing("browse", match="SQLite files only")


def test_browse_without_the_extra_says_how_to_install_it(failing, sqlite_url, monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette.cli", None)  # as if not installed
    failing("browse", match="pip install 'claims[browse]'")


def test_browse_on_a_port_in_use(failing, sqlite_url):
    pytest.importorskip("datasette")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        failing("browse", "--port", str(taken.getsockname()[1]), match="in use")


@pytest.mark.parametrize("port", ["0", "70000"])
def test_browse_on_an_impossible_port(cli, snapshot, sqlite_url, port):
    from tests.test_cli_truth import usage_error

    usage_error(cli, snapshot, "browse", "--port", port, match="'--port'")


def test_browse_refuses_a_missing_file(tmp_path):
    from typer.testing import CliRunner

    from cli.main import app

    result = CliRunner().invoke(app, ["--db", str(tmp_path / "none.db"), "browse"])
    assert result.exit_code == 1
    assert "claims init" in result.stderr


def test_browse_links_the_ids_drift_findings_hold_without_keys(server, sqlite_url):
    from claims.models import DriftFinding

    database = Path(sqlite_url.removeprefix("sqlite:///")).stem
    with open_session(sqlite_url, write=False) as session:
        finding = session.scalars(
            select(DriftFinding).where(DriftFinding.source_id.is_not(None)).limit(1)
        ).one()
    status, html = get(f"{server}/{database}/drift_findings/{finding.id}")
    assert status == 200
    for table, value in [
        ("claims", finding.claim_id),
        ("appearances", finding.from_appearance_id),
        ("appearances", finding.to_appearance_id),
        ("sources", finding.source_id),
    ]:
        assert f'<a href="/{database}/{table}/{value}">{value}</a>' in html, table


def test_every_id_column_without_a_key_says_which_table_it_names():
    pytest.importorskip("datasette")
    from claims.browse_links import references

    found = references()
    assert found == {
        ("drift_findings", "claim_id"): "claims",
        ("drift_findings", "from_appearance_id"): "appearances",
        ("drift_findings", "to_appearance_id"): "appearances",
        ("drift_findings", "source_id"): "sources",
    }
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if (table.name, column.name) in found:
                assert not column.foreign_keys
                assert f"({found[table.name, column.name]}.id)" in column.comment
