"""Candidate pairs for containment: a sample of each document's shingles against every document.

Banded MinHash finds pairs by Jaccard, and a short text inside a long one has a low Jaccard
whatever its containment (a 34-word flash inside its 290-word full version: containment 0.94,
Jaccard 0.2). Containment of ``a`` in ``b`` is the share of a's shingles found in b, so a uniform
sample of a's shingles estimates it: each sampled shingle is in b with that probability.

1. :func:`containment_sketch`: each document's ``sketch_size`` smallest shingle columns (the
   columns are hash values, so these are a uniform sample of its shingles, chosen the same way
   in every document); a document with fewer shingles keeps all of them, and its count is exact;
2. :func:`postings`: every document's shingles in a column some sketch holds (an inverted
   index restricted to the sampled columns: ~9% of ABP's shingles at 64 a document);
3. :func:`sketch_hits`: one sparse product (sketch x postings) counts, for every pair meeting
   in a sampled column, how many of the query's sampled shingles the other document holds;
4. :func:`candidate_pairs`: pairs whose count reaches the least count that a pair at exactly
   ``min_containment`` reaches with probability 1 - MISS_RATE (binomial: a sample without
   replacement is tighter still), either way; exact verification follows (:mod:`.verify`).

The cost is the number of (sampled shingle, other document holding it) meetings, about
``n_docs * sketch_size * mean document frequency``: near-linear, as shingles above the
document-frequency cap are gone. Each step works on any subset of the corpus (a partition, a
bucket of columns, a bucket of pairs), so the Dask engine runs the same functions.

>>> from provenance.reuse.shingles import build_index
>>> idx = build_index(["a b c d e f g h i j k l", "a b c d e f g h i j k l m n o p q r", "z"], 3)
>>> sketch = containment_sketch(idx, sketch_size=64, min_containment=0.5)
>>> hits = sketch_hits(sketch, *postings(idx, sketched_columns([sketch])))
>>> candidate_pairs(hits).tolist()
[[0, 1]]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from provenance.reuse.params import MIN_SHARED
from provenance.reuse.shingles import N_COLUMNS, ShingleIndex

# A pair at exactly min_containment is missed with at most this probability (a pair above it,
# less): with 64 sampled shingles and 0.3, the least count is 10 of 64 (mean 19.2).
MISS_RATE = 0.005
# Columns held by more documents than this are chained (see sketch_hits); with the automatic
# document-frequency cap (at most max(50, 0.5% of the corpus)) none is up to 100,000 documents.
MAX_POSTINGS = 500


@dataclass(frozen=True)
class Sketch:
    """Sampled shingles of a set of documents, one entry a row.

    ``docs`` labels each entry's document (row numbers, or corpus-wide keys in a distributed
    run), ``cols`` its shingle column, ``need`` the count of these shingles another document
    must hold to be a candidate (per entry, the value of its document).

    >>> from provenance.reuse.shingles import build_index
    >>> idx = build_index(["a b c d e f g h i j k l", "a b c d e f g h i j k l m n o p q r"], 3)
    >>> sketch = containment_sketch(idx, sketch_size=4, min_containment=0.5)
    >>> sketch.docs.tolist(), sketch.cols.dtype.name, int(sketch.need.max())
    ([0, 0, 0, 0, 1, 1, 1, 1], 'int32', 1)
    """

    docs: np.ndarray
    cols: np.ndarray  # int32
    need: np.ndarray  # int32


@dataclass(frozen=True)
class Hits:
    """Per (query document, other document) meeting: sampled shingles of ``a`` found in ``b``.

    A distributed run gets the hits of one pair from several column buckets: the rows of one
    (a, b) add up (:func:`candidate_pairs` sums them).

    >>> hits = Hits(np.array([0, 1]), np.array([1, 0]), np.array([10, 3]), np.array([8, 8]))
    >>> Hits.concat([hits, hits.take(np.array([True, False]))]).a.tolist()
    [0, 1, 0]
    """

    a: np.ndarray
    b: np.ndarray
    hits: np.ndarray  # int32
    need: np.ndarray  # int32, a's least count

    @staticmethod
    def concat(parts: Sequence[Hits]) -> Hits:
        """The rows of several :class:`Hits`, in order."""
        if not parts:
            return Hits(*(np.empty(0, t) for t in (np.int64, np.int64, np.int32, np.int32)))
        return Hits(
            *(np.concatenate([getattr(p, f) for p in parts]) for f in ("a", "b", "hits", "need"))
        )

    def take(self, rows: np.ndarray) -> Hits:
        """The rows selected by an index or boolean mask."""
        return Hits(self.a[rows], self.b[rows], self.hits[rows], self.need[rows])


@lru_cache(maxsize=64)
def least_hits(sample: int, min_containment: float) -> int:
    """Least count of ``sample`` sampled shingles found in another document for a candidate.

    The largest m with P(Binomial(sample, min_containment) < m) <= MISS_RATE, at least 1.

    >>> least_hits(64, 0.3), least_hits(64, 0.5), least_hits(16, 0.3)
    (10, 22, 1)
    """
    q, cdf = 1.0 - min_containment, 0.0
    for k in range(sample + 1):
        cdf += math.comb(sample, k) * min_containment**k * q ** (sample - k)
        if cdf > MISS_RATE:
            return max(k, 1)
    return sample


def containment_sketch(
    index: ShingleIndex,
    *,
    sketch_size: int,
    min_containment: float,
    labels: np.ndarray | None = None,
) -> Sketch:
    """Each judgeable document's ``sketch_size`` smallest shingle columns and its least count.

    A document with at most ``sketch_size`` shingles is sampled whole: its least count is exact
    (``ceil(min_containment * n)``, and at least MIN_SHARED). Documents with fewer than
    MIN_SHARED shingles get no entry. ``labels`` names the documents (default: row numbers).

    >>> from provenance.reuse.shingles import build_index
    >>> idx = build_index(["a b c d e f g h i j k l", "a b c d e f g h i j k l m n o p q r", "z"], 3)
    >>> sketch = containment_sketch(idx, sketch_size=64, min_containment=0.5)
    >>> sorted(set(zip(sketch.docs.tolist(), sketch.need.tolist())))  # "z" is too short to judge
    [(0, 8), (1, 8)]
    """
    n_sh = index.n_shingles
    take = np.where(n_sh >= MIN_SHARED, np.minimum(n_sh, sketch_size), 0)
    doc = np.repeat(np.arange(index.n_docs, dtype=np.int64), take)
    first = np.repeat(np.cumsum(take) - take, take)
    entry = index.indptr[doc] + (np.arange(len(doc), dtype=np.int64) - first)
    exact = np.maximum(np.ceil(min_containment * n_sh - 1e-9), MIN_SHARED)
    need = np.where(n_sh > sketch_size, least_hits(sketch_size, float(min_containment)), exact)
    names = doc if labels is None else np.asarray(labels)[doc]
    return Sketch(names, index.cols[entry], need[doc].astype(np.int32))


def sketched_columns(sketches: Sequence[Sketch]) -> np.ndarray:
    """Bit-packed flags (``N_COLUMNS / 8`` bytes) of the columns any of ``sketches`` holds.

    Flags of parts of a corpus combine with ``np.bitwise_or``.

    >>> from provenance.reuse.shingles import N_COLUMNS, build_index
    >>> idx = build_index(["a b c d e f g h i j k l"], 3)
    >>> flags = sketched_columns([containment_sketch(idx, sketch_size=4, min_containment=0.5)])
    >>> len(flags) == N_COLUMNS // 8, int(np.unpackbits(flags).sum())
    (True, 4)
    """
    flags = np.zeros(N_COLUMNS, dtype=bool)
    for sketch in sketches:
        flags[sketch.cols] = True
    return np.packbits(flags)


def postings(
    index: ShingleIndex, columns: np.ndarray, labels: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(documents, columns) of every shingle of a judgeable document in a flagged column.

    ``columns`` are the packed flags of :func:`sketched_columns`; ``labels`` as there.

    >>> from provenance.reuse.shingles import build_index
    >>> idx = build_index(["a b c d e f g h i j k l", "a b c d e f g h i j k l m n o p q r"], 3)
    >>> flags = sketched_columns([containment_sketch(idx, sketch_size=4, min_containment=0.5)])
    >>> docs, cols = postings(idx, flags)
    >>> docs.tolist()  # every shingle of either in a column that a sketch sampled
    [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
    """
    judgeable = np.repeat(index.n_shingles >= MIN_SHARED, index.n_shingles)
    # The packed flags read as they are (4 MB, not 33 MB unpacked); each entry's document by
    # one search per document, not one per entry.
    entry = np.flatnonzero(_ColumnRanks(columns).held(index.cols) & judgeable)
    per_doc = np.diff(np.searchsorted(entry, index.indptr))
    doc = np.repeat(np.arange(index.n_docs, dtype=np.int64), per_doc)
    names = doc if labels is None else np.asarray(labels)[doc]
    return names, index.cols[entry]


