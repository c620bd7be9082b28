"""A throwaway web server on 127.0.0.1 (a free port, a daemon thread) for rendered pages."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class PageServer:
    """Serves `routes` (path -> (body, Content-Type)); use as a context manager."""

    def __init__(self, routes: dict[str, tuple[bytes, str]]):
        self.routes = routes
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.1}, daemon=True)

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def __enter__(self) -> "PageServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(routes: dict[str, tuple[bytes, str]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args) -> None:  # no access log on the console
            pass

        def do_GET(self) -> None:
            body, content_type = routes.get(self.path.split("?", 1)[0],
                                            (b"not found", "text/plain"))
            self.send_response(200 if self.path.split("?", 1)[0] in routes else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler
