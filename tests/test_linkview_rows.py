"""The link views' row look-ups (plain lists from cached columns) give what pandas selects."""

from __future__ import annotations

import pandas as pd
import pytest

import provenance
from provenance.report.prepared import PreparedTables
from provenance.report.safe import is_missing


@pytest.fixture(scope="module")
def prepared(demo_dir) -> PreparedTables:
    analysis = provenance.analyze(demo_dir / "articles", outlets=demo_dir / "outlets.csv")
    return PreparedTables(analysis.tables)


def _same(got: list, want: pd.Series) -> bool:
    expected = list(want)
    return len(got) == len(expected) and all(
        (is_missing(a) and is_missing(b)) or (not is_missing(b) and a == b)
        for a, b in zip(got, expected, strict=True)
    )


@pytest.mark.parametrize("table", ["credits", "citations", "quotes"])
def test_rows_of_an_article_equal_the_pandas_selection(prepared, table):
    ctx = prepared.ctx
    frame = getattr(ctx, table)
    if table == "quotes":  # the views show the quotes of the text only
        frame = frame[frame["field"].fillna("text") == "text"]
    lookup = getattr(ctx, f"{table}_of")
    ids = frame["article_id"].dropna().unique().tolist() + ["no-such-article"]
    assert len(ids) > 1, f"the demo has no {table}"
    for aid in ids:
        rows = lookup(aid)
        want = frame[frame["article_id"] == aid]
        assert set(rows) == set(frame.columns)
        for column in frame.columns:
            assert _same(rows[column], want[column]), (table, aid, column)


def test_framing_rows_keep_their_target_kind(prepared):
    ctx = prepared.ctx
    framing = ctx.framing
    framing = framing[framing["evidence"].fillna("") != ""]  # the rows with evidence only
    link_ids = framing.loc[framing["target_kind"] == "link", "target_id"].unique().tolist()
    article_ids = framing.loc[framing["target_kind"] == "article", "target_id"].unique()
    assert link_ids and len(article_ids), "the demo has no framing evidence"
    for kind, target in [("link", t) for t in link_ids] + [("article", article_ids[0])]:
        rows = ctx.framing_of(kind, target)
        want = framing[(framing["target_id"] == target) & (framing["target_kind"] == kind)]
        assert _same(rows["evidence"], want["evidence"]) and _same(rows["feature"], want["feature"])
    assert ctx.framing_of("link", article_ids[0])["feature"] == []


def test_article_rows_and_badges_are_cached(prepared):
    ctx = prepared.ctx
    aid = prepared.t["articles"]["article_id"].iloc[0]
    assert ctx.article(aid) is ctx.article(aid)
    assert ctx.article("no-such-article") is None
    outlet = prepared.t["articles"]["outlet_id"].dropna().iloc[0]
    assert ctx.badge(outlet) == provenance.report.linkview.outlet_badge(outlet, prepared.outlets)


@pytest.mark.parametrize("parts", [1, 3])
def test_column_values_as_to_numpy_gives_them(parts):
    from provenance.report.linkview import _Column

    values = ["a", None, "ü;x", "", "b"] * 4
    cuts = [0, 7, 9, 20] if parts == 3 else [0, 20]
    pieces = [
        pd.Series(values[a:b], dtype="string") for a, b in zip(cuts[:-1], cuts[1:], strict=True)
    ]
    strings = pd.concat(pieces, ignore_index=True)  # a chunk a piece
    numbers = pd.Series([1.5, None, 3.0] * 6 + [2.0, 0.0], dtype="Float64")
    positions = pd.Series([19, 0, 1, 7, 8, 9]).to_numpy()
    for series in (strings, numbers, numbers.astype(float), strings.astype(object)):
        got = _Column.of(series).at(positions)
        want = series.to_numpy(dtype=object)[positions].tolist()
        assert len(got) == len(want)
        for a, b in zip(got, want, strict=True):
            assert type(a) is type(b)
            assert (is_missing(a) and is_missing(b)) or a == b
    assert _Column.of(strings).at(positions[:0]) == []
