"""The stage graph both engines run, and :class:`Analysis`, the tables it returns.

ingest -> outlets -> attribution + quotes -> reuse -> links/chains -> framing -> comparison.
Each stage takes DataFrames and returns DataFrames. An engine (:mod:`provenance.engine`) reads
the inputs, runs :func:`article_stages` on batches of articles, finds reuse and ends with
:func:`finish_analysis`; where the work runs (one process, a process pool, a Dask cluster) is
the engine's business, what is computed is this module's.

Imports flow one way: the face (:mod:`provenance.analysis`, the CLI) -> engines -> this module
-> the stages; this module imports no engine, so an engine that wants link framing in a pool
passes its own ``frame_links`` to :func:`finish_analysis` (and ``count_terms`` for the links'
TF-IDF).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from provenance.memory import release_freed_memory
from provenance.progress import StageClock
from provenance.schema import conform, empty

if TYPE_CHECKING:
    from provenance.chains.match import TermCounter
    from provenance.outlets.registry import OutletRegistry

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


@dataclass
class Analysis:
    """Every table of one run, as DataFrames (``analysis.links``, ``analysis.chains``, ...).

    Example
    -------
    >>> import provenance
    >>> articles = pd.DataFrame({
    ...     "url": ["https://www.urdupoint.com/en/world/talks-resume.html"],
    ...     "title": ["Talks resume"],
    ...     "text": ["MOSCOW (Sputnik) - Talks resumed, Sergey Lavrov told Magyar Nemzet."]})
    >>> analysis = provenance.analyze(articles, framing=False)
    >>> analysis.summary()["links"], analysis.chains["path"].tolist()
    (2, ['urdupoint.com > Sputnik > Magyar Nemzet'])
    >>> analysis.trace(analysis.articles.loc[0, "article_id"])[["hop", "label"]]
       hop          label
    0    0  urdupoint.com
    1    1        Sputnik
    2    2  Magyar Nemzet
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

        >>> analysis.trace("https://example.com/story")             # doctest: +SKIP
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


# The attribution and quote stages run a block of articles at a time. The three extractors
# rejoin tokenised text through one cache of the last 4,096 rejoined texts (a title and a
# text an article, attribution._input): on a pool chunk of 10,000 ABP articles each extractor
# rejoined every text again (~170 us an article, charged twice more). Blocks of 1,500 keep a
# block's texts cached from credits to quotes; any partition gives the same rows.
ATTRIBUTION_BLOCK = 1_500


