"""Direct quotes and their speakers, in titles and bodies.

Quote marks (one definition shared with the framing stage, :mod:`provenance.quotes.marks`):
straight and curly double quotes, « » (with blanks or no-break spaces inside), „ “, » « and
‚ ‘ in bodies (single quotes inside them are quotes of a quote and stay part of the outer
quote; those with a person named beside them are rows of their own too, read by a second pass:
:func:`_nested_rows`); in titles also single quotes ('Encouraging,'). Attributions are read in English,
Spanish, French, German, Portuguese and Italian (see :mod:`provenance.attribution.speakers`). A quote left open at the end of a paragraph and continued by an opening
quote in the next paragraph is one multi-paragraph quote; its ``text`` joins the paragraphs
with a newline and drops the continuation marks, its span runs from the first quoted word to
the last.

Speakers, first match wins:

1. right after the closing quote: ``"...," Lavrov said`` / ``said Lavrov`` / ``the minister
   noted`` / ``he said`` / ``according to Lavrov``;
2. before the quote in the same sentence: ``Lavrov said: "..."``, ``The minister pledged
   that ... "..."``, ``according to Lavrov, "..."``, and documents: ``Putin and Biden signed
   a joint statement ..., stating that ... "..."`` (speaker: the signers, else the document);
   A trailing ``according to <outlet>`` yields to a speaker before the quote in the same
   sentence (``X said Y had "...", according to Telex``: X said it);
3. a quote introduced by a colon without a reporting verb takes the subject of its sentence
   (``Abu Shamala interrupted him: "..."``, ``One Labour MP was scathing: "..."``);
4. (quotes of three words or more) the nearest attribution in the same paragraph, else the
   subject of a recent sentence of the paragraph when it is a person of the article
   (``Ms. Cox shrugged. "Mail order, I guess."``), else the previous quote's speaker when the
   quote opens the next paragraph.

Headline quotes take the headline's speaker (``... - Lavrov``, ``Lavrov: ...``, ``Lavrov says
...``). "the minister" resolves to the nearest person with that role (or a synonym: "the judge"
for "Justice X"), or to the unnamed phrase that introduced it ("the source" -> "a senior
military source"); "he"/"she" to the subject of the paragraph when it is a person of that
gender, else the nearest such person; surnames to the full name and role written elsewhere in
the article.

Scare quotes and titles (decided, documented): every quoted span is kept as a row, but scare
quotes (one or two words) only get a speaker from an attribution in their own sentence (rules
1-2), and titles in quotes (after "titled", "called", "the film", ..., or all words
capitalised in a body) never get one: their speaker, role and verb stay empty.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterator
from operator import itemgetter
from typing import TYPE_CHECKING

import pandas as pd

from provenance.attribution._detok import OffsetMap
from provenance.attribution._input import article_columns, restore_spans
from provenance.attribution._paragraphs import Paragraphs
from provenance.attribution._wordlists import words
from provenance.attribution.patterns import (
    ABBREVIATED_TITLE,
    CAP,
    LETTER,
    UPPER,
    VERB,
    VERB_WORDS,
    WEEKDAY,
    WHEN,
)
from provenance.attribution.resolve import registry_or_default, shared_resolver
from provenance.attribution.speakers import (
    ADDRESSEE_RE,
    CUE_SCAN,
    DOC_EXTRA_VERB_SCAN,
    DOC_NOUN_RE,
    DOC_VERBS,
    DOCUMENT_BEFORE,
    NOT_A_SPEAKER_RE,
    PARTY_TAG,
    PNAME,
    POST_ATTRIBUTION_RE,
    PRONOUN_GENDER,
    SPEAKER,
    SPEAKER_AT_RE,
    VERB_SCAN,
    People,
    blank_link_residue,
    clean_name,
    clean_names,
    definite_role_noun,
    has_document_noun,
    name_before_role_of,
    name_in,
    not_a_speaker,
    person_name_at,
    pick_speaker,
    role_fits,
    speaker_after,
    speaker_before,
    split_role,
)
from provenance.collector import collector_paused
from provenance.ids import ID_LENGTH
from provenance.quotes.marks import DOUBLE_MARKS, OPENING_MARKS, quote_pattern, strip_blanks
from provenance.quotes.nested import SEPARATOR, cued, inner_quotes, nested_text
from provenance.schema import conform, empty, from_columns
from provenance.text import count_words, count_words_all

if TYPE_CHECKING:
    from provenance.outlets.registry import OutletRegistry

MAX_QUOTE_CHARS = 3000
MAX_QUOTE_PARAGRAPHS = 20
# The shared quote-mark pairs (straight, curly, guillemets both ways, German low quotes), with
# possessive repeats: a quote left open costs linear time on hostile text.
QUOTE_RE = re.compile(quote_pattern("body", MAX_QUOTE_CHARS, MAX_QUOTE_PARAGRAPHS))
_CONTINUATION_RE = re.compile(rf"[ \t]*\n[ \t]*\n?[ \t]*[{re.escape(OPENING_MARKS)}]")
TITLE_QUOTE_RE = re.compile(
    quote_pattern("d", 300, 0)
    + r"|(?<![\w])['‘](?P<s>(?:[^'‘’\n]|(?<=\w)['’](?=\w)){1,300}?)['’](?!\w)"
)
_TITLE_MARKS = "'‘" + OPENING_MARKS
# Quoted titles of works, operations, slogans: no speaker.
_TITLE_CUE_RE = re.compile(
    r"(?i:\b(?:titled|entitled|called|dubbed|named|nicknamed|known[ \t]+as|the[ \t]+"
    r"(?:film|movie|book|song|album|show|series|documentary|novel|play|programme|program"
    r"|operation|campaign|exhibition|initiative|doctrine|hashtag|slogan|motto|project"
    r"|festival|forum|conference)))[ \t]*,?[ \t]*$"
)
# The last word of every cue of _TITLE_CUE_RE ("entitled" ends in "titled", "known as" in "as").
_TITLE_CUE_ENDS = tuple(
    "titled called dubbed named as film movie book song album show series documentary novel "
    "play programme program operation campaign exhibition initiative doctrine hashtag slogan "
    "motto project festival forum conference".split()
)
_LONGEST_CUE_END = max(map(len, _TITLE_CUE_ENDS))
# "called" after a person names what they said, not a title: "which Prime Minister Juri Ratas
# called “another step toward normal life.”", "what he called “...”".
_SPEAKER_CALLED_RE = re.compile(
    # (he, she, or a capitalised word that does not open the sentence: a name; or a party tag,
    # which only a person's name carries: "which House Speaker Nancy Pelosi (D-Calif.) called
    # “an abuse of power”", seed 2007 A, where the Hill's tooltip, blanked, parts name and tag)
    r"(?:(?<![\w\-])[Hh]e|(?<![\w\-])[Ss]he|(?<=[\w,][ \t])[A-Z][\w'’\-]+"
    r"|\([ \t]?(?:[DRI]\.?|GOP)[-–,][ \t]?[A-Z][\w. ]{0,14}\))[ \t]+"
    r"(?:has[ \t]+|had[ \t]+|once[ \t]+|recently[ \t]+)?(?:called|dubbed)[ \t]*$"
)
_VENUE_AFTER_NAME_RE = re.compile(rf"(?<![\w\-']){UPPER}[\w'’\-]+,?[ \t]+on[ \t]*$")
_TITLE_CASE_RE = re.compile(r"^(?:[A-Z0-9][\w'’\-]*(?:[ \t]+(?:of|the|and|for|in|on|to|a)"
                            r")*[ \t]+)+[A-Z0-9][\w'’\-]*$")  # fmt: skip
_TITLE_VERBS = r"(?i:says|said|warns|tells|told|calls|urges|vows|insists|claims|slams|denies)"
_TITLE_SPEAKER_RES = (
    re.compile(rf"^(?P<spk>{PNAME})[ \t]*:[ \t]"),
    re.compile(rf"^(?P<spk>[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){{0,3}}?)[ \t]+(?P<verb>{_TITLE_VERBS})\b"),
    re.compile(rf",[ \t]*(?P<verb>{_TITLE_VERBS})[ \t]+(?P<spk>{PNAME})[ \t]*$"),
    re.compile(rf"[ \t][-–—|:][ \t]*(?P<spk>{PNAME})[ \t]*$"),
)  # fmt: skip
# Headline forms that name a person only when the name is a person's (two words or more, or a
# surname the article names in full), tried before the forms above: "Kudlow on Trump Jobs
# Tweet: '...'", "Pompeo to Trump: ...", "Speaker Ryan On Sexual Harassment: '...'"; "Nadler
# boils down impeachment case: '...'", "Tucker Carlson Laments America's Decline: '...'"; and
# the quote first: "'I'm not gonna respond to that': Biden snaps at reporter", "'They mean
# business.' Trump tells G7" (a fresh unlabelled ABP sample, session 9: 20 of 254 headline
# quotes had such a speaker and none was read).
_PERSON_TITLE_RES = (
    re.compile(rf"^(?P<spk>{PNAME})[ \t]+(?:[Oo]n|[Tt]o)[ \t]+[^:'‘’\"“”\n]{{1,80}}:[ \t]"),
    re.compile(
        rf"^(?P<spk>{PNAME})[ \t]+(?P<verb>(?!(?:is|has|was|does|Is|Has|Was|Does)[ \t])"
        rf"[A-Za-z][a-z]{{2,}}s)[ \t][^:\n]{{0,80}}:[ \t]"
    ),
    re.compile(
        rf"^[{re.escape(_TITLE_MARKS)}][^\n]{{1,200}}?[’'”\"][ \t]*[:.,!?]?[ \t]*"
        rf"(?:{UPPER}[\w\-]*['’]s[ \t]+)?(?P<spk>{PNAME})[ \t]+(?P<verb>[A-Za-z][a-z]{{2,}}s)(?![\w\-])"
    ),
)
_NOT_TITLE_SPEAKER = frozenset(
    "report reports media source sources official officials study survey poll analysis opinion "
    "update live video photos watch explainer exclusive interview editorial".split()
)
SHORT_QUOTE_WORDS = 2
# "exulted Cuomo", "Mr. Cox wondered": any past-tense verb next to a name or he/she, ending the
# sentence or its clause (ABP dev: verbs outside the list lost named speakers).
# ("reported", "published", "quoted": an outlet's report is a citation, not a speaker.)
_ANY_VERB = r"(?!reported|published|quoted)[a-z]{3,}ed"
_NAME_AS_WRITTEN = rf"(?:{ABBREVIATED_TITLE}[ \t]+)?{PNAME}"
_ANY_VERB_POST_RE = re.compile(
    rf"[ \t]*,?[ \t]*(?:(?P<verb1>{_ANY_VERB})[ \t]+(?P<spk1>{_NAME_AS_WRITTEN})"
    # (an adverb before the verb, "spoke" as the verb: '”, Paul reportedly fumed from the
    # floor', '” Mr. Obama spoke of Mr. Bush'; a fresh ABP sample, seed 20261207)
    rf"|(?P<spk2>{_NAME_AS_WRITTEN}|[Hh]e|[Ss]he)[ \t]+(?:[a-z]{{2,}}ly[ \t]+)?"
    rf"(?P<verb2>{_ANY_VERB}|spoke)){WHEN}"
    # the clause may go on after the verb: '"...," she exclaimed while touring the city.'
    r"(?=[ \t]*[,.;:!?]|[ \t]+[a-z])"
)
_NOT_SPEAKER_WORDS = frozenset("It This That There They We I You".split())
# A role owned by someone, then the name set off, after a quote: '"...," Saucier's lawyer, Greg
# Rinckey, said' (the first 3,000 ABP articles: 4, as "Trump's attorney, Jay Sekulow, said").
_OWNED_ROLE_POST_RE = re.compile(
    rf"[ \t]*,?[ \t]*{UPPER}[\w\-]*(?:[ \t]+{UPPER}[\w\-]*){{0,3}}['’]s[ \t]+"
    rf"(?:[a-z][\w\-]*[ \t]+){{0,3}}[a-z][\w\-]*,[ \t]+(?P<spk>{PNAME}),[ \t]+"
    rf"(?P<verb>{VERB})"
)
# A person named at the end of a long clause after the verb: '"...," said Monsanto general
# counsel Dave Snively.', 'said Reagan's 1984 campaign manager Ed Rollins,', 'said conservative
# Rep. Tom Price (R-Ga.)' (a fresh sample of 2,000 unlabelled ABP articles: ~25 such quotes had
# no speaker). The words before the name (no clause word, no sentence end) are its role.
_CLAUSE_STOPS = (
    r"(?:to|that|which|who|whom|whose|if|when|because|while|as|after|before|than|by|in|with"
    r"|would|will|is|was|are|were|has|have|had|or|but|it|he|she|they|we|I|on|from)(?![\w\-])"
    rf"|{VERB}"  # ('said Ms. Broaddrick told Fox's Laura Ingraham': no role)
)
# (an ampersand inside a firm's name: "said Arnold & Porter lawyer Lisa S. Blatt"; heldout2)
_LEAD_WORD = (
    rf"(?!{_CLAUSE_STOPS})(?:{ABBREVIATED_TITLE}|(?:{UPPER}\.)+|&|[\w'’\-]+(?![\w'’\-]|\.{LETTER}))"
)
# A signature after a dash, with the person's role before the name and where the words were
# said after it, ending the line: '” — Charles Krauthammer, on “Special Report”', '”¶-- Republican
# presidential nominee Mitt Romney on “Face the Nation.”', '” — ERA legal advocate Linda Coberly
# to Time', '” – Alexander Hamilton, Federalist No. 10' (a fresh unlabelled ABP sample: 5 of 45
# named quotes opening a paragraph without a speaker).
_DASH_SIGNATURE_RE = re.compile(
    rf"[ \t]*\n?[ \t]*(?:--|[-–—])[ \t]*(?P<lead>(?:{_LEAD_WORD}[ \t]+){{0,6}}?)"
    rf"(?P<spk>(?:{PNAME}(?:[ \t]+{UPPER}\.)+[ \t]+)?{PNAME})"
    r"(?:[ \t]*,?[ \t]+(?:on|to|in|at|of|for)[ \t][^\n]{0,120}|[ \t]*,[ \t]+[^\n]{0,80}|[ \t]*\.)?"
    r"[ \t]*(?=\n|$)"
)
_LONG_CLAUSE_POST_RE = re.compile(
    rf"[ \t]*,?[ \t]*(?P<verb>{VERB}){WHEN}[ \t]+"
    rf"(?P<lead>{_LEAD_WORD}(?:[ \t]+{_LEAD_WORD}){{0,8}}?),?[ \t]+"
    # (a name never ends in an initial: "David O. Barbe"; "of" a place, not "of Staff Mick X")
    rf"(?P<spk>{CAP}(?:[ \t]+{CAP}){{1,4}})(?<![ \t]{UPPER})"
    r"(?=[ \t]*(?:[,.;:(]|$)|[ \t]+(?:on|to|in|at|who|as|after|before|during|while|when|from"
    rf"|for|about|of(?![ \t]+{CAP}[ \t]+{CAP}))(?![\w\-]))"
)
# The clause between a quote left open and its reporting verb, when the forms above read no
# one in it: '” Ken Holder, the group's chairman said', '” Davis' attorney, Roger Gannam,
# said', '” the juror in the trial, Paula Dunn, said', '” Gelfand of the ACLU said', '” Glazunov
# last month told', '” Sen. A and Rep. B said' (a fresh unlabelled sample of 1,483 ABP articles,
# session 9: ~10 named speakers missed so). No sentence end, quote or bracket inside it.
_CLAUSE_POST_RE = re.compile(
    rf"[ \t]*,?[ \t]*(?P<clause>(?:{ABBREVIATED_TITLE}|(?<![\w\-]){UPPER}\.|[^\n.;:!?“”\"«»()—–]|-(?!-))"
    rf"{{3,140}}?)(?<![\w\-])(?P<verb>{VERB})"
)
# A person in that clause: a name (maybe after its title) set off by a comma, before "of"/"at"
# its organisation, "and" a second person, a time ("last month"), or the verb; never one that
# owns the next word ("Davis' attorney") or modifies it ("the Trump administration").
_CLAUSE_NAME_RE = re.compile(
    rf"(?<![\w\-'’])(?P<name>{_NAME_AS_WRITTEN})(?=[ \t]*,|[ \t]*$|[ \t]+(?:of|from|at|and|last"
    r"|this|on|earlier|later|also|then|yesterday|today|recently)(?![\w\-]))"
)
# Words of the clause that make the name after them someone else than the speaker: "the group
# that backs Smith said", "a lawyer for Smith said", "he scoffed -- Trump said" (the speaker is
# the group, the lawyer, he); a clause opened by "and"/"but" is a sentence of its own ('"...,"
# and Mr Abe praised'). (Fresh sample: without these, 4 of ~50 changed speakers were wrong.)
_CLAUSE_OBJECT_RE = re.compile(
    r"^[ \t]*(?:and|but|or)(?![\w\-])|(?<![\w\-])(?:that|which|who|whom|whose|to|for|by|with"
    r"|of|against|about|if|when|while|because|backing|representing|he|she|they|we|it|I|you)(?![\w\-])"
)
# A named person and a past-tense verb before the quote in its sentence: "Coach Phil Neville
# had questioned the “etiquette”", "Rep. Mike Rogers, R-Mich., has faulted “policy makers”",
# "Todd Akin referred to “legitimate rape”" (heldout2 and heldout: verbs outside the list).
_VERB_SHAPE_RE = re.compile(
    r"ed(?![\w\-])|wrote|spoke|told|said|put|[—–,][ \t][a-z]{3,}s(?![\w\-])"
)
_NAME_VERB_BEFORE_RE = re.compile(
    # (or he/she: "She rightly excoriated ... “...”", "he's warned Obama that it would be like")
    rf"(?<![\w\-'’])(?:(?P<pr>[Hh]e|[Ss]he)(?:['’]s)?(?![\w\-])"
    rf"|(?P<spk>{_NAME_AS_WRITTEN}){PARTY_TAG}(?:[ \t]+(?:himself|herself))?"
    rf"(?:,[ \t]+(?P<ins>[^,\"“”\n]{{1,60}}),"
    # (or set off by dashes: "radio host Dana Roe — who has mocked them for weeks — called";
    # dev, heldout and a fresh ABP sample, session 10)
    r"|[ \t]+[—–][ \t]+(?P<dash>[^—–\"“”\n]{1,80}?)(?:[ \t]+[—–]|,))?)"
    # "Sen. Mark Warner, vice chairman of the committee, who described the captain as ..."
    r"(?:(?<=,)[ \t]+who|[ \t]*,[ \t]+who)?"
    r"(?:[ \t]+(?:has|had|have|also|then|once|later|first|previously|reportedly|[a-z]+ly))?"
    # (a present tense only after a name set off: "Author Lena Roe — one of its few defenders,
    # labels its critics “...”"; after a bare name "-s" is as often a plural: "Trump supporters")
    rf"[ \t]+(?P<verb>{_ANY_VERB}|wrote|spoke|told|said|put|(?<=[—–,][ \t])[a-z]{{3,}}s)"
    r"(?![\w\-])"
)
# A signature after a quote, ending its line: a name, maybe after a dash (an epigraph, a
# block quote) or the next line's dash, maybe with its outlet ("” Jennifer Rubin, Washington
# Post", "”-William Booth", "”\n– Catherine Booth"; dev and heldout2: 7 named speakers).
_SIGNATURE_RE = re.compile(
    # (with a middle initial: "” — Christopher F. Droney, Hartford Courant"; fresh ABP sample)
    rf"[ \t]*(?:\n?[ \t]*[-–—][ \t]*)?(?P<spk>(?:{PNAME}(?:[ \t]+{UPPER}\.)+[ \t]+)?{PNAME})"
    # (or the role after the name: "” Rachel Irwin, spokeswoman for Senate Majority PAC"; a
    # fresh ABP sample, seed 1402)
    rf"(?:,[ \t]+(?:{UPPER}|[a-z])[^\n,.;:“”\"]{{0,60}})?\.?[ \t]*(?=\n|$)"
)
# What a signature (also a dashed one) needs past the blanks after the quote: a line break, a
# dash or a name. Most quotes go on with a comma or a lower-case word, and this short match
# rules the signature out (2,000 ABP articles: 16,000 signature tries for 53 signatures, ~2 us
# each; the dashed signature was tried after every quote, 11 a 1,000 ABP articles).
_SIGNATURE_START_RE = re.compile(rf"[ \t]*(?:[\n\-–—]|(?={PNAME}))")
# The agent of a passive reporting verb: "described by former US President Barack Obama as",
# "hailed by President Donald Trump —" (heldout: 2 named speakers were the passive's subject).
_PASSIVE_AGENT_RE = re.compile(rf"[ \t]+by[ \t]+(?P<spk>{SPEAKER})(?![\w\-]|['’]s)")
# A person quoted by the sentence right before the quote: "quoted the Rev. Martin Luther King
# Jr.: “", "in the words of C.J. Ciaramella, “", "quoted Kim as saying: “" (2,000 unlabelled ABP
# articles: 8 such quotes had no speaker; heldout2: King).
# What every cue of _QUOTED_CUE holds, searched for first (one search of the window: the
# four substring tests of a slice cost ~1 us a quote, 0.9% of the stage).
_QUOTED_CUE_HINT_RE = re.compile("quot|cit|words of|echo")
_QUOTED_CUE = (
    r"(?<![\w\-])(?:quoted|quoting|quotes|cited|citing|cites|echoed|echoing|words[ \t]+of)"
)
_QUOTED_CUE_RE = re.compile(rf"{_QUOTED_CUE}(?![\w\-])")
_QUOTED_PERSON_RE = re.compile(
    rf"(?P<cue>{_QUOTED_CUE})[ \t]+"
    rf"(?P<spk>{SPEAKER})(?:[ \t]+as[ \t]+(?:saying|telling|writing|stating)"
    r"(?:[ \t]+that)?)?\.?[ \t]*[,:]?[ \t]*$"
)
_QUOTED_AS_AFTER_RE = re.compile(
    r"[ \t]*,?[^.\n“”\"]{0,60}?(?P<cue>(?<![\w\-])(?:quoted|cited))[ \t]+"
    rf"(?P<spk>{SPEAKER})[ \t]+as[ \t]+(?:saying|telling|writing|stating)(?![\w\-])"
)
# A quote introduced by a colon: 'She put it simply: "..."'.
_COLON_BEFORE_RE = re.compile(r":[ \t]*$")
_LEAD_CONJ_RE = re.compile(r"(?:But|And|Yet|So|Still|Then|Now)[ \t]+")
# An adverbial clause before a sentence's subject: "Promising a full investigation, ",
# "In Pensacola, ", "Asked about the deal on Monday, ".
_LEAD_CLAUSE_RE = re.compile(
    r"(?:[A-Z][a-z]+ing|Asked|Pressed|In|On|At|After|Before|During|Earlier|Later"
    # ("Throughout her tenure, Ms. Nielsen remained ..., noting that ... “...”": fresh ABP sample)
    r"|Throughout|Since|Despite|Under|Without|Amid|While|When|Although|Though|Unlike)(?![\w\-])"
    r"[^,.;:\n\"“”]{1,120},[ \t]+"
)
# A dateline without a credit before the first sentence: "BUENOS AIRES.- ", "MOSCOU - ".
_LEAD_DATELINE_RE = re.compile(
    rf"{UPPER}(?:{UPPER}|['’.\-])*(?:[ \t]+{UPPER}(?:{UPPER}|['’.\-])*){{0,3}}"
    r"[ \t]*(?:\.-|--|[-–—])[ \t]+"
)
# A sentence that only labels who speaks next: "Says <speaker>:", "<speaker>:" (the quote
# follows the colon).
# (or an inverted verb: "Added Scott Amey, general counsel for the Project on Government
# Oversight: “...”", "Tweeted Randi Weingarten, president of the AFT: “...”": heldout2; ABP
# 0-8,000: 11 "Added" and 2 "Wrote"/"Writes" labels)
_LABEL_LEAD_RE = re.compile(r"(?:Says|Said|From|Added|Adds|Wrote|Writes|Tweeted|Tweets)[ \t]+")
_LABEL_END_RE = re.compile(r"[ \t]*:[ \t]*$")
# After a lead word, a role set off after the name: ", general counsel for the Project:".
_LABEL_ROLE_END_RE = re.compile(r"[ \t]*,[ \t]+[a-z][^:;,“”\"\n]{0,80}:[ \t]*$")
# A subject is followed by its verb (a lower-case word) or an appositive comma.
# (after a party tag too: "Bob Roe (R-Va.) threw"; a fresh ABP sample, seed 20261207)
_SUBJECT_END_RE = re.compile(rf"{PARTY_TAG}(?:[ \t]*,|[ \t]+[a-z])")
_SUBJECT_SENTENCES = 6
# "Her supplier, Tomás Ruiz, disagreed": a subject phrase with the name set off after it.
_APPOSED_SUBJECT_RE = re.compile(
    r"(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Oo]ne|[Ii]ts"
    # and the articles and possessives of Spanish, French, German, Portuguese and Italian.
    r"|[Ee]l|[Ll]a|[Ll]e|[Dd]er|[Dd]ie|[Ii]l|[Oo]|[Uu]na?|[Uu]ne|[Ee]ine?|[Ss]on|[Ss]a|[Ss]u"
    r"|[Ss]eine?|[Ii]hre?|[Ss]eu|[Ss]ua|[Ss]uo)[ \t]+(?:[\w'’\-]+[ \t]+){0,3}?"
    rf"[\w'’\-]+,[ \t]+(?P<name>{PNAME}),[ \t]+(?:[a-z]|\d)"
)
_HONORIFICS = frozenset(words("honorifics"))
_SUBJECT_DETERMINERS = frozenset("the a an one another this that its his her their".split())
_FUNCTION_WORDS = frozenset(
    "it they we i you these those there here in on at as when while after before then but and "
    "yet so also however meanwhile".split()
)


def extract_quotes(articles: pd.DataFrame, registry: OutletRegistry | None = None) -> pd.DataFrame:
    """Direct quotes of every article's title and text, with speaker, role, verb, addressee.

    ``articles`` needs article_id, title and text; ``registry`` resolves addressee outlets
    (default :func:`provenance.outlets.load_registry`). Returns schema ``quotes`` sorted by
    article_id, field (title first) and span.

    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["Talks 'useful' - Lavrov"], "text": [
    ...     'Russian Foreign Minister Sergey Lavrov spoke. "We are ready," the minister said.']})
    >>> extract_quotes(arts)[["field", "text", "speaker", "verb"]].values.tolist()
    [['title', 'useful', 'Sergey Lavrov', <NA>], ['text', 'We are ready,', 'Sergey Lavrov', 'said']]
    """
    # (the stage makes many small objects, match objects, attribution dicts, rows, and no
    # reference cycle: the collections they set off find nothing to free. First 3,000 ABP
    # articles in calls of 250, one process: 282 young, 26 middle and 2 full collections, ~74
    # us an article; after 250 articles paused, gc.collect() found no garbage)
    with collector_paused():
        return _extracted(articles, registry)


def _extracted(articles: pd.DataFrame, registry: OutletRegistry | None) -> pd.DataFrame:
    """:func:`extract_quotes`' table."""
    cols = article_columns(articles)
    # (the resolver the extractors share, its decided phrases kept: a decision depends only on
    # the phrase and the registry, and credits and citations decide most outlet phrases of a
    # block before quotes reads its addressees. First 3,000 ABP articles in calls of 250: a
    # resolver of its own, one registry pass a call, cost ~1.2% of the stage)
    resolver = shared_resolver(registry_or_default(registry))
    articles_ = list(zip(cols["article_id"], cols["title"], cols["text"], strict=True))
    # Unique ids (the usual case): each article's rows come in the table's order (title, then
    # text, by span), their spans mapped back as they come, the articles sorted by id; else the
    # frame is sorted and its spans mapped as a whole. (First 1,500 ABP articles in calls of
    # 250: the frame's sort and ``restore_spans`` cost 17 and 36 us an article.)
    in_place = len(set(cols["article_id"])) == len(articles_)
    by_article: list[tuple[str, list[_Row]]] = []
    for first in range(0, len(articles_), _PIN_CHUNK):
        chunk = [(*a, _prepared(a[1], a[2])) for a in articles_[first : first + _PIN_CHUNK]]
        counts = _word_counts(chunk)
        # (the speakers family's anchors of the chunk's masked texts, found one after the other)
        with CUE_SCAN.pinned(masked for *_, (_, masked) in chunk if masked is not None):
            for i, (aid, title, text, (found, masked)) in enumerate(chunk, first):
                rows = _with_nested(
                    _article_quotes(aid, title, text, found, masked, counts),
                    _nested_rows(aid, text, found),
                )
                if rows and in_place:
                    rows = _restored(rows, cols["title_offsets"][i], cols["text_offsets"][i])
                by_article.append((aid, rows))
    if in_place:
        by_article.sort(key=itemgetter(0))
    rows = [row for _, rows in by_article for row in rows]
    if not rows:
        return empty("quotes")
    # The frame built column by column from the rows' tuples (the rows and columns of the first
    # 3,000 ABP articles, 34,732 rows, rebuilt alone: 51 us an article from dicts updated with
    # the speaker's, 34 so; a row-wise frame from dicts cost 33 more).
    columns = dict(zip(_ROW_COLUMNS, map(list, zip(*rows, strict=True)), strict=True))
    addressees = columns.pop("addressee")
    resolver.resolve_many(phrase for phrase in addressees if phrase)
    columns["addressee_outlet_id"] = [resolver.outlet_of(p) if p else None for p in addressees]
    if in_place:
        return from_columns(columns, "quotes")
    frame = pd.DataFrame(columns)
    frame["_field"] = frame["field"].map({"title": 0, "text": 1})
    frame = frame.sort_values(["article_id", "_field", "span_start"], kind="stable")
    restore_spans(frame, cols, "field")
    return conform(frame.drop(columns="_field"), "quotes")


