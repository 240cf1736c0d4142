"""Outlet plots with matplotlib: inline SVG for the report, PNG/SVG files for papers.

Figures are built on ``matplotlib.figure.Figure`` directly (no pyplot state, no GUI backend).
Output is deterministic: a fixed ``svg.hashsalt``, no date in the metadata, text kept as text.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from provenance.errors import check_frame
from provenance.report.data import outlet_lookup, prepare_tables

# Outlets shown in the plots: the ones with the most articles (the table below lists all).
PLOT_TOP_OUTLETS = 20
# Framing features shown in the heatmap: the ones that vary most across outlets.
PLOT_TOP_FEATURES = 12
METRICS = {
    "share_republished": "republished",
    "share_from_state_media": "state-media roots",
    "share_via_state_media": "via state media",
    "credit_rate": "credit rate",
}
METRIC_COLOURS = {
    "share_republished": "#5b8cc8",
    "share_from_state_media": "#c0392b",
    "share_via_state_media": "#e59866",
    "credit_rate": "#3d8b3d",
}
FIGURE_FORMATS = ("png", "svg")
_RC = {
    "svg.hashsalt": "provenance",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _top_outlets(outlet_comparison: pd.DataFrame, top: int) -> pd.DataFrame:
    frame = outlet_comparison.copy()
    frame["_n"] = frame["n_articles"].fillna(0)
    frame = frame.sort_values(["_n", "outlet_id"], ascending=[False, True], kind="mergesort")
    return frame.head(top).iloc[::-1].drop(columns="_n")  # largest at the top of a barh


def _names(frame: pd.DataFrame) -> list[str]:
    names = frame["name"].astype("string").fillna(frame["outlet_id"].astype("string"))
    return [n if len(n) <= 32 else n[:31] + "…" for n in names]


def _check_comparison(outlet_comparison: pd.DataFrame) -> None:
    columns = ["outlet_id", "name", "n_articles", *METRICS]
    check_frame(outlet_comparison, "outlet_comparison", "the outlet plots", columns)


class NotebookFigure(Figure):
    """A matplotlib Figure that a notebook shows as a picture without ``%matplotlib inline``.

    Figures built without pyplot have no display hook, so Jupyter printed ``<Figure ...>``;
    ``_repr_svg_`` gives it the same SVG the report embeds.
    """

    def _repr_svg_(self) -> str:
        return figure_svg(self)


def _new_axes(ax: Axes | None, n_rows: int, width: float) -> Axes:
    if ax is not None:
        return ax
    fig = NotebookFigure(figsize=(width, max(2.2, 0.34 * n_rows + 1.2)), layout="constrained")
    return fig.add_subplot()


def plot_outlets(
    outlet_comparison: pd.DataFrame, ax: Axes | None = None, *, top: int = PLOT_TOP_OUTLETS
) -> Figure:
    """Grouped bars per outlet: share republished, share of state-media roots, credit rate.

    The ``top`` outlets by article count are shown; state-affiliated outlets have red labels.

    Example
    -------
    >>> import pandas as pd
    >>> from provenance.schema import conform
    >>> oc = conform(pd.DataFrame({"outlet_id": ["sputnik"], "name": ["Sputnik"],
    ...     "state_affiliated": [True], "n_articles": [3], "share_republished": [0.1],
    ...     "share_from_state_media": [1.0], "credit_rate": [0.5]}), "outlet_comparison")
    >>> fig = plot_outlets(oc)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Sputnik']
    """
    _check_comparison(outlet_comparison)
    if not isinstance(top, int) or top < 1:
        raise ValueError("top must be a positive int")
    frame = _top_outlets(outlet_comparison, top)
    own = ax is None
    with matplotlib.rc_context(_RC):
        ax = _new_axes(ax, len(frame), 7.5)
        y = np.arange(len(frame))
        height = 0.8 / len(METRICS)
        for i, (column, label) in enumerate(METRICS.items()):
            values = pd.to_numeric(frame[column], errors="coerce").fillna(0).to_numpy()
            ax.barh(
                y + (1 - i) * height,
                values,
                height=height,
                label=label,
                color=METRIC_COLOURS[column],
            )
        ax.set_yticks(y, _names(frame), parse_math=False)  # '$' is not mathtext
        state = frame["state_affiliated"].fillna(False).astype(bool).to_numpy()
        for tick, is_state in zip(ax.get_yticklabels(), state, strict=True):
            if is_state:
                tick.set_color("#c0392b")
                tick.set_fontweight("bold")
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of the outlet's articles (credit rate: of its reused articles)")
        ax.set_title("Republication, state-media roots, credit", fontsize=10)
        if len(frame):
            # Beside the bars, so it never hides one.
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        return _settle(ax.figure) if own else ax.figure


def plot_framing(
    outlet_comparison: pd.DataFrame, ax: Axes | None = None, *, top: int = PLOT_TOP_OUTLETS
) -> Figure | None:
    """Heatmap of the mean framing features (``f_*``) per outlet, standardised per feature.

    Colour is the z-score across the shown outlets; cells carry the raw means. Returns None when
    the table has no framing columns.

    Example
    -------
    >>> import pandas as pd
    >>> from provenance.schema import conform
    >>> oc = conform(pd.DataFrame({"outlet_id": ["sputnik", "rt"], "name": ["Sputnik", "RT"],
    ...     "n_articles": [3, 2], "f_hedges": [0.5, 1.5], "f_loaded_language": [2.0, 0.5]}),
    ...     "outlet_comparison")
    >>> fig = plot_framing(oc)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['hedges', 'loaded language']
    >>> plot_framing(oc.drop(columns=["f_hedges", "f_loaded_language"])) is None
    True
    """
    _check_comparison(outlet_comparison)
    features = [c for c in outlet_comparison.columns if c.startswith("f_")]
    if not features or outlet_comparison.empty:
        return None
    frame = _top_outlets(outlet_comparison, top).iloc[::-1]  # imshow: first row on top
    values = frame[features].astype(float)
    spread = values.std(ddof=0).fillna(0.0)
    order = spread.sort_values(ascending=False, kind="mergesort").index[:PLOT_TOP_FEATURES]
    features = sorted(order)
    values = values[features]
    z = ((values - values.mean()) / values.std(ddof=0).replace(0.0, np.nan)).fillna(0.0)
    own = ax is None
    with matplotlib.rc_context(_RC):
        ax = _new_axes(ax, len(frame), max(6.0, 1.0 + 0.75 * len(features)))
        ax.imshow(z.to_numpy(), cmap="RdBu_r", vmin=-2.5, vmax=2.5, aspect="auto")
        ax.set_yticks(np.arange(len(frame)), _names(frame), parse_math=False)
        ax.set_xticks(
            np.arange(len(features)),
            [f[2:].replace("_", " ") for f in features],
            rotation=35,
            ha="right",
        )
        for (i, j), value in np.ndenumerate(values.to_numpy()):
            if np.isfinite(value):
                ax.text(j, i, f"{value:.2g}", ha="center", va="center", fontsize=7)
        state = frame["state_affiliated"].fillna(False).astype(bool).to_numpy()
        for tick, is_state in zip(ax.get_yticklabels(), state, strict=True):
            if is_state:
                tick.set_color("#c0392b")
                tick.set_fontweight("bold")
        ax.set_title("Mean framing features\n(colour: z-score across outlets)", fontsize=10)
        ax.spines[:].set_visible(False)
        return _settle(ax.figure) if own else ax.figure


@contextlib.contextmanager
def _missing_glyphs_quiet() -> Iterator[None]:
    """Silence matplotlib's "Glyph N missing from font(s)" for outlet names in scripts the
    bundled font lacks: the label is still drawn (a box), and one warning per character of a
    hostile name would flood the run's stderr."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
        yield


