"""Outlets no registry holds, named with no outlet word (issue 18): "reports the Jewish Virtual
Library", "according to reports by News4SA", "first reported in the Forward", "the Catholic
Herald has just reported".

A capitalised name in a citation slot of its own (``slots``: "reported by X", ", reports X",
"X has reported", "first reported in X", "wrote on X", "according to X", "told X", ...) is an
outlet when the text gives evidence enough. The decision is a score (``evidence``):

| evidence | weight |
| --- | --- |
| the slot is a publishing one ("reported by", "first reported in", ", reports X", "X has reported") | 1 |
| the name is shaped as a site's: a domain ("MedPage.com"), capitals inside a word ("HotAir"), a digit ("News4SA") | 2 |
| the name, of two words or more, is written after "the" somewhere in the text ("the Jewish Virtual Library") | 1 |
| the name is set off by a descriptor somewhere in the text ("X, a news website", "X, a blog") | 2 |
| the name is followed by a media noun somewhere in the text ("the X piece", "X's website"; a name of two words or a site's shape only) | 1 |
| the name is the subject of a publishing verb elsewhere in the text ("X reported", "X published") | 1 |

A name is an outlet at a score of 2 or more with at least one of the form rows (shape, "the",
descriptor, media noun): a person is never written "the X" nor "X's website", so a slot and a verb alone
("reported by John Smith ... Smith reported") never make one. Vetoed first: a word that ends an
organisation's or a place's name (``org_nouns``/``not_person_words`` less the words mastheads
end in), a country, a month or weekday, a name in capitals only (an acronym: "the ADL"), a
social platform or search engine (``not_outlet_names``: LABELLING.md leaves them out), a name
of one word after "the" ("the Pentagon reported": institutions, where outlets of one word are
mostly registered: the Intercept, the Blaze, the Atlantic).
"""

from __future__ import annotations

import re
from functools import cache

from provenance.attribution._scan import AnchorWords
from provenance.attribution._wordlists import words
from provenance.attribution.patterns import (
    DESCRIPTOR,
    MONTH,
    NAME,
    OUTLET_WORDS,
    ROLE_RE,
    WEEKDAY,
    trie_pattern,
)
from provenance.attribution.reverse import ReverseMatcher
from provenance.literals import find_all

try:
    from provenance.outlets.codes import COUNTRY_WORDS
except ImportError:  # without the outlets stage no country word is known
    COUNTRY_WORDS = {}

# Cues whose object is the outlet, publishing ones first (weight 1), then the plain ones.
_PUBLISHING_RIGHT = (
    "reported by", "reports by", "first reported in", "first reported by", "first reported on",
    "published in", "published by", "published on", "wrote in", "wrote on", "writing in",
    "writing on", "writes in", "writes on",
)  # fmt: skip
_PLAIN_RIGHT = ("according to", "told", "interview with", "quoted by", "cited by")
_ENT = rf"(?P<ent>(?:the[ \t]+)?{NAME})"
_RIGHT_RE = re.compile(rf"(?P<cue>{trie_pattern((*_PUBLISHING_RIGHT, *_PLAIN_RIGHT))})[ \t]+{_ENT}")
# ", reports the X": the verb after a clause, its outlet after it.
_INVERTED_RE = re.compile(rf"report(?:s|ed)[ \t]+{_ENT}")
_CLAUSE_END_RE = re.compile(r"[,”\"'][ \t]*$")
# "X reported", "X has just reported", "X first reported": the outlet before the verb.
_LEFT_RE = re.compile(r"report(?:s|ed)(?![\w\-])")
_LEFT_NAME = ReverseMatcher(
    rf"(?<![\w'’\-])(?P<ent>(?:[Tt]he[ \t]+)?{NAME})[ \t]+"
    r"(?:has[ \t]+(?:just[ \t]+|also[ \t]+)?|had[ \t]+|first[ \t]+|also[ \t]+)?"
)
# Every slot starts with one of these words, found in the pass citations' cue anchors make
# over a text (their family's automaton, read once: AnchorWords.starts): a regex scan of the
# whole text cost ~280 us an ABP article.
# ("first reported in X" is read from its "report"; "first" and "via", the only words the cue
# anchors lack, would add ~4 hits an ABP text to every scan of the family.)
_ANCHOR_WORDS = ("report", "published", "wrote", "writing", "writes", "according", "told",
                 "interview", "quoted", "cited")  # fmt: skip
