"""Dump the credits, citations and quotes tables of the first ``--n`` real ABP articles, or
compare two dumps field by field (a speed change must leave every row and field as it was).

Run: ``python benchmarks/compare_attribution.py dump --n 6000 --out /tmp/before`` (writes
``credits.parquet``, ``citations.parquet``, ``quotes.parquet`` there), then after the change
``python benchmarks/compare_attribution.py compare /tmp/before /tmp/after``. ``--tables quotes``
(on both commands) dumps and compares only the tables named. The dumps hold article text
excerpts: keep them outside the repository.

``dump --start S`` dumps the ``--n`` articles from ABP position ``S`` on (file order, every
article of a held-out split of ``tests/eval/real_attribution_ids.csv`` left out): a fresh range
for a rule or registry change. ``changes`` lists the rows one dump has and the other lacks
(keyed on article, kind, outlet, name and offset), with the text around each, for reading every
changed row when a change is meant to change rows (``compare`` wants none).
"""

from __future__ import annotations

import argparse
import csv
import sys
from itertools import islice
from pathlib import Path

import pandas as pd
from abp import abp_records
from bench_attribution import ROOT, abp_frame, load_abp

from provenance.attribution import extract_citations, extract_credits
from provenance.outlets import load_registry
from provenance.quotes import extract_quotes

TABLES = {"credits": extract_credits, "citations": extract_citations, "quotes": extract_quotes}


def load_range(start: int, n: int) -> pd.DataFrame:
    """The ``n`` ABP articles from position ``start`` on, every held-out id (any split but
    ``dev``) left out, in ``load_abp``'s columns."""
    if start == 0:
        return load_abp(n)
    with (ROOT / "tests" / "eval" / "real_attribution_ids.csv").open(encoding="utf-8") as f:
        skip = {r["id"] for r in csv.DictReader(f) if r["split"] != "dev"}
    return abp_frame(
        [r for r in islice(abp_records(None), start, start + n) if str(r["id"]) not in skip]
    )


def dump(n: int, out: Path, tables: tuple[str, ...] = tuple(TABLES), start: int = 0) -> None:
    """Write the ``tables`` of ``n`` ABP articles from ``start`` to ``out``/<table>.parquet."""
    articles, registry = load_range(start, n), load_registry()
    out.mkdir(parents=True, exist_ok=True)
    for name in tables:
        extract = TABLES[name]
        table = extract(articles, registry)
        if name != "quotes":  # the texts, for reading changed rows (``changes``)
            table = table.assign(
                context=[
                    text[max(0, a - 120) : b + 80]
                    for text, a, b in zip(
                        articles.set_index("article_id").loc[table["article_id"], "text"],
                        table["span_start"],
                        table["span_end"],
                        strict=True,
                    )
                ]
            )
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


_KEY = ["article_id", "kind", "outlet_id", "entity_text", "span_start"]


def changes(before: Path, after: Path, tables: tuple[str, ...] = ("credits", "citations")) -> None:
    """Print the rows of each table that only one dump has (``-`` before, ``+`` after), each
    with its key and the text around it."""
    for name in tables:
        a = pd.read_parquet(before / f"{name}.parquet")
        b = pd.read_parquet(after / f"{name}.parquet")
        both = a[_KEY].merge(b[_KEY], how="outer", indicator=True).drop_duplicates()
        gone = a.merge(both[both["_merge"] == "left_only"][_KEY], on=_KEY)
        new = b.merge(both[both["_merge"] == "right_only"][_KEY], on=_KEY)
        print(f"{name}: {len(a)} -> {len(b)} rows, {len(gone)} gone, {len(new)} new")
        for sign, rows in (("-", gone), ("+", new)):
            for r in rows.itertuples():
                context = " ".join(str(getattr(r, "context", "")).split())
                print(f"{sign} {r.article_id} {r.kind} {r.outlet_id} {r.entity_text!r}: {context}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--n", type=int, default=6000)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--start", type=int, default=0, help="first ABP position (held-out ids out)")
    c = sub.add_parser("compare")
    ch = sub.add_parser("changes")
    for command in (c, ch):
        command.add_argument("before", type=Path)
        command.add_argument("after", type=Path)
    for command in (d, c, ch):
        command.add_argument("--tables", nargs="+", choices=list(TABLES), default=list(TABLES))
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.n, args.out, args.tables, args.start)
    elif args.command == "changes":
        changes(args.before, args.after, tuple(t for t in args.tables if t != "quotes"))
    else:
        sys.exit(0 if compare(args.before, args.after, args.tables) else 1)


if __name__ == "__main__":
    main()
