"""A group's place among other bodies: parent, predecessors and successors.

The gazetteer (pipeline.resolve) knows these for the bodies it lists; the store adds what the
documents say (accepted or pending "renamed" events). Each related body links to its store page
when the store holds it.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from pipeline import resolve
from pipeline.store.models import GroupEntity

from . import queries


@dataclass
class Related:
    label: str
    date: str | None = None
    group_id: int | None = None  # the store's group page, when there is one
    source: str = "gazetteer"  # gazetteer | documents


@dataclass
class Lineage:
    parent: list[Related]
    predecessors: list[Related]
    successors: list[Related]
    established: str | None = None
    disbanded: str | None = None
    level: str | None = None


def lineage(session: Session, group: GroupEntity, events: list[tuple]) -> Lineage:
    entry = _gazetteer_entry(group.gazetteer_id)
    parent = _links(entry.get("parent"))
    before, after = _links(entry.get("predecessor")), _links(entry.get("successor"))
    known = queries.by_gazetteer_ids(session, [gid for gid, _ in parent + before + after])
    result = Lineage([_related(gid, date, known) for gid, date in parent],
                     [_related(gid, date, known) for gid, date in before],
                     [_related(gid, date, known) for gid, date in after],
                     entry.get("established"), entry.get("disbanded"), entry.get("level"))
    _add_documented_renames(session, group, events, result)
    return result


def _add_documented_renames(session: Session, group: GroupEntity, events: list[tuple],
                            result: Lineage) -> None:
    renames = [row[0] for row in events if row[0].event_type == "renamed" and row[0].to_group_id]
    listed = {r.group_id for r in result.predecessors + result.successors}
    for fact in renames:
        other_id, bucket = ((fact.to_group_id, result.successors) if fact.group_id == group.id
                            else (fact.group_id, result.predecessors))
        other = queries.live_entity(session, GroupEntity, other_id)
        if other is None or other.id in listed or other.id == group.id:
            continue
        listed.add(other.id)
        bucket.append(Related(other.canonical or other.name, fact.date, other.id, "documents"))


def _gazetteer_entry(gazetteer_id: str | None) -> dict:
    return (resolve.group_by_id(gazetteer_id) or {}) if gazetteer_id else {}


def _links(value) -> list[tuple[str, str | None]]:
    """Gazetteer relations come as an id, a {"id", "date"} object, or a list of either."""
    if not value:
        return []
    items = value if isinstance(value, list) else [value]
    links = []
    for item in items:
        if isinstance(item, dict) and item.get("id"):
            links.append((item["id"], item.get("date")))
        elif isinstance(item, str):
            links.append((item, None))
    return links


def _related(gazetteer_id: str, date: str | None, known: dict[str, GroupEntity]) -> Related:
    group = known.get(gazetteer_id)
    if group is not None:
        return Related(group.canonical or group.name, date, group.id)
    return Related(_gazetteer_label(gazetteer_id), date)


def _gazetteer_label(gazetteer_id: str) -> str:
    entry = _gazetteer_entry(gazetteer_id)
    if not entry:
        return gazetteer_id
    return entry.get("canonical") or gazetteer_id
