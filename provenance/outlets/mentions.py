"""Outlet mentions in text: one Aho-Corasick automaton over every alias and domain.

Case rules are built into the automaton: each alias is added in the surface forms that mean
the outlet ("Sputnik", "SPUTNIK", "the Guardian", acronyms only exactly as written), so
"the hill" or "ap" never match. Names that are also common words or names ("Dawn", "Mint",
"The Hill", "PTI") need a cue: a reporting phrase, a bracket, a word like "newspaper", or a
country word; a country word naming another country rejects them. A country word before a
name shared by several outlets ("Britain's The Times") picks that country's outlet.

>>> m = MentionMatcher([("Dawn", "dawn", "PK", "alias"), ("Sputnik", "sputnik", "RU", "alias")])
>>> [(s, e, oid) for s, e, oid, _, _ in m.find("At dawn, Pakistan's Dawn and SPUTNIK said.")]
[(20, 24, 'dawn'), (29, 36, 'sputnik')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.literals import LiteralFinder
from provenance.outlets.codes import COUNTRY_WORDS
from provenance.wordlists import words

# Aliases that are everyday words, first names or other things' names ("Dawn", "The Hill",
# "Die Welt", "Vreme"): matched only with a cue. Package data, case-folded:
# ``resources/outlets/needs_cue.txt`` (why each kind of name is there: its header).
RISKY = frozenset(words("needs_cue", "outlets"))

# What may not follow an alias: retweets ("RT @x"), exams ("AP Biology"), Pakistan's PTI party,
# CCTV cameras, the Nikkei index, the Sputnik V vaccine, DR Congo, Times Square.
NEGATIVE_FOLLOW: dict[str, re.Pattern[str]] = {
    key: re.compile(pattern, re.IGNORECASE)
    for key, pattern in {
        "rt": r"\s*:?\s*@",
        "ap": r"\s+(?:exams?|class(?:es)?|courses?|credits?|scores?|tests?|students?|calculus"
        r"|biology|chemistry|physics|statistics|psychology|english|history|government|chief"
        r"|cm\b|police|assembly|high court)",
        "pti": r"\s+(?:chair(?:man)?|chief|leaders?|workers|supporters|government|govt|mna|mpa"
        r"|senators?|founder|protests?|rally|party|lawmakers?|candidates?|members?|ticket"
        r"|spokesperson|spokesman|-backed)",
        "cctv": r"\s*(?:footage|cameras?|images?|videos?|systems?|surveillance|recordings?"
        r"|operators?|coverage|monitoring|clips?)",
        "nikkei": r"\s*(?:225|share|stock|average|index|rose|fell|gained|lost|closed|ended"
        r"|futures)",
        "sputnik": r"\s+(?:v\b|light\b|vaccines?|jabs?|shots?|doses?)",
        "dr": r"\s+congo",
        "the times": r"\s+square",
        # "Fox" is Fox News only alone: not Fox Business, Fox Sports, Fox 5, 20th Century Fox.
        "fox": r"\s*(?:\d|business|sports|searchlight|corp|entertainment|broadcasting"
        r"|television|nation|studios?|film|network|guy)",
    }.items()
}

# What may not precede an alias: the outlet names that are also people's surnames.
NEGATIVE_PRECEDE: dict[str, re.Pattern[str]] = {
    key: re.compile(pattern + r"\.?\s+$")
    for key, pattern in {
        "bloomberg": r"\b(?:Michael|Mike|Mr|Mayor|Ms|Mrs|Georgina|Emma)",
        "forbes": r"\b(?:Kate|Steve|Malcolm|Randy|Mr|Ms|Mrs|Dr|Bishop|Senator|Sen|Rep)",
        # "Michael J. Fox", "Liam Fox", "Twentieth Century Fox": any capitalised word before.
        "fox": r"\b[A-Z][\w'’\-]*",
        # The Pentagon's "Department of Defense News" (DoD News) is not Defense News.
        "defense news": r"\bDepartment\s+of",
    }.items()
}

_PRE_CUE = re.compile(
    r"(?:\b(?:told|according\s+to|quoted\s+by|cited\s+by|carried\s+by|citing|quoting"
    r"|(?:speaking|spoke|talking|talked|remarks|statement|comments?)\s+to|interview\s+(?:with|to)"
    r"|interviewed\s+by|published\s+(?:in|by)|reported\s+by|reports?\s+(?:in|by|from)"
    r"|writ(?:ing|es|ten)\s+(?:in|for)|wrote\s+(?:in|for)|article\s+in|editorial\s+in"
    r"|columns?\s+in|op-ed\s+(?:in|for)|piece\s+in|story\s+in|agency|newspaper|daily|weekly"
    r"|broadcaster|channel|outlet|magazine|paper|tabloid|website|portal|network|station|via"
    r"|state(?:-run|-owned|-controlled)?\s+(?:media|news|tv|television)|english-language"
    # Spanish, French, German, Portuguese, Italian cues ("según", "laut", "sagte er der").
    r"|según|segundo|secondo|selon|d['’]après|laut|de\s+acuerdo\s+con|de\s+acordo\s+com"
    r"|(?:bericht|angaben|informationen)\s+(?:des|der|von)|zitiert\s+(?:von|nach)"
    r"|(?:entrevista|entretien|interview|intervista|gespräch)\s+(?:con|com|avec|mit|a|al|à|ao"
    r"|au|gegenüber)|accordée?\s+(?:à|au)|(?:sagte|erklärte|betonte)\s+(?:\w+\s+)?(?:der|dem)"
    r"|gegenüber(?:\s+(?:der|dem))?|diario|periódico|jornal|journal|quotidien|giornale"
    r"|quotidiano|zeitung|magazin|agencia|agence|agentur|agência|agenzia|informó|publicó"
    r"|rapporte|riporta|scrive|écrit|berichtet(?:e)?|meldet(?:e)?|schreibt|schrieb)"
    r"|[(\[])\s*(?:the\s+|der\s+|die\s+|el\s+|la\s+|le\s+|il\s+|o\s+|a\s+)?$",
    re.IGNORECASE,
)
_POST_CUE = re.compile(
    r"(?:['’]s?)?\s*(?:\)|\]|newspaper|daily|news\s*(?:paper|agency|channel|website|tv)"
    r"|reported|reports|quoted|cited|wrote|editorial|magazine|channel|tv\b|television|radio"
    r"|correspondent|reporter|editor|columnist|website|said\s+in\s+(?:a|an|its)\s+report"
    r"|berichtet(?:e)?|meldet(?:e)?|zufolge|schrieb|schreibt|informó|informa|publicó|publica"
    r"|rapporte|a\s+rapporté|écrit|riporta|scrive|noticiou|informou|publicou|-zeitung"
    r"|,\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:newspaper|daily|agency|broadcaster|channel"
    r"|outlet|magazine|paper|tabloid))",
    re.IGNORECASE,
)


def _by_first_character(words: list[str]) -> str:
    """A regex for any of ``words`` that tries them in their order, grouped under their first
    character: at a position only the words opening with its character can match, so the
    order in which the alternatives are tried there, and so every match, is the flat
    alternation's; a failed position costs a test per first character, not per word (the
    country words' 603 alternatives: ~21 us a 60-character window)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(ch)}(?:{'|'.join(rests)})" for ch, rests in groups.items())


