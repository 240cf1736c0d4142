"""Attribution: who an article credits (credits) and which outlets it cites (citations).

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a1"], "title": ["T"], "text": [
...     "WASHINGTON, Aug 23 (Reuters) - The minister told the Daily Clarion newspaper ..."]})
>>> extract_credits(arts)[["outlet_id", "place"]].values.tolist()
[['reuters', 'WASHINGTON']]
>>> extract_citations(arts)[["kind", "entity_text"]].values.tolist()
[['interview', 'the Daily Clarion newspaper']]
"""

from provenance.attribution.citations import extract_citations
from provenance.attribution.credits import dateline_fields, extract_credits

__all__ = ["dateline_fields", "extract_citations", "extract_credits"]
