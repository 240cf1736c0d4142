"""Quotes in single marks nested in a double-mark quote, and the text their speakers are read in.

A quoted passage (a column, a long excerpt, a witness's account) quotes others in single
marks: ``“... ‘We want women to have a seat at the table,’ Gillibrand replied. ...”``. The quotes
stage reads the outer quote and blanks its words, so the inner quote and the attribution
beside it were never read (issue 18's largest miss class on the speaker samples of seeds 1611
and 1709). :func:`inner_quotes` finds the single-mark quotes of an outer quote's words and
:func:`inner_text` writes those words as a text of their own, the inner quotes in double marks,
for the quote rules to read (:func:`provenance.quotes.extract._nested_rows`).

Marks: ‘ ’, straight ``'``, and tokenised copy's `````...``'`` (an opening backtick, maybe a
blank after it). Apostrophes are the trap: an opening mark stands at a word's start (after a
blank, a bracket or a dash) before a letter, so "’90s", "rock ’n’ roll" after "rock" (a mark
then "n" then a mark: read, a one-letter quote no rule attributes), "Trump’s" and "don’t" open
nothing; a closing mark follows a word or a sentence mark and no letter follows it, so "it’s"
inside a quote does not close it. A possessive plural ("Sanders’ campaign") closes a quote
early; the words after it are then outside the inner quote (an attribution is not read there).

>>> body = "He said, ‘Let’s go,’ and we left. Rock ’n’ roll in the ’90s."
>>> [body[a:b] for a, b in inner_quotes(body, 0, len(body))]
['Let’s go,']
>>> inner_text(body, 0, len(body), inner_quotes(body, 0, len(body)))
'He said, “Let’s go,” and we left. Rock ’n’ roll in the ’90s.'
"""

from __future__ import annotations

import re

from provenance.quotes.marks import DOUBLE_MARKS

# An opening single mark at a word's start, its words (no line break, no other opening mark;
# an apostrophe between letters is a word's), a closing mark after a word or sentence mark.
_INNER_RE = re.compile(
    r"(?<![^\s(\[—–\-/“\"«])(?:[‘']|`[ ]?)(?P<words>[A-Za-z](?:[^‘’'\n`]|(?<=\w)[’'](?=\w)){0,600}?"
    r"(?<=[\w.,!?;:)\]%…\-]))[’'](?!\w)"
)
# Opening marks that a double mark stands for in the text the quote rules read.
_DOUBLE = str.maketrans(dict.fromkeys(DOUBLE_MARKS, " "))


def inner_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (of ``text``) of the words of the single-mark quotes in ``text[start:end]``."""
    return [m.span("words") for m in _INNER_RE.finditer(text, start, end)]


def inner_text(text: str, start: int, end: int, inner: list[tuple[int, int]]) -> str:
    """``text[start:end]`` (an outer quote's words) as a text of its own, offsets kept: every
    double mark a blank (a multi-paragraph quote's reopening marks), and each inner quote's
    marks “ ” (the opening mark right before its words, maybe a blank between, and the closing
    mark right after them)."""
    chars = list(text[start:end].translate(_DOUBLE))
    for a, b in inner:
        opening = a - 2 if text[a - 1] == " " else a - 1  # ("` Me, too": a blank after it)
        chars[opening - start] = "“"
        if opening < a - 1:
            chars[a - 1 - start] = " "
        chars[b - start] = "”"
    return "".join(chars)
