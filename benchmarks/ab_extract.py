"""CPU per real ABP article of an extractor at a git revision and in the working tree, measured
in one process, interleaved: the fair comparison on a shared machine, where two runs made a
minute apart differ by 5-10% (seven engineers on 2 cores: the same code measured 1,545 and
1,725 us an article in consecutive runs).

The revision's ``provenance`` package is copied out of git (``git archive``) under another name
(``provenance_at_rev``) and imported beside the working tree's; both extract the same chunks of
the first ``--n`` ABP articles in turn (the order flips every repetition), and the CPU seconds
(``time.process_time``) of each are summed. Tables are not compared here: use
``compare_attribution.py`` for that.

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
    """The extraction function ``name`` of ``package`` and the package's registry loader."""
    module, function = EXTRACTORS[name]
    extract = getattr(importlib.import_module(f"{package}.{module}"), function)
    return extract, importlib.import_module(f"{package}.outlets").load_registry


def interleaved(articles: pd.DataFrame, runs: dict, reps: int, chunk: int) -> dict[str, float]:
    """CPU seconds per article of each of ``runs`` (label -> (extract, registry)), summed over
    ``reps`` passes of the articles in chunks, the labels taking turns (order flipped per rep)."""
    chunks = [articles.iloc[i : i + chunk] for i in range(0, len(articles), chunk)]
    totals = dict.fromkeys(runs, 0.0)
    for extract, registry in runs.values():
        extract(articles, registry)  # warm-up: compiled patterns, rejoined texts, registry
    for rep in range(reps):
        labels = list(runs) if rep % 2 == 0 else list(reversed(runs))
        for part in chunks:
            for label in labels:
                extract, registry = runs[label]
                start = time.process_time()
                extract(part, registry)
                totals[label] += time.process_time() - start
    return {label: seconds / reps / len(articles) for label, seconds in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", required=True, help="git revision to compare with (e.g. HEAD~1)")
    parser.add_argument("--extractor", choices=list(EXTRACTORS), default="quotes")
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=250)
    args = parser.parse_args()
    articles = load_abp(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        copy_package(args.rev, Path(tmp))
        sys.path.insert(0, tmp)
        runs = {}
        for label, package in ((args.rev, COPY), ("working tree", "provenance")):
            extract, load_registry = extractor(package, args.extractor)
            runs[label] = (extract, load_registry())
        per_article = interleaved(articles, runs, args.reps, args.chunk)
    old, new = per_article[args.rev], per_article["working tree"]
    print(
        f"{args.extractor}, {len(articles)} ABP articles x {args.reps} interleaved passes: "
        f"{args.rev} {old * 1e6:.0f} us CPU an article, working tree {new * 1e6:.0f} "
        f"({(1 - new / old) * 100:.1f}% less)"
    )


if __name__ == "__main__":
    main()
