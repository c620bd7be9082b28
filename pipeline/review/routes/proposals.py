"""Reviewer queues the store keeps beside the facts: proposed merges and inferred tenure ends.

Both are computed elsewhere (pipeline/merges.py, pipeline/tenures.py); nothing changes until a
reviewer accepts one here, through the store's own decide_* functions.
"""
from __future__ import annotations

from fastapi import APIRouter, Form, Request
from pipeline.store import proposals
from pipeline.store.models import GroupEntity, Person
from sqlmodel import col, select

from .. import queries
from ..pages import redirect, render, store
from ..views import EntityView

router = APIRouter(prefix="/proposals")


@router.get("")
def proposals_page(request: Request):
    merges = proposals.merge_proposals(store(request), status="pending")
    ends = proposals.tenure_ends(store(request), end_status="inferred")
    rosters = proposals.document_origins(store(request), {e.roster_document_id for e in ends})
    with store(request).session() as session:
        people = queries.entities(session, Person, [m.keep_id for m in merges if m.kind == "person"]
                                  + [m.drop_id for m in merges if m.kind == "person"]
                                  + [e.person_id for e in ends])
        groups = queries.entities(session, GroupEntity, [m.keep_id for m in merges if m.kind == "group"]
                                  + [m.drop_id for m in merges if m.kind == "group"])
        lineages = {g.key: g for g in session.exec(
            select(GroupEntity).where(col(GroupEntity.key).in_({e.lineage for e in ends})))}
    named = {"person": {i: EntityView.of(p) for i, p in people.items()},
             "group": {i: EntityView.of(g) for i, g in groups.items()}}
    return render(request, "proposals.html", merges=merges, ends=ends, rosters=rosters,
                  named=named, lineages={k: EntityView.of(g) for k, g in lineages.items()})


@router.post("/merges/{proposal_id}")
def decide_merge(request: Request, proposal_id: int, status: str = Form(...)):
    proposals.decide_merge(store(request), proposal_id, status, request.app.state.reviewer)
    return redirect("/proposals")


@router.post("/tenure-ends/{tenure_end_id}")
def decide_tenure_end(request: Request, tenure_end_id: int, status: str = Form(...),
                      note: str = Form("")):
    proposals.decide_tenure_end(store(request), tenure_end_id, status, request.app.state.reviewer,
                                note=note.strip() or None)
    return redirect("/proposals")
