"""docs/pandas.md tells the truth: its code runs as written, and claims.connect() reads
but never writes, on both backends."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import exc, text

import claims
from claims.db import open_session
from claims.seeds import load_seeds

PAGE = Path(__file__).resolve().parent.parent / "docs" / "pandas.md"
BLOCKS = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)


@pytest.fixture
def seeded(db_url):
    with open_session(db_url) as session:
        load_seeds(session, actor="tester")
    return db_url


def test_the_page_has_code(seeded):
    assert len(BLOCKS) >= 4


def test_the_code_on_the_page_runs(seeded, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("CLAIMS_DATABASE_URL", seeded)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for number, block in enumerate(BLOCKS, start=1):
        try:
            exec(compile(block, f"docs/pandas.md block {number}", "exec"), namespace)
        except Exception as error:  # name the block, keep the cause
            raise AssertionError(f"block {number} failed: {error!r}\n{block}") from error
    printed = capsys.readouterr().out
    assert "→" in printed  # the chains were built
    assert not namespace["matrix"].empty
    assert not namespace["reliance"].empty
    assert len(namespace["chains"]) == namespace["hops"]["appearance_id"].nunique()


def test_connect_gives_read_sql_an_engine_that_cannot_write(seeded):
    engine = claims.connect(seeded)
    try:
        frame = pd.read_sql("SELECT count(*) AS n FROM claims", engine)
        assert int(frame["n"].iloc[0]) > 0
        with pytest.raises(exc.DBAPIError):
            with engine.begin() as connection:
                connection.execute(text("DELETE FROM claims"))
        assert pd.read_sql("SELECT count(*) AS n FROM claims", engine)["n"].iloc[0] > 0
    finally:
        engine.dispose()
