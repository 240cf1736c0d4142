"""Draw session 16's citation sample (seed 1607), weighted to the classes of issue 18's held-out
pages: PTC articles (the ``tuning`` part only), ABP articles naming a state medium or a foreign
wire, and ABP articles from small sites and aggregators.

ABP positions come from 20,000 onward (every earlier seeded draw took positions below 20,000),
less the lines session 8's unlabelled samples read (20,000-23,024, 26,000-28,000,
34,000-36,000), every labelled id (real_attribution_ids.csv) and every id of an earlier sample
file (``*_sample_*.csv``). Each stratum's candidates are shuffled by ``random.Random(1607)`` and
the first ``--ptc``/``--state``/``--small`` kept. The part is fixed by the sha256 of
"1607:<id>" mod 3 (the id's own sha256 already splits PTC into tuning and check): 1 is ``A`` (read, rules written on it), 2 is ``B`` (read only as totals while a change is
judged), 0 is ``C`` (unread until the end).

Usage: python tests/eval/draw_citations_1607.py [--ptc 27 --state 36 --small 27] > rows.csv

``--seed S`` draws another sample the same way (session 17: ``--seed 1703 --ptc 12 --state 16
--small 12``, citations_sample_1703.csv): the seed shuffles the strata and splits the parts, and
every sample file but ``citations_sample_<S>.csv`` is skipped (1607's ids among them).
``--halves`` splits by the sha256 of "<seed>:<id>" mod 2 instead (1 ``B``, 0 ``C``: no part A);
session 18: ``--seed 1803 --ptc 12 --state 22 --small 18 --halves`` (no PTC tuning article is
left unlabelled), citations_sample_1803.csv, labelled before any run of the tool.
Session 20: ``--seed 2003 --ptc 6 --state 20 --small 25`` (parts A/B/C; no PTC tuning article is
left unlabelled, so 45 ABP), citations_sample_2003.csv, labelled before any run of the tool.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import re
import sys
from pathlib import Path

from score_real_attribution import ABP, PTC, split_of

HERE = Path(__file__).resolve().parent
SEED = 1607
OWN_LABELS = "citations_sample_1607.csv"
FIRST = 20_000
READ_BEFORE = (range(20_000, 23_025), range(26_000, 28_000), range(34_000, 36_000))
STATE_RE = re.compile(
    r"\b(?:TASS|Tass|ITAR|RIA|Sputnik|Xinhua|RT|Russia Today|Al Jazeera|Anadolu|IRNA|KCNA|Yonhap"
    r"|Interfax|Kyodo|Press TV|Fars|Tasnim|Global Times|People's Daily|CCTV|CGTN|Al Arabiya"
    r"|SANA|Mehr|ISNA|Rossiya|Channel One|Pravda|Izvestia|Kommersant|Daily Sabah|Hurriyet"
    r"|Al-Masdar|Wafa|Maan|Petra|Bernama|Antara|Itar-Tass|Voice of America|VOA|Radio Free)\b"
)
# Aggregators and wire republishers, and every ABP outlet with fewer than 60 articles.
AGGREGATORS = frozenset({
    "Newsmax", "Newsmax - News", "Newsmax (News)", "CBN", "Washington Times", "Yahoo! News",
    "Yahoo! The 360", "Daily Mail", "International Business Times", "InfoWars",
    "The Epoch Times", "Independent Journal Review", "Al Jazeera", "RealClearPolitics",
})  # fmt: skip
SMALL_LIMIT = 60
FRAME_RE = re.compile(r"\b(?:according to|reported|told|interview|quoted|cited|wrote)\b")


def part_of(article_id: str, seed: int = SEED) -> str:
    """``A``, ``B`` or ``C`` by the sha256 of "<seed>:<id>" mod 3 (1, 2, 0)."""
    return "CAB"[int(hashlib.sha256(f"{seed}:{article_id}".encode()).hexdigest(), 16) % 3]


def half_of(article_id: str, seed: int) -> str:
    """``B`` or ``C`` by the sha256 of "<seed>:<id>" mod 2 (1, 0): a sample with no read part."""
    return "CB"[int(hashlib.sha256(f"{seed}:{article_id}".encode()).hexdigest(), 16) % 2]


def sampled_ids(own: str = OWN_LABELS) -> set[str]:
    """Ids of every earlier sample file in tests/eval (credits, citations, speakers); not of
    this draw's own labels (``own``: citations_sample_1607.csv)."""
    ids: set[str] = set()
    for path in HERE.glob("*_sample_*.csv"):
        if path.name == own:
            continue
        with path.open(encoding="utf-8", newline="") as f:
            ids.update(row["id"] for row in csv.DictReader(f) if "id" in row)
    return ids


def ptc_tuning(skip: set[str]) -> list[str]:
    """Unlabelled PTC ids of the ``tuning`` part (benchmarks/ptc_eval.part_of)."""
    ids = []
    with PTC.open(encoding="utf-8") as f:
        for line in f:
            aid = str(json.loads(line)["id"])
            check = int(hashlib.sha256(aid.encode()).hexdigest(), 16) % 3 == 0
            if not check and aid not in skip:
                ids.append(aid)
    return ids


def abp_strata(skip: set[str]) -> tuple[list[str], list[str]]:
    """Unlabelled ABP ids from position 20,000 on: (naming a state medium or foreign wire,
    from a small site or an aggregator with a source frame)."""
    counts: dict[str, int] = {}
    records = []
    with gzip.open(ABP, "rt", encoding="utf-8") as f:
        for position, line in enumerate(f):
            rec = json.loads(line)
            counts[rec["outlet"]] = counts.get(rec["outlet"], 0) + 1
            fresh = position >= FIRST and not any(position in r for r in READ_BEFORE)
            if fresh and rec["id"] not in skip:
                records.append(rec)
    state, small = [], []
    for rec in records:
        text = rec.get("text") or ""
        if STATE_RE.search(text):
            state.append(rec["id"])
        elif (rec["outlet"] in AGGREGATORS or counts[rec["outlet"]] < SMALL_LIMIT) and (
            FRAME_RE.search(text)
        ):
            small.append(rec["id"])
    return state, small


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ptc", type=int, default=27)
    parser.add_argument("--state", type=int, default=36)
    parser.add_argument("--small", type=int, default=27)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--halves", action="store_true", help="parts B and C only (mod 2)")
    args = parser.parse_args()
    split = half_of if args.halves else part_of
    skip = {aid for _, aid in split_of()} | sampled_ids(f"citations_sample_{args.seed}.csv")
    state, small = abp_strata(skip)
    rng = random.Random(args.seed)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["corpus", "id", "stratum", "part"])
    for corpus, stratum, ids, k in (("PTC", "ptc", ptc_tuning(skip), args.ptc),
                                    ("ABP", "state", state, args.state),
                                    ("ABP", "small", small, args.small)):  # fmt: skip
        ids = sorted(ids)
        rng.shuffle(ids)
        for aid in sorted(ids[:k]):
            out.writerow([corpus, aid, stratum, split(aid, args.seed)])


if __name__ == "__main__":
    main()
