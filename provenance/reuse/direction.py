"""Which document of a reuse pair is the parent, and which parent is each child's best.

Evidence, strongest first: a credit from one to the other's outlet (credits include datelines,
and an agency's own dateline on its story marks the original); the earlier ``published`` time
(bare dates decide only across calendar days); the outlet kind (wires and state media are
sources); containment asymmetry (the copy is the one mostly contained in the other: news copies
trim more than they add). A date saying that the full version copied its flash (a short text
almost wholly inside it) is not trusted alone: the full version rarely copies the flash, and
which came first may be a feed's delay; such a pair is decided by a credit or the outlet kinds,
or stays ``undetermined``. A pair that nothing decides is ``undetermined``, never guessed.

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
# A "flash": at least this share of it is inside the other text, which holds much more.
FLASH_INSIDE = 0.8
DAY_NS = 86_400 * 10**9
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
    clues = _Clues.of(a, b, outlet, credit_codes)
    ca, cb = pairs["c_a"].to_numpy(), pairs["c_b"].to_numpy()
    ta, tb = published[a], published[b]
    earlier_a = _earlier(ta, tb)
    earlier_b = _earlier(tb, ta)
    # The full version rarely copies its flash: a date saying so is kept only when a credit or
    # the outlet kinds agree; otherwise the pair is undetermined (never guessed).
    flash_a, flash_b = _flash(ca, cb), _flash(cb, ca)
    dated = (earlier_a | earlier_b) & ~(earlier_a & flash_a) & ~(earlier_b & flash_b)
    conflict = (earlier_a & flash_a) | (earlier_b & flash_b)
    sa, sb = is_source[a], is_source[b]
    by_credit = clues.a_child != clues.b_child
    by_time = ~by_credit & dated
    by_kind = ~by_credit & ~by_time & (sa != sb)
    by_cont = ~by_credit & ~by_time & ~by_kind & ~conflict & (np.abs(ca - cb) >= ASYMMETRY)
    rules = [by_credit, by_time, by_kind, by_cont]
    # True where a is the child. Undetermined pairs keep a as child (a < b: deterministic).
    a_child = np.select(rules, [clues.a_child, earlier_b, sb, ca > cb], default=True)
    direction = np.select(
        rules, ["credit", "published", "outlet_kind", "containment"], default="undetermined"
    )
    out = pairs.copy()
    out["child"] = np.where(a_child, a, b)
    out["parent"] = np.where(a_child, b, a)
    out["containment"] = np.where(a_child, ca, cb)
    out["parent_coverage"] = np.where(a_child, cb, ca)
    out["credited"] = np.where(a_child, clues.a_credits_b, clues.b_credits_a)
    out["direction"] = direction
    return out


class _Clues:
    """Credit clues of each pair: who credits the other's outlet, who carries its own dateline."""

    def __init__(
        self,
        a_credits_b: np.ndarray,
        b_credits_a: np.ndarray,
        a_self: np.ndarray,
        b_self: np.ndarray,
    ) -> None:
        self.a_credits_b, self.b_credits_a = a_credits_b, b_credits_a
        # a is the copy when it credits b and b does not credit a; failing that, when only b
        # credits its own outlet (an agency's dateline on its own story: "(Wire) -").
        one_way = a_credits_b != b_credits_a
        self.a_child = np.where(one_way, a_credits_b, b_self & ~a_self)
        self.b_child = np.where(one_way, b_credits_a, a_self & ~b_self)

    @classmethod
    def of(cls, a: np.ndarray, b: np.ndarray, outlet: np.ndarray, codes: np.ndarray) -> _Clues:
        m = max(int(outlet.max()) + 1, 1) if len(outlet) else 1
        oa, ob = outlet[a], outlet[b]

        def credits(doc: np.ndarray, out: np.ndarray) -> np.ndarray:
            return (out >= 0) & np.isin(doc * m + out, codes)

        return cls(credits(a, ob), credits(b, oa), credits(a, oa), credits(b, ob))


def _earlier(t: np.ndarray, other: np.ndarray) -> np.ndarray:
    """``t`` is known to be earlier than ``other``: both dated and, when either is a bare date
    (midnight UTC, as most feeds give days only), on an earlier calendar day."""
    nat = np.iinfo(np.int64).min
    ok = (t != nat) & (other != nat)
    bare = (t % DAY_NS == 0) | (other % DAY_NS == 0)
    return ok & np.where(bare, t // DAY_NS < other // DAY_NS, t < other)


def _flash(c_self: np.ndarray, c_other: np.ndarray) -> np.ndarray:
    """The document is a short text almost wholly inside a much longer one."""
    return (c_self >= FLASH_INSIDE) & (c_other <= FLASH_INSIDE - ASYMMETRY * 2)


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
