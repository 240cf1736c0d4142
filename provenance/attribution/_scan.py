"""``finditer`` tried only where an anchor word starts, found by one Aho-Corasick pass.

A pattern that opens with a look-behind ("(?<![\\w\\-])said") gives Python's regex engine no
first character to skip to, so it is tried at every position of the text. When every match
must begin with one of a few literal words, finding those words first (in C, one pass) and
matching the pattern only there gives the same matches at a fraction of the cost.

The scans of one family (by default those of one module: speakers' role words, cues, document
verbs and compound roles; citations' cues) share one automaton (:class:`_AnchorIndex`): a text
is scanned once for the anchors of all of them and the starts are kept for the last few texts,
so the many windows (a paragraph, a sentence) that the quotes stage reads in the same masked
text are answered by bisection. A window of a text
not seen yet is scanned by the scan's own automaton (citations reads a sentence's verbs once).
(First 1,000 ABP articles, ~5,500 characters each: a pass costs ~45 us per text even where
nothing is found; role words 117 us, cues 81, document verbs 50 apart, 108 us together. One
index over every family's anchors, 1,524 words, cost 133 us a text and lost: citations and
quotes read different texts, the article and its masked copy.)

The caller guarantees the invariant: every match of ``pattern`` starts where one of
``anchors`` starts (and no match is empty). Matches are then exactly those of
``pattern.finditer``: leftmost first, non-overlapping, look-arounds seeing the whole text.

>>> import re
>>> scan = AnchoredScan(re.compile(r"(?<![\\w\\-])(?:said|told)(?![\\w\\-])"), ["said", "told"])
>>> [m.span() for m in scan.finditer("He said, unsaid, she told")]
[(3, 7), (21, 25)]
"""

from __future__ import annotations

import bisect
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager

# Python's own parser of its regex dialect, private (``re._parser`` and ``re._constants`` since
# 3.11, the floor in pyproject.toml; ``sre_parse`` before, now a deprecated alias of it). The
# ``re`` module gives no parse tree publicly, and this module and reverse.py read one:
# ``ByAnchor`` (which cue alternatives can open with an anchor word: citations' cue scan 133-138
# -> 103-123 us an ABP text, 1.5 patterns tried a start instead of 31), ``stays_in_line``
# (credit patterns read line by line) and ``reverse_regex`` (every right-to-left matcher). A
# parser of our own would have to follow every construct the patterns use; the ``regex``
# package's partial matching could answer ByAnchor's question but is no dependency, and it
# fails a look-behind at the start of the word where ``_may_start`` lets it pass. The tree's
# shape is pinned by tests/test_attribution_scan.py and reverse.py's doctests; an operation
# these walkers do not know makes ByAnchor and ``stays_in_line`` err towards trying (never a
# lost match) and ``reverse_regex`` raise.
from re import _constants as _const
from re import _parser

from provenance.attribution.patterns import LOWER, NAME_CHAR, UPPER
from provenance.literals import LiteralFinder, find_all

# A family's automaton is a DFA up to this many characters of anchors, else a contiguous NFA.
# The speakers family (1,345 anchors, 11,034 characters) read the quotes' masked texts in
# 155-175 us a text as a DFA (~3 MB of tables: between two texts the stage's own work evicts
# them from the cache) and in 110 us as an NFA, on the first 3,000 ABP articles in the quotes
# stage; alone in a loop the DFA wins (55 against 61 us). Citations' family (474 anchors,
# 4,042 characters) stays a DFA. (Session 20: a pinned block read by a DFA, alone in a loop
# 75-79 -> 62-67 us a masked text, 64 at a time, cost more in the stage: alternating by chunk
# over the first 3,000 ABP, four passes, the pass 104-112 us an article as an NFA, 113-131
# as a DFA, the stage +1-3% in three passes of four.)
_FAMILY_DFA_MAX_CHARS = 8_000


