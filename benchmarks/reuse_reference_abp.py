"""The exhaustive text-reuse answer on ABP (no sampling, no LSH) and how ``find_reuse`` scores on it.

    python benchmarks/reuse_reference_abp.py                 # all 37,554 articles
    python benchmarks/reuse_reference_abp.py --n 20000       # the first 20,000

What is counted (the rules the reuse stage applies, stated exactly):

- articles: ``abp.jsonl.gz`` (``../shared/eval-data/ABP``) with ``article_id`` = the corpus id and
  ``outlet_id`` = the registered domain of the URL (tldextract, offline); the stage runs with
  these outlets, so "cross-outlet" here means "cross-domain";
- shingles: distinct word 5-grams as :func:`provenance.reuse.shingles.build_index` makes them
  (the project's word scanner, lower-cased, hashed into 2**25 columns), with the stage's
  document-frequency cap (``resolve_doc_freq_cap(None, n)``: shingles in more than
  max(50, 0.5% of the corpus) documents are furniture and do not count, on either side);
- containment of a in b = shared distinct shingles / a's distinct shingles (after the cap);
- a reference pair: two articles of different domains sharing at least ``MIN_SHARED`` (8)
  shingles whose containment reaches the threshold one way or the other (0.3, 0.5);
- all pairs from one sparse product ``X @ X.T`` of the binary doc x shingle matrix, in row blocks.

Then ``find_reuse`` runs on the same frame (``min_containment`` = the threshold, every other
parameter at its default) and the script prints recall (reference pairs it reports) and precision
(its pairs that are reference pairs) at both thresholds, with the times.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd
from abp import ABP, abp_records

from provenance.outlets.domains import registered_domains
from provenance.reuse import MIN_SHARED, ReuseParams, find_reuse, resolve_doc_freq_cap
from provenance.reuse.shingles import build_index

THRESHOLDS = (0.3, 0.5)
_ROW_BLOCK = 2_000


def load_abp(n: int | None = None, path: Path = ABP) -> pd.DataFrame:
    """The first ``n`` ABP articles (None: all) as a reuse input: article_id, outlet_id (the
    URL's registered domain), published, text."""
    rows = [
        (rec["id"], rec["url"], rec.get("published") or "", rec["text"] or "")
        for rec in abp_records(n, path)
    ]
    frame = pd.DataFrame(rows, columns=["article_id", "url", "published", "text"])
    frame["outlet_id"] = registered_domains(frame["url"]).astype("string")
    frame["published"] = pd.to_datetime(frame["published"], utc=True, errors="coerce")
    return frame.drop(columns="url")


def reference_pairs(
    articles: pd.DataFrame, threshold: float, shingle_size: int = 5
) -> pd.DataFrame:
    """Every cross-outlet pair whose containment reaches ``threshold`` one way (exhaustive).

    Returns a, b (article ids, a < b), shared, c_a (share of a in b), c_b.
    """
    arts = articles.sort_values("article_id", kind="stable", ignore_index=True)
    texts = arts["text"].astype("string").fillna("").tolist()
    index = build_index(texts, shingle_size, resolve_doc_freq_cap(None, len(arts)))
    x = index.matrix().astype(np.int32)
    xt = x.T.tocsr()
    n_sh = index.n_shingles
    outlet = pd.factorize(arts["outlet_id"].astype("string"))[0]
    parts = []
    for lo in range(0, len(arts), _ROW_BLOCK):
        prod = (x[lo : lo + _ROW_BLOCK] @ xt).tocoo()
        a, b, shared = prod.row.astype(np.int64) + lo, prod.col.astype(np.int64), prod.data
        keep = (a < b) & (shared >= MIN_SHARED) & ((outlet[a] != outlet[b]) | (outlet[a] < 0))
        a, b, shared = a[keep], b[keep], shared[keep]
        c_a, c_b = shared / n_sh[a], shared / n_sh[b]
        hit = np.maximum(c_a, c_b) >= threshold
        parts.append(
            pd.DataFrame(
                {"a": a[hit], "b": b[hit], "shared": shared[hit], "c_a": c_a[hit], "c_b": c_b[hit]}
            )
        )
    pairs = pd.concat(parts, ignore_index=True)
    ids = arts["article_id"].to_numpy(dtype=object)
    return pairs.assign(a=ids[pairs["a"].to_numpy()], b=ids[pairs["b"].to_numpy()])


def pair_keys(a: pd.Series, b: pd.Series) -> set[tuple[str, str]]:
    """Unordered pairs as (smaller id, larger id)."""
    return {(min(x, y), max(x, y)) for x, y in zip(a.astype(str), b.astype(str), strict=True)}


def score(articles: pd.DataFrame, ref: pd.DataFrame, threshold: float) -> dict[str, float]:
    """``find_reuse`` pairs, recall and precision at one threshold; ``ref``: the reference pairs
    at this threshold or a lower one."""
    ref = ref[np.maximum(ref["c_a"], ref["c_b"]) >= threshold]
    t = time.perf_counter()
    reuse, _ = find_reuse(articles, ReuseParams(min_containment=threshold))
    t_stage = time.perf_counter() - t
    truth = pair_keys(ref["a"], ref["b"])
    found = pair_keys(reuse["child_article_id"], reuse["parent_article_id"])
    hit = len(truth & found)
    return {
        "threshold": threshold,
        "reference_pairs": len(truth),
        "reported_pairs": len(found),
        "recall": hit / max(len(truth), 1),
        "precision": hit / max(len(found), 1),
        "stage_s": t_stage,
        "missed": sorted(truth - found)[:10],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=None, help="first N articles (default: all)")
    args = ap.parse_args(argv)
    if not ABP.exists():
        print(f"ABP not found at {ABP}")
        return 1
    articles = load_abp(args.n)
    print(
        f"ABP: {len(articles)} articles, {articles['outlet_id'].nunique()} domains, "
        f"doc-frequency cap {resolve_doc_freq_cap(None, len(articles))}"
    )
    t = time.perf_counter()
    ref = reference_pairs(articles, min(THRESHOLDS))
    print(f"reference (one sparse product X @ X.T): {time.perf_counter() - t:.1f} s")
    for threshold in THRESHOLDS:
        r = score(articles, ref, threshold)
        print(
            f"containment >= {threshold}: reference {r['reference_pairs']} pairs, find_reuse {r['reported_pairs']} pairs "
            f"({r['stage_s']:.1f} s): recall {r['recall']:.4f}, precision {r['precision']:.4f}"
        )
        for a, b in r["missed"]:
            print(f"  missed (first 10 by id): {a} {b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
