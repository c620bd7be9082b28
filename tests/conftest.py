"""Shared pytest fixtures."""
from __future__ import annotations

import pytest

from tests.http_server import TestHTTPServer


@pytest.fixture
def http_server():
    """A fresh 127.0.0.1 server per test; register routes in `http_server.routes`."""
    server = TestHTTPServer().start()
    try:
        yield server
    finally:
        server.stop()
