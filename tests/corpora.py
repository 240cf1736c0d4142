"""Where the test data is, for tests/conftest.py and the test modules that run as scripts.

``../shared`` (real articles and evaluation data, never copied into the repository) is looked
for beside the repository, or where the ``PROVENANCE_SHARED`` environment variable points (a
git worktree elsewhere).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
SHARED = Path(os.environ.get("PROVENANCE_SHARED") or ROOT.parent / "shared")

# The generated corpus several tests share: 300 articles of machine-made wire copy
# (provenance.synthetic) with republication families, ~10 s to analyse with framing.
GENERATED = {"n_articles": 300, "n_outlets": 12, "seed": 3}
