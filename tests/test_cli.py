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