def sketch_hits(sketch: Sketch, post_docs: np.ndarray, post_cols: np.ndarray) -> Hits:
    """Sampled shingles of each sketched document found in each other document (a != b), one
    row per pair that meets.

    One sparse product over compact numbers of the documents and of the sketch's columns. A
    column held by more than MAX_POSTINGS documents (only when the document-frequency cap is
    lifted: mass duplicates) links each document to the next one holding it, in label order,
    instead of to all of them, which bounds the cost on hostile input.

    >>> from provenance.reuse.shingles import build_index
    >>> idx = build_index(["a b c d e f g h i j k l", "a b c d e f g h i j k l m n o p q r"], 3)
    >>> sketch = containment_sketch(idx, sketch_size=64, min_containment=0.5)
    >>> hits = sketch_hits(sketch, *postings(idx, sketched_columns([sketch])))
    >>> hits.a.tolist(), hits.b.tolist(), hits.hits.tolist()  # all 10 of doc 0's in doc 1
    ([0, 1], [1, 0], [10, 10])
    """
    # The sketch's distinct columns numbered in order by their rank among its flags (all 37,554
    # ABP articles: 2.4M sampled and 3.2M posted entries, 0.9 CPU s by np.unique and a search
    # of the posted ones; ~0.1 s so), its documents by their runs where the labels ascend.
    ranks = _ColumnRanks(sketched_columns([sketch]))
    q_col = ranks.rank(sketch.cols)
    held = ranks.held(post_cols)
    p_col = ranks.rank(post_cols[held])
    names, (q_doc, p_doc) = _dense_codes([sketch.docs, post_docs[held]])
    n, m = len(names), max(ranks.total, 1)
    big = np.bincount(p_col, minlength=m) > MAX_POSTINGS
    small_q, small_p = ~big[q_col], ~big[p_col]
    query = sp.csr_matrix(
        (np.ones(int(small_q.sum()), np.int32), (q_doc[small_q], q_col[small_q])), shape=(n, m)
    )
    post = sp.csr_matrix(
        (np.ones(int(small_p.sum()), np.int32), (p_col[small_p], p_doc[small_p])), shape=(m, n)
    )
    chain_a, chain_b = _next_holders(q_doc, q_col, p_doc, p_col, big, n)
    chain = sp.csr_matrix((np.ones(len(chain_a), np.int32), (chain_a, chain_b)), shape=(n, n))
    # One row per (a, b): the chained meetings are summed into the product's counts.
    prod = (query @ post + chain).tocoo()
    keep = prod.row != prod.col
    a, b = prod.row[keep].astype(np.int64), prod.col[keep].astype(np.int64)
    hits = prod.data[keep].astype(np.int32)
    need = np.zeros(n, dtype=np.int32)
    need[q_doc] = sketch.need
    return Hits(names[a], names[b], hits, need[a])


