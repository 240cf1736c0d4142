"""``read_articles`` and ``articles_from_frame``: any mix of inputs to the ``articles`` table."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from provenance.errors import ErrorLog, check_frame
from provenance.ingest.files import (
    READ_ERRORS,
    SUPPORTED_SUFFIXES,
    declared_charset,
    decode_bytes,
    describe_error,
    file_kind,
    open_stream,
    read_capped,
    resolve_inputs,
    sniff,
)
from provenance.ingest.limits import IngestLimits
from provenance.ingest.normalise import (
    STAGE,
    Deduplicator,
    check_columns,
    finish,
    normalise,
    select_fields,
)
from provenance.ingest.pages import parse_html_page, parse_text_page
from provenance.ingest.tables import read_csv, read_json, read_jsonl, read_parquet
from provenance.ingest.warc import read_warc
from provenance.progress import progress, stage
from provenance.schema import empty

PathInput = str | os.PathLike[str]
_TABLE_READERS: dict[str, Callable[..., pd.DataFrame | None]] = {
    "csv": read_csv,
    "jsonl": read_jsonl,
    "json": read_json,
    "parquet": read_parquet,
}
# Page records are normalised together in batches of this size: one pandas pass per batch,
# not per page.
_PAGE_BATCH = 5_000


def read_articles(
    inputs: PathInput | Sequence[PathInput],
    *,
    columns: Mapping[str, str] | None = None,
    quiet: bool = True,
    limits: IngestLimits | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read articles from files, directories (recursively) and globs, in any mix.

    Formats, by file name: page dumps and plain text (``.txt``), HTML pages (``.html``,
    ``.htm``), tables (``.csv``, ``.jsonl``/``.ndjson``, ``.json``, ``.parquet``) and web
    archives (``.warc``); all but Parquet also as ``.gz``. Table columns are matched by common
    names (url/link, title/headline, text/content/body, published/date/timestamp,
    outlet/source/site_name, author/byline, language/lang); ``columns`` maps our field to
    yours where the names differ, e.g. ``{"text": "article_body"}``.

    Inside directories, hidden entries and files that are not articles (``README*``,
    ``LICENSE*``, ``outlets.csv``, ``*.md``, ``*.rst``, scripts, configuration, images) are
    skipped silently; other unknown file types are reported in ``errors``. Files are read in sorted path order, records in file order.

    Nothing is dropped silently and no bad input stops the run: unreadable, empty, binary,
    oversized or malformed files and records, records without text, unparseable dates (the
    article is kept with an empty date), text that is not UTF-8 (decoded with a guessed
    charset) and duplicates (the first is kept) each get a row in ``errors``.

    Parameters
    ----------
    inputs:
        A path, directory or glob, or a sequence of them.
    columns:
        Optional ``{our_field: their_column}`` for tables; fields: url, title, text,
        published, site_name, byline, language, domain.
    quiet:
        If False, print each error on stderr and show a progress bar over files.
    limits:
        Size bounds (:class:`IngestLimits`); defaults are generous.

    Returns
    -------
    (articles, errors):
        DataFrames conforming to the ``articles`` and ``errors`` schemas.

    Raises
    ------
    InputNotFoundError
        An input does not exist or a glob matches nothing.

    Example
    -------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "talks.txt").write_text(
    ...     "Talks resume in Geneva\\n\\nGENEVA (Example Wire) - Talks resumed on Monday.\\n")
    >>> articles, errors = read_articles(folder)
    >>> articles.loc[0, "title"], len(errors)
    ('Talks resume in Geneva', 0)
    >>> articles, errors = read_articles("data/demo/")  # doctest: +SKIP
    """
    stream = stream_articles(inputs, columns=columns, quiet=quiet, limits=limits)
    batches = list(stream)
    articles = pd.concat(batches, ignore_index=True) if batches else empty("articles")
    return articles, stream.errors


def stream_articles(
    inputs: PathInput | Sequence[PathInput],
    *,
    columns: Mapping[str, str] | None = None,
    quiet: bool = True,
    limits: IngestLimits | None = None,
) -> ArticleStream:
    """:func:`read_articles` a batch of articles at a time, while the files are still read.

    Inputs are checked (and missing ones raise) at once; iterating the stream reads them. The
    batches put together (``pd.concat(batches, ignore_index=True)``) are the articles table
    :func:`read_articles` returns, and once the stream is exhausted ``stream.errors`` is its
    errors table. The pandas engine starts the per-article stages on the first batches.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "talks.txt").write_text("Talks resume\\n\\nTalks resumed on Monday.\\n")
    >>> stream = stream_articles(folder)
    >>> [len(batch) for batch in stream], len(stream.errors)
    ([1], 0)
    """
    columns = check_columns(columns)
    if limits is None:
        limits = IngestLimits()
    elif not isinstance(limits, IngestLimits):
        raise TypeError(f"limits must be an IngestLimits, got {type(limits).__name__}")
    return ArticleStream(resolve_inputs(inputs), columns, limits, quiet)


