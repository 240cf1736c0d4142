"""Paragraphs of a text and their sentences: the one notion of a paragraph that quote
attribution (:mod:`provenance.quotes.extract`) and speaker resolution
(:class:`provenance.attribution.speakers.People`) share.

A paragraph is a line: paragraphs are separated by one newline or more, with blank lines
(spaces and tabs only) between them counted as part of the break.

>>> p = Paragraphs("One. Two.\\n\\n  \\nThree.\\nFour.")
>>> p.starts, p.ends
([0, 14, 21], [9, 20, 26])
>>> p.index(15), p.previous_start(22), p.sentence_start(6)
(1, 14, 5)
"""

from __future__ import annotations

import re
from bisect import bisect_right

from provenance.text import sentence_starts

_PARAGRAPH_BREAK_RE = re.compile(r"\n(?:[ \t]*\n)*")


class Paragraphs:
    """Paragraph spans of a text (lines), with their sentence starts computed on demand."""

    def __init__(self, text: str) -> None:
        runs = [m.span() for m in _PARAGRAPH_BREAK_RE.finditer(text)]
        self.starts = [0] + [end for _, end in runs]
        self.ends = [start for start, _ in runs] + [len(text)]
        self._text = text
        self._sentences: dict[int, list[int]] = {}

    def index(self, position: int) -> int:
        """Index of the paragraph holding ``position``."""
        # (called ~60 times an article by the quotes stage: no max() call, bisect_right bound)
        found = bisect_right(self.starts, position) - 1
        return found if found > 0 else 0

    def span(self, index: int) -> tuple[int, int]:
        """(start, end) of paragraph ``index``."""
        return self.starts[index], self.ends[index]

    def previous_start(self, position: int) -> int:
        """Where the paragraph before the one holding ``position`` starts (0 in the first
        two paragraphs)."""
        return self.starts[max(0, self.index(position) - 1)]

    # (sentence_start and sentence_end: ~20 calls an article each from the quotes stage; the
    # paragraph's index and its cached starts are read inline, not through index() and
    # sentence_starts(), whose lists are never empty)
    def sentence_start(self, position: int) -> int:
        """Start of the sentence holding ``position``."""
        i = bisect_right(self.starts, position) - 1
        i = i if i > 0 else 0
        starts = self._sentences.get(i) or self.sentence_starts(i)
        j = bisect_right(starts, position) - 1
        return starts[j if j > 0 else 0]

    def sentence_end(self, position: int) -> int:
        """End of the sentence holding ``position`` (the next sentence's start)."""
        i = bisect_right(self.starts, position) - 1
        i = i if i > 0 else 0
        starts = self._sentences.get(i) or self.sentence_starts(i)
        j = bisect_right(starts, position)
        return starts[j] if j < len(starts) else self.ends[i]

    def sentence_starts(self, i: int) -> list[int]:
        """Start offsets of the sentences of paragraph ``i``."""
        found = self._sentences.get(i)
        if found is None:
            start, end = self.starts[i], self.ends[i]
            found = self._sentences[i] = sentence_starts(self._text, start, end) or [start]
        return found
