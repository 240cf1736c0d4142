"""Quotes and speakers: the seed article exactly, quote styles, speaker resolution, traps.

Article texts here are synthetic (written for these tests in wire-copy style)."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from provenance.attribution.speakers import ADDRESSEE_RE
from provenance.quotes import extract_quotes
from provenance.quotes.extract import _AddresseeSearch
from provenance.schema import validate


def _quotes(text: str, title: str = "T") -> list[tuple]:
    arts = pd.DataFrame({"article_id": ["a"], "title": [title], "text": [text]})
    out = extract_quotes(arts).astype(object).where(lambda f: f.notna(), None)
    return [tuple(r) for r in out[["field", "text", "speaker", "speaker_role", "verb"]].values]


def test_post_and_pre_attributions_and_inverted_order():
    text = (
        'Kremlin spokesman Dmitry Peskov spoke on Monday. "We will respond," said Peskov. '
        'He added: "Our patience is not endless." "It is a mistake," he said.'
    )
    assert _quotes(text) == [
        ("text", "We will respond,", "Dmitry Peskov", "Kremlin spokesman", "said"),
        ("text", "Our patience is not endless.", "Dmitry Peskov", "Kremlin spokesman", "added"),
        ("text", "It is a mistake,", "Dmitry Peskov", "Kremlin spokesman", "said"),
    ]


def test_curly_quotes_and_role_resolution_to_the_nearest_matching_person():
    text = (
        "German Chancellor Olaf Brandt met French President Marie Lenoir in Paris. "
        "“We agreed on the budget,” the president said. “Not on defence,” the chancellor noted."
    )
    got = _quotes(text)
    assert [g[2] for g in got] == ["Marie Lenoir", "Olaf Brandt"]
    assert [g[4] for g in got] == ["said", "noted"]


def test_multi_paragraph_quote_is_one_quote():
    text = (
        'Foreign Minister Ana Ruiz said: "We will not accept this.\n\n'
        '"The sanctions are illegal and they will fail," she said.'
    )
    (row,) = _quotes(text)
    assert row[1] == "We will not accept this.\nThe sanctions are illegal and they will fail,"
    assert row[2] == "Ana Ruiz"


def test_quote_of_a_quote_is_one_outer_quote():
    text = "\"He told me, 'we will never give up,' and I believed him,\" Tom Hale said."
    assert _quotes(text) == [
        (
            "text",
            "He told me, 'we will never give up,' and I believed him,",
            "Tom Hale",
            None,
            "said",
        )
    ]


def test_scare_quotes_and_titles_get_no_speaker():
    text = (
        "Minister Ana Ruiz spoke at length on Monday about the economy and jobs.\n\n"
        'The so-called "experts" were not invited. A documentary titled "The Long Winter" aired. '
        'Officials praised the "Green Future Initiative" on Monday.'
    )
    got = _quotes(text)
    assert [g[1] for g in got] == ["experts", "The Long Winter", "Green Future Initiative"]
    assert [g[2] for g in got] == [None, None, None]


def test_short_quote_with_attribution_in_its_sentence_keeps_the_speaker():
    got = _quotes('Lavrov said the proposal was "unacceptable" for Moscow.')
    assert got == [("text", "unacceptable", "Lavrov", None, "said")]


def test_said_without_quotes_and_according_to_a_person():
    assert _quotes("Lavrov said the talks were useful, according to Peskov.") == []
    got = _quotes('According to Lavrov, "the West has lost its way."')
    assert got == [("text", "the West has lost its way.", "Lavrov", None, "According to")]


def test_headline_styles():
    body = "Russian Foreign Minister Sergey Lavrov spoke on Monday."
    for title in (
        "Lavrov: 'We are ready'",
        "Lavrov Says Russia 'Ready'",
        "Russia 'ready', says Lavrov",
    ):
        (row,) = _quotes(body, title=title)
        assert row[0] == "title" and row[2] == "Sergey Lavrov", title
        assert row[3] == "Russian Foreign Minister"


def test_addressee_outlet():
    arts = pd.DataFrame(
        {
            "article_id": ["a"],
            "title": ["T"],
            "text": ['"Talks are over," Peskov told the state news agency TASS on Monday.'],
        }
    )
    assert extract_quotes(arts).addressee_outlet_id.tolist() == ["tass"]


def test_unbalanced_and_hostile_input_is_bounded():
    # Quotes opened and never closed, on thousands of lines: the patterns must not backtrack
    # (a quadratic pass would make this test take minutes instead of well under a second).
    text = 'He said "this never closes ' + "word " * 5000 + '\n\n"and again " x' * 50
    lines = "\n".join('"word word said Lavrov told Reuters according to TASS' for _ in range(5000))
    arts = pd.DataFrame(
        {"article_id": ["a", "b", "c"], "title": [None, '"', "'"], "text": [text, None, lines]}
    )
    validate(extract_quotes(arts), "quotes")


def test_inputs_are_validated():
    with pytest.raises(TypeError):
        extract_quotes("text")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        extract_quotes(pd.DataFrame({"text": ["x"]}))


def test_addressee_search_memo_gives_the_plain_search():
    # Synthetic sentence pieces; queries at random positions and ends, in random order.
    pieces = ["he said", " to be", " told the Daily Clarion", " in an ABC interview", ",",
              " for Reuters", " with", " on Monday", " to Moscow", " x"]  # fmt: skip
    rng = random.Random(5)
    for _ in range(50):
        text = "".join(rng.choice(pieces) for _ in range(60))
        memo = _AddresseeSearch(text)
        ends = [len(text), len(text) // 2, len(text) // 3]
        for _ in range(40):
            pos, end = rng.randrange(len(text) + 1), rng.choice(ends)
            want = ADDRESSEE_RE.search(text, pos, end)
            got = memo.search(pos, end)
            assert (got and (got.span(), got.groupdict())) == (
                want and (want.span(), want.groupdict())
            )


def test_quotes_in_one_endless_sentence_keep_their_addressee():
    # Quotes blank out the sentence ends: every addressee search runs to the text's end.
    text = '"We are ready," he told the Daily Clarion. ' + '"Aa," he said. ' * 400
    quotes = extract_quotes(pd.DataFrame({"article_id": ["a"], "title": ["T"], "text": [text]}))
    assert quotes["text"].iloc[0] == "We are ready,"
    assert quotes["verb"].tolist() == ["told"] + ["said"] * 400
