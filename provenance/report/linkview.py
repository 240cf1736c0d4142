"""One link, parent and child side by side: aligned passages, added and dropped text, changes.

The view is pure HTML (no script needed), built from the passages table and the articles'
texts; every string from the data is escaped. Marks layered over the text:

- ``al`` aligned passage (numbered, same number on both sides), ``add`` text only in the child,
  ``drop`` text of the parent that the child does not carry;
- ``chg`` words changed inside an aligned passage (word-level diff of the two passages);
- ``cr`` the child's credit line for the parent outlet, ``ci`` its citation of the parent;
- ``q`` direct quotes, ``fx`` framing evidence spans (hedges, loaded words, ... by feature).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from provenance.grouping import non_empty
from provenance.report.safe import esc, is_missing, link, number, text
from provenance.text import WORD_PATTERN, uncovered_spans

# Longest text shown per article in a full link view; longer texts are cut (and say so).
FULL_TEXT_CAP = 20_000
# Word-level diff inside an aligned passage only when both sides have at most this many tokens.
DIFF_TOKEN_CAP = 5_000

_TOKEN_RE = re.compile(WORD_PATTERN + r"|[^\w\s]")
_NORM_RE = re.compile(WORD_PATTERN)
_EVIDENCE_SPAN_RE = re.compile(r"(?:^|;\s)(\d+)-(\d+):")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str
    passage: int | None = None
    title: str = ""


def _norm(value: str) -> str:
    """Lower-cased words joined by single spaces: for matching quotes across two texts."""
    return " ".join(_NORM_RE.findall(value.lower()))


def parse_evidence(evidence: object) -> list[tuple[int, int, str]]:
    """Spans of a framing ``evidence`` string, ``'start-end:text; ...'``.

    >>> parse_evidence("3-9:likely; 20-28:so-called")
    [(3, 9, 'likely'), (20, 28, 'so-called')]
    """
    raw = text(evidence)
    found = list(_EVIDENCE_SPAN_RE.finditer(raw))
    spans = []
    for i, m in enumerate(found):
        stop = found[i + 1].start() if i + 1 < len(found) else len(raw)
        spans.append((int(m.group(1)), int(m.group(2)), raw[m.end() : stop]))
    return spans


def _changed_spans(a: str, b: str, a_off: int, b_off: int) -> tuple[list, list]:
    """Character spans of the tokens that differ between passages ``a`` and ``b``."""
    ta = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN_RE.finditer(a)]
    tb = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN_RE.finditer(b)]
    if not ta or not tb or len(ta) > DIFF_TOKEN_CAP or len(tb) > DIFF_TOKEN_CAP:
        return [], []
    matcher = difflib.SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], autojunk=False)
    out_a, out_b = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            out_a.append((a_off + ta[i1][0], a_off + ta[i2 - 1][1]))
        if j2 > j1:
            out_b.append((b_off + tb[j1][0], b_off + tb[j2 - 1][1]))
    return out_a, out_b


def render_marked(body: str, marks: list[Mark]) -> str:
    """``body`` as escaped HTML with the ``marks`` layered as spans (sweep over boundaries)."""
    n = len(body)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    bounds = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    pieces: list[tuple[int, int, tuple]] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m.end > lo] + starts.get(lo, [])
        classes = tuple(sorted({m.cls for m in active}))
        passage = next((m.passage for m in active if m.passage is not None), None)
        title = "; ".join(dict.fromkeys(m.title for m in active if m.title))
        badge = next((m.passage for m in starts.get(lo, []) if m.passage is not None), None)
        style = (classes, passage, title)
        if pieces and pieces[-1][2] == style and badge is None:
            pieces[-1] = (pieces[-1][0], hi, style)
        else:
            pieces.append((lo, hi, style))
    out = []
    for lo, hi, (classes, passage, title) in pieces:
        chunk = esc(body[lo:hi])
        if passage is not None and any(
            m.start == lo and m.passage == passage for m in starts.get(lo, [])
        ):
            chunk = f'<sup class="pn">{passage}</sup>' + chunk
        if not classes:
            out.append(chunk)
            continue
        attrs = f' class="{" ".join(classes)}"'
        if passage is not None:
            attrs += f' data-p="{passage}"'
        if title:
            attrs += f' title="{esc(title)}"'
        out.append(f"<span{attrs}>{chunk}</span>")
    return "".join(out)


def _clip(body: str) -> tuple[str, bool]:
    return (body[:FULL_TEXT_CAP], True) if len(body) > FULL_TEXT_CAP else (body, False)


def _published(value: object) -> str:
    if is_missing(value):
        return "date unknown"
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M UTC")


def outlet_badge(outlet_id: object, outlets: pd.DataFrame) -> str:
    """An outlet's name as a coloured badge, marked when state-affiliated."""
    oid = text(outlet_id)
    if oid and oid in outlets.index:
        row = outlets.loc[oid]
        name, cls, country = row["name"], row["cls"], row["country"]
    else:
        name, cls, country = oid or "unknown outlet", "unknown", ""
    marker = ' <abbr class="st" title="state-affiliated">STATE</abbr>' if cls == "state" else ""
    where = f" <small>{esc(country)}</small>" if country else ""
    return f'<span class="ob o-{cls}">{esc(name)}{marker}{where}</span>'


