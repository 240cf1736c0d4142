"""Find the cited or credited article in the corpus when the text names only its outlet.

"Orlov told the Capital Herald in an interview" names an outlet; when the Herald's interview is
in the corpus the link should point at that article. The candidates are the outlet's articles
published before the child within a window; the match is the one whose TF-IDF vector is closest
to the child's, above a floor and clearly ahead of the runner-up, so that an unrelated story of
the same outlet is not picked.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfTransformer

from provenance.text import code_points, joined, text_starts, word_chars

WINDOW_DAYS = 7.0
MIN_SIMILARITY = 0.12
MIN_MARGIN = 1.2  # the best candidate must beat the runner-up by this factor
MAX_CANDIDATES = 50  # per link, the nearest in time


def match_outlet_parents(
    links: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    window_days: float = WINDOW_DAYS,
    min_similarity: float = MIN_SIMILARITY,
) -> pd.Series:
    """Parent article ids for outlet-only links (NA where nothing in the corpus matches).

    Returns a Series aligned with ``links``: the existing ``parent_article_id`` where there is
    one, else the best-matching earlier article of ``parent_outlet_id``.
    """
    if window_days <= 0 or not 0 < min_similarity <= 1:
        raise ValueError("window_days must be > 0 and min_similarity in (0, 1]")
    parent = links["parent_article_id"].astype("string").copy()
    open_links = links[parent.isna() & links["parent_outlet_id"].notna()]
    if open_links.empty:
        return parent
    arts = articles[["article_id", "outlet_id", "published", "text"]]
    # (without the text: taking the candidates' rows took their texts too, first 20,000 ABP
    # articles ~1 of the links stage's ~5 CPU s in pyarrow's take)
    pairs = _pairs_in_window(open_links, arts.drop(columns="text"), window_days)
    if pairs.empty:
        return parent
    lag_days = (pairs["child_time"] - pairs["candidate_time"]).dt.total_seconds() / 86400.0
    pairs = pairs[
        (lag_days >= 0)
        & (lag_days <= window_days)
        & (pairs["candidate"] != pairs["child_article_id"])
    ]
    if pairs.empty:
        return parent
    pairs = pairs.assign(_lag=lag_days).sort_values(["_link", "_lag", "candidate"])
    pairs = pairs.groupby("_link", sort=False).head(MAX_CANDIDATES)

    involved = pd.Index(pd.concat([pairs["child_article_id"], pairs["candidate"]]).unique())
    texts = arts.set_index("article_id")["text"].reindex(involved).fillna("").astype(str)
    vectors = tfidf_vectors(texts.tolist())
    child_rows = vectors[involved.get_indexer(pairs["child_article_id"])]
    cand_rows = vectors[involved.get_indexer(pairs["candidate"])]
    pairs["similarity"] = np.asarray(child_rows.multiply(cand_rows).sum(axis=1)).ravel()
    ranked = pairs.sort_values(["_link", "similarity", "candidate"], ascending=[True, False, True])
    runner_up = ranked.groupby("_link", sort=False)["similarity"].nth(1)
    best = ranked.drop_duplicates("_link")
    second = best["_link"].map(
        pd.Series(runner_up.to_numpy(), index=ranked.loc[runner_up.index, "_link"])
    )
    clear = best["similarity"] >= MIN_MARGIN * second.fillna(0.0)
    best = best[(best["similarity"] >= min_similarity) & clear]
    parent.loc[best["_link"].to_numpy()] = best["candidate"].to_numpy()
    return parent


def _pairs_in_window(
    open_links: pd.DataFrame, arts: pd.DataFrame, window_days: float
) -> pd.DataFrame:
    """Each open link beside its outlet's dated articles published around the window before it.

    A superset of the exact window (whole seconds, one second of slack each side), found by a
    binary search in the outlet's articles sorted by time rather than by pairing every link
    with every article of its outlet: on all 37,554 ABP articles that merge made 25 of the
    links stage's 26 CPU s. The caller applies the exact window.
    """
    links = open_links[["child_article_id", "parent_outlet_id"]].reset_index(names="_link")
    links["child_time"] = links["child_article_id"].map(arts.set_index("article_id")["published"])
    cands = arts.loc[arts["published"].notna() & arts["outlet_id"].notna()]
    outlets = pd.Index(pd.unique(cands["outlet_id"]))
    known_outlet = outlets.get_indexer(links["parent_outlet_id"]) >= 0
    links = links[links["child_time"].notna() & known_outlet]
    if links.empty:
        return links.assign(candidate=links["child_article_id"], candidate_time=links["child_time"])
    base = min(cands["published"].min(), links["child_time"].min())

    def keys(outlet_ids: pd.Series, times: pd.Series, shift_s: float) -> np.ndarray:
        # One sortable int64: the outlet's number above whole seconds since ``base`` (34 bits).
        seconds = ((times - base).dt.total_seconds().to_numpy() + shift_s).astype(np.int64)
        number = outlets.get_indexer(outlet_ids).astype(np.int64)
        return (number << 34) + np.clip(seconds, 0, (1 << 34) - 1)

    cand_keys = keys(cands["outlet_id"], cands["published"], 0.0)
    order = np.argsort(cand_keys, kind="stable")
    cand_keys = cand_keys[order]
    window_s = window_days * 86400.0
    lo = np.searchsorted(
        cand_keys, keys(links["parent_outlet_id"], links["child_time"], -window_s - 1)
    )
    hi = np.searchsorted(
        cand_keys, keys(links["parent_outlet_id"], links["child_time"], 1.0), "right"
    )
    counts = hi - lo
    first = np.repeat(lo - (np.cumsum(counts) - counts), counts)
    picked = cands.iloc[order[first + np.arange(counts.sum())]]
    pairs = links.iloc[np.repeat(np.arange(len(links)), counts)].reset_index(drop=True)
    pairs["candidate"] = picked["article_id"].array  # (kept as stored: no object arrays)
    pairs["candidate_time"] = picked["published"].array
    return pairs


def lowered_tokens(texts: list[str]) -> tuple[pa.LargeStringArray, np.ndarray]:
    """The tokens of scikit-learn's default pattern ``(?u)\\b\\w\\w+\\b`` in each text lower-cased,
    in order, as one Arrow array, and how many each text has.

    Such a token is a whole run of word characters (``\\b`` on both sides), two or more long:
    the runs are found on code points and their UTF-8 bytes gathered into the array, with no
    Python string per token (``re.findall`` per text and ``pa.array`` of the strings took 3.4
    of the links stage's ~5 CPU s on the first 20,000 ABP articles, the stage's one core busy).

    >>> terms, per_text = lowered_tokens(["Talks RESUMED in Genève, a b.", "", "x yz"])
    >>> terms.to_pylist(), per_text.tolist()
    (['talks', 'resumed', 'in', 'genève', 'yz'], [4, 0, 1])
    """
    low = [text.lower() for text in texts]
    big = joined(low)
    codes = code_points(big)  # spaces at both ends: every run starts and ends inside, so the
    # word flag changes alternately up (a run's start) and down (its end)
    edges = np.flatnonzero(np.diff(word_chars()[codes].view(np.int8))) + 1
    starts, ends = edges[0::2], edges[1::2]
    bytes_at = _utf8_offsets(codes, edges)
    first, last = bytes_at[0::2], bytes_at[1::2]
    long_enough = ends - starts >= 2
    starts, first, last = starts[long_enough], first[long_enough], last[long_enough]
    utf8 = np.frombuffer(big.encode("utf-8"), dtype=np.uint8)
    offsets = np.concatenate([[0], np.cumsum(last - first)])
    taken = np.arange(offsets[-1]) + np.repeat(first - offsets[:-1], last - first)
    data = utf8[taken]
    terms = pa.LargeStringArray.from_buffers(
        len(starts), pa.py_buffer(offsets.astype(np.int64)), pa.py_buffer(data)
    )
    doc = np.searchsorted(text_starts(low), starts, side="right") - 1
    return terms, np.bincount(doc, minlength=len(texts)).astype(np.int64)


def _utf8_offsets(codes: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The UTF-8 byte offsets of the code point offsets ``positions`` (sorted) in ``codes``:
    each position plus the extra bytes of the code points above U+007F before it.

    Those are few (the involved texts of the first 20,000 ABP articles: ~15,000 in a block
    of 3M code points), so each adds its extra bytes at the first position after it, summed
    along the positions: 19 blocks, 0.47 -> 0.38 CPU s with the tokens' bytes gathered
    (medians of five), against the offset of every byte's code point looked up before.
    """
    wide = np.flatnonzero(codes >= 0x80)
    extra = 1 + (codes[wide] >= 0x800).astype(np.int64) + (codes[wide] >= 0x10000)
    after = np.searchsorted(positions, wide, side="right")
    added = np.bincount(after, weights=extra, minlength=len(positions) + 1)[: len(positions)]
    return positions + np.cumsum(added).astype(np.int64)


