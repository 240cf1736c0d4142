"""Session 19 speaker forms (a fresh labelled sample, seed 1907: tests/eval/speakers_sample_1907.csv;
the misses of the read sets: seed 1611 C, heldout2, PTC).

Each text is written for the test (no corpus text): the shape of a miss, with made-up names.
"""

from __future__ import annotations

import pytest
from speaker_helpers import body_speakers

_QUOTE = "“When the index is down 600 points it is hard to call it a positive"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "said J.J. Kinahan, chief market strategist at ..." (base: no speaker)
        (f"{_QUOTE},” said J.J. Rowan, chief market strategist at a bank.", "J.J. Rowan"),
        (f"{_QUOTE},” said J.J. Rowan.", "J.J. Rowan"),
        # "said Illinois Gov. J.B. Pritzker" (base: "J.B")
        (f"{_QUOTE},” said Illinois Gov. J.B. Rowan.", "J.B. Rowan"),
        # tokenised copy ("said J.J. Rowan , a strategist .")
        (f"{_QUOTE} , ” said E.J. Rowan , a columnist .", "E.J. Rowan"),
        # spaced initials kept as before
        (f"{_QUOTE},” said J. J. Rowan, a strategist.", "J. J. Rowan"),
    ],
)
def test_initials_before_a_name(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_a_country_abbreviation_is_no_initial() -> None:
    # "U.S." stays out of the name: the role reading is unchanged
    text = f"{_QUOTE},” said U.S. Sen. Ann Rowan."
    assert body_speakers(text) == ["Ann Rowan"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "“crumbs” as ... Nancy Pelosi recently said" (base: the sentence's subject or none)
        ("Democrats say the bonuses are “crumbs,” as Ann Rowan said.", "Ann Rowan"),
        ("The night was “a virtual tie,” as Rowan put it.", "Rowan"),
        ("The rally was “a disaster,” as Sen. Ann Rowan noted on Sunday.", "Ann Rowan"),
        ("Ann Rowan spoke. The plan was “a drag,” as she put it, and lost.", "Ann Rowan"),
        # lower-case modifiers before the name ("as multi-millionaire Nancy Pelosi said")
        (
            "Democrats say the bonuses are “crumbs” as multi-millionaire Ann Rowan said.",
            "Ann Rowan",
        ),
    ],
)
def test_as_a_speaker_says_after_a_quote(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # no reporting verb after the speaker: no speaker
        "The bill was “a drag” as the Senate passed it on Friday.",
        # first person: no speaker
        "We know the plan was “a drag,” as I said before.",
    ],
)
def test_as_without_a_speaker_and_verb(text: str) -> None:
    assert body_speakers(text) == [None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "The governor said that “...”" went to the lieutenant governor named after the governor
        (
            "Governor Ann Rowan smiles.\nThe race nearly cost her the lieutenant governor, Jim "
            "Lisk, who held off a challenge.\nThe governor said that “nobody has stood up to "
            "them like I have” at a debate.",
            "Ann Rowan",
        ),
        # "the president" is no "Vice President X" named nearer
        (
            "President Ann Rowan spoke Monday. Vice President Jim Lisk stood beside her. “We will "
            "win this,” the president said.",
            "Ann Rowan",
        ),
        (
            "Foreign Minister Ann Rowan met Deputy Foreign Minister Jim Lisk. “We will win this,” "
            "the minister said.",
            "Ann Rowan",
        ),
        # the rank asked for still finds its holder
        (
            "President Ann Rowan spoke Monday. Vice President Jim Lisk stood beside her. “We will "
            "win this,” the vice president said.",
            "Jim Lisk",
        ),
    ],
)
def test_a_role_is_no_rank_below_it(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_only_a_lower_rank_named_leaves_the_role_unresolved() -> None:
    # (base: "the governor" went to Lt. Gov. Jim Lisk)
    text = "Lt. Gov. Jim Lisk spoke Monday. “We will win this,” the governor said."
    assert body_speakers(text) == ["the governor"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "Added Scott Amey, general counsel for the Project ...: “...”" (base: none)
        (
            "Lawmakers met. Added Ann Rowan, general counsel for the Project on Oversight: “It "
            "would have been more appropriate to wait.”",
            "Ann Rowan",
        ),
        # "Tweeted Randi Weingarten, president of the AFT: “...”" (tokenised copy)
        (
            "Lawmakers met. Tweeted Ann Rowan , president of the teachers' federation : `` Arne , "
            "walk this back . '' Others agreed .",
            "Ann Rowan",
        ),
        # "Said Michael Rubin, a Middle East scholar at ...: “...”"
        (
            "Lawmakers met. Said Ann Rowan, a scholar at the institute: “He keeps pushing.”",
            "Ann Rowan",
        ),
    ],
)
def test_an_inverted_label_with_a_role_set_off(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_a_role_after_a_name_without_a_lead_word_is_no_label() -> None:
    # (only an inverted verb or "Said"/"From" lets a set-off role stand before the colon)
    text = "Lawmakers met. Ann Rowan, general counsel for the Project on Oversight: “Wait.”"
    assert body_speakers(text) == [None]
