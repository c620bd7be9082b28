"""robots.txt rules, fetched once per host per run and cached.

Parsing is urllib.robotparser's; only the fetching is ours, so it goes through the same polite
async client (user agent, limits) as every other request. Status handling follows
RobotFileParser.read(): 401/403 -> everything disallowed, other 4xx -> everything allowed.
A robots.txt that cannot be fetched at all (timeouts, 5xx) disallows nothing, the common
practice of crawlers; the failure is kept so it can be reported.
"""
from __future__ import annotations

import asyncio
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx


class RobotsCache:
    def __init__(self, client: httpx.AsyncClient, user_agent: str, timeout: float = 10.0):
        self._client = client
        self._user_agent = user_agent
        self._timeout = timeout
        self._parsers: dict[str, RobotFileParser] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self.problems: dict[str, str] = {}

    async def allowed(self, url: str) -> bool:
        parser = await self._parser(url)
        return parser.can_fetch(self._user_agent, url)

    async def crawl_delay(self, url: str) -> float | None:
        delay = (await self._parser(url)).crawl_delay(self._user_agent)
        return float(delay) if delay is not None else None

    async def _parser(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:  # one fetch per host however many URLs ask at once
            if host not in self._parsers:
                self._parsers[host] = await self._fetch(host)
            return self._parsers[host]

    async def _fetch(self, host: str) -> RobotFileParser:
        parser = RobotFileParser(host + "/robots.txt")
        try:
            response = await self._client.get(host + "/robots.txt", timeout=self._timeout,
                                              headers={"User-Agent": self._user_agent},
                                              follow_redirects=True)
        except httpx.HTTPError as exc:
            self.problems[host] = f"robots.txt unreachable ({type(exc).__name__}): not enforced"
            parser.parse([])
            return parser
        if response.status_code in (401, 403):
            parser.disallow_all = True
        elif response.status_code >= 500:
            self.problems[host] = f"robots.txt answered HTTP {response.status_code}: not enforced"
            parser.parse([])
        elif response.status_code >= 400:
            parser.allow_all = True
        else:
            parser.parse(response.content.decode("utf-8", errors="replace").splitlines())
        return parser