_COUNTRY_RE = re.compile(
    r"(?<![\w.])(?:"
    + _by_first_character(sorted(COUNTRY_WORDS, key=len, reverse=True))
    + r")(?![\w])"
)
# Up to three words between a country word and the name, none of them a verb or preposition
# that would attach the country to something else ("a Russian official told The Hill").
_WORDS_BETWEEN = re.compile(
    r"\s*(?:(?!(?:told|tells|said|says|to|by|in|with|from|and|or|that|of|for|on|at|as|is|was"
    r"|were|has|had|have)\b)[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
# Other written forms of an alias's leading article: "The Hill"/"the Hill"; German articles
# decline and stand mid-sentence ("laut der Standard", "berichtet die Zeit"); French and
# Portuguese articles merge with a preposition ("Le Monde" -> "du Monde", "O Globo" -> "do Globo").
_ARTICLE_FORMS = (
    ("The ", ("the ",)),
    ("the ", ("The ",)),
    ("Die ", ("die ",)),
    ("Der ", ("der ",)),
    ("Le ", ("du ", "au ")),
    ("O ", ("do ", "ao ", "no ", "pelo ")),
)
_WINDOW = 60

DOMAIN, NORMAL, ACRONYM, RISKY_CLASS = 0, 1, 2, 3
_BASE_CONFIDENCE = {DOMAIN: 0.95, NORMAL: 0.95, ACRONYM: 0.85, RISKY_CLASS: 0.8}


@dataclass(slots=True)
class _Key:
    length: int
    klass: int
    candidates: list[tuple[str, str | None]]  # (outlet_id, country) in priority order
    negative: re.Pattern[str] | None
    negative_before: re.Pattern[str] | None


def _classify(alias: str, kind: str) -> int:
    folded = alias.casefold()
    if folded in RISKY:
        return RISKY_CLASS
    if kind == "domain" or ("." in alias and " " not in alias and not alias.endswith(".")):
        return DOMAIN
    if " " in alias or not (alias.isupper() or alias.islower()):
        return NORMAL
    return ACRONYM if sum(map(str.isalpha, alias)) <= 5 else NORMAL


def _surface_forms(alias: str, klass: int) -> set[str]:
    if klass == ACRONYM:
        return {alias}
    if klass == DOMAIN:
        return {alias, alias.lower(), alias.upper(), alias[:1].upper() + alias[1:].lower()}
    forms = {alias}
    for article, others in _ARTICLE_FORMS:
        if alias.startswith(article):
            forms |= {other + alias[len(article) :] for other in others}
    if sum(map(str.isalpha, alias)) >= 4:
        forms |= {f.upper() for f in list(forms)}
    head, _, rest = alias.partition(" ")
    if rest and len(head) >= 3 and head.isupper() and head.isalpha():
        forms.add(head.title() + " " + rest)  # "RIA Novosti" as "Ria Novosti"
    return forms


class MentionMatcher:
    """Find outlet aliases and domains in text with case, boundary and context rules.

    ``entries`` are ``(surface, outlet_id, country, kind)`` with kind ``'alias'`` or
    ``'domain'``, in priority order (the first outlet of a shared alias is its default).
    """

    def __init__(self, entries: list[tuple[str, str, str | None, str]]) -> None:
        keys: dict[str, _Key] = {}
        for surface, oid, country, kind in entries:
            surface = " ".join(surface.split())
            if not surface:
                continue
            klass, folded = _classify(surface, kind), surface.casefold()
            negative = NEGATIVE_FOLLOW.get(folded)
            negative_before = NEGATIVE_PRECEDE.get(folded)
            for form in _surface_forms(surface, klass):
                key = keys.get(form)
                if key is None:
                    keys[form] = _Key(len(form), klass, [(oid, country)], negative, negative_before)
                    continue
                key.klass = max(key.klass, klass)  # the stricter rule wins
                key.negative = key.negative or negative
                key.negative_before = key.negative_before or negative_before
                if all(oid != c[0] for c in key.candidates):
                    key.candidates.append((oid, country))
        self._keys = list(keys.values())
        # (First 3,000 ABP articles: one pass over the 5,365 forms cost 57 us a text, 110 us
        # with pyahocorasick's iter.)
        self._finder = LiteralFinder(keys) if keys else None

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def surfaces(self) -> list[str]:
        """Every surface form the matcher looks for: a mention :meth:`find` reports is one of
        them as written."""
        return [] if self._finder is None else list(self._finder.words)

    def find(
        self, text: str, found: list[tuple[int, int, int]] | None = None
    ) -> list[tuple[int, int, str, str, float]]:
        """Non-overlapping mentions ``(start, end, outlet_id, matched, confidence)`` in text
        order; of overlapping candidates the longest wins, then the leftmost. ``found``: every
        occurrence of the surface forms in ``text`` as (index in :attr:`surfaces`, start,
        end), in any order, when another pass found them."""
        if self._finder is None or not text:
            return []
        n = len(text)
        hits: list[tuple[int, int, str, float]] = []
        for index, start, end in self._finder.hits(text) if found is None else found:
            key = self._keys[index]
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            if end < n and (text[end].isalnum() or text[end] == "_"):
                continue
            if key.klass == ACRONYM and _glued(text, start, end):
                continue
            if key.negative is not None and key.negative.match(text, end, min(n, end + 40)):
                continue
            if key.negative_before is not None and key.negative_before.search(
                text, max(0, start - 20), start
            ):
                continue
            chosen = self._choose(text, start, end, key)
            if chosen is not None:
                hits.append((start, end, chosen[0], chosen[1]))
        if not hits:
            return []
        # Longest first, so "the Associated Press of Pakistan" beats "the Associated Press".
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        kept: list[tuple[int, int, str, float]] = []
        for hit in hits:
            if all(hit[1] <= k[0] or hit[0] >= k[1] for k in kept):
                kept.append(hit)
        kept.sort()
        return [(s, e, oid, text[s:e], conf) for s, e, oid, conf in kept]

    def _choose(self, text: str, start: int, end: int, key: _Key) -> tuple[str, float] | None:
        base = _BASE_CONFIDENCE[key.klass]
        if key.klass == ACRONYM and key.length <= 2:
            base = 0.8
        if key.klass != RISKY_CLASS and len(key.candidates) == 1:
            return key.candidates[0][0], base  # the fast, common path
        # A country word right before the name ("Pakistan's Dawn") is decisive; one elsewhere
        # in the sentence ("..., the Kenyan daily said") only breaks ties.
        strict = _country_before(text, start)
        if strict is not None:
            for oid, country in key.candidates:
                if country == strict:
                    return oid, 0.9
            if key.klass == RISKY_CLASS:
                return None
        if key.klass == RISKY_CLASS and not _has_cue(text, start, end):
            return None
        loose = _country_in_sentence(text, start, end)
        if loose is not None:
            for oid, country in key.candidates:
                if country == loose:
                    return oid, 0.75
        if len(key.candidates) == 1:
            return key.candidates[0][0], base
        return key.candidates[0][0], 0.6


def _glued(text: str, start: int, end: int) -> bool:
    """An acronym glued to a word by a hyphen or slash ("RT-PCR", "PCR-RT") is not a name."""
    before = text[start - 2 : start] if start >= 2 else ""
    after = text[end : end + 2]
    return (len(after) == 2 and after[0] in "-/" and after[1].isalnum()) or (
        len(before) == 2 and before[1] in "-/" and before[0].isalnum()
    )


def _country_before(text: str, start: int) -> str | None:
    """Country of the nearest country word at most three words before ``start``."""
    window = text[max(0, start - _WINDOW) : start]
    last = None
    for match in _COUNTRY_RE.finditer(window):
        last = match
    if last is None or not _WORDS_BETWEEN.match(window, last.end()):
        return None
    return COUNTRY_WORDS[last.group(0)]


_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"“‘'(])|\n")


