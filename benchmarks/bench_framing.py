"""Benchmark: framing features for 20,000 synthetic articles (prints time, throughput, memory).

The corpus is synthetic wire copy made here from sentence templates with random names, places,
numbers, reporting verbs and frame words (fixed seed); 30% of the articles republish an earlier
one with a few sentences changed, as syndication corpora do. Reported: total wall time of
``score_articles`` given the quotes table (body + headline + speaker features), the time of
the quotes stage that makes that table (apart: the pipeline runs it once for all stages), the share spent in VADER, unique vs all
sentences, ``score_links`` on the republication links (with evidence) with what drives its cost
(words per linked article, added + dropped words per link), and peak resident memory.

``--abp PATH`` scores real text instead: the first ``--n`` lines of the ABP corpus
(``../shared/eval-data/ABP/abp.jsonl.gz``, 37,554 US news articles; ``head -n 20000`` is the 20k
benchmark corpus) with wall and CPU time of ``score_articles`` over ``--repeat`` runs, alone
and as the pipeline's framing stage runs it (with evidence and the framing table's evidence
strings; the machine is shared: the CPU time and the best run are the figures to compare), and
with ``--profile N`` the stage's N top functions (cProfile, CPU time). No links there.

Run: ``python benchmarks/bench_framing.py [--n 20000] [--abp PATH [--repeat 3] [--profile 30]]``
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

import numpy as np
import pandas as pd
from abp import abp_records
from memory import peak_rss_mb

from provenance.framing import features, score_articles, score_links
from provenance.framing.articles import article_scores_detail
from provenance.framing.quotes import quotes_table

NAMES = [
    "Ivan Petrov",
    "Anna Sidorova",
    "John Miller",
    "Maria Garcia",
    "Chen Wei",
    "Ali Hassan",
    "Sara Cohen",
    "Peter Novak",
    "Laura Rossi",
    "Omar Khalid",
    "Emma Schmidt",
    "Yuki Sato",
]
ROLES = [
    "Foreign Minister",
    "spokeswoman",
    "Finance Minister",
    "opposition leader",
    "analyst",
    "senator",
    "Defence Minister",
    "union leader",
    "mayor",
    "economist",
]
PLACES = ["MOSCOW", "WASHINGTON", "BRUSSELS", "BEIJING", "KYIV", "ANKARA", "BERLIN", "TOKYO"]
VERBS = [
    "said",
    "told reporters",
    "claimed",
    "noted",
    "insisted",
    "admitted",
    "stressed",
    "slammed the plan and said",
    "pointed out",
    "alleged",
]
TOPICS = [
    "the trade talks",
    "the border dispute",
    "the new budget",
    "energy prices",
    "the military drills",
    "the peace plan",
    "the sanctions",
    "the election",
    "the refugee crisis",
    "the pension reform",
]
ADJ = [
    "encouraging",
    "disastrous",
    "constructive",
    "reckless",
    "difficult",
    "historic",
    "unacceptable",
    "pragmatic",
    "dangerous",
    "modest",
]
HEDGE = ["may", "could", "is likely to", "will", "might", "is expected to"]
TEMPLATES = [
    "{place} ({outlet}) - {topic} is {adj}, {role} {name} {verb} on {day}.",
    '"We {hedge} reach an agreement on {topic} within {n} weeks," {name} {verb}.',
    "The talks on {topic} {hedge} resume after {n} rounds of {frame}.",
    "Officials who asked not to be named said {topic} would cost {n} billion dollars.",
    "Critics accused the government of a {adj} approach to {topic}, and families fear the worst.",
    "{name}, the {role}, {verb} that {topic} was {adj} but that dialogue and cooperation remain.",
    "Is this really the best way to handle {topic}?",
    "According to {name}, the so-called compromise on {topic} is {adj}.",
    "Troops and missiles near the border raised security concerns over {topic}.",
    "The {role} {verb} the {frame} over {topic} had been {adj}!",
]
FRAMES = ["confrontation", "negotiations", "tensions", "joint work", "dispute", "partnership"]


def make_corpus(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)

    def pick(seq):
        return seq[rng.integers(len(seq))]

    def sentence() -> str:
        return pick(TEMPLATES).format(
            place=pick(PLACES),
            outlet=pick(["Wire", "Sputnik", "Agency"]),
            topic=pick(TOPICS),
            adj=pick(ADJ),
            role=pick(ROLES),
            name=pick(NAMES),
            verb=pick(VERBS),
            day=pick(["Monday", "Tuesday", "Friday"]),
            hedge=pick(HEDGE),
            n=int(rng.integers(2, 90)),
            frame=pick(FRAMES),
        )

    texts: list[str] = []
    parents: list[str | None] = []
    for i in range(n):
        if i > 10 and rng.random() < 0.3:  # a republication with some sentences rewritten
            src = int(rng.integers(i))
            parents.append(f"a{src:06d}")
            paras = texts[src].split("\n\n")
            for _ in range(int(rng.integers(1, 4))):
                paras[int(rng.integers(len(paras)))] = sentence()
            texts.append("\n\n".join(paras))
        else:
            parents.append(None)
            texts.append("\n\n".join(sentence() for _ in range(int(rng.integers(8, 20)))))
    titles = [f"{pick(NAMES).split()[1]}: {pick(TOPICS)} '{pick(ADJ)}'" for _ in range(n)]
    return pd.DataFrame(
        {
            "article_id": [f"a{i:06d}" for i in range(n)],
            "title": titles,
            "text": texts,
            "parent": parents,
        }
    )


def read_abp(path: Path, n: int) -> pd.DataFrame:
    """The first ``n`` articles of the ABP JSONL (gzip or plain): article_id, title, text."""
    rows = list(abp_records(n, path))
    return pd.DataFrame(
        {
            "article_id": [str(r["id"]) for r in rows],
            "title": [r.get("title") or "" for r in rows],
            "text": [r.get("text") or "" for r in rows],
        }
    )


def framing_stage(arts: pd.DataFrame, quotes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the pipeline's framing stage runs on a batch of articles: the scores, with their
    evidence as the framing table's strings (and the body sentences for link framing)."""
    scored = article_scores_detail(arts, quotes, evidence="strings")
    return scored.scores, scored.evidence


