"""``claims import`` on awkward input: the rejects file, encodings, ClaimReview shapes,
empty files and Ctrl-C. Each ends in a result a person can act on, never a traceback."""

from __future__ import annotations

import csv
import json
import signal
from pathlib import Path

import pytest

from claims import importer
from claims.importer import ImportInterrupted, import_file
from tests.test_import import ROWS, UNN_SHA, content, write_csv, write_jsonl


def rejects_of(path: Path) -> list[dict]:
    with path.with_name(path.name + ".rejects.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


# -- the rejects file --


def test_an_unwritable_rejects_file_stops_the_import_before_anything_is_written(failing, tmp_path):
    path = write_csv(tmp_path / "rows.csv", [ROWS[0], {"claim": "x", "claim_status": "maybe"}])
    (tmp_path / "rows.csv.rejects.csv").mkdir()
    failing("import", str(path), "--skip-bad", match="Cannot write the rejects file")


def test_a_line_that_is_not_json_is_kept_whole_in_the_rejects_file(db_url, tmp_path):
    path = write_jsonl(tmp_path / "rows.jsonl", ROWS[3:])
    line = '{"claim": "Truncated claim.", "article_text": "Taxes will ri'
    path.write_text(path.read_text() + line + "\n[1, 2]\n", encoding="utf-8")
    import_file(db_url, path, actor="tester", skip_bad=True)
    bad, listed = rejects_of(path)
    assert (bad["row"], bad["raw"]) == ("2", line)
    assert bad["reason"].startswith("not a JSON object: ")
    assert (listed["raw"], listed["reason"]) == ("[1, 2]", "not a JSON object but a list")


def test_a_key_that_is_no_column_is_kept_in_the_rejects_file(db_url, tmp_path):
    path = write_jsonl(tmp_path / "rows.jsonl", [{"claim": "x", "claim_verdit": "False"}])
    import_file(db_url, path, actor="tester", skip_bad=True)
    (bad,) = rejects_of(path)
    assert (bad["claim"], json.loads(bad["raw"])) == ("x", {"claim_verdit": "False"})


def test_worker_processes_keep_the_line_too(db_url, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "worker_count", lambda size: 1)
    path = write_jsonl(tmp_path / "rows.jsonl", ROWS)
    path.write_text(path.read_text() + "{not json\n", encoding="utf-8")
    import_file(db_url, path, actor="tester", skip_bad=True)
    assert [r["raw"] for r in rejects_of(path)] == ["{not json"]


def test_values_past_the_last_column_are_kept_in_the_rejects_file(db_url, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('claim,claim_verdict\nExtra fields.,false,"sur,plus",more\n', "utf-8")
    import_file(db_url, path, actor="tester", skip_bad=True)
    [bad] = rejects_of(path)
    assert (bad["claim"], bad["claim_verdict"]) == ("Extra fields.", "false")
    assert next(csv.reader([bad["raw"]])) == ["sur,plus", "more"]
    assert bad["reason"] == "4 values for 2 columns (a stray comma or quote?)"


def test_a_claimreview_that_cannot_be_read_is_kept_whole(db_url, tmp_path):
    path = tmp_path / "page.json"
    review = {"@type": "ClaimReview", "reviewRating": {"alternateName": "False"}}
    path.write_text(json.dumps([review]), "utf-8")
    import_file(db_url, path, actor="tester", skip_bad=True)
    [bad] = rejects_of(path)
    assert json.loads(bad["raw"]) == review


def test_a_run_without_rejects_removes_an_old_rejects_file(cli, tmp_path):
    path = write_csv(tmp_path / "rows.csv", [ROWS[3], {"claim": "x", "claim_status": "maybe"}])
    assert cli("import", str(path), "--skip-bad").exit_code == 0
    rejects = tmp_path / "rows.csv.rejects.csv"
    assert rejects.exists()
    write_csv(path, [ROWS[3]])
    result = cli("import", str(path), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert not rejects.exists()
    assert "removed the old" in result.stderr


# -- file-level errors --


def test_an_undecodable_byte_is_placed_by_its_line_and_byte(failing, tmp_path):
    path = tmp_path / "rows.csv"
    rows = "".join(f"Claim number {n} is here.\n" for n in range(3000))
    head = ("claim\n" + rows).encode("utf-8")
    path.write_bytes(head + "Café claim.\n".encode("cp1252"))
    message = failing("import", str(path), match="at line 3002")
    assert f"byte {len(head) + 3} of the file" in message
    assert "--encoding cp1252" in message


def test_a_semicolon_separated_header_says_so(failing, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("claim;claim_verdict\nA claim.;false\n", "utf-8")
    failing("import", str(path), match="separated by semicolons")


def test_an_occurrence_problem_names_the_column_not_the_option(cli, tmp_path):
    row = {"claim": "x", "article": UNN_SHA, "quote": ROWS[1]["quote"], "occurrence": "5"}
    path = write_csv(tmp_path / "rows.csv", [ROWS[0], row])
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    assert "the occurrence column (1 to 1)" in result.stderr
    assert "--occurrence" not in result.stderr
    cli("import", str(path), "--skip-bad")
    assert "the occurrence column" in rejects_of(path)[0]["reason"]


@pytest.mark.parametrize("name", ["rows.csv", "rows.jsonl", "page.json"])
def test_an_empty_file_imports_nothing_and_says_so(cli, snapshot, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    before = snapshot()
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    assert "holds no rows: nothing to import" in result.stderr
    assert snapshot() == before


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "claimreview"])
def test_the_export_of_an_empty_database_imports(cli, tmp_path, fmt):
    path = tmp_path / f"empty.{ {'claimreview': 'json'}.get(fmt, fmt) }"
    publisher = ["--publisher", "Desk"] if fmt == "claimreview" else []  # others refuse it
    exported = cli("export", "--format", fmt, "-o", str(path), *publisher)
    assert exported.exit_code == 0, exported.output
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    assert "holds no rows: nothing to import" in result.stderr


# -- ClaimReview shapes --


def claimreview(db_url, tmp_path, document) -> dict:
    path = tmp_path / "page.json"
    path.write_text(json.dumps(document), "utf-8")
    import_file(db_url, path, actor="tester")
    [(_, claim, _, verdict, notes)] = content(db_url)["claims"]
    return {"claim": claim, "verdict": verdict, "notes": notes}


def test_a_sentence_as_verdict_is_cut_and_kept_whole_in_the_notes(db_url, tmp_path):
    sentence = "This is not correct. " + "There is no such agreement, and " * 8 + "none."
    stored = claimreview(
        db_url,
        tmp_path,
        {
            "@type": "ClaimReview",
            "claimReviewed": "Chinese police will operate in London.",
            "reviewRating": {"@type": "Rating", "alternateName": sentence},
        },
    )
    assert len(sentence) > 200 >= len(stored["verdict"])
    assert stored["verdict"].endswith("…")
    assert sentence.startswith(stored["verdict"][:-1])
    assert stored["notes"].splitlines()[0] == f"Verdict: {sentence}"


def test_a_claimreview_inside_the_page_it_is_published_on(db_url, tmp_path):
    page = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "mainEntity": {"@type": "ClaimReview", "claimReviewed": "Nested.", "author": "Desk"},
    }
    assert claimreview(db_url, tmp_path, page)["claim"] == "Nested."


def test_a_rating_without_words_gives_its_score(db_url, tmp_path):
    review = {
        "@type": "ClaimReview",
        "claimReviewed": "Numbers only.",
        "reviewRating": {"ratingValue": 1, "bestRating": 5, "worstRating": 0},
    }
    assert claimreview(db_url, tmp_path, review)["verdict"] == "1/5 (worst 0)"


# -- Ctrl-C --


def interrupt_after(batches: int):
    """A ``write_batch`` that sends this process Ctrl-C once ``batches`` are handed over."""
    original = importer.write_batch
    count = 0

    def write_batch(*args):
        nonlocal count
        original(*args)
        count += 1
        if count == batches:
            signal.raise_signal(signal.SIGINT)

    return write_batch


def test_ctrl_c_stops_between_batches_and_says_what_is_stored(cli, db_url, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "rows.csv", ROWS)
    monkeypatch.setattr(importer, "write_batch", interrupt_after(1))
    result = cli("import", str(path), "--batch", "1")
    assert result.exit_code == 130, result.output
    assert result.stderr.strip().splitlines() == [
        "Interrupted: 1 batch(es) of rows.csv (1 of 4 rows) are stored, the rest is not; "
        "run the same import again to complete it."
    ]
    assert len(content(db_url)["appearances"]) == 1
    monkeypatch.undo()
    assert cli("import", str(path)).exit_code == 0
    assert len(content(db_url)["appearances"]) == 3


def test_ctrl_c_while_checking_writes_nothing(db_url, snapshot, tmp_path, monkeypatch):
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(importer, "_check", interrupted)
    before = snapshot()
    with pytest.raises(ImportInterrupted, match="nothing was written"):
        import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS), actor="tester")
    assert snapshot() == before


