"""The pandas engine: every stage in this process, or the per-article stages and link framing
in a local process pool with ``workers=N``.

``provenance.analyze(inputs)`` (the default ``engine="pandas"``) runs :func:`analyze_articles`
after ingest. The stage graph is :mod:`provenance.pipeline`'s; this module only decides where
it runs: with enough articles (links) a worker, the per-article stages (link framing) run on
contiguous chunks in a process pool (:mod:`provenance.engine.pool`), and the chunks'
tables are put together exactly as the Dask engine puts its partitions' together.

>>> from provenance.engine.local import analyze_articles, pool_size
>>> pool_size(50_000, workers=2)  # processes for the per-article stages of 50,000 articles
2
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from provenance.engine import pool
from provenance.engine.pool import (
    PoolRun,
    check_workers,
    contiguous_chunks,
    pool_size,
)
from provenance.grouping import positions_in
from provenance.memory import release_freed_memory
from provenance.outlets.registry import OutletRegistry
from provenance.pipeline import (
    Analysis,
    LinkFramingInputs,
    article_stages,
    concat_article_parts,
    finish_analysis,
    link_framing,
    stage_names,
)
from provenance.progress import StageClock
from provenance.terms import TermCounts, joined_term_counts, term_counts

if TYPE_CHECKING:  # the reuse stage (scipy) is imported when a run needs it
    from provenance.reuse import ReuseCandidates, ReuseParams


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

    ``workers`` runs the per-article stages in that many processes, as in
    :func:`provenance.analyze`.

    >>> import pandas as pd
    >>> from provenance.ingest import articles_from_frame
    >>> articles, errors = articles_from_frame(pd.DataFrame({
    ...     "url": ["https://www.urdupoint.com/en/world/talks-resume.html"],
    ...     "text": ["MOSCOW (Sputnik) - Talks resumed on Monday, officials said."]}))
    >>> analyze_articles(articles, errors=errors, framing=False).chains["path"].tolist()
    ['urdupoint.com > Sputnik']
    """
    from provenance.outlets import load_registry
    from provenance.reuse import ReuseParams

    # Ingest, reuse and link framing leave freed memory mapped (first 20,000 ABP articles:
    # 430 MB after ingest, 450 MB after reuse, measured with VmRSS around malloc_trim); it is
    # given back after each, so that writing the tables does not start above 2 GB.
    release_freed_memory()
    workers = check_workers(workers)
    n_workers = pool_size(len(articles), workers)
    registry = load_registry(outlets)
    params = ReuseParams.from_options(reuse_options)
    clock = StageClock(stage_names(framing, n_workers), quiet=quiet)
    run = _Run(registry, params, clock, framing, lexicons, workers, quiet)
    candidates = None
    if n_workers > 1:
        # The stages run side by side, so they are timed as one block under a combined name.
        with clock(stage_names(framing, n_workers)[0]):
            per_article, candidates = _article_stages_beside_reuse(articles, run, n_workers)
    else:
        per_article = article_stages(
            articles, registry, framing=framing, lexicons=lexicons, clock=clock
        )
    return _reuse_and_finish(run, per_article, candidates, errors)


def analyze_stream(
    batches: Iterable[pd.DataFrame],
    errors: Callable[[], pd.DataFrame],
    *,
    outlets: str | os.PathLike[str] | pd.DataFrame | None = None,
    framing: bool = True,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    reuse_options: Mapping[str, Any] | None = None,
    workers: int | None = None,
    quiet: bool = True,
) -> Analysis:
    """:func:`analyze_articles` on articles that arrive in batches (an ingest stream,
    :func:`provenance.ingest.stream_articles`), with the same tables: the per-article stages
    start in the pool on the first batches while ingest reads the rest.

    ``errors()`` returns the errors table once ``batches`` is exhausted. The pool starts once
    the batches hold enough articles for its largest size (``MIN_ARTICLES_PER_WORKER`` a
    worker), so it has as many workers as ``analyze_articles`` would give the whole table; a
    corpus that never gets there is analysed as one table. Before, the pool waited for the whole
    ingest, one core idle (first 20,000 ABP articles: ingest 8.5 s).

    >>> stream = stream_articles("abp.jsonl")  # doctest: +SKIP
    >>> analysis = analyze_stream(stream, lambda: stream.errors)  # doctest: +SKIP
    """
    from provenance.outlets import load_registry
    from provenance.reuse import ReuseParams

    workers = check_workers(workers)
    most = pool_size(sys.maxsize, workers)
    if most > 1:
        pool.start_fork_server_early()
    stream, head, n_head = iter(batches), [], 0
    while most > 1 and pool_size(n_head, workers) < most:
        batch = next(stream, None)
        if batch is None:
            break
        head.append(batch)
        n_head += len(batch)
    options = {"outlets": outlets, "framing": framing, "lexicons": lexicons, "quiet": quiet}
    if most == 1 or pool_size(n_head, workers) < most:  # one process, or a small corpus
        articles = _joined(head + list(stream))
        return analyze_articles(
            articles, errors=errors(), reuse_options=reuse_options, workers=workers, **options
        )
    clock = StageClock(stage_names(framing, most), quiet=quiet)
    params = ReuseParams.from_options(reuse_options)
    run = _Run(load_registry(outlets), params, clock, framing, lexicons, workers, quiet)
    with clock(stage_names(framing, most)[0]):
        batches = itertools.chain(head, stream)
        del head  # (the chain holds the first batches until the pool has every job)
        per_article, candidates = _streamed_article_stages(batches, run, most)
    return _reuse_and_finish(run, per_article, candidates, errors())