class _AnchorIndex:
    """The anchors of every scan in one automaton; each text's anchor starts per scan, cached."""

    # Texts whose starts are kept: an article's text, its masked copy (quotes) and its title
    # are read in turn by the scans of one extractor.
    CACHE_TEXTS = 8

    def __init__(self) -> None:
        self._owners: dict[str, int] = {}  # anchor word -> bit mask of the scans that use it
        self._n_scans = 0
        self._finder: tuple[LiteralFinder, list[int]] | None = None  # and each word's mask
        # text -> (its hits (word index, start, end), what was derived from them: each scan's
        # sorted distinct starts by its bit, the hits' (start, mask), ...)
        self._cache: dict[str, tuple[list[tuple[int, int, int]], dict[object, object]]] = {}
        self._pinned: dict[str, tuple[list[tuple[int, int, int]], dict[object, object]]] = {}
        self._lock = threading.Lock()

    def cached(self, text: str) -> bool:
        """Whether the anchors of ``text`` are at hand (scanned already)."""
        return text in self._cache or text in self._pinned

    @contextmanager
    def pinned(self, texts: Iterable[str]) -> Iterator[None]:
        """The anchors of ``texts`` found now, one text after the other, and kept while the
        block runs. (The quotes stage between two texts evicts a large automaton from the CPU
        caches: first 3,000 ABP articles, the speakers family's pass cost 86-99 us a text found
        text by text, 65-66 us found 64 texts at a time; the stage's total moved within the noise
        of a shared machine: -2.4%, +1.4%, -0.9% in three alternating runs, session 13.)"""
        finder, _ = self._built()
        with self._pinning({text: finder.hits(text) for text in texts}):
            yield

    def register(self, words: Iterable[str]) -> int:
        """A new scan's bit; its ``words`` join the shared automaton (rebuilt on next use)."""
        with self._lock:
            bit = 1 << self._n_scans
            self._n_scans += 1
            for word in words:
                self._owners[word] = self._owners.get(word, 0) | bit
            self._finder = None
            self._cache, self._pinned = {}, {}
            return bit

    def _built(self) -> tuple[LiteralFinder, list[int]]:
        finder = self._finder
        if finder is None:
            with self._lock:
                dfa = sum(map(len, self._owners)) <= _FAMILY_DFA_MAX_CHARS
                finder = (LiteralFinder(self._owners, dfa), list(self._owners.values()))
                self._finder = finder
        return finder

    def _entry(self, text: str) -> tuple[list[tuple[int, int, int]], dict[object, object]]:
        """The anchor hits of ``text`` (word index, start, end) and what was derived from them."""
        entry = self._pinned.get(text) or self._cache.get(text)
        if entry is None:
            finder, _ = self._built()
            entry = (finder.hits(text), {})
            cache = self._cache
            if len(cache) >= self.CACHE_TEXTS:
                cache.pop(next(iter(cache)), None)  # the oldest
            cache[text] = entry
        return entry

    def words(self) -> list[str]:
        """The anchor words of every scan of the family, in the order its hits number them."""
        return self._built()[0].words

    @contextmanager
    def holding(
        self, found: dict[str, list[tuple[int, int, int]]], words: list[str]
    ) -> Iterator[None]:
        """Context in which ``found`` (text -> its anchor hits, found by another pass: a larger
        automaton whose first words are ``words``, this family's :meth:`words`; the same hits,
        overlapping ones included, in the order of their ends) stands for the family's own
        pass over those texts. Hits numbered by an older list of words (a scan registered
        since) are not used: the texts are then scanned as usual."""
        if words is not self._built()[0].words:
            yield
            return
        with self._pinning(found):
            yield

    @contextmanager
    def _pinning(self, found: dict[str, list[tuple[int, int, int]]]) -> Iterator[None]:
        """Context in which ``found`` (text -> its anchor hits) is read before the cache."""
        self._pinned = {text: (hits, {}) for text, hits in found.items()}
        try:
            yield
        finally:
            self._pinned = {}

    def starts(self, text: str, bit: int) -> list[int]:
        """Sorted distinct positions of ``text`` where an anchor of scan ``bit`` starts."""
        hits, derived = self._entry(text)
        found = derived.get(bit)
        if found is None:
            if self._n_scans == 1:  # a family of one: no masks to sort out
                found = sorted({start for _, start, _ in hits})
            else:
                by_mask = derived.get("by_mask")
                if by_mask is None:  # the hits' starts by their scans, once for the family
                    by_mask = derived["by_mask"] = _starts_by_mask(hits, self._built()[1])
                found = sorted(
                    {start for mask, starts in by_mask.items() if mask & bit for start in starts}  # type: ignore[union-attr]
                )
            derived[bit] = found
        return found  # type: ignore[return-value]

    def word_starts(self, text: str, bit: int) -> dict[str, list[int]]:
        """Each anchor word of scan ``bit`` found in ``text`` -> its starts, in order."""
        hits, derived = self._entry(text)
        key = ("offsets", bit)
        found = derived.get(key)
        if found is None:
            finder, masks = self._built()
            words = finder.words
            found = {}
            for index, start, _ in hits:  # (reported by end: a word's starts come in order)
                if masks[index] & bit:
                    found.setdefault(words[index], []).append(start)
            derived[key] = found
        return found  # type: ignore[return-value]

    def first_words(self, text: str, bit: int) -> list[tuple[int, str]]:
        """(start, shortest anchor word of scan ``bit`` starting there), sorted by start: the
        other anchors starting at the same place are longer words that begin with it."""
        hits, derived = self._entry(text)
        key = ("words", bit)
        found = derived.get(key)
        if found is None:
            finder, masks = self._built()
            words = finder.words
            shortest: dict[int, str] = {}
            for index, start, end in hits:
                if masks[index] & bit and (
                    start not in shortest or end - start < len(shortest[start])
                ):
                    shortest[start] = words[index]
            found = sorted(shortest.items())
            derived[key] = found
        return found  # type: ignore[return-value]


