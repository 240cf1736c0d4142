"""The real-attribution scorer's comparison key (tests/eval/score_real_attribution.py):
spacing, punctuation and station-band variants of one unregistered outlet are one outlet."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCORER = Path(__file__).parent / "eval" / "score_real_attribution.py"


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("score_real_attribution", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "a, b",
    [("KENS5", "KENS 5"), ("News4SA", "News 4 SA"), ("KUSA", "KUSA-TV"), ("WXTZ-TV", "WXTZ")],
)
def test_spacing_and_band_variants_are_one_outlet(scorer, a, b):
    key_a, key_b = "entity:" + scorer.slug(a), "entity:" + scorer.slug(b)
    assert scorer.same(key_a, key_b)
    hits, missed, extra = scorer.match_sets([key_a], [key_a, key_b])
    assert (hits, missed, extra) == (1, [], [])  # one outlet named twice counts once


def test_different_outlets_stay_apart(scorer):
    assert not scorer.same("entity:" + scorer.slug("KENS 5"), "entity:" + scorer.slug("KSAT 12"))
    assert not scorer.same("entity:kens5", "reuters")
    hits, missed, extra = scorer.match_sets(["entity:kens-5"], ["entity:woai"])
    assert (hits, missed, extra) == (0, ["entity:kens-5"], ["entity:woai"])


def test_old_key_keeps_separators(scorer, monkeypatch):
    monkeypatch.setattr(scorer, "OLD_KEY", True)
    assert not scorer.same("entity:kens5", "entity:kens-5")
    assert scorer.distinct(["entity:kusa-tv", "entity:kusa"]) == ["entity:kusa-tv", "entity:kusa"]
