"""The Dask engine: the same analysis as the pandas engine, on a Dask cluster.

``provenance.analyze(inputs, engine="dask")`` (or ``provenance analyze --engine dask``) runs here.
The tables it returns equal the pandas engine's, row for row; only where the work runs differs:

- **per partition** (a batch of input files or a table partition): ingest, outlet resolution,
  attribution, quotes and per-article framing, calling the very functions the pandas engine
  calls (:func:`article_stages`);
- **global statistics first**: duplicate articles across partitions (the first one read is
  kept) and the document frequency of every shingle (a distributed count: the cap drops the
  same shingles as on one machine);
- **pair stages as shuffles**: LSH band keys are hashed into buckets, documents sharing a key in
  a bucket become candidate pairs; pairs are hashed into pair buckets, each of which gets the
  shingles of just the documents it needs and verifies, orients and aligns its pairs;
- **in-process on the small tables**: each child's best parent, links, chains, link framing and
  the outlet comparison, with the existing functions.

Article texts stay on the workers: the client only fetches the texts of linked articles (for
link framing) and, unless the corpus is large, the texts of the articles table.

Example
-------
>>> import provenance
>>> a = provenance.analyze("data/demo/articles", outlets="data/demo/outlets.csv",
...                        engine="dask", workers=2)                    # doctest: +SKIP
>>> a.links.shape                                                       # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import inspect
import io
import logging
import math
import os
import re
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from provenance.engine.pool import check_workers
from provenance.pipeline import article_stages, concat_article_parts
from provenance.schema import conform, empty

__all__ = ["DaskOptions", "analyze_dask", "article_stages", "doc_keys", "write_parquet_parts"]

EXTRA_HINT = 'the Dask engine needs the optional extra: pip install "provenance[dask]"'
# Input files are grouped into partitions of about this many bytes on disk (compressed files
# count four times: they expand when read).
PARTITION_BYTES = 64 << 20
# The returned articles table carries the texts when the corpus holds at most this many
# characters; larger corpora keep the texts on the workers (see ``parquet_dir``).
TEXT_LIMIT = 1 << 28
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_GZ_FACTOR = 4
_UNUSABLE = np.uint32(0xFFFFFFFF)
log = logging.getLogger(__name__)


def _require_dask() -> Any:
    try:
        import dask  # noqa: F401
        import distributed
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(EXTRA_HINT) from exc
    return distributed


@dataclass(frozen=True)
class DaskOptions:
    """How the Dask engine runs (validated once, at the boundary).

    workers : local cluster size (default 2); ignored with ``scheduler``.
    scheduler : address of an existing cluster (``tcp://host:8786``; ``inproc://`` works too).
    memory_limit : per local worker, bytes or a string like ``"4GB"``; ``"auto"`` splits 80%
        of the machine's memory between the workers, at most 8 GB each.
    processes : local workers as processes (True) or threads of this process (False: tests).
    partition_bytes : input bytes per ingest partition.
    keep_text : the returned articles table carries texts (None: when the corpus is small).
    parquet_dir : also write the full articles table (texts, framing features) as partitioned
        Parquet from the workers into ``parquet_dir/articles/part-NNNNN.parquet``.
    buckets : shuffle buckets for band keys and pairs (None: from the corpus size).
    """

    workers: int | None = None
    scheduler: str | None = None
    memory_limit: int | str = "auto"
    processes: bool = True
    partition_bytes: int = PARTITION_BYTES
    keep_text: bool | None = None
    parquet_dir: str | os.PathLike[str] | None = None
    buckets: int | None = None

    def __post_init__(self) -> None:
        check_workers(self.workers)
        if self.scheduler is not None and (
            not isinstance(self.scheduler, str) or not self.scheduler
        ):
            raise ValueError(f"scheduler must be an address string, got {self.scheduler!r}")
        if not isinstance(self.memory_limit, int | str) or isinstance(self.memory_limit, bool):
            raise ValueError(f"memory_limit must be bytes or a string, got {self.memory_limit!r}")
        if not isinstance(self.partition_bytes, int) or self.partition_bytes < 1:
            raise ValueError(
                f"partition_bytes must be a positive integer, got {self.partition_bytes!r}"
            )
        if self.keep_text not in (None, True, False):
            raise ValueError(f"keep_text must be None, True or False, got {self.keep_text!r}")
        if self.buckets is not None and (not isinstance(self.buckets, int) or self.buckets < 1):
            raise ValueError(f"buckets must be a positive integer, got {self.buckets!r}")


def analyze_dask(
    inputs: Any,
    *,
    outlets: str | os.PathLike[str] | pd.DataFrame | None = None,
    columns: Mapping[str, str] | None = None,
    framing: bool = True,
    reuse_options: Mapping[str, Any] | None = None,
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
    distributed = _require_dask()
    opts = DaskOptions(workers=workers, scheduler=scheduler, **options)
    if not isinstance(framing, bool):
        raise ValueError(f"framing must be True or False, got {framing!r}")
    params = reuse_params(reuse_options)
    from provenance.ingest.normalise import check_columns
    from provenance.outlets import load_registry

    columns = check_columns(columns)
    load_registry(outlets)  # a bad registry fails here, before any cluster starts
    with _client(distributed, opts, quiet) as client:
        run = _Run(client, distributed, opts, quiet)
        with client.as_current():
            return run.analyze(inputs, outlets, columns, framing, lexicons, params)


def reuse_params(reuse_options: Mapping[str, Any] | None) -> dict[str, Any]:
    """Every :func:`provenance.reuse.find_reuse` parameter, defaults filled, validated there.

    >>> reuse_params({"shingle_size": 4})["shingle_size"], reuse_params(None)["bands"]
    (4, 64)
    """
    from provenance.reuse import find_reuse

    opts = dict(reuse_options or {})
    opts.pop("quiet", None)
    # find_reuse validates its own parameters; an empty corpus makes that all it does.
    find_reuse(pd.DataFrame({"article_id": pd.Series([], dtype="string"), "text": []}), **opts)
    sig = inspect.signature(find_reuse)
    params = {
        name: p.default
        for name, p in sig.parameters.items()
        if p.kind is p.KEYWORD_ONLY and name not in ("credits", "outlets", "quiet")
    }
    params.update(opts)
    return params


@contextlib.contextmanager
def _client(distributed: Any, opts: DaskOptions, quiet: bool) -> Iterator[Any]:
    if opts.scheduler is not None:
        client = distributed.Client(opts.scheduler, set_as_default=False)
        cluster = None
    else:
        n = opts.workers or 2
        cluster = distributed.LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=opts.processes,
            memory_limit=_memory_limit(opts.memory_limit, n),
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        client = distributed.Client(cluster, set_as_default=False)
    try:
        if not quiet and client.dashboard_link:
            print(f"provenance: dask dashboard at {client.dashboard_link}", file=sys.stderr)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _memory_limit(limit: int | str, n_workers: int) -> int | str:
    if limit != "auto":
        return limit
    import psutil

    return int(min(0.8 * psutil.virtual_memory().total / n_workers, 8 << 30))


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


# --------------------------------------------------------------------------------------------
# Per-partition work (runs on the workers)


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


_REGISTRIES: dict[str, Any] = {}


def _registry(outlets: Any) -> Any:
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


def _load(source: FileGroup | Part) -> Part:
    return source.read() if isinstance(source, FileGroup) else source


def _read_frame(frame: pd.DataFrame, columns: dict[str, str], source: str, offset: int) -> Part:
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


def _ids(source: FileGroup | Part) -> tuple[pd.DataFrame, tuple[str, ...]]:
    part = _load(source)
    return part.articles[["article_id", "source_file"]], part.sources


def _stages(
    source: FileGroup | Part, drop: np.ndarray, outlets: Any, framing: bool, lexicons: Any
) -> Part:
    part = _load(source)
    articles = part.articles.loc[~drop].reset_index(drop=True)
    out = article_stages(articles, _registry(outlets), framing=framing, lexicons=lexicons)
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


def _table(part: Part, name: str) -> Any:
    if name == "text_chars":
        return int(part.articles["text"].astype("string").str.len().fillna(0).sum())
    if name == "articles":  # without the texts: they come only when asked for
        arts = part.articles.drop(columns="text")
        if part.scores is not None:
            arts = arts.merge(part.scores, on="article_id", how="left")
        return arts
    return getattr(part, name)


def _slim(part: Part) -> Part:
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
        credits=part.credits[["article_id", "outlet_id"]],
        keys=part.keys,
        packed=buf.getvalue(),
    )


def _texts(part: Part, rows: np.ndarray | None = None) -> pd.Series:
    """The texts of a partition's rows (a boolean mask; None: all), unpacked if slim."""
    if part.packed is None:
        text = part.articles["text"]
    else:
        text = pd.read_parquet(io.BytesIO(part.packed))["text"]
        text.index = part.articles.index
    return text if rows is None else text.loc[rows]


def _texts_of(part: Part, wanted: set[str] | None) -> pd.DataFrame:
    """Ids, titles and texts of the wanted articles (None: all) of a slim partition."""
    arts = part.articles[["article_id", "title"]]
    hit = None if wanted is None else arts["article_id"].isin(wanted).to_numpy()
    return (arts if hit is None else arts.loc[hit]).assign(text=_texts(part, hit).array)


def _write_part(part: Part, path: str) -> str:
    arts = _table(part, "articles").assign(text=part.articles["text"].to_numpy())
    arts = conform(arts.sort_values("article_id"), "articles")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    tmp = f"{path}.tmp"
    arts.to_parquet(tmp, index=False)
    os.replace(tmp, path)
    return path


def _set_story_ids(path: str, story_of: pd.Series) -> str:
    """Fill ``story_id`` in a written articles part: stories are known only after reuse."""
    arts = pd.read_parquet(path)
    arts["story_id"] = arts["article_id"].map(story_of).astype("string")
    tmp = f"{path}.tmp"
    arts.to_parquet(tmp, index=False)
    os.replace(tmp, path)
    return path


# --------------------------------------------------------------------------------------------
# Text reuse, distributed


def _index(part_or_texts: Any, shingle_size: int, capped: np.ndarray | None) -> Any:
    from provenance.reuse.shingles import build_index, drop_capped

    texts = part_or_texts
    if isinstance(part_or_texts, Part):
        texts = _texts(part_or_texts).astype("string").fillna("").tolist()
    index = build_index(texts, shingle_size, None)
    return index if capped is None else drop_capped(index, capped)


def _doc_freq_pieces(part: Part, shingle_size: int, n_ranges: int) -> list[np.ndarray]:
    """The partition's document counts per frequency bucket, in ``n_ranges`` slices."""
    from provenance.reuse.shingles import doc_freq_counts

    counts = doc_freq_counts(_index(part, shingle_size, None).cols).astype(np.int32)
    return np.array_split(counts, n_ranges)


def _capped_in_range(cap: int, *pieces: np.ndarray) -> np.ndarray:
    """Corpus-wide counts of one slice of buckets (the sum over partitions) above the cap."""
    return np.sum(pieces, axis=0, dtype=np.int64) > cap


def _mix(values: np.ndarray) -> np.ndarray:
    """A cheap 64-bit mixer to spread keys over buckets (splitmix64 finaliser)."""
    h = values.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    h ^= h >> np.uint64(31)
    return h


def _signatures(part: Part, capped: np.ndarray, params: dict[str, Any]) -> np.ndarray:
    """MinHash signatures of a partition's documents (after the corpus-wide cap); documents
    too short to judge get none: their rows are all ones, as in the one-machine stage."""
    from provenance.reuse import MIN_SHARED
    from provenance.reuse.candidates import minhash_signatures

    index = _index(part, params["shingle_size"], capped)
    sig = minhash_signatures(index, params["num_perm"], params["seed"])
    sig[index.n_shingles < MIN_SHARED] = _UNUSABLE
    return sig


def _band_pieces(
    part: Part, sig: np.ndarray, params: dict[str, Any], n_buckets: int
) -> list[tuple[np.ndarray, ...]]:
    """(band, key, document) rows of every usable document, split by bucket of the key."""
    from provenance.reuse.candidates import _band_keys

    docs = np.flatnonzero(~(sig == _UNUSABLE).all(axis=1))
    keys = _band_keys(sig[docs], params["bands"])
    n_bands = keys.shape[1]
    band = np.tile(np.arange(n_bands, dtype=np.int16), len(docs))
    doc = np.repeat(part.keys[docs], n_bands)
    key = keys.ravel()
    bucket = (_mix(key) ^ _mix(band.astype(np.uint64))) % np.uint64(n_buckets)
    order = np.argsort(bucket, kind="stable")
    cut = np.searchsorted(bucket[order], np.arange(n_buckets + 1, dtype=np.uint64))
    return [
        (
            band[order[cut[b] : cut[b + 1]]],
            key[order[cut[b] : cut[b + 1]]],
            doc[order[cut[b] : cut[b + 1]]],
        )
        for b in range(n_buckets)
    ]


def _bucket_pairs(n_buckets: int, *pieces: tuple[np.ndarray, ...]) -> list[np.ndarray]:
    """Candidate pairs (lo, hi document keys) of one key bucket, split by pair bucket.

    Within a (band, key) group, documents are ordered by their key (article_id order), as the
    one-machine banding orders them, so oversized groups are chained the same way.
    """
    from provenance.reuse.candidates import _pairs_in_groups

    band = np.concatenate([p[0] for p in pieces])
    key = np.concatenate([p[1] for p in pieces])
    doc = np.concatenate([p[2] for p in pieces])
    order = np.lexsort((doc, key, band))
    band, key, doc = band[order], key[order], doc[order]
    brk = np.flatnonzero((band[1:] != band[:-1]) | (key[1:] != key[:-1])) + 1
    starts = np.concatenate([[0], brk]) if len(doc) else np.empty(0, np.int64)
    sizes = np.diff(np.concatenate([starts, [len(doc)]]))
    multi = sizes > 1
    p = _pairs_in_groups(doc, starts[multi], sizes[multi]).astype(np.uint64)
    pairs = _unique_pairs(np.minimum(p[:, 0], p[:, 1]), np.maximum(p[:, 0], p[:, 1]))
    bucket = (_mix(pairs[:, 0]) ^ _mix(pairs[:, 1] ^ np.uint64(0x5BD1E995))) % np.uint64(n_buckets)
    order = np.argsort(bucket, kind="stable")
    cut = np.searchsorted(bucket[order], np.arange(n_buckets + 1, dtype=np.uint64))
    return [pairs[order[cut[b] : cut[b + 1]]] for b in range(n_buckets)]


def _unique_pairs(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Distinct (lo, hi) rows sorted by lo, then hi, as an (m, 2) uint64 array."""
    if not len(lo):
        return np.empty((0, 2), dtype=np.uint64)
    order = np.lexsort((hi, lo))
    lo, hi = lo[order], hi[order]
    keep = np.ones(len(lo), dtype=bool)
    keep[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    return np.stack([lo[keep], hi[keep]], axis=1)


def _merge_pairs(*pieces: np.ndarray) -> np.ndarray:
    """One pair bucket's distinct candidate pairs."""
    pairs = np.concatenate(pieces) if pieces else np.empty((0, 2), np.uint64)
    return _unique_pairs(pairs[:, 0], pairs[:, 1])


def _docs_of(pairs: np.ndarray) -> np.ndarray:
    return np.unique(pairs.ravel())


def _extract_signatures(
    part: Part, sig: np.ndarray, *needed: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each pair bucket: (keys, signatures) of this partition's documents it needs."""
    out = []
    for need in needed:
        hit = np.isin(part.keys, need)
        out.append((part.keys[hit], sig[hit]))
    return out


def _agreeing(cand: np.ndarray, *pieces: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The candidate pairs whose full signatures agree enough (the one-machine filter, run
    where both signatures meet); only these pairs need texts."""
    from provenance.reuse import MIN_AGREEMENT
    from provenance.reuse.candidates import signature_agreement

    if not len(cand):
        return cand
    keys = np.concatenate([p[0] for p in pieces])
    sig = np.concatenate([p[1] for p in pieces])
    order = np.argsort(keys)
    local = np.searchsorted(keys[order], cand).astype(np.int64)
    return cand[signature_agreement(sig[order], local) >= MIN_AGREEMENT]


def _extract(
    part: Part, sig: np.ndarray, *needed: np.ndarray
) -> list[tuple[pd.DataFrame, pd.DataFrame, np.ndarray]]:
    """For each pair bucket: this partition's documents it needs, their credits and
    signatures."""
    arts = part.articles
    cols = ["article_id", "outlet_id", "published"]
    hits = [np.isin(part.keys, need) for need in needed]
    # One unpacking of the texts for every bucket of the wave, only of the rows they need.
    any_hit = np.logical_or.reduce(hits) if hits else np.zeros(len(arts), bool)
    text = _texts(part, any_hit).array if any_hit.any() else np.array([], dtype=object)
    out = []
    for hit in hits:
        docs = arts.loc[hit, cols].assign(text=text[hit[any_hit]], doc=part.keys[hit])
        creds = part.credits.loc[part.credits["article_id"].isin(docs["article_id"])]
        out.append((docs, creds[["article_id", "outlet_id"]], sig[hit]))
    return out


def _reuse_bucket(
    cand: np.ndarray,
    capped: np.ndarray,
    params: dict[str, Any],
    outlets: Any,
    *pieces: tuple[pd.DataFrame, pd.DataFrame, np.ndarray],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Verify, orient and align one bucket of candidate pairs (reuse rows before best parents).

    The bucket re-shingles just the documents its pairs need; shingles, signatures and the
    frequency cap per document are those of the whole corpus.
    """
    from provenance.reuse import verify_pairs

    if not len(cand):
        return pd.DataFrame(), pd.DataFrame()
    docs = pd.concat([p[0] for p in pieces], ignore_index=True)
    sig = np.concatenate([p[2] for p in pieces])
    order = np.argsort(docs["doc"].to_numpy(np.uint64), kind="stable")
    docs, sig = docs.iloc[order].reset_index(drop=True), sig[order]
    credits = pd.concat([p[1] for p in pieces], ignore_index=True)
    gdoc = docs["doc"].to_numpy(np.uint64)
    local = np.searchsorted(gdoc, cand).astype(np.int64)
    index = _index(
        docs["text"].astype("string").fillna("").tolist(), params["shingle_size"], capped
    )
    return verify_pairs(
        docs.drop(columns="doc"),
        index,
        sig,
        local,
        doc_numbers=gdoc,
        credits=credits,
        outlets=_registry(outlets).table,
        shingle_size=params["shingle_size"],
        min_containment=params["min_containment"],
        keep_same_outlet=params["keep_same_outlet"],
    )


# --------------------------------------------------------------------------------------------
# The driver (runs on the client)


class _Run:
    def __init__(self, client: Any, distributed: Any, opts: DaskOptions, quiet: bool) -> None:
        self.client = client
        self.distributed = distributed
        self.opts = opts
        self.quiet = quiet
        self._clock = time.perf_counter()

    def _wait(self, futures: Sequence[Any], desc: str) -> None:
        if futures:
            if self.quiet:
                self.distributed.wait(futures)
            else:
                print(f"provenance: {desc}", file=sys.stderr)
                with contextlib.redirect_stdout(sys.stderr):
                    self.distributed.progress(futures, notebook=False)
                print(file=sys.stderr)
        self._lap(desc)

    def _lap(self, desc: str) -> None:
        """Log the time since the previous step (the benchmark prints these)."""
        now = time.perf_counter()
        log.info("%s: %.1f s", desc, now - self._clock)
        self._clock = now

    def _gather(self, futures: Sequence[Any], desc: str) -> list[Any]:
        self._wait(futures, desc)
        return self.client.gather(list(futures))

    def _split(self, futures: Sequence[Any], n: int) -> list[list[Any]]:
        """``result[i][j]``: item j of future i's list result, as futures."""
        submit = self.client.submit
        return [[submit(itemgetter(j), f, pure=False) for j in range(n)] for f in futures]

    # ---- ingest
    def read(self, inputs: Any, columns: dict[str, str]) -> list[Any]:
        """The partitions of the input: file groups (read by the tasks that use them, so the
        raw corpus is never held) or, for DataFrames and URL tables, futures of partitions."""
        client = self.client
        if isinstance(inputs, pd.DataFrame):
            from provenance.ingest import articles_from_frame

            articles, errors = articles_from_frame(inputs, columns=columns)
            step = max(1, math.ceil(len(articles) / max(1, self._n_workers() * 4)))
            parts = [
                Part(articles.iloc[s : s + step].reset_index(drop=True), empty("errors"))
                for s in range(0, max(len(articles), 1), step)
            ]
            parts[0].errors = errors
            return client.scatter(parts)
        items = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
        urls = [os.fspath(i) for i in items if _URL.match(os.fspath(i))]
        local = [i for i in items if not _URL.match(os.fspath(i))]
        sources: list[Any] = []
        if local:
            from provenance.ingest.files import resolve_inputs

            for group in _groups(resolve_inputs(local), self.opts.partition_bytes):
                sources.append(FileGroup(tuple(group), columns))
        for url in urls:
            sources.extend(self._read_url(url, columns))
        return sources

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
            self.client.submit(_read_frame, f, columns, url, o, pure=False)
            for f, o in zip(parts, offsets, strict=True)
        ]

    def _n_workers(self) -> int:
        return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))

    def deduplicate(self, parts: list[Any]) -> tuple[list[np.ndarray], pd.DataFrame]:
        """Drop repeated article ids across partitions (the first read is kept), as ingest does."""
        from provenance.errors import ErrorLog
        from provenance.ingest.normalise import STAGE

        found = self._gather([self.client.submit(_ids, p, pure=False) for p in parts], "ingest")
        ids, sources = [f[0] for f in found], [f[1] for f in found]
        frame = pd.concat([f.assign(part=k) for k, f in enumerate(ids)], ignore_index=True)
        dup = frame["article_id"].duplicated(keep="first").to_numpy()
        log = ErrorLog()
        if dup.any():
            kept = frame.loc[~dup].set_index("article_id")["source_file"]
            for row in frame.loc[dup].itertuples(index=False):
                source, record = _split_source(row.source_file, sources[row.part])
                first = kept[row.article_id]
                reason = f"duplicate of article {row.article_id} kept from {first}; dropped"
                log.add(source, record, STAGE, reason)
        cut = np.concatenate([[0], np.cumsum([len(f) for f in ids])])
        drops = [dup[cut[k] : cut[k + 1]] for k in range(len(ids))]
        return drops, log.to_frame()

    def analyze(
        self,
        inputs: Any,
        outlets: Any,
        columns: dict[str, str],
        framing: bool,
        lexicons: Any,
        params: dict[str, Any],
    ) -> Any:
        from provenance.errors import ErrorLog
        from provenance.ingest.api import _sorted_errors
        from provenance.pipeline import finish_analysis

        client = self.client
        raw = self.read(inputs, columns)
        drops, dup_errors = self.deduplicate(raw)
        n_docs = int(sum((~d).sum() for d in drops))
        names = ["errors", "credits", "citations", "quotes", "articles", "text_chars"]
        names += ["scores", "evidence"] if framing else []
        out_dir = None if self.opts.parquet_dir is None else Path(self.opts.parquet_dir)
        # Per partition: the stages, then at once its tables for the client, its parquet file
        # and a slim copy for the pair stages; the full partition is freed as soon as those ran,
        # so worker memory does not grow with the corpus.
        parts, pending = [], {}
        for k, (p, d) in enumerate(zip(raw, drops, strict=True)):
            full = client.submit(_stages, p, d, outlets, framing, lexicons, pure=False)
            for name in names:
                pending[client.submit(_table, full, name, pure=False)] = (name, k)
            if out_dir is not None:
                path = str(out_dir / "articles" / f"part-{k:05d}.parquet")
                pending[client.submit(_write_part, full, path, pure=False)] = ("written", k)
            parts.append(client.submit(_slim, full, pure=False))
        del raw, full
        got: dict[str, dict[int, Any]] = {}
        for future, value in self._as_completed(
            list(pending), "outlets, attribution, quotes" + (", framing" if framing else "")
        ):
            name, k = pending.pop(future)
            got.setdefault(name, {})[k] = value
        self._wait(parts, "slim partitions")

        log = ErrorLog()
        for k in sorted(got["errors"]):
            log.extend(got["errors"][k])
        log.extend(dup_errors)
        errors = _sorted_errors(log)
        keep_text = self.opts.keep_text
        if keep_text is None:
            keep_text = sum(got["text_chars"].values()) <= TEXT_LIMIT
        tables = {
            name: concat_article_parts([got[name][k] for k in sorted(got[name])], name)
            for name in names
            if name not in ("errors", "text_chars", "articles")
        }
        articles = concat_article_parts(
            [got["articles"][k] for k in sorted(got["articles"])], "articles"
        )
        del got
        if keep_text:
            texts = client.gather([client.submit(_texts_of, p, None) for p in parts])
            text = pd.concat(texts, ignore_index=True).set_index("article_id")["text"]
            articles["text"] = articles["article_id"].map(text)

        reuse, passages = self.reuse(parts, n_docs, outlets, params)

        def linked_texts(links: pd.DataFrame) -> pd.DataFrame:
            # Only the linked articles' texts leave the workers, for link framing.
            linked = set(links["child_article_id"].dropna()) | set(
                links["parent_article_id"].dropna()
            )
            wanted = client.scatter(linked, broadcast=True) if linked else linked
            return concat_article_parts(
                client.gather([client.submit(_texts_of, p, wanted) for p in parts]), None
            )

        analysis = finish_analysis(
            articles,
            registry=_registry_local(outlets),
            credits=tables["credits"],
            citations=tables["citations"],
            quotes=tables["quotes"],
            reuse=reuse,
            passages=passages,
            errors=errors,
            article_scores=tables["scores"] if framing else None,
            article_evidence=tables["evidence"] if framing else None,
            texts=linked_texts,
            lexicons=lexicons,
        )
        self._lap("links, chains, link framing, comparison (client)")
        if out_dir is not None:
            story_of = analysis.articles.set_index("article_id")["story_id"].dropna()
            paths = [str(out_dir / "articles" / f"part-{k:05d}.parquet") for k in range(len(parts))]
            self._wait(
                [client.submit(_set_story_ids, p, story_of, pure=False) for p in paths], "story ids"
            )
        return analysis

    def _as_completed(self, futures: list[Any], desc: str) -> Iterator[tuple[Any, Any]]:
        """(future, result) as each finishes; each result leaves the workers once taken."""
        from provenance.progress import progress

        done = self.distributed.as_completed(futures, with_results=True)
        for future, value in progress(done, total=len(futures), desc=desc, quiet=self.quiet):
            yield future, value
            future.release()
        self._lap(desc)

    # ---- reuse
    def reuse(
        self, parts: list[Any], n_docs: int, outlets: Any, params: dict[str, Any]
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        from provenance.reuse import finish_reuse, resolve_doc_freq_cap

        if n_docs < 2:
            return empty("reuse"), empty("passages")
        client, submit = self.client, self.client.submit
        n_buckets = self.opts.buckets or max(2, min(1024, math.ceil(n_docs / 10_000)))
        n_ranges = n_buckets
        cap = resolve_doc_freq_cap(params["max_doc_freq"], n_docs)
        k = params["shingle_size"]

        pieces = [submit(_doc_freq_pieces, p, k, n_ranges) for p in parts]
        split = self._split(pieces, n_ranges)
        capped_parts = [
            submit(_capped_in_range, cap, *[s[r] for s in split]) for r in range(n_ranges)
        ]
        capped = np.concatenate(self._gather(capped_parts, "reuse: shingle frequencies"))
        del pieces, split, capped_parts
        capped_f = client.scatter(capped, broadcast=True)

        sigs = [submit(_signatures, p, capped_f, params) for p in parts]
        bands = [
            submit(_band_pieces, p, g, params, n_buckets) for p, g in zip(parts, sigs, strict=True)
        ]
        split = self._split(bands, n_buckets)
        pair_pieces = [
            submit(_bucket_pairs, n_buckets, *[s[b] for s in split]) for b in range(n_buckets)
        ]
        self._wait(pair_pieces, "reuse: candidate pairs")
        del bands, split
        split = self._split(pair_pieces, n_buckets)
        cand = [submit(_merge_pairs, *[s[b] for s in split]) for b in range(n_buckets)]
        del pair_pieces, split
        # Pair buckets run in waves of a few: each needs the signatures (and then the texts) of
        # documents from every partition, so all buckets at once would hold the corpus many
        # times over. Signatures first (512 bytes a document) to drop chance candidates, then
        # texts for just the pairs that remain.
        from provenance.progress import progress

        out = []
        wave = max(1, self._n_workers())
        waves = range(0, n_buckets, wave)
        for w0 in progress(waves, total=len(waves), desc="reuse: verify", quiet=self.quiet):
            todo = [cand.pop(0) for _ in range(min(wave, n_buckets - w0))]
            needed = [submit(_docs_of, c) for c in todo]
            got = self._split(
                [
                    submit(_extract_signatures, p, g, *needed)
                    for p, g in zip(parts, sigs, strict=True)
                ],
                len(todo),
            )
            agreed = [submit(_agreeing, c, *[e[i] for e in got]) for i, c in enumerate(todo)]
            needed = [submit(_docs_of, c) for c in agreed]
            got = self._split(
                [submit(_extract, p, g, *needed) for p, g in zip(parts, sigs, strict=True)],
                len(todo),
            )
            results = [
                submit(_reuse_bucket, c, capped_f, params, outlets, *[e[i] for e in got])
                for i, c in enumerate(agreed)
            ]
            out.extend(self.client.gather(results))
            del todo, needed, got, agreed, results
        self._lap("reuse: signature agreement, verify and align")
        pairs = pd.concat([o[0] for o in out], ignore_index=True)
        psg = pd.concat([o[1] for o in out], ignore_index=True)
        out = finish_reuse(pairs, psg, min_containment=params["min_containment"])
        self._lap("reuse: best parents (client)")
        return out


def _registry_local(outlets: Any) -> Any:
    from provenance.outlets import load_registry

    return load_registry(outlets)


def _groups(paths: list[str], limit: int) -> list[list[str]]:
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


def _split_source(source_file: str, sources: Sequence[str]) -> tuple[str, str]:
    """(source, record) of an article's ``source_file`` (``path`` or ``path#record``)."""
    if source_file in sources:
        return source_file, ""
    for src in sorted(sources, key=len, reverse=True):
        if source_file.startswith(src + "#"):
            return src, source_file[len(src) + 1 :]
    path, _, record = source_file.rpartition("#")
    return (path, record) if path else (source_file, "")
