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
