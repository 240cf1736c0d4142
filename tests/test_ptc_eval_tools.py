"""benchmarks/ptc_eval.py's noise and boundary tools (session 14), on spans written here.

The PTC figures themselves are checked in tests/test_framing_techniques.py (with ../shared).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scripts import load_script

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pe():
    """benchmarks/ptc_eval.py as a module (its folder on sys.path, as running it would)."""
    return load_script(ROOT / "benchmarks/ptc_eval.py")


def _spans(*rows: tuple[int, int], article: str = "a") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": article,
            "field": "text",
            "start": [r[0] for r in rows],
            "end": [r[1] for r in rows],
        }
    )


def test_boundary_relation_tells_exact_inside_covering_crossing_and_wrong(pe):
    gold = _spans((10, 30), (50, 55))
    pred = _spans((11, 29), (12, 20), (48, 60), (25, 40), (70, 80), (10, 30))
    assert pe.boundary_relation(pred, gold).tolist() == [
        "exact",  # within one character at both ends
        "inside",
        "covers",
        "crosses",
        "none",
        "exact",
    ]
    other_field = pred.assign(field="title")
    assert set(pe.boundary_relation(other_field, gold)) == {"none"}


def test_char_scores_count_the_characters_both_mark(pe):
    gold = _spans((0, 10))
    pred = _spans((5, 15), (8, 12))  # overlapping predictions count their characters once
    scores = pe.char_scores(pred, gold)
    assert scores["P"] == pytest.approx(5 / 10)
    assert scores["R"] == pytest.approx(5 / 10)
    assert pe.char_scores(_spans((20, 30)), gold)["F1"] == 0.0


def _counts(correct: list[int]) -> pd.DataFrame:
    n = len(correct)
    return pd.DataFrame(
        {
            "predicted": 4,
            "correct": correct,
            "gold": 5,
            "found": correct,
            "score": np.arange(n, dtype=float),
            "density": np.arange(n, dtype=float) ** 2,
        },
        index=pd.Index([f"a{k}" for k in range(n)], name="article_id"),
    )


def test_pooled_sums_over_articles_and_ranks_them(pe):
    p, r, f1, rho = pe.pooled(_counts([1, 2, 3, 2]))
    assert (p, r) == (8 / 16, 8 / 20)
    assert f1 == pytest.approx(2 * p * r / (p + r))
    assert rho == pytest.approx(1.0)
    assert pe.pooled(_counts([1, 2, 3, 2]), np.array([0, 0, 1]))[0] == 4 / 12  # repeats count


def test_bootstrap_spreads_levels_and_pairs_changes(pe):
    counts = _counts([0, 1, 2, 3, 4, 1, 2, 3] * 5)
    draws = pe.bootstrap(counts, len(counts), n=200)
    assert draws.shape == (200, 4)
    assert draws[:, 0].std() > 0  # precision moves with the articles drawn
    # smaller parts move more
    assert pe.bootstrap(counts, 10, n=200)[:, 0].std() > draws[:, 0].std()
    # the same code against itself: no change in any resample
    assert np.allclose(pe.bootstrap(counts, 10, n=50, base=counts), 0.0)
    better = counts.assign(correct=counts["correct"] + (counts["correct"] < 4))
    assert (pe.bootstrap(better, 10, n=50, base=counts)[:, 0] > 0).all()
    text = pe.bootstrap_lines(better, counts, n=50)
    assert "change from the base" in text and text.count("\n") == 9
    with pytest.raises(ValueError):
        pe.bootstrap_lines(better, counts.iloc[1:], n=10)


def test_density_lines_split_precision_by_the_articles_expert_density(pe):
    counts = _counts([0, 1, 2, 3, 4, 4]).assign(gold=[0, 5, 5, 5, 5, 5])
    lines = pe.density_lines(counts).splitlines()
    assert [line.split(":")[0].strip() for line in lines[1:4]] == ["low", "middle", "high"]
    assert lines[1].startswith("  low: 0.125 / ")  # the two sparsest articles: 1 of 8 right
    assert "without an expert span 1 of 6" in lines[4]


def test_words_between_counts_words_and_stops_at_a_sentence_end(pe):
    text = "Corrupt officials, as usual, lied. Then the reckless vote."
    assert pe.words_between(text, 7, 8) == 0  # a blank
    assert pe.words_between(text, 17, 28) == 2  # ", as usual, "
    assert pe.words_between(text, 28, 44) is None  # "lied. Then the"
    assert pe.words_between(text, 10, 5) == 0  # overlapping spans touch


def test_nearest_words_and_bins_are_within_the_sentence(pe):
    text = "They are thugs and liars, he said. Radical plans."
    texts = {("a", "text"): text}
    gold = _spans((9, 14))  # "thugs"
    pred = _spans((19, 24), (35, 42))  # "liars" (1 word away), "Radical" (next sentence)
    distances = pe.nearest_words(pred, gold, texts)
    assert distances == [1, None]
    assert [pe.near_bin(d) for d in [*distances, 0, 7]] == [
        "1",
        "none in the sentence",
        "0",
        "4+",
    ]


def test_pair_classes_tell_pairs_in_one_expert_span_from_right_and_wrong_ones(pe):
    text = "aggressive, destabilizing and unlawful behavior. bad idea, truly bad plan"
    texts = {("a", "text"): text}

    def at(word: str, nth: int = 0) -> tuple[int, int]:
        start = [k for k in range(len(text)) if text.startswith(word, k)][nth]
        return start, start + len(word)

    gold = _spans((0, text.index(".")), at("plan"))  # the first phrase whole; "plan"
    pred = _spans(at("aggressive"), at("destabilizing"), at("bad"), at("bad", 1), at("plan"))
    pairs = pe.pair_classes(pred, gold, texts)
    # "aggressive" + "destabilizing": one expert span; "destabilizing" -> "bad": a sentence
    # ends between; "bad" + "bad": 2 words, both wrong; "bad" + "plan": 0 words, one right
    assert pairs == {(0, "one expert span"): 1, (2, "0 right"): 1, (0, "1 right"): 1}


def test_term_spans_find_the_longest_inflected_term_within_a_clause(pe, tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("# a comment\nthrow a wrench\nThrow\n\nwitch hunt  # trailing\n")
    terms = pe.read_terms(path)
    assert terms == ["throw a wrench", "throw", "witch hunt"]
    assert pe.term_forms(["throw a wrench"])["throwing a wrench"] == "throw a wrench"
    texts = {
        ("a", "text"): "He throws a wrench in. Witch hunts, witch, hunt.",
        ("a", "title"): "Throwing",
    }
    found = pe.term_spans(texts, terms)
    got = {
        (f, t, texts[("a", f)][s:e])
        for f, s, e, t in found[["field", "start", "end", "term"]].values
    }
    assert got == {
        ("text", "throw a wrench", "throws a wrench"),
        ("text", "witch hunt", "Witch hunts"),  # "witch, hunt" crosses a comma
        ("title", "throw", "Throwing"),
    }


def test_wordnet_idioms_keeps_multiword_lemmas_by_length_part_of_speech_and_gloss(tmp_path):
    """tools/wordnet_idioms.py on a two-synset data file written here (WordNet's format)."""
    path = ROOT / "tools/wordnet_idioms.py"
    spec = importlib.util.spec_from_file_location(path.stem, path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    (tmp_path / "data.verb").write_text(
        "  1 This software and database is being provided\n"
        "00001 41 v 02 beat_around_the_bush 0 hedge 0 000 | avoid a clear answer; a gloss\n"
        "00002 32 v 02 cry_foul 0 stab_in_the_back 0 000 | betray a friend cruelly\n",
        encoding="latin-1",
    )
    assert tool.candidates(tmp_path, "v", 2, None) == [
        "beat around the bush",
        "cry foul",
        "stab in the back",
    ]
    assert "cry foul" not in tool.candidates(tmp_path, "v", 3, None)
    valence = {"cruelly": -2.0, "avoid": -1.0}
    assert tool.candidates(tmp_path, "v", 2, valence) == ["cry foul", "stab in the back"]
