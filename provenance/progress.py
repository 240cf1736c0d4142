"""Progress bars on stderr: shown for long runs in a terminal, silent otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from tqdm.auto import tqdm

T = TypeVar("T")


def progress(
    items: Iterable[T], *, total: int | None = None, desc: str = "", quiet: bool = False
) -> Iterator[T]:
    """Iterate ``items`` with a tqdm bar on stderr unless quiet or stderr is not a terminal."""
    disable = quiet or not sys.stderr.isatty()
    yield from tqdm(items, total=total, desc=desc, disable=disable, file=sys.stderr, leave=False)


class StageClock:
    """Times the stages of a run and advances one progress bar per stage.

    >>> clock = StageClock(["ingest", "links"], quiet=True)
    >>> with clock("ingest"):
    ...     pass
    >>> list(clock.timings)
    ['ingest']
    """

    def __init__(self, stages: list[str], *, quiet: bool = False, desc: str = "analyze") -> None:
        disable = quiet or not sys.stderr.isatty()
        self._bar = tqdm(
            total=len(stages), desc=desc, disable=disable, file=sys.stderr, leave=False
        )
        self.timings: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        self._bar.set_postfix_str(stage)
        started = time.perf_counter()
        yield
        self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - started
        self._bar.update(1)

    def close(self) -> None:
        self._bar.close()