def _feature_label(feature: str) -> str:
    """'f_loaded_words' -> 'loaded words' (the prefix says where the column lives, not what)."""
    return re.sub(r"^[fd]_", "", feature).replace("_", " ")


# Some rows of a table: column name -> that column's values in those rows.
Rows = dict[str, list]
_NO_ROWS = np.array([], dtype=np.intp)


def _select(rows: Rows, keep: list[bool]) -> Rows:
    """The rows where ``keep`` is True."""
    return {
        col: [v for v, k in zip(values, keep, strict=True) if k] for col, values in rows.items()
    }


@dataclass
class _Column:
    """A column's values at some rows, as ``Series.to_numpy(dtype=object)`` gives them.

    Arrow-backed strings are read a scalar at a time (~1 us a value): converting the whole
    column once made a Python string of every evidence string and quote of the corpus (first
    20,000 ABP articles: +280 MB of the report's peak), and a pyarrow ``take`` a lookup cost
    ~0.2 ms. Other columns become one object array on first use (missing values stay missing;
    whole numbers become ``int``); iterating them instead cost ~0.3 CPU s per 600,000 values.
    """

    objects: np.ndarray | None = None
    strings: pa.Array | pa.ChunkedArray | None = None

    @classmethod
    def of(cls, series: pd.Series) -> _Column:
        dtype = series.dtype
        if (
            isinstance(dtype, pd.StringDtype)
            and dtype.storage == "pyarrow"
            and dtype.na_value is pd.NA
        ):
            # (several chunks read as they are: the framing table's evidence strings share
            # the link framing's buffers, and combining them copied ~280 MB on 20,000 ABP)
            chunked = pa.chunked_array(pa.array(series.array))
            return cls(strings=chunked.chunk(0) if chunked.num_chunks == 1 else chunked)
        if isinstance(dtype, np.dtype) and dtype.kind in "biuf":
            return cls(objects=series.to_numpy())  # (tolist gives the same Python values)
        return cls(objects=series.to_numpy(dtype=object))

    def at(self, positions: np.ndarray) -> list:
        """The values at ``positions`` (row numbers), missing strings as ``pd.NA``."""
        if self.strings is None:
            return self.objects[positions].tolist()
        found = [self.strings[i].as_py() for i in positions.tolist()]
        return [pd.NA if v is None else v for v in found]


class _GroupPositions:
    """The row numbers of each key of a column, as ``groupby(column).indices`` gives them
    (ascending; missing keys have none), from one stable sort of the keys' codes.

    ``groupby(...).indices`` builds an array per key in a Python loop: the report of the first
    20,000 ABP articles looks up a few hundred articles among the framing table's ~40,000
    targets and 233,539 quotes, and its link views spent ~0.4 of their ~1.7 CPU s there.
    """

    def __init__(self, keys: pd.Series, rows: np.ndarray | None = None) -> None:
        """``rows`` (ascending row numbers): only those rows are grouped."""
        if rows is not None:
            keys = keys.iloc[rows]
        codes, uniques = pd.factorize(keys)  # missing keys: -1, sorted first, never looked up
        order = np.argsort(codes, kind="stable")
        self._bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
        self._order = order if rows is None else rows[order]
        self._code = {key: code for code, key in enumerate(uniques.tolist())}

    def of(self, key: object) -> np.ndarray:
        """The row numbers whose key is ``key``, ascending."""
        code = self._code.get(key)
        if code is None:
            return _NO_ROWS
        return self._order[self._bounds[code] : self._bounds[code + 1]]


