"""``claims import`` refuses bad files whole: a clear message, exit 1, nothing written."""

from __future__ import annotations

import csv
import json

import pytest

from tests.test_import import ROWS, UNN_SHA, write_csv, write_jsonl
from tests.test_import_cleaning import page_row


@pytest.fixture
def rejected(cli, snapshot):
    """Run an import that must be refused: exit 1, every problem listed, the database as it was."""

    def run(*args: str, match: str):
        before = snapshot()
        result = cli("import", *args)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        lines = result.stderr.strip().splitlines()
        assert lines[-1].startswith("Error: "), result.output
        assert match.lower() in result.stderr.lower(), result.stderr
        assert snapshot() == before, "the refused import changed the database"
        return lines

    return run


def test_missing_file(failing, tmp_path):
    failing("import", str(tmp_path / "nothing.csv"), match="No such file")


def test_standard_input_is_refused(failing):
    failing("import", "-", "--format", "csv", match="cannot read standard input")


def test_unknown_suffix_needs_a_format(failing, tmp_path):
    path = tmp_path / "rows.txt"
    path.write_text("claim\nx\n", encoding="utf-8")
    failing("import", str(path), match="--format")


def test_wrong_encoding(failing, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes("claim,claim_notes\nOrbán met Wang,café\n".encode("cp1252"))
    failing("import", str(path), match="not valid UTF-8")


def test_a_utf16_file_is_named_by_its_byte_order_mark(failing, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes("claim,claim_notes\nOrbán met Wang,café\n".encode("utf-16"))
    failing("import", str(path), match="is UTF-16 text (it opens with a byte-order mark)")


def test_unknown_column(failing, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("claim,verdict\nx,y\n", encoding="utf-8")
    failing("import", str(path), match="unknown column(s) 'verdict'")


def test_missing_required_column(failing, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("claim_status,claim_notes\ndraft,y\n", encoding="utf-8")
    failing("import", str(path), match="missing required column(s) 'claim'")


def test_bad_json_line(rejected, tmp_path):
    path = write_jsonl(tmp_path / "rows.jsonl", ROWS)
    path.write_text(path.read_text() + '{"claim": "unterminated\n', encoding="utf-8")
    lines = rejected(str(path), match="row 5: not a JSON object")
    assert lines[-1].startswith("Error: 1 problem(s) in rows.jsonl")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (42, 'expected text, got a number: put it in quotation marks ("42")'),
        (4.5, "expected text, got a number"),
        (True, "expected text, got true"),
        (["x"], "expected text, got a list"),
        ({"x": 1}, "expected text, got an object"),
    ],
)
def test_a_json_value_where_text_goes_is_refused_not_turned_into_text(
    rejected, tmp_path, value, reason
):
    """``"claim": 42`` is likelier a column shifted than a claim reading "42"."""
    path = write_jsonl(tmp_path / "rows.jsonl", [{"claim": value}])
    lines = rejected(str(path), match=reason)
    assert lines[0].startswith(f"row 1, column claim: {reason}"), lines


@pytest.mark.parametrize("value", [1.5, float("nan"), float("inf"), 0, -1, True, "x"])
def test_an_occurrence_that_is_no_whole_number_from_1_is_refused(rejected, tmp_path, value):
    row = {"claim": "x", "article": UNN_SHA, "quote": ROWS[1]["quote"], "occurrence": value}
    path = write_jsonl(tmp_path / "rows.jsonl", [ROWS[0], row])
    lines = rejected(str(path), match="a whole number from 1")
    assert lines[0].startswith("row 2, column occurrence:"), lines


def test_an_occurrence_written_as_a_whole_float_is_the_number(cli, tmp_path):
    """Many JSON writers give a count as 1.0: docs/import-format.md says it is a number."""
    row = {"claim": "x", "article": UNN_SHA, "quote": ROWS[1]["quote"], "occurrence": 1.0}
    result = cli("import", str(write_jsonl(tmp_path / "rows.jsonl", [ROWS[0], row])))
    assert result.exit_code == 0, result.output


def test_bad_date_and_unknown_status_are_both_listed(rejected, tmp_path):
    rows = [
        dict(ROWS[0], article_published="19/02/2024"),
        dict(ROWS[1], claim_status="maybe"),
    ]
    lines = rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="2 problem(s)")
    assert "row 2, column article_published: Bad date '19/02/2024'" in lines[0]
    assert "row 3, column claim_status: Unknown status 'maybe'" in lines[1]


def test_quote_not_in_article(rejected, tmp_path):
    rows = [ROWS[0], dict(ROWS[1], quote="Hungary will leave NATO next week")]
    lines = rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="not in the article")
    assert lines[0].startswith("row 3, column quote:")


