"""Where a PDF fact's evidence sits on its page, from the line boxes the PDF parser stores.

`document.pages` holds one span per output line with the box of its words, (x0, top, x1,
bottom) in PDF points from the page's top left (pipeline.parse.pdf_spans); documents parsed
before that hold one span per page and no boxes. The page is drawn as inline SVG (positions as
attributes, which the CSP allows, unlike inline styles): each line of text in its box, the
evidence lines marked. No PDF is rendered, so figures and fonts are not shown.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.parse.pdf_spans import page_ranges, union
from pipeline.records import PageSpan

DRAWN_WIDTH = 640  # pixels the drawn page is scaled to


@dataclass
class DrawnLine:
    x: float
    y: float
    width: float
    height: float
    text: str
    evidence: bool


@dataclass
class PageDrawing:
    page: int
    width: float
    height: float
    lines: list[DrawnLine]
    where: str  # e.g. "lines 4–5 of 14, top third of the page, right column"


def stored_spans(pages: list[dict]) -> list[PageSpan]:
    return [PageSpan(p["page"], p["start"], p["end"], tuple(p["bbox"]) if p.get("bbox") else None)
            for p in pages or []]


def page_holding(spans: list[PageSpan], offset: int) -> PageSpan | None:
    """The whole page (first line's start to last line's end) holding the character at `offset`."""
    ranges = page_ranges(spans)
    for page, following in zip(ranges, ranges[1:] + [None]):
        if page.start <= offset < (following.start if following else page.end):
            return page  # the separator before the next page still belongs to this one
    return None


def drawing(spans: list[PageSpan], text: str, page: int, start: int, end: int) -> PageDrawing | None:
    """The page's lines placed by their boxes, those overlapping text[start:end] marked; None
    when the page's spans carry no boxes or none of them overlaps the evidence."""
    lines = [s for s in spans if s.page == page and s.bbox]
    marked = [s.start < end and start < s.end for s in lines]
    if not any(marked):
        return None
    left, top, right, bottom = union(s.bbox for s in lines)
    # The page's size is not stored: assume margins as wide as the text area's left and top ones.
    width, height = right + left, bottom + top
    scale = DRAWN_WIDTH / width
    drawn = [DrawnLine(round(s.bbox[0] * scale, 1), round(s.bbox[1] * scale, 1),
                       round((s.bbox[2] - s.bbox[0]) * scale, 1),
                       round((s.bbox[3] - s.bbox[1]) * scale, 1), text[s.start:s.end], hit)
             for s, hit in zip(lines, marked)]
    evidence_box = union(s.bbox for s, hit in zip(lines, marked) if hit)
    return PageDrawing(page, DRAWN_WIDTH, round(height * scale, 1), drawn,
                       _where(marked, evidence_box, [s.bbox for s in lines]))


def _where(marked: list[bool], box: tuple, boxes: list[tuple]) -> str:
    numbers = [i + 1 for i, hit in enumerate(marked) if hit]
    lines = (f"line {numbers[0]}" if len(numbers) == 1 else f"lines {numbers[0]}–{numbers[-1]}")
    left, top, right, bottom = union(boxes)
    middle = (box[1] + box[3]) / 2
    third = ("top", "middle", "bottom")[min(2, int(3 * (middle - top) / max(bottom - top, 1)))]
    centre = (left + right) / 2
    # Columns only on a page with lines wholly right of its centre (a short line is not one).
    two_columns = sum(b[0] >= centre - 2 for b in boxes) >= 2
    column = ""
    if two_columns:
        column = (", left column" if box[2] <= centre + 2 else ", right column"
                  if box[0] >= centre - 2 else "")
    return f"{lines} of {len(marked)}, {third} third of the page's text{column}"
