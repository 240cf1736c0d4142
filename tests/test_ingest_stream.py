"""Streamed ingest (provenance.ingest.stream_articles) and the pandas engine fed by it.

The stream hands the articles on in batches while the files are still read; put together they
must be the table (order, index, dtypes) and errors that one batch gives, whatever the slice
and page-batch sizes, and the pool fed job by job must give the tables of one process.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from corpora import DEMO

import provenance.engine.local as local_module
import provenance.engine.pool as pool_module
import provenance.ingest.api as api_module
from provenance.analysis import TABLE_ORDER, analyze
from provenance.ingest import read_articles, stream_articles


def _page(path: Path, title: str, body: str) -> None:
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def _jsonl(path: Path, records: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _record(i: int, **extra: str) -> dict[str, str]:
    return {
        "url": f"https://example.org/story-{i}",
        "title": f"Story {i}",
        "text": f"GENEVA (Example Wire) - Talks resumed on day {i}, officials said.",
        **extra,
    }


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> Path:
    """Pages before, between and after tables; repeated ids within a table and across them; a
    record without text and an unparseable date."""
    _page(tmp_path / "a.txt", "Page A", "VIENNA (Example Wire) - The page came first.")
    records = [_record(i) for i in range(7)] + [_record(2), {"url": "https://x.org/n"}]
    records[4]["published"] = "soon"
    _jsonl(tmp_path / "b.jsonl", records)
    _page(tmp_path / "c.txt", "Page C", "OSLO (Example Wire) - The page came between.")
    _jsonl(tmp_path / "d.jsonl", [_record(9), _record(5), _record(10)])
    _page(tmp_path / "e.txt", "Page E", "ROME (Example Wire) - The page came last.")
    return tmp_path


def test_batches_make_the_table_of_one_batch(mixed_inputs: Path, monkeypatch) -> None:
    articles, errors = read_articles(mixed_inputs)
    titles = [f"Story {i}" for i in range(7)] + ["Story 9", "Story 10"]
    assert articles["title"].tolist() == ["Page A", *titles[:7], "Page C", *titles[7:], "Page E"]
    assert articles.index.equals(pd.RangeIndex(len(articles)))
    reasons = errors["reason"].tolist()
    assert sum(r.startswith("duplicate of article") for r in reasons) == 2
    assert "record has no text" in reasons and any("unparseable date" in r for r in reasons)
    # Slices of one or two records and page batches of one: more batches, the same tables.
    monkeypatch.setattr(api_module, "STREAM_SLICE_MAX", 2)
    monkeypatch.setattr(api_module, "STREAM_SLICE_MIN", 1)
    monkeypatch.setattr(api_module, "_PAGE_BATCH", 1)
    stream = stream_articles(mixed_inputs)
    batches = list(stream)
    assert len(batches) > 5
    pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True), articles)
    pd.testing.assert_frame_equal(stream.errors, errors)


def test_errors_wait_for_the_end_of_the_stream(mixed_inputs: Path) -> None:
    stream = stream_articles(mixed_inputs)
    with pytest.raises(RuntimeError, match="once the stream has been read"):
        _ = stream.errors


def test_pool_fed_job_by_job_gives_the_tables_of_one_process(monkeypatch) -> None:
    # The demo's tables (its pages would be gathered to the end: see ArticleStream).
    articles = sorted(
        str(p)
        for p in (DEMO / "articles").iterdir()
        if p.name.endswith(("csv", "jsonl", "gz", "parquet")) and "warc" not in p.name
    )
    one = analyze(articles, outlets=DEMO / "outlets.csv", framing=True, workers=1)
    # Slices of at most 4 records, jobs of 5 articles, and a pool for any corpus: the articles
    # reach the workers in several jobs, the first before ingest has finished.
    monkeypatch.setattr(pool_module, "MIN_ARTICLES_PER_WORKER", 1)
    monkeypatch.setattr(local_module, "STREAM_JOB_ARTICLES", 5)
    monkeypatch.setattr(local_module, "STREAM_TAIL_ARTICLES", 4)
    monkeypatch.setattr(local_module, "STREAM_TAIL_JOB", 2)
    monkeypatch.setattr(api_module, "STREAM_SLICE_MAX", 4)
    monkeypatch.setattr(api_module, "STREAM_SLICE_MIN", 2)
    jobs: list[int] = []
    original = local_module._jobs_of

    def counted(batches, received):
        for job in original(batches, received):
            jobs.append(len(job))
            yield job

    monkeypatch.setattr(local_module, "_jobs_of", counted)
    streamed = analyze(articles, outlets=DEMO / "outlets.csv", framing=True, workers=2)
    assert len(jobs) > 3 and sum(jobs) == len(one.articles)
    assert list(streamed.timings)[0] == "outlets, attribution, quotes, framing (2 workers)"
    for name in TABLE_ORDER:
        pd.testing.assert_frame_equal(streamed.tables[name], one.tables[name], obj=name)


def test_stream_jobs_end_short_and_keep_every_article_in_order() -> None:
    # Ingest's slices of the first 20,000 ABP articles: the last ~1,000 articles reach the
    # pool in jobs of ~250, so neither worker waits long for the other at the end.
    sizes = [2_500] * 5 + [1_875, 1_406, 1_054, 791, 593, 500, 500, 500, 281]
    starts = np.cumsum([0] + sizes[:-1])
    batches = [pd.DataFrame({"n": np.arange(a, a + k)}) for a, k in zip(starts, sizes, strict=True)]
    received: list[pd.DataFrame] = []
    jobs = list(local_module._jobs_of(iter(batches), received))
    lengths = [len(job) for job in jobs]
    assert len(received) == len(batches) and all(map(pd.DataFrame.equals, received, batches))
    assert np.concatenate([job["n"].to_numpy() for job in jobs]).tolist() == list(range(20_000))
    short = [n for n in lengths if n < local_module.STREAM_JOB_ARTICLES]
    assert lengths[-len(short) :] == short and len(short) >= 4  # at the end, ~250 each
    assert all(200 <= n <= 300 for n in short)
