"""Links: one provenance graph from credits, citations and text reuse.

Each link is an edge child -> parent. The child is an article of the corpus (``child_article_id``)
seen as a node of some outlet (``child_outlet_id``); the parent is an article of the corpus when
one is known (``parent_article_id``), else an outlet (``parent_outlet_id``): an interview in a paper
that is not in the corpus, the wire whose story was republished.

Evidence combines: a copy that credits its source in a dateline and copies its text is one link
with evidence ``credit+text_reuse``. When an article republishes an outlet's story wholesale
(a dateline credit) and that story is not in the corpus, the citations in the text belong to the
credited story: ``urdupoint.com > Sputnik > Magyar Nemzet`` has a second hop read inside the
UrduPoint article, with ``child_outlet_id`` = Sputnik.

Mirrors (:mod:`provenance.chains.mirrors`): a reuse pair between two domains of one publisher is
a ``mirror`` link, whatever its direction and whether or not it is the child's best parent, and
never a ``republishes`` one. A mirror is not a provenance source: when a child's best reuse
parent is its mirror, its republication link goes to its best other (directed, non-mirror) reuse
parent, if it has one. Chains follow a mirror link only when the node has no other parent
(``choose_parents``); they then pass through the twin to the twin's sources, and the mirror hop
counts as credited (a publisher does not credit itself).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from provenance.chains.match import TermCounter, match_outlet_parents
from provenance.chains.mirrors import mirror_mask
from provenance.grouping import join_per_group
from provenance.ids import stable_ids
from provenance.schema import conform, empty

# Credit kinds that say the whole article is the credited outlet's story.
WHOLESALE_CREDIT_KINDS = frozenset(
    {"dateline", "source_line", "originally_published", "republished", "agency_tag", "byline"}
)

CITATION_RELATIONS = {
    "interview": "interview_with",
    "statement": "statement_to",
    "op_ed": "op_ed_in",
    "quoted": "quotes",
    "report": "cites",
    "citing": "cites",
    "correspondent": "cites",
}

# Which parent a node follows when it has several: republication first, then the source of an
# interview or statement, then ordinary citations.
RELATION_RANK = {
    "republishes": 0,
    "interview_with": 1,
    "statement_to": 2,
    "op_ed_in": 3,
    "quotes": 4,
    "cites": 5,
    "mirror": 6,
}

EVIDENCE_ORDER = ("credit", "citation", "text_reuse")

# A credit is keyed by the crediting article and the credited outlet.
CREDIT_KEY = ["child_article_id", "parent_outlet_id"]


def entity_outlet_id(entity_text: pd.Series) -> pd.Series:
    """Outlet ids for names not in the registry: ``entity:<slug>`` of the name as written.

    Each distinct name slugged once (first 20,000 ABP articles: ~30,700 credits and citations,
    ~1,500 distinct names; three calls a run).

    >>> entity_outlet_id(pd.Series(["The Daily Star", None, "The Daily Star", "--"])).tolist()
    ['entity:daily-star', <NA>, 'entity:daily-star', <NA>]
    """
    codes, names = pd.factorize(entity_text.astype("string"))
    ids = _entity_ids(pd.Series(names, dtype="string")).array.take(codes, allow_fill=True)
    return pd.Series(ids, index=entity_text.index, name=entity_text.name).astype("string")


def _entity_ids(entity_text: pd.Series) -> pd.Series:
    """:func:`entity_outlet_id` of each name."""
    slug = (
        entity_text.astype("string")
        .str.lower()
        .str.replace(r"^(the)\s+", "", regex=True)
        .str.replace(r"[^\w]+", "-", regex=True)
        .str.strip("-")
    )
    return ("entity:" + slug).where(slug.fillna("").str.len() > 0).astype("string")


def build_links(
    articles: pd.DataFrame,
    *,
    reuse: pd.DataFrame | None = None,
    passages: pd.DataFrame | None = None,
    credits: pd.DataFrame | None = None,
    citations: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    outlets: pd.DataFrame | None = None,
    count_terms: TermCounter | None = None,
) -> pd.DataFrame:
    """Join reuse pairs, credits and citations into the ``links`` table.

    Parameters
    ----------
    articles : the articles table (article_id, outlet_id, published).
    reuse, passages : text-reuse pairs and their aligned passages (provenance.reuse).
    credits, citations : explicit evidence (provenance.attribution).
    quotes : direct quotes; their speakers are attached to interview links.
    outlets : outlets table (outlet_id, state_affiliated) to flag uncredited state media.
    count_terms : counts the terms of the outlet-only links' texts for their TF-IDF
        (:func:`~provenance.chains.match.tfidf_vectors`; default in this process).

    Example
    -------
    >>> import pandas as pd
    >>> from provenance.schema import conform
    >>> arts = conform(pd.DataFrame({"article_id": ["a1"], "outlet_id": ["urdupoint"]}), "articles")
    >>> creds = conform(pd.DataFrame({"article_id": ["a1"], "kind": ["dateline"],
    ...     "outlet_id": ["sputnik"], "confidence": [0.95]}), "credits")
    >>> build_links(arts, credits=creds)[["parent_outlet_id", "relation", "evidence"]].values.tolist()
    [['sputnik', 'republishes', 'credit']]
    """
    reuse = _or_empty(reuse, "reuse")
    passages = _or_empty(passages, "passages")
    credits = _or_empty(credits, "credits")
    citations = _or_empty(citations, "citations")
    quotes = _or_empty(quotes, "quotes")

    art = articles[["article_id", "outlet_id", "published"]].copy()
    outlet_of = art.set_index("article_id")["outlet_id"]

    mirror = mirror_mask(reuse["child_article_id"], reuse["parent_article_id"], articles, outlets)
    reuse_links = _reuse_links(reuse, outlet_of, mirror)
    credit_rows = _credit_rows(credits, reuse, passages, outlet_of)
    links = _merge_credits(reuse_links, credit_rows, reuse[~mirror], outlet_of)
    cite_rows = _citation_rows(citations, reuse, passages, outlet_of)
    links = _merge_citations(links, cite_rows, outlet_of)
    if links.empty:
        return empty("links")

    if "text" in articles.columns:
        links["parent_article_id"] = match_outlet_parents(links, articles, count_terms=count_terms)
        known = links["parent_article_id"].notna()
        links.loc[known, "parent_outlet_id"] = links.loc[known, "parent_article_id"].map(outlet_of)
    links = _attach_speakers(links, cite_rows, quotes)
    links = _finish(links, art, outlets)
    return links


def _or_empty(frame: pd.DataFrame | None, name: str) -> pd.DataFrame:
    return empty(name) if frame is None else frame


def _reuse_links(reuse: pd.DataFrame, outlet_of: pd.Series, mirror: np.ndarray) -> pd.DataFrame:
    """Republication links (best directed non-mirror parents) and mirror links (every mirror pair)."""
    best = reuse["is_best_parent"].fillna(False).astype(bool).to_numpy()
    directed = (reuse["direction"].fillna("undetermined") != "undetermined").to_numpy()
    # A child whose best parent is its mirror republishes its best other directed parent.
    mirrored = reuse.loc[best & mirror, "child_article_id"]
    fallback = reuse[~mirror & directed & ~best & reuse["child_article_id"].isin(mirrored)]
    fallback = fallback.sort_values(
        ["child_article_id", "containment", "confidence", "pair_id"],
        ascending=[True, False, False, True],
    ).drop_duplicates("child_article_id")
    republished = pd.concat([reuse[best & ~mirror & directed], fallback])
    return pd.concat(
        [
            _reuse_link_rows(republished, outlet_of, "republishes"),
            _reuse_link_rows(reuse[mirror], outlet_of, "mirror"),
        ],
        ignore_index=True,
    )


def _reuse_link_rows(best: pd.DataFrame, outlet_of: pd.Series, relation: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "child_article_id": best["child_article_id"].astype("string"),
            "child_outlet_id": best["child_article_id"].map(outlet_of).astype("string"),
            "parent_article_id": best["parent_article_id"].astype("string"),
            "parent_outlet_id": best["parent_article_id"].map(outlet_of).astype("string"),
            "relation": relation,
            "evidence": "text_reuse",
            "containment": best["containment"].astype(float),
            "parent_coverage": best["parent_coverage"].astype(float),
            "credited": False,
            "cue": pd.Series(pd.NA, index=best.index, dtype="string"),
            "confidence": best["confidence"].astype(float),
        }
    ).reset_index(drop=True)


def _own_evidence(
    evidence: pd.DataFrame, reuse: pd.DataFrame, passages: pd.DataFrame, outlet_of: pd.Series
) -> pd.DataFrame:
    """Credits or citations that name another outlet and are the article's own."""
    rows = evidence.copy()
    rows["outlet_id"] = (
        rows["outlet_id"].astype("string").fillna(entity_outlet_id(rows["entity_text"]))
    )
    rows = rows[rows["outlet_id"].notna()]
    # An outlet's own dateline ("MOSCOW (Sputnik) -" on sputniknews.com) credits nobody else.
    own = rows["article_id"].map(outlet_of).astype("string")
    rows = rows[(own != rows["outlet_id"]).fillna(True)]
    return rows[~_inherited(rows, reuse, passages, outlet_of)]


