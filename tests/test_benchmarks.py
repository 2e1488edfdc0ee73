"""The benchmark harness runs and ends with its JSON summary (no timing is asserted)."""

import json
import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_generator_is_deterministic_and_anchorable():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    from claims.anchoring import find_quotation

    first = list(generate.flat_rows(120, seed=3))
    assert first == list(generate.flat_rows(120, seed=3))
    assert len(first) == 120
    for article in generate.articles(120, seed=3):
        for appearance in article.appearances:
            anchor = find_quotation(article.text, appearance.quote)
            assert (anchor.start, anchor.end) == (appearance.start, appearance.end)
            for name, _cue, (start, end) in appearance.stated:
                assert article.text[start:end] == name


def test_run_prints_a_table_then_a_json_summary(tmp_path):
    environment = {k: v for k, v in os.environ.items() if k != "CLAIMS_TEST_POSTGRES_URL"}
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--appearances", "200", "--repeat", "1"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    summary = json.loads(lines[-1])
    assert summary["appearances"] == 200
    for name in ("import_sqlite", "carriers_report", "help"):
        measure = summary["measures"][name]
        assert measure["value"] > 0 and measure["baseline"] > 0 and measure["ratio"] > 0
    assert summary["measures"]["import_sqlite"]["peak_rss_mb"] > 0
    assert any("import_postgresql skipped" in note for note in summary["skipped"])
    assert lines[0].split()[:3] == ["measure", "value", "baseline"]


def test_only_carriers_times_that_measure_on_a_database_it_keeps(tmp_path):
    database = tmp_path / "rows.db"
    command = [sys.executable, str(BENCHMARKS / "run.py"), "--appearances", "200"]
    command += ["--repeat", "1", "--only", "carriers", "--db", str(database)]
    runs = [
        subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=600)
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    # The first run writes the database, the second times the report on it as it is.
    assert "wrote 200 appearances" in runs[0].stderr
    assert "wrote" not in runs[1].stderr
    for summary in (json.loads(run.stdout.strip().splitlines()[-1]) for run in runs):
        assert list(summary["measures"]) == ["carriers_report"]
        assert summary["measures"]["carriers_report"]["ratio"] > 0


def _brat(spans: list[tuple[str, int, int]]) -> str:
    return "".join(f"T{n}\t{kind} {start} {end}\tx\n" for n, (kind, start, end) in enumerate(spans))


def test_agreement_scores_annotators_against_each_other_and_the_rules_on_held_out(tmp_path):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import attribution
    finally:
        sys.path.remove(str(BENCHMARKS))
    text = 'The mayor said the bridge will reopen in May. "It is safe," an engineer told reporters.'
    same = [("Source", 0, 9), ("Cue", 10, 14), ("Content", 15, 44)]
    for compartment, second in (
        ("train", same),  # two annotators who agree
        ("test", [("Source", 0, 9), ("Cue", 10, 14)]),  # the second missed the content
    ):
        for folder in ("text", "attributions"):
            (tmp_path / compartment / folder).mkdir(parents=True)
        (tmp_path / compartment / "text" / "a.txt").write_text(text)
        (tmp_path / compartment / "attributions" / "a_1111.ann").write_text(_brat(same))
        (tmp_path / compartment / "attributions" / "a_2222.ann").write_text(_brat(second))
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    (tmp_path / "dev" / "attributions" / "lone_3333.ann").write_text(_brat(same))

    result = attribution.run_agreement(tmp_path, method="rules")

    assert (result["articles"], result["held_out_articles"]) == (2, 1)
    assert result["humans_source_exact_f1"] == 1.0
    # Content: 2 of the train pair's ordered pairs agree, none of test's (1 span, then 0).
    assert result["humans_content_exact_f1"] == round(2 * 2 / (3 + 3), 3)
    assert result["humans_held_out_content_exact_f1"] == 0.0
    # The rules find the mayor's and the engineer's relations; each annotator marked one.
    assert result["claims_held_out_source_exact_f1"] == round(2 * 2 / (2 + 4), 3)


def test_derivation_benchmark_checks_the_index_against_every_pair(tmp_path):
    command = [sys.executable, str(BENCHMARKS / "derivation.py"), "--articles", "40"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    summary = json.loads(lines[-1])
    assert summary["articles"] == 40 and summary["related_pairs"] > 0
    assert summary["ratio"] > 0
    assert "the same alignments" in result.stdout
