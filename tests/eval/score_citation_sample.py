"""Citations on session 15's labelled seed-1504 sample (citations_sample_1504.csv).

The sample: ``random.Random(1504).sample(range(20_000), 1_600)`` less the positions of every
earlier seeded draw (1208:1300, 31208:1500, 121207, 20261208, 20261209, 131208: 3000 each,
71207:1200, 20261207:1300, 1309:2600, 1401:850, 1402:600, 1414:2500, 1313:1000) and of the
195 articles of credits_sample_1403.csv, labelled ids skipped: 421 ABP articles, 214 naming a
registered outlet other than their publisher. In id order every third is the ``unread`` part
(71), labelled after the rules of the session's commit 6b9c632; the other 143 were read and
labelled while rules changed. ``cited_outlets`` holds canonical keys (registry ids, or
``entity:<name>``), labelled by LABELLING.md at the article level; the texts are read from
../shared at scoring time.

Session 16's sample (citations_sample_1607.csv, drawn by draw_citations_1607.py) is scored with
``--sample tests/eval/citations_sample_1607.csv --part A|B|C|all``: A read for rules, B read only
as totals while a change is judged, C unread until the end.

Usage: python tests/eval/score_citation_sample.py [--sample CSV] [--part read|unread|A|B|C|all]
       [--errors]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from score_real_attribution import Canon, Tally, _tally, load_texts, same, short_self

from provenance.attribution import extract_citations
from provenance.outlets import load_registry

SAMPLE = Path(__file__).with_name("citations_sample_1504.csv")


def truth_keys(cell: str, canon: Canon) -> list[str]:
    """The labelled keys: ids as written, ``entity:<Name>`` resolved now (a name registered
    since the labels were written reads as its id), and so is an ``entity:<slug>`` that is a
    registered name with its blanks as hyphens (session 17's registry rows:
    "entity:national-catholic-reporter" is ``national-catholic-reporter`` now)."""
    keys = []
    for token in filter(None, (t.strip() for t in cell.split(";"))):
        name = token[7:] if token.startswith("entity:") else None
        if name and any(ch.isupper() for ch in name):
            keys.append(canon.key(name) or token)
        elif name:
            keys.append(next(iter(canon.registry.name_outlets(name.replace("-", " "))), token))
        else:
            keys.append(token)
    return keys


def score(part: str, sample: Path = SAMPLE) -> Tally:
    """Citation precision and recall on the sample's ``part`` (as score_real_attribution
    scores the labelled sets: article-level keys, the publisher's own name left out)."""
    import pandas as pd

    registry = load_registry()
    canon = Canon(registry)
    with sample.open(encoding="utf-8", newline="") as f:
        labels = [r for r in csv.DictReader(f) if part in ("all", r["part"])]
    texts = load_texts({(r["corpus"], r["id"]) for r in labels})
    arts = pd.DataFrame([{
        "article_id": f"{r['corpus']}:{r['id']}", "title": texts[(r["corpus"], r["id"])].get("title") or "",
        "text": texts[(r["corpus"], r["id"])].get("text") or "",
        "url": texts[(r["corpus"], r["id"])].get("url") or "",
    } for r in labels])  # fmt: skip
    arts["outlet_id"] = registry.resolve_urls(arts["url"]).where(arts["url"].ne(""))
    cited = extract_citations(arts, registry)
    tally = Tally()
    for row, own in zip(labels, arts["outlet_id"], strict=True):
        aid = f"{row['corpus']}:{row['id']}"
        record = registry.get(own) if isinstance(own, str) else None
        publisher = str(record["name"]) if record else ""
        selfs = {
            k for k in (own if isinstance(own, str) else None, canon.key(publisher or None)) if k
        }
        truth = truth_keys(row["cited_outlets"], canon)
        mine = cited[cited["article_id"] == aid]
        pred = [canon.key(e, o if isinstance(o, str) else None)
                for e, o in zip(mine["entity_text"], mine["outlet_id"], strict=True)
                if not short_self(e, publisher)]  # fmt: skip
        pred = [k for k in pred if k and (k in truth or not any(same(k, s) for s in selfs))]
        _tally(tally, aid, truth, pred)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--part", choices=("read", "unread", "A", "B", "C", "all"), default="read")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    t = score(args.part, args.sample)
    print(f"{args.part}: citations P {t.precision():.3f}  R {t.recall():.3f}  "
          f"(tp {t.true_pos}, predicted {t.predicted}, expected {t.expected})")  # fmt: skip
    if args.errors:
        print("\n".join(t.errors))


if __name__ == "__main__":
    main()
