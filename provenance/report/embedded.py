"""The data embedded in the page as JSON, for the script's tables and filters.

Rows are compact lists; articles and outlets are referred to by their position (a code) in
the ``articles`` and ``outlets`` lists, and a missing value is ``null``, never NaN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from provenance.grouping import join_per_group, member_of
from provenance.report import caps
from provenance.report.prepared import PreparedTables
from provenance.report.safe import safe_url

# The comparison table's numeric columns: contract column, header, decimals shown.
COMPARISON_COLUMNS = [
    ("n_articles", "articles", 0),
    ("n_republished", "republished", 0),
    ("share_republished", "share republished", 2),
    ("share_from_state_media", "share state-media roots", 2),
    ("share_via_state_media", "share via state media", 2),
    ("credit_rate", "credit rate", 2),
    ("median_lag_hours", "median lag h", 1),
]


def page_data(prep: PreparedTables) -> dict:
    """Outlets, the articles that links and chains refer to, links, chains and comparison."""
    o_index = pd.Series(np.arange(len(prep.outlets)), index=prep.outlets.index)
    chains = prep.t["chains"]
    chains = chains[chains["depth"].fillna(0) >= 1].sort_values("chain_id", kind="mergesort")
    articles = _linked_articles(prep, chains)
    a_index = pd.Series(np.arange(len(articles)), index=articles["article_id"].to_numpy())
    return {
        "outlets": outlet_rows(prep.outlets),
        "articles": article_rows(articles, o_index),
        "links": link_rows(prep.links, a_index, o_index),
        "chains": chain_rows(chains, prep.t["chain_hops"], a_index, o_index),
        "comparison": comparison_data(prep.t["outlet_comparison"], o_index),
    }


def _linked_articles(prep: PreparedTables, chains: pd.DataFrame) -> pd.DataFrame:
    """The articles a link or a chain refers to, once each, sorted by id."""
    articles = prep.t["articles"]
    links = prep.links
    wanted = pd.concat(
        [links["child_article_id"], links["parent_article_id"], chains["article_id"]]
    ).dropna()
    # One selection: drop_duplicates copied every article and its text first (first 20,000 ABP
    # articles: ~0.25 of the page data's ~1 CPU s).
    first = ~articles["article_id"].duplicated().to_numpy()
    return articles[first & member_of(articles["article_id"], wanted)].sort_values("article_id")


def outlet_rows(outlets: pd.DataFrame) -> list[list]:
    """[id, name, country, ownership, class, kind] per outlet of the lookup, in its order."""
    return [
        [oid, r.name, r.country, r.ownership, r.cls, r.kind]
        for oid, r in zip(outlets.index, outlets.itertuples(index=False), strict=True)
    ]


def article_rows(articles: pd.DataFrame, o_index: pd.Series) -> list[list]:
    """[id, title, http(s) URL or '', outlet code, published, opening text] per article."""
    lead = (
        articles["text"]
        .fillna("")
        .str.slice(0, caps.LEAD_CHARS)
        .str.replace(r"\s+", " ", regex=True)
    )
    published = articles["published"].dt.strftime("%Y-%m-%d %H:%M")
    urls = [safe_url(u) or "" for u in articles["url"].fillna("")]
    return [
        list(r)
        for r in zip(
            articles["article_id"],
            articles["title"].fillna(""),
            urls,
            _codes(articles["outlet_id"], o_index),
            published.astype(object).where(published.notna(), None),
            lead,
            strict=True,
        )
    ]


def link_rows(links: pd.DataFrame, a_index: pd.Series, o_index: pd.Series) -> list[list]:
    """One row per link: ids as codes, relation, evidence, measures, flags and rank."""
    return [
        list(r)
        for r in zip(
            links["link_id"],
            _codes(links["child_article_id"], a_index),
            _codes(links["parent_article_id"], a_index),
            _codes(links["child_outlet"], o_index),
            _codes(links["parent_outlet_id"], o_index),
            _strs(links["relation"]),
            _strs(links["evidence"]),
            _floats(links["containment"]),
            _floats(links["parent_coverage"]),
            _bools(links["credited"]),
            _bools(links["uncredited_state_media"]),
            _floats(links["lag_hours"], 2),
            _floats(links["confidence"]),
            links["rank"].astype(int).tolist(),
            strict=True,
        )
    ]


def chain_rows(
    chains: pd.DataFrame, hops: pd.DataFrame, a_index: pd.Series, o_index: pd.Series
) -> list[list]:
    """One row per chain with a source: ids as codes, path, depth, root, flags, the outlet
    codes of its hops and the evidence kinds along it."""
    hops = hops[member_of(hops["chain_id"], chains["chain_id"])].sort_values(
        ["chain_id", "hop"], kind="mergesort"
    )
    hop_outlets = _code_lists(hops["outlet_id"], hops["chain_id"], o_index)
    evidence = join_per_group(hops.fillna({"evidence": ""}), ["chain_id"], "evidence", "+")
    hop_evidence = evidence.set_index("chain_id")["evidence"]
    return [
        list(r)
        for r in zip(
            chains["chain_id"],
            _codes(chains["article_id"], a_index),
            _strs(chains["path"]),
            chains["depth"].astype(int).tolist(),
            _codes(chains["root_outlet_id"], o_index),
            _bools(chains["root_state_affiliated"]),
            _bools(chains["credited_all_the_way"]),
            [hop_outlets.get(c, []) for c in chains["chain_id"]],
            [
                "+".join(sorted(set(hop_evidence.get(c, "").split("+")) - {""}))
                for c in chains["chain_id"]
            ],
            strict=True,
        )
    ]


def comparison_data(comparison: pd.DataFrame, o_index: pd.Series) -> dict:
    """The outlet comparison as column specs and rows (outlets without a code left out)."""
    comp = comparison.sort_values("outlet_id", kind="mergesort")
    framing = [c for c in comp.columns if c.startswith(("f_", "d_"))]
    cols: list[dict] = [{"label": "outlet", "num": False}]
    values = [_codes(comp["outlet_id"], o_index)]
    for column, label, digits in COMPARISON_COLUMNS:
        cols.append({"label": label, "num": True, "digits": digits})
        values.append(_floats(comp[column]))
    cols.append({"label": "top parents", "num": False})
    values.append(_strs(comp["top_parents"]))
    for column in framing:
        kind = "drift " if column.startswith("d_") else ""
        cols.append({"label": kind + column[2:].replace("_", " "), "num": True, "digits": 3})
        values.append(_floats(comp[column]))
    rows = [list(r) for r in zip(*values, strict=True)] if len(comp) else []
    rows = [r for r in rows if r[0] is not None]
    return {"cols": cols, "rows": rows}


def _codes(ids: pd.Series, index: pd.Series) -> list[int | None]:
    codes = ids.map(index)
    return [None if pd.isna(v) else int(v) for v in codes]


def _code_lists(ids: pd.Series, groups: pd.Series, index: pd.Series) -> dict[object, list[int]]:
    """Per group, the codes of its ids in order; ids without a code (a hop whose outlet could
    not be resolved is NA) are left out, never turned into NaN codes.

    One stable sort of the groups and a split, not a Python function a group (``groupby(...)
    .agg``): first 20,000 ABP tables, 9,500 chains, ~0.5 of the report's CPU s.

    >>> _code_lists(pd.Series(["x", "y", "z"]), pd.Series(["b", "a", "b"]),
    ...             pd.Series([0, 1], index=["x", "z"]))
    {'b': [0, 1]}
    """
    codes = ids.map(index)
    kept = (codes.notna() & groups.notna()).to_numpy()
    values = codes.to_numpy()[kept].astype(np.int64)
    group_codes, keys = pd.factorize(groups.to_numpy()[kept], sort=True)
    if not len(keys):
        return {}
    order = np.argsort(group_codes, kind="stable")
    ends = np.searchsorted(group_codes[order], np.arange(1, len(keys)))
    parts = np.split(values[order], ends)
    return {key: part.tolist() for key, part in zip(keys.tolist(), parts, strict=True)}


def _strs(values: pd.Series) -> list[str]:
    return values.fillna("").astype(str).tolist()


def _floats(values: pd.Series, digits: int = 3) -> list[float | None]:
    arr = pd.to_numeric(values, errors="coerce").astype(float).round(digits).to_numpy()
    return [None if not np.isfinite(v) else float(v) for v in arr]


def _bools(values: pd.Series) -> list[int | None]:
    return [None if pd.isna(v) else int(bool(v)) for v in values]
