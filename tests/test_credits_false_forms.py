"""Credits that fresh pages do NOT carry: forms that read like a credit line but name the
source of something else than the text (session 9: 370 credits found on the seeded unlabelled
sample of tests/eval/frame_sample.py, both halves, ABP positions < 20,000, checked by hand; 20
were wrong). Every text here was written for these tests in varied wording; none is copied."""

from __future__ import annotations

import pandas as pd
import pytest

from provenance.attribution import extract_credits
from provenance.attribution.credits import NOT_SOURCE_KINDS

_BODY = "The council met on Monday and voted to delay the plan by a year.\n" * 3


def _source_credits(text: str, outlet_id: str | None = None) -> set[str]:
    """Outlets (or entity names) credited as the source of the copy, self and photo aside."""
    arts = pd.DataFrame({"article_id": ["a"], "title": ["T"], "text": [text],
                         "published": ["2024-01-01"], "outlet_id": [outlet_id]})  # fmt: skip
    credits = extract_credits(arts)
    credits = credits[~credits["kind"].isin(NOT_SOURCE_KINDS)]
    if outlet_id is not None:
        credits = credits[credits["outlet_id"] != outlet_id]
    return {str(e) if pd.isna(o) else str(o)
            for o, e in zip(credits["outlet_id"], credits["entity_text"], strict=True)}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # "first published / originally appeared / reprinted" said of something else.
        _BODY + "The virus first appeared in Wuhan late in 2019, officials said.\n" + _BODY,
        _BODY
        + "The photo, first published by The Daily Telegraph, showed him at a party.\n"
        + _BODY,
        _BODY + "The claim was originally posted by Gateway Pundit and later deleted.\n" + _BODY,
        _BODY + "The character first appeared in Marvel comics in 1974.\n" + _BODY,
        _BODY + "His remarks, reprinted by Mr. Ortega in a newsletter, drew criticism.\n" + _BODY,
        # A month is no masthead.
        _BODY + "This story was originally published in June 2019 and has been updated.",
        # "distributed by" in the body.
        _BODY + "Leaflets distributed by the Interior Ministry told residents to leave.\n" + _BODY,
        _BODY + "A video distributed by the Pentagon on Monday showed the strike.\n" + _BODY,
        # A rundown of other outlets' headlines, each with its source.
        _BODY + "Elsewhere:\n-- “Storm Batters the Coast.” (The Boston Globe)\n"
        "-- Rescue Crews Reach the Town After Two Days. (Reuters)",
        # An outlet in brackets inside the last sentence: its source, a citation.
        _BODY + "The film about the strike will air next spring (The Associated Press).",
        # Photo credits inside a line, a caption's agency, related links, an outlet only cited.
        _BODY
        + "Protesters gather outside the court. (AP Photo/Jane Roe) The judge left early.\n"
        + _BODY,
        _BODY + "Related: Oil prices climb as talks stall - Reuters\n" + _BODY,
        _BODY + "Farmers said the delay would cost them, according to Reuters.",
        _BODY
        + "Reuters contributed $2 million to the journalism fund, the charity said.\n"
        + _BODY,
    ],
)
def test_no_credit_of_the_text(text: str) -> None:
    assert _source_credits(text) == set()


@pytest.mark.parametrize(
    ("text", "credited"),
    [
        # The same forms said of the text itself still credit.
        (_BODY + "This article was originally published by The Conversation.", "the-conversation"),
        (
            _BODY + "A version of this story first appeared in The Texas Tribune.",
            "texas-tribune",
        ),
        (_BODY + "Originally published at RealClearPolitics.", "realclearpolitics"),
        (
            _BODY + "©2019 The Fresno Bee\nDistributed by Tribune Content Agency, LLC.",
            "Tribune Content Agency",
        ),  # fmt: skip
        (_BODY + "— Reuters", "reuters"),
        (_BODY + "Reuters contributed to this report.", "reuters"),
    ],
)
def test_credit_lines_of_the_text_still_credit(text: str, credited: str) -> None:
    assert credited in _source_credits(text)


def test_a_sister_sites_copyright_footer_is_no_republication() -> None:
    text = _BODY + "Copyright 2015 CBS Broadcasting Inc. All Rights Reserved."
    assert _source_credits(text, "cbs-news") == set()
