"""Credits on wire and state-media copy (session 16, issue 18: precision on credit-rich text, a
seed-1613 sample of 130 articles and probes of the issue's page styles). Each test holds one
form; every text here was written for these tests, none is copied from an article."""

from __future__ import annotations

import pandas as pd
from test_credits_false_forms import _BODY, _source_credits

from provenance.attribution import extract_credits


def _kinds(text: str, outlet_id: str | None = None) -> set[tuple[str, str]]:
    """(kind, outlet id or entity) of every credit row, self and photo rows included."""
    arts = pd.DataFrame({"article_id": ["a"], "title": ["T"], "text": [text],
                         "published": ["2024-01-01"], "outlet_id": [outlet_id]})  # fmt: skip
    credits = extract_credits(arts)
    return {(str(k), str(e) if pd.isna(o) else str(o))
            for k, o, e in zip(credits["kind"], credits["outlet_id"], credits["entity_text"],
                               strict=True)}  # fmt: skip


def test_reports_citing_credits_a_text_with_no_other_credit() -> None:
    text = "The port reopened on Friday, the website reports citing TASS.\n" + _BODY
    assert _source_credits(text) == {"tass"}


def test_reports_citing_is_a_citation_under_a_credit_line() -> None:
    # The copy's source is the credit line; the first sentence cites the agency.
    lead = "The port reopened on Friday, the newspaper reports citing TASS.\n"
    assert _source_credits(lead + _BODY + "© 2023 Sputnik\n") == {"sputnik"}
    assert _source_credits(lead + _BODY + "Source: Sputnik\n") == {"sputnik"}
    assert _source_credits(lead + _BODY + "— Sputnik\n") == {"sputnik"}


def test_reports_citing_stays_beside_a_photo_credit() -> None:
    text = "The port reopened on Friday, the website reports citing TASS.\n" + _BODY
    text += "© Sputnik / Jo Roe\n"
    assert _source_credits(text) == {"tass"}


def test_republisher_dateline_naming_its_sister_site_is_self() -> None:
    dateline = "ISLAMABAD, (UrduPoint / Pakistan Point News - 4th Mar, 2022) The port reopened.\n"
    assert _source_credits(dateline + _BODY, "urdupoint") == set()
    assert ("self", "pakistan-point") in _kinds(dateline + _BODY, "urdupoint")


def test_wire_before_a_spaced_dash_in_dateline_brackets() -> None:
    text = "LAHORE, (APP - UrduPoint / Pakistan Point News - 4th Mar, 2022) The port reopened.\n"
    assert _source_credits(text + _BODY, "urdupoint") == {"app-pakistan"}


def test_ani_dateline_with_the_country_in_brackets() -> None:
    text = "New Delhi [India], March 4 (ANI): The port reopened on Friday.\n" + _BODY
    assert _source_credits(text) == {"ani"}
    assert _source_credits(text.replace("[India]", "(India)")) == {"ani"}


def test_long_contributing_line_keeps_its_last_outlet() -> None:
    names = ("Jolene Roeberg", "Alistair Poeman", "Danica Moeller", "Ferdinand Loewe",
             "Gwendolyn Hartwell", "Maximilian Ostrander", "Rosalind Featherstone",
             "Bartholomew Quincey", "Cornelius Whitfield", "Evangeline Ashcombe",
             "Leopold Vanderhoven", "Henrietta Blackwood")  # fmt: skip
    people = "; ".join(f"{a} and {b}, ███" for a, b in zip(names[::2], names[1::2], strict=True))
    line = f"Contributing: {people}; The Associated Press, Dan Moe, Detroit Free Press\n"
    assert 300 < len(line) < 400
    assert _source_credits(_BODY + line, "usa-today") == {"ap", "detroit-free-press"}


def test_institution_acronyms_closing_the_text_are_no_credits() -> None:
    dateline = "MOSCOW, 4 Mar - TASS. The port reopened on Friday.\n"
    for tail in ("— MFA\n", "- NATO\n", "(START)\n", "The ministry said so. (MFA)\n"):
        assert _source_credits(dateline + _BODY + tail) == {"tass"}, tail
    # An unregistered agency acronym still credits by house style.
    assert _source_credits(_BODY + "The talks went well. (QNS)\n") == {"QNS"}


def test_wire_credit_after_a_date_alone_opens_the_body() -> None:
    text = "Posted by admin on 3 September 2023 (Reuters) – The port reopened on Friday.\n" + _BODY
    assert _source_credits(text) == {"reuters"}
    assert _source_credits("Jan 3, 2023 (Reuters) - The port reopened.\n" + _BODY) == {"reuters"}
    # A bracket after a date that names no outlet is no credit.
    assert _source_credits("On March 4 (Friday) - the port reopened.\n" + _BODY) == set()


def test_piped_agency_beside_another_outlet_is_a_list() -> None:
    assert _source_credits("Home | CNN | Fox News | MSNBC | Opinion\n" + _BODY) == set()
    assert _source_credits("Latest | Sputnik | RT | TASS\n" + _BODY) == set()
    assert _source_credits("Moscow | Sputnik | The port reopened on Friday.\n" + _BODY) == {
        "sputnik"
    }


def test_residue_names_every_agency_of_its_list() -> None:
    assert _source_credits(_BODY + "Reuters, AP\n") == {"reuters", "ap"}
    assert _source_credits(_BODY + "Sputnik\n") == {"sputnik"}