def _settle(fig: Figure) -> Figure:
    """Run the constrained layout once, then freeze it: every later save is then identical
    (the layout engine would otherwise refine positions on each draw)."""
    if fig.get_layout_engine() is not None:
        with _missing_glyphs_quiet():
            fig.draw_without_rendering()
        fig.set_layout_engine("none")
    return fig


def figure_svg(fig: Figure) -> str:
    """The figure as an ``<svg>`` element for inline HTML (no XML prolog, no date)."""
    buffer = io.StringIO()
    with matplotlib.rc_context(_RC), _missing_glyphs_quiet():
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    start = svg.find("<svg")
    svg = svg[start:]
    # Shrink with the page but never grow past the drawn size (the viewBox keeps the aspect).
    return re.sub(
        r'^<svg([^>]*?) width="([^"]*)" height="[^"]*"',
        r'<svg\1 style="width:100%;max-width:\2;height:auto"',
        svg,
        count=1,
    )


def outlet_figures(tables: Mapping[str, pd.DataFrame]) -> dict[str, Figure]:
    """The report's figures by file stem: ``outlets`` and, with framing columns, ``framing``."""
    t = prepare_tables(tables)
    comparison = comparison_with_names(t)
    figures = {"outlets": plot_outlets(comparison)}
    framing = plot_framing(comparison)
    if framing is not None:
        figures["framing"] = framing
    return figures


def comparison_with_names(t: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """outlet_comparison with names and state filled from the registry when left empty."""
    comparison = t["outlet_comparison"].copy()
    lookup = outlet_lookup(t)
    ids = comparison["outlet_id"]
    comparison["name"] = comparison["name"].fillna(ids.map(lookup["name"])).fillna(ids)
    comparison["state_affiliated"] = comparison["state_affiliated"].fillna(
        ids.map(lookup["state"]).astype("boolean")
    )
    return comparison


def write_figures(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | os.PathLike[str],
    formats: Iterable[str] = FIGURE_FORMATS,
) -> list[Path]:
    """Write the outlet figures as files (``outlets.png``, ``outlets.svg``, ...) for papers.

    Example
    -------
    >>> import tempfile
    >>> from provenance.schema import empty
    >>> paths = write_figures({"outlet_comparison": empty("outlet_comparison")},
    ...                       tempfile.mkdtemp(), formats=("svg",))
    >>> [p.name for p in paths]
    ['outlets.svg']
    """
    formats = tuple(formats)
    bad = [f for f in formats if f not in FIGURE_FORMATS]
    if bad or not formats:
        raise ValueError(f"formats must be a non-empty subset of {FIGURE_FORMATS}, got {formats}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with matplotlib.rc_context(_RC):
        for stem, fig in outlet_figures(tables).items():
            for fmt in formats:
                path = out / f"{stem}.{fmt}"
                metadata = {"Date": None} if fmt == "svg" else {"Software": None}
                fig.savefig(path, format=fmt, dpi=200, metadata=metadata)
                paths.append(path)
    return paths
