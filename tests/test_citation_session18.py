"""Citations in the forms session 18 read in seed 1607's part A and the seed-1703 sample: glued
copy (two sentences with no stop between them), "disclosed by X", "explaining to X", "asked
last March by X" and "first reported on X"; and issue 18's forms of wire and translated copy:
"X cites", "..., informs X", "..., - reports X", "..., reported X and Y", "X and Y both
reported". Sentences written for these tests; none is copied
from an article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # Glued copy: the registered name, then a word that opens a sentence.
        (
            "The mayor spoke in Queens, according to The New York Times The charity has raised "
            "millions.",
            {"nytimes"},
        ),  # fmt: skip
        (
            "“It fits,” Rogers told The Daily Beast Although he declined to say more.",
            {"daily-beast"},
        ),  # fmt: skip
        # A name that runs on into a word that opens no sentence is no glued copy.
        ("The talks stalled, according to Reuters Institute researchers.", set()),
        (
            "A memo of the meeting, disclosed by the Associated Press, said the risk was high.",
            {"ap"},
        ),  # fmt: skip
        (
            "He described the delay, explaining to Voice of America that it was being sorted out.",
            {"voa"},
        ),  # fmt: skip
        ("The senator was asked last March by NPR about the trial.", {"npr"}),
        (
            "News of the arrests was first reported on Al Arabiya, the Saudi network.",
            {"al-arabiya"},
        ),  # fmt: skip
        # "reported on" a person: the outlet before the verb is the source, not the person.
        ("The Daily Mail first reported on Gates using the plane.", {"daily-mail"}),
        ("The council first reported on Monday that the road would close.", set()),
    ],
)
def test_session18_forms(text: str, outlets: set[str]) -> None:
    assert cited_outlets(text) == outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("Xinhua cites a local official as saying the toll rose.", {"xinhua"}),
        ("The plant was shut, informs RIA Novosti.", {"ria-novosti"}),
        ("The plant was shut, the Interfax agency transmits.", {"interfax"}),
        ("The plant was shut, - reports RBC.", {"rbc"}),
        ("The plant was shut, reported Xinhua and Reuters.", {"xinhua", "reuters"}),
        (
            "The Washington Post and Politico both reported the plant was shut.",
            {"washington-post", "politico"},
        ),  # fmt: skip
        # A person after the inverted verb: no outlet is joined to it by a comma.
        ("“We will vote,” said Sen. Jane Roe, R-Kan., on Thursday.", set()),
        # "cites" after a person or a document is no citation.
        ("The report cites three officials.", set()),
    ],
)
def test_wire_and_translated_forms(text: str, outlets: set[str]) -> None:
    assert cited_outlets(text) == outlets
