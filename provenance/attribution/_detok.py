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
from itertools import accumulate

# PTB quotes become curly quotes (`` and '' -> “ and ”: the first mark of each pair dropped).
_PTB_QUOTES = (("``", "“"), ("''", "”"))
_MARK = "\x01"  # the dropped mark, split away (texts holding it or \x02 are read as they are)
# Every other character dropped is a blank that tokenisation added: before closing
# punctuation, a closing quote or a clitic ("ready ,", "( AP )", "Trump 's", "do n't",
# "lawmakers ' efforts"), after an opening bracket, quote or currency sign ("( AP", "“ We",
# "$ 1"), after an apostrophe between blanks before a clitic or in a name ("don ’ t", "Norah
# O ’ Donnell"). One pattern whose every match is one such blank (~140 per ABP article), so
# that ``split`` finds and drops them all in C and the pieces' lengths give their offsets:
# no Python per blank (session 10 read each punctuation mark in Python: 165 us an article).
# Its first test, right after the blank, passes only the blanks before the characters these
# rules read or after the ones they follow (~1 in 7).
_CLITIC = r"(?:s|t|re|ve|ll|d|m)(?!\w)"
_ADDED_BLANK_RE = re.compile(
    r" (?=[,.;:?!)\]%”'’n]|(?<=[(\[“‘$'’] ))"
    r"(?:(?=[,.;:?!)\]%”])"  # "ready ,", "said .", "( AP )", "the plan ”"
    r"|(?=n['’]t)"  # "do n't"
    r"|(?=['’](?!\w)|['’]" + _CLITIC + r")"  # "Trump 's", "lawmakers ' efforts", "don ’"
    r"|(?<=[(\[“‘$] )(?=\S)"  # "( AP", "“ We", "$ 1"
    r"|(?<= ['’] )(?=" + _CLITIC + r")"  # "don ’ t"
    r"|(?<=(?<![\w\-])[OD] ['’] )(?=[A-Z]))"  # "Norah O ’ Donnell", "D ' Angelo"
)
_MIN_BLANK_COMMAS = 2


def looks_tokenised(text: str) -> bool:
    """Whether most commas (at least two) in ``text`` stand after a blank."""
    blank_commas = text.count(" ,")
    return blank_commas >= _MIN_BLANK_COMMAS and 2 * blank_commas >= text.count(",")


class OffsetMap:
    """Offsets in a rejoined text -> offsets in the original text."""

    # No __dict__, and the stages in a tuple of arrays: the maps of the texts cached by
    # ``_input`` (4,096) hold 2 objects fewer each for the garbage collector to track. (First
    # 3,000 ABP articles, the three extractors block by block: 2 full collections of ~50 ms
    # each, ~33 us an article, charged to whichever stage allocates when they fall.)
    __slots__ = ("_stages",)

    def __init__(self, *stages: list[int]) -> None:
        # Characters dropped in turn by each stage (the last applies first when mapping back):
        # from offset breaks[k] on in a stage's output, its input is k + 1 characters further
        # (compact int arrays).
        self._stages = tuple(array("l", breaks) for breaks in reversed(stages) if breaks)

    def char(self, offset: int) -> int:
        """Original offset of the character at clean ``offset``."""
        for breaks in self._stages:
            offset += bisect.bisect_right(breaks, offset)
        return offset

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the clean span [start, end)."""
        if end <= start:
            at = self.char(start)
            return at, at
        return self.char(start), self.char(end - 1) + 1


def detokenise(text: str) -> tuple[str, OffsetMap | None]:
    """(rejoined text, offset map), or (text, None) when the text does not look tokenised.

    (First 3,000 ABP articles, texts and titles, against session 10's rules read character
    by character in Python: the same texts and offsets on every one; 171 -> ~90 us an article.)
    """
    if not looks_tokenised(text) or _MARK in text or "\x02" in text:
        return text, None
    quotes: list[int] = []
    for ptb, curly in _PTB_QUOTES:
        if ptb in text:
            text = text.replace(ptb, _MARK + curly)
    if _MARK in text:
        pieces = text.split(_MARK)
        quotes = list(accumulate(map(len, pieces[:-1])))
        text = "".join(pieces)
    pieces = _ADDED_BLANK_RE.split(text)
    # The k-th blank dropped (0-based) stands at the length of the pieces before it (+ k).
    return "".join(pieces), OffsetMap(quotes, list(accumulate(map(len, pieces[:-1]))))
