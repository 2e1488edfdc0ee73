"""``claims suggest`` and ``article show --removed`` with bad input: one line, exit 1, no change."""

from __future__ import annotations

import pytest

TEXT = "The mayor said the tram line would open in 2028, the city said in a statement.\n"


@pytest.fixture
def article(cli, tmp_path):
    assert cli("source", "add", "City Gazette", "--kind", "outlet").exit_code == 0
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = cli("article", "add", path, "--outlet", "City Gazette")
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def test_unknown_article(failing):
    failing("suggest", "99", match="No article with id 99")


def test_unknown_article_removed(failing):
    failing("article", "show", "99", "--removed", match="No article with id 99")


def test_bad_format(cli, article, snapshot):
    before = snapshot()
    result = cli("suggest", article, "--format", "yaml")
    assert result.exit_code == 2  # a usage error, as for every command
    assert snapshot() == before


@pytest.mark.parametrize(
    ("options", "named"),
    [(["--all"], "--all goes"), (["--format", "json"], "--format goes"),
     (["--all", "-f", "csv"], "--all and --format go")],
)  # fmt: skip
def test_listing_options_with_review_are_a_usage_error(cli, article, snapshot, options, named):
    """--review lists nothing: --all or --format beside it would be silently ignored."""
    before = snapshot()
    result = cli("suggest", article, "--review", *options, input="q\n")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {named} with the listing, not with --review")
    assert len(result.stderr.strip().splitlines()) == 1 and "[a]ccept" not in result.stderr
    assert snapshot() == before  # refused before any proposal is computed


def _fails_interactively(cli, snapshot, *args, input: str, match: str) -> None:
    """Like ``failing``, but stderr also holds the review screen: the error is its last line."""
    before = snapshot()
    result = cli(*args, input=input)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    last = result.stderr.strip().splitlines()[-1]
    # The prompt does not end its line under a test runner: the error follows it.
    message = last[last.index("Error: ") :]
    assert match.lower() in message.lower() and len(message.splitlines()) == 1, last
    assert snapshot() == before, "the failed command changed the database"


def test_nonsense_review_answer_is_asked_again(cli, article, snapshot):
    """A bad answer does not end the review: it is asked again, and nothing changes."""
    assert cli("suggest", article).exit_code == 0  # proposals stored first
    before = snapshot()
    result = cli("suggest", article, "--review", input="maybe\nzzz\nq\n")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert result.stderr.count("Answer a, e, r, s or q.") == 2
    assert "Error" not in result.stderr
    assert snapshot() == before


def test_malformed_edited_chain_is_asked_again(cli, article, snapshot):
    """A chain that cannot be read is not saved, and the proposal is asked again."""
    assert cli("suggest", article).exit_code == 0
    before = snapshot()
    result = cli(
        "suggest",
        article,
        "--review",
        input="e\nThe tram line will open in 2028.\nMayor [said] > > \nq\n",
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    [refused] = [line for line in result.stderr.splitlines() if "Not saved" in line]
    assert "chain" in refused.lower()
    assert result.stderr.count("[a]ccept, [e]dit") == 2  # asked again after the refusal
    assert snapshot() == before


def test_html_without_article_text(failing, cli, tmp_path):
    assert cli("source", "add", "City Gazette", "--kind", "outlet").exit_code == 0
    page = tmp_path / "empty.html"
    page.write_text(
        "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
        encoding="utf-8",
    )
    failing("article", "add", page, "--outlet", "City Gazette", match="No article text")
