"""The pool workers' CPU of ``provenance analyze``, stage by stage, in one process (issue 17).

    python benchmarks/profile_workers.py abp20k.jsonl                 # jobs as the stream cuts them
    python benchmarks/profile_workers.py abp20k.jsonl --chunks 2      # two contiguous chunks
    python benchmarks/profile_workers.py abp20k.jsonl --profile 40    # and cProfile's top 40

The articles are read as ``provenance analyze`` reads them (``stream_articles``) and cut into
the jobs the pool gets (``engine.local._jobs_of``: ~1,000 articles, the last 1,000 in jobs of
~250), or into ``--chunks`` contiguous chunks as ``parallel_article_stages`` cuts a table.
Each job is pickled as the pool pickles it, then, as a worker does: unpickled, run through
``article_stages_without_text`` with a clock of CPU seconds per stage, its result pickled.
Printed: stage | CPU s | share. "rest" is what the stages' clock does not cover (the copy of
the articles, the blocks' concatenation, the text dropped). The stages are imported and
their caches filled first, as in the fork server (``engine.pool.POOL_PRELOAD``), and malloc
tuned as in a worker. cProfile times CPU seconds (the host is shared).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pickle
import pstats
import sys
import time
from pathlib import Path

from provenance.engine.local import _jobs_of, article_stages_without_text
from provenance.engine.pool import POOL_PRELOAD, contiguous_chunks, tune_worker_malloc
from provenance.ingest import stream_articles
from provenance.outlets import load_registry
from provenance.progress import StageClock


def jobs_of(path: Path, chunks: int) -> list[bytes]:
    """The pool's jobs of the articles in ``path``, pickled as the pool pickles them."""
    registry = load_registry(None)
    batches = iter(stream_articles(path))
    if chunks:
        import pandas as pd

        parts = contiguous_chunks(pd.concat(list(batches), ignore_index=True), chunks)
    else:
        parts = list(_jobs_of(batches, []))
    job = {"registry": registry, "framing": True, "lexicons": None}
    return [pickle.dumps(job | {"articles": part}, protocol=5) for part in parts]


def run_jobs(jobs: list[bytes], clock: StageClock) -> None:
    """What the workers do with ``jobs``, timed on ``clock``."""
    for data in jobs:
        with clock("unpickle job"):
            job = pickle.loads(data)
        started = time.process_time()
        out = article_stages_without_text(**job, clock=clock)
        clock.timings["stages"] = clock.timings.get("stages", 0.0) + time.process_time() - started
        with clock("pickle result"):
            pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)
        del job, out


def report(clock: StageClock, n_jobs: int) -> None:
    """The table stage | CPU s | share."""
    timings = dict(clock.timings)
    stages = timings.pop("stages")
    named = ["outlets", "attribution", "quotes", "framing"]
    timings["rest"] = stages - sum(timings.get(name, 0.0) for name in named)
    total = sum(timings.values())
    print(f"{n_jobs} jobs, {total:.2f} CPU s")
    print("| stage | CPU s | share |\n|---|---:|---:|")
    for name, seconds in timings.items():
        print(f"| {name} | {seconds:.2f} | {seconds / total:.1%} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="ABP lines (JSON Lines)")
    parser.add_argument("--chunks", type=int, default=0, help="contiguous chunks (0: stream jobs)")
    parser.add_argument("--profile", type=int, default=0, help="cProfile: print the top N")
    args = parser.parse_args()
    for module in POOL_PRELOAD:  # as the fork server does before forking the workers
        importlib.import_module(module)
    tune_worker_malloc()  # as each worker does first
    jobs = jobs_of(args.path, args.chunks)
    clock = StageClock([], quiet=True, timer=time.process_time)  # CPU: the host is shared
    if args.profile:
        profiler = cProfile.Profile(time.process_time)  # CPU: the host is shared
        profiler.runcall(run_jobs, jobs, clock)
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(args.profile)
        stats.sort_stats("tottime").print_stats(args.profile)
    else:
        run_jobs(jobs, clock)
    report(clock, len(jobs))


if __name__ == "__main__":
    main()
