"""Citations the extractor should NOT emit, by the classes of wrong citations found on a fresh
unlabelled ABP sample (session 12: 300 citations read, ABP positions drawn with seed 31208,
minus those of seeds 71207, 20261207 and 1208), and right citations of the same forms that
must stay. Every sentence is written for these tests; none is copied from an article."""

from __future__ import annotations

import pandas as pd
import pytest
from test_citation_fresh_forms import cited_outlets

from provenance.attribution import extract_citations


@pytest.mark.parametrize(
    "text",
    [
        # Staff who have left speak for themselves, whatever the verb.
        "“Nobody asked,” the former Guardian editor Jo Bloggs told me.",
        "Former New York Times columnist Sam Doe once said the country needed a rest.",
        "She said she had been a former reporter for the AP in Madrid, which no one confirmed.",
        "Ex-CNN anchor Pat Roe argued on his podcast that the ratings would recover.",
        # A bio line with a quoted programme title.
        "Kim Lee, a former teacher, is host of the weekly program “The Lee Hour,” a Daily Beast"
        " columnist and editor of a newsletter.",
    ],
)
def test_former_staff_and_bio_lines_are_no_citation(text: str) -> None:
    assert cited_outlets(text) == set()


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Former senator Jane Roe told CNN's Pat Doe that the vote would fail.", "cnn"),
        ("“It is over,” Fox News contributor Jane Roe, a former senator, said.", "fox-news"),
        ("The Washington Post's Sam Doe reported that the talks had stalled.", "washington-post"),
    ],
)
def test_current_staff_who_speak_still_cite(text: str, outlet: str) -> None:
    assert outlet in cited_outlets(text)


def outlets_cited_by(text: str, publisher: str) -> list[str]:
    """Outlet ids cited in ``text`` published by the outlet ``publisher``."""
    arts = pd.DataFrame(
        {"article_id": ["a"], "title": ["T"], "text": [text], "outlet_id": [publisher]}
    )
    return extract_citations(arts)["outlet_id"].tolist()


@pytest.mark.parametrize(
    ("publisher", "outlet"),
    [
        ("nytimes", "nytimes"),  # the publisher's own short form
        ("washington-times", "washington-times"),
        ("the-hill", "nytimes"),  # of the outlets named "The Times", the publisher's country's
        ("the-guardian", "the-times"),
    ],
)
def test_a_shared_short_name_reads_by_the_publisher(publisher: str, outlet: str) -> None:
    text = "The mayor said little, but an aide told the Times on Monday that he would run."
    assert outlets_cited_by(text, publisher) == [outlet]


def test_a_full_name_in_the_text_comes_before_the_publisher() -> None:
    text = (
        "The Los Angeles Times first reported the fires. A deputy told the Times on Monday "
        "that the roads were closed."
    )
    assert set(outlets_cited_by(text, "washington-times")) == {"la-times"}


@pytest.mark.parametrize(
    "text",
    [
        # A group of outlets that is only the story's subject.
        "Last month the site overtook other big news outlets such as CNN, Politico and ABC News.",
        "An hour before Reuters and other outlets were kept out of the room, the envoy arrived.",
        "The letter was full of attacks on NPR and other media outlets.",
        "Jo Roe, who has written on food for Slate and other outlets, said the menu was dull.",
    ],
)
def test_a_group_of_outlets_that_is_only_the_subject_is_no_citation(text: str) -> None:
    assert cited_outlets(text) == set()


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Politico, Axios and other outlets reported the move on Friday.", "politico"),
        ("Reporters from the town and other media outlets, including NPR, saw no one.", "npr"),
        ("She gave interviews to several outlets, including Reuters, that week.", "reuters"),
    ],
)
def test_a_group_of_outlets_that_acts_or_is_told_still_cites(text: str, outlet: str) -> None:
    assert outlet in cited_outlets(text)


@pytest.mark.parametrize(
    "text",
    [
        "(Jo Roe via AP) The river rose two metres overnight.",
        "The bridge was closed. Riverside Fire Department, via Reuters Crews worked all night.",
    ],
)
def test_a_picture_provider_via_an_agency_is_no_citation(text: str) -> None:
    assert cited_outlets(text) == set()


def test_a_passage_via_an_outlet_still_cites() -> None:
    text = "He said as much on a podcast last week (via Reuters): “It is over.”"
    assert "reuters" in cited_outlets(text)
