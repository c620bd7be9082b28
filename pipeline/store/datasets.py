"""Flat fact rows for datasets: like the export records, plus the entities' ids and keys.

Graph and entity formats (FollowTheMoney, GEXF) and tenures need to know *which* person or body a
fact names, not only how the document wrote it. Analyst edits apply as in queries.py: an edited
name replaces the entity (its key becomes the edited name's key).
"""
from __future__ import annotations

from typing import Iterator

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from ..records import GroupRef, PersonRef
from .entities import follow
from .models import Document, GroupEntity, Person, StoredFact
from .overlay import effective_values
from .review import STATUSES

ToGroup = aliased(GroupEntity, name="dataset_to_group")
_BATCH = 2000


def iter_dataset_rows(session: Session, status: str = "accepted", kind: str | None = None
                      ) -> Iterator[dict]:
    """One dict per fact with `status` ("all" = any; "active" = accepted or pending), by id."""
    query = (select(StoredFact, Document.origin, Document.title, Document.published,
                    Document.language, GroupEntity, Person, ToGroup)
             .join(Document, col(Document.id) == StoredFact.document_id)
             .join(GroupEntity, col(GroupEntity.id) == StoredFact.group_id)
             .outerjoin(Person, col(Person.id) == StoredFact.person_id)
             .outerjoin(ToGroup, col(ToGroup.id) == StoredFact.to_group_id)
             .order_by(col(StoredFact.id)).execution_options(yield_per=_BATCH))
    if status == "active":
        query = query.where(col(StoredFact.status).in_(("accepted", "pending")))
    elif status != "all":
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, 'active' or 'all'")
        query = query.where(StoredFact.status == status)
    if kind is not None:
        query = query.where(StoredFact.kind == kind)
    for fact, origin, title, published, language, group, person, to_group in session.exec(query):
        values, edits = effective_values(fact), fact.edits or {}
        yield {
            "fact_id": fact.id, "key": fact.key, "kind": fact.kind, "status": fact.status,
            "document_id": fact.document_id, "document": origin, "document_title": title,
            "document_published": published, "language": language,
            "extractor_version": fact.extractor_version, "confidence": fact.confidence,
            "needs_rereview": fact.needs_rereview, "edited": bool(edits),
            "group": entity_view(session, GroupEntity, group, values["group_name"], "group_name" in edits),
            "person": (entity_view(session, Person, person, values["person_name"], "person_name" in edits)
                       if fact.kind == "membership" else None),
            "role": values["role"], "event": values["event_type"], "date": values["date"],
            "date_precision": _precision(values["date"]),
            "to_group": (entity_view(session, GroupEntity, to_group, values["to_group_name"],
                                     "to_group_name" in edits) if values["to_group_name"] else None),
            "evidence": fact.evidence, "evidence_start": fact.evidence_start,
            "evidence_end": fact.evidence_end,
        }


def entity_view(session: Session, model: type[GroupEntity] | type[Person],
                entity: GroupEntity | Person | None, surface: str, edited: bool) -> dict:
    """id, key and name forms of the (live) entity a fact names; `surface` as this fact writes it."""
    if entity is not None:
        entity = follow(session, model, entity)
    if entity is None or edited:  # the analyst named another entity: identify it by that name
        ref = GroupRef(name=surface) if model is GroupEntity else PersonRef(name=surface)
        return {"id": None, "key": ref.key, "surface": surface, "name": surface, "name_zh": None,
                "canonical": None, "aliases": [], "kind": getattr(entity, "kind", None),
                "gazetteer_id": None}
    return {"id": entity.id, "key": entity.key, "surface": surface, "name": entity.name,
            "name_zh": entity.name_zh, "canonical": entity.canonical,
            "aliases": list(entity.aliases), "kind": getattr(entity, "kind", None),
            "gazetteer_id": getattr(entity, "gazetteer_id", None)}


def _precision(date: str | None) -> str | None:
    return None if not date else {4: "year", 7: "month"}.get(len(date), "day")