class LinkContext:
    """Indexes over the tables that every link view needs (built once per report)."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], outlets: pd.DataFrame):
        self.outlets = outlets
        articles = tables["articles"]
        repeated = articles["article_id"].duplicated()
        # Filtered only when an id repeats: a mask copies every text (first 20,000 ABP: 130 MB).
        articles = articles[~repeated] if repeated.any() else articles
        self.articles = articles.set_index("article_id")
        self.credits = tables["credits"]
        self.citations = tables["citations"]
        # The quotes of the text and the framing rows with evidence are looked up among the
        # tables' rows, not copied out of them (first 20,000 ABP articles: 438k of the framing
        # table's 4.27M rows, ~0.25-0.55 CPU s for the copy, ~0.15 for the quotes').
        self.quotes = tables["quotes"]
        in_text = self.quotes["field"].fillna("text") == "text"
        self._quote_rows = np.flatnonzero(in_text.to_numpy(dtype=bool))
        reuse = tables["reuse"]
        pair_of = reuse.drop_duplicates(["child_article_id", "parent_article_id"])
        self.pair_of = dict(
            zip(
                zip(pair_of["child_article_id"], pair_of["parent_article_id"], strict=True),
                zip(
                    pair_of["pair_id"],
                    pair_of["added_words"],
                    pair_of["dropped_words"],
                    strict=True,
                ),
                strict=True,
            )
        )
        self.passages = tables["passages"].sort_values(["pair_id", "passage"], kind="mergesort")
        self.framing = tables["framing"]
        self._framing_rows = np.flatnonzero(non_empty(self.framing["evidence"]))
        self._groups: dict[str, _GroupPositions] = {}
        self._columns: dict[tuple[str, str], _Column] = {}
        self._articles: dict[str, pd.Series | None] = {}
        self._badges: dict[str, str] = {}

    def _rows(
        self,
        name: str,
        frame: pd.DataFrame,
        column: str,
        key: object,
        among: np.ndarray | None = None,
    ) -> Rows:
        """The rows of ``frame`` whose ``column`` is ``key`` (only rows ``among`` when given:
        ascending row numbers), as column name -> values.

        Plain lists, not a DataFrame: a view looks up a few rows about 6 times and a pandas
        selection of them cost ~1 ms each (3,000 ABP articles, 300 views: 1.2 of the report's
        3.0 CPU s went to ``iloc`` and boolean masks here). Values as
        ``Series.to_numpy(dtype=object)`` gives them (:class:`_Column`).
        """
        if name not in self._groups:
            self._groups[name] = _GroupPositions(frame[column], among)
        positions = self._groups[name].of(key)
        return {col: self._column(name, frame, col).at(positions) for col in frame.columns}

    def _column(self, name: str, frame: pd.DataFrame, column: str) -> _Column:
        """``frame[column]`` as a :class:`_Column`, cached under (``name``, ``column``)."""
        found = self._columns.get((name, column))
        if found is None:
            found = _Column.of(frame[column])
            self._columns[(name, column)] = found
        return found

    def article(self, article_id: object) -> pd.Series | None:
        """The article's row, or None when it is not in the corpus (rows are cached: a parent
        recurs across links, and a ``.loc`` row of the articles costs ~0.3 ms)."""
        aid = text(article_id)
        if aid not in self._articles:
            found = aid and aid in self.articles.index
            self._articles[aid] = self.articles.loc[aid] if found else None
        return self._articles[aid]

    def badge(self, outlet_id: object) -> str:
        """:func:`outlet_badge` of ``outlet_id``, cached (a few outlets recur in every view)."""
        oid = text(outlet_id)
        if oid not in self._badges:
            self._badges[oid] = outlet_badge(oid, self.outlets)
        return self._badges[oid]

    def credits_of(self, article_id: str) -> Rows:
        return self._rows("credits", self.credits, "article_id", article_id)

    def citations_of(self, article_id: str) -> Rows:
        return self._rows("citations", self.citations, "article_id", article_id)

    def quotes_of(self, article_id: str) -> Rows:
        return self._rows("quotes", self.quotes, "article_id", article_id, self._quote_rows)

    def passages_of(self, pair_id: str) -> Rows:
        return self._rows("passages", self.passages, "pair_id", pair_id)

    def framing_of(self, kind: str, target_id: str) -> Rows:
        rows = self._rows("framing", self.framing, "target_id", target_id, self._framing_rows)
        return _select(rows, [text(k) == kind for k in rows["target_kind"]])


def _evidence_marks(ctx: LinkContext, article_id: str, body: str) -> list[Mark]:
    """Framing evidence spans of an article that really point at ``body`` (others are skipped)."""
    marks = []
    rows = ctx.framing_of("article", article_id)
    for feature, evidence in zip(rows["feature"], rows["evidence"], strict=True):
        for start, end, span_text in parse_evidence(evidence):
            if end <= len(body) and body[start:end].lower() == span_text.strip().lower():
                marks.append(Mark(start, end, "fx", title=_feature_label(text(feature))))
    return marks


def _quote_marks(quotes: Rows, n: int) -> list[Mark]:
    marks = []
    for start, end, speaker, verb in zip(
        quotes["span_start"], quotes["span_end"], quotes["speaker"], quotes["verb"], strict=True
    ):
        if is_missing(start) or is_missing(end) or end > n:
            continue
        who = text(speaker) or "unknown speaker"
        marks.append(Mark(int(start), int(end), "q", title=f"quote: {who} ({text(verb) or '?'})"))
    return marks


def _outlet_rows(rows: Rows, outlet_id: str) -> Rows:
    return _select(rows, [text(o) == outlet_id for o in rows["outlet_id"]])


def link_view_html(link_row: Mapping[str, object], ctx: LinkContext) -> str:
    """The full side-by-side view of one link (a row of the links table)."""
    child = _side(ctx, link_row["child_article_id"], text(link_row.get("child_outlet")))
    if not child.outlet_id and child.article is not None:
        child.outlet_id = text(child.article["outlet_id"])
    parent = _side(ctx, link_row["parent_article_id"], text(link_row["parent_outlet_id"]))
    pair = ctx.pair_of.get((child.article_id, parent.article_id))
    diff = _aligned_text(ctx, pair if parent.article is not None else None, child.body, parent.body)
    child.marks, parent.marks = diff.child_marks, diff.parent_marks
    parent_name = ctx.badge(parent.outlet_id)
    flags, source_marks = _source_flags(
        link_row, ctx, child.article_id, parent.outlet_id, parent_name
    )
    child.marks += source_marks
    flags += _mark_quotes(ctx, child, parent)
    flags += _mark_framing(ctx, child, parent, diff)

    head = _link_heading(link_row, ctx, pair, child.outlet_id, parent_name)
    legend = _LEGEND
    if pair is None and parent.article is not None:
        legend += '<p class="note">No aligned passages for this link (no text-reuse pair).</p>'
    return (
        f'<article class="lv" data-link="{esc(text(link_row["link_id"]))}">{head}'
        f'<ul class="flags">{"".join(flags)}</ul>'
        f'<div class="sbs">{_column("Parent", parent, ctx)}{_column("Child", child, ctx)}</div>'
        f"{_deltas_table(link_row, ctx)}{legend}</article>"
    )


@dataclass
class _Side:
    """One article of a link view: its row (None when not in the corpus), its text clipped to
    FULL_TEXT_CAP (``cut`` when it was longer), its outlet and the marks drawn over the text."""

    article_id: str
    article: pd.Series | None
    body: str
    cut: bool
    outlet_id: str
    marks: list[Mark] = field(default_factory=list)


def _side(ctx: LinkContext, article_id: object, outlet_id: str) -> _Side:
    """The :class:`_Side` of ``article_id``, seen as a node of ``outlet_id``."""
    article = ctx.article(article_id)
    body, cut = _clip(text(article["text"]) if article is not None else "")
    return _Side(text(article_id), article, body, cut, outlet_id)


def _mark_quotes(ctx: LinkContext, child: _Side, parent: _Side) -> list[str]:
    """Mark both sides' quotes; flags for quotes dropped, added, and attribution-verb shifts."""
    child_quotes = ctx.quotes_of(child.article_id)
    child.marks += _quote_marks(child_quotes, len(child.body))
    if parent.article is None or not parent.body:
        return []
    parent_quotes = ctx.quotes_of(parent.article_id)
    parent.marks += _quote_marks(parent_quotes, len(parent.body))
    return _quote_changes(parent_quotes, child_quotes, parent.body, child.body)


