"""Quote-mark pairs of the Latin-script press, as one regex both quote matchers build on.

Pairs (opening -> closing): straight ``"..."``, English ``“...”``, German ``„...“`` (also
``„...”``), French, Spanish, Italian and Portuguese guillemets ``« ... »`` (with a blank,
no-break space or narrow no-break space inside the marks), German reversed guillemets
``»...«`` and German single low quotes ``‚...‘``. An opening mark only closes with its own
closing mark (a conditional group per pair), so ``»`` closing a French quote never opens a
German one: a German ``»`` is followed by a word, a French closing one by a blank. A quote's
words hold no double mark, except inside guillemets, where Spanish, French and Portuguese
quote a quote with ``“ ”`` or ``" "`` (``«Dijo “basta” y se fue»`` is one quote).

The straight quote keeps its apostrophe-safe look-behind (``5" screen`` opens nothing) and
single quotes are left to the callers (they are apostrophes far more often than quotes).

>>> import re
>>> pattern = re.compile(quote_pattern())
>>> [m.group("body").strip() for m in pattern.finditer(
...     "« Oui », dit-il. „Ja“, sagte er. »Nein«, so sie. “Yes,” he said.")]
['Oui', 'Ja', 'Nein', 'Yes,']
"""

from __future__ import annotations

import re

# (opening mark, closing marks): the one definition of which marks pair up.
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (
    ('"', '"'),
    ("“", "”"),
    ("„", "“”"),
    ("«", "»"),
    ("»", "«"),
    ("‚", "‘"),
)
# Double marks: a quote's words never hold one (quotes of a quote use single marks) ...
DOUBLE_MARKS = '"“”„«»'
# ... except inside guillemets, where a quote of a quote takes “ ” or " " («Dijo “basta”»).
INNER_EXCLUDED = {"«": "«»", "»": "«»", "‚": "‘" + DOUBLE_MARKS}
OPENING_MARKS = "".join(dict.fromkeys(o for o, _ in QUOTE_PAIRS))
# Blanks that French typography puts inside guillemets.
INNER_BLANKS = " \u00a0\u202f\u2009"
_BLANK = f"[{INNER_BLANKS}]"
_OPEN = {
    # A straight quote right after a word or a sentence mark closes, it does not open.
    '"': r"\"(?<![\w.,!?;]\")",
    "«": f"«(?P<{{g}}>){_BLANK}?",
    # German reversed: a word follows at once; French closing guillemets are followed by a blank.
    "»": r"»(?=[^\s«»])",
}
_CLOSE = {'"': r"\"(?!\w)"}


def quote_pattern(body: str = "body", max_chars: int = 3000, max_paragraphs: int = 20) -> str:
    """Regex source of a quote between paired marks; the words are group ``body``.

    The body may run over ``max_paragraphs`` further paragraphs that each open with a mark
    (a multi-paragraph quote, closed once at its end). Repeats are possessive, so a quote left
    open costs linear time. The opening mark comes first as a literal character, so the engine
    skips to the next mark instead of trying the pattern at every position.
    """
    opens, rest = quote_pattern_parts(body, max_chars, max_paragraphs)
    return f"(?:{'|'.join(opens)}){rest}"


def quote_pattern_parts(
    body: str = "body", max_chars: int = 3000, max_paragraphs: int = 20
) -> tuple[list[str], str]:
    """:func:`quote_pattern` in two parts: the alternatives that open a quote (one per pair,
    each a mark and the empty group its closing conditional reads), and the rest (group
    ``body`` and the closing mark). A caller adding marks of its own puts them beside the
    pairs' openings, so that every opening mark stays a literal at the head of one alternation.
    """
    if max_chars < 1 or max_paragraphs < 0:
        raise ValueError("max_chars must be >= 1 and max_paragraphs >= 0")
    opens, closes = [], []
    for i, (opening, closing) in enumerate(QUOTE_PAIRS):
        group = f"{body}_q{i}"
        lead = _OPEN.get(opening, re.escape(opening))
        if "{g}" in lead:
            opens.append(lead.replace("{g}", group))
        else:
            opens.append(f"{lead}(?P<{group}>)")
        close = _CLOSE.get(closing)
        if close is None:
            close = re.escape(closing) if len(closing) == 1 else f"[{re.escape(closing)}]"
        closes.append((group, close))
    # The closing mark and the words of whichever pair opened: nested conditionals.
    close_re = closes[-1][1]
    for group, close in reversed(closes[:-1]):
        close_re = f"(?({group}){close}|{close_re})"
    kinds = [(group, _words(INNER_EXCLUDED.get(o, DOUBLE_MARKS), max_chars, max_paragraphs, o))
             for (group, _), (o, _) in zip(closes, QUOTE_PAIRS, strict=True)]  # fmt: skip
    words_re = kinds[-1][1]
    for group, words in reversed(kinds[:-1]):
        if words != words_re:
            words_re = f"(?({group}){words}|{words_re})"
    return opens, f"(?P<{body}>{words_re}){close_re}"


def _words(excluded: str, max_chars: int, max_paragraphs: int, opening: str) -> str:
    """The words of a quote: none of ``excluded``, over further paragraphs that reopen with
    a mark (single low quotes stay in one paragraph)."""
    marks = re.escape(excluded)
    words = f"[^{marks}\\n]{{0,{max_chars}}}+"
    if opening == "‚":
        return f"(?=[^\\s{marks}])[^{marks}\\n]{{0,300}}+"
    marked = f"\\n[ \\t]*\\n?[ \\t]*[{re.escape(OPENING_MARKS)}]{words}"
    # Or the next lines without a mark (sentence-per-line copy runs a quote over lines; PTC),
    # never mixed with marked ones: a stray opening mark must not reach the next quote.
    unmarked = f"\\n(?=[^\\s{marks}]){words}"
    more = f"(?:(?:{marked}){{0,{max_paragraphs}}}+|(?:{unmarked}){{1,{max_paragraphs}}}+)"
    if not max_paragraphs:
        more = ""
    return f"(?=[^\\s{marks}]){words}{more}"


def strip_blanks(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past blanks at both ends (guillemets' inner spaces)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
