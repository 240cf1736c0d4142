"""Peak memory of a benchmark's processes, sampled in a background thread (psutil).

``resource.getrusage`` gives the high-water mark of this process and of its largest finished
child; a process pool or a Dask cluster needs its live workers sampled, and the peak of their
sum. ``RssSampler`` samples the given processes, or this one and its children found afresh at
each tick (pool workers come and go).

>>> with RssSampler(every=0.01) as mem:                # doctest: +SKIP
...     run()
>>> mem.peak_total / 2**20                             # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import resource
import threading

import psutil


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """RSS high-water mark in MB of this process (or of its largest finished child)."""
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


class RssSampler:
    """Peak RSS in bytes of each process (``peak``, by pid) and of their sum (``peak_total``)."""

    def __init__(self, pids: list[int] | None = None, every: float = 0.1) -> None:
        self._me = psutil.Process() if pids is None else None
        self._procs = {pid: psutil.Process(pid) for pid in pids or []}
        self.peak: dict[int, int] = dict.fromkeys(self._procs, 0)
        self.peak_total = 0
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _current(self) -> list[psutil.Process]:
        if self._me is None:
            return list(self._procs.values())
        with contextlib.suppress(psutil.Error):
            return [self._me, *self._me.children(recursive=True)]
        return [self._me]

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for proc in self._current():
                with contextlib.suppress(psutil.Error):  # a worker that just exited
                    rss = proc.memory_info().rss
                    self.peak[proc.pid] = max(self.peak.get(proc.pid, 0), rss)
                    total += rss
            self.peak_total = max(self.peak_total, total)
            self._stop.wait(self._every)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
