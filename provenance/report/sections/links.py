"""The links section: full side-by-side views of the most important links, the links table."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from provenance.report import caps
from provenance.report.linkview import link_view_html
from provenance.report.prepared import PreparedTables


def link_views(prep: PreparedTables) -> dict[str, str]:
    """Full views of the most important links, by link_id, in rank order: at most
    ``LINK_VIEW_CAP`` of them and ``VIEW_BYTES_BUDGET`` bytes in all (the first always)."""
    views: dict[str, str] = {}
    used = 0
    for row in prep.links.head(caps.LINK_VIEW_CAP).to_dict("records"):
        if pd.isna(row["link_id"]) or str(row["link_id"]) in views:
            continue
        view = link_view_html(row, prep.ctx)
        used += len(view.encode("utf-8"))
        if used > caps.VIEW_BYTES_BUDGET and views:
            break
        views[str(row["link_id"])] = view
    return views


def links_section(prep: PreparedTables, views: Mapping[str, str]) -> str:
    """The links section: the first ``FEATURED_LINKS`` of ``views`` shown, then the table."""
    featured = list(views.values())[: caps.FEATURED_LINKS]
    cap = (
        f"Full side-by-side views are embedded for the {len(views):,} most important of "
        f"{len(prep.links):,} links; the others open with the first {caps.LEAD_CHARS} "
        "characters of each text."
    )
    return (
        '<section class="block" id="links"><h2>Links</h2>'
        '<p class="note">Parent (the source) on the left, child (the copy) on the right. '
        "Hover an aligned passage to see its counterpart. "
        f"{cap}</p>{''.join(featured)}"
        '<h3>All links</h3><div class="scroll" id="links-table"></div></section>'
    )
