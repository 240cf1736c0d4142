"""Finding input files and reading their bytes within bounds.

Inputs are files, directories (walked recursively) and globs, mixed. Every stream is capped:
plain files by ``max_file_bytes``, gzip streams by ``max_decompressed_bytes`` while they are
decompressed, so a gzip bomb stops at the cap instead of filling memory.

>>> file_kind("news/2021.jsonl.gz")
('jsonl', True)
>>> file_kind("README.md")
(None, False)
"""

from __future__ import annotations

import codecs
import glob
import gzip
import io
import os
import re
import zlib
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from provenance.ingest.limits import MB, IngestLimits, InputNotFoundError, LimitExceeded

# What a hostile or broken file can make a reader raise; reported per file (or per rest of a
# file), never raised. Anything else is a bug and propagates.
READ_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    LimitExceeded,
    ValueError,
    UnicodeError,
    zlib.error,
    gzip.BadGzipFile,
    RecursionError,  # json.loads on absurdly nested input
)

# File suffix -> reader kind. Each of these may also carry a trailing ".gz" (not Parquet, which
# compresses internally).
KINDS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".parquet": "parquet",
    ".warc": "warc",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(
    sorted([*KINDS, *(s + ".gz" for s in KINDS if s != ".parquet")])
)

# Files a corpus directory typically holds beside its articles (docs, the outlet registry,
# scripts, configuration, images); skipped silently inside a directory, read (or reported as
# unsupported) when named explicitly.
_NOT_ARTICLES = re.compile(
    r"(?i)^(?:readme|licen[cs]e|copying|changelog|outlets\.csv)(?:\..*)?$"
    r"|\.(?:md|rst|py|pyc|sh|ipynb|toml|ya?ml|cfg|ini|lock|png|jpe?g|gif|svg|webp|ico|css|js)$"
)
_GLOB_MAGIC = re.compile(r"[*?\[]")
_SNIFF_BYTES = 8192


def file_kind(path: str | os.PathLike[str]) -> tuple[str | None, bool]:
    """(reader kind or None, gzip-compressed?) from a file name."""
    name = os.path.basename(os.fspath(path)).lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[:-3]
    kind = KINDS.get(os.path.splitext(name)[1])
    if kind == "parquet" and compressed:
        return None, True
    return kind, compressed


def resolve_inputs(inputs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    """Every input file as a path string, de-duplicated and sorted.

    Directories are walked recursively, skipping hidden entries and files that are not articles
    (``README*``, ``LICENSE*``, ``outlets.csv``, docs ``*.md``/``*.rst``, scripts, configuration
    and images). A path that does not
    exist is tried as a glob (``**`` recurses). Raises :class:`InputNotFoundError` for a path
    that does not exist and a glob that matches nothing.
    """
    items = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    if not items:
        raise ValueError("no inputs given")
    found: dict[str, str] = {}  # real path -> path as shown
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"inputs must be paths or path strings, got {type(item).__name__}")
        path = os.fspath(item)
        if os.path.lexists(path):
            matches = [path]
        elif _GLOB_MAGIC.search(path):
            matches = sorted(glob.glob(path, recursive=True))
        else:
            matches = []
        if not matches:
            raise InputNotFoundError(path)
        for match in matches:
            for file in _walk(match) if os.path.isdir(match) else [match]:
                # One file reached two ways is read once, under the name that sorts first
                # (so the result does not depend on the order of the inputs).
                real = os.path.realpath(file)
                found[real] = min(found.get(real, file), file)
    return sorted(set(found.values()))


