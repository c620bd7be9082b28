"""Review decisions. Each one changes the fact and appends a review row with before/after."""
from __future__ import annotations

from sqlmodel import Session, col, or_, select

from .entities import absorb
from .models import GroupEntity, Person, Review, StoredFact, utcnow
from .overlay import effective_values, merged_edits, validated

STATUSES = ("pending", "accepted", "rejected")


class ReviewError(ValueError):
    pass


def _fact(session: Session, fact_id: int) -> StoredFact:
    row = session.get(StoredFact, fact_id)
    if row is None:
        raise ReviewError(f"no fact {fact_id}")
    return row


def set_status(session: Session, fact_id: int, status: str, reviewer: str, note: str | None) -> None:
    if status not in STATUSES:
        raise ReviewError(f"status must be one of {', '.join(STATUSES)}")
    row = _fact(session, fact_id)
    before = {"status": row.status, "needs_rereview": row.needs_rereview}
    row.status, row.needs_rereview, row.updated_at = status, False, utcnow()
    session.add(row)
    session.add(Review(fact_id=fact_id, action="status", status=status, reviewer=reviewer, note=note,
                       before=before, after={"status": status, "needs_rereview": False}))


def edit_fact(session: Session, fact_id: int, changes: dict, reviewer: str, note: str | None) -> None:
    row = _fact(session, fact_id)
    try:
        clean = validated(row, changes)
    except ValueError as exc:
        raise ReviewError(str(exc)) from None
    before = {k: v for k, v in effective_values(row).items() if k in clean}
    row.edits = merged_edits(row, clean)
    row.updated_at = utcnow()
    session.add(row)
    session.add(Review(fact_id=fact_id, action="edit", status=row.status, reviewer=reviewer, note=note,
                       before=before, after={k: effective_values(row)[k] for k in clean}))


def add_note(session: Session, fact_id: int, note: str, reviewer: str) -> None:
    """A note on its own: the fact is unchanged, so the row's before and after are equal."""
    note = note.strip()
    if not note:
        raise ReviewError("the note is empty")
    row = _fact(session, fact_id)
    state = {"status": row.status}
    session.add(Review(fact_id=fact_id, action="note", status=row.status, reviewer=reviewer,
                       note=note, before=state, after=dict(state)))


def merge_people(session: Session, keep_id: int, drop_id: int, reviewer: str) -> int:
    """Fold person `drop_id` into `keep_id`; returns how many facts were re-pointed."""
    keep, drop = _merge_pair(session, Person, keep_id, drop_id)
    before = {"keep": _names(keep), "drop": _names(drop)}
    absorb(keep, drop, ("name_zh", "canonical"))
    facts = session.exec(select(StoredFact).where(StoredFact.person_id == drop_id)).all()
    for row in facts:
        _repoint(session, row, "merge_people", reviewer, {"person_id": keep_id})
    _finish_merge(session, Person, keep, drop, "merge_people", reviewer, before, len(facts))
    return len(facts)


def merge_groups(session: Session, keep_id: int, drop_id: int, reviewer: str) -> int:
    """Fold group `drop_id` into `keep_id` (as the fact's group and as a rename target)."""
    keep, drop = _merge_pair(session, GroupEntity, keep_id, drop_id)
    before = {"keep": _names(keep), "drop": _names(drop)}
    absorb(keep, drop, ("name_zh", "canonical", "kind", "gazetteer_id"))
    facts = session.exec(select(StoredFact).where(
        or_(StoredFact.group_id == drop_id, StoredFact.to_group_id == drop_id))).all()
    for row in facts:
        changes = {}
        if row.group_id == drop_id:
            changes["group_id"] = keep_id
        if row.to_group_id == drop_id:
            changes["to_group_id"] = keep_id
        _repoint(session, row, "merge_groups", reviewer, changes)
    _finish_merge(session, GroupEntity, keep, drop, "merge_groups", reviewer, before, len(facts))
    return len(facts)


def fact_history(session: Session, fact_id: int) -> list[dict]:
    rows = session.exec(select(Review).where(Review.fact_id == fact_id)
                        .order_by(col(Review.at), col(Review.id))).all()
    return [{"id": r.id, "action": r.action, "status": r.status, "reviewer": r.reviewer,
             "at": r.at.isoformat(), "note": r.note, "before": r.before, "after": r.after} for r in rows]


def _merge_pair(session: Session, model, keep_id: int, drop_id: int):
    if keep_id == drop_id:
        raise ReviewError("cannot merge an entity into itself")
    keep, drop = session.get(model, keep_id), session.get(model, drop_id)
    for entity_id, entity in ((keep_id, keep), (drop_id, drop)):
        if entity is None:
            raise ReviewError(f"no {model.__tablename__} {entity_id}")
        if entity.merged_into is not None:
            raise ReviewError(f"{model.__tablename__} {entity_id} was already merged into "
                              f"{entity.merged_into}")
    return keep, drop


def _repoint(session: Session, row: StoredFact, action: str, reviewer: str, changes: dict) -> None:
    before = {name: getattr(row, name) for name in changes}
    for name, value in changes.items():
        setattr(row, name, value)
    row.updated_at = utcnow()
    session.add(row)
    session.add(Review(fact_id=row.id, action=action, status=row.status, reviewer=reviewer,
                       before=before, after=dict(changes)))


def _finish_merge(session: Session, model, keep, drop, action: str, reviewer: str, before: dict,
                  moved: int) -> None:
    # Entities merged into `drop` earlier now point straight at `keep`, so chains stay one hop.
    for earlier in session.exec(select(model).where(model.merged_into == drop.id)).all():
        earlier.merged_into = keep.id
        session.add(earlier)
    drop.merged_into = keep.id
    session.add_all([keep, drop])
    session.add(Review(fact_id=None, action=action, reviewer=reviewer,
                       note=f"{model.__tablename__} {drop.id} merged into {keep.id}; "
                            f"{moved} facts re-pointed",
                       before=before,
                       after={"keep": _names(keep), "drop_merged_into": keep.id}))


def _names(entity) -> dict:
    return {"id": entity.id, "key": entity.key, "name": entity.name, "name_zh": entity.name_zh,
            "canonical": entity.canonical, "aliases": list(entity.aliases)}
