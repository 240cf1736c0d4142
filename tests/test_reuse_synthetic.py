"""Tests of the synthetic corpus generator (provenance/synthetic.py): all its text is synthetic."""

from __future__ import annotations

import pandas as pd
import pytest

from provenance import synthetic
from provenance.outlets.domains import registered_domains  # noqa: E402
from provenance.schema import validate  # noqa: E402


@pytest.fixture(scope="module")
def corpus():
    return synthetic.generate_corpus(800, n_outlets=16, seed=5)


def test_tables_conform(corpus):
    articles, truth, outlets = corpus
    validate(articles, "articles")
    validate(outlets, "outlets")
    assert len(articles) == 800 and articles["article_id"].is_unique
    assert articles["n_words"].between(150, 800).mean() > 0.95
    assert set(outlets["kind"]) >= {"wire", "state_media"}
    assert outlets.loc[outlets["kind"] == "state_media", "state_affiliated"].all()


def test_urls_resolve_to_the_outlet_domain(corpus):
    articles, _, outlets = corpus
    domains = registered_domains(articles["url"])
    assert (domains == articles["domain"]).all()
    owner = dict(zip(outlets["domains"], outlets["outlet_id"], strict=True))
    assert (articles["domain"].map(owner) == articles["outlet_id"]).all()


def test_truth_describes_families(corpus):
    articles, truth, _ = corpus
    ids = set(articles["article_id"])
    assert set(truth["child_article_id"]) <= ids and set(truth["parent_article_id"]) <= ids
    assert truth["child_article_id"].is_unique
    edits = set(truth["edits"].str.split(";").explode()) - {""}
    assert edits == {
        "trim",
        "retitle",
        "add_paragraph",
        "drop_paragraph",
        "reorder",
        "typos",
        "reword",
    }
    assert 0.2 < truth["credited"].mean() < 0.8
    # Copies of copies exist (chains), and copies are never earlier than their parent.
    assert truth["parent_article_id"].isin(truth["child_article_id"]).any()
    pub = articles.set_index("article_id")["published"]
    lag = (
        pub.loc[truth["child_article_id"]].to_numpy()
        - pub.loc[truth["parent_article_id"]].to_numpy()
    )
    lag = pd.Series(lag).dropna()
    assert (lag >= pd.Timedelta(0)).all() and (lag == pd.Timedelta(0)).any()
    # Child and parent are on different outlets; credited copies carry the parent's name.
    out = articles.set_index("article_id")
    assert (
        out.loc[truth["child_article_id"], "outlet_id"].to_numpy()
        != out.loc[truth["parent_article_id"], "outlet_id"].to_numpy()
    ).all()
    cred = truth[truth["credited"]]
    names = out.loc[cred["parent_article_id"], "site_name"].to_numpy()
    texts = out.loc[cred["child_article_id"], "text"].to_numpy()
    assert all(f"{n})" in t or f"{n} -" in t for n, t in zip(names, texts, strict=True))


def test_deterministic(corpus):
    again = synthetic.generate_corpus(800, n_outlets=16, seed=5)
    for a, b in zip(corpus, again, strict=True):
        pd.testing.assert_frame_equal(a, b)
    other = synthetic.generate_corpus(800, n_outlets=16, seed=6)[0]
    assert not other["text"].equals(corpus[0]["text"])


def test_shards_and_cli(tmp_path):
    paths = synthetic.write_corpus_shards(tmp_path / "a", 250, shard_size=100, seed=2, n_outlets=10)
    assert [p.name for p in paths] == [
        "articles-00000.parquet",
        "articles-00001.parquet",
        "articles-00002.parquet",
    ]
    arts = pd.concat([pd.read_parquet(p) for p in paths], ignore_index=True)
    assert len(arts) == 250 and arts["article_id"].is_unique
    truth = pd.concat(pd.read_parquet(p) for p in sorted((tmp_path / "a").glob("truth-*.parquet")))
    assert set(truth["child_article_id"]) <= set(arts["article_id"])
    assert set(arts["outlet_id"]) <= set(
        pd.read_parquet(tmp_path / "a" / "outlets.parquet")["outlet_id"]
    )
    assert (
        synthetic.main(
            ["120", "--out", str(tmp_path / "b"), "--shard-size", "50", "--outlets", "8"]
        )
        == 0
    )
    assert len(list((tmp_path / "b").glob("articles-*.parquet"))) == 3


def test_evaluate_scores_perfect_and_empty_answers(corpus):
    articles, truth, _ = corpus
    perfect = pd.DataFrame(
        {
            "child_article_id": truth["child_article_id"],
            "parent_article_id": truth["parent_article_id"],
            "is_best_parent": True,
            "direction": "published",
        }
    )
    s = synthetic.evaluate(perfect, truth, articles)
    assert s["pair_precision"] == s["recall_all"] == s["best_parent_accuracy"] == 1.0
    wrong = perfect.rename(
        columns={"child_article_id": "parent_article_id", "parent_article_id": "child_article_id"}
    )
    assert synthetic.evaluate(wrong, truth, articles)["direction_accuracy"] == 0.0
    none = synthetic.evaluate(perfect.head(0), truth, articles)
    assert none["recall_all"] == 0.0


def test_parameters_validated():
    with pytest.raises(ValueError):
        synthetic.generate_corpus(0)
    with pytest.raises(ValueError):
        synthetic.make_outlets(2)