def _mark_framing(ctx: LinkContext, child: _Side, parent: _Side, diff: _AlignedText) -> list[str]:
    """Mark both sides' framing evidence; flags for what of it the child dropped or added."""
    child_fx = _evidence_marks(ctx, child.article_id, child.body)
    parent_fx = _evidence_marks(ctx, parent.article_id, parent.body)
    child.marks += child_fx
    parent.marks += parent_fx
    if not diff.aligned:
        return []
    # Evidence in dropped text or in words the child changed: a dropped hedge, an added loaded
    # word.
    lost = sorted(diff.dropped + diff.changed_parent)
    gained = sorted(diff.added + diff.changed_child)
    return _framing_changes(parent_fx, lost, parent.body, "dropped by the child") + (
        _framing_changes(child_fx, gained, child.body, "added by the child")
    )


_LEGEND = (
    '<p class="legend"><span class="al">aligned passage</span> <span class="add">added</span> '
    '<span class="drop">dropped</span> <span class="chg">changed words</span> '
    '<span class="cr">credit</span> <span class="ci">citation</span> '
    '<span class="q">quote</span> <span class="fx">framing evidence</span></p>'
)


@dataclass
class _AlignedText:
    """A link's aligned passages in the child and parent text: the marks to draw, and the added,
    dropped and changed spans (character offsets into the clipped bodies)."""

    child_marks: list[Mark] = field(default_factory=list)
    parent_marks: list[Mark] = field(default_factory=list)
    aligned: bool = False
    added: list[tuple[int, int]] = field(default_factory=list)
    dropped: list[tuple[int, int]] = field(default_factory=list)
    changed_child: list[tuple[int, int]] = field(default_factory=list)
    changed_parent: list[tuple[int, int]] = field(default_factory=list)


