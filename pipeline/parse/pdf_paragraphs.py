"""Page lines -> text: paragraphs, deliberate line breaks, table rows, line joins.

Lines come in reading order from pipeline.parse.pdf_layout. A typesetter's wrap is undone
(hyphens re-joined, no space between hanzi); a writer's break is kept: a paragraph gap, a
line ending short of its column (roster entries, list items), a table row.
"""
from __future__ import annotations

import bisect
import re

from pipeline.parse.pdf_layout import CJK as _CJK, SPACE_GAP, Line
from pipeline.parse.pdf_spans import Box, union

LineSpan = tuple[int, int, Box]  # [start, end) of the text, and the box of its words

JUSTIFIED_SLACK = 0.15  # in font sizes: how far short of the edge a justified line may end
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SENTENCE_END = tuple(".!?。！？:：;；\"”'’)）")


def laid_out(lines: list[Line], gutters: list[float] = ()) -> tuple[str, list[LineSpan]]:
    """Join lines into paragraphs separated by blank lines; re-join hyphenated words.
    Table rows keep a line each, written the way HTML tables come out of the page extractor;
    the wrapped lines of a table cell go back into their cell.
    Also returns, per output line, (start, end, bbox): text[start:end] is the line as it
    reads after joining (a re-joined word's hyphen belongs to neither half); a table row with
    wrapped cells is one span boxing all its lines."""
    cells = [[text for _, text in line.cells()] for line in lines]
    rows = _table_rows([line.cells() for line in lines])
    margins = _right_margins(lines, gutters, rows)
    text, last, bottom = "", None, 0.0  # the line written last, and where it ends
    spans: list[LineSpan] = []
    for i, line in enumerate(lines):
        if last is not None and rows[last] and not rows[i]:
            column = _continued_cell(lines[last], bottom, line)
            if column is not None:
                cells[last][column] = join_line(cells[last][column], line.text)
                text = text[: text.rindex("\n") + 1] if "\n" in text else ""
                row_start, _, row_box = spans.pop()
                text += _row(cells[last])
                spans.append((row_start, len(text), union([row_box, _box(line)])))
                bottom = line.bottom
                continue
        current = _row(cells[i]) if rows[i] else line.text
        if last is None:
            text = current
        elif rows[i] and rows[last]:
            text += "\n" + current  # rows of one table, however much padding between them
        elif _starts_paragraph(lines[last], line):
            text += "\n\n" + current
        elif rows[i] or rows[last] or _ends_early(lines[last], line, margins[last]):
            text += "\n" + current
        else:
            joined = join_line(text, current)
            start, end, box = spans.pop()  # the join may drop the previous line's hyphen
            end = min(end, len(joined) - len(current))
            if start < end:
                spans.append((start, end, box))
            text = joined
        spans.append((len(text) - len(current), len(text), _box(line)))
        last, bottom = i, line.bottom
    return text, spans


def _box(line: Line) -> Box:
    return (round(line.x0, 2), round(line.top, 2), round(line.x1, 2), round(line.bottom, 2))


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _continued_cell(row: Line, bottom: float, line: Line) -> int | None:
    """Which cell of `row` the next `line` continues: it starts where a later cell starts,
    right below the row (or its last continued line, ending at `bottom`), with nothing in
    the first cell."""
    if line.top - bottom > 0.6 * line.size or abs(line.size - row.size) > 0.5:
        return None
    starts = [x for x, _ in row.cells()]
    for column, x in enumerate(starts[1:], start=1):
        if abs(line.x0 - x) <= 2:
            return column
    return None


def _right_margins(lines: list[Line], gutters: list[float],
                   rows: list[bool]) -> list[tuple[float, bool] | None]:
    """Per line, the right edge its column wraps at (the longest end, among the lines sharing
    its left edge and columns, that another line reaches within a character, so the edge is
    the wrap width and not one long line among ragged short ones) and whether the column is
    set justified (several lines end exactly there); None when the edge cannot be told.
    Table rows say nothing about the text column's edge."""
    def span(line: Line) -> tuple[int, int]:  # the columns a line starts and ends in
        return bisect.bisect(gutters, line.x0), bisect.bisect(gutters, line.x1)

    margins: list[tuple[float, bool] | None] = []
    for line in lines:
        mates = sorted((other.x1 for n, other in enumerate(lines) if not rows[n]
                        and abs(other.x0 - line.x0) <= line.size
                        and abs(other.size - line.size) <= 0.5 and span(other) == span(line)),
                       reverse=True)
        # The longest end that another line shares: one overlong line does not set the edge.
        edge = next((x1 for x1 in mates if sum(1 for e in mates if 0 <= x1 - e <= line.size) >= 2),
                    None)
        if edge is None:
            margins.append(None)
            continue
        justified = sum(1 for x1 in mates if abs(edge - x1) <= 0.5) >= 3
        margins.append((edge, justified))
    return margins


