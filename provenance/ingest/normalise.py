"""From raw records to the ``articles`` table: one vectorised pass per batch of records.

Readers hand over raw frames whose columns are our field names (``FIELDS``) holding values as
the input wrote them, plus ``_source`` (file as shown) and ``_record`` (record within it).
:func:`normalise` cleans them with pandas string/date operations over the whole batch;
:func:`finish` de-duplicates across batches and conforms to the schema.

>>> normalise_urls(pd.Series(["HTTPS://WWW.Example.com/a/?utm_source=x&id=3#top"])).tolist()
['https://www.example.com/a?id=3']
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from provenance.errors import ErrorLog
from provenance.ids import stable_id
from provenance.outlets.domains import registered_domains
from provenance.schema import conform, empty
from provenance.text import count_words_series

STAGE = "ingest"

# Our fields and the input column names that mean them, most specific first. Input names are
# compared after lower-casing and turning non-alphanumerics into "_" ("Publish Date" ->
# "publish_date").
FIELDS: dict[str, tuple[str, ...]] = {
    "url": (
        "url",
        "link",
        "uri",
        "canonical_url",
        "article_url",
        "news_link",
        "article_link",
        "href",
    ),
    "title": ("title", "headline", "heading"),
    "text": (
        "text",
        "content",
        "body",
        "article",
        "article_text",
        "body_text",
        "maintext",
        "full_text",
    ),
    "published": (
        "published",
        "date",
        "pubdate",
        "publish_date",
        "published_at",
        "publication_date",
        "date_publish",
        "published_date",
        "timestamp",
        "datetime",
    ),
    "site_name": (
        "outlet",
        "source",
        "site",
        "site_name",
        "sitename",
        "publisher",
        "source_name",
        "outlet_name",
    ),
    "byline": ("author", "authors", "byline", "creator"),
    "language": ("language", "lang"),
    "domain": ("domain", "hostname", "host"),
}
_MIN_TIME = pd.Timestamp("1678-01-01", tz="UTC")  # the datetime64[ns] range, with a margin
_MAX_TIME = pd.Timestamp("2261-12-31", tz="UTC")
_ORDINAL = r"(?i)(?<=\d)(?:st|nd|rd|th)\b"
_EPOCH = r"\d{9,13}(?:\.\d+)?"
_URL_HEAD = r"^((?:[A-Za-z][A-Za-z0-9+.\-]*://)?[^/?#]*)(.*)$"
_URL_HOST = r"^(?:[a-z][a-z0-9+.\-]*://)?(?:[^@/?#]*@)?([^/?#:]+)"
_DOMAIN_LIKE = r"(?i)(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}"


def _key(name: object) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(name).strip().lower()).strip("_")


def check_columns(columns: Mapping[str, str] | None) -> dict[str, str]:
    """Validate an explicit ``{our_field: their_column}`` mapping."""
    if columns is None:
        return {}
    if not isinstance(columns, Mapping):
        raise TypeError(f"columns must be a mapping {{our_field: their_column}}, got {columns!r}")
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise ValueError(f"columns: unknown field(s) {unknown}; choose from {sorted(FIELDS)}")
    bad = {k: v for k, v in columns.items() if not isinstance(v, str) or not v}
    if bad:
        raise ValueError(f"columns: column names must be non-empty strings, got {bad}")
    return dict(columns)


def match_columns(
    available: Iterable[object], columns: Mapping[str, str]
) -> tuple[dict[object, str], list[str]]:
    """({their column: our field}, explicitly mapped fields whose column is missing).

    Explicit mappings win, even over a column that another field's name would take
    (``text=title`` on a table with a ``text`` column reads the text from ``title``); the other
    fields take the first input column not yet taken whose name matches one of :data:`FIELDS`'
    candidates. A mapped column that is missing is not guessed.

    >>> match_columns(["title", "text"], {"text": "title"})
    ({'title': 'text'}, [])
    """
    available = list(available)
    by_key: dict[str, object] = {}
    for col in available:
        by_key.setdefault(_key(col), col)
    rename: dict[object, str] = {}
    missing: list[str] = []
    for field, wanted in columns.items():
        col = wanted if wanted in available else by_key.get(_key(wanted))
        if col is None:
            missing.append(field)
        elif col not in rename:
            rename[col] = field
    for field, candidates in FIELDS.items():
        if field in columns:
            continue
        col = next((by_key[c] for c in candidates if c in by_key and by_key[c] not in rename), None)
        if col is not None:
            rename[col] = field
    return rename, missing


def select_fields(
    frame: pd.DataFrame, columns: Mapping[str, str]
) -> tuple[pd.DataFrame, list[str]]:
    """The frame's columns renamed to our fields (others dropped), and missing mapped fields."""
    rename, missing = match_columns(frame.columns, columns)
    return frame[list(rename)].rename(columns=rename), missing


