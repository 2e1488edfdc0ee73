"""Values that look usable and are not: an origin cue with no origin, an empty origin, a
claim with no words, a date in another shape or an impossible year. Each is refused with
one ``Error:`` line and exit 1, the database unchanged; what is accepted but changed (an
origin that is the outlet itself, quotation marks around a whole claim) is said on stderr.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from claims.errors import InvalidInput
from claims.services.articles import parse_date
from tests.test_import import ROWS, write_csv

TEXT = "Minister Jane Doe told reporters on Monday that the bridge will open in May.\n"


@pytest.fixture
def outlet(cli):
    for name, kind in (("UNN", "outlet"), ("Reuters", "news_agency")):
        result = cli("source", "add", name, "--kind", kind)
        assert result.exit_code == 0, result.output
    return "UNN"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def shown(cli, *args: str) -> dict:
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- article add: origin and cue ------------------------------------------------------------


def test_origin_cue_needs_an_origin(failing, outlet, article):
    message = failing(
        "article", "add", str(article), "--outlet", outlet, "--origin-cue", "citing",
        match="origin cue 'citing'",
    )  # fmt: skip
    assert "--origin NAME" in message


@pytest.mark.parametrize("origin", ["", "   "])
def test_empty_origin_is_refused_like_an_empty_outlet(failing, outlet, article, origin):
    failing(
        "article", "add", str(article), "--outlet", outlet, "--origin", origin,
        match="origin is empty",
    )  # fmt: skip


def test_origin_that_is_the_outlet_is_dropped_with_a_note(cli, outlet, article):
    result = cli("article", "add", str(article), "--outlet", outlet, "--origin", "unn")
    assert result.exit_code == 0, result.output
    assert "No origin recorded" in result.stderr
    assert "outlet itself (UNN)" in result.stderr
    record = shown(cli, "article", "show", result.stdout.strip(), "--no-text")
    assert record["origin"] is None and record["origin_cue"] is None


def test_origin_that_is_the_outlet_leaves_a_cue_crediting_nothing(failing, outlet, article):
    failing(
        "article", "add", str(article), "--outlet", outlet,
        "--origin", "UNN", "--origin-cue", "citing",
        match="origin is the outlet itself (UNN)",
    )  # fmt: skip


def test_another_origin_takes_no_note(cli, outlet, article):
    result = cli(
        "article", "add", str(article), "--outlet", outlet,
        "--origin", "Reuters", "--origin-cue", "citing", "--published", "2024-02-09",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    record = shown(cli, "article", "show", result.stdout.strip(), "--no-text")
    assert (record["origin"], record["origin_cue"], record["published"]) == (
        "Reuters",
        "citing",
        "2024-02-09",
    )
    # The same date in another shape is refused, though Python would read it.
    other = article.with_name("other.txt")
    other.write_text(TEXT.replace("May", "June"), encoding="utf-8")
    result = cli("article", "add", str(other), "--outlet", outlet, "--published", "20240209")
    assert result.exit_code == 1, result.output


# --- dates ---------------------------------------------------------------------------------


def _in(days: int) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    ("published", "match"),
    [
        ("20240209", "YYYY-MM-DD"),
        ("2024-W06-5", "YYYY-MM-DD"),
        ("0001-01-01", "between 1800-01-01"),
        ("1799-12-31", "between 1800-01-01"),
        ("0224-02-09", "check the year"),
        (_in(400), "a year from today"),
        ("9999-12-31", "a year from today"),
    ],
)
def test_published_must_be_a_plausible_yyyy_mm_dd(failing, outlet, article, published, match):
    message = failing(
        "article", "add", str(article), "--outlet", outlet, "--published", published,
        match="Bad date",
    )  # fmt: skip
    assert match.lower() in message.lower(), message


def test_date_bounds_are_inclusive():
    assert parse_date("1800-01-01") == dt.date(1800, 1, 1)
    assert parse_date(_in(360)) == dt.date.fromisoformat(_in(360))
    for value in ("1799-12-31", dt.date(1799, 12, 31), dt.datetime(1066, 10, 14, 9, 0)):
        with pytest.raises(InvalidInput, match="between 1800-01-01"):
            parse_date(value)
    assert parse_date(dt.datetime(2024, 2, 9, 10, 0)) == dt.date(2024, 2, 9)


@pytest.mark.parametrize(
    ("since", "match"),
    [("20240201", "YYYY-MM-DD"), ("0001-01-01", "between 1800-01-01"), ("2024-02-30", "no such")],
)
def test_sql_date_parameter_is_strict(failing, since, match):
    message = failing(
        "sql", "--query", "new-claims-since", "--param", f"since={since}", match="--param since"
    )
    assert match.lower() in message.lower(), message


def test_export_since_is_strict(failing, tmp_path):
    output = tmp_path / "out.csv"
    failing("export", "-o", str(output), "--since", "20240201", match="YYYY-MM-DD")
    assert not output.exists()


def test_import_refuses_a_compact_date(cli, snapshot, tmp_path):
    before = snapshot()
    path = write_csv(tmp_path / "rows.csv", [dict(ROWS[0], article_published="20240219")])
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    assert "column article_published: Bad date '20240219'" in result.stderr
    assert snapshot() == before


# --- claim text ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["...", "?!", "\u2014 \u2013", "\u201c\u201d", '"..."', "_"])
def test_claim_without_letters_or_digits(failing, text):
    failing("claim", "add", text, match="has no letters or digits")


def test_claim_of_digits_or_other_scripts_is_words(cli, failing):
    for text in ("2024", "\u4e2d\u56fd\u5e0c\u671b\u548c\u5e73"):
        result = cli("claim", "add", text)
        assert result.exit_code == 0, result.output
    failing("claim", "add", "-", match="has no letters or digits")


def test_edit_to_text_without_letters_or_digits(cli, failing):
    result = cli("claim", "add", "The bridge opens in May.")
    assert result.exit_code == 0, result.output
    failing("claim", "edit", "1", "--text", "...", match="has no letters or digits")


def test_import_refuses_a_claim_without_letters_or_digits(cli, snapshot, tmp_path):
    before = snapshot()
    path = write_csv(tmp_path / "rows.csv", [dict(ROWS[0], claim="...")])
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    assert "column claim: The claim text '...' has no letters or digits" in result.stderr
    assert snapshot() == before


# --- quotation marks around a whole claim --------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored", "marks"),
    [
        ("\u201cChina hopes for peace\u201d", "China hopes for peace", "\u201c\u201d"),
        ('"China hopes for peace."', "China hopes for peace.", '""'),
        ("\u201cChina hopes for peace\u201d.", "China hopes for peace.", "\u201c\u201d"),
        ("\u00ab China hopes for peace \u00bb", "China hopes for peace", "\u00ab\u00bb"),
        ("\u201eChina hopes for peace\u201c", "China hopes for peace", "\u201e\u201c"),
        (
            "\u201cChina calls it \u2018peace\u2019\u201d",
            "China calls it \u2018peace\u2019",
            "\u201c\u201d",
        ),
    ],
)
def test_claim_add_drops_quotation_marks_around_the_whole_text(cli, failing, given, stored, marks):
    result = cli("claim", "add", given)
    assert result.exit_code == 0, result.output
    assert f"quotation marks {marks} around the whole text" in result.stderr
    assert shown(cli, "claim", "show", result.stdout.strip())["text"] == stored
    # The same statement without the marks is the same claim.
    failing("claim", "add", stored, match="exists already as #1")


def test_quoted_claim_is_a_duplicate_of_the_plain_one(cli, failing):
    result = cli("claim", "add", "China hopes for peace")
    assert result.exit_code == 0, result.output
    failing("claim", "add", "\u201cChina hopes for peace\u201d", match="exists already as #1")


@pytest.mark.parametrize(
    "text",
    [
        '"We will fight," she said, "and we will win."',
        "\u201cWe will fight\u201d and \u201cwe will win\u201d",
        "The minister called the deal \u201ca win\u201d",
    ],
)
def test_quotations_inside_a_claim_are_kept(cli, text):
    result = cli("claim", "add", text)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert shown(cli, "claim", "show", "1")["text"] == text
    # ... and the same text enclosed whole loses only the outer pair.
    result = cli("claim", "add", f"\u00ab{text}\u00bb")
    assert result.exit_code == 1, result.output
    assert "exists already as #1" in result.stderr


def test_claim_edit_drops_quotation_marks_around_the_whole_text(cli):
    result = cli("claim", "add", "The bridge opens in May.")
    assert result.exit_code == 0, result.output
    result = cli("claim", "edit", "1", "--text", "\u201cThe bridge opens in June.\u201d")
    assert result.exit_code == 0, result.output
    assert "quotation marks \u201c\u201d around the whole text" in result.stderr
    assert shown(cli, "claim", "show", "1")["text"] == "The bridge opens in June."
