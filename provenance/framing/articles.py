"""Article-level framing: body features, headline features and speaker features from quotes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from provenance.errors import check_frame

from .features import TITLE_FEATURES, scanner_for, score_detail
from .lexicons import LexiconsArg
from .quotes import quotes_table

_QUOTE_COLUMNS = (
    "article_id",
    "field",
    "speaker",
    "speaker_role",
    "span_start",
    "span_end",
    "n_words",
)


def column_strings(frame: pd.DataFrame, column: str) -> list[str]:
    """The column as plain strings, "" for missing values or a missing column."""
    if column not in frame:
        return [""] * len(frame)
    return [str(t) for t in frame[column].fillna("").astype(object)]


def _check_articles(articles: pd.DataFrame) -> None:
    check_frame(articles, "articles", "the framing scores", ["article_id", "text"])
    if articles["article_id"].isna().any() or articles["article_id"].duplicated().any():
        raise ValueError("articles.article_id must be unique and non-empty")


def speaker_key(speaker: pd.Series) -> pd.Series:
    """Identity of a speaker for counting: last word, lower-cased ('Sergey Lavrov' -> 'lavrov')."""
    return speaker.astype("string").str.strip().str.lower().str.split().str[-1]


def quote_features(quotes: pd.DataFrame, lexicons: LexiconsArg = None) -> pd.DataFrame:
    """Per article_id: f_n_quotes, quoted body words, f_speakers, f_top_speaker_share,
    f_official_share."""
    missing = set(_QUOTE_COLUMNS) - set(quotes.columns)
    if missing:
        raise ValueError(f"quotes lacks columns {sorted(missing)}")
    q = quotes.loc[:, list(_QUOTE_COLUMNS)].copy()
    q["key"] = speaker_key(q["speaker"])
    who = q["speaker_role"].fillna("").astype(str) + " " + q["speaker"].fillna("").astype(str)
    scanner = scanner_for(lexicons)
    _, counts = scanner.scan(who.tolist())
    q["official"] = (
        np.asarray(counts[:, scanner.names.index("official_roles")].todense()).ravel() > 0
    )
    q["body_words"] = np.where(q["field"].astype(str) == "text", q["n_words"].astype(float), 0.0)
    q["in_title"] = (q["field"].astype(str) == "title").astype(float)
    grouped = q.groupby("article_id", sort=True)
    out = pd.DataFrame(
        {
            "f_n_quotes": grouped.size().astype(float),
            "quoted_words": grouped["body_words"].sum(),
            "title_quotes": grouped["in_title"].sum(),
            "f_speakers": grouped["key"].nunique().astype(float),
            "f_official_share": grouped["official"].mean().astype(float),
        }
    )
    top = q.dropna(subset=["key"]).groupby(["article_id", "key"]).size().groupby(level=0).max()
    out["f_top_speaker_share"] = (top.reindex(out.index).fillna(0) / out["f_n_quotes"]).astype(
        float
    )
    return out


def _with_ids(evidence: pd.DataFrame, ids: np.ndarray, texts: list[str]) -> pd.DataFrame:
    ev = evidence.copy()
    ev["target_id"] = ids[ev["doc"].to_numpy()]
    ev["text"] = [texts[d][s:e] for d, s, e in zip(ev["doc"], ev["start"], ev["end"], strict=True)]
    return ev.drop(columns="doc")


def score_articles(
    articles: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    *,
    lexicons: LexiconsArg = None,
    return_evidence: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """``article_id`` + body ``f_*`` features + ``f_title_*`` headline features.

    ``quotes`` is the quotes table (schema "quotes"); when None it is computed with
    ``provenance.quotes.extract_quotes`` (or the framing stage's fallback when that stage is
    absent). With ``return_evidence=True`` also returns the spans behind the values (columns
    target_id, feature, start, end, text; offsets in the body, or the title for f_title_*).

    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["Talks 'useful'"],
    ...                      "text": ['"We agree," the minister said.']})
    >>> score_articles(arts)[["f_n_quotes", "f_quote_share"]].values.tolist()
    [[2.0, 0.4]]
    """
    _check_articles(articles)
    ids = articles["article_id"].astype(str).to_numpy()
    bodies = column_strings(articles, "text")
    titles = column_strings(articles, "title")
    body, ev_body = score_detail(pd.Series(bodies, dtype=object), lexicons=lexicons)
    title, ev_title = score_detail(pd.Series(titles, dtype=object), lexicons=lexicons)

    if quotes is None:
        quotes = quotes_table(articles)
    qf = quote_features(quotes, lexicons).reindex(ids)
    n_words = body["f_n_words"].to_numpy()
    body["f_n_quotes"] = qf["f_n_quotes"].fillna(0).to_numpy()
    quoted = qf["quoted_words"].fillna(0).to_numpy()
    body["f_quote_share"] = np.minimum(
        np.divide(quoted, n_words, out=np.zeros(len(n_words)), where=n_words > 0), 1.0
    )
    for name in ("f_speakers", "f_top_speaker_share", "f_official_share"):
        body[name] = qf[name].to_numpy()
    body["f_speakers"] = body["f_speakers"].fillna(0.0)

    out = body.reset_index(drop=True)
    for name in TITLE_FEATURES:
        out[f"f_title_{name}"] = title[f"f_{name}"].to_numpy()
    out["f_title_n_quotes"] = qf["title_quotes"].fillna(0).to_numpy()  # same source as evidence
    out.insert(0, "article_id", pd.array(ids, dtype="string"))
    out = out.sort_values("article_id", kind="stable", ignore_index=True)
    if not return_evidence:
        return out

    keep = {f"f_{n}" for n in TITLE_FEATURES}
    ev_title = ev_title[ev_title["feature"].isin(keep - {"f_n_quotes"})].copy()
    ev_title["feature"] = "f_title_" + ev_title["feature"].str[2:]
    ev = [
        _with_ids(ev_body[ev_body["feature"] != "f_n_quotes"], ids, bodies),
        _with_ids(ev_title, ids, titles),
    ]
    qrows = quotes[quotes["article_id"].isin(ids)]
    for field, feature in (("text", "f_quote_share"), ("title", "f_title_n_quotes")):
        sel = qrows[qrows["field"].astype(str) == field]
        src = dict(zip(ids, bodies if field == "text" else titles, strict=True))
        ev.append(
            pd.DataFrame(
                {
                    "target_id": sel["article_id"].astype(str).to_numpy(),
                    "feature": feature,
                    "start": sel["span_start"].astype("int64").to_numpy(),
                    "end": sel["span_end"].astype("int64").to_numpy(),
                    "text": [
                        src[a][int(s) : int(e)]
                        for a, s, e in zip(
                            sel["article_id"], sel["span_start"], sel["span_end"], strict=True
                        )
                    ],
                }
            )
        )
    spk = qrows.dropna(subset=["speaker"])
    ev.append(
        pd.DataFrame(
            {
                "target_id": spk["article_id"].astype(str).to_numpy(),
                "feature": "f_speakers",
                "start": spk["span_start"].astype("int64").to_numpy(),
                "end": spk["span_end"].astype("int64").to_numpy(),
                "text": (
                    spk["speaker"].astype(str) + " (" + spk["field"].astype(str) + ")"
                ).to_numpy(),
            }
        )
    )
    evidence = pd.concat(ev, ignore_index=True)
    evidence.insert(0, "target_kind", "article")
    evidence = evidence.sort_values(
        ["target_id", "feature", "start"], kind="stable", ignore_index=True
    )
    return out, evidence
