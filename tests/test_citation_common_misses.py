"""Citations in the COMMON kinds of miss of a fresh unlabelled sample (session 9: the "read"
half of tests/eval/frame_sample.py's seeded sample, 1,489 ABP articles at positions < 20,000,
every labelled id skipped): 171 framed sentences with no citation named a registered outlet,
and the largest classes were an aside or a time between the outlet and its verb, a state
agency's descriptor after its name, "per X", "reported for X", reporting and media polls "by
X", TV shows named without their network, and outlets missing from the registry. Every
sentence here was written for these tests in varied wording; none is copied from an article."""

from __future__ import annotations

import pytest
from test_citation_fresh_forms import cited_outlets as _cited


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        # A time, an adverb or an aside between the outlet and its verb.
        ("The Los Angeles Times on Thursday reported that the dam had cracked.", {"la-times"}),
        ("The Wall Street Journal separately reported that the bank would cut jobs.", {"wsj"}),
        (
            "Politico, which obtained a copy of the draft, reported that the plan was shelved.",
            {"politico"},
        ),
        (
            "CNN, citing two U.S. officials briefed on the matter, reported the strike was delayed.",
            {"cnn"},
        ),
        (
            "The Independent, a frequent critic of the minister, reported that he had misled MPs.",
            {"the-independent"},
        ),
        (
            "Reuters and The Independent have reported that the talks collapsed.",
            {"reuters", "the-independent"},
        ),  # fmt: skip
        # A state agency's descriptor after its name.
        (
            "Two soldiers were wounded near the border, the IRNA state news agency reported.",
            {"irna"},
        ),  # fmt: skip
        ("The talks will resume in May, the KCNA official news agency said.", {"kcna"}),
        ("The flight landed safely in Urumqi, Xinhua state news agency said.", {"xinhua"}),
        # "per X" and "reported for X".
        ("The deal is worth about $2 billion, per Bloomberg.", {"bloomberg"}),
        ("Per The Washington Post, the meeting lasted two hours.", {"washington-post"}),
        ("Jane Roe reports for NPR from Kyiv that the shelling has stopped.", {"npr"}),
        (
            "As Sam Lee reported for The Atlantic last year, the program was never funded.",
            {"the-atlantic"},
        ),  # fmt: skip
        # Reporting, research and a media poll "by X".
        (
            "According to reporting by The New York Times, the agency ignored the warnings.",
            {"nytimes"},
        ),  # fmt: skip
        ("Support fell to 41 percent in a survey conducted by CBS News last month.", {"cbs-news"}),
        ("According to research from NPR, few states had hired enough tracers.", {"npr"}),
        # The outlet quoted or interviewed people; a statement given to it; an Op-Ed in it.
        (
            "The Financial Times quoted two executives who said the sale was off.",
            {"financial-times"},
        ),  # fmt: skip
        ("NPR interviewed voters in three counties before the primary.", {"npr"}),
        ("“We did nothing wrong,” the company said in its statement to Reuters.", {"reuters"}),
        ("She published an Op-Ed in The Washington Post urging a ceasefire.", {"washington-post"}),
        # A channel named with its number.
        ("“The border crossing is closed,” France 24 reported.", {"france24"}),
    ],
)
def test_common_forms_of_fresh_copy(text: str, outlets: set[str]) -> None:
    assert outlets <= _cited(text)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # TV and radio shows named without their network: labelled as the network
        # (tests/eval/real_attribution/README.md, "TV shows as interview venues").
        ("The senator said on Meet the Press that the bill was dead.", "nbc-news"),
        ("Speaking on Fox & Friends, the governor defended the order.", "fox-news"),
        ("She told Face the Nation that she would not run again.", "cbs-news"),
        ("In an interview with Good Morning America, he apologized to the family.", "abc-news"),
        ("He appeared on Morning Joe on Tuesday to defend the budget.", "msnbc"),
        ("The minister told BBC Newsnight that the vote would be held.", "bbc"),
        ("“We are not there yet,” she said on All Things Considered.", "npr"),
        # Outlets the registry lacked.
        ("The county sold the records to marketers, a spokesman told Motherboard.", "motherboard"),
        ("The quarterback will miss the season, according to ESPN.", "espn"),
        (
            "He said in an interview with The Young Turks that he backed the plan.",
            "the-young-turks",
        ),  # fmt: skip
        ("A protest organizer told OPB that the march would go ahead.", "opb"),
    ],
)
def test_shows_and_outlets_the_registry_gained(text: str, outlet: str) -> None:
    assert outlet in _cited(text)


@pytest.mark.parametrize(
    "text",
    [
        "Smith, a former customs official, reported that the shipment had arrived.",
        "The senator on Tuesday said he would retire at the end of his term.",
        "Prices rose 3 per cent in March, and tickets cost $40 per seat.",
        "The budget grew, per Trump's order, by a tenth.",
        "Soldiers reported for duty at Fort Bragg on Monday.",
        "The program reported for Congress on the matter twice a year.",
        "According to research by Stanford University, the drug works.",
        "An investigation conducted by the FBI found no wrongdoing.",
        "The senator quoted Lincoln in his speech to the convention.",
        "The Young Turks seized power in Constantinople in 1908.",
        "He watched the State of the Union at home with his family.",
    ],
)
def test_look_alikes_cite_nothing(text: str) -> None:
    assert _cited(text) == set()
