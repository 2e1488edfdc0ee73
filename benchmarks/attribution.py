"""Attribution extraction on PolNeAR: precision, recall and F1 for cue, source and content spans.

    python benchmarks/attribution.py [--split test] [--data ../shared/eval/polnear/data]
    python benchmarks/attribution.py --seeds        # curated seed appearances with the same chain
    python benchmarks/attribution.py --split dev --losses   # relations against the tagger
    python benchmarks/attribution.py --agreement   # how far PolNeAR's annotators agree

PolNeAR (brat standoff) gives Source, Cue and Content spans per attribution. Several files
exist for some articles (one per annotator, suffix ``_4b22`` …): we take, for each article,
the file whose name sorts first, a rule fixed in advance and blind to its content.

Spans are scored per kind, independently. *Exact*: same start and end after trimming
whitespace and the punctuation , . ; : around the span. *Overlap*: the shared characters are
at least 30% of the longer span (the Gender Gap Tracker's 0.3). Each gold span matches at
most one prediction (greedy, best overlap first). *Any*, a second and laxer column: at least
one shared character, matched the same way. Discontinuous gold spans count as the span
from their first to last character.

``--agreement`` scores PolNeAR's annotators against each other the same way, on the
articles several of them annotated (all four compartments, annotator training included),
and the relations against each annotator on those of dev and test: a ceiling to read the
scores against, since the gold is one person's reading.

``--method`` picks what is scored: ``hybrid`` (the default, what ``claims suggest`` works
from: the rules' relations plus the tagger's), ``rules`` (rules alone) or ``tagger`` (every
span the tagger finds, whether or not it joins a relation).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DEFAULT_DATA = (
    Path(os.environ.get("CLAIMS_EVAL_DIR", Path(__file__).resolve().parents[2] / "shared" / "eval"))
    / "polnear"
    / "data"
)
KINDS = ("cue", "source", "content")
OVERLAP = 0.3


def read_gold(path: Path) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("T") or len(fields) < 2:
            continue
        middle = fields[1]
        kind, _, offsets = middle.partition(" ")
        if kind.lower() not in KINDS:
            continue
        pieces = [tuple(map(int, part.split())) for part in offsets.split(";")]
        spans[kind.lower()].append((pieces[0][0], pieces[-1][1]))
    return {kind: sorted(set(spans[kind])) for kind in KINDS}


def articles(data: Path, split: str) -> list[tuple[Path, Path]]:
    """(text file, the one annotation file chosen for it), one per article."""
    return [(text, files[0]) for text, files in annotated(data, split)]


def annotated(data: Path, split: str) -> list[tuple[Path, list[Path]]]:
    """(text file, every annotator's file, sorted by name) per article that has its text."""
    groups: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((data / split / "attributions").glob("*.ann")):
        groups[ann.stem.rsplit("_", 1)[0]].append(ann)
    found = []
    for article, files in sorted(groups.items()):
        text = data / split / "text" / f"{article}.txt"
        if text.exists():
            found.append((text, files))
    return found


def predict(
    text: str, method: str = "hybrid", backend: str | None = None
) -> dict[str, list[tuple[int, int]]]:
    """Spans of the relations ``claims suggest`` works from (rules alone, or rules + tagger),
    or, with ``tagger``, every span the tagger finds, in a relation or not."""
    from claims.sentences import split_sentences
    from claims.suggestions.relations import ArticleAttributions

    out: dict[str, list[tuple[int, int]]] = {kind: [] for kind in KINDS}
    if method == "tagger":
        from claims.suggestions.tagger import tag_spans

        for kind, start, end in tag_spans(text, backend):
            out[kind.lower()].append((start, end))
        return {kind: sorted(set(spans)) for kind, spans in out.items()}
    relations = ArticleAttributions(text, use_model=method == "hybrid", backend=backend)
    for sentence in split_sentences(text):
        for attribution in relations.in_sentence(sentence.start, sentence.end):
            out["cue"].append(attribution.cue)
            out["content"].append(attribution.content)
            if attribution.source is not None:
                out["source"].append(attribution.source)
    return {kind: sorted(set(spans)) for kind, spans in out.items()}


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    strip = " \t\n,.;:"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0], 1)
    return max(shared, 0) / longest


def _assignment(pairs: list, threshold: float) -> dict[int, int]:
    """One-to-one matches (gold index to predicted index), best overlap first, of pairs
    whose overlap passes the threshold."""
    matched: dict[int, int] = {}
    used_p = set()
    for value, gi, pi in pairs:
        if value < threshold or value == 0:
            break
        if gi in matched or pi in used_p:
            continue
        matched[gi] = pi
        used_p.add(pi)
    return matched


