"""Credits: the article says it is (partly) another outlet's copy.

House styles covered, each one compiled pattern run once per article:

* datelines ``MOSCOW (Sputnik) -``, ``WASHINGTON, Aug 23 (Reuters) -``, ``(AP) —``,
  ``BEIJING, Aug. 23 (Xinhua) --``, ``MOSCOW, August 23. /TASS/.``, ``ISLAMABAD, Aug 23 (APP):``
  and republisher datelines ``MOSCOW (UrduPoint News / Sputnik - 23rd August, 2021)``, where
  the credited outlet is the last name (Sputnik), not the republisher's own brand;
* agency tags at the end of a paragraph: ``— AFP``, ``[Xinhua]``, ``(ANI)``;
* source lines ``Source: TASS``, ``Courtesy: Dawn``, ``Copyright 2021 The Associated Press``;
* ``With inputs from PTI, ANI``; ``This article originally appeared on X``;
  ``Republished with permission from X``; ``The Associated Press contributed to this report``;
* bylines ``By X Staff | APP``, ``By JOHN SMITH Associated Press`` (in the text or in the
  articles' ``byline`` column; the latter has no span).

Spanish, French, German, Portuguese and Italian copy: datelines with their month names and
abbreviations in any case (``MADRID, 3 mar (EFE).-``, ``PARIS, 4 mars 2025 (AFP) -``,
``Berlin (dpa) -``, ``MOSCÚ (Sputnik) —``, ``ROMA, 5 MAR - (ANSA) -``, ``Brasília (Reuters) -``,
``MADRID, 14 (EUROPA PRESS)``) and republication notes (``publicado originalmente en X``, ``a
d'abord été publié par X``, ``erschien zuerst bei X``, ``publicada originalmente pela X``,
``pubblicato originariamente su X``).

An outlet crediting itself (Reuters copy with a Reuters dateline) is kept: compare outlet_id
with the article's outlet downstream.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from provenance.attribution._input import article_columns, article_years, rows_table
from provenance.attribution._scan import finditer_in_lines, stays_in_line
from provenance.attribution._spans import SpanSet
from provenance.attribution._wordlists import words
from provenance.attribution.datelines import BARE_DATELINE_RE, DATELINE_RE, PLACE
from provenance.attribution.patterns import (
    ABBREVIATED_TITLE,
    DATE,
    DESCRIPTOR,
    LOWER,
    MONTH,
    NAME,
    OUTLET_WORD_RE,
    PHOTO_WORD,
    ROLE_RE,
    UPPER,
    parse_date,
)
from provenance.attribution.resolve import (
    OutletResolver,
    registered_names,
    registered_row,
    registry_or_default,
    shared_resolver,
)
from provenance.collector import collector_paused
from provenance.errors import check_frame
from provenance.ids import stable_id
from provenance.literals import LiteralFinder
from provenance.schema import empty

if TYPE_CHECKING:
    from provenance.outlets.registry import OutletRegistry

# Inside the dateline brackets: a date after the names ("Sputnik - 23rd August, 2021").
_TRAILING_DATE_RE = re.compile(rf"[ \t]*[-–—,][ \t]*(?P<date>{DATE}).*$")
# Names in a list: "Reuters and AP", "EFE y Europa Press", "Reuters e da AFP" (an article
# after the conjunction stays out of the name).
_SPLIT_RE = re.compile(
    r"[ \t]*(?:[/;|,]|\b(?:and|y|et|und|e)\b|&)[ \t]*(?:(?:da|de|do|del|der|die)[ \t]+)?"
)
# Inside dateline brackets a spaced dash parts names too: "(APP - UrduPoint / Pakistan Point
# News - 23rd Aug, 2021)", UrduPoint's style for a wire's copy (the date goes first,
# ``_TRAILING_DATE_RE``): read as one name "APP - UrduPoint", the wire was lost.
_DATELINE_SPLIT_RE = re.compile(rf"{_SPLIT_RE.pattern}|[ \t]+[-–—][ \t]+")
# Unregistered agency acronyms have three letters or more: two-letter ones in brackets are
# states and titles ("Rand Paul (KY):", "(DC)", "– RN, Cherry Health"; ABP+PTC credit noise).
_ACRONYM_RE = re.compile(r"^[A-Z]{3,6}$")
# Speaker labels of transcripts ("SEAN HANNITY (HOST):"), time zones ("at 9 p.m. (EDT).")
# and ministries, alliances and treaties at the end of state-media copy ("— MFA", "- NATO",
# "(START)": issue 18's wrong credits) read like agency acronyms in brackets and name no
# outlet (package data: ``resources/credits/not_agency_acronyms.txt``). An unregistered
# acronym still credits by house style ("... said. (QNS)").
_NOT_AGENCY = frozenset(words("not_agency_acronyms", "credits"))
# The last character before a bracketed tag: a word or a comma means the bracket continues a
# sentence ("the Federal Aviation Administration (FAA).", "Apple (AAPL)."), not a tag.
_GLUED_RE = re.compile(r"[\w,]")
# Lower-case agency acronyms exist ("dpa"); the registry decides whether they are outlets.
_NAMES = rf"(?:(?:the[ \t]+|The[ \t]+)?{NAME}(?:[ \t]+{DESCRIPTOR})?|[a-z]{{2,4}}(?![\w'’]))"
# (An Oxford comma too: "from The Associated Press, Reuters, and Bloomberg News" lost its last
# name; all ABP, session 14.)
_NAME_LIST = rf"{_NAMES}(?:[ \t]*(?:,(?:[ \t]*(?:and|&)(?![\w\-]))?|/|\band\b|&)[ \t]*{_NAMES})*"
# A site's name that ends its line may hold "of the", which a NAME does not cross: "Article
# posted with permission from End of the American Dream" (seed-121207 credits sample: 2 PTC
# credits read as "End").
_LINE_END_TITLE = (
    rf"{NAME}[ \t]+(?:of|for|and|in|on)[ \t]+the[ \t]+{NAME}(?=[ \t]*\.?[ \t]*(?:\n|$))"
)
_ML_NAME_LIST = (
    rf"{_NAMES}(?:[ \t]*(?:,|/|&|\b(?:and|y|et|und|e)\b)[ \t]*(?:(?:da|de|do|del|der|die)"
    rf"[ \t]+)?{_NAMES})*"
)
_REPUB_VERB = (
    r"publicad[oa]s?|publicó|publicou|publiée?s?|pubblicat[oaie]|erschien(?:en)?|veröffentlicht"
    r"|parue?s?"
    r"|aparecid[oa]s?|appars[oaie]|difundid[oa]"
)
_REPUB_ADV = (
    r"originalmente|originariamente|inicialmente|initialement|originellement|d['’]abord|zuerst"
    r"|ursprünglich|por[ \t]+primera[ \t]+vez|pela[ \t]+primeira[ \t]+vez|per[ \t]+la[ \t]+prima"
    r"[ \t]+volta|pour[ \t]+la[ \t]+première[ \t]+fois"
)
# Prepositions, also glued to an article ("pela", "sul", "im"), then an optional article.
_REPUB_PREP = (
    r"(?:en|em|por|pelo|pela|no|na|par|dans|sur|su|sul|sulla|da|dal|dalla|in|nel|nella|bei|auf"
    r"|von|im|am)"
)
# The article after the preposition is lower case ("en el diario El Mundo"; "dans Le Monde"
# keeps its article), then an optional descriptor.
_REPUB_ARTICLE = rf"(?:[ \t]+(?:der|dem|el|la|le|il|lo|o|a))?(?:[ \t]+{DESCRIPTOR})?"
_REPUB_GATES = (
    "originalmente", "originariamente", "inicialmente", "initialement", "originellement",
    "d'abord", "d’abord", "zuerst", "ursprünglich", "primera vez", "primeira vez",
    "prima volta", "première fois",
)  # fmt: skip
# A page's time stamp with the agency beside it on one line ("08:00 PM IST Reuters", "Updated:
# 3 Sep 2023, 11:45 AM IST | PTI"): the wire whose copy the page carries (a byline).
_TIME_LINE_RE = re.compile(
    r"[ \t]*(?:(?i:updated|published|posted|last[ \t]+updated|first[ \t]+published)[ \t]*:?"
    rf"[ \t]*)?(?:(?:{DATE}|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}})[ \t]*,?[ \t]*)?"
    r"\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:[AaPp]\.?[Mm]\.?)?[ \t]*(?:[A-Z]{2,4}[ \t]+)?"
    rf"(?:[|•·][ \t]*)?(?P<names>{_NAME_LIST})[ \t]*$"
)

# Parts every match of two costly "any" line patterns holds, searched in a gated line before
# the pattern (``_LINE_NEEDLES``): "Associated Press writers Jane Doe and John Roe contributed
# to this report" (a name list tried at every position of each line holding "contributed":
# 151 us a line) and "Compiled from Reuters reports" (a look-behind first: 28 us a line with
# "based on", mostly prose). First 1,500 ABP articles (profile_attribution.py), 6.2 and 5.1 us
# an article.
_CONTRIBUTORS = r"(?i:(?:staff[ \t]+)?(?:writers?|reporters?|correspondents?|photographers?))"
_COMPILED_FROM = r"(?:C|A|B)(?i:(?:ompiled|dapted)[ \t]+from|ased[ \t]+on)"
_COMPILED_FROM_RE = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[.!?:][ \t])|(?<=[.!?:][\"”'’)][ \t]))[ \t]*"
    rf"{_COMPILED_FROM}[ \t]+(?P<names>{_NAME_LIST})[ \t]+(?i:reports?|dispatches|wires?|copy|stories)(?![\w\-])"
    r"(?=[ \t]*(?:[.;)]|$))"
)
_STAFF_CONTRIBUTED_RE = re.compile(
    rf"(?P<names>{_NAMES})[ \t]+{_CONTRIBUTORS}[ \t]+[^\n.]{{1,80}}?(?i:contributed)(?![\w])"
    # What follows a contribution credit: its end, "to this report", "from <place>",
    # "reporting" ("reporters that suggested that security lapses ... contributed to
    # the disaster" is prose: 1 of 535 credits on all ABP read, session 14).
    r"(?=[ \t]*(?:[.,;)]|$)|[ \t]+(?i:to[ \t]+(?:this|the)[ \t]+(?:report|story|article)"
    r"|from|reporting|additional|including|as[ \t]+well))"
)

# (kind, where, pattern with a "names" group, cue words that must be in the lower-cased text).
# "start": matched at each line start; "end": searched in the last characters of each line;
# "any": searched in the whole text, only when one of its cue words is there; "colon": as
# "any", in the lines that end with a colon (every match ends its line with one).
LINE_PATTERNS: tuple[tuple[str, str, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "source_line",
        "start",
        re.compile(
            r"[ \t]*(?i:source|sources|source\(s\)|courtesy|credit|credits|via)[ \t]*:[ \t]*"
            rf"(?P<names>{_NAME_LIST})[ \t]*\.?[ \t]*$"
        ),
        (),
    ),
    (
        "source_line",
        "any",
        # First letters written out (c, C, ©): the engine skips to them instead of trying the
        # pattern at every position (no other character folds to c).
        re.compile(
            # "© Copyright 2019 The Associated Press" (Newsmax's AP copy): the sign, then the word
            # (read as the sign alone, the word was taken for the name and the credit lost; 3 of
            # 242 articles read in a seeded fresh ABP sample, seed 111207).
            rf"(?:c(?i:opyright)|C(?i:opyright)|©(?:[ \t]*(?i:copyright))?)[ \t]*(?:\d{{4}},?[ \t]*)?"
            rf"(?:[Pp]rovided[ \t]+by[ \t]+)?"
            rf"(?P<names>{_NAMES})"
        ),
        ("copyright", "©"),
    ),
    (
        "inputs_from",
        "any",
        re.compile(
            r"(?i:with[ \t]+(?:additional[ \t]+)?inputs?[ \t]+from)[ \t]+"
            rf"(?P<names>{_NAME_LIST}|(?i:agencies|wire services|news agencies))"
        ),
        ("input",),
    ),
    (
        "originally_published",
        "any",
        re.compile(
            r"(?i:(?:originally|first)[ \t]+(?:appeared|published|posted|ran|carried|aired)"
            r"|(?:was|were)[ \t]+(?:originally|first)[ \t]+(?:published|posted|carried))"
            # "originally published by Tyler Durden at Zero Hedge": the person is no outlet.
            rf"(?:[ \t]+by[ \t]+{NAME}[ \t]+(?i:at|on|in|for)|[ \t]+(?i:on|in|by|at)"
            # "on the website of The Independent", "in the (Salem, Ore.) Statesman Journal",
            # "on nationaljournal.com" (session 11, first 20,000 ABP: 3 credits missed).
            r"(?:[ \t]+(?i:the[ \t]+)?(?i:website|web[ \t]+site|site|pages)[ \t]+(?i:of))?)?"
            r"(?:[ \t]+(?:the|The)[ \t]+\([^()\n]{1,30}\))?"
            rf"[ \t]+(?P<names>{_NAMES}|[a-z][\w\-]*\.(?:com|org|net))"
        ),
        (
            "originally",
            "first appeared",
            "first published",
            "first posted",
            "first ran",
            "first carried",
            "first aired",
        ),
    ),
    (
        "republished",
        "any",
        re.compile(
            # r/R written out first (no other character folds to r): the engine skips to them.
            r"(?:r|R)(?i:(?:e-?published|eprinted|eproduced)(?:[ \t]+here)?"
            r"(?:[ \t]+with[ \t]+(?:the[ \t]+)?(?:kind[ \t]+)?permission)?[ \t]+(?:from|of|by))"
            rf"[ \t]+(?P<names>{_NAMES})"
        ),
        ("published", "reprinted", "reproduced"),
    ),
    (
        "tagline",
        "any",
        re.compile(
            rf"(?P<names>{_NAME_LIST})[ \t]+(?i:contributed[ \t]+(?:to[ \t]+this"
            r"[ \t]+(?:report|story|article)|reporting))"
        ),
        ("contributed to this", "contributed reporting"),
    ),
    (
        "agency_tag",
        "end",
        re.compile(rf"(?m)(?:^|[ \t])(?:--|[-–—])[ \t]*(?P<names>{_NAME_LIST})[ \t]*\.?[ \t]*$"),
        (),
    ),
    (
        "agency_tag",
        "end",
        re.compile(rf"[\[(][ \t]*(?P<names>{_NAME_LIST})[ \t]*[\])][ \t]*\.?[ \t]*$"),
        (),
    ),
    (
        # "Compiled from Reuters and Associated Press reports", "Based on AFP dispatches".
        "inputs_from",
        "any",
        # The cue opens its sentence and the reports end it: "..., based on the Axios report."
        # and "Based on the Buzzfeed report and numerous other articles showing ..." are prose
        # (the 2 credits of this form on all ABP, both wrong; session 14).
        _COMPILED_FROM_RE,
        ("compiled from", "adapted from", "based on"),
    ),
    (
        # "Additional reporting by Reuters", "With reporting from AFP and dpa" (people are not
        # outlets: "Reporting by Jane Doe" resolves to nothing).
        "inputs_from",
        "any",
        re.compile(
            r"(?:a|A|w|W)(?i:dditional|ith(?:[ \t]+additional)?)[ \t]+(?i:reporting[ \t]+(?:by|from))"
            rf"[ \t]+(?P<names>{_NAME_LIST})"
        ),
        ("reporting by", "reporting from"),
    ),
    (
        # "Material from Reuters was used in this report".
        "inputs_from",
        "any",
        re.compile(
            r"(?:m|M|i|I)(?i:aterial|nformation)[ \t]+(?i:from)[ \t]+"
            rf"(?P<names>{_NAME_LIST})[ \t]+(?i:(?:was|were)[ \t]+used[ \t]+in[ \t]+this)"
        ),
        ("used in this",),
    ),
    (
        # "This report contains material from The Associated Press and Reuters." (ABP: 5 of the
        # first 20,000 articles; heldout2 misses both credits of one).
        "inputs_from",
        "any",
        re.compile(
            r"(?:c|C|i|I)(?i:ontains?|ncludes?)[ \t]+(?i:material|information|reporting)[ \t]+"
            rf"(?i:from)[ \t]+(?P<names>{_NAME_LIST})"
        ),
        tuple(
            f"{verb} {noun} from"
            for verb in ("contain", "contains", "include", "includes")
            for noun in ("material", "information", "reporting")
        ),
    ),
    (
        # USA Today's "Contributing: Jane Roe, Detroit Free Press; Associated Press": people and
        # outlets by semicolons; only registered outlets are kept (inputs_from is not strong).
        "inputs_from",
        "any",
        # The line ends before a closing full stop or the reporters' "Follow X on Twitter" (11
        # of the 63 such lines in the first 20,000 ABP articles run on into it: "The (Wilmington,
        # Del.) News Journal. Follow Dan Nowicki ..." credited "News Journal. Follow Dan Nowicki").
        # Up to 400 characters: 3 of the 117 such lines on all ABP run past 300 (307, 339 and
        # 718); the 339 one lost its last outlet, "Detroit Free Press" (seed-1613 sample, part B).
        re.compile(
            r"(?m)^Contributing[ \t]*:[ \t]*(?P<names>[^\n]{1,400}?(?=[ \t]*\.?[ \t]*(?:Follow[ \t]|$))"
            r"|[^\n]{400})"
        ),
        ("contributing:", "contributing :", "contributing\t:"),
    ),
    # Session 11, 242 articles of a seeded fresh ABP sample (seed 111207, labelled ids left out)
    # read head and tail: credit forms the patterns above missed.
    (
        # Fox News: "Fox News' Jane Roe contributed to this report, as well as The Associated
        # Press." (2 of the 242).
        "tagline",
        "any",
        re.compile(
            r"(?i:contributed[ \t]+to[ \t]+this[ \t]+(?:report|story|article)[ \t]*,?[ \t]*(?:as"
            # "..., along with The Associated Press." (seed-1403 sample, session 14)
            rf"[ \t]+well[ \t]+as|along[ \t]+with))[ \t]+(?P<names>{_NAME_LIST})"
        ),
        # (Gate: "as well as" alone let most texts through, 0.49 -> 0.67 s CPU for the credits
        # of the first 3,000 ABP with all of this session's patterns.)
        ("contributed to this",),
    ),
    (
        # A column's home in the author's bio: "Jane Roe is the opinion editor for the Des
        # Moines Register, where this column originally appeared." (1 of the 242).
        "originally_published",
        "any",
        re.compile(
            rf"(?:for|at|of|in|with)[ \t]+(?P<names>{_NAMES})[ \t]*,[ \t]*(?i:where[ \t]+(?:this|the)"
            r"[ \t]+(?:column|article|story|piece|essay|commentary|op-ed|editorial)[ \t]+"
            r"(?:(?:was|is)[ \t]+)?(?:originally|first)[ \t]+(?:appeared|ran|published))"
        ),
        tuple(
            f"where {det} {noun}"
            for det in ("this", "the")
            for noun in ("column", "article", "story", "piece", "essay", "commentary", "op-ed")
        )
        + ("where the editorial", "where this editorial"),
    ),
    (
        # "An earlier version of this essay appeared at X", "This essay is adapted from an
        # article on X", "This story was produced by X" (2 of the 242; "produced by" names
        # people too, so it credits only a registered or outlet-like name, ``_resolve``).
        "originally_published",
        "any",
        re.compile(
            r"(?i:(?:(?:an?|the)[ \t]+)?(?:earlier|longer|shorter|original)[ \t]+version[ \t]+of"
            r"[ \t]+this[ \t]+"
            r"(?:article|story|essay|piece|column|post)[ \t]+(?:appeared|was[ \t]+published|ran)"
            r"|(?:adapted|excerpted)[ \t]+from[ \t]+an?[ \t]+(?:article|essay|post|piece|column)"
            r"|(?:this|the)[ \t]+(?:story|article|piece|report)[ \t]+(?:was|is)[ \t]+produced)"
            rf"[ \t]+(?i:at|in|on|for|by)[ \t]+(?P<names>{_NAMES})"
        ),
        (
            "version of this",
            "from an article",
            "from an essay",
            "from a post",
            "from a piece",
            "from a column",
            *(
                f"{n} {v} produced"
                for n in ("story", "article", "piece", "report")
                for v in ("was", "is")
            ),
        ),
    ),
    (
        # "This story is based on reporting by The Associated Press.", "This story was reported
        # by The Associated Press." (1 of the 242; people are no outlets: "This story was
        # reported by Jane Roe" resolves to nothing).
        "inputs_from",
        "any",
        re.compile(
            r"(?:T|t)his[ \t]+(?i:story|article|report|piece)[ \t]+(?i:is|was)[ \t]+(?i:(?:based"
            r"[ \t]+(?:in[ \t]+part[ \t]+)?on[ \t]+(?:reporting|reports|information|material)"
            rf"[ \t]+(?:by|from)|(?:reported|written)[ \t]+by))[ \t]+(?P<names>{_NAME_LIST})"
        ),
        tuple(
            f"{noun} {verb}"
            for noun in ("story", "article", "report", "piece")
            for verb in ("is based", "was based", "was reported by", "was written by")
        ),
    ),
    (
        # "Credit.com is a USA TODAY content partner offering financial news" (1 of the 242;
        # "OZY is a ..." on the first 20,000 ABP): a credit line strong enough for any masthead.
        "republished",
        "any",
        re.compile(
            rf"(?P<names>{_NAMES})[ \t]+is[ \t]+an?[ \t]+(?:\S+[ \t]+){{1,3}}?"
            r"(?i:content[ \t]+partner)"
        ),
        ("content partner",),
    ),
    (
        # A syndicate's footer under a column: "read features by other Creators Syndicate
        # columnists and cartoonists" (2 of the 242).
        "source_line",
        "any",
        re.compile(
            rf"(?i:by|from|for)[ \t]+other[ \t]+(?P<names>{_NAMES})[ \t]+"
            r"(?i:(?:writers|columnists)[ \t]+and[ \t]+cartoonists)"
        ),
        ("writers and cartoonists", "columnists and cartoonists"),
    ),
    (
        # Republication notes in Spanish, French, German, Portuguese and Italian: "publicado
        # originalmente en X", "a d'abord été publié par X", "erschien zuerst bei X",
        # "publicada originalmente pela X", "pubblicato originariamente su X" (either order).
        "originally_published",
        "any",
        re.compile(
            rf"(?i:(?:{_REPUB_VERB})[ \t]+(?:{_REPUB_ADV})|(?:{_REPUB_ADV})[ \t]+"
            rf"(?:(?:été|sido|stat[oaie])[ \t]+)?(?:{_REPUB_VERB}))[ \t]+(?i:{_REPUB_PREP}){_REPUB_ARTICLE}"
            rf"[ \t]+(?P<names>{_NAMES})"
        ),
        _REPUB_GATES,
    ),
    (
        # "Con información de EFE y Europa Press", "Com informações da Reuters e da AFP",
        # "Mit Material von dpa und Reuters", "Con informazioni dell'ANSA".
        "inputs_from",
        "any",
        re.compile(
            r"(?:c|C|m|M)(?i:on[ \t]+(?:información|informaciones|datos|informazioni)[ \t]+(?:de"
            r"|di|da|del|dell['’]|della)|om[ \t]+(?:informações|dados)[ \t]+(?:da|de|do|das|dos)"
            r"|it[ \t]+Material[ \t]+(?:von|der|des))[ \t]*(?:(?:la|el|der|die)[ \t]+|l['’])?"
            rf"(?P<names>{_ML_NAME_LIST})"
        ),
        (
            "con información",
            "con informaciones",
            "con datos",
            "com informações",
            "com dados",
            "con informazioni",
            "mit material",
        ),
    ),
    (
        # French "(Avec AFP)" on a line of its own.
        "inputs_from",
        "any",
        re.compile(
            rf"(?m)(?:^|\()[ \t]*[Aa]vec[ \t]+(?P<names>{_ML_NAME_LIST})[ \t]*\)?[ \t]*\.?[ \t]*$"
        ),
        ("avec ",),
    ),
    (
        # "Translated from the Hungarian original published in Magyar Nemzet".
        "originally_published",
        "any",
        re.compile(
            r"(?:t|T)(?i:ranslated[ \t]+from(?:[ \t]+(?:the|an?)[ \t]+(?:[\w\-]+[ \t]+){0,2}?"
            r"original)?(?:[ \t]+(?:published|that[ \t]+appeared|which[ \t]+appeared|appearing))?"
            rf"(?:[ \t]+(?:in|by|on|at))?)[ \t]+(?P<names>{_NAMES})"
        ),
        ("translated from",),
    ),
    ("byline", "start", _TIME_LINE_RE, ()),
    (
        # "Article posted with permission from X", "Used with the permission of X".
        "republished",
        "any",
        re.compile(
            r"(?:p|P|u|U|s|S)(?i:osted|sed|hared)[ \t]+(?i:here[ \t]+)?(?i:with[ \t]+(?:the[ \t]+)?"
            r"(?:kind[ \t]+|express[ \t]+)?permission[ \t]+(?:from|of|by))"
            rf"[ \t]+(?P<names>{_LINE_END_TITLE}|{_NAMES})"
        ),
        ("permission",),
    ),
    (
        # "©2018 Los Angeles Times, Distributed by Tribune Content Agency".
        "source_line",
        "any",
        re.compile(rf"(?:d|D)(?i:istributed[ \t]+by)[ \t]+(?P<names>{_NAMES})"),
        ("distributed by",),
    ),
    (
        # "Associated Press writers Jane Doe and John Roe contributed to this report."
        "tagline",
        "any",
        _STAFF_CONTRIBUTED_RE,
        ("contributed",),
    ),
    (
        # Credit residue: "To continue reading X's column in the New York Post, click here."
        "originally_published",
        "any",
        re.compile(
            r"(?:c|C|r|R)(?i:ontinue[ \t]+reading|ead[ \t]+(?:the[ \t]+)?(?:rest|full|original"
            # Whole words: "When read fully, his position on the Iraq invasion" credited "the
            # Iraq" (all ABP, session 14).
            rf"|entire)(?![\w\-]))[^\n.]{{0,80}}?[ \t](?:in|at|on)[ \t]+(?P<names>{_NAMES})"
        ),
        (
            "continue reading",
            "read the rest",
            "read the full",
            "read the original",
            "read the entire",
            "read rest",
            "read full",
            "read original",
            "read entire",
        ),
    ),
    (
        # A head over copied text: "From TPM:", "From Reuters:Wikipedia has ...", "Via
        # Zerohedge…" (the name must resolve: "From Washington:" credits nothing).
        "source_line",
        "start",
        re.compile(rf"[ \t]*(?:From|FROM|Via|VIA)[ \t]+(?P<names>{_NAME_LIST})[ \t]*(?::|…)"),
        (),
    ),
    (
        # An excerpt's source in its lead-in: "“Title,” by Joshua Gill, Daily Caller News
        # Foundation, May 17, 2018 (thanks to X):", "By Jane Doe, Conservative Tribune
        # November 15, 2018:" (a dated year and the colon that opens the excerpt).
        "source_line",
        "colon",
        re.compile(
            rf"(?m)(?:b|B)y[ \t]+{NAME}(?:[ \t]+and[ \t]+{NAME})?,[ \t]+(?P<names>{_NAMES}),?"
            rf"[ \t]+{DATE}(?<=\d{{4}})(?:[ \t]*\([^()\n]{{0,80}}\))?[ \t]*:[ \t]*$"
        ),
        # Gate: the colon that ends the line (on 3,000 ABP articles "by " let 93% through);
        # read only in the lines that end with a colon ("colon": ``_colon_lines``).
        (":\n", ": \n"),
    ),
)


def heads_an_excerpt(text: str, line_start: int) -> bool:
    r"""Whether the line before ``line_start`` introduces copied text with its source ("From
    TPM:", "“Title,” by Jane Roe, KGO, March 23, 2018:"): a credit of the excerpt below it,
    whose own dateline is then no citation (heldout: "(KGO) —" under such a lead-in).

    >>> text = "Comment.\n“A title,” KGO, March 23, 2018:\nOAKLAND (KGO) — A man ..."
    >>> heads_an_excerpt(text, text.index("OAKLAND")), heads_an_excerpt(text, 9)
    (True, False)
    """
    end = text.rfind("\n", 0, line_start)
    if end < 0:
        return False
    start = text.rfind("\n", 0, end) + 1
    return any(p.search(text, start, end) for p in _EXCERPT_HEADS)


_GATED = ("any", "colon")  # the line patterns tried only when a cue word is in the text
# Every cue word of the gated patterns, found in one Aho-Corasick pass over the lower-cased
# text (one substring search per cue word cost more than the patterns themselves).
_GATES = LiteralFinder(
    sorted({g for _, where, _, gates in LINE_PATTERNS if where in _GATED for g in gates})
)
# A character every match of a "start"/"end" line pattern has (one character wide): only the
# lines that have it are tried (most have none): the source line's colon, a tag's dash or
# bracket.
_DATELINE_CHARS = "(/["  # every dateline has a bracket or a slash
# (characters, only after a blank) every match of a "start"/"end" line pattern has.
_LINE_GATES = {
    LINE_PATTERNS[0][2]: (":", False),
    LINE_PATTERNS[6][2]: ("-–—", True),
    LINE_PATTERNS[7][2]: ("[(", False),
    LINE_PATTERNS[-2][2]: (":…", False),
    _TIME_LINE_RE: (":", False),
}
# The same, keyed by the pattern's id: hashing a compiled pattern hashes its code each time
# (17 us for these, whose letter classes run to 11,000 characters): three look-ups an article
# cost ~50 us, a fifth of the credits pass on ABP articles.
# The lead-ins of copied text: the excerpt's source line with the title alone or with its
# byline (the last line pattern), "From X:" (the one before).
# The excerpt's source line with the title alone: "“Man identified,” KGO, March 23, 2018:"
# (heldout). Tried only on lines that end with a colon (``_title_lead_ins``): as a line pattern
# it cost the credits of the first 3,000 ABP 0.48 -> 0.58 s CPU (quote marks everywhere).
_TITLE_LEAD_IN_RE = re.compile(
    rf"[ \t]*[“\"][^\n]{{1,200}}?[”\"],?[ \t]+(?P<names>{_NAMES}),?[ \t]+{DATE}(?<=\d{{4}})[ \t]*:"
    r"[ \t]*$"
)
_EXCERPT_HEADS = (_TITLE_LEAD_IN_RE, LINE_PATTERNS[-2][2], LINE_PATTERNS[-1][2])
_LINE_GATES_BY_ID = {id(pattern): gate for pattern, gate in _LINE_GATES.items()}
# A part every match of an "any" pattern holds, searched in each gated line first (keyed by
# the pattern's id; see _CONTRIBUTORS).
_LINE_NEEDLES = {
    id(_STAFF_CONTRIBUTED_RE): re.compile(_CONTRIBUTORS),
    id(_COMPILED_FROM_RE): re.compile(_COMPILED_FROM),
}
_DASH_TAG_RE = LINE_PATTERNS[6][2]  # "— AFP" (``_search_at_dashes``)
# The line patterns tried only when one of their cue words is in the text; the others, in
# order, for a text that holds none (1,934 of the first 3,000 ABP texts); the cue words of the
# "any" patterns, which read the lower-cased text.
_UNGATED_PATTERNS = tuple(p for p in LINE_PATTERNS if p[1] not in _GATED)
_ANY_GATES = frozenset(g for _, where, _, gates in LINE_PATTERNS if where == "any" for g in gates)


def _judge_line_patterns() -> None:
    """Whether each "any" line pattern's matches stay in a line, judged at import: the pool's
    fork server imports the stages once a run and its workers are forked with the answers. (On
    first use the parse fell on the first article holding the pattern's cue, in each worker:
    24 patterns, ~0.05 CPU s a process; the benchmark's 50-article warm-up met some of them.)"""
    for _, where, pattern, _ in LINE_PATTERNS:
        if where == "any":
            stays_in_line(pattern)


_judge_line_patterns()
_TAIL_WINDOW = 120  # characters at a line's end where agency tags stand
BYLINE_RE = re.compile(r"[ \t]*(?:By|BY)[ \t]+(?P<line>[^\n]{2,100}?)[ \t]*$")
_BYLINE_FIRSTS = "B \t"  # what a line that BYLINE_RE matches opens with
_BYLINE_SPLIT_RE = re.compile(r"[ \t]*(?:[|,;/]|[ \t][-–—][ \t]|\bfor\b)[ \t]*")
_BYLINE_TAIL_RE = re.compile(
    r"(?:[ \t]+(?:Staff|Desk|Web|News|Correspondents?|Reporters?|Bureau|Writers?))+[ \t]*$"
)
# A byline line is short and does not read like a sentence.
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’]?[ \t]*$")

# Confidence by how the credit was found (registered outlet; unregistered outlet-like name).
_CONFIDENCE = {
    "dateline": 0.95, "agency_tag": 0.9, "source_line": 0.95, "inputs_from": 0.9,
    "originally_published": 0.95, "republished": 0.95, "tagline": 0.9, "byline": 0.85,
}  # fmt: skip
_KINDS_PRIORITY = {kind: i for i, kind in enumerate(_CONFIDENCE)}
_CREDITING_KINDS = {"wire", "state_media"}
# Kinds that credit no source of the text: a photo credit ("(AP Photo/Evan Vucci)",
# "[Name/ Reuters]", "NAME/AFP/Getty Images", "© REUTERS") and a self-credit (the article's own
# outlet or a sister outlet of the same owner in a dateline: "(CNN)" on cnn.com).
NOT_SOURCE_KINDS = frozenset({"photo", "self"})
# Credits stand at the head of a text (datelines, "(Reuters) –" after page metadata) ...
_HEAD_CHARS = 600
# ... or in its last lines (agency tags, credit residue after the story).
_TAIL_LINES = 3
# A dateline anywhere in the head, after page metadata on the same line: an upper-case place,
# an optional date, the bracketed credit and a separator ("A DAY AGO Reuters Staff STOCKHOLM
# (Reuters) – ...", " date 2023-06-02 WASHINGTON (UrduPoint News / Sputnik - 02nd June, 2023)").
# A date alone may stand for the place: "Posted 3 Sep 2023 September 3, 2023 (Reuters) - ..."
# (a scraper's metadata, then the wire's credit at the body's start).
_HEAD_DATELINE_RE = re.compile(
    rf"(?<![\w(\[/])(?:(?P<place>{UPPER}{UPPER}+\.?(?:[ \t]+{UPPER}{UPPER}+\.?){{0,2}}"
    rf"(?:,[ \t]*{UPPER}[\w.]*(?:[ \t]+{UPPER}[\w.]*)?)?)(?:,?[ \t]+(?P<date>{DATE}))?"
    rf"|(?P<lone_date>{DATE}))[ \t]*"
    r"(?:\((?P<paren>[^()\n]{1,100})\)|(?<![\w’'])/(?P<slash>[^/\n]{1,40})/(?!\w)"
    r"|\[(?P<bracket>[^\[\]\n]{1,60})\])"
    # A separator, or none after a bracket that ends with its own date (the republisher's
    # "(UrduPoint News / Sputnik - 02nd June, 2023) The ..."): the date closes the dateline.
    r"(?:[ \t]*(?P<sep>--|[-–—:])|(?<=\d{4}\)))"
)
# (Written class-first, "[(\[/](?:...|(?<=\()...)", so that the engine skips to the brackets; as
# "[(\[/]...|\(...", two alternatives, it tried every position of the head: 6.1 -> 2.6 us a
# text, the same matches on the first 3,000 ABP heads.)
_HEAD_BRACKET_RE = re.compile(
    r"[(\[/](?:[^()\[\]/\n]{1,100}+[)\]/][ \t]*(?:--|[-–—:])|(?<=\()[^()\n]{1,100}\d{4}\))"
)
_HEAD_PLACE_CHARS = 60  # a place and a date before the bracket
# The dashes of separators and agency tags (``_head_separators``, ``_search_at_dashes``).
_DASHES = "-–—"
# The agency after the date ("MOSCOW, 1 Sep - AGENCY.") or between pipes ("Place | AGENCY |").
_HEAD_AGENCY_RE = re.compile(
    rf"(?<![\w])(?P<place>{PLACE}),[ \t]+(?P<date>{DATE})[ \t]*[-–—][ \t]*(?P<names>{NAME})"
    rf"[ \t]*\.|(?<![\w])(?P<pplace>{PLACE})[ \t]*\|[ \t]*(?P<pnames>{NAME})[ \t]*\|"
)
_DIGIT_RE = re.compile(r"\d")


def _may_name_an_agency(window: str) -> bool:
    """What every match of ``_HEAD_AGENCY_RE`` holds: two pipes, or a comma, a full stop and
    the date's digit. (First 3,000 ABP heads: 1,140 of the 1,287 windows around a separator
    hold neither, ~11 us a search.)

    >>> _may_name_an_agency("MOSCOW, 1 Sep - TASS."), _may_name_an_agency("Talks - went on.")
    (True, False)
    """
    if window.count("|") >= 2:
        return True
    return "," in window and "." in window and _DIGIT_RE.search(window) is not None


# A credit in the first sentences of a text without a dateline: "the website reports citing
# TASS", "Pakistan Today reported, citing Sputnik" (a registered wire or state medium only,
# ``_accept``; under a dateline the wire's own copy cites others: "(Reuters) - ..., Interfax
# reported, citing ...").
_CITING_CUE = "reports citing"
_REPORTS_CITING_RE = re.compile(
    rf"(?<![\w\-])(?:reports|reported)[ \t]*,?[ \t]+citing[ \t]+(?P<names>{_NAMES})"
)
# Photo and image credits: the words, or a copyright sign without a year ("© REUTERS").
_PHOTO_WORD_RE = re.compile(rf"{PHOTO_WORD}|©(?![ \t]*(?:\d{{4}}|[Pp]rovided|(?i:copyright)))")
# A person's name in a slashed credit ("Brendan McDermid/Reuters", "JOHN MACDOUGALL/AFP").
_PERSON_PART_RE = re.compile(
    rf"^(?:{UPPER}{LOWER}+(?:[ \t]+{UPPER}\.)?(?:[ \t]+{UPPER}{LOWER}*[’'\-]?{UPPER}?{LOWER}+){{1,2}}"
    rf"|{UPPER}{{2,}}(?:[ \t]+{UPPER}{{2,}}){{1,2}})$"
)
# Credit lines strong enough to credit an outlet the registry does not know.
_STRONG_KINDS = frozenset({"originally_published", "republished"})
_STRONG_CUE_RE = re.compile(
    r"(?i:copyright|©)[ \t]*\d{4}|(?i:distributed[ \t]+by|provided[ \t]+by)"
)
# Strong kinds whose cue names people as often as outlets ("translated from", "This story was
# produced by Jane Roe"): an unregistered name must look like an outlet (``_resolve``).
_WEAK_CUE_RE = re.compile(r"(?i:translated|[^\n]*\bproduced\b)")
_ENTITY_NAME_RE = re.compile(
    rf"^(?:[Tt]he[ \t]+)?(?!(?:The|All|A|An)(?:[ \t]|$)){UPPER}\S*(?:[ \t]+\S+){{0,5}}$"
)
# A copyright sign in a caption: after "image"/"photo", or before "/Agency" or "via AP".
_PHOTO_BY_RE = re.compile(r"(?i:photo(?:graph)?|image|picture)s?[ \t]*(?::|by)[ \t]+[^\n:]{1,60}$")
_PHOTO_BY_REACH = 80
_CAPTION_LEAD_RE = re.compile(r"(?i:image|photo|picture|foto)s?\W{0,3}$")
_CAPTION_TAIL_RE = re.compile(r"[ \t]*(?:/|via[ \t])")
# An opening quote mark after a head's colon: "From X: “...".
_QUOTE_OPEN_RE = re.compile(r"[ \t]*(?:“|``|\")")
# A closing quote mark, then only blanks, before a credit line.
_QUOTE_END_RE = re.compile(r"(?:”|''|\")[ \t]*$")
_OWNED_NAME_RE = re.compile(rf"['’]s?[ \t]+{UPPER}")
_OWNERS_NOT_HOUSES_RE = re.compile(r"(?i)government|party|state council|unknown|ministry")


@dataclass(slots=True)
class CreditCandidate:
    """One name a credit pattern found in a text, before resolution (``_accept``)."""

    kind: str  # dateline, agency_tag, byline, inputs_from, ... (a key of _KINDS_PRIORITY)
    phrase: str  # the credited name as written: "Sputnik"
    cue: str  # what marks the credit: "dateline ()", "By", "residue", ...
    text: str  # the whole credit as written: "MOSCOW (UrduPoint News / Sputnik - ...)"
    start: int | None  # the credit's span in the text; None for the byline field
    end: int | None
    place: str | None = None  # a dateline's place
    date: str | None = None  # a dateline's date as written
    part: int = 0  # which of the credit's ``n_parts`` names this is ("UrduPoint News / Sputnik")
    n_parts: int = 1
    sep: bool = True  # a separator follows the credit ("MOSCOW (AP) —"), or it is a credit line
    glued: bool = False  # a word or comma right before it: the bracket continues a sentence
    after_quote: bool = False  # right after a closing quote mark: it signs a quotation
    caption: bool = False  # a copyright sign in a caption ("Photo: ... ©", "© X / Agency")
    midline: bool = False  # a copyright sign after other text on its line
    head: bool = False  # on the text's first line (``_mark_places``)
    at_end: bool = False  # on the text's last lines
    photo: bool = False  # a photo credit
    related: bool = False  # on a line that links a related story ("Related: ... - Reuters")
    in_prose: bool = False  # "first published by X" said of something else than the text
    listed: bool = False  # a tag after a quoted headline in a list ("-- “Title.” (X)")
    quoting: bool = False  # a quotation opens after the head's colon ("From X: “...”")
    neighbour: str | None = None  # the cell after a piped agency ("Home | CNN | Fox News |")


def extract_credits(articles: pd.DataFrame, registry: OutletRegistry | None = None) -> pd.DataFrame:
    """Credits (datelines, agency tags, source lines, ...) of every article.

    ``articles`` needs article_id, title and text (optional: outlet_id, byline, published).
    ``registry`` is an outlet registry (default: :func:`provenance.outlets.load_registry`).
    Returns schema ``credits``, sorted by article_id and span.

    >>> arts = pd.DataFrame({"article_id": ["a1"], "title": ["T"],
    ...     "text": ["MOSCOW (UrduPoint News / Sputnik - 23rd August, 2021) Lavrov said ..."]})
    >>> extract_credits(arts)[["outlet_id", "place", "credit_date"]].values.tolist()
    [['sputnik', 'MOSCOW', '2021-08-23']]
    """
    # (no reference cycle made: the collector paused, as in citations and quotes)
    with collector_paused():
        return _credits(articles, registry)


def _credits(articles: pd.DataFrame, registry: OutletRegistry | None) -> pd.DataFrame:
    """:func:`extract_credits`' table."""
    cols = article_columns(articles)
    registry = registry_or_default(registry)
    # The run's resolver, shared with citations (a decision depends only on the phrase and
    # the registry): a block's credit phrases are mostly names met in earlier blocks
    # ("Reuters", "AP") or by citations.
    resolver = shared_resolver(registry)
    found = [
        _article_candidates(text, byline)
        for text, byline in zip(cols["text"], cols["byline"], strict=True)
    ]
    resolver.resolve_many(c.phrase for cands in found for c in cands)
    rows: list[dict[str, object]] = []
    # (the publication years read only for a dated credit: 1 of the first 3,000 ABP articles
    # has one, and parsing a call's dates cost ~10 us an article)
    dated = any(c.date for cands in found for c in cands)
    years = article_years(articles) if dated else [None] * len(found)
    for i, cands in enumerate(found):
        rows.extend(
            _accept(cands, resolver, registry, cols["article_id"][i], cols["outlet_id"][i],
                    years[i])
        )  # fmt: skip
    if not rows:
        return empty("credits")
    return rows_table(rows, cols, "credits", ("article_id", "span_start", "span_end", "credit_id"))


def _article_candidates(text: str, byline: str) -> list[CreditCandidate]:
    """Candidate credits of one text: one per credited name, before resolution."""
    cands: list[CreditCandidate] = []
    lines = text_lines(text)
    line_starts = [start for start, _ in lines]
    # A dateline has a bracket or slash: only the lines with one are tried.
    for i in _lines_with(_DATELINE_CHARS, text, lines, line_starts):
        start, end = lines[i]
        m = DATELINE_RE.match(text, start, end)
        if m is not None:
            _dateline(m, text, end, cands)
    if lines:
        m = BARE_DATELINE_RE.match(text, *lines[0])
        if m is not None:  # no acronym fallback ("sep": False): "LONDON, UK -" is no credit
            cands.append(CreditCandidate(
                "dateline", m.group("names"), "dateline", m.group(0).strip(),
                m.start("place"), m.end("names"), place=m.group("place"), sep=False,
            ))  # fmt: skip
    _head_candidates(text, cands)
    _residue_candidate(text, lines, cands)
    _title_lead_ins(text, cands)
    present = _GATES.present_lowered(text)
    # Lower-cased only for the line search of an "any" pattern (819 of the first 3,000 ABP
    # texts): gate words and lower-casing, old and new in turn per text, 51-58 -> 26-31 us.
    lowered = None if present.isdisjoint(_ANY_GATES) else text.lower()
    chosen_by_gate: dict[tuple[str, bool], list[int]] = {}  # (":" gates two patterns)
    for kind, where, pattern, gates in LINE_PATTERNS if present else _UNGATED_PATTERNS:
        if where in _GATED:
            if present.isdisjoint(gates):
                continue
            if where == "colon":
                matches = [
                    m for lo, hi in _colon_lines(text) for m in pattern.finditer(text, lo, hi)
                ]
            else:
                needle = _LINE_NEEDLES.get(id(pattern))
                matches = finditer_in_lines(pattern, gates, text, lines, lowered, needle)
        elif where == "start":
            chars, after_blank = gate = _LINE_GATES_BY_ID[id(pattern)]
            if gate not in chosen_by_gate:
                chosen_by_gate[gate] = _lines_with(
                    chars, text, lines, line_starts, None, after_blank
                )
            matches = [pattern.match(text, *lines[i]) for i in chosen_by_gate[gate]]
        else:
            chars, after_blank = _LINE_GATES_BY_ID[id(pattern)]
            chosen = _lines_with(chars, text, lines, line_starts, _TAIL_WINDOW, after_blank)
            windows = ((max(lines[i][0], lines[i][1] - _TAIL_WINDOW), lines[i][1]) for i in chosen)
            search = _search_at_dashes if pattern is _DASH_TAG_RE else _search
            matches = [search(pattern, text, lo, hi) for lo, hi in windows]
        for m in matches:
            if m is None:
                continue
            names = m.group("names")
            if "(" in names:
                names = _PLACE_QUALIFIER_RE.sub(_unqualified, names)
            cue = (text[m.start() : m.start("names")] + text[m.end("names") : m.end()]).strip()
            parts = [_masthead_part(p) for p in _SPLIT_RE.split(names) if p]
            context = _line_context(text, m)
            context["quoting"] = m.group(0).endswith(":") and bool(
                _QUOTE_OPEN_RE.match(text, m.end())
            )
            if _ENGLISH_FIRST_RE.match(m.group(0)):
                context["in_prose"] = _said_of_something_else(text, m.start())
            for order, part in enumerate(parts):
                cands.append(CreditCandidate(
                    kind, part, cue or kind, m.group(0).strip(), m.start(), m.end(),
                    part=order, n_parts=len(parts), **context,
                ))  # fmt: skip
    for source, start, line in _bylines(text, byline, lines):
        for part in _BYLINE_SPLIT_RE.split(line):
            part = _BYLINE_TAIL_RE.sub("", part).strip()
            if part:
                cands.append(CreditCandidate(
                    "byline", part, "By", source, start,
                    None if start is None else start + len(source),
                ))  # fmt: skip
    _mark_places(cands, lines, text)
    _mark_tag_lists(cands, lines, text)
    return cands


# A contributor named beside the outlet in a credit line: "Jo Roe of The Greenville News",
# "The News-Press in Fort Myers", "Omaha Public Radio's Jo Roe", "WTOP's Jo Roe"
# (all ABP, session 14: 9 of the 110 unregistered names credited carried a person or a place,
# and "Jo Roe of Iowa Public Radio" was lost). The outlet is the masthead part.
_OF_OUTLET_RE = re.compile(
    rf"^(?:(?P<person>{UPPER}[^ \t]*(?:[ \t]+{UPPER}[^ \t]*){{0,3}})[ \t]+)?of[ \t]+(?=[Tt]he[ \t]|{UPPER})"
)
_IN_PLACE_RE = re.compile(rf"[ \t]+in[ \t]+{UPPER}[\w.\-]*(?:[ \t]+{UPPER}[\w.\-]*){{0,2}}$")
_OWNER_RE = re.compile(r"^(?P<owner>[^'’]+?)['’]s?[ \t]+(?P<person>[^'’]+)$")
_CALL_SIGN_RE = re.compile(r"^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM))?$")
# "Ochsner also reports for WVEC-TV": the outlet after the verb.
_WORKS_FOR_RE = re.compile(r"^.*[ \t](?:reports|writes|works)[ \t]+for[ \t]+(?=\S)")
# "PRI.org's website": the owner is the outlet.
_SITE_WORD_RE = re.compile(r"^(?:web[ \t]*)?(?:site|page|blog)$", re.IGNORECASE)


def _masthead_part(name: str) -> str:
    """The outlet in a credited name that also names a contributor or a place ("Jo Roe of The
    Greenville News" -> "The Greenville News", "The News-Press in Fort Myers" -> "The
    News-Press", "Omaha Public Radio's Jo Roe" -> "Omaha Public Radio"); else the name.

    >>> [_masthead_part(n) for n in ("Jo Roe of The Greenville News", "of The News Journal",
    ...  "The Daily Advertiser in Lafayette", "WTOP’s Jo Roe", "Hungary's Magyar Nemzet",
    ...  "End of the American Dream", "Voice of America", "Jo Roe also reports for WVEC-TV",
    ...  "PRI.org's website")]
    ['The Greenville News', 'The News Journal', 'The Daily Advertiser', 'WTOP', "Hungary's Magyar Nemzet", 'End of the American Dream', 'Voice of America', 'WVEC-TV', 'PRI.org']
    """
    if " " not in name:
        return name
    name = _WORKS_FOR_RE.sub("", name)
    owned = _OWNER_RE.match(name)
    if owned is not None and _SITE_WORD_RE.match(owned["person"]):
        return owned["owner"]
    if owned is not None and _PERSON_PART_RE.match(owned["person"]):
        owner = owned["owner"]
        if OUTLET_WORD_RE.search(owner) or _CALL_SIGN_RE.match(owner):
            return owner
    of = _OF_OUTLET_RE.match(name)
    if of is not None and (of["person"] is None or _PERSON_PART_RE.match(of["person"])):
        name = name[of.end() :]
    place = _IN_PLACE_RE.search(name)
    if place is not None and OUTLET_WORD_RE.search(name, 0, place.start()):
        name = name[: place.start()]
    return name


# Gannett's papers with their place in brackets, in "Contributing:" lines: "The (Jackson,
# Miss.) Clarion-Ledger", "Pensacola (Fla.) News Journal", "The Clarion Ledger (Jackson,
# Miss.)". Split at the comma they gave "The (Jackson" and "Miss.) Clarion-Ledger" (4 wrong
# names in 242 articles read, seed 111207).
_PLACE_QUALIFIER_RE = re.compile(
    rf"(?P<the>\b[Tt]he[ \t]+)?\([ \t]*(?P<city>{UPPER}[^(),;\n]{{0,30}}?)[ \t]*"
    r"(?:,[ \t]*[^(),;\n]{1,20}?[ \t]*)?\)[ \t]*(?P<word>[^\s;,]+(?:[ \t]*(?=[;,]|$))?)?"
)


def _unqualified(m: re.Match[str]) -> str:
    """A paper's name without its bracketed place: the place stays when the name is one word
    after "The" ("The (Stuart, Fla.) News" is the Stuart News), else "The" does.

    >>> [_PLACE_QUALIFIER_RE.sub(_unqualified, n) for n in ("The (Jackson, Miss.) Clarion-Ledger",
    ...  "The (East Brunswick, N.J.) Home News Tribune", "Pensacola (Fla.) News Journal")]
    ['Jackson Clarion-Ledger', 'The Home News Tribune', 'Pensacola News Journal']
    """
    word = m.group("word") or ""
    one_word = bool(word) and (m.end() == len(m.string) or m.string[m.end()] in ";,")
    if m.group("the") and one_word:
        return f"{m.group('city')} {word}"
    return f"{m.group('the') or ''}{word}"


# A line that links another story: "Related: Oil prices climb - Reuters", "READ MORE: Putin
# says ... (TASS)", "• Related: ...". Its agency tag credits that story, not the text, and an
# outlet it names is no citation (citations._in_related_line).
RELATED_LINE_RE = re.compile(
    r"[ \t•*\-–—]*(?i:related(?:[ \t]+(?:stories|story|articles?|news|coverage))?|read[ \t]+(?:more|also)"
    r"|also[ \t]+read|see[ \t]+also|more[ \t]+on[ \t]+this|recommended|watch|listen)[ \t]*[:|>»]"
)


# Session 9, 370 credits on the seeded unlabelled sample (tests/eval/frame_sample.py, both
# halves, ABP positions < 20,000) read by hand: 20 were wrong, 7 of them English "first
# published / originally appeared / reprinted" said of something else than the text ("When
# the coronavirus first appeared in China", "an ex-Marine who first appeared in Marvel
# comics", "The allegation was first posted by X", "a hot mic conversation first published by
# The Washington Post", "comments to Bloomberg, reprinted by Mr. Allen"). Such a line credits
# only when its sentence opens with it or with the text as its subject ("This article was",
# "A version of this story", "It"); so does "distributed by" (3 wrong: "talking points
# distributed by the White House"), or after a copyright notice.
# The English forms of these lines ("continue reading ... in X" is residue, and copy in other
# languages keeps its own word order: "Esta nota fue publicada originalmente en X").
# A writer's own work is something else ("His weekly column, distributed by Creators
# Syndicate, is carried by ...": a bio line, 1 wrong credit in 242 articles read, seed 111207).
_ENGLISH_FIRST_RE = re.compile(
    r"[ \t]*(?i:originally|first|was|were|re-?published|reprinted|reproduced|distributed"
    r"|adapted|excerpted|(?:an?[ \t]+|the[ \t]+)?(?:earlier|longer|shorter|original)[ \t]+version"
    r"|this[ \t]+(?:story|article|piece|report)[ \t]+(?:was|is)[ \t]+produced)\b"
)
# (An initial is no sentence end: "This article by Jane P. Roe, professor at X, first appeared
# in The Conversation.")
_SENTENCE_START_RE = re.compile(r"(?:(?<![ \t][A-Z])[.!?:]|\n)[\"'”’)]*[ \t]+|\n")
_THE_TEXT_RE = re.compile(
    r"(?i:^[ \t\W]*(?!(?:his|her|their)[ \t])(?:(?:[\w\-'’]+[ \t]+){0,5}?(?:article|story|stories|piece|column|post|essay"
    r"|commentary|op-ed|editorial|report|version|interview|excerpt|item|feature|analysis|letter"
    r"|cartoon|podcast|episode|content|review|blog|entry|text|message|homily|sermon|speech"
    r"|it|this|which)(?:s)?(?:[ \t]+(?:was|were"
    r"|is|has[ \t]+been|had[ \t]+been|have[ \t]+been))?)?[ \t,]*$"
    # "This article by Jane Roe, professor of law at X, first appeared in ...": the text.
    r"|^[ \t\W]*this[ \t]+(?:article|story|piece|column|essay|post|op-ed|commentary|report)"
    r"[ \t]+by[ \t][^\n]*$)"
)
_SENTENCE_REACH = 120


def _said_of_something_else(text: str, start: int) -> bool:
    """A credit-line phrase inside a sentence whose subject is not the text itself."""
    lo = max(0, start - _SENTENCE_REACH)
    opens = [m.end() for m in _SENTENCE_START_RE.finditer(text, lo, start)]
    lead = text[opens[-1] if opens else lo : start]
    if not opens and lo > 0:
        return True  # no sentence start within reach: deep inside a long sentence
    if "©" in lead or "opyright" in lead:
        return False  # "©2018 Los Angeles Times, Distributed by Tribune Content Agency"
    return _THE_TEXT_RE.match(lead) is None


def _line_context(text: str, m: re.Match[str]) -> dict[str, bool]:
    """Where a credit-line match stands in its line: ``glued`` (a word or comma right before
    it: the bracket continues a sentence), ``after_quote`` (a closing quote mark right before
    it: the line signs a quotation), ``caption`` (a copyright sign after "image"/"photo"
    or before "/Agency" or "via AP"), ``midline`` (a copyright sign after other text)."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[max(line_start, m.start() - 24) : m.start()]
    last = before.rstrip(" \t")[-1:]
    copyright = m.group(0).lstrip(" \t")[:1] in ("©", "c", "C")
    caption = _CAPTION_LEAD_RE.search(before) or _CAPTION_TAIL_RE.match(text, m.end())
    # "... on Monument Avenue . Photo : Jane Roe ( AP )": a caption's credit, no copyright sign.
    named = _PHOTO_BY_RE.search(text, max(line_start, m.start() - _PHOTO_BY_REACH), m.start())
    return {
        "glued": bool(last) and _GLUED_RE.match(last) is not None,
        "after_quote": _QUOTE_END_RE.search(before) is not None,
        "caption": (copyright and caption is not None) or named is not None,
        "midline": copyright and bool(text[line_start : m.start()].strip()),
        "related": RELATED_LINE_RE.match(text, line_start) is not None,
        "listed": _LIST_LINE_RE.match(text, line_start) is not None
        and (_QUOTE_END_RE.search(before) is not None or m.start() - line_start > _LISTED_REACH),
    }


def _head_candidates(text: str, cands: list[CreditCandidate]) -> None:
    """Datelines and agency credits in the head of the text that do not open a line."""
    head = text[:_HEAD_CHARS]
    line_end = text.find("\n", _HEAD_CHARS)
    # The pattern opens with a look-behind (tried at every position): it is tried only just
    # before each bracketed credit followed by a separator (found by a literal-first search).
    last = 0
    for bracket in _HEAD_BRACKET_RE.finditer(head):
        lo = max(last, bracket.start() - _HEAD_PLACE_CHARS)
        for m in _HEAD_DATELINE_RE.finditer(head, lo, bracket.end()):
            if m.group("sep") is None and not _TRAILING_DATE_RE.search(m.group("paren") or ""):
                continue  # "GENEVA (Reuters, 2023)": no dated republisher dateline
            _dateline(m, text, len(text) if line_end < 0 else line_end, cands)
            last = m.end()
    # Under a dateline a wire's own copy cites others; "citing" gates the search.
    dated = "citing" not in head or any(c.kind == "dateline" for c in cands)
    for m in () if dated else _REPORTS_CITING_RE.finditer(head):
        cands.append(CreditCandidate(
            "inputs_from", m.group("names"), _CITING_CUE, m.group(0).strip(), m.start(),
            m.end(),
        ))  # fmt: skip
    found: list[re.Match[str]] = []
    for start, end in _head_separators(head):  # a dash or pipe: the agency is near it
        if found and start < found[-1].end():
            continue
        lo, hi = max(0, start - _HEAD_PLACE_CHARS), end + 60
        if not _may_name_an_agency(head[lo:hi]):
            continue
        m = _HEAD_AGENCY_RE.search(head, lo, hi)
        if m is not None and (not found or m.start() >= found[-1].end()):
            found.append(m)
    for m in found:
        names = "names" if m.group("names") else "pnames"
        place = "place" if m.group("names") else "pplace"
        cands.append(CreditCandidate(
            "dateline", m.group(names), "dateline agency", m.group(0).strip(), m.start(place),
            m.end(names), place=m.group(place), date=m.group("date"),
            neighbour=_next_cell(head, m.end()) if names == "pnames" else None,
        ))  # fmt: skip


def _next_cell(head: str, at: int) -> str:
    """The text after a pipe at ``at`` up to the next pipe or the line's end.

    >>> _next_cell("Home | CNN | Fox News | MSNBC", 12)
    'Fox News'
    """
    end = len(head)
    for stop in ("|", "\n"):
        found = head.find(stop, at, end)
        end = found if found >= 0 else end
    return head[at:end].strip()


def _head_separators(head: str) -> list[tuple[int, int]]:
    r"""Spans of the dashes between blanks (" - ") and the pipes of ``head``, left to right and
    not overlapping (what ``finditer`` of ``[ \t|](?:(?<=\|)|(?<=[ \t])[-–—][ \t])`` gives).

    (str.find per character: first 3,000 ABP heads, 600 characters each, the pattern's pass
    tried each of their ~100 blanks: ~7 us a text.)

    >>> _head_separators("A | B - - C -D")
    [(2, 3), (5, 8)]
    """
    spans = []
    for ch in "|" + _DASHES:
        at = head.find(ch)
        while at >= 0:
            if ch == "|":
                spans.append((at, at + 1))
            elif at and head[at - 1] in " \t" and head[at + 1 : at + 2] in (" ", "\t"):
                spans.append((at - 1, at + 2))
            at = head.find(ch, at + 1)
    spans.sort()
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


# Credit residue: the agency's name alone on the last line, after the story's last sentence or
# its "(Reporting by ...; Editing by ...)" line ("...would resume.\n\nSputnik"). Registered wires
# and state media only (``_accept``): a last line "Jane Roe" or "Fox News" credits nothing.
_RESIDUE_RE = re.compile(
    rf"[ \t]*(?:\([^()\n]{{1,200}}\)[ \t]*)?(?P<names>{_NAME_LIST})[ \t]*\.?[ \t]*$"
)
_STORY_END_RE = re.compile(r"[.!?)][\"'”’]?[ \t]*$")


def _residue_candidate(
    text: str, lines: list[tuple[int, int]], cands: list[CreditCandidate]
) -> None:
    """The agency named alone on the last line (``_RESIDUE_RE``): an agency tag."""
    if len(lines) < 2:
        return
    # Its match ends the line: only the line's last two characters but blanks are read (the
    # search read the whole paragraph, 2-3 us a text).
    start, end = lines[-2]
    if not _STORY_END_RE.search(text[start:end].rstrip(" \t")[-2:]):
        return
    m = _RESIDUE_RE.match(text, *lines[-1])
    if m is None:
        return
    # Each name of a list ("Reuters, AFP" credited AFP alone).
    parts = [p for p in _SPLIT_RE.split(m.group("names")) if p]
    for order, part in enumerate(parts):
        cands.append(CreditCandidate(
            "agency_tag", part, "residue", m.group(0).strip(), m.start("names"),
            m.end("names"), part=order, n_parts=len(parts), sep=False,
        ))  # fmt: skip


def _colon_lines(text: str) -> list[tuple[int, int]]:
    r"""(start, end) of the lines whose last character but blanks is a colon, in order.

    (The "colon" line pattern read the whole text when its gate was there, 387 of the first
    3,000 ABP texts: 50 us each.)

    >>> _colon_lines("At 10:30 he said:\nNo: none\n\nFrom X: \t")
    [(0, 17), (28, 37)]
    """
    out: list[tuple[int, int]] = []
    at = text.find(":")
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        last = text.rfind(":", at, end)
        if not text[last + 1 : end].strip(" \t"):
            out.append((text.rfind("\n", 0, at) + 1, end))
        at = text.find(":", end)
    return out


def _title_lead_ins(text: str, cands: list[CreditCandidate]) -> None:
    """Excerpt lead-ins with the title alone (``_TITLE_LEAD_IN_RE``), on lines ending in ':'."""
    at = text.find(":")
    while at >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        if not text[at + 1 : end].strip(" \t"):
            start = text.rfind("\n", 0, at) + 1
            m = _TITLE_LEAD_IN_RE.match(text, start, end)
            if m is not None:
                cands.append(CreditCandidate(
                    "source_line", m.group("names"), "lead-in", m.group(0).strip(),
                    m.start("names"), m.end("names"),
                ))  # fmt: skip
        at = text.find(":", end)


# A bracketed agency tag closing a paragraph of the last lines that a paragraph of prose
# follows tags that paragraph, not the text: "..., Bedingfield added. (The Daily
# Pennsylvanian)\nBiden made a similar claim ..." (seed-121207 credits sample: 1 of the 3
# wrong credits). Over all ABP and PTC texts this drops 10 tags, all such paragraph sources
# (Townhall's "(NYT)", "(Newsweek)", "(CBS2)", a headline's "[Baltimore Sun]"); signed
# sections ("— Jane Roe, KUT" in a member-station round-up) stay credits.
_PROSE_WORDS = 25


def _mark_places(cands: list[CreditCandidate], lines: list[tuple[int, int]], text: str) -> None:
    """Where each candidate stands (the first line, the last lines) and whether it is a photo
    credit."""
    tail_start = lines[-_TAIL_LINES][0] if len(lines) >= _TAIL_LINES else 0
    first_end = lines[0][1] if lines else 0
    for cand in cands:
        cand.head = cand.start is not None and cand.start < first_end
        cand.at_end = cand.start is not None and cand.start >= tail_start
        if cand.at_end and cand.kind == "agency_tag" and cand.text.startswith(("(", "[")):
            cand.at_end = not any(
                lo > cand.start and len(text[lo:hi].split()) >= _PROSE_WORDS for lo, hi in lines
            )
        # A copyright sign inside a line of body text, not in the last lines, is a caption's;
        # so is a bracketed tag closing a first line of prose that more lines follow.
        in_caption = (
            cand.caption
            or (cand.midline and not cand.at_end)
            or _heads_as_caption(cand, text, first_end, len(lines))
        )
        cand.photo = (
            in_caption
            or is_photo_credit(cand.text)
            or (cand.kind == "agency_tag" and _slashed_tag(cand.text))
        )


_CAPTION_WORDS = 5


def _heads_as_caption(cand: CreditCandidate, text: str, first_end: int, n_lines: int) -> bool:
    """A bracketed agency tag that ends the text's first line after a phrase of prose, with
    lines after it: the credit of a photo caption set above the text ("British Prime Minister
    Margaret Thatcher at the party conference in 1989 (Reuters)"; National Review's house
    style: the 2 first-line agency tags on all ABP texts, session 14, both such captions)."""
    if cand.kind != "agency_tag" or not cand.head or n_lines < 2 or cand.start is None:
        return False
    return cand.text.startswith(("(", "[")) and len(text[: cand.start].split()) >= _CAPTION_WORDS


def _mark_tag_lists(cands: list[CreditCandidate], lines: list[tuple[int, int]], text: str) -> None:
    """Mark as ``listed`` the end-of-line agency tags of adjacent lines that name different
    outlets alone: a list of linked headlines ("Headline [ New York Times ]\nHeadline [ Politico
    ]") or of quoted reviews ("... work. – The Wall Street Journal"), each tag the source of its
    line (4 wrong credits in 2 of the 242 articles read, seed 111207). A tag that names a person
    beside the outlet ("— Jane Roe, Wyoming Public Radio") is a contributor's sign-off: kept.
    A neighbour's bracketed tag counts when it names nothing the patterns read ("... is still a
    company) (N.Y.P.)\n... for $9.4 million (Business Insider)": all ABP, session 14)."""
    tags: dict[int, list[CreditCandidate]] = {}
    line_starts = [start for start, _ in lines]
    for cand in cands:
        if cand.kind == "agency_tag" and cand.cue != "residue" and cand.n_parts == 1:
            line = bisect.bisect_right(line_starts, cand.start) - 1
            tags.setdefault(line, []).append(cand)
    for line, here in tags.items():
        for other in (line - 1, line + 1):
            names = {c.phrase.lower() for c in here + tags.get(other, [])}
            if (other in tags and len(names) > 1) or (
                other not in tags and _ends_with_other_tag(text, lines, other, here)
            ):
                for cand in here:
                    cand.listed = True


