"""Quotes: direct quotes in titles and bodies with speaker, role, verb and addressee outlet.

>>> import pandas as pd
>>> from provenance.quotes import extract_quotes
>>> arts = pd.DataFrame({"article_id": ["a1"], "title": ["T"], "text": [
...     '"We are ready," Lavrov said.']})
>>> extract_quotes(arts)[["text", "speaker", "verb"]].values.tolist()
[['We are ready,', 'Lavrov', 'said']]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]


def __getattr__(name: str) -> Any:
    """``extract_quotes``, imported when first asked for: ``provenance.quotes.marks`` alone (the
    framing stage's quote matcher) then does not compile attribution's patterns, ~2.5-3 CPU s
    of each link framing pool worker's ~4.5 s of start-up (first 5,000 ABP articles)."""
    if name == "extract_quotes":
        from provenance.quotes.extract import extract_quotes

        return extract_quotes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
