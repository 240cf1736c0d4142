"""Quote speakers by class of miss in a fresh unlabelled ABP sample (session 11, seed
20261207, issue 18): the subject of a sentence whose reporting verb is a participle or a
second predicate after "and". The sentences are written for these tests; no article text is
copied.
"""

from __future__ import annotations

import pytest
from speaker_helpers import body_speakers

from provenance.attribution.speakers import clean_name


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a participle after "however," with a party tag after the subject (was no speaker)
        ("The vote was close. The committee chairman Bob Stroud (R-VA) threw the ball back in "
         "Brown’s court after the vote, however, saying “the president must act on it now.”",
         "Bob Stroud"),
        # a plain two-word name, unknown before, and a verb outside the reporting verbs
        ("The vote was close. Ada Quill threw the ball back in Brown’s court after the vote, "
         "saying “the president must act on it now.”", "Ada Quill"),
        # a second predicate after "and", the subject after a leading clause (was the person
        # named in the paragraph before)
        ("Representative Luis Garza, a Democrat of Ostland, said the group met Mr. Kell.\n"
         "In an interview on Wednesday night, Mr. Kell defended his remarks to the lawmakers "
         "and said, “There has been a process that this office has gone through.”", "Kell"),
    ],
)  # fmt: skip
def test_subject_of_participle_or_second_predicate(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # no person opens the sentence: no speaker is made up
        "The Daily Ledger defended the story and said, “We stand by our reporting on it.”",
        "Last week the Senate voted and said, “We stand by the rules of the chamber.”",
    ],
)
def test_no_person_subject(text: str) -> None:
    assert body_speakers(text) == [None]


def test_pronoun_takes_a_person_of_its_gender_over_an_object_of_unknown_gender() -> None:
    # (was the senate leader named last, as an object, whose gender the text never gives)
    text = (
        "Sen. Mary Lorne (D-La.), a co-sponsor of the bill, was the first to speak on the floor, "
        "where she heaped blame on the other side.\nLorne again cited her new post while taking "
        "aim at another incumbent in a tight race — Senate Minority Leader Mitch Connard.\n"
        "“So as chair, I intend to be as fair as I can be with both parties,” she said."
    )
    assert body_speakers(text) == ["Mary Lorne"]


def test_pronoun_keeps_a_subject_of_unknown_gender() -> None:
    # a subject ("Mr. Gray sounded") keeps "he" even though a man is named before him
    text = (
        "Rick Quade, a consultant to Mr. Gray, said that in a poll he ran the view was mixed.\n"
        "Speaking at an event last week, Mr. Gray sounded a defiant note.\n"
        "“If you want to run ads, spend all the money you want to spend,” he said. “I am not "
        "backing off.”"
    )
    assert body_speakers(text) == ["Gray", "Gray"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an adverb between the name and a past-tense verb after the quote (was no speaker)
        ("Rand Pall was heard complaining on the floor about the chair.\n“I do not want to have "
         "to stand up and fight for it,” Pall reportedly fumed from the floor.", "Rand Pall"),
        # "spoke" as the verb after the quote (was no speaker)
        ("The two men met in Dallas. “To know the man is to like the man,” Mr. Oban spoke of "
         "Mr. Busk.", "Oban"),
    ],
)  # fmt: skip
def test_adverb_or_spoke_after_the_quote(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_adverb_after_the_quote_needs_a_name() -> None:
    assert body_speakers("“This is the end of it,” the family reportedly claimed.") == [None]


def test_pronoun_is_no_first_person_speaker() -> None:
    # (was "I": the writer's "I thought ... “regrets”" made "I" the nearest speaker for "he")
    text = (
        "Considering the mood, I thought President Barack Oboe was being generous in "
        "expressing “regrets” over his role.\n“It is one of the few regrets of my term,” he said."
    )
    assert body_speakers(text)[-1] == "Barack Oboe"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a person "of" a group after the verb (was the whole run, scored by "Action")
        ("“Our hope is he stays in the race,” said Derrick Crowne of People’s Action, a group.",
         "Derrick Crowne"),
        # "of" inside a role stays a role's
        ("“We will not go,” said White House Chief of Staff Mick Mulvane.", "Mick Mulvane"),
    ],
)  # fmt: skip
def test_person_of_a_group(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


@pytest.mark.parametrize("phrase", ["of Ostland of the Union", "of Rule of Law Now"])
def test_clean_name_of_a_phrase_opening_with_of(phrase: str) -> None:
    # (a phrase whose first word is "of" crashed the "Name of Group" reading)
    assert clean_name(phrase) == ""
