"""Execution engines for :func:`provenance.analyze`.

``engine="pandas"`` (the default) runs every stage in-process, or the per-article stages and
link framing in a local process pool with ``workers=N`` (:mod:`provenance.engine.local`, its
pool helpers in :mod:`provenance.engine.pool`);
``engine="dask"`` runs the same stage functions on a Dask cluster
(:func:`provenance.engine.dask.analyze_dask`, optional extra ``pip install "provenance[dask]"``).
Both run the stage graph of :mod:`provenance.pipeline`; :func:`provenance.analyze`
(:mod:`provenance.analysis`) picks one. This package imports nothing heavy: Dask is imported
only when the Dask engine runs.

>>> from provenance.engine import ENGINES
>>> ENGINES
('pandas', 'dask')
"""

from __future__ import annotations

ENGINES = ("pandas", "dask")

__all__ = ["ENGINES"]
