"""match_outlet_parents: which earlier article of a named outlet an outlet-only link points at."""

from __future__ import annotations

from functools import partial

import pandas as pd

from provenance.chains.match import match_outlet_parents

STORY = "harbour ferry strike closes the northern crossing for a week say union leaders"
OTHER = "city council approves budget for new library and park renovations downtown"


def _articles() -> pd.DataFrame:
    rows = [  # article_id, outlet_id, published, text
        ("child", "domain:child.test", "2024-03-10 12:00:00", STORY + " reported"),
        ("edge", "domain:herald.test", "2024-03-03 12:00:00", STORY),  # exactly 7 days before
        ("late", "domain:herald.test", "2024-03-10 12:00:01", STORY),  # after the child
        ("stale", "domain:herald.test", "2024-03-03 11:59:59", STORY),  # 7 days + 1 s before
        ("near", "domain:herald.test", "2024-03-09 12:00:00", OTHER),
        ("undated", "domain:herald.test", None, STORY),
        ("orphan", "domain:times.test", None, STORY),  # no dated article for its outlet
        ("child2", "domain:child.test", None, STORY),  # undated child
    ]
    frame = pd.DataFrame(rows, columns=["article_id", "outlet_id", "published", "text"])
    frame["published"] = pd.to_datetime(frame["published"], utc=True)
    return frame


def _links(*pairs: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "child_article_id": [c for c, _ in pairs],
            "parent_outlet_id": [o for _, o in pairs],
            "parent_article_id": pd.Series([None] * len(pairs), dtype="string"),
        }
    )


def test_the_window_is_inclusive_and_ends_at_the_child() -> None:
    got = match_outlet_parents(_links(("child", "domain:herald.test")), _articles())
    assert got.tolist() == ["edge"]  # 'late' is after, 'stale' 1 s too early, 'near' unrelated


def test_no_match_without_dated_candidates_or_child_date() -> None:
    links = _links(("child", "domain:times.test"), ("child2", "domain:herald.test"))
    assert match_outlet_parents(links, _articles()).isna().all()


def test_a_narrower_window_drops_the_edge_article() -> None:
    got = match_outlet_parents(
        _links(("child", "domain:herald.test")), _articles(), window_days=6.99
    )
    assert got.isna().all()


def test_tfidf_vectors_is_scikit_learns_matrix_to_the_bit():
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from provenance.chains.match import tfidf_vectors

    docs = [
        *TRICKY_TOKENS,
        "The Capital Herald said talks resumed on Monday; talks stalled by Friday.",
        "",
        "and the of",  # stop words only
        "Ünïcode Straße café, naïve résumé; ÉCOLE école 2024 x_y __ a1 B2 9",
        "Talks, talks, TALKS and more talks: the herald's editor told the Herald.",
        "Orlov told the Capital Herald in an interview that talks resumed.",
    ]
    ours = tfidf_vectors(docs)
    theirs = TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32)
    theirs = theirs.fit_transform(docs)
    assert ours.shape == theirs.shape
    assert ours.indptr.tolist() == theirs.indptr.tolist()
    assert ours.indices.tolist() == theirs.indices.tolist()  # the same entry order in each row
    assert ours.data.tobytes() == theirs.data.tobytes()


# Texts whose tokens are easy to get wrong: letters that lower-case to two code points ("İ"),
# multi-byte UTF-8 (2, 3 and 4 bytes), "_" and digits as word characters, one-letter words.
TRICKY_TOKENS = [
    "İstanbul İİ ΟΔΟΣ Σ' x ǅ ß ﬁ ÉTÉ",
    "日本語 テキスト 𝐀𝐁𝐂 a 𝐀 é_é",
    "x--y a’b a‐b _ __ a1 9 99",
    "",
    "  \n\t ",
]


def test_lowered_tokens_are_the_regex_tokens_of_each_text(monkeypatch):
    import re

    from provenance import terms as terms_module
    from provenance.chains import match

    texts = TRICKY_TOKENS * 3
    expected = [re.findall(r"(?u)\b\w\w+\b", text.lower()) for text in texts]
    terms, per_text = terms_module.lowered_tokens(texts)
    assert terms.to_pylist() == [token for tokens in expected for token in tokens]
    assert per_text.tolist() == [len(tokens) for tokens in expected]
    monkeypatch.setattr(terms_module, "_TOKENISED_TEXTS", 2)  # blocks of two texts: the same matrix
    small = match.tfidf_vectors(texts)
    monkeypatch.undo()
    whole = match.tfidf_vectors(texts)
    assert (small.indices.tolist(), small.data.tobytes()) == (
        whole.indices.tolist(),
        whole.data.tobytes(),
    )


# Texts whose terms recur across any cut: a later part's known terms are numbered before its new
# ones by the whole count, and its cells must be sorted again.
RECURRING = [
    "Talks resumed in Geneva; the herald said talks stalled.",
    "Geneva herald: zebra talks, apple accord.",
    "",
    "Zebra apple talks; accord Geneva x",
    *TRICKY_TOKENS,
    "accord accord herald zebra new words here",
]


def _fields(counted):
    return (
        counted.n_texts,
        counted.vocabulary,
        counted.rows.tolist(),
        counted.numbers.tolist(),
        counted.counts.tolist(),
    )


def test_joined_term_counts_of_parts_are_the_whole_count():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from provenance.terms import joined_term_counts, term_counts

    whole = _fields(term_counts(RECURRING, ENGLISH_STOP_WORDS))
    for cut in range(len(RECURRING) + 1):
        for second in range(cut, len(RECURRING) + 1):
            parts = [RECURRING[:cut], RECURRING[cut:second], RECURRING[second:]]
            counted = [term_counts(part, ENGLISH_STOP_WORDS) for part in parts]
            assert _fields(joined_term_counts(counted)) == whole, (cut, second)


def test_pooled_term_counts_give_the_same_matrix(monkeypatch):
    from provenance.chains.match import tfidf_vectors
    from provenance.engine import local

    texts = RECURRING * 4
    alone = tfidf_vectors(texts)
    monkeypatch.setattr(local, "MIN_TERM_TEXTS_PER_WORKER", 1)
    pooled = tfidf_vectors(texts, partial(local.pooled_term_counts, workers=2))
    assert pooled.indptr.tolist() == alone.indptr.tolist()
    assert pooled.indices.tolist() == alone.indices.tolist()
    assert pooled.data.tobytes() == alone.data.tobytes()
