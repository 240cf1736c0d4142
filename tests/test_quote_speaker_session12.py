"""Quote speakers by class of miss in a fresh unlabelled ABP sample (session 12, seed
20261208, issue 18): relative clauses between the speaker and the verb, a surname that is
also another person's given name, places taken for speakers. The sentences are written for
these tests; no article text is copied.
"""

from __future__ import annotations

import pytest
from speaker_helpers import body_speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a relative clause after a comma (was an unrelated role phrase)
        (
            "The mayor is defying many in her party, including Governor Dan Roe, who said in a "
            "letter last week that “the plan cannot pass.”",
            "Dan Roe",
        ),
        # "who" with an aside set off by commas, after an object of the sentence
        (
            "The nurse handed the chart to Dr. Lena Vogt who, after reading it, says the patient "
            "is “in fine shape for his age.”",
            "Lena Vogt",
        ),
        # "who writes" after a name introduced by "by"
        (
            "The point echoes a long essay in the magazine by Tom Ferrante who writes, “Every "
            "rule the council made served one end.”",
            "Tom Ferrante",
        ),
    ],
)
def test_relative_clause_speaker(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_surname_beats_given_name() -> None:
    text = (
        "Reporters waited outside the office of former Rep. Ryan Zinkel, R-Mont. Later "
        "House Speaker Paul Ryan, R-Wis., met the new member.\nRyan declared he would not "
        "stand in the way.\n“It is not our choice,” he said."
    )
    assert body_speakers(text) == ["Paul Ryan"]


def test_one_word_mention_keeps_the_full_name() -> None:
    text = (
        "Prime Minister Lee Nak-yeon hosted a lunch on Sunday.\nLater Prime Minister Lee told "
        "the guests he hoped the “right conditions” would come soon."
    )
    assert body_speakers(text) == ["Lee Nak-yeon"]


@pytest.mark.parametrize(
    "text",
    [
        # a place after "in the" / "on" is no speaker
        "Talks stalled. A military attaché in the Middle East told a reporter the case is "
        "“shockingly strong.”",
        "The debate ran late. One senior Republican on Capitol Hill said the plan “does "
        "nothing for anyone at all.”",
        # a sentence adverb and a lone capital letter are no names
        "Papers keep doing this. Instead, the press is choosing to hide, effectively saying, "
        "“Here is something awful that we will not show you.”",
        "A unilaterally declared “humanitarian window” did not last long.",
    ],
)
def test_no_speaker(text: str) -> None:
    assert body_speakers(text) == [None]


def test_name_after_with_still_speaks() -> None:
    # "with X calling it" is X's quote (a preposition other than in/on/at)
    text = "The hosts liked it, with Nora Quill calling it “one of the best shows ever,” at first."
    assert body_speakers(text) == ["Nora Quill"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a one-word name the article gave a role opens the paragraph before "he said"
        (
            "President Obama spoke in the morning.\nSenate leader Harold Reed took a procedural "
            "step later.\nObama stepped up the pressure on Friday.\n“There is no need for more "
            "bills now,” he said.",
            "Obama",
        ),
        # the subject of a clause after "as" (not the object of the sentence before)
        (
            "The gunman shot the usher, Rick Whitby, first. The gunman then turned as Wilson "
            "searched for a clear line of fire.\n“I had no clear window,” he said.\nJack Wilson "
            "was praised later.",
            "Jack Wilson",
        ),
    ],
)
def test_pronoun_goes_to_the_clause_subject(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_such_as_names_no_subject() -> None:
    text = (
        "The candidate, Abby Spanner, spoke at a studio.\nInstead, Spanner touched on the "
        "theme that drew voters such as Meg Sneedy to her.\n“We need to turn the volume "
        "down,” she told a reporter."
    )
    assert body_speakers(text) == ["Abby Spanner"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a long role set off between the name and the verb, before the quote
        (
            "As Bram Stenlund, a sociologist who studies American social policy at a large public "
            "university in the Midwest, told me in 2015, “The main thing it does is set an "
            "expectation.”",
            "Bram Stenlund",
        ),
        # after the quote, with a party tag written with blanks inside its parentheses
        (
            "“Our roads are failing our children,” Rep. Mina Sherwood ( D-NJ ) , a rising star "
            "in a suburban district that had been held by the other party since the mid-1980s , "
            "told reporters.",
            "Mina Sherwood",
        ),
        # a long clause set off is no role: the subject speaks
        (
            "In a speech to the American Israel Public Affairs Committee, Mr. Netanyahu sought to "
            "play down his discord with the president over Iran and over his coming speech, "
            "saying the “friendship will weather the current disagreement.”",
            "Netanyahu",
        ),
    ],
)
def test_long_insert(text: str, speaker: str) -> None:
    assert body_speakers(text) == [speaker]


def test_bare_quote_paragraph_goes_on_with_the_last_sentence_subject() -> None:
    text = (
        "“Look at what the project does for the climate,” said Mahoney.\nBut Dale Voorman, "
        "energy director for a state council, said importing hydro is a poor way to meet "
        "local goals.\n“The question is whether we put our time into that or into local "
        "power.”\nBoth men agreed on the rest."
    )
    assert body_speakers(text) == ["Mahoney", "Dale Voorman"]


def test_bare_quote_paragraph_not_given_to_a_name_inside_the_sentence() -> None:
    text = (
        "“Pay for the wall,” he said.\nBut Speaker Nancy Pelham rejected that idea moments "
        "after the president announced it.\n“That is not a reasonable deal between the two "
        "branches of government.”\nA reporter asked her more."
    )
    assert body_speakers(text)[1] is None
