"""Text reuse: which articles copy which, at corpus scale.

Building blocks, vectorised over a corpus or any part of it (both engines call them):

1. word shingles of every article hashed into one flat index (:mod:`.shingles`); shingles found
   in too many documents (site furniture, stock phrases) are dropped;
2. candidate pairs by containment: a sample of each document's shingles against an inverted
   index of the sampled columns, one sparse product (:mod:`.candidates`);
3. exact containment both ways from sparse row products, the direction of each pair and its
   aligned passages (:mod:`.verify`, :mod:`.direction`, :mod:`.align`);
4. each child's best parent and the two tables (:mod:`.stage`), where steps 1-2, which read
   the texts only, can be run first (:func:`reuse_candidates`).

Parameters: :class:`ReuseParams` (:mod:`.params`).
"""

from provenance.reuse.candidates import (
    Hits,
    Sketch,
    candidate_pairs,
    containment_sketch,
    postings,
    sketch_hits,
    sketched_columns,
    unique_pairs,
)
from provenance.reuse.params import MIN_SHARED, ReuseParams, resolve_doc_freq_cap
from provenance.reuse.shingles import ShingleIndex, build_index, doc_freq_counts, drop_capped
from provenance.reuse.stage import (
    ReuseCandidates,
    check_frames,
    corpus_candidates,
    find_reuse,
    finish_reuse,
    reuse_candidates,
)
from provenance.reuse.verify import verify_pairs

__all__ = [
    "MIN_SHARED",
    "Hits",
    "ReuseCandidates",
    "ReuseParams",
    "ShingleIndex",
    "Sketch",
    "build_index",
    "candidate_pairs",
    "check_frames",
    "containment_sketch",
    "corpus_candidates",
    "doc_freq_counts",
    "drop_capped",
    "find_reuse",
    "finish_reuse",
    "postings",
    "resolve_doc_freq_cap",
    "reuse_candidates",
    "sketch_hits",
    "sketched_columns",
    "unique_pairs",
    "verify_pairs",
]
