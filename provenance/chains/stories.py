"""Story clusters: the articles that share one text, as passim's clusters give.

A story is a connected component of the verified reuse pairs (the ``reuse`` table, every pair:
best parents, alternatives, undetermined directions and mirrors), found with
``scipy.sparse.csgraph.connected_components`` over the undirected pair graph. An article in no
reuse pair is in no story: its ``story_id`` is empty and it has no ``stories`` row (a story is a
text that travelled; one article alone has not).

A component can join two texts through one article that copies both (a round-up): that is what
connected components mean, and the ``stories`` row shows it as many outlets over a long span.

The story's first article is the earliest published; unknown times come last, and among equal
times an article that is no one's copy comes first (it is a parent in every directed pair it is
in), then the article id. ``story_id`` is a hash of the sorted member article ids, so the same
members give the same id in every run and on every engine.

>>> import pandas as pd
>>> from provenance.schema import conform
>>> arts = conform(pd.DataFrame({"article_id": ["w", "c", "x"], "outlet_id": ["ap", "p", "q"],
...     "published": ["2020-01-01T00:00Z", "2020-01-01T03:00Z", None]}), "articles")
>>> reuse = conform(pd.DataFrame({"pair_id": ["1"], "child_article_id": ["c"],
...     "parent_article_id": ["w"], "direction": ["published"]}), "reuse")
>>> stories, story_of = build_stories(arts, reuse)
>>> stories[["n_articles", "first_outlet_id", "span_hours"]].values.tolist()
[[2, 'ap', 3.0]]
>>> story_of.isna().tolist()
[False, False, True]
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from provenance.grouping import join_per_group
from provenance.ids import stable_ids
from provenance.schema import conform, empty


def story_labels(article_ids: pd.Series, reuse: pd.DataFrame) -> np.ndarray:
    """Component label per article (aligned with ``article_ids``), -1 for articles in no pair."""
    index = pd.Index(article_ids.astype(str))
    child = index.get_indexer(reuse["child_article_id"].astype(str))
    parent = index.get_indexer(reuse["parent_article_id"].astype(str))
    known = (child >= 0) & (parent >= 0) & (child != parent)
    n = len(index)
    if not known.any():
        return np.full(n, -1, dtype=np.int64)
    graph = coo_matrix(
        (np.ones(int(known.sum()), dtype=np.int8), (child[known], parent[known])), shape=(n, n)
    )
    _, labels = connected_components(graph, directed=False)
    in_pair = np.zeros(n, dtype=bool)
    in_pair[child[known]] = True
    in_pair[parent[known]] = True
    return np.where(in_pair, labels, -1).astype(np.int64)


def build_stories(
    articles: pd.DataFrame,
    reuse: pd.DataFrame,
    *,
    credits: pd.DataFrame | None = None,
    citations: pd.DataFrame | None = None,
    chains: pd.DataFrame | None = None,
    outlets: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.Series]:
    """The ``stories`` table and the ``story_id`` of every article (aligned with ``articles``).

    ``credits`` and ``citations`` give ``n_credited`` (articles that credit or cite the first
    outlet, the story's root or another member's outlet); ``chains`` gives the story's root (the
    first article's chain root); ``outlets`` flags state-affiliated first outlets and roots.
    """
    article_ids = articles["article_id"].astype("string")
    labels = story_labels(article_ids, reuse)
    members = pd.DataFrame(
        {
            "article_id": article_ids.reset_index(drop=True),
            "outlet_id": articles["outlet_id"].astype("string").reset_index(drop=True),
            "published": pd.to_datetime(articles["published"], utc=True).reset_index(drop=True),
            "label": labels,
        }
    )
    members = members[members["label"] >= 0].drop_duplicates("article_id")
    if members.empty:
        return empty("stories"), pd.Series(pd.NA, index=articles.index, dtype="string")
    members = members.sort_values(["label", "article_id"], kind="mergesort")
    ids_by_label = join_per_group(members, ["label"], "article_id", ";")
    story_of_label = pd.Series(
        stable_ids(ids_by_label["article_id"].to_numpy()), index=ids_by_label["label"]
    )
    members["story_id"] = members["label"].map(story_of_label).astype("string")
    story_id = pd.Series(
        pd.Series(labels).map(story_of_label).to_numpy(), index=articles.index, dtype="string"
    )
    stories = _story_rows(members, reuse)
    stories = _with_roots(stories, chains, outlets)
    stories["n_credited"] = _credited_counts(members, stories, credits, citations)
    stories = stories.sort_values(
        ["n_articles", "first_published", "story_id"], ascending=[False, True, True]
    )
    return conform(stories, "stories"), story_id


def _story_rows(members: pd.DataFrame, reuse: pd.DataFrame) -> pd.DataFrame:
    """One row per story: sizes, first article and outlet, time span, member outlets."""
    directed = reuse[reuse["direction"].fillna("undetermined") != "undetermined"]
    members = members.assign(
        _copy=members["article_id"].isin(directed["child_article_id"].astype(str)).astype(int)
    )
    ordered = members.sort_values(
        ["story_id", "published", "_copy", "article_id"], na_position="last", kind="mergesort"
    )
    first = ordered.drop_duplicates("story_id").set_index("story_id")
    grouped = members.groupby("story_id", sort=True)
    stories = pd.DataFrame(
        {
            "n_articles": grouped.size(),
            "n_outlets": grouped["outlet_id"].nunique(),
            "first_article_id": first["article_id"],
            "first_outlet_id": first["outlet_id"],
            "first_published": grouped["published"].min(),
            "last_published": grouped["published"].max(),
            "outlet_ids": grouped["outlet_id"].agg(
                lambda s: "; ".join(sorted(s.dropna().unique()))
            ),
        }
    )
    span = stories["last_published"] - stories["first_published"]
    stories["span_hours"] = span.dt.total_seconds() / 3600.0
    return stories.reset_index()


def _with_roots(
    stories: pd.DataFrame, chains: pd.DataFrame | None, outlets: pd.DataFrame | None
) -> pd.DataFrame:
    """root_outlet_id (the first article's chain root) and root_state_affiliated."""
    if chains is not None and not chains.empty:
        root_of = chains.drop_duplicates("article_id").set_index("article_id")["root_outlet_id"]
        root = stories["first_article_id"].map(root_of).astype("string")
    else:
        root = pd.Series(pd.NA, index=stories.index, dtype="string")
    stories["root_outlet_id"] = root.fillna(stories["first_outlet_id"])
    if outlets is not None and not outlets.empty:
        state = outlets.drop_duplicates("outlet_id").set_index("outlet_id")["state_affiliated"]
        state = state.astype("boolean").fillna(False)
        first_state = stories["first_outlet_id"].map(state).fillna(False).astype(bool)
        root_state = stories["root_outlet_id"].map(state).fillna(False).astype(bool)
        stories["root_state_affiliated"] = first_state | root_state
    else:
        stories["root_state_affiliated"] = False
    return stories


def _credited_counts(
    members: pd.DataFrame,
    stories: pd.DataFrame,
    credits: pd.DataFrame | None,
    citations: pd.DataFrame | None,
) -> pd.Series:
    """Per story (aligned with ``stories``): members that credit or cite a story outlet not their own."""
    named = [
        frame[["article_id", "outlet_id"]]
        for frame in (credits, citations)
        if frame is not None and not frame.empty
    ]
    if not named:
        return pd.Series(0, index=stories.index)
    named = pd.concat(named, ignore_index=True).dropna().astype(str)
    said = named.merge(
        members[["article_id", "outlet_id", "story_id"]], on="article_id", suffixes=("", "_own")
    )
    said = said[said["outlet_id"] != said["outlet_id_own"]]
    story_outlets = (
        pd.concat(
            [
                members[["story_id", "outlet_id"]],
                stories[["story_id", "root_outlet_id"]].rename(
                    columns={"root_outlet_id": "outlet_id"}
                ),
            ]
        )
        .dropna()
        .astype(str)
        .drop_duplicates()
    )
    hits = said.merge(story_outlets, on=["story_id", "outlet_id"])
    counts = hits.groupby("story_id")["article_id"].nunique()
    return stories["story_id"].map(counts).fillna(0).astype(int)
