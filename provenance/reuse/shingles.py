"""Word shingles of a whole corpus as flat numpy arrays (one CSR-like index, no per-doc objects).

Each document's words (the shared :data:`provenance.text.WORD_RE`, lower-cased) are hashed to
64 bits; a shingle is an order-sensitive combination of ``k`` consecutive word hashes, folded into
``2**SHINGLE_BITS`` columns (the hashing trick: with 33M columns two unrelated 400-word documents
share a colliding column with probability ~0.5%, far below any containment threshold).

>>> idx = build_index(["One two three four five six.", "Nothing alike here at all, no."], 3)
>>> idx.n_docs, idx.n_shingles.tolist(), idx.n_words.tolist()
(2, [4, 4], [6, 6])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd
import scipy.sparse as sp

from provenance.progress import progress
from provenance.text import WORD_RE

SHINGLE_BITS = 25
N_COLUMNS = 1 << SHINGLE_BITS
_CHUNK_DOCS = 4096
# Odd 64-bit multipliers for the position-dependent shingle combination (fixed: stable ids).
_MIX = np.random.default_rng(0x5EED).integers(1, 2**63, size=64, dtype=np.uint64) | np.uint64(1)


@dataclass(frozen=True)
class ShingleIndex:
    """Distinct shingles per document, as a binary CSR structure plus first word positions.

    ``cols[indptr[d]:indptr[d+1]]`` are document ``d``'s shingle columns (sorted, unique, shingles
    above the document-frequency cap removed); ``pos`` is the word index where each first occurs.
    """

    indptr: np.ndarray  # int64, n_docs + 1
    cols: np.ndarray  # int32
    pos: np.ndarray  # int32
    n_words: np.ndarray  # int64, words per document
    n_capped: int  # distinct columns dropped by the document-frequency cap

    @property
    def n_docs(self) -> int:
        return len(self.indptr) - 1

    @property
    def n_shingles(self) -> np.ndarray:
        return np.diff(self.indptr)

    def matrix(self) -> sp.csr_matrix:
        """Binary doc x shingle matrix."""
        data = np.ones(len(self.cols), dtype=np.float32)
        return sp.csr_matrix((data, self.cols, self.indptr), shape=(self.n_docs, N_COLUMNS))


def _tokens(text: str) -> list[str]:
    lower = text.lower()
    if len(lower) == len(text):
        return WORD_RE.findall(lower)
    # Rare case-mappings change lengths (e.g. 'İ'): tokenise the original so word i stays word i.
    return [w.lower() for w in WORD_RE.findall(text)]


def word_hashes(texts: Sequence[str], *, quiet: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of every word of every text, concatenated, and the word offsets per text.

    Words are factorised per chunk and only the distinct words are hashed (pandas' keyed hash:
    deterministic across runs and machines).
    """
    n = len(texts)
    counts = np.zeros(n, dtype=np.int64)
    parts: list[np.ndarray] = []
    starts = range(0, n, _CHUNK_DOCS)
    for s in progress(starts, total=len(starts), desc="reuse: words", quiet=quiet):
        toks = [_tokens(t) for t in texts[s : s + _CHUNK_DOCS]]
        counts[s : s + len(toks)] = [len(t) for t in toks]
        flat = np.fromiter(chain.from_iterable(toks), dtype=object, count=int(sum(map(len, toks))))
        codes, uniques = pd.factorize(flat)
        uhash = pd.util.hash_array(np.asarray(uniques, dtype=object), categorize=False)
        parts.append(uhash[codes] if len(codes) else np.empty(0, np.uint64))
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    hashes = np.concatenate(parts) if parts else np.empty(0, np.uint64)
    return hashes, offsets


def build_index(
    texts: Sequence[str], shingle_size: int, max_doc_freq: int | None = None, *, quiet: bool = True
) -> ShingleIndex:
    """Shingle every text and drop shingles found in more than ``max_doc_freq`` documents."""
    h, offsets = word_hashes(texts, quiet=quiet)
    n_docs = len(texts)
    n_words = np.diff(offsets)
    k = shingle_size
    n_start = max(len(h) - k + 1, 0)
    # Shingle at word i = sum_j h[i+j] * MIX[j] (uint64 wrap-around): vectorised over the corpus.
    sh = np.zeros(n_start, dtype=np.uint64)
    for j in range(k):
        sh += h[j : j + n_start] * _MIX[j]
    del h
    # A shingle is valid when its k words lie in one document.
    doc_of = np.repeat(np.arange(n_docs, dtype=np.int64), n_words)[:n_start]
    valid = np.arange(n_start, dtype=np.int64) + k <= offsets[1:][doc_of]
    cols = (sh[valid] >> np.uint64(64 - SHINGLE_BITS)).astype(np.int32)
    del sh
    pos = (np.arange(n_start, dtype=np.int64)[valid] - offsets[doc_of[valid]]).astype(np.int32)
    per_doc = np.bincount(doc_of[valid], minlength=n_docs)
    del doc_of, valid
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(per_doc, out=indptr[1:])

    # Sort each document's shingles (scipy's per-row sort, in C++), then keep one entry per
    # distinct shingle with its first position.
    m = sp.csr_matrix((pos, cols, indptr), shape=(n_docs, N_COLUMNS))
    m.sort_indices()
    cols, pos = m.indices, m.data
    del m
    row = np.repeat(np.arange(n_docs, dtype=np.int64), per_doc)
    first = np.ones(len(cols), dtype=bool)
    first[1:] = (cols[1:] != cols[:-1]) | (row[1:] != row[:-1])
    starts = np.flatnonzero(first)
    pos = np.minimum.reduceat(pos, starts) if len(starts) else pos[:0]
    cols, row = cols[starts], row[starts]

    n_capped = 0
    if max_doc_freq is not None and len(cols):
        df = np.bincount(cols, minlength=N_COLUMNS)
        keep = df[cols] <= max_doc_freq
        n_capped = int(np.count_nonzero(df > max_doc_freq))
        del df
        cols, pos, row = cols[keep], pos[keep], row[keep]
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(row, minlength=n_docs), out=indptr[1:])
    return ShingleIndex(
        indptr=indptr,
        cols=cols.astype(np.int32, copy=False),
        pos=pos.astype(np.int32, copy=False),
        n_words=n_words,
        n_capped=n_capped,
    )
