"""Progress bars on stderr: shown for long runs in a terminal, silent otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import TypeVar

# The plain text bar: bars only show when stderr is a terminal, and tqdm.auto warned
# "IProgress not found" on import in every notebook without ipywidgets.
from tqdm.std import tqdm

T = TypeVar("T")


class _Bar(tqdm):
    """tqdm without its monitor thread. tqdm starts that thread for every bar, a disabled one
    too, and it lives on: :mod:`provenance.io` forks its writers only when no other thread is
    alive, so after ingest's bar every run wrote report.html and framing.csv in one process
    (first 20,000 ABP articles: 11.8 s, one core idle). The monitor only tunes ``miniters``
    of bars that stall."""

    monitor_interval = 0


def progress(
    items: Iterable[T], *, total: int | None = None, desc: str = "", quiet: bool = False
) -> Iterator[T]:
    """Iterate ``items`` with a tqdm bar on stderr unless quiet or stderr is not a terminal."""
    disable = quiet or not sys.stderr.isatty()
    yield from _Bar(items, total=total, desc=desc, disable=disable, file=sys.stderr, leave=False)


STAGE_ATTRIBUTE = "provenance_stage"


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Mark an exception escaping the block with the pipeline stage it came from.

    The innermost stage wins; the CLI names it in its internal-error message.

    >>> try:
    ...     with stage("outer"), stage("report"):
    ...         raise KeyError("x")
    ... except KeyError as exc:
    ...     print(stage_of(exc))
    report
    """
    try:
        yield
    except Exception as exc:
        if stage_of(exc) is None:
            # An exception type that refuses attributes stays unnamed.
            with suppress(AttributeError):
                setattr(exc, STAGE_ATTRIBUTE, name)
        raise


def stage_of(exc: BaseException) -> str | None:
    """The stage :func:`stage` marked ``exc`` with, or None."""
    return getattr(exc, STAGE_ATTRIBUTE, None)


class StageClock:
    """Times the stages of a run and advances one progress bar per stage.

    >>> clock = StageClock(["ingest", "links"], quiet=True)
    >>> with clock("ingest"):
    ...     pass
    >>> list(clock.timings)
    ['ingest']
    """

    def __init__(
        self,
        stages: list[str],
        *,
        quiet: bool = False,
        desc: str = "analyze",
        timer: Callable[[], float] = time.perf_counter,
    ) -> None:
        disable = quiet or not sys.stderr.isatty()
        self._timer = timer  # wall seconds; time.process_time for CPU (benchmarks)
        self._bar = _Bar(
            total=len(stages), desc=desc, disable=disable, file=sys.stderr, leave=False
        )
        self.timings: dict[str, float] = {}
        self._ahead: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str, *, advance: bool = True) -> Iterator[None]:
        """Time the block as stage ``name`` (added to its earlier blocks). With ``advance``
        False it is a part of the stage run ahead of the rest: the bar does not move on, and
        its time joins the stage's when the stage itself is timed (``timings`` in run order).
        """
        self._bar.set_postfix_str(name)
        started = self._timer()
        with stage(name):
            yield
        elapsed = self._timer() - started
        if not advance:
            self._ahead[name] = self._ahead.get(name, 0.0) + elapsed
            return
        elapsed += self._ahead.pop(name, 0.0)
        self.timings[name] = self.timings.get(name, 0.0) + elapsed
        self._bar.update(1)

    def close(self) -> None:
        self._bar.close()
