"""The long framing table on small hand-made inputs (exact rows and evidence strings), and the
bounded memo of VADER compounds. The span texts are synthetic, written for these tests.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from provenance.framing import features as feat
from provenance.framing import framing_table
from provenance.framing.table import MAX_EVIDENCE_SPANS, MAX_SPAN_TEXT, evidence_strings
from provenance.schema import validate


def _ev(rows: list[tuple[str, object, str, int, int, str]]) -> pd.DataFrame:
    cols = ["target_kind", "target_id", "feature", "start", "end", "text"]
    return pd.DataFrame(rows, columns=cols)


def test_rows_values_and_evidence_strings_exact():
    arts = pd.DataFrame(
        {"article_id": ["b", "a"], "f_loaded": [1.0, 2.0], "f_hedges_per_1k": [0.0, np.nan]}
    )
    links = pd.DataFrame({"link_id": ["l1"], "d_loaded_added": [3.0]})
    evidence = _ev(
        [
            ("article", "a", "f_loaded", 30, 36, "crisis"),
            ("article", "a", "f_loaded", 4, 10, "brutal"),
            ("article", "a", "f_loaded", 4, 9, "bruta"),
            ("article", "b", "f_loaded", 0, 21, "a\t\tnew;  \n deal; ok"),
            ("article", "b", "f_hedges_per_1k", 3, 9, "may\u00a0\u2009be"),
            ("link", "l1", "d_loaded_added", 7, 12, "  wild\x1fclaim "),
            ("article", "a", "f_not_scored", 1, 2, "x"),  # no such score: not in the table
            ("link", "zz", "d_loaded_added", 1, 2, "y"),  # no such link: not in the table
        ]
    )
    table = framing_table(arts, links, evidence.sample(frac=1.0, random_state=3))
    validate(table, "framing")
    got = table.astype(object).where(table.notna(), None).values.tolist()
    assert got == [
        ["article", "a", "f_hedges_per_1k", None, None],
        ["article", "a", "f_loaded", 2.0, "4-9:bruta; 4-10:brutal; 30-36:crisis"],
        ["article", "b", "f_hedges_per_1k", 0.0, "3-9:may be"],
        ["article", "b", "f_loaded", 1.0, "0-21:a new, deal, ok"],
        ["link", "l1", "d_loaded_added", 3.0, "7-12: wild claim "],
    ]


def test_spans_capped_cut_and_ids_as_strings():
    long_text = "word " * 30 + "\n" * 500 + "tail"  # collapsing needs the whole text
    very_long = "\n" * 600 + "z" * 200  # the cut falls past the first 480 raw characters
    rows = [("article", 7, "f_loaded", s, s + 1, f"w{s}") for s in range(30, 0, -1)]
    rows += [("article", 7, "f_hedges_per_1k", 5, 600, long_text)]
    rows += [("article", 7, "f_boosters_per_1k", 2, 900, very_long)]
    arts = pd.DataFrame(
        {"article_id": [7], "f_loaded": [1.0], "f_hedges_per_1k": [1.0], "f_boosters_per_1k": [1.0]}
    )
    table = framing_table(arts, None, _ev(rows)).set_index("feature")["evidence"]
    items = table["f_loaded"].split("; ")
    assert len(items) == MAX_EVIDENCE_SPANS
    assert items == [f"{s}-{s + 1}:w{s}" for s in range(1, MAX_EVIDENCE_SPANS + 1)]
    hedge = table["f_hedges_per_1k"]
    assert hedge == "5-600:" + ("word " * 30)[:MAX_SPAN_TEXT]
    assert table["f_boosters_per_1k"] == "2-900:" + (" " + "z" * 200)[:MAX_SPAN_TEXT]


def test_same_table_whatever_the_evidence_order():
    rng = np.random.default_rng(0)
    ids = [f"a{i}" for i in range(20)]
    starts = rng.integers(0, 50, 1200).tolist()  # 30 spans for each of 40 values
    texts = ["a;b", "c  d", "e"]  # a function of the span, so ties read the same either way
    evidence = _ev(
        [
            (
                "article",
                ids[i % 20],
                ["f_loaded", "f_hedges_per_1k"][i // 20 % 2],
                s,
                s + 4,
                texts[s % 3],
            )
            for i, s in enumerate(starts)
        ]
    )
    arts = pd.DataFrame({"article_id": ids, "f_loaded": 1.0, "f_hedges_per_1k": 2.0})
    first = framing_table(arts, None, evidence)
    again = framing_table(arts, None, evidence.iloc[::-1].reset_index(drop=True))
    pd.testing.assert_frame_equal(first, again)
    assert first["evidence"].notna().all()
    assert first["evidence"].str.count("; ").eq(MAX_EVIDENCE_SPANS - 1).all()
    assert not first["evidence"].str.contains("  |\x1f|;[^ ]", regex=True).any()


def test_evidence_strings_same_when_joined_a_few_items_a_pass(monkeypatch):
    ids = [f"a{i}" for i in range(7)]
    rows = [("article", ids[i % 7], "f_loaded", i, i + 2, f"w{i}") for i in range(60)]
    evidence = _ev(rows)
    arts = pd.DataFrame({"article_id": ids, "f_loaded": 1.0})
    whole = framing_table(arts, None, evidence)
    monkeypatch.setattr("provenance.framing.table._JOIN_ITEMS", 4)  # passes end inside groups
    pd.testing.assert_frame_equal(framing_table(arts, None, evidence), whole)
    assert whole["evidence"].str.count("; ").tolist() == [8] * 4 + [7] * 3


def test_evidence_in_parts_same_table_as_their_concatenation():
    arts = pd.DataFrame({"article_id": ["a", "b"], "f_loaded": [1.0, 2.0]})
    links = pd.DataFrame({"link_id": ["l1", "l2"], "d_loaded_added": [3.0, 4.0]})
    article_rows = [
        ("article", "ab"[i % 2], "f_loaded", 40 - i, 45 - i, f"w{i}") for i in range(30)
    ]
    link_rows = [("link", f"l{1 + i % 2}", "d_loaded_added", i, i + 3, f"x{i}") for i in range(9)]
    article_ev, link_ev = _ev(article_rows), _ev(link_rows)
    whole = framing_table(arts, links, pd.concat([article_ev, link_ev], ignore_index=True))
    assert whole["evidence"].notna().all()
    pd.testing.assert_frame_equal(framing_table(arts, links, [article_ev, link_ev]), whole)
    pd.testing.assert_frame_equal(framing_table(arts, links, (link_ev, _ev([]), article_ev)), whole)
    # parts that split a target's spans (both hold article "a") are joined first
    split = [article_ev.iloc[:13], link_ev, article_ev.iloc[13:]]
    pd.testing.assert_frame_equal(framing_table(arts, links, split), whole)


def test_evidence_joined_per_chunk_same_table_as_raw_spans():
    """The per-article stages join each chunk's spans (evidence_strings); the table is the same
    as from the raw spans of the whole batch, with the link spans still raw beside them."""
    ids = ["a", "b", "c"]
    arts = pd.DataFrame({"article_id": ids, "f_loaded": 1.0, "f_hedges_per_1k": 2.0})
    links = pd.DataFrame({"link_id": ["l1"], "d_loaded_added": [3.0]})
    article_rows = [
        ("article", ids[i % 3], ["f_loaded", "f_hedges_per_1k"][i % 2], 90 - i, 95 - i, f"w {i};")
        for i in range(150)
    ]
    article_ev = _ev(article_rows)
    link_ev = _ev([("link", "l1", "d_loaded_added", 4, 9, "x  y")])
    whole = framing_table(arts, links, [article_ev, link_ev])
    chunks = [article_ev[article_ev["target_id"].isin(part)] for part in (["a"], ["b", "c"])]
    joined = pd.concat([evidence_strings(chunk) for chunk in chunks], ignore_index=True)
    assert list(joined.columns) == ["target_kind", "target_id", "feature", "evidence"]
    assert len(joined) == 6
    pd.testing.assert_frame_equal(framing_table(arts, links, [joined, link_ev]), whole)
    pd.testing.assert_frame_equal(framing_table(arts, links, [link_ev, joined[::-1]]), whole)
    assert whole["evidence"].str.count("; ").max() == MAX_EVIDENCE_SPANS - 1


def test_sentiment_memo_same_scores_and_bounded(monkeypatch):
    memo = feat._CompoundMemo(max_entries=3, max_chars=60)
    monkeypatch.setattr(feat, "_COMPOUNDS", memo)
    sentences = ["Great news!", "A terrible, awful day.", "Talks resumed.", "Great news!"]
    direct = [feat._vader().polarity_scores(s)["compound"] for s in sentences]
    assert feat.sentiment_of(sentences).tolist() == direct
    assert feat.sentiment_of(sentences[::-1]).tolist() == direct[::-1]  # from the memo
    assert feat.sentiment_of(["Prices fell sharply."]).tolist() == [0.0]
    assert list(memo._scores) == [
        "A terrible, awful day.",
        "Talks resumed.",
        "Prices fell sharply.",
    ]
    feat.sentiment_of(["x" * 61])  # longer than the whole budget: scored, never kept
    assert "x" * 61 not in memo._scores
    feat.sentiment_of(["y" * 30])  # over the character budget: the oldest go first
    assert list(memo._scores) == ["Prices fell sharply.", "y" * 30]
    assert memo._chars == 50


def _melted_sorted(scores: pd.DataFrame, kind: str, id_col: str, evidence: pd.DataFrame):
    """The long rows as melting, a stable three-key sort and a left merge give them."""
    cols = [c for c in scores.columns if c.startswith(("f_", "d_"))]
    long = scores.melt(id_vars=[id_col], value_vars=cols, var_name="feature", value_name="value")
    long = long.rename(columns={id_col: "target_id"})
    long.insert(0, "target_kind", kind)
    long["target_id"] = long["target_id"].astype(str)
    long = long.sort_values(["target_kind", "target_id", "feature"], kind="stable")
    long = long.merge(evidence, on=["target_kind", "target_id", "feature"], how="left")
    return long.astype(object).where(long.notna(), None).values.tolist()


def test_rows_built_in_order_as_a_sort_orders_them():
    # framing_table builds the rows in order instead of sorting them: repeated, missing,
    # numeric and non-ASCII ids and unsorted feature columns come out as the sort puts them.
    arts = pd.DataFrame(
        {
            "article_id": ["b", None, "a", "b", "é", "Z", 10],
            "f_x": np.arange(7.0),
            "f_a": np.arange(7.0) * 2,
        }
    )
    evidence = pd.DataFrame(
        {
            "target_kind": ["article"] * 3,
            "target_id": ["b", "a", "zz"],
            "feature": ["f_x", "f_a", "f_x"],
            "evidence": ["0-1:x", "2-3:y", "4-5:z"],
        }
    )
    table = framing_table(arts, None, evidence)
    got = table.astype(object).where(table.notna(), None).values.tolist()
    assert got == _melted_sorted(arts, "article", "article_id", evidence)
    # A missing id is the text "None" under pandas 2.2 and missing under pandas 3, in the sort
    # as in framing_table (the line above): its place differs, the others' order does not.
    present = [row[1] for row in got if row[1] not in (None, "None")]
    assert present[:4] == ["10", "10", "Z", "Z"]
    assert [row[1:4] for row in got if row[1] == "b"] == [
        ["b", "f_a", 0.0],
        ["b", "f_a", 6.0],
        ["b", "f_x", 0.0],
        ["b", "f_x", 3.0],
    ]


def test_span_cut_reads_only_what_it_shows():
    """_clean_span reads the first MAX_SPAN_TEXT characters when they hold no whitespace but
    lone spaces; every span is still the cut of its whitespace-collapsed text."""
    import re

    from provenance.framing.table import _clean_span

    n = MAX_SPAN_TEXT
    texts = [
        "x" * (n - 1) + " \n tail; more",  # a run that starts on the last shown character
        "x" * n + "\n\n" + "y" * 10,  # a run just past the cut
        "a;b" + " " * 600 + "c",  # a run longer than the window read first
        "w " * 300 + "\u2003z",  # lone spaces, then an em space far past the cut
        "lead\u00a0in; " + "q" * (n + 5),  # a no-break space inside the cut
        "short; kept",
        "",
        "x" * 479 + " " * 10 + "end",  # collapsed below the cut only with the whole text
    ]
    for text in texts:
        assert _clean_span(text) == re.sub(r"\s+", " ", text)[:n].replace(";", ","), text


def test_collapsed_is_the_whitespace_regex():
    """_collapsed (str.split and join) gives re.sub(r"\\s+", " ") on whitespace of every kind,
    at the ends, alone and between non-printable characters."""
    import re
    import sys

    from provenance.framing.table import _collapsed

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert len(spaces) > 20
    pieces = [*spaces, "a", ";", "\x00", "\x1f", "\u200b", "\ufeff", "é", ""]
    texts = ["", " ", "  ", "a", " a ", "\n\na\t\tb\u3000", "\x85x\x85"]
    texts += [a + b + c for a in pieces for b in ("", "x", " y ") for c in pieces]
    for text in texts:
        assert _collapsed(text) == re.sub(r"\s+", " ", text), repr(text)


def test_article_evidence_strings_as_evidence_strings_of_the_spans():
    """article_scores_detail(evidence="strings") gives evidence_strings of its spans (the
    pipeline's framing stage keeps that), reading only the spans it shows."""
    from provenance.framing.articles import article_scores_detail

    many = " ".join(f"Officials said the plan may fail, report {i};" for i in range(30))
    arts = pd.DataFrame(
        {
            "article_id": ["b2", "a1", "c3", "d4"],
            "title": ["A shocking 'disaster'?", "", "Talks may resume", "Quiet"],
            "text": [
                many,
                'The minister said: "We will never accept this terrible deal." Critics claimed it.',
                "",
                "Nothing  to\n\nsee   here; really nothing at all.",
            ],
        }
    )
    spans = article_scores_detail(arts, sentences=False).evidence
    joined = article_scores_detail(arts, sentences=False, evidence="strings").evidence
    pd.testing.assert_frame_equal(joined, evidence_strings(spans))
    assert joined["evidence"].str.count("; ").max() == MAX_EVIDENCE_SPANS - 1
    empty = article_scores_detail(arts.iloc[2:3], sentences=False, evidence="strings").evidence
    pd.testing.assert_frame_equal(
        empty, evidence_strings(article_scores_detail(arts.iloc[2:3]).evidence)
    )


def test_evidence_column_shares_strings_kept_once_in_order():
    """The evidence strings, when the long rows take each of them once and in order (as both
    engines join them), become the column on their own character buffers; as a take gives it."""
    import pyarrow as pa

    from provenance.framing.table import _spread

    rng = np.random.default_rng(5)
    words = ["", "é;x", "0-4:word", "a b " * 30, "z"]
    whole = pa.array([words[i] for i in rng.integers(0, 5, 60)], pa.large_string())
    chunks = [whole[3:20], whole[20:20], whole[20:41], whole[41:]]  # sliced: offsets not at 0
    index = np.full(120, -1)
    index[np.sort(rng.choice(np.arange(1, 119), 57, replace=False))] = np.arange(57)
    got = _spread(index, chunks)
    got.validate(full=True)
    strings = pa.concat_arrays(chunks).to_pylist()
    assert got.to_pylist() == [strings[i] if i >= 0 else None for i in index]
    assert got.null_count == 63
    assert got.chunk(0).buffers()[2].address == whole.buffers()[2].address
    swapped = index.copy()
    swapped[[1, 5]] = swapped[[5, 1]]
    assert _spread(swapped, chunks) is None  # out of order
    assert _spread(np.where(index == 7, -1, index), chunks) is None  # a string left out
    assert _spread(index, [pa.array(c.to_pylist(), pa.string()) for c in chunks]) is None
