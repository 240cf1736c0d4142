"""Non-overlapping spans, kept sorted: the first claim on a stretch of text wins.

>>> taken = SpanSet()
>>> taken.add(10, 20), taken.add(15, 25), taken.add(20, 30), taken.add(10, 20)
(True, False, True, False)
"""

from __future__ import annotations

import bisect


class SpanSet:
    """Spans [start, end) that do not overlap; ``add`` refuses one that would (O(log n))."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, start)
        if i < len(self._starts) and self._starts[i] < end:
            return True
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> bool:
        """Add the span unless it overlaps one already there; True when added."""
        if self.overlaps(start, end):
            return False
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True
