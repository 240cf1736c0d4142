"""Find the cited or credited article in the corpus when the text names only its outlet.

"Orlov told the Capital Herald in an interview" names an outlet; when the Herald's interview is
in the corpus the link should point at that article. The candidates are the outlet's articles
published before the child within a window; the match is the one whose TF-IDF vector is closest
to the child's, above a floor and clearly ahead of the runner-up, so that an unrelated story of
the same outlet is not picked.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

from provenance.terms import TermCounts, term_counts

# Counts the terms of texts as term_counts(texts, stop_words) does (the pandas engine's counts
# them in its pool: provenance.engine.local.pooled_term_counts).
TermCounter = Callable[[list[str], Collection[str]], TermCounts]

WINDOW_DAYS = 7.0
MIN_SIMILARITY = 0.12
MIN_MARGIN = 1.2  # the best candidate must beat the runner-up by this factor
MAX_CANDIDATES = 50  # per link, the nearest in time


def match_outlet_parents(
    links: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    window_days: float = WINDOW_DAYS,
    min_similarity: float = MIN_SIMILARITY,
    count_terms: TermCounter | None = None,
) -> pd.Series:
    """Parent article ids for outlet-only links (NA where nothing in the corpus matches).

    Returns a Series aligned with ``links``: the existing ``parent_article_id`` where there is
    one, else the best-matching earlier article of ``parent_outlet_id``.
    """
    if window_days <= 0 or not 0 < min_similarity <= 1:
        raise ValueError("window_days must be > 0 and min_similarity in (0, 1]")
    parent = links["parent_article_id"].astype("string").copy()
    open_links = links[parent.isna() & links["parent_outlet_id"].notna()]
    if open_links.empty:
        return parent
    arts = articles[["article_id", "outlet_id", "published", "text"]]
    # (without the text: taking the candidates' rows took their texts too, first 20,000 ABP
    # articles ~1 of the links stage's ~5 CPU s in pyarrow's take)
    pairs = _pairs_in_window(open_links, arts.drop(columns="text"), window_days)
    if pairs.empty:
        return parent
    lag_days = (pairs["child_time"] - pairs["candidate_time"]).dt.total_seconds() / 86400.0
    pairs = pairs[
        (lag_days >= 0)
        & (lag_days <= window_days)
        & (pairs["candidate"] != pairs["child_article_id"])
    ]
    if pairs.empty:
        return parent
    pairs = pairs.assign(_lag=lag_days).sort_values(["_link", "_lag", "candidate"])
    pairs = pairs.groupby("_link", sort=False).head(MAX_CANDIDATES)

    involved = pd.Index(pd.concat([pairs["child_article_id"], pairs["candidate"]]).unique())
    texts = arts.set_index("article_id")["text"].reindex(involved).fillna("").astype(str)
    vectors = tfidf_vectors(texts.tolist(), count_terms)
    child_rows = vectors[involved.get_indexer(pairs["child_article_id"])]
    cand_rows = vectors[involved.get_indexer(pairs["candidate"])]
    pairs["similarity"] = np.asarray(child_rows.multiply(cand_rows).sum(axis=1)).ravel()
    ranked = pairs.sort_values(["_link", "similarity", "candidate"], ascending=[True, False, True])
    runner_up = ranked.groupby("_link", sort=False)["similarity"].nth(1)
    best = ranked.drop_duplicates("_link")
    second = best["_link"].map(
        pd.Series(runner_up.to_numpy(), index=ranked.loc[runner_up.index, "_link"])
    )
    clear = best["similarity"] >= MIN_MARGIN * second.fillna(0.0)
    best = best[(best["similarity"] >= min_similarity) & clear]
    parent.loc[best["_link"].to_numpy()] = best["candidate"].to_numpy()
    return parent


def _pairs_in_window(
    open_links: pd.DataFrame, arts: pd.DataFrame, window_days: float
) -> pd.DataFrame:
    """Each open link beside its outlet's dated articles published around the window before it.

    A superset of the exact window (whole seconds, one second of slack each side), found by a
    binary search in the outlet's articles sorted by time rather than by pairing every link
    with every article of its outlet: on all 37,554 ABP articles that merge made 25 of the
    links stage's 26 CPU s. The caller applies the exact window.
    """
    links = open_links[["child_article_id", "parent_outlet_id"]].reset_index(names="_link")
    links["child_time"] = links["child_article_id"].map(arts.set_index("article_id")["published"])
    cands = arts.loc[arts["published"].notna() & arts["outlet_id"].notna()]
    outlets = pd.Index(pd.unique(cands["outlet_id"]))
    known_outlet = outlets.get_indexer(links["parent_outlet_id"]) >= 0
    links = links[links["child_time"].notna() & known_outlet]
    if links.empty:
        return links.assign(candidate=links["child_article_id"], candidate_time=links["child_time"])
    base = min(cands["published"].min(), links["child_time"].min())

    def keys(outlet_ids: pd.Series, times: pd.Series, shift_s: float) -> np.ndarray:
        # One sortable int64: the outlet's number above whole seconds since ``base`` (34 bits).
        seconds = ((times - base).dt.total_seconds().to_numpy() + shift_s).astype(np.int64)
        number = outlets.get_indexer(outlet_ids).astype(np.int64)
        return (number << 34) + np.clip(seconds, 0, (1 << 34) - 1)

    cand_keys = keys(cands["outlet_id"], cands["published"], 0.0)
    order = np.argsort(cand_keys, kind="stable")
    cand_keys = cand_keys[order]
    window_s = window_days * 86400.0
    lo = np.searchsorted(
        cand_keys, keys(links["parent_outlet_id"], links["child_time"], -window_s - 1)
    )
    hi = np.searchsorted(
        cand_keys, keys(links["parent_outlet_id"], links["child_time"], 1.0), "right"
    )
    counts = hi - lo
    first = np.repeat(lo - (np.cumsum(counts) - counts), counts)
    picked = cands.iloc[order[first + np.arange(counts.sum())]]
    pairs = links.iloc[np.repeat(np.arange(len(links)), counts)].reset_index(drop=True)
    pairs["candidate"] = picked["article_id"].array  # (kept as stored: no object arrays)
    pairs["candidate_time"] = picked["published"].array
    return pairs


def tfidf_vectors(texts: list[str], count_terms: TermCounter | None = None) -> sp.csr_matrix:
    """``TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
    .fit_transform(texts)``, the same matrix to the bit (values, and entries in the same order
    in each row, which the float32 sums over a row follow), with the counting vectorised.

    scikit-learn counts tokens in a Python loop (``_count_vocab``): first 20,000 ABP
    articles, 8,889 texts, 5.3 of match_outlet_parents' 6.4 profiled CPU s. Here each text is
    lowercased and tokenised as it does, the stop words dropped and the terms numbered in order
    of first occurrence (its vocabulary's numbering) by pyarrow, and each row's entries sorted
    by that number (its ``sort_indices``), then renumbered in term order (its
    ``_sort_features``); the idf and the l2 norm are scikit-learn's own TfidfTransformer.

    >>> docs = ["The herald said talks resumed.", "Talks resumed, talks stalled."]
    >>> from sklearn.feature_extraction.text import TfidfVectorizer
    >>> ours = tfidf_vectors(docs)
    >>> theirs = TfidfVectorizer(sublinear_tf=True, stop_words="english",
    ...                          dtype=np.float32).fit_transform(docs)
    >>> (ours.indices.tolist() == theirs.indices.tolist(), (ours != theirs).nnz)
    (True, 0)
    """
    counted = (count_terms or term_counts)(texts, ENGLISH_STOP_WORDS)
    if not counted.vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    vocabulary = pa.array(counted.vocabulary, type=pa.large_string())
    rows, first_seen, count = counted.rows, counted.numbers, counted.counts
    # Terms sorted as Python sorts str: UTF-8's byte order is the code points' order.
    in_term_order = np.empty(len(vocabulary), dtype=np.int32)
    in_term_order[pc.sort_indices(vocabulary).to_numpy()] = np.arange(
        len(vocabulary), dtype=np.int32
    )
    indptr = np.zeros(len(texts) + 1, dtype=np.int32)
    np.cumsum(np.bincount(rows, minlength=len(texts)), out=indptr[1:])
    counts_matrix = sp.csr_matrix(
        (count.astype(np.float32), in_term_order[first_seen], indptr),
        shape=(len(texts), len(vocabulary)),
    )
    return (
        TfidfTransformer(sublinear_tf=True).fit(counts_matrix).transform(counts_matrix, copy=False)
    )
