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
