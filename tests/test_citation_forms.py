"""Citations in the ways real copy names a source that the registry may not know: call signs,
numbered channels, mastheads without a common outlet word, outlets listed together, verbs of
exposure ("exposed by X"), reporters named after their outlet (texts written for these tests)."""

from __future__ import annotations

import pandas as pd
import pytest

from provenance.attribution import extract_citations


def _cited(text: str) -> list[tuple[str | None, str]]:
    arts = pd.DataFrame({"article_id": ["a"], "title": ["T"], "text": [text]})
    found = extract_citations(arts)
    return [
        (None if pd.isna(o) else str(o), str(e))
        for o, e in zip(found["outlet_id"], found["entity_text"], strict=True)
    ]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("The road stays shut until June, according to WQRX , a local station said.", "WQRX"),
        ("The pupil, 15, told KQLM 7 that the fence was cut.", "KQLM 7"),
        ("The board voted twice, Fox 8 Tampa reported on Monday.", "Fox 8 Tampa"),
        ("The toll rose to four, according to Channel 12 .", "Channel 12"),
        ("Two wells ran dry, the Marlow Statesman reported.", "the Marlow Statesman"),
        ("The mayor resigned, The Daily Leader reported.", "The Daily Leader"),
        (
            "The claim first ran in a PineNews.com article, according to PineNews.com .",
            "PineNews.com",
        ),
    ],
)
def test_unregistered_mastheads_by_form(text: str, entity: str) -> None:
    assert (None, entity) in _cited(text)


@pytest.mark.parametrize(
    "text",
    [
        "The rules changed, according to WADA officials.",
        "The rate fell, according to Press Secretary Jane Roe.",
        "The vote is set, according to Rule 11 of the chamber.",
        "The talks went well, according to Secretary Leader Smith.",
    ],
)
def test_names_that_are_no_outlets(text: str) -> None:
    assert _cited(text) == []


def test_a_channel_number_is_kept_only_in_a_channel_name() -> None:
    assert _cited("The minister told CNN 2 days ago that talks had stalled.") == [("cnn", "CNN")]


def test_outlets_listed_after_a_cue_are_each_cited() -> None:
    found = _cited(
        "She described it in interviews with the New York Times , the Washington Post , and "
        "Business Insider ."
    )
    assert [o for o, _ in found] == ["nytimes", "washington-post", "business-insider"]


def test_outlets_listed_before_a_cue_are_each_cited() -> None:
    found = _cited("USA Today and the Harlow Gazette reported that the plant would close.")
    assert [e for _, e in found] == ["USA Today", "the Harlow Gazette"]


def test_a_masthead_with_and_is_one_outlet() -> None:
    found = _cited("The session ended early, according to the Marlow News and Observer .")
    assert [e for _, e in found] == ["the Marlow News"]


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        (
            "The myth was debunked in turn by both Slate and the Washington Post .",
            ["slate", "washington-post"],
        ),
        ("The scheme was exposed by the Boston Globe in 2002.", ["boston-globe"]),
        ("The plan, exposed by the FBI, was dropped.", []),
    ],
)
def test_verbs_of_exposure(text: str, outlets: list[str]) -> None:
    assert [o for o, _ in _cited(text)] == outlets


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The video, as MRCTV ’ s Dan Joseph showed , was cut.", "mrctv"),
        ("Pressed by ABC News’ George Stephanopoulos on Sunday, he paused.", "abc-news"),
        ("He said so to The New York Times ’ s * Jane Roe , published Thursday .", "nytimes"),
    ],
)
def test_a_journalist_named_by_the_outlet(text: str, outlet: str) -> None:
    assert [o for o, _ in _cited(text)] == [outlet]


