"""The table writer: its own CSV formatting equals pandas' to_csv byte for byte, and the
report drawn in a forked process reports its failures here, with their stage."""

from __future__ import annotations

import math
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance import io
from provenance.io import write_csv, write_tables
from provenance.progress import stage_of

TRICKY_TEXT = [
    "plain",
    "a,b",
    'say "hi"',
    "two\nlines",
    "carriage\rreturn",
    "crlf\r\n",
    "",
    " lead",
    "tab\tin",
    "naïve — “quotes”",
    '"',
    ",",
    "\n",
    None,
]
TRICKY_FLOATS = [
    0.0,
    -0.0,
    1.0,
    0.1 + 0.2,
    1e-05,
    1e16,
    123456789.123,
    -2.5,
    math.nan,
    math.inf,
    -math.inf,
    5e-324,
    1.7976931348623157e308,
    1 / 3,
]


def _pandas_bytes(frame: pd.DataFrame, path) -> bytes:
    """pandas' to_csv bytes, but a field with a lone "\r" quoted (pandas leaves it bare, and
    its reader then ends the row there): our writer quotes it."""
    lone_cr = {c: frame[c].str.contains("\r", regex=False).fillna(False) for c in _texts(frame)}
    lone_cr = {c: m & ~frame[c].str.contains('[,"\n]').fillna(False) for c, m in lone_cr.items()}
    marked = frame.copy()
    for column, mask in lone_cr.items():
        marked.loc[mask, column] = marked.loc[mask, column] + ","  # now quoted by pandas too
    marked.to_csv(path, index=False, lineterminator="\n")
    data = path.read_bytes()
    for column, mask in lone_cr.items():
        for value in frame.loc[mask, column].unique():
            data = data.replace(_quoted(value + ","), _quoted(value))
    return data


def _texts(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if isinstance(frame[c].dtype, pd.StringDtype)]


def _quoted(value: str) -> bytes:
    return ('"' + value.replace('"', '""') + '"').encode("utf-8")


def _ours_bytes(frame: pd.DataFrame, path) -> bytes:
    write_csv(frame, path)
    return path.read_bytes()


@pytest.mark.parametrize("storage", ["python", "pyarrow"])
def test_text_and_float_columns_are_written_as_pandas_writes_them(tmp_path, monkeypatch, storage):
    monkeypatch.setattr(io, "CSV_CHUNK_ROWS", 5)  # several chunks, the last one short
    n = len(TRICKY_TEXT) * len(TRICKY_FLOATS)
    frame = pd.DataFrame(
        {
            "kind, with comma": pd.array(
                ["article", "link"] * (n // 2), dtype=f"string[{storage}]"
            ),
            "text": pd.array(TRICKY_TEXT * len(TRICKY_FLOATS), dtype=f"string[{storage}]"),
            "value": TRICKY_FLOATS * len(TRICKY_TEXT),
        }
    )
    ours = _ours_bytes(frame, tmp_path / "ours.csv")
    assert ours == _pandas_bytes(frame, tmp_path / "pandas.csv")
    assert b'"say ""hi"""' in ours and b"-0.0" in ours


def test_a_negative_zero_is_not_merged_with_zero(tmp_path):
    frame = pd.DataFrame({"id": pd.array(["a", "b", "c"], dtype="string"), "v": [0.0, -0.0, 0.0]})
    assert _ours_bytes(frame, tmp_path / "o.csv") == b"id,v\na,0.0\nb,-0.0\nc,0.0\n"


def test_nullable_int_and_boolean_columns_are_written_as_pandas_writes_them(tmp_path, monkeypatch):
    monkeypatch.setattr(io, "CSV_CHUNK_ROWS", 3)
    frame = pd.DataFrame(
        {
            "id": pd.array(["a", "b,c", None, "d", "e"], dtype="string"),
            "n": pd.array([0, -7, None, 2**40, 0], dtype="Int64"),
            "flag": pd.array([True, None, False, True, False], dtype="boolean"),
            "v": [0.5, math.nan, -0.0, 1e16, 2.0],
        }
    )
    assert [io._formatted_here(t) for t in frame.dtypes] == [True] * 4
    for i, part in enumerate([frame, frame.iloc[:0], frame[["n", "flag"]].dropna()]):
        assert _ours_bytes(part, tmp_path / f"o{i}.csv") == _pandas_bytes(part, tmp_path / "p.csv")


def test_other_columns_and_empty_frames_are_written_by_pandas(tmp_path):
    mixed = pd.DataFrame({"id": ["a", "b"], "n": [1, 2], "flag": [True, False]})
    empty = pd.DataFrame({"id": pd.array([], dtype="string"), "v": np.array([], dtype=float)})
    for i, frame in enumerate([mixed, empty, mixed[["id"]]]):
        assert _ours_bytes(frame, tmp_path / f"o{i}.csv") == _pandas_bytes(
            frame, tmp_path / "p.csv"
        )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.text(max_size=12)), min_size=1, max_size=30),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=30),
)
def test_any_text_and_floats_give_pandas_bytes(tmp_path_factory, texts, floats):
    n = min(len(texts), len(floats))
    frame = pd.DataFrame(
        {"t": pd.array(texts[:n], dtype="string"), "f": np.array(floats[:n], dtype=float)}
    )
    tmp = tmp_path_factory.mktemp("csv")
    try:
        expected = _pandas_bytes(frame, tmp / "p.csv")
    except UnicodeEncodeError:  # lone surrogates: neither writer can encode them
        with pytest.raises(UnicodeEncodeError):
            write_csv(frame, tmp / "o.csv")
        return
    assert _ours_bytes(frame, tmp / "o.csv") == expected