def _with_nested(rows: list[_Row], nested: list[_Row]) -> list[_Row]:
    """An article's rows with its nested quotes' rows put in the table's order (title, then
    text, by span start; a nested row after an outer row of the same start, as the frame's
    stable sort had them)."""
    if not nested:
        return rows
    return sorted(rows + nested, key=lambda row: (row[2] != "title", row[8]))


def _restored(rows: list[_Row], title_offsets: OffsetMap | None,
              text_offsets: OffsetMap | None) -> list[_Row]:  # fmt: skip
    """An article's rows with their spans in the original title and text (``restore_spans``'
    mapping, row by row; the ids keep the rejoined spans, as there)."""
    if title_offsets is None and text_offsets is None:
        return rows
    out = []
    for row in rows:
        offsets = title_offsets if row[2] == "title" else text_offsets
        out.append(row if offsets is None else (*row[:8], *offsets.span(row[8], row[9]), row[10]))
    return out


# Articles whose masked texts' anchors are found together (:func:`extract_quotes`).
_PIN_CHUNK = 64
# A quote's row as a tuple, built once (a dict per quote, updated with its speaker, cost ~1.5
# us a quote more), and the columns its fields fill, in order.
_ROW_COLUMNS = ("quote_id", "article_id", "field", "text", "speaker", "speaker_role", "verb",
                "addressee", "span_start", "span_end", "n_words")  # fmt: skip
