"""The speaker patterns rewritten for speed match exactly what their plain forms match.

PERSON_RE, _SURNAME_RE and _GENDER_RE put their first letter before the look-behind (so the
regex engine skips to the next candidate letter); the plain forms below open with the
look-behind, as they were written first. Both are run over texts with the edge cases (string
start, a window starting inside a word, hyphens, apostrophes, honorifics, other languages).
"""

from __future__ import annotations

import re

import pytest

from provenance.attribution import speakers
from provenance.attribution.patterns import LOWER, UPPER

PLAIN = {
    "PERSON_RE": (
        rf"(?<![\w\-'’])(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+{speakers._PWORD}{speakers._MORE_NAME}{{0,4}}"
        rf"|{speakers._PWORD}{speakers._MORE_NAME}{{1,4}})"
    ),
    "_SURNAME_RE": rf"(?<![\w\-'’.]){UPPER}{LOWER}[\w\-]*(?![\w\-'’])",
    "_GENDER_RE": (
        r"(?<![\w\-])(?:[Hh]e|[Ss]he|[Éé]l|[Ee]lla|[Ee]lle|[Ee]r|[Ee]le|[Ee]la)(?![\w\-])"
    ),
}
TEXTS = [
    "Mr. John Smith met Mrs Jane Doe and Ms. Ana Ruiz; Dr Amira Osman said he would go.",
    "Mrs. Smith-Jones and Mr O'Neil. McDonald's Ronald McDonald, ex-Mayor Tom Bradley said.",
    "Faisal bin Abdulrahman Al Saud met Bill de Blasio and Yousef al-Najjar. She left.",
    "Él dijo que Ella y Elle; Er sagte es. Ele e Ela. -he she-she xhe he's The Shell Her",
    "Balázs Tóth-Szentgyörgyi told Ärzte Ödön Ürge. He, she, HE. Mr Mr. Dr. Dr X Y",
    "'Smith Jones' ’Anna Bell’ .Tom Hardy said Tom.Hardy he.She Mr.Ed Ames Mrs.",
]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_fast_pattern_matches_plain_form(name: str) -> None:
    fast, plain = getattr(speakers, name), re.compile(PLAIN[name])
    for text in TEXTS:
        for pos in range(len(text) + 1):  # every window start: look-behinds read before pos
            for endpos in (len(text), max(pos, len(text) - 7)):
                got = [(m.span(), m.group(0)) for m in fast.finditer(text, pos, endpos)]
                want = [(m.span(), m.group(0)) for m in plain.finditer(text, pos, endpos)]
                assert got == want, (name, text, pos, endpos)


def test_plain_forms_find_what_the_rules_need() -> None:
    """The texts exercise every pattern (a test of nothing would pass vacuously)."""
    for name, source in PLAIN.items():
        assert any(re.search(source, text) for text in TEXTS), name
    assert speakers.PERSON_RE.search("met Mrs Jane Doe").group(0) == "Mrs Jane Doe"
    assert speakers._GENDER_RE.search("y Ella dijo").group(0) == "Ella"


ORG_TEXTS = [
    "The Health Ministry Office of the Interior said. McDonald Police Department  Board met.",
    "X-Ray Police, Bank, a\tBank Fund; ÖBB Authority of Ökonomie. TheBank Bank Army\tArmy Army",
    "Mr. Foo Bar Baz Qux Council and the Ministry of Foreign Affairs; Office Office Officer",
]


@pytest.mark.parametrize("text", ORG_TEXTS)
def test_org_matches_are_the_finditer_matches(text: str) -> None:
    want = [(m.span(), m.groupdict()) for m in speakers.ORG_RE.finditer(text)]
    assert want  # (the texts name organisations)
    assert [(m.span(), m.groupdict()) for m in speakers.org_matches(text)] == want