def _country_in_sentence(text: str, start: int, end: int) -> str | None:
    """Country of the nearest country word in the same sentence (before, then after)."""
    before = text[max(0, start - 2 * _WINDOW) : start]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    last = None
    for match in _COUNTRY_RE.finditer(before):
        last = match
    if last is not None:
        return COUNTRY_WORDS[last.group(0)]
    after = text[end : end + 2 * _WINDOW]
    stop = _SENTENCE_BREAK.search(after)
    match = _COUNTRY_RE.search(after, 0, stop.start() if stop else len(after))
    return COUNTRY_WORDS[match.group(0)] if match else None


def _has_cue(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - _WINDOW) : start]
    if _is_definition(text, start, end):
        return False
    return bool(_PRE_CUE.search(before) or _POST_CUE.match(text, end, min(len(text), end + 60)))


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "de", "du", "la", "&"})
_DEFINED_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _is_definition(text: str, start: int, end: int) -> bool:
    """ "Aam Aadmi Party (AAP)": the bracketed name is an abbreviation the words before it
    spell out, not an agency credit."""
    if start < 2 or text[start - 1] != "(" or text[end : end + 1] != ")":
        return False
    letters = "".join(ch for ch in text[start:end] if ch.isalpha()).upper()
    words = [
        w
        for w in _DEFINED_WORDS.findall(text, max(0, start - 80), start - 1)
        if w.lower() not in _SMALL_WORDS
    ]
    if len(words) < len(letters):
        return False
    return "".join(w[0] for w in words[-len(letters) :]).upper() == letters
