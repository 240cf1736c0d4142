"""The word lists of speaker attribution, read once from package data.

Each list is a file ``provenance/resources/speakers/<name>.txt``: ``#`` lines first (what the
list holds and where it came from), then one word or phrase a line, as written (case kept:
"Mr.", "minister", "Innenministerin" are matched as they stand).

>>> "minister" in words("role_nouns_en")
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

WORDS_DIR = Path(__file__).resolve().parent.parent / "resources" / "speakers"


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of list ``name`` in file order (comments and blank lines skipped)."""
    path = WORDS_DIR / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))
