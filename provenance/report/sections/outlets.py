"""The outlet comparison section: plots of the largest outlets, the table of all."""

from __future__ import annotations

from provenance.report.plots import (
    PLOT_TOP_OUTLETS,
    comparison_with_names,
    figure_svg,
    plot_framing,
    plot_outlets,
)
from provenance.report.prepared import PreparedTables


def outlets_section(prep: PreparedTables) -> str:
    """The outlet comparison: republication and framing plots (SVG), then the table."""
    comparison = comparison_with_names(prep.t)
    figures = [figure_svg(plot_outlets(comparison))]
    framing = plot_framing(comparison)
    if framing is not None:
        figures.append(figure_svg(framing))
    figs = "".join(f'<div class="figure">{f}</div>' for f in figures)
    return (
        '<section class="block" id="outlets"><h2>Outlet comparison</h2>'
        f'<p class="note">Plots show the {min(len(comparison), PLOT_TOP_OUTLETS)} outlets with '
        "the most articles; the table lists all (click a header to sort).</p>"
        f'<div class="grid2">{figs}</div><h3>All outlets</h3>'
        '<div class="scroll" id="outlets-table"></div></section>'
    )
