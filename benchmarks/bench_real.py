"""Whole-analysis benchmark on the real ABP corpus (../shared/eval-data/ABP, issue 17).

    python benchmarks/bench_real.py                         # first 20,000 articles
    python benchmarks/bench_real.py --n 3000 --no-datasketch  # quick look
    python benchmarks/bench_real.py --n 20000 --n 0         # 20k and all 37,554 (long), ratio
    python benchmarks/bench_real.py --workers 1             # one process

Each size runs in a fresh subprocess (clean peak RSS) that does what ``provenance analyze`` does:
read the first N lines of abp.jsonl streamed into analyze_stream (every table, framing included),
write the CSVs and report.html into a temporary folder. Then, in the same process and on the
same texts, datasketch's MinHash + MinHashLSH candidate step (benchmarks/bench_reuse.py's, same
shingles, num_perm and bands as our reuse stage), and the ratio of the two.

Per stage it prints wall seconds and CPU seconds (this process and every process under it,
sampled by ``benchmarks/memory.py``: the pool's workers are its fork server's children, which
``resource.getrusage`` of this process never counts): the machine is shared, so CPU time is the
steadier figure; with several workers CPU exceeds wall. Peak RSS: this process's high-water
mark, the largest other process's (sampled), and their sampled sum.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from abp import ABP  # noqa: E402
from bench_reuse import run_datasketch  # noqa: E402
from memory import ChildSampler, peak_rss_mb  # noqa: E402


def cpu_seconds() -> float:
    """User + system CPU of this process and of its finished (waited-for) children (the
    datasketch step, in this process)."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class Clock:
    """Wall seconds of named steps, in order, and each step's (start, end) times (the CPU of
    each span comes from the sampled processes: :func:`stage_split`)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.spans: list[tuple[str, float, float]] = []

    @contextmanager
    def __call__(self, step: str):
        wall = time.perf_counter()
        yield
        end = time.perf_counter()
        self.wall[step] = self.wall.get(step, 0.0) + end - wall
        self.spans.append((step, wall, end))


def _cpu_known_at(samples: list[tuple[float, dict[int, float]]], when: float) -> dict[int, float]:
    """Each sampled process's CPU seconds at its last sample up to ``when`` (exited ones too)."""
    known: dict[int, float] = {}
    for at, cpu in samples:
        if at > when:
            break
        known.update(cpu)
    return known


def cpu_split(
    samples: list[tuple[float, dict[int, float]]], start: float, end: float, parent: int
) -> tuple[float, float]:
    """(this process's, its pool workers') CPU seconds between ``start`` and ``end``."""
    before = _cpu_known_at(samples, start) or (samples[0][1] if samples else {})
    after = _cpu_known_at(samples, end)
    spent = {pid: cpu - before.get(pid, 0.0) for pid, cpu in after.items()}
    return spent.pop(parent, 0.0), sum(spent.values())


def stage_split(
    clock: Clock, samples: list[tuple[float, dict[int, float]]], parent: int
) -> dict[str, tuple[float, float]]:
    """Per step, (this process's, the other processes') CPU seconds over all its spans."""
    split: dict[str, tuple[float, float]] = {}
    for step, start, end in clock.spans:
        own, workers = cpu_split(samples, start, end, parent)
        before = split.get(step, (0.0, 0.0))
        split[step] = (before[0] + own, before[1] + workers)
    return split


def cpu_alone(samples: list[tuple[float, dict[int, float]]]) -> float:
    """CPU seconds spent between ticks in which a single process of the run worked (the others
    under 5 ms): the run's one-core part, the rest can share two cores. On a loaded machine the
    wall says little; ``alone + (CPU - alone) / 2`` is what two idle cores would take at best.
    """
    alone = 0.0
    for (_, before), (_, after) in zip(samples, samples[1:], strict=False):
        spent = [cpu - before.get(pid, 0.0) for pid, cpu in after.items()]
        if sum(cpu >= 0.005 for cpu in spent) == 1:
            alone += sum(spent)
    return alone


def rss_peaks(
    samples: list[tuple[float, dict[int, int]]], start: float, end: float, parent: int
) -> tuple[float, float]:
    """(this process's, the other processes' summed) largest sampled RSS in MiB between
    ``start`` and ``end`` (the last sample before ``start`` when none falls inside)."""
    inside = [rss for at, rss in samples if start <= at <= end]
    inside = inside or [rss for at, rss in samples if at < start][-1:]
    own = max((rss.get(parent, 0) for rss in inside), default=0)
    others = max((sum(rss.values()) - rss.get(parent, 0) for rss in inside), default=0)
    return own / 2**20, others / 2**20


