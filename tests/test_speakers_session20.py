"""Session 20 speaker forms (a fresh labelled sample, seed 2007: tests/eval/speakers_sample_2007.csv,
part A's misses).

Each text is written for the test (no corpus text): the shape of a miss, with made-up names.
"""

from __future__ import annotations

import pytest
from speaker_helpers import body_speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "which House Speaker Nancy Pelosi (D-Calif.) called “...”" (base: a title, no speaker)
        ("The case, which Speaker Ann Rowan (D-Calif.) called “a misuse of power,” went on.",
         "Ann Rowan"),
        ("The plan, which Sen. Ann Rowan ( R-Ohio ) called “a sham,” failed.", "Ann Rowan"),
    ],
)  # fmt: skip
def test_called_after_a_party_tag(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_called_after_a_bracket_is_still_a_title() -> None:
    # a bracket that is no party tag keeps the title reading
    text = "The band (a trio from Ohio) called “Blue Fields” played on."
    assert body_speakers(text) == [None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "... be a “responsible” steward of them at the same time, said Andrea Berger, a
        # senior analyst" (base: a fragment, no speaker)
        ("The city means to keep its fleet and be a “careful” owner of it for now, said Ann "
         "Rowan, an analyst at an institute.", "Ann Rowan"),
        ("The city means to keep its fleet and be a “careful” owner of it for now, Ann Rowan "
         "said.", "Ann Rowan"),
    ],
)  # fmt: skip
def test_a_fragment_and_its_sentence_end_speaker(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # no comma before the attribution: the fragment stays unattributed
        "The city calls it “careful” and Ann Rowan said nothing more.",
        # another quote between: the attribution is that quote's
        "The city calls it “careful” and then “very safe,” said Ann Rowan.",
        # the attribution in the next sentence
        "The city calls it “careful” at last. Later, said Ann Rowan, it changed.",
    ],
)
def test_a_fragment_keeps_no_speaker(text: str) -> None:
    assert body_speakers(text)[0] is None


@pytest.mark.parametrize(
    "text",
    [
        # the attribution goes on with what was said: the fragment is someone else's
        "In reply to the agency's “grave doubts” about the memo, Ann Rowan says the agency "
        "stalled for a year.",
        # the attribution introduces its own quote
        "Asked why he played “the game” for a month, Ann Rowan said, “I do not know.”",
        # a show's or a person's name in marks inside the sentence
        "In the “Today” interview, Ann Rowan said taxes would rise.",
    ],
)
def test_a_fragment_before_a_clause_keeps_no_speaker(text: str) -> None:
    assert body_speakers(text)[0] is None
