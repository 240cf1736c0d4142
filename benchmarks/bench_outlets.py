"""Benchmark: outlet mention resolution over a synthetic corpus.

Builds N synthetic wire-style articles (~400 words each; our own template text with datelines,
agency credits, quotes, interviews and common-word traps such as "at dawn" or "CCTV footage"),
then times ``OutletRegistry.find_mentions`` over all of them and reports throughput, mentions
found and peak memory (process RSS via psutil, and the Python heap peak via tracemalloc on a
second pass).

    python benchmarks/bench_outlets.py            # 20,000 articles
    python benchmarks/bench_outlets.py --n 2000   # quicker
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import numpy as np
import psutil

from provenance.outlets import load_registry

PLACES = "MOSCOW BEIJING LONDON WASHINGTON ISLAMABAD NEW DELHI BUDAPEST ANKARA TEHRAN PARIS".split()
PEOPLE = [
    "Foreign Minister Sergey Lavrov",
    "Prime Minister Viktor Orban",
    "spokesperson Maria Zakharova",
    "Finance Minister Ishaq Dar",
    "Senator Elizabeth Warren",
    "President Recep Tayyip Erdogan",
    "the central bank governor",
    "a senior European diplomat",
]
OUTLETS = [
    "Sputnik",
    "Reuters",
    "the Associated Press",
    "Xinhua",
    "RIA Novosti",
    "Hungary's Magyar Nemzet newspaper",
    "Pakistan's Dawn newspaper",
    "The Hill",
    "Anadolu Agency",
    "Global Times",
    "the BBC",
    "Al Jazeera",
    "The Times of India",
    "Kommersant",
    "CGTN",
]
CREDITS = ["Sputnik", "REUTERS", "AP", "AFP", "Xinhua", "APP", "PTI", "dpa", "TASS", "IANS"]
TOPICS = [
    "strategic stability",
    "energy prices",
    "the grain corridor",
    "cross-border trade",
    "the IMF programme",
    "regional security",
    "the peace talks",
    "climate finance",
]
FILLER = [
    "The {topic} talks are expected to continue next week in {city}, officials said on condition "
    "of anonymity because they were not authorised to speak publicly.",
    "Analysts said the decision reflected growing concern over {topic} and the pace of "
    "negotiations, which have stalled several times since the spring.",
    "Markets reacted calmly to the announcement, with the currency trading in a narrow range "
    "and bond yields little changed by the close of business.",
    "The ministry did not respond to a request for comment on {topic} by the time of publication.",
    "Opposition lawmakers criticised the plan, saying it lacked detail and ignored the concerns "
    "of ordinary households facing higher bills this winter.",
    "Troops moved into position at dawn, according to residents who spoke by telephone.",
    "Police released CCTV footage of the incident and appealed for witnesses to come forward.",
    "The coins, still in mint condition, were sold at auction for a record price.",
    "Lawmakers on the hill were not convinced by the briefing, several aides said.",
    "The Nikkei share average rose 1.2 percent, led by exporters and technology stocks.",
    "Both sides agreed to set up a joint working group that will report back within three "
    "months on {topic}.",
    "The envoy said the two countries shared an interest in predictable relations and in "
    "avoiding a new arms race.",
]
REPORTING = [
    '"We are ready to continue the dialogue on {topic}," {person} told {outlet} in an interview.',
    "{person} said in remarks carried by {outlet} that progress on {topic} was encouraging.",
    "According to {outlet}, the delegation will travel to {city} later this month.",
    "{outlet} reported that the agreement on {topic} could be signed before the end of the year.",
    "Speaking to {outlet}, {person} described the talks as difficult but constructive.",
]


def make_articles(n: int, seed: int = 7) -> list[str]:
    """``n`` synthetic articles of roughly 400 words, deterministic for a given seed."""
    rng = np.random.default_rng(seed)
    articles = []
    for _ in range(n):
        place = PLACES[rng.integers(len(PLACES))]
        credit = CREDITS[rng.integers(len(CREDITS))]
        topic = TOPICS[rng.integers(len(TOPICS))]
        parts = [f"{place} ({credit}) - {topic.capitalize()} remains on the agenda."]
        words = 10
        while words < 400:
            if rng.random() < 0.25:
                template = REPORTING[rng.integers(len(REPORTING))]
            else:
                template = FILLER[rng.integers(len(FILLER))]
            sentence = template.format(
                topic=topic,
                city=PLACES[rng.integers(len(PLACES))].title(),
                person=PEOPLE[rng.integers(len(PEOPLE))],
                outlet=OUTLETS[rng.integers(len(OUTLETS))],
            )
            parts.append(sentence)
            words += sentence.count(" ") + 1
        articles.append(" ".join(parts))
    return articles


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="number of articles")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be positive")

    process = psutil.Process()
    t0 = time.perf_counter()
    reg = load_registry()
    build = time.perf_counter() - t0
    articles = make_articles(args.n)
    n_words = sum(a.count(" ") + 1 for a in articles)
    rss_before = process.memory_info().rss

    t0 = time.perf_counter()
    found = reg.find_mentions(articles)
    elapsed = time.perf_counter() - t0
    rss_after = process.memory_info().rss

    tracemalloc.start()
    reg.find_mentions(articles)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"registry: {len(reg)} outlets, built in {build:.2f} s")
    print(f"articles: {args.n:,} ({n_words / args.n:.0f} words on average)")
    print(f"mentions: {len(found):,} ({len(found) / args.n:.1f} per article)")
    print(f"time: {elapsed:.2f} s -> {args.n / elapsed:,.0f} articles/s")
    print(
        f"memory: process RSS {rss_after / 2**20:.0f} MiB (+{(rss_after - rss_before) / 2**20:.0f} "
        f"MiB during matching); Python heap peak while matching {heap_peak / 2**20:.0f} MiB"
    )


if __name__ == "__main__":
    main()
