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

from draw_speakers_1709 import draw_lines

if __name__ == "__main__":
    draw_lines(
        1907, "speakers_sample_1907.csv", range(9_000, 16_000), "CAB", __doc__.split("\n\n")[0]
    )
