"""Propaganda techniques a lexicon and rules can catch, and loaded language at phrase level.

All lists come from the one corpus-wide lexicon pass (``scan.py``); this module only groups the
hits. Adjacent hits of a feature's lists (overlapping, or joined by a blank or 'and'/'or'/'of')
make one phrase, so "radical leftist thugs" is one span and one count, not three. Techniques follow the categories
of Da San Martino et al. (2019, the PTC annotation guidelines); each list's source is in
``provenance/resources/lexicons/README.md``.

>>> from provenance.framing import score_texts
>>> df = score_texts(pd.Series(["The so-called experts are radical leftist thugs."]))
>>> df[["f_name_calling", "f_doubt"]].round(1).values.tolist()
[[285.7, 142.9]]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .lexicons import person_nouns

PER_1K = "per 1,000 words"

# Lists whose phrases make up the loaded-language score. Chosen on PTC's tuning part
# (benchmarks/ptc_eval.py): see the lexicon README for the figures behind each choice.
LOADED_LANGUAGE_LISTS = (
    "loaded",
    "loaded_phrases",
    "name_calling",
    "verbs_loaded",
    "evaluative_modifiers",
    "loaded_forms",
)
# Terms left out of the loaded-language score although a loaded list holds them.
NOT_LOADED_LIST = "not_loaded"
# Words that make a loaded phrase when they stand next to one ("very dangerous", "corrupt
# elites") but are not loaded alone.
LOADED_ADJUNCT_LISTS = ("intensifiers", "vader_any")


# Two hits join one phrase when blanks, or a conjunction or "of" between blanks, stand between
# them ("radical leftist", "corrupt and evil"), never punctuation or another word.
MAX_GAP = 5
_JOINER = re.compile(r"[ \t]+(?:(?:and|or|nor|but|of|&)[ \t]+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Technique:
    """A technique feature: the lists whose phrases it counts, and what it tracks."""

    lists: tuple[str, ...]
    tracks: str


TECHNIQUES: dict[str, Technique] = {
    "f_name_calling": Technique(
        ("name_calling",), "name-calling and labelling: derogatory labels for people or groups"
    ),
    "f_doubt": Technique(
        ("doubt",),
        "doubt: distancing and credibility-questioning words ('so-called', 'supposedly', "
        "'no evidence') and rhetorical questions",
    ),
    "f_exaggeration": Technique(
        ("exaggeration",), "exaggeration and minimisation: hyperbole, totalising and minimising"
    ),
    "f_fear": Technique(("fear",), "appeal to fear: threat, invasion, contagion and doom phrases"),
    "f_flag_waving": Technique(
        ("flag_waving",), "flag-waving: appeals to the nation, its people and values"
    ),
    "f_slogans": Technique(("slogans",), "slogans, chants and rallying cries"),
    # Its list counts only as whole clauses, beside short verdict clauses (formulaic_clauses).
    "f_cliches": Technique(
        (),
        "thought-terminating cliches: short verdict clauses ('that's crazy') and stock phrases "
        "as whole clauses ('it is what it is', 'end of story')",
    ),
}
# The bias-cue score: a weighted sum of feature columns (rates per 1,000 words, and the share
# of VADER words). Weights chosen on BABE's development split only (the SG2 labels of the 1,693
# sentences SG1 also holds; benchmarks/babe_auroc.py), AUROC there: loaded-language phrases
# alone 0.636; + 0.5 x boosters 0.650; - 1 x neutral attribution verbs ('said', reported
# speech) 0.674; + 25 x VADER-word share, a tie-breaker for the 59% of sentences without a
# loaded phrase, 0.680 (weights 0, 50, 100, 200 gave 0.674, 0.679, 0.679, 0.676). A logistic
# regression over every f_* column, fitted there, reaches 0.706 (--ceiling).
# Session 5, on the development split only: doubt verbs ('claimed', epistemological bias,
# Recasens et al. 2013) and editorializing words, each counted like a loaded phrase (weight 1,
# no other weight tried for the pair), 0.680 -> 0.691 (weights 0.25 and 0.5: 0.687, 0.688).
BIAS_CUE_WEIGHTS: dict[str, float] = {
    "f_loaded_language": 1.0,
    "f_boosters_per_1k": 0.5,
    "f_verb_neutral": -1.0,
    "f_verb_doubt": 1.0,
    "f_editorializing": 1.0,
    "f_subjectivity": 25.0,
}


# The loaded-language article score is damped: distinct phrases per 1,000 of (words + 200), a
# prior of 200 phrase-free words, so that a short text's one or two phrases do not rank it above
# a long, steadily loaded one. Chosen by 3 folds of PTC's tuning part (benchmarks/ptc_eval.py
# --folds; Spearman with the experts' density per fold, 40/56/54 articles): plain rate 0.575 /
# 0.690 / 0.778 (mean 0.681), + 50 words 0.614 / 0.703 / 0.774, + 100 0.641 / 0.708 / 0.759,
# + 200 0.657 / 0.718 / 0.740 (mean 0.705), + 300 0.666 / 0.723 / 0.721, + 500 0.677 / 0.727 /
# 0.677. On unlabelled ABP text (1,044 opinion and editorial articles against 1,500 wire and
# network news articles) the plain rate separates them with AUROC 0.774 (within-topic pairs
# 0.787), + 200 words 0.784 (0.796); BABE development sentences 0.642 -> 0.645. Shrinking
# toward the mean rate instead (+ 100 words at the mean rate) gave fold rho 0.578 / 0.674 /
# 0.756. f_bias_cues keeps the plain rate: damped there, its fold rho fell (0.602 -> 0.516 on
# fold 1) and BABE development 0.695 -> 0.682.
LOADED_PRIOR_WORDS = 200

# Beside its phrases, the loaded-language score counts each word of the ``subjective`` list
# (Pattern's subjectivity lexicon, tools/build_subjective_lexicon.py) at this weight: a small
# graded term that orders texts with equal phrase counts (most BABE sentences have none) and
# marks steadily evaluative prose. It adds no evidence span: as spans, Pattern's adjectives not
# in the loaded lists were 0.15-0.25 precise on PTC (tuning folds P 0.368 -> 0.287 for the 223
# words with subjectivity >= 0.9 and |polarity| >= 0.5, F1 0.393 -> 0.352). Chosen by 3 folds of
# PTC's tuning part (Spearman per fold, 40/56/54 articles) and BABE's development split, words of
# mean subjectivity >= 0.5 counted once per occurrence: weight 0 (before) 0.657 / 0.718 / 0.740,
# dev 0.645; 0.03 0.670 / 0.731 / 0.741; 0.04 0.671 / 0.734 / 0.741, dev 0.659; 0.05 0.669 /
# 0.737 / 0.742. Threshold 0.6: 0.662 / 0.735 / 0.735. Weighting each word by its subjectivity
# instead of 1 gave the same (0.666 / 0.736 / 0.745 at 0.05).
SUBJECTIVE_LIST = "subjective"
SUBJECTIVE_WEIGHT = 0.04

# Sentence cues (session 10): a sentence of the narration (no neutral attribution verb: 'said',
# 'told', 'according to', list ``verbs_neutral``) and each booster, doubt verb and
# editorializing word add ``SENTENCE_CUE_WEIGHT`` (a booster half of it) to the count. On a
# sentence (BABE) these order the 59% of texts without a loaded phrase: reported speech is the
# clearest sign of an unbiased sentence there (neutral verbs alone AUROC 0.44, i.e. 0.56
# inverted), boosters 0.55. At this weight they hardly move an article's rank. Weights chosen on
# BABE's development split and PTC's three tuning folds (Spearman per fold, 40/56/54 articles),
# from the session-9 score (dev 0.665; rho 0.672 / 0.732 / 0.708, mean 0.704):
# weight 0.03: dev 0.686, rho 0.673 / 0.747 / 0.713; 0.04: 0.693, 0.675 / 0.744 / 0.714;
# 0.05: 0.697, 0.682 / 0.744 / 0.702 (mean 0.709, shipped); 0.06: 0.699, 0.684 / 0.743 / 0.696;
# 0.08: 0.703, 0.693 / 0.742 / 0.684. Measured and not kept: minus each neutral verb instead of
# plus each narration sentence (0.05: dev 0.690, rho 0.664 / 0.740 / 0.719; the score goes below
# zero), the same weight 1 (f_bias_cues' form: rho 0.277 / 0.528 / 0.614), damping a sentence's
# phrases by 0.5 per neutral verb (dev 0.671-0.673), quote-free narration only (0.694), boosters
# at weight 1 (0.698, rho 0.681 / 0.742 / 0.695), adding intensifiers, hedges or superlatives
# (dev 0.691-0.699, fold 2 lower), the subjectivity weight 0.1-0.5 instead of these
# (dev 0.666-0.667, rho down to 0.585).
SENTENCE_CUE_WEIGHT = 0.05
SENTENCE_CUE_LISTS: dict[str, float] = {"boosters": 0.5, "verbs_doubt": 1.0, "editorializing": 1.0}
REPORTED_SPEECH_LISTS = ("verbs_neutral",)


def graded_count(columns: Mapping[str, np.ndarray], narration_sentences: np.ndarray) -> np.ndarray:
    """The loaded-language score's graded terms per text, in phrases: ``SUBJECTIVE_WEIGHT`` per
    subjective word, ``SENTENCE_CUE_WEIGHT`` per narration sentence and (weighted by
    ``SENTENCE_CUE_LISTS``) per cue word. ``columns``: list name -> hit count per text."""
    cues = sum(w * np.asarray(columns[n], dtype=float) for n, w in SENTENCE_CUE_LISTS.items())
    return SUBJECTIVE_WEIGHT * np.asarray(columns[SUBJECTIVE_LIST], dtype=float) + (
        SENTENCE_CUE_WEIGHT * (cues + np.asarray(narration_sentences, dtype=float))
    )


def narration_sentences(sentences: pd.DataFrame, hits: HitArrays, n_texts: int) -> np.ndarray:
    """Per text, its sentences (doc, start, end) that hold no reported-speech verb."""
    reported = spans_holding(sentences, hits, REPORTED_SPEECH_LISTS)["doc"].to_numpy(np.int64)
    total = np.bincount(sentences["doc"].to_numpy(np.int64), minlength=n_texts)
    return (total - np.bincount(reported, minlength=n_texts)).astype(float)


def damped_rate(count: np.ndarray, n_words: np.ndarray) -> np.ndarray:
    """``count`` per 1,000 of ``n_words + LOADED_PRIOR_WORDS`` (the loaded-language score)."""
    return 1000.0 * np.asarray(count, dtype=float) / (np.asarray(n_words) + LOADED_PRIOR_WORDS)


def bias_cue_score(columns: Mapping[str, np.ndarray]) -> np.ndarray:
    """The bias-cue score of each text: ``BIAS_CUE_WEIGHTS`` applied to its feature columns."""
    return sum(
        weight * np.asarray(columns[name], dtype=float) for name, weight in BIAS_CUE_WEIGHTS.items()
    )


TECHNIQUE_LISTS: tuple[str, ...] = tuple(
    dict.fromkeys(name for t in TECHNIQUES.values() for name in t.lists)
)


def merge_phrases(
    doc: np.ndarray, start: np.ndarray, end: np.ndarray, texts: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Group ids of spans merged into phrases, and the sort order they refer to.

    Spans of one document that overlap, or that one blank character separates, share a group.
    Returns ``(order, group)``: ``order`` sorts the spans by (doc, start); ``group[k]`` is the
    phrase of span ``order[k]`` (0, 1, ... in document order).
    """
    order = np.lexsort((end, start, doc))
    d, s, e = doc[order], start[order], end[order]
    if not len(d):
        return order, np.zeros(0, dtype=np.int64)
    running = _running_end(d, e)
    prev_end = np.concatenate([[-2], running[:-1]])
    same_doc = np.concatenate([[False], d[1:] == d[:-1]])
    gap = s - prev_end
    joined = same_doc & (gap <= 0)
    near = np.flatnonzero(same_doc & (gap >= 1) & (gap <= MAX_GAP))
    joined[near] = [
        _JOINER.fullmatch(texts[int(d[k])][int(prev_end[k]) : int(s[k])]) is not None for k in near
    ]
    return order, np.cumsum(~joined) - 1


