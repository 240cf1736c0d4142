"""Tables of articles: CSV, JSON Lines, JSON arrays and Parquet (gzip variants too).

Each reader returns a raw frame (our field names, ``_source``, ``_record``) for
:func:`provenance.ingest.normalise.normalise`, or None when nothing in the file can be kept;
every problem goes to the error log. Records are numbered from 1: the data row of a CSV or
Parquet table, the line of a JSON Lines file, the element of a JSON array.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping

import pandas as pd
import pyarrow.parquet as pq

from provenance.errors import ErrorLog
from provenance.ingest.files import (
    READ_ERRORS,
    _guess_encoding,
    _open_raw,
    decode_bytes,
    describe_error,
    open_stream,
)
from provenance.ingest.limits import IngestLimits, LimitExceeded
from provenance.ingest.normalise import STAGE, match_columns, select_fields

_BAD_CSV_LINE = re.compile(r"Skipping line (\d+): (.*)")
_JSON_LIST_KEYS = ("articles", "data", "items", "records", "results", "documents")
_DISCARD_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t", "|")


def read_csv(
    path: str, compressed: bool, limits: IngestLimits, columns: Mapping[str, str], log: ErrorLog
) -> pd.DataFrame | None:
    """A CSV table; malformed lines are skipped and logged, the rest kept."""
    # All columns are read (no usecols): pandas only detects rows with too many fields then.
    with open_stream(path, compressed, limits) as stream:
        head = stream.read(64 * 1024)
    sep = sniff_delimiter(head)
    try:
        frame, caught = _load_csv(path, compressed, limits, "utf-8-sig", "strict", sep)
    except UnicodeDecodeError:
        encoding = _guess_encoding(head)
        log.add(path, "", STAGE, f"not valid UTF-8; decoded as {encoding}")
        frame, caught = _load_csv(path, compressed, limits, encoding, "replace", sep)
    for message in caught:
        match = _BAD_CSV_LINE.match(message.strip())
        where, why = (f"line {match.group(1)}", match.group(2)) if match else ("", message)
        log.add(path, where, STAGE, f"malformed CSV line skipped: {why}")
    return _to_raw(frame, path, limits, columns, log)


def sniff_delimiter(head: bytes) -> str:
    """The field separator of a CSV file from its header line: the commonest of ``, ; tab |``
    outside quotes, a comma when none occurs.

    BABE's files are ``;``-separated; read with a comma they gave 1,312 "malformed line" errors
    and no article.

    >>> sniff_delimiter(b"text;news_link;outlet\\nA, b;c;d\\n")
    ';'
    >>> sniff_delimiter(b'"a;b",text\\n1,2\\n')
    ','
    """
    header = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {sep: unquoted.count(sep) for sep in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda sep: counts[sep])  # ties: the earlier, comma first
    return best if counts[best] else ","


def _load_csv(
    path: str,
    compressed: bool,
    limits: IngestLimits,
    encoding: str,
    errors: str,
    sep: str = ",",
) -> tuple[pd.DataFrame, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        with open_stream(path, compressed, limits) as stream:
            frame = pd.read_csv(
                stream,
                dtype=str,
                keep_default_na=False,
                sep=sep,
                encoding=encoding,
                encoding_errors=errors,
                on_bad_lines="warn",
                nrows=limits.max_records_per_file + 1,
            )
    messages = [str(w.message) for w in caught if issubclass(w.category, pd.errors.ParserWarning)]
    return frame, [line for m in messages for line in m.splitlines() if line.strip()]


def read_jsonl(
    path: str, compressed: bool, limits: IngestLimits, columns: Mapping[str, str], log: ErrorLog
) -> pd.DataFrame | None:
    """JSON Lines: one object per line. Over-long and malformed lines are skipped and logged."""
    logged = len(log)
    lines, numbers = _read_lines(path, compressed, limits, log)
    if not lines:
        if len(log) == logged:  # else the rows already say why (a bomb, over-long lines)
            log.add(path, "", STAGE, "no records")
        return None
    # Lines decoded a batch at a time when the file is UTF-8 (one decode pass); a file that is
    # not (a UTF-16 BOM, 0xFF/0xFE, never starts UTF-8) is decoded whole, with its note.
    try:
        records, kept, problems = _parse_lines(_utf8_line_texts(lines), numbers)
    except UnicodeDecodeError:
        text, note = decode_bytes(b"".join(lines))
        if note:
            log.add(path, "", STAGE, note)
        records, kept, problems = _parse_lines(text.split("\n"), numbers)
    for number, reason in problems:
        log.add(path, number, STAGE, reason)
    if not records:
        return None
    return _records_to_raw(records, path, limits, columns, log, kept)


def _parse_lines(
    pieces: Iterable[str], numbers: list[int]
) -> tuple[list[dict[str, object]], list[int], list[tuple[int, str]]]:
    """The JSON objects of the lines, their line numbers, and (line, reason) of the rest."""
    # json.loads per line beats pandas.read_json(lines=True) here and pins errors to lines.
    records: list[dict[str, object]] = []
    kept: list[int] = []
    problems: list[tuple[int, str]] = []
    for number, piece in zip(numbers, pieces, strict=False):
        try:
            value = json.loads(piece)
        except (ValueError, RecursionError) as exc:
            problems.append((number, f"malformed JSON line: {exc}"))
            continue
        if not isinstance(value, dict):
            problems.append((number, f"JSON line is a {type(value).__name__}, not an object"))
            continue
        records.append(value)
        kept.append(number)
    return records, kept, problems


# Lines decoded per batch. Decoding the whole file at once held its bytes joined, its text and
# the text split into lines at the same time: ingest of all 37,554 ABP articles peaked at 1.9 GB
# RSS for a 225 MB table. UTF-8 decodes line by line exactly as it decodes whole (it resynchronises
# at every newline), so batches give the same strings.
_DECODE_BATCH = 2_000


def _utf8_line_texts(lines: list[bytes]) -> Iterator[str]:
    """Each line's text, decoded a batch at a time (a BOM is dropped at the file's start only,
    as ``decode_bytes`` drops it); raises UnicodeDecodeError on bytes that are not UTF-8."""
    for start in range(0, len(lines), _DECODE_BATCH):
        batch = b"".join(lines[start : start + _DECODE_BATCH])
        yield from batch.decode("utf-8-sig" if start == 0 else "utf-8").split("\n")[:-1]


def _read_lines(
    path: str, compressed: bool, limits: IngestLimits, log: ErrorLog
) -> tuple[list[bytes], list[int]]:
    lines: list[bytes] = []
    numbers: list[int] = []
    try:
        _collect_lines(path, compressed, limits, log, lines, numbers)
    except READ_ERRORS as exc:  # a stream that breaks off keeps the lines read so far
        log.add(path, "", STAGE, f"{describe_error(exc)}; the rest of the file skipped")
    return lines, numbers


def _collect_lines(
    path: str,
    compressed: bool,
    limits: IngestLimits,
    log: ErrorLog,
    lines: list[bytes],
    numbers: list[int],
) -> None:
    cap = limits.max_line_bytes
    number = 0
    with open_stream(path, compressed, limits) as stream:
        while True:
            line = stream.readline(cap + 1)
            if not line:
                break
            number += 1
            if len(line) - line.endswith(b"\n") > cap:
                # Skip the rest of the line in bounded chunks, never holding it whole.
                while not line.endswith(b"\n"):
                    line = stream.readline(_DISCARD_CHUNK)
                    if not line:
                        break
                log.add(path, number, STAGE, f"line longer than {cap:,} bytes; skipped")
                continue
            if not line.strip():
                continue
            if len(lines) == limits.max_records_per_file:
                log.add(
                    path,
                    number,
                    STAGE,
                    f"more than {limits.max_records_per_file:,} "
                    "records; the rest of the file skipped",
                )
                break
            lines.append(line if line.endswith(b"\n") else line + b"\n")
            numbers.append(number)


def read_json(
    path: str, compressed: bool, limits: IngestLimits, columns: Mapping[str, str], log: ErrorLog
) -> pd.DataFrame | None:
    """A JSON array of article objects (or an object holding one, e.g. ``{"articles": [...]}``,
    or a single article object)."""
    with open_stream(path, compressed, limits) as stream:
        data = stream.read()
    text, note = decode_bytes(data)
    if note:
        log.add(path, "", STAGE, note)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        log.add(path, "", STAGE, f"malformed JSON: {exc}")
        return None
    if isinstance(value, dict):
        inner = next((value[k] for k in _JSON_LIST_KEYS if isinstance(value.get(k), list)), None)
        value = inner if inner is not None else [value]
    if not isinstance(value, list):
        log.add(path, "", STAGE, f"JSON holds a {type(value).__name__}, not articles")
        return None
    records, kept = [], []
    for number, item in enumerate(value, start=1):
        if isinstance(item, dict):
            records.append(item)
            kept.append(number)
        else:
            log.add(path, number, STAGE, f"JSON element is a {type(item).__name__}, not an object")
    if not value:
        log.add(path, "", STAGE, "no records")
    if not records:
        return None
    return _records_to_raw(records, path, limits, columns, log, kept)


def read_parquet(
    path: str, compressed: bool, limits: IngestLimits, columns: Mapping[str, str], log: ErrorLog
) -> pd.DataFrame | None:
    """A Parquet table; only the columns we use are read, in batches, up to the record cap."""
    size = os.stat(path).st_size
    if size > limits.max_file_bytes:
        raise LimitExceeded(
            f"file is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit"
        )
    with _open_raw(path) as raw, pq.ParquetFile(raw) as table:
        meta = table.metadata
        declared = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        if declared > limits.max_decompressed_bytes:
            raise LimitExceeded(
                f"uncompressed size {declared:,} bytes exceeds the "
                f"{limits.max_decompressed_bytes:,}-byte limit"
            )
        names = table.schema_arrow.names
        wanted = [c for c in names if c in match_columns(names, columns)[0]]
        batches, rows = [], 0
        for batch in table.iter_batches(batch_size=65_536, columns=wanted):
            batches.append(batch.to_pandas())
            rows += batch.num_rows
            if rows > limits.max_records_per_file:
                break
    frame = pd.concat(batches, ignore_index=True) if batches else pd.DataFrame(columns=wanted)
    return _to_raw(frame, path, limits, columns, log)


def _records_to_raw(
    records: list[dict[str, object]],
    path: str,
    limits: IngestLimits,
    columns: Mapping[str, str],
    log: ErrorLog,
    numbers: list[int],
) -> pd.DataFrame | None:
    # Only keys we use become columns: records with thousands of distinct keys stay cheap.
    keys = list(dict.fromkeys(key for r in records for key in r))
    rename, _ = match_columns(keys, columns)
    used = [k for k in keys if k in rename]
    # Columns of strings are kept as Python objects: pandas would infer pyarrow strings, a copy
    # of every text here, before the stream's first slice (1.6 of ingest's 8.6 CPU s on the
    # first 20,000 ABP articles); normalise makes its own copy a slice at a time, and object
    # columns of the same strings (or None) normalise to the same values. Other values (numbers,
    # lists) keep pandas' inference on the whole file, which normalise reads by dtype.
    wanted = set(used)
    text_only = all(
        isinstance(value, str) or value is None
        for record in records
        for key, value in record.items()
        if key in wanted
    )
    frame = pd.DataFrame(records, columns=used, dtype=object if text_only else None)
    return _to_raw(frame, path, limits, columns, log, numbers, header=keys)


def _to_raw(
    frame: pd.DataFrame,
    path: str,
    limits: IngestLimits,
    columns: Mapping[str, str],
    log: ErrorLog,
    numbers: list[int] | None = None,
    header: list[object] | None = None,
) -> pd.DataFrame | None:
    """Our fields of a parsed table, with record numbers; None (and logged) without text."""
    fields, missing = select_fields(frame, columns)
    for field in missing:
        log.add(path, "", STAGE, f"column {columns[field]!r} (mapped to {field!r}) not found")
    if "text" not in fields:
        if "text" not in missing:
            names = list(frame.columns) if header is None else header
            shown = ", ".join(map(str, names[:20])) or "none"
            log.add(path, "", STAGE, f"no text column (columns: {shown}); file skipped")
        return None
    if len(frame) == 0:
        log.add(path, "", STAGE, "no records")
        return None
    if len(fields) > limits.max_records_per_file:
        log.add(
            path,
            "",
            STAGE,
            f"more than {limits.max_records_per_file:,} records; the rest of the file skipped",
        )
        fields = fields.iloc[: limits.max_records_per_file]
        numbers = None if numbers is None else numbers[: limits.max_records_per_file]
    record = pd.RangeIndex(1, len(fields) + 1) if numbers is None else numbers
    fields = fields.reset_index(drop=True)
    fields["_source"] = path
    fields["_record"] = pd.Series(record, dtype="int64").astype("string").to_numpy()
    return fields
