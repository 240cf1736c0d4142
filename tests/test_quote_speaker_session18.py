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


@pytest.mark.parametrize("verb", ["write", "argue", "conclude", "explain"])
def test_two_speakers_with_a_plural_verb(verb: str) -> None:
    # "write University of Limerick psychologists Paul Maher and Eric Igou" (base: no speaker;
    # the table has one speaker a quote: the name nearer the verb)
    assert _speakers(f"Psychologists Ana Varga and Jon Hale {verb} that {_QUOTE}") == ["Jon Hale"]


def test_a_plural_verb_keeps_a_plural_subject_unnamed() -> None:
    assert _speakers(f"Critics argue that {_QUOTE}") == ["Critics"]


def test_a_role_set_off_after_a_name_is_learned_with_mixed_modifiers() -> None:
    # "Rudy Giuliani, the former New York mayor, ... “...,” the former mayor told" (base: the
    # role phrase was the speaker)
    text = f"Ray Dunne, the former New York mayor, spoke on Monday. {_QUOTE} the former mayor said."
    text = text.replace("land.” the", "land,” the")
    assert _speakers(text) == ["Ray Dunne"]


def test_a_lower_case_possessive_in_a_set_off_role_is_no_role() -> None:
    # "Mick Mulvaney, the president's acting chief of staff," is not "the president"
    text = (
        "President Ann Cole spoke first. Jim Marr, the president's acting chief of staff, spoke "
        f"later.\n{_QUOTE[:-2]},” the president tweeted."
    )
    assert _speakers(text) == ["Ann Cole"]


def test_a_possessive_modifier_before_a_role_and_name() -> None:
    # "according to Trump's lawyer Rudy Giuliani" (base: "Trump's")
    assert _speakers(f"According to Cole's lawyer Ray Dunne, {_QUOTE}") == ["Ray Dunne"]


def test_a_possessive_name_after_a_role_keeps_its_surname() -> None:
    # "Special counsel Robert Mueller’s team ... “...,” the special counsel said" (base: "Robert")
    text = (
        "Special counsel Ray Dunne’s team has accused Jim Marr of tampering. Mr. Marr reached out "
        "in an effort to “influence the accounts of potential witnesses,” the special counsel said."
    )
    assert _speakers(text) == ["Ray Dunne"]


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
