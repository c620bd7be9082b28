"""Page layout from pdfplumber words: lines, column gutters, reading order.

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
SPACE_GAP = 0.25  # in font sizes: the narrowest space glyphs; letter spacing stays below it
CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")


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
    """Words of one line, left to right; letter-spaced hanzi are not split by spaces, but a
    real space between hanzi ("组长：王明 国务院副总理") is kept: it separates name and title."""
    text, previous = "", None
    for word in words:
        if text and not (CJK.match(text[-1]) and CJK.match(word["text"][:1])
                         and not _spaced(previous, word)):
            text += " "
        text += word["text"]
        previous = word
    return text


def _spaced(left: Word | None, right: Word) -> bool:
    """A gap as wide as a space glyph (a quarter em or more); letter spacing is narrower."""
    if left is None or "x1" not in left or "size" not in right:
        return False
    return right["x0"] - left["x1"] >= SPACE_GAP * right["size"]


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
    beside = _lines_beside(words, width)
    runs, start = [], None
    for x in range(int(0.2 * page_width), int(0.8 * page_width) + 1):
        # A full-width table above two columns crosses the gutter many times; still, more
        # lines pass beside it (words left and right, none on it) than cross it.
        if coverage[x] <= allowed or coverage[x] < beside[x]:
            start = x if start is None else start
        elif start is not None:
            runs.append((start, x))
            start = None
    # A strip that only the lines-beside test lets through must be gutter-wide by itself:
    # justified text has narrow rivers of aligned word spaces too.
    runs = [refined for a, b in runs if b - a >= MIN_GUTTER
            for refined in [_emptiest(coverage, a, b)]
            if refined[1] - refined[0] >= MIN_GUTTER
            and (b - a >= 2 * MIN_GUTTER or max(coverage[a:b]) <= allowed)]
    return [(a + b) / 2 for a, b in runs] if _are_columns(words, runs, page_width) else []


def usual_gutters(per_page: list[list[float]]) -> list[float]:
    """The gutters that most pages with columns share (to a few points), or []."""
    def key(gutters: list[float]) -> tuple[int, ...]:
        return tuple(round(g / 4) for g in gutters)

    counts = Counter(key(gutters) for gutters in per_page if gutters)
    if not counts or counts.most_common(1)[0][1] < 2:
        return []
    usual = counts.most_common(1)[0][0]
    return next(gutters for gutters in per_page if gutters and key(gutters) == usual)


def fits_gutters(words: list[Word], gutters: list[float]) -> bool:
    """Whether a page leaves these gutters free: text on every side of them, and few lines
    (titles, tables) across them."""
    if not words or any(not column for column in _split_columns(words, gutters)):
        return False
    lines = group_lines(words)
    crossing = sum(1 for line in lines
                   if any(w["x0"] < g < w["x1"] for w in line.words for g in gutters))
    return crossing <= len(lines) / 3


def _lines_beside(words: list[Word], width: int) -> list[int]:
    """Per x, how many lines have words on both sides of x and none on it."""
    beside = [0] * width
    for line in group_lines(words):
        covered = bytearray(width)
        for w in line.words:
            covered[max(0, int(w["x0"])):min(width, int(w["x1"]) + 1)] = \
                b"\x01" * (min(width, int(w["x1"]) + 1) - max(0, int(w["x0"])))
        for x in range(max(0, int(line.x0)), min(width, int(line.x1) + 1)):
            if not covered[x]:
                beside[x] += 1
    return beside


def _emptiest(coverage: list[int], start: int, end: int) -> tuple[int, int]:
    """The emptiest stretch, still gutter-wide, of a low-coverage run: a column of short
    roster lines widens the run far into that column; the true gutter is its empty core."""
    for level in sorted(set(coverage[start:end])):
        best, run_start = (start, start), None
        for x in range(start, end + 1):
            if x < end and coverage[x] <= level:
                run_start = x if run_start is None else run_start
            elif run_start is not None:
                best = max(best, (run_start, x), key=lambda r: r[1] - r[0])
                run_start = None
        if best[1] - best[0] >= MIN_GUTTER:
            return best
    return start, end


def _are_columns(words: list[Word], runs: list[tuple[int, int]], page_width: float) -> bool:
    """Every column holds a fair share of the words, and its lines run up to the gutter on
    their right (a table's label column stops well short of it)."""
    if not runs:
        return False
    columns = _split_columns(words, [(a + b) / 2 for a, b in runs])
    if min(len(column) for column in columns) < 0.15 * len(words):
        return False
    for column, (gutter_start, _) in zip(columns, runs):
        # Wrapped lines of running text reach the gutter; a table's label column never does.
        # Rosters and headings inside a text column stop short, so a fair share is enough.
        ends = [line.x1 for line in group_lines(column)]
        reaching = sum(1 for x1 in ends if gutter_start - x1 < 0.1 * page_width)
        if reaching < max(2, 0.25 * len(ends)):
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
