"""VADER compound scores of many sentences at once, equal to vaderSentiment's to the last bit.

vaderSentiment (Hutto & Gilbert 2014) scores one sentence per Python call and re-lowercases the
whole sentence for every lexicon word it meets: on 3,000 real ABP articles it was 80% of
``score_articles`` (cProfile). :func:`vader_compounds` applies the same rules (vaderSentiment
3.3.2's ``polarity_scores``) to every token of a batch of sentences with numpy:

- tokens are ``str.split()`` of each sentence (arrow's whitespace split), with each distinct
  token's properties (punctuation stripped as SentiText does, lexicon valence, booster value,
  ALL CAPS, negation word) looked up once per batch, using vaderSentiment's own tables;
- every rule of ``sentiment_valence`` ("no", ALL CAPS, boosters at distance 1-3, negation,
  "never so/this", "without doubt", special-case idioms, multi-word dampeners, "least") is one
  masked array operation over the lexicon tokens, in the library's order of float operations;
- ``_but_check`` (which finds each value's *first equal* value in the list, a quirk kept here)
  runs on the few nonzero values of the sentences that hold "but";
- the sum is in token order (``sum`` adds left to right before Python 3.12, compensated from
  3.12 on: both are reproduced), then punctuation emphasis, normalisation and ``round(x, 4)``.

Sentences holding an emoji (which VADER replaces by its description) or a \x01 character are
scored by vaderSentiment itself. ``benchmarks/check_vader.py`` compares the two on real
sentences; ``tests/test_sentiment.py`` on sentences made to hit every rule.

>>> vader_compounds(["The book was good.", "The book was not good!!", "A table."]).tolist()
[0.4404, -0.457, 0.0]
"""

from __future__ import annotations

import string
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from vaderSentiment import vaderSentiment as vs

from .scan import space_chars

# Sentences scored together. The 91,484 distinct body sentences of the first 3,000 ABP articles:
# 50,000 a batch peaked 280 MB above the start (1.41 CPU s), 10,000 a batch 68 MB (1.20-1.32 s).
BATCH_SENTENCES = 10_000
_SEP = "\x01"  # not whitespace; "\x00" would not do (numpy strips trailing NULs)
_KEYWORDS = "no or nor least at very never so this without doubt but kind of".split() + sorted(
    {w for phrase in (*vs.SPECIAL_CASES, *vs.BOOSTER_DICT) for w in phrase.split()}
)
_KW = {word: code for code, word in enumerate(dict.fromkeys(_KEYWORDS))}  # -1: any other token


@lru_cache(maxsize=1)
def analyzer() -> vs.SentimentIntensityAnalyzer:
    """vaderSentiment's analyzer (its lexicon, emoji table and the reference scorer)."""
    return vs.SentimentIntensityAnalyzer()


_EMOJI, _ODD_SPACE, _BANG, _QUESTION, _SEP_BIT = 1, 2, 4, 8, 16  # bits of _char_table


@lru_cache(maxsize=1)
def _char_table() -> np.ndarray:
    """Per code point, _EMOJI where vaderSentiment replaces the character by a description,
    _ODD_SPACE where ``str.split()`` splits but arrow's ASCII whitespace split does not, and
    _BANG, _QUESTION, _SEP_BIT for "!", "?" and _SEP."""
    table = np.zeros(sys.maxunicode + 1, dtype=np.uint8)
    table[[ord(e) for e in analyzer().emojis if len(e) == 1]] |= _EMOJI
    table[space_chars()] |= _ODD_SPACE
    table[[ord(c) for c in " \t\n\v\f\r"]] &= ~np.uint8(_ODD_SPACE)
    for char, bit in (("!", _BANG), ("?", _QUESTION), (_SEP, _SEP_BIT)):
        table[ord(char)] |= bit
    return table


def _marks_per_sentence(chars: np.ndarray, n: int) -> dict[int, np.ndarray]:
    """Per bit of :func:`_char_table` but _SEP_BIT, how many characters holding it each of the
    ``n`` sentences joined by " _SEP " (``chars``: their code points) has.

    One lookup and one pass over the characters: the separators, odd spaces, "!", "?" and
    emoji were found in a pass each (~1.3M characters a batch of 10,000 ABP sentences)."""
    classes = _char_table()[chars]
    marked = np.flatnonzero(classes)
    kind = classes[marked]
    # The sentence of a character is the number of separators before it.
    sentence = np.searchsorted(marked[(kind & _SEP_BIT) != 0], marked, side="right")
    return {
        bit: np.bincount(sentence[(kind & bit) != 0], minlength=n)
        for bit in (_EMOJI, _ODD_SPACE, _BANG, _QUESTION)
    }


