"""Validation of the articles frame at the public boundary, shared by every extractor.

Tokenised texts (``“ We are ready , ” he said .``) are rejoined here (:mod:`._detok`), so that
every extractor reads written text; :func:`restore_spans` maps the spans of their rows back
into the original text and title.
"""

from __future__ import annotations

import weakref

import pandas as pd

from provenance.attribution._detok import OffsetMap, detokenise
from provenance.errors import check_frame
from provenance.schema import from_columns

REQUIRED = ("article_id", "title", "text")
# Texts longer than this are cut before the regex passes: web text is hostile, costs are bounded.
MAX_TEXT_CHARS = 2_000_000


def _strings(series: pd.Series) -> list[str]:
    """The column's values as str ('' for missing), cut at ``MAX_TEXT_CHARS``. An Arrow-backed
    column read again (its immutable Arrow data the same object: the three extractors read one
    block in turn, and pandas' copies and column assignments keep it) gives the same list, the
    same str objects: decoding the column again cost ~4 us an ABP text, and hashing the new
    strings for the rejoining cache ~2.5 (``article_columns``: ~12 us an article a call)."""
    arrow = getattr(series.array, "__arrow_array__", None)
    data = arrow() if arrow is not None else None
    if data is not None:
        for ref, values in _STRINGS_SEEN:
            if ref() is data:
                return values
    values = [v[:MAX_TEXT_CHARS] if isinstance(v, str) else "" for v in series.tolist()]
    if data is not None:
        # (held by a weak reference: the strings go when the column's data goes)
        _STRINGS_SEEN.append((weakref.ref(data, _forget_strings), values))
        del _STRINGS_SEEN[:-_STRINGS_KEPT]
    return values


def _forget_strings(ref: weakref.ref) -> None:
    _STRINGS_SEEN[:] = [entry for entry in _STRINGS_SEEN if entry[0] is not ref]


# The last Arrow columns read (a block's four) and their strings (:func:`_strings`).
_STRINGS_SEEN: list[tuple[weakref.ref, list[str]]] = []
_STRINGS_KEPT = 4  # title, text, outlet_id, byline


# The three extractors read the same texts one after the other: the rejoined texts of the
# last few thousand are kept (~8 KB each for a 1,000-word article), so each is rejoined once.
_DETOK_CACHE: dict[str, tuple[str, OffsetMap | None]] = {}
_DETOK_CACHE_SIZE = 4096


def _detokenised(text: str) -> tuple[str, OffsetMap | None]:
    found = _DETOK_CACHE.get(text)
    if found is None:
        found = detokenise(text)
        if found[1] is not None:  # texts that are not tokenised cost nothing to check again
            if len(_DETOK_CACHE) >= _DETOK_CACHE_SIZE:
                del _DETOK_CACHE[next(iter(_DETOK_CACHE))]  # the oldest
            _DETOK_CACHE[text] = found
    return found


def article_columns(articles: pd.DataFrame) -> dict[str, list]:
    """article_id, title, text (str, '' for missing; rejoined when tokenised, with
    title_offsets and text_offsets: an :class:`OffsetMap` or None) and optional outlet_id,
    byline (the publication year: :func:`article_years`)."""
    check_frame(articles, "articles", "the attribution and quote stages", REQUIRED)
    ids = articles["article_id"]
    if ids.isna().any():
        raise ValueError("articles has rows without article_id")
    out: dict[str, list] = {"article_id": [str(v) for v in ids.tolist()]}
    for col in ("title", "text"):
        pairs = [_detokenised(v) for v in _strings(articles[col])]
        out[col] = [clean for clean, _ in pairs]
        out[f"{col}_offsets"] = [offsets for _, offsets in pairs]
    n = len(articles)
    for col in ("outlet_id", "byline"):
        out[col] = _strings(articles[col]) if col in articles.columns else [""] * n
    return out


def article_years(articles: pd.DataFrame) -> list[int | None]:
    """The year of each article's ``published`` (None when missing or unreadable). Credits
    alone reads it: parsed in every ``article_columns`` call, it cost the three extractors
    ~2-4 us an article each (first 3,000 ABP articles in calls of 250)."""
    if "published" not in articles.columns:
        return [None] * len(articles)
    published = pd.to_datetime(articles["published"], utc=True, errors="coerce")
    # (the years as one column, not a Timestamp per article: 3.4-4.0 -> 2.9-3.4 us an ABP
    # article with the parse, calls of 250)
    return [None if year != year else int(year) for year in published.dt.year.tolist()]


def restore_spans(frame: pd.DataFrame, cols: dict[str, list], field: str | None = None) -> None:
    """Map span_start/span_end of ``frame``'s rows from rejoined text back to the original
    (in place). ``field`` names a column saying which of "title" or "text" a span is in."""
    maps = _offset_maps(cols)
    if not maps or frame.empty:
        return
    fields = frame[field].tolist() if field else ["text"] * len(frame)
    starts, ends = frame["span_start"].tolist(), frame["span_end"].tolist()
    for i, (aid, where) in enumerate(zip(frame["article_id"].tolist(), fields, strict=True)):
        offsets = maps.get((aid, where))
        if offsets is None or pd.isna(starts[i]) or pd.isna(ends[i]):
            continue
        starts[i], ends[i] = offsets.span(int(starts[i]), int(ends[i]))
    frame["span_start"] = starts
    frame["span_end"] = ends


def _offset_maps(cols: dict[str, list]) -> dict[tuple[str, str], OffsetMap]:
    """(article_id, "title" or "text") -> the OffsetMap of each rejoined text of ``cols``."""
    maps: dict[tuple[str, str], OffsetMap] = {}
    for name in ("title", "text"):
        for aid, offsets in zip(cols["article_id"], cols[f"{name}_offsets"], strict=True):
            if offsets is not None:
                maps[(aid, name)] = offsets
    return maps


def rows_table(
    rows: list[dict[str, object]], cols: dict[str, list], name: str, keys: tuple[str, ...]
) -> pd.DataFrame:
    """Table ``name`` of ``rows`` (dicts of exactly its columns, spans in the rejoined body
    texts of ``cols``): sorted by ``keys`` (stable, missing values last), the spans mapped back
    to the original texts, built column by column (``from_columns``). The frame that
    ``conform(pd.DataFrame(rows).sort_values(list(keys), na_position="last", kind="stable"),
    name)`` gave with :func:`restore_spans` between (the same tables on ABP 0-2,999 and
    8,000-10,999), without pandas inferring, sorting and casting object columns: ~25 us an
    ABP article a call of 250 for credits and for citations."""
    ordered = sorted(rows, key=lambda row: tuple(_missing_last(row[k]) for k in keys))
    maps = _offset_maps(cols)
    if maps:
        for row in ordered:
            offsets = maps.get((row["article_id"], "text"))  # type: ignore[arg-type]
            start, end = row["span_start"], row["span_end"]
            if offsets is not None and start is not None and end is not None:
                row["span_start"], row["span_end"] = offsets.span(int(start), int(end))  # type: ignore[arg-type]
    return from_columns({column: [row[column] for row in ordered] for column in rows[0]}, name)


def _missing_last(value: object) -> tuple[bool, object]:
    """A sort key that puts None (and NaN) after every value (pandas' ``na_position="last"``)."""
    missing = value is None or value != value
    return missing, 0 if missing else value