def _joined(batches: list[pd.DataFrame]) -> pd.DataFrame:
    """The articles table of an ingest stream's batches."""
    from provenance.schema import empty

    return pd.concat(batches, ignore_index=True) if batches else empty("articles")


# Stream batches go to the pool in jobs of at least this many articles: each job pays the
# stages' fixed costs once (~70-90 ms a job: pandas calls on small tables; 3,000 ABP articles
# in one process, jobs of 20 against 1,000 articles: 8.6 against 4.3 CPU s).
STREAM_JOB_ARTICLES = 1_000
# The stream's last STREAM_TAIL_ARTICLES articles are held back until it ends, then cut into
# jobs of about STREAM_TAIL_JOB: the last jobs are short, so that neither worker waits long
# for the other at the end. Ingest outruns the pool (first 20,000 ABP articles: read in ~8 s
# of the pool's ~45), so the jobs held back never starve it. Before, the last jobs were 1,384,
# 1,000 and 781 articles (~4 ms each on a worker): one core idle for up to ~3 s.
STREAM_TAIL_ARTICLES = 1_000
STREAM_TAIL_JOB = 250


def _streamed_article_stages(
    batches: Iterator[pd.DataFrame], run: _Run, n_workers: int
) -> tuple[dict[str, pd.DataFrame | None], ReuseCandidates | None]:
    """The per-article stages of ``batches`` in a pool of ``n_workers``, each job submitted as
    soon as ingest has its articles; meanwhile :func:`_beside_the_pool`."""
    received: list[pd.DataFrame] = []
    jobs = (
        {
            "articles": job,
            "registry": run.registry,
            "framing": run.framing,
            "lexicons": run.lexicons,
        }
        for job in _jobs_of(batches, received)
    )
    with PoolRun(article_stages_without_text, jobs, n_workers) as running:
        articles = _joined(received)
        del received
        release_freed_memory()  # what ingest freed (see analyze_articles)
        parts, candidates = _beside_the_pool(running, articles, run)
    return _collected_article_stages(parts, articles, run.framing), candidates


def _jobs_of(
    batches: Iterator[pd.DataFrame], received: list[pd.DataFrame]
) -> Iterator[pd.DataFrame]:
    """``batches`` joined into jobs of ``STREAM_JOB_ARTICLES`` or more, but for the last
    ``STREAM_TAIL_ARTICLES`` or more articles: jobs of about ``STREAM_TAIL_JOB`` once the
    stream has ended. Each batch is also appended to ``received``."""
    held: list[pd.DataFrame] = []  # batches not yet in a job, in order
    for batch in batches:
        received.append(batch)
        held.append(batch)
        while True:
            sizes = np.cumsum([len(part) for part in held])
            cut = int(np.searchsorted(sizes, STREAM_JOB_ARTICLES)) + 1  # batches in the job
            if cut >= len(held) or sizes[-1] - sizes[cut - 1] < STREAM_TAIL_ARTICLES:
                break
            yield _joined(held[:cut])
            del held[:cut]
    tail = _joined(held)
    n_jobs = max(1, round(len(tail) / STREAM_TAIL_JOB))
    yield from (job for job in contiguous_chunks(tail, n_jobs) if len(job))


@dataclass
class _Run:
    """What every stage of one pandas-engine run is given."""

    registry: OutletRegistry
    params: ReuseParams
    clock: StageClock
    framing: bool
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None
    workers: int | None
    quiet: bool


