"""The pandas engine's process pool: how many workers, how to cut the work, how to run it.

Both the per-article stages and link framing run their chunks here
(:func:`provenance.engine.local.parallel_article_stages`,
:func:`provenance.engine.local.pooled_link_framing`).

>>> pool_size(5_000, 4), check_workers(2)
(2, 2)
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.context
import numbers
import os
import pickle
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from provenance.errors import invalid_parameter

# The pandas engine's process pool gives every worker at least this many articles and runs
# smaller corpora in-process. Starting the pool (fresh interpreters importing pandas and the
# stages) and shipping articles and tables back costs ~0.8 s; the per-article stages cost ~1.6 ms
# an article with framing, ~0.4 ms without. Measured on 2 cores, 2 workers vs 1 process: at
# 2,000 articles a worker they take 4.4 s instead of 6.4 s with framing and break even without.
MIN_ARTICLES_PER_WORKER = 2_000

# Link framing runs in the pool (when analyze was given workers) with at least this many links
# a worker. Scoring costs ~1 ms a link in one process; the pool adds ~1.5 s (worker start-up,
# shipping each chunk's articles, every chunk splitting and scanning its own articles'
# sentences). Measured on 2 cores, 2 workers vs 1 process: 1,500 links 2.1 vs 1.9 s, 3,000
# links 3.1 vs 3.3 s, 5,270 links 4.3 vs 5.2 s, 13,125 links 9.5 vs 14.1 s.
MIN_LINKS_PER_WORKER = 2_000


def run_in_pool(fn: Callable[..., Any], jobs: Iterable[dict[str, Any]], workers: int) -> list[Any]:
    """``fn(**job)`` for every job in a process pool of ``workers`` (:func:`pool_context`), in
    job order.

    The per-article stages and link framing both run their chunks here. Give ``jobs`` as a
    generator: the workers start on the first job while the parent
    prepares the next, and no job is kept once it has been shipped.

    >>> run_in_pool(pool_size, ({"n_articles": n, "workers": 2} for n in [1, 9_000]), 2)  # doctest: +SKIP
    [1, 2]
    """
    with PoolRun(fn, jobs, workers) as running:
        return running.results()


class PoolRun:
    """``fn(**job)`` for every job, submitted at once to a process pool of ``workers``;
    this process is free for other work until :meth:`results` collects them in job order.

    On leaving the ``with`` block the pool is shut down, jobs not yet started are cancelled.

    >>> with PoolRun(pool_size, [{"n_articles": 9_000, "workers": 2}], 2) as running:  # doctest: +SKIP
    ...     other_work()
    ...     running.results()
    [2]

    With ``through_files`` each job is pickled into a file of a temporary folder as it comes
    and the workers read it from there (:func:`stored_jobs`); the folder goes with the pool.
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        jobs: Iterable[dict[str, Any]],
        workers: int,
        *,
        through_files: bool = False,
    ):
        from concurrent.futures import ProcessPoolExecutor

        self._folder: Path | None = None
        if through_files:
            self._folder = Path(tempfile.mkdtemp(prefix="provenance-jobs-"))
            fn, jobs = partial(call_stored, fn), stored_jobs(jobs, self._folder)
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=pool_context(), initializer=tune_worker_malloc
        )
        try:
            self._futures = [self._pool.submit(fn, **job) for job in jobs]
        except BaseException:
            self._shut(cancel=True)
            raise

    def results(self) -> list[Any]:
        """Each job's value in job order (waiting for them), or the first job's exception."""
        return [future.result() for future in self._futures]

    def __enter__(self) -> PoolRun:
        return self

    def cancel(self) -> None:
        """Shut the pool down, its jobs not yet started cancelled (their results unwanted)."""
        self._shut(cancel=True)

    def __exit__(self, *exc_info: object) -> None:
        self._shut(cancel=exc_info[0] is not None)

    def _shut(self, cancel: bool) -> None:
        """Shut the pool down (cancelling the jobs not yet started), then remove its jobs' files."""
        try:
            self._pool.shutdown(wait=True, cancel_futures=cancel)
        finally:
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)


def stored_jobs(jobs: Iterable[dict[str, Any]], folder: Path) -> Iterator[dict[str, str]]:
    """Each job pickled into a file of ``folder`` as it comes, as the job ``{"path": file}``.

    The pool's own hand-off pickles a job into memory in a thread of this process and keeps the
    job's tables until its result is back; a job stored in a file is dropped here at once and
    pickled straight to the file (protocol 5, no in-memory copy of its arrow buffers). Link
    framing's two jobs of the first 20,000 ABP articles hold ~82 MB of tables each.
    """
    for number, job in enumerate(jobs):
        path = folder / f"job-{number}.pickle"
        with path.open("wb") as file:
            pickle.dump(job, file, protocol=5)
        del job
        yield {"path": str(path)}