_Said = tuple[str | None, str | None, str | None, str | None]  # speaker, role, verb, addressee
_Row = tuple[object, ...]
_NO_SPEAKER: _Said = (None, None, None, None)


def _title_has_quotes(title: str) -> bool:
    """Whether the title holds a quote mark (a headline quote may be attributed in the text)."""
    return bool(title) and any(ch in title for ch in _TITLE_MARKS)


def _prepared(title: str, text: str) -> tuple[list[re.Match[str]], str | None]:
    """The quotes of ``text`` and its masked copy; None for the copy when neither the text nor
    the title holds a quote (nothing is read then)."""
    found = list(QUOTE_RE.finditer(text))
    if not found and not _title_has_quotes(title):
        return found, None
    return found, _blank_zero_width(blank_link_residue(_mask(text, found)))  # (The Hill's tooltips)


# Zero-width characters of scraped copy ("after Biden \u200breferred to Kim as a “dictator”":
# the verb read as no word; a fresh sample, seed 1709; 451 in 257 of the 37,554 ABP articles).
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_BLANKS = str.maketrans(dict.fromkeys(_ZERO_WIDTH, " "))


def _blank_zero_width(masked: str) -> str:
    """The masked text with each zero-width character a blank (offsets kept)."""
    # (five substring tests: ~2 us an ABP text; one character-class regex search took ~90)
    if not any(ch in masked for ch in _ZERO_WIDTH):
        return masked
    return masked.translate(_ZERO_WIDTH_BLANKS)


def _word_counts(chunk: list[tuple[str, str, str, tuple[list[re.Match[str]], str | None]]],
                 ) -> Iterator[int]:  # fmt: skip
    """The word counts of the chunk's quotes (:func:`_prepared`), in order: one vectorised
    pass over all their bodies (:func:`count_words_all`; blanks at a body's ends count no
    word). (First 3,000 ABP articles: ~11 quotes an article, ~2.7 us each by count_words.)"""
    bodies = [text[m.start("body") : m.end("body")] for _, _, text, (found, _) in chunk
              for m in found]  # fmt: skip
    return iter(count_words_all(bodies).tolist())


