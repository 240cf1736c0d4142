"""Where the quotes stage spends its CPU: every compiled pattern it reads, timed call by call.

Each regex, anchored scan and right-to-left matcher of the quotes and speaker modules is
wrapped in a timer (``time.thread_time``, CPU of this thread: the machine may be shared), then
``extract_quotes`` runs over the first ``--n`` real ABP articles (as ``bench_attribution.py
--abp`` reads them). Printed: the top patterns by CPU per article, with calls and CPU per call.
A timed call costs ~1 us more than a plain one: that overhead is measured (``timer_overhead``)
and taken off every pattern's figure once a call (net), which otherwise overstated patterns
called often two to three times (a finditer's matches are timed one by one: its net figure
still holds their overheads); the whole run's CPU is printed beside the plain run's for scale.

Run: ``python benchmarks/profile_quotes.py [--n 3000] [--top 30]``
"""

from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from collections.abc import Callable

from bench_attribution import load_abp

import provenance.attribution._paragraphs as paragraphs_module
import provenance.attribution.speakers as speakers_module
import provenance.quotes.extract as extract_module
import provenance.text as text_module
from provenance.attribution._scan import AnchoredScan
from provenance.attribution.reverse import ReverseMatcher
from provenance.outlets import load_registry
from provenance.quotes import extract_quotes

MODULES = (extract_module, speakers_module, paragraphs_module, text_module)
# (calls, CPU seconds) per (pattern name, method)
STATS: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])


class TimedPattern:
    """A compiled pattern whose match, search, findall, sub and finditer are timed."""

    def __init__(self, name: str, pattern: re.Pattern[str]) -> None:
        self._name, self._pattern = name, pattern

    def __getattr__(self, attr: str) -> object:
        return getattr(self._pattern, attr)

    def _timed(self, method: str, *args: object, **kwargs: object) -> object:
        stat, start = STATS[(self._name, method)], time.thread_time()
        found = getattr(self._pattern, method)(*args, **kwargs)
        stat[0] += 1
        stat[1] += time.thread_time() - start
        return found

    def match(self, *args: object) -> object:
        return self._timed("match", *args)

    def search(self, *args: object) -> object:
        return self._timed("search", *args)

    def findall(self, *args: object) -> object:
        return self._timed("findall", *args)

    def sub(self, *args: object, **kwargs: object) -> object:
        return self._timed("sub", *args, **kwargs)

    def finditer(self, *args: object):
        """The matches, the time to find each (not the caller's work between them) counted."""
        stat = STATS[(self._name, "finditer")]
        stat[0] += 1
        found = self._pattern.finditer(*args)
        while True:
            start = time.thread_time()
            m = next(found, None)
            stat[1] += time.thread_time() - start
            if m is None:
                return
            yield m


def instrument() -> None:
    """Wrap every module-level pattern, scan and reverse matcher of ``MODULES`` (once each)."""
    seen: set[int] = set()
    for module in MODULES:
        short = module.__name__.rsplit(".", 1)[-1]
        for name, value in list(vars(module).items()):
            if id(value) in seen:
                continue
            seen.add(id(value))
            if isinstance(value, re.Pattern):
                setattr(module, name, TimedPattern(f"{short}.{name}", value))
            elif isinstance(value, AnchoredScan):
                value.pattern = TimedPattern(f"{short}.{name} (anchored)", value.pattern)
            elif isinstance(value, ReverseMatcher):
                value._reversed = TimedPattern(f"{short}.{name} (reversed)", value._reversed)


def timer_overhead(calls: int = 20_000) -> float:
    """CPU seconds a timed call costs beyond the plain one (a one-letter pattern's match,
    ``calls`` times each, the cheaper of three tries): what each call's figure below
    overstates by. (1,000 ABP articles: ROLE_NAME_SCAN's 36,590 matches were printed as 85 us
    an article, their plain cost measured alone 30-38 us.)"""
    pattern, timed = re.compile("x"), TimedPattern("overhead", re.compile("x"))
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for _ in range(calls):
            pattern.match("y")
        plain = time.process_time() - start
        start = time.process_time()
        for _ in range(calls):
            timed.match("y")
        best = min(best, time.process_time() - start - plain)
    STATS.pop(("overhead", "match"), None)
    return max(0.0, best / calls)


def timed_runs(
    label: str, run: Callable[[], object], instrument: Callable[[], None], n: int, top: int
) -> None:
    """Run ``run`` plain, then with ``instrument``'s timers, and print the top patterns by CPU
    per article, net of the timer's own cost per call (``timer_overhead``). The caller warms
    ``run`` up first. ``profile_attribution.py`` prints its stages with it too."""
    start = time.process_time()
    run()
    plain = time.process_time() - start
    instrument()
    start = time.process_time()
    run()
    timed = time.process_time() - start
    overhead = timer_overhead()
    print(f"{n} articles{label}: {plain / n * 1e6:.0f} us CPU an article "
          f"({timed / n * 1e6:.0f} timed)")  # fmt: skip
    print(f"(a timed call costs ~{overhead * 1e6:.2f} us more: net is the figure less that)")
    net = {key: (calls, seconds - calls * overhead) for key, (calls, seconds) in STATS.items()}
    ranked = sorted(net.items(), key=lambda item: -item[1][1])[:top]
    for (name, method), (calls, seconds) in ranked:
        print(
            f"{seconds / n * 1e6:7.1f} us/article net {int(calls):8d} calls "
            f"{seconds / max(calls, 1) * 1e6:6.2f} us/call  {name}.{method}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="ABP articles (default 3000)")
    parser.add_argument("--top", type=int, default=30, help="patterns printed (default 30)")
    args = parser.parse_args()
    articles, registry = load_abp(args.n), load_registry()
    extract_quotes(articles, registry)  # warm: rejoined texts, compiled patterns
    timed_runs("", lambda: extract_quotes(articles, registry), instrument, len(articles), args.top)


if __name__ == "__main__":
    main()
