"""open_store() and the Store facade: one SQLite file in WAL mode, foreign keys on.

Writes run in `BEGIN IMMEDIATE` transactions so a writer never fails half-way on a lock upgrade
while the review app reads; reads use plain deferred transactions and never block the writer.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from ..records import Extraction, ParsedDocument
from . import documents, queries, review, sources, stored_documents
from .migrate import MIGRATIONS_DIR, migrate
from .queries import FactRow


def _engine(path: Path, begin: str) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy's "begin" event issue BEGIN itself (the pysqlite recipe).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql(begin)

    return engine


class Store:
    def __init__(self, path: Path):
        self.path = path
        self._reader = _engine(path, "BEGIN")
        self._writer = _engine(path, "BEGIN IMMEDIATE")

    def close(self) -> None:
        self._reader.dispose()
        self._writer.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """A session; with write=True it commits on success and rolls back on any error."""
        with Session(self._writer if write else self._reader, expire_on_commit=False) as session:
            if not write:
                yield session
                return
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    # documents ---------------------------------------------------------------------------
    def save_document(self, parsed: ParsedDocument, extraction: Extraction,
                      raw_meta: dict | None = None, source: str | None = None) -> documents.SaveResult:
        with self.session(write=True) as s:
            return documents.save_document(s, parsed, extraction, raw_meta, source)

    def document_unchanged(self, origin: str, content_hash: str, extractor_version: str) -> bool:
        with self.session() as s:
            return documents.document_unchanged(s, origin, content_hash, extractor_version)

    def http_validators(self, origin: str) -> dict | None:
        with self.session() as s:
            return documents.http_validators(s, origin)

    def refresh_validators(self, origin: str, etag: str | None, last_modified: str | None) -> None:
        with self.session(write=True) as s:
            stored_documents.refresh_validators(s, origin, etag, last_modified)

    def source_validators(self, source: str) -> dict[str, dict]:
        with self.session() as s:
            return stored_documents.source_validators(s, source)

    def stale_document_ids(self, extractor_version: str) -> list[int]:
        with self.session() as s:
            return stored_documents.stale_document_ids(s, extractor_version)

    def stored_documents(self, ids: list[int]) -> list[tuple[ParsedDocument, dict]]:
        with self.session() as s:
            return stored_documents.stored_documents(s, ids)

    # sources -----------------------------------------------------------------------------
    def source_summaries(self) -> list[dict]:
        with self.session() as s:
            return sources.source_summaries(s)

    def register_source(self, name: str, kind: str, location: str | None = None,
                        config: dict | None = None) -> int:
        with self.session(write=True) as s:
            return sources.register_source(s, name, kind, location, config)

    def record_source_run(self, name: str, seen: int = 0, failed: int = 0,
                          error: str | None = None) -> None:
        with self.session(write=True) as s:
            sources.record_source_run(s, name, seen, failed, error)

    # review ------------------------------------------------------------------------------
    def set_status(self, fact_id: int, status: str, reviewer: str, note: str | None = None) -> None:
        with self.session(write=True) as s:
            review.set_status(s, fact_id, status, reviewer, note)

    def edit_fact(self, fact_id: int, changes: dict, reviewer: str, note: str | None = None) -> None:
        with self.session(write=True) as s:
            review.edit_fact(s, fact_id, changes, reviewer, note)

    def add_note(self, fact_id: int, note: str, reviewer: str) -> None:
        with self.session(write=True) as s:
            review.add_note(s, fact_id, note, reviewer)

    def merge_people(self, keep_id: int, drop_id: int, reviewer: str) -> int:
        with self.session(write=True) as s:
            return review.merge_people(s, keep_id, drop_id, reviewer)

    def merge_groups(self, keep_id: int, drop_id: int, reviewer: str) -> int:
        with self.session(write=True) as s:
            return review.merge_groups(s, keep_id, drop_id, reviewer)

    def fact_history(self, fact_id: int) -> list[dict]:
        with self.session() as s:
            return review.fact_history(s, fact_id)

    # queries -----------------------------------------------------------------------------
    def list_facts(self, status: str | None = None, limit: int = 50, offset: int = 0,
                   order: str = "confidence", **filters) -> list[FactRow]:
        with self.session() as s:
            return queries.list_facts(s, status, limit, offset, order, **filters)

    def get_fact(self, fact_id: int) -> FactRow | None:
        with self.session() as s:
            return queries.get_fact(s, fact_id)

    def iter_fact_records(self, status: str = "accepted") -> Iterator[dict]:
        with self.session() as s:
            yield from queries.iter_fact_records(s, status)

    def stats(self) -> dict:
        with self.session() as s:
            return queries.stats(s)


def open_store(path: str | Path, migrations_dir: Path = MIGRATIONS_DIR) -> Store:
    """Open (creating if needed) the store at `path`, applying any pending migrations first."""
    path = Path(path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    migrate(path, migrations_dir)
    return Store(path)
