"""What goes wrong, and how it is reported.

Misuse of the API raises one exception type per kind, the same in every stage (as
scikit-learn's parameter validation does), each a subclass of the built-in type callers
already catch:

- :class:`NotADataFrameError` (a ``TypeError``): a table argument that is not a DataFrame;
- :class:`MissingColumnsError` (a ``ValueError``): a table without the columns a stage reads;
- :class:`InvalidParameterError` (a ``ValueError``): any other argument out of its domain, with
  one message style, scikit-learn's: ``The 'x' parameter of f must be .... Got ... instead.``

>>> check_frame([1, 2], "articles", "score_articles")
Traceback (most recent call last):
...
provenance.errors.NotADataFrameError: The 'articles' parameter of score_articles must be a pandas DataFrame. Got list instead.
>>> raise invalid_parameter("top", "plot_outlets", "a positive int", 0)
Traceback (most recent call last):
...
provenance.errors.InvalidParameterError: The 'top' parameter of plot_outlets must be a positive int. Got 0 instead.

Data problems are not exceptions: the errors table keeps every rejected or partly kept record.

>>> log = ErrorLog()
>>> log.add("a.csv", "row 3", "ingest", "no text")
>>> log.to_frame()[["record", "reason"]].values.tolist()
[['row 3', 'no text']]
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

import pandas as pd

from provenance.schema import conform, empty

# Echoed rows per kind of error (stage and the reason up to its first colon); the rest are
# counted and summed up by ErrorLog.echo_summary: BABE read with the wrong delimiter printed
# 1,312 lines of "malformed CSV line skipped".
ECHO_PER_KIND = 3


class ProvenanceError(Exception):
    """Base class of the exceptions provenance raises for misuse."""


class InvalidParameterError(ProvenanceError, ValueError):
    """An argument outside its domain: ``The 'x' parameter of f must be .... Got ... instead.``"""


class NotADataFrameError(ProvenanceError, TypeError):
    """A table argument that is not a pandas DataFrame."""


class MissingColumnsError(ProvenanceError, ValueError):
    """A table without the columns a stage reads."""


def invalid_parameter(name: str, func: str, expected: str, got: object) -> InvalidParameterError:
    """The error for ``name`` of ``func`` not being ``expected`` (raise it).

    >>> str(invalid_parameter("workers", "analyze", "a positive integer", -1))
    "The 'workers' parameter of analyze must be a positive integer. Got -1 instead."
    """
    return InvalidParameterError(
        f"The {name!r} parameter of {func} must be {expected}. Got {got!r} instead."
    )


def check_frame(value: object, name: str, func: str, columns: Iterable[str] = ()) -> pd.DataFrame:
    """``value`` if it is a DataFrame with ``columns``; else NotADataFrameError or
    MissingColumnsError naming the parameter and the function.

    >>> check_frame(pd.DataFrame({"a": [1]}), "links", "score_links", ["a", "b"])
    Traceback (most recent call last):
    ...
    provenance.errors.MissingColumnsError: The 'links' parameter of score_links lacks columns ['b'].
    """
    if not isinstance(value, pd.DataFrame):
        raise NotADataFrameError(
            f"The {name!r} parameter of {func} must be a pandas DataFrame. "
            f"Got {type(value).__name__} instead."
        )
    missing = sorted(set(columns) - set(value.columns))
    if missing:
        raise MissingColumnsError(f"The {name!r} parameter of {func} lacks columns {missing}.")
    return value


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
