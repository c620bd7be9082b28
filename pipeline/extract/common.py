"""Text helpers shared by the English and Chinese extractors.

Everything here keeps character offsets: a reflowed copy of a text carries, for each of its
characters, the offset of that character in the original document.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence

from pipeline.records import Evidence

_LINE_END_PUNCT = re.compile(r"[.!?:;。！？；：\"”’)\]|]\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•·●▪◦‣–]|\d{1,2}[.)])\s+")
_BREAK_RUN = re.compile(r"[ \t]*\n[ \t\n]*")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


def is_hard_wrapped(text: str) -> bool:
    """True for PDF-style text whose lines end mid-sentence most of the time."""
    lines = [ln for ln in text.splitlines() if len(ln.strip()) > 20]
    if len(lines) < 12:
        return False
    open_ended = sum(1 for ln in lines if not _LINE_END_PUNCT.search(ln))
    return open_ended / len(lines) >= 0.5


class Reflowed:
    """A parser-friendly copy of a text plus, for each of its characters, the original offset."""

    def __init__(self, text: str, origin: Sequence[int]):
        self.text = text
        self.origin = origin  # len(text) + 1 entries; the last one is the original length

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of copy characters [start, end)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def reflow(text: str) -> Reflowed:
    """Copy of `text` that a sentence parser reads well, with an offset map back to `text`.

    Control characters become spaces, footnote markers are dropped, runs of spaces shrink to
    one; in hard-wrapped text the breaks inside a paragraph become one space (none after a
    word-splitting hyphen), while paragraph breaks and bullet lines stay lines.
    """
    text = _CONTROL.sub(" ", text)
    wrap = _wrap_width(text)
    short = _short_line_limit(text) if wrap else 0
    edits: list[tuple[int, int, str]] = []
    for m in _EDIT.finditer(text):
        edits.append((m.start(), m.end(), _replacement(text, m, wrap, short)))
    out: list[str] = []
    origin = array("q")  # 8 bytes a character, not a Python int object each
    pos = 0
    for start, end, repl in edits:
        out.append(text[pos:start])
        origin.extend(range(pos, start))
        out.append(repl)
        origin.extend([start] * len(repl))
        pos = end
    out.append(text[pos:])
    origin.extend(range(pos, len(text)))
    origin.append(len(text))
    return Reflowed("".join(out), origin)


_EDIT = re.compile(r"\[\d{1,3}\]"                                   # "[4]" reference marks
                   r"|(?<=\b(?:1[89]|20)\d\d)\.\d{1,2}(?=\s)"         # "in 1958.4 The"
                   r"|(?<=[A-Za-z)’”'\"])\.\d{1,2}(?=\s|$)"             # "Han Zheng.12"
                   r"|(?<=[.!?][’”'\"])\d{1,2}(?=\s|$)"                  # "purpose.’5"
                   r"|[ \t]*\n[ \t\n]*|[ \t]{2,}")


def _wrap_width(text: str) -> int:
    """How many newlines a wrapped-line break has (0: the text is not hard-wrapped)."""
    if not is_hard_wrapped(text):
        return 0
    runs = sorted(m.group().count("\n") for m in _BREAK_RUN.finditer(text))
    # Some converters put a blank line after every wrapped line; then a paragraph needs more.
    return 2 if runs[len(runs) // 2] >= 2 else 1


def _short_line_limit(text: str) -> int:
    """Lines shorter than this, without final punctuation, are labels or headings, not wrapped text."""
    lengths = sorted(len(ln.strip()) for ln in text.splitlines() if len(ln.strip()) > 20)
    return int(lengths[len(lengths) // 2] * 0.6) if lengths else 0


def _replacement(text: str, m: re.Match, wrap: int, short: int = 0) -> str:
    found = m.group()
    if found.startswith("["):
        return ""
    if found.startswith("."):
        return "."
    if found[0].isdigit():
        return ""
    lines = found.count("\n")
    if not lines:
        return " "
    if lines > wrap or _BULLET.match(text[m.end(): m.end() + 4]) or _label_line(text, m.start(), short):
        return "\n\n" if lines > 1 else "\n"
    if m.start() > 1 and text[m.start() - 1] == "-" and text[m.start() - 2].isalpha():
        return ""
    return " "


def _label_line(text: str, end: int, short: int) -> bool:
    """"Parent agency CPC Central Committee" above a sentence: a short line with no end punctuation."""
    line = text[text.rfind("\n", 0, end) + 1: end].strip()
    return bool(line) and len(line) < short and not _LINE_END_PUNCT.search(line) and not line.endswith((",", "-"))


def paragraph_chunks(text: str, max_len: int) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of at most `max_len` characters, cut at paragraph breaks when possible."""
    start = 0
    while start < len(text):
        end = min(len(text), start + max_len)
        if end < len(text):
            cut = max((m.end() for m in _PARAGRAPH.finditer(text, start + max_len // 2, end)), default=-1)
            if cut < 0:
                cut = text.rfind("\n", start + max_len // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + max_len // 2, end)
            end = cut if cut > start else end
        yield start, text[start:end]
        start = end


def evidence(text: str, start: int, end: int) -> Evidence:
    """Evidence for text[start:end] with surrounding whitespace trimmed; offsets stay exact."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(text=text[start:end], start=start, end=end)


def clean_surface(surface: str) -> str:
    """A name as written, without quotes, footnote digits or line-wrap whitespace."""
    surface = re.sub(r"[‘’“”\"«»「」『』]", "", surface)
    surface = re.sub(r"(?<=\w)-\s*\n\s*(?=\w)", "-", surface)
    surface = re.sub(r"\s+", " ", surface).strip(" ,;:.-")
    return re.sub(r"(?i)^the\s+", "", surface)
