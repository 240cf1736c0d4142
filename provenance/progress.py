"""Progress bars on stderr: shown for long runs in a terminal, silent otherwise."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm.auto import tqdm

T = TypeVar("T")


def progress(
    items: Iterable[T], *, total: int | None = None, desc: str = "", quiet: bool = False
) -> Iterator[T]:
    """Iterate ``items`` with a tqdm bar on stderr unless quiet or stderr is not a terminal."""
    disable = quiet or not sys.stderr.isatty()
    yield from tqdm(items, total=total, desc=desc, disable=disable, file=sys.stderr, leave=False)
