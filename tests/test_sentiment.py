"""vader_compounds against vaderSentiment itself on sentences made to hit every VADER rule."""

from __future__ import annotations

import random

import numpy as np
import pytest

from provenance.framing import sentiment
from provenance.framing.sentiment import analyzer, ordered_sums, vader_compounds

# One or more sentences per rule of vaderSentiment 3.3.2's polarity_scores.
HAND_MADE = [
    "The book was good.",
    "The book was not good.",  # negation, 1 word before
    "The book isn't really good.",  # n't, 2 words before
    "It is not at all a good book.",  # negation 3 words before
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Good good good but good good.",  # equal values around "but" (first-equal quirk)
    "Nice nice but good good BUT nice.",
    "It was bad but it was bad.",
    "VADER is VERY SMART, handsome, and FUNNY.",  # ALL CAPS against lower case
    "VADER IS VERY SMART AND FUNNY.",  # all caps: no differential
    "The movie was extremely good and EXTREMELY bad.",  # boosters, caps boosters
    "It was very very very good.",
    "It was kind of good.",  # kind of: dampener bigram, "kind" not scored
    "It was sort of bad and kinda sad.",
    "It was just enough fun.",
    "The kind man was kind of kind.",
    "He was the least happy person.",  # least
    "At least it isn't a horrible book.",
    "Very least happy people.",
    "This is where it is at",
    "Least happy.",  # right after a sentence ending in "at": no look-back across sentences
    "Sentiment analysis has never been good.",
    "Sentiment analysis has never been this good!",
    "It has never so good been.",
    "It is so good, so so good.",
    "Without a doubt, excellent idea.",
    "Without doubt excellent.",
    "No doubt it is good.",  # "no" before a lexicon word
    "No good.",
    "There is no or nor good news.",
    "no",
    "Not such a badass after all.",
    "With VADER, sentiment analysis is the shit!",
    "It was the bomb, a real bad ass, yeah right.",
    "That was the kiss of death for the plan.",
    "A cake to die for with a beating heart.",
    "Meet me at the bus stop, it will be fine.",
    "A bus stop the bomb.",  # two special cases before "bomb": the first in VADER's order wins
    "They cut the mustard in the red and the black.",  # idioms VADER leaves out
    "Good!",
    "Good!!!",
    "Good!!!!!!!",
    "Bad?",
    "Bad??",
    "Bad???",
    "Bad?????",
    "Really?! Great!?",
    "Make sure you :) or :D today!",  # emoticons
    "That is sad :( </3 but <3 it",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",  # emoji: scored by the library
    "Hope 👍good news",
    "(Good) 'bad' \"great,\" terrible... ok.",  # punctuation around words
    "--- ... !!! ??? ,,,",
    "A: b? c! ok",
    "I don't like it, I don't hate it.",
    "Nobody likes nothing, nowhere, never.",
    "Uh-uh, that is not OK. Nope, not ok!",
    "The deal was a disaster, officials said.",
    "",
    "   ",
    "\t\n",
    "Prices fell sharply.",
    "She said\x01 it was good.",  # the batch separator inside a sentence: the library scores it
    "İstanbul was GREAT and ÇOK good",
]

WORDS = (
    "good bad great terrible love hate kind of sort just enough very VERY extremely barely "
    "slightly kinda not isn't never no nor or so this without doubt least at but BUT the shit "
    "bomb ass bus stop yeah right kiss death to die for beating heart GOOD Bad nice sad happy "
    "war peace win lose :) :( ! ? !! ?? (good) bad, 'great' hate. NOT Never fine the a it was"
).split()


def random_sentences(n: int, seed: int = 17) -> list[str]:
    """``n`` sentences of 1-14 words drawn from WORDS (seeded)."""
    rng = random.Random(seed)
    return [" ".join(rng.choices(WORDS, k=rng.randint(1, 14))) for _ in range(n)]


def library(sentences: list[str]) -> list[float]:
    scorer = analyzer()
    return [scorer.polarity_scores(s)["compound"] for s in sentences]


def test_hand_made_sentences_equal_vader_to_the_bit():
    assert vader_compounds(HAND_MADE).tolist() == library(HAND_MADE)


def test_random_sentences_equal_vader_to_the_bit():
    sentences = random_sentences(600)
    ours = vader_compounds(sentences)
    assert np.count_nonzero(ours) > 400  # the draws do carry sentiment
    assert ours.tolist() == library(sentences)


def test_batches_and_separator_fallback(monkeypatch):
    monkeypatch.setattr(sentiment, "BATCH_SENTENCES", 7)
    sentences = HAND_MADE[:30] + ["\x01", "good \x01 bad", "\x01\x01 great"]
    assert vader_compounds(sentences).tolist() == library(sentences)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ordered_sums_are_pythons_sum(seed):
    rng = np.random.default_rng(seed)
    group = np.sort(rng.integers(0, 50, 400))
    values = rng.normal(0, 3, 400) * rng.choice([1e-9, 1.0, 1e9], 400)
    ours = ordered_sums(values, group, 50)
    expected = [sum(values[group == g].tolist()) for g in range(50)]
    assert ours.tolist() == [float(x) for x in expected]


def test_tokens_split_where_str_split_does():
    """Arrow's whitespace split (sentiment._split_tokens) against ``str.split()``: every code
    point between two letters, runs of mixed whitespace, empty and blank sentences."""
    import sys

    points = [c for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    between = [f"a{chr(c)}b" for c in points]
    sentence, _, _ = sentiment._split_tokens(between)
    splits = np.bincount(sentence, minlength=len(between))
    python = np.array([len(s.split()) for s in between])
    assert [hex(points[i]) for i in np.flatnonzero(splits != python)] == []
    assert splits[[points.index(0x20), points.index(0x1C), points.index(0xA0)]].tolist() == [2] * 3
    odd = ["", "  ", " a\u00a0\u2003 b\t\n", "\x1c\x1d x \u3000", "ends\u2029", "é  ü"]
    sentence, codes, distinct = sentiment._split_tokens(odd)
    distinct = distinct.to_pylist()
    tokens = [[] for _ in odd]
    for s, c in zip(sentence.tolist(), codes.tolist(), strict=True):
        tokens[s].append(distinct[c])
    assert tokens == [s.split() for s in odd]
