"""create_app(): the FastAPI review app over one store file."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.store import ReviewError, open_store

from . import search
from .cache import ReviewStateCache
from .routes import auth, charts, entities, facts, network, proposals, queue
from .pages import render, wants_json
from .security import Secrets, SecurityMiddleware, require_csrf

HERE = Path(__file__).resolve().parent


def create_app(db_path: str | Path, reviewer: str, password: str | None = None) -> FastAPI:
    """The review app for the store at `db_path`; decisions are recorded as `reviewer`.

    With a password every page requires a login (HTTP Basic or the login form's cookie).
    """
    store = open_store(db_path)
    search.ensure_index(store.path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="lsg review", docs_url=None, redoc_url=None, openapi_url=None,
                  dependencies=[Depends(require_csrf)], lifespan=lifespan)
    app.state.store = store
    app.state.reviewer = reviewer
    app.state.secrets = Secrets.create(password)
    app.state.layouts = ReviewStateCache()
    app.state.charts = ReviewStateCache(size=64)
    app.state.templates = Jinja2Templates(env=Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True,
        lstrip_blocks=True))
    app.add_middleware(SecurityMiddleware)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in (auth, queue, facts, entities, charts, network, proposals):
        app.include_router(module.router)
    app.add_exception_handler(ReviewError, _review_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    return app


async def _review_error(request: Request, exc: ReviewError):
    if wants_json(request):
        return JSONResponse({"error": str(exc)}, status_code=400)
    return render(request, "error.html", status_code=400, message=str(exc))


async def _http_error(request: Request, exc: StarletteHTTPException):
    if wants_json(request) or request.method != "GET":
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))
    return render(request, "error.html", status_code=exc.status_code, message=exc.detail)
