"""Session 16 speaker forms (a fresh labelled sample, seed 1611: tests/eval/speakers_sample_1611.csv).

Each text is written for the test (no corpus text): the form of a miss met in the sample's read
part A or in the unlabelled ABP articles read to check the rules.
"""

from __future__ import annotations

import pandas as pd
import pytest

from provenance.attribution.speakers import People, speaker_before
from provenance.quotes import extract_quotes


def _speakers(text: str) -> list[object]:
    arts = pd.DataFrame({"article_id": ["a"], "title": [""], "text": [text]})
    return extract_quotes(arts)["speaker"].tolist()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # reporting verbs added: "reminded", "made (it) (very) clear" (base: no speaker)
        (
            "Now, Cardinal Jan Novak, head of the Council, made it very clear to a news service on "
            'Monday what the bishop is up to: "The fact that the letter was published means a lot."',
            "Jan Novak",
        ),
        (
            'The senator made clear that she "will not vote for this budget as it stands."',
            "The senator",
        ),
    ],
)
def test_added_verbs(text: str, speaker: str) -> None:
    assert speaker in str(_speakers(text)[0])


def test_honorific_tells_the_mention_gender() -> None:
    # "Mr. Doe" is a man where he is written so: "she said" is the ambassador's (base: Doe).
    text = (
        "But the American ambassador to the United Nations, Jane R. Roe, suggested that such a "
        "process was doomed as long as Mr. Doe was in power. “We know there is no option with "
        "Doe at the head of the regime,” she said on CNN."
    )
    assert _speakers(text) == ["Jane R. Roe"]


def test_written_gender_of_a_mention() -> None:
    text = "Ms . Page left. Mr. Trump spoke. “We won,” he said. Jane Roe smiled."
    people = People(text)
    assert people._written_gender(text.index("Page"), "Page") == "f"
    assert people._written_gender(text.index("Trump"), "Trump") == "m"
    assert people._written_gender(text.index("he said"), "Donald Trump") == "m"
    assert people._written_gender(text.index("Jane"), "Jane Roe") is None


@pytest.mark.parametrize("before", ["What I’m ", "We're ", "Trump's "])
def test_a_contracted_am_is_no_speaker(before: str) -> None:
    # "What I’m reminded of ...", "We're told ...": the subject is told, not the speaker.
    text = f"{before}reminded"
    assert speaker_before(text, len(before)) is None
    assert speaker_before("Senator Roe reminded", len("Senator Roe ")) is not None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Derek Karpel, 34, an attorney from Manhattan, said that “it is just a movie.”",
            "Derek Karpel",
        ),
        ("Kwame Rose, 20, of Baltimore, said: “We march for justice.”", "Kwame Rose"),
        ("Sen. Angus King, I-Maine, who sits on the committee, said “we must act.”", "Angus King"),
        ("Jim Roe, from Lamoni, Iowa, said “we must act.”", "Jim Roe"),
    ],
)
def test_a_name_set_off_by_two_asides(text: str, speaker: str) -> None:
    # base: no speaker, "I-Maine" or "Lamoni"
    assert _speakers(text) == [speaker]


def test_two_asides_need_a_person_opening_the_clause() -> None:
    # a capitalised run that is no person's name opens no attribution of its own
    text = "In Washington, on Monday, at noon, said the spokesman, “we must act.”"
    assert "In Washington" not in [str(s) for s in _speakers(text)]
