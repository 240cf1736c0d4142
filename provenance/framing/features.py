"""Per-text framing features: sources, attribution verbs, stance, tone, frames, readability.

Every lexicon feature comes from one Aho-Corasick pass over the whole corpus (``scan.py``);
sentiment is VADER (Hutto & Gilbert 2014), vectorised (``sentiment.py``), once per *unique* sentence;
everything else is vectorised counting. Rates are per 1,000 words of the text.

>>> df = score_texts(pd.Series(["Officials claimed the deal was a disaster.", "He said yes."]))
>>> bool(df.loc[0, "f_verb_doubt"] > 0), bool(df.loc[1, "f_verb_neutral"] > 0)
(True, True)
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from provenance.text import count_words_all

from .lexicons import (
    FRAMES,
    VERB_CLASSES,
    LexiconsArg,
    lexicon_key,
    load_lexicons,
    rare_valenced,
    rare_words,
)
from .quotes import quote_bounds
from .scan import (
    Scanner,
    cached_scanner,
    char_class,
    code_points,
    joined,
    sentence_bounds,
    text_blocks,
    text_starts,
    word_chars,
)
from .sentiment import analyzer, vader_compounds
from .techniques import (
    BIAS_CUE_WEIGHTS,
    EXTREME_RULE,
    LOADED_ADJUNCT_LISTS,
    LOADED_LANGUAGE_LISTS,
    LOADED_PRIOR_WORDS,
    NOT_LOADED_LIST,
    NOT_LOADED_MODIFIERS,
    RARE_VALENCED_LIST,
    RARE_VALENCED_WEIGHT,
    RARE_WORDS_CAP,
    RARE_WORDS_LIST,
    RARE_WORDS_WEIGHT,
    SENTENCE_CUE_WEIGHT,
    SUBJECTIVE_LIST,
    SUBJECTIVE_WEIGHT,
    TECHNIQUES,
    HitArrays,
    adverbs_before,
    bias_cue_score,
    by_position,
    cued_spans,
    damped_rate,
    first_mentions,
    formulaic_clauses,
    graded_count,
    headline_case,
    hits_without,
    labelled_names,
    last_lines,
    lower_case_hits,
    narration_counts,
    noun_phrases,
    on_repeated_lines,
    person_headed,
    phrase_spans,
    quoted_labels,
    spans_around,
    threat_sentences,
    universal_openings,
)

PER_1K = "per 1,000 words"
STRONG_SENTENCE = 0.5  # |VADER compound| at or above which a sentence counts as strongly valenced
SCARE_QUOTE_MAX_WORDS = 3

FEATURES: dict[str, str] = {
    "f_n_words": "words in the text (provenance.text.WORD_PATTERN)",
    "f_n_sentences": "sentences in the text (provenance.text.sentence_spans)",
    "f_flesch": "Flesch reading ease: 206.835 - 1.015 words/sentence - 84.6 syllables/word "
    "(syllables: vowel groups minus a silent final e)",
    "f_quote_share": "quoted words / words (direct quotes in the body)",
    "f_n_quotes": "direct quotes (title and body when scored from the quotes table)",
    "f_speakers": "distinct quoted speakers (by surname / document name)",
    "f_top_speaker_share": "share of quotes from the most-quoted speaker",
    "f_official_share": "share of quotes whose speaker or role holds an official-role word",
    "f_anonymous_per_1k": f"anonymous-sourcing phrases ('sources said', 'asked not to be named') {PER_1K}",
    **{f"f_verb_{c}": f"{c} attribution verbs (lexicon verbs_{c}) {PER_1K}" for c in VERB_CLASSES},
    "f_hedges_per_1k": f"hedges (Hyland 2005) {PER_1K}",
    "f_boosters_per_1k": f"boosters (Hyland 2005) {PER_1K}",
    "f_factives_per_1k": f"factive verbs (Kiparsky & Kiparsky 1970; Hooper 1975) {PER_1K}",
    "f_sentiment": "mean VADER compound over the text's sentences (-1..1)",
    "f_sentiment_strong": f"share of sentences with |VADER compound| >= {STRONG_SENTENCE}",
    "f_subjectivity": "share of words in the VADER lexicon (words carrying valence)",
    "f_loaded": f"loaded words (lexicon loaded) {PER_1K}",
    "f_intensifiers": f"intensifying adverbs {PER_1K}",
    "f_superlatives": f"superlatives and 'the most/least' {PER_1K}",
    "f_so_called": f"distancing markers ('so-called', 'self-styled') {PER_1K}",
    "f_editorializing": "editorializing comment words ('clearly', 'of course', 'ironically') "
    f"{PER_1K}",
    "f_evaluative_modifiers": "strongly valenced adjectives and adverbs (VADER |valence| >= 2) "
    f"{PER_1K}",
    "f_scare_quotes": f"short quoted spans (1-{SCARE_QUOTE_MAX_WORDS} words) {PER_1K}",
    "f_exclamations": f"exclamation marks {PER_1K}",
    "f_questions": f"question marks outside quotes (rhetorical questions) {PER_1K}",
    "f_loaded_language": "loaded-language score: distinct phrases (a repeat counted once) of the "
    + ", ".join(LOADED_LANGUAGE_LISTS)
    + " lists (adjacent hits merged into one phrase, which takes in touching intensifiers and "
    f"valenced words), plus exclamations outside quotes, plus {SUBJECTIVE_WEIGHT:g} per word of "
    f"Pattern's subjectivity lexicon (list {SUBJECTIVE_LIST}) and {SENTENCE_CUE_WEIGHT:g} per "
    "sentence without a neutral attribution verb and per booster, doubt verb or editorializing "
    f"word (a booster half that), plus {RARE_VALENCED_WEIGHT:g} per rare valenced word (list "
    f"{RARE_VALENCED_LIST}: VADER's words rarer than Zipf 3.75) in such a sentence and "
    f"{RARE_WORDS_WEIGHT:g} per lower-case rare word there (list {RARE_WORDS_LIST}: other words "
    f"of Zipf 2.5 to 3; at most {RARE_WORDS_CAP} a text), per 1,000 "
    f"of (words + "
    f"{LOADED_PRIOR_WORDS}) (a damped rate: techniques.damped_rate)",
    **{name: f"{t.tracks} {PER_1K}" for name, t in TECHNIQUES.items()},
    "f_bias_cues": "bias-cue score: "
    + " ".join(f"{w:+g} x {n}" for n, w in BIAS_CUE_WEIGHTS.items())
    + " (weights chosen on BABE's development split; provenance.framing.techniques)",
    **{
        f"f_frame_{f}": f"{f.replace('_', ' ')} frame cues (Semetko & Valkenburg 2000) {PER_1K}"
        for f in FRAMES
    },
}

# Title features kept on articles (headline counterparts of body features).
TITLE_FEATURES = (
    "sentiment",
    "subjectivity",
    "loaded",
    "loaded_language",
    "n_quotes",
    "questions",
    "n_words",
)
for _name in TITLE_FEATURES:
    FEATURES[f"f_title_{_name}"] = "headline: " + FEATURES[f"f_{_name}"]

# Which lexicon list each feature counts (for evidence spans).
LIST_FEATURE: dict[str, str] = {
    **{f"verbs_{c}": f"f_verb_{c}" for c in VERB_CLASSES},
    "anonymous": "f_anonymous_per_1k",
    "hedges": "f_hedges_per_1k",
    "boosters": "f_boosters_per_1k",
    "factives": "f_factives_per_1k",
    "loaded": "f_loaded",
    "intensifiers": "f_intensifiers",
    "superlatives": "f_superlatives",
    "so_called": "f_so_called",
    "editorializing": "f_editorializing",
    "evaluative_modifiers": "f_evaluative_modifiers",
    **{f"frame_{f}": f"f_frame_{f}" for f in FRAMES},
}


_vader = analyzer  # one SentimentIntensityAnalyzer per process (sentiment.analyzer)


@lru_cache(maxsize=1)
def _vader_words() -> tuple[str, ...]:
    """The plain words of VADER's lexicon (words carrying any valence)."""
    word = re.compile(r"[a-z][a-z'\-]*")
    return tuple(w for w in _vader().lexicon if word.fullmatch(w))