def test_sha256_mismatch(rejected, tmp_path):
    rows = [dict(ROWS[0], article="0" * 64)]
    rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="the SHA-256 of article_text is")


def test_article_reference_not_found(rejected, tmp_path):
    lines = rejected(str(write_csv(tmp_path / "rows.csv", [ROWS[1]])), match=UNN_SHA)
    assert lines[0].startswith("row 2, column article: no article with SHA-256")


def test_article_referenced_before_it_is_defined(rejected, tmp_path):
    rows = [ROWS[1], ROWS[0]]
    rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="defined on an earlier row")


def test_an_origin_cue_needs_an_origin(rejected, tmp_path):
    rows = [{k: v for k, v in ROWS[0].items() if k != "article_origin"}]
    lines = rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="credits an origin")
    assert lines[0].startswith("row 2, column article_origin_cue:")


def test_an_origin_that_is_the_publisher_leaves_its_cue_crediting_nothing(rejected, tmp_path):
    rows = [dict(ROWS[0], article_origin="UNN")]
    lines = rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="credits nothing")
    assert lines[0].startswith("row 2, column article_origin_cue:")


def test_a_new_source_named_with_chain_syntax_is_refused(rejected, tmp_path):
    rows = [dict(ROWS[0], article_publisher="Left > Right Daily")]
    lines = rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="square bracket")
    assert lines[0].startswith("row 2, column article_publisher:")


def test_ambiguous_source(rejected, cli, tmp_path):
    assert cli("source", "add", "Wang Xiaohong", "--alias", "Wang").exit_code == 0
    assert cli("source", "add", "Wang Yi", "--alias", "Wang").exit_code == 0
    rows = [dict(ROWS[0], chain="Wang [told] > Xinhua [said]")]
    lines = rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="could mean 2 sources")
    assert lines[0].startswith("row 2, column chain:")


def test_chain_with_a_cycle(rejected, tmp_path):
    rows = [dict(ROWS[0], chain="UNN [said] > Wang Xiaohong [told]")]
    rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="a cycle")


def test_row_with_too_few_values(rejected, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("claim,claim_status,claim_notes\nfine,draft,ok\nshort,draft\n", "utf-8")
    rejected(str(path), match="row 3: 2 values for 3 columns")


def test_over_long_value(rejected, tmp_path):
    rows = [dict(ROWS[3], claim_verdict="x" * 201)]
    rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="at most 200 fit")


def test_problems_are_capped_with_a_count(rejected, tmp_path):
    rows = [{"claim": f"claim {n}", "claim_status": "maybe"} for n in range(80)]
    lines = rejected(str(write_csv(tmp_path / "rows.csv", rows)), match="80 problem(s)")
    assert lines[-2] == "... and 30 more problem(s)."


def test_claimreview_without_reviews(failing, tmp_path):
    path = tmp_path / "page.json"
    path.write_text('{"@context": "https://schema.org", "@type": "WebPage"}', "utf-8")
    failing("import", str(path), match="no schema.org ClaimReview")


def test_claimreview_not_json(failing, tmp_path):
    path = tmp_path / "page.json"
    path.write_text('{"@type": "ClaimReview",', "utf-8")
    failing("import", str(path), match="not valid JSON")


def test_claimreview_without_claim(rejected, tmp_path):
    path = tmp_path / "page.json"
    path.write_text('[{"@type": "ClaimReview", "reviewRating": {"alternateName": "False"}}]')
    rejected(str(path), match="row 1: claimReviewed")