def stage_rss(
    clock: Clock, samples: list[tuple[float, dict[int, int]]], parent: int
) -> dict[str, float]:
    """Per step, this process's largest sampled RSS in MiB over all its spans."""
    peaks: dict[str, float] = {}
    for step, start, end in clock.spans:
        own = rss_peaks(samples, start, end, parent)[0]
        peaks[step] = max(peaks.get(step, 0.0), own)
    return peaks


def timeline(clock: Clock, tree: ChildSampler, parent: int, bins: int = 40) -> list[dict]:
    """The run cut into ``bins`` equal slices: per slice the cores busy in this process and in
    the workers (CPU seconds / slice seconds), their largest sampled RSS (MiB) and the steps
    running in it (not "total")."""
    start, end = next((a, b) for step, a, b in clock.spans if step == "total")
    width = (end - start) / bins
    rows = []
    for i in range(bins):
        lo, hi = start + i * width, start + (i + 1) * width
        own, workers = cpu_split(tree.cpu_samples, lo, hi, parent)
        own_mb, workers_mb = rss_peaks(tree.rss_samples, lo, hi, parent)
        steps = [s for s, a, b in clock.spans if s != "total" and a < hi and b > lo]
        rows.append(
            {
                "t": lo - start,
                "parent": own / width,
                "workers": workers / width,
                "parent_mb": own_mb,
                "workers_mb": workers_mb,
                "steps": steps,
            }
        )
    return rows


def _clock_stages(clock: Clock) -> None:
    """Make provenance's StageClock also record each analysis stage in ``clock``."""
    from provenance import progress

    original = progress.StageClock.__call__

    @contextmanager
    def timed(self, stage: str, **options):
        with clock(stage), original(self, stage, **options):
            yield

    progress.StageClock.__call__ = timed


