"""Timeline charts for the group and person pages, as SVG for an <img> (pipeline.plot draws them).

Drawing takes a matplotlib figure (a few hundred ms), so a chart is kept until the next review
decision, like the network layout.
"""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from pipeline import plot
from pipeline.store.models import GroupEntity, Person

from .. import queries
from ..pages import store

router = APIRouter()
STATUSES = ("accepted", "active")  # accepted facts only, or accepted and pending
# The SVG is a document of its own: matplotlib styles it inline, and it may run nothing.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"


@router.get("/groups/{group_id}/timeline.svg")
def group_chart(request: Request, group_id: int, status: str = "accepted"):
    return _chart(request, GroupEntity, plot.group_chart, group_id, status)


@router.get("/people/{person_id}/timeline.svg")
def person_chart(request: Request, person_id: int, status: str = "accepted"):
    return _chart(request, Person, plot.person_chart, person_id, status)


def _chart(request: Request, model, draw, entity_id: int, status: str) -> Response:
    if status not in STATUSES:
        raise HTTPException(400, f"status must be one of {', '.join(STATUSES)}")
    with store(request).session() as session:
        entity = queries.live_entity(session, model, entity_id)
        version = queries.latest_review_id(session)
    if entity is None:
        raise HTTPException(404, f"no {model.__tablename__} {entity_id}")
    cache = request.app.state.charts
    key = (model.__tablename__, entity.id, status)
    svg = cache.get(key, version)
    if svg is None:
        svg = draw(store(request), entity.id, fmt="svg", status=status)
        cache.put(key, version, svg)
    return Response(svg, media_type="image/svg+xml",
                    headers={"Content-Security-Policy": SVG_POLICY})
