"""The outlet registry: validated outlet rows, URL -> outlet and name -> outlet resolution.

The shipped registry (``provenance/resources/outlets.csv``) can be extended or overridden by a
user CSV or DataFrame with the same columns. Every invalid row raises
:class:`OutletRegistryError` naming the row and the problem.

>>> reg = load_registry()
>>> reg.resolve_name("Hungary's Magyar Nemzet newspaper")
'magyar-nemzet'
>>> reg.resolve_urls(pd.Series(["https://www.urdupoint.com/en/world/x.html", "blog.example.org"])).tolist()
['urdupoint', 'domain:example.org']
"""

from __future__ import annotations

import os
import pickle
import re
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from provenance.collector import collector_paused
from provenance.errors import check_frame
from provenance.outlets.codes import is_country_code, is_language_code
from provenance.outlets.domains import registered_domain, split_host
from provenance.outlets.mentions import MentionMatcher
from provenance.schema import TABLES, conform

OWNERSHIP = ("state", "public", "private", "unknown")
KINDS = ("wire", "newspaper", "broadcaster", "aggregator", "state_media", "government", "other")
COLUMNS: tuple[str, ...] = tuple(c for c in TABLES["outlets"].names if c != "registered")
DOMAIN_PREFIX = "domain:"

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_HOST_RE = re.compile(r"^(?:[\w-]{1,63}\.)+[\w-]{2,63}$")
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}
_MAX_CELL = 2_000  # characters; registry cells are short, anything longer is not a registry
_MAX_FILE_BYTES = 50_000_000
_MAX_NAME = 500


class OutletRegistryError(ValueError):
    """An outlet registry (file or DataFrame) has invalid rows; the message lists them."""


def _resource_path() -> Path:
    return Path(str(resources.files("provenance") / "resources" / "outlets.csv"))


def _read(source: str | os.PathLike[str] | pd.DataFrame) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        frame = source.copy()
        for col in frame.columns:
            frame[col] = frame[col].map(lambda v: "" if v is None or v is pd.NA or v != v else v)
        return frame.astype(str)
    path = Path(source)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise OutletRegistryError(f"{path}: cannot read outlet registry ({exc})") from exc
    if size > _MAX_FILE_BYTES:
        raise OutletRegistryError(f"{path}: {size} bytes is too large for an outlet registry")
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise OutletRegistryError(f"{path}: not a readable UTF-8 CSV ({exc})") from exc


def _split(cell: str) -> list[str]:
    return [part for part in map(str.strip, cell.split(";")) if part]


def _normalise_domain(domain: str) -> str:
    domain = domain.strip().lower().rstrip(".")
    return domain[4:] if domain.startswith("www.") else domain


def _validate(
    frame: pd.DataFrame, known: frozenset[str] = frozenset()
) -> tuple[pd.DataFrame, list[str]]:
    """Normalised registry rows and the problems found (row numbers count data rows from 1).

    Rows whose outlet_id is in ``known`` override an existing outlet and may leave the name
    empty (empty cells keep the existing values).
    """
    columns = [str(c).strip() for c in frame.columns]
    problems = _column_problems(columns)
    if problems:
        return pd.DataFrame(columns=list(COLUMNS)), problems
    check = _RowCheck(known)
    records = _records(frame.set_axis(columns, axis=1))
    rows = [check.row(number, record) for number, record in enumerate(records, start=1)]
    out = pd.DataFrame([row for row in rows if row is not None], columns=list(COLUMNS))
    return out.replace({"country": {"": None}, "language": {"": None}}), check.problems


def _column_problems(columns: list[str]) -> list[str]:
    """Unknown columns and missing required ones."""
    problems = []
    unknown = [c for c in columns if c not in COLUMNS and c != "registered"]
    if unknown:
        problems.append(f"unknown columns {unknown}; expected {list(COLUMNS)}")
    for required in ("outlet_id", "name"):
        if required not in columns:
            problems.append(f"missing required column {required!r}")
    return problems