def _article_quotes(article_id: str, title: str, text: str, found: list[re.Match[str]],
                    masked: str | None, counts: Iterator[int]) -> list[_Row]:  # fmt: skip
    """The rows of one article's quotes, from its quotes, masked text (:func:`_prepared`) and
    their word counts (:func:`_word_counts`: read in turn, one for each quote of ``found``)."""
    if masked is None:
        return []
    title_has_quotes = _title_has_quotes(title)
    paragraphs = Paragraphs(masked)
    people = People(masked, paragraphs)
    attributions = _Attributions(masked, people, paragraphs)
    addressees = _AddresseeSearch(masked)
    rows: list[_Row] = []
    previous: tuple[int, dict[str, object]] | None = None
    last_post: dict[str, object] | None = None  # the attribution right after the last quote
    for m in found:
        open_at, close_at = m.span()
        body_start, body_end = strip_blanks(text, *m.span("body"))
        body = text[body_start:body_end]
        paragraph = paragraphs.index(open_at)
        para_start = paragraphs.starts[paragraph]
        # (where a multi-paragraph quote ends: most end in the paragraph they open)
        last_paragraph = (
            paragraph if close_at <= paragraphs.ends[paragraph] else paragraphs.index(close_at)
        )
        para_end = paragraphs.ends[last_paragraph]
        n_words = next(counts)
        attr = post = None
        if not _is_title(masked, open_at, body):
            attr = _post(masked, m, body, n_words, people)
            post = attr
            attr = attr or _continued(masked, last_post, open_at)
            attr = attr or _quoted_person(masked, people, para_start, open_at)
            if attr is None or attr["kind"] == "according":
                # (read only for the rules before the quote: most quotes are attributed after
                # their closing mark; from the paragraph's start: "Jr.:" may end a sentence
                # for the splitter)
                sentence_start = max(paragraphs.sentence_start(open_at), para_start)
                # 'X said Y had "...", according to Telex': X said it, Telex reported it.
                attrs, ends = attributions.of(paragraph, paragraph)
                pre = _pre(attrs, ends, sentence_start, open_at)
                attr = (
                    pre if pre is not None and (attr is None or pre["kind"] == "speaker") else attr
                )
            if attr is None:
                attr = _name_verb_before(masked, sentence_start, open_at)
            if attr is None:
                attr = _colon_speaker(masked, people, paragraphs, attributions, sentence_start,
                                      open_at)  # fmt: skip
            if attr is None and n_words <= SHORT_QUOTE_WORDS:
                attrs, ends = attributions.of(paragraph, paragraph)
                attr = _sentence_end_speaker(
                    masked, paragraphs, attrs, ends, m, body, sentence_start
                )
            if attr is None and n_words > SHORT_QUOTE_WORDS:
                attrs, ends = attributions.of(paragraph, last_paragraph)
                attr = _nearest(attrs, ends, para_start, para_end, open_at, close_at)
                if attr is None:  # 'Ms. Cox shrugged. "Mail order, I guess."'
                    attr = _subject(masked, people, paragraphs, para_start, open_at, False)
                if attr is None and previous is not None and previous[0] >= paragraph - 1:
                    attr = previous[1]
                if attr is None and paragraph and _bare(masked, para_start, para_end, m):
                    attr = _subject_spoke_last(attributions, people, paragraphs, paragraph - 1)
            if attr is not None and str(attr["speaker"]).lower() in PRONOUN_GENDER:
                # 'Pineda responded that ... "...," she said': the paragraph's subject, if a
                # person of that gender, rather than the nearest name.
                gender = PRONOUN_GENDER[str(attr["speaker"]).lower()]
                subject = _subject(masked, people, paragraphs, para_start, open_at, False, gender)
                if subject is None and paragraph and _opens_paragraph(masked, para_start, open_at):
                    # 'Lanier said ... ¶ "This was a lengthy pursuit," she said.'
                    subject = _last_speaker(attributions, people, paragraph - 1, gender)
                if subject is not None:
                    attr = {**subject, "verb": attr["verb"], "verb_pos": attr["verb_pos"]}
            elif (
                attr is not None
                and paragraph
                and (noun := definite_role_noun(str(attr["speaker"]))) is not None
                and _opens_paragraph(masked, para_start, open_at)
            ):
                # 'Collins said ... ¶ "...," the senator said.': the previous paragraph's
                # speaker, when their role (if known) has the noun
                subject = _role_continues(attributions, people, paragraph - 1, noun)
                if subject is not None:
                    attr = {**subject, "verb": attr["verb"], "verb_pos": attr["verb_pos"]}
        last_post = post
        said = _NO_SPEAKER
        if attr is not None:
            said = _speak(attr, people, addressees, paragraphs, masked)
            if (
                said[0] is not None
                and attr["kind"] != "document"
                and said[0] not in _NOT_SPEAKER_WORDS
            ):  # ("I thought ... “regrets” ¶ “...,” he said": "he" is no "I"; fresh ABP sample)
                people.add_actor(open_at, str(said[0]))
            previous = (last_paragraph, attr)
        rows.append(_row(article_id, "text", body_start, body_end, _clean(body), n_words, said))
    if title_has_quotes:
        rows[:0] = _title_quotes(article_id, title, people)
    return rows


def _nested_rows(article_id: str, text: str, found: list[re.Match[str]]) -> list[_Row]:
    """Rows of the quotes in single marks nested in the quotes ``found`` in ``text``
    (:mod:`provenance.quotes.nested`), each with the speaker the rules read in its outer
    quote's words ("‘...,’ Gillibrand replied"), only those with a named speaker written beside
    them (:func:`_named_beside`). The outer quotes' rows are left as they are. All the outer
    quotes of an article with an inner quote a verb and a capital stand beside are read in one
    text (:func:`nested_text`): one outer quote at a time (no verb asked for), the rules'
    per-text work cost ~10% of the stage on the first 3,000 ABP. (ABP 0-4,000: 76 rows, 34 of
    40 read right; session 18 in docs/attribution-eval.md.)"""
    quotes = []
    for m in found:
        start, end = m.span("body")
        inner = inner_quotes(text, start, end)
        if inner and any(cued(text, start, end, span) for span in inner):
            quotes.append((start, end, inner))
    if not quotes:
        return []
    sub = nested_text(text, quotes)
    sub_found, masked = _prepared("", sub)
    # (one text's few quotes: count_words_all's vectorised pass cost ~1.5 ms a call here)
    counts = iter([count_words(sub[m.start("body") : m.end("body")]) for m in sub_found])
    # Where each outer quote's words start in ``sub``, and how far its offsets are from the
    # text's.
    firsts, shifts, at = [], [], 0
    for start, end, _ in quotes:
        firsts.append(at)
        shifts.append(start - at)
        at += end - start + len(SEPARATOR)
    rows = []
    for row in _article_quotes(article_id, "", sub, sub_found, masked, counts):
        if _named_beside(text, str(masked), row):
            shift = shifts[bisect.bisect_right(firsts, int(row[8])) - 1]  # type: ignore[call-overload]
            # (no addressee: the chains stage reads interviews from the quotes' addressees,
            # and what a quoted passage says someone told an outlet is left to that passage)
            said = (row[4], row[5], row[6], None)
            rows.append(_row(article_id, "text", int(row[8]) + shift, int(row[9]) + shift,  # type: ignore[call-overload]
                             str(row[3]), int(row[10]), said))  # type: ignore[arg-type, call-overload]  # fmt: skip
    return rows


# How far from a nested quote its speaker's name is looked for, before its opening mark and
# after its closing one, in the outer quote's masked words ("‘...,’ Gillibrand replied";
# "Bill Clinton came in and said, ‘...’"). ABP 0-4,000, the speaker as the rules resolved it:
# 22 of 45 rows read were right ("the president said" went to an Obama named inside the quote,
# "she said" to the moderator, "People thought", "Everybody said", "So I'm ... says").
_NAME_BEFORE, _NAME_AFTER = 100, 60
_NAME_SHAPE_RE = re.compile(r"[A-Z][a-z][\w’'\-]*")


def _named_beside(text: str, masked: str, row: _Row) -> bool:
    """Whether a nested quote's row names its speaker as a person, by the name written beside
    the quote in its outer quote's ``masked`` words: a person's name (:func:`person_name_at`),
    its last word within _NAME_BEFORE/_NAME_AFTER characters of the quote, and a name of one
    word only when the article's ``text`` writes it after a capitalised word ("Elizabeth
    Warren", "Sen. Warren") or as a subject inside a sentence ("At one point, Wallace
    pressed"): "People thought", "Everybody said", "Deal tells" open their sentences.
    A pronoun, a role or "I" resolved inside a quoted passage is not taken."""
    speaker = row[4]
    name = name_in(str(speaker)) if speaker else ""
    words = name.split()
    if not words or not all(_NAME_SHAPE_RE.fullmatch(w) for w in words):
        return False
    if not person_name_at(name, 0, name):
        return False
    start, end = int(row[8]), int(row[9])  # type: ignore[call-overload]
    window = masked[max(0, start - _NAME_BEFORE) : end + _NAME_AFTER]
    if re.search(rf"(?<![\w\-]){re.escape(words[-1])}(?![\w\-])", window) is None:
        return False
    word = re.escape(words[0])
    return len(words) > 1 or re.search(
        rf"[A-Z][\w.’'\-]+[ \t]+{word}(?![\w\-])|(?<![\w\-])[a-z]+,?[ \t]+{word}[ \t]+"
        rf"[a-z]+(?:ed|s)(?![\w\-])", text
    ) is not None  # fmt: skip


def _mask(text: str, found: list[re.Match[str]]) -> str:
    """The text with quoted words blanked (offsets kept), so attributions are found outside
    quotes and sentences are not split inside them; a final . ! ? stays to end the sentence."""
    if not found:
        return text
    pieces: list[str] = []
    last = 0
    for m in found:
        start, end = m.start("body"), m.end("body")
        keep = 1 if text[end - 1 : end] in (".", "!", "?") else 0
        pieces.append(text[last:start])
        blank = text[start : end - keep]
        pieces.append(" " * len(blank) if "\n" not in blank else re.sub(r"[^\n]", " ", blank))
        last = end - keep
    pieces.append(text[last:])
    return "".join(pieces)


class _Attributions:
    """Attributions per paragraph, found the first time a quote there needs them (most quotes
    are attributed right after their closing mark and never need the paragraph's)."""

    def __init__(self, masked: str, people: People, paragraphs: Paragraphs) -> None:
        self.masked, self._people, self._paragraphs = masked, people, paragraphs
        # (attributions sorted by end, their ends) per paragraph: most quotes read one
        # paragraph, whose lists are handed out as they are (callers only read them).
        self._found: dict[int, tuple[list[dict[str, object]], list[int]]] = {}
        self._documents: bool | None = None  # any document noun in the text (looked up once)

    def of(self, first: int, last: int) -> tuple[list[dict[str, object]], list[int]]:
        """Attributions of paragraphs ``first`` to ``last``, sorted by end, and their ends."""
        if first == last:
            return self._of(first)
        out: list[dict[str, object]] = []
        ends: list[int] = []
        for i in range(first, last + 1):
            attrs, attr_ends = self._of(i)
            out += attrs
            ends += attr_ends
        return out, ends

    def _of(self, i: int) -> tuple[list[dict[str, object]], list[int]]:
        found = self._found.get(i)
        if found is None:
            span = self._paragraphs.span(i)
            attrs = _attributions(
                self.masked, self._people, [span], self._documents_read(*span), self._paragraphs
            )  # fmt: skip
            found = self._found[i] = (attrs, [int(a["end"]) for a in attrs])
        return found

    def _documents_read(self, lo: int, hi: int) -> bool:
        """Whether [lo, hi) is read for document attributions: a document-only verb in it
        (anchors at hand) and a document noun in the text (looked up once, when first asked:
        ~10 us a text, for ~5 paragraphs an ABP article read)."""
        if not DOC_EXTRA_VERB_SCAN.starts(self.masked, lo, hi):
            return False  # (the flag only adds those verbs' cues: none here either way)
        if self._documents is None:
            self._documents = has_document_noun(self.masked)
        return self._documents


