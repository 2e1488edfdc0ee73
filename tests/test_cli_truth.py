"""What the help and the docs promise, run as written: export file names, exact SQL CSV,
usage errors, source rows named by an alias, quotations cut as page debris, CSV quoting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claims.db import open_session
from claims.errors import ImportRejected, QuotationNotInArticle
from claims.importer import import_file
from claims.models import Source
from claims.services.articles import get_article
from tests.test_import import write_jsonl


def usage_error(cli, snapshot, *args: str, match: str) -> str:
    """Run a command that misuses an option: exit 2, one line, the database unchanged."""
    before = snapshot()
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert message.startswith("Error: "), result.output
    assert len(message.splitlines()) == 1, message
    assert match.lower() in message.lower(), message
    assert snapshot() == before, "the refused command changed the database"
    return message


@pytest.fixture
def claim(cli):
    result = cli("claim", "add", "The bridge will close in May.")
    assert result.exit_code == 0, result.output


# --- claims export -o: a name whose suffix says no format gets JSON Lines ---------------------


@pytest.mark.parametrize("name", ["out.txt", "noext", "export.out"])
def test_an_export_to_a_name_that_says_no_format_is_json_lines(cli, claim, tmp_path, name):
    path = tmp_path / name
    result = cli("export", "-o", path)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["claim"] == "The bridge will close in May."
    assert "jsonl" in result.stderr


def test_a_json_file_still_needs_its_format(failing, claim, tmp_path):
    """.json holds one JSON document, which three formats write: which one is not guessed."""
    failing("export", "-o", tmp_path / "out.json", match="add --format")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc/self/fd here")
def test_an_export_to_a_link_to_a_file_descriptor_writes_through_it(cli, claim, tmp_path):
    """/dev/stdout is such a link: with stdout redirected to a file it reads as a regular
    file, and putting a new file in its place would replace the link, not write stdout."""
    received = tmp_path / "received.jsonl"
    link = tmp_path / "stdout"
    with received.open("w", encoding="utf-8") as handle:
        link.symlink_to(f"/proc/self/fd/{handle.fileno()}")
        result = cli("export", "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink(), "the link was replaced by a file"
    assert not [path.name for path in tmp_path.iterdir() if path.name.endswith(".part")]
    line = received.read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(line)["claim"] == "The bridge will close in May."


def test_an_export_to_a_link_replaces_the_file_and_keeps_the_link(cli, claim, tmp_path):
    target = tmp_path / "exports-2024.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target.name)
    result = cli("export", "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "The bridge will close in May." in target.read_text("utf-8")


# --- claims sql: CSV exact; reports and listings neutralised -------------------------------------


def test_sql_csv_prints_values_as_the_database_gives_them(cli, claim):
    result = cli("sql", "SELECT '=1+1' AS f, '-5' AS g, '@x' AS \"=h\"", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["f,g,=h", "=1+1,-5,@x"]


def test_a_listing_s_csv_is_still_neutralised_for_spreadsheets(cli):
    assert cli("source", "add", "=HYPERLINK(1)", "--kind", "outlet").exit_code == 0
    result = cli("source", "list", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "'=HYPERLINK(1)" in result.stdout


# --- a bad option value is a usage error ---------------------------------------------------------


@pytest.mark.parametrize(
    "args,match",
    [
        (["export", "-f", "banana"], "unknown export format 'banana'"),
        (["export", "--status", "published"], "unknown status 'published'"),
        (["export", "-f", "prov", "--prov-format", "rdf"], "unknown prov serialisation"),
        (["source", "add", "Foo", "--kind", "banana"], "unknown source kind 'banana'"),
        (["source", "edit", "Daily Planet", "--kind", "banana"], "unknown source kind"),
        (["source", "list", "-k", "banana"], "unknown source kind 'banana'"),
        (["source", "list", "-k", ""], "unknown source kind ''"),
        (["sql", "SELECT 1", "--limit", "1000000001"], "'--limit'"),
        (["sql", "SELECT 1", "--timeout", "nan"], "nan is not a number of seconds"),
        (["sql", "SELECT 1", "--timeout", "1e12"], "out of range"),
        (["import", "rows.csv", "--batch", str(2**63)], "'--batch'"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_a_bad_option_value_is_a_usage_error(cli, snapshot, args, match):
    assert cli("source", "add", "Daily Planet", "--kind", "outlet").exit_code == 0
    message = usage_error(cli, snapshot, *args, match=match)
    assert "-h`" in message  # where to read the choices


def test_a_kind_is_still_read_as_the_library_reads_it(cli):
    assert cli("source", "add", "Acme", "--kind", "Organization").exit_code == 0
    shown = cli("source", "show", "Acme", "--format", "json")
    assert json.loads(shown.stdout)["kind"] == "organisation"


def test_sql_limit_help_shows_its_upper_bound(cli):
    result = cli("sql", "--help")
    assert "1<=x<=1000000000" in " ".join(result.stdout.split())


def _help(cli, *args: str) -> str:
    result = cli(*args, "--help")
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


def test_import_help_names_every_suffix_it_reads(cli):
    from claims.import_files import _SUFFIXES

    shown = _help(cli, "import")
    assert [suffix for suffix in _SUFFIXES if suffix not in shown] == []


def test_graph_help_and_its_error_name_every_picture_suffix(cli, failing, tmp_path):
    from claims.output import PICTURE_FORMATS, SUFFIX_FORMATS

    pictures = [suffix for suffix, fmt in SUFFIX_FORMATS.items() if fmt in PICTURE_FORMATS]
    assert ".gv" in pictures
    shown = _help(cli, "report", "graph")
    message = failing("report", "graph", "-o", tmp_path / "g.foo", match="unknown picture")
    assert [s for s in pictures if s not in shown or s not in message] == []


def test_downgrade_help_gives_the_steps_back_form_with_options_first(cli):
    shown = _help(cli, "db", "downgrade")
    assert "claims db downgrade --yes -- -1" in shown


# --- a source row named by another source's alias ------------------------------------------------


def source_count(url: str) -> int:
    with open_session(url, write=False) as session:
        return session.scalar(select(func.count()).select_from(Source))


def test_a_source_row_named_by_an_alias_completes_that_source(cli, db_url, tmp_path):
    added = cli("source", "add", "Xinhua", "--alias", "Xinhua news agency")
    assert added.exit_code == 0, added.output
    path = write_jsonl(
        tmp_path / "sources.jsonl",
        [
            {
                "source": "Xinhua news agency",
                "source_kind": "news_agency",
                "source_aliases": ["XNA"],
                "source_country": "CN",
            }
        ],
    )
    for _ in range(2):  # and the second time, nothing changes
        summary = import_file(db_url, path, actor="tester")
        assert (summary.sources_created, summary.sources_present) == (0, 1)
        assert source_count(db_url) == 1
    shown = json.loads(cli("source", "show", "Xinhua news agency", "-f", "json").stdout)
    assert (shown["name"], shown["kind"], shown["country"]) == ("Xinhua", "news_agency", "CN")
    assert "XNA" in shown["aliases"]


def test_a_source_row_named_by_an_alias_an_earlier_row_gave(db_url, tmp_path):
    path = write_jsonl(
        tmp_path / "sources.jsonl",
        [
            {"source": "Xinhua", "source_aliases": ["XNA"]},
            {"source": "XNA", "source_kind": "news_agency"},
        ],
    )
    summary = import_file(db_url, path, actor="tester")
    assert summary.sources_created == 1
    with open_session(db_url, write=False) as session:
        assert [(s.name, s.kind) for s in session.scalars(select(Source))] == [
            ("Xinhua", "news_agency")
        ]


def test_a_source_row_named_by_a_shared_alias_is_a_row_error(cli, db_url, tmp_path, snapshot):
    for name in ("Wang Xiaohong", "Wang Yi"):
        assert cli("source", "add", name, "--alias", "Wang").exit_code == 0
    before = snapshot()
    path = write_jsonl(tmp_path / "sources.jsonl", [{"source": "Wang", "source_kind": "person"}])
    with pytest.raises(ImportRejected) as refused:
        import_file(db_url, path, actor="tester")
    [problem] = [str(problem) for problem in refused.value.problems]
    assert problem.startswith("row 1, column source: 'Wang' could mean 2 sources"), problem
    assert "#ID" not in problem  # a source row names its source by name
    assert snapshot() == before


# --- a quotation cut from the article as page debris ---------------------------------------------

PAGE = (
    "BUDAPEST - The bridge will close in May, the mayor said on Monday.\n\n"
    "Article continues after this advertisement\n\n"
    "The closure will last three weeks, officials added.\n"
)


@pytest.fixture
def article(cli, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    result = cli("article", "add", path, "--outlet", "Daily Planet", "--create-sources")
    assert result.exit_code == 0, result.output
    return int(result.stdout)


def test_words_cut_as_page_debris_are_said_to_be_cut(db_url, article):
    from claims.anchoring import find_in_article

    with open_session(db_url, write=False) as session:
        stored = get_article(session, article)
        with pytest.raises(QuotationNotInArticle) as refused:
            find_in_article(stored, "Article continues after this advertisement")
        with pytest.raises(QuotationNotInArticle) as absent:
            find_in_article(stored, "The tunnel opens in June")
        anchor = find_in_article(stored, "The closure will last three weeks")
    assert str(refused.value) == (
        "The quotation is not in the article: those words were cut from it as page debris "
        f"(advertisement); see `claims article show {article} --removed`."
    )
    assert "cut" not in str(absent.value)
    assert stored.text[anchor.start : anchor.end] == "The closure will last three weeks"


# --- claims import: the encoding's next step, a quote CSV cannot read back ------------------------


def test_an_unknown_encoding_says_what_to_give(failing, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("claim\nThe bridge will close in May.\n", encoding="utf-8")
    message = failing("import", path, "--encoding", "banana", match="Unknown encoding 'banana'")
    assert "cp1252" in message and "latin-1" in message


def test_a_quote_inside_a_quoted_value_must_be_doubled(db_url, tmp_path, snapshot):
    path = tmp_path / "rows.csv"
    path.write_bytes(
        b'claim,claim_notes\n"first, ""fine"" quote",x\n"first, "broken" quote",x\n'
        b'"a ""multi""\nline claim",y\n'
    )
    before = snapshot()
    with pytest.raises(ImportRejected) as refused:
        import_file(db_url, path, actor="tester")
    [problem] = [str(problem) for problem in refused.value.problems]
    assert problem.startswith('row 3: a quoted value holds a " that is not doubled'), problem
    assert snapshot() == before


def test_a_badly_quoted_row_is_set_aside_as_written(db_url, tmp_path):
    import csv

    path = tmp_path / "rows.csv"
    path.write_bytes(b'claim,claim_notes\n"first, ""fine"" quote",x\n"first, "broken" quote",x\n')
    summary = import_file(db_url, path, actor="tester", skip_bad=True)
    assert (summary.claims_created, summary.rejected) == (1, 1)
    with open(summary.rejects_file, encoding="utf-8", newline="") as rejects:
        [bad] = list(csv.DictReader(rejects))
    assert bad["raw"] == '"first, "broken" quote",x'


# --- article list: the order the help states --------------------------------------------------


def test_article_list_is_in_the_order_its_help_states(cli, tmp_path):
    """By publication date, latest first; undated last; one date's articles by id."""
    dates = ["2024-01-05", None, "2024-03-01", "2024-01-05"]
    for number, published in enumerate(dates, start=1):
        path = tmp_path / f"a{number}.txt"
        path.write_text(f"Story number {number} says the bridge will close.\n", encoding="utf-8")
        args = ["--published", published] if published else []
        result = cli("article", "add", path, "--outlet", "Daily Planet", "--create-sources", *args)
        assert result.exit_code == 0, result.output
    listed = cli("article", "list", "--format", "json")
    assert [row["id"] for row in json.loads(listed.stdout)] == [3, 1, 4, 2]
    shown = _help(cli, "article", "list")
    assert "the latest first, undated ones last" in shown
    assert "newest first" not in shown.lower()
