"""Mention resolution quality on tests/eval/outlet_mentions.csv (hand-written synthetic cases).

Each case lists the outlet ids a reader would say the sentence names (empty for traps such as
"at dawn", "mint condition", "RT @user", "PTI chairman"). Precision and recall are counted over
(case, outlet_id) pairs.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from provenance.outlets import load_registry

EVAL = Path(__file__).parent / "eval" / "outlet_mentions.csv"


def test_mention_precision_and_recall():
    cases = pd.read_csv(EVAL, dtype=str, keep_default_na=False)
    assert len(cases) >= 80
    reg = load_registry()
    unknown = {
        oid for cell in cases["expected"] for oid in cell.split(";") if oid and reg.get(oid) is None
    }
    assert not unknown, f"eval expects ids missing from the registry: {sorted(unknown)}"
    found = reg.find_mentions(cases["text"])
    predicted = {int(d): set(g) for d, g in found.groupby("doc")["outlet_id"]}
    tp = fp = fn = 0
    misses = []
    for doc, cell in enumerate(cases["expected"]):
        expected = {oid for oid in cell.split(";") if oid}
        got = predicted.get(doc, set())
        tp += len(expected & got)
        fp += len(got - expected)
        fn += len(expected - got)
        if got != expected:
            misses.append((cases["note"].iloc[doc], sorted(expected), sorted(got)))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"\noutlet mentions: {len(cases)} cases, precision {precision:.3f}, recall {recall:.3f}")
    for miss in misses:
        print("  miss:", miss)
    assert precision >= 0.95, misses
    assert recall >= 0.90, misses
