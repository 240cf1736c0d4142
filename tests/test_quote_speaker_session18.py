"""Session 18 speaker forms (a fresh labelled sample, seed 1811: tests/eval/speakers_sample_1811.csv;
the misses of seed 1611's and 1709's read parts and of heldout2).

Each text is written for the test (no corpus text): the shape of a miss, with made-up names.
"""

from __future__ import annotations

import pandas as pd
import pytest

from provenance.quotes import extract_quotes

_QUOTE = "“We will take this case to every court in the land.”"


def _speakers(text: str) -> list[object]:
    arts = pd.DataFrame({"article_id": ["a"], "title": [""], "text": [text]})
    return [s if isinstance(s, str) else None for s in extract_quotes(arts)["speaker"].tolist()]


def test_counsel_is_a_role() -> None:
    # "said White House counsel Pat Cipollone" (base: "White House")
    assert _speakers(f"{_QUOTE[:-2]},” said White House counsel Ray Dunne.") == ["Ray Dunne"]


def test_a_documents_author_after_it() -> None:
    # "said a letter to the OSC from White House legal counsel Pat Cipollone" (base: "a letter")
    text = f"{_QUOTE[:-2]},” said a letter to the agency from White House legal counsel Ray Dunne."
    assert _speakers(text) == ["Ray Dunne"]


def test_an_organisation_after_a_document_does_not_speak_for_it() -> None:
    text = f"{_QUOTE[:-2]},” a report by Human Rights Watch says."
    assert _speakers(text) == ["a report"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a role before the signer's name ("NATO Secretary General Jens Stoltenberg")
        f"Alliance Secretary General Ana Varga issued a statement saying {_QUOTE}",
        # "calling for" after a document
        f"Ana Varga issued a statement calling for {_QUOTE}",
        # a weekday after the document ("released a statement Thursday saying")
        f"Rep. Ana Varga released a statement Thursday saying, {_QUOTE}",
    ],
)
def test_a_documents_signer_speaks(sentence: str) -> None:
    assert _speakers(sentence) == ["Ana Varga"]


def test_a_joint_statement_with_roles_stays_the_documents() -> None:
    text = f"President Ana Varga and President Jon Hale signed a joint statement saying {_QUOTE}"
    assert _speakers(text) == ["a joint statement"]


def test_a_documents_author_after_a_weekday() -> None:
    # "received a notice Friday from X, <role>, saying that ... “...”" (the sentence's subject
    # took it once the weekday let the document be read)
    text = (
        "Hospital employees received a notice Friday from Ana Varga, executive vice president of "
        "communications, saying that anyone who talked to the media would be “subject to "
        "disciplinary action, including termination.”"
    )
    assert _speakers(text) == ["Ana Varga"]