_END_TAG_RE = re.compile(r"[(\[](?P<inner>[^()\[\]\n]{1,40})[)\]][ \t]*\.?[ \t]*$")


def _ends_with_other_tag(
    text: str, lines: list[tuple[int, int]], line: int, tags: list[CreditCandidate]
) -> bool:
    """Whether line ``line`` ends with a bracketed tag (an acronym or a name) other than the
    bracketed ``tags`` of the line next to it."""
    if not 0 <= line < len(lines) or not all(c.text.startswith(("(", "[")) for c in tags):
        return False
    m = _END_TAG_RE.search(text, *lines[line])
    return m is not None and m["inner"].strip().lower() not in {c.phrase.lower() for c in tags}


_SLASHED_TAG_RE = re.compile(r"^[(\[][^()\[\]]*/[^()\[\]]*[)\]]\.?$")
_ACRONYM_PART_RE = re.compile(r"^[ \t]*[A-Z]{2,6}[ \t]*$")


def _slashed_tag(credit: str) -> bool:
    """A bracketed tag with a slash whose parts are not all acronyms: the photo credit house
    style ("(Stringer/Reuters)", "(KC McGinnis/Reuters)", "(Reuters TV/REUTERS)"). On all ABP
    texts: 14 such agency tags, all photo credits of captions; "(APP/ANI)" stays a tag."""
    if _SLASHED_TAG_RE.match(credit.strip()) is None:
        return False
    parts = credit.strip().strip("()[].").split("/")
    return not all(_ACRONYM_PART_RE.match(part) for part in parts)