def bench_real(path: Path, n: int, repeat: int, profile: int = 0) -> None:
    """Wall and CPU seconds of ``score_articles`` on real articles (quotes table made once),
    alone and as the pipeline's framing stage runs it (with evidence and its strings);
    ``profile`` > 0: the stage's top functions by own and by cumulative CPU time."""
    arts = read_abp(path, n)
    words = int(arts["text"].str.count(r"\w+").sum())
    score_articles(arts.head(50))  # warm-up: lexicons, automaton, VADER
    quotes = quotes_table(arts)
    for run in range(repeat):
        for label, stage in (("score_articles", score_articles), ("framing stage", framing_stage)):
            features._COMPOUNDS = features._CompoundMemo(1, 1)  # no sentence memo across runs
            t0, c0 = time.perf_counter(), time.process_time()
            stage(arts, quotes)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            print(
                f"run {run + 1}: {label} on {len(arts):,} ABP articles ({words:,} words): "
                f"wall {wall:.2f} s, CPU {cpu:.2f} s"
            )
    if profile:
        features._COMPOUNDS = features._CompoundMemo(1, 1)
        profiler = cProfile.Profile(time.process_time)
        profiler.runcall(framing_stage, arts, quotes)
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(profile)
        stats.sort_stats("cumtime").print_stats(profile)
    # The lexicon pass alone (every list in one automaton), apart from VADER's share.
    scanner = features.scanner_for()
    bodies = arts["text"].tolist()
    for run in range(repeat):
        c0 = time.process_time()
        hits, _ = scanner.scan(bodies)
        print(
            f"run {run + 1}: lexicon scan of the bodies ({len(scanner.names)} lists, "
            f"{len(scanner.keys):,} terms): CPU {time.process_time() - c0:.2f} s, {len(hits):,} hits"
        )
    print(f"peak resident memory: {peak_rss_mb():,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--abp", type=Path, help="score the first --n ABP articles instead")
    parser.add_argument("--repeat", type=int, default=3, help="runs in --abp mode")
    parser.add_argument(
        "--profile", type=int, default=0, help="--abp: print this many top functions (cProfile)"
    )
    args = parser.parse_args()
    if args.abp:
        bench_real(args.abp, args.n, args.repeat, args.profile)
        return
    corpus = make_corpus(args.n)
    arts = corpus.drop(columns="parent")
    words = int(corpus["text"].str.count(r"\w+").sum())
    score_articles(arts.head(50))  # warm-up: lexicons, automaton, VADER

    calls = {"t": 0.0, "sentences": 0, "unique": 0}
    real = features.sentiment_of

    def timed(sentences):
        t0 = time.perf_counter()
        out = real(sentences)
        calls["t"] += time.perf_counter() - t0
        calls["sentences"] += len(sentences)
        calls["unique"] += len(set(sentences))
        return out

    t0 = time.perf_counter()
    quotes = quotes_table(arts)  # the quotes stage, run once by the pipeline: timed apart
    t_quotes = time.perf_counter() - t0
    features.sentiment_of = timed
    t0 = time.perf_counter()
    scores = score_articles(arts, quotes)
    elapsed = time.perf_counter() - t0
    features.sentiment_of = real
    peak_mb = peak_rss_mb()
    print(
        f"articles: {len(corpus):,}  words: {words:,}  feature columns: "
        f"{sum(c.startswith('f_') for c in scores.columns)}"
    )
    print(
        f"score_articles: {elapsed:.2f} s  ({len(corpus) / elapsed:,.0f} articles/s, "
        f"{words / elapsed / 1e6:.2f} M words/s)"
    )
    print(
        f"quotes table (provenance.quotes, input to framing): {t_quotes:.2f} s, "
        f"{len(quotes):,} quotes"
    )
    print(
        f"VADER: {calls['t']:.2f} s ({100 * calls['t'] / elapsed:.0f}% of the time) on "
        f"{calls['unique']:,} unique of {calls['sentences']:,} sentences"
    )
    rep = corpus.dropna(subset=["parent"])
    links = pd.DataFrame(
        {
            "link_id": "l" + rep["article_id"],
            "child_article_id": rep["article_id"],
            "parent_article_id": rep["parent"],
            "parent_outlet_id": "wire",
        }
    )
    t0 = time.perf_counter()
    link_scores, link_ev = score_links(
        links, arts, quotes=quotes, article_scores=scores, return_evidence=True
    )
    t_links = time.perf_counter() - t0
    print(
        f"score_links: {len(links):,} links in {t_links:.2f} s ({len(links) / t_links:,.0f} "
        f"links/s), {link_scores.shape[1] - 1} d_ columns, {len(link_ev):,} evidence spans"
    )
    # What drives its cost: the linked articles' length, and the added and dropped text that is
    # scored again (VADER) for d_added_* / d_dropped_*. The pipeline's corpus (bench_analyze.py)
    # has longer, less repetitive articles, and the text outside reuse passages is far more.
    linked = set(links["child_article_id"]) | set(links["parent_article_id"])
    linked_words = corpus.loc[corpus["article_id"].isin(linked), "text"].str.count(r"\w+")
    moved = link_scores[["d_added_n_words", "d_dropped_n_words"]].sum().sum()
    print(
        f"score_links input: {len(linked_words):,} linked articles of "
        f"{linked_words.mean():,.0f} words; {moved / len(links):,.0f} added + dropped words a link"
    )
    print(f"peak resident memory: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
