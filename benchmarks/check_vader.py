"""Check provenance.framing.sentiment.vader_compounds against vaderSentiment on real sentences.

    python benchmarks/check_vader.py                        # >= 100,000 distinct ABP sentences
    python benchmarks/check_vader.py --sentences 20000      # quicker

Sentences are the framing stage's (provenance.text.sentence_spans, as framing.features splits
titles and bodies) of the first ABP articles, distinct ones only, until ``--sentences`` are
collected. Prints how many were compared, how many compounds differ at all (float equality,
to the last bit) and the largest difference, and the CPU seconds of each scorer.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from abp import ABP, abp_records

from provenance.framing.sentiment import analyzer, vader_compounds
from provenance.text import sentence_spans


def real_sentences(path: Path, wanted: int) -> tuple[list[str], int]:
    """The first ``wanted`` distinct sentences of ABP's titles and bodies, and articles read."""
    seen: dict[str, None] = {}
    articles = 0
    for record in abp_records(path=path):
        articles += 1
        for text in (record.get("title") or "", record.get("text") or ""):
            seen.update(dict.fromkeys(text[a:b] for a, b in sentence_spans(text)))
        if len(seen) >= wanted:
            break
    return list(seen)[:wanted], articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--abp", type=Path, default=ABP, help=f"abp.jsonl.gz (default {ABP})")
    parser.add_argument("--show", type=int, default=5, help="mismatching sentences to print")
    args = parser.parse_args(argv)
    if not args.abp.exists():
        print(f"no ABP corpus at {args.abp}", file=sys.stderr)
        return 2
    sentences, articles = real_sentences(args.abp, args.sentences)
    print(f"{len(sentences):,} distinct sentences from the first {articles:,} ABP articles")

    start = time.process_time()
    ours = vader_compounds(sentences)
    ours_cpu = time.process_time() - start
    scorer = analyzer()
    start = time.process_time()
    library = np.array([scorer.polarity_scores(s)["compound"] for s in sentences])
    library_cpu = time.process_time() - start

    differ = np.flatnonzero(ours != library)
    worst = float(np.max(np.abs(ours - library))) if len(sentences) else 0.0
    print(
        f"compared {len(sentences):,}: {len(differ):,} mismatches (float !=), largest difference "
        f"{worst:.3g}; nonzero compounds {np.count_nonzero(library):,}"
    )
    print(f"CPU seconds: vader_compounds {ours_cpu:.1f}, vaderSentiment {library_cpu:.1f}")
    for i in differ[: args.show]:
        print(f"  ours {ours[i]!r} library {library[i]!r}: {sentences[i]!r}")
    return 1 if len(differ) else 0


if __name__ == "__main__":
    raise SystemExit(main())
