"""Synthetic news corpus with ground-truth republication families.

All text here is machine-made from templates and word lists written for this project (fictional
countries, people and outlets); no third-party article is copied. The corpus exercises the reuse
stage: republication families (copies of copies; trimmed, retitled, paragraphs added, dropped or
reordered, typos, light rewording; credited through a dateline such as ``VELMORA (Harbor Press
Agency) -`` or not credited), per-outlet boilerplate and cross-outlet site furniture, and
independent "near-miss" articles on the same event (same names and facts, different prose).

>>> articles, truth, outlets = generate_corpus(200, n_outlets=12, seed=1)
>>> len(articles), set(truth.columns) >= {"child_article_id", "parent_article_id", "credited"}
(200, True)

CLI: ``python -m provenance.synthetic 100000 --out corpus/ [--shard-size 50000] [--seed 0]``.
"""

from __future__ import annotations

import argparse
import random
import re
import string
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from provenance.ids import stable_id
from provenance.reuse.verify import SOURCE_KINDS
from provenance.schema import conform
from provenance.text import count_words_series

# --- word lists (fictional places, people and bodies) -------------------------------------------

FIRST = (
    "Adrian Beatrix Corvin Dalia Emeric Farah Gideon Helka Ilario Jovana Kasimir Lenora Matvei "
    "Nadira Oswin Petra Quillon Rosalind Soren Talia Ulric Vesna Wendel Ximena Yorick Zora Anselm "
    "Brisa Cato Delphine Edvin Fenna Goran Hester Ivo Jessamy Konrad Liesel Milos Noor Orla Pavel "
    "Rhea Stellan Thyra Umar Valka Wilhelmina Yara Zdenek Ansel Bodil Casimir Daria Elio Frida"
).split()
LAST = (
    "Abernathy Brankovic Castellane Dragomir Eriksdottir Falkenrath Grisholm Havelund Ivanek "
    "Jarosz Kallistrat Lindqvist Marchetti Novakovic Orlanda Pellegrin Quartermaine Rostova "
    "Sandoval Trebinje Ulvaeus Valdecasas Wexford Xandari Yelverton Zamoyski Arkwright Belcourt "
    "Cernak Dunmore Esterhazy Fairweather Gallovic Hartigan Istvanova Juncker Korsakova Lamberti "
    "Mendelev Nordahl Ostrova Prescott Quintero Radovan Szilagyi Tolvanen Uriarte Vasquez Wolcott"
).split()
ROLES = [
    "Foreign Minister",
    "Defence Minister",
    "Finance Minister",
    "Prime Minister",
    "President",
    "Interior Minister",
    "Health Minister",
    "Trade Minister",
    "Energy Minister",
    "central bank governor",
    "opposition leader",
    "chief negotiator",
    "deputy foreign minister",
    "ambassador to the Assembly of Nations",
    "presidential spokesperson",
    "Economy Minister",
]
COUNTRIES = (
    "Norvania Estravia Kaledonia Marovia Talmar Ostrelia Veldoria Quessa Brantia Lysandria "
    "Corvessa Dunmark Eskaria Fallon Gravonia Halvoria Istria Jorvik Kestrel Lornia"
).split()
CITIES = (
    "Velmora Tarsk Ondrava Kelmont Brisk Aurelle Dovran Silvane Mardok Pellin Zerath Calvora "
    "Nestor Iskra Ravenholm Tolmar Varenne Quill Hadria Lusk Morrow Esselby Grenvik Abbadon"
).split()
ORGS = [
    "the Regional Security Council",
    "the Northern Trade Bloc",
    "the Assembly of Nations",
    "the Continental Energy Agency",
    "the Coastal States Forum",
    "the Grain Exporters Union",
    "the Monetary Stability Board",
    "the Arms Control Commission",
    "the Health Cooperation Office",
    "the Joint Border Authority",
    "the Eastern Development Bank",
    "the Maritime Rights Tribunal",
]
TOPICS = [
    "grain exports",
    "border security",
    "energy prices",
    "arms control",
    "vaccine supplies",
    "gas transit",
    "fishing rights",
    "nuclear safety",
    "cyber security",
    "refugee flows",
    "interest rates",
    "rail links",
    "water sharing",
    "mining licences",
    "customs duties",
    "troop deployments",
    "election monitoring",
    "debt relief",
    "port access",
    "power grids",
    "airspace rules",
    "pension reform",
    "fuel subsidies",
    "wheat harvests",
    "visa regimes",
    "satellite launches",
    "drone strikes",
    "prisoner exchanges",
    "oil output",
    "steel tariffs",
    "climate targets",
    "food aid",
    "housing costs",
    "internet shutdowns",
    "press freedom",
    "minority rights",
    "currency swaps",
    "military drills",
    "peace talks",
    "sanctions relief",
]
NOUNS = [
    "talks",
    "measures",
    "proposal",
    "agreement",
    "sanctions",
    "investigation",
    "plan",
    "framework",
    "initiative",
    "dialogue",
    "treaty",
    "package",
    "roadmap",
    "review",
    "deal",
    "ceasefire",
    "reforms",
    "guarantees",
    "consultations",
    "restrictions",
    "inquiry",
    "summit",
    "memorandum",
    "mission",
    "programme",
    "budget",
    "strategy",
    "negotiations",
    "resolution",
]
ADJS = [
    "significant",
    "difficult",
    "constructive",
    "unprecedented",
    "fragile",
    "ambitious",
    "controversial",
    "long-awaited",
    "cautious",
    "bilateral",
    "comprehensive",
    "temporary",
    "limited",
    "decisive",
    "preliminary",
    "landmark",
    "urgent",
    "modest",
    "sweeping",
    "tentative",
    "renewed",
    "stalled",
    "broader",
    "detailed",
    "costly",
    "pragmatic",
    "joint",
    "revised",
]
VERBS_INF = [
    "support",
    "review",
    "reject",
    "delay",
    "expand",
    "suspend",
    "finalise",
    "discuss",
    "revive",
    "accelerate",
    "block",
    "monitor",
    "extend",
    "renegotiate",
    "endorse",
    "scrap",
    "implement",
    "strengthen",
    "reconsider",
    "approve",
    "challenge",
    "postpone",
    "secure",
    "restore",
]
VERBS_PAST = [
    "welcomed",
    "criticised",
    "rejected",
    "backed",
    "questioned",
    "defended",
    "condemned",
    "praised",
    "dismissed",
    "endorsed",
    "challenged",
    "announced",
    "proposed",
    "blocked",
    "opposed",
    "supported",
    "downplayed",
    "highlighted",
    "demanded",
    "signalled",
]
VERBS_PP = [
    "approved",
    "delivered",
    "signed",
    "implemented",
    "suspended",
    "withdrawn",
    "reviewed",
    "ratified",
    "allocated",
    "blocked",
    "delayed",
    "disbursed",
    "finalised",
    "published",
]
SAY = [
    "said",
    "told reporters",
    "noted",
    "stressed",
    "added",
    "argued",
    "claimed",
    "insisted",
    "pointed out",
    "warned",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PERIODS = ["week", "month", "year", "spring", "autumn", "quarter"]
SECTIONS = ["world", "politics", "business", "region", "economy", "security"]

TEMPLATES = [
    "{R} {P} {say} on {D} that {C} was ready to {vi} the {a} {n} on {t}.",
    '"We are {a} about the {n} on {t}, but the {n2} must {vi} first," {PL} {say}.',
    "According to {PL}, the {a} {n} over {E} could {vi} {t} within {num} weeks.",
    "Officials in {CITY} {vp} the {n} on {D}, saying it would {vi} {t} and {t2}.",
    "{ORG} is expected to {vi} the {a} {n} at a meeting in {CITY} next {per}.",
    "{C2} has {vp} the {a} {n}, calling it a {a2} step for {t}.",
    "The talks in {CITY} followed {num} rounds of {a} negotiations on {E} and {t}.",
    "Analysts said the {n} on {t} was {a} and could {vi} {t2} in the {a2} term.",
    "{PL} also {vp} calls from {C2} to {vi} the {n2} on {t}, the {R} {say}.",
    "The {R} {say} that {num} per cent of the {n} on {t} had already been {vpp}.",
    'In a statement, {ORG} {say} it would {vi} the {n} on {E} "without delay".',
    "Earlier this {per}, {C} {vp} {num} {a} {n2} linked to {t}.",
    "The {a} {n} comes amid {a2} tensions between {C} and {C2} over {E}.",
    "Critics in {C} have {vp} the {n} as {a} and {a2}, citing {t}.",
    '"There is no {a} alternative to {n} on {t}," {PL} told reporters in {CITY}.',
    "A spokesperson for {ORG} {say} the {n2} would be {vpp} by {D}.",
    "The {num} {n2} were {vpp} after {a} talks in {CITY} on {D}.",
    "{C} has repeatedly {vp} {t}, while {C2} has {vp} {t2}.",
    "It was not immediately clear whether {C2} would {vi} the {a} {n} on {E}.",
    "The {R} is due to travel to {CITY} later this {per} to {vi} {t} with {a} {n2}.",
    "Opposition lawmakers in {C} {vp} the {n}, saying {t} had been {vpp} without {a} {n2}.",
    '"The {n} on {E} is {a}, and we expect {C2} to {vi} it," {PL} {say}.',
    "Markets in {CITY} reacted {adv} to the news, with {t} falling {num} per cent.",
    "{PL} {say} the {a} {n} had been {vpp} after {num} hours of {a2} debate.",
    "Diplomats familiar with the {n} {say} {C2} wanted to {vi} {t} before {D}.",
    "The previous {n} on {t} collapsed {num} years ago amid {a} disputes over {t2}.",
    "{C} accounts for about {num} per cent of the region's {t}, official data show.",
    "Neither side has {vpp} the {a} terms of the {n}, which remain {a2}.",
]
ADVERBS = ["calmly", "sharply", "nervously", "cautiously", "positively", "swiftly", "unevenly"]
TITLE_TEMPLATES = [
    "{PL} says {C} ready to {vi} {t} {n}",
    "{C} and {C2} {vp_title} {a} {n} on {E}",
    "{R} {PL} {vp} {C2}'s stance on {E}",
    "{ORG_title} to {vi} {t} {n} after {CITY} talks",
    "{C} {vp} {a} {n} as tensions over {E} grow",
    "{PL}: {n} on {E} '{a}' but differences remain",
]
SYNONYMS = {
    "said": "stated",
    "talks": "negotiations",
    "significant": "major",
    "difficult": "tough",
    "expected": "set",
    "calls": "demands",
    "officials": "authorities",
    "about": "around",
    "critics": "opponents",
    "tensions": "frictions",
    "analysts": "observers",
    "repeatedly": "frequently",
    "statement": "communique",
    "lawmakers": "legislators",
    "reacted": "responded",
    "immediately": "instantly",
    "meeting": "session",
    "urgent": "pressing",
    "modest": "small",
    "collapsed": "failed",
    "wanted": "sought",
}
SYN_RE = re.compile(r"\b(" + "|".join(SYNONYMS) + r")\b")

# Site furniture. SHARED blocks come with common CMS themes, so many outlets carry them word for
# word; the per-outlet blocks repeat on every page of one outlet.
SHARED_BLOCKS = [
    "We use cookies to personalise content and ads, to provide social media features and to "
    "analyse our traffic. By continuing to browse this site you agree to our use of cookies. "
    "Read our privacy policy to learn more about how we handle your data.",
    "Sign up for our daily newsletter to get the top stories delivered straight to your inbox "
    "every morning. You can unsubscribe at any time with one click.",
    "Follow us on social media for the latest updates, live coverage and breaking news alerts "
    "from around the world.",
    "Subscribe to our channel for more video reports, interviews and in-depth analysis from our "
    "correspondents in the field.",
    "Copyright. All rights reserved. This material may not be published, broadcast, rewritten or "
    "redistributed in whole or in part without prior written permission.",
]
KINDS = ["newspaper", "newspaper", "newspaper", "broadcaster", "aggregator", "aggregator"]
NAME_A = (
    "Harbor Summit Northern Coastal Evening Morning Capital Valley River Union Central Eastern "
    "Western Southern Metro Liberty Pioneer Frontier Highland Lakeside Granite Silver Golden Iron "
    "Crown Beacon Meridian Atlas Horizon Compass"
).split()
NAME_B = "Tribune Courier Herald Ledger Gazette Chronicle Dispatch Observer Post Times Review Star".split()


# --- outlets -------------------------------------------------------------------------------------


def make_outlets(n_outlets: int, seed: int = 0) -> pd.DataFrame:
    """The outlet registry of a synthetic corpus (schema "outlets").

    About 6% of outlets are wires and 6% state media (state-affiliated); the rest are newspapers,
    broadcasters and aggregators. Domains are ``outletNNN-news.com`` (a real public suffix).
    """
    if n_outlets < 4:
        raise ValueError(f"n_outlets must be >= 4, got {n_outlets}")
    rng = random.Random(seed * 7919 + 17)
    names = [f"{a} {b}" for a in NAME_A for b in NAME_B]
    rng.shuffle(names)
    n_wire = max(1, round(0.06 * n_outlets))
    n_state = max(1, round(0.06 * n_outlets))
    rows = []
    for i in range(n_outlets):
        oid = f"outlet{i:03d}"
        base = names[i % len(names)] + (f" {i // len(names) + 1}" if i >= len(names) else "")
        if i < n_wire:
            kind, name, state = "wire", base.split()[0] + " Press Agency", False
        elif i < n_wire + n_state:
            country = COUNTRIES[i % len(COUNTRIES)]
            kind, name, state = "state_media", f"{country} State News {i}", True
        else:
            kind, name, state = rng.choice(KINDS), base, False
        rows.append(
            {
                "outlet_id": oid,
                "name": name,
                "domains": f"{oid}-news.com",
                "aliases": f"{name};{name.split()[0]} {i}",
                "country": "XX",
                "language": "en",
                "owner": "state of " + COUNTRIES[i % len(COUNTRIES)] if state else "",
                "ownership": "state" if state else "private",
                "state_affiliated": state,
                "kind": kind,
                "reference": "synthetic",
                "registered": True,
            }
        )
    return conform(pd.DataFrame(rows), "outlets")


# --- prose ---------------------------------------------------------------------------------------

_FIELDS = [[f for _, f, _, _ in string.Formatter().parse(t) if f] for t in TEMPLATES]
_TITLE_FIELDS = [[f for _, f, _, _ in string.Formatter().parse(t) if f] for t in TITLE_TEMPLATES]
_FREE = {
    "n": NOUNS,
    "n2": NOUNS,
    "a": ADJS,
    "a2": ADJS,
    "vi": VERBS_INF,
    "vp": VERBS_PAST,
    "vpp": VERBS_PP,
    "say": SAY,
    "t": TOPICS,
    "t2": TOPICS,
    "per": PERIODS,
    "adv": ADVERBS,
}


class _Writer:
    """Template prose for one random stream; events fix the names and facts."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def event(self) -> dict[str, str]:
        r = self.rng
        first, last = r.choice(FIRST), r.choice(LAST)
        c, c2 = r.sample(COUNTRIES, 2)
        return {
            "P": f"{first} {last}",
            "PL": last,
            "R": r.choice(ROLES),
            "C": c,
            "C2": c2,
            "CITY": r.choice(CITIES),
            "ORG": r.choice(ORGS),
            "E": r.choice(TOPICS),
            "D": r.choice(DAYS),
        }

    def _fill(self, fields: list[str], ev: dict[str, str]) -> dict[str, str]:
        r = self.rng
        out = {}
        for f in fields:
            if f in ev:
                out[f] = ev[f]
            elif f == "num":
                out[f] = str(r.randint(2, 95))
            else:
                out[f] = r.choice(_FREE[f])
        return out

    def sentence(self, ev: dict[str, str]) -> str:
        k = self.rng.randrange(len(TEMPLATES))
        s = TEMPLATES[k].format_map(self._fill(_FIELDS[k], ev))
        return s[0].upper() + s[1:]

    def paragraph(self, ev: dict[str, str]) -> str:
        return " ".join(self.sentence(ev) for _ in range(self.rng.randint(3, 4)))

    def body(self, ev: dict[str, str]) -> list[str]:
        return [self.paragraph(ev) for _ in range(self.rng.randint(6, 7))]

    def title(self, ev: dict[str, str]) -> str:
        k = self.rng.randrange(len(TITLE_TEMPLATES))
        vals = self._fill([f for f in _TITLE_FIELDS[k] if not f.endswith("_title")], ev)
        vals["vp_title"] = self.rng.choice(["agree", "clash over", "discuss", "sign"])
        vals["ORG_title"] = ev["ORG"].removeprefix("the ").title()
        t = TITLE_TEMPLATES[k].format_map(vals)
        return t[0].upper() + t[1:]


def _typos(paras: list[str], rng: random.Random, n: int) -> list[str]:
    """Swap two inner letters of ``n`` random longer words (or fix such a typo, seen backwards)."""
    paras = list(paras)
    for _ in range(n):
        i = rng.randrange(len(paras))
        ws = paras[i].split(" ")
        j = rng.randrange(len(ws))
        w = ws[j]
        if len(w) >= 5 and w.isalpha():
            k = rng.randint(1, len(w) - 3)
            ws[j] = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
            paras[i] = " ".join(ws)
    return paras


def _reword(paras: list[str], rng: random.Random) -> list[str]:
    """Light rewording: swap some words for synonyms."""

    def sub(m: re.Match[str]) -> str:
        return SYNONYMS[m.group(1)] if rng.random() < 0.5 else m.group(1)

    return [SYN_RE.sub(sub, p) for p in paras]


def _dateline_date(ts: pd.Timestamp | None) -> str:
    return "" if ts is None else f" - {ts.day} {ts.strftime('%B')}, {ts.year}"


# --- corpus --------------------------------------------------------------------------------------


def _furniture(
    oid: list[str], names: dict[str, str], seed: int
) -> dict[str, tuple[list[str], list[str]]]:
    """Per-outlet furniture: 0-2 shared CMS blocks (one may lead the page) plus the outlet's
    own closing block, as (lead blocks, tail blocks)."""
    furniture: dict[str, tuple[list[str], list[str]]] = {}
    frng = random.Random(seed * 31 + 7)
    for o in oid:
        shared = frng.sample(SHARED_BLOCKS, frng.randint(0, 2))
        own = [f"Copyright {names[o]}. Read more from {names[o]} on our website and apps."]
        lead = shared[:1] if shared and frng.random() < 0.3 else []
        furniture[o] = (lead, [s for s in shared if s not in lead] + own)
    return furniture


def _edited_copy(
    parent_paras: list[str], w: _Writer, ev: dict[str, str], rng: random.Random
) -> tuple[list[str], list[str], float]:
    """(paragraphs, edits, kept share) of a copy of ``parent_paras``: trimmed, a paragraph
    dropped, reordered, paragraphs added, typos, reworded, each by chance."""
    paras, edits = list(parent_paras), []
    n_par = len(paras)
    if rng.random() < 0.3 and n_par > 2:
        paras, edits = paras[: rng.randint(2, n_par - 1)], edits + ["trim"]
    if rng.random() < 0.2 and len(paras) > 2:
        del paras[rng.randrange(1, len(paras))]
        edits.append("drop_paragraph")
    kept = sum(len(q.split()) for q in paras) / sum(len(q.split()) for q in parent_paras)
    if rng.random() < 0.2 and len(paras) > 2:
        i, k = rng.sample(range(len(paras)), 2)
        paras[i], paras[k] = paras[k], paras[i]
        edits.append("reorder")
    if rng.random() < 0.3:
        for _ in range(rng.randint(1, 2)):
            paras.insert(rng.randint(1, len(paras)), w.paragraph(ev))
        edits.append("add_paragraph")
    if rng.random() < 0.3:
        paras, edits = _typos(paras, rng, rng.randint(2, 6)), edits + ["typos"]
    if rng.random() < 0.25:
        paras, edits = _reword(paras, rng), edits + ["reword"]
    return paras, edits, kept


def _copy_published(parent_published: pd.Timestamp | None, rng: random.Random) -> int | None:
    """A copy's publication time (Unix seconds): hours after its parent's, rarely the same
    second or unknown."""
    if parent_published is None or rng.random() < 0.02:
        return None
    if rng.random() < 0.03:
        return parent_published.value // 10**9  # same timestamp: direction must come from elsewhere
    return parent_published.value // 10**9 + int(3600 * (0.1 + rng.expovariate(1 / 6)))


def _generate(
    n_articles: int, outlets: pd.DataFrame, seed: int, start: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n_articles`` articles (numbered from ``start``) and the truth of every copy."""
    generator = _Generator(outlets, seed, start)
    generator.run(n_articles)
    return _tables(generator.rows, generator.truth)


class _Generator:
    """Writes events' originals and their copies into ``rows`` and ``truth``, all drawn from
    one random stream (so the same seed gives the same corpus)."""

    def __init__(self, outlets: pd.DataFrame, seed: int, start: int):
        self.rng = random.Random(seed)
        self.writer = _Writer(self.rng)
        self.outlet_ids = outlets["outlet_id"].tolist()
        self.names = dict(zip(self.outlet_ids, outlets["name"], strict=True))
        self.domains = dict(zip(self.outlet_ids, outlets["domains"], strict=True))
        self.kind = dict(zip(self.outlet_ids, outlets["kind"], strict=True))
        self.sources = [o for o in self.outlet_ids if self.kind[o] in SOURCE_KINDS]
        self.others = [o for o in self.outlet_ids if self.kind[o] not in SOURCE_KINDS]
        self.furniture = _furniture(self.outlet_ids, self.names, seed)
        self.start = start
        self.rows: list[dict] = []
        self.truth: list[dict] = []

    def run(self, n_articles: int) -> None:
        """Generate events until there are ``n_articles`` rows."""
        t0 = pd.Timestamp("2021-01-01", tz="UTC").value // 10**9
        rng = self.rng
        while len(self.rows) < n_articles:
            ev = self.writer.event()
            when = t0 + rng.randrange(365 * 86400)
            # One original (usually by a wire or state outlet) and sometimes independent
            # near-misses: other outlets' own write-ups of the same event (same names and facts,
            # new prose).
            n_orig = 1 + (rng.random() < 0.3) + (rng.random() < 0.1)
            for j in range(n_orig):
                if len(self.rows) >= n_articles:
                    break
                root = self._original(ev, when, first=j == 0)
                self._copies(ev, root, n_articles)

    def _original(self, ev: dict[str, str], when: int, *, first: bool) -> int:
        """An event's original write-up (the first one at ``when``): its row number."""
        rng, w = self.rng, self.writer
        o = (
            rng.choice(self.sources)
            if first and rng.random() < 0.7
            else rng.choice(self.outlet_ids)
        )
        pub = when if first else when + rng.randrange(-6 * 3600, 6 * 3600)
        pub = None if rng.random() < 0.01 else pub
        credit = self.names[o] if self.kind[o] in SOURCE_KINDS else None
        place = ev["CITY"].upper()
        dl = f"{place} ({self.names[o]}) - " if credit else f"{place} - "
        root = self._emit(o, ev, w.title(ev), w.body(ev), pub, dl, credit, None)
        self.rows[root]["_family"] = root
        return root

    def _copies(self, ev: dict[str, str], root: int, n_articles: int) -> None:
        """Copies of the original ``root`` and of its copies, each by an outlet not yet in the
        family."""
        family = [root]
        n_copies = min(8, int(self.rng.expovariate(1.0)) + (self.rng.random() < 0.6))
        for _ in range(n_copies):
            if len(self.rows) >= n_articles:
                break
            used = {self.rows[m]["outlet_id"] for m in family}
            free = [x for x in self.others if x not in used]
            if not free:
                break
            family.append(self._copy(ev, root, family, free))

    def _copy(self, ev: dict[str, str], root: int, family: list[int], free: list[str]) -> int:
        """One edited copy of a family member by an outlet of ``free``: its row number."""
        rng, w = self.rng, self.writer
        parent = self.rows[family[0] if rng.random() < 0.6 else rng.choice(family)]
        paras, edits, kept = _edited_copy(parent["_paras"], w, ev, rng)
        title = parent["title"]
        if rng.random() < 0.5:
            title, edits = w.title(ev), edits + ["retitle"]
        o = rng.choice(free)
        pub = _copy_published(parent["published"], rng)
        credited = rng.random() < 0.5
        place = ev["CITY"].upper()
        if credited:
            ts = None if pub is None else pd.Timestamp(pub, unit="s", tz="UTC")
            credit = (
                f"{self.names[o]} / {parent['site_name']}"
                if rng.random() < 0.3
                else parent["site_name"]
            )
            dl = f"{place} ({credit}{_dateline_date(ts)}) - "
        else:
            credit, dl = None, (f"{place} - " if rng.random() < 0.5 else "")
        c = self._emit(o, ev, title, paras, pub, dl, credit, root)
        self.truth.append(
            {
                "child_article_id": self.rows[c]["article_id"],
                "parent_article_id": parent["article_id"],
                "credited": credited,
                "edits": ";".join(edits),
                "kept_share": round(min(kept, 1.0), 4),
                "credited_outlet_id": parent["outlet_id"] if credited else None,
            }
        )
        return c

    def _emit(
        self,
        o: str,
        ev: dict[str, str],
        title: str,
        paras: list[str],
        published: int | None,
        dateline: str,
        credit: str | None,
        family: int | None,
    ) -> int:
        """Add one article page of outlet ``o`` (furniture around the body): its row number."""
        rng, w = self.rng, self.writer
        idx = self.start + len(self.rows)
        lead, tail = self.furniture[o]
        # "More Stories From ..." lists headlines of the outlet's other pages: only furniture.
        more = [f"More Stories From {rng.choice(SECTIONS).title()}"] + [
            w.title(w.event()) for _ in range(2)
        ]
        body = list(paras)
        body[0] = dateline + body[0]
        text = "\n\n".join(lead + body + ["\n".join(more)] + tail)
        ts = None if published is None else pd.Timestamp(published, unit="s", tz="UTC")
        day = "undated" if ts is None else ts.strftime("%Y/%m/%d")
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
        url = f"https://www.{self.domains[o]}/{rng.choice(SECTIONS)}/{day}/{slug}-{idx}.html"
        self.rows.append(
            {
                "article_id": stable_id(url),
                "url": url,
                "domain": self.domains[o],
                "outlet_id": o,
                "site_name": self.names[o],
                "title": title,
                "published": ts,
                "language": "en",
                "byline": f"By {rng.choice(FIRST)} {rng.choice(LAST)}",
                "dateline_place": ev["CITY"].upper() if dateline else None,
                "credit_text": credit,
                "source_file": f"synthetic#{idx}",
                "text": text,
                "_paras": paras,
                "_family": family,
            }
        )
        return len(self.rows) - 1


def _tables(rows: list[dict], truth: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles table (schema "articles") and the truth table from the generated rows."""
    arts = pd.DataFrame(rows).drop(columns=["_paras", "_family"])
    arts["n_words"] = count_words_series(arts["text"])
    truth_df = pd.DataFrame(
        truth,
        columns=[
            "child_article_id",
            "parent_article_id",
            "credited",
            "edits",
            "kept_share",
            "credited_outlet_id",
        ],
    )
    truth_df["credited"] = truth_df["credited"].astype(bool)
    return conform(arts, "articles"), truth_df


def generate_corpus(
    n_articles: int, n_outlets: int = 100, seed: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Generate ``n_articles`` synthetic articles with the ground truth of every copy.

    Returns ``(articles, truth, outlets)``: articles conform to schema "articles"; truth has one row
    per copy (child_article_id, parent_article_id, credited, edits, kept_share = share of the
    parent's words kept, credited_outlet_id); outlets conform to schema "outlets".

    >>> a, t, o = generate_corpus(50, n_outlets=8, seed=3)
    >>> bool(a["article_id"].is_unique and t["child_article_id"].isin(a["article_id"]).all())
    True
    """
    if n_articles < 1:
        raise ValueError(f"n_articles must be >= 1, got {n_articles}")
    outlets = make_outlets(n_outlets, seed)
    articles, truth = _generate(n_articles, outlets, seed)
    return articles, truth, outlets


def credits_from_truth(articles: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """The credits table an ideal attribution stage would find (the datelines the generator wrote).

    Originals by wires and state media credit themselves in their dateline; those are omitted,
    as a self-credit says nothing about who copied whom.
    """
    t = truth[truth["credited"]]
    return conform(
        pd.DataFrame(
            {
                "credit_id": [stable_id(a, "dateline") for a in t["child_article_id"]],
                "article_id": t["child_article_id"].to_numpy(),
                "kind": "dateline",
                "outlet_id": t["credited_outlet_id"].to_numpy(),
                "cue": "dateline",
                "confidence": 1.0,
            }
        ),
        "credits",
    )


def _family_roots(articles: pd.DataFrame, truth: pd.DataFrame) -> pd.Series:
    """Root original of every article (itself for originals), following truth parents."""
    root = pd.Series(articles["article_id"].to_numpy(), index=articles["article_id"].to_numpy())
    parent = pd.Series(
        truth["parent_article_id"].to_numpy(), index=truth["child_article_id"].to_numpy()
    )
    for _ in range(20):  # families are at most a few hops deep
        nxt = root.map(parent).fillna(root)
        if nxt.equals(root):
            break
        root = nxt
    return root


def evaluate(reuse: pd.DataFrame, truth: pd.DataFrame, articles: pd.DataFrame) -> dict[str, float]:
    """Score reuse pairs against the ground truth.

    - ``pair_precision``: detected pairs whose two articles belong to one republication family
      (a copy, a copy of a copy, or two copies of one original all share its text);
    - ``recall_kept_half``: truth copies keeping >= half of the parent found as a pair;
    - ``direction_accuracy``: truth copies found, dated differently, with the child right;
    - ``best_parent_accuracy``: truth copies whose chosen best parent is the true parent.
    """
    root = _family_roots(articles, truth)
    same_family = (
        root.loc[reuse["child_article_id"]].to_numpy()
        == root.loc[reuse["parent_article_id"]].to_numpy()
    )
    key = pd.Series(list(zip(reuse["child_article_id"], reuse["parent_article_id"], strict=True)))
    found_dir = set(key)
    found = found_dir | {(p, c) for c, p in found_dir}
    edges = list(zip(truth["child_article_id"], truth["parent_article_id"], strict=True))
    hit = np.array([e in found for e in edges], dtype=bool)
    half = truth["kept_share"].to_numpy() >= 0.5
    pub = pd.Series(articles["published"].to_numpy(), index=articles["article_id"].to_numpy())
    tc = pub.loc[truth["child_article_id"]].to_numpy()
    tp = pub.loc[truth["parent_article_id"]].to_numpy()
    differ = ~pd.isna(tc) & ~pd.isna(tp) & (tc != tp)
    right = np.array([e in found_dir for e in edges], dtype=bool)
    best = reuse[reuse["is_best_parent"].fillna(False).astype(bool)]
    best = best.drop_duplicates("child_article_id")
    best_of = pd.Series(
        best["parent_article_id"].to_numpy(), index=best["child_article_id"].to_numpy()
    )
    chosen = best_of.reindex(truth["child_article_id"]).to_numpy()
    true_parent = truth["parent_article_id"].to_numpy()
    return {
        "n_pairs": int(len(reuse)),
        "n_truth": int(len(truth)),
        "pair_precision": float(same_family.mean()) if len(reuse) else 1.0,
        "recall_kept_half": float(hit[half].mean()) if half.any() else 1.0,
        "recall_all": float(hit.mean()) if len(hit) else 1.0,
        "direction_accuracy": float(right[hit & differ].mean()) if (hit & differ).any() else 1.0,
        "best_parent_accuracy": float((chosen[half] == true_parent[half]).mean())
        if half.any()
        else 1.0,
        "best_parent_precision": float(np.mean([(c, p) in set(edges) for c, p in best_of.items()]))
        if len(best_of)
        else 1.0,
        "undetermined": int((reuse["direction"] == "undetermined").sum()),
    }


def write_corpus_shards(
    out_dir: str | Path,
    n_articles: int,
    shard_size: int = 50_000,
    seed: int = 0,
    n_outlets: int = 100,
) -> list[Path]:
    """Write ``n_articles`` as parquet shards without holding the corpus in memory.

    Files: ``articles-00000.parquet`` ..., ``truth-00000.parquet`` ... and ``outlets.parquet``.
    Republication families stay within a shard (each shard is its own stream, seeded from
    ``seed`` and the shard number); outlets are shared by all shards. Returns the article shards.
    """
    if shard_size < 1 or n_articles < 1:
        raise ValueError("n_articles and shard_size must be >= 1")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    outlets = make_outlets(n_outlets, seed)
    outlets.to_parquet(out / "outlets.parquet", index=False)
    paths = []
    for k, start in enumerate(range(0, n_articles, shard_size)):
        n = min(shard_size, n_articles - start)
        arts, truth = _generate(n, outlets, seed * 1_000_003 + k, start=start)
        path = out / f"articles-{k:05d}.parquet"
        arts.to_parquet(path, index=False)
        truth.to_parquet(out / f"truth-{k:05d}.parquet", index=False)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a synthetic news corpus with ground truth.")
    ap.add_argument("n_articles", type=int)
    ap.add_argument("--out", required=True, help="output folder for parquet shards")
    ap.add_argument("--shard-size", type=int, default=50_000)
    ap.add_argument("--outlets", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    paths = write_corpus_shards(args.out, args.n_articles, args.shard_size, args.seed, args.outlets)
    print(
        f"wrote {args.n_articles} articles in {len(paths)} shards to {args.out} "
        f"in {time.perf_counter() - t:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
