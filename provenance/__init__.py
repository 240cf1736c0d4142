"""provenance: trace syndication chains in news corpora and score every link for framing.

>>> import provenance
>>> analysis = provenance.analyze("data/demo")      # doctest: +SKIP
>>> analysis.links.head()                          # doctest: +SKIP

The public API, one name per pipeline stage (each DataFrames in, DataFrames out):

- ``analyze(inputs, outlets=None, ...) -> Analysis`` runs everything;
- ``read_articles(paths) -> (articles, errors)``;
- ``load_registry(user_outlets=None)`` and ``assign_outlets(articles, registry)``;
- ``extract_credits``, ``extract_citations``, ``extract_quotes``;
- ``find_reuse(articles) -> (reuse, passages)``;
- ``build_links``, ``build_chains``, ``compare_outlets``;
- ``score_articles``, ``score_links``, ``framing_table``;
- ``render_html``, ``write_report``.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "analyze": "provenance.analysis",
    "analyze_articles": "provenance.engine.local",
    "Analysis": "provenance.pipeline",
    "read_articles": "provenance.ingest",
    "articles_from_frame": "provenance.ingest",
    "load_registry": "provenance.outlets",
    "assign_outlets": "provenance.outlets",
    "extract_credits": "provenance.attribution",
    "extract_citations": "provenance.attribution",
    "extract_quotes": "provenance.quotes",
    "find_reuse": "provenance.reuse",
    "build_links": "provenance.chains",
    "build_chains": "provenance.chains",
    "compare_outlets": "provenance.chains",
    "score_articles": "provenance.framing",
    "score_links": "provenance.framing",
    "framing_table": "provenance.framing",
    "render_html": "provenance.report",
    "write_report": "provenance.report",
    "TABLES": "provenance.schema",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    # Stages load on first use, so `import provenance` stays fast and the CLI starts quickly.
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'provenance' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return __all__