_POPCOUNT = np.array([bin(byte).count("1") for byte in range(256)], dtype=np.int64)
# The bits of a packed flag byte before bit r (np.packbits is big-endian: column 8i is bit 7).
_BITS_BEFORE = np.array([(0xFF << (8 - r)) & 0xFF for r in range(8)], dtype=np.uint8)


class _ColumnRanks:
    """Rank of a flagged column among the flagged ones (packed flags as
    :func:`sketched_columns` returns them): the position it has in their sorted distinct list.

    >>> ranks = _ColumnRanks(np.packbits(np.isin(np.arange(32), [3, 9, 10, 31])))
    >>> ranks.rank(np.array([31, 3, 10])).tolist(), ranks.held(np.array([9, 8])).tolist(), ranks.total
    ([3, 0, 2], [True, False], 4)
    """

    def __init__(self, flags: np.ndarray) -> None:
        self.flags = flags
        counts = _POPCOUNT[flags]
        self.before = np.cumsum(counts) - counts  # flagged columns in the bytes before each
        self.total = int(counts.sum())

    def held(self, cols: np.ndarray) -> np.ndarray:
        """Whether each of ``cols`` is flagged."""
        shift = (7 - (cols & 7)).astype(np.uint8)
        return ((self.flags[cols >> 3] >> shift) & 1).astype(bool)

    def rank(self, cols: np.ndarray) -> np.ndarray:
        """Each flagged column's rank (int64)."""
        byte = cols >> 3
        return self.before[byte] + _POPCOUNT[self.flags[byte] & _BITS_BEFORE[cols & 7]]


