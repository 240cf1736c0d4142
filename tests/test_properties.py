"""Property-based tests (hypothesis): hostile article tables and files never break a run.

Generated tables have every column with NaN, None, empty and whitespace-only strings, control
characters, mixed types and huge values; dates from year 1 to 9999 with and without offsets,
epoch numbers and garbage; duplicate ids and URLs; texts of 0, 1 and 10^6 characters; articles
with no resolvable outlet. ``analyze()`` and writing CSV, Parquet and HTML must not raise, every
record must be an article or an errors row, and every table must conform to the schema.

Examples are derandomised (the same ones on every run) and few, so the file stays under a
minute on CI; a failing example is printed by hypothesis.
"""

from __future__ import annotations

import json
import math
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import provenance
from provenance.ingest import count_records
from provenance.schema import TABLES, validate

SETTINGS = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
WORDS = (
    "MOSCOW (Sputnik) - The minister said on Monday that talks would resume. "
    "WASHINGTON (AP Photo/Jane Doe) Officials (ICE) told Reuters the plan (PDF) was ready. "
)
HUGE_TEXT = ("word " * 200_000)[:1_000_000]

blank = st.sampled_from([None, math.nan, "", "   ", "\t\n", "\x00\x1f\x7f", "\u200b"])
mixed = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
garbage = st.text(min_size=1, max_size=40)


@st.composite
def dates(draw: st.DrawFn) -> object:
    when = draw(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59)))
    offset = draw(st.sampled_from([None, 0, 5, -8, 14]))
    if offset is not None:
        when = when.replace(tzinfo=timezone(timedelta(hours=offset)))
    style = draw(st.sampled_from(["iso", "date", "human", "epoch_s", "epoch_ms"]))
    if style == "iso":
        return when.isoformat()
    if style == "date":
        return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"
    if style == "human":
        return f"{when.day} {when.strftime('%B')} {when.year:04d} {when.hour}:{when.minute:02d}"
    seconds = draw(st.integers(min_value=-(10**13), max_value=10**14))
    return seconds if style == "epoch_s" else float(seconds) * 1000


texts = st.one_of(
    blank,
    mixed,
    st.just("x"),
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS.split()), min_size=1, max_size=120).map(" ".join),
)
urls = st.one_of(
    blank,
    mixed,
    garbage,
    st.sampled_from(
        [
            "https://ex.org/a",
            "https://ex.org/a?utm_source=x",
            "http://EX.org/a/",
            "https://ptc.example/1",
        ]
    ),
    st.integers(min_value=0, max_value=5).map(lambda n: f"https://news{n}.example.com/story/{n}"),
)
names = st.one_of(blank, mixed, garbage, st.sampled_from(["Reuters", "Sputnik", "RT", "?", "()"]))
records = st.fixed_dictionaries(
    {
        "id": st.one_of(st.integers(0, 3), blank, garbage),
        "url": urls,
        "title": st.one_of(names, texts),
        "text": texts,
        "published": st.one_of(blank, mixed, garbage, dates()),
        "outlet": names,
        "author": st.one_of(names, st.lists(garbage, max_size=3)),
    }
)
tables = st.lists(records, min_size=1, max_size=8)


def _check_run(analysis: provenance.Analysis, n_records: int, out: Path) -> None:
    for name, table in analysis.tables.items():
        if name in TABLES:
            validate(table, name)
    counts = count_records(analysis.articles, analysis.errors)
    # A file is refused whole when it is binary (a NUL byte in a field): its errors row then
    # stands for every record in it.
    whole_file_refused = counts.files_skipped == 1 and counts.records == 0
    assert counts.records == n_records or whole_file_refused, counts
    analysis.write(out, formats=("csv", "parquet"), report=True)
    assert (out / "report.html").exists()
    back = pd.read_parquet(out / "articles.parquet")
    assert len(back) == len(analysis.articles)


def test_texts_of_0_1_and_a_million_characters() -> None:
    frame = pd.DataFrame({"text": ["", "x", HUGE_TEXT, HUGE_TEXT], "url": [None] * 4})
    analysis = provenance.analyze(frame, framing=False)  # framing a 10^6-char text takes ~10 s
    with tempfile.TemporaryDirectory() as folder:
        _check_run(analysis, len(frame), Path(folder) / "out")
    assert analysis.articles["n_words"].tolist() == [1, 200_000]


@SETTINGS
@given(rows=tables)
def test_analyze_a_hostile_frame(rows: list[dict[str, object]]) -> None:
    frame = pd.DataFrame(rows)
    analysis = provenance.analyze(frame)
    with tempfile.TemporaryDirectory() as folder:
        _check_run(analysis, len(frame), Path(folder) / "out")


@SETTINGS
@given(rows=tables, as_csv=st.booleans())
def test_analyze_hostile_files(rows: list[dict[str, object]], as_csv: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("feed.csv" if as_csv else "feed.jsonl")
        if as_csv:
            pd.DataFrame(rows).to_csv(path, index=False)
            # A row whose fields hold newlines still is one record to the CSV reader.
            n_records = len(pd.read_csv(path, dtype=str, keep_default_na=False))
        else:
            lines = [json.dumps(row, default=str, allow_nan=True) for row in rows]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            n_records = len(lines)
        analysis = provenance.analyze(path, framing=False)
        _check_run(analysis, n_records, Path(folder) / "out")