def test_unknown_encoding(failing, tmp_path):
    path = write_csv(tmp_path / "rows.csv", ROWS[3:])
    failing("import", str(path), "--encoding", "klingon", match="Unknown encoding")


@pytest.mark.parametrize(
    ("cuts", "match"),
    [
        ("[[0, 42", "JSON list of [start, end, reason]"),
        ('[[0, 42, ""]]', "JSON list of [start, end, reason]"),
        ('{"start": 0}', "JSON list of [start, end, reason]"),
        ('[[0, 100000, "advertisement"]]', "cuts do not fit the article text"),
        ('[[0, 50, "a"], [40, 60, "b"]]', "cuts do not fit the article text"),
    ],
)
def test_bad_cuts_are_row_errors(rejected, tmp_path, cuts, match):
    path = write_csv(tmp_path / "rows.csv", [page_row(article_cuts=cuts)])
    lines = rejected(str(path), match=match)
    assert lines[0].startswith("row 2, column article_cuts:")


@pytest.mark.parametrize("flag", ["maybe", "2", "-"])
def test_a_page_flag_that_is_not_yes_or_no_is_a_row_error(rejected, tmp_path, flag):
    path = write_csv(tmp_path / "rows.csv", [page_row(article_from_html=flag)])
    lines = rejected(str(path), match="neither true nor false")
    assert lines[0].startswith("row 2, column article_from_html:")


def test_a_page_flag_in_json_lines_must_be_true_false_or_text(rejected, tmp_path):
    path = write_jsonl(tmp_path / "rows.jsonl", [page_row(article_from_html=[True])])
    rejected(str(path), match="article_from_html: expected true or false, got a list")


def test_cuts_without_an_article_text_are_refused(rejected, tmp_path):
    row = {"claim": "A claim.", "article_cuts": "[]"}
    lines = rejected(str(write_csv(tmp_path / "rows.csv", [row])), match="article_cuts")
    assert lines[0].startswith("row 2, column article_cuts:")


def test_a_spelling_both_a_stored_source_and_the_file_give_is_ambiguous(rejected, cli, tmp_path):
    assert cli("source", "add", "Wang Yi", "--kind", "person", "--alias", "Wang").exit_code == 0
    rows = [
        {"source": "Wang Xiaohong", "source_kind": "person", "source_aliases": ["Wang"]},
        dict(ROWS[0], chain="Wang [told] > Xinhua [said]"),
    ]
    lines = rejected(str(write_jsonl(tmp_path / "rows.jsonl", rows)), match="could mean Wang Yi")
    assert lines[0].startswith("row 2, column chain:")


def test_a_source_row_the_chain_syntax_cannot_carry_is_a_row_problem(rejected, tmp_path):
    rows = [
        {"source": "Left > Right Institute"},
        {"source": "MH", "source_aliases": ["MH [print]"]},
    ]
    lines = rejected(str(write_jsonl(tmp_path / "rows.jsonl", rows)), match="square bracket")
    assert lines[0].startswith("row 1, column source:")
    assert lines[1].startswith("row 2, column source_aliases:")


@pytest.mark.parametrize("document", ['[{"name": "x"}]', '{"prov:entity": {}}'])
def test_json_without_a_claimreview_is_refused(failing, tmp_path, document):
    path = tmp_path / "other.json"
    path.write_text(document, encoding="utf-8")
    failing("import", str(path), match="holds no schema.org ClaimReview")


