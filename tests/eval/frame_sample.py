"""Citations on an unlabelled sample: sentences with a source frame but no citation.

Reads ABP articles at positions ``--start`` .. ``--start + --n`` of abp.jsonl.gz (and, unless
``--no-ptc``, every PTC article), skipping every id listed in real_attribution_ids.csv (all
splits: labelled and held-out texts are never read here). A sentence is framed when it holds a
source frame ("according to", "reported", "told", "interview with", "cited", "quoted", "wrote",
"published", "broadcast", "aired", "said on", ...); it is missed when no citation overlaps it.
``--out DIR`` writes the missed sentences (missed.tsv) and the citations (citations.csv) to read
and classify by hand (not an outlet / missed outlet form / missed outlet name).

Session 8 figures (3ad9a9e -> the session's end, heldout4 ids skipped): ABP 20,000-23,000 + PTC
(where the classes were read): citations 3,708 -> 3,833, framed sentences with no citation 6,704
-> 6,614 of 9,169; ABP 26,000-28,000 (read only to check): 2,317 -> 2,359, 4,411 -> 4,383 of 5,960.

Session 9: seeded random samples of the first 20,000 ABP positions instead of a range
(``--sample read|check``): ``random.Random(SAMPLE_SEED).sample(range(20_000), 3_000)``, the
first 1,500 drawn positions are the ``read`` half (missed sentences classified by hand), the
other 1,500 the ``check`` half (only counted, to see that a rule carries to text not read for
it). ``--positions FILE`` writes the positions read (0-based, abp.jsonl.gz order). Every
labelled id is skipped: 1,489 articles in each half. Session 9 rules (81b8f5b -> d00e4d0):
read half citations 1,760 -> 1,842, framed sentences with no citation 3,207 -> 3,156 of
4,327; check half 1,769 -> 1,818, 3,163 -> 3,147 of 4,302.

Session 10 (issue 18, precision first): 1,200 positions drawn by
``random.Random(71207).sample(range(20_000), 1_200)`` (``--seed 71207 --draw 1200``; 1,191
unlabelled articles, 1,366 citations), 300 of those citations read by hand against
LABELLING.md (19 wrong: an outlet's staff named only as an employer 6, bio lines 3, the
outlet only the story's subject 3, an outlet word alone 2, page boilerplate 2, other 3), and
150 of the 742 sentences with a registered outlet of another publisher and no citation (40
the labels would cite: joint polls and reports in other forms 9, venues 8, verbs 6, words given "to"
an outlet 5, ...). Rules 0568f97..3be783b: the 19 wrong -> 8, the 40 missed -> 29;
sample citations 1,366 -> 1,375.

Session 12 (issue 18, precision): ``random.Random(31208).sample(range(20_000), 1_500)`` minus
the positions of seeds 71207 (1,200), 20261207 (1,300) and 1208 (1,300): 1,228 positions,
1,218 unlabelled articles, 1,730 citations (with the publisher's outlet_id from the url, as
the pipeline passes it). 300 citations read against LABELLING.md: 24 wrong (staff named only
as an employer 11, the wrong "Times" or "Post" 5, the outlet only the story's subject 3, an
outlet word or name in another sense 3, a bio line 1, a photo credit 1). Rules c2785d0..725fed0
(former staff, bio lines with a quoted title, shared short names read by the publisher, groups
of outlets that are only subjects, "Name via AP" photo credits): 10 of the 24 fixed, sample
citations 1,730 -> 1,713; 100 citations not read before, read after those rules: 4 wrong
(employer 2, not an outlet 1, the wrong "Times" 1), one of which f5eb848 then fixed (a "who
worked on X" clause).

Session 12 (issue 18, recall): ``--seed 1208 --draw 1300 --skip-seed 71207:1200 --skip-seed
20261207:1300`` leaves out the positions earlier sessions' seeds drew; ``--out`` also writes
named.tsv, the sentences with no citation that name a registered outlet other than the
article's own publisher (whatever their verb: "questions from Reuters", "The Post explains").
On that draw (1,111 unlabelled ABP articles, --no-ptc), a2fb03f -> cites: citations 1,410 ->
1,494, named.tsv 798 -> 728 lines. Of its first 200 lines 42 name an outlet the labels would
cite (outlet as a verb's subject 9, venues and op-ed forms 10, media nouns 6, source tags 4,
statements 4, other 9): 25 caught after the rules; lines 201-300, read after them: 33
listable, 1 caught, 19 after a second round (newsletter tags "(Reuters).", "Outlet:" rundowns).

Session 14 (citations, labelled): ``--seed 1401 --draw 850`` less seeds 1208:1300, 31208:1500,
121207:3000, 20261208:3000, 20261209:3000, 131208:3000, 71207:1200, 20261207:1300 and
1309:2600 (270 positions; 148 unlabelled articles naming another registered outlet, two thirds
read and labelled, a third kept unread; figures in docs/attribution-eval.md). Later draws
should skip 1401:850.

Session 15 (citations, labelled): seed 1504, 1,600 positions, less the seeds above and 1401:850,
1402:600, 1414:2500, 1313:1000 and the positions of credits_sample_1403.csv (labels and scorer:
citations_sample_1504.csv, score_citation_sample.py). Later draws should skip 1504:1600.

Session 16 (citations, labelled, weighted to the held-out pages' classes): draw_citations_1607.py
takes 27 PTC tuning articles and 63 ABP articles at positions >= 20,000 (outside session 8's read
lines), by stratum; labels in citations_sample_1607.csv. Later draws should skip its ids.

Usage: python tests/eval/frame_sample.py [--start 20000] [--n 3000] [--sample read|check]
       [--no-ptc] [--out DIR] [--positions FILE] [--seed N --draw K] [--skip-seed N:K ...]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from score_real_attribution import ABP, PTC, split_of

from provenance.attribution import extract_citations
from provenance.attribution._input import article_columns
from provenance.outlets import load_registry
from provenance.outlets.registry import OutletRegistry
from provenance.text import sentence_spans

FRAME_RE = re.compile(
    r"(?<![\w\-])(?:according to|reported|reports|reporting|told|tells|interview with|cited"
    r"|citing|quoted|quoting|wrote|writes|published|broadcast|aired|said on|says on"
    r"|appeared on|report by|report in)(?![\w\-])",
    re.IGNORECASE,
)


SAMPLE_SEED = 20261209
SAMPLE_LIMIT = 20_000  # rule work reads only the first 20,000 ABP positions
SAMPLE_HALF = 1_500


def sample_positions(half: str) -> list[int]:
    """Sorted ABP positions of the ``read`` or ``check`` half of the seeded sample."""
    drawn = random.Random(SAMPLE_SEED).sample(range(SAMPLE_LIMIT), 2 * SAMPLE_HALF)
    return sorted(drawn[:SAMPLE_HALF] if half == "read" else drawn[SAMPLE_HALF:])


def unlabelled_articles(positions: Iterable[int], ptc: bool) -> pd.DataFrame:
    """ABP articles at ``positions`` and all PTC articles, listed ids skipped; texts rejoined
    as the extractors read them (so citation spans index them directly)."""
    listed = set(split_of())
    wanted = set(positions)
    last = max(wanted, default=-1)
    rows: list[tuple[str, str, str, str]] = []
    with gzip.open(ABP, "rt", encoding="utf-8") as f:
        for position, line in enumerate(f):
            if position > last:
                break
            rec = json.loads(line) if position in wanted else None
            if rec is not None and ("ABP", rec["id"]) not in listed:
                rows.append((f"ABP:{rec['id']}", rec.get("title") or "", rec.get("text") or "",
                             rec.get("url") or ""))  # fmt: skip
    if ptc:
        with PTC.open(encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if ("PTC", rec["id"]) not in listed:
                    rows.append((f"PTC:{rec['id']}", rec.get("title") or "",
                                 rec.get("text") or "", rec.get("url") or ""))  # fmt: skip
    arts = pd.DataFrame(rows, columns=["article_id", "title", "text", "url"])
    cols = article_columns(arts)
    return arts.assign(title=cols["title"], text=cols["text"])


def framed_sentences(arts: pd.DataFrame, cited: pd.DataFrame) -> list[tuple[str, int, bool, str]]:
    """(article_id, sentence start, has a citation, sentence) of every framed sentence."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for aid, lo, hi in zip(
        cited["article_id"], cited["span_start"], cited["span_end"], strict=True
    ):
        spans.setdefault(aid, []).append((int(lo), int(hi)))
    out = []
    for aid, text in zip(arts["article_id"], arts["text"], strict=True):
        for lo, hi in sentence_spans(text):
            if FRAME_RE.search(text, lo, hi):
                hit = any(a < hi and b > lo for a, b in spans.get(aid, []))
                out.append((aid, lo, hit, " ".join(text[lo:hi].split())))
    return out