# Texts tokenised at a time: only each block's (text, term) counts are kept (all 8,889 texts of
# the first 20,000 ABP articles at once as 8.2M Python strings, before lowered_tokens: the
# links stage's peak RSS 1,160 -> 1,810 MB). A block of 500 holds ~3.5M characters: ~14 MB as
# code points, ~100 MB of arrays at a time in lowered_tokens.
_TOKENISED_TEXTS = 500


def tfidf_vectors(texts: list[str]) -> sp.csr_matrix:
    """``TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
    .fit_transform(texts)``, the same matrix to the bit (values, and entries in the same order
    in each row, which the float32 sums over a row follow), with the counting vectorised.

    scikit-learn counts tokens in a Python loop (``_count_vocab``): first 20,000 ABP
    articles, 8,889 texts, 5.3 of match_outlet_parents' 6.4 profiled CPU s. Here each text is
    lowercased and tokenised as it does, the stop words dropped and the terms numbered in order
    of first occurrence (its vocabulary's numbering) by pyarrow, and each row's entries sorted
    by that number (its ``sort_indices``), then renumbered in term order (its
    ``_sort_features``); the idf and the l2 norm are scikit-learn's own TfidfTransformer.

    >>> docs = ["The herald said talks resumed.", "Talks resumed, talks stalled."]
    >>> from sklearn.feature_extraction.text import TfidfVectorizer
    >>> ours = tfidf_vectors(docs)
    >>> theirs = TfidfVectorizer(sublinear_tf=True, stop_words="english",
    ...                          dtype=np.float32).fit_transform(docs)
    >>> (ours.indices.tolist() == theirs.indices.tolist(), (ours != theirs).nnz)
    (True, 0)
    """
    stop_words = pa.array(sorted(ENGLISH_STOP_WORDS), type=pa.large_string())
    numbers: dict[str, int] = {}  # term -> its number, in order of first occurrence
    blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (row, number, count)
    for lo in range(0, len(texts), _TOKENISED_TEXTS):
        terms, per_text = lowered_tokens(texts[lo : lo + _TOKENISED_TEXTS])
        number = _term_numbers(numbers, terms, stop_words)
        blocks.append(_counted(number, per_text, len(numbers), lo))
    if not numbers:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    vocabulary = pa.array(list(numbers), type=pa.large_string())
    rows, first_seen, count = (np.concatenate(part) for part in zip(*blocks, strict=True))
    # Terms sorted as Python sorts str: UTF-8's byte order is the code points' order.
    in_term_order = np.empty(len(vocabulary), dtype=np.int32)
    in_term_order[pc.sort_indices(vocabulary).to_numpy()] = np.arange(
        len(vocabulary), dtype=np.int32
    )
    indptr = np.zeros(len(texts) + 1, dtype=np.int32)
    np.cumsum(np.bincount(rows, minlength=len(texts)), out=indptr[1:])
    counts_matrix = sp.csr_matrix(
        (count.astype(np.float32), in_term_order[first_seen], indptr),
        shape=(len(texts), len(vocabulary)),
    )
    return (
        TfidfTransformer(sublinear_tf=True).fit(counts_matrix).transform(counts_matrix, copy=False)
    )


