"""The review queue (with filters and text search) and the store's counts."""
from __future__ import annotations

from fastapi import APIRouter, Request
from pipeline.store.models import GroupEntity, Person

from .. import queries, views
from ..filters import Filters, fact_ids
from ..pages import render, store, url

router = APIRouter()
PAGE_SIZE = 25


@router.get("/")
def queue(request: Request, offset: int = 0):
    filters = Filters.from_params(request.query_params)
    offset = max(0, offset)
    with store(request).session() as session:
        ids = fact_ids(session, filters, PAGE_SIZE + 1, offset)
        has_more = len(ids) > PAGE_SIZE
        facts = views.fact_views(session, ids[:PAGE_SIZE])
        chosen = {"group": _entity(session, GroupEntity, filters.group),
                  "person": _entity(session, Person, filters.person)}
        sources = queries.sources(session)
        languages = queries.languages(session)
    here = url("/", filters.as_params(offset=offset or None))
    pages = {"previous": url("/", filters.as_params(offset=max(0, offset - PAGE_SIZE) or None))
             if offset else None,
             "next": url("/", filters.as_params(offset=offset + PAGE_SIZE)) if has_more else None}
    without = {name: url("/", filters.as_params(**{name: None})) for name in ("group", "person")}
    return render(request, "queue.html", facts=facts, filters=filters, here=here, pages=pages,
                  chosen=chosen, without=without, sources=sources, languages=languages,
                  offset=offset)


@router.get("/stats")
def stats(request: Request):
    return render(request, "stats.html", stats=store(request).stats())


def _entity(session, model, entity_id):
    return views.EntityView.of(session.get(model, entity_id)) if entity_id is not None else None
