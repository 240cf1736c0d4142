"""Credits and citations: the seed article exactly, house styles, traps, contract.

Article texts here are synthetic (written for these tests in wire-copy style)."""

from __future__ import annotations

import pandas as pd
import pytest

from provenance.attribution import (
    dateline_fields,
    extract_citations,
    extract_credits,
)
from provenance.outlets import load_registry
from provenance.schema import validate


def _arts(*texts: str, title: str = "T") -> pd.DataFrame:
    return pd.DataFrame(
        {"article_id": [f"a{i}" for i in range(len(texts))], "title": title, "text": list(texts)}
    )


@pytest.mark.parametrize(
    ("text", "outlet", "place", "date"),
    [
        (
            "WASHINGTON, Aug 23 (Reuters) - The U.S. Senate voted on Monday.",
            "reuters",
            "WASHINGTON",
            None,
        ),
        ("WASHINGTON (AP) — The U.S. Senate voted on Monday.", "ap", "WASHINGTON", None),
        ("Paris (AFP) - French police said on Monday ...", "afp", "Paris", None),
        ("BEIJING, Aug. 23 (Xinhua) -- China on Monday said ...", "xinhua", "BEIJING", None),
        ("MOSCOW, August 23. /TASS/. Russia will continue ...", "tass", "MOSCOW", None),
        (
            "ISLAMABAD, Aug 23 (APP): Prime Minister Imran Khan said ...",
            "app-pakistan",
            "ISLAMABAD",
            None,
        ),
        ("New Delhi, Aug 23 (PTI) The government on Monday said ...", "pti", "New Delhi", None),
        ("Berlin (dpa) - Germany's Chancellor said on Monday ...", "dpa", "Berlin", None),
        ("ANKARA (AA) - Turkey's foreign minister said on Monday ...", "anadolu", "ANKARA", None),
        ("MOSCOW (Sputnik) - The Russian Defense Ministry said ...", "sputnik", "MOSCOW", None),
        ("MOSCOW, August 23 (RIA Novosti) - Russia said ...", "ria-novosti", "MOSCOW", None),
        (
            "BEIJING (UrduPoint News / Xinhua - 12th March, 2020) China said ...",
            "xinhua",
            "BEIJING",
            "2020-03-12",
        ),
    ],
)
def test_dateline_house_styles(text, outlet, place, date):
    credits = extract_credits(_arts(text))
    assert credits[["kind", "outlet_id", "place"]].values.tolist() == [["dateline", outlet, place]]
    got = credits.credit_date[0]
    assert (None if pd.isna(got) else got) == date


def test_year_of_a_dateline_date_comes_from_published():
    arts = _arts("WASHINGTON, Aug 23 (Reuters) - Senators voted.").assign(
        published=["2021-08-23T10:00:00Z"]
    )
    assert extract_credits(arts).credit_date.tolist() == ["2021-08-23"]


@pytest.mark.parametrize(
    ("text", "kind", "outlet"),
    [
        ("The ministry said talks would resume.\n\n— AFP", "agency_tag", "afp"),
        ("China opened a new bridge on Monday. [Xinhua]", "agency_tag", "xinhua"),
        ("Talks will resume in May.\n\nSource: TASS", "source_line", "tass"),
        ("The court adjourned the case. (With inputs from PTI)", "inputs_from", "pti"),
        ("This article originally appeared on Reuters.", "originally_published", "reuters"),
        ("Republished with permission from Anadolu Agency.", "republished", "anadolu"),
        ("By Web Desk | APP\n\nThe cabinet met on Monday.", "byline", "app-pakistan"),
        (
            "Officials met on Monday.\n\nThe Associated Press contributed to this report.",
            "tagline",
            "ap",
        ),
    ],
)
def test_credit_lines(text, kind, outlet):
    credits = extract_credits(_arts(text))
    assert credits[["kind", "outlet_id"]].values.tolist() == [[kind, outlet]]


def test_unregistered_credits_keep_the_name():
    credits = extract_credits(
        _arts("LAGOS (QNS) - Officials said ...", "Source: the Daily Clarion")
    )
    assert credits.entity_text.tolist() == ["QNS", "the Daily Clarion"]
    assert credits.outlet_id.isna().all()


def test_credit_traps_give_nothing():
    traps = [
        "Russia said the Sputnik V vaccine was safe. (Reporting by Jane Doe; Editing by Tim Roe)",
        "The Kremlin (Moscow) said talks had stalled.",
        "By Monday, prices had fallen by 3 percent.",
        "He said the test was done by RT-PCR - officials.",
    ]
    assert extract_credits(_arts(*traps)).empty


@pytest.mark.parametrize(
    ("text", "kind", "outlet", "speaker"),
    [
        ("Peskov told Reuters on Monday that talks were over.", "interview", "reuters", "Peskov"),
        (
            "The minister said in an interview with the Associated Press that ...",
            "interview",
            "ap",
            "The minister",
        ),
        ("China will respond, according to Xinhua.", "report", "xinhua", None),
        ("TASS reported that the meeting ended.", "report", "tass", None),
        ("Talks failed, as reported by Anadolu Agency.", "report", "anadolu", None),
        (
            "RIA Novosti quoted Dmitry Peskov as saying that ...",
            "quoted",
            "ria-novosti",
            "Dmitry Peskov",
        ),
        ("Prices rose, Xinhua said, citing the statistics bureau.", "report", "xinhua", None),
        ("Prices rose, citing Reuters.", "citing", "reuters", None),
        ("Zakharova said in a statement to TASS that ...", "statement", "tass", "Zakharova"),
        ("Jane Roe wrote in an op-ed for the Daily Clarion that ...", "op_ed", None, "Jane Roe"),
        (
            "Sputnik's correspondent in Kabul said the airport was closed.",
            "correspondent",
            "sputnik",
            None,
        ),
    ],
)
def test_citation_cues(text, kind, outlet, speaker):
    cits = extract_citations(_arts(text))
    assert len(cits) == 1, cits
    row = cits.iloc[0]
    assert row.kind == kind
    assert (row.outlet_id if row.outlet_id is not pd.NA else None) == outlet
    assert (row.speaker if row.speaker is not pd.NA else None) == speaker


