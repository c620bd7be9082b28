"""Extraction stage: ParsedDocument -> Extraction (mentions + facts with evidence).

English documents go to the spaCy English pipeline, Chinese ones to the jieba-based
Chinese pipeline; both return the same records. Never imports the store.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.parse.language import detect_language
from pipeline.extract.version import EXTRACTOR_VERSION
from pipeline.records import Extraction, ParsedDocument

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_many", "detect_language"]


def extract_many(docs: Iterable[ParsedDocument], batch_size: int = 32) -> Iterator[tuple[ParsedDocument, Extraction]]:
    """Stream documents through the right language pipeline, in batches, keeping input order."""
    batch: list[ParsedDocument] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _extract_batch(batch)
            batch = []
    if batch:
        yield from _extract_batch(batch)


def extract(doc: ParsedDocument) -> Extraction:
    return next(extract_many([doc]))[1]


def _extract_batch(batch: list[ParsedDocument]) -> Iterator[tuple[ParsedDocument, Extraction]]:
    for doc in batch:
        if doc.lang not in ("en", "zh"):
            doc.lang = detect_language(doc.text)
    results: dict[int, Extraction] = {}
    for lang in ("en", "zh"):
        idx = [i for i, d in enumerate(batch) if d.lang == lang]
        if not idx:
            continue
        run = _runner(lang)
        for i, extraction in zip(idx, run([batch[i] for i in idx])):
            results[i] = extraction
    for i, doc in enumerate(batch):
        yield doc, results.get(i, Extraction(facts=[], mentions=[], extractor_version=EXTRACTOR_VERSION))


def _runner(lang: str):
    # Imported on first use: loading a language pipeline costs seconds.
    if lang == "zh":
        from pipeline.extract.chinese import extract_chinese

        return extract_chinese
    from pipeline.extract.english import extract_english

    return extract_english
