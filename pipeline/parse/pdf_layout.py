"""Page layout from pdfplumber words: lines, column gutters, reading order, paragraphs.

Works on the word dicts of `page.extract_words(extra_attrs=["size"])` (x0, x1, top, bottom,
text, size) so one pass over the characters serves every decision on the page.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property

Word = dict

MIN_GUTTER = 6  # points; narrower white strips are word spaces that happen to line up
TABLE_GAP = 2.5  # in font sizes; even stretched justified spacing stays well below this
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")
_SENTENCE_END = tuple(".!?。！？:：;；\"”'’)）")


class Line:
    """Words on one baseline, with their bounding box kept up to date as words are added."""

    def __init__(self, words: list[Word]):
        self.words: list[Word] = []
        self.top = self.x0 = float("inf")
        self.bottom = self.x1 = float("-inf")
        for word in words:
            self.add(word)

    def add(self, word: Word) -> None:
        self.words.append(word)
        self.top, self.bottom = min(self.top, word["top"]), max(self.bottom, word["bottom"])
        self.x0, self.x1 = min(self.x0, word["x0"]), max(self.x1, word["x1"])
        self.__dict__.pop("size", None)

    @cached_property
    def size(self) -> float:
        # The size most of the line's characters are set in (superscripts do not count).
        sizes = Counter()
        for w in self.words:
            sizes[round(w["size"], 1)] += len(w["text"])
        return sizes.most_common(1)[0][0]

    @property
    def text(self) -> str:
        return join_words(sorted(self.words, key=lambda w: w["x0"]))

    def cells(self) -> list[tuple[float, str]]:
        """(x0, text) of the parts of the line that stand far apart, as table cells do."""
        cells: list[list[Word]] = []
        for word in sorted(self.words, key=lambda w: w["x0"]):
            if cells and word["x0"] - cells[-1][-1]["x1"] <= TABLE_GAP * self.size:
                cells[-1].append(word)
            else:
                cells.append([word])
        return [(cell[0]["x0"], join_words(cell)) for cell in cells]


def join_words(words: list[Word]) -> str:
    """Words of one line, left to right; letter-spaced hanzi are not split by spaces."""
    text = ""
    for word in words:
        if text and not (_CJK.match(text[-1]) and _CJK.match(word["text"][:1])):
            text += " "
        text += word["text"]
    return text


def group_lines(words: list[Word]) -> list[Line]:
    """Words sharing most of their height form one line; lines come top to bottom."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines:
            line = lines[-1]
            overlap = min(line.bottom, word["bottom"]) - max(line.top, word["top"])
            height = min(line.bottom - line.top, word["bottom"] - word["top"]) or 1.0
            if overlap >= 0.5 * height:
                line.add(word)
                continue
        lines.append(Line([word]))
    return lines


def body_font_size(words: list[Word]) -> float:
    sizes = Counter()
    for w in words:
        sizes[round(w["size"] * 2) / 2] += len(w["text"])
    return sizes.most_common(1)[0][0] if sizes else 10.0


def find_gutters(words: list[Word], page_width: float) -> list[float]:
    """x positions of empty vertical strips that split the page into text columns."""
    if len(words) < 10:
        return []
    width = int(page_width) + 1
    coverage = [0] * width
    for w in words:
        for x in range(max(0, int(w["x0"])), min(width, int(w["x1"]) + 1)):
            coverage[x] += 1
    occupied = sorted(c for c in coverage if c)
    # Full-width titles, headings and footnotes cross a gutter; column text never does.
    allowed = max(1, int(0.4 * occupied[len(occupied) // 2]))
    runs, start = [], None
    for x in range(int(0.2 * page_width), int(0.8 * page_width) + 1):
        if coverage[x] <= allowed:
            start = x if start is None else start
        elif start is not None:
            runs.append((start, x))
            start = None
    runs = [(a, b) for a, b in runs if b - a >= MIN_GUTTER]
    return [(a + b) / 2 for a, b in runs] if _are_columns(words, runs, page_width) else []


def _are_columns(words: list[Word], runs: list[tuple[int, int]], page_width: float) -> bool:
    """Every column holds a fair share of the words, and its lines run up to the gutter on
    their right (a table's label column stops well short of it)."""
    if not runs:
        return False
    columns = _split_columns(words, [(a + b) / 2 for a, b in runs])
    if min(len(column) for column in columns) < 0.15 * len(words):
        return False
    for column, (gutter_start, _) in zip(columns, runs):
        ends = sorted(line.x1 for line in group_lines(column))
        if gutter_start - ends[len(ends) // 2] >= 0.1 * page_width:
            return False
    return True


def _split_columns(words: list[Word], gutters: list[float]) -> list[list[Word]]:
    columns: list[list[Word]] = [[] for _ in range(len(gutters) + 1)]
    for w in words:
        columns[bisect.bisect_left(gutters, w["x0"])].append(w)
    return columns


def reading_order(words: list[Word], gutters: list[float]) -> list[Line]:
    """Lines in reading order: lines crossing a gutter (titles, wide headings) split the page
    into bands; inside a band the columns are read left to right."""
    if not gutters:
        return group_lines(words)
    ordered: list[Line] = []
    band: list[Word] = []
    for line in group_lines(words):
        if any(w["x0"] < g < w["x1"] for w in line.words for g in gutters):
            ordered.extend(_band_lines(band, gutters))
            band = []
            ordered.append(line)
        else:
            band.extend(line.words)
    ordered.extend(_band_lines(band, gutters))
    return ordered


def _band_lines(words: list[Word], gutters: list[float]) -> list[Line]:
    return [line for column in _split_columns(words, gutters) for line in group_lines(column)]


def paragraphs(lines: list[Line]) -> str:
    """Join lines into paragraphs separated by blank lines; re-join hyphenated words.
    Table rows keep a line each, written the way HTML tables come out of the page extractor."""
    cells = [line.cells() for line in lines]
    rows = _table_rows(cells)
    text = ""
    for i, line in enumerate(lines):
        current = "| " + " | ".join(c for _, c in cells[i]) + " |" if rows[i] else line.text
        if i == 0:
            text = current
        elif _starts_paragraph(lines[i - 1], line):
            text += "\n\n" + current
        elif rows[i] or rows[i - 1]:
            text += "\n" + current
        else:
            text = join_line(text, current)
    return text


def _table_rows(cells: list[list[tuple[float, str]]]) -> list[bool]:
    """A line is a table row when it and a neighbour have cells starting at the same x; a
    stretched justified line has wide gaps too, but not aligned with the next line's."""
    starts = [{round(x) for x, _ in line[1:]} for line in cells]

    def aligned(a: int, b: int) -> bool:
        return 0 <= b < len(starts) and any(abs(x - y) <= 2 for x in starts[a] for y in starts[b])

    return [bool(starts[i]) and (aligned(i, i - 1) or aligned(i, i + 1)) for i in range(len(cells))]


def _starts_paragraph(previous: Line, line: Line) -> bool:
    if abs(line.size - previous.size) > 0.5:
        return True  # headings and captions stand alone
    if line.top < previous.top:  # the next column: a paragraph only if the last one ended
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
    return text + " " + line
