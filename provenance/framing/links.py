"""Per-link framing: what changed from parent to child.

For each link (schema "links"): every article feature's delta (child - parent) as ``d_*``;
features of the text the child added and of what it dropped (complement of the aligned
passages, or of the aligned sentences when no passages are given); attribution-verb shifts and
hedges removed in aligned sentences; quotes dropped / added / altered and speakers kept or lost;
headline similarity; credit kept or dropped; frame shift (Jensen-Shannon divergence). For a
link to an outlet only (no parent article) the child's features on the passages citing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cdist, cpdist
from scipy.special import rel_entr

from provenance.errors import check_frame
from provenance.grouping import member_of
from provenance.text import uncovered_spans

from .articles import _check_articles, column_strings, outer_quotes, score_articles, speaker_key
from .features import (
    FEATURES,
    _slices,
    loaded_language_hits,
    remember_compounds,
    scanner_for,
    text_features,
)
from .lexicons import FRAMES, VERB_CLASSES, LexiconsArg
from .quotes import quotes_table
from .scan import sentence_bounds
from .techniques import TECHNIQUES

ALIGN_MIN = 70.0  # fuzz.ratio (0-100) at which two sentences count as one sentence, edited
QUOTE_ALTER_MIN = 60.0  # fuzz.ratio below which a parent quote counts as dropped
MAX_SENTENCES = 2000  # per article in alignment: bounds the n x m similarity matrix

# Text features also reported for the added, dropped and citing passages.
PASSAGE_FEATURES = (
    "n_words",
    "quote_share",
    *(f"verb_{c}" for c in VERB_CLASSES),
    "hedges_per_1k",
    "boosters_per_1k",
    "factives_per_1k",
    "sentiment",
    "subjectivity",
    "loaded",
    "loaded_language",
    *(name[2:] for name in TECHNIQUES),
    *(f"frame_{f}" for f in FRAMES),
)

LINK_FEATURES: dict[str, str] = {
    **{f"d_{k[2:]}": "child minus parent: " + v for k, v in FEATURES.items()},
    **{
        f"d_added_{k}": "text the child added (outside aligned passages): " + FEATURES[f"f_{k}"]
        for k in PASSAGE_FEATURES
    },
    **{
        f"d_dropped_{k}": "parent text the child dropped: " + FEATURES[f"f_{k}"]
        for k in PASSAGE_FEATURES
    },
    **{
        f"d_cited_{k}": "outlet-only parent: the child's sentences citing it: " + FEATURES[f"f_{k}"]
        for k in PASSAGE_FEATURES
    },
    "d_aligned_sentences": f"child sentences aligned to a parent sentence (fuzz.ratio >= {ALIGN_MIN:g})",
    "d_verb_shifts": "aligned sentences' attribution verbs replaced by a verb of another class",
    **{
        f"d_shift_from_{c}": f"{c} attribution verbs replaced in aligned sentences"
        for c in VERB_CLASSES
    },
    **{
        f"d_shift_to_{c}": f"{c} attribution verbs brought in by a replacement"
        for c in VERB_CLASSES
    },
    "d_hedges_removed": "hedges of the parent's aligned sentences missing from the child's",
    "d_hedges_added": "hedges in the child's aligned sentences missing from the parent's",
    "d_loaded_added": "loaded-language hits the child's aligned sentences add",
    "d_quotes_kept": "parent body quotes found verbatim in the child",
    "d_quotes_altered": f"parent quotes found with edits (fuzz.ratio {QUOTE_ALTER_MIN:g}-99)",
    "d_quotes_dropped": "parent quotes missing from the child",
    "d_quotes_added": "child quotes not in the parent",
    "d_quote_edit_distance": "Levenshtein characters changed over altered quotes",
    "d_speakers_kept": "parent's quoted speakers also quoted by the child",
    "d_speakers_lost": "parent's quoted speakers the child no longer quotes",
    "d_speakers_added": "speakers the child quotes that the parent did not",
    "d_title_similarity": "headline similarity, rapidfuzz token_sort_ratio / 100",
    "d_credited": "1 when the child credits or cites the parent outlet (links.credited)",
    "d_credits_kept": "outlets the parent credits that the child credits too",
    "d_credits_dropped": "outlets the parent credits that the child does not",
    "d_frame_jsd": "frame shift: Jensen-Shannon divergence (base 2) of the frame distributions",
}

_LINK_COLUMNS = ("link_id", "child_article_id", "parent_article_id", "parent_outlet_id")


def js_divergence(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Row-wise Jensen-Shannon divergence (base 2, 0..1) of non-negative weight rows.

    >>> js_divergence(np.array([[1.0, 0.0], [1.0, 1.0]]), np.array([[0.0, 1.0], [2.0, 2.0]]))
    array([1., 0.])
    """
    p = p / p.sum(1, keepdims=True)
    q = q / q.sum(1, keepdims=True)
    m = (p + q) / 2
    js = (rel_entr(p, m).sum(1) + rel_entr(q, m).sum(1)) / (2 * np.log(2))
    return np.clip(js, 0.0, 1.0)


