"""Chains: every article's path to its root sources through the provenance graph.

Each node of the graph follows one parent: an article parent over an outlet-only parent, then
republication over interview over citation, then the stronger evidence, then the shorter lag.
Cycles (possible when two copies credit each other) are broken at their weakest edge, preferring
to cut an edge whose parent was published after its child; the walk to the root is a vectorised
pointer walk, so it cannot loop.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from provenance.chains.links import RELATION_RANK
from provenance.grouping import join_per_group
from provenance.ids import stable_ids
from provenance.schema import conform, empty

MAX_DEPTH = 64
# Path label of an article with neither an outlet nor a domain (a page dump without URL or site).
UNKNOWN_LABEL = "unknown"


def _node_keys(links: pd.DataFrame, article_outlet: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Graph node keys of each link's child and parent.

    Article nodes are ``a:<article_id>``; an outlet whose story is not in the corpus is a node
    scoped to the article that evidences it, ``o:<article_id>:<outlet_id>``, because two articles
    crediting the same wire may republish two different stories.
    """
    child_art = links["child_article_id"].astype("string")
    own = child_art.map(article_outlet).astype("string")
    child_is_article = (links["child_outlet_id"].astype("string") == own).fillna(True)
    child = ("a:" + child_art).where(
        child_is_article, "o:" + child_art + ":" + links["child_outlet_id"]
    )
    parent = ("a:" + links["parent_article_id"]).fillna(
        "o:" + child_art + ":" + links["parent_outlet_id"]
    )
    return child.astype(str), parent.astype(str)


