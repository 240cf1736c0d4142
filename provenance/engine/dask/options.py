"""How the Dask engine runs: :class:`DaskOptions`, validated once at the boundary."""

from __future__ import annotations

import os
from dataclasses import dataclass

from provenance.engine.pool import check_workers

# Input files are grouped into partitions of about this many bytes on disk (compressed files
# count four times: they expand when read).
PARTITION_BYTES = 64 << 20
# The returned articles table carries the texts when the corpus holds at most this many
# characters; larger corpora keep the texts on the workers (see ``parquet_dir``).
TEXT_LIMIT = 1 << 28


@dataclass(frozen=True)
class DaskOptions:
    """How the Dask engine runs (validated once, at the boundary).

    workers : local cluster size (default 2); ignored with ``scheduler``.
    scheduler : address of an existing cluster (``tcp://host:8786``; ``inproc://`` works too).
    memory_limit : per local worker, bytes or a string like ``"4GB"``; ``"auto"`` splits 80%
        of the machine's memory between the workers, at most 8 GB each.
    processes : local workers as processes (True) or threads of this process (False: tests).
    partition_bytes : input bytes per ingest partition.
    keep_text : the returned articles table carries texts (None: when the corpus is small).
    parquet_dir : also write the full articles table (texts, framing features) as partitioned
        Parquet from the workers into ``parquet_dir/articles/part-NNNNN.parquet``.
    buckets : shuffle buckets for band keys and pairs (None: from the corpus size).
    """

    workers: int | None = None
    scheduler: str | None = None
    memory_limit: int | str = "auto"
    processes: bool = True
    partition_bytes: int = PARTITION_BYTES
    keep_text: bool | None = None
    parquet_dir: str | os.PathLike[str] | None = None
    buckets: int | None = None

    def __post_init__(self) -> None:
        check_workers(self.workers)
        if self.scheduler is not None and (
            not isinstance(self.scheduler, str) or not self.scheduler
        ):
            raise ValueError(f"scheduler must be an address string, got {self.scheduler!r}")
        if not isinstance(self.memory_limit, int | str) or isinstance(self.memory_limit, bool):
            raise ValueError(f"memory_limit must be bytes or a string, got {self.memory_limit!r}")
        if not isinstance(self.partition_bytes, int) or self.partition_bytes < 1:
            raise ValueError(
                f"partition_bytes must be a positive integer, got {self.partition_bytes!r}"
            )
        if self.keep_text not in (None, True, False):
            raise ValueError(f"keep_text must be None, True or False, got {self.keep_text!r}")
        if self.buckets is not None and (not isinstance(self.buckets, int) or self.buckets < 1):
            raise ValueError(f"buckets must be a positive integer, got {self.buckets!r}")