def scanner_for(lexicons: LexiconsArg = None) -> Scanner:
    """The compiled scanner for the resolved lexicons plus the fixed lists (``_fixed_lists``)."""
    if lexicons is None:
        return _default_scanner()
    return cached_scanner((*lexicon_key(load_lexicons(lexicons)), *_fixed_lists()))


@lru_cache(maxsize=1)
def _default_scanner() -> Scanner:
    """``scanner_for(None)``, looked up once (the shipped lists are read once a process):
    resolving them and hashing the cache key of their ~16,000 terms took ~2-3 ms a call,
    three calls a job of the pipeline's framing stage."""
    return cached_scanner((*lexicon_key(load_lexicons(None)), *_fixed_lists()))


def _fixed_lists() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The scanned lists that ``lexicons=`` cannot replace: VADER's words (``vader_any``) and
    the rare ones among them (``rare_valenced``, lexicons.rare_valenced), and the rare words
    without a valence (``rare_words``, lexicons.rare_words)."""
    return (
        ("vader_any", _vader_words()),
        (RARE_VALENCED_LIST, rare_valenced()),
        (RARE_WORDS_LIST, rare_words()),
    )


def loaded_language_spans(hits: HitArrays, texts: list[str]) -> pd.DataFrame:
    """The loaded-language phrases (doc, start, end, weak) of ``texts``, from their scan
    ``hits`` (none on a line its text repeats: ``on_repeated_lines``). ``weak``: a phrase of
    ``not_loaded_modifiers`` alone, a candidate label for name-calling but not loaded language."""
    spans = phrase_spans(
        hits,
        LOADED_LANGUAGE_LISTS,
        texts,
        LOADED_ADJUNCT_LISTS,
        exclude=(NOT_LOADED_LIST,),
        weak=(NOT_LOADED_MODIFIERS,),
    )
    return spans[~on_repeated_lines(spans, texts)]


def loaded_language_hits(hits: pd.DataFrame, texts: list[str]) -> np.ndarray:
    """Per document, the loaded-language phrases (``hits``: a :meth:`Scanner.scan` of texts)."""
    spans = loaded_language_spans(HitArrays.of(hits), texts)
    spans = spans[~spans["weak"].to_numpy()]
    return _bincount(spans["doc"].to_numpy(dtype=np.int64), len(texts))


class _CompoundMemo:
    """VADER compounds of recent sentences, bounded by entries and characters (oldest go first).

    Link framing scores added and dropped text, mostly verbatim article sentences that the
    article stage has just scored in the same process.
    """

    def __init__(self, max_entries: int, max_chars: int) -> None:
        self.max_entries = max_entries
        self.max_chars = max_chars
        self._scores: OrderedDict[str, float] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()  # the Dask engine may score in threads of one process

    def get(self, sentences: Sequence[str]) -> np.ndarray:
        """The memo's compound of each sentence, NaN where it has none."""
        memo = self._scores
        return np.array([memo.get(s, np.nan) for s in sentences], dtype=float)

    def add(self, sentences: Sequence[str], scores: Sequence[float]) -> None:
        memo = self._scores
        with self._lock:
            for sentence, score in zip(sentences, scores, strict=True):
                if len(sentence) > self.max_chars or sentence in memo:
                    continue
                memo[sentence] = score
                self._chars += len(sentence)
                while len(memo) > self.max_entries or self._chars > self.max_chars:
                    self._chars -= len(memo.popitem(last=False)[0])


