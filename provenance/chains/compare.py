"""The outlet comparison: who republishes whom, who credits, whose stories root in state media.

Mirrors (the same article on another domain of the same publisher, ``relation == "mirror"``) are
kept apart: they count in ``n_mirrored`` only, never in n_republished, share_republished,
top_parents, credit_rate or median_lag_hours.
"""

from __future__ import annotations

import pandas as pd

from provenance.grouping import join_per_group
from provenance.outlets.registry import DOMAIN_PREFIX
from provenance.schema import conform


def compare_outlets(
    articles: pd.DataFrame,
    links: pd.DataFrame,
    chains: pd.DataFrame,
    outlets: pd.DataFrame,
    *,
    stories: pd.DataFrame | None = None,
    top: int = 3,
) -> pd.DataFrame:
    """One row per outlet with articles in the corpus.

    Columns are those of the ``outlet_comparison`` table, plus the mean of every ``f_`` framing
    feature of the outlet's articles and of every ``d_`` drift of its links to parents.
    ``stories`` (with ``story_id`` on ``articles``) gives the state-media story columns.

    Example
    -------
    >>> import pandas as pd
    >>> from provenance.schema import conform
    >>> arts = conform(pd.DataFrame({"article_id": ["a1", "a2"], "outlet_id": ["x", "x"]}), "articles")
    >>> compare_outlets(arts, conform(pd.DataFrame(), "links"), conform(pd.DataFrame(), "chains"),
    ...     conform(pd.DataFrame(), "outlets"))[["outlet_id", "n_articles"]].values.tolist()
    [['x', 2]]
    """
    if not 1 <= top <= 50:
        raise ValueError(f"top must be between 1 and 50, got {top}")
    # An article of no resolvable outlet counts under its domain ('domain:example'), as the
    # registry names unregistered domains: PTC's 234 articles had no row at all before.
    articles = articles.assign(
        outlet_id=articles["outlet_id"].fillna(DOMAIN_PREFIX + articles["domain"])
    )
    outlet_of = articles.set_index("article_id")["outlet_id"]
    per_outlet = articles.groupby("outlet_id", sort=True).size().rename("n_articles").to_frame()
    republish = _own_republications(links, outlet_of)
    per_outlet = per_outlet.join(_republication_columns(republish, per_outlet.index, top))
    per_outlet["share_republished"] = per_outlet["n_republished"] / per_outlet["n_articles"]
    per_outlet = per_outlet.join(_state_root_columns(chains, outlet_of, per_outlet["n_articles"]))
    per_outlet["n_mirrored"] = _mirrored_counts(links, outlet_of).reindex(per_outlet.index)
    per_outlet["n_mirrored"] = per_outlet["n_mirrored"].fillna(0)
    per_outlet = per_outlet.join(_state_story_columns(articles, stories))
    per_outlet["n_state_stories"] = per_outlet["n_state_stories"].astype("float64").fillna(0)
    per_outlet = _join_framing_means(per_outlet, articles, links, republish)

    info = outlets.drop_duplicates("outlet_id").set_index("outlet_id")[
        ["name", "country", "ownership", "state_affiliated"]
    ]
    per_outlet = per_outlet.join(info, how="left").reset_index()
    per_outlet["name"] = per_outlet["name"].fillna(per_outlet["outlet_id"])
    return conform(per_outlet, "outlet_comparison")


def _own_republications(links: pd.DataFrame, outlet_of: pd.Series) -> pd.DataFrame:
    """Republish links of an article's own node, each with the article's ``outlet_id``.

    The article-level view: an article republishes when its own node has a republish link (not
    when a story it carries, read inside it, does).
    """
    republish = links[links["relation"] == "republishes"].copy()
    republish["outlet_id"] = republish["child_article_id"].map(outlet_of)
    own_hop = republish["child_outlet_id"] == republish["outlet_id"]
    return republish[own_hop.fillna(False)]


