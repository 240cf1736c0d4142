"""Stable identifiers: derived from content or URLs, never from row order.

>>> len(stable_id("https://example.com/a"))
16
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pandas as pd

ID_LENGTH = 16


def stable_id(*parts: object) -> str:
    """A 16-hex-digit id from the given parts (``None`` and NA count as empty).

    >>> stable_id("a", 1) == stable_id("a", 1) != stable_id("a", 2)
    True
    """
    joined = "\x1f".join("" if p is None or p is pd.NA else str(p) for p in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=ID_LENGTH // 2).hexdigest()


def stable_ids(*columns: Iterable[object]) -> list[str]:
    """Row-wise :func:`stable_id` over parallel columns.

    >>> stable_ids(["a", "b"], [1, 2]) == [stable_id("a", 1), stable_id("b", 2)]
    True
    """
    return [stable_id(*row) for row in zip(*columns, strict=True)]
