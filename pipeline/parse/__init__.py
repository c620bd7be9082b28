"""Parse stage: RawDocument -> ParsedDocument (clean text + metadata + page offsets).

The format is decided by the bytes first (servers and file names lie), then by the declared
media type: %PDF -> PDF, an <html> start -> HTML, anything else -> plain text.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError
from pipeline.fetch import read_file
from pipeline.parse.html import parse_html
from pipeline.parse.pdf import parse_pdf
from pipeline.parse.text import parse_text
from pipeline.records import ParsedDocument, RawDocument

__all__ = ["parse", "parse_file", "sniff_media_type"]


def parse(raw: RawDocument) -> ParsedDocument:
    if not raw.content.strip():
        raise InputError(raw.origin, "empty document")
    media_type = sniff_media_type(raw.content, raw.media_type)
    if media_type == "application/pdf":
        return parse_pdf(raw)
    if media_type == "text/html":
        return parse_html(raw)
    return parse_text(raw)


def parse_file(path: Path | str) -> ParsedDocument:
    return parse(read_file(path))


def sniff_media_type(content: bytes, declared: str | None) -> str:
    if b"%PDF-" in content[:1024]:
        return "application/pdf"
    head = content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (
            head.startswith(b"<") and (b"<html" in head or b"<body" in head)):
        return "text/html"
    if declared in ("text/html", "application/xhtml+xml"):
        return "text/html"
    if declared == "application/pdf":
        return "application/pdf"  # no %PDF header: parse_pdf reports it as corrupt
    return "text/plain"