def article_stages(
    articles: pd.DataFrame,
    registry: OutletRegistry,
    *,
    framing: bool = True,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    clock: StageClock | None = None,
) -> dict[str, pd.DataFrame | None]:
    """Every per-article stage on a batch of articles; both engines run exactly this.

    Outlets, credits and citations (with the articles' dateline_place and credit_text), quotes
    and, with ``framing``, the article framing scores and their evidence strings
    (:func:`provenance.framing.table.evidence_strings`). Each article's
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
    parts = []
    for start in range(0, max(len(articles), 1), ATTRIBUTION_BLOCK):
        block = articles.iloc[start : start + ATTRIBUTION_BLOCK]
        last = start + ATTRIBUTION_BLOCK >= len(articles)
        with clock("attribution", advance=last):
            credits = extract_credits(block, registry)
            citations = extract_citations(block, registry)
            block = with_dateline_fields(block, credits)
        with clock("quotes", advance=last):
            parts.append((block, credits, citations, extract_quotes(block, registry)))
    if len(parts) > 1:
        articles = pd.concat([part[0] for part in parts])
        credits, citations, quotes = (
            concat_article_parts([part[i] for part in parts], name)
            for i, name in ((1, "credits"), (2, "citations"), (3, "quotes"))
        )
    else:
        articles, credits, citations, quotes = parts[0]
    scores = evidence = sentences = None
    if framing:
        from provenance.framing.articles import article_scores_detail

        with clock("framing"):
            # The body sentences (offsets, VADER compounds) go on to link framing, which would
            # split and score them again (framing.links._involved_sentences). The evidence is
            # joined here, a chunk at a time in the pool, rather than in the parent at the end:
            # the spans of 20,000 ABP articles (~2.2M rows, ~270 MB) never reach the parent.
            scored = article_scores_detail(articles, quotes, lexicons=lexicons, evidence="strings")
            scores, sentences, evidence = scored.scores, scored.sentences, scored.evidence
            del scored
    return {
        "evidence": evidence,
        "articles": articles,
        "credits": credits,
        "citations": citations,
        "quotes": quotes,
        "scores": scores,
        "sentences": sentences,
    }


# How the per-article stage functions order their rows (stable sorts keep each article's own
# order), so that tables of partitions put together equal the tables of the whole batch.
_STAGE_ORDER = {
    "credits": ["article_id"],
    "citations": ["article_id"],
    "quotes": ["article_id"],
    "scores": ["article_id"],
    "sentences": ["article_id"],
    "evidence": ["target_id", "feature"],
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


@dataclass
class LinkFramingInputs:
    """What link framing reads besides the links and the articles' texts: the run's tables
    and the lexicons, as :func:`provenance.framing.score_links` takes them (:meth:`arguments`).

    ``sentences`` (the framing stage's body sentences, optional) saves splitting and scoring
    the linked articles' sentences again.
    """

    reuse: pd.DataFrame
    passages: pd.DataFrame
    quotes: pd.DataFrame
    citations: pd.DataFrame
    credits: pd.DataFrame
    article_scores: pd.DataFrame
    sentences: pd.DataFrame | None = None
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None

    def arguments(self) -> dict[str, Any]:
        """The keyword arguments of :func:`~provenance.framing.score_links`, by field name."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


# How link framing is run: :func:`link_framing` in-process, or an engine's own (the pandas
# engine's scores chunks of the links in its process pool); called as ``frame_links(links,
# texts, inputs)``, same tables. It returns (scores, evidence), or a pending result: called, it
# returns them; ``close()`` (if it has one) drops it. finish_analysis builds the chains before
# calling it.
LinkFraming = Callable[[pd.DataFrame, pd.DataFrame, LinkFramingInputs], Any]


def finish_analysis(
    articles: pd.DataFrame,
    *,
    registry: OutletRegistry,
    credits: pd.DataFrame,
    citations: pd.DataFrame,
    quotes: pd.DataFrame,
    reuse: pd.DataFrame,
    passages: pd.DataFrame,
    errors: pd.DataFrame | None = None,
    article_scores: pd.DataFrame | None = None,
    article_evidence: pd.DataFrame | None = None,
    article_sentences: pd.DataFrame | None = None,
    texts: pd.DataFrame | Callable[[pd.DataFrame], pd.DataFrame] | None = None,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    frame_links: LinkFraming | None = None,
    count_terms: TermCounter | None = None,
    clock: StageClock | None = None,
) -> Analysis:
    """The stages on the (small) graph: links, chains, link framing, outlet comparison.

    Both engines end here. ``texts`` holds article_id, title and text of at least the linked
    articles when ``articles`` carries no text, or is a function of the links that returns them
    (the Dask engine keeps texts on the workers and fetches only the linked ones).
    ``frame_links`` scores the links (default :func:`link_framing`, in-process; the pandas
    engine passes one that uses its process pool). ``article_sentences`` (the framing stage's
    body sentences, optional) saves link framing splitting and scoring them again.
    ``count_terms`` counts the terms of the outlet-only links' texts for their TF-IDF (default
    in this process; the pandas engine's counts them in its pool).
    """
    clock = clock or StageClock(stage_names(article_scores is not None), quiet=True)
    per_article = {"credits": credits, "citations": citations, "quotes": quotes}
    with clock("links"):
        links, outlet_rows = _links_and_outlets(
            registry, articles, reuse, passages, credits, citations, quotes, count_terms
        )
    framed: Any = None
    if article_scores is not None:
        # Started before the chains, which it does not need: an engine whose frame_links
        # returns a pending result scores the links in its pool while this process builds the
        # chains (first 5,000 ABP articles: chains 0.3-0.4 CPU s, one core idle before).
        with clock("link framing", advance=False):
            inputs = LinkFramingInputs(
                reuse=reuse,
                passages=passages,
                article_scores=article_scores,
                sentences=article_sentences,
                lexicons=lexicons,
                **per_article,
            )
            framed = frame_links_of(
                links,
                articles if texts is None else texts,
                inputs,
                frame_links=frame_links or link_framing,
            )
        inputs = article_sentences = None  # (the link framing jobs hold the rows they need)
    with clock("chains"), _closed_on_error(framed):
        graph = _chains_and_stories(articles, links, outlet_rows, reuse, credits, citations)
    # The graph's articles are the ones the tables keep: the unsorted table, its text, goes
    # once _compared_tables has them sorted (an engine hands its own over: the pandas engine's).
    del articles, texts
    framing_long = empty("framing")
    if article_scores is not None:
        with clock("link framing"):
            link_scores, link_evidence = framed() if callable(framed) else framed
            graph.links, graph.articles, framing_long = _with_link_scores(
                graph.links,
                graph.articles,
                article_scores,
                article_evidence,
                link_scores,
                link_evidence,
            )
            # The evidence strings are in the framing table now: freed before the comparison
            # and the write (an engine passes them here alone: the pandas engine pops them),
            # with what building the table took (first 20,000 ABP articles: 1,646 -> 1,356 MB).
            framed = article_evidence = link_evidence = None
            release_freed_memory()
    with clock("comparison"):
        tables = _compared_tables(
            graph,
            reuse=reuse,
            passages=passages,
            framing=framing_long,
            errors=errors if errors is not None else empty("errors"),
            **per_article,
        )
    clock.close()
    ordered = {name: tables[name].reset_index(drop=True) for name in TABLE_ORDER}
    return Analysis(ordered, clock.timings)


@dataclass
class _Graph:
    """The provenance graph of a run: the articles (with story_id) and the tables built on them."""

    articles: pd.DataFrame
    links: pd.DataFrame
    outlets: pd.DataFrame
    chains: pd.DataFrame
    chain_hops: pd.DataFrame
    stories: pd.DataFrame


def _chains_and_stories(
    articles: pd.DataFrame,
    links: pd.DataFrame,
    outlet_rows: pd.DataFrame,
    reuse: pd.DataFrame,
    credits: pd.DataFrame,
    citations: pd.DataFrame,
) -> _Graph:
    """Chains and chain hops along the links, and stories; the articles gain their story_id."""
    from provenance.chains import build_chains
    from provenance.chains.stories import build_stories

    chains, chain_hops = build_chains(links, articles, outlet_rows)
    stories, story_id = build_stories(
        articles,
        reuse,
        credits=credits,
        citations=citations,
        chains=chains,
        outlets=outlet_rows,
    )
    return _Graph(
        articles=articles.assign(story_id=story_id),
        links=links,
        outlets=outlet_rows,
        chains=chains,
        chain_hops=chain_hops,
        stories=stories,
    )


def frame_links_of(
    links: pd.DataFrame,
    texts: pd.DataFrame | Callable[[pd.DataFrame], pd.DataFrame],
    inputs: LinkFramingInputs,
    *,
    frame_links: LinkFraming,
) -> Any:
    """``frame_links(links, texts, inputs)``, ``texts`` first called on the links when it is a
    function of them: (scores, evidence), or a pending result that returns them when called
    (see :data:`LinkFraming`)."""
    if callable(texts):
        texts = texts(links)
    return frame_links(links, texts, inputs)


@contextmanager
def _closed_on_error(pending: Any) -> Iterator[None]:
    """Close a pending link framing (its ``close``) if the block raises: its pool stops."""
    try:
        yield
    except BaseException:
        close = getattr(pending, "close", None)
        if close is not None:
            close()
        raise


def _compared_tables(graph: _Graph, **tables: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every table of the run by name: the graph's (articles sorted by article_id, links in
    the contract), the given ``tables`` as they are, and the outlet comparison of them all."""
    from provenance.chains import compare_outlets

    # Sorted first and kept in the graph's stead: the unsorted articles (their text: 120 MB on
    # the first 20,000 ABP articles) are not kept beside them through the comparison.
    graph.articles = conform(graph.articles.sort_values("article_id"), "articles")
    out = {
        "articles": graph.articles,
        "outlets": graph.outlets,
        "links": conform(graph.links, "links"),
        "chains": graph.chains,
        "chain_hops": graph.chain_hops,
        "stories": graph.stories,
        **tables,
    }
    out["outlet_comparison"] = compare_outlets(
        out["articles"], out["links"], graph.chains, graph.outlets, stories=graph.stories
    )
    return out


def _links_and_outlets(
    registry: OutletRegistry,
    articles: pd.DataFrame,
    reuse: pd.DataFrame,
    passages: pd.DataFrame,
    credits: pd.DataFrame,
    citations: pd.DataFrame,
    quotes: pd.DataFrame,
    count_terms: TermCounter | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(links, outlets): the provenance graph's edges, and the outlet rows of every outlet the
    run touched, the links' own included."""
    from provenance.chains import build_links

    outlet_rows = _outlets_seen(registry, articles, credits, citations)
    links = build_links(
        articles,
        reuse=reuse,
        passages=passages,
        credits=credits,
        citations=citations,
        quotes=quotes,
        outlets=outlet_rows,
        count_terms=count_terms,
    )
    return links, _outlets_seen(registry, articles, credits, citations, links)


def _with_link_scores(
    links: pd.DataFrame,
    articles: pd.DataFrame,
    article_scores: pd.DataFrame,
    article_evidence: pd.DataFrame | None,
    link_scores: pd.DataFrame,
    link_evidence: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(links, articles, framing table) once the framing scores are in: links and articles
    gain their score columns, and the long framing table holds both with their evidence."""
    from provenance.framing import framing_table

    links = links.merge(link_scores, on="link_id", how="left")
    missing = [c for c in article_scores.columns if c not in articles.columns]
    if missing:
        articles = articles.merge(
            article_scores[["article_id", *missing]], on="article_id", how="left"
        )
    # Passed as two frames, not concatenated: on 20,000 ABP articles that copy was ~280 MB.
    evidence = [frame for frame in (article_evidence, link_evidence) if frame is not None]
    return links, articles, framing_table(article_scores, link_scores, evidence)


def link_framing(
    links: pd.DataFrame, texts: pd.DataFrame, inputs: LinkFramingInputs
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`provenance.framing.score_links` of ``links`` (scores and evidence), in-process.

    A link's values depend on its child and parent only, so an engine may score contiguous
    chunks of the links (sorted by link_id) each with its own articles' rows and put the
    chunks' tables together (:func:`provenance.engine.local.pooled_link_framing`).

    >>> scores, evidence = link_framing(links, articles, LinkFramingInputs(...))  # doctest: +SKIP
    """
    from provenance.framing import score_links

    return score_links(links, texts, **inputs.arguments(), return_evidence=True)


def _outlets_seen(
    registry: OutletRegistry,
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
