"""Dask engine benchmark: generated corpora as Parquet shards, analysed on a local cluster.

    python benchmarks/bench_dask.py --n 100000 300000 1000000            # without framing
    python benchmarks/bench_dask.py --n 20000 --framing --workers 2 --memory-limit 4GB

For each size: writes the corpus with ``synthetic.write_corpus_shards`` (10,000 articles per
shard) into a temporary directory (or ``--data-dir``, reused when present), starts a
``distributed.LocalCluster`` (``--workers`` processes, one thread each) and runs
``provenance.analyze(shards, engine="dask", framing=...)`` on it. Prints the wall time, the
time of each engine stage, peak RSS per worker process (sampled with psutil every 0.2 s), the
client's peak RSS, the row counts and the scaling ratio time(n) / time(smallest n).
"""

from __future__ import annotations

import argparse
import logging
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas as pd  # noqa: E402
from memory import RssSampler  # noqa: E402

import provenance  # noqa: E402
from provenance.synthetic import write_corpus_shards  # noqa: E402

SHARD = 10_000


def corpus(n: int, data_dir: Path) -> tuple[str, pd.DataFrame]:
    out = data_dir / f"n{n}"
    if not (out / "outlets.parquet").exists() or len(list(out.glob("articles-*.parquet"))) < -(
        -n // SHARD
    ):
        start = time.perf_counter()
        write_corpus_shards(out, n, shard_size=SHARD, seed=0)
        print(f"wrote {n:,} articles in {time.perf_counter() - start:.0f} s", flush=True)
    return str(out / "articles-*.parquet"), pd.read_parquet(out / "outlets.parquet")


def run(n: int, args: argparse.Namespace, data_dir: Path) -> float:
    from distributed import Client, LocalCluster

    shards, outlets = corpus(n, data_dir)
    with (
        LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            memory_limit=args.memory_limit,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        pids = list(client.run(lambda: __import__("os").getpid()).values())
        with RssSampler(pids, every=0.2) as mem:
            start = time.perf_counter()
            analysis = provenance.analyze(
                shards,
                outlets=outlets,
                engine="dask",
                framing=args.framing,
                scheduler=cluster.scheduler_address,
                quiet=True,
            )
            elapsed = time.perf_counter() - start
    peaks = ", ".join(f"{v / 2**30:.2f}" for v in mem.peak.values())
    client_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(
        f"n={n:,}: {elapsed:,.1f} s ({n / elapsed:,.0f} articles/s), "
        f"{'with' if args.framing else 'without'} framing; peak RSS per worker [GB]: {peaks}; "
        f"client peak RSS {client_peak:.2f} GB",
        flush=True,
    )
    print("  rows: " + ", ".join(f"{k}={v:,}" for k, v in analysis.summary().items()), flush=True)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-limit", default="4GB", help="per worker (spills above 60%%)")
    parser.add_argument("--framing", action="store_true", help="include the framing stage")
    parser.add_argument("--data-dir", type=Path, help="keep generated corpora here")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="  %(message)s", stream=sys.stdout)
    logging.getLogger("distributed").setLevel(logging.ERROR)

    tmp = None
    if args.data_dir is None:
        tmp = tempfile.mkdtemp(prefix="provenance-bench-dask-")
        data_dir = Path(tmp)
    else:
        data_dir = args.data_dir
    try:
        times = {n: run(n, args, data_dir) for n in args.n}
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    base = min(times)
    for n, t in times.items():
        print(f"time({n:,}) / time({base:,}) = {t / times[base]:.2f} (size ratio {n / base:.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
