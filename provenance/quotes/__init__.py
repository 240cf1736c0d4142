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
    framing stage's quote matcher) then does not compile attribution's patterns. Importing
    provenance.framing took 2.9-3.2 CPU s, now 0.21-0.22 s: what a process that only scores
    framing pays (spawned pool workers where there is no fork server, score_links alone)."""
    if name == "extract_quotes":
        from provenance.quotes.extract import extract_quotes

        return extract_quotes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
