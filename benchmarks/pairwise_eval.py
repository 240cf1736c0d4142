"""Article-level bias ordering within an event: a proxy for issue 16's pairwise check.

Issue 16's last check is a kept-back expert set with article-level lexical-bias annotations:
"within-event pairwise agreement of ``f_loaded_language`` with the experts' ordering". We hold
no such set; this script builds the nearest proxy from the expert data we have and scores the
article-level framing scores against it. Nothing is fitted and no data is copied into the
project: BABE and PTC are read from ../shared/eval-data (or --babe / --ptc).

**BABE** (Spinde et al. 2021, EMNLP Findings; expert sentence labels with the sentence's
``news_link``, ``outlet`` and ``topic``): the sentences of one news_link make a
*pseudo-article* (joined in file order), its ``topic`` is the event (spelling variants
joined: :func:`event_of`). The experts' article bias
is the share of its sentences labelled Biased (view ``share``) or, second view, the words the
experts marked biased per 100 words (``words``). The BABE sentence split of
``benchmarks/babe_auroc.py`` holds: development pseudo-articles are made of the development
sentences only (SG2 labels of sentences SG1 also holds), held-out ones of the held-out sentences
only; ``--heldout`` scores the held-out part (totals only, once at the end of a session).
As a human reference, the share by SG1's annotators (their labels of the same development
sentences) orders SG2's pairs (:func:`second_annotators`).
Most news_links hold one sentence (1,279 of 2,095 in SG2), so ``--min-sentences 2`` (the
default for the headline figure) keeps the pseudo-articles of two or more sentences; with 1
the figure is close to a sentence AUROC within topics.

**PTC** (Da San Martino et al. 2019; SemEval-2020 Task 11), the *tuning* part of
``benchmarks/ptc_eval.py`` only: the experts' article score is the share of the article's
characters (title and body) inside a Loaded_Language or Name_Calling,Labeling span (``chars``)
or those spans per 1,000 words (``spans``, ptc_eval's density). PTC has no events: pairs are
all pairs of the part (``all``) and pairs within a third of the part by length (``length``:
tertiles of words, so that a score's length effect cannot order the pair); ``--folds`` adds
ptc_eval's three tuning folds (all pairs within each).

**Agreement**: over every pair of articles within a group (topic, length band) whose expert
scores differ, the share the article score orders the same way, a tie of the score counting
0.5. The 95% interval resamples articles (``BOOTSTRAP`` draws with replacement, a pair weighted
by the product of its articles' draw counts).

Run: ``python benchmarks/pairwise_eval.py [--babe DIR] [--ptc DIR] [--min-sentences N]
[--folds] [--heldout] [--scores f_a,f_b] [--lengths]``

``--lengths`` splits the pairs by how long the experts' more biased article is against the
other (:func:`by_length_ratio`): a score without a length effect agrees about equally in every
band.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from abp import SHARED  # noqa: E402
from babe_auroc import read_babe, splits  # noqa: E402
from ptc_eval import FAMILIES, article_words, fold_of, loaded_density, read_ptc  # noqa: E402

from provenance.framing import score_articles, score_texts  # noqa: E402
from provenance.reuse.align import union_length  # noqa: E402
from provenance.text import WORD_PATTERN  # noqa: E402

BABE_DIR = SHARED / "eval-data" / "BABE"  # beside the repository, or $PROVENANCE_SHARED
PTC_DIR = SHARED / "eval-data" / "PTC"
SCORE = "f_loaded_language"
ALSO = (
    "f_bias_cues",
    "f_loaded",
    "f_name_calling",
    "f_evaluative_modifiers",
    "f_editorializing",
    "f_intensifiers",
    "f_subjectivity",
    "f_sentiment_strong",
)
BOOTSTRAP = 1000
SEED = 1515
DEV = "dev (SG2 labels, in SG1)"
HELDOUT = "held-out (SG2 only)"


@dataclass(frozen=True)
class Agreement:
    """Pairwise agreement with its 95% bootstrap interval and the pairs behind it."""

    value: float
    low: float
    high: float
    pairs: int

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}] ({self.pairs:,} pairs)"


def _pair_terms(expert: np.ndarray, score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every ordered pair (i, j) of one group: does the expert order it (1/0), and the
    score's agreement with that order (1, 0.5 for a tie of the score, 0)."""
    e = np.sign(expert[:, None] - expert[None, :])
    s = np.sign(score[:, None] - score[None, :])
    agree = np.where(s == 0, 0.5, (s == e).astype(float))
    return (e != 0).astype(float), agree * (e != 0)


