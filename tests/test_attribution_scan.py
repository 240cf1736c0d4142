"""AnchoredScan gives exactly the matches of the regex it stands in for.

The texts are synthetic (written for this test) plus generated noise: cue words inside other
words, after hyphens, at the text's edges, with tabs, overlapping cues."""

from __future__ import annotations

import random
import re
from re import _constants as _const

import pytest

from provenance.attribution import citations, credits, datelines, speakers
from provenance.attribution._scan import (
    AnchoredScan,
    ByAnchor,
    _may_start,
    finditer_in_lines,
    split_alternatives,
    stays_in_line,
)

TEXTS = [
    "MOSCOW (Sputnik) - Russian Foreign Minister Sergey Lavrov told the Daily Clarion "
    "newspaper in an interview that talks went well, according to Lavrov.",
    'said the minister. "We are ready," Lavrov said\tthat; unsaid, re-said, Said it.',
    "Kremlin spokesman Dmitry Peskov, speaking to reporters, said the\treport by TASS was "
    "wrong. As reported by Reuters, the company's chief, Dana Cole, quit. in\tan interview",
    "Speaking to APP, the ambassador said. Talking to Xinhua, his lawyer, Dana Cole, said "
    "a report in Der Spiegel and reports by RIA Novosti, citing figures published by TASS.",
    "its Minister for Finance Aisha Malik wrote for the Global Times; Izvestia's "
    "correspondent and a correspondent for Kommersant were quoted by AFP as saying",
    "",
    "said",
    "the ",
    "a\t",
    "Minister",
    "According to",
    "x-told y_said told-x",
]
SCANS = {
    "citations cues": citations.CUE_SCAN,
    "speaker cues": speakers.CUE_SCAN,
    "verbs": speakers.VERB_SCAN,
    "document verbs": speakers.DOC_EXTRA_VERB_SCAN,
    "role + name": speakers.ROLE_NAME_SCAN,
}


def _noise(seed: int) -> str:
    rng = random.Random(seed)
    pieces = " ".join(TEXTS).replace("\t", " ").split(" ")
    seps = [" ", "  ", "\t", "-", "", "\n", ", ", "'", "_"]
    return "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(300))


@pytest.mark.parametrize("name", sorted(SCANS))
def test_scan_matches_finditer(name):
    scan = SCANS[name]
    for text in [*TEXTS, *(_noise(s) for s in range(20))]:
        want = [(m.span(), m.groupdict()) for m in scan.pattern.finditer(text)]
        got = [(m.span(), m.groupdict()) for m in scan.finditer(text)]
        assert got == want
        # windows, as the extractors use them (look-arounds still see the whole text)
        lo, hi = len(text) // 3, 2 * len(text) // 3 + 5
        want = [m.span() for m in scan.pattern.finditer(text, lo, hi)]
        assert [m.span() for m in scan.finditer(text, lo, hi)] == want


def test_scan_within_windows_tries_only_their_starts():
    """``finditer(within=...)`` gives what trying the pattern at the anchor starts inside the
    windows only gives (a start outside hides no later one), however the windows cut matches."""
    scan = citations.CUE_SCAN
    rng = random.Random(5)
    for seed in range(20):
        text = _noise(300 + seed)
        cuts = sorted(rng.sample(range(-50, len(text) + 50), 2 * rng.randint(0, 4)))
        within = list(zip(cuts[::2], cuts[1::2], strict=True))
        want, last = [], 0
        for start in scan.starts(text):
            if start >= last and any(lo <= start < hi for lo, hi in within):
                m = scan.pattern.match(text, start)
                if m is not None:
                    want.append(m.span())
                    last = m.end()
        assert [m.span() for m in scan.finditer(text, within=within)] == want
    whole = [(0, len(_noise(300)))]
    text = _noise(300)
    assert [m.span() for m in scan.finditer(text, within=whole)] == [
        m.span() for m in scan.pattern.finditer(text)]  # fmt: skip


def test_citation_reach_windows_hold_the_near_starts():
    """``citations._reach_windows`` holds exactly the positions ``_near`` finds a start near,
    for any reach before and after."""
    rng = random.Random(9)
    for _ in range(60):
        starts = sorted(rng.sample(range(2000), rng.randint(0, 12)))
        before, after = rng.choice([(40, 40), (40, 0), (0, 40), (7, 90)])
        windows = citations._reach_windows(starts, before, after)
        assert all(a[1] < b[0] for a, b in zip(windows, windows[1:], strict=False))
        for at in range(-100, 2100):
            inside = any(lo <= at < hi for lo, hi in windows)
            assert inside == citations._near(starts, at - before, at + after), (starts, at)


