"""Self-consistency of the demo corpus in data/demo (synthetic, written for this project).

These tests read every input format with small local readers (not provenance.ingest), so they
check the corpus and its ground truth on their own: every truth URL exists, copies really share
passages with their parents, independent coverage really shares none, edit phrases are where the
truth says, chains follow the links, and the binary files rebuild byte for byte.
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from scripts import load_script
from warcio.archiveiterator import ArchiveIterator

from provenance.outlets.domains import registered_domain
from provenance.schema import TABLES
from provenance.text import words

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"
ARTICLES = DEMO / "articles"
FORMATS = {"txt", "html", "csv", "jsonl", "jsonl.gz", "parquet", "warc"}
REUSE_RUN = 20  # words: a run this long shared verbatim is copying, not coincidence
INDEPENDENT_RUN = 12  # words: independent coverage must not share a run this long

_TXT_HEAD = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) (\S+)$")
_TXT_TIME = re.compile(r"\| (\d{2}:\d{2} [AP]M)$")
_META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">')
_ARTICLE = re.compile(r"<article>(.*?)</article>", re.S)
_PARA = re.compile(r'<p(?: class="(\w+)")?>(.*?)</p>', re.S)


def _html_article(page: str, fmt: str, source: str) -> dict:
    meta = {k: html.unescape(v) for k, v in _META.findall(page)}
    body = _ARTICLE.search(page).group(1)
    paras = [html.unescape(p) for cls, p in _PARA.findall(body) if cls != "byline"]
    return dict(
        url=meta["og:url"],
        title=meta["og:title"],
        text="\n\n".join(paras),
        published=pd.Timestamp(meta["article:published_time"]),
        site=meta["og:site_name"],
        format=fmt,
        source_file=source,
    )


def _txt_article(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").split("\n")
    day, site = _TXT_HEAD.match(lines[0]).groups()
    rest = [line for line in lines[1:] if line.strip()]
    title, stamp, body = rest[0], rest[1], rest[2:]
    clock = _TXT_TIME.search(stamp).group(1)
    rel = path.relative_to(ARTICLES).as_posix()
    return dict(
        url=f"file:{rel}",
        title=title,
        text="\n\n".join(body),
        published=pd.Timestamp(f"{day} {clock}", tz="UTC"),  # dump times are UTC (README)
        site=site,
        format="txt",
        source_file=rel,
    )


def _records(fmt: str, source: str, rows: list[dict], keys: tuple[str, ...]) -> list[dict]:
    url, title, text, published, site = keys
    return [
        dict(
            url=r[url],
            title=r[title],
            text=r[text],
            published=pd.Timestamp(r[published]).tz_convert("UTC"),
            site=r[site],
            format=fmt,
            source_file=source,
        )
        for r in rows
    ]


def _jsonl(path: Path, opener=open) -> list[dict]:
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@cache
def corpus() -> dict[str, dict]:
    """Every article of the demo corpus by URL (``file:<path>`` for text dumps)."""
    arts = [_txt_article(p) for p in sorted((ARTICLES / "txt").glob("*.txt"))]
    for path in sorted((ARTICLES / "html").glob("*.html")):
        arts.append(_html_article(path.read_text(encoding="utf-8"), "html", f"html/{path.name}"))
    csv_keys = ("url", "title", "text", "published", "outlet")
    json_keys = ("url", "headline", "content", "date", "source")
    for path in ARTICLES.glob("*.csv"):
        if not path.name.startswith(("truth_", "outlets")):
            rows = pd.read_csv(path, dtype=str).to_dict("records")
            arts += _records("csv", path.name, rows, csv_keys)
    for path in ARTICLES.glob("*.jsonl"):
        arts += _records("jsonl", path.name, _jsonl(path), json_keys)
    for path in ARTICLES.glob("*.jsonl.gz"):
        arts += _records("jsonl.gz", path.name, _jsonl(path, gzip.open), json_keys)
    for path in ARTICLES.glob("*.parquet"):
        rows = pd.read_parquet(path).to_dict("records")
        arts += _records("parquet", path.name, rows, csv_keys)
    for path in ARTICLES.glob("*.warc.gz"):
        with path.open("rb") as f:
            for rec in ArchiveIterator(f):
                ctype = rec.http_headers.get_header("Content-Type") if rec.http_headers else ""
                if rec.rec_type == "response" and ctype.startswith("text/html"):
                    page = rec.content_stream().read().decode("utf-8")
                    arts.append(_html_article(page, "warc", path.name))
    by_url = {a["url"]: a for a in arts}
    assert len(by_url) == len(arts), "duplicate article URLs"
    return by_url


def _truth(name: str) -> list[dict]:
    with (DEMO / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def outlets() -> pd.DataFrame:
    return pd.read_csv(DEMO / "outlets.csv", dtype=str, keep_default_na=False)


def _full(url: str) -> str:
    art = corpus()[url]
    return f"{art['title']}\n\n{art['text']}"


def _runs(text: str, n: int) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def _aliases(outlet_id: str) -> list[str]:
    row = outlets().set_index("outlet_id").loc[outlet_id]
    return [a for a in row["aliases"].split(";") + [row["name"]] if a]


def test_corpus_size_formats_and_synthetic_notice():
    arts = corpus()
    assert len(arts) >= 30
    assert {a["format"] for a in arts.values()} == FORMATS
    assert "synthetic, written for this project" in (DEMO / "README.md").read_text()


def test_truth_articles_manifest_matches_the_sources():
    manifest = {r["url"]: r for r in _truth("truth_articles.csv")}
    arts = corpus()
    assert set(manifest) == set(arts)
    for url, row in manifest.items():
        art = arts[url]
        assert (art["title"], art["format"], art["source_file"]) == (
            row["title"],
            row["format"],
            row["source_file"],
        )
        assert art["published"] == pd.Timestamp(row["published"])
    assert len({a["published"] for a in arts.values()}) == len(arts), "times must be distinct"


def test_outlets_table_follows_the_schema():
    df = outlets()
    expected = [c for c in TABLES["outlets"].names if c != "registered"]
    assert list(df.columns) == expected
    assert len(df) >= 8 and df["outlet_id"].is_unique
    assert set(df["ownership"]) <= {"state", "public", "private", "unknown"}
    assert set(df["state_affiliated"]) <= {"true", "false"}
    kinds = {"wire", "newspaper", "broadcaster", "aggregator", "state_media", "government", "other"}
    assert set(df["kind"]) <= kinds
    assert {"state_media", "wire", "aggregator", "newspaper"} <= set(df["kind"])
    assert (df["reference"] == "fictional (demo corpus)").all()
    for domains in df["domains"]:
        for domain in domains.split(";"):
            assert registered_domain(domain) == domain, domain


def test_every_article_resolves_to_its_outlet_by_domain():
    by_domain = {d: row.outlet_id for row in outlets().itertuples() for d in row.domains.split(";")}
    manifest = {r["url"]: r["outlet_id"] for r in _truth("truth_articles.csv")}
    for url, art in corpus().items():
        host = art["site"] if art["format"] == "txt" else url
        assert by_domain[registered_domain(host)] == manifest[url], url
    assert len(set(manifest.values())) >= 8


def test_truth_files_refer_to_existing_articles_and_outlets():
    arts, ids = corpus(), set(outlets()["outlet_id"])
    for row in _truth("truth_links.csv"):
        assert row["child_url"] in arts
        assert row["parent_url"] == "" or row["parent_url"] in arts
        assert row["parent_outlet_id"] in ids
    urls = [r["leaf_url"] for r in _truth("truth_chains.csv")]
    urls += [u for r in _truth("truth_edits.csv") for u in (r["child_url"], r["parent_url"])]
    urls += [u for r in _truth("truth_independent.csv") for u in (r["url_a"], r["url_b"])]
    assert set(urls) <= set(arts)


@pytest.mark.parametrize("row", _truth("truth_links.csv"), ids=lambda r: r["child_url"][-40:])
def test_link_evidence_is_really_in_the_texts(row):
    child = _full(row["child_url"])
    evidence = set(row["evidence"].split("+"))
    assert evidence <= {"credit", "text_reuse", "citation"}
    if row["parent_url"]:
        parent = _full(row["parent_url"])
        shared = _runs(child, REUSE_RUN) & _runs(parent, REUSE_RUN)
        # text_reuse links copy long passages; citation-only links quote at most a phrase
        assert bool(shared) == ("text_reuse" in evidence)
        lag = corpus()[row["child_url"]]["published"] - corpus()[row["parent_url"]]["published"]
        assert pd.Timedelta(hours=1) <= lag <= pd.Timedelta(hours=30)
        if row["child_url"].startswith("file:"):  # dumps: direction holds on the date alone
            child_day = corpus()[row["child_url"]]["published"].date()
            assert child_day > corpus()[row["parent_url"]]["published"].date()
    named = any(alias in child for alias in _aliases(row["parent_outlet_id"]))
    assert named == (row["credited"] == "true")
    assert named == bool(evidence & {"credit", "citation"})


def test_uncredited_state_media_flag_matches_the_outlet_registry():
    state = set(outlets().query("state_affiliated == 'true'")["outlet_id"])
    for row in _truth("truth_links.csv"):
        laundering = (
            row["credited"] == "false"
            and "text_reuse" in row["evidence"]
            and row["parent_outlet_id"] in state
        )
        assert (row["uncredited_state_media"] == "true") == laundering
    assert sum(r["uncredited_state_media"] == "true" for r in _truth("truth_links.csv")) >= 2


@pytest.mark.parametrize("row", _truth("truth_edits.csv"), ids=lambda r: r["edit_type"])
def test_edit_phrases_stand_where_the_truth_says(row):
    child, parent = _full(row["child_url"]), _full(row["parent_url"])
    if row["parent_text"]:
        assert row["parent_text"] in parent
        assert row["parent_text"] not in child
    if row["child_text"]:
        assert row["child_text"] in child
        assert row["child_text"] not in parent
    link = {(r["child_url"], r["parent_url"]) for r in _truth("truth_links.csv")}
    assert (row["child_url"], row["parent_url"]) in link


def test_all_edit_types_are_documented():
    kinds = {r["edit_type"] for r in _truth("truth_edits.csv")}
    assert kinds == {
        "verb_swap",
        "hedge_removed",
        "loaded_word_added",
        "quote_dropped",
        "paragraph_added",
        "retitled",
        "credit_dropped",
    }


def test_independent_coverage_shares_no_passage_and_is_not_linked():
    linked = {frozenset((r["child_url"], r["parent_url"])) for r in _truth("truth_links.csv")}
    pairs = _truth("truth_independent.csv")
    events = {r["url"]: r["event"] for r in _truth("truth_articles.csv")}
    assert len(pairs) >= 4
    for row in pairs:
        a, b = _full(row["url_a"]), _full(row["url_b"])
        assert not _runs(a, INDEPENDENT_RUN) & _runs(b, INDEPENDENT_RUN), row["note"]
        assert frozenset((row["url_a"], row["url_b"])) not in linked
        assert len(set(words(a)) & set(words(b))) >= 15, "same event: shared names and facts"
        assert row["event"] == events[row["url_a"]] == events[row["url_b"]]


def test_site_boilerplate_repeats_across_unlinked_articles_of_an_outlet():
    # The hazard the pipeline must survive: same-outlet pages share footer text but no story.
    manifest = {r["url"]: r["outlet_id"] for r in _truth("truth_articles.csv")}
    by_outlet: dict[str, list[str]] = {}
    for url, outlet in manifest.items():
        by_outlet.setdefault(outlet, []).append(url)
    hazardous = 0
    for urls in by_outlet.values():
        shared = set.intersection(*(_runs(corpus()[u]["text"], 8) for u in urls))
        hazardous += len(urls) >= 2 and bool(shared)
    assert hazardous >= 7


def test_chains_follow_the_links_to_their_roots():
    names = outlets().set_index("outlet_id")["name"]
    parent = {r["child_url"]: r for r in _truth("truth_links.csv")}
    outlet_of = {r["url"]: r["outlet_id"] for r in _truth("truth_articles.csv")}
    chains = _truth("truth_chains.csv")
    assert {r["leaf_url"] for r in chains} == set(parent)
    for row in chains:
        path, url = [names[outlet_of[row["leaf_url"]]]], row["leaf_url"]
        while url in parent:
            path.append(names[parent[url]["parent_outlet_id"]])
            url = parent[url]["parent_url"]
        assert row["path"] == " > ".join(path)
        assert int(row["depth"]) == len(path) - 1
    assert max(int(r["depth"]) for r in chains) >= 3


def test_binary_files_rebuild_byte_for_byte(tmp_path):
    build = load_script(DEMO / "build_binary.py")
    src = DEMO / "src"
    build.build_jsonl_gz(src / "radio-kestria-feed.jsonl", tmp_path / "a.jsonl.gz")
    build.build_parquet(src / "meridian-wire-dataset.jsonl", tmp_path / "a.parquet")
    build.build_warc(src / "crawl-2023-09.jsonl", tmp_path / "crawl-2023-09.warc.gz")
    for built, committed in (
        ("a.jsonl.gz", "radio-kestria-feed.jsonl.gz"),
        ("a.parquet", "meridian-wire-dataset.parquet"),
        ("crawl-2023-09.warc.gz", "crawl-2023-09.warc.gz"),
    ):
        if built.endswith(".parquet"):  # parquet bytes carry the writer's version: compare content
            pd.testing.assert_frame_equal(
                pd.read_parquet(tmp_path / built), pd.read_parquet(ARTICLES / committed)
            )
        else:
            assert (tmp_path / built).read_bytes() == (ARTICLES / committed).read_bytes(), committed


def test_warc_holds_a_non_article_record_for_ingest_to_skip():
    with (ARTICLES / "crawl-2023-09.warc.gz").open("rb") as f:
        types = [
            (r.rec_type, r.http_headers.get_header("Content-Type") if r.http_headers else None)
            for r in ArchiveIterator(io.BufferedReader(f))
        ]
    assert types[0] == ("warcinfo", None)
    assert ("response", "text/plain") in types


def _evaluate_module():
    return load_script(DEMO / "evaluate.py", "demo_evaluate")


def test_evaluator_gives_full_marks_to_the_truth_itself(tmp_path):
    ev = _evaluate_module()
    tables = ev.perfect_tables()
    for name, frame in tables.items():
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    scores = ev.evaluate(tmp_path).set_index("metric")["value"]
    assert scores["link_recall"] == scores["chain_root_accuracy"] == 1.0
    assert scores["laundering_recall"] == scores["article_link_precision"] == 1.0
    assert scores["same_outlet_links (want 0)"] == scores["independent_pairs_linked (want 0)"] == 0
    assert scores["links_skipping_a_hop"] == 0 and scores["link_recall_exact_parent"] == 1.0


def test_evaluator_counts_missed_wrong_and_forbidden_links():
    ev = _evaluate_module()
    tables = ev.perfect_tables()
    ids = dict(
        zip(ev.load_truth()["articles"]["url"], tables["articles"]["article_id"], strict=True)
    )
    pair = _truth("truth_independent.csv")[0]
    vel = [u for u, o in ev.load_truth()["articles"][["url", "outlet_id"]].values if o == "velta"]
    leaf, grandparent = "file:txt/newspulse-drevic.txt", [u for u in vel if "drevic" in u][0]
    forbidden = pd.DataFrame(
        {
            "child_article_id": [ids[pair["url_b"]], ids[vel[1]], ids[leaf]],
            "parent_article_id": [ids[pair["url_a"]], ids[vel[0]], ids[grandparent]],
            "parent_outlet_id": ["x", "velta", "velta"],
        }
    )
    links = pd.concat([tables["links"].iloc[1:], forbidden], ignore_index=True)
    chains = tables["chains"].assign(root_outlet_id="velta")
    scores = ev.evaluate({**tables, "links": links, "chains": chains}).set_index("metric")
    assert scores.loc["link_recall", "hits"] == 19
    assert scores.loc["article_link_precision", "total"] == 17 + 3
    assert scores.loc["article_link_precision", "hits"] == 17
    assert scores.loc["links_skipping_a_hop", "hits"] == 1
    assert scores.loc["independent_pairs_linked (want 0)", "value"] == 1
    assert scores.loc["same_outlet_links (want 0)", "value"] == 1
    n_velta_roots = sum(
        r["path"].endswith(" > Velmora Telegraph Agency") for r in _truth("truth_chains.csv")
    )
    assert scores.loc["chain_root_accuracy", "hits"] == n_velta_roots
