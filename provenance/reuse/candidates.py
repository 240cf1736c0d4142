"""Candidate pairs: MinHash signatures and LSH banding over the whole corpus at once.

Min-hashes use multiply-add-shift universal hashing ``((a * x + b) mod 2**64) >> 32`` on every
shingle of a block of documents at once, reduced per document with ``np.minimum.reduceat``.
Banding joins the ``rows`` values of a band into one 64-bit key; documents sharing a key in any
band are candidates (sorting per band, no dictionary per document).

>>> import numpy as np
>>> from provenance.reuse.shingles import build_index
>>> idx = build_index(["a b c d e f g h", "a b c d e f g x", "zz yy xx ww vv uu"], 3)
>>> sig = minhash_signatures(idx, num_perm=16, seed=0)
>>> lsh_candidate_pairs(sig, idx.n_shingles > 0, bands=8).tolist()
[[0, 1]]
"""

from __future__ import annotations

import numpy as np

from provenance.progress import progress
from provenance.reuse.shingles import ShingleIndex

# Shingles per vectorised block (times num_perm uint64 values: ~8 MB at 128 permutations).
_BLOCK = 8192
# Buckets bigger than this (thousands of documents sharing a band) are linked as a chain of
# neighbours instead of all pairs, which bounds the cost on hostile input (mass duplicates).
MAX_BUCKET = 500
_EMPTY = np.uint32(0xFFFFFFFF)


def minhash_signatures(
    index: ShingleIndex, num_perm: int, seed: int = 0, *, quiet: bool = True
) -> np.ndarray:
    """(n_docs, num_perm) uint32 min-hash signatures; documents without shingles get all-ones."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    n_docs = index.n_docs
    sig = np.full((n_docs, num_perm), _EMPTY, dtype=np.uint32)
    nonempty = np.flatnonzero(index.n_shingles > 0)
    if len(nonempty) == 0:
        return sig
    x = index.cols.astype(np.uint64)
    # Blocks of whole documents holding about _BLOCK shingles: the (num_perm, block) hash matrix
    # stays in cache, which matters more than the number of numpy calls.
    ends = index.indptr[nonempty + 1]
    targets = np.arange(_BLOCK, int(ends[-1]) + _BLOCK, _BLOCK)
    cuts = np.unique(
        np.minimum(np.concatenate([[0], np.searchsorted(ends, targets) + 1]), len(nonempty))
    )
    shift = np.uint64(32)
    a_col, b_col = a[:, None], b[:, None]
    blocks = list(zip(cuts[:-1], cuts[1:], strict=True))
    for lo, hi in progress(blocks, total=len(blocks), desc="reuse: minhash", quiet=quiet):
        docs = nonempty[lo:hi]
        s0, s1 = index.indptr[docs[0]], index.indptr[docs[-1] + 1]
        block = a_col * x[None, s0:s1]
        block += b_col
        block >>= shift
        sig[docs] = np.minimum.reduceat(block, index.indptr[docs] - s0, axis=1).T
    return sig


def _band_keys(sig: np.ndarray, bands: int) -> np.ndarray:
    """(n_docs, bands) uint64 keys; a band of 1-2 rows is packed exactly, longer ones mixed."""
    n, k = sig.shape
    rows = k // bands
    s = sig[:, : rows * bands].reshape(n, bands, rows).astype(np.uint64)
    if rows == 1:
        return s[:, :, 0]
    if rows == 2:
        return (s[:, :, 0] << np.uint64(32)) | s[:, :, 1]
    mix = np.random.default_rng(rows).integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)
    return (s * mix).sum(axis=2, dtype=np.uint64) ^ (s[:, :, 0] << np.uint64(32))


def _pairs_in_groups(
    order: np.ndarray, group_start: np.ndarray, group_size: np.ndarray
) -> np.ndarray:
    """All (i, j) pairs within each group of ``order`` (groups are contiguous runs)."""
    if len(group_size) == 0:
        return np.empty((0, 2), dtype=np.int64)
    big = group_size > MAX_BUCKET
    out = []
    if big.any():  # chain of neighbours only
        idx = np.concatenate(
            [
                np.arange(s, s + g - 1)
                for s, g in zip(group_start[big], group_size[big], strict=True)
            ]
        )
        out.append(np.stack([order[idx], order[idx + 1]], axis=1))
    gs, gn = group_start[~big], group_size[~big]
    # Each member at offset m pairs with the g - m - 1 members after it.
    member = np.repeat(gs, gn) + (np.arange(gn.sum()) - np.repeat(np.cumsum(gn) - gn, gn))
    later = np.repeat(gs + gn, gn) - member - 1
    left = np.repeat(member, later)
    step = np.arange(later.sum()) - np.repeat(np.cumsum(later) - later, later) + 1
    out.append(np.stack([order[left], order[left + step]], axis=1))
    return np.concatenate(out)


def lsh_candidate_pairs(
    sig: np.ndarray, usable: np.ndarray, bands: int, *, quiet: bool = True
) -> np.ndarray:
    """(m, 2) int64 array of document pairs (i < j, sorted, unique) sharing any band key."""
    docs = np.flatnonzero(usable)
    if len(docs) < 2:
        return np.empty((0, 2), dtype=np.int64)
    keys = _band_keys(sig[docs], bands)
    n = len(sig)
    codes = []
    for band in progress(range(bands), total=bands, desc="reuse: lsh", quiet=quiet):
        col = keys[:, band]
        order = np.argsort(col, kind="stable")
        sk = col[order]
        brk = np.flatnonzero(sk[1:] != sk[:-1]) + 1
        starts = np.concatenate([[0], brk])
        sizes = np.diff(np.concatenate([starts, [len(sk)]]))
        multi = sizes > 1
        p = _pairs_in_groups(docs[order], starts[multi], sizes[multi])
        if len(p):
            lo, hi = np.minimum(p[:, 0], p[:, 1]), np.maximum(p[:, 0], p[:, 1])
            codes.append(lo * n + hi)  # a pair meets at most once within a band
    if not codes:
        return np.empty((0, 2), dtype=np.int64)
    code = np.unique(np.concatenate(codes))
    return np.stack([code // n, code % n], axis=1)


def signature_agreement(sig: np.ndarray, pairs: np.ndarray, chunk: int = 65_536) -> np.ndarray:
    """Share of equal min-hashes of each pair: an unbiased estimate of its shingle Jaccard."""
    out = np.empty(len(pairs), dtype=np.float64)
    for s in range(0, len(pairs), chunk):
        p = pairs[s : s + chunk]
        out[s : s + len(p)] = (sig[p[:, 0]] == sig[p[:, 1]]).mean(axis=1)
    return out
