"""Who speaks: people with their roles, attribution clauses, and 'the minister' -> a name.

One :class:`People` per article collects every "role + name" mention ("Russian Foreign
Minister Sergey Lavrov", "Kremlin spokesman Dmitry Peskov", "Sergey Lavrov, Russia's foreign
minister,") and resolves a speaker phrase as written: a surname gets the full name and role
("Lavrov" -> "Sergey Lavrov", "Russian Foreign Minister"), "the minister" the nearest preceding
person whose role has that noun, "he"/"she" the nearest preceding person or speaker.

>>> people = People("Russian Foreign Minister Sergey Lavrov spoke. Later the minister left.")
>>> people.resolve("the minister", 50)
('Sergey Lavrov', 'Russian Foreign Minister')
>>> people.resolve("Lavrov", 60)
('Sergey Lavrov', 'Russian Foreign Minister')
"""

from __future__ import annotations

import bisect
import re

from provenance.attribution.patterns import CAP, CONNECTOR, DESCRIPTOR, NAME, ROLE_NOUNS, VERB

# A person's name: 1-4 capitalised words (no possessives, no role nouns: checked after).
PNAME = r"[A-Z][a-zA-Z'’\-]+(?:[ \t]+(?:(?:de|van|von|al|bin|ibn|da|del|la|le)[ \t]+)?[A-Z][a-zA-Z'’\-]+){0,3}"
ROLE_NAME_RE = re.compile(rf"\b(?P<noun>(?i:{ROLE_NOUNS}))[ \t]+(?P<name>{PNAME})")
APPOSITIVE_RE = re.compile(
    rf"(?P<name>{PNAME}),[ \t]+(?P<role>(?:(?:the|a|an)[ \t]+)?(?:[A-Z][\w'’\-]*[ \t]+){{0,3}}"
    rf"(?:[a-z][\w\-]*[ \t]+){{0,3}}?(?i:{ROLE_NOUNS})(?:[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?"
    rf"{CAP}(?:[ \t]+{CAP}){{0,3}})?)[ \t]*[,.;]"
)
# Lower-case words that belong to a role before its noun ("foreign ministry spokeswoman").
_ROLE_LOWER = frozenset(
    "foreign ministry defence defense deputy prime former state interior finance senior chief "
    "press military security health economy trade justice top acting party government "
    "opposition national regional local police army presidential kremlin senate house "
    "economic energy education ruling".split()
)
_NOT_NAME = frozenset(
    "The A An And But Meanwhile However Also On In At As When While Then After Before Earlier "
    "Later Speaking Asked According This That These Those It He She They We I Mr Mrs Ms Dr "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Last Next Since Until".split()
)
_ROLE_WORD_RE = re.compile(rf"^(?i:{ROLE_NOUNS})$")
_TOKEN_RE = re.compile(r"[\w'’.\-]+")
_HONORIFIC = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr.".split())

