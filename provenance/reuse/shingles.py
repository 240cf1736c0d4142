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
from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp

from provenance.progress import progress
from provenance.text import WORD_RE

SHINGLE_BITS = 25
N_COLUMNS = 1 << SHINGLE_BITS
# Odd 64-bit multipliers for the position-dependent shingle combination (fixed: stable ids).
_MIX = np.random.default_rng(0x5EED).integers(1, 2**63, size=64, dtype=np.uint64) | np.uint64(1)


@dataclass(frozen=True)
class ShingleIndex:
    """Distinct shingles per document, as a binary CSR structure plus first word positions.

    ``cols[indptr[d]:indptr[d+1]]`` are document ``d``'s shingle columns (sorted, unique, shingles
    above the document-frequency cap removed); ``pos`` is the word index where each first occurs.

    >>> idx = build_index(["one two three four", "three four five"], 2)
    >>> idx.n_docs, idx.n_shingles.tolist(), idx.matrix().shape[0]
    (2, [3, 2], 2)
    """

    indptr: np.ndarray  # int64, n_docs + 1
    cols: np.ndarray  # int32
    pos: np.ndarray  # int32
    n_words: np.ndarray  # int64, words per document
    n_capped: int  # frequency buckets over the document-frequency cap
    words: Words  # character spans of the words the shingles are made of (hashes dropped)

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

    def only(self, docs: np.ndarray) -> ShingleIndex:
        """This index with the shingles and words of ``docs`` alone (row numbers, sorted and
        distinct); the other rows stay, empty, and every document keeps its ``n_words``.

        Verifying and aligning candidate pairs reads their own documents' rows only, so an
        engine that keeps the index while other stages run keeps just those: first 20,000 ABP
        articles, 288 -> 19 MB (1,208 documents in 2,286 candidate pairs; 0.016 CPU s).

        >>> idx = build_index(["a b c d", "x y z", "a b c e"], 2)
        >>> part = idx.only(np.array([0, 2]))
        >>> part.n_shingles.tolist(), part.words.offsets.tolist(), part.n_words.tolist()
        ([3, 0, 3], [0, 4, 4, 8], [4, 3, 4])
        """
        indptr, entries = _rows_only(self.indptr, docs)
        offsets, words = _rows_only(self.words.offsets, docs)
        return replace(
            self,
            indptr=indptr,
            cols=self.cols[entries],
            pos=self.pos[entries],
            words=Words(
                self.words.hashes[:0], offsets, self.words.start[words], self.words.end[words]
            ),
        )


