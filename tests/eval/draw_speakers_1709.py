"""Draw session 17's quote-speaker sample (seed 1709), weighted like seed 1611's to the classes
of issue 18's held-out pages: PTC articles (the ``tuning`` part only), ABP wire copy, ABP
articles of small sites, and ABP copy quoting foreign officials through state media or
translation (the held-out pages' "translated copy").

ABP positions come from 20,000 onward, less the lines earlier sessions read (20,000-23,024 and
26,000-36,000: session 8's samples, sessions 15-16's diff lines, and 32,000-34,000 kept unread
for this session's diff), every labelled id (real_attribution_ids.csv) and every id of an
earlier sample file (``*_sample_*.csv``). Only articles with four quote marks or more and under
9,000 characters are drawn (PTC: two marks or more). An ABP article falls in the first stratum
it fits: ``translated`` (a foreign state medium or "translated" named), ``wire`` (a
Reuters/AP outlet, or a wire named in the first 400 characters), ``small`` (an outlet with fewer
than 300 ABP articles). Each stratum's candidates are sorted, shuffled by
``random.Random(1709)`` and the first ``--ptc``/``--translated``/``--wire``/``--small`` kept.
The part is the sha256 of "1709:<corpus>:<id>" mod 3: 1 ``A`` (read, rules written on it), 2
``B`` (totals only while a change is judged), 0 ``C`` (labelled and scored at the end).

Only 4 unlabelled PTC tuning articles with quotes were left (earlier samples took the rest), so
the ABP strata hold 16 each. Usage: python tests/eval/draw_speakers_1709.py > rows.csv
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
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from draw_citations_1607 import sampled_ids
from score_real_attribution import ABP, PTC, split_of

HERE = Path(__file__).resolve().parent
SEED = 1709
OWN_LABELS = "speakers_sample_1709.csv"
FIRST = 20_000
READ_BEFORE = (range(20_000, 23_025), range(26_000, 36_000))
MAX_CHARS = 9_000
QUOTE_RE = re.compile(r"[“”\"]|``|''")
TRANSLATED_RE = re.compile(
    r"\b(?:TASS|Tass|RIA|Sputnik|Xinhua|Russia Today|Anadolu|IRNA|KCNA|Yonhap|Interfax|Kyodo"
    r"|Press TV|Fars|Tasnim|Global Times|People's Daily|CCTV|CGTN|Al Arabiya|SANA|Mehr|ISNA"
    r"|Itar-Tass|Daily Sabah|Wafa|Petra|Bernama|Antara|state media|state-run|state television"
    r"|translated|translation)\b"
)
WIRE_OUTLETS = frozenset({"Reuters", "Associated Press", "AP Fact Check"})
WIRE_RE = re.compile(r"\b(?:AP|Associated Press|Reuters|AFP|Agence France-Presse|Xinhua|TASS"
                     r"|Sputnik|Bloomberg)\b")  # fmt: skip
SMALL_LIMIT = 300


def hashed_part(seed: int, corpus: str, article_id: str, parts: str) -> str:
    """The letter of ``parts`` at the sha256 of "<seed>:<corpus>:<id>" mod ``len(parts)``."""
    digest = hashlib.sha256(f"{seed}:{corpus}:{article_id}".encode()).hexdigest()
    return parts[int(digest, 16) % len(parts)]


def part_of(corpus: str, article_id: str) -> str:
    """``A``, ``B`` or ``C`` by the sha256 of "1709:<corpus>:<id>" mod 3 (1, 2, 0)."""
    return hashed_part(SEED, corpus, article_id, "CAB")


def ptc_tuning(skip: set[str]) -> list[str]:
    """Unlabelled PTC ids of the ``tuning`` part (benchmarks/ptc_eval.part_of) with quotes."""
    ids = []
    with PTC.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            aid = str(rec["id"])
            check = int(hashlib.sha256(aid.encode()).hexdigest(), 16) % 3 == 0
            quoted = len(QUOTE_RE.findall(rec.get("text") or "")) >= 2
            if not check and aid not in skip and quoted:
                ids.append(aid)
    return ids


def stratum(rec: dict, counts: Counter) -> str | None:
    """The first stratum an ABP record fits, or None."""
    text = rec.get("text") or ""
    if TRANSLATED_RE.search(text):
        return "translated"
    if rec["outlet"] in WIRE_OUTLETS or WIRE_RE.search(text[:400]):
        return "wire"
    if counts[rec["outlet"]] < SMALL_LIMIT:
        return "small"
    return None


def quoted(rec: dict, skip: set[str]) -> bool:
    """An ABP record outside ``skip``, under MAX_CHARS, with four quote marks or more."""
    text = rec.get("text") or ""
    return rec["id"] not in skip and len(text) < MAX_CHARS and len(QUOTE_RE.findall(text)) >= 4


def abp_strata_of(
    keep: Callable[[int, dict], bool],
    classify: Callable[[dict, Counter], str | None] = stratum,
    names: tuple[str, ...] = ("translated", "wire", "small"),
) -> dict[str, list[tuple[str, int]]]:
    """(id, line) of the ABP records ``keep(line, record)`` takes, by ``classify(record,
    counts)`` (one of ``names``, or None to leave it out; ``counts``: every outlet's article
    count, so the whole file is read first; default :func:`stratum`)."""
    counts: Counter = Counter()
    records = []
    with gzip.open(ABP, "rt", encoding="utf-8") as f:
        for position, line in enumerate(f):
            rec = json.loads(line)
            counts[rec["outlet"]] += 1
            if keep(position, rec):
                records.append((rec, position))
    out: dict[str, list[tuple[str, int]]] = {name: [] for name in names}
    for rec, position in records:
        name = classify(rec, counts)
        if name:
            out[name].append((rec["id"], position))
    return out


def abp_strata(skip: set[str]) -> dict[str, list[str]]:
    """Unlabelled, unread ABP ids from position 20,000 on with quotes, by stratum."""
    fresh = lambda p: p >= FIRST and not any(p in r for r in READ_BEFORE)  # noqa: E731
    strata = abp_strata_of(lambda p, rec: fresh(p) and quoted(rec, skip))
    return {name: [aid for aid, _ in rows] for name, rows in strata.items()}


def drawn(strata: dict[str, list], limits: dict[str, int], seed: int) -> Iterator[tuple[str, Any]]:
    """(stratum, candidate) of each stratum's candidates sorted, shuffled by one
    ``random.Random(seed)`` (the strata in order), the first ``limits[stratum]`` kept, sorted."""
    rng = random.Random(seed)
    for name, items in strata.items():
        items = sorted(items)
        rng.shuffle(items)
        for item in sorted(items[: limits[name]]):
            yield name, item


def draw_lines(seed: int, own_labels: str, lines: range, parts: str, description: str) -> None:
    """Print (csv, stdout) a sample of ABP articles on ``lines`` drawn in this module's strata
    (``--translated``/``--wire``/``--small``, 15 each by default), every labelled id and every
    id of a sample file but ``own_labels`` skipped, each with its part by :func:`hashed_part`
    of ``seed`` over ``parts``: the shared body of the later speaker draws (seeds 1811, 1907)."""
    parser = argparse.ArgumentParser(description=description)
    for name in ("translated", "wire", "small"):
        parser.add_argument(f"--{name}", type=int, default=15)
    args = parser.parse_args()
    skip = {aid for _, aid in split_of()} | sampled_ids(own_labels)
    strata = abp_strata_of(lambda position, rec: position in lines and quoted(rec, skip))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["corpus", "id", "abp_position", "class", "part"])
    for name, (aid, position) in drawn(strata, vars(args), seed):
        out.writerow(["ABP", aid, position, name, hashed_part(seed, "ABP", aid, parts)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, k in (("ptc", 16), ("translated", 16), ("wire", 16), ("small", 16)):
        parser.add_argument(f"--{name}", type=int, default=k)
    args = parser.parse_args()
    skip = {aid for _, aid in split_of()} | sampled_ids(OWN_LABELS)
    strata = {"ptc": ptc_tuning(skip), **abp_strata(skip)}
    write_drawn(strata, vars(args), SEED, part_of)


def write_drawn(
    strata: dict[str, list], limits: dict[str, int], seed: int, part: Callable[[str, str], str]
) -> None:
    """Print (csv, stdout) the ids :func:`drawn` keeps of ``strata`` (PTC ids in the ``ptc``
    stratum, ABP ids in the others), each with its class and ``part(corpus, id)``."""
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["corpus", "id", "class", "part"])
    for name, aid in drawn(strata, limits, seed):
        corpus = "PTC" if name == "ptc" else "ABP"
        out.writerow([corpus, aid, name, part(corpus, str(aid))])


if __name__ == "__main__":
    main()
