"""The self-contained ``report.html``: overview, chains, link views, outlet comparison.

Everything is inline (CSS, JS, SVG, data), so the file opens offline and can be sent on.
Size stays bounded on large corpora by caps (documented in the page's notes):

- ``LINK_VIEW_CAP`` links get a full side-by-side view embedded (texts up to
  ``linkview.FULL_TEXT_CAP`` characters each), the most important first: uncredited reuse of
  state media, other state-media parents, uncredited reuse, then by containment and confidence;
  every other link opens as a card with the first ``LEAD_CHARS`` characters of each text;
- ``CHAIN_GRAPH_CAP`` chain patterns are drawn; every chain is listed in the chains table;
- tables are embedded as JSON and rendered ``PAGE`` rows at a time by the page's script.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources

import numpy as np
import pandas as pd

from provenance.report import data as rd
from provenance.report.graphs import NODE_STYLE, chain_svg
from provenance.report.linkview import FULL_TEXT_CAP, LinkContext, link_view_html, outlet_badge
from provenance.report.plots import (
    comparison_with_names,
    figure_svg,
    plot_framing,
    plot_outlets,
)
from provenance.report.safe import esc, safe_url, script_json

LINK_VIEW_CAP = 300
# Bytes of full link views at most: long texts make fewer views, so the file stays small.
VIEW_BYTES_BUDGET = 8_000_000
FEATURED_LINKS = 4
CHAIN_GRAPH_CAP = 60
LEAD_CHARS = 280
TOP_FINDINGS = 10
STORY_ROWS = 10
# Content-Security-Policy: nothing may be fetched; only the page's own inline style and script.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def _asset(name: str) -> str:
    return resources.files("provenance.report").joinpath("assets", name).read_text("utf-8")


def stylesheet(*, page: bool = False) -> str:
    """The inline CSS: components (badges, tables, link views), plus page layout if ``page``."""
    css = _asset("components.css")
    return _asset("page.css") + css if page else css


class Report:
    """The tables prepared once for the page and the notebook helpers."""

    def __init__(self, tables: Mapping[str, pd.DataFrame]):
        self.t = rd.prepare_tables(tables)
        self.outlets = rd.outlet_lookup(self.t)
        self.links = rd.link_frame(self.t, self.outlets)
        self._ctx: LinkContext | None = None

    @property
    def ctx(self) -> LinkContext:
        if self._ctx is None:
            self._ctx = LinkContext(self.t, self.outlets)
        return self._ctx

    # ---- overview -------------------------------------------------------------------------
    def corpus_line(self) -> str:
        articles = self.t["articles"]
        n_outlets = articles["outlet_id"].dropna().nunique()
        line = f"{len(articles):,} articles from {n_outlets:,} outlets"
        published = articles["published"].dropna()
        if len(published):
            line += (
                f", published {published.min().strftime('%Y-%m-%d')} to "
                f"{published.max().strftime('%Y-%m-%d')}"
            )
        return line

    def cards(self) -> str:
        chains = self.t["chains"]
        usm = int(self.links["uncredited_state_media"].fillna(False).sum())
        items = [
            ("articles", len(self.t["articles"]), ""),
            ("outlets", self.t["articles"]["outlet_id"].dropna().nunique(), ""),
            ("links", len(self.links), ""),
            ("chains with a source", int((chains["depth"].fillna(0) >= 1).sum()), ""),
            ("longest chain (hops)", int(chains["depth"].max()) if len(chains) else 0, ""),
            ("uncredited state-media reuse", usm, " alert" if usm else ""),
            ("rejected or partial inputs", len(self.t["errors"]), ""),
        ]
        return (
            '<div class="cards">'
            + "".join(
                f'<div class="card{cls}"><b>{value:,}</b>{esc(label)}</div>'
                for label, value, cls in items
            )
            + "</div>"
        )

    @staticmethod
    def _bars(counts: Mapping[object, int], label: str) -> str:
        top = max(counts.values(), default=0) or 1
        rows = "".join(
            f'<tr><td>{esc(k)}</td><td class="bar"><span class="fill" '
            f'style="width:{100 * v / top:.1f}%"></span></td><td class="num">{v:,}</td></tr>'
            for k, v in counts.items()
        )
        return (
            f'<table class="bars"><tr><th>{esc(label)}</th><th></th><th>n</th></tr>{rows}</table>'
        )

    def findings(self, *, buttons: bool = True) -> str:
        links = self.links
        usm = links[links["uncredited_state_media"].fillna(False).astype(bool)].head(TOP_FINDINGS)
        items = []
        for row in usm.itertuples(index=False):
            child = self.ctx.article(row.child_article_id)
            title = esc(child["title"]) if child is not None else esc(row.child_article_id)
            button = (
                f' <button class="view" data-link-open="{esc(row.link_id)}">view</button>'
                if buttons
                else ""
            )
            items.append(
                f"<li>{outlet_badge(row.child_outlet, self.outlets)} copies "
                f"{outlet_badge(row.parent_outlet_id, self.outlets)} without credit "
                f"(containment {_num(row.containment, '.2f')}): <i>{title}</i>{button}</li>"
            )
        n_usm = int(links["uncredited_state_media"].fillna(False).sum())
        more = (
            f"<p class='note'>{n_usm - len(usm):,} more in the links table.</p>"
            if n_usm > len(usm)
            else ""
        )
        usm_html = (
            f'<ol class="findings">{"".join(items)}</ol>{more}'
            if items
            else "<p>None found: no text reuse of a state-affiliated outlet lacks a credit.</p>"
        )
        chains = self.t["chains"]
        longest = (
            chains[chains["depth"].fillna(0) >= 2]
            .drop_duplicates("path")
            .sort_values(["depth", "path"], ascending=[False, True], kind="mergesort")
            .head(5)
        )
        longest_html = (
            "".join(
                f"<li>{esc(r.path)} <small>({int(r.depth)} hops"
                f"{', state-media root' if r.root_state_affiliated is True else ''})</small></li>"
                for r in longest.itertuples(index=False)
            )
            or "<li>No chain has more than one hop.</li>"
        )
        comp = self.t["outlet_comparison"]
        comp = (
            comp[comp["n_republished"].fillna(0) > 0]
            .sort_values(
                ["n_republished", "share_republished", "outlet_id"],
                ascending=[False, False, True],
                kind="mergesort",
            )
            .head(5)
        )
        repub_html = (
            "".join(
                f"<li>{outlet_badge(r.outlet_id, self.outlets)} {int(r.n_republished):,} of "
                f"{int(r.n_articles):,} articles ({_num(r.share_republished, '.0%')}); credit rate "
                f"{_num(r.credit_rate, '.0%')}</li>"
                for r in comp.itertuples(index=False)
            )
            or "<li>No outlet republishes another.</li>"
        )
        return (
            '<div class="grid2"><div><h3>Uncredited reuse of state-affiliated media</h3>'
            f"{usm_html}</div><div><h3>Longest chains</h3><ol class='findings'>{longest_html}</ol>"
            f"<h3>Outlets that republish most</h3><ol class='findings'>{repub_html}</ol></div></div>"
        )

    def overview(self) -> str:
        return (
            '<section class="block" id="overview"><h2>Overview</h2>'
            f"{self.cards()}{self.findings()}"
            '<div class="grid2"><div><h3>Links by evidence</h3>'
            f"{self._bars(rd.evidence_counts(self.links), 'evidence')}</div>"
            "<div><h3>Chains by depth</h3>"
            f"{self._bars(rd.depth_counts(self.t['chains']), 'hops to the root')}"
            '<p class="note">Depth 0: the article names no source (original reporting, or a '
            "source the analysis could not find).</p></div></div></section>"
        )

    # ---- chains -----------------------------------------------------------------------------
    def chains_section(self) -> str:
        patterns, total = rd.chain_patterns(self.t, self.links, CHAIN_GRAPH_CAP)
        legend = "".join(
            f'<span style="background:{fill};border:1px solid {stroke}">'
            f"{esc(rd.CLASS_LABELS[cls])}</span>"
            for cls, (fill, stroke, _) in NODE_STYLE.items()
        )
        cards = []
        for p in patterns:
            flags = []
            if p.root_state:
                flags.append('<span class="flag">state-media root</span>')
            if not p.credited_all:
                flags.append('<span class="flag">not credited all the way</span>')
            example = self.ctx.article(p.example_article_id)
            example_title = esc(example["title"]) if example is not None else ""
            cards.append(
                f'<div class="chain-card{" long" if len(p.outlet_ids) > 3 else ""}"><h3>{esc(p.example_path)} '
                f"<small>· {p.n_chains:,} article{'s' if p.n_chains != 1 else ''}"
                f" · depth {p.depth}</small> {' '.join(flags)}</h3>"
                f'<div class="graph">{chain_svg(p, self.outlets)}'
                f'<p class="note">e.g. <i>{example_title}</i></p></div>'
                f'<div class="hops">{self._hop_deltas(p)}</div></div>'
            )
        cap_note = (
            f'<p class="note">Showing the {len(patterns)} most important of {total:,} chain '
            "patterns (state-media roots not credited all the way first, then the longest); "
            "the table lists every chain.</p>"
            if total > len(patterns)
            else ""
        )
        body = "".join(cards) or "<p>No article in the corpus has a traced source.</p>"
        return (
            '<section class="block" id="chains"><h2>Chains</h2>'
            '<p class="legend-svg">Nodes run from the publishing outlet (leaf) to the root source; '
            "arrows point from copy to source and carry the evidence, relation and median lag; "
            "red dashed arrows have no credit or citation. Ownership: "
            f"{legend}</p>{cap_note}{body}"
            '<h3>All chains</h3><div class="scroll" id="chains-table"></div></section>'
        )

    def _hop_deltas(self, p: rd.ChainPattern) -> str:
        rows = []
        for i, deltas in enumerate(p.deltas):
            changed = {k: v for k, v in deltas.items() if abs(v) >= 0.0005}
            top = sorted(changed.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:4]
            if not top:
                continue
            child, parent = (self._name(o) for o in p.outlet_ids[i : i + 2])
            cells = ", ".join(
                f'{esc(k[2:].replace("_", " "))} <span class="num {"pos" if v > 0 else "neg"}">'
                f"{v:+.3g}</span>"
                for k, v in top
            )
            rows.append(f"<tr><td>{esc(child)} ← {esc(parent)}</td><td>{cells}</td></tr>")
        if not rows:
            return ""
        return (
            '<table class="deltas"><caption>Framing change per hop (child − parent, mean)'
            f"</caption>{''.join(rows)}</table>"
        )

    def _name(self, outlet_id: str) -> str:
        if outlet_id in self.outlets.index:
            return str(self.outlets.loc[outlet_id, "name"])
        return outlet_id.removeprefix("domain:")

    # ---- stories ----------------------------------------------------------------------------
    def stories_section(self) -> str:
        """The largest story clusters: who ran the text first, how far and fast it travelled."""
        stories = self.t["stories"]
        top = stories.sort_values(
            ["n_articles", "n_outlets", "story_id"],
            ascending=[False, False, True],
            kind="mergesort",
        ).head(STORY_ROWS)
        rows = []
        for r in top.itertuples(index=False):
            first = self.ctx.article(r.first_article_id)
            title = esc(first["title"]) if first is not None and pd.notna(first["title"]) else ""
            when = (
                r.first_published.strftime("%Y-%m-%d %H:%M") if pd.notna(r.first_published) else "–"
            )
            state = (
                ' <span class="flag">state-media root</span>'
                if r.root_state_affiliated is True
                else ""
            )
            rows.append(
                f"<tr><td>{int(r.n_articles):,}</td><td>{int(r.n_outlets):,}</td>"
                f"<td>{outlet_badge(r.first_outlet_id, self.outlets)}{state}<br><i>{title}</i></td>"
                f"<td>{esc(when)}</td><td>{_num(r.span_hours, '.1f')}</td>"
                f"<td>{int(r.n_credited):,}</td></tr>"
            )
        n_state = int(stories["root_state_affiliated"].fillna(False).astype(bool).sum())
        head = (
            f"<p>{len(stories):,} {'story' if len(stories) == 1 else 'stories'} (texts carried "
            "by more than one article) cover "
            f"{int(stories['n_articles'].sum()):,} articles; {n_state:,} start at or root in "
            "state-affiliated media.</p>"
        )
        table = (
            f'<table class="stories"><caption>The {len(rows)} largest stories</caption>'
            "<tr><th>articles</th><th>outlets</th><th>first outlet and headline</th>"
            "<th>first published (UTC)</th><th>span, hours</th><th>credited</th></tr>"
            f"{''.join(rows)}</table>"
            if rows
            else "<p>No two articles share a text.</p>"
        )
        return f'<section class="block" id="stories"><h2>Stories</h2>{head}{table}</section>'

    # ---- links ------------------------------------------------------------------------------
    def link_views(self) -> dict[str, str]:
        """Full views of the most important links, by link_id, in rank order: at most
        ``LINK_VIEW_CAP`` of them and ``VIEW_BYTES_BUDGET`` bytes in all."""
        views: dict[str, str] = {}
        used = 0
        for row in self.links.head(LINK_VIEW_CAP).to_dict("records"):
            if pd.isna(row["link_id"]) or str(row["link_id"]) in views:
                continue
            view = link_view_html(row, self.ctx)
            used += len(view.encode("utf-8"))
            if used > VIEW_BYTES_BUDGET and views:
                break
            views[str(row["link_id"])] = view
        return views

    def links_section(self, views: Mapping[str, str]) -> str:
        featured = list(views.values())[:FEATURED_LINKS]
        cap = (
            f"Full side-by-side views are embedded for the {len(views):,} most important of "
            f"{len(self.links):,} links; the others open with the first {LEAD_CHARS} characters "
            "of each text."
        )
        return (
            '<section class="block" id="links"><h2>Links</h2>'
            '<p class="note">Parent (the source) on the left, child (the copy) on the right. '
            "Hover an aligned passage to see its counterpart. "
            f"{cap}</p>{''.join(featured)}"
            '<h3>All links</h3><div class="scroll" id="links-table"></div></section>'
        )

    # ---- outlets ----------------------------------------------------------------------------
    def outlets_section(self) -> str:
        comparison = comparison_with_names(self.t)
        figures = [figure_svg(plot_outlets(comparison))]
        framing = plot_framing(comparison)
        if framing is not None:
            figures.append(figure_svg(framing))
        figs = "".join(f'<div class="figure">{f}</div>' for f in figures)
        return (
            '<section class="block" id="outlets"><h2>Outlet comparison</h2>'
            f'<p class="note">Plots show the {min(len(comparison), 20)} outlets with the most '
            "articles; the table lists all (click a header to sort).</p>"
            f'<div class="grid2">{figs}</div><h3>All outlets</h3><div class="scroll" id="outlets-table"></div>'
            "</section>"
        )

    # ---- embedded data ----------------------------------------------------------------------
    def page_data(self) -> dict:
        outlets = self.outlets
        o_index = pd.Series(np.arange(len(outlets)), index=outlets.index)
        o_rows = [
            [oid, r.name, r.country, r.ownership, r.cls, r.kind]
            for oid, r in zip(outlets.index, outlets.itertuples(index=False), strict=True)
        ]
        links = self.links
        chains = self.t["chains"]
        chains = chains[chains["depth"].fillna(0) >= 1].sort_values("chain_id", kind="mergesort")
        articles = self.t["articles"].drop_duplicates("article_id")
        wanted = pd.concat(
            [links["child_article_id"], links["parent_article_id"], chains["article_id"]]
        ).dropna()
        articles = articles[articles["article_id"].isin(wanted)].sort_values("article_id")
        a_index = pd.Series(np.arange(len(articles)), index=articles["article_id"].to_numpy())
        lead = (
            articles["text"]
            .fillna("")
            .str.slice(0, LEAD_CHARS)
            .str.replace(r"\s+", " ", regex=True)
        )
        published = articles["published"].dt.strftime("%Y-%m-%d %H:%M")
        urls = [safe_url(u) or "" for u in articles["url"].fillna("")]
        a_rows = [
            list(r)
            for r in zip(
                articles["article_id"],
                articles["title"].fillna(""),
                urls,
                _codes(articles["outlet_id"], o_index),
                published.astype(object).where(published.notna(), None),
                lead,
                strict=True,
            )
        ]
        l_rows = [
            list(r)
            for r in zip(
                links["link_id"],
                _codes(links["child_article_id"], a_index),
                _codes(links["parent_article_id"], a_index),
                _codes(links["child_outlet"], o_index),
                _codes(links["parent_outlet_id"], o_index),
                _strs(links["relation"]),
                _strs(links["evidence"]),
                _floats(links["containment"]),
                _floats(links["parent_coverage"]),
                _bools(links["credited"]),
                _bools(links["uncredited_state_media"]),
                _floats(links["lag_hours"], 2),
                _floats(links["confidence"]),
                links["rank"].astype(int).tolist(),
                strict=True,
            )
        ]
        hops = self.t["chain_hops"]
        hops = hops[hops["chain_id"].isin(chains["chain_id"])].sort_values(
            ["chain_id", "hop"], kind="mergesort"
        )
        hop_outlets = _code_lists(hops["outlet_id"], hops["chain_id"], o_index)
        hop_evidence = (
            hops["evidence"]
            .fillna("")
            .groupby(hops["chain_id"].to_numpy(), sort=True)
            .agg("+".join)
        )
        c_rows = [
            list(r)
            for r in zip(
                chains["chain_id"],
                _codes(chains["article_id"], a_index),
                _strs(chains["path"]),
                chains["depth"].astype(int).tolist(),
                _codes(chains["root_outlet_id"], o_index),
                _bools(chains["root_state_affiliated"]),
                _bools(chains["credited_all_the_way"]),
                [hop_outlets.get(c, []) for c in chains["chain_id"]],
                [
                    "+".join(sorted(set(hop_evidence.get(c, "").split("+")) - {""}))
                    for c in chains["chain_id"]
                ],
                strict=True,
            )
        ]
        return {
            "outlets": o_rows,
            "articles": a_rows,
            "links": l_rows,
            "chains": c_rows,
            "comparison": self._comparison_data(o_index),
        }

    def _comparison_data(self, o_index: pd.Series) -> dict:
        comp = self.t["outlet_comparison"].sort_values("outlet_id", kind="mergesort")
        spec = [
            ("n_articles", "articles", 0),
            ("n_republished", "republished", 0),
            ("share_republished", "share republished", 2),
            ("share_from_state_media", "share state-media roots", 2),
            ("share_via_state_media", "share via state media", 2),
            ("credit_rate", "credit rate", 2),
            ("median_lag_hours", "median lag h", 1),
        ]
        framing = [c for c in comp.columns if c.startswith(("f_", "d_"))]
        cols = [{"label": "outlet", "num": False}]
        values = [_codes(comp["outlet_id"], o_index)]
        for column, label, digits in spec:
            cols.append({"label": label, "num": True, "digits": digits})
            values.append(_floats(comp[column]))
        cols.append({"label": "top parents", "num": False})
        values.append(_strs(comp["top_parents"]))
        for column in framing:
            kind = "drift " if column.startswith("d_") else ""
            cols.append({"label": kind + column[2:].replace("_", " "), "num": True, "digits": 3})
            values.append(_floats(comp[column]))
        rows = [list(r) for r in zip(*values, strict=True)] if len(comp) else []
        rows = [r for r in rows if r[0] is not None]
        return {"cols": cols, "rows": rows}


def _codes(ids: pd.Series, index: pd.Series) -> list[int | None]:
    codes = ids.map(index)
    return [None if pd.isna(v) else int(v) for v in codes]


def _code_lists(ids: pd.Series, groups: pd.Series, index: pd.Series) -> pd.Series:
    """Per group, the codes of its ids in order; ids without a code (a hop whose outlet could
    not be resolved is NA) are left out, never turned into NaN codes."""
    codes = ids.map(index).dropna()
    return (
        codes.astype("int64")
        .groupby(groups[codes.index].to_numpy(), sort=True)
        .agg(lambda s: [int(v) for v in s])
    )


def _strs(values: pd.Series) -> list[str]:
    return values.fillna("").astype(str).tolist()


def _floats(values: pd.Series, digits: int = 3) -> list[float | None]:
    arr = pd.to_numeric(values, errors="coerce").astype(float).round(digits).to_numpy()
    return [None if not np.isfinite(v) else float(v) for v in arr]


def _bools(values: pd.Series) -> list[int | None]:
    return [None if pd.isna(v) else int(bool(v)) for v in values]


def _num(value: object, spec: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    return format(float(value), spec)


FILTERS = """
<div class="filters" role="search">
<label>outlet <select id="f-outlet"><option value="">any</option></select></label>
<label>country <select id="f-country"><option value="">any</option></select></label>
<label>state affiliation <select id="f-state"><option value="">any</option>
<option value="state">state-affiliated source</option>
<option value="nonstate">no state-affiliated source</option>
<option value="usm">uncredited state media</option></select></label>
<label>evidence <select id="f-evidence"><option value="">any</option>
<option value="credit">credit</option><option value="citation">citation</option>
<option value="text_reuse">text reuse</option></select></label>
<label>search <input id="f-q" type="search" placeholder="title, outlet, path"></label>
<button id="f-reset" type="button">reset</button>
<span class="note">filters apply to the chains, links and outlets tables</span>
</div>
"""


def notes_section() -> str:
    return (
        '<section class="block" id="notes"><h2>How to read this report</h2><ul>'
        "<li><b>Links</b> join a child article to the parent it takes from: by a credit "
        "(dateline, source line), a citation (an interview, a statement) or text reuse "
        "(aligned passages). <i>Uncredited state-media reuse</i> is text reuse of a "
        "state-affiliated outlet with no credit to it.</li>"
        "<li><b>Chains</b> follow each article's chosen parent to its root source.</li>"
        "<li><b>Framing deltas</b> are child minus parent; the evidence column lists the spans "
        "behind a value.</li>"
        f"<li><b>Caps</b>: full side-by-side texts for the {LINK_VIEW_CAP} most important links "
        f"(each text up to {FULL_TEXT_CAP:,} characters; fewer links when their views pass "
        f"{VIEW_BYTES_BUDGET / 1e6:.0f} MB), {LEAD_CHARS}-character openings for "
        f"the rest; graphs for the {CHAIN_GRAPH_CAP} most important chain patterns; plots for "
        "the 20 outlets with most articles. The CSV files beside this report hold every row.</li>"
        "<li>Filters can be preset in the address: <code>report.html#outlet=sputnik&amp;"
        "state=usm&amp;evidence=text_reuse</code>; <code>#link=LINK_ID</code> opens a link's "
        "view.</li></ul></section>"
    )


def render_page(tables: Mapping[str, pd.DataFrame], title: str) -> str:
    report = Report(tables)
    views = report.link_views()
    body = "".join(
        [
            report.overview(),
            report.chains_section(),
            report.stories_section(),
            report.links_section(views),
            report.outlets_section(),
            notes_section(),
        ]
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{stylesheet(page=True)}</style></head>"
        '<body class="pv-root">'
        f'<header class="top"><h1>{esc(title)}</h1><p>{esc(report.corpus_line())}</p>'
        '<nav class="sections"><a href="#overview">Overview</a><a href="#chains">Chains</a>'
        '<a href="#stories">Stories</a><a href="#links">Links</a><a href="#outlets">Outlets</a><a href="#notes">Notes</a></nav>'
        "</header>"
        f"{FILTERS}"
        "<noscript><p class='note'>The tables and filters need JavaScript; the overview, chain "
        "graphs, featured link views and plots do not.</p></noscript>"
        f"<main>{body}</main>"
        '<div id="viewer" hidden><button id="viewer-close" class="close" type="button">'
        'close ✕</button><div id="viewer-body"></div></div>'
        f'<script type="application/json" id="report-data">{script_json(report.page_data())}'
        "</script>"
        # Full link views as inert templates (escaped HTML, cloned into the viewer on demand).
        '<div id="link-views" hidden>'
        + "".join(f'<template data-link="{esc(k)}">{v}</template>' for k, v in views.items())
        + "</div>"
        f"<script>{_asset('report.js')}</script>"
        "</body></html>\n"
    )


def summary(tables: Mapping[str, pd.DataFrame]) -> str:
    report = Report(tables)
    return (
        f'<div class="provenance-summary pv-root"><style>{stylesheet()}</style>'
        f"<p><b>{esc(report.corpus_line())}</b></p>{report.cards()}"
        f"{report.findings(buttons=False)}</div>"
    )


def link_html(link_id: str, tables: Mapping[str, pd.DataFrame]) -> str:
    if not isinstance(link_id, str):
        raise TypeError(f"link_id must be a str, got {type(link_id).__name__}")
    report = Report(tables)
    rows = report.links[report.links["link_id"] == link_id]
    if rows.empty:
        raise KeyError(f"no link with link_id {link_id!r}")
    view = link_view_html(rows.iloc[0].to_dict(), report.ctx)
    return f'<div class="provenance-link pv-root"><style>{stylesheet()}</style>{view}</div>'
