"""Credit forms found by reading a seeded fresh ABP sample (session 11, seed 111207): a
copyright line after the sign, a wire named "as well as" the staff, a column's home in the
author's bio, earlier versions and producers of the text, content partners, syndicate footers,
papers with their place in brackets; and forms that credit nothing: an abbreviation after a
name, lists of linked headlines or quoted reviews, a writer's own column in a bio (texts
written for these tests)."""

from __future__ import annotations

import pandas as pd
import pytest

from provenance.attribution import extract_credits
from provenance.attribution.credits import NOT_SOURCE_KINDS


def _source_credits(text: str) -> list[list[object]]:
    arts = pd.DataFrame({"article_id": ["a0"], "title": ["T"], "text": [text]})
    credits = extract_credits(arts)
    credits = credits[~credits["kind"].isin(NOT_SOURCE_KINDS)]
    rows = credits[["kind", "outlet_id"]].astype(object).values.tolist()
    return [[kind, None if pd.isna(oid) else oid] for kind, oid in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council met on Monday.\n© Copyright 2019 The Associated Press. All rights reserved.",
         [["source_line", "ap"]]),
        ("The council met on Monday.\nFox News' Jane Roe contributed to this report, as well as "
         "The Associated Press.", [["tagline", "ap"]]),
        ("The council met on Monday.\nJane Roe is the opinion editor for the Des Moines Register, "
         "where this column originally appeared.", [["originally_published", "des-moines-register"]]),
        ("The council met on Monday.\nThis story was produced by Undark, a nonprofit magazine.",
         [["originally_published", "undark"]]),
        ("The council met on Monday.\nTo read features by other Creators Syndicate writers and "
         "cartoonists, visit our page.", [["source_line", "creators-syndicate"]]),
        ("The council met on Monday.\nContributing: Jane Roe, The (Jackson, Miss.) Clarion-Ledger; "
         "John Doe, Pensacola (Fla.) News Journal",
         [["inputs_from", "clarion-ledger"], ["inputs_from", "pensacola-news-journal"]]),
        ("The council met on Monday.\nThis story is based on reporting by The Associated Press.",
         [["inputs_from", "ap"]]),
        ("The council met on Monday.\nThis article originally appeared on the website of The "
         "Independent.", [["originally_published", "the-independent"]]),
        ("The council met on Monday.\nThis column first ran in the (Salem, Ore.) Statesman "
         "Journal.", [["originally_published", None]]),
        ("The council met on Monday.\nThis story was originally published on nationaljournal.com "
         "on May 4.", [["originally_published", "national-journal"]]),
        ("The council met on Monday.\nThis article by Jane Roe, the Ann P. Doe Professor of Law at "
         "a college, first appeared in The Conversation.",
         [["originally_published", "the-conversation"]]),
        ("The council met on Monday.\nContributing: The Associated Press. Follow Jane Roe on "
         "Twitter: @janeroe", [["inputs_from", "ap"]]),
        ("The council met on Monday.\nAn earlier version of this essay appeared at the Lantern "
         "Review.", [["originally_published", None]]),
        ("The council met on Monday.\nLedgerly.com is a USA TODAY content partner offering money "
         "news.", [["republished", None]]),
    ],
)  # fmt: skip
def test_credit_lines_of_fresh_real_forms(text: str, expected: list[list[object]]) -> None:
    assert sorted(_source_credits(text), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday.\nThis story was produced by Jane Roe in Denver.",
        "The council met on Monday.\nThis story was reported by Jane Roe in Denver.",
        "The council met on Monday.\nThe article, by a rival, first appeared in The Conversation "
        "last year and was widely shared.",
        "The council met on Monday.\nThe film was adapted from an article in The New Yorker.",
        "The Young Turks (TYT) is a network that grew fast.\nIt hired ten people.",
        "The council met on Monday.\nSenate passes the bill [ New York Times ]\n"
        "Governor signs the order [ Politico ]",
        "“A fine and patient film.” – The Wall Street Journal\n“Moving and wise.” – Politico\n"
        "The review goes on for a while.",
        "The council met on Monday.\nHis weekly column, distributed by Creators Syndicate, runs "
        "in many papers.",
    ],
)
def test_fresh_forms_that_credit_no_source(text: str) -> None:
    assert _source_credits(text) == []


def test_a_correspondent_of_the_site_is_its_own_outlet() -> None:
    text = "The council met on Monday.\nA FoxNews.com correspondent in Rome contributed to this report."
    assert _source_credits(text) == [["tagline", "fox-news"]]
