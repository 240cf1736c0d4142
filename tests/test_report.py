"""Tests for provenance.report: the HTML report, its link views, plots and notebook helpers.

All article texts below are synthetic wire-copy written for these tests (not real articles);
the first family mirrors the seed's chain urdupoint.com > Sputnik > Magyar Nemzet.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import provenance
from provenance.report import caps as report_caps
from provenance.report import (
    plot_outlets,
    render_html,
    show_link,
    summary_html,
    write_figures,
    write_report,
)
from provenance.report.linkview import Mark, parse_evidence, render_marked
from provenance.report.plots import figure_svg
from provenance.schema import TABLES, conform

CHROMIUM = "/usr/bin/chromium"

# ---- synthetic corpus -------------------------------------------------------------------------

URDU_TEXT = (
    "MOSCOW (UrduPoint News / Sputnik - 23rd August, 2021) Talks between Russia and the "
    "United States on strategic stability are a hopeful sign, though easing tensions with "
    "Washington will take time, Russian Foreign Minister Sergey Lavrov said.\n\n"
    '"The first round in Geneva showed that both sides can sit at one table and work," Lavrov '
    "told Hungary's Magyar Nemzet newspaper in an interview.\n\n"
    "The minister noted that the world had become multipolar and that more actors were "
    "involved than during the Cold War."
)
RT_TEXT = (
    "MOSCOW, March 2 (RT) - Russia will respond to NATO's planned exercises near its western "
    "border, Foreign Ministry spokeswoman Maria Zakharova said on Monday.\n\n"
    '"We will take all necessary measures to guarantee the security of our country," '
    "Zakharova said at a weekly briefing.\n\n"
    "The drills, which reportedly involve some 12,000 troops, are scheduled to begin later "
    "this month in Lithuania and Poland.\n\n"
    '"Nobody in Europe should be under any illusion about what such manoeuvres mean," she '
    "added, calling the exercises a provocation.\n\n"
    "Officials in Vilnius said the exercises were planned more than a year ago and are "
    "defensive in nature."
)
COPY_TEXT = (
    "Tensions flared again on Monday as Moscow issued a stark warning to the Western "
    "alliance.\n\n"
    "Russia will respond to NATO's planned exercises near its western border, Foreign "
    "Ministry spokeswoman Maria Zakharova said on Monday.\n\n"
    '"We will take all necessary measures to guarantee the security of our country," '
    "Zakharova claimed at a weekly briefing.\n\n"
    "The drills, which involve some 12,000 troops, are scheduled to begin later this month "
    "in Lithuania and Poland.\n\n"
    "Officials in Vilnius said the exercises were planned more than a year ago and are "
    "defensive in nature.\n\n"
    "Critics say the Western regime is pushing the region towards war."
)
COPY2_TEXT = (
    "(Source: Global News Desk)\n\n"
    "Tensions flared again on Monday as Moscow issued a stark warning to the Western "
    "alliance.\n\n"
    '"We will take all necessary measures to guarantee the security of our country," '
    "Zakharova claimed at a weekly briefing.\n\n"
    "Critics say the Western regime is pushing the region towards war."
)
QUOTE_1 = "We will take all necessary measures to guarantee the security of our country"
QUOTE_2 = "Nobody in Europe should be under any illusion about what such manoeuvres mean"


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _passages(pair_id: str, child: str, parent: str, parts: list[tuple[str, str]]) -> list[dict]:
    rows = []
    for n, (child_part, parent_part) in enumerate(parts, start=1):
        cs, ce = _span(child, child_part)
        ps, pe = _span(parent, parent_part)
        rows.append(
            dict(
                pair_id=pair_id,
                passage=n,
                child_start=cs,
                child_end=ce,
                parent_start=ps,
                parent_end=pe,
                n_words=len(child_part.split()),
            )
        )
    return rows


def _known(rows: list[dict], table: str) -> pd.DataFrame:
    """Rows as a contract table, keeping only columns this version of the schema has."""
    frame = pd.DataFrame(rows)
    # Keys missing from a row are None, not NaN (conform reads an object NaN as a true boolean).
    frame = frame.astype(object).where(frame.notna(), None)
    keep = [c for c in frame.columns if c in TABLES[table].dtypes or c[:2] in ("f_", "d_")]
    return conform(frame[keep], table)


def build_tables(title_u: str = "Russia-US Dialogue 'Encouraging' But Hard - Lavrov") -> dict:
    articles = [
        dict(
            article_id="a_urdu",
            url="https://www.urdupoint.com/en/world/lavrov-1.html",
            domain="urdupoint.com",
            outlet_id="domain:urdupoint.com",
            site_name="UrduPoint",
            title=title_u,
            published="2021-08-23T04:10:00Z",
            language="en",
            credit_text="UrduPoint News / Sputnik",
            text=URDU_TEXT,
        ),
        dict(
            article_id="a_rt",
            url="https://www.rt.com/news/drills-1/",
            domain="rt.com",
            outlet_id="rt",
            title="Moscow warns of response to new Baltic drills",
            published="2026-03-02T08:00:00Z",
            text=RT_TEXT,
        ),
        dict(
            article_id="a_copy",
            url="https://globalnewsdesk.com/russia-vows-response",
            domain="globalnewsdesk.com",
            outlet_id="globalnewsdesk",
            title="Russia vows response as NATO masses troops",
            published="2026-03-02T11:30:00Z",
            text=COPY_TEXT,
        ),
        dict(
            article_id="a_copy2",
            url="https://eveningledger.example/moscow-warning",
            domain="eveningledger.example",
            outlet_id="domain:eveningledger.example",
            title="Moscow's stark warning",
            published="2026-03-02T15:00:00Z",
            text=COPY2_TEXT,
        ),
    ]
    for a in articles:
        a["n_words"] = len(a["text"].split())
    outlets = [
        dict(
            outlet_id="sputnik",
            name="Sputnik",
            domains="sputniknews.com",
            country="RU",
            ownership="state",
            state_affiliated=True,
            kind="state_media",
            registered=True,
        ),
        dict(
            outlet_id="magyar-nemzet",
            name="Magyar Nemzet",
            domains="magyarnemzet.hu",
            country="HU",
            ownership="private",
            state_affiliated=False,
            kind="newspaper",
            registered=True,
        ),
        dict(
            outlet_id="rt",
            name="RT",
            domains="rt.com",
            country="RU",
            ownership="state",
            state_affiliated=True,
            kind="state_media",
            registered=True,
        ),
        dict(
            outlet_id="globalnewsdesk",
            name="Global News Desk",
            domains="globalnewsdesk.com",
            country="GB",
            ownership="private",
            state_affiliated=False,
            kind="aggregator",
            registered=True,
        ),
        dict(
            outlet_id="domain:urdupoint.com",
            name="urdupoint.com",
            domains="urdupoint.com",
            country="PK",
            ownership="unknown",
            registered=False,
        ),
        dict(
            outlet_id="domain:eveningledger.example",
            name="eveningledger.example",
            domains="eveningledger.example",
            ownership="unknown",
            registered=False,
        ),
    ]
    dateline = "MOSCOW (UrduPoint News / Sputnik - 23rd August, 2021)"
    interview = "told Hungary's Magyar Nemzet newspaper in an interview"
    source_line = "(Source: Global News Desk)"
    credits = [
        dict(
            credit_id="c1",
            article_id="a_urdu",
            kind="dateline",
            outlet_id="sputnik",
            entity_text="Sputnik",
            cue="dateline",
            place="MOSCOW",
            credit_date="2021-08-23",
            span_start=_span(URDU_TEXT, dateline)[0],
            span_end=_span(URDU_TEXT, dateline)[1],
            text=dateline,
            confidence=0.95,
        ),
        dict(
            credit_id="c2",
            article_id="a_copy2",
            kind="source_line",
            outlet_id="globalnewsdesk",
            entity_text="Global News Desk",
            cue="Source:",
            span_start=0,
            span_end=len(source_line),
            text=source_line,
            confidence=0.9,
        ),
    ]
    citations = [
        dict(
            citation_id="ci1",
            article_id="a_urdu",
            kind="interview",
            outlet_id="magyar-nemzet",
            entity_text="Magyar Nemzet",
            cue="told ... in an interview",
            speaker="Sergey Lavrov",
            span_start=_span(URDU_TEXT, interview)[0],
            span_end=_span(URDU_TEXT, interview)[1],
            text=interview,
            confidence=0.9,
        ),
    ]
    quotes = [
        dict(
            quote_id="q1",
            article_id="a_rt",
            field="text",
            text=QUOTE_1,
            speaker="Maria Zakharova",
            speaker_role="Foreign Ministry spokeswoman",
            verb="said",
            span_start=_span(RT_TEXT, QUOTE_1)[0],
            span_end=_span(RT_TEXT, QUOTE_1)[1],
        ),
        dict(
            quote_id="q2",
            article_id="a_rt",
            field="text",
            text=QUOTE_2,
            speaker="Maria Zakharova",
            verb="added",
            span_start=_span(RT_TEXT, QUOTE_2)[0],
            span_end=_span(RT_TEXT, QUOTE_2)[1],
        ),
        dict(
            quote_id="q3",
            article_id="a_copy",
            field="text",
            text=QUOTE_1,
            speaker="Maria Zakharova",
            verb="claimed",
            span_start=_span(COPY_TEXT, QUOTE_1)[0],
            span_end=_span(COPY_TEXT, QUOTE_1)[1],
        ),
    ]
    reuse = [
        dict(
            pair_id="p1",
            child_article_id="a_copy",
            parent_article_id="a_rt",
            containment=0.78,
            parent_coverage=0.7,
            jaccard=0.6,
            n_passages=4,
            added_words=27,
            dropped_words=25,
            direction="published",
            lag_hours=3.5,
            confidence=0.9,
            is_best_parent=True,
        ),
        dict(
            pair_id="p2",
            child_article_id="a_copy2",
            parent_article_id="a_copy",
            containment=0.93,
            parent_coverage=0.45,
            jaccard=0.42,
            n_passages=3,
            added_words=4,
            dropped_words=60,
            direction="credit",
            lag_hours=3.5,
            confidence=0.95,
            is_best_parent=True,
        ),
    ]
    p1 = _passages(
        "p1",
        COPY_TEXT,
        RT_TEXT,
        [
            (
                "Russia will respond to NATO's planned exercises near its western border, Foreign "
                "Ministry spokeswoman Maria Zakharova said on Monday.",
                "Russia will respond to NATO's planned exercises near its western border, Foreign "
                "Ministry spokeswoman Maria Zakharova said on Monday.",
            ),
            (
                '"We will take all necessary measures to guarantee the security of our country," '
                "Zakharova claimed at a weekly briefing.",
                '"We will take all necessary measures to guarantee the security of our country," '
                "Zakharova said at a weekly briefing.",
            ),
            (
                "The drills, which involve some 12,000 troops, are scheduled to begin later this "
                "month in Lithuania and Poland.",
                "The drills, which reportedly involve some 12,000 troops, are scheduled to begin "
                "later this month in Lithuania and Poland.",
            ),
            (
                "Officials in Vilnius said the exercises were planned more than a year ago and are "
                "defensive in nature.",
                "Officials in Vilnius said the exercises were planned more than a year ago and are "
                "defensive in nature.",
            ),
        ],
    )
    p2 = _passages(
        "p2",
        COPY2_TEXT,
        COPY_TEXT,
        [
            (
                "Tensions flared again on Monday as Moscow issued a stark warning to the Western "
                "alliance.",
                "Tensions flared again on Monday as Moscow issued a stark warning to the Western "
                "alliance.",
            ),
            (
                '"We will take all necessary measures to guarantee the security of our country," '
                "Zakharova claimed at a weekly briefing.",
                '"We will take all necessary measures to guarantee the security of our country," '
                "Zakharova claimed at a weekly briefing.",
            ),
            (
                "Critics say the Western regime is pushing the region towards war.",
                "Critics say the Western regime is pushing the region towards war.",
            ),
        ],
    )
    hedge = _span(RT_TEXT, "reportedly")
    loaded = _span(COPY_TEXT, "regime")
    framing = [
        dict(
            target_kind="article",
            target_id="a_rt",
            feature="f_hedges",
            value=1.0,
            evidence=f"{hedge[0]}-{hedge[1]}:reportedly",
        ),
        dict(
            target_kind="article",
            target_id="a_copy",
            feature="f_loaded_words",
            value=1.0,
            evidence=f"{loaded[0]}-{loaded[1]}:regime",
        ),
        dict(
            target_kind="link",
            target_id="L3",
            feature="d_hedges",
            value=-1.0,
            evidence="dropped: reportedly",
        ),
    ]
    links = [
        dict(
            link_id="L1",
            child_article_id="a_urdu",
            child_outlet_id="domain:urdupoint.com",
            parent_outlet_id="sputnik",
            relation="republishes",
            evidence="credit",
            credited=True,
            uncredited_state_media=False,
            confidence=0.95,
            cue="UrduPoint News / Sputnik",
        ),
        dict(
            link_id="L2",
            child_article_id="a_urdu",
            child_outlet_id="sputnik",
            parent_outlet_id="magyar-nemzet",
            relation="interview_with",
            evidence="citation",
            credited=True,
            uncredited_state_media=False,
            confidence=0.9,
            speakers="Sergey Lavrov",
            d_quote_share=0.1,
        ),
        dict(
            link_id="L3",
            child_article_id="a_copy",
            child_outlet_id="globalnewsdesk",
            parent_article_id="a_rt",
            parent_outlet_id="rt",
            relation="republishes",
            evidence="text_reuse",
            containment=0.78,
            parent_coverage=0.7,
            credited=False,
            uncredited_state_media=True,
            lag_hours=3.5,
            confidence=0.9,
            d_hedges=-1.0,
            d_loaded_words=1.0,
            d_quote_share=-0.12,
        ),
        dict(
            link_id="L4",
            child_article_id="a_copy2",
            child_outlet_id="domain:eveningledger.example",
            parent_article_id="a_copy",
            parent_outlet_id="globalnewsdesk",
            relation="republishes",
            evidence="credit+text_reuse",
            containment=0.93,
            parent_coverage=0.45,
            credited=True,
            uncredited_state_media=False,
            lag_hours=3.5,
            confidence=0.95,
            d_hedges=0.0,
            d_loaded_words=0.0,
            d_quote_share=0.05,
        ),
    ]
    chains = [
        dict(
            chain_id="ch_urdu",
            article_id="a_urdu",
            path="urdupoint.com > Sputnik > Magyar Nemzet",
            depth=2,
            root_outlet_id="magyar-nemzet",
            root_state_affiliated=False,
            credited_all_the_way=True,
        ),
        dict(
            chain_id="ch_rt",
            article_id="a_rt",
            path="RT",
            depth=0,
            root_outlet_id="rt",
            root_state_affiliated=True,
            credited_all_the_way=True,
        ),
        dict(
            chain_id="ch_copy",
            article_id="a_copy",
            path="globalnewsdesk.com > RT",
            depth=1,
            root_outlet_id="rt",
            root_state_affiliated=True,
            credited_all_the_way=False,
        ),
        dict(
            chain_id="ch_copy2",
            article_id="a_copy2",
            path="eveningledger.example > Global News Desk > RT",
            depth=2,
            root_outlet_id="rt",
            root_state_affiliated=True,
            credited_all_the_way=False,
        ),
    ]
    hops = [
        dict(
            chain_id="ch_urdu",
            hop=0,
            article_id="a_urdu",
            outlet_id="domain:urdupoint.com",
            link_id="L1",
            evidence="credit",
        ),
        dict(chain_id="ch_urdu", hop=1, outlet_id="sputnik", link_id="L2", evidence="citation"),
        dict(chain_id="ch_urdu", hop=2, outlet_id="magyar-nemzet"),
        dict(chain_id="ch_rt", hop=0, article_id="a_rt", outlet_id="rt"),
        dict(
            chain_id="ch_copy",
            hop=0,
            article_id="a_copy",
            outlet_id="globalnewsdesk",
            link_id="L3",
            evidence="text_reuse",
        ),
        dict(chain_id="ch_copy", hop=1, article_id="a_rt", outlet_id="rt"),
        dict(
            chain_id="ch_copy2",
            hop=0,
            article_id="a_copy2",
            outlet_id="domain:eveningledger.example",
            link_id="L4",
            evidence="credit+text_reuse",
        ),
        dict(
            chain_id="ch_copy2",
            hop=1,
            article_id="a_copy",
            outlet_id="globalnewsdesk",
            link_id="L3",
            evidence="text_reuse",
        ),
        dict(chain_id="ch_copy2", hop=2, article_id="a_rt", outlet_id="rt"),
    ]
    comparison = [
        dict(
            outlet_id="domain:urdupoint.com",
            name="urdupoint.com",
            country="PK",
            ownership="unknown",
            state_affiliated=False,
            n_articles=1,
            n_republished=1,
            share_republished=1.0,
            top_parents="sputnik (1)",
            share_from_state_media=0.0,
            credit_rate=None,
            f_hedges=0.0,
            f_loaded_words=0.0,
            f_quote_share=0.3,
        ),
        dict(
            outlet_id="rt",
            name="RT",
            country="RU",
            ownership="state",
            state_affiliated=True,
            n_articles=1,
            n_republished=0,
            share_republished=0.0,
            share_from_state_media=1.0,
            f_hedges=1.0,
            f_loaded_words=0.0,
            f_quote_share=0.35,
        ),
        dict(
            outlet_id="globalnewsdesk",
            name="Global News Desk",
            country="GB",
            ownership="private",
            state_affiliated=False,
            n_articles=1,
            n_republished=1,
            share_republished=1.0,
            top_parents="rt (1)",
            share_from_state_media=1.0,
            credit_rate=0.0,
            median_lag_hours=3.5,
            f_hedges=0.0,
            f_loaded_words=1.0,
            f_quote_share=0.2,
        ),
        dict(
            outlet_id="domain:eveningledger.example",
            name="eveningledger.example",
            ownership="unknown",
            n_articles=1,
            n_republished=1,
            share_republished=1.0,
            top_parents="globalnewsdesk (1)",
            share_from_state_media=1.0,
            credit_rate=1.0,
            median_lag_hours=3.5,
            f_hedges=0.0,
            f_loaded_words=1.0,
            f_quote_share=0.4,
        ),
    ]
    errors = [dict(source="feed.jsonl", record="7", stage="ingest", reason="empty body text")]
    return {
        "articles": _known(articles, "articles"),
        "outlets": _known(outlets, "outlets"),
        "credits": _known(credits, "credits"),
        "citations": _known(citations, "citations"),
        "quotes": _known(quotes, "quotes"),
        "reuse": _known(reuse, "reuse"),
        "passages": _known(p1 + p2, "passages"),
        "links": _known(links, "links"),
        "chains": _known(chains, "chains"),
        "chain_hops": _known(hops, "chain_hops"),
        "outlet_comparison": _known(comparison, "outlet_comparison"),
        "framing": _known(framing, "framing"),
        "errors": _known(errors, "errors"),
    }


HOSTILE_TITLE = (
    '<script>document.body.setAttribute("data-pwned","1")</script>'
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">"
)
HOSTILE_OUTLET = '$x$ </script><script>document.title="pwned"</script> & Co'


def hostile_tables() -> dict:
    tables = build_tables(title_u=HOSTILE_TITLE)
    tables["articles"].loc[0, "url"] = "javascript:document.body.setAttribute('data-pwned','3')"
    tables["articles"].loc[0, "text"] = URDU_TEXT + "\n\n</script><!-- " + HOSTILE_TITLE
    outlets = tables["outlets"]
    outlets.loc[outlets["outlet_id"] == "domain:urdupoint.com", "name"] = HOSTILE_OUTLET
    comp = tables["outlet_comparison"]
    comp.loc[comp["outlet_id"] == "domain:urdupoint.com", "name"] = HOSTILE_OUTLET
    return tables


@pytest.fixture(scope="module")
def tables() -> dict:
    return build_tables()


@pytest.fixture(scope="module")
def html(tables) -> str:
    return render_html(tables, title="Test corpus")


def _view_ids(page: str) -> list[str]:
    block = page[page.index('<div id="link-views" hidden>') :]
    return re.findall(r'<template data-link="([^"]+)">', block)


def _json_block(page: str, block_id: str):
    match = re.search(
        rf'<script type="application/json" id="{block_id}">(.*?)</script>', page, re.S
    )
    assert match, block_id
    return json.loads(match.group(1))


# ---- the page ---------------------------------------------------------------------------------


def test_page_is_deterministic_and_self_contained(tables, html):
    assert render_html(build_tables(), title="Test corpus") == html
    assert html.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    # Nothing is fetched: no external scripts, styles, images or imports.
    assert not re.search(r"<(script|img|link|iframe)[^>]+(src|href)=\"https?:", html)
    assert "@import" not in html and "url(http" not in html
    assert "4 articles from 4 outlets, published 2021-08-23 to 2026-03-02" in html


def test_overview_findings(html):
    assert "Uncredited reuse of state-affiliated media" in html
    overview = html[html.index('id="overview"') : html.index('id="chains"')]
    assert 'data-link-open="L3"' in overview  # the laundering link is listed first with a view
    assert "urdupoint.com &gt; Sputnik &gt; Magyar Nemzet" in overview  # longest chains
    assert "Global News Desk" in overview  # outlets that republish most


def test_seed_chain_reads_at_a_glance(html):
    svgs = re.findall(r'<svg class="chain".*?</svg>', html, re.S)
    seed = [s for s in svgs if "Magyar Nemzet" in s]
    assert len(seed) == 1
    svg = seed[0]
    # Leaf to root, left to right, with the evidence on each edge.
    assert svg.index("urdupoint.com") < svg.index("Sputnik") < svg.index("Magyar Nemzet")
    assert ">credit<" in svg and ">citation<" in svg and "interview_with" in svg
    sputnik_node = re.search(r'<g class="node n-(\w+)"><title>Sputnik', svg)
    assert sputnik_node and sputnik_node.group(1) == "state"
    assert "state-affiliated · RU" in svg
    mn_node = re.search(r'<g class="node n-(\w+)"><title>Magyar Nemzet', svg)
    assert mn_node.group(1) == "private"
    # The state-media-rooted, uncredited family is drawn before it.
    assert "RT" in svgs[0] and "Magyar Nemzet" not in svgs[0]


def test_chain_pattern_deltas_beside_graph(html):
    chains = html[html.index('id="chains"') : html.index('id="links"')]
    assert "Framing change per hop" in chains
    assert "hedges" in chains and "-1" in chains


def test_embedded_data(html):
    data = _json_block(html, "report-data")
    assert [row[0] for row in data["links"]] == ["L3", "L1", "L4", "L2"]
    assert data["links"][0][10] == 1  # uncredited state media
    outlet_names = [o[1] for o in data["outlets"]]
    sputnik = data["outlets"][outlet_names.index("Sputnik")]
    assert sputnik[4] == "state"
    assert sorted(r[2] for r in data["chains"]) == [
        "eveningledger.example > Global News Desk > RT",
        "globalnewsdesk.com > RT",
        "urdupoint.com > Sputnik > Magyar Nemzet",
    ]
    # Full views, most important first: laundering, a state-media parent, then by containment.
    assert _view_ids(html) == ["L3", "L1", "L4", "L2"]
    assert {c["label"] for c in data["comparison"]["cols"]} >= {"credit rate", "hedges"}


def test_link_view_cap_keeps_most_important(tables, monkeypatch):
    monkeypatch.setattr(report_caps, "LINK_VIEW_CAP", 1)
    page = render_html(tables)
    assert _view_ids(page) == ["L3"]
    assert len(_json_block(page, "report-data")["links"]) == 4  # every link stays in the table


def test_link_view_byte_budget(tables, monkeypatch):
    # Long texts make fewer full views: the first always fits, then the budget stops them.
    monkeypatch.setattr(report_caps, "VIEW_BYTES_BUDGET", 1)
    assert _view_ids(render_html(tables)) == ["L3"]


# ---- link views -------------------------------------------------------------------------------


def test_link_view_laundering(tables):
    view = show_link("L3", tables)
    # Parent left, child right; aligned passages numbered on both sides.
    assert view.index("Parent:") < view.index("Child:")
    assert view.count('data-p="2"') >= 2
    assert re.search(r'class="add"[^>]*>Tensions flared', view)  # added lead paragraph
    assert re.search(r'class="drop q"[^>]*>Nobody in Europe', view)  # dropped quote
    assert re.search(r'class="al chg"[^>]*>claimed', view)  # changed word inside a passage
    assert "Attribution verb shift for Maria Zakharova: <b>said</b> → <b>claimed</b>" in view
    assert "Dropped quote of Maria Zakharova" in view and "Nobody in Europe" in view
    assert "hedges dropped by the child" in view and ">reportedly<" in view
    assert "loaded words added by the child" in view
    assert "No credit line" in view and "Uncredited reuse of state-affiliated media" in view
    assert "Framing change, child minus parent" in view and "dropped: reportedly" in view


def test_link_view_credit_and_outlet_only_parent(tables):
    credit = show_link("L1", tables)
    assert "Credit line (dateline)" in credit
    assert 'class="cr"' in credit and "No credit line" not in credit
    assert "Not in the corpus" in credit  # Sputnik's story itself is not in the corpus
    interview = show_link("L2", tables)
    assert "Cites" in interview and "interview" in interview and "Sergey Lavrov" in interview
    assert 'class="ci"' in interview
    copy = show_link("L4", tables)
    assert "Credit line (source_line)" in copy and "Uncredited" not in copy


def test_show_link_validates(tables):
    with pytest.raises(KeyError):
        show_link("nope", tables)
    with pytest.raises(TypeError):
        show_link(3, tables)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        render_html([tables["articles"]])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="outside its schema"):
        render_html({"articles": tables["articles"].assign(bogus=1)})


def test_render_marked_layers_and_escapes():
    body = "a <b> said & done"
    out = render_marked(body, [Mark(0, 6, "al", 1), Mark(2, 5, "chg"), Mark(6, 10, "q", None, "x")])
    assert out == (
        '<span class="al" data-p="1"><sup class="pn">1</sup>a </span>'
        '<span class="al chg" data-p="1">&lt;b&gt;</span>'
        '<span class="al" data-p="1"> </span><span class="q" title="x">said</span> &amp; done'
    )
    assert render_marked("x", [Mark(0, 5, "al")]) == "x"  # out-of-range marks are ignored


def test_parse_evidence_keeps_semicolons_in_text():
    assert parse_evidence("0-4:a; b; 10-12:cd") == [(0, 4, "a; b"), (10, 12, "cd")]
    assert parse_evidence(None) == []


# ---- security ---------------------------------------------------------------------------------


def test_hostile_strings_are_escaped():
    page = render_html(hostile_tables())
    assert HOSTILE_TITLE not in page and HOSTILE_OUTLET not in page
    assert "&lt;script&gt;document.body.setAttribute" in page  # shown as text
    assert "<img src=x" not in page and "javascript:" not in page.replace(
        "javascript:document.body", ""
    )
    assert 'href="javascript' not in page
    # Only the page's own two script elements, each closed once; no other active element.
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert not re.search(r"<(img|iframe|object|embed|link)\b", page)
    body = re.search(r'id="report-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in body and ">" not in body
    data = _json_block(page, "report-data")
    assert any(a[1] == HOSTILE_TITLE for a in data["articles"])  # the data itself is intact
    assert all(a[2] == "" or a[2].startswith("https://") for a in data["articles"])


def test_every_section_escapes_on_its_own():
    # The page is built from one unit per section (report/sections/): each escapes by itself.
    from provenance.report.page import Report
    from provenance.report.safe import esc

    report = Report(hostile_tables())
    views = report.link_views()
    sections = {
        "overview": report.overview(),
        "chains": report.chains_section(),
        "stories": report.stories_section(),
        "links": report.links_section(views),
        "outlets": report.outlets_section(),
    }
    for name, part in sections.items():
        assert HOSTILE_TITLE not in part and HOSTILE_OUTLET not in part, name
        assert not re.search(r"<(script|img|iframe|object|embed|link)\b", part), name
    shown_title, shown_outlet = esc(HOSTILE_TITLE), esc(HOSTILE_OUTLET)
    assert shown_outlet in sections["overview"]
    assert shown_title in sections["chains"] and shown_outlet in sections["chains"]
    assert shown_title in sections["links"] and shown_outlet in sections["links"]


def test_hostile_outlet_name_in_plots_and_summary():
    tables = hostile_tables()
    fig = plot_outlets(tables["outlet_comparison"])
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert HOSTILE_OUTLET[:31] + "…" in labels  # '$' kept literally, not as mathtext
    assert "&lt;/script&gt;" in figure_svg(fig)
    summary = summary_html(tables)
    assert "<script" not in summary.replace("&lt;script", "")


# ---- plots, figures, helpers ------------------------------------------------------------------


def test_plot_outlets_and_axes(tables):
    from matplotlib.figure import Figure

    fig = plot_outlets(tables["outlet_comparison"])
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert set(labels) == {"urdupoint.com", "RT", "Global News Desk", "eveningledger.example"}
    red = [t.get_text() for t in ax.get_yticklabels() if t.get_color() == "#c0392b"]
    assert red == ["RT"]
    other = Figure()
    axis = other.add_subplot()
    assert plot_outlets(tables["outlet_comparison"], ax=axis) is other
    with pytest.raises(ValueError):
        plot_outlets(tables["outlet_comparison"].drop(columns=["credit_rate"]))
    with pytest.raises(ValueError):
        plot_outlets(tables["outlet_comparison"], top=0)


def test_write_figures_deterministic(tables, tmp_path):
    first = write_figures(tables, tmp_path / "a")
    second = write_figures(tables, tmp_path / "b", formats=["svg", "png"])
    assert sorted(p.name for p in first) == [
        "framing.png",
        "framing.svg",
        "outlets.png",
        "outlets.svg",
    ]
    for path in first:
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()
    assert "Date" not in (tmp_path / "a" / "outlets.svg").read_text()
    assert len(second) == 4
    with pytest.raises(ValueError):
        write_figures(tables, tmp_path, formats=("pdf",))


def test_write_report_and_summary(tables, tmp_path, html):
    path = tmp_path / "report.html"
    write_report(tables, path, title="Test corpus")
    assert path.read_text(encoding="utf-8") == html
    summary = summary_html(tables)
    assert "4 articles from 4 outlets" in summary and "<script" not in summary
    assert "Uncredited reuse of state-affiliated media" in summary


def test_empty_tables_render():
    page = render_html({})
    assert "0 articles from 0 outlets" in page and "No article in the corpus has a traced" in page


def test_articles_without_outlet_report_paths_and_comparison():
    # Issue 13: on PTC (URLs on ptc.example, no registry outlet) the hop outlet codes were NaN
    # and the report died with "cannot convert float NaN to integer"; paths showed "?" and the
    # outlet comparison had 0 rows.
    frame = pd.DataFrame(
        {
            "url": ["https://ptc.example/article1", "https://ptc.example/article2", None],
            "title": ["Talks resume", "Budget passes", "Page dump"],
            "text": [
                "WASHINGTON (Reuters) - Talks between the two sides resumed on Monday.",
                "The council passed the budget on Tuesday after a long debate.",
                "LONDON (AFP) - A page dump with no URL and no site name at all.",
            ],
        }
    )
    analysis = provenance.analyze(frame, framing=False)
    hops = analysis.chain_hops
    assert hops["outlet_id"].isna().any()  # the case that crashed
    page = render_html(analysis.tables)
    assert "3 articles" in page
    assert not any("?" in path.split(" > ") for path in analysis.chains["path"])
    assert analysis.chains.set_index("article_id")["path"].str.split(" > ").str[0].notna().all()
    assert analysis.outlet_comparison["n_articles"].sum() >= 2
    summary_html(analysis.tables)


def test_plot_outlets_shows_in_a_notebook_without_matplotlib_inline(tables):
    fig = plot_outlets(tables["outlet_comparison"])
    svg = fig._repr_svg_()
    assert svg.startswith("<svg") and svg == figure_svg(fig)


# ---- in a real browser ------------------------------------------------------------------------


def _chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *extra,
        url,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def _console_errors(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if "Uncaught" in line
        or ("CONSOLE" in line and "ERROR" in line.upper())
        or "Refused to" in line
    ]


needs_chromium = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)), reason="chromium not installed"
)


def _check_in_browser(page_path: Path, tmp_path: Path, screenshot: Path) -> str:
    url = page_path.resolve().as_uri()
    dom = _chromium(tmp_path, url, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert not _console_errors(dom.stderr), _console_errors(dom.stderr)
    assert 'id="js-ok"' in dom.stdout, dom.stderr[-2000:]
    shot = _chromium(tmp_path, url, f"--screenshot={screenshot}", "--window-size=1400,2000")
    assert shot.returncode == 0 and screenshot.exists() and screenshot.stat().st_size > 10_000
    assert not _console_errors(shot.stderr), _console_errors(shot.stderr)
    return dom.stdout


@pytest.mark.browser
@needs_chromium
def test_report_in_headless_chromium(tables, tmp_path):
    path = tmp_path / "report.html"
    write_report(hostile_tables(), path)
    dom = _check_in_browser(path, tmp_path, tmp_path / "report.png")
    # The hostile headline and outlet name are shown as text and never run.
    assert not re.search(r"<body[^>]*data-pwned", dom) and "<title>pwned" not in dom
    assert "&lt;script&gt;document.body.setAttribute" in dom
    assert not re.search(r"<img[^>]*onerror", dom)
    assert '<svg class="chain"' in dom  # chain graphs
    assert 'class="lv"' in dom and 'class="al chg"' in dom  # a link diff
    assert re.search(r'<div class="figure"><svg', dom)  # outlet plot
    # The tables rendered their rows from the embedded JSON.
    rows = re.search(r'id="js-ok"[^>]*data-rows="([\d,]+)"', dom).group(1)
    assert rows == "4,3,4"
    assert dom.count("<tr>") > 10
    # A filter preset in the address: only the uncredited state-media link and chains remain.
    filtered = _chromium(tmp_path, path.resolve().as_uri() + "#state=usm", "--dump-dom")
    assert not _console_errors(filtered.stderr)
    assert re.search(r'id="js-ok"[^>]*data-rows="1,2,1"', filtered.stdout), filtered.stdout[-500:]


@pytest.mark.browser
@needs_chromium
def test_link_viewer_in_headless_chromium(tables, tmp_path, monkeypatch):
    # Only the laundering link gets a full view; the others open as cards with text openings.
    monkeypatch.setattr(report_caps, "LINK_VIEW_CAP", 1)
    path = tmp_path / "report.html"
    write_report(tables, path)
    full = _chromium(tmp_path, path.resolve().as_uri() + "#link=L3", "--dump-dom")
    assert not _console_errors(full.stderr), _console_errors(full.stderr)
    viewer = full.stdout[full.stdout.index('<div id="viewer"') :]
    assert viewer.startswith('<div id="viewer">')  # shown
    assert '<article class="lv" data-link="L3">' in viewer and 'class="al chg"' in viewer
    card = _chromium(tmp_path, path.resolve().as_uri() + "#link=L4", "--dump-dom")
    assert not _console_errors(card.stderr), _console_errors(card.stderr)
    viewer = card.stdout[card.stdout.index('<div id="viewer"') :]
    assert '<p class="lead">(Source: Global News Desk) Tensions flared' in viewer


# ---- end to end on the demo corpus --------------------------------------------------------------


@pytest.mark.browser
@needs_chromium
def test_demo_corpus_report_in_browser(tmp_path):
    analyze = getattr(provenance, "analyze", None)
    demo = Path(__file__).resolve().parents[1] / "data" / "demo"
    if analyze is None:
        pytest.skip("provenance.analyze is not available yet")
    if not demo.exists() or not any(demo.iterdir()):
        pytest.skip("data/demo is empty")
    analysis = analyze(demo)
    path = tmp_path / "report.html"
    write_report(analysis.tables, path)
    dom = _check_in_browser(path, tmp_path, tmp_path / "demo.png")
    assert re.search(r'<div class="figure"><svg', dom)
    assert 'id="js-ok"' in dom
