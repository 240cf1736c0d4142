"""The whole pipeline behind ``provenance.analyze`` and ``provenance analyze``.

ingest -> outlets -> attribution + quotes -> reuse -> links/chains -> framing -> comparison.
Each stage takes DataFrames and returns DataFrames; :class:`Analysis` holds them all.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from provenance.engine import ENGINES, pool
from provenance.engine.pool import (
    check_workers,
    contiguous_chunks,
    pool_size,
    release_freed_memory,
    run_in_pool,
)
from provenance.progress import StageClock
from provenance.schema import conform, empty

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
    "stories",
    "outlet_comparison",
    "framing",
    "errors",
)


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
    reuse_options : parameters for :func:`provenance.reuse.find_reuse` (shingle_size, ...).
    engine : ``"pandas"`` (in-process) or ``"dask"`` (see :mod:`provenance.engine`).
    workers : pandas: processes for the per-article stages (outlets, attribution, quotes,
        framing scores), each on a contiguous chunk of the articles; corpora with fewer than
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
    >>> import provenance
    >>> analysis = provenance.analyze("../shared/seed/")                 # doctest: +SKIP
    >>> analysis.chains["path"].tolist()                                 # doctest: +SKIP
    ['urdupoint.com > Sputnik > Magyar Nemzet']
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    check_workers(workers)
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
        workers=workers,
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
    workers: int | None = None,
    quiet: bool = True,
) -> Analysis:
    """The pipeline after ingest, on an articles table that conforms to the contract.

    ``workers`` runs the per-article stages in that many processes, as in :func:`analyze`.

    >>> articles, errors = provenance.read_articles("data/demo/articles")  # doctest: +SKIP
    >>> provenance.analyze_articles(articles, errors=errors, framing=False)  # doctest: +SKIP
    """
    from provenance.outlets import load_registry
    from provenance.reuse import find_reuse

    n_workers = pool_size(len(articles), check_workers(workers))
    registry = load_registry(outlets)
    clock = StageClock(stage_names(framing, n_workers), quiet=quiet)
    if n_workers > 1:
        # The stages run side by side, so they are timed as one block under a combined name.
        with clock(stage_names(framing, n_workers)[0]):
            per_article = parallel_article_stages(
                articles, registry, framing=framing, lexicons=lexicons, workers=n_workers
            )
    else:
        per_article = article_stages(
            articles, registry, framing=framing, lexicons=lexicons, clock=clock
        )
    articles = per_article["articles"]
    with clock("reuse"):
        reuse, passages = find_reuse(
            articles,
            credits=per_article["credits"],
            outlets=registry.table,
            quiet=quiet,
            **dict(reuse_options or {}),
        )
    return finish_analysis(
        articles,
        registry=registry,
        credits=per_article["credits"],
        citations=per_article["citations"],
        quotes=per_article["quotes"],
        reuse=reuse,
        passages=passages,
        errors=errors,
        article_scores=per_article["scores"],
        article_evidence=per_article["evidence"],
        lexicons=lexicons,
        workers=check_workers(workers) or 1,
        clock=clock,
    )


def article_stages(
    articles: pd.DataFrame,
    registry: Any,
    *,
    framing: bool = True,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    clock: StageClock | None = None,
) -> dict[str, pd.DataFrame | None]:
    """Every per-article stage on a batch of articles; both engines run exactly this.

    Outlets, credits and citations (with the articles' dateline_place and credit_text), quotes
    and, with ``framing``, the article framing scores and their evidence spans. Each article's
    results depend on that article only, so any partition of the corpus gives the same rows.

    >>> from provenance.outlets import load_registry
    >>> arts = pd.DataFrame({"article_id": ["a1"], "url": ["https://example.org/a"],
    ...     "title": ["Talks"], "text": ["MOSCOW (Sputnik) - Talks resumed, officials said."]})
    >>> out = article_stages(arts, load_registry(), framing=False)
    >>> out["credits"]["outlet_id"].tolist()
    ['sputnik']
    """
    from provenance.attribution import extract_citations, extract_credits
    from provenance.outlets import assign_outlets
    from provenance.quotes import extract_quotes

    clock = clock or StageClock(stage_names(framing), quiet=True)
    with clock("outlets"):
        articles = articles.copy()
        articles["outlet_id"] = assign_outlets(articles, registry).astype("string")
    with clock("attribution"):
        credits = extract_credits(articles, registry)
        citations = extract_citations(articles, registry)
        articles = with_dateline_fields(articles, credits)
    with clock("quotes"):
        quotes = extract_quotes(articles, registry)
    scores = evidence = None
    if framing:
        from provenance.framing import score_articles

        with clock("framing"):
            scores, evidence = score_articles(
                articles, quotes, lexicons=lexicons, return_evidence=True
            )
    return {
        "evidence": evidence,
        "articles": articles,
        "credits": credits,
        "citations": citations,
        "quotes": quotes,
        "scores": scores,
    }


def parallel_article_stages(
    articles: pd.DataFrame,
    registry: Any,
    *,
    framing: bool = True,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    workers: int = 2,
) -> dict[str, pd.DataFrame | None]:
    """:func:`article_stages` on ``workers`` contiguous chunks of ``articles`` in a process pool.

    Returns exactly what ``article_stages`` returns on the whole batch: each article's rows
    depend on that article only, and the chunks' tables are put together as the Dask engine
    puts its partitions' together (:func:`concat_article_parts`). Only our own objects cross
    the process boundary (the articles, the registry, the lexicons argument, the tables).

    Workers are started with "spawn": a fresh interpreter per worker costs about a second of
    imports, but "fork" would copy a parent whose threads (pyarrow, tqdm, a Dask client) may
    hold locks, and it is not available everywhere. As with any multiprocessing code, a script
    must create the pool under ``if __name__ == "__main__":``.

    >>> out = parallel_article_stages(articles, load_registry(), workers=2)  # doctest: +SKIP
    """
    jobs = (
        {"articles": chunk, "registry": registry, "framing": framing, "lexicons": lexicons}
        for chunk in contiguous_chunks(articles, workers)
    )
    parts = run_in_pool(article_stages, jobs, workers)
    out: dict[str, pd.DataFrame | None] = {"scores": None, "evidence": None}
    names = ["articles", "credits", "citations", "quotes"] + (
        ["scores", "evidence"] if framing else []
    )
    for name in names:
        pieces = [part.pop(name) for part in parts]  # each chunk's table freed once combined
        out[name] = concat_article_parts(pieces, name)
    out["articles"].index = articles.index  # as article_stages keeps it
    del parts, pieces
    release_freed_memory()
    return out


# How the per-article stage functions order their rows (stable sorts keep each article's own
# order), so that tables of partitions put together equal the tables of the whole batch.
_STAGE_ORDER = {
    "credits": ["article_id"],
    "citations": ["article_id"],
    "quotes": ["article_id"],
    "scores": ["article_id"],
    "evidence": ["target_id", "feature", "start"],
}


def concat_article_parts(frames: Sequence[pd.DataFrame | None], name: str | None) -> pd.DataFrame:
    """One table of :func:`article_stages` from its partitions' tables, in partition order.

    Rows are ordered as the stage orders them on the whole batch (articles keep the input
    order); ``name`` is the table's name in the contract (None: no sorting, no empty schema).
    Both the Dask engine and the pandas engine's process pool use this.

    >>> a = pd.DataFrame({"article_id": ["b"], "n": [1]})
    >>> b = pd.DataFrame({"article_id": ["a"], "n": [2]})
    >>> concat_article_parts([a, b], "quotes")["article_id"].tolist()
    ['a', 'b']
    """
    frames = [f for f in frames if f is not None]
    if not frames:
        return empty(name) if name else pd.DataFrame()
    frames = [f for f in frames if len(f)] or frames[:1]  # empty parts may carry other dtypes
    out = pd.concat(frames, ignore_index=True)
    keys = _STAGE_ORDER.get(name or "")
    if keys:
        out = out.sort_values(keys, kind="stable", ignore_index=True)
    return out


def stage_names(framing: bool, workers: int = 1) -> list[str]:
    """The stages a run reports progress and timings for, in order.

    With several workers the per-article stages finish together and count as one stage:

    >>> stage_names(False, workers=2)[:2]
    ['outlets, attribution, quotes (2 workers)', 'reuse']
    """
    per_article = ["outlets", "attribution", "quotes"] + (["framing"] if framing else [])
    if workers > 1:
        per_article = [f"{', '.join(per_article)} ({workers} workers)"]
    stages = [*per_article, "reuse", "links", "chains"]
    return stages + (["link framing"] if framing else []) + ["comparison"]


def with_dateline_fields(articles: pd.DataFrame, credits: pd.DataFrame) -> pd.DataFrame:
    """``articles`` with dateline_place and credit_text from each article's first credit."""
    from provenance.attribution import dateline_fields

    fields = dateline_fields(credits).set_index("article_id")
    articles = articles.copy()
    for col in ("dateline_place", "credit_text"):
        articles[col] = articles["article_id"].map(fields[col]).astype("string")
    return articles


def finish_analysis(
    articles: pd.DataFrame,
    *,
    registry: Any,
    credits: pd.DataFrame,
    citations: pd.DataFrame,
    quotes: pd.DataFrame,
    reuse: pd.DataFrame,
    passages: pd.DataFrame,
    errors: pd.DataFrame | None = None,
    article_scores: pd.DataFrame | None = None,
    article_evidence: pd.DataFrame | None = None,
    texts: pd.DataFrame | Callable[[pd.DataFrame], pd.DataFrame] | None = None,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    workers: int = 1,
    clock: StageClock | None = None,
) -> Analysis:
    """The stages on the (small) graph: links, chains, link framing, outlet comparison.

    Both engines end here. ``texts`` holds article_id, title and text of at least the linked
    articles when ``articles`` carries no text, or is a function of the links that returns them
    (the Dask engine keeps texts on the workers and fetches only the linked ones). ``workers``
    scores the links in a process pool (see :func:`link_framing`).
    """
    from provenance.chains import build_chains, build_links, compare_outlets
    from provenance.chains.stories import build_stories

    clock = clock or StageClock(stage_names(article_scores is not None), quiet=True)
    with clock("links"):
        outlet_rows = _outlets_seen(registry, articles, credits, citations)
        links = build_links(
            articles,
            reuse=reuse,
            passages=passages,
            credits=credits,
            citations=citations,
            quotes=quotes,
            outlets=outlet_rows,
        )
        outlet_rows = _outlets_seen(registry, articles, credits, citations, links)
    with clock("chains"):
        chains, chain_hops = build_chains(links, articles, outlet_rows)
        stories, story_id = build_stories(
            articles,
            reuse,
            credits=credits,
            citations=citations,
            chains=chains,
            outlets=outlet_rows,
        )
        articles = articles.assign(story_id=story_id)
    framing_long = empty("framing")
    if article_scores is not None:
        from provenance.framing import framing_table

        with clock("link framing"):
            if texts is None:
                texts = articles
            elif callable(texts):
                texts = texts(links)
            link_scores, link_evidence = link_framing(
                links,
                texts,
                reuse=reuse,
                passages=passages,
                quotes=quotes,
                citations=citations,
                credits=credits,
                article_scores=article_scores,
                lexicons=lexicons,
                workers=workers,
            )
            links = links.merge(link_scores, on="link_id", how="left")
            missing = [c for c in article_scores.columns if c not in articles.columns]
            if missing:
                articles = articles.merge(
                    article_scores[["article_id", *missing]], on="article_id", how="left"
                )
            evidence = pd.concat([article_evidence, link_evidence], ignore_index=True)
            framing_long = framing_table(article_scores, link_scores, evidence)
    with clock("comparison"):
        tables = {
            "articles": conform(articles.sort_values("article_id"), "articles"),
            "outlets": outlet_rows,
            "credits": credits,
            "citations": citations,
            "quotes": quotes,
            "reuse": reuse,
            "passages": passages,
            "links": conform(links, "links"),
            "chains": chains,
            "chain_hops": chain_hops,
            "stories": stories,
            "framing": framing_long,
            "errors": errors if errors is not None else empty("errors"),
        }
        tables["outlet_comparison"] = compare_outlets(
            tables["articles"], tables["links"], chains, outlet_rows, stories=stories
        )
    clock.close()
    ordered = {name: tables[name].reset_index(drop=True) for name in TABLE_ORDER}
    return Analysis(ordered, clock.timings)


def link_framing(
    links: pd.DataFrame,
    texts: pd.DataFrame,
    *,
    reuse: pd.DataFrame,
    passages: pd.DataFrame,
    quotes: pd.DataFrame,
    citations: pd.DataFrame,
    credits: pd.DataFrame,
    article_scores: pd.DataFrame,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    workers: int = 1,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`provenance.framing.score_links` (scores and evidence), on contiguous chunks of the
    links sorted by link_id in a process pool when ``workers`` > 1 and there are at least
    ``MIN_LINKS_PER_WORKER`` links a worker.

    A link's values depend on its child and parent only, so each chunk gets the rows of its own
    articles and the chunks' tables, in link_id order, are the tables of the whole batch.

    >>> scores, evidence = link_framing(links, articles, reuse=reuse, ...)  # doctest: +SKIP
    """
    from provenance.framing import score_links

    tables = {
        "reuse": reuse,
        "passages": passages,
        "quotes": quotes,
        "citations": citations,
        "credits": credits,
        "article_scores": article_scores,
    }
    n_workers = pool_size(len(links), workers, pool.MIN_LINKS_PER_WORKER)
    if n_workers == 1:
        return score_links(links, texts, lexicons=lexicons, return_evidence=True, **tables)
    links = links.sort_values("link_id", kind="stable", ignore_index=True)
    texts = texts[[c for c in ("article_id", "title", "text") if c in texts.columns]]
    jobs = _link_chunks(links, n_workers, texts=texts, lexicons=lexicons, **tables)
    parts = run_in_pool(score_links, jobs, n_workers)
    scores = pd.concat([part[0] for part in parts], ignore_index=True)
    evidence = pd.concat([part[1] for part in parts], ignore_index=True)
    del parts
    release_freed_memory()
    return scores, evidence


def _link_chunks(
    links: pd.DataFrame,
    n: int,
    *,
    reuse: pd.DataFrame,
    passages: pd.DataFrame,
    lexicons: Any,
    **by_article: pd.DataFrame,
) -> Iterator[dict[str, Any]]:
    """score_links arguments for ``n`` contiguous chunks of ``links``, each with the rows of
    its own articles only (``by_article`` tables are keyed by article_id)."""
    article_keys = {name: t["article_id"].astype(str) for name, t in by_article.items()}
    reuse_child = reuse["child_article_id"].astype(str)
    reuse_parent = reuse["parent_article_id"].astype(str)
    for chunk in contiguous_chunks(links, n):
        ids = pd.concat([chunk["child_article_id"], chunk["parent_article_id"]]).dropna()
        ids = ids.astype(str).unique()
        pairs = reuse[(reuse_child.isin(ids) & reuse_parent.isin(ids)).to_numpy()]
        job = {
            name: by_article[name][key.isin(ids).to_numpy()] for name, key in article_keys.items()
        }
        yield {
            "links": chunk,
            "articles": job.pop("texts"),
            "reuse": pairs,
            "passages": passages[passages["pair_id"].isin(pairs["pair_id"]).to_numpy()],
            **job,
            "lexicons": lexicons,
            "return_evidence": True,
        }


def _outlets_seen(
    registry: Any,
    articles: pd.DataFrame,
    credits: pd.DataFrame,
    citations: pd.DataFrame,
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