def agreement(
    groups: Iterable[np.ndarray],
    expert: np.ndarray,
    score: np.ndarray,
    n_boot: int = BOOTSTRAP,
    seed: int = SEED,
) -> Agreement:
    """Pairwise agreement of ``score`` with ``expert`` within each group (arrays of row
    positions), pooled over the groups, with an article-bootstrap 95% interval.

    >>> str(agreement([np.arange(3)], np.array([0.0, 1, 2]), np.array([0.0, 2, 1]), n_boot=0))
    '0.667 [nan, nan] (3 pairs)'
    """
    groups = [g for g in groups if len(g) > 1]
    terms = [_pair_terms(expert[g], score[g]) for g in groups]
    n_rows = len(expert)
    rng = np.random.default_rng(seed)
    draws = []
    for _ in range(n_boot):
        weight = np.bincount(rng.integers(0, n_rows, n_rows), minlength=n_rows).astype(float)
        num = den = 0.0
        for g, (valid, agree) in zip(groups, terms, strict=True):
            w = weight[g]
            num += w @ agree @ w
            den += w @ valid @ w
        draws.append(num / den if den else np.nan)
    num = sum(float(a.sum()) for _, a in terms)
    den = sum(float(v.sum()) for v, _ in terms)
    low, high = np.nanpercentile(draws, [2.5, 97.5]) if draws else (np.nan, np.nan)
    return Agreement(num / den if den else np.nan, float(low), float(high), int(den) // 2)


# Bands of log2(words of the experts' more biased article / words of the other): "much
# shorter" is under half the length, "about equal" within a factor 2^0.3 (~1.23).
RATIO_EDGES = (-np.inf, -1.0, -0.3, 0.3, 1.0, np.inf)
RATIO_BANDS = ("much shorter", "shorter", "about equal", "longer", "much longer")


def by_length_ratio(
    groups: Iterable[np.ndarray], expert: np.ndarray, score: np.ndarray, words: np.ndarray
) -> pd.DataFrame:
    """Agreement (and pairs) by how long the experts' more biased article of a pair is against
    the other: a score free of length effects agrees about as well in every band.

    >>> t = by_length_ratio([np.arange(3)], np.array([0.0, 1, 2]), np.array([0.0, 2, 1]),
    ...                     np.array([100, 100, 300]))
    >>> t.loc["much longer"].tolist(), t.loc["about equal"].tolist()
    ([0.5, 2.0], [1.0, 1.0])
    """
    ratio, agree = [], []
    for g in groups:
        valid, terms = _pair_terms(expert[g], score[g])
        more = np.sign(expert[g][:, None] - expert[g][None, :]) > 0  # i the more biased
        log_ratio = np.log2(np.maximum(words[g], 1)[:, None] / np.maximum(words[g], 1)[None, :])
        ratio.append(log_ratio[more & (valid > 0)])
        agree.append(terms[more & (valid > 0)])
    band = pd.cut(np.concatenate(ratio), RATIO_EDGES, labels=RATIO_BANDS)
    table = pd.Series(np.concatenate(agree)).groupby(band, observed=False).agg(["mean", "size"])
    return table.rename(columns={"mean": "agreement", "size": "pairs"})


# BABE spells some topics two ways ("gun control" and "gun-control", "vaccine" and "vaccines",
# "blm" and "black lives matter"): one event each.
TOPIC_ALIASES = {"blm": "black lives matter", "vaccines": "vaccine"}


def event_of(topic: object) -> str:
    """The event key of a BABE topic: lower case, hyphens as spaces, ``TOPIC_ALIASES``.

    >>> event_of("Gun-Control"), event_of("blm")
    ('gun control', 'black lives matter')
    """
    key = " ".join(str(topic).lower().replace("-", " ").split())
    return TOPIC_ALIASES.get(key, key)


def _biased_word_count(cell: object) -> int:
    """Words in a BABE ``biased_words`` cell (a Python list literal such as "['a', 'b']")."""
    try:
        words = ast.literal_eval(str(cell))
    except (ValueError, SyntaxError):
        return 0
    return sum(len(str(w).split()) for w in words) if isinstance(words, list) else 0


def pseudo_articles(sentences: pd.DataFrame, min_sentences: int = 1) -> pd.DataFrame:
    """BABE sentences grouped by news_link: topic (:func:`event_of` its first sentence's), text
    (the sentences joined in file order), n_sentences, share (of Biased sentences) and words
    (expert-marked words per 100 words)."""
    s = sentences.assign(
        topic=sentences["topic"].map(event_of),
        biased=(sentences["label_bias"] == "Biased").astype(float),
        marked=sentences["biased_words"].map(_biased_word_count),
        n_words=sentences["text"].astype(str).str.count(WORD_PATTERN),
    )
    arts = s.groupby("news_link", sort=True).agg(
        topic=("topic", "first"),
        text=("text", lambda t: " ".join(map(str, t))),
        n_sentences=("text", "size"),
        share=("biased", "mean"),
        marked=("marked", "sum"),
        n_words=("n_words", "sum"),
    )
    arts["words"] = 100 * arts["marked"] / arts["n_words"].clip(lower=1)
    return arts[arts["n_sentences"] >= min_sentences].reset_index()


def _group_rows(keys: pd.Series) -> list[np.ndarray]:
    """Row positions of each distinct key."""
    return [np.flatnonzero(keys.to_numpy() == k) for k in pd.unique(keys)]


def _length_lines(
    groups: list[np.ndarray], expert: np.ndarray, feats: pd.DataFrame, words: np.ndarray
) -> None:
    """Print ``SCORE``'s agreement by length ratio (:func:`by_length_ratio`)."""
    table = by_length_ratio(groups, expert, feats[SCORE].to_numpy(float), words)
    print(
        f"  {SCORE} by the length of the experts' more biased article against the other: "
        + ", ".join(f"{b} {r.agreement:.3f} ({r.pairs:,.0f})" for b, r in table.iterrows())
    )


def babe_table(
    folder: Path, split: str, min_sentences: int, scores: tuple[str, ...], lengths: bool = False
) -> pd.DataFrame:
    """Agreement of each score with the two expert views, within topics, on one BABE split;
    ``lengths``: print the share view's agreement by length ratio."""
    sentences = splits(folder, ("news_link", "topic", "biased_words"))[split]
    arts = pseudo_articles(sentences, min_sentences)
    feats = score_texts(arts["text"])
    groups = _group_rows(arts["topic"])
    print(
        f"BABE {split}: {len(arts)} pseudo-articles of >= {min_sentences} sentences "
        f"in {len(groups)} topics"
    )
    if lengths:
        _length_lines(groups, arts["share"].to_numpy(float), feats, arts["n_words"].to_numpy())
    rows = {
        name: {
            view: agreement(groups, arts[view].to_numpy(float), feats[name].to_numpy(float))
            for view in ("share", "words")
        }
        for name in scores
    }
    return pd.DataFrame.from_dict(rows, orient="index")


def second_annotators(folder: Path, min_sentences: int) -> Agreement:
    """The human reference on BABE's development split: SG1's annotators' share of Biased
    sentences (their own labels of the same sentences; 'No agreement' counted not Biased) as
    the score, against SG2's within topics."""
    sentences = splits(folder, ("news_link", "topic", "biased_words"))[DEV]
    sg1 = read_babe(folder / "final_labels_SG1.csv").drop_duplicates("text").set_index("text")
    theirs = sentences.assign(label_bias=sentences["text"].map(sg1["label_bias"]))
    ours = pseudo_articles(sentences, min_sentences)
    score = pseudo_articles(theirs, min_sentences)["share"].to_numpy(float)
    return agreement(_group_rows(ours["topic"]), ours["share"].to_numpy(float), score)


def ptc_expert(folder: Path) -> pd.DataFrame:
    """The tuning part's articles with their loaded-language expert scores: chars (share of
    characters inside an expert span) and spans (expert spans per 1,000 words)."""
    arts, gold = read_ptc(folder)
    arts = arts[arts["part"] == "tuning"].reset_index(drop=True)
    gold = gold[gold["technique"].isin(FAMILIES["loaded language"].techniques)]
    covered = _covered_chars(arts, gold)
    n_chars = (arts["title"].str.len() + arts["text"].str.len()).clip(lower=1)
    return arts.assign(
        chars=covered / n_chars,
        spans=loaded_density(arts, gold).to_numpy(),
        n_words=article_words(arts).to_numpy(),
    )


def _covered_chars(arts: pd.DataFrame, gold: pd.DataFrame) -> np.ndarray:
    """Characters of each article (title and text) inside at least one of ``gold``'s spans."""
    position = pd.Series(np.arange(len(arts)), index=arts["article_id"])
    spans = gold[gold["article_id"].isin(position.index)]
    is_text = (spans["field"] == "text").to_numpy()
    row = position[spans["article_id"]].to_numpy()
    limit = np.where(
        is_text, arts["text"].str.len().to_numpy()[row], arts["title"].str.len().to_numpy()[row]
    )
    end = np.minimum(spans["end"].to_numpy(), limit)
    start = np.minimum(spans["start"].to_numpy(), end)
    per_field = union_length(2 * row + is_text, start, end, 2 * len(arts))
    return per_field.reshape(-1, 2).sum(axis=1)


def ptc_groups(arts: pd.DataFrame, folds: bool) -> dict[str, list[np.ndarray]]:
    """Pair groups of the tuning part: all pairs, within length tertiles, and per fold."""
    out = {
        "all": [np.arange(len(arts))],
        "length": _group_rows(pd.qcut(arts["n_words"], 3, labels=False)),
    }
    if folds:
        fold = arts["article_id"].map(fold_of)
        out.update({f"fold {k}": [np.flatnonzero(fold == k)] for k in range(3)})
    return out


def ptc_table(
    folder: Path, scores: tuple[str, ...], folds: bool, lengths: bool = False
) -> pd.DataFrame:
    """Agreement of each score with the chars and spans views on PTC's tuning part;
    ``lengths``: print the chars view's agreement (all pairs) by length ratio."""
    arts = ptc_expert(folder)
    feats = score_articles(arts[["article_id", "title", "text"]])
    print(f"PTC tuning part: {len(arts)} articles")
    if lengths:
        _length_lines(
            [np.arange(len(arts))], arts["chars"].to_numpy(float), feats, arts["n_words"].to_numpy()
        )
    rows = {}
    for name in (*scores, "f_title_loaded_language"):
        if name not in feats:
            continue
        value = feats[name].to_numpy(float)
        rows[name] = {
            f"{view} {pairs}": agreement(groups, arts[view].to_numpy(float), value)
            for view in ("chars", "spans")
            for pairs, groups in ptc_groups(arts, folds).items()
            if view == "chars" or pairs != "length"
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def show(table: pd.DataFrame) -> None:
    """Print the agreement of every score per column, then ``SCORE``'s with intervals."""
    values = table.map(lambda a: a.value)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(values.round(3).to_string())
    if SCORE in table.index:
        for column, value in table.loc[SCORE].items():
            print(f"  {SCORE} {column}: {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--babe", type=Path, default=BABE_DIR)
    parser.add_argument("--ptc", type=Path, default=PTC_DIR)
    parser.add_argument("--min-sentences", type=int, default=2)
    parser.add_argument("--folds", action="store_true", help="PTC: add the three tuning folds")
    parser.add_argument("--heldout", action="store_true", help="BABE: the held-out split too")
    parser.add_argument("--scores", default=",".join((SCORE, *ALSO)))
    parser.add_argument("--lengths", action="store_true", help="agreement by length ratio")
    args = parser.parse_args()
    scores = tuple(args.scores.split(","))
    found = False
    if (args.babe / "final_labels_SG2.csv").exists():
        found = True
        for split in (DEV, HELDOUT) if args.heldout else (DEV,):
            show(babe_table(args.babe, split, args.min_sentences, scores, args.lengths))
        reference = second_annotators(args.babe, args.min_sentences)
        print(f"  SG1's annotators ordering SG2's development pairs (share): {reference}")
    if (args.ptc / "articles.jsonl").exists():
        found = True
        show(ptc_table(args.ptc, scores, args.folds, args.lengths))
    if not found:
        print(f"neither BABE ({args.babe}) nor PTC ({args.ptc}) found", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    np.seterr(all="ignore")
    sys.exit(main())