def _reuse_and_finish(
    run: _Run,
    per_article: dict[str, pd.DataFrame | None],
    candidates: ReuseCandidates | None,
    errors: pd.DataFrame | None,
) -> Analysis:
    """Reuse (from its candidates, when found beside the pool) and the stages after it."""
    from provenance.reuse import find_reuse

    articles = per_article["articles"]
    with run.clock("reuse"):
        reuse, passages = find_reuse(
            articles,
            run.params,
            credits=per_article["credits"],
            outlets=run.registry.table,
            quiet=run.quiet,
            candidates=candidates,
        )
        del candidates
        release_freed_memory()
    del articles  # (handed over: finish_analysis frees the unsorted table once sorted)
    analysis = finish_analysis(
        per_article.pop("articles"),
        registry=run.registry,
        credits=per_article["credits"],
        citations=per_article["citations"],
        quotes=per_article["quotes"],
        reuse=reuse,
        passages=passages,
        errors=errors,
        article_scores=per_article["scores"],
        article_evidence=per_article.pop("evidence"),  # (popped: finish_analysis frees them)
        article_sentences=per_article.pop("sentences", None),
        lexicons=run.lexicons,
        frame_links=partial(pooled_link_framing, workers=run.workers, later=True),
        count_terms=partial(pooled_term_counts, workers=run.workers),
        clock=run.clock,
    )
    del per_article, reuse, passages  # the analysis holds what it keeps of them
    release_freed_memory()
    return analysis


def parallel_article_stages(
    articles: pd.DataFrame,
    registry: OutletRegistry,
    *,
    framing: bool = True,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None = None,
    workers: int = 2,
) -> dict[str, pd.DataFrame | None]:
    """:func:`~provenance.pipeline.article_stages` on ``workers`` contiguous chunks of
    ``articles`` in a process pool.

    Returns exactly what ``article_stages`` returns on the whole batch: each article's rows
    depend on that article only, and the chunks' tables are put together as the Dask engine
    puts its partitions' together (:func:`~provenance.pipeline.concat_article_parts`). Only our
    own objects cross the process boundary (the articles, the registry, the lexicons argument,
    the tables).

    Workers are forked from a fork server that has imported the stages once (elsewhere they
    are spawned: :func:`~provenance.engine.pool.pool_context`), never from this process, whose
    threads (pyarrow, tqdm, a Dask client) may hold locks. As with any multiprocessing code, a script
    must create the pool under ``if __name__ == "__main__":``.

    >>> out = parallel_article_stages(articles, load_registry(), workers=2)  # doctest: +SKIP
    """
    with _submit_article_stages(articles, registry, framing, lexicons, workers) as running:
        return _collected_article_stages(running.results(), articles, framing)


def _submit_article_stages(
    articles: pd.DataFrame,
    registry: OutletRegistry,
    framing: bool,
    lexicons: str | os.PathLike[str] | Mapping[str, Any] | None,
    workers: int,
) -> PoolRun:
    """The per-article stages of ``workers`` contiguous chunks, submitted to a process pool."""
    jobs = (
        {"articles": chunk, "registry": registry, "framing": framing, "lexicons": lexicons}
        for chunk in contiguous_chunks(articles, workers)
    )
    return PoolRun(article_stages_without_text, jobs, workers)


def _collected_article_stages(
    parts: list[dict[str, pd.DataFrame | None]], articles: pd.DataFrame, framing: bool
) -> dict[str, pd.DataFrame | None]:
    """What ``article_stages`` returns on ``articles``, from its chunks' results ``parts``."""
    out: dict[str, pd.DataFrame | None] = {"scores": None, "evidence": None, "sentences": None}
    names = ["articles", "credits", "citations", "quotes"] + (
        ["scores", "evidence", "sentences"] if framing else []
    )
    for name in names:
        pieces = [part.pop(name) for part in parts]  # each chunk's table freed once combined
        out[name] = concat_article_parts(pieces, name)
    out["articles"].index = articles.index  # as article_stages keeps it
    if "text" in articles.columns:  # the stages leave the text as it was
        out["articles"].insert(articles.columns.get_loc("text"), "text", articles["text"])
    del parts, pieces
    release_freed_memory()
    return out


def _article_stages_beside_reuse(
    articles: pd.DataFrame, run: _Run, n_workers: int
) -> tuple[dict[str, pd.DataFrame | None], ReuseCandidates | None]:
    """:func:`parallel_article_stages` in a pool of ``n_workers``, and meanwhile
    :func:`_beside_the_pool`."""
    with _submit_article_stages(
        articles, run.registry, run.framing, run.lexicons, n_workers
    ) as running:
        parts, candidates = _beside_the_pool(running, articles, run)
    return _collected_article_stages(parts, articles, run.framing), candidates