class _AddresseeSearch:
    """``ADDRESSEE_RE.search`` over one text, remembering the last search per end position.

    A later search from a position between the last one's start and the match it found (or
    after a search that found nothing) has the same answer, so a long sentence (a text whose
    quotes hide every sentence end, hostile or collapsed into one line) is scanned once, not
    once per quote: that made extract_quotes quadratic in the sentence length.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._last: dict[int, tuple[int, re.Match[str] | None]] = {}

    def search(self, pos: int, endpos: int) -> re.Match[str] | None:
        last = self._last.get(endpos)
        if last is not None:
            start, found = last
            if start <= pos and (found is None or pos <= found.start()):
                return found
        found = ADDRESSEE_RE.search(self._text, pos, endpos)
        self._last[endpos] = (pos, found)
        return found


# A subject pronoun right before a document verb speaks itself: "Kavanaugh issued a statement
# on Friday in which he said, “...”" is his, not the statement's (a fresh sample, seed 1505).
_PRONOUN_BEFORE_RE = re.compile(r"(?<![\w\-])(?:he|she)[ \t]+$")


def _attributions(
    masked: str,
    people: People,
    spans: list[tuple[int, int]],
    documents: bool,
    paragraphs: Paragraphs | None = None,
) -> list[dict[str, object]]:
    """Attributions outside quotes in the given paragraphs: "<speaker> said", "according to
    <speaker>", documents ("a joint statement ..., stating"; only looked for when the text has
    a document noun), each anchored at its cue word."""
    out: list[dict[str, object]] = []
    cues: list[tuple[int, int, str | None, str | None]] = []
    for lo, hi in spans:
        cues += [(m.start(), m.end(), m.group("verb"), m.group("acc"))
                 for m in CUE_SCAN.finditer(masked, lo, hi)]  # fmt: skip
        if documents:
            cues += [(m.start(), m.end(), m.group(0), None)
                     for m in DOC_EXTRA_VERB_SCAN.finditer(masked, lo, hi)]  # fmt: skip
    for start, end, verb, acc in cues:
        if acc:
            s = SPEAKER_AT_RE.match(masked, re.match(r"[ \t]*", masked[end : end + 5]).end() + end)
            if s is not None:
                out.append(_attr("according", s.group(0), s.start(), acc, start, start, s.end()))
            continue
        if (
            verb in DOC_VERBS
            and _PRONOUN_BEFORE_RE.search(masked, max(0, start - 5), start) is None
        ):
            d = DOCUMENT_BEFORE.match_before(masked, start, 300)
            # ("... to tweak the law, said Rep. Tom Price": the speaker after the verb; heldout2)
            if d is not None and speaker_after(masked, start, end) is None:
                signers = _signers(d["signers"]) if d["signers"] else ""
                author = None if signers else _author_match(masked, people, d.start("doc"))
                if author is not None:  # "a notice Friday from X, ..., saying"
                    out.append(_attr("speaker", author["author"], author.start("author"), verb,
                                     start, d.start(), end))  # fmt: skip
                    continue
                owner = None if signers else _document_owner(masked, people, paragraphs, d, start)
                if owner is not None:  # "Sen. X ... issued a statement, saying, “...”"
                    out.append({**owner, "verb": verb, "verb_pos": start, "end": end})
                    continue
                who = signers or str(d["doc"])
                where = d.span("signers")[1] - len(signers) if signers else d.start("doc")
                out.append(_attr("document", who, where, verb, start, d.start(), end))
                continue
        agent = _passive_agent(masked, end)
        if agent is not None and len(name_in(agent["spk"]).split()) > 1:
            # 'It was described by former US President Barack Obama as “...”'
            out.append(_attr("speaker", agent["spk"], agent.start("spk"), verb, start, start,
                             agent.end()))  # fmt: skip
            continue
        found = speaker_before(masked, start)
        if found is not None:
            speaker, spk_start, insert = found
            out.append(_attr("speaker", pick_speaker(speaker, insert), spk_start, verb, start,
                             spk_start, end))  # fmt: skip
            continue
        if paragraphs is not None and _subject_speaks(masked, start, verb):
            # 'Navarro disagreed with ..., saying the President is "..."': the subject speaks.
            sentence_start = paragraphs.sentence_start(start)
            subject = _subject(masked, people, paragraphs, sentence_start, start, False,
                               named=True)  # fmt: skip
            subject = subject or _name_verb_before(masked, sentence_start, start)
            if subject is None and _participle(verb):
                subject = _subordinate_subject(masked, people, sentence_start, start)
            if subject is not None:
                out.append({**subject, "verb": verb, "verb_pos": start, "end": end})
                continue
        after = speaker_after(masked, start, end)
        if after is not None:  # ", a déclaré le ministre, X."
            speaker, spk_start, spk_end = after
            out.append(_attr("speaker", speaker, spk_start, verb, start, start, spk_end))
    out.sort(key=lambda a: (a["end"], a["kind"] != "speaker"))
    for a in out:
        if a["kind"] != "document":
            people.learn_speaker(str(a["speaker"]))
    return out


# A verb whose subject opens its sentence: a participle after a comma ("Bob Roe threw the ball
# back, however, saying “...”") or a second predicate after "and" ("Mr. Kelly defended his
# comments and said, “...”"; a fresh ABP sample, seed 20261207: 4 of 45 articles gave such
# quotes to a name nearer the verb or to none).
_SUBJECT_VERB_LEAD_RE = re.compile(r"(?:,|(?<![\w\-])and)[ \t]*$")


# A subordinate clause whose subject a participle after it takes when the main clause's subject
# is no person: "A lighthearted moment occurred when the Russian minister orchestrated the
# delivery of pizzas ..., saying, “...”" (a fresh sample, seed 1709).
_SUBORDINATE_RE = re.compile(r"(?<![\w\-])(?:when|(?<!such )as|while|because)[ \t]+")


def _subordinate_subject(masked: str, people: People, sentence_start: int,
                         verb_at: int) -> dict[str, object] | None:  # fmt: skip
    """The known person opening the last subordinate clause in
    [sentence_start, verb_at), none when no such clause holds one."""
    clauses = list(_SUBORDINATE_RE.finditer(masked, sentence_start, verb_at))
    if not clauses or masked.count(",", clauses[-1].end(), verb_at) > 1:
        # (a clause set off before the participle's comma has a subject of its own: "minutes
        # after Romney spoke, Obama stuck to the script, ..., condemning": first 20,000 ABP)
        return None
    # (a person the article knows only: "... the bounce in the stock market since Election Day,
    # saying" took the quote from Trump when any two-word name was read)
    return _subject_at(masked, people, clauses[-1].end(), verb_at, False, None)


def _subject_speaks(masked: str, verb_at: int, verb: str) -> bool:
    """Whether the reporting verb at ``verb_at`` takes its sentence's subject: a participle
    after a comma, or any verb after "and"."""
    lead = _SUBJECT_VERB_LEAD_RE.search(masked, max(0, verb_at - 8), verb_at)
    return lead is not None and (_participle(verb) or lead.group(0)[0] == "a")


def _participle(verb: str) -> bool:
    """Whether a reporting verb is a participle ("saying", "calling for": the first word)."""
    return verb.split(" ", 1)[0].endswith("ing")


def _document_owner(masked: str, people: People, paragraphs: Paragraphs | None,
                    doc: re.Match[str], verb_at: int) -> dict[str, object] | None:  # fmt: skip
    """The person whose sentence has a document as its object before a participle: "Sen.
    Patrick Leahy, the Vermont Democrat ..., issued a statement, saying, “...”", "Senator Bill
    Cassidy also praised the bill, saying “...”" (dev and a fresh ABP sample, session 10: the
    document took the quote from the named person). None when the document opens its sentence
    ("A joint statement ..., stating") or no person is the sentence's subject."""
    if paragraphs is None or not masked[verb_at - 4 : verb_at].rstrip().endswith(","):
        return None
    sentence_start = paragraphs.sentence_start(verb_at)
    if not masked[sentence_start : doc.start("doc")].strip():
        return None  # the document is the subject
    found = _subject(masked, people, paragraphs, sentence_start, doc.start("doc"), False)
    found = found or _name_verb_before(masked, sentence_start, doc.start("doc"))
    if found is None or found["kind"] != "speaker":
        return None
    if _JOINT_RE.search(masked, int(found["spk_pos"]), doc.start("doc")):
        return None  # "President A and President B signed a joint statement": both, the document
    return found


_JOINT_RE = re.compile(rf"[ \t]and[ \t]+{UPPER}")


def _signers(run: str) -> str:
    """The people of a document's signers as written: a list of names ("X and Y"), or the name
    in one person's role and name ("Rep. Roger Williams released a statement Thursday saying,
    “...”" went to the statement: heldout2)."""
    names = clean_names(run)
    if names or "," in run or " and " in run:
        return names  # (a list with roles is a joint statement's: the document speaks)
    return name_in(run) if len(name_in(run).split()) > 1 else ""


def _passive_agent(masked: str, end: int) -> re.Match[str] | None:
    """``_PASSIVE_AGENT_RE.match(masked, end)``, tried only where blanks and "by" follow the
    cue (2,000 ABP articles: 11,000 cues, 21 passive agents)."""
    if masked[end : end + 1] not in (" ", "\t"):
        return None
    if masked[end : end + 64].lstrip(" \t")[:2] not in ("by", ""):
        return None
    return _PASSIVE_AGENT_RE.match(masked, end)


def _attr(kind: str, speaker: str, spk_pos: int, verb: str, verb_pos: int, start: int,
          end: int) -> dict[str, object]:  # fmt: skip
    return {"kind": kind, "speaker": " ".join(speaker.split()), "spk_pos": spk_pos,
            "verb": " ".join(verb.split()), "verb_pos": verb_pos, "start": start, "end": end}  # fmt: skip


def _subject(masked: str, people: People, paragraphs: Paragraphs, start: int, position: int,
             any_phrase: bool, gender: str | None = None,
             named: bool = False) -> dict[str, object] | None:  # fmt: skip
    """The subject opening the last sentence in [start, position) that has one: a person
    known in the article (of ``gender`` if given; with ``named``, also a name of two words or
    "Mr. Roe" read as a person's) or, with ``any_phrase``, any speaker phrase ("One Labour MP
    was scathing:", "But the footnote goes further:")."""
    starts = paragraphs.sentence_starts(paragraphs.index(position))
    j = bisect.bisect_right(starts, position)
    # The last few sentences only: a hostile paragraph of endless quotes stays linear.
    for s in reversed(starts[max(0, j - _SUBJECT_SENTENCES) : j]):
        if s < start:
            break
        dateline = _LEAD_DATELINE_RE.match(masked, s) if s == 0 else None
        s = dateline.end() if dateline else s
        lead = _LEAD_CONJ_RE.match(masked, s)
        at = lead.end() if lead else s
        # (a leading clause ends in a comma: most sentences have none before the quote;
        # 2,000 ABP articles: 8,400 tries, 700 clauses)
        has_comma = masked.find(",", at, position) >= 0
        clause = _LEAD_CLAUSE_RE.match(masked, at, position) if has_comma else None
        if clause is not None:  # "Promising a full investigation ..., Erdogan linked ..."
            found = _subject_at(masked, people, clause.end(), position, False, gender, named)
            if found is not None:
                return found
        found = _subject_at(masked, people, at, position, any_phrase, gender, named)
        if found is not None:
            return found
    return None


def _subject_at(masked: str, people: People, at: int, position: int, any_phrase: bool,
                gender: str | None, named: bool = False) -> dict[str, object] | None:  # fmt: skip
    """The subject of the sentence (or clause) starting at ``at``, as :func:`_subject` takes
    it; None when it has none."""
    # (two commas set the name off: 2,000 ABP articles, 8,900 tries for 4 such subjects)
    appos = (
        _APPOSED_SUBJECT_RE.match(masked, at, position)
        if masked.count(",", at, position) > 1
        else None
    )
    if appos is not None and len(clean_name(appos["name"]).split()) > 1:
        # 'Her supplier, Tomás Ruiz, disagreed.': the name set off after the subject.
        name = clean_name(appos["name"])
        speaker, role = people.resolve(name, appos.start("name"))
        if gender is None or people.gender_of(str(speaker), role) in (gender, None):
            return _attr("speaker", name, appos.start("name"), "", appos.end(), at,
                         appos.end())  # fmt: skip
    m = SPEAKER_AT_RE.match(masked, at, position)
    if m is None or not _SUBJECT_END_RE.match(masked, m.end(), position):
        return None
    phrase = " ".join(m.group(0).split())
    if NOT_A_SPEAKER_RE.match(phrase) or phrase.endswith(("'s", "’s")):
        return None
    low = phrase.lower()
    if " " not in low and low in _SUBJECT_DETERMINERS | _FUNCTION_WORDS:
        return None  # "The slogan was simple:", "His answer:": no speaker
    if low in PRONOUN_GENDER:
        return _attr("speaker", phrase, at, "", m.end(), at, m.end()) if (
            gender is None and any_phrase) else None  # fmt: skip
    speaker, role = people.resolve(phrase, at)
    known = speaker is not None and (
        people.is_person(speaker) or (named and _named_person(masked, at, m.group(0)))
    )
    if known and (gender is None or people.gender_of(speaker, role) in (gender, None)):
        return _attr("speaker", phrase, at, "", m.end(), at, m.end())
    # "The official count: ...": one word before the colon makes a noun phrase; a speaker
    # needs a predicate ("the footnote goes further:").
    if (
        any_phrase
        and gender is None
        and low.split()[0] in _SUBJECT_DETERMINERS
        and len(masked[m.end() : position].split()) > 1
    ):
        return _attr("speaker", phrase, at, "", m.end(), at, m.end())
    return None


