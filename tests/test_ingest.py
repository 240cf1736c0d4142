"""Ingest of real-world inputs: every format, column mapping, globs, directories, ids.

Fixtures under tests/data/ingest are synthetic; binary inputs are generated here in tmp_path.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from provenance.ids import stable_id
from provenance.ingest import (
    IngestLimits,
    InputNotFoundError,
    articles_from_frame,
    normalise_urls,
    parse_published,
    read_articles,
)
from provenance.schema import validate

DATA = Path(__file__).parent / "data" / "ingest"
SEED = Path(__file__).parents[2] / "shared" / "seed"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the repo")
BODY = (
    "VIENNA (Example Wire) - Negotiators from six countries resumed talks on grain shipments "
    'on Monday. "We are closer than we were in March," one delegate told reporters.'
)


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def write_jsonl(path: Path, records: list[dict], compress: bool = False) -> Path:
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(data, mtime=0) if compress else data)
    return path


def record(i: int, **extra: object) -> dict:
    return {
        "url": f"https://wire-example.com/world/story-{i}",
        "title": f"Story {i}",
        "text": f"{BODY} Story number {i}.",
        "published": f"2024-03-0{i % 9 + 1}T10:00:00Z",
        **extra,
    }


# --- the seed page dump -------------------------------------------------------------------


@needs_seed
def test_seed_page_dump() -> None:
    articles, errors = read_articles(SEED)
    assert errors.empty
    assert len(articles) == 1
    validate(articles, "articles")
    row = articles.iloc[0]
    assert row["domain"] == "urdupoint.com"
    assert row["site_name"] == "UrduPoint.com"
    assert row["published"] == ts("2021-08-23 09:10")
    assert row["title"] == (
        "Russia-US Dialogue On Strategic Stability 'Encouraging,' But Differences Remain - Lavrov"
    )
    assert row["byline"] == "Umer Jamshaid"
    assert row["text"].startswith("MOSCOW (UrduPoint News / Sputnik - 23rd August, 2021)")
    assert row["text"].endswith('will be deliberate and robust."')
    assert "\n\n" in row["text"]  # paragraphs kept
    assert pd.isna(row["url"]) and pd.isna(row["outlet_id"]) and pd.isna(row["credit_text"])
    assert row["n_words"] > 200
    assert row["source_file"] == str(SEED / "urdupoint-sputnik-lavrov-2021-08-23.txt")
    assert row["article_id"] == stable_id("UrduPoint.com", row["title"], row["text"])


def test_plain_text_without_header(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("Council Backs Budget\n\nThe council backed the budget.\n")
    articles, errors = read_articles(tmp_path / "note.txt")
    assert errors.empty
    assert articles.loc[0, ["title", "text"]].tolist() == [
        "Council Backs Budget",
        "The council backed the budget.",
    ]
    assert pd.isna(articles.loc[0, "published"]) and pd.isna(articles.loc[0, "domain"])


# --- formats ------------------------------------------------------------------------------


def test_html_page_metadata_and_main_text(tmp_path: Path) -> None:
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress((DATA / "page.html").read_bytes(), mtime=0))
    for path in (DATA / "page.html", gz):
        articles, errors = read_articles(path)
        assert errors.empty, errors
        row = articles.iloc[0]
        assert row["url"] == "https://www.coast-herald.co.uk/business/night-shipping-trial"
        assert row["domain"] == "coast-herald.co.uk"
        assert row["title"] == "Harbour Authority Approves Night Shipping Trial"
        assert row["site_name"] == "Example Coast Herald"
        assert row["byline"] == "Mara Lindqvist"
        assert row["language"] == "en"
        assert row["published"] == ts("2024-03-05 13:30")  # +01:00 converted to UTC
        assert row["text"].startswith("PORT ELLEN (Coast Wire) - The regional harbour")
        assert "Copyright" not in row["text"] and "Sport" not in row["text"]
        assert row["text"].count("\n\n") == 2


def test_csv_common_column_names_and_gzip(tmp_path: Path) -> None:
    csv = DATA / "corpus" / "wire.csv"
    gz = tmp_path / "wire.csv.gz"
    gz.write_bytes(gzip.compress(csv.read_bytes(), mtime=0))
    plain, errors = read_articles(csv)
    assert errors.empty
    assert plain["title"].tolist() == ["Grain Talks Resume in Vienna", "Central Bank Holds Rates"]
    assert plain["site_name"].tolist() == ["Coast Wire", "Coast Wire"]
    assert plain["byline"].tolist() == ["Anna Holm", "Peter Vos"]
    assert plain["language"].tolist() == ["en", "en"]  # en-US -> en
    assert plain["domain"].tolist() == ["coastwire-news.com"] * 2
    # Naive times are UTC; an ambiguous numeric date reads month first (documented).
    assert plain["published"].tolist() == [ts("2024-03-04 09:30"), ts("2024-07-03 13:15")]
    assert '"We are closer than we were in March,"' in plain.loc[0, "text"]  # quoted newline
    assert plain["source_file"].str.endswith(("wire.csv#1", "wire.csv#2")).all()
    zipped, errors = read_articles(gz)
    assert errors.empty
    cols = ["article_id", "title", "text", "published", "domain"]
    pd.testing.assert_frame_equal(plain[cols], zipped[cols])


def test_jsonl_ndjson_and_nested_values(tmp_path: Path) -> None:
    articles, errors = read_articles(DATA / "corpus" / "nested" / "feed.jsonl")
    assert errors.empty
    assert articles["site_name"].tolist() == ["Island Radio", "Island Radio"]  # {"name": ...}
    assert articles["byline"].tolist()[0] == "Ola Strand; Kari Moe"  # author list
    assert pd.isna(articles["byline"].tolist()[1])  # empty list
    assert articles["published"].tolist() == [ts("2024-03-05 14:00"), ts("2024-03-06 07:00")]
    assert articles["source_file"].str.endswith(("feed.jsonl#1", "feed.jsonl#2")).all()
    nd = write_jsonl(tmp_path / "x.ndjson", [record(1), record(2)])
    gz = write_jsonl(tmp_path / "y.jsonl.gz", [record(3)], compress=True)
    articles, errors = read_articles([nd, gz])
    assert errors.empty
    assert articles["title"].tolist() == ["Story 1", "Story 2", "Story 3"]


def test_json_array_and_wrapped_object(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([record(1), record(2)]))
    (tmp_path / "b.json").write_text(json.dumps({"status": "ok", "articles": [record(3)]}))
    (tmp_path / "c.json").write_text(json.dumps(record(4)))
    articles, errors = read_articles(tmp_path)
    assert errors.empty
    assert articles["title"].tolist() == ["Story 1", "Story 2", "Story 3", "Story 4"]
    assert articles["source_file"].tolist()[:2] == [f"{tmp_path}/a.json#1", f"{tmp_path}/a.json#2"]


def test_parquet_timestamps_epochs_and_column_subset(tmp_path: Path) -> None:
    table = pa.table(
        {
            "url": ["https://wire-example.com/a", "https://wire-example.com/b"],
            "headline": ["A", "B"],
            "body": [BODY, BODY + " Second."],
            "published": pa.array([1_709_632_800_000_000, None], pa.timestamp("us", tz="UTC")),
            "unused_blob": [b"\x00" * 10, b"\x01"],
        }
    )
    pq.write_table(table, tmp_path / "a.parquet")
    epochs = pd.DataFrame(
        {"text": [BODY, BODY + "!"], "timestamp": [1_709_632_800, 1_709_632_800_000]}
    )
    epochs.to_parquet(tmp_path / "b.parquet")
    articles, errors = read_articles(sorted(tmp_path.glob("*.parquet")))
    assert errors.empty
    assert articles["title"].tolist()[:2] == ["A", "B"]
    expected = ts("2024-03-05 10:00")
    assert articles["published"].tolist()[0] == expected
    assert pd.isna(articles["published"].tolist()[1])
    assert articles["published"].tolist()[2:] == [expected, expected]  # seconds and millis


def _warc(path: Path) -> None:
    page = (DATA / "page.html").read_bytes()
    undated = (
        b"<html lang='fr'><head><title>Sans date</title></head><body><article><p>"
        + (
            "PARIS (Example Wire) - Les discussions reprendront lundi, selon un porte-parole. " * 3
        ).encode()
        + b"</p></article></body></html>"
    )
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)

        def response(uri: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-03-09T12:00:00Z"},
            )
            writer.write_record(rec)

        writer.write_record(
            writer.create_warc_record(
                "https://coast-herald.co.uk/x",
                "request",
                payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
            )
        )
        response("https://coast-herald.co.uk/fetched?id=1", page, "text/html; charset=utf-8")
        response("https://coast-herald.co.uk/logo.png", b"\x89PNG....", "image/png")
        response(
            "https://coast-herald.co.uk/missing", b"<html>gone</html>", "text/html", "404 Not Found"
        )
        response("https://wire-example.fr/sans-date", undated, "text/html")


def test_warc_html_responses(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz")
    articles, errors = read_articles(tmp_path / "crawl.warc.gz")
    assert articles["url"].tolist() == [
        "https://coast-herald.co.uk/fetched?id=1",
        "https://wire-example.fr/sans-date",
    ]
    assert articles["published"].tolist() == [ts("2024-03-05 13:30"), ts("2024-03-09 12:00")]
    assert articles["language"].tolist() == ["en", "fr"]
    assert articles["title"].tolist()[0] == "Harbour Authority Approves Night Shipping Trial"
    offsets = articles["source_file"].str.extract(r"#(\d+)$")[0].astype(int)
    assert offsets.is_monotonic_increasing and offsets.iloc[0] > 0
    assert errors["reason"].tolist() == ["HTTP status 404; not an article"]
    # Plain .warc reads the same pages.
    (tmp_path / "crawl.warc").write_bytes(
        gzip.decompress((tmp_path / "crawl.warc.gz").read_bytes())
    )
    plain, _ = read_articles(tmp_path / "crawl.warc")
    assert plain["article_id"].tolist() == articles["article_id"].tolist()


# --- column mapping -----------------------------------------------------------------------


def test_explicit_column_mapping(tmp_path: Path) -> None:
    rows = [
        {
            "link": "https://wire-example.com/m1",
            "hed": "Mapped",
            "article_body": BODY,
            "text": "decoy text that must not be used",
            "when": "2024-03-01",
        }
    ]
    path = write_jsonl(tmp_path / "m.jsonl", rows)
    articles, errors = read_articles(
        path, columns={"text": "article_body", "title": "hed", "published": "when"}
    )
    assert errors.empty
    assert articles.loc[0, ["title", "text"]].tolist() == ["Mapped", BODY]
    assert articles.loc[0, "published"] == ts("2024-03-01")
    # A mapped column missing from a file is reported, not guessed.
    articles, errors = read_articles(path, columns={"text": "story"})
    assert articles.empty
    assert errors["reason"].tolist() == ["column 'story' (mapped to 'text') not found"]


def test_articles_from_frame() -> None:
    df = pd.DataFrame(
        {
            "Link": ["https://wire-example.com/f1/", "https://wire-example.com/f1"],
            "Headline": ["F", "F again"],
            "Content": [BODY, BODY],
            "Publish Date": ["2024-03-02 08:00", "not a date"],
        }
    )
    articles, errors = articles_from_frame(df, source="mine")
    validate(articles, "articles")
    assert articles["source_file"].tolist() == ["mine#1"]
    assert articles.loc[0, "published"] == ts("2024-03-02 08:00")
    # The second row is a duplicate (same URL up to the trailing slash); its date is logged too.
    assert errors["record"].tolist() == ["2", "2"]
    assert errors["reason"].str.contains("unparseable date|duplicate of article").all()
    with pytest.raises(ValueError, match="no text column"):
        articles_from_frame(pd.DataFrame({"title": ["x"]}))
    with pytest.raises(ValueError, match="not found"):
        articles_from_frame(df, columns={"text": "nope"})
    with pytest.raises(TypeError):
        articles_from_frame([1, 2])  # type: ignore[arg-type]


def test_parameter_validation(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown field"):
        read_articles(SEED, columns={"body_text": "x"})
    with pytest.raises(ValueError, match="positive int"):
        IngestLimits(max_line_bytes=0)
    with pytest.raises(TypeError):
        read_articles(SEED, limits={"max_line_bytes": 10})  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        read_articles([])
    with pytest.raises(TypeError):
        read_articles([DATA / "page.html", 3])  # type: ignore[list-item]


# --- inputs: globs, directories, missing paths --------------------------------------------


def test_directory_recursive_skips_non_articles() -> None:
    articles, errors = read_articles(DATA / "corpus")
    names = articles["source_file"].str.replace(str(DATA / "corpus") + "/", "", regex=False)
    assert names.tolist() == [
        "herald-ferry.txt",
        "nested/feed.jsonl#1",
        "nested/feed.jsonl#2",
        "wire.csv#1",
        "wire.csv#2",
    ]
    # README.md, outlets.csv and the hidden file are skipped silently; notes.xyz is reported.
    assert errors["source"].tolist() == [str(DATA / "corpus" / "notes.xyz")]
    assert errors["reason"].str.startswith("unsupported file type").all()
    ferry = articles.iloc[0]
    assert ferry["domain"] == "coast-herald.co.uk" and ferry["byline"] == "Lina Berg"
    assert ferry["published"] == ts("2024-02-11 16:45")


def test_globs_and_mixed_inputs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    by_glob, _ = read_articles(str(corpus / "**" / "*.jsonl"))
    assert len(by_glob) == 2
    mixed, errors = read_articles(
        [
            str(corpus / "*.csv"),
            corpus / "herald-ferry.txt",
            DATA / "page.html",
            str(corpus / "nested"),
        ]
    )
    assert len(mixed) == 6
    # A glob names files explicitly, like a shell would: outlets.csv is read, and reported.
    assert errors["source"].tolist() == [str(corpus / "outlets.csv")]
    assert errors["reason"].str.startswith("no text column").all()
    with pytest.raises(InputNotFoundError) as missing:
        read_articles(str(corpus / "*.parquet"))
    assert missing.value.filename == str(corpus / "*.parquet")
    with pytest.raises(FileNotFoundError, match="input not found"):
        read_articles([corpus, tmp_path / "nope.jsonl"])


# --- ids, dedupe, determinism ---------------------------------------------------------------


def test_url_normalisation() -> None:
    urls = pd.Series(
        [
            "HTTPS://WWW.Wire-Example.com/World/Story-1/?utm_source=rss&utm_medium=x#frag",
            "https://www.wire-example.com/World/Story-1",
            "https://www.wire-example.com/World/Story-1?id=3&utm_campaign=z&page=2",
            "  ",
            None,
        ]
    )
    assert normalise_urls(urls).tolist()[:3] == [
        "https://www.wire-example.com/World/Story-1",
        "https://www.wire-example.com/World/Story-1",
        "https://www.wire-example.com/World/Story-1?id=3&page=2",
    ]
    assert normalise_urls(urls).isna().tolist()[3:] == [True, True]


def test_stable_ids_dedupe_across_formats_and_runs(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", [record(1), record(2)])
    pd.DataFrame([record(2, title="Copy of story 2")]).to_csv(tmp_path / "b.csv", index=False)
    first, errors = read_articles(tmp_path)
    again, _ = read_articles(tmp_path)
    pd.testing.assert_frame_equal(first, again)
    assert first["article_id"].tolist() == [
        stable_id("https://wire-example.com/world/story-1"),
        stable_id("https://wire-example.com/world/story-2"),
    ]
    assert errors["source"].tolist() == [str(tmp_path / "b.csv")]
    assert errors["reason"].tolist() == [
        f"duplicate of article {first['article_id'][1]} kept from {tmp_path}/a.jsonl#2; dropped"
    ]


@needs_seed
def test_deterministic_regardless_of_input_order() -> None:
    inputs = [DATA / "page.html", DATA / "corpus", SEED]
    forward = read_articles(inputs)
    backward = read_articles(list(reversed(inputs)))
    pd.testing.assert_frame_equal(forward[0], backward[0])
    pd.testing.assert_frame_equal(forward[1], backward[1])


# --- dates ----------------------------------------------------------------------------------


def test_parse_published_forms() -> None:
    values = pd.Series(
        [
            "2021-08-23T09:10:00+03:00",
            "Mon 23rd August 2021 | 09:10 AM",
            "1st March 2024",
            "1629709800",
            "1629709800000",
            "2021-08-23",
            "next Tuesday",
            "23 August",
            "",
            None,
        ]
    )
    parsed, bad = parse_published(values)
    assert parsed.tolist()[:6] == [
        ts("2021-08-23 06:10"),
        ts("2021-08-23 09:10"),
        ts("2024-03-01"),
        ts("2021-08-23 09:10"),
        ts("2021-08-23 09:10"),
        ts("2021-08-23"),
    ]
    assert bad.tolist() == [False] * 6 + [True, True, False, False]  # no year: not guessed
    assert str(parsed.dtype) == "datetime64[ns, UTC]"


def test_quiet_false_echoes_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_jsonl(tmp_path / "a.jsonl", [record(1), {"title": "no text"}])
    read_articles(tmp_path, quiet=True)
    assert capsys.readouterr().err == ""
    read_articles(tmp_path, quiet=False)
    assert "a.jsonl#2: record has no text" in capsys.readouterr().err


def test_html_relative_canonical_and_missing_main_text(tmp_path: Path) -> None:
    page = (DATA / "page.html").read_text()
    canonical = 'href="https://www.coast-herald.co.uk/business/night-shipping-trial"'
    (tmp_path / "rel.html").write_text(page.replace(canonical, 'href="/business/relative"'))
    (tmp_path / "blank.htm").write_text(
        "<html><head><title>Nothing</title></head><body></body></html>"
    )
    articles, errors = read_articles(tmp_path)
    assert articles["url"].tolist() == ["https://www.coast-herald.co.uk/business/relative"]
    assert errors["reason"].tolist() == ["no main text found in the page"]


# --- issue 13: real-corpus failures -----------------------------------------------------------


def test_dates_outside_the_nanosecond_range_are_left_empty_with_an_error() -> None:
    # ABP has 0001-11-30: pandas 3 parses it (at a coarser unit) and the cast to ns overflowed;
    # the garbage value sends the batch down the free-form path where the cast used to happen.
    values = pd.Series(["0001-11-30", "garbage", "2021-08-23T09:10:00+02:00", "9999-12-31", None])
    published, bad = parse_published(values)
    assert str(published.dtype) == "datetime64[ns, UTC]"
    assert published.isna().tolist() == [True, True, False, True, True]
    assert published[2] == pd.Timestamp("2021-08-23 07:10", tz="UTC")
    assert bad.tolist() == [True, True, False, True, False]


def test_page_dump_whose_first_line_is_a_body_paragraph(tmp_path: Path) -> None:
    lead = (
        "MOSCOW (UrduPoint News / Sputnik - 16th August, 2020) Russia considers the talks "
        "useful, the foreign ministry said on Sunday."
    )
    (tmp_path / "page.txt").write_text(f"{lead}\n\nThe next round is due in October.\n")
    (tmp_path / "long.txt").write_text(("A long first sentence of the story " * 7) + ".\n\nMore.\n")
    (tmp_path / "titled.txt").write_text("Talks Resume In Geneva\n\nThe talks resumed.\n")
    articles, errors = read_articles(tmp_path)
    assert errors.empty
    by_file = articles.set_index(articles["source_file"].str.rsplit("/", n=1).str[-1])
    assert pd.isna(by_file.loc["page.txt", "title"])
    assert by_file.loc["page.txt", "text"].startswith("MOSCOW (UrduPoint News / Sputnik")
    assert pd.isna(by_file.loc["long.txt", "title"])
    assert by_file.loc["titled.txt", "title"] == "Talks Resume In Geneva"


def test_semicolon_separated_csv_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "babe.csv"
    rows = ["text;news_link;outlet", "A sentence, with a comma.;http://ex.org/1;msnbc"]
    path.write_bytes(("\ufeff" + "\n".join(rows) + "\n").encode("utf-8"))
    articles, errors = read_articles(path)
    assert errors.empty
    assert articles[["text", "site_name"]].values.tolist() == [
        ["A sentence, with a comma.", "msnbc"]
    ]


def test_jsonl_decoded_in_batches_equals_the_whole_file_decode(tmp_path, monkeypatch):
    # Batches of 2 lines against one decode of the whole file: a BOM at the start, non-ASCII
    # text, a malformed line and a non-object line keep the same records, numbers and errors.
    from provenance.ingest import tables

    rows = [
        json.dumps({"url": f"https://ex.org/{i}", "text": f"Café “{i}” — naïve"}) for i in range(5)
    ]
    rows[2] = "{not json"
    rows[3] = "[1, 2]"
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(rows).encode("utf-8") + b"\n")
    monkeypatch.setattr(tables, "_DECODE_BATCH", 2)
    batched = read_articles([str(path)], quiet=True)

    def not_utf8(lines):  # the whole-file decode, as for a file that is not UTF-8
        raise UnicodeDecodeError("utf-8", b"", 0, 1, "forced")
        yield ""

    monkeypatch.setattr(tables, "_utf8_line_texts", not_utf8)
    whole = read_articles([str(path)], quiet=True)
    for got, want in zip(batched, whole, strict=True):
        pd.testing.assert_frame_equal(got, want)
    assert len(batched[0]) == 3 and len(batched[1]) == 2