def _beside_the_pool(
    running: PoolRun, articles: pd.DataFrame, run: _Run
) -> tuple[list[Any], ReuseCandidates | None]:
    """While ``running`` works, in this process: the reuse candidates of ``articles`` (they
    need the texts only) and the imports of the later stages; then the pool's results.

    Without this the parent waited for the pool, then ran reuse and the imports while both
    workers had ended: one core idle for their length (first 5,000 ABP articles: reuse 2.2 of
    its 2.3 CPU s in the candidates). Three processes on two cores for that while: the CPU is
    the same, the wall is shorter.
    """
    from provenance.reuse import reuse_candidates

    candidates = None
    if len(articles) >= 2:
        with run.clock("reuse", advance=False):
            candidates = reuse_candidates(articles, run.params, quiet=run.quiet)
            # What building them freed, given back while the pool runs (first 20,000 ABP
            # articles: 918 -> 472 MB, the index's 288 MB cut to its candidates' 19 before).
            release_freed_memory()
    _import_later_stages()
    return running.results(), candidates


def _import_later_stages() -> None:
    """Import what links, chains, link framing and the report import (scikit-learn,
    matplotlib; ~0.75 s), here while the pool works instead of after it."""
    import provenance.chains
    import provenance.chains.stories
    import provenance.framing.table
    import provenance.report.plots  # noqa: F401


def article_stages_without_text(**job: Any) -> dict[str, pd.DataFrame | None]:
    """:func:`~provenance.pipeline.article_stages` with the articles' text dropped from the
    articles table it returns: the parent holds the text already, so it does not travel back
    (on 20,000 ABP articles, 130M characters pickled, unpickled and concatenated once more).
    """
    out = article_stages(**job)
    out["articles"] = out["articles"].drop(columns="text", errors="ignore")
    return out


# The links' TF-IDF counts its texts' terms in parts, this process one and the pool the others,
# with at least this many texts a part (both workers are idle then). First 20,000 ABP articles:
# 9,355 texts, ~2.7 CPU s counted in one process; all 37,554: 20,756 texts, ~5.2 CPU s (their
# involved texts grow faster than the corpus: more outlet-only links, more candidates in each
# one's window). Below it, starting a worker and shipping the texts is not repaid. Main's part
# counted here rather than a second worker (its texts not shipped): the links stage replayed
# on the 20,000 at load 7-8, wall medians of four alternating in one process: in-process 4.9 s,
# both parts in workers 5.8, one here 5.4 (main CPU 3.1 / 1.4 / 2.5): the loaded host hides
# the parallel gain; on the quiet host the whole run's links stage took 3.1-3.3 s against 3.3.
MIN_TERM_TEXTS_PER_WORKER = 2_000


def pooled_term_counts(
    texts: list[str], stop_words: Collection[str], *, workers: int | None = 1
) -> TermCounts:
    """:func:`~provenance.terms.term_counts` of ``texts`` on contiguous parts of about equal
    characters when ``workers`` > 1 (None: the machine's cores) and there are
    ``MIN_TERM_TEXTS_PER_WORKER`` texts a worker: this process counts the first part while
    the pool counts the others (only their texts are shipped), and the parts' counts are
    joined as one count of all the texts (:func:`~provenance.terms.joined_term_counts`)."""
    n_parts = pool_size(len(texts), workers, MIN_TERM_TEXTS_PER_WORKER)
    if n_parts == 1:
        return term_counts(texts, stop_words)
    ends = np.cumsum([len(text) for text in texts])
    cuts = np.searchsorted(ends, ends[-1] * np.arange(1, n_parts) / n_parts)
    bounds = [0, *cuts.tolist(), len(texts)]
    stop = sorted(stop_words)
    jobs = (
        {"texts": texts[lo:hi], "stop_words": stop}
        for lo, hi in zip(bounds[1:-1], bounds[2:], strict=True)
    )
    with PoolRun(term_counts, jobs, n_parts - 1) as running:
        first = term_counts(texts[: bounds[1]], stop)
        return joined_term_counts([first, *running.results()])


