"""Aligned passages of verified pairs, for all pairs at once.

The shingles both documents share are joined on (pair, shingle) with sorted keys; sorted by
child position, consecutive matches on (nearly) the same diagonal form one passage. A gap of up
to ``2 * shingle_size + 2`` words is bridged, so a typo or a swapped word (which breaks
``shingle_size`` shingles) does not split a passage, while a reordered or inserted paragraph does.

>>> import numpy as np
>>> from provenance.reuse.shingles import build_index
>>> texts = ["x y one two three four five six z", "one two three four five six"]
>>> idx = build_index(texts, 3)
>>> p = align_pairs(idx, np.array([1]), np.array([0]), 3)
>>> p[["child_start", "child_end", "parent_start", "parent_end", "n_words"]].values.tolist()
[[0, 27, 4, 31, 6]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from provenance.progress import progress
from provenance.reuse.shingles import N_COLUMNS, ShingleIndex

# Passages need this many matching shingles: a lone shared phrase is not a copied passage.
MIN_PASSAGE_SHINGLES = 3
_PAIR_CHUNK = 20_000


def _segments(indptr: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Flat indices of each doc's CSR segment, and which entry of ``docs`` owns each."""
    starts = indptr[docs]
    lens = indptr[docs + 1] - starts
    owner = np.repeat(np.arange(len(docs), dtype=np.int64), lens)
    idx = np.arange(lens.sum(), dtype=np.int64) - np.repeat(np.cumsum(lens) - lens, lens)
    return idx + np.repeat(starts, lens), owner


def _match_runs(index: ShingleIndex, child: np.ndarray, parent: np.ndarray, k: int) -> pd.DataFrame:
    """Passages in word units for one chunk of pairs."""
    ci, cown = _segments(index.indptr, child)
    pi, pown = _segments(index.indptr, parent)
    # Keys are sorted already: owners ascend and columns are sorted within each document.
    ckey = cown * N_COLUMNS + index.cols[ci]
    pkey = pown * N_COLUMNS + index.cols[pi]
    loc = np.searchsorted(pkey, ckey)
    loc[loc == len(pkey)] = 0
    hit = pkey[loc] == ckey if len(pkey) else np.zeros(len(ckey), bool)
    owner = cown[hit]
    cpos = index.pos[ci[hit]]
    ppos = index.pos[pi[loc[hit]]]
    # Matches are grouped by pair already; sort each pair's by child position (scipy's per-row
    # sort of a CSR structure: many short rows sort faster than one global lexsort).
    n_pairs = len(child)
    indptr = np.zeros(n_pairs + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=n_pairs), out=indptr[1:])
    width = int(cpos.max()) + 1 if len(cpos) else 1
    rows = sp.csr_matrix(
        (np.arange(len(owner), dtype=np.int64), cpos, indptr), shape=(n_pairs, width)
    )
    rows.sort_indices()  # sorts in place: rows.indices are now each pair's sorted positions
    cpos, ppos = rows.indices.astype(np.int64), ppos[rows.data].astype(np.int64)
    gap = 2 * k + 2
    dc, dp = np.diff(cpos), np.diff(ppos)
    brk = (np.diff(owner) != 0) | (dc > gap) | (dp < 1) | (dp > gap) | (np.abs(dp - dc) > 2)
    first = np.flatnonzero(np.concatenate([[True], brk])) if len(owner) else np.empty(0, np.int64)
    size = np.diff(np.concatenate([first, [len(owner)]]))
    last = first + size - 1
    keep = size >= MIN_PASSAGE_SHINGLES
    first, last = first[keep], last[keep]
    # Along a run positions ascend in the child; in the parent they ascend too (dp >= 1).
    return pd.DataFrame(
        {
            "owner": owner[first],
            "c0": cpos[first],
            "c1": cpos[last] + k,
            "p0": ppos[first],
            "p1": ppos[last] + k,
        }
    )


def union_length(owner: np.ndarray, start: np.ndarray, end: np.ndarray, n: int) -> np.ndarray:
    """Per owner, the length covered by the union of [start, end) intervals."""
    if len(owner) == 0:
        return np.zeros(n, dtype=np.int64)
    order = np.lexsort((start, owner))
    o, s, e = owner[order], start[order], end[order]
    big = o * (int(e.max()) + 1)
    reach = np.maximum.accumulate(e + big) - big  # running max of ends within each owner
    prev = np.concatenate([[-1], reach[:-1]])
    prev[np.concatenate([[True], o[1:] != o[:-1]])] = -1
    length = np.maximum(e - np.maximum(s, prev), 0)
    return np.bincount(o, weights=length, minlength=n).astype(np.int64)


def align_pairs(
    index: ShingleIndex,
    child: np.ndarray,
    parent: np.ndarray,
    shingle_size: int,
    *,
    quiet: bool = True,
) -> pd.DataFrame:
    """Passages of each (child, parent) document pair, in character offsets of both texts.

    Returns one row per passage: pair (position in ``child``), passage (number in child order),
    child_start/child_end, parent_start/parent_end (characters) and n_words (child words).
    Per-pair word coverage is in ``attrs``: ``child_covered`` and ``parent_covered`` arrays.
    """
    n = len(child)
    parts = []
    chunks = range(0, n, _PAIR_CHUNK)
    for s in progress(chunks, total=len(chunks), desc="reuse: align", quiet=quiet):
        part = _match_runs(
            index, child[s : s + _PAIR_CHUNK], parent[s : s + _PAIR_CHUNK], shingle_size
        )
        part["owner"] += s
        parts.append(part)
    w = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame({c: np.empty(0, np.int64) for c in ("owner", "c0", "c1", "p0", "p1")})
    )
    w = w.sort_values(["owner", "c0", "p0"], kind="stable").reset_index(drop=True)
    owner = w["owner"].to_numpy()
    child_cov = union_length(owner, w["c0"].to_numpy(), w["c1"].to_numpy(), n)
    parent_cov = union_length(owner, w["p0"].to_numpy(), w["p1"].to_numpy(), n)

    # Word positions -> character offsets in each text.
    wbase, ws, we = index.words.offsets, index.words.start, index.words.end
    cb, pb = wbase[child[owner]], wbase[parent[owner]]
    c0, c1 = w["c0"].to_numpy(), w["c1"].to_numpy()
    p0, p1 = w["p0"].to_numpy(), w["p1"].to_numpy()
    out = pd.DataFrame(
        {
            "pair": owner,
            "passage": w.groupby("owner").cumcount().to_numpy(),
            "child_start": ws[cb + c0].astype(np.int64),
            "child_end": we[cb + c1 - 1].astype(np.int64),
            "parent_start": ws[pb + p0].astype(np.int64),
            "parent_end": we[pb + p1 - 1].astype(np.int64),
            "n_words": c1 - c0,
        }
    )
    out.attrs["child_covered"] = child_cov
    out.attrs["parent_covered"] = parent_cov
    return out
