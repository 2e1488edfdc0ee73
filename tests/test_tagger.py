"""The packaged attribution taggers (MiniLM through onnxruntime, and the CRF it falls back
to): they load, they tag, and their relations join the rules'."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.suggestions import neural, tagger
from claims.suggestions.relations import ArticleAttributions, assemble

BACKENDS = ("minilm", "crf")


def _kinds(text, using=None):
    return {(kind, text[start:end]) for kind, start, end in tagger.tag_spans(text, using)}


def test_the_crf_model_ships_with_the_package_and_loads():
    assert tagger.MODEL_PATH.exists()
    assert tagger.MODEL_PATH.stat().st_size < 5_000_000
    labels = tagger._tagger()[0].labels()
    assert {"B-CUE", "B-SOURCE", "B-CONTENT", "O"} <= set(labels)


def test_the_minilm_models_ship_with_the_package_and_are_the_default():
    for path in (neural.MODEL_PATH, neural.SECOND_MODEL_PATH):
        assert path.stat().st_size < 30_000_000
    assert neural.TOKENIZER_PATH.exists()
    assert neural.available()
    assert tagger.backend() == "minilm"
    sessions, _ = neural._session()
    assert len(sessions) == 2
    for session in sessions:
        (logits,) = session.get_outputs()
        assert logits.name == "logits" and logits.shape[-1] == len(neural.LABELS)


def test_the_two_models_scores_are_averaged():
    import numpy as np

    sessions, tokenizer = neural._session()
    ids = tokenizer.encode("The minister said taxes would rise.").ids
    both = neural._onnx_logits(sessions)([ids])[0]
    each = [neural._onnx_logits([session])([ids])[0] for session in sessions]
    assert np.allclose(both, (each[0] + each[1]) / 2, atol=1e-5)
    assert not np.allclose(each[0], each[1], atol=1e-3)  # two models, not one twice
    assert np.allclose(np.exp(each[0]).sum(axis=-1), 1.0, atol=1e-4)  # log-probabilities


def test_without_the_second_model_the_first_tags_alone(monkeypatch, tmp_path):
    monkeypatch.setattr(neural, "SECOND_MODEL_PATH", tmp_path / "absent.onnx")
    neural._session.cache_clear()
    try:
        assert len(neural._session()[0]) == 1
        text = "The minister said on Tuesday that taxes would rise."
        assert ("CUE", "said") in _kinds(text)
    finally:
        neural._session.cache_clear()


def test_without_the_minilm_model_the_crf_takes_over(monkeypatch, tmp_path):
    monkeypatch.setattr(neural, "MODEL_PATH", tmp_path / "absent.onnx")
    assert tagger.backend() == "crf"
    text = "The minister said on Tuesday that taxes would rise."
    assert tagger.tag_spans(text) == tagger.tag_spans(text, "crf")
    monkeypatch.setattr(tagger, "MODEL_PATH", tmp_path / "absent.crfsuite.xz")
    assert tagger.backend() is None
    assert ArticleAttributions(text).use_model is False


def test_a_long_paragraph_is_tagged_in_overlapping_windows_to_its_last_word():
    assert neural.windows(10, 126, 32) == [(0, 10)]
    assert neural.windows(300, 126, 32) == [(0, 126), (94, 220), (188, 300)]
    sentence = "The minister said on Tuesday that taxes would rise. "
    text = sentence * 30
    spans = tagger.tag_spans(text, "minilm")
    assert max(end for _, _, end in spans) >= len(text) - len(sentence)


@pytest.mark.parametrize("using", BACKENDS)
def test_a_reporting_verb_gives_cue_source_and_content(using):
    text = "The minister said on Tuesday that taxes would rise."
    kinds = _kinds(text, using)
    assert ("CUE", "said") in kinds
    assert ("SOURCE", "The minister") in kinds
    assert any(kind == "CONTENT" and "taxes would rise" in span for kind, span in kinds)


@pytest.mark.parametrize("using", BACKENDS)
def test_a_belief_the_rules_do_not_read(using):
    text = "Many voters believe the economy is getting worse."
    rules = ArticleAttributions(text, use_model=False).in_sentence(0, len(text))
    both = ArticleAttributions(text, backend=using).in_sentence(0, len(text))
    assert rules == []
    assert [(text[slice(*a.cue)], a.source_text(text)) for a in both] == [
        ("believe", "Many voters")
    ]
    assert "economy is getting worse" in text[slice(*both[0].content)]


@pytest.mark.parametrize("using", BACKENDS)
def test_a_quotation_after_a_colon_in_the_next_paragraph(using):
    text = (
        "The senator told the crowd on Friday evening:\n\n"
        "\u201cWe will fight for every job in this state, and we will win.\u201d"
    )
    found = ArticleAttributions(text, backend=using).in_sentence(0, text.index("\n"))
    contents = [text[slice(*a.content)] for a in found]
    assert any("every job in this state" in content for content in contents), contents


def test_assemble_takes_the_nearest_source_and_content_of_the_paragraph():
    text = "Ann said it rained. Bob thinks so."
    spans = [
        ("SOURCE", 0, 3),
        ("CUE", 4, 8),
        ("CONTENT", 9, 18),
        ("SOURCE", 20, 23),
        ("CUE", 24, 30),
        ("CONTENT", 31, 33),
    ]
    found = assemble(text, spans, [(0, len(text))])
    assert [(a.source_text(text), a.cue_text(text), text[slice(*a.content)]) for a in found] == [
        ("Ann", "said", "it rained"),
        ("Bob", "thinks", "so"),
    ]
    assert [a.order for a in found] == ["pre", "pre"]


def test_a_cue_without_any_content_makes_no_relation():
    text = "Ann said."
    assert assemble(text, [("SOURCE", 0, 3), ("CUE", 4, 8)], [(0, len(text))]) == []


def test_the_model_is_not_loaded_by_importing_the_suggestions():
    code = (
        "import sys\n"
        "import claims.suggestions.propose, claims.suggestions.relations\n"
        "print([m for m in ('pycrfsuite', 'onnxruntime', 'tokenizers') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300))
def test_no_text_crashes_the_tagger(text):
    for using in BACKENDS:
        for kind, start, end in tagger.tag_spans(text, using):
            assert kind in tagger.KINDS
            assert 0 <= start < end <= len(text)


def test_a_relation_only_the_tagger_finds_is_proposed_beside_the_plain_reading(db_url):
    from claims.db import open_session
    from claims.services.articles import add_article
    from claims.services.sources import add_source
    from claims.suggestions.propose import propose

    text = "Many voters believe the economy is getting worse.\n"
    with open_session(db_url) as session:
        add_source(session, name="Morning Post", kind="outlet", actor="t")
        article = add_article(session, text=text, outlet="Morning Post", actor="t")
        session.flush()
        found = {
            (p.claim_text, tuple(h["surface"] for h in p.hops), p.rule, p.confidence)
            for p in propose(session, article)
        }
    assert ("The economy is getting worse.", ("Many voters",), "tagger pre", 0.35) in found
    assert any(hops == () and "believe" in claim for claim, hops, _, _ in found), found
