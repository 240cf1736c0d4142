"""Session 16's labelled citation sample (tests/eval/citations_sample_1607.csv): its parts are
the ones the draw fixes, its PTC articles come from the PTC ``tuning`` part only, and none of its
articles is in a labelled real set (dev, heldout, heldout2..5): the sample is fresh text and its
unread part C stays an honest check. No third-party text is needed."""

from __future__ import annotations

import csv
from pathlib import Path

from scripts import load_script

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "eval" / "citations_sample_1607.csv"


def _rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_parts_are_the_draws() -> None:
    draw = load_script(REPO / "tests" / "eval" / "draw_citations_1607.py")
    rows = _rows()
    assert len(rows) == 90
    assert all(row["part"] == draw.part_of(row["id"]) for row in rows)
    assert {row["part"] for row in rows} == {"A", "B", "C"}


def test_ptc_articles_are_tuning_only() -> None:
    ptc_eval = load_script(REPO / "benchmarks" / "ptc_eval.py")
    ptc = [row["id"] for row in _rows() if row["corpus"] == "PTC"]
    assert ptc and all(ptc_eval.part_of(aid) == "tuning" for aid in ptc)


def test_no_labelled_article() -> None:
    with (REPO / "tests" / "eval" / "real_attribution_ids.csv").open(encoding="utf-8") as f:
        labelled = {(row["corpus"], row["id"]) for row in csv.DictReader(f)}
    assert not {(row["corpus"], row["id"]) for row in _rows()} & labelled
