"""Framing evaluation: hand-written sentence pairs, and BABE when the data is present."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from scripts import load_script

ROOT = Path(__file__).resolve().parent.parent


def _load(path: Path):
    return load_script(path)


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


BABE = ROOT.parent / "shared" / "eval-data" / "BABE"


@pytest.mark.skipif(
    not (BABE / "final_labels_SG2.csv").exists(), reason="../shared BABE data not available"
)
def test_babe_loaded_language_separates_biased_sentences():
    table = _load(ROOT / "benchmarks/babe_auroc.py").auroc_table(BABE)
    assert table["sentences"].tolist() == [1693, 1980, 3673, 1546]
    auroc = table["f_loaded_language"]
    # Measured (session 10, sentence cues: narration sentences, boosters, doubt verbs and
    # editorializing words at 0.05 of a phrase, chosen on dev): dev 0.697, held-out 0.750, all
    # SG2 0.726, SG1 0.731 (held-out first seen in this test's failure output, after the weights
    # were chosen; nothing was changed after it);
    # session 9 (Pattern subjective-word weight, no scare-quote or 'very' + valenced
    # spans): dev 0.665, held-out 0.702, all SG2 0.685, SG1 0.694;
    # session 7 (no spans on repeated lines, dehumanising labels): dev 0.642, held-out
    # 0.690, all SG2 0.668, SG1 0.667; session 6 (word forms and distinct phrases): 0.642, 0.688,
    # 0.667, 0.667; v3 (phrase level, session 5: scare quotes only with a valenced word):
    # dev 0.630, held-out 0.680, all SG2 0.658, SG1 0.653; before the scare-quote gate 0.636,
    # 0.694, 0.667, 0.655; v2 had 0.654, 0.702, 0.680, 0.681 (see the lexicon README). The floors catch
    # regressions; they are not the targets.
    # Checks are reduced to booleans first, so that a failure prints no held-out figure (the
    # held-out split is for scoring once, not for reading while rules change).
    floors_held = bool(auroc["held-out (SG2 only)"] >= 0.74 and (auroc >= 0.69).all())
    assert floors_held, f"below the floors; dev {auroc.iloc[0]:.3f} (other splits not shown)"
    # The combined score beats each of its parts.
    assert bool((auroc > table["f_loaded"]).all())
    # f_bias_cues, weights chosen on dev: dev 0.700, held-out 0.762, all SG2 0.734, SG1 0.738
    # (session 8: 0.695, 0.764, 0.733, 0.733; session 6: 0.695, 0.763, 0.732, 0.733; session 5: 0.691, 0.761, 0.729, 0.728)
    # (before doubt verbs and editorializing joined it: 0.680, 0.758, 0.723, 0.706).
    cues = table["f_bias_cues"]
    # It weighs reported speech in full (-1 per neutral verb), the loaded-language score only as
    # a tie-breaker (its article ranking would suffer). It was the higher of the two on every
    # split until session 19's rare valenced words raised the loaded-language score (dev 0.699
    # -> 0.710, f_bias_cues 0.701; session 20's rare words, at most two a text: dev 0.721): the
    # floors stay.
    cues_ok = bool(cues["held-out (SG2 only)"] >= 0.75 and (cues >= 0.69).all())
    assert cues_ok, "f_bias_cues below its floors"
