"""Writing tables atomically: a run never leaves half-written reports.

Every file is written to a temporary name in the target directory and renamed into place
only when all of a run's files are complete.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from provenance.progress import stage
from provenance.schema import TABLES

FORMATS = ("csv", "parquet")


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | os.PathLike[str],
    *,
    formats: tuple[str, ...] = ("csv",),
    include_text: bool = False,
    extra_files: Mapping[str, Callable[[Path], None]] | None = None,
) -> list[Path]:
    """Write each table as ``NAME.csv`` / ``NAME.parquet`` into ``out_dir``, all or nothing.

    Parquet keeps every column with its type (``published`` a UTC timestamp, the article
    ``text``), so it reads back equal to the API's DataFrames; CSV drops the text unless
    ``include_text`` and writes times as ISO 8601 strings.

    ``extra_files`` maps file names to callables that write that file to the path they are
    given (used for the HTML report and the figures directory). Returns the final paths.
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown output format(s) {bad}; choose from {FORMATS}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".provenance-", dir=out))
    try:
        # The extra files (report.html, figures) are drawn in a forked process while this one
        # writes the tables: first 3,000 ABP articles, report 2.2 CPU s (+0.7 s importing
        # matplotlib) beside 1.7 s of CSVs, one core idle while the other worked on either.
        # With figures, side by side: 6.1-6.9 CPU s in one process before; now 1.3-1.7 here
        # beside 4.3-4.5 in the child, so the longer of the two, ~4.5 s, on two cores.
        extras = [(name, staging / name, writer) for name, writer in (extra_files or {}).items()]
        for _, target, _ in extras:
            target.parent.mkdir(parents=True, exist_ok=True)
        files = _table_writers(tables, staging, formats, include_text)
        # The largest table's files are written in a forked child of their own: framing.csv
        # of the first 3,000 ABP articles (618k rows) is 0.56 of the tables' 1.3 CPU s, and
        # of 20,000 (3.8M rows) about half of the ~7 s.
        largest = _largest_table(tables)
        beside = [file for file in files if file[0].rsplit(".", 1)[0] == largest]
        with BesideThisProcess([extras, beside]) as done:
            _run_writers([file for file in files if file not in beside])
        done.check()
        written = [name for name, _, _ in files + extras]
        final = []
        for file_name in written:
            dest = out / file_name
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.is_dir():
                shutil.rmtree(dest)
            os.replace(staging / file_name, dest)
            final.append(dest)
        return final
    finally:
        shutil.rmtree(staging, ignore_errors=True)


Writers = list[tuple[str, Path, Callable[[Path], None]]]

# A table with at least this many rows is written beside the others (see write_tables).
LARGE_TABLE_ROWS = 100_000


def _largest_table(tables: Mapping[str, pd.DataFrame]) -> str | None:
    """The name of the table with the most rows, if it has at least ``LARGE_TABLE_ROWS``."""
    if not tables:
        return None
    name = max(tables, key=lambda table: len(tables[table]))
    return name if len(tables[name]) >= LARGE_TABLE_ROWS else None


def _table_writers(
    tables: Mapping[str, pd.DataFrame],
    staging: Path,
    formats: tuple[str, ...],
    include_text: bool,
) -> Writers:
    """(file name, path in ``staging``, writer) of each table's CSV and/or Parquet, in order."""
    files: Writers = []
    for name, frame in tables.items():
        if "csv" in formats:
            writer = partial(_write_csv_view, name, frame, include_text)
            files.append((f"{name}.csv", staging / f"{name}.csv", writer))
        if "parquet" in formats:
            files.append(
                (f"{name}.parquet", staging / f"{name}.parquet", partial(_to_parquet, frame))
            )
    return files


def _write_csv_view(name: str, frame: pd.DataFrame, include_text: bool, path: Path) -> None:
    write_csv(_csv_view(name, frame, include_text), path)


def _to_parquet(frame: pd.DataFrame, path: Path) -> None:
    frame.to_parquet(path, index=False)


