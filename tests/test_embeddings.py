"""The optional embeddings extra loads its shipped weights offline, when it is installed."""

from __future__ import annotations

import os

import pytest


def test_available_is_false_or_the_model_encodes_offline(monkeypatch):
    from claims import embeddings

    if not embeddings.available():
        pytest.skip("claims[embeddings] is not installed")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    vectors = embeddings.encode(
        [
            "The minister said the bridge will open in May.",
            "According to the minister, the bridge opens in May.",
            "Heavy rain is expected on Sunday.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
