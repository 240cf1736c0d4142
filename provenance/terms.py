"""The terms of texts counted for the links stage's TF-IDF (:func:`provenance.chains.match.tfidf_vectors`).

Apart from :mod:`provenance.chains` and scikit-learn so that a pool worker counts a part of the
texts without importing them (scikit-learn alone ~0.7 CPU s, networkx besides): the pandas
engine counts the terms of the links' texts in its idle workers, a part each
(:func:`provenance.engine.local.pooled_term_counts`), and :func:`joined_term_counts` puts the
parts together as one count of all the texts.

>>> counted = term_counts(["Talks resumed.", "The talks stalled."], stop_words=["the"])
>>> counted.vocabulary, counted.rows.tolist(), counted.numbers.tolist(), counted.counts.tolist()
(['talks', 'resumed', 'stalled'], [0, 0, 1, 1], [0, 1, 0, 2], [1, 1, 1, 1])
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from provenance.text import code_points, joined, text_starts, word_chars


@dataclass
class TermCounts:
    """The terms of a run of ``n_texts`` texts: ``vocabulary``, each term once in order of first
    occurrence (stop words left out), and each term's count in each text that holds it as
    ``rows``, ``numbers`` (its place in the vocabulary) and ``counts``, by row then number."""

    n_texts: int
    vocabulary: list[str]
    rows: np.ndarray
    numbers: np.ndarray
    counts: np.ndarray


# Texts tokenised at a time: only each block's (text, term) counts are kept (all 8,889 texts of
# the first 20,000 ABP articles at once as 8.2M Python strings, before lowered_tokens: the
# links stage's peak RSS 1,160 -> 1,810 MB). A block of 500 holds ~3.5M characters: ~14 MB as
# code points, ~100 MB of arrays at a time in lowered_tokens.
_TOKENISED_TEXTS = 500


def term_counts(texts: Sequence[str], stop_words: Collection[str]) -> TermCounts:
    """The terms of ``texts`` (:func:`lowered_tokens`, ``stop_words`` left out) counted in each,
    a block of ``_TOKENISED_TEXTS`` texts at a time (int32 arrays: a pool worker's part is
    pickled back)."""
    stop = pa.array(sorted(stop_words), type=pa.large_string())
    numbers: dict[str, int] = {}  # term -> its number, in order of first occurrence
    none = np.zeros(0, dtype=np.int64)
    blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = [(none, none, none)]
    for lo in range(0, len(texts), _TOKENISED_TEXTS):
        terms, per_text = lowered_tokens(list(texts[lo : lo + _TOKENISED_TEXTS]))
        number = _term_numbers(numbers, terms, stop)
        blocks.append(_counted(number, per_text, len(numbers), lo))
    rows, number, count = (
        np.concatenate(part).astype(np.int32) for part in zip(*blocks, strict=True)
    )
    return TermCounts(len(texts), list(numbers), rows, number, count)


def joined_term_counts(parts: Sequence[TermCounts]) -> TermCounts:
    """The term counts of consecutive runs of texts, ``parts``, as :func:`term_counts` of all
    the texts gives them.

    A part's rows follow the texts of the parts before it, and its terms are numbered on from
    their vocabulary: a term first occurs in the first part that holds it, so the whole
    vocabulary is each part's new terms in that part's order. A part whose numbers change has
    its cells sorted again by row and number.

    >>> texts = ["b a c", "c d a", "e b"]
    >>> whole = term_counts(texts, ())
    >>> parts = joined_term_counts([term_counts(texts[:1], ()), term_counts(texts[1:], ())])
    >>> whole.vocabulary == parts.vocabulary, whole.numbers.tolist() == parts.numbers.tolist()
    (True, True)
    """
    numbers: dict[str, int] = {}
    pieces: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    n_texts = 0
    for part in parts:
        renumbered = np.fromiter(
            (numbers.setdefault(term, len(numbers)) for term in part.vocabulary),
            dtype=np.int32,
            count=len(part.vocabulary),
        )
        number = renumbered[part.numbers]
        rows, counts = part.rows + np.int32(n_texts), part.counts
        if not np.array_equal(renumbered, np.arange(len(renumbered))):
            order = np.lexsort((number, rows))
            rows, number, counts = rows[order], number[order], counts[order]
        pieces.append((rows, number, counts))
        n_texts += part.n_texts
    rows, number, counts = (np.concatenate(piece) for piece in zip(*pieces, strict=True))
    return TermCounts(n_texts, list(numbers), rows, number, counts)


def lowered_tokens(texts: list[str]) -> tuple[pa.LargeStringArray, np.ndarray]:
    """The tokens of scikit-learn's default pattern ``(?u)\\b\\w\\w+\\b`` in each text lower-cased,
    in order, as one Arrow array, and how many each text has.

    Such a token is a whole run of word characters (``\\b`` on both sides), two or more long:
    the runs are found on code points, and the joined text's UTF-8 bytes cut at their edges
    into one Arrow array of pieces (blank, token, blank, ..., token, blank) from which Arrow
    takes the long enough tokens, with no Python string per token (``re.findall`` per text and
    ``pa.array`` of the strings took 3.4 of the links stage's ~5 CPU s on the first 20,000 ABP
    articles, the stage's one core busy). Before the pieces, the tokens' bytes were gathered by
    a numpy index of every byte: the 19 blocks of the first 20,000 ABP articles' involved
    texts, 1.83 -> 1.27 CPU s (medians of five, alternating in one process; the same arrays).

    >>> terms, per_text = lowered_tokens(["Talks RESUMED in Genève, a b.", "", "x yz"])
    >>> terms.to_pylist(), per_text.tolist()
    (['talks', 'resumed', 'in', 'genève', 'yz'], [4, 0, 1])
    """
    low = [text.lower() for text in texts]
    big = joined(low)
    codes = code_points(big)  # spaces at both ends: every run starts and ends inside, so the
    # word flag changes alternately up (a run's start) and down (its end)
    edges = np.flatnonzero(np.diff(word_chars()[codes].view(np.int8))) + 1
    starts, ends = edges[0::2], edges[1::2]
    utf8 = big.encode("utf-8")
    bounds = np.concatenate([[0], _utf8_offsets(codes, edges), [len(utf8)]])
    pieces = pa.LargeStringArray.from_buffers(
        len(bounds) - 1, pa.py_buffer(bounds.astype(np.int64)), pa.py_buffer(utf8)
    )
    long_enough = np.flatnonzero(ends - starts >= 2)
    terms = pieces.take(pa.array(2 * long_enough + 1))  # run i is piece 2i + 1
    doc = np.searchsorted(text_starts(low), starts[long_enough], side="right") - 1
    return terms, np.bincount(doc, minlength=len(texts)).astype(np.int64)


def _utf8_offsets(codes: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The UTF-8 byte offsets of the code point offsets ``positions`` (sorted) in ``codes``:
    each position plus the extra bytes of the code points above U+007F before it.

    Those are few (the involved texts of the first 20,000 ABP articles: ~15,000 in a block
    of 3M code points), so each adds its extra bytes at the first position after it, summed
    along the positions: 19 blocks, 0.47 -> 0.38 CPU s with the tokens' bytes gathered
    (medians of five), against the offset of every byte's code point looked up before.
    """
    wide = np.flatnonzero(codes >= 0x80)
    extra = 1 + (codes[wide] >= 0x800).astype(np.int64) + (codes[wide] >= 0x10000)
    after = np.searchsorted(positions, wide, side="right")
    added = np.bincount(after, weights=extra, minlength=len(positions) + 1)[: len(positions)]
    return positions + np.cumsum(added).astype(np.int64)


def _counted(
    numbers: np.ndarray, per_text: np.ndarray, n_terms: int, first_row: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, term number, count) of each term of a block of texts (``per_text`` terms each,
    numbered ``numbers``, -1 left out) in each of its texts, by row and then number.

    One sort of (row in the block, number) packed in an int32 where it fits (500 texts and
    70,032 terms: 26 bits), an int64 else: the 19 blocks of the first 20,000 ABP articles'
    involved texts, 0.33 -> 0.24 CPU s against int64 cells (the same order: rows, numbers)."""
    bits = max(n_terms, 1).bit_length()
    kind = np.int32 if len(per_text) < 1 << (31 - bits) else np.int64
    row = np.repeat(np.arange(len(per_text), dtype=kind), per_text)
    kept = numbers >= 0
    cell, count = np.unique((row[kept] << bits) + numbers[kept].astype(kind), return_counts=True)
    return (cell >> bits).astype(np.int64) + first_row, cell & ((1 << bits) - 1), count


def _term_numbers(
    numbers: dict[str, int], terms: pa.LargeStringArray, stop_words: pa.Array
) -> np.ndarray:
    """Each of ``terms`` numbered in order of first occurrence, ``numbers`` (term -> number)
    extended with the block's new terms; stop words -1. The stop words are dropped from the
    block's (short) dictionary, not from the tokens.

    One dictionary lookup per distinct term of the block: the cost follows the block, not the
    vocabulary. (Session 16 tried one dictionary encoding of the vocabulary and each block: the
    numbering 0.52 -> 0.37 CPU s at 20,000 ABP articles, but it reads the whole vocabulary
    again at each block: a cost that grows with the square of the corpus.)
    """
    encoded = pc.dictionary_encode(terms)
    stop = pc.is_in(encoded.dictionary, value_set=stop_words).to_numpy(zero_copy_only=False)
    number = np.full(len(stop), -1, dtype=np.int64)
    number[~stop] = [
        numbers.setdefault(term, len(numbers))
        for term in encoded.dictionary.filter(pa.array(~stop)).to_pylist()
    ]
    return number[encoded.indices.to_numpy()]
