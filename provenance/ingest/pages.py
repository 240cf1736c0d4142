"""One article per page: plain-text page dumps and HTML pages (also WARC payloads).

A page dump starts with a `` date YYYY-MM-DD Site`` header, then the title, a byline/time line
and the body::

     date 2021-08-23 UrduPoint.com
    Russia-US Dialogue On Strategic Stability 'Encouraging,' But Differences Remain - Lavrov
    Umer Jamshaid 7 minutes ago Mon 23rd August 2021 | 09:10 AM
    MOSCOW (UrduPoint News / Sputnik - 23rd August, 2021) Russian-US dialogue ...

The time on the byline line has no zone; it is taken as UTC (the site's local zone is not
stated in the dump). A ``.txt`` file without the header is a title line and a body.

>>> page = parse_text_page(" date 2021-08-23 Example.org\\n\\nTitle\\n\\nBody text.\\n")
>>> page["site_name"], page["published"], page["title"], page["text"]
('Example.org', '2021-08-23', 'Title', 'Body text.')
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urljoin

import trafilatura
from lxml import etree as lxml_etree
from lxml import html as lxml_html

from provenance.attribution.datelines import BARE_DATELINE_RE, DATELINE_RE

_HEADER = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+(\S.*?)[ \t]*$")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?"
# "Umer Jamshaid 7 minutes ago Mon 23rd August 2021 | 09:10 AM": who, when (relative and
# absolute). Only a short line that ends in such a date counts as the byline line.
_BYLINE = re.compile(
    rf"(?i)^(?P<who>.*?)[ \t]*(?:\d+[ \t]+\w+[ \t]+ago[ \t]+)?(?:{_WEEKDAY}[ \t]+)?"
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<month>{_MONTH})[ \t]+(?P<year>\d{{4}})"
    r"(?:[ \t]*\|?[ \t]*(?P<time>\d{1,2}:\d{2})(?:[ \t]*(?P<ampm>[AP]M))?)?[ \t]*$"
)
_MAX_BYLINE_CHARS = 200
# First-line lengths (characters) that make a body paragraph, see is_body_line.
_LONGEST_TITLE, _LONG_SENTENCE, _DATELINE_LINE = 200, 140, 100
_SENTENCE_END = re.compile(r"[.!?][\"”’]?$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def parse_text_page(text: str) -> dict[str, str | None]:
    """Fields of a plain-text page: title, text, and (with the dump header) site and date."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = _HEADER.match(lines[0]) if lines else None
    page: dict[str, str | None] = {"site_name": None, "published": None, "byline": None}
    if header:
        page["published"], page["site_name"] = header.group(1), header.group(2)
        lines = lines[1:]
    rest = _drop_leading_blank(lines)
    if rest and is_body_line(rest[0].strip()):
        page["title"] = None
        page["text"] = _PARAGRAPH_BREAK.sub("\n\n", "\n".join(rest).strip()) or None
        return page
    page["title"] = rest[0].strip() if rest else None
    rest = _drop_leading_blank(rest[1:])
    byline = _BYLINE.match(rest[0].strip()) if rest and header else None
    if byline and len(rest[0]) <= _MAX_BYLINE_CHARS:
        page["byline"] = byline.group("who").strip() or None
        when = _byline_time(byline)
        if when and (page["published"] is None or when.startswith(page["published"])):
            page["published"] = when
        rest = rest[1:]
    body = "\n".join(rest).strip()
    page["text"] = _PARAGRAPH_BREAK.sub("\n\n", body) or None
    return page


def is_body_line(line: str) -> bool:
    """Whether a page's first line is a body paragraph rather than its headline.

    A dateline in capitals (``MOSCOW (UrduPoint News / Sputnik - 16th August, 2020) Russia``),
    any dateline on a line over 100 characters, a line over 200 characters, or one over 140
    that ends a sentence. On ABP and PTC (37,788 titles and first body lines) this takes 25
    titles (0.07%, most of them ledes stored as titles) and 27,764 first body lines (73%; the
    rest are short paragraphs a headline could be).

    >>> is_body_line("MOSCOW (UrduPoint News / Sputnik - 16th August, 2020) Russia considers")
    True
    >>> is_body_line("Russia-US Dialogue On Strategic Stability 'Encouraging' - Lavrov")
    False
    """
    length = len(line)
    if length > _LONGEST_TITLE or (length > _LONG_SENTENCE and _SENTENCE_END.search(line)):
        return True
    match = DATELINE_RE.match(line)
    place = match.group("place") if match else None
    if place is None and (bare := BARE_DATELINE_RE.match(line)):
        place = bare.group("place")
    return place is not None and (place.split(",")[0].isupper() or length > _DATELINE_LINE)


