"""The report a researcher opens: one self-contained ``report.html``, figures, notebook helpers.

The page needs no network: CSS, script, SVG graphs and plots and the data are all inline, and
every string from the data is escaped (the input is web text, so it is treated as hostile).
:func:`render_html` and :func:`write_report` make the page, :func:`summary_html` and
:func:`show_link` the notebook views; each has an example.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from provenance.report.caps import CHAIN_GRAPH_CAP, LEAD_CHARS, LINK_VIEW_CAP
from provenance.report.page import link_html, render_page, summary
from provenance.report.plots import plot_framing, plot_outlets, write_figures

__all__ = [
    "CHAIN_GRAPH_CAP",
    "LEAD_CHARS",
    "LINK_VIEW_CAP",
    "plot_framing",
    "plot_outlets",
    "render_html",
    "show_link",
    "summary_html",
    "write_figures",
    "write_report",
]


def render_html(tables: Mapping[str, pd.DataFrame], *, title: str = "provenance report") -> str:
    """The whole self-contained report page for ``tables`` (name -> DataFrame).

    Missing tables count as empty; tables are conformed to :mod:`provenance.schema` first.
    Same tables, same bytes: no timestamps other than those in the data.

    >>> from provenance.schema import empty
    >>> html = render_html({"articles": empty("articles")}, title="empty corpus")
    >>> html.startswith("<!DOCTYPE html>") and "<title>empty corpus</title>" in html
    True
    """
    if not isinstance(title, str):
        raise TypeError(f"title must be a str, got {type(title).__name__}")
    return render_page(tables, title)


def write_report(
    tables: Mapping[str, pd.DataFrame],
    path: str | os.PathLike[str],
    *,
    title: str = "provenance report",
) -> None:
    """Write :func:`render_html` to ``path`` (UTF-8). The caller handles atomic renames.

    >>> import tempfile, pathlib
    >>> from provenance.schema import empty
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> write_report({"articles": empty("articles")}, path)
    >>> path.read_text(encoding="utf-8") == render_html({"articles": empty("articles")})
    True
    """
    Path(path).write_text(render_html(tables, title=title), encoding="utf-8", newline="\n")


def summary_html(tables: Mapping[str, pd.DataFrame]) -> str:
    """A compact HTML summary (counts and headline findings) for ``Analysis._repr_html_``.

    >>> from provenance.schema import empty
    >>> summary_html({"articles": empty("articles")}).startswith('<div class="provenance-summary')
    True
    """
    return summary(tables)


def show_link(link_id: str, tables: Mapping[str, pd.DataFrame]) -> str:
    """One link's side-by-side view as HTML, e.g. ``IPython.display.HTML(show_link(id, t))``.

    Raises ``KeyError`` when no link has ``link_id``.

    >>> from provenance.chains import build_links
    >>> from provenance.schema import conform
    >>> arts = conform(pd.DataFrame({"article_id": ["a1"], "outlet_id": ["urdupoint"]}), "articles")
    >>> creds = conform(pd.DataFrame({"article_id": ["a1"], "kind": ["dateline"],
    ...     "outlet_id": ["sputnik"], "confidence": [0.95]}), "credits")
    >>> tables = {"articles": arts, "links": build_links(arts, credits=creds)}
    >>> show_link(tables["links"].loc[0, "link_id"], tables).startswith('<div class="provenance-link')
    True
    >>> show_link("no-such-link", tables)
    Traceback (most recent call last):
    ...
    KeyError: "no link with link_id 'no-such-link'"
    """
    return link_html(link_id, tables)