def _republication_columns(republish: pd.DataFrame, index: pd.Index, top: int) -> pd.DataFrame:
    """Per outlet of ``index``: n_republished, top_parents, credit_rate and median_lag_hours.

    ``share_republished`` is left to the caller, which knows ``n_articles``.
    """
    by_outlet = republish.groupby("outlet_id")
    columns = pd.DataFrame(index=index)
    columns["n_republished"] = by_outlet["child_article_id"].nunique().reindex(index).fillna(0)
    columns["top_parents"] = _top_parents(republish, top).reindex(index)
    reused = republish[republish["evidence"].str.contains("text_reuse", regex=False)]
    columns["credit_rate"] = reused.groupby("outlet_id")["credited"].mean().reindex(index)
    columns["median_lag_hours"] = by_outlet["lag_hours"].median().reindex(index)
    return columns


def _top_parents(republish: pd.DataFrame, top: int) -> pd.Series:
    """Per outlet: its ``top`` most republished parent outlets, ``"tass (4); ria (2)"``."""
    parents = republish.groupby(["outlet_id", "parent_outlet_id"]).size().rename("n").reset_index()
    parents = parents.sort_values(
        ["outlet_id", "n", "parent_outlet_id"], ascending=[True, False, True]
    )
    parents = parents.groupby("outlet_id", sort=False).head(top)
    parents["label"] = (
        parents["parent_outlet_id"].astype(str) + " (" + parents["n"].astype(str) + ")"
    )
    return join_per_group(parents, ["outlet_id"], "label", "; ").set_index("outlet_id")["label"]


def _state_root_columns(
    chains: pd.DataFrame, outlet_of: pd.Series, n_articles: pd.Series
) -> pd.DataFrame:
    """Per outlet: the shares of its articles whose chain roots in, or passes through, state
    media."""
    rooted = chains.assign(outlet_id=chains["article_id"].map(outlet_of))
    rooted = rooted[rooted["depth"] > 0]
    columns = pd.DataFrame(index=n_articles.index)
    for column, flag in (
        ("share_from_state_media", "root_state_affiliated"),
        ("share_via_state_media", "via_state_affiliated"),
    ):
        hits = rooted[flag].fillna(False).astype(float).groupby(rooted["outlet_id"]).sum()
        columns[column] = hits.reindex(n_articles.index).fillna(0) / n_articles
    return columns


def _join_framing_means(
    per_outlet: pd.DataFrame, articles: pd.DataFrame, links: pd.DataFrame, republish: pd.DataFrame
) -> pd.DataFrame:
    """``per_outlet`` with the mean ``f_`` features of its articles and ``d_`` drifts of its
    republish links."""
    features = [c for c in articles.columns if c.startswith("f_")]
    if features:
        per_outlet = per_outlet.join(articles.groupby("outlet_id")[features].mean())
    drifts = [c for c in links.columns if c.startswith("d_")]
    if drifts:
        per_outlet = per_outlet.join(republish.groupby("outlet_id")[drifts].mean())
    return per_outlet


def _mirrored_counts(links: pd.DataFrame, outlet_of: pd.Series) -> pd.Series:
    """Per outlet: its articles on either side of a mirror link."""
    mirror = links[links["relation"] == "mirror"]
    sides = pd.concat([mirror["child_article_id"], mirror["parent_article_id"]]).dropna()
    sides = sides.drop_duplicates()
    return sides.groupby(sides.map(outlet_of)).size()


def _state_story_columns(articles: pd.DataFrame, stories: pd.DataFrame | None) -> pd.DataFrame:
    """Per outlet: state-media stories it carries (not as their first article) and its lag."""
    columns = ["n_state_stories", "median_lag_state_stories_hours"]
    if stories is None or stories.empty or "story_id" not in articles.columns:
        return pd.DataFrame(columns=columns)
    state = stories[stories["root_state_affiliated"].fillna(False).astype(bool)]
    carried = articles[["article_id", "outlet_id", "story_id", "published"]].merge(
        state[["story_id", "first_article_id", "first_published"]], on="story_id"
    )
    carried = carried[carried["article_id"] != carried["first_article_id"]]
    lag = (carried["published"] - carried["first_published"]).dt.total_seconds() / 3600.0
    grouped = carried.assign(lag=lag).groupby("outlet_id")
    return pd.DataFrame(
        {
            "n_state_stories": grouped["story_id"].nunique(),
            "median_lag_state_stories_hours": grouped["lag"].median(),
        }
    )
