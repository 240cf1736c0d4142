"""Shared vocabulary of attribution: names, outlet descriptors, roles, speech verbs, dates.

Every pattern here is a plain regex fragment (or a compiled pattern) so that the credit,
citation and quote extractors build their one-pass patterns from the same pieces. The word
lists cover English, Spanish, French, German, Portuguese and Italian (role nouns, reporting
verbs with the auxiliaries of compound tenses, months, days, outlet descriptors).

>>> parse_date("23rd August, 2021")
'2021-08-23'
>>> parse_date("Aug. 23", default_year=2021)
'2021-08-23'
>>> parse_date("4 mars 2025"), parse_date("12 de mayo", 2025), parse_date("4. März 2025")
('2025-03-04', '2025-05-12', '2025-03-04')
>>> bool(OUTLET_WORD_RE.search("the Daily Clarion newspaper"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from provenance.attribution._wordlists import words


def _letter_class(test, extra: str = "") -> str:
    """A regex class of the BMP characters passing ``test`` (and ``extra``), as ranges (Python's
    ``re`` has no ``\\p{Lu}``); the compiled class is one table lookup whatever its size."""
    codes = sorted({c for c in range(0x10000) if test(chr(c))} | {ord(ch) for ch in extra})
    ranges: list[tuple[int, int]] = []
    for c in codes:
        if ranges and c == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    esc = lambda c: re.escape(chr(c))  # noqa: E731
    return "[" + "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in ranges) + "]"


# Names are not ASCII ("Balázs Tóth", "Şahinoğlu", "Łukasz"): an upper-case letter of any script
# starts a name, any letter continues it.
UPPER = _letter_class(lambda ch: ch.isupper() or ch.istitle())
LOWER = _letter_class(str.islower)
LETTER = r"[^\W\d_]"
# A letter, an apostrophe or a hyphen: the body of a name word ("O'Neil", "Tóth-Szentgyörgyi").
NAME_CHAR = _letter_class(str.isalpha, "'’-")
# A capitalised token: "Lavrov", "Hungary's", "Al-Jazeera", "RIA", "O'Neil". No trailing dot, so
# a name never swallows the full stop that ends its sentence.
ABBREVIATED_TITLE = (
    r"(?:Capt|Sen|Rep|Gov|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Prof|Sgt|Adm|Maj|Supt|Insp|Cmdr|Det"
    r"|M|Mme|Mlle|Sr|Sra|Srta|Dra|Hr|Dott|Sig)\."
)
# Inner dots are kept ("S.Paulo"), a final one is not, except after an initial followed by a
# capitalised word ("Paul R. Okafor").
CAP = (
    # "St. Louis Post-Dispatch", "Ft. Worth": a place's abbreviated first word keeps its dot.
    rf"(?:{ABBREVIATED_TITLE}|(?:St|Ste|Mt|Ft)\.(?=[ \t]{UPPER})|{UPPER}\.(?=[ \t]{UPPER})"
    r"|(?:(?:al|el|ad|as|an|ar|at|az|bin|ibn)-)?"
    rf"{UPPER}(?:[\w&-]|\.(?={LETTER}))*(?:['’]{LETTER}+)?)"
)
# Lower-case words allowed inside a name ("Voice of America", "Times of India", "Der Spiegel").
CONNECTOR = r"(?:of|de|du|des|al|el|der|die|das|la|le|für|del|della|di|do|da|dos|y)"
NAME = rf"{CAP}(?:[ \t]+(?:{CONNECTOR}[ \t]+)?{CAP}){{0,5}}"

# Nouns that say "this name is a news outlet" when they stand next to it, in English, Spanish,
# French, German, Portuguese and Italian ("la agencia", "le quotidien", "der Zeitung").
DESCRIPTOR = (
    r"(?:news[ \t]+agency|news[ \t]+service|wire[ \t]+service|newswire|agency|newspaper|daily"
    r"|weekly|monthly|tabloid|broadcaster|(?:TV|television)(?:[ \t]+(?:channel|network|station))?"
    r"|channel|radio(?:[ \t]+station)?|magazine|(?:news|media)[ \t]+outlet|outlet|news[ \t]+site"
    r"|news[ \t]+website|website|news[ \t]+portal|portal|publication|paper|network"
    r"|agencia|agence|agência|agenzia|(?:[Nn]achrichten|[Pp]resse)?[Aa]gentur|diario|diário"
    r"|periódico|jornal|journal|quotidien|hebdomadaire|quotidiano|giornale|settimanale|semanario"
    r"|semanário|revista|rivista|[Zz]eitung|[Ww]ochenzeitung|[Mm]agazin|[Ss]ender|cadena|chaîne"
    r"|emisora|emissora|televisión|télévision|televisão|televisione|emittente|rádio|canal"
    r"|[Tt]ageszeitung|[Bb]oulevardzeitung)"
)
# Capitalised words that make an unregistered name look like an outlet ("the Daily Clarion").
_OUTLET_WORD_LIST = (
    "Times Post News Journal Gazette Herald Tribune Telegraph Guardian Observer Chronicle "
    "Express Mirror Daily Press Radio Television TV Broadcasting Wire Magazine Courier Dispatch "
    "Inquirer Examiner Sentinel Bulletin Clarion Monitor Standard Weekly Media Newspaper Izvestia "
    "Kommersant Pravda Gazeta Zeitung Spiegel "
    # Spanish, French, German, Portuguese, Italian mastheads.
    "Prensa Presse Imprensa Diario Diário Jornal Noticias Notícias Nouvelles Nachrichten Notizie "
    "Gazzetta Giornale Corriere Courrier Kurier Rundschau Tageblatt Allgemeine Agencia Agence "
    "Agência Agenzia Presse-Agentur Nachrichtenagentur Televisión Télévision Televisão"
).split()
# OUTLET_WORDS' words as written and in capitals: one of them stands in every match of it
# ("News" in "News Agency"; resolve.outlet_hint_words).
OUTLET_WORD_LITERALS = (*_OUTLET_WORD_LIST, *(w.upper() for w in _OUTLET_WORD_LIST))
OUTLET_WORDS = "|".join(
    [*(re.escape(w) for w in _OUTLET_WORD_LIST), r"News[ \t]+Agency"]
    # In capitals too: "(EUROPA PRESS)", "DAILY NEWS".
    + [re.escape(w.upper()) for w in _OUTLET_WORD_LIST if w.upper() != w]
)
# Descriptors that make an unregistered name an outlet on their own ("agency" and "network"
# do not: "the China Manned Space Agency" is no news agency).
STRICT_DESCRIPTOR = (
    r"(?:news[ \t]+agency|news[ \t]+service|wire[ \t]+service|newswire|newspaper|daily|weekly"
    r"|tabloid|broadcaster|TV(?:[ \t]+channel)?|television[ \t]+channel|radio(?:[ \t]+station)?"
    r"|magazine|news[ \t]+outlet|media[ \t]+outlet|news[ \t]+site|news[ \t]+website|news[ \t]+portal"
    r"|diario|diário|periódico|jornal|quotidien|hebdomadaire|quotidiano|giornale|settimanale"
    r"|[Zz]eitung|[Tt]ageszeitung|[Nn]achrichtenagentur|agencia[ \t]+de[ \t]+noticias"
    r"|agence[ \t]+de[ \t]+presse|agência[ \t]+de[ \t]+notícias|agenzia[ \t]+di[ \t]+stampa)"
)
OUTLET_WORD_RE = re.compile(rf"\b(?:{OUTLET_WORDS})\b|\b{STRICT_DESCRIPTOR}\b")

# The words of a photo, image or video credit, in any case ("AP Photo", "Getty Images", "(File)",
# "Pool", "screen grab", "(Credit: Fox News)"): a credit that holds one credits no text
# (credits.is_photo_credit) and a bracket that holds one is no source tag (citations).
PHOTO_WORD = (
    r"(?i:\bphoto(?:s|graph|grapher)?\b|\bimages?\b|\bgetty\b|\bfile\b|\bpool\b|\bvideo\b"
    r"|\bscreen[ \-]?(?:shot|grab)|\billustration\b|\bcredit[ \t]*:)"
)


# "according to" and the words that open its Spanish, French, Portuguese, Italian and German
# forms: the anchors of every "according to X" cue (speakers and citations).
ACCORDING_WORDS = (
    "according", "según", "selon", "segundo", "secondo", "laut", "de acuerdo", "de acordo",
    "d'après", "d’après",
)  # fmt: skip


def both_cases(*words: str) -> list[str]:
    """Each word as written and with a capital first letter (a sentence may open with it).

    >>> both_cases("selon", "d'après")
    ['selon', 'Selon', "d'après", "D'après"]
    """
    return [form for w in words for form in (w, w[0].upper() + w[1:])]


def trie_pattern(words: Iterable[str], suffixes: bool = False) -> str:
    """A non-capturing regex for any of ``words``, factored by common prefixes (or, with
    ``suffixes``, by common suffixes: the form to give a pattern matched right to left).

    Python's regex engine tries alternatives one by one; a prefix tree makes a failed match
    cost one character test instead of one per word. Spaces match any run of blanks.

    >>> trie_pattern(["minister", "ministry", "mayor"])
    'm(?:ayor|inist(?:er|ry))'
    >>> trie_pattern(["minister", "master"], suffixes=True)
    '(?:ma|mini)ster'
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in reversed(word) if suffixes else word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [
            build(child) + _literal(ch) if suffixes else _literal(ch) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]  # a single path needs no group
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(trie)


