"""Attribution: who an article credits (credits) and which outlets it cites (citations).

Languages: English, Spanish, French, German, Portuguese and Italian (datelines and month names,
republication notes, "according to"/"según"/"selon"/"laut"/"segundo"/"secondo", interview and
report cues with the articles glued to their prepositions: "au Figaro", "à Folha", "al
Corriere"). Other languages' copy gets only the language-neutral rules (bracketed datelines,
source lines).

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a1"], "title": ["T"], "text": [
...     "WASHINGTON, Aug 23 (Reuters) - The minister told the Daily Clarion newspaper ..."]})
>>> extract_credits(arts)[["outlet_id", "place"]].values.tolist()
[['reuters', 'WASHINGTON']]
>>> extract_citations(arts)[["kind", "entity_text"]].values.tolist()
[['interview', 'the Daily Clarion newspaper']]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from provenance.attribution.citations import extract_citations
    from provenance.attribution.credits import dateline_fields, extract_credits

__all__ = ["dateline_fields", "extract_citations", "extract_credits"]


def __getattr__(name: str) -> Any:
    """The stages, imported when first asked for: ingest's dateline patterns
    (``provenance.attribution.datelines``) then do not compile the rest. The main process of a
    pooled run imported ingest, and with it every attribution pattern, for two of them
    (``import provenance.ingest``: 2.61-2.73 -> 0.64-0.73 CPU s); the pool's workers import
    the stages from their fork server."""
    if name == "extract_citations":
        from provenance.attribution.citations import extract_citations

        return extract_citations
    if name in ("dateline_fields", "extract_credits"):
        from provenance.attribution import credits

        return getattr(credits, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
