"""The real ABP corpus for the benchmarks: where it is, and its records in file order.

``../shared/eval-data/ABP/abp.jsonl.gz`` beside the repository, or under the folder that the
``PROVENANCE_SHARED`` environment variable names (as ``tests/corpora.py`` has it). Read only:
the corpus's terms forbid copying it into the repository.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Collection, Iterator
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PROVENANCE_SHARED") or ROOT.parent / "shared")
ABP = SHARED / "eval-data" / "ABP" / "abp.jsonl.gz"


def abp_records(
    n: int | None = None, path: Path = ABP, skip: Collection[str] = ()
) -> Iterator[dict]:
    """The first ``n`` records (None: all) of an ABP JSON Lines file, gzip or plain, as dicts,
    leaving out those whose ``id`` is in ``skip`` (e.g. the held-out labelled articles)."""
    opener = gzip.open if Path(path).suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        records = (json.loads(line) for line in lines if line.strip())
        kept = (r for r in records if str(r.get("id")) not in skip)
        yield from islice(kept, n)