@pytest.mark.parametrize(
    "text",
    [
        "Trump’s Steve Bannon left the room.",
        "Read my book, “The Truth About Our Nation’s Great Comeback.”",
    ],
)
def test_an_owner_that_is_no_outlet(text: str) -> None:
    assert _cited(text) == []


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("He asked him who he voted for , reports the Washington Post .", ["washington-post"]),
        ("The deal is off, he said, reported Xinhua.", ["xinhua"]),
        ("The plan failed, reported Jane Roe.", []),
        ("The essay was published in The Wall Street Journal . It ran long.", ["wsj"]),
        ("The man who is quoted in the New York Times , '' he said .", ["nytimes"]),
        ("He appeared in Court on Monday.", []),
        ("The Daily Beast headlined , “ A Title ” .", ["daily-beast"]),
        ("The Drudge Report even linked to an article about it.", ["drudge-report"]),
        ("Jane Roe claimed the money was gone.", []),
    ],
)
def test_verbs_after_the_fact_and_outlets_as_subjects(text: str, outlets: list[str]) -> None:
    assert [o for o, _ in _cited(text)] == outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("He said so in an interview with Fox 's Jane Roe .", ["fox-news"]),
        ("The rate fell, according to Fox ’ s data .", ["fox-news"]),
        ("The actor Michael J. Fox told reporters he was fine.", []),
        ("She told Fox Business Network the rate would fall.", ["fox-business"]),
    ],
)
def test_fox_alone_is_fox_news_in_a_citation_frame(text: str, outlets: list[str]) -> None:
    assert [o for o, _ in _cited(text)] == outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("The rate will fall , according to estimates from Bloomberg .", ["bloomberg"]),
        ("Sales rose, according to data compiled by Reuters.", ["reuters"]),
        ("Sales rose, according to figures from the ministry.", []),
        ("She told the German weekly Der Spiegel on Monday that it was over.", ["der-spiegel"]),
        ("He said so on French radio Europe-1 .", ["europe-1"]),
        ("He told the newspaper Monday that he would stay.", []),
    ],
)
def test_data_from_an_outlet_and_a_masthead_after_its_descriptor(
    text: str, outlets: list[str]
) -> None:
    assert [o for o, _ in _cited(text)] == outlets


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("Critics are divided .\nOn Fox News Sunday , anchor Jane Roe asked the mayor twice.",
         ["fox-news"]),
        ("The speech was long. On CNN , John Doe allows that it was weak.", ["cnn"]),
        ("The bill is narrow .\nOn Gizmodo , they also note that one senator is a lawyer.",
         ["gizmodo"]),
        ("On Monday , the mayor said the bill was narrow.", []),
        ("The attack on CNN , and on others , was wrong.", []),
    ],
)  # fmt: skip
def test_a_venue_that_opens_its_sentence(text: str, outlets: list[str]) -> None:
    assert [o for o, _ in _cited(text)] == outlets


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Two witnesses told CNN affiliate WQRX-TV that they heard an alarm.", (None, "WQRX-TV")),
        ("The toll rose, according to ABC affiliate WQRX.", (None, "WQRX")),
        ("The count went on, according to NPR member station KQLM , and ended late.",
         (None, "KQLM")),
        ("“ We will go , ” she told Honolulu ’ s ABC affiliate , KQLM . The rest followed.",
         (None, "KQLM")),
    ],
)  # fmt: skip
def test_a_networks_affiliate_is_its_station(text: str, cited: tuple) -> None:
    assert _cited(text) == [cited]


@pytest.mark.parametrize(
    "text",
    [
        "“ It was my hat , ” he told the local NBC affiliate.",
        "The mayor spoke to the CBS affiliate in Baltimore on Monday, and told the CBS affiliate in "
        "Baltimore that he would stay.",
    ],
)
def test_an_unnamed_affiliate_cites_no_network(text: str) -> None:
    assert _cited(text) == []


def test_a_lead_in_to_a_quoted_passage() -> None:
    text = (
        "The photo surfaced on Friday.\nThe following comes from Breitbart…\nThe senator said so."
    )
    assert _cited(text) == [("breitbart", "Breitbart")]


# Issue 18's classes of citations missed on fresh copy (wire copy, state media, republishers),
# in sentences written for these tests, none from the probe the rules were written against.
@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("Turnout was low, according to accounts in the Guardian and Politico .",
         ["the-guardian", "politico"]),
        ("The ship sank slowly, according to stories in Haaretz .", ["haaretz"]),
        ("According to articles in Le Monde, the plan had been shelved.", ["le-monde"]),
    ],
)  # fmt: skip
def test_according_to_accounts_in_outlets(text: str, outlets: list[str]) -> None:
    assert [o for o, _ in _cited(text)] == outlets


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("In an interview published on Sunday with Kommersant, the envoy said little.",
         "kommersant"),
        ("She spoke of it in an interview released yesterday by Politico .", "politico"),
        ("The minister said so in an interview given to Izvestia .", "izvestia"),
    ],
)  # fmt: skip
def test_interviews_published_released_or_given(text: str, outlet: str) -> None:
    assert [o for o, _ in _cited(text)] == [outlet]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Syria's official news agency said the convoy had been hit.", "sana"),
        ("The Turkish state broadcaster showed the plane landing.", "trt"),
        ("According to the Iranian state news agency , the talks will resume.", "irna"),
        ("China’s state news agency carried the full text of the speech.", "xinhua"),
    ],
)
def test_a_state_outlet_named_by_its_country(text: str, outlet: str) -> None:
    assert [o for o, _ in _cited(text)] == [outlet]


@pytest.mark.parametrize(
    "text",
    [
        # Several state broadcasters, none owned by the government alone: no guess.
        "Russian state television showed the parade.",
        # The name follows: the name is the outlet (one row, read by the other cues).
        "Iran's state news agency IRNA said the talks were over.",
        "The state news agency of an unnamed country said little.",
    ],
)
def test_a_state_outlet_is_not_guessed(text: str) -> None:
    found = [o for o, _ in _cited(text)]
    assert found in ([], ["irna"])


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("“Vedomosti” has learned that the bank will be sold.", "vedomosti"),
        ("The daily «Kommersant» wrote that the deal was off.", "kommersant"),
        ("`` Politico '' noted that the vote was close.", "politico"),
    ],
)
def test_an_outlet_in_quote_marks_as_the_subject(text: str, outlet: str) -> None:
    assert [o for o, _ in _cited(text)] == [outlet]


