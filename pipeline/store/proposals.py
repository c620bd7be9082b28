"""Reviewer queues beside the facts: merge proposals and inferred tenure end dates.

Both are suggestions computed outside the store (pipeline/merges.py, pipeline/tenures.py) and
saved here; nothing changes the facts or entities until a reviewer accepts one. Tables come from
db/migrations/0002; these classes mirror them like models.py mirrors 0001.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import insert, update
from sqlmodel import Field, Session, SQLModel, col, delete, select

from . import review
from .database import Store
from .datasets import entity_views
from .models import Document, Person, Review, utcnow

DECISIONS = ("accepted", "rejected")


class MergeProposal(SQLModel, table=True):
    __tablename__ = "merge_proposal"
    id: Optional[int] = Field(default=None, primary_key=True)
    kind: str
    keep_id: int
    drop_id: int
    reason: str
    score: float
    status: str = "pending"
    reviewer: Optional[str] = None
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: Optional[datetime] = None


class TenureEnd(SQLModel, table=True):
    __tablename__ = "tenure_end"
    id: Optional[int] = Field(default=None, primary_key=True)
    lineage: str
    person_id: int = Field(foreign_key="person.id")
    role: str
    end_date: str
    end_precision: str
    end_status: str = "inferred"
    roster_document_id: int = Field(foreign_key="document.id")
    reason: str
    reviewer: Optional[str] = None
    created_at: datetime = Field(default_factory=utcnow)
    decided_at: Optional[datetime] = None


@dataclass(frozen=True)
class InferredEnd:
    """What pipeline/tenures.py proposes: `person_id` left `role` in `lineage` by `end_date`."""

    lineage: str
    person_id: int
    role: str
    end_date: str
    end_precision: str
    roster_document_id: int
    reason: str


# merge proposals ----------------------------------------------------------------------------
def add_merge_proposals(store: Store, proposals: list[tuple[str, int, int, str, float]]) -> int:
    """Save (kind, keep_id, drop_id, reason, score) not proposed before in either direction."""
    added = 0
    with store.session(write=True) as s:
        known = {(p.kind, *sorted((p.keep_id, p.drop_id))) for p in s.exec(select(MergeProposal))}
        for kind, keep_id, drop_id, reason, score in proposals:
            pair = (kind, *sorted((keep_id, drop_id)))
            if pair in known:
                continue
            known.add(pair)
            s.add(MergeProposal(kind=kind, keep_id=keep_id, drop_id=drop_id, reason=reason,
                                score=round(score, 3)))
            added += 1
    return added


def merge_proposals(store: Store, status: str | None = "pending") -> list[MergeProposal]:
    """Proposals with `status` (None = any), most certain first."""
    query = select(MergeProposal).order_by(col(MergeProposal.score).desc(), col(MergeProposal.id))
    if status is not None:
        query = query.where(MergeProposal.status == status)
    with store.session() as s:
        return list(s.exec(query))


def decide_merge(store: Store, proposal_id: int, status: str, reviewer: str) -> int:
    """Accept (merging through the store's merge_people / merge_groups) or reject a proposal.

    Returns the number of facts re-pointed (0 for a rejection). One transaction: a failed merge
    leaves the proposal pending.
    """
    if status not in DECISIONS:
        raise review.ReviewError(f"decision must be one of {', '.join(DECISIONS)}")
    with store.session(write=True) as s:
        proposal = _pending(s, MergeProposal, proposal_id, "status")
        moved = 0
        if status == "accepted":
            merge = review.merge_people if proposal.kind == "person" else review.merge_groups
            moved = merge(s, proposal.keep_id, proposal.drop_id, reviewer)
        proposal.status, proposal.reviewer, proposal.decided_at = status, reviewer, utcnow()
        s.add(proposal)
    return moved


# inferred tenure ends -------------------------------------------------------------------------
def sync_inferred_ends(store: Store, inferred: list[InferredEnd]) -> int:
    """Save new inferences as `inferred`; drop unreviewed ones no longer inferred. Returns new.

    Bulk statements: a large store infers ends for a hundred thousand tenures at once.
    """
    wanted = {(e.lineage, e.person_id, e.role): e for e in inferred}
    stale, changed = [], []
    with store.session(write=True) as s:
        for row_id, lineage, person_id, role, end_date, roster, end_status in s.exec(select(
                TenureEnd.id, TenureEnd.lineage, TenureEnd.person_id, TenureEnd.role,
                TenureEnd.end_date, TenureEnd.roster_document_id, TenureEnd.end_status)):
            found = wanted.pop((lineage, person_id, role), None)
            if end_status != "inferred":
                continue  # a reviewer's decision stands until the reviewer changes it
            if found is None:
                stale.append(row_id)
            elif (end_date, roster) != (found.end_date, found.roster_document_id):
                changed.append(dict(id=row_id, end_date=found.end_date, reason=found.reason,
                                    end_precision=found.end_precision,
                                    roster_document_id=found.roster_document_id))
        for chunk in range(0, len(stale), 900):
            s.exec(delete(TenureEnd).where(col(TenureEnd.id).in_(stale[chunk:chunk + 900])))
        if changed:
            s.execute(update(TenureEnd), changed)
        now = utcnow()
        if wanted:
            s.execute(insert(TenureEnd), [
                dict(lineage=e.lineage, person_id=e.person_id, role=e.role, end_date=e.end_date,
                     end_precision=e.end_precision, end_status="inferred", created_at=now,
                     roster_document_id=e.roster_document_id, reason=e.reason)
                for e in wanted.values()])
    return len(wanted)


@dataclass(frozen=True)
class SavedEnd:
    """A tenure_end row as readers see it, its person followed through merges."""

    id: int
    lineage: str
    person_id: int
    role: str
    end_date: str
    end_precision: str
    end_status: str
    roster_document_id: int
    reason: str
    reviewer: str | None


def tenure_ends(store: Store, end_status: str | None = None) -> list[SavedEnd]:
    query = select(TenureEnd.id, TenureEnd.lineage, TenureEnd.person_id, TenureEnd.role,
                   TenureEnd.end_date, TenureEnd.end_precision, TenureEnd.end_status,
                   TenureEnd.roster_document_id, TenureEnd.reason, TenureEnd.reviewer
                   ).order_by(col(TenureEnd.id))
    if end_status is not None:
        query = query.where(TenureEnd.end_status == end_status)
    with store.session() as s:
        people = entity_views(s, Person)
        # A merged person's end dates belong to the person it was merged into.
        return [SavedEnd(row[0], row[1], people[row[2]]["id"], *row[3:]) for row in s.exec(query)]


def document_origins(store: Store, ids: set[int]) -> dict[int, str]:
    with store.session() as s:
        rows = s.exec(select(Document.id, Document.origin).where(col(Document.id).in_(ids)))
        return {doc_id: origin for doc_id, origin in rows}


def decide_tenure_end(store: Store, tenure_end_id: int, status: str, reviewer: str,
                      note: str | None = None) -> None:
    """A reviewer accepts or rejects an inferred end date; an audit row records it."""
    if status not in DECISIONS:
        raise review.ReviewError(f"decision must be one of {', '.join(DECISIONS)}")
    with store.session(write=True) as s:
        row = _pending(s, TenureEnd, tenure_end_id, "end_status", "inferred")
        before = {"tenure_end": row.id, "end_status": row.end_status, "end_date": row.end_date}
        row.end_status, row.reviewer, row.decided_at = status, reviewer, utcnow()
        s.add(row)
        s.add(Review(fact_id=None, action="tenure_end", reviewer=reviewer, note=note, before=before,
                     after={"tenure_end": row.id, "end_status": status,
                            "lineage": row.lineage, "person_id": row.person_id, "role": row.role}))


def _pending(session: Session, model, row_id: int, field: str, open_value: str = "pending"):
    row = session.get(model, row_id)
    if row is None:
        raise review.ReviewError(f"no {model.__tablename__} {row_id}")
    if getattr(row, field) != open_value:
        raise review.ReviewError(f"{model.__tablename__} {row_id} was already decided: "
                                 f"{getattr(row, field)}")
    return row