_ANCHORS = AnchorWords(_ANCHOR_WORDS, family="provenance.attribution.citations")
_WORD_BEFORE_RE = re.compile(r"[\w\-]")
_PUBLISHING = frozenset(_PUBLISHING_RIGHT)

# A site's shape: a domain ("MedPage.com": weight 2); capitals inside a word ("HotAir",
# "IndieWire"; not "McConnell", "MacArthur", "DeSantis": a lower-case run of two or more
# before the inner capital, "Mac" left out) or a digit in a word of letters ("Pix11",
# "News4SA"): weight 1, as companies are written so too ("YouGov", "FactSet", "AirAsia").
_DOMAIN_SHAPE_RE = re.compile(r"\.(?:com|org|net|co\.uk|tv|io)(?![\w\-])")
_WORD_SHAPE_RE = re.compile(r"(?<![\w])(?!Mac)[A-Z][a-z]{2,}[A-Z]|[A-Za-z]\d|\d[A-Za-z]")
# Nouns of a piece of journalism or a masthead, after the name ("the Monkey Cage blog", "X's
# column"): none is also a verb ("Parnas show his efforts", "X reports" are not read here).
_MEDIA_NOUNS = (
    "piece", "article", "story", "blog", "podcast", "column", "columnist", "editorial", "op-ed",
    "segment", "headline", "reporter", "reporters", "magazine", "newsletter", "website",
)  # fmt: skip
_MEDIA_AFTER = rf"(?:['’]s?)?[ \t]+{trie_pattern(_MEDIA_NOUNS)}(?![\w\-])"
# A descriptor set off after the name: "Pro Publica , a news website ,", "Filter, a magazine".
_APPOSED_NOUNS = (*_MEDIA_NOUNS, "site", "outlet", "publication", "newspaper", "channel",
                  "network", "show", "program", "programme", "radio", "station", "broadcaster")  # fmt: skip
_APPOSED_MEDIA = (
    r"[ \t]*,[ \t]+(?:an?|the)[ \t]+(?:[\w\-]+[ \t]+){0,3}?"
    rf"{trie_pattern(_APPOSED_NOUNS)}(?![\w\-])"
)
_VERB_AFTER = (
    r"[ \t]+(?:has[ \t]+|had[ \t]+|first[ \t]+|also[ \t]+)?(?:reported|reports|published"
    r"|publishes|broadcast|aired|revealed)(?![\w\-])"
)
# The words mastheads end in (kept out of the organisation vetoes: "the Jewish Virtual Library").
_MASTHEAD_ENDS = frozenset(
    "Times Post News Press Magazine Journal Tribune Herald Daily Network Reports Library"
    " Review".split()
)


@cache
def _vetoed_words() -> frozenset[str]:
    """Words that make a name an organisation's, a place's or a platform's."""
    found = {*words("org_nouns"), *words("not_person_words"), *words("not_outlet_names")}
    return frozenset(found - _MASTHEAD_ENDS)


_VETO_RE = re.compile(rf"^(?:{MONTH}|{WEEKDAY})$")


