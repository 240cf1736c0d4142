"""Chain graphs as small inline SVGs: outlet nodes coloured by ownership, labelled edges.

Nodes run left to right from the leaf (the outlet that published the article) to the root
source, as the chain's path reads (``urdupoint.com > Sputnik > Magyar Nemzet``); each arrow
points from the copy to its source and carries the evidence, relation and median lag. All
attributes are explicit (no page CSS needed), so the SVG also renders in notebooks.
"""

from __future__ import annotations

import pandas as pd

from provenance.report.data import CLASS_LABELS, ChainPattern
from provenance.report.safe import esc

# fill, stroke, stroke width per outlet class
NODE_STYLE = {
    "state": ("#fde2e1", "#c0392b", 2.5),
    "public": ("#e3eefc", "#2f6db5", 1.5),
    "private": ("#e6f4e6", "#3d8b3d", 1.5),
    "unknown": ("#f0f0f0", "#888888", 1.2),
}
NODE_H = 46
EDGE_W = 140
CHAR_W = 7.4
MAX_NAME = 28
PAD = 10


def _short(name: str) -> str:
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1] + "…"


def _node_width(name: str, sub: str) -> float:
    # The subtitle ("state-affiliated · RU") is set smaller: about 0.8 of a name character.
    return min(max(len(_short(name)) * CHAR_W, len(sub) * CHAR_W * 0.8) + 24, 250)


def _lag(value: float | None) -> str:
    if value is None:
        return ""
    return f"lag {value:+.1f} h"


def chain_svg(pattern: ChainPattern, outlets: pd.DataFrame) -> str:
    """One chain pattern as an inline ``<svg>``.

    Example
    -------
    >>> import pandas as pd
    >>> from provenance.report.data import ChainPattern
    >>> outlets = pd.DataFrame({"name": ["Sputnik"], "cls": ["state"], "country": ["RU"]},
    ...                        index=pd.Index(["sputnik"], name="outlet_id"))
    >>> p = ChainPattern("k", ("domain:x.com", "sputnik"), ("credit",), ("republishes",),
    ...                  (2.0,), ({},), 1, 1, True, False, "a1", "x.com > Sputnik")
    >>> svg = chain_svg(p, outlets)
    >>> svg.startswith("<svg") and "state-affiliated" in svg
    True
    """
    names, classes, countries = [], [], []
    for oid in pattern.outlet_ids:
        if oid in outlets.index:
            row = outlets.loc[oid]
            names.append(str(row["name"]))
            classes.append(str(row["cls"]))
            countries.append(str(row["country"]))
        else:
            names.append(oid.removeprefix("domain:"))
            classes.append("unknown")
            countries.append("")
    subs = [
        CLASS_LABELS.get(cls, cls) + (f" · {country}" if country else "")
        for cls, country in zip(classes, countries, strict=True)
    ]
    widths = [_node_width(n, sub) for n, sub in zip(names, subs, strict=True)]
    height = NODE_H + 2 * PAD + 12
    top = PAD + 6
    parts = []
    x = PAD
    centers = []
    for i, (name, cls, sub, w) in enumerate(zip(names, classes, subs, widths, strict=True)):
        fill, stroke, sw = NODE_STYLE.get(cls, NODE_STYLE["unknown"])
        role = "leaf" if i == 0 else ("root" if i == len(names) - 1 else f"hop {i}")
        parts.append(
            f'<g class="node n-{cls}"><title>{esc(name)} ({esc(sub)}, {role})</title>'
            f'<rect x="{x:.1f}" y="{top}" width="{w:.1f}" height="{NODE_H}" rx="8" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="{sw}"/>'
            f'<text x="{x + w / 2:.1f}" y="{top + 20}" text-anchor="middle" font-size="13" '
            f'font-weight="600" fill="#1b1b1b">{esc(_short(name))}</text>'
            f'<text x="{x + w / 2:.1f}" y="{top + 36}" text-anchor="middle" font-size="10" '
            f'fill="{stroke}">{esc(sub)}</text></g>'
        )
        centers.append((x, x + w))
        x += w + (EDGE_W if i < len(names) - 1 else 0)
    for i, (evidence, relation) in enumerate(zip(pattern.evidence, pattern.relations, strict=True)):
        x1 = centers[i][1] + 4
        x2 = centers[i + 1][0] - 4
        y = top + NODE_H / 2
        mid = (x1 + x2) / 2
        uncredited = "credit" not in evidence and "citation" not in evidence
        colour = "#c0392b" if uncredited else "#444444"
        dash = ' stroke-dasharray="5 3"' if uncredited else ""
        label = evidence.replace("+", " + ") or "?"
        parts.append(
            f'<g class="edge"><line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2 - 8:.1f}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-width="2"{dash}/>'
            f'<polygon points="{x2:.1f},{y:.1f} {x2 - 10:.1f},{y - 5:.1f} {x2 - 10:.1f},{y + 5:.1f}" '
            f'fill="{colour}"/>'
            f'<text x="{mid:.1f}" y="{y - 8:.1f}" text-anchor="middle" font-size="11" '
            f'fill="{colour}">{esc(label)}</text>'
            f'<text x="{mid:.1f}" y="{y + 17:.1f}" text-anchor="middle" font-size="10" '
            f'fill="#555555">{esc(relation)} {esc(_lag(pattern.lag_hours[i]))}</text></g>'
        )
    width = x + PAD
    label = " > ".join(names)
    return (
        f'<svg class="chain" xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
        f'height="{height}" viewBox="0 0 {width:.0f} {height}" role="img" '
        f'aria-label="{esc(label)}" font-family="DejaVu Sans, Arial, sans-serif">'
        f"{''.join(parts)}</svg>"
    )
