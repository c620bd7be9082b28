"""Helpers for the English extraction tests: run one text, read the facts back as small tuples."""
from __future__ import annotations

from pipeline.extract.english import extract_english
from pipeline.records import Event, Membership, ParsedDocument


def run(text: str, published: str | None = None) -> list:
    doc = ParsedDocument(origin="test.txt", text=text, content_hash="x", media_type="text/plain",
                         lang="en", published=published)
    facts = next(extract_english([doc])).facts
    for fact in facts:  # evidence offsets always point into the original text
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.text
    return facts


def group_name(ref) -> str:
    return ref.canonical or ref.name


def roles(facts) -> set[tuple[str, str, str]]:
    """(person, role, group) of every membership."""
    return {(f.person.canonical or f.person.name, f.role, group_name(f.group))
            for f in facts if isinstance(f, Membership)}


def people(facts, role: str) -> set[str]:
    return {f.person.canonical or f.person.name for f in facts if isinstance(f, Membership) and f.role == role}


def events(facts) -> set[tuple[str, str, str]]:
    """(event, date, group) of every event."""
    return {(f.event, f.date, group_name(f.group)) for f in facts if isinstance(f, Event)}


def event_dates(facts, event: str) -> set[str]:
    return {f.date for f in facts if isinstance(f, Event) and f.event == event}
