"""Right-to-left matching: a regex reversed, to read what stands just before a cue.

The attribution cues are cheap to find ("said", "told", "reported"); what precedes them
(the speaker, the outlet) is not: a forward regex for it must be tried at every position.
Reversing the pattern and matching it once on the reversed text, anchored at the cue, costs a
single attempt. :func:`reverse_regex` rewrites a pattern (from Python's own parse tree) so that
it matches the reversed strings of the original: sequences turn round, lookahead and
lookbehind swap, ``^`` and ``$`` swap; groups keep their names.

>>> rev = ReverseMatcher(r"(?<![A-Za-z])(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)*) ")
>>> m = rev.match_before("as Sergey Lavrov said", 17)
>>> m["name"], m.span("name")
('Sergey Lavrov', (3, 16))
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 (the parse tree's opcodes)
from re import _parser

_CATEGORY = {
    C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D",
}  # fmt: skip
# "^" becomes "$" (the look-back limit); "$" has no reverse: the match is anchored at the cue.
_AT = {
    C.AT_BEGINNING: "$", C.AT_BEGINNING_STRING: r"\Z",
    C.AT_BOUNDARY: r"\b", C.AT_NON_BOUNDARY: r"\B",
}  # fmt: skip
_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s"}


def _class_char(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "\\]^-[" else re.escape(ch) if not ch.isalnum() else ch


def _flags(mask: int) -> str:
    return "".join(letter for flag, letter in _FLAGS.items() if mask & flag)


def _reverse(items: _parser.SubPattern | list, names: dict[int, str]) -> str:
    out: list[str] = []
    for op, av in reversed(list(items)):
        if op is C.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is C.NOT_LITERAL:
            out.append("[^" + _class_char(av) + "]")
        elif op is C.ANY:
            out.append(".")
        elif op is C.IN:
            parts = []
            for sub_op, sub_av in av:
                if sub_op is C.NEGATE:
                    parts.insert(0, "^")
                elif sub_op is C.LITERAL:
                    parts.append(_class_char(sub_av))
                elif sub_op is C.RANGE:
                    parts.append(_class_char(sub_av[0]) + "-" + _class_char(sub_av[1]))
                elif sub_op is C.CATEGORY:
                    parts.append(_CATEGORY[sub_av])
                else:
                    raise ValueError(f"cannot reverse class item {sub_op}")
            out.append("[" + "".join(parts) + "]")
        elif op is C.BRANCH:
            out.append("(?:" + "|".join(_reverse(b, names) for b in av[1]) + ")")
        elif op is C.SUBPATTERN:
            group, add, delete, sub = av
            body = _reverse(sub, names)
            if group is None:
                flags = _flags(add) + ("-" + _flags(delete) if delete else "")
                out.append(f"(?{flags}:{body})")
            elif group in names:
                out.append(f"(?P<{names[group]}>{body})")
            else:
                out.append(f"({body})")
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, high, sub = av
            high_text = "" if high == C.MAXREPEAT else str(high)
            quant = "{" + f"{low},{high_text}" + "}"
            suffix = {C.MAX_REPEAT: "", C.MIN_REPEAT: "?", C.POSSESSIVE_REPEAT: "+"}[op]
            out.append("(?:" + _reverse(sub, names) + ")" + quant + suffix)
        elif op is C.AT:
            if av not in _AT:
                raise ValueError(
                    "'$' cannot be reversed: the reversed match is anchored at the cue"
                )
            out.append(_AT[av])
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            kind = ("<" if direction == 1 else "") + ("=" if op is C.ASSERT else "!")
            out.append(f"(?{kind}{_reverse(sub, names)})")
        elif op is C.ATOMIC_GROUP:
            out.append("(?>" + _reverse(av, names) + ")")
        else:
            raise ValueError(f"cannot reverse regex operation {op}")
    return "".join(out)


def reverse_regex(pattern: str) -> str:
    """A pattern matching exactly the reversed strings of ``pattern`` (no back-references,
    lookarounds of fixed width)."""
    parsed = _parser.parse(pattern)
    names = {number: name for name, number in parsed.state.groupdict.items()}
    return _reverse(parsed, names)


class _Reversed:
    """A match of a reversed pattern, with spans given in the forward text."""

    def __init__(self, match: re.Match[str], length: int) -> None:
        self._match = match
        self._length = length

    def __getitem__(self, group: str | int) -> str | None:
        text = self._match.group(group)
        return None if text is None else text[::-1]

    def span(self, group: str | int = 0) -> tuple[int, int]:
        start, end = self._match.span(group)
        if start < 0:
            return -1, -1
        return self._length - end, self._length - start

    def start(self, group: str | int = 0) -> int:
        return self.span(group)[0]


# The reversals of the texts read lately, by text, shared by every matcher: the speaker, outlet
# and word matchers read the same text in turn, and citations reads a chunk of texts (128,
# ``_RESOLVE_CHUNK``) rule by rule, each rule text after text. (First 500 ABP articles: one
# cache per matcher reversed each text 4.4 times per extractor, ~26,000 characters per article;
# a cache of the last text alone reversed each text 2.5 times in citations, first 1,500 ABP
# articles: ~8 us a reversal.) Emptied, not evicted one by one, when full: a new dict bound
# in one store, which threads sharing it see whole.
_REVERSED: dict[str, str] = {}
_REVERSED_TEXTS = 256


class ReverseMatcher:
    """Matches ``pattern`` so that it ends exactly at a given position of a text.

    The pattern is written left to right and ends where the cue begins (no ``$``); one
    anchored attempt is made on the reversed text.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._reversed = re.compile(reverse_regex(pattern))

    def match_before(self, text: str, end: int, limit: int = 400) -> _Reversed | None:
        """The match of the pattern that ends at ``end`` (looking back at most ``limit``)."""
        backwards = _REVERSED.get(text) or reversed_text(text)
        n = len(text)
        match = self._reversed.match(backwards, n - end, n - max(0, end - limit))
        return None if match is None else _Reversed(match, n)


def reversed_text(text: str) -> str:
    """``text[::-1]``, kept for the next caller with the same text (the matchers above, and
    the quotes stage's reversed name runs: one reversal of each masked text, not two).

    >>> reversed_text("said Lavrov")
    'vorvaL dias'
    """
    global _REVERSED
    backwards = _REVERSED.get(text)
    if backwards is None:
        if len(_REVERSED) >= _REVERSED_TEXTS:
            _REVERSED = {}
        backwards = _REVERSED[text] = text[::-1]
    return backwards
