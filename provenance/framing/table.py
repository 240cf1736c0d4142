"""The long framing table (schema "framing"): one row per target and feature, with evidence."""

from __future__ import annotations

import re

import numpy as np
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


_SPACE_RUN = re.compile(r"\s+")


def _clean_span(text: str) -> str:
    """The span as the table shows it: whitespace runs as one space, cut, ';' as ','."""
    # Collapsing a prefix yields a prefix of the collapsed text, so long spans (whole added
    # paragraphs) are collapsed only as far as the cut needs.
    head = text[: 4 * MAX_SPAN_TEXT]
    # Every \s character but " " is non-printable (Cc/Z*), so most spans need no regex.
    if "  " in head or not head.isprintable():
        head = _SPACE_RUN.sub(" ", head)
    if len(head) < MAX_SPAN_TEXT and len(text) > 4 * MAX_SPAN_TEXT:
        head = _SPACE_RUN.sub(" ", text)
    return head[:MAX_SPAN_TEXT].replace(";", ",")


def _sort_codes(values: pd.Series) -> np.ndarray:
    """Integer codes whose order is the values' sort order (missing values last, as sort_values)."""
    codes, uniques = pd.factorize(values, sort=True)
    return np.where(codes < 0, len(uniques), codes)


# Items formatted and joined together: the first 20,000 ABP articles have ~2.5M evidence items,
# and one join of them all held every item's string, the joined text and its split at once.
_JOIN_ITEMS = 200_000


def _group_strings(
    start: np.ndarray, end: np.ndarray, texts: np.ndarray, last: np.ndarray
) -> list[str]:
    """Per group of contiguous items (``last`` marks each group's last item, and the final item
    is one), its items as ``'start-end:text'`` joined by ``'; '``; about _JOIN_ITEMS items a pass.
    """
    # Items of a group are contiguous, so one join makes every evidence string of a pass: "; "
    # inside a group, "\x1f" after its last item. "\x1f" cannot occur in an item: it is
    # whitespace to _SPACE_RUN (str.isspace) and the offsets are digits.
    # (one f-string pass formats the items faster than numpy object-array concatenation).
    group_ends = np.flatnonzero(last) + 1
    out: list[str] = []
    lo = 0
    while lo < len(last):
        hi = (
            group_ends[np.searchsorted(group_ends, lo + _JOIN_ITEMS)]
            if lo + _JOIN_ITEMS < len(last)
            else len(last)
        )
        sep = ["\x1f" if is_last else "; " for is_last in last[lo:hi].tolist()]
        rows = zip(
            start[lo:hi].tolist(), end[lo:hi].tolist(), texts[lo:hi].tolist(), sep, strict=True
        )
        out += "".join([f"{s}-{e}:{t}{p}" for s, e, t, p in rows]).split("\x1f")[:-1]
        lo = hi
    return out


def _evidence_strings(evidence: pd.DataFrame) -> pd.DataFrame:
    # One lexsort on integer codes instead of a five-key string sort; stable like sort_values.
    keys = [_sort_codes(evidence[c]) for c in ("target_kind", "target_id", "feature")]
    start = evidence["start"].to_numpy(dtype="int64")
    end = evidence["end"].to_numpy(dtype="int64")
    order = np.lexsort((end, start, keys[2], keys[1], keys[0]))
    kind, target, feat = (k[order] for k in keys)
    new_group = np.ones(len(order), dtype=bool)
    new_group[1:] = (kind[1:] != kind[:-1]) | (target[1:] != target[:-1]) | (feat[1:] != feat[:-1])
    group_start = np.flatnonzero(new_group)
    rank = np.arange(len(order)) - np.repeat(group_start, np.diff(group_start, append=len(order)))
    kept = rank < MAX_EVIDENCE_SPANS
    keep = order[kept]
    last = (np.append(new_group[1:], True) | (rank == MAX_EVIDENCE_SPANS - 1))[kept]

    # Span texts repeat (the same cue words over and over): clean each distinct text once.
    # Factorized as stored (no Python string per item: 2.5M of them on 20,000 ABP articles),
    # then each distinct value as str(), missing ones included, as astype(str) gives them.
    kept_text = evidence["text"].iloc[keep]
    text_codes, texts = pd.factorize(kept_text, use_na_sentinel=False)
    texts = pd.Series(texts, dtype=kept_text.dtype).astype(str)
    clean = np.array([_clean_span(t) for t in texts], dtype=object)
    joined = _group_strings(start[keep], end[keep], clean[text_codes], last)
    first = order[new_group]
    out = evidence[["target_kind", "target_id", "feature"]].iloc[first].reset_index(drop=True)
    out["evidence"] = joined
    return out


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