class BesideThisProcess:
    """Run each group of ``writers`` (name, target path, ``writer(path)``), in order, in a
    forked child of its own (:class:`Forked`) for as long as the ``with`` block runs;
    :meth:`check` then raises the first writer's exception here, marked with its stage
    (``write NAME``). Where fork is not safe, the writers run here when the block ends.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "x.txt"
    >>> with BesideThisProcess([[("x.txt", target, lambda p: p.write_text("x"))]]) as done:
    ...     pass
    >>> done.check(); target.read_text()
    'x'
    """

    def __init__(self, groups: Sequence[Writers]) -> None:
        self.groups = [group for group in groups if group]
        self._children: list[Forked] = []

    def __enter__(self) -> BesideThisProcess:
        self._children = [Forked(_run_writers, group) for group in self.groups]
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is not None:  # the tables failed: the extra files are not wanted
            for child in self._children:
                child.cancel()

    def check(self) -> None:
        """Raise the first writer's exception (stage-marked); the writers' work is done."""
        for child in self._children:
            child.result()


class Forked:
    """``fn(*args)`` in a forked child process, started at once; :meth:`result` returns its
    value here (pickled back through a pipe) or raises its exception, with the child's
    traceback as a note. Used as a context manager, a child whose result was not asked for is
    stopped when the block ends.

    The child is a fork: it shares this process's data (nothing is pickled on the way in) and
    leaves with ``os._exit``. Where fork is not safe (not Linux, or other threads alive here,
    which a fork would copy mid-way: a Dask client, a caller's own), ``fn`` runs in this
    process when :meth:`result` is first called.

    >>> with Forked(sum, [1, 2, 3]) as total:
    ...     total.result()
    6
    """

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        import multiprocessing

        self._call: tuple[Callable[..., Any], tuple[Any, ...]] | None = (fn, args)
        self._child: Any = None
        self._receive: Any = None
        if _fork_is_safe():
            for stream in (sys.stdout, sys.stderr):  # else the child flushes our buffers too
                stream.flush()
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._child = context.Process(target=_send_result, args=(fn, args, send))
            self._child.start()
            send.close()

    def result(self) -> Any:
        """``fn(*args)``'s value, or its exception raised here; asked for once."""
        if self._call is None:
            raise RuntimeError("the result of a forked call is asked for once")
        fn, args = self._call
        self._call = None
        if self._child is None:
            return fn(*args)
        try:
            succeeded, value = self._receive.recv()
        except EOFError:  # ended without a word (killed, out of memory)
            self._child.join()
            succeeded = False
            value = RuntimeError(f"the forked process ended with code {self._child.exitcode}")
        finally:
            self._receive.close()
        self._child.join()
        if not succeeded:
            raise value
        return value

    def cancel(self) -> None:
        """Stop the child if its result was not asked for."""
        if self._child is not None and self._call is not None:
            self._call = None
            self._child.terminate()
            self._child.join()
            self._receive.close()

    def __enter__(self) -> Forked:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.cancel()


def _fork_is_safe() -> bool:
    """Fork only on Linux and only with no other thread alive in this process."""
    import multiprocessing
    import threading

    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def _run_writers(writers: Writers) -> None:
    """Each ``writer(target)`` in order, each marked with its stage."""
    for name, target, writer in writers:
        with stage(f"write {name}"):
            writer(target)


def _send_result(fn: Callable[..., Any], args: tuple[Any, ...], send: Any) -> None:
    """In a forked child: (True, ``fn(*args)``) or (False, its exception) through ``send``."""
    try:
        value = fn(*args)
    except BaseException as exc:  # sent to the parent, which raises it
        import traceback

        exc.add_note("in the forked process:\n" + "".join(traceback.format_exception(exc)))
        send.send((False, _picklable(exc)))  # not raised again: the parent reports it, once
        return
    send.send((True, value))


def _picklable(exc: BaseException) -> BaseException:
    """``exc`` if it pickles (and unpickles), else a RuntimeError with its text."""
    import pickle

    try:
        return pickle.loads(pickle.dumps(exc))
    except Exception:
        plain = RuntimeError(f"{type(exc).__name__}: {exc}")
        for attribute, value in vars(exc).items():
            setattr(plain, attribute, value)
        return plain


# Rows the fast CSV writer formats at a time: bounds its text in memory (framing.csv of the
# first 3,000 ABP articles: 605k rows, 40 MB; 20,000: 3.8M rows, ~260 MB as one string).
CSV_CHUNK_ROWS = 100_000

