"""The ``provenance`` command line: the same names and results as the Python API.

provenance analyze data/demo --out reports/
provenance trace data/demo --article https://meridian-wire.com/...
provenance compare data/demo --sort share_from_state_media
provenance outlets --search sputnik
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import pandas as pd

from provenance import __version__

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, directories or globs: txt page dumps, html, csv, jsonl, parquet, warc (gzip too)",
    )
    parser.add_argument(
        "--outlets",
        metavar="FILE.csv",
        help="your own outlet registry: adds to or overrides the shipped one",
    )
    parser.add_argument(
        "--columns",
        metavar="OURS=THEIRS,...",
        help="column mapping for tables, e.g. text=article_body,published=pub_time",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bars or per-error lines"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="provenance",
        description="Trace syndication chains in news corpora and score every link for framing.",
    )
    parser.add_argument("--version", action="version", version=f"provenance {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    for add_command in (_add_analyze, _add_trace, _add_compare, _add_outlets):
        add_command(sub)
    return parser


def _add_analyze(sub: argparse._SubParsersAction) -> None:
    """The ``analyze`` command and its options."""
    analyze = sub.add_parser(
        "analyze",
        help="run the whole pipeline and write the tables and report.html",
        description="Ingest articles, trace credits, citations and text reuse into chains, score "
        "framing, and write CSV/Parquet tables plus report.html into --out.",
    )
    _add_input_options(analyze)
    analyze.add_argument(
        "--out", default="reports", metavar="DIR", help="report directory (default: reports)"
    )
    analyze.add_argument(
        "--format",
        default="csv",
        metavar="csv[,parquet]",
        help="table formats to write (default: csv)",
    )
    analyze.add_argument(
        "--include-text", action="store_true", help="keep article text in articles.csv"
    )
    analyze.add_argument("--no-framing", action="store_true", help="skip framing features (faster)")
    analyze.add_argument(
        "--lexicons",
        metavar="PATH",
        help="framing lexicons to add or override: a folder of NAME.txt lists or a JSON file",
    )
    analyze.add_argument(
        "--no-report", action="store_true", help="write tables only, no report.html"
    )
    analyze.add_argument(
        "--figures", action="store_true", help="also write plots as PNG/SVG into DIR/figures/"
    )
    analyze.add_argument(
        "--engine",
        choices=("pandas", "dask"),
        default="pandas",
        help="pandas (in-process, default) or dask (needs the [dask] extra)",
    )
    analyze.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="pandas: processes for the per-article stages (outlets, attribution, quotes, "
        "framing; default: every core), used from 2,000 articles a worker; dask: local "
        "cluster workers",
    )
    analyze.add_argument(
        "--scheduler", metavar="ADDRESS", help="dask: connect to an existing cluster"
    )
    analyze.add_argument(
        "--memory-limit", metavar="SIZE", help="dask: memory per local worker, e.g. 4GB"
    )
    analyze.add_argument(
        "--parquet-dir",
        metavar="DIR",
        help="dask: write the full articles table (texts, features) as partitioned Parquet here",
    )
    analyze.add_argument(
        "--shingle-size", type=int, metavar="K", help="text reuse: words per shingle"
    )
    analyze.add_argument(
        "--min-containment",
        type=float,
        metavar="X",
        help="text reuse: least share of the child found in the parent",
    )
    analyze.add_argument(
        "--max-doc-freq",
        type=float,
        metavar="N",
        help="text reuse: shingles in more documents than this are site furniture "
        "(a count, or a share of the corpus below 1; default max(50, 0.5%%))",
    )
    analyze.add_argument(
        "--keep-same-outlet",
        action="store_true",
        help="text reuse: also link articles of the same outlet",
    )


def _add_trace(sub: argparse._SubParsersAction) -> None:
    """The ``trace`` command and its options."""
    trace = sub.add_parser(
        "trace",
        help="print one article's chain with its evidence",
        description="Analyse INPUTs and print the chain of one article.",
    )
    _add_input_options(trace)
    trace.add_argument(
        "--article",
        required=True,
        metavar="URL_OR_ID",
        help="article_id, URL or source file of the article",
    )


def _add_compare(sub: argparse._SubParsersAction) -> None:
    """The ``compare`` command and its options."""
    compare = sub.add_parser(
        "compare",
        help="print the outlet comparison table",
        description="Analyse INPUTs and print one row per outlet.",
    )
    _add_input_options(compare)
    compare.add_argument(
        "--sort", default="n_articles", metavar="COLUMN", help="column to sort by (descending)"
    )
    compare.add_argument("--csv", action="store_true", help="print CSV instead of an aligned table")


def _add_outlets(sub: argparse._SubParsersAction) -> None:
    """The ``outlets`` command and its options."""
    outlets = sub.add_parser(
        "outlets",
        help="list or check the outlet registry",
        description="List the shipped registry (plus --outlets), or --check a user file.",
    )
    outlets.add_argument("--search", metavar="TEXT", help="name, alias or domain contains TEXT")
    outlets.add_argument("--country", metavar="XX", help="ISO 3166-1 alpha-2 country code")
    outlets.add_argument(
        "--state-affiliated", action="store_true", help="only state-affiliated outlets"
    )
    outlets.add_argument("--outlets", metavar="FILE.csv", help="add your own registry file")
    outlets.add_argument(
        "--check", metavar="FILE.csv", help="validate a user registry file and exit"
    )
    outlets.add_argument("--csv", action="store_true", help="print CSV instead of an aligned table")


def _columns(spec: str | None) -> dict[str, str] | None:
    if not spec:
        return None
    mapping = {}
    for item in spec.split(","):
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise ValueError(f"--columns expects OURS=THEIRS pairs, got {item!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _run_analysis(args: argparse.Namespace, *, framing: bool = True):
    import provenance
    from provenance.reuse.params import ReuseParams

    reuse_options = {}
    for option in ("shingle_size", "min_containment", "max_doc_freq"):
        value = getattr(args, option, None)
        if value is not None:
            reuse_options[option] = value
    if reuse_options.get("max_doc_freq", 0) >= 1:
        reuse_options["max_doc_freq"] = int(reuse_options["max_doc_freq"])
    if getattr(args, "keep_same_outlet", False):
        reuse_options["keep_same_outlet"] = True
    engine = getattr(args, "engine", "pandas")
    extra = {"workers": getattr(args, "workers", None)}
    if engine == "dask":
        options = {"memory_limit": args.memory_limit, "parquet_dir": args.parquet_dir}
        extra |= {
            "scheduler": args.scheduler,
            "engine_options": {k: v for k, v in options.items() if v is not None},
        }
    analysis = provenance.analyze(
        args.inputs,
        outlets=args.outlets,
        columns=_columns(args.columns),
        framing=framing,
        lexicons=getattr(args, "lexicons", None),
        reuse_options=ReuseParams(**reuse_options),
        engine=engine,
        quiet=args.quiet,
        **extra,
    )
    errors = analysis.errors
    if len(errors) and not args.quiet:
        print(
            f"provenance: {len(errors)} input record(s) rejected or partly kept; see errors.csv",
            file=sys.stderr,
        )
    return analysis


def _print_table(frame: pd.DataFrame, as_csv: bool) -> None:
    if as_csv:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        with pd.option_context(
            "display.max_rows",
            None,
            "display.max_columns",
            None,
            "display.width",
            200,
            "display.max_colwidth",
            40,
        ):
            print(frame.to_string(index=False))


def cmd_analyze(args: argparse.Namespace) -> int:
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    analysis = _run_analysis(args, framing=not args.no_framing)
    paths = analysis.write(
        args.out,
        formats=formats,
        report=not args.no_report,
        figures=args.figures,
        include_text=args.include_text,
    )
    if not args.quiet:
        counts = analysis.summary()
        print(
            f"provenance: {counts.get('articles', 0)} articles, {counts.get('links', 0)} links, "
            f"{counts.get('errors', 0)} errors; wrote {len(paths)} files to {args.out}",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_trace(args: argparse.Namespace) -> int:
    from provenance.chains.trace import format_trace

    analysis = _run_analysis(args, framing=False)
    try:
        trace = analysis.trace(args.article)
    except KeyError as err:
        print(f"provenance: {err.args[0]}", file=sys.stderr)
        return EXIT_USAGE
    print(format_trace(trace))
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    analysis = _run_analysis(args)
    table = analysis.outlet_comparison
    if args.sort not in table.columns:
        print(
            f"provenance: no column {args.sort!r}; choose from {', '.join(table.columns)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    table = table.sort_values(args.sort, ascending=False, kind="mergesort")
    if not args.csv:  # the terminal view: the comparison itself; every f_/d_ mean is in --csv
        from provenance.schema import TABLES

        table = table[
            [
                *TABLES["outlet_comparison"].names,
                *([args.sort] if args.sort.startswith(("f_", "d_")) else []),
            ]
        ]
    _print_table(table, args.csv)
    return EXIT_OK


def cmd_outlets(args: argparse.Namespace) -> int:
    from provenance.outlets import check_outlets_file, load_registry

    if args.check:
        problems = check_outlets_file(args.check)
        for problem in problems:
            print(f"{args.check}: {problem}", file=sys.stderr)
        if problems:
            return EXIT_FAILURE
        print(f"{args.check}: ok")
        return EXIT_OK
    registry = load_registry(args.outlets)
    found = registry.search(
        text=args.search,
        country=args.country,
        state_affiliated=True if args.state_affiliated else None,
    )
    shown = (
        found
        if args.csv
        else found[["outlet_id", "name", "country", "kind", "ownership", "state_affiliated"]]
    )
    _print_table(shown, args.csv)
    return EXIT_OK


COMMANDS = {
    "analyze": cmd_analyze,
    "trace": cmd_trace,
    "compare": cmd_compare,
    "outlets": cmd_outlets,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``provenance`` console script; returns the exit code."""
    from provenance.ingest import InputNotFoundError
    from provenance.outlets import OutletRegistryError

    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (InputNotFoundError, FileNotFoundError) as err:
        print(f"provenance: {err}", file=sys.stderr)
        return EXIT_USAGE
    except (OutletRegistryError, ValueError) as err:
        print(f"provenance: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("provenance: interrupted; no report was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
