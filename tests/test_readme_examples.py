"""The example files the README walks through (`docs/examples/`) do what it says they do,
in the seeds database the README builds before them."""

from __future__ import annotations

import json

from tests.conftest import REPO

PAGE = REPO / "docs" / "examples" / "page.html"
CLAIMS_CSV = REPO / "docs" / "examples" / "claims.csv"


def test_the_readme_names_the_example_files():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "claims article add docs/examples/page.html --outlet UNN" in readme
    assert "claims import docs/examples/claims.csv" in readme


def test_the_example_page_is_article_3_with_debris_cut_and_proposals(cli):
    assert cli("init").exit_code == 0
    assert cli("seed").exit_code == 0
    added = cli("article", "add", str(PAGE), "--outlet", "UNN", "--format", "json")
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["id"] == 3
    removed = cli("article", "show", "3", "--removed", "--format", "json")
    assert {cut["reason"] for cut in json.loads(removed.stdout)} >= {"advertisement", "teaser"}
    proposals = cli("suggest", "3", "--format", "json")
    assert proposals.exit_code == 0, proposals.output
    chains = [" > ".join(h["name"] for h in p["chain"]) for p in json.loads(proposals.stdout)]
    assert any("Shmyhal" in chain for chain in chains), chains


def test_the_example_spreadsheet_imports_once(cli):
    assert cli("init").exit_code == 0
    assert cli("seed").exit_code == 0
    first = cli("import", str(CLAIMS_CSV))
    assert first.exit_code == 0, first.output
    again = cli("import", str(CLAIMS_CSV))
    assert again.exit_code == 0, again.output
    listed = cli("claim", "list", "--format", "json")
    texts = [claim["text"] for claim in json.loads(listed.stdout)]
    assert "Joint border controls will cut waiting times by half." in texts
    assert len(texts) == 26 + 4  # the seeds' claims and the file's, each once