def _starts_by_mask(hits: list[tuple[int, int, int]], masks: list[int]) -> dict[int, list[int]]:
    """The starts of ``hits`` grouped by the bit mask of the scans their word belongs to: each
    scan's starts are then the union of a few groups (a text's ~63 hits hold ~3 masks), not a
    pass over every hit per scan. (The speakers family's five scans on the masked texts of the
    first 500 ABP articles, from the same hits: 22-25 -> 16-18 us a text.)"""
    grouped: dict[int, list[int]] = {}
    for word, start, _ in hits:
        mask = masks[word]
        group = grouped.get(mask)
        if group is None:
            grouped[mask] = [start]
        else:
            group.append(start)
    return grouped


_FAMILIES: dict[str, _AnchorIndex] = {}
# A window shorter than this share of an unseen text is scanned alone, not the whole text.
_WINDOW_SHARE = 4


class AnchoredScan:
    """Matches of ``pattern`` in a text, tried only at the starts of ``anchors``."""

    def __init__(
        self,
        pattern: re.Pattern[str],
        anchors: Iterable[str],
        family: str | None = None,
        by_anchor: Callable[[str], tuple[re.Pattern[str], ...]] | None = None,
    ) -> None:
        """``family``: scans that read the same texts share one pass over them; by default the
        scans defined in one module (speakers.py's read the quotes' masked text).
        ``by_anchor``: the patterns to try in turn where a given anchor is the shortest one
        starting, the first match standing for ``pattern``'s there (:class:`ByAnchor`)."""
        if family is None:
            family = sys._getframe(1).f_globals.get("__name__", "")
        words = sorted({w for w in anchors if w})
        if not words:
            raise ValueError("anchors must hold at least one non-empty word")
        self.pattern = pattern
        self._finder = LiteralFinder(words)
        self._index = _FAMILIES.setdefault(family, _AnchorIndex())
        self._bit = self._index.register(words)
        self._by_anchor = by_anchor
        # by_anchor's patterns for every anchor, found here, at import: the pool's fork server
        # imports the stages once a run and its workers are forked with them. (Citations' 555
        # cue anchors: ~0.11 CPU s, 0.04 of it compiling 31 patterns; found on first use, each
        # worker paid it over its first articles: ~40 us an article of a 3,000-article run.)
        self._patterns: dict[str, tuple[re.Pattern[str], ...]] = (
            {} if by_anchor is None else {word: by_anchor(word) for word in words}
        )

    def pinned(self, texts: Iterable[str]) -> AbstractContextManager[None]:
        """Context in which the anchors of ``texts`` (for every scan of this scan's family) are
        found at once and kept (:meth:`_AnchorIndex.pinned`)."""
        return self._index.pinned(texts)

    @property
    def family(self) -> _AnchorIndex:
        """The anchor index this scan shares with the other scans of its family."""
        return self._index

    def starts(self, text: str, pos: int = 0, endpos: int | None = None) -> list[int]:
        """Sorted distinct positions in [pos, endpos) where an anchor starts."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if pos >= end:
            return []
        size = len(text)
        if _WINDOW_SHARE * (end - pos) < size and not self._index.cached(text):
            return sorted({pos + start for _, start, _ in self._finder.hits(text[pos:end])})
        found = self._index.starts(text, self._bit)
        if pos <= 0 and end >= size:
            return found
        return found[bisect.bisect_left(found, pos) : bisect.bisect_left(found, end)]

    def finditer(
        self,
        text: str,
        pos: int = 0,
        endpos: int | None = None,
        within: Sequence[tuple[int, int]] | None = None,
    ) -> Iterator[re.Match[str]]:
        """The matches ``pattern.finditer(text, pos, endpos)`` would give, in order. ``within``
        (a whole text read with ``by_anchor`` only): sorted, disjoint [lo, hi) windows, the
        pattern tried only at the anchor starts inside them; a start not tried gives no match,
        and so hides no later start."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if self._by_anchor is not None and pos <= 0 and end >= len(text):
            yield from self._dispatched(text, within)
            return
        match = self.pattern.match
        last = pos
        for start in self.starts(text, pos, end):
            if start < last:
                continue  # inside the previous match
            m = match(text, start, end)
            if m is not None:
                yield m
                last = m.end()

    def _dispatched(
        self, text: str, within: Sequence[tuple[int, int]] | None = None
    ) -> Iterator[re.Match[str]]:
        """``finditer`` over a whole text, each start (inside ``within``'s windows) tried with
        its anchor's pattern."""
        by_anchor = self._by_anchor
        assert by_anchor is not None
        known = self._patterns  # (a dict read, not a call, at each of ~60 starts a text)
        starts = self._index.first_words(text, self._bit)
        if within is not None:  # the windows' starts cut out by bisection, no test per start
            cut = bisect.bisect_left
            starts = [item for lo, hi in within
                      for item in starts[cut(starts, (lo,)) : cut(starts, (hi,))]]  # fmt: skip
        last = 0
        for start, word in starts:
            if start < last:
                continue  # inside the previous match
            patterns = known.get(word)
            if patterns is None:
                patterns = known[word] = by_anchor(word)
            for pattern in patterns:
                m = pattern.match(text, start)
                if m is not None:
                    yield m
                    last = m.end()
                    break