def _aligned_text(
    ctx: LinkContext, pair: tuple[Any, ...] | None, child_body: str, parent_body: str
) -> _AlignedText:
    """Aligned passages (numbered), the words changed inside them, and the added and dropped
    text around them; nothing without a text-reuse pair or a parent text."""
    out = _AlignedText()
    aligned_child: list[tuple[int, int]] = []
    aligned_parent: list[tuple[int, int]] = []
    if pair is not None:
        rows = ctx.passages_of(pair[0])
        for num, (cs, ce, ps, pe) in enumerate(
            zip(
                rows["child_start"],
                rows["child_end"],
                rows["parent_start"],
                rows["parent_end"],
                strict=True,
            ),
            start=1,
        ):
            if any(is_missing(v) for v in (cs, ce, ps, pe)):
                continue
            cs, ce = min(int(cs), len(child_body)), min(int(ce), len(child_body))
            ps, pe = min(int(ps), len(parent_body)), min(int(pe), len(parent_body))
            if ce <= cs or pe <= ps:
                continue
            aligned_child.append((cs, ce))
            aligned_parent.append((ps, pe))
            out.child_marks.append(Mark(cs, ce, "al", num))
            out.parent_marks.append(Mark(ps, pe, "al", num))
            changed_c, changed_p = _changed_spans(child_body[cs:ce], parent_body[ps:pe], cs, ps)
            # No per-span titles for the diff classes: the legend explains them, and they repeat.
            out.child_marks += [Mark(s, e, "chg") for s, e in changed_c]
            out.parent_marks += [Mark(s, e, "chg") for s, e in changed_p]
            out.changed_child += changed_c
            out.changed_parent += changed_p
    out.aligned = bool(aligned_child)
    added = uncovered_spans(len(child_body), aligned_child) if out.aligned else []
    dropped = uncovered_spans(len(parent_body), aligned_parent) if out.aligned else []
    # Whitespace between passages is neither added nor dropped text.
    out.added = [(s, e) for s, e in added if child_body[s:e].strip()]
    out.dropped = [(s, e) for s, e in dropped if parent_body[s:e].strip()]
    out.child_marks += [Mark(s, e, "add") for s, e in out.added]
    out.parent_marks += [Mark(s, e, "drop") for s, e in out.dropped]
    return out


