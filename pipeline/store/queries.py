"""Reading facts back: the review table (list_facts), the export stream, and counts."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import func, literal_column
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from ..records import Event, Evidence, GroupRef, Membership, PersonRef, fact_record
from .models import Document, GroupEntity, Person, Review, Source, StoredFact, StoredMention
from .overlay import EFFECTIVE_ROLE_SQL, effective_values
from .review import STATUSES

ToGroup = aliased(GroupEntity, name="to_group")
_ORDERS = {"confidence": (col(StoredFact.confidence), col(StoredFact.id)),
           "-confidence": (col(StoredFact.confidence).desc(), col(StoredFact.id)),
           "id": (col(StoredFact.id),),
           "-updated": (col(StoredFact.updated_at).desc(), col(StoredFact.id).desc())}
_STREAM_BATCH = 1000


@dataclass(frozen=True)
class FactRow:
    """One fact as the review table shows it: analyst edits applied, names joined."""

    id: int
    kind: str
    status: str
    needs_rereview: bool
    edited: bool
    confidence: float
    document_id: int
    document: str
    language: str | None
    group_id: int
    group_name: str
    group_canonical: str | None
    person_id: int | None
    person_name: str | None
    person_canonical: str | None
    role: str | None
    event_type: str | None
    date: str | None
    to_group_id: int | None
    to_group_name: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    extractor_version: str


@dataclass(frozen=True)
class _DocumentInfo:
    """The document columns a fact row needs (never the text: exports stream 200k rows)."""

    id: int
    origin: str
    language: str | None
    title: str | None
    published: str | None


def _joined():
    return (select(StoredFact, Document.id, Document.origin, Document.language, Document.title,
                   Document.published, GroupEntity, Person, ToGroup)
            .join(Document, col(Document.id) == StoredFact.document_id)
            .join(GroupEntity, col(GroupEntity.id) == StoredFact.group_id)
            .outerjoin(Person, col(Person.id) == StoredFact.person_id)
            .outerjoin(ToGroup, col(ToGroup.id) == StoredFact.to_group_id))


def list_facts(session: Session, status: str | None = None, limit: int = 50, offset: int = 0,
               order: str = "confidence", *, group_id: int | None = None, person_id: int | None = None,
               role: str | None = None, language: str | None = None, kind: str | None = None,
               document_id: int | None = None, needs_rereview: bool | None = None) -> list[FactRow]:
    """Facts in review order ("confidence" = least confident first); status None or "all" = any."""
    if order not in _ORDERS:
        raise ValueError(f"order must be one of {', '.join(_ORDERS)}")
    query = _joined()
    if status not in (None, "all"):
        query = query.where(StoredFact.status == _checked(status))
    if group_id is not None:
        query = query.where(StoredFact.group_id == group_id)
    if person_id is not None:
        query = query.where(StoredFact.person_id == person_id)
    if role is not None:
        query = query.where(literal_column(EFFECTIVE_ROLE_SQL) == role)
    if language is not None:
        query = query.where(Document.language == language)
    if kind is not None:
        query = query.where(StoredFact.kind == kind)
    if document_id is not None:
        query = query.where(StoredFact.document_id == document_id)
    if needs_rereview is not None:
        query = query.where(StoredFact.needs_rereview == needs_rereview)
    query = query.order_by(*_ORDERS[order]).limit(limit).offset(offset)
    return [_fact_row(*_unpack(row)) for row in session.exec(query)]


def get_fact(session: Session, fact_id: int) -> FactRow | None:
    row = session.exec(_joined().where(StoredFact.id == fact_id)).first()
    return None if row is None else _fact_row(*_unpack(row))


def iter_fact_records(session: Session, status: str = "accepted") -> Iterator[dict]:
    """Export records (pipeline.records.fact_record shape plus review fields), streamed by id."""
    query = _joined().order_by(col(StoredFact.id)).execution_options(yield_per=_STREAM_BATCH)
    if status != "all":
        query = query.where(StoredFact.status == _checked(status))
    for row in session.exec(query):
        yield _record(*_unpack(row))


def stats(session: Session) -> dict:
    def count(model, *where) -> int:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()

    by = {name: dict(session.exec(select(column, func.count()).group_by(column)).all())
          for name, column in (("facts_by_status", StoredFact.status), ("facts_by_kind", StoredFact.kind),
                               ("documents_by_language", Document.language))}
    return {"sources": count(Source), "documents": count(Document), "mentions": count(StoredMention),
            "groups": count(GroupEntity, col(GroupEntity.merged_into).is_(None)),
            "people": count(Person, col(Person.merged_into).is_(None)),
            "facts": count(StoredFact), "needs_rereview": count(StoredFact, col(StoredFact.needs_rereview)),
            "reviews": count(Review), **by}


def _unpack(row) -> tuple:
    fact, doc_id, origin, language, title, published, group, person, to_group = row
    return fact, _DocumentInfo(doc_id, origin, language, title, published), group, person, to_group


def _checked(status: str) -> str:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)} or 'all'")
    return status


def _fact_row(fact: StoredFact, doc: _DocumentInfo, group: GroupEntity, person: Person | None,
              to_group: GroupEntity | None) -> FactRow:
    values = effective_values(fact)
    return FactRow(
        id=fact.id, kind=fact.kind, status=fact.status, needs_rereview=fact.needs_rereview,
        edited=bool(fact.edits), confidence=fact.confidence, document_id=doc.id, document=doc.origin,
        language=doc.language, group_id=group.id, group_name=values["group_name"],
        group_canonical=group.canonical, person_id=fact.person_id, person_name=values["person_name"],
        person_canonical=person.canonical if person else None, role=values["role"],
        event_type=values["event_type"], date=values["date"], to_group_id=fact.to_group_id,
        to_group_name=values["to_group_name"], evidence=fact.evidence,
        evidence_start=fact.evidence_start, evidence_end=fact.evidence_end,
        extractor_version=fact.extractor_version)


def _group_ref(entity: GroupEntity | None, name: str, edited: bool) -> GroupRef:
    if entity is None or edited:  # an analyst's name replaces the extracted entity's name forms
        return GroupRef(name=name, kind=entity.kind if entity else None)
    return GroupRef(name=name, name_zh=entity.name_zh, canonical=entity.canonical,
                    aliases=_aliases(entity, name), kind=entity.kind, gazetteer_id=entity.gazetteer_id)


def _person_ref(entity: Person | None, name: str, edited: bool) -> PersonRef:
    if entity is None or edited:
        return PersonRef(name=name)
    return PersonRef(name=name, name_zh=entity.name_zh, canonical=entity.canonical,
                     aliases=_aliases(entity, name))


def _aliases(entity: GroupEntity | Person, surface: str) -> list[str]:
    """Entity aliases, plus the entity's own first name when this document wrote it differently."""
    extra = [entity.name] if entity.name != surface and entity.name not in entity.aliases else []
    return [*entity.aliases, *extra]


def _record(fact: StoredFact, doc: _DocumentInfo, group: GroupEntity, person: Person | None,
            to_group: GroupEntity | None) -> dict:
    values, edits = effective_values(fact), fact.edits or {}
    evidence = Evidence(fact.evidence, fact.evidence_start, fact.evidence_end)
    group_ref = _group_ref(group, values["group_name"], "group_name" in edits)
    if fact.kind == "membership":
        person_ref = _person_ref(person, values["person_name"], "person_name" in edits)
        built = Membership(group=group_ref, person=person_ref, role=values["role"], evidence=evidence,
                           confidence=fact.confidence)
    else:
        to_ref = None
        if values["to_group_name"]:
            to_ref = _group_ref(to_group, values["to_group_name"], "to_group_name" in edits)
        built = Event(group=group_ref, event=values["event_type"], date=values["date"],
                      evidence=evidence, to_group=to_ref, confidence=fact.confidence)
    record = fact_record(built, doc.origin, fact.status)
    record.update(fact_id=fact.id, key=fact.key, document_title=doc.title,
                  document_published=doc.published, extractor_version=fact.extractor_version,
                  needs_rereview=fact.needs_rereview, edited=bool(edits))
    return record