def _inherited(
    rows: pd.DataFrame, reuse: pd.DataFrame, passages: pd.DataFrame, outlet_of: pd.Series
) -> np.ndarray:
    """Mask of credits/citations that stand inside text the child copied from its parent.

    Those are the parent's own evidence ("MOSCOW (StateWire) -" kept in a copy of a copy), not
    the child's, unless they name the parent's outlet: then they are the child's credit to it.
    """
    best = reuse[reuse["is_best_parent"].fillna(False).astype(bool)]
    best = best[["pair_id", "child_article_id", "parent_article_id"]]
    spans = passages.merge(best, on="pair_id")[
        ["child_article_id", "parent_article_id", "child_start", "child_end"]
    ]
    if rows.empty or spans.empty:
        return np.zeros(len(rows), dtype=bool)
    inside = rows[["article_id", "outlet_id", "span_start", "span_end"]].reset_index(names="_row")
    inside = inside.merge(spans, left_on="article_id", right_on="child_article_id")
    parent_outlet = inside["parent_article_id"].map(outlet_of).astype("string")
    hit = (
        (inside["span_start"] >= inside["child_start"])
        & (inside["span_end"] <= inside["child_end"])
        & (parent_outlet != inside["outlet_id"]).fillna(True)
    )
    return np.asarray(rows.index.isin(inside.loc[hit.fillna(False), "_row"]), dtype=bool)