class AnchorWords:
    """Where each of a fixed set of words occurs in a text, read from the pass that the scans
    of the same family (by default those of the defining module) make over it: citations' side
    scans' words ride on its cue anchors' pass. (First 3,000 ABP articles: their own
    automaton pass cost ~20 us a text.)"""

    def __init__(self, words: Iterable[str], family: str | None = None) -> None:
        if family is None:
            family = sys._getframe(1).f_globals.get("__name__", "")
        self._words = frozenset(w for w in words if w)
        if not self._words:
            raise ValueError("words must hold at least one non-empty word")
        self._index = _FAMILIES.setdefault(family, _AnchorIndex())
        self._bit = self._index.register(self._words)

    def find(self, text: str, word: str) -> list[int]:
        """Offsets of every occurrence of ``word`` in ``text``, overlapping ones included, in
        order (a new list); a word outside the set is searched with ``str.find``."""
        if word not in self._words:
            return find_all(text, word)
        return list(self._index.word_starts(text, self._bit).get(word, ()))

    def starts(self, text: str) -> list[int]:
        """Sorted offsets where any of the words starts in ``text``, from one read of the
        family's pass (a ``find`` per word cost ~25 us an ABP text for unlisted's 12 words)."""
        found = self._index.word_starts(text, self._bit).values()
        return sorted(at for starts in found for at in starts)


