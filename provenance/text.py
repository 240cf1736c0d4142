"""Words and sentences: the one tokenisation every stage shares.

>>> count_words("Lavrov said it's 'encouraging'.")
4
>>> [s for s, e in sentence_spans("He left. She stayed!")]
[0, 9]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import chain

import numpy as np
import pandas as pd

# A word: letters/digits, with inner apostrophes or hyphens kept ("it's", "Russia-US").
WORD_PATTERN = r"\w+(?:['’\-]\w+)*"
WORD_RE = re.compile(WORD_PATTERN)

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace
# and an upper-case letter, digit or opening quote, or at a blank line; a full stop after a
# common abbreviation or an initial ("Mr.", "U.S.", "J.") does not end one.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt gov sen rep st jr sr inc ltd co corp no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u".split()
)
# A sentence ends at [.!?]+, closing marks, then space and a capital, digit or opening mark, or
# at a blank line: r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n". Written with
# a character class first, which lets ``re`` skip to the next candidate instead of trying the
# pattern at every position: the same matches (tests/test_framing_scan.py), on the first 3,000
# ABP bodies 0.27 -> 0.08 CPU s.
SENTENCE_END_RE = re.compile(
    r"""[.!?\n](?:(?<=[.!?])[.!?]*["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|(?<=\n)[ \t]*\n)"""
)
_LAST_TOKEN_RE = re.compile(r"([\w.]+)$")


# The texts of a corpus as code-point arrays, a block at a time: the framing scan
# (:mod:`provenance.framing.scan`), word counts and the links' TF-IDF tokens read them so.
_JOIN = "  "  # two spaces: no single-spaced term can match across a document boundary
# Characters a block of texts (4 bytes each as code points, a few such arrays at a time); a
# block-wide pass over numpy arrays is what replaced a regex substitution per text: on the
# first 3,000 ABP articles (19.5M characters) normalising took 1.85 CPU s with re.sub and
# str.translate per text, 0.56 s this way (same strings).
BLOCK_CHARS = 4_000_000


def every_code_point() -> str:
    """Every code point (lone surrogates included) in order, as one string."""
    return from_code_points(np.arange(sys.maxunicode + 1, dtype=np.uint32))


@lru_cache(maxsize=1)
def word_chars() -> np.ndarray:
    """Per code point, whether ``re``'s ``\\w`` matches it (Unicode letters, digits, "_").

    Marked from the runs of ``\\w+`` (a few hundred): each process builds it once, and one
    regex substitution per non-word character took 0.18-0.20 CPU s, this 0.03 s.
    """
    runs = [m.span() for m in re.finditer(r"\w+", every_code_point())]
    mark = np.zeros(sys.maxunicode + 2, dtype=np.int64)
    np.add.at(mark, [a for a, _ in runs], 1)
    np.add.at(mark, [b for _, b in runs], -1)
    return np.cumsum(mark[:-1]) > 0


@lru_cache(maxsize=16)
def char_class(chars: str) -> np.ndarray:
    """Per code point, whether it is one of ``chars`` (a lookup table for code-point arrays)."""
    table = np.zeros(sys.maxunicode + 1, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


def code_points(text: str) -> np.ndarray:
    """The code points of ``text`` as a uint32 array (lone surrogates included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def from_code_points(codes: np.ndarray) -> str:
    """The string of a uint32 code-point array (inverse of :func:`code_points`)."""
    return codes.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def text_blocks(texts: Sequence[str], max_chars: int = BLOCK_CHARS) -> list[tuple[int, int]]:
    """Contiguous (first, end) ranges of ``texts`` of about ``max_chars`` characters each."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + len(_JOIN)
    block = np.cumsum(lengths) // max_chars if len(texts) else lengths
    bounds = np.flatnonzero(np.diff(block)) + 1
    edges = [0, *bounds.tolist(), len(texts)]
    return [(a, b) for a, b in zip(edges[:-1], edges[1:], strict=True) if b > a]


def text_starts(texts: Sequence[str]) -> np.ndarray:
    """The offset of each text in ``joined(texts)``."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + len(_JOIN)
    return np.concatenate([[1], 1 + np.cumsum(lengths)[:-1]]) if len(texts) else lengths


def joined(texts: Sequence[str]) -> str:
    """``" " + "  ".join(texts) + " "``: no pattern bounded by non-word characters spans two
    texts, and every text has a neighbour on both sides (offsets: :func:`text_starts`)."""
    return " " + _JOIN.join(texts) + " "


def count_words(text: str) -> int:
    """Number of words in ``text``."""
    return len(WORD_RE.findall(text))


def count_words_series(texts: pd.Series) -> pd.Series:
    """Vectorised word counts over a Series of texts (NA counts as 0).

    >>> count_words_series(pd.Series(["Lavrov said it's 'encouraging'.", None])).tolist()
    [4, 0]
    """
    values = [str(v) for v in texts.astype(object).where(texts.notna(), "")]
    return pd.Series(count_words_all(values), index=texts.index, dtype="Int64")


def count_words_all(texts: Sequence[str]) -> np.ndarray:
    """:func:`count_words` of each text, from code points a block of texts at a time.

    A word is a run of word characters, joined to the next run by one joiner (' ’ -) between
    two word characters: +1 where a run starts, -1 at such a joiner, summed per text (as
    :func:`provenance.framing.features.word_and_syllable_counts` counts the words it scores,
    beside their syllables). The same counts as ``str.count(WORD_PATTERN)``
    (tests/test_framing_scan.py), whose regex pass per text took 1.10 CPU s on the first
    5,000 ABP texts, this 0.55 s with the Series around it (ingest, in the main process).
    """
    counts = np.zeros(len(texts), dtype=np.int64)
    word, joiner = word_chars(), char_class("'’-")
    for first, end in text_blocks(texts):
        block = texts[first:end]
        codes = code_points(joined(block))  # spaces at both ends: no neighbour wraps around
        is_word = word[codes]
        mark = np.zeros(len(codes), dtype=np.int8)
        mark[1:] = is_word[1:] & ~is_word[:-1]
        mark[1:-1] -= joiner[codes[1:-1]] & is_word[:-2] & is_word[2:]
        counts[first:end] = np.add.reduceat(mark, text_starts(block), dtype=np.int64)
    return counts


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased."""
    return WORD_RE.findall(text.lower())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in _sentence_cuts(text, 0, len(text)):
        _add_span(text, start, cut, spans)
        start = cut
    _add_span(text, start, len(text), spans)
    return spans


def sentence_starts(text: str, pos: int, endpos: int) -> list[int]:
    """The starts of :func:`sentence_spans` of ``text[pos:endpos]``, as offsets in ``text``,
    read in place: no slice of the text, no span or trimmed copy per sentence. (The quotes
    stage splits ~8 paragraphs an ABP article; see docs/benchmarks.md, session 16.)

    >>> sentence_starts("x  He left.  She stayed! ", 1, 25)
    [3, 13]
    """
    starts: list[int] = []
    start, first = pos, _NON_BLANK_RE.search
    for cut in chain(_sentence_cuts(text, pos, endpos), (endpos,)):
        found = first(text, start, cut)  # (what str.strip drops: the same isspace test)
        if found is not None:
            starts.append(found.start())
        start = cut
    return starts


def _sentence_cuts(text: str, pos: int, endpos: int) -> Iterator[int]:
    """Where the sentences of ``text[pos:endpos]`` end (offsets in ``text``), in order: every
    match of SENTENCE_END_RE but a full stop after an abbreviation. (The pattern's look-behinds
    read only what it matched and its look-ahead stops at ``endpos``: the matches of the
    slice.)"""
    for match in SENTENCE_END_RE.finditer(text, pos, endpos):
        if text[match.start()] == "." and _is_abbreviation(text, match.start(), pos):
            continue
        yield match.end()


_NON_BLANK_RE = re.compile(r"\S")


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def word_offsets(text: str) -> np.ndarray:
    """(n, 2) array of word start/end offsets in ``text``."""
    return np.array([m.span() for m in WORD_RE.finditer(text)], dtype=np.int64).reshape(-1, 2)


def _is_abbreviation(text: str, dot: int, lo: int = 0) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial (the word read from
    ``lo`` on at most)."""
    token = _LAST_TOKEN_RE.search(text, max(lo, dot - 12), dot)
    if token is None:
        return False
    word = token.group(1).lower().rstrip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def uncovered_spans(length: int, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``[0, length)`` outside the ``covered`` spans (which may overlap).

    >>> uncovered_spans(10, [(2, 4), (3, 6)])
    [(0, 2), (6, 10)]
    """
    out, pos = [], 0
    for start, end in sorted(covered):
        if start > pos:
            out.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        out.append((pos, length))
    return out