def _literal(ch: str) -> str:
    return r"[ \t]+" if ch == " " else re.escape(ch)


# Role nouns: a person named next to one is a person, never an outlet.
ROLE_WORDS = frozenset(words("role_nouns_en"))
# The same for Spanish, French, German, Portuguese and Italian (German nouns are capitalised as
# written; the speaker patterns add the capitalised forms of every word).
ROLE_WORDS_ML = frozenset(words("role_nouns_ml"))
ROLE_WORDS_EN = ROLE_WORDS
ROLE_WORDS = ROLE_WORDS | ROLE_WORDS_ML
ROLE_NOUNS = trie_pattern(ROLE_WORDS) + r"(?![\w\-])"
ROLE_RE = re.compile(rf"(?<![\w\-])(?i:{ROLE_NOUNS})")

# Reporting verbs, as written (tense forms kept: the table keeps the verb as written).
VERB_WORDS = frozenset(words("reporting_verbs_en"))
# Spanish, French, German, Portuguese and Italian reporting verbs. Compound tenses are written
# as their participle ("a déclaré", "ha detto", "ha dicho"): the auxiliary is matched before it
# (AUXILIARY), so that no one-letter word ("a") becomes a cue searched everywhere.
VERB_WORDS_ML = frozenset(words("reporting_verbs_ml"))
VERB_WORDS = VERB_WORDS | VERB_WORDS_ML
# Auxiliaries of compound tenses, met between a speaker and a participle ("a déclaré").
AUXILIARY = r"(?:a|ha|hat|han|ont|hanno|tem|avait|había|aveva)"
SPEECH_VERBS = trie_pattern(VERB_WORDS)
VERB = rf"(?:{SPEECH_VERBS})(?![\w\-])"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "on Tuesday" between a speaker and the verb ("Xi Jinping on Tuesday called for").
# Days in Spanish, French, German, Portuguese and Italian ("hoy lunes", "am Sonntag", "nesta
# quarta-feira", "jeudi").
_WEEKDAY_ML = (
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi"
    r"|samedi|dimanche|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag"
    r"|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|lunedì|martedì"
    r"|mercoledì|giovedì|venerdì|sabato|domenica"
)
_WHEN_ML = (
    rf"(?:(?:este|esta|el|ce|am|nesta|neste|no|na|il|hoy|ayer)[ \t]+)?(?:{_WEEKDAY_ML})"
    r"|hoy|ayer|hoje|ontem|oggi|ieri|heute|gestern|aujourd['’]hui"
)
WHEN = (
    rf"(?:[ \t]+(?:on[ \t]+{WEEKDAY}|{WEEKDAY}|today|yesterday|last[ \t]+week|this[ \t]+week"
    rf"|{_WHEN_ML}))?"
)

