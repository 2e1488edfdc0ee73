"""Fine-tuned MiniLM-L6 attribution taggers, run with onnxruntime: no torch at run time.

The CRF (``tagger.py``) sees words and hand-made features; a small transformer sees each word
in its paragraph and learns PolNeAR's span boundaries better. It tags the same regex words
with the same BIO labels, so ``tagger.decode`` and everything after it stay as they are.

A word is read on its first word piece. The tail of the previous paragraph is given as
context (a block quotation follows "... said:"); a paragraph longer than the window is cut
into overlapping windows and each word takes the window where it sits farthest from an edge.
Two fine-tunings of the same base are shipped; each word's label scores are the mean of
their log-probabilities. ``benchmarks/train_attribution_transformer.py`` trains them and
writes the files; the int8 ONNX graphs and the WordPiece tokenizer are read once per
process, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("attribution.minilm.onnx")
# A second fine-tuning of the same base (all layers, longer): the two models' word scores
# are averaged, which finds more than either (``docs/attribution.md``). Optional.
SECOND_MODEL_PATH = Path(__file__).with_name("attribution.minilm-2.onnx")
TOKENIZER_PATH = Path(__file__).with_name("attribution.tokenizer.json")
LABELS = ("O", "B-CUE", "I-CUE", "B-SOURCE", "I-SOURCE", "B-CONTENT", "I-CONTENT")
MAX_LEN = 128  # word pieces per window, [CLS] and [SEP] included
CONTEXT = 24  # word pieces of the previous paragraph given as context
BATCH = 16


def load_tokenizer(path: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def windows(length: int, size: int, overlap: int) -> list[tuple[int, int]]:
    """Cuts of ``length`` pieces into windows of at most ``size``, overlapping by ``overlap``."""
    if length <= size:
        return [(0, length)]
    step = size - overlap
    out = []
    start = 0
    while True:
        out.append((start, min(start + size, length)))
        if start + size >= length:
            return out
        start += step


def _pieces(tokenizer, text: str, spans: list[tuple[int, int]]):
    encoded = tokenizer.encode(
        [text[s:e] for s, e in spans], is_pretokenized=True, add_special_tokens=False
    )
    return list(encoded.ids), list(encoded.word_ids)


def article_units(tokenizer, text: str, max_len: int = MAX_LEN):
    """Per paragraph with words: (word spans, piece ids, each piece's word or None, windows)."""
    from claims.sentences import paragraphs
    from claims.suggestions.tagger import tokens_of

    units = []
    previous: list[tuple[int, int]] = []
    for paragraph in paragraphs(text):
        spans = tokens_of(text, *paragraph)
        if not spans:
            continue
        ids, owners = _pieces(tokenizer, text, spans)
        if previous:
            context = _pieces(tokenizer, text, previous)[0][-CONTEXT:]
            ids = context + ids
            owners = [None] * len(context) + owners
        previous = spans
        units.append((spans, ids, owners, windows(len(ids), max_len - 2, max_len // 4)))
    return units


def word_labels(logits_for, tokenizer, units) -> list[tuple[list, list[str]]]:
    """(word spans, label per word) per unit, from ``logits_for(list of piece-id lists)``.

    A word is read on its first piece, in the window where it sits farthest from an edge; the
    labels of a paragraph are then the best path that is valid BIO (an I- only after the same
    kind), which a word-by-word argmax is not: it splits one content into several.
    """
    import numpy as np

    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    requests = []
    for u, (_, ids, _, cuts) in enumerate(units):
        for a, b in cuts:
            requests.append((u, a, b, [cls, *ids[a:b], sep]))
    results = logits_for([r[3] for r in requests]) if requests else []
    best: dict[tuple[int, int], tuple[int, object]] = {}
    for (u, a, b, _), logits in zip(requests, results, strict=True):
        owners = units[u][2]
        for k in range(a, b):
            owner = owners[k]
            if owner is None or (k > 0 and owners[k - 1] == owner):
                continue
            margin = min(k - a, b - 1 - k)
            key = (u, owner)
            if key not in best or margin > best[key][0]:
                best[key] = (margin, logits[k - a + 1])
    # a word the tokenizer drops entirely (a stray control character) is outside any span
    outside = np.zeros(len(LABELS), dtype=np.float32)
    outside[0] = 10.0
    out = []
    for u, (spans, _, _, _) in enumerate(units):
        scores = np.stack(
            [best[(u, w)][1] if (u, w) in best else outside for w in range(len(spans))]
        )
        out.append((spans, viterbi(scores)))
    return out


def _transitions():
    import numpy as np

    forbidden = np.zeros((len(LABELS), len(LABELS)))
    for i, before in enumerate(LABELS):
        for j, label in enumerate(LABELS):
            if label.startswith("I-") and before[2:] != label[2:]:
                forbidden[i, j] = -1e9
    opening = np.array([-1e9 if label.startswith("I-") else 0.0 for label in LABELS])
    return forbidden, opening


def viterbi(logits) -> list[str]:
    """The most likely valid BIO labels of a sequence, from per-word logits."""
    import numpy as np

    scores = np.asarray(logits, dtype=np.float64)
    top = scores.max(axis=1, keepdims=True)
    logp = scores - top - np.log(np.exp(scores - top).sum(axis=1, keepdims=True))
    forbidden, opening = _transitions()
    total = logp[0] + opening
    back = []
    for row in logp[1:]:
        candidates = total[:, None] + forbidden
        back.append(candidates.argmax(axis=0))
        total = candidates.max(axis=0) + row
    path = [int(total.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return [LABELS[k] for k in reversed(path)]


MIN_CONTENT = 10  # characters: a shorter content is a fragment, not what someone said


def tidy(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Join contents that touch (one space apart at most) and drop fragments of a content.

    Chosen on PolNeAR dev with the first model: a content cut in two by a B- label and
    a few-character content ("." or a lone quotation mark) are the commonest false spans.
    """
    joined: list[tuple[str, int, int]] = []
    for kind, start, end in sorted(found, key=lambda span: (span[1], span[2])):
        if joined and kind == joined[-1][0] == "CONTENT" and start - joined[-1][2] <= 1:
            joined[-1] = (kind, joined[-1][1], end)
        else:
            joined.append((kind, start, end))
    return [s for s in joined if s[0] != "CONTENT" or s[2] - s[1] >= MIN_CONTENT]


def padded_batches(sequences: list[list[int]], batch: int = BATCH):
    """(indices, ids, mask) int64 arrays of similar-length sequences, padded with 0."""
    import numpy as np

    order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
    for i in range(0, len(order), batch):
        group = order[i : i + batch]
        width = max(len(sequences[j]) for j in group)
        ids = np.zeros((len(group), width), dtype=np.int64)
        mask = np.zeros((len(group), width), dtype=np.int64)
        for row, j in enumerate(group):
            ids[row, : len(sequences[j])] = sequences[j]
            mask[row, : len(sequences[j])] = 1
        yield group, ids, mask


def available() -> bool:
    """Whether the ONNX model, its tokenizer and both runtimes are here."""
    from importlib.util import find_spec

    return (
        MODEL_PATH.exists()
        and TOKENIZER_PATH.exists()
        and find_spec("onnxruntime") is not None
        and find_spec("tokenizers") is not None
    )


@lru_cache(maxsize=1)
def _session():
    """The ONNX sessions (the second model's too, when it is here) and the tokenizer, opened
    once per process.

    A thread per core, up to four: an article's few windows gain nothing from
    more, and a server's many cores are better left to its other work.
    """
    import os

    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = min(4, os.cpu_count() or 1)
    options.inter_op_num_threads = 1
    # Weights stored as int8, computed in float32: left fused back into integer matrix
    # products, the scores would depend on the processor's integer instructions.
    options.add_session_config_entry("session.disable_quant_qdq", "1")
    sessions = [
        onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        for path in (MODEL_PATH, SECOND_MODEL_PATH)
        if path.exists()
    ]
    return sessions, load_tokenizer(TOKENIZER_PATH)


def _log_softmax(logits):
    import numpy as np

    top = logits.max(axis=-1, keepdims=True)
    shifted = logits - top
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def _onnx_logits(sessions, progress=None):
    """Word-piece scores of each sequence: the models' log-probabilities, averaged;
    ``progress(done, total)`` told after each batch of sequences."""

    def run(sequences):
        results: list = [None] * len(sequences)
        done = 0
        for group, ids, mask in padded_batches(sequences):
            inputs = {"input_ids": ids, "attention_mask": mask}
            scores = [_log_softmax(s.run(["logits"], inputs)[0]) for s in sessions]
            averaged = sum(scores) / len(scores)
            for row, j in enumerate(group):
                results[j] = averaged[row, : len(sequences[j])]
            done += len(group)
            if progress is not None:
                progress(done, len(sequences))
        return results

    return run


def tag_spans(text: str, progress=None) -> list[tuple[str, int, int]]:
    """Every cue, source and content span the model finds in the text."""
    from claims.suggestions.tagger import decode

    sessions, tokenizer = _session()
    found = []
    for spans, labels in word_labels(
        _onnx_logits(sessions, progress), tokenizer, article_units(tokenizer, text)
    ):
        found.extend(decode(spans, labels))
    return found
