"""Quote speakers by class of miss on a fresh labelled sample (session 15, seed 1505, issue
18): an auxiliary and an adverb before the verb, a role mention that names an organisation, a
he/she after a document noun, the object of "as saying", a named owner's role set off before a
name. The sentences are written for these tests; no article text is copied.
"""

from __future__ import annotations

import pytest
from speaker_helpers import body_speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The former Patriarch Gregory III has also said: “Nobody listens to the villages.”",
            "Gregory III",
        ),
        ("Mayor Ann Roe has repeatedly called the plan a “costly mistake.”", "Ann Roe"),
        ("Councillor Omid Farahani had previously said: “The bridge will hold.”", "Omid Farahani"),
    ],
)
def test_an_auxiliary_and_an_adverb_before_the_verb(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_two_auxiliaries_do_not_make_a_speaker() -> None:
    # "may have admitted" is no attribution: the later "he said" stays with the nearer subject.
    text = (
        "Dana Whitcomb may have admitted defeat, but Governor Hal Brenner called it a “lesson.” "
        "Brenner also spoke of a new bill.\n“Both sides can get together on it,” he said."
    )
    assert body_speakers(text)[-1] == "Hal Brenner"


def test_a_role_mention_never_names_an_organisation() -> None:
    # "president of the Riverside Growers Association" named no person "Growers Association":
    # the president stays unresolved rather than an organisation.
    text = (
        "Marta Quill is president of the Riverside Growers Association. The board met on "
        "Monday.\n“We will not sell the orchard,” the president said."
    )
    assert body_speakers(text) == ["the president"]


def test_a_surname_written_first_keeps_its_role() -> None:
    # ("Park" is a place word, but not before a hyphenated given name.)
    text = (
        "South Korean President Park Jin-sook spoke in Seoul.\n“We will answer any threat,” "
        "the president said."
    )
    assert body_speakers(text) == ["Park Jin-sook"]


def test_a_pronoun_before_a_document_verb_speaks() -> None:
    text = 'Judge Hal Brenner issued a statement on Friday in which he said, "I deny it all."'
    assert body_speakers(text) == ["Hal Brenner"]


def test_the_object_of_as_saying_speaks() -> None:
    text = "For instance, he retweeted commentator Ruth Calder as saying “the fair was a triumph.”"
    assert body_speakers(text) == ["Ruth Calder"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Calder’s lawyer, Omid Farahani, said: “My client was at home.”", "Omid Farahani"),
        (
            "In a letter to the mayor, Ruth Calder, the boy’s father, Hal Brenner, wrote: “Let him "
            "come home.”",
            "Hal Brenner",
        ),
        (
            "Roe’s longtime spokesman, Dana Whitcomb, also said: “The mayor is resting.”",
            "Dana Whitcomb",
        ),
    ],
)
def test_a_named_owners_role_set_off_before_a_name(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_the_owner_after_a_preposition_is_not_the_subject() -> None:
    # "Hal Brenner, father of Roe's fiancee, Dana Whitcomb, described": his words, not hers.
    text = "Hal Brenner, father of Roe's fiancee, Dana Whitcomb, described him as “very shy.”"
    assert body_speakers(text) != ["Dana Whitcomb"]
