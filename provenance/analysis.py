"""The face of the pipeline: ``provenance.analyze`` and the :class:`Analysis` it returns.

:func:`analyze` checks its arguments and hands the run to an engine: the pandas engine
(:mod:`provenance.engine.local`, in-process or a process pool) or the Dask engine
(:mod:`provenance.engine.dask`). Both run the stage graph of :mod:`provenance.pipeline`
(ingest -> outlets -> attribution + quotes -> reuse -> links/chains -> framing -> comparison)
and return an :class:`Analysis`, which is defined there so that engines need not import this
module: imports flow one way, face -> engines -> pipeline -> stages.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from provenance.engine import ENGINES
from provenance.engine.local import analyze_articles
from provenance.engine.pool import check_workers
from provenance.errors import invalid_parameter
from provenance.pipeline import TABLE_ORDER, Analysis
from provenance.reuse.params import ReuseParams

__all__ = ["TABLE_ORDER", "Analysis", "InputLike", "analyze", "analyze_articles"]

InputLike = str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | pd.DataFrame


def analyze(
    inputs: InputLike,
    *,
    outlets: str | os.PathLike[str] | pd.DataFrame | None = None,
    columns: Mapping[str, str] | None = None,
    framing: bool = True,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    reuse_options: Mapping[str, Any] | ReuseParams | None = None,
    engine: str = "pandas",
    workers: int | None = None,
    scheduler: str | None = None,
    engine_options: Mapping[str, Any] | None = None,
    quiet: bool = True,
) -> Analysis:
    """Run the whole pipeline on files, directories, globs or a DataFrame of articles.

    Parameters
    ----------
    inputs : paths (txt, html, csv, jsonl, parquet, warc; directories and globs) or a DataFrame
        with article columns (url, title, text, published, outlet, ...).
    outlets : a user outlet registry (CSV path or DataFrame) that adds to or overrides the shipped one.
    columns : explicit column mapping for tabular inputs, ``{"text": "article_body"}``.
    framing : compute framing features and deltas (the slowest stage).
    lexicons : framing lexicons to add or override (a folder of ``NAME.txt`` lists, a JSON file or
        a dict; see ``provenance/resources/lexicons/README.md``).
    reuse_options : :class:`provenance.reuse.ReuseParams`, or a mapping of its fields
        (``{"shingle_size": 4}``), validated before any input is read.
    engine : ``"pandas"`` (in-process) or ``"dask"`` (see :mod:`provenance.engine`).
    workers : pandas: processes for the per-article stages (outlets, attribution, quotes,
        framing scores), each on a contiguous chunk of the articles; None (the default): as
        many as the machine's cores (``engine.pool.machine_cores``); corpora with fewer than
        ``MIN_ARTICLES_PER_WORKER`` (2,000) articles a worker use fewer workers or stay
        in-process. Same tables as ``workers=1``; ``Analysis.timings`` then has those stages
        as one entry, ``"outlets, attribution, quotes, framing (2 workers)"`` (they finish
        together). Link framing, too, runs on chunks of the links in the pool when there are
        ``MIN_LINKS_PER_WORKER`` (2,000) links a worker. Dask: local cluster size.
    scheduler : Dask only: the address of an existing cluster.
    engine_options : Dask only: memory_limit, partition_bytes, parquet_dir, keep_text, ...
        (see :func:`provenance.engine.dask.analyze_dask`).
    quiet : no progress bars or per-error lines on stderr.

    Returns
    -------
    Analysis with every table of the contract (see :mod:`provenance.schema`).

    Example
    -------
    One article of our own, as a DataFrame (a folder such as ``data/demo/articles`` works alike):

    >>> import pandas as pd
    >>> import provenance
    >>> articles = pd.DataFrame({
    ...     "url": ["https://www.urdupoint.com/en/world/talks-resume.html"],
    ...     "title": ["Talks resume"], "published": ["2021-08-23"],
    ...     "text": ["MOSCOW (Sputnik) - Talks on strategic stability resumed on Monday, "
    ...              "Russian Foreign Minister Sergey Lavrov said in an interview with "
    ...              "Magyar Nemzet."]})
    >>> analysis = provenance.analyze(articles, framing=False)
    >>> analysis.chains["path"].tolist()
    ['urdupoint.com > Sputnik > Magyar Nemzet']
    >>> analysis.links[["child_outlet_id", "parent_outlet_id", "evidence"]].values.tolist()
    [['sputnik', 'magyar-nemzet', 'citation'], ['urdupoint', 'sputnik', 'credit']]
    """
    if engine not in ENGINES:
        raise invalid_parameter("engine", "analyze", f"one of {ENGINES}", engine)
    check_workers(workers)
    reuse_options = ReuseParams.from_options(reuse_options)
    if engine == "dask":
        from provenance.engine.dask import analyze_dask

        return analyze_dask(
            inputs,
            outlets=outlets,
            columns=columns,
            framing=framing,
            lexicons=lexicons,
            reuse_options=reuse_options,
            workers=workers,
            scheduler=scheduler,
            quiet=quiet,
            **dict(engine_options or {}),
        )
    if scheduler is not None or engine_options:
        raise ValueError("scheduler and engine_options apply to engine='dask' only")

    options = {"outlets": outlets, "framing": framing, "lexicons": lexicons, "quiet": quiet}
    return _analyze_locally(
        inputs, columns, reuse_options=reuse_options, workers=workers, **options
    )


def _analyze_locally(
    inputs: InputLike, columns: Mapping[str, str] | None, **options: Any
) -> Analysis:
    """The local engine on ``inputs``: a DataFrame of articles, or files streamed into the
    pool (the per-article stages start while ingest reads the rest)."""
    if isinstance(inputs, pd.DataFrame):
        from provenance.ingest import articles_from_frame

        articles, errors = articles_from_frame(inputs, columns=columns)
        return analyze_articles(articles, errors=errors, **options)
    from provenance.engine.local import analyze_stream
    from provenance.ingest import stream_articles

    stream = stream_articles(inputs, columns=columns, quiet=options["quiet"])
    return analyze_stream(stream, lambda: stream.errors, **options)
