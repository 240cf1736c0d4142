"""Fixtures shared by the test modules: where the repository's data and ``../shared`` are
(see tests/corpora.py), and the corpora several modules analyse. Tests that need ``../shared``
skip cleanly when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from corpora import DEMO, GENERATED, ROOT, SHARED


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's root folder (relative inputs are given from here)."""
    return ROOT


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    """data/demo: our own synthetic wire copy in every input format, with its outlets.csv."""
    return DEMO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``; the test skips when it is not there."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (set PROVENANCE_SHARED to its path)")
    return SHARED


@pytest.fixture(scope="session")
def seed_dir(shared_dir: Path) -> Path:
    """``../shared/seed``: the founding article (urdupoint.com's copy of a Sputnik report)."""
    seed = shared_dir / "seed"
    if not seed.is_dir():
        pytest.skip(f"{seed} is absent")
    return seed


@pytest.fixture(scope="session")
def generated_corpus() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(articles, truth, outlets) of the shared generated corpus (see ``GENERATED``)."""
    from provenance.synthetic import generate_corpus

    return generate_corpus(**GENERATED)
