"""Which document of a reuse pair is the parent, and which parent is each child's best.

Evidence, strongest first: the earlier ``published`` time; a credit from one to the other's
outlet; the outlet kind (wires and state media are sources); containment asymmetry (the copy is
the one mostly contained in the other: news copies trim more than they add). A pair that none of
these decides is ``undetermined`` and kept as it is, never guessed.

>>> import numpy as np, pandas as pd
>>> t = pd.to_datetime(["2021-08-23 09:00", "2021-08-23 10:00"], utc=True).asi8
>>> d = orient(pd.DataFrame({"a": [0], "b": [1], "c_a": [0.9], "c_b": [0.9]}), published=t,
...            outlet=np.array([0, 1]), is_source=np.array([False, False]),
...            credit_codes=np.array([], dtype=np.int64))
>>> d[["child", "parent", "direction"]].values.tolist()
[[1, 0, 'published']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# Minimal containment difference for the last-resort asymmetry rule.
ASYMMETRY = 0.2
# How much each kind of evidence is trusted (feeds the pair confidence).
CERTAINTY = {
    "published": 1.0,
    "credit": 0.95,
    "outlet_kind": 0.8,
    "containment": 0.6,
    "undetermined": 0.3,
}


def orient(
    pairs: pd.DataFrame,
    *,
    published: np.ndarray,
    outlet: np.ndarray,
    is_source: np.ndarray,
    credit_codes: np.ndarray,
) -> pd.DataFrame:
    """Add child, parent, containment, parent_coverage, credited and direction to ``pairs``.

    ``pairs`` has document indices ``a``, ``b`` and containments ``c_a`` (share of a in b) and
    ``c_b``. Per document: ``published`` (int64 ns, NaT as the int64 minimum), ``outlet`` (int
    codes, -1 unknown), ``is_source`` (bool). ``credit_codes`` holds ``doc * n_codes + outlet``
    for every credit a document gives, with ``n_codes = outlet.max() + 1``.
    """
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    ta, tb = published[a], published[b]
    oa, ob = outlet[a], outlet[b]
    m = max(int(outlet.max()) + 1, 1) if len(outlet) else 1
    a_credits_b = (ob >= 0) & np.isin(a * m + ob, credit_codes)
    b_credits_a = (oa >= 0) & np.isin(b * m + oa, credit_codes)
    sa, sb = is_source[a], is_source[b]
    ca, cb = pairs["c_a"].to_numpy(), pairs["c_b"].to_numpy()

    nat = np.iinfo(np.int64).min
    by_time = (ta != nat) & (tb != nat) & (ta != tb)
    by_credit = ~by_time & (a_credits_b != b_credits_a)
    by_kind = ~by_time & ~by_credit & (sa != sb)
    by_cont = ~by_time & ~by_credit & ~by_kind & (np.abs(ca - cb) >= ASYMMETRY)
    rules = [by_time, by_credit, by_kind, by_cont]
    # True where a is the child. Undetermined pairs keep a as child (a < b: deterministic).
    a_child = np.select(rules, [ta > tb, a_credits_b, sb, ca > cb], default=True)
    direction = np.select(
        rules, ["published", "credit", "outlet_kind", "containment"], default="undetermined"
    )
    out = pairs.copy()
    out["child"] = np.where(a_child, a, b)
    out["parent"] = np.where(a_child, b, a)
    out["containment"] = np.where(a_child, ca, cb)
    out["parent_coverage"] = np.where(a_child, cb, ca)
    out["credited"] = np.where(a_child, a_credits_b, b_credits_a)
    out["direction"] = direction
    return out


def best_parents(pairs: pd.DataFrame, lag_hours: pd.Series, is_source: np.ndarray) -> np.ndarray:
    """True for each child's best parent among its oriented pairs.

    Order: the credited parent; the highest containment (to 0.01: a copy of a copy holds its
    immediate parent's edits, so the chain wins over its root); a source outlet (wire, state
    media) when the text cannot tell; the closest in time; the highest parent coverage.
    Undetermined pairs are never a best parent.
    """
    parent = pairs["parent"].to_numpy()
    df = pd.DataFrame(
        {
            "child": pairs["child"].to_numpy(),
            "parent": parent,
            "credited": pairs["credited"].to_numpy(dtype=bool),
            "cont": pairs["containment"].to_numpy().round(2),
            "source": is_source[parent],
            "lag": lag_hours.abs().fillna(np.inf).to_numpy(),
            "cov": pairs["parent_coverage"].to_numpy(),
            "ok": pairs["direction"].to_numpy() != "undetermined",
        }
    )
    df = df[df["ok"]].sort_values(
        ["child", "credited", "cont", "source", "lag", "cov", "parent"],
        ascending=[True, False, False, False, True, False, True],
        kind="stable",
    )
    best = np.zeros(len(pairs), dtype=bool)
    best[df.drop_duplicates("child").index.to_numpy()] = True
    return best
