"""Text reuse on the cluster: the reuse building blocks run per partition and per bucket.

Every step calls a public function of :mod:`provenance.reuse`, on a part of the corpus:

1. document frequencies of the shingles, summed over partitions in slices of buckets; the cap
   drops the same shingles as on one machine (:func:`~provenance.reuse.doc_freq_counts`);
2. per partition, the containment sketch of each document and the flags of its columns
   (:func:`~provenance.reuse.containment_sketch`); the flags of all partitions combined;
3. per partition, its postings in the flagged columns (:func:`~provenance.reuse.postings`);
   sketch entries and postings are shuffled by column, so each column bucket counts the hits of
   its columns (:func:`~provenance.reuse.sketch_hits`); hits are shuffled by pair, and each pair
   bucket sums them into candidates (:func:`~provenance.reuse.candidate_pairs`);
4. pair buckets in waves: each gets the texts of just the documents its pairs need, re-shingles
   them and verifies, orients and aligns its pairs (:func:`~provenance.reuse.verify_pairs`);
   :func:`~provenance.reuse.finish_reuse` picks best parents over all of them on the client.

Documents are labelled by :func:`~provenance.engine.dask.partitions.doc_keys` (uint64 numbers
that sort as the article ids), so candidates are those of the one-machine stage.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from provenance.engine.dask.partitions import Part, part_texts, worker_registry
from provenance.engine.dask.shuffle import (
    bucket_of,
    fan_in,
    fan_out,
    pair_bucket,
    split_by_bucket,
)
from provenance.progress import progress
from provenance.reuse import (
    Hits,
    ReuseParams,
    ShingleIndex,
    Sketch,
    build_index,
    candidate_pairs,
    containment_sketch,
    doc_freq_counts,
    drop_capped,
    finish_reuse,
    postings,
    sketch_hits,
    sketched_columns,
    verify_pairs,
)
from provenance.schema import empty

# ---- tasks (run on the workers)


def texts_index(texts: list[str], shingle_size: int, capped: np.ndarray | None) -> ShingleIndex:
    """The shingle index of ``texts``, without the corpus-wide capped buckets."""
    index = build_index(texts, shingle_size, None)
    return index if capped is None else drop_capped(index, capped)


def part_index(part: Part, shingle_size: int, capped: np.ndarray | None) -> ShingleIndex:
    """The shingle index of a partition's texts."""
    texts = part_texts(part).astype("string").fillna("").tolist()
    return texts_index(texts, shingle_size, capped)


def doc_freq_pieces(part: Part, shingle_size: int, n_ranges: int) -> list[np.ndarray]:
    """The partition's document counts per frequency bucket, in ``n_ranges`` slices."""
    counts = doc_freq_counts(part_index(part, shingle_size, None).cols).astype(np.int32)
    return np.array_split(counts, n_ranges)


def capped_in_range(cap: int, *pieces: np.ndarray) -> np.ndarray:
    """Corpus-wide counts of one slice of buckets (the sum over partitions) above the cap."""
    return np.sum(pieces, axis=0, dtype=np.int64) > cap


def sketch_pieces(part: Part, capped: np.ndarray, params: ReuseParams, n_buckets: int) -> list[Any]:
    """The partition's sketch split by column bucket, then its packed column flags."""
    index = part_index(part, params.shingle_size, capped)
    sketch = containment_sketch(
        index,
        sketch_size=params.sketch_size,
        min_containment=params.min_containment,
        labels=part.keys,
    )
    pieces = split_by_bucket(
        bucket_of(sketch.cols, n_buckets), n_buckets, sketch.docs, sketch.cols, sketch.need
    )
    return [Sketch(*p) for p in pieces] + [sketched_columns([sketch])]


def any_flag(*flags: np.ndarray) -> np.ndarray:
    """Packed flags of the columns any partition's sketch holds."""
    return np.bitwise_or.reduce(np.stack(flags), axis=0)


