"""The framing stage's block-wide character passes give what the per-text regexes gave."""

from __future__ import annotations

import gzip
import json
import re
import sys
from itertools import islice

import numpy as np
import pandas as pd
import pytest
from corpora import SHARED

from provenance import text
from provenance.framing import scan
from provenance.framing.features import word_and_syllable_counts
from provenance.framing.quotes import QUOTE_RE
from provenance.quotes.marks import quote_pattern
from provenance.text import (
    BLOCK_CHARS,
    SENTENCE_END_RE,
    WORD_PATTERN,
    count_words_all,
    count_words_series,
    sentence_spans,
)

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


def test_word_counts_match_the_regex(monkeypatch):
    texts = TRICKY + ["x-", "-x", "a--b", "a-'b", "it’s x'", "1-2-3 __", "ab-\n-cd", "a b  c"]
    expected = pd.Series(texts, dtype=object).str.count(WORD_PATTERN).tolist()
    assert count_words_all(texts).tolist() == expected
    series = pd.Series([*texts, None], index=range(5, 5 + len(texts) + 1), dtype=object)
    counts = count_words_series(series)
    assert (counts.tolist(), counts.index.tolist()) == ([*expected, 0], series.index.tolist())
    whole_blocks = text.text_blocks
    monkeypatch.setattr(text, "text_blocks", lambda t: whole_blocks(t, 12))  # many blocks
    assert count_words_all(texts).tolist() == expected


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


def test_byte_search_finds_what_the_string_search_finds():
    """Scanner searches bytes (one a character): the same matches, in the same order, as the
    normalised string gave, for ASCII terms and for terms with letters above ASCII; a term
    holding a sigma (lower-cased by its context) keeps the string search."""
    words = ["so-called", "rock", "state", "end", "x", "istanbul", "k", "étét", "été", "ß", "a'b"]
    # Terms of several words: sharing first words, one inside another, a word repeated.
    phrases = ["so-called end", "rock state", "x x", "x x x", "été été", "end x", "b c", "rock"]
    texts = TRICKY + ["ÉTÉ été Été-x, STATE'S rock", "\u212a İstanbul Straße SS", "a’b a'b-c"]
    texts += ["x x x  x x, rock  state rock state; so-called end so-called  end", "été été été"]
    big = scan.joined(texts * 3)
    reference = scan.from_code_points(scan.normalised_codes(big, texts * 3))
    for terms in (words[:5], words, words + phrases, phrases):
        scanner = scan.Scanner({"all": terms})
        assert scanner._bytes is not None
        key, end = scanner._bytes.hits(scan.code_points(big))
        expected = scanner._finder.hits(reference)  # Aho-Corasick over the normalised text
        assert end.tolist() == [e for _, _, e in expected]
        pairs = zip(end.tolist(), key.tolist(), strict=True)
        assert sorted(pairs) == sorted((e, k) for k, _, e in expected)
        assert len(expected) > 20
    multi = scan.Scanner({"all": phrases})._bytes.hits(scan.code_points(big))[0]
    assert {scan.Scanner({"all": phrases}).keys[k] for k in multi} >= {"x x x", "été été"}
    assert (
        scan.Scanner({"all": ["x"]})._bytes.hits(scan.code_points(scan.joined([""])))[0].size == 0
    )
    assert scan.Scanner({"greek": ("αθηνα",)})._bytes is not None
    assert scan.Scanner({"greek": ("οδος",)})._bytes is None
    assert scan.word_chars()[[ord("_"), ord("a"), ord("١"), ord("-"), 0x10FFFF]].tolist() == [
        True,
        True,
        True,
        False,
        False,
    ]


# Sentence ends, abbreviations and initials at text edges, newlines before a stop, blank lines,
# closing quotes, texts holding the joiner, whitespace of every kind around sentences.
SENTENCE_EDGES = [
    *TRICKY,
    "Mr. Smith met Gov. Jones. They spoke! Did they? Yes.",
    "U.S.\n. Next one. J. Doe left.",
    ".A. B",
    "word\n. Next",
    "Hi!\n\nThere \n \t\nagain",
    'He said "Stop." Then: "Go!" (Done.) [Over.] A',
    "x\x00y. Z went.",
    "\u3000Wide space.\u2028Line sep. \x85Next. ",
    "sept. 3. Oct. 4. 5. Z",
    "A" * 30 + ". Z",
    "end.",
    "   ",
    "No. 5 won. vs. them. Etc. Then",
    # Blank runs longer than scan._TRIM_WINDOW at both ends of sentences and of the text.
    " " * 40 + "Far in. " + "\n" * 3 + " " * 30 + "\n\nAfter a gap." + " \t" * 20,
    "A.   " + " " * 40 + "B. C" + "\u2003" * 17,
    "One." + " " * 17 + "\n \n" + " " * 17 + "Two",
]


