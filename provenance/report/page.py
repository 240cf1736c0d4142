"""The self-contained ``report.html``: overview, chains, stories, links, outlets, notes.

Everything is inline (CSS, JS, SVG, data), so the file opens offline and can be sent on. The
page is assembled here from its sections (:mod:`provenance.report.sections`, one module each)
and the embedded data (:mod:`provenance.report.embedded`), all built from the tables prepared
once (:class:`provenance.report.prepared.PreparedTables`). Size stays bounded on large corpora
by the caps in :mod:`provenance.report.caps`, which the notes section states.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import resources

import pandas as pd

from provenance.io import Forked
from provenance.report import embedded
from provenance.report.linkview import link_view_html
from provenance.report.prepared import PreparedTables
from provenance.report.safe import esc, script_json
from provenance.report.sections import chains, links, notes, outlets, overview, stories

# Content-Security-Policy: nothing may be fetched; only the page's own inline style and script.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

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


def _asset(name: str) -> str:
    return resources.files("provenance.report").joinpath("assets", name).read_text("utf-8")


def stylesheet(*, page: bool = False) -> str:
    """The inline CSS: components (badges, tables, link views), plus page layout if ``page``."""
    css = _asset("components.css")
    return _asset("page.css") + css if page else css


class Report(PreparedTables):
    """The prepared tables with one method per part of the page, in page order."""

    def corpus_line(self) -> str:
        """'N articles from M outlets, published FIRST to LAST' (not yet escaped)."""
        return overview.corpus_line(self)

    def overview(self) -> str:
        """The overview section (cards, findings, counts by evidence and depth)."""
        return overview.overview_section(self)

    def chains_section(self) -> str:
        """The chains section (pattern graphs, the chains table)."""
        return chains.chains_section(self)

    def stories_section(self) -> str:
        """The stories section (the largest story clusters)."""
        return stories.stories_section(self)

    def link_views(self) -> dict[str, str]:
        """Full views of the most important links, by link_id (see ``caps``)."""
        return links.link_views(self)

    def links_section(self, views: Mapping[str, str]) -> str:
        """The links section (featured views, the links table)."""
        return links.links_section(self, views)

    def outlets_section(self, figures: Sequence[str] | None = None) -> str:
        """The outlet comparison section (plots, the outlets table); ``figures``: the plots as
        :func:`~provenance.report.sections.outlets.outlet_svgs` draws them (else drawn here)."""
        return outlets.outlets_section(self, figures)

    def page_data(self) -> dict:
        """The JSON the page's script renders its tables from."""
        return embedded.page_data(self)


def _head(title: str) -> str:
    """From the doctype to the end of ``<head>``: CSP, viewport, title, inline CSS."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{stylesheet(page=True)}</style></head>"
    )


def _header(title: str, corpus_line: str) -> str:
    """The page header: title, corpus line, section navigation."""
    return (
        f'<header class="top"><h1>{esc(title)}</h1><p>{esc(corpus_line)}</p>'
        '<nav class="sections"><a href="#overview">Overview</a><a href="#chains">Chains</a>'
        '<a href="#stories">Stories</a><a href="#links">Links</a><a href="#outlets">Outlets</a>'
        '<a href="#notes">Notes</a></nav>'
        "</header>"
    )


def _scripts(data: dict, views: Mapping[str, str]) -> str:
    """The embedded data, the full link views as inert templates, and the page's script."""
    return (
        f'<script type="application/json" id="report-data">{script_json(data)}'
        "</script>"
        # Full link views as inert templates (escaped HTML, cloned into the viewer on demand).
        '<div id="link-views" hidden>'
        + "".join(f'<template data-link="{esc(k)}">{v}</template>' for k, v in views.items())
        + "</div>"
        f"<script>{_asset('report.js')}</script>"
    )


def render_page(tables: Mapping[str, pd.DataFrame], title: str) -> str:
    """The whole page for ``tables``: head, header, filters, sections, data and script."""
    report = Report(tables)
    # The plots are drawn in a forked child while this process builds the other sections: on
    # the first 3,000 ABP articles they are ~0.9 of the page's ~2.4 CPU s.
    with Forked(outlets.outlet_svgs, report.t) as plots:
        views = report.link_views()
        body = "".join(
            [
                report.overview(),
                report.chains_section(),
                report.stories_section(),
                report.links_section(views),
                report.outlets_section(plots.result()),
                notes.notes_section(),
            ]
        )
    return (
        f'{_head(title)}<body class="pv-root">{_header(title, report.corpus_line())}{FILTERS}'
        "<noscript><p class='note'>The tables and filters need JavaScript; the overview, chain "
        "graphs, featured link views and plots do not.</p></noscript>"
        f"<main>{body}</main>"
        '<div id="viewer" hidden><button id="viewer-close" class="close" type="button">'
        'close ✕</button><div id="viewer-body"></div></div>'
        f"{_scripts(report.page_data(), views)}"
        "</body></html>\n"
    )


def summary(tables: Mapping[str, pd.DataFrame]) -> str:
    """The notebook summary: corpus line, cards and findings (no view buttons)."""
    prep = PreparedTables(tables)
    return (
        f'<div class="provenance-summary pv-root"><style>{stylesheet()}</style>'
        f"<p><b>{esc(overview.corpus_line(prep))}</b></p>{overview.cards(prep)}"
        f"{overview.findings(prep, buttons=False)}</div>"
    )


def link_html(link_id: str, tables: Mapping[str, pd.DataFrame]) -> str:
    """One link's side-by-side view with the component CSS; ``KeyError`` if there is none."""
    if not isinstance(link_id, str):
        raise TypeError(f"link_id must be a str, got {type(link_id).__name__}")
    prep = PreparedTables(tables)
    rows = prep.links[prep.links["link_id"] == link_id]
    if rows.empty:
        raise KeyError(f"no link with link_id {link_id!r}")
    view = link_view_html(rows.iloc[0].to_dict(), prep.ctx)
    return f'<div class="provenance-link pv-root"><style>{stylesheet()}</style>{view}</div>'
