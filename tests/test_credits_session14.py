"""Credits read off every unlabelled ABP article (session 14, issue 18: the 535 source credits
of 37,114 articles read by class: articles with several credits, credits mid-text, outlets
credited once, unregistered names, rare cues; and a seed-1403 sample of 195 articles with
credit-like lines). Each test holds a form read wrong or missed. Every text here was written
for these tests; none is copied from an article."""

from __future__ import annotations

import pandas as pd
import pytest
from test_credits_false_forms import _BODY, _source_credits

from provenance.attribution import extract_credits
from provenance.attribution.credits import is_photo_credit

_PROSE = "The committee will meet again next week to vote on the amended budget.\n"


@pytest.mark.parametrize(
    "text",
    [
        # "contributed" inside prose, after "X reporters".
        _BODY + "She criticised a story by two Daily Telegraph reporters which said that poor "
        "planning contributed to the flooding.\n" + _BODY,
        # "based on the X report" inside a sentence, and opening one that goes on.
        _BODY + "The aide wrote a statement on the move, based on the Politico report.\n" + _BODY,
        _BODY + "Based on the Axios report and several other accounts, the senator asked for a "
        "hearing.\n" + _BODY,
        # "read fully" is no "read the full ... at X".
        _BODY + "When read fully, her remarks on the Syria policy look far more careful.\n" + _BODY,
        # Initials of the last words before the bracket.
        "The Canadian Bankers Council (CBC) is asking the regulator for more time.\n" + _BODY,
        # A head whose colon opens a quotation: the quotation's source.
        _BODY + "From Roll Call: “The plan has no support among the leaders yet.”\n" + _PROSE,
        # A head naming no registered outlet: a headline.
        "From Cheap Talk To Real News: How the Campaign Changed\n" + _BODY,
        # A dateline inside an embedded post.
        "Updates from the scene:\nRoads are closed, says the mayor. — Al Poe (@ alpoe) February "
        "3, 2016\nROME (@ AP) - Rescuers reach the last village cut off by the snow. — Jo Roe "
        "(@ jroe) February 3, 2016\n" + _BODY,
        # A list of linked headlines whose neighbour tag names nothing registered.
        _BODY + "The ferry strike ends after six days (S.F.C.)\nA river town votes to rebuild "
        "its old bridge (Reuters)\n",
        # A month-led name (the publisher masked in the corpus): no masthead.
        _BODY + "This essay first appeared in the March 3, 2018, print issue of ███.\n",
    ],
)
def test_forms_that_credit_nothing(text: str) -> None:
    assert _source_credits(text) == set()


def test_a_caption_over_the_text_is_a_photo_credit() -> None:
    text = "Farmers gather outside the grain depot in the northern province in 2016 (Reuters)\n"
    assert _source_credits(text + _BODY) == set()
    arts = pd.DataFrame({"article_id": ["a"], "title": ["T"], "text": [text + _BODY]})
    assert extract_credits(arts)["kind"].tolist() == ["photo"]


def test_a_tag_alone_on_the_first_line_still_credits() -> None:
    assert _source_credits("(Reuters)\n" + _BODY) == {"reuters"}


@pytest.mark.parametrize(
    ("text", "own"),
    [
        (
            _BODY + "This story was reported by Monitor staff writers Jo Roe in Boston and Al Poe "
            "in Denver.\n",
            "christian-science-monitor",
        ),  # fmt: skip
        (_BODY + "Additional reporting by Jo Roe, Al Poe and Post Wires\n", "new-york-post"),
        (
            _BODY
            + "WTOP’s Jo Roe contributed to this report.\n© 2020 WTOP. All Rights Reserved.\n",
            "domain:wtop.com",
        ),  # fmt: skip
        (_BODY + "(© Copyright 2015 CBS Radio Inc. and its subsidiaries.)\n", "cbs-news"),
    ],
)
def test_the_publishers_own_unregistered_names_are_self(text: str, own: str) -> None:
    arts = pd.DataFrame({"article_id": ["a"], "title": ["T"], "text": [text], "outlet_id": [own]})
    assert set(extract_credits(arts)["kind"]) == {"self"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _BODY + "Contributing: Jo Roe of The Lakeside Ledger; Al Poe, The Valley Herald in "
            "Fort Smith, Ark.\n",
            {"The Lakeside Ledger", "The Valley Herald"},
        ),  # fmt: skip
        (
            _BODY + "Jo Roe of Prairie Public Radio, and Hill Country Radio's Al Poe contributed "
            "to this report\n",
            {"Prairie Public Radio", "Hill Country Radio"},
        ),  # fmt: skip
        (
            _BODY + "This story originally appeared on Harbor Flix Insider. Visit the site.\n",
            {"Harbor Flix Insider"},
        ),  # fmt: skip
        (
            _BODY + "This article includes material from The Associated Press, Reuters, and "
            "Bloomberg News.\n",
            {"ap", "reuters", "bloomberg"},
        ),  # fmt: skip
        (
            _BODY + "Fox News' Jo Roe contributed to this report, along with The Associated "
            "Press.\n",
            {"ap"},
        ),  # fmt: skip
        (_BODY + "Contributing: Jo Roe also reports for KXYZ-TV, Tulsa.\n", {"KXYZ-TV"}),
    ],
)
def test_the_outlet_part_of_a_credited_name(text: str, expected: set[str]) -> None:
    assert _source_credits(text) == expected


def test_contributions_that_end_as_credits_do() -> None:
    for tail in (".", " to this report from Denver.", " from Denver.", " including Jo Roe."):
        text = _BODY + f"Associated Press writers Jo Roe and Al Poe contributed{tail}\n"
        assert _source_credits(text) == {"ap"}


def test_compiled_from_reports_still_credits() -> None:
    assert _source_credits(_BODY + "Compiled from Reuters and AFP reports.\n") == {
        "reuters", "afp",
    }  # fmt: skip


def test_photo_words_include_a_credit_colon() -> None:
    assert is_photo_credit("Jo Roe, Al Poe (Credit: NBC News)")
    assert not is_photo_credit("(UrduPoint News / Sputnik - 23rd August, 2021)")
