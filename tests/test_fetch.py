import email.utils
import os
import socket
from datetime import datetime, timedelta, timezone

import pytest

from pipeline.errors import InputError
from pipeline.fetch import USER_AGENT, discover_inputs, fetch_url, read_file
from tests.http_server import Route


class SleepLog:
    """Stands in for time.sleep so retry tests run instantly and show the waits."""

    def __init__(self):
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def test_fetch_reports_media_type_charset_and_validators(http_server):
    http_server.routes["/a"] = Route(body="领导小组".encode("gb18030"),
                                     content_type="text/html; charset=GB2312",
                                     etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    raw = fetch_url(http_server.url("/a"))
    assert raw.status == 200
    assert raw.content == "领导小组".encode("gb18030")
    assert (raw.media_type, raw.charset) == ("text/html", "gb2312")
    assert raw.etag == '"v1"' and raw.last_modified.startswith("Mon, 01 Jan 2024")
    assert http_server.requests[0].headers["user-agent"] == USER_AGENT


def test_missing_content_type_leaves_media_type_unknown(http_server):
    http_server.routes["/x"] = Route(body=b"%PDF-1.4", content_type=None)
    raw = fetch_url(http_server.url("/x"))
    assert raw.media_type is None and raw.charset is None


def test_404_is_an_input_error_with_status_text(http_server):
    with pytest.raises(InputError) as err:
        fetch_url(http_server.url("/missing"), sleep=SleepLog())
    assert err.value.reason == "HTTP 404 Not Found"
    assert http_server.hits("/missing") == 1  # client errors are not retried


def test_5xx_then_success_is_retried_with_growing_backoff(http_server):
    http_server.routes["/flaky"] = Route(body=b"ok", failures=[(503, {}), (500, {})])
    sleep = SleepLog()
    raw = fetch_url(http_server.url("/flaky"), sleep=sleep)
    assert raw.content == b"ok"
    assert len(sleep.waits) == 2 and sleep.waits[1] > sleep.waits[0] - 1
    assert all(1 <= w < 5 for w in sleep.waits)


def test_429_honours_retry_after(http_server):
    http_server.routes["/busy"] = Route(body=b"ok", failures=[(429, {"Retry-After": "7"})])
    sleep = SleepLog()
    assert fetch_url(http_server.url("/busy"), sleep=sleep).content == b"ok"
    assert sleep.waits == [7.0]


def test_retry_after_as_http_date(http_server):
    when = email.utils.format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30),
                                       usegmt=True)
    http_server.routes["/later"] = Route(body=b"ok", failures=[(503, {"Retry-After": when})])
    sleep = SleepLog()
    assert fetch_url(http_server.url("/later"), sleep=sleep).content == b"ok"
    assert 25 <= sleep.waits[0] <= 30


def test_retries_are_bounded_to_three_tries(http_server):
    http_server.routes["/down"] = Route(failures=[(503, {})] * 5)
    sleep = SleepLog()
    with pytest.raises(InputError) as err:
        fetch_url(http_server.url("/down"), sleep=sleep)
    assert err.value.reason == "HTTP 503 Service Unavailable"
    assert http_server.hits("/down") == 3 and len(sleep.waits) == 2


def test_slow_response_times_out_with_reason(http_server):
    http_server.routes["/slow"] = Route(body=b"late", delay=0.5)
    with pytest.raises(InputError) as err:
        fetch_url(http_server.url("/slow"), timeout=0.1, sleep=SleepLog())
    assert err.value.reason == "timed out after 0.1 s"
    assert http_server.hits("/slow") == 3


def test_redirects_are_followed_and_origin_is_final_url(http_server):
    http_server.routes["/old"] = Route(redirect_to="/new")
    http_server.routes["/new"] = Route(body=b"moved")
    raw = fetch_url(http_server.url("/old"))
    assert raw.content == b"moved" and raw.origin == http_server.url("/new")


