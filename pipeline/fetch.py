"""Fetch stage: URLs and files -> RawDocument (bytes plus what the transport said about them).

Knows nothing of parsing: it only reports the declared media type and charset.
"""
from __future__ import annotations

import email.message
import email.utils
import random
import time
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin

import httpx

from pipeline.errors import InputError
from pipeline.records import RawDocument

USER_AGENT = "lsg/0.1 (+research)"
MEDIA_TYPES = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html",
               ".pdf": "application/pdf"}
TRIES = 3
MAX_RETRY_WAIT = 60.0  # a server asking for longer than this is not worth waiting for


class Retryable(Exception):
    """A failure worth another try; `reason` is reported if the tries run out."""

    def __init__(self, reason: str, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def fetch_url(url: str, client: httpx.Client | None = None, *, timeout: float = 20.0,
              max_redirects: int = 5, max_bytes: int = 20_000_000, etag: str | None = None,
              last_modified: str | None = None,
              sleep: Callable[[float], None] = time.sleep) -> RawDocument:
    """GET `url`, retrying timeouts, 429 and 5xx with backoff; raise InputError on failure.

    With `etag` / `last_modified` the request is conditional: an unchanged resource comes back
    as a RawDocument with status 304 and empty content.
    """
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    own_client = client is None
    client = client or httpx.Client(timeout=timeout)
    try:
        for attempt in range(TRIES):
            try:
                return _get(client, url, headers, timeout, max_redirects, max_bytes)
            except Retryable as failure:
                if attempt == TRIES - 1:
                    raise InputError(url, failure.reason) from None
                sleep(backoff_seconds(attempt, failure.retry_after))
    finally:
        if own_client:
            client.close()
    raise AssertionError("unreachable")


def _get(client: httpx.Client, url: str, headers: dict[str, str], timeout: float,
         max_redirects: int, max_bytes: int) -> RawDocument:
    seen = {url}
    current = url
    for _ in range(max_redirects + 1):
        try:
            with client.stream("GET", current, headers=headers, timeout=timeout,
                               follow_redirects=False) as response:
                if response.is_redirect and "Location" in response.headers:
                    current = urljoin(current, response.headers["Location"])
                    if current in seen:
                        raise InputError(url, "too many redirects (redirect loop)")
                    seen.add(current)
                    continue
                return _read(url, str(response.url), response, timeout, max_bytes)
        except httpx.TimeoutException:
            raise Retryable(f"timed out after {timeout:g} s") from None
        except httpx.ConnectError as exc:
            if isinstance(exc.__cause__, ConnectionRefusedError) or "refused" in str(exc).lower():
                raise InputError(url, "connection refused") from None
            raise Retryable(f"connection failed: {exc}") from None
        except httpx.RemoteProtocolError:
            raise Retryable("truncated response: connection closed before the end") from None
        except httpx.InvalidURL as exc:
            raise InputError(url, f"invalid URL: {exc}") from None
    raise InputError(url, "too many redirects")


def _read(url: str, final_url: str, response: httpx.Response, timeout: float,
          max_bytes: int) -> RawDocument:
    status = response.status_code
    if status == 429 or status >= 500:
        raise Retryable(status_reason(status), retry_after_seconds(response.headers.get("Retry-After")))
    if status >= 400:
        raise InputError(url, status_reason(status))
    etag = response.headers.get("ETag")
    last_modified = response.headers.get("Last-Modified")
    now = datetime.now(timezone.utc)
    if status == 304:
        return RawDocument(origin=final_url, content=b"", status=304, etag=etag,
                           last_modified=last_modified, fetched_at=now)
    too_large = f"response larger than {max_bytes / 1_000_000:g} MB"
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(url, too_large)
    deadline = time.monotonic() + timeout  # a trickling body must not keep us forever
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(url, too_large)
        if time.monotonic() > deadline:
            raise Retryable(f"timed out after {timeout:g} s")
        chunks.append(chunk)
    media_type, charset = parse_content_type(response.headers.get("Content-Type"))
    return RawDocument(origin=final_url, content=b"".join(chunks), media_type=media_type,
                       charset=charset, status=status, etag=etag, last_modified=last_modified,
                       fetched_at=now)


def status_reason(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    message = email.message.Message()
    message["Content-Type"] = header
    charset = message.get_param("charset")
    return message.get_content_type(), charset.strip().lower() if isinstance(charset, str) else None


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def backoff_seconds(attempt: int, retry_after: float | None) -> float:
    # Jitter keeps several workers from retrying a struggling server in lockstep.
    wait = 2.0 ** attempt + random.uniform(0, 1)
    if retry_after is not None:
        wait = max(wait, retry_after)
    return min(wait, MAX_RETRY_WAIT)


def read_file(path: Path | str) -> RawDocument:
    """Read a local file; the media type comes from its extension (None when unknown)."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise InputError(str(path), "not a file") from None
    except OSError as exc:
        raise InputError(str(path), f"unreadable: {exc.strerror or exc}") from None
    if not path.is_file():
        raise InputError(str(path), "not a file")
    return RawDocument(origin=str(path), content=content,
                       media_type=MEDIA_TYPES.get(path.suffix.lower()),
                       fetched_at=datetime.now(timezone.utc))


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def discover_inputs(paths_or_urls: list[str]) -> list[str]:
    """URLs and files as given; directories expanded recursively to supported, non-hidden files.

    A path that does not exist is kept, so reading it reports the error for that input.
    """
    found: list[str] = []
    for item in paths_or_urls:
        path = Path(item)
        if is_url(item) or not path.is_dir():
            found.append(item)
            continue
        files = [p for p in path.rglob("*")
                 if p.suffix.lower() in MEDIA_TYPES and p.is_file()
                 and not any(part.startswith(".") for part in p.relative_to(path).parts)]
        found.extend(str(p) for p in sorted(files))
    return list(dict.fromkeys(found))
