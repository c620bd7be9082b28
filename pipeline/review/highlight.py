"""Evidence highlighting: escape every piece of text first, then wrap the spans in <mark>.

Offsets always index the raw text, never the escaped HTML, so an `&` or `<` in the
evidence can neither shift a span nor open a tag.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from .words import event_words, role_words

LABELS = ("person", "group", "role", "date", "event", "evidence")

_DATE_PATTERN = re.compile(
    r"\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?"
    r"|\d{4}-\d{2}(?:-\d{2})?"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2},?)?\s+\d{4}"
    r"|\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


def render(text: str, spans: list[Span]) -> Markup:
    """`text` as HTML with non-overlapping spans wrapped; earlier and longer spans win."""
    out: list[str] = []
    cursor = 0
    for span in _non_overlapping(spans, len(text)):
        out.append(escape(text[cursor:span.start]))
        out.append(Markup('<mark class="hl hl-%s">') % span.label)
        out.append(escape(text[span.start:span.end]))
        out.append(Markup("</mark>"))
        cursor = span.end
    out.append(escape(text[cursor:]))
    return Markup("").join(out)


def find_spans(text: str, *, person: list[str] = (), group: list[str] = (),
               role: str | None = None, event: str | None = None) -> list[Span]:
    """Spans found by searching the evidence for the fact's names, role words and dates."""
    spans: list[Span] = []
    for label, pattern in (("person", _pattern(tuple(person))), ("group", _pattern(tuple(group))),
                           ("role", _pattern(role_words().get(role or "", ()))),
                           ("event", _pattern(event_words().get(event or "", ()))),
                           ("date", _DATE_PATTERN)):
        if pattern is not None:
            spans.extend(Span(m.start(), m.end(), label) for m in pattern.finditer(text))
    return spans


def shift(spans: list[tuple[int, int, str]], offset: int, length: int) -> list[Span]:
    """Document-level (start, end, label) mentions -> spans relative to an excerpt."""
    result = []
    for start, end, label in spans:
        start, end = start - offset, end - offset
        if 0 <= start < end <= length:
            result.append(Span(start, end, label.lower()))
    return result


@lru_cache(maxsize=4096)
def _pattern(needles: tuple[str, ...]) -> re.Pattern | None:
    """One alternation, longest needle first, case-folded.

    Word boundaries only around Latin needles: Chinese has no spaces between words.
    """
    words = sorted({n for n in needles if n and len(n) > 1}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(r"(?<!\w)" + re.escape(w) + r"(?!\w)" if w.isascii() else re.escape(w)
                               for w in words), re.IGNORECASE)


def _non_overlapping(spans: list[Span], length: int) -> list[Span]:
    chosen: list[Span] = []
    end_of_last = 0
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start < end_of_last or span.start < 0 or span.end > length or span.end <= span.start:
            continue
        if span.label not in LABELS:
            span = Span(span.start, span.end, "other")
        chosen.append(span)
        end_of_last = span.end
    return chosen
