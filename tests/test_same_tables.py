"""Every table of the demo, the seed and a generated corpus is byte-identical to a stored run.

Refactors (issue 14: one pipeline, two thin engines) must not change a byte of any output. The
expected SHA-256 digests of the CSV tables (``Analysis.to_csv``) are stored in
``tests/data/table_hashes.json``: first computed at commit b5673d6, before the refactor, then
recomputed on main at dcf927a, whose issue-tracked stage fixes (credits, reuse) changed 18 of
the 39 digests (the refactored code gives main's bytes exactly).

A fix that is meant to change the tables (an issue-tracked change to a stage) changes these
digests legitimately. Check the changed tables by eye, then regenerate the file with one
command, from the repository root, and commit it with the fix::

    python tests/test_same_tables.py

Inputs are given as paths relative to their parent folder, so that the articles' source_file
column does not depend on where the repository is. The seed comes from ``../shared/seed``
(skipped when absent; see tests/corpora.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest
from corpora import DEMO, GENERATED, SHARED

import provenance
from provenance.pipeline import TABLE_ORDER

EXPECTED = Path(__file__).resolve().parent / "data" / "table_hashes.json"


@contextmanager
def working_directory(path: Path):
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def table_digests(analysis: provenance.Analysis) -> dict[str, str]:
    """SHA-256 of every CSV file ``analysis.to_csv`` writes, by file name."""
    with tempfile.TemporaryDirectory() as out:
        paths = analysis.to_csv(out)
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(paths)}


def analyse_demo() -> provenance.Analysis:
    with working_directory(DEMO.parent.parent):
        return provenance.analyze("data/demo/articles", outlets="data/demo/outlets.csv")


def analyse_seed() -> provenance.Analysis:
    with working_directory(SHARED):
        return provenance.analyze("seed")


def analyse_generated() -> provenance.Analysis:
    from provenance.synthetic import generate_corpus

    articles, _, outlets = generate_corpus(**GENERATED)
    return provenance.analyze_articles(articles, outlets=outlets)


CORPORA: dict[str, Callable[[], provenance.Analysis]] = {
    "demo": analyse_demo,
    "seed": analyse_seed,
    "generated": analyse_generated,
}


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_tables_are_byte_identical(corpus):
    if corpus == "seed" and not (SHARED / "seed").is_dir():
        pytest.skip(f"{SHARED / 'seed'} is absent")
    expected = json.loads(EXPECTED.read_text())[corpus]
    got = table_digests(CORPORA[corpus]())
    assert len(got) == len(TABLE_ORDER)
    changed = sorted(name for name in expected if got.get(name) != expected[name])
    assert changed == [], f"{corpus}: {changed} differ (see this module's docstring)"
    assert set(got) == set(expected)


def write_expected() -> None:
    """Recompute every corpus's digests and store them in ``EXPECTED``."""
    digests = {name: table_digests(run()) for name, run in sorted(CORPORA.items())}
    EXPECTED.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n")
    print(f"wrote {EXPECTED} ({', '.join(digests)})")


if __name__ == "__main__":
    write_expected()
