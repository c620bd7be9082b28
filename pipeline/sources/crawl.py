"""Crawl one source: list its items, then fetch each one politely and incrementally.

A listing (feed, sitemap) is fetched conditionally against the validators the archive kept
from last time; when it answers 304 its archived body is read again. Each item is fetched
conditionally against the validators the store keeps for that document, so an unchanged item
costs one 304 and nothing else. Every body that arrives is archived before anything else
happens to it. One item failing is recorded on that item; only a listing that cannot be had
fails the whole crawl (InputError).
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pipeline.errors import InputError
from pipeline.fetch import read_file
from pipeline.fetch_async import AsyncFetcher, RateLimiter
from pipeline.parse import sniff_media_type
from pipeline.records import RawDocument
from pipeline.sources.archive import Archive
from pipeline.sources.config import SourceConfig
from pipeline.sources.discover import directory_files, feed_items, page_links, sitemap_entries
from pipeline.sources.robots import RobotsCache

Validators = Callable[[str], "dict | None"]
MAX_SITEMAP_NESTING = 3


@dataclass
class Item:
    url: str  # as listed (a path for directory sources)
    status: Literal["changed", "unchanged", "failed", "skipped"]
    raw: RawDocument | None = None  # the body, when it changed
    reason: str = ""


@dataclass
class Crawl:
    source: str
    items: list[Item] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # problems worth reporting, not failures

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)


def crawl_source(config: SourceConfig, validators: Validators, archive: Archive,
                 **fetcher_options) -> Crawl:
    """Synchronous entry point (one event loop per call, so threads may crawl side by side)."""
    if config.kind == "directory":
        return _crawl_directory(config)
    return asyncio.run(_crawl(config, validators, archive, fetcher_options))


def _crawl_directory(config: SourceConfig) -> Crawl:
    crawl = Crawl(config.name)
    for path in directory_files(config.path or ""):
        try:
            crawl.items.append(Item(path, "changed", read_file(path)))
        except InputError as exc:
            crawl.items.append(Item(path, "failed", reason=exc.reason))
    return crawl


async def _crawl(config: SourceConfig, validators: Validators, archive: Archive,
                 fetcher_options: dict) -> Crawl:
    options = {"timeout": config.fetch.timeout, "max_bytes": config.fetch.max_bytes,
               "max_redirects": config.fetch.max_redirects, **fetcher_options}
    async with AsyncFetcher(**options) as fetcher:
        session = _Session(config, validators, archive, fetcher)
        await session.start()
        if config.kind == "page":
            await session.follow_pages()
        elif config.kind == "pdf":
            await session.fetch_items([config.url])
        else:
            await session.fetch_items(await session.list_items())
        session.crawl.notes.extend(session.robots.problems.values())  # every host asked
        return session.crawl


class _Session:
    def __init__(self, config: SourceConfig, validators: Validators, archive: Archive,
                 fetcher: AsyncFetcher):
        self.config, self.validators, self.archive, self.fetcher = config, validators, archive, fetcher
        self.robots = RobotsCache(fetcher.client, config.user_agent, timeout=config.fetch.timeout)
        self.limiter = RateLimiter(config.rate_limit)
        self.crawl = Crawl(config.name)

    async def start(self) -> None:
        if not self.config.respect_robots:
            return
        delay = await self.robots.crawl_delay(self.config.url)
        if delay and delay > self.limiter.interval:  # the site asks for more patience than we planned
            self.limiter = RateLimiter(1.0 / delay)
            self.crawl.notes.append(f"robots.txt Crawl-delay {delay:g} s: at most "
                                    f"{1.0 / delay:g} requests/s instead of {self.config.rate_limit:g}")

    async def list_items(self) -> list[str]:
        """Item URLs of a feed or sitemap source (nested sitemaps followed a few levels)."""
        listings, items = [self.config.url], []
        for _ in range(MAX_SITEMAP_NESTING + 1):
            nested = []
            for url in listings:
                raw = await self._listing(url)
                if self.config.kind == "feed":
                    items += feed_items(raw)
                else:
                    pages, more = sitemap_entries(raw)
                    items, nested = items + pages, nested + more
            listings = nested
            if not listings:
                break
        return list(dict.fromkeys(items))[: self.config.fetch.max_items]

    async def follow_pages(self) -> None:
        """The start page, then same-site links matching `follow`, `depth` levels deep."""
        level, visited = [self.config.url], {self.config.url}
        for depth in range(self.config.depth + 1):
            items = await self.fetch_items(level)
            if depth == self.config.depth:
                break
            links = []
            for item in items:
                body = item.raw if item.status == "changed" else self.archive.latest(item.url)
                if body is not None and sniff_media_type(body.content, body.media_type) == "text/html":
                    links += [u for u in page_links(body, self.config.follow) if u not in visited]
            room = max(0, self.config.fetch.max_items - len(visited))
            level = list(dict.fromkeys(links))[:room]
            visited.update(level)
            if not level:
                break

    async def fetch_items(self, urls: list[str]) -> list[Item]:
        items = await asyncio.gather(*(self._item(url) for url in urls))
        self.crawl.items.extend(items)
        return list(items)

    async def _listing(self, url: str) -> RawDocument:
        if not await self._allowed(url):
            raise InputError(url, "disallowed by robots.txt")
        known = self.archive.validators(url) or {}
        raw = await self._get(url, known)
        if raw.status == 304:
            archived = self.archive.latest(url)
            if archived is not None:
                return archived
            raw = await self._get(url, {})  # validators outlived the archived body
        self.archive.put(raw, requested=url)
        return raw

    async def _item(self, url: str) -> Item:
        try:
            if not await self._allowed(url):
                return Item(url, "skipped", reason="disallowed by robots.txt")
            known, stored = self._item_validators(url)
            raw = await self._get(url, known)
            if raw.status == 304 and not stored:
                # Only the archive had seen it (a run killed before saving it, or a document the
                # parser options left out): its archived body goes on to be parsed again.
                archived = self.archive.latest(url)
                if archived is not None:
                    return Item(url, "changed", archived)
                raw = await self._get(url, {})
        except InputError as exc:
            return Item(url, "failed", reason=exc.reason)
        if raw.status == 304:
            return Item(url, "unchanged")
        self.archive.put(raw, requested=url)
        return Item(url, "changed", raw)

    def _item_validators(self, url: str) -> tuple[dict, bool]:
        """(validators, whether they are the store's) for an item.

        The store's come first: a 304 against them means the stored document is current. It
        knows a document by its final URL, and a listed URL may redirect there. Failing those,
        the archive's: a 304 then means the archived body is current, not that it was stored.
        """
        known = self.validators(url)
        if known is None:
            final = self.archive.final_origin(url)
            known = self.validators(final) if final and final != url else None
        if known:
            return known, True
        return self.archive.validators(url) or {}, False

    async def _allowed(self, url: str) -> bool:
        return not self.config.respect_robots or await self.robots.allowed(url)

    async def _get(self, url: str, validators: dict) -> RawDocument:
        return await self.fetcher.fetch(url, user_agent=self.config.user_agent,
                                        etag=validators.get("etag"),
                                        last_modified=validators.get("last_modified"),
                                        limiter=self.limiter)
