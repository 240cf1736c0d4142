"""Print WordNet 3.0's multiword lemmas as a candidate list for ``ptc_eval.py --candidates``.

A measuring tool, not a lexicon builder: nothing it prints is shipped. Session 15 asked whether
an openly licensed idiom source recovers the figurative loaded language PTC's experts mark and
the lists miss (idioms and metaphors: "throw a wrench", "with a large grain of salt"). Source:
Princeton WordNet 3.0 (Miller 1995; Fellbaum 1998; WordNet 3.0 licence, BSD-style), the
``data.*`` files of Debian's ``wordnet-base`` in ``/usr/share/wordnet``. Its multiword lemmas
are mostly compounds ("secretary of state") with some idioms ("beat around the bush",
"leave no stone unturned"); ``--min-words 3 --pos v`` keeps the verbal idioms, and
``--negative-gloss`` the lemmas whose gloss holds a VADER word of valence <= -1.5 ("character
assassination", "under fire").

Run: ``apt-get install wordnet-base``, then ``python tools/wordnet_idioms.py [--pos nvar]
[--min-words N] [--negative-gloss] > terms.txt`` and ``python benchmarks/ptc_eval.py
--candidates terms.txt``. Output is sorted.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
DATA_FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}
NEGATIVE_GLOSS = -1.5  # a gloss word of at most this VADER valence makes the gloss negative
_LEMMA = re.compile(r"[a-z][a-z' \-]*[a-z]")
_GLOSS_WORD = re.compile(r"[a-z]+")


def lemmas_with_glosses(data: Path) -> Iterator[tuple[str, str]]:
    """(lemma with blanks, the first part of its synset's gloss) for each lemma of a WordNet
    data file (lines: offset lex_file ss_type w_cnt(hex) [word lex_id]... | gloss)."""
    for line in data.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        head, _, gloss = line.partition(" | ")
        parts = head.split()
        for k in range(int(parts[3], 16)):
            lemma = re.sub(r"\(.*\)$", "", parts[4 + 2 * k]).replace("_", " ").lower()
            yield lemma, gloss.split(";")[0]


def vader_valence() -> dict[str, float]:
    """VADER's lexicon (vaderSentiment's ``vader_lexicon.txt``): word -> mean valence."""
    import vaderSentiment.vaderSentiment as vs

    path = Path(vs.__file__).parent / "vader_lexicon.txt"
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return {r[0]: float(r[1]) for r in rows if len(r) > 1}


def candidates(
    folder: Path, pos: str, min_words: int, valence: dict[str, float] | None
) -> list[str]:
    """WordNet's lemmas of the parts of speech ``pos`` with at least ``min_words`` words (only
    letters, blanks, hyphens, apostrophes); with ``valence``, only those of a negative gloss."""
    out = set()
    for p in pos:
        for lemma, gloss in lemmas_with_glosses(folder / DATA_FILES[p]):
            if lemma.count(" ") + 1 < min_words or not _LEMMA.fullmatch(lemma):
                continue
            words = _GLOSS_WORD.findall(gloss.lower())
            if valence is None or min((valence.get(w, 0.0) for w in words), default=0.0) <= (
                NEGATIVE_GLOSS
            ):
                out.add(lemma)
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    parser.add_argument("--pos", default="nvar", help="parts of speech: n, v, a, r")
    parser.add_argument("--min-words", type=int, default=2)
    parser.add_argument("--negative-gloss", action="store_true")
    args = parser.parse_args()
    if not (args.wordnet / "data.noun").exists():
        print(
            f"WordNet not found in {args.wordnet} (apt-get install wordnet-base)", file=sys.stderr
        )
        return 2
    valence = vader_valence() if args.negative_gloss else None
    print("\n".join(candidates(args.wordnet, args.pos, args.min_words, valence)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
