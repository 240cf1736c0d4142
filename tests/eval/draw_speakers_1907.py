"""Draw session 19's quote-speaker sample (seed 1907), weighted like seed 1709's
(``draw_speakers_1709``'s strata: ``translated``, ``wire``, ``small``), from ABP lines
9,000-15,999. Every ABP line has now been read by an earlier sample for some table (these by
the random draws of seeds 1505 and 1611 and the citation and credit samples); no speaker sample
drew a whole range here, and every labelled id and every id of an earlier sample file is
skipped. Lines 16,000-17,999 stay out for this session's diff of the quotes table. Each
stratum's candidates are sorted, shuffled by ``random.Random(1907)`` and the first
``--translated``/``--wire``/``--small`` kept. The part is the sha256 of "1907:<corpus>:<id>"
mod 3: 1 ``A`` (read, rules written on it), 2 ``B`` (totals only while a change is judged),
0 ``C`` (scored once at the end).

Usage: python tests/eval/draw_speakers_1907.py > rows.csv
"""

from __future__ import annotations

import argparse
import csv
import sys

from draw_citations_1607 import sampled_ids
from draw_speakers_1709 import abp_strata_of, drawn, hashed_part, quoted
from score_real_attribution import split_of

SEED = 1907
OWN_LABELS = "speakers_sample_1907.csv"
LINES = range(9_000, 16_000)


def part_of(corpus: str, article_id: str) -> str:
    """``A``, ``B`` or ``C`` by the sha256 of "1907:<corpus>:<id>" mod 3 (1, 2, 0)."""
    return hashed_part(SEED, corpus, article_id, "CAB")


def abp_strata(skip: set[str]) -> dict[str, list[tuple[str, int]]]:
    """Unlabelled, unsampled ABP (id, line) on LINES with four quote marks or more, by stratum."""
    return abp_strata_of(lambda position, rec: position in LINES and quoted(rec, skip))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name in ("translated", "wire", "small"):
        parser.add_argument(f"--{name}", type=int, default=15)
    args = parser.parse_args()
    skip = {aid for _, aid in split_of()} | sampled_ids(OWN_LABELS)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["corpus", "id", "abp_position", "class", "part"])
    for name, (aid, position) in drawn(abp_strata(skip), vars(args), SEED):
        out.writerow(["ABP", aid, position, name, part_of("ABP", aid)])


if __name__ == "__main__":
    main()