def choose_parents(links: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One parent edge per node: the links the chains follow, with ``child_node``/``parent_node``.

    >>> from provenance.chains import build_links
    >>> from provenance.schema import conform
    >>> arts = conform(pd.DataFrame({"article_id": ["a1"], "outlet_id": ["urdupoint"]}), "articles")
    >>> creds = conform(pd.DataFrame({"article_id": ["a1", "a1"], "kind": ["dateline", "source_line"],
    ...     "outlet_id": ["sputnik", "tass"], "confidence": [0.95, 0.6]}), "credits")
    >>> links = build_links(arts, credits=creds)
    >>> links["parent_outlet_id"].tolist()
    ['sputnik', 'tass']
    >>> choose_parents(links, arts)[["child_node", "parent_node"]].values.tolist()  # the surer credit
    [['a:a1', 'o:a1:sputnik']]
    """
    article_outlet = articles.set_index("article_id")["outlet_id"]
    edges = links.copy()
    edges["child_node"], edges["parent_node"] = _node_keys(edges, article_outlet)
    # A mirror (the publisher's copy on another domain) is followed only when nothing else is.
    edges["_mirror"] = (edges["relation"] == "mirror").astype(int)
    edges["_is_outlet"] = edges["parent_article_id"].isna().astype(int)
    edges["_relation"] = edges["relation"].map(RELATION_RANK).fillna(9).astype(int)
    edges["_confidence"] = -edges["confidence"].fillna(0.0)
    edges["_lag"] = edges["lag_hours"].abs().fillna(np.inf)
    edges["_late"] = (edges["lag_hours"] < 0).fillna(False).astype(int)
    order = ["child_node", "_mirror", "_is_outlet", "_relation", "_confidence", "_lag", "link_id"]
    edges = edges.sort_values(order, kind="mergesort")

    banned: set[str] = set()
    while True:
        chosen = edges[~edges["link_id"].isin(banned)].drop_duplicates("child_node")
        cycle = _cycle_labels(chosen["child_node"], chosen["parent_node"])
        if not (cycle >= 0).any():
            break
        # Each cycle's weakest edge: the cycle's edges are its nodes' chosen ones.
        in_cycle = chosen.assign(_cycle=cycle)[cycle >= 0]
        weakest = in_cycle.sort_values(
            ["_cycle", "_late", "_confidence", "link_id"], ascending=[True, False, False, True]
        ).drop_duplicates("_cycle")
        banned.update(weakest["link_id"].tolist())
    return chosen.drop(
        columns=["_mirror", "_is_outlet", "_relation", "_confidence", "_lag", "_late"]
    )


def _cycle_labels(child: pd.Series, parent: pd.Series) -> np.ndarray:
    """Per edge (``child`` -> ``parent``, each child once), the number of the cycle of two or
    more nodes it lies on, else -1: the strongly connected components of more than one node,
    which in a graph of one out-edge a node are its cycles.

    Nodes that no cycle holds are peeled off (no edge comes in, then their parent loses one),
    the rest labelled by the least node of their cycle. networkx's components on the 18,000
    chosen links of the first 20,000 ABP articles: ~0.5 CPU s a pass, two passes a run.

    >>> _cycle_labels(pd.Series(["a", "b", "c", "d"]), pd.Series(["b", "a", "a", "d"])).tolist()
    [0, 0, -1, -1]
    """
    nodes, numbers = pd.factorize(pd.concat([child, parent], ignore_index=True))
    n_nodes, n_edges = len(numbers), len(child)
    nxt = np.full(n_nodes, -1, dtype=np.int64)
    nxt[nodes[:n_edges]] = nodes[n_edges:]
    has_next = nxt >= 0
    incoming = np.bincount(nxt[has_next], minlength=n_nodes)
    alive = np.ones(n_nodes, dtype=bool)
    peel = incoming == 0
    while peel.any():
        alive &= ~peel
        np.subtract.at(incoming, nxt[peel & has_next], 1)
        peel = alive & (incoming == 0)
    # What is left lies on cycles; a node on its own loop is no cycle of two or more.
    on_cycle = alive & (nxt != np.arange(n_nodes))
    label = np.where(on_cycle, np.arange(n_nodes), n_nodes)
    step = np.where(on_cycle, nxt, 0)
    while True:  # the least node of each cycle, passed round it
        passed = np.where(on_cycle, np.minimum(label, label[step]), n_nodes)
        if (passed == label).all():
            break
        label = passed
    edge_label = label[nodes[:n_edges]]
    cycle_of = np.where(edge_label < n_nodes, edge_label, -1)
    # Numbered in order of their least node: 0, 1, ...
    found = np.unique(cycle_of[cycle_of >= 0])
    return np.where(cycle_of >= 0, np.searchsorted(found, cycle_of), -1)


def build_chains(
    links: pd.DataFrame, articles: pd.DataFrame, outlets: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``chains`` and ``chain_hops`` tables: one chain per article, leaf to root.

    Example
    -------
    >>> import pandas as pd
    >>> from provenance.schema import conform
    >>> from provenance.chains.links import build_links
    >>> arts = conform(pd.DataFrame({"article_id": ["a1"], "outlet_id": ["urdupoint"],
    ...     "domain": ["urdupoint.com"]}), "articles")
    >>> creds = conform(pd.DataFrame({"article_id": ["a1"], "kind": ["dateline"],
    ...     "outlet_id": ["sputnik"], "confidence": [0.95]}), "credits")
    >>> chains, hops = build_chains(build_links(arts, credits=creds), arts)
    >>> chains[["path", "depth"]].values.tolist()
    [['urdupoint.com > sputnik', 1]]
    """
    if articles.empty:
        return empty("chains"), empty("chain_hops")
    names, state = _outlet_lookup(outlets)
    chosen = choose_parents(links, articles) if not links.empty else None
    if chosen is not None and chosen.empty:
        chosen = None
    leaves = ("a:" + articles["article_id"].astype(str)).tolist()
    nodes, parent, link_of = _parent_pointers(leaves, chosen)
    hops = _walk_to_roots(nodes.get_indexer(leaves), parent, link_of)
    hops = _hop_fields(hops, nodes, articles, chosen, names)
    chains = _chain_rows(hops, articles, state)
    hops["chain_id"] = chains["chain_id"].to_numpy()[hops["leaf"].to_numpy()]
    chains = conform(
        chains.drop(columns=["_keys", "_credited"]).sort_values("article_id"), "chains"
    )
    chain_hops = conform(
        hops[["chain_id", "hop", "article_id", "outlet_id", "link_id", "evidence"]].sort_values(
            ["chain_id", "hop"]
        ),
        "chain_hops",
    )
    return chains, chain_hops


def _parent_pointers(
    leaves: list[str], chosen: pd.DataFrame | None
) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    """(nodes, parent, link_of): every node (the leaves, then the chosen links' ends), each
    node's parent position (-1 at a root) and the row of ``chosen`` that leads there (-1)."""
    nodes = pd.Index(leaves)
    if chosen is not None:
        nodes = (
            nodes.append(pd.Index(chosen["child_node"]))
            .append(pd.Index(chosen["parent_node"]))
            .unique()
        )
    parent = np.full(len(nodes), -1, dtype=np.int64)
    link_of = np.full(len(nodes), -1, dtype=np.int64)
    if chosen is not None:
        child_idx = nodes.get_indexer(chosen["child_node"])
        parent[child_idx] = nodes.get_indexer(chosen["parent_node"])
        link_of[child_idx] = np.arange(len(chosen))
    return nodes, parent, link_of


def _walk_to_roots(leaf_idx: np.ndarray, parent: np.ndarray, link_of: np.ndarray) -> pd.DataFrame:
    """One row per (leaf, hop) up to the root or ``MAX_DEPTH``: the pointer walk, one hop for
    every leaf at once (leaf and node as positions, link as a row of the chosen links)."""
    hop_leaf, hop_no, hop_node, hop_link = [], [], [], []
    current = leaf_idx.copy()
    alive = np.arange(len(leaf_idx))
    for hop in range(MAX_DEPTH + 1):
        hop_leaf.append(alive)
        hop_no.append(np.full(len(alive), hop))
        hop_node.append(current)
        hop_link.append(link_of[current])
        nxt = parent[current]
        keep = nxt >= 0
        if not keep.any() or hop == MAX_DEPTH:
            break
        alive, current = alive[keep], nxt[keep]
    return pd.DataFrame(
        {
            "leaf": np.concatenate(hop_leaf),
            "hop": np.concatenate(hop_no),
            "node": np.concatenate(hop_node),
            "link": np.concatenate(hop_link),
        }
    ).sort_values(["leaf", "hop"], kind="mergesort")


def _hop_fields(
    hops: pd.DataFrame,
    nodes: pd.Index,
    articles: pd.DataFrame,
    chosen: pd.DataFrame | None,
    names: pd.Series,
) -> pd.DataFrame:
    """The walk's hops with node_key, article_id, outlet_id, link_id, evidence, credited and
    the readable label of each hop."""
    node_keys = np.asarray(nodes, dtype=object)[hops["node"].to_numpy()]
    hops["node_key"] = node_keys
    is_article = pd.Series(node_keys).str.startswith("a:").to_numpy()
    article_id = pd.Series(node_keys).str.slice(2).to_numpy()
    outlet_of = articles.set_index("article_id")["outlet_id"].astype("string")
    # Where it was published: its domain, else the site name the input gives (ingest has made
    # blank names missing).
    indexed = articles.set_index("article_id")
    domain_of = indexed["domain"].astype("string")
    if "site_name" in indexed.columns:
        domain_of = domain_of.fillna(indexed["site_name"].astype("string"))
    hops["article_id"] = pd.Series(
        np.where(is_article, article_id, None), index=hops.index, dtype="string"
    )
    proxy_outlet = pd.Series(node_keys, index=hops.index).str.split(":", n=2).str[2]
    hops["outlet_id"] = (
        hops["article_id"]
        .map(outlet_of)
        .astype("string")
        .where(pd.Series(is_article, index=hops.index), proxy_outlet.astype("string"))
    )
    has_link = hops["link"].to_numpy() >= 0
    link_ids = np.full(len(hops), None, dtype=object)
    evidence = np.full(len(hops), None, dtype=object)
    credited = np.full(len(hops), True)
    if chosen is not None:
        picked = hops["link"].to_numpy()[has_link]
        link_ids[has_link] = chosen["link_id"].to_numpy()[picked]
        evidence[has_link] = chosen["evidence"].to_numpy()[picked]
        # A mirror hop needs no credit: a publisher does not credit itself.
        own = chosen["credited"].fillna(False).astype(bool) | (chosen["relation"] == "mirror")
        credited[has_link] = own.to_numpy()[picked]
    hops["link_id"] = pd.Series(link_ids, index=hops.index, dtype="string")
    hops["evidence"] = pd.Series(evidence, index=hops.index, dtype="string")
    hops["credited"] = credited

    # Readable path: the leaf by its domain (where it was published), the sources by outlet name;
    # an article of no known outlet by its domain (or site name) too, and one without either as
    # "unknown".
    label = hops["outlet_id"].map(names).astype("string").fillna(hops["outlet_id"])
    domain_label = hops["article_id"].map(domain_of).astype("string")
    leaf_label = domain_label.where(hops["hop"] == 0)
    hops["label"] = leaf_label.fillna(label).fillna(domain_label).fillna(UNKNOWN_LABEL)
    return hops


def _chain_rows(hops: pd.DataFrame, articles: pd.DataFrame, state: pd.Series) -> pd.DataFrame:
    """One row per leaf (chain_id, path, depth, root and state-affiliation flags), in leaf
    order, with the helper columns ``_keys`` and ``_credited``."""
    grouped = hops.groupby("leaf", sort=True)
    chains = pd.DataFrame(
        {
            "article_id": articles["article_id"].to_numpy()[grouped.size().index],
            "path": join_per_group(hops, ["leaf"], "label", " > ")["label"].to_numpy(),
            "depth": grouped["hop"].max().to_numpy(),
            "root_outlet_id": grouped["outlet_id"].last().to_numpy(),
            "_keys": join_per_group(hops, ["leaf"], "node_key", "|")["node_key"].to_numpy(),
            "_credited": hops[hops["link_id"].notna()]
            .groupby("leaf")["credited"]
            .all()
            .reindex(grouped.size().index)
            .to_numpy(),
        }
    )
    chains["root_state_affiliated"] = chains["root_outlet_id"].map(state).astype("boolean")
    source_state = hops["outlet_id"].map(state).astype("boolean").fillna(False) & (hops["hop"] > 0)
    chains["via_state_affiliated"] = pd.Series(
        source_state.groupby(hops["leaf"]).any().reindex(grouped.size().index).to_numpy(),
        dtype="boolean",
    )
    chains["credited_all_the_way"] = pd.Series(chains["_credited"], dtype="boolean")
    chains["chain_id"] = stable_ids(chains["_keys"])
    return chains


def _outlet_lookup(outlets: pd.DataFrame | None) -> tuple[pd.Series, pd.Series]:
    if outlets is None or outlets.empty:
        return pd.Series(dtype="string"), pd.Series(dtype="boolean")
    table = outlets.drop_duplicates("outlet_id").set_index("outlet_id")
    return table["name"].astype("string"), table["state_affiliated"].astype("boolean")
