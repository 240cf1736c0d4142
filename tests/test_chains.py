"""Links, chains and the outlet comparison on small hand-built evidence tables."""

import pandas as pd
import pytest

from provenance.chains import build_chains, build_links, choose_parents, compare_outlets
from provenance.schema import conform, validate

OUTLETS = conform(
    pd.DataFrame(
        {
            "outlet_id": [
                "statewire",
                "ledger",
                "aggregator",
                "herald",
                "urdupoint",
                "sputnik",
                "magyar-nemzet",
            ],
            "name": [
                "StateWire",
                "Daily Ledger",
                "NewsHub",
                "Capital Herald",
                "UrduPoint",
                "Sputnik",
                "Magyar Nemzet",
            ],
            "state_affiliated": [True, False, False, False, False, True, False],
        }
    ),
    "outlets",
)


def _articles(rows):
    frame = pd.DataFrame(rows, columns=["article_id", "outlet_id", "domain", "published"])
    return conform(frame, "articles")


def _reuse(rows):
    cols = [
        "pair_id",
        "child_article_id",
        "parent_article_id",
        "containment",
        "parent_coverage",
        "direction",
        "is_best_parent",
        "confidence",
    ]
    return conform(pd.DataFrame(rows, columns=cols), "reuse")


ARTICLES = _articles(
    [
        ("s1", "statewire", "statewire.com", "2021-08-23T06:00Z"),
        ("l1", "ledger", "ledger.com", "2021-08-23T09:00Z"),
        ("g1", "aggregator", "newshub.com", "2021-08-23T15:00Z"),
        ("h1", "herald", "herald.com", "2021-08-23T07:00Z"),
    ]
)
# l1 copies s1 (credited); g1 copies l1 without credit and also resembles s1 (alternative parent).
REUSE = _reuse(
    [
        ("p1", "l1", "s1", 0.9, 0.8, "published", True, 0.95),
        ("p2", "g1", "l1", 0.95, 0.9, "published", True, 0.95),
        ("p3", "g1", "s1", 0.85, 0.7, "published", False, 0.9),
    ]
)
CREDITS = conform(
    pd.DataFrame(
        {
            "article_id": ["l1", "s1"],
            "kind": ["dateline", "dateline"],
            "outlet_id": ["statewire", "statewire"],
            "text": ["MOSCOW (StateWire) -", "MOSCOW (StateWire) -"],
            "confidence": [0.95, 0.95],
        }
    ),
    "credits",
)
# s1 cites an interview in the Herald; l1 carries the same sentence inside its copied passage.
CITATIONS = conform(
    pd.DataFrame(
        {
            "article_id": ["s1", "l1"],
            "kind": ["interview", "interview"],
            "outlet_id": ["herald", "herald"],
            "speaker": ["Minister Orlov", "Minister Orlov"],
            "span_start": [100, 120],
            "span_end": [160, 180],
            "text": ["Orlov told the Capital Herald in an interview"] * 2,
            "confidence": [0.9, 0.9],
        }
    ),
    "citations",
)
PASSAGES = conform(
    pd.DataFrame(
        {
            "pair_id": ["p1", "p2"],
            "passage": [0, 0],
            "child_start": [20, 0],
            "child_end": [900, 800],
            "parent_start": [0, 20],
            "parent_end": [880, 820],
            "n_words": [150, 140],
        }
    ),
    "passages",
)


@pytest.fixture(scope="module")
def graph():
    links = build_links(
        ARTICLES,
        reuse=REUSE,
        passages=PASSAGES,
        credits=CREDITS,
        citations=CITATIONS,
        outlets=OUTLETS,
    )
    chains, hops = build_chains(links, ARTICLES, OUTLETS)
    return links, chains, hops


def _link(links, child, parent_outlet):
    hit = links[(links["child_article_id"] == child) & (links["parent_outlet_id"] == parent_outlet)]
    assert len(hit) == 1, hit
    return hit.iloc[0]


def test_links_combine_evidence_and_flag_uncredited_state_media(graph):
    links, _, _ = graph
    validate(links, "links")
    credited_copy = _link(links, "l1", "statewire")
    assert credited_copy["evidence"] == "credit+text_reuse"
    assert credited_copy["parent_article_id"] == "s1"
    assert bool(credited_copy["credited"]) and not bool(credited_copy["uncredited_state_media"])
    assert credited_copy["lag_hours"] == pytest.approx(3.0)
    laundering = _link(links, "g1", "ledger")
    assert laundering["evidence"] == "text_reuse" and not bool(laundering["credited"])
    # g1's parent is l1 (private), so the hop itself is not state media; s1 stays an alternative.
    assert not bool(laundering["uncredited_state_media"])
    assert not ((links["child_article_id"] == "g1") & (links["parent_article_id"] == "s1")).any()


def test_citation_inside_copied_passage_belongs_to_the_parent(graph):
    links, _, _ = graph
    interview = _link(links, "s1", "herald")
    assert interview["relation"] == "interview_with" and interview["evidence"] == "citation"
    assert interview["speakers"] == "Minister Orlov"
    assert not ((links["child_article_id"] == "l1") & (links["parent_outlet_id"] == "herald")).any()


