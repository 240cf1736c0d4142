"""Draw session 18's quote-speaker sample (seed 1811), weighted like seed 1709's
(``draw_speakers_1709``'s strata: ``translated``, ``wire``, ``small``), from the ABP lines no
sample has read for speakers: 23,025-25,999 (lines 36,000-37,553 stay unread for this session's
diff of the quotes table). Every labelled id and every id of an earlier sample file is skipped;
no PTC tuning article with quotes is left unsampled. Each stratum's candidates are sorted,
shuffled by ``random.Random(1811)`` and the first ``--translated``/``--wire``/``--small`` kept.
The part is the sha256 of "1811:<corpus>:<id>" mod 2: 1 ``B`` (labelled before any rule,
totals only while a change is judged), 0 ``C`` (scored once at the end).

Usage: python tests/eval/draw_speakers_1811.py > rows.csv
"""

from __future__ import annotations

from draw_speakers_1709 import draw_lines

if __name__ == "__main__":
    draw_lines(
        1811, "speakers_sample_1811.csv", range(23_025, 26_000), "CB", __doc__.split("\n\n")[0]
    )
