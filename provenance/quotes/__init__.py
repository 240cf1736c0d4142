"""Quotes: direct quotes in titles and bodies with speaker, role, verb and addressee outlet.

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a1"], "title": ["T"], "text": [
...     '"We are ready," Lavrov said.']})
>>> extract_quotes(arts)[["text", "speaker", "verb"]].values.tolist()
[['We are ready,', 'Lavrov', 'said']]
"""

from provenance.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
