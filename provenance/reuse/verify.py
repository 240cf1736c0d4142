"""Exact verification of candidate pairs: shared distinct shingles from sparse row products,
then the direction of each verified pair and its aligned passages.

>>> import numpy as np
>>> from provenance.reuse.shingles import build_index
>>> idx = build_index(["a b c d e f g h", "a b c d e f g x"], 3)
>>> shared_shingles(idx.matrix(), np.array([[0, 1]])).tolist()
[5]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from provenance.ids import stable_id
from provenance.reuse.align import align_pairs, union_length
from provenance.reuse.direction import orient
from provenance.reuse.params import MIN_SHARED, ReuseParams
from provenance.reuse.shingles import ShingleIndex

SOURCE_KINDS = ("wire", "state_media")

# Pairs per sparse product: bounds the two gathered matrices to ~100 MB each.
_PAIR_CHUNK = 25_000


def shared_shingles(x: sp.csr_matrix, pairs: np.ndarray) -> np.ndarray:
    """Number of distinct shingles both documents of each pair hold (row-wise dot products)."""
    out = np.zeros(len(pairs), dtype=np.int64)
    for s in range(0, len(pairs), _PAIR_CHUNK):
        p = pairs[s : s + _PAIR_CHUNK]
        prod = x[p[:, 0]].multiply(x[p[:, 1]])
        out[s : s + len(p)] = np.asarray(prod.sum(axis=1)).ravel().round().astype(np.int64)
    return out


def verify_pairs(
    docs: pd.DataFrame,
    index: ShingleIndex,
    cand: np.ndarray,
    params: ReuseParams,
    *,
    doc_numbers: np.ndarray | None = None,
    credits: pd.DataFrame | None = None,
    outlets: pd.DataFrame | None = None,
    quiet: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Verify, orient and align candidate pairs; every pair is judged on its own documents.

    ``docs`` (article_id, text[, outlet_id, published]) in article_id order are the rows of
    ``index``; ``cand`` holds (i, j) row pairs with i < j. ``doc_numbers`` numbers the
    rows corpus-wide in article_id order (default: the row positions), so that a distributed
    engine can verify its pairs in batches and :func:`finish_reuse` all of them at once.

    Returns (pairs, passages): one row per verified pair (ids, child/parent numbers, measures,
    direction; before best parents and confidence) and its aligned passages by pair_id.

    >>> from provenance.reuse.shingles import build_index
    >>> from provenance.reuse.stage import corpus_candidates
    >>> story = "The ministers met in Geneva on Monday to resume talks on trade and energy, aides said."
    >>> docs = pd.DataFrame({"article_id": ["copy", "wire"],
    ...     "published": pd.to_datetime(["2021-08-23 11:00", "2021-08-23 09:00"], utc=True)})
    >>> params = ReuseParams(shingle_size=3)
    >>> idx = build_index([story + " Our comment follows.", story], params.shingle_size)
    >>> pairs, passages = verify_pairs(docs, idx, corpus_candidates(idx, params), params)
    >>> pairs[["child_article_id", "parent_article_id", "direction", "lag_hours"]].values.tolist()
    [['copy', 'wire', 'published', 2.0]]
    >>> passages[["child_start", "child_end"]].values.tolist()
    [[0, 85]]
    """
    columns = _doc_columns(docs, doc_numbers)
    outlet_code, outlet_names = pd.factorize(pd.Series(columns.outlet_ids, dtype="string"))
    if not params.keep_same_outlet and len(cand):
        oa, ob = outlet_code[cand[:, 0]], outlet_code[cand[:, 1]]
        cand = cand[(oa < 0) | (oa != ob)]
    pairs = _measured(index, cand, params)
    if pairs.empty:
        return pd.DataFrame(), pd.DataFrame()

    is_source = _source_flags(columns.outlet_ids, outlets)
    pairs = orient(
        pairs,
        published=columns.published,
        outlet=outlet_code,
        is_source=is_source,
        credit_codes=_credit_codes(credits, columns.ids, outlet_names),
    )
    child, parent = pairs["child"].to_numpy(), pairs["parent"].to_numpy()
    published = columns.published
    nat = np.iinfo(np.int64).min
    dated = (published[child] != nat) & (published[parent] != nat)
    pairs["lag_hours"] = np.where(dated, (published[child] - published[parent]) / 3.6e12, np.nan)
    pairs["parent_is_source"] = is_source[parent]

    aligned = align_pairs(index, child, parent, params.shingle_size, quiet=quiet)
    _add_alignment(pairs, aligned, index)
    return _identified(pairs, aligned, columns)


@dataclass(frozen=True)
class _DocColumns:
    """Per document (row of the index): article id, outlet id (None when unknown), published
    (int64 ns, NaT as the int64 minimum) and its corpus-wide number."""

    ids: np.ndarray
    outlet_ids: np.ndarray
    published: np.ndarray
    numbers: np.ndarray


