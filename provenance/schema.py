"""The product's contract: every output table's columns, dtypes and one-line meanings.

Each table is a pandas DataFrame in the API and a CSV (or Parquet) file on disk. Column names
are snake_case and stable; IDs are derived from URLs or content, never from row order.
Some tables also carry open families of columns named by a prefix (``f_`` framing features on
articles, ``d_`` framing deltas on links); those are listed in ``Table.prefixes``.

Example
-------
>>> from provenance.schema import TABLES, empty
>>> list(empty("errors").columns)
['source', 'record', 'stage', 'reason']
>>> TABLES["errors"].describe("reason")
'why the record was rejected or only partly kept, in one line'
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

STRING = "string"
INT = "Int64"
FLOAT = "float64"
BOOL = "boolean"
TIME = "datetime64[ns, UTC]"


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    prefixes: dict[str, str] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def dtypes(self) -> dict[str, str]:
        return {c.name: c.dtype for c in self.columns}

    def describe(self, column: str) -> str:
        for c in self.columns:
            if c.name == column:
                return c.description
        for prefix, meaning in self.prefixes.items():
            if column.startswith(prefix):
                return meaning
        raise KeyError(f"{self.name} has no column {column!r}")


def _table(name: str, description: str, cols: list[tuple[str, str, str]], **prefixes: str) -> Table:
    return Table(name, description, tuple(Column(*c) for c in cols), dict(prefixes))


TABLES: dict[str, Table] = {}


def _register(table: Table) -> None:
    TABLES[table.name] = table


_register(
    _table(
        "articles",
        "one row per ingested article",
        [
            (
                "article_id",
                STRING,
                "stable id: hash of the normalised URL, else of site + title + text",
            ),
            (
                "url",
                STRING,
                "canonical URL as given by the input (empty for page dumps without one)",
            ),
            ("domain", STRING, "registered domain of the URL or of the site named in the input"),
            (
                "outlet_id",
                STRING,
                "outlet that published the article (registry id, or derived from domain)",
            ),
            (
                "site_name",
                STRING,
                "publisher name as the input states it (page header, og:site_name, outlet column)",
            ),
            ("title", STRING, "headline"),
            ("published", TIME, "publication time in UTC; empty when unknown or unparseable"),
            ("language", STRING, "ISO 639-1 language code when known"),
            ("byline", STRING, "author line as written"),
            ("dateline_place", STRING, "place named in the dateline (e.g. MOSCOW)"),
            (
                "credit_text",
                STRING,
                "the credit line or dateline credit as written (e.g. 'UrduPoint News / Sputnik')",
            ),
            ("n_words", INT, "words in the body text"),
            ("source_file", STRING, "input file and record number, as 'path#record'"),
            (
                "story_id",
                STRING,
                "story cluster of the article (see the stories table); empty when it shares text with no other article",
            ),
            ("text", STRING, "body text (kept in the API and Parquet; CSV only with include_text)"),
        ],
        f_="framing feature of the article body or headline (see provenance.framing)",
    )
)

_register(
    _table(
        "outlets",
        "one row per outlet: the shipped registry plus user entries",
        [
            (
                "outlet_id",
                STRING,
                "stable slug, e.g. 'sputnik'; 'domain:example.com' for unregistered domains",
            ),
            ("name", STRING, "display name"),
            ("domains", STRING, "every domain of the outlet, ';'-separated"),
            ("aliases", STRING, "names as they appear in text, ';'-separated"),
            ("country", STRING, "ISO 3166-1 alpha-2 country code"),
            ("language", STRING, "main language, ISO 639-1"),
            ("owner", STRING, "owner or parent organisation"),
            ("ownership", STRING, "state | public | private | unknown"),
            ("state_affiliated", BOOL, "true when editorially controlled or funded by a state"),
            (
                "kind",
                STRING,
                "wire | newspaper | broadcaster | aggregator | state_media | government | other",
            ),
            ("reference", STRING, "public source of the facts in this row"),
            (
                "registered",
                BOOL,
                "true when in the shipped or user registry, false when derived from a domain",
            ),
        ],
    )
)

_register(
    _table(
        "credits",
        "the article says it is (partly) another outlet's copy",
        [
            ("credit_id", STRING, "stable id: hash of article_id, span and cue"),
            ("article_id", STRING, "article carrying the credit"),
            (
                "kind",
                STRING,
                "dateline | byline | source_line | tagline | inputs_from | originally_published | republished | agency_tag | photo (a photo credit) | self (the article's own outlet or a sister outlet: no republication)",
            ),
            ("outlet_id", STRING, "credited outlet (registry id); empty when not resolvable"),
            ("entity_text", STRING, "the credited name as written"),
            ("cue", STRING, "the words or house style that mark the credit"),
            ("place", STRING, "dateline place, when the credit is a dateline"),
            ("credit_date", STRING, "date written in the credit, ISO 8601, when there is one"),
            ("span_start", INT, "character offset of the credit in the body text"),
            ("span_end", INT, "end offset (exclusive)"),
            ("text", STRING, "the credit as written"),
            ("confidence", FLOAT, "0-1"),
        ],
    )
)

_register(
    _table(
        "citations",
        "the article cites what another outlet reported or was told",
        [
            ("citation_id", STRING, "stable id: hash of article_id, span and cue"),
            ("article_id", STRING, "citing article"),
            (
                "kind",
                STRING,
                "interview | report | statement | op_ed | quoted | citing | correspondent",
            ),
            ("outlet_id", STRING, "cited outlet (registry id); empty when not resolvable"),
            ("entity_text", STRING, "the cited name as written"),
            ("cue", STRING, "the cue words (e.g. 'told ... in an interview')"),
            ("speaker", STRING, "who spoke to or was quoted by the outlet, when stated"),
            ("span_start", INT, "character offset in the body text"),
            ("span_end", INT, "end offset (exclusive)"),
            ("text", STRING, "the citing sentence or clause"),
            ("confidence", FLOAT, "0-1"),
        ],
    )
)

_register(
    _table(
        "quotes",
        "direct quotes with their speakers; a quote in single marks inside a quoted passage"
        ' ("‘...,’ Gillibrand replied" within a quoted column) is a row of its own when a person'
        " is named beside it, and framing's quote features (articles and links) count the outer"
        " quotes only",
        [
            ("quote_id", STRING, "stable id: hash of article_id, field and span"),
            ("article_id", STRING, "article containing the quote"),
            ("field", STRING, "title | text: where the quote stands"),
            ("text", STRING, "the quoted words, without the quote marks"),
            (
                "speaker",
                STRING,
                "who said it, as named in the article (resolved for 'the minister')",
            ),
            ("speaker_role", STRING, "role or title as written (e.g. 'Russian Foreign Minister')"),
            ("verb", STRING, "reporting verb as written (said, told, noted, ...)"),
            ("addressee_outlet_id", STRING, "outlet the words were said to ('told Magyar Nemzet')"),
            ("span_start", INT, "character offset of the quoted words in the field"),
            ("span_end", INT, "end offset (exclusive)"),
            ("n_words", INT, "words in the quote"),
        ],
    )
)

_register(
    _table(
        "reuse",
        "verified text-reuse pairs: the child copies passages of the parent",
        [
            ("pair_id", STRING, "stable id: hash of the two article ids"),
            ("child_article_id", STRING, "the copy (later, or the one crediting the other)"),
            ("parent_article_id", STRING, "the source"),
            ("containment", FLOAT, "share of the child's shingles found in the parent"),
            ("parent_coverage", FLOAT, "share of the parent's shingles that survive in the child"),
            ("jaccard", FLOAT, "shingle Jaccard similarity"),
            ("aligned_chars", INT, "characters of the child inside aligned passages"),
            ("n_passages", INT, "aligned passages"),
            ("added_words", INT, "words of the child outside aligned passages"),
            ("dropped_words", INT, "words of the parent outside aligned passages"),
            (
                "direction",
                STRING,
                "how the direction was decided: published | credit | outlet_kind | containment | undetermined",
            ),
            ("lag_hours", FLOAT, "child published minus parent published, hours"),
            ("confidence", FLOAT, "0-1"),
            ("is_best_parent", BOOL, "true for the child's chosen parent; false for alternatives"),
        ],
    )
)

_register(
    _table(
        "passages",
        "aligned passages of each reuse pair",
        [
            ("pair_id", STRING, "reuse pair"),
            ("passage", INT, "passage number within the pair, in child order"),
            ("child_start", INT, "offset in the child's text"),
            ("child_end", INT, "end offset (exclusive)"),
            ("parent_start", INT, "offset in the parent's text"),
            ("parent_end", INT, "end offset (exclusive)"),
            ("n_words", INT, "words in the passage"),
        ],
    )
)

_register(
    _table(
        "links",
        "provenance graph edges, child -> parent",
        [
            ("link_id", STRING, "stable id: hash of child, parent article or outlet, and relation"),
            ("child_article_id", STRING, "the article that takes from the parent"),
            (
                "child_outlet_id",
                STRING,
                "outlet of the child node: the child article's outlet, or the credited outlet when the hop is read inside a republished story whose original is not in the corpus",
            ),
            ("parent_article_id", STRING, "parent article when it is in the corpus, else empty"),
            (
                "parent_outlet_id",
                STRING,
                "parent's outlet (the only parent node when no article is known)",
            ),
            (
                "relation",
                STRING,
                "republishes | mirror | cites | interview_with | quotes | statement_to | op_ed_in; mirror: the same article on another domain of the same publisher (not a provenance source)",
            ),
            ("evidence", STRING, "credit | text_reuse | citation, '+'-combined"),
            ("containment", FLOAT, "share of the child found in the parent (text reuse only)"),
            (
                "parent_coverage",
                FLOAT,
                "share of the parent surviving in the child (text reuse only)",
            ),
            ("credited", BOOL, "true when the child credits or cites the parent outlet"),
            ("uncredited_state_media", BOOL, "reuse of a state-affiliated parent without credit"),
            ("lag_hours", FLOAT, "child published minus parent published, hours"),
            (
                "speakers",
                STRING,
                "people quoted on this link (the interviewee of an interview, quotes addressed to the parent outlet), '; '-separated",
            ),
            ("cue", STRING, "the credit or citation words behind the link, as written"),
            ("confidence", FLOAT, "0-1"),
        ],
        d_="framing delta, child minus parent (see provenance.framing)",
    )
)

_register(
    _table(
        "chains",
        "each article's path to its root source",
        [
            ("chain_id", STRING, "stable id: hash of the path's nodes"),
            ("article_id", STRING, "the leaf article"),
            ("path", STRING, "readable path, e.g. 'urdupoint.com > Sputnik > Magyar Nemzet'"),
            ("depth", INT, "hops from the leaf to the root"),
            ("root_outlet_id", STRING, "outlet at the root"),
            ("root_state_affiliated", BOOL, "true when the root outlet is state-affiliated"),
            (
                "via_state_affiliated",
                BOOL,
                "true when any source on the path (after the leaf) is state-affiliated",
            ),
            ("credited_all_the_way", BOOL, "true when every hop credits its parent"),
        ],
    )
)

_register(
    _table(
        "chain_hops",
        "the nodes of each chain, one row per hop",
        [
            ("chain_id", STRING, "chain"),
            ("hop", INT, "0 for the leaf, increasing towards the root"),
            ("article_id", STRING, "article at this hop, when in the corpus"),
            ("outlet_id", STRING, "outlet at this hop"),
            ("link_id", STRING, "link from this hop to the next (empty at the root)"),
            ("evidence", STRING, "that link's evidence"),
        ],
    )
)

_register(
    _table(
        "outlet_comparison",
        "one row per outlet seen in the corpus",
        [
            ("outlet_id", STRING, "outlet"),
            ("name", STRING, "display name"),
            ("country", STRING, "ISO 3166-1 alpha-2"),
            ("ownership", STRING, "state | public | private | unknown"),
            ("state_affiliated", BOOL, "state-affiliated outlet"),
            ("n_articles", INT, "articles in the corpus"),
            ("n_republished", INT, "articles that republish (credit or reuse) another outlet"),
            ("share_republished", FLOAT, "n_republished / n_articles"),
            ("top_parents", STRING, "most frequent parent outlets, 'id (n); ...'"),
            (
                "share_from_state_media",
                FLOAT,
                "share of articles whose chain root is state-affiliated",
            ),
            (
                "share_via_state_media",
                FLOAT,
                "share of articles whose chain passes through a state-affiliated source",
            ),
            ("credit_rate", FLOAT, "credited reuse / all reuse; empty when no reuse"),
            ("median_lag_hours", FLOAT, "median lag behind the parent, hours"),
            (
                "n_mirrored",
                INT,
                "articles with a mirror: the same article on another domain of the same publisher (not counted as republished)",
            ),
            (
                "n_state_stories",
                INT,
                "stories rooted in state media that the outlet carries (with an article that is not the story's first)",
            ),
            (
                "median_lag_state_stories_hours",
                FLOAT,
                "median hours from a state-media story's first article to the outlet's article in it",
            ),
        ],
        f_="mean framing feature over the outlet's articles",
        d_="mean framing drift vs. parents",
    )
)

_register(
    _table(
        "stories",
        "story clusters: articles that share one text (connected components of the reuse pairs)",
        [
            ("story_id", STRING, "stable id: hash of the sorted member article ids"),
            ("n_articles", INT, "articles in the story"),
            ("n_outlets", INT, "distinct outlets that carried it"),
            (
                "first_article_id",
                STRING,
                "earliest published article (unknown times last; then the one that copies no other)",
            ),
            ("first_outlet_id", STRING, "outlet of the first article"),
            ("first_published", TIME, "earliest publication time in the story"),
            ("last_published", TIME, "latest publication time in the story"),
            ("span_hours", FLOAT, "last_published minus first_published, hours"),
            (
                "n_credited",
                INT,
                "articles that credit or cite the first outlet, the root or another member's outlet",
            ),
            (
                "root_outlet_id",
                STRING,
                "root of the first article's chain (its own outlet when it copies nobody)",
            ),
            (
                "root_state_affiliated",
                BOOL,
                "true when the first outlet or the root outlet is state-affiliated",
            ),
            ("outlet_ids", STRING, "the outlets that carried it, sorted, '; '-separated"),
        ],
    )
)

_register(
    _table(
        "framing",
        "long table of framing features with evidence",
        [
            ("target_kind", STRING, "article | link"),
            ("target_id", STRING, "article_id or link_id"),
            ("feature", STRING, "feature name (see provenance.framing)"),
            ("value", FLOAT, "feature value"),
            ("evidence", STRING, "spans behind the value, 'start-end:text; ...'"),
        ],
    )
)

_register(
    _table(
        "errors",
        "every rejected or partly kept input record, with the reason",
        [
            ("source", STRING, "input file"),
            ("record", STRING, "record within the file (line, row, WARC record), or empty"),
            ("stage", STRING, "pipeline stage that rejected it (ingest, outlets, ...)"),
            ("reason", STRING, "why the record was rejected or only partly kept, in one line"),
        ],
    )
)


def empty(name: str) -> pd.DataFrame:
    """An empty DataFrame with the table's columns and dtypes."""
    table = TABLES[name]
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in table.columns})