def _check_links(links: pd.DataFrame) -> None:
    check_frame(links, "links", "score_links", _LINK_COLUMNS)


def _text_of(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    kept = [(s, e) for s, e in spans if text[s:e].strip()]
    return "\n\n".join(text[s:e].strip() for s, e in kept), kept


def _passage_spans(reuse, passages) -> dict[tuple[str, str], tuple[list, list]]:
    """(child, parent) -> (child spans, parent spans) of aligned passages."""
    if reuse is None or passages is None or not len(passages):
        return {}
    pairs = reuse[["pair_id", "child_article_id", "parent_article_id"]].astype(str)
    p = passages.merge(pairs, on="pair_id", how="inner")
    # One stable sort and plain lists instead of a groupby with per-group conversions.
    p = p.sort_values(["child_article_id", "parent_article_id"], kind="stable")
    keys = list(zip(p["child_article_id"], p["parent_article_id"], strict=True))
    cols = [
        p[c].astype(int).tolist()
        for c in ("child_start", "child_end", "parent_start", "parent_end")
    ]
    out: dict[tuple[str, str], tuple[list, list]] = {}
    for k, cs, ce, ps, pe in zip(keys, *cols, strict=True):
        entry = out.setdefault(k, ([], []))
        entry[0].append((cs, ce))
        entry[1].append((ps, pe))
    return out


_EVIDENCE_COLUMNS = ["target_id", "feature", "start", "end", "text"]
_EVIDENCE_DTYPES = {
    "target_id": "str",
    "feature": "str",
    "start": "int64",
    "end": "int64",
    "text": "str",
}


def _evidence_frame(rows: list[tuple] | pd.DataFrame) -> pd.DataFrame:
    """Evidence rows with fixed dtypes, so that empty pieces do not turn columns to object."""
    frame = (
        rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, columns=_EVIDENCE_COLUMNS)
    )
    return frame.astype(_EVIDENCE_DTYPES)