def posting_pieces(
    part: Part, capped: np.ndarray, flags: np.ndarray, params: ReuseParams, n_buckets: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """The partition's postings in flagged columns, split by column bucket."""
    index = part_index(part, params.shingle_size, capped)
    docs, cols = postings(index, flags, labels=part.keys)
    return split_by_bucket(bucket_of(cols, n_buckets), n_buckets, docs, cols)


def column_bucket_hits(n_parts: int, n_buckets: int, *pieces: Any) -> list[Hits]:
    """Hits of one column bucket (``n_parts`` sketch pieces, then as many posting pieces),
    split by pair bucket."""
    sketches, posts = pieces[:n_parts], pieces[n_parts:]
    sketch = Sketch(
        *(np.concatenate([getattr(s, f) for s in sketches]) for f in ("docs", "cols", "need"))
    )
    hits = sketch_hits(
        sketch, np.concatenate([p[0] for p in posts]), np.concatenate([p[1] for p in posts])
    )
    lo, hi = np.minimum(hits.a, hits.b), np.maximum(hits.a, hits.b)
    bucket = pair_bucket(lo, hi, n_buckets)
    rows = split_by_bucket(bucket, n_buckets, np.arange(len(bucket)))
    return [hits.take(r[0]) for r in rows]


def bucket_candidates(*hits: Hits) -> np.ndarray:
    """Candidate pairs of one pair bucket: its hits summed over the column buckets."""
    return candidate_pairs(Hits.concat(hits)).astype(np.uint64)


def docs_of(pairs: np.ndarray) -> np.ndarray:
    """The documents a bucket of pairs needs."""
    return np.unique(pairs.ravel())


def extract(part: Part, *needed: np.ndarray) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    """For each pair bucket: this partition's documents it needs (with texts) and credits."""
    arts = part.articles
    cols = ["article_id", "outlet_id", "published"]
    hits = [np.isin(part.keys, need) for need in needed]
    # One unpacking of the texts for every bucket of the wave, only of the rows they need.
    any_hit = np.logical_or.reduce(hits) if hits else np.zeros(len(arts), bool)
    text = part_texts(part, any_hit).array if any_hit.any() else np.array([], dtype=object)
    out = []
    for hit in hits:
        docs = arts.loc[hit, cols].assign(text=text[hit[any_hit]], doc=part.keys[hit])
        creds = part.credits.loc[part.credits["article_id"].isin(docs["article_id"])]
        out.append((docs, creds[["article_id", "outlet_id"]]))
    return out


def verify_bucket(
    cand: np.ndarray,
    capped: np.ndarray,
    params: ReuseParams,
    outlets: Any,
    *pieces: tuple[pd.DataFrame, pd.DataFrame],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Verify, orient and align one bucket of candidate pairs (reuse rows before best parents).

    The bucket re-shingles just the documents its pairs need; shingles and the frequency cap
    are those of the whole corpus.
    """
    if not len(cand):
        return pd.DataFrame(), pd.DataFrame()
    docs = pd.concat([p[0] for p in pieces], ignore_index=True)
    docs = docs.sort_values("doc", kind="stable", ignore_index=True)
    credits = pd.concat([p[1] for p in pieces], ignore_index=True)
    gdoc = docs["doc"].to_numpy(np.uint64)
    local = np.searchsorted(gdoc, cand).astype(np.int64)
    texts = docs["text"].astype("string").fillna("").tolist()
    return verify_pairs(
        docs.drop(columns="doc"),
        texts_index(texts, params.shingle_size, capped),
        local,
        params,
        doc_numbers=gdoc,
        credits=credits,
        outlets=worker_registry(outlets).table,
    )


# ---- the schedule (runs on the client)


class ReuseSchedule:
    """The reuse stage over the slim partitions of a run (``run``: a :class:`~.run.Run`)."""

    def __init__(self, run: Any, parts: list[Any], params: ReuseParams, n_docs: int) -> None:
        self.run, self.parts, self.params, self.n_docs = run, parts, params, n_docs
        self.submit = run.client.submit
        self.n_buckets = run.opts.buckets or max(2, min(1024, math.ceil(n_docs / 10_000)))

    def __call__(self, outlets: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(reuse, passages) of the whole corpus."""
        if self.n_docs < 2:
            return empty("reuse"), empty("passages")
        capped = self.run.client.scatter(self.capped(), broadcast=True)
        cand = self.candidates(capped)
        pairs, psg = self.verify(cand, capped, outlets)
        out = finish_reuse(pairs, psg, self.params)
        self.run.lap("reuse: best parents (client)")
        return out

    def capped(self) -> np.ndarray:
        """Flags of the frequency buckets over the cap, from the summed partition counts."""
        n, k = self.n_buckets, self.params.shingle_size
        pieces = [self.submit(doc_freq_pieces, p, k, n) for p in self.parts]
        split = fan_out(self.submit, pieces, n)
        cap = self.params.doc_freq_cap(self.n_docs)
        ranges = fan_in(self.submit, capped_in_range, split, n, cap)
        return np.concatenate(self.run.gather(ranges, "reuse: shingle frequencies"))

    def candidates(self, capped: Any) -> list[Any]:
        """Futures of each pair bucket's candidate pairs (document keys, lo < hi)."""
        n, params, submit = self.n_buckets, self.params, self.submit
        sketched = [submit(sketch_pieces, p, capped, params, n) for p in self.parts]
        split = fan_out(submit, sketched, n + 1)
        flags = submit(any_flag, *[s[n] for s in split])
        posts = fan_out(
            submit, [submit(posting_pieces, p, capped, flags, params, n) for p in self.parts], n
        )
        # Column bucket b: piece b of every partition's sketch, then of its postings.
        hits = [
            submit(column_bucket_hits, len(self.parts), n, *[s[b] for s in split + posts])
            for b in range(n)
        ]
        self.run.wait(hits, "reuse: containment hits")
        cand = fan_in(submit, bucket_candidates, fan_out(submit, hits, n), n)
        self.run.wait(cand, "reuse: candidate pairs")
        return cand

    def verify(
        self, cand: list[Any], capped: Any, outlets: Any
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Verified pairs and passages of every pair bucket, in waves of a few buckets.

        Each bucket needs the texts of documents from every partition, so all buckets at once
        would hold the corpus many times over.
        """
        submit, out = self.submit, []
        wave = max(1, self.run.n_workers())
        waves = range(0, len(cand), wave)
        for w0 in progress(waves, total=len(waves), desc="reuse: verify", quiet=self.run.quiet):
            todo = cand[w0 : w0 + wave]
            needed = [submit(docs_of, c) for c in todo]
            got = fan_out(submit, [submit(extract, p, *needed) for p in self.parts], len(todo))
            results = [
                submit(verify_bucket, c, capped, self.params, outlets, *[g[i] for g in got])
                for i, c in enumerate(todo)
            ]
            out.extend(self.run.client.gather(results))
        self.run.lap("reuse: verify and align")
        pairs = pd.concat([o[0] for o in out], ignore_index=True)
        return pairs, pd.concat([o[1] for o in out], ignore_index=True)