def _credit_rows(
    credits: pd.DataFrame, reuse: pd.DataFrame, passages: pd.DataFrame, outlet_of: pd.Series
) -> pd.DataFrame:
    # Photo credits and self-credits name no source of the text.
    credits = credits[~credits["kind"].isin(("photo", "self"))]
    rows = _own_evidence(credits, reuse, passages, outlet_of)
    rows = rows.sort_values(
        ["article_id", "outlet_id", "confidence"], ascending=[True, True, False]
    )
    rows["wholesale"] = rows["kind"].isin(WHOLESALE_CREDIT_KINDS)
    agg = rows.groupby(["article_id", "outlet_id"], sort=True, as_index=False).agg(
        confidence=("confidence", "max"),
        cue=("text", "first"),
        wholesale=("wholesale", "any"),
    )
    return agg


def _merge_credits(
    reuse_links: pd.DataFrame, credit_rows: pd.DataFrame, reuse: pd.DataFrame, outlet_of: pd.Series
) -> pd.DataFrame:
    """Reuse links with the credits merged in, in three steps (see the helpers)."""
    links = reuse_links.copy()
    if credit_rows.empty:
        return links
    credits = credit_rows.rename(
        columns={"article_id": "child_article_id", "outlet_id": "parent_outlet_id"}
    )
    links, rest = _credit_best_parents(links, credits)
    via_alt = _credited_alternatives(rest, reuse, outlet_of)
    if not via_alt.empty:
        links = pd.concat([links, _alternative_links(via_alt, outlet_of)], ignore_index=True)
        rest = rest[~_pairs_in(rest, CREDIT_KEY, via_alt, CREDIT_KEY)]
    return pd.concat([links, _outlet_only_links(rest, outlet_of)], ignore_index=True)