def _source_flags(
    link_row: Mapping[str, object],
    ctx: LinkContext,
    child_id: str,
    parent_outlet: str,
    parent_name: str,
) -> tuple[list[str], list[Mark]]:
    """(flags, child marks) of how the child names its parent: its credit lines (or their
    absence) and its citations of the parent outlet (interviews, statements, reports)."""
    flags: list[str] = []
    marks: list[Mark] = []
    credits = _outlet_rows(ctx.credits_of(child_id), parent_outlet)
    credited = link_row.get("credited")
    for kind, credit_text, start, end in zip(
        credits["kind"], credits["text"], credits["span_start"], credits["span_end"], strict=True
    ):
        flags.append(f'<li class="ok">Credit line ({esc(kind)}): <q>{esc(credit_text)}</q></li>')
        if not is_missing(start) and not is_missing(end):
            marks.append(Mark(int(start), int(end), "cr", title=f"credit ({text(kind)})"))
    if not credits["kind"] and credited is True:
        cue = text(link_row.get("cue"))
        detail = f": <q>{esc(cue)}</q>" if cue else ""
        flags.append(f'<li class="ok">Credited to {parent_name}{detail}</li>')
    elif not credits["kind"] and "citation" not in text(link_row["evidence"]):
        flags.append(f'<li class="bad">No credit line: the child does not name {parent_name}</li>')
    if link_row.get("uncredited_state_media") is True:
        flags.append(
            '<li class="bad"><strong>Uncredited reuse of state-affiliated media</strong></li>'
        )
    citations = _outlet_rows(ctx.citations_of(child_id), parent_outlet)
    for kind, cite_text, start, end, speaker in zip(
        citations["kind"],
        citations["text"],
        citations["span_start"],
        citations["span_end"],
        citations["speaker"],
        strict=True,
    ):
        who = f" (speaker: {esc(speaker)})" if text(speaker) else ""
        flags.append(
            f'<li class="ok">Cites {parent_name} — {esc(kind)}{who}: <q>{esc(cite_text)}</q></li>'
        )
        if not is_missing(start) and not is_missing(end):
            marks.append(Mark(int(start), int(end), "ci", title=f"citation ({text(kind)})"))
    return flags, marks


def _link_heading(
    link_row: Mapping[str, object],
    ctx: LinkContext,
    pair: tuple[Any, ...] | None,
    child_outlet: str,
    parent_name: str,
) -> str:
    """The view's heading (child takes from parent, relation) and its meta lines (evidence,
    containment, coverage, lag, confidence, added and dropped words, speakers)."""
    head = (
        f'<h3>{ctx.badge(child_outlet)} <span class="arrow">takes from</span> '
        f'{parent_name} <span class="rel">{esc(link_row["relation"])}</span></h3>'
    )
    chips = "".join(
        f'<span class="ev ev-{esc(e)}">{esc(e)}</span>'
        for e in text(link_row["evidence"]).split("+")
        if e
    )
    counts = ""
    if pair is not None:
        counts = f" · added words {number(pair[1], '.0f')} · dropped words {number(pair[2], '.0f')}"
    meta = (
        f'<p class="meta">{chips} containment {number(link_row["containment"], ".2f")} · '
        f"parent coverage {number(link_row['parent_coverage'], '.2f')} · "
        f"lag {number(link_row['lag_hours'], '.1f', ' h')} · "
        f"confidence {number(link_row['confidence'], '.2f')}{counts} · "
        f"<code>{esc(text(link_row['link_id']))}</code></p>"
    )
    speakers = text(link_row.get("speakers"))
    if speakers:
        meta += f'<p class="meta">Speakers: {esc(speakers)}</p>'
    return head + meta


