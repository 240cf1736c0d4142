"""Draw session 20's quote-speaker sample (seed 2007), weighted like seed 1709's
(``draw_speakers_1709``'s strata: ``translated``, ``wire``, ``small``), from ABP lines
2,000-8,999. Every earlier sample's ids and every labelled id are skipped; lines 16,000-17,999
stay out for this session's diff of the quotes table. Each stratum's candidates are sorted,
shuffled by ``random.Random(2007)`` and the first ``--translated``/``--wire``/``--small`` kept.
The part is the sha256 of "2007:<corpus>:<id>" mod 3: 1 ``A`` (read, rules written on it), 2
``B`` (totals only while a change is judged), 0 ``C`` (scored once at the end).

Usage: python tests/eval/draw_speakers_2007.py > rows.csv
"""

from __future__ import annotations

from draw_speakers_1709 import draw_lines

if __name__ == "__main__":
    draw_lines(
        2007, "speakers_sample_2007.csv", range(2_000, 9_000), "CAB", __doc__.split("\n\n")[0]
    )