@lru_cache(maxsize=1)
def _plain_spaces() -> dict[int, str]:
    """The ``str.translate`` table that turns every whitespace character into " "."""
    return str.maketrans(dict.fromkeys(map(chr, np.flatnonzero(space_chars()).tolist()), " "))


@dataclass
class Tokens:
    """Every token of a batch of sentences (SEP tokens removed), as arrays in reading order."""

    sentence: np.ndarray  # sentence of each token (position in the batch)
    position: np.ndarray  # index of the token in its sentence
    length: np.ndarray  # tokens of the token's sentence
    valence: np.ndarray  # VADER lexicon valence of the lower-cased token, NaN when absent
    booster: np.ndarray  # BOOSTER_DICT value, NaN when absent
    upper: np.ndarray  # str.isupper() of the token (after SentiText's punctuation strip)
    negation: np.ndarray  # vaderSentiment.negated([token])
    keyword: np.ndarray  # code of the lower-cased token in _KW, -1 for any other


_NEGATE = frozenset(vs.NEGATE)
_NEGATE_KEYS = pa.array(sorted(_NEGATE), pa.large_string())


def _negated(word: str) -> bool:
    """vaderSentiment.negated([word]) (which scans the NEGATE list: 2 µs a token)."""
    word = word.lower()
    return word in _NEGATE or "n't" in word


def _python_properties(distinct: Sequence[str]) -> dict[str, np.ndarray]:
    """Per distinct raw token, the properties of ``Tokens`` as vaderSentiment works them out."""
    lexicon = analyzer().lexicon
    words = [vs.SentiText._strip_punc_if_word(t) for t in distinct]
    lower = [w.lower() for w in words]
    return {
        "valence": np.array([lexicon.get(w, np.nan) for w in lower], dtype=float),
        "booster": np.array([vs.BOOSTER_DICT.get(w, np.nan) for w in lower], dtype=float),
        "upper": np.array([w.isupper() for w in words], dtype=bool),
        "negation": np.array([_negated(w) for w in lower], dtype=bool),
        "keyword": np.array([_KW.get(w, -1) for w in lower], dtype=np.int64),
    }


@lru_cache(maxsize=1)
def _lookups() -> dict[str, tuple[pa.Array, np.ndarray]]:
    """Per property looked up by the lower-cased word: the table's keys, and its values with
    the value of a word that is absent last."""
    tables = {"valence": analyzer().lexicon, "booster": vs.BOOSTER_DICT, "keyword": _KW}
    absent = {"valence": np.nan, "booster": np.nan, "keyword": -1}
    return {
        name: (pa.array(list(table), pa.large_string()), np.array([*table.values(), absent[name]]))
        for name, table in tables.items()
    }


def _token_properties(distinct: pa.Array) -> dict[str, np.ndarray]:
    """Per distinct raw token (a large_string array), the properties of ``Tokens``: those of
    ASCII tokens by arrow (SentiText's punctuation strip is ``str.strip(string.punctuation)``,
    and arrow's ASCII lower case and upper-case test are Python's on ASCII), the others by
    :func:`_python_properties`.

    First 3,000 ABP articles, 10,000 distinct sentences a batch (~23,000 distinct tokens): 14.8
    ms a batch in Python, ~2 ms so (the same compounds, benchmarks/check_vader.py).
    """
    stripped = pc.utf8_trim(distinct, characters=string.punctuation)
    word = pc.if_else(pc.less_equal(pc.utf8_length(stripped), 2), distinct, stripped)
    lower = pc.ascii_lower(word)
    props = {
        name: values[pc.fill_null(pc.index_in(lower, value_set=keys), -1).to_numpy()]
        for name, (keys, values) in _lookups().items()
    }
    props["upper"] = pc.ascii_is_upper(word).to_numpy(zero_copy_only=False)
    negation = pc.or_(pc.is_in(lower, value_set=_NEGATE_KEYS), pc.match_substring(lower, "n't"))
    props["negation"] = negation.to_numpy(zero_copy_only=False)
    props["keyword"] = props["keyword"].astype(np.int64)
    other = np.flatnonzero(~pc.string_is_ascii(distinct).to_numpy(zero_copy_only=False))
    if len(other):
        for name, values in _python_properties(distinct.take(other).to_pylist()).items():
            props[name][other] = values
    return props