def test_copy_of_a_copy_is_a_chain_not_a_star(graph):
    _, chains, hops = graph
    validate(chains, "chains")
    validate(hops, "chain_hops")
    row = chains.set_index("article_id").loc["g1"]
    assert row["path"] == "newshub.com > Daily Ledger > StateWire > Capital Herald"
    assert row["depth"] == 3
    assert row["root_outlet_id"] == "herald"
    assert not bool(row["credited_all_the_way"])  # g1 does not credit the Ledger
    assert (
        chains.set_index("article_id").loc["l1", "path"]
        == "ledger.com > StateWire > Capital Herald"
    )
    assert chains.set_index("article_id").loc["h1", "depth"] == 0
    assert list(hops[hops["chain_id"] == row["chain_id"]]["hop"]) == [0, 1, 2, 3]


def test_uncredited_copy_of_state_media_is_flagged():
    reuse = _reuse([("p1", "l1", "s1", 0.9, 0.8, "published", True, 0.95)])
    links = build_links(ARTICLES, reuse=reuse, outlets=OUTLETS)
    assert bool(_link(links, "l1", "statewire")["uncredited_state_media"])


def test_seed_shaped_chain_reads_inside_the_republished_story():
    arts = _articles([("u1", "urdupoint", "urdupoint.com", "2021-08-23T09:10Z")])
    credits = conform(
        pd.DataFrame(
            {
                "article_id": ["u1"],
                "kind": ["dateline"],
                "outlet_id": ["sputnik"],
                "text": ["MOSCOW (UrduPoint News / Sputnik - 23rd August, 2021)"],
                "confidence": [0.95],
            }
        ),
        "credits",
    )
    citations = conform(
        pd.DataFrame(
            {
                "article_id": ["u1"],
                "kind": ["interview"],
                "outlet_id": ["magyar-nemzet"],
                "speaker": ["Lavrov"],
                "span_start": [500],
                "span_end": [560],
                "text": ["Lavrov told Hungary's Magyar Nemzet newspaper in an interview"],
                "confidence": [0.9],
            }
        ),
        "citations",
    )
    links = build_links(arts, credits=credits, citations=citations, outlets=OUTLETS)
    chains, _ = build_chains(links, arts, OUTLETS)
    assert chains["path"].tolist() == ["urdupoint.com > Sputnik > Magyar Nemzet"]
    assert bool(chains["root_state_affiliated"].iloc[0]) is False
    interview = _link(links, "u1", "magyar-nemzet")
    assert interview["child_outlet_id"] == "sputnik" and interview["speakers"] == "Lavrov"


def test_cycles_are_broken_and_never_loop():
    arts = _articles(
        [
            ("a", "ledger", "ledger.com", "2021-08-23T09:00Z"),
            ("b", "herald", "herald.com", "2021-08-23T10:00Z"),
        ]
    )
    reuse = _reuse(
        [
            ("p1", "a", "b", 0.9, 0.9, "credit", True, 0.6),
            ("p2", "b", "a", 0.9, 0.9, "credit", True, 0.9),
        ]
    )
    links = build_links(arts, reuse=reuse)
    chosen = choose_parents(links, arts)
    assert (
        len(chosen) == 1 and chosen["child_node"].iloc[0] == "a:b"
    )  # a (earlier) loses its parent
    chains, _ = build_chains(links, arts)
    assert sorted(chains["depth"].tolist()) == [0, 1]


def test_outlet_comparison(graph):
    links, chains, _ = graph
    table = compare_outlets(ARTICLES, links, chains, OUTLETS).set_index("outlet_id")
    validate(table.reset_index(), "outlet_comparison")
    assert table.loc["ledger", "n_republished"] == 1
    assert table.loc["ledger", "credit_rate"] == 1.0
    assert table.loc["aggregator", "credit_rate"] == 0.0
    assert table.loc["aggregator", "top_parents"] == "ledger (1)"
    assert table.loc["herald", "share_republished"] == 0.0
    assert table.loc["ledger", "median_lag_hours"] == pytest.approx(3.0)


def test_path_names_a_domainless_article_by_its_site_name_and_news_link_is_a_url():
    # BABE's CSVs call the URL column news_link; a record without a URL but with a site name is
    # named by that site in chain paths, not "unknown".
    import provenance

    frame = pd.DataFrame(
        {
            "news_link": ["https://www.dailyplanet-news.com/a", None],
            "site_name": ["", "Metro Ledger"],
            "text": [
                "GENEVA (Reuters) - Talks resumed on Monday between the two sides, officials said.",
                "Talks resumed on Monday between the two sides, officials said, in the city.",
            ],
        }
    )
    result = provenance.analyze(frame)
    assert result.articles["domain"].tolist()[0] == "dailyplanet-news.com"
    assert result.chains["path"].tolist() == ["dailyplanet-news.com > Reuters", "Metro Ledger"]
