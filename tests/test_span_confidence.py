"""benchmarks/span_confidence.py's confidence, fold scores and nested threshold (session 16), on
spans written here (its PTC figures are in docs/framing-eval.md)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scripts import load_script

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sc():
    """benchmarks/span_confidence.py as a module (ptc_eval.py beside it)."""
    return load_script(ROOT / "benchmarks/span_confidence.py")


def test_rarest_zipf_takes_the_rarest_long_word_clipped(sc):
    table = {"very": 6.0, "odious": 2.8, "plan": 5.0, "the": 7.5, "bad": 5.9}
    assert sc.rarest_zipf("the very odious plan", table.get) == 2.8
    assert sc.rarest_zipf("so bad", table.get) == 5.5  # "so" is too short; 5.9 clipped
    assert sc.rarest_zipf("unheard-of", table.get) == 2.5  # outside the list: the rare end


def test_confidence_applies_the_weights_with_repeats_in_log2(sc):
    table = pd.DataFrame(
        {"zipf": [3.0, 5.0], "repeats": [1, 4], "sources": [2, 0], "quoted": [True, False]}
    )
    weights = {"zipf": -1.0, "repeats": -0.5, "sources": 0.25, "quoted": 0.5}
    assert sc.confidence(table, weights).tolist() == pytest.approx([-2.0, -6.0])


def test_the_fields_span_count_weighs_in_natural_log(sc):
    table = pd.DataFrame({"spans": [1, 20], "repeats": [1, 1]})
    conf = sc.confidence(table, {"spans": 0.25, "repeats": -0.5})
    assert conf.tolist() == pytest.approx([0.0, 0.25 * np.log(20)])


def _folds(right_conf: float, wrong_conf: float) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """Three folds, one article each: two right spans over the two expert spans, one wrong
    span elsewhere; the right ones scored ``right_conf``, the wrong one ``wrong_conf``."""
    spans, gold, conf = [], [], []
    for f in range(3):
        art = f"a{f}"
        for start, ok, c in (
            (0, True, right_conf),
            (10, True, right_conf),
            (30, False, wrong_conf),
        ):
            spans.append((art, "text", start, start + 5, ok, f))
            conf.append(c + 0.01 * f)
        gold += [(art, "text", 0, 5, f), (art, "text", 10, 15, f)]
    cols = ["article_id", "field", "start", "end"]
    return (
        pd.DataFrame(spans, columns=[*cols, "ok", "fold"]),
        pd.DataFrame(gold, columns=[*cols, "fold"]),
        np.array(conf),
    )


def test_fold_scores_count_kept_spans_per_fold(sc):
    spans, gold, _ = _folds(1.0, -1.0)
    every = sc.fold_scores(spans, gold, np.ones(len(spans), dtype=bool))
    assert every["P"].tolist() == pytest.approx([2 / 3] * 3)
    assert every["R"].tolist() == pytest.approx([1.0] * 3)
    right_only = sc.fold_scores(spans, gold, spans["ok"].to_numpy())
    assert right_only["F1"].tolist() == pytest.approx([1.0] * 3)


def test_nested_threshold_drops_low_wrong_spans_and_keeps_all_when_low_ones_are_right(sc):
    spans, gold, conf = _folds(1.0, -1.0)
    assert sc.nested_thresholds(spans, gold, conf).tolist() == spans["ok"].tolist()
    spans, gold, conf = _folds(-1.0, 1.0)  # the confidence inverted: no threshold pays
    assert sc.nested_thresholds(spans, gold, conf).all()