def _nan_frame(index: pd.Index, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(np.nan, index=index, columns=columns)


@dataclass(frozen=True)
class _Sentences:
    """Every sentence of the involved articles as columns (scan.sentence_bounds), in doc order.

    No column of sentence texts: on the 20k ABP links the 600,000 texts as a pandas string
    column took ~1 CPU s to build and read back; the ~60,000 that alignment reads are sliced.
    """

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    compound: np.ndarray | None = None  # VADER compounds, when the article stage gave them


def _involved_sentences(
    texts: list[str], ids: list[str], sentences: pd.DataFrame | None
) -> _Sentences:
    """The sentences of the involved articles (``ids``, ``texts``): taken from the article
    stage's ``sentences`` (:func:`~.articles.sentence_rows`) when it holds every article with a
    sentence, else split again.

    Taking them saves splitting each involved body again (first 5,000 ABP articles: a
    quarter of score_links' CPU in a fresh pool process) and gives the compounds for
    :func:`_remember` (VADER of the cited, added and dropped sentences, another ~18%).
    """
    if sentences is not None:
        doc = pd.Index(ids).get_indexer(sentences["article_id"].astype(str))
        kept = np.flatnonzero(doc >= 0)
        order = kept[np.argsort(doc[kept], kind="stable")]  # by article, in text order
        doc = doc[order]
        found = np.zeros(len(ids), dtype=bool)
        found[doc] = True
        if all(not texts[i].strip() for i in np.flatnonzero(~found)):  # none missing
            return _Sentences(
                doc.astype(np.int64),
                sentences["start"].to_numpy(np.int64)[order],
                sentences["end"].to_numpy(np.int64)[order],
                sentences["compound"].to_numpy(float)[order],
            )
    return _Sentences(*sentence_bounds(texts))


@dataclass
class _LinkContext:
    """What every link feature reads: the links, their articles and those articles' sentences."""

    links: pd.DataFrame  # sorted by link_id
    child_ids: list[str]  # "" where missing
    parent_ids: list[str]
    has_parent: np.ndarray  # bool per link: both articles are in the corpus
    ids: list[str]  # the involved articles, sorted
    pos: dict[str, int]  # article_id -> position in ids / texts / titles
    texts: list[str]
    titles: list[str]
    quotes: pd.DataFrame
    scores: pd.DataFrame  # article scores indexed by article_id
    sents: _Sentences  # sentences of the involved articles (doc = position)
    sentence_bounds: np.ndarray  # sentences of position d: rows bounds[d]:bounds[d + 1]
    lexicons: LexiconsArg
    return_evidence: bool

    def remember(self, rows: np.ndarray) -> None:
        """Give ``sentiment_of``'s memo the compounds of the sentences ``rows``: text made of
        them is scored without VADER (a sentence's compound depends on its text alone)."""
        if self.sents.compound is not None and len(rows):
            remember_compounds(self.sentence_texts(rows), self.sents.compound[rows].tolist())

    def sentence_texts(self, rows: np.ndarray) -> list[str]:
        """The text of each sentence ``rows`` (rows of ``sents``)."""
        return _slices(
            self.texts, self.sents.doc[rows], self.sents.start[rows], self.sents.end[rows]
        )

    @property
    def n(self) -> int:
        return len(self.links)

    @property
    def link_list(self) -> list[str]:
        return self.links["link_id"].astype("string").tolist()

    def sentence_rows(self, doc: int) -> np.ndarray:
        """Row numbers in ``sents`` of the sentences of the article at position ``doc``."""
        return np.arange(self.sentence_bounds[doc], self.sentence_bounds[doc + 1])

    def per_link(self, rows: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Sum of ``values`` over the rows of each link; NaN for links without a parent."""
        v = np.bincount(rows, weights=values, minlength=self.n).astype(float)
        return np.where(self.has_parent, v, np.nan)


@dataclass
class _Alignment:
    """Aligned sentence pairs of every link and the text each child added or dropped."""

    pairs: np.ndarray  # (link, child sentence row, parent sentence row)
    n_aligned: np.ndarray
    added_text: list[str]
    dropped_text: list[str]
    added_spans: list[tuple[int, int, list[tuple[int, int]]]]  # (link, article, spans)
    dropped_spans: list[tuple[int, int, list[tuple[int, int]]]]


def _involved_rows(article_id: pd.Series, needed: set[str]) -> np.ndarray:
    """Positions of the articles whose id is in ``needed``, in the order of a stable sort by
    ``article_id``: the rows are taken once (on the 20k ABP links, a boolean selection then a
    sort took the text column twice, 13% of score_links' samples under py-spy)."""
    rows = np.flatnonzero(member_of(article_id.astype(str), needed))
    ranked = article_id.iloc[rows].reset_index(drop=True).sort_values(kind="stable").index
    return rows[ranked.to_numpy()]


def _link_context(
    links: pd.DataFrame,
    articles: pd.DataFrame,
    quotes: pd.DataFrame | None,
    article_scores: pd.DataFrame | None,
    lexicons: LexiconsArg,
    return_evidence: bool,
    sentences: pd.DataFrame | None = None,
) -> _LinkContext:
    links = links.sort_values("link_id", kind="stable", ignore_index=True)
    child = links["child_article_id"].astype("string")
    parent = links["parent_article_id"].astype("string")
    needed = set(child.dropna()) | set(parent.dropna())
    if quotes is not None and article_scores is not None:  # only ids, titles, texts are read:
        # the other columns' rows were ~0.35 CPU s to take on the 20k ABP links
        articles = articles[[c for c in ("article_id", "title", "text") if c in articles]]
    arts = articles.iloc[_involved_rows(articles["article_id"], needed)].reset_index(drop=True)
    ids = arts["article_id"].astype(str).tolist()
    pos = {a: i for i, a in enumerate(ids)}
    texts = column_strings(arts, "text")
    if quotes is None:
        quotes = quotes_table(arts)
    if article_scores is None:
        article_scores = score_articles(arts, quotes, lexicons=lexicons)
    known = pd.Series(ids, dtype=pd.StringDtype("pyarrow"))
    has_parent = (
        parent.notna().to_numpy()
        & member_of(parent.fillna(""), known)
        & member_of(child.fillna(""), known)
    )
    sents = _involved_sentences(texts, ids, sentences)
    return _LinkContext(
        links=links,
        child_ids=child.fillna("").tolist(),
        parent_ids=parent.fillna("").tolist(),
        has_parent=has_parent,
        ids=ids,
        pos=pos,
        texts=texts,
        titles=column_strings(arts, "title"),
        quotes=quotes,
        scores=article_scores.set_index(article_scores["article_id"].astype(str)),
        sents=sents,
        # sents is in doc order: bounds, not a groupby dict (1.08 s under cProfile, 20k ABP)
        sentence_bounds=np.searchsorted(sents.doc, np.arange(len(ids) + 1)),
        lexicons=lexicons,
        return_evidence=return_evidence,
    )


def _article_deltas(ctx: _LinkContext) -> pd.DataFrame:
    """``link_id`` and child minus parent for every article feature (``d_<feature>``)."""
    fcols = [c for c in ctx.scores.columns if c.startswith("f_")]
    cf = ctx.scores.reindex(ctx.child_ids)[fcols].to_numpy(dtype=float)
    pf = ctx.scores.reindex(ctx.parent_ids)[fcols].to_numpy(dtype=float)
    out = pd.DataFrame(cf - pf, columns=[f"d_{c[2:]}" for c in fcols])
    out.insert(0, "link_id", ctx.links["link_id"].astype("string").to_numpy())
    return out


def _frame_shift(ctx: _LinkContext) -> np.ndarray:
    """d_frame_jsd: Jensen-Shannon divergence of child and parent frame rates."""
    fr = [f"f_frame_{f}" for f in FRAMES]
    cfr = ctx.scores.reindex(ctx.child_ids)[fr].to_numpy(dtype=float)
    pfr = ctx.scores.reindex(ctx.parent_ids)[fr].to_numpy(dtype=float)
    ok = (np.nansum(cfr, 1) > 0) & (np.nansum(pfr, 1) > 0)
    jsd = np.full(ctx.n, np.nan)
    if ok.any():
        jsd[ok] = js_divergence(cfr[ok], pfr[ok])
    return jsd


def _title_similarity(ctx: _LinkContext) -> np.ndarray:
    """d_title_similarity: headline token_sort_ratio / 100, pairwise in C."""
    sim = np.full(ctx.n, np.nan)
    rows = np.flatnonzero(ctx.has_parent)
    if len(rows):
        ct = [ctx.titles[ctx.pos[ctx.child_ids[i]]] for i in rows]
        pt = [ctx.titles[ctx.pos[ctx.parent_ids[i]]] for i in rows]
        sim[rows] = cpdist(ct, pt, scorer=fuzz.token_sort_ratio, processor=str.lower) / 100
    return sim


def _credit_features(ctx: _LinkContext, credits: pd.DataFrame | None) -> dict[str, np.ndarray]:
    """d_credited, d_credits_kept, d_credits_dropped."""
    links = ctx.links
    out = {
        "d_credited": (
            links["credited"]
            .astype("boolean")
            .astype("Float64")
            .to_numpy(dtype=float, na_value=np.nan)
            if "credited" in links
            else np.full(ctx.n, np.nan)
        ),
        "d_credits_kept": np.full(ctx.n, np.nan),
        "d_credits_dropped": np.full(ctx.n, np.nan),
    }
    if credits is None:
        return out
    cr = credits.dropna(subset=["outlet_id"])
    credited: dict[str, set[str]] = {}
    for a, o in zip(cr["article_id"].astype(str), cr["outlet_id"].astype(str), strict=True):
        credited.setdefault(a, set()).add(o)
    for i in np.flatnonzero(ctx.has_parent):
        cs = credited.get(ctx.child_ids[i], frozenset())
        ps = credited.get(ctx.parent_ids[i], frozenset())
        out["d_credits_kept"][i] = len(cs & ps)
        out["d_credits_dropped"][i] = len(ps - cs)
    return out


def _align_links(ctx: _LinkContext, passage_spans: dict) -> _Alignment:
    """Per link: align sentences (C-level similarity matrix), collect pairs and unaligned text.

    The added and dropped text is the complement of the aligned passages when the reuse stage
    gave some for the pair, else of the aligned sentences.
    """
    sent_start, sent_end = ctx.sents.start, ctx.sents.end
    pairs: list[tuple[int, int, int]] = []
    al = _Alignment(np.zeros((0, 3), np.int64), np.full(ctx.n, np.nan), [], [], [], [])
    for i in np.flatnonzero(ctx.has_parent):
        ci, pi = ctx.pos[ctx.child_ids[i]], ctx.pos[ctx.parent_ids[i]]
        cs_idx = ctx.sentence_rows(ci)[:MAX_SENTENCES]
        ps_idx = ctx.sentence_rows(pi)[:MAX_SENTENCES]
        matched_c, matched_p = np.zeros(len(cs_idx), bool), np.zeros(len(ps_idx), bool)
        if len(cs_idx) and len(ps_idx):
            sim_m = cdist(
                ctx.sentence_texts(cs_idx),
                ctx.sentence_texts(ps_idx),
                scorer=fuzz.ratio,
                dtype=np.uint8,
                # Scores below the cutoff come as 0; one below ALIGN_MIN, as a float score just
                # under 70 rounds to 70 in uint8. The best aligned match stays the same.
                score_cutoff=ALIGN_MIN - 1,
            )
            best = sim_m.argmax(1)
            matched_c = sim_m[np.arange(len(cs_idx)), best] >= ALIGN_MIN
            matched_p[best[matched_c]] = True
            pairs += [(i, cs_idx[a], ps_idx[best[a]]) for a in np.flatnonzero(matched_c)]
        al.n_aligned[i] = matched_c.sum()
        key = (ctx.child_ids[i], ctx.parent_ids[i])
        if key in passage_spans:
            c_sp = uncovered_spans(len(ctx.texts[ci]), passage_spans[key][0])
            p_sp = uncovered_spans(len(ctx.texts[pi]), passage_spans[key][1])
        else:
            uc, up = cs_idx[~matched_c], ps_idx[~matched_p]
            ctx.remember(np.concatenate([uc, up]))
            c_sp = list(zip(sent_start[uc].tolist(), sent_end[uc].tolist(), strict=True))
            p_sp = list(zip(sent_start[up].tolist(), sent_end[up].tolist(), strict=True))
        t, sp = _text_of(ctx.texts[ci], c_sp)
        al.added_text.append(t)
        al.added_spans.append((i, ci, sp))
        t, sp = _text_of(ctx.texts[pi], p_sp)
        al.dropped_text.append(t)
        al.dropped_spans.append((i, pi, sp))
    al.pairs = np.array(pairs, dtype=np.int64).reshape(-1, 3)
    return al


@dataclass
class _PairShifts:
    """Lexicon differences of the aligned sentence pairs (rows of ``_Alignment.pairs``)."""

    pair_rows: np.ndarray  # (child, parent) sentence of each pair as rows of ``distinct``
    distinct: list[str]  # "" and the distinct edited sentences
    hits: pd.DataFrame  # Scanner hits of ``distinct``
    shift: np.ndarray  # the pair replaced a verb of one class by one of another
    removed: np.ndarray  # (pairs x VERB_CLASSES) verbs the child lost
    added: np.ndarray  # (pairs x VERB_CLASSES) verbs the child gained
    hedges_removed: np.ndarray


def _pair_shifts(ctx: _LinkContext, al: _Alignment) -> tuple[_PairShifts, dict[str, np.ndarray]]:
    """Verb shifts, hedges and loaded language the edits of aligned sentences changed.

    Each distinct edited sentence is scanned once. A sentence's hits depend on it alone, so a
    sentence copied unchanged (most of them in a republication) changes nothing: such pairs
    point both sides at one empty text.
    """
    pa = al.pairs
    pair_text = np.array(ctx.sentence_texts(pa[:, 1:].ravel()), dtype=object).reshape(-1, 2)
    edited = pair_text[:, 0] != pair_text[:, 1]
    codes, distinct = pd.factorize(pair_text[edited].ravel())
    pair_rows = np.zeros((len(pa), 2), dtype=np.int64)
    pair_rows[edited] = codes.reshape(-1, 2) + 1
    distinct = ["", *distinct]
    scanner = scanner_for(ctx.lexicons)
    shits, scounts = scanner.scan(distinct)
    names = scanner.names
    verb_m = scounts[:, [names.index(f"verbs_{c}") for c in VERB_CLASSES]].toarray()
    hedge_v = scounts[:, names.index("hedges")].toarray().ravel()
    loaded_v = loaded_language_hits(shits, distinct)

    li, cs_, ps_ = pa[:, 0], pair_rows[:, 0], pair_rows[:, 1]
    removed = np.maximum(verb_m[ps_] - verb_m[cs_], 0)
    added = np.maximum(verb_m[cs_] - verb_m[ps_], 0)
    shift = (removed.sum(1) > 0) & (added.sum(1) > 0)
    h_removed = np.maximum(hedge_v[ps_] - hedge_v[cs_], 0).astype(float)
    h_added = np.maximum(hedge_v[cs_] - hedge_v[ps_], 0).astype(float)
    l_added = np.maximum(loaded_v[cs_] - loaded_v[ps_], 0).astype(float)
    cols = {
        "d_verb_shifts": ctx.per_link(
            li[shift], np.minimum(removed.sum(1), added.sum(1)).astype(float)[shift]
        )
    }
    for k, c in enumerate(VERB_CLASSES):
        cols[f"d_shift_from_{c}"] = ctx.per_link(li[shift], removed[shift, k].astype(float))
        cols[f"d_shift_to_{c}"] = ctx.per_link(li[shift], added[shift, k].astype(float))
    cols["d_hedges_removed"] = ctx.per_link(li, h_removed)
    cols["d_hedges_added"] = ctx.per_link(li, h_added)
    cols["d_loaded_added"] = ctx.per_link(li, l_added)
    return _PairShifts(pair_rows, distinct, shits, shift, removed, added, h_removed), cols


def _passage_features(ctx: _LinkContext, al: _Alignment) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    """d_added_* and d_dropped_*: features of the text the child added and dropped.

    Scored in one pass over the distinct texts (a text's features depend on that text alone).
    """
    sub = [f"f_{k}" for k in PASSAGE_FEATURES]
    passage_values = np.zeros((0, len(sub)))
    n_added = len(al.added_text)
    if n_added:
        codes, uniques = pd.factorize(pd.Series(al.added_text + al.dropped_text, dtype=object))
        # text_features: the spans are not read, so not made
        feats = text_features([str(t) for t in uniques], ctx.lexicons)
        passage_values = feats[sub].to_numpy()[codes]
    blocks, evidence = [], []
    link_list = ctx.link_list
    for part, (kind, spans) in enumerate(
        (("added", al.added_spans), ("dropped", al.dropped_spans))
    ):
        cols = [f"d_{kind}_{k}" for k in PASSAGE_FEATURES]
        block = np.full((ctx.n, len(cols)), np.nan)
        block[ctx.has_parent] = passage_values[part * n_added : (part + 1) * n_added]
        blocks.append(pd.DataFrame(block, columns=cols))
        if ctx.return_evidence:
            tag = "" if kind == "added" else "[parent] "
            evidence.append(
                _evidence_frame(
                    [
                        (link_list[i], f"d_{kind}_n_words", s, e, tag + ctx.texts[a][s:e])
                        for i, a, sp in spans
                        for s, e in sp
                    ]
                )
            )
    return pd.concat(blocks, axis=1), evidence


_QUOTE_COLUMNS = [
    "d_quotes_kept",
    "d_quotes_altered",
    "d_quotes_dropped",
    "d_quotes_added",
    "d_quote_edit_distance",
    "d_speakers_kept",
    "d_speakers_lost",
    "d_speakers_added",
]


@dataclass
class _ArticleQuotes:
    """An article's body quotes: texts, offsets and the speakers' keys."""

    texts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    speakers: set[str] = field(default_factory=set)


def _quotes_by_article(ctx: _LinkContext) -> dict[str, _ArticleQuotes]:
    """The body quotes of the articles of links with a parent (the only ones compared): on
    20,000 ABP articles 1,130 of 16,811 links, whose articles hold a tenth of the quotes.
    Outer quotes only, as the articles' quote features read them (:func:`outer_quotes`): a
    quote nested in a quoted passage is part of that passage's text."""
    q = ctx.quotes
    rows = np.flatnonzero(ctx.has_parent)
    compared = {ctx.child_ids[i] for i in rows} | {ctx.parent_ids[i] for i in rows}
    body_q = outer_quotes(
        q[(q["field"].astype(str) == "text") & member_of(q["article_id"], compared)]
    )
    by: dict[str, _ArticleQuotes] = {}
    for a, t, qs, qe, k in zip(
        body_q["article_id"].astype(str).tolist(),
        body_q["text"].astype(str).tolist(),
        body_q["span_start"].astype("int64").tolist(),
        body_q["span_end"].astype("int64").tolist(),
        speaker_key(body_q["speaker"]).astype(object).tolist(),
        strict=True,
    ):
        entry = by.setdefault(a, _ArticleQuotes())
        entry.texts.append(t)
        entry.starts.append(int(qs))
        entry.ends.append(int(qe))
        if isinstance(k, str):
            entry.speakers.add(k)
    return by


def _compare_quotes(i: int, cq: _ArticleQuotes, pq: _ArticleQuotes, q_ev: list[tuple]) -> list:
    """One link's quote counts (``_QUOTE_COLUMNS`` order); appends its evidence to ``q_ev``."""
    ctext, ptext = cq.texts, pq.texts
    kept = altered = dropped = added_q = 0
    edits = 0
    if ptext and ctext:
        m = cdist(ptext, ctext, scorer=fuzz.ratio)
        best_p, best_c = m.max(1), m.max(0)
        arg_p = m.argmax(1)
    else:
        best_p, best_c = np.zeros(len(ptext)), np.zeros(len(ctext))
        arg_p = np.zeros(len(ptext), int)
    for j, score in enumerate(best_p):
        if score >= 100:
            kept += 1
        elif score >= QUOTE_ALTER_MIN:
            altered += 1
            c = arg_p[j]
            edits += Levenshtein.distance(ptext[j], ctext[c])
            q_ev.append(
                (i, "d_quotes_altered", cq.starts[c], cq.ends[c], f"{ptext[j]} -> {ctext[c]}")
            )
        else:
            dropped += 1
            q_ev.append((i, "d_quotes_dropped", pq.starts[j], pq.ends[j], "[parent] " + ptext[j]))
    for j in np.flatnonzero(best_c < QUOTE_ALTER_MIN):
        added_q += 1
        q_ev.append((i, "d_quotes_added", cq.starts[j], cq.ends[j], ctext[j]))
    ck, pk = cq.speakers, pq.speakers
    return [kept, altered, dropped, added_q, edits, len(ck & pk), len(pk - ck), len(ck - pk)]


def _quote_changes(ctx: _LinkContext) -> tuple[pd.DataFrame, list[tuple]]:
    """Quotes dropped / added / altered, speakers kept or lost, with evidence rows."""
    q_by = _quotes_by_article(ctx)
    qvals = np.full((ctx.n, len(_QUOTE_COLUMNS)), np.nan)
    q_ev: list[tuple] = []
    empty = _ArticleQuotes()
    for i in np.flatnonzero(ctx.has_parent):
        cq, pq = q_by.get(ctx.child_ids[i], empty), q_by.get(ctx.parent_ids[i], empty)
        qvals[i] = _compare_quotes(i, cq, pq, q_ev)
    return pd.DataFrame(qvals, columns=_QUOTE_COLUMNS), q_ev


def _citation_spans(citations: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, int]]]:
    cit = citations.dropna(subset=["outlet_id", "span_start", "span_end"])
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for art, outlet, cs0, ce0 in zip(
        cit["article_id"].astype(str),
        cit["outlet_id"].astype(str),
        cit["span_start"].astype("int64"),
        cit["span_end"].astype("int64"),
        strict=True,
    ):
        spans.setdefault((art, outlet), []).append((int(cs0), int(ce0)))
    return spans


def _cited_features(
    ctx: _LinkContext, citations: pd.DataFrame | None
) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    """d_cited_*: for outlet-only parents, the child's own sentences that cite the outlet."""
    cited_cols = [f"d_cited_{k}" for k in PASSAGE_FEATURES]
    out = _nan_frame(pd.RangeIndex(ctx.n), cited_cols)
    evidence: list[pd.DataFrame] = []
    outlet_only = ctx.links["parent_article_id"].isna().to_numpy() & np.array(
        [c in ctx.pos for c in ctx.child_ids], dtype=bool
    )
    if citations is None or not outlet_only.any() or not len(citations):
        return out, evidence
    cit_spans = _citation_spans(citations)
    parent_outlets = ctx.links["parent_outlet_id"].astype("string").fillna("").tolist()
    sent_start, sent_end = ctx.sents.start, ctx.sents.end
    link_list = ctx.link_list
    rows, c_txt, ev_rows, cited_rows = [], [], [], []
    for i in np.flatnonzero(outlet_only):
        ci = ctx.pos[ctx.child_ids[i]]
        idx = ctx.sentence_rows(ci)
        spans = set()
        for cs0, ce0 in cit_spans.get((ctx.child_ids[i], parent_outlets[i]), []):
            # whole sentences overlapping the citation
            hit = idx[(sent_start[idx] < ce0) & (cs0 < sent_end[idx])]
            cited_rows.append(hit)
            spans.update(zip(sent_start[hit].tolist(), sent_end[hit].tolist(), strict=True))
        if spans:
            t, sp = _text_of(ctx.texts[ci], sorted(spans))
            rows.append(i)
            c_txt.append(t)
            if ctx.return_evidence:
                ev_rows += [
                    (link_list[i], "d_cited_n_words", s, e, ctx.texts[ci][s:e]) for s, e in sp
                ]
    if ev_rows:  # one frame, not one a link (dtype casts: 15.7 s under cProfile, 3,000 ABP)
        evidence.append(_evidence_frame(ev_rows))
    if rows:
        # Once for all links: per citation it was 0.3 of 1.3 CPU s (5,000 ABP, cProfile)
        ctx.remember(np.unique(np.concatenate(cited_rows)))
        # Each distinct text scored once (a text's features depend on it alone): a sentence
        # citing two outlets is the text of two links.
        codes, uniques = pd.factorize(pd.Series(c_txt, dtype=object))
        feats = text_features(uniques.tolist(), ctx.lexicons)
        out.loc[rows, cited_cols] = feats[[f"f_{k}" for k in PASSAGE_FEATURES]].to_numpy()[codes]
    return out, evidence


def score_links(
    links: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    reuse: pd.DataFrame | None = None,
    passages: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    citations: pd.DataFrame | None = None,
    credits: pd.DataFrame | None = None,
    lexicons: LexiconsArg = None,
    article_scores: pd.DataFrame | None = None,
    sentences: pd.DataFrame | None = None,
    return_evidence: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """``link_id`` + ``d_*`` columns (see ``LINK_FEATURES``), one row per link, sorted by link_id.

    ``article_scores`` (from :func:`score_articles`) saves rescoring the articles, and
    ``sentences`` (:func:`~.articles.article_scores_detail`'s) splitting and scoring their
    sentences again; the values are the same without them. With
    ``return_evidence=True`` also returns the spans behind the values (target_id, feature,
    start, end, text); spans are in the child's text, except those whose text starts with
    ``[parent]`` (dropped text and quotes, in the parent's text).

    >>> arts = pd.DataFrame({"article_id": ["p", "c"], "title": ["T", "T"],
    ...     "text": ["Ivanov said the plan might work.", "Ivanov claimed the plan will work."]})
    >>> links = pd.DataFrame({"link_id": ["l1"], "child_article_id": ["c"],
    ...     "parent_article_id": ["p"], "parent_outlet_id": ["x"]})
    >>> out = score_links(links, arts)
    >>> out[["d_shift_from_neutral", "d_shift_to_doubt", "d_hedges_removed"]].values.tolist()
    [[1.0, 1.0, 1.0]]
    """
    _check_links(links)
    _check_articles(articles)
    ctx = _link_context(
        links, articles, quotes, article_scores, lexicons, return_evidence, sentences
    )
    al = _align_links(ctx, _passage_spans(reuse, passages))
    shifts, shift_cols = _pair_shifts(ctx, al)
    passage_block, evidence = _passage_features(ctx, al)
    quote_block, q_ev = _quote_changes(ctx)
    cited_block, cited_ev = _cited_features(ctx, citations)
    columns = {
        "d_frame_jsd": _frame_shift(ctx),
        "d_title_similarity": _title_similarity(ctx),
        **_credit_features(ctx, credits),
        "d_aligned_sentences": al.n_aligned,
        **shift_cols,
    }
    out = pd.concat(
        [_article_deltas(ctx), pd.DataFrame(columns), passage_block, quote_block, cited_block],
        axis=1,
    )
    out = out[["link_id", *sorted(c for c in out.columns if c != "link_id")]].copy()
    if not return_evidence:
        return out

    link_list = ctx.link_list
    evidence += cited_ev
    evidence.append(_evidence_frame([(link_list[i], f, s, e, t) for i, f, s, e, t in q_ev]))
    evidence.append(_shift_evidence(out, al.pairs, shifts, ctx.sents))
    ev = pd.concat(evidence, ignore_index=True)
    ev.insert(0, "target_kind", "link")
    return out, ev.sort_values(["target_id", "feature", "start"], kind="stable", ignore_index=True)


def _shift_evidence(
    out: pd.DataFrame, pa: np.ndarray, ps: _PairShifts, sents: _Sentences
) -> pd.DataFrame:
    """Child-sentence spans with 'said -> claimed' and the hedges an edit removed."""
    pair_rows, shift, removed, added = ps.pair_rows, ps.shift, ps.removed, ps.added
    h_removed, distinct, shits = ps.hedges_removed, ps.distinct, ps.hits
    rows_needed = np.flatnonzero(shift | (h_removed > 0))
    docs = np.unique(pair_rows[rows_needed]) if len(rows_needed) else np.zeros(0, int)
    wanted = {f"verbs_{c}" for c in VERB_CLASSES} | {"hedges"}
    sh = shits[shits["doc"].isin(docs) & shits["list"].astype(str).isin(wanted)]
    starts, ends = sents.start, sents.end
    words: dict[tuple[int, str], list[str]] = {}
    for doc, lst, s0, e0 in zip(
        sh["doc"], sh["list"].astype(str), sh["start"], sh["end"], strict=True
    ):
        words.setdefault((int(doc), lst), []).append(distinct[int(doc)][int(s0) : int(e0)])
    link_ids = out["link_id"].tolist()
    rows = []
    for r in rows_needed:
        i, sentence = int(pa[r, 0]), int(pa[r, 1])
        lid = link_ids[i]
        start, end = int(starts[sentence]), int(ends[sentence])
        c, p = int(pair_rows[r, 0]), int(pair_rows[r, 1])
        if shift[r]:
            was = [
                w
                for k, cl in enumerate(VERB_CLASSES)
                if removed[r, k]
                for w in words.get((p, f"verbs_{cl}"), [])
            ]
            now = [
                w
                for k, cl in enumerate(VERB_CLASSES)
                if added[r, k]
                for w in words.get((c, f"verbs_{cl}"), [])
            ]
            rows.append((lid, "d_verb_shifts", start, end, f"{', '.join(was)} -> {', '.join(now)}"))
        if h_removed[r] > 0:
            gone = sorted(set(words.get((p, "hedges"), [])) - set(words.get((c, "hedges"), [])))
            rows.append((lid, "d_hedges_removed", start, end, "removed: " + ", ".join(gone)))
    return _evidence_frame(rows)
