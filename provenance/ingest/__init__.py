"""Ingest: real-world inputs (page dumps, HTML, CSV/JSONL/Parquet tables, WARC) to ``articles``.

>>> from provenance.ingest import read_articles
>>> articles, errors = read_articles("/work/shared/seed/")  # doctest: +SKIP
>>> articles.loc[0, ["domain", "byline"]].tolist()  # doctest: +SKIP
['urdupoint.com', 'Umer Jamshaid']
"""

from provenance.ingest.api import (
    ArticleStream,
    RecordCount,
    articles_from_frame,
    count_records,
    read_articles,
    stream_articles,
)
from provenance.ingest.files import SUPPORTED_SUFFIXES
from provenance.ingest.limits import IngestLimits, InputNotFoundError, LimitExceeded
from provenance.ingest.normalise import FIELDS, normalise_urls, parse_published

__all__ = [
    "FIELDS",
    "ArticleStream",
    "SUPPORTED_SUFFIXES",
    "IngestLimits",
    "InputNotFoundError",
    "LimitExceeded",
    "RecordCount",
    "articles_from_frame",
    "count_records",
    "normalise_urls",
    "parse_published",
    "read_articles",
    "stream_articles",
]
