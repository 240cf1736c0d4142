"""The pandas engine's process pool (``workers=N``) returns the same tables as one process.

Corpus: the demo corpus (data/demo/articles, our own synthetic wire copy in every input format)
with its outlet registry and framing on. The pool is normally kept for corpora of at least
``MIN_ARTICLES_PER_WORKER`` articles a worker; the tests lower that bound so that the 36 demo
articles really are split between worker processes.
"""

from __future__ import annotations

import multiprocessing
import os

import numpy as np
import pandas as pd
import pytest
from corpora import DEMO

import provenance.engine.pool as pool_module
from provenance.analysis import TABLE_ORDER, analyze, analyze_articles
from provenance.cli import main
from provenance.engine.local import parallel_article_stages
from provenance.engine.pool import POOL_PRELOAD, pool_context, pool_size, run_in_pool
from provenance.ingest import read_articles
from provenance.outlets import load_registry
from provenance.pipeline import article_stages

ARTICLES = DEMO / "articles"
OUTLETS = DEMO / "outlets.csv"


@pytest.fixture(scope="module")
def one_process():
    return analyze(ARTICLES, outlets=OUTLETS, framing=True, workers=1)


@pytest.fixture
def pool_for_small_corpora(monkeypatch):
    monkeypatch.setattr(pool_module, "MIN_ARTICLES_PER_WORKER", 1)


def test_two_workers_give_identical_tables(one_process, pool_for_small_corpora):
    parallel = analyze(ARTICLES, outlets=OUTLETS, framing=True, workers=2)
    # The pool really ran: the per-article stages were timed as one parallel block.
    block = "outlets, attribution, quotes, framing (2 workers)"
    assert list(parallel.timings)[0] == block
    assert "framing" not in parallel.timings and "reuse" in parallel.timings
    assert list(parallel.tables) == list(TABLE_ORDER)
    assert len(one_process.framing) and len(one_process.links)
    for name in TABLE_ORDER:
        pd.testing.assert_frame_equal(parallel.tables[name], one_process.tables[name], obj=name)


def test_uneven_chunks_keep_input_order_and_index():
    # Three chunks of 12 articles in a shuffled order with a non-default index: the pooled
    # stages return what one batch returns, articles in input order with their index.
    articles, _ = read_articles(ARTICLES)
    rng = np.random.default_rng(0)
    articles = articles.iloc[rng.permutation(len(articles))]
    articles.index = rng.permutation(np.arange(100, 100 + len(articles)))
    registry = load_registry(OUTLETS)
    one = article_stages(articles, registry, framing=True)
    pooled = parallel_article_stages(articles, registry, framing=True, workers=3)
    assert set(pooled) == set(one)
    pd.testing.assert_frame_equal(pooled["articles"], one["articles"])
    for name in ("credits", "citations", "quotes", "scores", "evidence"):
        assert len(one[name]), name
        expected = one[name].reset_index(drop=True)
        # score_articles' evidence has target_id as object or str depending on the batch (its
        # pieces mix both); the framing table conforms it, so compare values and order here.
        got = pooled[name].astype(expected.dtypes.to_dict())
        pd.testing.assert_frame_equal(got, expected, obj=name)


def test_attribution_blocks_give_the_tables_of_one_block(monkeypatch):
    # article_stages runs attribution and quotes ATTRIBUTION_BLOCK articles at a time (so that
    # a block's rejoined texts stay cached from credits to quotes); blocks of 5 of the shuffled
    # demo articles give the rows, order and index of one block.
    import provenance.pipeline as pipeline_module
    from provenance.attribution import _input

    # A block's titles and texts fit the cache of rejoined texts together.
    assert 2 * pipeline_module.ATTRIBUTION_BLOCK <= _input._DETOK_CACHE_SIZE
    articles, _ = read_articles(ARTICLES)
    articles = articles.iloc[np.random.default_rng(1).permutation(len(articles))]
    registry = load_registry(OUTLETS)
    one = article_stages(articles, registry, framing=True)
    monkeypatch.setattr(pipeline_module, "ATTRIBUTION_BLOCK", 5)
    blocked = article_stages(articles, registry, framing=True)
    for name in ("articles", "credits", "citations", "quotes", "scores", "evidence"):
        assert len(one[name]), name
        pd.testing.assert_frame_equal(blocked[name], one[name], obj=name)


def test_small_corpora_stay_in_process():
    assert pool_size(36, 2) == 1
    assert pool_size(3 * pool_module.MIN_ARTICLES_PER_WORKER, 8) == 3
    assert pool_size(10**6, None) == pool_module.machine_cores()  # default: every core
    analysis = analyze(ARTICLES, outlets=OUTLETS, framing=False, workers=2)
    assert list(analysis.timings)[:3] == ["outlets", "attribution", "quotes"]


