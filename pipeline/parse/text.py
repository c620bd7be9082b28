"""Plain text: decode, normalise newlines, and read title / date / language from the text.

The text is otherwise kept exactly as written (no reflowing, no width or space changes), so
evidence strings quoted from the source stay substrings of the parsed text.
"""
from __future__ import annotations

from pipeline.errors import InputError
from pipeline.parse.language import detect_language
from pipeline.parse.dates import find_published
from pipeline.parse.encoding import (DecodeError, charset_warning, decode,
                                      repair_double_utf8)
from pipeline.records import ParsedDocument, RawDocument

MAX_TITLE_CHARS = 200


def parse_text(raw: RawDocument) -> ParsedDocument:
    try:
        text, encoding = decode(raw.content, raw.charset)
    except DecodeError as exc:
        raise InputError(raw.origin, exc.reason) from None
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError(raw.origin, "empty document")
    warnings = charset_warning(raw.charset, encoding)
    repaired = repair_double_utf8(text) if encoding == "utf-8" else None
    if repaired is not None:
        text = repaired
        warnings.append("repaired doubly encoded UTF-8 (mojibake)")
    return ParsedDocument(origin=raw.origin, text=text, content_hash=raw.content_hash,
                          media_type="text/plain", title=first_line_title(text),
                          lang=detect_language(text), published=find_published(text),
                          encoding=encoding, warnings=warnings)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= MAX_TITLE_CHARS else None
    return None
