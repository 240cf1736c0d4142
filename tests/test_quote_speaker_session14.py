"""Quote speakers by class of miss on the readable splits and a fresh unlabelled ABP sample
(session 14, seed 1402, issue 18): passive or perceived speech before the verb, a quote that
goes on after its attribution and a comma, a signature with the role after the name, a
speaker named by the given name alone. The sentences are written for these tests; no
article text is copied.
"""

from __future__ import annotations

import pytest
from speaker_helpers import body_speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The border stayed open all week,” Omid Farahani was quoted as saying.", "Omid Farahani"),
        ("“The border stayed open all week,” Omid Farahani is quoted saying.", "Omid Farahani"),
        (
            "“We will check every stall at the fair,” Dana Whitcomb can be heard saying.",
            "Dana Whitcomb",
        ),
        (
            "“Close the gate before the storm,” Dana Whitcomb could be heard telling the crew.",
            "Dana Whitcomb",
        ),
        (
            "The mayor thanked Dana Whitcomb, who was quoted as saying “the fair is safe,” and left.",
            "Dana Whitcomb",
        ),
    ],
)
def test_passive_or_perceived_speech(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_a_plain_was_before_the_verb_is_unchanged() -> None:
    text = "“The border stayed open all week,” Omid Farahani was saying to the crowd."
    assert body_speakers(text) == ["Omid Farahani"]


def test_quote_going_on_after_its_attribution() -> None:
    # The second quote takes the attribution after the first, not the earlier "insists".
    text = (
        "The Ledger insists its reviews are “about the food and nothing else,” above all on "
        "prices. “It is not personal,” said food page editor Marta Quill, “It is the menu. We "
        "call them as we taste them.”"
    )
    assert body_speakers(text) == ["The Ledger", "Marta Quill", "Marta Quill"]


def test_who_is_told_goes_on_to_no_one() -> None:
    # '”, telling X: “' names whom the words were told to: the next quote is not X's.
    text = (
        "Adviser Hal Brenner said there was “no slump in sight”, telling Morning Desk: "
        "“Shoppers are buying. Their pay is rising.”"
    )
    assert "Morning Desk" not in body_speakers(text)[1:]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "It is a hard race.\n“Nobody should write off the senator this year.” Ruth Calder, "
            "spokeswoman for the Prairie Fund\nBut others disagree.",
            "Ruth Calder",
        ),
        (
            "It is a hard race.\n“Nobody should write off the senator this year.” Ruth Calder, "
            "Prairie Fund\nBut others disagree.",
            "Ruth Calder",
        ),
    ],
)
def test_signature_with_role_after_the_name(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The prize went to the group and to Tomas Ekberg. Last spring, Tomas said he would "
            "accept only “for the volunteers who made it.”",
            "Tomas Ekberg",
        ),
        (
            "Her daughter, Lottie Brenner, starts college in the fall. “It is all been so "
            "strange this year,” Lottie said.",
            "Lottie Brenner",
        ),
    ],
)
def test_given_name_alone_after_the_full_name(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The word is first written alone: what follows later is no surname.
        (
            "Kellerman spoke first. The Kellerman Doctrine came later. “We hold the line,” "
            "Kellerman said.",
            "Kellerman",
        ),
        # An organisation or a title, not a person.
        ("Acme Inc was sold. “We will stay in town,” Acme said.", "Acme"),
        ("Fry Sen. Ames agreed. “We will stay in town,” Fry said.", "Fry"),
        # A headline at the top: a third capitalised word follows.
        (
            "Kellerman Makes 'Big Promise' To Farmers\n“We hold the line,” Kellerman said.",
            "Kellerman",
        ),
    ],
)
def test_given_name_needs_a_person(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the next sentence after the attribution's goes on in the same voice
        (
            "“We can not wait for the board,” Mayor Ines Halvorsen said, according to The "
            "Harbor Gazette. “The bridge has to close now.”",
            ["Ines Halvorsen", "Ines Halvorsen"],
        ),
        (
            "“It was a long night,” said Ivo Marsh, a volunteer at the shelter. “We fed "
            "two hundred people.”",
            ["Ivo Marsh", "Ivo Marsh"],
        ),
        # another sentence between them: the rule does not reach over it
        (
            "“It was a long night,” said Ivo Marsh. Others slept. “We fed two hundred "
            "people,” Lena Oakes added.",
            ["Ivo Marsh", "Lena Oakes"],
        ),
    ],
)
def test_quote_in_the_sentence_after_its_attribution(text: str, speakers: list[str]) -> None:
    assert body_speakers(text) == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The agency is careless with the records, according to Rep. Nora Vance:\n“No shop "
            "would ever do this. This is an unacceptable level of security.”\nNext.",
            "Nora Vance",
        ),
        # an outlet or a lone word names no person
        (
            "The agency is careless with the records, according to Reuters:\n“No shop would "
            "ever do this. This is an unacceptable level of security.”\nNext.",
            None,
        ),
    ],
)
def test_according_to_a_person_before_a_colon(text: str, speaker: str | None) -> None:
    assert body_speakers(text) == [speaker]


def test_reflexive_after_the_name() -> None:
    text = (
        "It is still undecided, his adviser Mara Quist said Sunday. But Tobias Vell himself "
        "insisted Monday, “I am not changing course.”"
    )
    assert body_speakers(text) == ["Tobias Vell"]


def test_a_party_rules_out_the_other_party_s_holder() -> None:
    # "the Republican presidential nominee" is not the Democratic one named before
    text = (
        "Dana Pruitt, the Democratic presidential nominee, spoke in Ohio. But Owen Hale "
        "insisted Monday, “I am not changing course.”\n“We want a fair process,” the "
        "Republican presidential nominee told reporters."
    )
    assert body_speakers(text)[1] != "Dana Pruitt"
    # the noun alone still reads back to the nominee named before
    text = (
        "Dana Pruitt, the Democratic presidential nominee, spoke.\n“We want a fair process,” "
        "the nominee told reporters."
    )
    assert body_speakers(text) == ["Dana Pruitt"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“This is turning a tax bill into a health bill,” Sen. Ada Rowe yelled during the "
            "markup.",
            "Ada Rowe",
        ),
        ("“I just asked what you want from them,” Gil Sorensen testified.", "Gil Sorensen"),
        (
            "“No tool is fully secure, but these are the best we have,” Pia Lund advises readers.",
            "Pia Lund",
        ),
        (
            "His chief of staff, Tom Harte, whispered: “A second plane has hit the tower.”",
            "Tom Harte",
        ),
    ],
)
def test_verbs_added_to_the_list(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]
