"""The demo corpus end to end: every true link and chain of data/demo/README.md is reproduced."""

from pathlib import Path

import pandas as pd
import pytest
from scripts import load_script

import provenance

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"


def _evaluator():
    return load_script(DEMO / "evaluate.py", "demo_evaluate")


@pytest.fixture(scope="module")
def demo():
    analysis = provenance.analyze(DEMO / "articles", outlets=DEMO / "outlets.csv")
    evaluator = _evaluator()
    truth = evaluator.load_truth(DEMO)
    urls = evaluator.truth_urls(analysis.articles, truth)
    return analysis, truth, urls


def test_demo_reads_every_article_without_errors(demo):
    analysis, truth, urls = demo
    assert len(analysis.articles) == len(truth["articles"]) == 36
    assert analysis.errors.empty
    assert urls.notna().all()


def test_every_true_link_is_found_with_its_evidence_and_no_false_link(demo):
    analysis, truth, urls = demo
    links = analysis.links.assign(
        child_url=lambda d: d["child_article_id"].map(urls),
        parent_url=lambda d: d["parent_article_id"].map(urls).fillna(""),
    )
    keys = ["child_url", "parent_url", "parent_outlet_id"]
    expected = truth["links"].assign(parent_url=lambda d: d["parent_url"].fillna(""))
    merged = expected.merge(links, on=keys, how="left", suffixes=("", "_got"), indicator=True)
    missing = merged[merged["_merge"] != "both"][keys]
    assert missing.empty, f"true links not found:\n{missing.to_string()}"
    for column in ("relation", "evidence"):
        wrong = merged[merged[column] != merged[f"{column}_got"]]
        assert wrong.empty, (
            f"{column} differs:\n{wrong[keys + [column, column + '_got']].to_string()}"
        )
    for column in ("credited", "uncredited_state_media"):
        want = merged[column].astype(str).str.lower() == "true"
        assert (want == merged[f"{column}_got"].astype(bool)).all(), column
    extra = links.merge(expected[keys], on=keys, how="left", indicator=True)
    extra = extra[extra["_merge"] == "left_only"][keys + ["relation", "evidence"]]
    assert extra.empty, f"links not in the truth:\n{extra.to_string()}"


def test_laundered_state_media_copies_are_flagged(demo):
    analysis, truth, urls = demo
    flagged = analysis.links[analysis.links["uncredited_state_media"]]
    expected = truth["links"][
        truth["links"]["uncredited_state_media"].astype(str).str.lower() == "true"
    ]
    assert len(expected) >= 1
    assert sorted(flagged["child_article_id"].map(urls)) == sorted(expected["child_url"])


def test_every_true_chain_is_reproduced_exactly(demo):
    analysis, truth, urls = demo
    chains = analysis.chains.assign(url=lambda d: d["article_id"].map(urls)).set_index("url")
    names = analysis.outlets.set_index("outlet_id")["name"]
    leaf_outlet = analysis.articles.set_index("article_id")["outlet_id"]
    for row in truth["chains"].itertuples(index=False):
        got = chains.loc[row.leaf_url]
        # The path shows the leaf by its domain and the sources by outlet name.
        leaf_name = names[leaf_outlet[got["article_id"]]]
        path = " > ".join([leaf_name] + got["path"].split(" > ")[1:])
        assert (path, int(got["depth"])) == (row.path, int(row.depth)), row.leaf_url
    assert truth["chains"]["depth"].astype(int).max() >= 3
    # Articles outside every true chain have no parent.
    others = chains.drop(index=truth["chains"]["leaf_url"])
    assert (others["depth"] == 0).all(), others[others["depth"] > 0]["path"]


def test_framing_deltas_exist_for_every_reuse_link(demo):
    analysis, _, _ = demo
    reuse_links = analysis.links[analysis.links["evidence"].str.contains("text_reuse")]
    deltas = [c for c in analysis.links.columns if c.startswith("d_")]
    assert deltas, "no framing deltas on links"
    assert reuse_links[deltas].notna().any(axis=1).all()


def test_outlet_comparison_sees_republishers_of_state_media(demo):
    analysis, _, _ = demo
    table = analysis.outlet_comparison.set_index("outlet_id")
    assert table.loc["velta", "state_affiliated"]
    republishers = table[table["share_from_state_media"] > 0].index
    assert len(republishers) >= 2
    assert pd.api.types.is_float_dtype(table["credit_rate"])


def test_every_technique_reaches_links_and_the_outlet_comparison(demo):
    from provenance.framing.techniques import TECHNIQUES

    analysis, _, _ = demo
    table = analysis.outlet_comparison
    for name in TECHNIQUES:
        base = name[2:]
        link_columns = [f"d_{base}", f"d_added_{base}", f"d_dropped_{base}"]
        assert name in analysis.articles.columns
        assert set(link_columns) <= set(analysis.links.columns), name
        assert {name, *link_columns} <= set(table.columns), name
