"""The reuse stage on one machine: :func:`find_reuse` runs the building blocks in order.

>>> import pandas as pd
>>> base = "Officials in Velmora welcomed the plan on Monday, saying it would expand rail links. "
>>> body = base + "The talks followed four rounds of cautious negotiations on grain exports. " * 3
>>> arts = pd.DataFrame({
...     "article_id": ["a1", "b1"], "outlet_id": ["wire", "paper"],
...     "published": pd.to_datetime(["2021-08-23 09:00", "2021-08-23 11:00"], utc=True),
...     "text": [body, "VELMORA (Wire) - " + body]})
>>> pairs, passages = find_reuse(arts, shingle_size=3)
>>> pairs[["child_article_id", "parent_article_id", "direction"]].values.tolist()
[['b1', 'a1', 'published']]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from provenance.errors import check_frame
from provenance.reuse.candidates import (
    candidate_pairs,
    containment_sketch,
    postings,
    sketch_hits,
    sketched_columns,
)
from provenance.reuse.direction import CERTAINTY, best_parents
from provenance.reuse.params import ReuseParams
from provenance.reuse.shingles import ShingleIndex, build_index
from provenance.reuse.verify import verify_pairs
from provenance.schema import TABLES, conform, empty


def check_frames(articles: Any, credits: Any = None, outlets: Any = None) -> None:
    """Raise NotADataFrameError (a TypeError) or a ValueError unless the stage's input tables
    have what it reads.

    >>> check_frames(pd.DataFrame({"article_id": ["a", "a"], "text": ["x", "y"]}))
    Traceback (most recent call last):
    ...
    ValueError: articles.article_id must be non-null and unique
    """
    check_frame(articles, "articles", "find_reuse", ["article_id", "text"])
    if articles["article_id"].isna().any() or not articles["article_id"].is_unique:
        raise ValueError("articles.article_id must be non-null and unique")
    for name, df, cols in (
        ("credits", credits, {"article_id", "outlet_id"}),
        ("outlets", outlets, {"outlet_id", "kind"}),
    ):
        if df is not None and (not isinstance(df, pd.DataFrame) or not cols <= set(df.columns)):
            raise ValueError(f"{name} must be a DataFrame with columns {sorted(cols)}")


def find_reuse(
    articles: pd.DataFrame,
    params: ReuseParams | None = None,
    *,
    credits: pd.DataFrame | None = None,
    outlets: pd.DataFrame | None = None,
    quiet: bool = True,
    candidates: ReuseCandidates | None = None,
    **options: Any,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Find republications in ``articles``: verified text-reuse pairs and their aligned passages.

    Parameters
    ----------
    articles : DataFrame with article_id and text (outlet_id and published are used if present).
    params : :class:`ReuseParams`; or give its fields as keywords (``shingle_size=4``).
    credits : optional DataFrame (article_id, outlet_id): the article credits that outlet.
    outlets : optional DataFrame (outlet_id, kind[, state_affiliated]): wires and state media
        are taken as sources when nothing else tells the direction.
    candidates : :func:`reuse_candidates` of these articles' texts with these params, if
        already built (the pandas engine builds them while its pool runs the other stages).

    Returns
    -------
    (reuse, passages) conforming to the "reuse" and "passages" tables, sorted by ids. Every
    verified pair is a row; ``is_best_parent`` marks each child's chosen parent (the credited
    one, then the highest containment, a source outlet, the closest in time), the others stay
    as alternatives; ``confidence`` is the containment strength times the trust in the
    direction evidence (see :data:`provenance.reuse.direction.CERTAINTY`). Texts are read up to
    their first 200,000 characters.

    Example
    -------
    >>> story = ("The ministers of the two countries met in Geneva on Monday to resume talks on "
    ...     "trade, energy and the border, officials from both delegations said after the first "
    ...     "session. A second round is planned for next month in Vienna, where experts will "
    ...     "draft a joint statement.")
    >>> articles = pd.DataFrame({"article_id": ["wire", "copy"],
    ...     "text": [story, story + " Our paper adds a comment of its own."],
    ...     "published": pd.to_datetime(["2021-08-23 09:00", "2021-08-23 11:00"], utc=True)})
    >>> reuse, passages = find_reuse(articles)
    >>> reuse[["child_article_id", "parent_article_id"]].values.tolist(), len(passages)
    ([['copy', 'wire']], 1)
    """
    if params is not None and options:
        raise ValueError("give either params or keyword parameters, not both")
    params = ReuseParams.from_options(params if params is not None else options)
    check_frames(articles, credits, outlets)
    if len(articles) < 2:
        return empty("reuse"), empty("passages")
    if candidates is None:
        candidates = reuse_candidates(articles, params, quiet=quiet)
    docs = candidates.documents(articles, params)
    pairs, passages = verify_pairs(
        docs,
        candidates.index,
        candidates.pairs,
        params,
        credits=credits,
        outlets=outlets,
        quiet=quiet,
    )
    return finish_reuse(pairs, passages, params)


