"""Reports as people and tools read them: placeholders, notes, suffixes, CSV bytes."""

from __future__ import annotations

import json
import re

import pytest

from claims.errors import InvalidInput
from claims.output import REPORT_FORMATS, SUFFIX_FORMATS, report_target, workbook_target
from claims.reports import build
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim
from tests.test_derivation import REWRITE, STORY

ACTOR = "analyst"


def test_derivation_names_the_undated_article(session):
    dated = add_article(
        session,
        text=STORY,
        outlet="City Paper",
        published="2024-05-01",
        actor=ACTOR,
        create_sources=True,
    )
    undated = add_article(
        session, text=REWRITE, outlet="Town Crier", actor=ACTOR, create_sources=True
    )
    session.flush()
    (row,) = build("derivation", session).itertuples()
    assert row.basis.startswith(f"No publication date recorded for #{undated.id}: ")
    assert f"#{dated.id}" not in row.basis.split(":")[0]


@pytest.fixture
def seeded(cli):
    result = cli("seed")
    assert result.exit_code == 0, result.output
    return cli


def test_an_empty_database_gets_a_note_on_stderr_and_a_bare_header(cli):
    result = cli("report", "carriers")
    assert result.exit_code == 0, result.output
    assert result.stdout.split()[:3] == ["claim_id", "claim", "status"]
    assert "No claims yet" in result.stderr and len(result.stderr.splitlines()) == 1
    data = cli("report", "carriers", "-f", "csv")
    assert data.stderr == "" and data.stdout.startswith("claim_id,")


def test_csv_to_a_file_is_the_bytes_of_stdout(seeded, tmp_path):
    path = tmp_path / "chains.csv"
    printed = seeded("report", "chains", "-f", "csv")
    written = seeded("report", "chains", "-o", str(path))
    assert printed.exit_code == 0 and written.exit_code == 0, written.output
    assert path.read_bytes() == printed.stdout.encode("utf-8")
    assert b"\r\n" not in path.read_bytes()
    bom = seeded("report", "chains", "--bom", "-o", str(tmp_path / "bom.csv"))
    assert bom.exit_code == 0, bom.output
    assert (tmp_path / "bom.csv").read_bytes() == b"\xef\xbb\xbf" + path.read_bytes()
    piped = seeded("report", "chains", "-f", "csv", "--bom")
    assert piped.stdout.encode("utf-8") == (tmp_path / "bom.csv").read_bytes()


@pytest.mark.parametrize("name", ["drift.jsonl", "drift.NDJSON"])
def test_a_jsonl_file_holds_json_lines_one_record_a_line(seeded, tmp_path, name):
    """A .jsonl name asks for JSON Lines, as .csv asks for CSV: never a table in it."""
    path = tmp_path / name
    written = seeded("report", "drift", "-o", str(path))
    assert written.exit_code == 0, written.output
    assert f"Wrote {path} (" in written.stderr and ", jsonl)." in written.stderr
    records = json.loads(seeded("report", "drift", "-f", "json").stdout)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert records and [json.loads(line) for line in lines] == records
    printed = seeded("report", "drift", "-f", "jsonl")
    assert printed.exit_code == 0, printed.output
    assert printed.stdout.encode("utf-8") == path.read_bytes()


@pytest.mark.parametrize(
    "args,name",
    [
        (["report", "carriers", "-f", "csv"], "out.xlsx"),
        (["report", "carriers", "-f", "jsonl"], "out.json"),
        (["report", "carriers", "-f", "table"], "out.jsonl"),
        (["report", "carriers", "-f", "json"], "out.csv"),
        (["report", "carriers", "-f", "table"], "out.png"),
        (["report", "graph", "4", "-f", "svg"], "g.png"),
        (["report", "graph", "-f", "png"], "g.csv"),
        (["report", "carriers", "--bom", "-f", "json"], "out.json"),
    ],
)
def test_a_format_the_suffix_contradicts_is_refused(seeded, failing, tmp_path, args, name):
    path = tmp_path / "out"
    path.mkdir()
    match = "--bom is for csv" if "--bom" in args else "the suffix and the format disagree"
    failing(*args, "-o", str(path / name), match=match)
    assert list(path.iterdir()) == []


