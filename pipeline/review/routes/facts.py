"""One fact: its page (audit trail), its passage in context, and the review actions."""
from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import JSONResponse
from pipeline.store import ReviewError

from .. import queries, views
from ..pages import redirect, render, store, wants_json

router = APIRouter(prefix="/facts")
# Form field -> store.overlay name; a field left as shown is not an edit.
EDIT_FIELDS = ("role", "event_type", "date", "person_name", "group_name", "to_group_name")


@router.get("/{fact_id}")
def fact_page(request: Request, fact_id: int):
    with store(request).session() as session:
        fact = _fact(session, fact_id)
    history = store(request).fact_history(fact_id)
    return render(request, "fact.html", fact=fact, history=history, here=f"/facts/{fact_id}")


@router.get("/{fact_id}/context")
def context(request: Request, fact_id: int):
    with store(request).session() as session:
        fact = _fact(session, fact_id)
        document = queries.document(session, fact.document.id)
        passage, page, drawn = views.context_passage(document, fact)
    return render(request, "context.html", fact=fact, passage=passage, page=page, drawn=drawn,
                  here=f"/facts/{fact_id}/context")


@router.post("/{fact_id}/status")
def set_status(request: Request, fact_id: int, status: str = Form(...), note: str = Form(""),
               next: str = Form("")):
    store(request).set_status(fact_id, status, request.app.state.reviewer, note.strip() or None)
    return _done(request, fact_id, next, status=status)


@router.post("/{fact_id}/edit")
async def edit(request: Request, fact_id: int):
    form = await request.form()
    with store(request).session() as session:
        shown = _fact(session, fact_id).values
    changes = {name: str(form[name]).strip() for name in EDIT_FIELDS
               if name in form and str(form[name]).strip() != (shown.get(name) or "")}
    note = str(form.get("note", "")).strip() or None
    if not changes and note is None:
        raise ReviewError("nothing changed")
    store(request).edit_fact(fact_id, changes, request.app.state.reviewer, note=note)
    return _done(request, fact_id, str(form.get("next", "")), changes=changes)


@router.post("/{fact_id}/note")
def add_note(request: Request, fact_id: int, note: str = Form(...), next: str = Form("")):
    store(request).add_note(fact_id, note, request.app.state.reviewer)
    return _done(request, fact_id, next)


def _fact(session, fact_id: int) -> views.FactView:
    fact = views.fact_view(session, fact_id)
    if fact is None:
        raise HTTPException(404, f"no fact {fact_id}")
    return fact


def _done(request: Request, fact_id: int, next_url: str, **result):
    if wants_json(request):
        with store(request).session() as session:
            fact = _fact(session, fact_id)
        return JSONResponse({"id": fact_id, "status": fact.status, **result})
    if next_url and "#" not in next_url:
        next_url += f"#fact-{fact_id}"  # the queue script puts the cursor back on this card
    return redirect(next_url, fallback=f"/facts/{fact_id}")
