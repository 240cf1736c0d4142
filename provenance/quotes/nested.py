"""Quotes in single marks nested in a double-mark quote, and the text their speakers are read in.

A quoted passage (a column, a long excerpt, a witness's account) quotes others in single
marks: ``“... ‘We want women to have a seat at the table,’ Gillibrand replied. ...”``. The quotes
stage reads the outer quote and blanks its words, so the inner quote and the attribution
beside it were never read (issue 18's largest miss class on the speaker samples of seeds 1611
and 1709). :func:`inner_quotes` finds the single-mark quotes of an outer quote's words and
:func:`nested_text` writes those words as a text of their own, the inner quotes in double
marks, for the quote rules to read (:func:`provenance.quotes.extract._nested_rows`), when a
verb and a capitalised word stand beside an inner quote (:func:`cued`).

Marks: ‘ ’, straight ``'``, and tokenised copy's `````...``'`` (an opening backtick, maybe a
blank after it). Apostrophes are the trap: an opening mark stands at a word's start (after a
blank, a bracket or a dash) before a letter, so "’90s", "rock ’n’ roll" (’ opens nothing;
straight "'n'" is read, a one-letter quote no rule attributes), "Trump’s" and "don’t" open
nothing; a closing mark follows a word or a sentence mark and no letter follows it, so "it’s"
inside a quote does not close it. A possessive plural ("Sanders’ campaign") closes a quote
early; the words after it are then outside the inner quote (an attribution is not read there).

>>> body = "He said, ‘Let’s go,’ and we left. Rock ’n’ roll in the ’90s."
>>> [body[a:b] for a, b in inner_quotes(body, 0, len(body))]
['Let’s go,']
>>> text = f"“{body}” she wrote."
>>> nested_text(text, [(1, len(body) + 1, inner_quotes(text, 1, len(body) + 1))])
'He said, “Let’s go,” and we left. Rock ’n’ roll in the ’90s.'
"""

from __future__ import annotations

import re

from provenance.quotes.marks import DOUBLE_MARKS

# An opening single mark at a word's start, its words (no line break, no other opening mark;
# an apostrophe between letters is a word's), a closing mark after a word or sentence mark.
# (The mark first, then the look-behind at the character before it: the engine skips from one
# mark to the next instead of trying the look-behind at every character; first 1,500 ABP
# articles, ~18 us an outer quote the other way round.)
_INNER_RE = re.compile(
    r"[‘'`](?<![^\s(\[—–\-/“\"«].)(?:(?<=`) )?"
    r"(?P<words>[A-Za-z](?:[^‘’'\n`]|(?<=\w)[’'](?=\w)){0,600}?(?<=[\w.,!?;:)\]%…\-]))[’'](?!\w)"
)
# Double marks are blanks in the text the quote rules read.
_DOUBLE = str.maketrans(dict.fromkeys(DOUBLE_MARKS, " "))
# What :func:`cued` looks for beside an inner quote: a verb (a past tense, a reporting verb's
# forms) and a capitalised word.
_CUE_BEFORE, _CUE_AFTER = 100, 60
_CUE_VERB_RE = re.compile(
    r"(?<![\w\-])(?:[a-z]{2,}ed|said|says|say|told|tells|tell|wrote|writes|asks|put|puts"
    r"|spoke|according|hit|quipped|fired)(?![\w\-])"
)
_CAPITAL_RE = re.compile(r"[A-Z][a-z]")
# Between two outer quotes' words in :func:`nested_text`.
SEPARATOR = "\n\n"


def inner_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (of ``text``) of the words of the single-mark quotes in ``text[start:end]``."""
    return [m.span("words") for m in _INNER_RE.finditer(text, start, end)]


def cued(text: str, start: int, end: int, inner: tuple[int, int]) -> bool:
    """Whether the words of the outer quote [start, end) beside the ``inner`` quote (_CUE_BEFORE
    characters before it, _CUE_AFTER after it) hold a verb and a capitalised word: what an
    attribution the quote rules could read there needs ("‘...,’ Gillibrand replied", "President
    Obama says, ‘...’"); most single-mark quotes are scare quotes with neither beside them."""
    a, b = inner
    before = text[max(start, a - _CUE_BEFORE) : a]
    after = text[b : min(end, b + _CUE_AFTER)]
    return any(
        _CUE_VERB_RE.search(part) is not None and _CAPITAL_RE.search(part) is not None
        for part in (before, after)
    )


def nested_text(text: str, quotes: list[tuple[int, int, list[tuple[int, int]]]]) -> str:
    """The words of the outer quotes ``quotes`` of ``text`` (start, end, their inner quotes'
    words' spans) as one text, each a paragraph of its own (a blank line between them; the
    first starts at offset 0, each further one :data:`SEPARATOR` after the one before): every
    double mark in them a blank (a multi-paragraph quote's reopening marks) and each inner
    quote's marks “ ” (the opening mark right before its words, or a blank before them, and the
    closing mark right after them). The quote rules read it as a text whose quotes are the
    inner ones. (Written in place in a copy of the whole text, blanks elsewhere, the rules'
    patterns ran over the blank runs: a sample of 1,500 ABP articles, 20 ms such a text.)"""
    pieces = []
    for start, end, inner in quotes:
        chars = list(text[start:end].translate(_DOUBLE))
        for a, b in inner:
            if text[a - 1] == " ":  # ("` Me, too": the mark a blank, the blank the mark)
                chars[a - 2 - start] = " "
            chars[a - 1 - start] = "“"
            chars[b - start] = "”"
        pieces.append("".join(chars))
    return SEPARATOR.join(pieces)
