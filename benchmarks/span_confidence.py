"""A confidence per loaded-language span from open evidence, and a threshold chosen on folds.

Session 16 (issue 16). Each evidence span of ``f_loaded_language`` on PTC's tuning part (merged
as ``ptc_eval.py`` merges them) gets a score from evidence that is open and documented, none
fitted to PTC or BABE:

- ``zipf``: how common the span's rarest word of three or more letters is in general English
  (wordfreq 3.1's Zipf frequency, Speer 2022; code Apache-2.0, data CC BY-SA 4.0; clipped to
  2.5-5.5; a word outside its list counts as rare). A common loaded word ("destroy",
  "corruption", "lies") is more often literal or topical;
- ``repeats``: how often the article holds the span's words (a topic word repeats);
- ``sources``: how many lists of the scan hit inside the span (the loaded lists, VADER's
  words, Pattern's subjective words, intensifiers, boosters, exaggeration, fear, ...);
- ``quoted``: inside quotation marks (``provenance.framing.quotes.quote_spans``);
- ``label``: a hit of the ``name_calling`` list inside the span;
- ``position``: the span's start as a share of its field (a lede is more often marked);
- ``spans``: the log of the field's loaded-language spans (precision rises with an article's
  loaded density, session 14).

``confidence`` combines them with the hand-set ``WEIGHTS`` (signs and sizes rounded from an
out-of-fold logistic fit, below; no model is saved); ``--weights name=value,...`` tries others
(0 leaves a piece of evidence out). The script prints, per tuning fold, the
precision of the spans by confidence band, the out-of-fold AUROC of a logistic fit over the
same evidence (how much any formula of it could separate), and the gate: spans under a
threshold left out, the threshold chosen on the other two folds (``nested_thresholds``; grid:
no threshold and the 0-30% quantiles of the scores), with the fold's P / R / F1 change and a
paired bootstrap of the pooled change on parts of the check part's size. The check part is
never read.

Run: ``pip install wordfreq`` (measuring only: not a dependency of the package), then
``python benchmarks/span_confidence.py [--dir ../shared/eval-data/PTC] [--seed 1616]
[--weights spans=0]``. Branch ``loaded`` (session 16), commit b0fea6c, holds the same gate
built into the package (``techniques.span_confidence``), measured with ``ptc_eval.py --folds``
and taken out (docs/framing-eval.md).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import ptc_eval as pe
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from provenance.framing import score_articles
from provenance.framing.features import scanner_for
from provenance.framing.quotes import quote_spans
from provenance.framing.techniques import LOADED_LANGUAGE_LISTS

# The loaded-language score's own lists, then the other lists a span's words may sit in.
SOURCE_LISTS = (
    *LOADED_LANGUAGE_LISTS,
    "vader_any",
    "subjective",
    "intensifiers",
    "boosters",
    "exaggeration",
    "fear",
    "editorializing",
    "verbs_doubt",
    "superlatives",
    "doubt",
)
ZIPF_RANGE = (2.5, 5.5)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# Per unit of evidence: Zipf is a log scale (one unit = ten times as common); repeats count
# in log2 (a doubling of uses); a source, a quote, a label, the whole article's length.
WEIGHTS: dict[str, float] = {
    "zipf": -1.0,
    "repeats": -0.5,
    "sources": 0.25,
    "quoted": 0.5,
    "label": 0.5,
    "position": -0.5,
    "spans": 0.25,
}
QUANTILES = np.linspace(0.0, 0.3, 61)  # the thresholds tried: these quantiles of the scores
BANDS = 5


def rarest_zipf(text: str, zipf: Callable[[str], float]) -> float:
    """Zipf frequency of the rarest word of three or more letters of ``text``, clipped to
    ``ZIPF_RANGE`` (no such word: the rare end).

    >>> rarest_zipf("very odious plan", {"very": 6.0, "odious": 2.8, "plan": 5.0}.get)
    2.8
    """
    values = [zipf(w.lower()) or 0.0 for w in _WORD.findall(text) if len(w) > 2]
    return float(np.clip(min(values, default=0.0), *ZIPF_RANGE))


def evidence_columns(table: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """``table``'s evidence ``names`` as the confidence weighs them: ``repeats`` (uses) in log2,
    ``spans`` (the field's spans) in natural log."""
    x = table[names].astype(float).copy()
    if "repeats" in x:
        x["repeats"] = np.log2(x["repeats"].clip(lower=1))
    if "spans" in x:
        x["spans"] = np.log(x["spans"].clip(lower=1))
    return x


def confidence(table: pd.DataFrame, weights: dict[str, float] = WEIGHTS) -> np.ndarray:
    """The hand-set confidence of each span (``table``: one column per key of ``weights``;
    ``repeats`` in uses, ``spans`` in spans, see ``evidence_columns``)."""
    x = evidence_columns(table, list(weights))
    return x.to_numpy() @ np.array(list(weights.values()))


def fold_scores(spans: pd.DataFrame, gold: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """P, R, F1 per fold (the index) of the kept ``spans`` (column ``ok``, ``fold``) against
    ``gold`` (column ``fold``) under the overlap rule."""
    rows = {}
    for f in sorted(set(spans["fold"])):
        p = spans[(spans["fold"] == f).to_numpy() & keep]
        g = gold[gold["fold"] == f]
        precision = p["ok"].mean() if len(p) else 0.0
        recall = pe.overlap_flags(g, p).mean() if len(g) else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows[f] = {"P": precision, "R": recall, "F1": f1, "kept": len(p)}
    return pd.DataFrame(rows).T


def nested_thresholds(spans: pd.DataFrame, gold: pd.DataFrame, conf: np.ndarray) -> np.ndarray:
    """Per fold, the threshold (none, or a ``QUANTILES`` point of ``conf``) of the best summed
    F1 on the other folds; returns the keep mask (spans above their fold's threshold)."""
    grid = np.concatenate([[-np.inf], np.quantile(conf, QUANTILES)])
    f1 = np.array([fold_scores(spans, gold, conf > t)["F1"].to_numpy() for t in grid])
    folds = np.asarray(spans["fold"])
    keep = np.ones(len(spans), dtype=bool)
    for i, f in enumerate(sorted(set(folds))):
        best = grid[np.argmax(f1.sum(axis=1) - f1[:, i])]
        keep[folds == f] = conf[folds == f] > best
    return keep


def span_table(arts: pd.DataFrame, gold: pd.DataFrame, zipf: Callable[[str], float]):
    """The tuning part's merged loaded-language spans with ``ok``, ``fold`` and the evidence
    columns, and its expert spans with ``fold``."""
    arts = arts[arts["part"] == "tuning"].reset_index(drop=True)
    family = pe.FAMILIES["loaded language"]
    gold = gold[gold["article_id"].isin(set(arts["article_id"]))]
    gold = gold[gold["technique"].isin(family.techniques)]
    gold = gold.assign(fold=gold["article_id"].map(pe.fold_of))
    _, evidence = score_articles(arts.drop(columns="part"), return_evidence=True)
    spans = pe.merge_overlaps(pe.predicted_spans(evidence, family.features))
    spans["ok"] = pe.overlap_flags(spans, gold)
    spans["fold"] = spans["article_id"].map(pe.fold_of)
    texts = pe.field_texts(arts)
    keys = list(texts)
    hits, _ = scanner_for().scan([texts[k] for k in keys])
    hits = hits[hits["list"].isin(SOURCE_LISTS)]
    by_key = {keys[d]: h for d, h in hits.groupby("doc")}
    quotes = {k: [(q.start, q.end) for q in quote_spans(t)] for k, t in texts.items()}
    rows = []
    for art, field, start, end in spans[["article_id", "field", "start", "end"]].itertuples(
        index=False
    ):
        text, h = texts[(art, field)], by_key.get((art, field), hits.iloc[:0])
        inside = set(h.loc[(h["start"] >= start) & (h["end"] <= end), "list"].astype(str))
        words = text[start:end]
        rows.append(
            {
                "text": words,
                "zipf": rarest_zipf(words, zipf),
                "repeats": max(text.lower().count(words.lower()), 1),
                "sources": len(inside),
                "quoted": any(a <= start and end <= b for a, b in quotes[(art, field)]),
                "label": "name_calling" in inside,
                "position": start / max(len(text), 1),
            }
        )
    table = pd.concat([spans, pd.DataFrame(rows, index=spans.index)], axis=1)
    table["spans"] = table.groupby(["article_id", "field"])["start"].transform("size")
    return table, gold


def out_of_fold_auroc(spans: pd.DataFrame) -> list[float]:
    """AUROC per fold of a logistic fit over ``WEIGHTS``' evidence on the other two folds: how
    well any linear formula of it separates right from wrong spans (nothing is saved)."""
    x = evidence_columns(spans, list(WEIGHTS))
    out = []
    for f in sorted(set(spans["fold"])):
        train = (spans["fold"] != f).to_numpy()
        fit = LogisticRegression(max_iter=2000).fit(x[train], spans["ok"][train])
        out.append(roc_auc_score(spans["ok"][~train], fit.predict_proba(x[~train])[:, 1]))
    return out


def band_lines(spans: pd.DataFrame, conf: np.ndarray) -> list[str]:
    """Precision per fold in each confidence band (quintiles of ``conf``, lowest first)."""
    band = pd.qcut(conf, BANDS, labels=False, duplicates="drop")
    table = spans.assign(band=band).groupby(["band", "fold"])["ok"].agg(["mean", "size"])
    lines = []
    for b, rows in table.groupby(level="band"):
        cells = [f"{m:.2f} ({n})" for m, n in rows.itertuples(index=False)]
        lines.append(f"  band {b + 1} of {BANDS}: P per fold " + " / ".join(cells))
    return lines


def paired_change(
    spans: pd.DataFrame, gold: pd.DataFrame, keep: np.ndarray, n: int, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pooled P, R, F1 change of the gate over the tuning articles, and its sd over ``n``
    paired resamples of ``pe.CHECK_SIZE`` articles."""
    ids = sorted(set(spans["article_id"]) | set(gold["article_id"]))

    def counts(mask: np.ndarray) -> np.ndarray:
        kept = spans[mask]
        found = gold.assign(found=pe.overlap_flags(gold, kept))
        return pe.span_counts(kept, found, ids).to_numpy(dtype=float)

    def prf(c: np.ndarray) -> np.ndarray:
        p, r = c[:, 1].sum() / max(c[:, 0].sum(), 1), c[:, 3].sum() / max(c[:, 2].sum(), 1)
        return np.array([p, r, 2 * p * r / (p + r) if p + r else 0.0])

    base, new = counts(np.ones(len(spans), dtype=bool)), counts(keep)
    rng = np.random.default_rng(seed)
    draws = [rng.integers(0, len(ids), pe.CHECK_SIZE) for _ in range(n)]
    deltas = np.array([prf(new[r]) - prf(base[r]) for r in draws])
    return prf(new) - prf(base), deltas.std(axis=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=pe.DEFAULT_DIR)
    parser.add_argument("--seed", type=int, default=1616)
    parser.add_argument("--bootstrap", type=int, default=2000)
    parser.add_argument("--weights", default="", help="name=value,... over WEIGHTS")
    args = parser.parse_args()
    weights = dict(WEIGHTS)
    for item in filter(None, args.weights.split(",")):
        name, value = item.split("=")
        weights[name.strip()] = float(value)
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        print("wordfreq is not installed: pip install wordfreq", file=sys.stderr)
        return 2
    if not (args.dir / "spans.csv").exists():
        print(f"PTC files not found in {args.dir}", file=sys.stderr)
        return 2
    arts, gold = pe.read_ptc(args.dir)
    spans, gold = span_table(arts, gold, lambda w: zipf_frequency(w, "en"))
    conf = confidence(spans, weights)
    print(f"{len(spans)} loaded-language spans on the tuning part; weights {weights}")
    auroc = " / ".join(f"{a:.3f}" for a in out_of_fold_auroc(spans))
    print(f"out-of-fold AUROC of a logistic fit over the same evidence: {auroc}")
    print("\n".join(band_lines(spans, conf)))
    base = fold_scores(spans, gold, np.ones(len(spans), dtype=bool))
    keep = nested_thresholds(spans, gold, conf)
    gated = fold_scores(spans, gold, keep)
    for f in base.index:
        b, g = base.loc[f], gated.loc[f]
        left = spans[(spans["fold"] == f).to_numpy() & ~keep]
        print(
            f"fold {f}: P / R / F1 {b.P:.3f} / {b.R:.3f} / {b.F1:.3f} -> {g.P:.3f} / {g.R:.3f} / "
            f"{g.F1:.3f} ({len(left)} spans left out, {left['ok'].mean():.2f} precise)"
        )
    change, sd = paired_change(spans, gold, keep, args.bootstrap, args.seed)
    print(
        "pooled change P / R / F1 "
        + " / ".join(
            f"{c:+.4f} (sd {s:.4f} on {pe.CHECK_SIZE})" for c, s in zip(change, sd, strict=True)
        )
    )
    return 0


if __name__ == "__main__":
    np.seterr(all="ignore")
    sys.exit(main())
