"""Whole-pipeline benchmark: provenance's analysis (after ingest) on a generated corpus.

    python benchmarks/bench_analyze.py --n 100000            # without framing (issue target: < 3 min, < 6 GB)
    python benchmarks/bench_analyze.py --n 20000 --framing              # every core (default)
    python benchmarks/bench_analyze.py --n 20000 --framing --workers 1   # one process

Prints the time of each stage, total throughput, peak memory and, against the generator's ground
truth, how many true copies became links. Peak memory is the RSS high-water mark of this process,
the largest worker process's, and the peak of their sum (this process and its workers sampled
every 0.1 s with psutil). ``benchmarks/bench_real.py`` does the same on the real ABP corpus.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from memory import RssSampler, peak_rss_mb  # noqa: E402

from provenance.analysis import analyze_articles  # noqa: E402
from provenance.synthetic import generate_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles to generate")
    parser.add_argument("--outlets", type=int, default=100)
    parser.add_argument("--framing", action="store_true", help="include the framing stage")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes for the per-article stages (default: every core)",
    )
    args = parser.parse_args(argv)

    start = time.perf_counter()
    articles, truth, outlets = generate_corpus(args.n, n_outlets=args.outlets, seed=args.seed)
    generated = time.perf_counter() - start
    print(
        f"generated {len(articles):,} articles ({articles['n_words'].mean():.0f} words on average) "
        f"in {generated:.1f} s; peak RSS {peak_rss_mb():,.0f} MB"
    )

    start = time.perf_counter()
    with RssSampler() as tree:
        analysis = analyze_articles(
            articles, outlets=outlets, framing=args.framing, workers=args.workers, quiet=False
        )
    elapsed = time.perf_counter() - start
    counts = analysis.summary()
    print(
        f"analyze ({'with' if args.framing else 'without'} framing, workers={args.workers}): "
        f"{elapsed:.1f} s, {len(articles) / elapsed:,.0f} articles/s; peak RSS "
        f"{peak_rss_mb():,.0f} MB (this process), {peak_rss_mb(resource.RUSAGE_CHILDREN):,.0f} MB "
        f"(largest worker), {tree.peak_total / 2**20:,.0f} MB (sum, sampled)"
    )
    print("rows: " + ", ".join(f"{k}={v:,}" for k, v in counts.items()))
    print("stage seconds: " + ", ".join(f"{k}={v:.1f}" for k, v in analysis.timings.items()))

    links = analysis.links
    reuse_links = links[links["evidence"].str.contains("text_reuse", regex=False)]
    found = set(zip(reuse_links["child_article_id"], reuse_links["parent_article_id"], strict=True))
    true_pairs = set(zip(truth["child_article_id"], truth["parent_article_id"], strict=True))
    hit = len(found & true_pairs)
    print(
        f"reuse links vs truth: {hit:,} of {len(true_pairs):,} true copies linked to their true parent "
        f"({hit / max(len(true_pairs), 1):.3f}); {len(found - true_pairs):,} links to another parent"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
