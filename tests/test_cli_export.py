"""``claims export`` from the command line: where output goes, and bad input refused whole."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claims.chains import StatedHop
from claims.db import open_session
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim, find_claim_by_text
from claims.services.review import approve, submit
from claims.services.sources import add_source
from tests.export_data import HARBOUR_CLAIM, LONELY_CLAIM, load
from tests.legacy_data import unchecked_source


@pytest.fixture
def loaded(db_url):
    load(db_url)
    return db_url


@pytest.fixture
def approved(loaded):
    """The export data with the harbour claim's verdict approved: a review to publish."""
    with open_session(loaded) as session:
        harbour = find_claim_by_text(session, HARBOUR_CLAIM)
        submit(session, harbour.id, actor="editor")
        approve(session, harbour.id, actor="editor")
    return loaded


@pytest.fixture
def outdir(tmp_path):
    """A folder of its own (the SQLite test database lives in tmp_path)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_stdout_gets_json_lines_by_default(cli, loaded):
    result = cli("export")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(row["claim"] == LONELY_CLAIM for row in rows)
    assert result.stderr == ""  # no progress nor summary when stdout carries the data


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_empty_selection_says_so_on_stderr_only(cli, loaded, fmt):
    """Empty stdout with exit 0 could be a success or a silent failure: one line says which."""
    result = cli("export", "-f", fmt, "--claim", "1", "--status", "approved")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("" if fmt == "jsonl" else result.stdout.splitlines()[0] + "\n")
    assert result.stderr == "No claims match --claim 1 --status approved: nothing exported.\n"


def test_a_file_of_one_claim_says_one_claim(cli, approved, outdir):
    path = outdir / "review.json"
    result = cli(
        "export", "-f", "claimreview", "--status", "approved", "--publisher", "X", "-o", path
    )
    assert result.exit_code == 0, result.output
    assert f"Wrote {path} (1 claim, claimreview)." in result.stderr


@pytest.mark.parametrize(
    "name,fmt,check",
    [
        ("out.csv", [], lambda text: text.startswith("claim,claim_status,")),
        ("out.jsonl", [], lambda text: json.loads(text.splitlines()[-1])["claim"]),
        ("out.provn", ["-f", "prov"], lambda text: text.startswith("document\n")),
        ("out.json", ["-f", "prov"], lambda text: "bundle" in json.loads(text)),
        ("out.jsonld", ["-f", "annotations"], lambda text: json.loads(text)["first"]["items"]),
        (
            "out.jsonld",
            ["-f", "claimreview", "--publisher", "Fact Desk"],
            lambda text: json.loads(text)["@graph"],
        ),
    ],
)
def test_file_output_in_each_format(cli, loaded, outdir, name, fmt, check):
    path = outdir / name
    result = cli("export", "-o", path, *fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"Wrote {path}" in result.stderr
    assert check(path.read_text(encoding="utf-8"))
    assert [p.name for p in outdir.iterdir()] == [name]  # no temporary file left behind


def test_publisher_comes_from_the_environment(cli, approved, monkeypatch):
    monkeypatch.setenv("CLAIMS_PUBLISHER", "Env Desk")
    result = cli("export", "-f", "claimreview")
    assert result.exit_code == 0, result.output
    reviews = [n for n in json.loads(result.stdout)["@graph"] if n["@type"] == "ClaimReview"]
    assert reviews and {r["author"]["name"] for r in reviews} == {"Env Desk"}


def test_a_draft_verdict_is_not_published(cli, loaded):
    edited = cli("claim", "edit", "1", "--verdict", "false")
    assert edited.exit_code == 0, edited.output
    result = cli("export", "--claim", "1", "-f", "claimreview", "--publisher", "Fact Desk")
    assert result.exit_code == 0, result.output
    (node,) = json.loads(result.stdout)["@graph"]
    assert node["@type"] == "Claim" and "false" not in json.dumps(node)
    # Nothing is published, so no publisher is needed either.
    assert cli("export", "--claim", "1", "-f", "claimreview").exit_code == 0


def test_selection_options(cli, loaded):
    result = cli(
        "export",
        "--outlet",
        "Harbour Radio",
        "--since",
        "2024-01-01",
        "--until",
        "2024-02-05",
        "--status",
        "draft",
        "-f",
        "csv",
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    rows = [row for row in rows if row["claim"]]  # not the source rows before them
    assert {row["article_publisher"] for row in rows} == {"Harbour Radio", ""}
    assert rows[0]["article_publisher"] == "Harbour Radio"  # the article's first row
    single = cli("export", "--claim", "1", "--claim", "1")
    assert single.exit_code == 0, single.output
    claims = {json.loads(line)["claim"] for line in single.stdout.splitlines()}
    assert len(claims - {None}) == 1  # None: the rows of the sources the claim names


# --- bad input: one line, exit 1, nothing written ---------------------------------------------


@pytest.mark.parametrize(
    "args,match",
    [
        (["--claim", "999"], "no claim with id 999"),
        (["--claim", "1", "--claim", "998", "--claim", "999"], "ids 998, 999"),
        (["--outlet", "Nobody Weekly"], "unknown outlet 'nobody weekly'"),
        (["--outlet", "Inquirer", "--outlet", "Inquirr"], "did you mean 'inquirer'"),
        (["--outlet", "   "], "unknown outlet ''"),
        (["--since", "19-02-2024"], "bad date"),
        (["--until", "2024-02-30"], "bad date"),
        (["--since", "2024-03-01", "--until", "2024-02-01"], "swap them"),
        (["--outlet", ""], "unknown outlet ''"),
        (["--since", ""], "--since is empty"),
        (["--until", "  "], "--until is empty"),
        (["--format", "csv", "--prov-format", "provn"], "--prov-format goes with --format prov"),
        # Every option one format alone reads is refused beside another, not ignored.
        (["--format", "csv", "--publisher", "X"], "--publisher goes with --format claimreview"),
        (["--publisher", "X"], "--publisher goes with --format claimreview, not csv"),
    ],
)
def test_bad_selection_or_format(failing, approved, outdir, args, match):
    path = outdir / "out.csv"
    failing("export", "-o", path, *args, match=match)
    assert list(outdir.iterdir()) == []


@pytest.mark.parametrize(
    "name,args,match",
    [
        ("out.jsonld", ["--format", "claimreview"], "--publisher"),
        # A format the file's suffix contradicts would write bytes its name's program
        # cannot open.
        ("out.jsonl", ["-f", "csv"], "ends in .jsonl but --format is csv"),
        ("out.provn", ["-f", "jsonl"], "ends in .provn but --format is jsonl"),
        ("out.csv", ["-f", "jsonl"], "ends in .csv but --format is jsonl"),
        ("out.json", ["-f", "csv"], "ends in .json but --format is csv"),
        ("out.xlsx", ["-f", "csv"], "name it .csv"),
        ("out.xlsx", [], "no export format writes a .xlsx file"),
        ("out.provn", ["-f", "prov", "--prov-format", "json"], "--prov-format is json"),
        ("out.json", ["-f", "prov", "--prov-format", "provn"], "--prov-format is provn"),
    ],
)
def test_bad_format_for_the_file(failing, approved, outdir, name, args, match):
    failing("export", "-o", outdir / name, *args, match=match)
    assert list(outdir.iterdir()) == []


def test_a_publisher_from_the_environment_goes_with_any_format(cli, approved, monkeypatch):
    """$CLAIMS_PUBLISHER is set once for every export: no mistake beside the flat rows."""
    monkeypatch.setenv("CLAIMS_PUBLISHER", "Example Fact Check")
    result = cli("export", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert result.stdout


def test_format_cannot_be_told_from_the_file_name(failing, loaded, outdir):
    failing("export", "-o", outdir / "out.json", match="add --format")
    failing("export", "-o", outdir / "out.jsonld", match="add --format")
    assert list(outdir.iterdir()) == []


@pytest.mark.parametrize(
    "args,match",
    [
        (["--status", "published"], "unknown status 'published'"),
        (["--format", "xml"], "unknown export format 'xml'"),
        (["--status", ""], "unknown status ''"),
        (["--format", "prov", "--prov-format", "rdf"], "unknown prov serialisation"),
    ],
)
def test_a_value_outside_an_option_s_choices_is_a_usage_error(
    cli, snapshot, loaded, outdir, args, match
):
    from tests.test_cli_truth import usage_error

    usage_error(cli, snapshot, "export", "-o", outdir / "out.json", *args, match=match)
    assert list(outdir.iterdir()) == []


def test_unwritable_output(failing, loaded, outdir):
    failing("export", "-o", outdir / "missing" / "out.csv", match="does not exist")
    failing("export", "-o", outdir, "-f", "csv", match="is a folder")


def test_failure_half_way_leaves_the_previous_file_untouched(failing, db_url, outdir):
    """A chain the syntax cannot carry stops the export; the old file stays, no part file."""
    with open_session(db_url) as session:
        add_source(session, name="Daily Paper", kind="outlet", actor="t")
        # stored before names were checked for the chain syntax (`source add` refuses it now)
        unchecked_source(session, "Left > Right Institute")
        article = add_article(
            session, text="The dam is safe, the institute said.", outlet="Daily Paper", actor="t"
        )
        claim = add_claim(session, text="The dam is safe.", actor="t")
        add_appearance(
            session,
            claim_id=claim.id,
            article_id=article.id,
            quote="The dam is safe",
            chain=[StatedHop("Left > Right Institute", "said")],
            actor="t",
        )
        add_claim(session, text="A second claim.", actor="t")
    path = outdir / "out.csv"
    path.write_text("previous export\n", encoding="utf-8")
    failing("export", "-o", path, match="cannot be written in the chain syntax")
    assert path.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in outdir.iterdir()] == ["out.csv"]


def test_a_date_filter_may_lie_in_the_future(cli, approved, outdir):
    """A filter stores nothing: a bound past the dates an article may carry selects nothing."""
    path = outdir / "out.csv"
    result = cli("export", "-f", "csv", "-o", path, "--since", "2999-01-01")
    assert result.exit_code == 0, result.output
