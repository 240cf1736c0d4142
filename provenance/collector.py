"""The cyclic garbage collector paused around work that allocates many objects and makes no
reference cycle (Python's reference counting frees them all): the collections it would set off
each walk the live objects of their generation, and the full ones every live object, to find
nothing. Shared by the outlet registry's build and the quotes stage.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (the collector's state restored after: a caller that
    paused it already, or another thread's pause, keeps it paused)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