@dataclass
class _RowCheck:
    """One pass over a registry's rows: the problems found, and where each outlet_id and domain
    first stood (a later row repeating one is a problem)."""

    known: frozenset[str]
    problems: list[str] = field(default_factory=list)
    first_row_of_id: dict[str, int] = field(default_factory=dict)
    first_row_of_domain: dict[str, int] = field(default_factory=dict)

    def row(self, number: int, record: dict[str, object]) -> dict[str, object] | None:
        """Row ``number`` normalised (None when a cell is too long), its problems recorded."""
        cell = {c: str(record.get(c, "") or "").strip() for c in COLUMNS}
        oid = cell["outlet_id"]
        where = f"row {number} ({oid!r})" if oid else f"row {number}"

        def bad(message: str) -> None:
            self.problems.append(f"{where}: {message}")

        long_cells = [c for c, v in cell.items() if len(v) > _MAX_CELL]
        if long_cells:
            bad(f"cells longer than {_MAX_CELL} characters: {long_cells}")
            return None
        self._check_id(oid, number, bad)
        if not cell["name"] and oid not in self.known:
            bad("empty name")
        coded = _coded_cells(cell, bad)
        domains = self._domains(cell["domains"], number, bad)
        aliases = _split(cell["aliases"])
        for alias in aliases:
            if not any(map(str.isalnum, alias)):
                bad(f"alias {alias!r} has no letters or digits")
        row: dict[str, object] = {
            **cell,
            **coded,
            "domains": ";".join(dict.fromkeys(domains)),
            "aliases": ";".join(dict.fromkeys(aliases)),
        }
        if oid in self.known:  # an override: empty cells stay empty so existing values survive
            row.update({c: None for c in ("ownership", "kind", "state_affiliated") if not cell[c]})
        return row

    def _check_id(self, oid: str, number: int, bad: Callable[[str], None]) -> None:
        if not oid:
            bad("empty outlet_id")
        elif oid.startswith(DOMAIN_PREFIX):
            bad("outlet_id must not start with 'domain:' (reserved for unregistered domains)")
        elif not _ID_RE.match(oid):
            bad("outlet_id must be a lower-case slug (a-z, 0-9, '-', '_', '.')")
        elif oid in self.first_row_of_id:
            bad(f"duplicate outlet_id (first at row {self.first_row_of_id[oid]})")
        else:
            self.first_row_of_id[oid] = number

    def _domains(self, cell: str, number: int, bad: Callable[[str], None]) -> list[str]:
        """The row's normalised domains; each must be a host name no earlier row holds."""
        domains = [_normalise_domain(d) for d in _split(cell)]
        first = self.first_row_of_domain
        for domain in domains:
            if not _HOST_RE.match(domain):
                bad(f"domain {domain!r} is not a host name")
            elif domain in first and first[domain] != number:
                bad(f"domain {domain!r} already belongs to row {first[domain]}")
            else:
                first[domain] = number
        return domains


def _coded_cells(cell: dict[str, str], bad: Callable[[str], None]) -> dict[str, object]:
    """Country, language, ownership, kind and state_affiliated, normalised and checked."""
    country = cell["country"].upper()
    if country and not is_country_code(country):
        bad(f"country {cell['country']!r} is not an ISO 3166-1 alpha-2 code")
    language = cell["language"].lower()
    if language and not is_language_code(language):
        bad(f"language {cell['language']!r} is not an ISO 639-1 code")
    ownership = cell["ownership"].lower() or "unknown"
    if ownership not in OWNERSHIP:
        bad(f"ownership {cell['ownership']!r} is not one of {'|'.join(OWNERSHIP)}")
    kind = cell["kind"].lower() or "other"
    if kind not in KINDS:
        bad(f"kind {cell['kind']!r} is not one of {'|'.join(KINDS)}")
    flag = cell["state_affiliated"].lower()
    if flag not in _TRUE | _FALSE:
        bad(f"state_affiliated {cell['state_affiliated']!r} is not true or false")
    return {
        "country": country,
        "language": language,
        "ownership": ownership,
        "kind": kind,
        "state_affiliated": flag in _TRUE,
    }


def check_outlets_file(path: str | os.PathLike[str] | pd.DataFrame) -> list[str]:
    """Human-readable problems of an outlet registry file; empty when it is valid.

    >>> check_outlets_file(pd.DataFrame({"outlet_id": ["x"], "name": ["X"], "kind": ["blog"]}))
    ["row 1 ('x'): kind 'blog' is not one of wire|newspaper|broadcaster|aggregator|state_media|government|other"]
    """
    try:
        frame = _read(path)
    except OutletRegistryError as exc:
        return [str(exc)]
    return _validate(frame, _shipped_ids())[1]