class ByAnchor:
    """The patterns, one per alternative of a pattern and in its order, that can match where a
    given anchor word starts. Tried in turn, the first that matches gives the match of the
    whole alternation (the alternation's own order: the first alternative that matches wins).
    ``assemble`` writes the pattern of one alternative (with what surrounds the alternation).

    Whether an alternative can match where ``word`` starts is read from its parse tree
    (``_may_start``): lookarounds and anchors are taken as passing, so the answer errs only
    towards trying an alternative. (A pattern per distinct set of alternatives would make one
    attempt a start, but citations' cue anchors need 56 sets, ~1 s to compile; one per
    alternative, 31, ~0.1 s, and 1.5 attempts a start on ABP text.)

    >>> alts = ["(?P<a>said)", "(?P<b>told|tells)", "(?P<c>[Ii]n an? interview)"]
    >>> by = ByAnchor(alts, lambda alt: alt)
    >>> [p.pattern for p in by("told")], by("xyz")
    (['(?P<b>told|tells)|(?!)(?P<a>)(?P<c>)'], ())
    >>> by("In a")[0].match("In an interview").groupdict()
    {'c': 'In an interview', 'a': None, 'b': None}
    """

    def __init__(self, alternatives: list[str], assemble: Callable[[str], str]) -> None:
        self._alternatives = list(alternatives)
        parsed = [_parser.parse(_with_letters(a)) for a in self._alternatives]
        self._parsed = [_plain(items) for items in parsed]
        self._names = [list(items.state.groupdict) for items in parsed]
        self._first: dict[str, list[int]] = {}  # first character -> alternatives it may open
        self._assemble = assemble
        self._compiled: dict[int, re.Pattern[str]] = {}
        self._by_word: dict[str, tuple[re.Pattern[str], ...]] = {}
        self._lock = threading.Lock()

    def _source(self, i: int) -> str:
        """Alternative ``i``'s pattern, with the other alternatives' groups in a branch that
        never matches: its matches' ``groupdict`` is the whole pattern's."""
        own = set(self._names[i])
        others = [n for names in self._names for n in names if n not in own]
        source = self._assemble(self._alternatives[i])
        if not others:
            return source
        return f"{source}|(?!){''.join(f'(?P<{n}>)' for n in dict.fromkeys(others))}"

    def __call__(self, word: str) -> tuple[re.Pattern[str], ...]:
        try:
            return self._by_word[word]
        except KeyError:
            pass
        with self._lock:
            first = self._first.get(word[:1])
            if first is None:  # (one character's answer first: most alternatives end there)
                first = [i for i, items in enumerate(self._parsed) if _may_start(items, word[:1])]
                self._first[word[:1]] = first
            chosen = [i for i in first if _may_start(self._parsed[i], word)]
            for i in chosen:
                if i not in self._compiled:
                    self._compiled[i] = re.compile(self._source(i))
            found = self._by_word[word] = tuple(self._compiled[i] for i in chosen)
        return found


# Whether a regex item can match a newline: character-class categories that hold "\n".
_NEWLINE_CATEGORIES = frozenset(
    (_const.CATEGORY_SPACE, _const.CATEGORY_NOT_WORD, _const.CATEGORY_NOT_DIGIT,
     _const.CATEGORY_LINEBREAK, _const.CATEGORY_UNI_LINEBREAK)
)  # fmt: skip
_NEWLINE = ord("\n")


