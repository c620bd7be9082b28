"""The queue's query: which facts one page shows, filtered, searched and ordered.

Every order has an index to walk for one status (the store's ix_fact_status_confidence,
ix_fact_group...), so a page stops reading after its last row. "All statuses" merges one such
walk per status instead of sorting the whole table, unless a text search already narrowed the
facts to a few.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

from sqlalchemy import union_all
from sqlmodel import Session, col, select

from pipeline.store import STATUSES
from pipeline.store.models import Document, StoredFact

from .queries import EFFECTIVE_ROLE, about_group
from .search import Match, evidence_matches

# Column names, descending?; the fact id always breaks ties so pages never overlap.
ORDERS = {
    "confidence": (("confidence", False), ("id", False)),
    "-confidence": (("confidence", True), ("id", False)),
    "group": (("group_id", False), ("confidence", False), ("id", False)),
    "document": (("document_id", False), ("confidence", False), ("id", False)),
}
_ORDER_COLUMNS = ("id", "confidence", "group_id", "document_id")


@dataclass
class Filters:
    """What the queue shows; parsed from the query string, empty values meaning 'any'."""

    status: str = "pending"
    order: str = "confidence"
    group: int | None = None
    person: int | None = None
    role: str | None = None
    kind: str | None = None
    language: str | None = None
    source: int | None = None
    rereview: bool = False
    q: str = ""

    @classmethod
    def from_params(cls, params) -> "Filters":
        def number(name):
            value = (params.get(name) or "").strip().lstrip("#")
            return int(value) if value.isdigit() else None

        order = params.get("order") or "confidence"
        return cls(status=params.get("status") or "pending",
                   order=order if order in ORDERS else "confidence",
                   group=number("group"), person=number("person"),
                   role=params.get("role") or None, kind=params.get("kind") or None,
                   language=params.get("language") or None, source=number("source"),
                   rereview=params.get("rereview") in ("1", "on", "true"),
                   q=(params.get("q") or "").strip()[:200])

    def as_params(self, **override) -> dict:
        values = {f.name: getattr(self, f.name) for f in fields(self)} | override
        return {k: ("1" if v is True else v) for k, v in values.items()
                if v not in (None, "", False)}


def fact_ids(session: Session, filters: Filters, limit: int, offset: int = 0) -> list[int]:
    """Ids of one queue page, in queue order."""
    match = evidence_matches(session, filters.q) if filters.q else None
    if filters.status != "all" or (match and match.selective):
        query = _filtered(filters, match).order_by(*_order(StoredFact, filters.order))
        return list(session.exec(query.limit(limit).offset(offset)))
    walks = [select(_filtered(replace(filters, status=status), match)
                    .add_columns(*[getattr(StoredFact, c) for c in _ORDER_COLUMNS[1:]])
                    .order_by(*_order(StoredFact, filters.order)).limit(limit + offset).subquery())
             for status in STATUSES]
    merged = union_all(*walks).subquery()
    query = select(merged.c.id).order_by(*_order(merged.c, filters.order))
    return list(session.exec(query.limit(limit).offset(offset)))


def _filtered(filters: Filters, match: Match | None):
    query = select(StoredFact.id)
    if filters.language is not None or filters.source is not None:
        query = query.join(Document, col(Document.id) == StoredFact.document_id)
    if filters.status != "all":
        query = query.where(StoredFact.status == filters.status)
    if filters.group is not None:
        query = query.where(about_group(filters.group))
    if filters.person is not None:
        query = query.where(StoredFact.person_id == filters.person)
    if filters.role:
        query = query.where(EFFECTIVE_ROLE == filters.role)
    if filters.kind:
        query = query.where(StoredFact.kind == filters.kind)
    if filters.language:
        query = query.where(Document.language == filters.language)
    if filters.source is not None:
        query = query.where(Document.source_id == filters.source)
    if filters.rereview:
        query = query.where(col(StoredFact.needs_rereview))
    if match is not None:
        query = query.where(match.condition)
    return query


def _order(columns, order: str) -> list:
    def column(name):
        return columns[name] if not isinstance(columns, type) else col(getattr(columns, name))

    return [column(name).desc() if descending else column(name) for name, descending in ORDERS[order]]
