"""Throughput and peak memory of credits, citations and quotes over a synthetic corpus.

The articles are machine-made from templates and word lists written for this benchmark
(fictional people; real wire services only as credited outlets in their house styles): a
dateline or a credit line, 6-12 paragraphs of filler prose, direct quotes with every
attribution form (post, pre, "the minister", pronouns, partial and multi-paragraph quotes),
citations ("told X", "according to X", "X reported") and scare quotes. Seeded: the same
arguments give the same corpus.

``--corpus synthetic`` (the default) uses instead the whole-pipeline generator
(provenance/synthetic.py: ~400-word articles with page furniture, datelines and quotes) and
its outlet table as the registry, as ``bench_analyze.py`` does.

``--abp`` (``--corpus abp``) reads the first ``--n`` real ABP articles instead
(../shared/eval-data/ABP/abp.jsonl.gz: ~1,085 tokenised words each, with their urls; the
held-out ids of tests/eval/real_attribution_ids.csv are skipped) with the shipped registry.

Run: ``python benchmarks/bench_attribution.py [--n 20000] [--seed 0] [--corpus templates]``

The machine may be shared: CPU time per article (``time.process_time``) is the steadier figure.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time

import pandas as pd
from abp import ABP, ROOT, abp_records
from memory import peak_rss_mb

from provenance.attribution import extract_citations, extract_credits
from provenance.outlets import load_registry
from provenance.pipeline import ATTRIBUTION_BLOCK
from provenance.quotes import extract_quotes

FIRST = "Adrian Beatrix Corvin Dalia Emeric Farah Gideon Helka Ilario Jovana Kasimir Lenora".split()
LAST = "Varga Okafor Lindqvist Moreau Haddad Petrov Castillo Nakamura Brandt Osei Ilves".split()
ROLES = (
    "Foreign Minister", "Prime Minister", "Defence Minister", "Finance Minister", "President",
    "government spokesperson", "central bank governor", "opposition leader",
)  # fmt: skip
PLACES = "MOSCOW WASHINGTON BEIJING ISLAMABAD LONDON PARIS BERLIN ANKARA NEW DELHI".split(" ")
DATELINES = (
    "{place}, Aug {d} (Reuters) - ", "{place} (AP) — ", "{place} (AFP) - ",
    "{place} (Sputnik) - ", "{place}, August {d}. /TASS/. ", "{place}, Aug. {d} (Xinhua) -- ",
    "{place}, Aug {d} (APP): ", "{place}, Aug {d} (PTI) ", "{place} (AA) - ", "{place} (dpa) - ",
    "{place} (UrduPoint News / Sputnik - {d}th August, 2021) ", "",
)  # fmt: skip
TRAILERS = ("", "", "\n\n— AFP", "\n\nSource: TASS", "\n\n(With inputs from PTI)", " [Xinhua]")
OUTLETS = (
    "Reuters", "TASS", "RIA Novosti", "Xinhua", "the Daily Clarion newspaper", "Anadolu Agency",
    "Hungary's Magyar Nemzet newspaper", "the Global Times", "Kommersant", "Der Spiegel",
)  # fmt: skip
FILLER = (
    "Officials in the capital gave no timetable for the next round of talks, and analysts said "
    "the outcome would depend on the economy, energy prices and the mood of voters. "
    "The meeting followed weeks of tension over trade, borders and the fate of a stalled "
    "agreement signed two years ago. Markets reacted calmly, with the currency little changed. "
)
QUOTES = (
    '"We are ready to continue the dialogue, but not at any price," {name} said.',
    '"The decision was taken after long consultations with our partners," the {noun} noted.',
    '{surname} said: "Our position has not changed and it will not change."',
    '"This is a mistake," {surname} told {outlet} in an interview. "It will cost everyone."',
    'According to {surname}, "the sanctions have failed to achieve anything."',
    '{surname} called the proposal "unacceptable" and "dangerous."',
    '"We will respond in kind.\n\n"Nobody should doubt that," {pronoun} said.',
    'The {noun} further pledged to pursue a "responsible, pragmatic and predictable" policy.',
)
CITES = (
    "The talks will resume next month, according to {outlet}.",
    "{outlet} reported that the delegation had left the capital.",
    "A source told {outlet} that the documents were being coordinated.",
    'The so-called "experts" were not invited, {outlet} said.',
)


def make_articles(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` synthetic articles (article_id, title, text), reproducible from ``seed``."""
    rng = random.Random(seed)
    ids, titles, texts = [], [], []
    for i in range(n):
        role = rng.choice(ROLES)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}"
        noun = role.split()[-1].lower()
        fill = dict(
            name=name, surname=last, noun=noun, outlet=rng.choice(OUTLETS),
            pronoun=rng.choice(("he", "she")), place=rng.choice(PLACES), d=rng.randint(1, 28),
        )  # fmt: skip
        paras = [
            rng.choice(DATELINES).format(**fill)
            + f"{role} {name} said on Monday that talks with neighbours were 'difficult'."
        ]
        for _ in range(rng.randint(6, 12)):
            kind = rng.random()
            if kind < 0.45:
                paras.append(rng.choice(QUOTES).format(**fill))
            elif kind < 0.65:
                paras.append(rng.choice(CITES).format(**{**fill, "outlet": rng.choice(OUTLETS)}))
            else:
                paras.append(FILLER[: rng.randint(120, len(FILLER))])
        ids.append(f"bench-{i:06d}")
        titles.append(f"Talks 'Difficult' but Dialogue Continues - {last}")
        texts.append("\n\n".join(paras) + rng.choice(TRAILERS))
    return pd.DataFrame({"article_id": ids, "title": titles, "text": texts})


