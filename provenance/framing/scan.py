"""One Aho-Corasick pass over the whole corpus for every lexicon at once.

The texts are lower-cased and every character that cannot be part of a word is turned into a
space *one for one* (so offsets stay valid in the original text); the texts are joined with a
double space and each term is searched as `` term `` - whole words and phrases only, all lists
in one automaton, one C-level pass. Hits are mapped back to documents with ``searchsorted`` and
counted into a sparse (documents x lists) matrix.

>>> s = Scanner({"doubt": ("claimed",), "neutral": ("said", "according to")})
>>> hits, counts = s.scan(["He claimed it.", "She said, according to them, no."])
>>> counts.toarray().tolist()
[[1, 0], [0, 2]]
>>> hits[["doc", "start", "end", "list"]].values.tolist()[0]
[0, 3, 10, 'doubt']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from provenance.literals import LiteralFinder
from provenance.text import (
    ABBREVIATIONS,
    SENTENCE_END_RE,
    char_class,
    code_points,
    every_code_point,
    from_code_points,
    joined,
    sentence_spans,
    text_blocks,
    text_starts,
    word_chars,
)

from .table import stable_order
from .techniques import HitArrays

_APOSTROPHES = (("’", "'"), ("‘", "'"), ("‐", "-"), ("‑", "-"))
_MONTH_CONTEXT_RE = re.compile(r"\d\s+May|May\s+\d|\b(?:in|of|since|until|by|late|early|mid)\s+May")


def _lower_same_length(text: str) -> str:
    """``text`` lower-cased, one character for one (a few Unicode letters lower-case to two
    code points; those keep their first, or become a space)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower()[:1] or " " for c in text)
    return low


def normalised_codes(big: str, texts: Sequence[str]) -> np.ndarray:
    """The code points of ``big`` (:func:`joined` ``texts``) normalised as :func:`normalise`
    does to each text, in one pass."""
    for curly, plain in _APOSTROPHES:
        big = big.replace(curly, plain)
    low = big.lower()
    if len(low) != len(big):  # lower-case text by text, as normalise does
        texts = [_lower_same_length(_swap_apostrophes(t)) for t in texts]
        low = joined(texts)
    codes = code_points(low)
    word = word_chars()[codes]
    joiner = char_class("'-")[codes]  # kept between two word characters
    joiner[1:-1] &= word[:-2] & word[2:]  # the ends of a joined text are spaces
    return np.where(word | joiner, codes, np.uint32(ord(" ")))


@lru_cache(maxsize=1)
def _lowered() -> np.ndarray:
    """Per code point, the code point :func:`normalise` lower-cases it to (its apostrophe or
    hyphen made plain first): the first of ``str.lower``'s, as for a text that lower-cases to
    more characters. (In a text, ``str.lower`` makes a word-final capital sigma "ς", here "σ".)
    """
    every = _swap_apostrophes(every_code_point())
    parts = [every[i : i + 4096] for i in range(0, len(every), 4096)]
    low = [part.lower() for part in parts]
    for i, part in enumerate(parts):
        if len(low[i]) != len(part):  # "İ" lower-cases to two code points: keep the first
            low[i] = "".join(c.lower()[:1] for c in part)
    table = code_points("".join(low)).copy()
    table[ord("Σ")] = ord("σ")
    return table


@lru_cache(maxsize=1)
def _byte_table() -> np.ndarray:
    """Per code point, the byte :class:`Scanner` reads for it: the ASCII character
    :func:`normalise` makes of it, _OTHER_WORD for a word character that is not ASCII there,
    " " for the rest; "'" and "-" as they are, joiners or not (so a byte is a word character's
    unless it is one of " '-")."""
    low = _lowered()
    keep = word_chars()[low] | char_class("'-")[low]
    table = np.where(low < 0x80, low, _OTHER_WORD).astype(np.uint8)
    table[~keep] = ord(" ")
    return table


_OTHER_WORD = 0x01  # no key holds it: a control character is no word character


