"""The driver of a Dask run (on the client): partitions, per-article stages, reuse, the rest.

The per-article stages run per partition on the workers; duplicate articles across partitions
are dropped first (the first one read is kept, as ingest does); text reuse runs as shuffles
(:mod:`.reuse`); links, chains, link framing and the outlet comparison run on the client on the
small tables, with the functions the pandas engine uses.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from provenance.engine.dask.options import TEXT_LIMIT, DaskOptions
from provenance.engine.dask.partitions import (
    URL,
    FileGroup,
    Part,
    file_groups,
    ids_of,
    read_frame,
    run_stages,
    set_story_ids,
    slim,
    split_source,
    table_of,
    texts_of,
    write_part,
)
from provenance.engine.dask.reuse import ReuseSchedule
from provenance.errors import ErrorLog
from provenance.pipeline import concat_article_parts, finish_analysis
from provenance.progress import progress
from provenance.reuse import ReuseParams
from provenance.schema import empty

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """What one analysis computes (the arguments of :func:`provenance.analyze`)."""

    outlets: Any
    columns: dict[str, str]
    framing: bool
    lexicons: Any
    params: ReuseParams

    @property
    def tables(self) -> list[str]:
        """The per-article tables the client collects from each partition."""
        names = ["errors", "credits", "citations", "quotes", "articles", "text_chars"]
        return names + (["scores", "evidence"] if self.framing else [])


class Run:
    """One analysis on a cluster: helpers to wait, gather and time, and the steps."""

    def __init__(self, client: Any, distributed: Any, opts: DaskOptions, quiet: bool) -> None:
        self.client = client
        self.distributed = distributed
        self.opts = opts
        self.quiet = quiet
        self._clock = time.perf_counter()

    # ---- helpers
    def wait(self, futures: Sequence[Any], desc: str) -> None:
        """Wait for ``futures`` (with a progress bar unless quiet), then time the step."""
        if futures:
            if self.quiet:
                self.distributed.wait(futures)
            else:
                print(f"provenance: {desc}", file=sys.stderr)
                with contextlib.redirect_stdout(sys.stderr):
                    self.distributed.progress(futures, notebook=False)
                print(file=sys.stderr)
        self.lap(desc)

    def lap(self, desc: str) -> None:
        """Log the time since the previous step (the benchmark prints these)."""
        now = time.perf_counter()
        log.info("%s: %.1f s", desc, now - self._clock)
        self._clock = now

    def gather(self, futures: Sequence[Any], desc: str) -> list[Any]:
        """The results of ``futures``, once all are done."""
        self.wait(futures, desc)
        return self.client.gather(list(futures))

    def n_workers(self) -> int:
        """Workers of the cluster (at least 1)."""
        return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))

    def as_completed(self, futures: list[Any], desc: str) -> Iterator[tuple[Any, Any]]:
        """(future, result) as each finishes; each result leaves the workers once taken."""
        done = self.distributed.as_completed(futures, with_results=True)
        for future, value in progress(done, total=len(futures), desc=desc, quiet=self.quiet):
            yield future, value
            future.release()
        self.lap(desc)

    # ---- ingest
    def read(self, inputs: Any, columns: dict[str, str]) -> list[Any]:
        """The partitions of the input: file groups (read by the tasks that use them, so the
        raw corpus is never held) or, for DataFrames and URL tables, futures of partitions."""
        if isinstance(inputs, pd.DataFrame):
            return self._scatter_frame(inputs, columns)
        items = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
        urls = [os.fspath(i) for i in items if URL.match(os.fspath(i))]
        local = [i for i in items if not URL.match(os.fspath(i))]
        sources: list[Any] = []
        if local:
            from provenance.ingest.files import resolve_inputs

            for group in file_groups(resolve_inputs(local), self.opts.partition_bytes):
                sources.append(FileGroup(tuple(group), columns))
        for url in urls:
            sources.extend(self._read_url(url, columns))
        return sources

    def _scatter_frame(self, inputs: pd.DataFrame, columns: dict[str, str]) -> list[Any]:
        from provenance.ingest import articles_from_frame

        articles, errors = articles_from_frame(inputs, columns=columns)
        step = max(1, math.ceil(len(articles) / max(1, self.n_workers() * 4)))
        parts = [
            Part(articles.iloc[s : s + step].reset_index(drop=True), empty("errors"))
            for s in range(0, max(len(articles), 1), step)
        ]
        parts[0].errors = errors
        return self.client.scatter(parts)

    def _read_url(self, url: str, columns: dict[str, str]) -> list[Any]:
        """A Parquet or JSON Lines table behind an fsspec URL, read with dask.dataframe; each
        partition is normalised by ``articles_from_frame``, records numbered across the table."""
        import dask.dataframe as dd

        base = url.lower().removesuffix(".gz")
        if base.endswith((".jsonl", ".ndjson")):
            frame = dd.read_json(url, lines=True, blocksize=None, dtype=False)
        elif base.endswith(".parquet") or base.endswith("/"):
            frame = dd.read_parquet(url)
        else:
            raise ValueError(f"URL inputs must be Parquet or JSON Lines tables, got {url!r}")
        parts = self.client.compute(frame.to_delayed())
        lengths = self.client.gather([self.client.submit(len, f) for f in parts])
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(int).tolist()
        return [
            self.client.submit(read_frame, f, columns, url, o, pure=False)
            for f, o in zip(parts, offsets, strict=True)
        ]

    def deduplicate(self, parts: list[Any]) -> tuple[list[np.ndarray], pd.DataFrame]:
        """Drop repeated article ids across partitions (the first read is kept), as ingest does."""
        from provenance.ingest.normalise import STAGE

        found = self.gather([self.client.submit(ids_of, p, pure=False) for p in parts], "ingest")
        ids, sources = [f[0] for f in found], [f[1] for f in found]
        frame = pd.concat([f.assign(part=k) for k, f in enumerate(ids)], ignore_index=True)
        dup = frame["article_id"].duplicated(keep="first").to_numpy()
        errors = ErrorLog()
        if dup.any():
            kept = frame.loc[~dup].set_index("article_id")["source_file"]
            for row in frame.loc[dup].itertuples(index=False):
                source, record = split_source(row.source_file, sources[row.part])
                first = kept[row.article_id]
                reason = f"duplicate of article {row.article_id} kept from {first}; dropped"
                errors.add(source, record, STAGE, reason)
        cut = np.concatenate([[0], np.cumsum([len(f) for f in ids])])
        drops = [dup[cut[k] : cut[k + 1]] for k in range(len(ids))]
        return drops, errors.to_frame()

    # ---- per-article stages
    def article_stages(
        self, raw: list[Any], drops: list[np.ndarray], job: Job
    ) -> tuple[list[Any], dict[str, dict[int, Any]]]:
        """Per partition: the stages, then at once its tables for the client, its parquet file
        and a slim copy for the pair stages; the full partition is freed as soon as those ran,
        so worker memory does not grow with the corpus. Returns (slim parts, tables by name)."""
        submit = self.client.submit
        out_dir = None if self.opts.parquet_dir is None else Path(self.opts.parquet_dir)
        parts, pending = [], {}
        for k, (p, d) in enumerate(zip(raw, drops, strict=True)):
            full = submit(run_stages, p, d, job.outlets, job.framing, job.lexicons, pure=False)
            for name in job.tables:
                pending[submit(table_of, full, name, pure=False)] = (name, k)
            if out_dir is not None:
                path = str(out_dir / "articles" / f"part-{k:05d}.parquet")
                pending[submit(write_part, full, path, pure=False)] = ("written", k)
            parts.append(submit(slim, full, pure=False))
        got: dict[str, dict[int, Any]] = {}
        desc = "outlets, attribution, quotes" + (", framing" if job.framing else "")
        for future, value in self.as_completed(list(pending), desc):
            name, k = pending.pop(future)
            got.setdefault(name, {})[k] = value
        self.wait(parts, "slim partitions")
        return parts, got

    def articles_table(self, parts: list[Any], got: dict[str, dict[int, Any]]) -> pd.DataFrame:
        """The articles table, with the texts when the corpus is small (or asked for)."""
        articles = concat_article_parts(
            [got["articles"][k] for k in sorted(got["articles"])], "articles"
        )
        keep_text = self.opts.keep_text
        if keep_text is None:
            keep_text = sum(got["text_chars"].values()) <= TEXT_LIMIT
        if keep_text:
            texts = self.client.gather([self.client.submit(texts_of, p, None) for p in parts])
            text = pd.concat(texts, ignore_index=True).set_index("article_id")["text"]
            articles["text"] = articles["article_id"].map(text)
        return articles

    def linked_texts(self, parts: list[Any], links: pd.DataFrame) -> pd.DataFrame:
        """Ids, titles and texts of the linked articles: only these leave the workers."""
        linked = set(links["child_article_id"].dropna()) | set(links["parent_article_id"].dropna())
        wanted = self.client.scatter(linked, broadcast=True) if linked else linked
        return concat_article_parts(
            self.client.gather([self.client.submit(texts_of, p, wanted) for p in parts]), None
        )

    # ---- the whole analysis
    def analyze(self, inputs: Any, job: Job) -> Any:
        """Every table of the analysis, as the pandas engine gives them."""
        from provenance.ingest.api import sorted_errors
        from provenance.outlets import load_registry

        raw = self.read(inputs, job.columns)
        drops, dup_errors = self.deduplicate(raw)
        parts, got = self.article_stages(raw, drops, job)
        del raw
        errors = ErrorLog()
        for k in sorted(got["errors"]):
            errors.extend(got["errors"][k])
        errors.extend(dup_errors)
        tables = {
            name: concat_article_parts([got[name][k] for k in sorted(got[name])], name)
            for name in job.tables
            if name not in ("errors", "text_chars", "articles")
        }
        articles = self.articles_table(parts, got)
        del got
        n_docs = int(sum((~d).sum() for d in drops))
        reuse, passages = ReuseSchedule(self, parts, job.params, n_docs)(job.outlets)
        analysis = finish_analysis(
            articles,
            registry=load_registry(job.outlets),
            credits=tables["credits"],
            citations=tables["citations"],
            quotes=tables["quotes"],
            reuse=reuse,
            passages=passages,
            errors=sorted_errors(errors),
            article_scores=tables.get("scores"),
            article_evidence=tables.get("evidence"),
            texts=lambda links: self.linked_texts(parts, links),
            lexicons=job.lexicons,
        )
        self.lap("links, chains, link framing, comparison (client)")
        if self.opts.parquet_dir is not None:
            self.fill_story_ids(Path(self.opts.parquet_dir), len(parts), analysis.articles)
        return analysis

    def fill_story_ids(self, out_dir: Path, n_parts: int, articles: pd.DataFrame) -> None:
        """Write the story ids, known only after reuse, into the articles parts on disk."""
        story_of = articles.set_index("article_id")["story_id"].dropna()
        paths = [str(out_dir / "articles" / f"part-{k:05d}.parquet") for k in range(n_parts)]
        futures = [self.client.submit(set_story_ids, p, story_of, pure=False) for p in paths]
        self.wait(futures, "story ids")
