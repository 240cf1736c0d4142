"""Citations in the forms session 20 read in seed 2003's part A: an outlet set off by commas
after its descriptor, right before the cue ("the official news agency, IRNA, quoted"), and the
outlets listed before one whose descriptor has its own article and adjectives ("X and the
Belgian public broadcaster RTBF reported"); a channel's hosts as speakers on it ("hosts on Fox
News"). Sentences written for these tests; none is copied
from an article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # An outlet in apposition to its descriptor, before the cue.
        ("The state's official news agency, IRNA, quoted the minister as saying so.", {"irna"}),
        ("A Hong Kong paper, the South China Morning Post, reported that he left.", {"scmp"}),
        ("Another state-run outlet, the newspaper Al-Ahram, said 40 were held.", {"al-ahram"}),
        # No descriptor before the first comma: no apposition.
        ("His old employer, Reuters, said nothing of it.", set()),
        # An unregistered name in apposition is not read as an outlet.
        ("The local paper, the Valley Clarion Herald, reported the fire.", set()),
        # Outlets listed before a described one.
        (
            "The French newspaper Le Monde and the Belgian public broadcaster RTBF reported it.",
            {"le-monde", "rtbf"},
        ),
        ("Officials and the Belgian public broadcaster RTBF reported it.", {"rtbf"}),
        # A channel's hosts speak on it.
        ("She was mocked by several hosts on Fox News that night.", {"fox-news"}),
        # An embedded post signed by an outlet's edition: the tag is no part of the name.
        ("The track was posted. pic.twitter.com/x — CNN Türk ENG (@CNNTURK_ENG) May 2, 2015",
         {"cnn-turk"}),
        # A show's title in quote marks after "host of" is no outlet unless registered.
        ("He was named the new host of “The Daily Show” last week.", set()),
        # A registered magazine (registry row): an interview given to its reporter.
        ("The economist once told a Saturday Evening Post reporter that it would pass.",
         {"saturday-evening-post"}),
    ],
)  # fmt: skip
def test_session20_forms(text: str, outlets: set[str]) -> None:
    assert cited_outlets(text) == outlets
