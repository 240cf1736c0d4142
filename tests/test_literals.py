"""LiteralFinder: every occurrence of every word, overlapping ones included, at code-point
offsets (the attribution scans, the credit gates and the outlet matcher rely on it)."""

from __future__ import annotations

import pickle
import random
import re

import pytest

from provenance import literals
from provenance.literals import LiteralFinder


def _naive(words: list[str], text: str) -> list[tuple[int, int, int]]:
    """Every (word index, start, end) by str.startswith at each position."""
    return sorted(
        (i, at, at + len(w))
        for i, w in enumerate(words)
        for at in range(len(text))
        if text.startswith(w, at)
    )


def test_overlapping_and_nested_words_are_all_found():
    words = ["report", "reported", "ported", "or", "on ", "in the"]
    text = "reported on the report, in the portedon reporter"
    assert sorted(LiteralFinder(words).hits(text)) == _naive(words, text)


def test_offsets_are_code_points_beyond_the_bmp():
    words = ["said", "“We", "é s", "😀x"]
    text = "“We” 😀x é said, 𝐀 unsaid 😀😀x"
    hits = LiteralFinder(words).hits(text)
    assert sorted(hits) == _naive(words, text)
    assert [text[s:e] for _, s, e in sorted(hits, key=lambda h: h[1])] == [
        "“We", "😀x", "é s", "said", "said", "😀x",
    ]  # fmt: skip


@pytest.mark.parametrize("dfa_max_chars", [0, literals._DFA_MAX_CHARS])
def test_random_texts_match_the_naive_search(monkeypatch, dfa_max_chars):
    """Both automata (a DFA for short word lists, the default NFA for long ones) agree."""
    monkeypatch.setattr(literals, "_DFA_MAX_CHARS", dfa_max_chars)
    rng = random.Random(7)
    alphabet = "ab “”é😀 \n"
    words = sorted(
        {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(12)}
    )
    finder = LiteralFinder(words)
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert sorted(finder.hits(text)) == _naive(words, text)
        assert finder.present(text) == {words[i] for i, _, _ in _naive(words, text)}


def test_empty_words_are_refused():
    with pytest.raises(ValueError):
        LiteralFinder([])
    with pytest.raises(ValueError):
        LiteralFinder(["said", ""])


def test_a_finder_pickles_with_its_words():
    """Registries and scans go to worker processes by pickle: the automaton is rebuilt."""
    finder = LiteralFinder(["said", "aid", "told"])
    copy = pickle.loads(pickle.dumps(finder))
    assert copy.words == finder.words
    assert copy.hits("He said, she told") == finder.hits("He said, she told")


@pytest.mark.parametrize("dfa", [True, False])
def test_the_automaton_kind_is_chosen_and_kept_through_pickling(dfa):
    """``dfa`` overrides the size rule (the attribution scans' large families use an NFA); a
    pickled finder is rebuilt as the same kind, with the same hits."""
    words = ["said", "aid", "told", "“We"]
    text = "“We said, she told: unsaid"
    finder = LiteralFinder(words, dfa)
    copy = pickle.loads(pickle.dumps(finder))
    assert sorted(finder.hits(text)) == sorted(copy.hits(text)) == _naive(words, text)
    assert copy.__getstate__() == (words, dfa)


def test_anchor_words_match_str_find_on_random_texts():
    """AnchorWords.find (words read from their scan family's pass, here shared with an anchored
    scan) gives every occurrence, overlapping ones included, as a str.find loop does, for words
    in its set and outside it, whichever text was asked about last."""
    from provenance.attribution._scan import AnchoredScan, AnchorWords

    words = ["and other", "''", "``", "On ", "state", "ee"]
    AnchoredScan(re.compile("state|On"), ["state", "On"], family="test words")
    offsets = AnchorWords(words, family="test words")
    rng = random.Random(7)
    pieces = ["and other ", "'", "`", "On ", "state", "e", " ", "Ön ", "x", "\n"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(300)]
    for text in texts + texts[::-1]:
        for word in [*words, "On", "'", "absent"]:
            expected, at = [], text.find(word)
            while at >= 0:
                expected.append(at)
                at = text.find(word, at + 1)
            got = offsets.find(text, word)
            assert got == expected, (text, word)
            got.append(-1)  # a new list each call: the kept offsets stay as they were
            assert offsets.find(text, word) == expected


def test_lowering_risks_hold_every_character_that_could_change_a_match():
    """A scan of every code point: each character whose lower case differs from it and shares
    a character with the words is among the risks (then present_lowered lower-cases); ASCII
    capitals are lower-cased in the bytes."""
    from provenance.attribution.credits import _GATES

    changing = [c for c in map(chr, range(128, 0x110000)) if c.lower() != c]
    for words in (_GATES.words, ["kelvin", "ohm ω", "ångström"], ["première fois", "über"]):
        letters = set("".join(words))
        risky = set(literals._lowering_risks(words))
        assert {c for c in changing if letters & set(c.lower())} <= risky


def test_present_lowered_equals_present_of_the_lowered_text():
    from provenance.attribution.credits import _GATES

    words = [*_GATES.words, "kelvin", "über"]
    finder = LiteralFinder(words)
    rng = random.Random(11)
    pieces = [*words, *(w.upper() for w in words), *(w.title() for w in words), "\u212aELVIN",
              "İ", "Ü", "ß", "ΣΑΣ", " ", "\n", "é", "“"]  # fmt: skip
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert finder.present_lowered(text) == finder.present(text.lower()), text
