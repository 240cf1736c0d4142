"""The Dask engine returns the same tables as the pandas engine.

Runs on a small in-process ``distributed.LocalCluster`` (threads, no worker processes) shared by
the module. Corpora: the demo corpus (every input format, framing on) and ~2,000 generated
articles from ``provenance/synthetic.py`` (synthetic wire copy) spread over several files so that
republished pairs cross partitions, with duplicates across files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("distributed")

import provenance  # noqa: E402
from provenance.analysis import TABLE_ORDER, analyze  # noqa: E402
from provenance.engine.dask import (  # noqa: E402
    analyze_dask,
    doc_keys,
    write_parquet_parts,
)

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """2,000 generated articles in four interleaved Parquet files, a JSONL file and repeats."""
    from provenance.synthetic import generate_corpus

    arts, _, outlets = generate_corpus(2000, seed=1)
    out = tmp_path_factory.mktemp("synthetic")
    for k in range(4):
        arts.iloc[k:1600:4].to_parquet(out / f"part-{k}.parquet", index=False)
    rest = arts.iloc[1600:].assign(published=lambda d: d["published"].astype(str))
    rest.to_json(out / "part-4.jsonl", orient="records", lines=True)
    arts.iloc[:7].to_parquet(out / "part-5-repeats.parquet", index=False)
    return out, outlets


def sorted_table(df: pd.DataFrame) -> pd.DataFrame:
    """Rows in a canonical order (every column as text, then sorted) for comparison."""
    if df.empty:
        return df.reset_index(drop=True)
    key = df.astype(str)
    order = key.sort_values(list(key.columns), kind="stable").index
    return df.loc[order].reset_index(drop=True)


def assert_same(a: provenance.Analysis, b: provenance.Analysis, skip=()) -> None:
    assert set(a.tables) == set(b.tables) == set(TABLE_ORDER)
    for name in TABLE_ORDER:
        if name in skip:
            continue
        pd.testing.assert_frame_equal(
            sorted_table(a.tables[name]), sorted_table(b.tables[name]), obj=name
        )


def test_demo_corpus_equal(scheduler):
    kwargs = {"outlets": str(DEMO / "outlets.csv")}
    expected = analyze(DEMO / "articles", **kwargs)
    got = analyze(DEMO / "articles", engine="dask", scheduler=scheduler, **kwargs)
    assert len(got.links) > 0 and len(got.framing) > 0
    assert_same(expected, got)


def test_synthetic_corpus_equal_across_partitions(scheduler, synthetic):
    folder, outlets = synthetic
    expected = analyze(folder, outlets=outlets, framing=False)
    # One file per partition and several shuffle buckets: pairs cross partitions and buckets.
    got = analyze_dask(
        folder,
        outlets=outlets,
        framing=False,
        scheduler=scheduler,
        partition_bytes=1,
        buckets=3,
    )
    assert len(got.reuse) > 500
    assert got.errors["reason"].str.contains("duplicate of article").sum() == 7
    assert_same(expected, got)


def test_dataframe_input_and_reuse_options(scheduler):
    from provenance.synthetic import generate_corpus

    arts, _, outlets = generate_corpus(300, seed=5)
    opts = {"shingle_size": 4, "max_doc_freq": 20}
    expected = analyze(arts, outlets=outlets, framing=False, reuse_options=opts)
    got = analyze(
        arts, outlets=outlets, framing=False, reuse_options=opts, engine="dask", scheduler=scheduler
    )
    assert len(got.reuse) > 0
    assert_same(expected, got)


# dask's parquet reader (2025.x) calls reset_index(inplace=True), which pandas 3.1 deprecates:
# dask's warning, not ours (nothing in provenance passes inplace=).
@pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index")
def test_fsspec_url_tables_read_with_dask_dataframe(scheduler, synthetic):
    folder, outlets = synthetic
    url = f"file://{folder}/part-*.parquet"
    expected = analyze(sorted(folder.glob("part-*.parquet")), outlets=outlets, framing=False)
    got = analyze_dask(url, outlets=outlets, framing=False, scheduler=scheduler)
    assert got.articles["source_file"].str.startswith(url + "#").all()
    # Same articles and results; only where each record came from is named differently.
    assert_same(expected, got, skip=("articles", "errors"))
    cols = [c for c in expected.articles.columns if c != "source_file"]
    pd.testing.assert_frame_equal(expected.articles[cols], got.articles[cols])


def test_parquet_output_and_texts_left_on_workers(scheduler, tmp_path):
    got = analyze_dask(
        DEMO / "articles",
        outlets=str(DEMO / "outlets.csv"),
        scheduler=scheduler,
        keep_text=False,
        parquet_dir=tmp_path,
        partition_bytes=1 << 16,
    )
    assert got.articles["text"].isna().all()
    parts = sorted((tmp_path / "articles").glob("part-*.parquet"))
    assert len(parts) > 1
    written = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    written = written.sort_values("article_id", ignore_index=True)
    assert written["text"].notna().all()
    assert any(c.startswith("f_") for c in written.columns)
    expected = got.articles.drop(columns="text")
    pd.testing.assert_frame_equal(
        written.drop(columns="text"), expected, check_dtype=False, check_index_type=False
    )


def test_validation_at_the_boundary():
    with pytest.raises(ValueError, match="workers"):
        analyze(DEMO / "articles", engine="dask", workers=0)
    with pytest.raises(ValueError, match="shingle_size"):
        analyze_dask(DEMO / "articles", reuse_options={"shingle_size": 0})
    with pytest.raises(ValueError, match="Unknown reuse parameter 'bands'"):
        analyze_dask(DEMO / "articles", reuse_options={"bands": 8})
    with pytest.raises(TypeError):
        analyze_dask(DEMO / "articles", no_such_option=1)
    with pytest.raises(ValueError, match="hex"):
        doc_keys(pd.Series(["not-an-id"]))
    keys = doc_keys(pd.Series(["00000000000000ff", "0000000000000100", "ffffffffffffffff"]))
    assert keys.dtype == np.uint64 and list(np.argsort(keys)) == [0, 1, 2]


def test_missing_extra_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match=r"provenance\[dask\]"):
        analyze(DEMO / "articles", engine="dask")


def test_default_install_does_not_import_dask():
    code = (
        "import sys, provenance, provenance.analysis, provenance.engine, provenance.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_write_parquet_parts(tmp_path):
    frame = pd.DataFrame({"a": np.arange(25), "b": [f"x{i}" for i in range(25)]})
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "part-00009.parquet").write_bytes(b"stale")
    paths = write_parquet_parts({"t": frame, "empty": frame.iloc[:0]}, tmp_path, rows_per_part=10)
    assert [p.name for p in paths] == [f"part-0000{k}.parquet" for k in (0, 1, 2, 0)]
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "t"), frame)
    assert len(pd.read_parquet(tmp_path / "empty")) == 0
    with pytest.raises(ValueError, match="rows_per_part"):
        write_parquet_parts({"t": frame}, tmp_path, rows_per_part=0)
