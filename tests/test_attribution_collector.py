"""Credits and citations run with the cyclic garbage collector paused (as quotes does): they
make no reference cycle, so the collections their objects would set off free nothing."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pandas as pd
import pytest

from provenance.attribution import citations as C
from provenance.attribution import credits as K
from provenance.attribution import extract_citations, extract_credits

_PASSAGES = Path(__file__).resolve().parent / "eval" / "attribution_passages.jsonl"


def _passages() -> pd.DataFrame:
    rows = [json.loads(line) for line in _PASSAGES.read_text(encoding="utf-8").splitlines()
            if line.strip()]  # fmt: skip
    return pd.DataFrame({"article_id": [r["id"] for r in rows],
                         "title": [r.get("title") or "" for r in rows],
                         "text": [r["text"] for r in rows]})  # fmt: skip


@pytest.mark.parametrize("extract", [extract_credits, extract_citations])
def test_extraction_makes_no_reference_cycle(extract):
    """Nothing the stage leaves behind needs the collector: a pause hides no garbage."""
    articles = _passages()
    extract(articles)  # (caches filled: patterns, registry, resolver)
    gc.collect()
    gc.disable()
    try:
        table = extract(articles)
        unreachable = gc.collect()
    finally:
        gc.enable()
    assert len(table) > 50
    assert unreachable == 0


@pytest.mark.parametrize(("module", "extract"), [(K, extract_credits), (C, extract_citations)])
def test_the_collector_is_paused_inside_and_restored(monkeypatch, module, extract):
    seen = []
    columns = module.article_columns

    def watched(articles):
        seen.append(gc.isenabled())
        return columns(articles)

    monkeypatch.setattr(module, "article_columns", watched)
    extract(_passages().head(5))
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        extract(_passages().head(5))
        assert not gc.isenabled()  # a caller's pause is kept
    finally:
        gc.enable()