def _walk(directory: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not _NOT_ARTICLES.search(name):
                yield os.path.join(root, name)


class _CappedReader(io.RawIOBase):
    """A raw stream that raises :class:`LimitExceeded` once more than ``cap`` bytes are read."""

    def __init__(self, inner: BinaryIO, cap: int, what: str, raw: BinaryIO | None = None) -> None:
        self._inner = inner
        self._raw = raw  # the file under a decompressor, which does not close it
        self._left = cap
        self._cap = cap
        self._what = what
        self._over = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        # Hand out everything up to the cap (so the lines before it can be kept) and raise on
        # the first read beyond it; one byte of look-ahead tells the two apart.
        if self._over:
            raise LimitExceeded(f"{self._what} exceeds the {self._cap:,}-byte limit")
        data = self._inner.read(min(len(buffer), self._left + 1))
        n = len(data)
        if n > self._left:
            self._over = True
            n = self._left
            if n == 0:
                raise LimitExceeded(f"{self._what} exceeds the {self._cap:,}-byte limit")
        self._left -= n
        buffer[:n] = data[:n]
        return n

    def close(self) -> None:
        self._inner.close()
        if self._raw is not None:
            self._raw.close()
        super().close()


def _open_raw(path: str) -> BinaryIO:
    # One place that opens input files (tests replace it to simulate unreadable files as root).
    return open(path, "rb")  # noqa: SIM115 - closed by the caller through the wrapper


def open_stream(path: str, compressed: bool, limits: IngestLimits) -> io.BufferedReader:
    """A buffered binary stream of the file's (decompressed) bytes, within the limits."""
    size = os.stat(path).st_size
    if size > limits.max_file_bytes:
        raise LimitExceeded(
            f"file is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit"
        )
    raw = _open_raw(path)
    if compressed:
        inner: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
        capped = _CappedReader(inner, limits.max_decompressed_bytes, "decompressed size", raw)
    else:
        capped = _CappedReader(raw, limits.max_file_bytes, "file")
    return io.BufferedReader(capped, buffer_size=1 * MB)


def read_capped(stream: BinaryIO, cap: int, what: str) -> bytes:
    """All remaining bytes of ``stream``, or :class:`LimitExceeded` past ``cap`` bytes."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise LimitExceeded(f"{what} exceeds the {cap:,}-byte limit")
    return data


def sniff(path: str, compressed: bool, limits: IngestLimits) -> str | None:
    """Why the file cannot hold text records ('empty file', 'binary file'), or None."""
    with open_stream(path, compressed, limits) as stream:
        head = stream.read(_SNIFF_BYTES)
    if not head.strip():
        return "empty file" if not head else "file holds only whitespace"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        return "binary file (NUL bytes), not text"
    return None


_DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""")


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, if any."""
    match = _DECLARED_CHARSET.search(head[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Text of ``data`` and, when it is not valid UTF-8, a note saying how it was decoded.

    UTF-8 (with or without BOM) and UTF-16 with BOM decode silently, as does a page in the
    charset it declares. Anything else is decoded with charset_normalizer's best guess (cp1252
    when it has none), undecodable bytes replaced, and the note goes to the errors table.

    >>> decode_bytes("café".encode("cp1252"))[1]
    'not valid UTF-8 (first bad byte at offset 3); decoded as cp1252'
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    if declared:
        try:
            return data.decode(declared), None
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = _guess_encoding(data)
    note = f"not valid UTF-8 (first bad byte at offset {bad}); decoded as {encoding}"
    return data.decode(encoding, errors="replace"), note


def _guess_encoding(data: bytes) -> str:
    try:
        import charset_normalizer
    except ImportError:  # optional: trafilatura pulls it in, but do not depend on that
        return "cp1252"
    matches = list(charset_normalizer.from_bytes(data[: 64 * 1024]))
    if not matches:
        return "cp1252"
    # Short samples fit many code pages equally well; among the least chaotic, prefer cp1252,
    # the commonest legacy encoding of web news, so a stray "é" does not come out as cp1250.
    least = min(m.chaos for m in matches)
    best = [m for m in matches if m.chaos == least]
    if any("cp1252" in m.could_be_from_charset for m in best):
        return "cp1252"
    return codecs.lookup(best[0].encoding).name


def describe_error(exc: BaseException) -> str:
    """One line for the errors table about a failure from :data:`READ_ERRORS`."""
    if isinstance(exc, PermissionError):
        return f"cannot read: permission denied ({exc.strerror or exc})"
    if isinstance(exc, LimitExceeded):
        return str(exc)
    if isinstance(exc, (gzip.BadGzipFile, zlib.error, EOFError)):
        return f"corrupt or truncated compressed data ({exc})"
    if isinstance(exc, OSError):
        return f"cannot read: {exc.strerror or exc}"
    return f"cannot parse: {type(exc).__name__}: {exc}"
