"""What needs the changes outside the CLI fixer's files (appearances, migrations, importer)."""

from __future__ import annotations

import pytest

from tests.test_cli_truth import PAGE
from tests.test_import import write_jsonl


@pytest.fixture
def article(cli, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    result = cli("article", "add", path, "--outlet", "Daily Planet", "--create-sources")
    assert result.exit_code == 0, result.output
    return int(result.stdout)


def test_a_quotation_cut_as_page_debris_is_refused_saying_so(failing, cli, article):
    assert cli("claim", "add", "The bridge will close in May.").exit_code == 0
    failing(
        "appearance",
        "add",
        "1",
        str(article),
        "-q",
        "Article continues after this advertisement",
        match=f"cut from it as page debris (advertisement); see `claims article show {article} "
        "--removed`",
    )


def test_a_downgrade_by_steps_names_the_revision_it_goes_to(cli, snapshot):
    from claims import migrations

    before = snapshot()
    # Steps back far enough to undo the newest revision whose data an upgrade does not
    # bring back, so the command must ask (and, with no answer, change nothing).
    head = migrations.head_revision()
    newest = max(migrations.LOST_BY_UNDOING)
    steps = int(head) - int(newest) + 1
    result = cli("db", "downgrade", "--", f"-{steps}", input="")
    assert result.exit_code == 1, result.output
    below = str(int(newest) - 1).zfill(len(head))
    assert f"Downgrading to {below} (-{steps}) deletes" in result.stderr, result.stderr
    assert snapshot() == before


def test_an_import_says_when_it_drops_an_origin_that_is_the_publisher(cli, tmp_path):
    row = {
        "claim": "The bridge will close in May.",
        "article_text": PAGE,
        "article_publisher": "Daily Planet",
        "article_origin": "daily planet",
        "quote": "The bridge will close in May",
    }
    path = write_jsonl(tmp_path / "rows.jsonl", [row])
    result = cli("import", path)
    assert result.exit_code == 0, result.output
    assert "1 new article(s) named their publisher as their origin" in result.stderr
    again = cli("import", path)
    assert again.exit_code == 0 and "origin" not in again.stderr, again.output
