"""Groups and people: upserted by GroupRef.key / PersonRef.key, aliases merged, merges followed."""
from __future__ import annotations

from typing import Iterable, TypeVar

from sqlmodel import Session, col, select

from ..records import GroupRef, PersonRef
from .models import GroupEntity, Person

Entity = TypeVar("Entity", GroupEntity, Person)


def merged_aliases(entity: GroupEntity | Person, extra: Iterable[str | None]) -> list[str]:
    """entity.aliases plus `extra`, in first-seen order, without the entity's own name forms."""
    own = {entity.name, entity.name_zh, entity.canonical}
    result: list[str] = []
    for alias in [*entity.aliases, *extra]:
        if alias and alias not in own and alias not in result:
            result.append(alias)
    return result


def follow(session: Session, model: type[Entity], entity: Entity) -> Entity:
    """The entity a merged one now lives in (merges may chain)."""
    seen = set()
    while entity.merged_into is not None and entity.id not in seen:
        seen.add(entity.id)
        entity = session.get(model, entity.merged_into)
    return entity


def upsert_groups(session: Session, refs_by_key: dict[str, list[GroupRef]]) -> dict[str, int]:
    """Group ids by ref key; one row per key, holding every name form the refs use."""
    found = {g.key: g for g in session.exec(
        select(GroupEntity).where(col(GroupEntity.key).in_(list(refs_by_key))))}
    groups = {}
    for key, refs in refs_by_key.items():
        first = refs[0]
        group = found.get(key) or GroupEntity(key=key, name=first.name)
        group = follow(session, GroupEntity, group)
        for ref in refs:
            _fill_missing(group, ref, ("name_zh", "canonical", "kind", "gazetteer_id"))
        group.aliases = merged_aliases(group, _name_forms(refs))
        groups[key] = group
    return _saved(session, groups)


def upsert_people(session: Session, refs_by_key: dict[str, list[PersonRef]]) -> dict[str, int]:
    found = {p.key: p for p in session.exec(select(Person).where(col(Person.key).in_(list(refs_by_key))))}
    people = {}
    for key, refs in refs_by_key.items():
        person = follow(session, Person, found.get(key) or Person(key=key, name=refs[0].name))
        for ref in refs:
            _fill_missing(person, ref, ("name_zh", "canonical"))
        person.aliases = merged_aliases(person, _name_forms(refs))
        people[key] = person
    return _saved(session, people)


def _name_forms(refs: list[GroupRef] | list[PersonRef]) -> list[str | None]:
    return [form for ref in refs for form in (ref.name, ref.name_zh, ref.canonical, *ref.aliases)]


def _saved(session: Session, entities: dict[str, GroupEntity | Person]) -> dict[str, int]:
    session.add_all(entities.values())
    session.flush()  # one flush gives the new rows their ids
    return {key: entity.id for key, entity in entities.items()}


def absorb(keep: Entity, drop: Entity, fields: tuple[str, ...]) -> None:
    """Give `keep` every name form of `drop` (used by merges)."""
    for name in fields:
        if getattr(keep, name) is None and getattr(drop, name) is not None:
            setattr(keep, name, getattr(drop, name))
    keep.aliases = merged_aliases(keep, [drop.name, drop.name_zh, drop.canonical, *drop.aliases])


def _fill_missing(entity, ref, fields: tuple[str, ...]) -> None:
    for name in fields:
        if getattr(entity, name) is None and getattr(ref, name) is not None:
            setattr(entity, name, getattr(ref, name))
