"""Group and person pages, name search for both, and merging two of a kind."""
from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from pipeline.store import ReviewError
from pipeline.store.models import GroupEntity, Person

from .. import lineage, queries, timeline
from ..pages import redirect, render, store
from ..views import EntityView

router = APIRouter()


@router.get("/groups/{group_id}")
def group_page(request: Request, group_id: int):
    with store(request).session() as session:
        group = _live(session, GroupEntity, group_id)
        if group.id != group_id:
            return redirect(f"/groups/{group.id}")
        events = queries.group_events(session, group.id)
        entries, hidden = timeline.group_timeline(session, group.id, events)
        related = lineage.lineage(session, group, events)
    return render(request, "group.html", group=EntityView.of(group), entity=group,
                  lineage=related, timeline=entries, hidden=hidden, here=f"/groups/{group_id}",
                  all_facts=f"/?group={group.id}&status=all")


@router.get("/people/{person_id}")
def person_page(request: Request, person_id: int):
    with store(request).session() as session:
        person = _live(session, Person, person_id)
        if person.id != person_id:
            return redirect(f"/people/{person.id}")
        roles, hidden = timeline.person_roles(session, person.id)
    return render(request, "person.html", person=EntityView.of(person),
                  names=timeline.person_names(person), timeline=roles, hidden=hidden,
                  here=f"/people/{person_id}", all_facts=f"/?person={person.id}&status=all")


@router.get("/groups")
def find_groups(request: Request, q: str = ""):
    return _find(request, GroupEntity, "groups", q)


@router.get("/people")
def find_people(request: Request, q: str = ""):
    return _find(request, Person, "people", q)


@router.post("/groups/{keep_id}/merge")
def merge_groups(request: Request, keep_id: int, drop_id: str = Form(...)):
    moved = store(request).merge_groups(keep_id, _id(drop_id), request.app.state.reviewer)
    return redirect(f"/groups/{keep_id}?merged={moved}")


@router.post("/people/{keep_id}/merge")
def merge_people(request: Request, keep_id: int, drop_id: str = Form(...)):
    moved = store(request).merge_people(keep_id, _id(drop_id), request.app.state.reviewer)
    return redirect(f"/people/{keep_id}?merged={moved}")


def _find(request: Request, model, kind: str, q: str):
    q = q.strip()[:100]
    with store(request).session() as session:
        found = [EntityView.of(e) for e in queries.find_entities(session, model, q)] if q else []
    return render(request, "entity_list.html", kind=kind, q=q, found=found)


def _live(session, model, entity_id: int):
    entity = queries.live_entity(session, model, entity_id)
    if entity is None:
        raise HTTPException(404, f"no {model.__tablename__} {entity_id}")
    return entity


def _id(value: str) -> int:
    value = value.strip().lstrip("#")
    if not value.isdigit():
        raise ReviewError("give the id (a number) of the one to merge")
    return int(value)
