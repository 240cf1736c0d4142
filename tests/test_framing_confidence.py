"""The loaded-language span confidence (techniques.span_confidence, session 16) on texts
written here: each piece of evidence moves the score the way its weight says."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from provenance.framing import features
from provenance.framing import techniques as T
from provenance.framing.features import score_detail
from provenance.framing.lexicons import word_zipf
from provenance.framing.scan import Scanner
from provenance.framing.techniques import HitArrays


def _confidence(texts: list[str], spans: list[tuple[int, str]], lists: dict, quotes=()):
    """span_confidence of the first occurrence of each (doc, words) of ``spans``."""
    rows = [(d, texts[d].index(w), texts[d].index(w) + len(w)) for d, w in spans]
    frame = pd.DataFrame(rows, columns=["doc", "start", "end"])
    hits = HitArrays.of(Scanner(lists).scan(texts)[0])
    q = tuple(np.array([r[i] for r in quotes], dtype=np.int64) for i in range(3))
    return T.span_confidence(frame, texts, hits, q)


def test_word_zipf_lists_common_words_only():
    table = word_zipf()
    assert table["the"] > table["destroy"] >= 4.0
    assert "odious" not in table


def test_a_common_word_is_less_confident_than_a_rare_one():
    texts = ["destroy them", "vilify them"]  # both at the start: the same position
    conf = _confidence(texts, [(0, "destroy"), (1, "vilify")], {"loaded": ["destroy", "vilify"]})
    gap = -T.CONFIDENCE_WEIGHTS["zipf"] * (T.word_zipf()["destroy"] - T.RARE_ZIPF)
    assert conf[1] - conf[0] == pytest.approx(gap)


def test_repeats_sources_labels_and_quotes_move_the_confidence():
    w = T.CONFIDENCE_WEIGHTS
    text = "thugs thugs"
    once = _confidence(["thugs"], [(0, "thugs")], {"loaded": ["thugs"]})[0]
    twice = _confidence([text], [(0, "thugs")], {"loaded": ["thugs"]})[0]
    # the second text holds one span but two uses, and the span sits at the start of both
    assert twice - once == pytest.approx(w["repeats"] * np.log2(2))
    label = _confidence(["thugs"], [(0, "thugs")], {"loaded": ["thugs"], "name_calling": ["thugs"]})
    assert label[0] - once == pytest.approx(w["sources"] + w["label"])
    quoted = _confidence(['"thugs"'], [(0, "thugs")], {"loaded": ["thugs"]}, [(0, 1, 6)])
    assert quoted[0] - once == pytest.approx(w["quoted"] + w["position"] * 1 / 7)  # 1 of 7


def test_a_text_with_more_spans_gives_each_more_confidence():
    w = T.CONFIDENCE_WEIGHTS
    lists = {"loaded": ["vile", "odious"]}
    alone = _confidence(["vile"], [(0, "vile")], lists)[0]
    two = _confidence(["vile odious"], [(0, "vile"), (0, "odious")], lists)
    assert two[0] - alone == pytest.approx(w["spans"] * np.log(2))


def test_low_confidence_spans_leave_the_evidence_not_the_score(monkeypatch):
    text = pd.Series(["The corrupt deal was bad. " + "Officials met on Monday. " * 20])
    monkeypatch.setattr(features, "CONFIDENCE_THRESHOLD", -1e9)
    every_f, every_e = score_detail(text)
    monkeypatch.setattr(features, "CONFIDENCE_THRESHOLD", 1e9)
    none_f, none_e = score_detail(text)
    loaded = "f_loaded_language"
    assert (every_e["feature"] == loaded).sum() > 0
    assert (none_e["feature"] == loaded).sum() == 0
    assert every_f[loaded].tolist() == none_f[loaded].tolist()
