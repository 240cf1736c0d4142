"""Web archives: each HTML ``response`` record of a WARC file is one page.

``.warc.gz`` is decompressed by our capped stream (not by warcio), so a bomb stops at
``max_decompressed_bytes``; record numbers are therefore byte offsets in the uncompressed
WARC. Request, metadata and other non-response records, and responses that are not HTML
(images, scripts), are not articles and are passed over silently; HTML responses with a non-2xx
status or without main text are logged.
"""

from __future__ import annotations

from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from provenance.errors import ErrorLog
from provenance.ingest.files import (
    READ_ERRORS,
    declared_charset,
    decode_bytes,
    describe_error,
    open_stream,
)
from provenance.ingest.limits import IngestLimits
from provenance.ingest.normalise import STAGE
from provenance.ingest.pages import parse_html_page


def read_warc(
    path: str, compressed: bool, limits: IngestLimits, log: ErrorLog
) -> list[dict[str, str | None]]:
    """Page records (raw fields plus ``_record``) of the HTML responses in a WARC file.

    An archive that breaks off (truncated, corrupt, over a limit) keeps the pages before.
    """
    pages: list[dict[str, str | None]] = []
    try:
        pages.extend(_pages(path, compressed, limits, log))
    except (*READ_ERRORS, ArchiveLoadFailed) as exc:
        log.add(path, "", STAGE, f"{describe_error(exc)}; the rest of the archive skipped")
    return pages


def _pages(
    path: str, compressed: bool, limits: IngestLimits, log: ErrorLog
) -> Iterator[dict[str, str | None]]:
    cap = limits.max_record_bytes
    pages = 0
    with open_stream(path, compressed, limits) as stream:
        records = ArchiveIterator(stream, no_record_parse=False, arc2warc=True)
        for record in records:
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in content_type:
                continue
            # Read the payload before asking for the offset: warcio finds the offset by
            # reading the record to its end.
            payload = record.content_stream().read(cap + 1)
            offset = str(records.get_record_offset())
            status = record.http_headers.get_statuscode() or ""
            if not status.startswith("2"):
                log.add(path, offset, STAGE, f"HTTP status {status or 'missing'}; not an article")
                continue
            if pages == limits.max_records_per_file:
                log.add(
                    path,
                    offset,
                    STAGE,
                    f"more than {limits.max_records_per_file:,} "
                    "pages; the rest of the file skipped",
                )
                break
            pages += 1
            if len(payload) > cap:
                log.add(path, offset, STAGE, f"page exceeds the {cap:,}-byte record limit")
                continue
            charset = content_type.partition("charset=")[2].strip(" \"';") or None
            markup, note = decode_bytes(payload, charset or declared_charset(payload))
            if note:
                log.add(path, offset, STAGE, note)
            target = record.rec_headers.get_header("WARC-Target-URI")
            try:
                page = parse_html_page(markup, url=target)
            except ValueError as exc:
                log.add(path, offset, STAGE, str(exc))
                continue
            if page is None:
                log.add(path, offset, STAGE, "no main text found in the page")
                continue
            page["url"] = target or page["url"]  # the fetched URL, as the archive records it
            # The page's own date is the publication date; the crawl date is a fallback.
            page["published"] = page["published"] or record.rec_headers.get_header("WARC-Date")
            page["_record"] = offset
            yield page