def normalise(raw: pd.DataFrame, log: ErrorLog, limits_record_bytes: int) -> pd.DataFrame:
    """Clean one batch of raw records into article rows (without de-duplication).

    Records without text or with a text over ``limits_record_bytes`` are dropped and logged; an
    unparseable date is logged and left empty.
    """
    out = pd.DataFrame(index=raw.index)
    source = raw["_source"].astype("string")
    record = raw["_record"].astype("string").fillna("")
    for field in ("url", "title", "site_name", "byline", "language", "domain"):
        out[field] = _clean_strings(raw[field]) if field in raw else _na(raw.index)
    for field in ("title", "site_name", "byline"):
        out[field] = out[field].str.replace(r"\s+", " ", regex=True)
    text = _clean_strings(raw["text"]) if "text" in raw else _na(raw.index)
    carriage = text.str.contains("\r", regex=False).fillna(False).astype(bool)
    if carriage.any():  # rare, and a replace over every body costs more than this check
        text[carriage] = text[carriage].str.replace(r"\r\n?", "\n", regex=True)
    out["text"] = text

    no_text = out["text"].isna()
    too_big = _utf8_longer_than(out["text"], limits_record_bytes)
    _log_rows(log, source, record, no_text, "record has no text")
    _log_rows(
        log, source, record, too_big, f"text exceeds the {limits_record_bytes:,}-byte record limit"
    )
    keep = ~(no_text | too_big)
    out, source, record = out[keep], source[keep], record[keep]
    raw_published = raw.loc[keep, "published"] if "published" in raw else _na(out.index)

    out["language"] = out["language"].str.lower().str.extract(r"^([a-z]{2})(?:[-_]|$)")[0]
    out["published"], bad = parse_published(raw_published)
    if bad.any():
        shown = raw_published[bad].astype("string").str.slice(0, 60)
        for src, rec, value in zip(source[bad], record[bad], shown, strict=True):
            log.add(src, rec, STAGE, f"unparseable date {value!r}; published left empty")

    url_key = normalise_urls(out["url"])
    out["domain"] = _domains(url_key, out["domain"], out["site_name"])
    out["article_id"] = _article_ids(url_key, out["site_name"].fillna(out["domain"]), out)
    out["n_words"] = count_words_series(out["text"])
    out["source_file"] = source.where(record == "", source + "#" + record)
    out["_source"], out["_record"] = source, record
    out["_order"] = raw.loc[keep, "_order"] if "_order" in raw else 0
    return out


def finish(batches: list[pd.DataFrame], log: ErrorLog) -> pd.DataFrame:
    """Concatenate normalised batches, drop (and log) repeated article ids, conform."""
    batches = [b for b in batches if len(b)]
    if not batches:
        return empty("articles")
    # Pages are normalised in batches apart from tables: restore the file order.
    frame = pd.concat(batches, ignore_index=True).sort_values("_order", kind="stable")
    return Deduplicator(log)(frame)