# A speaker as written: a capitalised run (with its role), "the minister", or a pronoun.
SPEAKER = (
    rf"(?:{CAP}(?:[ \t]+(?:{CONNECTOR}[ \t]+)?{CAP}){{0,7}}"
    rf"|(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er)[ \t]+(?:[\w'’\-]+[ \t]+){{0,4}}?"
    rf"(?i:{ROLE_NOUNS}|ministry|government|embassy|department|office|company|spokesperson"
    r"|source|sources|officials|statement|report|military|army|police|agency|group|party"
    r"|court|council|committee|commission|organi[sz]ation|union|alliance|bloc)"
    r"|[Hh]e|[Ss]he|[Tt]hey|[Oo]fficials|[Ss]ources)"
)
# ", speaking at the forum," or " for the Kremlin" between a speaker and the verb.
_INSERT = rf"(?:,[^,\"“”\n]{{1,80}},|[ \t]+(?:for|of|at|from)[ \t]+(?:the[ \t]+)?{NAME})?"
_ADVERB = r"(?:[ \t]+(?:also|further|then|later|earlier|again|previously|reportedly|has|had|have|was|once|separately|[a-z]+ly))?"
ATTRIBUTION_RE = re.compile(
    rf"(?P<spk>{SPEAKER}){_INSERT}{_ADVERB}[ \t]+(?P<verb>{VERB})\b"
    rf"|(?P<acc>(?i:according[ \t]+to))[ \t]+(?P<acc_spk>{SPEAKER})"
)
# Right after a closing quote: ', said Lavrov' or ', Lavrov said' (optionally ', he said').
POST_ATTRIBUTION_RE = re.compile(
    rf"[ \t]*,?[ \t]*(?:(?P<verb1>{VERB})[ \t]+(?P<spk1>{SPEAKER})"
    rf"|(?P<spk2>{SPEAKER}){_INSERT}{_ADVERB}[ \t]+(?P<verb2>{VERB})\b"
    rf"|(?P<acc>(?i:according[ \t]+to))[ \t]+(?P<acc_spk>{SPEAKER}))"
)
_DOC_NOUNS = (
    r"statement|declaration|communiqu[eé]|report|letter|document|resolution|decree"
    r"|memo(?:randum)?|agreement|treaty|readout|transcript|post|tweet|message|notice"
    r"|press[ \t]+release|release|bill|law|order|plan|strategy|doctrine|indictment|ruling"
    r"|verdict|filing|complaint|petition|manifesto|editorial|constitution|charter|accord"
)
_PERSON_LIST = rf"{PNAME}(?:(?:,[ \t]*|[ \t]+and[ \t]+){PNAME}){{0,5}}"
# Quotes from documents: "X and Y signed a joint statement ..., stating that ... "...""
DOCUMENT_RE = re.compile(
    rf"(?:(?P<signers>{_PERSON_LIST})[ \t]+(?:[a-z]+[ \t]+)?(?:signed|issued|released|adopted"
    r"|published|put[ \t]+out|agreed[ \t]+on|approved|sent|wrote|posted)[ \t]+)?"
    rf"(?P<doc>(?:[Aa]n?|[Tt]he|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)[ \t]+(?:[\w\-]+[ \t]+){{0,3}}?"
    rf"(?:{_DOC_NOUNS}))\b(?:[ \t]+(?:on|of|about|from|by|between|issued|released|signed"
    r"|published|posted|seen|sent|adopted)\b[^,;\"“”.\n]{0,100}?)?,?[ \t]+"
    r"(?P<verb>stating|saying|which[ \t]+(?:said|says|states|stated|reads|read|declares|declared)"
    r"|that[ \t]+(?:said|says|states|stated|reads|read)|reads|read|reading|states|stated|says|said"
    r"|declares|declared|noted|notes|warned|warns|called[ \t]+for|calls[ \t]+for|urged|urges)\b"
)
# An outlet phrase to the right of a cue: "Hungary's Magyar Nemzet newspaper", "the state news
# agency Xinhua", "the German weekly Der Spiegel", "Reuters".
_FILLER = (
    r"(?:(?!(?:in|at|on|of|to|from|for|with|by|during|after|before|about|that|when|while|and"
    r"|but|as|reporters|journalists|the|a|an)\b)[a-z][\w\-]*[ \t]+)"
)
OUTLET_PHRASE = (
    rf"(?:(?:the|a|an|The)[ \t]+)?{_FILLER}{{0,2}}?(?:{DESCRIPTOR}[ \t]+)?"
    rf"{NAME}(?:[ \t]+{DESCRIPTOR})?"
)
ADDRESSEE_RE = re.compile(
    rf"\b(?:told|to|with|for)[ \t]+(?P<ent>{OUTLET_PHRASE})|\b(?:in|on)[ \t]+(?:an?[ \t]+)?"
    rf"(?P<ent2>{NAME})[ \t]+(?:interview|broadcast|programme|program|show)\b"
)
_PRONOUNS = {"he", "she"}
_UNNAMED_SPEAKERS = frozenset("they officials sources".split())


def split_role(phrase: str) -> tuple[str | None, str]:
    """('Russian Foreign Minister', 'Sergey Lavrov') from a capitalised run as written."""
    tokens = phrase.split()
    roles = [i for i, tok in enumerate(tokens) if _ROLE_WORD_RE.match(tok)]
    if not roles:
        return None, phrase
    last = roles[-1]
    name = " ".join(t for t in tokens[last + 1 :] if t not in _HONORIFIC)
    return " ".join(tokens[: last + 1]), name


