"""Running sources: crawl -> parse the changed items -> extract and save -> record the run.

Plain functions; the Prefect flows in pipeline/flows.py pass their tasks in as the steps, the
way pipeline.ingest.ingest does. Each document is saved in its own transaction keyed by its
origin, so a run killed half-way and run again ends with the store an uninterrupted run
leaves, and two runs of one source at once cannot store a document or fact twice.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.errors import InputError
from pipeline.extract import EXTRACTOR_VERSION
from pipeline.ingest import Outcome, extract_and_save
from pipeline.parse import parse
from pipeline.parse.html import meta_charset
from pipeline.records import ParsedDocument
from pipeline.sources.archive import Archive
from pipeline.sources.config import SourceConfig
from pipeline.sources.crawl import Crawl, crawl_source


@dataclass
class SourceReport:
    source: str
    seen: int = 0
    unchanged: int = 0
    skipped: int = 0  # disallowed by robots.txt, or left out by the parser options
    outcomes: list[Outcome] = field(default_factory=list)
    error: str | None = None  # the source as a whole failed (listing unreachable, ...)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> int:
        return self.count("failed")

    def summary(self) -> str:
        if self.error:
            return f"{self.source}: failed: {self.error}"
        return (f"{self.source}: {self.seen} items: {self.count('new')} new, "
                f"{self.count('updated')} updated, {self.unchanged} unchanged, "
                f"{self.failed} failed, {self.skipped} skipped")


def parse_changed(config: SourceConfig, crawl: Crawl,
                  store) -> tuple[list[ParsedDocument], dict, list[Outcome]]:
    """Parse the items whose bytes the store does not already hold as extracted now.

    Returns the documents, their transport metadata by origin (for the store's validators),
    and outcomes for items that were unchanged, skipped or failed.
    """
    docs, meta, outcomes = [], {}, []
    for item in crawl.items:
        if item.status != "changed":
            outcomes.append(Outcome(item.url, item.status, item.reason))
            continue
        raw = item.raw
        if store.document_unchanged(raw.origin, raw.content_hash, EXTRACTOR_VERSION):
            outcomes.append(Outcome(raw.origin, "unchanged"))
            store.refresh_validators(raw.origin, raw.etag, raw.last_modified)
            continue
        if config.parser.charset and raw.charset is None and meta_charset(raw.content) is None:
            raw.charset = config.parser.charset  # the page declares nothing: the analyst does
        try:
            doc = parse(raw)
        except InputError as exc:
            outcomes.append(Outcome(item.url, "failed", exc.reason))
            continue
        unwanted = _unwanted(doc, config)
        if unwanted:
            outcomes.append(Outcome(doc.origin, "skipped", unwanted))
            continue
        if doc.lang is None and config.language != "auto":
            doc.lang = config.language  # the hint decides only where detection could not
        docs.append(doc)
        meta[doc.origin] = {"etag": raw.etag, "last_modified": raw.last_modified,
                            "fetched_at": raw.fetched_at, "charset": raw.charset}
    return docs, meta, outcomes


def _unwanted(doc: ParsedDocument, config: SourceConfig) -> str:
    """Why the source's parser options leave this document unextracted ('' to keep it)."""
    options = config.parser
    if len(doc.text.strip()) < options.min_chars:
        return f"shorter than {options.min_chars} characters (parser.min_chars)"
    if options.keep_if and not re.search(options.keep_if, doc.text):
        return "does not match parser.keep_if"
    return ""


def run_source(config: SourceConfig, store, archive: Archive, *, crawl_step: Callable = crawl_source,
               save_step: Callable = extract_and_save, fan_out: Callable | None = None,
               chunk_size: int = 16, **fetcher_options) -> SourceReport:
    """Run one source once. A failure of the whole source is recorded on it and returned.

    Changed documents are extracted and saved in chunks, one after another, or by
    `fan_out(chunks, store, source, raw_meta)` (a Prefect map of save_chunk over Dask workers).
    """
    report = SourceReport(config.name)
    store.register_source(config.name, config.kind, config.location, config.model_dump(mode="json"))
    try:
        known = store.source_validators(config.name)  # one query, not one per item
        validators = lambda origin: known.get(origin) or store.http_validators(origin)  # noqa: E731
        crawl = crawl_step(config, validators, archive, **fetcher_options)
    except InputError as exc:
        report.error = f"{exc.origin}: {exc.reason}"
        store.record_source_run(config.name, error=report.error)
        return report
    docs, meta, report.outcomes = parse_changed(config, crawl, store)
    report.seen = len(crawl.items)
    report.unchanged, report.skipped = report.count("unchanged"), report.count("skipped")
    chunks = [docs[start:start + chunk_size] for start in range(0, len(docs), chunk_size)]
    if fan_out is not None and len(chunks) > 1:
        saved = fan_out(chunks, store, config.name, meta)
    else:
        saved = [save_step(chunk, store, config.name, raw_meta=meta) for chunk in chunks]
    report.outcomes += [outcome for chunk in saved for outcome in chunk]
    notes = "; ".join(crawl.notes) or None
    store.record_source_run(config.name, seen=report.seen, failed=report.failed, error=notes)
    return report


def run_all(configs: list[SourceConfig], run_one: Callable[[SourceConfig], SourceReport],
            on_error: Callable[[SourceConfig, str], None] | None = None) -> list[SourceReport]:
    """Run every source; one source raising never stops the others."""
    reports = []
    for config in configs:
        try:
            reports.append(run_one(config))
        except Exception as exc:  # isolation is the point: report it and go on
            reason = f"{type(exc).__name__}: {exc}"
            if on_error is not None:
                on_error(config, reason)
            reports.append(SourceReport(config.name, error=reason))
    return reports


def save_chunk(docs: list[ParsedDocument], db: str, source: str | None,
               raw_meta: dict[str, dict]) -> list[Outcome]:
    """extract_and_save on a store named by its path, so a chunk can run in another worker."""
    from pipeline.store import open_store

    with open_store(db) as store:
        return extract_and_save(docs, store, source, raw_meta=raw_meta)


def reextract_batches(store, batch_size: int = 64) -> list[list[int]]:
    """Ids of the documents an older extractor version produced, in batches."""
    ids = store.stale_document_ids(EXTRACTOR_VERSION)
    return [ids[i:i + batch_size] for i in range(0, len(ids), batch_size)]


def reextract_documents(ids: list[int], db: str) -> list[Outcome]:
    """Extract stored documents again from their stored text: no fetching, no parsing.

    Takes a database path rather than a store so batches can run in other workers.
    """
    from pipeline.store import open_store

    with open_store(db) as store:
        stored = store.stored_documents(ids)
        return extract_and_save([doc for doc, _ in stored], store,
                                raw_meta={doc.origin: meta for doc, meta in stored})
