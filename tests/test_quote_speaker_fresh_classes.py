"""Quote speakers by class of miss common to the read splits and a fresh unlabelled ABP sample
(session 10, issue 18): names as written (middle initials, "Jr.", a firm's "&", The Hill's
link tooltips after surnames with inner capitals), a document that is the object of a named
person's sentence, the antecedent of he/she (a name after its place and party words, a pronoun
that belongs to another person, a place that owns a noun), a name set off by dashes before any
verb. The sentences are written for these tests; no article text is copied.
"""

from __future__ import annotations

import pandas as pd
import pytest

from provenance.quotes import extract_quotes


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    arts = pd.DataFrame({"article_id": ["a"], "title": ["T"], "text": [text]})
    rows = extract_quotes(arts)
    rows = rows[rows["field"].eq("text")]
    return [
        tuple(None if pd.isna(v) else v for v in row)
        for row in rows[["speaker", "speaker_role"]].itertuples(index=False)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # a middle initial inside the name (was cut to "Harold")
        ("“This is more of the same,” Rep. Harold T. Winslow of Ostland said.",
         "Harold T. Winslow", "Rep."),
        # a generational suffix with its full stop before the verb (was no speaker)
        ("“We are not done yet,” Education Secretary Paul B. Keane Jr. said on Monday.",
         "Paul B. Keane Jr.", "Education Secretary"),
        # an ampersand in the firm named before the role (was "Arnold")
        ("“They loved a good joke,” said Arnold & Ferris lawyer Lisa S. Bratt, a former clerk.",
         "Lisa S. Bratt", "Arnold & Ferris lawyer"),
        # a link tooltip after a surname with an inner capital (was no speaker)
        ("The plan was debated for hours. Senate leader Ron McAllister Ronald (Ron) Lee "
         "McAllisterGOP senators balk at a long trial MORE (R-Ky.) said the plan “will not pass "
         "this year.”", "Ron McAllister", "Senate leader"),
    ],
)  # fmt: skip
def test_names_as_written(text: str, speaker: str, role: str) -> None:
    assert _speakers(text) == [(speaker, role)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Sen. Patrick Lyle, the Ostland Democrat who heads the Judiciary Committee, issued a "
         "statement, saying, “I am very troubled by these reports and want answers.”",
         "Patrick Lyle"),
        ("Republican Senator Bill Casner also praised the bill, saying “working families across "
         "the nation will be better off with it.”", "Bill Casner"),
        ("Governor Ann Reyes signed the order on Friday, saying it “will keep the border open for "
         "trade.”", "Ann Reyes"),
        # an institution's statement, a statement opening its sentence, a joint statement of two
        # people: the document stays the speaker
        ("The ministry issued a statement on Monday, saying “the talks were useful and will go "
         "on.”", "a statement"),
        ("A joint statement issued by the two ministers on Friday, stating that “the border "
         "will stay open for trade.”", "A joint statement"),
        ("President Lidia Marek and President Jonas Aberg signed a joint statement, stating that "
         "both would hold “a regular dialogue that will be deliberate.”", "a joint statement"),
    ],
)  # fmt: skip
def test_document_as_the_object_of_a_named_person(text: str, speaker: str) -> None:
    assert _speakers(text)[0][0] == speaker


def test_he_reaches_a_name_after_its_place_and_party_words() -> None:
    # (was "Barack Obama": "New Jersey Democrat Cory Booker" was no subject)
    text = (
        "President Barack Obama wrote an op-ed on the bill. “It needs to stop now,” the "
        "President wrote.\nThe newest member of the Senate, Ostland Democrat Cory Bowker, who was "
        "sworn in last week, has defended the bill.\nHe said on Twitter he will support it, "
        "“Absolutely, unequivocally, proudly with gusto.”"
    )
    assert [s for s, _ in _speakers(text)] == ["Barack Obama", "Cory Bowker"]


def test_a_pronoun_after_another_person_gives_no_gender() -> None:
    # "she" after Patten is Lam's: Patten stays a candidate for "he" (was "Hong")
    text = (
        "Hong Kong leader Carrie Lam defended the police.\nHong Kong’s last governor, Chris "
        "Patten, assailed Lam for her handling of the crisis, warning that things would get "
        "worse unless she started to negotiate.\n“The way forward is to engage with the "
        "demonstrators,” he told Sky News."
    )
    assert _speakers(text)[0][0] == "Chris Patten"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("That same day, radio host Dana Whitcomb — who has mocked the protesters for weeks — "
         "called the mayor a “total disgrace” and a “coward.”", "Dana Whitcomb"),
        ("Author Lena Marsh — one of the few writers to defend the program, labels its critics "
         "“armchair generals with no plan at all.”", "Lena Marsh"),
        ("Columnist Nora Feld, who covers the tax beat for the paper, offers up a strange take on "
         "the plan: that it favors “passive” income.", "Nora Feld"),
        # a present tense right after a bare name is as often a plural noun: no speaker
        ("At the rally, Dale Hurst supporters chanted “lock him up” for ten minutes.", None),
    ],
)  # fmt: skip
def test_name_set_off_before_any_verb(text: str, speaker: str | None) -> None:
    assert _speakers(text)[0][0] == speaker


def test_she_is_no_place_named_between() -> None:
    # "Kelling Market" stood as the subject nearest to "she" (was the speaker)
    text = (
        "UK Prime Minister Ann Mora said the attackers at Ostbridge Station and Kelling Market "
        "were known to police. She also confirmed that they had no links to earlier attacks.\n"
        "“In terms of their planning, the recent attacks are not connected,” she said."
    )
    assert _speakers(text)[0][0] == "Ann Mora"


@pytest.mark.parametrize(
    ("middle", "speaker"),
    [
        # the previous paragraph's speaker, named without a role: "the senator" continues her
        ("Senators Mark Kirby of Illinois and Susan Colley of Maine backed it too.\nColley said "
         "Monday that she hopes to get enough votes.", "Susan Colley"),
        # a previous speaker whose role has no such noun: the senator named before
        ("Mayor Ann Reyes said Monday that she hopes to get enough votes.", "Hollis"),
    ],
)  # fmt: skip
def test_the_role_continues_the_previous_paragraphs_speaker(middle: str, speaker: str) -> None:
    text = (
        f"Sen. Dean Hollis, R-Nevada, announced his support Monday.\n{middle}\n“I think that it "
        "was Republican votes that made the difference tonight,” the senator said."
    )
    assert _speakers(text)[0][0] == speaker
