"""Train the attribution tagger on PolNeAR train, pick c1/c2 on dev, write the model file.

    python benchmarks/train_attribution.py [--data ../shared/eval/polnear/data]
        [--grid 0.05,0.01 0.2,0.01 ...] [--iterations 150] [--out PATH]

``--out`` defaults to the packaged model, ``claims/suggestions/attribution.crfsuite.xz``
(the chosen CRFsuite file, xz-compressed).

Deterministic: the same annotation file per article as the benchmark (the first by name),
documents in sorted order, L-BFGS (no random initialisation). Each paragraph of an article is
one sequence; every token gets a BIO label for CUE, SOURCE or CONTENT. Where gold spans nest
(a cue inside another attribution's content), the shorter span wins the token. The test split
is never read here.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.attribution import DEFAULT_DATA, articles, prf, score  # noqa: E402

DEFAULT_GRID = ("0.3,0.01", "1.0,0.01", "0.3,0.1")


def gold_pieces(path: Path) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every piece of every Source / Cue / Content span."""
    pieces = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("T") or len(fields) < 2:
            continue
        kind, _, offsets = fields[1].partition(" ")
        if kind.upper() not in ("CUE", "SOURCE", "CONTENT"):
            continue
        for part in offsets.split(";"):
            start, end = map(int, part.split())
            pieces.append((kind.upper(), start, end))
    return pieces


def bio(spans: list[tuple[int, int]], pieces: list[tuple[str, int, int]]) -> list[str]:
    owner: list[tuple[str, int, int] | None] = [None] * len(spans)
    for piece in sorted(pieces, key=lambda p: p[2] - p[1], reverse=True):
        kind, start, end = piece
        for k, (s, e) in enumerate(spans):
            if s >= start and e <= end:
                owner[k] = piece
    labels = []
    for k, piece in enumerate(owner):
        if piece is None:
            labels.append("O")
        elif k > 0 and owner[k - 1] == piece:
            labels.append("I-" + piece[0])
        else:
            labels.append("B-" + piece[0])
    return labels


def sequences(data: Path, split: str):
    """(text, paragraph tokens, features, labels) per paragraph of each chosen article."""
    from claims.sentences import paragraphs
    from claims.suggestions.tagger import features, rule_attributions, rule_marks, tokens_of

    for text_path, ann_path in articles(data, split):
        text = text_path.read_text(encoding="utf-8")
        pieces = gold_pieces(ann_path)
        rules = rule_attributions(text)
        for paragraph in paragraphs(text):
            spans = tokens_of(text, *paragraph)
            if spans:
                marks = rule_marks(spans, rules)
                yield features(text, spans, marks), bio(spans, pieces)


def train(data: Path, c1: float, c2: float, iterations: int, out: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in sequences(data, "train"):
        trainer.append(xseq, yseq)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 2,
        }
    )
    trainer.train(str(out))


def evaluate(data: Path, model: Path, split: str) -> dict[str, float]:
    """Overlap F1 per kind of the raw tagger spans on a split (tuning only)."""
    from collections import defaultdict

    from benchmarks.attribution import read_gold
    from claims.suggestions import tagger

    tagger.MODEL_PATH = Path(f"{model}.xz")
    _compress(model, tagger.MODEL_PATH)
    tagger._tagger.cache_clear()
    totals = {kind: defaultdict(int) for kind in ("cue", "source", "content")}
    for text_path, ann_path in articles(data, split):
        text = text_path.read_text(encoding="utf-8")
        gold = read_gold(ann_path)
        predicted = {kind: [] for kind in totals}
        for kind, start, end in tagger.tag_spans(text):
            predicted[kind.lower()].append((start, end))
        for kind in totals:
            for key, value in score(text, gold[kind], sorted(set(predicted[kind]))).items():
                totals[kind][key] += value
    return {
        kind: round(prf(t["overlap"], t["predicted"], t["gold"])[2], 3)
        for kind, t in totals.items()
    }


def _compress(model: Path, out: Path) -> None:
    import lzma

    out.write_bytes(lzma.compress(model.read_bytes(), preset=9))


def main() -> None:
    from claims.suggestions.tagger import MODEL_PATH

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--grid", nargs="+", default=list(DEFAULT_GRID), help="c1,c2 pairs")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    best: tuple[float, Path, str] | None = None
    workdir = Path(tempfile.mkdtemp(prefix="attribution-crf-"))
    for pair in args.grid:
        c1, c2 = map(float, pair.split(","))
        model = workdir / f"c1={c1}_c2={c2}.crfsuite"
        train(args.data, c1, c2, args.iterations, model)
        f1 = evaluate(args.data, model, "dev")
        mean = (f1["source"] + f1["content"]) / 2
        print(f"c1={c1} c2={c2}: dev overlap F1 {f1} mean(source, content) {mean:.3f}", flush=True)
        if best is None or mean > best[0]:
            best = (mean, model, pair)
    assert best is not None
    shutil.copyfile(f"{best[1]}.xz", args.out)
    print(f"chose c1,c2 = {best[2]} (dev mean {best[0]:.3f}); wrote {args.out}")
    shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
