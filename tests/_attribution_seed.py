"""The seed article as one articles row, built by hand (title: the 2nd non-empty line; text:
from the dateline paragraph on), so attribution tests do not depend on the ingest stage."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

SEED = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "seed"
    / "urdupoint-sputnik-lavrov-2021-08-23.txt"
)
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the repo")


def seed_articles() -> pd.DataFrame:
    raw = SEED.read_text(encoding="utf-8")
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    start = raw.index("MOSCOW (")
    return pd.DataFrame(
        {
            "article_id": ["seed"],
            "title": [lines[1]],
            "text": [raw[start:].strip()],
            "outlet_id": ["urdupoint"],
        }
    )
