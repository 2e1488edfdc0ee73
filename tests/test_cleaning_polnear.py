"""Cleaning on real news prose: PolNeAR's 1,000 US political articles (about 20,000 lines).

Where the corpus's annotators marked an attribution cue ("said", "told reporters",
"according to"), the line is article text: no cleaning rule may cut it. Skipped when the
corpus is not on this machine.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from claims.cleaning import line_reason

# The evaluation data, as the benchmarks find it: $CLAIMS_EVAL_DIR, else ../shared/eval
# beside the checkout.
EVAL = Path(
    os.environ.get("CLAIMS_EVAL_DIR", Path(__file__).resolve().parents[2] / "shared" / "eval")
)
POLNEAR = EVAL / "polnear" / "data"
_SPAN = re.compile(r"^T\d+\t(?P<kind>\w+) (?P<offsets>[\d ;]+)\t", re.MULTILINE)


def _cues(split: Path, name: str) -> list[tuple[int, int]]:
    cues = []
    for ann in (split / "attributions").glob(f"{name}*.ann"):
        for match in _SPAN.finditer(ann.read_text(encoding="utf-8")):
            if match["kind"] == "Cue":
                for part in match["offsets"].split(";"):
                    start, end = part.split()
                    cues.append((int(start), int(end)))
    return cues


def _lines_with_a_cue():
    for split in ("train", "dev", "test"):
        for path in sorted((POLNEAR / split / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            cues = _cues(POLNEAR / split, path.stem)
            position = 0
            for line in text.split("\n"):
                end = position + len(line)
                if line.strip() and any(position <= a and b <= end for a, b in cues):
                    yield line
                position = end + 1


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR corpus not available")
def test_no_rule_cuts_a_line_that_attributes_speech():
    lines = list(_lines_with_a_cue())
    assert len(lines) > 10_000
    cut = [(line_reason(line), line) for line in lines if line_reason(line) is not None]
    assert cut == []