def vetoed(name: str) -> bool:
    """Whether ``name`` (no "the") cannot be an unregistered outlet (see the module's text)."""
    tokens = name.split()
    if not tokens or not any(ch.islower() for ch in name) or _VETO_RE.match(name):
        return True
    if name in COUNTRY_WORDS or any(t in COUNTRY_WORDS for t in tokens):
        return True
    # A role ("the Special Rapporteur", "the IRS Inspector General"): a person's office.
    return not _vetoed_words().isdisjoint(tokens) or ROLE_RE.search(name) is not None


_MEDIA_AFTER_RE = re.compile(_MEDIA_AFTER)
_APPOSED_MEDIA_RE = re.compile(_APPOSED_MEDIA)
_VERB_AFTER_RE = re.compile(_VERB_AFTER)
_THE_BEFORE_RE = re.compile(r"(?<![\w\-])[Tt]he[ \t]+$")
_NAME_EDGE_RE = re.compile(r"[\w\-]")


def _occurrences(text: str, name: str) -> list[int]:
    """Where ``name`` stands in ``text`` as a whole name (no word character at either edge)."""
    size = len(name)
    return [
        at
        for at in find_all(text, name)
        if not (at and _NAME_EDGE_RE.match(text, at - 1))
        and not _NAME_EDGE_RE.match(text, at + size)
    ]


def evidence(text: str, name: str, slot: str) -> tuple[int, bool]:
    """(score, whether a form row holds) of ``name`` (no "the") as an outlet in ``text``, found
    in a ``slot`` of SLOTS (weights: the module's table). Read at the name's occurrences with
    fixed patterns (a pattern built per name cost ~170 us an ABP article in compiling)."""
    shape = 2 if _DOMAIN_SHAPE_RE.search(name) else 1 if _WORD_SHAPE_RE.search(name) else 0
    # A media noun after a word alone may follow a surname ("another Booker piece", "the Daniels
    # story": ABP 0-8,000, read): it counts after a name of two words or a site's shape.
    several = " " in name
    the = media = verbs = 0
    for at in _occurrences(text, name):
        end = at + len(name)
        the = the or (several and _THE_BEFORE_RE.search(text, max(0, at - 5), at) is not None)
        if _APPOSED_MEDIA_RE.match(text, end):
            media = 2
        elif (several or shape) and _MEDIA_AFTER_RE.match(text, end):
            media = max(media, 1)
        verbs += _VERB_AFTER_RE.match(text, end) is not None
    verb = verbs > (slot == "left")  # a publishing verb beyond the slot's own "X reported"
    form = shape + int(the) + media
    return (slot != "plain") + form + int(verb), form > 0


def is_outlet(text: str, name: str, slot: str) -> bool:
    """Whether the unregistered ``name`` (no "the") found in ``slot`` names an outlet here (the
    scored rule)."""
    if vetoed(name):
        return False
    score, form = evidence(text, name, slot)
    return form and score >= 2


SLOTS = ("left", "publishing", "plain")  # "X reported"; "reported by X"; "according to X"
# A name that runs on: into the next sentence of tokenised copy without its stop ("via CNN The
# story goes on", "told NJ.com Mark Anderl needed"): cut before an inner "The" and after a
# domain.
_RUN_ON_RE = re.compile(r"[ \t]+The(?:[ \t].*)?$|(?<=\.com|\.org|\.net)[ \t].*")
# The name goes on as an outlet-like phrase the cue rules read ("wrote in the New Hampshire
# newspaper"), or is one's start; a credit line ("originally published by").
_OUTLET_NEXT_RE = re.compile(rf"[ \t]+(?:{DESCRIPTOR}|{OUTLET_WORDS})(?![\w\-])")
_WROTE_IN = frozenset({"wrote in", "writes in", "writing in"})
_CREDIT_BEFORE_RE = re.compile(r"(?:originally|first)[ \t]+$")
# The name is a possessive or a modifier: "the Iowa Democratic Party's reported results", "a
# report by the Heritage Foundation's Brett Schaefer", "in the El Paso shooter's manifesto".
_POSSESSIVE_RE = re.compile(r"['’][ \t]?s(?![\w\-])")
_MODIFIER_NEXT_RE = re.compile(r"[ \t]+[a-z][\w\-]*[ \t]?['’][ \t]?s(?![\w\-])")
# "the North Korea-focused 38 North website", "the CBS-owned Simon & Schuster": a word of
# the name modifies.
_MODIFIER_END_RE = re.compile(r"-[a-z]+(?![\w\-])")


