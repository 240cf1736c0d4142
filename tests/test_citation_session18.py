"""Citations in the forms session 18 read in seed 1607's part A and the seed-1703 sample: glued
copy (two sentences with no stop between them), "disclosed by X", "explaining to X", "asked
last March by X" and "first reported on X". Sentences written for these tests; none is copied
from an article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # Glued copy: the registered name, then a word that opens a sentence.
        ("The mayor spoke in Queens, according to The New York Times The charity has raised "
         "millions.", {"nytimes"}),  # fmt: skip
        ("“It fits,” Rogers told The Daily Beast Although he declined to say more.",
         {"daily-beast"}),  # fmt: skip
        # A name that runs on into a word that opens no sentence is no glued copy.
        ("The talks stalled, according to Reuters Institute researchers.", set()),
        ("A memo of the meeting, disclosed by the Associated Press, said the risk was high.",
         {"ap"}),  # fmt: skip
        ("He described the delay, explaining to Voice of America that it was being sorted out.",
         {"voa"}),  # fmt: skip
        ("The senator was asked last March by NPR about the trial.", {"npr"}),
        ("News of the arrests was first reported on Al Arabiya, the Saudi network.",
         {"al-arabiya"}),  # fmt: skip
        # "reported on" a person: the outlet before the verb is the source, not the person.
        ("The Daily Mail first reported on Gates using the plane.", {"daily-mail"}),
        ("The council first reported on Monday that the road would close.", set()),
    ],
)
def test_session18_forms(text: str, outlets: set[str]) -> None:
    assert cited_outlets(text) == outlets
