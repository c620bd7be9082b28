"""Stored documents read back for re-extraction, and their HTTP validators kept fresh.

Re-extraction works from the text the store already holds: nothing is fetched or parsed again,
and save_document's re-sync by key keeps every review decision.
"""
from __future__ import annotations

from sqlmodel import Session, col, select, update

from ..records import PageSpan, ParsedDocument
from .models import Document, Source


def refresh_validators(session: Session, origin: str, etag: str | None,
                       last_modified: str | None) -> None:
    """Remember new ETag / Last-Modified for a document whose bytes did not change."""
    if etag or last_modified:
        session.exec(update(Document).where(col(Document.origin) == origin)
                     .values(etag=etag, last_modified=last_modified))


def source_validators(session: Session, source: str) -> dict[str, dict]:
    """ETag / Last-Modified of every document of a source, by origin: one query per run."""
    rows = session.exec(select(Document.origin, Document.etag, Document.last_modified)
                        .join(Source, Source.id == Document.source_id).where(Source.name == source))
    return {origin: {"etag": etag, "last_modified": modified} for origin, etag, modified in rows
            if etag or modified}


def stale_document_ids(session: Session, extractor_version: str) -> list[int]:
    """Documents last extracted by another extractor version, oldest first."""
    return list(session.exec(select(Document.id).where(
        Document.extractor_version != extractor_version).order_by(Document.id)))


def stored_documents(session: Session, ids: list[int]) -> list[tuple[ParsedDocument, dict]]:
    """(parsed document, transport metadata) for each id, in the order given."""
    rows = {d.id: d for d in session.exec(select(Document).where(col(Document.id).in_(ids)))}
    found = []
    for doc_id in ids:
        row = rows.get(doc_id)
        if row is None:
            continue
        pages = [PageSpan(p["page"], p["start"], p["end"], tuple(p["bbox"]) if p.get("bbox") else None)
                 for p in row.pages]
        parsed = ParsedDocument(origin=row.origin, text=row.text, content_hash=row.content_hash,
                                media_type=row.media_type, title=row.title, lang=row.language,
                                published=row.published, encoding=row.encoding, pages=pages,
                                warnings=list(row.warnings))
        meta = {"etag": row.etag, "last_modified": row.last_modified, "fetched_at": row.fetched_at,
                "charset": row.encoding}
        found.append((parsed, meta))
    return found