# A table is normalised and handed on in slices of at most this many records, smaller towards
# its end (a quarter of what is left, at least STREAM_SLICE_MIN): the pool's workers start on
# the first slices while the rest is normalised, and the last jobs are short, so that neither
# worker waits long for the other at the end.
STREAM_SLICE_MAX = 2_500
STREAM_SLICE_MIN = 500


class ArticleStream:
    """The articles of some inputs, as conformed batches in the articles table's order.

    Iterate it once. Each batch is normalised and de-duplicated against every earlier row
    (:class:`~provenance.ingest.normalise.Deduplicator`); ``errors`` is the errors table once
    the stream is exhausted. Page files are normalised in batches of ``_PAGE_BATCH`` pages: a
    table read while pages wait for their batch would come before them, so from then on the
    rest is gathered and put in file order at the end, as :func:`finish` does.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Talks resume\\n\\nTalks resumed on Monday.\\n")
    >>> stream = ArticleStream([str(folder / "a.txt")], {}, IngestLimits(), quiet=True)
    >>> pd.concat(list(stream))["title"].tolist()
    ['Talks resume']
    """

    def __init__(
        self, paths: list[str], columns: Mapping[str, str], limits: IngestLimits, quiet: bool
    ) -> None:
        self._paths, self._columns, self._limits, self._quiet = paths, columns, limits, quiet
        self._log = ErrorLog(echo=not quiet)
        self._errors: pd.DataFrame | None = None

    @property
    def errors(self) -> pd.DataFrame:
        """The errors table, once every batch has been read."""
        if self._errors is None:
            raise RuntimeError("the errors are known once the stream has been read")
        return self._errors

    def __iter__(self) -> Iterator[pd.DataFrame]:
        dedup = Deduplicator(self._log)
        with stage("ingest"):
            for batch in self._ordered_batches():
                if len(batch):
                    yield dedup(batch)
            self._log.echo_summary()
            self._errors = sorted_errors(self._log)

    def _ordered_batches(self) -> Iterator[pd.DataFrame]:
        """Normalised batches in the articles' order (see the class)."""
        tail: list[pd.DataFrame] | None = None
        pages: list[dict[str, object]] = []
        for batch, is_table in self._raw_batches(pages):
            if tail is None and is_table and pages:
                tail = []
            if tail is None:
                yield batch
            else:
                tail.append(batch)
        last = [_normalise_pages(pages, self._log, self._limits)] if pages else []
        if tail is None:
            yield from last
        elif tail or last:
            rest = pd.concat([*tail, *last], ignore_index=True)
            yield rest.sort_values("_order", kind="stable")

    def _raw_batches(self, pages: list[dict[str, object]]) -> Iterator[tuple[pd.DataFrame, bool]]:
        """(normalised batch, from a table?) in reading order; pages wait in ``pages`` for a
        batch of ``_PAGE_BATCH``."""
        paths, log, limits = self._paths, self._log, self._limits
        for order, path in enumerate(
            progress(paths, total=len(paths), desc="ingest", quiet=self._quiet)
        ):
            try:
                found = _read_file(path, limits, self._columns, log)
            except READ_ERRORS as exc:
                log.add(path, "", STAGE, f"{describe_error(exc)}; file skipped")
                continue
            if isinstance(found, pd.DataFrame):
                found["_order"] = order
                for rows in _stream_slices(len(found)):
                    yield normalise(found.iloc[rows], log, limits.max_record_bytes), True
                continue
            for page in found:
                page["_order"] = order
                page.setdefault("_source", path)
                pages.append(page)
            if len(pages) >= _PAGE_BATCH:
                yield _normalise_pages(pages, log, limits), False
                pages.clear()