def _parse(
    source: str | os.PathLike[str] | pd.DataFrame,
    label: str,
    known: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    rows, problems = _validate(_read(source), known)
    if problems:
        shown = "\n  ".join(problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise OutletRegistryError(f"{label}: {len(problems)} invalid rows\n  {shown}{more}")
    return rows


class OutletRegistry:
    """Outlets with their domains and aliases; resolves URLs, names and mentions in text.

    Build it with :func:`load_registry`. Row order of ``table`` (user rows first, then the
    shipped file) is the priority order: it breaks ties when a domain or alias is shared.

    >>> reg = load_registry()
    >>> reg.get("sputnik")["country"], reg.get("sputnik")["state_affiliated"]
    ('RU', True)
    >>> reg.find_mentions(["MOSCOW (UrduPoint News / Sputnik) Lavrov told Hungary's Magyar "
    ...                    "Nemzet newspaper."])[["start", "outlet_id"]].values.tolist()
    [[8, 'urdupoint'], [25, 'sputnik'], [56, 'magyar-nemzet']]
    """

    def __init__(self, table: pd.DataFrame) -> None:
        check_frame(table, "table", "OutletRegistry")
        table = conform(table.assign(registered=True), "outlets")
        if table["outlet_id"].duplicated().any():
            dupes = sorted(table.loc[table["outlet_id"].duplicated(), "outlet_id"].unique())
            raise OutletRegistryError(f"duplicate outlet ids: {dupes}")
        self._table = table
        # (the build makes ~50,000 small objects, rows, name keys, the matcher's surface forms,
        # and no cycle; session 17, 1,196-row registry in one process: 81 -> 51 ms CPU paused)
        with collector_paused():
            self._build(table)
        self._pickled: tuple[str, bytes] | None = None  # see __reduce__

    def _build(self, table: pd.DataFrame) -> None:
        """The rows, the domain and name lookups and the mention matcher of ``table``."""
        self._rows: dict[str, dict[str, object]] = {
            row["outlet_id"]: _plain(row) for row in _records(table)
        }
        self._domains: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._sharing: dict[str, list[str]] = {}  # every outlet of a name key, in table order
        entries: list[tuple[str, str, str | None, str]] = []
        for row in self._rows.values():
            oid, country = str(row["outlet_id"]), row["country"]
            country = None if country is None else str(country)
            for domain in _split(str(row["domains"] or "")):
                self._domains.setdefault(domain, oid)
                entries.append((domain, oid, country, "domain"))
            # A row's name is most often one of its aliases too: 1,109 of 3,635 (session 17).
            for alias in dict.fromkeys([str(row["name"]), *_split(str(row["aliases"] or ""))]):
                key = _name_key(alias)
                self._names.setdefault(key, oid)
                sharing = self._sharing.setdefault(key, [])
                if oid not in sharing:
                    sharing.append(oid)
                entries.append((alias, oid, country, "alias"))
        self._matcher = MentionMatcher(entries)

    def __reduce__(self) -> tuple[Callable[[str, bytes], OutletRegistry], tuple[str, bytes]]:
        """Pickled as a token and the pickle of its state, both made once: a process that has
        unpickled this registry before (a pool worker, job after job) takes that copy again.

        Every job of the pandas engine's pool ships the registry (a registry does not change
        once built). First 20,000 ABP articles, 20 jobs: each unpickled it in ~0.035 CPU s (its
        name matcher's automaton rebuilt) and the parent pickled it in ~0.01 s."""
        if self._pickled is None:
            state = {k: v for k, v in self.__dict__.items() if k != "_pickled"}
            self._pickled = (uuid.uuid4().hex, pickle.dumps(state, pickle.HIGHEST_PROTOCOL))
        return _unpickled_registry, self._pickled

    # -- lookup -------------------------------------------------------------------------------

    @property
    def table(self) -> pd.DataFrame:
        """The registry as a DataFrame conforming to schema ``outlets`` (a copy)."""
        return self._table.copy()

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, outlet_id: object) -> bool:
        return outlet_id in self._rows

    def get(self, outlet_id: str) -> dict[str, object] | None:
        """The outlet's row as a dict (plain Python values), or None when not registered."""
        row = self._rows.get(outlet_id) if isinstance(outlet_id, str) else None
        return dict(row) if row is not None else None

    def resolve_urls(self, urls: pd.Series | Sequence[str]) -> pd.Series:
        """Outlet id per URL or host: the most specific registered host wins
        (``news.yahoo.com`` before ``yahoo.com``); unknown hosts give ``'domain:<registered
        domain>'``; empty or unparseable values give NA."""
        series = urls if isinstance(urls, pd.Series) else pd.Series(list(urls), dtype="object")
        values = series.astype("string")
        mapping = {u: self._resolve_url(u) for u in values.dropna().unique()}
        return values.map(mapping).astype("string").rename(series.name)

    def _resolve_url(self, url: str) -> str | None:
        url = url.strip()
        if not url or len(url) > 4_000 or any(ch.isspace() for ch in url):
            return None
        registered = registered_domain(url)
        if registered is None or not _HOST_RE.match(registered):
            return None
        subdomain = split_host(url)[0]
        labels = subdomain.split(".") if subdomain else []
        for i in range(len(labels) + 1):
            host = ".".join([*labels[i:], registered])
            if host in self._domains:
                return self._domains[host]
        return DOMAIN_PREFIX + registered

    def resolve_name(self, name: str) -> str | None:
        """Outlet id for a name as written ("Sputnik", "REUTERS", "UrduPoint.com",
        "Hungary's Magyar Nemzet newspaper"), or None.

        Exact names and aliases match case-insensitively; otherwise the best mention found in
        ``name`` (highest confidence, then longest) decides.
        """
        if not isinstance(name, str):
            return None
        name = name.strip()[:_MAX_NAME]
        if not name:
            return None
        if "." in name and not any(ch.isspace() for ch in name):
            oid = self._resolve_url(name)
            if oid is not None and not oid.startswith(DOMAIN_PREFIX):
                return oid
        key = _name_key(name)
        if key in self._names:
            return self._names[key]
        found = self._matcher.find(name)
        if not found:
            return None
        best = max(found, key=lambda m: (m[4], m[1] - m[0], -m[0]))
        return best[2]

    def name_outlets(self, name: str) -> list[str]:
        """Every outlet registered under ``name`` exactly (case-insensitive), in table order:
        more than one where outlets share an alias ("The Times": The Times of London and The
        New York Times), which :meth:`resolve_name` reads as the first.

        >>> load_registry().name_outlets("the Times")
        ['the-times', 'nytimes']
        """
        return list(self._sharing.get(_name_key(name), [])) if isinstance(name, str) else []

    def surface_forms(self) -> list[str]:
        """The names, aliases and domains as the mention matcher looks for them (each in the
        surface forms it accepts, "Sputnik" and "SPUTNIK"): every mention found is one."""
        return self._matcher.surfaces

    def mentions_in(
        self, text: str, found: list[tuple[int, int, int]] | None = None
    ) -> list[tuple[int, int, str, str, float]]:
        """Outlet mentions of one text as ``(start, end, outlet_id, matched, confidence)``, in
        text order: the rows :meth:`find_mentions` gives for it, without building a frame (the
        frame cost ~0.5 ms a call, more than the pass over a 5,700-character article).
        ``found``: the occurrences of :meth:`surface_forms` in ``text`` (index, start, end)
        when another pass found them (``MentionMatcher.find``)."""
        return self._matcher.find(text, found) if isinstance(text, str) else []

    def find_mentions(self, texts: Sequence[str] | pd.Series) -> pd.DataFrame:
        """Outlet mentions in each text: doc (0-based position in ``texts``), start, end
        (exclusive), outlet_id, matched (the text as written) and confidence, sorted by doc and
        start. One Aho-Corasick pass per text over every alias and domain of every outlet."""
        if isinstance(texts, str):
            raise TypeError("texts must be a sequence of strings, not a single string")
        values = texts.tolist() if isinstance(texts, pd.Series) else list(texts)
        docs: list[int] = []
        found: list[tuple[int, int, str, str, float]] = []
        for doc, text in enumerate(values):
            if not isinstance(text, str) or not text:
                continue
            hits = self.mentions_in(text)
            docs.extend([doc] * len(hits))
            found.extend(hits)
        starts = [h[0] for h in found]
        ends = [h[1] for h in found]
        return pd.DataFrame(
            {
                "doc": pd.array(docs, dtype="Int64"),
                "start": pd.array(starts, dtype="Int64"),
                "end": pd.array(ends, dtype="Int64"),
                "outlet_id": pd.array([h[2] for h in found], dtype="string"),
                "matched": pd.array([h[3] for h in found], dtype="string"),
                "confidence": pd.array([h[4] for h in found], dtype="float64"),
            }
        )

    # -- tables -------------------------------------------------------------------------------

    def outlet_table(self, ids: Iterable[str] | pd.Series) -> pd.DataFrame:
        """Schema ``outlets`` rows for ``ids`` (distinct, in first-seen order, NA skipped).

        Unregistered ids (``'domain:x.com'``) get a synthesised row: name = the domain,
        ownership unknown, registered False.
        """
        if isinstance(ids, str):
            raise TypeError("ids must be an iterable of outlet ids, not a single string")
        rows = []
        for oid in dict.fromkeys(i for i in ids if isinstance(i, str) and i):
            row = self._rows.get(oid)
            if row is not None:
                rows.append(row)
                continue
            domain = oid[len(DOMAIN_PREFIX) :] if oid.startswith(DOMAIN_PREFIX) else ""
            rows.append(
                {
                    "outlet_id": oid,
                    "name": domain or oid,
                    "domains": domain,
                    "aliases": "",
                    "ownership": "unknown",
                    "state_affiliated": False,
                    "kind": "other",
                    "reference": "",
                    "registered": False,
                }
            )
        if not rows:
            return conform(pd.DataFrame(columns=TABLES["outlets"].names), "outlets")
        return conform(pd.DataFrame(rows), "outlets")

    def search(
        self,
        text: str | None = None,
        country: str | None = None,
        state_affiliated: bool | None = None,
    ) -> pd.DataFrame:
        """Registry rows matching every given filter, sorted by outlet_id.

        ``text`` matches case-insensitively inside id, name, aliases, domains or owner.

        >>> load_registry().search("sputnik")["outlet_id"].tolist()
        ['sputnik']
        """
        table = self._table
        mask = pd.Series(True, index=table.index)
        if text is not None:
            if not isinstance(text, str):
                raise TypeError("text must be a string")
            needle = text.strip().casefold()
            haystack = (
                table[["outlet_id", "name", "aliases", "domains", "owner"]]
                .fillna("")
                .astype(str)
                .agg(" ".join, axis=1)
                .str.casefold()
            )
            mask &= haystack.str.contains(needle, regex=False)
        if country is not None:
            code = str(country).strip().upper()
            if not is_country_code(code):
                raise ValueError(f"country {country!r} is not an ISO 3166-1 alpha-2 code")
            mask &= table["country"].fillna("").eq(code)
        if state_affiliated is not None:
            if not isinstance(state_affiliated, bool):
                raise TypeError("state_affiliated must be True, False or None")
            mask &= table["state_affiliated"].fillna(False).eq(state_affiliated)
        return table[mask].sort_values("outlet_id").reset_index(drop=True)


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """``frame.to_dict("records")``, the same dicts, built from each column's ``tolist``:
    ``to_dict`` boxes cell by cell, 15 of the ~130 ms CPU of a load of the 1,156-row registry,
    against 3 ms here (a load reads the rows twice: checked, then kept)."""
    columns = list(frame.columns)
    cells = zip(*(frame[c].tolist() for c in columns), strict=True)
    return [dict(zip(columns, row, strict=True)) for row in cells]


def _plain(row: dict[str, object]) -> dict[str, object]:
    return {k: (None if v is pd.NA or v is None else v) for k, v in row.items()}


_KEY_JUNK = re.compile(r"[^\w&+/]+")


def _name_key(name: str) -> str:
    """Case- and punctuation-insensitive lookup key: 'The Hill' == 'the hill' == 'THE HILL'."""
    key = _KEY_JUNK.sub(" ", name.casefold().replace("’", "'")).strip()
    return key[4:] if key.startswith("the ") else key


def _blank(value: object) -> bool:
    return value is None or value is pd.NA or value == "" or value != value


def _merge(shipped: pd.DataFrame, user: pd.DataFrame) -> pd.DataFrame:
    """User rows first (they win ties); a user row with a shipped id overrides that row, and
    its empty cells keep the shipped values."""
    base = shipped.set_index("outlet_id", drop=False)
    merged = []
    for row in user.to_dict("records"):
        oid = row["outlet_id"]
        if oid in base.index:
            old = base.loc[oid].to_dict()
            row = {k: (old[k] if _blank(v) else v) for k, v in row.items()}
        merged.append(row)
    user_ids = set(user["outlet_id"])
    rest = shipped[~shipped["outlet_id"].isin(user_ids)]
    # A user-owned domain moves to the user outlet, so shipped rows drop it.
    taken = {d for cell in user["domains"] for d in _split(str(cell))}
    if taken:
        rest = rest.assign(
            domains=rest["domains"].map(lambda c: ";".join(d for d in _split(c) if d not in taken))
        )
    return pd.concat([pd.DataFrame(merged, columns=list(COLUMNS)), rest], ignore_index=True)


@lru_cache(maxsize=1)
def _shipped() -> OutletRegistry:
    return OutletRegistry(_shipped_rows())


@lru_cache(maxsize=1)
def _shipped_rows() -> pd.DataFrame:
    return _parse(_resource_path(), "shipped outlet registry")


def _shipped_ids() -> frozenset[str]:
    return frozenset(_shipped_rows()["outlet_id"])


# The registries this process unpickled last, by token (OutletRegistry.__reduce__); a lock, as
# a Dask worker may unpickle in several threads.
_UNPICKLED: dict[str, OutletRegistry] = {}
_UNPICKLED_KEPT = 2
_UNPICKLED_LOCK = threading.Lock()


def _unpickled_registry(token: str, state: bytes) -> OutletRegistry:
    """The registry pickled as ``token`` and ``state``: the one unpickled here before, if kept."""
    with _UNPICKLED_LOCK:
        registry = _UNPICKLED.get(token)
        if registry is None:
            registry = OutletRegistry.__new__(OutletRegistry)
            registry.__dict__.update(pickle.loads(state))
            registry._pickled = (token, state)
            while len(_UNPICKLED) >= _UNPICKLED_KEPT:
                _UNPICKLED.pop(next(iter(_UNPICKLED)))
            _UNPICKLED[token] = registry
    return registry


def load_registry(
    user_outlets: str | os.PathLike[str] | pd.DataFrame | None = None,
) -> OutletRegistry:
    """The shipped outlet registry, extended or overridden by ``user_outlets``.

    ``user_outlets`` is None, a CSV path or a DataFrame with the registry columns (outlet_id and
    name required). Invalid rows raise :class:`OutletRegistryError`. The default registry is
    built once per process and shared.

    >>> reg = load_registry(pd.DataFrame({"outlet_id": ["qz-herald"], "name": ["Qz Herald"],
    ...                                   "domains": ["qzherald.example"], "country": ["QZ"]}))
    >>> reg.resolve_name("the Qz Herald"), reg.get("qz-herald")["country"]
    ('qz-herald', 'QZ')
    """
    if user_outlets is None:
        return _shipped()
    if not isinstance(user_outlets, str | os.PathLike | pd.DataFrame):
        raise TypeError("user_outlets must be None, a path or a DataFrame")
    label = "user outlets" if isinstance(user_outlets, pd.DataFrame) else str(user_outlets)
    user = _parse(user_outlets, label, _shipped_ids())
    return OutletRegistry(_merge(_shipped_rows(), user))


def assign_outlets(articles: pd.DataFrame, reg: OutletRegistry | None = None) -> pd.Series:
    """Outlet id per article: by ``url`` (or ``domain``) when the host is registered, else by
    ``site_name`` via :meth:`OutletRegistry.resolve_name`, else ``'domain:<domain>'``; NA
    when an article has none of the three.

    >>> arts = pd.DataFrame({"url": [None, "https://qz.example/a"], "domain": ["urdupoint.com", None],
    ...                      "site_name": [None, "Reuters"]})
    >>> assign_outlets(arts).tolist()
    ['urdupoint', 'reuters']
    """
    check_frame(articles, "articles", "assign_outlets")
    reg = reg if reg is not None else load_registry()
    index = articles.index

    def column(name: str) -> pd.Series:
        if name in articles.columns:
            return articles[name].astype("string")
        return pd.Series(pd.NA, index=index, dtype="string")

    by_url = reg.resolve_urls(column("url"))
    by_domain = reg.resolve_urls(column("domain"))

    def registered(ids: pd.Series) -> pd.Series:
        return ids.where(~ids.fillna(DOMAIN_PREFIX).str.startswith(DOMAIN_PREFIX))

    out = registered(by_url).fillna(registered(by_domain))
    names = column("site_name")
    todo = names[out.isna()].dropna().unique()
    by_name = names.map({n: reg.resolve_name(n) for n in todo}).astype("string")
    out = out.fillna(by_name).fillna(by_url).fillna(by_domain)
    return out.astype("string").rename("outlet_id")
