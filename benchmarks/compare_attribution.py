"""Dump the credits, citations and quotes tables of the first ``--n`` real ABP articles, or
compare two dumps field by field (a speed change must leave every row and field as it was).

Run: ``python benchmarks/compare_attribution.py dump --n 6000 --out /tmp/before`` (writes
``credits.parquet``, ``citations.parquet``, ``quotes.parquet`` there), then after the change
``python benchmarks/compare_attribution.py compare /tmp/before /tmp/after``. ``--tables quotes``
(on both commands) dumps and compares only the tables named. The dumps hold article text
excerpts: keep them outside the repository.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
from bench_attribution import load_abp

from provenance.attribution import extract_citations, extract_credits
from provenance.outlets import load_registry
from provenance.quotes import extract_quotes

TABLES = {"credits": extract_credits, "citations": extract_citations, "quotes": extract_quotes}


def dump(n: int, out: Path, tables: tuple[str, ...] = tuple(TABLES)) -> None:
    """Write the ``tables`` of the first ``n`` ABP articles to ``out``/<table>.parquet."""
    articles, registry = load_abp(n), load_registry()
    out.mkdir(parents=True, exist_ok=True)
    for name in tables:
        extract = TABLES[name]
        table = extract(articles, registry)
        table.to_parquet(out / f"{name}.parquet")
        print(f"{name}: {len(table)} rows")


def differences(before: pd.DataFrame, after: pd.DataFrame) -> list[str]:
    """What differs between two tables: columns, row counts, then each field, row by row."""
    if list(before.columns) != list(after.columns):
        return [f"columns {list(before.columns)} != {list(after.columns)}"]
    if len(before) != len(after):
        return [f"rows {len(before)} != {len(after)}"]
    out = []
    for col in before.columns:
        a, b = before[col].reset_index(drop=True), after[col].reset_index(drop=True)
        same = (a == b).fillna(False) | (a.isna() & b.isna())
        for i in (~same).to_numpy().nonzero()[0][:5]:
            out.append(f"row {i} {col}: {a[i]!r} != {b[i]!r}")
    return out


def compare(before: Path, after: Path, tables: tuple[str, ...] = tuple(TABLES)) -> bool:
    """Print the rows and fields compared per table; True when all ``tables`` are equal."""
    equal = True
    for name in tables:
        a = pd.read_parquet(before / f"{name}.parquet")
        b = pd.read_parquet(after / f"{name}.parquet")
        diffs = differences(a, b)
        print(f"{name}: {len(a)} rows x {a.shape[1]} fields: {'SAME' if not diffs else 'DIFFER'}")
        for line in diffs[:20]:
            print("   ", line)
        equal &= not diffs
    return equal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--n", type=int, default=6000)
    d.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    for command in (d, c):
        command.add_argument("--tables", nargs="+", choices=list(TABLES), default=list(TABLES))
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.n, args.out, args.tables)
    else:
        sys.exit(0 if compare(args.before, args.after, args.tables) else 1)


if __name__ == "__main__":
    main()