def _running_end(doc: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The largest end so far within each document, of spans sorted by (doc, start): documents
    are sorted, so each is offset by a stride larger than any end."""
    stride = int(end.max()) + 2
    return np.maximum.accumulate(doc * stride + end) - doc * stride


@dataclass(frozen=True)
class HitArrays:
    """A :meth:`Scanner.scan` hits table as plain arrays, converted once for every feature."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    code: np.ndarray  # position of the hit's list in ``names``
    names: tuple[str, ...]

    @classmethod
    def of(cls, hits: pd.DataFrame) -> HitArrays:
        lists = hits["list"].astype("category")
        return cls(
            hits["doc"].to_numpy(dtype=np.int64),
            hits["start"].to_numpy(dtype=np.int64),
            hits["end"].to_numpy(dtype=np.int64),
            lists.cat.codes.to_numpy(dtype=np.int64),
            tuple(str(c) for c in lists.cat.categories),
        )

    def of_lists(self, lists: tuple[str, ...]) -> np.ndarray:
        """Boolean mask of the hits of ``lists``."""
        return np.isin(self.code, [self.names.index(n) for n in lists if n in self.names])


def spans_holding(spans: pd.DataFrame, hits: HitArrays, lists: tuple[str, ...]) -> pd.DataFrame:
    """The rows of ``spans`` (doc, start, end) inside which a hit of ``lists`` starts."""
    if not len(spans):
        return spans
    sel = hits.of_lists(lists)
    width = int(max(hits.end.max(initial=0), spans["end"].max())) + 1
    keys = np.sort(hits.doc[sel] * width + hits.start[sel])
    doc = spans["doc"].to_numpy(dtype=np.int64) * width
    first = np.searchsorted(keys, doc + spans["start"].to_numpy(dtype=np.int64))
    past = np.searchsorted(keys, doc + spans["end"].to_numpy(dtype=np.int64))
    return spans[past > first]


def last_lines(spans: pd.DataFrame, texts: list[str]) -> pd.DataFrame:
    """``spans`` (doc, start, end) cut to their last line: a sentence that the splitter ran
    across line breaks (a tweet embedded after a paragraph) is one line of evidence."""
    starts = [
        texts[d].rfind("\n", s, e) + 1 or s
        for d, s, e in zip(spans["doc"], spans["start"], spans["end"], strict=True)
    ]
    return spans.assign(start=np.asarray(starts, dtype=np.int64))


def _span_keys(doc: np.ndarray, start: np.ndarray, end: np.ndarray, width: int) -> np.ndarray:
    """One integer per (doc, start, end) with offsets below ``width``, for set operations."""
    return (doc * width + start) * width + end


def phrase_spans(
    hits: HitArrays,
    core: tuple[str, ...],
    texts: list[str],
    adjuncts: tuple[str, ...] = (),
    extra: pd.DataFrame | None = None,
    exclude: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Phrases (doc, start, end) built from hits of ``core`` lists (and ``extra`` spans).

    Hits whose span is also a hit of an ``exclude`` list are left out. Hits of ``adjuncts``
    lists join a phrase they touch; a phrase of adjunct hits alone is dropped.

    Until session 9, two touching adjunct hits with an intensifier among them ("very
    dangerous") made a loaded-language phrase of their own. Those phrases were 0.18 / 0.21 /
    0.22 precise on PTC's three tuning folds (0.20 against BABE's annotated biased words);
    dropping them raised P on each fold (with the scare quotes: 0.358 / 0.391 / 0.377 ->
    0.365 / 0.400 / 0.390), F1 -0.001 / 0.000 / +0.002, Spearman 0.660 / 0.742 / 0.729 ->
    0.672 / 0.732 / 0.708 (benchmarks/ptc_eval.py --folds).
    """
    sel = hits.of_lists(core + adjuncts)
    doc, start, end = hits.doc[sel], hits.start[sel], hits.end[sel]
    is_core = hits.of_lists(core)[sel]
    if exclude and len(doc):
        out = hits.of_lists(exclude)
        width = int(hits.end.max()) + 1
        out_keys = _span_keys(hits.doc[out], hits.start[out], hits.end[out], width)
        kept = ~np.isin(_span_keys(doc, start, end, width), out_keys)
        doc, start, end, is_core = (a[kept] for a in (doc, start, end, is_core))
    if extra is not None and len(extra):
        doc = np.concatenate([doc, extra["doc"].to_numpy(dtype=np.int64)])
        start = np.concatenate([start, extra["start"].to_numpy(dtype=np.int64)])
        end = np.concatenate([end, extra["end"].to_numpy(dtype=np.int64)])
        is_core = np.concatenate([is_core, np.ones(len(extra), bool)])
    order, group = merge_phrases(doc, start, end, texts)
    if not len(group):
        return pd.DataFrame({c: np.zeros(0, np.int64) for c in ("doc", "start", "end")})
    d, s, e = doc[order], start[order], end[order]
    first = np.flatnonzero(np.concatenate([[True], group[1:] != group[:-1]]))
    keep = np.logical_or.reduceat(is_core[order], first)
    return pd.DataFrame(
        {
            "doc": d[first][keep],
            "start": s[first][keep],  # spans are sorted by start within a phrase
            "end": np.maximum.reduceat(e, first)[keep],
        }
    )


def first_mentions(spans: pd.DataFrame, texts: list[str]) -> pd.DataFrame:
    """The spans (doc, start, end, sorted by start within a doc) whose lower-cased text does
    not repeat an earlier span of the same document.

    A loaded term an article repeats is often its topic, used in its literal sense ("the
    corruption trial"): on PTC's tuning part repeated loaded-language phrases were 0.26
    precise against 0.37 for first mentions (benchmarks/ptc_eval.py).
    """
    if not len(spans):
        return spans
    words = [
        texts[d][s:e].lower()
        for d, s, e in zip(spans["doc"], spans["start"], spans["end"], strict=True)
    ]
    repeated = pd.DataFrame({"doc": spans["doc"].to_numpy(), "words": words}).duplicated()
    return spans[~repeated.to_numpy()]


def on_repeated_lines(spans: pd.DataFrame, texts: list[str]) -> np.ndarray:
    """For each span (doc, start, end): does its line recur verbatim in its document?

    A line a page repeats is its furniture (a poll widget, a photo caption), not its copy: on
    PTC's tuning part the 33 loaded-language spans on such lines (31 of them one site's poll,
    "Whom do you consider to be the most corrupt Democrat Politician?") held no expert span;
    leaving them out, P/R/F1 0.355/0.413/0.382 -> 0.363/0.413/0.386, rho 0.692 -> 0.691, BABE
    development unchanged (benchmarks/ptc_eval.py). Measured beside it and not kept: a negation
    up to two words before the phrase ("not corrupt"; 31 spans, 0.13 precise): F1 0.383, but
    rho 0.677 and BABE development 0.642 -> 0.641.
    """
    repeated: dict[int, set[str]] = {}  # per document: its non-blank lines that recur
    out = np.zeros(len(spans), dtype=bool)
    for k, (d, s) in enumerate(zip(spans["doc"].tolist(), spans["start"].tolist(), strict=True)):
        text = texts[d]
        if d not in repeated:
            counts = Counter(text.split("\n"))
            repeated[d] = {line for line, n in counts.items() if n > 1 and line.strip()}
        if repeated[d]:
            end = text.find("\n", s)
            out[k] = (
                text[text.rfind("\n", 0, s) + 1 : end if end >= 0 else len(text)] in repeated[d]
            )
    return out


# Phrase-level evidence (issue 16, item 2): PTC's experts mark the phrase a loaded word belongs
# to ("brutal regime", "radical Islamist preachers"), 3.96 words on average on the tuning part
# against 1.78 for our phrases. A phrase whose last word is a modifier takes in the noun phrase
# it modifies: up to ``NOUN_PHRASE_WORDS`` lower-case words, going on past another modifier and
# stopping after the first other word (its head), never over a function word, a verb form
# (-ed, -ing) or an adverb (-ly). A phrase that starts with a label of ``LABEL_LISTS`` takes in
# the modifiers before it ("sexual predators", "lazy freeloaders").
NOUN_PHRASE_WORDS = 2
MODIFIER_LISTS = ("evaluative_modifiers", "subjective")
LABEL_LISTS = ("name_calling",)
# Adjective endings (Quirk et al. 1985, derivational suffixes forming adjectives) for modifiers
# outside ``MODIFIER_LISTS`` ("notorious", "violent", "communist" is left out: -ist is also a noun).
_ADJECTIVE_ENDING = re.compile(r"(?:ous|ive|ic|ical|ful|less|able|ible|al|ant|ent|ish)$")
_NOT_A_HEAD = re.compile(r"(?:ed|ing|ly)$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’\-]*)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z][A-Za-z'’\-]*)[ \t]+$")
_LAST_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*$")
FUNCTION_WORDS = frozenset(
    "a an the this that these those some any no every each either neither all both half such "
    "what which who whom whose whatever whoever where when why how than then there here "
    "i me my mine we us our ours you your yours he him his she her hers it its they them their "
    "theirs myself yourself himself herself itself ourselves themselves one ones "
    "be is are was were been being am do does did done have has had having will would shall "
    "should can could may might must ought not nor and or but if so yet because although though "
    "unless while whether as of in on at by for with about against between into through during "
    "before after above below to from up down out off over under again further once only own "
    "same too very just also even ever still more most less least much many few other another "
    "like per via upon onto toward towards within without among amid across along around behind "
    "beyond despite except inside outside since until unto till near enough far well ahead away "
    "back else ago rather quite almost really".split()
)


def _hit_starts(hits: HitArrays, lists: tuple[str, ...]) -> set[int]:
    """``doc << 32 | start`` of the hits of ``lists`` (ints: a set of them builds ~10x faster
    than one of (doc, start) pairs)."""
    sel = hits.of_lists(lists)
    return set(((hits.doc[sel] << 32) | hits.start[sel]).tolist())


def _is_modifier(word: str, doc: int, start: int, modifiers: set[int]) -> bool:
    low = word.lower()
    if low in FUNCTION_WORDS:
        return False
    if (doc << 32 | start) in modifiers:
        return True
    return not low.endswith("ly") and _ADJECTIVE_ENDING.search(low) is not None


def _head_end(text: str, doc: int, pos: int, modifiers: set[int]) -> int:
    """End of the noun phrase a modifier ending at ``pos`` modifies (``pos`` when none)."""
    for _ in range(NOUN_PHRASE_WORDS):
        m = _NEXT_WORD.match(text, pos)
        if m is None or not m.group(1)[0].islower():
            break
        word = m.group(1).lower()
        if word in FUNCTION_WORDS or _NOT_A_HEAD.search(word) or len(word) < 3:
            break
        pos = m.end()
        if not _is_modifier(word, doc, m.start(1), modifiers):
            break
    return pos


def _modifiers_before(text: str, doc: int, pos: int, modifiers: set[int]) -> int:
    """Start of the modifiers just before a label starting at ``pos`` (``pos`` when none)."""
    for _ in range(NOUN_PHRASE_WORDS):
        m = _PREVIOUS_WORD.search(text, max(0, pos - 40), pos)
        if m is None or not _is_modifier(m.group(1), doc, m.start(1), modifiers):
            break
        pos = m.start(1)
    return pos


def noun_phrases(spans: pd.DataFrame, texts: list[str], hits: HitArrays) -> pd.DataFrame:
    """``spans`` (doc, start, end, sorted) widened to the noun phrase they belong to, spans the
    widening makes overlap merged into one (``hits``: the texts' scan, for ``MODIFIER_LISTS``
    and ``LABEL_LISTS``).

    Used for the loaded-language evidence only (the score counts the phrases as matched). On
    PTC's tuning part (benchmarks/ptc_eval.py --folds) 270 of 1,432 phrases widen, mean length
    1.78 -> 1.97 words (experts' spans 3.96); P / R / F1 per fold 0.365 / 0.373 / 0.369, 0.400 /
    0.425 / 0.412, 0.390 / 0.390 / 0.390 -> 0.367 / 0.376 / 0.371 and the same on folds 1 and 2:
    under the overlap rule a boundary hardly matters (12 of 881 wrong phrases end within five
    characters of an expert span), the gain is evidence a reader can judge ("notorious senator",
    not "notorious").

    >>> from provenance.framing.scan import Scanner
    >>> texts = ["A notorious senator and sexual predators."]
    >>> hits = HitArrays.of(Scanner({"name_calling": ["predators"]}).scan(texts)[0])
    >>> spans = pd.DataFrame({"doc": [0, 0], "start": [2, 31], "end": [11, 40]})
    >>> [texts[0][s:e] for s, e in noun_phrases(spans, texts, hits)[["start", "end"]].values]
    ['notorious senator', 'sexual predators']
    """
    if not len(spans):
        return spans
    modifiers, labels = _hit_starts(hits, MODIFIER_LISTS), _hit_starts(hits, LABEL_LISTS)
    starts, ends = [], []
    for d, s, e in zip(
        spans["doc"].tolist(), spans["start"].tolist(), spans["end"].tolist(), strict=True
    ):
        text = texts[d]
        if text[e : e + 1] in (" ", "\t"):  # a head can follow (a quick test first)
            last = _LAST_WORD.search(text, max(s, e - 40), e)  # None after punctuation ("!")
            if last is not None and _is_modifier(last.group(), d, last.start(), modifiers):
                e = _head_end(text, d, e, modifiers)
        if (d << 32 | s) in labels:
            s = _modifiers_before(text, d, s, modifiers)
        starts.append(s)
        ends.append(e)
    doc = spans["doc"].to_numpy(dtype=np.int64)
    start, end = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
    # Widened spans of one document that now overlap are one phrase (spans stay sorted).
    running = _running_end(doc, end)
    new = np.concatenate([[True], (doc[1:] != doc[:-1]) | (start[1:] >= running[:-1])])
    first = np.flatnonzero(new)
    return pd.DataFrame(
        {
            "doc": doc[first],
            "start": np.minimum.reduceat(start, first),
            "end": np.maximum.reduceat(end, first),
        }
    )


# A loaded phrase ending in a modifier and followed by a name is a label applied to that person
# or group ("angry Democrats", "crooked Smith"): name-calling (Da San Martino et al. 2019: "a
# label ... to a person or group"). Up to two capitalised words make the name.
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)?")


def labelled_names(spans: pd.DataFrame, texts: list[str], hits: HitArrays) -> pd.DataFrame:
    """The phrases of ``spans`` (doc, start, end) whose last word is a modifier (as in
    :func:`noun_phrases`) and which a capitalised name follows, widened over the name.

    A phrase that starts with a capital is left out (it is part of a name, "Proud Boys", or of a
    Title Case headline: on the first 2,000 ABP bodies 295 -> 229 spans). Added to
    ``f_name_calling``, on PTC's three tuning folds (the experts' Name_Calling,Labeling spans,
    benchmarks/ptc_eval.py) P / R / F1 0.463 / 0.172 / 0.251, 0.441 / 0.217 / 0.291, 0.222 /
    0.047 / 0.078 -> 0.433 / 0.193 / 0.267, 0.388 / 0.239 / 0.296, 0.271 / 0.077 / 0.120;
    Spearman with the experts' density 0.487 / 0.341 / 0.380 -> 0.544 / 0.425 / 0.463.
    Capitalised phrases kept too: F1 0.267 / 0.293 / 0.127, rho 0.544 / 0.428 / 0.421.

    >>> texts = ["Then the reckless Senate Democrats voted. A reckless deal."]
    >>> spans = pd.DataFrame({"doc": [0, 0], "start": [9, 44], "end": [17, 52]})
    >>> hits = HitArrays.of(pd.DataFrame({"doc": [], "start": [], "end": [], "list": []}))
    >>> [texts[0][s:e] for s, e in labelled_names(spans, texts, hits)[["start", "end"]].values]
    ['reckless Senate Democrats']
    """
    modifiers = _hit_starts(hits, MODIFIER_LISTS)
    rows = []
    for d, s, e in zip(spans["doc"].tolist(), spans["start"].tolist(), spans["end"].tolist(),
                       strict=True):  # fmt: skip
        text = texts[d]
        name = _NAME_AFTER.match(text, e)
        if name is None or not text[s].islower():  # "Proud Boys", a Title Case headline
            continue
        last = _LAST_WORD.search(text, max(s, e - 40), e)
        if last is not None and _is_modifier(last.group(), d, last.start(), modifiers):
            rows.append((d, s, name.end()))
    return pd.DataFrame(rows, columns=["doc", "start", "end"], dtype=np.int64)


# A loaded phrase is a label when its head names a person or group: its last word, or a word
# just after it that the noun phrase runs on to, past a noun or a name ("corrupt career
# politicians", "disgraced former FBI officials"; never past a function word or an -ly adverb).
# Chosen by PTC's three tuning folds (name-calling P / R / F1, rho; benchmarks/ptc_eval.py):
# the last word alone 0.441 / 0.269 / 0.334, 0.482; 0.391 / 0.326 / 0.356, 0.455; 0.275 /
# 0.130 / 0.177, 0.577; one word after it 0.431 / 0.290 / 0.347, 0.459; 0.376 / 0.341 / 0.357,
# 0.485; 0.281 / 0.148 / 0.194, 0.583 (kept: F1 up on each fold); two words F1 0.354 / 0.353 /
# 0.207 (down on fold 1). Only multiword phrases as labels (with the first, looser list): F1
# -0.023 / -0.047 / -0.025 (a loaded person noun alone, "haters", is a label too).
PERSON_LOOKAHEAD = 1
_ANY_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’\-]*)")


def _person_end(text: str, start: int, end: int, nouns: frozenset[str]) -> int:
    """End of the person or group noun that heads the phrase ``start:end`` (its last word, or
    one of the ``PERSON_LOOKAHEAD`` words after it); -1 when none."""
    last = _LAST_WORD.search(text, max(start, end - 40), end)
    if last is None:
        return -1
    if last.group().lower().replace("’", "'") in nouns:
        return end
    pos = end
    for _ in range(PERSON_LOOKAHEAD):
        m = _ANY_NEXT_WORD.match(text, pos)
        if m is None:
            break
        word = m.group(1).lower().replace("’", "'")
        if word in FUNCTION_WORDS or word.endswith("ly"):
            break
        if word in nouns:
            return m.end()
        pos = m.end()
    return -1


def person_headed(spans: pd.DataFrame, texts: list[str]) -> pd.DataFrame:
    """The phrases of ``spans`` (doc, start, end: loaded phrases widened to their noun phrase,
    :func:`noun_phrases`) headed by a person or group noun (``person_nouns``: WordNet 3.0's
    noun.person and noun.group; see ``PERSON_LOOKAHEAD``), up to that noun: a loaded word applied
    to people is a label ("corrupt elitists", "the jihadist mob", "haters").

    Added to ``f_name_calling`` (session 12), on PTC's three tuning folds (the experts'
    Name_Calling,Labeling spans) P / R / F1 0.433 / 0.193 / 0.267, 0.388 / 0.239 / 0.296, 0.271
    / 0.077 / 0.120 -> 0.431 / 0.290 / 0.347, 0.376 / 0.341 / 0.357, 0.281 / 0.148 / 0.194;
    Spearman with the experts' density 0.544 / 0.425 / 0.463 -> 0.459 / 0.485 / 0.583. (A first
    list that took every noun.group word and named people, "package", "hunt" the painter, had
    F1 0.365 / 0.367 / 0.220, most of the difference "witch hunt": not a person.)

    >>> texts = ["These lazy freeloaders signed a lazy deal with corrupt career politicians."]
    >>> spans = pd.DataFrame({"doc": [0, 0, 0], "start": [6, 30, 47], "end": [22, 39, 61]})
    >>> [texts[0][s:e] for s, e in person_headed(spans, texts)[["start", "end"]].values]
    ['lazy freeloaders', 'corrupt career politicians']
    """
    nouns = person_nouns()
    rows = []
    for d, s, e in zip(spans["doc"].tolist(), spans["start"].tolist(), spans["end"].tolist(),
                       strict=True):  # fmt: skip
        end = _person_end(texts[d], s, e, nouns)
        if end >= 0:
            rows.append((d, s, end))
    return pd.DataFrame(rows, columns=["doc", "start", "end"], dtype=np.int64)


# Clause rules (session 12). PTC's experts mark appeal to fear and thought-terminating clichés
# as clauses (median 15 words for fear), which word lists find in part: a fear word alone was
# 0.13 precise on PTC's tuning part ("deadly", "afraid" in neutral reporting) and the stock
# clichés of ``cliches`` matched none of the experts' 23 spans there.
@dataclass(frozen=True)
class CueRule:
    """A hit of ``heads`` lists that a hit of ``cues`` lists precedes in the same clause, at
    most ``max_words`` words (blanks and words only, no punctuation) between them."""

    cues: tuple[str, ...]
    heads: tuple[str, ...]
    max_words: int


# Appeal to fear as a predicted harm: a modal of prediction before a harm verb ("the plague could
# spread", "will destroy the Church", "will be wiped out"), the evidence its sentence's last line.
# On PTC's three tuning folds (benchmarks/ptc_eval.py --folds, 40/56/54 articles) fear F1 0.100 /
# 0.108 / 0.174, rho 0.304 / 0.411 / 0.318 -> 0.234 / 0.186 / 0.255, rho 0.429 / 0.458 / 0.323
# with up to 4 words between (1: F1 0.217 / 0.190 / 0.212; 2: 0.215 / 0.190 / 0.229; 3: 0.215 /
# 0.188 / 0.243; 5: 0.229 / 0.186 / 0.250). The clause around the pair scored as its sentence.
# Measured on a regex prototype of this rule (3 words) and not kept: leaving out the words that
# report a fear ("afraid", "fear", "fears"):
# F1 +0.002 / -0.011 / +0.044 and rho 0.332 / 0.458 / 0.313 -> 0.380 / 0.340 / 0.334.
THREAT_RULE = CueRule(("threat_modals",), ("harms",), 4)


# Exaggeration as an extreme case formulation (Pomerantz 1986): a superlative whose scope is all
# of history, the world or the possible ("the deadliest mass shooting in modern history", "the
# worst president ever"), the evidence the span from the superlative to the scope. On PTC's three
# tuning folds (benchmarks/ptc_eval.py --folds) exaggeration F1 0.238 / 0.258 / 0.207, rho -0.038
# / 0.208 / 0.296 -> 0.264 / 0.264 / 0.253, rho 0.028 / 0.204 / 0.310 with up to 6 words between
# (3: F1 0.252 / 0.266 / 0.242; 9: 0.262 / 0.264 / 0.253). Measured on the evidence and not
# kept: every superlative an exaggeration (F1 0.262 / 0.252 / 0.264, rho fold 0 -0.134), every
# intensifier (F1 0.167 / 0.223 / 0.138).
EXTREME_RULE = CueRule(("superlatives",), ("extreme_scopes",), 6)


def cued_spans(hits: HitArrays, rule: CueRule, texts: list[str]) -> pd.DataFrame:
    """Spans (doc, start, end) from a hit of ``rule.cues`` to a hit of ``rule.heads`` that it
    precedes as the rule says (the nearest cue ending before the head).

    >>> from provenance.framing.scan import Scanner
    >>> texts = ["It could soon spread. It may, they say, spread."]
    >>> lists = {"threat_modals": ["could", "may"], "harms": ["spread"]}
    >>> hits = HitArrays.of(Scanner(lists).scan(texts)[0])
    >>> cued_spans(hits, THREAT_RULE, texts).values.tolist()
    [[0, 3, 20]]
    """
    cue, head = hits.of_lists(rule.cues), hits.of_lists(rule.heads)
    rows: list[tuple[int, int, int]] = []
    if cue.any() and head.any():
        width = int(hits.end.max()) + 2
        cue_keys = hits.doc[cue] * width + hits.end[cue]
        order = np.argsort(cue_keys, kind="stable")
        cue_keys, cue_starts = cue_keys[order], hits.start[cue][order]
        hdoc, hstart, hend = hits.doc[head], hits.start[head], hits.end[head]
        k = np.searchsorted(cue_keys, hdoc * width + hstart, side="right") - 1
        near = k >= 0
        near[near] = cue_keys[k[near]] // width == hdoc[near]
        gap = re.compile(rf"[ \t]+(?:[\w'’\-]+[ \t]+){{0,{rule.max_words}}}")
        for i in np.flatnonzero(near).tolist():
            d, cue_end = int(hdoc[i]), int(cue_keys[k[i]] % width)
            if 0 < hstart[i] - cue_end <= 20 * (rule.max_words + 1) and gap.fullmatch(
                texts[d], cue_end, int(hstart[i])
            ):
                rows.append((d, int(cue_starts[k[i]]), int(hend[i])))
    return pd.DataFrame(rows, columns=["doc", "start", "end"], dtype=np.int64)


def threat_sentences(
    hits: HitArrays, sentences: pd.DataFrame, texts: list[str], rule: CueRule = THREAT_RULE
) -> pd.DataFrame:
    """f_fear's rule evidence: for each threat-consequence pair of ``rule``, the part of the
    ``sentences`` (doc, start, end, sorted) holding it that lies on the pair's line."""
    pairs = cued_spans(hits, rule, texts)
    if not len(pairs) or not len(sentences):
        return pairs
    doc, start, end = (pairs[c].to_numpy(dtype=np.int64) for c in ("doc", "start", "end"))
    sdoc, sstart, send = (sentences[c].to_numpy(dtype=np.int64) for c in ("doc", "start", "end"))
    width = int(max(send.max(), end.max())) + 1
    k = np.searchsorted(sdoc * width + sstart, doc * width + start, side="right") - 1
    ok = (k >= 0) & (sdoc[k] == doc) & (start < send[k])
    rows = []
    for i in np.flatnonzero(ok).tolist():
        text, s, e = texts[int(doc[i])], int(start[i]), int(end[i])
        line_end = text.find("\n", e)
        rows.append(
            (
                int(doc[i]),
                max(int(sstart[k[i]]), text.rfind("\n", 0, s) + 1),
                min(int(send[k[i]]), line_end if line_end >= 0 else len(text)),
            )
        )
    return pd.DataFrame(rows, columns=["doc", "start", "end"], dtype=np.int64).drop_duplicates()


