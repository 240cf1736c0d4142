"""The word lists of the stages, read once from package data.

Each list is a file ``provenance/resources/<folder>/<name>.txt`` (``speakers``: speaker
attribution's lists; ``credits``: credits'; ``outlets``: the outlet matcher's): ``#`` lines
first (what the list holds and where it came from), then one word or phrase a line, as written
(case kept: "Mr.", "minister", "Innenministerin" are matched as they stand).

>>> "minister" in words("role_nouns_en")
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent / "resources"
WORDS_DIR = RESOURCES_DIR / "speakers"


@cache
def words(name: str, folder: str = "speakers") -> tuple[str, ...]:
    """The entries of list ``name`` of ``folder`` in file order (comments and blank lines
    skipped)."""
    path = RESOURCES_DIR / folder / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))