def test_citation_side_scans_in_windows_find_what_the_whole_text_gives():
    """The apostrophes and " of " capitals the side rules read inside the hint windows are
    those of the whole text that have a hint in reach."""
    rng = random.Random(13)
    for _ in range(30):
        pieces = ["ab of The Cd ", "Roe’s Jo ", "word ", "x of Thex", " of the Z", "it's ", "'"]
        text = "".join(rng.choice(pieces) for _ in range(400))
        near = sorted(rng.sample(range(len(text)), rng.randint(1, 6)))
        reach = citations._HINT_REACH
        whole = [m.start() for m in citations._OF_CAPITAL_RE.finditer(text)]
        assert citations._of_capitals(text, near) == [
            at for at in whole if citations._near(near, at, at + reach)]  # fmt: skip
        windows = citations._reach_windows(near, citations._OWNER_REACH, 0)
        for mark in ("'", "’"):
            want = [at for at in range(len(text)) if text[at] == mark
                    and citations._near(near, at - citations._OWNER_REACH, at)]  # fmt: skip
            assert citations._found_within(text, mark, windows) == want


def test_scan_validates_anchors():
    with pytest.raises(ValueError):
        AnchoredScan(re.compile("x"), [""])


def test_scan_skips_inside_previous_match():
    scan = AnchoredScan(re.compile(r"said that|that"), ["said", "that"])
    assert [m.group(0) for m in scan.finditer("said that, that")] == ["said that", "that"]


def test_first_mention_leads_match_the_per_surname_regex():
    rng = random.Random(7)
    tokens = ["Aa", "Bb", "Nowak", "nowak", "O'Neil", "’Nowak", "Al-Nowak", "Nowak-Smith", "Mr",
              "x", "NOWAK", "Nowaks", "Né", "Ab’Cd", "-Nowak", "Nowak’s", "Zz"]  # fmt: skip
    seps = [" ", "  ", "\t", ", ", ". ", "-", "", "\n", "'", " \t"]
    for _ in range(3000):
        text = "".join(rng.choice(tokens) + rng.choice(seps) for _ in range(rng.randint(1, 12)))
        for surname in ("Nowak", "Neil", "Cd", "Aa"):
            pattern = speakers._FIRST_MENTION.format(re.escape(surname))
            want = [m.group(1) for m in re.finditer(pattern, text)]
            assert list(speakers.first_mention_leads(text, surname)) == want, (text, surname)


def test_possessive_appositive_matches_the_backtracking_one():
    pattern = speakers.APPOSITIVE_RE.pattern
    name_end = pattern.index("),")  # the possessive repeats are all in the name
    backtracking = pattern[:name_end].replace("++", "+").replace("}+", "}") + pattern[name_end:]
    assert backtracking != speakers.APPOSITIVE_RE.pattern
    old = re.compile(backtracking)
    rng = random.Random(3)
    tokens = ["Aa", "Bb", "Cc'd", "Dd-Ee", "the", "a", "minister", "Foreign", "Minister", "of",
              "for", "x", "O’Neil", "spokesman", "Ministry", "Xy2", "Öz", "de", "la", "al-Aa",
              "bin"]  # fmt: skip
    seps = [" ", "  ", "\t", ", ", ",", ". ", ";", "-", "\n", " \t"]
    for _ in range(3000):
        text = "".join(rng.choice(tokens) + rng.choice(seps) for _ in range(rng.randint(2, 14)))
        want = [(m.span(), m.groupdict()) for m in old.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in speakers.APPOSITIVE_RE.finditer(text)] == want


def test_appositive_matches_are_the_finditer_ones():
    rng = random.Random(5)
    tokens = ["Aa", "Bb", "McDo", "iPh", "the", "a", "minister", "Foreign", "Minister", "of",
              "della", "dellax", "bin", "al-Aa", "y", "Ⅱ", "AⅡBc", "x", "O’Neil", "Öz", "Xy2",
              "spokesman", "de", "la", "Ministry", "Dd-Ee"]  # fmt: skip
    seps = [" ", "  ", "\t", ", ", ",\t", ",", ". ", ";", "-", "\n", " \t"]
    for _ in range(3000):
        text = "".join(rng.choice(tokens) + rng.choice(seps) for _ in range(rng.randint(2, 16)))
        want = [(m.span(), m.groupdict()) for m in speakers.APPOSITIVE_RE.finditer(text)]
        got = [(m.span(), m.groupdict()) for m in speakers.appositive_matches(text)]
        assert got == want, text


