"""The word lists shipped as data (provenance/resources/speakers, credits and outlets):
each file says what it holds and where it came from, holds no entry twice, and loads as
written."""

from __future__ import annotations

import pytest

from provenance.attribution import _wordlists
from provenance.outlets.mentions import RISKY
from provenance.wordlists import RESOURCES_DIR, WORDS_DIR, words

LISTS = sorted(p.stem for p in WORDS_DIR.glob("*.txt"))
FOLDERS = ("speakers", "credits", "outlets")
ALL_LISTS = sorted(
    (folder, p.stem) for folder in FOLDERS for p in (RESOURCES_DIR / folder).glob("*.txt")
)


def test_the_lists_are_there() -> None:
    assert {"role_nouns_en", "reporting_verbs_en", "honorifics", "not_name_words"} <= set(LISTS)


@pytest.mark.parametrize(("folder", "name"), ALL_LISTS)
def test_a_list_has_a_header_and_no_repeats(folder: str, name: str) -> None:
    lines = (RESOURCES_DIR / folder / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert len(header) >= 2 and any("Source:" in line for line in header)
    assert lines[: len(header)] == header  # the header comes first
    entries = words(name, folder)
    assert entries and len(entries) == len(set(entries))
    assert all(e == e.strip() and "#" not in e for e in entries)


def test_entries_keep_their_case() -> None:
    assert "Mr." in words("honorifics") and "minister" in words("role_nouns_en")
    assert "pointed out" in words("reporting_verbs_en")


def test_the_credits_list_is_there() -> None:
    assert ("credits", "not_agency_acronyms") in ALL_LISTS
    assert {"NATO", "EDT", "HOST"} <= set(words("not_agency_acronyms", "credits"))


def test_the_outlets_list_is_there() -> None:
    """The outlet matcher's names that need a cue are read from package data, case-folded."""
    entries = words("needs_cue", "outlets")
    assert {"dawn", "the hill", "die welt"} <= set(entries) and frozenset(entries) == RISKY
    assert all(e == e.casefold() for e in entries)


def test_attribution_reads_the_same_lists() -> None:
    assert _wordlists.words is words
