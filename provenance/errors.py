"""The errors table: nothing is dropped silently.

>>> log = ErrorLog()
>>> log.add("a.csv", "row 3", "ingest", "no text")
>>> log.to_frame()[["record", "reason"]].values.tolist()
[['row 3', 'no text']]
"""

from __future__ import annotations

import sys

import pandas as pd

from provenance.schema import conform, empty

# Echoed rows per kind of error (stage and the reason up to its first colon); the rest are
# counted and summed up by ErrorLog.echo_summary: BABE read with the wrong delimiter printed
# 1,312 lines of "malformed CSV line skipped".
ECHO_PER_KIND = 3


class ErrorLog:
    """Collects rejected or partly kept records (source, record, stage, reason).

    With ``echo``, the first :data:`ECHO_PER_KIND` rows of each kind are printed on stderr as
    they come; :meth:`echo_summary` then prints how many more of each kind there were.
    """

    def __init__(self, echo: bool = False) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.echo = echo
        self._kinds: dict[tuple[str, str], int] = {}

    def add(self, source: object, record: object, stage: str, reason: str) -> None:
        reason = " ".join(str(reason).split())[:500]
        row = (str(source), "" if record is None else str(record), stage, reason)
        self.rows.append(row)
        if self.echo:
            kind = (stage, error_kind(reason))
            seen = self._kinds[kind] = self._kinds.get(kind, 0) + 1
            if seen <= ECHO_PER_KIND:
                where = f"{row[0]}#{row[1]}" if row[1] else row[0]
                print(f"provenance: {stage}: {where}: {reason}", file=sys.stderr)

    def echo_summary(self) -> None:
        """Print, per kind of error, how many rows were not echoed (all are in the table)."""
        for (stage, kind), seen in self._kinds.items():
            if seen > ECHO_PER_KIND:
                print(
                    f"provenance: {stage}: {seen - ECHO_PER_KIND:,} more like {kind!r} "
                    f"({seen:,} in all; every one is in errors.csv)",
                    file=sys.stderr,
                )
        self._kinds.clear()

    def extend(self, frame: pd.DataFrame) -> None:
        for row in frame.itertuples(index=False):
            self.add(row.source, row.record, row.stage, row.reason)

    def __len__(self) -> int:
        return len(self.rows)

    def to_frame(self) -> pd.DataFrame:
        if not self.rows:
            return empty("errors")
        frame = pd.DataFrame(self.rows, columns=["source", "record", "stage", "reason"])
        return conform(frame, "errors")


def error_kind(reason: str) -> str:
    """The kind of an error: its reason's first three words before any ": ".

    Ids, numbers and values vary between the rows of one kind.

    >>> error_kind("malformed CSV line skipped: Expected 1 fields in line 7, saw 2")
    'malformed CSV line'
    """
    return " ".join(reason.split(": ", 1)[0].split()[:3])
