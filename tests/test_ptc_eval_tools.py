"""benchmarks/ptc_eval.py's noise and boundary tools (session 14), on spans written here.

The PTC figures themselves are checked in tests/test_framing_techniques.py (with ../shared).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pe():
    """benchmarks/ptc_eval.py as a module (its folder on sys.path, as running it would)."""
    path = ROOT / "benchmarks/ptc_eval.py"
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _spans(*rows: tuple[int, int], article: str = "a") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": article,
            "field": "text",
            "start": [r[0] for r in rows],
            "end": [r[1] for r in rows],
        }
    )


def test_boundary_relation_tells_exact_inside_covering_crossing_and_wrong(pe):
    gold = _spans((10, 30), (50, 55))
    pred = _spans((11, 29), (12, 20), (48, 60), (25, 40), (70, 80), (10, 30))
    assert pe.boundary_relation(pred, gold).tolist() == [
        "exact",  # within one character at both ends
        "inside",
        "covers",
        "crosses",
        "none",
        "exact",
    ]
    other_field = pred.assign(field="title")
    assert set(pe.boundary_relation(other_field, gold)) == {"none"}


def test_char_scores_count_the_characters_both_mark(pe):
    gold = _spans((0, 10))
    pred = _spans((5, 15), (8, 12))  # overlapping predictions count their characters once
    scores = pe.char_scores(pred, gold)
    assert scores["P"] == pytest.approx(5 / 10)
    assert scores["R"] == pytest.approx(5 / 10)
    assert pe.char_scores(_spans((20, 30)), gold)["F1"] == 0.0


def _counts(correct: list[int]) -> pd.DataFrame:
    n = len(correct)
    return pd.DataFrame(
        {
            "predicted": 4,
            "correct": correct,
            "gold": 5,
            "found": correct,
            "score": np.arange(n, dtype=float),
            "density": np.arange(n, dtype=float) ** 2,
        },
        index=pd.Index([f"a{k}" for k in range(n)], name="article_id"),
    )


def test_pooled_sums_over_articles_and_ranks_them(pe):
    p, r, f1, rho = pe.pooled(_counts([1, 2, 3, 2]))
    assert (p, r) == (8 / 16, 8 / 20)
    assert f1 == pytest.approx(2 * p * r / (p + r))
    assert rho == pytest.approx(1.0)
    assert pe.pooled(_counts([1, 2, 3, 2]), np.array([0, 0, 1]))[0] == 4 / 12  # repeats count


def test_bootstrap_spreads_levels_and_pairs_changes(pe):
    counts = _counts([0, 1, 2, 3, 4, 1, 2, 3] * 5)
    draws = pe.bootstrap(counts, len(counts), n=200)
    assert draws.shape == (200, 4)
    assert draws[:, 0].std() > 0  # precision moves with the articles drawn
    # smaller parts move more
    assert pe.bootstrap(counts, 10, n=200)[:, 0].std() > draws[:, 0].std()
    # the same code against itself: no change in any resample
    assert np.allclose(pe.bootstrap(counts, 10, n=50, base=counts), 0.0)
    better = counts.assign(correct=counts["correct"] + (counts["correct"] < 4))
    assert (pe.bootstrap(better, 10, n=50, base=counts)[:, 0] > 0).all()
    text = pe.bootstrap_lines(better, counts, n=50)
    assert "change from the base" in text and text.count("\n") == 9
    with pytest.raises(ValueError):
        pe.bootstrap_lines(better, counts.iloc[1:], n=10)


def test_density_lines_split_precision_by_the_articles_expert_density(pe):
    counts = _counts([0, 1, 2, 3, 4, 4]).assign(gold=[0, 5, 5, 5, 5, 5])
    lines = pe.density_lines(counts).splitlines()
    assert [line.split(":")[0].strip() for line in lines[1:4]] == ["low", "middle", "high"]
    assert lines[1].startswith("  low: 0.125 / ")  # the two sparsest articles: 1 of 8 right
    assert "without an expert span 1 of 6" in lines[4]