def _swap_apostrophes(text: str) -> str:
    for curly, plain in _APOSTROPHES:
        text = text.replace(curly, plain)
    return text


def normalise(text: str) -> str:
    """Lower-case word text of the same length as ``text``: every character that cannot be part
    of a word becomes a space (so offsets stay valid), and so do apostrophes and hyphens that do
    not stand between two word characters; curly apostrophes and Unicode hyphens become plain.

    >>> normalise("Rock-'n'-Roll's ‘so-called’ - end")
    "rock  n  roll's  so-called    end"
    """
    return from_code_points(normalised_codes(joined([text]), [text])[1:-1])


def normalise_all(texts: Sequence[str]) -> list[str]:
    """:func:`normalise` of each text, in one pass (the same strings; building the scanner of
    the default lists, 15,564 terms, took 0.17-0.22 CPU s one term at a time, 0.02-0.06 s so)."""
    big = from_code_points(normalised_codes(joined(texts), texts))
    return [big[s : s + len(t)] for s, t in zip(text_starts(texts).tolist(), texts, strict=True)]


@lru_cache(maxsize=1)
def space_chars() -> np.ndarray:
    """Per code point, whether ``str.isspace`` holds (what ``str.strip()`` removes; ``re``'s
    ``\\s`` is the same test)."""
    basic = "".join(map(chr, range(0x10000)))  # none above U+3000 (tests/test_framing_scan.py)
    return char_class("".join(re.findall(r"\s", basic)))


_SENTENCE_JOIN = "\x00"  # neither a space nor a sentence mark: no sentence end spans two texts


