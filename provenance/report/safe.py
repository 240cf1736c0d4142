"""Escaping for hostile input: every string from the data passes through here before the page.

Article titles, texts, URLs and outlet names come from the web, so the report treats them as
hostile: HTML text and attributes are escaped, only http(s) URLs become links, and JSON embedded
in ``<script>`` tags cannot close the tag.

>>> esc('<script>alert("x")</script>')
'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
>>> safe_url("javascript:alert(1)") is None
True
>>> script_json({"t": "</script>"})
'{"t":"\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import html
import json
import math
import re
from typing import Any

import pandas as pd

_HTTP_RE = re.compile(r"^https?://[^\s\x00-\x1f\x7f]+$", re.IGNORECASE)
# Characters that could end a <script> element, open a comment, or break a JS line.
_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def is_missing(value: object) -> bool:
    """True for None, NA, NaN and NaT."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def text(value: object) -> str:
    """``value`` as display text; missing values become the empty string."""
    return "" if is_missing(value) else str(value)


def number(value: object, spec: str, unit: str = "") -> str:
    """``value`` formatted by ``spec`` (then ``unit``); missing values become an en dash."""
    if is_missing(value):
        return "–"
    return f"{format(float(value), spec)}{unit}"


def esc(value: object) -> str:
    """HTML-escape ``value`` for text and quoted attributes (missing -> empty)."""
    return html.escape(text(value), quote=True)


def safe_url(value: object) -> str | None:
    """``value`` when it is an http(s) URL without whitespace or control characters, else None."""
    url = text(value).strip()
    return url if _HTTP_RE.match(url) else None


def link(url: object, label: object | None = None) -> str:
    """An ``<a>`` to ``url`` when it is http(s); otherwise the escaped label (or URL) as text."""
    shown = esc(url if label is None else label)
    href = safe_url(url)
    if href is None:
        return shown
    return f'<a href="{esc(href)}" rel="noopener noreferrer nofollow" target="_blank">{shown}</a>'


def script_json(obj: Any) -> str:
    """Compact, deterministic JSON safe to place inside ``<script type="application/json">``."""
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m.group(0)], raw)
