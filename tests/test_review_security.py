"""The review app's defences: escaping, CSP, CSRF on every POST, login, bind address."""
from __future__ import annotations

import base64
import re

import pytest
from fastapi.testclient import TestClient

from pipeline.errors import InputError
from pipeline.review import check_bind
from pipeline.review.app import create_app
from pipeline.review.security import CSRF_COOKIE
from tests.review_client import client, db, post, store  # noqa: F401 (fixtures)
from tests.review_sample import fact_id


def test_hostile_markup_is_escaped_everywhere(client, store):
    hostile = fact_id(store, "joined the reform group")
    for path in ("/?status=all", f"/facts/{hostile}", f"/facts/{hostile}/context", "/people/5"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
        assert "javascript:" not in html.replace('title="javascript:alert(4)"', "")
    html = client.get(f"/facts/{hostile}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html
    # The only script tag on a page is the app's own, served from this origin.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/review.js" defer>']


def test_every_page_sends_a_strict_content_security_policy(client):
    for path in ("/", "/network", "/static/review.js", "/login"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy


def test_post_without_or_with_a_wrong_csrf_token_is_refused(client, store):
    target = fact_id(store, "deputy leader of the group")
    client.get("/")  # sets the CSRF cookie
    no_token = client.post(f"/facts/{target}/status", data={"status": "accepted"})
    wrong = client.post(f"/facts/{target}/status", data={"status": "accepted", "csrf_token": "x" * 32})
    not_ascii = client.post(f"/facts/{target}/status", data={"status": "accepted", "csrf_token": "令牌"})
    assert no_token.status_code == 403 and wrong.status_code == 403 and not_ascii.status_code == 403
    forged_cookie = TestClient(client.app, cookies={CSRF_COOKIE: "forged"})
    assert forged_cookie.post(f"/facts/{target}/status",
                              data={"status": "accepted", "csrf_token": "forged"}).status_code == 403
    assert store.get_fact(target).status == "pending"
    assert store.fact_history(target) == []


def test_every_state_changing_route_demands_the_token(client):
    client.get("/")
    posts = [r.path for r in _routes(client.app.routes) if "POST" in getattr(r, "methods", ())]
    assert len(posts) == 9
    for path in posts:
        url = re.sub(r"\{\w+\}", "1", path)
        assert client.post(url, data={"status": "accepted", "note": "n", "drop_id": "2",
                                      "password": "p"}).status_code == 403, path


def _routes(routes):
    """Routes, looking inside included routers (FastAPI keeps them wrapped)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        yield from _routes(inner.routes) if inner is not None else [route]


def test_an_unsafe_redirect_target_is_ignored(client, store):
    head = fact_id(store, "heads the Central")
    response = post(client, f"/facts/{head}/status", status="accepted", next="//evil.example/")
    assert response.headers["location"] == "/"


def test_password_gates_every_page(db):
    with TestClient(create_app(db, "ana", password="s3cret")) as gated:
        assert gated.get("/", headers={"Accept": "text/html"}, follow_redirects=False).headers[
            "location"].startswith("/login")
        assert gated.get("/network").status_code == 401
        basic = base64.b64encode(b"ana:s3cret").decode()
        assert gated.get("/", headers={"Authorization": f"Basic {basic}"}).status_code == 200
        wrong = base64.b64encode(b"ana:guess").decode()
        assert gated.get("/", headers={"Authorization": f"Basic {wrong}"}).status_code == 401
        login_page = gated.get("/login").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', login_page).group(1)
        failed = gated.post("/login", data={"csrf_token": csrf, "password": "guess"})
        assert failed.status_code == 401
        ok = gated.post("/login", data={"csrf_token": csrf, "password": "s3cret", "next": "/stats"},
                        follow_redirects=False)
        assert ok.status_code == 303 and ok.headers["location"] == "/stats"
        assert gated.get("/").status_code == 200
        assert gated.post("/logout", data={"csrf_token": csrf}).status_code == 200  # back at /login
        assert gated.get("/network").status_code == 401
        assert gated.get("/static/review.css").status_code == 200


def test_binding_beyond_loopback_needs_a_password():
    check_bind("127.0.0.1", None)
    check_bind("::1", None)
    with pytest.raises(InputError):
        check_bind("0.0.0.0", None)
    check_bind("0.0.0.0", "s3cret")