def test_possessive_blanks_match_the_backtracking_patterns():
    from provenance.attribution.reverse import ReverseMatcher

    def backtracking(source: str) -> str:
        plain = source.replace("[ \\t]++", "[ \\t]+").replace("[ \\t]*+", "[ \\t]*")
        assert plain != source
        return plain

    post = re.compile(backtracking(speakers.POST_ATTRIBUTION_RE.pattern))
    before = ReverseMatcher(backtracking(speakers.SPEAKER_BEFORE.pattern))
    rng = random.Random(13)
    tokens = ["said", "Lavrov", "the", "minister", "Sen.", "Ron", "Johnson", "(R-Wis.)", "(D)",
              "also", "on", "Monday", "he", "told", "Reuters", "officials", "x", "of", "Foreign",
              "Minister", "speaking", "in", "Moscow", "quickly", "a", "déclaré", "le"]  # fmt: skip
    seps = [" ", "    ", "\t", ", ", ",", ". ", " \t ", "\n", " " * 30]
    for _ in range(400):
        text = "".join(rng.choice(tokens) + rng.choice(seps) for _ in range(rng.randint(1, 12)))
        for pos in range(0, len(text), 3):
            want, got = post.match(text, pos), speakers.POST_ATTRIBUTION_RE.match(text, pos)
            assert (got and (got.span(), got.groupdict())) == (
                want and (want.span(), want.groupdict())
            ), (text, pos)
            want, got = (
                before.match_before(text, pos, 200),
                speakers.SPEAKER_BEFORE.match_before(text, pos, 200),
            )
            assert (got and (got.span(), got.span("spk"), got["ins"])) == (
                want and (want.span(), want.span("spk"), want["ins"])
            ), (text, pos)


def test_document_noun_gate_matches_the_regex():
    words = ["memorandum", "press  release", "communiqué", "guidelines", "Law", "flaw", "Report"]
    texts = [*TEXTS, *words, *(_noise(s) for s in range(20)), "no such noun here"]
    texts += [f"x {w} y" for w in speakers._DOC_NOUN_WORDS]
    for text in texts:
        assert speakers.has_document_noun(text) == (speakers.DOC_NOUN_RE.search(text) is not None)
    assert not speakers.has_document_noun("no such noun here")


def test_addressee_pattern_matches_the_look_behind_form():
    plain = re.compile(
        rf"(?<![\w\-])(?:told|to|with|for)[ \t]+(?P<ent>{speakers.OUTLET_PHRASE})"
        rf"|(?<![\w\-])(?:in|on)[ \t]+(?:an?[ \t]+)?(?P<ent2>{speakers.NAME})[ \t]+"
        r"(?:interview|broadcast|programme|program|show)\b"
    )
    extra = ["to Reuters", "xto Reuters", "-for TASS", "said in an Al Jazeera interview", "on"]
    for text in [*TEXTS, *extra, *(_noise(s) for s in range(20))]:
        want = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in speakers.ADDRESSEE_RE.finditer(text)] == want
        for pos in (1, 2, 3):  # look-behinds see the text before ``pos``
            found, expected = speakers.ADDRESSEE_RE.search(text, pos), plain.search(text, pos)
            assert (found and found.span()) == (expected and expected.span())


