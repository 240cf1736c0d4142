"""End to end: provenance.analyze and the CLI on the real seed article."""

import filecmp

import pytest
from corpora import SHARED

import provenance
from provenance.cli import main
from provenance.pipeline import TABLE_ORDER
from provenance.schema import validate

SEED_DIR = SHARED / "seed"

needs_seed = pytest.mark.skipif(
    not SEED_DIR.exists(), reason=f"{SEED_DIR} is absent (set PROVENANCE_SHARED)"
)


@pytest.fixture(scope="module")
def seed_analysis():
    return provenance.analyze(SEED_DIR)


@needs_seed
def test_seed_chain_runs_to_magyar_nemzet(seed_analysis):
    chains = seed_analysis.chains
    assert chains["path"].tolist() == ["urdupoint.com > Sputnik > Magyar Nemzet"]
    assert chains["depth"].tolist() == [2]
    assert chains["root_outlet_id"].tolist() == ["magyar-nemzet"]
    links = seed_analysis.links.set_index("parent_outlet_id")
    credit = links.loc["sputnik"]
    assert credit["evidence"] == "credit" and credit["relation"] == "republishes"
    assert credit["child_outlet_id"] == "urdupoint" and bool(credit["credited"])
    interview = links.loc["magyar-nemzet"]
    assert interview["evidence"] == "citation" and interview["relation"] == "interview_with"
    assert interview["child_outlet_id"] == "sputnik"
    assert any(s.endswith("Lavrov") for s in interview["speakers"].split("; "))


@needs_seed
def test_seed_trace_names_state_media(seed_analysis):
    trace = seed_analysis.trace(seed_analysis.articles["article_id"].iloc[0])
    assert trace["label"].tolist() == ["urdupoint.com", "Sputnik", "Magyar Nemzet"]
    assert trace["state_affiliated"].tolist() == [False, True, False]


@needs_seed
def test_every_table_meets_the_contract(seed_analysis):
    assert set(seed_analysis.tables) == set(TABLE_ORDER)
    for name, table in seed_analysis.tables.items():
        validate(table, name)


@needs_seed
def test_cli_writes_every_table_atomically_and_deterministically(tmp_path, capsys):
    out1, out2 = tmp_path / "r1", tmp_path / "r2"
    assert main(["analyze", str(SEED_DIR), "--out", str(out1), "--quiet"]) == 0
    assert main(["analyze", str(SEED_DIR), "--out", str(out2), "--quiet"]) == 0
    names = sorted(p.name for p in out1.iterdir())
    assert names == sorted([f"{t}.csv" for t in TABLE_ORDER] + ["report.html"])
    for name in names:
        assert filecmp.cmp(out1 / name, out2 / name, shallow=False), f"{name} differs between runs"


@needs_seed
def test_cli_trace_prints_the_chain(capsys):
    articles = provenance.read_articles(SEED_DIR)[0]
    assert (
        main(["trace", str(SEED_DIR), "--article", articles["article_id"].iloc[0], "--quiet"]) == 0
    )
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "urdupoint.com > Sputnik > Magyar Nemzet"
    assert "interview_with via citation" in out and "speakers: Sergey Lavrov" in out


def test_missing_input_is_a_clear_error_with_exit_code_2(tmp_path, capsys):
    missing = tmp_path / "nope.jsonl"
    assert main(["analyze", str(missing), "--out", str(tmp_path / "r"), "--quiet"]) == 2
    assert "nope.jsonl" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()
