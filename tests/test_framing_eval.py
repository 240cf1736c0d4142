"""Framing evaluation: hand-written sentence pairs, and BABE when the data is present."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pairs_file_has_enough_of_each_edit():
    pairs = pd.read_csv(ROOT / "tests/eval/framing_pairs.csv", dtype=str, keep_default_na=False)
    assert len(pairs) >= 120 and pairs["pair_id"].is_unique
    counts = pairs["edit_type"].value_counts()
    for kind in (
        "verb_swap",
        "hedge_removed",
        "loaded_word_added",
        "quote_dropped",
        "frame_changed",
    ):
        assert counts[kind] >= 20
    assert (pairs["neutral"] != pairs["edited"]).all()


def test_right_delta_moves_the_right_way():
    result = _load(ROOT / "tests/eval/score_framing.py").evaluate()
    assert len(result) == 5
    assert (result["rate"] >= 0.95).all(), result.to_string()


BABE = Path("/work/shared/eval-data/BABE/final_labels_SG2.csv")


@pytest.mark.skipif(not BABE.exists(), reason="BABE evaluation data not available")
def test_babe_loaded_language_separates_biased_sentences():
    res = _load(ROOT / "benchmarks/babe_auroc.py").babe_auroc(BABE)
    # Measured 0.652 with the score fixed before the first run, 0.666 after one blind expansion
    # of the loaded list (target was 0.70); this floor catches regressions, it does not claim
    # the target.
    assert res["f_loaded_language"] >= 0.63
