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

from provenance.progress import stage
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

    Parquet keeps every column with its type (``published`` a UTC timestamp, the article
    ``text``), so it reads back equal to the API's DataFrames; CSV drops the text unless
    ``include_text`` and writes times as ISO 8601 strings.

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
            if "csv" in formats:
                with stage(f"write {name}.csv"):
                    _csv_view(name, frame, include_text).to_csv(
                        staging / f"{name}.csv", index=False, lineterminator="\n"
                    )
                written.append(f"{name}.csv")
            if "parquet" in formats:
                with stage(f"write {name}.parquet"):
                    frame.to_parquet(staging / f"{name}.parquet", index=False)
                written.append(f"{name}.parquet")
        for file_name, writer in (extra_files or {}).items():
            target = staging / file_name
            target.parent.mkdir(parents=True, exist_ok=True)
            with stage(f"write {file_name}"):
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


def _csv_view(name: str, frame: pd.DataFrame, include_text: bool) -> pd.DataFrame:
    """The table as CSV holds it: article text only with ``include_text``, UTC times as ISO 8601
    strings (unambiguous and byte-stable). Parquet keeps the frame as it is: its types and text.
    """
    if name == "articles" and not include_text and "text" in frame.columns:
        frame = frame.drop(columns=["text"])
    if name in TABLES:
        for col in frame.columns:
            if str(frame[col].dtype).startswith("datetime64"):
                frame = frame.assign(**{col: frame[col].dt.strftime("%Y-%m-%dT%H:%M:%SZ")})
    return frame