PICTURE_NAMES = sorted(
    f"out{suffix}" for suffix, fmt in SUFFIX_FORMATS.items() if fmt not in REPORT_FORMATS
)


@pytest.mark.parametrize("name", PICTURE_NAMES)
def test_a_table_under_any_picture_s_name_is_refused(failing, tmp_path, name):
    """Every suffix that names a picture (``.gv`` as well as ``.dot``), none written."""
    failing("report", "carriers", "-o", tmp_path / name, match="is a table, not a picture")
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize(
    "fmt,name,bom,match",
    [
        (None, "out.gv", False, "is a table, not a picture"),
        ("csv", "out.gv", False, "the suffix and the format disagree"),
        ("json", None, True, "--bom is for csv only"),
        (None, "out.xlsx", True, "--bom is for csv only"),
        ("xlsx", None, False, "needs a file"),
        ("pdf", "out.txt", False, "unknown report format"),
    ],
)
def test_report_target_refuses_before_any_work(tmp_path, fmt, name, bom, match):
    path = tmp_path / name if name else None
    with pytest.raises(InvalidInput, match=f"(?i){re.escape(match)}"):
        report_target("carriers", fmt, path, bom=bom)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "fmt,name,chosen",
    [
        (None, None, "table"),
        (None, "out.txt", "table"),
        (None, "out.csv", "csv"),
        (None, "out.XLSX", "xlsx"),
        ("json", "out", "json"),
        ("csv", None, "csv"),
        (None, "out.jsonl", "jsonl"),
        (None, "out.ndjson", "jsonl"),
    ],
)
def test_report_target_takes_the_format_from_the_suffix(tmp_path, fmt, name, chosen):
    path = tmp_path / name if name else None
    assert report_target("carriers", fmt, path, bom=chosen == "csv") == chosen


def test_report_all_needs_a_workbook_name(tmp_path):
    assert workbook_target(tmp_path / "all.xlsx") == tmp_path / "all.xlsx"
    with pytest.raises(InvalidInput, match="name the file .xlsx"):
        workbook_target(tmp_path / "all.csv")


def test_machine_formats_carry_null_where_a_table_shows_a_dash(session, cli):
    add_article(
        session,
        text="Alpha said the river rose. Beta said the river rose.",
        outlet="Paper",
        actor=ACTOR,
        create_sources=True,
    )
    add_article(
        session,
        text="The river rose, Alpha said, reportedly.",
        outlet="Other",
        actor=ACTOR,
        create_sources=True,
    )
    claim = add_claim(session, text="The river rose.", actor=ACTOR)
    add_appearance(
        session, claim_id=claim.id, article_id=1, quote="the river rose", actor=ACTOR, occurrence=1
    )
    add_appearance(
        session,
        claim_id=claim.id,
        article_id=2,
        quote="The river rose, Alpha said, reportedly",
        actor=ACTOR,
    )
    session.commit()
    rows = json.loads(cli("drift", "-f", "json").stdout)
    sides = [(row["before"], row["after"]) for row in rows]
    assert sides and all("\u2014" not in (side or "") for pair in sides for side in pair)
    assert any(None in pair for pair in sides)
    report = json.loads(cli("report", "drift", "-f", "json").stdout)
    assert [(row["before"], row["after"]) for row in report] == sides
    chains = json.loads(cli("report", "chains", "-f", "json").stdout)
    assert chains[0]["cues"] is None  # no hop has a cue
    assert "\u2014" in cli("drift").stdout and "\u2014" in cli("report", "drift").stdout
    assert "\u2014" in cli("report", "chains").stdout


def test_drift_without_a_claim_of_two_appearances_says_so(session, cli):
    add_article(session, text="The river rose.", outlet="Paper", actor=ACTOR, create_sources=True)
    claim = add_claim(session, text="The river rose.", actor=ACTOR)
    add_appearance(session, claim_id=claim.id, article_id=1, quote="The river rose", actor=ACTOR)
    session.commit()
    result = cli("drift")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "No claim has two appearances to compare yet."
