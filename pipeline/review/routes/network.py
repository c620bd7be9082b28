"""The network page: people and groups linked by accepted memberships, laid out server-side."""
from __future__ import annotations

from fastapi import APIRouter, Request
from pipeline.store.models import GroupEntity, Person

from .. import network, queries
from ..pages import render, store

router = APIRouter()


@router.get("/network")
def network_page(request: Request, group: int | None = None, size: int = 120):
    size = max(10, min(size, 300))
    cache = request.app.state.layouts
    with store(request).session() as session:
        version = queries.latest_review_id(session)
        graph = cache.get((group, size), version)
        if graph is None:
            graph = network.build(queries.network_edges(session, group_id=group), max_nodes=size)
            cache.put((group, size), version, graph)
        kept = {kind: [n.entity_id for n in graph.nodes if n.kind == kind] for kind in ("group", "person")}
        groups = queries.entities(session, GroupEntity, kept["group"])
        people = queries.entities(session, Person, kept["person"])
        centre = session.get(GroupEntity, group) if group is not None else None
    for node in graph.nodes:
        if node.kind == "group":
            entity = groups[node.entity_id]
            node.label = _short(entity.name_zh or entity.canonical or entity.name)
            node.href = f"/groups/{entity.id}"
        else:
            entity = people[node.entity_id]
            node.label = entity.name_zh or entity.canonical or entity.name
            node.href = f"/people/{entity.id}"
    return render(request, "network.html", graph=graph, centre=centre, size=size)


def _short(label: str, limit: int = 18) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"
