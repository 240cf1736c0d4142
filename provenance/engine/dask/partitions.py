"""Partitions of the corpus on the workers: reading, the per-article stages, slim copies.

A partition is a batch of input files (:class:`FileGroup`, read where it is used) or a table
partition; :func:`run_stages` runs the pandas engine's per-article stages on it
(:func:`provenance.pipeline.article_stages`), and :func:`slim` keeps what the pair stages and
link framing still need.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from provenance.pipeline import article_stages
from provenance.schema import conform

if TYPE_CHECKING:
    from provenance.outlets.registry import OutletRegistry

URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_GZ_FACTOR = 4


def write_parquet_parts(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | os.PathLike[str],
    *,
    rows_per_part: int = 1_000_000,
) -> list[Path]:
    """Write tables as partitioned Parquet: ``out_dir/NAME/part-00000.parquet``, ...

    For the large tables of a big run (articles, quotes, framing), where one file per table is
    unwieldy; any Parquet reader (``pd.read_parquet(out_dir / "articles")``,
    ``dask.dataframe.read_parquet``) reads a folder back as one table. Each part is written to a
    temporary name and renamed, and stale parts of an earlier run are removed.

    >>> write_parquet_parts({"framing": a.framing}, "out/", rows_per_part=500_000)  # doctest: +SKIP
    """
    if not isinstance(rows_per_part, int) or rows_per_part < 1:
        raise ValueError(f"rows_per_part must be a positive integer, got {rows_per_part!r}")
    written = []
    for name, frame in tables.items():
        folder = Path(out_dir) / name
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("part-*.parquet"):
            stale.unlink()
        for k, start in enumerate(range(0, max(len(frame), 1), rows_per_part)):
            path = folder / f"part-{k:05d}.parquet"
            tmp = path.with_suffix(".parquet.tmp")
            frame.iloc[start : start + rows_per_part].to_parquet(tmp, index=False)
            os.replace(tmp, path)
            written.append(path)
    return written


@dataclass
class Part:
    """One partition of the corpus and every per-article table of it."""

    articles: pd.DataFrame
    errors: pd.DataFrame
    sources: tuple[str, ...] = ()
    credits: pd.DataFrame | None = None
    citations: pd.DataFrame | None = None
    quotes: pd.DataFrame | None = None
    scores: pd.DataFrame | None = None
    evidence: pd.DataFrame | None = None
    keys: np.ndarray | None = None  # uint64 of each article_id: sorts as the ids sort
    packed: bytes | None = None  # the texts, compressed, once ``articles`` has none (_slim)


_REGISTRIES: dict[str, OutletRegistry] = {}


def worker_registry(outlets: str | os.PathLike[str] | pd.DataFrame | None) -> OutletRegistry:
    """The outlet registry, built once per worker process (it holds Aho-Corasick automata)."""
    from dask.base import tokenize

    from provenance.outlets import load_registry

    key = tokenize(outlets)
    if key not in _REGISTRIES:
        _REGISTRIES.clear()
        _REGISTRIES[key] = load_registry(outlets)
    return _REGISTRIES[key]


@dataclass(frozen=True)
class FileGroup:
    """Consecutive input files read as one partition (read where used, not kept in memory)."""

    paths: tuple[str, ...]
    columns: Mapping[str, str]

    def read(self) -> Part:
        from provenance.ingest import read_articles

        articles, errors = read_articles(list(self.paths), columns=self.columns)
        return Part(articles=articles, errors=errors, sources=self.paths)


def load_part(source: FileGroup | Part) -> Part:
    """The partition itself, reading a file group when given one."""
    return source.read() if isinstance(source, FileGroup) else source


def read_frame(frame: pd.DataFrame, columns: dict[str, str], source: str, offset: int) -> Part:
    """A table partition (from dask.dataframe) normalised with ``articles_from_frame``; records
    are numbered across the whole table (``offset`` rows come before this partition)."""
    from provenance.ingest import articles_from_frame

    articles, errors = articles_from_frame(frame, columns=columns, source=source)
    if offset:
        articles["source_file"] = _renumber(articles["source_file"], source, offset)
        errors["record"] = _renumber(errors["record"], "", offset)
    return Part(articles=articles, errors=errors, sources=(source,))


def _renumber(values: pd.Series, source: str, offset: int) -> pd.Series:
    prefix = f"{source}#" if source else ""
    num = pd.to_numeric(values.str.slice(len(prefix)), errors="coerce")
    shifted = prefix + (num + offset).astype("Int64").astype("string")
    return shifted.where(num.notna(), values).astype("string")


def ids_of(source: FileGroup | Part) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Article ids and source files of a partition, and the files it was read from."""
    part = load_part(source)
    return part.articles[["article_id", "source_file"]], part.sources