def _modifies(text: str, name: str, end: int) -> bool:
    """Whether ``name``, ending at ``end``, is a possessive or modifies a noun after it."""
    if _POSSESSIVE_RE.search(name) is not None or _MODIFIER_END_RE.search(name) is not None:
        return True
    return bool(_POSSESSIVE_RE.match(text, end) or _MODIFIER_NEXT_RE.match(text, end))


_AUXILIARIES = frozenset({"has", "had", "just", "also", "first"})


def _capital_before(text: str, at: int) -> bool:
    """Whether the word before ``at``, past "has", "had", "just", "also", "first", is
    capitalised: what a name before "reported" needs, asked before the reversed match (most
    "reported" follow a lower-case word: "it was reported")."""
    words = text[max(0, at - 40) : at].split()
    while words and words[-1] in _AUXILIARIES:
        words.pop()
    return bool(words) and words[-1][:1].isupper()


def _slot_at(text: str, at: int) -> tuple[re.Match[str], str, int] | None:
    """The slot whose anchor word starts at ``at``: (its name's match, its kind, its start)."""
    m = _RIGHT_RE.match(text, at - 6) if at >= 6 and text.startswith("first ", at - 6) else None
    m = m or _RIGHT_RE.match(text, at)
    if m is not None:
        cue = " ".join(m["cue"].split())
        return m, "publishing" if cue in _PUBLISHING else "plain", m.start()
    if not text.startswith("report", at):
        return None
    if _CLAUSE_END_RE.search(text, max(0, at - 4), at):
        m = _INVERTED_RE.match(text, at)
        return None if m is None else (m, "publishing", at)
    if _LEFT_RE.match(text, at) is None or not _capital_before(text, at):
        return None
    before = _LEFT_NAME.match_before(text, at, 100)
    return None if before is None else (before, "left", before.start("ent"))


def slots(text: str) -> list[tuple[str, int, int, int, str]]:
    """(name as written, its start, the slot's start and end, its kind of SLOTS) of every
    citation slot of ``text`` that holds a capitalised name."""
    found = []
    last = 0
    for at in _ANCHORS.starts(text):
        if at < last or (at and _WORD_BEFORE_RE.match(text, at - 1)):
            continue
        slot = _slot_at(text, at)
        if slot is None:
            continue
        m, kind, start = slot
        ent, ent_start = m["ent"], m.start("ent")
        if kind == "left":
            end = at + len(_LEFT_RE.match(text, at).group(0))  # type: ignore[union-attr]
            if not _modifies(text, ent, ent_start + len(ent)):
                found.append((ent, ent_start, start, end, kind))
            last = end
            continue
        last = m.end()
        name = _RUN_ON_RE.sub("", ent)
        if _skipped(text, m, name):
            continue
        found.append((name, ent_start, start, ent_start + len(name), kind))
    return found


def _skipped(text: str, m: re.Match[str], name: str) -> bool:
    """Whether the name a right-hand slot ``m`` found is left out: it runs on into an outlet
    phrase the cue rules read, the slot is a credit line, the name modifies, or a book's title
    follows "wrote in"."""
    ent_end = m.start("ent") + len(name)
    if len(name) == len(m["ent"]) and _OUTLET_NEXT_RE.match(text, ent_end):
        return True
    cue = " ".join((m.groupdict().get("cue") or "reports").split())
    if _CREDIT_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
        return True
    return _modifies(text, name, ent_end) or (cue in _WROTE_IN and name.startswith("The "))