def _drop_leading_blank(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if line.strip():
            return lines[i:]
    return []


def _byline_time(match: re.Match[str]) -> str | None:
    day, month, year = match.group("day"), match.group("month")[:3], match.group("year")
    clock, ampm = match.group("time"), match.group("ampm")
    try:
        date = datetime.strptime(f"{day} {month.title()} {year}", "%d %b %Y")
        if clock is None:
            return date.strftime("%Y-%m-%d")
        hour, minute = (int(x) for x in clock.split(":"))
        if ampm:
            if not 1 <= hour <= 12:
                return date.strftime("%Y-%m-%d")
            hour = hour % 12 + (12 if ampm.upper() == "PM" else 0)
        return date.replace(hour=hour, minute=minute).strftime("%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return None


# htmldate rejects dates after its max_date, today by default: pin it so that the same page
# gives the same answer on every day. It yields an ISO date, with time and offset when stated.
_DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "max_date": "2100-12-31",
}


def parse_html_page(markup: str, url: str | None = None) -> dict[str, str | None] | None:
    """Fields of an HTML page via trafilatura (offline); None when no main text is found.

    Raises ValueError when the extractor fails on the markup.

    The URL is the page's ``<link rel=canonical>``, else its ``og:url``, else ``url`` (e.g.
    the WARC target); the language is the primary subtag of ``<html lang>``.
    """
    # lxml refuses str input that carries an XML encoding declaration; it is decoded already.
    markup = _XML_DECLARATION.sub("", markup, count=1)
    try:
        tree = lxml_html.document_fromstring(markup)
    except (ValueError, lxml_etree.LxmlError):
        return None
    lang = tree.get("lang") or tree.get("xml:lang")
    stated = _stated_date(tree)
    canonical = _first(tree.xpath("//head/link[@rel='canonical']/@href"))
    og_url = _first(tree.xpath("//head/meta[@property='og:url']/@content"))
    if canonical and "://" not in canonical:  # a relative canonical link needs a base
        base = og_url or url
        canonical = urljoin(base, canonical) if base and "://" in base else None
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # third-party parser on hostile markup: report, do not crash
        raise ValueError(f"HTML extraction failed: {type(exc).__name__}: {exc}") from exc
    if doc is None or not (doc.text or "").strip():
        return None
    title = (doc.title or "").strip() or None
    lines = doc.text.strip().split("\n")
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]  # the headline repeated at the top of the body
    # trafilatura puts one newline between paragraphs; use blank lines as the text dumps do.
    text = "\n\n".join(line.strip() for line in lines if line.strip())
    return {
        "url": canonical or og_url or url or doc.url,
        "title": title,
        "text": text or None,
        "published": stated or doc.date,
        "site_name": doc.sitename,
        "byline": doc.author,
        "language": lang,
    }


# Where pages state their publication time (with the time of day, which htmldate drops when
# it finds a date in the URL first), most explicit first.
_DATE_XPATHS = (
    "//meta[@property='article:published_time' or @property='og:published_time'"
    " or @name='article:published_time']/@content",
    "//*[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date'"
    " or @name='dc.date' or @name='DC.date' or @name='dcterms.created'"
    " or @name='parsely-pub-date' or @name='sailthru.date']/@content",
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')


def _stated_date(tree: lxml_html.HtmlElement) -> str | None:
    for xpath in _DATE_XPATHS:
        found = _first(tree.xpath(xpath))
        if found:
            return found
    for script in tree.xpath("//script[@type='application/ld+json']/text()")[:5]:
        match = _JSONLD_DATE.search(script[:100_000])
        if match:
            return match.group(1)
    return None


def _first(values: list[object]) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
