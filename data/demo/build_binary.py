"""Build the demo corpus's binary inputs from their readable sources in ``src/``.

The articles themselves are synthetic, written for this project. Every binary file here is
derived from a JSON Lines file under ``src/`` so the text stays reviewable in the repository;
the output is byte-for-byte deterministic (fixed WARC dates and record ids, gzip mtime 0).

    python data/demo/build_binary.py          # rewrites the three files next to this script

- ``src/radio-kestria-feed.jsonl``    -> ``radio-kestria-feed.jsonl.gz`` (same records, gzipped)
- ``src/meridian-wire-dataset.jsonl`` -> ``meridian-wire-dataset.parquet``
  (url, title, text, published as a UTC timestamp, outlet)
- ``src/crawl-2023-09.jsonl``         -> ``crawl-2023-09.warc.gz`` (one warcinfo record, then one
  ``response`` record per line: HTTP 200 with the given Content-Type and body)
"""

from __future__ import annotations

import gzip
import io
import json
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
CRAWL_START = "2023-09-16T12:00:00Z"


def _records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _record_id(*parts: str) -> str:
    # Fixed ids (UUID5 of the record's identity) keep the WARC reproducible.
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(parts))}>"


def build_jsonl_gz(src: Path, dest: Path) -> None:
    """Gzip ``src`` into ``dest`` with no file name and mtime 0 in the gzip header."""
    with dest.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(src.read_bytes())


def build_parquet(src: Path, dest: Path) -> None:
    """Write the records of ``src`` as a Parquet table with a UTC ``published`` timestamp."""
    rows = _records(src)
    schema = pa.schema(
        [
            ("url", pa.string()),
            ("title", pa.string()),
            ("text", pa.string()),
            ("published", pa.timestamp("us", tz="UTC")),
            ("outlet", pa.string()),
        ]
    )
    columns = {name: [r[name] for r in rows] for name in schema.names}
    columns["published"] = pa.array(columns["published"], pa.string()).cast(
        pa.timestamp("us", tz="UTC")
    )
    table = pa.table(columns, schema=schema)
    pq.write_table(table, dest, compression="snappy")


def build_warc(src: Path, dest: Path) -> None:
    """Write one warcinfo record and one HTTP ``response`` record per line of ``src``."""
    with dest.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        info = b"software: provenance demo corpus build_binary.py\r\nformat: WARC/1.0\r\n"
        info_headers = StatusAndHeaders(
            "",
            [
                ("WARC-Type", "warcinfo"),
                ("WARC-Record-ID", _record_id("warcinfo", dest.name)),
                ("WARC-Filename", dest.name),
                ("WARC-Date", CRAWL_START),
            ],
            protocol="WARC/1.0",
        )
        writer.write_record(
            writer.create_warc_record(
                "",
                "warcinfo",
                payload=io.BytesIO(info),
                length=len(info),
                warc_headers=info_headers,
                warc_content_type="application/warc-fields",
            )
        )
        for rec in _records(src):
            body = rec["html"].encode("utf-8")
            http_headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", rec["content_type"]), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                rec["url"],
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http_headers,
                warc_headers_dict={
                    "WARC-Date": rec["warc_date"],
                    "WARC-Record-ID": _record_id("response", rec["url"], rec["warc_date"]),
                },
            )
            writer.write_record(record)


def main() -> None:
    build_jsonl_gz(SRC / "radio-kestria-feed.jsonl", HERE / "articles" / "radio-kestria-feed.jsonl.gz")
    build_parquet(SRC / "meridian-wire-dataset.jsonl", HERE / "articles" / "meridian-wire-dataset.parquet")
    build_warc(SRC / "crawl-2023-09.jsonl", HERE / "articles" / "crawl-2023-09.warc.gz")


if __name__ == "__main__":
    main()
