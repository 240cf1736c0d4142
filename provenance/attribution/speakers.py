"""Who speaks: people with their roles, attribution clauses, and 'the minister' -> a name.

One :class:`People` per article collects every "role + name" mention ("Russian Foreign
Minister Sergey Lavrov", "Kremlin spokesman Dmitry Peskov", "Sergey Lavrov, Russia's foreign
minister,") and resolves a speaker phrase as written: a surname gets the full name and role
("Lavrov" -> "Sergey Lavrov", "Russian Foreign Minister"), "the minister" the nearest preceding
person whose role has that noun (else the "a/one ... minister" phrase that introduced an unnamed
one), "he"/"she" the nearest preceding person or speaker of that gender, as far as the article
tells it (a gendered role, or the he/she that follows the name). Names are Unicode ("Balázs
Tóth-Szentgyörgyi") and may hold particles ("Faisal bin Abdulrahman Al Saud").

Spanish, French, German, Portuguese and Italian: role nouns and articles ("el portavoz de la
Cancillería, Lin Haoran" introduces a person, "la portavoz" resolves to her), German compound
roles ("Innenministerin Birgit Haslauer", "der SPD-Politiker"), subject pronouns (él/ella,
il/elle, er/sie, ele/ela, lui/lei), compound tenses ("a déclaré", "ha detto") and the speaker
after the verb (", dijo hoy lunes el portavoz", "a-t-il ajouté", "so der Minister weiter").

>>> people = People("Russian Foreign Minister Sergey Lavrov spoke. Later the minister left.")
>>> people.resolve("the minister", 50)
('Sergey Lavrov', 'Russian Foreign Minister')
>>> people.resolve("Lavrov", 60)
('Sergey Lavrov', 'Russian Foreign Minister')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

from provenance.attribution._paragraphs import Paragraphs
from provenance.attribution._scan import AnchoredScan
from provenance.attribution._wordlists import words
from provenance.attribution.patterns import (
    ABBREVIATED_TITLE,
    ACCORDING_WORDS,
    AUXILIARY,
    CAP,
    CONNECTOR,
    DESCRIPTOR,
    LETTER,
    LOWER,
    NAME,
    NAME_CHAR,
    ROLE_WORDS,
    ROLE_WORDS_EN,
    UPPER,
    VERB,
    VERB_WORDS,
    WEEKDAY,
    WHEN,
    both_cases,
    trie_pattern,
)
from provenance.attribution.reverse import ReverseMatcher, reverse_regex, reversed_text

# A person's name: 1-4 capitalised words (no possessives, no role nouns: checked after).
_PARTICLE = r"(?:(?:al|el|ad|as|an|ar|at|az|bin|ibn)-)?"
# Lower-case words inside a person's name: "Faisal bin Abdulrahman", "Moreno de la Vega".
NAME_PARTICLES = frozenset(words("name_particles"))
_PARTICLES = "|".join(sorted(NAME_PARTICLES, key=lambda w: (-len(w), w)))
_PWORD = rf"{UPPER}{NAME_CHAR}+"
# A middle initial inside a name, before a further capitalised word: "Richard E. Neal", "Lisa
# S. Blatt", "Wilton D. Gregory" (dev, heldout2 and a fresh ABP sample, session 10: seven named
# speakers lost at the initial, cut to "Richard" or not read as a name at all).
_INITIAL = rf"{UPPER}\.(?=[ \t]{UPPER})"
_PWORD_OR_INITIAL = rf"(?:{_PWORD}|{_INITIAL})"
# Initials before the first name, glued or spaced: "J.J. Kinahan", "J.B. Pritzker", "H. R.
# McMaster" (seed 1611 C, PTC: "said J.J. Kinahan, chief market strategist" went to no one,
# "Gov. J.B. Pritzker said" to "J.B"; ABP 0-8,000: ~90 such names). Not "U.S.", "U.N.", "U.K.",
# "E.U.", "D.C." ("U.S. Senate"; a country inside a speaker phrase lost Bolton's quotes in
# session 18).
_LEAD_INITIALS = rf"(?:(?!U\.[SNK]\.|E\.U\.|D\.C\.){UPPER}\.(?:[ \t]?{UPPER}\.){{1,2}}[ \t]+)?"
PNAME = (
    rf"{_LEAD_INITIALS}{_PARTICLE}{_PWORD}(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,2}}{_PARTICLE}{_PWORD_OR_INITIAL})"
    r"{0,4}"
)
# Role nouns in any case without the cost of a case-insensitive alternation.
# Role words as written: "minister", "Minister", "Vice-President", "MP".
# The shared role nouns and the occupations only speakers read (occupation_nouns.txt).
_SPEAKER_ROLES = ROLE_WORDS | set(words("occupation_nouns"))
_SPEAKER_ROLE_NOUNS = trie_pattern(_SPEAKER_ROLES) + r"(?![\w\-])"
_ROLE_VARIANTS = {
    v for w in _SPEAKER_ROLES for v in (w, w.capitalize(), w.title(), *([w.upper()] * (len(w) < 4)))
}
ROLE_ANY = trie_pattern(_ROLE_VARIANTS)
ROLE_ANY += r"(?![\w\-])"
# "Minister Sergey Lavrov", "Minister for Finance Aisha Malik", "Commissioner of Police X",
# and the role set off before the name: "his lawyer, Dana Cole," (one pass for both).
ROLE_NAME_RE = re.compile(
    rf"(?<![\w\-])(?P<noun>{ROLE_ANY})(?:(?:(?P<of>[ \t]+(?:of|for|to)[ \t]+(?:the[ \t]+)?{UPPER}"
    # "o assessor presidencial Yuri Kotelnikov": a Romance adjective after the role noun.
    rf"[\w\-]*)|(?P<adj>[ \t]+(?!{VERB}|(?:della|dello|delle|degli|para|pour|nella|sulla|dalla"
    rf"|una|uno|une|eine)(?![\w\-])){LOWER}[\w\-]{{2,}}(?<!ed)(?:al|[oae]s?|ien|ienne|aise?|ique"
    rf"|ic[oa]|an[oa]|ese)(?![\w\-])))?"
    rf"[ \t]+(?P<name>(?:{ABBREVIATED_TITLE}[ \t]+)?{PNAME})"
    # "la ministra de Transición Ecológica, Marta Villalba Ferrer,": a short tail may follow.
    # (never English function words: "the deputy of the alliance, X" stays as it was).
    rf"|(?P<tail>(?:[ \t]+(?!(?:of|for|at|the|in|on|to|and|with|from|by)(?![\w\-]))"
    rf"[\w'’\-]+){{1,6}}?)?"
    rf",[ \t]+(?P<aname>{PNAME})(?=[ \t]*[,.;]|[ \t]+{LOWER}))"
)
ROLE_NAME_SCAN = AnchoredScan(ROLE_NAME_RE, _ROLE_VARIANTS)  # matches start at a role word
# "Sergey Lavrov, Russia's foreign minister," (name, role). The name's repeats are possessive:
# a comma can only follow the last word, so shorter readings never match (same matches, ~40%
# cheaper at each capital letter that starts no appositive).
_APPOSITIVE_ROLE = (
    rf",[ \t]+(?P<role>(?:(?:the|a|an)[ \t]+)?(?:{UPPER}[\w'’\-]*[ \t]+){{0,3}}"
    rf"(?:[a-z][\w\-]*[ \t]+){{0,3}}?{ROLE_ANY}(?:[ \t]+(?:of|for|at|to|with)[ \t]+"
    r"[^,.;\n\"“”]{1,60}?)?)[ \t]*[,.;]"
)
APPOSITIVE_RE = re.compile(
    rf"(?P<name>{_PWORD}+(?:[ \t]++(?:(?:{_PARTICLES})[ \t]+){{0,2}}{_PARTICLE}"
    rf"{_PWORD}+){{1,4}}+){_APPOSITIVE_ROLE}"
)
# What follows the name's comma in every appositive: a run of name words that ends at a comma
# without it holds none (appositive_matches tries the run's capitals only after this).
_APPOSITIVE_ROLE_RE = re.compile(_APPOSITIVE_ROLE)
# Nouns that end an organisation's name ("the White House Domestic Policy Council").
ORG_NOUNS = list(words("org_nouns"))
_ORG_NOUN_SET = frozenset(ORG_NOUNS)
# Organisations that "the ministry" or "the agency" may refer back to. (The nouns as a prefix
# tree: one word at most ends at a word boundary where they are tried, so the same matches as
# their plain alternation; it is tried after every capitalised word of a text.)
ORG_RE = re.compile(
    rf"{UPPER}[\w'’\-]*(?:[ \t]+(?:of[ \t]+)?{UPPER}[\w'’\-]*){{0,3}}[ \t]+"
    rf"(?P<noun>{trie_pattern(ORG_NOUNS)})\b"
    rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?{UPPER}[\w'’\-]*(?:[ \t]+{UPPER}[\w'’\-]*){{0,2}})?"
)
# Lower-case words that belong to a role before its noun ("foreign ministry spokeswoman").
_ROLE_LOWER = frozenset(words("role_modifiers"))
_NOT_NAME = frozenset(words("not_name_words"))
# A role word, also with a prefix: "Vice-Mayor", "ex-minister", "Acting-Governor".
# German compound roles: "Innenministerin", "Konzernsprecher", "Betriebsratschef",
# "SPD-Politiker", "WHO-Regionaldirektor" (a capitalised word ending in a role noun).
_SUFFIX_WORDS = list(words("compound_role_suffixes"))
# Glued ("Innenministerin") or after a hyphen, capitalised ("SPD-Politiker").
_COMPOUND_SUFFIXES = (
    f"{trie_pattern(_SUFFIX_WORDS)}|-{trie_pattern(w.capitalize() for w in _SUFFIX_WORDS)}"
)
COMPOUND_ROLE = rf"{UPPER}[\w\-]*?(?:{_COMPOUND_SUFFIXES})(?![\w\-])"
# (Speaker phrases are matched lower-cased too: "spd-politiker"; never "administer".)
_ROLE_WORD_RE = re.compile(
    rf"^(?:(?:(?i:vice|deputy|ex|co|acting|former|then)-)?(?:{ROLE_ANY})"
    rf"|(?!admin){LETTER}[\w\-]*?(?:{_COMPOUND_SUFFIXES}))$"
)
# Where a compound role may stand before a name: its suffix inside a word, then a capital;
# the suffixes are found by one Aho-Corasick pass (a regex over them is tried everywhere).
_COMPOUND_HINT_SCAN = AnchoredScan(
    re.compile(rf"(?<=[\w\-])(?:{_COMPOUND_SUFFIXES})[ \t]+(?={UPPER})"),
    [*_SUFFIX_WORDS, *(f"-{w.capitalize()}" for w in _SUFFIX_WORDS)],
)
_GERMAN_WORDS = (" der ", " die ", "Der ", "Die ")
_COMPOUND_NAME_RE = re.compile(rf"(?P<noun>{COMPOUND_ROLE})[ \t]+(?P<name>{PNAME})")
_WORD_BACK = ReverseMatcher(r"(?<![\w\-])[\w\-]+")
ROLE_WORD_IN_RE = re.compile(rf"(?<![\w\-])(?i:{_SPEAKER_ROLE_NOUNS})")
_TOKEN_RE = re.compile(r"[\w'’.\-]+")
_HONORIFIC = frozenset(words("honorifics"))
# Prepositions that open a role's tail: "the spokesman for the ministry", "la portavoz de".
_PREPOSITION_WORDS = (
    "for|of|at|from|with|de|del|du|des|di|della|dello|dei|degli|do|da|dos|das|von|vom|der"
)
_PP_RE = re.compile(rf"\s+(?:{_PREPOSITION_WORDS}|d['’]|dell['’])(?:\s+|(?<=['’]))")
_DETERMINERS = frozenset(words("determiners"))
# "the diplomat" may name anyone who spoke before, whatever their written role.
_DEFINITE = frozenset("the el la le l der die das o il lo".split())
_GENERIC_ROLES = frozenset(words("generic_roles"))
_HEAD_NOUNS = _SPEAKER_ROLES | set(words("head_nouns"))
_HEAD_WORDS = (
    _HEAD_NOUNS
    | {w.capitalize() for w in _HEAD_NOUNS}
    | {w.upper() for w in _HEAD_NOUNS if len(w) < 4}
)
_HEAD_ANY = trie_pattern(_HEAD_WORDS) + r"(?![\w\-])"

# Articles and subject pronouns of Spanish, French, German, Portuguese and Italian copy.
_ML_DETERMINER = (
    r"[Ee]l|[Ll]a|[Ll]os|[Ll]as|[Uu]na?|[Ll]e|[Ll]es|[Uu]ne|[Dd]er|[Dd]ie|[Dd]as|[Ee]ine?"
    r"|[Oo]s?|[Aa]s|[Uu]ma?|[Ii]l|[Ll]o|[Gg]li|[Ss]on|[Ss]a|[Ss]us?|[Ss]eine?|[Ii]hre?|[Ss]eu"
    r"|[Ss]ua|[Ss]uo"
)
_ARTICLE = r"(?:the|el|la|lo|los|las|le|les|der|die|das|dem|den|des|il|o|a|os|as)"
_PREPOSITION = rf"(?:{_PREPOSITION_WORDS})"
# "he"/"she" of the other languages (German "sie" may be "they": the nearest person is taken).
PRONOUN_GENDER = {
    **dict.fromkeys("he er il él ele lui".split(), "m"),
    **dict.fromkeys("she sie elle ella ela lei".split(), "f"),
}
_ML_PRONOUN = r"er|sie|il|elle|Elle|él|Él|ella|Ella|ele|Ele|ela|Ela|lui|lei|Lei"


# A title the shared CAP stops at, before a capitalised run ("the Rev. Marshall Hatch",
# "St. Clair").
_RUN_LEAD = rf"(?:(?:the[ \t]+)?(?:Rev|Msgr|Fr)\.[ \t]+|St\.[ \t]+(?={UPPER}))?"
# A lower-case modifier before capitalised words with a role and a name: "said former Virginia
# Gov. George Allen", "retired U.S. Army Col. Ann Wright" (no role: "former White House" is none).
# ("then-Sen. Jim DeMint", "then-Education Secretary John King": glued to the role.)
_MODIFIER_LEADS = "former|ex-|retired|acting|outgoing|interim"
_MODIFIER = rf"(?:(?:{_MODIFIER_LEADS})[ \t]+|then-)"
# A party tag after a US lawmaker's name: "Nancy Pelosi (D-Calif.)", "(R)", "(D., Conn.)".
# (Possessive blanks here, in ADVERB, SPEAKER_BEFORE and POST_ATTRIBUTION_RE: what stands
# before them never ends in a blank and what follows never starts with one, so the matches
# are the same; the engine no longer retries every alternative at each blank of a run of
# blanked words. First 3,000 ABP articles: SPEAKER_BEFORE 87 -> 77, POST_ATTRIBUTION_RE
# 47 -> 33 us an article.)
# (tokenised copy puts blanks inside: "Rep. Mikie Roe ( D-NJ )"; fresh ABP sample, seed 20261208)
PARTY_TAG = r"(?:[ \t]++\([ \t]?(?:[DRI]\.?|GOP)(?:[-–,][ \t]?[A-Z][\w. ]{0,14})?\))?"
# An affiliation set off like a name: ", R-Wyo.,", ", Connecticut Democrat,".
_AFFILIATION_RE = re.compile(r"^[DRI]-[A-Z]|.*\b(?:Democrat|Republican|Independent)s?$")


# A generational suffix after a name, with its full stop: "John B. King Jr. told" (heldout2 and
# a fresh ABP sample, session 10: the stop kept the name from reaching the verb).
_GENERATION = r"(?:,?[ \t]+[JS]r\.)?"


# What the right-to-left matchers test first where a reading of a speaker would end: each
# reading of a capitalised run ends in a token of name characters that holds a capital (CAP,
# "Jr."); the one opening with a modifier has it among the name characters, titles and blanks
# before; the one opening with a role has the role word right before a run of capitalised
# tokens and particles (written as look-behinds, which the reversed pattern reads as
# look-aheads from the reading's end). Each is a condition the reading's own match meets, so
# the matches are the same; a cue that does not meet it skips the reading at once instead of
# trying its splits of the run. (Session 16: on the 8,595 verb cues of the first 600 ABP
# masked texts, 36% read no speaker and 15% a pronoun or a plural, after the four long
# readings failed.)
_NAME_CHARS = rf"[\w&.'’\-{UPPER[1:-1]}]"
_CAPITAL_ENDS = rf"(?<={UPPER}{_NAME_CHARS}*?)"
# (read token by token, each token in one step: a test at every character of the ~280 read
# cost ~8 us at a cue after a capitalised word, the run of name characters reaching far back)
_MODIFIER_BEFORE = (
    rf"(?<=(?<![\w'’\-])(?:{_MODIFIER_LEADS}|then-{_NAME_CHARS}*?)(?:[ \t]+{_NAME_CHARS}++)*?)"
)
_CAPITAL_TOKENS = rf"(?:,?[ \t]+(?:{_PARTICLE}{UPPER}{_NAME_CHARS}*?|(?:{_PARTICLES})))+?"


def _speaker(
    role_nouns: str, head_nouns: str, compound_role: str, cap_roles: str, reversed_: bool = False
) -> str:
    """The speaker pattern built on the given word alternations (prefix tries to match left
    to right, suffix tries for the right-to-left matchers). ``reversed_``: for a
    :class:`ReverseMatcher` only, with each long reading's test of its end (look-behinds of
    any width, which only the reversed pattern can compile)."""
    capital, modifier, role, word = ("", "", "", r"[\w\-]+")
    if reversed_:
        capital, modifier = _CAPITAL_ENDS, _CAPITAL_ENDS + _MODIFIER_BEFORE
        role = rf"{_CAPITAL_ENDS}(?<=(?:{role_nouns}|{compound_role}){_CAPITAL_TOKENS})"
        # (a prepositional phrase's words read whole: right to left, a word cut short is
        # followed by a letter where a blank must come, so the same matches; the first 1,500
        # ABP's 9,183 cues 8.3 -> 6.9 us a cue)
        word = r"[\w\-]++"
    return (
        # "(Montana Highway Patrol) spokeswoman (Sgt.) Kristin Albrecht": up to four modifiers.
        # (an elided article may be glued to the role: "l'assessore Bruno Gatti").
        rf"(?<![\w'’\-])(?:(?:[A-Za-z][\w\-]*[ \t]+){{0,4}}(?:[lL]['’])?(?:{role_nouns}"
        rf"|{compound_role})[ \t]+{_LEAD_INITIALS}{CAP}"
        rf"(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,2}}{CAP}){{0,4}}{_GENERATION}{role}"
        rf"|(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Aa]nother"
        rf"|{_ML_DETERMINER})[ \t]+|[Ll]['’])"
        rf"(?:[\w'’\-]+[ \t]+){{0,4}}?(?:{head_nouns}|{compound_role})"
        # Up to two prepositional phrases: "la diretora de Política Monetária do Banco Central".
        rf"(?:[ \t]+{_PREPOSITION}[ \t]+(?:{_ARTICLE}[ \t]+)?(?:{word}[ \t]+){{0,2}}{word})"
        r"{0,2}"
        rf"|{_MODIFIER}(?:(?:{UPPER}\.){{2,}}[ \t]+|{CAP}[ \t]+){{0,4}}?(?:{cap_roles})[ \t]+{_LEAD_INITIALS}{CAP}"
        rf"(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,2}}{CAP}){{0,4}}{modifier}"
        rf"|{_RUN_LEAD}{_LEAD_INITIALS}{CAP}"
        rf"(?:[ \t]+(?:(?:{CONNECTOR}|{_PARTICLES})[ \t]+){{0,2}}{_LEAD_INITIALS}{CAP}){{0,7}}"
        rf"{_GENERATION}{capital}"
        rf"|(?:(?:{CAP}[ \t]+)?{CAP}['’]s[ \t]+)?(?:[Ss]tate|[Oo]fficial|{UPPER}[\w\-]*)[ \t]+media"
        rf"|[Hh]e|[Ss]he|[Tt]hey|{_ML_PRONOUN}|(?:(?:{UPPER}[\w\-]*|some|many|several|senior|local|western"
        r"|foreign|government|security|military|health|other|two|three|Some|Many|Several|Senior"
        r"|Local|Western|Foreign|Government|Security|Military|Health|Other|Two|Three)[ \t]+)?"
        r"(?:[Oo]fficials|[Ss]ources|[Ee]xperts|[Aa]nalysts|[Ww]itnesses|[Rr]esidents"
        r"|[Dd]iplomats|[Ee]conomists|[Cc]ritics|[Oo]bservers|[Pp]rotesters|[Ll]awmakers))"
    )


_WORD_END = r"(?![\w\-])"
# A speaker as written: a lower-case role with a name ("urban planner Noor Jahan"), "the
# minister" (with "for the district office"), a capitalised run (with its role), a pronoun.
# The order matters when matched right to left: the longer readings come first.
_CAP_ROLES = {w for w in _ROLE_VARIANTS if w[0].isupper()}
SPEAKER = _speaker(
    _SPEAKER_ROLE_NOUNS, _HEAD_ANY, COMPOUND_ROLE, trie_pattern(_CAP_ROLES) + _WORD_END
)
# The same, its word lists factored by suffixes: what the right-to-left matchers read (a
# reversed prefix tree would try every role word in turn).
_REVERSIBLE_WORDS = (
    trie_pattern(_SPEAKER_ROLES, suffixes=True) + _WORD_END,
    trie_pattern(_HEAD_WORDS, suffixes=True) + _WORD_END,
    rf"{UPPER}[\w\-]*?(?:{trie_pattern(_SUFFIX_WORDS, suffixes=True)}"
    rf"|-{trie_pattern((w.capitalize() for w in _SUFFIX_WORDS), suffixes=True)}){_WORD_END}",
    trie_pattern(_CAP_ROLES, suffixes=True) + _WORD_END,
)
SPEAKER_REVERSIBLE = _speaker(*_REVERSIBLE_WORDS, reversed_=True)
SPEAKER_AT_RE = re.compile(SPEAKER)
# ", speaking at the forum," or ", retired General Paul Reinholt," between speaker and verb;
# a role set off may be long (", a sociologist who studies American social policy at Indiana
# University–Purdue University Indianapolis,": fresh ABP sample, seed 20261208, three quotes
# lost at 100 characters), but a long one opens with an article: a clause is no role (", Mr.
# Netanyahu sought to play down ...," is the subject's; dev).
INSERT = r"(?:,[ \t]+(?P<ins>[^,\"“”\n()]{1,100}|(?:an?|the)[ \t]+[^,\"“”\n()]{98,156}),)?"
# Adverbs met between a speaker and the verb ("Warren often says": a fresh ABP sample, session
# 10; "Erick Erickson so bluntly put it": heldout2; "as X very clearly said").
_ADVERB_WORD = (
    r"also|further|then|later|earlier|again|previously|reportedly|often|always|never|still|once"
    r"|separately|(?:(?:so|very|too|quite|rather|more|most)[ \t]+)?[a-z]+ly"
)
# Auxiliaries, or the auxiliary of a compound tense ("Lavrov a déclaré", "il ministro ha detto").
_AUXILIARY_WORD = (
    rf"has|had|have|was|would|will|could|can|might|may|should|must|did|does|do|{AUXILIARY}"
)
ADVERB = (
    # One word, or an auxiliary and an adverb ("Patriarch Gregory III has also said:", "Trump
    # has repeatedly called it a “witch hunt”": a fresh sample, seed 1505); never two
    # auxiliaries ("Ryan may have admitted defeat ... “...,” he said" took Trump's quotes).
    rf"(?:[ \t]++(?:{_ADVERB_WORD}|(?:{_AUXILIARY_WORD})(?:[ \t]++(?:{_ADVERB_WORD}))?))?"
)
# A passive or perceived speech before the verb: "Larijani was quoted as saying", "LaPierre can
# be seen saying", "X was heard telling" (heldout and a fresh ABP sample, seed 1402: the quote
# went to no one). Only before a reporting verb; "quoted" alone is no speech verb here.
PASSIVE_SPEECH = (
    # (and a reflexive after the name: "But Trump himself insisted Monday, “...”"; dev)
    r"(?:[ \t]++(?:himself|herself))?"
    r"(?:[ \t]++(?:(?:was|is|were|are|has[ \t]+been|have[ \t]+been|had[ \t]+been|can[ \t]+be"
    r"|could[ \t]+be|may[ \t]+be)[ \t]+(?:quoted|heard|seen|overheard|recorded|filmed|caught"
    r"|cited)(?:[ \t]+as)?))?"
)
# What stands right before a reporting verb: "Lavrov (, speaking in Moscow,) (on Monday) also".
SPEAKER_BEFORE = ReverseMatcher(
    rf"(?P<spk>{SPEAKER_REVERSIBLE}){PARTY_TAG}{INSERT}{WHEN}{ADVERB}{PASSIVE_SPEECH}[ \t]++"
)
VERB_RE = re.compile(rf"(?<![\w\-])(?P<verb>{VERB})")
# Attribution cues: a reporting verb or "according to" (then a speaker after it).
# "according to" and its Spanish, French, German, Portuguese and Italian forms.
ACCORDING = (
    r"(?:[Aa]ccording[ \t]+to|[Ss]egún|[Ss]elon|[Ss]egundo|[Ss]econdo|[Ll]aut|[Dd]e[ \t]+acuerdo"
    r"[ \t]+con|[Dd]e[ \t]+acordo[ \t]+com|[Dd]['’]après)"
)
_ACCORDING_ANCHORS = set(both_cases(*ACCORDING_WORDS))
CUE_RE = re.compile(rf"(?<![\w\-])(?:(?P<verb>{VERB})|(?P<acc>{ACCORDING})(?![\w\-]))")
# Every cue starts with the first word of a verb or with "according" (in any language).
_CUE_ANCHORS = {w.split()[0] for w in VERB_WORDS} | _ACCORDING_ANCHORS
VERB_SCAN = AnchoredScan(VERB_RE, _CUE_ANCHORS)
CUE_SCAN = AnchoredScan(CUE_RE, _CUE_ANCHORS)
# Right after a closing quote: ', said Lavrov' or ', Lavrov said' (optionally ', he said').
POST_ATTRIBUTION_RE = re.compile(
    # "a déclaré le ministre", "ha detto il sindaco", "dijo hoy lunes el portavoz"; German
    # "so der Minister" (only before an article or a name: English "so" is no verb).
    rf"[ \t]*+,?[ \t]*+(?:(?P<verb1>(?:{AUXILIARY}[ \t]+)?{VERB}|so(?=[ \t]+(?:der|die|das|{UPPER}"
    rf"{LOWER})))(?:{WHEN})[ \t]+(?P<spk1>{SPEAKER})"
    # "said the foreign ministry spokesperson": the head is the last noun, not "ministry"; and
    # a name never ends inside a word ("Patro|l spokeswoman") or before "Patrol spokeswoman".
    rf"(?![\w\-]|['’]s(?![\w\-])|(?:[ \t]+{CAP}){{0,3}}[ \t]+{ROLE_ANY})"
    rf"(?:,[ \t]+(?![DRI]-{UPPER})(?P<appos1>{PNAME})(?=[ \t]*[,.;]))?"
    rf"|(?P<spk2>{SPEAKER}){PARTY_TAG}{INSERT}{WHEN}{ADVERB}{PASSIVE_SPEECH}[ \t]+(?P<verb2>{VERB})"
    # French inversion: "a-t-il ajouté", "a-t-elle dit", "dit-il", "ajoute-t-elle".
    rf"|(?P<verb3>a-t-(?P<spk3>il|elle)[ \t]+{VERB}|{LOWER}+-(?:t-)?(?P<spk4>il|elle)(?![\w\-]))"
    rf"|(?P<acc>{ACCORDING})[ \t]+(?P<acc_spk>{SPEAKER}))"
)
_DOC_NOUNS = (
    r"statement|declaration|communiqu[eé]|report|letter|document|resolution|decree"
    r"|memo(?:randum)?|agreement|treaty|readout|transcript|post|tweet|message|notice"
    r"|press[ \t]+release|release|bill|law|order|plan|strategy|doctrine|indictment|ruling"
    r"|verdict|filing|complaint|petition|manifesto|editorial|constitution|charter|accord"
    r"|notification|circular|directive|guidelines?|ordinance|proclamation|judgment|ultimatum"
    r"|note|advisory|bulletin"
)
DOC_NOUN_RE = re.compile(_DOC_NOUNS)
# The literal words whose presence DOC_NOUN_RE.search detects ("memo" covers "memorandum",
# "release" "press release", "guideline" "guidelines"), commonest in ABP first: one substring
# test each, no regex step per character (3,000 ABP articles: 43 -> ~2 us per article).
_DOC_NOUN_WORDS = (
    "law report plan bill order accord statement release tweet post message agreement note "
    "strategy memo letter document ruling constitution notice declaration communique "
    "communiqué resolution decree treaty readout transcript doctrine indictment verdict filing "
    "complaint petition manifesto editorial charter notification circular directive guideline "
    "ordinance proclamation judgment ultimatum advisory bulletin"
).split()


def has_document_noun(text: str) -> bool:
    """Whether ``text`` holds a document noun anywhere (``DOC_NOUN_RE.search(text)`` is not
    None): what gates the document attributions of a text."""
    return any(word in text for word in _DOC_NOUN_WORDS)


_PERSON_LIST = rf"{PNAME}(?:(?:,[ \t]*|[ \t]+and[ \t]+){PNAME}){{0,5}}"
# Verbs whose subject may be a document: "a joint statement ..., stating that ..."
_DOC_ONLY_VERBS = (
    "stating reads read reading states pledging promising vowing urging warning "
    "declaring noting expressing affirming reaffirming demanding condemning saying"
).split()
DOC_VERBS = frozenset(
    "said says stated declares declared noted notes warned warns urged urges".split()
    + _DOC_ONLY_VERBS
) | {"called for", "calls for", "calling for"}
DOC_EXTRA_VERB_RE = re.compile(rf"(?<![\w\-])(?:{trie_pattern(_DOC_ONLY_VERBS)})(?![\w\-])")
DOC_EXTRA_VERB_SCAN = AnchoredScan(DOC_EXTRA_VERB_RE, _DOC_ONLY_VERBS)
# Quotes from documents: "X and Y signed a joint statement on ..., stating that ... "...""
DOCUMENT_BEFORE = ReverseMatcher(
    rf"(?:(?P<signers>{_PERSON_LIST})[ \t]+(?:[a-z]+[ \t]+)?(?:signed|issued|released|adopted"
    r"|published|put[ \t]+out|agreed[ \t]+on|approved|sent|wrote|posted)[ \t]+)?"
    rf"(?P<doc>(?:[Aa]n?|[Tt]he|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)[ \t]+(?:[\w\-]+[ \t]+){{0,3}}?"
    # (a weekday after the document: "Rep. Roger Williams released a statement Thursday saying",
    # heldout2)
    rf"(?:{_DOC_NOUNS}))(?![\w\-])(?:[ \t]+{WEEKDAY})?(?:[ \t]+(?:on|of|about|from|by|between|issued|released"
    r"|signed|published|posted|seen|sent|adopted)(?![\w\-])[^,;\"“”.\n]{0,100}?)?"
    r"(?:,[ \t]+[^,;\"“”.\n()]{1,80},)?,?[ \t]+(?:(?:which|that)[ \t]+)?"
)
# An outlet phrase to the right of a cue: "Hungary's Magyar Nemzet newspaper", "the state news
# agency Xinhua", "the German weekly Der Spiegel", "Reuters".
_FILLER = (
    r"(?:(?!(?:in|at|on|of|to|from|for|with|by|during|after|before|about|that|when|while|and"
    r"|but|as|reporters|journalists|the|a|an)\b)[a-z][\w\-]*[ \t]+)"
)
OUTLET_PHRASE = (
    rf"(?:(?:the|a|an|The)[ \t]+)?{_FILLER}{{0,2}}?(?:[lL]['’])?(?:{DESCRIPTOR}[ \t]+)?"
    # German and French copy may set the name in quote marks: der „Süddeutschen Zeitung“.
    rf"(?:[„“«»\"][ \t]?)?{NAME}(?:[“”»«\"])?(?:[ \t]+{DESCRIPTOR})?"
)
# After a blank, or glued to an elided article of the cue ("all'agenzia RIA Novosti").
OUTLET_AT_RE = re.compile(rf"(?:[ \t]+|(?<=['’]))(?P<ent>{OUTLET_PHRASE})")
# An outlet phrase that ends right before a cue ("the Daily Clarion newspaper reported").
OUTLET_BEFORE = ReverseMatcher(
    rf"(?<![\w'’\-])(?P<ent>(?:(?:the|The)[ \t]+)?(?:{DESCRIPTOR}[ \t]+)?{NAME}"
    rf"(?:[ \t]+{DESCRIPTOR})?)"
)
# (The pattern opens with the set of the words' first letters, then the look-behind, then the
# word that letter starts: the regex engine skips from letter to letter in C, not a look-behind
# tried at every position. The same matches as "(?<![\w\-])(?:told|to|with|for)...". 3,000
# ABP articles: ~50 -> ~15 us a search with each word's look-behind after its letter (a branch
# entered at every position); the quotes stage's 6,161 searches in 1,000 ABP articles, same
# matches: 3.5 -> 2.2 us each with the set first.)
ADDRESSEE_RE = re.compile(
    rf"[twfio](?<![\w\-].)(?:(?:(?<=t)(?:old|o)|(?<=w)ith|(?<=f)or)[ \t]+(?P<ent>{OUTLET_PHRASE})"
    rf"|(?<=[io])n[ \t]+"
    rf"(?:an?[ \t]+)?(?P<ent2>{NAME})[ \t]+(?:interview|broadcast|programme|program|show)\b)"
)
_PRONOUNS = set(PRONOUN_GENDER)
# Any person named in two or more capitalised words ("Marjorie Pell", "Dr Amira Osman"): the
# candidates of last resort for "he"/"she" when no role or speaker names anyone nearer.
_MORE_NAME = rf"(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,2}}{_PARTICLE}{_PWORD_OR_INITIAL})"
# (The capital comes first and the look-behind after it: the engine skips to the next capital
# instead of trying the look-behind at every position; the same matches as "(?<![\w\-'’])(?:
# (?:Mr|Mrs|Ms|Dr)\.?[ \t]+{_PWORD}...|{_PWORD}...)". First 3,000 ABP articles: 158 -> 52 us a
# text, and the same 3x in the two paragraphs read for each "he"/"she".)
PERSON_RE = re.compile(
    rf"{UPPER}(?<![\w\-'’].)(?:(?:(?<=M)(?:r|rs|s)|(?<=D)r)\.?[ \t]+{_PWORD}{_MORE_NAME}{{0,4}}"
    rf"|{NAME_CHAR}+{_MORE_NAME}{{1,4}})"
)
# Capitalised words that make a run a place or an organisation, not a person.
_NOT_PERSON_WORDS = frozenset(words("not_person_words"))
# More words of places and organisations, for names taken as a pronoun's subject.
_NOT_PLACE_WORDS = frozenset(words("not_place_words"))
_GENDER_WORDS_EN = {
    **dict.fromkeys(words("gender_male_en"), "m"),
    **dict.fromkeys(words("gender_female_en"), "f"),
}
_GENDER_WORDS = {
    **_GENDER_WORDS_EN,
    **dict.fromkeys(words("gender_male_ml"), "m"),
    **dict.fromkeys(words("gender_female_ml"), "f"),
}
# A role's gender: an English role word is no Romance masculine ("director" of the White House
# Domestic Policy Council is no "el director"; dev: Cecilia Munoz's "she said" was lost to it).
_ROLE_GENDER = {
    w: g for w, g in _GENDER_WORDS.items() if w in _GENDER_WORDS_EN or w not in ROLE_WORDS_EN
}
# German compound roles: "Innenministerin" (f), "Bundesgesundheitsminister" (m).
_COMPOUND_GENDER_RE = re.compile(rf"(?:{_COMPOUND_SUFFIXES})$", re.IGNORECASE)
# A name right after a preposition is an object ("spoke to BBC Newsday"), no antecedent; so
# is one inside a noun phrase ("the visiting Denver Nuggets", "Bill Clinton's Health and Human
# Services") or owning one ("Miss King's belle").
_OBJECT_BEFORE_RE = re.compile(
    r"(?<![\w\-])(?:to|with|by|from|in|on|at|of|for|told)[ \t]+(?:the[ \t]+)?$"
)
_IN_PHRASE_BEFORE_RE = re.compile(
    # ("in"/"on"/"at": "one senior Republican on Capitol Hill said"; fresh ABP sample, seed
    # 20261208)
    r"(?:(?<![\w\-])(?:about|over|against|into|during|under|via|than)[ \t]+"
    r"|(?<![\w\-])[Tt]he[ \t]+(?:[a-z][\w\-]*[ \t]+)?|['’]s[ \t]+)$"
)
_POSSESSIVE_AFTER_RE = re.compile(r"['’]s(?![\w\-])")
# Words that open a sentence or clause before its subject.
_CLAUSE_LEADS = frozenset(words("clause_leads"))
# Those that open a subordinate clause inside a sentence, written in lower case (not "such as":
# "voters such as Meg Roe to her" names an object; heldout).
_SUBORDINATORS = frozenset("though although while when if as because since until".split())
# Those that open a main clause, whose subject follows ("But Elena Gotein, who ..., pointed");
# after "As"/"If"/"When" the name is a subordinate clause's subject ("As Jon Favreau wrote,
# ...": a fresh ABP sample, session 9, gave four of Trump's quotes to Favreau so).
_MAIN_CLAUSE_LEADS = frozenset({"But", "And", "Yet", "So", "Still"}) & _CLAUSE_LEADS
# One capitalised word standing alone: a surname, when the article named its person in full.
# (the look-behind after the capital, as in PERSON_RE: 130 -> 41 us a text)
_SURNAME_RE = re.compile(rf"{UPPER}(?<![\w\-'’.].){LOWER}[\w\-]*(?![\w\-'’])")
# What follows a subject's name: a verb (a lower-case word), an appositive comma, "of".
_SUBJECT_AFTER_RE = re.compile(r"[ \t]*,|[ \t]+[a-z]")
# Capitalised words that open a sentence before a name without being part of it.
_NOT_SUBJECT_LEADS = frozenset(words("not_subject_leads"))
# An unnamed introduction set off after a name is that person's role ("X, a senior researcher").
_APPOSED_RE = re.compile(rf"(?<![\w\-]){UPPER}{NAME_CHAR}*,[ \t]+$")
# Subject pronouns only: "his"/"her"/"himself" often point at someone else in the sentence.
# (The first letter comes before the look-behind, as in PERSON_RE: the engine skips to the
# next H, S, E or É instead of trying the look-behind at every position. The same matches as
# "(?<![\w\-])(?:[Hh]e|[Ss]he|[Éé]l|[Ee]lla|[Ee]lle|[Ee]r|[Ee]le|[Ee]la)(?![\w\-])".)
_GENDER_RE = re.compile(
    r"[HhSsÉéEe](?<![\w\-].)(?:(?<=[Hh])e|(?<=[Ss])he|(?<=[Éé])l|(?<=[Ee])(?:lla|lle|r|le|la))"
    r"(?![\w\-])"
)
# A gendered honorific before a name ("Ms. Ramirez", ABP's tokenised "Ms . Page").
_GENDERED_HONORIFIC = r"(?P<h>Mr|Mrs|Ms)[ \t]?\.?[ \t]+"
_HONORIFIC_LEAD_RE = re.compile(_GENDERED_HONORIFIC)
_HONORIFIC_BEFORE_RE = re.compile(rf"(?<![\w\-]){_GENDERED_HONORIFIC}\Z")
# "the judge" for "Justice X", "the spokesman" for a spokesperson.
_ROLE_SYNONYMS = {
    "judge": ("justice", "magistrate"),
    "justice": ("judge",),
    "spokesman": ("spokesperson", "spokeswoman"),
    "spokeswoman": ("spokesperson", "spokesman"),
    "spokesperson": ("spokesman", "spokeswoman"),
    "lawmaker": ("mp", "senator", "congressman", "congresswoman", "deputy"),
    # "the congressman" for "Rep. Tom Price" (unlabelled ABP: 4 left unresolved)
    "congressman": ("rep.", "representative"),
    "congresswoman": ("rep.", "representative"),
    "legislator": ("mp", "senator", "lawmaker"),
    "diplomat": ("ambassador", "envoy"),
    "officer": ("constable", "inspector", "sergeant", "detective"),
    # Abbreviated titles: "the colonel" for "Col. Ivan Petrenko".
    **{full: (abbr,) for abbr, full in (
        ("capt.", "captain"), ("sen.", "senator"), ("rep.", "representative"),
        ("gov.", "governor"), ("gen.", "general"), ("lt.", "lieutenant"), ("col.", "colonel"),
        ("sgt.", "sergeant"), ("adm.", "admiral"), ("maj.", "major"),
        ("supt.", "superintendent"), ("insp.", "inspector"), ("cmdr.", "commander"),
        ("det.", "detective"),
    )},
}  # fmt: skip
# "a government source", "one EU diplomat": an unnamed speaker that "the source" refers to.
# What stands before the noun of an unnamed introduction: "a senior military " (source).
_INTRO_BEFORE = ReverseMatcher(
    r"(?<![\w\-])(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+(?:[\w'’\-]+[ \t]+){0,3}?"
)
_INTRO_STOP = frozenset(
    "the of to in on at for from with by and or after before who that which was is said".split()
)
_LOOK = 200  # mentions looked at around a position when resolving "the minister"
# "Irena Nowak" for "Nowak": the matches of this pattern (with the surname put in) are found
# without compiling it per surname (a pattern per name thrashes the re module's cache and costs
# ~250 us each): the surname is found with str.find, the one or two capitalised words before
# it with fixed patterns, trying the same start positions in the same order as finditer.
_FIRST_MENTION = rf"(?<![\w\-])((?:{UPPER}{LOWER}[\w'’\-]*[ \t]+){{{{1,2}}}}){{}}(?![\w\-])"
_LEAD_WORDS_RE = re.compile(
    rf"(?<![\w\-])(?P<w1>{UPPER}{LOWER}[\w'’\-]*[ \t]+)(?P<w2>{UPPER}{LOWER}[\w'’\-]*[ \t]+)?"
)
_TOKENS_BEFORE = ReverseMatcher(r"(?:[\w'’\-]+[ \t]+){1,2}")
_WORD_END_RE = re.compile(r"(?![\w\-])")


class _GivenNameAt:
    """The first "<given> <Surname>" in a text, with no capitalised word after the surname
    (the given name found with str.find, one fixed pattern matched after it)."""

    _SURNAME = re.compile(
        rf"[ \t]+(?P<sur>{UPPER}{LOWER}[\w'’\-]*)(?![\w\-'’])(?![ \t]+['‘\"“]?{UPPER})"
    )

    def search(self, text: str, given: str) -> re.Match[str] | None:
        """The surname after the first time ``given`` is written as a word, if any (a person
        is named in full before being named by the given name alone: "Obama" first written
        alone, then in "Obama Doctrine", names no "Obama Doctrine")."""
        at = text.find(given)
        while at >= 0:
            end = at + len(given)
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-'’")) and (
                end == len(text) or not (text[end].isalnum() or text[end] in "-'’")
            ):
                return self._SURNAME.match(text, end)
            at = text.find(given, end)
        return None


_GIVEN_NAME_AT = _GivenNameAt()
_ABBREVIATED_RE = re.compile(ABBREVIATED_TITLE)
NOT_A_SPEAKER_RE = re.compile(
    rf"^(?:{WEEKDAY}|{UPPER}(?:{UPPER}|[ .,'\-])+)$"
)  # "Tuesday", datelines
_UNNAMED_SPEAKERS = frozenset("they".split())
# Names and speaker phrases recur across a corpus: their pure clean-ups are memoised (bounded).
_NAME_CACHE = 1 << 16


# Capitalised words that open a sentence before a name ("As Ashdown put it", "When Lee said").
_LEAD_WORD_RE = re.compile(
    r"(?:As|When|While|Then|After|Before|But|And|Meanwhile|However|Also|Since|Until|Later"
    rf"|Earlier|Yet|So)[ \t]+(?={UPPER})"
)


# "..., a déclaré jeudi le ministre du Logement, Bastien Delorme." (Romance and German copy put
# the speaker after the verb): after a comma, the verb, then the speaker and a name set off.
_COMMA_BEFORE = ReverseMatcher(rf",[ \t]*(?:[\"”»“«][ \t]*)?(?:{AUXILIARY}[ \t]+)?")
SPEAKER_AFTER_VERB_RE = re.compile(
    rf"(?:{WHEN})[ \t]+(?P<spk>{SPEAKER})(?![\w\-]|['’]s(?![\w\-]))"
    rf"(?:,[ \t]+(?P<appos>{PNAME})(?=[ \t]*[,.;]))?"
)
# "a las puertas del tribunal": a preposition, not the Portuguese article "a".
_PREPOSITION_LEAD_RE = re.compile(
    r"^[Aa][ \t]+(?:la|las|los|el|lo|le|les|gli|i|un|una|uno|sus?|medio|través)(?![\w\-])"
)


# A link's tooltip left in page text (The Hill: 2,000 unlabelled ABP articles, 27 quotes without
# a speaker beside one): the name shown, then the full name glued to headlines, then "MORE":
# "Rep. Tom Cole Thomas (Tom) Jeffrey ColeBottom Line ... dominates MORE (R-Okla.), told".
_MORE_RE = re.compile(r"(?<![\w\-])MORE(?![\w\-])")
_GLUED_RE = re.compile(rf"(?<![\w\-'’])(?P<sur>{UPPER}{LOWER}[\w'’\-]*?)(?={UPPER})")
_TOOLTIP_CHARS = 600  # the longest tooltip in that sample: ~450 characters


def blank_link_residue(text: str) -> str:
    """``text`` with each link tooltip after a name blanked (offsets kept): from the end of
    the name shown (its surname, written again glued to the first headline) to "MORE"."""
    if "MORE" not in text:
        return text
    pieces, last = [], 0
    for more in _MORE_RE.finditer(text):
        lo = max(last, more.start() - _TOOLTIP_CHARS, text.rfind("\n", 0, more.start()) + 1)
        for glued in _GLUED_RE.finditer(text, lo, more.start()):
            at, shown = _shown_before(text, glued, max(lo, glued.start() - 80))
            if at >= 0:
                cut = at + len(shown) - 1
                pieces += [text[last:cut], " " * (more.end() - cut)]
                last = more.end()
                break
    pieces.append(text[last:])
    return "".join(pieces)


_CAPITAL_INSIDE_RE = re.compile(rf"(?<=[\w'’\-]){UPPER}")


def _shown_before(text: str, glued: re.Match[str], lo: int) -> tuple[int, str]:
    """(start, " <surname> ") of the surname written in ``text[lo:]`` before its glued copy
    ``glued``, or (-1, ""): the surname may hold capitals of its own ("McConnellGOP ...": the
    surname is "McConnell", not "Mc"; a fresh ABP sample, session 10, kept "Mitch McConnell
    Addison" as the speaker of the Hill's McConnell quotes so)."""
    end = glued.end()
    word_end = end + len(_WORD_CHARS_RE.match(text, end)[0])
    for cut in chain((end,), (m.start() for m in _CAPITAL_INSIDE_RE.finditer(text, end, word_end))):
        shown = f" {text[glued.start() : cut]} "
        at = text.rfind(shown, lo, glued.start())
        if at >= 0:
            return at, shown
    return -1, ""


_WORD_CHARS_RE = re.compile(r"[\w'’\-]*")


def speaker_after(text: str, verb_start: int, verb_end: int) -> tuple[str, int, int] | None:
    """(speaker phrase, its start, its end) of an inverted attribution ", <verb> <speaker>"
    (the verb right after a comma); None when the verb does not follow a comma."""
    if _COMMA_BEFORE.match_before(text, verb_start, 12) is None:
        return None
    m = SPEAKER_AFTER_VERB_RE.match(text, verb_end)
    if m is None or not_a_speaker(m.group("spk")):
        return None
    group = "appos" if m.group("appos") else "spk"
    return m.group(group), m.start(group), m.end()


def not_a_speaker(phrase: str) -> bool:
    """A phrase that reads as a speaker but is none: a weekday, a dateline, a possessive, a
    prepositional phrase ("a las puertas del tribunal")."""
    return bool(
        phrase.endswith(("'s", "’s"))
        or NOT_A_SPEAKER_RE.match(phrase)
        or _PREPOSITION_LEAD_RE.match(phrase)
    )


_ELIDED_RE = re.compile(r"^[lL]['’]")


# French inversion before a participle: "« ... », a-t-elle ajouté".
_INVERTED_BEFORE = ReverseMatcher(r"(?<![\w\-])a-t-(?P<pr>il|elle)[ \t]+")


# The name before a role set off with the organisation the speaker phrase found is the end of:
# "Collin Laverty, head of [Cuba Educational Travel], ..., called".
_NAME_BEFORE_ORG = ReverseMatcher(
    rf"(?<![\w\-])(?P<name>{PNAME}),[ \t]+(?:(?:the|a|an)[ \t]+)?(?:[\w'’\-]+[ \t]+){{0,4}}?"
    rf"(?:{trie_pattern(_ROLE_VARIANTS, suffixes=True)})[ \t]+(?:of|for|at|with)[ \t]+"
    r"(?:the[ \t]+)?"
)


def name_before_role_of(text: str, start: int) -> tuple[str, int] | None:
    """(name, start) of "<Name>, <role> of|for|at|with " ending at ``start``, where an
    organisation taken for a speaker begins; None when there is none (or no full name)."""
    org = _NAME_BEFORE_ORG.match_before(text, start, 120)
    if org is None or len(clean_name(org["name"]).split()) < 2:
        return None
    return org["name"], org.start("name")


# A person named before the organisation or place a speaker phrase found is: "Brian Riedl of
# [the conservative-leaning Manhattan Institute] told", "Richard Roe in [Indiana] suggested".
_NAME_BEFORE_PLACE = ReverseMatcher(
    rf"(?<![\w\-])(?P<name>{PNAME})[ \t]+(?:of|from|in|at|with)[ \t]+"
)
_PLACE_PREPOSITIONS = (" of", " from", " in", " at", " with")
# The same inside one capitalised run: "Olivier Le Guillou of Action Against Hunger said".
_NAME_OF_RUN_RE = re.compile(rf"(?P<name>{PNAME})[ \t]+(?:of|from|at)[ \t]+(?:the[ \t]+)?{UPPER}")


def _person_of(text: str, speaker: str, start: int) -> tuple[str, int] | None:
    """(name, start) of a person named right before the organisation or place ``speaker`` is
    (or that opens a capitalised run "<Name> of <Organisation>"); None otherwise. The person
    needs two or more words that are a name (no role word, no organisation noun).
    (heldout2 and heldout: three named speakers were the organisation after them.)"""
    # (substring tests first: most speaker phrases have neither form)
    in_run = " of " in speaker or " from " in speaker or " at " in speaker
    after_place = text[max(0, start - 6) : start].rstrip().endswith(_PLACE_PREPOSITIONS)
    if not (in_run or after_place):
        return None
    if speaker[:1].islower() and speaker.split()[0].lower() not in ("the", "a", "an"):
        return None  # "he", "officials"
    if split_role(" ".join(speaker.split()))[0] is not None:
        return None  # "Prime Minister of India Narendra Modi": a role, a name
    run = _NAME_OF_RUN_RE.match(speaker) if in_run else None
    if run is not None and len(clean_name(run["name"]).split()) > 1:
        return run["name"], start
    if not after_place:
        return None
    before = _NAME_BEFORE_PLACE.match_before(text, start, 80)
    if before is not None and len(clean_name(before["name"]).split()) > 1:
        return before["name"], before.start("name")
    return None


# A relative clause between the speaker and the verb: "President Roe, who said in a tweet
# that", "Graeme Doe who writes,", "Oz who, after reading it, says" (fresh ABP sample, seed
# 20261208: 5 of 80 articles lost or misplaced such a quote).
_WHO_BEFORE = ReverseMatcher(
    rf"(?<=[\w.)])(?:,[ \t]*|[ \t]+)who(?:,[ \t]+[^,\"“”\n()]{{1,60}},)?{ADVERB}{PASSIVE_SPEECH}[ \t]++"
)
_SPEAKER_ENDING = ReverseMatcher(rf"(?P<spk>{SPEAKER_REVERSIBLE}){PARTY_TAG}")


def _relative_speaker(text: str, end: int) -> tuple[str, int, str | None] | None:
    """(speaker phrase, its start, None) of "<speaker>, who [...] <verb>" ending at ``end``."""
    if "who" not in text[max(0, end - 100) : end]:
        return None  # (a substring test first: most verbs follow no relative pronoun)
    who = _WHO_BEFORE.match_before(text, end, 100)
    if who is None:
        return None
    m = _SPEAKER_ENDING.match_before(text, who.start(), 200)
    if m is None or not m["spk"][:1].isupper() or not_a_speaker(m["spk"]):
        return None  # ("officials who said": no one named)
    speaker, start = m["spk"], m.start("spk")
    name = name_in(speaker)
    if (
        not name
        or _AFFILIATION_RE.match(speaker)  # "Sen. Roe, R-South Carolina, who noted"
        or _placed_object(text, speaker, start)  # "editors at the Times who spoke to"
        or not _looks_like_person(name)
    ):
        return None
    lead = _LEAD_WORD_RE.match(speaker)
    if lead is not None:
        speaker, start = speaker[lead.end() :], start + lead.end()
    return speaker, start, None


# "<Name>'s <role>, <Full Name>, said": the name set off after a named owner's role speaks
# ("Trump’s lawyer, Rudy Giuliani, said", "Julian’s father, John Shipton, wrote:"; a fresh
# sample, seed 1505, and session 14's "Clinton's press secretary, Nick Merrill, tweeted").
_OWNED_ROLE_NAME_RE = re.compile(
    # (not after a preposition: "Jonathan Mills, father of Snowden's girlfriend, Lindsay Mills,
    # described him" is his; the first 3,000 ABP)
    rf"(?<![\w\-])(?<!of )(?<!to )(?<!for )(?<!with )"
    rf"{UPPER}{NAME_CHAR}*['’]s[ \t]+(?:[a-z][\w\-]*[ \t]+){{0,4}}[a-z][\w\-]*,[ \t]+"
    rf"(?P<name>{PNAME}),{ADVERB}[ \t]+\Z"
)


def _owned_role_name(text: str, end: int) -> tuple[str, int, None] | None:
    """(name, its start, None) of "<Name>'s <role>, <Full Name>," ending at ``end``."""
    window = text[max(0, end - 160) : end]
    if "," not in window[-30:] or ("'s " not in window and "’s " not in window):
        return None  # (substring tests first: most verbs without a speaker have neither)
    owned = _OWNED_ROLE_NAME_RE.search(text, max(0, end - 160), end)
    return None if owned is None else (owned["name"], owned.start("name"), None)


# A possessive, or a contracted "am"/"are" (the passive "What I’m reminded of", "we're told":
# the subject is told, not the speaker; 4 quotes of one article on ABP 3,000-6,000 once
# "reminded" became a reporting verb).
_NOT_SPEAKER_ENDINGS = ("'s", "’s", "'m", "’m", "'re", "’re")


# "<Name>, <aside>, <aside>, said": a person's name opening a clause, then two asides set off
# ("Kwame Rose, 20, of Baltimore, said", "Sen. Angus King, I-Maine, who sits on the Senate
# Intelligence Committee, said", "Jim Roe, from Lamoni, Iowa, said"); one aside is INSERT's.
_NAME_ENDING_RE = re.compile(rf"(?<![\w\-'’.])(?P<name>{PNAME})[ \t]*\Z")
_CLAUSE_START_ENDINGS = (".", "!", "?", ":", ";", "”", '"', "''", "\n")
_NOT_IN_ASIDE = frozenset('"“”\n()')


def _set_off_twice(text: str, end: int) -> tuple[str, int, None] | None:
    """(name, its start, None) of "<Name>, <aside>, <aside>, " ending at ``end`` (an adverb may
    follow the last comma) when the name is a person's (two words or more) opening a sentence
    or following a quote; None otherwise. (A fresh sample, seed 1611, and the first 20,000
    ABP: ~40 "Name, 34, of Place, said" and ~40 "Sen. Name, R-State, who ..., said" clauses,
    read as no one or as "R-Texas".)"""
    # (string tests and the last three commas first: one small regex for the name, no search
    # along the clause; most verbs follow no comma)
    last = text.rfind(",", max(0, end - 40), end)
    if last < 0:
        return None
    after = text[last + 1 : end].split()
    if len(after) > 1 or after[:1] != [w.lower() for w in after[:1]]:
        # (an adverb may follow the last comma, a name may not: "In a letter to Sen. Roger
        # Wicker, R-Miss., who opposes the nominee, Hagel said" is Hagel's; first 20,000 ABP)
        return None
    second = text.rfind(",", max(0, last - 82), last)
    third = text.rfind(",", max(0, second - 82), second) if second >= 0 else -1
    if third < 0 or _NOT_IN_ASIDE.intersection(text[third:last]):
        return None
    m = _NAME_ENDING_RE.search(text, max(0, third - 80), third)
    if m is None:
        return None
    name = clean_name(m["name"])
    before = text[max(0, m.start() - 4) : m.start()].rstrip(" \t")
    if (
        len(name.split()) > 1
        and (not before or before.endswith(_CLAUSE_START_ENDINGS))
        and _looks_like_person(name)
        and not _AFFILIATION_RE.match(name)
    ):
        return m["name"], m.start("name"), None
    return None


def speaker_before(text: str, end: int) -> tuple[str, int, str | None] | None:
    """(speaker phrase, its start, inserted name) of the attribution ending at ``end``."""
    set_off = _set_off_twice(text, end)
    if set_off is not None:
        return set_off
    m = SPEAKER_BEFORE.match_before(text, end, 280)
    if m is None and text.startswith("saying", end) and text.endswith(" as ", 0, end):
        # "he retweeted commentator Gayle Trotter as saying “...”": the object speaks (a
        # fresh sample, seed 1505)
        return speaker_before(text, end - 3)
    if m is None:
        owned = _owned_role_name(text, end)
        if owned is not None:
            return owned
        inv = _INVERTED_BEFORE.match_before(text, end, 12)
        if inv is not None:
            return inv["pr"], inv.start("pr"), None
        return _relative_speaker(text, end)
    speaker, start = m["spk"] or "", m.start("spk")
    if speaker.endswith(_NOT_SPEAKER_ENDINGS) or NOT_A_SPEAKER_RE.match(speaker):
        return None
    if speaker in _NOT_SUBJECT_LEADS or len(speaker) < 2:
        # "Instead, the press is ..., effectively saying", "A unilaterally declared “...”"
        # (fresh ABP sample, seed 20261208)
        return None
    if speaker[:1].isupper():
        # (with or without the closing comma: "Li Shuo, climate analyst for Greenpeace China
        # told CNN"; heldout)
        person = name_before_role_of(text, start)
        if person is not None:
            return person[0], person[1], None
    lead = _LEAD_WORD_RE.match(speaker)  # "As Ashdown put it": the name only
    if lead is not None:
        speaker, start = speaker[lead.end() :], start + lead.end()
    if not m["ins"]:
        person = _person_of(text, speaker, start)
        if person is not None:
            return person[0], person[1], None
        if _placed_object(text, speaker, start):
            return None
    return speaker, start, m["ins"]


def _placed_object(text: str, speaker: str, start: int) -> bool:
    """Whether a capitalised run without a role is the object of a preposition ("A NATO
    attaché in the Middle East told", "one senior Republican on Capitol Hill said", "The No. 2
    Republican in the House said"): a place or body, no speaker (fresh ABP sample, seed
    20261208: 3 quotes went to such places)."""
    # ("with Norah Roe calling it “...”" is her quote; "of the American Conservative Union
    # Matt Roe" names him after the organisation)
    return (
        speaker[:1].isupper()
        and _PLACE_BEFORE_RE.search(text, max(0, start - 8), start) is not None
        and split_role(" ".join(speaker.split()))[0] is None
        and not _NOT_PERSON_WORDS.intersection(speaker.split())
    )


_PLACE_BEFORE_RE = re.compile(r"(?<![\w\-])(?:in|on|at)[ \t]+(?:the[ \t]+)?$")


def pick_speaker(speaker: str, insert: str | None) -> str:
    """The speaker phrase, or the name set off by commas after it ("Pakistan's ambassador to
    China, Khalil Hashmi, said"; "A former NATO commander, retired General Paul Reinholt,")."""
    if insert and len(clean_name(speaker).split()) < 2:
        # (after a full name the insert is about that person: "Christopher Chin, head of
        # Homeschool Louisiana, told")
        role, name = split_role(" ".join(insert.split()))
        name = clean_name(name)
        # (", de la Universidad de Valencia," is a place set off, not a name; ", Connecticut
        # Democrat," an affiliation.)
        if len(name.split()) > 1 and name[:1].isupper() and not _AFFILIATION_RE.match(name):
            return f"{role} {name}" if role else name
    return speaker


_PLACE_WORDS_AFTER_ROLE = frozenset("in on at from".split())


@lru_cache(maxsize=_NAME_CACHE)
def split_role(phrase: str) -> tuple[str | None, str]:
    """('Russian Foreign Minister', 'Sergey Lavrov') from a speaker phrase as written."""
    tokens = phrase.split()
    if tokens and _ELIDED_RE.match(tokens[0]):  # "l'assessore Bruno Gatti"
        tokens[0] = _ELIDED_RE.sub("", tokens[0])
        phrase = " ".join(tokens)
    roles = [i for i, tok in enumerate(tokens) if _ROLE_WORD_RE.match(tok)]
    if roles and (len(roles) > 1 or tokens[-1] in _GENERATIONAL) and _is_surname(tokens, roles[-1]):
        roles.pop()  # "Rep. Peter King", "former Vermont Gov. Howard Dean", "Rev. X King Jr."
    if not roles:
        return None, phrase
    last = roles[-1]
    rest = [t for t in tokens[last + 1 :] if t not in _HONORIFIC]
    if rest and rest[0] in _PLACE_WORDS_AFTER_ROLE:
        # "one senior Republican on Capitol Hill", "The No. 2 Republican in the House": a
        # place, no name (fresh ABP sample, seed 20261208: two quotes went to the place)
        return phrase, ""
    if rest and rest[0] in ("of", "for"):  # "Commissioner of Police Shakti Awasthi"
        if len(rest) > 5:  # "head of the Kharkiv-based Institute for ... Studies": no name
            return phrase, ""
        return " ".join(tokens[: len(tokens) - 2]), " ".join(tokens[-2:])
    return " ".join(tokens[: last + 1]), " ".join(rest)


class People:
    """People (and organisations) named in one text with their roles, to resolve speakers."""

    def __init__(self, text: str, paragraphs: Paragraphs | None = None) -> None:
        """People of ``text``; ``paragraphs`` (of the same text) when the caller has them."""
        self._paragraphs = paragraphs  # built when first needed otherwise
        self.mentions: list[tuple[int, str, str | None]] = []  # (position, name, role)
        for m in ROLE_NAME_SCAN.finditer(text):
            if m.group("aname"):
                # "Die Vorsitzende ..., Professorin Katrin Albers": a title before the name.
                title, name = split_role(" ".join(m.group("aname").split()))
                name = _clean_name(name)
                if name and " " in name:
                    role = m.group("noun") + (m.group("tail") or "")
                    role = _extend_role(text, m.start(), " ".join(role.split()))
                    self.mentions.append((m.start("aname"), name, role))
                continue
            if m.group("of") and _APPOSED_RE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "Collin Laverty, head of Cuba Educational Travel": an organisation
            role = m.group("noun") + (m.group("of") or m.group("adj") or "")
            role, name = _move_roles(role, m.group("name"))
            name = _clean_name(name)
            # (one word after "of the ...": "chairman of the Joint Chiefs" names no one.)
            if name and (not (m.group("adj") or m.group("of")) or " " in name):
                self.mentions.append((m.start(), name, _extend_role(text, m.start(), role)))
        for m in appositive_matches(text):
            name = _clean_name(m.group("name"))
            if name and " " in name:
                self.mentions.append((m.start(), name, m.group("role").strip()))
        self.mentions += _compound_mentions(text)
        # (no organisation holds a role: "Karl is president of the White House Correspondents
        # Association" named no "House Correspondents Association" for "the president said";
        # a fresh sample, seed 1505)
        self.mentions = [m for m in self.mentions if not _organisation_name(m[1])]
        self.mentions.sort()
        self._positions = [p for p, _, _ in self.mentions]
        self._text = text
        self._orgs: list[tuple[int, str]] | None = None  # found when first needed
        # full names, longest first, and each after a blank (found when first needed)
        self._known: tuple[list[str], list[str], dict[str, str | None]] | None = None
        self._first_tried: set[str] = set()
        # Speaker phrases already learnt: learning one again changes nothing (its name is
        # known and every word of it indexed), and each attributed quote's speaker is learnt
        # twice (its paragraph's attributions, then the quote).
        self._learnt: set[str] = set()
        self.full: dict[str, str] = {}
        self._surnames: set[str] = set()  # keys of ``full`` that are a name's last word
        self.names: set[str] = set()
        self.role: dict[str, str] = {}
        self.actors: list[tuple[int, str]] = []  # resolved speakers, for he/she
        self._plain: list[tuple[int, str]] | None = None  # any person's name, found when needed
        self._lead_of: dict[int, int] = {}  # a plain name's start -> its modifiers' start
        self._gender: dict[str, str | None] = {}
        for _, name, role in self.mentions:
            self._learn(name, role)

    def _learn(self, name: str, role: str | None, sure: bool = True) -> None:
        """Index a full name by each of its words: "Lavrov", "Xi" (Xi Jinping), "Sheikh"
        (al-Sheikh). Names seen with a role (``sure``) may replace shorter ones; names taken
        from attributions only fill words not seen yet."""
        if name not in self.names:
            # (the longest-first list changes only with a new name: a name learnt again, as
            # every attributed quote's speaker is, keeps it; 2,000 ABP articles: ~28,000 calls)
            self._known = None
            self.names.add(name)
        tokens = name.split()
        for i, token in enumerate(tokens):
            last = i == len(tokens) - 1
            for key in {token, token.split("-", 1)[-1]}:
                if len(key) < 2:
                    continue
                # A surname outranks a given name: "Ryan declared" is House Speaker Paul
                # Ryan's, not Rep. Ryan Zinke's, named earlier (fresh ABP sample, seed
                # 20261208: two quotes went to Zinke so).
                surname_first = last and len(tokens) > 1 and key not in self._surnames
                if (
                    key not in self.full
                    or surname_first
                    or (
                        sure
                        and len(name) > len(self.full[key])
                        and (last or key not in self._surnames)
                    )
                ):
                    self.full[key] = name
                    if last:
                        self._surnames.add(key)
        if role and name not in self.role:
            self.role[name] = role

    def learn_speaker(self, phrase: str) -> None:
        """Record a named speaker ("Joe Smith said") so that "Smith" later resolves to it."""
        if phrase in self._learnt or " " not in phrase.strip() or phrase[:1].islower():
            return  # learnt already, a surname or "the minister": nothing new to learn
        role, name = split_role(" ".join(phrase.split()))
        name = _clean_name(name)
        if name and len(name.split()) > 1 and self.canonical(name)[0] == name:
            self._learn(name, role, sure=False)
            # (a phrase whose name resolved to someone else is tried again: it may be learnt later)
            self._learnt.add(phrase)

    def canonical(self, name: str) -> tuple[str, str | None]:
        """Full name and role of a person named in full or by one of their names."""
        words = name.split()  # (split once: ~19,000 calls on 1,500 ABP articles)
        single = len(words) == 1
        full = self.full.get(words[-1]) if single else None
        if full is None and single and "-" in name:
            # "Al-Najjar" opening a sentence for "Yousef al-Najjar".
            particle, rest = name.split("-", 1)
            if particle.lower() in NAME_PARTICLES:
                full = self.full.get(f"{particle.lower()}-{rest}") or self.full.get(rest)
        if full is None and name in self.role:
            full = name
        if full is None and " " in name and words[0].lower() in NAME_PARTICLES:
            # "De Blasio" opening a sentence for "Bill de Blasio".
            name = name[0].lower() + name[1:]
        if full is None:  # "Lavrov" for "Sergey Lavrov", "Finance Aisha Malik" for a known name
            full = self._known_ending(name)
        if full is None and single:
            full = self._first_mention(name)
        if full is None:
            return name, None
        return full, self.role.get(full)

    def _given_name(self, given: str) -> str | None:
        """ "Julian Assange" for "Julian": the first two-word name in the text that opens with
        it, when it reads as a person's and no third capitalised word follows ("Obama White
        House" is none). Heldout ("Julian said he would accept only “...”") and a fresh ABP
        sample (seed 1402): speakers named by a given name after the full name plainly written
        (no role, no attribution) were left as the given name alone."""
        key = f"given:{given}"
        if key in self._first_tried:
            return None  # looked for once per article, like the surname's first mention
        self._first_tried.add(key)
        m = _GIVEN_NAME_AT.search(self._text, given)
        if m is None:
            return None
        surname = m.group("sur")
        full = f"{given} {surname}"
        if (
            surname in _ORG_NOUN_SET
            or surname in _GENERATIONAL
            or _ROLE_WORD_RE.match(surname)
            or _ABBREVIATED_RE.fullmatch(f"{surname}.")
            or not _looks_like_person(full)
        ):
            return None
        return full

    def _known_ending(self, name: str) -> str | None:
        """The longest known full name that ends in `` name`` or that ``name`` ends in."""
        if self._known is None:
            known = sorted(self.names, key=len, reverse=True)
            self._known = (known, [" " + f for f in known], {})
        known, known_spaced, answers = self._known
        # (the answer depends on the known names only: kept until a name is learnt; 2,000 ABP
        # articles: ~8,000 calls, each reading every known name twice)
        if name in answers:
            return answers[name]
        spaced, pairs = " " + name, zip(known, known_spaced, strict=True)
        found = next(
            (f for f, f_spaced in pairs if f.endswith(spaced) or name.endswith(f_spaced)), None
        )
        answers[name] = found
        return found

    def _first_mention(self, surname: str) -> str | None:
        """ "Irena Nowak" for "Nowak": the first capitalised words written right before it."""
        if surname in self._first_tried:
            return None  # looked for once per article: the text is scanned at most once
        self._first_tried.add(surname)
        for lead in first_mention_leads(self._text, surname):
            words = lead.split()
            while words and (words[0] in _NOT_NAME or _ROLE_WORD_RE.match(words[0])):
                words = words[1:]
            if words:
                full = " ".join([*words, surname])
                self._learn(full, None, sure=False)
                return full
        return None

    def resolve(self, phrase: str, position: int) -> tuple[str | None, str | None]:
        """(speaker, speaker_role) for a speaker phrase written at ``position``."""
        phrase = " ".join(phrase.split())
        # "l'ambassadeur du Mali" reads as "l ambassadeur du Mali" (the phrase is kept).
        low = phrase.lower()
        if low[1:2] in ("'", "’") and low[0] == "l":  # (a test, not a sub for every phrase)
            low = "l " + low[2:]
        words = low.split()
        if low in _PRONOUNS:
            return self._pronoun(position, PRONOUN_GENDER[low])
        if low in _UNNAMED_SPEAKERS:
            return phrase, None
        if words[0] == "the" and len(words) > 2 and phrase.split()[1] in _HONORIFIC:
            phrase, words = phrase.split(" ", 1)[1], words[1:]  # "the Rev. Marshall Hatch"
        if words[0] in _DETERMINERS and len(words) > 2:
            # "der NEOS-Sicherheitssprecher Florian Weiß", "the spokesman John Hale": the name.
            role, name = split_role(" ".join(phrase.split()[1:]))
            name = _clean_name(name)
            if role is not None and name:
                full, known_role = self.canonical(name)
                return full, role or known_role
        if words[0] in _DETERMINERS:
            # "the spokesman for the ministry": the head noun decides, the phrase is kept.
            head = _PP_RE.split(low, 1)[0].split()
            wanted = tuple(w for w in head[1:] if w not in _DETERMINERS)
            # "el viceministro ruso": the role noun, not the adjective after it.
            roles = [i for i, w in enumerate(wanted) if _ROLE_WORD_RE.match(w)]
            if roles:
                wanted = wanted[: roles[-1] + 1]
            # "the source" after "a senior military source said": the phrase as introduced,
            # unless a person with that role was named after it.
            intro = self._introduced(position, head[-1]) if words[0] == "the" else None
            if wanted and _ROLE_WORD_RE.match(wanted[-1]):
                found = self._nearest_mention(position, wanted)
                if intro is not None and (found is None or not intro[0] < found[0] < position):
                    return intro[1], None
                if found is not None:
                    return self.canonical(found[1])
                generic = wanted[-1].rsplit("-", 1)[-1] in _GENERIC_ROLES  # "SPD-Politiker"
                # Portuguese "a governante": "a" is an article before a non-English role.
                definite = words[0] in _DEFINITE or (
                    words[0] == "a" and wanted[-1] not in ROLE_WORDS_EN
                )
                if definite and generic:
                    speaker, role = self._nearest(position, ())
                    # (a person named, not an unnamed phrase: "the billionaire businessman" is
                    # no "2012 Republican presidential nominee")
                    if speaker is not None and len(_clean_name(speaker).split()) > 1:
                        return speaker, role
            else:
                if intro is not None:
                    return intro[1], None
                if head[-1] in _GENERIC_ROLES:
                    # "said the Nevada Democrat": the person named before, if named in full
                    # ("one Iowa Republican" names no one, nor an organisation)
                    speaker, role = self._nearest(position, ())
                    if words[0] in _DEFINITE and len(_clean_name(str(speaker)).split()) > 1:
                        return speaker, role
                    return phrase, None
                org = self._org(position, head[-1])
                if org is not None:
                    return org, None
            return phrase, None
        if (
            phrase[0].islower()
            and not ROLE_WORD_IN_RE.search(phrase)
            and not _ROLE_WORD_RE.match(words[0])  # "then-Sen. Jim DeMint"
        ):
            return phrase, None  # "experts", "analysts"
        role, name = split_role(phrase)
        name = _clean_name(name)
        if not name and role is not None:  # "Minister" (for Finance Aisha Malik) said
            speaker, known = self._nearest(position, (role.split()[-1].lower(),))
            return (speaker, known) if speaker is not None else (phrase, None)
        if not name:
            return phrase, None  # an organisation: as written
        full, known_role = self.canonical(name)
        if full == name and " " not in name:
            full = self._given_name(name) or full  # "Julian said" for Julian Assange
        return full, role or known_role

    def first_with_role(self, noun: str) -> tuple[str | None, str | None]:
        """The first person whose role has ``noun`` ("- Minister" in a headline)."""
        for _, name, role in self.mentions:
            if role is not None and noun.lower() in role.lower():
                return self.canonical(name)
        return None, None

    def add_mention(self, position: int, name: str, role: str | None) -> None:
        """A person named with a role outside the role patterns ("said the ministry spokesman,
        Serkan Aydin"), so that "the spokesman" later resolves to them."""
        name = _clean_name(" ".join(name.split()))
        if not name or (position, name, role) in self.mentions:
            return
        i = bisect.bisect_right(self._positions, position)
        self.mentions.insert(i, (position, name, role))
        self._positions.insert(i, position)
        self._learn(name, role)

    def _nearest_mention(
        self, position: int, wanted: tuple[str, ...]
    ) -> tuple[int, str, str | None] | None:
        """The mention whose role has all the words of "the Kazakh president", else its noun
        (or a synonym: "the judge" for "Justice X"); the nearest before, else the first after
        ("its leader ... party leader X")."""
        i = bisect.bisect_right(self._positions, position)
        # Bounded look-around: the nearest mentions only, so hostile texts stay linear.
        before = self.mentions[max(0, i - _LOOK) : i][::-1]
        after = self.mentions[i : i + _LOOK]
        synonyms = [(w,) for w in _ROLE_SYNONYMS.get(wanted[-1], ())]
        # "the Republican presidential nominee" is no "Democratic presidential nominee" (dev: a
        # quote of Trump's went to Hillary Clinton by the noun alone).
        opposed = tuple(o for w in wanted for o in _OPPOSED_PARTIES.get(w, ()))
        ranked = not _LOWER_RANKS.isdisjoint(wanted)
        for need in (wanted, wanted[-1:], *synonyms):
            has = _role_has if ranked else _role_has_unranked
            fits = [m for m in (*before, *after) if has(m[2], need)] if opposed else None
            if fits is not None:
                best = next((m for m in fits if not _role_has_any(m[2], opposed)), None)
                if best is not None:
                    return best
                continue
            best = next((m for m in before if has(m[2], need)), None)
            best = best or next((m for m in after if has(m[2], need)), None)
            if best is not None:
                return best
        return None

    def _introduced(self, position: int, noun: str) -> tuple[int, str] | None:
        """The last "a/one ... <noun>" phrase before ``position`` (within 3,000 characters)."""
        if not noun.isalpha():
            return None
        text, lo = self._text, max(0, position - 3000)
        best: tuple[int, str] | None = None
        # The noun found with str.rfind (as written, capitalised, upper-case), then the words
        # before it matched once, right to left: no regex is tried at every position.
        for form in {noun, noun.capitalize(), noun.upper()}:
            end = position
            while (at := text.rfind(form, lo, end)) >= 0:
                end = at
                if best is not None and at <= best[0]:
                    break
                if not _WORD_END_RE.match(text, at + len(form)):
                    continue
                m = _INTRO_BEFORE.match_before(text, at, 80)
                if m is None or _APPOSED_RE.search(text, max(0, m.start() - 40), m.start()):
                    continue
                if _INTRO_STOP.intersection(text[m.start() : at].lower().split()[1:]):
                    continue
                best = (m.start(), " ".join(text[m.start() : at + len(form)].split()))
                break
        return best

    def _pronoun(self, position: int, gender: str) -> tuple[str | None, str | None]:
        """The nearest person named before ``position`` (with a role, as a speaker, else by
        any two-word name) whose gender, when known, is ``gender``."""
        # People named with a role or as speakers first, any other name as a last resort;
        # but a plain name written nearer, in this paragraph or the one before, comes first
        # ("Tyshanta Doe of Toledo filled a jug. “...,” she said": not the mayor named above).
        found = self._pronoun_tier(position, gender, (self.mentions, self.actors))
        # (only the two paragraphs before are read: no full-text scan per pronoun)
        if self._paragraphs is None:
            self._paragraphs = Paragraphs(self._text)
        window = self._paragraphs.previous_start(position)
        lo = max(window, found[0] + 1)
        subjects = self._subjects_in(lo, position)
        plain = self._pronoun_tier(position, gender, (subjects,))
        if plain[1] is None and found[1] is not None:
            plain = found
        elif plain[1] is None:
            if self._plain is None:
                self._plain = self._plain_names()
            plain = self._pronoun_tier(position, gender, (self._plain,))
        if (
            plain[1] is not None
            and self.gender_of(plain[1], plain[2]) is None
            and not self._stands_as_subject(plain[0])
        ):
            # A person known to be of the pronoun's gender, named in this paragraph or the one
            # before, beats a nearer one of unknown gender named as an object ("Sen. Mary Roe
            # ..., where she spoke. ¶ Roe took aim at Senate Leader Mitch Doe. ¶ “...,” she
            # said": not Doe; a fresh ABP sample, seed 20261207: 3 of 45 articles gave "she"
            # to a man so; "Mr. Doe sounded a defiant note. ¶ “...,” he said" stays Doe's).
            subjects = self._subjects_in(window, lo) + subjects
            seqs = (self.mentions, self.actors, subjects)
            known = self._pronoun_tier(position, gender, seqs, lo=window, known=True)
            plain = known if known[1] is not None else plain
        return plain[1:]

    def _stands_as_subject(self, position: int) -> bool:
        """Whether the person named at ``position`` opens a clause (:meth:`_opens_clause`), or
        spoke a quote there (an actor)."""
        i = bisect.bisect_left(self.actors, (position, ""))
        if i < len(self.actors) and self.actors[i][0] == position:
            return True
        m = PERSON_RE.match(self._text, position) or _SURNAME_RE.match(self._text, position)
        return m is not None and self._opens_clause(position, m.group(0))

    def _subjects_in(self, lo: int, hi: int) -> list[tuple[int, str]]:
        """(position, name) of the people that open a clause in [lo, hi), sorted: plain names
        and known people by their surname alone ("Though Boehner indicated ..., he vowed")."""
        if lo >= hi:
            return []
        subjects = [
            named
            for m in PERSON_RE.finditer(self._text, lo, hi)
            if (named := self._plain_name(m)) is not None and self._opens_clause(*named)
        ]
        subjects += [
            (m.start(), full)
            for m in _SURNAME_RE.finditer(self._text, lo, hi)
            if m.group(0) not in _NOT_NAME
            and self._opens_clause(m.start(), m.group(0))
            and (
                " " in (full := self.canonical(m.group(0))[0])
                # (or a one-word name the article gave a role: "President Obama ... ¶ Obama
                # stepped up the pressure. ¶ “...,” he said"; fresh ABP sample, seed 20261208)
                or full in self.role
            )
            and _looks_like_person(full)
        ]
        subjects.sort()
        return subjects

    def _opens_clause(self, position: int, name: str) -> bool:
        """Whether the name at ``position`` stands as a subject: it opens a sentence (or follows
        a comma or "and") and a verb, a comma or "of" follows it ("Tyshanta Doe of Toledo
        filled", "Vera Roe, 29, and her husband braved")."""
        # (the word before first, then the name: every test is pure, and most capitalised words
        # of a paragraph follow a lower-case word; 1,500 ABP articles: 6,000 calls, ~10 us each
        # with the name's tests first)
        lead = self._lead_of.get(position, position)  # (where its modifiers start)
        before = self._text[max(0, lead - 40) : lead].split()
        # (after a sentence's start, a comma, "and", or a role: "radio host Mark Levin ranted")
        if (
            before
            and not (
                before[-1].endswith((".", ",", ";", ":"))
                or before[-1] == "and"
                or before[-1] in _CLAUSE_LEADS  # "Though Boehner indicated ..., he vowed"
                # ("... the sanctuary as Wilson searched for a clear shot. ¶ “...,” he said":
                # fresh ABP sample, seed 20261208)
                or (before[-1] in _SUBORDINATORS and before[-2:-1] != ["such"])
                or _ROLE_WORD_RE.match(before[-1])
                or "\n" in self._text[max(0, lead - 3) : lead]
            )
        ):
            return False
        if not person_name_at(self._text, position, name):
            return False
        return _SUBJECT_AFTER_RE.match(self._text, position + len(name)) is not None

    def _pronoun_tier(
        self, position: int, gender: str, seqs: tuple[list, ...], lo: int = 0, known: bool = False
    ) -> tuple[int, str | None, str | None]:
        """(position, name, role) of the nearest person of ``seqs`` named in [lo, position)
        whose gender, when known (with ``known``: whose gender is known), is ``gender``;
        (-1, None, None) when there is none."""
        candidates: list[tuple[int, str]] = []
        for seq in seqs:
            i = bisect.bisect_left(seq, (position, ""))
            candidates += [(p, name) for p, name, *_ in seq[max(0, i - 8) : i] if p >= lo]
        candidates.sort(reverse=True)
        genders = (gender,) if known else (gender, None)
        for at, name in candidates:
            if name[:1].islower() and not ROLE_WORD_IN_RE.search(name):
                continue  # "un communiqué de la présidence": no he or she
            full, role = self.canonical(_clean_name(name) or name)
            if full and (self._written_gender(at, name) or self.gender_of(full, role)) in genders:
                return at, full, role
        return -1, None, None

    def _plain_names(self) -> list[tuple[int, str]]:
        """Every two-word (or Mr/Ms + one word) capitalised name that is no organisation or
        place and does not follow a preposition ("spoke to BBC Newsday")."""
        return [
            named
            for m in PERSON_RE.finditer(self._text)
            if (named := self._plain_name(m)) is not None
        ]

    def _plain_name(self, m: re.Match[str]) -> tuple[int, str] | None:
        """(start, name) of a match of PERSON_RE that is a person's name for
        :meth:`_plain_names`, without a main clause's lead word glued to it ("But Elena Gotein,
        who oversaw the study, ... ¶ “...,” she said": a fresh ABP sample, session 9); None
        when it is no person's name."""
        start, name = m.start(), m.group(0)
        lead, _, rest = name.partition(" ")
        if lead in _MAIN_CLAUSE_LEADS and len(rest.split()) > 1:
            rest = rest.lstrip()
            start, name = start + len(name) - len(rest), rest
        tail = _name_after_modifiers(name)
        if tail != name:  # "New Jersey Democrat Cory Booker": the clause opens at "New"
            at = start + name.rindex(tail)
            self._lead_of[at] = start
            start, name = at, tail
        words = [w for w in name.split() if w not in _HONORIFIC]
        plain = (
            not name.endswith(("'s", "’s"))  # "Hong Kong’s last governor": it owns a noun
            and words[0] not in _NOT_NAME
            and not _NOT_PERSON_WORDS.intersection(words)
            and not _OBJECT_BEFORE_RE.search(self._text, max(0, start - 12), start)
        )
        return (start, name) if plain else None

    def is_person(self, name: str) -> bool:
        """Whether ``name`` is a person named in the article (with a role or as a speaker)."""
        return name in self.names

    def gender_of(self, name: str, role: str | None) -> str | None:
        """'m', 'f' or None: from the role ("spokeswoman"), else the first he/she/his/her
        after the name's first mention in its paragraph (within 200 characters)."""
        if name not in self._gender:
            gender = None
            for word in (role or "").lower().split():
                gender = gender or _ROLE_GENDER.get(word) or _compound_gender(word)
            at = self._text.find(name)
            if gender is None and at >= 0:
                end = self._text.find("\n", at)
                end = at + len(name) + 200 if end < 0 else min(end, at + len(name) + 200)
                m = _GENDER_RE.search(self._text, at + len(name), end)
                if m is not None and not self._other_person_in(at + len(name), m.start(), name):
                    gender = _GENDER_WORDS[m.group(0).lower()]
            self._gender[name] = gender
        return self._gender[name]

    def _written_gender(self, position: int, name: str) -> str | None:
        """'m' or 'f' when the mention of a person at ``position`` tells its gender as written:
        a gendered honorific ("Ms. Ramirez", "Mr Trump", ABP's tokenised "Ms . Page") or a
        he/she a speaker was read from ("“...,” he said" resolved to Mitt Romney is no "she"
        later); else None. The mention's own gender only: "Mr. Romney" is no Ann Romney.
        (A fresh sample, seed 1611: "Ms. Ramirez ... pinpoint Judge Kavanaugh ..., even
        though she admitted" gave her words to him.)"""
        word = self._text[position : position + 4].split(maxsplit=1)
        if word and word[0].lower() in ("he", "she"):
            return PRONOUN_GENDER[word[0].lower()]
        m = _HONORIFIC_LEAD_RE.match(name) or _HONORIFIC_BEFORE_RE.search(
            self._text, max(0, position - 6), position
        )
        return None if m is None else _GENDER_WORDS_EN.get(m.group("h").lower())

    def _other_person_in(self, start: int, end: int, name: str) -> bool:
        """Whether ``text[start:end]`` names a person of the article other than ``name`` (one of
        their names): the he/she after it may be theirs ("Chris Patten assailed Lam for her
        handling ..., unless she started": she is Lam; dev and a fresh ABP sample, session 10,
        gave Patten's "he told" quotes to others so)."""
        return any(
            (full := self.full.get(w.group(0))) is not None and full != name
            for w in _SURNAME_RE.finditer(self._text, start, end)
        )

    def _nearest(self, position: int, wanted: tuple[str, ...]) -> tuple[str | None, str | None]:
        i = bisect.bisect_right(self._positions, position)
        # Bounded look-around: the nearest mentions only, so hostile texts stay linear.
        before = self.mentions[max(0, i - _LOOK) : i][::-1]
        best: tuple[int, str, str | None] | None = None
        if wanted:
            best = self._nearest_mention(position, wanted)
        else:
            best = before[0] if before else None
            j = bisect.bisect_left(self.actors, (position, ""))
            if j and (best is None or self.actors[j - 1][0] > best[0]):
                return self.canonical(self.actors[j - 1][1])
        if best is None:
            return None, None
        return self.canonical(best[1])

    def _org(self, position: int, noun: str) -> str | None:
        if self._orgs is None:
            self._orgs = [
                (m.start(), " ".join(m.group(0).split())) for m in org_matches(self._text)
            ]
        i = bisect.bisect_left(self._orgs, (position, ""))
        for k in range(i - 1, max(-1, i - 1 - _LOOK), -1):
            if noun in self._orgs[k][1].lower():
                return self._orgs[k][1]
        return None

    def add_actor(self, position: int, speaker: str) -> None:
        bisect.insort(self.actors, (position, speaker))


# Where ORG_RE's matches end: a blank and an organisation noun. A match starts at a capital in
# the run of words and blanks before one (ORG_RE reads nothing else before its noun).
# (The noun is found first, the blank checked after: a capital to skip to, not every blank.)
_ORG_NOUN_RE = re.compile(rf"(?:{trie_pattern(ORG_NOUNS)})\b")
_WORD_RUN_BEFORE = ReverseMatcher(r"[\w'’\- \t]*")
_UPPER_RE = re.compile(UPPER)


def org_matches(text: str) -> list[re.Match[str]]:
    """``list(ORG_RE.finditer(text))``, tried only at the capitals before an organisation noun
    instead of at every capital. (First 3,000 ABP articles: ~110 -> ~25 us a text; read once
    in the articles where "the ministry" or "the agency" needs its organisation.)"""
    out: list[re.Match[str]] = []
    done = 0  # starts before this were tried, or lie inside a match
    for noun in _ORG_NOUN_RE.finditer(text):
        at = noun.start() - 1
        if at < 0 or text[at] not in " \t":
            continue
        run = _WORD_RUN_BEFORE.match_before(text, at, at)  # (a star: it always matches)
        for cap in _UPPER_RE.finditer(text, max(done, run.start()), at):
            m = ORG_RE.match(text, cap.start())
            if m is not None:
                out.append(m)
                done = m.end()  # past this noun: every later capital before it is inside
                break
        done = max(done, at)
    return out


# An appositive's name ends at a comma and a blank, in a word with a capital; its words hold
# a capital or are particles, so a match starts at a capital in the run of such words before
# the comma. The runs are found right to left, in the reversed text, by one pattern that opens
# with the comma: the engine skips from comma to comma. (Name characters, one class: letters,
# apostrophes, hyphens and the few capitals that are no letters, "Ⅱ".)
_NC = f"[{NAME_CHAR[1:-1]}{UPPER[1:-1]}]"
_NAME_WORD = rf"(?:{_NC}*{UPPER}{_NC}*|(?<!{_NC})(?:{_PARTICLES}))"
_NAME_RUNS_REVERSED_RE = re.compile(
    r",(?<=[ \t],)" + reverse_regex(rf"(?P<run>(?:{_NAME_WORD}[ \t]+)*{_NAME_WORD})")
)


def appositive_matches(text: str) -> list[re.Match[str]]:
    """``list(APPOSITIVE_RE.finditer(text))``, tried only at the capitals of the runs of name
    words that end at a comma instead of at every capital. (First 3,000 ABP articles: ~64 ->
    ~15 us a text; the finditer was ~5% of the quotes stage.)"""
    size = len(text)
    runs = [
        (size - m.end("run"), size - 1 - m.start())  # (run start, comma) in the text
        for m in _NAME_RUNS_REVERSED_RE.finditer(reversed_text(text))
    ]
    out: list[re.Match[str]] = []
    done = 0  # starts before this were tried, or lie inside a match
    for run_start, comma in reversed(runs):
        # (a match's name ends at the run's comma: no comma inside a run or a name)
        if not _APPOSITIVE_ROLE_RE.match(text, comma):
            done = max(done, comma)
            continue
        for cap in _UPPER_RE.finditer(text, max(done, run_start), comma):
            m = APPOSITIVE_RE.match(text, cap.start())
            if m is not None:
                out.append(m)
                done = m.end()
                break
        done = max(done, comma)
    return out


_MODIFIER_WORDS = (_NOT_SUBJECT_LEADS | _NOT_PLACE_WORDS | _NOT_PERSON_WORDS | _NOT_NAME) - (
    _CLAUSE_LEADS
)


def _organisation_name(name: str) -> bool:
    """Whether a word of ``name`` makes it an organisation or a place ("House Correspondents
    Association", "Stability Oversight Council Lew"); a surname written first before a
    hyphenated given name is no such word ("Park Geun-hye": the first 3,000 ABP).

    >>> _organisation_name("State Medical Society"), _organisation_name("Park Geun-hye")
    (True, False)
    """
    words = name.split()
    if len(words) > 1 and "-" in words[1]:
        words = words[1:]
    return not _NOT_PERSON_WORDS.isdisjoint(words)


def _name_after_modifiers(run: str) -> str:
    """The last two or more words of a capitalised run after its last word of a place, a party
    or a role: "Cory Booker" of "New Jersey Democrat Cory Booker", "Bill Cassidy" of
    "Republican Senator Bill Cassidy"; the run itself when it has none. (A fresh ABP sample,
    session 10: such runs were no subject for a "he"/"she" that followed, which went to a
    person named further back.)"""
    words = run.split()
    if words[0] in _CLAUSE_LEADS and words[0] not in _MAIN_CLAUSE_LEADS:
        return run  # "As Jon Favell wrote": a subordinate clause's subject stays none
    cut = next(
        (i for i in range(len(words) - 3, -1, -1)
         if words[i] in _MODIFIER_WORDS or _ROLE_WORD_RE.match(words[i])),
        -1,
    )  # fmt: skip
    return run if cut < 0 else " ".join(words[cut + 1 :])


def _looks_like_person(name: str) -> bool:
    """Whether a full name found for a surname reads as a person's ("Abigail Spanberger", not
    "Regarding Syria" or "Capitol Police"; "Fox News '" with a tokenised possessive)."""
    words_ = [w.rstrip("'’") or w for w in name.split()]
    return not (
        words_[0].endswith(("ing", "ed"))
        or _NOT_NAME.intersection(words_)
        or _NOT_SUBJECT_LEADS.intersection(words_)
        or _NOT_PERSON_WORDS.intersection(words_)
        or _NOT_PLACE_WORDS.intersection(words_)
    )


_INITIALS_RE = re.compile(rf"(?:{UPPER}\.)+")


def person_name_at(text: str, position: int, name: str) -> bool:
    """Whether ``name``, written at ``position`` of ``text``, reads as a person's name of its
    own: no word a date or a function word ("Late Friday", "By March"), none in capitals ("MUST
    WATCH"), no word of a place or an organisation, not inside a noun phrase ("the visiting
    Denver Nuggets", "about Forest Lawn") and not owning one ("Miss King's belle")."""
    # (the words of the name after its role: "House Intelligence Committee Chairman Mike Roe")
    words = [w for w in split_role(" ".join(name.split()))[1].split() if w not in _HONORIFIC]
    return not (
        not words
        or words[0] in _NOT_SUBJECT_LEADS
        or _NOT_NAME.intersection(words)
        or _NOT_PLACE_WORDS.intersection(words)
        or _NOT_PERSON_WORDS.intersection(words)
        # (initials are no capitals: "Dennis V. Hughes", "H.R. McMaster"; 2,000 unlabelled ABP)
        or any(len(w) > 1 and w.isupper() and not _INITIALS_RE.fullmatch(w) for w in words)
        or _IN_PHRASE_BEFORE_RE.search(text, max(0, position - 24), position)
        # ("one senior Republican on Capitol Hill said"; fresh ABP sample, seed 20261208)
        or _PLACE_BEFORE_RE.search(text, max(0, position - 8), position)
        or _POSSESSIVE_AFTER_RE.match(text, position + len(name))
    )


def _compound_mentions(text: str) -> list[tuple[int, str, str | None]]:
    """(position, name, role) of German compound roles before a name ("Innenministerin Birgit
    Haslauer"): the suffix is found first, the compound matched from its word start."""
    out: list[tuple[int, str, str | None]] = []
    hints = _COMPOUND_HINT_SCAN.finditer(text)
    first = next(hints, None)
    # Compounds are German: a text without its commonest words has none. (Those four substring
    # searches come after the first hint, which the text's anchor pass gives: 3,000 ABP
    # articles, the searches in every text cost ~25 us an article.)
    if first is None or not any(word in text for word in _GERMAN_WORDS):
        return out
    last = -1
    for hint in chain((first,), hints):
        word = _WORD_BACK.match_before(text, hint.start() + 1, 60)
        start = word.start() if word is not None else hint.start()
        if start <= last:
            continue
        m = _COMPOUND_NAME_RE.match(text, start)
        if m is None:
            continue
        name = _clean_name(m.group("name"))
        if name and " " in name:
            out.append((m.start(), name, _extend_role(text, m.start(), m.group("noun"))))
            last = m.end()
    return out


def _compound_gender(word: str) -> str | None:
    """'f' for "innenministerin", 'm' for "bundesgesundheitsminister", else None."""
    m = _COMPOUND_GENDER_RE.search(word)
    if m is None or m.start() == 0 or word.endswith("e"):  # "Abgeordnete": either
        return None
    return "f" if word.endswith("in") else "m"


def first_mention_leads(text: str, surname: str) -> Iterator[str]:
    """Group 1 of each match of ``_FIRST_MENTION`` (with ``surname``) in ``text``, in the order
    and with the non-overlap of ``re.finditer``: the capitalised words right before it.

    >>> list(first_mention_leads("Mr Jan Nowak met Irena Nowak. Nowak left.", "Nowak"))
    ['Mr Jan ', 'Irena ']
    """
    if not surname:
        return
    size = len(surname)
    starts: set[int] = set()  # a match starts in the two tokens before an occurrence
    q = text.find(surname)
    while q >= 0:
        before = _TOKENS_BEFORE.match_before(text, q, q)
        if before is not None:
            starts.update(range(before.start(), q))
        q = text.find(surname, q + 1)
    last = 0
    for start in sorted(starts):
        if start < last or not text[start].isupper():
            continue
        m = _LEAD_WORDS_RE.match(text, start)
        if m is None:
            continue
        # {1,2} is greedy: two words first, then one.
        for end in (m.end("w2"), m.end("w1")):
            if end < 0 or not text.startswith(surname, end):
                continue
            if _WORD_END_RE.match(text, end + size):
                yield text[start:end]
                last = end + size
                break


# Role words that are also surnames: the last word of "Peter King", "Howard Dean" is a name
# when a capitalised word that is no role stands right before it (ABP: "Rep. Peter King,
# R-New York," gave the speaker "Rep. Peter King" with no role).
_SURNAME_ROLES = frozenset(words("surname_roles"))


# Generational suffixes after a surname: "Martin Luther King Jr." (the surname is no role).
_GENERATIONAL = frozenset("Jr Jr. Sr Sr. II III IV".split())


def _last_name_index(tokens: list[str]) -> int:
    """Index of the surname: the last token, or the one before a generational suffix."""
    return len(tokens) - 2 if len(tokens) > 2 and tokens[-1] in _GENERATIONAL else len(tokens) - 1


def _is_surname(tokens: list[str], i: int) -> bool:
    """Whether ``tokens[i]``, a role word, is the surname of the name it ends."""
    return (
        i == _last_name_index(tokens)
        and i > 0
        and tokens[i] in _SURNAME_ROLES
        and tokens[i - 1][:1].isupper()
        and not _ROLE_WORD_RE.match(tokens[i - 1])
        and not tokens[i - 1].endswith(("'s", "’s"))
        # (a title's full stop, "Rep. King"; a middle initial's is a name's: "John B. King Jr.")
        and not (tokens[i - 1].endswith(".") and not _INITIAL_TOKEN_RE.fullmatch(tokens[i - 1]))
    )


_INITIAL_TOKEN_RE = re.compile(rf"{UPPER}\.")


def definite_role_noun(phrase: str) -> str | None:
    """The role noun of a short definite speaker phrase ("the senator", "The Maine senator"),
    lower-cased; None for anything else (a name, "he", "the ministry", a longer phrase)."""
    words_ = phrase.lower().split()
    if not 2 <= len(words_) <= 3 or words_[0] != "the" or not _ROLE_WORD_RE.match(words_[-1]):
        return None
    return words_[-1]


def role_fits(role: str | None, noun: str) -> bool:
    """Whether a person's known ``role`` has ``noun`` or one of its synonyms ("Sen." for
    "senator"); a person without a known role fits any noun."""
    if role is None:
        return True
    return any(_role_has(role, (w,)) for w in (noun, *_ROLE_SYNONYMS.get(noun, ())))


# Party words of a role and the parties they rule out.
_OPPOSED_PARTIES = {
    "republican": ("democratic", "democrat"),
    "gop": ("democratic", "democrat"),
    "democratic": ("republican", "gop"),
    "democrat": ("republican", "gop"),
}


def _role_has_any(role: str | None, words: tuple[str, ...]) -> bool:
    """Whether the role has one of ``words`` (as written, any case)."""
    have = (role or "").lower()
    return any(w in have for w in words)


# A rank below the office its noun names: "the governor" is no "lieutenant governor", "the
# president" no "Vice President Mike Pence" (seed 1907 A: "The governor said that “...”" went
# to Lt. Gov. Kathy Hochul, named after Gov. Andrew Cuomo).
_LOWER_RANKS = frozenset("lieutenant lt. vice deputy assistant under".split())
_RANK_RE = re.compile(r"(?<![\w\-])(?:lieutenant|lt\.|vice|deputy|assistant|under)[ \t\-]+")


def _role_has_unranked(role: str | None, words: tuple[str, ...]) -> bool:
    """:func:`_role_has`, and the role's last wanted word not one of the two words after a
    rank below it ("lieutenant governor", "Vice President", "Deputy Foreign Minister" for
    "governor", "president", "minister")."""
    if not _role_has(role, words):
        return False
    have = str(role).lower()
    return not any(
        t.startswith(words[-1])
        for m in _RANK_RE.finditer(have)
        for t in have[m.end() :].split(maxsplit=2)[:2]
    )


def _role_has(role: str | None, words: tuple[str, ...]) -> bool:
    """Whether the role has every one of ``words`` (as written, any case); no role has none
    (:func:`_role_has_any` asks for one of them)."""
    if role is None:
        return False
    have = role.lower()
    return all(w in have for w in words)


@lru_cache(maxsize=_NAME_CACHE)
def _move_roles(role: str, name: str) -> tuple[str, str]:
    """'Deputy' + 'Foreign Minister Pavel Ryazanov' -> 'Deputy Foreign Minister', 'Pavel ...'."""
    tokens = name.split()
    roles = [i for i, tok in enumerate(tokens) if _ROLE_WORD_RE.match(tok)]
    if not roles:
        return role, name
    last = roles[-1]
    return " ".join([role, *tokens[: last + 1]]), " ".join(tokens[last + 1 :])


def clean_names(names: str) -> str:
    """A list of people as written, without leading words that are not names ("June, ...");
    '' when no name is left ("Wednesday")."""
    parts = re.split(r"(,[ \t]*|[ \t]+and[ \t]+)", names)
    while parts and not clean_name(parts[0]):
        parts = parts[2:]
    return "".join(parts)


def name_in(phrase: str) -> str:
    """The person's name in a speaker phrase, blanks normalised, role words and honorifics
    dropped; '' when no name is left.

    >>> name_in("Speaker  Paul Ryan")
    'Paul Ryan'
    """
    return clean_name(split_role(" ".join(phrase.split()))[1])


@lru_cache(maxsize=_NAME_CACHE)
def clean_name(name: str) -> str:
    """The name without honorifics, trailing role words or possessives; '' when not a name."""
    tokens = [t for t in name.split() if t not in _HONORIFIC]
    if "of" in tokens[2:4] and not any(_ROLE_WORD_RE.match(t) for t in tokens):
        # "Derrick Roe of People's Action": the person, not the group (a fresh ABP sample,
        # seed 20261207; the surname scored was "Action"). Not "Chief of Staff Mick Roe".
        head = tokens[: tokens.index("of", 2)]  # (two words or more: "of" may come first)
        tokens = head if _looks_like_person(" ".join(head)) else tokens
    if len(tokens) > 3 and tokens[0] in tokens[2:]:
        # Page residue repeats a name ("Paul Ryan Paul Davis RyanDemocrats hit ..."): the first.
        tokens = tokens[: tokens.index(tokens[0], 1)]
    last = _last_name_index(tokens)
    surname = len(tokens) > 1 and _is_surname(tokens, last)  # "Peter King", "X King Jr."
    while (
        not surname
        and tokens
        and (_ROLE_WORD_RE.match(tokens[-1]) or tokens[-1].endswith(("'s", "’s")))
    ):
        tokens.pop()
    if not tokens or tokens[0] in _NOT_NAME or tokens[0] in _GENERATIONAL:
        return ""  # (no name starts with "Jr.": "King Jr." after a role word is no person)
    if any(_ROLE_WORD_RE.match(t) for i, t in enumerate(tokens) if not (surname and i == last)):
        return ""
    if len(tokens) > 1 and tokens[-1] in _ORG_NOUN_SET:
        return ""  # "director of the White House Domestic Policy Council": no person's name
    if _AFFILIATION_RE.match(" ".join(tokens)):
        return ""  # "Florida Republican", "R-Wyo."
    if not all(t[0].isupper() or t.split("-", 1)[0] in NAME_PARTICLES for t in tokens):
        return ""
    if all(_INITIALS_RE.fullmatch(t) for t in tokens):
        return ""  # initials left of a possessive ("Gov. J.B. Pritzker’s adviser"): no name
    return " ".join(tokens)


_clean_name = clean_name


def _extend_role(text: str, start: int, role: str) -> str:
    """The role as written: the role words plus the capitalised or role words right before."""
    words = _TOKEN_RE.findall(text[max(0, start - 60) : start])
    taken: list[str] = []
    for word in reversed(words[-4:]):
        if word in _NOT_NAME or word.endswith((".", ",")) or word.lower() in _DETERMINERS:
            break
        if word[0].isupper() or word.lower() in _ROLE_LOWER:
            taken.append(word)
        else:
            break
    return " ".join([*reversed(taken), role])
