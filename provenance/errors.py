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


class ErrorLog:
    """Collects rejected or partly kept records (source, record, stage, reason)."""

    def __init__(self, echo: bool = False) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.echo = echo

    def add(self, source: object, record: object, stage: str, reason: str) -> None:
        reason = " ".join(str(reason).split())[:500]
        row = (str(source), "" if record is None else str(record), stage, reason)
        self.rows.append(row)
        if self.echo:
            where = f"{row[0]}#{row[1]}" if row[1] else row[0]
            print(f"provenance: {stage}: {where}: {reason}", file=sys.stderr)

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
