"""The outlet comparison section: plots of the largest outlets, the table of all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from provenance.report.plots import (
    PLOT_TOP_OUTLETS,
    comparison_with_names,
    figure_svg,
    plot_framing,
    plot_outlets,
)
from provenance.report.prepared import PreparedTables


def outlet_svgs(t: Mapping[str, pd.DataFrame]) -> list[str]:
    """The outlet plots as inline SVG: republication, then framing when there is framing."""
    comparison = comparison_with_names(t)
    figures = [figure_svg(plot_outlets(comparison))]
    framing = plot_framing(comparison)
    if framing is not None:
        figures.append(figure_svg(framing))
    return figures


def outlets_section(prep: PreparedTables, figures: Sequence[str] | None = None) -> str:
    """The outlet comparison: republication and framing plots (SVG: ``figures`` as
    :func:`outlet_svgs` draws them, drawn here when not given), then the table."""
    if figures is None:
        figures = outlet_svgs(prep.t)
    shown = min(len(prep.t["outlet_comparison"]), PLOT_TOP_OUTLETS)
    figs = "".join(f'<div class="figure">{f}</div>' for f in figures)
    return (
        '<section class="block" id="outlets"><h2>Outlet comparison</h2>'
        f'<p class="note">Plots show the {shown} outlets with '
        "the most articles; the table lists all (click a header to sort).</p>"
        f'<div class="grid2">{figs}</div><h3>All outlets</h3>'
        '<div class="scroll" id="outlets-table"></div></section>'
    )
