"""Tests of provenance.reuse.find_reuse.

All article text here is synthetic: made by provenance/synthetic.py from templates and word lists
written for this project (fictional countries, people and outlets).
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from provenance import synthetic
from provenance.reuse import find_reuse  # noqa: E402
from provenance.reuse.shingles import scan_words  # noqa: E402
from provenance.schema import validate  # noqa: E402
from provenance.text import WORD_RE, word_offsets  # noqa: E402

T0 = pd.Timestamp("2021-08-23 09:00", tz="UTC")


def prose(seed: int, event_seed: int | None = None, n_paras: int = 6) -> list[str]:
    """Paragraphs of synthetic wire copy; the same event_seed gives the same names and facts."""
    w = synthetic._Writer(random.Random(seed))
    ev = synthetic._Writer(random.Random(event_seed if event_seed is not None else seed)).event()
    return [w.paragraph(ev) for _ in range(n_paras)]


def frame(rows: list[tuple[str, str, float | None, list[str] | str]]) -> pd.DataFrame:
    """Articles from (article_id, outlet_id, hours after T0 or None, paragraphs or text)."""
    return pd.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "outlet_id": [r[1] for r in rows],
            "published": [pd.NaT if r[2] is None else T0 + pd.Timedelta(hours=r[2]) for r in rows],
            "text": [r[3] if isinstance(r[3], str) else "\n\n".join(r[3]) for r in rows],
        }
    )


def background(n: int = 30) -> list[tuple[str, str, float, list[str]]]:
    """Unrelated articles so that corpora are not trivially small."""
    return [(f"bg{i}", f"bg_outlet{i % 7}", float(i), prose(1000 + i)) for i in range(n)]


def best_parent(reuse: pd.DataFrame, child: str) -> str | None:
    rows = reuse[(reuse["child_article_id"] == child) & reuse["is_best_parent"]]
    return rows["parent_article_id"].iloc[0] if len(rows) else None


def linked(reuse: pd.DataFrame, x: str, y: str) -> bool:
    c, p = reuse["child_article_id"], reuse["parent_article_id"]
    return bool((((c == x) & (p == y)) | ((c == y) & (p == x))).any())


# --- the generated corpus: the acceptance figures ------------------------------------------------


@pytest.fixture(scope="module")
def generated():
    articles, truth, outlets = synthetic.generate_corpus(2500, n_outlets=25, seed=7)
    credits = synthetic.credits_from_truth(articles, truth)
    reuse, passages = find_reuse(articles, credits=credits, outlets=outlets)
    return articles, truth, reuse, passages


def test_generated_corpus_precision_recall_direction(generated):
    articles, truth, reuse, _ = generated
    s = synthetic.evaluate(reuse, truth, articles)
    print(
        f"\n2500 generated articles: {s['n_pairs']} pairs, precision {s['pair_precision']:.4f}, "
        f"recall (kept >= half) {s['recall_kept_half']:.4f}, recall (all) {s['recall_all']:.4f}, "
        f"direction accuracy {s['direction_accuracy']:.4f}, "
        f"best-parent accuracy {s['best_parent_accuracy']:.4f}"
    )
    assert s["pair_precision"] >= 0.98
    assert s["recall_kept_half"] >= 0.95
    assert s["direction_accuracy"] >= 0.95
    assert s["best_parent_accuracy"] >= 0.9


@pytest.mark.parametrize(
    "edit", ["trim", "retitle", "add_paragraph", "reorder", "typos", "reword", "drop_paragraph"]
)
def test_generated_copies_found_for_each_edit(generated, edit):
    articles, truth, reuse, _ = generated
    t = truth[truth["edits"].str.split(";").map(lambda e: edit in e) & (truth["kept_share"] >= 0.5)]
    assert len(t) >= 20
    found = [
        linked(reuse, c, p)
        for c, p in zip(t["child_article_id"], t["parent_article_id"], strict=True)
    ]
    assert np.mean(found) >= 0.95


def test_tables_conform_and_passages_point_into_both_texts(generated):
    articles, _, reuse, passages = generated
    validate(reuse, "reuse")
    validate(passages, "passages")
    assert reuse["pair_id"].is_unique
    assert set(passages["pair_id"]) <= set(reuse["pair_id"])
    text = dict(zip(articles["article_id"], articles["text"], strict=True))
    sample = passages.merge(reuse, on="pair_id").head(300)
    for r in sample.itertuples():
        child = text[r.child_article_id][r.child_start : r.child_end]
        parent = text[r.parent_article_id][r.parent_start : r.parent_end]
        assert WORD_RE.match(child) and WORD_RE.match(parent)
        # Same words up to typos and synonyms: most words agree.
        cw, pw = child.lower().split(), parent.lower().split()
        assert len(set(cw) & set(pw)) >= 0.7 * min(len(set(cw)), len(set(pw)))


# --- edits, one by one ---------------------------------------------------------------------------


EDITS = {
    "trimmed": lambda p, extra: p[:3],
    "retitled": lambda p, extra: "A new headline for the story\n\n" + "\n\n".join(p),
    "added": lambda p, extra: p[:3] + extra + p[3:],
    "reordered": lambda p, extra: [p[i] for i in (0, 3, 1, 5, 2, 4)],
    "typos": lambda p, extra: [q.replace(" the ", " teh ", 3) for q in p],
    "credited": lambda p, extra: ["VELMORA (Wire Service) - " + p[0]] + p[1:],
}


def test_each_kind_of_copy_is_found_with_its_parent():
    rows = background()
    extras = {}
    for k, (name, edit) in enumerate(EDITS.items()):
        parent = prose(100 + k)
        extras[name] = prose(200 + k, event_seed=100 + k, n_paras=2)
        rows += [
            (f"{name}-parent", f"wire{k}", 0.0, parent),
            (name, f"paper{k}", 2.0 + k, edit(parent, extras[name])),
        ]
    reuse, passages = find_reuse(frame(rows))
    for name in EDITS:
        assert best_parent(reuse, name) == f"{name}-parent", name
    assert len(reuse) == len(EDITS)
    got = reuse.set_index("child_article_id")
    assert got.loc["trimmed", "containment"] > 0.9 > got.loc["trimmed", "parent_coverage"]
    assert got.loc["reordered", "n_passages"] >= 4
    # The added paragraphs are what the child added: about their word count.
    added = sum(len(WORD_RE.findall(p)) for p in extras["added"])
    assert abs(got.loc["added", "added_words"] - added) <= 10
    assert got.loc["added", "dropped_words"] <= 10
    dropped = sum(len(WORD_RE.findall(p)) for p in prose(100)[3:])
    assert abs(got.loc["trimmed", "dropped_words"] - dropped) <= 10
    # A typo every so often does not split a passage.
    assert got.loc["typos", "n_passages"] <= 3
    assert (got["direction"] == "published").all()


def test_passages_cover_copied_text_exactly():
    parent = prose(3)
    extra = "\n\n".join(prose(4, n_paras=1))
    child = "\n\n".join(parent[:2]) + "\n\n" + extra + "\n\n" + "\n\n".join(parent[2:])
    rows = background(10) + [("p", "wire", 0.0, parent), ("c", "paper", 1.0, child)]
    arts = frame(rows)
    reuse, passages = find_reuse(arts)
    pid = reuse.loc[reuse["child_article_id"] == "c", "pair_id"].iloc[0]
    ps = passages[passages["pair_id"] == pid].sort_values("passage")
    assert len(ps) == 2
    ptext = arts.loc[arts["article_id"] == "p", "text"].iloc[0]
    for r in ps.itertuples():
        assert child[r.child_start : r.child_end] == ptext[r.parent_start : r.parent_end]
    outside = (
        child[: ps["child_start"].iloc[0]]
        + child[ps["child_end"].iloc[0] : ps["child_start"].iloc[1]]
    )
    assert WORD_RE.findall(outside) == WORD_RE.findall(extra)


# --- what must not link --------------------------------------------------------------------------


def test_boilerplate_only_overlap_is_not_linked_thanks_to_the_doc_freq_cap():
    furniture = (
        "We use cookies to personalise content and ads, to provide social media features and to "
        "analyse our traffic. Sign up for our daily newsletter to get the top stories delivered "
        "straight to your inbox every morning. More Stories From World. Related Topics."
    )
    # Short bodies: without the cap the furniture alone makes them look like copies.
    rows = [
        (f"a{i}", f"outlet{i}", float(i), [prose(50 + i, n_paras=1)[0][:200], furniture])
        for i in range(12)
    ]
    arts = frame(rows)
    capped, _ = find_reuse(arts, max_doc_freq=5)
    assert capped.empty
    uncapped, _ = find_reuse(arts, max_doc_freq=1.0)
    assert len(uncapped) > 0  # the test can fail: only the cap keeps these apart


def test_same_outlet_pairs_not_linked_by_default():
    parent = prose(5)
    rows = background(10) + [("p", "same", 0.0, parent), ("c", "same", 1.0, parent[:4])]
    reuse, _ = find_reuse(frame(rows))
    assert not linked(reuse, "c", "p")
    reuse, _ = find_reuse(frame(rows), keep_same_outlet=True)
    assert best_parent(reuse, "c") == "p"


def test_independent_articles_on_the_same_event_are_not_linked():
    # Same names, places and facts (one event), prose written independently.
    rows = background(10) + [
        (f"ev{i}", f"outlet{i}", float(i), prose(200 + i, event_seed=9, n_paras=7))
        for i in range(6)
    ]
    reuse, _ = find_reuse(frame(rows))
    assert reuse.empty


# --- direction -----------------------------------------------------------------------------------


def test_copy_of_a_copy_is_a_chain_not_a_star():
    a = prose(11)
    b = ["VELMORA (Outlet A) - " + a[0]] + a[1:] + prose(12, event_seed=11, n_paras=1)
    c = b[:-2] + [b[-1].replace(" the ", " a ", 2)]
    rows = background(20) + [("A", "oa", 0.0, a), ("B", "ob", 3.0, b), ("C", "oc", 6.0, c)]
    reuse, _ = find_reuse(frame(rows))
    assert best_parent(reuse, "B") == "A"
    assert best_parent(reuse, "C") == "B"
    alt = reuse[(reuse["child_article_id"] == "C") & (reuse["parent_article_id"] == "A")]
    assert len(alt) == 1 and not alt["is_best_parent"].iloc[0]
    assert (reuse["direction"] == "published").all()


def test_credited_parent_is_preferred_among_candidates():
    a = prose(13)
    rows = background(10) + [("A", "oa", 0.0, a), ("B", "ob", 1.0, a), ("C", "oc", 2.0, a)]
    credits = pd.DataFrame({"article_id": ["C"], "outlet_id": ["oa"]})
    reuse, _ = find_reuse(frame(rows), credits=credits)
    assert best_parent(reuse, "C") == "A"
    assert (
        reuse.set_index(["child_article_id", "parent_article_id"]).loc[("C", "A"), "lag_hours"]
        == 2.0
    )


@pytest.mark.parametrize("kind", ["dateline", "photo"])
def test_a_photo_credit_is_no_direction_clue(kind):
    a = prose(15)
    b = [p.replace(" the ", " teh ", 1) for p in a]  # symmetric differences
    rows = background(10) + [("x1", "o1", 0.0, a), ("x2", "o2", 0.0, b)]
    credits = pd.DataFrame({"article_id": ["x2"], "outlet_id": ["o1"], "kind": [kind]})
    reuse, _ = find_reuse(frame(rows), credits=credits)
    r = reuse.iloc[0]
    if kind == "dateline":  # "(o1) -": x2 is o1's copy
        assert (r["direction"], r["child_article_id"]) == ("credit", "x2")
    else:  # "(o1 Photo/Name)" credits the picture, not the text
        assert r["direction"] == "undetermined"


def test_undetermined_when_dates_equal_and_nothing_else_tells():
    a = prose(15)
    b = [p.replace(" the ", " teh ", 1) for p in a]  # symmetric differences
    rows = background(10) + [("x1", "o1", 0.0, a), ("x2", "o2", 0.0, b)]
    reuse, _ = find_reuse(frame(rows))
    assert len(reuse) == 1
    r = reuse.iloc[0]
    assert r["direction"] == "undetermined" and not r["is_best_parent"]
    assert pd.isna(r["lag_hours"]) or r["lag_hours"] == 0


@pytest.mark.parametrize("case", ["credit", "outlet_kind", "containment", "published_nat"])
def test_direction_falls_back_in_order(case):
    a = prose(17)
    when = None if case == "published_nat" else 0.0
    child = a[:3] if case == "containment" else a
    rows = background(10) + [("par", "wire", when, a), ("chi", "paper", when, child)]
    credits = (
        pd.DataFrame({"article_id": ["chi"], "outlet_id": ["wire"]}) if case == "credit" else None
    )
    outlets = (
        pd.DataFrame(
            {
                "outlet_id": ["wire", "paper"],
                "kind": ["wire", "newspaper"],
                "state_affiliated": [False, False],
            }
        )
        if case == "outlet_kind"
        else None
    )
    reuse, _ = find_reuse(frame(rows), credits=credits, outlets=outlets)
    r = reuse.iloc[0]
    expected = "undetermined" if case == "published_nat" else case
    assert r["direction"] == expected
    if expected != "undetermined":
        assert (r["child_article_id"], r["parent_article_id"]) == ("chi", "par")
        assert r["is_best_parent"]


def test_state_affiliated_outlet_counts_as_a_source():
    a = prose(19)
    rows = background(10) + [("s", "statenews", 0.0, a), ("p", "paper", 0.0, a)]
    outlets = pd.DataFrame(
        {
            "outlet_id": ["statenews", "paper"],
            "kind": ["broadcaster", "newspaper"],
            "state_affiliated": [True, False],
        }
    )
    reuse, _ = find_reuse(frame(rows), outlets=outlets)
    assert best_parent(reuse, "p") == "s"


# --- API contract --------------------------------------------------------------------------------


def test_deterministic_and_independent_of_row_order():
    articles, truth, outlets = synthetic.generate_corpus(600, n_outlets=12, seed=3)
    r1, p1 = find_reuse(articles, outlets=outlets)
    shuffled = articles.sample(frac=1.0, random_state=1).reset_index(drop=True)
    r2, p2 = find_reuse(shuffled, outlets=outlets)
    pd.testing.assert_frame_equal(r1, r2)
    pd.testing.assert_frame_equal(p1, p2)


def test_candidates_keep_their_documents_rows_only_same_tables(monkeypatch):
    # reuse_candidates keeps the shingles and words of the candidates' documents alone
    # (ShingleIndex.only): verifying and aligning read nothing else, so the tables are those
    # of the whole index.
    from provenance.reuse import stage
    from provenance.reuse.params import ReuseParams
    from provenance.reuse.shingles import ShingleIndex

    articles, _, outlets = synthetic.generate_corpus(600, n_outlets=12, seed=5)
    params = ReuseParams()
    kept = stage.reuse_candidates(articles, params)
    monkeypatch.setattr(ShingleIndex, "only", lambda index, docs: index)
    whole = stage.reuse_candidates(articles, params)
    docs = np.unique(kept.pairs)
    assert 0 < len(docs) < len(articles) and np.array_equal(kept.pairs, whole.pairs)
    assert len(kept.index.cols) < len(whole.index.cols)
    rows = kept.index.n_shingles > 0
    assert np.array_equal(np.flatnonzero(rows), docs[whole.index.n_shingles[docs] > 0])
    assert np.array_equal(kept.index.n_words, whole.index.n_words)
    for got, expected in zip(
        stage.find_reuse(articles, params, outlets=outlets, candidates=kept),
        stage.find_reuse(articles, params, outlets=outlets, candidates=whole),
        strict=True,
    ):
        assert len(expected)
        pd.testing.assert_frame_equal(got, expected)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"bands": 64}, "Unknown reuse parameter 'bands'"),
        ({"shingle_size": 0}, "'shingle_size' parameter of ReuseParams must be an int"),
        ({"sketch_size": 4}, "sketch_size"),
        ({"keep_same_outlet": 1}, "keep_same_outlet"),
        ({"min_containment": 0.0}, "min_containment"),
        ({"min_containment": 1.5}, "min_containment"),
        ({"max_doc_freq": 1}, "max_doc_freq"),
        ({"max_doc_freq": 2.5}, "max_doc_freq"),
        ({"credits": pd.DataFrame({"x": [1]})}, "credits"),
    ],
)
def test_parameters_are_validated(kwargs, message):
    arts = frame([("a", "o", 0.0, prose(1)), ("b", "p", 1.0, prose(2))])
    with pytest.raises(ValueError, match=message):
        find_reuse(arts, **kwargs)


def test_articles_are_validated():
    with pytest.raises(ValueError, match="unique"):
        find_reuse(pd.DataFrame({"article_id": ["a", "a"], "text": ["x", "y"]}))
    with pytest.raises(ValueError, match="text"):
        find_reuse(pd.DataFrame({"article_id": ["a"]}))


def test_minimal_input_and_missing_values():
    empty_reuse, empty_passages = find_reuse(pd.DataFrame({"article_id": ["a"], "text": ["x"]}))
    validate(empty_reuse, "reuse")
    validate(empty_passages, "passages")
    text = "\n\n".join(prose(21))
    # No outlet or published columns, one NA text: still works, direction from nothing.
    reuse, _ = find_reuse(pd.DataFrame({"article_id": ["a", "b", "c"], "text": [text, text, None]}))
    assert len(reuse) == 1 and reuse["direction"].iloc[0] == "undetermined"


def test_word_scan_matches_the_shared_tokeniser():
    texts = [
        "It's Russia-US talks: 'encouraging,' Lavrov said -- at 09:10 AM.",
        "Ünïcode İstanbul STRASSE straße ΣΊΣΥΦΟΣ it’s a--b -x- y_z 3.5 ﬁne 𝔘𝔫𝔦 end- İİ x",
        "",
        "a",
        "don't  'quoted' co-op-- --",
        "\n\n".join(prose(23)),
    ]
    w = scan_words(texts)
    for i, t in enumerate(texts):
        o = word_offsets(t)
        got = np.stack(
            [w.start[w.offsets[i] : w.offsets[i + 1]], w.end[w.offsets[i] : w.offsets[i + 1]]], 1
        )
        assert got.tolist() == o.reshape(-1, 2).tolist(), t
    # Case does not matter for matching, the word does.
    h = scan_words(["Lavrov SAID", "lavrov said", "lavrov sad"]).hashes
    assert h[0] == h[2] and h[1] == h[3] and h[3] != h[5]


def test_hostile_input_costs_are_bounded():
    # 600 identical copies: one LSH bucket far over MAX_BUCKET is chained, not expanded into
    # 180,000 pairs; a 2-million-character text is read up to MAX_CHARS.
    text = "\n\n".join(prose(31))
    rows = [(f"d{i:03d}", f"outlet{i}", float(i), text) for i in range(600)]
    rows.append(("huge", "big", 0.0, ("lorem ipsum dolor sit amet " * 80_000)))
    # The default document-frequency cap treats text found in 600 documents as furniture;
    # a corpus with mass syndication lifts it (here: no cap at all).
    assert find_reuse(frame(rows))[0].empty
    reuse, _ = find_reuse(frame(rows), max_doc_freq=1.0)
    linked_docs = set(reuse["child_article_id"]) | set(reuse["parent_article_id"])
    assert len(reuse) < 2000
    assert {f"d{i:03d}" for i in range(600)} <= linked_docs
    assert "huge" not in linked_docs
