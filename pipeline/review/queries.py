"""Read queries the review pages need beyond the store's API: the facts of a queue page with
their documents and entities, passages, group timelines, people's roles, the network.

Reads only; every change goes through pipeline.store.Store. Analyst edits are laid over the
extracted values with the store's own overlay, so the pages and the export always agree.
"""
from __future__ import annotations


from sqlalchemy import func, literal_column, or_, text, union_all
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from pipeline.store.models import (Document, GroupEntity, Person, Review, Source, StoredFact,
                                   StoredMention)
from pipeline.store.overlay import EFFECTIVE_ROLE_SQL


ToGroup = aliased(GroupEntity, name="to_group")
EFFECTIVE_ROLE = literal_column(EFFECTIVE_ROLE_SQL)


def about_group(group_id: int):
    """Facts of the group or renaming into it. A UNION of two index lookups: SQLite plans the
    equivalent OR as a scan of the whole fact table."""
    return col(StoredFact.id).in_(union_all(
        select(StoredFact.id).where(StoredFact.group_id == group_id),
        select(StoredFact.id).where(StoredFact.to_group_id == group_id)))


def fact_rows(session: Session, ids: list[int]) -> list[tuple]:
    """(fact, document columns, group, person, to_group, source name) for `ids`, in that order."""
    if not ids:
        return []
    query = (select(StoredFact, Document.id, Document.origin, Document.title, Document.published,
                    Document.language, Document.media_type, Source.name, GroupEntity, Person, ToGroup)
             .join(Document, col(Document.id) == StoredFact.document_id)
             .outerjoin(Source, col(Source.id) == Document.source_id)
             .join(GroupEntity, col(GroupEntity.id) == StoredFact.group_id)
             .outerjoin(Person, col(Person.id) == StoredFact.person_id)
             .outerjoin(ToGroup, col(ToGroup.id) == StoredFact.to_group_id)
             .where(col(StoredFact.id).in_(ids)))
    found = {row[0].id: row for row in session.exec(query)}
    return [found[i] for i in ids if i in found]


def mentions_in(session: Session, spans: list[tuple[int, int, int]]) -> dict[int, list[tuple]]:
    """Mentions inside each (document_id, start, end) span, keyed by document id."""
    if not spans:
        return {}
    query = select(StoredMention.document_id, StoredMention.start, StoredMention.end,
                   StoredMention.label).where(col(StoredMention.document_id).in_({d for d, _, _ in spans}))
    wanted: dict[int, list[tuple[int, int]]] = {}
    for doc, start, end in spans:
        wanted.setdefault(doc, []).append((start, end))
    result: dict[int, list[tuple]] = {}
    for doc, start, end, label in session.exec(query):
        if any(lo <= start and end <= hi for lo, hi in wanted[doc]):
            result.setdefault(doc, []).append((start, end, label))
    return result


def document(session: Session, document_id: int) -> Document | None:
    return session.get(Document, document_id)


def live_entity(session: Session, model, entity_id: int):
    """The entity, or the one it was merged into (merges may chain)."""
    entity, seen = session.get(model, entity_id), set()
    while entity is not None and entity.merged_into is not None and entity.id not in seen:
        seen.add(entity.id)
        entity = session.get(model, entity.merged_into)
    return entity


def tenures(session: Session, *, group_id: int | None = None, person_id: int | None = None,
            include_pending: bool = True) -> list[dict]:
    """Membership facts folded per (group, person, role): first/last dated source and counts."""
    dated = func.coalesce(Document.published, "")
    statuses = ["accepted", "pending"] if include_pending else ["accepted"]
    query = (select(StoredFact.group_id, StoredFact.person_id, EFFECTIVE_ROLE.label("role"),
                    func.min(func.nullif(dated, "")), func.max(dated), func.count(),
                    func.sum(StoredFact.status == "accepted"), func.min(StoredFact.id))
             .join(Document, col(Document.id) == StoredFact.document_id)
             .where(StoredFact.kind == "membership", col(StoredFact.status).in_(statuses)))
    if group_id is not None:
        query = query.where(StoredFact.group_id == group_id)
    if person_id is not None:
        query = query.where(StoredFact.person_id == person_id)
    query = query.group_by(StoredFact.group_id, StoredFact.person_id, EFFECTIVE_ROLE)
    keys = ("group_id", "person_id", "role", "first", "last", "facts", "accepted", "first_fact")
    return [dict(zip(keys, row)) for row in session.exec(query)]


def group_events(session: Session, group_id: int) -> list[tuple]:
    """Event facts about the group or naming it as a rename target, with their documents."""
    query = (select(StoredFact, Document.id, Document.origin, Document.title, Document.published)
             .join(Document, col(Document.id) == StoredFact.document_id)
             .where(StoredFact.kind == "event", StoredFact.status != "rejected",
                    about_group(group_id))
             .order_by(col(StoredFact.date), col(StoredFact.id)).limit(500))
    return list(session.exec(query))


def entities(session: Session, model, ids) -> dict[int, object]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    return {e.id: e for e in session.exec(select(model).where(col(model.id).in_(ids)))}


def by_gazetteer_ids(session: Session, gazetteer_ids: list[str]) -> dict[str, GroupEntity]:
    if not gazetteer_ids:
        return {}
    rows = session.exec(select(GroupEntity).where(col(GroupEntity.gazetteer_id).in_(gazetteer_ids),
                                                  col(GroupEntity.merged_into).is_(None)))
    return {g.gazetteer_id: g for g in rows}


def find_entities(session: Session, model, q: str, limit: int = 50) -> list:
    """Live people or groups whose names or aliases contain `q`."""
    pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    in_aliases = text(f"EXISTS (SELECT 1 FROM json_each({model.__tablename__}.aliases) "
                      "WHERE json_each.value LIKE :pattern ESCAPE '\\')").bindparams(pattern=pattern)
    names = (model.name, model.name_zh, model.canonical)
    query = select(model).where(col(model.merged_into).is_(None),
                                or_(*[col(n).like(pattern, escape="\\") for n in names], in_aliases))
    return list(session.exec(query.order_by(col(model.id)).limit(limit)))


def network_edges(session: Session, group_id: int | None = None, limit: int = 5000) -> list[tuple]:
    """Distinct (group_id, person_id, role) of accepted memberships (around one group if given)."""
    query = (select(StoredFact.group_id, StoredFact.person_id, EFFECTIVE_ROLE)
             .where(StoredFact.kind == "membership", StoredFact.status == "accepted",
                    col(StoredFact.person_id).is_not(None)).distinct())
    if group_id is not None:
        people = select(StoredFact.person_id).where(
            StoredFact.group_id == group_id, StoredFact.status == "accepted",
            StoredFact.kind == "membership")
        query = query.where(col(StoredFact.person_id).in_(people))
    return list(session.exec(query.limit(limit)))


def latest_review_id(session: Session) -> int | None:
    return session.exec(select(func.max(Review.id))).one()


def sources(session: Session) -> list[tuple[int, str]]:
    return list(session.exec(select(Source.id, Source.name).order_by(col(Source.name))))


def languages(session: Session) -> list[str]:
    query = select(Document.language).where(col(Document.language).is_not(None)).distinct()
    return sorted(session.exec(query))
