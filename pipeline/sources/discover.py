"""Discovery: which item URLs (or files) a listing names.

Pure functions over bytes already fetched: feeds (RSS/Atom via feedparser), sitemaps (and
sitemap indexes), links on an HTML page (same site, matching a pattern), local directories.
Whether bytes are a feed or a sitemap is decided by their content, not by what the server said.
"""
from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
import lxml.html
from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from pipeline.errors import InputError
from pipeline.fetch import discover_inputs
from pipeline.records import RawDocument

# The root element's name, after an optional BOM, XML declaration, comments and doctype.
_XML_HEAD = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?"
                       rb"(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z][\w:.-]*)", re.S)
_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}
_SITEMAP_ROOTS = {"urlset", "sitemapindex"}


def listing_kind(content: bytes) -> str | None:
    """'feed', 'sitemap' or None, from the XML root element's name."""
    match = _XML_HEAD.match(content[:4096])
    if match is None:
        return None
    root = match.group(1).decode("ascii", "replace").lower()
    if root in _FEED_ROOTS:
        return "feed"
    if root.split(":")[-1] in _SITEMAP_ROOTS:
        return "sitemap"
    return None


def feed_items(raw: RawDocument) -> list[str]:
    """Entry links of an RSS/Atom feed, plus enclosures (PDF reports are often attached)."""
    parsed = feedparser.parse(raw.content, response_headers=_headers(raw))
    urls: list[str] = []
    for entry in parsed.entries:
        if entry.get("link"):
            urls.append(entry["link"])
        urls.extend(e["href"] for e in entry.get("enclosures", []) if e.get("href"))
    if parsed.bozo and not urls:  # malformed XML with entries still readable is taken as is
        raise InputError(raw.origin, f"broken feed: {parsed.get('bozo_exception', 'unreadable XML')}")
    return _absolute(urls, raw.origin)


def sitemap_entries(raw: RawDocument) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) of a sitemap or sitemap index."""
    try:
        root = ElementTree.fromstring(raw.content)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise InputError(raw.origin, f"broken sitemap: {exc}") from None
    pages, nested = [], []
    for loc in root.iter():
        if _local(loc.tag) != "loc" or not (loc.text or "").strip():
            continue
        nested_list = _local(root.tag) == "sitemapindex"
        (nested if nested_list else pages).append(loc.text.strip())
    return _absolute(pages, raw.origin), _absolute(nested, raw.origin)


def page_links(raw: RawDocument, pattern: str | None = None) -> list[str]:
    """Links on an HTML page to the same site (scheme + host), optionally matching `pattern`."""
    try:
        tree = lxml.html.fromstring(raw.content)
    except (lxml.etree.ParserError, ValueError):
        return []
    site = urlsplit(raw.origin)[:2]
    wanted = re.compile(pattern) if pattern else None
    links = []
    for element in tree.iter("a"):
        href = element.get("href")
        if not href:
            continue
        url = urldefrag(urljoin(raw.origin, href.strip())).url
        if urlsplit(url)[:2] != site or url == raw.origin:
            continue
        if wanted is None or wanted.search(url):
            links.append(url)
    return list(dict.fromkeys(links))


def directory_files(path: str) -> list[str]:
    """Supported, non-hidden files under a folder (as `lsg ingest DIR` sees them)."""
    return discover_inputs([path])


def _headers(raw: RawDocument) -> dict[str, str]:
    if raw.media_type is None:
        return {}
    charset = f"; charset={raw.charset}" if raw.charset else ""
    return {"content-type": raw.media_type + charset}


def _absolute(urls: list[str], base: str) -> list[str]:
    return list(dict.fromkeys(urldefrag(urljoin(base, u.strip())).url for u in urls if u.strip()))


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""
