"""Attribution on the forms of real copy: tokenised text, photo credits, acronyms, self-credits,
credits in the head and the tail of a text (texts written for these tests)."""

from __future__ import annotations

import pandas as pd
import pytest

from provenance.attribution import extract_citations, extract_credits
from provenance.attribution._detok import detokenise
from provenance.chains.links import build_links
from provenance.quotes import extract_quotes


def _arts(*texts: str, outlet_id: str | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(texts))],
            "title": ["T"] * len(texts),
            "text": list(texts),
        }
    )
    if outlet_id is not None:
        frame["outlet_id"] = outlet_id
    frame["published"] = "2024-01-01"
    return frame


TOKENISED = (
    "WASHINGTON ( AP ) — The senator , a Democrat , spoke on Monday .\n"
    "“ We are ready , ” Sen. Jane Okafor said . `` It is time , '' she added .\n"
    "The plan was her predecessor 's , aides said ."
)


def test_tokenised_text_gives_quotes_speakers_and_credits_with_original_offsets():
    quotes = extract_quotes(_arts(TOKENISED))
    assert quotes["speaker"].tolist() == ["Jane Okafor", "Jane Okafor"]
    for row in quotes.itertuples():
        # The span points into the original (tokenised) text and holds the quote's words.
        original = TOKENISED[row.span_start : row.span_end]
        assert original.replace(" ", "").startswith(row.text.replace(" ", "")[:8])
    credits = extract_credits(_arts(TOKENISED))
    assert credits[["kind", "outlet_id"]].values.tolist() == [["dateline", "ap"]]
    assert TOKENISED[credits.span_start[0] : credits.span_end[0]] == "WASHINGTON ( AP )"


def test_detokenise_leaves_written_text_alone():
    text = 'He said, "We are ready," and left. It was his; the plan (AP) held.'
    assert detokenise(text) == (text, None)


@pytest.mark.parametrize(
    "text",
    [
        "Lev Parnas leaves court in New York. (Brendan McDermid/Reuters)\nThe hearing went on.",
        "Protesters march in the capital. (AP Photo/Evan Vucci)\nThe march went on.",
        "A file picture of the plant. [Jane Doe/ Reuters]\nThe plant closed.",
        "Rescuers at work. JOHN MACDOUGALL/AFP/Getty Images\nThe search went on.",
        "© REUTERS / Maxim Shemetov\nThe talks went on.",
    ],
)
def test_photo_credits_are_their_own_kind_and_no_link(text):
    credits = extract_credits(_arts(text))
    assert set(credits["kind"]) <= {"photo"}
    arts = _arts(text).assign(outlet_id="example", url="https://example.com/a")
    links = build_links(arts, credits=credits)
    assert links.empty


def test_parenthesised_acronyms_mid_text_are_no_credits():
    text = (
        "The raids went on.\n"
        "Agents of Immigration and Customs Enforcement (ICE).\n"
        "The treaty is the Strategic Arms Reduction Treaty (START).\n"
        "Read the full filing here (PDF).\n"
        "The talks went on for a week.\nNo deal was reached.\nThe envoys left."
    )
    assert extract_credits(_arts(text)).empty


def test_unregistered_agency_acronyms_still_credit_in_a_dateline_or_at_the_end():
    credits = extract_credits(_arts("LAGOS (QNS) - Officials met.", "Officials met.\n\n— QNS"))
    assert credits["entity_text"].tolist() == ["QNS", "QNS"]


def test_self_credit_is_marked_and_gives_no_republication():
    arts = _arts("WASHINGTON (CNN) — The senator spoke on Monday.", outlet_id="cnn")
    credits = extract_credits(arts)
    assert credits[["kind", "outlet_id"]].values.tolist() == [["self", "cnn"]]
    assert build_links(arts.assign(url="https://cnn.com/a"), credits=credits).empty


