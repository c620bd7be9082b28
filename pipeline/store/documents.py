"""Saving a parsed document with its extraction, and re-syncing its facts by key.

Review decisions survive re-extraction because a fact's identity is its key (group, person, role
or group, event, date, to-group), not its row: a re-extracted fact with a known key keeps its id,
status, edits and history; only its evidence and confidence are refreshed.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Literal

from sqlalchemy import insert
from sqlmodel import Session, col, delete, select

from ..records import Event, Extraction, Fact, GroupRef, Membership, ParsedDocument, PersonRef
from .entities import upsert_groups, upsert_people
from .models import Document, Review, StoredFact, StoredMention, utcnow
from .sources import source_by_name

SYSTEM_REVIEWER = "system"
# Columns refreshed from a new extraction of a fact whose key is already stored.
_EXTRACTED = ("group_id", "person_id", "role", "event_type", "date", "date_precision", "to_group_id",
              "group_surface", "person_surface", "to_group_surface", "evidence", "evidence_start",
              "evidence_end", "confidence")


@dataclass(frozen=True)
class SaveResult:
    document_id: int
    status: Literal["new", "updated", "unchanged"]
    facts_added: int = 0
    facts_updated: int = 0
    facts_removed: int = 0


def document_unchanged(session: Session, origin: str, content_hash: str, extractor_version: str) -> bool:
    found = session.exec(select(Document.id).where(
        Document.origin == origin, Document.content_hash == content_hash,
        Document.extractor_version == extractor_version)).first()
    return found is not None


def http_validators(session: Session, origin: str) -> dict | None:
    """ETag / Last-Modified last seen for `origin`, for a conditional re-fetch."""
    row = session.exec(select(Document.etag, Document.last_modified)
                       .where(Document.origin == origin)).first()
    return None if row is None else {"etag": row[0], "last_modified": row[1]}


def save_document(session: Session, parsed: ParsedDocument, extraction: Extraction,
                  raw_meta: dict | None, source: str | None) -> SaveResult:
    doc = session.exec(select(Document).where(Document.origin == parsed.origin)).first()
    if doc is not None and doc.content_hash == parsed.content_hash \
            and doc.extractor_version == extraction.extractor_version:
        return SaveResult(doc.id, "unchanged")
    status = "new" if doc is None else "updated"
    values = _document_values(parsed, extraction.extractor_version, raw_meta or {})
    if doc is None:
        doc = Document(origin=parsed.origin, **values)
    for name, value in values.items():
        setattr(doc, name, value)
    if source:
        src = source_by_name(session, source, parsed.origin)
        doc.source_id = src.id
        src.items_new += int(status == "new")
        src.items_updated += int(status == "updated")
        session.add(src)
    session.add(doc)
    session.flush()
    session.exec(delete(StoredMention).where(col(StoredMention.document_id) == doc.id))
    if extraction.mentions:  # bulk insert: mentions carry no review state worth an ORM object
        session.exec(insert(StoredMention), params=[
            dict(document_id=doc.id, label=m.label, text=m.text, start=m.start, end=m.end,
                 normalized=m.normalized) for m in extraction.mentions])
    added, updated, removed = _sync_facts(session, doc.id, extraction)
    return SaveResult(doc.id, status, added, updated, removed)


def _document_values(parsed: ParsedDocument, version: str, raw_meta: dict) -> dict:
    return dict(content_hash=parsed.content_hash, media_type=parsed.media_type,
                encoding=parsed.encoding or raw_meta.get("charset"),
                fetched_at=_as_datetime(raw_meta.get("fetched_at")), parsed_at=utcnow(),
                language=parsed.lang, title=parsed.title, published=parsed.published, text=parsed.text,
                pages=[asdict(p) for p in parsed.pages], warnings=list(parsed.warnings),
                etag=raw_meta.get("etag"), last_modified=raw_meta.get("last_modified"),
                extractor_version=version)


def _as_datetime(value) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.fromisoformat(str(value))
    # A timestamp without a zone is taken to be UTC, as everything in the store is.
    return value.astimezone(timezone.utc) if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _entity_ids(session: Session, facts: list[Fact]) -> tuple[dict[str, int], dict[str, int]]:
    """Group and person ids by ref key, each entity upserted once with every form this document uses."""
    group_refs: dict[str, list[GroupRef]] = defaultdict(list)
    person_refs: dict[str, list[PersonRef]] = defaultdict(list)
    for fact in facts:
        group_refs[fact.group.key].append(fact.group)
        if isinstance(fact, Membership):
            person_refs[fact.person.key].append(fact.person)
        elif fact.to_group is not None:
            group_refs[fact.to_group.key].append(fact.to_group)
    return upsert_groups(session, group_refs), upsert_people(session, person_refs)


def _fact_values(fact: Fact, group_ids: dict[str, int], person_ids: dict[str, int]) -> dict:
    values = dict(group_id=group_ids[fact.group.key], group_surface=fact.group.name,
                  person_id=None, person_surface=None, role=None, event_type=None, date=None,
                  date_precision=None, to_group_id=None, to_group_surface=None,
                  evidence=fact.evidence.text, evidence_start=fact.evidence.start,
                  evidence_end=fact.evidence.end, confidence=float(fact.confidence))
    if isinstance(fact, Membership):
        values.update(person_id=person_ids[fact.person.key], person_surface=fact.person.name,
                      role=fact.role)
    elif isinstance(fact, Event):
        values.update(event_type=fact.event, date=fact.date, date_precision=fact.precision)
        if fact.to_group is not None:
            values.update(to_group_id=group_ids[fact.to_group.key], to_group_surface=fact.to_group.name)
    return values


def _sync_facts(session: Session, document_id: int, extraction: Extraction) -> tuple[int, int, int]:
    incoming: dict[str, Fact] = {}
    for fact in extraction.facts:  # one fact per key: the most confident statement of it
        if fact.key not in incoming or fact.confidence > incoming[fact.key].confidence:
            incoming[fact.key] = fact
    stored = {f.key: f for f in session.exec(select(StoredFact).where(StoredFact.document_id == document_id))}
    reviewed = set(session.exec(select(Review.fact_id).where(
        col(Review.fact_id).in_([f.id for f in stored.values()])).distinct()))
    group_ids, person_ids = _entity_ids(session, extraction.facts)
    version, now = extraction.extractor_version, utcnow()
    updated = removed = 0
    new_rows: list[dict] = []
    for key, fact in incoming.items():
        values = _fact_values(fact, group_ids, person_ids)
        row = stored.pop(key, None)
        if row is None:
            new_rows.append(dict(key=key, kind=fact.kind, document_id=document_id, status="pending",
                                 needs_rereview=False, extractor_version=version, created_at=now,
                                 updated_at=now, edits={}, **values))
            continue
        changed = {name for name in _EXTRACTED if getattr(row, name) != values[name]}
        if "evidence" in changed and (row.id in reviewed or row.status != "pending"):
            _flag(session, row, "rereview", f"evidence changed (extractor {version})",
                  status="pending", evidence=values["evidence"])
        for name in changed:
            setattr(row, name, values[name])
        row.extractor_version = version
        row.updated_at = now
        session.add(row)
        updated += bool(changed)
    for row in stored.values():  # facts this extraction no longer finds
        if row.status == "pending" and row.id not in reviewed:
            session.delete(row)
            removed += 1
        elif not row.needs_rereview:
            _flag(session, row, "stale", f"no longer extracted (extractor {version})")
            row.updated_at = now
            session.add(row)
    if new_rows:
        session.exec(insert(StoredFact), params=new_rows)
    session.flush()
    return len(new_rows), updated, removed


def _flag(session: Session, row: StoredFact, action: str, note: str, status: str | None = None,
          evidence: str | None = None) -> None:
    """Mark a reviewed fact for another look, leaving an audit row that says why."""
    before = {"status": row.status, "needs_rereview": row.needs_rereview, "evidence": row.evidence}
    row.status = status or row.status
    row.needs_rereview = True
    after = {"status": row.status, "needs_rereview": True, "evidence": evidence or row.evidence}
    session.add(Review(fact_id=row.id, action=action, status=row.status, reviewer=SYSTEM_REVIEWER,
                       note=note, before=before, after=after))
