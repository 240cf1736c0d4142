"""Text reuse: which articles copy which, at corpus scale.

Pipeline, vectorised over the whole corpus (no Python loop per document pair):

1. word shingles of every article hashed into one flat array (:mod:`.shingles`); shingles found
   in too many documents (site furniture, stock phrases) are dropped;
2. MinHash signatures and LSH banding give candidate pairs (:mod:`.candidates`);
3. exact containment both ways from sparse row products verifies them (:mod:`.verify`);
4. the direction of each pair and each child's best parent (:mod:`.direction`);
5. aligned passages and what the child added and dropped (:mod:`.align`).

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

import math
from numbers import Integral, Real

import numpy as np
import pandas as pd

from provenance.ids import stable_id
from provenance.reuse.align import align_pairs, union_length
from provenance.reuse.candidates import (
    lsh_candidate_pairs,
    minhash_signatures,
    signature_agreement,
)
from provenance.reuse.direction import CERTAINTY, best_parents, orient
from provenance.reuse.shingles import ShingleIndex, build_index
from provenance.reuse.verify import shared_shingles
from provenance.schema import TABLES, conform, empty

__all__ = ["find_reuse", "finish_reuse", "resolve_doc_freq_cap", "verify_pairs"]

# Pairs must share at least this many distinct shingles (short texts cannot be judged).
MIN_SHARED = 8
# Candidates must agree on this share of min-hashes (estimated Jaccard): a child holding a
# tenth of its parent's shingles still passes, chance meetings in one LSH band do not.
MIN_AGREEMENT = 0.08
# Automatic document-frequency cap: a share of the corpus, never below a floor so that small
# corpora keep their republication families (a story republished by dozens of outlets).
AUTO_DOC_FREQ_SHARE = 0.005
AUTO_DOC_FREQ_FLOOR = 50
SOURCE_KINDS = ("wire", "state_media")


def resolve_doc_freq_cap(max_doc_freq: int | float | None, n_docs: int) -> int:
    """Documents a shingle may appear in before it is ignored.

    ``None``: ``max(50, 0.5% of the corpus)``; an int: that many documents; a float in (0, 1]:
    that share of the corpus (at least 2 documents).

    >>> resolve_doc_freq_cap(None, 100_000), resolve_doc_freq_cap(0.01, 1000), resolve_doc_freq_cap(7, 10)
    (500, 10, 7)
    """
    if max_doc_freq is None:
        return max(AUTO_DOC_FREQ_FLOOR, math.ceil(AUTO_DOC_FREQ_SHARE * n_docs))
    if isinstance(max_doc_freq, Integral) and not isinstance(max_doc_freq, bool):
        return int(max_doc_freq)
    return max(2, math.ceil(float(max_doc_freq) * n_docs))


def _validate(
    articles, credits, outlets, shingle_size, num_perm, bands, min_containment, max_doc_freq, seed
) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise ValueError("articles must be a pandas DataFrame")
    missing = {"article_id", "text"} - set(articles.columns)
    if missing:
        raise ValueError(f"articles lacks required columns: {sorted(missing)}")
    if articles["article_id"].isna().any() or not articles["article_id"].is_unique:
        raise ValueError("articles.article_id must be non-null and unique")
    for name, value, lo, hi in (
        ("shingle_size", shingle_size, 1, 25),
        ("num_perm", num_perm, 1, 1024),
        ("bands", bands, 1, 1024),
    ):
        if not isinstance(value, Integral) or isinstance(value, bool) or not lo <= value <= hi:
            raise ValueError(f"{name} must be an integer in [{lo}, {hi}], got {value!r}")
    if num_perm % bands:
        raise ValueError(f"num_perm ({num_perm}) must be a multiple of bands ({bands})")
    if not isinstance(min_containment, Real) or not 0 < min_containment <= 1:
        raise ValueError(f"min_containment must be in (0, 1], got {min_containment!r}")
    if max_doc_freq is not None:
        if isinstance(max_doc_freq, bool) or not isinstance(max_doc_freq, Real):
            raise ValueError(
                f"max_doc_freq must be None, an int >= 2 or a float in (0, 1], got {max_doc_freq!r}"
            )
        if isinstance(max_doc_freq, Integral) and max_doc_freq < 2:
            raise ValueError(f"max_doc_freq as a document count must be >= 2, got {max_doc_freq}")
        if not isinstance(max_doc_freq, Integral) and not 0 < max_doc_freq <= 1:
            raise ValueError(f"max_doc_freq as a share must be in (0, 1], got {max_doc_freq}")
    if not isinstance(seed, Integral) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    for name, df, cols in (
        ("credits", credits, {"article_id", "outlet_id"}),
        ("outlets", outlets, {"outlet_id", "kind"}),
    ):
        if df is not None and (not isinstance(df, pd.DataFrame) or not cols <= set(df.columns)):
            raise ValueError(f"{name} must be a DataFrame with columns {sorted(cols)}")


def find_reuse(
    articles: pd.DataFrame,
    *,
    credits: pd.DataFrame | None = None,
    outlets: pd.DataFrame | None = None,
    shingle_size: int = 5,
    num_perm: int = 128,
    bands: int = 64,
    min_containment: float = 0.5,
    keep_same_outlet: bool = False,
    max_doc_freq: int | float | None = None,
    seed: int = 0,
    quiet: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Find republications in ``articles``: verified text-reuse pairs and their aligned passages.

    Parameters
    ----------
    articles : DataFrame with article_id and text (outlet_id and published are used if present).
    credits : optional DataFrame (article_id, outlet_id): the article credits that outlet.
    outlets : optional DataFrame (outlet_id, kind[, state_affiliated]): wires and state media
        are taken as sources when nothing else tells the direction.
    shingle_size : words per shingle (5: robust to trimming, few chance matches).
    num_perm, bands : MinHash size and LSH bands (``num_perm / bands`` rows per band). The
        default 64 bands of 2 rows finds pairs from Jaccard ~0.2 up (a child keeping a quarter
        of its parent), before exact verification.
    min_containment : a pair is kept when the larger of its two containments (share of one
        document's shingles found in the other) reaches this.
    keep_same_outlet : also link articles of one outlet (off: an outlet's pages share furniture).
    max_doc_freq : ignore shingles in more documents than this: None = max(50, 0.5% of the
        corpus); an int = documents; a float = share of the corpus (1.0: no cap). Text found
        in more documents counts as furniture, so a story republished more often than this
        is not linked: raise it for corpora with mass syndication.
    seed : MinHash seed (results are deterministic for a given seed).

    Returns
    -------
    (reuse, passages) conforming to the "reuse" and "passages" tables, sorted by ids. Every
    verified pair is a row; ``is_best_parent`` marks each child's chosen parent (the credited
    one, then the highest containment, a source outlet, the closest in time), the others stay
    as alternatives; ``confidence`` is the containment strength times the trust in the
    direction evidence (published 1.0, credit 0.95, outlet kind 0.8, containment 0.6,
    undetermined 0.3). Texts are read up to their first 200,000 characters.
    """
    _validate(
        articles,
        credits,
        outlets,
        shingle_size,
        num_perm,
        bands,
        min_containment,
        max_doc_freq,
        seed,
    )
    # Work in article_id order: results do not depend on the input's row order.
    articles = articles.sort_values("article_id", kind="stable", ignore_index=True)
    n = len(articles)
    if n < 2:
        return empty("reuse"), empty("passages")
    texts = articles["text"].astype("string").fillna("").tolist()
    index = build_index(texts, shingle_size, resolve_doc_freq_cap(max_doc_freq, n), quiet=quiet)
    sig = minhash_signatures(index, num_perm, seed, quiet=quiet)
    cand = lsh_candidate_pairs(sig, index.n_shingles >= MIN_SHARED, bands, quiet=quiet)
    pairs, passages = verify_pairs(
        articles,
        index,
        sig,
        cand,
        credits=credits,
        outlets=outlets,
        shingle_size=shingle_size,
        min_containment=min_containment,
        keep_same_outlet=keep_same_outlet,
        quiet=quiet,
    )
    return finish_reuse(pairs, passages, min_containment=min_containment)


