"""Hash shuffles: rows split into buckets by a key, so that equal keys meet in one task.

>>> import numpy as np
>>> keys = np.array([10, 11, 12, 13])
>>> parts = split_by_bucket(bucket_of(keys, 2), 2, keys)
>>> sorted(int(k) for p in parts for k in p[0]), len(parts)
([10, 11, 12, 13], 2)
>>> [p[0].tolist() for p in split_by_bucket(np.array([1, 0, 1, 1]), 2, keys)]
[[11], [10, 12, 13]]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

import numpy as np


def mix(values: np.ndarray) -> np.ndarray:
    """A cheap 64-bit mixer to spread keys over buckets."""
    h = values.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    h ^= h >> np.uint64(31)
    return h


def bucket_of(keys: np.ndarray, n_buckets: int) -> np.ndarray:
    """The bucket of each key."""
    return mix(keys) % np.uint64(n_buckets)


def pair_bucket(lo: np.ndarray, hi: np.ndarray, n_buckets: int) -> np.ndarray:
    """The bucket of each (lo, hi) pair of document keys."""
    return (mix(lo) ^ mix(hi.astype(np.uint64) ^ np.uint64(0x5BD1E995))) % np.uint64(n_buckets)


def split_by_bucket(
    bucket: np.ndarray, n_buckets: int, *columns: np.ndarray
) -> list[tuple[np.ndarray, ...]]:
    """``columns`` split by ``bucket`` (stable within a bucket): one tuple per bucket."""
    bucket = np.asarray(bucket, dtype=np.uint64)
    order = np.argsort(bucket, kind="stable")
    cut = np.searchsorted(bucket[order], np.arange(n_buckets + 1, dtype=np.uint64))
    return [tuple(col[order[cut[b] : cut[b + 1]]] for col in columns) for b in range(n_buckets)]


def fan_out(submit: Callable[..., Any], futures: Sequence[Any], n: int) -> list[list[Any]]:
    """``result[i][j]``: item j of future i's list result, as futures."""
    return [[submit(itemgetter(j), f, pure=False) for j in range(n)] for f in futures]


def fan_in(
    submit: Callable[..., Any], func: Callable[..., Any], split: list[list[Any]], n: int, *args: Any
) -> list[Any]:
    """For each bucket b: ``func(*args, piece b of every future)`` as a future."""
    return [submit(func, *args, *[s[b] for s in split]) for b in range(n)]
