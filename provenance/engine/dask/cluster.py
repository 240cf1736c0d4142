"""The Dask cluster: a local one, or a client of an existing scheduler."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from typing import Any

from provenance.engine.dask.options import DaskOptions

EXTRA_HINT = 'the Dask engine needs the optional extra: pip install "provenance[dask]"'


def require_dask() -> Any:
    """The ``distributed`` module, or an ImportError naming the extra to install."""
    try:
        import dask  # noqa: F401
        import distributed
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(EXTRA_HINT) from exc
    return distributed


@contextlib.contextmanager
def open_client(distributed: Any, opts: DaskOptions, quiet: bool) -> Iterator[Any]:
    """A client of ``opts.scheduler``, or of a local cluster started (and closed) here."""
    if opts.scheduler is not None:
        client = distributed.Client(opts.scheduler, set_as_default=False)
        cluster = None
    else:
        n = opts.workers or 2
        cluster = distributed.LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=opts.processes,
            memory_limit=memory_limit(opts.memory_limit, n),
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        client = distributed.Client(cluster, set_as_default=False)
    try:
        if not quiet and client.dashboard_link:
            print(f"provenance: dask dashboard at {client.dashboard_link}", file=sys.stderr)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def memory_limit(limit: int | str, n_workers: int) -> int | str:
    """Bytes per local worker: ``"auto"`` splits 80% of the memory, at most 8 GB each."""
    if limit != "auto":
        return limit
    import psutil

    return int(min(0.8 * psutil.virtual_memory().total / n_workers, 8 << 30))
