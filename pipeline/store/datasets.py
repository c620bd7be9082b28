"""Flat fact rows for datasets: like the export records, plus the entities' ids and keys.

Graph and entity formats (FollowTheMoney, GEXF) and tenures need to know *which* person or body a
fact names, not only how the document wrote it. Analyst edits apply as in queries.py: an edited
name replaces the entity (its key becomes the edited name's key). Rows are read as plain columns
and the (few) entities once, in memory: ORM objects per fact are too slow at 200,000 facts.
"""
from __future__ import annotations

from typing import Iterator

from sqlmodel import Session, col, select

from ..records import GroupRef, PersonRef
from .models import Document, GroupEntity, Person, StoredFact
from .review import STATUSES

_BATCH = 5000
_FACT_COLUMNS = (StoredFact.id, StoredFact.key, StoredFact.kind, StoredFact.status,
                 StoredFact.document_id, StoredFact.extractor_version, StoredFact.confidence,
                 StoredFact.needs_rereview, StoredFact.edits, StoredFact.group_id,
                 StoredFact.person_id, StoredFact.to_group_id, StoredFact.group_surface,
                 StoredFact.person_surface, StoredFact.to_group_surface, StoredFact.role,
                 StoredFact.event_type, StoredFact.date, StoredFact.evidence,
                 StoredFact.evidence_start, StoredFact.evidence_end,
                 Document.origin, Document.title, Document.published, Document.language)


def iter_dataset_rows(session: Session, status: str = "accepted", kind: str | None = None,
                      group_ids: set[int] | None = None, person_id: int | None = None
                      ) -> Iterator[dict]:
    """One dict per fact with `status` ("all" = any; "active" = accepted or pending), by id;
    optionally only facts of `kind`, about one of `group_ids`, or naming `person_id`."""
    query = (select(*_FACT_COLUMNS).join(Document, col(Document.id) == StoredFact.document_id)
             .order_by(col(StoredFact.id)).execution_options(yield_per=_BATCH))
    if status == "active":
        query = query.where(col(StoredFact.status).in_(("accepted", "pending")))
    elif status != "all":
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, 'active' or 'all'")
        query = query.where(StoredFact.status == status)
    if kind is not None:
        query = query.where(StoredFact.kind == kind)
    if group_ids is not None:
        query = query.where(col(StoredFact.group_id).in_(group_ids))
    if person_id is not None:
        query = query.where(StoredFact.person_id == person_id)
    groups, people = entity_views(session, GroupEntity), entity_views(session, Person)
    for (fact_id, key, kind_, status_, document_id, version, confidence, rereview, edits, group_id,
         person_id_, to_group_id, group_surface, person_surface, to_group_surface, role, event,
         date, evidence, evidence_start, evidence_end, origin, title, published,
         language) in session.exec(query):
        edits = edits or {}
        role, event, date = (edits.get("role", role), edits.get("event_type", event),
                             edits.get("date", date))
        to_group_name = edits.get("to_group_name", to_group_surface)
        yield {
            "fact_id": fact_id, "key": key, "kind": kind_, "status": status_,
            "document_id": document_id, "document": origin, "document_title": title,
            "document_published": published, "language": language,
            "extractor_version": version, "confidence": confidence,
            "needs_rereview": rereview, "edited": bool(edits),
            "group": _view(groups, GroupRef, group_id, edits.get("group_name", group_surface),
                           "group_name" in edits),
            "person": (_view(people, PersonRef, person_id_, edits.get("person_name", person_surface),
                             "person_name" in edits) if kind_ == "membership" else None),
            "role": role, "event": event, "date": date, "date_precision": _precision(date),
            "to_group": (_view(groups, GroupRef, to_group_id, to_group_name,
                               "to_group_name" in edits) if to_group_name else None),
            "evidence": evidence, "evidence_start": evidence_start, "evidence_end": evidence_end,
        }


def entity_views(session: Session, model: type[GroupEntity] | type[Person]) -> dict[int, dict]:
    """Every entity id -> the name forms of the live entity it is (merges followed)."""
    is_group = model is GroupEntity
    columns = [model.id, model.key, model.name, model.name_zh, model.canonical, model.aliases,
               model.merged_into, *((model.kind, model.gazetteer_id) if is_group else ())]
    rows = {row[0]: row for row in session.exec(select(*columns))}
    views = {}
    for entity_id, row in rows.items():
        seen = {entity_id}
        while row[6] is not None and row[6] not in seen:  # merged_into
            seen.add(row[6])
            row = rows[row[6]]
        views[entity_id] = {
            "id": row[0], "key": row[1], "name": row[2], "name_zh": row[3], "canonical": row[4],
            "aliases": list(row[5]), "kind": row[7] if is_group else None,
            "gazetteer_id": row[8] if is_group else None}
    return views


def _view(views: dict[int, dict], ref_type, entity_id: int | None, surface: str, edited: bool) -> dict:
    """The entity a fact names, with `surface` as this fact writes it."""
    entity = views.get(entity_id)
    if entity is None or edited:  # the analyst named another entity: identify it by that name
        return {"id": None, "key": ref_type(name=surface).key, "surface": surface, "name": surface,
                "name_zh": None, "canonical": None, "aliases": [],
                "kind": entity["kind"] if entity else None, "gazetteer_id": None}
    return {**entity, "surface": surface}


def _precision(date: str | None) -> str | None:
    return None if not date else {4: "year", 7: "month"}.get(len(date), "day")