# Month names and abbreviations: English, Spanish, French, German, Portuguese, Italian.
_MONTH_NAMES = (
    ("january jan", "enero ene", "janvier janv", "januar jänner jän", "janeiro", "gennaio gen"),
    ("february feb", "febrero", "février févr fév fevr", "februar", "fevereiro fev", "febbraio"),
    ("march mar", "marzo", "mars", "märz mär mrz", "março", ""),
    ("april apr", "abril abr", "avril avr", "", "", "aprile"),
    ("may", "mayo", "mai", "", "maio", "maggio mag"),
    ("june jun", "junio", "juin", "juni", "junho", "giugno giu"),
    ("july jul", "julio", "juillet juil", "juli", "julho", "luglio lug"),
    ("august aug", "agosto ago", "août aout", "", "", ""),
    ("september sep sept", "septiembre setiembre", "septembre", "", "setembro set", "settembre"),
    ("october oct", "octubre", "octobre", "oktober okt", "outubro out", "ottobre ott"),
    ("november nov", "noviembre", "novembre", "", "novembro", ""),
    ("december dec", "diciembre dic", "décembre déc dec", "dezember dez", "dezembro", "dicembre"),
)
MONTHS = {
    word: number
    for number, names in enumerate(_MONTH_NAMES, start=1)
    for group in names
    for word in group.split()
}
# Any case ("3 mar", "5 MAR", "4 mars 2025"); a month never runs into a longer word ("Marcos").
MONTH = rf"(?i:{trie_pattern(MONTHS)})(?!{LETTER})\.?"
# "Aug. 23, 2021", "23rd August, 2021", "4. März 2025", "12 de mayo de 2025".
DATE = (
    rf"(?:{MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th|\.|º|er)?[ \t]+(?:de[ \t]+)?{MONTH},?"
    rf"(?:[ \t]+(?:de[ \t]+)?\d{{4}})?)"
)
DATE_RE = re.compile(DATE)
_DATE_PARTS_RE = re.compile(rf"(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?|({LETTER}+)")


# Years a news credit can carry: "23rd August 0021" (a typo or a scraper's zero-padded
# year) gives no date rather than a guessed one.
YEARS = range(1800, 2201)


def parse_date(text: str, default_year: int | None = None) -> str | None:
    """ISO date (YYYY-MM-DD) of a written date; ``default_year`` fills a missing year.

    Returns None when the month or day is missing or invalid, no year is known, or the
    written year is outside :data:`YEARS` (then ``default_year`` is not used either).
    """
    year = month = day = None
    for four, one_two, word in _DATE_PARTS_RE.findall(text):
        if four:
            year = int(four)
        elif one_two:
            day = int(one_two)
        elif word and month is None:
            month = MONTHS.get(word.lower())
    year = year if year is not None else default_year
    if year not in YEARS or month is None or day is None or not 1 <= day <= 31:
        return None
    if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
