"""Citations in the forms a seeded fresh ABP sample missed or read wrongly (session 14: seed
1401, 850 positions of the first 20,000 less those of every earlier seeded draw, labelled ids
skipped; 148 articles naming another registered outlet, two thirds read). Sentences written
for these tests in varied wording; none is copied from an article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # A speaker's verb before "in <registered masthead>": the words were printed there.
        ("The economist argued in The New York Times that the cuts would fail.", {"nytimes"}),
        (
            "As the author explained in The Washington Post, the law is not new.",
            {"washington-post"},
        ),  # fmt: skip
        # ... and the verb's own outlet before it is still read.
        ("Reuters said in London that the sale was off.", {"reuters"}),
        # A title's or an initial's dot ends no clause before a venue.
        (
            "“We will not wait,” said Sen. Jo Roe (R) of Ohio on CBS's “Face the Nation.”",
            {"cbs-news"},
        ),  # fmt: skip
        # A nationality before a descriptor, as an owner's possessive is.
        (
            "The talks stalled, according to a report by Russian state news agency RIA Novosti.",
            {"ria-novosti"},
        ),  # fmt: skip
        ("Three were held, according to Turkish state news agency Anadolu.", {"anadolu"}),
        # A sentence opening with a show in quote marks, the comma inside them.
        ("On “Meet the Press,” the senator said the bill was dead.", {"nbc-news"}),
        ("On NBC’s “Meet the Press,” the senator said the bill was dead.", {"nbc-news"}),
        # A possessive short form after the full name.
        (
            "A Baltimore Sun story set it off. The board voted, according to the Sun’s count.",
            {"baltimore-sun"},
        ),  # fmt: skip
        # Registered outlets as the subject of "predicted" and "counted".
        ("FiveThirtyEight predicted a narrow loss for the governor.", {"fivethirtyeight"}),
        (
            "The Washington Free Beacon counted 12 such remarks in a year.",
            {"washington-free-beacon"},
        ),  # fmt: skip
        # A participle or "to" and a verb of speech after a venue's outlet.
        ("The governor was on CNN Sunday night talking about the storm.", {"cnn"}),
        ("The minister went on Face the Nation to make her case for the deal.", {"cbs-news"}),
        # A name before a strict descriptor, where a registered outlet was asked for.
        (
            "The Zorba news agency posted photos of the site on Friday.",
            {"The Zorba news agency"},
        ),  # fmt: skip
        # A time ago between a verb of print and its "by".
        (
            "An essay published two years ago by The Boston Globe made the case.",
            {"boston-globe"},
        ),  # fmt: skip
        # "compiled by" an outlet.
        ("A timeline of the claims compiled by CNN shows the change.", {"cnn"}),
        # A hyphenated form of a registered name.
        ("The mayor, speaking on France-Inter radio, said the plan was dead.", {"france-inter"}),
    ],
)
def test_forms_cited(text: str, outlets: set[str]) -> None:
    assert cited_outlets(text) == outlets


@pytest.mark.parametrize(
    "text",
    [
        # Photo credits: a photographer and a paper, an owner of two names, a chain.
        "The mayor spoke on Monday. (Jo Roe/Rapid City Journal via AP) The vote is set.",
        "The crowd waited. (Smith for President via AP) Then he left.",
        "The site burned in 1921. (City Museum via Tulsa World via AP) Leaders met later.",
        "He spoke of choice. | Jo Roe/South Bend Tribune via AP 2020 race: the field narrows.",
        # An unregistered phrase that only describes an outlet.
        "An aide told a British newspaper that the plan was dead.",
        "Right-wing radio host Jo Roe said the vote was rigged.",
        "Officials told state TV that the plant was safe.",
        "The talks were frank, the North Korean news agency said on Sunday.",
        # "went on" a stage is no venue.
        "He went on CNN's stage to loud applause.",
        # A survey's count of people who name an outlet as their source.
        "Of conservatives, 40% citing Fox News as their main source of news.",
        "Among liberals, the share citing CNN is about the same.",
    ],
)
def test_forms_that_cite_nothing(text: str) -> None:
    assert not cited_outlets(text)


def test_an_unregistered_name_opening_with_an_is_no_indefinite_article() -> None:
    # "An" as the first letters of an unregistered name is no "an": the outlet is named.
    assert cited_outlets("Prices rose, according to Anzora news agency.") == {"Anzora news agency"}
