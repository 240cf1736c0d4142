"""Score credits, citations and quote speakers on the real labelled articles (ABP and PTC).

Labels: tests/eval/real_attribution/labels_*.csv (labels_part*.csv and labels_heldout2.csv;
columns corpus, id, split, publisher, relation, source_outlet_credited, cited_outlets,
quote_speakers, notes; conventions in ../shared/eval-data/LABELLING.md), or ``--labels GLOB``
while they live in the annotators' worktrees. The split of an article is the one in
tests/eval/real_attribution_ids.csv (a fixed third held out by id hash). Only the rows of
``--split`` (default ``dev``) are read past the split column, and only their texts are loaded:
held-out labels and texts are never looked at unless ``--split heldout`` (or ``all``) is asked
for explicitly. ``heldout2`` (90 articles drawn by draw_heldout2.py, labelled in
labels_heldout2.csv) is a second held-out set, read only with ``--split heldout2`` (or ``all``).
``heldout3`` (labels_heldout3.csv, drawn the same way) is a third, read only with
``--split heldout3`` (or ``all``). ``heldout4`` (labels_heldout4.csv, ABP only) is a fourth,
read only with ``--split heldout4``: ``all`` leaves it out. ``heldout5`` (labels_heldout5.csv,
ABP only, credit-rich) is a fifth, likewise read only with ``--split heldout5``.

Texts are read from ../shared/eval-data at run time (ABP: abp.jsonl.gz, the url gives the
publisher's outlet; PTC: articles.jsonl, whose urls are placeholders, so no publisher outlet).

Matching (per article, sets of canonical outlets, micro-averaged over articles):

* a name resolves to a canonical outlet through the registry (``resolve_name``: names, aliases
  and mentions, so "RIA" and "RIA Novosti", "the Journal" and "The Wall Street Journal" meet);
  a name the registry does not know becomes ``entity:<slug>`` (lower case, no leading "the", no
  trailing descriptor such as "newspaper" or "news agency"); two entity slugs also match when
  one contains the other ("tom-joyner-morning-show" and "the-tom-joyner-morning-show-radio");
* two entity slugs are compared without their separators and without a trailing station band
  (``compact``): "KENS5" and "KENS 5", "News4SA" and "News 4 SA", "KUSA" and "KUSA-TV" are one
  outlet. Before session 6 the comparison kept the separators (``--old-key`` scores that way).
  With the rules of the end of session 6, citations P/R old key -> new key: dev 0.978/0.899 ->
  0.983/0.899, heldout 0.922/0.810 -> 0.941/0.828, heldout2 0.959/0.750 (unchanged); credits
  are the same with either key;
* credits: predicted rows of kind ``photo`` or ``self``, and credits of the publisher itself (its
  outlet id, or the label's ``publisher``), are not counted: a self-credit is no republication
  and the labels leave it out. ``wrong_credit_share`` is, among articles whose truth has no
  credit, the share with at least one counted predicted credit;
* citations: a predicted citation of the publisher itself counts only when the truth lists it
  (annotators differ on self-mentions, see their notes), otherwise it is ignored; since
  session 10 that includes the publisher's own short form (``short_self``: "the Times" in a
  Washington Times article, which the registry reads as The Times of London; heldout had one
  such extra, "confirmed to the Times", whose label notes say self-mentions are left out);
* quote speakers: a labelled person is found when some predicted speaker of the article has the
  same full name or the same surname (last word; accents, case and "Mr"/"Dr" aside).

Also (``--quote-count``): quotes found in the first 20,000 ABP articles (held-out ids skipped)
against a simple count of quoted spans: per article, min(“ count, ” count) + min(`` count, ''
count) + (straight " count) // 2.

Usage: python tests/eval/score_real_attribution.py
       [--split dev|heldout|heldout2|heldout3|heldout4|heldout5|all] [--labels GLOB] [--errors] [--quote-count] [--credit-noise] [--old-key]
       [--speaker-sample tests/eval/speakers_sample_1505.csv]
       [--credit-sample tests/eval/credits_sample_1613.csv --parts A,B]
"""

from __future__ import annotations

