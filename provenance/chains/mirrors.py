"""Mirrors: the same article on two domains of one publisher.

A reuse pair is a ``mirror`` when its two articles stand on different domains of one publisher:

- the same outlet (a registry outlet with several domains), or two registry outlets with the
  same ``owner`` or the same display ``name``;
- the same publisher name: the ``site_name`` that a strict majority of each domain's articles
  carry (the name a domain publishes under, not one page's label: in ABP the ``outlet`` column
  is AllSides' source name, and "Associated Press" on washingtontimes.com is a republished wire
  story, not an AP domain; the majority rule keeps that pair a republication). Measured on all
  of ABP (47 reuse pairs): equal per-page names would make 3 pairs mirrors, all a columnist
  syndicated to two publishers ("Guest Writer - Right", "Jonah Goldberg", "John Stossel" on
  washingtontimes.com/foxnews.com, nypost.com/nationalreview.com, reason.com/foxnews.com);
  the majority rule makes none (73 of ABP's 393 domains carry more than one name);
- the same site name under another public suffix (``example.com`` and ``example.co.uk``, as
  tldextract splits them).

A mirror is not a provenance source: :func:`provenance.chains.build_links` makes it a ``mirror``
link, never a ``republishes`` one (see there for what chains do with it).

>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet_id": ["domain:x.com",
...     "domain:x.co.uk", "domain:y.com"], "domain": ["x.com", "x.co.uk", "y.com"]})
>>> mirror_mask(pd.Series(["b", "c"]), pd.Series(["a", "a"]), arts).tolist()
[True, False]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from provenance.outlets.domains import split_host


def _name_key(names: pd.Series) -> pd.Series:
    """Names compared case- and punctuation-blind, without a leading 'the'."""
    key = (
        names.astype("string")
        .str.casefold()
        .str.replace(r"^\s*the\s+", "", regex=True)
        .str.replace(r"[^\w]+", "", regex=True)
    )
    return key.where(key.fillna("").str.len() > 0)


def _domain_site_names(articles: pd.DataFrame) -> pd.Series:
    """Per domain, the site_name (as a key) of a strict majority of its named articles."""
    if "site_name" not in articles.columns:
        return pd.Series(dtype="string")
    if "domain" not in articles.columns:
        return pd.Series(dtype="string")
    named = pd.DataFrame(
        {
            "domain": articles["domain"].astype("string").str.lower(),
            "key": _name_key(articles["site_name"]),
        }
    ).dropna()
    if named.empty:
        return pd.Series(dtype="string")
    counts = named.groupby(["domain", "key"], sort=True).size().rename("n").reset_index()
    counts["total"] = counts.groupby("domain")["n"].transform("sum")
    major = counts[counts["n"] * 2 > counts["total"]]
    return major.set_index("domain")["key"].astype("string")


def _site_label(domains: pd.Series) -> pd.DataFrame:
    """tldextract's (domain label, suffix) of each distinct domain."""
    uniques = domains.dropna().astype(str).unique()
    parts = {d: split_host(d) for d in uniques}
    label = domains.map({d: p[1] or None for d, p in parts.items()}).astype("string")
    suffix = domains.map({d: p[2] for d, p in parts.items()}).astype("string")
    return pd.DataFrame({"label": label, "suffix": suffix})


def publisher_keys(articles: pd.DataFrame, outlets: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article (indexed by article_id): domain, outlet and the keys that name its publisher."""
    # only the columns read here: taking every row of the text too was 0.5-1 CPU s of the
    # links stage on the first 20,000 ABP articles (pyarrow's take)
    read = [c for c in ("article_id", "domain", "outlet_id") if c in articles.columns]
    art = articles[read].drop_duplicates("article_id").set_index("article_id")
    keys = pd.DataFrame(index=art.index)
    domain = art["domain"] if "domain" in art.columns else pd.Series(pd.NA, index=art.index)
    keys["domain"] = domain.astype("string").str.lower()
    keys["outlet_id"] = art["outlet_id"].astype("string")
    if outlets is not None and not outlets.empty:
        table = outlets.drop_duplicates("outlet_id").set_index("outlet_id")
        registered = table["registered"].fillna(False).astype(bool)
        owner = _name_key(table["owner"]).where(registered)
        name = _name_key(table["name"]).where(registered)
        keys["owner"] = keys["outlet_id"].map(owner).astype("string")
        keys["outlet_name"] = keys["outlet_id"].map(name).astype("string")
    else:
        keys["owner"] = keys["outlet_name"] = pd.Series(pd.NA, index=keys.index, dtype="string")
    keys["site"] = keys["domain"].map(_domain_site_names(articles)).astype("string")
    keys = keys.join(_site_label(keys["domain"]))
    return keys


def mirror_mask(
    child_ids: pd.Series,
    parent_ids: pd.Series,
    articles: pd.DataFrame,
    outlets: pd.DataFrame | None = None,
) -> np.ndarray:
    """Boolean per pair: are the two articles on different domains of one publisher?"""
    if len(child_ids) == 0:
        return np.zeros(0, dtype=bool)
    keys = publisher_keys(articles, outlets)
    child = keys.reindex(pd.Index(child_ids.astype(str)))
    parent = keys.reindex(pd.Index(parent_ids.astype(str)))

    def same(column: str) -> np.ndarray:
        a = child[column].astype("string").reset_index(drop=True)
        b = parent[column].astype("string").reset_index(drop=True)
        return (a == b).fillna(False).to_numpy(dtype=bool)

    both_known = child["domain"].notna().to_numpy() & parent["domain"].notna().to_numpy()
    other_domain = both_known & ~same("domain")
    other_suffix = same("label") & ~same("suffix")
    publisher = (
        same("outlet_id") | same("owner") | same("outlet_name") | same("site") | other_suffix
    )
    return np.asarray(other_domain & publisher, dtype=bool)