def test_citation_traps_give_nothing():
    traps = [
        "Such comparisons, according to Lavrov, are irrelevant.",
        "Lavrov told reporters in Moscow that the talks were useful.",
        "According to White House Press Secretary Jen Psaki, talks will go on.",
        "Officials said the Sputnik V vaccine was safe, according to health officials.",
        "A Reuters Institute study found trust in news fell.",
        "Lavrov said the talks were useful.",
    ]
    assert extract_citations(_arts(*traps)).empty


def test_inputs_are_validated():
    with pytest.raises(TypeError):
        extract_credits(["not a frame"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="text"):
        extract_citations(pd.DataFrame({"article_id": ["a"], "title": ["t"]}))
    with pytest.raises(TypeError):
        extract_credits(_arts("x"), registry="reuters")


def test_missing_text_and_empty_input():
    arts = pd.DataFrame({"article_id": ["a", "b"], "title": [None, "t"], "text": [None, ""]})
    for table, fn in (("credits", extract_credits), ("citations", extract_citations)):
        out = fn(arts)
        validate(out, table)
        assert out.empty
    assert dateline_fields(extract_credits(arts)).empty


def test_deterministic_and_independent_of_row_order():
    texts = [
        "MOSCOW (Sputnik) - Lavrov told TASS in an interview ...",
        "WASHINGTON (AP) — Officials spoke to Reuters. Source: AFP",
        "Beijing, Aug 2 (Xinhua) -- China said, citing CGTN ...",
    ]
    arts = _arts(*texts)
    reg = load_registry()
    for fn in (extract_credits, extract_citations):
        first = fn(arts, reg)
        again = fn(arts.iloc[::-1].reset_index(drop=True), reg)
        pd.testing.assert_frame_equal(first, again)


@pytest.mark.parametrize(
    ("text", "kind", "outlets"),
    [
        ("Talks resumed on Friday.\n\nCompiled from Reuters and AFP reports.", "inputs_from",
         ["reuters", "afp"]),
        ("Prices rose.\n\nBased on TASS dispatches.", "inputs_from", ["tass"]),
        ("The plan was shelved.\n\nTranslated from the German original published in Der Spiegel.",
         "originally_published", ["der-spiegel"]),
        ("NAIROBI, Reuters -- Kenya's parliament voted on Tuesday.", "dateline", ["reuters"]),
        ("Talks resumed.\n\nAdditional reporting by Reuters.", "inputs_from", ["reuters"]),
        ("Talks resumed.\n\nWith reporting from AFP and dpa.", "inputs_from", ["afp", "dpa"]),
        ("Talks resumed.\n\nMaterial from TASS was used in this report.", "inputs_from",
         ["tass"]),
        ("Talks resumed.\n\nReuters contributed reporting.", "tagline", ["reuters"]),
    ],
)  # fmt: skip
def test_compiled_translated_and_bare_dateline_credits(text, kind, outlets):
    credits = extract_credits(_arts(text))
    assert credits.kind.tolist() == [kind] * len(outlets)
    assert credits.outlet_id.tolist() == outlets


def test_bare_dateline_traps_give_nothing():
    traps = [
        "LONDON, UK - Prices rose again in March.",  # a country, not an agency acronym
        "Officials met.\n\nPARIS, France -- the talks went on.",  # not the first line
        "Translated from Russian by the author.",
        "Talks resumed.\n\nWith reporting by Jane Doe in Lagos.",  # a person, not an outlet
    ]
    assert extract_credits(_arts(*traps)).empty


def test_interview_cues_spoke_to_and_an_outlets_programme():
    cits = extract_citations(
        _arts(
            "Mayor Anna Berg spoke to Reuters from Kyiv on Sunday.",
            'Minister Tom Hale defended the cuts. "We had no choice," he told the BBC\'s '
            "Newsnight programme.",
        )
    )
    assert cits[["kind", "outlet_id", "speaker"]].values.tolist() == [
        ["interview", "reuters", "Anna Berg"],
        ["interview", "bbc", "Tom Hale"],
    ]


def test_back_references_and_report_nouns_are_no_citations():
    traps = [
        "The newspaper cited an internal memo describing the losses.",
        "Officials met on Friday.\n\nCompiled from Reuters and AP reports.",
    ]
    assert extract_citations(_arts(*traps)).empty


def test_citation_speaker_with_a_long_role_and_a_non_ascii_name():
    text = (
        "Its chairman, Joaquín Ibáñez de la Torre, told Reuters that the cooperative would "
        "not survive another dry year."
    )
    (speaker,) = extract_citations(_arts(text)).speaker.tolist()
    assert speaker == "Joaquín Ibáñez de la Torre"
    text = (
        "Oksana Hrytsenko, deputy head of the Kharkiv-based Institute for Regional Energy "
        "Studies, told Reuters that the grid was holding."
    )
    assert extract_citations(_arts(text)).speaker.tolist() == ["Oksana Hrytsenko"]
