"""What the list-building tools share: write a generated word list into the package, or with
``--check`` only compare it with the shipped one (exit 1 when they differ).

A list file is a header of ``#`` lines and one word a line; the word count printed leaves the
header out.
"""

from __future__ import annotations

from pathlib import Path


def write_or_check(path: Path, text: str, check: bool) -> int:
    """Write ``text`` to ``path``, or with ``check`` compare them; the exit status."""
    if check:
        same = path.exists() and path.read_text(encoding="utf-8") == text
        print(f"{path.name}: {'up to date' if same else 'differs from the generated list'}")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    words = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
    print(f"wrote {path} ({words} words)")
    return 0
