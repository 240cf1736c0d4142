"""Registered domains from URLs, offline.

tldextract is built with ``suffix_list_urls=()`` so it only uses the public-suffix snapshot it
ships with: no network at run time, and the same answer on every machine.

>>> registered_domain("https://www.urdupoint.com/en/world/russia-us-dialogue.html")
'urdupoint.com'
>>> registered_domain("news.bbc.co.uk")
'bbc.co.uk'
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import tldextract

_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=200_000)
def _split(url: str) -> tuple[str, str, str]:
    parts = _EXTRACT(url)
    return parts.subdomain.lower(), parts.domain.lower(), parts.suffix.lower()


def split_host(url: str) -> tuple[str, str, str]:
    """(subdomain, domain, suffix) of a URL or host name, lower-cased.

    >>> split_host("https://News.BBC.co.uk/world")
    ('news', 'bbc', 'co.uk')
    """
    return _split(url.strip())


def registered_domain(url: str | None) -> str | None:
    """The registered domain (domain + public suffix) of a URL or host, or None.

    >>> registered_domain("https://www.urdupoint.com/en/world/x.html")
    'urdupoint.com'
    >>> registered_domain("") is None
    True
    """
    if not url or not isinstance(url, str):
        return None
    _, domain, suffix = _split(url.strip())
    if not domain:
        return None
    return f"{domain}.{suffix}" if suffix else domain


def registered_domains(urls: pd.Series) -> pd.Series:
    """Vectorised :func:`registered_domain`: one tldextract call per distinct URL host.

    >>> urls = pd.Series(["https://sputniknews.com/a", None, "http://edition.cnn.com/b"])
    >>> registered_domains(urls).tolist()
    ['sputniknews.com', <NA>, 'cnn.com']
    """
    values = urls.astype("string")
    uniques = values.dropna().unique()
    mapping = {u: registered_domain(u) for u in uniques}
    return values.map(mapping).astype("string")