def load_abp(n: int) -> pd.DataFrame:
    """The first ``n`` ABP articles (held-out labelled ids skipped), with outlet_id from the url."""
    if not ABP.exists():
        sys.exit(f"no ABP corpus at {ABP}")
    ids = ROOT / "tests" / "eval" / "real_attribution_ids.csv"
    with ids.open(encoding="utf-8") as f:
        skip = {r["id"] for r in csv.DictReader(f) if r["split"] == "heldout"}
    return abp_frame(list(abp_records(n, skip=skip)))


def abp_frame(recs: list[dict]) -> pd.DataFrame:
    """ABP records as the articles table the extractors read (outlet_id from the url)."""
    frame = pd.DataFrame({
        "article_id": [r["id"] for r in recs], "title": [r.get("title") or "" for r in recs],
        "text": [r.get("text") or "" for r in recs], "url": [r.get("url") for r in recs],
        "published": [r.get("published") for r in recs],
    })  # fmt: skip
    frame["outlet_id"] = load_registry().resolve_urls(frame["url"].fillna(""))
    return frame


def load_corpus(corpus: str, n: int, seed: int) -> tuple[pd.DataFrame, object]:
    """Articles and registry: ``templates`` (this file's), ``synthetic`` (synthetic.py) or
    ``abp`` (real ABP articles)."""
    if corpus == "templates":
        return make_articles(n, seed), load_registry()
    if corpus == "abp":
        return load_abp(n), load_registry()
    from provenance.synthetic import generate_corpus

    articles, _, outlets = generate_corpus(n, n_outlets=100, seed=seed)
    return articles, load_registry(outlets)


def run(n: int, seed: int, corpus: str = "synthetic") -> dict[str, float]:
    """Time the three extractions over ``n`` articles; print and return the figures."""
    articles, registry = load_corpus(corpus, n, seed)
    # Warm-up: the registry cache and what else is filled on first use. (The one-offs found at
    # import since session 14, as the pool's fork server imports the stages once a run: the
    # credit patterns' line test, _scan.stays_in_line, ~0.05 s; the cue alternatives of each
    # citation cue anchor, _scan.ByAnchor, ~0.11 s. Found on first use, the warm-up met only
    # some of them and the rest fell on the timed articles: ~40 us an article of 3,000.)
    for warm in (extract_credits, extract_citations, extract_quotes):
        warm(articles.head(50), registry)
    chars = int(articles["text"].str.len().sum())
    before = peak_rss_mb()
    timings: dict[str, float] = {}
    cpu_times: dict[str, float] = {}
    rows: dict[str, int] = {}
    peaks: dict[str, float] = {}
    # As the pipeline runs them (pipeline.article_stages): the three on a block of
    # ATTRIBUTION_BLOCK articles, then the next block, so that the rejoined texts of a
    # tokenised block are cached from credits to quotes (rejoining is charged to credits).
    for first in range(0, n, ATTRIBUTION_BLOCK):
        block = articles.iloc[first : first + ATTRIBUTION_BLOCK]
        for name, fn in (
            ("credits", extract_credits),
            ("citations", extract_citations),
            ("quotes", extract_quotes),
        ):
            start, cpu = time.perf_counter(), time.process_time()
            rows[name] = rows.get(name, 0) + len(fn(block, registry))
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
            cpu_times[name] = cpu_times.get(name, 0.0) + time.process_time() - cpu
            peaks[name] = peak_rss_mb()  # high-water mark of the process after this extractor
    total = sum(timings.values())
    peak = peak_rss_mb()
    words = int(articles["text"].str.split().str.len().sum())
    print(
        f"{corpus} corpus: {n} articles, {chars / n:.0f} characters ({words / n:.0f} words) "
        "each on average"
    )
    cpu_total = sum(cpu_times.values())
    for name, seconds in timings.items():
        print(
            f"  {name:10s} {rows[name]:8d} rows  {seconds:6.2f} s wall  {n / seconds:7.0f} "
            f"articles/s  {cpu_times[name]:6.2f} s CPU  {cpu_times[name] / n * 1e6:5.0f} "
            f"us CPU/article  peak RSS {peaks[name]:5.0f} MiB"
        )
    print(
        f"all three: {total:.2f} s wall, {n / total:.0f} articles/s "
        f"({n / cpu_total:.0f} per CPU-second; one process, one core)"
    )
    print(f"peak RSS: {peak:.0f} MiB (corpus and registry loaded: {before:.0f} MiB)")
    return {
        "articles_per_s": n / total,
        "articles_per_cpu_s": n / cpu_total,
        "peak_rss_mib": peak,
        **timings,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="articles (default 20000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--corpus",
        choices=("synthetic", "templates", "abp"),
        default="synthetic",
        help="synthetic.py's ~400-word articles (default), this file's short templates, or "
        "real ABP articles",
    )
    parser.add_argument("--abp", action="store_true", help="same as --corpus abp")
    args = parser.parse_args()
    if args.abp:
        args.corpus = "abp"
    if args.n < 1:
        parser.error("--n must be positive")
    run(args.n, args.seed, args.corpus)


if __name__ == "__main__":
    main()
