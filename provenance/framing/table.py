"""The long framing table (schema "framing"): one row per target and feature, with evidence."""

from __future__ import annotations

import pandas as pd

from provenance.schema import conform

MAX_EVIDENCE_SPANS = 20  # per value: the table stays readable; the API keeps every span
MAX_SPAN_TEXT = 120


def _long(scores: pd.DataFrame | None, kind: str, id_col: str, prefix: str) -> pd.DataFrame:
    if scores is None or not len(scores):
        return pd.DataFrame(columns=["target_kind", "target_id", "feature", "value"])
    if id_col not in scores.columns:
        raise ValueError(f"{kind} scores lack the {id_col!r} column")
    cols = [c for c in scores.columns if c.startswith(prefix)]
    long = scores.melt(id_vars=[id_col], value_vars=cols, var_name="feature", value_name="value")
    long = long.rename(columns={id_col: "target_id"})
    long.insert(0, "target_kind", kind)
    return long


def _evidence_strings(evidence: pd.DataFrame) -> pd.DataFrame:
    ev = evidence.sort_values(
        ["target_kind", "target_id", "feature", "start", "end"], kind="stable"
    )
    ev = ev.groupby(["target_kind", "target_id", "feature"], sort=False).head(MAX_EVIDENCE_SPANS)
    text = ev["text"].astype(str).str.replace(r"\s+", " ", regex=True).str.slice(0, MAX_SPAN_TEXT)
    item = (
        ev["start"].astype("int64").astype(str)
        + "-"
        + ev["end"].astype("int64").astype(str)
        + ":"
        + text.str.replace(";", ",", regex=False)
    )
    joined = item.groupby([ev["target_kind"], ev["target_id"], ev["feature"]], sort=False).agg(
        "; ".join
    )
    return joined.rename("evidence").reset_index()


def framing_table(
    article_scores: pd.DataFrame | None,
    link_scores: pd.DataFrame | None,
    evidence: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Long table (schema "framing"): target_kind, target_id, feature, value, evidence.

    ``evidence`` is the concatenation of the evidence frames ``score_articles`` and
    ``score_links`` return with ``return_evidence=True`` (columns target_kind, target_id,
    feature, start, end, text); evidence strings read ``'start-end:text; ...'``.

    >>> arts = pd.DataFrame({"article_id": ["a"], "f_loaded": [2.0]})
    >>> framing_table(arts, None)[["target_kind", "target_id", "feature", "value"]].values.tolist()
    [['article', 'a', 'f_loaded', 2.0]]
    """
    long = pd.concat(
        [
            _long(article_scores, "article", "article_id", "f_"),
            _long(link_scores, "link", "link_id", "d_"),
        ],
        ignore_index=True,
    )
    long["target_id"] = long["target_id"].astype(str)
    if evidence is not None and len(evidence):
        missing = {"target_kind", "target_id", "feature", "start", "end", "text"} - set(evidence)
        if missing:
            raise ValueError(f"evidence lacks columns {sorted(missing)}")
        ev = _evidence_strings(evidence.assign(target_id=evidence["target_id"].astype(str)))
        long = long.merge(ev, on=["target_kind", "target_id", "feature"], how="left")
    long = long.sort_values(["target_kind", "target_id", "feature"], kind="stable")
    return conform(long, "framing")
