"""Every occurrence of a fixed set of words in a text, in one pass (Aho-Corasick).

Shared by the attribution anchor scans (:mod:`provenance.attribution._scan`), the credit
gates, the outlet-name matcher (:mod:`provenance.outlets.mentions`) and the framing lexicon
scan (:mod:`provenance.framing.scan`; 3,000 ABP articles, 256,422 hits: the same hits as
pyahocorasick gave, 0.55-0.67 against 0.57-0.62 CPU s, so one library serves both).
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick_rs

# Word lists up to this many characters are compiled to a DFA: citations' 342 cue anchors
# (2,740 characters) then cost 33 us a 5,700-character ABP text instead of 63 us, speakers'
# 1,325 anchors (10,885 characters) +3 MB and 5 ms to build; the outlet matcher's 5,365 forms
# would take +48 MB for 62 -> 46 us, so larger lists keep the default (a contiguous NFA).
_DFA_MAX_CHARS = 20_000


class LiteralFinder:
    """Every occurrence, overlapping ones included, of a fixed set of words in a text.

    One Aho-Corasick pass in Rust (ahocorasick_rs) that hands back all matches in one list:
    on the first 3,000 ABP articles (5,700 characters, 99.6% of them non-ASCII) the starts of
    citations' cue anchors cost 66 us a text (33 us as a DFA) against 99 us for pyahocorasick's
    ``iter`` (a Python tuple per match), and credits' 72 gate words 32 us against 74 us; the
    same matches on every text.

    >>> LiteralFinder(["said", "aid", "told"]).hits("He said, she told")
    [(0, 3, 7), (1, 4, 7), (2, 13, 17)]
    """

    def __init__(self, words: Iterable[str], dfa: bool | None = None) -> None:
        """``dfa``: compile to a DFA (True) or a contiguous NFA (False); by default a DFA for
        word lists up to ``_DFA_MAX_CHARS`` characters."""
        self.words = list(words)
        if not self.words or not all(self.words):
            raise ValueError("words must be non-empty strings")
        self._dfa = dfa
        self._build()

    def __getstate__(self) -> tuple[list[str], bool | None]:
        """Pickled as its words and kind (the automaton is rebuilt): registries and scans
        travel to worker processes, and the Rust automaton does not pickle."""
        return self.words, self._dfa

    def __setstate__(self, state: tuple[list[str], bool | None]) -> None:
        self.words, self._dfa = state
        self._build()

    def _build(self) -> None:
        self._bytes: ahocorasick_rs.BytesAhoCorasick | None = None  # built when first needed
        self._risky: tuple[str, ...] = ()
        small = sum(map(len, self.words)) <= _DFA_MAX_CHARS if self._dfa is None else self._dfa
        self._automaton = ahocorasick_rs.AhoCorasick(
            self.words,
            matchkind=ahocorasick_rs.MATCHKIND_STANDARD,
            implementation=ahocorasick_rs.Implementation.DFA if small else None,
        )

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """(index of the word in ``words``, start, end) of every occurrence, overlapping
        ones included, in the order the automaton reports them (by end)."""
        return self._automaton.find_matches_as_indexes(text, overlapping=True)

    def present(self, text: str) -> set[str]:
        """The words that occur in ``text``."""
        return set(self._automaton.find_matches_as_strings(text, overlapping=True))

    def present_lowered(self, text: str) -> set[str]:
        """``present(text.lower())`` for lower-case words, without lower-casing the text where
        that cannot change the answer: the text's UTF-8 bytes are searched with only their
        ASCII letters lower-cased, unless the text holds a character whose lower case differs
        from it and holds a letter of the words (``_lowering_risks``: "İ", the Kelvin sign,
        capitals of the words' accented letters), which are read the slow way.

        (First 1,000 ABP articles, credits' 72 gate words: 33 -> 17 us a text, the same words
        on every text; ``str.lower`` of a 5,700-character non-ASCII text alone costs ~15-28 us.)
        """
        if self._bytes is None:
            self._bytes = ahocorasick_rs.BytesAhoCorasick(
                [w.encode("utf-8") for w in self.words],
                matchkind=ahocorasick_rs.MATCHKIND_STANDARD,
                implementation=ahocorasick_rs.Implementation.DFA,
            )
            self._risky = _lowering_risks(self.words)
        if any(ch in text for ch in self._risky):
            return self.present(text.lower())
        raw = text.encode("utf-8").lower()  # (a lone surrogate fails here as in ``present``)
        hits = self._bytes.find_matches_as_indexes(raw, overlapping=True)
        words = self.words
        return {words[i] for i, _, _ in hits}


# Characters outside ASCII whose lower case holds an ASCII letter ("İ" -> "i̇", the Kelvin sign
# -> "k") or a letter of another character's: the Angstrom and Ohm signs (a scan of every code
# point finds no other: tests/test_literals.py).
_COMPATIBLE_CAPITALS = "\u0130\u212a\u212b\u2126"


def _lowering_risks(words: list[str]) -> tuple[str, ...]:
    """The characters whose lower case differs from them and holds a character of ``words``
    (all lower case): only these make ``text.lower()`` and the ASCII-lowered text differ where
    a word may match."""
    if any(w != w.lower() for w in words):
        raise ValueError("present_lowered needs lower-case words")
    letters = set("".join(words))
    capitals = {c.upper() for c in letters if not c.isascii()}
    capitals |= {c.title() for c in letters if not c.isascii()} | set(_COMPATIBLE_CAPITALS)
    return tuple(sorted(c for c in capitals if len(c) == 1 and c.lower() != c
                        and letters & set(c.lower())))  # fmt: skip


def find_all(text: str, word: str) -> list[int]:
    """Offsets of every occurrence of ``word`` in ``text`` (``str.find``), in order."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found