def _matches(pairs: list, threshold: float) -> int:
    return len(_assignment(pairs, threshold))


def _pairs(gold: list, predicted: list) -> list:
    return sorted(
        ((_overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
        reverse=True,
    )


def score(text: str, gold: list, predicted: list) -> dict[str, int]:
    gold_t = {_trim(text, s) for s in gold}
    pred_t = {_trim(text, s) for s in predicted}
    exact = len(gold_t & pred_t)
    pairs = _pairs(gold, predicted)
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "exact": exact,
        "overlap": _matches(pairs, OVERLAP),
        "any": _matches(pairs, 0.0),
    }


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run_polnear(data: Path, split: str, method: str = "hybrid", backend: str | None = None) -> dict:
    totals = {kind: defaultdict(int) for kind in KINDS}
    pairs = articles(data, split)
    for text_path, ann_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        gold = read_gold(ann_path)
        predicted = predict(text, method, backend)
        for kind in KINDS:
            for key, value in score(text, gold[kind], predicted[kind]).items():
                totals[kind][key] += value
    if method != "rules":
        from claims.suggestions.tagger import backend as installed

        backend = backend or installed()
    result = {"split": split, "articles": len(pairs), "method": method, "backend": backend}
    print(
        f"PolNeAR {split}, {method} ({backend or 'rules'}): {len(pairs)} articles "
        "(first annotation file by name per article)"
    )
    print(f"{'span':8} {'match':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for kind in KINDS:
        t = totals[kind]
        for match in ("exact", "overlap", "any"):
            p, r, f = prf(t[match], t["predicted"], t["gold"])
            result[f"{kind}_{match}_f1"] = round(f, 3)
            result[f"{kind}_{match}_p"] = round(p, 3)
            result[f"{kind}_{match}_r"] = round(r, 3)
            print(
                f"{kind:8} {match:8} {p:6.3f} {r:6.3f} {f:6.3f} {t['gold']:6d} {t['predicted']:6d}"
            )
    print(
        "References (other corpora, for context): citron on PARC 3.0 source exact F1 0.820, "
        "quote overlap F1 0.832; Gender Gap Tracker quote F1 0.837 at 0.3 overlap."
    )
    return result


def run_losses(data: Path, split: str, backend: str | None = None) -> dict:
    """Where the relations (``hybrid``) lose against the tagger's raw spans, per kind.

    Counts gold spans (overlap match) found by both, by the tagger's spans only, by the
    relations only; splits the tagger-only ones into those a relation span overlaps with
    other boundaries and those no relation span touches (the tagged span joined no relation,
    or the merging dropped it); and counts the relations' unmatched spans by the relation
    they come from (a rule relation, or one only the tagger found).
    """
    from claims.sentences import split_sentences
    from claims.suggestions.relations import TAGGER, ArticleAttributions
    from claims.suggestions.tagger import tag_spans

    counts = {kind: defaultdict(int) for kind in KINDS}
    for text_path, ann_path in articles(data, split):
        text = text_path.read_text(encoding="utf-8")
        gold = read_gold(ann_path)
        tagged = {kind: set() for kind in KINDS}
        for kind, start, end in tag_spans(text, backend):
            tagged[kind.lower()].add((start, end))
        origin: dict[str, dict] = {kind: {} for kind in KINDS}
        relations = ArticleAttributions(text, use_model=True, backend=backend)
        for sentence in split_sentences(text):
            for a in relations.in_sentence(sentence.start, sentence.end):
                who = "tagger" if a.order.startswith(TAGGER) else "rule"
                for kind, span in (("cue", a.cue), ("source", a.source), ("content", a.content)):
                    if span is not None:
                        origin[kind].setdefault(span, who)
        for kind in KINDS:
            spans_t, spans_r = sorted(tagged[kind]), sorted(origin[kind])
            by_t = _assignment(_pairs(gold[kind], spans_t), OVERLAP)
            by_r = _assignment(_pairs(gold[kind], spans_r), OVERLAP)
            c = counts[kind]
            for gi in range(len(gold[kind])):
                if gi in by_t and gi in by_r:
                    c["both"] += 1
                elif gi in by_r:
                    c["relations only"] += 1
                elif gi in by_t:
                    t = spans_t[by_t[gi]]
                    touched = any(min(t[1], r[1]) > max(t[0], r[0]) for r in spans_r)
                    c[
                        "tagger only: a relation span, other boundaries"
                        if touched
                        else "tagger only: in no relation"
                    ] += 1
            matched = set(by_r.values())
            for pi, span in enumerate(spans_r):
                if pi not in matched:
                    c[f"false: from a {origin[kind][span]} relation"] += 1
            c["false: tagger's spans"] += len(spans_t) - len(by_t)
    print(f"PolNeAR {split}: gold spans by who finds them (overlap), relations against the tagger")
    for kind in KINDS:
        for key, value in sorted(counts[kind].items()):
            print(f"{kind:8} {key:48} {value:6d}")
    return {kind: dict(counts[kind]) for kind in KINDS}


COMPARTMENTS = ("annotator-training", "train", "dev", "test")
HELD_OUT = ("dev", "test")  # never trained on: the relations can be scored there


def annotated_by_several(data: Path, compartment: str) -> list[tuple[Path, list[Path]]]:
    """(text file, every annotator's file) for the articles two or more people annotated."""
    return [(text, files) for text, files in annotated(data, compartment) if len(files) > 1]


def run_agreement(data: Path, method: str = "hybrid", backend: str | None = None) -> dict:
    """Each annotator's spans scored against each other's, pooled over every ordered pair.

    Pooled over both orders of a pair, precision equals recall, so one F1 says it. The
    relations are scored against each annotator of the held-out articles in turn, beside
    those annotators' agreement on the same articles: the like-for-like comparison.
    """
    columns = {
        "humans": {kind: defaultdict(int) for kind in KINDS},
        "humans_held_out": {kind: defaultdict(int) for kind in KINDS},
        "claims_held_out": {kind: defaultdict(int) for kind in KINDS},
    }
    articles_seen = {"all": 0, "held_out": 0}
    for compartment in COMPARTMENTS:
        for text_path, files in annotated_by_several(data, compartment):
            text = text_path.read_text(encoding="utf-8")
            golds = [read_gold(path) for path in files]
            held_out = compartment in HELD_OUT
            articles_seen["all"] += 1
            articles_seen["held_out"] += held_out
            predicted = predict(text, method, backend) if held_out else None
            for i, gold in enumerate(golds):
                for kind in KINDS:
                    for j, other in enumerate(golds):
                        if i == j:
                            continue
                        for key, value in score(text, gold[kind], other[kind]).items():
                            columns["humans"][kind][key] += value
                            if held_out:
                                columns["humans_held_out"][kind][key] += value
                    if predicted is not None:
                        for key, value in score(text, gold[kind], predicted[kind]).items():
                            columns["claims_held_out"][kind][key] += value
    print(
        f"PolNeAR agreement (F1): annotators against each other on the {articles_seen['all']} "
        f"articles several annotated; on the {articles_seen['held_out']} of dev and test, "
        f"also the relations ({method}) against each annotator"
    )
    print(f"{'span':8} {'match':8} {'humans':>8} {'humans, dev+test':>17} {'claims, dev+test':>17}")
    result: dict = {
        "articles": articles_seen["all"],
        "held_out_articles": articles_seen["held_out"],
    }
    for kind in KINDS:
        for match in ("exact", "overlap", "any"):
            cells = []
            for name, totals in columns.items():
                t = totals[kind]
                f = prf(t[match], t["predicted"], t["gold"])[2]
                result[f"{name}_{kind}_{match}_f1"] = round(f, 3)
                cells.append(f)
            print(f"{kind:8} {match:8} {cells[0]:8.3f} {cells[1]:17.3f} {cells[2]:17.3f}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--method",
        default="hybrid",
        choices=("hybrid", "rules", "tagger"),
        help="rules + tagger (what claims suggest uses), rules alone, or the tagger's raw spans",
    )
    parser.add_argument(
        "--backend",
        choices=("minilm", "crf"),
        help="the tagger: the MiniLM model (default when installed) or the CRF",
    )
    parser.add_argument("--seeds", action="store_true", help="Score the seed articles instead.")
    parser.add_argument(
        "--losses", action="store_true", help="What the relations lose against the tagger."
    )
    parser.add_argument(
        "--agreement",
        action="store_true",
        help="The annotators against each other, where several annotated an article.",
    )
    args = parser.parse_args()
    if args.agreement:
        result = run_agreement(args.data, args.method, args.backend)
    elif args.losses:
        result = run_losses(args.data, args.split, args.backend)
    elif args.seeds:
        from benchmarks.seeds_suggest import run_seeds

        result = run_seeds()
    else:
        result = run_polnear(args.data, args.split, args.method, args.backend)
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