# Every distinct sentence of 20,000 articles (~320k, 34M characters) fits; ~120 MB at most.
_COMPOUNDS = _CompoundMemo(max_entries=400_000, max_chars=40_000_000)


def sentiment_of(sentences: Sequence[str]) -> np.ndarray:
    """VADER compound per sentence, each distinct sentence scored once (and recent ones reused)."""
    if not len(sentences):
        return np.zeros(0)
    codes, uniques = pd.factorize(pd.Series(sentences, dtype=object))
    scores = _COMPOUNDS.get(uniques.tolist())
    todo = np.flatnonzero(np.isnan(scores))
    scores[todo] = vader_compounds(uniques[todo].tolist())  # vaderSentiment's, bit for bit
    _COMPOUNDS.add(uniques[todo].tolist(), scores[todo].tolist())
    return scores[codes]


def remember_compounds(sentences: Sequence[str], compounds: Sequence[float]) -> None:
    """Give :func:`sentiment_of` the VADER compound of each of these exact sentences (scored
    before, e.g. by the article stage), so that it does not score them again."""
    _COMPOUNDS.add(sentences, compounds)


def _rate(count: np.ndarray, n_words: np.ndarray) -> np.ndarray:
    return np.divide(1000.0 * count, n_words, out=np.zeros(len(count)), where=n_words > 0)


