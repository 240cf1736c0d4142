"""Loaded-language evidence edges (session 14): an -ly adverb just before a phrase joins it
(not a hedge).

Sentences are written for this project.
"""

from __future__ import annotations

import pandas as pd

from provenance.framing import score_articles


def _loaded_evidence(texts: list[str]) -> tuple[pd.DataFrame, list[list[str]]]:
    arts = pd.DataFrame(
        {"article_id": [str(k) for k in range(len(texts))], "title": "", "text": texts}
    )
    scores, evidence = score_articles(arts, return_evidence=True)
    ev = evidence[evidence["feature"] == "f_loaded_language"]
    words = [
        [texts[k][s:e] for s, e in zip(g["start"], g["end"], strict=True)]
        for k, g in ((k, ev[ev["target_id"] == str(k)]) for k in range(len(texts)))
    ]
    return scores, words


def test_an_adverb_before_a_loaded_phrase_is_in_its_evidence_not_its_score():
    texts = [
        "The senator was willfully ignorant about the plan.",
        "The senator was ignorant about the plan.",
        "The senator was only ignorant about the plan.",
        "Badly. Ignorant about the plan, he left.",
        "The senator was reportedly ignorant about the plan.",
    ]
    scores, words = _loaded_evidence(texts)
    assert words[0] == ["willfully ignorant"]
    assert words[1] == ["ignorant"]
    assert words[2] == ["ignorant"]  # a function word, not a degree adverb
    assert words[3] == ["Ignorant"]  # never across a sentence mark
    assert words[4] == ["ignorant"]  # a hedge qualifies the claim: not part of the phrase
    # the score counts the phrase as matched: the adverb adds nothing
    assert scores["f_loaded_language"].iloc[0] > 0
    assert scores["f_loaded_language"].iloc[0] <= scores["f_loaded_language"].iloc[1] * 1.05
