"""The parameters of the reuse stage, validated once at construction.

``find_reuse``, :func:`provenance.analyze` (``reuse_options``), the CLI's ``--shingle-size``,
``--min-containment``, ``--max-doc-freq``, ``--keep-same-outlet`` and both engines share one
:class:`ReuseParams`.

>>> ReuseParams(min_containment=0.5).doc_freq_cap(100_000)
500
>>> ReuseParams(shingle_size=0)
Traceback (most recent call last):
...
provenance.errors.InvalidParameterError: The 'shingle_size' parameter of ReuseParams must be an int in the range [1, 25]. Got 0 instead.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from numbers import Integral, Real
from typing import Any

from provenance.errors import InvalidParameterError

# Pairs must share at least this many distinct shingles (short texts cannot be judged).
MIN_SHARED = 8
# Automatic document-frequency cap: a share of the corpus, never below a floor so that small
# corpora keep their republication families (a story republished by dozens of outlets).
AUTO_DOC_FREQ_SHARE = 0.005
AUTO_DOC_FREQ_FLOOR = 50


def _message(name: str, expected: str, value: object) -> str:
    return f"The {name!r} parameter of ReuseParams must be {expected}. Got {value!r} instead."


def _is_int(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


@dataclass(frozen=True)
class ReuseParams:
    """How the reuse stage finds and keeps pairs.

    shingle_size : words per shingle (5: robust to trimming, few chance matches).
    min_containment : a pair is kept when the larger of its two containments (share of one
        document's shingles found in the other) reaches this; the candidate step is built for
        it (0.3: a copy keeping a third of its parent; same-event rewrites stay far below).
    max_doc_freq : ignore shingles in more documents than this: None = max(50, 0.5% of the
        corpus); an int >= 2 = documents; a float in (0, 1] = share of the corpus (1.0: no cap).
        Text found in more documents counts as furniture, so a story republished more often
        than this is not linked: raise it for corpora with mass syndication.
    keep_same_outlet : also link articles of one outlet (off: an outlet's pages share furniture).
    sketch_size : shingles sampled per document (its smallest shingle columns) to find
        candidates by containment; documents with fewer shingles use all of them, exactly.

    >>> params = ReuseParams.from_options({"shingle_size": 4})
    >>> params.shingle_size, params.min_containment, params.doc_freq_cap(20_000)
    (4, 0.3, 100)
    """

    shingle_size: int = 5
    min_containment: float = 0.3
    max_doc_freq: int | float | None = None
    keep_same_outlet: bool = False
    sketch_size: int = 64

    def __post_init__(self) -> None:
        if not _is_int(self.shingle_size) or not 1 <= self.shingle_size <= 25:
            raise InvalidParameterError(
                _message("shingle_size", "an int in the range [1, 25]", self.shingle_size)
            )
        if not _is_int(self.sketch_size) or not 8 <= self.sketch_size <= 4096:
            raise InvalidParameterError(
                _message("sketch_size", "an int in the range [8, 4096]", self.sketch_size)
            )
        value = self.min_containment
        if isinstance(value, bool) or not isinstance(value, Real) or not 0 < value <= 1:
            raise InvalidParameterError(
                _message("min_containment", "a float in the range (0.0, 1.0]", value)
            )
        if not isinstance(self.keep_same_outlet, bool):
            raise InvalidParameterError(
                _message("keep_same_outlet", "a bool", self.keep_same_outlet)
            )
        self._check_doc_freq(self.max_doc_freq)

    @staticmethod
    def _check_doc_freq(value: object) -> None:
        expected = "None, an int >= 2 or a float in the range (0.0, 1.0]"
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, Real):
            raise InvalidParameterError(_message("max_doc_freq", expected, value))
        if _is_int(value) and value < 2:
            raise InvalidParameterError(_message("max_doc_freq", expected, value))
        if not _is_int(value) and not 0 < value <= 1:
            raise InvalidParameterError(_message("max_doc_freq", expected, value))

    @classmethod
    def from_options(cls, options: Mapping[str, Any] | ReuseParams | None) -> ReuseParams:
        """Parameters from a mapping (``analyze(reuse_options=...)``); unknown keys are errors.

        >>> ReuseParams.from_options({"shingle_size": 4}).shingle_size
        4
        >>> ReuseParams.from_options({"bands": 8})
        Traceback (most recent call last):
        ...
        provenance.errors.InvalidParameterError: Unknown reuse parameter 'bands'; valid ones: shingle_size, min_containment, max_doc_freq, keep_same_outlet, sketch_size.
        """
        if isinstance(options, ReuseParams):
            return options
        if options is None:
            return cls()
        if not isinstance(options, Mapping):
            raise InvalidParameterError(
                _message("reuse_options", "a mapping or ReuseParams", options)
            )
        names = [f.name for f in fields(cls)]
        for key in options:
            if key not in names:
                raise InvalidParameterError(
                    f"Unknown reuse parameter {key!r}; valid ones: {', '.join(names)}."
                )
        return cls(**dict(options))

    def doc_freq_cap(self, n_docs: int) -> int:
        """Documents a shingle may appear in before it is ignored, in a corpus of ``n_docs``."""
        return resolve_doc_freq_cap(self.max_doc_freq, n_docs)


def resolve_doc_freq_cap(max_doc_freq: int | float | None, n_docs: int) -> int:
    """Documents a shingle may appear in before it is ignored.

    ``None``: ``max(50, 0.5% of the corpus)``; an int: that many documents; a float in (0, 1]:
    that share of the corpus (at least 2 documents).

    >>> resolve_doc_freq_cap(None, 100_000), resolve_doc_freq_cap(0.01, 1000), resolve_doc_freq_cap(7, 10)
    (500, 10, 7)
    """
    if max_doc_freq is None:
        return max(AUTO_DOC_FREQ_FLOOR, math.ceil(AUTO_DOC_FREQ_SHARE * n_docs))
    if _is_int(max_doc_freq):
        return int(max_doc_freq)
    return max(2, math.ceil(float(max_doc_freq) * n_docs))