def pooled_link_framing(
    links: pd.DataFrame,
    texts: pd.DataFrame,
    inputs: LinkFramingInputs,
    *,
    workers: int | None = 1,
    later: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame] | PooledLinkScores:
    """:func:`~provenance.pipeline.link_framing`, on contiguous chunks of the links sorted by
    link_id in a process pool when ``workers`` > 1 (None: the machine's cores) and there are at least
    ``MIN_LINKS_PER_WORKER`` links a worker.

    A link's values depend on its child and parent only, so each chunk gets the rows of its own
    articles and the chunks' tables, in link_id order, are the tables of the whole batch. The
    evidence comes as the framing table's strings (:func:`score_links_joined`), joined in the
    workers. With ``later`` a pooled run returns at once, as a :class:`PooledLinkScores` to call
    for the tables: :func:`~provenance.pipeline.finish_analysis` builds the chains meanwhile.

    >>> scores, evidence = pooled_link_framing(links, articles, inputs)  # doctest: +SKIP
    """
    n_workers = pool_size(len(links), workers, pool.MIN_LINKS_PER_WORKER)
    if n_workers == 1:
        from provenance.framing.table import evidence_strings

        scores, spans = link_framing(links, texts, inputs)
        return scores, evidence_strings(spans)
    # What the links stage freed (first 20,000 ABP articles: ~220 MB still mapped) is given
    # back before the jobs are made.
    release_freed_memory()
    links = links.sort_values("link_id", kind="stable", ignore_index=True)
    texts = texts[[c for c in ("article_id", "title", "text") if c in texts.columns]]
    jobs = _link_chunks(links, n_workers, texts, inputs)
    # Handed over through files, and what making them took given back: the pool's own
    # hand-off kept both jobs (~82 MB pickled each) and their pickles' memory here while the
    # chains were built (first 20,000 ABP articles: +530 MB, now +0; +275 MB while made).
    running = PoolRun(score_links_joined, jobs, n_workers, through_files=True)
    release_freed_memory()
    pending = PooledLinkScores(running)
    return pending if later else pending()


class PooledLinkScores:
    """Link framing running in a pool (:func:`pooled_link_framing` with ``later``): called, it
    waits for the chunks and returns (scores, evidence); :meth:`close` stops the pool unused."""

    def __init__(self, running: PoolRun) -> None:
        self._running = running

    def __call__(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        with self._running:
            parts = self._running.results()
        scores = pd.concat([part[0] for part in parts], ignore_index=True)
        evidence = pd.concat([part[1] for part in parts], ignore_index=True)
        del parts
        release_freed_memory()
        return scores, evidence

    def close(self) -> None:
        """Stop the pool, its results unwanted."""
        self._running.cancel()


def score_links_joined(**job: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`~provenance.framing.score_links` with its evidence joined into the framing
    table's strings (:func:`~provenance.framing.table.evidence_strings`) in the worker, as the
    per-article stages join theirs: a link's string depends on its own spans only, and each
    link is in one chunk, so the table is the same and the join is off the parent's one core.
    """
    from provenance.framing import score_links
    from provenance.framing.table import evidence_strings

    scores, spans = score_links(**job)
    return scores, evidence_strings(spans)


def _link_chunks(
    links: pd.DataFrame, n: int, texts: pd.DataFrame, inputs: LinkFramingInputs
) -> Iterator[dict[str, Any]]:
    """score_links arguments for ``n`` contiguous chunks of ``links``, each with the rows of
    its own articles only (``texts`` and the tables of ``inputs`` keyed by article_id)."""
    by_article = inputs.arguments()
    reuse, passages = by_article.pop("reuse"), by_article.pop("passages")
    lexicons = by_article.pop("lexicons")
    by_article = {"texts": texts} | {
        name: table for name, table in by_article.items() if table is not None
    }  # (sentences: optional)
    chunks = contiguous_chunks(links, n)
    linked = [
        pd.concat([c["child_article_id"], c["parent_article_id"]]).dropna().astype(str).unique()
        for c in chunks
    ]
    # Each table's articles looked up once among the linked ones (-1: linked by no chunk), a
    # chunk's rows then picked by position, instead of an isin per table and chunk.
    every = pd.Index(np.unique(np.concatenate(linked)))
    place = {name: positions_in(t["article_id"], every) for name, t in by_article.items()}
    reuse_child = positions_in(reuse["child_article_id"], every)
    reuse_parent = positions_in(reuse["parent_article_id"], every)
    for chunk, ids in zip(chunks, linked, strict=True):
        member = np.zeros(len(every) + 1, dtype=bool)  # the last one stands for -1
        member[every.get_indexer(ids)] = True
        pairs = reuse[member[reuse_child] & member[reuse_parent]]
        job = {name: by_article[name][member[at]] for name, at in place.items()}
        yield {
            "links": chunk,
            "articles": job.pop("texts"),
            "reuse": pairs,
            "passages": passages[passages["pair_id"].isin(pairs["pair_id"]).to_numpy()],
            **job,
            "lexicons": lexicons,
            "return_evidence": True,
        }
        del job, pairs  # (not kept while the next chunk's tables are made)
