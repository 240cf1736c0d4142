"""A confidence per loaded-language span from open evidence, and a threshold chosen on folds.

Session 16 (issue 16). Each loaded-language span of PTC's tuning part (merged as
``ptc_eval.py`` merges them) gets the evidence of the package's span confidence
(``provenance.framing.techniques.confidence_evidence``: commonness of its rarest word from the
shipped wordfreq list, repeats, lexicon sources, quoted, label, position, the text's span
count) and its ``CONFIDENCE_WEIGHTS``; ``--weights name=value,...`` tries others (a weight of
0 leaves a piece of evidence out). Printed per tuning fold: the precision of the spans by
confidence band, the out-of-fold AUROC of a logistic fit over the same evidence (how much any
linear formula of it could separate right from wrong spans; nothing is saved), and the gate:
spans at or under a threshold left out, the threshold chosen on the other two folds
(``nested_thresholds``; grid: no threshold and the 0-30% quantiles of the scores), with the
fold's P / R / F1 change and a paired bootstrap of the pooled change on parts of the check
part's size. The check part is never read. The package applies its own threshold to its
(unmerged) evidence spans; ``ptc_eval.py --folds`` scores that.

Run: ``python benchmarks/span_confidence.py [--dir ../shared/eval-data/PTC] [--seed 1616]
[--weights zipf=-1,spans=0]``
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import ptc_eval as pe
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from provenance.framing import features, score_articles
from provenance.framing.features import QuoteArrays, scanner_for
from provenance.framing.techniques import CONFIDENCE_WEIGHTS, HitArrays, confidence_evidence

QUANTILES = np.linspace(0.0, 0.3, 61)  # the thresholds tried: these quantiles of the scores
BANDS = 5


def confidence(evidence: pd.DataFrame, weights: dict[str, float]) -> np.ndarray:
    """Each span's confidence: its ``evidence`` columns weighted by ``weights``."""
    return evidence[list(weights)].to_numpy(dtype=float) @ np.array(list(weights.values()))


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


def span_table(arts: pd.DataFrame, gold: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The tuning part's merged loaded-language spans with ``ok``, ``fold`` and the columns of
    ``confidence_evidence``, and its expert spans with ``fold``."""
    arts = arts[arts["part"] == "tuning"].reset_index(drop=True)
    family = pe.FAMILIES["loaded language"]
    gold = gold[gold["article_id"].isin(set(arts["article_id"]))]
    gold = gold[gold["technique"].isin(family.techniques)]
    gold = gold.assign(fold=gold["article_id"].map(pe.fold_of))
    every = {"CONFIDENCE_THRESHOLD": -np.inf}  # every span, the gate left to this script
    with _patched(features, every):
        _, evidence = score_articles(arts.drop(columns="part"), return_evidence=True)
    spans = pe.merge_overlaps(pe.predicted_spans(evidence, family.features))
    spans["ok"] = pe.overlap_flags(spans, gold)
    spans["fold"] = spans["article_id"].map(pe.fold_of)
    texts = pe.field_texts(arts)
    keys = list(texts)
    position = {k: i for i, k in enumerate(keys)}
    frame = pd.DataFrame(
        {
            "doc": [position[k] for k in zip(spans["article_id"], spans["field"], strict=True)],
            "start": spans["start"].to_numpy(),
            "end": spans["end"].to_numpy(),
        }
    )
    raw = [texts[k] for k in keys]
    hits = HitArrays.of(scanner_for().scan(raw)[0])
    quotes = QuoteArrays.of(raw)
    table = confidence_evidence(frame, raw, hits, (quotes.doc, quotes.start, quotes.end))
    return pd.concat([spans, table.set_axis(spans.index)], axis=1), gold


@contextmanager
def _patched(module: object, values: dict[str, object]):
    """``module``'s attributes set to ``values`` inside the block."""
    saved = {k: getattr(module, k) for k in values}
    try:
        for k, v in values.items():
            setattr(module, k, v)
        yield
    finally:
        for k, v in saved.items():
            setattr(module, k, v)


def out_of_fold_auroc(spans: pd.DataFrame) -> list[float]:
    """AUROC per fold of a logistic fit over the confidence's evidence on the other two folds:
    how well any linear formula of it separates right from wrong spans (nothing is saved)."""
    x = spans[list(CONFIDENCE_WEIGHTS)].astype(float)
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
        return (
            pd.DataFrame(
                {
                    "predicted": kept.groupby("article_id").size(),
                    "correct": kept.groupby("article_id")["ok"].sum(),
                    "gold": found.groupby("article_id").size(),
                    "found": found.groupby("article_id")["found"].sum(),
                }
            )
            .reindex(ids)
            .fillna(0)
            .to_numpy(dtype=float)
        )

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
    parser.add_argument("--weights", default="", help="name=value,... over the shipped ones")
    args = parser.parse_args()
    if not (args.dir / "spans.csv").exists():
        print(f"PTC files not found in {args.dir}", file=sys.stderr)
        return 2
    weights = dict(CONFIDENCE_WEIGHTS)
    for item in filter(None, args.weights.split(",")):
        name, value = item.split("=")
        weights[name.strip()] = float(value)
    arts, gold = pe.read_ptc(args.dir)
    spans, gold = span_table(arts, gold)
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
