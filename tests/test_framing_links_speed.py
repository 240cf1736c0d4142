"""Link framing gives the same tables in one process or a pool, whatever the batch.

The speed-up of 2026-11-28 was checked against a frozen copy of the old ``score_links`` (identical
scores and evidence on the demo and a generated corpus); that copy was then dropped to keep one
implementation. The inputs are what the pipeline hands to link framing on the demo corpus
(data/demo, our own synthetic wire copy) and on a generated corpus with many reuse links
(provenance/synthetic.py, machine-made text).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import provenance.engine.local as local_module
import provenance.engine.pool as pool_module
from provenance.analysis import TABLE_ORDER, analyze, analyze_articles
from provenance.engine.local import pooled_link_framing as link_framing
from provenance.framing import score_links
from provenance.synthetic import generate_corpus

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"


def _link_framing_inputs(monkeypatch, run) -> dict:
    """The arguments finish_analysis passes to link framing during ``run()``."""
    seen: dict = {}
    real = local_module.pooled_link_framing

    def capture(links, texts, inputs, **kwargs):
        seen.update(links=links, texts=texts, inputs=inputs, **kwargs)
        return real(links, texts, inputs, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(local_module, "pooled_link_framing", capture)
        run()
    return seen


@pytest.fixture(scope="module")
def demo_inputs():
    with pytest.MonkeyPatch.context() as mp:
        return _link_framing_inputs(
            mp, lambda: analyze(DEMO / "articles", outlets=DEMO / "outlets.csv", framing=True)
        )


@pytest.fixture(scope="module")
def synthetic_inputs():
    articles, _, outlets = generate_corpus(400, n_outlets=12, seed=3)
    with pytest.MonkeyPatch.context() as mp:
        return _link_framing_inputs(
            mp, lambda: analyze_articles(articles, outlets=outlets, framing=True)
        )


@pytest.mark.parametrize("corpus", ["demo_inputs", "synthetic_inputs"])
def test_inputs_exercise_every_part_of_link_framing(corpus, request):
    inputs = request.getfixturevalue(corpus)
    kwargs = inputs["inputs"].arguments()
    scores, evidence = score_links(inputs["links"], inputs["texts"], return_evidence=True, **kwargs)
    assert len(scores) >= 10 and scores["d_added_n_words"].notna().sum() >= 10
    assert (scores["d_aligned_sentences"] > 0).sum() >= 10
    assert {"d_verb_shifts", "d_hedges_removed", "d_added_n_words", "d_dropped_n_words"} <= set(
        evidence["feature"]
    )


def test_synthetic_corpus_has_many_reuse_links(synthetic_inputs):
    links = synthetic_inputs["links"]
    assert links["evidence"].str.contains("text_reuse").sum() >= 100


def test_evidence_dtypes_do_not_depend_on_the_batch(synthetic_inputs):
    # One link alone has no verb shift or quote evidence: empty pieces keep their dtypes.
    kwargs = synthetic_inputs["inputs"].arguments()
    links = synthetic_inputs["links"]
    _, whole = score_links(links, synthetic_inputs["texts"], return_evidence=True, **kwargs)
    _, one = score_links(links.head(1), synthetic_inputs["texts"], return_evidence=True, **kwargs)
    assert len(one) and one.dtypes.to_dict() == whole.dtypes.to_dict()


def test_pool_gives_the_same_tables(synthetic_inputs, monkeypatch):
    monkeypatch.setattr(pool_module, "MIN_LINKS_PER_WORKER", 1)
    links, texts, inputs = (synthetic_inputs[k] for k in ("links", "texts", "inputs"))
    one = link_framing(links, texts, inputs, workers=1)
    pooled = link_framing(links, texts, inputs, workers=2)
    # Shuffled links: chunks are cut from the links sorted by link_id, as score_links sorts.
    shuffled = link_framing(links.sample(frac=1.0, random_state=0), texts, inputs, workers=3)
    for got in (pooled, shuffled):
        pd.testing.assert_frame_equal(got[0], one[0])
        pd.testing.assert_frame_equal(got[1], one[1])


def test_analyze_with_a_link_pool_gives_identical_tables(monkeypatch):
    one = analyze(DEMO / "articles", outlets=DEMO / "outlets.csv", framing=True, workers=1)
    monkeypatch.setattr(pool_module, "MIN_LINKS_PER_WORKER", 1)
    pooled_links = {}
    real = local_module.PoolRun

    def counting(fn, jobs, workers, **options):
        jobs = list(jobs)
        pooled_links[fn.__name__] = len(jobs)
        return real(fn, jobs, workers, **options)

    monkeypatch.setattr(local_module, "PoolRun", counting)
    two = analyze(DEMO / "articles", outlets=DEMO / "outlets.csv", framing=True, workers=2)
    assert pooled_links == {"score_links_joined": 2}  # 36 articles: only the links went to the pool
    for name in TABLE_ORDER:
        pd.testing.assert_frame_equal(two.tables[name], one.tables[name], obj=name)


def _fresh_memo(monkeypatch) -> None:
    """An empty VADER memo, as in a fresh pool process (nothing scored there before)."""
    from provenance.framing import features

    monkeypatch.setattr(features, "_COMPOUNDS", features._CompoundMemo(400_000, 40_000_000))


@pytest.mark.parametrize("corpus", ["demo_inputs", "synthetic_inputs"])
def test_article_sentences_give_the_same_link_tables(corpus, request, monkeypatch):
    # The pipeline hands link framing the article stage's sentences (offsets, compounds);
    # without them score_links splits and scores the texts again: same tables either way,
    # also when the frame lacks an article (it splits them all again then).
    inputs = request.getfixturevalue(corpus)
    kwargs = inputs["inputs"].arguments()
    sentences = kwargs.pop("sentences")
    assert sentences is not None and len(sentences)
    linked = inputs["links"]["child_article_id"].dropna().iloc[0]
    runs = {}
    for name, given in (
        ("split again", None),
        ("given", sentences),
        ("one missing", sentences[sentences["article_id"] != linked]),
    ):
        _fresh_memo(monkeypatch)
        runs[name] = score_links(
            inputs["links"], inputs["texts"], sentences=given, return_evidence=True, **kwargs
        )
    for name in ("given", "one missing"):
        pd.testing.assert_frame_equal(runs[name][0], runs["split again"][0], check_exact=True)
        pd.testing.assert_frame_equal(runs[name][1], runs["split again"][1], check_exact=True)
