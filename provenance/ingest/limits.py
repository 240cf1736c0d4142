"""Cost bounds for hostile input, and the exceptions ingest raises or records.

>>> IngestLimits(max_line_bytes=4096).max_line_bytes
4096
"""

from __future__ import annotations

from dataclasses import dataclass, fields

KB = 1024
MB = 1024 * KB
GB = 1024 * MB


class InputNotFoundError(FileNotFoundError):
    """An input path does not exist, or a glob matches no file."""

    def __init__(self, path: str) -> None:
        super().__init__(2, "input not found (no such file, directory or glob match)", path)


class LimitExceeded(ValueError):
    """A file, stream, line or record is larger than its :class:`IngestLimits` bound."""


@dataclass(frozen=True)
class IngestLimits:
    """Upper bounds that keep one bad input from exhausting memory or time.

    Parameters
    ----------
    max_file_bytes:
        Largest input file on disk; larger files are rejected unread.
    max_decompressed_bytes:
        Largest decompressed stream of a ``.gz`` input (and largest uncompressed size a Parquet
        file declares). Decompression is streamed and stops at the cap (gzip bombs).
    max_record_bytes:
        Largest single record: a page (``.txt``/``.html`` file, WARC payload) in raw bytes, or
        the body text of a table row in UTF-8 bytes. Larger records are rejected.
    max_line_bytes:
        Longest line of a JSON Lines file (without its newline); longer lines are skipped
        without being held in memory.
    max_records_per_file:
        Records read from one file; the rest of the file is skipped and reported.

    Example
    -------
    >>> limits = IngestLimits(max_decompressed_bytes=100 * MB)
    >>> limits.max_record_bytes == 5 * MB
    True
    """

    max_file_bytes: int = 2 * GB
    max_decompressed_bytes: int = 4 * GB
    max_record_bytes: int = 5 * MB
    max_line_bytes: int = 10 * MB
    max_records_per_file: int = 5_000_000

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"IngestLimits.{f.name} must be a positive int, got {value!r}")
