"""Benchmark of the reuse stage on real text (ABP) against datasketch and rensa, in one run.

    python benchmarks/bench_reuse.py                      # first 20,000 and all 37,554 articles
    python benchmarks/bench_reuse.py --sizes 5000 10000   # quicker

For each size, each measurement in a fresh subprocess (so that its peak RSS is its own; the
corpus, read from ``abp.jsonl.gz`` as in ``reuse_reference_abp.py``, is included in it):

- ``ours``: the whole reuse stage, ``find_reuse`` with the default :class:`ReuseParams`
  (shingles, containment candidates, exact verification, direction, passages), and our
  candidate step alone (shingles + :func:`provenance.reuse.corpus_candidates`);
- ``datasketch``: ``MinHash`` + ``MinHashLSH`` building candidates (num_perm 128, 64 bands of
  2 rows: Jaccard ~0.2 up, what the project used before), on the same texts and the same word
  5-grams (``provenance.text.words``), every document inserted then queried;
- ``rensa``: ``RMinHash`` + ``RMinHashLSH`` doing the same.

Prints wall and CPU seconds (the machine is shared: CPU time is the steadier figure), peak RSS,
candidate counts, the ratios to ours and t(largest) / t(smallest) for the reuse stage.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from memory import peak_rss_mb  # noqa: E402
from reuse_reference_abp import ABP, load_abp  # noqa: E402

from provenance.text import words  # noqa: E402

SHINGLE, NUM_PERM, BANDS = 5, 128, 64
TOOLS = ("ours", "datasketch", "rensa")


def shingle_sets(texts: list[str]) -> list[list[str]]:
    """Distinct word 5-grams of each text, as strings (what the MinHash libraries hash)."""
    out = []
    for text in texts:
        w = words(text)
        out.append(sorted({" ".join(w[j : j + SHINGLE]) for j in range(len(w) - SHINGLE + 1)}))
    return out


def pairs_from_queries(n: int, query) -> int:
    """Distinct candidate pairs when every document queries the index."""
    return len({(min(i, j), max(i, j)) for i in range(n) for j in query(i) if j != i})


def run_datasketch(texts: list[str]) -> int:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, NUM_PERM // BANDS))
    sigs = []
    for i, shingles in enumerate(shingle_sets(texts)):
        m = MinHash(num_perm=NUM_PERM, seed=1)
        m.update_batch([s.encode() for s in shingles])
        lsh.insert(i, m)
        sigs.append(m)
    return pairs_from_queries(len(sigs), lambda i: lsh.query(sigs[i]))


def run_rensa(texts: list[str]) -> int:
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(threshold=0.2, num_perm=NUM_PERM, num_bands=BANDS)
    sigs = []
    for i, shingles in enumerate(shingle_sets(texts)):
        m = RMinHash(num_perm=NUM_PERM, seed=1)
        m.update(shingles)
        lsh.insert(i, m)
        sigs.append(m)
    return pairs_from_queries(len(sigs), lambda i: lsh.query(sigs[i]))


def run_ours(articles) -> dict:
    from provenance.reuse import ReuseParams, build_index, corpus_candidates, find_reuse

    params = ReuseParams()
    t, c = time.perf_counter(), time.process_time()
    reuse, passages = find_reuse(articles, params)
    total, cpu = time.perf_counter() - t, time.process_time() - c
    arts = articles.sort_values("article_id", ignore_index=True)
    t, c = time.perf_counter(), time.process_time()
    index = build_index(arts["text"].tolist(), params.shingle_size, params.doc_freq_cap(len(arts)))
    cand = corpus_candidates(index, params)
    return {
        "seconds": total,
        "cpu": cpu,
        "candidate_seconds": time.perf_counter() - t,
        "candidate_cpu": time.process_time() - c,
        "candidates": int(len(cand)),
        "pairs": int(len(reuse)),
        "passages": int(len(passages)),
    }


def worker(tool: str, n: int) -> dict:
    """One measurement, in this (fresh) process."""
    articles = load_abp(n)
    base_rss = peak_rss_mb()
    if tool == "ours":
        out = run_ours(articles)
    else:
        texts = articles["text"].tolist()
        t, c = time.perf_counter(), time.process_time()
        pairs = (run_datasketch if tool == "datasketch" else run_rensa)(texts)
        out = {"seconds": time.perf_counter() - t, "cpu": time.process_time() - c}
        out["candidates"] = pairs
    return {
        "tool": tool,
        "n": len(articles),
        "rss_mb": peak_rss_mb(),
        "corpus_rss_mb": base_rss,
        **out,
    }


def measure(tool: str, n: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", tool, str(n)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(results: dict[tuple[str, int], dict], sizes: list[int]) -> None:
    for n in sizes:
        ours = results[("ours", n)]
        print(f"\n{ours['n']} ABP articles")
        print(
            f"  ours, whole reuse stage: {ours['seconds']:.1f} s (CPU {ours['cpu']:.1f} s), "
            f"peak RSS {ours['rss_mb']:.0f} MB (corpus alone {ours['corpus_rss_mb']:.0f} MB), "
            f"{ours['pairs']} pairs, {ours['passages']} passages"
        )
        print(
            f"  ours, candidate step alone: {ours['candidate_seconds']:.1f} s "
            f"(CPU {ours['candidate_cpu']:.1f} s), {ours['candidates']} candidates"
        )
        for tool in TOOLS[1:]:
            r = results.get((tool, n))
            if r is None:
                continue
            print(
                f"  {tool} candidate step: {r['seconds']:.1f} s (CPU {r['cpu']:.1f} s), "
                f"peak RSS {r['rss_mb']:.0f} MB, {r['candidates']} candidates; "
                f"{tool} / our whole stage: {r['seconds'] / ours['seconds']:.2f}x wall, "
                f"{r['cpu'] / ours['cpu']:.2f}x CPU"
            )
    if len(sizes) > 1:
        lo, hi = results[("ours", sizes[0])], results[("ours", sizes[-1])]
        print(
            f"\nt({hi['n']}) / t({lo['n']}), reuse stage: {hi['seconds'] / lo['seconds']:.2f} wall, "
            f"{hi['cpu'] / lo['cpu']:.2f} CPU"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=int, nargs="+", default=[20_000, 37_554])
    ap.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS))
    ap.add_argument("--repeats", type=int, default=1, help="runs of ours; the fastest counts")
    ap.add_argument("--worker", nargs=2, metavar=("TOOL", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]))))
        return 0
    if not ABP.exists():
        print(f"ABP not found at {ABP}")
        return 1
    results: dict[tuple[str, int], dict] = {}
    for n in args.sizes:
        for tool in ["ours", *[t for t in args.tools if t != "ours"]]:
            runs = [measure(tool, n) for _ in range(args.repeats if tool == "ours" else 1)]
            results[(tool, n)] = min(runs, key=lambda r: r["seconds"])
            print(f"measured {tool} on {n}: {results[(tool, n)]['seconds']:.1f} s", flush=True)
    report(results, args.sizes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
