"""SQLModel classes mirroring db/migrations (the migrations are the source of truth).

The classes are for reading and writing rows only: tables are never created from this metadata,
and tests/test_store.py checks that every column here matches the migrated schema.
JSON columns are always assigned new objects (in-place mutation is not tracked).
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Aware UTC, as SQLModel's datetime columns require (SQLite keeps them as UTC text)."""
    return datetime.now(timezone.utc)


def _json(default_factory):
    return Field(default_factory=default_factory, sa_column=Column(JSON, nullable=False))


class Source(SQLModel, table=True):
    __tablename__ = "source"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    kind: str
    location: Optional[str] = None
    config: dict = _json(dict)
    last_run_at: Optional[datetime] = None
    last_error: Optional[str] = None
    items_seen: int = 0
    items_new: int = 0
    items_updated: int = 0
    items_failed: int = 0


class Document(SQLModel, table=True):
    __tablename__ = "document"
    id: Optional[int] = Field(default=None, primary_key=True)
    source_id: Optional[int] = Field(default=None, foreign_key="source.id")
    origin: str
    content_hash: str
    media_type: str
    encoding: Optional[str] = None
    fetched_at: Optional[datetime] = None
    parsed_at: Optional[datetime] = None
    language: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    text: str
    pages: list = _json(list)
    warnings: list = _json(list)
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    extractor_version: str


class StoredMention(SQLModel, table=True):
    __tablename__ = "mention"
    id: Optional[int] = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id")
    label: str
    text: str
    start: int
    end: int
    normalized: Optional[str] = None


class GroupEntity(SQLModel, table=True):
    __tablename__ = "group_entity"
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str
    name: str
    name_zh: Optional[str] = None
    canonical: Optional[str] = None
    aliases: list = _json(list)
    kind: Optional[str] = None
    gazetteer_id: Optional[str] = None
    merged_into: Optional[int] = Field(default=None, foreign_key="group_entity.id")


class Person(SQLModel, table=True):
    __tablename__ = "person"
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str
    name: str
    name_zh: Optional[str] = None
    canonical: Optional[str] = None
    aliases: list = _json(list)
    merged_into: Optional[int] = Field(default=None, foreign_key="person.id")


class StoredFact(SQLModel, table=True):
    __tablename__ = "fact"
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str
    kind: str
    document_id: int = Field(foreign_key="document.id")
    group_id: int = Field(foreign_key="group_entity.id")
    person_id: Optional[int] = Field(default=None, foreign_key="person.id")
    role: Optional[str] = None
    event_type: Optional[str] = None
    date: Optional[str] = None
    date_precision: Optional[str] = None
    to_group_id: Optional[int] = Field(default=None, foreign_key="group_entity.id")
    group_surface: str
    person_surface: Optional[str] = None
    to_group_surface: Optional[str] = None
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float
    extractor_version: str
    status: str = "pending"
    needs_rereview: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    edits: dict = _json(dict)


class Review(SQLModel, table=True):
    __tablename__ = "review"
    id: Optional[int] = Field(default=None, primary_key=True)
    fact_id: Optional[int] = Field(default=None, foreign_key="fact.id")
    action: str
    status: Optional[str] = None
    reviewer: str
    at: datetime = Field(default_factory=utcnow)
    note: Optional[str] = None
    before: dict = _json(dict)
    after: dict = _json(dict)
