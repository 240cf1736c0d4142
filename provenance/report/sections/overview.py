"""The overview: corpus line, headline counts, findings, and links and chains by kind."""

from __future__ import annotations

from collections.abc import Mapping

from provenance.report import caps
from provenance.report import data as rd
from provenance.report.linkview import outlet_badge
from provenance.report.prepared import PreparedTables
from provenance.report.safe import esc, number


def corpus_line(prep: PreparedTables) -> str:
    """'N articles from M outlets, published FIRST to LAST' (plain text, not yet escaped)."""
    articles = prep.t["articles"]
    n_outlets = articles["outlet_id"].dropna().nunique()
    line = f"{len(articles):,} articles from {n_outlets:,} outlets"
    published = articles["published"].dropna()
    if len(published):
        line += (
            f", published {published.min().strftime('%Y-%m-%d')} to "
            f"{published.max().strftime('%Y-%m-%d')}"
        )
    return line


def cards(prep: PreparedTables) -> str:
    """The headline counts as a row of cards; uncredited state-media reuse is flagged."""
    chains = prep.t["chains"]
    usm = int(prep.links["uncredited_state_media"].fillna(False).sum())
    items = [
        ("articles", len(prep.t["articles"]), ""),
        ("outlets", prep.t["articles"]["outlet_id"].dropna().nunique(), ""),
        ("links", len(prep.links), ""),
        ("chains with a source", int((chains["depth"].fillna(0) >= 1).sum()), ""),
        ("longest chain (hops)", int(chains["depth"].max()) if len(chains) else 0, ""),
        ("uncredited state-media reuse", usm, " alert" if usm else ""),
        ("rejected or partial inputs", len(prep.t["errors"]), ""),
    ]
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card{cls}"><b>{value:,}</b>{esc(label)}</div>'
            for label, value, cls in items
        )
        + "</div>"
    )


def bars(counts: Mapping[object, int], label: str) -> str:
    """A small table of counts with bars scaled to the largest."""
    top = max(counts.values(), default=0) or 1
    rows = "".join(
        f'<tr><td>{esc(k)}</td><td class="bar"><span class="fill" '
        f'style="width:{100 * v / top:.1f}%"></span></td><td class="num">{v:,}</td></tr>'
        for k, v in counts.items()
    )
    return f'<table class="bars"><tr><th>{esc(label)}</th><th></th><th>n</th></tr>{rows}</table>'


def uncredited_state_media(prep: PreparedTables, *, buttons: bool = True) -> str:
    """The first ``TOP_FINDINGS`` uncredited reuses of state media, with a count of the rest."""
    links = prep.links
    usm = links[links["uncredited_state_media"].fillna(False).astype(bool)]
    usm = usm.head(caps.TOP_FINDINGS)
    items = []
    for row in usm.itertuples(index=False):
        child = prep.ctx.article(row.child_article_id)
        title = esc(child["title"]) if child is not None else esc(row.child_article_id)
        button = (
            f' <button class="view" data-link-open="{esc(row.link_id)}">view</button>'
            if buttons
            else ""
        )
        items.append(
            f"<li>{outlet_badge(row.child_outlet, prep.outlets)} copies "
            f"{outlet_badge(row.parent_outlet_id, prep.outlets)} without credit "
            f"(containment {number(row.containment, '.2f')}): <i>{title}</i>{button}</li>"
        )
    if not items:
        return "<p>None found: no text reuse of a state-affiliated outlet lacks a credit.</p>"
    n_usm = int(links["uncredited_state_media"].fillna(False).sum())
    more = (
        f"<p class='note'>{n_usm - len(usm):,} more in the links table.</p>"
        if n_usm > len(usm)
        else ""
    )
    return f'<ol class="findings">{"".join(items)}</ol>{more}'


def longest_chains(prep: PreparedTables) -> str:
    """The five deepest distinct chain paths (two hops or more), as list items."""
    chains = prep.t["chains"]
    longest = (
        chains[chains["depth"].fillna(0) >= 2]
        .drop_duplicates("path")
        .sort_values(["depth", "path"], ascending=[False, True], kind="mergesort")
        .head(5)
    )
    return (
        "".join(
            f"<li>{esc(r.path)} <small>({int(r.depth)} hops"
            f"{', state-media root' if r.root_state_affiliated is True else ''})</small></li>"
            for r in longest.itertuples(index=False)
        )
        or "<li>No chain has more than one hop.</li>"
    )


def top_republishers(prep: PreparedTables) -> str:
    """The five outlets that republish most, with their share and credit rate, as list items."""
    comp = prep.t["outlet_comparison"]
    comp = (
        comp[comp["n_republished"].fillna(0) > 0]
        .sort_values(
            ["n_republished", "share_republished", "outlet_id"],
            ascending=[False, False, True],
            kind="mergesort",
        )
        .head(5)
    )
    return (
        "".join(
            f"<li>{outlet_badge(r.outlet_id, prep.outlets)} {int(r.n_republished):,} of "
            f"{int(r.n_articles):,} articles ({number(r.share_republished, '.0%')}); credit rate "
            f"{number(r.credit_rate, '.0%')}</li>"
            for r in comp.itertuples(index=False)
        )
        or "<li>No outlet republishes another.</li>"
    )


def findings(prep: PreparedTables, *, buttons: bool = True) -> str:
    """The headline findings: uncredited state-media reuse, longest chains, top republishers.

    ``buttons`` adds a 'view' button per finding (the page has a viewer; a notebook has not).
    """
    return (
        '<div class="grid2"><div><h3>Uncredited reuse of state-affiliated media</h3>'
        f"{uncredited_state_media(prep, buttons=buttons)}</div><div><h3>Longest chains</h3>"
        f"<ol class='findings'>{longest_chains(prep)}</ol>"
        "<h3>Outlets that republish most</h3>"
        f"<ol class='findings'>{top_republishers(prep)}</ol></div></div>"
    )


def overview_section(prep: PreparedTables) -> str:
    """The overview section: cards, findings, links by evidence and chains by depth."""
    return (
        '<section class="block" id="overview"><h2>Overview</h2>'
        f"{cards(prep)}{findings(prep)}"
        '<div class="grid2"><div><h3>Links by evidence</h3>'
        f"{bars(rd.evidence_counts(prep.links), 'evidence')}</div>"
        "<div><h3>Chains by depth</h3>"
        f"{bars(rd.depth_counts(prep.t['chains']), 'hops to the root')}"
        '<p class="note">Depth 0: the article names no source (original reporting, or a '
        "source the analysis could not find).</p></div></div></section>"
    )