@pytest.mark.parametrize(
    "text",
    [
        "“Titanic” grossed more than any film before it.",
        "The word “Reuters” is a surname.",
        "“Politico” is what he called the site.",
    ],
)
def test_quote_marks_around_a_name_alone_cite_nothing(text: str) -> None:
    assert _cited(text) == []


def test_an_unregistered_masthead_in_quote_marks_after_its_descriptor() -> None:
    found = _cited("The regional newspaper “Vesti Kuzbassa” reported a second fire.")
    assert found == [(None, "Vesti Kuzbassa")]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("As informs the agency Interfax, the delegation has arrived to Baku.", "interfax"),
        ("As writes the newspaper Izvestia, the bill will be considered in spring.", "izvestia"),
        ("It was transmitted by TASS with reference to the embassy.", "tass"),
        ("The ruble fell, the agency writes with reference to Reuters .", "reuters"),
    ],
)
def test_machine_translated_source_frames(text: str, outlet: str) -> None:
    assert outlet in [o for o, _ in _cited(text)]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("She repeated the charge on the Question Time programme on BBC One .", "bbc"),
        ("He made the remark on a morning show on CBS .", "cbs-news"),
        ("He told `` CBS This Morning '' that the deal was dead.", "cbs-news"),
    ],
)
def test_a_show_and_its_channel(text: str, outlet: str) -> None:
    assert [o for o, _ in _cited(text)] == [outlet]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        # Case variants of registered names: an acronym written as a word.
        ("The general told Ria Novosti that the bridge was intact.", ("ria-novosti", "Ria Novosti")),
        # A short form resolved through the full name earlier in the text.
        ("The Wall Street Journal broke the story. The Journal reports that two banks will merge.",
         ("wsj", "The Journal")),
        # A registered name glued to a longer word is no mention of it.
        ("The dam failed, The Harlow News-Press reported .", (None, "The Harlow News-Press")),
        # An outlet's data, and a channel of the outlet.
        ("Stocks fell 3 percent, according to Reuters data .", ("reuters", "Reuters")),
    ],
)  # fmt: skip
def test_variants_short_forms_and_glued_names(text: str, cited: tuple) -> None:
    assert cited in _cited(text)


def test_the_journal_alone_is_no_outlet() -> None:
    assert _cited("The Journal reports that two banks will merge.") == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # The interview noun with whatever stands before it.
        ("In her interview with NPR , the governor conceded the point.", "npr"),
        ("He repeated it during a televised interview on Tuesday with CNN .", "cnn"),
        ("She said so in a 2016 radio interview with Fox News .", "fox-news"),
        ("He gave an interview to Politico on the eve of the vote.", "politico"),
        # An outlet before the noun when the interview was with a person.
        ("Critics seized on the senator's CNN interview with Jane Roe .", "cnn"),
    ],
)
def test_the_interview_noun(text: str, outlet: str) -> None:
    assert [o for o, _ in _cited(text)] == [outlet]


@pytest.mark.parametrize(
    "text",
    [
        "In an interview with the candidate, the board asked about money.",
        "She had a job interview with a bank on Monday.",
    ],
)
def test_an_interview_with_no_outlet(text: str) -> None:
    assert _cited(text) == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # A passage's source opening a sentence inside its line.
        ("The deal is close, aides say . From Politico : The talks went late.", "politico"),
        # Modifiers before the media noun.
        ("In a 2012 campaign piece for Slate , she backed the plan.", "slate"),
        ("It was cut, according to a scathing front-page editorial in the Boston Globe .",
         "boston-globe"),
        # A journalist of the outlet, tokenised possessive, or named between.
        ("The Washington Post 's fact-checker gave it four Pinocchios.", "washington-post"),
        # (Session 10: "..., was there" became "..., wrote": staff only present are no
        # citation, see test_citation_precision_forms.)
        ("The correspondent, Jane Roe of the Boston Globe, wrote that it rained.", "boston-globe"),
    ],
)  # fmt: skip
def test_sources_of_passages_profiles_and_journalists(text: str, outlet: str) -> None:
    assert [o for o, _ in _cited(text)] == [outlet]


def test_a_line_opening_from_x_is_a_credit_not_a_citation() -> None:
    assert _cited("Read on.\nFrom Politico : The talks went late.") == []


def test_a_story_of_an_outlet_on_a_day() -> None:
    found = _cited("The host was criticised again in a Washington Post story on Monday .")
    assert [o for o, _ in found] == ["washington-post"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # Outlets the unlabelled ABP sample named without the registry knowing them.
        ("The senator's aide told Roll Call that the vote would slip.", "roll-call"),
        ("Two more ads were booked, according to Ad Age .", "ad-age"),
        ("A former official told TheDCNF that the files were moved.", "daily-caller"),
        ("The board met twice, reported MassLive .", "masslive"),
        ("A spokesman told ThinkProgress that the rule was final.", "thinkprogress"),
    ],
)
def test_registered_outlets_seen_in_unlabelled_copy(text: str, outlet: str) -> None:
    assert [o for o, _ in _cited(text)] == [outlet]
