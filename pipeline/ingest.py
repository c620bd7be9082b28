"""The ingest use case as plain functions: inputs -> raw -> parsed -> extracted -> stored.

Prefect flows (pipeline/flows.py) and `lsg evaluate` call these; keeping the logic here lets
tests exercise it without a Prefect server.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import httpx

from pipeline.errors import InputError
from pipeline.extract import EXTRACTOR_VERSION, extract_many
from pipeline.fetch import fetch_url, read_file
from pipeline.parse import parse
from pipeline.records import ParsedDocument, RawDocument

Progress = Callable[[str], None]


@dataclass
class Outcome:
    """What happened to one input: new | updated | unchanged | failed."""

    origin: str
    status: str
    reason: str = ""
    facts_added: int = 0
    facts_updated: int = 0
    facts_removed: int = 0
    warnings: tuple[str, ...] = ()


def is_url(origin: str) -> bool:
    return origin.startswith(("http://", "https://"))


def load(origin: str, client: httpx.Client | None = None) -> RawDocument:
    return fetch_url(origin, client=client) if is_url(origin) else read_file(origin)


def load_and_parse(origin: str, client: httpx.Client | None = None) -> ParsedDocument:
    return parse(load(origin, client))


def extract_and_save(docs: list[ParsedDocument], store, source: str | None = None,
                     progress: Progress | None = None) -> list[Outcome]:
    """Extract the documents the store does not already hold as they are, and save them."""
    outcomes: list[Outcome] = []
    fresh: list[ParsedDocument] = []
    for doc in docs:
        if store.document_unchanged(doc.origin, doc.content_hash, EXTRACTOR_VERSION):
            outcomes.append(Outcome(doc.origin, "unchanged"))
            _tick(progress, doc.origin)
        else:
            fresh.append(doc)
    for doc, extraction in extract_many(fresh):
        try:
            result = store.save_document(doc, extraction, source=source)
        except Exception as exc:  # one bad document must not stop the others
            outcomes.append(Outcome(doc.origin, "failed", f"could not be stored: {exc}"))
        else:
            outcomes.append(Outcome(doc.origin, result.status, "", result.facts_added,
                                    result.facts_updated, result.facts_removed, tuple(doc.warnings)))
        _tick(progress, doc.origin)
    return outcomes


def ingest(origins: Iterable[str], store, source: str | None = None,
           progress: Progress | None = None, chunk_size: int = 32,
           load_step: Callable = load_and_parse, save_step: Callable = extract_and_save) -> list[Outcome]:
    """Load, parse, extract and store every input; failures become 'failed' outcomes.

    Works in chunks so memory stays bounded however many inputs there are. The steps are
    parameters so that the Prefect flow can run the same sequence with each step as a task.
    """
    outcomes: list[Outcome] = []
    docs: list[ParsedDocument] = []
    with httpx.Client() as client:
        for origin in origins:
            try:
                docs.append(load_step(origin, client))
            except InputError as exc:
                outcomes.append(Outcome(exc.origin, "failed", exc.reason))
                _tick(progress, origin)
            if len(docs) >= chunk_size:
                outcomes += save_step(docs, store, source, progress)
                docs = []
    if docs:
        outcomes += save_step(docs, store, source, progress)
    return outcomes


def _tick(progress: Progress | None, origin: str) -> None:
    if progress is not None:
        progress(origin)
