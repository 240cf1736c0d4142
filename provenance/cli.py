"""The ``provenance`` command line: the same names and results as the Python API.

provenance analyze data/demo --out reports/
provenance trace data/demo --article https://meridian-wire.com/...
provenance compare data/demo --sort share_from_state_media
provenance outlets --search sputnik
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import pandas as pd

from provenance import __version__

# 1: the run found nothing to analyse (or a check failed); 2: the command line or a user file
# is wrong; 3: a bug (an internal error), named by stage; --debug prints its traceback.
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    """An option or user file is wrong: reported before any work starts, exit 2."""


class NothingToAnalyse(Exception):
    """No input file or no article was read: exit 1, with a hint on what to change."""


# What to change when no article was read, by the kind of the commonest error.
_HINTS = {
    "no text column": "name the column that holds the article text: --columns text=COLUMN",
    "record has no text": "the text column is empty: map another one with --columns text=COLUMN",
    "malformed CSV line": "check the file's delimiter, quoting and header line",
    "unsupported file type": "inputs are .txt, .html, .csv, .jsonl, .json, .parquet, .warc files",
}


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
    _add_debug_option(parser)


def _add_debug_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    # SUPPRESS on the subcommands, so `provenance --debug analyze ...` is not reset by them.
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help="print the traceback of an internal error",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="provenance",
        description="Trace syndication chains in news corpora and score every link for framing.",
    )
    parser.add_argument("--version", action="version", version=f"provenance {__version__}")
    _add_debug_option(parser, default=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    for add_command in (_add_analyze, _add_trace, _add_compare, _add_outlets):
        add_command(sub)
    return parser


def _command_with_inputs(
    sub: argparse._SubParsersAction, name: str, *, help: str, description: str
) -> argparse.ArgumentParser:
    """A subcommand that analyses INPUTs: its parser with the input options added."""
    parser = sub.add_parser(name, help=help, description=description)
    _add_input_options(parser)
    return parser


def _add_analyze(sub: argparse._SubParsersAction) -> None:
    """The ``analyze`` command and its options."""
    analyze = _command_with_inputs(
        sub,
        "analyze",
        help="run the whole pipeline and write the tables and report.html",
        description="Ingest articles, trace credits, citations and text reuse into chains, score "
        "framing, and write CSV/Parquet tables plus report.html into --out.",
    )
    _add_output_options(analyze)
    _add_engine_options(analyze)
    _add_reuse_options(analyze)


def _add_output_options(analyze: argparse.ArgumentParser) -> None:
    """What ``analyze`` writes: folder, formats, text, framing, report and figures."""
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


def _add_engine_options(analyze: argparse.ArgumentParser) -> None:
    """Where ``analyze`` runs: the engine, its workers and the Dask cluster."""
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


def _add_reuse_options(analyze: argparse.ArgumentParser) -> None:
    """The text-reuse parameters of ``analyze`` (:class:`provenance.reuse.ReuseParams`)."""
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
    trace = _command_with_inputs(
        sub,
        "trace",
        help="print one article's chain with its evidence",
        description="Analyse INPUTs and print the chain of one article.",
    )
    trace.add_argument(
        "--article",
        required=True,
        metavar="URL_OR_ID",
        help="article_id, URL or source file of the article",
    )


def _add_compare(sub: argparse._SubParsersAction) -> None:
    """The ``compare`` command and its options."""
    compare = _command_with_inputs(
        sub,
        "compare",
        help="print the outlet comparison table",
        description="Analyse INPUTs and print one row per outlet.",
    )
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
    _add_debug_option(outlets)


def _columns(spec: str | None) -> dict[str, str] | None:
    if not spec:
        return None
    mapping = {}
    for item in spec.split(","):
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise UsageError(f"--columns expects OURS=THEIRS pairs, got {item!r}")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _reuse_options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {}
    for option in ("shingle_size", "min_containment", "max_doc_freq"):
        value = getattr(args, option, None)
        if value is not None:
            options[option] = value
    if options.get("max_doc_freq", 0) >= 1:
        options["max_doc_freq"] = int(options["max_doc_freq"])
    if getattr(args, "keep_same_outlet", False):
        options["keep_same_outlet"] = True
    return options


def _check_options(args: argparse.Namespace) -> None:
    """Validate every option and user file before any work starts (UsageError, exit 2).

    Stores the parsed ``column_map``, ``formats`` and ``reuse_params`` on ``args``. Inputs
    that hold no article file raise :class:`NothingToAnalyse`.
    """
    try:
        _check_option_values(args)
    except (ValueError, TypeError, OSError) as err:  # the API's own checks of the values
        raise UsageError(str(err)) from err


@contextmanager
def _option(name: str) -> Iterator[None]:
    """Turn the API's ValueError/TypeError/OSError about an option's value into a UsageError
    that starts with the option as typed (``--workers: ...``)."""
    try:
        yield
    except (ValueError, TypeError, OSError) as err:
        raise UsageError(f"{name}: {err}") from err


def _check_option_values(args: argparse.Namespace) -> None:
    from provenance.engine.pool import check_workers
    from provenance.framing.lexicons import load_lexicons
    from provenance.ingest import InputNotFoundError
    from provenance.ingest.files import resolve_inputs
    from provenance.ingest.normalise import check_columns
    from provenance.io import FORMATS
    from provenance.outlets import check_outlets_file
    from provenance.reuse.params import ReuseParams

    args.column_map = check_columns(_columns(args.columns)) or None
    formats = tuple(f.strip() for f in getattr(args, "format", "csv").split(",") if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise UsageError(f"--format: unknown format(s) {bad}; choose from {', '.join(FORMATS)}")
    args.formats = formats
    out = getattr(args, "out", None)
    if out is not None and os.path.exists(out) and not os.path.isdir(out):
        raise UsageError(f"--out {out}: exists and is not a directory")
    if args.outlets:
        problems = check_outlets_file(args.outlets)
        if problems:
            raise UsageError(f"--outlets {args.outlets}: " + "; ".join(problems[:5]))
    if getattr(args, "lexicons", None):
        with _option("--lexicons"):
            load_lexicons(args.lexicons)
    with _option("--workers"):
        check_workers(getattr(args, "workers", None))
    reuse_options = _reuse_options(args)
    named = "/".join(f"--{k.replace('_', '-')}" for k in reuse_options) or "text reuse"
    with _option(named):
        args.reuse_params = ReuseParams(**reuse_options)
    _check_engine_options(args)
    try:
        found = resolve_inputs(args.inputs)
    except InputNotFoundError as err:
        raise UsageError(f"{err.filename}: {err.strerror}") from err
    if not found:
        raise NothingToAnalyse(
            f"no article files in {' '.join(args.inputs)}\nprovenance: hint: {_HINTS['unsupported file type']}"
            " (README*, *.md, outlets.csv and hidden files inside folders are skipped)"
        )


def _check_engine_options(args: argparse.Namespace) -> None:
    """The dask-only options need ``--engine dask``, and that needs the dask extra."""
    if getattr(args, "engine", "pandas") != "dask":
        given = [
            f"--{name.replace('_', '-')}"
            for name in ("scheduler", "memory_limit", "parquet_dir")
            if getattr(args, name, None) is not None
        ]
        if given:
            raise UsageError(f"{', '.join(given)}: dask option(s); add --engine dask")
    elif importlib.util.find_spec("distributed") is None:
        raise UsageError("--engine dask needs the dask extra: pip install 'provenance[dask]'")


def _run_analysis(args: argparse.Namespace, *, framing: bool = True):
    import provenance
    from provenance.progress import stage

    engine = getattr(args, "engine", "pandas")
    extra = {"workers": getattr(args, "workers", None)}
    if engine == "dask":
        options = {"memory_limit": args.memory_limit, "parquet_dir": args.parquet_dir}
        extra |= {
            "scheduler": args.scheduler,
            "engine_options": {k: v for k, v in options.items() if v is not None},
        }
    with stage("analyze"):
        analysis = provenance.analyze(
            args.inputs,
            outlets=args.outlets,
            columns=args.column_map,
            framing=framing,
            lexicons=getattr(args, "lexicons", None),
            reuse_options=args.reuse_params,
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


def _nothing_read(errors: pd.DataFrame, written: bool) -> NothingToAnalyse:
    """The error for a run that read no article: its commonest problem and what to change."""
    from provenance.errors import error_kind

    where = "errors.csv" if written else "the errors table"
    if errors.empty:
        return NothingToAnalyse("no articles read: the inputs hold no records")
    kinds = errors["reason"].map(error_kind)
    commonest = kinds.value_counts(sort=True).index[0]
    example = errors.loc[kinds == commonest, "reason"].iloc[0]
    hint = next((h for k, h in _HINTS.items() if commonest.startswith(k)), f"see {where}")
    return NothingToAnalyse(
        f"no articles read; {len(errors):,} error(s) in {where}, commonest "
        f"({int((kinds == commonest).sum()):,}): {example}\nprovenance: hint: {hint}"
    )


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
    _check_options(args)
    analysis = _run_analysis(args, framing=not args.no_framing)
    paths = analysis.write(
        args.out,
        formats=args.formats,
        report=not args.no_report,
        figures=args.figures,
        include_text=args.include_text,
    )
    if analysis.articles.empty:
        raise _nothing_read(analysis.errors, written=True)
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

    _check_options(args)
    analysis = _run_analysis(args, framing=False)
    if analysis.articles.empty:
        raise _nothing_read(analysis.errors, written=False)
    try:
        trace = analysis.trace(args.article)
    except KeyError as err:
        print(f"provenance: {err.args[0]}", file=sys.stderr)
        return EXIT_USAGE
    print(format_trace(trace))
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    from provenance.schema import TABLES

    _check_options(args)
    if args.sort not in TABLES["outlet_comparison"].names and not args.sort.startswith(
        ("f_", "d_")
    ):
        raise UsageError(
            f"--sort: no column {args.sort!r}; choose from "
            f"{', '.join(TABLES['outlet_comparison'].names)} or an f_/d_ framing column"
        )
    analysis = _run_analysis(args)
    if analysis.articles.empty:
        raise _nothing_read(analysis.errors, written=False)
    table = analysis.outlet_comparison
    if args.sort not in table.columns:
        print(
            f"provenance: no column {args.sort!r}; choose from {', '.join(table.columns)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    table = table.sort_values(args.sort, ascending=False, kind="mergesort")
    if not args.csv:  # the terminal view: the comparison itself; every f_/d_ mean is in --csv
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
    if found.empty and not args.csv:
        asked = [
            f"{k} {v!r}" for k, v in (("--search", args.search), ("--country", args.country)) if v
        ]
        asked += ["--state-affiliated"] if args.state_affiliated else []
        print(f"provenance: no outlet matches {', '.join(asked)}", file=sys.stderr)
        return EXIT_OK
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


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv``; an unknown option is reported with the usage of its command
    (``provenance analyze ...``), not the top-level one that lists no options."""
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        commands.choices[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``provenance`` console script; returns the exit code."""
    from provenance.ingest import InputNotFoundError
    from provenance.outlets import OutletRegistryError

    args = _parse(argv)
    try:
        return COMMANDS[args.command](args)
    except NothingToAnalyse as err:
        print(f"provenance: {err}", file=sys.stderr)
        return EXIT_FAILURE
    except (UsageError, InputNotFoundError, OutletRegistryError) as err:
        print(f"provenance: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("provenance: interrupted; no report was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:
        return _internal_error(err, args)


def _internal_error(err: Exception, args: argparse.Namespace) -> int:
    """Report a failure in provenance itself: exit 3, the stage it happened in, the traceback
    with ``--debug``. Option checks run before any work, so what fails later is a bug."""
    from provenance.progress import stage_of

    debug = getattr(args, "debug", False)
    if debug:
        traceback.print_exception(err)
    advice = "the traceback is above" if debug else "rerun with --debug for the traceback"
    print(
        f"provenance: internal error in stage {stage_of(err) or args.command!r}: "
        f"{type(err).__name__}: {err}\nprovenance: this is a bug in provenance; {advice}",
        file=sys.stderr,
    )
    return EXIT_INTERNAL
