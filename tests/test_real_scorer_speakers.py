"""The real-attribution scorer's person key (tests/eval/score_real_attribution.py): one
apostrophe and no generational suffix, so a name written two ways is one person."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCORER = Path(__file__).parent / "eval" / "score_real_attribution.py"


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("score_real_attribution_speakers", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "a, b",
    [("Sean O’Malley", "Sean O'Malley"), ("John Hayden Jr.", "John Hayden"),
     ("Mr. Ed Royce", "Ed Royce")],
)  # fmt: skip
def test_one_person_written_two_ways(scorer, a, b):
    assert scorer.person_keys(a) == scorer.person_keys(b)


def test_different_people_stay_apart(scorer):
    assert scorer.person_keys("John Hayden")[1] != scorer.person_keys("John Haydn")[1]
    assert scorer.person_keys("Junior Seau") == ("junior seau", "seau")