def _doc_columns(docs: pd.DataFrame, doc_numbers: np.ndarray | None) -> _DocColumns:
    """The :class:`_DocColumns` of ``docs``; numbers default to the row positions."""
    n = len(docs)
    ids = docs["article_id"].astype("string").to_numpy(dtype=object)
    if "outlet_id" in docs:
        outlet_ids = docs["outlet_id"].astype("string").to_numpy(dtype=object)
    else:
        outlet_ids = np.full(n, None, dtype=object)
    if "published" in docs:
        pub = pd.to_datetime(docs["published"], utc=True, errors="coerce")
        published = pub.to_numpy(dtype="datetime64[ns]").view(np.int64)
    else:
        published = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    numbers = np.arange(n, dtype=np.int64) if doc_numbers is None else np.asarray(doc_numbers)
    return _DocColumns(ids, outlet_ids, published, numbers)


def _add_alignment(pairs: pd.DataFrame, aligned: pd.DataFrame, index: ShingleIndex) -> None:
    """Set each pair's passage count, aligned characters and words added and dropped."""
    owner = aligned["pair"].to_numpy()
    n_pairs = len(pairs)
    child, parent = pairs["child"].to_numpy(), pairs["parent"].to_numpy()
    pairs["n_passages"] = np.bincount(owner, minlength=n_pairs)
    pairs["aligned_chars"] = union_length(
        owner,
        aligned["child_start"].to_numpy(np.int64),
        aligned["child_end"].to_numpy(np.int64),
        n_pairs,
    )
    pairs["added_words"] = index.n_words[child] - aligned.attrs["child_covered"]
    pairs["dropped_words"] = index.n_words[parent] - aligned.attrs["parent_covered"]


def _identified(
    pairs: pd.DataFrame, aligned: pd.DataFrame, columns: _DocColumns
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pairs named by pair and article ids and numbered corpus-wide, and their passages."""
    ids = columns.ids
    child, parent = pairs["child"].to_numpy(), pairs["parent"].to_numpy()
    a_ids, b_ids = ids[pairs["a"].to_numpy()], ids[pairs["b"].to_numpy()]
    pair_ids = np.array(
        [stable_id(*sorted((x, y))) for x, y in zip(a_ids, b_ids, strict=True)], dtype=object
    )
    pairs["pair_id"] = pair_ids
    pairs["child_article_id"] = ids[child]
    pairs["parent_article_id"] = ids[parent]
    pairs["child"] = columns.numbers[child]
    pairs["parent"] = columns.numbers[parent]
    passages = pd.DataFrame(
        {
            "pair_id": pair_ids[aligned["pair"].to_numpy()],
            "passage": aligned["passage"],
            "child_start": aligned["child_start"],
            "child_end": aligned["child_end"],
            "parent_start": aligned["parent_start"],
            "parent_end": aligned["parent_end"],
            "n_words": aligned["n_words"],
        }
    )
    return pairs.drop(columns=["a", "b", "c_a", "c_b"]), passages


def _measured(index: ShingleIndex, cand: np.ndarray, params: ReuseParams) -> pd.DataFrame:
    """Candidate pairs (a, b) with their exact containments c_a, c_b and Jaccard, kept when
    they share MIN_SHARED shingles and one containment reaches ``params.min_containment``."""
    n_sh = index.n_shingles
    shared = shared_shingles(index.matrix(), cand)
    na, nb = n_sh[cand[:, 0]], n_sh[cand[:, 1]]
    c_a = shared / np.maximum(na, 1)
    c_b = shared / np.maximum(nb, 1)
    ok = (shared >= MIN_SHARED) & (np.maximum(c_a, c_b) >= params.min_containment)
    return pd.DataFrame(
        {
            "a": cand[ok, 0],
            "b": cand[ok, 1],
            "c_a": c_a[ok],
            "c_b": c_b[ok],
            "jaccard": shared[ok] / (na[ok] + nb[ok] - shared[ok]),
        }
    )


def _source_flags(outlet_col: np.ndarray, outlets: pd.DataFrame | None) -> np.ndarray:
    """Per document: does its outlet count as a source (wire, state media, state-affiliated)?"""
    if outlets is None or outlets.empty:
        return np.zeros(len(outlet_col), dtype=bool)
    src = outlets["kind"].astype("string").isin(SOURCE_KINDS).fillna(False)
    if "state_affiliated" in outlets:
        src |= outlets["state_affiliated"].astype("boolean").fillna(False)
    sources = set(outlets.loc[src.to_numpy(dtype=bool), "outlet_id"].astype(str))
    return pd.Series(outlet_col, dtype="string").isin(sources).fillna(False).to_numpy(dtype=bool)


def _credit_codes(
    credits: pd.DataFrame | None, ids: np.ndarray, outlet_names: pd.Index
) -> np.ndarray:
    """``doc * n_codes + outlet_code`` for every (crediting document, credited outlet).

    A photo credit ("(AP Photo/Name)") says who took the picture, not whose text this is, so it
    is no direction clue; a self-credit (an agency's dateline on its own story) is one."""
    if credits is not None and "kind" in credits:
        credits = credits[credits["kind"].astype("string").fillna("") != "photo"]
    if credits is None or credits.empty:
        return np.empty(0, dtype=np.int64)
    doc = pd.Index(ids).get_indexer(credits["article_id"].astype("string").to_numpy(dtype=object))
    oc = pd.Index(outlet_names).get_indexer(
        credits["outlet_id"].astype("string").to_numpy(dtype=object)
    )
    ok = (doc >= 0) & (oc >= 0)
    m = max(len(outlet_names), 1)
    return np.unique(doc[ok].astype(np.int64) * m + oc[ok])