# Fields quoted (quotes doubled): a delimiter, a quote or a line end in them. The csv module
# with lineterminator "\n" (so pandas' to_csv) leaves a lone "\r" bare, and a reader then ends
# the row there (pandas' read_csv does): a hostile url or file name broke its row. Quoted here
# (RFC 4180); every other field as pandas writes it (tests/test_write_csv.py).
_QUOTED_CHARS = ',"\n\r'
_QUOTED_FIELD = f"[{_QUOTED_CHARS}]"
_QUOTED_BYTES = tuple(_QUOTED_CHARS.encode("ascii"))
_MAY_NEED_QUOTES = re.compile(_QUOTED_FIELD)
_TEXT = pa.large_string()


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """``frame.to_csv(path, index=False, lineterminator="\\n")``, byte for byte.

    A frame of text, float64, Int64 and boolean columns only (every table of the contract) is
    formatted here, a column at a time, instead of by pandas' row writer: framing.csv of the
    first 3,000 ABP articles (605k rows) took 0.95 CPU s in pandas, ~0.5 s here; the other
    tables (Int64 and boolean columns too) of the first 20,000, ~4 CPU s in pandas. Floats are
    spelt as pandas spells them (numpy's ``astype(str)``, NaN empty), text as the csv module
    quotes it. Each column's fields are an Arrow string array and the rows are joined by
    pyarrow, not a Python string a row (first 20,000 ABP articles, two alternating runs each:
    the tables but framing 2.34 / 2.39 -> 1.38 / 1.39 CPU s, framing.csv 3.80 / 3.87 -> 2.20 /
    2.24 s).
    """
    if frame.shape[1] < 2 or not all(map(_formatted_here, frame.dtypes)):
        frame.to_csv(path, index=False, lineterminator="\n")
        return
    with open(path, "wb") as handle:
        header = ",".join(_csv_text(str(name)) for name in frame.columns) + "\n"
        handle.write(header.encode("utf-8"))
        # (a chunk of a wide table holds as many fields as CSV_CHUNK_ROWS of framing's five
        # columns: quotes.csv in chunks of 100,000 rows raised the main process's peak RSS on
        # the first 20,000 ABP articles from 1,943 to 2,052 MB, written during that peak)
        step = min(CSV_CHUNK_ROWS, max(1, CSV_CHUNK_ROWS * 5 // frame.shape[1]))
        columns = [_column_fields(frame[name]) for name in frame.columns]
        for start in range(0, len(frame), step):
            fields = [column(start, start + step) for column in columns]
            # The line end joined to the last field, not to each whole line in a second pass
            # (framing.csv of the first 20,000 ABP articles, its first 2M rows: 0.25 -> 0.16
            # CPU s).
            comma, line_end = pa.scalar(",", _TEXT), pa.scalar("\n", _TEXT)
            last = pc.binary_join_element_wise(fields.pop(), line_end, pa.scalar("", _TEXT))
            lines = pc.binary_join_element_wise(*fields, last, comma)
            del fields
            handle.write(_utf8_of(lines))


def _utf8_of(strings: pa.LargeStringArray) -> memoryview:
    """The UTF-8 bytes of ``strings`` (no nulls) end to end, without a copy."""
    offsets = np.frombuffer(strings.buffers()[1], dtype=np.int64)
    first, last = offsets[strings.offset], offsets[strings.offset + len(strings)]
    return memoryview(strings.buffers()[2])[first:last]


def _formatted_here(dtype: object) -> bool:
    """Whether :func:`write_csv` formats a column of this dtype itself: the contract's tables
    hold float64, text, Int64 and boolean columns (and times, written as text)."""
    return dtype in ("float64", "Int64", "boolean") or isinstance(dtype, pd.StringDtype)


def _column_fields(column: pd.Series) -> Callable[[int, int], pa.LargeStringArray]:
    """``fields(start, stop)``: the CSV fields of those rows of ``column``. Numbers are spelt
    once per distinct value of the whole column, then taken chunk by chunk (framing.csv of the
    first 20,000 ABP articles: its value column 0.57 CPU s spelt chunk by chunk, where the
    same values recur in every chunk); text is formatted chunk by chunk (its fields are long).
    """
    if column.dtype in ("Int64", "boolean"):
        return _nullable_fields(column).fields
    if column.dtype == "float64":
        values = column.to_numpy()
        if not np.signbit(values[values == 0]).any():  # factorize would merge -0.0 into 0.0
            codes, distinct = pd.factorize(values)  # (hashed: np.unique sorted them)
            return _Spelt(_float_text(distinct), codes).fields
    return lambda start, stop: _csv_fields(column.iloc[start:stop])


def _float_text(values: np.ndarray) -> np.ndarray:
    """Each float as pandas' to_csv writes it (numpy's repr; NaN empty), as Python strings."""
    text = values.astype(str).astype(object)
    text[np.isnan(values)] = ""
    return text


def _csv_fields(column: pd.Series) -> pa.LargeStringArray:
    """A chunk of a text column (or of a float64 one holding -0.0, spelt value by value) as
    its CSV fields (missing values empty)."""
    if column.dtype == "float64":
        return pa.array(_float_text(column.to_numpy()), type=_TEXT)
    text = pa.array(column, type=_TEXT)
    if isinstance(text, pa.ChunkedArray):  # (a pyarrow-backed column keeps its chunks)
        text = text.combine_chunks()
    text = text.fill_null("")
    quoted = _quoted_rows(text)
    if quoted is None:
        return text
    chosen = pc.replace_substring(text.filter(quoted), '"', '""')
    quote = pa.scalar('"', _TEXT)
    return pc.replace_with_mask(
        text, quoted, pc.binary_join_element_wise(quote, chosen, quote, pa.scalar("", _TEXT))
    )


def _quoted_rows(text: pa.LargeStringArray) -> pa.BooleanArray | None:
    """Which fields of ``text`` (no nulls) hold a byte of ``_QUOTED_FIELD``; None if none does.

    Found in the UTF-8 bytes end to end, each hit's field by its offset (those ASCII bytes are
    never part of a longer character): framing.csv of the first 20,000 ABP articles, its four
    text columns 0.99 CPU s by RE2 on every field, ~0.24 so.
    """
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int64)[text.offset :][: len(text) + 1]
    data = text.buffers()[2]
    if data is None or not len(text):
        return None
    data = np.frombuffer(data, dtype=np.uint8)[offsets[0] : offsets[-1]]
    special = data == _QUOTED_BYTES[0]
    for byte in _QUOTED_BYTES[1:]:
        special |= data == byte
    hits = np.flatnonzero(special)
    if not len(hits):
        return None
    quoted = np.zeros(len(text), dtype=bool)
    quoted[np.searchsorted(offsets, hits + offsets[0], side="right") - 1] = True
    return pa.array(quoted)


def _nullable_fields(column: pd.Series) -> _Spelt:
    """The CSV fields of an Int64 or boolean column, as pandas writes them (7, True; NA
    empty)."""
    is_bool = column.dtype == "boolean"
    values = column.to_numpy(dtype="bool" if is_bool else "int64", na_value=False if is_bool else 0)
    codes, distinct = pd.factorize(values)
    codes[column.isna().to_numpy()] = -1
    return _Spelt(np.array([str(value) for value in distinct.tolist()], dtype=object), codes)


class _Spelt:
    """A column's fields as its distinct values spelt once (``text``) and each row's code
    into them, -1 for the empty field.

    >>> _Spelt(np.array(["7", "8"], dtype=object), np.array([1, -1, 0])).fields(1, 3).to_pylist()
    ['', '7']
    """

    def __init__(self, text: np.ndarray, codes: np.ndarray) -> None:
        self.text = pa.array(np.append(text, ""), type=_TEXT)
        self.codes = np.where(codes < 0, len(text), codes)

    def fields(self, start: int, stop: int) -> pa.LargeStringArray:
        """The fields of rows ``start`` to ``stop``."""
        return self.text.take(pa.array(self.codes[start:stop]))


def _csv_text(value: str) -> str:
    """One text field as CSV holds it: quoted, quotes doubled, where ``_QUOTED_FIELD`` says."""
    if not _MAY_NEED_QUOTES.search(value):
        return value
    return '"' + value.replace('"', '""') + '"'


def _csv_view(name: str, frame: pd.DataFrame, include_text: bool) -> pd.DataFrame:
    """The table as CSV holds it: article text only with ``include_text``, UTC times as ISO 8601
    strings (unambiguous and byte-stable). Parquet keeps the frame as it is: its types and text.
    """
    if name == "articles" and not include_text and "text" in frame.columns:
        frame = frame.drop(columns=["text"])
    if name in TABLES:
        for col in frame.columns:
            if str(frame[col].dtype).startswith("datetime64"):
                frame = frame.assign(**{col: frame[col].dt.strftime("%Y-%m-%dT%H:%M:%SZ")})
    return frame
