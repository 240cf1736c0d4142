"""What the speaker tests read: the speakers ``extract_quotes`` gives the body's quotes of one
text, in order (None where a quote has no speaker)."""

from __future__ import annotations

import pandas as pd

from provenance.quotes import extract_quotes


def body_speakers(text: str) -> list[str | None]:
    """The speaker of each body quote of ``text``, in order.

    >>> body_speakers("“We will build it,” said Mayor Ann Roe.")
    ['Ann Roe']
    """
    arts = pd.DataFrame({"article_id": ["a"], "title": ["T"], "text": [text]})
    rows = extract_quotes(arts)
    rows = rows[rows["field"].eq("text")]
    return [None if pd.isna(v) else v for v in rows["speaker"]]
