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
from functools import lru_cache

import numpy as np
import pandas as pd

from provenance.text import WORD_PATTERN, sentence_spans

from .lexicons import FRAMES, VERB_CLASSES, LexiconsArg, lexicon_key, load_lexicons
from .quotes import quote_spans
from .scan import Scanner, cached_scanner
from .sentiment import analyzer, vader_compounds

PER_1K = "per 1,000 words"
STRONG_SENTENCE = 0.5  # |VADER compound| at or above which a sentence counts as strongly valenced
SCARE_QUOTE_MAX_WORDS = 3

# Lists whose hits make up the loaded-language score; a word matched by two of them counts once.
LOADED_LANGUAGE_LISTS = (
    "loaded",
    "intensifiers",
    "superlatives",
    "verbs_loaded",
    "so_called",
    "editorializing",
    "evaluative_modifiers",
)

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
    "f_loaded_language": "loaded-language score: words matched by any of the "
    + ", ".join(LOADED_LANGUAGE_LISTS)
    + f" lists (each word once), plus scare quotes, {PER_1K}",
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

_VOWEL_GROUP = r"[aeiouyAEIOUY]+"
_SILENT_E = r"\w\w[^aeiouylAEIOUYL\W]e\b"


_vader = analyzer  # one SentimentIntensityAnalyzer per process (sentiment.analyzer)


@lru_cache(maxsize=1)
def _vader_words() -> tuple[str, ...]:
    """The plain words of VADER's lexicon (words carrying any valence)."""
    word = re.compile(r"[a-z][a-z'\-]*")
    return tuple(w for w in _vader().lexicon if word.fullmatch(w))


def scanner_for(lexicons: LexiconsArg = None) -> Scanner:
    """The compiled scanner for the resolved lexicons plus VADER's word list (``vader_any``)."""
    lists = load_lexicons(lexicons)
    return cached_scanner((*lexicon_key(lists), ("vader_any", _vader_words())))


def loaded_language_hits(hits: pd.DataFrame, n: int) -> np.ndarray:
    """Per document, the distinct spans matched by any LOADED_LANGUAGE_LISTS list.

    ``hits`` is a :meth:`Scanner.scan` hits table over ``n`` documents.
    """
    spans = hits.loc[hits["list"].isin(LOADED_LANGUAGE_LISTS), ["doc", "start", "end"]]
    spans = spans.drop_duplicates()
    return _bincount(spans["doc"].to_numpy(dtype=np.int64), n)


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

    def get(self, sentence: str) -> float:
        return self._scores.get(sentence, np.nan)

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
    scores = np.fromiter((_COMPOUNDS.get(s) for s in uniques), dtype=float, count=len(uniques))
    todo = np.flatnonzero(np.isnan(scores))
    scores[todo] = vader_compounds(uniques[todo].tolist())  # vaderSentiment's, bit for bit
    _COMPOUNDS.add(uniques[todo].tolist(), scores[todo].tolist())
    return scores[codes]


def _rate(count: np.ndarray, n_words: np.ndarray) -> np.ndarray:
    return np.divide(1000.0 * count, n_words, out=np.zeros(len(count)), where=n_words > 0)


def _share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return np.divide(part, whole, out=np.zeros(len(part)), where=whole > 0)


def _bincount(idx: np.ndarray, n: int, weights: np.ndarray | None = None) -> np.ndarray:
    return np.bincount(idx, weights=weights, minlength=n).astype(float)[:n]


def _sentences(texts: list[str]) -> pd.DataFrame:
    rows = [(i, s, e) for i, t in enumerate(texts) for s, e in sentence_spans(t)]
    df = pd.DataFrame(rows, columns=["doc", "start", "end"]).astype("int64")
    df["text"] = [texts[i][s:e] for i, s, e in rows]
    return df


def _quotes(texts: list[str]) -> pd.DataFrame:
    rows = [
        (i, q.start, q.end, q.text, q.n_words) for i, t in enumerate(texts) for q in quote_spans(t)
    ]
    return pd.DataFrame(rows, columns=["doc", "start", "end", "text", "n_words"])