def _stream_slices(n: int) -> Iterator[slice]:
    """Row slices of a table of ``n`` records, in order (see ``STREAM_SLICE_MAX``).

    >>> [s.stop - s.start for s in _stream_slices(6_000)]
    [1500, 1125, 843, 633, 500, 500, 500, 399]
    """
    start = 0
    while start < n:
        size = max(STREAM_SLICE_MIN, min(STREAM_SLICE_MAX, (n - start) // 4))
        yield slice(start, min(n, start + size))
        start += size


def articles_from_frame(
    df: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "<dataframe>",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Normalise a DataFrame of articles you already hold, as :func:`read_articles` does.

    Columns are matched by common names or the explicit ``columns`` mapping; records are
    numbered by position from 1 (``source_file`` is ``'<dataframe>#1'``, ...).

    Example
    -------
    >>> df = pd.DataFrame({"link": ["https://example.org/a"], "headline": ["Talks resume"],
    ...                    "body": ["GENEVA (Example Wire) - Talks resumed on Monday."]})
    >>> articles, errors = articles_from_frame(df)
    >>> articles.loc[0, ["domain", "title"]].tolist(), int(articles.loc[0, "n_words"])
    (['example.org', 'Talks resume'], 7)
    """
    check_frame(df, "df", "articles_from_frame")
    columns = check_columns(columns)
    fields, missing = select_fields(df, columns)
    if missing:
        raise ValueError(f"columns not found in the frame: {[columns[f] for f in missing]}")
    if "text" not in fields:
        raise ValueError(f"no text column among {list(df.columns)}; pass columns={{'text': ...}}")
    log = ErrorLog()
    fields = fields.reset_index(drop=True)
    fields["_source"] = source
    fields["_record"] = pd.RangeIndex(1, len(fields) + 1).astype(str)
    fields["_order"] = 0
    articles = finish([normalise(fields, log, IngestLimits().max_record_bytes)], log)
    return articles, sorted_errors(log)


@dataclass(frozen=True)
class RecordCount:
    """How the input records of a run were accounted for (see :func:`count_records`).

    ``kept + rejected`` is the number of input records that were read as records; whole files
    that gave none (unreadable, no text column) are ``files_skipped``.

    >>> RecordCount(kept=3, rejected=1, partly_kept=0, files_skipped=0).records
    4
    """

    kept: int
    rejected: int
    partly_kept: int
    files_skipped: int

    @property
    def records(self) -> int:
        """Input records seen: every one is an article or a rejected record."""
        return self.kept + self.rejected


def count_records(articles: pd.DataFrame, errors: pd.DataFrame) -> RecordCount:
    """Account for every input record: kept as an article, or rejected with an errors row.

    An errors row names a record by ``source`` and ``record`` (``source_file`` of an article is
    ``'source#record'``, or the source alone for a page file). Rows about a kept article mean it
    was partly kept; a file-level row (no record) of a table that gave no article is a skipped
    file.

    >>> arts = pd.DataFrame({"source_file": ["a.jsonl#1", "a.jsonl#3"]})
    >>> errs = pd.DataFrame({"source": ["a.jsonl"] * 3 + ["b.csv"], "record": ["2", "3", "", ""]})
    >>> count_records(arts, errs)
    RecordCount(kept=2, rejected=1, partly_kept=1, files_skipped=1)
    """
    kept = set(articles["source_file"].dropna())
    sources = {name.rsplit("#", 1)[0] for name in kept}
    record = errors["record"].fillna("").astype(str)
    source = errors["source"].astype(str)
    keys = source.where(record == "", source + "#" + record)
    in_article = keys.isin(kept)
    file_level = (record == "") & ~in_article
    skipped = file_level & ~source.isin(sources)
    rejected = keys[~in_article & (record != "")].nunique()
    return RecordCount(
        kept=len(articles),
        rejected=int(rejected),
        partly_kept=int(keys[in_article].nunique()),
        files_skipped=int(keys[skipped].nunique()),
    )


def _read_file(
    path: str, limits: IngestLimits, columns: Mapping[str, str], log: ErrorLog
) -> pd.DataFrame | list[dict[str, object]]:
    kind, compressed = file_kind(path)
    if kind is None:
        log.add(
            path, "", STAGE, f"unsupported file type (supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )
        return []
    if kind != "parquet":
        problem = sniff(path, compressed, limits)
        if problem:
            log.add(path, "", STAGE, problem)
            return []
    if kind in _TABLE_READERS:
        frame = _TABLE_READERS[kind](path, compressed, limits, columns, log)
        return [] if frame is None else frame
    if kind == "warc":
        return read_warc(path, compressed, limits, log)
    return _read_page(path, kind, compressed, limits, log)


def _read_page(
    path: str, kind: str, compressed: bool, limits: IngestLimits, log: ErrorLog
) -> list[dict[str, object]]:
    with open_stream(path, compressed, limits) as stream:
        data = read_capped(stream, limits.max_record_bytes, "page")
    markup, note = decode_bytes(data, declared_charset(data) if kind == "html" else None)
    if note:
        log.add(path, "", STAGE, note)
    page = parse_text_page(markup) if kind == "text" else parse_html_page(markup)
    if page is None:
        log.add(path, "", STAGE, "no main text found in the page")
        return []
    return [{**page, "_record": ""}]


def _normalise_pages(
    pages: list[dict[str, object]], log: ErrorLog, limits: IngestLimits
) -> pd.DataFrame:
    return normalise(pd.DataFrame(pages), log, limits.max_record_bytes)


def sorted_errors(log: ErrorLog) -> pd.DataFrame:
    # By file, then record number (file-level rows first), whatever step found the problem.
    errors = log.to_frame()
    number = pd.to_numeric(errors["record"].str.extract(r"(\d+)")[0], errors="coerce")
    order = pd.DataFrame({"source": errors["source"], "number": number.fillna(-1)})
    index = order.sort_values(["source", "number"], kind="stable").index
    return errors.loc[index].reset_index(drop=True)
