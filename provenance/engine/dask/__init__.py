"""The Dask engine: the same analysis as the pandas engine, on a Dask cluster.

``provenance.analyze(inputs, engine="dask")`` (or ``provenance analyze --engine dask``) runs here.
The tables it returns equal the pandas engine's, row for row; only where the work runs differs:

- **per partition** (a batch of input files or a table partition): ingest, outlet resolution,
  attribution, quotes and per-article framing, calling the very functions the pandas engine
  calls (:mod:`.partitions`);
- **global statistics first**: duplicate articles across partitions (the first one read is
  kept) and the document frequency of every shingle (a distributed count: the cap drops the
  same shingles as on one machine);
- **pair stages as shuffles** over the public building blocks of :mod:`provenance.reuse`
  (:mod:`.reuse`, :mod:`.shuffle`);
- **in-process on the small tables**: each child's best parent, links, chains, link framing and
  the outlet comparison, with the existing functions (:mod:`.run`).

The cluster itself: :mod:`.cluster`; options: :class:`DaskOptions` (:mod:`.options`).

Example
-------
>>> import provenance
>>> a = provenance.analyze("data/demo/articles", outlets="data/demo/outlets.csv",
...                        engine="dask", workers=2)                    # doctest: +SKIP
>>> a.links.shape                                                       # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import pandas as pd

from provenance.engine.dask.cluster import open_client, require_dask
from provenance.engine.dask.options import DaskOptions
from provenance.engine.dask.partitions import doc_keys, write_parquet_parts
from provenance.engine.dask.run import Job, Run
from provenance.reuse import ReuseParams

__all__ = ["DaskOptions", "analyze_dask", "doc_keys", "write_parquet_parts"]


def analyze_dask(
    inputs: Any,
    *,
    outlets: str | os.PathLike[str] | pd.DataFrame | None = None,
    columns: Mapping[str, str] | None = None,
    framing: bool = True,
    reuse_options: Mapping[str, Any] | ReuseParams | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    quiet: bool = True,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    **options: Any,
) -> Any:
    """Run the whole analysis on a Dask cluster; returns the same :class:`Analysis` as pandas.

    Parameters are those of :func:`provenance.analyze`; ``workers`` sizes a
    ``distributed.LocalCluster`` (default 2 workers, one thread each) and ``scheduler``
    connects to an existing cluster instead. Further keywords are :class:`DaskOptions`
    (memory_limit, processes, partition_bytes, keep_text, parquet_dir, buckets).

    Example
    -------
    >>> a = analyze_dask("shards/articles-*.parquet", framing=False,
    ...                  workers=4, parquet_dir="out/")                       # doctest: +SKIP
    """
    from provenance.ingest.normalise import check_columns
    from provenance.outlets import load_registry

    distributed = require_dask()
    opts = DaskOptions(workers=workers, scheduler=scheduler, **options)
    if not isinstance(framing, bool):
        raise ValueError(f"framing must be True or False, got {framing!r}")
    params = ReuseParams.from_options(reuse_options)
    job = Job(outlets, check_columns(columns), framing, lexicons, params)
    load_registry(outlets)  # a bad registry fails here, before any cluster starts
    with open_client(distributed, opts, quiet) as client, client.as_current():
        return Run(client, distributed, opts, quiet).analyze(inputs, job)