def _rows_only(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the row pointers with every row but ``rows`` empty, the kept entries' positions)."""
    lengths = np.zeros(len(indptr) - 1, dtype=np.int64)
    lengths[rows] = indptr[rows + 1] - indptr[rows]
    kept = np.zeros(len(indptr), dtype=np.int64)
    np.cumsum(lengths, out=kept[1:])
    first = np.repeat(indptr[:-1] - kept[:-1], lengths)  # each kept entry's shift
    return kept, first + np.arange(kept[-1], dtype=np.int64)


# The joiners of text.WORD_PATTERN (\w+(?:['’\-]\w+)*): inside a word only between word chars.
_JOINERS = np.array([ord(c) for c in "'’-"], dtype=np.uint32)
_BASE = np.uint64(0x100000001B3)  # odd: invertible modulo 2**64
_BASE_INV = np.uint64(pow(int(_BASE), -1, 2**64))
# Texts longer than this are scanned up to it only (bounds memory on hostile input).
MAX_CHARS = 200_000
_CHUNK_CHARS = 1 << 20
_BLOCK_WORDS = 1 << 18
DF_BUCKETS = 1 << 22


@dataclass(frozen=True)
class Words:
    """Every word of every text: 64-bit hash of the lower-cased word and its character span."""

    hashes: np.ndarray  # uint64
    offsets: np.ndarray  # int64, n_texts + 1: words of text d are [offsets[d], offsets[d+1])
    start: np.ndarray  # int32 character offsets within the text
    end: np.ndarray  # int32, exclusive


_BMP_TABLES: list[np.ndarray] = []


def _bmp_tables() -> tuple[np.ndarray, np.ndarray]:
    """Word-character flag and lower-case code point of every BMP character (built once)."""
    if not _BMP_TABLES:
        chars = [chr(c) for c in range(0x10000)]
        is_word = np.array([WORD_RE.fullmatch(c) is not None for c in chars])
        # A case mapping to several characters (e.g. 'İ') keeps the original: lengths must hold.
        lower = np.array(
            [ord(lc) if len(lc := c.lower()) == 1 else ord(c) for c in chars], dtype=np.uint32
        )
        _BMP_TABLES[:] = [is_word, lower]
    return _BMP_TABLES[0], _BMP_TABLES[1]


def _classify(cps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Word-character flags (``\\w``) and lower-cased code points of ``cps`` (uint8 when the
    text is ASCII, else uint32).

    ASCII is classified by arithmetic (uint8 wrap-around makes each range one comparison) and
    only the other code points (~0.5% of ABP's characters) by the BMP tables: first 8,000 ABP
    texts, the word scan 0.60 -> 0.43 CPU s (two table look-ups of every code point before).
    """
    low = cps.astype(np.uint8, copy=False)  # (wraps the non-ASCII ones: set again below)
    upper = (low - np.uint8(65)) < 26
    is_word = upper | ((low - np.uint8(97)) < 26) | ((low - np.uint8(48)) < 10) | (low == 95)
    # An ASCII capital has bit 5 clear: or-ing it in lower-cases it.
    lower = cps | (upper.view(np.uint8).astype(cps.dtype, copy=False) << cps.dtype.type(5))
    if cps.dtype == np.uint8:
        return is_word, lower
    rest = np.flatnonzero(cps >= 128)
    if len(rest):
        is_word[rest], lower[rest] = _classify_table(cps[rest])
    return is_word, lower


def _classify_table(cps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_classify` of any code points by the BMP tables (others one by one)."""
    is_word_bmp, lower_bmp = _bmp_tables()
    bmp = cps < 0x10000
    if bmp.all():
        return is_word_bmp[cps], lower_bmp[cps]
    small = np.where(bmp, cps, 0)
    is_word, lower = is_word_bmp[small], np.where(bmp, lower_bmp[small], cps)
    rest = ~bmp
    uniq, inv = np.unique(cps[rest], return_inverse=True)
    chars = [chr(c) for c in uniq]
    is_word[rest] = np.array([WORD_RE.fullmatch(c) is not None for c in chars])[inv]
    lower[rest] = np.array(
        [ord(lc) if len(lc := c.lower()) == 1 else ord(c) for c in chars], dtype=np.uint32
    )[inv]
    return is_word, lower


_POWERS: list[np.ndarray] = []


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """B**i and B**-i modulo 2**64 for i < n (cached: the same for every chunk)."""
    if not _POWERS or len(_POWERS[0]) < n:
        size = max(n, _CHUNK_CHARS + 1)
        pw = np.empty(size, dtype=np.uint64)
        ipw = np.empty(size, dtype=np.uint64)
        pw[0] = ipw[0] = 1
        np.multiply.accumulate(np.full(size - 1, _BASE), out=pw[1:])
        np.multiply.accumulate(np.full(size - 1, _BASE_INV), out=ipw[1:])
        _POWERS[:] = [pw, ipw]
    return _POWERS[0], _POWERS[1]


def _scan_chunk(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Words of a few texts joined by newlines: hashes, words per text, local start and end."""
    lens = np.array([len(t) for t in texts], dtype=np.int64)
    text_start = np.concatenate([[0], np.cumsum(lens + 1)[:-1]])
    joined = "\n".join(texts)
    if joined.isascii():  # one byte per character, 4x less memory traffic
        cps = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    else:
        cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    is_word, lower = _classify(cps)
    n = len(cps)
    in_word = np.zeros(n + 2, dtype=bool)  # a blank either side: every word has two edges
    in_word[1:-1] = is_word
    if n > 2:
        mid = cps[1:-1]
        joiner = (mid == _JOINERS[0]) | (mid == _JOINERS[2])
        if cps.dtype != np.uint8:
            joiner |= mid == _JOINERS[1]
        in_word[2:-2] |= joiner & is_word[:-2] & is_word[2:]
    edge = np.diff(in_word.view(np.int8))
    st, en = np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)
    # Polynomial hash of each word's code points from prefix sums: (P[e] - P[s]) * B^-s.
    pw, ipw = _powers(n + 1)
    prefix = np.zeros(n + 1, dtype=np.uint64)
    np.multiply(lower, pw[:n], out=prefix[1:])
    np.cumsum(prefix[1:], out=prefix[1:])
    h = (prefix[en] - prefix[st]) * ipw[st] + (en - st).astype(np.uint64)
    # splitmix64 finaliser: the polynomial is linear, the shingle mix must not see that.
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    # Words per text from one search per text start (not one per word); a newline ends each.
    counts = np.diff(np.searchsorted(st, np.append(text_start, n)))
    base = np.repeat(text_start, counts)
    return h, counts, st - base, en - base


def scan_words(texts: Sequence[str], *, quiet: bool = True) -> Words:
    """Every word of every text (as :data:`provenance.text.WORD_RE` finds them), vectorised.

    The texts are scanned as code-point arrays in chunks of a few million characters; the word
    boundaries follow ``WORD_PATTERN`` exactly (word characters, inner apostrophes and hyphens).

    >>> w = scan_words(["It's Russia-US talks.", "x"])
    >>> w.offsets.tolist(), w.start.tolist(), w.end.tolist()
    ([0, 3, 4], [0, 5, 15, 0], [4, 14, 20, 1])
    """
    n = len(texts)
    clipped = [t[:MAX_CHARS] for t in texts]
    sizes = np.array([len(t) + 1 for t in clipped], dtype=np.int64)
    cut = np.searchsorted(
        np.cumsum(sizes), np.arange(_CHUNK_CHARS, sizes.sum() + _CHUNK_CHARS, _CHUNK_CHARS)
    )
    bounds = np.unique(np.clip(np.concatenate([[0], cut + 1, [n]]), 0, n))
    counts = np.zeros(n, dtype=np.int64)
    hs, starts, ends = [], [], []
    pairs = list(zip(bounds[:-1], bounds[1:], strict=True))
    for lo, hi in progress(pairs, total=len(pairs), desc="reuse: words", quiet=quiet):
        h, counts[lo:hi], st, en = _scan_chunk(clipped[lo:hi])
        hs.append(h)
        starts.append(st.astype(np.int32))
        ends.append(en.astype(np.int32))
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    hashes = concat_freeing(hs, np.uint64)
    return Words(hashes, offsets, concat_freeing(starts, np.int32), concat_freeing(ends, np.int32))


def concat_freeing(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    """``np.concatenate(parts)`` (``dtype`` when there are none) that empties ``parts`` as it
    copies them, so the parts and the whole are not held at once (the first 20,000 ABP
    articles hold 21.7M words: 174 MB of hashes, 87 MB of starts, of ends, of shingles).

    >>> parts = [np.arange(2), np.arange(3)]
    >>> concat_freeing(parts, np.int64).tolist(), parts
    ([0, 1, 0, 1, 2], [])
    """
    out = np.empty(sum(len(p) for p in parts), dtype=parts[0].dtype if parts else dtype)
    at = 0
    parts.reverse()
    while parts:
        part = parts.pop()
        out[at : at + len(part)] = part
        at += len(part)
    return out


def _block_shingles(
    h: np.ndarray, n_words: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct shingles of a block of documents: sorted columns, first positions, counts."""
    n_docs = len(n_words)
    n_start = max(len(h) - k + 1, 0)
    # Shingle at word i = sum_j h[i+j] * MIX[j] (uint64 wrap-around).
    sh = h[:n_start] * _MIX[0]
    for j in range(1, k):
        sh += h[j : j + n_start] * _MIX[j]
    # Word i's position in its document; a shingle is valid when its k words lie in one document.
    firsts = np.cumsum(n_words) - n_words
    local = np.arange(len(h), dtype=np.int32) - np.repeat(firsts, n_words).astype(np.int32)
    room = np.repeat((n_words - k).astype(np.int32), n_words)
    valid = (local <= room)[:n_start]
    cols = (sh[valid] >> np.uint64(64 - SHINGLE_BITS)).astype(np.int32)
    pos = local[:n_start][valid]
    per_doc = np.maximum(n_words - k + 1, 0)
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(per_doc, out=indptr[1:])
    # Sort each document's shingles (scipy's per-row sort, in C++), then keep one entry per
    # distinct shingle with its first position.
    m = sp.csr_matrix((pos, cols, indptr), shape=(n_docs, N_COLUMNS))
    m.sort_indices()
    cols, pos = m.indices, m.data
    row = np.repeat(np.arange(n_docs, dtype=np.int32), per_doc)
    first = np.ones(len(cols), dtype=bool)
    first[1:] = (cols[1:] != cols[:-1]) | (row[1:] != row[:-1])
    starts = np.flatnonzero(first)
    pos = np.minimum.reduceat(pos, starts) if len(starts) else pos[:0]
    return cols[starts], pos, np.bincount(row[starts], minlength=n_docs)


def build_index(
    texts: Sequence[str], shingle_size: int, max_doc_freq: int | None = None, *, quiet: bool = True
) -> ShingleIndex:
    """Shingle every text and drop shingles found in more than ``max_doc_freq`` documents.

    >>> idx = build_index(["a b c d", "a b c e", "a b c f"], 2, max_doc_freq=2)
    >>> idx.n_shingles.tolist()  # "a b" and "b c" are in all three: dropped
    [1, 1, 1]
    """
    words = scan_words(texts, quiet=quiet)
    n_docs = len(texts)
    offsets = words.offsets
    n_words = np.diff(offsets)
    # Blocks of whole documents of about _BLOCK_WORDS words keep the temporaries in cache.
    cuts = np.searchsorted(offsets, np.arange(0, offsets[-1], _BLOCK_WORDS), side="right") - 1
    bounds = np.unique(np.concatenate([cuts, [n_docs]]))
    cols_parts, pos_parts, counts = [], [], np.zeros(n_docs, dtype=np.int64)
    blocks = list(zip(bounds[:-1], bounds[1:], strict=True))
    for lo, hi in progress(blocks, total=len(blocks), desc="reuse: shingles", quiet=quiet):
        hashes = words.hashes[offsets[lo] : offsets[hi]]
        c, p, n = _block_shingles(hashes, n_words[lo:hi], shingle_size)
        cols_parts.append(c)
        pos_parts.append(p)
        counts[lo:hi] = n
    # The word hashes are done with: freed before the shingles are put together.
    hashes = None
    words = Words(np.empty(0, np.uint64), offsets, words.start, words.end)
    cols = concat_freeing(cols_parts, np.int32)
    pos = concat_freeing(pos_parts, np.int32)

    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    index = ShingleIndex(
        indptr=indptr,
        cols=cols.astype(np.int32, copy=False),
        pos=pos.astype(np.int32, copy=False),
        n_words=n_words,
        n_capped=0,
        words=words,
    )
    del cols, pos  # the index holds them; drop_capped may replace them
    if max_doc_freq is None or not len(index.cols):
        return index
    return drop_capped(index, doc_freq_counts(index.cols) > max_doc_freq)


def doc_freq_counts(cols: np.ndarray) -> np.ndarray:
    """Documents per frequency bucket of the shingle columns ``cols`` (distinct per document).

    Document frequencies are counted in a 4M-bucket space that stays in cache; a bucket holds
    ~n_docs/10,000 unrelated shingles, noise far below the cap (>= 0.5% of docs by default),
    which can only make the cap a little stricter. Counts of parts of a corpus add up: an
    engine that shingles the corpus in parts sums them, then drops the same buckets everywhere.

    >>> idx = build_index(["a b c d", "a b c e"], 3)
    >>> int(doc_freq_counts(idx.cols).sum()), int(doc_freq_counts(idx.cols).max())
    (4, 2)
    """
    return np.bincount(cols & np.int32(DF_BUCKETS - 1), minlength=DF_BUCKETS)


def drop_capped(index: ShingleIndex, capped: np.ndarray) -> ShingleIndex:
    """``index`` without the shingles whose frequency bucket is flagged in ``capped`` (bool).

    >>> idx = build_index(["a b c d", "a b c e"], 3)
    >>> drop_capped(idx, doc_freq_counts(idx.cols) > 1).n_shingles.tolist()
    [1, 1]
    """
    n_capped = int(np.count_nonzero(capped))
    if not n_capped or not len(index.cols):
        return replace(index, n_capped=n_capped)
    keep = ~capped[index.cols & np.int32(DF_BUCKETS - 1)]
    # Each document's dropped entries counted by a search per document in their positions
    # (a few percent of the entries), not a row number of every entry (35M on all of ABP).
    dropped = np.flatnonzero(~keep)
    counts = index.n_shingles - np.diff(np.searchsorted(dropped, index.indptr))
    indptr = np.zeros(index.n_docs + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return replace(
        index, indptr=indptr, cols=index.cols[keep], pos=index.pos[keep], n_capped=n_capped
    )