def _column(role: str, side: _Side, ctx: LinkContext) -> str:
    """One side of the view: heading, then the marked text (or why there is none)."""
    article, body, outlet_id = side.article, side.body, side.outlet_id
    if article is None:
        return (
            f'<section class="col"><h4>{role}: {ctx.badge(outlet_id)}</h4>'
            '<p class="note">Not in the corpus: only the outlet is known (e.g. an interview '
            "or a wire story the corpus does not hold).</p></section>"
        )
    title = link(article["url"], text(article["title"]) or "(untitled)")
    head = (
        f"<h4>{role}: {ctx.badge(article['outlet_id'])} "
        f'<span class="when">{esc(_published(article["published"]))}</span><br>{title}</h4>'
    )
    if not body:
        return f'<section class="col">{head}<p class="note">Text not available.</p></section>'
    tail = f'<p class="note">Text cut at {FULL_TEXT_CAP:,} characters.</p>' if side.cut else ""
    return f'<section class="col">{head}<div class="txt">{render_marked(body, side.marks)}</div>{tail}</section>'


def _quote_changes(
    parent_quotes: Rows, child_quotes: Rows, parent_body: str, child_body: str
) -> list[str]:
    child_norm = _norm(child_body)
    parent_norm = _norm(parent_body)
    child_by_text = {
        _norm(text(t)): (text(s), text(v))
        for t, s, v in zip(
            child_quotes["text"], child_quotes["speaker"], child_quotes["verb"], strict=True
        )
    }
    out = []
    for quote, speaker, verb in zip(
        parent_quotes["text"], parent_quotes["speaker"], parent_quotes["verb"], strict=True
    ):
        key = _norm(text(quote))
        if not key:
            continue
        who = esc(text(speaker) or "unknown speaker")
        if key not in child_norm:
            out.append(f'<li class="bad">Dropped quote of {who}: <q>{esc(quote)}</q></li>')
        elif key in child_by_text:
            new_verb = child_by_text[key][1]
            if new_verb and text(verb) and new_verb.lower() != text(verb).lower():
                out.append(
                    f'<li class="warn">Attribution verb shift for {who}: '
                    f"<b>{esc(verb)}</b> → <b>{esc(new_verb)}</b></li>"
                )
    for quote, speaker in zip(child_quotes["text"], child_quotes["speaker"], strict=True):
        key = _norm(text(quote))
        if key and key not in parent_norm:
            who = esc(text(speaker) or "unknown speaker")
            out.append(
                f'<li class="warn">Quote not in the parent, of {who}: <q>{esc(quote)}</q></li>'
            )
    return out


def _framing_changes(
    marks: list[Mark], regions: list[tuple[int, int]], body: str, what: str
) -> list[str]:
    """Framing evidence spans that lie wholly inside ``regions`` (dropped or added text)."""
    if not regions or not marks:
        return []
    starts = np.array([r[0] for r in regions])
    ends = np.array([r[1] for r in regions])
    found = set()
    for m in marks:
        i = int(np.searchsorted(starts, m.start, side="right")) - 1
        if i >= 0 and m.end <= ends[i]:
            found.add((m.start, m.title, body[m.start : m.end]))
    return [
        f'<li class="warn">{esc(feature)} {what}: <span class="fx">{esc(span)}</span></li>'
        for _, feature, span in sorted(found)
    ]


def _deltas_table(link_row: Mapping[str, object], ctx: LinkContext) -> str:
    """Framing deltas (child minus parent) with the link-level framing evidence beside them."""
    deltas = [
        (k, float(v))
        for k, v in link_row.items()
        if str(k).startswith("d_") and not is_missing(v) and float(v) != 0.0
    ]
    if not deltas:
        return ""
    deltas.sort(key=lambda kv: (-abs(kv[1]), kv[0]))
    evidence = ctx.framing_of("link", text(link_row["link_id"]))
    by_feature = dict(zip(evidence["feature"], evidence["evidence"], strict=True))
    rows = []
    for column, value in deltas:
        ev = by_feature.get(column, by_feature.get(column[2:], ""))
        cls = "pos" if value > 0 else "neg"
        rows.append(
            f'<tr><td>{esc(_feature_label(column))}</td><td class="num {cls}">{value:+.3g}</td>'
            f"<td>{esc(ev)}</td></tr>"
        )
    return (
        '<table class="deltas"><caption>Framing change, child minus parent</caption>'
        "<tr><th>feature</th><th>delta</th><th>evidence</th></tr>" + "".join(rows) + "</table>"
    )
