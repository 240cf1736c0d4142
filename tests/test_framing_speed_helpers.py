"""The framing stage's faster helpers give what the plain numpy / pandas forms gave."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_framing_scan import TRICKY

from provenance.framing import features, scan
from provenance.framing.articles import _taken
from provenance.framing.table import stable_order


@pytest.mark.parametrize("n", [0, 1, 500])
def test_stable_order_is_the_lexsort(n):
    rng = np.random.default_rng(n)
    keys = [rng.integers(0, 4, n), rng.integers(0, 3, n), rng.integers(0, 40, n)]
    assert stable_order(*keys).tolist() == np.lexsort(keys[::-1]).tolist()
    keys.append(rng.integers(-60, 5, n))  # offsets may be negative (test_framing_table.py)
    assert stable_order(*keys).tolist() == np.lexsort(keys[::-1]).tolist()


def test_stable_order_falls_back_to_lexsort_for_wide_keys():
    keys = [np.array([2**40, 0, 2**40]), np.array([2**30, 5, 1])]
    assert stable_order(*keys).tolist() == [1, 2, 0]


@pytest.mark.parametrize("rows", [[2, 0, 2, 1], []])
def test_taken_column_is_the_column_pandas_makes(rows):
    values = np.array(["a", "b", "c"], dtype=object)
    rows = np.array(rows, dtype=np.int64)
    want = pd.DataFrame({"t": values[rows]})
    pd.testing.assert_frame_equal(pd.DataFrame({"t": _taken(values, rows)}), want)


def test_word_and_syllable_counts_are_the_same_in_small_blocks(monkeypatch):
    texts = TRICKY + ["They'd state the rate, he said.", "Rock-'n'-roll isn't dead."] * 4
    whole = features.word_and_syllable_counts(texts)
    blocks = scan.text_blocks
    monkeypatch.setattr(features, "text_blocks", lambda t: blocks(t, max_chars=30))
    assert len(blocks(texts, max_chars=30)) > 5
    small = features.word_and_syllable_counts(texts)
    assert [a.tolist() for a in small] == [a.tolist() for a in whole]


def test_hit_lists_look_up_is_isin_and_start_sets_are_built_once():
    texts = TRICKY + ["The corrupt, reckless senator said no one came.", ""]
    hits = features.scanner_for().scan_arrays(texts)[0].arrays()
    for lists in [("loaded",), ("subjective", "evaluative_modifiers"), ("no such list",), ()]:
        codes = [hits.names.index(n) for n in lists if n in hits.names]
        assert hits.of_lists(lists).tolist() == np.isin(hits.code, codes).tolist()
    modifiers = hits.starts_of(("subjective", "evaluative_modifiers"))
    sel = hits.of_lists(("subjective", "evaluative_modifiers"))
    pairs = zip(hits.doc[sel].tolist(), hits.start[sel].tolist(), strict=True)
    assert modifiers == {(d << 32) | s for d, s in pairs}
    assert hits.starts_of(("subjective", "evaluative_modifiers")) is modifiers  # kept


def _grouped_quote_features(quotes: pd.DataFrame, ids: np.ndarray) -> pd.DataFrame:
    """quote_features as the groupby over the quotes reindexed by ``ids`` computed them."""
    from provenance.framing.articles import speaker_key

    q = quotes.copy()
    q["key"] = speaker_key(q["speaker"])
    q["official"] = q["speaker_role"].fillna("").str.lower().str.contains("minister")
    q["body_words"] = np.where(q["field"].astype(str) == "text", q["n_words"].astype(float), 0.0)
    q["in_title"] = (q["field"].astype(str) == "title").astype(float)
    grouped = q.groupby("article_id", sort=True)
    out = pd.DataFrame(
        {
            "f_n_quotes": grouped.size().astype(float),
            "quoted_words": grouped["body_words"].sum(),
            "title_quotes": grouped["in_title"].sum(),
            "f_speakers": grouped["key"].nunique().astype(float),
            "f_official_share": grouped["official"].mean().astype(float),
        }
    )
    top = q.dropna(subset=["key"]).groupby(["article_id", "key"]).size().groupby(level=0).max()
    out["f_top_speaker_share"] = (top.reindex(out.index).fillna(0) / out["f_n_quotes"]).astype(
        float
    )
    return out.reindex(ids)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_quote_features_are_the_grouped_counts(seed):
    from provenance.framing.articles import quote_features

    rng = np.random.default_rng(seed)
    n = 60
    speakers = np.array(["Sergey Lavrov", "the MAYOR", "  ", None, "Anna Smith", "J. Smith"])
    quotes = pd.DataFrame(
        {
            "article_id": rng.choice(["a", "b", "c", "d", "zz"], n),  # zz: not an article
            "field": rng.choice(["text", "title"], n, p=[0.8, 0.2]),
            "speaker": speakers[rng.integers(0, len(speakers), n)],
            "speaker_role": rng.choice(["Foreign Minister", "mayor", None], n),
            # spans apart: a quote nested in another is left out (test_quote_nested.py)
            "span_start": np.arange(n, dtype=np.int64) * 10,
            "span_end": np.arange(n, dtype=np.int64) * 10 + 5,
            "n_words": rng.integers(1, 40, n),
        }
    )
    ids = np.array(["d", "a", "e", "b", "c"], dtype=object)  # e: no quote
    got = quote_features(quotes, ids, {"official_roles": ["minister"]})
    want = _grouped_quote_features(quotes, ids)
    pd.testing.assert_frame_equal(
        got[want.columns], want, check_names=False, check_index_type=False
    )


def test_text_features_are_text_details_features():
    plain = [t for t in TRICKY if not any("\ud800" <= c <= "\udfff" for c in t)]  # (VADER)
    texts = plain + ['They are "lazy freeloaders", he said! Is it a disgrace? Yes.', ""]
    detail, _ = features.text_detail(texts)
    pd.testing.assert_frame_equal(features.text_features(texts), detail)