def _named_person(masked: str, at: int, phrase: str) -> bool:
    """Whether a subject phrase written at ``at`` names a person: a name of two words or more,
    or an honorific and a surname ("Mr. Kelly"), that reads as a person's name."""
    name = name_in(phrase)
    honorific = phrase.split(maxsplit=1)[0].rstrip(".") in _HONORIFICS
    return (
        bool(name) and (len(name.split()) > 1 or honorific) and person_name_at(masked, at, phrase)
    )


def _colon_speaker(masked: str, people: People, paragraphs: Paragraphs,
                   attributions: _Attributions, sentence_start: int,
                   open_at: int) -> dict[str, object] | None:  # fmt: skip
    """The speaker of a quote a colon introduces: the person a sentence made of a name and a
    colon labels ("Press Secretary Sean Spicer: “...”", "Says party leader Mr. Dillon: “...”"),
    else the sentence's subject ('Abu Shamala interrupted him: "..."'); and for a quote opening
    its paragraph after one that ends in a colon ("Francois Hollande tweeted Saturday:¶“...”"),
    the attribution or subject of that colon's sentence."""
    if _COLON_BEFORE_RE.search(masked, sentence_start, open_at):
        return _label(masked, people, sentence_start, open_at) or _subject(
            masked, people, paragraphs, sentence_start, open_at, True
        )
    paragraph = paragraphs.index(open_at)
    if not paragraph or not _opens_paragraph(masked, paragraphs.starts[paragraph], open_at):
        return None
    before_start, before_end = paragraphs.span(paragraph - 1)
    colon = masked.rfind(":", before_start, before_end)
    if colon < 0 or masked[colon + 1 : before_end].strip():
        return None
    start = max(paragraphs.sentence_start(colon), before_start)
    attrs, ends = attributions.of(paragraph - 1, paragraph - 1)
    found = (
        _pre(attrs, ends, start, colon + 1)
        or _name_verb_before(masked, start, colon + 1)
        or _label(masked, people, start, colon + 1)
    )
    if (
        found is not None
        and found["kind"] == "according"
        and _named_person(masked, int(found["spk_pos"]), str(found["speaker"]))
    ):
        return found  # ("..., according to Rep. Mike Rogers:¶“...”"; ABP sample, seed 1402)
    # (a person only: "According to Reuters:", "It read:" name no one)
    if found is None or found["kind"] != "speaker" or found["speaker"] in _NOT_SPEAKER_WORDS:
        return None
    return found


def _label(masked: str, people: People, start: int, open_at: int) -> dict[str, object] | None:
    """The person a sentence of only a name (with its role) and a colon names, for the quote
    after it ("Wolf Blitzer: “...”", "Said 18-year-old Kassidy Monroe: “...”"); None for an
    outlet ("Washington Post:"), a word ("Example:") or a surname nobody in the article has."""
    lead = _LABEL_LEAD_RE.match(masked, start, open_at)
    at = lead.end() if lead else start
    m = SPEAKER_AT_RE.match(masked, at, open_at)
    if m is None or not (
        _LABEL_END_RE.match(masked, m.end(), open_at)
        or (lead and _LABEL_ROLE_END_RE.match(masked, m.end(), open_at))
    ):
        return None
    phrase = " ".join(m.group(0).split())
    speaker = str(people.resolve(phrase, at)[0])
    name = name_in(phrase)
    # (a surname counts when the article names its person in full: "Zeleny" -> "Jeff Zeleny")
    known = " " in speaker and (people.is_person(speaker) or speaker != name)
    if phrase[:1].islower() and not name:  # "Said the president:": whom the role resolves to
        return _attr("speaker", phrase, at, "", m.end(), at, m.end()) if lead and known else None
    if not person_name_at(masked, at, m.group(0)):
        return None
    if len(name.split()) > 1 or (name and known):
        return _attr("speaker", phrase, at, "", m.end(), at, m.end())
    return None


def _opens_paragraph(masked: str, para_start: int, open_at: int) -> bool:
    """Whether only blanks stand between the paragraph's start and the quote mark."""
    return not masked[para_start:open_at].strip()


def _last_speaker(attributions: _Attributions, people: People, paragraph: int,
                  gender: str | None) -> dict[str, object] | None:  # fmt: skip
    """The named speaker of the last attribution of ``paragraph`` when it is a person of
    ``gender`` (or of unknown gender; any person when ``gender`` is None): who "he"/"she"
    continues in a quote opening the next paragraph (ABP dev: 5 more named speakers found,
    0.793 -> 0.805)."""
    attrs, _ = attributions.of(paragraph, paragraph)
    for a in reversed(attrs):
        if a["kind"] != "speaker":
            continue
        phrase = str(a["speaker"])
        if phrase.lower() in PRONOUN_GENDER:
            return None  # "he said" again: the nearest-person rule decides
        speaker, role = people.resolve(phrase, int(a["spk_pos"]))
        if speaker is None or not people.is_person(speaker):
            return None
        return a if gender is None or people.gender_of(speaker, role) in (gender, None) else None
    return None


def _bare(masked: str, para_start: int, para_end: int, m: re.Match[str]) -> bool:
    """Whether the quote ``m`` is all its paragraph holds."""
    return not masked[para_start : m.start()].strip() and not masked[m.end() : para_end].strip()


def _subject_spoke_last(attributions: _Attributions, people: People, paragraphs: Paragraphs,
                        paragraph: int) -> dict[str, object] | None:  # fmt: skip
    """The last attribution of ``paragraph`` when its named speaker opens the paragraph's
    last sentence: who a bare quote paragraph after it goes on with ('But Dana Roe, director
    of ..., said importing it is a poor idea. ¶ “...” ¶'; fresh ABP sample, seed 20261208: 3 of
    80 articles; on the first 3,000 ABP a looser rule, any last speaker of the paragraph
    before, found 12 right and 7 wrong of 20 read: a name inside the sentence, a Q&A)."""
    found = _last_speaker(attributions, people, paragraph, None)
    if found is None:
        return None
    start, end = paragraphs.span(paragraph)
    sentence = max(paragraphs.sentence_start(max(start, end - 1)), start)
    spk_pos = int(found["spk_pos"])
    if spk_pos < sentence or len(attributions.masked[sentence:spk_pos].split()) > 1:
        return None  # ("... moments after the president announced it. ¶ “...”": not his)
    return found


def _role_continues(attributions: _Attributions, people: People, paragraph: int,
                    noun: str) -> dict[str, object] | None:  # fmt: skip
    """The named speaker of the last attribution of ``paragraph`` when their role, if known,
    has ``noun``: who "the senator" continues in a quote opening the next paragraph (a fresh
    ABP sample, session 10: "Collins said ... ¶ “...,” the senator said" went to another
    senator named further back)."""
    attrs, _ = attributions.of(paragraph, paragraph)
    for a in reversed(attrs):
        if a["kind"] != "speaker":
            continue
        phrase = str(a["speaker"])
        if phrase.lower() in PRONOUN_GENDER or definite_role_noun(phrase) is not None:
            return None  # "he said", "the senator said" again: resolved as written
        speaker, role = people.resolve(phrase, int(a["spk_pos"]))
        if speaker is None or " " not in speaker or not people.is_person(speaker):
            return None
        return a if role_fits(role, noun) else None
    return None


def _post(masked: str, m: re.Match[str], body: str, n_words: int,
          people: People) -> dict[str, object] | None:  # fmt: skip
    start = _SIGNATURE_START_RE.match(masked, m.end())
    sig = start and _SIGNATURE_RE.match(masked, m.end())
    if (
        sig is not None
        and len(clean_name(sig["spk"]).split()) > 1
        and not any(w.lower() in VERB_WORDS for w in sig["spk"].split())  # "Loomer Tweeted"
    ):
        # '...we hope he reconsiders.” Jennifer Rubin, Washington Post' / '”-William Booth'
        return _attr("speaker", sig["spk"], sig.start("spk"), "", sig.start("spk"), sig.start(),
                     sig.end())  # fmt: skip
    # (a dashed signature starts as any signature does, past blanks and a line break: a dash)
    dash = _dash_signature(masked, m.end()) if start is not None else None
    if dash is not None:
        return dash
    if body.rstrip().endswith("."):
        return None  # the quote ended its sentence: what follows is a new one
    p = POST_ATTRIBUTION_RE.match(masked, m.end())
    if p is None:
        owned = _OWNED_ROLE_POST_RE.match(masked, m.end())
        if owned is not None:  # '"...," Saucier's lawyer, Greg Rinckey, said.'
            return _attr("speaker", owned.group("spk"), owned.start("spk"), owned.group("verb"),
                         owned.start("verb"), owned.start(), owned.end())  # fmt: skip
        return (
            _post_long_clause(masked, m.end())
            or _post_as(masked, m.end())
            or _post_any_verb(masked, m, body)
            or _quoted_person_after(masked, m.end())
            or _post_clause_name(masked, people, m, body, n_words)
        )
    if p.group("acc"):
        return _attr("according", p.group("acc_spk"), p.start("acc_spk"), p.group("acc"),
                     p.start("acc"), p.start(), p.end())  # fmt: skip
    if p.group("verb3"):  # "a-t-il ajouté", "dit-elle"
        spk_group = "spk3" if p.group("spk3") else "spk4"
        return _attr("speaker", p.group(spk_group), p.start(spk_group), p.group("verb3"),
                     p.start("verb3"), p.start(), p.end())  # fmt: skip
    spk_group, verb_group = ("spk1", "verb1") if p.group("verb1") else ("spk2", "verb2")
    if spk_group == "spk1" and len(name_in(p.group("spk1")).split()) < 2:
        # 'said Obama's 2012 campaign press secretary Ben LaBolt': no name read, a longer one
        longer = _post_long_clause(masked, m.end())
        if longer is not None and int(longer["end"]) > p.end():
            return longer
    if p.group("appos1") and clean_name(p.group("appos1")):  # said the lawmaker, Oleg Matveychev.
        spk_group = "appos1"
    speaker = p.group(spk_group)
    if spk_group == "spk2":
        speaker = pick_speaker(speaker, p.group("ins"))
        person = name_before_role_of(masked, p.start("spk2")) if speaker[:1].isupper() else None
        if person is not None:  # '” Li Shuo, climate analyst for Greenpeace China told CNN'
            return _attr("speaker", person[0], person[1], p.group("verb2"), p.start("verb2"),
                         p.start(), p.end())  # fmt: skip
    if not_a_speaker(speaker):
        return None
    return _attr("speaker", speaker, p.start(spk_group), p.group(verb_group),
                 p.start(verb_group), p.start(), p.end())  # fmt: skip


def _dash_signature(masked: str, end: int) -> dict[str, object] | None:
    """The person a dashed signature line after the quote names, with the role before the
    name ('” — ERA legal advocate Linda Coberly to Time'); a name of two words or more."""
    p = _DASH_SIGNATURE_RE.match(masked, end)
    if p is None:
        return None
    role, name = split_role(" ".join(f"{p['lead']} {p['spk']}".split()))
    name = clean_name(name)
    if len(name.split()) < 2 or not person_name_at(masked, p.start("spk"), p["spk"]):
        return None
    found = _attr("speaker", name, p.start("spk"), "", p.start("spk"), p.start(), p.end("spk"))
    return {**found, "role": role or " ".join(p["lead"].split()) or None}


def _post_long_clause(masked: str, end: int) -> dict[str, object] | None:
    """'"...," said Moody's Analytics chief economist Mark Zandi.': a person named in full at
    the end of a long role after the verb; the words before the name are the role."""
    p = _LONG_CLAUSE_POST_RE.match(masked, end)
    if p is None:
        return None
    role, name = split_role(" ".join(p["spk"].split()))
    name = clean_name(name)
    if len(name.split()) < 2 or not person_name_at(masked, p.start("spk"), p["spk"]):
        return None
    lead = " ".join(f"{p['lead']} {role or ''}".split()).rstrip(",")
    found = _attr("speaker", name, p.start("spk"), p["verb"], p.start("verb"), p.start(), p.end())
    return {**found, "role": lead or None}


