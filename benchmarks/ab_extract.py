"""CPU per real ABP article of an extractor at a git revision and in the working tree, measured
in one process, interleaved: the fair comparison on a shared machine, where two runs made a
minute apart differ by 5-10% (seven engineers on 2 cores: the same code measured 1,545 and
1,725 us an article in consecutive runs).

The revision's ``provenance`` package is copied out of git (``git archive``) under another name
(``provenance_at_rev``) and imported beside the working tree's; both extract the same chunks of
the first ``--n`` ABP articles in turn (the order flips every repetition), and the CPU seconds
(``time.process_time``) of each are summed. Tables are not compared here: use
``compare_attribution.py`` for that.

``--extractor all`` runs credits, citations and quotes in turn on each chunk, as the pipeline
runs a block (the rejoined texts and column strings of a chunk shared by the three). ``--warm``
limits the warm-up to the first articles (the benchmark's 50): work done once per process, on
first use, is then charged to the passes (the first above all; each pass is printed).

Run: ``python benchmarks/ab_extract.py --rev HEAD~1 [--extractor quotes] [--n 3000] [--reps 3]``
"""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

import pandas as pd
from bench_attribution import load_abp

ROOT = Path(__file__).resolve().parents[1]
COPY = "provenance_at_rev"
EXTRACTORS = {
    "quotes": ("quotes", "extract_quotes"),
    "credits": ("attribution", "extract_credits"),
    "citations": ("attribution", "extract_citations"),
}
_IMPORT_RE = re.compile(r"\b(from|import) provenance(?=[.\s])")


def copy_package(rev: str, into: Path) -> None:
    """Write the ``provenance`` package of git revision ``rev`` to ``into``/provenance_at_rev,
    its imports of itself renamed."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", rev, "provenance"], cwd=ROOT, check=True,
        capture_output=True,
    ).stdout  # fmt: skip
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    package = into / COPY
    (into / "provenance").rename(package)
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        path.write_text(_IMPORT_RE.sub(rf"\1 {COPY}", source), encoding="utf-8")


def extractor(package: str, name: str):
    """The extraction function ``name`` of ``package`` (``all``: the three in turn) and the
    package's registry loader."""
    load_registry = importlib.import_module(f"{package}.outlets").load_registry
    if name == "all":
        stages = [extractor(package, one)[0] for one in EXTRACTORS]
        return (lambda articles, registry: [f(articles, registry) for f in stages]), load_registry
    module, function = EXTRACTORS[name]
    return getattr(importlib.import_module(f"{package}.{module}"), function), load_registry


def interleaved(
    articles: pd.DataFrame, runs: dict, reps: int, chunk: int, warm: int | None = None
) -> dict[str, float]:
    """CPU seconds per article of each of ``runs`` (label -> (extract, registry)), summed over
    ``reps`` passes of the articles in chunks, the labels taking turns (order flipped per rep).
    The warm-up reads the first ``warm`` articles (all by default)."""
    chunks = [articles.iloc[i : i + chunk] for i in range(0, len(articles), chunk)]
    totals = dict.fromkeys(runs, 0.0)
    for extract, registry in runs.values():
        extract(articles.head(warm), registry)  # compiled patterns, rejoined texts, registry
    for rep in range(reps):
        labels = list(runs) if rep % 2 == 0 else list(reversed(runs))
        passed = dict.fromkeys(runs, 0.0)
        for part in chunks:
            for label in labels:
                extract, registry = runs[label]
                start = time.process_time()
                extract(part, registry)
                passed[label] += time.process_time() - start
        print(f"  pass {rep + 1}: " + ", ".join(
            f"{label} {seconds / len(articles) * 1e6:.0f} us" for label, seconds in passed.items()
        ))  # fmt: skip
        for label, seconds in passed.items():
            totals[label] += seconds
    return {label: seconds / reps / len(articles) for label, seconds in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", required=True, help="git revision to compare with (e.g. HEAD~1)")
    parser.add_argument("--extractor", choices=[*EXTRACTORS, "all"], default="quotes")
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=250)
    parser.add_argument("--warm", type=int, default=None, help="warm-up articles (default all)")
    args = parser.parse_args()
    articles = load_abp(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        copy_package(args.rev, Path(tmp))
        sys.path.insert(0, tmp)
        runs = {}
        for label, package in ((args.rev, COPY), ("working tree", "provenance")):
            extract, load_registry = extractor(package, args.extractor)
            runs[label] = (extract, load_registry())
        per_article = interleaved(articles, runs, args.reps, args.chunk, args.warm)
    old, new = per_article[args.rev], per_article["working tree"]
    print(
        f"{args.extractor}, {len(articles)} ABP articles x {args.reps} interleaved passes: "
        f"{args.rev} {old * 1e6:.0f} us CPU an article, working tree {new * 1e6:.0f} "
        f"({(1 - new / old) * 100:.1f}% less)"
    )


if __name__ == "__main__":
    main()
