"""Outlet registry: shipped data, URL/name/mention resolution, user registries."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from provenance.outlets import (
    OutletRegistryError,
    assign_outlets,
    check_outlets_file,
    load_registry,
)
from provenance.outlets.registry import _resource_path
from provenance.schema import validate

SEED = Path("/work/shared/seed/urdupoint-sputnik-lavrov-2021-08-23.txt")
# Fallback copy of the two seed sentences that matter here (synthetic rewording would change
# the test's meaning, so these are the seed's own dateline and interview sentence).
SEED_LINES = (
    "MOSCOW (UrduPoint News / Sputnik - 23rd August, 2021) Russian-US dialogue on strategic "
    "stability is encouraging, Russian Foreign Minister Sergey Lavrov said.\n"
    '"We should soon begin joint work on cybersecurity," Lavrov told Hungary\'s Magyar Nemzet '
    "newspaper in an interview."
)


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8") if SEED.exists() else SEED_LINES


# -- the shipped registry ----------------------------------------------------------------------


def test_shipped_registry_is_valid_and_large(reg):
    assert check_outlets_file(_resource_path()) == []
    table = reg.table
    validate(table, "outlets")
    assert len(table) >= 400
    assert table["outlet_id"].is_unique
    assert table["registered"].all()
    assert table["reference"].fillna("").str.len().gt(0).all()
    assert table["country"].nunique() >= 40


def test_fixed_ids_and_key_facts(reg):
    fixed = "sputnik rt tass ria-novosti xinhua cgtn reuters ap afp magyar-nemzet urdupoint "
    fixed += "app-pakistan pti dpa anadolu"
    for oid in fixed.split():
        assert reg.get(oid) is not None, oid
    sputnik = reg.get("sputnik")
    assert sputnik["owner"] == reg.get("ria-novosti")["owner"] == "Rossiya Segodnya"
    assert {"sputniknews.com", "sputnikglobe.com", "sputniknews.in", "sputniknews.africa"} <= set(
        sputnik["domains"].split(";")
    )
    assert "RIA Novosti" not in sputnik["aliases"].split(";")
    for oid in (
        "sputnik rt tass ria-novosti xinhua cgtn china-daily global-times presstv irna trt".split()
    ):
        assert reg.get(oid)["state_affiliated"] is True, oid
    for oid in "reuters ap afp dpa efe ansa kyodo yonhap pti ians app-pakistan anadolu".split():
        assert reg.get(oid)["kind"] == "wire", oid
    for oid in "urdupoint msn yahoo-news".split():
        assert reg.get(oid)["kind"] == "aggregator", oid
    assert reg.get("magyar-nemzet")["country"] == "HU"
    assert reg.get("nope") is None


# -- the seed -----------------------------------------------------------------------------------


def test_seed_domain_and_mentions(reg):
    assert reg.resolve_urls(pd.Series(["urdupoint.com"])).tolist() == ["urdupoint"]
    urdupoint = reg.get("urdupoint")
    assert (urdupoint["kind"], urdupoint["country"]) == ("aggregator", "PK")
    text = seed_text()
    found = reg.find_mentions([text])
    ids = set(found["outlet_id"])
    assert {"sputnik", "magyar-nemzet"} <= ids
    assert (reg.get("sputnik")["country"], reg.get("sputnik")["state_affiliated"]) == ("RU", True)
    assert reg.get("magyar-nemzet")["country"] == "HU"
    for row in found.itertuples():
        assert text[row.start : row.end] == row.matched


# -- URLs ---------------------------------------------------------------------------------------


def test_resolve_urls(reg):
    urls = pd.Series(
        [
            "https://www.reuters.com/world/x",
            "https://news.yahoo.com/a.html",
            "uk.news.yahoo.com",
            "https://www.yahoo.com/",
            "https://arabic.sputniknews.com/x",
            "https://blog.unknown-site.co.uk/p",
            "",
            None,
            "not a url",
        ],
        index=list("abcdefghi"),
    )
    out = reg.resolve_urls(urls)
    assert str(out.dtype) == "string"
    assert list(out.index) == list("abcdefghi")
    assert out.iloc[:6].tolist() == [
        "reuters",
        "yahoo-news",
        "yahoo-news",
        "yahoo",
        "sputnik",
        "domain:unknown-site.co.uk",
    ]
    assert out.iloc[6:].isna().all()


# -- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sputnik", "sputnik"),
        ("RIA Novosti", "ria-novosti"),
        ("Hungary's Magyar Nemzet newspaper", "magyar-nemzet"),
        ("REUTERS", "reuters"),
        ("UrduPoint News", "urdupoint"),
        ("UrduPoint.com", "urdupoint"),
        ("The Associated Press", "ap"),
        ("Associated Press of Pakistan", "app-pakistan"),
        ("Dawn", "dawn"),
        ("the Times of India", "times-of-india"),
        # A hyphen ends "The Times" as a mention, so the registry names the New Orleans paper.
        ("The Times-Picayune", "times-picayune"),
        ("Nigeria's The Guardian", "guardian-ng"),
        ("https://www.rt.com/news/1", "rt"),
        ("Some Unknown Gazette", None),
        ("", None),
    ],
)
def test_resolve_name(reg, name, expected):
    assert reg.resolve_name(name) == expected


# -- mentions -----------------------------------------------------------------------------------


def test_find_mentions_frame(reg):
    texts = pd.Series(
        ["Nothing here.", None, "BEIJING (Xinhua) -- Report. RT @x: lol. (AP) and (REUTERS)"],
        index=[10, 20, 30],
    )
    found = reg.find_mentions(texts)
    assert list(found.columns) == ["doc", "start", "end", "outlet_id", "matched", "confidence"]
    assert found["doc"].tolist() == [2, 2, 2]
    assert found["outlet_id"].tolist() == ["xinhua", "ap", "reuters"]
    assert found["start"].is_monotonic_increasing
    assert found["confidence"].between(0, 1).all()
    empty = reg.find_mentions([])
    assert list(empty.columns) == list(found.columns) and empty.empty
    with pytest.raises(TypeError):
        reg.find_mentions("a single string")


def test_longest_match_and_ambiguity(reg):
    found = reg.find_mentions(
        [
            "It was reported by the Associated Press of Pakistan.",
            "The Times said so.",
            "A British minister told The Times.",
        ]
    )
    assert found["outlet_id"].tolist() == ["app-pakistan", "the-times", "the-times"]
    # An ambiguous name without a country cue gets a lower confidence than with one.
    assert found["confidence"].iloc[1] < found["confidence"].iloc[2]


# -- user registries ----------------------------------------------------------------------------


def user_frame(**overrides) -> pd.DataFrame:
    row = {
        "outlet_id": "qz-herald",
        "name": "Qz Herald",
        "domains": "qzherald.example;sputniknews.in",
        "aliases": "Qz Herald;The Qz Herald",
        "country": "QZ",
        "language": "en",
        "owner": "Qz Media",
        "ownership": "private",
        "state_affiliated": "false",
        "kind": "newspaper",
        "reference": "fictional (test)",
    }
    row.update(overrides)
    return pd.DataFrame([row])


def test_user_registry_adds_and_overrides(tmp_path):
    override = pd.DataFrame(
        [{"outlet_id": "urdupoint", "name": "", "state_affiliated": "true", "kind": ""}]
    )
    frame = pd.concat([user_frame(), override], ignore_index=True)
    path = tmp_path / "outlets.csv"
    frame.to_csv(path, index=False)
    for source in (frame, path):
        reg = load_registry(source)
        assert reg.get("qz-herald")["country"] == "QZ"
        assert reg.resolve_name("the Qz Herald") == "qz-herald"
        # The user row takes the domain over; empty override cells keep the shipped values.
        assert reg.resolve_urls(pd.Series(["https://sputniknews.in/x"])).tolist() == ["qz-herald"]
        assert reg.get("urdupoint")["state_affiliated"] is True
        assert reg.get("urdupoint")["name"] == "UrduPoint"
        assert reg.get("urdupoint")["kind"] == "aggregator"
        assert len(reg) == len(load_registry()) + 1
    assert load_registry().get("urdupoint")["state_affiliated"] is False  # cache untouched


@pytest.mark.parametrize("code", ["AA", "QM", "QZ", "XA", "XK", "ZZ", "hu"])
def test_user_assigned_country_codes_accepted(code):
    assert check_outlets_file(user_frame(country=code)) == []


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("ownership", "government", "ownership 'government'"),
        ("country", "UK", "country 'UK'"),
        ("country", "XYZ", "country 'XYZ'"),
        ("kind", "blog", "kind 'blog'"),
        ("state_affiliated", "maybe", "state_affiliated 'maybe'"),
        ("language", "english", "language 'english'"),
        ("outlet_id", "Bad Id", "lower-case slug"),
        ("outlet_id", "domain:x.com", "domain:"),
        ("domains", "not a domain", "not a host name"),
        ("name", "", "empty name"),
    ],
)
def test_invalid_rows_raise_with_row_number(column, value, problem):
    frame = pd.concat([user_frame(outlet_id="ok-one", domains=""), user_frame(**{column: value})])
    with pytest.raises(OutletRegistryError, match=r"row 2\b.*" + problem.replace("(", r"\(")):
        load_registry(frame.reset_index(drop=True))


def test_duplicate_ids_and_bad_files(tmp_path):
    frame = pd.concat([user_frame(), user_frame(domains="")], ignore_index=True)
    problems = check_outlets_file(frame)
    assert problems == ["row 2 ('qz-herald'): duplicate outlet_id (first at row 1)"]
    with pytest.raises(OutletRegistryError, match="duplicate outlet_id"):
        load_registry(frame)
    assert "unknown columns" in check_outlets_file(user_frame().assign(colour="red"))[0]
    assert (
        "missing required column 'name'"
        in check_outlets_file(pd.DataFrame({"outlet_id": ["a"]}))[0]
    )
    assert "cannot read" in check_outlets_file(tmp_path / "missing.csv")[0]
    bom = tmp_path / "bom.csv"  # spreadsheet exports often start with a byte-order mark
    user_frame().to_csv(bom, index=False, encoding="utf-8-sig")
    assert check_outlets_file(bom) == []
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert check_outlets_file(binary)
    with pytest.raises(TypeError):
        load_registry(42)


# -- tables -------------------------------------------------------------------------------------


def test_outlet_table_synthesises_domains(reg):
    table = reg.outlet_table(["sputnik", "domain:example.org", pd.NA, "sputnik"])
    validate(table, "outlets")
    assert table["outlet_id"].tolist() == ["sputnik", "domain:example.org"]
    synthetic = table.iloc[1]
    assert (synthetic["name"], synthetic["ownership"], synthetic["registered"]) == (
        "example.org",
        "unknown",
        False,
    )
    assert bool(table.iloc[0]["registered"])
    assert reg.outlet_table([]).empty


def test_search(reg):
    owned = reg.search("rossiya segodnya")
    assert {"ria-novosti", "sputnik"} <= set(owned["outlet_id"])
    assert owned["outlet_id"].is_monotonic_increasing
    assert reg.search("no such outlet anywhere").empty
    hungarian = reg.search(country="hu")
    assert "magyar-nemzet" in set(hungarian["outlet_id"]) and hungarian["country"].eq("HU").all()
    state = reg.search(country="RU", state_affiliated=True)
    assert {"rt", "tass", "sputnik"} <= set(state["outlet_id"])
    assert state["state_affiliated"].all()
    with pytest.raises(ValueError):
        reg.search(country="Russia")
    with pytest.raises(TypeError):
        reg.search(state_affiliated="yes")


def test_assign_outlets(reg):
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d", "e"],
            "url": [
                "https://www.urdupoint.com/en/x.html",
                "https://mirror.example.net/x",
                None,
                None,
                None,
            ],
            "domain": ["urdupoint.com", "mirror.example.net", "tass.ru", "blog.example.com", None],
            "site_name": [None, "Reuters", "ignored", "Unknown Blog", None],
        },
        index=[5, 6, 7, 8, 9],
    )
    out = assign_outlets(articles, reg)
    assert list(out.index) == [5, 6, 7, 8, 9]
    assert out.tolist()[:4] == ["urdupoint", "reuters", "tass", "domain:example.com"]
    assert pd.isna(out.iloc[4])


def test_a_registry_unpickled_again_is_the_copy_unpickled_before(reg):
    # Each pool job ships the registry: a worker rebuilds it once, not once a job.
    import pickle

    first, again = pickle.loads(pickle.dumps(reg)), pickle.loads(pickle.dumps(reg))
    assert first is again and first is not reg
    pd.testing.assert_frame_equal(first.table, reg.table)
    text = ["MOSCOW (UrduPoint News / Sputnik) Lavrov told Hungary's Magyar Nemzet newspaper."]
    pd.testing.assert_frame_equal(first.find_mentions(text), reg.find_mentions(text))
    assert pickle.loads(pickle.dumps(first)) is first  # a worker's copy pickles as the same
    other = load_registry(pd.DataFrame({"outlet_id": ["qz-herald"], "name": ["Qz Herald"]}))
    copy = pickle.loads(pickle.dumps(other))
    assert copy is not first and copy.get("qz-herald") is not None and reg.get("qz-herald") is None


def test_country_words_grouped_by_first_character_match_as_the_flat_alternation():
    # mentions._COUNTRY_RE tries the country words grouped under their first character: the
    # same matches as the flat alternation, longest word first, on random runs of the words,
    # blanks, marks and letters that may glue to them.
    import random
    import re

    from provenance.outlets import mentions
    from provenance.outlets.codes import COUNTRY_WORDS

    flat = re.compile(
        r"(?<![\w.])(?:"
        + "|".join(re.escape(w) for w in sorted(COUNTRY_WORDS, key=len, reverse=True))
        + r")(?![\w])"
    )
    rng = random.Random(20)
    words = sorted(COUNTRY_WORDS)
    pieces = [" ", ".", "x", "'s", "’", "-", "\t", "n", "ian", "s", ","]
    for _ in range(5000):
        text = "".join(
            rng.choice(words) if rng.random() < 0.4 else rng.choice(pieces) for _ in range(8)
        )
        got = [(m.span(), m.group(0)) for m in mentions._COUNTRY_RE.finditer(text)]
        assert got == [(m.span(), m.group(0)) for m in flat.finditer(text)], text
