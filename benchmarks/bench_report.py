"""Report benchmark: the HTML report of a generated corpus, its size, and how fast it opens.

    python benchmarks/bench_report.py                 # 10,000 articles, with framing
    python benchmarks/bench_report.py --n 2000 --no-framing --keep /tmp/report.html

Generates a corpus (provenance/synthetic.py), runs the analysis, then prints:
render time and file size of ``report.html`` (issue target: < 20 MB at 10,000 articles), the
wall time headless Chromium takes to load it, and, measured inside the page with
``performance.now()`` and read back through ``--dump-dom``, the page script's start-up time and
the time to apply a filter (preset in the address: ``#state=state&evidence=text_reuse``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from provenance.analysis import analyze_articles  # noqa: E402
from provenance.report import LINK_VIEW_CAP, render_html  # noqa: E402
from provenance.synthetic import generate_corpus  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FILTER = "#state=state&evidence=text_reuse"


def open_in_chromium(path: Path, fragment: str = "") -> tuple[float, dict[str, str]]:
    """Wall seconds for headless Chromium to load the page and dump its DOM, and the page's
    own timings from the ``#js-ok`` marker."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={profile}", "--dump-dom",
            path.resolve().as_uri() + fragment,
        ]  # fmt: skip
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
        wall = time.perf_counter() - start
    marker = re.search(r'<div id="js-ok"([^>]*)>', done.stdout)
    if marker is None:
        raise RuntimeError(f"the page script did not finish: {done.stderr[-2000:]}")
    attrs = dict(re.findall(r'data-([\w-]+)="([^"]*)"', marker.group(1)))
    return wall, attrs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate")
    parser.add_argument("--outlets", type=int, default=100)
    parser.add_argument("--no-framing", action="store_true", help="skip the framing stage")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="also write the report here")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    articles, _, outlets = generate_corpus(args.n, n_outlets=args.outlets, seed=args.seed)
    analysis = analyze_articles(articles, outlets=outlets, framing=not args.no_framing)
    tables = analysis.tables
    print(
        f"corpus: {len(articles):,} articles, {len(tables['links']):,} links, "
        f"{len(tables['chains']):,} chains, {len(tables['passages']):,} passages "
        f"(generated and analysed in {time.perf_counter() - start:.1f} s)"
    )

    start = time.perf_counter()
    page = render_html(tables, title=f"benchmark: {args.n:,} articles")
    render_s = time.perf_counter() - start
    again = render_html(tables, title=f"benchmark: {args.n:,} articles")
    size = len(page.encode("utf-8"))
    print(
        f"render_html: {render_s:.2f} s, {size / 1e6:.2f} MB "
        f"({min(LINK_VIEW_CAP, len(tables['links'])):,} full link views); "
        f"deterministic: {page == again}"
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(page, encoding="utf-8")
        if args.keep:
            shutil.copyfile(path, args.keep)
        if not Path(CHROMIUM).exists():
            print("chromium not installed (.ci/browser.sh installs it): browser timings skipped")
            return 0
        wall, attrs = open_in_chromium(path)
        print(
            f"chromium open (headless, load + dump DOM): {wall:.2f} s wall; page script "
            f"{attrs.get('init-ms')} ms; rows shown per table {attrs.get('rows')}"
        )
        wall, attrs = open_in_chromium(path, FILTER)
        print(
            f"chromium open with filter {FILTER}: {wall:.2f} s wall; page script "
            f"{attrs.get('init-ms')} ms, of which filtering {attrs.get('filter-ms')} ms; "
            f"rows matching per table {attrs.get('rows')}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