def test_ctrl_c_during_the_drift_step_leaves_the_rest_listed(db_url, tmp_path):
    def progress(phase, position, total):
        if phase == "drift" and position == 1:
            signal.raise_signal(signal.SIGINT)

    path = write_csv(tmp_path / "rows.csv", ROWS)
    with pytest.raises(ImportInterrupted, match="drift findings of 1 claim"):
        import_file(db_url, path, actor="tester", batch_rows=1, progress=progress)
    assert importer.complete_drift(db_url, 10) == 1


def test_stopping_early_ends_the_row_readers_at_once(tmp_path):
    """An import stopped mid-file (Ctrl-C, a refused row) must end its readers then, not
    when they are collected: the checking workers they start hold a copy of the writing
    process's input, which waits for more until they are gone."""
    from claims.import_files import RawRow, open_rows

    ended = []

    def prepare(lines):
        try:
            yield from (RawRow(number, {}, None) for number, _ in lines)
        finally:
            ended.append(True)

    path = tmp_path / "rows.jsonl"
    path.write_text('{"claim": "a"}\n{"claim": "b"}\n', encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with open_rows(path, "jsonl", prepare=prepare) as (rows, _):
            next(rows)
            raise KeyboardInterrupt
    assert ended == [True]


@pytest.mark.parametrize(
    ("line", "kind"), [("null", "null"), ("42", "a number"), ('"x"', "a string")]
)
def test_a_line_that_is_no_object_is_named_in_plain_words(db_url, tmp_path, line, kind):
    path = write_jsonl(tmp_path / "rows.jsonl", ROWS[3:])
    path.write_text(path.read_text() + line + "\n", encoding="utf-8")
    import_file(db_url, path, actor="tester", skip_bad=True)
    (listed,) = rejects_of(path)
    assert listed["reason"] == f"not a JSON object but {kind}"
