"""Mine outlet candidates for the registry: capitalised names in citation slots that no row knows.

Reads ABP lines ``--start`` to ``--end`` (0-based, file order; default 0-20,000) and the PTC
``tuning`` part (``benchmarks/ptc_eval.part_of``), each text rejoined when tokenised
(``provenance.attribution._detok``). Every article of a held-out split in
``tests/eval/real_attribution_ids.csv`` (everything but ``dev``) and every article of the unread
parts (B, C) of ``tests/eval/citations_sample_1607.csv`` is skipped, so no held-out text feeds the
registry. A name is counted when it stands in a citation slot:

* ``told``, ``according to``, ``quoted|cited|reported|published|carried|first reported by|in``,
  ``in an interview with``, ``writing|wrote|writes in|for``, ``speaking|spoke|talking to``;
* ``X reported|reports|has reported|quoted|cited``, ``X's reporter|correspondent|editor|...``;
* ``X newspaper|daily|news agency|magazine|TV|radio|website|...`` (the outlet word names it);
* a dateline's bracket at the start of a line (``MOSCOW (X) -``).

A name is up to six capitalised words, joined by short connectors (``of``, ``de``, ``&``, ...),
with an optional leading "The" (dropped: "The Post" counts as "Post"); names that the shipped
registry resolves (``resolve_name``) and one-word names from a short list of pronouns, titles,
months and country words are left out. The tool prints
names with their article count (articles naming them in a slot) and slot kinds, most frequent
first: the candidates that a person reads and, from general knowledge, keeps or drops. It prints
names and counts only: no corpus text goes anywhere.

Run: ``PROVENANCE_SHARED=../shared python tools/mine_outlet_candidates.py [--min 3]
[--start 0 --end 20000] [--no-ptc]``
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from abp import ABP, SHARED, abp_records  # noqa: E402

from provenance.attribution._detok import detokenise  # noqa: E402
from provenance.outlets import load_registry  # noqa: E402
from provenance.outlets.codes import COUNTRY_WORDS  # noqa: E402

PTC = SHARED / "eval-data" / "PTC" / "articles.jsonl"
IDS = ROOT / "tests" / "eval" / "real_attribution_ids.csv"
SAMPLE_1607 = ROOT / "tests" / "eval" / "citations_sample_1607.csv"

# A capitalised word, full stops only inside ("Kun.uz", "U.S"): a sentence's end ends the name.
_WORD = r"[A-Z][\w&\-’']*(?:\.[\w&\-’']+)*"
_JOIN = r"(?:[ \t]+(?:of|de|del|di|da|do|la|le|el|al|and|&|for|the|van|der|y))*[ \t]+"
_NAME = rf"(?P<n>(?:The[ \t]+)?{_WORD}(?:{_JOIN}{_WORD}){{0,5}})"
_THE = r"(?:the\s+)?"
_OUTLET_WORD = (
    r"newspaper|daily|weekly|news\s+agency|agency|magazine|tabloid|broadcaster|channel|TV"
    r"|television|radio|website|news\s+site|news\s+portal|portal|blog|podcast"
)
SLOTS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "told": rf"\b(?:told|telling|tells)\s+{_THE}{_NAME}",
        "according": rf"\baccording\s+to\s+(?:(?:a|an)\s+(?:\w+\s+)?(?:report|article|story"
        rf"|interview)\s+(?:in|by|from|on|with)\s+)?{_THE}{_NAME}",
        "by/in": rf"\b(?:quoted|cited|reported|published|carried|first\s+reported|broadcast"
        rf"|aired)\s+(?:by|in|on)\s+{_THE}{_NAME}",
        "interview": rf"\b(?:interview|interviewed)\s+(?:with|by|to)\s+{_THE}{_NAME}",
        "writing": rf"\b(?:writing|wrote|writes|written)\s+(?:in|for)\s+{_THE}{_NAME}",
        "spoke to": rf"\b(?:speaking|spoke|talking|talked)\s+to\s+{_THE}{_NAME}",
        "X reported": rf"{_NAME}\s+(?:has\s+|had\s+|also\s+|first\s+|just\s+)*"
        r"(?:reported|reports|quoted|cited)\b",
        "X's staff": rf"{_NAME}['’]s?\s+(?:reporter|correspondent|editor|columnist"
        r"|reporters|correspondents)\b",
        "X outlet": rf"{_NAME}\s+(?:{_OUTLET_WORD})\b",
        "dateline": rf"(?m)^[ \t]*[A-Z][A-Z .,'’-]{{2,40}}\s*\(\s*{_NAME}\s*\)\s*[-–—]",
    }.items()
}
# One-word names that are sentence openers, pronouns, titles, days or months, not outlets.
_NOT_NAMES = frozenset(
    """
    The He She They It We I You This That These Those There Here His Her Their Its Our My What
    When Where Which Who Why How But And Or If As In On At For With By From To Of A An One Two
    Mr Mrs Ms Dr President Minister Prime Secretary Senator Sen Rep Gov Governor General Officials
    Police Sources Source Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Trump Obama
    Clinton Biden Putin Congress Republicans Democrats
    """.split()
)


def skipped_ids() -> set[str]:
    """Ids of the held-out splits and of sample 1607's unread parts (B, C)."""
    with IDS.open(encoding="utf-8") as f:
        skip = {r["id"] for r in csv.DictReader(f) if r["split"] != "dev"}
    with SAMPLE_1607.open(encoding="utf-8") as f:
        skip |= {r["id"] for r in csv.DictReader(f) if r["part"] in ("B", "C")}
    return skip


