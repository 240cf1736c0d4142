"""Does the right framing delta move the right way for each kind of edit?

Each row of framing_pairs.csv (sentence pairs written for this project: a neutral sentence and
an edited one) becomes a parent article (neutral) and a child article (edited) joined by a
link; ``score_links`` scores the link and the script checks, per edit type, the delta that
should respond:

- verb_swap: d_shift_to_<expect> > 0 (an attribution verb replaced by one of class <expect>)
- hedge_removed: d_hedges_removed > 0
- loaded_word_added: d_loaded_language > 0
- quote_dropped: d_quote_share < 0
- frame_changed: d_frame_<expect> > 0

Run: ``python tests/eval/score_framing.py`` (prints the hit rate per type, exit 1 below 0.95).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

from provenance.framing import score_links

PAIRS = Path(__file__).with_name("framing_pairs.csv")
THRESHOLD = 0.95


def right_way(scores: pd.DataFrame, pairs: pd.DataFrame) -> pd.Series:
    """Per pair: True when the edit type's delta moved in the expected direction."""
    s = scores.set_index("link_id").loc[pairs["pair_id"]]
    expect = pairs["expect"].fillna("").to_numpy()
    kind = pairs["edit_type"].to_numpy()
    ok = np.zeros(len(pairs), dtype=bool)
    for i, (k, e) in enumerate(zip(kind, expect, strict=True)):
        row = s.iloc[i]
        if k == "verb_swap":
            ok[i] = row[f"d_shift_to_{e}"] > 0
        elif k == "hedge_removed":
            ok[i] = row["d_hedges_removed"] > 0
        elif k == "loaded_word_added":
            ok[i] = row["d_loaded_language"] > 0
        elif k == "quote_dropped":
            ok[i] = row["d_quote_share"] < 0
        elif k == "frame_changed":
            ok[i] = row[f"d_frame_{e}"] > 0
        else:
            raise ValueError(f"unknown edit type {k!r}")
    return pd.Series(ok, index=pairs["pair_id"].to_numpy())


def evaluate(path: Path = PAIRS) -> pd.DataFrame:
    """Hit rate per edit type: columns edit_type, n, right_way, rate."""
    pairs = pd.read_csv(path, dtype=str, keep_default_na=False)
    articles = pd.DataFrame(
        {
            "article_id": [f"n_{p}" for p in pairs["pair_id"]]
            + [f"e_{p}" for p in pairs["pair_id"]],
            "title": "",
            "text": pd.concat([pairs["neutral"], pairs["edited"]], ignore_index=True),
        }
    )
    links = pd.DataFrame(
        {
            "link_id": pairs["pair_id"],
            "child_article_id": "e_" + pairs["pair_id"],
            "parent_article_id": "n_" + pairs["pair_id"],
            "parent_outlet_id": "wire",
        }
    )
    ok = right_way(score_links(links, articles), pairs)
    pairs = pairs.assign(right_way=ok.to_numpy())
    out = pairs.groupby("edit_type", sort=True)["right_way"].agg(n="size", right_way="sum")
    out["rate"] = out["right_way"] / out["n"]
    out.attrs["misses"] = pairs.loc[~pairs["right_way"], ["pair_id", "edit_type", "edited"]]
    return out.reset_index()


def main() -> int:
    result = evaluate()
    print(result.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    misses = result.attrs.get("misses")
    if misses is not None and len(misses):
        print("\nmisses:")
        print(misses.to_string(index=False))
    return 0 if (result["rate"] >= THRESHOLD).all() else 1


if __name__ == "__main__":
    sys.exit(main())