# "as" and a speaker with a reporting verb right after a quote: '“a virtual tie,” as Sanders
# put it', '“crumbs” as multi-millionaire Nancy Pelosi recently said' (seed 1611 C). ABP
# 0-8,000: 28 such clauses after a closing mark, none read before.
_AS_POST_RE = re.compile(r"[ \t]*,?[ \t]*as[ \t]+(?=[^ \t])")
# Lower-case words before the name, no determiner: "as multi-millionaire Nancy Pelosi said".
_AS_MODIFIERS_RE = re.compile(
    r"(?!(?:the|a|an|his|her|their|its|this|that|one|some)[ \t])(?:[a-z][\w\-]*[ \t]+){1,2}"
    r"(?=[A-Z])"
)


def _post_as(masked: str, end: int) -> dict[str, object] | None:
    """The speaker of "as <speaker> <verb>" right after a quote (the speaker-first reading of
    POST_ATTRIBUTION_RE after "as", past lower-case modifiers before a name)."""
    a = _AS_POST_RE.match(masked, end)
    p = POST_ATTRIBUTION_RE.match(masked, a.end()) if a is not None else None
    if a is not None and (p is None or not p.group("verb2")):
        lead = _AS_MODIFIERS_RE.match(masked, a.end())
        p = POST_ATTRIBUTION_RE.match(masked, lead.end()) if lead is not None else None
    if p is None or not p.group("verb2"):
        return None
    speaker = pick_speaker(p.group("spk2"), p.group("ins"))
    if not_a_speaker(speaker) or speaker.capitalize() in _NOT_SPEAKER_WORDS:
        return None  # (and "as they say", "as we noted": an idiom, the author)
    return _attr("speaker", speaker, p.start("spk2"), p.group("verb2"), p.start("verb2"),
                 a.start(), p.end())  # fmt: skip


def _post_clause_name(masked: str, people: People, m: re.Match[str], body: str,
                      n_words: int) -> dict[str, object] | None:  # fmt: skip
    """The first person named in the clause between a quote left open (by a comma, "?", "!")
    and its reporting verb: a name of two words or more, or a surname the article names in
    full ('” Ken Holder, the group's chairman said', '” Gelfand of the ACLU said')."""
    left_open = body.rstrip().endswith(",") or masked.startswith(",", m.end())
    if n_words <= SHORT_QUOTE_WORDS:  # (the body's words, counted once by the caller)
        return None  # (scare quotes: '“fabulous,” and Harry Reid insists')
    if not left_open and not body.rstrip().endswith(("?", "!")):
        return None
    p = _CLAUSE_POST_RE.match(masked, m.end()) if _verb_before_stop(masked, m.end()) else None
    if p is None:
        return None
    clause, at = p["clause"], p.start("clause")
    for n in _CLAUSE_NAME_RE.finditer(clause):
        if _CLAUSE_OBJECT_RE.search(clause, 0, n.start()) or (not left_open and n.start()):
            return None  # (after "?" a new sentence may start: '?” On ABC, Rudy Giuliani agreed')
        name = name_in(n["name"])
        if not name or not person_name_at(masked, at + n.start(), n["name"]):
            continue
        if " " not in name:  # a surname: of a person the article names in full, not "Health and"
            full = str(people.resolve(name, at + n.start())[0] or "")
            if (
                " " not in full
                or not people.is_person(full)
                or clause.startswith("and", n.end() + 1)
            ):
                continue
        return _attr("speaker", n["name"], at + n.start(), p["verb"], p.start("verb"), p.start(),
                     p.end())  # fmt: skip
    return None


# Characters no clause of _CLAUSE_POST_RE holds (its units: a character outside these, a
# title or an initial with its full stop, a hyphen).
_CLAUSE_STOP_RE = re.compile(r"[\n;:!?“”\"«»()—–]")


def _verb_before_stop(masked: str, end: int) -> bool:
    """Whether a reporting verb starts between ``end`` and the first character no clause
    holds: what _CLAUSE_POST_RE needs, read from the text's cached verb anchors instead of
    its unit-by-unit lazy search (2,000 ABP articles: ~120 us a try, 3 tries in 4 no match)."""
    stop = _CLAUSE_STOP_RE.search(masked, end)
    return bool(VERB_SCAN.starts(masked, end, stop.start() if stop else len(masked)))


def _post_any_verb(masked: str, m: re.Match[str], body: str) -> dict[str, object] | None:
    """'"...," exulted Cuomo.' / '"...?" Mr. Cox wondered.': a verb outside the reporting verbs,
    read only right after a quote that a comma, "?" or "!" leaves open."""
    if not body.rstrip().endswith((",", "?", "!")) and not masked.startswith(",", m.end()):
        return None
    p = _ANY_VERB_POST_RE.match(masked, m.end())
    if p is None:
        return None
    group = "spk1" if p.group("spk1") else "spk2"
    verb = "verb1" if p.group("verb1") else "verb2"
    if not_a_speaker(p.group(group)) or p.group(group) in _NOT_SPEAKER_WORDS:
        return None
    return _attr("speaker", p.group(group), p.start(group), p.group(verb), p.start(verb),
                 p.start(), p.end())  # fmt: skip


# Where a match of _NAME_VERB_BEFORE_RE may start: a word's first letter, a capital or the
# first letter of "he", "she" or a name particle ("al-", "bin"). (The capital class first and
# the look-behind after it, as in PERSON_RE: the engine skips from one such letter to the next.)
_NAME_VERB_START_RE = re.compile(rf"(?:{UPPER}|[hsaebi])(?<![\w\-'’].)")


