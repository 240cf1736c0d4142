"""Peak memory of a benchmark's processes, sampled in a background thread or process (psutil).

``resource.getrusage`` gives the high-water mark of this process and of its largest finished
child; a process pool or a Dask cluster needs its live workers sampled, and the peak of their
sum. ``RssSampler`` samples the given processes, or this one and its children found afresh at
each tick (pool workers come and go). ``ChildSampler`` does the same from a spawned process of
its own, so that no sampling thread runs here: ``provenance.io`` forks its writers only when no
other thread is alive, and a sampling thread made the benchmarks write everything in one
process (the CLI did not).

>>> with RssSampler(every=0.01) as mem:                # doctest: +SKIP
...     run()
>>> mem.peak_total / 2**20                             # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import threading
import time
from typing import Any

import psutil

# One tick: (perf_counter, {pid: user + system CPU seconds}).
CpuSample = tuple[float, dict[int, float]]
# One tick: (perf_counter, {pid: RSS bytes}).
RssSample = tuple[float, dict[int, int]]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """RSS high-water mark in MB of this process (or of its largest finished child)."""
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


class _Ticks:
    """Peak RSS by pid and of the sum, and (with ``cpu``) each tick's CPU seconds and RSS by
    pid (``cpu_samples``, ``rss_samples``)."""

    def __init__(self, cpu: bool) -> None:
        self.peak: dict[int, int] = {}
        self.peak_total = 0
        self.cpu_samples: list[CpuSample] = []
        self.rss_samples: list[RssSample] = []
        self._cpu = cpu

    def tick(self, procs: list[psutil.Process]) -> None:
        cpu: dict[int, float] = {}
        sizes: dict[int, int] = {}
        for proc in procs:
            with contextlib.suppress(psutil.Error):  # a worker that just exited
                sizes[proc.pid] = rss = proc.memory_info().rss
                self.peak[proc.pid] = max(self.peak.get(proc.pid, 0), rss)
                if self._cpu:
                    times = proc.cpu_times()
                    cpu[proc.pid] = times.user + times.system
        self.peak_total = max(self.peak_total, sum(sizes.values()))
        if self._cpu:
            now = time.perf_counter()
            self.cpu_samples.append((now, cpu))
            self.rss_samples.append((now, sizes))


def _tree(root: psutil.Process, leave_out: int | None = None) -> list[psutil.Process]:
    """``root`` and its descendants found now (``leave_out``: a pid not to count)."""
    with contextlib.suppress(psutil.Error):
        kids = root.children(recursive=True)
        return [root, *(kid for kid in kids if kid.pid != leave_out)]
    return [root]


class RssSampler(_Ticks):
    """Peak RSS in bytes of each process (``peak``, by pid) and of their sum (``peak_total``).

    With ``cpu=True`` each tick also records ``(perf_counter, {pid: user + system CPU seconds})``
    in ``cpu_samples``: which process worked when (``bench_real.py``'s timeline).
    """

    def __init__(
        self, pids: list[int] | None = None, every: float = 0.1, *, cpu: bool = False
    ) -> None:
        super().__init__(cpu)
        self._me = psutil.Process() if pids is None else None
        self._procs = {pid: psutil.Process(pid) for pid in pids or []}
        self.peak.update(dict.fromkeys(self._procs, 0))
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.tick(list(self._procs.values()) if self._me is None else _tree(self._me))
            self._stop.wait(self._every)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


class ChildSampler(_Ticks):
    """:class:`RssSampler` of this process and its children (CPU too), run in a spawned
    process of its own (left out of the figures) instead of a thread here."""

    def __init__(self, every: float = 0.1) -> None:
        super().__init__(cpu=True)
        context = multiprocessing.get_context("spawn")
        self._stop = context.Event()
        self._receive, send = context.Pipe(duplex=False)
        self._child = context.Process(
            target=_watch, args=(os.getpid(), every, self._stop, send), daemon=True
        )
        self._send = send

    def __enter__(self) -> ChildSampler:
        self._child.start()
        self._send.close()
        self._receive.recv()  # the first tick is taken: the whole block is sampled
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.peak, self.peak_total, self.cpu_samples, self.rss_samples = self._receive.recv()
        self._child.join()


def _watch(root: int, every: float, stop: Any, send: Any) -> None:
    """In the sampling process: tick over ``root``'s tree until ``stop``, then send the figures."""
    ticks, me, watched = _Ticks(cpu=True), os.getpid(), psutil.Process(root)
    ticks.tick(_tree(watched, me))
    send.send("ready")
    while not stop.wait(every):
        ticks.tick(_tree(watched, me))
    ticks.tick(_tree(watched, me))
    send.send((ticks.peak, ticks.peak_total, ticks.cpu_samples, ticks.rss_samples))
