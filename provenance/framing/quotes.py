"""Quote spans found in text, and a fallback quotes table when provenance.quotes is absent.

``quote_spans`` is the one quote matcher of the framing stage (the quotes stage's mark pairs:
straight and curly double quotes, « » with inner blanks, „ “, » «, ‚ ‘; English single quotes
only where they cannot be apostrophes). ``quotes_table`` returns the project's
quotes table: from ``provenance.quotes.extract_quotes`` when that stage is installed, else from
``quotes_from_text``, a small heuristic (speaker = the named person next to a reporting verb in
the quote's sentence, "according to X", a document such as "a joint statement", or the last
named speaker for "he"/"the minister").

>>> [(q.text, q.n_words) for q in quote_spans('He said "we agree" today.')]
[('we agree', 2)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from provenance.ids import stable_ids
from provenance.quotes.marks import INNER_BLANKS, quote_pattern_parts
from provenance.schema import conform
from provenance.text import count_words, sentence_spans

from .lexicons import load_lexicons

_MAX_QUOTE = 1500


def _quote_re() -> re.Pattern[str]:
    """Double quotes of every pair the quotes stage knows (straight, curly, guillemets, German
    low and reversed quotes: provenance.quotes.marks, group ``d``), then English single quotes
    (``c``: curly, ``s``: straight, not after a word or an apostrophe).

    Every opening mark is a literal at the head of one alternation, the bodies follow in
    conditionals, so ``re`` skips to the next mark instead of trying the pattern at every
    position: the matches of ``d|‘c’|(?<![\\w'])'s'`` written plainly, and on the first 3,000
    ABP bodies and titles 0.63 -> 0.11 CPU s (tests/test_framing_scan.py compares the two).
    """
    opens, double = quote_pattern_parts("d", _MAX_QUOTE, 0)
    curly = r"(?P<c>[^’‘\n]{1,300}?)’(?![\w])"
    straight = r"(?P<s>[^'\n]{1,300}?)'(?![\w'])"
    return re.compile(
        rf"(?:{'|'.join(opens)}|‘(?P<open_c>)|'(?<![\w']')(?P<open_s>))"
        rf"(?(open_c){curly}|(?(open_s){straight}|{double}))"
    )


QUOTE_RE = _quote_re()


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offset of the quoted words (inside the marks)
    end: int
    text: str
    n_words: int


def quote_spans(text: str) -> list[QuoteSpan]:
    """The quoted stretches of ``text`` (offsets of the words inside the quote marks)."""
    return [QuoteSpan(s, e, inner, count_words(inner)) for s, e, inner in quote_bounds(text)]


def quote_bounds(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each of :func:`quote_spans`, without counting its words (the
    framing stage counts them for every text at once: ``provenance.text.count_words_all``)."""
    out = []
    for m in QUOTE_RE.finditer(text):
        group = "d" if m.group("d") is not None else "c" if m.group("c") is not None else "s"
        inner = m.group(group).strip(" ,.;:" + INNER_BLANKS)
        if not inner:
            continue
        start = m.start(group) + m.group(group).index(inner)
        out.append((start, start + len(inner), inner))
    return out


_NAME = r"(?:[A-Z][\w'’\-]*\.?\s+){0,5}[A-Z][\w'’\-]+"
_PRONOUN_RE = re.compile(
    r"\b(?:he|she|they|the (?:minister|president|official|spokesman|spokeswoman|spokesperson|"
    r"diplomat|envoy|ambassador|chancellor|premier|leader|secretary|governor|mayor))\b",
    re.IGNORECASE,
)
_DOCUMENT_RE = re.compile(
    r"\b((?:a|the)\s+(?:joint\s+|official\s+|written\s+)?"
    r"(?:statement|communique|declaration|report|resolution|press release))\b",
    re.IGNORECASE,
)


def _verb_alternation() -> str:
    lex = load_lexicons()
    verbs = {v for name in lex if name.startswith("verbs_") for v in lex[name]}
    verbs |= {"pledged", "warned", "urged", "wrote", "asked", "stressed"}
    return "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True))


class _Patterns:
    def __init__(self) -> None:
        verbs = _verb_alternation()
        self.name_verb = re.compile(rf"(?P<name>{_NAME})\s*,?\s+(?:\w+\s+)?(?P<verb>{verbs})\b")
        self.verb_name = re.compile(rf"\b(?P<verb>{verbs}),?\s+(?P<name>{_NAME})")
        self.according = re.compile(rf"\b(?P<verb>according to)\s+(?P<name>{_NAME})")
        self.verb = re.compile(rf"\b(?P<verb>{verbs})\b", re.IGNORECASE)
        self.title_credit = re.compile(rf"\s[-–—:]\s+(?P<name>{_NAME})\s*$")
        self.roles = {r for r in load_lexicons()["official_roles"] if " " not in r}


_PATTERNS: _Patterns | None = None


def _patterns() -> _Patterns:
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = _Patterns()
    return _PATTERNS


def _split_role(name: str, roles: set[str]) -> tuple[str, str]:
    """'Russian Foreign Minister Sergey Lavrov' -> ('Sergey Lavrov', 'Russian Foreign Minister')."""
    tokens = name.split()
    last_role = max((i for i, t in enumerate(tokens) if t.lower() in roles), default=-1)
    if last_role < 0 or last_role == len(tokens) - 1:
        return name, ""
    return " ".join(tokens[last_role + 1 :]), " ".join(tokens[: last_role + 1])


def _find_speaker(context: str, pats: _Patterns) -> tuple[str, str, str] | None:
    """(speaker, role, verb) named in ``context`` (text around a quote, quotes masked)."""
    for rx in (pats.name_verb, pats.verb_name, pats.according):
        m = rx.search(context)
        if m and m.group("name").split()[0].lower() not in {"the", "he", "she", "they", "it"}:
            speaker, role = _split_role(m.group("name"), pats.roles)
            return speaker, role, m.group("verb")
    doc = _DOCUMENT_RE.search(context)
    if doc:
        verb = pats.verb.search(context)
        speaker = re.sub(r"^(?:a|the)\s+", "", doc.group(1), flags=re.IGNORECASE).lower()
        return speaker, "", verb.group("verb") if verb else ""
    if _PRONOUN_RE.search(context):
        verb = pats.verb.search(context)
        return "", "", verb.group("verb") if verb else ""
    return None


def _role_in_text(speaker: str, text: str, pats: _Patterns) -> str:
    """The role written before the speaker's name anywhere in ``text`` ('Foreign Minister ...')."""
    if " " in speaker and speaker.islower():  # a document ("joint statement") has no role
        return ""
    surname = re.escape(speaker.split()[-1])
    for m in re.finditer(rf"((?:[A-Z][\w'’\-]*\.?\s+){{1,6}}){surname}\b", text):
        _, role = _split_role(m.group(0), pats.roles)
        if role:
            return role
    return ""


def _quotes_of_field(article_id: str, field: str, text: str, pats: _Patterns) -> list[dict]:
    rows: list[dict] = []
    spans = quote_spans(text)
    if not spans:
        return rows
    masked = QUOTE_RE.sub(lambda m: " " * len(m.group(0)), text)
    sentences = sentence_spans(text)
    last: tuple[str, str] = ("", "")
    for q in spans:
        found = None
        if field == "title":
            m = pats.title_credit.search(masked)
            found = (m.group("name"), "", "") if m else None
        else:
            idx = next((i for i, (s, e) in enumerate(sentences) if s <= q.start < e), None)
            for j in [idx, idx + 1] if idx is not None else []:
                if j < len(sentences):
                    found = _find_speaker(masked[sentences[j][0] : sentences[j][1]], pats)
                    if found:
                        break
        speaker, role, verb = found if found else ("", "", "")
        if not speaker:  # "he said", "the minister noted", or no attribution: last named speaker
            speaker, role = last
        else:
            last = (speaker, role or (last[1] if speaker == last[0] else ""))
        if speaker and not role:
            role = _role_in_text(speaker, masked, pats)
        rows.append(
            dict(
                article_id=article_id,
                field=field,
                text=q.text,
                speaker=speaker or pd.NA,
                speaker_role=role or pd.NA,
                verb=verb or pd.NA,
                span_start=q.start,
                span_end=q.end,
                n_words=q.n_words,
            )
        )
    return rows


def quotes_from_text(articles: pd.DataFrame) -> pd.DataFrame:
    """A quotes table (schema "quotes") found by ``quote_spans`` and the speaker heuristic."""
    pats = _patterns()
    rows: list[dict] = []
    for aid, title, text in zip(
        articles["article_id"],
        articles["title"].fillna(""),
        articles["text"].fillna(""),
        strict=True,
    ):
        # Body first: a headline credit ("- Lavrov") is resolved against the body's speakers.
        body = _quotes_of_field(aid, "text", str(text), pats)
        head = _quotes_of_field(aid, "title", str(title), pats)
        surnames = {str(r["speaker"]).split()[-1]: r for r in body if r["speaker"] is not pd.NA}
        for r in head:
            match = (
                surnames.get(str(r["speaker"]).split()[-1]) if r["speaker"] is not pd.NA else None
            )
            if match is not None:
                r["speaker"], r["speaker_role"] = match["speaker"], match["speaker_role"]
        rows += head + body
    df = pd.DataFrame(
        rows,
        columns=[
            "article_id",
            "field",
            "text",
            "speaker",
            "speaker_role",
            "verb",
            "span_start",
            "span_end",
            "n_words",
        ],
    )
    df["quote_id"] = stable_ids(df["article_id"], df["field"], df["span_start"], df["span_end"])
    return conform(df, "quotes")


def quotes_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The quotes stage's table when it is installed, else ``quotes_from_text``."""
    try:
        from provenance.quotes import extract_quotes  # type: ignore[attr-defined]
    except ImportError:
        return quotes_from_text(articles)
    return extract_quotes(articles)