class Deduplicator:
    """:func:`finish` one batch at a time: called on normalised batches in the articles'
    order, it returns each conformed without the articles whose id an earlier row (of this
    batch or an earlier one) holds, and logs those as :func:`finish` does (the first is kept).

    >>> log = ErrorLog()
    >>> dedup = Deduplicator(log)
    >>> batch = pd.DataFrame({"article_id": ["a"], "text": ["Hi."], "source_file": ["f#1"],
    ...     "_source": ["f"], "_record": ["1"], "_order": [0]})
    >>> len(dedup(batch)), len(dedup(batch.assign(_record="2"))), log.rows[0][1]
    (1, 0, '2')
    """

    def __init__(self, log: ErrorLog) -> None:
        self.log = log
        self.kept: dict[str, str] = {}  # article_id -> source_file of the row kept

    def __call__(self, frame: pd.DataFrame) -> pd.DataFrame:
        ids = frame["article_id"]
        # Looked up in the dict of kept ids: ``isin(list(self.kept))`` rebuilt a set of every
        # id kept so far for each batch (first 20,000 ABP articles: 0.98 -> 0.10 CPU s).
        seen = np.fromiter(map(self.kept.__contains__, ids.tolist()), dtype=bool, count=len(ids))
        dup = ids.duplicated(keep="first") | seen
        self.kept.update(zip(ids[~dup].tolist(), frame.loc[~dup, "source_file"], strict=True))
        if dup.any():
            for row in frame.loc[dup, ["_source", "_record", "article_id"]].itertuples(index=False):
                self.log.add(
                    row[0],
                    row[1],
                    STAGE,
                    f"duplicate of article {row[2]} kept from {self.kept[row[2]]}; dropped",
                )
            frame = frame.loc[~dup]
        return conform(frame.drop(columns=["_source", "_record", "_order"]), "articles")


def normalise_urls(urls: pd.Series) -> pd.Series:
    """URLs as identity keys: scheme and host lower-cased, no fragment, no ``utm_*``
    parameters, no trailing slash. Empty or missing URLs stay NA.

    >>> normalise_urls(pd.Series(["HTTPS://Example.ORG/a/?utm_source=x#top", ""])).tolist()
    ['https://example.org/a', <NA>]
    """
    s = urls.astype("string").str.strip()
    parts = s.str.extract(_URL_HEAD)
    s = parts[0].str.lower() + parts[1]
    s = s.str.replace(r"#.*$", "", regex=True)
    # Drop each run of utm_* parameters, keeping the separator before the run.
    s = s.str.replace(r"([?&])(?:[uU][tT][mM]_[^&]*(?:&|$))+", r"\1", regex=True)
    s = s.str.replace(r"[?&]+$", "", regex=True)
    s = s.str.replace(r"/+(\?|$)", r"\1", regex=True)
    return s.mask(s == "")


def parse_published(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(UTC timestamps, mask of values given but not parseable), vectorised.

    Accepts datetimes (naive ones are taken as UTC), epoch seconds or milliseconds (numbers or
    digit strings), ISO 8601, and free-form dates with a four-digit year such as
    ``Mon 23rd August 2021 09:10 AM``. Strings without a time zone are taken as UTC. Ambiguous
    numeric dates (``05/03/2021``) read month first.

    >>> when, unparsed = parse_published(
    ...     pd.Series(["2021-08-23T09:10:00Z", "Mon 23rd August 2021 09:10 AM", "soon"]))
    >>> [str(t) for t in when]
    ['2021-08-23 09:10:00+00:00', '2021-08-23 09:10:00+00:00', 'NaT']
    >>> unparsed.tolist()
    [False, False, True]
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        out = values.dt.tz_convert("UTC")
    elif pd.api.types.is_datetime64_dtype(values.dtype):
        out = values.dt.tz_localize("UTC")
    elif pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values):
        out = _from_epoch(values)
    else:
        s = _clean_strings(values)
        out = pd.to_datetime(s, utc=True, errors="coerce", format="ISO8601")
        todo = s.notna() & out.isna()
        if todo.any():
            rest = s[todo]
            epoch = rest.str.fullmatch(_EPOCH).fillna(False).astype(bool)
            out = _within_range(out)
            if epoch.any():
                out[rest.index[epoch]] = _from_epoch(pd.to_numeric(rest[epoch]))
            free = rest[~epoch].str.replace(_ORDINAL, "", regex=True)
            free = free.str.replace(r"[|,]", " ", regex=True)
            # dateutil fills a missing year from today's date: demand one, for determinism.
            free = free[free.str.contains(r"\b\d{4}\b", regex=True).fillna(False).astype(bool)]
            if len(free):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # unknown time-zone names: taken as UTC
                    parsed = pd.to_datetime(free, utc=True, errors="coerce", format="mixed")
                out[free.index] = _within_range(parsed)
    out = _within_range(pd.Series(out, index=values.index))
    bad = values.notna() & out.isna()
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        bad &= values.astype("string").str.strip().fillna("") != ""
    return out, bad.astype(bool)


