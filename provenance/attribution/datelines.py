"""Datelines: the place, date and bracketed credit that open a wire story (``MOSCOW (Sputnik)
-``, ``WASHINGTON, Aug 23 (Reuters) -``), and the bare first-line form (``Tehran, IRNA --``).

Their own module, apart from the credit rules (:mod:`provenance.attribution.credits`), so that
ingest, which reads a page's dateline, does not compile every attribution pattern.

>>> DATELINE_RE.match("MOSCOW (Sputnik) - Talks resumed.")["paren"]
'Sputnik'
>>> DATELINE_RE.match("New Delhi [India], Sep 3 (ANI): Talks resumed.")["paren"]
'ANI'
>>> BARE_DATELINE_RE.match("Tehran, IRNA -- Talks resumed.")["names"]
'IRNA'
"""

from __future__ import annotations

import re

from provenance.attribution.patterns import DATE, LETTER, NAME, UPPER

# Place names are not ASCII ("MOSCÚ", "Brasília", "SÃO PAULO").
# (Possessive: what follows a token (a blank, a comma, a bracket, "\.?") never needs a letter,
# apostrophe or hyphen it gave back, and a full stop it gave back is read by "\.?" at the same
# place: the same matches, without trying every shorter token. First 3,000 ABP texts: DATELINE_RE
# on the 5,978 lines with a bracket or slash 6.5 -> 4.3 us a text.)
PLACE_TOKEN = rf"{UPPER}(?:{LETTER}|['’.\-])*+"
PLACE = (
    rf"{PLACE_TOKEN}(?:[ \t]{PLACE_TOKEN}){{0,3}}"
    rf"(?:,[ \t]*(?!{DATE}){PLACE_TOKEN}(?:[ \t]{PLACE_TOKEN}){{0,2}})?"
)
# The place may carry its country or state in brackets: "New Delhi [India], Sep 3 (ANI):" (ANI's
# house style, carried by the sites that print its feed), "LAHORE (Pakistan) (APP) -".
DATELINE_RE = re.compile(
    rf"[ \t]*(?:(?P<place>{PLACE})(?:[ \t]*(?:\([A-Z][^()\n]{{0,30}}\)|\[[A-Z][^\[\]\n]{{0,30}}\]))?"
    # "MADRID, 14 (EUROPA PRESS)": a bare day; "ROMA, 5 MAR - (ANSA) -": a dash before it.
    rf"(?:,?[ \t]+(?P<date>{DATE}|\d{{1,2}}(?=[ \t]*\()))?\.?,?(?:[ \t]+[-–—])?[ \t]*)?"
    # A slashed credit stands apart ("23. /TASS/."): "An NBC/WSJ/Marist poll" and "J. David
    # Ake/AP/File" are a poll's sponsors and a photo credit.
    r"(?:\((?P<paren>[^()\n]{1,100})\)|(?<![\w’'])/(?P<slash>[^/\n]{1,40})/(?!\w)"
    r"|\[(?P<bracket>[^\[\]\n]{1,60})\])"
    r"[ \t]*(?P<sep>--|[-–—:.])?"
)
# A dateline without brackets, on the first line only: "Tehran, IRNA -- Iran and Oman ...".
BARE_DATELINE_RE = re.compile(
    rf"[ \t]*(?P<place>{PLACE}),[ \t]+(?P<names>{NAME})[ \t]*(?:--|[-–—])[ \t]+"
)
