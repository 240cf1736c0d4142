"""Where the credits and citations stages spend their CPU: every compiled pattern they read,
timed call by call (as ``profile_quotes.py`` does for quotes).

Each regex, anchored scan and right-to-left matcher of the credits, citations and helper
modules is wrapped in a timer (``time.thread_time``), then the stage runs over the first
``--n`` real ABP articles (as ``bench_attribution.py --abp`` reads them; the rejoined texts
are cached first, so rejoining is not counted). Printed: the plain run's CPU per article, then
the top patterns by CPU per article, with calls and CPU per call, net of the timer's own cost
per call (``profile_quotes.timed_runs``).

Run: ``python benchmarks/profile_attribution.py [--stage citations] [--n 3000] [--top 30]``
"""

from __future__ import annotations

import argparse
import re

from bench_attribution import load_abp
from profile_quotes import TimedPattern, timed_runs

import provenance.attribution._detok as detok_module
import provenance.attribution.citations as citations_module
import provenance.attribution.credits as credits_module
import provenance.attribution.patterns as patterns_module
import provenance.attribution.resolve as resolve_module
import provenance.attribution.speakers as speakers_module
from provenance.attribution import extract_citations, extract_credits
from provenance.attribution._input import article_columns
from provenance.attribution._scan import AnchoredScan
from provenance.attribution.reverse import ReverseMatcher
from provenance.outlets import load_registry

MODULES = (
    citations_module, credits_module, speakers_module, resolve_module, patterns_module,
    detok_module,
)  # fmt: skip
STAGES = {"credits": extract_credits, "citations": extract_citations}


def _wrap(short: str, name: str, value: object, seen: set[int]) -> object | None:
    """The timed stand-in for one module attribute (None: leave it)."""
    if id(value) in seen:
        return None
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        return TimedPattern(f"{short}.{name}", value)
    if isinstance(value, AnchoredScan):
        value.pattern = TimedPattern(f"{short}.{name} (anchored)", value.pattern)
    elif isinstance(value, ReverseMatcher):
        value._reversed = TimedPattern(f"{short}.{name} (reversed)", value._reversed)
    elif isinstance(value, tuple) and name == "LINE_PATTERNS":  # credits' table of patterns
        return tuple(
            (kind, where, TimedPattern(f"{short}.LINE_PATTERNS[{i}] {kind}/{where}", pat), gates)
            for i, (kind, where, pat, gates) in enumerate(value)
        )
    return None


def instrument() -> None:
    """Wrap every module-level pattern, scan and reverse matcher of ``MODULES`` (once each)."""
    seen: set[int] = set()
    for module in MODULES:
        short = module.__name__.rsplit(".", 1)[-1]
        for name, value in list(vars(module).items()):
            timed = _wrap(short, name, value, seen)
            if timed is not None:
                setattr(module, name, timed)
    # credits keys its line gates by pattern id: the timed patterns take the gates of theirs
    gates = credits_module._LINE_GATES_BY_ID
    for _, _, pattern, _ in credits_module.LINE_PATTERNS:
        inner = getattr(pattern, "_pattern", pattern)
        if id(inner) in gates:
            gates[id(pattern)] = gates[id(inner)]
    needles = credits_module._LINE_NEEDLES  # and the needles of theirs
    for _, _, pattern, _ in credits_module.LINE_PATTERNS:
        inner = getattr(pattern, "_pattern", pattern)
        if id(inner) in needles:
            needles[id(pattern)] = needles[id(inner)]
    timed_line = credits_module._TIME_LINE_RE
    gates[id(timed_line)] = gates[id(timed_line._pattern)]
    credits_module._UNGATED_PATTERNS = tuple(
        entry for entry in credits_module.LINE_PATTERNS if entry[1] not in credits_module._GATED
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", choices=sorted(STAGES), default="citations")
    parser.add_argument("--n", type=int, default=3000, help="ABP articles (default 3000)")
    parser.add_argument("--top", type=int, default=30, help="patterns printed (default 30)")
    args = parser.parse_args()
    articles, registry = load_abp(args.n), load_registry()
    stage = STAGES[args.stage]
    article_columns(articles)  # the rejoined texts, cached
    stage(articles, registry)  # warm: compiled patterns, registry cache
    timed_runs(
        f", {args.stage}", lambda: stage(articles, registry), instrument, len(articles), args.top
    )


if __name__ == "__main__":
    main()