import argparse
import csv
import glob
import gzip
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from provenance.attribution import extract_citations, extract_credits
from provenance.outlets import load_registry
from provenance.quotes import extract_quotes

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
# ../shared beside the repo (a worktree under wt/ looks one level further up).
SHARED = next(
    (p for p in (REPO.parent / "shared" / "eval-data", REPO.parents[1] / "shared" / "eval-data")
     if p.exists()),
    REPO.parent / "shared" / "eval-data",
)  # fmt: skip
IDS = HERE / "real_attribution_ids.csv"
LABELS = str(HERE / "real_attribution" / "labels_*.csv")  # labels_part*.csv, labels_heldout2.csv
ABP = SHARED / "ABP" / "abp.jsonl.gz"
PTC = SHARED / "PTC" / "articles.jsonl"
# Credit kinds that say nothing about where the copy comes from.
NOT_SOURCE_KINDS = frozenset({"photo", "self"})
_DESCRIPTOR_RE = re.compile(
    r"(?:[ -](?:newspaper|daily|news[ -]agency|agency|tv[ -]channel|channel|radio|network"
    r"|magazine|website|news|show|program|programme|talk[ -]show))+$"
)
_HONORIFIC_RE = re.compile(r"^(?:mr|mrs|ms|dr|sen|rep|gov|gen|president|prof)\.?\s+")


@dataclass
class Tally:
    """Micro-averaged counts of one table."""

    true_pos: int = 0
    predicted: int = 0
    expected: int = 0
    extra: int = 0  # (speakers only) predicted speakers that match no labelled person
    errors: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.true_pos / self.predicted if self.predicted else 1.0

    def recall(self) -> float:
        return self.true_pos / self.expected if self.expected else 1.0


def split_of() -> dict[tuple[str, str], str]:
    """(corpus, id) -> split, from the fixed id list."""
    with IDS.open(encoding="utf-8") as f:
        return {(r["corpus"], r["id"]): r["split"] for r in csv.DictReader(f)}


def heldout_ids() -> set[tuple[str, str]]:
    """(corpus, id) of the held-out articles: skipped by every corpus-wide count here."""
    return {key for key, split in split_of().items() if split == "heldout"}


NOT_IN_ALL = {"heldout4", "heldout5"}  # read only when asked for by name


def load_labels(pattern: str, split: str) -> list[dict[str, str]]:
    """Label rows of ``split`` ('all': every row), one per article (first file wins)."""
    splits = split_of()
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                key = (row["corpus"], row["id"])
                wanted = splits.get(key)
                if wanted is None or (split != "all" and wanted != split):
                    continue  # other split: not read further
                if split == "all" and wanted in NOT_IN_ALL:
                    continue  # read by name only
                rows.setdefault(key, row)
    return [rows[k] for k in sorted(rows)]


# A record's id at the head of its line (the corpora write it first): records not wanted are
# skipped before parsing.
_RECORD_ID_RE = re.compile(r'\{"id": "([^"]+)"')


