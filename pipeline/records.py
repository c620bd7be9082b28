"""Small typed records passed between stages.

Every stage speaks in these records only, so a stage's insides can be replaced without
touching its neighbours: fetch -> RawDocument, parse -> ParsedDocument,
extract -> Extraction (mentions + facts), store/export read and write them.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Union

Role = Literal["leader", "deputy_leader", "member", "office_director"]
EventType = Literal["established", "renamed", "disbanded", "meeting"]
Precision = Literal["year", "month", "day"]
GroupKind = Literal["leading_group", "commission", "office", "subgroup", "other_body"]

ROLES: tuple[str, ...] = ("leader", "deputy_leader", "member", "office_director")
EVENT_TYPES: tuple[str, ...] = ("established", "renamed", "disbanded", "meeting")


@dataclass
class RawDocument:
    """Bytes as they arrived, with what the transport told us about them."""

    origin: str  # file path or URL, as the user gave it (after redirects: final URL)
    content: bytes
    media_type: str | None = None  # from Content-Type or the file extension
    charset: str | None = None  # declared charset (HTTP header), if any
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class PageSpan:
    """Characters [start, end) of the document text come from PDF page `page` (1-based)."""

    page: int
    start: int
    end: int
    bbox: tuple[float, float, float, float] | None = None


@dataclass
class ParsedDocument:
    origin: str
    text: str
    content_hash: str
    media_type: str  # text/plain | text/html | application/pdf
    title: str | None = None
    lang: str | None = None  # "en" | "zh"
    published: str | None = None  # YYYY | YYYY-MM | YYYY-MM-DD
    encoding: str | None = None
    pages: list[PageSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """The sentence or line stating a fact; text == document.text[start:end]."""

    text: str
    start: int
    end: int


@dataclass
class GroupRef:
    name: str  # surface form in the text
    name_zh: str | None = None  # simplified Chinese name, when known
    canonical: str | None = None  # canonical English name (gazetteer), when known
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None  # one of GroupKind
    gazetteer_id: str | None = None

    @property
    def key(self) -> str:
        """Identity used for fact keys: gazetteer id, else a normalised name."""
        if self.gazetteer_id:
            return "gaz:" + self.gazetteer_id
        return "name:" + _norm_key(self.canonical or self.name_zh or self.name)


@dataclass
class PersonRef:
    name: str  # surface form as written (hanzi or romanised)
    name_zh: str | None = None  # simplified hanzi, when known
    canonical: str | None = None  # pinyin "Xi Jinping", when known
    aliases: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        # Pinyin first: 习近平 in a notice and "Xi Jinping" in English share one key.
        return "person:" + _norm_key(self.canonical or self.name_zh or self.name).replace(" ", "")


@dataclass
class Membership:
    group: GroupRef
    person: PersonRef
    role: str  # one of ROLES
    evidence: Evidence
    confidence: float = 0.5
    kind: Literal["membership"] = "membership"

    @property
    def key(self) -> str:
        return _digest("membership", self.group.key, self.person.key, self.role)


@dataclass
class Event:
    group: GroupRef
    event: str  # one of EVENT_TYPES
    date: str  # YYYY | YYYY-MM | YYYY-MM-DD
    evidence: Evidence
    to_group: GroupRef | None = None  # the new body, for "renamed"
    confidence: float = 0.5
    kind: Literal["event"] = "event"

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}.get(len(self.date), "day")

    @property
    def key(self) -> str:
        to = self.to_group.key if self.to_group else ""
        return _digest("event", self.group.key, self.event, self.date, to)


Fact = Union[Membership, Event]


@dataclass(frozen=True)
class Mention:
    """A recognised span: label is GROUP | PERSON | DATE | ROLE."""

    label: str
    text: str
    start: int
    end: int
    normalized: str | None = None


@dataclass
class Extraction:
    facts: list[Fact]
    mentions: list[Mention]
    extractor_version: str


def _norm_key(name: str) -> str:
    return " ".join("".join(ch.lower() if ch.isalnum() else " " for ch in name).split())


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def ref_record(ref: GroupRef | PersonRef | None) -> dict | None:
    """A group or person as the export record names it (see SCORING.md)."""
    if ref is None:
        return None
    record = {"name": ref.name, "name_zh": ref.name_zh, "canonical": ref.canonical,
              "aliases": list(ref.aliases)}
    if isinstance(ref, GroupRef):
        record["kind"] = ref.kind
    return record


def fact_record(fact: Fact, document: str, status: str = "pending") -> dict:
    """One export line for `fact` found in `document` (its file path or URL)."""
    record: dict = {"kind": fact.kind, "document": document, "group": ref_record(fact.group)}
    if isinstance(fact, Membership):
        record["person"] = ref_record(fact.person)
        record["role"] = fact.role
    else:
        record["event"] = fact.event
        record["date"] = fact.date
        record["date_precision"] = fact.precision
        record["to_group"] = ref_record(fact.to_group)
    record.update(evidence=fact.evidence.text, evidence_start=fact.evidence.start,
                  evidence_end=fact.evidence.end, confidence=round(fact.confidence, 3),
                  status=status)
    return record
