"""Each framing edit documented in data/demo/truth_edits.csv shows in its link's deltas."""

from pathlib import Path

import pandas as pd
import pytest
from scripts import load_script

import provenance

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"
EDITS = pd.read_csv(DEMO / "truth_edits.csv", dtype=str, keep_default_na=False)


# edit type -> the delta that must move, and which way, on the child -> parent link.
CHECKS = {
    "verb_swap": lambda link, edit: link["d_verb_shifts"] >= 1,
    "hedge_removed": lambda link, edit: (
        link["d_hedges_removed"] >= 1 and link["d_hedges_per_1k"] < 0
    ),
    "loaded_word_added": lambda link, edit: (
        link["d_loaded_added"] >= 1 or link["d_title_loaded"] > 0
    ),
    "quote_dropped": lambda link, edit: link["d_quotes_dropped"] >= 1,
    "paragraph_added": lambda link, edit: (
        link["d_added_n_words"] >= len(edit["child_text"].split()) * 0.8
    ),
    "retitled": lambda link, edit: link["d_title_similarity"] < 1.0,
    "credit_dropped": lambda link, edit: link["d_credits_dropped"] >= 1 and not link["credited"],
}


@pytest.fixture(scope="module")
def demo_links():
    evaluator = load_script(DEMO / "evaluate.py", "demo_evaluate")
    analysis = provenance.analyze(DEMO / "articles", outlets=DEMO / "outlets.csv")
    urls = evaluator.truth_urls(analysis.articles, evaluator.load_truth(DEMO))
    links = analysis.links.assign(
        child_url=lambda d: d["child_article_id"].map(urls),
        parent_url=lambda d: d["parent_article_id"].map(urls),
    )
    return links.set_index(["child_url", "parent_url"])


def test_every_edit_type_is_checked():
    assert set(EDITS["edit_type"]) <= set(CHECKS)


@pytest.mark.parametrize(
    "edit", EDITS.to_dict("records"), ids=lambda e: f"{e['edit_type']}:{e['child_url'][-40:]}"
)
def test_documented_edit_moves_its_delta(demo_links, edit):
    link = demo_links.loc[(edit["child_url"], edit["parent_url"])]
    moved = CHECKS[edit["edit_type"]](link, edit)
    assert moved, {
        k: link[k] for k in link.index if k.startswith("d_") and pd.notna(link[k]) and link[k] != 0
    }