def _ends_early(previous: Line, line: Line, margin: tuple[float, bool] | None) -> bool:
    """The writer broke the previous line on purpose (roster entries, list items, short
    lines): in justified type any line well short of the edge ends there; in ragged type,
    one that stopped although the next line's first word would have fitted after it."""
    if margin is None or previous.text.endswith("-"):
        return False  # a hyphen at the end of a line asks for the next one
    edge, justified = margin
    if justified and not _CJK.match(previous.text[-1:]):
        # Justified lines end exactly at the edge; even a nearly full one ending short of it
        # is the last line of a paragraph.
        return edge - previous.x1 > JUSTIFIED_SLACK * previous.size
    # Chinese wraps without a space: the next character only needed its own width.
    slack = 0.5 if _chinese_tail(previous.text) else SPACE_GAP * line.size + 1
    return edge - previous.x1 > _first_unbreakable_width(line) + slack


def _first_unbreakable_width(line: Line) -> float:
    """Width of what the line could not have been broken before: its first word, or in
    Chinese (which wraps between any two characters) its first hanzi or run of digits."""
    first = min(line.words, key=lambda w: w["x0"])
    text = first["text"]
    if not _CJK.search(text):
        return first["x1"] - first["x0"]
    lead = re.match(rf"{_CJK.pattern}|[^\u3000-\u9fff\uf900-\uffef]+", text)[0]
    # Hanzi are set a full em wide, Latin letters and digits about half that.
    weight = lambda chunk: sum(2 if _CJK.match(ch) else 1 for ch in chunk)  # noqa: E731
    return (first["x1"] - first["x0"]) * weight(lead) / weight(text)


def _table_rows(cells: list[list[tuple[float, str]]]) -> list[bool]:
    """A line is a table row when it and a neighbour have cells starting at the same x; a
    stretched justified line has wide gaps too, but not aligned with the next line's."""
    starts = [{round(x) for x, _ in line[1:]} for line in cells]

    def aligned(a: int, b: int) -> bool:
        return 0 <= b < len(starts) and any(abs(x - y) <= 2 for x in starts[a] for y in starts[b])

    # Rows with a one-cell line between them (a heading row, a wrapped cell) still align.
    return [bool(starts[i]) and any(aligned(i, i + d) for d in (-3, -2, -1, 1, 2, 3))
            for i in range(len(cells))]


def _starts_paragraph(previous: Line, line: Line) -> bool:
    if abs(line.size - previous.size) > 0.5:
        return True  # headings and captions stand alone
    if line.top < previous.top + 0.5 * previous.size:  # the next column (or one level with it)
        # starts a paragraph only if the last line ended one
        return previous.text.endswith(_SENTENCE_END)
    gap = line.top - previous.bottom
    return gap > 0.6 * previous.size


def join_line(text: str, line: str) -> str:
    tail = text[-2:]  # only the end matters; searching the whole text grows quadratic
    if re.fullmatch(r"[A-Za-z]-", tail) and line[:1].islower():
        return text[:-1] + line  # "infor-" + "mation"
    if re.fullmatch(r"\w-", tail):
        return text + line  # "Sino-" + "American", "1980-" + "2012"
    if _CJK.match(tail[-1:]) and _CJK.match(line[:1]):
        return text + line  # Chinese has no spaces between words
    if _chinese_tail(text) and not (_LATIN.match(tail[-1:]) and _LATIN.match(line[:1])):
        # Chinese wraps between any two characters: "〔2012" + "〕60号", "20" + "18年".
        return text + line
    return text + " " + line


def _chinese_tail(text: str, reach: int = 40) -> bool:
    """Whether the end of `text` is Chinese (most of its characters hanzi), so a line break
    there is no word space."""
    end = text[-reach:]
    return len(_CJK.findall(end)) * 2 > len(end.strip())
