"""Chain graphs as small inline SVGs: outlet nodes coloured by ownership, labelled edges.

Nodes run left to right from the leaf (the outlet that published the article) to the root
source, as the chain's path reads (``urdupoint.com > Sputnik > Magyar Nemzet``); each arrow
points from the copy to its source and carries the evidence, relation and median lag. All
attributes are explicit (no page CSS needed), so the SVG also renders in notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass

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
TOP = PAD + 6  # the top edge of the node boxes


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
    nodes = [_node(oid, outlets) for oid in pattern.outlet_ids]
    parts = []
    spans = []
    x = PAD
    for i, node in enumerate(nodes):
        role = "leaf" if i == 0 else ("root" if i == len(nodes) - 1 else f"hop {i}")
        parts.append(_node_svg(node, role, x))
        spans.append((x, x + node.width))
        x += node.width + (EDGE_W if i < len(nodes) - 1 else 0)
    for i, (evidence, relation) in enumerate(zip(pattern.evidence, pattern.relations, strict=True)):
        x1 = spans[i][1] + 4
        x2 = spans[i + 1][0] - 4
        parts.append(_edge_svg(evidence, f"{relation} {_lag(pattern.lag_hours[i])}", x1, x2))
    width = x + PAD
    height = NODE_H + 2 * PAD + 12
    label = " > ".join(node.name for node in nodes)
    return (
        f'<svg class="chain" xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" '
        f'height="{height}" viewBox="0 0 {width:.0f} {height}" role="img" '
        f'aria-label="{esc(label)}" font-family="DejaVu Sans, Arial, sans-serif">'
        f"{''.join(parts)}</svg>"
    )


@dataclass(frozen=True)
class _Node:
    """An outlet box: its name, class (a ``NODE_STYLE`` key), subtitle and width in pixels."""

    name: str
    cls: str
    sub: str
    width: float


def _node(outlet_id: str, outlets: pd.DataFrame) -> _Node:
    """The box of ``outlet_id``, described by its row of ``outlets`` when it has one."""
    if outlet_id in outlets.index:
        row = outlets.loc[outlet_id]
        name, cls, country = str(row["name"]), str(row["cls"]), str(row["country"])
    else:
        name, cls, country = outlet_id.removeprefix("domain:"), "unknown", ""
    sub = CLASS_LABELS.get(cls, cls) + (f" · {country}" if country else "")
    return _Node(name, cls, sub, _node_width(name, sub))


def _node_svg(node: _Node, role: str, x: float) -> str:
    fill, stroke, sw = NODE_STYLE.get(node.cls, NODE_STYLE["unknown"])
    w = node.width
    return (
        f'<g class="node n-{node.cls}"><title>{esc(node.name)} ({esc(node.sub)}, {role})</title>'
        f'<rect x="{x:.1f}" y="{TOP}" width="{w:.1f}" height="{NODE_H}" rx="8" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="{sw}"/>'
        f'<text x="{x + w / 2:.1f}" y="{TOP + 20}" text-anchor="middle" font-size="13" '
        f'font-weight="600" fill="#1b1b1b">{esc(_short(node.name))}</text>'
        f'<text x="{x + w / 2:.1f}" y="{TOP + 36}" text-anchor="middle" font-size="10" '
        f'fill="{stroke}">{esc(node.sub)}</text></g>'
    )


def _edge_svg(evidence: str, caption: str, x1: float, x2: float) -> str:
    """An arrow from ``x1`` to ``x2`` labelled with its evidence, red and dashed if uncredited."""
    y = TOP + NODE_H / 2
    mid = (x1 + x2) / 2
    uncredited = "credit" not in evidence and "citation" not in evidence
    colour = "#c0392b" if uncredited else "#444444"
    dash = ' stroke-dasharray="5 3"' if uncredited else ""
    label = evidence.replace("+", " + ") or "?"
    return (
        f'<g class="edge"><line x1="{x1:.1f}" y1="{y:.1f}" x2="{x2 - 8:.1f}" y2="{y:.1f}" '
        f'stroke="{colour}" stroke-width="2"{dash}/>'
        f'<polygon points="{x2:.1f},{y:.1f} {x2 - 10:.1f},{y - 5:.1f} {x2 - 10:.1f},{y + 5:.1f}" '
        f'fill="{colour}"/>'
        f'<text x="{mid:.1f}" y="{y - 8:.1f}" text-anchor="middle" font-size="11" '
        f'fill="{colour}">{esc(label)}</text>'
        f'<text x="{mid:.1f}" y="{y + 17:.1f}" text-anchor="middle" font-size="10" '
        f'fill="#555555">{esc(caption)}</text></g>'
    )