def _ptc_tuning(skip: set[str]) -> Iterator[str]:
    """The texts of the PTC tuning part (sha256 of the id mod 3 != 0, as ptc_eval.part_of)."""
    with PTC.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            aid = str(rec["id"])
            if aid in skip or int(hashlib.sha256(aid.encode()).hexdigest(), 16) % 3 == 0:
                continue
            yield f"{rec.get('title') or ''}\n{rec.get('text') or ''}"


def texts(start: int, end: int, ptc: bool) -> Iterator[str]:
    """ABP lines ``start``..``end`` and (``ptc``) the PTC tuning part, held-out ids skipped."""
    skip = skipped_ids()
    for rec in islice(abp_records(None, ABP), start, end):
        if str(rec.get("id")) not in skip:
            yield f"{rec.get('title') or ''}\n{rec.get('text') or ''}"
    if ptc:
        yield from _ptc_tuning(skip)


def clean_name(name: str) -> str | None:
    """The name without a leading "The" (the registry matches "the X" for "X") or a trailing
    possessive or full stop; None for a non-name."""
    name = re.sub(r"^The[ \t]+|(?:['’]s?|\.)$", "", name.strip())
    words = name.split()
    single = len(words) == 1 and (words[0] in _NOT_NAMES or words[0] in COUNTRY_WORDS)
    if not words or single or len(name) < 3:
        return None
    if words[0] in _NOT_NAMES - {"The"} or name.isupper() and len(name) > 12:
        return None
    return name


def mine(docs: Iterator[str]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Per unregistered name: the number of articles naming it in a slot, and its slot kinds."""
    registry = load_registry()
    known: dict[str, bool] = {}
    articles: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        text = detokenise(doc)[0]
        seen: set[str] = set()
        for kind, pattern in SLOTS.items():
            for match in pattern.finditer(text):
                name = clean_name(match.group("n"))
                if name is None:
                    continue
                if name not in known:
                    known[name] = registry.resolve_name(name) is not None
                if known[name]:
                    continue
                kinds[name][kind] += 1
                seen.add(name)
        articles.update(seen)
    return articles, kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--end", type=int, default=20_000)
    parser.add_argument("--no-ptc", action="store_true", help="ABP only")
    parser.add_argument("--min", type=int, default=3, help="least article count printed")
    args = parser.parse_args()
    articles, kinds = mine(texts(args.start, args.end, not args.no_ptc))
    shown = [(n, c) for n, c in articles.most_common() if c >= args.min]
    print(f"{len(articles)} unregistered names in slots; {len(shown)} in >= {args.min} articles")
    for name, count in shown:
        slots = ", ".join(f"{k} {v}" for k, v in kinds[name].most_common())
        print(f"{count:5d}  {name}  [{slots}]")


if __name__ == "__main__":
    main()
