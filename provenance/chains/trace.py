"""One article's chain, hop by hop, with the evidence behind every link."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

# What each hop shows of the link it leaves by.
LINK_FIELDS = ("relation", "evidence", "credited", "lag_hours", "containment", "cue", "speakers")
TRACE_COLUMNS = [
    "hop", "label", "outlet_id", "state_affiliated", "article_id", "url", "title",
    *LINK_FIELDS, "link_id",
]  # fmt: skip


def find_article(articles: pd.DataFrame, key: str) -> str:
    """The article_id of the article named by id, URL or source file; ``KeyError`` if none."""
    key = key.strip()
    for column in ("article_id", "url", "source_file"):
        hit = articles.loc[articles[column].astype("string") == key, "article_id"]
        if len(hit):
            return str(hit.iloc[0])
    hit = articles.loc[
        articles["source_file"].astype("string").str.startswith(key + "#").fillna(False),
        "article_id",
    ]
    if len(hit):
        return str(hit.iloc[0])
    raise KeyError(f"no article with id, URL or source file {key!r}")


def trace_article(tables: Mapping[str, pd.DataFrame], article: str) -> pd.DataFrame:
    """Hops of the article's chain from the leaf (hop 0) to the root, joined with their links.

    Example
    -------
    >>> analysis.trace("https://example.com/story")[["hop", "label", "evidence"]]  # doctest: +SKIP
    """
    articles = tables["articles"]
    article_id = find_article(articles, article)
    chain = tables["chains"][tables["chains"]["article_id"] == article_id]
    hops = tables["chain_hops"][tables["chain_hops"]["chain_id"].isin(chain["chain_id"])]
    hops = hops.sort_values("hop").reset_index(drop=True)
    links = tables["links"].set_index("link_id")
    outlets = tables["outlets"].drop_duplicates("outlet_id").set_index("outlet_id")
    by_id = articles.set_index("article_id")
    out = pd.DataFrame(
        {"hop": hops["hop"], "outlet_id": hops["outlet_id"], "article_id": hops["article_id"]}
    )
    labels = str(chain["path"].iloc[0]).split(" > ") if len(chain) else []
    out["label"] = labels if len(labels) == len(out) else out["outlet_id"]
    out["state_affiliated"] = out["outlet_id"].map(outlets["state_affiliated"]).astype("boolean")
    out["url"] = out["article_id"].map(by_id["url"]).astype("string")
    out["title"] = out["article_id"].map(by_id["title"]).astype("string")
    out["link_id"] = hops["link_id"]
    for column in LINK_FIELDS:
        out[column] = hops["link_id"].map(links[column])
    return out[TRACE_COLUMNS]


def format_trace(trace: pd.DataFrame) -> str:
    """The trace as readable lines for the terminal."""
    lines = [" > ".join(trace["label"].astype(str))]
    for row in trace.itertuples(index=False):
        state = " [state-affiliated]" if row.state_affiliated is True else ""
        where = f" {row.url}" if isinstance(row.url, str) else ""
        title = f' "{row.title}"' if isinstance(row.title, str) else ""
        lines.append(f"  {row.hop}. {row.label}{state}{where}{title}")
        if isinstance(row.relation, str):
            details = [
                f"{row.relation} via {row.evidence}",
                "credited" if row.credited else "NOT credited",
            ]
            if pd.notna(row.lag_hours):
                details.append(f"lag {row.lag_hours:.1f} h")
            if pd.notna(row.containment):
                details.append(f"containment {row.containment:.2f}")
            if isinstance(row.speakers, str):
                details.append(f"speakers: {row.speakers}")
            lines.append("     -> " + "; ".join(details))
            if isinstance(row.cue, str):
                lines.append(f"        cue: {row.cue[:160]}")
    return "\n".join(lines)