def write_first_lines(abp: Path, n: int, path: Path) -> int:
    """The first ``n`` lines of ``abp`` (all when n <= 0) into ``path``; lines written."""
    kept = 0
    with gzip.open(abp, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
        for line in src:
            if 0 < n <= kept:
                break
            dst.write(line)
            kept += 1
    return kept


def _timed_batches(batches, clock: Clock):
    """``batches``, the time spent getting each one clocked as ``ingest``."""
    batches = iter(batches)
    while True:
        with clock("ingest"):
            batch = next(batches, None)
        if batch is None:
            return
        yield batch


def run_one(abp: Path, n: int, workers: int | None, datasketch: bool) -> dict:
    """The whole analysis on the first ``n`` ABP articles in this process; figures as a dict."""
    from provenance.engine.local import analyze_stream
    from provenance.ingest import stream_articles

    clock = Clock()
    with tempfile.TemporaryDirectory(prefix="bench_real_") as tmp:
        source = Path(tmp) / "abp.jsonl"
        kept = write_first_lines(abp, n, source)
        _clock_stages(clock)
        with ChildSampler() as tree, clock("total"):
            # Ingest streamed into the pool as `provenance analyze` runs it; "ingest" is the
            # time spent reading batches, between the jobs it hands on.
            stream = stream_articles([str(source)], quiet=True)
            batches = _timed_batches(stream, clock)
            analysis = analyze_stream(batches, lambda: stream.errors, workers=workers, quiet=True)
            articles = analysis.articles
            with clock("write CSVs + report"):
                analysis.write(Path(tmp) / "out")
        me = os.getpid()
        others = [rss for pid, rss in tree.peak.items() if pid != me]
        peak = {
            "self_mb": peak_rss_mb(),
            "largest_worker_mb": max(others, default=0) / 2**20,
            "sum_mb": tree.peak_total / 2**20,
        }
        result = {"n": kept, "wall": clock.wall, "peak": peak}
        result["split"] = stage_split(clock, tree.cpu_samples, me)
        result["cpu"] = {step: sum(split) for step, split in result["split"].items()}
        result["timeline"] = timeline(clock, tree, me)
        result["stage_rss"] = stage_rss(clock, tree.rss_samples, me)
        result["alone"] = cpu_alone(tree.cpu_samples)
        result["rows"] = analysis.summary()
        if datasketch:
            texts = articles["text"].fillna("").tolist()
            del analysis
            cpu, start = cpu_seconds(), time.perf_counter()
            pairs = run_datasketch(texts)
            wall = time.perf_counter() - start
            result["datasketch"] = {"wall": wall, "cpu": cpu_seconds() - cpu, "pairs": pairs}
    return result


def print_result(res: dict) -> None:
    """One size's stage table, peak memory and datasketch ratio."""
    print(f"\n== first {res['n']:,} ABP articles ==")
    print(f"{'stage':<52} {'wall s':>8} {'CPU s':>8} {'parent':>8} {'workers':>8} {'RSS MiB':>8}")
    steps = [step for step in res["wall"] if step != "total"] + ["total"]
    for step in steps:
        wall = res["wall"][step]
        name = "whole analyze (ingest .. report)" if step == "total" else step
        own, workers = res["split"][step]
        rss = res["stage_rss"][step]
        print(
            f"{name:<52} {wall:8.1f} {res['cpu'][step]:8.1f} {own:8.1f} {workers:8.1f} {rss:8,.0f}"
        )
    print_timeline(res["timeline"])
    total = sum(res["split"]["total"])
    print(
        f"CPU while a single process of the run worked: {res['alone']:.1f} s of {total:.1f} s; "
        f"best wall on 2 idle cores: {res['alone'] + (total - res['alone']) / 2:.1f} s"
    )
    peak = res["peak"]
    print(
        f"peak RSS: {peak['self_mb']:,.0f} MB this process, {peak['largest_worker_mb']:,.0f} MB "
        f"largest worker, {peak['sum_mb']:,.0f} MB sum (sampled)"
    )
    print("rows: " + ", ".join(f"{k}={v:,}" for k, v in res["rows"].items()))
    if "datasketch" in res:
        ds = res["datasketch"]
        print(
            f"datasketch MinHash + MinHashLSH candidate step, same texts: {ds['wall']:.1f} s wall, "
            f"{ds['cpu']:.1f} s CPU ({ds['pairs']:,} pairs); ratio whole analysis / datasketch: "
            f"{res['wall']['total'] / ds['wall']:.2f} wall, {res['cpu']['total'] / ds['cpu']:.2f} CPU"
        )


def print_timeline(rows: list[dict]) -> None:
    """Cores busy in this process and in the workers, slice by slice, their largest RSS, and
    the steps running."""
    print(
        f"timeline: {'t s':>6} {'parent':>7} {'workers':>8} {'MiB':>6} {'workers':>8}  steps "
        "(cores busy and largest sampled RSS per slice)"
    )
    for row in rows:
        steps = ", ".join(step[:28] for step in row["steps"])
        print(
            f"          {row['t']:6.1f} {row['parent']:7.2f} {row['workers']:8.2f} "
            f"{row['parent_mb']:6,.0f} {row['workers_mb']:8,.0f}  {steps}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n", type=int, action="append", help="first N articles (0: all 37,554); repeatable"
    )
    parser.add_argument("--workers", type=int, default=None, help="analyze's workers (default)")
    parser.add_argument("--no-datasketch", action="store_true", help="skip the datasketch step")
    parser.add_argument("--abp", type=Path, default=ABP, help=f"abp.jsonl.gz (default {ABP})")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: run this size
    args = parser.parse_args(argv)
    if not args.abp.exists():
        print(f"no ABP corpus at {args.abp}", file=sys.stderr)
        return 2
    if args.one is not None:
        print(json.dumps(run_one(args.abp, args.one, args.workers, not args.no_datasketch)))
        return 0
    results = []
    for n in args.n or [20_000]:
        cmd = [sys.executable, __file__, "--one", str(n), "--abp", str(args.abp)]
        cmd += ["--workers", str(args.workers)] if args.workers else []
        cmd += ["--no-datasketch"] if args.no_datasketch else []
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        print_result(results[-1])
    if len(results) > 1:
        small, large = min(results, key=lambda r: r["n"]), max(results, key=lambda r: r["n"])
        print(
            f"\nt({large['n']:,}) / t({small['n']:,}): "
            f"{large['wall']['total'] / small['wall']['total']:.2f} wall, "
            f"{large['cpu']['total'] / small['cpu']['total']:.2f} CPU"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
