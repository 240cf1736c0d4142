"""Imported by the pool's fork server only (:data:`provenance.engine.pool.POOL_PRELOAD`): fills
the caches that the stages fill on first use, there, so that every worker forked from the
server starts with them instead of filling them at its first job.

Measured in one process with the stages imported, the first ABP job of 20 articles cost 0.47
CPU s and the next ones 0.17-0.20: the framing scanner of the default lexicons (its automaton
and its per-code-point byte table, ~0.1-0.15 s) and tldextract's suffix trie (~0.04 s) are most
of it, paid by each of a run's workers (two for the per-article stages and two for link framing
on 2 cores). A run with its own lexicons builds its scanner in the workers as before.
"""

from __future__ import annotations

import gc

from provenance.framing.features import scanner_for
from provenance.outlets.domains import registered_domain


def warm_caches() -> None:
    """Build the default lexicons' framing scanner and tldextract's suffix trie."""
    scanner_for(None)
    registered_domain("example.com")


def freeze_preloaded() -> None:
    """Move every object alive in the fork server (the stage modules, their compiled patterns,
    the caches above) to the collector's permanent generation, so that the workers forked from
    it never walk them again in a full collection. Session 14, extraction of the first 3,000 ABP
    articles in one process after the same imports: full collections 63 -> 7 us an article."""
    gc.collect()
    gc.freeze()


warm_caches()
freeze_preloaded()