@dataclass(frozen=True)
class ReuseCandidates:
    """What :func:`find_reuse` computes from the texts alone: the shingle index of the texts
    in article_id order and the candidate pairs (row numbers in that order). Built apart so
    that an engine can build it before the outlets and credits exist (first 5,000 ABP
    articles: index 1.9 CPU s and candidates 0.2 of reuse's 2.2).

    >>> story = "The ministers met in Geneva on Monday to resume talks on trade, aides said."
    >>> arts = pd.DataFrame({"article_id": ["b", "a"], "text": [story, story + " More."]})
    >>> found = reuse_candidates(arts, ReuseParams(shingle_size=3))
    >>> found.documents(arts, ReuseParams(shingle_size=3))["article_id"].tolist()
    ['a', 'b']
    """

    article_ids: np.ndarray
    params: ReuseParams
    index: ShingleIndex
    pairs: np.ndarray

    def documents(self, articles: pd.DataFrame, params: ReuseParams) -> pd.DataFrame:
        """``articles`` without their text in article_id order: the rows of the index. A
        ValueError unless they are the articles (ids) and params these were built from."""
        docs = articles.drop(columns="text").iloc[_id_order(articles)].reset_index(drop=True)
        ids = docs["article_id"].astype("string").to_numpy(dtype=object)
        if params != self.params or not np.array_equal(ids, self.article_ids):
            raise ValueError("reuse candidates built from other articles or parameters")
        return docs


def reuse_candidates(
    articles: pd.DataFrame, params: ReuseParams, *, quiet: bool = True
) -> ReuseCandidates:
    """The :class:`ReuseCandidates` of ``articles`` (article_id and text are all it reads).

    >>> story = "The ministers met in Geneva on Monday to resume talks on trade, aides said."
    >>> arts = pd.DataFrame({"article_id": ["b", "a"], "text": [story, story + " More."]})
    >>> found = reuse_candidates(arts, ReuseParams(shingle_size=3))
    >>> found.article_ids.tolist(), found.pairs.tolist()
    (['a', 'b'], [[0, 1]])
    """
    order = _id_order(articles)
    # The texts are taken in id order as strings, not copied in a sorted copy of the table
    # (120 MB of text on the first 20,000 ABP articles).
    texts = articles["text"].astype("string").fillna("").tolist()
    texts = [texts[i] for i in order]
    cap = params.doc_freq_cap(len(texts))
    index = build_index(texts, params.shingle_size, cap, quiet=quiet)
    del texts
    ids = articles["article_id"].astype("string").to_numpy(dtype=object)[order]
    pairs = corpus_candidates(index, params)
    # Only the candidates' documents are read from here on (the pandas engine keeps the
    # candidates while its pool runs the per-article stages).
    return ReuseCandidates(ids, params, index.only(np.unique(pairs).astype(np.int64)), pairs)


def _id_order(articles: pd.DataFrame) -> np.ndarray:
    """Row positions of ``articles`` in article_id order (results do not depend on the input's
    row order)."""
    ids = articles["article_id"].reset_index(drop=True)
    return ids.sort_values(kind="stable").index.to_numpy()


def corpus_candidates(index: ShingleIndex, params: ReuseParams) -> np.ndarray:
    """Candidate pairs (row numbers, i < j) of a whole corpus indexed on one machine.

    >>> from provenance.reuse.shingles import build_index
    >>> idx = build_index(["a b c d e f g h i j k l", "x y a b c d e f g h i j k l", "z"], 3)
    >>> corpus_candidates(idx, ReuseParams()).tolist()
    [[0, 1]]
    """
    sketch = containment_sketch(
        index, sketch_size=params.sketch_size, min_containment=params.min_containment
    )
    docs, cols = postings(index, sketched_columns([sketch]))
    return candidate_pairs(sketch_hits(sketch, docs, cols), summed=True)


def finish_reuse(
    pairs: pd.DataFrame, passages: pd.DataFrame, params: ReuseParams
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each child's best parent (among all its pairs), confidences, and the two sorted tables.

    ``pairs`` and ``passages`` are :func:`verify_pairs` results, concatenated over batches.

    :func:`find_reuse` ends with it (its example is a whole run); with no pairs:

    >>> reuse, passages = finish_reuse(pd.DataFrame(), pd.DataFrame(), ReuseParams())
    >>> list(reuse.columns) == TABLES["reuse"].names, len(reuse), len(passages)
    (True, 0, 0)
    """
    if pairs.empty:
        return empty("reuse"), empty("passages")
    pairs = pairs.reset_index(drop=True)
    # Dense ranks of the document numbers (same order) index the parents' source flags.
    docs, rank = np.unique(np.concatenate([pairs["child"], pairs["parent"]]), return_inverse=True)
    ranked = pairs.assign(child=rank[: len(pairs)], parent=rank[len(pairs) :])
    is_source = np.zeros(len(docs), dtype=bool)
    is_source[ranked["parent"].to_numpy()] = pairs["parent_is_source"].to_numpy(dtype=bool)
    pairs["is_best_parent"] = best_parents(ranked, pairs["lag_hours"], is_source)

    strength = np.maximum(pairs["containment"], pairs["parent_coverage"]).to_numpy()
    least = float(params.min_containment)
    span = max(1.0 - least, 1e-9)
    strength = np.clip(0.5 + 0.5 * (strength - least) / span, 0.0, 1.0)
    pairs["confidence"] = (strength * pairs["direction"].map(CERTAINTY).to_numpy()).round(4)
    for col, digits in (
        ("containment", 4),
        ("parent_coverage", 4),
        ("jaccard", 4),
        ("lag_hours", 3),
    ):
        pairs[col] = pairs[col].round(digits)
    reuse = pairs[TABLES["reuse"].names]
    reuse = reuse.sort_values(["child_article_id", "parent_article_id"], kind="stable")
    passages = passages.sort_values(["pair_id", "passage"], kind="stable")
    return conform(reuse, "reuse"), conform(passages, "passages")