def _split_tokens(
    sentences: Sequence[str], ascii_spaces: bool = False
) -> tuple[np.ndarray, np.ndarray, pa.Array]:
    """(sentence of each token, its code in ``distinct``, ``distinct``): the tokens of
    ``str.split()`` of each sentence, in reading order. ``ascii_spaces``: the sentences hold
    no whitespace but " \\t\\n\\v\\f\\r" (no _ODD_SPACE character).

    Arrow's ``utf8_split_whitespace`` splits where ``str.split()`` does (the same answer for every
    code point between two letters: tests/test_sentiment.py) but leaves empty tokens at a
    sentence's ends, dropped here. On the 91,485 distinct body sentences of the first 3,000 ABP
    articles, split + factorize of Python strings took 0.66-0.79 CPU s, this 0.29-0.35 s
    (3,255,363 tokens, the same). Its ASCII split, where it splits as ``str.split()`` does,
    took 8.8 ms a batch of 10,000 of those sentences against 13.9 ms.
    """
    split = pc.ascii_split_whitespace if ascii_spaces else pc.utf8_split_whitespace
    lists = split(pa.array(sentences, pa.large_string()))
    tokens = pc.list_flatten(lists)
    solid = pc.greater(pc.binary_length(tokens), 0)
    sentence = pc.list_parent_indices(lists).to_numpy()[solid.to_numpy(zero_copy_only=False)]
    encoded = pc.dictionary_encode(tokens.filter(solid))
    codes = encoded.indices.to_numpy().astype(np.int64)
    return sentence.astype(np.int64), codes, encoded.dictionary


def tokenize(sentences: Sequence[str], odd_spaces: np.ndarray | None = None) -> Tokens:
    """The tokens of ``sentences`` (none of which may hold _SEP) as SentiText splits them.

    ``odd_spaces``, when known, lists the sentences that hold an _ODD_SPACE character: their
    odd spaces are made plain (the same tokens) and every sentence is split by arrow's ASCII
    whitespace split (see :func:`_split_tokens`)."""
    if odd_spaces is not None and len(odd_spaces):
        sentences = list(sentences)
        for i in odd_spaces.tolist():
            sentences[i] = sentences[i].translate(_plain_spaces())
    sentence, codes, distinct = _split_tokens(sentences, ascii_spaces=odd_spaces is not None)
    length = np.bincount(sentence, minlength=len(sentences))
    starts = np.cumsum(length) - length
    props = {name: values[codes] for name, values in _token_properties(distinct).items()}
    return Tokens(
        sentence=sentence,
        position=np.arange(len(sentence)) - starts[sentence],
        length=length[sentence],
        **props,
    )


def _is(tok: Tokens, at: np.ndarray, *words: str) -> np.ndarray:
    """Whether the lower-cased token at each flat index ``at`` is one of ``words``."""
    keyword = tok.keyword[at]
    hit = keyword == _KW[words[0]]
    for word in words[1:]:
        hit |= keyword == _KW[word]
    return hit


_NGRAM_TABLES = {"special": vs.SPECIAL_CASES, "booster": vs.BOOSTER_DICT}


