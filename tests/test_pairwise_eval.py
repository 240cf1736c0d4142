"""benchmarks/pairwise_eval.py: the pairwise agreement and BABE pseudo-articles on frames written
here; the BABE and PTC figures when ../shared holds them (skipped otherwise)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from corpora import SHARED as SHARED_ROOT
from scripts import load_script

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pw():
    """benchmarks/pairwise_eval.py as a module (its folder on sys.path, as running it would)."""
    return load_script(ROOT / "benchmarks/pairwise_eval.py")


def test_agreement_counts_orders_ties_and_groups(pw):
    expert = np.array([0.0, 1.0, 2.0, 0.0, 1.0])
    same = pw.agreement([np.arange(3), np.arange(3, 5)], expert, expert * 10, n_boot=0)
    assert (same.value, same.pairs) == (1.0, 4)  # pairs across the two groups are not formed
    flipped = pw.agreement([np.arange(5)], expert, -expert, n_boot=0)
    assert flipped.value == 0.0 and flipped.pairs == 8  # the two expert ties are no pair
    tied = pw.agreement([np.arange(5)], expert, np.zeros(5), n_boot=0)
    assert tied.value == 0.5


def test_event_joins_topic_spellings(pw):
    topics = pd.Series(["gun-control", "Gun control", "vaccines", "vaccine", "blm", "taxes"])
    assert topics.map(pw.event_of).nunique() == 4


def test_agreement_interval_brackets_the_value(pw):
    rng = np.random.default_rng(0)
    expert = rng.random(60)
    score = expert + rng.normal(0, 0.3, 60)
    result = pw.agreement([np.arange(30), np.arange(30, 60)], expert, score, n_boot=200)
    assert 0.5 < result.low < result.value < result.high < 1.0


def test_length_ratio_bands_put_each_pair_once(pw):
    expert = np.array([0.0, 1.0, 2.0, 3.0])
    words = np.array([100, 100, 300, 30])
    table = pw.by_length_ratio([np.arange(4)], expert, expert, words)
    assert table["pairs"].sum() == 6 and (table["agreement"].dropna() == 1.0).all()
    assert table.loc["much shorter", "pairs"] == 3  # the 30-word article is the most biased


def test_pseudo_articles_group_sentences_by_link(pw):
    sentences = pd.DataFrame(
        {
            "text": ["A vile plan.", "It passed today.", "Rates rose.", "One more."],
            "news_link": ["u1", "u1", "u2", "u3"],
            "topic": ["t", "t", "t", "s"],
            "label_bias": ["Biased", "Non-biased", "Non-biased", "Biased"],
            "biased_words": ["['vile']", "[]", "[]", "not a list"],
        }
    )
    arts = pw.pseudo_articles(sentences, min_sentences=1).set_index("news_link")
    assert arts.loc["u1", "text"] == "A vile plan. It passed today."
    assert arts.loc["u1", ["n_sentences", "share", "marked"]].tolist() == [2, 0.5, 1]
    assert arts.loc["u1", "words"] == pytest.approx(100 / 6)
    assert arts.loc["u3", "marked"] == 0  # an unreadable cell counts no word
    assert list(pw.pseudo_articles(sentences, min_sentences=2)["news_link"]) == ["u1"]


SHARED = SHARED_ROOT / "eval-data"


@pytest.mark.skipif(
    not (SHARED / "BABE" / "final_labels_SG2.csv").exists(), reason="../shared BABE not available"
)
def test_babe_development_pairs(pw):
    table = pw.babe_table(SHARED / "BABE", pw.DEV, 2, (pw.SCORE,))
    result = table.loc[pw.SCORE, "share"]
    # Measured (session 15): 0.656 [0.610, 0.705] over 3,673 within-topic pairs of 365
    # development pseudo-articles of two or more sentences.
    assert result.pairs == 3673
    assert result.value >= 0.63, result
    # The other expert group's labels of the same sentences: 0.835 [0.793, 0.866].
    reference = pw.second_annotators(SHARED / "BABE", 2)
    assert reference.pairs == 3673 and reference.value > result.value + 0.1


@pytest.mark.skipif(
    not (SHARED / "PTC" / "articles.jsonl").exists(), reason="../shared PTC not available"
)
def test_ptc_tuning_pairs(pw):
    table = pw.ptc_table(SHARED / "PTC", (pw.SCORE,), folds=False)
    result = table.loc[pw.SCORE, "chars all"]
    # Measured (session 15): 0.751 [0.700, 0.795] over all 10,875 pairs of the tuning part.
    assert result.pairs == 10875
    assert result.value >= 0.72, result