@pytest.mark.parametrize("document", ["[]", '{"@context": "https://schema.org", "@graph": []}'])
def test_an_empty_claimreview_export_imports_nothing(cli, tmp_path, document):
    path = tmp_path / "empty.json"
    path.write_text(document, encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output


def test_a_quotation_without_its_claim_says_the_claim_is_missing(rejected, tmp_path):
    rows = [dict(ROWS[0], claim="")]
    lines = rejected(str(write_jsonl(tmp_path / "rows.jsonl", rows)), match="claim text is empty")
    assert lines[0].startswith("row 1, column claim: the claim text is empty: a row with")


@pytest.mark.parametrize("encoding", ["rot13", "base64"])
def test_a_codec_that_is_no_text_encoding_is_refused(failing, tmp_path, encoding):
    path = write_csv(tmp_path / "rows.csv", ROWS[3:])
    failing("import", str(path), "--encoding", encoding, match="is not a text encoding")


def test_utf16_named_for_a_file_without_its_byte_order_mark_says_to_name_the_order(
    failing, tmp_path
):
    path = tmp_path / "rows.csv"
    path.write_bytes("claim\nThe bridge will close in May.\n".encode("utf-16-le"))
    failing("import", str(path), "--encoding", "utf-16", match="--encoding utf-16-le or")


@pytest.mark.parametrize("document", ["null", "42", '"ClaimReview"', "true"])
def test_claimreview_json_that_is_no_object_is_refused(failing, tmp_path, document):
    path = tmp_path / "page.json"
    path.write_text(document, "utf-8")
    failing("import", str(path), match="holds no schema.org ClaimReview object: its JSON is a")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_claimreview_with_a_number_json_has_not_is_refused(failing, tmp_path, constant):
    path = tmp_path / "page.json"
    path.write_text(
        '{"@type": "ClaimReview", "claimReviewed": "The bridge will close.", '
        f'"reviewRating": {{"ratingValue": {constant}, "bestRating": 5}}}}',
        "utf-8",
    )
    failing("import", str(path), match=f"{constant} is no JSON value")


def test_claimreview_with_half_a_character_is_refused(failing, tmp_path):
    path = tmp_path / "page.json"
    path.write_text('{"@type": "ClaimReview", "claimReviewed": "Lone \\ud800 half."}', "utf-8")
    failing("import", str(path), match="\\ud800, half of a character")


@pytest.mark.parametrize("column", ["claim", "claim_notes", "source", "article_text"])
def test_half_a_character_in_a_jsonl_row_is_a_row_problem(rejected, tmp_path, column):
    rows = [{"claim": f"Good claim number {n} stands."} for n in range(30)]
    bad = {"claim": "A claim with a bad note."} if column != "source" else {"source_kind": "person"}
    bad[column] = "bad \ud800 text"
    path = tmp_path / "rows.jsonl"
    lines = [json.dumps(row) for row in rows] + [json.dumps(bad)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert "\\ud800" in path.read_text("utf-8")
    rejected(str(path), "--batch", "10", match="row 31: holds \\ud800")


def test_half_a_character_is_set_aside_with_skip_bad(cli, tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(
        json.dumps({"claim": "A good claim stands here."})
        + "\n"
        + json.dumps({"claim": "Another claim.", "claim_notes": "bad \ud800"})
        + "\n",
        "utf-8",
    )
    result = cli("import", str(path), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert "1 bad row(s) set aside" in result.stderr
    listed = cli("sql", "SELECT text FROM claims", "--format", "csv")
    assert listed.stdout.splitlines()[1:] == ["A good claim stands here."]


def test_a_utf8_file_named_utf16le_is_refused_before_anything(failing, tmp_path):
    path = write_csv(tmp_path / "rows.csv", ROWS[3:])
    failing("import", str(path), "--encoding", "utf-16-le", match="such text holds NUL bytes")


@pytest.mark.parametrize("column", ["source_aliases", "article_cuts"])
def test_half_a_character_in_a_list_column_is_a_row_problem(rejected, tmp_path, column):
    row = {"source": "Wire Agency", "source_kind": "news_agency"}
    if column == "source_aliases":
        row["source_aliases"] = '["Alias \\ud800 here"]'
    else:
        row = {
            "claim": "The bridge will close.",
            "article_text": "The bridge will close, the mayor said.",
            "article_publisher": "Daily Planet",
            "quote": "The bridge will close",
            "article_cuts": '[[0, 3, "bad \\ud800 reason"]]',
        }
    path = tmp_path / "rows.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    rejected(str(path), match="half of a character")


def test_a_key_given_twice_in_a_jsonl_row_is_a_row_problem(rejected, tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text(
        '{"claim": "The bridge will close."}\n'
        '{"claim": "A first text.", "claim_notes": "x", "claim": "A second text."}\n',
        "utf-8",
    )
    rejected(str(path), match="row 2: column(s) 'claim' given twice")