@pytest.mark.parametrize(
    ("text", "kind", "entity"),
    [
        (
            "Swedish PM speaks JANUARY 17, 2018 / 9:06 AM Reuters Staff STOCKHOLM (Reuters) – "
            "Sweden will act.",
            "dateline",
            "Reuters",
        ),
        ("MOSCOW, 1 Sep - TASS. The minister said the talks went well.", "dateline", "TASS"),
        ("This report was originally published by Jane Doe at Infowars", "originally_published",
         "Infowars"),
        ("Talks went on.\nArticle posted with permission from The Free Thought Project",
         "republished", "The Free Thought Project"),
        ("Talks went on.\nReprinted from The Duran.", "republished", "The Duran"),
        ("Talks went on.\n©2018 The Virginian-Pilot (Norfolk, Va.)", "source_line",
         "The Virginian-Pilot"),
        ("Talks went on.\nDistributed by Tribune Content Agency, LLC.", "source_line",
         "Tribune Content Agency"),
        ("Talks went on.\nAssociated Press writer Jane Doe in Lagos contributed.", "tagline",
         "Associated Press"),
        ("Talks went on.\nTo continue reading Jane Doe's column in the New York Post, click here.",
         "originally_published", "the New York Post"),
    ],
)  # fmt: skip
def test_credits_in_the_head_and_tail_of_real_copy(text, kind, entity):
    credits = extract_credits(_arts(text))
    assert credits[["kind", "entity_text"]].values.tolist()[:1] == [[kind, entity]]


def test_headline_lists_and_block_markers_mid_text_are_no_credits():
    text = (
        "Here is a rundown of the headlines:\n"
        "Surge linked to rally - the New York Times\n"
        "Official: rally likely source of surge - Associated Press\n"
        "Meanwhile the data showed more.\n–Bloomberg\n"
        "The city said it would respond.\nMore tests were ordered.\nThe rally organisers declined."
    )
    assert extract_credits(_arts(text)).empty


def test_citations_still_read_tokenised_text():
    text = "The plan , which was first reported by the Wall Street Journal , is new , he said ."
    cits = extract_citations(_arts(text))
    assert cits["outlet_id"].tolist() == ["wsj"]


@pytest.mark.parametrize(
    ("text", "kind", "outlet"),
    [
        ("Conway said in 2005 on MSNBC that the plan would fail.", "interview", "msnbc"),
        ("Cheney appeared on “Fox News Sunday” to defend the plan.", "interview", "fox-news"),
        ("Cameron told NBC News Tuesday evening that the fight would be long.", "interview",
         "nbc-news"),
        ("The talks in Cairo brought one result, Haaretz reports.", "report", "haaretz"),
        ("The order was obtained Wednesday by Britain's Guardian newspaper.", "report",
         "the-guardian"),
        ("Crime rose, according to a report this year by USA Today.", "report", "usa-today"),
        ("He was quoted in a New Yorker article last week.", "report", "the-new-yorker"),
        ("The law violates the act (via Associated Press): the ruling said so.", "citing", "ap"),
    ],
)  # fmt: skip
def test_citation_forms_of_real_copy(text, kind, outlet):
    cits = extract_citations(_arts(text))
    assert cits[["kind", "outlet_id"]].values.tolist() == [[kind, outlet]]


def test_venue_needs_speech_and_short_forms_follow_the_article():
    assert extract_citations(_arts("The attacks on CNN went on for a month.")).empty
    text = "The New York Times reported the deal. Later the Times said it would follow up."
    assert set(extract_citations(_arts(text))["outlet_id"]) == {"nytimes"}


def test_a_name_repeated_by_page_residue_is_cut_at_the_repeat():
    from provenance.attribution.speakers import clean_name

    assert clean_name("Paul Ryan Paul Davis RyanDemocrats") == "Paul Ryan"
    assert clean_name("Faisal bin Abdulrahman Al Saud") == "Faisal bin Abdulrahman Al Saud"
