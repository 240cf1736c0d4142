"""Draw session 18's nested-quote speaker sample (seed 1807): articles holding a quote in
single marks inside a double-mark quote (issue 18's largest miss class of seeds 1611 and 1709:
"‘...,’ Gillibrand replied" inside a quoted column).

Candidates are read from the rejoined text (``provenance.attribution._detok.detokenise``, as
the extractors read it): a double-mark quote (curly, straight or PTB marks, rejoined to curly)
whose words hold an opening single mark (‘, ` or ') at a word's start and, later in the same
quote, a closing one (’ or ') at a word's end. ABP positions come from 20,000 on, less the lines
earlier sessions read (20,000-23,024 and 24,000-36,000), every labelled id and every id of an
earlier sample file (``draw_citations_1607.sampled_ids``); under 9,000 characters. Strata: PTC
``tuning`` articles (``draw_speakers_1709.ptc_tuning``), ABP ``cued`` (an inner quote next to
a reporting word: "‘...,’ Gillibrand replied", "says, ‘...’") and ABP ``other`` (scare quotes,
titles, quotes of a quote without a cue: the precision side). Each stratum's candidates are
sorted, shuffled by ``random.Random(1807)`` and the first ``--ptc``/``--cued``/``--other``
kept. The part is the sha256 of "1807:<corpus>:<id>" mod 2: 1 ``A`` (read, rules written on
it), 0 ``C`` (labelled before any rule, scored at the end only).

Usage: python tests/eval/draw_speakers_1807.py > rows.csv
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from draw_citations_1607 import sampled_ids
from draw_speakers_1709 import abp_strata_of, hashed_part, ptc_tuning, write_drawn
from score_real_attribution import PTC, split_of

from provenance.attribution._detok import detokenise

SEED = 1807
OWN_LABELS = "speakers_sample_1807.csv"
FIRST = 20_000
READ_BEFORE = (range(20_000, 23_025), range(24_000, 36_000))
MAX_CHARS = 9_000
_OUTER_RE = re.compile(r"[“\"]([^“”\"\n]{10,3000})[”\"]")
_INNER_RE = re.compile(r"(?:^|(?<=[\s(\[—–]))[‘`'](?=[A-Za-z]).{1,400}?(?<=[\w.,!?])[’'](?!\w)")
_CUE = r"(?:said|says|say|asked|asks|replied|told|tells|added|wrote|writes|responded|answered)"
_CUED_RE = re.compile(
    rf"[’'][ \t]*,?[ \t]*(?:[A-Z]\w+|he|she)[ \t]+{_CUE}\b|\b{_CUE}[,:][ \t]*[‘`']"
)


def nested(text: str) -> tuple[bool, bool]:
    """(a single-mark quote inside a double-mark quote, one next to a reporting word)."""
    clean, _ = detokenise(text)
    inner = cued = False
    for m in _OUTER_RE.finditer(clean):
        body = m.group(1)
        if _INNER_RE.search(body):
            inner = True
            cued = cued or bool(_CUED_RE.search(body))
    return inner, cued


def part_of(corpus: str, article_id: str) -> str:
    """``A`` or ``C`` by the sha256 of "1807:<corpus>:<id>" mod 2 (1, 0)."""
    return hashed_part(SEED, corpus, article_id, "CA")


def ptc_nested(skip: set[str]) -> list[str]:
    """Unlabelled PTC tuning ids with a nested quote."""
    wanted = set(ptc_tuning(skip))
    ids = []
    with PTC.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if str(rec["id"]) in wanted and nested(rec.get("text") or "")[0]:
                ids.append(str(rec["id"]))
    return ids


def nested_stratum(rec: dict, counts: object = None) -> str | None:
    """``cued`` or ``other`` for a record with a nested quote (:func:`nested`), else None."""
    inner, cued = nested(rec.get("text") or "")
    return ("cued" if cued else "other") if inner else None


def abp_strata(skip: set[str]) -> dict[str, list[str]]:
    """Unlabelled, unread ABP ids from position 20,000 on with a nested quote, by stratum."""

    def keep(position: int, rec: dict) -> bool:
        fresh = position >= FIRST and not any(position in r for r in READ_BEFORE)
        return fresh and rec["id"] not in skip and len(rec.get("text") or "") < MAX_CHARS

    strata = abp_strata_of(keep, nested_stratum, ("cued", "other"))
    return {name: [aid for aid, _ in rows] for name, rows in strata.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, k in (("ptc", 5), ("cued", 22), ("other", 13)):
        parser.add_argument(f"--{name}", type=int, default=k)
    args = parser.parse_args()
    skip = {aid for _, aid in split_of()} | sampled_ids(OWN_LABELS)
    strata = {"ptc": ptc_nested(skip), **abp_strata(skip)}
    for name, ids in strata.items():
        print(f"{name}: {len(ids)} candidates", file=sys.stderr)
    write_drawn(strata, vars(args), SEED, part_of)


if __name__ == "__main__":
    main()
