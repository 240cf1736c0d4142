"""The labelled citation samples drawn by tests/eval/draw_citations_1607.py: session 16's
(seed 1607, citations_sample_1607.csv), session 17's (seed 1703, citations_sample_1703.csv,
labelled before any session-17 rule and scored once at the end) and session 18's (seed 1803,
citations_sample_1803.csv, ABP only, parts B and C by ``--halves``). Their parts are the ones
the draw fixes, their PTC articles come from the PTC ``tuning`` part only, none of their
articles is in a labelled real set (dev, heldout, heldout2..5) nor in another sample: each is
fresh text.
No third-party text is needed."""

from __future__ import annotations

import csv
from itertools import combinations
from pathlib import Path

import pytest
from scripts import load_script

REPO = Path(__file__).resolve().parents[1]
SIZES = {1607: 90, 1703: 40, 1803: 40}
HALVES = {1803}  # drawn with --halves: parts B and C only


def _rows(seed: int) -> list[dict[str, str]]:
    sample = REPO / "tests" / "eval" / f"citations_sample_{seed}.csv"
    with sample.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("seed", SIZES)
def test_parts_are_the_draws(seed: int) -> None:
    draw = load_script(REPO / "tests" / "eval" / "draw_citations_1607.py")
    rows = _rows(seed)
    split = draw.half_of if seed in HALVES else draw.part_of
    assert len(rows) == SIZES[seed]
    assert all(row["part"] == split(row["id"], seed) for row in rows)
    assert {row["part"] for row in rows} == ({"B", "C"} if seed in HALVES else {"A", "B", "C"})


@pytest.mark.parametrize("seed", SIZES)
def test_ptc_articles_are_tuning_only(seed: int) -> None:
    ptc_eval = load_script(REPO / "benchmarks" / "ptc_eval.py")
    ptc = [row["id"] for row in _rows(seed) if row["corpus"] == "PTC"]
    assert ptc or seed == 1803  # seed 1703 drew the last unlabelled PTC tuning articles
    assert all(ptc_eval.part_of(aid) == "tuning" for aid in ptc)


@pytest.mark.parametrize("seed", SIZES)
def test_no_labelled_article(seed: int) -> None:
    with (REPO / "tests" / "eval" / "real_attribution_ids.csv").open(encoding="utf-8") as f:
        labelled = {(row["corpus"], row["id"]) for row in csv.DictReader(f)}
    assert not {(row["corpus"], row["id"]) for row in _rows(seed)} & labelled


@pytest.mark.parametrize(("one", "other"), list(combinations(SIZES, 2)))
def test_samples_are_disjoint(one: int, other: int) -> None:
    first, second = ({(r["corpus"], r["id"]) for r in _rows(seed)} for seed in (one, other))
    assert not first & second