def test_family_scans_in_any_order_and_windows_of_unseen_texts():
    """Scans of one family share a cached pass over a text: the answers must not depend on
    which scan (or which window) reads a text first; a small window of a text not seen yet is
    scanned alone."""
    order = sorted(SCANS)
    for seed in range(12):
        text = _noise(100 + seed)
        rng = random.Random(seed)
        rng.shuffle(order)
        size = len(text)
        windows = [(size // 2, size // 2 + size // 10), (0, size), (size // 5, size // 3 + 7)]
        rng.shuffle(windows)
        for name in order:
            scan = SCANS[name]
            for lo, hi in windows:
                want = [m.span() for m in scan.pattern.finditer(text, lo, hi)]
                assert [m.span() for m in scan.finditer(text, lo, hi)] == want, (name, lo, hi)


def test_pinned_texts_give_the_same_matches_and_are_let_go():
    """Texts whose anchors a family finds together (the quotes stage's chunks) answer every
    scan of the family as texts scanned one at a time do; the pins end with the block."""
    texts = [_noise(200 + seed) for seed in range(10)]  # (more than the cache's 8 texts)
    family = [s for s in SCANS.values() if s._index is speakers.CUE_SCAN._index]
    assert len(family) > 2
    with speakers.CUE_SCAN.pinned(texts):
        assert all(speakers.CUE_SCAN._index.cached(text) for text in texts)
        for scan in family:
            for text in texts:
                want = [m.span() for m in scan.pattern.finditer(text)]
                assert [m.span() for m in scan.finditer(text)] == want
    assert not speakers.CUE_SCAN._index.cached(texts[0])  # (evicted from the cache of 8, unpinned)


def test_pinned_pass_gives_the_family_s_own_hits_in_order():
    """A pinned block's hits are those the family's own automaton gives text by text, in the
    same order (what ``word_starts`` and ``first_words`` read them by)."""
    index = speakers.CUE_SCAN._index
    texts = [_noise(300 + seed) for seed in range(6)] + ["Sen. Jane Roe, a spokeswoman, said."]
    with index.pinned(texts):
        pinned = {text: index._pinned[text][0] for text in texts}
    finder, _ = index._built()
    assert all(pinned.values())
    assert all(pinned[text] == finder.hits(text) for text in texts)


@pytest.mark.parametrize(
    ("pattern", "in_line"),
    [(r"a\sb", False), (r"a[^x]b", False), (r"a[ \t]b", True), (r"(?s)a.b", False),
     (r"a.b", True), (r"a(?=\n)", False), (r"(?<=\n)a", True), (r"[\W]", False), (r"\S+", True),
     (r"(?m)^a$", True), (r"a\nb", False), (r"[^\n]+", True), (r"(a)\1", False),
     (r"x(?!\s)", False), (r"(?i:[a-z])+", True)],
)  # fmt: skip
def test_stays_in_line(pattern, in_line):
    assert stays_in_line(re.compile(pattern)) is in_line


def test_finditer_in_lines_matches_finditer_for_the_credit_patterns():
    """The credits' cue-gated patterns give the same matches read line by line."""
    pieces = [
        "Reuters contributed to this report.", "AP writers Jane Doe and Ann Roe contributed.",
        "This article originally appeared on Zero Hedge.", "With inputs from PTI and ANI",
        "Republished with permission from The Conversation", "Contributing: Jane Doe, USA TODAY",
        "By Jane Doe, Daily Caller, May 17, 2018:", "(Avec AFP)", "Distributed by Tribune",
        "The Associated Press CONTRIBUTED reporting", "contributed\tto this story", "x",
        "İstanbul ΟΔΟΣ", "ORIGINALLY PUBLISHED BY Le Monde", "By Jane Doe, X Y, May 1, 2018 :\t",
        "at 10:30 by Jane Doe, X, May 1, 2018:", "Compiled from Reuters and AP reports.",
        "Based on AFP dispatches.", "based on AFP reports.", "COMPILED FROM TASS copy.",
        "Staff WRİTERS Ann Roe and Jo Doe contributed reporting.", "reporters ſaid it",
    ]  # fmt: skip
    rng = random.Random(5)
    patterns = [(p, g) for _, where, p, g in credits.LINE_PATTERNS if where == "any"]
    colon_patterns = [p for _, where, p, _ in credits.LINE_PATTERNS if where == "colon"]
    assert colon_patterns and all(stays_in_line(p) for p in colon_patterns)
    needles = matched = 0
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["\n", "\n\n", " ", "  \n", ". "])
                       for _ in range(rng.randint(1, 8)))  # fmt: skip
        lines = [m.span() for m in re.finditer(r"[^\n]+", text)]
        for pattern, gates in patterns:
            want = [m.span() for m in pattern.finditer(text)]
            got = [m.span() for m in finditer_in_lines(pattern, gates, text, lines)]
            assert got == want, (pattern.pattern[:60], text)
            # The lines found from the lower-cased text (one search per cue) read the same.
            lowered = text.lower()
            got = [m.span() for m in finditer_in_lines(pattern, gates, text, lines, lowered)]
            assert got == want, (pattern.pattern[:60], text)
            needle = credits._LINE_NEEDLES.get(id(pattern))  # (a part every match holds)
            if needle is not None:
                needles += 1
                found = finditer_in_lines(pattern, gates, text, lines, lowered, needle)
                assert [m.span() for m in found] == want, (pattern.pattern[:60], text)
                matched += bool(want)
        for pattern in colon_patterns:  # read in the lines that end with a colon
            want = [m.span() for m in pattern.finditer(text)]
            got = [m.span() for lo, hi in credits._colon_lines(text)
                   for m in pattern.finditer(text, lo, hi)]  # fmt: skip
            assert got == want, (pattern.pattern[:60], text)
    assert needles == 600 and matched > 100  # both needles read, on texts with matches