def score_detail(
    texts: pd.Series, *, lexicons: LexiconsArg = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Features of each text and the spans behind them.

    Returns ``(features, evidence)``: ``features`` as :func:`score_texts`; ``evidence`` with
    columns doc (position in ``texts``), feature, start, end (offsets in the text).
    """
    if not isinstance(texts, pd.Series):
        raise TypeError("texts must be a pandas Series of strings")
    raw = [str(t) for t in texts.fillna("").astype(object)]
    n = len(raw)
    ser = pd.Series(raw, dtype=object)
    n_words = ser.str.count(WORD_PATTERN).to_numpy(dtype=float)

    scanner = scanner_for(lexicons)
    hits, counts = scanner.scan(raw)
    col = {
        name: np.asarray(counts[:, j].todense()).ravel().astype(float)
        for j, name in enumerate(scanner.names)
    }

    sents = _sentences(raw)
    sents["compound"] = sentiment_of(sents["text"].tolist())
    sdoc = sents["doc"].to_numpy()
    n_sent = _bincount(sdoc, n)
    compound = sents["compound"].to_numpy()

    quotes = _quotes(raw)
    qdoc = quotes["doc"].to_numpy(dtype=np.int64)
    qwords = quotes["n_words"].to_numpy(dtype=float)
    scare = qwords <= SCARE_QUOTE_MAX_WORDS
    q_marks_in_quotes = _bincount(qdoc, n, quotes["text"].str.count(r"\?").to_numpy(dtype=float))

    syllables = (ser.str.count(_VOWEL_GROUP) - ser.str.count(_SILENT_E)).to_numpy(dtype=float)
    words_per_sentence = _share(n_words, np.maximum(n_sent, 1))
    flesch = 206.835 - 1.015 * words_per_sentence - 84.6 * _share(syllables, n_words)

    f: dict[str, np.ndarray] = {
        "f_n_words": n_words,
        "f_n_sentences": n_sent,
        "f_flesch": np.where(n_words > 0, flesch, np.nan),
        "f_quote_share": np.minimum(_share(_bincount(qdoc, n, qwords), n_words), 1.0),
        "f_n_quotes": _bincount(qdoc, n),
        "f_speakers": np.full(n, np.nan),
        "f_top_speaker_share": np.full(n, np.nan),
        "f_official_share": np.full(n, np.nan),
        "f_anonymous_per_1k": _rate(col["anonymous"], n_words),
        **{f"f_verb_{c}": _rate(col[f"verbs_{c}"], n_words) for c in VERB_CLASSES},
        "f_hedges_per_1k": _rate(col["hedges"], n_words),
        "f_boosters_per_1k": _rate(col["boosters"], n_words),
        "f_factives_per_1k": _rate(col["factives"], n_words),
        "f_sentiment": _share(_bincount(sdoc, n, compound), n_sent),
        "f_sentiment_strong": _share(
            _bincount(sdoc, n, (np.abs(compound) >= STRONG_SENTENCE).astype(float)), n_sent
        ),
        "f_subjectivity": _share(col["vader_any"], n_words),
        "f_loaded": _rate(col["loaded"], n_words),
        "f_intensifiers": _rate(col["intensifiers"], n_words),
        "f_superlatives": _rate(col["superlatives"], n_words),
        "f_so_called": _rate(col["so_called"], n_words),
        "f_editorializing": _rate(col["editorializing"], n_words),
        "f_evaluative_modifiers": _rate(col["evaluative_modifiers"], n_words),
        "f_scare_quotes": _rate(_bincount(qdoc[scare], n), n_words),
        "f_exclamations": _rate(ser.str.count("!").to_numpy(dtype=float), n_words),
        "f_questions": _rate(
            ser.str.count(r"\?").to_numpy(dtype=float) - q_marks_in_quotes, n_words
        ),
        "f_loaded_language": _rate(
            loaded_language_hits(hits, n) + _bincount(qdoc[scare], n), n_words
        ),
        **{f"f_frame_{fr}": _rate(col[f"frame_{fr}"], n_words) for fr in FRAMES},
    }
    features = pd.DataFrame(f, index=texts.index)[[k for k in FEATURES if k in f]]

    ev = hits[hits["list"].isin(list(LIST_FEATURE))]
    evidence = [
        pd.DataFrame(
            {
                "doc": ev["doc"].to_numpy(),
                "start": ev["start"].to_numpy(),
                "end": ev["end"].to_numpy(),
                "feature": ev["list"].astype(str).map(LIST_FEATURE).to_numpy(),
            }
        )
    ]
    for feature, rows in (("f_n_quotes", quotes), ("f_scare_quotes", quotes[scare])):
        evidence.append(rows[["doc", "start", "end"]].assign(feature=feature))
    strong = sents[np.abs(compound) >= STRONG_SENTENCE]
    evidence.append(strong[["doc", "start", "end"]].assign(feature="f_sentiment_strong"))
    evidence = pd.concat(evidence, ignore_index=True).astype(
        {"doc": "int64", "start": "int64", "end": "int64"}
    )
    evidence = evidence.sort_values(["doc", "feature", "start"], kind="stable", ignore_index=True)
    return features, evidence


def score_texts(texts: pd.Series, *, lexicons: LexiconsArg = None) -> pd.DataFrame:
    """Framing features (``f_*`` columns, see ``FEATURES``) of each text, same index.

    Speaker features (f_speakers, f_top_speaker_share, f_official_share) need a quotes table and
    are NaN here; :func:`score_articles` fills them.

    >>> score_texts(pd.Series(['They "might" win.']))["f_hedges_per_1k"].round(1).tolist()
    [333.3]
    """
    return score_detail(texts, lexicons=lexicons)[0]
