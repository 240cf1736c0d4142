"""AUROC of the loaded-language score on BABE (Biased vs Non-biased sentences), no training.

BABE: Spinde, Plank, Krieger, Ruas, Gipp & Aizawa (2021), "Neural Media Bias Detection Using
Distant Supervision With BABE", Findings of EMNLP. Research use only: the data is read from
/work/shared/eval-data/BABE (or --path) and never copied into the project.

The score is ``f_loaded_language`` (definition in provenance.framing.FEATURES), fixed before
this evaluation was run; the other columns are printed for information only.

Run: ``python benchmarks/babe_auroc.py [--path final_labels_SG2.csv]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
from sklearn.metrics import roc_auc_score

from provenance.framing import score_texts

DEFAULT = Path("/work/shared/eval-data/BABE/final_labels_SG2.csv")
SCORE = "f_loaded_language"
ALSO = ("f_loaded", "f_subjectivity", "f_intensifiers", "f_sentiment_strong")


def babe_auroc(path: Path = DEFAULT) -> dict[str, float]:
    """AUROC per feature for Biased (1) vs Non-biased (0); 'No agreement' rows are left out."""
    df = pd.read_csv(path, sep=";", encoding="utf-8-sig", usecols=["text", "label_bias"])
    df = df[df["label_bias"].isin(["Biased", "Non-biased"])].reset_index(drop=True)
    y = (df["label_bias"] == "Biased").astype(int).to_numpy()
    feats = score_texts(df["text"].astype(str))
    out = {"n_sentences": float(len(df)), "n_biased": float(y.sum())}
    for name in (SCORE, *ALSO):
        out[name] = float(roc_auc_score(y, feats[name].to_numpy()))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.path.exists():
        print(f"BABE file not found: {args.path}", file=sys.stderr)
        return 2
    res = babe_auroc(args.path)
    print(
        f"BABE {args.path.name}: {int(res['n_sentences'])} sentences, {int(res['n_biased'])} biased"
    )
    print(f"AUROC {SCORE} (the score): {res[SCORE]:.3f}")
    for name in ALSO:
        print(f"AUROC {name}: {res[name]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