def test_sentence_bounds_are_sentence_spans(monkeypatch):
    texts = SENTENCE_EDGES * 2
    expected = [(i, a, b) for i, t in enumerate(texts) for a, b in sentence_spans(t)]
    whole_blocks = scan.text_blocks
    for max_chars in (BLOCK_CHARS, 40):  # one block, and many (one text holds "\x00")
        monkeypatch.setattr(scan, "text_blocks", lambda t, m=max_chars: whole_blocks(t, m))
        doc, start, end = scan.sentence_bounds(texts)
        assert list(zip(doc.tolist(), start.tolist(), end.tolist(), strict=True)) == expected
    for blank in ([], [""], ["  ", "\n\n"]):  # no sentence at all
        assert [a.tolist() for a in scan.sentence_bounds(blank)] == [[], [], []]


# The sentence end as first written; SENTENCE_END_RE is the same pattern with a character class
# first (faster), and must find the same spans.
READABLE_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n")


def test_sentence_end_pattern_matches_the_readable_one():
    text = "\x00".join(SENTENCE_EDGES)
    ours = [m.span() for m in SENTENCE_END_RE.finditer(text)]
    assert ours == [m.span() for m in READABLE_SENTENCE_END.finditer(text)]
    assert len(ours) > 20


def test_space_chars_are_str_isspace():
    spaces = [c for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert np.flatnonzero(scan.space_chars()).tolist() == spaces


def test_sentences_and_quotes_of_real_articles():
    """Sentences and quotes of the first 400 ABP bodies and titles (skipped without
    ../shared)."""
    path = SHARED / "eval-data" / "ABP" / "abp.jsonl.gz"
    if not path.exists():
        pytest.skip("no ABP corpus in ../shared")
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in islice(lines, 400)]
    texts = [r.get(k) or "" for r in records for k in ("text", "title")]
    expected = [(i, a, b) for i, t in enumerate(texts) for a, b in sentence_spans(t)]
    doc, start, end = scan.sentence_bounds(texts)
    assert list(zip(doc.tolist(), start.tolist(), end.tolist(), strict=True)) == expected
    assert _quote_matches(QUOTE_RE, texts) == _quote_matches(PLAIN_QUOTE_RE, texts)


# The framing quote pattern written plainly: double quotes of every pair, then English single
# quotes (provenance.framing.quotes.QUOTE_RE must find exactly these).
PLAIN_QUOTE_RE = re.compile(
    quote_pattern("d", 1500, 0) + r"|‘(?P<c>[^’‘\n]{1,300}?)’(?![\w])"
    r"|(?<![\w'])'(?P<s>[^'\n]{1,300}?)'(?![\w'])"
)
QUOTE_EDGES = [
    *SENTENCE_EDGES,
    "'Tis the 'season' of O'Neil's 'big, bad' plan' and 'x'y 'z'",
    "He said: “We agree”, and «bon» or « très bien » or „gut“ or »so« or ‚ja‘ ‘fine’ ‘n’",
    '"Open and never closed. "Another" one" and "x"y "',
    "'' '' \"\" ‘’ “” ' ' ‘ ’",
    "It's the 5\" screen of O'Neil's shop, isn't it? 'Yes.'",
]


def _quote_matches(pattern: re.Pattern[str], texts: list[str]) -> list[list[tuple]]:
    return [
        [(m.span(), m.span("d"), m.span("c"), m.span("s")) for m in pattern.finditer(t)]
        for t in texts
    ]


def test_quote_pattern_finds_what_the_plain_one_finds():
    assert QUOTE_RE.pattern != PLAIN_QUOTE_RE.pattern
    found = _quote_matches(QUOTE_RE, QUOTE_EDGES)
    assert found == _quote_matches(PLAIN_QUOTE_RE, QUOTE_EDGES)
    assert sum(map(len, found)) > 15
