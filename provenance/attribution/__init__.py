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

from provenance.attribution.citations import extract_citations
from provenance.attribution.credits import dateline_fields, extract_credits

__all__ = ["dateline_fields", "extract_citations", "extract_credits"]
