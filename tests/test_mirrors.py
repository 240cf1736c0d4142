"""Mirrors: the same article on two domains of one publisher is a `mirror`, not a republication.

All text here is synthetic (random made-up words from a fixed seed).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import provenance
from provenance.chains import build_chains, build_links
from provenance.chains.mirrors import mirror_mask
from provenance.schema import conform


def synthetic_words(n: int, seed: int) -> str:
    """``n`` made-up words (syllable pairs), the same for the same seed."""
    rng = np.random.default_rng(seed)
    syllables = ["ka", "lo", "mi", "ten", "dra", "vos", "pel", "ur", "zan", "qui", "bor", "esh"]
    words = ["".join(rng.choice(syllables, size=int(rng.integers(2, 4)))) for _ in range(n)]
    sentences = [" ".join(words[i : i + 12]).capitalize() + "." for i in range(0, n, 12)]
    return " ".join(sentences)


STORY = synthetic_words(320, seed=1)
# The same article on the publisher's two domains, each with its own page chrome.
CHROME_COM = synthetic_words(60, seed=2)
CHROME_UK = synthetic_words(45, seed=3)


@pytest.fixture(scope="module")
def mirrored():
    frame = pd.DataFrame(
        {
            "url": [
                "https://www.dailyclarion.com/world/talks",
                "https://www.dailyclarion.co.uk/world/talks",
                "https://www.otherpaper.com/local/fair",
            ],
            "title": ["Talks resume", "Talks resume", "County fair opens"],
            "text": [
                STORY + "\n\n" + CHROME_COM,
                CHROME_UK + "\n\n" + STORY,
                synthetic_words(300, seed=4),
            ],
            "published": ["2021-03-01T08:00Z", "2021-03-01T09:30Z", "2021-03-01T10:00Z"],
        }
    )
    return provenance.analyze(frame, framing=False)


def test_mirror_pair_is_a_mirror_link(mirrored):
    links = mirrored.links
    assert links["relation"].tolist() == ["mirror"]
    domain = mirrored.articles.set_index("article_id")["domain"]
    link = links.iloc[0]
    assert domain[link["child_article_id"]] == "dailyclarion.co.uk"
    assert domain[link["parent_article_id"]] == "dailyclarion.com"
    assert not link["uncredited_state_media"]


def test_mirror_is_not_a_republication_in_the_comparison(mirrored):
    comp = mirrored.outlet_comparison.set_index("outlet_id")
    sides = ["domain:dailyclarion.com", "domain:dailyclarion.co.uk"]
    assert comp.loc[sides, "n_republished"].tolist() == [0, 0]
    assert comp.loc[sides, "share_republished"].tolist() == [0.0, 0.0]
    assert comp.loc[sides, "n_mirrored"].tolist() == [1, 1]
    assert comp.loc[sides, "top_parents"].isna().all()
    assert comp.loc["domain:otherpaper.com", "n_mirrored"] == 0


def test_mirror_rules():
    articles = conform(
        pd.DataFrame(
            {
                "article_id": ["o1", "o2", "s1", "s2", "s3", "w1", "w2", "w3", "x1"],
                "outlet_id": ["rt", "rt-de", "domain:a.com", "domain:b.org", "domain:b.org",
                              "domain:wt.com", "domain:wt.com", "ap", "domain:c.com"],
                "domain": ["rt.com", "rtde.tv", "a.com", "b.org", "b.org",
                           "wt.com", "wt.com", "apnews.com", "c.com"],
                "site_name": [None, None, "Clarion", "The Clarion", "Clarion",
                              "Wash Times", "Associated Press", "Associated Press", None],
            }
        ),
        "articles",
    )  # fmt: skip
    outlets = conform(
        pd.DataFrame(
            {
                "outlet_id": ["rt", "rt-de", "ap"],
                "name": ["RT", "RT Deutsch", "Associated Press"],
                "owner": ["TV-Novosti", "TV-Novosti", "AP cooperative"],
                "registered": [True, True, True],
            }
        ),
        "outlets",
    )
    child = pd.Series(["o2", "s2", "w2", "x1", "w1"])
    parent = pd.Series(["o1", "s1", "w3", "s1", "w2"])
    got = mirror_mask(child, parent, articles, outlets).tolist()
    # Same owner; same site name (b.org's majority name); not: a wire story that the input labels
    # with the wire's name on a paper's domain whose majority name is another; unrelated sites;
    # the same domain (not a second domain).
    assert got == [True, True, False, False, False]


def test_chain_passes_a_mirror_only_when_nothing_else_is_there():
    articles = conform(
        pd.DataFrame(
            {
                "article_id": ["w", "m1", "m2"],
                "outlet_id": ["wire", "domain:p.com", "domain:p.co.uk"],
                "domain": ["wire.com", "p.com", "p.co.uk"],
                "published": ["2021-01-01T00:00Z", "2021-01-01T01:00Z", "2021-01-01T02:00Z"],
            }
        ),
        "articles",
    )
    # m2's best parent is its mirror m1; its pair with the wire is an alternative.
    reuse = conform(
        pd.DataFrame(
            {
                "pair_id": ["p1", "p2", "p3"],
                "child_article_id": ["m1", "m2", "m2"],
                "parent_article_id": ["w", "m1", "w"],
                "containment": [0.9, 0.99, 0.88],
                "direction": ["published"] * 3,
                "is_best_parent": [True, True, False],
                "confidence": [1.0, 1.0, 1.0],
            }
        ),
        "reuse",
    )
    links = build_links(articles, reuse=reuse)
    got = sorted(links[["child_article_id", "parent_article_id", "relation"]].values.tolist())
    assert got == [["m1", "w", "republishes"], ["m2", "m1", "mirror"], ["m2", "w", "republishes"]]
    chains, _ = build_chains(links, articles)
    assert chains.set_index("article_id")["path"].to_dict() == {
        "m1": "p.com > wire",
        "m2": "p.co.uk > wire",
        "w": "wire.com",
    }
    # Without the wire pair, m2's chain passes through its mirror, which needs no credit.
    only_mirror = build_links(articles, reuse=reuse[reuse["pair_id"] != "p3"])
    chains, _ = build_chains(only_mirror, articles)
    m2 = chains.set_index("article_id").loc["m2"]
    assert m2["path"] == "p.co.uk > domain:p.com > wire"
    assert m2["root_outlet_id"] == "wire"