def conform(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return ``df`` with the table's columns in contract order and dtypes.

    Missing contract columns are added empty; prefixed columns (``f_``, ``d_``) are kept after the
    contract columns in sorted order; any other column is an error, so tables cannot drift.
    """
    table = TABLES[name]
    extra = [c for c in df.columns if c not in table.dtypes]
    prefixed = sorted(c for c in extra if any(c.startswith(p) for p in table.prefixes))
    unknown = [c for c in extra if c not in prefixed]
    if unknown:
        raise ValueError(f"table {name!r} has columns outside its schema: {unknown}")
    columns: dict[str, pd.Series] = {}
    for col in table.columns:
        if col.name in df.columns:
            columns[col.name] = _cast(df[col.name], col.dtype)
        else:
            columns[col.name] = pd.Series(None, index=df.index, dtype=col.dtype)
    for col_name in prefixed:
        columns[col_name] = pd.to_numeric(df[col_name], errors="coerce").astype(FLOAT)
    out = pd.DataFrame(columns, index=df.index)
    return out.reset_index(drop=True)


def from_columns(columns: dict[str, list], name: str) -> pd.DataFrame:
    """The table built from ``columns`` of Python values (str, int, float or None; exactly the
    contract's columns), each typed by the contract as it is built: the frame
    ``conform(pd.DataFrame(columns), name)`` gives, without pandas inferring object columns
    first and ``conform`` casting and copying them again. (The quotes table of 250 ABP
    articles, ~2,900 rows: ~10 -> ~5 ms a call.)"""
    table = TABLES[name]
    if set(columns) != set(table.dtypes):
        raise ValueError(f"table {name!r}: columns {sorted(columns)} != contract {table.names}")
    if any(c.dtype in (TIME, BOOL) for c in table.columns):
        return conform(pd.DataFrame(columns), name)  # (values that need _cast's reading)
    return pd.DataFrame({c.name: pd.array(columns[c.name], dtype=c.dtype) for c in table.columns})


def _cast(series: pd.Series, dtype: str) -> pd.Series:
    if dtype == TIME:
        return pd.to_datetime(series, utc=True, errors="coerce").astype(TIME)
    if dtype == BOOL and not pd.api.types.is_bool_dtype(series.dtype):
        # bool(NaN) is True: missing values must stay missing, and "false" strings must be false.
        return series.map(_to_bool).astype(BOOL)
    return series.astype(dtype)


def _to_bool(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return pd.NA
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes"):
            return True
        if lowered in ("false", "0", "no", ""):
            return False if lowered else pd.NA
    return bool(value)


def validate(df: pd.DataFrame, name: str) -> None:
    """Raise ``ValueError`` unless ``df`` has exactly the table's columns and dtypes (in order)."""
    table = TABLES[name]
    got = list(df.columns[: len(table.columns)])
    if got != table.names:
        raise ValueError(f"table {name!r}: columns {got} != contract {table.names}")
    for col in table.columns:
        if str(df[col.name].dtype) != str(pd.Series(dtype=col.dtype).dtype):
            raise ValueError(
                f"table {name!r}: column {col.name!r} has dtype {df[col.name].dtype}, contract {col.dtype}"
            )
    for extra in df.columns[len(table.columns) :]:
        if not any(extra.startswith(p) for p in table.prefixes):
            raise ValueError(f"table {name!r}: column {extra!r} outside the schema")


def markdown() -> str:
    """The contract as Markdown tables (the README's "Tables" section is generated from it)."""
    lines: list[str] = []
    for table in TABLES.values():
        lines += [
            f"### `{table.name}`",
            "",
            table.description + ".",
            "",
            "| column | dtype | meaning |",
            "|---|---|---|",
        ]
        lines += [f"| `{c.name}` | {c.dtype} | {c.description} |" for c in table.columns]
        lines += [f"| `{p}*` | float64 | {meaning} |" for p, meaning in table.prefixes.items()]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown())
