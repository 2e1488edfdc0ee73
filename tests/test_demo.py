"""The demo and the seed command, as a newcomer runs them."""

from __future__ import annotations

import json

from openpyxl import load_workbook
from typer.testing import CliRunner

from cli.main import app


def test_demo_builds_a_fresh_database_and_prints_the_carriers_matrix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for _ in range(2):  # a second run starts again from nothing
        result = runner.invoke(app, ["demo", "--format", "csv"])
        assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split(",")[:3] == ["claim_id", "claim", "status"]
    assert {"Inquirer", "UNN"} <= set(header.split(","))
    assert len(rows) >= 12
    assert (tmp_path / "claims-demo.db").exists()
    assert "claims-demo.db" in result.stderr


def test_demo_database_answers_reports_and_sql(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["demo"]).exit_code == 0
    chains = runner.invoke(app, ["--db", "claims-demo.db", "report", "chains", "--format", "json"])
    assert chains.exit_code == 0, chains.output
    rendered = {row["chain"] for row in json.loads(chains.stdout)}
    assert "Wang Xiaohong \u2192 Xinhua \u2192 Reuters \u2192 UNN" in rendered
    assert "Wang Xiaohong \u2192 Xinhua \u2192 Reuters \u2192 Inquirer" in rendered
    workbook_path = tmp_path / "demo.xlsx"
    result = runner.invoke(app, ["--db", "claims-demo.db", "report", "all", "-o", workbook_path])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames == [
        "carriers",
        "chains",
        "outlets",
        "claims",
        "drift",
        "derivation",
        "outlet network",
    ]
    sheet = workbook["chains"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert sheet.auto_filter.ref.startswith("A1:")
    published = [cell.value for cell in sheet[1]].index("published") + 1
    assert hasattr(sheet.cell(row=2, column=published).value, "year")


def test_seed_is_idempotent(tmp_path):
    url = f"sqlite:///{tmp_path / 'seeded.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["--db", url, "init"]).exit_code == 0
    first = runner.invoke(app, ["--db", url, "seed"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["--db", url, "seed"])
    assert second.exit_code == 0, second.output
    assert "created 0 sources, 0 aliases, 0 articles, 0 claims, 0 appearances" in second.stderr
    listed = runner.invoke(app, ["--db", url, "claim", "list", "--format", "json"])
    assert len(json.loads(listed.stdout)) >= 12


def test_connect_gives_pandas_a_read_only_engine(tmp_path, monkeypatch):
    import pandas as pd
    import pytest
    from sqlalchemy import text

    import claims

    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["demo"]).exit_code == 0
    engine = claims.connect("claims-demo.db")
    try:
        frame = pd.read_sql("SELECT id, status FROM claims", engine)
        assert len(frame) >= 12
        with pytest.raises(Exception, match="readonly|read-only"):
            with engine.begin() as connection:
                connection.execute(text("DELETE FROM claims"))
    finally:
        engine.dispose()
