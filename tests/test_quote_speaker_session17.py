"""Session 17 speaker forms (a fresh labelled sample, seed 1709: tests/eval/speakers_sample_1709.csv).

Each text is written for the test (no corpus text): the form of a miss met in the sample's read
part A or in the unlabelled ABP articles read to check the rules.
"""

from __future__ import annotations

import pandas as pd
import pytest

from provenance.quotes import extract_quotes


def _speakers(text: str) -> list[object]:
    arts = pd.DataFrame({"article_id": ["a"], "title": [""], "text": [text]})
    return [s if isinstance(s, str) else None for s in extract_quotes(arts)["speaker"].tolist()]


_LAVROV = (
    "Secretary of State Jon Kerr met Russian Foreign Minister Sergey Lavrov in Geneva.\n"
    "Both spoke to reporters.\n"
)


@pytest.mark.parametrize("lead", ["when", "as", "while", "because"])
def test_participle_takes_the_subordinate_clause_subject(lead: str) -> None:
    # The sentence's subject is no person; the clause's is (base: no speaker).
    text = (
        f"{_LAVROV}A light moment occurred {lead} the Russian minister ordered pizzas for the "
        "reporters, saying, “The pizza was from the US delegation.”"
    )
    assert _speakers(text) == ["Sergey Lavrov"]


@pytest.mark.parametrize(
    "sentence",
    [
        # "after" and "since" are prepositions as often as clause leads
        "The market rose after the Russian minister spoke, saying, “We are all winners here.”",
        # a clause set off before the participle has a subject of its own
        "Minutes as the Russian minister spoke, the crowd, in a loud voice, cheered, saying, "
        "“We are all winners here.”",
    ],
)
def test_no_subordinate_subject(sentence: str) -> None:
    assert _speakers(_LAVROV + sentence) == [None]


def test_zero_width_characters_are_blanks() -> None:
    # a scraped text's zero-width space before the verb (base: no speaker)
    text = "Intro , here , now .\nThe media lashed out after Joe Biden \u200bcalled Kim a “ dictator . ”"
    assert _speakers(text) == ["Joe Biden"]


def test_a_name_after_the_last_comma_speaks() -> None:
    # "<Name>, aside, aside, <Surname> said": the surname's (base: the first name set off).
    text = (
        "In a letter to Sen. Roger Wicks, R-Miss., who opposes the nominee, Hagel said he had "
        "been “forthright in disclosing all required information.” Chuck Hagel is the nominee."
    )
    assert "Hagel" in str(_speakers(text)[0])
