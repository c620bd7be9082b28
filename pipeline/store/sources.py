"""Source rows: what a configured source is, when it last ran, and what it produced."""
from __future__ import annotations

from sqlmodel import Session, select

from .models import Source, utcnow


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
