"""The whole CLI on the whole of ABP: does every record come out, how long, how much memory.

Runs ``provenance analyze ABP --format csv,parquet`` (with the report) in this process and
prints the input records (lines of the JSON Lines file, counted here), the articles, the
errors rows (rejected and partly kept records), wall and CPU time and peak RSS (this process
and any pool workers, sampled by ``memory.RssSampler``).

    python benchmarks/bench_abp_cli.py [--abp ../shared/eval-data/ABP/abp.jsonl.gz] [--workers N]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from abp import ABP
from memory import RssSampler

from provenance.cli import main
from provenance.ingest import count_records

ROOT = Path(__file__).resolve().parents[1]


def count_lines(path: Path) -> int:
    """Non-blank lines of a (gzip) JSON Lines file: its input records."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as stream:
        return sum(1 for line in stream if line.strip())


def run(abp: Path, workers: int | None) -> dict[str, float | int]:
    """Run the CLI once on ``abp``; the figures of the run."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report"
        argv = ["analyze", str(abp), "--out", str(out), "--format", "csv,parquet", "-q"]
        argv += ["--workers", str(workers)] if workers else []
        cpu, wall = time.process_time(), time.perf_counter()
        with RssSampler(every=0.2) as memory:
            code = main(argv)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        articles = pd.read_parquet(out / "articles.parquet", columns=["source_file"])
        errors = pd.read_parquet(out / "errors.parquet")
        counts = count_records(articles, errors)
        report_mb = (out / "report.html").stat().st_size / 2**20
    return {
        "exit code": code,
        "input records": count_lines(abp),
        "articles": counts.kept,
        "errors rows": len(errors),
        "rejected records": counts.rejected,
        "partly kept records": counts.partly_kept,
        "files skipped": counts.files_skipped,
        "wall s": round(wall, 1),
        "CPU s (main process)": round(cpu, 1),
        "peak RSS MB": round(memory.peak_total / 2**20),
        "report.html MB": round(report_mb, 1),
    }


def main_bench() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--abp", type=Path, default=ABP)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    if not args.abp.exists():
        print(f"no ABP at {args.abp}", file=sys.stderr)
        return 2
    figures = run(args.abp, args.workers)
    for name, value in figures.items():
        print(f"{name:>22}: {value:,}" if isinstance(value, int) else f"{name:>22}: {value}")
    accounted = figures["articles"] + figures["rejected records"] == figures["input records"]
    print(f"{'records accounted':>22}: {'yes' if accounted else 'NO'}")
    return 0 if figures["exit code"] == 0 and accounted else 1


if __name__ == "__main__":
    sys.exit(main_bench())
