"""Citations in the forms a seeded fresh ABP sample missed (session 15: seed 1504, 1,600
positions of the first 20,000 less those of every earlier seeded draw, labelled ids skipped;
214 articles naming another registered outlet, two thirds read). Sentences written for these
tests in varied wording; none is copied from an article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # Dated source tags in square brackets: each registered item is cited, the show or
        # title beside it is not.
        (
            "“The plan is dead,” the host said. [Fox News, Morning Show, 3/4/15] Later, he left.",
            {"fox-news"},
        ),  # fmt: skip
        ("The rate fell. [Wonkblog, The Washington Post, 8/6/14]", {"washington-post"}),
        (
            "Jobs rose. [Jobs rose again in May, by Jo Roe, CNNMoney, June 5, 2018] The rest.",
            {"cnn"},
        ),  # fmt: skip
        # Outlets added to the registry: names with no outlet word of their own.
        ("The mayor resigned, the Baltimore Brew reported.", {"baltimore-brew"}),
        ("Two sailors were hurt, Stars and Stripes reported on Monday.", {"stars-and-stripes"}),
        ("According to The Week, the bill has stalled.", {"the-week"}),
        ("The vote was close, according to the Argus Leader.", {"argus-leader"}),
        # A participle's "by" before a journalist, or a pair of them with an initial's dot.
        (
            "The memo was first reported by Jo R. Roe and Mary Major of The New York Times.",
            {"nytimes"},
        ),  # fmt: skip
        ("The leak was revealed by Jo Roe of Politico last week.", {"politico"}),
        # "estimates" with an outlet as its subject.
        ("The Economist estimates that the middle class has doubled.", {"the-economist"}),
        # A call sign ends an unregistered name where a verb asks for a registered outlet; the
        # station is the outlet, the descriptor before it is not.
        ("The Dayton TV station WZZX published an investigation of the plant.", {"WZZX"}),
        ("The mayor told local news outlet KQQZ-TV that the roads were closed.", {"KQQZ-TV"}),
        # A time between a statement and its outlet; a transcript's source.
        ("The museum issued a statement last night to CNN saying it would not sell.", {"cnn"}),
        ("He said so in 2017, according to a transcript by Reuters.", {"reuters"}),
        # A pointer to the outlet's account.
        ("Lawmakers may override the veto. The Daily Caller has more.", {"daily-caller"}),
        ("The bill is dead. Politico has the details here.", {"politico"}),
        # An alias.
        (
            "The scientist told the CS Monitor that the data were sound.",
            {"christian-science-monitor"},
        ),  # fmt: skip
        # A capitalised owner before a state or rank adjective and the name.
        ("Talks resumed, according to Russia's state-run Itar-Tass news agency.", {"tass"}),
        ("He told Iran's semi-official Fars news agency that talks were over.", {"fars"}),
        # ... and an owner that is the outlet stays the outlet.
        ("He said so, according to CNN's chief White House correspondent Jo Roe.", {"cnn"}),
        # An outlet's own post.
        ("“The attack was staged,” tweeted GQ, echoing many.", {"gq"}),
        ("“The attack was real,” tweeted the New York Times on January 29.", {"nytimes"}),
        # An alias of a wire service.
        (
            "Jets downed a helicopter, Turkey's semiofficial Anatolia News Agency reported.",
            {"anadolu"},
        ),  # fmt: skip
        # A sentence opening "Over at <outlet>,"; an outlet's appearance; more outlet verbs.
        ("Over at National Review, Jo Roe wonders who is worse.", {"national-review"}),
        (
            "But in an MSNBC appearance on Tuesday, the senator called it a slush fund.",
            {"msnbc"},
        ),  # fmt: skip
        (
            "The Washington Post highlighted a senator's charge that funds were moved.",
            {"washington-post"},
        ),  # fmt: skip
        ("Meanwhile, Politico gathered examples of experts who changed course.", {"politico"}),
        (
            "An aide insisted to New York Magazine that the site would be fixed.",
            {"new-york-magazine"},
        ),  # fmt: skip
        # Outlets added to the registry.
        ("The show will air in May, Broadway World reported.", {"broadwayworld"}),
        ("The actor has left the series, according to Deadline.", {"deadline"}),
        # An article before a bare outlet word: an outlet of its own, not half a masthead.
        (
            "The minister said so, according to accounts in the Guardian and the Telegraph.",
            {"the-guardian", "telegraph"},
        ),  # fmt: skip
    ],
)
def test_forms_cited(text: str, outlets: set[str]) -> None:
    assert cited_outlets(text) == outlets


@pytest.mark.parametrize(
    "text",
    [
        # A dated tag of no registered outlet: a press release, a show alone.
        "The group made its case. [MAIG release, 3/5/13] Then it rested.",
        "The host agreed. [Cam & Company, 1/3/13]",
        # A person has more; the governor has more to say.
        "The vote is Tuesday. Jo Roe has more.",
        "The governor has more to say on the matter.",
        # "Over at" a place, an appearance at no outlet.
        "Over at the Pentagon, officials were quiet.",
        "In a White House appearance, the senator spoke.",
        # A transcript's speaker in capitals is no call sign.
        "AMY GOODMAN: And what happens next? JOHN KOZA: Well, the electors meet.",
        "INSKEEP: Is there a sign of change? KAHN: Well, there always has been a question.",
        # Brackets with no date are not dated tags.
        "He said it [the plan, the cost, the Times] was fine.",
    ],
)
def test_forms_that_cite_nothing(text: str) -> None:
    assert not cited_outlets(text)
