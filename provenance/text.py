"""Words and sentences: the one tokenisation every stage shares.

>>> count_words("Lavrov said it's 'encouraging'.")
4
>>> [s for s, e in sentence_spans("He left. She stayed!")]
[0, 9]
"""

from __future__ import annotations

import re

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


def count_words(text: str) -> int:
    """Number of words in ``text``."""
    return len(WORD_RE.findall(text))


def count_words_series(texts: pd.Series) -> pd.Series:
    """Vectorised word counts over a Series of texts (NA counts as 0)."""
    return texts.fillna("").astype("string").str.count(WORD_PATTERN).astype("Int64")


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased."""
    return WORD_RE.findall(text.lower())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        _add_span(text, start, match.end(), spans)
        start = match.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def word_offsets(text: str) -> np.ndarray:
    """(n, 2) array of word start/end offsets in ``text``."""
    return np.array([m.span() for m in WORD_RE.finditer(text)], dtype=np.int64).reshape(-1, 2)


def _is_abbreviation(text: str, dot: int) -> bool:
    token = _LAST_TOKEN_RE.search(text, max(0, dot - 12), dot)
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