def _dense_codes(parts: Sequence[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
    """``np.unique(np.concatenate(parts), return_inverse=True)``, the inverse cut back into
    the parts; a part whose values ascend (row numbers) is coded by its runs, not sorted.

    >>> names, codes = _dense_codes([np.array([2, 2, 5]), np.array([7, 2, 3])])
    >>> names.tolist(), [c.tolist() for c in codes]
    ([2, 3, 5, 7], [[0, 0, 2], [3, 0, 1]])
    """
    if not all(np.all(part[1:] >= part[:-1]) for part in parts):
        names, inverse = np.unique(np.concatenate(parts), return_inverse=True)
        cuts = np.cumsum([len(part) for part in parts])[:-1]
        return names, np.split(inverse.ravel(), cuts)
    runs = []
    for part in parts:
        first = np.ones(len(part), dtype=bool)
        first[1:] = part[1:] != part[:-1]
        starts = np.flatnonzero(first)
        runs.append((part[starts], np.diff(np.append(starts, len(part)))))
    names = np.unique(np.concatenate([firsts for firsts, _ in runs]))
    codes = [np.repeat(np.searchsorted(names, firsts), lengths) for firsts, lengths in runs]
    return names, codes


def _next_holders(
    q_doc: np.ndarray,
    q_col: np.ndarray,
    p_doc: np.ndarray,
    p_col: np.ndarray,
    big: np.ndarray,
    n: int,
) -> tuple[np.ndarray, np.ndarray]:
    """(query document, next document holding the column) for the queries in ``big`` columns."""
    on_big = big[p_col]
    key = np.sort(p_col[on_big].astype(np.int64) * n + p_doc[on_big])
    q = np.flatnonzero(big[q_col])
    at = np.searchsorted(key, q_col[q].astype(np.int64) * n + q_doc[q]) + 1
    ok = at < len(key)
    q, at = q[ok], at[ok]
    ok = key[at] // n == q_col[q]
    return q_doc[q[ok]], key[at[ok]] % n


def candidate_pairs(hits: Hits, *, summed: bool = False) -> np.ndarray:
    """(m, 2) sorted distinct pairs (lo, hi) whose summed hits reach the query's least count.

    Rows of one (a, b) are summed first (a distributed run meets a pair in several column
    buckets); ``summed=True`` says each (a, b) has one row already (one :func:`sketch_hits` over
    every column), which skips that grouping (1.2 of 14 CPU seconds on ABP's 37,554 articles).

    >>> hits = Hits(np.array([0, 0, 2]), np.array([1, 1, 0]), np.array([3, 5, 1]), np.array([8, 8, 8]))
    >>> candidate_pairs(hits).tolist()  # 3 + 5 hits of (0, 1) reach 8; (2, 0) does not
    [[0, 1]]
    """
    if not len(hits.a):
        return np.empty((0, 2), dtype=hits.a.dtype)
    if summed:
        ok = hits.hits >= hits.need
        a, b = hits.a[ok], hits.b[ok]
        return unique_pairs(np.minimum(a, b), np.maximum(a, b))
    order = np.lexsort((hits.b, hits.a))
    a, b = hits.a[order], hits.b[order]
    start = np.flatnonzero(np.concatenate([[True], (a[1:] != a[:-1]) | (b[1:] != b[:-1])]))
    total = np.add.reduceat(hits.hits[order], start)
    ok = total >= hits.need[order][start]
    a, b = a[start][ok], b[start][ok]
    return unique_pairs(np.minimum(a, b), np.maximum(a, b))


def unique_pairs(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Distinct (lo, hi) rows sorted by lo, then hi, as an (m, 2) array.

    >>> unique_pairs(np.array([2, 0, 0]), np.array([3, 1, 1])).tolist()
    [[0, 1], [2, 3]]
    """
    if not len(lo):
        return np.empty((0, 2), dtype=lo.dtype)
    order = np.lexsort((hi, lo))
    lo, hi = lo[order], hi[order]
    keep = np.ones(len(lo), dtype=bool)
    keep[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    return np.stack([lo[keep], hi[keep]], axis=1)
