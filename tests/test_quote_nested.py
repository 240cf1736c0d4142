"""Quotes in single marks nested in a double-mark quote (issue 18; session 18's sample, seed 1807:
tests/eval/speakers_sample_1807.csv). Each text is written for the test (no corpus text)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import provenance.quotes.extract as extract
from provenance.framing.articles import quote_features
from provenance.quotes import extract_quotes
from provenance.quotes.nested import cued, inner_quotes

_COLUMN = (
    "The left applauds her town hall.\n"
    "“Senator Kirsten Gillibrand delivered a town hall appearance. At one point, Wallace "
    "pressed Gillibrand to explain a tweet. ‘What do you mean by that?’ Wallace asked. ‘We want "
    "women to have a seat at the table,’ Gillibrand replied. The exchange went on for a while.”\n"
)


def _quotes(text: str) -> pd.DataFrame:
    arts = pd.DataFrame({"article_id": ["a"], "title": [""], "text": [text]})
    return extract_quotes(arts)


def _rows(text: str) -> list[tuple[str, object]]:
    q = _quotes(text)
    return [
        (t, s if isinstance(s, str) else None) for t, s in zip(q["text"], q["speaker"], strict=True)
    ]


def test_nested_quotes_take_the_speaker_written_beside_them() -> None:
    rows = _rows(_COLUMN)
    assert ("What do you mean by that?", "Wallace") in rows
    assert ("We want women to have a seat at the table,", "Kirsten Gillibrand") in rows
    assert len(rows) == 3  # the outer quote and the two nested ones


def test_the_outer_quote_row_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _quotes(_COLUMN)
    monkeypatch.setattr(extract, "_nested_rows", lambda *args: [])
    alone = _quotes(_COLUMN)
    assert len(alone) == 1
    pd.testing.assert_frame_equal(rows.iloc[:1], alone)


@pytest.mark.parametrize(
    "inside",
    [
        # apostrophes: no quote opens
        "It was rock ’n’ roll in the ’90s, and Sanders’ campaign said so.",
        # scare quotes with no attribution beside them
        "In midterm elections, voters are voting ‘yes’ or ‘no’ to the party in charge.",
        # the outer speaker ("I") or a pronoun names no one the passage shows
        "I said, ‘Why would I want to be stuck in a room with them?’ I came up with more.",
        "And if you smile, they say, ‘What was he smiling about?’ There is no win.",
    ],
)
def test_no_nested_row(inside: str) -> None:
    text = f"Mr. Trump spoke in Michigan.\n“{inside}” Trump said."
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][1] == "Trump"


def test_tokenised_marks_are_read_and_mapped_back() -> None:
    text = (
        "Sergey Lavrov spoke in Geneva .\n`` The talks were long , the aide recalled . ` We are "
        "ready , ' Lavrov said . Then they left , '' the aide said ."
    )
    q = _quotes(text)
    nested = q[q["speaker"].eq("Lavrov")]  # (as the outer quote writes it)
    assert len(nested) == 1
    start, end = int(nested["span_start"].iloc[0]), int(nested["span_end"].iloc[0])
    assert text[start:end] == "We are ready ,"


def test_inner_quotes_and_cues() -> None:
    body = "He looked at us, said ‘I can’t take your money,’ and we left."
    spans = inner_quotes(body, 0, len(body))
    assert [body[a:b] for a, b in spans] == ["I can’t take your money,"]
    assert cued("Later Odgaard said ‘no’ to it.", 0, 30, (19, 21))
    assert not cued("the so-called ‘smart mines’ that", 0, 32, (15, 26))


def test_framing_reads_outer_quotes_only() -> None:
    with_nested = quote_features(_quotes(_COLUMN), np.array(["a"], dtype=object))
    assert with_nested["f_n_quotes"].tolist() == [1.0]
    assert with_nested["f_speakers"].tolist() == [0.0]


@pytest.mark.parametrize("seed", range(20))
def test_outer_quotes_are_the_grouped_running_reach(seed: int) -> None:
    """The numbers' test of nesting equals a groupby's running reach of the spans (sorted by
    start, the longer first), on random spans of random articles and fields."""
    from provenance.framing.articles import outer_quotes

    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 40))
    start = rng.integers(0, 60, n)
    q = pd.DataFrame({
        "article_id": rng.choice(["a", "b", "c"], n), "field": rng.choice(["title", "text"], n),
        "span_start": start, "span_end": start + rng.integers(1, 30, n),
    })  # fmt: skip
    order = q.sort_values(["article_id", "field", "span_start", "span_end"],
                          ascending=[True, True, True, False], kind="stable")  # fmt: skip
    keys = [order["article_id"], order["field"]]
    reach = order.groupby(keys, sort=False)["span_end"].cummax()
    before = reach.groupby(keys, sort=False).shift()
    expected = q.drop(index=order.index[(order["span_end"] <= before).to_numpy()])
    pd.testing.assert_frame_equal(outer_quotes(q), expected)


def test_link_framing_compares_outer_quotes_only() -> None:
    """A child that keeps its parent's quoted column keeps one quote (the nested rows are part
    of its text) and adds none."""
    from provenance.framing.links import score_links

    arts = pd.DataFrame({"article_id": ["p", "c"], "title": ["T", "T"], "text": [_COLUMN] * 2})
    quotes = extract_quotes(arts)
    assert len(quotes) == 6  # the outer quote and its two nested ones, in each article
    links = pd.DataFrame({"link_id": ["l1"], "child_article_id": ["c"],
                          "parent_article_id": ["p"], "parent_outlet_id": ["x"]})  # fmt: skip
    out = score_links(links, arts, quotes=quotes)
    assert out[["d_quotes_kept", "d_quotes_added", "d_quotes_dropped"]].values.tolist() == [
        [1.0, 0.0, 0.0]
    ]
