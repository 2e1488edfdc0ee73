"""The CLI as users and scripts rely on it: entry, review, listing formats, audit."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.models import AuditEntry

ARTICLE = (
    "Ministers meet in Vienna\n\n"
    "VIENNA \u2014 Austria will cut its gas imports by half next year, Energy Minister "
    "Anna K\u00f6nig told reporters on Monday, the state news agency APA reported.\n\n"
    "\u201cWe will not be blackmailed,\u201d K\u00f6nig said.\n"
)
REWRITE = (
    "Austria plans to halve gas imports next year, Energy Minister Anna Konig told reporters, "
    "according to APA, Daily Courier reports citing Wire Service.\n"
)


@pytest.fixture
def loaded(cli, tmp_path):
    """Two articles (a wire story and a rewrite), three sources, one claim."""
    (tmp_path / "wire.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "rewrite.txt").write_text(REWRITE, encoding="utf-8")
    steps = [
        ("source", "add", "Anna König", "--kind", "person", "--alias", "König"),
        ("source", "add", "APA", "--kind", "news_agency", "--alias", "the state news agency APA"),
        ("source", "add", "Wire Service", "--kind", "news_agency"),
        ("source", "add", "Daily Courier", "--kind", "outlet"),
        ("source", "add", "Morning Post", "--kind", "outlet"),
        (
            "article",
            "add",
            tmp_path / "wire.txt",
            "--outlet",
            "Morning Post",
            "--origin",
            "Wire Service",
            "--published",
            "2024-03-04",
            "--title",
            "Ministers meet",
        ),
        (
            "article",
            "add",
            tmp_path / "rewrite.txt",
            "--outlet",
            "daily courier",
            "--origin",
            "wire service",
            "--origin-cue",
            "citing",
            "--published",
            "2024-03-05",
        ),
        ("claim", "add", "Austria will halve its gas imports next year."),
    ]
    for step in steps:
        result = cli(*step)
        assert result.exit_code == 0, result.output
    return cli


def test_add_prints_the_new_id(cli):
    result = cli("claim", "add", "Water boils at 100 degrees at sea level.")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1"


def test_add_with_json_prints_the_record(cli):
    result = cli(
        "source",
        "add",
        "Xinhua",
        "--kind",
        "news_agency",
        "--alias",
        "the official Xinhua news agency",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["name"] == "Xinhua" and record["kind"] == "news_agency"
    assert record["aliases"] == ["the official Xinhua news agency"]


def test_appearance_chain_is_completed_with_origin_and_publisher(loaded):
    result = loaded(
        "appearance",
        "add",
        "1",
        "1",
        "--quote",
        "Austria will cut its gas imports by half next year",
        "--chain",
        "Koenig [told] > the state news agency APA [reported]",
        "--create-sources",
        "--format",
        "json",
    )
    # "Koenig" is not an alias: --create-sources made a new source, which is what was asked.
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["chain"] == "Koenig \u2192 APA \u2192 Wire Service \u2192 Morning Post"
    assert [h["role"] for h in record["hops"]] == ["stated", "stated", "origin", "publisher"]
    assert [h["cue"] for h in record["hops"]][:2] == ["told", "reported"]


def test_names_resolve_through_aliases_without_accents(loaded):
    result = loaded(
        "appearance",
        "add",
        "1",
        "2",
        "--quote",
        "Austria plans to halve gas imports next year",
        "--chain",
        "Anna Konig [told] > APA [according to]",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["chain"] == "Anna König \u2192 APA \u2192 Wire Service \u2192 Daily Courier"
    assert record["hops"][2]["cue"] == "citing"
    # The evidence span points at the name as the article prints it.
    hop = record["hops"][0]
    assert REWRITE[hop["evidence_start"] : hop["evidence_end"]] == "Anna Konig"


def test_a_source_named_past_a_hard_line_wrap_is_found_as_evidence(cli, tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(
        'The minister said Hungary would "not be rushed" into\n'
        "ratifying it, Xinhua reported on Sunday.\n",
        encoding="utf-8",
    )
    assert cli("article", "add", str(path), "--outlet", "UNN", "--create-sources").exit_code == 0
    assert cli("claim", "add", "Hungary will not rush ratification.").exit_code == 0
    result = cli(
        "appearance", "add", "1", "1", "--quote", 'Hungary would "not be rushed" into ratifying it',
        "--chain", "Xinhua [reported]", "--create-sources", "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    hop = json.loads(result.stdout)["hops"][0]
    assert hop["evidence_start"] is not None, hop
    assert path.read_text()[hop["evidence_start"] : hop["evidence_end"]] == "Xinhua"


def test_quoted_flag_and_offsets(loaded):
    result = loaded(
        "appearance",
        "add",
        "1",
        "1",
        "--quote",
        '"We will not be blackmailed,"',
        "--chain",
        "König [said]",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["quoted"] is True
    assert ARTICLE[record["quote_start"] : record["quote_end"]] == record["quote"]
    assert record["quote"].startswith("\u201c")


def test_review_cycle_and_history(loaded):
    assert loaded("review", "submit", "1").exit_code == 0
    result = loaded("review", "approve", "1", "--note", "checked against APA")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["1", "approved"]
    shown = json.loads(loaded("claim", "show", "1", "--format", "json").stdout)
    assert shown["status"] == "approved"
    assert [r["decision"] for r in shown["reviews"]] == ["submitted", "approved"]
    assert shown["reviews"][1]["note"] == "checked against APA"
    # Editing the wording of a decided claim sends it back to draft.
    result = loaded("claim", "edit", "1", "--text", "Austria will halve gas imports in 2025.")
    assert result.exit_code == 0, result.output
    assert "draft again" in result.stderr
    shown = json.loads(loaded("claim", "show", "1", "--format", "json").stdout)
    assert shown["status"] == "draft"
    assert shown["reviews"][-1]["decision"] == "reopened"


def test_notes_edit_keeps_the_decision(loaded):
    loaded("review", "submit", "1")
    loaded("review", "reject", "1")
    assert loaded("claim", "edit", "1", "--notes", "see follow-up").exit_code == 0
    shown = json.loads(loaded("claim", "show", "1", "--format", "json").stdout)
    assert shown["status"] == "rejected" and shown["notes"] == "see follow-up"


def test_interactive_review_queue(loaded):
    loaded("claim", "add", "Gas prices rose in Austria.")
    loaded("review", "submit", "1", "2")
    # first claim: a typo, then edit the verdict, then approve; second: reject
    answers = "x\ne\nAustria will halve its gas imports next year.\nmostly true\na\nok\nr\nnope\n"
    result = loaded("review", input=answers)
    assert result.exit_code == 0, result.output
    assert "2 decision(s) recorded" in result.output
    first = json.loads(loaded("claim", "show", "1", "--format", "json").stdout)
    second = json.loads(loaded("claim", "show", "2", "--format", "json").stdout)
    assert (first["status"], first["verdict"]) == ("approved", "mostly true")
    assert second["status"] == "rejected" and second["reviews"][-1]["note"] == "nope"


def test_interactive_review_quit_keeps_earlier_decisions(loaded):
    loaded("claim", "add", "Gas prices rose in Austria.")
    loaded("review", "submit", "1", "2")
    result = loaded("review", input="a\n\nq\n")
    assert result.exit_code == 0, result.output
    statuses = [
        json.loads(loaded("claim", "show", str(i), "--format", "json").stdout)["status"]
        for i in (1, 2)
    ]
    assert statuses == ["approved", "in_review"]


def test_empty_review_queue_says_what_to_do(cli):
    result = cli("review")
    assert result.exit_code == 0, result.output
    assert "review submit" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_listings_offer_every_format(loaded, fmt):
    for command in (
        ("source", "list"),
        ("article", "list"),
        ("claim", "list"),
        ("appearance", "list"),
    ):
        result = loaded(*command, "--format", fmt)
        assert result.exit_code == 0, (command, result.output)
        listed = json.loads(loaded(*command, "--format", "json").stdout)
        # Diagnostics only: one line when the listing is empty, to say why.
        if listed:
            assert result.stderr == ""
        else:
            assert result.stderr.startswith(f"No {command[0]}s yet: "), result.stderr
            assert len(result.stderr.splitlines()) == 1
        if fmt == "json":
            assert isinstance(json.loads(result.stdout), list)
        if fmt == "csv":
            assert result.stdout.splitlines()[0].startswith("id,")


def test_claim_list_filters_by_status_and_outlet(loaded):
    loaded("claim", "add", "Gas prices rose in Austria.")
    loaded("appearance", "add", "2", "2", "--quote", "Austria plans to halve gas imports")
    loaded("review", "submit", "1")
    by_status = json.loads(loaded("claim", "list", "--status", "in_review", "-f", "json").stdout)
    assert [c["id"] for c in by_status] == [1]
    by_outlet = json.loads(
        loaded("claim", "list", "--outlet", "Daily Courier", "-f", "json").stdout
    )
    assert [c["id"] for c in by_outlet] == [2]


def test_article_show_prints_text_and_its_appearances(loaded):
    loaded("appearance", "add", "1", "1", "--quote", "Austria will cut its gas imports")
    result = loaded("article", "show", "1")
    assert result.exit_code == 0, result.output
    assert "We will not be blackmailed" in result.stdout
    assert "Austria will cut its gas imports" in result.stdout


def test_audit_log_records_who_did_what(loaded, db_url):
    loaded("claim", "edit", "1", "--notes", "first note")
    result = loaded("claim", "delete", "1", "--yes")
    assert result.exit_code == 0, result.output
    with open_session(db_url) as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "claims").order_by(AuditEntry.id)
        ).all()
        assert [e.action for e in entries] == ["create", "update", "delete"]
        assert {e.actor for e in entries} == {"tester"}
        assert entries[1].before_values["notes"] is None
        assert entries[1].after_values["notes"] == "first note"
        assert entries[2].before_values["text"].startswith("Austria")
        sources = session.scalars(select(AuditEntry).where(AuditEntry.entity == "sources")).all()
        assert len(sources) == 5


def test_actor_comes_from_environment_when_not_given(cli, monkeypatch, db_url):
    from typer.testing import CliRunner

    from cli.main import app

    monkeypatch.setenv("CLAIMS_USER", "envuser")
    result = CliRunner().invoke(app, ["--db", db_url, "claim", "add", "Snow is white."])
    assert result.exit_code == 0, result.output
    with open_session(db_url) as session:
        entry = session.scalars(select(AuditEntry)).one()
        assert entry.actor == "envuser"


def test_sql_reads(loaded):
    result = loaded("sql", "SELECT name FROM sources ORDER BY name", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "name",
        "APA",
        "Anna König",
        "Daily Courier",
        "Morning Post",
        "Wire Service",
    ]


def test_sql_row_cap_is_announced(loaded):
    result = loaded("sql", "SELECT name FROM sources", "--limit", "2", "--format", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 2
    assert "--limit" in result.stderr


def test_db_current_and_init_are_idempotent(cli):
    assert cli("init").exit_code == 0
    result = cli("db", "current")
    assert result.exit_code == 0, result.output
    assert "up to date" in result.stdout


def test_refused_edit_in_the_queue_is_explained_and_the_queue_goes_on(loaded):
    loaded("claim", "add", "Gas prices rose in Austria.")
    loaded("review", "submit", "1")
    # Editing claim 1 into claim 2's wording is refused; the reviewer then approves it.
    answers = "e\nGas prices rose in Austria.\n-\na\n\n"
    result = loaded("review", input=answers)
    assert result.exit_code == 0, result.output
    assert "Not saved: This claim exists already as #2." in result.stderr
    shown = json.loads(loaded("claim", "show", "1", "--format", "json").stdout)
    assert shown["status"] == "approved"
    assert shown["text"] == "Austria will halve its gas imports next year."


def test_article_from_standard_input(cli):
    cli("source", "add", "Daily Courier", "--kind", "outlet")
    result = cli("article", "add", "-", "--outlet", "Daily Courier", input=REWRITE)
    assert result.exit_code == 0, result.output
    shown = json.loads(cli("article", "show", "1", "--format", "json").stdout)
    assert shown["text"] == REWRITE and shown["characters"] == len(REWRITE)


def test_empty_standard_input_is_refused(failing):
    failing(
        "article",
        "add",
        "-",
        "--outlet",
        "X",
        "--create-sources",
        input="",
        match="standard input is empty",
    )


def test_importing_an_export_again_counts_its_sources_present(cli, tmp_path):
    from tests.conftest import Cli

    assert cli("seed").exit_code == 0
    export = tmp_path / "all.jsonl"
    result = cli("export", "-o", export)
    assert result.exit_code == 0, result.output
    fresh = Cli(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert fresh("init").exit_code == 0
    assert fresh("import", export).exit_code == 0

    result = fresh("import", export)

    assert result.exit_code == 0, result.output
    sources = next(line for line in result.stdout.splitlines() if line.startswith("sources"))
    assert sources.split() == ["sources", "0", "11"]


@pytest.mark.parametrize("command", [("source", "show"), ("source", "alias")])
def test_source_arguments_say_an_id_works_too(cli, command):
    result = cli(*command, "--help")

    assert result.exit_code == 0, result.output
    assert "#ID" in result.output


def test_demo_help_says_a_demo_with_work_added_is_not_rebuilt(cli):
    result = cli("demo", "--help")

    assert result.exit_code == 0, result.output
    assert "recreated every time" not in result.output
    assert "unless work was added" in " ".join(result.output.split())