def is_photo_credit(credit: str) -> bool:
    """A photo or image credit: photo words, a copyright sign without a year, or a person's
    name beside an outlet in a slashed credit ("(Brendan McDermid/Reuters)").

    >>> [is_photo_credit(t) for t in ("(AP Photo/Evan Vucci)", "[Name Surname/ Reuters]",
    ...  "© REUTERS", "(UrduPoint News / Sputnik - 23rd August, 2021)", "©2018 Los Angeles Times")]
    [True, True, True, False, False]
    """
    if _PHOTO_WORD_RE.search(credit):
        return True
    if "/" not in credit:
        return False
    inner = credit.strip(" \t()[]/.:-–—")
    parts = [p.strip(" \t") for p in inner.split("/")]
    return any(_PERSON_PART_RE.match(p) is not None and not OUTLET_WORD_RE.search(p) for p in parts)


def text_lines(text: str) -> list[tuple[int, int]]:
    r"""(start, end) of every non-empty line of ``text``, without its newline.

    >>> text_lines("One\n\nTwo three\n")
    [(0, 3), (5, 14)]
    """
    # (A str.find per newline: first 1,000 ABP texts, ~20 lines each, 5.4 us a text against
    # 8.0 for str.split and the pieces' lengths, and ~19 for the spans of a "[^\n]+" finditer,
    # which steps through every character.)
    out: list[tuple[int, int]] = []
    start, size = 0, len(text)
    end = text.find("\n")
    while end >= 0:
        if end > start:
            out.append((start, end))
        start = end + 1
        end = text.find("\n", start)
    if start < size:
        out.append((start, size))
    return out


