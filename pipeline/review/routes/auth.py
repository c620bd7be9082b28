"""Login and logout (only meaningful when the app was started with a password)."""
from __future__ import annotations

from fastapi import APIRouter, Form, Request

from ..pages import redirect, render
from ..security import SESSION_COOKIE, SESSION_MAX_AGE, password_matches, safe_next, session_cookie

router = APIRouter()


@router.get("/login")
def login_page(request: Request, next: str = "/"):
    return render(request, "login.html", next=safe_next(next), failed=False)


@router.post("/login")
def login(request: Request, password: str = Form(""), next: str = Form("/")):
    keys = request.app.state.secrets
    if not password_matches(keys, password):
        return render(request, "login.html", status_code=401, next=safe_next(next), failed=True)
    response = redirect(next)
    response.set_cookie(SESSION_COOKIE, session_cookie(keys), max_age=SESSION_MAX_AGE,
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


@router.post("/logout")
def logout():
    response = redirect("/login")
    response.delete_cookie(SESSION_COOKIE)
    return response