def _class_has_newline(items: list) -> bool:
    negate, found = False, False
    for op, av in items:
        if op is _const.NEGATE:
            negate = True
        elif op is _const.LITERAL:
            found |= av == _NEWLINE
        elif op is _const.RANGE:
            found |= av[0] <= _NEWLINE <= av[1]
        elif op is _const.CATEGORY:
            found |= av in _NEWLINE_CATEGORIES
        else:
            return True  # (a charset or bigcharset from a compiled form: assume it may)
    return found != negate


def _may_read_newline(items, dotall: bool) -> bool:
    """Whether a match of the parsed ``items`` (look-aheads included) may hold a newline."""
    for op, av in items:
        if op is _const.LITERAL:
            hit = av == _NEWLINE
        elif op is _const.NOT_LITERAL:
            hit = av != _NEWLINE
        elif op is _const.ANY:
            hit = dotall
        elif op is _const.IN:
            hit = _class_has_newline(av)
        elif op is _const.AT:
            hit = False
        elif op is _const.BRANCH:
            hit = any(_may_read_newline(b, dotall) for b in av[1])
        elif op is _const.SUBPATTERN:
            hit = _may_read_newline(av[3], bool((dotall or av[1] & re.S) and not av[2] & re.S))
        elif op in (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT):
            hit = _may_read_newline(av[2], dotall)
        elif op in (_const.ASSERT, _const.ASSERT_NOT):
            # a look-behind sees the whole text even in a window; a look-ahead may not
            hit = av[0] == 1 and _may_read_newline(av[1], dotall)
        elif op is _const.ATOMIC_GROUP:
            hit = _may_read_newline(av, dotall)
        elif op is _const.GROUPREF_EXISTS:
            hit = any(_may_read_newline(b, dotall) for b in av[1:] if b is not None)
        else:
            hit = True  # back-references and the rest: assume the worst
        if hit:
            return True
    return False


# The letter classes the attribution patterns are built from, hundreds of ranges each: read
# as one letter, the credit patterns parse in ~10 ms instead of 170 ms in all.
_LETTER_CLASSES = sorted({UPPER, LOWER, NAME_CHAR}, key=len, reverse=True)


# Patterns already judged, by id (with the pattern, so that a reused id is not mistaken): an
# lru_cache keyed by the pattern hashes its compiled code on every call, ~17 us for a credit
# pattern, more than reading its lines.
_IN_LINE: dict[int, tuple[re.Pattern[str], bool]] = {}
_IN_LINE_SIZE = 256


def stays_in_line(pattern: re.Pattern[str]) -> bool:
    """Whether no match of ``pattern`` (nor any of its look-aheads) can read a newline: its
    matches in a text are then exactly its matches in each line (lines read one by one)."""
    known = _IN_LINE.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    if len(_IN_LINE) >= _IN_LINE_SIZE:
        _IN_LINE.clear()
    in_line = _stays_in_line(pattern)
    _IN_LINE[id(pattern)] = (pattern, in_line)
    return in_line


def _stays_in_line(pattern: re.Pattern[str]) -> bool:
    source = pattern.pattern
    for letters in _LETTER_CLASSES:  # one letter stands for each (no newline in any)
        source = source.replace(letters, "A")
    parsed = _parser.parse(source, pattern.flags)
    return not _may_read_newline(parsed, bool(parsed.state.flags & re.S))