def test_redirect_loop_and_long_chains_fail(http_server):
    http_server.routes["/loop"] = Route(redirect_to="/loop")
    with pytest.raises(InputError) as err:
        fetch_url(http_server.url("/loop"))
    assert "too many redirects" in err.value.reason
    for i in range(4):
        http_server.routes[f"/r{i}"] = Route(redirect_to=f"/r{i + 1}")
    http_server.routes["/r4"] = Route(body=b"end")
    assert fetch_url(http_server.url("/r0"), max_redirects=4).content == b"end"
    with pytest.raises(InputError, match="too many redirects"):
        fetch_url(http_server.url("/r0"), max_redirects=3)


def test_oversized_body_is_refused(http_server):
    http_server.routes["/big"] = Route(body=b"x" * 5000)
    with pytest.raises(InputError) as err:
        fetch_url(http_server.url("/big"), max_bytes=1000)
    assert err.value.reason == "response larger than 0.001 MB"
    with pytest.raises(InputError) as err:
        fetch_url(http_server.url("/big"), max_bytes=4999)
    assert "response larger than" in err.value.reason


def test_default_size_limit_is_worded_in_mb(http_server):
    http_server.routes["/huge"] = Route(body=b"x", declared_length=20_000_001)
    with pytest.raises(InputError) as err:
        fetch_url(http_server.url("/huge"))
    assert err.value.reason == "response larger than 20 MB"


def test_truncated_body_is_retried_then_reported(http_server):
    http_server.routes["/cut"] = Route(body=b"half", declared_length=100)
    with pytest.raises(InputError) as err:
        fetch_url(http_server.url("/cut"), sleep=SleepLog())
    assert err.value.reason.startswith("truncated response")
    assert http_server.hits("/cut") == 3


def test_conditional_get_returns_304_with_empty_content(http_server):
    http_server.routes["/doc"] = Route(body=b"text", etag='"abc"',
                                       last_modified="Tue, 02 Jan 2024 00:00:00 GMT")
    by_etag = fetch_url(http_server.url("/doc"), etag='"abc"')
    assert by_etag.status == 304 and by_etag.content == b""
    by_date = fetch_url(http_server.url("/doc"), last_modified="Tue, 02 Jan 2024 00:00:00 GMT")
    assert by_date.status == 304
    changed = fetch_url(http_server.url("/doc"), etag='"old"')
    assert changed.status == 200 and changed.content == b"text"
    assert http_server.requests[0].headers["if-none-match"] == '"abc"'


def test_connection_refused():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the fetch: nothing listens there
    with pytest.raises(InputError) as err:
        fetch_url(f"http://127.0.0.1:{port}/", sleep=SleepLog())
    assert err.value.reason == "connection refused"


def test_read_file_media_types_and_errors(tmp_path):
    (tmp_path / "a.HTM").write_bytes(b"<html></html>")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / "c.txt").write_bytes(b"hi")
    assert read_file(tmp_path / "a.HTM").media_type == "text/html"
    assert read_file(tmp_path / "b.pdf").media_type == "application/pdf"
    raw = read_file(tmp_path / "c.txt")
    assert (raw.media_type, raw.content, raw.origin) == ("text/plain", b"hi", str(tmp_path / "c.txt"))
    with pytest.raises(InputError, match="not a file"):
        read_file(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "nope.txt")


def test_read_file_permission_denied(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_bytes(b"secret")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the OS answer as it would for a user
        def refuse(self):
            raise PermissionError(13, "Permission denied", str(self))
        monkeypatch.setattr(type(locked), "read_bytes", refuse)
    with pytest.raises(InputError) as err:
        read_file(locked)
    assert err.value.reason == "permission denied"


def test_discover_inputs_expands_directories(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ["b.txt", "a.html", "sub/c.pdf", "sub/d.htm", "notes.md", ".secret.txt",
                 ".hidden/e.txt"]:
        (tmp_path / name).write_bytes(b"x")
    url = "https://example.org/report.pdf"
    found = discover_inputs([url, str(tmp_path), str(tmp_path / "b.txt")])
    assert found == [url] + [str(tmp_path / n) for n in ["a.html", "b.txt", "sub/c.pdf", "sub/d.htm"]]
