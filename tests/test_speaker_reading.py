"""The right-to-left speaker matchers read the same speakers with their readings' end tests
(speakers.py, ``_speaker(..., reversed_=True)``) as without them.

Each test is a condition a reading's own match meets where it ends; a test that were not would
lose or change matches here. The texts are written for this test (every reading, name
characters at the edges of the tests' classes) plus generated noise, and the first ABP
articles when ``../shared`` is there; every word start of each is tried as a cue.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from itertools import islice

import pytest
from corpora import SHARED

from provenance.attribution import citations, speakers
from provenance.attribution.reverse import ReverseMatcher

TEXTS = [
    "As Russian Foreign Minister Sergey Lavrov said, Kremlin spokesman Dmitry Peskov told",
    "urban planner Noor Jahan said; his lawyer, Dana Cole, said; he said; she told; they said",
    "said former Virginia Gov. George Allen, retired U.S. Army Col. Ann Wright told, then-Sen. "
    "Jim DeMint said and then-Education Secretary John B. King Jr. wrote",
    "Innenministerin Birgit Haslauer sagte, der SPD-Politiker Karl Roe sagte, l'assessore Bruno "
    "Gatti ha detto, la diretora de Política Monetária do Banco Central afirmou",
    "Prime Minister of India Narendra Modi said. Saudi Foreign Minister Faisal bin Abdulrahman "
    "Al Saud said; Syrian President Bashar al-Assad said; Mr. Netanyahu, speaking in Jerusalem, "
    "said; Martin Luther King, Jr. said",
    "the spokesman for the ministry said; Russian state media reported; senior officials said; "
    "Nancy Pelosi (D-Calif.) said; Rep. Mikie Roe ( D-NJ ) said on Monday; X also said",
    "Ⓐlpha Ⓑeta said; ÉLISE Ōtake-Ürün said; O'Neil’s aide said; AT&T Chief Executive "
    "Randall Stephenson told; ex-minister Jan Roe said; outgoing acting Director Lee said",
    "the  minister\tsaid, a senior military source said, one EU diplomat told",
    "",
    "said",
    " said",
]


def _noise(seed: int) -> str:
    rng = random.Random(seed)
    pieces = " ".join(TEXTS).replace("\t", " ").split(" ")
    seps = [" ", "  ", "\t", "-", "", "\n", ", ", "'", ".", " (", ") "]
    return "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(400))


def _abp_texts(n: int) -> list[str]:
    path = SHARED / "eval-data" / "ABP" / "abp.jsonl.gz"
    if not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line).get("text") or "" for line in islice(lines, n)]


MATCHERS = {
    "speaker before": (speakers.SPEAKER_BEFORE, 280),
    "speaker ending": (speakers._SPEAKER_ENDING, 200),
    "speaker quoted by": (citations._SPEAKER_QUOTED_BY, 200),
}
_UNTESTED = speakers._speaker(*speakers._REVERSIBLE_WORDS)


def _without_tests(matcher: ReverseMatcher) -> ReverseMatcher:
    assert speakers.SPEAKER_REVERSIBLE in matcher.pattern
    return ReverseMatcher(matcher.pattern.replace(speakers.SPEAKER_REVERSIBLE, _UNTESTED))


def _read(matcher: ReverseMatcher, text: str, end: int, limit: int):
    m = matcher.match_before(text, end, limit)
    if m is None:
        return None
    return m.span(), [(g, m[g], m.span(g)) for g in matcher._reversed.groupindex]


def _same_readings(texts: list[str]) -> int:
    tried = 0
    for name, (matcher, limit) in MATCHERS.items():
        plain = _without_tests(matcher)
        for text in texts:
            # (every word start is a cue, and the blank before it for the ending matcher)
            ends = [m.start() for m in re.finditer(r"(?<=[ \t])\S", text)]
            for end in ends + [e - 1 for e in ends]:
                assert _read(matcher, text, end, limit) == _read(plain, text, end, limit), (
                    name,
                    text[max(0, end - 80) : end],
                )
                tried += 1
    return tried


def test_the_tests_leave_the_speakers_written():
    assert _same_readings(TEXTS + [_noise(seed) for seed in range(6)]) > 5_000


def test_the_tests_are_in_the_reversed_pattern_only():
    # (the forward pattern cannot compile look-behinds of any width; the matchers read them)
    tests = speakers.SPEAKER_REVERSIBLE.count("(?<=") - _UNTESTED.count("(?<=")
    assert tests >= 4 and speakers.SPEAKER.count("(?<=") == _UNTESTED.count("(?<=")


@pytest.mark.skipif(not _abp_texts(1), reason="no ABP corpus in ../shared")
def test_the_tests_leave_real_speakers_written():
    assert _same_readings(_abp_texts(40)) > 50_000
