"""The seed article through credits, citations and quotes, asserted exactly.

The article row is built by hand (title: the 2nd non-empty line; text: from the dateline
paragraph on), so these tests do not depend on the ingest stage; the last test checks that
the ingest stage's row gives the same attribution."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from provenance.attribution import dateline_fields, extract_citations, extract_credits
from provenance.quotes import extract_quotes
from provenance.schema import validate

SEED = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "seed"
    / "urdupoint-sputnik-lavrov-2021-08-23.txt"
)
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the repo")


def seed_articles() -> pd.DataFrame:
    raw = SEED.read_text(encoding="utf-8")
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    start = raw.index("MOSCOW (")
    return pd.DataFrame(
        {
            "article_id": ["seed"],
            "title": [lines[1]],
            "text": [raw[start:].strip()],
            "outlet_id": ["urdupoint"],
        }
    )


@needs_seed
def test_seed_has_exactly_one_credit_to_sputnik():
    credits = extract_credits(seed_articles())
    validate(credits, "credits")
    assert len(credits) == 1
    row = credits.iloc[0]
    assert (row.kind, row.outlet_id, row.entity_text) == ("dateline", "sputnik", "Sputnik")
    assert (row.place, row.credit_date) == ("MOSCOW", "2021-08-23")
    text = seed_articles().text[0]
    assert text[row.span_start : row.span_end] == row.text
    assert row.text == "MOSCOW (UrduPoint News / Sputnik - 23rd August, 2021)"


@needs_seed
def test_seed_dateline_fields():
    fields = dateline_fields(extract_credits(seed_articles()))
    assert fields.to_dict("records") == [
        {
            "article_id": "seed",
            "dateline_place": "MOSCOW",
            "credit_text": "UrduPoint News / Sputnik",
        }
    ]


@needs_seed
def test_seed_has_exactly_one_citation_an_interview_in_magyar_nemzet():
    citations = extract_citations(seed_articles())
    validate(citations, "citations")
    assert len(citations) == 1
    row = citations.iloc[0]
    assert (row.kind, row.outlet_id, row.speaker) == ("interview", "magyar-nemzet", "Sergey Lavrov")
    assert row.entity_text == "Hungary's Magyar Nemzet newspaper"
    assert row.cue == "told ... in an interview"
    assert seed_articles().text[0][row.span_start : row.span_end] == row.text


@needs_seed
def test_seed_quotes_and_speakers_exactly():
    arts = seed_articles()
    quotes = extract_quotes(arts)
    validate(quotes, "quotes")
    rows = quotes.astype(object).where(quotes.notna(), None)
    lavrov, role = "Sergey Lavrov", "Russian Foreign Minister"
    got = [
        (r.field, r.text[:24], r.speaker, r.speaker_role, r.verb, r.addressee_outlet_id)
        for r in rows.itertuples()
    ]
    assert got == [
        ("title", "Encouraging,", lavrov, role, None, None),
        ("text", "One of the encouraging m", lavrov, role, "told", "magyar-nemzet"),
        ("text", "far from the lowest poin", lavrov, role, "according to", None),
        ("text", "responsible, pragmatic a", lavrov, role, "pledged", None),
        ("text", "an integrated bilateral ", "Vladimir Putin and Joe Biden", None, "stating", None),
    ]
    for r in rows.itertuples():
        field = arts.at[0, r.field]
        assert field[r.span_start : r.span_end] == r.text
    assert quotes.n_words.tolist() == [1, 52, 27, 6, 16]


@needs_seed
def test_seed_through_the_ingest_stage_gives_the_same_attribution():
    ingest = pytest.importorskip("provenance.ingest")
    articles, errors = ingest.read_articles([SEED])
    assert errors.empty and len(articles) == 1
    credits = extract_credits(articles)
    assert credits[["outlet_id", "place", "credit_date"]].values.tolist() == [
        ["sputnik", "MOSCOW", "2021-08-23"]
    ]
    citations = extract_citations(articles)
    assert citations[["outlet_id", "kind", "speaker"]].values.tolist() == [
        ["magyar-nemzet", "interview", "Sergey Lavrov"]
    ]
    quotes = extract_quotes(articles)
    assert quotes.speaker.tolist() == ["Sergey Lavrov"] * 4 + ["Vladimir Putin and Joe Biden"]