def _lines_with(
    chars: str,
    text: str,
    lines: list[tuple[int, int]],
    line_starts: list[int],
    tail: int | None = None,
    after_blank: bool = False,
) -> list[int]:
    """Indices, in order, of the lines holding one of ``chars`` (in their last ``tail``
    characters; ``after_blank``: only at a line start or after a blank). str.find per
    character (memchr speed) instead of a search per line, skipping to a line's tail window
    and from its first hit to the next line (a character class searched by the regex engine
    cost 17-30 us a text: 5,700 characters, most not Latin-1).
    """
    chosen: set[int] = set()
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            if after_blank and at and text[at - 1] not in " \t\n":
                at = text.find(ch, at + 1)
                continue
            i = bisect.bisect_right(line_starts, at) - 1
            end = lines[i][1] if i >= 0 else 0
            if at >= end:
                at = text.find(ch, at + 1)
            elif tail is not None and at < end - tail:
                at = text.find(ch, end - tail)  # this line's tail window, or a later line
            else:
                chosen.add(i)
                at = text.find(ch, end + 1)
    return sorted(chosen)


def _search(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    return pattern.search(text, lo, hi)


def _search_at_dashes(
    pattern: re.Pattern[str], text: str, lo: int, hi: int
) -> re.Match[str] | None:
    r"""``pattern.search(text, lo, hi)`` for a pattern whose every match opens with a blank
    before a dash or with a dash at a line start (``(?:^|[ \t])(?:--|[-–—])``): tried only
    there, in order (the search tried every position of a line's tail, 4 us a line).

    >>> _search_at_dashes(_DASH_TAG_RE, "Talks went on. – AFP", 0, 20).group("names")
    'AFP'
    """
    starts = []
    for dash in _DASHES:
        at = text.find(dash, lo, hi)
        while at >= 0:
            if at and text[at - 1] in " \t":
                if at > lo:
                    starts.append(at - 1)
            elif not at or text[at - 1] == "\n":
                starts.append(at)
            at = text.find(dash, at + 1, hi)
    for start in sorted(starts):
        m = pattern.match(text, start, hi)
        if m is not None:
            return m
    return None


# A line of prose: eight words or more ending a sentence (not a caption's closing bracket).
_PROSE_LINE_RE = re.compile(r"(?m)^[ \t]*(?:\S+[ \t]+){7,}[^\n]*?[.!?][ \t]*(?:[”\"’]|'')?[ \t]*$")
# Lines of prose before a dateline that make it the head of a quoted item, not of the text.
# On all ABP texts (heldout3 aside), datelines with 3 prose lines or more before them: 18, none
# a credit of the text (a columnist quoting "From Ramallah (AFP) —", "Chinese Baptist Church
# (CBC) in ...", transcripts); with 1-2: CNN opinion pieces after the author's bio, AP copy
# after a summary line (credits).
_PROSE_LINES_BEFORE = 3


def follows_prose(text: str, start: int) -> bool:
    """Whether the dateline at ``start`` comes after ``_PROSE_LINES_BEFORE`` lines of prose:
    an item the text quotes ("... she decided.\nBOSTON (Reuters) - A judge ..."), a citation
    of its agency rather than a credit."""
    # The matches of ``_PROSE_LINE_RE.finditer(text, 0, start)``, each tried at a line start
    # only (its "^"), where finditer tried the pattern at every position (first 3,000 ABP
    # texts: 285 datelines, 87 us each).
    # A line is matched only when it ends as the pattern's match must (a sentence end, then
    # blanks and a quote mark at most): on a line that does not, the pattern backtracks
    # through every count of words (~30 us a line of a paragraph's length).
    count, at = 0, 0
    while at < start:
        end = text.find("\n", at, start)
        line_end = start if end < 0 else end
        if _ends_a_sentence(text[at:line_end]) and _PROSE_LINE_RE.match(text, at, start):
            count += 1
            if count >= _PROSE_LINES_BEFORE:
                return True
        at = end + 1
        if at == 0:
            break
    return False


def _ends_a_sentence(line: str) -> bool:
    r"""Whether ``line`` ends as ``_PROSE_LINE_RE``'s match must: ``[.!?][ \t]*(?:[”"’]|'')?``,
    then blanks.

    >>> [_ends_a_sentence(t) for t in ("He left. ", "“Go! ” \t", "x.''", "A (AP)", "x.'", "")]
    [True, True, True, False, False, False]
    """
    line = line.rstrip(" \t")
    if line.endswith("''"):
        line = line[:-2].rstrip(" \t")
    elif line.endswith(("”", '"', "’")):
        line = line[:-1].rstrip(" \t")
    return line.endswith((".", "!", "?"))


def _dateline(m: re.Match[str], text: str, line_end: int, cands: list[CreditCandidate]) -> None:
    if m.group("place") is None and not text[m.end() : line_end].strip():
        return  # a bracket alone on its line is an agency tag, not a dateline
    if m.start() > 0 and follows_prose(text, m.start()):
        return  # a quoted item's dateline: a citation (citations.py)
    own_end = text.find("\n", m.end())
    if _TWEET_END_RE.search(text, m.end(), len(text) if own_end < 0 else own_end):
        return  # an embedded post's text ("PARIS (@ AP) - ... — Jo Roe (@ jroe) May 7, 2015")
    inner_group = next(g for g in ("paren", "slash", "bracket") if m.group(g) is not None)
    inner = m.group(inner_group)
    if _spells_initials(m.group("place"), inner):
        return  # "The Young Turks (TYT) is ...": an abbreviation, no dateline
    date = m.group("date") or m.groupdict().get("lone_date")
    tail = _TRAILING_DATE_RE.search(inner)
    if tail is not None:
        date = date or tail.group("date")
        inner = inner[: tail.start()]
    parts = [p for p in _DATELINE_SPLIT_RE.split(inner.strip()) if p]
    if not parts or len(parts) > 4 or any(len(p.split()) > 6 for p in parts):
        return
    delims = {"paren": "()", "slash": "//", "bracket": "[]"}[inner_group]
    start = m.start("place") if m.group("place") else m.start(inner_group) - 1
    if m.groupdict().get("lone_date"):
        start = m.start("lone_date")
    for order, part in enumerate(parts):
        cands.append(CreditCandidate(
            "dateline", part, f"dateline {delims}", m.group(0).strip(), start,
            m.end(inner_group) + 1, place=m.group("place"), date=date, part=order,
            n_parts=len(parts), sep=m.group("sep") is not None,
        ))  # fmt: skip


# The signature that ends an embedded social-media post: "— Jo Roe (@ jroe) January 7, 2015"
# (the 2 mid-text datelines of posts on all ABP texts, session 14, read as credits).
_TWEET_END_RE = re.compile(rf"\(@[ \t]?\w+\)[ \t]+{MONTH}[ \t]+\d{{1,2}},[ \t]+\d{{4}}[ \t]*$")


def _spells_initials(place: str | None, inner: str) -> bool:
    """Whether a bracket holds the initials of the last capitalised words before it ("The Young
    Turks (TYT)", 1 wrong credit in 242 articles read, seed 111207; "The Congressional Black
    Caucus (CBC) is calling", the broadcaster's acronym: all ABP, session 14).

    >>> [_spells_initials(p, i) for p, i in (("The Young Turks", "TYT"), ("WASHINGTON", "AP"),
    ...  ("The Congressional Black Caucus", "CBC"), ("NEW YORK", "NY"))]
    [True, False, True, True]
    """
    if not place:
        return False
    initials = "".join(w[0] for w in place.split() if w[:1].isupper()).upper()
    inner = inner.strip().upper()
    return len(inner) > 1 and initials.endswith(inner)


def _bylines(
    text: str, byline: str, lines: list[tuple[int, int]]
) -> list[tuple[str, int | None, str]]:
    out: list[tuple[str, int | None, str]] = []
    for start, end in lines:
        if text[start] not in _BYLINE_FIRSTS:
            continue  # (most lines: a match tried on each of ~20 lines cost ~7 us a text)
        m = BYLINE_RE.match(text, start, end)
        if m is not None and not _SENTENCE_END_RE.search(m.group("line")):
            out.append((m.group(0).strip(), m.start("line") - 3, m.group("line")))
    if byline:
        line = re.sub(r"^(?:By|BY)[ \t]+", "", byline.strip())
        out.append((byline, None, line[:200]))
    return out


def _accept(
    cands: list[CreditCandidate],
    resolver: OutletResolver,
    registry: OutletRegistry | None,
    article_id: str,
    own_outlet: str,
    year: int | None,
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    taken, exact = SpanSet(), set()
    ordered = sorted(cands, key=lambda c: (_KINDS_PRIORITY[c.kind], c.start is None, c.start or 0))
    for cand in ordered:
        found = _resolve(cand, resolver)
        if found is None:
            continue
        oid, entity, confidence = found
        kind = "photo" if cand.photo else cand.kind
        if kind == "dateline" and not _credited_part(cand, oid, own_outlet, registry):
            continue
        if cand.cue in ("residue", _CITING_CUE) and not _crediting_outlet(oid, registry):
            continue
        if kind in ("dateline", "byline") and oid and _same_house(oid, own_outlet, registry):
            kind = "self"  # "(CNN)" on cnn.com: the outlet's own dateline, no republication
        elif oid is None and _names_own_house(entity, own_outlet, registry):
            kind = "self"  # "Monitor staff writers" on csmonitor.com, "© 2019 WTOP" on wtop.com
        start, end = cand.start, cand.end
        if start is not None and (start, end) not in exact:
            if not taken.add(int(start), int(end)):
                continue  # e.g. a bracket tag that is the dateline already taken
            exact.add((start, end))  # the other names of the same credit line may follow
        date = parse_date(cand.date, year) if cand.date else None
        rows.append({
            "credit_id": stable_id(article_id, start, end, cand.cue, entity),
            "article_id": article_id, "kind": kind, "outlet_id": oid, "entity_text": entity,
            "cue": cand.cue, "place": cand.place, "credit_date": date,
            "span_start": start, "span_end": end, "text": cand.text, "confidence": confidence,
        })  # fmt: skip
    if any(row["cue"] == _CITING_CUE for row in rows):
        rows = _without_citing_credits(rows)
    seen: set[tuple[object, ...]] = set()
    out = []
    for row in rows:  # one row per credited name and span, whichever pattern found it first
        key = (row["span_start"], row["span_end"], row["entity_text"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def _without_citing_credits(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """The rows less the "X reports citing AGENCY" credits when another row credits the text
    (a source line, an agency tag, a copyright line, the publisher's own credit; photo credits
    aside): the first sentence then cites the agency, the credit line names the copy's source
    ("..., the newspaper reports citing TASS." over "© 2023 Sputnik": Sputnik's copy citing
    TASS). Datelines already keep the cue from being read (``_head_candidates``)."""
    if all(row["cue"] == _CITING_CUE or row["kind"] == "photo" for row in rows):
        return rows
    return [row for row in rows if row["cue"] != _CITING_CUE]


def _resolve(
    cand: CreditCandidate, resolver: OutletResolver
) -> tuple[str | None, str, float] | None:
    """(outlet_id, entity text, confidence) a candidate credits, or None when it credits
    nothing: an agency tag must stand on the first line or the last lines of the text (mid-text,
    "Headline - CNN" lists and "–Bloomberg" under a block quote are citations); an unregistered
    acronym needs outlet context (a dateline with a place, on the first line or at the end:
    "(ICE).", "(PDF)." mid-text are abbreviations); an unregistered name needs a strong credit
    line ("originally published by ... at X", "posted with permission from X", "© 2018 X")."""
    kind, phrase = cand.kind, cand.phrase
    if kind == "agency_tag" and not (cand.head or cand.at_end) and not cand.photo:
        return None
    if cand.related and not cand.photo:
        return None  # "Related: ... - Reuters": the linked story's credit
    if _not_of_this_text(cand):
        return None
    if cand.cue == "dateline agency" and (
        resolver.outlet_of(cand.place or "") or resolver.outlet_of(cand.neighbour or "")
    ):
        return None  # "Partners: Reuters | Bloomberg |", "Home | CNN | Fox News |": a list
    if kind == "agency_tag" and not cand.photo and _signs_quotation(cand):
        return None  # "...act. ” — Dan Froomkin, Salon": the writer of a quotation, a citation
    hit = resolver.get(phrase)
    longer = hit is not None and hit.outlet_id and not cand.photo
    if longer and _LONGER_NAME_RE.search(phrase, 0, hit.start):
        hit = None  # "Pure Flix Insider" is not Insider: an unregistered name (below)
    if hit is not None:
        if kind == "byline" and hit.outlet_id is None:
            return None  # unregistered byline names are mostly people and the outlet's desks
        if hit.outlet_id is None and _HEAD_CUE_RE.match(cand.cue):
            return None  # "From Hate Speech To Fake News: The ...": a headline, no head
        confidence = min(_CONFIDENCE[kind], hit.confidence) if hit.outlet_id else 0.6
        return hit.outlet_id, hit.entity_text, confidence
    if kind in ("dateline", "agency_tag") and cand.sep and _ACRONYM_RE.match(phrase):
        # Unregistered agency acronyms ("(IANS) -", "— ANI") are credits by house style.
        return (None, phrase, 0.5) if _acronym_context(cand, phrase) else None
    strong = (kind in _STRONG_KINDS and not _WEAK_CUE_RE.match(cand.cue)) or (
        _STRONG_CUE_RE.search(cand.text)
    )
    if strong and _ENTITY_NAME_RE.match(phrase) and not _NOT_A_MASTHEAD_RE.search(phrase):
        return None, phrase.strip(), 0.5
    return None


# The cue of a head over copied text ("From TPM:", "Via Zerohedge…"): it credits a registered
# outlet only (its other name on all ABP texts, session 14, was a headline's "From X To Y:").
_HEAD_CUE_RE = re.compile(r"(?:From|FROM|Via|VIA)[ \t]*[:…]$")
# A capitalised word (not an article, not a possessive) right before the registered name that
# a credited phrase ends with: the name is the tail of a longer masthead ("originally published
# on Pure Flix Insider" credited Business Insider; all ABP, session 14).
_LONGER_NAME_RE = re.compile(
    r"(?<![\w'’\-])(?!(?:The|A|An|Via|VIA|By|From|With)[ \t])[A-Z][\w\-]*[ \t]+$"
)
# An unregistered name that is no masthead: a role, a titled person ("reprinted by Mr.
# Allen"), a month ("originally published in May 2018", "first appeared in the June 12, 2017,
# print issue of ███": the publisher's masked name, all ABP, session 14).
_NOT_A_MASTHEAD_RE = re.compile(
    rf"{ROLE_RE.pattern}|^(?:{ABBREVIATED_TITLE}|(?:[Tt]he[ \t]+)?{MONTH}(?![\w\-]))"
)
# A list line: "-- “Suspects Seemed Set For Attacks.” (The New York Times)" (a rundown of
# other outlets' headlines, each tag the source of its headline: a citation).
_LIST_LINE_RE = re.compile(r"[ \t]*(?:--?|[–—•*·])[ \t]")
_LISTED_REACH = 20  # characters of a headline before its tag ("— Reuters" alone is a tag)


def _not_of_this_text(cand: CreditCandidate) -> bool:
    """Credit-line forms that name the source of something else than the text (session 9
    hand check, see ``_said_of_something_else``): a first publication said of another thing; a
    "distributed by" in the body ("talking points distributed by the White House"); a tag
    inside its sentence ("to air next spring (The Associated Press)."); a headline's tag in a
    rundown list; a head whose colon opens a quotation ("From Roll Call: “The effort ...”": the
    source of a quoted excerpt, a citation; 6 of the 8 "From X:" credits on all ABP texts,
    session 14, all in commentary that goes on after the quotation)."""
    if cand.in_prose or cand.quoting or (cand.listed and cand.kind == "agency_tag"):
        return True
    if cand.cue.lower().startswith("distributed") and not cand.at_end:
        return True
    return cand.kind == "agency_tag" and cand.glued and cand.text.endswith(".")


def _signs_quotation(cand: CreditCandidate) -> bool:
    """An agency tag right after a closing quote mark that names a writer beside the outlet
    ("” — Dan Froomkin, Salon", "'' -NPR's Danielle Kurtzleben"): a round-up's signed
    quotation. On the first 6,000 ABP texts and PTC: 14 such tags (10 articles) were read as
    credits, all round-ups of opinion ("” — AFP" alone stays a tag)."""
    if not cand.after_quote:
        return False
    return cand.n_parts > 1 or _OWNED_NAME_RE.search(cand.phrase) is not None


def _acronym_context(cand: CreditCandidate, phrase: str) -> bool:
    """Outlet context for an unregistered acronym: a dateline with an upper-case place or a
    date ("ISLAMABAD, Aug 23 (APP):", not "The Government Accountability Office (GAO) —" nor a
    transcript's "SEAN HANNITY (HOST):" nor a time zone), or a tag on the first or last lines that does not
    continue a sentence ("... said. (ANI)", not "the Affordable Care Act (ACA).")."""
    if phrase.removesuffix("\n") in _NOT_AGENCY:  # (as _ACRONYM_RE's "$" reads it)
        return False
    if cand.kind == "dateline" and cand.place:
        return bool(cand.date) or cand.place.upper() == cand.place
    return (cand.head or cand.at_end) and not cand.glued


def _same_house(oid: str, own: str, registry: OutletRegistry | None) -> bool:
    """The article's own outlet, or a sister outlet of the same (non-state) owner."""
    if not own:
        return False
    if oid == own:
        return True
    mine, theirs = registered_row(registry, own), registered_row(registry, oid)
    if mine is None or theirs is None:
        return False
    owner = mine.get("owner")
    return (
        bool(owner)
        and owner == theirs.get("owner")
        and not _OWNERS_NOT_HOUSES_RE.search(str(owner))
    )


# What a house's own credit adds to its name: its desks and corporate forms ("Post Wires" in
# the New York Post, "Monitor staff", "CBS Radio Inc." on CBS News).
_HOUSE_SUFFIX_RE = re.compile(
    r"(?i)[ \t,]+(?:wires?|staff|desk|bureau|radio|inc|llc|ltd|co|corp|corporation)\.?$"
)
_WORD_RE = re.compile(r"[^\W_]+")


def _names_own_house(entity: str, own: str, registry: OutletRegistry | None) -> bool:
    """An unregistered credited name that is the article's own outlet: its words are among the
    words of one of the outlet's names once desk and corporate words are off ("Monitor" in The
    Christian Science Monitor, "Post Wires" in the New York Post, "CBS Radio Inc" in CBS News),
    or it spells the outlet's domain ("WTOP" on wtop.com). On all ABP texts (session 14): 8 of
    the 110 unregistered names credited were the publisher's.

    >>> from provenance.outlets import load_registry
    >>> reg = load_registry()
    >>> [_names_own_house(n, o, reg) for n, o in (("Monitor", "christian-science-monitor"),
    ...  ("Post Wires", "new-york-post"), ("WTOP", "domain:wtop.com"), ("Daily Monitor", "npr"))]
    [True, True, True, False]
    """
    if not own:
        return False
    while (cut := _HOUSE_SUFFIX_RE.sub("", entity)) != entity:
        entity = cut
    words = {w for w in _WORD_RE.findall(entity.casefold()) if w != "the"}
    if not words:
        return False
    row = registered_row(registry, own) or {}
    domains = str(row.get("domains") or own.removeprefix("domain:")).split(";")
    labels = {domain.split(".")[0].casefold() for domain in domains}
    if len(words) == 1 and not words.isdisjoint(labels):
        return True
    names = registered_names(row)
    return any(words <= set(_WORD_RE.findall(name.casefold())) for name in names if name)


def _credited_part(
    cand: CreditCandidate, oid: str | None, own: str, registry: OutletRegistry | None
) -> bool:
    """In 'Republisher / Source' datelines only the last name is credited, unless an earlier
    one is a registered wire or state medium other than the article's own outlet."""
    if cand.n_parts == 1 or cand.part == cand.n_parts - 1:
        return True
    return oid != own and _crediting_outlet(oid, registry)


def _crediting_outlet(oid: str | None, registry: OutletRegistry | None) -> bool:
    """A registered wire or state medium (whose copy others carry)."""
    row = registered_row(registry, oid)
    return row is not None and row.get("kind") in _CREDITING_KINDS


_CREDIT_TEXT_RE = re.compile(r"[(\[/](?P<inner>[^()\[\]/\n]+(?:/[^()\[\]/\n]+)*)[)\]/]")


def dateline_fields(credits: pd.DataFrame) -> pd.DataFrame:
    """Per article, the first dateline (else the first credit): dateline_place and credit_text.

    credit_text is the credit as written inside the dateline brackets, without the date
    ('UrduPoint News / Sputnik'), or the credit line for other kinds.

    >>> arts = pd.DataFrame({"article_id": ["a1"], "title": ["T"],
    ...     "text": ["MOSCOW (UrduPoint News / Sputnik - 23rd August, 2021) Lavrov said ..."]})
    >>> dateline_fields(extract_credits(arts)).values.tolist()
    [['a1', 'MOSCOW', 'UrduPoint News / Sputnik']]
    """
    check_frame(credits, "credits", "dateline_fields")
    columns = ["article_id", "dateline_place", "credit_text"]
    missing = [c for c in ("article_id", "kind", "place", "text", "span_start") if c not in credits]
    if missing:
        raise ValueError(f"credits lacks columns {missing}")
    if credits.empty:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in columns})
    # A self-credit in a dateline ("MOSCOW (Sputnik)" on sputniknews.com) is still a dateline.
    is_dateline = credits["kind"].eq("dateline") | (
        credits["kind"].eq("self") & credits["place"].notna()
    )
    frame = credits.assign(_dl=(~is_dateline).astype(int))
    frame = frame.sort_values(["article_id", "_dl", "span_start"], na_position="last")
    first = frame.drop_duplicates("article_id")
    first_is_dateline = first["_dl"].eq(0)
    inner = first["text"].astype("string").str.extract(_CREDIT_TEXT_RE)["inner"]
    inner = inner.str.replace(_TRAILING_DATE_RE, "", regex=True).str.strip()
    credit_text = inner.where(first_is_dateline, first["text"].astype("string"))
    out = pd.DataFrame(
        {
            "article_id": first["article_id"].astype("string"),
            "dateline_place": first["place"].where(first_is_dateline).astype("string"),
            "credit_text": credit_text.astype("string"),
        }
    )
    return out.reset_index(drop=True)
