"""Login, CSRF tokens and security headers for the review app.

Every state change is a POST that must carry the per-session CSRF token twice: once in a
signed cookie, once in a hidden form field (or the X-CSRF-Token header for fetch()). A page
on another origin can make the browser send the cookie but cannot read it, so it cannot
supply the matching field.
"""
from __future__ import annotations

import base64
import binascii
import hmac
import secrets
from dataclasses import dataclass
from urllib.parse import quote

from fastapi import HTTPException, Request
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeSerializer
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import PlainTextResponse, RedirectResponse, Response

CSRF_COOKIE = "lsg_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SESSION_COOKIE = "lsg_session"
SESSION_MAX_AGE = 12 * 3600
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@dataclass
class Secrets:
    """Signing keys for one server process; restarting the server logs everyone out."""

    csrf: URLSafeSerializer
    session: TimestampSigner
    password: str | None

    @classmethod
    def create(cls, password: str | None) -> "Secrets":
        key = secrets.token_urlsafe(32)
        return cls(URLSafeSerializer(key, salt="csrf"), TimestampSigner(key, salt="session"),
                   password)


def csrf_token(request: Request) -> str:
    """The session's token, minting one (and flagging the cookie to be set) if absent."""
    if hasattr(request.state, "csrf_token"):
        return request.state.csrf_token
    keys: Secrets = request.app.state.secrets
    token = None
    cookie = request.cookies.get(CSRF_COOKIE)
    if cookie:
        try:
            token = keys.csrf.loads(cookie)
        except BadSignature:
            token = None
    if not isinstance(token, str):
        token = secrets.token_urlsafe(24)
        request.state.new_csrf_cookie = keys.csrf.dumps(token)
    request.state.csrf_token = token
    return token


async def require_csrf(request: Request) -> None:
    """App-wide dependency: an unsafe method without the matching token is refused with 403."""
    if request.method in SAFE_METHODS:
        return
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie:
        raise HTTPException(403, "missing CSRF cookie")
    try:
        expected = request.app.state.secrets.csrf.loads(cookie)
    except BadSignature:
        raise HTTPException(403, "bad CSRF cookie") from None
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and "form" in request.headers.get("content-type", ""):
        sent = (await request.form()).get(CSRF_FIELD)
    if not isinstance(sent, str) or not hmac.compare_digest(sent.encode("utf-8"),
                                                            str(expected).encode("utf-8")):
        raise HTTPException(403, "missing or wrong CSRF token")


def password_matches(keys: Secrets, given: str) -> bool:
    return keys.password is not None and hmac.compare_digest(
        given.encode("utf-8"), keys.password.encode("utf-8"))


def session_cookie(keys: Secrets) -> str:
    return keys.session.sign(secrets.token_urlsafe(16)).decode("ascii")


def is_logged_in(request: Request, keys: Secrets) -> bool:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        try:
            keys.session.unsign(cookie, max_age=SESSION_MAX_AGE)
            return True
        except (BadSignature, SignatureExpired):
            pass
    given = _basic_password(request)
    return given is not None and password_matches(keys, given)


def _basic_password(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        return base64.b64decode(value, validate=True).decode("utf-8").partition(":")[2]
    except (binascii.Error, UnicodeDecodeError):
        return None


class SecurityMiddleware(BaseHTTPMiddleware):
    """Adds the security headers, the CSRF cookie, and (with a password) the login wall."""

    async def dispatch(self, request: Request, call_next) -> Response:
        keys: Secrets = request.app.state.secrets
        if keys.password is not None and not _open(request.url.path) \
                and not is_logged_in(request, keys):
            response = _login_challenge(request)
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        new_cookie = getattr(request.state, "new_csrf_cookie", None)
        if new_cookie:
            response.set_cookie(CSRF_COOKIE, new_cookie, httponly=True, samesite="strict",
                                secure=request.url.scheme == "https")
        return response


def _open(path: str) -> bool:
    """Pages reachable before logging in: the login form and the stylesheet and script."""
    return path == "/login" or path.startswith("/static/")


def _login_challenge(request: Request) -> Response:
    if request.method == "GET" and "text/html" in request.headers.get("accept", ""):
        return RedirectResponse("/login?next=" + _local_path(request), status_code=303)
    return PlainTextResponse("login required", status_code=401,
                             headers={"WWW-Authenticate": 'Basic realm="lsg review"'})


def _local_path(request: Request) -> str:
    path = request.url.path + ("?" + request.url.query if request.url.query else "")
    return quote(path, safe="")


def safe_next(target: str | None) -> str:
    """Only same-site paths after login: no scheme, no //host, no backslash tricks."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
