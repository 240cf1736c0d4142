"""The command line: the same names and results as the Python API, clear errors, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from provenance.cli import main

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"

# Synthetic wire copy: a state-agency story and a retitled, uncredited copy of it.
WIRE = (
    "VELGRAD, Sept 11 (VelTA) - Foreign Minister Anton Drevic said on Monday that talks with "
    "Kestria were encouraging but that serious differences remained over the border. "
    '"We are ready to continue the dialogue at any level," Drevic told reporters in Velgrad. '
    "The next round of talks is expected in October, the ministry said in a statement. "
    "Officials from both sides met at Lake Orrin in July for the first time in three years."
)
COPY = WIRE.replace("VELGRAD, Sept 11 (VelTA) - ", "").replace(
    "were encouraging", "were 'encouraging'"
)


@pytest.fixture()
def corpus(tmp_path):
    rows = [
        {
            "url": "https://velta-news.net/en/a1",
            "title": "Drevic: talks encouraging",
            "text": WIRE,
            "published": "2023-09-11T06:00:00Z",
            "outlet": "VelTA",
        },
        {
            "url": "https://worldbrief24.info/world/b1",
            "title": "<script>alert('x')</script> Regime talks",
            "text": COPY,
            "published": "2023-09-11T16:00:00Z",
            "outlet": "WorldBrief24",
        },
        {
            "url": "https://worldbrief24.info/world/b2",
            "title": "No body",
            "text": "",
            "published": "2023-09-12T16:00:00Z",
            "outlet": "WorldBrief24",
        },
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    return path


def test_analyze_writes_parquet_figures_and_keeps_bad_records(corpus, tmp_path):
    out = tmp_path / "r"
    args = [
        "analyze",
        str(corpus),
        "--outlets",
        str(DEMO / "outlets.csv"),
        "--out",
        str(out),
        "--format",
        "csv,parquet",
        "--figures",
        "--include-text",
        "--quiet",
    ]
    assert main(args) == 0
    articles = pd.read_csv(out / "articles.csv")
    assert len(articles) == 2 and "text" in articles.columns
    links = pd.read_csv(out / "links.csv")
    links_parquet = pd.read_parquet(out / "links.parquet")
    assert list(links_parquet.columns) == list(links.columns) and len(links_parquet) == len(links)
    assert "text" in pd.read_parquet(out / "articles.parquet").columns
    laundered = links[links["uncredited_state_media"]]
    assert laundered["parent_outlet_id"].tolist() == ["velta"]
    errors = pd.read_csv(out / "errors.csv")
    assert len(errors) == 2 and errors["source"].str.endswith("feed.jsonl").all()
    assert any("text" in r for r in errors["reason"]) and any(
        "JSON" in r or "json" in r for r in errors["reason"]
    )
    assert any((out / "figures").glob("*.svg")) and any((out / "figures").glob("*.png"))
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in html and "&lt;script&gt;alert(" in html


def test_rerun_replaces_reports_including_figures(corpus, tmp_path):
    out = tmp_path / "r"
    base = ["analyze", str(corpus), "--out", str(out), "--figures", "--quiet"]
    assert main(base) == 0
    assert main(base) == 0
    assert not [p for p in out.iterdir() if p.name.startswith(".provenance-")]


def test_compare_and_outlets_commands(corpus, capsys):
    assert (
        main(["compare", str(corpus), "--outlets", str(DEMO / "outlets.csv"), "--csv", "--quiet"])
        == 0
    )
    table = capsys.readouterr().out
    assert table.splitlines()[0].startswith("outlet_id,name")
    assert "worldbrief24" in table and "velta" in table
    assert main(["outlets", "--search", "magyar nemzet"]) == 0
    assert "magyar-nemzet" in capsys.readouterr().out
    assert main(["outlets", "--check", str(DEMO / "outlets.csv")]) == 0


def test_bad_user_registry_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "outlets.csv"
    bad.write_text("outlet_id,name,country,ownership\nx,X News,XA,stately\n", encoding="utf-8")
    assert main(["outlets", "--check", str(bad)]) == 1
    assert "row" in capsys.readouterr().err
    assert (
        main(
            [
                "analyze",
                str(DEMO / "articles"),
                "--outlets",
                str(bad),
                "--out",
                str(tmp_path / "r"),
                "-q",
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "stately" in err or "ownership" in err


def test_console_script_and_module_entry_point_agree():
    help_text = subprocess.run(
        [sys.executable, "-m", "provenance", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("analyze", "trace", "compare", "outlets"):
        assert command in help_text
    analyze_help = subprocess.run(
        [sys.executable, "-m", "provenance", "analyze", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "--out" in analyze_help and "--outlets" in analyze_help and "--engine" in analyze_help


# --- errors that help (issue 13) -----------------------------------------------------------


def test_internal_error_has_its_own_exit_code_names_the_stage_and_debug_shows_traceback(
    corpus, tmp_path, capsys, monkeypatch
):
    from provenance.report import page

    def broken(self):
        raise ValueError("cannot convert float NaN to integer")

    monkeypatch.setattr(page.Report, "page_data", broken)
    args = ["analyze", str(corpus), "--out", str(tmp_path / "r"), "-q", "--no-framing"]
    assert main(args) == 3
    err = capsys.readouterr().err
    assert "internal error in stage 'write report.html'" in err and "--debug" in err
    assert "Traceback" not in err
    assert main([*args, "--debug"]) == 3
    assert "Traceback" in capsys.readouterr().err
    assert main(["--debug", *args]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_options_are_checked_before_any_work(corpus, tmp_path, capsys, monkeypatch):
    import provenance

    def no_work(*args, **kwargs):
        raise AssertionError("the analysis ran before the options were checked")

    monkeypatch.setattr(provenance, "analyze", no_work)
    out = str(tmp_path / "r")
    for bad, message in [
        (["--format", "csv,xlsx"], "xlsx"),
        (["--columns", "text"], "OURS=THEIRS"),
        (["--columns", "body=text"], "unknown field"),
        (["--shingle-size", "99"], "--shingle-size: "),
        (["--workers", "0"], "--workers: "),
        (["--outlets", str(tmp_path / "missing.csv")], "missing.csv"),
        (["--memory-limit", "4GB"], "--memory-limit: dask option(s); add --engine dask"),
    ]:
        assert main(["analyze", str(corpus), "--out", out, "-q", *bad]) == 2, bad
        assert message in capsys.readouterr().err, bad
    assert main(["analyze", str(tmp_path / "nothing-here"), "--out", out]) == 2
    assert not (tmp_path / "r").exists()
    capsys.readouterr()
    with pytest.raises(SystemExit) as unknown:  # argparse exits 2 with the command's usage
        main(["analyze", str(corpus), "--bogus"])
    assert unknown.value.code == 2
    err = capsys.readouterr().err
    assert "usage: provenance analyze" in err and "unrecognized arguments: --bogus" in err


def test_no_articles_is_an_error_with_a_hint(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["analyze", str(empty), "--out", str(tmp_path / "r")]) == 1
    assert "hint" in capsys.readouterr().err
    table = tmp_path / "feed.csv"
    table.write_text("title,summary\nTalks resume,The talks resumed.\n", encoding="utf-8")
    assert main(["analyze", str(table), "--out", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err
    assert "no articles read" in err and "--columns text=" in err
    assert len(pd.read_csv(tmp_path / "r" / "errors.csv")) == 1
    out = tmp_path / "r2"
    assert main(["analyze", str(table), "--columns", "text=summary", "--out", str(out), "-q"]) == 0
    assert pd.read_csv(out / "articles.csv")["n_words"].tolist() == [3]


def test_columns_mapping_may_take_a_column_another_field_would_guess(tmp_path):
    table = tmp_path / "feed.csv"
    table.write_text("title,text\nTalks resume in Geneva,x\n", encoding="utf-8")
    out = tmp_path / "r"
    args = ["analyze", str(table), "--columns", "text=title", "--out", str(out), "-q"]
    assert main([*args, "--include-text", "--no-framing"]) == 0
    articles = pd.read_csv(out / "articles.csv")
    assert articles["text"].tolist() == ["Talks resume in Geneva"]


def test_semicolon_csv_and_repeated_errors_summed_up(tmp_path, capsys):
    rows = [
        f"Sentence number {i} about the talks.;https://ex{i}.org/a;Outlet {i}" for i in range(8)
    ]
    table = tmp_path / "babe-like.csv"
    table.write_text("\ufefftext;news_link;outlet\n" + "\n".join(rows) + "\n", encoding="utf-8")
    dupes = tmp_path / "dupes.jsonl"
    line = json.dumps({"url": "https://ex.org/same", "text": "The same story again."})
    dupes.write_text("\n".join([line] * 10) + "\n", encoding="utf-8")
    out = tmp_path / "r"
    assert main(["analyze", str(table), str(dupes), "--out", str(out), "--no-framing"]) == 0
    err = capsys.readouterr().err
    assert err.count("; dropped") == 3  # the first three rows, then a sum
    assert "6 more like 'duplicate of article' (9 in all" in err
    assert len(pd.read_csv(out / "articles.csv")) == 9
    assert len(pd.read_csv(out / "errors.csv")) == 9


def test_outlets_search_without_match_says_so(capsys):
    assert main(["outlets", "--search", "zzzz"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no outlet matches --search 'zzzz'" in captured.err
    assert main(["outlets", "--search", "zzzz", "--csv"]) == 0
    assert capsys.readouterr().out.startswith("outlet_id,name,")