# Patterns written for speed (class-first, possessive) against the readable forms they
# stand in for: the same matches on the texts above, datelines and their noise.
DATELINES = [
    "WASHINGTON (Reuters) - The",
    "ST. PETERSBURG, Russia, Aug. 23 (AP) — A",
    "U.S. (AFP) -",
    "MOSCOW, 1 Sep - TASS. Text",
    "Kyiv | UNIAN | Text",
    "A DAY AGO Reuters Staff STOCKHOLM (Reuters) – Sweden",
    " date 2023-06-02 WASHINGTON (UrduPoint News / Sputnik - 02nd June, 2023) The",
    "WASH. (AP)",
    "O'HARE-AREA, Ill. [AP] :",
    "Moscow. /TASS/. x",
    "PARIS. (AFP)",
    "Beijing, Jan 3 (Xinhua) -- y",
    "SÃO PAULO, 5 MAR - (ANSA) - z",
    "(Reuters) –",
    "a | b - c",
]
SPEED_TEXTS = [*TEXTS, *DATELINES, "\n".join(DATELINES), _noise(7) + "".join(DATELINES)]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("fast", "readable"),
    [
        (credits._HEAD_BRACKET_RE,
         r"[(\[/][^()\[\]/\n]{1,100}[)\]/][ \t]*(?:--|[-–—:])|\([^()\n]{1,100}\d{4}\)"),
        (citations._BRACKETED_LINE_RE, r"\n(?=[^\n(\[]{0,60}[(\[])"),
    ],
)  # fmt: skip
def test_class_first_patterns_match_their_readable_forms(fast, readable):
    slow = re.compile(readable)
    for text in SPEED_TEXTS:
        assert _spans(fast, text) == _spans(slow, text), text[:80]


def test_head_separators_are_the_readable_pattern_s_matches():
    readable = re.compile(r"[ \t][-–—][ \t]|\|")
    for text in [*SPEED_TEXTS, "a - - b", " -\t| —  – -"]:
        want = [m.span() for m in readable.finditer(text)]
        assert credits._head_separators(text) == want, text[:80]


@pytest.mark.parametrize("name", ["DATELINE_RE", "BARE_DATELINE_RE", "_HEAD_AGENCY_RE"])
def test_possessive_place_tokens_give_the_greedy_matches(name):
    fast = getattr(credits, name)
    assert datelines.PLACE_TOKEN in fast.pattern
    slow = re.compile(fast.pattern.replace(datelines.PLACE_TOKEN, datelines.PLACE_TOKEN[:-1]))
    for text in SPEED_TEXTS:
        for at in range(len(text)):
            got, want = fast.match(text, at), slow.match(text, at)
            assert (got and (got.span(), got.groupdict())) == (
                want and (want.span(), want.groupdict())
            ), text[at : at + 60]


def test_follows_prose_counts_the_prose_pattern_s_matches():
    """Prose lines counted at line starts only, a line tried only when it ends a sentence:
    the same answer as counting every match of the pattern before the dateline."""
    pieces = [
        "He said the talks would resume next month in the capital city.",
        "“We are ready to talk to them again , ” he said . ”", "Short line.", "A heading",
        "one two three four five six seven eight nine ten ''", "a b c d e f g h i?\t ",
        "WASHINGTON (AP) - The", "x y z w v u t s r q p o '", "",
    ]  # fmt: skip
    rng, seen = random.Random(11), set()
    for _ in range(300):
        text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        for start in sorted({rng.randrange(len(text) + 1) for _ in range(5)} | {len(text)}):
            want = sum(1 for _ in credits._PROSE_LINE_RE.finditer(text, 0, start)) >= 3
            assert credits.follows_prose(text, start) is want, (text, start)
            seen.add(want)
    assert seen == {True, False}


