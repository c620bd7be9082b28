"""Async half of the fetch stage: many URLs at once, politely.

Limits: a global and a per-host concurrency cap (asyncio.Semaphore) and a per-source request
rate (RateLimiter). Failures are handled as in the sync fetch_url: timeouts, 429 and 5xx are
retried with exponential backoff plus jitter, honouring Retry-After; redirects are bounded and
loops detected; bodies past `max_bytes` are refused; ETag / Last-Modified make a request
conditional, and a 304 comes back as an empty RawDocument with status 304.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

from pipeline.errors import InputError
from pipeline.fetch import (USER_AGENT, Retryable, backoff_seconds, parse_content_type,
                            retry_after_seconds, status_reason)
from pipeline.records import RawDocument

Sleep = Callable[[float], Awaitable[None]]


class RateLimiter:
    """At most `per_second` request starts per second (evenly spaced, no bursts)."""

    def __init__(self, per_second: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Sleep = asyncio.sleep):
        self.interval = 1.0 / per_second
        self._clock, self._sleep = clock, sleep
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            now = self._clock()
            if self._next > now:
                await self._sleep(self._next - now)
                now = self._next
            self._next = now + self.interval


class AsyncFetcher:
    """One AsyncClient shared by every request of a run; use as `async with`."""

    def __init__(self, *, max_connections: int = 8, per_host: int = 2, timeout: float = 20.0,
                 max_redirects: int = 5, max_bytes: int = 20_000_000, tries: int = 3,
                 backoff: Callable[[int, float | None], float] = backoff_seconds,
                 sleep: Sleep = asyncio.sleep):
        self.timeout, self.max_redirects, self.max_bytes = timeout, max_redirects, max_bytes
        self.tries, self._backoff, self._sleep = tries, backoff, sleep
        self._global = asyncio.Semaphore(max_connections)
        self._per_host_limit = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self.client = httpx.AsyncClient(
            limits=httpx.Limits(max_connections=max_connections), timeout=timeout)

    async def __aenter__(self) -> "AsyncFetcher":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.client.aclose()

    async def fetch(self, url: str, *, user_agent: str = USER_AGENT, etag: str | None = None,
                    last_modified: str | None = None,
                    limiter: RateLimiter | None = None) -> RawDocument:
        """GET `url` with retries; raise InputError naming the reason when it cannot be had."""
        headers = {"User-Agent": user_agent}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = self._hosts.setdefault(urlsplit(url).netloc, asyncio.Semaphore(self._per_host_limit))
        for attempt in range(self.tries):
            try:
                async with host, self._global:  # host first: a busy host never holds a global slot
                    if limiter is not None:
                        await limiter.wait()
                    return await self._attempt(url, headers)
            except Retryable as failure:
                if attempt == self.tries - 1:
                    raise InputError(url, failure.reason) from None
                await self._sleep(self._backoff(attempt, failure.retry_after))
        raise AssertionError("unreachable")

    async def _attempt(self, url: str, headers: dict[str, str]) -> RawDocument:
        try:
            # One deadline for the whole exchange: a body trickling in must not hold us forever.
            async with asyncio.timeout(self.timeout):
                return await self._follow(url, headers)
        except TimeoutError:
            raise Retryable(f"timed out after {self.timeout:g} s") from None
        except httpx.TimeoutException:
            raise Retryable(f"timed out after {self.timeout:g} s") from None
        except httpx.ConnectError as exc:
            if "refused" in str(exc).lower() or isinstance(exc.__cause__, ConnectionRefusedError):
                raise InputError(url, "connection refused") from None
            raise Retryable(f"connection failed: {exc}") from None
        except httpx.RemoteProtocolError:
            raise Retryable("truncated response: connection closed before the end") from None
        except httpx.InvalidURL as exc:
            raise InputError(url, f"invalid URL: {exc}") from None

    async def _follow(self, url: str, headers: dict[str, str]) -> RawDocument:
        seen, current = {url}, url
        for _ in range(self.max_redirects + 1):
            async with self.client.stream("GET", current, headers=headers,
                                          follow_redirects=False) as response:
                if response.is_redirect and "Location" in response.headers:
                    current = urljoin(current, response.headers["Location"])
                    if current in seen:
                        raise InputError(url, "too many redirects (redirect loop)")
                    seen.add(current)
                    continue
                return await self._read(url, str(response.url), response)
        raise InputError(url, f"too many redirects (more than {self.max_redirects})")

    async def _read(self, url: str, final_url: str, response: httpx.Response) -> RawDocument:
        status = response.status_code
        if status == 429 or status >= 500:
            raise Retryable(status_reason(status),
                            retry_after_seconds(response.headers.get("Retry-After")))
        if status >= 400:
            raise InputError(url, status_reason(status))
        etag, last_modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        now = datetime.now(timezone.utc)
        if status == 304:
            await response.aread()  # drained, the connection goes back to the pool for the next 304
            return RawDocument(origin=final_url, content=b"", status=304, etag=etag,
                               last_modified=last_modified, fetched_at=now)
        too_large = f"response larger than {self.max_bytes / 1_000_000:g} MB"
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise InputError(url, too_large)
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise InputError(url, too_large)
            chunks.append(chunk)
        media_type, charset = parse_content_type(response.headers.get("Content-Type"))
        return RawDocument(origin=final_url, content=b"".join(chunks), media_type=media_type,
                           charset=charset, status=status, etag=etag,
                           last_modified=last_modified, fetched_at=now)
