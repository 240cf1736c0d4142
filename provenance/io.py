"""Writing tables atomically: a run never leaves half-written reports.

Every file is written to a temporary name in the target directory and renamed into place
only when all of a run's files are complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd

from provenance.schema import TABLES

FORMATS = ("csv", "parquet")


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | os.PathLike[str],
    *,
    formats: tuple[str, ...] = ("csv",),
    include_text: bool = False,
    extra_files: Mapping[str, Callable[[Path], None]] | None = None,
) -> list[Path]:
    """Write each table as ``NAME.csv`` / ``NAME.parquet`` into ``out_dir``, all or nothing.

    ``extra_files`` maps file names to callables that write that file to the path they are
    given (used for the HTML report and the figures directory). Returns the final paths.
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown output format(s) {bad}; choose from {FORMATS}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".provenance-", dir=out))
    written: list[str] = []
    try:
        for name, frame in tables.items():
            frame = _for_disk(name, frame, include_text)
            if "csv" in formats:
                frame.to_csv(staging / f"{name}.csv", index=False, lineterminator="\n")
                written.append(f"{name}.csv")
            if "parquet" in formats:
                frame.to_parquet(staging / f"{name}.parquet", index=False)
                written.append(f"{name}.parquet")
        for file_name, writer in (extra_files or {}).items():
            target = staging / file_name
            target.parent.mkdir(parents=True, exist_ok=True)
            writer(target)
            written.append(file_name)
        final = []
        for file_name in written:
            dest = out / file_name
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.is_dir():
                shutil.rmtree(dest)
            os.replace(staging / file_name, dest)
            final.append(dest)
        return final
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _for_disk(name: str, frame: pd.DataFrame, include_text: bool) -> pd.DataFrame:
    if name == "articles" and not include_text and "text" in frame.columns:
        frame = frame.drop(columns=["text"])
    if name in TABLES:
        # UTC timestamps as ISO 8601 so the CSV is unambiguous and byte-stable.
        for col in frame.columns:
            if str(frame[col].dtype).startswith("datetime64"):
                frame = frame.assign(**{col: frame[col].dt.strftime("%Y-%m-%dT%H:%M:%SZ")})
    return frame