def test_dash_tags_searched_at_their_dashes_as_the_pattern_searches():
    pattern = credits._DASH_TAG_RE
    pieces = ["Talks went on", " – AFP", " -- Reuters", "-AP", "\n— TASS", " - ", "x-y", "\t—\tdpa"]
    rng, found = random.Random(3), 0
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for lo in range(len(text) + 1):
            want = pattern.search(text, lo, len(text))
            got = credits._search_at_dashes(pattern, text, lo, len(text))
            assert (got and (got.span(), got.groupdict())) == (
                want and (want.span(), want.groupdict())
            ), (text, lo)
            found += want is not None
    assert found


def test_head_agency_windows_skipped_only_when_the_pattern_cannot_match():
    found = 0
    for text in SPEED_TEXTS:  # windows as _head_candidates reads them (<= 123 characters)
        for lo in range(0, len(text), 2):
            for hi in (lo + 20, lo + 40, lo + 80, lo + 123):
                if credits._HEAD_AGENCY_RE.search(text, lo, hi) is not None:
                    found += 1
                    assert credits._may_name_an_agency(text[lo:hi]), text[lo:hi]
    assert found


def test_split_alternatives_round_trip():
    """The cue alternatives join back into the cue pattern, each one a pattern of its own."""
    parts = split_alternatives(citations._EN_CUES)
    assert "|".join(parts) == citations._EN_CUES and len(parts) > 20
    assert all(re.compile(p) for p in parts)
    assert split_alternatives(r"a[|(]|(b|c)|\|") == ["a[|(]", "(b|c)", r"\|"]


def test_by_anchor_tries_only_cues_that_open_with_the_word():
    """Where "in the" starts only the few cues that open with it ("in the statement to", "in
    the story on"), one of them the media cue; a word no cue opens with gets no pattern."""
    by = ByAnchor(citations._CUE_ALTERNATIVES, citations._cue_source)
    patterns = by("in the")
    assert 2 <= len(patterns) < len(citations._CUE_ALTERNATIVES) / 4
    found = [p.match("in the story on CNN") for p in patterns]
    assert [m.lastgroup for m in found if m] == ["media_in"]
    assert by("zzz") == ()


def _unindexed(items: list) -> list:
    """A plain parse tree whose alternations offer every branch as "loose": ``_step`` then
    walks each of them, as it did before branches were indexed by their first literal."""
    out = []
    for op, av in items:
        if op is _const.BRANCH:
            branches = [_unindexed(b) for b in av[1]]
            av = (None, branches, {}, {}, list(range(len(branches))))
        elif op is _const.SUBPATTERN:
            av = (*av[:3], _unindexed(av[3]))
        elif op in (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT):
            av = (av[0], av[1], _unindexed(av[2]))
        elif op is _const.ATOMIC_GROUP:
            av = _unindexed(av)
        out.append((op, av))
    return out


def test_by_anchor_branch_index_chooses_what_walking_every_branch_chooses():
    """The alternatives tried at each cue anchor (and its other cases, for the case-folded
    parts) are those that walking every branch of every alternation finds."""
    by = ByAnchor(citations._CUE_ALTERNATIVES, citations._cue_source)
    full = [_unindexed(items) for items in by._parsed]
    words = {w for anchor in citations.CUE_SCAN._finder.words
             for w in (anchor, anchor.upper(), anchor.lower(), anchor.title())}  # fmt: skip
    chosen = 0
    for word in sorted(words):
        want = [i for i, items in enumerate(full) if _may_start(items, word)]
        got = [i for i, items in enumerate(by._parsed) if _may_start(items, word)]
        assert got == want, word
        chosen += len(got)
    assert chosen > len(words) // 2  # (most anchors as written open a cue or two)


def test_a_column_read_again_gives_the_same_strings():
    """An Arrow-backed column read again (same Arrow data: a copy, a column added) gives the
    same list; another column with equal values is decoded afresh, and equal; the strings are
    let go with the column's data."""
    import pandas as pd

    from provenance.attribution import _input

    frame = pd.DataFrame({"text": ["One “quote” , here .", None, "x" * 10]})
    if not hasattr(frame["text"].array, "__arrow_array__"):
        pytest.skip("pandas without Arrow-backed strings")
    first = _input._strings(frame["text"])
    assert first == ["One “quote” , here .", "", "x" * 10]
    copy = frame.copy()
    copy["other"] = 1
    assert _input._strings(copy["text"]) is first
    other = pd.DataFrame({"text": list(first)})
    again = _input._strings(other["text"])
    assert again == first and again is not first
    del frame, copy  # (the column's data gone, its strings are not kept)
    assert all(values is not first for _, values in _input._STRINGS_SEEN)
