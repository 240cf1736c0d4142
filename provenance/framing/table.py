"""The long framing table (schema "framing"): one row per target and feature, with evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from provenance.schema import STRING, conform

MAX_EVIDENCE_SPANS = 20  # per value: the table stays readable; the API keeps every span
MAX_SPAN_TEXT = 120


@dataclass
class _LongPart:
    """One target kind's rows of the long table, in table order (by target_id as text, then
    feature), as positions in its sorted distinct ids and feature names."""

    kind: str
    distinct_ids: pd.Index  # sorted, as str
    feature_names: pd.Index  # sorted
    target: np.ndarray  # int64 per row: its target_id's position in distinct_ids
    feature: np.ndarray  # int64 per row: its feature's position in feature_names
    values: np.ndarray  # one per row

    @property
    def codes(self) -> np.ndarray:
        """Per row, one int for its (target_id, feature)."""
        return self.target * len(self.feature_names) + self.feature


def _long_part(
    scores: pd.DataFrame | None, kind: str, id_col: str, prefix: str
) -> _LongPart | None:
    """``scores`` (one row per target, a column per feature starting with ``prefix``) as the
    long table's rows: what melting it and sorting by (target_id, feature), stably, gives.

    Built in order, without that sort: the long table of the first 3,000 ABP articles (618k
    rows) took 0.53-0.66 CPU s with the three-key sort and the merge with the evidence, 0.20-0.23
    s so (20,000: 3.8M rows, ~2.6 s in the parent before)."""
    if scores is None or not len(scores):
        return None
    if id_col not in scores.columns:
        raise ValueError(f"{kind} scores lack the {id_col!r} column")
    feature_names = pd.Index(sorted(c for c in scores.columns if c.startswith(prefix)))
    ids = scores[id_col].astype(str)
    rank = _sort_codes(ids)  # missing ids last, as sort_values puts them
    distinct = pd.unique(ids.dropna()).astype(object)
    distinct.sort()
    if ids.isna().any():
        distinct = np.append(distinct, None)
    n_rows, n_features = len(ids), len(feature_names)
    feature = np.tile(np.arange(n_features), n_rows)
    if len(distinct) == n_rows:  # each target once: its features in order after it
        rows = np.repeat(np.argsort(rank), n_features)
    else:  # a target on several rows: per feature, its rows in input order (as a stable sort)
        rows = np.repeat(np.arange(n_rows), n_features)
        order = np.lexsort((rows, feature, rank[rows]))
        rows, feature = rows[order], feature[order]
    values = scores[list(feature_names)].to_numpy()
    return _LongPart(
        kind=kind,
        distinct_ids=pd.Index(distinct, dtype=object),
        feature_names=feature_names,
        target=rank[rows].astype(np.int64),
        feature=feature,
        values=values[rows, feature],
    )


def _taken(parts: list[_LongPart], names: str, positions: str) -> pd.api.extensions.ExtensionArray:
    """A string column of the long table: each part's ``positions`` into its ``names``, taken
    from one string array (no per-row string conversion: ~3x faster on 4M rows)."""
    offsets = np.cumsum([0] + [len(getattr(part, names)) for part in parts[:-1]])
    pool = np.concatenate([np.asarray(getattr(part, names), dtype=object) for part in parts])
    taken = [getattr(part, positions) + offset for part, offset in zip(parts, offsets, strict=True)]
    return pd.array(pool, dtype=STRING).take(np.concatenate(taken))


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


def evidence_strings(evidence: pd.DataFrame) -> pd.DataFrame:
    """The evidence spans of each target and feature as the framing table shows them.

    ``evidence`` has the columns score_articles and score_links return with
    ``return_evidence=True`` (target_kind, target_id, feature, start, end, text); the result
    has target_kind, target_id (as str), feature and evidence (``'start-end:text; ...'``, at
    most ``MAX_EVIDENCE_SPANS`` spans by offset, each text cut to ``MAX_SPAN_TEXT``), one row
    per target and feature. A target's string depends on its own spans only, so the per-article
    stages join their chunk's (:func:`provenance.pipeline.article_stages`) and
    :func:`framing_table` takes the joined frames as they are.

    >>> ev = pd.DataFrame({"target_kind": ["article"] * 2, "target_id": [1, 1],
    ...     "feature": ["f_loaded"] * 2, "start": [9, 2], "end": [14, 7],
    ...     "text": ["worst", "crazy"]})
    >>> evidence_strings(ev).values.tolist()
    [['article', '1', 'f_loaded', '2-7:crazy; 9-14:worst']]
    """
    missing = _EVIDENCE_COLUMNS - set(evidence)
    if missing:
        raise ValueError(f"evidence lacks columns {sorted(missing)}")
    evidence = evidence.assign(target_id=evidence["target_id"].astype(str))
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
    first = order[new_group]
    # The sort keys are done with before the strings are made (~2.5M items on 20,000 ABP
    # articles: seven int64 arrays, ~140 MB; this part peaked 655 MB over its start with them).
    del keys, kind, target, feat, rank, kept, order, new_group, group_start

    # Span texts repeat (the same cue words over and over): clean each distinct text once.
    # Factorized as stored (no Python string per item: 2.5M of them on 20,000 ABP articles),
    # then each distinct value as str(), missing ones included, as astype(str) gives them.
    kept_text = evidence["text"].iloc[keep]
    text_codes, texts = pd.factorize(kept_text, use_na_sentinel=False)
    texts = pd.Series(texts, dtype=kept_text.dtype).astype(str)
    clean = np.array([_clean_span(t) for t in texts], dtype=object)
    joined = _group_strings(start[keep], end[keep], clean[text_codes], last)
    out = evidence[["target_kind", "target_id", "feature"]].iloc[first].reset_index(drop=True)
    out["evidence"] = joined
    return out


_EVIDENCE_COLUMNS = {"target_kind", "target_id", "feature", "start", "end", "text"}
_JOINED_COLUMNS = ["target_kind", "target_id", "feature", "evidence"]


def _is_joined(frame: pd.DataFrame) -> bool:
    """Whether ``frame`` holds evidence strings already (:func:`evidence_strings`)."""
    return "evidence" in frame.columns and "text" not in frame.columns


def _evidence_parts(
    evidence: pd.DataFrame | Sequence[pd.DataFrame] | None,
) -> list[pd.DataFrame]:
    """The non-empty evidence frames as evidence strings: joined frames as they are, the
    others checked and joined (frames that share a target kind together, so that no target's
    spans are split across two parts)."""
    frames = [evidence] if isinstance(evidence, pd.DataFrame) else list(evidence or [])
    frames = [frame for frame in frames if len(frame)]
    joined = [frame[_JOINED_COLUMNS] for frame in frames if _is_joined(frame)]
    frames = [frame for frame in frames if not _is_joined(frame)]
    for frame in frames:
        missing = _EVIDENCE_COLUMNS - set(frame)
        if missing:
            raise ValueError(f"evidence lacks columns {sorted(missing)}")
    kinds = [set(frame["target_kind"].unique()) for frame in frames]
    if sum(map(len, kinds)) > len(set().union(*kinds)):
        frames = [pd.concat(frames, ignore_index=True)]
    return joined + [evidence_strings(frame) for frame in frames]


def framing_table(
    article_scores: pd.DataFrame | None,
    link_scores: pd.DataFrame | None,
    evidence: pd.DataFrame | Sequence[pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """Long table (schema "framing"): target_kind, target_id, feature, value, evidence.

    ``evidence`` holds the evidence frames ``score_articles`` and ``score_links`` return with
    ``return_evidence=True`` (columns target_kind, target_id, feature, start, end, text): one
    frame (their concatenation) or a sequence of them, any of which may be joined already by
    :func:`evidence_strings`; evidence strings read ``'start-end:text; ...'``.

    >>> arts = pd.DataFrame({"article_id": ["a"], "f_loaded": [2.0]})
    >>> framing_table(arts, None)[["target_kind", "target_id", "feature", "value"]].values.tolist()
    [['article', 'a', 'f_loaded', 2.0]]
    """
    parts = [
        part
        for part in (
            _long_part(article_scores, "article", "article_id", "f_"),
            _long_part(link_scores, "link", "link_id", "d_"),
        )
        if part is not None
    ]
    if not parts:
        return conform(pd.DataFrame(columns=[*_JOINED_COLUMNS[:3], "value"]), "framing")
    kinds = pd.array([part.kind for part in parts], dtype=STRING)
    long = pd.DataFrame(
        {
            "target_kind": kinds.take(
                np.repeat(np.arange(len(parts)), [len(p.values) for p in parts])
            ),
            "target_id": _taken(parts, "distinct_ids", "target"),
            "feature": _taken(parts, "feature_names", "feature"),
            "value": np.concatenate([part.values for part in parts]),
        }
    )
    # Each part's strings on their own: the article and link evidence of 20,000 ABP articles
    # (~2.5M items, ~280 MB) are not copied into one frame first.
    strings = _evidence_parts(evidence)
    if strings:
        long["evidence"] = _placed_evidence(parts, pd.concat(strings, ignore_index=True))
    return conform(long, "framing")


def _placed_evidence(parts: list[_LongPart], evidence: pd.DataFrame) -> np.ndarray:
    """Each long row's evidence string (None where it has none), as a left merge of the rows
    with ``evidence`` (joined strings) on target_kind, target_id and feature gives it."""
    placed = []
    for part in parts:
        mine = evidence[(evidence["target_kind"] == part.kind).to_numpy()]
        target = part.distinct_ids.get_indexer(mine["target_id"].astype(str))
        feature = part.feature_names.get_indexer(mine["feature"])
        found = (target >= 0) & (feature >= 0)
        codes = target[found] * len(part.feature_names) + feature[found]
        if len(np.unique(codes)) < len(codes):
            raise ValueError(f"{part.kind} evidence has two strings for one target and feature")
        by_code = np.full(len(part.distinct_ids) * len(part.feature_names), None, dtype=object)
        by_code[codes] = mine["evidence"].to_numpy(dtype=object)[found]
        placed.append(by_code[part.codes])
    return np.concatenate(placed)
