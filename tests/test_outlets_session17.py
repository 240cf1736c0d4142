"""Session 17's registry rows: names that are common words need a cue, the rows' state-outlet
effects, the faster build (same state as ``to_dict``), and the candidate miner's slots."""

from __future__ import annotations

import gc
import importlib.util
from pathlib import Path

import pytest

from provenance.outlets import load_registry
from provenance.outlets.registry import OutletRegistry, _records, _shipped_rows

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def _ids(reg, text: str) -> list[str]:
    return [oid for _, _, oid, _, _ in reg.mentions_in(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words of the outlet's own language, English words and other things' names: a cue first.
        ("It was Vreme again, and Veja said no.", []),
        ("The Serbian weekly Vreme reported it.", ["vreme"]),
        ("Al-Ittihad beat Al Hilal on Sunday.", []),
        ("the UAE daily Al Ittihad reported", ["al-ittihad"]),
        ("The El Faro sank in 2015.", []),
        ("according to El Faro, the gangs", ["el-faro"]),
        ("Commentary on the bill was harsh.", []),
        # The Pentagon's DoD News is not Defense News; Defense News alone is.
        ("a report from the Department of Defense News", []),
        ("according to Defense News, the budget", ["defense-news"]),
        # Names that are no common words match alone.
        (
            "Gulf Times and Tengrinews carried it; Kun.uz too.",
            ["gulf-times", "tengrinews", "kun-uz"],
        ),
        ("she told WBUR and KSDK-TV", ["wbur", "ksdk"]),
    ],
)
def test_session17_names(reg, text, expected):
    assert _ids(reg, text) == expected


def test_people_is_read_only_as_the_magazine(reg):
    # Bare "People" made 15 wrong citations in ABP 0-8,000 ("People said", "the People's ...").
    assert _ids(reg, "People said they told People about it.") == []
    assert _ids(reg, "in an interview with People magazine") == ["people-magazine"]


def test_a_country_keeps_its_one_state_agency_or_broadcaster():
    from provenance.attribution.resolve import _state_outlets

    state = _state_outlets(load_registry())
    assert state[("CU", "agency")] == "prensa-latina"
    assert state[("SA", "broadcaster")] == "al-ekhbariya"
    assert state[("BY", "broadcaster")] == "belteleradio"
    assert ("IL", "broadcaster") not in state and ("BA", "broadcaster") not in state


def test_records_are_to_dict_records():
    rows = _shipped_rows()
    assert _records(rows) == rows.to_dict("records")


def test_the_build_leaves_the_collector_as_it_found_it():
    rows = _shipped_rows()
    assert gc.isenabled()
    OutletRegistry(rows)
    assert gc.isenabled()
    gc.disable()
    try:
        OutletRegistry(rows)
        assert not gc.isenabled()
    finally:
        gc.enable()


def _miner():
    path = ROOT / "tools" / "mine_outlet_candidates.py"
    spec = importlib.util.spec_from_file_location("mine_outlet_candidates", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_miner_counts_unregistered_names_in_citation_slots():
    miner = _miner()
    docs = iter([
        "He told the Qz Ledger on Monday. The Qz Ledger reported more. He told Reuters.",
        "MOSCOW (Qz Wire Service) - It rained.\nShe said it, according to Smith.",
        "They told Qz Ledger newspaper that it was late. He told Russian TV so.",
    ])  # fmt: skip
    articles, kinds = miner.mine(docs)
    assert articles["Qz Ledger"] == 2  # two articles, however many slots
    assert set(kinds["Qz Ledger"]) == {"told", "X reported", "X outlet"}
    assert articles["Qz Wire Service"] == 1 and kinds["Qz Wire Service"]["dateline"] == 1
    assert "Reuters" not in articles  # registered
    assert "Russian" not in articles  # a country word


def test_the_miner_skips_every_held_out_text():
    ids = _miner().skipped_ids()
    assert "05JZ9LWJFF9uH7RB" in ids  # a heldout article (tests/eval/real_attribution_ids.csv)
    assert len(ids) >= 61 + 4 * 90
