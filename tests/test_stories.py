"""Story clusters: one state-wire article and three copies make one story; ids are stable.

All text here is synthetic (random made-up words from a fixed seed).
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_mirrors import synthetic_words

import provenance
from provenance.chains.stories import build_stories
from provenance.ids import stable_id
from provenance.report.page import Report
from provenance.schema import conform, validate

WIRE = synthetic_words(300, seed=11)


def _corpus() -> pd.DataFrame:
    """A Sputnik story, two copies crediting it in a dateline, one copy without credit, and one
    unrelated article."""
    credited = "MOSCOW (Sputnik) - " + WIRE
    return pd.DataFrame(
        {
            "url": [
                "https://sputniknews.com/world/a",
                "https://www.ledger.com/a",
                "https://www.herald.com/a",
                "https://www.newshub.com/a",
                "https://www.otherpaper.com/b",
            ],
            "title": ["Talks <b>resume</b>", "Talks", "Talks", "Talks", "Fair"],
            "text": [
                credited,
                credited + " " + synthetic_words(30, seed=12),
                credited,
                WIRE,
                synthetic_words(300, seed=13),
            ],
            "published": [
                "2021-08-23T06:00Z",
                "2021-08-23T08:00Z",
                "2021-08-23T12:00Z",
                "2021-08-24T06:00Z",
                "2021-08-23T07:00Z",
            ],
        }
    )


@pytest.fixture(scope="module")
def analysis():
    return provenance.analyze(_corpus(), framing=False)


def test_one_story_with_counts_and_first_outlet(analysis):
    stories = analysis.stories
    validate(stories, "stories")
    assert len(stories) == 1
    story = stories.iloc[0]
    articles = analysis.articles.set_index("url")
    first = articles.loc["https://sputniknews.com/world/a"]
    assert story["n_articles"] == 4 and story["n_outlets"] == 4
    assert story["first_article_id"] == first["article_id"]
    assert story["first_outlet_id"] == "sputnik" == story["root_outlet_id"]
    assert story["first_published"] == pd.Timestamp("2021-08-23T06:00Z")
    assert story["span_hours"] == 24.0
    assert story["n_credited"] == 2
    assert story["root_state_affiliated"]
    assert (
        story["outlet_ids"] == "domain:herald.com; domain:ledger.com; domain:newshub.com; sputnik"
    )


def test_story_id_on_articles_and_singletons_have_none(analysis):
    articles = analysis.articles.set_index("url")
    story_id = analysis.stories["story_id"].iloc[0]
    assert articles["story_id"].isna().sum() == 1
    assert pd.isna(articles.loc["https://www.otherpaper.com/b", "story_id"])
    members = articles.index[articles["story_id"] == story_id]
    assert len(members) == 4 and "https://www.otherpaper.com/b" not in members
    assert story_id == stable_id(";".join(sorted(articles.loc[members, "article_id"])))


def test_outlet_comparison_counts_state_stories_and_lag(analysis):
    comp = analysis.outlet_comparison.set_index("outlet_id")
    carriers = ["domain:ledger.com", "domain:herald.com", "domain:newshub.com"]
    assert comp.loc[carriers, "n_state_stories"].tolist() == [1, 1, 1]
    assert comp.loc[carriers, "median_lag_state_stories_hours"].tolist() == [2.0, 6.0, 24.0]
    assert comp.loc["sputnik", "n_state_stories"] == 0
    assert comp.loc["domain:otherpaper.com", "n_state_stories"] == 0


def test_deterministic_ids_whatever_the_row_order():
    articles = conform(
        pd.DataFrame(
            {
                "article_id": ["a", "b", "c", "d", "e"],
                "outlet_id": ["x", "y", "z", "x", "y"],
                "published": ["2020-01-01T00:00Z"] * 5,
            }
        ),
        "articles",
    )
    reuse = conform(
        pd.DataFrame(
            {
                "pair_id": ["1", "2", "3"],
                "child_article_id": ["b", "c", "e"],
                "parent_article_id": ["a", "b", "d"],
                "direction": ["published", "undetermined", "published"],
            }
        ),
        "reuse",
    )
    stories, story_of = build_stories(articles, reuse)
    shuffled, shuffled_of = build_stories(articles.iloc[::-1], reuse.iloc[::-1])
    pd.testing.assert_frame_equal(stories, shuffled)
    assert story_of.to_dict() == shuffled_of.to_dict()
    assert stories["story_id"].tolist() == [stable_id("a;b;c"), stable_id("d;e")]
    # Equal times: the article that copies nobody comes first.
    assert stories["first_article_id"].tolist() == ["a", "d"]


def test_report_section_lists_the_story_escaped(analysis):
    html = Report(analysis.tables).stories_section()
    assert "1 story (texts carried by more than one article) cover 4 articles; 1 start" in html
    assert "Talks &lt;b&gt;resume&lt;/b&gt;" in html and "<b>resume" not in html
    assert html.count("<tr><td>") == 1
