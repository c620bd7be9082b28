"""RSS 2.0 and Atom feeds listing rendered pages, and reading a feed's item links back."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape

import feedparser
import httpx

from pipeline.fetch import fetch_url

_FALLBACK_DATE = datetime(2024, 1, 1, tzinfo=timezone.utc)


@dataclass
class FeedItem:
    url: str
    title: str
    published: str | None  # YYYY-MM-DD or YYYY-MM, as the page gives it
    summary: str


def rss(items: list[FeedItem], site_url: str, title: str = "Latest news") -> bytes:
    entries = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.url)}</link>"
        f"<guid isPermaLink=\"true\">{escape(i.url)}</guid>"
        f"<pubDate>{format_datetime(_when(i.published))}</pubDate>"
        f"<description>{escape(i.summary)}</description></item>\n" for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>\n'
            f"<title>{escape(title)}</title><link>{escape(site_url)}</link>"
            f"<description>{escape(title)}</description>\n{entries}</channel></rss>\n"
            ).encode("utf-8")


def atom(items: list[FeedItem], site_url: str, title: str = "Latest news") -> bytes:
    entries = "".join(
        f'<entry><title>{escape(i.title)}</title><link rel="alternate" href="{escape(i.url)}"/>'
        f"<id>{escape(i.url)}</id><updated>{_when(i.published).isoformat()}</updated>"
        f"<summary>{escape(i.summary)}</summary></entry>\n" for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>{escape(site_url)}</id>"
            f'<link href="{escape(site_url)}"/><updated>{_FALLBACK_DATE.isoformat()}</updated>\n'
            f"{entries}</feed>\n").encode("utf-8")


def item_links(feed_url: str, client: httpx.Client | None = None) -> list[str]:
    """The page links a feed lists, in feed order."""
    raw = fetch_url(feed_url, client=client)
    parsed = feedparser.parse(raw.content)
    return [entry.link for entry in parsed.entries if entry.get("link")]


def _when(published: str | None) -> datetime:
    if not published:
        return _FALLBACK_DATE
    parts = [int(p) for p in published.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=timezone.utc)