def _name_verb_matches(masked: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """``_NAME_VERB_BEFORE_RE.finditer(masked, pos, endpos)``, the pattern tried only where a
    match may start (:data:`_NAME_VERB_START_RE`), not at every position: its look-behind and
    alternatives were tried at each character of the sentence (first 1,500 ABP articles:
    ~19 us a sentence, 2.6% of the stage)."""
    match, last = _NAME_VERB_BEFORE_RE.match, pos
    for start in _NAME_VERB_START_RE.finditer(masked, pos, endpos):
        if start.start() < last:
            continue  # inside the previous match
        m = match(masked, start.start(), endpos)
        if m is not None:
            yield m
            last = m.end()


def _name_verb_before(masked: str, sentence_start: int, open_at: int) -> dict[str, object] | None:
    """The last "<Full Name> <past-tense verb>" of the sentence before the quote opens (a name
    of two words or more, a verb outside the reporting verbs: "Akin referred to")."""
    if _VERB_SHAPE_RE.search(masked, sentence_start, open_at) is None:
        return None  # (no verb of the shape: the name pattern is not tried at every capital)
    found, group = None, "spk"
    for m in _name_verb_matches(masked, sentence_start, open_at):
        if m.group("pr"):
            found, group = m, "pr"
            continue
        # (or the name set off after a role: "Homeland Security Secretary, Kirstjen Nielsen,
        # who said on Sunday that the wall “...”"; fresh ABP sample)
        for g in ("spk", "ins"):
            name = name_in(m.group(g) or "")
            if len(name.split()) > 1 and person_name_at(masked, m.start(g), m.group(g)):
                found, group = m, g
                break
            if not (m.group("ins") or " ")[0].isupper():
                break  # ("an outspoken opponent of late Justice X": no name set off)
    if found is None:
        return None
    return _attr("speaker", found.group(group), found.start(group), found.group("verb"),
                 found.start("verb"), found.start(), found.end())  # fmt: skip


def _quoted_person(masked: str, people: People, para_start: int,
                   open_at: int) -> dict[str, object] | None:  # fmt: skip
    """The person a sentence quotes right before the quote opens: "Romney then quoted the Rev.
    Martin Luther King Jr.: “...”", "heeding the words of Martin Luther King Jr.: “...”", "the
    BBC quoted Kim as saying: “...”" (a person: a full name, or one the article names)."""
    lo = max(para_start, open_at - 160)
    if _QUOTED_CUE_HINT_RE.search(masked, lo, open_at) is None:
        return None
    cues = list(_QUOTED_CUE_RE.finditer(masked, lo, open_at))
    m = _QUOTED_PERSON_RE.match(masked, cues[-1].start(), open_at) if cues else None
    if m is None or not _is_person_phrase(masked, people, m.start("spk"), m["spk"]):
        return None
    return _attr("speaker", m["spk"], m.start("spk"), m["cue"], m.start("cue"), m.start(),
                 m.end())  # fmt: skip


def _quoted_person_after(masked: str, end: int) -> dict[str, object] | None:
    """'“...,” the BBC quoted Kim as saying.': the person quoted, right after the quote."""
    if "quot" not in masked[end : end + 80] and "cit" not in masked[end : end + 80]:
        return None
    m = _QUOTED_AS_AFTER_RE.match(masked, end)
    if m is None or not_a_speaker(m["spk"]) or m["spk"] in _NOT_SPEAKER_WORDS:
        return None
    return _attr("speaker", m["spk"], m.start("spk"), m["cue"], m.start("cue"), m.start(),
                 m.end())  # fmt: skip


def _is_person_phrase(masked: str, people: People, at: int, phrase: str) -> bool:
    """Whether a speaker phrase names a person: a full name (after its role), or a surname or
    role the article resolves to a person named in full."""
    name = name_in(phrase)
    # (or two capitalised words besides titles: "the Rev. Martin Luther King Jr." has a role
    # word, "King", in its name)
    capitals = [w for w in phrase.split() if w[:1].isupper() and w not in _HONORIFICS]
    if len(name.split()) > 1 or len(capitals) > 1:
        return person_name_at(masked, at, phrase)
    speaker = str(people.resolve(phrase, at)[0])
    return " " in speaker and people.is_person(speaker)


# Between an attribution after a quote and the next quote: a comma or colon ('“A,” said
# editorial page editor Paul Gigot, “B.”'), or the rest of the attribution's sentence ('“A,”
# NPR's Scott Horsley reported this morning. “B.”', '“A,” the lawsuit argues. “B.”'). A fresh
# ABP sample (seed 1402) and the first 3,000 ABP: B went to an earlier speaker or to none,
# the attribution after A being no cue of the paragraph's list.
_CONTINUED_RE = re.compile(r"[ \t]*(?:[,:]|[^“”\"«»\n.!?;:]*[.!?])[ \t]*")


def _continued(
    masked: str, post: dict[str, object] | None, open_at: int
) -> dict[str, object] | None:
    """The attribution after the previous quote when this quote opens right after it and a
    comma or colon, or in the next sentence once the attribution's sentence ends: the same
    voice goes on."""
    if post is None or post["kind"] == "according" or int(post["end"]) >= open_at:
        return None
    if str(post["verb"]).endswith("ing"):
        return None  # '”, telling Fox News Sunday: “': who is told is no speaker
    return post if _CONTINUED_RE.fullmatch(masked, int(post["end"]), open_at) else None


def _pre(attrs: list[dict[str, object]], ends: list[int], sentence_start: int, open_at: int):
    """The last attribution of the sentence that ends before the quote opens."""
    for k in range(bisect.bisect_right(ends, open_at) - 1, -1, -1):
        a = attrs[k]
        if int(a["end"]) < sentence_start:
            break
        if int(a["start"]) >= sentence_start:
            return a
    return None


# A fragment's speaker set off by a comma at its sentence's end, after more words: 'be a
# “responsible” steward of those weapons at the same time, said Andrea Berger, a senior analyst'
# (seed 2007 A; fragments are not given the paragraph's nearest speaker). Only an attribution
# that opens right after a comma within _FRAGMENT_REACH characters, no quote between, its
# speaker a name, and that ends the clause (_FRAGMENT_CLAUSE_END_RE). On ABP lines
# 16,000-17,999, without that clause test 8 of 31 such fragments went wrong: "X says the FBI
# ...", "X said Democrats are ...", "X said, “...”" (its own quote), and names of shows and
# people ("the “Today” interview", "Randolph “Tex” Alles": _TITLE_WORDS_RE).
_FRAGMENT_REACH = 160
_COMMA_END_RE = re.compile(r",[ \t]*$")
_FRAGMENT_CLAUSE_END_RE = re.compile(
    r"(?![ \t]*[,:]?[ \t]*[“\"«‘])"  # (no quote of its own next)
    r"(?:[ \t]*(?:[,.;:!?()\n—–\-]|$)|[ \t]+(?!(?:that|the|a|an|there|it|he|she|they|we|I|this"
    rf"|these|those|his|her|their|its|many|some|if|whether)(?![\w\-])|(?!{WEEKDAY}){UPPER}))"
)
_TITLE_WORDS_RE = re.compile(rf"(?:{UPPER}[\w'’.\-]*[ \t,]*)+")


def _sentence_end_speaker(masked: str, paragraphs: Paragraphs, attrs: list[dict[str, object]],
                          ends: list[int], m: re.Match[str], body: str,
                          sentence_start: int) -> dict[str, object] | None:  # fmt: skip
    """The first attribution after the quote ``m`` in its sentence, if it opens after a comma
    within _FRAGMENT_REACH characters, no quote between, its speaker a name (a capital), and
    ends the clause; not for a fragment of capitalised words inside the sentence (a name)."""
    open_at, close_at = m.span()
    k = bisect.bisect_right(ends, close_at)
    if k == len(attrs):
        return None
    a = attrs[k]
    a_start = int(a["start"])
    if (
        a["kind"] != "speaker"
        or not close_at <= a_start <= close_at + _FRAGMENT_REACH
        or a_start > paragraphs.sentence_end(close_at)
        or not str(a["speaker"])[:1].isupper()
        or any(mark in DOUBLE_MARKS for mark in masked[close_at:a_start])
        or not _COMMA_END_RE.search(masked, close_at, a_start)
        or not _FRAGMENT_CLAUSE_END_RE.match(masked, int(a["end"]))
        or (masked[sentence_start:open_at].strip() and _TITLE_WORDS_RE.fullmatch(body))
    ):
        return None
    return a


def _nearest(attrs: list[dict[str, object]], ends: list[int], para_start: int, para_end: int,
             start: int, end: int):  # fmt: skip
    """The attribution of the paragraph nearest to the quote (before or after it)."""
    best, best_distance = None, None
    for k in range(bisect.bisect_left(ends, para_start), bisect.bisect_right(ends, para_end)):
        a = attrs[k]
        a_start, a_end = int(a["start"]), int(a["end"])
        if a_start < para_start or (a_start < end and start < a_end):
            continue
        distance = start - a_end if a_end <= start else a_start - end
        if best_distance is None or distance < best_distance:
            best, best_distance = a, distance
    return best


# A document's author named after it: '“...,” said a letter to the OSC from White House legal
# counsel Pat Cipollone' (the letter took the quote: a fresh sample, seed 1709, part C), "read a
# statement from Senator X". A person's name of two words or more, with a role or known as a
# person: no "from the G7", "by the Guttmacher Institute" (ABP 6,000-9,000: 18 of 436 document
# speakers had a "from"/"by" after them, 4 of them a person).
_DOCUMENT_AUTHOR_RE = re.compile(
    rf"(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ \t]+(?:[\w\-]+[ \t]+){{0,3}}?"
    rf"(?:{DOC_NOUN_RE.pattern})(?![\w\-])(?:[ \t]+{WEEKDAY})?"
    r"(?:[ \t]+(?:to|sent[ \t]+to|addressed[ \t]+to)[ \t]+[^,;.\n\"“”]{1,60}?)?"
    rf"[ \t]+(?:from|by)[ \t]+(?P<author>{SPEAKER})(?![\w'’\-])"
)


_DOC_DETERMINERS = frozenset("a an the his her their its".split())


def _document_author(masked: str, people: People, speaker: str,
                     spk_pos: int) -> tuple[str | None, str | None] | None:  # fmt: skip
    """(speaker, role) of the person a document speaker names as its author, or None."""
    # (a determiner first, one set lookup: most speakers are names, and the document-noun test
    # reads some 40 words)
    if speaker.split(" ", 1)[0].lower() not in _DOC_DETERMINERS or not has_document_noun(speaker):
        return None
    m = _author_match(masked, people, spk_pos)
    return None if m is None else people.resolve(" ".join(m["author"].split()), m.start("author"))


def _author_match(masked: str, people: People, doc_at: int) -> re.Match[str] | None:
    """The match of a document's author after the document phrase at ``doc_at``, if a person."""
    m = _DOCUMENT_AUTHOR_RE.match(masked, doc_at)
    if m is None or len(name_in(m["author"]).split()) < 2:
        return None
    phrase = " ".join(m["author"].split())
    speaker, role = people.resolve(phrase, m.start("author"))
    # (a role written with the name, or a person the article knows: not "a report by Human
    # Rights Watch")
    if speaker is None or not (role or name_in(phrase) != phrase or people.is_person(speaker)):
        return None
    return m


def _speak(attr: dict[str, object], people: People, addressees: _AddresseeSearch,
           paragraphs: Paragraphs, masked: str) -> _Said:  # fmt: skip
    """(speaker, speaker_role, verb, addressee) of a quote given its attribution."""
    verb_pos = int(attr["verb_pos"])
    author = _document_author(masked, people, str(attr["speaker"]), int(attr["spk_pos"]))
    if author is not None:
        speaker, role = author
    elif attr["kind"] == "document":
        speaker, role = str(attr["speaker"]), None
    else:
        people.learn_speaker(str(attr["speaker"]))
        speaker, role = people.resolve(str(attr["speaker"]), int(attr["spk_pos"]))
        role = attr.get("role") or role  # (the role written before the name, if any)
    addressee = None
    if attr["kind"] == "speaker":
        sentence_end = paragraphs.sentence_end(verb_pos)
        a = addressees.search(verb_pos, max(verb_pos, sentence_end))
        if a is not None:
            addressee = a.group("ent") or a.group("ent2")
    verb = attr["verb"] or None  # a subject without a reporting verb ("X shrugged.")
    return speaker, role, verb, addressee


def _is_title(masked: str, open_at: int, body: str) -> bool:
    window = max(0, open_at - 40)
    before = masked[window:open_at]
    if (
        _may_end_in_title_cue(before)
        and _TITLE_CUE_RE.search(masked, window, open_at)
        and not _SPEAKER_CALLED_RE.search(masked, window, open_at)
    ):
        return True
    # a show after a person's name: '— Charles Krauthammer, on “Special Report”' (a signature)
    if before.rstrip().endswith(" on") and _VENUE_AFTER_NAME_RE.search(masked, window, open_at):
        return True
    words = body.strip().rstrip(",")
    # (what the pattern needs first: an ASCII capital or digit, no comma or full stop inside;
    # most quotes fail these tests, 34,000 regex tries on 3,000 ABP articles)
    if not ("A" <= words[:1] <= "Z" or "0" <= words[:1] <= "9") or "," in words or "." in words:
        return False
    if words.isupper() and words.count(" ") > 1:
        return False  # a shout of three words or more, no title: "“DO NOT KILL YOUR PROTESTERS,”"
    return bool(_TITLE_CASE_RE.match(words))


def _may_end_in_title_cue(window: str) -> bool:
    """False only when ``_TITLE_CUE_RE`` cannot match at the end of ``window``: in ASCII text
    (where its case-insensitive letters are ASCII letters) the window must end in a cue's last
    word, then blanks and one comma ("titled", "the film ,"); `$` may stand before a final
    newline. (3,000 ABP articles: the regex search ran before every quote, ~2% of the time.)
    Only the letters a cue's last word can cover need be ASCII: rejoined ABP text has a curly
    quote in most windows, and a cue word never covers one (2,000 ABP articles: the search
    ran 5,800 times for 159 title cues)."""
    if window.endswith("\n"):
        window = window[:-1]
    window = window.rstrip(" \t")
    if window.endswith(","):
        window = window[:-1].rstrip(" \t")
    tail = window[-_LONGEST_CUE_END:]
    if not tail.isascii():
        last = len(tail)
        while tail[last - 1].isascii():
            last -= 1
        if tail[last - 1].isalpha():
            return True  # (a letter that may match an ASCII one: "K", Kelvin sign, is "k")
        tail = tail[last:]  # a cue's last word lies after the last non-ASCII mark
    return tail.lower().endswith(_TITLE_CUE_ENDS)


def _clean(body: str) -> str:
    return _CONTINUATION_RE.sub("\n", body) if "\n" in body else body


def quote_id(article_id: str, field: str, start: int, end: int) -> str:
    """``stable_id(article_id, field, start, end)`` for a str id and int offsets, hashed from
    one formatted string (the generic join tests every part for None and NA: ~2.4 us a quote
    more, ~11 quotes an ABP article)."""
    key = f"{article_id}\x1f{field}\x1f{start}\x1f{end}"
    return hashlib.blake2b(key.encode("utf-8"), digest_size=ID_LENGTH // 2).hexdigest()


def _row(article_id: str, field: str, start: int, end: int, text: str, n_words: int,
         said: _Said) -> _Row:  # fmt: skip
    """A quote's row, its fields in the order of :data:`_ROW_COLUMNS`."""
    return (quote_id(article_id, field, start, end), article_id, field, text, *said, start, end,
            n_words)  # fmt: skip


def _title_person(title: str, people: People) -> tuple[str | None, str | None, str | None]:
    """(speaker, role, verb) of a headline form of _PERSON_TITLE_RES whose name is a person's
    (two words or more, or a surname the article names in full); Nones otherwise."""
    for pattern in _PERSON_TITLE_RES:
        t = pattern.search(title)
        if t is None:
            continue
        spk, verb = t["spk"].split(), t.groupdict().get("verb")
        # (title case: the first capitalised "-s" word after two names is the verb: "Eric
        # Bolling Talks About Opioids", not "Eric Bolling Talks About" + "Opioids")
        cut = next((i for i in range(2, len(spk)) if spk[i].endswith("s")), None) if verb else None
        spk, verb = (spk[:cut], spk[cut]) if cut else (spk, verb)
        written = name_in(" ".join(spk))  # "Speaker Ryan": Ryan
        # (the name's own words: "GOP's Lisa Murkowski" is no noun phrase's part)
        if not written or not person_name_at(written, 0, written):
            continue
        full, role = people.canonical(written)
        if len(clean_name(full).split()) > 1 and (" " in written or people.is_person(full)):
            return full, role, verb
    return None, None, None


def _title_quotes(article_id: str, title: str, people: People) -> list[_Row]:
    if not title or not any(ch in title for ch in _TITLE_MARKS):
        return []
    speaker, role, verb = _title_person(title, people)
    for pattern in () if speaker else _TITLE_SPEAKER_RES:
        t = pattern.search(title)
        if t is not None and t.group("spk").lower() not in _NOT_TITLE_SPEAKER:
            role_only, name = split_role(t.group("spk"))
            if role_only is not None and not name:  # "... - Minister"
                speaker, role = people.first_with_role(role_only.split()[-1])
            else:
                speaker, role = people.canonical(t.group("spk"))
            verb = t.groupdict().get("verb")
            break
    rows = []
    for m in TITLE_QUOTE_RE.finditer(title):
        group = "d" if m.group("d") is not None else "s"
        start, end = strip_blanks(title, m.start(group), m.end(group))
        body = title[start:end]
        said = _NO_SPEAKER
        if speaker is not None and not _TITLE_CUE_RE.search(title, 0, m.start()):
            said = (speaker, role, verb, None)
        rows.append(_row(article_id, "title", start, end, body, count_words(body), said))
    return rows
