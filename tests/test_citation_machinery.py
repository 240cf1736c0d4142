"""Shortcuts in the citation cue handling give the same answers as the full matches."""

from __future__ import annotations

import random
import re

from provenance.attribution import citations as C

_WORDS = (
    "he she officials newspaper paper agency Reuters said the daily first also has news site"
    " Zeitung zeitung spokesman AP 5 Fox ( , “ - al-Ahram O’neil É é radio then tv TV"
).split()


def _full_left(text: str, start: int) -> object:
    """What _left_found reads before a cue without the shortcut: the outlet before the gap."""
    gap = C._BETWEEN.match_before(text, start)
    return C._outlet_left(text, gap.start() if gap else start)


def test_no_outlet_before_only_where_no_outlet_phrase_ends():
    rng = random.Random(3)
    texts = [
        " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 7))) + " said"
        for _ in range(3000)
    ]
    texts += ["Officials said", "the Guardian newspaper said", "the paper has said",
              "Fox 5 said", "he said", "spokesman Jane Roe’s office said"]  # fmt: skip
    shortcuts = 0
    for text in texts:
        for cue in re.finditer("said", text):
            if C._no_outlet_before(text, cue.start()):
                shortcuts += 1
                assert _full_left(text, cue.start()) is None, text
    assert shortcuts > 100  # the shortcut is taken, and only where nothing is lost
