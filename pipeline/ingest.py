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
from pipeline.merges import propose_merges
from pipeline.parse import parse
from pipeline.records import ParsedDocument, RawDocument
from pipeline.sources.discover import feed_items, listing_kind, sitemap_entries

Progress = Callable[[str], None]


@dataclass
class Outcome:
    """What happened to one input: new | updated | unchanged | failed | skipped (robots.txt)."""

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


def load_all(origin: str, client: httpx.Client | None = None) -> list[ParsedDocument | InputError]:
    """Like load_and_parse, but a feed or sitemap (recognised by its content) stands for the
    items it lists: each item is fetched and parsed, and a failing item is returned as its error.
    """
    raw = load(origin, client)
    kind = listing_kind(raw.content)
    if kind is None:
        return [parse(raw)]
    if kind == "feed":
        urls = feed_items(raw)
    else:
        urls, nested = sitemap_entries(raw)
        for sitemap in nested:  # a sitemap index: one level of nesting, the common case
            urls += sitemap_entries(load(sitemap, client))[0]
    results: list[ParsedDocument | InputError] = []
    for url in dict.fromkeys(urls):
        try:
            results.append(load_and_parse(url, client))
        except InputError as exc:
            results.append(exc)
    return results


def extract_and_save(docs: list[ParsedDocument], store, source: str | None = None,
                     progress: Progress | None = None,
                     raw_meta: dict[str, dict] | None = None) -> list[Outcome]:
    """Extract the documents the store does not already hold as they are, and save them.

    `raw_meta` (by origin) carries what the transport said (ETag, Last-Modified, fetch time),
    kept so the next fetch of that origin can be conditional.
    """
    outcomes: list[Outcome] = []
    fresh: list[ParsedDocument] = []
    for doc in docs:
        if store.document_unchanged(doc.origin, doc.content_hash, EXTRACTOR_VERSION):
            outcomes.append(Outcome(doc.origin, "unchanged"))
            _tick(progress, doc.origin)
        else:
            fresh.append(doc)
    for doc, extraction in _extract_isolated(fresh):
        if isinstance(extraction, Exception):
            outcomes.append(Outcome(doc.origin, "failed", f"extraction failed: {extraction!r}"))
            _tick(progress, doc.origin)
            continue
        try:
            result = store.save_document(doc, extraction, raw_meta=(raw_meta or {}).get(doc.origin),
                                         source=source)
        except Exception as exc:  # one bad document must not stop the others
            outcomes.append(Outcome(doc.origin, "failed", f"could not be stored: {exc}"))
        else:
            outcomes.append(Outcome(doc.origin, result.status, "", result.facts_added,
                                    result.facts_updated, result.facts_removed, tuple(doc.warnings)))
        _tick(progress, doc.origin)
    return outcomes


def _extract_isolated(docs: list[ParsedDocument]) -> list[tuple[ParsedDocument, object]]:
    """Extract in one batch; if the batch fails, again one by one so only the culprit fails."""
    try:
        return list(extract_many(docs))
    except Exception:
        pass
    results: list[tuple[ParsedDocument, object]] = []
    for doc in docs:
        try:
            results += list(extract_many([doc]))
        except Exception as exc:  # an extractor bug on one document must not lose the others
            results.append((doc, exc))
    return results


def ingest(origins: Iterable[str], store, source: str | None = None,
           progress: Progress | None = None, chunk_size: int = 32,
           load_step: Callable = load_all, save_step: Callable = extract_and_save) -> list[Outcome]:
    """Load, parse, extract and store every input; failures become 'failed' outcomes.

    A load step may return one document or a list (a feed or sitemap expanded to its items,
    failed items as InputError values).

    Works in chunks so memory stays bounded however many inputs there are. The steps are
    parameters so that the Prefect flow can run the same sequence with each step as a task.
    """
    outcomes: list[Outcome] = []
    docs: list[ParsedDocument] = []
    with httpx.Client() as client:
        for origin in origins:
            try:
                loaded = load_step(origin, client)
            except InputError as exc:
                loaded = [exc]
            for result in loaded if isinstance(loaded, list) else [loaded]:
                if isinstance(result, InputError):
                    outcomes.append(Outcome(result.origin, "failed", result.reason))
                    _tick(progress, result.origin)
                else:
                    docs.append(result)
            if len(docs) >= chunk_size:
                outcomes += save_step(docs, store, source, progress)
                docs = []
    if docs:
        outcomes += save_step(docs, store, source, progress)
    if any(o.facts_added for o in outcomes):
        # New people and groups may be the same as stored ones: propose, never force, merges.
        propose_merges(store)
    return outcomes


def _tick(progress: Progress | None, origin: str) -> None:
    if progress is not None:
        progress(origin)
