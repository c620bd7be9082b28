"""Lines and sentences of a Chinese text as (start, end) offsets, surrounding spaces trimmed."""
from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """Every line, blank ones included (as empty spans), so callers can see the gaps."""
    start = 0
    for match in re.finditer(r"\n", text + "\n"):
        yield trimmed(text, start, match.start())
        start = match.end()


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(text + "\n"):
        span = trimmed(text, start, match.start())
        if span[1] > span[0]:
            yield span
        start = match.end()


def clause_around(text: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """The comma-delimited clause of `sentence` holding text[start:end]."""
    left = max(text.rfind(ch, sentence[0], start) for ch in ",，") + 1
    rights = [i for i in (text.find(ch, end, sentence[1]) for ch in ",，") if i >= 0]
    return trimmed(text, max(left, sentence[0]), min(rights) if rights else sentence[1])