def test_a_failing_extra_file_is_raised_here_with_its_stage_and_nothing_is_written(tmp_path):
    def broken(path):
        raise ValueError("no report today")

    tables = {"errors": pd.DataFrame({"id": ["a"]})}
    with pytest.raises(ValueError, match="no report today") as caught:
        write_tables(tables, tmp_path / "out", extra_files={"report.html": broken})
    assert stage_of(caught.value) == "write report.html"
    assert not (tmp_path / "out" / "errors.csv").exists()


def test_extra_files_are_written_beside_the_tables(tmp_path):
    tables = {"errors": pd.DataFrame({"id": ["a"]})}
    written = write_tables(
        tables, tmp_path / "out", extra_files={"note.txt": lambda p: p.write_text("drawn")}
    )
    assert [p.name for p in written] == ["errors.csv", "note.txt"]
    assert (tmp_path / "out" / "note.txt").read_text() == "drawn"


def test_the_largest_table_written_beside_the_others_gives_the_same_files(tmp_path, monkeypatch):
    tables = {
        "errors": pd.DataFrame({"id": ["a", "b"]}),
        "framing": pd.DataFrame({"target_id": [f"t{i}" for i in range(50)], "value": 0.5}),
    }
    here = write_tables(tables, tmp_path / "here", formats=("csv", "parquet"))
    monkeypatch.setattr(io, "LARGE_TABLE_ROWS", 10)
    assert io._largest_table(tables) == "framing"
    beside = write_tables(tables, tmp_path / "beside", formats=("csv", "parquet"))
    assert [p.name for p in beside] == [p.name for p in here]
    assert [p.name for p in beside][:2] == ["errors.csv", "errors.parquet"]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(here, beside, strict=True))


def test_a_failing_large_table_is_raised_here_with_its_stage(tmp_path, monkeypatch):
    monkeypatch.setattr(io, "LARGE_TABLE_ROWS", 1)

    def broken(name, frame, include_text, path):
        raise OSError(f"disk full writing {name}")

    monkeypatch.setattr(io, "_write_csv_view", broken)
    with pytest.raises(OSError, match="disk full writing framing") as caught:
        write_tables({"framing": pd.DataFrame({"v": [1.0, 2.0]})}, tmp_path / "out")
    assert stage_of(caught.value) == "write framing.csv"
    assert not (tmp_path / "out" / "framing.csv").exists()


def test_a_forked_call_returns_its_value_or_raises_its_error_here():
    with io.Forked(sorted, [3, 1, 2]) as forked:
        assert forked.result() == [1, 2, 3]
    with io.Forked(int, "not a number") as forked, pytest.raises(ValueError, match="invalid"):
        forked.result()
    with pytest.raises(RuntimeError, match="asked for once"):
        forked.result()


def test_progress_bars_leave_no_thread_that_would_stop_the_forked_writes():
    # tqdm starts a monitor thread for every bar, even a hidden one, and io forks its writers
    # only when no other thread is alive: session 9 found every run writing in one process.
    import threading

    from provenance.progress import StageClock, progress

    before = threading.active_count()
    assert list(progress(range(3), quiet=True)) == [0, 1, 2]
    clock = StageClock(["a"], quiet=True)
    with clock("a"):
        pass
    clock.close()
    assert threading.active_count() == before
    if before == 1:
        assert io._fork_is_safe() == sys.platform.startswith("linux")


def test_text_columns_of_several_arrow_chunks_are_written_whole(tmp_path, monkeypatch):
    # A table put together by pd.concat keeps each part's Arrow chunk; a chunk of rows cut
    # from it may span several.
    monkeypatch.setattr(io, "CSV_CHUNK_ROWS", 4)
    part = pd.DataFrame(
        {"t": pd.array(TRICKY_TEXT, dtype="string[pyarrow]"), "v": np.arange(len(TRICKY_TEXT)) / 3}
    )
    frame = pd.concat([part, part.iloc[::-1], part], ignore_index=True)
    assert frame["t"].array.__arrow_array__().num_chunks == 3
    assert _ours_bytes(frame, tmp_path / "o.csv") == _pandas_bytes(frame, tmp_path / "p.csv")


def test_a_lone_carriage_return_is_quoted_and_reads_back(tmp_path):
    """A hostile url or file name with a lone "\r": quoted, so a reader keeps the row whole
    (pandas' to_csv leaves it bare, and read_csv then splits the row)."""
    frame = pd.DataFrame(
        {"url": pd.array(["https://a.example/x\ry", "plain"], dtype="string"), "v": [1.0, 2.0]}
    )
    write_csv(frame, tmp_path / "o.csv")
    assert b'"https://a.example/x\ry"' in (tmp_path / "o.csv").read_bytes()
    back = pd.read_csv(tmp_path / "o.csv", dtype={"url": str})
    assert back["url"].tolist() == ["https://a.example/x\ry", "plain"]
    assert back["v"].tolist() == [1.0, 2.0]
