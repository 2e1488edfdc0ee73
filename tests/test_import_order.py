"""An import reads its rows in file order: the outcome is the same whatever the batch size,
and a file refused once is refused the same after part of it was imported."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import create_engine, text

from claims.errors import ImportRejected
from claims.flatrows import FIELDS, RowProblems, parse_row
from claims.importer import import_file
from claims.services.articles import text_sha256
from tests.conftest import table_rows
from tests.test_import import ROWS, UNN_SHA, content, write_csv, write_jsonl

TEXT = "Text one. Epsilon said the sky is green."
CHAIN_ROW = {
    "claim": "Chain claim.",
    "article_text": TEXT,
    "article_publisher": "Pub",
    "quote": "the sky is green",
    "chain": "Epsilon [said]",
}
ALIAS_ROW = {"source": "Zeta", "source_aliases": ["Epsilon"]}


def refusal(url, path, **options) -> list[str]:
    """The problems of an import that must be refused, as their messages."""
    with pytest.raises(ImportRejected) as refused:
        import_file(url, path, actor="tester", **options)
    return [str(problem) for problem in refused.value.problems]


def scalars(url: str, sql: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return sorted(tuple(row) for row in connection.execute(text(sql)))
    finally:
        engine.dispose()


def without_audit(url: str) -> dict:
    return {k: v for k, v in table_rows(url).items() if k != "audit_log"}


@pytest.mark.parametrize("batch", [1, 2, 2000])
def test_a_source_row_s_aliases_do_not_reach_rows_before_it(db_url, tmp_path, batch):
    path = write_jsonl(tmp_path / "eps.jsonl", [CHAIN_ROW, ALIAS_ROW])
    problems = refusal(db_url, path, batch_rows=batch)
    assert len(problems) == 1
    assert problems[0].startswith("row 2, column source_aliases: 'Epsilon' is the name of")
    assert "put this source row before the rows that name it" in problems[0]


def test_a_file_refused_for_a_late_alias_is_refused_alike_after_a_partial_import(db_url, tmp_path):
    import_file(db_url, write_jsonl(tmp_path / "first.jsonl", [CHAIN_ROW]), actor="tester")
    before = without_audit(db_url)
    path = write_jsonl(tmp_path / "eps.jsonl", [CHAIN_ROW, ALIAS_ROW])
    problems = refusal(db_url, path)
    assert problems[0].startswith("row 2, column source_aliases: 'Epsilon' is the name of")
    assert "merge them" in problems[0]
    assert without_audit(db_url) == before


def test_source_rows_first_resolve_the_chain_and_its_evidence(db_url, tmp_path):
    path = write_jsonl(tmp_path / "eps.jsonl", [ALIAS_ROW, CHAIN_ROW])
    import_file(db_url, path, actor="tester", batch_rows=1)
    hops = [row for row in content(db_url)["hops"] if row[6] == "stated"]
    assert [(row[4], row[7]) for row in hops] == [("Zeta", str(TEXT.index("Epsilon")))]


def test_a_spelling_rows_used_cannot_become_another_s_alias_later(db_url, tmp_path):
    stored = write_jsonl(
        tmp_path / "stored.jsonl", [{"source": "Epsilon Agency", "source_aliases": ["Epsilon"]}]
    )
    import_file(db_url, stored, actor="tester")
    path = write_jsonl(tmp_path / "eps.jsonl", [CHAIN_ROW, ALIAS_ROW])
    for batch in (1, 2000):
        problems = refusal(db_url, path, batch_rows=batch)
        assert problems == [
            "row 2, column source_aliases: 'Epsilon' names the source 'Epsilon Agency' on an "
            "earlier row of this file, and as an alias of 'Zeta' it would name two: write "
            "'Epsilon Agency' in full on the earlier rows, and put this source row before them"
        ]


def test_the_database_an_import_gives_does_not_depend_on_the_batch_size(
    db_url, tmp_path, sqlite_template
):
    rows = [
        ROWS[0],
        {  # its chain's evidence: not through an alias a later row gives
            "claim": "The sea is blue.",
            "article_text": "Text three. The agency said the sea is blue.",
            "article_publisher": "Pub",
            "quote": "the sea is blue",
            "chain": "Xinhua [said]",
        },
        {"source": "Xinhua", "source_kind": "news_agency", "source_aliases": ["the agency"]},
        ROWS[1],
        {**ROWS[2], "chain": "Wang Xiaohong [told] > the agency [according to]"},
        {**CHAIN_ROW, "chain": "Omega Agency [said]"},
        {  # a source met in a chain first, then as an origin
            "claim": "Another claim.",
            "article_text": "Text two. The sky is green, Omega Agency said.",
            "article_publisher": "Pub",
            "article_origin": "Omega Agency",
            "quote": "The sky is green",
        },
        ROWS[3],
    ]
    path = write_jsonl(tmp_path / "rows.jsonl", rows)
    import_file(db_url, path, actor="tester")
    other = tmp_path / "other.db"
    other.write_bytes(sqlite_template.read_bytes())
    other_url = f"sqlite:///{other}"
    import_file(other_url, path, actor="tester", batch_rows=1)
    assert content(db_url) == content(other_url)


@pytest.mark.parametrize("batch", [1, 2000])
def test_a_source_named_in_a_chain_first_takes_the_kind_its_role_as_origin_gives(
    db_url, tmp_path, batch
):
    rows = [
        {**CHAIN_ROW, "chain": "Omega Agency [said]"},
        {
            "claim": "Another claim.",
            "article_text": "Text two. The sky is green, Omega Agency said.",
            "article_publisher": "Pub",
            "article_origin": "Omega Agency",
            "quote": "The sky is green",
        },
    ]
    import_file(
        db_url, write_jsonl(tmp_path / "rows.jsonl", rows), actor="tester", batch_rows=batch
    )
    kinds = scalars(db_url, "SELECT name, kind FROM sources")
    assert kinds == [("Omega Agency", "news_agency"), ("Pub", "outlet")]


def test_a_stored_appearance_with_another_chain_is_present_and_creates_nothing(db_url, tmp_path):
    import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS), actor="tester")
    before = without_audit(db_url)
    changed = [{**ROWS[0], "chain": "Someone Else [told]"}]
    summary = import_file(db_url, write_csv(tmp_path / "again.csv", changed), actor="tester")
    assert (summary.appearances_present, summary.appearances_created) == (1, 0)
    assert summary.sources_created == 0
    assert without_audit(db_url) == before


def test_a_row_repeating_an_appearance_of_its_batch_creates_nothing_for_its_chain(db_url, tmp_path):
    rows = [CHAIN_ROW, {**CHAIN_ROW, "chain": "Someone Else [said]"}]
    summary = import_file(db_url, write_jsonl(tmp_path / "rows.jsonl", rows), actor="tester")
    assert (summary.appearances_created, summary.appearances_present) == (1, 1)
    assert [name for (name,) in scalars(db_url, "SELECT name FROM sources")] == ["Epsilon", "Pub"]


def test_a_reference_to_an_article_its_refused_row_defines_names_that_row(db_url, tmp_path):
    rows = [
        {**CHAIN_ROW, "article_published": "2024-02-31"},
        {"claim": "Another claim.", "article": text_sha256(TEXT), "quote": "the sky is green"},
    ]
    problems = refusal(db_url, write_csv(tmp_path / "rows.csv", rows))
    assert problems[1] == (
        f"row 3, column article: the article with SHA-256 {text_sha256(TEXT)} is defined on "
        "row 2, which has a problem: fix that row, and this one imports with it"
    )


def test_rows_naming_an_article_whose_row_is_set_aside_are_set_aside_too(db_url, tmp_path):
    rows = [
        {**CHAIN_ROW, "quote": "words the article does not hold"},
        {"claim": "Another claim.", "article": text_sha256(TEXT), "quote": "the sky is green"},
        ROWS[3],
    ]
    path = write_jsonl(tmp_path / "rows.jsonl", rows)
    summary = import_file(db_url, path, actor="tester", skip_bad=True)
    assert (summary.rejected, summary.claims_created, summary.articles_created) == (2, 1, 0)
    with (tmp_path / "rows.jsonl.rejects.csv").open(encoding="utf-8", newline="") as file:
        reasons = [row["reason"] for row in csv.DictReader(file)]
    assert "is defined on row 1, which has a problem" in reasons[1]


def test_a_later_row_may_define_an_article_an_earlier_refused_row_did(db_url, tmp_path):
    rows = [
        {**CHAIN_ROW, "quote": "words the article does not hold"},
        {**CHAIN_ROW, "article_cuts": '[[0, 10, "kicker"]]'},
    ]
    path = write_jsonl(tmp_path / "rows.jsonl", rows)
    summary = import_file(db_url, path, actor="tester", skip_bad=True)
    assert (summary.rejected, summary.appearances_created) == (1, 1)
    assert scalars(db_url, "SELECT text FROM articles") == [("Epsilon said the sky is green.",)]


def test_article_details_beside_a_reference_are_ignored_not_checked(db_url, tmp_path):
    import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS[:1]), actor="tester")
    before = scalars(db_url, "SELECT sha256, published, url, title FROM articles")
    reference = {
        "claim": "Another claim.",
        "article": UNN_SHA,
        "quote": ROWS[1]["quote"],
        "article_published": "2024-13-45",
        "article_url": "ftp://example.org",
        "article_language": "not a language",
        "article_from_html": "maybe",
        "article_cuts": "[[0,",
        "article_origin_cue": "citing",
        "article_publisher": "P" * 1000,
        "article_title": ["not", "text"],
    }
    summary = import_file(db_url, write_jsonl(tmp_path / "ref.jsonl", [reference]), actor="t")
    assert summary.appearances_created == 1
    assert scalars(db_url, "SELECT sha256, published, url, title FROM articles") == before


def test_a_reference_row_still_refuses_details_without_any_article():
    with pytest.raises(RowProblems) as refused:
        parse_row({"claim": "A claim.", "article_published": "2024-13-45"})
    assert refused.value.problems[0][0] == "article_published"
    assert "article details without an article" in refused.value.problems[0][1]


def test_an_article_text_past_20_mb_is_a_row_error_naming_its_column(db_url, tmp_path):
    from claims.files import MAX_ARTICLE_BYTES

    # Past 20 MB as UTF-8, and a line shorter than the longest row though JSON escapes it.
    big = "é" * (MAX_ARTICLE_BYTES // 2 + 1024)
    rows = [ROWS[3], {**CHAIN_ROW, "article_text": big + TEXT}]
    problems = refusal(db_url, write_jsonl(tmp_path / "rows.jsonl", rows))
    assert problems == [
        "row 2, column article_text: the text is larger than 20 MB: that is not one article: "
        "give each article a row of its own"
    ]


def test_the_size_limit_counts_bytes_as_claims_article_add_does():
    from claims.files import MAX_ARTICLE_BYTES, text_too_large

    assert not text_too_large("a" * MAX_ARTICLE_BYTES)
    assert text_too_large("a" * (MAX_ARTICLE_BYTES + 1))
    assert not text_too_large("é" * (MAX_ARTICLE_BYTES // 2))
    assert text_too_large("é" * (MAX_ARTICLE_BYTES // 2) + "a")


@pytest.mark.parametrize("column", ["source_aliases", "article_cuts"])
def test_json_nested_too_deep_in_a_csv_cell_is_a_row_error_naming_its_column(
    db_url, tmp_path, column
):
    deep = "[" * 5000 + "]" * 5000
    row = (
        {"source": "Zeta", column: deep}
        if column == "source_aliases"
        else {
            **CHAIN_ROW,
            column: deep,
        }
    )
    path = tmp_path / "rows.csv"
    write_csv(path, [row], columns=FIELDS)
    problems = refusal(db_url, path)
    assert problems[0].startswith(f"row 2, column {column}: the JSON is nested too deep")


def test_a_list_nested_too_deep_in_json_lines_is_a_row_error_naming_its_column():
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(RowProblems) as refused:
        parse_row({"source": "Zeta", "source_aliases": deep})
    assert refused.value.problems[0][0] == "source_aliases"
    assert "nested too deep" in refused.value.problems[0][1]


def test_a_stored_source_of_kind_other_met_as_an_origin_takes_its_kind(db_url, tmp_path):
    first = {**CHAIN_ROW, "chain": "Omega Agency [said]"}
    import_file(db_url, write_jsonl(tmp_path / "first.jsonl", [first]), actor="tester")
    origin = {
        "claim": "Another claim.",
        "article_text": "Text two. The sky is green, Omega Agency said.",
        "article_publisher": "Pub",
        "article_origin": "Omega Agency",
        "quote": "The sky is green",
    }
    path = write_jsonl(tmp_path / "rows.jsonl", [first, origin])
    summary = import_file(db_url, path, actor="tester")
    assert (summary.sources_created, summary.sources_updated) == (0, 1)
    kinds = scalars(db_url, "SELECT name, kind FROM sources")
    assert kinds == [("Omega Agency", "news_agency"), ("Pub", "outlet")]