# Thought-terminating clichés as short verdict clauses: a clause (between sentence marks, commas,
# colons, dashes and quotation marks) that a pronoun and "be" open (``clause_openers``: "That's
# crazy.", "We are doing just fine!") and that holds at most this many words, none of them a
# number or a capitalised name; and a stock cliché of ``cliches`` only when it is a whole clause
# ("It is what it is.", not "common sense reforms"). On PTC's three tuning folds
# (benchmarks/ptc_eval.py --folds) clichés F1 0 / 0 / 0 (16 list hits, none right), rho -0.008 /
# -0.098 / -0.008 -> 0.125 / 0.048 / 0.138, rho 0.031 / 0.311 / 0.350 at 5 words (4: F1 0.143 /
# 0.000 / 0.091; 6: 0.100 / 0.042 / 0.121). Most of what it finds that the experts did not mark
# are verdicts they mark as loaded language ("This is a disaster", "It's absurd"): 23 expert
# clichés on the tuning part, so each fold's F1 moves by a span or two.
CLICHE_CLAUSE_WORDS = 5
OPENER_LISTS = ("clause_openers",)
CLICHE_LISTS = ("cliches",)
_CLAUSE_MARKS = '.!?;:,"“”‘’—–()\n'
_CLAUSE_END = re.compile(r"[^.!?;:,\"“”—–()\n]*")
_CLAUSE_WORD = re.compile(r"[\w'’\-]+")
# Words a clause cannot end on: a clause cut at a quotation mark goes on after it.
_OPEN_ENDS = frozenset(
    "a an the that than of on to in for with by from at as is are still very so too quite rather "
    "more most less".split()
)


