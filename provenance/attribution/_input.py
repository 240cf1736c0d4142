"""Validation of the articles frame at the public boundary, shared by every extractor."""

from __future__ import annotations

import pandas as pd

from provenance.errors import check_frame

REQUIRED = ("article_id", "title", "text")
# Texts longer than this are cut before the regex passes: web text is hostile, costs are bounded.
MAX_TEXT_CHARS = 2_000_000


def _strings(series: pd.Series) -> list[str]:
    return [v[:MAX_TEXT_CHARS] if isinstance(v, str) else "" for v in series.tolist()]


def article_columns(articles: pd.DataFrame) -> dict[str, list]:
    """article_id, title, text (str, '' for missing) and optional outlet_id, byline, year."""
    check_frame(articles, "articles", "the attribution and quote stages", REQUIRED)
    ids = articles["article_id"]
    if ids.isna().any():
        raise ValueError("articles has rows without article_id")
    out: dict[str, list] = {
        "article_id": [str(v) for v in ids.tolist()],
        "title": _strings(articles["title"]),
        "text": _strings(articles["text"]),
    }
    n = len(articles)
    for col in ("outlet_id", "byline"):
        out[col] = _strings(articles[col]) if col in articles.columns else [""] * n
    years: list[int | None] = [None] * n
    if "published" in articles.columns:
        published = pd.to_datetime(articles["published"], utc=True, errors="coerce")
        years = [None if pd.isna(t) else int(t.year) for t in published]
    out["year"] = years
    return out
