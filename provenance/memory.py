"""Giving freed memory back to the operating system between the stages of a run.

Large runs free big tables between stages (ingest's batches, reuse's index, link framing's jobs,
the framing table's parts); the allocators keep that memory mapped for reuse, so a stage that
needs more starts above the peak it could have had. Both the engines and the stage graph
(:mod:`provenance.pipeline`) call :func:`release_freed_memory` where a stage has just freed a
lot.
"""

from __future__ import annotations

import contextlib
import sys


def release_freed_memory() -> None:
    """Return freed heap memory to the OS (pyarrow's pool, and glibc's heap where it is glibc).

    The pool's results are unpickled in the executor's own thread, so glibc puts them in a
    separate malloc arena; once combined and freed, that memory stayed mapped and the later
    stages grew beside it (20,000 articles with framing, 2 workers: the parent's peak RSS was
    2.0 GB, 1.6 GB in one process; 1.7 GB with this trim).
    """
    pyarrow = sys.modules.get("pyarrow")
    if pyarrow is not None:
        # pyarrow's own allocator (mimalloc or jemalloc) keeps freed buffers too: the streamed
        # ingest converts its text a slice at a time (first 20,000 ABP articles: 100 MB given
        # back at the start of links, 1,124 -> 1,022 MB; glibc's trim gave nothing more).
        pyarrow.default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)
