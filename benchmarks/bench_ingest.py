"""Ingest throughput: read_articles over one JSON Lines file of synthetic articles.

Writes N synthetic wire-style articles (~400 words each; text generated here, not real news)
to a JSONL file in a temporary directory, times ``read_articles`` on it and prints
articles/second and peak memory (RSS high-water mark of this process, and the Python heap
peak from tracemalloc in a second, untimed run). Target: >= 5,000 articles/s.

    python benchmarks/bench_ingest.py [--n 20000] [--words 400]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from provenance.ingest import read_articles

VOCAB = (
    "the minister said on tuesday that talks with officials in the capital would resume next "
    "month after a delegation visited the border region where troops had been deployed amid "
    "tensions over grain exports energy prices and a proposed pipeline agreement according to "
    "a statement released by the government spokesman who told reporters that progress was "
    "encouraging but differences remain on security guarantees sanctions and trade quotas"
).split()
OUTLETS = ("example-wire.com", "herald.example.org", "daily-ledger.net", "news.example.co.uk")


def write_corpus(path: Path, n: int, words: int, seed: int = 0) -> int:
    """Write ``n`` articles as JSON Lines; returns the file size in bytes."""
    rng = np.random.default_rng(seed)
    vocab = np.array(VOCAB)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            body = " ".join(vocab[rng.integers(0, len(vocab), words)])
            outlet = OUTLETS[i % len(OUTLETS)]
            record = {
                "url": f"https://www.{outlet}/world/2024/03/{i % 28 + 1:02d}/story-{i}?utm_source=rss",
                "title": f"Talks to resume after border visit, story {i}",
                "text": f"VIENNA (Example Wire) - {body.capitalize()}.",
                "published": f"2024-03-{i % 28 + 1:02d}T{i % 24:02d}:15:00Z",
                "outlet": outlet,
                "author": "Staff Reporter",
                "lang": "en",
            }
            out.write(json.dumps(record) + "\n")
    return path.stat().st_size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=400)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        size = write_corpus(path, args.n, args.words)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        articles, errors = read_articles(path)
        seconds = time.perf_counter() - start
        rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        assert len(articles) == args.n and errors.empty, (len(articles), errors.head())
        tracemalloc.start()
        read_articles(path)
        heap_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(
        f"ingest: {args.n:,} articles ({size / 2**20:.1f} MiB JSONL, "
        f"{articles['n_words'].mean():.0f} words each) in {seconds:.2f} s "
        f"= {args.n / seconds:,.0f} articles/s (target >= 5,000)"
    )
    print(
        f"memory: peak RSS {rss_peak / 1024:,.0f} MiB (before the run {rss_before / 1024:,.0f} "
        f"MiB); Python heap peak {heap_peak / 2**20:,.0f} MiB (tracemalloc)"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
