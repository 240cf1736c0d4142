"""The synthetic evaluation set (tests/eval/attribution_passages.jsonl) meets the quality bar:
credits and citations >= 0.95 precision and >= 0.90 recall, quote speakers >= 0.90 accuracy."""

from __future__ import annotations

from pathlib import Path

import pytest
from scripts import load_script

SCORER = Path(__file__).parent / "eval" / "score_attribution.py"


@pytest.fixture(scope="module")
def scores() -> dict:
    return load_script(SCORER).score()


def test_eval_set_is_large_and_varied():
    import json

    rows = [json.loads(line) for line in (SCORER.parent / "attribution_passages.jsonl").open()]
    assert len(rows) >= 150
    assert len({r["style"] for r in rows}) >= 10
    assert all(r["synthetic"] for r in rows)


@pytest.mark.parametrize("table", ["credits", "citations"])
def test_precision_and_recall(scores, table):
    assert scores[f"{table}_precision"] >= 0.95, scores
    assert scores[f"{table}_recall"] >= 0.90, scores


def test_quote_speakers(scores):
    assert scores["quote_speaker_accuracy"] >= 0.90, scores