def sentence_bounds(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(doc, start, end) of every sentence of ``texts``, the spans of
    :func:`provenance.text.sentence_spans` of each text, one regex pass a block of texts.

    On the first 3,000 ABP bodies sentence_spans text by text took 0.48 CPU s, this 0.30-0.37 s
    (same spans: tests/test_framing_scan.py).
    """
    parts = [_block_sentences(texts, first, end) for first, end in text_blocks(texts)]
    if not parts:
        return tuple(np.zeros(0, dtype=np.int64) for _ in range(3))  # type: ignore[return-value]
    return tuple(np.concatenate(cols) for cols in zip(*parts, strict=True))  # type: ignore[return-value]


def _block_sentences(
    texts: Sequence[str], first: int, end: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`sentence_bounds` of ``texts[first:end]`` (doc numbers from ``first``)."""
    block = texts[first:end]
    big = _SENTENCE_JOIN.join(block)
    if big.count(_SENTENCE_JOIN) != len(block) - 1:  # a text holds the joiner: text by text
        rows = [(first + i, a, b) for i, t in enumerate(block) for a, b in sentence_spans(t)]
        cols = np.array(rows, dtype=np.int64).reshape(-1, 3)
        return cols[:, 0], cols[:, 1], cols[:, 2]
    lengths = np.fromiter(map(len, block), dtype=np.int64, count=len(block))
    starts = np.cumsum(lengths + 1) - lengths - 1
    spans = np.array([m.span() for m in SENTENCE_END_RE.finditer(big)], dtype=np.int64)
    spans = spans.reshape(-1, 2)
    codes = code_points(big)
    cuts = spans[~_abbreviation_dots(big, codes, spans[:, 0]), 1]
    # Chunk boundaries in order: each text's start, its cuts, its end; a chunk runs from each
    # boundary that is not a text's end to the next one (sentence_spans's _add_span).
    points = np.concatenate([starts, cuts, starts + lengths])
    kind = np.repeat([0, 1, 2], [len(starts), len(cuts), len(starts)])
    order = stable_order(points, kind)
    points, kind = points[order], kind[order]
    opens = np.flatnonzero(kind[:-1] != 2)
    chunk_start, chunk_end = points[opens], points[opens + 1]
    first_solid, last_solid = _trimmed(space_chars()[codes], chunk_start, chunk_end)
    keep = first_solid < chunk_end
    doc = np.searchsorted(starts, chunk_start[keep], side="right") - 1
    base = starts[doc]
    return doc + first, first_solid[keep] - base, last_solid[keep] + 1 - base


_TRIM_WINDOW = 16  # characters read at each end of a chunk before looking further


def _trimmed(
    space: np.ndarray, start: np.ndarray, end: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The first and the last non-space character of each chunk ``start:end`` of a text whose
    characters are whitespace where ``space`` holds; ``end`` as the first where the chunk is
    blank.

    Read in a window of _TRIM_WINDOW characters at both ends (chunks whose blank run is longer
    are read whole): on the first 3,000 ABP bodies the positions of every non-space character
    (~16M, 8 bytes each) took 0.07-0.15 CPU s to list, the windows ~0.01 s.
    """
    if not len(space):  # no character: every chunk is blank
        return end.copy(), end.copy()
    last_char = len(space) - 1
    ahead = np.minimum(start[:, None] + np.arange(_TRIM_WINDOW), last_char)
    solid = ~space[ahead] & (ahead < end[:, None])
    first = np.where(solid.any(1), start + solid.argmax(1), end)
    behind = np.maximum(end[:, None] - 1 - np.arange(_TRIM_WINDOW), 0)
    solid = ~space[behind] & (behind >= first[:, None])
    last = np.where(solid.any(1), end - 1 - solid.argmax(1), first)
    for i in np.flatnonzero(~solid.any(1) & (first < end)).tolist():
        last[i] = first[i] + np.flatnonzero(~space[first[i] : end[i]])[-1]
    blank_run = np.flatnonzero((first == end) & (end - start > _TRIM_WINDOW))
    for i in blank_run.tolist():
        found = np.flatnonzero(~space[start[i] : end[i]])
        if len(found):
            first[i], last[i] = start[i] + found[0], start[i] + found[-1]
    return first, last


_TOKEN_WINDOW = 12  # provenance.text._is_abbreviation reads the 12 characters before a stop
_LONGEST = max(map(len, ABBREVIATIONS))


def _abbreviation_dots(big: str, codes: np.ndarray, mark: np.ndarray) -> np.ndarray:
    """Per sentence-end match starting at ``mark``, whether it is a full stop after an
    abbreviation or an initial (provenance.text._is_abbreviation: the run of ``[\\w.]`` that
    ends the 12 characters before the stop, or before a newline there, as ``$`` allows)."""
    out = np.zeros(len(mark), dtype=bool)
    dots = np.flatnonzero((codes[mark] == ord(".")) & (mark > 0))
    if not len(dots):
        return out
    stop = mark[dots]
    end = stop - (codes[stop - 1] == ord("\n"))
    # The token characters of each stop's window, nearest first; the run ends at the first
    # other character (or the window's start, or the text's start: the joiner is no token).
    back = end[:, None] - 1 - np.arange(_TOKEN_WINDOW)
    inside = back >= np.maximum(stop - _TOKEN_WINDOW, 0)[:, None]
    token = word_chars()[codes[np.maximum(back, 0)]] | (codes[np.maximum(back, 0)] == ord("."))
    run = np.argmin(np.c_[token & inside, np.zeros(len(stop), dtype=bool)], axis=1)
    begin = end - run
    # Every abbreviation has at most _LONGEST characters before its dots: other runs are read
    # only when they end in a dot (on the first 3,000 ABP bodies 8% of the stops are read).
    read = np.flatnonzero(
        (run > 0) & ((run <= _LONGEST) | (codes[np.maximum(end - 1, 0)] == ord(".")))
    )
    words = [
        big[a:b].lower().rstrip(".")
        for a, b in zip(begin[read].tolist(), end[read].tolist(), strict=True)
    ]
    out[dots[read]] = [w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) for w in words]
    return out


@dataclass(frozen=True)
class ScanHits:
    """The hits of a :meth:`Scanner.scan_arrays`, one per (match, list), by (doc, start, list)."""

    doc: np.ndarray  # position of the text
    start: np.ndarray  # offsets in the text
    end: np.ndarray
    key: np.ndarray  # the matched term (position in Scanner.keys)
    code: np.ndarray  # the list (position in ``names``)
    names: tuple[str, ...]

    def arrays(self) -> HitArrays:
        """The hits as the phrase rules of ``techniques.py`` take them."""
        return HitArrays(self.doc, self.start, self.end, self.code, self.names)


class Scanner:
    """Counts whole-word/phrase hits of several named term lists in many texts at once."""

    def __init__(self, lists: Mapping[str, Sequence[str]]):
        self.names: list[str] = list(lists)
        key_lists: dict[str, list[int]] = {}
        owners = [j for j, name in enumerate(self.names) for _ in lists[name]]
        terms = normalise_all([term for name in self.names for term in lists[name]])
        for j, term in zip(owners, terms, strict=True):
            term = term.strip()
            if term and "  " not in term:
                key_lists.setdefault(term, []).append(j)
        self.keys: list[str] = list(key_lists)
        self.key_len = np.array([len(k) for k in self.keys], dtype=np.int64)
        rows = [i for i, k in enumerate(self.keys) for _ in key_lists[k]]
        cols = [j for k in self.keys for j in key_lists[k]]
        self.membership = sp.csr_matrix(
            (np.ones(len(rows), dtype=np.int64), (rows, cols)),
            shape=(len(self.keys), len(self.names)),
        )
        self._finder = LiteralFinder([f" {key} " for key in self.keys]) if self.keys else None
        self._bytes = _ByteKeys.of(self.keys)

    def scan(self, texts: Sequence[str]) -> tuple[pd.DataFrame, sp.csr_matrix]:
        """Hits (doc, start, end, key, list, text) and a (len(texts) x lists) count matrix."""
        hits, counts = self.scan_arrays(texts)
        frame = pd.DataFrame(
            {
                "doc": hits.doc,
                "start": hits.start,
                "end": hits.end,
                "key": hits.key,
                "list": pd.Categorical.from_codes(hits.code, categories=self.names),
            }
        )
        return frame, counts

    def scan_arrays(
        self, texts: Sequence[str], codes: Sequence[np.ndarray] | None = None
    ) -> tuple[ScanHits, sp.csr_matrix]:
        """:meth:`scan` with the hits as arrays (no DataFrame). ``codes``: the code points of
        :func:`joined` texts of each of their :func:`text_blocks`, when the caller has them."""
        n = len(texts)
        starts = text_starts(texts)
        ends, keys = self._matches(texts, starts, codes)
        term_start = ends - self.key_len[keys]
        doc = np.searchsorted(starts, term_start, side="right") - 1
        local_start = term_start - starts[doc] if len(doc) else term_start
        keep = ~self._month_may(doc, local_start, keys, texts)
        doc, local_start, keys = doc[keep], local_start[keep], keys[keep]
        counts_by_key = sp.csr_matrix(
            (np.ones(len(doc), dtype=np.int64), (doc, keys)), shape=(n, len(self.keys))
        )
        counts = (counts_by_key @ self.membership).tocsr()
        # One hit row per (match, list) the matched term belongs to, by (doc, start, list).
        member = self.membership[keys].tocoo()
        hit, code = member.row, member.col.astype(np.int64)
        order = stable_order(doc[hit], local_start[hit], code)
        hit, code = hit[order], code[order]
        start = local_start[hit]
        hits = ScanHits(
            doc[hit], start, start + self.key_len[keys[hit]], keys[hit], code, tuple(self.names)
        )
        return hits, counts

    def _matches(
        self, texts: Sequence[str], starts: np.ndarray, codes: Sequence[np.ndarray] | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(end offset in ``joined(texts)``, key) of every term match; ``starts``: the texts'
        offsets there. Block by block, so the normalised copy stays small."""
        ends, keys = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        for i, (first, end) in enumerate(text_blocks(texts) if self.keys else []):
            block = texts[first:end]
            if self._bytes is not None:
                block_codes = codes[i] if codes is not None else code_points(joined(block))
                key, last = self._bytes.hits(block_codes)
            else:
                found = self._finder.hits(from_code_points(normalised_codes(joined(block), block)))
                found = np.fromiter(chain.from_iterable(found), dtype=np.int64).reshape(-1, 3)
                key, last = found[:, 0], found[:, 2]  # (key, start, end): 20% less CPU than a list
            ends.append(last + (starts[first] - 2))  # last character, in the whole
            keys.append(key)
        return np.concatenate(ends), np.concatenate(keys)

    def _month_may(
        self, doc: np.ndarray, start: np.ndarray, keys: np.ndarray, texts: Sequence[str]
    ) -> np.ndarray:
        """Matches of 'may' that are the month ('May 3', '3 May', 'in May')."""
        out = np.zeros(len(doc), dtype=bool)
        if "may" not in self.keys:
            return out
        for r in np.flatnonzero(keys == self.keys.index("may")):
            s = int(start[r])
            text = texts[int(doc[r])]
            if text[s] == "M" and _MONTH_CONTEXT_RE.search(text[max(0, s - 7) : s + 6]):
                out[r] = True
        return out


class _ByteKeys:
    """A :class:`Scanner`'s terms searched in bytes, one byte per character: the normalised
    text's ASCII characters as they are, each other character that a term holds as a byte of
    its own (0x80 on), any other word character as _OTHER_WORD.

    A block of the first 3,000 ABP bodies (~4M characters): normalising it to a string took
    47 ms and searching that 67 ms; the byte lookup ~1x ms and the search 52 ms (the same
    matches, in the same order). Since session 19 the search goes word by word
    (:class:`_WordTrie`): a term ``" k "`` matches where the normalised text's words (runs of
    bytes other than " ") are the term's words with one " " between each two. The first 2,500
    ABP bodies and titles (14.4M characters, 390k words a block of ~3.6M, 385k matches): the
    Aho-Corasick pass over the bytes of the 15,536 default terms with its list of matches took
    0.28 CPU s, this 0.2x s (the same matches: tests/test_framing_scan.py).
    """

    def __init__(self, table: np.ndarray, keys: Sequence[bytes]) -> None:
        self.table = table
        self._terms = _WordTrie([key.split(b" ") for key in keys])

    @classmethod
    def of(cls, keys: Sequence[str]) -> _ByteKeys | None:
        """The byte search of ``keys`` (normalised terms), or None where it cannot be exact:
        over 127 distinct characters above ASCII, or a sigma, which a text lower-cases by its
        context (see :func:`_lowered`)."""
        table = _byte_table()
        others = sorted({c for key in keys for c in key if ord(c) >= 0x80})
        if len(others) > 0x7F or {"σ", "ς"} & set(others):
            return None
        if others:
            table = table.copy()
            low = _lowered()
            for i, c in enumerate(others):
                table[low == ord(c)] = 0x80 + i
        byte_of = {c: chr(0x80 + i) for i, c in enumerate(others)}
        encoded = ["".join(byte_of.get(c, c) for c in key).encode("latin-1") for key in keys]
        return cls(table, encoded)

    def hits(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(key, end) of every match of ``" key "`` in the text of ``codes`` (:func:`joined`
        texts; ``end`` past the match's closing space), overlapping ones included, by end: the
        matches ``LiteralFinder.hits`` of the normalised text gives."""
        data = self.table[codes]
        space = data == ord(" ")
        joiner = (data == ord("'")) | (data == ord("-"))
        word = ~(space | joiner)
        # An apostrophe or hyphen is kept only between two word characters (normalise).
        solid = word.copy()
        solid[1:-1] |= joiner[1:-1] & word[:-2] & word[2:]
        # joined() puts a space at both ends: the words' starts and ends alternate.
        edges = np.flatnonzero(solid[1:] != solid[:-1]) + 1
        starts, ends = edges[0::2], edges[1::2]
        offsets = np.zeros(len(starts) + 1, dtype=np.int64)
        np.cumsum(ends - starts, out=offsets[1:])
        chars = data.take(np.flatnonzero(solid))  # a mask's copy took twice as long
        words = pa.Array.from_buffers(
            pa.large_binary(), len(starts), [None, pa.py_buffer(offsets), pa.py_buffer(chars)]
        )
        key, last = self._terms.matches(words, starts[1:] == ends[:-1] + 1)
        order = np.argsort(last, kind="stable")
        return key[order], ends[last[order]] + 1


class _WordTrie:
    """Terms given as their words (byte strings), found in runs of a text's words: each word
    looked up once (arrow's hash lookup), the terms of several words followed from their
    first word a word at a time."""

    def __init__(self, terms: Sequence[Sequence[bytes]]) -> None:
        vocabulary = {word: code for code, word in enumerate(dict.fromkeys(chain(*terms)))}
        self.words = pa.array(list(vocabulary), pa.large_binary())
        self.n_words = n = len(vocabulary)
        # Per word code (and -1, a word of no term, last): the term it is alone, and the node
        # after it as the first word of longer terms; -1 for none.
        self.single = np.full(n + 1, -1, dtype=np.int64)
        self.first = np.full(n + 1, -1, dtype=np.int64)
        steps: dict[tuple[int, int], int] = {}  # (node, next word) -> node
        terminal: list[int] = []  # per node, the term it completes (-1: none)
        for term, words in enumerate(terms):
            codes = [vocabulary[w] for w in words]
            if len(codes) == 1:
                self.single[codes[0]] = term
                continue
            if self.first[codes[0]] < 0:
                self.first[codes[0]] = len(terminal)
                terminal.append(-1)
            node = int(self.first[codes[0]])
            for code in codes[1:]:
                node = steps.setdefault((node, code), len(terminal))
                if node == len(terminal):
                    terminal.append(-1)
            terminal[node] = term
        self.terminal = np.array(terminal, dtype=np.int64)
        ordered = sorted(steps)
        self.step_keys = np.array([a * n + b for a, b in ordered], dtype=np.int64)
        self.step_nodes = np.array([steps[k] for k in ordered], dtype=np.int64)
        self.longest = max(map(len, terms), default=0)

    def codes(self, words: pa.Array) -> np.ndarray:
        """Each word's code in the terms' words, -1 where it is none of them."""
        if not len(words):
            return np.zeros(0, dtype=np.int64)
        found = pc.index_in(words, value_set=self.words)
        code = np.frombuffer(found.buffers()[1], dtype=np.int32)[found.offset :][: len(found)]
        if not found.null_count:
            return code.astype(np.int64)
        valid = np.frombuffer(found.buffers()[0], dtype=np.uint8)
        valid = np.unpackbits(valid, bitorder="little")[found.offset :][: len(found)]
        return np.where(valid.view(bool), code, -1).astype(np.int64)

    def matches(self, words: pa.Array, one_space: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(term, its last word) of every run of ``words`` that is a term's words;
        ``one_space[i]``: one " " between word i and word i + 1."""
        code = self.codes(words)
        single = self.single[code]
        at = np.flatnonzero(single >= 0)
        terms, lasts = [single[at]], [at]
        at = np.flatnonzero(self.first[code] >= 0)
        node = self.first[code[at]]
        for step in range(1, self.longest):
            at, node = at[at + step < len(code)], node[at + step < len(code)]
            following = code[at + step]
            on = one_space[at + step - 1] & (following >= 0)
            key = node[on] * self.n_words + following[on]
            at = at[on]
            where = np.searchsorted(self.step_keys, key)
            where[where == len(self.step_keys)] = 0
            on = self.step_keys[where] == key if len(self.step_keys) else key < 0
            at, node = at[on], self.step_nodes[where[on]]
            term = self.terminal[node]
            terms.append(term[term >= 0])
            lasts.append(at[term >= 0] + step)
            if not len(at):
                break
        return np.concatenate(terms), np.concatenate(lasts)


@lru_cache(maxsize=8)
def cached_scanner(key: tuple[tuple[str, tuple[str, ...]], ...]) -> Scanner:
    """A compiled scanner per distinct set of lists (building one takes ~0.1 s)."""
    return Scanner(dict(key))
