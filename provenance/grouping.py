"""Per-group string joins over a table, without a Python call per group.

``frame.groupby(keys, sort=True)[column].agg(separator.join)`` calls Python once per group
(pandas' ``_aggregate_series_pure_python``): on the first 20,000 ABP articles the links'
speakers (0.68 of the links stage's 10.3 CPU s) and the chains' paths and keys (most of
build_chains' 1.2 CPU s) went there. :func:`join_per_group` orders the rows once (stably, so
each group keeps its row order), finds where a group starts, and joins slices of one list.

>>> import pandas as pd
>>> rows = pd.DataFrame({"leaf": [1, 0, 1, 0], "label": ["b", "x", "c", "y"]})
>>> join_per_group(rows, ["leaf"], "label", " > ").values.tolist()
[[0, 'x > y'], [1, 'b > c']]
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pandas as pd


def join_per_group(
    frame: pd.DataFrame, keys: list[str], column: str, separator: str
) -> pd.DataFrame:
    """``frame.groupby(keys, sort=True)[column].agg(separator.join).reset_index()``: one row
    per distinct key (sorted; rows with a missing key are left out, as groupby does), with the
    group's values of ``column`` joined in row order. ``column`` must hold strings.

    >>> said = pd.DataFrame({"article": ["a2", "a1", "a2"], "outlet": ["ap", "ap", "ap"],
    ...                      "speaker": ["Roe", "Doe", "Poe"]})
    >>> join_per_group(said, ["article", "outlet"], "speaker", "; ").values.tolist()
    [['a1', 'ap', 'Doe'], ['a2', 'ap', 'Roe; Poe']]
    """
    rows = frame.dropna(subset=keys)
    if rows.empty:
        return pd.DataFrame({**{key: rows[key] for key in keys}, column: rows[column]})
    rows = rows.sort_values(keys, kind="stable") if len(keys) == 1 else rows.sort_values(keys)
    # (several keys: pandas sorts by lexsort, which is stable too)
    key_values = rows[keys].to_numpy()
    starts = np.flatnonzero(
        np.concatenate(([True], (key_values[1:] != key_values[:-1]).any(axis=1)))
    ).tolist()
    values = rows[column].tolist()
    ends = starts[1:] + [len(values)]
    out = rows.iloc[starts][keys].reset_index(drop=True)
    out[column] = [separator.join(values[a:b]) for a, b in zip(starts, ends, strict=True)]
    return out


def member_of(keys: pd.Series, wanted: pd.Series | Collection[str]) -> np.ndarray:
    """``keys.isin(wanted).to_numpy()``, with Arrow's ``is_in`` straight on the arrays when
    both are Arrow-backed strings (``wanted`` given as Python strings is made one): pandas
    turns every value of ``wanted`` into an Arrow scalar and back into a Python string first
    (the report of the first 20,000 ABP articles: ~0.3 of its ~4 CPU s in three such calls
    over chain and article ids; link framing's involved articles, ~0.12 CPU s a job of its
    two on the first 20,000 ABP articles).

    >>> ids = pd.Series(["a", "b", None, "c"], dtype="string[pyarrow]")
    >>> member_of(ids, pd.Series(["c", "a"], dtype="string[pyarrow]")).tolist()
    [True, False, False, True]
    >>> member_of(ids.astype(str), {"b", "c"}).tolist()
    [False, True, False, True]
    """
    if not isinstance(keys.array, pd.arrays.ArrowStringArray):
        return keys.isin(wanted).to_numpy()
    if not isinstance(wanted, pd.Series):
        wanted = pd.Series(list(wanted), dtype=pd.StringDtype("pyarrow"))
    if not isinstance(wanted.array, pd.arrays.ArrowStringArray):
        return keys.isin(wanted).to_numpy()
    if len(wanted) == 0:
        return np.zeros(len(keys), dtype=bool)
    import pyarrow as pa
    import pyarrow.compute as pc

    values = pa.chunked_array(pa.array(wanted.array)).combine_chunks()
    found = pc.is_in(pa.chunked_array(pa.array(keys.array)), value_set=values)
    return np.array(found, dtype=np.bool_)


def positions_in(keys: pd.Series, index: pd.Index) -> np.ndarray:
    """``index.get_indexer(keys.astype(str))`` for an ``index`` of distinct strings (-1 where a
    key is not in it, missing keys too), with Arrow's ``index_in`` straight on Arrow-backed
    strings: pandas makes a Python string of every key first (link framing's jobs look up the
    first 20,000 ABP articles' 636k sentences, 234k quotes and the other per-article tables
    among the linked articles: 0.19 -> 0.04 CPU s).

    >>> ids = pd.Series(["b", None, "c", "a"], dtype="string[pyarrow]")
    >>> positions_in(ids, pd.Index(["a", "b"])).tolist()
    [1, -1, -1, 0]
    >>> positions_in(ids.astype(object), pd.Index(["a", "b"])).tolist()
    [1, -1, -1, 0]
    """
    if not isinstance(keys.array, pd.arrays.ArrowStringArray) or not len(index):
        return index.get_indexer(keys.astype(str))
    import pyarrow as pa
    import pyarrow.compute as pc

    column = pa.chunked_array(pa.array(keys.array))
    values = pa.array(index.to_numpy(dtype=object), type=column.type)
    found = pc.fill_null(pc.index_in(column, value_set=values), -1)
    return np.asarray(found, dtype=np.intp)


def non_empty(strings: pd.Series) -> np.ndarray:
    """``(strings.fillna("") != "").to_numpy()``: Arrow-backed strings by their lengths alone
    (the report's framing rows with evidence, first 20,000 ABP articles: 4.27M values; pandas
    copied every one to fill the missing ones, ~0.3-0.6 CPU s, against ~0.07).

    >>> non_empty(pd.Series(["a", "", None], dtype="string[pyarrow]")).tolist()
    [True, False, False]
    >>> non_empty(pd.Series(["a", "", None], dtype=object)).tolist()
    [True, False, False]
    """
    if not isinstance(strings.array, pd.arrays.ArrowStringArray):
        return (strings.fillna("") != "").to_numpy(dtype=bool)
    import pyarrow as pa
    import pyarrow.compute as pc

    lengths = pc.binary_length(pa.chunked_array(pa.array(strings.array)))
    return np.array(pc.fill_null(pc.greater(lengths, 0), False), dtype=np.bool_)