def finditer_in_lines(
    pattern: re.Pattern[str],
    words: Iterable[str],
    text: str,
    lines: list[tuple[int, int]],
    lowered: str | None = None,
    needle: re.Pattern[str] | None = None,
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern whose every match holds, lower-cased, the
    first word of one of ``words`` (its cues): read only in the ``lines`` (spans without their
    newline) that hold one, when its matches stay in a line; else in the whole text.
    ``needle``: a pattern that matches a part of every match inside its line (without its
    newline), searched there first: a line where it is not found is not read.

    (First 1,000 ABP articles: the credit taglines ("X contributed to this report", a name
    list tried at every capital) read the whole text when "contributed" was anywhere in it:
    72 us per article on average, 1.8 ms for each text with the word.)

    ``lowered``: ``text.lower()`` when the caller has it; the lines holding a cue are then found
    by searching it for each cue (str.find) rather than by lower-casing every line.
    """
    words = list(words)
    if not words or any("\n" in w for w in words) or not stays_in_line(pattern):
        return list(pattern.finditer(text))
    # A line is read when it holds the first word of a cue: "contributed to this" gates the
    # text, but the line may write it "contributed\tto this" or "contributed  to this".
    firsts = {w.split()[0] if w.split() else w for w in words}
    size = len(text)
    out: list[re.Match[str]] = []
    for start, end in _lines_holding(firsts, text, lines, lowered):
        if needle is None or needle.search(text, start, end) is not None:
            out += pattern.finditer(text, start, min(size, end + 1))
    return out


def _lines_holding(
    words: set[str], text: str, lines: list[tuple[int, int]], lowered: str | None
) -> list[tuple[int, int]]:
    """The ``lines`` whose lower-cased text holds one of ``words`` (none holds a blank), in
    order. With ``lowered`` (``text.lower()``, of the same length: no character lower-cased to
    two), each word's occurrences in it are mapped to their lines; a line holds no newline, so
    an occurrence lies in one line. (First 3,000 ABP articles: lower-casing and testing each of
    ~30 lines cost ~40 us per gated pattern, a fifth of the credits pass.)"""
    if lowered is None or len(lowered) != len(text) or "" in words:
        return [(s, e) for s, e in lines if any(w in text[s:e].lower() for w in words)]
    line_starts = [start for start, _ in lines]
    chosen: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            i = bisect.bisect_right(line_starts, at) - 1
            if i >= 0 and at + len(word) <= lines[i][1]:
                chosen.add(i)
            at = lowered.find(word, at + 1)
    return [lines[i] for i in sorted(chosen)]


def split_alternatives(source: str) -> list[str]:
    """The top-level alternatives of a regex source, as written.

    >>> split_alternatives(r"a(?:b|c)|[|]d|\\|e")
    ['a(?:b|c)', '[|]d', '\\\\|e']
    """
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if source[i + 1 : i + 2] == "^":
                i += 1
            if source[i + 1 : i + 2] == "]":  # "[]...]": a literal "]" first
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _with_letters(source: str) -> str:
    """``source`` with the big letter classes read as any character (``_may_start`` then errs
    only towards a match; parsing them costs ~5 ms each)."""
    for letters in _LETTER_CLASSES:
        source = source.replace(letters, "(?s:.)")
    return source


def _plain(items: _parser.SubPattern | list) -> list[tuple[object, object]]:
    """A parse tree as nested lists and tuples (a SubPattern is read item by item through
    ``__getitem__``: five times slower to walk)."""
    out: list[tuple[object, object]] = []
    for op, av in items:
        if op is _const.BRANCH:
            av = _indexed_branches([_plain(b) for b in av[1]])
        elif op is _const.SUBPATTERN:
            av = (av[0], av[1], av[2], _plain(av[3]))
        elif op in (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT):
            av = (av[0], av[1], _plain(av[2]))
        elif op is _const.ATOMIC_GROUP:
            av = _plain(av)
        elif op is _const.IN:
            av = list(av)
        out.append((op, av))
    return out


def _indexed_branches(branches: list[list]) -> tuple[object, ...]:
    """A branch's alternatives with, by their first literal character (as written and lower-
    cased), the ones that open with it; the others ("loose") may open with anything. ``_step``
    then walks only the alternatives that can read the word's character: an alternation of
    reporting verbs as a prefix tree offers ~20 letters at each level. (Citations' 555 cue
    anchors, 31 alternatives: ~0.14 s of ``_may_start`` per process walking every alternative,
    charged to the first articles that hold each anchor.)"""
    exact: dict[str, list[int]] = {}
    folded: dict[str, list[int]] = {}
    loose: list[int] = []
    for k, branch in enumerate(branches):
        if branch and branch[0][0] is _const.LITERAL:
            first = chr(branch[0][1])  # type: ignore[arg-type]
            exact.setdefault(first, []).append(k)
            folded.setdefault(first.lower(), []).append(k)
        else:
            loose.append(k)
    return None, branches, exact, folded, loose


def _may_start(items: list, word: str) -> bool:
    """Whether the parsed pattern ``items`` can match a string that begins with ``word``, or a
    prefix of it (lookarounds and anchors taken as passing)."""
    return bool(_reach(items, word, {0}, False))


def _reach(items: list, word: str, at: set[int], fold: bool) -> set[int]:
    """The offsets of ``word`` where a match of ``items`` begun at one of ``at`` may stand;
    ``len(word)`` once the word is read (whatever follows may then match)."""
    n = len(word)
    for op, av in items:
        if not at or at == {n}:
            return at
        after: set[int] = {n} if n in at else set()
        for i in at - {n}:
            after |= _step(op, av, word, i, fold)
        at = after
    return at


def _step(op: object, av: object, word: str, i: int, fold: bool) -> set[int]:
    """``_reach`` of one parsed item from offset ``i`` (< ``len(word)``)."""
    ch = word[i]
    if op is _const.LITERAL:
        return {i + 1} if _same(ch, chr(av), fold) else set()  # type: ignore[arg-type]
    if op is _const.NOT_LITERAL:
        return {i + 1} if not _same(ch, chr(av), fold) else set()  # type: ignore[arg-type]
    if op is _const.ANY:
        return {i + 1}
    if op is _const.IN:
        return {i + 1} if _in_class(av, ch, fold) else set()  # type: ignore[arg-type]
    if op in (_const.AT, _const.ASSERT, _const.ASSERT_NOT):
        return {i}
    if op is _const.BRANCH:
        _, branches, exact, folded, loose = av  # type: ignore[misc]
        opening = folded.get(ch.lower(), ()) if fold else exact.get(ch, ())
        return set().union(*(_reach(branches[k], word, {i}, fold) for k in (*opening, *loose)))
    if op is _const.SUBPATTERN:
        _, add, _, sub = av  # type: ignore[misc]
        return _reach(sub, word, {i}, fold or bool(add & re.IGNORECASE))
    if op is _const.ATOMIC_GROUP:
        return _reach(av, word, {i}, fold)  # type: ignore[arg-type]
    if op in (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT):
        low, high, sub = av  # type: ignore[misc]
        return _repeat(sub, low, high, word, i, fold)
    return {len(word)}  # back-references and the rest: anything may follow


def _repeat(sub: list, low: int, high: int, word: str, i: int, fold: bool) -> set[int]:
    """``_reach`` of ``sub`` repeated ``low`` to ``high`` times from offset ``i``."""
    current, out, count = {i}, set(), 0
    while current:
        if count >= low:
            if current <= out:
                break  # no new offset: more repeats reach nothing new
            out |= current
        if count == high or count > low + len(word):
            break
        current = _reach(sub, word, current, fold)
        count += 1
    return out


def _same(a: str, b: str, fold: bool) -> bool:
    return a == b or (fold and a.lower() == b.lower())


def _in_class(items: list, ch: str, fold: bool) -> bool:
    """Whether ``ch`` is in the parsed character class ``items`` (True when unsure)."""
    chars = {ch, ch.lower(), ch.upper()} if fold else {ch}
    negate, hit = False, False
    for op, av in items:
        if op is _const.NEGATE:
            negate = True
        elif op is _const.LITERAL:
            hit |= chr(av) in chars
        elif op is _const.RANGE:
            hit |= any(av[0] <= ord(c) <= av[1] for c in chars)
        elif op is _const.CATEGORY and av in _CATEGORY_TESTS:
            hit |= any(_CATEGORY_TESTS[av](c) for c in chars)
        else:
            return True
    return hit != negate


_CATEGORY_TESTS = {
    _const.CATEGORY_DIGIT: str.isdecimal,
    _const.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    _const.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    _const.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
    _const.CATEGORY_SPACE: str.isspace,
    _const.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
}
