"""The report's view of the tables: validated inputs, outlet lookups, link ranking, chain patterns.

Everything here is vectorised pandas over the whole corpus; the per-item HTML is built only for
the capped, ranked subsets (see ``LINK_VIEW_CAP`` and ``CHAIN_GRAPH_CAP``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from provenance.grouping import join_per_group, member_of
from provenance.schema import TABLES, conform, empty

# Outlet classes drive node colours and badges.
OUTLET_CLASSES = ("state", "public", "private", "unknown")
CLASS_LABELS = {
    "state": "state-affiliated",
    "public": "public",
    "private": "private",
    "unknown": "unknown ownership",
}
EVIDENCE_KINDS = ("credit", "citation", "text_reuse")


def prepare_tables(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every contract table, conformed; missing ones empty. Unknown names are ignored.

    Raises ``TypeError`` when ``tables`` is not a mapping of DataFrames and ``ValueError`` when a
    table has columns outside the contract (see :func:`provenance.schema.conform`).
    """
    if not isinstance(tables, Mapping):
        raise TypeError(
            f"tables must be a mapping of name -> DataFrame, got {type(tables).__name__}"
        )
    out: dict[str, pd.DataFrame] = {}
    for name in TABLES:
        frame = tables.get(name)
        if frame is None:
            out[name] = empty(name)
        elif not isinstance(frame, pd.DataFrame):
            raise TypeError(f"table {name!r} must be a DataFrame, got {type(frame).__name__}")
        else:
            out[name] = conform(frame, name)
    return out


def _strip_domain_prefix(ids: pd.Series) -> pd.Series:
    return ids.str.replace(r"^domain:", "", regex=True)