def _within_range(times: pd.Series) -> pd.Series:
    """``times`` as ``datetime64[ns, UTC]``, NaT where outside the nanosecond range.

    pandas 3 parses ``0001-11-30`` at a coarser resolution (pandas 2 gives NaT); masking before
    the cast keeps one such date (ABP has one) from overflowing, the same under both.
    """
    inside = (times >= _MIN_TIME) & (times <= _MAX_TIME)
    return times.where(inside).astype("datetime64[ns, UTC]")


def _from_epoch(numbers: pd.Series) -> pd.Series:
    v = pd.to_numeric(numbers, errors="coerce").astype("float64")
    seconds = np.where(np.abs(v) > 1e11, v / 1000.0, v)  # larger values are milliseconds
    seconds = np.where(np.abs(seconds) < 1e10, seconds, np.nan)
    return pd.Series(pd.to_datetime(seconds, unit="s", utc=True), index=numbers.index)


def _clean_strings(values: pd.Series) -> pd.Series:
    if values.dtype == object:
        values = values.map(_scalar_text)
    s = values.astype("string").str.strip()
    return s.mask(s == "")


def _scalar_text(value: object) -> object:
    # Nested JSON: an author list becomes "A; B", a {"name": ...} object its name.
    if isinstance(value, (list, tuple)):
        parts = [_scalar_text(v) for v in value]
        return "; ".join(str(p) for p in parts if p is not None and p is not pd.NA) or None
    if isinstance(value, dict):
        for key in ("name", "url", "value", "text"):
            if isinstance(value.get(key), str):
                return value[key]
        return None
    return value


def _na(index: pd.Index) -> pd.Series:
    return pd.Series(pd.NA, index=index, dtype="string")


def _utf8_longer_than(text: pd.Series, cap: int) -> pd.Series:
    # A character is at most 4 UTF-8 bytes: only long texts need the exact byte count.
    chars = text.str.len().fillna(0)
    out = chars > cap
    maybe = (chars * 4 > cap) & ~out
    if maybe.any():
        out[maybe] = text[maybe].map(lambda t: len(t.encode("utf-8")) > cap).astype(bool)
    return out.astype(bool)


def _log_rows(
    log: ErrorLog, source: pd.Series, record: pd.Series, mask: pd.Series, reason: str
) -> None:
    for src, rec in zip(source[mask], record[mask], strict=True):
        log.add(src, rec, STAGE, reason)


def _domains(url_key: pd.Series, domain: pd.Series, site_name: pd.Series) -> pd.Series:
    # The URL's host wins, then a domain column, then a site name that is itself a domain
    # ("UrduPoint.com"); one tldextract call per distinct host.
    host = url_key.str.extract(_URL_HOST)[0]
    named = domain.str.lower().str.extract(_URL_HOST)[0]
    site = site_name.where(site_name.str.fullmatch(_DOMAIN_LIKE).fillna(False).astype(bool))
    return registered_domains(host.fillna(named).fillna(site.str.lower()))


def _article_ids(url_key: pd.Series, site: pd.Series, frame: pd.DataFrame) -> pd.Series:
    """Hash of the normalised URL, else of site + title + text (one list: a masked list
    assignment into a string Series fails under pandas 2.2)."""
    ids = [
        stable_id(u) if not pd.isna(u) else stable_id(s, t, x)
        for u, s, t, x in zip(
            url_key.tolist(),
            site.tolist(),
            frame["title"].tolist(),
            frame["text"].tolist(),
            strict=True,
        )
    ]
    return pd.Series(ids, index=frame.index, dtype="string")
