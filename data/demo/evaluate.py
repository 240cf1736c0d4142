"""Score a provenance analysis of the demo corpus against the corpus's ground truth.

The demo corpus (synthetic, written for this project) documents its true links, chains and
independent pairs in ``truth_*.csv``. This script compares the ``articles``, ``links`` and
``chains`` tables of an analysis with them and prints one row per metric:

    provenance analyze data/demo --outlets data/demo/outlets.csv --out reports/
    python data/demo/evaluate.py reports/

>>> scores = evaluate(perfect_tables())
>>> float(scores.set_index("metric").loc["link_recall", "value"])
1.0

Matching rules: a truth link is found when the analysis has a link from the same child to the
same parent article (or, for an outlet-only parent, to the same parent outlet); a citation-only
truth link also counts as found when the analysis links the child to the cited outlet without
resolving the article (``link_recall_exact_parent`` does not allow that). Links the truth
does not list are errors only when they join two articles (a wrong article parent), join two
articles of one outlet (boilerplate) or join an independent pair; extra outlet-only links (e.g.
a citation the copy inherited from its parent's text) are not counted against precision, and
links straight to a true grandparent are counted apart (``links_skipping_a_hop``).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
TABLES = ("articles", "links", "chains")


def load_truth(demo_dir: str | Path = HERE) -> dict[str, pd.DataFrame]:
    """The truth tables of the demo corpus as string DataFrames, keyed by name."""
    demo = Path(demo_dir)
    names = ["articles", "links", "chains", "edits", "independent"]
    truth = {
        n: pd.read_csv(demo / f"truth_{n}.csv", dtype=str, keep_default_na=False) for n in names
    }
    truth["outlets"] = pd.read_csv(demo / "outlets.csv", dtype=str, keep_default_na=False)
    return truth


def truth_urls(articles: pd.DataFrame, truth: Mapping[str, pd.DataFrame]) -> pd.Series:
    """Truth URL of each analysed article (indexed by ``article_id``); NA when not in the corpus.

    Articles with a URL match on it; text dumps (no URL) match on the end of ``source_file``.
    """
    manifest = truth["articles"]
    known = set(manifest["url"])
    url = articles["url"].astype("string")
    key = url.where(url.isin(known))
    dumps = manifest.loc[manifest["url"].str.startswith("file:"), "source_file"]
    source = articles["source_file"].astype("string").fillna("").str.replace("\\", "/")
    for rel in dumps:
        hit = key.isna() & ((source == rel) | source.str.endswith("/" + rel))
        key = key.mask(hit, "file:" + rel)
    return pd.Series(key.to_numpy(), index=articles["article_id"].to_numpy(), dtype="string")


def evaluate(tables: Mapping[str, pd.DataFrame] | str | Path, demo_dir: str | Path = HERE):
    """Metrics of an analysis against the demo truth: DataFrame (metric, value, hits, total).

    ``tables`` is a mapping with ``articles``, ``links`` and ``chains`` DataFrames (e.g.
    ``vars(analysis)``) or a directory holding ``articles.csv``, ``links.csv``, ``chains.csv``.
    """
    tables = _read_tables(tables)
    truth = load_truth(demo_dir)
    url_of = truth_urls(tables["articles"], truth)
    links = tables["links"].copy()
    links["child_url"] = links["child_article_id"].map(url_of)
    links["parent_url"] = links["parent_article_id"].map(url_of).fillna("")
    links["parent_outlet_id"] = links["parent_outlet_id"].fillna("")
    got = links.dropna(subset=["child_url"])

    true_links = truth["links"]
    merged = true_links.merge(
        got,
        on=["child_url", "parent_url", "parent_outlet_id"],
        how="left",
        indicator=True,
        suffixes=("", "_got"),
    ).drop_duplicates(["child_url", "parent_url", "parent_outlet_id"])
    found = merged[merged["_merge"] == "both"]
    # A citation names an outlet, not an article: finding the cited outlet counts for recall.
    keys = ["child_url", "parent_url", "parent_outlet_id"]
    found_keys = set(found[keys].itertuples(index=False, name=None))
    by_outlet = set(zip(got["child_url"], got["parent_outlet_id"], strict=True))
    exact = np.array([k in found_keys for k in true_links[keys].itertuples(index=False, name=None)])
    outlet_hit = np.array(
        [
            p in by_outlet
            for p in true_links[["child_url", "parent_outlet_id"]].itertuples(
                index=False, name=None
            )
        ]
    )
    cited = (true_links["evidence"] == "citation").to_numpy()
    rows = [
        _metric("link_recall", int((exact | (cited & outlet_hit)).sum()), len(true_links)),
        _metric("link_recall_exact_parent", int(exact.sum()), len(true_links)),
    ]

    article_links = got[got["parent_url"] != ""]
    true_pairs = set(zip(true_links["child_url"], true_links["parent_url"], strict=True))
    correct = [
        pair in true_pairs
        for pair in zip(article_links["child_url"], article_links["parent_url"], strict=True)
    ]
    rows.append(_metric("article_link_precision", sum(correct), len(correct)))
    # Extra links straight to a true grandparent (or higher) are redundant rather than wrong.
    ancestors = _ancestors(true_links)
    skipped = sum(
        parent in ancestors.get(child, ())
        for child, parent in zip(
            article_links["child_url"], article_links["parent_url"], strict=True
        )
    )
    rows.append(_metric("links_skipping_a_hop", skipped, len(article_links)))

    outlet_of = dict(zip(truth["articles"]["url"], truth["articles"]["outlet_id"], strict=True))
    same = article_links["child_url"].map(outlet_of) == article_links["parent_url"].map(outlet_of)
    rows.append(_metric("same_outlet_links (want 0)", int(same.sum()), len(article_links)))
    pairs = {
        frozenset(p)
        for p in zip(truth["independent"]["url_a"], truth["independent"]["url_b"], strict=True)
    }
    joined = sum(
        frozenset(p) in pairs
        for p in zip(article_links["child_url"], article_links["parent_url"], strict=True)
    )
    rows.append(_metric("independent_pairs_linked (want 0)", joined, len(pairs)))

    for column in ("relation", "credited", "uncredited_state_media"):
        if column + "_got" in found:
            agree = found[column].str.lower() == found[column + "_got"].astype("string").str.lower()
            rows.append(_metric(f"{column}_agreement", int(agree.sum()), len(found)))
    if "uncredited_state_media_got" in merged:
        flagged = merged["uncredited_state_media_got"].astype("string").str.lower() == "true"
        wanted = merged["uncredited_state_media"] == "true"
        rows.append(_metric("laundering_recall", int((flagged & wanted).sum()), int(wanted.sum())))

    rows += _chain_metrics(tables["chains"], url_of, truth)
    return pd.DataFrame(rows, columns=["metric", "value", "hits", "total"])


def _ancestors(true_links: pd.DataFrame) -> dict[str, set[str]]:
    parent = dict(zip(true_links["child_url"], true_links["parent_url"], strict=True))
    out: dict[str, set[str]] = {}
    for child, first in parent.items():
        seen, url = set(), parent.get(first, "")
        while url and url not in seen:
            seen.add(url)
            url = parent.get(url, "")
        out[child] = seen
    return out


def _chain_metrics(chains: pd.DataFrame, url_of: pd.Series, truth) -> list[dict]:
    ids = dict(zip(truth["outlets"]["name"], truth["outlets"]["outlet_id"], strict=True))
    want = truth["chains"].assign(
        root=truth["chains"]["path"].str.split(" > ").str[-1].map(ids),
        depth=truth["chains"]["depth"].astype(int),
    )
    got = chains.assign(leaf_url=chains["article_id"].map(url_of)).dropna(subset=["leaf_url"])
    got = got.sort_values("depth", ascending=False).drop_duplicates("leaf_url")
    both = want.merge(got, on="leaf_url", how="left", suffixes=("", "_got"))
    root_ok = both["root"] == both["root_outlet_id"].astype("string")
    depth_ok = both["depth"] == pd.to_numeric(both["depth_got"], errors="coerce")
    return [
        _metric("chain_root_accuracy", int(root_ok.sum()), len(want)),
        _metric("chain_depth_accuracy", int(depth_ok.sum()), len(want)),
    ]


def _metric(name: str, hits: int, total: int) -> dict:
    value = hits / total if total else float("nan")
    if "(want 0)" in name:
        value = float(hits)
    return {"metric": name, "value": round(value, 4), "hits": int(hits), "total": int(total)}


def _read_tables(tables: Mapping[str, pd.DataFrame] | str | Path) -> dict[str, pd.DataFrame]:
    if isinstance(tables, (str, Path)):
        folder = Path(tables)
        return {
            n: pd.read_csv(folder / f"{n}.csv", dtype=str, keep_default_na=False).replace(
                {"": pd.NA}
            )
            for n in TABLES
        }
    missing = [n for n in TABLES if n not in tables]
    if missing:
        raise ValueError(f"tables lack {missing}")
    return {n: tables[n] for n in TABLES}


def perfect_tables(demo_dir: str | Path = HERE) -> dict[str, pd.DataFrame]:
    """Analysis tables that agree with the truth exactly (to check the scorer itself)."""
    truth = load_truth(demo_dir)
    manifest = truth["articles"]
    ids = {u: f"a{i:03d}" for i, u in enumerate(manifest["url"])}
    dumps = manifest["url"].str.startswith("file:")
    articles = pd.DataFrame(
        {
            "article_id": manifest["url"].map(ids),
            "url": manifest["url"].mask(dumps),
            "source_file": ("data/demo/" + manifest["source_file"]).where(dumps, manifest["url"]),
        }
    )
    tl = truth["links"]
    links = pd.DataFrame(
        {
            "child_article_id": tl["child_url"].map(ids),
            "parent_article_id": tl["parent_url"].map(ids),
            "parent_outlet_id": tl["parent_outlet_id"],
            "relation": tl["relation"],
            "credited": tl["credited"] == "true",
            "uncredited_state_media": tl["uncredited_state_media"] == "true",
        }
    )
    names = dict(zip(truth["outlets"]["name"], truth["outlets"]["outlet_id"], strict=True))
    tc = truth["chains"]
    chains = pd.DataFrame(
        {
            "article_id": tc["leaf_url"].map(ids),
            "depth": tc["depth"].astype(int),
            "root_outlet_id": tc["path"].str.split(" > ").str[-1].map(names),
        }
    )
    return {"articles": articles, "links": links, "chains": chains}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python data/demo/evaluate.py REPORT_DIR", file=sys.stderr)
        return 2
    print(evaluate(args[0]).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