def _share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return np.divide(part, whole, out=np.zeros(len(part)), where=whole > 0)


def _bincount(idx: np.ndarray, n: int, weights: np.ndarray | None = None) -> np.ndarray:
    return np.bincount(idx, weights=weights, minlength=n).astype(float)[:n]


def _slices(texts: Sequence[str], doc: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[str]:
    """``texts[d][s:e]`` of each (d, s, e)."""
    return [
        texts[d][s:e] for d, s, e in zip(doc.tolist(), start.tolist(), end.tolist(), strict=True)
    ]


@dataclass(frozen=True)
class QuoteArrays:
    """The quoted stretches of many texts (:func:`~.quotes.quote_spans` of each) as columns."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    n_words: np.ndarray
    text: list[str]

    @classmethod
    def of(cls, texts: list[str]) -> QuoteArrays:
        found = [(i, *q) for i, t in enumerate(texts) for q in quote_bounds(t)]
        cols = np.array([q[:3] for q in found], dtype=np.int64).reshape(-1, 3)
        words = [q[3] for q in found]
        # Words counted in one pass over all quotes (a regex findall a quote was ~1/4 of this)
        return cls(cols[:, 0], cols[:, 1], cols[:, 2], count_words_all(words), words)

    def spans(self, rows: np.ndarray) -> pd.DataFrame:
        """The (doc, start, end) frame of the quotes selected by the mask ``rows``."""
        return pd.DataFrame(
            {"doc": self.doc[rows], "start": self.start[rows], "end": self.end[rows]}
        )


_CLOSERS = "\"'’”»)]"  # may follow a sentence's final mark


def final_marks(sentences: list[str]) -> np.ndarray:
    """The last character of each (stripped) sentence before closing quotes and brackets, ""
    when none: ``== "?"`` is ``re.search(r'\\?["\'’”»)\\]]*$', s)``."""
    return np.array([t.rstrip(_CLOSERS)[-1:] for t in sentences], dtype="<U1")


def unquoted_sentences(sents: pd.DataFrame, quotes: QuoteArrays) -> pd.DataFrame:
    """The sentences ``sents`` (doc, start, end: those ending in "?" or "!") whose final mark no
    quote covers (a question outside quotes: a rhetorical question)."""
    if not len(sents) or not len(quotes.doc):
        return sents
    # The quote starting last at or before the mark (keys: doc, then offset).
    order = np.lexsort((quotes.start, quotes.doc))
    qdoc, qstart, qend = quotes.doc[order], quotes.start[order], quotes.end[order]
    width = int(max(qend.max(), sents["end"].max())) + 2
    mark = sents["end"].to_numpy(dtype=np.int64) - 1
    adoc = sents["doc"].to_numpy(dtype=np.int64)
    k = np.searchsorted(qdoc * width + qstart, adoc * width + mark, side="right") - 1
    covered = (k >= 0) & (qdoc[k] == adoc) & (mark <= qend[k] + 1)
    return sents[~covered]


def _phrase_features(
    hits: HitArrays,
    raw: list[str],
    sents: pd.DataFrame,
    questions: pd.DataFrame,
    exclamations: pd.DataFrame,
    scare_quotes: pd.DataFrame,
    evidence: bool = True,
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame | None]:
    """Phrase spans (doc, start, end) of the loaded-language score and each technique, and the
    loaded-language phrases widened to their noun phrases (:func:`noun_phrases`, evidence;
    None without ``evidence``). ``questions``, ``exclamations``: unquoted sentences ending so;
    ``scare_quotes``: the quoted words of the scare quotes."""
    # Scare quotes are not doubt: in f_doubt they were 0.10 precise on PTC's tuning part (doubt
    # F1 0.195 with them, 0.248 without; benchmarks/ptc_eval.py). Fear, exaggeration and
    # clichés add clause rules (techniques.THREAT_RULE, EXTREME_RULE, universal_openings,
    # formulaic_clauses).
    extra = {
        "f_doubt": questions,
        "f_fear": threat_sentences(hits, sents, raw),
        "f_exaggeration": by_position(
            cued_spans(hits, EXTREME_RULE, raw), universal_openings(hits, raw)
        ),
        "f_cliches": formulaic_clauses(hits, raw),
    }
    # Exclamations of the narration count as loaded language (0.47 precise on PTC's tuning
    # part, session 5). Scare quotes holding a valenced word no longer do (session 9): left out,
    # P rose on each of PTC's three tuning folds (0.351 / 0.385 / 0.367 -> 0.358 / 0.391 /
    # 0.377; F1 -0.002 / -0.008 / 0.000); scare quotes and exclamations together were 0.06
    # precise against BABE's annotated biased words (development sentences). Since session 13
    # an exclamation stands beside the phrases inside it instead of swallowing them into one
    # phrase (both count; a label inside it stays a label): on the three tuning folds the spans
    # are the same under the overlap rule, Spearman 0.710 / 0.727 / 0.712 -> 0.719 / 0.727 /
    # 0.717, name-calling F1 0.348 / 0.357 / 0.194 -> 0.355 / 0.357 / 0.208.
    # Name-calling's labels are read off the phrases with those of ``not_loaded_modifiers``
    # alone (praise: PTC's labels may praise, "virtuous priests"); the loaded-language phrases
    # and their evidence leave them out (techniques.NOT_LOADED_MODIFIERS). Scare quotes headed
    # by a person noun are labels too (techniques.quoted_labels, session 14).
    said = last_lines(exclamations, raw)
    said = said[~(headline_case(said, raw) | on_repeated_lines(said, raw))]
    labels = loaded_language_spans(hits, raw)
    phrases = labels[~labels.pop("weak").to_numpy()]
    spans = {"f_loaded_language": by_position(phrases, said)}
    widened = noun_phrases(labels, raw, hits)
    extra["f_name_calling"] = pd.concat(
        [
            labelled_names(labels, raw, hits),
            person_headed(widened, raw),
            quoted_labels(scare_quotes, raw),
        ],
        ignore_index=True,
    )
    for name, technique in TECHNIQUES.items():
        spans[name] = phrase_spans(hits, technique.lists, raw, extra=extra.get(name))
    if not evidence:
        return spans, None
    return spans, adverbs_before(by_position(spans_around(widened, phrases), said), raw, hits)


@lru_cache(maxsize=1)
def _count_classes() -> np.ndarray:
    """Per code point, the bits of :func:`word_and_syllable_counts`: 1 word character,
    2 joiner ('’-), 4 vowel (aeiouyAEIOUY), 8 vowel or l/L, 16 "e"."""
    table = word_chars().astype(np.uint8)
    for bit, chars in ((2, "'’-"), (4, "aeiouyAEIOUY"), (8, "aeiouylAEIOUYL"), (16, "e")):
        table[char_class(chars)] |= bit
    return table


def block_codes(texts: Sequence[str]) -> list[np.ndarray]:
    """The code points of :func:`joined` ``texts[first:end]`` of each of their
    :func:`text_blocks`, read once for the steps that read them block by block (the word and
    syllable counts and the lexicon scan: joining and reading the blocks again was ~2% of the
    framing stage, py-spy, first 5,000 ABP; all blocks held at once, 4 bytes a character)."""
    return [code_points(joined(texts[first:end])) for first, end in text_blocks(texts)]


def word_and_syllable_counts(
    texts: list[str], codes: Sequence[np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Per text, the matches of ``WORD_PATTERN`` (``\\w+(?:['’\\-]\\w+)*``) and the syllables
    of Flesch's formula: groups of ``[aeiouyAEIOUY]+`` minus silent final e's
    (``\\w\\w[^aeiouylAEIOUYL\\W]e\\b``), counted on code-point arrays block by block.

    A word is a run of word characters, joined to the next run by one joiner between two word
    characters; no two silent-e matches can overlap (each ends a word). Three regex counts per
    text took 1.45 CPU s on the first 3,000 ABP bodies and titles, positions of each start
    looked up (searchsorted) 0.27 s on the bodies; one class lookup per character and +1/-1
    marks summed per text (np.add.reduceat) 0.09 s (same counts). ``codes``: the texts'
    :func:`block_codes`, when the caller has them.

    >>> word_and_syllable_counts(["Rock-'n'-roll isn't dead, they'd state.", ""])
    (array([7., 0.]), array([6., 0.]))
    """
    words, syllables = np.zeros(len(texts)), np.zeros(len(texts))
    for i, (first, end) in enumerate(text_blocks(texts)):
        block = texts[first:end]
        # spaces at both ends of joined(): no neighbour wraps around
        cls = _count_classes()[codes[i] if codes is not None else code_points(joined(block))]
        word, vowel = (cls & 1).view(bool), (cls & 4) != 0
        # +1 where a word (a vowel group) starts, -1 at a joiner inside a word (a silent e),
        # at the position of the match's first character or of the joiner, the e's - 3
        mark = np.zeros(len(cls), dtype=np.int8)
        mark[1:] = word[1:] & ~word[:-1]
        mark[1:-1] -= ((cls[1:-1] & 2) != 0) & word[:-2] & word[2:]
        starts = text_starts(block)
        words[first:end] = np.add.reduceat(mark, starts, dtype=np.int64)
        mark[1:] = vowel[1:] & ~vowel[:-1]
        silent_e = ((cls[3:-1] & 16) != 0) & ~word[4:] & word[1:-3] & word[:-4]
        silent_e &= (cls[2:-2] & 9) == 1  # a word character, not [aeiouylAEIOUYL]
        mark[3:-1] -= silent_e
        syllables[first:end] = np.add.reduceat(mark, starts, dtype=np.int64)
    return words, syllables


def _readability(syllables: np.ndarray, n_words: np.ndarray, n_sent: np.ndarray) -> np.ndarray:
    words_per_sentence = _share(n_words, np.maximum(n_sent, 1))
    flesch = 206.835 - 1.015 * words_per_sentence - 84.6 * _share(syllables, n_words)
    return np.where(n_words > 0, flesch, np.nan)


@dataclass(frozen=True)
class SpanColumns:
    """Evidence spans as columns: the text (doc), offsets in it, and the feature's name."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    feature: np.ndarray  # object array of feature names

    @classmethod
    def of(cls, spans: pd.DataFrame | QuoteArrays, feature: str) -> SpanColumns:
        """The spans of a (doc, start, end) frame or of quotes, all behind ``feature``."""
        cols = [np.asarray(getattr(spans, c) if isinstance(spans, QuoteArrays) else spans[c])
                for c in ("doc", "start", "end")]  # fmt: skip
        return cls(*(c.astype(np.int64) for c in cols), np.full(len(cols[0]), feature, object))

    @classmethod
    def concat(cls, parts: Sequence[SpanColumns]) -> SpanColumns:
        return cls(*(np.concatenate([getattr(p, c) for p in parts]) for c in _SPAN_FIELDS))

    def take(self, rows: np.ndarray) -> SpanColumns:
        return SpanColumns(*(getattr(self, c)[rows] for c in _SPAN_FIELDS))

    def cut(self, n: int) -> tuple[SpanColumns, SpanColumns]:
        """The spans of texts before ``n`` and those of the rest (their doc less ``n``), each
        in this order."""
        after = self.take(np.flatnonzero(self.doc >= n))
        return self.take(np.flatnonzero(self.doc < n)), replace(after, doc=after.doc - n)


_SPAN_FIELDS = ("doc", "start", "end", "feature")


def _evidence(
    hits: HitArrays,
    quotes: QuoteArrays,
    scare: np.ndarray,
    strong: pd.DataFrame,
    phrases: dict[str, pd.DataFrame],
) -> SpanColumns:
    """Evidence spans: list hits, quotes, scare quotes, strong sentences, phrases (that order)."""
    feature_of_list = np.array([LIST_FEATURE.get(name) for name in hits.names], dtype=object)
    listed = np.flatnonzero(hits.of_lists(tuple(LIST_FEATURE)))
    parts = [
        SpanColumns(
            hits.doc[listed],
            hits.start[listed],
            hits.end[listed],
            feature_of_list[hits.code[listed]],
        ),
        SpanColumns.of(quotes, "f_n_quotes"),
        SpanColumns.of(quotes, "f_scare_quotes").take(scare),
        SpanColumns.of(strong, "f_sentiment_strong"),
        *(SpanColumns.of(spans, name) for name, spans in phrases.items()),
    ]
    return SpanColumns.concat(parts)


@dataclass(frozen=True)
class TextSentences:
    """The sentences of many texts (:func:`~.scan.sentence_bounds`: doc, start, end, in doc
    order), each sentence's text and its VADER compound (:func:`sentiment_of`)."""

    doc: np.ndarray
    start: np.ndarray
    end: np.ndarray
    texts: list[str]
    compound: np.ndarray

    @classmethod
    def of(cls, raw: list[str], *, memo: bool = True) -> TextSentences:
        """Split ``raw`` into sentences and score each: through :func:`sentiment_of` (each
        distinct sentence once, recent ones from its memo), or with ``memo=False`` every
        sentence as it comes (:func:`vader_compounds`; the same compounds).

        ``memo=False`` is for texts whose sentences hardly repeat and whose compounds travel
        on with them (the pipeline's bodies, :func:`~.articles.article_scores_detail`): the
        first 5,000 ABP bodies give 158,403 sentences, 156,253 distinct in their jobs, 706 of
        those seen in an earlier job; factorizing them and keeping them in the memo took
        ~0.2 CPU s of ~4.5, scoring the repeats again ~0.02 s."""
        doc, start, end = sentence_bounds(raw)
        texts = _slices(raw, doc, start, end)
        compound = sentiment_of(texts) if memo else vader_compounds(texts)
        return cls(doc, start, end, texts, compound)

    def followed_by(self, other: TextSentences, n: int) -> TextSentences:
        """These sentences of ``n`` texts, then ``other``'s, of the texts after them."""
        return TextSentences(
            np.concatenate([self.doc, other.doc + n]),
            np.concatenate([self.start, other.start]),
            np.concatenate([self.end, other.end]),
            self.texts + other.texts,
            np.concatenate([self.compound, other.compound]),
        )


def text_detail(
    raw: list[str], lexicons: LexiconsArg = None, sentences: TextSentences | None = None
) -> tuple[pd.DataFrame, SpanColumns]:
    """Features of each text (columns of ``FEATURES``, a RangeIndex) and the spans behind them,
    in the order of :func:`_evidence` (unsorted). ``sentences`` is ``TextSentences.of(raw)``
    when the caller has it already."""
    features, spans = _text_scores(raw, lexicons, sentences, evidence=True)
    assert spans is not None
    return features, spans


def text_features(raw: list[str], lexicons: LexiconsArg = None) -> pd.DataFrame:
    """The features of :func:`text_detail` alone, without the steps that only its spans need
    (link framing's added, dropped and cited text: the spans were made and dropped)."""
    return _text_scores(raw, lexicons, None, evidence=False)[0]


def _text_scores(
    raw: list[str], lexicons: LexiconsArg, sentences: TextSentences | None, evidence: bool
) -> tuple[pd.DataFrame, SpanColumns | None]:
    """:func:`text_detail`, the spans only with ``evidence``."""
    n = len(raw)
    codes = block_codes(raw)
    n_words, syllables = word_and_syllable_counts(raw, codes)
    scanner = scanner_for(lexicons)
    scanned, counts = scanner.scan_arrays(raw, codes)
    del codes
    hits = scanned.arrays()
    col = dict(zip(scanner.names, counts.toarray().T.astype(float), strict=True))

    split = sentences if sentences is not None else TextSentences.of(raw)
    sdoc, compound = split.doc, split.compound
    sents = pd.DataFrame({"doc": sdoc, "start": split.start, "end": split.end})
    rare_sel = (
        hits.of_lists((RARE_VALENCED_LIST,)),
        lower_case_hits(hits, (RARE_WORDS_LIST,), raw),
    )
    narration, (rare, uncommon) = narration_counts(sents, hits, n, rare_sel)
    hits = hits_without(hits, (RARE_WORDS_LIST,))  # counted: no later step reads them
    n_sent = _bincount(sdoc, n)
    final = final_marks(split.texts)

    quotes = QuoteArrays.of(raw)
    qdoc, qwords = quotes.doc, quotes.n_words.astype(float)
    scare = qwords <= SCARE_QUOTE_MAX_WORDS
    q_marks = [t.count("?") for t in quotes.text]
    q_marks_in_quotes = _bincount(qdoc, n, np.array(q_marks, dtype=float))
    phrases, widened = _phrase_features(
        hits,
        raw,
        sents,
        unquoted_sentences(sents[final == "?"], quotes),
        unquoted_sentences(sents[final == "!"], quotes),
        quotes.spans(scare),
        evidence,
    )
    marks = {m: np.array([t.count(m) for t in raw], dtype=float) for m in "!?"}
    strong = np.abs(compound) >= STRONG_SENTENCE
    f: dict[str, np.ndarray] = {
        "f_n_words": n_words,
        "f_n_sentences": n_sent,
        "f_flesch": _readability(syllables, n_words, n_sent),
        "f_quote_share": np.minimum(_share(_bincount(qdoc, n, qwords), n_words), 1.0),
        "f_n_quotes": _bincount(qdoc, n),
        "f_speakers": np.full(n, np.nan),
        "f_top_speaker_share": np.full(n, np.nan),
        "f_official_share": np.full(n, np.nan),
        **{feature: _rate(col[name], n_words) for name, feature in LIST_FEATURE.items()},
        "f_sentiment": _share(_bincount(sdoc, n, compound), n_sent),
        "f_sentiment_strong": _share(_bincount(sdoc, n, strong.astype(float)), n_sent),
        "f_subjectivity": _share(col["vader_any"], n_words),
        "f_scare_quotes": _rate(_bincount(qdoc[scare], n), n_words),
        "f_exclamations": _rate(marks["!"], n_words),
        "f_questions": _rate(marks["?"] - q_marks_in_quotes, n_words),
        **{
            name: _rate(_bincount(spans["doc"].to_numpy(dtype=np.int64), n), n_words)
            for name, spans in phrases.items()
        },
    }
    distinct = first_mentions(phrases["f_loaded_language"], raw)  # evidence keeps repeats
    loaded = _bincount(distinct["doc"].to_numpy(dtype=np.int64), n)
    f["f_bias_cues"] = bias_cue_score({**f, "f_loaded_language": _rate(loaded, n_words)})
    weighted = loaded + graded_count(col, narration, rare, uncommon)  # techniques
    f["f_loaded_language"] = damped_rate(weighted, n_words)  # techniques.LOADED_PRIOR_WORDS
    features = pd.DataFrame(f)[[k for k in FEATURES if k in f]]
    if widened is None:
        return features, None
    # Evidence shows each loaded phrase with the noun phrase it modifies; counts (above) and
    # repeats are of the phrases as matched (techniques.noun_phrases).
    phrases["f_loaded_language"] = widened
    return features, _evidence(hits, quotes, scare, sents[strong], phrases)


def score_detail(
    texts: pd.Series, *, lexicons: LexiconsArg = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Features of each text and the spans behind them.

    Returns ``(features, evidence)``: ``features`` as :func:`score_texts`; ``evidence`` with
    columns doc (position in ``texts``), start, end (offsets in the text), feature, by doc,
    feature and start.
    """
    if not isinstance(texts, pd.Series):
        raise TypeError("texts must be a pandas Series of strings")
    raw = [str(t) for t in texts.fillna("").astype(object)]
    features, spans = text_detail(raw, lexicons)
    features.index = texts.index
    rank = pd.factorize(spans.feature, sort=True)[0]
    order = np.lexsort((spans.start, rank, spans.doc))
    evidence = pd.DataFrame({c: getattr(spans, c)[order] for c in _SPAN_FIELDS})
    return features, evidence


def score_texts(texts: pd.Series, *, lexicons: LexiconsArg = None) -> pd.DataFrame:
    """Framing features (``f_*`` columns, see ``FEATURES``) of each text, same index.

    Speaker features (f_speakers, f_top_speaker_share, f_official_share) need a quotes table and
    are NaN here; :func:`score_articles` fills them.

    >>> score_texts(pd.Series(['They "might" win.']))["f_hedges_per_1k"].round(1).tolist()
    [333.3]
    """
    return score_detail(texts, lexicons=lexicons)[0]
