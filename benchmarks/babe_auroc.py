"""AUROC of the loaded-language score on BABE (Biased vs Non-biased sentences), no training.

BABE: Spinde, Plank, Krieger, Ruas, Gipp & Aizawa (2021), "Neural Media Bias Detection Using
Distant Supervision With BABE", Findings of EMNLP. Research use only: the data is read from
../shared/eval-data/BABE beside the repo (or --dir) and never copied into the project; nothing is fitted to
it and no model is saved.

The scores are ``f_loaded_language`` (since session 8 a damped rate, phrases per 1,000 of
words + 200, which on a sentence is close to a count: development 0.642 -> 0.645; since session
9 plus 0.04 per word of Pattern's subjectivity lexicon, 0.645 -> 0.659, and without scare-quote
and 'very' + valenced-word phrases, 0.665; since session 19 plus 0.1 per rare valenced word
of the narration, list ``rare_valenced``, 0.699 -> 0.710; since session 20 plus 0.1 per other
rare word there, at most 2 a text, list ``rare_words``, 0.710 -> 0.721) and
``f_bias_cues`` (definitions in provenance.framing.FEATURES; the weights of ``f_bias_cues`` were chosen on the development
split below, ``provenance.framing.techniques.BIAS_CUE_WEIGHTS``). The second version of
``f_loaded_language`` (editorializing words, VADER's evaluative adjectives/adverbs instead of every strongly
valenced word, each word counted once) was chosen on a *development split*: the SG2 labels of
the 1,693 sentences that SG1 also holds. The *held-out split* is the 1,980 SG2 sentences that
SG1 does not hold; it was scored once with the chosen version. Figures per split:

    dev (SG2 labels, sentences also in SG1), held-out (SG2 only), all of SG2, and SG1 with
    its own annotators' labels.

``--ceiling`` adds a diagnostic, not a score: a logistic regression over every ``f_*`` column,
fitted and scored by 5-fold cross-validation inside the development split, to show how far a
model *trained* on BABE gets with the same features.

Run: ``python benchmarks/babe_auroc.py [--dir ../shared/eval-data/BABE] [--ceiling]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from provenance.framing import score_texts

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "BABE"
SCORE = "f_loaded_language"
# The sentence score whose weights were chosen on the dev split (provenance.framing.techniques).
BIAS_SCORE = "f_bias_cues"
ALSO = (
    BIAS_SCORE,
    "f_loaded",
    "f_evaluative_modifiers",
    "f_editorializing",
    "f_intensifiers",
    "f_subjectivity",
    "f_sentiment_strong",
)


def read_babe(path: Path, columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every sentence of a BABE file with its label (Biased, Non-biased or No agreement), and
    the other ``columns`` asked for (news_link, topic, biased_words...)."""
    usecols = list(dict.fromkeys(("text", "label_bias", *columns)))
    return pd.read_csv(path, sep=";", encoding="utf-8-sig", usecols=usecols)


def _labelled(df: pd.DataFrame) -> pd.DataFrame:
    """The Biased and Non-biased rows ('No agreement' rows are left out)."""
    return df[df["label_bias"].isin(["Biased", "Non-biased"])].reset_index(drop=True)


def splits(folder: Path, columns: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """The evaluation splits: dev, held-out, all of SG2, SG1 with its own labels (each with
    text, label_bias and ``columns``)."""
    sg1 = read_babe(folder / "final_labels_SG1.csv", columns)
    sg2 = _labelled(read_babe(folder / "final_labels_SG2.csv", columns))
    # Every sentence SG1 holds, 'No agreement' ones too: all were seen while choosing.
    in_sg1 = sg2["text"].isin(set(sg1["text"]))
    return {
        "dev (SG2 labels, in SG1)": sg2[in_sg1],
        "held-out (SG2 only)": sg2[~in_sg1],
        "all SG2": sg2,
        "SG1 (own labels)": _labelled(sg1),
    }


def auroc_table(folder: Path = DEFAULT_DIR) -> pd.DataFrame:
    """AUROC per split (rows) and feature (columns), with sentence counts."""
    rows = {}
    for name, df in splits(folder).items():
        y = (df["label_bias"] == "Biased").to_numpy(dtype=int)
        feats = score_texts(df["text"].astype(str).reset_index(drop=True))
        row = {"sentences": len(df), "biased": int(y.sum())}
        row.update({f: roc_auc_score(y, feats[f].to_numpy()) for f in (SCORE, *ALSO)})
        rows[name] = row
    return pd.DataFrame.from_dict(rows, orient="index")


def ceiling(folder: Path = DEFAULT_DIR) -> float:
    """Diagnostic: 5-fold CV AUROC of a logistic regression on all f_* features, dev split."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    dev = splits(folder)["dev (SG2 labels, in SG1)"]
    y = (dev["label_bias"] == "Biased").to_numpy(dtype=int)
    X = score_texts(dev["text"].astype(str).reset_index(drop=True)).fillna(0.0).to_numpy()
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=2000))
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    proba = cross_val_predict(model, X, y, cv=cv, method="predict_proba")[:, 1]
    return float(roc_auc_score(y, proba))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--ceiling", action="store_true", help="add the fitted diagnostic")
    args = parser.parse_args()
    missing = [
        p for p in ("final_labels_SG1.csv", "final_labels_SG2.csv") if not (args.dir / p).exists()
    ]
    if missing:
        print(f"BABE files not found in {args.dir}: {', '.join(missing)}", file=sys.stderr)
        return 2
    table = auroc_table(args.dir)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.round(3).to_string())
    for name in (SCORE, BIAS_SCORE):
        print(f"AUROC {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in table[name].items()))
    if args.ceiling:
        print(f"diagnostic, fitted on dev (5-fold CV), all f_* features: {ceiling(args.dir):.3f}")
    return 0


if __name__ == "__main__":
    np.seterr(all="ignore")
    sys.exit(main())