def _opens_clause(text: str, start: int) -> bool:
    """Whether only blanks stand between ``start`` and the text's start or a clause mark."""
    before = text[max(0, start - 40) : start].rstrip(" \t")
    return not before or before[-1] in _CLAUSE_MARKS


def _short_clause(text: str, start: int, end: int, words: tuple[int, int]) -> int:
    """End of the clause from ``start`` when it ends after ``end`` and is short (``words``:
    least and most words; no digit, no capitalised word but the first and "I"); else -1."""
    stop = _CLAUSE_END.match(text, end, end + 60).end()
    if stop == end + 60:  # no clause mark within 60 characters: a long clause
        return -1
    clause = text[start:stop].rstrip(" \t")
    found = _CLAUSE_WORD.findall(clause)
    if not words[0] <= len(found) <= words[1] or any(c.isdigit() for c in clause):
        return -1
    if any(w[0].isupper() and w != "I" for w in found[1:]):
        return -1
    if start + len(clause) > end and found[-1].lower() in _OPEN_ENDS:
        return -1  # cut off before a quotation or a break ("It is no coincidence that")
    return start + len(clause)


def formulaic_clauses(
    hits: HitArrays, texts: list[str], max_words: int = CLICHE_CLAUSE_WORDS
) -> pd.DataFrame:
    """Spans (doc, start, end) of short verdict clauses and of whole-clause stock clichés.

    >>> from provenance.framing.scan import Scanner
    >>> texts = ["He shrugged: that's crazy. It is what it is. Common sense rules apply."]
    >>> lists = {"clause_openers": ["that's", "it is"], "cliches": ["it is what it is",
    ...          "common sense"]}
    >>> hits = HitArrays.of(Scanner(lists).scan(texts)[0])
    >>> [texts[0][s:e] for s, e in formulaic_clauses(hits, texts)[["start", "end"]].values]
    ["that's crazy", 'It is what it is']
    """
    rows = []
    for lists, opener in ((OPENER_LISTS, True), (CLICHE_LISTS, False)):
        sel = np.flatnonzero(hits.of_lists(lists))
        for d, s, e in zip(hits.doc[sel].tolist(), hits.start[sel].tolist(), hits.end[sel].tolist(),
                           strict=True):  # fmt: skip
            text = texts[d]
            if not _opens_clause(text, s):
                continue
            n = len(_CLAUSE_WORD.findall(text[s:e]))  # an opener needs a word after it
            stop = _short_clause(text, s, e, (n + 1, max_words) if opener else (n, n))
            if stop >= 0:
                rows.append((d, s, stop))
    out = pd.DataFrame(rows, columns=["doc", "start", "end"], dtype=np.int64)
    return out.drop_duplicates(ignore_index=True)
