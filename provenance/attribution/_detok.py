"""Tokenised text read as written text, with offsets back into the original.

Real corpora ship tokenised (ABP: ``“ We are ready , ” he said .``, PTB quotes `` and '',
``( AP )``, ``predecessor 's``, ``don ’ t``). The extractors' patterns expect written text, so a
text that looks tokenised is rejoined first (blanks before closing punctuation and clitics and
after opening brackets and quotes dropped, `` and '' turned into “ and ”) and every span
found in it is mapped back to the original text by :class:`OffsetMap`.

A text is read as tokenised when most of its commas stand after a blank (``" ,"``): in the first
2,000 ABP articles that is every article with a comma; in the synthetic and PTC texts none.

>>> clean, offsets = detokenise("“ We are ready , ” he said , smiling . ( AP ) Trump 's `` plan ''")
>>> clean
"“We are ready,” he said, smiling. (AP) Trump's “plan”"
>>> offsets.span(clean.index("(AP)"), clean.index("(AP)") + 4)
(39, 45)
"""

from __future__ import annotations

import bisect
import re
from array import array

# PTB quotes become a marker and a curly quote (the same length: offsets unchanged).
_OPEN_MARK, _CLOSE_MARK = "\x01", "\x02"
# The blanks tokenisation added stand next to these characters: before closing punctuation, a
# closing quote or a clitic ("Trump 's", "do n't", "don ’ t"), after an opening bracket, quote or
# currency sign. The regex only finds the characters (a fast character-set scan: a pattern
# that starts with a blank is tried at every word); the blanks are checked in Python.
_NEAR_BLANK_RE = re.compile(r"[,.;:?!)\]%”'’(\[“‘$\x01\x02]")
_CLOSING = frozenset(",.;:?!)]%”\x02")
_OPENING = frozenset("([“‘$")
_APOSTROPHES = frozenset("'’")
_CLITIC_RE = re.compile(r"(?:s|t|re|ve|ll|d|m)(?![\w])")
_MIN_BLANK_COMMAS = 2
# A one-letter name prefix, an apostrophe between blanks, a capital: "O ’ Donnell".
_IRISH_NAME_RE = re.compile(r"(?<![\w\-])[OD] ['’] [A-Z]")


def looks_tokenised(text: str) -> bool:
    """Whether most commas (at least two) in ``text`` stand after a blank."""
    blank_commas = text.count(" ,")
    return blank_commas >= _MIN_BLANK_COMMAS and 2 * blank_commas >= text.count(",")


class OffsetMap:
    """Offsets in a rejoined text -> offsets in the original text."""

    def __init__(self, breaks: list[int], shifts: list[int]) -> None:
        # From clean offset breaks[k] on, original = clean + shifts[k] (compact int arrays).
        self._breaks = array("l", breaks)
        self._shifts = array("l", shifts)

    def char(self, offset: int) -> int:
        """Original offset of the character at clean ``offset``."""
        k = bisect.bisect_right(self._breaks, offset) - 1
        return offset + (self._shifts[k] if k >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the clean span [start, end)."""
        if end <= start:
            at = self.char(start)
            return at, at
        return self.char(start), self.char(end - 1) + 1


def detokenise(text: str) -> tuple[str, OffsetMap | None]:
    """(rejoined text, offset map), or (text, None) when the text does not look tokenised."""
    if not looks_tokenised(text) or _OPEN_MARK in text or _CLOSE_MARK in text:
        return text, None
    marked = text.replace("``", _OPEN_MARK + "“").replace("''", _CLOSE_MARK + "”")
    deleted = _deletions(marked)
    pieces, last = [], 0
    for p in deleted:
        pieces.append(marked[last:p])
        last = p + 1
    pieces.append(marked[last:])
    # The k-th deleted character (0-based) at original p: from clean offset p - k on, the
    # original is k + 1 characters further.
    breaks = [p - k for k, p in enumerate(deleted)]
    return "".join(pieces), OffsetMap(breaks, list(range(1, len(deleted) + 1)))


def _deletions(marked: str) -> list[int]:
    """Sorted offsets of the characters to drop: the PTB markers and the added blanks."""
    out: list[int] = []
    size = len(marked)
    for m in _NEAR_BLANK_RE.finditer(marked):
        p = m.start()
        ch = marked[p]
        if ch in (_OPEN_MARK, _CLOSE_MARK):
            out.append(p)
            if ch == _CLOSE_MARK and p and marked[p - 1] == " ":
                out.append(p - 1)
        elif ch in _CLOSING:
            if p and marked[p - 1] == " ":
                out.append(p - 1)
        elif ch in _APOSTROPHES:
            _apostrophe(marked, p, size, out)
        elif p + 2 < size and marked[p + 1] == " " and not marked[p + 2].isspace():
            out.append(p + 1)  # "( AP", "“ We", "$ 1"
    return sorted(set(out))


def _apostrophe(marked: str, p: int, size: int, out: list[int]) -> None:
    """Blanks around an apostrophe: "Trump 's", "do n't", "don ’ t", "lawmakers ' efforts"."""
    if p >= 2 and marked[p - 1] == "n" and marked[p - 2] == " " and marked[p + 1 : p + 2] == "t":
        out.append(p - 2)  # "do n't"
        return
    if not p or marked[p - 1] != " ":
        return
    after = marked[p + 1 : p + 2]
    if after == " " and _CLITIC_RE.match(marked, p + 2):
        out.extend((p - 1, p + 1))  # "don ’ t"
    elif after == " " and p >= 2 and _IRISH_NAME_RE.match(marked, p - 2):
        out.extend((p - 1, p + 1))  # "Norah O ’ Donnell", "D ' Angelo"
    elif not after or not (after.isalnum() or after == "_") or _CLITIC_RE.match(marked, p + 1):
        out.append(p - 1)  # "Trump 's", "lawmakers ' efforts", a closing quote
