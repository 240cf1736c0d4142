"""Citations: the article cites what another outlet reported or was told.

Cues (kind): "told X", "in an interview with X", "speaking to X" (interview); "in a statement
to X", "in comments to X" (statement); "according to X", "X reported", "as reported by X",
"a report by X" (report); "X quoted Y as saying", "Y was quoted by X", "cited by X" (quoted);
"citing X", "quoting X" (citing); "wrote in an op-ed for X", "in a column for X" (op_ed);
"X's correspondent", "a correspondent for X" (correspondent).

X must be an outlet: registered (resolved through the outlet registry) or outlet-like
("the Daily Clarion newspaper", kept as entity_text with an empty outlet_id). "according to
Lavrov" is a person, so it is no citation (the quotes table attributes his words).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from provenance.attribution._input import article_columns
from provenance.attribution.patterns import DESCRIPTOR, NAME, VERB, WHEN
from provenance.attribution.resolve import OutletResolver, registry_or_default
from provenance.attribution.speakers import (
    _ADVERB,
    _INSERT,
    OUTLET_PHRASE,
    SPEAKER,
    People,
    pick_speaker,
)
from provenance.ids import stable_id
from provenance.schema import conform, empty

_ENT = rf"(?P<ent>{OUTLET_PHRASE})"
_LEFT_ENT = rf"(?P<ent>(?:(?:the|The)[ \t]+)?(?:{DESCRIPTOR}[ \t]+)?{NAME}(?:[ \t]+{DESCRIPTOR})?)"
_SPK = rf"(?P<spk>{SPEAKER})"
# "Lavrov said " before a cue that names no speaker itself ("in an interview with X").
_SAID = rf"(?:{_SPK}{_INSERT}{WHEN}{_ADVERB}[ \t]+{VERB}[ \t]+(?:[^.;\n]{{0,100}}?[ \t])?)?"
# ", the ambassador said" after a cue that opens the sentence ("Talking to APP, ...").
_SAID_AFTER = rf"(?:,[ \t]+(?P<spk_after>{SPEAKER}){WHEN}{_ADVERB}[ \t]+{VERB}\b)?"
_I = r"[ \t]+"

# (kind, pattern, confidence when the outlet is registered); earlier kinds win overlaps.
CITATION_PATTERNS: tuple[tuple[str, re.Pattern[str], float], ...] = (
    ("quoted", re.compile(rf"{_LEFT_ENT}{_I}quoted{_I}{_SPK}{_I}as{_I}saying"), 0.95),
    (
        "quoted",
        re.compile(
            rf"(?:{_SPK},?{_I}(?:was{_I}|were{_I}|as{_I})?)?(?i:quoted|cited)"
            rf"(?:{_I}as{_I}saying)?{_I}by{_I}{_ENT}"
        ),
        0.9,
    ),
    (
        "interview",
        re.compile(
            rf"(?:{_SPK}{_INSERT}{_ADVERB}{_I})?(?:told|tells|telling){_I}{_ENT}"
            rf"(?P<int>[^.;\n]{{0,40}}?\b(?:in{_I}an?{_I}(?:exclusive{_I})?interview"
            rf"|in{_I}a{_I}(?P<st>statement)))?"
        ),
        0.95,
    ),
    (
        "interview",
        re.compile(
            rf"{_SAID}(?:(?i:in{_I}an?{_I}(?:exclusive{_I}|recent{_I}|televised{_I})?interview"
            rf"{_I}(?:with|to|for|on|published{_I}by|aired{_I}by))"
            rf"|(?i:speaking{_I}(?:to|with)|talking{_I}to|interviewed{_I}by)){_I}{_ENT}"
            rf"{_SAID_AFTER}"
        ),
        0.95,
    ),
    (
        "statement",
        re.compile(
            rf"{_SAID}(?i:in{_I}a{_I}(?:written{_I})?statement{_I}(?:to|sent{_I}to|e-?mailed"
            rf"{_I}to)|in{_I}(?:written{_I}|e-?mailed{_I})?(?:comments?|remarks|an{_I}e-?mail)"
            rf"{_I}to){_I}{_ENT}"
        ),
        0.9,
    ),
    (
        "op_ed",
        re.compile(
            rf"{_SAID}(?i:in{_I}an?{_I}(?:(?:guest|opinion|signed|recent|new){_I})?"
            rf"(?:op-ed|opinion{_I}piece|article|column|commentary"
            rf"|editorial|essay|guest{_I}column|piece)(?:{_I}(?:for|in|published{_I}(?:by|in)"
            rf"|written{_I}for))|wrote{_I}(?:for|in)){_I}{_ENT}"
        ),
        0.9,
    ),
    (
        "correspondent",
        re.compile(rf"{_LEFT_ENT}(?:['’]s?)?{_I}(?:correspondent|reporter|journalist)s?\b"),
        0.9,
    ),
    (
        "correspondent",
        re.compile(rf"(?i:correspondent|reporter|journalist)s?{_I}(?:for|of|with|from){_I}{_ENT}"),
        0.9,
    ),
    ("citing", re.compile(rf"(?i:citing|quoting){_I}{_ENT}"), 0.9),
    (
        "report",
        re.compile(
            rf"(?i:according{_I}to(?:{_I}(?:a|the|an){_I}(?:[\w\-]+{_I})?(?:poll|survey|report|study"
            rf"|story|article|analysis|investigation|interview)(?:{_I}(?:carried{_I}out|conducted"
            rf"|published|released|commissioned))?{_I}(?:for|by|in|from|with|on))?"
            rf"|as{_I}reported{_I}by|(?:was{_I}|were{_I})?reported{_I}by"
            rf"|(?:a|the){_I}report{_I}(?:by|in|from|on)|reports?{_I}(?:by|in))"
            rf"(?:{_I}(?i:a{_I}report{_I}(?:by|in|from)|reports{_I}(?:by|in)))?{_I}{_ENT}"
        ),
        0.9,
    ),
    (
        "report",
        re.compile(
            rf"{_LEFT_ENT}{_I}(?:(?:first|later|earlier|also|previously|exclusively){_I})?"
            rf"(?P<rv>reported|reports|has{_I}reported|had{_I}reported"
            rf"|said{_I}in{_I}a{_I}report|wrote|writes|cited|revealed|broke{_I}the{_I}news"
            rf"|said|says)\b"
        ),
        0.9,
    ),
)
_KIND_ORDER = {"quoted": 0, "interview": 1, "statement": 2, "op_ed": 3, "correspondent": 4,
               "citing": 5, "report": 6}  # fmt: skip
_SPEAKERLESS = {"report", "citing", "correspondent"}


def extract_citations(articles: pd.DataFrame, registry: Any | None = None) -> pd.DataFrame:
    """Citations of other outlets in every article's text.

    ``articles`` needs article_id, title and text; ``registry`` resolves outlet names
    (default :func:`provenance.outlets.load_registry`). Returns schema ``citations`` sorted by
    article_id and span.

    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["T"], "text": [
    ...     "Russian Foreign Minister Sergey Lavrov told the Daily Clarion newspaper in an "
    ...     "interview that talks went well, according to Lavrov."]})
    >>> extract_citations(arts)[["kind", "entity_text", "speaker"]].values.tolist()
    [['interview', 'the Daily Clarion newspaper', 'Sergey Lavrov']]
    """
    cols = article_columns(articles)
    resolver = OutletResolver(registry_or_default(registry))
    found = [_candidates(text) for text in cols["text"]]
    resolver.resolve_many(c["phrase"] for cands in found for c in cands)
    rows: list[dict[str, object]] = []
    for article_id, text, cands in zip(cols["article_id"], cols["text"], found, strict=True):
        rows.extend(_accept(article_id, text, cands, resolver))
    if not rows:
        return empty("citations")
    frame = pd.DataFrame(rows).sort_values(["article_id", "span_start", "span_end"])
    return conform(frame, "citations")


def _candidates(text: str) -> list[dict[str, object]]:
    cands: list[dict[str, object]] = []
    for kind, pattern, confidence in CITATION_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            real_kind = kind
            if kind == "interview" and groups.get("st"):
                real_kind = "statement"
            spk_group = "spk" if groups.get("spk") else "spk_after"
            speaker = groups.get(spk_group)
            if speaker and spk_group == "spk":
                speaker = pick_speaker(speaker, groups.get("ins"))
            cands.append({
                "kind": real_kind, "phrase": m.group("ent"), "ent_start": m.start("ent"),
                "start": m.start(), "end": m.end(), "spk": speaker,
                "spk_start": m.start(spk_group) if speaker else None,
                "cue_start": m.end("spk") if groups.get("spk") else m.start(),
                "registered_only": bool(groups.get("rv") in ("said", "says")),
                "confidence": confidence,
            })  # fmt: skip
    return cands


def _accept(article_id: str, text: str, cands: list[dict[str, object]],
            resolver: OutletResolver) -> list[dict[str, object]]:  # fmt: skip
    rows: list[dict[str, object]] = []
    taken: list[tuple[int, int]] = []
    people: People | None = None
    for cand in sorted(cands, key=lambda c: (_KIND_ORDER[str(c["kind"])], c["start"])):
        hit = resolver.get(str(cand["phrase"]))
        if hit is None or (cand["registered_only"] and hit.outlet_id is None):
            continue
        ent_start = int(cand["ent_start"]) + hit.start
        ent_end = int(cand["ent_start"]) + hit.end
        if any(s < ent_end and ent_start < e for s, e in taken):
            continue  # the same outlet mention, already cited by a stronger cue
        taken.append((ent_start, ent_end))
        people = people or People(text)
        if hit.entity_text.split()[-1] in people.full:
            continue  # "Spiegel said": a person of the article, not Der Spiegel
        speaker = None
        if cand["spk"] and cand["kind"] not in _SPEAKERLESS:
            people.learn_speaker(str(cand["spk"]))
            speaker = people.resolve(str(cand["spk"]), int(cand["spk_start"]))[0]
        start = min(int(cand["start"]), ent_start)
        end = max(int(cand["end"]), ent_end)
        confidence = float(cand["confidence"]) if hit.outlet_id else 0.6
        cue_start = min(int(cand["cue_start"]), ent_start)
        cue = (text[cue_start:ent_start] + " ... " + text[ent_end:end]).strip(" .,")
        rows.append({
            "citation_id": stable_id(article_id, start, end, cand["kind"], hit.entity_text),
            "article_id": article_id, "kind": cand["kind"], "outlet_id": hit.outlet_id,
            "entity_text": hit.entity_text, "cue": " ".join(cue.split()), "speaker": speaker,
            "span_start": start, "span_end": end, "text": text[start:end],
            "confidence": min(confidence, hit.confidence),
        })  # fmt: skip
    return rows
