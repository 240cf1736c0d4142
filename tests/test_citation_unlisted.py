"""Citations of outlets no registry holds, named with no outlet word (session 17, issue 18:
provenance/attribution/unlisted.py). A capitalised name in a citation slot is an outlet when the
text gives evidence enough (a site's shape, "the" before a name of two words or more, a media
noun or a descriptor after it, a publishing verb elsewhere); organisations, places, platforms,
roles, possessives and people are not. The names are invented; sentences written for these
tests, none copied from an article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets

from provenance.attribution import unlisted


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # An inverted verb after a clause, "the" before a name of three words.
        (
            "Rockets were fired at the town in May, reports the Marlow Virtual Archive.",
            {"the Marlow Virtual Archive"},
        ),  # fmt: skip
        # A station's shape: letters and a digit.
        ("The boy was hurt, according to reports by Kestrel7SA.", {"Kestrel7SA"}),
        # A paper of two words, subject of "reports", written with "the".
        (
            "Two men were arrested. The Ferrisburg Lantern reports that both were released.",
            {"The Ferrisburg Lantern"},
        ),  # fmt: skip
        # Tokenised copy, as ABP ships it; a site named by its domain.
        ("The drug was recalled , as reported by Kettlepage.com .", {"Kettlepage.com"}),
        # A descriptor set off after the name, in a plain slot.
        (
            "The group was exposed, according to Quill Lantern, a news website run by volunteers.",
            {"Quill Lantern"},
        ),  # fmt: skip
        (
            "The letter was first reported in the Harrow Lamp Review last week.",
            {"the Harrow Lamp Review"},
        ),  # fmt: skip
    ],
)
def test_an_unregistered_outlet_in_a_slot_is_cited(text: str, outlets: set[str]) -> None:
    assert cited_outlets(text) == outlets


@pytest.mark.parametrize(
    "text",
    [
        # Organisations, offices and places write reports too.
        "Eleven were killed, according to the Human Rights Campaign. The Human Rights Campaign "
        "reported the figures in May.",
        "The findings of a new report by the Special Rapporteur were serious.",
        "Cases rose, and the District of Columbia reported its first case on Saturday.",
        # A person: no "the", no media noun, however often she reports.
        "The deal was reported by Jane Roe of the county. Jane Roe reported it again in June.",
        # A surname before a media noun is a columnist's piece, not an outlet.
        "The column followed another Booker piece. Booker reported that the data were changed.",
        # A company's camel-cased name in a plain slot is not enough.
        "Most adults back the plan, according to PollCo.",
        # A social platform.
        "The clip spread quickly, as reported by Twitter. It was published by Twitter.",
        # A possessive or a modifier, not the subject.
        "The Iowa Fair Party's reported results do not match the precincts'.",
        "The rhetoric published in the El Paso shooter's manifesto was racist.",
        "The book was published by the CBS-owned Simon House last year.",
        # A book's title.
        "As Jo Roe wrote in The Doomsday Syndrome, the fears were old.",
    ],
)
def test_no_citation_without_evidence(text: str) -> None:
    assert cited_outlets(text) == set()


def test_evidence_weights() -> None:
    text = (
        "The Marlow Lantern reported it. The Marlow Lantern blog says so. Marlow Lantern reported."
    )
    # "the" (1), a media noun after (1), a publishing verb beyond the slot's own (1), the slot (1)
    assert unlisted.evidence(text, "Marlow Lantern", "left") == (4, True)
    assert unlisted.evidence("According to Jo Roe, it rained.", "Jo Roe", "plain") == (0, False)
    assert unlisted.evidence("as reported by Kettlepage.com", "Kettlepage.com", "publishing") == (
        3,
        True,
    )


def test_vetoes() -> None:
    assert unlisted.vetoed("Human Rights Campaign")  # an organisation's last word
    assert unlisted.vetoed("ADL")  # an acronym
    assert unlisted.vetoed("YouTube")  # a platform
    assert unlisted.vetoed("France")  # a country
    assert unlisted.vetoed("IRS Inspector General")  # a role
    assert not unlisted.vetoed("Jewish Virtual Library")
