"""Citations in the form session 16's seed-1607 sample showed (part A): an embedded social post
signed by a registered outlet's account cites the outlet; one signed by a person cites nobody.
Sentences written for these tests; none is copied from an article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        (
            "The vote was close. “The bill passed by two votes tonight.” — Axios (@axios) "
            "September 27, 2018",
            {"axios"},
        ),  # fmt: skip
        # Tokenised copy, as ABP ships it.
        (
            "The crowd grew . “ Thousands gather downtown . ” — CNN ( @ CNN ) May 28 , 2020",
            {"cnn"},
        ),  # fmt: skip
        # A person signs most embedded posts: no citation.
        (
            "The vote was close. “We won by two votes tonight.” — Jane Roe (@janeroe) "
            "September 27, 2018",
            set(),
        ),  # fmt: skip
        # A handle with no date after it is no signed post.
        ("Readers can follow — Axios (@axios) for updates.", set()),
    ],
)
def test_embedded_post_signed_by_an_outlet(text: str, outlets: set[str]) -> None:
    assert cited_outlets(text) == outlets