def _credit_best_parents(
    links: pd.DataFrame, credits: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Step 1: the credited outlet is the outlet of the child's best reuse parent.

    Returns the links with those credited, and the credits that matched no link.
    """
    hit = links.merge(
        credits[CREDIT_KEY + ["cue", "confidence"]],
        on=CREDIT_KEY,
        how="left",
        suffixes=("", "_credit"),
    )
    matched = hit["confidence_credit"].notna().to_numpy()
    links.loc[matched, "evidence"] = "credit+text_reuse"
    links.loc[matched, "credited"] = True
    links.loc[matched, "cue"] = hit.loc[matched, "cue_credit"].values
    links.loc[matched, "confidence"] = np.maximum(
        links.loc[matched, "confidence"].to_numpy(),
        hit.loc[matched, "confidence_credit"].to_numpy(),
    )
    return links, credits[~_pairs_in(credits, CREDIT_KEY, links[matched], CREDIT_KEY)]


def _credited_alternatives(
    credits: pd.DataFrame, reuse: pd.DataFrame, outlet_of: pd.Series
) -> pd.DataFrame:
    """Step 2: credits whose outlet has an article among the child's other (directed) reuse
    parents, joined to the pair of highest containment."""
    alt = reuse[reuse["direction"].fillna("undetermined") != "undetermined"][
        ["child_article_id", "parent_article_id", "containment", "parent_coverage", "confidence"]
    ].copy()
    alt["parent_outlet_id"] = alt["parent_article_id"].map(outlet_of).astype("string")
    alt = alt.sort_values(
        ["child_article_id", "parent_outlet_id", "containment"], ascending=[True, True, False]
    )
    alt = alt.drop_duplicates(CREDIT_KEY)
    return credits.merge(alt, on=CREDIT_KEY, how="inner", suffixes=("_credit", ""))


def _alternative_links(via_alt: pd.DataFrame, outlet_of: pd.Series) -> pd.DataFrame:
    """Credited republication links to the alternative parents of :func:`_credited_alternatives`."""
    return pd.DataFrame(
        {
            "child_article_id": via_alt["child_article_id"],
            "child_outlet_id": via_alt["child_article_id"].map(outlet_of).astype("string"),
            "parent_article_id": via_alt["parent_article_id"],
            "parent_outlet_id": via_alt["parent_outlet_id"],
            "relation": "republishes",
            "evidence": "credit+text_reuse",
            "containment": via_alt["containment"],
            "parent_coverage": via_alt["parent_coverage"],
            "credited": True,
            "cue": via_alt["cue"],
            "confidence": np.maximum(via_alt["confidence"], via_alt["confidence_credit"]),
        }
    )


def _outlet_only_links(credits: pd.DataFrame, outlet_of: pd.Series) -> pd.DataFrame:
    """Step 3: the credited story is not in the corpus, so the parent is the outlet itself."""
    return pd.DataFrame(
        {
            "child_article_id": credits["child_article_id"],
            "child_outlet_id": credits["child_article_id"].map(outlet_of).astype("string"),
            "parent_article_id": pd.Series(pd.NA, index=credits.index, dtype="string"),
            "parent_outlet_id": credits["parent_outlet_id"],
            "relation": "republishes",
            "evidence": "credit",
            "credited": True,
            "cue": credits["cue"],
            "confidence": credits["confidence"],
            "wholesale": credits["wholesale"],
        }
    )


def _citation_rows(
    citations: pd.DataFrame, reuse: pd.DataFrame, passages: pd.DataFrame, outlet_of: pd.Series
) -> pd.DataFrame:
    return _own_evidence(citations, reuse, passages, outlet_of)


def _merge_citations(
    links: pd.DataFrame, cite_rows: pd.DataFrame, outlet_of: pd.Series
) -> pd.DataFrame:
    """The links with the citations merged in: a citation of the outlet a link already goes to
    confirms it; every other one is a link of its own."""
    if cite_rows.empty:
        return links.drop(columns=["wholesale"], errors="ignore")
    cites = cite_rows.copy()
    cites["relation"] = cites["kind"].map(CITATION_RELATIONS).fillna("cites")
    cites = cites.sort_values(["article_id", "outlet_id", "span_start"])
    links, cites = _confirm_links(links, cites)
    cites["child_outlet_id"] = _citing_nodes(links, cites, outlet_of)
    out = pd.concat([links, _citation_links(cites)], ignore_index=True)
    return out.drop(columns=["wholesale"], errors="ignore")


def _confirm_links(links: pd.DataFrame, cites: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Citing the outlet the child already republishes confirms that link (and its credit).

    Returns the links, confirmed ones with ``citation`` evidence, and the other citations.
    """
    key_cols = ["child_article_id", "parent_outlet_id"]
    cite_cols = ["article_id", "outlet_id"]
    confirms = _pairs_in(links, key_cols, cites, cite_cols)
    if confirms.any():
        links.loc[confirms, "evidence"] = links.loc[confirms, "evidence"].map(_add_citation)
        links.loc[confirms, "credited"] = True
    return links, cites[~_pairs_in(cites, cite_cols, links[confirms], key_cols)]


def _citing_nodes(links: pd.DataFrame, cites: pd.DataFrame, outlet_of: pd.Series) -> pd.Series:
    """The outlet whose node makes each citation: the article's own, unless the article
    republishes wholesale a story of an outlet not in the corpus, whose citations they are."""
    wholesale = links[
        links["parent_article_id"].isna()
        & links.get("wholesale", pd.Series(False, index=links.index)).eq(True)
    ]
    wholesale = wholesale.sort_values(
        ["child_article_id", "confidence", "parent_outlet_id"], ascending=[True, False, True]
    )
    carrier = wholesale.drop_duplicates("child_article_id").set_index("child_article_id")[
        "parent_outlet_id"
    ]
    child_outlet = cites["article_id"].map(carrier).astype("string")
    child_outlet = child_outlet.where(child_outlet != cites["outlet_id"])
    return child_outlet.fillna(cites["article_id"].map(outlet_of).astype("string"))


def _citation_links(cites: pd.DataFrame) -> pd.DataFrame:
    """One link per (article, citing node, cited outlet, relation), its surest citation's cue."""
    agg = cites.groupby(
        ["article_id", "child_outlet_id", "outlet_id", "relation"], sort=True, as_index=False
    ).agg(confidence=("confidence", "max"), cue=("text", "first"))
    return pd.DataFrame(
        {
            "child_article_id": agg["article_id"],
            "child_outlet_id": agg["child_outlet_id"],
            "parent_article_id": pd.Series(pd.NA, index=agg.index, dtype="string"),
            "parent_outlet_id": agg["outlet_id"],
            "relation": agg["relation"],
            "evidence": "citation",
            "credited": True,
            "cue": agg["cue"],
            "confidence": agg["confidence"],
        }
    )


def _pairs_in(
    left: pd.DataFrame, left_cols: list[str], right: pd.DataFrame, right_cols: list[str]
) -> np.ndarray:
    """Boolean mask: which rows of ``left`` have their key pair among ``right``'s."""
    left_keys = pd.MultiIndex.from_arrays([left[c].astype(str) for c in left_cols])
    right_keys = pd.MultiIndex.from_arrays([right[c].astype(str) for c in right_cols])
    return np.asarray(left_keys.isin(right_keys), dtype=bool)


def _add_citation(evidence: str) -> str:
    parts = set(evidence.split("+")) | {"citation"}
    return "+".join(e for e in EVIDENCE_ORDER if e in parts)


def _attach_speakers(
    links: pd.DataFrame, cite_rows: pd.DataFrame, quotes: pd.DataFrame
) -> pd.DataFrame:
    said = []
    if not cite_rows.empty:
        said.append(
            cite_rows[["article_id", "outlet_id", "speaker"]].rename(
                columns={"outlet_id": "parent_outlet_id"}
            )
        )
    q = quotes[quotes["addressee_outlet_id"].notna()]
    if not q.empty:
        said.append(
            q[["article_id", "addressee_outlet_id", "speaker"]].rename(
                columns={"addressee_outlet_id": "parent_outlet_id"}
            )
        )
    if not said:
        links["speakers"] = pd.Series(pd.NA, index=links.index, dtype="string")
        return links
    speakers = pd.concat(said, ignore_index=True).dropna(subset=["speaker"])
    speakers = speakers[speakers["speaker"].astype("string").str.strip().str.len() > 0]
    speakers = speakers.dropna(subset=["article_id", "parent_outlet_id"]).drop_duplicates()
    speakers = speakers.sort_values(["article_id", "parent_outlet_id", "speaker"])
    joined = join_per_group(speakers, ["article_id", "parent_outlet_id"], "speaker", "; ")
    joined = joined.rename(columns={"article_id": "child_article_id", "speaker": "speakers"})
    joined = joined.astype({"child_article_id": "string", "parent_outlet_id": "string"})
    return links.merge(joined, on=["child_article_id", "parent_outlet_id"], how="left")


def _finish(links: pd.DataFrame, art: pd.DataFrame, outlets: pd.DataFrame | None) -> pd.DataFrame:
    published = art.set_index("article_id")["published"]
    child_time = links["child_article_id"].map(published)
    parent_time = links["parent_article_id"].map(published)
    links["lag_hours"] = (child_time - parent_time).dt.total_seconds() / 3600.0
    if outlets is not None and not outlets.empty:
        state = outlets.set_index("outlet_id")["state_affiliated"].astype("boolean")
        parent_state = links["parent_outlet_id"].map(state).fillna(False).astype(bool)
    else:
        parent_state = pd.Series(False, index=links.index)
    reused = links["evidence"].str.contains("text_reuse", regex=False)
    reused &= links["relation"] != "mirror"
    links["uncredited_state_media"] = reused & ~links["credited"].astype(bool) & parent_state
    parent_key = links["parent_article_id"].fillna("outlet:" + links["parent_outlet_id"].fillna(""))
    links["link_id"] = stable_ids(
        links["child_article_id"], links["child_outlet_id"], parent_key, links["relation"]
    )
    links = links.sort_values(
        ["child_article_id", "child_outlet_id", "relation", "parent_outlet_id", "link_id"]
    )
    links = links.drop_duplicates("link_id")
    return conform(links, "links")
