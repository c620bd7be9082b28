"""A threaded HTTP server on 127.0.0.1 that serves canned routes, with fault injection.

Tests register routes as `Route` values keyed by path; the server records every request so a
test can assert how many tries the client made and which headers it sent.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (slow responses)
    # Answers given before the normal one, e.g. [(503, {}), (429, {"Retry-After": "1"})].
    failures: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    redirect_to: str | None = None  # Location of a 302 (a route may redirect to itself)
    declared_length: int | None = None  # Content-Length larger than the body: truncated body
    etag: str | None = None  # answers 304 when If-None-Match matches
    last_modified: str | None = None  # answers 304 when If-Modified-Since matches


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]


class TestHTTPServer:
    """`routes` may be changed while the server runs; `requests` lists what arrived."""

    __test__ = False  # not a pytest test class

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[SeenRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0  # most requests being answered at once (concurrency limits)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    def start(self) -> "TestHTTPServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next_answer(self, path: str) -> tuple[Route | None, tuple[int, dict[str, str]] | None]:
        with self._lock:
            route = self.routes.get(path)
            if route is not None and route.failures:
                return route, route.failures.pop(0)
            return route, None

    def _record(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.requests.append(SeenRequest(path, headers))

    def _enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


def _make_handler(server: TestHTTPServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args) -> None:  # keep pytest output quiet
            pass

        def do_GET(self) -> None:
            server._enter()
            try:
                self._answer()
            finally:
                server._leave()

        def _answer(self) -> None:
            path = self.path.split("?", 1)[0]
            server._record(path, {k.lower(): v for k, v in self.headers.items()})
            route, failure = server._next_answer(path)
            if route is None:
                return self._send(404, {"Content-Type": "text/plain"}, b"not found")
            if route.delay:
                time.sleep(route.delay)
            if failure is not None:
                status, headers = failure
                return self._send(status, {"Content-Type": "text/plain", **headers}, b"failure")
            if route.redirect_to is not None:
                return self._send(302, {"Location": route.redirect_to}, b"")
            if self._not_modified(route):
                return self._send(304, self._validators(route), b"")
            headers = {**self._validators(route), **route.headers}
            if route.content_type:
                headers["Content-Type"] = route.content_type
            self._send(route.status, headers, route.body, route.declared_length)

        def _not_modified(self, route: Route) -> bool:
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                return True
            return bool(route.last_modified
                        and self.headers.get("If-Modified-Since") == route.last_modified)

        @staticmethod
        def _validators(route: Route) -> dict[str, str]:
            headers = {}
            if route.etag:
                headers["ETag"] = route.etag
            if route.last_modified:
                headers["Last-Modified"] = route.last_modified
            return headers

        def _send(self, status: int, headers: dict[str, str], body: bytes,
                  declared_length: int | None = None) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(declared_length or len(body)))
            if declared_length:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            try:
                self.wfile.write(body)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up first (timeouts, size limits): expected in tests

    return Handler