def run_stages(
    source: FileGroup | Part, drop: np.ndarray, outlets: Any, framing: bool, lexicons: Any
) -> Part:
    """The per-article stages of a partition, without the rows in ``drop`` (duplicates)."""
    part = load_part(source)
    articles = part.articles.loc[~drop].reset_index(drop=True)
    out = article_stages(articles, worker_registry(outlets), framing=framing, lexicons=lexicons)
    out.pop("sentences", None)  # not kept on Dask: link framing splits the linked texts again
    return replace(part, **out, keys=doc_keys(articles["article_id"]))


def doc_keys(article_ids: pd.Series) -> np.ndarray:
    """Article ids (16 hex digits) as uint64 numbers that sort exactly as the ids do.

    The pandas engine numbers documents by article_id order; these keys give every partition
    the same order without a global sort.

    >>> doc_keys(pd.Series(["000000000000000a", "ff00000000000000"])).tolist()
    [10, 18374686479671623680]
    """
    ids = article_ids.astype(str)
    if len(ids) and not ids.str.fullmatch(r"[0-9a-f]{16}").all():
        raise ValueError("article ids must be 16 lower-case hex digits (provenance.ids)")
    return np.frombuffer(bytes.fromhex("".join(ids)), dtype=">u8").astype(np.uint64)


def table_of(part: Part, name: str) -> Any:
    """One per-article table of a partition for the client (``text_chars``: total characters)."""
    if name == "text_chars":
        return int(part.articles["text"].astype("string").str.len().fillna(0).sum())
    if name == "articles":  # without the texts: they come only when asked for
        arts = part.articles.drop(columns="text")
        if part.scores is not None:
            arts = arts.merge(part.scores, on="article_id", how="left")
        return arts
    return getattr(part, name)


def slim(part: Part) -> Part:
    """What the pair stages and link framing still need of a partition.

    The texts are kept as zstd-compressed Parquet bytes: they were most of what a worker held
    during the pair stages (1.25 of ~2.6 GB a worker at 1M articles), and only a few tasks per
    partition read them (shingling twice, then each verification wave's documents).
    """
    cols = ["article_id", "title", "outlet_id", "published"]
    buf = io.BytesIO()
    part.articles[["text"]].to_parquet(buf, index=False, compression="zstd")
    return Part(
        articles=part.articles[cols],
        errors=part.errors.iloc[:0],
        sources=part.sources,
        credits=part.credits[[c for c in ("article_id", "outlet_id", "kind") if c in part.credits]],
        keys=part.keys,
        packed=buf.getvalue(),
    )


def part_texts(part: Part, rows: np.ndarray | None = None) -> pd.Series:
    """The texts of a partition's rows (a boolean mask; None: all), unpacked if slim."""
    if part.packed is None:
        text = part.articles["text"]
    else:
        text = pd.read_parquet(io.BytesIO(part.packed))["text"]
        text.index = part.articles.index
    return text if rows is None else text.loc[rows]


def texts_of(part: Part, wanted: set[str] | None) -> pd.DataFrame:
    """Ids, titles and texts of the wanted articles (None: all) of a slim partition."""
    arts = part.articles[["article_id", "title"]]
    hit = None if wanted is None else arts["article_id"].isin(wanted).to_numpy()
    return (arts if hit is None else arts.loc[hit]).assign(text=part_texts(part, hit).array)


def write_part(part: Part, path: str) -> str:
    """Write a partition's articles table (texts included) to ``path`` atomically."""
    arts = table_of(part, "articles").assign(text=part.articles["text"].to_numpy())
    arts = conform(arts.sort_values("article_id"), "articles")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    tmp = f"{path}.tmp"
    arts.to_parquet(tmp, index=False)
    os.replace(tmp, path)
    return path


def set_story_ids(path: str, story_of: pd.Series) -> str:
    """Fill ``story_id`` in a written articles part: stories are known only after reuse."""
    arts = pd.read_parquet(path)
    arts["story_id"] = arts["article_id"].map(story_of).astype("string")
    tmp = f"{path}.tmp"
    arts.to_parquet(tmp, index=False)
    os.replace(tmp, path)
    return path


def file_groups(paths: list[str], limit: int) -> list[list[str]]:
    """Consecutive files (sorted order, as ingest reads them) in groups of about ``limit`` bytes."""
    groups: list[list[str]] = []
    size = 0
    for path in paths:
        try:
            n = os.path.getsize(path)
        except OSError:
            n = 0
        if path.endswith(".gz"):
            n *= _GZ_FACTOR
        if groups and size + n <= limit:
            groups[-1].append(path)
            size += n
        else:
            groups.append([path])
            size = n
    return groups


def split_source(source_file: str, sources: Sequence[str]) -> tuple[str, str]:
    """(source, record) of an article's ``source_file`` (``path`` or ``path#record``)."""
    if source_file in sources:
        return source_file, ""
    for src in sorted(sources, key=len, reverse=True):
        if source_file.startswith(src + "#"):
            return src, source_file[len(src) + 1 :]
    path, _, record = source_file.rpartition("#")
    return (path, record) if path else (source_file, "")