def _counted(
    numbers: np.ndarray, per_text: np.ndarray, n_terms: int, first_row: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, term number, count) of each term of a block of texts (``per_text`` terms each,
    numbered ``numbers``, -1 left out) in each of its texts, by row and then number.

    One sort of (row in the block, number) packed in an int32 where it fits (500 texts and
    70,032 terms: 26 bits), an int64 else: the 19 blocks of the first 20,000 ABP articles'
    involved texts, 0.33 -> 0.24 CPU s against int64 cells (the same order: rows, numbers)."""
    bits = max(n_terms, 1).bit_length()
    kind = np.int32 if len(per_text) < 1 << (31 - bits) else np.int64
    row = np.repeat(np.arange(len(per_text), dtype=kind), per_text)
    kept = numbers >= 0
    cell, count = np.unique((row[kept] << bits) + numbers[kept].astype(kind), return_counts=True)
    return (cell >> bits).astype(np.int64) + first_row, cell & ((1 << bits) - 1), count


def _term_numbers(
    numbers: dict[str, int], terms: pa.LargeStringArray, stop_words: pa.Array
) -> np.ndarray:
    """Each of ``terms`` numbered in order of first occurrence, ``numbers`` (term -> number)
    extended with the block's new terms; stop words -1. The stop words are dropped from the
    block's (short) dictionary, not from the tokens.

    One dictionary lookup per distinct term of the block: the cost follows the block, not the
    vocabulary. (Session 16 tried one dictionary encoding of the vocabulary and each block: the
    numbering 0.52 -> 0.37 CPU s at 20,000 ABP articles, but it reads the whole vocabulary
    again at each block: a cost that grows with the square of the corpus.)
    """
    encoded = pc.dictionary_encode(terms)
    stop = pc.is_in(encoded.dictionary, value_set=stop_words).to_numpy(zero_copy_only=False)
    number = np.full(len(stop), -1, dtype=np.int64)
    number[~stop] = [
        numbers.setdefault(term, len(numbers))
        for term in encoded.dictionary.filter(pa.array(~stop)).to_pylist()
    ]
    return number[encoded.indices.to_numpy()]