@pytest.mark.parametrize("workers", [0, -2, 1.5, "2", True, np.float64(2.0)])
def test_workers_must_be_a_positive_integer(workers):
    with pytest.raises(
        ValueError, match="The 'workers' parameter of analyze must be a positive integer"
    ):
        analyze(ARTICLES, workers=workers)
    articles = pd.DataFrame(columns=["article_id", "url", "title", "text"])
    with pytest.raises(
        ValueError, match="The 'workers' parameter of analyze must be a positive integer"
    ):
        analyze_articles(articles, workers=workers)


def test_numpy_integers_are_accepted():
    assert pool_module.check_workers(np.int64(3)) == 3


@pytest.mark.parametrize(
    "option", [{"scheduler": "tcp://127.0.0.1:8786"}, {"engine_options": {"memory_limit": "1GB"}}]
)
def test_dask_only_options_are_refused_by_the_pandas_engine(option):
    with pytest.raises(ValueError, match="engine='dask' only"):
        analyze(ARTICLES, **option)


def test_cli_workers_applies_to_the_pandas_engine(one_process, pool_for_small_corpora, tmp_path):
    out = tmp_path / "out"
    argv = ["analyze", str(ARTICLES), "--outlets", str(OUTLETS), "--out", str(out)]
    assert main([*argv, "--workers", "2", "--no-report", "--quiet"]) == 0
    links = pd.read_csv(out / "links.csv")
    assert links["link_id"].tolist() == one_process.links["link_id"].tolist()
    assert main([*argv, "--workers", "0", "--quiet"]) == 2


def test_a_pooled_run_cancelled_unused_shuts_its_pool():
    # finish_analysis closes a pending link framing (PooledLinkScores.close -> PoolRun.cancel)
    # when the chains fail: the pool stops, jobs not started are dropped.
    from provenance.engine.local import PooledLinkScores
    from provenance.engine.pool import PoolRun

    running = PoolRun(pool_size, [{"n_articles": 9_000, "workers": 2}] * 4, 1)
    PooledLinkScores(running).close()
    with pytest.raises(RuntimeError):
        running._pool.submit(pool_size, 1, 1)
    with PoolRun(pool_size, [{"n_articles": 9_000, "workers": 2}], 1) as finished:
        assert finished.results() == [2]


def test_jobs_handed_over_through_files_same_results_no_file_left():
    # Link framing's jobs go to the workers as pickled files (PoolRun(through_files=True)):
    # the same values in job order, and the folder goes with the pool, finished or cancelled.
    from provenance.engine.pool import PoolRun

    jobs = [{"n_articles": n, "workers": 2} for n in (1, 9_000, 50_000, 3)]
    with PoolRun(pool_size, iter(jobs), 2, through_files=True) as running:
        folder = running._folder
        assert folder is not None and folder.is_dir()
        assert running.results() == [1, 2, 2, 1]
    assert not folder.exists()
    cancelled = PoolRun(pool_size, iter(jobs * 3), 1, through_files=True)
    cancelled.cancel()
    assert cancelled._folder is not None and not cancelled._folder.exists()


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here"
)
def test_pool_workers_are_forked_from_a_server_with_the_stages_imported():
    # The stages' imports (regular expressions compiled at import: ~3 CPU s a worker) are paid
    # once in the fork server, not in every worker of every pool.
    from multiprocessing import forkserver

    assert pool_context().get_start_method() == "forkserver"
    assert set(POOL_PRELOAD) <= set(forkserver._forkserver._preload_modules)
    parents = run_in_pool(os.getppid, [{}, {}], 2)
    assert os.getpid() not in parents  # a spawned worker's parent would be this process


_IMPORTS_OF_A_JOB = """
import importlib, sys
import pandas as pd
from provenance.engine.pool import POOL_PRELOAD
for name in POOL_PRELOAD:
    importlib.import_module(name)
before = set(sys.modules)
from provenance.engine.local import article_stages_without_text
from provenance.outlets import load_registry
articles = pd.DataFrame({"article_id": ["a"], "url": ["https://example.org/a"], "title": ["T"],
    "text": ['MOSCOW (Sputnik) - "We agree," Lavrov told the Daily Clarion newspaper.']})
article_stages_without_text(articles=articles, registry=load_registry(), framing=True)
print(sorted(m for m in set(sys.modules) - before if m.startswith("provenance")))
"""


def test_a_pool_job_imports_no_stage_module_its_fork_server_did_not():
    # The packages import their stages when first asked for (attribution, quotes): preloading
    # the packages alone left every worker compiling the stages' patterns at its first job
    # (~3 CPU s a worker on ABP text).
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _IMPORTS_OF_A_JOB], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here"
)
def test_pool_workers_start_with_the_default_scanner_built():
    assert run_in_pool(_scanners_built, [{}], 1) == [1]  # in the fork server (engine.warm)


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here"
)
def test_pool_workers_start_with_the_preloaded_objects_frozen():
    # engine.warm freezes what the fork server loaded: a worker's full collections skip it
    assert run_in_pool(_frozen_objects, [{}], 1)[0] > 10_000


def _frozen_objects() -> int:
    import gc

    return gc.get_freeze_count()


def _scanners_built() -> int:
    from provenance.framing.scan import cached_scanner

    return cached_scanner.cache_info().currsize