@lru_cache(maxsize=8)
def _ngrams(table: str, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``n``-word phrases of ``_NGRAM_TABLES[table]`` (words of _KW only) as sorted codes
    of their words' keyword codes (:func:`_ngram_codes`), and their values (a later phrase of
    the same words wins, as it did when each phrase was matched in turn)."""
    found: dict[int, float] = {}
    for phrase, score in _NGRAM_TABLES[table].items():
        words = phrase.split()
        if len(words) == n and all(w in _KW for w in words):
            found[_ngram_codes([np.array([_KW[w]]) for w in words])[0]] = score
    codes = np.array(sorted(found), dtype=np.int64)
    return codes, np.array([found[c] for c in codes.tolist()], dtype=float)


def _ngram_codes(keywords: Sequence[np.ndarray]) -> np.ndarray:
    """One int64 per row for the keyword codes of its words (-1, any other word, never equals
    a phrase's code)."""
    code = np.zeros(len(keywords[0]), dtype=np.int64)
    for keyword in keywords:
        code = code * (len(_KW) + 1) + (keyword + 1)
    return code


def _ngram_value(tok: Tokens, at: np.ndarray, offsets: tuple[int, ...], table: str) -> np.ndarray:
    """``_NGRAM_TABLES[table]``'s value of the words at ``at + offsets`` joined by spaces, NaN
    when absent: one sorted lookup of the words' codes, not a pass per phrase (the rules of a
    batch of 10,000 ABP sentences: 22 -> 1x ms)."""
    last = len(tok.keyword) - 1
    words = [tok.keyword[np.minimum(np.maximum(at + offset, 0), last)] for offset in offsets]
    codes, scores = _ngrams(table, len(offsets))
    value = np.full(len(at), np.nan)
    if not len(codes):
        return value
    found = _ngram_codes(words)
    where = np.minimum(np.searchsorted(codes, found), len(codes) - 1)
    hit = codes[where] == found
    value[hit] = scores[where[hit]]
    return value


def _booster_scalar(tok: Tokens, at: np.ndarray, valence: np.ndarray, caps: np.ndarray):
    """vaderSentiment.scalar_inc_dec of the tokens at ``at`` for the current valences."""
    boost = tok.booster[at]
    scalar = np.where(valence < 0, -boost, boost)
    shouting = tok.upper[at] & caps
    scalar = np.where(
        shouting, np.where(valence > 0, scalar + vs.C_INCR, scalar - vs.C_INCR), scalar
    )
    return np.where(np.isnan(boost), 0.0, scalar)


def _negation(tok: Tokens, t: np.ndarray, start_i: int, valence: np.ndarray) -> np.ndarray:
    """SentimentIntensityAnalyzer._negation_check for the word ``start_i + 1`` before ``t``."""
    back = [np.maximum(t - k, 0) for k in (0, 1, 2, 3)]
    negated = tok.negation[back[start_i + 1]]
    if start_i == 0:
        return np.where(negated, valence * vs.N_SCALAR, valence)
    if start_i == 1:
        never_so = _is(tok, back[2], "never") & _is(tok, back[1], "so", "this")
        without_doubt = _is(tok, back[2], "without") & _is(tok, back[1], "doubt")
    else:
        never_so = _is(tok, back[3], "never") & _is(tok, back[2], "so", "this")
        never_so |= _is(tok, back[1], "so", "this")
        without_doubt = _is(tok, back[3], "without") & (
            _is(tok, back[2], "doubt") | _is(tok, back[1], "doubt")
        )
    negated &= ~never_so & ~without_doubt
    valence = np.where(never_so, valence * 1.25, valence)
    return np.where(negated, valence * vs.N_SCALAR, valence)


def _special_idioms(tok: Tokens, t: np.ndarray, valence: np.ndarray) -> np.ndarray:
    """SentimentIntensityAnalyzer._special_idioms_check (tokens ``t`` have 3 words before)."""
    before = [(-1, 0), (-2, -1, 0), (-2, -1), (-3, -2, -1), (-3, -2)]  # the first found wins
    for offsets in reversed(before):
        value = _ngram_value(tok, t, offsets, "special")
        valence = np.where(np.isnan(value), valence, value)
    following = tok.length[t] - 1 - tok.position[t]
    for offsets, room in (((0, 1), 1), ((0, 1, 2), 2)):
        value = _ngram_value(tok, t, offsets, "special")
        valence = np.where((following >= room) & ~np.isnan(value), value, valence)
    for offsets in ((-3, -2, -1), (-3, -2), (-2, -1)):
        value = _ngram_value(tok, t, offsets, "booster")
        valence = np.where(np.isnan(value), valence, valence + value)
    return valence


def _least(tok: Tokens, t: np.ndarray, valence: np.ndarray) -> np.ndarray:
    """SentimentIntensityAnalyzer._least_check."""
    pos = tok.position[t]
    prev, prev2 = np.maximum(t - 1, 0), np.maximum(t - 2, 0)
    least = np.isnan(tok.valence[prev]) & _is(tok, prev, "least")
    far = (pos > 1) & least
    flip = (far & ~_is(tok, prev2, "at", "very")) | (~far & (pos > 0) & least)
    return np.where(flip, valence * vs.N_SCALAR, valence)


def scored_tokens(tok: Tokens) -> np.ndarray:
    """Flat indices of the tokens whose valence can be nonzero: lexicon words that are neither
    boosters nor the "kind" of "kind of" (every other token's sentiment is 0)."""
    n = len(tok.sentence)
    following = np.minimum(np.arange(n) + 1, max(n - 1, 0))
    kind_of = (tok.position < tok.length - 1) & (tok.keyword == _KW["kind"])
    kind_of &= tok.keyword[following] == _KW["of"]
    return np.flatnonzero(~np.isnan(tok.valence) & np.isnan(tok.booster) & ~kind_of)


def token_valences(tok: Tokens, t: np.ndarray, cap_differential: np.ndarray) -> np.ndarray:
    """SentimentIntensityAnalyzer.sentiment_valence of the tokens ``t`` (see scored_tokens)."""
    pos = tok.position[t]
    back = [np.maximum(t - k, 0) for k in (0, 1, 2, 3)]
    following = np.minimum(t + 1, len(tok.sentence) - 1)
    in_lexicon = ~np.isnan(tok.valence)
    base = tok.valence[t]
    no_next = _is(tok, t, "no") & (pos < tok.length[t] - 1) & in_lexicon[following]
    valence = np.where(no_next, 0.0, base)
    after_no = ((pos > 0) & _is(tok, back[1], "no")) | ((pos > 1) & _is(tok, back[2], "no"))
    after_no |= (pos > 2) & _is(tok, back[3], "no") & _is(tok, back[1], "or", "nor")
    valence = np.where(after_no, base * vs.N_SCALAR, valence)
    caps = cap_differential[tok.sentence[t]]
    shouting = tok.upper[t] & caps
    valence = np.where(
        shouting, np.where(valence > 0, valence + vs.C_INCR, valence - vs.C_INCR), valence
    )
    for start_i in range(3):
        before = back[start_i + 1]
        live = (pos > start_i) & ~in_lexicon[before]
        scalar = _booster_scalar(tok, before, valence, caps)
        if start_i:
            scalar = np.where(scalar != 0, scalar * (0.95, 0.9)[start_i - 1], scalar)
        valence = np.where(live, valence + scalar, valence)
        valence = np.where(live, _negation(tok, t, start_i, valence), valence)
        if start_i == 2:
            valence = np.where(live, _special_idioms(tok, t, valence), valence)
    return _least(tok, t, valence)


def _but_weighted(values: list[float], positions: list[int], but: int) -> list[float]:
    """SentimentIntensityAnalyzer._but_check on a sentence's nonzero sentiments (at
    ``positions``): each value's *first equal* value is halved before "but", x1.5 after."""
    current = list(values)
    for value in values:
        first = current.index(value)
        if positions[first] < but:
            current[first] = value * 0.5
        elif positions[first] > but:
            current[first] = value * 1.5
    return current


def _apply_but(tok: Tokens, t: np.ndarray, valence: np.ndarray, n: int) -> np.ndarray:
    """Valences of the tokens ``t`` after the "but" rule of their sentences."""
    is_but = tok.keyword == _KW["but"]
    first_but = np.full(n, -1)
    but_rows = np.flatnonzero(is_but)[::-1]  # reversed: the first "but" of a sentence wins
    first_but[tok.sentence[but_rows]] = tok.position[but_rows]
    sentence = tok.sentence[t]
    affected = np.flatnonzero((first_but[sentence] >= 0) & (valence != 0))
    if not len(affected):
        return valence
    valence = valence.copy()
    # Each sentence's run of rows read off Python lists: np.split made an array a sentence
    # (~8,000 a batch of 10,000 ABP sentences, ~1/4 of this function's CPU).
    cuts = (np.flatnonzero(np.diff(sentence[affected])) + 1).tolist()
    values = valence[affected].tolist()
    positions = tok.position[t[affected]].tolist()
    buts = first_but[sentence[affected]].tolist()
    weighted: list[float] = []
    for lo, hi in zip([0, *cuts], [*cuts, len(values)], strict=True):
        weighted += _but_weighted(values[lo:hi], positions[lo:hi], buts[lo])
    valence[affected] = weighted
    return valence


def ordered_sums(values: np.ndarray, group: np.ndarray, n: int) -> np.ndarray:
    """Per group, Python's ``sum`` of its ``values`` in their order (``group`` non-decreasing):
    left to right before Python 3.12, Neumaier-compensated from 3.12 on, as CPython does."""
    total, compensation = np.zeros(n), np.zeros(n)
    if not len(values):
        return total
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    rank = np.arange(len(values)) - np.repeat(starts, np.diff(np.r_[starts, len(values)]))
    order = np.argsort(rank, kind="stable")
    bounds = np.r_[0, np.cumsum(np.bincount(rank))]
    neumaier = sys.version_info >= (3, 12)
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        rows = order[a:b]
        g, x = group[rows], values[rows]
        before = total[g]
        after = before + x
        if neumaier:
            big = np.abs(before) >= np.abs(x)
            compensation[g] += np.where(big, (before - after) + x, (x - after) + before)
        total[g] = after
    return np.where(compensation != 0, total + compensation, total)


def _amplifier(exclamations: np.ndarray, questions: np.ndarray) -> np.ndarray:
    """SentimentIntensityAnalyzer._punctuation_emphasis from the counts of "!" and "?"."""
    ep = np.minimum(exclamations, 4) * 0.292
    qm = np.where(questions > 1, np.where(questions <= 3, questions * 0.18, 0.96), 0.0)
    return ep + qm


def _compounds_of_batch(batch: list[str]) -> np.ndarray:
    """VADER compounds of ``batch`` (sentences without _SEP); emoji sentences by the library."""
    n = len(batch)
    chars = np.frombuffer(f" {_SEP} ".join(batch).encode("utf-32-le"), dtype=np.uint32)
    marks = _marks_per_sentence(chars, n)
    tok = tokenize(batch, np.flatnonzero(marks[_ODD_SPACE]))
    shouted = np.bincount(tok.sentence, weights=tok.upper, minlength=n)
    plain = np.bincount(tok.sentence, minlength=n) - shouted
    cap_differential = (plain > 0) & (shouted > 0)
    t = scored_tokens(tok)
    valence = _apply_but(tok, t, token_valences(tok, t, cap_differential), n)
    total = ordered_sums(valence, tok.sentence[t], n)
    amplifier = _amplifier(marks[_BANG], marks[_QUESTION])
    total = np.where(total > 0, total + amplifier, np.where(total < 0, total - amplifier, total))
    compound = np.clip(total / np.sqrt(total * total + 15), -1.0, 1.0)
    nonzero = np.flatnonzero(compound)  # round(0.0, 4) is 0.0, round(-0.0, 4) is -0.0
    compound[nonzero] = rounded_4(compound[nonzero])
    for i in np.flatnonzero(marks[_EMOJI]):
        compound[i] = analyzer().polarity_scores(batch[i])["compound"]
    return compound


def rounded_4(values: np.ndarray) -> np.ndarray:
    """Python's ``round(v, 4)`` of each value in [-1, 1], exactly: the integer nearest to
    ``v * 1e4`` over 1e4 (both sides divide the same integer by 10^4, correctly rounded),
    where ``v * 1e4`` lies farther than 1e-9 from a half (its rounding error, below 1e-12 here,
    cannot cross one); Python's own ``round`` for the rest. A round call per sentence was ~1%
    of the framing stage (py-spy, first 5,000 ABP).

    >>> rounded_4(np.array([0.00005, 0.12345, -0.00001, 0.4404])).tolist()
    [0.0001, 0.1235, -0.0, 0.4404]
    """
    scaled = values * 1e4
    out = np.rint(scaled) / 1e4
    near = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-9)
    out[near] = [round(v, 4) for v in values[near].tolist()]
    return out


def vader_compounds(sentences: Sequence[str]) -> np.ndarray:
    """``SentimentIntensityAnalyzer().polarity_scores(s)["compound"]`` of every sentence, exactly,
    without a Python call per sentence (see the module docstring)."""
    sentences = [str(s) for s in sentences]
    out = np.zeros(len(sentences))
    for start in range(0, len(sentences), BATCH_SENTENCES):
        batch = sentences[start : start + BATCH_SENTENCES]
        # One test of the joined batch first: a sentence holding _SEP is rare, and picking
        # the rest by numpy indices took ~30 ms of ~1 s on the first 5,000 ABP bodies.
        with_sep = [i for i, s in enumerate(batch) if _SEP in s] if _SEP in "".join(batch) else []
        for i in with_sep:
            out[start + i] = analyzer().polarity_scores(batch[i])["compound"]
        if with_sep:
            rest = np.setdiff1d(np.arange(len(batch)), with_sep)
            out[start + rest] = _compounds_of_batch([batch[i] for i in rest.tolist()])
        else:
            out[start : start + len(batch)] = _compounds_of_batch(batch)
    return out
