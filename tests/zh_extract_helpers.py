"""Run the Chinese extractor on one text and read its facts as plain tuples (for the zh tests)."""
from __future__ import annotations

from pipeline.extract.chinese import extract_chinese
from pipeline.records import Event, Membership, ParsedDocument


def run(text: str, published: str | None = None):
    doc = ParsedDocument(origin="t.txt", text=text, content_hash="x", media_type="text/plain",
                         lang="zh", published=published)
    extraction = next(extract_chinese([doc]))
    for fact in extraction.facts:
        assert doc.text[fact.evidence.start:fact.evidence.end] == fact.evidence.text
    return extraction


def roles(text: str, published: str | None = None) -> set[tuple[str, str, str]]:
    """(group name_zh, person name_zh, role) of every membership found."""
    return {(f.group.name_zh, f.person.name_zh, f.role)
            for f in run(text, published).facts if isinstance(f, Membership)}


def events(text: str, published: str | None = None) -> set[tuple]:
    """(group name_zh, event, date, new group's name_zh or None) of every event found."""
    return {(f.group.name_zh, f.event, f.date, f.to_group.name_zh if f.to_group else None)
            for f in run(text, published).facts if isinstance(f, Event)}
