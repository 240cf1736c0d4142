"""One Aho-Corasick pass over the whole corpus for every lexicon at once.

The texts are lower-cased and every character that cannot be part of a word is turned into a
space *one for one* (so offsets stay valid in the original text); the texts are joined with a
double space and each term is searched as `` term `` - whole words and phrases only, all lists
in one automaton, one C-level pass. Hits are mapped back to documents with ``searchsorted`` and
counted into a sparse (documents x lists) matrix.

>>> s = Scanner({"doubt": ("claimed",), "neutral": ("said", "according to")})
>>> hits, counts = s.scan(["He claimed it.", "She said, according to them, no."])
>>> counts.toarray().tolist()
[[1, 0], [0, 2]]
>>> hits[["doc", "start", "end", "list"]].values.tolist()[0]
[0, 3, 10, 'doubt']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

import ahocorasick
import numpy as np
import pandas as pd
import scipy.sparse as sp

# One character at a time, so the replacement keeps the text's length: anything that is not a
# word character, and apostrophes/hyphens that do not stand between two word characters.
_NON_WORD_CHAR_RE = re.compile(r"[^\w'\-]|(?<!\w)['\-]|['\-](?!\w)")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})
_MONTH_CONTEXT_RE = re.compile(r"\d\s+May|May\s+\d|\b(?:in|of|since|until|by|late|early|mid)\s+May")
_JOIN = "  "  # two spaces: no single-spaced term can match across a document boundary


def normalise(text: str) -> str:
    """Lower-case word text of the same length as ``text`` (non-word characters -> spaces)."""
    low = text.translate(_APOSTROPHES).lower()
    if len(low) != len(text):  # a few Unicode letters lower-case to two code points
        low = "".join(c.lower()[:1] or " " for c in text.translate(_APOSTROPHES))
    return _NON_WORD_CHAR_RE.sub(" ", low)


class Scanner:
    """Counts whole-word/phrase hits of several named term lists in many texts at once."""

    def __init__(self, lists: Mapping[str, Sequence[str]]):
        self.names: list[str] = list(lists)
        key_lists: dict[str, list[int]] = {}
        for j, name in enumerate(self.names):
            for term in lists[name]:
                term = normalise(term).strip()
                if term and "  " not in term:
                    key_lists.setdefault(term, []).append(j)
        self.keys: list[str] = list(key_lists)
        self.key_len = np.array([len(k) for k in self.keys], dtype=np.int64)
        rows = [i for i, k in enumerate(self.keys) for _ in key_lists[k]]
        cols = [j for k in self.keys for j in key_lists[k]]
        self.membership = sp.csr_matrix(
            (np.ones(len(rows), dtype=np.int64), (rows, cols)),
            shape=(len(self.keys), len(self.names)),
        )
        self._automaton = ahocorasick.Automaton()
        for i, key in enumerate(self.keys):
            self._automaton.add_word(f" {key} ", i)
        if self.keys:
            self._automaton.make_automaton()

    def scan(self, texts: Sequence[str]) -> tuple[pd.DataFrame, sp.csr_matrix]:
        """Hits (doc, start, end, key, list, text) and a (len(texts) x lists) count matrix."""
        n = len(texts)
        lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=n)
        starts = np.concatenate([[1], 1 + np.cumsum(lengths + len(_JOIN))[:-1]]) if n else lengths
        big = " " + _JOIN.join(normalise(t) for t in texts) + " "
        found = list(self._automaton.iter(big)) if self.keys and n else []
        if found:
            ends, keys = (np.array(col, dtype=np.int64) for col in zip(*found, strict=True))
        else:
            ends = keys = np.zeros(0, dtype=np.int64)
        term_start = ends - self.key_len[keys]
        doc = np.searchsorted(starts, term_start, side="right") - 1
        local_start = term_start - starts[doc] if len(doc) else term_start
        keep = ~self._month_may(doc, local_start, keys, texts)
        doc, local_start, keys = doc[keep], local_start[keep], keys[keep]
        counts_by_key = sp.csr_matrix(
            (np.ones(len(doc), dtype=np.int64), (doc, keys)), shape=(n, len(self.keys))
        )
        counts = (counts_by_key @ self.membership).tocsr()
        # One hit row per (match, list) the matched term belongs to.
        member = self.membership[keys].tocoo()
        hit = member.row
        hits = pd.DataFrame(
            {
                "doc": doc[hit],
                "start": local_start[hit],
                "end": local_start[hit] + self.key_len[keys[hit]],
                "key": keys[hit],
                "list": pd.Categorical.from_codes(member.col, categories=self.names),
            }
        )
        hits = hits.sort_values(["doc", "start", "list"], kind="stable").reset_index(drop=True)
        return hits, counts

    def _month_may(
        self, doc: np.ndarray, start: np.ndarray, keys: np.ndarray, texts: Sequence[str]
    ) -> np.ndarray:
        """Matches of 'may' that are the month ('May 3', '3 May', 'in May')."""
        out = np.zeros(len(doc), dtype=bool)
        if "may" not in self.keys:
            return out
        for r in np.flatnonzero(keys == self.keys.index("may")):
            s = int(start[r])
            text = texts[int(doc[r])]
            if text[s] == "M" and _MONTH_CONTEXT_RE.search(text[max(0, s - 7) : s + 6]):
                out[r] = True
        return out


@lru_cache(maxsize=8)
def cached_scanner(key: tuple[tuple[str, tuple[str, ...]], ...]) -> Scanner:
    """A compiled scanner per distinct set of lists (building one takes ~0.1 s)."""
    return Scanner(dict(key))
