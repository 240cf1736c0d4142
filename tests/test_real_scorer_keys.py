"""The real-attribution scorer's comparison keys (tests/eval/score_real_attribution.py):
spacing, punctuation and station-band variants of one unregistered outlet are one outlet, and
a person's name written with another apostrophe or a generational suffix is one person."""

from __future__ import annotations

from pathlib import Path

import pytest
from scripts import load_script

SCORER = Path(__file__).parent / "eval" / "score_real_attribution.py"


@pytest.fixture(scope="module")
def scorer():
    return load_script(SCORER)


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


def test_skipped_abp_lines_leave_out_only_abp_articles_on_them(scorer, monkeypatch):
    assert scorer.parse_ranges("20000-23024,34000") == [range(20000, 23025), range(34000, 34001)]
    lines = {"a": 20000, "b": 23025, "c": 34000}
    monkeypatch.setattr(scorer, "abp_positions", lambda ids: {i: lines[i] for i in ids})
    labels = [{"corpus": "ABP", "id": i} for i in "abc"] + [{"corpus": "PTC", "id": "a"}]
    kept = scorer.without_abp_positions(labels, scorer.parse_ranges("20000-23024,34000"))
    assert kept == [{"corpus": "ABP", "id": "b"}, {"corpus": "PTC", "id": "a"}]


def test_all_leaves_out_the_unread_sets_read_only_by_name(scorer, monkeypatch, tmp_path):
    splits = {("ABP", "a"): "dev", ("ABP", "b"): "heldout4", ("ABP", "c"): "heldout5"}
    monkeypatch.setattr(scorer, "split_of", lambda: splits)
    labels = tmp_path / "labels_x.csv"
    labels.write_text("corpus,id,split\nABP,a,dev\nABP,b,heldout4\nABP,c,heldout5\n")
    assert [r["id"] for r in scorer.load_labels(str(labels), "all")] == ["a"]
    assert [r["id"] for r in scorer.load_labels(str(labels), "heldout5")] == ["c"]
    assert [r["id"] for r in scorer.load_labels(str(labels), "heldout4")] == ["b"]


@pytest.mark.parametrize(
    ("entity", "publisher", "expected"),
    [
        ("the Times", "The Washington Times", True),
        ("The Post", "New York Post", True),
        ("the Times", "CNN", False),
        ("The New York Times", "The Washington Times", False),
        ("the Journal", "The Washington Times", False),
    ],
)
def test_the_publishers_short_form_is_a_self_mention(scorer, entity, publisher, expected):
    assert scorer.short_self(entity, publisher) is expected


def test_speakers_matching_no_labelled_person_are_counted_not_scored(scorer):
    tally = scorer.Tally()
    rows = [{"speaker": "Mr. Jan Nowak"}, {"speaker": "Irena Nowak"}, {"speaker": "the ministry"},
            {"speaker": "Ada Lee"}, {"speaker": None}]  # fmt: skip
    scorer._speakers(tally, "a", "Jan Nowak; Bo Chen", rows)
    # Nowak by surname (twice), "the ministry" and Ada Lee match no one; Bo Chen is missed
    assert (tally.true_pos, tally.expected, tally.extra) == (1, 2, 2)
    assert tally.errors == ["a: missed speaker Bo Chen"]
