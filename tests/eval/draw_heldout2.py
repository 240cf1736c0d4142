"""Draw a further held-out set of real articles for attribution (``heldout2`` .. ``heldout5``).

``heldout2`` and ``heldout3``: the strata of the first 210 (tests/eval/real_attribution/README.md),
scaled to 60 ABP and 30 PTC articles, from articles not in an earlier split of
tests/eval/real_attribution_ids.csv and within the same word-length limits (ABP 80-1,400 words,
PTC 50-1,400; words = ``text.split()``):

* ABP: 15 with a wire name in the first 400 characters, 10 with a wire name anywhere, 15 with two
  or more citation-like phrases, 10 with eight or more quote marks, 10 of any kind;
* PTC: 20 with a citation-like phrase or a wire name, 10 of any kind.

``heldout4``: ABP only, and only ABP articles at position >= 20,000 (0-based) in abp.jsonl.gz
order (the engineers who change rules read samples of the first 20,000 only); the ABP strata
scaled to 90: 22 with a wire name in the first 400 characters, 15 with a wire name anywhere, 23
with two or more citation-like phrases, 15 with eight or more quote marks, 15 of any kind.

``heldout5``: ABP only, credit-rich, and only ABP articles at position >= 20,000 outside the
positions other engineers read (20,000-23,024, 26,000-28,000 and 34,000-36,000, inclusive): 35
with a wire name in the first 400 characters, 15 with a wire name anywhere but not in the first
400 characters, 20 with two or more citation-like phrases, 10 with eight or more quote marks, 10
of any kind.

Strata are drawn in that order, each from the eligible articles not drawn before, with
``random.Random(seed)`` over candidates sorted by id, so the same corpus gives the same rows.
"Earlier" splits are ``dev`` and ``heldout`` (the first 210), then ``heldout2``, ``heldout3``,
``heldout4``, ``heldout5``: a split is drawn from the articles of no split before it, so drawing ``heldout4``
(or ``heldout5``) excludes every other listed article, and redrawing ``heldout2`` ignores the later rows and gives
the same rows as before. Running the script rewrites the rows of ``--split`` in place in the id
list (other rows are kept as they are, in their order) and prints the articles in a labelling
order that interleaves the strata.

Seeds (the default for each split): heldout2 20261206, heldout3 20261207, heldout4 20261208,
heldout5 20261209.

Usage: python tests/eval/draw_heldout2.py [--split heldout2|heldout3|heldout4|heldout5] [--seed N]
       [--dry-run]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = Path(os.environ.get("PROVENANCE_SHARED") or REPO.parent / "shared") / "eval-data"
IDS = HERE / "real_attribution_ids.csv"
# Splits in the order they were drawn; a split is drawn from articles of no earlier split.
SPLIT_ORDER = {"dev": 0, "heldout": 0, "heldout2": 1, "heldout3": 2, "heldout4": 3, "heldout5": 4}
DEFAULT_SPLIT = "heldout2"

WIRE_RE = re.compile(
    r"\(\s*AP\s*\)|\bAssociated Press\b|\bReuters\b|\bAFP\b|\bAgence France[- ]Presse\b"
    r"|\bXinhua\b|\bTASS\b|\bSputnik\b|\bRIA Novosti\b|\bInterfax\b|\bUPI\b|\bANI\b|\bPTI\b"
    r"|\bIANS\b|\bdpa\b|\bEFE\b|\bAnadolu\b|\bKyodo\b|\bYonhap\b|\bBloomberg\b"
)
CITATION_RE = re.compile(
    r"\baccording to (?:the |a )?[A-Z]|\btold (?:the )?[A-Z][\w.]*|"
    r"\b[A-Z][\w.]*(?: [A-Z][\w.]*)* (?:reported|reports|said in a report)\b|"
    r"\breported by (?:the )?[A-Z]|\bin an interview with (?:the )?[A-Z]"
)
QUOTE_MARK_RE = re.compile(r"[“”\"]|``|''")


@dataclass(frozen=True)
class Article:
    """An article eligible for the draw: where it comes from and what its text holds."""

    corpus: str
    id: str
    n_words: int
    text: str


@dataclass(frozen=True)
class Stratum:
    """A named share of the draw: how many articles, and which ones qualify."""

    name: str
    corpus: str
    size: int
    test: Callable[[str], bool]


def citation_count(text: str) -> int:
    """Citation-like phrases (``according to X``, ``told the X``, ``X reported``, ...)."""
    return len(CITATION_RE.findall(text))


STRATA = (
    Stratum("wire name in the first 400 characters", "ABP", 15,
            lambda t: bool(WIRE_RE.search(t[:400]))),
    Stratum("wire name anywhere", "ABP", 10, lambda t: bool(WIRE_RE.search(t))),
    Stratum("two or more citation-like phrases", "ABP", 15, lambda t: citation_count(t) >= 2),
    Stratum("eight or more quote marks", "ABP", 10,
            lambda t: len(QUOTE_MARK_RE.findall(t)) >= 8),
    Stratum("any", "ABP", 10, lambda t: True),
    Stratum("citation-like phrase or wire name", "PTC", 20,
            lambda t: citation_count(t) >= 1 or bool(WIRE_RE.search(t))),
    Stratum("any", "PTC", 10, lambda t: True),
)  # fmt: skip
# heldout4: ABP only, heldout2's ABP strata scaled from 60 to 90 (15/10/15/10/10 -> 22/15/23/15/15).
STRATA_ABP90 = (
    Stratum("wire name in the first 400 characters", "ABP", 22, STRATA[0].test),
    Stratum("wire name anywhere", "ABP", 15, STRATA[1].test),
    Stratum("two or more citation-like phrases", "ABP", 23, STRATA[2].test),
    Stratum("eight or more quote marks", "ABP", 15, STRATA[3].test),
    Stratum("any", "ABP", 15, STRATA[4].test),
)  # fmt: skip
# heldout5: ABP only, credit-rich (wire names weigh 50 of 90); the second stratum keeps only
# articles whose wire name lies past the first 400 characters.
STRATA_ABP90_CREDITS = (
    Stratum("wire name in the first 400 characters", "ABP", 35, STRATA[0].test),
    Stratum("wire name anywhere but not in the first 400 characters", "ABP", 15,
            lambda t: STRATA[1].test(t) and not STRATA[0].test(t)),
    Stratum("two or more citation-like phrases", "ABP", 20, STRATA[2].test),
    Stratum("eight or more quote marks", "ABP", 10, STRATA[3].test),
    Stratum("any", "ABP", 10, STRATA[4].test),
)  # fmt: skip
WORD_LIMITS = {"ABP": (80, 1400), "PTC": (50, 1400)}


@dataclass(frozen=True)
class SplitDraw:
    """How one held-out split is drawn: its seed, its strata, the first ABP position it may use
    and the ABP positions (inclusive ranges) it must leave out."""

    seed: int
    strata: tuple[Stratum, ...]
    abp_start: int = 0
    abp_skip: tuple[tuple[int, int], ...] = ()


SPLIT_DRAWS = {
    "heldout2": SplitDraw(20261206, STRATA),
    "heldout3": SplitDraw(20261207, STRATA),
    "heldout4": SplitDraw(20261208, STRATA_ABP90, abp_start=20_000),
    # Positions read by the engineers who change rules (session 8 samples past 20,000) are out.
    "heldout5": SplitDraw(
        20261209,
        STRATA_ABP90_CREDITS,
        abp_start=20_000,
        abp_skip=((20_000, 23_024), (26_000, 28_000), (34_000, 36_000)),
    ),
}


def read_records(corpus: str) -> Iterator[dict]:
    """Raw records of one corpus from ../shared/eval-data."""
    if corpus == "ABP":
        with gzip.open(SHARED / "ABP" / "abp.jsonl.gz", "rt", encoding="utf-8") as f:
            yield from (json.loads(line) for line in f)
    else:
        with (SHARED / "PTC" / "articles.jsonl").open(encoding="utf-8") as f:
            yield from (json.loads(line) for line in f)


def eligible(
    corpus: str,
    taken: set[tuple[str, str]],
    start: int = 0,
    skip: tuple[tuple[int, int], ...] = (),
) -> list[Article]:
    """Articles of ``corpus`` at position >= ``start`` in file order and in no ``skip`` range
    (inclusive), within the word limits and not already listed, sorted by id."""
    low, high = WORD_LIMITS[corpus]
    out = []
    for position, rec in enumerate(read_records(corpus)):
        if position < start or any(first <= position <= last for first, last in skip):
            continue
        text = rec.get("text") or ""
        n_words = len(text.split())
        if low <= n_words <= high and (corpus, str(rec["id"])) not in taken:
            out.append(Article(corpus, str(rec["id"]), n_words, text))
    return sorted(out, key=lambda a: a.id)


def draw(
    pools: dict[str, list[Article]], seed: int, strata: tuple[Stratum, ...] = STRATA
) -> list[tuple[Stratum, Article]]:
    """The drawn articles with their stratum, strata in order, without repeats."""
    rng = random.Random(seed)
    drawn: list[tuple[Stratum, Article]] = []
    used: set[str] = set()
    for stratum in strata:
        candidates = [a for a in pools[stratum.corpus] if a.id not in used and stratum.test(a.text)]
        for article in rng.sample(candidates, stratum.size):
            drawn.append((stratum, article))
            used.add(article.id)
    return drawn


def labelling_order(drawn: list[tuple[Stratum, Article]]) -> list[tuple[Stratum, Article]]:
    """Round-robin over the strata (by their share), so a partial labelling keeps proportions."""
    by_stratum: dict[Stratum, list[Article]] = {}
    for stratum, article in drawn:
        by_stratum.setdefault(stratum, []).append(article)
    longest = max(s.size for s in by_stratum)
    # Spread each stratum evenly over ``longest`` slots, then read slot by slot.
    slots: list[list[tuple[Stratum, Article]]] = [[] for _ in range(longest)]
    for stratum, articles in by_stratum.items():
        for k, article in enumerate(articles):
            slots[k * longest // len(articles)].append((stratum, article))
    return [pair for slot in slots for pair in slot]


def write_ids(split: str, drawn: list[tuple[Stratum, Article]], rows: list[dict[str, str]]) -> None:
    """The id list with the rows of ``split`` replaced by the drawn ones (sorted by id).

    Rows of earlier splits come first and rows of later splits last, each in the order they were,
    so redrawing a split with the same seed leaves the file byte for byte as it was.
    """
    rank = SPLIT_ORDER[split]
    before = [r for r in rows if SPLIT_ORDER.get(r["split"], 0) < rank]
    after = [r for r in rows if r["split"] != split and SPLIT_ORDER.get(r["split"], 0) >= rank]
    new = sorted(((a.corpus, a.id, a.n_words) for _, a in drawn))
    with IDS.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)  # \r\n line ends, as the first 210 rows
        writer.writerow(["corpus", "id", "split", "n_words"])
        writer.writerows([r["corpus"], r["id"], r["split"], r["n_words"]] for r in before)
        writer.writerows([corpus, aid, split, n] for corpus, aid, n in new)
        writer.writerows([r["corpus"], r["id"], r["split"], r["n_words"]] for r in after)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=tuple(SPLIT_DRAWS),
        default=DEFAULT_SPLIT,
        help="the split to (re)draw",
    )
    parser.add_argument("--seed", type=int, help="random.Random seed (default: the split's)")
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the ids")
    args = parser.parse_args()
    with IDS.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rank = SPLIT_ORDER[args.split]
    taken = {(r["corpus"], r["id"]) for r in rows if SPLIT_ORDER.get(r["split"], 0) < rank}
    plan = SPLIT_DRAWS[args.split]
    corpora = sorted({s.corpus for s in plan.strata})
    starts = {"ABP": plan.abp_start}
    skips = {"ABP": plan.abp_skip}
    pools = {
        corpus: eligible(corpus, taken, starts.get(corpus, 0), skips.get(corpus, ()))
        for corpus in corpora
    }
    seed = plan.seed if args.seed is None else args.seed
    drawn = draw(pools, seed, plan.strata)
    if not args.dry_run:
        write_ids(args.split, drawn, rows)
    for order, (stratum, article) in enumerate(labelling_order(drawn), 1):
        print(f"{order}\t{article.corpus}\t{article.id}\t{article.n_words}\t{stratum.name}")
    print(f"{len(drawn)} articles, {sum(a.n_words for _, a in drawn):,} words")


if __name__ == "__main__":
    main()
