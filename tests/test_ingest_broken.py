"""Bad input: no case crashes the run, no case disappears, what can be kept is kept.

tests/data/ingest/broken/ holds the text cases beside good records; the binary cases (NUL
bytes, a gzip bomb, a corrupt gzip, an unreadable file) are added to a temporary copy here.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import provenance.ingest.files as ingest_files
from provenance.ingest import IngestLimits, read_articles
from provenance.schema import validate

BROKEN = Path(__file__).parent / "data" / "ingest" / "broken"
LIMITS = IngestLimits(max_line_bytes=4096, max_record_bytes=3000, max_decompressed_bytes=64_000)

GOOD_TITLES = [
    "Café Owners Welcome Pedestrian Zone",  # kept although not UTF-8
    "School Concert Raises Funds",
    "Cycle Lane Plan Goes to Consultation",
    "Old Bridge Reopens to Traffic",
    "Library Extends Opening Hours",  # kept although its date is unparseable
    "Farmers Market Moves to Saturday",
    "Rowing Club Celebrates Centenary",
    "Ferry Timetable Changes for Summer",  # the good line before the gzip bomb's cap
]

# (file, record, start of the reason): every bad case, each exactly once.
EXPECTED = [
    ("binary.html", "", "binary file (NUL bytes)"),
    ("bomb.jsonl.gz", "", "decompressed size exceeds the 64,000-byte limit; the rest"),
    ("cafe-cp1252.txt", "", "not valid UTF-8 (first bad byte at offset 40); decoded as cp1252"),
    ("corrupt.csv.gz", "", "corrupt or truncated compressed data"),
    ("empty.txt", "", "empty file"),
    ("export.csv", "2", "record has no text"),
    ("export.csv", "line 4", "malformed CSV line skipped: expected 4 fields, saw 6"),
    ("feed.jsonl", "2", "malformed JSON line"),
    ("feed.jsonl", "3", "record has no text"),
    ("feed.jsonl", "4", "unparseable date 'the day after the festival'; published left empty"),
    ("feed.jsonl", "5", "duplicate of article "),
    ("feed.jsonl", "6", "JSON line is a list, not an object"),
    ("feed.jsonl", "7", "line longer than 4,096 bytes; skipped"),
    ("feed.jsonl", "8", "text exceeds the 3,000-byte record limit"),
    ("headlines-only.csv", "", "no text column (columns: link, headline); file skipped"),
    ("notes.xyz", "", "unsupported file type"),
    ("title-only.txt", "", "record has no text"),
    ("truncated.json", "", "malformed JSON"),
    ("unreadable.txt", "", "cannot read: permission denied"),
]


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "broken"
    shutil.copytree(BROKEN, folder)
    (folder / "binary.html").write_bytes(b"<html>\x00\x01\x02\xff\xfe" * 50)
    good = {
        "url": "https://valleytimes-mb.org/news/ferry-timetable",
        "title": "Ferry Timetable Changes for Summer",
        "text": "MILLBROOK (Valley Times) - Ferries will run every 20 minutes from June.",
    }
    bomb = (json.dumps(good) + "\n").encode() + b" " * 10_000_000 + b"\n"
    (folder / "bomb.jsonl.gz").write_bytes(gzip.compress(bomb, compresslevel=9, mtime=0))
    (folder / "corrupt.csv.gz").write_bytes(b"\x1f\x8b\x08\x00 this is not gzip data at all")
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("Some Title\n\nSome text that cannot be read.\n")
    unreadable.chmod(0)
    if os.access(unreadable, os.R_OK):  # running as root: permissions do not bind, simulate
        real_open = ingest_files._open_raw

        def deny(path: str):  # type: ignore[no-untyped-def]
            if Path(path).name == "unreadable.txt":
                raise PermissionError(13, "Permission denied", path)
            return real_open(path)

        monkeypatch.setattr(ingest_files, "_open_raw", deny)
    yield folder
    unreadable.chmod(0o644)


def test_every_bad_case_is_reported_and_good_records_kept(broken: Path) -> None:
    articles, errors = read_articles(broken, limits=LIMITS)
    validate(articles, "articles")
    validate(errors, "errors")
    assert sorted(articles["title"]) == sorted(GOOD_TITLES)
    assert (errors["stage"] == "ingest").all()
    got = [
        (Path(s).name, r, reason)
        for s, r, reason in errors[["source", "record", "reason"]].itertuples(index=False)
    ]
    assert len(got) == len(EXPECTED), got
    for (name, rec, reason), (want_name, want_rec, want_reason) in zip(got, EXPECTED, strict=True):
        assert (name, rec) == (want_name, want_rec)
        assert reason.startswith(want_reason), (name, rec, reason)
    assert "README.md" not in {name for name, _, _ in got}  # skipped silently


def test_kept_records_carry_what_could_be_parsed(broken: Path) -> None:
    articles, errors = read_articles(broken, limits=LIMITS)
    by_title = articles.set_index("title")
    assert pd.isna(by_title.loc["Library Extends Opening Hours", "published"])
    assert by_title.loc["Farmers Market Moves to Saturday", "published"] == pd.Timestamp(
        "2024-05-14 08:05", tz="UTC"
    )
    cafe = by_title.loc["Café Owners Welcome Pedestrian Zone"]
    assert cafe["byline"] == "Elin Sørensen" and "“especially on sunny afternoons,”" in cafe["text"]
    assert cafe["domain"] == "valleytimes-mb.org"
    # The duplicate names the article it duplicates and where that one was kept.
    kept = by_title.loc["Old Bridge Reopens to Traffic"]
    duplicate = errors.loc[errors["reason"].str.startswith("duplicate"), "reason"].item()
    assert duplicate == (
        f"duplicate of article {kept['article_id']} kept from {kept['source_file']}; dropped"
    )
    assert kept["source_file"].endswith("feed.jsonl#1")


def test_record_cap_per_file(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": f"https://valleytimes-mb.org/n/{i}", "text": f"Item {i}."})
        for i in range(5)
    ]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    pd.DataFrame({"text": [f"Row {i}." for i in range(5)]}).to_csv(tmp_path / "many.csv")
    articles, errors = read_articles(tmp_path, limits=IngestLimits(max_records_per_file=3))
    assert len(articles) == 6
    assert errors["reason"].str.startswith("more than 3 records").tolist() == [True, True]


def test_endless_line_bomb_is_one_row(tmp_path: Path) -> None:
    # One endless line in a gzip bomb: the cut-off's row says why nothing was read; no second
    # file-level "no records" row that would count the file twice.
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(b"a" * 200_000, mtime=0))
    limits = IngestLimits(max_line_bytes=4096, max_decompressed_bytes=64_000)
    articles, errors = read_articles(tmp_path, limits=limits)
    assert articles.empty
    assert errors["record"].tolist() == [""]
    assert errors["reason"].item().startswith("decompressed size exceeds the 64,000-byte limit")


def test_oversized_file_is_rejected_unread(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("Title\n\n" + "word " * 400)
    articles, errors = read_articles(tmp_path, limits=IngestLimits(max_file_bytes=1000))
    assert articles.empty
    assert errors["reason"].item() == "file is 2,007 bytes, over the 1,000-byte limit; file skipped"


def test_hostile_structures(tmp_path: Path) -> None:
    good = json.dumps({"url": "https://valleytimes-mb.org/n/ok", "text": "Fine text."})
    (tmp_path / "deep.jsonl").write_text(good + "\n" + "[" * 200_000 + "\n")
    (tmp_path / "deep.json").write_text("[" * 200_000)
    wide = {f"key_{i}": i for i in range(5000)} | {"text": "Wide record text."}
    (tmp_path / "wide.jsonl").write_text(json.dumps(wide) + "\n")
    latin = "title,text\nBäckerei öffnet,Die Bäckerei am Markt öffnet am Montag.\n"
    (tmp_path / "latin.csv").write_bytes(latin.encode("cp1252"))
    xml_page = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<html><head><title>Declared</title></head>'
        "<body><article><p>"
        + "The council met on Monday and agreed the plan. " * 5
        + "</p></article></body></html>"
    )
    (tmp_path / "declared.html").write_bytes(xml_page.encode("latin-1"))
    articles, errors = read_articles(tmp_path)
    assert sorted(articles["text"].str.slice(0, 17)) == [
        "Die Bäckerei am M",
        "Fine text.",
        "The council met o",
        "Wide record text.",
    ]
    reasons = dict(zip(errors["source"].map(lambda s: Path(s).name), errors["reason"], strict=True))
    assert reasons["deep.json"].startswith("malformed JSON: maximum recursion depth")
    assert reasons["deep.jsonl"].startswith("malformed JSON line: maximum recursion depth")
    assert reasons["latin.csv"] == "not valid UTF-8; decoded as cp1252"
    assert len(errors) == 3


def test_gzipped_page_dump(tmp_path: Path) -> None:
    page = (BROKEN / "good-page.txt").read_bytes()
    (tmp_path / "page.txt.gz").write_bytes(gzip.compress(page, mtime=0))
    zipped, errors = read_articles(tmp_path / "page.txt.gz")
    plain, _ = read_articles(BROKEN / "good-page.txt")
    assert errors.empty
    assert zipped.drop(columns="source_file").equals(plain.drop(columns="source_file"))
    assert zipped.loc[0, "byline"] == "Jon Aalto"
