"""The framing stage's block-wide character passes give what the per-text regexes gave."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from provenance.framing import scan
from provenance.framing.features import word_and_syllable_counts
from provenance.text import WORD_PATTERN

# Texts that hit the edge cases: joiners at word edges, curly apostrophes and Unicode hyphens,
# letters that lower-case to two code points, final sigma, a lone surrogate, digits, "_".
TRICKY = [
    "Rock-'n'-Roll's ‘so-called’ - end",
    "İstanbul ΟΔΟΣ Σ' x",
    "a\ud800b-c",
    "-x- 'y' z-",
    "'",
    "",
    "ǅ ß ﬁ ÉTÉ",
    "e",
    "abce state they'd",
    "_ab_e x--y a’b a‐b a‑b",
    'He said: "We agree!"\n\tThe end.',
]

_NON_WORD = re.compile(r"[^\w'\-]|(?<!\w)['\-]|['\-](?!\w)")
_CURLY = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})


def regex_normalise(text: str) -> str:
    """normalise as it was written before the block-wide pass (the reference)."""
    low = text.translate(_CURLY).lower()
    if len(low) != len(text):
        low = "".join(c.lower()[:1] or " " for c in text.translate(_CURLY))
    return _NON_WORD.sub(" ", low)


@pytest.mark.parametrize("text", TRICKY)
def test_normalise_matches_the_regex(text):
    assert scan.normalise(text) == regex_normalise(text)


def test_word_and_syllable_counts_match_the_regexes():
    series = pd.Series(TRICKY, dtype=object)
    words, syllables = word_and_syllable_counts(TRICKY)
    assert words.tolist() == series.str.count(WORD_PATTERN).tolist()
    expected = series.str.count(r"[aeiouyAEIOUY]+") - series.str.count(
        r"\w\w[^aeiouylAEIOUYL\W]e\b"
    )
    assert syllables.tolist() == expected.tolist()


def test_blocks_cover_every_text_once():
    blocks = scan.text_blocks(TRICKY, max_chars=20)
    assert len(blocks) > 3
    assert [i for a, b in blocks for i in range(a, b)] == list(range(len(TRICKY)))


def test_scan_is_the_same_in_small_blocks(monkeypatch):
    scanner = scan.Scanner({"doubt": ("claimed", "so-called"), "any": ("said", "rock", "end")})
    texts = TRICKY + ["He claimed, she said.", "Rock said: so-called end."] * 3
    hits, counts = scanner.scan(texts)
    first = hits[hits["doc"] == len(TRICKY)]
    assert first[["start", "end"]].values.tolist() == [[3, 10], [16, 20]]  # claimed, said
    whole_blocks = scan.text_blocks
    monkeypatch.setattr(scan, "text_blocks", lambda t: whole_blocks(t, max_chars=25))
    small_hits, small_counts = scanner.scan(texts)
    pd.testing.assert_frame_equal(hits, small_hits)
    assert np.array_equal(counts.toarray(), small_counts.toarray())
    assert counts.sum() > 10