def outlet_lookup(t: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per outlet id seen anywhere, indexed by outlet_id and sorted.

    Columns: name, country, ownership, state (bool), kind, cls (state | public | private |
    unknown). Ids that no registry row describes get their id (without ``domain:``) as name.
    """
    registry = pd.concat(
        [
            t["outlets"][["outlet_id", "name", "country", "ownership", "state_affiliated", "kind"]],
            t["outlet_comparison"][
                ["outlet_id", "name", "country", "ownership", "state_affiliated"]
            ],
        ],
        ignore_index=True,
    )
    registry = registry.dropna(subset=["outlet_id"]).drop_duplicates("outlet_id")
    seen = [
        registry["outlet_id"],
        t["articles"]["outlet_id"],
        t["links"]["parent_outlet_id"],
        t["chain_hops"]["outlet_id"],
        t["chains"]["root_outlet_id"],
    ]
    if "child_outlet_id" in t["links"].columns:
        seen.append(t["links"]["child_outlet_id"])
    ids = pd.concat(seen, ignore_index=True).dropna().astype("string").drop_duplicates()
    out = pd.DataFrame({"outlet_id": ids.sort_values().to_numpy()})
    out = out.merge(registry, on="outlet_id", how="left").set_index("outlet_id")
    fallback = _strip_domain_prefix(out.index.to_series().astype("string"))
    out["name"] = out["name"].astype("string").fillna(fallback)
    out["country"] = out["country"].astype("string").fillna("")
    ownership = out["ownership"].astype("string").fillna("unknown").str.lower()
    out["ownership"] = ownership
    state = out["state_affiliated"].astype("boolean").fillna(False) | (ownership == "state")
    out["state"] = state.astype(bool)
    out["kind"] = out["kind"].astype("string").fillna("")
    cls = ownership.where(ownership.isin(["public", "private"]), "unknown")
    out["cls"] = cls.where(~out["state"], "state").astype(str)
    return out.drop(columns=["state_affiliated"])


def link_frame(t: Mapping[str, pd.DataFrame], outlets: pd.DataFrame) -> pd.DataFrame:
    """The links with their child outlet, parent state, and an importance ``rank`` (0 = first).

    Importance: uncredited reuse of state media first, then any state-media parent, then
    uncredited text reuse, then more of the child copied, then confidence; ties by link_id.
    """
    links = t["links"].copy()
    article_outlet = t["articles"].set_index("article_id")["outlet_id"]
    child_outlet = links["child_article_id"].map(article_outlet).astype("string")
    if "child_outlet_id" in links.columns:
        child_outlet = links["child_outlet_id"].astype("string").fillna(child_outlet)
    links["child_outlet"] = child_outlet
    links["parent_state"] = (
        links["parent_outlet_id"].map(outlets["state"]).fillna(False).astype(bool)
    )
    evidence = links["evidence"].fillna("")
    reuse = evidence.str.contains("text_reuse", regex=False)
    credited = links["credited"].fillna(False).astype(bool)
    keys = pd.DataFrame(
        {
            "usm": links["uncredited_state_media"].fillna(False).astype(bool),
            "state": links["parent_state"],
            "uncredited_reuse": reuse & ~credited,
            "containment": links["containment"].fillna(-1.0),
            "confidence": links["confidence"].fillna(-1.0),
            "link_id": links["link_id"].fillna(""),
        }
    )
    order = keys.sort_values(
        list(keys.columns), ascending=[False, False, False, False, False, True], kind="mergesort"
    ).index
    links = links.loc[order].reset_index(drop=True)
    links["rank"] = np.arange(len(links))
    return links


@dataclass(frozen=True)
class ChainPattern:
    """Chains that take the same path: same outlets hop by hop, same evidence on every edge."""

    key: str
    outlet_ids: tuple[str, ...]
    evidence: tuple[str, ...]
    relations: tuple[str, ...]
    lag_hours: tuple[float | None, ...]
    deltas: tuple[dict[str, float], ...]
    n_chains: int
    depth: int
    root_state: bool
    credited_all: bool
    example_article_id: str
    example_path: str


def chain_patterns(
    t: Mapping[str, pd.DataFrame], links: pd.DataFrame, limit: int
) -> tuple[list[ChainPattern], int]:
    """The ``limit`` most important chain patterns (depth >= 1) and how many patterns exist.

    Importance: state-media root and not credited all the way first, then depth, then how many
    chains take the path. Lags and framing deltas are medians/means over the pattern's links.
    """
    hops = _keyed_hops(t["chains"], t["chain_hops"], links)
    if hops.empty:
        return [], 0
    ranked = _ranked_patterns(t["chains"], hops.groupby("chain_id", sort=True)["key"].first())
    chosen = ranked.head(limit)
    d_cols = [c for c in links.columns if c.startswith("d_")]
    stats = _hop_stats(hops[hops["key"].isin(chosen["key"])], links, d_cols)
    patterns = [_pattern(row, stats, d_cols) for row in chosen.itertuples(index=False)]
    return patterns, len(ranked)


def _keyed_hops(chains: pd.DataFrame, hops: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """The hops of chains of depth >= 1 in path order, each with its chain's pattern ``key``.

    The key joins every hop's outlet, evidence and relation (fields split by ``\\x1f``, hops by
    ``\\x1e``), so chains that take the same path share it.
    """
    hops = hops.dropna(subset=["chain_id"])
    hops = hops[member_of(hops["chain_id"], chains.loc[chains["depth"].fillna(0) >= 1, "chain_id"])]
    if hops.empty:
        return hops.assign(key=pd.Series(dtype=object))
    hops = hops.sort_values(["chain_id", "hop"], kind="mergesort")
    relation = hops["link_id"].map(
        links.drop_duplicates("link_id").set_index("link_id")["relation"]
    )
    label = (
        hops["outlet_id"].fillna("?")
        + "\x1f"
        + hops["evidence"].fillna("")
        + "\x1f"
        + relation.astype("string").fillna("")
    )
    keys = join_per_group(hops.assign(key=label), ["chain_id"], "key", "\x1e")
    return hops.join(keys.set_index("chain_id")["key"], on="chain_id")


def _ranked_patterns(chains: pd.DataFrame, key: pd.Series) -> pd.DataFrame:
    """One row per pattern ``key`` (``key`` is per chain_id), most important first."""
    chain_info = chains.drop_duplicates("chain_id").set_index("chain_id")
    per_chain = key.to_frame()
    per_chain["depth"] = chain_info["depth"].reindex(per_chain.index).fillna(0).astype(int)
    per_chain["root_state"] = (
        chain_info["root_state_affiliated"].reindex(per_chain.index).fillna(False).astype(bool)
    )
    per_chain["credited_all"] = (
        chain_info["credited_all_the_way"].reindex(per_chain.index).fillna(False).astype(bool)
    )
    per_chain["article_id"] = chain_info["article_id"].reindex(per_chain.index)
    per_chain["path"] = chain_info["path"].reindex(per_chain.index)
    groups = per_chain.reset_index().sort_values(
        ["key", "article_id", "chain_id"], kind="mergesort"
    )
    pat = groups.groupby("key", sort=True).agg(
        n=("chain_id", "size"),
        depth=("depth", "max"),
        root_state=("root_state", "any"),
        credited_all=("credited_all", "all"),
        article_id=("article_id", "first"),
        path=("path", "first"),
    )
    pat["_uncredited_state"] = pat["root_state"] & ~pat["credited_all"]
    return pat.reset_index().sort_values(
        ["_uncredited_state", "depth", "n", "key"],
        ascending=[False, False, False, True],
        kind="mergesort",
    )


def _hop_stats(hops: pd.DataFrame, links: pd.DataFrame, d_cols: list[str]) -> pd.DataFrame:
    """Per (pattern key, hop): the median lag and the mean framing deltas of its links."""
    chosen = hops[hops["link_id"].notna()]
    per_link = links.set_index("link_id")[["lag_hours", *d_cols]]
    per_link = per_link[~per_link.index.duplicated()]
    edge = chosen[["key", "hop", "link_id"]].join(per_link, on="link_id")
    return edge.groupby(["key", "hop"], sort=True).agg(
        {"lag_hours": "median", **{c: "mean" for c in d_cols}}
    )


def _pattern(row: Any, stats: pd.DataFrame, d_cols: list[str]) -> ChainPattern:
    """The :class:`ChainPattern` of one row of :func:`_ranked_patterns`."""
    nodes = [part.split("\x1f") for part in row.key.split("\x1e")]
    lags: list[float | None] = []
    deltas: list[dict[str, float]] = []
    for hop in range(len(nodes) - 1):
        # One dict a hop, not a Series look-up a column (first 20,000 ABP tables: 60 patterns,
        # ~200 framing columns, ~65,000 look-ups, ~1 of the report's CPU s).
        values = stats.loc[(row.key, hop)].to_dict() if (row.key, hop) in stats.index else None
        lag = None if values is None else values["lag_hours"]
        lags.append(None if lag is None or pd.isna(lag) else float(lag))
        deltas.append(
            {} if values is None else {c: float(values[c]) for c in d_cols if pd.notna(values[c])}
        )
    return ChainPattern(
        key=row.key,
        outlet_ids=tuple(n[0] for n in nodes),
        evidence=tuple(n[1] for n in nodes[:-1]),
        relations=tuple(n[2] for n in nodes[:-1]),
        lag_hours=tuple(lags),
        deltas=tuple(deltas),
        n_chains=int(row.n),
        depth=int(row.depth),
        root_state=bool(row.root_state),
        credited_all=bool(row.credited_all),
        example_article_id=str(row.article_id),
        example_path="" if pd.isna(row.path) else str(row.path),
    )


def evidence_counts(links: pd.DataFrame) -> dict[str, int]:
    """Links per evidence kind (a ``credit+text_reuse`` link counts for both)."""
    evidence = links["evidence"].fillna("")
    counts = {k: int(evidence.str.contains(k, regex=False).sum()) for k in EVIDENCE_KINDS}
    others = evidence.str.split("+").explode()
    for kind in sorted(set(others.dropna()) - set(EVIDENCE_KINDS) - {""}):
        counts[kind] = int((others == kind).sum())
    return counts


def depth_counts(chains: pd.DataFrame) -> dict[int, int]:
    """Chains per depth, depth 0 (original reporting) included."""
    depth = chains["depth"].dropna().astype(int)
    return {int(k): int(v) for k, v in depth.value_counts().sort_index().items()}