def abp_positions(ids: set[str]) -> dict[str, int]:
    """Line number (0-based) in abp.jsonl.gz of each ABP id in ``ids``."""
    out: dict[str, int] = {}
    with gzip.open(ABP, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            m = _RECORD_ID_RE.match(line, 0, 40)
            if m is not None and m.group(1) in ids:
                out[m.group(1)] = i
    return out


def parse_ranges(text: str) -> list[range]:
    """ "20000-23024,34000-36000" -> [range(20000, 23025), range(34000, 36001)] (inclusive).

    >>> parse_ranges("20000-23024, 5-5")
    [range(20000, 23025), range(5, 6)]
    """
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        lo, _, hi = part.partition("-")
        out.append(range(int(lo), int(hi or lo) + 1))
    return out


def without_abp_positions(
    labels: list[dict[str, str]], ranges: list[range]
) -> list[dict[str, str]]:
    """``labels`` less the ABP articles whose line in abp.jsonl.gz falls in ``ranges``: the
    articles of a set that a sample read while rules were changed (a contaminated part)."""
    positions = abp_positions({lab["id"] for lab in labels if lab["corpus"] == "ABP"})
    return [
        lab for lab in labels
        if lab["corpus"] != "ABP" or not any(positions.get(lab["id"], -1) in r for r in ranges)
    ]  # fmt: skip


def load_texts(keys: set[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """Records of the wanted (corpus, id) only (others are skipped before parsing)."""
    out: dict[tuple[str, str], dict] = {}
    abp = {i for c, i in keys if c == "ABP"}
    if abp:
        with gzip.open(ABP, "rt", encoding="utf-8") as f:
            for line in f:
                m = _RECORD_ID_RE.match(line, 0, 40)
                if m is None or m.group(1) not in abp:
                    continue
                out[("ABP", m.group(1))] = json.loads(line)
    ptc = {i for c, i in keys if c == "PTC"}
    if ptc:
        with PTC.open(encoding="utf-8") as f:
            for line in f:
                m = _RECORD_ID_RE.match(line, 0, 40)
                if m is None or m.group(1) not in ptc:
                    continue
                out[("PTC", m.group(1))] = json.loads(line)
    return out


def articles_frame(labels: list[dict[str, str]], texts: dict, registry) -> pd.DataFrame:
    """The articles table the extractors read (ABP: outlet_id from the url)."""
    rows = []
    for lab in labels:
        key = (lab["corpus"], lab["id"])
        rec = texts[key]
        url = rec.get("url", "") if lab["corpus"] == "ABP" else ""
        rows.append({
            "article_id": f"{key[0]}:{key[1]}", "title": rec.get("title") or "",
            "text": rec.get("text") or "", "url": url, "published": rec.get("published"),
        })  # fmt: skip
    frame = pd.DataFrame(rows)
    frame["outlet_id"] = registry.resolve_urls(frame["url"]).where(frame["url"].ne(""))
    return frame


class Canon:
    """Names -> canonical outlet keys (registry id, else ``entity:<slug>``)."""

    def __init__(self, registry) -> None:
        self.registry = registry

    def key(self, name: str | None, outlet_id: str | None = None) -> str | None:
        if outlet_id and not outlet_id.startswith("domain:"):
            return outlet_id
        name = " ".join((name or "").split()).strip(" .,;:'\"“”")
        if not name:
            return outlet_id or None
        oid = self.registry.resolve_name(name)
        if oid:
            return oid
        return "entity:" + slug(name)

    def keys(self, cell: str) -> list[str]:
        return [k for k in (self.key(p) for p in (cell or "").split(";")) if k]


def slug(name: str) -> str:
    text = fold(name)
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[^\w]+", "-", text).strip("-")
    return _DESCRIPTOR_RE.sub("", text) or text


def fold(text: str) -> str:
    """Lower case, accents off."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_BAND_RE = re.compile(r"-(?:tv|fm|am|dt)$")
# Set by --old-key: compare entity slugs with their separators (the key before session 6).
OLD_KEY = False


def compact(entity_slug: str) -> str:
    """An entity slug without a station band and without separators: the comparison key.

    >>> compact("kens-5"), compact("kens5"), compact("kusa-tv"), compact("news-4-sa")
    ('kens5', 'kens5', 'kusa', 'news4sa')
    """
    if OLD_KEY:
        return entity_slug
    return _BAND_RE.sub("", entity_slug).replace("-", "")


def same(a: str, b: str) -> bool:
    """Two canonical keys name one outlet: equal, or entity slugs one of which holds the other
    (compared by :func:`compact`)."""
    if a == b:
        return True
    if a.startswith("entity:") and b.startswith("entity:"):
        x, y = compact(a[7:]), compact(b[7:])
        return bool(x) and bool(y) and (x in y or y in x)
    return False


def distinct(keys: Iterable[str]) -> list[str]:
    """The keys, each outlet once: "entity:kusa-tv" and "entity:kusa" are one (the first kept)."""
    seen: dict[str, str] = {}
    for key in keys:
        norm = "entity:" + compact(key[7:]) if key.startswith("entity:") else key
        seen.setdefault(norm, key)
    return list(seen.values())


def match_sets(truth: Iterable[str], predicted: Iterable[str]) -> tuple[int, list, list]:
    """(matched, missed truth keys, extra predicted keys) of two key sets."""
    truth, left = distinct(truth), distinct(predicted)
    missed, hits = [], 0
    for t in truth:
        j = next((i for i, p in enumerate(left) if same(t, p)), None)
        if j is None:
            missed.append(t)
        else:
            hits += 1
            left.pop(j)
    return hits, missed, left


def _by_article(frame: pd.DataFrame) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in frame.astype(object).where(frame.notna(), None).to_dict("records"):
        out.setdefault(str(row["article_id"]), []).append(row)
    return out


_SHORT_FORM_RE = re.compile(r"(?:the|The|THE)[ \t]+(?P<word>[A-Z][\w\-]*)")


def short_self(entity_text: str | None, publisher: str | None) -> bool:
    """Whether ``entity_text`` is the publisher's own short form: "the Times" in a Washington
    Times article, "the Post" in a New York Post one. The registry reads "the Times" as The
    Times of London, so such a self-mention was an extra citation although the labels leave
    self-mentions out (heldout: "confirmed to the Times" in a Washington Times article).

    >>> short_self("the Times", "The Washington Times"), short_self("The Post", "CNN")
    (True, False)
    """
    m = _SHORT_FORM_RE.fullmatch(" ".join((entity_text or "").split()))
    words = (publisher or "").split()
    return m is not None and len(words) > 1 and fold(words[-1]) == fold(m.group("word"))


def person_keys(name: str) -> tuple[str, str]:
    """(full name, surname) folded, without honorifics, with one apostrophe ("O’Malley" is
    "O'Malley") and without a generational suffix ("John Hayden Jr." is "John Hayden")."""
    full = _HONORIFIC_RE.sub("", fold(" ".join(name.split())).replace("’", "'"))
    full = re.sub(r"[^\w\s\-']", "", full).strip()
    full = re.sub(r"(?<=\w)\s+(?:jr|sr|ii|iii|iv)$", "", full)
    return full, (full.split()[-1] if full.split() else "")


def score(labels: list[dict[str, str]], registry=None) -> dict[str, object]:
    """Precision/recall per table over the labelled articles (see the module docstring)."""
    registry = registry if registry is not None else load_registry()
    texts = load_texts({(r["corpus"], r["id"]) for r in labels})
    labels = [r for r in labels if (r["corpus"], r["id"]) in texts]
    articles = articles_frame(labels, texts, registry)
    credits = _by_article(extract_credits(articles, registry))
    citations = _by_article(extract_citations(articles, registry))
    quotes = _by_article(extract_quotes(articles, registry))
    canon = Canon(registry)
    cr, ci, sp = Tally(), Tally(), Tally()
    no_credit = wrong_credit = 0
    for lab, own in zip(labels, articles["outlet_id"].tolist(), strict=True):
        aid = f"{lab['corpus']}:{lab['id']}"
        selfs = {k for k in (own if isinstance(own, str) else None, canon.key(lab["publisher"]))
                 if k}  # fmt: skip
        truth = canon.keys(lab["source_outlet_credited"])
        pred = [canon.key(r["entity_text"], r["outlet_id"]) for r in credits.get(aid, [])
                if r["kind"] not in NOT_SOURCE_KINDS]  # fmt: skip
        pred = [k for k in pred if k and not any(same(k, s) for s in selfs)]
        _tally(cr, aid, truth, pred)
        if not truth:
            no_credit += 1
            wrong_credit += bool(pred)
        truth = canon.keys(lab["cited_outlets"])
        rows = [
            r for r in citations.get(aid, []) if not short_self(r["entity_text"], lab["publisher"])
        ]
        pred = [canon.key(r["entity_text"], r["outlet_id"]) for r in rows]
        pred = [k for k in pred if k and (k in truth or not any(same(k, s) for s in selfs))]
        _tally(ci, aid, truth, pred)
        _speakers(sp, aid, lab["quote_speakers"], quotes.get(aid, []))
    return {
        "articles": len(labels), "credits": cr, "citations": ci, "speakers": sp,
        "wrong_credit_share": wrong_credit / no_credit if no_credit else 0.0,
        "articles_without_credit": no_credit,
    }  # fmt: skip


def _tally(t: Tally, aid: str, truth: list[str], pred: list[str]) -> None:
    hits, missed, extra = match_sets(truth, pred)
    t.true_pos += hits
    t.expected += len(distinct(truth))
    t.predicted += hits + len(extra)
    t.errors += [f"{aid}: missed {k}" for k in missed] + [f"{aid}: extra {k}" for k in extra]


def _speakers(t: Tally, aid: str, cell: str, rows: list[dict]) -> None:
    names = [n.strip() for n in (cell or "").split(";") if n.strip()]
    got = [person_keys(str(r["speaker"])) for r in rows if r.get("speaker")]
    fulls, surnames = {g[0] for g in got}, {g[1] for g in got}
    for name in dict.fromkeys(names):
        full, last = person_keys(name)
        t.expected += 1
        if full in fulls or last in surnames:
            t.true_pos += 1
        else:
            t.errors.append(f"{aid}: missed speaker {name}")
    t.predicted += len(fulls)
    # Speakers that are no labelled person (by full name or surname): unnamed phrases,
    # organisations, wrong names. Not scored; printed so that rules do not grow them unseen.
    labelled = [person_keys(n) for n in names]
    t.extra += sum(
        not any(full == lf or full.split()[-1:] == [ls] for lf, ls in labelled) for full in fulls
    )


def speaker_sample(path: str, registry=None, parts: str = "") -> dict[str, Tally]:
    """Speaker recall per ``part`` of a speakers-only label file (corpus, id, part,
    quote_speakers; ``tests/eval/speakers_sample_1505.csv``: a fresh seeded sample whose
    ``check`` part was read only after the rules changed). ``parts``: the parts to score,
    comma-separated ("B": a part judged by its totals only); empty: every part."""
    registry = registry if registry is not None else load_registry()
    with open(path, encoding="utf-8", newline="") as f:
        labels = [r for r in csv.DictReader(f) if not parts or r["part"] in parts.split(",")]
    texts = load_texts({(r["corpus"], r["id"]) for r in labels})
    quotes = _by_article(extract_quotes(articles_frame(labels, texts, registry), registry))
    out: dict[str, Tally] = {}
    for lab in labels:
        aid = f"{lab['corpus']}:{lab['id']}"
        _speakers(out.setdefault(lab["part"], Tally()), aid, lab["quote_speakers"],
                  quotes.get(aid, []))  # fmt: skip
    return out


def credit_sample(path: str, parts: str, registry=None) -> dict[str, dict[str, object]]:
    """Credits per ``part`` of a credits-only label file (corpus, id, part,
    source_outlet_credited; ``tests/eval/credits_sample_1613.csv``: parts A and B read while
    rules changed, C read only at the end), scored as :func:`score` scores the labelled sets.
    ``parts``: the parts to read, comma-separated ("A,B"): the others are not loaded."""
    registry = registry if registry is not None else load_registry()
    wanted = parts.split(",")
    with open(path, encoding="utf-8", newline="") as f:
        labels = [r for r in csv.DictReader(f) if r["part"] in wanted]
    blank = {"publisher": "", "cited_outlets": "", "quote_speakers": ""}
    return {
        part: score([{**blank, **r} for r in labels if r["part"] == part], registry)
        for part in wanted
    }


def quote_count(n: int = 20_000, registry=None) -> dict[str, int]:
    """Quotes found in the first ``n`` ABP articles vs a simple count of quoted spans."""
    skip = {i for c, i in heldout_ids() if c == "ABP"}
    recs = []
    with gzip.open(ABP, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] not in skip:
                recs.append(rec)
            if len(recs) >= n:
                break
    texts = [r.get("text") or "" for r in recs]
    simple = sum(
        min(t.count("“"), t.count("”")) + min(t.count("``"), t.count("''")) + t.count('"') // 2
        for t in texts
    )
    arts = pd.DataFrame({"article_id": [r["id"] for r in recs],
                         "title": [r.get("title") or "" for r in recs], "text": texts})  # fmt: skip
    found = extract_quotes(arts, registry if registry is not None else load_registry())
    body = int(found["field"].eq("text").sum())
    return {"articles": len(recs), "simple_count": simple, "quotes_found": body,
            "curly_marks": sum(t.count("“") + t.count("”") for t in texts)}  # fmt: skip


_PHOTO_RE = re.compile(r"(?i)photo|©|/\s*\w+\s*\]|^[A-Z][A-Z .'\-]+/|getty|images")


def credit_noise(registry=None) -> dict[str, int]:
    """Credit rows of a republication kind that are photo credits or unregistered
    parenthesised acronyms, over all PTC and ABP texts (held-out ids skipped)."""
    registry = registry if registry is not None else load_registry()
    skip = heldout_ids()
    recs = []
    with PTC.open(encoding="utf-8") as f:
        recs += [("PTC", json.loads(line)) for line in f]
    with gzip.open(ABP, "rt", encoding="utf-8") as f:
        recs += [("ABP", json.loads(line)) for line in f]
    recs = [(c, r) for c, r in recs if (c, r["id"]) not in skip]
    arts = pd.DataFrame({
        "article_id": [f"{c}:{r['id']}" for c, r in recs],
        "title": [r.get("title") or "" for _, r in recs],
        "text": [r.get("text") or "" for _, r in recs],
        "url": [r.get("url") if c == "ABP" else None for c, r in recs],
    })  # fmt: skip
    arts["outlet_id"] = registry.resolve_urls(arts["url"].fillna(""))
    credits = extract_credits(arts, registry)
    source = credits[~credits["kind"].isin(NOT_SOURCE_KINDS)]
    text = source["text"].fillna("").astype(str)
    photo = text.str.contains(_PHOTO_RE)
    acronym = source["outlet_id"].isna() & source["entity_text"].fillna("").str.fullmatch(
        r"[A-Z]{2,6}"
    )
    return {
        "articles": len(arts), "credit_rows": len(credits), "source_credit_rows": len(source),
        "photo_like_source_credits": int(photo.sum()),
        "acronym_source_credits": int((acronym & ~photo).sum()),
        "photo_kind_rows": int(credits["kind"].eq("photo").sum()),
        "self_kind_rows": int(credits["kind"].eq("self").sum()),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "all"),
        default="dev",
    )
    parser.add_argument("--labels", default=LABELS, help="glob of label CSV files")
    parser.add_argument("--errors", action="store_true", help="print every miss and extra")
    parser.add_argument("--quote-count", action="store_true", help="ABP quote-count check")
    parser.add_argument("--credit-noise", action="store_true", help="photo/acronym credits")
    parser.add_argument(
        "--old-key", action="store_true", help="entity slugs compared with their separators"
    )
    parser.add_argument(
        "--skip-abp-lines",
        default="",
        metavar="RANGES",
        help="leave out ABP articles on these lines of abp.jsonl.gz (0-based, inclusive: "
        "'20000-23024,34000-36000'): the part of a set that samples read while rules changed",
    )
    parser.add_argument("--speaker-sample", metavar="CSV", help="speakers-only label file")
    parser.add_argument("--credit-sample", metavar="CSV", help="credits-only label file")
    parser.add_argument(
        "--parts",
        default="",
        help="--credit-sample parts (default 'A,B'), --speaker-sample parts (default all)",
    )
    args = parser.parse_args()
    global OLD_KEY
    OLD_KEY = args.old_key
    if not SHARED.exists():
        sys.exit(f"no eval data at {SHARED}")
    registry = load_registry()
    labels = load_labels(args.labels, args.split)
    if args.skip_abp_lines:
        labels = without_abp_positions(labels, parse_ranges(args.skip_abp_lines))
    if labels:
        t0 = time.process_time()
        result = score(labels, registry)
        print(f"split {args.split}: {result['articles']} labelled articles "
              f"({time.process_time() - t0:.1f} s CPU)")  # fmt: skip
        for name in ("credits", "citations"):
            t: Tally = result[name]
            print(f"  {name:10s} P {t.precision():.3f}  R {t.recall():.3f}  "
                  f"(tp {t.true_pos}, predicted {t.predicted}, expected {t.expected})")  # fmt: skip
        print(f"  wrong-credit share {result['wrong_credit_share']:.3f} "
              f"of {result['articles_without_credit']} articles without a credit")  # fmt: skip
        t = result["speakers"]
        print(f"  speakers   R {t.recall():.3f}  (found {t.true_pos} of {t.expected}; "
              f"{t.extra} speakers match no labelled person)")  # fmt: skip
        if args.errors:
            for name in ("credits", "citations", "speakers"):
                print("\n".join(f"{name}: {e}" for e in result[name].errors))
    else:
        print(f"no labelled articles of split {args.split} in {args.labels}")
    if args.speaker_sample:
        for part, t in speaker_sample(args.speaker_sample, registry, args.parts).items():
            print(f"speaker sample {part}: R {t.recall():.3f}  (found {t.true_pos} of "
                  f"{t.expected}; {t.extra} speakers match no labelled person)")  # fmt: skip
            print("\n".join(f"  {e}" for e in t.errors) if args.errors else "", end="")
    if args.credit_sample:
        for part, res in credit_sample(args.credit_sample, args.parts or "A,B", registry).items():
            t = res["credits"]
            print(f"credit sample {part}: {res['articles']} articles, P {t.precision():.3f}  "
                  f"R {t.recall():.3f}  (tp {t.true_pos}, predicted {t.predicted}, expected "
                  f"{t.expected}); wrong-credit share {res['wrong_credit_share']:.3f} of "
                  f"{res['articles_without_credit']}")  # fmt: skip
            print("".join(f"  {e}\n" for e in t.errors) if args.errors else "", end="")
    if args.quote_count:
        print("ABP quote count:", quote_count(registry=registry))
    if args.credit_noise:
        print("credit noise:", credit_noise(registry))


if __name__ == "__main__":
    main()
