"""The whole pipeline behind ``provenance.analyze`` and ``provenance analyze``.

ingest -> outlets -> attribution + quotes -> reuse -> links/chains -> framing -> comparison.
Each stage takes DataFrames and returns DataFrames; :class:`Analysis` holds them all.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from provenance.schema import TABLES, conform, empty

TABLE_ORDER = (
    "articles",
    "outlets",
    "credits",
    "citations",
    "quotes",
    "reuse",
    "passages",
    "links",
    "chains",
    "chain_hops",
    "outlet_comparison",
    "framing",
    "errors",
)

ENGINES = ("pandas", "dask")

InputLike = str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | pd.DataFrame


@dataclass
class Analysis:
    """Every table of one run, as DataFrames (``analysis.links``, ``analysis.chains``, ...).

    Example
    -------
    >>> import provenance
    >>> analysis = provenance.analyze("data/demo")              # doctest: +SKIP
    >>> analysis.chains.sort_values("depth").tail(3)            # doctest: +SKIP
    >>> analysis.trace("https://example.com/story")             # doctest: +SKIP
    >>> analysis.to_csv("reports/")                             # doctest: +SKIP
    """

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.tables))

    def trace(self, article: str) -> pd.DataFrame:
        """The chain of one article (by article_id, URL or source file), hop by hop, with evidence.

        >>> analysis.trace("a4f1c2d3e4b5a6f7")[["hop", "label", "evidence"]]  # doctest: +SKIP
        """
        from provenance.chains.trace import trace_article

        return trace_article(self.tables, article)

    def to_csv(self, out_dir: str | os.PathLike[str], *, include_text: bool = False) -> list[Path]:
        """Write every table as CSV into ``out_dir`` (atomically)."""
        return self.write(out_dir, formats=("csv",), report=False, include_text=include_text)

    def to_parquet(self, out_dir: str | os.PathLike[str]) -> list[Path]:
        """Write every table as Parquet into ``out_dir`` (atomically); articles keep their text."""
        return self.write(out_dir, formats=("parquet",), report=False, include_text=True)

    def write(
        self,
        out_dir: str | os.PathLike[str],
        *,
        formats: tuple[str, ...] = ("csv",),
        report: bool = True,
        figures: bool = False,
        include_text: bool = False,
    ) -> list[Path]:
        """Write tables (and ``report.html``, ``figures/``) into ``out_dir``, all or nothing."""
        from provenance.io import write_tables

        extra: dict[str, Any] = {}
        if report:
            from provenance.report import write_report

            extra["report.html"] = lambda path: write_report(self.tables, path)
        if figures:
            extra["figures"] = lambda path: _write_figures(self.tables, path)
        return write_tables(
            {name: self.tables[name] for name in TABLE_ORDER if name in self.tables},
            out_dir,
            formats=formats,
            include_text=include_text,
            extra_files=extra,
        )

    def summary(self) -> dict[str, int]:
        """Row counts of every table."""
        return {name: len(self.tables[name]) for name in TABLE_ORDER if name in self.tables}

    def plot_outlets(self, ax: Any = None) -> Any:
        """Outlet comparison plot (matplotlib Figure)."""
        from provenance.report import plot_outlets

        return plot_outlets(self.tables["outlet_comparison"], ax=ax)

    def show_link(self, link_id: str) -> Any:
        """Parent and child side by side for one link (an IPython HTML object in notebooks)."""
        from provenance.report import show_link

        html = show_link(link_id, self.tables)
        try:
            from IPython.display import HTML

            return HTML(html)
        except ImportError:
            return html

    def _repr_html_(self) -> str:
        from provenance.report import summary_html

        return summary_html(self.tables)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}={v}" for k, v in self.summary().items())
        return f"Analysis({counts})"


def _write_figures(tables: Mapping[str, pd.DataFrame], directory: Path) -> None:
    from provenance.report import write_figures

    directory.mkdir(parents=True, exist_ok=True)
    write_figures(tables, directory)


def analyze(
    inputs: InputLike,
    *,
    outlets: str | os.PathLike[str] | pd.DataFrame | None = None,
    columns: Mapping[str, str] | None = None,
    framing: bool = True,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    reuse_options: Mapping[str, Any] | None = None,
    engine: str = "pandas",
    workers: int | None = None,
    scheduler: str | None = None,
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
    reuse_options : parameters for :func:`provenance.reuse.find_reuse` (shingle_size, ...).
    engine : ``"pandas"`` (in-process) or ``"dask"`` (see :mod:`provenance.engine`).
    workers, scheduler : Dask only: local cluster size, or the address of an existing cluster.
    quiet : no progress bars or per-error lines on stderr.

    Returns
    -------
    Analysis with every table of the contract (see :mod:`provenance.schema`).

    Example
    -------
    >>> import provenance
    >>> analysis = provenance.analyze("../shared/seed/")                 # doctest: +SKIP
    >>> analysis.chains["path"].tolist()                                 # doctest: +SKIP
    ['urdupoint.com > Sputnik > Magyar Nemzet']
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
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
        )
    if workers is not None or scheduler is not None:
        raise ValueError("workers and scheduler apply to engine='dask' only")

    from provenance.ingest import articles_from_frame, read_articles

    if isinstance(inputs, pd.DataFrame):
        articles, errors = articles_from_frame(inputs, columns=columns)
    else:
        articles, errors = read_articles(inputs, columns=columns, quiet=quiet)
    return analyze_articles(
        articles,
        errors=errors,
        outlets=outlets,
        framing=framing,
        lexicons=lexicons,
        reuse_options=reuse_options,
        quiet=quiet,
    )


def analyze_articles(
    articles: pd.DataFrame,
    *,
    errors: pd.DataFrame | None = None,
    outlets: str | os.PathLike[str] | pd.DataFrame | None = None,
    framing: bool = True,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    reuse_options: Mapping[str, Any] | None = None,
    quiet: bool = True,
) -> Analysis:
    """The pipeline after ingest, on an articles table that conforms to the contract."""
    from provenance.attribution import dateline_fields, extract_citations, extract_credits
    from provenance.chains import build_chains, build_links, compare_outlets
    from provenance.outlets import assign_outlets, load_registry
    from provenance.progress import progress
    from provenance.quotes import extract_quotes
    from provenance.reuse import find_reuse

    registry = load_registry(outlets)
    tables: dict[str, pd.DataFrame] = {}
    steps = ["outlets", "attribution", "quotes", "reuse", "links", "chains"]
    if framing:
        steps.append("framing")
    bar = progress(steps, desc="analyze", quiet=quiet)
    timings: dict[str, float] = {}
    for step in bar:
        started = time.perf_counter()
        if step == "outlets":
            articles = articles.copy()
            articles["outlet_id"] = assign_outlets(articles, registry).astype("string")
        elif step == "attribution":
            credits = extract_credits(articles, registry)
            citations = extract_citations(articles, registry)
            fields = dateline_fields(credits).set_index("article_id")
            for col in ("dateline_place", "credit_text"):
                articles[col] = articles["article_id"].map(fields[col]).astype("string")
        elif step == "quotes":
            quotes = extract_quotes(articles, registry)
        elif step == "reuse":
            reuse, passages = find_reuse(
                articles,
                credits=credits,
                outlets=registry.table,
                quiet=quiet,
                **dict(reuse_options or {}),
            )
        elif step == "links":
            outlet_rows = _outlets_seen(registry, articles, credits, citations, reuse)
            links = build_links(
                articles,
                reuse=reuse,
                passages=passages,
                credits=credits,
                citations=citations,
                quotes=quotes,
                outlets=outlet_rows,
            )
            outlet_rows = _outlets_seen(registry, articles, credits, citations, reuse, links)
        elif step == "chains":
            chains, chain_hops = build_chains(links, articles, outlet_rows)
        elif step == "framing":
            from provenance.framing import framing_table, score_articles, score_links

            article_scores, article_evidence = score_articles(
                articles, quotes, lexicons=lexicons, return_evidence=True
            )
            articles = articles.merge(article_scores, on="article_id", how="left")
            link_scores, link_evidence = score_links(
                links,
                articles,
                reuse=reuse,
                passages=passages,
                quotes=quotes,
                citations=citations,
                credits=credits,
                article_scores=article_scores,
                lexicons=lexicons,
                return_evidence=True,
            )
            links = links.merge(link_scores, on="link_id", how="left")
            framing_long = framing_table(
                article_scores,
                link_scores,
                pd.concat([article_evidence, link_evidence], ignore_index=True),
            )
        timings[step] = time.perf_counter() - started

    tables["articles"] = conform(articles.sort_values("article_id"), "articles")
    tables["outlets"] = outlet_rows
    tables["credits"] = credits
    tables["citations"] = citations
    tables["quotes"] = quotes
    tables["reuse"] = reuse
    tables["passages"] = passages
    tables["links"] = conform(links, "links")
    tables["chains"] = chains
    tables["chain_hops"] = chain_hops
    tables["outlet_comparison"] = compare_outlets(
        tables["articles"], tables["links"], chains, outlet_rows
    )
    tables["framing"] = framing_long if framing else empty("framing")
    tables["errors"] = errors if errors is not None else empty("errors")
    for name in TABLES:
        if name in tables and not name.startswith("_"):
            tables[name] = tables[name].reset_index(drop=True)
    return Analysis(tables, timings)


def _outlets_seen(
    registry: Any,
    articles: pd.DataFrame,
    credits: pd.DataFrame,
    citations: pd.DataFrame,
    reuse: pd.DataFrame,
    links: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Outlet rows for every outlet the run touched, unregistered names included."""
    ids = [articles["outlet_id"], credits["outlet_id"], citations["outlet_id"]]
    if links is not None:
        ids += [links["parent_outlet_id"], links["child_outlet_id"]]
    seen = pd.concat(ids, ignore_index=True).dropna().astype(str)
    registry_ids = sorted(i for i in seen.unique() if not i.startswith("entity:"))
    table = registry.outlet_table(registry_ids)
    entity_ids = sorted(i for i in seen.unique() if i.startswith("entity:"))
    if entity_ids:
        from provenance.chains.links import entity_outlet_id

        names = pd.concat([credits[["entity_text"]], citations[["entity_text"]]]).dropna()
        names["outlet_id"] = entity_outlet_id(names["entity_text"])
        first = names.drop_duplicates("outlet_id").set_index("outlet_id")["entity_text"]
        entities = pd.DataFrame(
            {
                "outlet_id": entity_ids,
                "name": [first.get(i, i.split(":", 1)[1]) for i in entity_ids],
                "ownership": "unknown",
                "kind": "other",
                "state_affiliated": False,
                "registered": False,
                "reference": "named in article text; not in the registry",
            }
        )
        table = pd.concat([table, conform(entities, "outlets")], ignore_index=True)
    return conform(table.sort_values("outlet_id"), "outlets")
