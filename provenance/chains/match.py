"""Find the cited or credited article in the corpus when the text names only its outlet.

"Orlov told the Capital Herald in an interview" names an outlet; when the Herald's interview is
in the corpus the link should point at that article. The candidates are the outlet's articles
published before the child within a window; the match is the one whose TF-IDF vector is closest
to the child's, above a floor and clearly ahead of the runner-up, so that an unrelated story of
the same outlet is not picked.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

WINDOW_DAYS = 7.0
MIN_SIMILARITY = 0.12
MIN_MARGIN = 1.2  # the best candidate must beat the runner-up by this factor
MAX_CANDIDATES = 50  # per link, the nearest in time


def match_outlet_parents(
    links: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    window_days: float = WINDOW_DAYS,
    min_similarity: float = MIN_SIMILARITY,
) -> pd.Series:
    """Parent article ids for outlet-only links (NA where nothing in the corpus matches).

    Returns a Series aligned with ``links``: the existing ``parent_article_id`` where there is
    one, else the best-matching earlier article of ``parent_outlet_id``.
    """
    if window_days <= 0 or not 0 < min_similarity <= 1:
        raise ValueError("window_days must be > 0 and min_similarity in (0, 1]")
    parent = links["parent_article_id"].astype("string").copy()
    open_links = links[parent.isna() & links["parent_outlet_id"].notna()]
    if open_links.empty:
        return parent
    arts = articles[["article_id", "outlet_id", "published", "text"]]
    published = arts.set_index("article_id")["published"]
    pairs = open_links[["child_article_id", "parent_outlet_id"]].reset_index(names="_link")
    pairs["child_time"] = pairs["child_article_id"].map(published)
    pairs = pairs.merge(
        arts.rename(
            columns={
                "article_id": "candidate",
                "outlet_id": "parent_outlet_id",
                "published": "candidate_time",
            }
        )[["candidate", "parent_outlet_id", "candidate_time"]],
        on="parent_outlet_id",
    )
    lag_days = (pairs["child_time"] - pairs["candidate_time"]).dt.total_seconds() / 86400.0
    pairs = pairs[
        (lag_days >= 0)
        & (lag_days <= window_days)
        & (pairs["candidate"] != pairs["child_article_id"])
    ]
    if pairs.empty:
        return parent
    pairs = pairs.assign(_lag=lag_days).sort_values(["_link", "_lag", "candidate"])
    pairs = pairs.groupby("_link", sort=False).head(MAX_CANDIDATES)

    involved = pd.Index(pd.concat([pairs["child_article_id"], pairs["candidate"]]).unique())
    texts = arts.set_index("article_id")["text"].reindex(involved).fillna("").astype(str)
    vectors = TfidfVectorizer(
        sublinear_tf=True, stop_words="english", dtype=np.float32
    ).fit_transform(texts)
    child_rows = vectors[involved.get_indexer(pairs["child_article_id"])]
    cand_rows = vectors[involved.get_indexer(pairs["candidate"])]
    pairs["similarity"] = np.asarray(child_rows.multiply(cand_rows).sum(axis=1)).ravel()
    ranked = pairs.sort_values(["_link", "similarity", "candidate"], ascending=[True, False, True])
    runner_up = ranked.groupby("_link", sort=False)["similarity"].nth(1)
    best = ranked.drop_duplicates("_link")
    second = best["_link"].map(
        pd.Series(runner_up.to_numpy(), index=ranked.loc[runner_up.index, "_link"])
    )
    clear = best["similarity"] >= MIN_MARGIN * second.fillna(0.0)
    best = best[(best["similarity"] >= min_similarity) & clear]
    parent.loc[best["_link"].to_numpy()] = best["candidate"].to_numpy()
    return parent