def named_sentences(
    arts: pd.DataFrame, cited: pd.DataFrame, registry: OutletRegistry
) -> list[tuple[str, int, str, str]]:
    """(article_id, sentence start, outlets named, sentence) of every sentence with no
    citation that names a registered outlet other than the article's publisher."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for aid, lo, hi in zip(
        cited["article_id"], cited["span_start"], cited["span_end"], strict=True
    ):
        spans.setdefault(aid, []).append((int(lo), int(hi)))
    own = registry.resolve_urls(arts["url"]).tolist()
    out = []
    for aid, text, publisher in zip(arts["article_id"], arts["text"], own, strict=True):
        mentions = [
            (lo, oid) for lo, _, oid, _, _ in registry.mentions_in(text) if oid != publisher
        ]
        for lo, hi in sentence_spans(text):
            named = sorted({oid for at, oid in mentions if lo <= at < hi})
            if named and not any(a < hi and b > lo for a, b in spans.get(aid, [])):
                out.append((aid, lo, ",".join(named), " ".join(text[lo:hi].split())))
    return out


def drawn_positions(args: argparse.Namespace) -> list[int]:
    """The ABP positions the options ask for, less those drawn by each ``--skip-seed``."""
    if args.seed is not None:
        positions = sorted(random.Random(args.seed).sample(range(SAMPLE_LIMIT), args.draw))
    elif args.sample is not None:
        positions = sample_positions(args.sample)
    else:
        positions = list(range(args.start, args.start + args.n))
    skipped: set[int] = set()
    for spec in args.skip_seed:
        seed, draw = (int(part) for part in spec.split(":"))
        skipped.update(random.Random(seed).sample(range(SAMPLE_LIMIT), draw))
    return [p for p in positions if p not in skipped]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=20_000)
    parser.add_argument("--n", type=int, default=3_000)
    parser.add_argument("--sample", choices=("read", "check"))
    parser.add_argument("--no-ptc", action="store_true")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--positions", type=Path)
    parser.add_argument("--seed", type=int, help="draw --draw positions < 20,000 with this seed")
    parser.add_argument("--draw", type=int, default=1_200)
    parser.add_argument("--skip-seed", action="append", default=[], metavar="SEED:DRAW",
                        help="leave out the positions this earlier seed drew")  # fmt: skip
    args = parser.parse_args()
    positions = drawn_positions(args)
    if args.positions is not None:
        args.positions.write_text("".join(f"{p}\n" for p in positions), encoding="utf-8")
    arts = unlabelled_articles(positions, not args.no_ptc)
    registry = load_registry()
    cited = extract_citations(arts, registry)
    framed = framed_sentences(arts, cited)
    missed = [f for f in framed if not f[2]]
    print(f"articles {len(arts):,}  citations {len(cited):,}  framed sentences {len(framed):,}"
          f"  with no citation {len(missed):,}")  # fmt: skip
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        cited.to_csv(args.out / "citations.csv", index=False)
        lines = (f"{aid}\t{lo}\t{sentence}\n" for aid, lo, _, sentence in missed)
        (args.out / "missed.tsv").write_text("".join(lines), encoding="utf-8")
        named = named_sentences(arts, cited, registry)
        print(f"sentences naming another registered outlet with no citation {len(named):,}")
        lines = (f"{aid}\t{lo}\t{oids}\t{sentence}\n" for aid, lo, oids, sentence in named)
        (args.out / "named.tsv").write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
