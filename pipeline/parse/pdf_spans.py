"""Where a PDF document's text sits on its pages.

The PDF parser records one PageSpan per output line: doc.text[span.start:span.end] is that
line's text as it reads in the document, and span.bbox = (x0, top, x1, bottom) in PDF points
(origin at the top left of the page) of the words it came from. These helpers answer the
questions readers of the spans ask: which page an offset is on, which lines a stretch of text
(a fact's evidence) covers, and where each page's text begins and ends.
"""
from __future__ import annotations

import bisect
from typing import Iterable

from pipeline.records import ParsedDocument, PageSpan

Box = tuple[float, float, float, float]


def page_of(doc: ParsedDocument, offset: int) -> int | None:
    """The page the character at `offset` comes from. Separators between lines belong to the
    line before them; None for a document without page spans (HTML, plain text)."""
    if not doc.pages:
        return None
    index = bisect.bisect_right([span.start for span in doc.pages], offset) - 1
    return doc.pages[max(index, 0)].page


def spans_for(doc: ParsedDocument, start: int, end: int) -> list[PageSpan]:
    """The line spans that text[start:end] overlaps, in text order (for a hyphen-joined word,
    both halves' lines)."""
    first = bisect.bisect_right([span.end for span in doc.pages], start)
    found = []
    for span in doc.pages[first:]:
        if span.start >= max(end, start + 1):
            break
        found.append(span)
    return found


def page_ranges(pages: Iterable[PageSpan]) -> list[PageSpan]:
    """One span per page with text, from its first line's start to its last line's end."""
    ranges: list[PageSpan] = []
    for span in pages:
        if ranges and ranges[-1].page == span.page:
            ranges[-1] = PageSpan(span.page, ranges[-1].start, max(ranges[-1].end, span.end))
        else:
            ranges.append(PageSpan(span.page, span.start, span.end))
    return ranges


def union(boxes: Iterable[Box]) -> Box:
    x0s, tops, x1s, bottoms = zip(*boxes)
    return min(x0s), min(tops), max(x1s), max(bottoms)


def shifted(spans: Iterable[tuple[int, int, Box]], offset: int) -> list[tuple[int, int, Box]]:
    return [(start + offset, end + offset, box) for start, end, box in spans]
