"""`chains._cycle_labels` (numpy, session 19) against networkx's strongly connected components,
which it replaced in `choose_parents`: the same cycles on random graphs of one out-edge a node."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from provenance.chains.chains import _cycle_labels


def _networkx_cycles(child: list[str], parent: list[str]) -> list[int]:
    """Per edge, the index of its multi-node strongly connected component (by least child
    position of the component's first node in factorize order), else -1."""
    graph = nx.DiGraph(zip(child, parent, strict=True))
    order = {node: i for i, node in enumerate(pd.unique(np.array(child + parent, dtype=object)))}
    components = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    components.sort(key=lambda c: min(order[n] for n in c))
    where = {node: k for k, c in enumerate(components) for node in c}
    return [
        where.get(c, -1) if where.get(c, -2) == where.get(p, -3) else -1
        for c, p in zip(child, parent, strict=True)
    ]


@pytest.mark.parametrize("seed", range(300))
def test_cycle_labels_equal_networkx_components(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_nodes = int(rng.integers(1, 40))
    n_edges = int(rng.integers(1, n_nodes + 1))
    child = [f"n{i}" for i in rng.permutation(n_nodes)[:n_edges]]
    parent = [f"n{i}" for i in rng.integers(0, n_nodes + 3, n_edges)]  # some parents not children
    got = _cycle_labels(pd.Series(child), pd.Series(parent)).tolist()
    assert got == _networkx_cycles(child, parent)
