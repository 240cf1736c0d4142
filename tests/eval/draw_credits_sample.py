"""Draw session 16's credit-rich sample (seed 1613) for credit precision (issue 18).

Credits are rare on ABP (~5% of articles), so a plain draw mostly tests false credits on
credit-less text; this draw is weighted to text where an extra credit row can stand beside a
true one. Strata, drawn in order, each from the eligible articles not drawn before, with
``random.Random(seed)`` over candidates sorted by id:

* ABP, a wire name in the first 400 characters: 55;
* ABP, a wire name in the last 300 characters (none in the first 400): 30;
* ABP, a caption's agency credit ("AP Photo", "/Reuters", "Reuters/", "© AFP", "Getty"): 20;
* ABP, "contributed to this report" / "contributed reporting": 20;
* PTC (the ``tuning`` part of benchmarks/ptc_eval.py only), a wire name in the first 400 or the
  last 300 characters, or a credit cue ("contributed to", "©", "originally", "copyright"): 20
  asked, 5 eligible (the other tuning articles are labelled).

Seed 1613 gives 130 articles: A 42, B 45, C 43.

ABP candidates: positions >= 20,000 (earlier seeded draws read the first 20,000), outside lines
30,000-32,000 (the session's credits-table diff is read there) and outside seed 1313's draw
(``random.Random(1313).sample(range(28_000, 37_554), 1_000)``); every id listed in
real_attribution_ids.csv is skipped (labelled and held-out texts are never drawn); 80-1,400
words (PTC 50-1,400), as draw_heldout2.py.

Parts by hash of the id (``part_of``): ``A`` (read: rules are written on it), ``B`` (read:
a change is kept only if B's totals rise) and ``C`` (unread until the rules are final).

Usage: python tests/eval/draw_credits_sample.py [--seed 1613] [--out tests/eval/credits_sample_1613.csv]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import re
from pathlib import Path

from draw_heldout2 import WIRE_RE, WORD_LIMITS
from score_real_attribution import ABP, PTC, split_of

HERE = Path(__file__).resolve().parent
SEED = 1613
ABP_START = 20_000
ABP_SKIP = range(30_000, 32_001)  # the credits-table diff's lines (inclusive)
CAPTION_RE = re.compile(
    r"\bAP Photo\b|/\s*(?:AP|Reuters|REUTERS|AFP|Getty)\b|\b(?:Reuters|REUTERS|AFP)\s*/"
    r"|©\s*(?:AP|Reuters|REUTERS|AFP|Sputnik)|\bGetty Images\b"
)
CONTRIBUTED_RE = re.compile(r"contributed (?:to this (?:report|story|article)|reporting)", re.I)
CUE_RE = re.compile(r"contributed to|©|originally|copyright", re.I)


def head_or_tail_wire(text: str) -> bool:
    """A wire name in the first 400 or the last 300 characters."""
    return bool(WIRE_RE.search(text[:400]) or WIRE_RE.search(text[-300:]))


STRATA = (
    ("wire name in the first 400 characters", "ABP", 55, lambda t: bool(WIRE_RE.search(t[:400]))),
    ("wire name in the last 300 characters", "ABP", 30, lambda t: bool(WIRE_RE.search(t[-300:]))),
    ("caption with an agency credit", "ABP", 20, lambda t: bool(CAPTION_RE.search(t))),
    ("contributed to this report", "ABP", 20, lambda t: bool(CONTRIBUTED_RE.search(t))),
    ("credit line (tuning part)", "PTC", 20,
     lambda t: head_or_tail_wire(t) or bool(CUE_RE.search(t))),
)  # fmt: skip


def part_of(article_id: str) -> str:
    """'A', 'B' or 'C' by sha256 of the id mod 3."""
    return "ABC"[int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 3]


def ptc_part(article_id: str) -> str:
    """benchmarks/ptc_eval.py's part: 'check' for sha256(id) % 3 == 0, else 'tuning'."""
    return (
        "check" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 3 == 0 else "tuning"
    )


def candidates() -> dict[str, list[tuple[str, int | None, str]]]:
    """Eligible (id, ABP position, text) per corpus, sorted by id."""
    listed = set(split_of())
    skipped = set(random.Random(1313).sample(range(28_000, 37_554), 1_000))
    out: dict[str, list[tuple[str, int | None, str]]] = {"ABP": [], "PTC": []}
    with gzip.open(ABP, "rt", encoding="utf-8") as f:
        for position, line in enumerate(f):
            if position < ABP_START or position in ABP_SKIP or position in skipped:
                continue
            rec = json.loads(line)
            text = rec.get("text") or ""
            lo, hi = WORD_LIMITS["ABP"]
            if ("ABP", rec["id"]) not in listed and lo <= len(text.split()) <= hi:
                out["ABP"].append((rec["id"], position, text))
    with PTC.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text = rec.get("text") or ""
            lo, hi = WORD_LIMITS["PTC"]
            if (("PTC", rec["id"]) not in listed and ptc_part(rec["id"]) == "tuning"
                    and lo <= len(text.split()) <= hi):  # fmt: skip
                out["PTC"].append((rec["id"], None, text))
    return {corpus: sorted(rows) for corpus, rows in out.items()}


def draw(seed: int) -> list[dict[str, object]]:
    """The sample's rows (corpus, id, abp_position, stratum, part), strata in order."""
    rng = random.Random(seed)
    pool = candidates()
    taken: set[str] = set()
    rows: list[dict[str, object]] = []
    for name, corpus, size, test in STRATA:
        eligible = [(i, p) for i, p, t in pool[corpus] if i not in taken and test(t)]
        for article_id, position in rng.sample(eligible, min(size, len(eligible))):
            taken.add(article_id)
            rows.append({"corpus": corpus, "id": article_id, "abp_position": position,
                         "stratum": name, "part": part_of(article_id)})  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=HERE / f"credits_sample_{SEED}.csv")
    args = parser.parse_args()
    rows = draw(args.seed)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        fields = ["corpus", "id", "abp_position", "stratum", "part", "source_outlet_credited",
                  "notes"]  # fmt: skip
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "source_outlet_credited": "", "notes": ""})
    print(f"{len(rows)} articles -> {args.out}")


if __name__ == "__main__":
    main()