def verify_pairs(
    docs: pd.DataFrame,
    index: ShingleIndex,
    sig: np.ndarray,
    cand: np.ndarray,
    *,
    doc_numbers: np.ndarray | None = None,
    credits: pd.DataFrame | None = None,
    outlets: pd.DataFrame | None = None,
    shingle_size: int = 5,
    min_containment: float = 0.5,
    keep_same_outlet: bool = False,
    quiet: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Verify, orient and align candidate pairs; every pair is judged on its own documents.

    ``docs`` (article_id, text[, outlet_id, published]) in article_id order are the rows of
    ``index`` and ``sig``; ``cand`` holds (i, j) row pairs with i < j. ``doc_numbers`` numbers the
    rows corpus-wide in article_id order (default: the row positions), so that a distributed
    engine can verify its pairs in batches and :func:`finish_reuse` all of them at once.

    Returns (pairs, passages): one row per verified pair (ids, child/parent numbers, measures,
    direction; before best parents and confidence) and its aligned passages by pair_id.
    """
    n = len(docs)
    numbers = np.arange(n, dtype=np.int64) if doc_numbers is None else np.asarray(doc_numbers)
    ids = docs["article_id"].astype("string").to_numpy(dtype=object)
    if "outlet_id" in docs:
        outlet_col = docs["outlet_id"].astype("string").to_numpy(dtype=object)
    else:
        outlet_col = np.full(n, None, dtype=object)
    outlet_code, outlet_names = pd.factorize(pd.Series(outlet_col, dtype="string"))
    if "published" in docs:
        pub = pd.to_datetime(docs["published"], utc=True, errors="coerce")
        published = pub.to_numpy(dtype="datetime64[ns]").view(np.int64)
    else:
        published = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)

    n_sh = index.n_shingles
    if not keep_same_outlet and len(cand):
        oa, ob = outlet_code[cand[:, 0]], outlet_code[cand[:, 1]]
        cand = cand[(oa < 0) | (oa != ob)]
    # Pairs that met in one band by chance (a few stock phrases) agree on few min-hashes: the
    # full signature drops them before the exact check, which keeps the cost near-linear.
    cand = cand[signature_agreement(sig, cand) >= MIN_AGREEMENT]

    shared = shared_shingles(index.matrix(), cand)
    na, nb = n_sh[cand[:, 0]], n_sh[cand[:, 1]]
    c_a = shared / np.maximum(na, 1)
    c_b = shared / np.maximum(nb, 1)
    ok = (shared >= MIN_SHARED) & (np.maximum(c_a, c_b) >= min_containment)
    pairs = pd.DataFrame(
        {
            "a": cand[ok, 0],
            "b": cand[ok, 1],
            "c_a": c_a[ok],
            "c_b": c_b[ok],
            "jaccard": shared[ok] / (na[ok] + nb[ok] - shared[ok]),
        }
    )
    if pairs.empty:
        return pd.DataFrame(), pd.DataFrame()

    is_source = _source_flags(outlet_col, outlets)
    pairs = orient(
        pairs,
        published=published,
        outlet=outlet_code,
        is_source=is_source,
        credit_codes=_credit_codes(credits, ids, outlet_names),
    )
    child, parent = pairs["child"].to_numpy(), pairs["parent"].to_numpy()
    nat = np.iinfo(np.int64).min
    dated = (published[child] != nat) & (published[parent] != nat)
    pairs["lag_hours"] = np.where(dated, (published[child] - published[parent]) / 3.6e12, np.nan)
    pairs["parent_is_source"] = is_source[parent]

    psg = align_pairs(index, child, parent, shingle_size, quiet=quiet)
    owner = psg["pair"].to_numpy()
    n_pairs = len(pairs)
    pairs["n_passages"] = np.bincount(owner, minlength=n_pairs)
    pairs["aligned_chars"] = union_length(
        owner, psg["child_start"].to_numpy(np.int64), psg["child_end"].to_numpy(np.int64), n_pairs
    )
    pairs["added_words"] = index.n_words[child] - psg.attrs["child_covered"]
    pairs["dropped_words"] = index.n_words[parent] - psg.attrs["parent_covered"]

    a_ids, b_ids = ids[pairs["a"].to_numpy()], ids[pairs["b"].to_numpy()]
    pair_ids = np.array(
        [stable_id(*sorted((x, y))) for x, y in zip(a_ids, b_ids, strict=True)], dtype=object
    )
    pairs["pair_id"] = pair_ids
    pairs["child_article_id"] = ids[child]
    pairs["parent_article_id"] = ids[parent]
    pairs["child"] = numbers[child]
    pairs["parent"] = numbers[parent]
    passages = pd.DataFrame(
        {
            "pair_id": pair_ids[owner],
            "passage": psg["passage"],
            "child_start": psg["child_start"],
            "child_end": psg["child_end"],
            "parent_start": psg["parent_start"],
            "parent_end": psg["parent_end"],
            "n_words": psg["n_words"],
        }
    )
    return pairs.drop(columns=["a", "b", "c_a", "c_b"]), passages


def finish_reuse(
    pairs: pd.DataFrame, passages: pd.DataFrame, *, min_containment: float = 0.5
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each child's best parent (among all its pairs), confidences, and the two sorted tables.

    ``pairs`` and ``passages`` are :func:`verify_pairs` results, concatenated over batches.
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
    span = max(1.0 - float(min_containment), 1e-9)
    strength = np.clip(0.5 + 0.5 * (strength - min_containment) / span, 0.0, 1.0)
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


def _source_flags(outlet_col: np.ndarray, outlets: pd.DataFrame | None) -> np.ndarray:
    """Per document: does its outlet count as a source (wire, state media, state-affiliated)?"""
    if outlets is None or outlets.empty:
        return np.zeros(len(outlet_col), dtype=bool)
    src = outlets["kind"].astype("string").isin(SOURCE_KINDS).fillna(False)
    if "state_affiliated" in outlets:
        src |= outlets["state_affiliated"].astype("boolean").fillna(False)
    sources = set(outlets.loc[src.to_numpy(dtype=bool), "outlet_id"].astype(str))
    return pd.Series(outlet_col, dtype="string").isin(sources).fillna(False).to_numpy(dtype=bool)


def _credit_codes(
    credits: pd.DataFrame | None, ids: np.ndarray, outlet_names: pd.Index
) -> np.ndarray:
    """``doc * n_codes + outlet_code`` for every (crediting document, credited outlet)."""
    if credits is None or credits.empty:
        return np.empty(0, dtype=np.int64)
    doc = pd.Index(ids).get_indexer(credits["article_id"].astype("string").to_numpy(dtype=object))
    oc = pd.Index(outlet_names).get_indexer(
        credits["outlet_id"].astype("string").to_numpy(dtype=object)
    )
    ok = (doc >= 0) & (oc >= 0)
    m = max(len(outlet_names), 1)
    return np.unique(doc[ok].astype(np.int64) * m + oc[ok])