def call_stored(fn: Callable[..., Any], path: str) -> Any:
    """``fn(**job)`` of the job stored at ``path`` (:func:`stored_jobs`), the file removed once
    read."""
    with open(path, "rb") as file:
        job = pickle.load(file)
    os.unlink(path)
    return fn(**job)


# What every pool job imports: the stages' modules. Their regular expressions are compiled at
# import (provenance.attribution alone: 2.2 CPU s, 282 patterns), and a "spawn" worker paid
# that, pandas and the rest again: first 20,000 ABP articles, 2 workers, ~3.6 CPU s a worker
# before its first article (0.75 s interpreter, pandas and the chunk; 2.9 s the stages'
# imports), and as much again in each link framing worker. A fork server imports them once;
# the workers of every pool of the run are forked from it, imported already. The stages
# themselves are named, not their packages, which import them when first asked for: while only
# the packages were named (session 11 on), each worker compiled attribution's and quotes'
# patterns at its first job (first 5,000 ABP articles, 2 workers: first jobs 8.4 / 9.9 CPU s
# for 1,250 / 1,639 articles, later ones ~4.2 ms an article; ~3 CPU s a worker).
POOL_PRELOAD = (
    "provenance.engine.local",
    "provenance.attribution.citations",
    "provenance.attribution.credits",
    "provenance.quotes.extract",
    "provenance.framing",
    "provenance.framing.table",
    "provenance.engine.warm",  # last: the stages' first-use caches, filled once
)


def pool_context() -> multiprocessing.context.BaseContext:
    """The start method of the pool's workers: "forkserver" with :data:`POOL_PRELOAD`
    preloaded where the platform has it, else "spawn" (fresh interpreters).

    Not "fork": a copy of a parent whose threads (pyarrow, tqdm, a Dask client) may hold locks.
    The fork server is a fresh single-threaded interpreter, started on the first pool and kept
    for the process's life (one per process, ~250 MB, shared copy-on-write with its workers).
    Were a fork server running already without the preload, its workers import as they go.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(POOL_PRELOAD))
    return context


def start_fork_server_early() -> None:
    """Start the fork server now, where the pools use one (:func:`pool_context`), so that it
    imports :data:`POOL_PRELOAD` while this process reads the first articles instead of when
    the first pool starts. Before, the main process sat waiting for it: first 20,000 ABP
    articles, ~2.5 s with one core busy (the server's imports) before the first worker ran."""
    context = pool_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


# glibc malloc in the workers: keep freed memory for reuse instead of giving it back at once.
# By default, blocks over a threshold that adapts up to 32 MB are mmap'd and unmapped when
# freed, and the heap top above 128 KB is trimmed, so each stage's large arrays fault fresh
# zeroed pages in again: first 20,000 ABP articles, a worker of 10,000 took 0.46-0.50M minor
# faults, 4.4-5.3 s of system time (framing 4.1-4.9 s of it). Workers end with their pool, so
# what they keep is never wanted back.
_MALLOC_OPTIONS = {
    -1: 1 << 30,  # M_TRIM_THRESHOLD
    -2: 64 << 20,  # M_TOP_PAD
    -3: 32 << 20,  # M_MMAP_THRESHOLD (glibc's largest)
}


def tune_worker_malloc() -> None:
    """Set :data:`_MALLOC_OPTIONS` in this (pool worker) process (glibc only; else a no-op)."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL("libc.so.6")
            for option, value in _MALLOC_OPTIONS.items():
                libc.mallopt(option, value)


def contiguous_chunks(frame: pd.DataFrame, n: int) -> list[pd.DataFrame]:
    """``n`` contiguous row ranges of ``frame``, as even as can be."""
    bounds = np.linspace(0, len(frame), n + 1).round().astype(int)
    return [frame.iloc[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def check_workers(workers: Any) -> int | None:
    """``workers`` as an int, or None; an InvalidParameterError (a ValueError) unless it is a
    positive integer.

    >>> check_workers(2)
    2
    """
    if workers is None:
        return None
    if isinstance(workers, bool) or not isinstance(workers, numbers.Integral) or workers < 1:
        raise invalid_parameter("workers", "analyze", "a positive integer", workers)
    return int(workers)


def machine_cores() -> int:
    """The cores this process may run on (its CPU affinity, else ``os.cpu_count()``)."""
    with contextlib.suppress(AttributeError, OSError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def pool_size(n_articles: int, workers: int | None, per_worker: int | None = None) -> int:
    """Processes the pandas engine uses: at most ``workers`` (None: all of
    :func:`machine_cores`), each with at least ``per_worker`` items (default
    ``MIN_ARTICLES_PER_WORKER`` articles); 1 means in-process.

    >>> pool_size(5_000, 4), pool_size(1_000, 4), pool_size(1_000, None)
    (2, 1, 1)
    """
    if workers is None:
        workers = machine_cores()
    per_worker = MIN_ARTICLES_PER_WORKER if per_worker is None else per_worker
    return max(1, min(workers, n_articles // per_worker))
