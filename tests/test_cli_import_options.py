"""``claims import`` option values: a bad one is a usage error (exit 2, one line), as for
every command; a good one in another case is read."""

from __future__ import annotations

import pytest

from tests.test_import import ROWS, write_csv


@pytest.mark.parametrize(
    ("option", "match"),
    [
        (["--format", "xml"], "--format"),
        (["-f", "json"], "--format"),
        (["--batch", "0"], "--batch"),
        (["--batch", "-5"], "--batch"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else value,
)
def test_a_bad_option_value_is_a_usage_error(cli, snapshot, tmp_path, option, match):
    path = write_csv(tmp_path / "rows.csv", [ROWS[3]])
    before = snapshot()
    result = cli("import", str(path), *option)
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert message.startswith("Error: ") and match in message, message
    assert "claims import -h" in message
    assert snapshot() == before


@pytest.mark.parametrize("fmt", ["CSV", "csv", "Csv"])
def test_a_format_in_any_case_is_read(cli, tmp_path, fmt):
    path = write_csv(tmp_path / "rows.txt", [ROWS[3]])
    result = cli("import", str(path), "--format", fmt)
    assert result.exit_code == 0, result.output


def test_the_help_lists_the_formats(cli):
    result = cli("import", "-h")
    assert result.exit_code == 0, result.output
    assert "csv|jsonl|claimreview" in result.output
