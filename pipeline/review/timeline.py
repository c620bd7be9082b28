"""Timelines for group and person pages: who held which role when, and what happened when.

A membership has no date of its own; its dates are those of the documents stating it, so a
tenure runs from the earliest to the latest dated source (rejected facts left out).
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from sqlmodel import Session

from pipeline.names import hanzi_to_pinyin
from pipeline.store.models import GroupEntity, Person

from . import queries
from .views import DocView, EntityView

ROLE_ORDER = {"leader": 0, "deputy_leader": 1, "office_director": 2, "member": 3}
MAX_TENURES = 250  # beyond this a page lists the best-attested; the queue filter shows the rest


@dataclass
class Entry:
    start: str | None
    end: str | None
    what: str  # a role or an event type
    group: EntityView | None
    person: EntityView | None
    facts: int
    accepted: int
    sources_url: str  # the queue filtered to the facts behind this entry
    fact_id: int
    document: DocView | None = None  # events: the source stating it
    other_group: EntityView | None = None  # renamed: the new body, or the old one

    @property
    def sort_key(self) -> tuple:
        return (self.start or "9999", ROLE_ORDER.get(self.what, 5), self.fact_id)


def group_timeline(session: Session, group_id: int, events: list[tuple]) -> tuple[list[Entry], int]:
    """The timeline and how many tenures it leaves out (see MAX_TENURES)."""
    rows, hidden = _best_attested(queries.tenures(session, group_id=group_id))
    people = queries.entities(session, Person, [r["person_id"] for r in rows])
    entries = [_tenure(r, None, EntityView.of(people.get(r["person_id"]))) for r in rows]
    others = queries.entities(session, GroupEntity,
                              [f.to_group_id for f, *_ in events] + [f.group_id for f, *_ in events])
    for fact, doc_id, origin, title, published in events:
        other_id = fact.to_group_id if fact.group_id == group_id else fact.group_id
        other = EntityView.of(others.get(other_id)) if other_id != group_id else None
        entries.append(Entry(
            fact.date or published, None, fact.event_type or "event", None, None, 1,
            int(fact.status == "accepted"), _queue_url(group=group_id, kind="event"), fact.id,
            DocView(doc_id, origin, title, published), other))
    return sorted(entries, key=lambda e: e.sort_key), hidden


def person_roles(session: Session, person_id: int) -> tuple[list[Entry], int]:
    rows, hidden = _best_attested(queries.tenures(session, person_id=person_id))
    groups = queries.entities(session, GroupEntity, [r["group_id"] for r in rows])
    entries = [_tenure(r, EntityView.of(groups.get(r["group_id"])), None) for r in rows]
    return sorted(entries, key=lambda e: e.sort_key), hidden


def _best_attested(rows: list[dict]) -> tuple[list[dict], int]:
    """Leading roles first, then the tenures stated by most facts, up to MAX_TENURES."""
    if len(rows) <= MAX_TENURES:
        return rows, 0
    ranked = sorted(rows, key=lambda r: (ROLE_ORDER.get(r["role"], 5) == 3, -r["facts"]))
    return ranked[:MAX_TENURES], len(rows) - MAX_TENURES


def person_names(person: Person) -> dict:
    """Hanzi and pinyin for the person page; pinyin derived from the hanzi when not stored."""
    pinyin = person.canonical
    if not pinyin and person.name_zh:
        pinyin = hanzi_to_pinyin(person.name_zh)
    return {"hanzi": person.name_zh, "pinyin": pinyin, "written": person.name,
            "aliases": [a for a in person.aliases if a not in (person.name_zh, pinyin)]}


def _tenure(row: dict, group: EntityView | None, person: EntityView | None) -> Entry:
    params = {"group": row["group_id"], "person": row["person_id"], "role": row["role"]}
    return Entry(row["first"], row["last"] or None, row["role"], group, person, row["facts"],
                 int(row["accepted"] or 0), _queue_url(**params), row["first_fact"])


def _queue_url(**params) -> str:
    return "/?" + urlencode({"status": "all", **{k: v for k, v in params.items() if v is not None}})
