"""The chains section: a graph per important chain pattern, framing change per hop, the table."""

from __future__ import annotations

from provenance.report import caps
from provenance.report import data as rd
from provenance.report.graphs import NODE_STYLE, chain_svg
from provenance.report.prepared import PreparedTables
from provenance.report.safe import esc

# A framing mean that moves less than this along a hop is not shown as a change.
_MIN_DELTA = 0.0005
_DELTAS_PER_HOP = 4


def hop_deltas(prep: PreparedTables, pattern: rd.ChainPattern) -> str:
    """Per hop of ``pattern``, the largest framing changes (child minus parent) as a table."""
    rows = []
    for i, deltas in enumerate(pattern.deltas):
        changed = {k: v for k, v in deltas.items() if abs(v) >= _MIN_DELTA}
        top = sorted(changed.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:_DELTAS_PER_HOP]
        if not top:
            continue
        child, parent = (prep.outlet_name(o) for o in pattern.outlet_ids[i : i + 2])
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


def pattern_card(prep: PreparedTables, pattern: rd.ChainPattern) -> str:
    """One chain pattern: its path, counts and flags, graph, an example headline, hop deltas."""
    flags = []
    if pattern.root_state:
        flags.append('<span class="flag">state-media root</span>')
    if not pattern.credited_all:
        flags.append('<span class="flag">not credited all the way</span>')
    example = prep.ctx.article(pattern.example_article_id)
    example_title = esc(example["title"]) if example is not None else ""
    long = " long" if len(pattern.outlet_ids) > 3 else ""
    plural = "s" if pattern.n_chains != 1 else ""
    return (
        f'<div class="chain-card{long}"><h3>{esc(pattern.example_path)} '
        f"<small>· {pattern.n_chains:,} article{plural}"
        f" · depth {pattern.depth}</small> {' '.join(flags)}</h3>"
        f'<div class="graph">{chain_svg(pattern, prep.outlets)}'
        f'<p class="note">e.g. <i>{example_title}</i></p></div>'
        f'<div class="hops">{hop_deltas(prep, pattern)}</div></div>'
    )


def chains_section(prep: PreparedTables) -> str:
    """The chains section: legend, up to ``CHAIN_GRAPH_CAP`` pattern cards, the chains table."""
    patterns, total = rd.chain_patterns(prep.t, prep.links, caps.CHAIN_GRAPH_CAP)
    legend = "".join(
        f'<span style="background:{fill};border:1px solid {stroke}">'
        f"{esc(rd.CLASS_LABELS[cls])}</span>"
        for cls, (fill, stroke, _) in NODE_STYLE.items()
    )
    cap_note = (
        f'<p class="note">Showing the {len(patterns)} most important of {total:,} chain '
        "patterns (state-media roots not credited all the way first, then the longest); "
        "the table lists every chain.</p>"
        if total > len(patterns)
        else ""
    )
    body = "".join(pattern_card(prep, p) for p in patterns)
    body = body or "<p>No article in the corpus has a traced source.</p>"
    return (
        '<section class="block" id="chains"><h2>Chains</h2>'
        '<p class="legend-svg">Nodes run from the publishing outlet (leaf) to the root source; '
        "arrows point from copy to source and carry the evidence, relation and median lag; "
        "red dashed arrows have no credit or citation. Ownership: "
        f"{legend}</p>{cap_note}{body}"
        '<h3>All chains</h3><div class="scroll" id="chains-table"></div></section>'
    )
