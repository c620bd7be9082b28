"""Helpers the routes share: rendering a page with its globals, redirects, JSON negotiation."""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from pipeline.records import EVENT_TYPES, ROLES

from .security import csrf_token, safe_next

CHOICES = {"roles": ROLES, "events": EVENT_TYPES, "statuses": ("pending", "accepted", "rejected", "all"),
           "kinds": ("membership", "event")}


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    """A page with the globals every template uses (CSRF token, reviewer, choice lists)."""
    context.update(request=request, csrf=csrf_token(request), reviewer=request.app.state.reviewer,
                   choices=CHOICES)
    return request.app.state.templates.TemplateResponse(request, template, context,
                                                        status_code=status_code)


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def redirect(target: str | None, fallback: str = "/") -> RedirectResponse:
    """303 See Other to a same-site path (anything else goes to `fallback`)."""
    return RedirectResponse(safe_next(target) if target else fallback, status_code=303)


def url(path: str, params: dict) -> str:
    return path + ("?" + urlencode(params) if params else "")


def store(request: Request):
    return request.app.state.store
