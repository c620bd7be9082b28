"""Source rows: what a configured source is, when it last ran, and what it produced."""
from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from .models import Document, Source, utcnow


def source_by_name(session: Session, name: str, origin: str | None = None) -> Source:
    """The named source, created on first use (kind guessed from an example origin)."""
    source = session.exec(select(Source).where(Source.name == name)).first()
    if source is None:
        kind = "url" if origin and origin.startswith(("http://", "https://")) else "file"
        source = Source(name=name, kind=kind)
        session.add(source)
        session.flush()
    return source


def register_source(session: Session, name: str, kind: str, location: str | None,
                    config: dict | None) -> int:
    source = session.exec(select(Source).where(Source.name == name)).first() or Source(name=name, kind=kind)
    source.kind, source.location, source.config = kind, location, dict(config or {})
    session.add(source)
    session.flush()
    return source.id


def record_source_run(session: Session, name: str, seen: int, failed: int, error: str | None) -> None:
    source = source_by_name(session, name)
    source.last_run_at = utcnow()
    source.last_error = error
    source.items_seen += seen
    source.items_failed += failed
    session.add(source)


def source_summaries(session: Session) -> list[dict]:
    """Every source with its last run, item counts, last error and stored documents."""
    counts = dict(session.exec(select(Document.source_id, func.count(Document.id))
                               .group_by(Document.source_id)).all())
    rows = []
    for source in session.exec(select(Source).order_by(Source.name)):
        rows.append(dict(name=source.name, kind=source.kind, location=source.location,
                         last_run_at=source.last_run_at, last_error=source.last_error,
                         items_seen=source.items_seen, items_new=source.items_new,
                         items_updated=source.items_updated, items_failed=source.items_failed,
                         documents=counts.get(source.id, 0)))
    return rows