class People:
    """People named in one text with their roles, for speaker resolution."""

    def __init__(self, text: str) -> None:
        self.mentions: list[tuple[int, str, str | None]] = []  # (position, name, role)
        for m in ROLE_NAME_RE.finditer(text):
            name = _clean_name(m.group("name"))
            if name:
                role = _extend_role(text, m.start("noun"), m.group("noun"))
                self.mentions.append((m.start(), name, role))
        for m in APPOSITIVE_RE.finditer(text):
            name = _clean_name(m.group("name"))
            if name and " " in name:
                self.mentions.append((m.start(), name, m.group("role").strip()))
        self.mentions.sort()
        self._positions = [p for p, _, _ in self.mentions]
        self.full: dict[str, str] = {}
        self.role: dict[str, str] = {}
        self.actors: list[tuple[int, str]] = []  # resolved speakers, for he/she
        for _, name, role in self.mentions:
            self._learn(name, role)

    def _learn(self, name: str, role: str | None) -> None:
        surname = name.split()[-1]
        if len(name) > len(self.full.get(surname, "")):
            self.full[surname] = name
        if role and surname not in self.role:
            self.role[surname] = role

    def learn_speaker(self, phrase: str) -> None:
        """Record a named speaker ("Joe Smith said") so that "Smith" later resolves to it."""
        role, name = split_role(phrase)
        name = _clean_name(name)
        if name and name.split()[0] not in _NOT_NAME:
            self._learn(name, role)

    def canonical(self, name: str) -> tuple[str, str | None]:
        """Full name and role of a person named in full or by surname."""
        surname = name.split()[-1]
        full = self.full.get(surname)
        if full is not None and (full == name or full.endswith(" " + name)):
            return full, self.role.get(surname)
        return name, None

    def resolve(self, phrase: str, position: int) -> tuple[str | None, str | None]:
        """(speaker, speaker_role) for a speaker phrase written at ``position``."""
        phrase = " ".join(phrase.split())
        low = phrase.lower()
        if low in _PRONOUNS:
            return self._nearest(position, None)
        if low in _UNNAMED_SPEAKERS:
            return phrase, None
        if phrase[0].islower() or low.split()[0] in (
            "the",
            "a",
            "an",
            "this",
            "that",
            "his",
            "her",
        ):
            noun = low.split()[-1]
            if _ROLE_WORD_RE.match(noun):
                speaker, role = self._nearest(position, noun)
                if speaker is not None:
                    return speaker, role
            return phrase, None
        role, name = split_role(phrase)
        name = _clean_name(name)
        if not name:
            return phrase, None  # an organisation or an unnamed role: as written
        full, known_role = self.canonical(name)
        return full, role or known_role

    def _nearest(self, position: int, noun: str | None) -> tuple[str | None, str | None]:
        best: tuple[int, str, str | None] | None = None
        i = bisect.bisect_left(self._positions, position)
        for pos, name, role in reversed(self.mentions[:i]):
            if noun is None or (role is not None and noun in role.lower()):
                best = (pos, name, role)
                break
        if noun is None:
            j = bisect.bisect_left(self.actors, (position, ""))
            if j and (best is None or self.actors[j - 1][0] > best[0]):
                full, role = self.canonical(self.actors[j - 1][1])
                return full, role
        if best is None:
            return None, None
        return self.canonical(best[1])

    def add_actor(self, position: int, speaker: str) -> None:
        bisect.insort(self.actors, (position, speaker))


def clean_names(names: str) -> str:
    """A list of people as written, without leading words that are not names ("June, ...")."""
    parts = re.split(r"(,[ \t]*|[ \t]+and[ \t]+)", names)
    while len(parts) > 2 and not clean_name(parts[0]):
        parts = parts[2:]
    return "".join(parts)


def clean_name(name: str) -> str:
    """The name without honorifics, trailing role words or possessives; '' when not a name."""
    return _clean_name(name)


def _clean_name(name: str) -> str:
    tokens = [t for t in name.split() if t not in _HONORIFIC]
    while tokens and (_ROLE_WORD_RE.match(tokens[-1]) or tokens[-1].endswith(("'s", "’s"))):
        tokens.pop()
    if not tokens or tokens[0] in _NOT_NAME or any(_ROLE_WORD_RE.match(t) for t in tokens):
        return ""
    return " ".join(tokens)


def _extend_role(text: str, start: int, noun: str) -> str:
    """The role as written: the noun plus the capitalised or role words right before it."""
    words = _TOKEN_RE.findall(text[max(0, start - 60) : start])
    taken: list[str] = []
    for word in reversed(words[-4:]):
        if word in _NOT_NAME or word.endswith((".", ",")):
            break
        if word[0].isupper() or word.lower() in _ROLE_LOWER:
            taken.append(word)
        else:
            break
    return " ".join([*reversed(taken), noun])
